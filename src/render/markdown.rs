//! Markdown output (`--format markdown`) for a review ticket or a wiki: the
//! documents, a summary, then one section per changed clause with the
//! inline redline `~~old~~ **new**`.
//!
//! Document text is escaped so that it reads back as the same text in any
//! CommonMark renderer (GitHub's included): `*`, `_`, `` ` ``, `[`, `]`,
//! `<`, `>`, `#`, `|`, `~`, `&` and `\` anywhere, and a `-`, `+`, `=` or
//! `1.` at the start of a line. Marks follow CommonMark's flanking rules; where
//! a mark would sit between a letter and a punctuation mark (`Federation**,
//! in line**`), which CommonMark would not read as a mark, a zero-width space
//! goes inside it.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::{
    FOLD_SPONSORS_ABOVE, HeaderRow, RenderOptions, doc_name, file_name, side_names, summary_line,
    visible,
};
use crate::diff::{Change, Op, ResolutionDiff, Segment};
use crate::parse::Resolution;

/// Zero-width space: lets a mark open or close next to punctuation.
const ZWSP: char = '\u{200B}';

/// Escapes Markdown metacharacters in inline text. `line_start` says
/// whether the text begins a line, where list and heading markers count.
///
/// ```
/// use resdiff::render::markdown::escape;
/// assert_eq!(escape("*not* _emphasis_ [x](y) <b> #1 a|b ~~s~~", false),
///            r"\*not\* \_emphasis\_ \[x\](y) \<b\> \#1 a\|b \~\~s\~\~");
/// assert_eq!(escape("1. Decides", true), r"1\. Decides");
/// assert_eq!(escape("- item", true), r"\- item");
/// ```
pub fn escape(s: &str, line_start: bool) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    if line_start {
        let digits = s.chars().take_while(char::is_ascii_digit).count();
        if digits > 0 && matches!(s[digits..].chars().next(), Some('.' | ')')) {
            out.push_str(&s[..digits]);
            out.push('\\');
            return out + &escape(&s[digits..], false);
        }
        if s.starts_with(['-', '+', '=']) {
            out.push('\\');
        }
    }
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Whether CommonMark counts a character as punctuation next to a mark.
fn punct(c: char) -> bool {
    !c.is_alphanumeric() && !c.is_whitespace() && c != ZWSP
}

/// Inline redline of one change: equal text plain, deleted `~~struck~~`,
/// inserted `**bold**`. The paragraph break joining the clauses of a split
/// or merge becomes a hard line break.
pub(super) fn redline(segments: &[Segment]) -> String {
    let mut out = String::new();
    let mut prev_marked: Option<Op> = None;
    for (k, s) in segments.iter().enumerate() {
        let trimmed = s.text.trim();
        if s.op == Op::Equal || trimmed.is_empty() {
            push_text(&mut out, &s.text);
            prev_marked = None;
            continue;
        }
        let mark = if s.op == Op::Delete { "~~" } else { "**" };
        let lead = &s.text[..s.text.len() - s.text.trim_start().len()];
        let trail = &s.text[s.text.trim_end().len()..];
        push_text(&mut out, lead);
        // a deletion right against an insertion reads as two words, not one
        if lead.is_empty() && prev_marked.is_some_and(|p| p != s.op) {
            out.push(' ');
        }
        let body = {
            let mut b = String::new();
            push_text(&mut b, trimmed);
            b
        };
        let before = out.chars().next_back();
        let after = if trail.is_empty() {
            segments
                .get(k + 1)
                .and_then(|n| n.text.chars().next())
                // the next segment may itself open with a mark
                .map(|c| {
                    if segments[k + 1].op == Op::Equal {
                        c
                    } else {
                        '*'
                    }
                })
        } else {
            trail.chars().next()
        };
        out.push_str(mark);
        // an opening mark after a letter needs a non-punctuation character after it
        if before.is_some_and(|b| !b.is_whitespace() && !punct(b))
            && body.chars().next().is_some_and(punct)
        {
            out.push(ZWSP);
        }
        out.push_str(&body);
        // a closing mark before a letter needs a non-punctuation character before it
        if after.is_some_and(|a| !a.is_whitespace() && !punct(a))
            && body.chars().next_back().is_some_and(punct)
        {
            out.push(ZWSP);
        }
        out.push_str(mark);
        push_text(&mut out, trail);
        prev_marked = if trail.is_empty() { Some(s.op) } else { None };
    }
    out
}

/// Appends escaped text; each `\n` becomes a hard line break, and the
/// following text is escaped as the start of a line.
fn push_text(out: &mut String, text: &str) {
    for (k, piece) in text.split('\n').enumerate() {
        if k > 0 {
            out.push_str("\\\n");
        }
        let at_start = out.is_empty() || out.ends_with('\n');
        out.push_str(&escape(piece, at_start));
    }
}

/// "reworded", "moved", "added", ... with "was PP2" when renumbered.
fn describe(c: &Change) -> String {
    let mut s = super::kind_word(c, true).to_string();
    if c.loose {
        s.push_str(" (loose)");
    }
    if !c.old.is_empty() && !c.new.is_empty() && c.old != c.new {
        let _ = write!(s, ", was {}", c.old.join(" + "));
    }
    if let Some(l) = &c.lead {
        let _ = write!(s, ", {}", super::html::lead_word(l).0);
    }
    if c.heading.is_some() {
        s.push_str(", heading changed");
    }
    s
}

/// The ids a change goes by: the new ones, or the old ones of a dropped clause.
fn title_of(c: &Change) -> String {
    if c.new.is_empty() {
        format!("old {}", c.old.join(" + "))
    } else {
        c.new.join(" + ")
    }
}

fn own_change(c: &Change) -> bool {
    c.has_own_change()
}

fn summary_items(changes: &[&Change], opts: &RenderOptions, out: &mut String) {
    for c in changes {
        if own_change(c) {
            let _ = writeln!(
                out,
                "- {}: {}",
                escape(&title_of(c), false),
                escape(&describe(c), false)
            );
        }
        summary_items(&visible(&c.children, opts), opts, out);
    }
}

fn sections(changes: &[&Change], d: &ResolutionDiff, opts: &RenderOptions, out: &mut String) {
    for c in changes {
        if own_change(c) {
            let _ = writeln!(
                out,
                "### {} ({})\n",
                escape(&title_of(c), false),
                escape(&describe(c), false)
            );
            if let Some(l) = &c.lead {
                let _ = writeln!(
                    out,
                    "Lead words: {} → {}\n",
                    escape(l.old.as_deref().unwrap_or("(none)"), false),
                    escape(l.new.as_deref().unwrap_or("(none)"), false)
                );
            }
            if let Some(h) = &c.heading {
                let side = |t: &Option<String>, mark: &str| match t {
                    Some(t) => format!("{mark}{}{mark}", escape(t, false)),
                    None => "(no heading)".to_string(),
                };
                let _ = writeln!(
                    out,
                    "Section heading: {} → {}\n",
                    side(&h.old, "~~"),
                    side(&h.new, "**")
                );
            }
            if let Some(a) = super::amendments::label(c, d) {
                if c.amendments.is_empty() {
                    out.push_str("Not from any amendment.\n\n");
                } else {
                    let _ = writeln!(out, "Amendment: {}\n", escape(&a, false));
                }
            }
            let line = redline(&c.segments);
            if !line.is_empty() {
                let _ = writeln!(out, "{line}\n");
            }
        }
        sections(&visible(&c.children, opts), d, opts, out);
    }
}

/// The comparison as Markdown.
pub(super) fn diff(
    d: &ResolutionDiff,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut s = String::new();
    let (old, new) = side_names(d, opts);
    let _ = writeln!(s, "# {} → {}\n", escape(&old, false), escape(&new, false));
    s.push_str("| | Old | New |\n|---|---|---|\n");
    let (oh, nh) = (&d.old.header, &d.new.header);
    let cell = |v: Option<&str>| v.map(|v| escape(v, false)).unwrap_or_default();
    let mut row = |name: &str, o: String, n: String| {
        let _ = writeln!(s, "| {name} | {o} | {n} |");
    };
    let sponsors = |r: &Resolution, changed: &[String], m: &str| {
        r.header
            .sponsors
            .iter()
            .map(|x| {
                if changed.contains(x) {
                    format!("{m}{}{m}", escape(x, false))
                } else {
                    escape(x, false)
                }
            })
            .collect::<Vec<_>>()
            .join(super::list_separator(r.lang))
    };
    // a long list that did not change is folded below the table
    let folded = oh.sponsors == nh.sponsors && oh.sponsors.len() > FOLD_SPONSORS_ABOVE;
    for r in super::header_rows(d) {
        match r {
            HeaderRow::Field(name, o, n) => row(name, cell(o), cell(n)),
            HeaderRow::Title(t) => {
                let side =
                    |op: Op| -> Vec<Segment> { t.iter().filter(|x| x.op != op).cloned().collect() };
                row(
                    "Title",
                    redline(&side(Op::Insert)),
                    redline(&side(Op::Delete)),
                )
            }
            HeaderRow::Sponsors if folded => row(
                "Sponsors",
                format!(
                    "{} delegations, the same in both (below)",
                    oh.sponsors.len()
                ),
                String::new(),
            ),
            HeaderRow::Sponsors => row(
                "Sponsors",
                sponsors(&d.old, &d.header.sponsors_removed, "~~"),
                sponsors(&d.new, &d.header.sponsors_added, "**"),
            ),
            HeaderRow::File => row(
                "File",
                escape(file_name(&d.old.source), false),
                escape(file_name(&d.new.source), false),
            ),
        }
    }
    if folded {
        let _ = writeln!(
            s,
            "\n<details><summary>Sponsors ({}, the same in both)</summary>\n\n{}\n\n</details>",
            oh.sponsors.len(),
            escape(&oh.sponsors.join(super::list_separator(d.old.lang)), false)
        );
    }
    let shown = visible(&d.changes, opts);
    let _ = writeln!(s, "\n## Summary\n\n{}\n", summary_line(d, usize::MAX));
    if let Some(line) = super::sponsor_changes(&d.header) {
        let _ = writeln!(s, "{}\n", escape(&line, false));
    }
    let mut items = String::new();
    summary_items(&shown, opts, &mut items);
    if items.is_empty() {
        s.push_str("No clause changed its wording, place or lead words.\n");
    } else {
        s.push_str(&items);
    }
    for n in &d.notes {
        let _ = writeln!(s, "\nNote: {}", escape(n, false));
    }
    let mut body = String::new();
    sections(&shown, d, opts, &mut body);
    if !body.is_empty() {
        let _ = write!(
            s,
            "\n## Changes\n\nDeleted words are ~~struck through~~, inserted words **bold**.\n\n{body}"
        );
    }
    if let Some(a) = &d.attribution {
        s.push_str("\n## Amendments\n\n");
        for (_, line) in super::amendments::instruction_lines(d) {
            let _ = writeln!(s, "- {}", escape(&line, false));
        }
        if a.unexplained.is_empty() {
            s.push_str("\nEvery change is explained by an amendment.\n");
        } else {
            s.push_str("\nChanges not from any amendment:\n\n");
            for u in &a.unexplained {
                let line = super::amendments::unexplained_line(u, d);
                let _ = writeln!(s, "- {}", escape(&line, false));
            }
        }
    }
    let s = s.trim_end().to_string() + "\n";
    out.write_all(s.as_bytes())
}

/// One document as Markdown (`resdiff show --format markdown`).
pub(super) fn resolution(r: &Resolution, out: &mut dyn Write) -> io::Result<()> {
    let mut s = String::new();
    let _ = writeln!(s, "# {}\n", escape(&doc_name(r), false));
    if let Some(t) = &r.header.title {
        let _ = writeln!(s, "{}\n", escape(t, true));
    }
    for c in r.clauses() {
        c.walk(&mut |c| {
            let indent = "  ".repeat(c.id.matches('(').count());
            let _ = writeln!(
                s,
                "{indent}- **{}** {}",
                escape(&c.id, false),
                escape(&c.text, false)
            );
        });
    }
    out.write_all(s.as_bytes())
}

/// A version history in Markdown: one section per clause lineage that
/// changed (or every lineage), with what happened at each step.
pub(super) fn history(
    h: &crate::history::History,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut s = String::new();
    let labels: Vec<String> = h.versions.iter().map(|v| escape(&v.label, false)).collect();
    let _ = writeln!(s, "# History: {}\n", labels.join(" → "));
    for st in &h.steps {
        let _ = writeln!(
            s,
            "- **{} → {}**: {}",
            labels[st.from],
            labels[st.to],
            super::summary_wrapped("", &st.summary, usize::MAX)
        );
    }
    s.push('\n');
    for l in &h.lineages {
        if opts.changes_only && !l.changed() {
            continue;
        }
        let chain: Vec<String> = l
            .ids
            .iter()
            .map(|i| escape(i.as_deref().unwrap_or("·"), false))
            .collect();
        let _ = writeln!(s, "## {}\n", chain.join(" → "));
        if let Some(f) = &l.split_from {
            let _ = writeln!(s, "Split off {}.\n", escape(f, false));
        }
        if let Some(f) = &l.moved_from {
            let _ = writeln!(s, "Moved here from {}.\n", escape(f, false));
        }
        for e in &l.events {
            let to = &labels[h.steps[e.step].to];
            let _ = writeln!(s, "- **{to}**: {}", describe(&e.change));
            let _ = writeln!(s, "\n  {}\n", redline(&e.change.segments));
        }
        if let Some(m) = &l.merged_into {
            let _ = writeln!(s, "Merged into {}.\n", escape(m, false));
        }
        if let Some(m) = &l.moved_to {
            let _ = writeln!(s, "Moved to {}.\n", escape(m, false));
        }
        if l.events.is_empty() && l.split_from.is_none() {
            let _ = writeln!(s, "Unchanged: {}\n", escape(&l.text, false));
        }
    }
    out.write_all(s.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(op: Op, text: &str) -> Segment {
        Segment {
            op,
            text: text.into(),
        }
    }

    #[test]
    fn delete_then_insert_reads_as_two_words() {
        let segs = [
            seg(Op::Delete, "Demands that"),
            seg(Op::Insert, "Calls upon"),
            seg(Op::Equal, " all parties "),
            seg(Op::Insert, "to "),
            seg(Op::Equal, "cease;"),
        ];
        assert_eq!(
            redline(&segs),
            "~~Demands that~~ **Calls upon** all parties **to** cease;"
        );
    }

    #[test]
    fn marks_next_to_punctuation_get_a_zero_width_space() {
        let segs = [
            seg(Op::Equal, "the Russian Federation"),
            seg(Op::Insert, ", in line with the Charter"),
            seg(Op::Equal, "."),
        ];
        assert_eq!(
            redline(&segs),
            "the Russian Federation**\u{200B}, in line with the Charter**."
        );
    }

    #[test]
    fn line_start_markers_are_escaped() {
        assert_eq!(escape("+ 1", true), "\\+ 1");
        assert_eq!(escape("= x", true), "\\= x");
        assert_eq!(escape("12) x", true), "12\\) x");
        assert_eq!(escape("12 x", true), "12 x");
        assert_eq!(escape("- x", false), "- x");
    }
}
