//! The clause matrix of rival drafts (`resdiff rivals`) as a table, plain
//! text, JSON, HTML and Markdown. Plain data in ([`Rivals`]), bytes out.

use std::fmt::Write as _;
use std::io::{self, Write};

use comfy_table::Cell as TableCell;
use serde::Serialize;

use super::style::LabelKind;
use super::{Format, RenderOptions, Theme, join_wrapped};
use crate::diff::{Op, Segment};
use crate::parse::Part;
use crate::rivals::{Cell, Reference, Rivals, Row};

/// Writes the matrix in the chosen format.
pub fn render_rivals(m: &Rivals, opts: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    match opts.format {
        Format::Table => table(m, opts, out),
        Format::Plain => plain(m, opts, out),
        Format::Json => json(m, opts, out),
        Format::Html => html(m, opts, out),
        Format::Markdown => markdown(m, opts, out),
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

/// The rows shown: all, or with `--changes-only` those in dispute, each
/// with its number in the whole matrix (1-based).
fn shown<'a>(m: &'a Rivals, opts: &RenderOptions) -> Vec<(usize, &'a Row)> {
    m.rows
        .iter()
        .enumerate()
        .filter(|(_, r)| !opts.changes_only || !r.agree())
        .map(|(k, r)| (k + 1, r))
        .collect()
}

/// "1 row where all agree", "3 rows where all agree".
fn agreeing_rows(n: usize) -> String {
    if n == 1 {
        "1 row where all drafts agree".to_string()
    } else {
        format!("{n} rows where all drafts agree")
    }
}

fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// `A`, `A and B`, `A, B and C`.
fn and_list(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Who agrees with whom in a row: "L.10 and ES-11/8 agree; L.11 differs;
/// S/RES/2774 has no such clause", or "all agree", or "only in L.11".
pub fn agreement(m: &Rivals, r: &Row) -> String {
    let name = |k: usize| m.drafts[k].label.as_str();
    let present: Vec<usize> = r.present().collect();
    if r.agree() {
        return "all agree".to_string();
    }
    if let [one] = present.as_slice() {
        return format!("only in {}", name(*one));
    }
    let mut parts = Vec::new();
    let alone: Vec<&str> = r
        .groups
        .iter()
        .filter(|g| g.len() == 1)
        .map(|g| name(g[0]))
        .collect();
    for g in r.groups.iter().filter(|g| g.len() > 1) {
        let names: Vec<&str> = g.iter().map(|&k| name(k)).collect();
        parts.push(format!("{} agree", and_list(&names)));
    }
    if r.groups.len() > 1 && !alone.is_empty() {
        let verb = if alone.len() == 1 {
            "differs"
        } else {
            "differ"
        };
        parts.push(format!("{} {verb}", and_list(&alone)));
    }
    let missing: Vec<&str> = (0..m.drafts.len())
        .filter(|k| r.cells[*k].is_none())
        .map(name)
        .collect();
    if !missing.is_empty() {
        let verb = if missing.len() == 1 { "has" } else { "have" };
        parts.push(format!("{} {verb} no such clause", and_list(&missing)));
    }
    parts.join("; ")
}

/// The row's name: its number and the base's clause id, else the first
/// draft's that has it.
fn row_name(m: &Rivals, k: usize, r: &Row) -> String {
    match r.cells[m.base].as_ref() {
        Some(c) => format!("#{k} {}", c.id),
        None => {
            let q = r.present().next().unwrap_or(0);
            let id = r.cells[q].as_ref().map_or("", |c| c.id.as_str());
            format!("#{k} {} {id}", m.drafts[q].label)
        }
    }
}

/// The short state of a row and its colour family.
fn status(m: &Rivals, r: &Row) -> (String, LabelKind) {
    let present = r.present().count();
    if r.agree() {
        ("= all agree".to_string(), LabelKind::Same)
    } else if present == 1 {
        let k = r.present().next().unwrap_or(0);
        (format!("+ only in {}", m.drafts[k].label), LabelKind::Added)
    } else if r.groups.len() > 1 {
        (format!("~ {} wordings", r.groups.len()), LabelKind::Changed)
    } else {
        (
            format!("- {present} of {} have it", m.drafts.len()),
            LabelKind::Dropped,
        )
    }
}

/// Whether the leads of the drafts that have the clause differ.
fn leads_differ(r: &Row) -> bool {
    let leads: Vec<Option<String>> = r
        .cells
        .iter()
        .flatten()
        .map(|c| c.lead.as_deref().map(crate::parse::base_lead))
        .collect();
    leads.windows(2).any(|w| w[0] != w[1])
}

/// The leads across a row: `Demands | Calls upon | —`.
pub fn lead_line(r: &Row) -> String {
    r.cells
        .iter()
        .map(|c| match c {
            Some(c) => c.lead.clone().unwrap_or_else(|| "(no lead)".to_string()),
            None => "—".to_string(),
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

/// The lead of a cell with `↓` or `↑` when it is weaker or stronger than
/// the reference's on the conventions' scale.
fn lead_of(r: &Row, c: &Cell) -> Option<String> {
    let lead = c.lead.as_ref()?;
    let reference = r.cells[r.reference].as_ref().and_then(|c| c.strength);
    let arrow = match (c.strength, reference) {
        (Some(a), Some(b)) if a < b => " ↓",
        (Some(a), Some(b)) if a > b => " ↑",
        _ => "",
    };
    Some(format!("{lead}{arrow}"))
}

/// Whether a cell reads as the reference does.
fn is_reference(r: &Row, k: usize) -> bool {
    r.groups
        .iter()
        .any(|g| g.contains(&r.reference) && g.contains(&k))
}

/// A cell's text for the terminal: the text, or its word diff against the
/// reference (`[-old-]{+new+}` without colour).
fn cell_text(c: &Cell, theme: &Theme) -> String {
    // a deletion right against an insertion gets a space between them, so
    // that struck and underlined words do not run together
    let mut segs = c.segments.clone();
    for k in 1..segs.len() {
        if segs[k - 1].op == Op::Delete
            && segs[k].op == Op::Insert
            && !segs[k - 1].text.ends_with(char::is_whitespace)
            && !segs[k].text.starts_with(char::is_whitespace)
        {
            segs[k - 1].text.push(' ');
        }
    }
    super::plain::inline_text(&segs, theme)
}

/// The summary lines: the set, then each draft.
fn summary_lines(m: &Rivals, opts: &RenderOptions, width: usize) -> Vec<String> {
    let s = &m.summary;
    let mut lines = vec![join_wrapped(
        "",
        &[
            format!("rows {}", s.rows),
            format!("all agree {}", s.agreed),
            format!("in dispute {}", s.disputed),
            format!("worded differently {}", s.worded_differently),
            format!("missing from some {}", s.missing_from_some),
        ],
        " · ",
        width,
    )];
    for (d, ds) in m.drafts.iter().zip(&s.drafts) {
        // wrapped on the plain name, which is then made bold: escape
        // sequences take no columns
        let prefix = format!("{}: ", d.label);
        let line = join_wrapped(
            &prefix,
            &[
                format!("{} clauses", ds.clauses),
                format!("shared with all {}", ds.with_all),
                format!("with some {}", ds.with_some),
                format!("alone {}", ds.alone),
                format!("same wording as all {}", ds.same_wording_as_all),
            ],
            " · ",
            width,
        );
        let rest = &line[prefix.len()..];
        lines.push(format!("{}: {rest}", opts.theme.strong(&d.label)));
    }
    lines
}

/// The footer of the terminal formats: rows hidden, summary, notes.
fn footer(m: &Rivals, opts: &RenderOptions, hidden: usize, out: &mut dyn Write) -> io::Result<()> {
    let theme = &opts.theme;
    if hidden > 0 {
        writeln!(
            out,
            "{}",
            theme.dim(&format!("({} not shown)", agreeing_rows(hidden)))
        )?;
    }
    for l in summary_lines(m, opts, opts.width as usize) {
        writeln!(out, "{l}")?;
    }
    for n in &m.notes {
        writeln!(out, "{}", theme.note(&format!("note: {n}")))?;
    }
    Ok(())
}

/// Columns of text a draft needs for the table to put the drafts side by side.
const MIN_DRAFT_COLUMNS: u16 = 36;
/// Width of the row column of the side-by-side table.
const ROW_COLUMN: u16 = 18;

/// Whether the drafts fit side by side in `width` columns: four at 200.
pub fn side_by_side(drafts: usize, width: u16) -> bool {
    let n = drafts.max(1) as u16;
    let borders = n + 2;
    width.saturating_sub(ROW_COLUMN + borders) / n >= MIN_DRAFT_COLUMNS
}

/// A cell for the terminal: its id and lead on the first line, then its text.
fn cell_block(r: &Row, k: usize, opts: &RenderOptions) -> String {
    let theme = &opts.theme;
    match &r.cells[k] {
        None => theme.dim("—"),
        Some(c) => {
            let mut head = theme.strong(&c.id);
            if let Some(l) = lead_of(r, c) {
                head.push_str(" · ");
                head.push_str(&theme.note(&l));
            }
            if !is_reference(r, k) {
                head.push_str(&theme.dim(" · differs"));
            }
            format!("{head}\n{}", cell_text(c, theme))
        }
    }
}

/// The cell of a group of drafts worded alike: their ids, the lead, and
/// the text (or its diff against the reference) once.
fn group_block(r: &Row, g: &[usize], opts: &RenderOptions) -> String {
    let theme = &opts.theme;
    let cells: Vec<&Cell> = g.iter().filter_map(|&q| r.cells[q].as_ref()).collect();
    let Some(first) = cells.first() else {
        return String::new();
    };
    let ids: Vec<&str> = cells.iter().map(|c| c.id.as_str()).collect();
    let mut head = theme.strong(&ids.join(" / "));
    if let Some(l) = lead_of(r, first) {
        head.push_str(" · ");
        head.push_str(&theme.note(&l));
    }
    if !is_reference(r, g[0]) {
        head.push_str(&theme.dim(" · differs"));
    }
    format!("{head}\n{}", cell_text(first, theme))
}

fn table(m: &Rivals, opts: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    let theme = &opts.theme;
    let rows = shown(m, opts);
    let width = opts.width.max(40);
    let part_line = |p: Part| {
        theme.strong(match p {
            Part::Preamble => "Preamble",
            Part::Operative => "Operative part",
            Part::Annex => "Annex",
        })
    };
    if side_by_side(m.drafts.len(), width) {
        let mut t = super::table::new_table(opts);
        let mut header = vec![TableCell::new("")];
        for d in &m.drafts {
            header.push(TableCell::new(theme.strong(&d.label)));
        }
        t.set_header(header);
        let mut part = None;
        for (k, r) in &rows {
            if part != Some(r.part) {
                part = Some(r.part);
                let mut line = vec![part_line(r.part)];
                line.extend(m.drafts.iter().map(|_| String::new()));
                t.add_row(line);
            }
            let (word, kind) = status(m, r);
            let mut label = format!(
                "{}\n{}",
                theme.strong(&row_name(m, *k, r)),
                theme.label(&word, kind)
            );
            // the status says all when all agree, or only one draft has it
            if !r.agree() && r.present().count() > 1 {
                label.push_str(&format!("\n{}", theme.dim(&agreement(m, r))));
            }
            if leads_differ(r) {
                label.push_str(&format!("\n{}", theme.note("lead ≠")));
            }
            let mut line = vec![label];
            line.extend((0..m.drafts.len()).map(|q| cell_block(r, q, opts)));
            t.add_row(line);
        }
        t.set_constraints(super::table::columns(
            width,
            &[ROW_COLUMN],
            m.drafts.len() as u16,
        ));
        writeln!(out, "{}", super::table::table_text(&t))?;
    } else {
        // one block per row: a heading line, then one line per draft
        let name_width = m
            .drafts
            .iter()
            .map(|d| d.label.chars().count() + 2)
            .max()
            .unwrap_or(8)
            .clamp(8, 24) as u16;
        let mut part = None;
        for (k, r) in &rows {
            if part != Some(r.part) {
                part = Some(r.part);
                writeln!(out, "{}\n", part_line(r.part))?;
            }
            row_heading(m, *k, r, theme, "", out)?;
            // one line per wording: the drafts that share it, their ids,
            // the text once; the drafts without the clause are named in
            // the heading line
            let mut t = super::table::new_table(opts);
            for g in &r.groups {
                let names: Vec<String> = g
                    .iter()
                    .map(|&q| theme.strong(&m.drafts[q].label))
                    .collect();
                t.add_row(vec![
                    TableCell::new(names.join("\n")),
                    TableCell::new(group_block(r, g, opts)),
                ]);
            }
            t.set_constraints(super::table::columns(width, &[name_width], 1));
            writeln!(out, "{t}\n")?;
        }
    }
    footer(m, opts, m.rows.len() - rows.len(), out)
}

/// A row's heading in the block table and in plain text: its name and how
/// the drafts agree, then the leads when they differ (indented by `indent`).
fn row_heading(
    m: &Rivals,
    k: usize,
    r: &Row,
    theme: &Theme,
    indent: &str,
    out: &mut dyn Write,
) -> io::Result<()> {
    let (_, kind) = status(m, r);
    writeln!(
        out,
        "{}  {}",
        theme.strong(&row_name(m, k, r)),
        theme.label(&agreement(m, r), kind)
    )?;
    if leads_differ(r) {
        writeln!(
            out,
            "{indent}{}",
            theme.note(&format!("leads: {}", lead_line(r)))
        )?;
    }
    Ok(())
}

fn plain(m: &Rivals, opts: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    let theme = &opts.theme;
    for (k, d) in m.drafts.iter().enumerate() {
        let base = if k == m.base { " (base)" } else { "" };
        writeln!(
            out,
            "{} {}{base}: {}{}",
            if k == 0 { "drafts:" } else { "       " },
            theme.strong(&d.label),
            d.source,
            d.title
                .as_deref()
                .map(|t| format!("  {t}"))
                .unwrap_or_default()
        )?;
    }
    writeln!(out)?;
    let rows = shown(m, opts);
    let pad = m
        .drafts
        .iter()
        .map(|d| d.label.chars().count())
        .max()
        .unwrap_or(0);
    for (k, r) in &rows {
        row_heading(m, *k, r, theme, "  ", out)?;
        for (q, d) in m.drafts.iter().enumerate() {
            let name = format!("{:pad$}", d.label);
            // the drafts without the clause are named in the heading line
            match &r.cells[q] {
                None => {}
                Some(c) => {
                    let mark = if is_reference(r, q) { "=" } else { "~" };
                    writeln!(
                        out,
                        "  {}  {mark} {:5} {}",
                        theme.strong(&name),
                        c.id,
                        cell_text(c, theme)
                    )?
                }
            }
        }
        writeln!(out)?;
    }
    footer(m, opts, m.rows.len() - rows.len(), out)
}

/// What `--format json` writes: the matrix, with `--changes-only` the rows
/// in dispute only (the summary counts all).
#[derive(Serialize)]
struct View<'a> {
    schema_version: u32,
    drafts: &'a [crate::rivals::Draft],
    base: usize,
    reference: Reference,
    rows: Vec<&'a Row>,
    summary: &'a crate::rivals::Summary,
    notes: &'a [String],
}

fn json(m: &Rivals, opts: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    let view = View {
        schema_version: m.schema_version,
        drafts: &m.drafts,
        base: m.base,
        reference: m.reference,
        rows: shown(m, opts).into_iter().map(|(_, r)| r).collect(),
        summary: &m.summary,
        notes: &m.notes,
    };
    serde_json::to_writer(&mut *out, &view).map_err(io::Error::other)?;
    writeln!(out)
}

/// The extra CSS of the matrix page: a sticky header, the marks of
/// differing cells, and the toggle that hides rows where all agree
/// (a checkbox and a sibling selector: no script).
const HTML_CSS: &str = ".wrap.wide{max-width:120rem}
.rivals col.c-label{width:10rem}
.rivals thead th{position:sticky;top:0;z-index:1;background:var(--head-bg);box-shadow:0 1px 0 var(--border)}
.rivals td.differs{box-shadow:inset 3px 0 0 var(--changed)}
.rivals .cell-head{display:block;font-size:.875rem;margin-bottom:.2rem}
.rivals .agreement{display:block;font-size:.875rem;color:var(--muted)}
.rivals .lead{display:inline;margin-left:.35rem}
.toggle{margin:.5rem .4rem .75rem 0}
#hide-agreed:checked~table tr.agree{display:none}
.counts td,.counts th{text-align:right}
.counts td:first-child,.counts th:first-child{text-align:left}
.scroll{overflow-x:auto}
@media (max-width:700px){.counts th,.counts td{padding:.3rem .4rem;font-size:.875rem}}
@media print{.toggle,.toggle+label{display:none}.rivals thead th{position:static}}
";

/// One cell as HTML: id and lead, then the text with the word diff
/// against the reference inline (`<del>` the reference's words, `<ins>` this draft's).
fn html_cell(m: &Rivals, r: &Row, k: usize) -> String {
    use super::html::escape;
    let name = escape(&m.drafts[k].label);
    match &r.cells[k] {
        None => format!(
            "<td class=\"empty\"><span aria-hidden=\"true\">—</span><span class=\"vh\">not in {name}</span></td>"
        ),
        Some(c) => {
            let differs = !is_reference(r, k);
            let mut s = format!(
                "<td{}><span class=\"side\">{name}</span><span class=\"cell-head\"><span class=\"id\">{}</span>",
                if differs { " class=\"differs\"" } else { "" },
                escape(&c.id)
            );
            if let Some(l) = lead_of(r, c) {
                let _ = write!(s, "<span class=\"lead\">{}</span>", escape(&l));
            }
            if differs {
                s.push_str("<span class=\"vh\"> (differs)</span>");
            }
            s.push_str("</span>");
            s.push_str(&html_segments(&c.segments));
            s.push_str("</td>");
            s
        }
    }
}

/// Segments inline: equal text, `<del>` and `<ins>`, spaces outside the marks.
fn html_segments(segs: &[Segment]) -> String {
    use super::html::escape;
    let mut s = String::new();
    for seg in segs {
        let trimmed = seg.text.trim();
        let tag = match seg.op {
            Op::Equal => None,
            Op::Delete => Some("del"),
            Op::Insert => Some("ins"),
        };
        match tag {
            Some(tag) if !trimmed.is_empty() => {
                let lead = &seg.text[..seg.text.len() - seg.text.trim_start().len()];
                let trail = &seg.text[seg.text.trim_end().len()..];
                let _ = write!(
                    s,
                    "{}<{tag}>{}</{tag}>{}",
                    escape(lead),
                    escape(trimmed),
                    escape(trail)
                );
            }
            _ => s.push_str(&escape(&seg.text)),
        }
    }
    s
}

fn html(m: &Rivals, opts: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    use super::html::escape;
    let names: Vec<&str> = m.drafts.iter().map(|d| d.label.as_str()).collect();
    let title = format!("Rival drafts: {}", names.join(" · "));
    let mut b = String::new();
    b.push_str("<a class=\"skip\" href=\"#matrix\">Skip to the clauses</a>\n");
    b.push_str("<div class=\"wrap wide\">\n<header>\n");
    let _ = writeln!(b, "<h1>{}</h1>", escape(&title));
    b.push_str("<table class=\"docs\">\n<caption class=\"vh\">The drafts</caption>\n");
    b.push_str("<thead><tr><th scope=\"col\">Column</th><th scope=\"col\">Symbol</th><th scope=\"col\">Title</th><th scope=\"col\">File</th></tr></thead>\n<tbody>\n");
    for (k, d) in m.drafts.iter().enumerate() {
        let base = if k == m.base { " (base)" } else { "" };
        let _ = writeln!(
            b,
            "<tr><th scope=\"row\">{}{base}</th><td><span class=\"side\">Symbol</span>{}</td><td><span class=\"side\">Title</span>{}</td><td><span class=\"side\">File</span>{}</td></tr>",
            escape(&d.label),
            escape(d.symbol.as_deref().unwrap_or("—")),
            escape(d.title.as_deref().unwrap_or("—")),
            escape(super::file_name(&d.source))
        );
    }
    b.push_str("</tbody>\n</table>\n</header>\n");
    // the summary
    let s = &m.summary;
    b.push_str(
        "<nav class=\"changes\" aria-labelledby=\"summary\">\n<h2 id=\"summary\">Summary</h2>\n",
    );
    let _ = writeln!(
        b,
        "<p>{} rows: all drafts agree on {}, {} in dispute ({} worded differently, {} missing from some draft).</p>",
        s.rows, s.agreed, s.disputed, s.worded_differently, s.missing_from_some
    );
    b.push_str("<div class=\"scroll\"><table class=\"counts\">\n<caption class=\"vh\">What each draft shares</caption>\n<thead><tr><th scope=\"col\">Draft</th><th scope=\"col\">Clauses</th><th scope=\"col\">Shared with all</th><th scope=\"col\">With some</th><th scope=\"col\">Alone</th><th scope=\"col\">Same wording as all</th></tr></thead>\n<tbody>\n");
    for (d, ds) in m.drafts.iter().zip(&s.drafts) {
        let _ = writeln!(
            b,
            "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&d.label),
            ds.clauses,
            ds.with_all,
            ds.with_some,
            ds.alone,
            ds.same_wording_as_all
        );
    }
    b.push_str("</tbody>\n</table></div>\n");
    for n in &m.notes {
        let _ = writeln!(b, "<p class=\"note\">Note: {}</p>", escape(n));
    }
    b.push_str("</nav>\n");
    // the matrix
    let rows = shown(m, opts);
    b.push_str("<main id=\"matrix\">\n<h2>Clauses side by side</h2>\n");
    let reference = match m.reference {
        Reference::Base => "the base's wording",
        Reference::MostCommon => "the wording most drafts share",
    };
    let _ = writeln!(
        b,
        "<p class=\"note\">One row per group of corresponding clauses, paired by content. A cell marked at its left edge differs from {reference}: the words it lacks are struck through, the words it adds underlined.</p>"
    );
    let agreeing = rows.iter().filter(|(_, r)| r.agree()).count();
    if agreeing > 0 {
        let _ = writeln!(
            b,
            "<input type=\"checkbox\" id=\"hide-agreed\" class=\"toggle\"><label for=\"hide-agreed\">Hide the {}</label>",
            agreeing_rows(agreeing)
        );
    }
    b.push_str("<table class=\"clauses rivals\">\n");
    let _ = writeln!(
        b,
        "<caption class=\"vh\">Clauses of {}, one column per draft</caption>",
        escape(&and_list(&names))
    );
    b.push_str("<colgroup><col class=\"c-label\">");
    for _ in &m.drafts {
        b.push_str("<col>");
    }
    b.push_str("</colgroup>\n<thead><tr><th scope=\"col\">Row</th>");
    for d in &m.drafts {
        let _ = write!(b, "<th scope=\"col\">{}</th>", escape(&d.label));
    }
    b.push_str("</tr></thead>\n");
    let mut part = None;
    for (k, r) in &rows {
        if part != Some(r.part) {
            if part.is_some() {
                b.push_str("</tbody>\n");
            }
            part = Some(r.part);
            let _ = writeln!(
                b,
                "<tbody>\n<tr class=\"part\"><th colspan=\"{}\" scope=\"colgroup\">{}</th></tr>",
                m.drafts.len() + 1,
                match r.part {
                    Part::Preamble => "Preambular paragraphs",
                    Part::Operative => "Operative paragraphs",
                    Part::Annex => "Annex",
                }
            );
        }
        let (word, kind) = status(m, r);
        let class = match kind {
            LabelKind::Same => "k-kept",
            LabelKind::Added => "k-added",
            LabelKind::Dropped => "k-dropped",
            _ => "k-changed",
        };
        let _ = write!(
            b,
            "<tr id=\"row-{k}\" class=\"{}\"><th scope=\"row\"><span class=\"id\">{}</span><span class=\"kind {class}\">{}</span><span class=\"agreement\">{}</span>",
            if r.agree() { "agree" } else { "dispute" },
            escape(&row_name(m, *k, r)),
            escape(&word[2..]),
            if r.agree() || r.present().count() < 2 {
                String::new()
            } else {
                escape(&agreement(m, r))
            }
        );
        if leads_differ(r) {
            let _ = write!(
                b,
                "<span class=\"lead\">lead words differ</span><span class=\"lead-words\">{}</span>",
                escape(&lead_line(r))
            );
        }
        b.push_str("</th>");
        for q in 0..m.drafts.len() {
            b.push_str(&html_cell(m, r, q));
        }
        b.push_str("</tr>\n");
    }
    if part.is_some() {
        b.push_str("</tbody>\n");
    }
    b.push_str("</table>\n");
    if rows.len() < m.rows.len() {
        let _ = writeln!(
            b,
            "<p class=\"note\">{} not shown.</p>",
            upper_first(&agreeing_rows(m.rows.len() - rows.len()))
        );
    }
    b.push_str("</main>\n");
    let files: Vec<String> = m
        .drafts
        .iter()
        .map(|d| escape(super::file_name(&d.source)))
        .collect();
    let files: Vec<&str> = files.iter().map(String::as_str).collect();
    let _ = writeln!(
        b,
        "<footer><p>Made by resdiff {} from {}.</p></footer>\n</div>",
        env!("CARGO_PKG_VERSION"),
        and_list(&files)
    );
    out.write_all(super::html::page_with_css(&title, HTML_CSS, &b).as_bytes())
}

fn markdown(m: &Rivals, opts: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    use super::markdown::{escape, redline};
    let names: Vec<&str> = m.drafts.iter().map(|d| d.label.as_str()).collect();
    let mut s = String::new();
    let _ = writeln!(s, "# Rival drafts: {}\n", escape(&names.join(" · "), false));
    s.push_str("| Column | Symbol | Title | File |\n|---|---|---|---|\n");
    for (k, d) in m.drafts.iter().enumerate() {
        let base = if k == m.base { " (base)" } else { "" };
        let _ = writeln!(
            s,
            "| {}{base} | {} | {} | {} |",
            escape(&d.label, false),
            escape(d.symbol.as_deref().unwrap_or("—"), false),
            escape(d.title.as_deref().unwrap_or("—"), false),
            escape(super::file_name(&d.source), false)
        );
    }
    let sm = &m.summary;
    let _ = writeln!(
        s,
        "\n## Summary\n\n- {} rows: all drafts agree on {}, {} in dispute ({} worded differently, {} missing from some draft)",
        sm.rows, sm.agreed, sm.disputed, sm.worded_differently, sm.missing_from_some
    );
    for (d, ds) in m.drafts.iter().zip(&sm.drafts) {
        let _ = writeln!(
            s,
            "- **{}**: {} clauses; shared with all {}, with some {}, alone {}; same wording as all {}",
            escape(&d.label, false),
            ds.clauses,
            ds.with_all,
            ds.with_some,
            ds.alone,
            ds.same_wording_as_all
        );
    }
    for n in &m.notes {
        let _ = writeln!(s, "- Note: {}", escape(n, false));
    }
    let rows = shown(m, opts);
    s.push_str("\n## Clauses\n\nDeleted words (~~struck~~) are the reference wording's, inserted words (**bold**) the draft's own.\n\n");
    let _ = write!(s, "| Row |");
    for n in &names {
        let _ = write!(s, " {} |", escape(n, false));
    }
    s.push_str("\n|---|");
    for _ in &names {
        s.push_str("---|");
    }
    s.push('\n');
    for (k, r) in &rows {
        let _ = write!(
            s,
            "| {}<br>{} |",
            escape(&row_name(m, *k, r), false),
            escape(&agreement(m, r), false)
        );
        for q in 0..m.drafts.len() {
            match &r.cells[q] {
                None => s.push_str(" — |"),
                Some(c) => {
                    let lead = lead_of(r, c)
                        .map(|l| format!(" · _{}_", escape(&l, false)))
                        .unwrap_or_default();
                    // a table cell is one line: breaks become spaces
                    let text = redline(&c.segments).replace("\\\n", " ");
                    let _ = write!(s, " **{}**{lead}<br>{text} |", escape(&c.id, false));
                }
            }
        }
        s.push('\n');
    }
    if rows.len() < m.rows.len() {
        let _ = writeln!(
            s,
            "\n{} not shown.",
            upper_first(&agreeing_rows(m.rows.len() - rows.len()))
        );
    }
    out.write_all(s.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn four_drafts_fit_side_by_side_at_200_columns_not_five() {
        assert!(side_by_side(4, 200));
        assert!(!side_by_side(5, 200));
        assert!(!side_by_side(3, 80));
        assert!(side_by_side(2, 100));
    }

    #[test]
    fn names_are_listed_as_in_prose() {
        assert_eq!(and_list(&["L.10"]), "L.10");
        assert_eq!(and_list(&["L.10", "ES-11/8"]), "L.10 and ES-11/8");
        assert_eq!(and_list(&["a", "b", "c"]), "a, b and c");
    }
}
