//! The canonical plain layout of a resolution: what `show --format plain`
//! prints and what the parser reads back to the same structure.

use crate::parse::{Clause, Resolution};

/// Writes a resolution in the plain layout: header lines, organ line, one
/// paragraph per line with blank lines between, operative numbers,
/// sub-paragraphs indented, footnotes after a rule.
pub fn resolution_text(r: &Resolution) -> String {
    let h = &r.header;
    let mut out = String::new();
    let mut line = |s: &str| {
        out.push_str(s);
        out.push('\n');
    };
    if let Some(s) = &h.symbol {
        line(s);
    }
    if let Some(d) = &h.date {
        line(d);
    }
    if let Some(s) = &h.session {
        line(s);
    }
    let kind = h
        .kind
        .clone()
        .unwrap_or_else(|| "draft resolution".to_string());
    if kind.starts_with("Resolution adopted") {
        line(&kind);
    } else if !h.sponsors.is_empty() {
        line(&format!("{}: {kind}", join_sponsors(&h.sponsors)));
    }
    if let Some(r) = &h.draft_reference {
        line(r);
    }
    if let Some(t) = &h.title {
        match &h.number {
            Some(n) => line(&format!("{n}. {t}")),
            None => line(t),
        }
    }
    if !out.is_empty() {
        out.push('\n');
    }
    if let Some(o) = &h.organ {
        out.push_str(o);
        out.push_str("\n\n");
    }
    for c in r.preamble.iter().chain(&r.operative) {
        clause(&mut out, c, 0, r);
    }
    if !r.annex.is_empty() {
        out.push_str("Annex\n\n");
        for c in &r.annex {
            clause(&mut out, c, 0, r);
        }
    }
    if let Some(m) = &h.meeting {
        out.push_str(m);
        out.push('\n');
    }
    if !r.footnotes.is_empty() {
        out.push_str("__________\n");
        for f in &r.footnotes {
            out.push_str(&format!("{} {}\n", f.mark, f.text));
        }
    }
    out
}

fn join_sponsors(s: &[String]) -> String {
    match s {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn clause(out: &mut String, c: &Clause, depth: usize, r: &Resolution) {
    let _ = r;
    if let Some(h) = &c.heading {
        out.push_str(h);
        out.push_str("\n\n");
    }
    out.push_str(&"    ".repeat(depth));
    match (&c.label, depth) {
        (Some(l), 0) => out.push_str(&format!("{l}. ")),
        (Some(l), _) => out.push_str(&format!("({l}) ")),
        (None, _) => {}
    }
    // footnote marks go back where they stood
    let mut text = c.text.clone();
    for f in c.footnotes.iter().rev() {
        if f.at <= text.len() && text.is_char_boundary(f.at) {
            // after a digit a glued mark would read as part of the number
            let spaced = text[..f.at].ends_with(|c: char| c.is_ascii_digit());
            let mark = if spaced {
                format!(" {}", f.mark)
            } else {
                f.mark.clone()
            };
            text.insert_str(f.at, &mark);
        }
    }
    out.push_str(&text);
    out.push_str("\n\n");
    for k in &c.children {
        clause(out, k, depth + 1, r);
    }
}
