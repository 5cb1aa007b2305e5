//! Lines to the plain layout: header items, one paragraph a line, footnotes at the end.
//!
//! A PDF draws lines; the parser wants paragraphs. They are rebuilt here
//! from what the page shows: a paragraph starts where a line is indented
//! past the text margin, where the space above it is wider than the line
//! pitch, where a paragraph number or letter follows a line ending a
//! sentence, or after a short line ending in punctuation. Footnotes are the
//! smaller lines at the foot of a page, under a rule; they move to the end
//! of the text, each on one line after `__________`, as the plain layout
//! has them.

use std::sync::LazyLock;

use regex_lite::Regex;

use super::furniture::{self, Heads};
use super::geometry::Line;
use crate::conventions::{
    Vocabulary, ends_hyphenated, ends_terminal, is_date, is_meeting_line, is_organ_line, is_symbol,
};
use crate::load::Metadata;

/// The line naming the sponsors: `Albania, ... and Ukraine: draft resolution`.
static SPONSORS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(.+?)\s*\**\s*:\s*(?:revised\s+|further\s+revised\s+)?draft\s+(?:resolution|decision)\b.*$").expect("valid pattern")
});
static SUBMITTED_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:revised\s+)?draft\s+(?:resolution|decision)\s+submitted\s+by\s+(.+)$")
        .expect("valid pattern")
});
/// Lines after which the title follows in an adopted text.
static ADOPTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:Resolution\s+adopted\s+by\s+the\b|\[(?:without reference to|on the report of))",
    )
    .expect("valid pattern")
});
static NUMBERED_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:ES-\d+/|S-\d+/)?\d{1,4}(?:/\d{1,4})?(?:\s?[A-Z])?\.\s+(.+)$")
        .expect("valid pattern")
});

/// A horizontal rule the page draws (a footnote separator, a table border).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Rule {
    pub y: f32,
    pub x0: f32,
    pub x1: f32,
}

/// Joins the pieces of horizontal rules drawn end to end (a table border
/// drawn cell by cell is one rule), dropping the short ones.
pub(crate) fn merge_rules(mut rules: Vec<Rule>) -> Vec<Rule> {
    rules.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    let mut out: Vec<Rule> = Vec::new();
    for r in rules {
        match out.last_mut() {
            Some(last) if (last.y - r.y).abs() < 0.5 && r.x0 <= last.x1 + 2.0 => {
                last.x1 = last.x1.max(r.x1)
            }
            _ => out.push(r),
        }
    }
    out.retain(|r| r.x1 - r.x0 > 20.0);
    out
}

/// One page's lines, top to bottom.
#[derive(Debug, Clone)]
pub(crate) struct Page {
    pub height: f32,
    pub width: f32,
    pub lines: Vec<Line>,
    pub rules: Vec<Rule>,
}

/// The text in the plain layout, and what the first page says of the document.
#[derive(Debug)]
pub(crate) struct Composed {
    pub text: String,
    pub meta: Metadata,
}

/// How a line is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Header,
    Organ,
    Body,
    Note,
    Rule,
    Furniture,
}

/// A body line, with the page geometry it is read against.
struct Placed<'a> {
    line: &'a Line,
    /// The page's text margins.
    left: f32,
    right: f32,
    /// Most of the page's lines run to the right margin: a line that stops
    /// short of it ends a paragraph.
    justified: bool,
}

/// Composes the document's text from its pages.
pub(crate) fn compose(pages: &[Page]) -> Composed {
    let all: Vec<&Line> = pages.iter().flat_map(|p| p.lines.iter()).collect();
    let chars = |it: &mut dyn Iterator<Item = &&Line>| it.map(|l| l.text.len()).sum::<usize>();
    let artifact_chars = chars(&mut all.iter().filter(|l| l.artifact));
    let total_chars = chars(&mut all.iter());
    // a producer that marks everything as an artifact marks nothing useful
    let trust_artifacts = artifact_chars > 0 && artifact_chars * 2 < total_chars;
    // the organ line ends the header; it is looked for on the first pages only
    let organ = pages.iter().enumerate().take(3).find_map(|(p, page)| {
        page.lines
            .iter()
            .position(|l| is_organ_line(&l.text))
            .map(|k| (p, k))
    });
    // the body's type size, measured after the header (a long sponsors
    // list in larger type can outweigh a short body)
    let after_header: Vec<&Line> = match organ {
        Some((op, ok)) => pages[op].lines[ok..]
            .iter()
            .chain(pages[op + 1..].iter().flat_map(|p| p.lines.iter()))
            .collect(),
        None => all,
    };
    let body_size = body_size(&after_header, trust_artifacts);

    let mut roles: Vec<Vec<Role>> = pages
        .iter()
        .map(|p| vec![Role::Body; p.lines.len()])
        .collect();
    // header: everything before the organ line, less furniture at the foot of a page
    let mut header_lines: Vec<&Line> = Vec::new();
    if let Some((op, ok)) = organ {
        for (p, page) in pages.iter().enumerate().take(op + 1) {
            let end = if p == op { ok } else { page.lines.len() };
            for (k, l) in page.lines[..end].iter().enumerate() {
                let low = l.y < page.height * 0.12;
                if furniture::is_furniture(l, low, &Heads::default())
                    || (p > 0 && l.artifact && trust_artifacts)
                {
                    roles[p][k] = Role::Furniture;
                } else {
                    roles[p][k] = Role::Header;
                    header_lines.push(l);
                }
            }
        }
        roles[op][ok] = Role::Organ;
    }
    let (header_items, info) = header(&header_lines);
    let heads = Heads {
        symbol: info.symbol.clone(),
        title: info.title.clone(),
    };

    // furniture and rules in the body
    for (p, page) in pages.iter().enumerate() {
        for (k, l) in page.lines.iter().enumerate() {
            if roles[p][k] != Role::Body {
                continue;
            }
            let in_margin = l.y > page.height * 0.9 || l.y < page.height * 0.12;
            if furniture::is_rule(&l.text) {
                roles[p][k] = Role::Rule;
            } else if (trust_artifacts && l.artifact)
                || furniture::is_furniture(l, in_margin, &heads)
            {
                roles[p][k] = Role::Furniture;
            }
        }
        mark_notes(page, &mut roles[p], body_size);
    }

    let mut out = String::new();
    for item in &header_items {
        out.push_str(item);
        out.push('\n');
    }
    if !out.is_empty() {
        out.push('\n');
    }
    if let Some((op, ok)) = organ {
        out.push_str(&pages[op].lines[ok].text);
        out.push_str("\n\n");
    }

    // body paragraphs
    let margins: Vec<Margins> = margins(pages, &roles);
    let body: Vec<Placed> = pages
        .iter()
        .enumerate()
        .flat_map(|(p, page)| {
            let roles = &roles[p];
            let Margins {
                left,
                right,
                justified,
            } = margins[p];
            page.lines
                .iter()
                .enumerate()
                .filter(move |(k, _)| roles[*k] == Role::Body)
                .map(move |(_, line)| Placed {
                    line,
                    left,
                    right,
                    justified,
                })
        })
        .collect();
    let vocab = Vocabulary::from_texts(body.iter().map(|b| b.line.text.as_str()));
    let pitch = line_pitch(&body, body_size);
    let mut paras: Vec<Vec<&Placed>> = Vec::new();
    for (k, b) in body.iter().enumerate() {
        match paras.last_mut() {
            Some(para) if !starts_paragraph(&body[k - 1], b, pitch) => para.push(b),
            _ => paras.push(vec![b]),
        }
    }
    for para in &paras {
        let lines: Vec<&Line> = para.iter().map(|b| b.line).collect();
        out.push_str(&join_lines(&lines, &vocab));
        out.push_str("\n\n");
    }
    if out.ends_with("\n\n") {
        out.pop();
    }

    // footnotes, in page order
    let notes = notes(pages, &roles, &vocab);
    if !notes.is_empty() {
        if !out.ends_with("\n\n") {
            out.push('\n');
        }
        out.push_str("__________\n");
        for n in notes {
            out.push_str(&n);
            out.push('\n');
        }
    }
    Composed {
        text: out,
        meta: info.into_meta(),
    }
}

/// The type size of the body: the size most of the text is set in.
fn body_size(lines: &[&Line], trust_artifacts: bool) -> f32 {
    let mut weight: Vec<(i32, usize)> = Vec::new();
    for l in lines.iter().filter(|l| !(trust_artifacts && l.artifact)) {
        let key = (l.size * 4.0).round() as i32;
        match weight.iter_mut().find(|(k, _)| *k == key) {
            Some((_, w)) => *w += l.text.len(),
            None => weight.push((key, l.text.len())),
        }
    }
    weight
        .iter()
        .max_by_key(|(_, w)| *w)
        .map_or(10.0, |(k, _)| *k as f32 / 4.0)
}

/// Marks the footnotes at the foot of a page: the lines below the body
/// size at the bottom of the page's text, opening with a note number or
/// standing under a rule.
fn mark_notes(page: &Page, roles: &mut [Role], body_size: f32) {
    let idx: Vec<usize> = (0..page.lines.len())
        .filter(|&k| matches!(roles[k], Role::Body | Role::Rule))
        .collect();
    let mut start = idx.len();
    while start > 0 {
        let l = &page.lines[idx[start - 1]];
        if roles[idx[start - 1]] == Role::Rule || l.size >= 0.88 * body_size {
            break;
        }
        start -= 1;
    }
    if start == idx.len() {
        return;
    }
    let first = &page.lines[idx[start]];
    let above = start.checked_sub(1).map(|k| idx[k]);
    let text_rule = above.is_some_and(|k| roles[k] == Role::Rule);
    let above_y = above.map_or(page.height, |k| page.lines[k].y);
    let drawn_rule = page
        .rules
        .iter()
        .any(|r| r.y > first.y && r.y < above_y && r.x1 - r.x0 < page.width * 0.6);
    if text_rule || drawn_rule || first.lead_mark.is_some() || NOTE_START.is_match(&first.text) {
        for &k in &idx[start..] {
            roles[k] = Role::Note;
        }
    }
}

/// A footnote's first line: its number or mark, then a space or a tab.
static NOTE_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\d{1,3}|[*†‡]{1,3})[ \t]\S").expect("valid pattern"));

/// The footnotes, one per entry as `1 Text of the note.`.
fn notes(pages: &[Page], roles: &[Vec<Role>], vocab: &Vocabulary) -> Vec<String> {
    let mut out: Vec<Vec<&Line>> = Vec::new();
    for (p, page) in pages.iter().enumerate() {
        for (k, l) in page.lines.iter().enumerate() {
            if roles[p][k] != Role::Note {
                continue;
            }
            if l.lead_mark.is_some() || NOTE_START.is_match(&l.text) || out.is_empty() {
                out.push(vec![l]);
            } else if let Some(last) = out.last_mut() {
                last.push(l);
            }
        }
    }
    out.iter()
        .map(|n| join_lines(n, vocab).replace('\t', " "))
        .collect()
}

/// A page's text margins.
#[derive(Debug, Clone, Copy)]
struct Margins {
    left: f32,
    right: f32,
    justified: bool,
}

/// Each page's text margins: where most lines start and end.
fn margins(pages: &[Page], roles: &[Vec<Role>]) -> Vec<Margins> {
    let per_page: Vec<Option<Margins>> = pages
        .iter()
        .enumerate()
        .map(|(p, page)| {
            let body: Vec<&Line> = page
                .lines
                .iter()
                .enumerate()
                .filter(|(k, _)| roles[p][*k] == Role::Body)
                .map(|(_, l)| l)
                .collect();
            if body.len() < 4 {
                return None;
            }
            let xs: Vec<f32> = body.iter().map(|l| l.x0).collect();
            let ends: Vec<f32> = body.iter().map(|l| l.x1).collect();
            let left = supported(&xs, false)?;
            let right = supported(&ends, true)?;
            let flush = ends.iter().filter(|&&x| (x - right).abs() < 1.5).count();
            Some(Margins {
                left,
                right,
                justified: flush * 2 >= ends.len(),
            })
        })
        .collect();
    let known: Vec<(usize, Margins)> = per_page
        .iter()
        .enumerate()
        .filter_map(|(p, m)| m.map(|m| (p, m)))
        .collect();
    per_page
        .iter()
        .enumerate()
        .map(|(p, m)| {
            m.or_else(|| {
                // a page with too few lines: a page of the same parity (mirrored margins), else any
                known
                    .iter()
                    .find(|(q, _)| q % 2 == p % 2)
                    .or(known.first())
                    .map(|(_, m)| *m)
            })
            .unwrap_or(Margins {
                left: 0.0,
                right: f32::MAX,
                justified: false,
            })
        })
        .collect()
}

/// The smallest value (the largest, with `largest`) that another value
/// comes within a point and a half of: a margin many lines share, not a
/// stray line's.
fn supported(values: &[f32], largest: bool) -> Option<f32> {
    let mut sorted = values.to_vec();
    sorted.sort_by(f32::total_cmp);
    if largest {
        sorted.reverse();
    }
    sorted
        .windows(2)
        .find(|w| (w[0] - w[1]).abs() <= 1.5)
        .map(|w| w[0])
        .or(sorted.first().copied())
}

/// The usual distance between baselines of consecutive body lines.
fn line_pitch(body: &[Placed], body_size: f32) -> f32 {
    let mut steps: Vec<f32> = body
        .windows(2)
        .filter(|w| {
            w[0].line.page == w[1].line.page
                && (w[0].line.size - body_size).abs() < 0.6
                && (w[1].line.size - body_size).abs() < 0.6
        })
        .map(|w| w[0].line.y - w[1].line.y)
        .filter(|d| *d > 0.5 * body_size && *d < 3.0 * body_size)
        .collect();
    if steps.is_empty() {
        return body_size * 1.2;
    }
    steps.sort_by(f32::total_cmp);
    steps[steps.len() / 2]
}

/// A paragraph number or letter at the start of a line: `12.`, `3 bis.`, `(a)`, `(iv)`.
fn starts_with_marker(s: &str) -> bool {
    static MARKER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:\d{1,3}(?: ?(?:bis|ter|quater))?[.)]|\((?:[a-z]{1,2}|[ivxlc]{1,6}|[A-Z]|\d{1,2})(?: bis| ter)?\))(?:\s|$)").expect("valid pattern")
    });
    MARKER.is_match(s)
}

/// Whether `cur` opens a new paragraph after `prev`.
fn starts_paragraph(prev: &Placed, cur: &Placed, pitch: f32) -> bool {
    let (p, c) = (prev.line, cur.line);
    let em = c.size.max(1.0);
    if is_meeting_line(&p.text) {
        return true;
    }
    if p.page == c.page && p.y - c.y > pitch * 1.35 {
        return true;
    }
    // a change of type size: a heading, a note, an annex in smaller type
    if (p.size - c.size).abs() > 0.15 * p.size.max(c.size) {
        return true;
    }
    let terminal = ends_terminal(&p.text);
    // justified lines end on the margin, so any that stops before it ends
    // its paragraph; in ragged text only a line stopping far short does
    let short = if prev.justified {
        p.x1 < prev.right - 1.5
    } else {
        p.x1 < prev.left + 0.7 * (prev.right - prev.left)
    };
    let marker = starts_with_marker(&c.text);
    let indented = c.x0 > cur.left + 0.8 * em;
    // and a justified line that reaches the margin is never a paragraph's
    // last: its paragraph goes on, whatever the next line looks like;
    // except at the top of a page, where no spacing shows the break and a
    // paragraph that ended flush on the page before can only be told by
    // its punctuation and the next line's first-line indent
    let new_page_paragraph = p.page != c.page && terminal && indented && !marker;
    if prev.justified && !short && !new_page_paragraph {
        return false;
    }
    // a centred heading set on two lines is one heading
    let centred = |b: &Placed| {
        let l = b.line;
        l.x0 > b.left + 2.0 * em
            && l.x1 < b.right - 2.0 * em
            && ((l.x0 + l.x1) - (b.left + b.right)).abs() < 2.0 * em
    };
    if p.page == c.page && centred(prev) && centred(cur) && p.bold == c.bold && !marker {
        return false;
    }
    if indented {
        if !marker {
            // the text after a hanging number continues under itself
            let hanging = p.segments.len() >= 2
                && starts_with_marker(&p.text)
                && (c.x0 - p.segments[1].x0).abs() < 1.5;
            // a block indented as a whole (a quotation, a list): the line
            // before it neither ends a sentence nor stops short
            let block = !terminal && !short;
            if hanging || block {
                return false;
            }
        }
        return true;
    }
    // "(ii)" or "7." at the margin after a full line is running text
    // ("in particular: (i) ...; (ii) ..."); after a short line it is a
    // paragraph of its own
    short && (terminal || marker)
}

/// Joins a paragraph's lines: a space between lines, except after a hyphen
/// at a line end, which either joins a word broken in two or stays in a
/// compound (Secretary-General, gender-based).
fn join_lines(lines: &[&Line], vocab: &Vocabulary) -> String {
    let mut s = String::new();
    for l in lines {
        if s.is_empty() {
            s.push_str(&l.text);
            continue;
        }
        if s.ends_with('\u{AD}') {
            s.pop();
            s.push_str(&l.text);
        } else if ends_hyphenated(&s) {
            let cut = s.rfind(' ').map_or(0, |i| i + 1);
            let left = s[cut..].to_string();
            let first_end = l.text.find(' ').unwrap_or(l.text.len());
            let joined = vocab.join(&left, &l.text[..first_end]);
            s.truncate(cut);
            s.push_str(&joined);
            s.push_str(&l.text[first_end..]);
        } else {
            s.push(' ');
            s.push_str(&l.text);
        }
    }
    s
}

/// What the first page says about the document.
#[derive(Debug, Default)]
struct HeaderInfo {
    symbol: Option<String>,
    date: Option<String>,
    sponsors_line: Option<String>,
    title: Option<String>,
}

impl HeaderInfo {
    fn into_meta(self) -> Metadata {
        Metadata {
            sponsors: self
                .sponsors_line
                .as_deref()
                .map(split_sponsors)
                .unwrap_or_default(),
            symbol: self.symbol,
            title: self.title,
            date: self.date,
            encoding: None,
        }
    }
}

/// Whether two header lines belong to one item (a sponsors list or a
/// title wrapped over lines): same type, one column, line pitch apart.
fn same_item(a: &Line, b: &Line) -> bool {
    a.segments.len() == 1
        && b.segments.len() == 1
        && (a.size - b.size).abs() < 0.6
        && a.bold == b.bold
        && a.y - b.y < 1.7 * a.size.max(b.size)
        && (a.x0 - b.x0).abs() < 3.0 * a.size
}

/// The header items, one per line, in reading order, and what they say.
fn header(lines: &[&Line]) -> (Vec<String>, HeaderInfo) {
    let mut items: Vec<String> = Vec::new();
    let mut info = HeaderInfo::default();
    let mut title_zone = false;
    let mut i = 0;
    let vocab = Vocabulary::from_texts(lines.iter().map(|l| l.text.as_str()));
    while i < lines.len() {
        let mut j = i + 1;
        while j < lines.len() && same_item(lines[j - 1], lines[j]) {
            j += 1;
        }
        let group = &lines[i..j];
        let joined = join_lines(group, &vocab);
        let single_column = group.iter().all(|l| l.segments.len() == 1);
        if single_column && (SPONSORS.is_match(&joined) || SUBMITTED_BY.is_match(&joined)) {
            info.sponsors_line = Some(joined.clone());
            items.push(joined);
            title_zone = true;
        } else if single_column && title_zone && !ADOPTED.is_match(&joined) {
            let title = NUMBERED_TITLE
                .captures(&joined)
                .map_or(joined.clone(), |c| c[1].to_string());
            info.title.get_or_insert(title);
            items.push(joined);
        } else {
            for l in group {
                for s in &l.segments {
                    if info.symbol.is_none() && is_symbol(&s.text) {
                        info.symbol = Some(s.text.clone());
                    }
                    if info.date.is_none() && is_date(&s.text) {
                        info.date = Some(s.text.clone());
                    }
                    if ADOPTED.is_match(&s.text) {
                        title_zone = true;
                    }
                    items.push(s.text.clone());
                }
            }
        }
        i = j;
    }
    (items, info)
}

/// Splits "Albania, Andorra, ... and Ukraine: draft resolution" into
/// delegations, the way the text parser does.
fn split_sponsors(line: &str) -> Vec<String> {
    let list = if let Some(c) = SUBMITTED_BY.captures(line) {
        c[1].trim_end_matches(['.', '*']).to_string()
    } else if let Some(c) = SPONSORS.captures(line) {
        c[1].to_string()
    } else {
        return Vec::new();
    };
    crate::conventions::split_sponsors(&list)
}

#[cfg(test)]
mod tests {
    use super::super::geometry::{self, Run, run};
    use super::*;

    #[test]
    fn a_footnote_opens_with_its_number_then_a_space_or_a_tab() {
        for line in [
            "1 See A/78/1.",
            "12\tSee A/78/1.",
            "* Reissued.",
            "†\tReissued.",
        ] {
            assert!(NOTE_START.is_match(line), "{line:?}");
        }
        for line in ["1.\tDecides", "2024 budget", "Decides 1 thing"] {
            assert!(!NOTE_START.is_match(line), "{line:?}");
        }
    }

    /// A line of text drawn as one string per word, a space glyph between.
    fn words(runs: &mut Vec<Run>, x: f32, y: f32, size: f32, text: &str) {
        let mut x = x;
        for w in text.split(' ') {
            let width = w.chars().count() as f32 * size * 0.5;
            runs.push(run(w, x, x + width, y, size));
            runs.push(run(" ", x + width, x + width + size * 0.25, y, size));
            x += width + size * 0.25;
        }
    }

    fn page(runs: Vec<Run>, index: usize) -> Page {
        Page {
            width: 612.0,
            height: 792.0,
            lines: geometry::lines(index, runs),
            rules: Vec::new(),
        }
    }

    /// A justified line: words spread so that the last one ends at `right`.
    fn justified(runs: &mut Vec<Run>, x: f32, y: f32, right: f32, text: &str) {
        let size = 10.0;
        let ws: Vec<&str> = text.split(' ').collect();
        let ink: f32 = ws
            .iter()
            .map(|w| w.chars().count() as f32 * size * 0.5)
            .sum();
        let gap = (right - x - ink) / (ws.len() - 1) as f32;
        let mut x = x;
        for w in ws {
            let width = w.chars().count() as f32 * size * 0.5;
            runs.push(run(w, x, x + width, y, size));
            x += width + gap;
        }
    }

    #[test]
    fn a_paragraph_ending_flush_at_a_page_foot_ends_there() {
        // S/2022/501: the last preambular paragraph ends on the right margin
        // at the foot of page 1; page 2 opens, indented, with the next one
        let mut p1 = Vec::new();
        words(&mut p1, 123.0, 700.0, 10.0, "The Security Council,");
        let lines = [
            "Having conducted its review of the progress of the work of the",
            "Mechanism including in completing its functions since the last review",
            "of the Mechanism in June 2020 pursuant to paragraph 17 of resolution",
            "in accordance with the procedure in the statement of its President,",
        ];
        for (k, l) in lines.iter().enumerate() {
            let x = if k == 0 { 147.0 } else { 123.0 };
            justified(&mut p1, x, 680.0 - 12.0 * k as f32, 480.0, l);
        }
        let mut p2 = Vec::new();
        justified(
            &mut p2,
            147.0,
            700.0,
            480.0,
            "Acting under Chapter VII of the Charter of the United Nations,",
        );
        justified(
            &mut p2,
            147.0,
            676.0,
            480.0,
            "1. Decides to appoint the Prosecutor with effect from 1 July 2022 until",
        );
        words(&mut p2, 123.0, 664.0, 10.0, "30 June 2024;");
        let c = compose(&[page(p1, 0), page(p2, 1)]);
        let paras: Vec<&str> = c.text.split("\n\n").collect();
        assert!(
            paras.contains(&"Acting under Chapter VII of the Charter of the United Nations,"),
            "{paras:?}"
        );
        assert!(
            paras[1].ends_with("statement of its President,"),
            "{paras:?}"
        );
    }

    #[test]
    fn a_two_page_draft_in_the_plain_layout() {
        let mut p1 = Vec::new();
        words(&mut p1, 400.0, 740.0, 10.0, "S/2099/1");
        words(&mut p1, 123.0, 700.0, 12.0, "Ruritania: draft resolution");
        words(&mut p1, 147.0, 660.0, 10.0, "The Security Council,");
        // a paragraph with a first-line indent, justified to x = 400
        words(
            &mut p1,
            147.0,
            640.0,
            10.0,
            "Recalling its resolutions aaaaaaaaaaaaaaaaaaaa bbbbbbbbbbbbbbbbbbbbbbbbb cc",
        );
        words(
            &mut p1,
            123.0,
            628.0,
            10.0,
            "and the statements of its President,",
        );
        // the footnote mark, raised and smaller, right after the comma
        let end = p1
            .iter()
            .rev()
            .find(|r| r.text != " ")
            .map_or(0.0, |r| r.x1);
        p1.push(Run {
            text: "1".into(),
            x0: end + 0.2,
            x1: end + 3.2,
            y: 631.5,
            size: 6.5,
            bold: false,
            artifact: false,
        });
        words(
            &mut p1,
            147.0,
            616.0,
            10.0,
            "1. Demands that all parties aaaaaaaaaaaaaaaa bbbbbbbbbbbbbbbbbbbbbbbbb cccccc",
        );
        words(
            &mut p1,
            123.0,
            604.0,
            10.0,
            "cease hostilities aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb c",
        );
        // the foot: a footnote under a rule, the job number and barcode
        words(&mut p1, 123.0, 110.0, 10.0, "__________");
        p1.push(Run {
            text: "1".into(),
            x0: 117.0,
            x1: 120.0,
            y: 103.0,
            size: 5.5,
            bold: false,
            artifact: false,
        });
        words(&mut p1, 123.0, 100.0, 8.5, "S/PRST/2002/6.");
        words(&mut p1, 60.0, 70.0, 10.0, "99-12345 (E) 010199");
        words(&mut p1, 60.0, 56.0, 12.0, "*9912345*");
        let mut p2 = Vec::new();
        words(&mut p2, 60.0, 740.0, 10.0, "S/2099/1");
        words(&mut p2, 123.0, 700.0, 10.0, "throughout the country;");
        words(
            &mut p2,
            147.0,
            688.0,
            10.0,
            "2. Decides to remain seized of the matter.",
        );
        words(&mut p2, 60.0, 40.0, 10.0, "2/2 99-12345");
        let c = compose(&[page(p1, 0), page(p2, 1)]);
        assert_eq!(
            c.text,
            "S/2099/1\nRuritania: draft resolution\n\nThe Security Council,\n\n\
             Recalling its resolutions aaaaaaaaaaaaaaaaaaaa bbbbbbbbbbbbbbbbbbbbbbbbb cc and the statements of its President,1\n\n\
             1. Demands that all parties aaaaaaaaaaaaaaaa bbbbbbbbbbbbbbbbbbbbbbbbb cccccc cease hostilities aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb c throughout the country;\n\n\
             2. Decides to remain seized of the matter.\n\n__________\n1 S/PRST/2002/6.\n"
        );
        assert_eq!(c.meta.symbol.as_deref(), Some("S/2099/1"));
        assert_eq!(c.meta.sponsors, ["Ruritania"]);
    }

    #[test]
    fn sponsors_are_split_keeping_names_with_and() {
        assert_eq!(
            split_sponsors(
                "Bosnia and Herzegovina, France and United Kingdom of Great Britain and Northern Ireland: draft resolution"
            ),
            [
                "Bosnia and Herzegovina",
                "France",
                "United Kingdom of Great Britain and Northern Ireland"
            ]
        );
        assert_eq!(
            split_sponsors("Draft resolution submitted by the Chair"),
            ["the Chair"]
        );
    }

    #[test]
    fn hyphen_at_line_end() {
        let v = Vocabulary::from_texts(
            ["the international order", "gender-based violence"].into_iter(),
        );
        assert_eq!(v.join("interna-", "tional law"), "international law");
        assert_eq!(v.join("gender-", "based"), "gender-based");
        assert_eq!(v.join("Secretary-", "General"), "Secretary-General");
        assert_eq!(v.join("police-", "contributing"), "police-contributing");
        // shared with the text parser: a suspended hyphen keeps its space
        assert_eq!(v.join("troop-", "and"), "troop- and");
    }

    #[test]
    fn markers_and_terminals() {
        assert!(starts_with_marker("12. Decides"));
        assert!(starts_with_marker("(a) To protect"));
        assert!(starts_with_marker("(iv) To monitor"));
        assert!(!starts_with_marker("(2003), 1546 (2004)"));
        assert!(!starts_with_marker("2015 (S/PRST/2015/17),"));
        assert!(ends_terminal("Relations;1"));
        assert!(ends_terminal("“natural growth”,"));
        assert!(!ends_terminal("resolution 1515"));
    }
}
