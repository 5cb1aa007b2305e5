//! `resdiff trace` output: for each clause its class, its closest sources
//! with the word diff from the closest one, and agreed phrases; then the
//! summary. Table, plain, JSON, HTML and Markdown.

use std::fmt::Write as _;
use std::io::{self, Write};

use comfy_table::{Cell, ColumnConstraint, ContentArrangement, Table, Width, presets};

use super::plain::inline_text;
use super::style::LabelKind;
use super::{Format, RenderOptions, Theme, join_wrapped};
use crate::trace::{Class, Phrase, Source, Trace, TracedClause};

/// Writes a trace in the chosen format.
pub fn render_trace(t: &Trace, opts: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    match opts.format {
        Format::Table => table(t, opts, out),
        Format::Plain => plain(t, opts, out),
        Format::Json => super::json::line(out, t),
        Format::Html => out.write_all(html(t).as_bytes()),
        Format::Markdown => out.write_all(markdown(t).as_bytes()),
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

fn class_kind(c: Class) -> LabelKind {
    match c {
        Class::Verbatim => LabelKind::Same,
        Class::Adapted => LabelKind::Changed,
        Class::New => LabelKind::Added,
    }
}

/// "A/RES/68/262 PP3, 27 March 2014 · 0.912".
fn source_ref(s: &Source) -> String {
    let mut r = format!("{} {}", s.name(), s.clause);
    if let Some(d) = &s.date {
        let _ = write!(r, ", {d}");
    }
    let _ = write!(r, " · {:.3}", s.similarity);
    r
}

fn phrase_ref(p: &Phrase) -> String {
    format!("{} {}", p.name(), p.clause)
}

/// The draft line above the clauses, broken between its parts to fit.
fn heading(t: &Trace, width: usize) -> String {
    let mut parts = vec![format!("Trace of {}", t.draft.source)];
    parts.extend(t.draft.symbol.clone());
    parts.extend(t.draft.title.clone());
    join_wrapped("", &parts, "  ", width)
}

/// The summary lines under the clauses.
fn summary_lines(t: &Trace, theme: &Theme, width: usize) -> String {
    let s = &t.summary;
    let counts = format!(
        "{} verbatim · {} adapted · {} new",
        s.verbatim, s.adapted, s.new
    );
    let mut out = theme.strong(&counts);
    if !s.documents.is_empty() {
        let items: Vec<String> = s
            .documents
            .iter()
            .take(8)
            .map(|d| format!("{} ({})", d.name(), uses(d)))
            .collect();
        out.push('\n');
        out.push_str(&join_wrapped("Draws on: ", &items, ", ", width));
    }
    out
}

/// "2 clauses, 1 phrase", leaving out what is none.
fn uses(d: &crate::trace::DocumentUse) -> String {
    let mut v = Vec::new();
    if d.clauses > 0 {
        v.push(super::plural(d.clauses, "clause"));
    }
    if d.phrases > 0 {
        v.push(super::plural(d.phrases, "phrase"));
    }
    v.join(", ")
}

fn plain(t: &Trace, opts: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    let theme = &opts.theme;
    writeln!(out, "{}\n", theme.strong(&heading(t, opts.width as usize)))?;
    fn clause(
        out: &mut dyn Write,
        c: &TracedClause,
        depth: usize,
        theme: &Theme,
    ) -> io::Result<()> {
        let pad = "  ".repeat(depth);
        let word = c.class.word();
        let class = theme.label(word, class_kind(c.class));
        let id = theme.strong(&c.id);
        let id_pad = " ".repeat(7usize.saturating_sub(c.id.chars().count()));
        match c.sources.first().filter(|_| c.class != Class::New) {
            Some(s) => writeln!(
                out,
                "{pad}{id}{id_pad} {class}{} {}",
                " ".repeat(8 - word.len()),
                source_ref(s)
            )?,
            None => writeln!(out, "{pad}{id}{id_pad} {class}")?,
        }
        let text = match c.sources.first() {
            Some(s) if c.class != Class::New => inline_text(&s.segments, theme),
            _ => c.text.clone(),
        };
        writeln!(out, "{pad}        {text}")?;
        let others = if c.class == Class::New {
            &c.sources[..]
        } else {
            c.sources.get(1..).unwrap_or_default()
        };
        for s in others {
            let word = if c.class == Class::New {
                "closest"
            } else {
                "also"
            };
            writeln!(
                out,
                "{pad}        {} {}",
                theme.dim(&format!("{word}:")),
                source_ref(s)
            )?;
        }
        for p in &c.phrases {
            writeln!(
                out,
                "{pad}        {} “{}” {}",
                theme.note("agreed phrase:"),
                p.text,
                phrase_ref(p)
            )?;
        }
        for k in &c.children {
            clause(out, k, depth + 1, theme)?;
        }
        Ok(())
    }
    for c in &t.clauses {
        clause(out, c, 0, theme)?;
    }
    writeln!(out, "\n{}", summary_lines(t, theme, opts.width as usize))
}

fn table(t: &Trace, opts: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    let theme = &opts.theme;
    let mut tb = Table::new();
    tb.load_style(presets::UTF8_FULL);
    tb.set_content_arrangement(ContentArrangement::Dynamic);
    tb.set_width(opts.width.max(40));
    if theme.color() {
        tb.enforce_styling();
    } else {
        tb.force_no_tty();
    }
    tb.set_header(vec!["Clause", "Source", "Wording: source → draft"]);
    let narrow = opts.width < 100;
    fn rows(tb: &mut Table, c: &TracedClause, depth: usize, theme: &Theme) {
        let pad = " ".repeat(depth);
        let left = format!(
            "{pad}{}\n{pad}{}",
            theme.strong(&c.id),
            theme.label(c.class.word(), class_kind(c.class))
        );
        let mut src = String::new();
        for (k, s) in c.sources.iter().enumerate() {
            if k > 0 {
                src.push('\n');
            }
            let mut r = format!("{} {}", s.name(), s.clause);
            if c.class == Class::New {
                r = format!("nearest: {r}");
            }
            if let Some(d) = &s.date {
                let _ = write!(r, "\n{d}");
            }
            let _ = write!(r, "\n{:.3}", s.similarity);
            if k > 0 || c.class == Class::New {
                r = theme.dim(&r);
            }
            src.push_str(&r);
        }
        if src.is_empty() {
            src = theme.dim("none close");
        }
        let mut text = match c.sources.first() {
            Some(s) if c.class != Class::New => inline_text(&s.segments, theme),
            _ => c.text.clone(),
        };
        for p in &c.phrases {
            let _ = write!(
                text,
                "\n{} “{}” {}",
                theme.note("agreed:"),
                p.text,
                phrase_ref(p)
            );
        }
        tb.add_row(vec![Cell::new(left), Cell::new(src), Cell::new(text)]);
        for k in &c.children {
            rows(tb, k, depth + 1, theme);
        }
    }
    for c in &t.clauses {
        rows(&mut tb, c, 0, theme);
    }
    // the left column holds "verbatim" (8 columns) unbroken at any width
    let (left, mid) = if narrow { (10, 18) } else { (10, 26) };
    tb.set_constraints(vec![
        ColumnConstraint::UpperBoundary(Width::Fixed(left)),
        ColumnConstraint::UpperBoundary(Width::Fixed(mid)),
    ]);
    writeln!(out, "{}", theme.strong(&heading(t, opts.width as usize)))?;
    writeln!(out, "{tb}")?;
    writeln!(out, "{}", summary_lines(t, theme, opts.width as usize))
}

fn html(t: &Trace) -> String {
    use super::html::{anchor, escape};
    let mut b = String::new();
    let title = format!(
        "Trace of {}",
        t.draft
            .symbol
            .clone()
            .unwrap_or_else(|| super::file_name(&t.draft.source).to_string())
    );
    let _ = writeln!(
        b,
        "<div class=\"wrap\">\n<header><h1>{}</h1>",
        escape(&title)
    );
    if let Some(ti) = &t.draft.title {
        let _ = writeln!(b, "<p>{}</p>", escape(ti));
    }
    let _ = writeln!(
        b,
        "<p class=\"note\">{}</p></header>\n<main>",
        escape(&t.draft.source)
    );
    let s = &t.summary;
    let _ = writeln!(
        b,
        "<h2>Summary</h2>\n<p><span class=\"k-kept\">{} verbatim</span> · <span class=\"k-changed\">{} adapted</span> · <span class=\"k-added\">{} new</span></p>",
        s.verbatim, s.adapted, s.new
    );
    if !s.documents.is_empty() {
        b.push_str("<p>Draws on:</p>\n<ol>\n");
        for d in &s.documents {
            let _ = writeln!(
                b,
                "<li>{} <span class=\"note\">({})</span></li>",
                escape(d.name()),
                uses(d)
            );
        }
        b.push_str("</ol>\n");
    }
    b.push_str("<h2>Clauses</h2>\n<table class=\"clauses\">\n<colgroup><col class=\"c-label\"><col class=\"c-src\" style=\"width:18rem\"><col></colgroup>\n<thead><tr><th scope=\"col\">Clause</th><th scope=\"col\">Sources</th><th scope=\"col\">Wording: source → draft</th></tr></thead>\n<tbody>\n");
    fn row(b: &mut String, c: &TracedClause, depth: usize) {
        let class = match c.class {
            Class::Verbatim => "k-kept",
            Class::Adapted => "k-changed",
            Class::New => "k-added",
        };
        let _ = write!(
            b,
            "<tr id=\"{}\" class=\"d{}\"><th scope=\"row\"><span class=\"id\">{}</span><span class=\"kind {class}\">{}</span></th><td>",
            anchor(&c.id),
            depth.min(4),
            escape(&c.id),
            c.class.word()
        );
        if c.sources.is_empty() {
            b.push_str("<span class=\"none\">none close</span>");
        }
        for (k, s) in c.sources.iter().enumerate() {
            let muted = if k > 0 || c.class == Class::New {
                " note"
            } else {
                ""
            };
            let _ = write!(
                b,
                "<span class=\"from{muted}\">{}{} {}{} · {:.3}</span>",
                if c.class == Class::New {
                    "nearest: "
                } else {
                    ""
                },
                escape(s.name()),
                escape(&s.clause),
                s.date
                    .as_deref()
                    .map(|d| format!(", {}", escape(d)))
                    .unwrap_or_default(),
                s.similarity
            );
        }
        b.push_str("</td><td>");
        match c.sources.first() {
            Some(s) if c.class != Class::New => b.push_str(&super::html::inline_html(&s.segments)),
            _ => b.push_str(&escape(&c.text)),
        }
        for p in &c.phrases {
            let _ = write!(
                b,
                "<span class=\"amend\">agreed phrase “{}” from {} {}</span>",
                escape(&p.text),
                escape(p.name()),
                escape(&p.clause)
            );
        }
        b.push_str("</td></tr>\n");
        for k in &c.children {
            row(b, k, depth + 1);
        }
    }
    for c in &t.clauses {
        row(&mut b, c, 0);
    }
    b.push_str("</tbody>\n</table>\n</main>\n</div>\n");
    super::html::page(&format!("{title}: resdiff"), &b)
}

fn markdown(t: &Trace) -> String {
    use super::markdown::{escape, redline};
    let mut b = String::new();
    let name = t
        .draft
        .symbol
        .clone()
        .unwrap_or_else(|| super::file_name(&t.draft.source).to_string());
    let _ = writeln!(b, "# Trace of {}\n", escape(&name, false));
    if let Some(ti) = &t.draft.title {
        let _ = writeln!(b, "{}\n", escape(ti, true));
    }
    let s = &t.summary;
    let _ = writeln!(
        b,
        "**{} verbatim** · **{} adapted** · **{} new**\n",
        s.verbatim, s.adapted, s.new
    );
    for d in s.documents.iter().take(8) {
        let _ = writeln!(b, "- {}: {}", escape(d.name(), false), uses(d));
    }
    b.push_str("\n## Clauses\n\n");
    fn item(b: &mut String, c: &TracedClause, depth: usize) {
        let pad = "  ".repeat(depth);
        let from = c
            .sources
            .first()
            .filter(|_| c.class != Class::New)
            .map(|s| format!(" from {}", escape(&source_ref(s), false)))
            .unwrap_or_default();
        let _ = writeln!(
            b,
            "{pad}- **{}** {}{from}",
            escape(&c.id, false),
            c.class.word()
        );
        let text = match c.sources.first() {
            Some(s) if c.class != Class::New => redline(&s.segments),
            _ => escape(&c.text, false),
        };
        let _ = writeln!(b, "{pad}  {}", text.replace('\n', " "));
        for p in &c.phrases {
            let _ = writeln!(
                b,
                "{pad}  - agreed phrase “{}” from {}",
                escape(&p.text, false),
                escape(&phrase_ref(p), false)
            );
        }
        for k in &c.children {
            item(b, k, depth + 1);
        }
    }
    for c in &t.clauses {
        item(&mut b, c, 0);
    }
    b
}
