//! The drafts the format tests run over, and comparing two parses.

use resdiff::parse::Resolution;

use crate::common::{corpus, files, json_content, root};

/// Every draft text available: the bundled `resolutions/*.txt`, and when
/// `../shared/corpus` is present its GA resolutions, SC drafts (the JSON
/// `Content` too) and 2025 texts.
pub fn all_texts() -> Vec<(String, String)> {
    let read = |p: &std::path::Path| (p.display().to_string(), std::fs::read_to_string(p).unwrap());
    let mut out: Vec<(String, String)> = files(&root().join("resolutions"), "txt")
        .iter()
        .map(|p| read(p))
        .collect();
    if let Some(c) = corpus() {
        for sub in ["ga-resolutions-text", "sc-drafts-text", "2025-ukraine"] {
            out.extend(files(&c.join(sub), "txt").iter().map(|p| read(p)));
        }
        for p in files(&c.join("sc-drafts"), "json") {
            out.push((p.display().to_string(), json_content(&p)));
        }
    }
    out
}

/// Parses a text as the binary would, `None` when it holds no clause.
pub fn try_parse(name: &str, text: &str) -> Option<Resolution> {
    resdiff::parse::parse(&resdiff::load::Document::from_text(name, text)).ok()
}

/// Whether two parses agree on what a faithful conversion keeps: header,
/// clauses and footnotes (not `source`, not transcription comments).
/// The error describes the first difference.
pub fn same_structure(a: &Resolution, b: &Resolution) -> Result<(), String> {
    if a.header != b.header {
        return Err(format!(
            "header differs:\n{:#?}\nvs\n{:#?}",
            a.header, b.header
        ));
    }
    for (name, x, y) in [
        ("preamble", &a.preamble, &b.preamble),
        ("operative", &a.operative, &b.operative),
        ("annex", &a.annex, &b.annex),
    ] {
        if x.len() != y.len() {
            return Err(format!("{name}: {} clauses vs {}", x.len(), y.len()));
        }
        if let Some((c, d)) = x.iter().zip(y).find(|(c, d)| c != d) {
            return Err(format!("{name} clause differs:\n{c:#?}\nvs\n{d:#?}"));
        }
    }
    if a.footnotes != b.footnotes {
        return Err(format!(
            "footnotes differ:\n{:#?}\nvs\n{:#?}",
            a.footnotes, b.footnotes
        ));
    }
    Ok(())
}
