//! Plain output: one clause per line with inline `[-old-]{+new+}` marks,
//! for pipes, logs and `grep`.

use std::io::{self, Write};

use super::{RenderOptions, Theme, ids, summary_line, visible};
use crate::diff::{Change, Direction, Op, ResolutionDiff, Segment};
use crate::parse::Resolution;

/// Both sides of a word diff inline; a paragraph break of a split or merge shows as ` ¶ `.
pub(crate) fn inline_text(segments: &[Segment], theme: &Theme) -> String {
    crate::diff::inline(segments, |op, t| match op {
        Op::Delete => theme.deleted(t),
        _ => theme.inserted(t),
    })
}

fn describe(r: &Resolution) -> String {
    let mut parts = vec![r.source.clone()];
    parts.extend(r.header.symbol.clone());
    parts.extend(r.header.title.clone());
    parts.join("  ")
}

fn lines(
    out: &mut dyn Write,
    changes: &[&Change],
    d: &ResolutionDiff,
    depth: usize,
    opts: &RenderOptions,
) -> io::Result<()> {
    for c in changes {
        let mut label = c.label();
        if c.loose {
            label.push_str(" (loose)");
        }
        match c.crossing() {
            Some(crate::parse::Part::Preamble) => label.push_str(" to-preamble"),
            Some(_) => label.push_str(" to-operative"),
            None => {}
        }
        if let Some(l) = &c.lead {
            label.push_str(match l.direction() {
                Direction::Softened => " lead↓",
                Direction::Strengthened => " lead↑",
                Direction::Other => " lead≠",
            });
        }
        let amended = super::amendments::label(c, d)
            .map(|a| format!("  {}", opts.theme.note(&format!("← {a}"))))
            .unwrap_or_default();
        if let Some(h) = &c.heading {
            // the section heading over the clause changed: old, then new
            writeln!(
                out,
                "{}§ {:<5} {} → {}",
                "  ".repeat(depth),
                opts.theme.strong(&ids(c)),
                super::heading_side(h, true, &opts.theme),
                super::heading_side(h, false, &opts.theme)
            )?;
        }
        writeln!(
            out,
            "{}{:<7} {}  {}{amended}",
            "  ".repeat(depth),
            label,
            opts.theme.strong(&ids(c)),
            inline_text(&c.segments, &opts.theme)
        )?;
        lines(out, &visible(&c.children, opts), d, depth + 1, opts)?;
    }
    Ok(())
}

/// The comparison as lines.
pub(super) fn diff(
    d: &ResolutionDiff,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let theme = &opts.theme;
    writeln!(
        out,
        "{}",
        theme.strong(&format!("--- old: {}", describe(&d.old)))
    )?;
    writeln!(
        out,
        "{}",
        theme.strong(&format!("+++ new: {}", describe(&d.new)))
    )?;
    if let Some(t) = &d.header.title {
        writeln!(out, "title: {}", inline_text(t, theme))?;
    }
    for s in &d.header.sponsors_removed {
        writeln!(out, "sponsor dropped: {}", theme.deleted(s))?;
    }
    for s in &d.header.sponsors_added {
        writeln!(out, "sponsor added: {}", theme.inserted(s))?;
    }
    writeln!(out)?;
    lines(out, &visible(&d.changes, opts), d, 0, opts)?;
    writeln!(out)?;
    writeln!(out, "{}", summary_line(d, usize::MAX))?;
    for n in &d.notes {
        writeln!(out, "{}", theme.note(&format!("note: {n}")))?;
    }
    for line in super::amendments::footer(d) {
        writeln!(out, "{}", theme.note(&line))?;
    }
    Ok(())
}
