//! Akoma Ntoso (AKN4UN-style) XML of one parsed draft: `resdiff show --format akn`.
//!
//! The point is to save a text read from a PDF or Word file as structured
//! XML that resdiff (or any AKN tool) reads back unchanged: the preface
//! holds one `<p>` per header line of the plain layout, with the fields
//! marked up (`docNumber`, `docProponent`, `docTitle`, ...); preambular
//! paragraphs are `container`s, operative ones `paragraph`s with `num`,
//! sub-paragraphs `subparagraph`s; footnotes are `meta/notes` with
//! `noteRef`s where their marks stood. Ids are derived from the clause ids
//! (`preamble__para_2`, `para_3__subpara_a`), so they are stable across runs.

use std::collections::HashSet;
use std::io::{self, Write};

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use crate::parse::{Clause, MONTHS, Part, Resolution};

/// The Akoma Ntoso 3.0 namespace.
pub(crate) const AKN_NS: &str = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

/// Writes one resolution as an Akoma Ntoso document.
pub(crate) fn resolution(r: &Resolution, out: &mut dyn Write) -> io::Result<()> {
    let mut w = Akn {
        w: Writer::new(out),
        ids: HashSet::new(),
        refs_seen: Vec::new(),
    };
    w.write(r)
}

/// A run of a header line: text, marked up by an element (name and
/// attributes) or not.
type Piece<'a> = (Option<(&'a str, &'a [(&'a str, &'a str)])>, &'a str);

struct Akn<'o> {
    w: Writer<&'o mut dyn Write>,
    /// eIds handed out, to keep them unique.
    ids: HashSet<String>,
    /// How many references to each footnote mark have been written.
    refs_seen: Vec<(String, usize)>,
}

impl Akn<'_> {
    fn write(&mut self, r: &Resolution) -> io::Result<()> {
        let h = &r.header;
        self.w
            .write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        self.nl(0)?;
        self.open("akomaNtoso", &[("xmlns", AKN_NS)])?;
        self.nl(1)?;
        let adopted = h
            .kind
            .as_deref()
            .is_some_and(|k| k.starts_with("Resolution adopted"));
        self.open(
            "doc",
            &[(
                "name",
                if adopted {
                    "resolution"
                } else {
                    "draftResolution"
                },
            )],
        )?;
        self.meta(r, 2)?;

        // preface: the header lines of the plain layout, fields marked up
        self.nl(2)?;
        self.open("preface", &[])?;
        let line = |s: &mut Self, class: &str, parts: &[Piece]| -> io::Result<()> {
            s.nl(3)?;
            s.open("p", &[("class", class)])?;
            for (el, text) in parts {
                match el {
                    Some((name, attrs)) => s.leaf(name, attrs, text)?,
                    None => s.text(text)?,
                }
            }
            s.close("p")
        };
        if let Some(v) = &h.symbol {
            line(self, "symbol", &[(Some(("docNumber", &[])), v)])?;
        }
        if let Some(v) = &h.body {
            line(self, "body", &[(Some(("docAuthority", &[])), v)])?;
        }
        if let Some(v) = &h.distribution {
            line(
                self,
                "distribution",
                &[(None, "Distr.: "), (Some(("docStatus", &[])), v)],
            )?;
        }
        if let Some(v) = &h.date {
            match iso_date(v) {
                Some(iso) => line(self, "date", &[(Some(("docDate", &[("date", &iso)])), v)])?,
                None => line(self, "date", &[(None, v)])?,
            }
        }
        if let Some(v) = &h.session {
            line(self, "session", &[(Some(("session", &[])), v)])?;
        }
        if let Some(v) = &h.committee {
            line(self, "committee", &[(Some(("docCommittee", &[])), v)])?;
        }
        if let Some(v) = &h.agenda_item {
            line(self, "agendaItem", &[(None, v)])?;
        }
        let kind = h
            .kind
            .clone()
            .unwrap_or_else(|| "draft resolution".to_string());
        if adopted {
            line(self, "kind", &[(Some(("docType", &[])), &kind)])?;
        } else if !h.sponsors.is_empty() {
            self.nl(3)?;
            self.open("p", &[("class", "sponsors")])?;
            let n = h.sponsors.len();
            for (k, s) in h.sponsors.iter().enumerate() {
                if k > 0 {
                    self.text(if k + 1 == n { " and " } else { ", " })?;
                }
                self.leaf("docProponent", &[], s)?;
            }
            self.text(": ")?;
            self.leaf("docType", &[], &kind)?;
            self.close("p")?;
        }
        if let Some(v) = &h.draft_reference {
            line(self, "draftReference", &[(None, v)])?;
        }
        if let Some(t) = &h.title {
            match &h.number {
                Some(n) => line(
                    self,
                    "title",
                    &[
                        (Some(("docNumber", &[("class", "resolutionNumber")])), n),
                        (None, ". "),
                        (Some(("docTitle", &[])), t),
                    ],
                )?,
                None => line(self, "title", &[(Some(("docTitle", &[])), t)])?,
            }
        }
        self.nl(2)?;
        self.close("preface")?;

        self.nl(2)?;
        self.open("preamble", &[])?;
        if let Some(o) = &h.organ {
            self.nl(3)?;
            self.open(
                "formula",
                &[("name", "enactingFormula"), ("eId", "formula_1")],
            )?;
            self.leaf("p", &[], o)?;
            self.close("formula")?;
        }
        for c in &r.preamble {
            self.preambular(r, c, 3)?;
        }
        self.nl(2)?;
        self.close("preamble")?;

        self.nl(2)?;
        self.open("mainBody", &[])?;
        for c in &r.operative {
            self.hierarchical(r, c, 0, 3)?;
        }
        self.nl(2)?;
        self.close("mainBody")?;

        if let Some(m) = &h.meeting {
            self.nl(2)?;
            self.open("conclusions", &[])?;
            self.nl(3)?;
            self.leaf("p", &[("class", "meeting")], m)?;
            self.nl(2)?;
            self.close("conclusions")?;
        }

        if !r.annex.is_empty() {
            self.nl(2)?;
            self.open("attachments", &[])?;
            self.nl(3)?;
            self.open("attachment", &[("eId", "att_1")])?;
            self.nl(4)?;
            self.open("doc", &[("name", "annex")])?;
            self.nl(5)?;
            self.open("preface", &[])?;
            self.nl(6)?;
            self.open("p", &[])?;
            self.leaf("docTitle", &[], "Annex")?;
            self.close("p")?;
            self.nl(5)?;
            self.close("preface")?;
            self.nl(5)?;
            self.open("mainBody", &[])?;
            for c in &r.annex {
                self.hierarchical(r, c, 0, 6)?;
            }
            self.nl(5)?;
            self.close("mainBody")?;
            self.nl(4)?;
            self.close("doc")?;
            self.nl(3)?;
            self.close("attachment")?;
            self.nl(2)?;
            self.close("attachments")?;
        }
        self.nl(1)?;
        self.close("doc")?;
        self.nl(0)?;
        self.close("akomaNtoso")?;
        self.w.get_mut().write_all(b"\n")
    }

    fn meta(&mut self, r: &Resolution, d: usize) -> io::Result<()> {
        let h = &r.header;
        let slug: String = h
            .symbol
            .as_deref()
            .unwrap_or("unknown")
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        let work = format!(
            "/akn/un/doc/{}/{slug}",
            if h.kind
                .as_deref()
                .is_some_and(|k| k.starts_with("Resolution adopted"))
            {
                "resolution"
            } else {
                "draftResolution"
            }
        );
        let date = h.date.as_deref().and_then(iso_date);
        self.nl(d)?;
        self.open("meta", &[])?;
        self.nl(d + 1)?;
        self.open("identification", &[("source", "#resdiff")])?;
        for (level, this, uri) in [
            ("FRBRWork", format!("{work}/!main"), work.clone()),
            (
                "FRBRExpression",
                format!("{work}/eng@/!main"),
                format!("{work}/eng@"),
            ),
            (
                "FRBRManifestation",
                format!("{work}/eng@/!main.xml"),
                format!("{work}/eng@.xml"),
            ),
        ] {
            self.nl(d + 2)?;
            self.open(level, &[])?;
            self.nl(d + 3)?;
            self.empty("FRBRthis", &[("value", &this)])?;
            self.nl(d + 3)?;
            self.empty("FRBRuri", &[("value", &uri)])?;
            if level == "FRBRWork"
                && let Some(s) = &h.symbol
            {
                self.nl(d + 3)?;
                self.empty("FRBRalias", &[("value", s), ("name", "symbol")])?;
            }
            if let Some(iso) = &date {
                self.nl(d + 3)?;
                self.empty("FRBRdate", &[("date", iso), ("name", "issued")])?;
            }
            self.nl(d + 3)?;
            self.empty("FRBRauthor", &[("href", "#author")])?;
            if level == "FRBRWork" {
                self.nl(d + 3)?;
                self.empty("FRBRcountry", &[("value", "un")])?;
            }
            if level == "FRBRExpression" {
                self.nl(d + 3)?;
                self.empty("FRBRlanguage", &[("language", "eng")])?;
            }
            self.nl(d + 2)?;
            self.close(level)?;
        }
        self.nl(d + 1)?;
        self.close("identification")?;
        self.nl(d + 1)?;
        self.open("references", &[("source", "#resdiff")])?;
        self.nl(d + 2)?;
        self.empty(
            "TLCOrganization",
            &[
                ("eId", "resdiff"),
                ("href", "/ontology/organization/resdiff"),
                ("showAs", "resdiff"),
            ],
        )?;
        self.nl(d + 2)?;
        let author = h.body.as_deref().unwrap_or("United Nations");
        self.empty(
            "TLCOrganization",
            &[
                ("eId", "author"),
                ("href", "/ontology/organization/un"),
                ("showAs", author),
            ],
        )?;
        self.nl(d + 1)?;
        self.close("references")?;
        if !r.footnotes.is_empty() {
            self.nl(d + 1)?;
            self.open("notes", &[("source", "#resdiff")])?;
            for (k, f) in r.footnotes.iter().enumerate() {
                self.nl(d + 2)?;
                self.open(
                    "note",
                    &[
                        ("eId", &format!("fnt_{}", k + 1)),
                        ("marker", &f.mark),
                        ("placement", "bottom"),
                    ],
                )?;
                self.leaf("p", &[], &f.text)?;
                self.close("note")?;
            }
            self.nl(d + 1)?;
            self.close("notes")?;
        }
        self.nl(d)?;
        self.close("meta")
    }

    /// A preambular paragraph: a `container`, its sub-paragraphs a `blockList`.
    fn preambular(&mut self, r: &Resolution, c: &Clause, d: usize) -> io::Result<()> {
        let id = self.eid(&c.id, c.part);
        if let Some(hd) = &c.heading {
            self.nl(d)?;
            self.open(
                "container",
                &[
                    ("name", "crossHeading"),
                    ("eId", &format!("{id}__crossHeading")),
                ],
            )?;
            self.leaf("p", &[], hd)?;
            self.close("container")?;
        }
        self.nl(d)?;
        self.open(
            "container",
            &[("name", "preambularParagraph"), ("eId", &id)],
        )?;
        self.clause_text(r, c, &id)?;
        if !c.children.is_empty() {
            self.items(r, &c.children, &id, d + 1)?;
            self.nl(d)?;
        }
        self.close("container")
    }

    fn items(&mut self, r: &Resolution, list: &[Clause], parent: &str, d: usize) -> io::Result<()> {
        self.nl(d)?;
        self.open("blockList", &[("eId", &format!("{parent}__list_1"))])?;
        for c in list {
            let id = self.eid(&c.id, c.part);
            self.nl(d + 1)?;
            self.open("item", &[("eId", &id)])?;
            if let Some(l) = &c.label {
                self.leaf("num", &[], &format!("({l})"))?;
            }
            self.clause_text(r, c, &id)?;
            if !c.children.is_empty() {
                self.items(r, &c.children, &id, d + 2)?;
                self.nl(d + 1)?;
            }
            self.close("item")?;
        }
        self.nl(d)?;
        self.close("blockList")
    }

    /// An operative or annex paragraph and its sub-paragraphs.
    fn hierarchical(
        &mut self,
        r: &Resolution,
        c: &Clause,
        depth: usize,
        d: usize,
    ) -> io::Result<()> {
        let id = self.eid(&c.id, c.part);
        if let Some(hd) = &c.heading {
            self.nl(d)?;
            self.leaf(
                "crossHeading",
                &[("eId", &format!("{id}__crossHeading"))],
                hd,
            )?;
        }
        let tag = if depth == 0 {
            "paragraph"
        } else {
            "subparagraph"
        };
        self.nl(d)?;
        self.open(tag, &[("eId", &id)])?;
        if let Some(l) = &c.label {
            self.leaf(
                "num",
                &[],
                &if depth == 0 {
                    format!("{l}.")
                } else {
                    format!("({l})")
                },
            )?;
        }
        if c.children.is_empty() {
            self.open("content", &[])?;
            self.clause_text(r, c, &id)?;
            self.close("content")?;
        } else {
            if !c.text.is_empty() || !c.footnotes.is_empty() {
                self.open("intro", &[])?;
                self.clause_text(r, c, &id)?;
                self.close("intro")?;
            }
            for k in &c.children {
                self.hierarchical(r, k, depth + 1, d + 1)?;
            }
            self.nl(d)?;
        }
        self.close(tag)
    }

    /// A clause's text as a `<p>`, with a `noteRef` where each footnote mark stood.
    fn clause_text(&mut self, r: &Resolution, c: &Clause, id: &str) -> io::Result<()> {
        self.open("p", &[])?;
        let mut at = 0;
        let mut refs: Vec<_> = c
            .footnotes
            .iter()
            .filter(|f| f.at <= c.text.len() && c.text.is_char_boundary(f.at))
            .collect();
        refs.sort_by_key(|f| f.at);
        for (k, f) in refs.into_iter().enumerate() {
            self.text(&c.text[at..f.at])?;
            at = f.at;
            let note = self.note_for(r, &f.mark);
            let mut attrs = vec![
                ("marker", f.mark.clone()),
                ("eId", format!("{id}__noteRef_{}", k + 1)),
            ];
            if let Some(n) = note {
                attrs.push(("href", format!("#fnt_{n}")));
            }
            let attrs: Vec<(&str, &str)> = attrs.iter().map(|(k, v)| (*k, v.as_str())).collect();
            self.empty("noteRef", &attrs)?;
        }
        self.text(&c.text[at..])?;
        self.close("p")
    }

    /// The (1-based) index of the note the next reference with this mark
    /// points to: the k-th reference to a mark is to the k-th note with it.
    fn note_for(&mut self, r: &Resolution, mark: &str) -> Option<usize> {
        let k = match self.refs_seen.iter_mut().find(|(m, _)| m == mark) {
            Some((_, n)) => {
                *n += 1;
                *n
            }
            None => {
                self.refs_seen.push((mark.to_string(), 1));
                1
            }
        };
        r.footnotes
            .iter()
            .enumerate()
            .filter(|(_, f)| f.mark == mark)
            .nth(k - 1)
            .map(|(i, _)| i + 1)
    }

    /// A stable, unique eId from a clause id: `PP2` → `preamble__para_2`,
    /// `OP3(a)(ii)` → `para_3__subpara_a__subpara_ii`, `AN1` → `annex__para_1`.
    fn eid(&mut self, clause_id: &str, part: Part) -> String {
        let prefix = part.prefix();
        let rest = clause_id.strip_prefix(prefix).unwrap_or(clause_id);
        let mut pieces = rest.split('(');
        let head = match part {
            Part::Preamble => "preamble__para_",
            Part::Operative => "para_",
            Part::Annex => "annex__para_",
        };
        let mut id = format!("{head}{}", token(pieces.next().unwrap_or("")));
        for p in pieces {
            id.push_str("__subpara_");
            id.push_str(&token(p.trim_end_matches(')')));
        }
        let mut unique = id.clone();
        let mut n = 2;
        while !self.ids.insert(unique.clone()) {
            unique = format!("{id}_{n}");
            n += 1;
        }
        unique
    }

    fn nl(&mut self, depth: usize) -> io::Result<()> {
        let s = format!("\n{}", "  ".repeat(depth));
        self.w.write_event(Event::Text(BytesText::from_escaped(s)))
    }

    fn open(&mut self, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
        let mut s = BytesStart::new(name);
        for (k, v) in attrs {
            s.push_attribute((*k, xml_chars(v).as_str()));
        }
        self.w.write_event(Event::Start(s))
    }

    fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
        let mut s = BytesStart::new(name);
        for (k, v) in attrs {
            s.push_attribute((*k, xml_chars(v).as_str()));
        }
        self.w.write_event(Event::Empty(s))
    }

    fn close(&mut self, name: &str) -> io::Result<()> {
        self.w.write_event(Event::End(BytesEnd::new(name)))
    }

    fn text(&mut self, s: &str) -> io::Result<()> {
        if s.is_empty() {
            return Ok(());
        }
        self.w
            .write_event(Event::Text(BytesText::new(&xml_chars(s))))
    }

    fn leaf(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) -> io::Result<()> {
        self.open(name, attrs)?;
        self.text(text)?;
        self.close(name)
    }
}

/// Characters XML 1.0 cannot hold (C0 controls but tab and newline,
/// U+FFFE, U+FFFF) are left out.
fn xml_chars(s: &str) -> String {
    s.chars()
        .filter(|&c| !(c < ' ' && c != '\t' && c != '\n' || c == '\u{FFFE}' || c == '\u{FFFF}'))
        .collect()
}

/// Letters, digits, `-` and `_` only, for ids.
fn token(s: &str) -> String {
    let t: String = s
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if t.is_empty() { "x".into() } else { t }
}

/// `13 October 2022` → `2022-10-13`.
pub(crate) fn iso_date(s: &str) -> Option<String> {
    let mut it = s.split_whitespace();
    let day: u32 = it.next()?.parse().ok()?;
    let name = it.next()?;
    let month = MONTHS.iter().position(|m| *m == name)? + 1;
    let year: u32 = it.next()?.parse().ok()?;
    (it.next().is_none() && (1..=31).contains(&day) && (1000..=9999).contains(&year))
        .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates() {
        assert_eq!(iso_date("2 March 2022").as_deref(), Some("2022-03-02"));
        assert_eq!(iso_date("March 2022"), None);
        assert_eq!(iso_date("31 Smarch 2022"), None);
    }

    #[test]
    fn ids_are_stable_and_unique() {
        let mut out = Vec::new();
        let mut w = Akn {
            w: Writer::new(&mut out as &mut dyn Write),
            ids: HashSet::new(),
            refs_seen: Vec::new(),
        };
        assert_eq!(w.eid("PP2", Part::Preamble), "preamble__para_2");
        assert_eq!(
            w.eid("OP3(a)(ii)", Part::Operative),
            "para_3__subpara_a__subpara_ii"
        );
        assert_eq!(w.eid("OP3 bis", Part::Operative), "para_3_bis");
        assert_eq!(w.eid("OP3 bis", Part::Operative), "para_3_bis_2");
        assert_eq!(w.eid("AN1", Part::Annex), "annex__para_1");
    }
}
