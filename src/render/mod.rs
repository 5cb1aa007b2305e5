//! Renderers: plain data in, bytes out. Renderers never parse; they read a
//! [`ResolutionDiff`] or a [`Resolution`] and write.

// in WebAssembly the helpers only the table-drawn reports use stand idle
#![cfg_attr(target_family = "wasm", allow(dead_code))]

mod akn;
mod amendments;
pub mod docx;
pub mod html;
mod json;
pub mod markdown;
mod plain;
pub mod style;
pub(crate) mod text;

// The terminal table and the reports drawn with it (history, batch, check,
// rivals) use comfy-table, which does not build for WebAssembly: the
// browser page (web/) compares two drafts and needs none of them.
#[cfg(not(target_family = "wasm"))]
mod batch;
#[cfg(not(target_family = "wasm"))]
mod check;
#[cfg(not(target_family = "wasm"))]
mod history;
#[cfg(not(target_family = "wasm"))]
mod rivals;
#[cfg(not(target_family = "wasm"))]
mod table;
#[cfg(not(target_family = "wasm"))]
mod trace;

use std::io::{self, Write};

use crate::diff::{Change, Op, ResolutionDiff, Segment};
pub(crate) use crate::load::file_name;
use crate::parse::Resolution;

#[cfg(not(target_family = "wasm"))]
pub use batch::{batch_index, render_batch};
#[cfg(not(target_family = "wasm"))]
pub use history::render_history;
#[cfg(not(target_family = "wasm"))]
pub use rivals::render_rivals;
pub use style::Theme;
pub use text::resolution_text;
#[cfg(not(target_family = "wasm"))]
pub use trace::render_trace;

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Side-by-side table (the default on a terminal).
    Table,
    /// One clause per line with inline `[-old-]{+new+}` marks (the default
    /// when output is not a terminal).
    Plain,
    /// JSON, the stable contract described in the README.
    Json,
    /// Akoma Ntoso XML of one draft's structure (`resdiff show` and `resdiff
    /// amend`), which resdiff reads back unchanged.
    Akn,
    /// A standalone HTML page: inline CSS, no script, for e-mail and print.
    Html,
    /// Markdown with `~~deleted~~` and `**inserted**` words, for a ticket or wiki.
    Markdown,
    /// A Word document (needs `-o FILE`): a comparison with tracked changes,
    /// one draft (`show`, `amend`) clean, in the UN layout.
    Docx,
}

impl Format {
    /// Whether the format is binary, so never written to a terminal or a pipe
    /// by accident: it needs `-o FILE`.
    pub fn needs_file(self) -> bool {
        self == Format::Docx
    }

    /// The format a file name asks for by its extension (`report.html`),
    /// which `-o` follows unless `--format` says otherwise; `None` for an
    /// extension that names no format.
    ///
    /// ```
    /// use resdiff::render::Format;
    /// use std::path::Path;
    /// assert_eq!(Format::from_path(Path::new("report.HTML")), Some(Format::Html));
    /// assert_eq!(Format::from_path(Path::new("draft.akn.xml")), Some(Format::Akn));
    /// assert_eq!(Format::from_path(Path::new("notes")), None);
    /// ```
    pub fn from_path(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "html" | "htm" => Format::Html,
            "md" | "markdown" => Format::Markdown,
            "json" => Format::Json,
            "xml" | "akn" => Format::Akn,
            "txt" | "text" => Format::Plain,
            "docx" => Format::Docx,
            _ => return None,
        })
    }
}

/// A count and its noun, singular for one: `1 clause`, `3 clauses`.
pub(crate) fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// How to render.
#[derive(Debug, Clone)]
pub struct RenderOptions {
    /// Output format.
    pub format: Format,
    /// Colour and attributes.
    pub theme: Theme,
    /// Total width of the table, in columns.
    pub width: u16,
    /// Leave out clauses without substantive change.
    pub changes_only: bool,
    /// What to call the old and new documents in headings
    /// (`--label-old`/`--label-new`), instead of [`side_names`]' choice.
    pub labels: Option<[String; 2]>,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            format: Format::Plain,
            theme: Theme::new(false),
            width: 100,
            changes_only: false,
            labels: None,
        }
    }
}

/// Why a comparison or a history has no Akoma Ntoso form.
pub(crate) const AKN_ONE_DRAFT: &str = "Akoma Ntoso XML (--format akn, or -o FILE.xml) holds the structure of one draft: use it with `resdiff show` or `resdiff amend`";
/// Why a report other than a comparison or a draft cannot be a Word file.
pub(crate) const DOCX_ONE_COMPARISON: &str = "--format docx writes one comparison or one draft: use it with `resdiff compare`, `show` or `amend`";

/// Writes a comparison.
pub fn render(diff: &ResolutionDiff, opts: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    match opts.format {
        #[cfg(not(target_family = "wasm"))]
        Format::Table => table::diff(diff, opts, out),
        #[cfg(target_family = "wasm")]
        Format::Table => Err(no_table()),
        Format::Plain => plain::diff(diff, opts, out),
        Format::Json => json::diff(diff, opts, out),
        // a comparison has no Akoma Ntoso form
        Format::Akn => Err(io::Error::new(io::ErrorKind::InvalidInput, AKN_ONE_DRAFT)),
        Format::Html => html::diff(diff, opts, out),
        Format::Markdown => markdown::diff(diff, opts, out),
        Format::Docx => out.write_all(&docx::redline(diff, &docx::DocxOptions::default())?),
    }
}

/// Writes the parsed structure of one document (`resdiff show`).
pub fn render_resolution(
    res: &Resolution,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    match opts.format {
        #[cfg(not(target_family = "wasm"))]
        Format::Table => table::resolution(res, opts, out),
        #[cfg(target_family = "wasm")]
        Format::Table => Err(no_table()),
        Format::Plain => out.write_all(resolution_text(res).as_bytes()),
        Format::Json => json::resolution(res, out),
        Format::Akn => akn::resolution(res, out),
        Format::Html => html::resolution(res, out),
        Format::Markdown => markdown::resolution(res, out),
        Format::Docx => out.write_all(&docx::resolution(res, &docx::DocxOptions::default())?),
    }
}

/// The error for `--format table` in WebAssembly, which has no terminal.
#[cfg(target_family = "wasm")]
fn no_table() -> io::Error {
    io::Error::new(
        io::ErrorKind::Unsupported,
        "the terminal table is not available in WebAssembly: use html, markdown, json or plain",
    )
}

/// Writes the findings of `resdiff check`: JSON with `--format json`, a
/// table otherwise.
#[cfg(not(target_family = "wasm"))]
pub fn render_findings(
    findings: &[crate::check::Finding],
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    check::findings(findings, opts, out)
}

/// The changes to show: all, or with `--changes-only` those with a
/// substantive change somewhere below them.
pub(crate) fn visible<'a>(changes: &'a [Change], opts: &RenderOptions) -> Vec<&'a Change> {
    changes
        .iter()
        .filter(|c| !opts.changes_only || c.is_substantive())
        .collect()
}

/// One side of a word diff as marked-up text: the old side shows equal and
/// deleted runs, the new side equal and inserted runs. A `\n` joining the
/// texts of a split or merge becomes a line break followed by `names[k]`.
/// One side of a changed section heading, for the terminal: struck through
/// (old) or underlined (new), or "(no heading)".
pub(crate) fn heading_side(
    h: &crate::diff::HeadingChange,
    old_side: bool,
    theme: &Theme,
) -> String {
    let text = if old_side { &h.old } else { &h.new };
    match text {
        Some(t) if old_side => theme.deleted(t),
        Some(t) => theme.inserted(t),
        None => theme.dim("(no heading)"),
    }
}

pub(crate) fn side_text(
    segments: &[Segment],
    old_side: bool,
    names: &[String],
    theme: &Theme,
) -> String {
    let mut out = String::new();
    let mut next_name = 1;
    for s in segments {
        let mark = match (s.op, old_side) {
            (Op::Equal, _) => None,
            (Op::Delete, true) => Some(true),
            (Op::Insert, false) => Some(false),
            _ => continue,
        };
        for (k, piece) in s.text.split('\n').enumerate() {
            if k > 0 {
                out.push('\n');
                if let Some(n) = names.get(next_name) {
                    out.push_str(&theme.dim(&format!("{n}: ")));
                }
                next_name += 1;
            }
            if piece.is_empty() {
                continue;
            }
            // keep the spaces at the edges outside the marks
            let trimmed = piece.trim();
            if trimmed.is_empty() {
                out.push_str(piece);
                continue;
            }
            let lead = &piece[..piece.len() - piece.trim_start().len()];
            let trail = &piece[piece.trim_end().len()..];
            out.push_str(lead);
            match mark {
                None => out.push_str(trimmed),
                Some(true) => out.push_str(&theme.deleted(trimmed)),
                Some(false) => out.push_str(&theme.inserted(trimmed)),
            }
            out.push_str(trail);
        }
    }
    if names.len() > 1 && !out.is_empty() {
        out = format!("{}{out}", theme.dim(&format!("{}: ", names[0])));
    }
    out
}

/// The summary under a comparison, wrapped at `width` columns between items.
pub(crate) fn summary_line(diff: &ResolutionDiff, width: usize) -> String {
    summary_wrapped("", &diff.summary, width)
}

/// `items` after `prefix`, joined by `sep` or by a line break, so that no line
/// is wider than `width` unless one item alone is.
pub(crate) fn join_wrapped(prefix: &str, items: &[String], sep: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthStr as W;
    let mut out = String::from(prefix);
    let mut line = prefix.width();
    for (k, item) in items.iter().enumerate() {
        let sep = if k == 0 { "" } else { sep };
        if k > 0 && line + sep.width() + item.width() > width {
            // the line break is the separator
            out.push('\n');
            line = 0;
        } else {
            out.push_str(sep);
            line += sep.width();
        }
        out.push_str(item);
        line += item.width();
    }
    out
}

/// A note under a table (`note: ...`), broken between words so that no line
/// is wider than `width` unless one word alone is.
pub(crate) fn note_wrapped(note: &str, width: usize) -> String {
    let words: Vec<String> = note.split_whitespace().map(str::to_owned).collect();
    join_wrapped("note: ", &words, " ", width)
}

/// The counts of one comparison after `prefix`, joined by " · " and broken
/// between items (never inside one) so no line is wider than `width`.
pub(crate) fn summary_wrapped(prefix: &str, s: &crate::diff::Summary, width: usize) -> String {
    let mut items = vec![
        format!("kept {}", s.kept),
        format!("reworded {}", s.reworded),
        format!("added {}", s.added),
        format!("dropped {}", s.dropped),
        format!("moved {}", s.moved),
        format!("split {}", s.split),
        format!("merged {}", s.merged),
        format!("lead words changed {}", s.lead_changes),
    ];
    // clauses that crossed parts, only when there are some
    if s.to_preamble > 0 {
        items.push(format!("to the preamble {}", s.to_preamble));
    }
    if s.to_operative > 0 {
        items.push(format!("to the operative part {}", s.to_operative));
    }
    items.push(format!("words +{} −{}", s.words_inserted, s.words_deleted));
    join_wrapped(prefix, &items, " · ", width)
}

/// "OP2 → OP3", or "OP3" when the id did not change.
pub(crate) fn ids(change: &Change) -> String {
    let o = change.old.join("+");
    let n = change.new.join("+");
    match (o.is_empty(), n.is_empty()) {
        (true, _) => n,
        (_, true) => o,
        _ if o == n => n,
        _ => format!("{o}→{n}"),
    }
}

/// The printed label of the clause a change concerns (`(a)`), for sub-paragraphs.
pub(crate) fn sub_label(id: &str) -> Option<&str> {
    let start = id.rfind('(')?;
    Some(&id[start..])
}

/// The label and a space that open a sub-paragraph's text (`"(a) "`), or
/// nothing for a top-level clause (`depth` 0) or a side without clauses.
pub(crate) fn sub_prefix(ids: &[String], depth: usize) -> String {
    ids.first()
        .filter(|_| depth > 0)
        .and_then(|id| sub_label(id))
        .map(|l| format!("{l} "))
        .unwrap_or_default()
}

/// A row of a comparison's header table, for the HTML page and the Markdown
/// alike: which rows there are and in what order is decided here, once.
pub(crate) enum HeaderRow<'a> {
    /// A field as each side has it (`None`: the side has none).
    Field(&'static str, Option<&'a str>, Option<&'a str>),
    /// The title, word by word (`HeaderDiff::title`).
    Title(&'a [Segment]),
    /// The sponsors, those removed and added marked.
    Sponsors,
    /// The file names.
    File,
}

/// The header table's rows: the fields either side has, then the files.
pub(crate) fn header_rows<'a>(d: &'a ResolutionDiff) -> Vec<HeaderRow<'a>> {
    let (oh, nh) = (&d.old.header, &d.new.header);
    let field = |name: &'static str, o: &'a Option<String>, n: &'a Option<String>| {
        (o.is_some() || n.is_some()).then_some(HeaderRow::Field(name, o.as_deref(), n.as_deref()))
    };
    let title = match &d.header.title {
        Some(segs) => Some(HeaderRow::Title(segs)),
        None => field("Title", &oh.title, &nh.title),
    };
    let sponsors =
        (!oh.sponsors.is_empty() || !nh.sponsors.is_empty()).then_some(HeaderRow::Sponsors);
    [
        field("Symbol", &oh.symbol, &nh.symbol),
        field("Document", &oh.kind, &nh.kind),
        title,
        sponsors,
        field("Date", &oh.date, &nh.date),
        field("Session", &oh.session, &nh.session),
        Some(HeaderRow::File),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// The word for what happened to a clause: `kept`, `reworded`, `added`,
/// `moved to the preamble`. A reworded clause that moved reads `moved and
/// reworded` where `spell_move` asks for it (HTML, Markdown); the terminal
/// table shows the move by its `>` symbol and says `reworded`.
pub(crate) fn kind_word(c: &Change, spell_move: bool) -> &'static str {
    if let Some(to) = c.crossing() {
        return match to {
            crate::parse::Part::Preamble => "moved to the preamble",
            _ => "moved to the operative part",
        };
    }
    use crate::align::LinkKind;
    match (c.kind, c.moved) {
        (LinkKind::Unchanged, false) => "kept",
        (LinkKind::Unchanged, true) => "moved",
        (LinkKind::Modified, true) if spell_move => "moved and reworded",
        (LinkKind::Modified, _) => "reworded",
        (LinkKind::Inserted, _) => "added",
        (LinkKind::Deleted, _) => "dropped",
        (LinkKind::Split, _) => "split",
        (LinkKind::Merged, _) => "merged",
    }
}

/// What the two sides of a comparison are called in headings: the labels
/// given, else their symbols, else (when the symbols are the same, as for a
/// draft against an edited copy, or missing) their file names, else their
/// paths, so that the two column heads never read alike when the inputs differ.
pub(crate) fn side_names(d: &ResolutionDiff, opts: &RenderOptions) -> (String, String) {
    if let Some([old, new]) = &opts.labels {
        return (old.clone(), new.clone());
    }
    let by_symbol = (doc_name(&d.old), doc_name(&d.new));
    if by_symbol.0 != by_symbol.1 {
        return by_symbol;
    }
    let (fo, fn_) = (file_name(&d.old.source), file_name(&d.new.source));
    if fo != fn_ {
        return (fo.to_string(), fn_.to_string());
    }
    (d.old.source.clone(), d.new.source.clone())
}

/// The sponsor changes for a summary, `Sponsors: added Japan, Kenya; no
/// longer listed Chile.`, or `None` when the lists agree.
pub(crate) fn sponsor_changes(h: &crate::diff::HeaderDiff) -> Option<String> {
    let mut parts = Vec::new();
    if !h.sponsors_added.is_empty() {
        parts.push(format!("added {}", h.sponsors_added.join(", ")));
    }
    if !h.sponsors_removed.is_empty() {
        parts.push(format!(
            "no longer listed {}",
            h.sponsors_removed.join(", ")
        ));
    }
    (!parts.is_empty()).then(|| format!("Sponsors: {}.", parts.join("; ")))
}

/// Sponsor lists longer than this many names, the same on both sides, are
/// folded in HTML and Markdown headers, so the first screen shows what changed.
pub(crate) const FOLD_SPONSORS_ABOVE: usize = 8;

/// How a language separates the items of a list shown one by one (the
/// sponsors of a header, each of which may be marked): `, `, but `、` in
/// Chinese and `، ` in Arabic.
pub(crate) fn list_separator(lang: crate::parse::Lang) -> &'static str {
    use crate::parse::Lang;
    match lang {
        Lang::Zh => "、",
        Lang::Ar => "، ",
        Lang::En | Lang::Fr | Lang::Es | Lang::Ru => ", ",
    }
}

/// The name a document goes by in headings: its symbol, else its file name.
pub(crate) fn doc_name(r: &Resolution) -> String {
    r.header
        .symbol
        .clone()
        .unwrap_or_else(|| file_name(&r.source).to_string())
}

#[cfg(test)]
mod tests {
    use super::plural;

    #[test]
    fn one_is_singular_and_the_rest_plural() {
        assert_eq!(plural(1, "unchanged clause"), "1 unchanged clause");
        assert_eq!(plural(0, "clause"), "0 clauses");
        assert_eq!(plural(2, "phrase"), "2 phrases");
    }
}
