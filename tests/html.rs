//! The HTML page without a browser: pinned markup, same bytes every run,
//! nothing fetched from elsewhere, every draft text escaped, links that land,
//! and an output file written whole or not at all. (`browser.rs` loads the
//! page in Chromium.)

mod common;

use std::collections::HashSet;

use common::*;
use regex::Regex;

fn html(args: &[&str]) -> String {
    let out = resdiff()
        .args(["compare", "-f", "html"])
        .args(args)
        .current_dir(root())
        .output()
        .unwrap();
    assert!(
        out.status.code().unwrap() < 2,
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

const L11: &str = "resolutions/A-ES-11-L.11.txt";
const ES8: &str = "resolutions/A-RES-ES-11-8.txt";
const ES1: &str = "resolutions/A-RES-ES-11-1.txt";
const ES4: &str = "resolutions/A-RES-ES-11-4.txt";

/// The markup without the stylesheet and the version: what a change to the
/// page's structure or text shows up in.
fn normalised(page: &str) -> String {
    let style = Regex::new(r"(?s)<style>.*</style>").unwrap();
    let page = style.replace(page, "<style>…</style>");
    page.replace(env!("CARGO_PKG_VERSION"), "VERSION")
}

#[test]
fn html_us_draft_against_adopted_text() {
    insta::assert_snapshot!(normalised(&html(&[L11, ES8])));
}

#[test]
fn same_inputs_same_bytes() {
    for (old, new) in [(L11, ES8), (ES1, ES4)] {
        let a = html(&[old, new]);
        let b = html(&[old, new]);
        assert_eq!(a, b, "{old} {new}");
        assert!(a.len() > 5000);
    }
}

#[test]
fn page_is_self_contained_and_accessible() {
    let page = html(&[ES1, ES4]);
    for banned in [
        "<script", "<link", "<img", "<iframe", " src=", "url(", "@import", "http://", "https://",
    ] {
        assert!(!page.contains(banned), "found {banned:?}");
    }
    for needed in [
        "<!DOCTYPE html>",
        "<html lang=\"en\">",
        "<meta charset=\"utf-8\">",
        "name=\"viewport\"",
        "Content-Security-Policy",
        "<header>",
        "<nav class=\"changes\" aria-labelledby=\"summary\">",
        "<main id=\"clauses\">",
        "<h1>",
        "<h2",
        "<th scope=\"col\">Old: A/RES/ES-11/1</th>",
        "<th scope=\"row\">",
        "<caption",
        "@media print",
        "break-inside:avoid",
        "@media (prefers-color-scheme:dark)",
        "@media (max-width:700px)",
        "text-decoration:line-through",
        "text-decoration:underline",
    ] {
        assert!(page.contains(needed), "missing {needed:?}");
    }
}

#[test]
fn every_link_lands_and_ids_are_unique() {
    let id_re = Regex::new(r#" id="([^"]+)""#).unwrap();
    let href_re = Regex::new(r##"href="#([^"]+)""##).unwrap();
    for (old, new) in [
        (L11, ES8),
        (ES1, ES4),
        (
            "tests/fixtures/demands-old.txt",
            "tests/fixtures/demands-new.txt",
        ),
    ] {
        let page = html(&[old, new]);
        let ids: Vec<&str> = id_re
            .captures_iter(&page)
            .map(|c| c.get(1).unwrap().as_str())
            .collect();
        let unique: HashSet<&str> = ids.iter().copied().collect();
        assert_eq!(ids.len(), unique.len(), "{old} {new}: duplicate ids");
        let links: Vec<&str> = href_re
            .captures_iter(&page)
            .map(|c| c.get(1).unwrap().as_str())
            .collect();
        assert!(links.len() > 2);
        for l in links {
            assert!(unique.contains(l), "{old} {new}: #{l} goes nowhere");
        }
        // no other kind of link
        assert_eq!(
            page.matches("href=").count(),
            page.matches("href=\"#").count()
        );
    }
}

#[test]
fn rows_have_stable_anchors_old_ones_prefixed() {
    let page = html(&[ES1, ES4]);
    // a kept id, a renumbered one, a dropped one, a sub-paragraph
    assert!(page.contains("<tr id=\"OP1\" class=\"d0 r-"), "OP1");
    assert!(
        page.contains("<tr id=\"PP1\" class=\"d0 r-changed\">"),
        "PP1 was PP2"
    );
    assert!(
        page.contains("<tr id=\"old-PP1\" class=\"d0 r-dropped\">"),
        "old PP1"
    );
    assert!(
        page.contains("<a href=\"#old-PP1\">old PP1</a>"),
        "summary link"
    );
    let moved = html(&[
        "tests/fixtures/demands-old.txt",
        "tests/fixtures/demands-new.txt",
    ]);
    assert!(moved.contains("<a class=\"from\" href=\"#old-OP1\">from old OP1</a>"));
    assert!(moved.contains("<tr id=\"old-OP1\" class=\"d0 moved-from\">"));
    assert!(moved.contains("<span class=\"lead down\">lead ↓ softened</span><span class=\"lead-words\">Demands → Calls upon</span>"));
}

#[test]
fn changes_only_leaves_kept_rows_out() {
    let all = html(&[ES1, ES4]);
    let some = html(&[ES1, ES4, "--changes-only"]);
    let rows = |p: &str| p.matches("<tr id=").count();
    assert!(rows(&some) < rows(&all), "{} < {}", rows(&some), rows(&all));
    assert!(some.contains("unchanged clauses not shown"));
    assert!(!some.contains("r-kept"));
}

/// A draft whose every field tries to break out of the text.
fn hostile(op: &str) -> String {
    format!(
        "United Nations A/80/L.99\nGeneral Assembly\n<b>Evil</b>\"><img src=x onerror=\"alert(1)\">: draft resolution\nTitle <script>alert('t')</script> & 'quotes'\n\nThe General Assembly,\n\nRecalling <a href=\"javascript:alert(5)\">javascript:alert(5)</a>,\n\n1. {op} that <script>window.__pwned=1</script> be read \"><img src=x onerror=\"alert(2)\"> as text;\n\n2. Decides to remain seized of the matter.\n"
    )
}

#[test]
fn document_text_is_escaped_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = (dir.path().join("old.txt"), dir.path().join("new.txt"));
    std::fs::write(&old, hostile("Demands")).unwrap();
    std::fs::write(
        &new,
        hostile("Requests <iframe src=javascript:1> <style>body{}</style>"),
    )
    .unwrap();
    let page = html(&[old.to_str().unwrap(), new.to_str().unwrap()]);
    for banned in [
        "<script",
        "<img",
        "<iframe",
        "<a href=\"javascript",
        "<b>",
        "onerror=\"",
    ] {
        assert!(!page.contains(banned), "found {banned:?}");
    }
    assert_eq!(
        page.matches("<style>").count(),
        1,
        "only the page's own stylesheet"
    );
    for shown in [
        "&lt;script&gt;window.__pwned=1&lt;/script&gt;",
        "&quot;&gt;&lt;img src=x onerror=&quot;alert(2)&quot;&gt;",
        "javascript:alert(5)",
        "&lt;b&gt;Evil&lt;/b&gt;",
        "Title &lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt; &amp; &#39;quotes&#39;",
    ] {
        assert!(page.contains(shown), "missing {shown:?}");
    }
    // the insertion itself is marked, and escaped inside the mark
    assert!(
        page.contains(
            "<ins>Requests &lt;iframe src=javascript:1&gt; &lt;style&gt;body{}&lt;/style&gt;</ins>"
        ),
        "{page}"
    );
}

#[test]
fn an_error_leaves_no_file_and_keeps_the_old_one() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("diff.html");
    resdiff()
        .args(["compare", "-f", "html", "-o"])
        .arg(&out)
        .arg(bundled("A-ES-11-L.11.txt"))
        .arg(dir.path().join("missing.txt"))
        .assert()
        .code(2);
    assert!(!out.exists(), "a failed run wrote a file");
    std::fs::write(&out, "previous").unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "\n\n").unwrap();
    resdiff()
        .args(["compare", "-f", "html", "-o"])
        .arg(&out)
        .arg(bundled("A-ES-11-L.11.txt"))
        .arg(&empty)
        .assert()
        .code(2);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "previous");
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    let mut names = names;
    names.sort();
    assert_eq!(
        names,
        ["diff.html", "empty.txt"],
        "no temporary file left behind"
    );
    // and a good run replaces it whole
    resdiff()
        .args(["compare", "-f", "html", "-o"])
        .arg(&out)
        .arg(bundled("A-ES-11-L.11.txt"))
        .arg(bundled("A-RES-ES-11-8.txt"))
        .assert()
        .code(1)
        .stdout("");
    let page = std::fs::read_to_string(&out).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>") && page.ends_with("</html>\n"));
}

#[test]
fn show_renders_one_document_as_a_page() {
    let out = resdiff()
        .args(["show", "-f", "html", L11])
        .current_dir(root())
        .output()
        .unwrap();
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.contains("<h1>A/ES-11/L.11</h1>"));
    assert!(page.contains("<tr id=\"OP1\" class=\"d0\"><th scope=\"row\"><span class=\"id\">OP1</span></th><td>Implores a swift end"));
}
