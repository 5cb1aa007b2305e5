//! Batch reports: the pairs of a session ranked by how much changed, and
//! the documents without a counterpart.

use std::io::{self, Write};

use comfy_table::{Cell, CellAlignment, ContentArrangement, Table, presets};

use super::{Format, RenderOptions};
use crate::batch::{Batch, PairReport};

use super::file_name as short;

fn names(p: &PairReport) -> (String, String) {
    let name =
        |sym: &Option<String>, file: &str| sym.clone().unwrap_or_else(|| short(file).to_string());
    (name(&p.symbols.old, &p.old), name(&p.symbols.new, &p.new))
}

fn percent(x: f32) -> String {
    format!("{:.1}%", x * 100.0)
}

/// Writes a batch report.
pub fn render_batch(b: &Batch, opts: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    let theme = &opts.theme;
    match opts.format {
        Format::Json => super::json::line(out, b),
        Format::Plain => {
            writeln!(
                out,
                "old\tnew\ttitle\tkept\treworded\tadded\tdropped\tmoved\tchanged\tsoftened\tstrengthened\tpaired by\told file\tnew file"
            )?;
            for p in &b.pairs {
                let (o, n) = names(p);
                writeln!(
                    out,
                    "{o}\t{n}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{:?}\t{}\t{}",
                    p.title.as_deref().unwrap_or(""),
                    p.kept,
                    p.reworded,
                    p.added,
                    p.dropped,
                    p.moved,
                    percent(p.changed),
                    p.softened,
                    p.strengthened,
                    p.paired_by,
                    p.old,
                    p.new
                )?;
            }
            lists(b, out, usize::MAX)
        }
        Format::Table => {
            let mut t = Table::new();
            t.load_style(presets::UTF8_FULL_CONDENSED);
            t.set_content_arrangement(ContentArrangement::Dynamic);
            t.set_width(opts.width.max(60));
            if theme.color() {
                t.enforce_styling();
            } else {
                t.force_no_tty();
            }
            // one wide column (the pair: symbols, title, files) and narrow
            // columns of figures under headings of a word or two a line,
            // so that at 100 columns no word is broken; narrower, the clause
            // counts share one column, each with its word
            let compact = opts.width < 100;
            let head: &[&str] = if compact {
                &["pair", "clauses", "changed", "lead\n↓/↑", "paired\nby"]
            } else {
                &[
                    "pair",
                    "kept",
                    "reworded",
                    "added",
                    "dropped",
                    "moved",
                    "changed",
                    "lead\n↓/↑",
                    "paired\nby",
                ]
            };
            t.set_header(
                head.iter()
                    .map(|h| Cell::new(theme.strong(h)))
                    .collect::<Vec<_>>(),
            );
            for p in &b.pairs {
                let (o, n) = names(p);
                let mut pair = if o == n { n } else { format!("{o} → {n}") };
                if let Some(title) = &p.title {
                    pair.push('\n');
                    pair.push_str(title);
                }
                // the files, which the symbols alone do not name
                let (fo, fn_) = (short(&p.old), short(&p.new));
                pair.push('\n');
                pair.push_str(&theme.dim(&format!("{fo} → {fn_}")));
                let num = |x: usize| Cell::new(x).set_alignment(CellAlignment::Right);
                let counts = [
                    ("kept", p.kept),
                    ("reworded", p.reworded),
                    ("added", p.added),
                    ("dropped", p.dropped),
                    ("moved", p.moved),
                ];
                let mut row = vec![Cell::new(pair)];
                if compact {
                    let lines: Vec<String> = counts
                        .iter()
                        .filter(|(_, n)| *n > 0)
                        .map(|(w, n)| format!("{w} {n}"))
                        .collect();
                    row.push(Cell::new(lines.join("\n")));
                } else {
                    row.extend(counts.iter().map(|&(_, n)| num(n)));
                }
                row.extend([
                    Cell::new(percent(p.changed)).set_alignment(CellAlignment::Right),
                    Cell::new(format!("{}/{}", p.softened, p.strengthened))
                        .set_alignment(CellAlignment::Right),
                    Cell::new(format!("{:?}", p.paired_by).to_lowercase()),
                ]);
                t.add_row(row);
            }
            writeln!(out, "{}", super::table::table_text(&t))?;
            lists(b, out, opts.width.max(60) as usize)
        }
        Format::Html | Format::Markdown | Format::Akn | Format::Docx => Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "a batch report is a table, plain text or JSON; --out DIR writes an HTML report per pair",
        )),
    }
}

/// The documents without a pair, the skipped files, the notes (wrapped at
/// `width`) and the counts.
fn lists(b: &Batch, out: &mut dyn Write, width: usize) -> io::Result<()> {
    for (what, list) in [("new", &b.new_documents), ("discontinued", &b.discontinued)] {
        for u in list {
            writeln!(
                out,
                "{what}: {}  {}  {}",
                short(&u.file),
                u.symbol.as_deref().unwrap_or(""),
                u.title.as_deref().unwrap_or("")
            )?;
        }
    }
    for s in &b.skipped {
        writeln!(out, "skipped: {}", s.problem)?;
    }
    let mut notes: Vec<&str> = b
        .pairs
        .iter()
        .flat_map(|p| &p.notes)
        .map(String::as_str)
        .collect();
    notes.sort_unstable();
    notes.dedup();
    for n in notes {
        writeln!(out, "{}", super::note_wrapped(n, width))?;
    }
    let differing = b.pairs.iter().filter(|p| p.differs).count();
    writeln!(
        out,
        "{} pairs ({} with changes) · {} new · {} discontinued · {} skipped",
        b.pairs.len(),
        differing,
        b.new_documents.len(),
        b.discontinued.len(),
        b.skipped.len()
    )
}

/// A self-contained index page for a batch written with `--out`: the
/// ranked pairs, each linked to its HTML and JSON reports (`links`: pair
/// and file name without extension).
pub fn batch_index(b: &Batch, links: &[(&PairReport, String)]) -> String {
    let mut rows = String::new();
    for (p, file) in links {
        let (o, n) = names(p);
        rows.push_str(&format!(
            "<tr><td><a href=\"{}.html\">{} → {}</a> <small>(<a href=\"{}.json\">JSON</a>)</small></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}/{}</td></tr>\n",
            super::html::escape(file),
            super::html::escape(&o),
            super::html::escape(&n),
            super::html::escape(file),
            super::html::escape(p.title.as_deref().unwrap_or("")),
            p.kept,
            p.reworded,
            p.added,
            p.dropped,
            p.moved,
            percent(p.changed),
            p.softened,
            p.strengthened
        ));
    }
    let mut extra = String::new();
    for (what, list) in [
        ("New documents", &b.new_documents),
        ("Discontinued documents", &b.discontinued),
    ] {
        if !list.is_empty() {
            extra.push_str(&format!("<h2>{what}</h2><ul>"));
            for u in list {
                extra.push_str(&format!(
                    "<li>{} {} {}</li>",
                    super::html::escape(short(&u.file)),
                    super::html::escape(u.symbol.as_deref().unwrap_or("")),
                    super::html::escape(u.title.as_deref().unwrap_or(""))
                ));
            }
            extra.push_str("</ul>");
        }
    }
    if !b.skipped.is_empty() {
        extra.push_str("<h2>Skipped files</h2><ul>");
        for s in &b.skipped {
            extra.push_str(&format!("<li>{}</li>", super::html::escape(&s.problem)));
        }
        extra.push_str("</ul>");
    }
    format!(
        r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>resdiff batch report</title>
<style>
body{{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:75rem;padding:0 1rem;color:#1b1b1b;background:#fff}}
table{{border-collapse:collapse;width:100%}}th,td{{border-bottom:1px solid #ccc;padding:.35rem .5rem;text-align:left;vertical-align:top}}
td:nth-child(n+3){{text-align:right;font-variant-numeric:tabular-nums}}a{{color:#0b4f9c}}
@media (prefers-color-scheme:dark){{body{{background:#121212;color:#e8e8e8}}a{{color:#8ab8ff}}th,td{{border-color:#444}}}}
</style></head><body><main>
<h1>resdiff batch report</h1>
<p>{} pairs, most changed first.</p>
<table><thead><tr><th scope="col">old → new</th><th scope="col">title</th><th scope="col">kept</th><th scope="col">reworded</th><th scope="col">added</th><th scope="col">dropped</th><th scope="col">moved</th><th scope="col">words changed</th><th scope="col">lead ↓/↑</th></tr></thead>
<tbody>
{rows}</tbody></table>
{extra}
</main></body></html>
"#,
        b.pairs.len()
    )
}
