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
    if let Some(b) = &h.body {
        line(b);
    }
    if let Some(d) = &h.distribution {
        line(&format!("Distr.: {d}"));
    }
    if let Some(d) = &h.date {
        line(d);
    }
    if let Some(s) = &h.session {
        line(s);
    }
    if let Some(c) = &h.committee {
        line(c);
    }
    if let Some(a) = &h.agenda_item {
        line(a);
    }
    let kind = h
        .kind
        .clone()
        .unwrap_or_else(|| "draft resolution".to_string());
    if kind.starts_with("Resolution adopted") {
        line(&kind);
    } else if !h.sponsors.is_empty() {
        let names = match r.lang {
            crate::parse::Lang::En => join_names(&h.sponsors),
            lang => join_names_in(&h.sponsors, lang),
        };
        line(&format!("{names}: {kind}"));
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

/// Names as a list reads: "A", "A and B", "A, B and C".
pub(crate) fn join_names(s: &[String]) -> String {
    join_names_in(s, crate::parse::Lang::En)
}

/// [`join_names`] as the other languages write a list: `Belgique, Chili et
/// France`, `Bélgica, Chile y Francia`, `比利时、智利和法国`, `بلجيكا وشيلي وفرنسا`.
pub(crate) fn join_names_in(s: &[String], lang: crate::parse::Lang) -> String {
    use crate::parse::Lang;
    let (sep, and) = match lang {
        Lang::Fr => (", ", " et "),
        Lang::Es => (", ", " y "),
        Lang::Ru => (", ", " и "),
        Lang::Zh => ("、", "和"),
        Lang::Ar => (" و", " و"),
        Lang::En => (", ", " and "),
    };
    match s {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{}{and}{last}", rest.join(sep)),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::Document;
    use crate::parse::parse;

    fn reparse(text: &str) -> (Resolution, Resolution) {
        let r = parse(&Document::from_text("t.txt", text)).unwrap();
        let back = parse(&Document::from_text("t.txt", resolution_text(&r))).unwrap();
        (r, back)
    }

    #[test]
    fn header_fields_survive_the_plain_layout() {
        let (r, back) = reparse(
            "United Nations A/C.3/80/L.22\nGeneral Assembly Distr.: Limited\n1 November 2025\nEightieth session\nThird Committee\nAgenda item 74 (a)\nPromotion and protection of human rights\nBelgium and Chile: draft resolution\nA title\nThe General Assembly,\nRecalling its resolutions,\n1. Decides to remain seized of the matter.\n",
        );
        assert_eq!(r.header.committee.as_deref(), Some("Third Committee"));
        assert_eq!(r.header.distribution.as_deref(), Some("Limited"));
        assert_eq!(back.header, r.header);
    }

    #[test]
    fn annex_stays_an_annex() {
        let (r, back) = reparse(
            "The Security Council,\n\n1. Adopts the statute in the annex;\n\n2. Decides to remain seized of the matter.\n\nAnnex\n\nArticle 1: Competence\n\n1. The Mechanism shall continue the jurisdiction.\n",
        );
        assert_eq!(r.annex.len(), 1);
        assert_eq!(r.annex[0].heading.as_deref(), Some("Article 1: Competence"));
        assert_eq!(back.annex, r.annex);
        assert_eq!(back.operative, r.operative);
    }
}
