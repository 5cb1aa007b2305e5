//! Akoma Ntoso (AKN4UN) XML inputs.
//!
//! Reads `akomaNtoso/act|bill|doc|...`: the preface gives the header lines,
//! the preamble the organ line (`formula`) and preambular paragraphs
//! (`container`, `recital`, `p`), the main body the numbered `paragraph`s
//! with their `subparagraph`s, `point`s, `list`s and `blockList` items,
//! attachments the annex, and `conclusions` the closing lines. Footnotes are
//! read both as inline `authorialNote`s and as `meta/notes` with `noteRef`s.
//! Everything is laid out as plain text for the parser, as the other
//! structured formats are; `meta` gives the symbol, date and title as
//! fallbacks. This reads what `resdiff show --format akn` writes, unchanged.

use std::collections::HashMap;

use super::paragraphs::{Paragraphs, glue_mark, one_line};
use super::xml::{self, Element, Node};
use super::{Document, LoadOptions, Metadata, SourceFormat};
use crate::conventions::MONTHS;
use crate::error::{Error, Result};

/// Elements that hold a numbered provision and its sub-provisions.
const HIERARCHICAL: &[&str] = &[
    "paragraph",
    "subparagraph",
    "point",
    "list",
    "sublist",
    "item",
    "indent",
    "alinea",
    "clause",
    "subclause",
    "article",
    "section",
    "subsection",
    "part",
    "subpart",
    "chapter",
    "subchapter",
    "title",
    "subtitle",
    "book",
    "tome",
    "division",
    "subdivision",
    "rule",
    "subrule",
    "level",
    "hcontainer",
    "transitional",
    "proviso",
    "recital",
    "citation",
    "tblock",
];

/// Elements read as one paragraph of text.
const TEXT_BLOCKS: &[&str] = &[
    "p",
    "block",
    "longTitle",
    "heading",
    "subheading",
    "crossHeading",
    "listIntroduction",
    "listWrapUp",
    "docTitle",
    "li",
];

/// Elements with nothing to read.
const SKIPPED: &[&str] = &[
    "meta",
    "coverPage",
    "img",
    "componentRef",
    "documentRef",
    "toc",
    "foreign",
    "remark",
    "num",
];

/// Loads a AKN input.
pub(super) fn load(name: &str, bytes: &[u8], _opts: &LoadOptions) -> Result<Document> {
    let fail = |problem: String| Error::input(name, problem);
    let source = xml::decode(bytes).map_err(fail)?;
    let root = xml::parse(&source).map_err(fail)?;
    if root.name != "akomaNtoso" {
        return Err(fail(format!(
            "not Akoma Ntoso: the root element is <{}>",
            truncate(&root.name)
        )));
    }
    let doc = root
        .elements()
        .find(|e| e.name != "components")
        .ok_or_else(|| fail("empty Akoma Ntoso document: no act, bill or doc in it".into()))?;
    let mut r = Reader::default();
    if let Some(notes) = doc.path(&["meta", "notes"]) {
        for n in notes.elements().filter(|n| n.name == "note") {
            let mark = n
                .attr("marker")
                .map(str::to_string)
                .unwrap_or_else(|| (r.out.notes.len() + 1).to_string());
            let text = r.note_text(n);
            if let Some(id) = n.attr("eId").or(n.attr("id")) {
                r.marks.insert(id.to_string(), mark.clone());
            }
            r.out.notes.push((mark, text));
        }
    }
    r.document(doc);
    let meta = metadata(doc);
    Ok(Document {
        source: name.to_string(),
        format: SourceFormat::Akn,
        text: r.out.layout(),
        meta,
    })
}

/// Symbol, title, date and sponsors from `meta` and the preface.
fn metadata(doc: &Element) -> Metadata {
    let work = doc.path(&["meta", "identification", "FRBRWork"]);
    let alias = |names: &[&str]| {
        work.into_iter()
            .flat_map(|w| w.elements())
            .find(|a| a.name == "FRBRalias" && a.attr("name").is_some_and(|n| names.contains(&n)))
            .and_then(|a| a.attr("value"))
            .map(str::to_string)
    };
    let preface = doc.child("preface");
    let in_preface = |name: &str| {
        preface
            .and_then(|p| p.find(name))
            .map(|e| one_line(&e.text()))
            .filter(|s| !s.is_empty())
    };
    let mut sponsors = Vec::new();
    if let Some(p) = preface {
        collect(p, "docProponent", &mut sponsors);
    }
    Metadata {
        symbol: alias(&["symbol", "UNSymbol", "unSymbol", "docSymbol"])
            .or_else(|| in_preface("docNumber")),
        title: in_preface("docTitle").or_else(|| alias(&["title", "shortTitle"])),
        date: work
            .and_then(|w| w.child("FRBRdate"))
            .and_then(|d| d.attr("date"))
            .and_then(printed_date),
        sponsors,
        encoding: None,
    }
}

fn collect(e: &Element, name: &str, out: &mut Vec<String>) {
    for c in e.elements() {
        if c.name == name {
            let t = one_line(&c.text());
            if !t.is_empty() {
                out.push(t);
            }
        } else {
            collect(c, name, out);
        }
    }
}

/// Walks the document, collecting paragraphs and notes.
#[derive(Default)]
struct Reader {
    out: Paragraphs,
    /// Marks of the notes in `meta/notes`, by id.
    marks: HashMap<String, String>,
    in_note: bool,
}

impl Reader {
    /// One document (the main one, or an attachment): header, preamble,
    /// body, annexes, closing lines, in the order the plain layout has them.
    fn document(&mut self, doc: &Element) {
        let annex = matches!(doc.attr("name"), Some(n) if n.eq_ignore_ascii_case("annex"));
        match doc.child("preface") {
            Some(p) => self.blocks(p, 0),
            // the parser needs the heading to know the annex starts
            None if annex => self.out.push("Annex".into()),
            None => {}
        }
        if let Some(p) = doc.child("preamble") {
            self.blocks(p, 0);
        }
        for body in doc
            .elements()
            .filter(|e| e.name.ends_with("Body") || e.name == "body")
        {
            self.blocks(body, 0);
        }
        for holder in doc
            .elements()
            .filter(|e| e.name == "attachments" || e.name == "components")
        {
            for att in holder.elements() {
                // <attachment><doc>, or the document directly
                match att.elements().find(|d| {
                    d.child("mainBody").is_some()
                        || d.child("preface").is_some()
                        || d.child("body").is_some()
                }) {
                    Some(inner) => self.document(inner),
                    None => self.document(att),
                }
            }
        }
        if let Some(c) = doc.child("conclusions") {
            self.blocks(c, 0);
        }
    }

    fn blocks(&mut self, e: &Element, depth: usize) {
        for c in e.elements() {
            self.block(c, depth);
        }
    }

    fn block(&mut self, e: &Element, depth: usize) {
        let name = e.name.as_str();
        if SKIPPED.contains(&name) {
            return;
        }
        if name == "authorialNote" {
            // a note standing outside any text: kept without a mark in the text
            let mark = e
                .attr("marker")
                .map(str::to_string)
                .unwrap_or_else(|| (self.out.notes.len() + 1).to_string());
            let text = self.note_text(e);
            self.out.notes.push((mark, text));
            return;
        }
        if HIERARCHICAL.contains(&name) {
            self.provision(e, depth);
        } else if TEXT_BLOCKS.contains(&name) || has_own_text(e) {
            let mut s = String::new();
            self.inline(e, &mut s);
            self.out.push(s);
        } else if name == "blockList" {
            for item in e.elements() {
                self.block(item, depth + 1);
            }
        } else {
            self.blocks(e, depth);
        }
    }

    /// A numbered provision: its heading, then `num` and its own text as
    /// one paragraph, then its sub-provisions, then any wrap-up text.
    fn provision<'e>(&mut self, e: &'e Element, depth: usize) {
        for h in e
            .elements()
            .filter(|h| h.name == "heading" || h.name == "subheading")
        {
            let mut s = String::new();
            self.inline(h, &mut s);
            self.out.push(s);
        }
        let mut own = String::new();
        let mut later: Vec<&'e Element> = Vec::new();
        self.gather(e, &mut own, &mut later);
        let num = e
            .child("num")
            .map(|n| one_line(&n.text()))
            .unwrap_or_default();
        match label(&num, depth) {
            Some(l) => self.out.push(format!("{l} {}", own.trim_start())),
            None => self.out.push(own),
        }
        for c in later {
            match c.name.as_str() {
                "wrapUp" | "wrap" => {
                    let mut s = String::new();
                    self.inline(c, &mut s);
                    self.out.push(s);
                }
                _ => self.block(c, depth + 1),
            }
        }
    }

    /// A provision's own text (from `intro`, `content`, `p` or bare text)
    /// and the sub-provisions and wrap-up that follow it. A `list` without
    /// a number of its own is the provision's list: its intro is the text.
    fn gather<'e>(&mut self, e: &'e Element, own: &mut String, later: &mut Vec<&'e Element>) {
        for n in &e.children {
            match n {
                Node::Text(t) => own.push_str(t),
                Node::Element(c) => match c.name.as_str() {
                    "num" | "heading" | "subheading" => {}
                    "intro" | "content" => self.gather(c, own, later),
                    "list" if c.child("num").is_none() => self.gather(c, own, later),
                    "wrapUp" | "wrap" | "blockList" => later.push(c),
                    n if HIERARCHICAL.contains(&n) => later.push(c),
                    n => {
                        if !own.trim().is_empty() && TEXT_BLOCKS.contains(&n) {
                            own.push(' ');
                        }
                        self.inline(c, own);
                    }
                },
            }
        }
    }

    /// Inline text: footnote marks glued where they stand, line breaks kept.
    fn inline(&mut self, e: &Element, buf: &mut String) {
        for n in &e.children {
            match n {
                Node::Text(t) => buf.push_str(t),
                Node::Element(c) => match c.name.as_str() {
                    "noteRef" => {
                        let by_href = c
                            .attr("href")
                            .and_then(|h| self.marks.get(h.trim_start_matches('#')));
                        if let Some(m) = c.attr("marker").or(by_href.map(String::as_str))
                            && !self.in_note
                        {
                            glue_mark(buf, m);
                        }
                    }
                    "authorialNote" => {
                        if self.in_note {
                            continue;
                        }
                        let mark = c
                            .attr("marker")
                            .map(str::to_string)
                            .unwrap_or_else(|| (self.out.notes.len() + 1).to_string());
                        glue_mark(buf, &mark);
                        let text = self.note_text(c);
                        self.out.notes.push((mark, text));
                    }
                    "eol" | "eop" | "br" => buf.push('\n'),
                    "img" | "remark" | "componentRef" | "documentRef" | "marker" => {}
                    _ => {
                        // blocks inside inline content (subFlow, embeddedStructure) keep a space apart
                        let block = TEXT_BLOCKS.contains(&c.name.as_str());
                        if block && !buf.is_empty() {
                            buf.push(' ');
                        }
                        self.inline(c, buf);
                    }
                },
            }
        }
    }

    /// A note's text on one line.
    fn note_text(&mut self, note: &Element) -> String {
        let was = std::mem::replace(&mut self.in_note, true);
        let mut s = String::new();
        self.inline(note, &mut s);
        self.in_note = was;
        one_line(&s)
    }
}

/// Whether an element holds text of its own (not only whitespace between
/// child elements): such a container is read as one paragraph.
fn has_own_text(e: &Element) -> bool {
    e.children
        .iter()
        .any(|n| matches!(n, Node::Text(t) if !t.trim().is_empty()))
}

/// The label as the plain layout prints it: `3.` at the top level,
/// `(a)` below; a label already punctuated is kept.
fn label(num: &str, depth: usize) -> Option<String> {
    let n = num.trim();
    if n.is_empty() {
        return None;
    }
    if n.ends_with(['.', ')']) || n.starts_with('(') {
        return Some(n.to_string());
    }
    if depth == 0 && n.starts_with(|c: char| c.is_ascii_digit()) {
        return Some(format!("{n}."));
    }
    if n.chars().all(|c| c.is_alphanumeric()) {
        return Some(format!("({n})"));
    }
    Some(n.to_string())
}

/// `2022-10-13` → `13 October 2022`.
fn printed_date(iso: &str) -> Option<String> {
    let mut it = iso.trim().splitn(3, '-');
    let year: u32 = it.next()?.parse().ok()?;
    let month: usize = it.next()?.parse().ok()?;
    let day: u32 = it.next()?.get(..2)?.parse().ok()?;
    let name = MONTHS.get(month.checked_sub(1)?)?;
    ((1..=31).contains(&day) && (1000..=9999).contains(&year))
        .then(|| format!("{day} {name} {year}"))
}

fn truncate(s: &str) -> String {
    s.chars().take(40).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load_str(s: &str) -> Document {
        load("t.akn", s.as_bytes(), &LoadOptions::default()).unwrap()
    }

    #[test]
    fn act_with_recitals_points_and_authorial_notes() {
        let d = load_str(
            r##"<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act name="resolution">
            <meta><identification source="#x"><FRBRWork><FRBRthis value="/akn/un/act/2022/4/!main"/><FRBRalias name="symbol" value="A/RES/ES-11/4"/><FRBRdate date="2022-10-12" name="adoption"/></FRBRWork></identification></meta>
            <preface><p><docNumber>A/RES/ES-11/4</docNumber></p><longTitle><p><docTitle>Territorial integrity</docTitle></p></longTitle></preface>
            <preamble><formula name="enactingFormula"><p>The General Assembly,</p></formula>
              <recitals><recital><p>Recalling the Declaration;<authorialNote marker="1" placement="bottom"><p>Resolution 2625 (XXV).</p></authorialNote></p></recital></recitals></preamble>
            <body><paragraph><num>1</num><content><p>Reaffirms its <i>commitment</i>;</p></content></paragraph>
              <paragraph><num>2</num><intro><p>Decides:</p></intro><point><num>a</num><content><p>first;</p></content></point><point><num>b</num><list><intro><p>second:</p></intro><point><num>i</num><content><p>one.</p></content></point></list></point></paragraph></body>
            <conclusions><p>14th plenary meeting<eol/>12 October 2022</p></conclusions></act></akomaNtoso>"##,
        );
        assert_eq!(
            d.text,
            "A/RES/ES-11/4\nTerritorial integrity\n\nThe General Assembly,\n\nRecalling the Declaration;1\n\n1. Reaffirms its commitment;\n\n2. Decides:\n\n(a) first;\n\n(b) second:\n\n(i) one.\n\n14th plenary meeting\n12 October 2022\n\n__________\n1 Resolution 2625 (XXV).\n"
        );
        assert_eq!(d.meta.symbol.as_deref(), Some("A/RES/ES-11/4"));
        assert_eq!(d.meta.date.as_deref(), Some("12 October 2022"));
        assert_eq!(d.meta.title.as_deref(), Some("Territorial integrity"));
    }

    #[test]
    fn not_akoma_ntoso() {
        let e = load("t.xml", b"<html/>", &LoadOptions::default()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "t.xml: not Akoma Ntoso: the root element is <html>"
        );
    }
}
