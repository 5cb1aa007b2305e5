//! Word (.docx) output: a comparison as a redline with tracked changes, or
//! one draft clean, in the layout of a printed UN document.
//!
//! The document holds the new text with the old one tracked: deleted words
//! in `w:del`, inserted words in `w:ins`, exactly as the comparison's
//! segments; clauses added or dropped as whole inserted or deleted
//! paragraphs (their paragraph marks tracked too); moved clauses as Word's
//! move tracking (`w:moveFrom` at the old place, `w:moveTo` at the new).
//! Accepting every change gives the new draft, rejecting every change the
//! old one, which `tests/docx.rs` checks with resdiff's own DOCX reader.
//!
//! Everything here builds bytes in memory (no file I/O, no clock), so the
//! same inputs give the same bytes, and a browser build can offer the file
//! for download.
//!
//! ```
//! use resdiff::{compare_texts, CompareOptions};
//! use resdiff::render::docx::{redline, DocxOptions};
//! let old = "The Security Council,\n\n1. Demands that all parties cease hostilities;\n";
//! let new = "The Security Council,\n\n1. Calls upon all parties to cease hostilities;\n";
//! let diff = compare_texts(old, new, &CompareOptions::default()).unwrap();
//! let bytes = redline(&diff, &DocxOptions::default()).unwrap();
//! assert!(bytes.starts_with(b"PK"));
//! ```

mod comments;
mod pieces;
mod xml;

use std::collections::HashMap;
use std::io;

use crate::diff::{Change, Op, ResolutionDiff, Segment, word_diff};
use crate::parse::{Clause, Lang, Part, Resolution};
use crate::tokens::KeyOptions;
use comments::CommentKind;
use pieces::Piece;

/// How the Word document is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocxOptions {
    /// The author of the tracked changes and comments (`--author`).
    pub author: String,
    /// The date of the tracked changes (`2025-03-01T00:00:00Z`), or none:
    /// without it the same inputs always give the same bytes.
    pub date: Option<String>,
}

impl Default for DocxOptions {
    fn default() -> Self {
        DocxOptions {
            author: "resdiff".to_string(),
            date: None,
        }
    }
}

/// A revision date as Word writes it (`2025-02-24T00:00:00Z`), from a date
/// (`2025-02-24`) or a date and time in UTC (`2025-02-24T15:30:00Z`).
///
/// ```
/// use resdiff::render::docx::revision_date;
/// assert_eq!(revision_date("2025-02-24").unwrap(), "2025-02-24T00:00:00Z");
/// assert!(revision_date("24/02/2025").is_err());
/// ```
pub fn revision_date(s: &str) -> Result<String, String> {
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let ok_date = |d: &str| {
        let p: Vec<&str> = d.split('-').collect();
        matches!(p.as_slice(), [y, m, dd] if y.len() == 4 && m.len() == 2 && dd.len() == 2
            && digits(y) && digits(m) && digits(dd)
            && (1..=12).contains(&m.parse::<u8>().unwrap_or(0))
            && (1..=31).contains(&dd.parse::<u8>().unwrap_or(0)))
    };
    let ok_time = |t: &str| {
        let p: Vec<&str> = t.split(':').collect();
        matches!(p.as_slice(), [h, m, sec] if [h, m, sec].iter().all(|x| x.len() == 2 && digits(x))
            && h.parse::<u8>().unwrap_or(99) < 24 && m.parse::<u8>().unwrap_or(99) < 60
            && sec.parse::<u8>().unwrap_or(99) < 61)
    };
    match s.split_once('T') {
        None if ok_date(s) => Ok(format!("{s}T00:00:00Z")),
        Some((d, t)) if ok_date(d) && t.strip_suffix('Z').is_some_and(ok_time) => Ok(s.to_string()),
        _ => Err(format!(
            "`{s}` is not a date: give YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ (UTC)"
        )),
    }
}

/// Seconds since 1970 as a revision date in UTC (for `--revision-date now`).
pub fn revision_date_from_unix(secs: u64) -> String {
    // days to a civil date (Howard Hinnant's algorithm)
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// The comparison as a Word document with tracked changes.
pub fn redline(diff: &ResolutionDiff, opts: &DocxOptions) -> io::Result<Vec<u8>> {
    let mut doc = Doc::new(
        auto_numbering(&diff.old) && auto_numbering(&diff.new),
        Some(diff),
    );
    doc.header(&diff.old, &diff.new, diff.header.title.as_deref());
    let (gone, came) = crossing_halves(diff);
    for part in Part::ALL {
        let old: Vec<&Clause> = diff.old.part(part).iter().collect();
        let new: Vec<&Clause> = diff.new.part(part).iter().collect();
        let changes = part_changes(diff, part, &gone, &came);
        if part == Part::Annex {
            doc.line(
                Style::Heading,
                (!old.is_empty()).then_some("Annex"),
                (!new.is_empty()).then_some("Annex"),
            );
        }
        doc.list(&changes, &old, &new, part, 0, &diff.old, &diff.new);
    }
    doc.line(
        Style::Meeting,
        diff.old.header.meeting.as_deref(),
        diff.new.header.meeting.as_deref(),
    );
    doc.orphan_notes(&diff.old, &diff.new);
    let subject = format!(
        "{} → {}",
        super::doc_name(&diff.old),
        super::doc_name(&diff.new)
    );
    // a reader takes the document's title for a draft's missing one: only
    // when both drafts have one may it stand there
    let title = diff
        .old
        .header
        .title
        .as_ref()
        .and(diff.new.header.title.as_deref());
    xml::package(&doc, title, &subject, diff.new.lang, opts)
}

/// One draft as a clean Word document (`show` and `amend`).
pub fn resolution(res: &Resolution, opts: &DocxOptions) -> io::Result<Vec<u8>> {
    let mut doc = Doc::new(auto_numbering(res), None);
    doc.header(res, res, None);
    for part in Part::ALL {
        let clauses = res.part(part);
        // one heading per annex: `Annex`, or `Annex I`, `Annex II` … when
        // there are several (the parser numbers their paragraphs AN2.1 …)
        let several = clauses.iter().any(|c| annex_of(&c.id) > 1);
        let mut open = 0;
        for c in clauses {
            if part == Part::Annex && annex_of(&c.id) != open {
                open = annex_of(&c.id);
                let heading = if several {
                    format!("Annex {}", crate::numbering::roman(open as i64))
                } else {
                    "Annex".to_string()
                };
                doc.line(Style::Heading, Some(&heading), Some(&heading));
            }
            doc.unchanged(c, c, part, 0, res, res, Map::INLINE);
        }
    }
    let m = res.header.meeting.as_deref();
    doc.line(Style::Meeting, m, m);
    doc.orphan_notes(res, res);
    let name = super::doc_name(res);
    xml::package(&doc, res.header.title.as_deref(), &name, res.lang, opts)
}

/// The sponsors line as each language prints it: `A, B and C: draft
/// resolution`, `A, B et C : projet de résolution`, `A وB وC: مشروع قرار`,
/// `A、B和C：决议草案`.
fn sponsors_line(names: &[String], kind: &str, lang: Lang) -> String {
    let list = crate::render::text::join_names_in(names, lang);
    match lang {
        Lang::Zh => format!("{list}：{kind}"),
        Lang::Fr => format!("{list} : {kind}"),
        _ => format!("{list}: {kind}"),
    }
}

/// Which annex a clause of an annex belongs to, from its id: `AN2.1` is in
/// the second, `AN4` in the first.
fn annex_of(id: &str) -> usize {
    id.strip_prefix("AN")
        .and_then(|rest| rest.split_once('.'))
        .and_then(|(a, _)| a.parse().ok())
        .unwrap_or(1)
}

/// Whether the operative paragraphs are numbered 1, 2, 3 … with
/// sub-paragraphs (a), (b) … and (i), (ii) …, as Word's automatic
/// numbering would number them; otherwise the labels are written as text.
fn auto_numbering(r: &Resolution) -> bool {
    fn level(cs: &[Clause], depth: usize) -> bool {
        cs.iter().enumerate().all(|(k, c)| {
            let n = k as i64 + 1;
            let want = match depth {
                0 => n.to_string(),
                1 => crate::numbering::letters(n, false),
                2 => crate::numbering::roman(n).to_lowercase(),
                _ => return false,
            };
            c.label.as_deref() == Some(want.as_str()) && level(&c.children, depth + 1)
        })
    }
    level(&r.operative, 0)
}

/// What a run or a paragraph mark is in the revision history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rev {
    Plain,
    Ins,
    Del,
    /// Moved away from here: the move's number (its name is `move{n}`).
    MoveFrom(u32),
    /// Moved to here.
    MoveTo(u32),
}

/// What a piece of each kind becomes in one rendering; `None` leaves it out.
#[derive(Debug, Clone, Copy)]
struct Map {
    eq: Option<Rev>,
    del: Option<Rev>,
    ins: Option<Rev>,
}

impl Map {
    /// Changes in place: equal text plain, deletions and insertions tracked.
    const INLINE: Map = Map {
        eq: Some(Rev::Plain),
        del: Some(Rev::Del),
        ins: Some(Rev::Ins),
    };

    fn of(self, op: Op) -> Option<Rev> {
        match op {
            Op::Equal => self.eq,
            Op::Delete => self.del,
            Op::Insert => self.ins,
        }
    }

    /// The old text at the place a clause moved away from.
    fn move_from(n: u32) -> Map {
        Map {
            eq: Some(Rev::MoveFrom(n)),
            del: Some(Rev::MoveFrom(n)),
            ins: None,
        }
    }

    /// The new text at the place a clause moved to: its deleted words stay
    /// behind in the old text.
    fn move_to(n: u32) -> Map {
        Map {
            eq: Some(Rev::MoveTo(n)),
            del: None,
            ins: Some(Rev::Ins),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Inline {
    Text(String),
    Tab,
    /// A reference to the footnote with this id, and its mark when it is
    /// not a number Word counts (`*`).
    Note(u32, Option<String>),
}

#[derive(Debug, Clone)]
struct Run {
    inline: Inline,
    rev: Rev,
    italic: bool,
    bold: bool,
}

/// Paragraph styles, defined in `word/styles.xml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Symbol,
    /// The organ at the top left: `General Assembly`.
    Body,
    /// Distribution and date, on the right.
    Header,
    /// Session, committee and agenda item, on the left.
    HeaderLeft,
    Sponsors,
    Title,
    Organ,
    Heading,
    Preamble,
    Operative,
    /// Sub-paragraphs at depth 1, 2, 3 and below.
    Sub(u8),
    Meeting,
    /// A footnote written as text after the body.
    NoteText,
}

#[derive(Debug, Clone)]
struct Para {
    style: Style,
    /// The list level, when the paragraph is numbered automatically.
    ilvl: Option<u8>,
    mark: Rev,
    runs: Vec<Run>,
    /// Comments anchored on the whole paragraph.
    comments: Vec<u32>,
}

/// A footnote: its text, and its mark when Word does not number it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Note {
    text: String,
    mark: Option<String>,
}

/// The document being built.
struct Doc<'d> {
    /// The comparison, for what its renderers share (amendment labels).
    diff: Option<&'d ResolutionDiff>,
    paras: Vec<Para>,
    /// Footnotes; the id of the k-th is k + 1 (ids -1 and 0 are the separators).
    notes: Vec<Note>,
    comments: Vec<String>,
    moves: u32,
    auto: bool,
}

/// The names of a moved clause and of its sub-paragraphs that moved with
/// it (one name per paragraph, shared by its `w:moveFrom` and `w:moveTo`).
#[derive(Debug, Clone)]
struct MoveTree {
    name: u32,
    /// Per child change: its tree when it moved with its parent.
    children: Vec<Option<MoveTree>>,
}

/// One side of a clause's (possibly joined) text: where its lead words
/// and footnote marks are.
#[derive(Default)]
struct SideInfo {
    /// Byte ranges in italics: the lead words.
    italic: Vec<(usize, usize)>,
    /// Footnote marks: the offset and the footnote.
    notes: Vec<(usize, Note)>,
    /// Labels of the paragraphs, in order.
    labels: Vec<Option<String>>,
}

impl SideInfo {
    fn of(cs: &[&Clause], res: &Resolution) -> SideInfo {
        let mut s = SideInfo::default();
        let mut at = 0;
        for c in cs {
            if let Some(lead) = &c.lead
                && c.text.starts_with(lead.as_str())
            {
                s.italic.push((at, at + lead.len()));
            }
            for f in &c.footnotes {
                let text = res
                    .footnotes
                    .iter()
                    .find(|n| n.mark == f.mark)
                    .map(|n| n.text.clone())
                    .unwrap_or_default();
                // Word numbers footnotes 1, 2, 3; other marks (`*`) are written out
                let mark = (!f.mark.chars().all(|c| c.is_ascii_digit())).then(|| f.mark.clone());
                s.notes
                    .push((at + f.at.min(c.text.len()), Note { text, mark }));
            }
            s.labels.push(c.label.clone());
            at += c.text.len() + 1;
        }
        s
    }
}

/// Where a top-level or sub-paragraph clause list's changes go.
struct Placed<'c> {
    change: &'c Change,
    old: Vec<usize>,
    new: Vec<usize>,
    /// Rendered at its old place apart from its new one.
    floating: bool,
}

impl<'d> Doc<'d> {
    fn new(auto: bool, diff: Option<&'d ResolutionDiff>) -> Self {
        Doc {
            diff,
            paras: Vec::new(),
            notes: Vec::new(),
            comments: Vec::new(),
            moves: 0,
            auto,
        }
    }

    fn para(&mut self, style: Style) -> &mut Para {
        self.paras.push(Para {
            style,
            ilvl: None,
            mark: Rev::Plain,
            runs: Vec::new(),
            comments: Vec::new(),
        });
        self.paras.last_mut().expect("just pushed")
    }

    fn text_run(&mut self, text: &str, rev: Rev, italic: bool, bold: bool) {
        if text.is_empty() {
            return;
        }
        let p = self.paras.last_mut().expect("a paragraph is open");
        p.runs.push(Run {
            inline: Inline::Text(text.to_string()),
            rev,
            italic,
            bold,
        });
    }

    fn inline(&mut self, inline: Inline, rev: Rev) {
        let p = self.paras.last_mut().expect("a paragraph is open");
        p.runs.push(Run {
            inline,
            rev,
            italic: false,
            bold: false,
        });
    }

    fn note(&mut self, note: &Note, rev: Rev) {
        self.notes.push(note.clone());
        let id = self.notes.len() as u32;
        self.inline(Inline::Note(id, note.mark.clone()), rev);
    }

    /// One header line: the old and the new version, word-diffed when both exist.
    fn line(&mut self, style: Style, old: Option<&str>, new: Option<&str>) {
        let pieces = match (old, new) {
            (None, None) => return,
            (Some(o), Some(n)) if o == n => pieces::noise(o, n),
            (Some(o), Some(n)) => {
                let (segs, _) = word_diff(o, n, KeyOptions::default(), None);
                pieces::pieces(o, n, &segs)
            }
            (Some(o), None) => pieces::whole(o, ""),
            (None, Some(n)) => pieces::whole("", n),
        };
        let mark = match (old, new) {
            (Some(_), None) => Rev::Del,
            (None, Some(_)) => Rev::Ins,
            _ => Rev::Plain,
        };
        self.para(style);
        let bold = style == Style::Title;
        for p in &pieces {
            if let Some(rev) = Map::INLINE.of(p.op) {
                self.text_run(&p.text, rev, false, bold);
            }
        }
        self.paras.last_mut().expect("open").mark = mark;
    }

    /// Footnotes no clause refers to (their mark was not found in the
    /// text): written after a rule at the end, as the plain layout does, so
    /// that they are not lost.
    fn orphan_notes(&mut self, old: &Resolution, new: &Resolution) {
        fn orphans(r: &Resolution) -> Vec<String> {
            let mut used = std::collections::HashSet::new();
            for c in r.clauses() {
                c.walk(&mut |c| used.extend(c.footnotes.iter().map(|f| f.mark.as_str())));
            }
            r.footnotes
                .iter()
                .filter(|f| !used.contains(f.mark.as_str()))
                .map(|f| format!("{} {}", f.mark, f.text))
                .collect()
        }
        let (o, n) = (orphans(old), orphans(new));
        let rule = "__________";
        self.line(
            Style::NoteText,
            (!o.is_empty()).then_some(rule),
            (!n.is_empty()).then_some(rule),
        );
        for k in 0..o.len().max(n.len()) {
            self.line(
                Style::NoteText,
                o.get(k).map(String::as_str),
                n.get(k).map(String::as_str),
            );
        }
    }

    /// The header block: symbol, body, distribution, date, session,
    /// committee, agenda item, sponsors, title, organ line.
    /// `title` is the comparison's word diff of the titles, when they differ.
    fn header(&mut self, old: &Resolution, new: &Resolution, title_diff: Option<&[Segment]>) {
        let (o, n) = (&old.header, &new.header);
        self.line(Style::Symbol, o.symbol.as_deref(), n.symbol.as_deref());
        self.line(Style::Body, o.body.as_deref(), n.body.as_deref());
        let distr =
            |h: &crate::parse::Header| h.distribution.as_ref().map(|d| format!("Distr.: {d}"));
        self.line(Style::Header, distr(o).as_deref(), distr(n).as_deref());
        self.line(Style::Header, o.date.as_deref(), n.date.as_deref());
        self.line(
            Style::HeaderLeft,
            o.session.as_deref(),
            n.session.as_deref(),
        );
        self.line(
            Style::HeaderLeft,
            o.committee.as_deref(),
            n.committee.as_deref(),
        );
        self.line(
            Style::HeaderLeft,
            o.agenda_item.as_deref(),
            n.agenda_item.as_deref(),
        );
        let sponsors = |r: &Resolution| {
            let h = &r.header;
            let kind = h
                .kind
                .clone()
                .unwrap_or_else(|| "draft resolution".to_string());
            if kind.starts_with("Resolution adopted") {
                Some(kind)
            } else if !h.sponsors.is_empty() {
                Some(sponsors_line(&h.sponsors, &kind, r.lang))
            } else {
                None
            }
        };
        self.line(
            Style::Sponsors,
            sponsors(old).as_deref(),
            sponsors(new).as_deref(),
        );
        self.line(
            Style::Header,
            o.draft_reference.as_deref(),
            n.draft_reference.as_deref(),
        );
        let title = |h: &crate::parse::Header| {
            h.title.as_ref().map(|t| match &h.number {
                Some(n) => format!("{n}. {t}"),
                None => t.clone(),
            })
        };
        match (title_diff, o.number == n.number) {
            // the comparison's own diff of the titles
            (Some(segs), true) if o.title.is_some() && n.title.is_some() => {
                let (ot, nt) = (title(o).unwrap_or_default(), title(n).unwrap_or_default());
                let prefix = o
                    .number
                    .as_ref()
                    .map(|x| format!("{x}. "))
                    .unwrap_or_default();
                let mut all = vec![Segment {
                    op: Op::Equal,
                    text: prefix,
                }];
                all.extend_from_slice(segs);
                self.para(Style::Title);
                for p in pieces::pieces(&ot, &nt, &all) {
                    if let Some(rev) = Map::INLINE.of(p.op) {
                        self.text_run(&p.text, rev, false, true);
                    }
                }
            }
            _ => self.line(Style::Title, title(o).as_deref(), title(n).as_deref()),
        }
        self.line(Style::Organ, o.organ.as_deref(), n.organ.as_deref());
    }

    /// The changes of one clause list (a part, or the sub-paragraphs of a
    /// clause), in an order where both the new clauses (accepting) and the
    /// old ones (rejecting) read in their own order.
    #[allow(clippy::too_many_arguments)]
    fn list(
        &mut self,
        changes: &[&Change],
        old: &[&Clause],
        new: &[&Clause],
        part: Part,
        depth: usize,
        ro: &Resolution,
        rn: &Resolution,
    ) {
        let Some(placed) = place(changes, old, new) else {
            // a comparison this renderer cannot follow: old deleted, new inserted
            for c in old {
                self.subtree(c, part, depth, ro, Map::INLINE, Op::Delete);
            }
            for c in new {
                self.subtree(c, part, depth, rn, Map::INLINE, Op::Insert);
            }
            return;
        };
        let moves: Vec<Option<MoveTree>> = placed
            .iter()
            .map(|p| (p.floating && movable(p.change)).then(|| self.move_tree(p.change)))
            .collect();
        // floating items by old index, emitted before the first placed item after them
        let mut floating: Vec<usize> = (0..placed.len()).filter(|&k| placed[k].floating).collect();
        floating.sort_by_key(|&k| placed[k].old[0]);
        let mut next = 0;
        for (k, p) in placed.iter().enumerate() {
            if !p.floating
                && let Some(&i) = p.old.first()
            {
                while next < floating.len() && placed[floating[next]].old[0] < i {
                    let f = floating[next];
                    self.origin(&placed[f], moves[f].as_ref(), old, part, depth, ro);
                    next += 1;
                }
            }
            if p.floating {
                if !p.new.is_empty() {
                    self.destination(p, moves[k].as_ref(), new, part, depth, rn);
                }
            } else {
                self.in_place(p, old, new, part, depth, ro, rn);
            }
        }
        for &f in &floating[next..] {
            self.origin(&placed[f], moves[f].as_ref(), old, part, depth, ro);
        }
    }

    fn move_tree(&mut self, c: &Change) -> MoveTree {
        self.moves += 1;
        MoveTree {
            name: self.moves,
            children: c
                .children
                .iter()
                .map(|k| movable(k).then(|| self.move_tree(k)))
                .collect(),
        }
    }

    /// Comments on a change, anchored on the paragraph of the clause that
    /// starts at paragraph `at` (after its heading, if any).
    fn comment(&mut self, c: &Change, at: usize) {
        let mut at = at.min(self.paras.len().saturating_sub(1));
        if self
            .paras
            .get(at)
            .is_some_and(|p| p.style == Style::Heading)
            && at + 1 < self.paras.len()
        {
            at += 1;
        }
        for kind in CommentKind::ALL {
            if let Some(text) = kind.text(c, self.diff) {
                self.comments.push(text);
                let id = self.comments.len() as u32 - 1;
                if let Some(p) = self.paras.get_mut(at) {
                    p.comments.push(id);
                }
            }
        }
    }

    /// A change that stays in its place: old and new together.
    #[allow(clippy::too_many_arguments)]
    fn in_place(
        &mut self,
        p: &Placed,
        old: &[&Clause],
        new: &[&Clause],
        part: Part,
        depth: usize,
        ro: &Resolution,
        rn: &Resolution,
    ) {
        let oc: Vec<&Clause> = p.old.iter().map(|&i| old[i]).collect();
        let nc: Vec<&Clause> = p.new.iter().map(|&i| new[i]).collect();
        let c = p.change;
        let at = self.paras.len();
        match (oc.as_slice(), nc.as_slice()) {
            ([], []) => {}
            (_, []) => {
                for o in &oc {
                    self.subtree(o, part, depth, ro, Map::INLINE, Op::Delete);
                }
                self.comment(c, at);
            }
            ([], _) => {
                for n in &nc {
                    self.subtree(n, part, depth, rn, Map::INLINE, Op::Insert);
                }
                self.comment(c, at);
            }
            _ if !joinable(&oc) || !joinable(&nc) => {
                for o in &oc {
                    self.subtree(o, part, depth, ro, Map::INLINE, Op::Delete);
                }
                for n in &nc {
                    self.subtree(n, part, depth, rn, Map::INLINE, Op::Insert);
                }
                self.comment(c, at);
            }
            _ => {
                self.heading(
                    oc[0].heading.as_deref(),
                    nc[0].heading.as_deref(),
                    Map::INLINE,
                );
                let (ot, nt) = (joined(&oc), joined(&nc));
                let pcs = if c.kind == crate::align::LinkKind::Unchanged {
                    pieces::noise(&ot, &nt)
                } else {
                    pieces::pieces(&ot, &nt, &c.segments)
                };
                let (so, sn) = (SideInfo::of(&oc, ro), SideInfo::of(&nc, rn));
                self.text(&pcs, &so, &sn, part, depth, Map::INLINE, Rev::Plain);
                self.comment(c, at);
                let (lo, ln) = (oc[oc.len() - 1], nc[nc.len() - 1]);
                self.children(c, &lo.children, &ln.children, part, depth + 1, ro, rn);
            }
        }
    }

    /// The sub-paragraphs of a clause found on both sides.
    #[allow(clippy::too_many_arguments)]
    fn children(
        &mut self,
        c: &Change,
        old: &[Clause],
        new: &[Clause],
        part: Part,
        depth: usize,
        ro: &Resolution,
        rn: &Resolution,
    ) {
        let old: Vec<&Clause> = old.iter().collect();
        let new: Vec<&Clause> = new.iter().collect();
        if !c.children.is_empty() {
            let changes: Vec<&Change> = c.children.iter().collect();
            self.list(&changes, &old, &new, part, depth, ro, rn);
        } else if old.len() == new.len() {
            for (o, n) in old.iter().zip(&new) {
                self.unchanged(o, n, part, depth, ro, rn, Map::INLINE);
            }
        } else {
            for o in &old {
                self.subtree(o, part, depth, ro, Map::INLINE, Op::Delete);
            }
            for n in &new {
                self.subtree(n, part, depth, rn, Map::INLINE, Op::Insert);
            }
        }
    }

    /// A clause the comparison found unchanged (its text may still differ
    /// in noise), with its sub-paragraphs paired by position.
    #[allow(clippy::too_many_arguments)]
    fn unchanged(
        &mut self,
        o: &Clause,
        n: &Clause,
        part: Part,
        depth: usize,
        ro: &Resolution,
        rn: &Resolution,
        map: Map,
    ) {
        self.heading(o.heading.as_deref(), n.heading.as_deref(), map);
        let pcs = pieces::noise(&o.text, &n.text);
        let (so, sn) = (SideInfo::of(&[o], ro), SideInfo::of(&[n], rn));
        let mark = map.eq.unwrap_or(Rev::Plain);
        self.text(&pcs, &so, &sn, part, depth, map, mark);
        if o.children.len() == n.children.len() {
            for (a, b) in o.children.iter().zip(&n.children) {
                self.unchanged(a, b, part, depth + 1, ro, rn, map);
            }
        } else {
            for a in &o.children {
                self.subtree(a, part, depth + 1, ro, map, Op::Delete);
            }
            for b in &n.children {
                self.subtree(b, part, depth + 1, rn, map, Op::Insert);
            }
        }
    }

    /// A clause and its sub-paragraphs from one side only, as one kind of piece.
    fn subtree(&mut self, c: &Clause, part: Part, depth: usize, r: &Resolution, map: Map, op: Op) {
        let Some(rev) = map.of(op) else {
            return;
        };
        let (h_old, h_new) = match op {
            Op::Delete => (c.heading.as_deref(), None),
            _ => (None, c.heading.as_deref()),
        };
        self.heading(h_old, h_new, map);
        let info = SideInfo::of(&[c], r);
        let pcs = match op {
            Op::Delete => pieces::whole(&c.text, ""),
            _ => pieces::whole("", &c.text),
        };
        let empty = SideInfo {
            labels: vec![None],
            ..SideInfo::default()
        };
        let (so, sn) = match op {
            Op::Delete => (info, empty),
            _ => (empty, info),
        };
        self.text(&pcs, &so, &sn, part, depth, map, rev);
        for k in &c.children {
            self.subtree(k, part, depth + 1, r, map, op);
        }
    }

    /// A section heading over a clause: old and new.
    fn heading(&mut self, old: Option<&str>, new: Option<&str>, map: Map) {
        let pcs = match (old, new) {
            (None, None) => return,
            (Some(o), Some(n)) => pieces::noise(o, n),
            (Some(o), None) => pieces::whole(o, ""),
            (None, Some(n)) => pieces::whole("", n),
        };
        let mark = match (old, new) {
            (Some(_), None) => map.del,
            (None, Some(_)) => map.ins,
            _ => map.eq,
        };
        let Some(mark) = mark else {
            return;
        };
        self.para(Style::Heading);
        for p in &pcs {
            if let Some(rev) = map.of(p.op) {
                self.text_run(&p.text, rev, false, false);
            }
        }
        self.paras.last_mut().expect("open").mark = mark;
    }

    /// The old place of a floating change: the old text moved away, or
    /// deleted when it did not move as a whole.
    fn origin(
        &mut self,
        p: &Placed,
        tree: Option<&MoveTree>,
        old: &[&Clause],
        part: Part,
        depth: usize,
        ro: &Resolution,
    ) {
        let oc: Vec<&Clause> = p.old.iter().map(|&i| old[i]).collect();
        let at = self.paras.len();
        match tree {
            Some(t) => self.moved_from(p.change, t, oc[0], part, depth, ro),
            None => {
                for o in &oc {
                    self.subtree(o, part, depth, ro, Map::INLINE, Op::Delete);
                }
                if p.new.is_empty() {
                    self.comment(p.change, at);
                }
            }
        }
    }

    fn moved_from(
        &mut self,
        c: &Change,
        t: &MoveTree,
        o: &Clause,
        part: Part,
        depth: usize,
        ro: &Resolution,
    ) {
        let map = Map::move_from(t.name);
        self.heading(o.heading.as_deref(), None, Map::INLINE);
        let so = SideInfo::of(&[o], ro);
        let sn = SideInfo {
            labels: vec![None],
            ..SideInfo::default()
        };
        self.text(
            &pieces::whole(&o.text, ""),
            &so,
            &sn,
            part,
            depth,
            map,
            Rev::MoveFrom(t.name),
        );
        // sub-paragraphs that moved along, by old position; the others are deleted
        let mut along: HashMap<&str, (&Change, &MoveTree)> = HashMap::new();
        for (k, ct) in c.children.iter().zip(&t.children) {
            if let (Some(ct), Some(id)) = (ct, k.old.first()) {
                along.insert(id.as_str(), (k, ct));
            }
        }
        for k in &o.children {
            match along.get(k.id.as_str()) {
                Some((kc, kt)) => self.moved_from(kc, kt, k, part, depth + 1, ro),
                None => self.subtree(k, part, depth + 1, ro, Map::INLINE, Op::Delete),
            }
        }
    }

    /// The new place of a floating change.
    fn destination(
        &mut self,
        p: &Placed,
        tree: Option<&MoveTree>,
        new: &[&Clause],
        part: Part,
        depth: usize,
        rn: &Resolution,
    ) {
        let nc: Vec<&Clause> = p.new.iter().map(|&i| new[i]).collect();
        let at = self.paras.len();
        match tree {
            Some(t) => {
                self.moved_to(p.change, t, nc[0], part, depth, rn);
            }
            None => {
                for n in &nc {
                    self.subtree(n, part, depth, rn, Map::INLINE, Op::Insert);
                }
                self.comment(p.change, at);
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn moved_to(
        &mut self,
        c: &Change,
        t: &MoveTree,
        n: &Clause,
        part: Part,
        depth: usize,
        rn: &Resolution,
    ) {
        let map = Map::move_to(t.name);
        let at = self.paras.len();
        self.heading(None, n.heading.as_deref(), Map::INLINE);
        // only the new side is written here: equal words as moved, inserted
        // as inserted (the deleted ones stay behind in the old text)
        let pcs = if c.kind == crate::align::LinkKind::Unchanged {
            pieces::noise(&n.text, &n.text)
        } else {
            // the old text as the segments give it: equal and deleted runs
            let old: String = c
                .segments
                .iter()
                .filter(|s| s.op != Op::Insert)
                .map(|s| s.text.as_str())
                .collect();
            pieces::pieces(&old, &n.text, &c.segments)
        };
        let so = SideInfo {
            labels: vec![None],
            ..SideInfo::default()
        };
        let sn = SideInfo::of(&[n], rn);
        self.text(&pcs, &so, &sn, part, depth, map, Rev::MoveTo(t.name));
        self.comment(c, at);
        let new: Vec<&Clause> = n.children.iter().collect();
        if c.children.is_empty() {
            for k in &new {
                self.subtree(k, part, depth + 1, rn, Map::INLINE, Op::Insert);
            }
            return;
        }
        // sub-paragraphs in the new order: moved along, or inserted
        let mut by_new: HashMap<&str, (&Change, Option<&MoveTree>)> = HashMap::new();
        for (k, kt) in c.children.iter().zip(&t.children) {
            for id in &k.new {
                by_new.insert(id.as_str(), (k, kt.as_ref()));
            }
        }
        for k in new {
            match by_new.get(k.id.as_str()) {
                Some((kc, Some(kt))) => self.moved_to(kc, kt, k, part, depth + 1, rn),
                _ => self.subtree(k, part, depth + 1, rn, Map::INLINE, Op::Insert),
            }
        }
    }

    /// Writes the paragraphs of one clause's pieces (several when a split
    /// or merge joins texts with `\n`): labels, lead words in italics,
    /// footnote references, tracked marks.
    #[allow(clippy::too_many_arguments)]
    fn text(
        &mut self,
        pcs: &[Piece],
        so: &SideInfo,
        sn: &SideInfo,
        part: Part,
        depth: usize,
        map: Map,
        last_mark: Rev,
    ) {
        let (mut ko, mut kn) = (0usize, 0usize);
        self.open(part, depth, so.labels.first(), sn.labels.first(), map);
        let (mut no, mut nn) = (0usize, 0usize); // next footnote on each side
        for p in pcs {
            let Some(rev) = map.of(p.op) else {
                continue;
            };
            let len = p.text.len();
            let on_old = matches!(p.op, Op::Equal | Op::Delete);
            let on_new = matches!(p.op, Op::Equal | Op::Insert);
            // lead words in italics: the old side's for deleted text, else the new side's
            let (italic, base) = if p.op == Op::Delete {
                (&so.italic, p.old_at)
            } else {
                (&sn.italic, p.new_at)
            };
            let mut s = 0;
            while s < len {
                // footnote references due here
                let mut olds = Vec::new();
                while on_old && no < so.notes.len() && so.notes[no].0 <= p.old_at + s {
                    olds.push(so.notes[no].1.clone());
                    no += 1;
                }
                let mut news = Vec::new();
                while on_new && nn < sn.notes.len() && sn.notes[nn].0 <= p.new_at + s {
                    news.push(sn.notes[nn].1.clone());
                    nn += 1;
                }
                match p.op {
                    Op::Equal => self.notes_at(olds, news, map),
                    _ => {
                        for t in olds.iter().chain(&news) {
                            self.note(t, rev);
                        }
                    }
                }
                let rest = &p.text[s..];
                if rest.starts_with('\n') {
                    // a paragraph break of a split or merge
                    self.paras.last_mut().expect("open").mark = rev;
                    ko += usize::from(on_old);
                    kn += usize::from(on_new);
                    let lo = if on_old { so.labels.get(ko) } else { None };
                    let ln = if on_new { sn.labels.get(kn) } else { None };
                    self.open(part, depth, lo, ln, map);
                    s += 1;
                    continue;
                }
                // the next cut: a break, a footnote, an italic edge
                let mut end = s + rest.find('\n').unwrap_or(rest.len());
                if on_old && let Some(&(at, _)) = so.notes.get(no) {
                    end = end.min(at.saturating_sub(p.old_at).max(s + 1));
                }
                if on_new && let Some(&(at, _)) = sn.notes.get(nn) {
                    end = end.min(at.saturating_sub(p.new_at).max(s + 1));
                }
                for &(a, b) in italic {
                    for edge in [a, b] {
                        if edge > base + s && edge < base + end {
                            end = edge - base;
                        }
                    }
                }
                let end = (end.min(len)..=len)
                    .find(|&e| p.text.is_char_boundary(e))
                    .unwrap_or(len);
                let it = italic.iter().any(|&(a, b)| a <= base + s && base + s < b);
                self.text_run(&p.text[s..end], rev, it, false);
                s = end;
            }
        }
        // footnotes at the very end of the texts
        let olds: Vec<Note> = so.notes[no..].iter().map(|n| n.1.clone()).collect();
        let news: Vec<Note> = sn.notes[nn..].iter().map(|n| n.1.clone()).collect();
        self.notes_at(olds, news, map);
        self.paras.last_mut().expect("open").mark = last_mark;
    }

    /// Footnote references standing at one place on each side: one plain
    /// reference where both have the same note, else the old deleted and
    /// the new inserted.
    fn notes_at(&mut self, olds: Vec<Note>, news: Vec<Note>, map: Map) {
        if olds == news {
            if let Some(rev) = map.eq {
                for t in &news {
                    self.note(t, rev);
                }
            }
            return;
        }
        if let Some(rev) = map.del {
            for t in &olds {
                self.note(t, rev);
            }
        }
        if let Some(rev) = map.ins {
            for t in &news {
                self.note(t, rev);
            }
        }
    }

    /// Opens the paragraph of a clause: its style, its number (automatic,
    /// or its label as text, old and new).
    fn open(
        &mut self,
        part: Part,
        depth: usize,
        old: Option<&Option<String>>,
        new: Option<&Option<String>>,
        map: Map,
    ) {
        let style = match (part, depth) {
            (Part::Preamble, 0) => Style::Preamble,
            (_, 0) => Style::Operative,
            (_, d) => Style::Sub(d.min(3) as u8),
        };
        let auto = self.auto && part == Part::Operative && depth <= 2;
        let p = self.para(style);
        if auto {
            p.ilvl = Some(depth as u8);
            return;
        }
        let label = |l: Option<&Option<String>>| -> Option<String> {
            let l = l?.as_ref()?;
            Some(if depth == 0 {
                format!("{l}.")
            } else {
                format!("({l})")
            })
        };
        let (lo, ln) = (label(old), label(new));
        let pcs = match (&lo, &ln) {
            (None, None) => return,
            (Some(a), Some(b)) if a == b => pieces::noise(a, b),
            (Some(a), Some(b)) => pieces::whole(a, b),
            (Some(a), None) => pieces::whole(a, ""),
            (None, Some(b)) => pieces::whole("", b),
        };
        let mut tab = None;
        for pc in &pcs {
            if let Some(rev) = map.of(pc.op) {
                self.text_run(&pc.text, rev, false, false);
                tab = Some(match (tab, rev) {
                    (None, r) => r,
                    (Some(Rev::Plain), _) | (_, Rev::Plain) => Rev::Plain,
                    (Some(r), _) => r,
                });
            }
        }
        // the tab after the label belongs to whichever side has the label
        if let Some(rev) = tab {
            let rev = if lo.is_some() && ln.is_some() {
                map.eq.unwrap_or(rev)
            } else {
                rev
            };
            self.inline(Inline::Tab, rev);
        }
    }
}

/// The text of several clauses joined as the comparison joins them.
fn joined(cs: &[&Clause]) -> String {
    match cs {
        [one] => one.text.clone(),
        _ => cs
            .iter()
            .map(|c| c.text.as_str())
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

/// Whether clauses can be written as one text with paragraph breaks: only
/// the last may have sub-paragraphs or the first a heading.
fn joinable(cs: &[&Clause]) -> bool {
    cs.iter().enumerate().all(|(k, c)| {
        (k + 1 == cs.len() || c.children.is_empty()) && (k == 0 || c.heading.is_none())
    })
}

/// The two halves of each clause that crossed between the preamble and the
/// operative part: Word has no move between lists written apart, so the old
/// clause is deleted from its part and the new one inserted in the other,
/// where a comment names the move (`Moved to the preamble: a softening`).
fn crossing_halves(diff: &ResolutionDiff) -> (Vec<Change>, Vec<Change>) {
    let crossing = diff.changes.iter().filter(|c| c.crossing().is_some());
    let half = |c: &Change, keep_old: bool| {
        let mut h = c.clone();
        h.moved = false;
        h.children.clear();
        h.lead = None;
        h.heading = None;
        if keep_old {
            h.kind = crate::align::LinkKind::Deleted;
            h.part = c.old_part.unwrap_or(c.part);
            h.new.clear();
            // the comment stands once, on the inserted half
            h.old_part = None;
            h.new_part = None;
            h.amendments.clear();
        } else {
            h.kind = crate::align::LinkKind::Inserted;
            h.part = c.new_part.unwrap_or(c.part);
            h.old.clear();
        }
        h
    };
    (
        crossing.clone().map(|c| half(c, true)).collect(),
        crossing.map(|c| half(c, false)).collect(),
    )
}

/// The changes of one part in the order [`place`] reads them: the part's
/// own, with the halves of crossing clauses put where they stand (an
/// inserted half among the new clauses, a deleted half before the first
/// change that comes after it in the old text).
fn part_changes<'c>(
    diff: &'c ResolutionDiff,
    part: Part,
    gone: &'c [Change],
    came: &'c [Change],
) -> Vec<&'c Change> {
    let mut out: Vec<&Change> = diff
        .changes
        .iter()
        .filter(|c| c.crossing().is_none() && c.part == part)
        .collect();
    insert_in_order(&mut out, came, part, diff.new.part(part), |c| &c.new);
    insert_in_order(&mut out, gone, part, diff.old.part(part), |c| &c.old);
    out
}

/// Inserts the `halves` of `part` into `out` before the first change whose
/// clause on one side (`side`) comes after theirs in `clauses`.
fn insert_in_order<'c>(
    out: &mut Vec<&'c Change>,
    halves: &'c [Change],
    part: Part,
    clauses: &[Clause],
    side: impl Fn(&Change) -> &[String],
) {
    let index = |c: &Change| {
        side(c)
            .first()
            .and_then(|id| clauses.iter().position(|k| &k.id == id))
    };
    for h in halves.iter().filter(|h| h.part == part) {
        let Some(at) = index(h) else {
            continue;
        };
        let pos = out
            .iter()
            .position(|c| index(c).is_some_and(|i| i > at))
            .unwrap_or(out.len());
        out.insert(pos, h);
    }
}

/// Whether a change can be written as a Word move: one clause on each side.
fn movable(c: &Change) -> bool {
    c.old.len() == 1 && c.new.len() == 1
}

/// Resolves the changes of one list to clause indices and decides which
/// are written apart at their old place (moved, or out of the old order).
/// `None` when the changes do not cover the clauses exactly once.
fn place<'c>(changes: &[&'c Change], old: &[&Clause], new: &[&Clause]) -> Option<Vec<Placed<'c>>> {
    let index = |cs: &[&Clause]| -> HashMap<String, usize> {
        let mut m = HashMap::new();
        for (k, c) in cs.iter().enumerate() {
            m.entry(c.id.clone()).or_insert(k);
        }
        m
    };
    let (io, inew) = (index(old), index(new));
    if io.len() != old.len() || inew.len() != new.len() {
        return None;
    }
    let mut seen_old = vec![false; old.len()];
    let mut seen_new = vec![false; new.len()];
    let mut out = Vec::with_capacity(changes.len());
    let mut last_new = None;
    let mut max_old = None;
    for &c in changes {
        let o: Vec<usize> = c
            .old
            .iter()
            .map(|id| io.get(id).copied())
            .collect::<Option<_>>()?;
        let n: Vec<usize> = c
            .new
            .iter()
            .map(|id| inew.get(id).copied())
            .collect::<Option<_>>()?;
        for &i in &o {
            if std::mem::replace(&mut seen_old[i], true) {
                return None;
            }
        }
        for &i in &n {
            if std::mem::replace(&mut seen_new[i], true) {
                return None;
            }
            // the list is in the new order
            if last_new.is_some_and(|l| i < l) {
                return None;
            }
            last_new = Some(i);
        }
        // several clauses on one side must be consecutive and in order
        let consecutive = |v: &[usize]| v.windows(2).all(|w| w[1] == w[0] + 1);
        if !consecutive(&o) || !consecutive(&n) {
            return None;
        }
        let floating = match o.first() {
            None => false,
            Some(&i) => {
                let out_of_order = max_old.is_some_and(|m| i < m);
                let f = (c.moved && !n.is_empty()) || out_of_order;
                if !f {
                    max_old = Some(o[o.len() - 1]);
                }
                f
            }
        };
        out.push(Placed {
            change: c,
            old: o,
            new: n,
            floating,
        });
    }
    (seen_old.iter().all(|&s| s) && seen_new.iter().all(|&s| s)).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn revision_dates() {
        assert_eq!(revision_date_from_unix(0), "1970-01-01T00:00:00Z");
        assert_eq!(
            revision_date_from_unix(1_740_394_800),
            "2025-02-24T11:00:00Z"
        );
        assert_eq!(revision_date_from_unix(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(
            revision_date("2025-02-24T11:00:00Z").unwrap(),
            "2025-02-24T11:00:00Z"
        );
        for bad in [
            "2025-13-01",
            "2025-02-24T25:00:00Z",
            "2025-02-24T11:00:00",
            "now",
            "",
            "2025-2-4",
        ] {
            assert!(revision_date(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn auto_numbering_only_for_sequential_labels() {
        let r = |t: &str| crate::parse::parse(&crate::load::Document::from_text("t", t)).unwrap();
        assert!(auto_numbering(&r(
            "The Council,\n\n1. Decides this;\n\n(a) First;\n\n(b) Second;\n\n2. Decides that.\n"
        )));
        assert!(!auto_numbering(&r(
            "The Council,\n\n1. Decides this;\n\n3. Decides that.\n"
        )));
    }
}
