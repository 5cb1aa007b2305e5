//! The HTML page in a real browser: Debian's `chromium`, driven over
//! WebDriver by its `chromedriver`, through a few lines of HTTP written here
//! (no async stack, no browser download). Skipped with a message when either
//! is missing, unless `RESDIFF_REQUIRE_BROWSER=1` (set by `.ci/run`) makes
//! that a failure. Screenshots go to `target/browser-screenshots/`.

mod common;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use common::*;
use serde_json::{Value, json};

/// One browser at a time: two cores are shared with the rest of the suite.
static BROWSER: Mutex<()> = Mutex::new(());

fn find_in_path(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        for n in names {
            let p = dir.join(n);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    None
}

/// chromedriver and the browser binary, or why not.
fn tools() -> Result<(PathBuf, PathBuf), String> {
    let driver = find_in_path(&["chromedriver"]).ok_or("chromedriver not found on PATH")?;
    let browser = std::env::var_os("CHROME_BIN")
        .map(PathBuf::from)
        .or_else(|| find_in_path(&["chromium", "chromium-browser"]))
        .ok_or("chromium not found on PATH")?;
    Ok((driver, browser))
}

/// A minimal HTTP/1.1 exchange with chromedriver on localhost. chromedriver
/// keeps the connection open whatever the request says, so the body is read
/// by its `Content-Length` (or its chunks), never to the end of the stream.
fn http(
    port: u16,
    method: &str,
    path: &str,
    body: Option<&Value>,
) -> std::io::Result<(u16, Value)> {
    let mut s = TcpStream::connect(("127.0.0.1", port))?;
    s.set_read_timeout(Some(Duration::from_secs(60)))?;
    let body = body.map(Value::to_string).unwrap_or_default();
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )?;
    let mut raw = Vec::new();
    let mut buf = [0u8; 65536];
    let complete = |raw: &[u8]| -> Option<(usize, Option<usize>, bool)> {
        let end = raw.windows(4).position(|w| w == b"\r\n\r\n")? + 4;
        let head = String::from_utf8_lossy(&raw[..end]).to_ascii_lowercase();
        let header = |name: &str| {
            head.lines()
                .find_map(|l| l.strip_prefix(name).map(|v| v.trim().to_string()))
        };
        let len = header("content-length:").and_then(|v| v.parse().ok());
        let chunked = header("transfer-encoding:").is_some_and(|v| v.contains("chunked"));
        Some((end, len, chunked))
    };
    loop {
        if let Some((end, len, chunked)) = complete(&raw) {
            let done = match (len, chunked) {
                (Some(n), _) => raw.len() >= end + n,
                (None, true) => raw.ends_with(b"0\r\n\r\n"),
                (None, false) => false,
            };
            if done {
                break;
            }
        }
        let n = s.read(&mut buf)?;
        if n == 0 {
            break;
        }
        raw.extend_from_slice(&buf[..n]);
    }
    let text = String::from_utf8_lossy(&raw);
    let (head, rest) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let chunked = head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked");
    let payload = if chunked {
        dechunk(rest)
    } else {
        rest.to_string()
    };
    let v = serde_json::from_str(&payload).unwrap_or(Value::String(payload));
    Ok((status, v))
}

fn dechunk(mut s: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = s.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 || rest.len() < n {
            break;
        }
        out.push_str(&rest[..n]);
        s = rest[n..].trim_start_matches("\r\n");
    }
    out
}

/// A running chromedriver, killed on drop.
struct Driver {
    child: Child,
    port: u16,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A browser session, closed on drop (chromedriver then ends the browser).
struct Session<'a> {
    driver: &'a Driver,
    id: String,
    _profile: tempfile::TempDir,
}

impl Drop for Session<'_> {
    fn drop(&mut self) {
        let _ = http(
            self.driver.port,
            "DELETE",
            &format!("/session/{}", self.id),
            None,
        );
    }
}

impl Session<'_> {
    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        self.try_call(method, path, body)
            .unwrap_or_else(|e| panic!("{method} {path}: {e}"))
    }

    /// [`Session::call`], with chromedriver's error as a value.
    fn try_call(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value, String> {
        let (status, v) = http(
            self.driver.port,
            method,
            &format!("/session/{}{path}", self.id),
            body.as_ref(),
        )
        .map_err(|e| e.to_string())?;
        if status != 200 {
            return Err(format!("HTTP {status}: {v}"));
        }
        Ok(v["value"].clone())
    }

    fn goto(&self, url: &str) {
        self.call("POST", "/url", Some(json!({ "url": url })));
    }

    /// Runs a script in the page and returns its value.
    fn js(&self, script: &str) -> Value {
        self.call(
            "POST",
            "/execute/sync",
            Some(json!({ "script": script, "args": [] })),
        )
    }

    /// A Chrome DevTools command through chromedriver.
    fn cdp(&self, cmd: &str, params: Value) -> Value {
        self.call(
            "POST",
            "/goog/cdp/execute",
            Some(json!({ "cmd": cmd, "params": params })),
        )
    }

    fn click(&self, css: &str) {
        let el = self.call(
            "POST",
            "/element",
            Some(json!({ "using": "css selector", "value": css })),
        );
        let id = el
            .as_object()
            .and_then(|o| o.values().next())
            .and_then(Value::as_str)
            .unwrap_or_else(|| panic!("no element {css}: {el}"))
            .to_string();
        self.call("POST", &format!("/element/{id}/click"), Some(json!({})));
    }

    /// Browser console entries since the last call.
    fn console(&self) -> Vec<Value> {
        let v = self.call("POST", "/se/log", Some(json!({ "type": "browser" })));
        v.as_array().cloned().unwrap_or_default()
    }

    /// The requests the browser made for the document at `document` (the
    /// network events of chromedriver's performance log, its own navigation
    /// included) since the last call: what reached the network stack,
    /// whatever the page's own APIs report. (The browser's own new-tab page
    /// at start-up makes requests of its own: they are not the page's.)
    fn requests(&self, document: &str) -> Vec<String> {
        let v = self.call("POST", "/se/log", Some(json!({ "type": "performance" })));
        v.as_array()
            .into_iter()
            .flatten()
            .filter_map(|e| serde_json::from_str::<Value>(e["message"].as_str()?).ok())
            .filter(|m| {
                m["message"]["method"] == "Network.requestWillBeSent"
                    && m["message"]["params"]["documentURL"] == document
            })
            .filter_map(|m| {
                Some(
                    m["message"]["params"]["request"]["url"]
                        .as_str()?
                        .to_string(),
                )
            })
            .collect()
    }

    fn console_errors(&self) -> Vec<String> {
        self.console()
            .into_iter()
            .filter(|e| e["level"] == "SEVERE" || e["level"] == "WARNING")
            .map(|e| e["message"].as_str().unwrap_or("").to_string())
            .collect()
    }

    /// Viewport size, phone emulation and colour scheme.
    fn view(&self, width: u32, height: u32, mobile: bool, dark: bool) {
        self.cdp(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile }),
        );
        self.cdp(
            "Emulation.setEmulatedMedia",
            json!({ "media": "", "features": [{ "name": "prefers-color-scheme", "value": if dark { "dark" } else { "light" } }] }),
        );
    }

    fn screenshot(&self, name: &str) -> PathBuf {
        // chromedriver at times answers a screenshot taken just after a
        // navigation with "timeout from aborted by navigation: Not attached
        // to an active page" (seen once in many CI runs): the page is
        // there a moment later, so the screenshot is asked for again, at
        // most three times in all
        let mut tries = 0;
        let b64 = loop {
            tries += 1;
            match self.try_call("GET", "/screenshot", None) {
                Ok(v) => break v,
                Err(e) if tries < 3 && e.contains("navigation") => {
                    std::thread::sleep(std::time::Duration::from_millis(300));
                }
                Err(e) => panic!("GET /screenshot: {e}"),
            }
        };
        let png = base64_decode(b64.as_str().expect("base64 screenshot"));
        assert!(png.starts_with(b"\x89PNG"), "not a PNG");
        let dir = root().join("target/browser-screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join(format!("{name}.png"));
        std::fs::write(&p, png).unwrap();
        eprintln!("screenshot: {}", p.display());
        p
    }
}

fn base64_decode(s: &str) -> Vec<u8> {
    let val = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0);
    for v in s.bytes().filter_map(val) {
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}

/// Starts chromedriver and a headless Chromium and runs `f`, or prints why
/// it is skipping.
fn with_browser(test: &str, f: impl FnOnce(&Session)) {
    let (driver_bin, browser_bin) = match tools() {
        Ok(t) => t,
        Err(why) => {
            if std::env::var_os("RESDIFF_REQUIRE_BROWSER").is_some_and(|v| v == "1") {
                panic!("{test}: {why}, and RESDIFF_REQUIRE_BROWSER=1");
            }
            eprintln!("skipping {test}: {why} (apt-get install chromium chromium-driver)");
            return;
        }
    };
    let _one = BROWSER.lock().unwrap_or_else(|e| e.into_inner());
    let started = Instant::now();
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new(&driver_bin)
        .arg(format!("--port={port}"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromedriver");
    let driver = Driver { child, port };
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if let Ok((200, v)) = http(port, "GET", "/status", None)
            && v["value"]["ready"] == true
        {
            break;
        }
        assert!(Instant::now() < deadline, "chromedriver did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    let profile = tempfile::tempdir().unwrap();
    let args = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--hide-scrollbars",
        "--window-size=1280,1000",
        &format!("--user-data-dir={}", profile.path().display()),
    ];
    let caps = json!({ "capabilities": { "alwaysMatch": {
        "browserName": "chrome",
        "goog:chromeOptions": { "binary": browser_bin, "args": args },
        "goog:loggingPrefs": { "browser": "ALL", "performance": "ALL" }
    }}});
    let (status, v) = http(port, "POST", "/session", Some(&caps)).expect("new session");
    assert_eq!(status, 200, "new session: {v}");
    let id = v["value"]["sessionId"]
        .as_str()
        .expect("session id")
        .to_string();
    let session = Session {
        driver: &driver,
        id,
        _profile: profile,
    };
    eprintln!("{test}: browser up in {:.1?}", started.elapsed());
    f(&session);
    drop(session);
    eprintln!("{test}: done in {:.1?}", started.elapsed());
}

/// Runs resdiff with `args`, writing into `out`; returns the exit status.
fn resdiff_to(args: &[&str], out: &Path) -> i32 {
    let o = resdiff()
        .args(args)
        .arg("-o")
        .arg(out)
        .current_dir(root())
        .output()
        .unwrap();
    assert!(
        o.status.code().unwrap() < 2,
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    o.status.code().unwrap()
}

/// The command line's one-line error for `args` run in `dir` (exit status 2).
fn cli_error(dir: &Path, args: &[&str]) -> String {
    let o = resdiff().args(args).current_dir(dir).output().unwrap();
    assert_eq!(o.status.code(), Some(2), "{args:?}");
    String::from_utf8_lossy(&o.stderr).trim().to_string()
}

fn url(p: &Path) -> String {
    format!("file://{}", p.display())
}

/// Delete and insert segments with visible text, at every depth of the
/// changes and in the title diff, plus changed sponsors: what the page marks
/// with `<del>` and `<ins>`.
fn json_marks(v: &Value) -> (usize, usize) {
    fn segs(s: &Value, del: &mut usize, ins: &mut usize) {
        for seg in s.as_array().into_iter().flatten() {
            if seg["text"].as_str().unwrap_or("").trim().is_empty() {
                continue;
            }
            match seg["op"].as_str() {
                Some("delete") => *del += 1,
                Some("insert") => *ins += 1,
                _ => {}
            }
        }
    }
    fn walk(c: &Value, del: &mut usize, ins: &mut usize) {
        segs(&c["segments"], del, ins);
        for k in c["children"].as_array().into_iter().flatten() {
            walk(k, del, ins);
        }
    }
    let (mut del, mut ins) = (0, 0);
    for c in v["changes"].as_array().unwrap() {
        walk(c, &mut del, &mut ins);
    }
    segs(&v["header"]["title"], &mut del, &mut ins);
    del += v["header"]["sponsors_removed"].as_array().unwrap().len();
    ins += v["header"]["sponsors_added"].as_array().unwrap().len();
    (del, ins)
}

fn out_dir() -> PathBuf {
    let d = root().join("target/browser-pages");
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn page_loads_cleanly_and_marks_match_the_json() {
    with_browser("page_loads_cleanly_and_marks_match_the_json", |b| {
        let dir = out_dir();
        for (name, old, new, extra) in [
            (
                "es-11-1-vs-4",
                "A-RES-ES-11-1.txt",
                "A-RES-ES-11-4.txt",
                None,
            ),
            (
                "es-11-1-vs-4-changes-only",
                "A-RES-ES-11-1.txt",
                "A-RES-ES-11-4.txt",
                Some("-c"),
            ),
            ("l11-vs-l10", "A-ES-11-L.11.txt", "A-ES-11-L.10.txt", None),
        ] {
            let (old, new) = (format!("resolutions/{old}"), format!("resolutions/{new}"));
            let html = dir.join(format!("{name}.html"));
            let json = dir.join(format!("{name}.json"));
            let mut args = vec!["compare", old.as_str(), new.as_str()];
            args.extend(extra);
            resdiff_to(&[&args[..], &["-f", "html"][..]].concat(), &html);
            resdiff_to(&[&args[..], &["-f", "json"][..]].concat(), &json);
            let v: Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
            b.goto(&url(&html));
            let errors = b.console_errors();
            assert!(errors.is_empty(), "{name}: console: {errors:?}");
            let counts = b.js(
                "return [document.querySelectorAll('del').length, document.querySelectorAll('ins').length, document.scripts.length, document.images.length]",
            );
            let (del, ins) = json_marks(&v);
            assert!(del + ins > 0, "{name}: a pair with no marks proves nothing");
            assert_eq!(
                counts,
                json!([del, ins, 0, 0]),
                "{name}: <del>, <ins>, scripts, images"
            );
            // deletions and insertions do not rely on colour alone
            let deco = b.js(
                "const d=document.querySelector('del'),i=document.querySelector('ins');return [getComputedStyle(d).textDecorationLine, getComputedStyle(i).textDecorationLine]",
            );
            assert_eq!(deco, json!(["line-through", "underline"]), "{name}");
            // every in-page link lands on an element, and ids are unique
            let broken = b.js(
                "const ids=[...document.querySelectorAll('[id]')].map(e=>e.id);const dup=ids.filter((x,k)=>ids.indexOf(x)!==k);const bad=[...document.querySelectorAll('a[href^=\"#\"]')].map(a=>a.getAttribute('href').slice(1)).filter(h=>!document.getElementById(h));return {dup, bad}",
            );
            assert_eq!(broken, json!({ "dup": [], "bad": [] }), "{name}");
        }
        // the console check itself catches a page with an error
        let bad = dir.join("console-control.html");
        std::fs::write(
            &bad,
            "<!DOCTYPE html><html lang=en><meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'none'\"><title>x</title><script>1</script></html>",
        )
        .unwrap();
        b.goto(&url(&bad));
        assert!(
            !b.console_errors().is_empty(),
            "a blocked script must show in the console log, or the check above proves nothing"
        );
    });
}

#[test]
fn anchors_navigate_to_their_rows() {
    with_browser("anchors_navigate_to_their_rows", |b| {
        let html = out_dir().join("anchors.html");
        resdiff_to(
            &[
                "compare",
                "resolutions/A-RES-ES-11-1.txt",
                "resolutions/A-RES-ES-11-4.txt",
                "-f",
                "html",
            ],
            &html,
        );
        b.view(1280, 900, false, false);
        // straight to a fragment
        b.goto(&format!("{}#OP1", url(&html)));
        let t = b.js(
            "const t=document.querySelector(':target');const r=t.getBoundingClientRect();return [t.id, t.tagName, r.top>=0 && r.top<innerHeight, scrollY>0]",
        );
        assert_eq!(t, json!(["OP1", "TR", true, true]));
        // the merged and split clauses, for a look at their pieces
        b.goto(&format!("{}#OP5", url(&html)));
        b.screenshot("es-11-1-vs-4-merged-and-split");
        let pieces = b.js("return [...document.querySelectorAll('tr#OP5 .piece, tr#OP6 .piece')].map(p=>p.innerText)");
        assert_eq!(pieces, json!(["OP4:", "OP5:", "OP6:", "OP7:"]));
        // a link in the summary, clicked
        b.goto(&url(&html));
        b.click("nav a[href=\"#old-OP14\"]");
        let t = b.js(
            "const t=document.querySelector(':target');const r=t.getBoundingClientRect();return [location.hash, t.id, r.top>=0 && r.top<innerHeight]",
        );
        assert_eq!(t, json!(["#old-OP14", "old-OP14", true]));
        // the target row is outlined
        let shadow =
            b.js("return getComputedStyle(document.querySelector(':target>th')).boxShadow");
        assert!(shadow.as_str().unwrap_or("none") != "none", "{shadow}");
    });
}

#[test]
fn moved_clause_links_to_where_it_stood() {
    with_browser("moved_clause_links_to_where_it_stood", |b| {
        let html = out_dir().join("moved.html");
        resdiff_to(
            &[
                "compare",
                "tests/fixtures/demands-old.txt",
                "tests/fixtures/demands-new.txt",
                "-f",
                "html",
            ],
            &html,
        );
        b.goto(&url(&html));
        // the marker row stands before OP2→OP1, the first row that followed OP1 in the old text
        let order = b
            .js("return [...document.querySelectorAll('table.clauses tbody tr[id]')].map(r=>r.id)");
        assert_eq!(
            order,
            json!(["PP1", "PP2", "old-OP1", "OP1", "OP2", "OP3", "OP4"])
        );
        b.click("tr#OP3 a.from");
        let t = b.js("const t=document.querySelector(':target');return [t.id, t.innerText.includes('now OP3')]");
        assert_eq!(t, json!(["old-OP1", true]));
        b.screenshot("moved-and-softened-desktop-light");
        let lead = b.js("return document.querySelector('tr#OP3 .lead').innerText");
        assert_eq!(lead, json!("lead ↓ softened"));
    });
}

#[test]
fn injected_markup_stays_text() {
    with_browser("injected_markup_stays_text", |b| {
        let dir = out_dir();
        let hostile = |op: &str| {
            format!(
                "United Nations A/80/L.99\nGeneral Assembly\n<b>Evil</b>\"><img src=x onerror=\"window.__pwned=3\">: draft resolution\nTitle <script>window.__pwned=4</script>\n\nThe General Assembly,\n\nRecalling <a href=\"javascript:window.__pwned=5\">javascript:window.__pwned=5</a>,\n\n1. {op} that <script>window.__pwned=1</script> be read \"><img src=x onerror=\"window.__pwned=2\"> as text;\n\n2. Decides to remain seized of the matter.\n"
            )
        };
        let (old, new) = (dir.join("hostile-old.txt"), dir.join("hostile-new.txt"));
        std::fs::write(&old, hostile("Demands")).unwrap();
        std::fs::write(&new, hostile("Requests <iframe src=javascript:1>")).unwrap();
        let html = dir.join("hostile.html");
        resdiff_to(
            &[
                "compare",
                old.to_str().unwrap(),
                new.to_str().unwrap(),
                "-f",
                "html",
            ],
            &html,
        );
        b.goto(&url(&html));
        let r = b.js(
            "return [typeof window.__pwned, document.images.length, document.scripts.length, document.querySelectorAll('iframe,a[href^=\"javascript\"],[onerror]').length, document.body.innerText.includes('<script>window.__pwned=1</script>'), document.body.innerText.includes('onerror=\"window.__pwned=2\"')]",
        );
        assert_eq!(r, json!(["undefined", 0, 0, 0, true, true]));
        let errors = b.console_errors();
        assert!(errors.is_empty(), "console: {errors:?}");
    });
}

#[test]
fn layout_in_light_dark_phone_and_print() {
    with_browser("layout_in_light_dark_phone_and_print", |b| {
        let dir = out_dir();
        let pages = [
            ("l11-vs-es8", "A-ES-11-L.11.txt", "A-RES-ES-11-8.txt"),
            ("es-11-1-vs-4", "A-RES-ES-11-1.txt", "A-RES-ES-11-4.txt"),
        ];
        for (name, old, new) in pages {
            let html = dir.join(format!("layout-{name}.html"));
            resdiff_to(
                &[
                    "compare",
                    &format!("resolutions/{old}"),
                    &format!("resolutions/{new}"),
                    "-f",
                    "html",
                ],
                &html,
            );
            for (view, w, h, mobile) in [("desktop", 1280, 1100, false), ("phone", 390, 1600, true)]
            {
                for dark in [false, true] {
                    b.view(w, h, mobile, dark);
                    b.goto(&url(&html));
                    let scheme = if dark { "dark" } else { "light" };
                    b.screenshot(&format!("{name}-{view}-{scheme}"));
                    let r = b.js(
                        "const td=document.querySelector('table.clauses td');return [getComputedStyle(document.body).backgroundColor, document.documentElement.scrollWidth<=innerWidth, getComputedStyle(td).display]",
                    );
                    let bg = if dark {
                        "rgb(13, 17, 23)"
                    } else {
                        "rgb(255, 255, 255)"
                    };
                    let display = if mobile { "block" } else { "table-cell" };
                    assert_eq!(
                        r,
                        json!([bg, true, display]),
                        "{name} {view} {scheme}: background, no sideways scroll, cells"
                    );
                }
            }
        }
        // print: light colours whatever the scheme, rows kept whole, header repeated
        b.view(1280, 1100, false, true);
        b.cdp(
            "Emulation.setEmulatedMedia",
            json!({ "media": "print", "features": [{ "name": "prefers-color-scheme", "value": "dark" }] }),
        );
        let r = b.js(
            "const tr=document.querySelector('table.clauses tbody tr[id]');return [getComputedStyle(document.body).backgroundColor, getComputedStyle(tr).breakInside, getComputedStyle(document.querySelector('table.clauses thead')).display]",
        );
        assert_eq!(
            r,
            json!(["rgb(255, 255, 255)", "avoid", "table-header-group"])
        );
    });
}

// ---- the browser page, target/web/resdiff.html (web/build.sh) ----

#[path = "formats/docx_build.rs"]
#[allow(dead_code)]
mod docx_build;

/// The built page, or `None` (with a message) when it is not built; with
/// `RESDIFF_REQUIRE_BROWSER=1` (`.ci/run`, which builds it first) a missing
/// page is a failure.
fn web_page(test: &str) -> Option<PathBuf> {
    let p = root().join("target/web/resdiff.html");
    if p.is_file() {
        return Some(p);
    }
    if std::env::var_os("RESDIFF_REQUIRE_BROWSER").is_some_and(|v| v == "1") {
        panic!("{test}: target/web/resdiff.html is missing (run web/build.sh)");
    }
    eprintln!("skipping {test}: target/web/resdiff.html is not built (run web/build.sh)");
    None
}

/// What a report shows: its markup, clause rows, `<del>` and `<ins>`, in
/// the page's `#result` or in the body of the command line's file.
const PAGE_REPORT: &str = "const r=document.getElementById('result');return [r.innerHTML, r.querySelectorAll('table.clauses tbody tr[id]').length, r.querySelectorAll('del').length, r.querySelectorAll('ins').length]";
const CLI_REPORT: &str = "const r=document.body;return [r.innerHTML, r.querySelectorAll('table.clauses tbody tr[id]').length, r.querySelectorAll('del').length, r.querySelectorAll('ins').length]";

impl Session<'_> {
    fn element(&self, css: &str) -> String {
        let el = self.call(
            "POST",
            "/element",
            Some(json!({ "using": "css selector", "value": css })),
        );
        el.as_object()
            .and_then(|o| o.values().next())
            .and_then(Value::as_str)
            .unwrap_or_else(|| panic!("no element {css}: {el}"))
            .to_string()
    }

    /// Runs an asynchronous script (its last argument is the callback).
    fn js_async(&self, script: &str) -> Value {
        self.call(
            "POST",
            "/execute/async",
            Some(json!({ "script": script, "args": [] })),
        )
    }

    /// Presses keys on the keyboard (WebDriver key codes for special keys).
    fn keys(&self, keys: &str) {
        let actions: Vec<Value> = keys
            .chars()
            .flat_map(|c| {
                [
                    json!({ "type": "keyDown", "value": c.to_string() }),
                    json!({ "type": "keyUp", "value": c.to_string() }),
                ]
            })
            .collect();
        self.call(
            "POST",
            "/actions",
            Some(json!({ "actions": [{ "type": "key", "id": "keyboard", "actions": actions }] })),
        );
    }

    /// Gives a file to a file input, as a user picking it would.
    fn pick(&self, css: &str, file: &Path) {
        let id = self.element(css);
        let text = file.canonicalize().unwrap().display().to_string();
        self.call(
            "POST",
            &format!("/element/{id}/value"),
            Some(json!({ "text": text })),
        );
    }

    /// Waits until `script` returns something other than null or false.
    fn wait_for(&self, what: &str, script: &str) -> Value {
        let deadline = Instant::now() + Duration::from_secs(120);
        loop {
            let v = self.js(script);
            if !v.is_null() && v != json!(false) {
                return v;
            }
            assert!(Instant::now() < deadline, "timed out waiting for {what}");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits for the page's error line and returns it.
    fn error(&self, what: &str) -> Value {
        self.wait_for(
            what,
            "return document.getElementById('error').textContent||null",
        )
    }

    /// Opens the page and waits for its engine.
    fn open_page(&self, page: &Path) {
        self.goto(&url(page));
        self.wait_for(
            "the engine",
            "return document.getElementById('status').textContent.startsWith('Ready')",
        );
    }

    /// Does `act` and waits for the page's next result; returns the
    /// milliseconds the page took from the input that completed the pair to
    /// the report laid out (its own `data-ms`).
    fn next_result(&self, what: &str, act: impl FnOnce()) -> u64 {
        self.js("delete document.getElementById('result').dataset.ms");
        act();
        let ms = self.wait_for(
            what,
            "const r=document.getElementById('result'), e=document.getElementById('error').textContent; return e ? 'error: '+e : (r.dataset.ms ?? null)",
        );
        let ms = ms.as_str().unwrap_or_default();
        assert!(!ms.starts_with("error"), "{what}: {ms}");
        ms.parse().unwrap()
    }

    /// Picks the two files, the new one second, and returns the page's time.
    fn compare_in_page(&self, old: &Path, new: &Path) -> u64 {
        self.next_result(&new.display().to_string(), || {
            self.pick("#old", old);
            self.pick("#new", new);
        })
    }

    /// Clicks a save button and returns the file name and text it would
    /// save (the download itself is intercepted: nothing leaves the page).
    fn saved(&self, button: &str) -> (String, String) {
        self.js("if(!window.__stubbed){window.__stubbed=true;URL.createObjectURL=b=>{window.__blob=b;return 'blob:null/stub'};HTMLAnchorElement.prototype.click=function(){window.__name=this.download}}window.__blob=null");
        self.click(button);
        let v = self.js_async(
            "const done=arguments[arguments.length-1];window.__blob.text().then(t=>done([window.__name,t]))",
        );
        (
            v[0].as_str().unwrap().to_string(),
            v[1].as_str().unwrap().to_string(),
        )
    }
}

impl Session<'_> {
    /// [`Session::saved`] for a binary file: its name and bytes.
    fn saved_bytes(&self, button: &str) -> (String, Vec<u8>) {
        self.js("if(!window.__stubbed){window.__stubbed=true;URL.createObjectURL=b=>{window.__blob=b;return 'blob:null/stub'};HTMLAnchorElement.prototype.click=function(){window.__name=this.download}}window.__blob=null");
        self.click(button);
        let v = self.js_async(
            "const done=arguments[arguments.length-1];window.__blob.arrayBuffer().then(b=>done([window.__name,Array.from(new Uint8Array(b))]))",
        );
        let bytes = v[1]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_u64().unwrap() as u8)
            .collect();
        (v[0].as_str().unwrap().to_string(), bytes)
    }
}

/// `resdiff compare` run in the files' directory on their bare names, as
/// the page names them, writing `format` to `out`.
fn cli_report(old: &Path, new: &Path, format: &str, extra: &[&str], out: &Path) {
    let dir = old.parent().unwrap();
    assert_eq!(dir, new.parent().unwrap());
    let o = resdiff()
        .args(["compare", "-f", format, "-o"])
        .arg(out)
        .args(extra)
        .arg(old.file_name().unwrap())
        .arg(new.file_name().unwrap())
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        o.status.code().unwrap() < 2,
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// The command line's HTML report for the pair, as the browser shows it.
fn cli_view(b: &Session, old: &Path, new: &Path, extra: &[&str], name: &str) -> Value {
    let cli = out_dir().join(format!("web-{name}-cli.html"));
    cli_report(old, new, "html", extra, &cli);
    b.goto(&url(&cli));
    let want = b.js(CLI_REPORT);
    assert!(want[1].as_u64().unwrap() > 0, "{name}: no clause rows");
    assert!(
        want[2].as_u64().unwrap() + want[3].as_u64().unwrap() > 0 || old == new,
        "{name}: a pair with no marks proves little"
    );
    want
}

/// The page's report is the command line's: the same markup, hence the same
/// clauses and the same marks.
fn assert_same(got: &Value, want: &Value, name: &str) {
    assert_eq!(
        (&got[1], &got[2], &got[3]),
        (&want[1], &want[2], &want[3]),
        "{name}: rows, <del>, <ins>"
    );
    assert!(
        got[0] == want[0],
        "{name}: the page's report differs from the command line's"
    );
}

/// Opens the page, compares the pair in it and checks the report against
/// the command line's; returns the page's time.
fn assert_same_report(b: &Session, page: &Path, old: &Path, new: &Path, name: &str) -> u64 {
    let want = cli_view(b, old, new, &[], name);
    b.open_page(page);
    let ms = b.compare_in_page(old, new);
    assert_same(&b.js(PAGE_REPORT), &want, name);
    ms
}

#[test]
fn web_page_compares_text_pdf_and_docx_like_the_command_line() {
    let test = "web_page_compares_text_pdf_and_docx_like_the_command_line";
    let Some(page) = web_page(test) else { return };
    with_browser(test, |b| {
        let mut timings = Vec::new();
        b.view(1280, 1000, false, false);
        // the bundled long pair, as text; then with every option set
        let (old, new) = (bundled("A-RES-ES-11-1.txt"), bundled("A-RES-ES-11-4.txt"));
        let opts = [
            "--changes-only",
            "--ignore-case",
            "--ignore-punctuation",
            "--threshold",
            "0.8",
        ];
        let want_opts = cli_view(b, &old, &new, &opts, "es-11-1-vs-4-options");
        let ms = assert_same_report(b, &page, &old, &new, "es-11-1-vs-4");
        timings.push((
            "A-RES-ES-11-1.txt vs A-RES-ES-11-4.txt (bundled long pair)",
            ms,
        ));
        let plain = b.js(PAGE_REPORT);
        assert!(
            want_opts[0] != plain[0],
            "the options change the report, or their check below proves nothing"
        );

        // the page at desktop and phone widths, light and dark
        let ready = b.js("return Number(document.getElementById('status').dataset.readyMs)");
        timings.push((
            "the page ready (engine unpacked and compiled)",
            ready.as_u64().unwrap(),
        ));
        b.view(1280, 1400, false, false);
        b.js("scrollTo(0,0)");
        b.screenshot("web-desktop");
        b.view(390, 1500, true, true);
        b.js("scrollTo(0,0)");
        b.screenshot("web-phone");
        let r = b.js(
            "return [document.documentElement.scrollWidth<=innerWidth, getComputedStyle(document.body).backgroundColor, getComputedStyle(document.querySelector('.inputs')).gridTemplateColumns.split(' ').length]",
        );
        assert_eq!(
            r,
            json!([true, "rgb(13, 17, 23)", 1]),
            "phone: no sideways scroll, dark, the drafts one above the other"
        );
        b.view(1280, 1000, false, false);

        // the saves are the command line's files, byte for byte
        for (button, format, ext) in [
            ("#save-html", "html", "html"),
            ("#save-markdown", "markdown", "md"),
            ("#save-json", "json", "json"),
        ] {
            let (name, text) = b.saved(button);
            let cli = out_dir().join(format!("web-save-cli.{ext}"));
            cli_report(&old, &new, format, &[], &cli);
            assert_eq!(name, format!("A-RES-ES-11-1-vs-A-RES-ES-11-4.{ext}"));
            assert!(
                text == std::fs::read_to_string(&cli).unwrap(),
                "{button}: the saved {format} differs from the command line's"
            );
        }

        // and the Word redline, byte for byte the command line's
        let (name, bytes) = b.saved_bytes("#save-docx");
        let cli = out_dir().join("web-save-cli.docx");
        cli_report(&old, &new, "docx", &[], &cli);
        assert_eq!(name, "A-RES-ES-11-1-vs-A-RES-ES-11-4.docx");
        assert!(
            bytes == std::fs::read(&cli).unwrap(),
            "#save-docx: the saved redline differs from the command line's"
        );

        // the options, as on the command line
        b.next_result("the options", || {
            b.js("for (const id of ['changes-only','ignore-case','ignore-punctuation']) document.getElementById(id).checked=true;const t=document.getElementById('threshold');t.value='0.8';t.dispatchEvent(new Event('change'))");
        });
        assert_same(&b.js(PAGE_REPORT), &want_opts, "es-11-1-vs-4 with options");

        // a DOCX the tests build, against a text draft
        let dir = out_dir().join("web-docx");
        std::fs::create_dir_all(&dir).unwrap();
        let text = std::fs::read_to_string(bundled("A-ES-11-L.11.txt")).unwrap();
        let docx = dir.join("A-ES-11-L.11.docx");
        std::fs::write(
            &docx,
            docx_build::docx(
                &docx_build::body_from_text(&text),
                docx_build::UN_NUMBERING,
                "",
            ),
        )
        .unwrap();
        let l10 = dir.join("A-ES-11-L.10.txt");
        std::fs::copy(bundled("A-ES-11-L.10.txt"), &l10).unwrap();
        assert_same_report(b, &page, &docx, &l10, "docx-l11-vs-l10");

        // the HTML and Akoma Ntoso readers, each against a text draft
        let dir = out_dir().join("web-formats");
        std::fs::create_dir_all(&dir).unwrap();
        for (name, old, new) in [
            (
                "html-es-11-4-vs-1",
                root().join("tests/fixtures/A-RES-ES-11-4.html"),
                bundled("A-RES-ES-11-1.txt"),
            ),
            (
                "akn-2774-vs-es-11-8",
                root().join("tests/fixtures/S-RES-2774.akn.xml"),
                bundled("A-RES-ES-11-8.txt"),
            ),
        ] {
            let (o, n) = (
                dir.join(old.file_name().unwrap()),
                dir.join(new.file_name().unwrap()),
            );
            std::fs::copy(&old, &o).unwrap();
            std::fs::copy(&new, &n).unwrap();
            assert_same_report(b, &page, &o, &n, name);
        }

        // corpus PDFs: the long pair as printed, and the longest PDF
        if let Some(corpus) = corpus() {
            let ga = corpus.join("ga-resolutions");
            let ms = assert_same_report(
                b,
                &page,
                &ga.join("A_RES_ES-11_1-EN.pdf"),
                &ga.join("A_RES_ES-11_4-EN.pdf"),
                "pdf-es-11-1-vs-4",
            );
            timings.push(("A_RES_ES-11_1-EN.pdf vs A_RES_ES-11_4-EN.pdf", ms));
            // the corpus's longest PDF (15 pages) against itself: 30 pages read
            let long = corpus.join("sc-drafts/S_2018_693-EN.pdf");
            let ms = assert_same_report(b, &page, &long, &long, "pdf-15-pages");
            timings.push(("S_2018_693-EN.pdf (15 pages) against itself", ms));
            // and against the next longest (13 pages), two unrelated drafts:
            // 28 pages, almost every clause different, the aligner's worst
            let other = corpus.join("sc-drafts/S_2018_221-EN.pdf");
            let ms = assert_same_report(b, &page, &long, &other, "pdf-15-vs-13-pages");
            timings.push(("S_2018_693-EN.pdf (15 pages) vs S_2018_221-EN.pdf (13)", ms));
        } else {
            eprintln!("{test}: no corpus (../shared/corpus): PDF part skipped");
        }
        for (what, ms) in timings {
            eprintln!("web page timing: {what}: {ms} ms");
        }
        let errors = b.console_errors();
        assert!(errors.is_empty(), "console: {errors:?}");

        // the page requested nothing but itself
        let page_url = url(&page);
        let requests = b.requests(&page_url);
        assert!(
            requests.contains(&page_url),
            "the log shows the page's own request, or the check proves nothing: {requests:?}"
        );
        let others: Vec<_> = requests.iter().filter(|u| **u != page_url).collect();
        assert!(
            others.is_empty(),
            "requests other than the page: {others:?}"
        );
        // and the policy refuses one when asked
        let probe = b.js_async(
            "const done=arguments[arguments.length-1];const seen=[];document.addEventListener('securitypolicyviolation',e=>seen.push(e.effectiveDirective));fetch('http://127.0.0.1:9/probe').then(()=>'fetched',()=>'refused').then(r=>setTimeout(()=>done([r,seen]),100))",
        );
        assert_eq!(probe, json!(["refused", ["connect-src"]]));
        b.console();
        let requests = b.requests(&page_url);
        assert!(
            requests.is_empty(),
            "the refused request reached the network: {requests:?}"
        );
    });
}

#[test]
fn web_page_refuses_junk_and_keeps_markup_as_text() {
    let test = "web_page_refuses_junk_and_keeps_markup_as_text";
    let Some(page) = web_page(test) else { return };
    with_browser(test, |b| {
        let dir = out_dir().join("web-hostile");
        std::fs::create_dir_all(&dir).unwrap();
        // binary junk: the command line's one-line error, in the page
        let junk = dir.join("junk.bin");
        let bytes: Vec<u8> = (0..4096u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        std::fs::write(&junk, bytes).unwrap();
        let good = dir.join("good.txt");
        std::fs::copy(bundled("A-ES-11-L.10.txt"), &good).unwrap();
        let cli = cli_error(&dir, &["compare", "junk.bin", "good.txt"]);
        b.open_page(&page);
        b.pick("#old", &junk);
        b.pick("#new", &good);
        let e = b.error("the error");
        assert_eq!(e, json!(cli), "the page's error is the command line's");
        let r = b.js("return document.getElementById('result').children.length");
        assert_eq!(r, json!(0), "no result beside an error");

        // a file over the input limit (sparse: it costs no disk): the command
        // line's error, and the page refuses it by its size, unread
        let big = dir.join("big.pdf");
        let f = std::fs::File::create(&big).unwrap();
        f.set_len(resdiff::load::DEFAULT_MAX_BYTES + 4096).unwrap();
        drop(f);
        let cli = cli_error(&dir, &["compare", "big.pdf", "good.txt"]);
        assert!(cli.contains("input limit"), "{cli}");
        b.open_page(&page);
        b.pick("#new", &good);
        b.pick("#old", &big);
        let e = b.error("the size error");
        assert_eq!(e, json!(cli), "the page's error is the command line's");
        std::fs::remove_file(&big).unwrap();

        // a draft with markup in it: shown as text, nothing runs
        let hostile = |op: &str| {
            format!(
                "United Nations A/80/L.99\nGeneral Assembly\n<b>Evil</b>\"><img src=x onerror=\"window.__pwned=3\">: draft resolution\n\nThe General Assembly,\n\n1. {op} that <script>window.__pwned=1</script> be read \"><img src=x onerror=\"window.__pwned=2\"> as text;\n\n2. Decides to remain seized of the matter.\n"
            )
        };
        let (old, new) = (dir.join("hostile-old.txt"), dir.join("hostile-new.txt"));
        std::fs::write(&old, hostile("Demands")).unwrap();
        std::fs::write(&new, hostile("Requests <iframe src=javascript:1>")).unwrap();
        b.open_page(&page);
        b.compare_in_page(&old, &new);
        let r = b.js(
            "const r=document.getElementById('result');return [typeof window.__pwned, document.images.length, document.scripts.length, r.querySelectorAll('iframe,script,[onerror]').length, r.innerText.includes('<script>window.__pwned=1</script>'), document.getElementById('error').textContent]",
        );
        assert_eq!(r, json!(["undefined", 0, 1, 0, true, ""]));

        // by keyboard alone, with pasted texts: every field labelled, the
        // tab order the reading order, Enter compares
        b.open_page(&page);
        let unlabelled = b.js("return [...document.querySelectorAll('input,textarea')].filter(e=>e.labels.length===0).map(e=>e.id)");
        assert_eq!(unlabelled, json!([]), "inputs without a label");
        let headings = b.js("return [...document.querySelectorAll('h1,h2')].map(h=>h.tagName)");
        assert_eq!(headings, json!(["H1", "H2"]));
        let (a, c) = (
            std::fs::read_to_string(bundled("A-ES-11-L.11.txt")).unwrap(),
            std::fs::read_to_string(bundled("A-ES-11-L.10.txt")).unwrap(),
        );
        b.call(
            "POST",
            "/execute/sync",
            Some(json!({ "script": "document.getElementById('old-text').value=arguments[0];document.getElementById('new-text').value=arguments[1];", "args": [a, c] })),
        );
        let mut order = Vec::new();
        for _ in 0..10 {
            b.keys("\u{E004}");
            order.push(b.js("return document.activeElement.id"));
        }
        assert_eq!(
            order,
            [
                "old",
                "old-text",
                "old-clear",
                "new",
                "new-text",
                "new-clear",
                "changes-only",
                "ignore-case",
                "ignore-punctuation",
                "threshold"
            ]
            .map(|s| json!(s))
        );
        b.next_result("the pasted comparison", || b.keys("\u{E007}"));
        let n = b.js("return document.getElementById('result').querySelectorAll('del,ins').length");
        assert!(n.as_u64().unwrap() > 0, "pasted drafts compared: {n}");
        let h = b.js("return [...document.querySelectorAll('h1,h2')].length");
        assert!(
            h.as_u64().unwrap() > 2,
            "the report's headings follow the page's"
        );

        // a threshold outside 0 to 1: an error, the report gone
        b.js("const t=document.getElementById('threshold');t.value='1.5';t.dispatchEvent(new Event('change'))");
        let e = b.error("the threshold error");
        assert!(
            e.as_str().unwrap().contains("threshold"),
            "threshold error: {e}"
        );
        let r = b.js("return document.getElementById('result').children.length");
        assert_eq!(r, json!(0), "no result beside an error");

        // a file chosen can be cleared, to paste instead
        b.pick("#old", &good);
        b.click("#old-clear");
        let r = b.js("return [document.getElementById('old').files.length, document.getElementById('old-text').value, document.getElementById('old-chosen').textContent]");
        assert_eq!(r, json!([0, "", ""]));

        // two files dropped on the two zones
        b.open_page(&page);
        b.next_result("the dropped files", || {
            b.call(
                "POST",
                "/execute/sync",
                Some(json!({ "script": "for (const [which, name, text] of [['old', 'L11.txt', arguments[0]], ['new', 'L10.txt', arguments[1]]]) { const dt = new DataTransfer(); dt.items.add(new File([text], name, { type: 'text/plain' })); document.getElementById(which + '-zone').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true })); }", "args": [a, c] })),
            );
        });
        let r = b.js("return [document.getElementById('new-chosen').textContent.startsWith('L10.txt'), document.getElementById('result').querySelector('h1').textContent]");
        assert_eq!(r[0], json!(true), "the dropped file is shown as chosen");
        assert!(r[1].as_str().unwrap().contains("A/ES-11/L.11"), "{r}");
        let errors = b.console_errors();
        assert!(errors.is_empty(), "console: {errors:?}");
    });
}
