//! Version histories: one row per clause lineage, what happened at each step.

use std::io::{self, Write};

use comfy_table::{Cell, ContentArrangement, Table, presets};
use serde::Serialize;

use super::plain::inline_text;
use super::{Format, RenderOptions};
use crate::diff::Direction;
use crate::history::{History, Lineage};

/// The ids of a lineage across versions: `PP2 → PP1 → PP1`, `· → OP3 → OP2`.
fn chain(l: &Lineage) -> String {
    l.ids
        .iter()
        .map(|i| i.as_deref().unwrap_or("·"))
        .collect::<Vec<_>>()
        .join(" → ")
}

/// What happened to a lineage, one line per step that changed it.
fn events(h: &History, l: &Lineage, opts: &RenderOptions) -> String {
    let theme = &opts.theme;
    let mut lines = Vec::new();
    if let Some(f) = &l.split_from {
        lines.push(theme.note(&format!("split off {f}")));
    }
    if let Some(f) = &l.moved_from {
        lines.push(theme.note(&format!("moved here from {f}")));
    }
    for e in &l.events {
        let to = &h.versions[h.steps[e.step].to].label;
        let c = &e.change;
        let mut head = format!("{}: {}", theme.strong(to), c.label());
        if let Some(lead) = &c.lead {
            let dir = match lead.direction() {
                Direction::Softened => " (softened)",
                Direction::Strengthened => " (strengthened)",
                Direction::Other => "",
            };
            head.push_str(&format!(
                " {}",
                theme.note(&format!(
                    "{} → {}{dir}",
                    lead.old.as_deref().unwrap_or("—"),
                    lead.new.as_deref().unwrap_or("—")
                ))
            ));
        }
        if let Some(h) = &c.heading {
            head.push_str(&format!(
                " § {} → {}",
                super::heading_side(h, true, theme),
                super::heading_side(h, false, theme)
            ));
        }
        let body = if c.kind == crate::align::LinkKind::Unchanged && c.moved {
            theme.dim("(moved, wording kept)")
        } else if c.kind == crate::align::LinkKind::Unchanged && c.heading.is_some() {
            theme.dim("(heading changed, wording kept)")
        } else {
            inline_text(&c.segments, theme)
        };
        let mut line = format!("{head} {body}");
        let subs = c.children.iter().filter(|k| k.is_substantive()).count();
        if subs > 0 {
            line.push_str(&theme.dim(&format!(" [{subs} sub-paragraph(s) changed]")));
        }
        lines.push(line);
    }
    if let Some(m) = &l.merged_into {
        lines.push(theme.note(&format!("merged into {m}")));
    }
    if let Some(m) = &l.moved_to {
        lines.push(theme.note(&format!("moved to {m}")));
    }
    if lines.is_empty() {
        lines.push(theme.dim(&format!("= {}", l.text)));
    }
    lines.join("\n")
}

/// Writes a history.
pub fn render_history(h: &History, opts: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    let shown: Vec<&Lineage> = h
        .lineages
        .iter()
        .filter(|l| !opts.changes_only || l.changed())
        .collect();
    match opts.format {
        Format::Json => {
            #[derive(Serialize)]
            struct View<'a> {
                schema_version: u32,
                versions: &'a [crate::history::Version],
                steps: &'a [crate::history::Step],
                lineages: Vec<&'a Lineage>,
            }
            let view = View {
                schema_version: h.schema_version,
                versions: &h.versions,
                steps: &h.steps,
                lineages: shown,
            };
            super::json::line(out, &view)
        }
        Format::Plain => {
            for (k, v) in h.versions.iter().enumerate() {
                writeln!(out, "v{}: {}  ({})", k + 1, v.label, v.document.source)?;
            }
            writeln!(out)?;
            for l in &shown {
                writeln!(out, "{}", chain(l))?;
                for line in events(h, l, opts).lines() {
                    writeln!(out, "    {line}")?;
                }
            }
            writeln!(out)?;
            steps(h, usize::MAX, out)
        }
        Format::Table => {
            let theme = &opts.theme;
            let mut t = Table::new();
            t.load_style(presets::UTF8_FULL);
            t.set_content_arrangement(ContentArrangement::Dynamic);
            let width = opts.width.max(40);
            t.set_width(width);
            if theme.color() {
                t.enforce_styling();
            } else {
                t.force_no_tty();
            }
            let labels: Vec<&str> = h.versions.iter().map(|v| v.label.as_str()).collect();
            t.set_header(vec![
                Cell::new(theme.strong("clause")),
                Cell::new(theme.strong(&labels.join(" → "))),
            ]);
            let first = shown
                .iter()
                .map(|l| chain(l).chars().count())
                .max()
                .unwrap_or(10)
                .clamp(10, 28) as u16
                + 2;
            for l in &shown {
                t.add_row(vec![theme.strong(&chain(l)), events(h, l, opts)]);
            }
            t.set_constraints(super::table::columns(width, &[first], 1));
            writeln!(out, "{}", super::table::table_text(&t))?;
            steps(h, width as usize, out)
        }
        Format::Html => super::html::history(h, opts, out),
        Format::Markdown => super::markdown::history(h, opts, out),
        Format::Akn => Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            super::AKN_ONE_DRAFT,
        )),
        Format::Docx => Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            super::DOCX_ONE_COMPARISON,
        )),
    }
}

fn steps(h: &History, width: usize, out: &mut dyn Write) -> io::Result<()> {
    for s in &h.steps {
        let prefix = format!(
            "{} → {}: ",
            h.versions[s.from].label, h.versions[s.to].label
        );
        writeln!(
            out,
            "{}",
            super::summary_wrapped(&prefix, &s.summary, width)
        )?;
        for n in &s.notes {
            writeln!(out, "{}", super::note_wrapped(n, width))?;
        }
    }
    Ok(())
}
