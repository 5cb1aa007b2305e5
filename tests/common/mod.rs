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

/// How [`pasted`] lays a text out.
#[derive(Debug, Clone, Copy)]
pub struct Paste {
    /// The measure: no line is longer (in characters), and a line breaks
    /// where the next word would not fit.
    pub width: usize,
    /// A blank line between paragraphs, as some viewers copy them.
    pub blank: bool,
    /// Page furniture every 40 lines, as `pdftotext` gives it: page number,
    /// job number (the first page's with its language and date, which comes
    /// out split over three lines), barcode, running head.
    pub furniture: bool,
}

/// The corpus texts issue 15 counts: the 5 General Assembly resolutions
/// and the 34 Security Council drafts of `sc-drafts-text`, with their names.
pub fn corpus_texts(corpus: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for dir in ["ga-resolutions-text", "sc-drafts-text"] {
        for path in files(&corpus.join(dir), "txt") {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            out.push((name, std::fs::read_to_string(&path).unwrap()));
        }
    }
    out
}

/// Re-lays out a text as copied out of a PDF viewer: every line of `clean`
/// (one paragraph a line) hard-wrapped at a fixed measure, no indentation
/// and no hyphenation (viewers copy neither), `#` comment lines kept as
/// they are; with [`Paste::blank`] a blank line after each paragraph, with
/// [`Paste::furniture`] a page break's furniture every 40 lines, wherever
/// it falls (in the middle of a paragraph as often as not).
pub fn pasted(clean: &str, p: Paste, symbol: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut on_page = 0;
    let mut page = 1;
    let mut emit = |out: &mut Vec<String>, line: String| {
        out.push(line);
        on_page += 1;
        if p.furniture && on_page == 40 {
            on_page = 0;
            page += 1;
            let gap = |out: &mut Vec<String>| {
                if p.blank {
                    out.push(String::new());
                }
            };
            if page == 2 {
                // the first page's foot, as pdftotext gives it
                for l in ["25-02866 (E)", "210225", "*2502866*"] {
                    gap(out);
                    out.push(l.to_string());
                }
            } else if page % 2 == 0 {
                for l in [format!("{}/9", page - 1), "25-02866".to_string()] {
                    gap(out);
                    out.push(l);
                }
            } else {
                for l in ["25-02866".to_string(), format!("{}/9", page - 1)] {
                    gap(out);
                    out.push(l);
                }
            }
            gap(out);
            out.push(symbol.to_string());
            gap(out);
        }
    };
    for para in clean.lines() {
        let para = para.trim();
        if para.starts_with('#') {
            out.push(para.to_string());
            continue;
        }
        if para.is_empty() {
            continue;
        }
        let mut line = String::new();
        for word in para.split(' ').filter(|w| !w.is_empty()) {
            if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > p.width {
                emit(&mut out, std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        emit(&mut out, line);
        if p.blank {
            out.push(String::new());
        }
    }
    out.join("\n") + "\n"
}
