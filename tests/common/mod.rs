//! Shared helpers for the integration tests: where the corpus is, running
//! the binary, and turning a clean text into what a PDF copy looks like.
#![allow(dead_code)] // each test binary uses its own subset

use std::path::{Path, PathBuf};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A bundled draft in `resolutions/`.
pub fn bundled(name: &str) -> PathBuf {
    root().join("resolutions").join(name)
}

/// `../shared/corpus`, or `None` (with a note on stderr) on a fresh clone
/// without it.
pub fn corpus() -> Option<PathBuf> {
    let p = root().join("../shared/corpus");
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!("skipping: ../shared/corpus is not beside the repository");
        None
    }
}

/// Files of a corpus folder with an extension, sorted.
pub fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    v.sort();
    v
}

/// The `Content` field of a corpus JSON reference.
pub fn json_content(path: &Path) -> String {
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    v["Content"].as_str().unwrap().to_string()
}

/// The resdiff binary.
pub fn resdiff() -> assert_cmd::Command {
    let mut c = assert_cmd::Command::cargo_bin("resdiff").unwrap();
    c.env_remove("NO_COLOR")
        .env_remove("COLUMNS")
        .env("TERM", "xterm");
    c
}

/// Parses a text with the library.
pub fn parse(name: &str, text: &str) -> resdiff::parse::Resolution {
    resdiff::parse::parse(&resdiff::load::Document::from_text(name, text)).unwrap()
}

/// Re-lays out a clean text (one paragraph per line) as text copied out of
/// a UN PDF: hard-wrapped at `width` columns with the first line of each
/// paragraph indented, long words hyphenated at line ends, a running head
/// (the symbol), a page number, a job number and a barcode at each page
/// break, CRLF line ends, no-break spaces after numbers, curly quotes
/// straightened, and a tab after operative numbers.
pub fn pdf_like(clean: &str, width: usize, symbol: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut page = 1;
    let mut on_page = 0;
    let mut hyphenate_next = true;
    for para in clean.lines() {
        if para.starts_with('#') {
            out.push(para.to_string());
            continue;
        }
        if para.trim().is_empty() {
            continue;
        }
        // a number and a tab, as Word lays out operative paragraphs
        let para = match para.split_once(". ") {
            Some((n, rest)) if n.len() <= 3 && n.chars().all(|c| c.is_ascii_digit()) => {
                format!("{n}.\t{rest}")
            }
            _ => para.to_string(),
        };
        let para = para.replace(['“', '”'], "\"").replace('’', "'");
        let mut line = String::from("      ");
        for word in para.split(' ') {
            let word = word.replace("No. ", "No.\u{a0}");
            if line.trim().is_empty() {
                line.push_str(&word);
                continue;
            }
            if line.len() + 1 + word.len() > width {
                // break inside a long plain word once in a while
                let plain = word.len() >= 10 && word.chars().all(|c| c.is_ascii_lowercase());
                if plain && hyphenate_next && line.len() + 6 < width {
                    let cut = word.len() / 2;
                    out.push(format!("{line} {}-", &word[..cut]));
                    line = word[cut..].to_string();
                } else {
                    out.push(line);
                    line = word.to_string();
                }
                hyphenate_next = !hyphenate_next;
                on_page += 1;
                if on_page == 40 {
                    page += 1;
                    on_page = 0;
                    out.push(String::new());
                    out.push(format!("{page}/9"));
                    out.push("25-02866 (E) 210225".to_string());
                    out.push("*2502866*".to_string());
                    out.push("\u{c}".to_string());
                    out.push(symbol.to_string());
                    out.push(String::new());
                }
            } else {
                line.push(' ');
                line.push_str(&word);
            }
        }
        out.push(line);
    }
    out.join("\r\n") + "\r\n"
}
