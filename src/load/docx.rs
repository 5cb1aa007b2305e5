//! Word (DOCX) inputs: paragraphs, automatic numbering, tracked changes and footnotes.
//!
//! A DOCX file is a zip of XML parts. The text is in `word/document.xml`;
//! operative numbers and sub-paragraph letters are usually not text at all
//! but automatic list numbering, defined in `word/numbering.xml` (and
//! attached to paragraphs directly or through their style in
//! `word/styles.xml`), so they are rebuilt here the way Word counts them.
//! Tracked changes are read accepted or rejected; footnotes come from
//! `word/footnotes.xml` (and endnotes from `word/endnotes.xml`) and are
//! numbered in the order they are referenced.

use std::collections::{HashMap, HashSet};
use std::io::{Cursor, Read};

use zip::ZipArchive;
use zip::result::ZipError;

use super::paragraphs::{Paragraphs, glue_mark};
use super::xml::{self, Element, one_line};
use super::{Document, LoadOptions, Metadata, SourceFormat, TrackedChanges};
use crate::error::{Error, Result};
use crate::numbering::{letters, ordinal_suffix, roman};

/// At most this many entries in the zip (a Word file has a few dozen).
pub(crate) const MAX_ENTRIES: usize = 10_000;
/// At most this many bytes uncompressed in one part that is read.
pub(crate) const MAX_ENTRY_BYTES: u64 = 128 * 1024 * 1024;
/// At most this many bytes uncompressed in all the parts read together.
pub(crate) const MAX_TOTAL_BYTES: u64 = 256 * 1024 * 1024;
/// Parts over 1 MiB may expand at most this many times their compressed
/// size: Word's XML compresses about 10:1, zip bombs 1000:1 and more.
pub(crate) const MAX_RATIO: u64 = 200;

/// Loads a DOCX input.
pub(super) fn load(name: &str, bytes: &[u8], opts: &LoadOptions) -> Result<Document> {
    let fail = |problem: String| Error::input(name, problem);
    let mut pkg = Package::open(bytes).map_err(fail)?;
    let document = pkg
        .xml("word/document.xml")
        .map_err(fail)?
        .ok_or_else(|| fail("not a Word document: no word/document.xml".into()))?;
    let styles = pkg.xml("word/styles.xml").map_err(fail)?;
    let numbering = pkg.xml("word/numbering.xml").map_err(fail)?;
    let footnotes = pkg.xml("word/footnotes.xml").map_err(fail)?;
    let endnotes = pkg.xml("word/endnotes.xml").map_err(fail)?;
    let core = pkg.xml("docProps/core.xml").map_err(fail)?;

    let styles = styles.as_ref().map(Styles::read).unwrap_or_default();
    let numbering = numbering.as_ref().map(Numbering::read).unwrap_or_default();
    let mut notes = HashMap::new();
    for (kind, part) in [("footnote", &footnotes), ("endnote", &endnotes)] {
        for n in part
            .iter()
            .flat_map(|p| p.elements())
            .filter(|e| e.name == kind)
        {
            // separators and continuation notices are layout, not notes
            if n.attr("type").is_none_or(|t| t == "normal")
                && let Some(id) = n.attr("id")
            {
                notes.insert((kind, id.to_string()), n);
            }
        }
    }
    let body = document
        .child("body")
        .ok_or_else(|| fail("word/document.xml has no w:body".into()))?;
    let mut reader = Reader {
        accept: opts.tracked_changes == TrackedChanges::Accept,
        styles: &styles,
        numbering: &numbering,
        notes,
        lists: HashMap::new(),
        out: Paragraphs::default(),
        pending: None,
        note_count: 0,
        in_note: false,
        custom_mark: None,
    };
    reader.blocks(body);
    reader.flush_pending();
    let title = core
        .as_ref()
        .and_then(|c| c.child("title"))
        .map(|t| t.text().trim().to_string())
        .filter(|t| !t.is_empty());
    Ok(Document {
        source: name.to_string(),
        format: SourceFormat::Docx,
        text: reader.out.layout(),
        meta: Metadata {
            title,
            ..Metadata::default()
        },
    })
}

/// The zip, read with limits on entries, sizes and compression ratio.
struct Package<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    total: u64,
}

impl<'a> Package<'a> {
    fn open(bytes: &'a [u8]) -> std::result::Result<Self, String> {
        let zip = ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| format!("not a readable zip file ({})", zip_error(&e)))?;
        if zip.len() > MAX_ENTRIES {
            return Err(format!(
                "zip with {} entries (more than {MAX_ENTRIES}); refused",
                zip.len()
            ));
        }
        Ok(Package { zip, total: 0 })
    }

    /// A part parsed as XML, or `None` when the zip has no such entry.
    fn xml(&mut self, path: &str) -> std::result::Result<Option<Element>, String> {
        let Some(bytes) = self.bytes(path)? else {
            return Ok(None);
        };
        let text = xml::decode(&bytes).map_err(|e| format!("{path}: {e}"))?;
        drop(bytes);
        xml::parse(&text)
            .map(Some)
            .map_err(|e| format!("{path}: {e}"))
    }

    fn bytes(&mut self, path: &str) -> std::result::Result<Option<Vec<u8>>, String> {
        let file = match self.zip.by_name(path) {
            Ok(f) => f,
            Err(ZipError::FileNotFound) => return Ok(None),
            Err(e) => {
                return Err(format!(
                    "{path}: cannot read this zip entry ({})",
                    zip_error(&e)
                ));
            }
        };
        let size = file.size();
        let packed = file.compressed_size().max(1);
        if size > MAX_ENTRY_BYTES {
            return Err(format!(
                "{path} is {size} bytes uncompressed (limit {MAX_ENTRY_BYTES}); refused"
            ));
        }
        if size > 1024 * 1024 && size / packed > MAX_RATIO {
            return Err(format!(
                "{path} expands {}:1 (limit {MAX_RATIO}:1), a zip bomb; refused",
                size / packed
            ));
        }
        if self.total + size > MAX_TOTAL_BYTES {
            return Err(format!(
                "more than {MAX_TOTAL_BYTES} bytes uncompressed in all; refused"
            ));
        }
        // the header's size may lie: never read more than it declares
        let mut buf = Vec::with_capacity(usize::try_from(size.min(1 << 24)).unwrap_or(0));
        file.take(size + 1)
            .read_to_end(&mut buf)
            .map_err(|e| format!("{path}: corrupt zip entry ({})", one_line(&e.to_string())))?;
        if buf.len() as u64 > size {
            return Err(format!(
                "{path}: zip entry larger than its header says; refused"
            ));
        }
        self.total += buf.len() as u64;
        Ok(Some(buf))
    }
}

fn zip_error(e: &ZipError) -> String {
    one_line(&e.to_string())
}

/// Paragraph styles: what numbering each carries, through `basedOn`.
#[derive(Default)]
struct Styles {
    by_id: HashMap<String, StyleDef>,
    default_paragraph: Option<String>,
}

#[derive(Default)]
struct StyleDef {
    based_on: Option<String>,
    num_id: Option<String>,
    ilvl: Option<usize>,
}

impl Styles {
    fn read(root: &Element) -> Self {
        let mut s = Styles::default();
        for st in root
            .elements()
            .filter(|e| e.name == "style" && e.attr("type").is_none_or(|t| t == "paragraph"))
        {
            let Some(id) = st.attr("styleId") else {
                continue;
            };
            if st.attr("default").is_some_and(|d| d == "1" || d == "true") {
                s.default_paragraph = Some(id.to_string());
            }
            let num = st.path(&["pPr", "numPr"]);
            s.by_id.insert(
                id.to_string(),
                StyleDef {
                    based_on: st
                        .child("basedOn")
                        .and_then(|b| b.attr("val"))
                        .map(str::to_string),
                    num_id: num
                        .and_then(|n| n.child("numId"))
                        .and_then(|n| n.attr("val"))
                        .map(str::to_string),
                    ilvl: num
                        .and_then(|n| n.child("ilvl"))
                        .and_then(|n| n.attr("val"))
                        .and_then(|v| v.parse().ok()),
                },
            );
        }
        s
    }

    /// The numbering a style gives its paragraphs: the nearest `numId` and
    /// `ilvl` up the `basedOn` chain.
    fn numbering(&self, id: &str) -> (Option<&str>, Option<usize>) {
        let (mut num, mut lvl) = (None, None);
        let mut cur = Some(id);
        // a loop in basedOn must not hang
        for _ in 0..32 {
            let Some(def) = cur.and_then(|c| self.by_id.get(c)) else {
                break;
            };
            num = num.or(def.num_id.as_deref());
            lvl = lvl.or(def.ilvl);
            cur = def.based_on.as_deref();
        }
        (num, lvl)
    }
}

/// One level of a list definition.
#[derive(Clone, Default)]
struct Level {
    start: i64,
    format: String,
    text: String,
    /// `w:lvlRestart`: restart after this (one-based) level; 0 never.
    restart: Option<i64>,
    /// The paragraph style linked to this level.
    style: Option<String>,
    /// `w:isLgl`: show all levels as decimal numbers.
    legal: bool,
}

impl Level {
    fn read(l: &Element) -> Self {
        let val = |n: &str| l.child(n).and_then(|e| e.attr("val"));
        Level {
            start: val("start").and_then(|v| v.parse().ok()).unwrap_or(0),
            format: val("numFmt").unwrap_or("decimal").to_string(),
            text: val("lvlText").unwrap_or("").to_string(),
            restart: val("lvlRestart").and_then(|v| v.parse().ok()),
            style: val("pStyle").map(str::to_string),
            legal: l.child("isLgl").is_some_and(Element::is_on),
        }
    }
}

fn levels_of(e: &Element) -> Vec<(usize, Level)> {
    e.elements()
        .filter(|l| l.name == "lvl")
        .filter_map(|l| {
            Some((
                l.attr("ilvl")?.parse::<usize>().ok().filter(|&k| k < 9)?,
                Level::read(l),
            ))
        })
        .collect()
}

struct Abstract {
    levels: [Option<Level>; 9],
    /// `w:numStyleLink`: the definition lives with the numbering of this style.
    style_link: Option<String>,
}

struct Num {
    abstract_id: String,
    /// Per level: a `w:startOverride` value and a replacement level.
    overrides: Vec<(usize, Option<i64>, Option<Level>)>,
}

/// The list definitions of `word/numbering.xml`.
#[derive(Default)]
struct Numbering {
    abstracts: HashMap<String, Abstract>,
    nums: HashMap<String, Num>,
}

impl Numbering {
    fn read(root: &Element) -> Self {
        let mut n = Numbering::default();
        for e in root.elements() {
            match e.name.as_str() {
                "abstractNum" => {
                    let Some(id) = e.attr("abstractNumId") else {
                        continue;
                    };
                    let mut levels: [Option<Level>; 9] = Default::default();
                    for (k, l) in levels_of(e) {
                        levels[k] = Some(l);
                    }
                    let style_link = e
                        .child("numStyleLink")
                        .and_then(|s| s.attr("val"))
                        .map(str::to_string);
                    n.abstracts
                        .insert(id.to_string(), Abstract { levels, style_link });
                }
                "num" => {
                    let (Some(id), Some(abs)) = (
                        e.attr("numId"),
                        e.child("abstractNumId").and_then(|a| a.attr("val")),
                    ) else {
                        continue;
                    };
                    let overrides = e
                        .elements()
                        .filter(|o| o.name == "lvlOverride")
                        .filter_map(|o| {
                            let k = o.attr("ilvl")?.parse::<usize>().ok().filter(|&k| k < 9)?;
                            let start = o
                                .child("startOverride")
                                .and_then(|s| s.attr("val"))
                                .and_then(|v| v.parse().ok());
                            let level = levels_of(o)
                                .into_iter()
                                .find(|(j, _)| *j == k)
                                .map(|(_, l)| l);
                            Some((k, start, level))
                        })
                        .collect();
                    n.nums.insert(
                        id.to_string(),
                        Num {
                            abstract_id: abs.to_string(),
                            overrides,
                        },
                    );
                }
                _ => {}
            }
        }
        n
    }

    /// The abstract definition a `w:num` uses, following one `numStyleLink`.
    fn abstract_of<'n>(&'n self, num: &'n Num, styles: &Styles) -> Option<(&'n str, &'n Abstract)> {
        let mut id = num.abstract_id.as_str();
        let mut abs = self.abstracts.get(id)?;
        if let Some(link) = &abs.style_link
            && let (Some(linked), _) = styles.numbering(link)
            && let Some(other) = self.nums.get(linked)
            && let Some(target) = self.abstracts.get(&other.abstract_id)
        {
            id = &other.abstract_id;
            abs = target;
        }
        Some((id, abs))
    }

    /// A level as a given `w:num` shows it (its `lvlOverride` or the abstract's).
    fn level<'n>(&'n self, num: &'n Num, abs: &'n Abstract, k: usize) -> Option<&'n Level> {
        num.overrides
            .iter()
            .find(|(j, _, l)| *j == k && l.is_some())
            .and_then(|(_, _, l)| l.as_ref())
            .or(abs.levels[k].as_ref())
    }
}

/// The counters of one list (one abstract definition), shared by every
/// `w:num` that uses it, as in Word.
#[derive(Default)]
struct ListState {
    counters: [Option<i64>; 9],
    /// Start values set by the `startOverride` of the last `w:num` that restarted the list.
    starts: [Option<i64>; 9],
    /// The `w:num`s already met: a `startOverride` restarts the list at its first paragraph only.
    seen: HashSet<String>,
}

/// Walks `word/document.xml`, collecting paragraphs and notes.
struct Reader<'a> {
    accept: bool,
    styles: &'a Styles,
    numbering: &'a Numbering,
    notes: HashMap<(&'static str, String), &'a Element>,
    lists: HashMap<String, ListState>,
    out: Paragraphs,
    /// A paragraph whose mark is deleted (or, rejecting, inserted): it runs
    /// on into the next one. Its properties, and its text so far.
    pending: Option<(Option<&'a Element>, String)>,
    note_count: u32,
    in_note: bool,
    /// A note referenced with `w:customMarkFollows`: its mark is the next text.
    custom_mark: Option<&'a Element>,
}

impl<'a> Reader<'a> {
    /// Block-level content: paragraphs, tables, content controls.
    fn blocks(&mut self, parent: &'a Element) {
        for e in parent.elements() {
            match e.name.as_str() {
                "p" => self.paragraph(e),
                "tbl" => {
                    for row in e.elements().filter(|r| r.name == "tr") {
                        // a tracked row insertion or deletion
                        let tr_pr = row.child("trPr");
                        let gone = if self.accept { "del" } else { "ins" };
                        if tr_pr.and_then(|p| p.child(gone)).is_some() {
                            continue;
                        }
                        for cell in row.elements().filter(|c| c.name == "tc") {
                            self.blocks(cell);
                        }
                    }
                }
                "sdt" => {
                    if let Some(c) = e.child("sdtContent") {
                        self.blocks(c);
                    }
                }
                "customXml" | "sdtContent" => self.blocks(e),
                _ => {}
            }
        }
    }

    fn paragraph(&mut self, p: &'a Element) {
        let mut ppr = p.child("pPr");
        if !self.accept
            && let Some(old) = ppr
                .and_then(|x| x.child("pPrChange"))
                .and_then(|c| c.child("pPr"))
        {
            ppr = Some(old);
        }
        let mark = p.child("pPr").and_then(|x| x.child("rPr"));
        let has = |n: &str| mark.and_then(|m| m.child(n)).is_some();
        let joins_next = if self.accept {
            has("del") || has("moveFrom")
        } else {
            has("ins") || has("moveTo")
        };

        let mut text = String::new();
        self.inline(p, &mut text);
        let (props, text) = match self.pending.take() {
            // the merged paragraph keeps the properties of the first that has text
            Some((first, before)) if !before.trim().is_empty() => (first, before + &text),
            Some(_) | None => (ppr, text),
        };
        if joins_next {
            self.pending = Some((props, text));
            return;
        }
        self.finish_paragraph(props, text);
    }

    fn flush_pending(&mut self) {
        if let Some((props, text)) = self.pending.take() {
            self.finish_paragraph(props, text);
        }
    }

    fn finish_paragraph(&mut self, ppr: Option<&'a Element>, text: String) {
        let hidden = ppr
            .and_then(|x| x.path(&["rPr", "vanish"]))
            .is_some_and(Element::is_on);
        // an empty numbered paragraph still takes its number, as in Word
        let number = self.number(ppr);
        if hidden || text.trim().is_empty() {
            return;
        }
        match number {
            Some(n) => self.out.push(format!("{n} {}", text.trim_start())),
            None => self.out.push(text),
        }
    }

    /// The list number of a paragraph, advancing the list's counters.
    fn number(&mut self, ppr: Option<&'a Element>) -> Option<String> {
        let direct = ppr
            .and_then(|x| x.child("numPr"))
            .filter(|n| self.accept || n.child("ins").is_none());
        let style = ppr
            .and_then(|x| x.child("pStyle"))
            .and_then(|s| s.attr("val"))
            .or(self.styles.default_paragraph.as_deref());
        let (style_num, style_lvl) = style
            .map(|s| self.styles.numbering(s))
            .unwrap_or((None, None));
        let num_id = direct
            .and_then(|n| n.child("numId"))
            .and_then(|n| n.attr("val"))
            .or(style_num)?;
        if num_id == "0" {
            return None;
        }
        let num = self.numbering.nums.get(num_id)?;
        let (abs_id, abs) = self.numbering.abstract_of(num, self.styles)?;
        let ilvl = direct
            .and_then(|n| n.child("ilvl"))
            .and_then(|n| n.attr("val"))
            .and_then(|v| v.parse::<usize>().ok())
            .or(style_lvl)
            .or_else(|| {
                style.and_then(|s| {
                    abs.levels
                        .iter()
                        .position(|l| l.as_ref().is_some_and(|l| l.style.as_deref() == Some(s)))
                })
            })
            .unwrap_or(0)
            .min(8);
        let numbering = self.numbering;
        let level_at = |k: usize| numbering.level(num, abs, k);
        let level = level_at(ilvl)?;

        let state = self.lists.entry(abs_id.to_string()).or_default();
        if state.seen.insert(num_id.to_string())
            && num.overrides.iter().any(|(_, s, _)| s.is_some())
        {
            // "restart numbering": this w:num starts the list again
            state.counters = Default::default();
            state.starts = Default::default();
            for (k, start, _) in &num.overrides {
                state.starts[*k] = *start;
            }
        }
        let start = |k: usize, state: &ListState| {
            state.starts[k]
                .or(level_at(k).map(|l| l.start))
                .unwrap_or(0)
        };
        let value = match state.counters[ilvl] {
            Some(c) => c.saturating_add(1),
            None => start(ilvl, state),
        };
        state.counters[ilvl] = Some(value);
        for k in ilvl + 1..9 {
            let resets = match level_at(k).and_then(|l| l.restart) {
                Some(0) => false,
                Some(r) => (ilvl as i64) < r,
                None => true,
            };
            if resets {
                state.counters[k] = None;
            }
        }
        if level.format == "bullet" || level.format == "none" && !level.text.contains('%') {
            return None;
        }
        // "%1.%2." shows each level's counter in that level's format
        let mut shown = String::new();
        let mut chars = level.text.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '%'
                && let Some(d) = chars
                    .peek()
                    .and_then(|d| d.to_digit(10))
                    .filter(|d| (1..=9).contains(d))
            {
                chars.next();
                let k = d as usize - 1;
                let v = state.counters[k].unwrap_or_else(|| start(k, state));
                let format = if level.legal {
                    "decimal"
                } else {
                    level_at(k).map_or("decimal", |l| l.format.as_str())
                };
                shown.push_str(&format_number(v, format));
            } else {
                shown.push(c);
            }
        }
        let shown = shown.trim().to_string();
        (!shown.is_empty()).then_some(shown)
    }

    /// Inline content of a paragraph (or of a hyperlink, a field, a tracked change).
    fn inline(&mut self, e: &'a Element, out: &mut String) {
        for c in e.elements() {
            match c.name.as_str() {
                "r" => self.run(c, out),
                "ins" | "moveTo" if self.accept => self.inline(c, out),
                "del" | "moveFrom" if !self.accept => self.inline(c, out),
                "hyperlink" | "smartTag" | "customXml" | "fldSimple" | "bdo" | "dir"
                | "sdtContent" | "oMath" | "oMathPara" | "e" | "num" | "den" | "sup" | "sub"
                | "ruby" | "rubyBase" => self.inline(c, out),
                "sdt" => {
                    if let Some(x) = c.child("sdtContent") {
                        self.inline(x, out);
                    }
                }
                _ => {}
            }
        }
    }

    fn run(&mut self, r: &'a Element, out: &mut String) {
        if r.path(&["rPr", "vanish"]).is_some_and(Element::is_on) {
            return; // hidden text is not printed
        }
        for c in r.elements() {
            match c.name.as_str() {
                // delText is only met inside w:del, which is read only when rejecting
                "t" | "delText" => {
                    let t = c.text();
                    if let Some(note) = self.custom_mark.take() {
                        // the mark is the text's first symbol or word, without punctuation after it
                        let t = t.trim_start();
                        let end = t
                            .find(|c: char| {
                                c.is_whitespace() || matches!(c, ',' | ';' | ':' | '.' | ')')
                            })
                            .unwrap_or(t.len());
                        let (mark, rest) = t.split_at(end);
                        if !mark.is_empty() {
                            glue_mark(out, mark);
                            // Word repeats a mark of its own at the start of the note
                            let text = self.note_text(note);
                            let text = match text.strip_prefix(mark) {
                                Some(rest) => rest.trim_start().to_string(),
                                None => text,
                            };
                            self.out.notes.push((mark.to_string(), text));
                            out.push_str(rest);
                            continue;
                        }
                    }
                    out.push_str(&t);
                }
                "tab" | "ptab" => out.push('\t'),
                "br" => out.push(if matches!(c.attr("type"), Some("page" | "column")) {
                    ' '
                } else {
                    '\n'
                }),
                "cr" => out.push('\n'),
                "noBreakHyphen" => out.push('-'),
                "softHyphen" => {}
                "sym" => {
                    if let Some(ch) = c.attr("char").and_then(symbol_char) {
                        out.push(ch);
                    }
                }
                "footnoteReference" => self.note_ref("footnote", c, out),
                "endnoteReference" => self.note_ref("endnote", c, out),
                "ruby" => self.inline(c, out),
                _ => {}
            }
        }
    }

    fn note_ref(&mut self, kind: &'static str, c: &'a Element, out: &mut String) {
        if self.in_note {
            return;
        }
        let Some(note) = c
            .attr("id")
            .and_then(|id| self.notes.get(&(kind, id.to_string())))
            .copied()
        else {
            return;
        };
        if c.attr("customMarkFollows")
            .is_some_and(|v| v != "0" && v != "false")
        {
            self.custom_mark = Some(note);
            return;
        }
        self.note_count += 1;
        let mark = self.note_count.to_string();
        glue_mark(out, &mark);
        let text = self.note_text(note);
        self.out.notes.push((mark, text));
    }

    /// A note's text: its paragraphs on one line.
    fn note_text(&mut self, note: &'a Element) -> String {
        self.in_note = true;
        let mut text = String::new();
        for p in note.elements().filter(|p| p.name == "p") {
            if !text.is_empty() {
                text.push(' ');
            }
            self.inline(p, &mut text);
        }
        self.in_note = false;
        text.trim().to_string()
    }
}

/// A `w:sym` character: Unicode as is; the Symbol/Wingdings private-use
/// range (F020–F0FF) by its ASCII position where that is printable.
fn symbol_char(hex: &str) -> Option<char> {
    let code = u32::from_str_radix(hex, 16).ok()?;
    match code {
        0xF0B7 => Some('•'),
        0xF020..=0xF07E => char::from_u32(code - 0xF000),
        0xF000..=0xF0FF => None,
        _ => char::from_u32(code).filter(|c| !c.is_control()),
    }
}

/// A list counter as a `w:numFmt` shows it.
fn format_number(n: i64, format: &str) -> String {
    match format {
        "lowerLetter" => letters(n, false),
        "upperLetter" => letters(n, true),
        "lowerRoman" => roman(n).to_lowercase(),
        "upperRoman" => roman(n),
        "decimalZero" => format!("{n:02}"),
        "ordinal" => format!("{n}{}", ordinal_suffix(n)),
        "none" => String::new(),
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_formats() {
        assert_eq!(format_number(3, "lowerLetter"), "c");
        assert_eq!(format_number(27, "lowerLetter"), "aa");
        assert_eq!(format_number(4, "lowerRoman"), "iv");
        assert_eq!(format_number(14, "upperRoman"), "XIV");
        assert_eq!(format_number(2, "decimalZero"), "02");
        assert_eq!(format_number(12, "decimal"), "12");
        assert_eq!(format_number(22, "ordinal"), "22nd");
    }

    #[test]
    fn symbols() {
        assert_eq!(symbol_char("F02D"), Some('-'));
        assert_eq!(symbol_char("F0B7"), Some('•'));
        assert_eq!(symbol_char("2013"), Some('–'));
        assert_eq!(symbol_char("zz"), None);
    }
}
