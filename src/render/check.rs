//! Findings of `resdiff check`: a table (comfy-table, as for comparisons),
//! or JSON `{"findings":[{"rule","severity","clause","message","excerpt"}]}`.

use std::io::{self, Write};

use comfy_table::{Cell, ContentArrangement, Table, presets};
use serde::Serialize;

use super::{Format, RenderOptions};
use crate::check::{Finding, Severity};

#[derive(Serialize)]
struct View<'a> {
    findings: &'a [Finding],
}

/// "1 error · 2 warnings · 0 info".
fn counts(findings: &[Finding]) -> String {
    let n = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    let (e, w, i) = (n(Severity::Error), n(Severity::Warning), n(Severity::Info));
    format!(
        "{e} error{} · {w} warning{} · {i} info",
        if e == 1 { "" } else { "s" },
        if w == 1 { "" } else { "s" }
    )
}

/// Writes the findings.
pub(super) fn findings(
    findings: &[Finding],
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    if opts.format == Format::Json {
        return super::json::line(out, &View { findings });
    }
    let theme = &opts.theme;
    if findings.is_empty() {
        return writeln!(out, "no findings");
    }
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL);
    t.set_content_arrangement(ContentArrangement::Dynamic);
    let width = opts.width.max(60);
    t.set_width(width);
    if theme.color() {
        t.enforce_styling();
    } else {
        t.force_no_tty();
    }
    t.set_header(vec![
        Cell::new(theme.strong("severity")),
        Cell::new(theme.strong("clause")),
        Cell::new(theme.strong("rule")),
        Cell::new(theme.strong("finding")),
    ]);
    for f in findings {
        let mut text = f.message.clone();
        if !f.excerpt.is_empty() {
            text.push('\n');
            text.push_str(&theme.dim(&format!("“{}”", f.excerpt)));
        }
        t.add_row(vec![
            theme.severity(f.severity.as_str(), f.severity),
            theme.strong(&f.clause),
            f.rule.clone(),
            text,
        ]);
    }
    t.set_constraints(super::table::columns(width, &[10, 10, 12], 1));
    writeln!(out, "{}", super::table::table_text(&t))?;
    writeln!(out, "{}", counts(findings))
}
