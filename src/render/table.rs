//! The side-by-side terminal table (comfy-table): clause ids and a change
//! label on the left, old text in the middle, new text on the right.

use std::io::{self, Write};

use comfy_table::{Cell, ColumnConstraint, ContentArrangement, Table, Width, presets};

use super::style::LabelKind;
use super::{RenderOptions, file_name, ids, side_text, sub_label, summary_line, visible};
use crate::align::LinkKind;
use crate::diff::{Change, Direction, ResolutionDiff};
use crate::parse::{Clause, Resolution};

pub(super) fn new_table(opts: &RenderOptions) -> Table {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL);
    t.set_content_arrangement(ContentArrangement::Dynamic);
    t.set_width(opts.width.max(40));
    if opts.theme.color() {
        t.enforce_styling();
    } else {
        t.force_no_tty();
    }
    t
}

fn label_kind(c: &Change) -> LabelKind {
    if c.moved {
        return LabelKind::Moved;
    }
    match c.kind {
        LinkKind::Unchanged => LabelKind::Same,
        LinkKind::Inserted => LabelKind::Added,
        LinkKind::Deleted => LabelKind::Dropped,
        _ => LabelKind::Changed,
    }
}

/// A table as a terminal draws it. unicode-width, and so comfy-table,
/// counts an Arabic lam-alef ligature (`لا`, `لأ`) as one column, but a
/// terminal that does not shape Arabic (tmux, most emulators) draws its two
/// letters in two cells: each cell holding one loses a padding space per
/// pair, so that the borders stay in line.
pub(crate) fn table_text(t: &Table) -> String {
    let text = t.to_string();
    if !text.contains('\u{0644}') {
        return text; // no lam, no ligature
    }
    let mut out = String::with_capacity(text.len());
    for (k, line) in text.lines().enumerate() {
        if k > 0 {
            out.push('\n');
        }
        // cells lie between the vertical borders of the presets used here
        for (j, cell) in line.split(['│', '┆']).enumerate() {
            if j > 0 {
                out.push_str(&line[out_border(line, j)]);
            }
            out.push_str(drop_padding(cell, ligature_excess(cell)));
        }
    }
    out
}

/// The `j`-th vertical border of `line` (from 1), as a slice of it.
fn out_border(line: &str, j: usize) -> std::ops::Range<usize> {
    let (at, c) = line
        .char_indices()
        .filter(|&(_, c)| c == '│' || c == '┆')
        .nth(j - 1)
        .expect("a border between cells");
    at..at + c.len_utf8()
}

/// How many columns more a terminal draws `cell` in than unicode-width
/// counts (escape sequences aside).
fn ligature_excess(cell: &str) -> usize {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    let plain = strip_ansi(cell);
    let drawn: usize = plain.chars().map(|c| c.width().unwrap_or(0)).sum();
    drawn.saturating_sub(plain.width())
}

/// `cell` without up to `n` of the spaces that pad it on the right.
fn drop_padding(cell: &str, n: usize) -> &str {
    let spaces = cell.len() - cell.trim_end_matches(' ').len();
    &cell[..cell.len() - n.min(spaces)]
}

/// `s` without its terminal escape sequences (`ESC [ ... letter`).
fn strip_ansi(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            // the sequence ends at its final byte, '@' to '~'
            for e in chars.by_ref() {
                if ('@'..='~').contains(&e) && e != '[' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The left cell: ids, then the label, then a lead-word note, then the
/// amendments behind it.
fn label_cell(c: &Change, d: &ResolutionDiff, depth: usize, opts: &RenderOptions) -> String {
    let theme = &opts.theme;
    let indent = " ".repeat(depth);
    let mut s = format!("{indent}{}", theme.strong(&ids(c)));
    let word = super::kind_word(c, false);
    let label = c.label();
    // the symbol, then the word: "~ reworded", "> moved", "> ~ reworded"
    let mut text = if label == word {
        label.clone()
    } else {
        format!("{label} {word}")
    };
    if c.loose {
        text.push_str(" (loose)");
    }
    s.push_str(&format!("\n{indent}{}", theme.label(&text, label_kind(c))));
    if let Some(lead) = &c.lead {
        let arrow = match lead.direction() {
            Direction::Softened => "lead ↓",
            Direction::Strengthened => "lead ↑",
            Direction::Other => "lead ≠",
        };
        s.push_str(&format!("\n{indent}{}", theme.note(arrow)));
    }
    if c.heading.is_some() {
        s.push_str(&format!("\n{indent}{}", theme.note("heading ≠")));
    }
    if let Some(a) = super::amendments::label(c, d) {
        s.push_str(&format!("\n{indent}{}", theme.note(&a)));
    }
    s
}

fn add_rows(
    t: &mut Table,
    changes: &[&Change],
    d: &ResolutionDiff,
    depth: usize,
    opts: &RenderOptions,
) {
    for c in changes {
        let prefix = |ids: &[String]| super::sub_prefix(ids, depth);
        let old = side_text(&c.segments, true, &c.old, &opts.theme);
        let new = side_text(&c.segments, false, &c.new, &opts.theme);
        let old = if old.is_empty() {
            old
        } else {
            format!("{}{old}", prefix(&c.old))
        };
        let new = if new.is_empty() {
            new
        } else {
            format!("{}{new}", prefix(&c.new))
        };
        // a changed section heading stands over the clause on each side
        let (old, new) = match &c.heading {
            Some(h) => (
                format!("§ {}\n{old}", super::heading_side(h, true, &opts.theme)),
                format!("§ {}\n{new}", super::heading_side(h, false, &opts.theme)),
            ),
            None => (old, new),
        };
        t.add_row(vec![
            Cell::new(label_cell(c, d, depth, opts)),
            Cell::new(old),
            Cell::new(new),
        ]);
        let kids = visible(&c.children, opts);
        add_rows(t, &kids, d, depth + 1, opts);
    }
}

fn constrain(t: &mut Table, label_width: u16, opts: &RenderOptions) {
    t.set_constraints(columns(opts.width.max(40), &[label_width], 2));
}

/// Column widths filling `width` exactly: the `fixed` columns first, then
/// `flexible` columns sharing what is left (the last takes any odd column).
/// Widths in comfy-table include the cell padding; each column adds one
/// border, and the table one more.
pub(super) fn columns(width: u16, fixed: &[u16], flexible: u16) -> Vec<ColumnConstraint> {
    let borders = fixed.len() as u16 + flexible + 1;
    let left = width.saturating_sub(fixed.iter().sum::<u16>() + borders);
    let each = (left / flexible.max(1)).max(10);
    let mut out: Vec<_> = fixed
        .iter()
        .map(|&w| ColumnConstraint::Absolute(Width::Fixed(w)))
        .collect();
    for k in 0..flexible {
        let w = if k + 1 == flexible {
            left.saturating_sub(each * (flexible - 1)).max(10)
        } else {
            each
        };
        out.push(ColumnConstraint::Absolute(Width::Fixed(w)));
    }
    out
}

fn label_width(changes: &[Change]) -> u16 {
    let mut w = 12;
    for c in changes {
        c.walk(&mut |c| {
            w = w.max(ids(c).chars().count() + 1);
            // an amendment label on one line where it fits
            for r in &c.amendments {
                w = w.max(r.symbol.chars().count() + r.instruction.chars().count() + 3);
            }
        });
    }
    w.clamp(12, 18) as u16
}

/// The comparison as a table.
pub(super) fn diff(
    d: &ResolutionDiff,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let theme = &opts.theme;
    let mut t = new_table(opts);
    let (old_name, new_name) = match &opts.labels {
        Some([o, n]) => (o.as_str(), n.as_str()),
        None => (file_name(&d.old.source), file_name(&d.new.source)),
    };
    t.set_header(vec![
        Cell::new(""),
        Cell::new(theme.strong(&format!("old: {old_name}"))),
        Cell::new(theme.strong(&format!("new: {new_name}"))),
    ]);
    let (oh, nh) = (&d.old.header, &d.new.header);
    let opt = |s: &Option<String>| s.clone().unwrap_or_default();
    if oh.symbol.is_some() || nh.symbol.is_some() {
        t.add_row(vec![theme.dim("symbol"), opt(&oh.symbol), opt(&nh.symbol)]);
    }
    if let Some(segs) = &d.header.title {
        let none = Vec::new();
        t.add_row(vec![
            theme.dim("title"),
            side_text(segs, true, &none, theme),
            side_text(segs, false, &none, theme),
        ]);
    } else if oh.title.is_some() || nh.title.is_some() {
        t.add_row(vec![theme.dim("title"), opt(&oh.title), opt(&nh.title)]);
    }
    if !oh.sponsors.is_empty() || !nh.sponsors.is_empty() {
        let mark = |r: &Resolution, changed: &[String], del: bool| {
            let list = &r.header.sponsors;
            list.iter()
                .map(|s| {
                    if changed.contains(s) {
                        if del {
                            theme.deleted(s)
                        } else {
                            theme.inserted(s)
                        }
                    } else {
                        s.clone()
                    }
                })
                .collect::<Vec<_>>()
                .join(super::list_separator(r.lang))
        };
        t.add_row(vec![
            theme.dim("sponsors"),
            mark(&d.old, &d.header.sponsors_removed, true),
            mark(&d.new, &d.header.sponsors_added, false),
        ]);
    }
    if oh.date.is_some() || nh.date.is_some() {
        t.add_row(vec![theme.dim("date"), opt(&oh.date), opt(&nh.date)]);
    }
    let shown = visible(&d.changes, opts);
    add_rows(&mut t, &shown, d, 0, opts);
    constrain(&mut t, label_width(&d.changes), opts);
    writeln!(out, "{}", table_text(&t))?;
    if opts.changes_only && shown.len() < d.changes.len() {
        writeln!(
            out,
            "{}",
            theme.dim(&format!(
                "({} not shown)",
                super::plural(d.changes.len() - shown.len(), "unchanged clause")
            ))
        )?;
    }
    writeln!(out, "{}", summary_line(d, opts.width as usize))?;
    for n in &d.notes {
        let note = super::note_wrapped(n, opts.width as usize);
        writeln!(out, "{}", theme.note(&note))?;
    }
    for line in super::amendments::footer(d) {
        writeln!(out, "{}", theme.note(&line))?;
    }
    Ok(())
}

fn clause_rows(t: &mut Table, c: &Clause, depth: usize, opts: &RenderOptions) {
    let indent = " ".repeat(depth);
    let lead = c.lead.clone().unwrap_or_default();
    let mut text = c.text.clone();
    if depth > 0
        && let Some(l) = sub_label(&c.id)
    {
        text = format!("{l} {text}");
    }
    if !c.footnotes.is_empty() {
        let marks: Vec<&str> = c.footnotes.iter().map(|f| f.mark.as_str()).collect();
        text = format!(
            "{text} {}",
            opts.theme.dim(&format!("[footnotes {}]", marks.join(", ")))
        );
    }
    t.add_row(vec![
        format!("{indent}{}", opts.theme.strong(&c.id)),
        opts.theme.dim(&lead),
        text,
    ]);
    for k in &c.children {
        clause_rows(t, k, depth + 1, opts);
    }
}

/// One document's structure as a table.
pub(super) fn resolution(
    r: &Resolution,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let theme = &opts.theme;
    let h = &r.header;
    let mut info = new_table(opts);
    info.set_header(vec![
        Cell::new(theme.strong("field")),
        Cell::new(theme.strong(&r.source)),
    ]);
    let fields = [
        ("symbol", h.symbol.clone()),
        ("title", h.title.clone()),
        (
            "sponsors",
            (!h.sponsors.is_empty()).then(|| h.sponsors.join(super::list_separator(r.lang))),
        ),
        ("date", h.date.clone()),
        ("session", h.session.clone()),
        ("agenda item", h.agenda_item.clone()),
        ("document", h.kind.clone()),
        ("organ", h.organ.clone()),
        ("meeting", h.meeting.clone()),
        // English is the default and goes without saying
        (
            "language",
            (r.lang != crate::parse::Lang::En).then(|| format!("{} ({})", r.lang.name(), r.lang)),
        ),
        (
            "encoding",
            r.encoding
                .as_ref()
                .map(|e| format!("{e} (not UTF-8: guessed from its bytes)")),
        ),
        (
            "completeness",
            r.is_partial()
                .then(|| "partial transcription (its comments say so)".to_string()),
        ),
    ];
    for (k, v) in fields {
        if let Some(v) = v {
            info.add_row(vec![theme.dim(k), v]);
        }
    }
    writeln!(out, "{info}")?;
    let mut t = new_table(opts);
    t.set_header(vec![
        Cell::new(theme.strong("clause")),
        Cell::new(theme.strong("lead")),
        Cell::new(theme.strong("text")),
    ]);
    for c in r.clauses() {
        clause_rows(&mut t, c, 0, opts);
    }
    let w = opts.width.max(40);
    t.set_constraints(columns(w, &[14, 18], 1));
    writeln!(out, "{}", table_text(&t))?;
    for f in &r.footnotes {
        let words: Vec<String> = f.text.split_whitespace().map(str::to_owned).collect();
        let mark = format!("{} ", f.mark);
        let text = super::join_wrapped(&mark, &words, " ", w as usize);
        let text = text.strip_prefix(&mark).unwrap_or(&text);
        writeln!(out, "{} {text}", theme.dim(&f.mark))?;
    }
    let counts = [
        format!("{} preambular,", r.preamble.len()),
        format!("{} operative,", r.operative.len()),
        format!("{} annex paragraphs;", r.annex.len()),
        format!("{} clauses in all;", r.clause_count()),
        format!("{} footnotes", r.footnotes.len()),
    ];
    writeln!(out, "{}", super::join_wrapped("", &counts, " ", w as usize))
}
