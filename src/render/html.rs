//! The standalone HTML page (`--format html`): one file a delegate can
//! e-mail, with inline CSS, no script, and every piece of document text escaped.
//!
//! The page reads as a document: both headers side by side, a summary with a
//! link to each changed clause, then the aligned clauses in a real table
//! (old left, new right) with `<del>` and `<ins>`. Each row has a stable
//! anchor: the new clause id (`#OP3`, `#OP3-a` for `OP3(a)`), or for a
//! dropped clause its old id behind `old-` (`#old-PP1`). A moved clause links
//! to a marker row standing where it was in the old text (`#old-PP3`).
//!
//! Nothing in a draft can reach the markup unescaped: text goes through
//! [`escape`], and attributes hold only anchors made of ASCII letters,
//! digits and `-` ([`anchor`]). A Content-Security-Policy that allows no
//! script at all is a second line of defence, not the first.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::style::{HTML_DARK, HTML_LIGHT};
use super::{
    FOLD_SPONSORS_ABOVE, HeaderRow, RenderOptions, doc_name, file_name, side_names, sub_label,
    summary_line, visible,
};
use crate::align::LinkKind;
use crate::diff::{Change, Direction, LeadChange, Op, ResolutionDiff, Segment};
use crate::parse::{Clause, Part, Resolution};

/// Escapes text for element content and double- or single-quoted attribute
/// values: `&`, `<`, `>`, `"` and `'`.
///
/// ```
/// use resdiff::render::html::escape;
/// assert_eq!(escape(r#"<script>"x" & 'y'</script>"#),
///            "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;");
/// ```
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The anchor of a clause id: ASCII letters and digits kept, every other run
/// of characters one `-` (`OP3(a)(ii)` → `OP3-a-ii`, `OP2bis` stays).
/// Safe in an attribute and in a URL fragment without further escaping.
pub fn anchor(id: &str) -> String {
    let mut s = String::with_capacity(id.len());
    for c in id.chars() {
        if c.is_ascii_alphanumeric() {
            s.push(c);
        } else if !s.is_empty() && !s.ends_with('-') {
            s.push('-');
        }
    }
    while s.ends_with('-') {
        s.pop();
    }
    if s.is_empty() {
        "clause".to_string()
    } else {
        s
    }
}

/// The anchor of a change's row: its first new id, or `old-` and its first
/// old id for a dropped clause.
fn row_anchor(c: &Change) -> String {
    match (c.new.first(), c.old.first()) {
        (Some(n), _) => anchor(n),
        (None, Some(o)) => format!("old-{}", anchor(o)),
        (None, None) => "clause".to_string(),
    }
}

fn part_title(p: Part) -> &'static str {
    match p {
        Part::Preamble => "Preambular paragraphs",
        Part::Operative => "Operative paragraphs",
        Part::Annex => "Annex",
    }
}

/// The word for what happened to a clause, and the CSS class of its colour.
pub(super) fn kind_word(c: &Change) -> (&'static str, &'static str) {
    let class = match (c.kind, c.moved || c.crossing().is_some()) {
        (LinkKind::Unchanged, false) => "k-kept",
        (LinkKind::Inserted, _) => "k-added",
        (LinkKind::Deleted, _) => "k-dropped",
        (LinkKind::Split | LinkKind::Merged, _) if c.crossing().is_none() => "k-changed",
        (_, true) => "k-moved",
        _ => "k-changed",
    };
    (super::kind_word(c, true), class)
}

/// The id a row or summary line goes by: the new id, or for a dropped
/// clause its old id marked as such.
fn shown_id(c: &Change) -> String {
    if !c.new.is_empty() {
        c.new.join(" + ")
    } else if !c.old.is_empty() {
        format!("old {}", c.old.join(" + "))
    } else {
        String::new()
    }
}

/// `lead ↓ softened`, `lead ↑ strengthened` or `lead changed`, with a class.
pub(super) fn lead_word(l: &LeadChange) -> (&'static str, &'static str) {
    match l.direction() {
        Direction::Softened => ("lead ↓ softened", "down"),
        Direction::Strengthened => ("lead ↑ strengthened", "up"),
        Direction::Other => ("lead changed", "other"),
    }
}

/// Whether a change is worth a line in the summary: its own wording, place
/// or lead changed (a parent whose sub-paragraphs alone changed is not).
fn own_change(c: &Change) -> bool {
    c.has_own_change()
}

/// Appends text, escaped, turning each `\n` that joins the clauses of a
/// split or merge into a line break and the next clause's id.
fn push_text(out: &mut String, text: &str, names: &[String], next: &mut usize, new_side: bool) {
    for (k, piece) in text.split('\n').enumerate() {
        if k > 0 {
            out.push_str("<br>");
            if let Some(n) = names.get(*next) {
                piece_name(out, n, new_side);
            }
            *next += 1;
        }
        out.push_str(&escape(piece));
    }
}

/// The id of one clause of a split or merge inside a cell; on the new side
/// it is also that clause's anchor. An inline block, so that a deletion or
/// insertion running across it does not strike or underline it.
fn piece_name(out: &mut String, id: &str, with_anchor: bool) {
    if with_anchor {
        let _ = write!(
            out,
            "<span class=\"piece\" id=\"{}\">{}:</span>",
            anchor(id),
            escape(id)
        );
    } else {
        let _ = write!(out, "<span class=\"piece\">{}:</span>", escape(id));
    }
}

/// One side of a word diff as HTML: the old side shows equal and deleted
/// text, the new side equal and inserted text. Each deleted or inserted
/// segment is one `<del>` or `<ins>` (so their count is the JSON's count of
/// such segments), with the spaces at its edges left outside.
fn side_html(segments: &[Segment], old_side: bool, names: &[String], prefix: &str) -> String {
    let mut out = String::new();
    let mut next = 1;
    let new_side = !old_side;
    if names.len() > 1 {
        // the row's own anchor is the first new id: only the others need one
        piece_name(&mut out, &names[0], false);
    }
    out.push_str(&escape(prefix));
    for s in segments {
        let tag = match (s.op, old_side) {
            (Op::Equal, _) => None,
            (Op::Delete, true) => Some("del"),
            (Op::Insert, false) => Some("ins"),
            _ => continue,
        };
        let trimmed = s.text.trim();
        match tag {
            Some(tag) if !trimmed.is_empty() => {
                let lead = &s.text[..s.text.len() - s.text.trim_start().len()];
                let trail = &s.text[s.text.trim_end().len()..];
                push_text(&mut out, lead, names, &mut next, new_side);
                let _ = write!(out, "<{tag}>");
                push_text(&mut out, trimmed, names, &mut next, new_side);
                let _ = write!(out, "</{tag}>");
                push_text(&mut out, trail, names, &mut next, new_side);
            }
            _ => push_text(&mut out, &s.text, names, &mut next, new_side),
        }
    }
    out
}

/// A row, or the marker left where a moved clause stood in the old text.
enum Item<'a> {
    Row(&'a Change),
    MovedFrom(&'a Change),
}

/// The order in which clause ids appear in a document, depth first.
fn order(r: &Resolution) -> std::collections::HashMap<&str, usize> {
    let mut m = std::collections::HashMap::new();
    for c in r.clauses() {
        c.walk(&mut |c: &Clause| {
            let n = m.len();
            m.entry(c.id.as_str()).or_insert(n);
        });
    }
    m
}

/// Sibling rows in reading order of the new text, with a marker for each
/// moved clause placed before the first row that stood after it in the old
/// text.
fn with_moved_markers<'a>(
    changes: &[&'a Change],
    old_order: &std::collections::HashMap<&str, usize>,
) -> Vec<Item<'a>> {
    let pos = |c: &Change| {
        c.old
            .iter()
            .filter_map(|id| old_order.get(id.as_str()))
            .min()
            .copied()
    };
    let mut pending: Vec<(usize, &'a Change)> = changes
        .iter()
        .filter(|c| c.moved)
        .filter_map(|c| pos(c).map(|p| (p, *c)))
        .collect();
    pending.sort_by_key(|(p, _)| *p);
    let mut out = Vec::with_capacity(changes.len() + pending.len());
    let mut next = 0;
    for c in changes {
        if !c.moved
            && let Some(p) = pos(c)
        {
            while next < pending.len() && pending[next].0 < p {
                out.push(Item::MovedFrom(pending[next].1));
                next += 1;
            }
        }
        out.push(Item::Row(c));
    }
    out.extend(pending[next..].iter().map(|(_, c)| Item::MovedFrom(c)));
    out
}

struct Page<'a> {
    diff: &'a ResolutionDiff,
    opts: &'a RenderOptions,
    old_order: std::collections::HashMap<&'a str, usize>,
    body: String,
}

impl Page<'_> {
    fn rows(&mut self, changes: &[&Change], depth: usize) {
        let items = with_moved_markers(changes, &self.old_order);
        for item in items {
            match item {
                Item::Row(c) => {
                    self.row(c, depth);
                    let kids = visible(&c.children, self.opts);
                    self.rows(&kids, depth + 1);
                }
                Item::MovedFrom(c) => self.moved_from(c, depth),
            }
        }
    }

    fn row(&mut self, c: &Change, depth: usize) {
        let (word, class) = kind_word(c);
        let amended = super::amendments::label(c, self.diff);
        let b = &mut self.body;
        let _ = write!(
            b,
            "<tr id=\"{}\" class=\"d{} r-{}{}\">",
            row_anchor(c),
            depth.min(4),
            &class[2..],
            if c.kind == LinkKind::Unchanged {
                " same"
            } else {
                ""
            }
        );
        // the label cell: ids, what happened, lead words
        let _ = write!(
            b,
            "<th scope=\"row\"><span class=\"id\">{}</span>",
            escape(&shown_id(c))
        );
        for extra in c.new.iter().skip(1) {
            let _ = write!(b, " <span class=\"id\">+ {}</span>", escape(extra));
        }
        if !c.new.is_empty() && !c.old.is_empty() && c.old != c.new {
            let _ = write!(
                b,
                "<span class=\"was\">was {}</span>",
                escape(&c.old.join(" + "))
            );
        }
        let _ = write!(b, "<span class=\"kind {class}\">{word}</span>");
        if c.loose {
            let _ = write!(
                b,
                "<span class=\"loose\" title=\"paired under the ordinary threshold, on weighted words and its place: check\">(loose)</span>"
            );
        }
        if c.moved
            && let Some(o) = c.old.first()
        {
            let _ = write!(
                b,
                "<a class=\"from\" href=\"#old-{}\">from old {}</a>",
                anchor(o),
                escape(o)
            );
        }
        if let Some(l) = &c.lead {
            let (text, dir) = lead_word(l);
            let _ = write!(b, "<span class=\"lead {dir}\">{text}</span>");
            let _ = write!(
                b,
                "<span class=\"lead-words\">{} → {}</span>",
                lead_html(l.old.as_deref(), self.diff.old.lang),
                lead_html(l.new.as_deref(), self.diff.new.lang)
            );
        }
        if let Some(h) = &c.heading {
            let side = |t: &Option<String>, tag: &str| match t {
                Some(t) => format!("<{tag}>{}</{tag}>", escape(t)),
                None => "(no heading)".to_string(),
            };
            let _ = write!(
                b,
                "<span class=\"lead\">heading</span><span class=\"lead-words\">{} → {}</span>",
                // struck and underlined, but not <del>/<ins>: those stay the word diff's
                side(&h.old, "s"),
                side(&h.new, "u")
            );
        }
        if let Some(a) = amended {
            let by = if c.amendments.is_empty() { "" } else { "by " };
            let _ = write!(b, "<span class=\"amend\">{by}{}</span>", escape(&a));
        }
        b.push_str("</th>");
        let prefix = |ids: &[String]| super::sub_prefix(ids, depth);
        for (old_side, ids) in [(true, &c.old), (false, &c.new)] {
            let side = if old_side { "old" } else { "new" };
            if ids.is_empty() {
                let missing = if old_side {
                    "not in the old text"
                } else {
                    "not in the new text"
                };
                let _ = write!(
                    b,
                    "<td class=\"{side} empty\"><span aria-hidden=\"true\">—</span><span class=\"vh\">{missing}</span></td>"
                );
                continue;
            }
            let text = side_html(&c.segments, old_side, ids, &prefix(ids));
            let name = match (old_side, c.kind) {
                (true, _) => "Old",
                (false, LinkKind::Unchanged) => "New, same as old",
                (false, _) => "New",
            };
            let lang = if old_side {
                self.diff.old.lang
            } else {
                self.diff.new.lang
            };
            let _ = write!(
                b,
                "<td class=\"{side}\"{}><span class=\"side\">{name}</span>{text}</td>",
                text_attrs(lang)
            );
        }
        b.push_str("</tr>\n");
    }

    fn moved_from(&mut self, c: &Change, depth: usize) {
        let (Some(o), Some(n)) = (c.old.first(), c.new.first()) else {
            return;
        };
        let _ = writeln!(
            self.body,
            "<tr id=\"old-{}\" class=\"d{} moved-from\"><th scope=\"row\"><span class=\"id\">old {}</span><span class=\"kind k-moved\">moved away</span></th><td colspan=\"2\">{} stood here in the old text; it is now <a href=\"#{}\">{}</a>.</td></tr>",
            anchor(o),
            depth.min(4),
            escape(o),
            escape(o),
            anchor(n),
            escape(n)
        );
    }
}

/// The CSS: colours come from the palettes in `style.rs` as custom
/// properties; everything else is layout.
fn css() -> String {
    let mut s = String::new();
    let _ = write!(
        s,
        ":root{{color-scheme:light dark;{}}}\n@media (prefers-color-scheme:dark){{:root{{{}}}}}\n",
        HTML_LIGHT.css_vars(),
        HTML_DARK.css_vars()
    );
    s.push_str(CSS);
    let _ = writeln!(
        s,
        "@media print{{:root{{color-scheme:light;{}}}{PRINT_CSS}}}",
        HTML_LIGHT.css_vars()
    );
    s
}

/// The report's style sheet, for a page that shows reports inside it (the
/// browser page in `web/`): the same look, light, dark, phone and print.
pub fn stylesheet() -> String {
    css()
}

const CSS: &str = "*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--text);font:1rem/1.55 system-ui,-apple-system,\"Segoe UI\",Roboto,\"Noto Sans\",\"Liberation Sans\",\"DejaVu Sans\",sans-serif}
.wrap{max-width:84rem;margin:0 auto;padding:1rem 1.25rem 2rem}
a{color:var(--link);text-underline-offset:.15em}
a:focus-visible{outline:2px solid var(--link);outline-offset:2px}
.skip{position:absolute;left:-999px}
.skip:focus{left:1rem;top:1rem;background:var(--bg);padding:.25rem .5rem}
h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.2rem;line-height:1.3;margin:2rem 0 .75rem}
p{margin:.5rem 0}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid var(--border);padding:.5rem .75rem;text-align:left;vertical-align:top;overflow-wrap:break-word}
thead th,tbody th{background:var(--head-bg)}
thead th{font-weight:600}
.docs{table-layout:fixed}
.docs col.c-field{width:8rem}
.docs tbody th{font-weight:normal;color:var(--muted)}
.clauses{table-layout:fixed}
.clauses col.c-label{width:11rem}
.clauses tbody th{font-weight:normal}
.clauses .part th{background:var(--bg);border-left:0;border-right:0;font-weight:600;padding-top:1.25rem}
del{color:var(--del-fg);background:var(--del-bg);text-decoration:line-through;text-decoration-thickness:.09em}
ins{color:var(--ins-fg);background:var(--ins-bg);text-decoration:underline;text-decoration-thickness:.09em;text-underline-offset:.18em}
del,ins{border-radius:.15em;padding:0 .1em;-webkit-box-decoration-break:clone;box-decoration-break:clone}
.id{font-weight:700}
.was,.lead-words,.from,.kind,.lead,.loose{display:block;font-size:.875rem}
.loose{color:var(--muted);font-style:italic}
.was,.lead-words,.piece,.note,.none,.empty,.counts .zero{color:var(--muted)}
.kind,.lead{font-weight:600}
.k-kept{color:var(--muted);font-weight:normal}
.k-changed,.lead{color:var(--changed)}
.k-added{color:var(--added)}
.k-dropped{color:var(--dropped)}
.k-moved{color:var(--moved)}
.piece{display:inline-block;font-size:.875rem;font-weight:600;background:var(--bg);margin-right:.35em;padding:0 .15em;border-radius:.15em}
.moved-from td{color:var(--muted);font-style:italic}
.amend{display:block;font-size:.875rem;color:var(--muted)}
.d1>th{padding-left:1.75rem}.d2>th{padding-left:2.75rem}.d3>th,.d4>th{padding-left:3.75rem}
.d1>td,.d2>td,.d3>td,.d4>td{font-size:.97rem}
tr{break-inside:avoid;page-break-inside:avoid}
tr[id]{scroll-margin-top:1rem}
tr:target>th,tr:target>td{box-shadow:inset 0 3px 0 var(--link),inset 0 -3px 0 var(--link)}
tr:target>th{box-shadow:inset 4px 0 0 var(--link),inset 0 3px 0 var(--link),inset 0 -3px 0 var(--link)}
.side{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.changes ol{margin:.5rem 0;padding-left:2rem}
.changes ol.many{columns:18rem 3;column-gap:2rem}
.changes li{margin:0 0 .15rem;break-inside:avoid}
.changes .what{color:var(--muted)}
footer{margin-top:2rem;font-size:.875rem;color:var(--muted)}
@media (max-width:700px){
.wrap{padding:.75rem}
h1{font-size:1.25rem}
.clauses,.clauses tbody,.clauses tr,.clauses th,.clauses td{display:block;width:auto}
.clauses thead,.clauses colgroup{display:none}
.clauses tr{border:1px solid var(--border);margin:0 0 .75rem}
.clauses tr.part{border:0;margin:1.25rem 0 .5rem}
.clauses th,.clauses td{border:0}
.clauses td{border-top:1px solid var(--border)}
.clauses td.empty,.clauses tr.same>td.old{display:none}
.clauses .side{position:static;width:auto;height:auto;overflow:visible;clip:auto;white-space:normal;display:block;font-size:.8rem;font-weight:600;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
.clauses tr:target{outline:3px solid var(--link)}
.clauses tr:target>th,.clauses tr:target>td{box-shadow:none}
.d1,.d2,.d3,.d4{margin-left:.75rem!important}
.d1>th,.d2>th,.d3>th,.d4>th{padding-left:.75rem}
.was,.kind,.lead,.lead-words,.from{display:inline;margin-left:.5rem}
.docs,.docs tbody,.docs tr,.docs th,.docs td{display:block;width:auto}
.docs thead,.docs colgroup{display:none}
.docs tr{border:1px solid var(--border);border-top:0}
.docs tr:first-child{border-top:1px solid var(--border)}
.docs th,.docs td{border:0;padding:.3rem .6rem}
.docs tbody th{padding-bottom:0;font-size:.8rem;font-weight:600;text-transform:uppercase;letter-spacing:.04em;background:var(--bg)}
.docs .side{position:static;width:auto;height:auto;overflow:visible;clip:auto;white-space:normal;display:inline;color:var(--muted);font-size:.875rem;margin-right:.5rem}
.docs .side::after{content:':'}
}
";

const PRINT_CSS: &str = "body{font-size:10pt;line-height:1.4}
.wrap{max-width:none;padding:0}
.skip{display:none}
a{color:inherit;text-decoration:none}
thead{display:table-header-group}
h2{break-after:avoid;page-break-after:avoid}
tr:target>th,tr:target>td{box-shadow:none}
";

/// The language and direction of a cell holding a text's own words: nothing
/// for English (the page's language); `lang="ar" dir="rtl"` for Arabic, so
/// that it reads right to left while ids and labels stay left to right;
/// `lang` alone for the others (Chinese then gets Chinese glyphs).
fn text_attrs(lang: crate::parse::Lang) -> &'static str {
    use crate::parse::Lang;
    match lang {
        Lang::En => "",
        Lang::Ar => " lang=\"ar\" dir=\"rtl\" style=\"text-align:right\"",
        Lang::Zh => " lang=\"zh\"",
        Lang::Fr => " lang=\"fr\"",
        Lang::Ru => " lang=\"ru\"",
        Lang::Es => " lang=\"es\"",
    }
}

/// A lead word escaped, and for a language other than English isolated in
/// `<bdi>`, so that `تطالب → تهيب` keeps the old lead before the arrow
/// whichever way each runs.
fn lead_html(lead: Option<&str>, lang: crate::parse::Lang) -> String {
    let t = escape(lead.unwrap_or("(none)"));
    if lang == crate::parse::Lang::En {
        t
    } else {
        format!("<bdi>{t}</bdi>")
    }
}

/// The page around a body: head, styles, landmarks.
pub(super) fn page(title: &str, body: &str) -> String {
    page_with_css(title, "", body)
}

/// [`page`] with CSS of its own after the shared styles (the rival-drafts matrix).
pub(super) fn page_with_css(title: &str, extra_css: &str, body: &str) -> String {
    let mut s = String::with_capacity(body.len() + 8192);
    s.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    s.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    s.push_str("<meta name=\"color-scheme\" content=\"light dark\">\n");
    s.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; script-src 'none'\">\n");
    let _ = write!(
        s,
        "<meta name=\"generator\" content=\"resdiff {}\">\n<title>{}</title>\n<style>\n{}</style>\n</head>\n<body>\n",
        env!("CARGO_PKG_VERSION"),
        escape(title),
        css() + extra_css
    );
    s.push_str(body);
    s.push_str("</body>\n</html>\n");
    s
}

/// The rows of the header table: a field, the old value, the new value.
fn header_rows(d: &ResolutionDiff) -> String {
    let (oh, nh) = (&d.old.header, &d.new.header);
    let (oa, na) = (text_attrs(d.old.lang), text_attrs(d.new.lang));
    let mut s = String::new();
    let row = |s: &mut String, name: &str, old: String, new: String| {
        let _ = writeln!(
            s,
            "<tr><th scope=\"row\">{name}</th><td{oa}><span class=\"side\">Old</span>{old}</td><td{na}><span class=\"side\">New</span>{new}</td></tr>"
        );
    };
    let opt = |v: Option<&str>| {
        v.map(escape)
            .unwrap_or_else(|| "<span class=\"none\">—</span>".to_string())
    };
    let sponsors = |r: &Resolution, changed: &[String], tag: &str| {
        let s = r
            .header
            .sponsors
            .iter()
            .map(|s| {
                if changed.contains(s) {
                    format!("<{tag}>{}</{tag}>", escape(s))
                } else {
                    escape(s)
                }
            })
            .collect::<Vec<_>>()
            .join(super::list_separator(r.lang));
        if s.is_empty() {
            "<span class=\"none\">—</span>".to_string()
        } else {
            s
        }
    };
    for r in super::header_rows(d) {
        match r {
            HeaderRow::Field(name, o, n) => row(&mut s, name, opt(o), opt(n)),
            HeaderRow::Title(segs) => row(
                &mut s,
                "Title",
                side_html(segs, true, &[], ""),
                side_html(segs, false, &[], ""),
            ),
            // a long list that did not change is folded: the first screen
            // is for what changed
            HeaderRow::Sponsors
                if oh.sponsors == nh.sponsors && oh.sponsors.len() > FOLD_SPONSORS_ABOVE =>
            {
                let _ = writeln!(
                    s,
                    "<tr><th scope=\"row\">Sponsors</th><td colspan=\"2\"><details><summary>{} delegations, the same in both</summary>{}</details></td></tr>",
                    oh.sponsors.len(),
                    escape(&oh.sponsors.join(super::list_separator(d.old.lang)))
                );
            }
            HeaderRow::Sponsors => row(
                &mut s,
                "Sponsors",
                sponsors(&d.old, &d.header.sponsors_removed, "del"),
                sponsors(&d.new, &d.header.sponsors_added, "ins"),
            ),
            HeaderRow::File => row(
                &mut s,
                "File",
                escape(file_name(&d.old.source)),
                escape(file_name(&d.new.source)),
            ),
        }
    }
    s
}

/// The summary list: one linked line per clause whose own wording, place or
/// lead changed, in reading order.
fn change_list(
    changes: &[&Change],
    opts: &RenderOptions,
    langs: (crate::parse::Lang, crate::parse::Lang),
    out: &mut String,
) {
    for c in changes {
        if own_change(c) {
            let id = shown_id(c);
            let (word, class) = kind_word(c);
            let mut what = format!("<span class=\"{class}\">{word}</span>");
            if c.loose {
                what.push_str(" (loose)");
            }
            if !c.new.is_empty() && !c.old.is_empty() && c.old != c.new {
                let _ = write!(what, ", was {}", escape(&c.old.join(" + ")));
            }
            if let Some(l) = &c.lead {
                let _ = write!(
                    what,
                    ", {} ({} → {})",
                    lead_word(l).0,
                    lead_html(l.old.as_deref(), langs.0),
                    lead_html(l.new.as_deref(), langs.1)
                );
            }
            if c.heading.is_some() {
                what.push_str(", heading changed");
            }
            let _ = writeln!(
                out,
                "<li><a href=\"#{}\">{}</a> <span class=\"what\">{what}</span></li>",
                row_anchor(c),
                escape(&id)
            );
        }
        change_list(&visible(&c.children, opts), opts, langs, out);
    }
}

/// With `--amendments`: each instruction and what became of it, then the
/// changes no amendment explains, linked to their rows.
fn amendment_section(d: &ResolutionDiff, b: &mut String) {
    let Some(a) = &d.attribution else {
        return;
    };
    b.push_str("<h2 id=\"amendments\">Amendments</h2>\n<ul>\n");
    for (i, (_, line)) in a
        .instructions
        .iter()
        .zip(super::amendments::instruction_lines(d))
    {
        let _ = writeln!(
            b,
            "<li>{} <span class=\"note\">(line {}: {})</span></li>",
            escape(&line),
            i.line,
            escape(&i.text)
        );
    }
    b.push_str("</ul>\n");
    if a.unexplained.is_empty() {
        b.push_str("<p>Every change is explained by an amendment.</p>\n");
        return;
    }
    b.push_str("<p>Changes not from any amendment:</p>\n<ul>\n");
    for u in &a.unexplained {
        let text = escape(&super::amendments::unexplained_line(u, d));
        let target = match (u.new.first(), u.old.first()) {
            (Some(n), _) => Some(anchor(n)),
            (None, Some(o)) => Some(format!("old-{}", anchor(o))),
            _ => None,
        };
        match target {
            Some(t) => {
                let _ = writeln!(b, "<li><a href=\"#{t}\">{text}</a></li>");
            }
            None => {
                let _ = writeln!(b, "<li>{text}</li>");
            }
        }
    }
    b.push_str("</ul>\n");
}

/// The comparison as a standalone page.
pub(super) fn diff(
    d: &ResolutionDiff,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let (old_name, new_name) = side_names(d, opts);
    let title = format!("{old_name} → {new_name}: resdiff comparison");
    let mut p = Page {
        diff: d,
        opts,
        old_order: order(&d.old),
        body: String::new(),
    };
    let b = &mut p.body;
    b.push_str("<a class=\"skip\" href=\"#clauses\">Skip to the clauses</a>\n");
    b.push_str("<div class=\"wrap\">\n<header>\n");
    let _ = writeln!(
        b,
        "<h1>{} <span aria-label=\"compared with\">→</span> {}</h1>",
        escape(&old_name),
        escape(&new_name)
    );
    b.push_str("<table class=\"docs\">\n<caption class=\"vh\">The two documents</caption>\n<colgroup><col class=\"c-field\"><col><col></colgroup>\n");
    let _ = writeln!(
        b,
        "<thead><tr><td></td><th scope=\"col\">Old: {}</th><th scope=\"col\">New: {}</th></tr></thead>",
        escape(&old_name),
        escape(&new_name)
    );
    let _ = write!(
        b,
        "<tbody>\n{}</tbody>\n</table>\n</header>\n",
        header_rows(d)
    );

    // summary with links
    let shown = visible(&d.changes, opts);
    b.push_str("<nav class=\"changes\" aria-labelledby=\"summary\">\n<h2 id=\"summary\">Summary of changes</h2>\n");
    let _ = writeln!(
        b,
        "<p class=\"counts\">{}</p>",
        escape(&summary_line(d, usize::MAX))
    );
    // the names in words (added, no longer listed), unmarked: the marks
    // are the header table's
    if let Some(line) = super::sponsor_changes(&d.header) {
        let _ = writeln!(b, "<p class=\"sponsors\">{}</p>", escape(&line));
    }
    let mut list = String::new();
    change_list(&shown, opts, (d.old.lang, d.new.lang), &mut list);
    if list.is_empty() {
        b.push_str("<p>No clause changed its wording, place or lead words.</p>\n");
    } else {
        // a long list reads better in columns; two items do not
        let class = if list.lines().count() > 8 {
            " class=\"many\""
        } else {
            ""
        };
        let _ = write!(b, "<ol{class}>\n{list}</ol>\n");
    }
    for n in &d.notes {
        let _ = writeln!(b, "<p class=\"note\">Note: {}</p>", escape(n));
    }
    amendment_section(d, b);
    b.push_str("</nav>\n");

    // the clauses
    b.push_str("<main id=\"clauses\">\n<h2>Clauses side by side</h2>\n");
    b.push_str("<p class=\"note\">Clauses are paired by content, not by number. Deleted words are struck through, inserted words underlined.</p>\n");
    b.push_str("<table class=\"clauses\">\n");
    let _ = writeln!(
        b,
        "<caption class=\"vh\">Clauses of {} (old) and {} (new), aligned</caption>",
        escape(&old_name),
        escape(&new_name)
    );
    b.push_str("<colgroup><col class=\"c-label\"><col><col></colgroup>\n");
    let _ = writeln!(
        b,
        "<thead><tr><th scope=\"col\">Clause</th><th scope=\"col\">Old: {}</th><th scope=\"col\">New: {}</th></tr></thead>",
        escape(&old_name),
        escape(&new_name)
    );
    let mut start = 0;
    while start < shown.len() {
        let part = shown[start].part;
        let end = shown[start..]
            .iter()
            .position(|c| c.part != part)
            .map_or(shown.len(), |k| start + k);
        let _ = writeln!(
            p.body,
            "<tbody>\n<tr class=\"part\"><th colspan=\"3\" scope=\"colgroup\">{}</th></tr>",
            part_title(part)
        );
        p.rows(&shown[start..end], 0);
        p.body.push_str("</tbody>\n");
        start = end;
    }
    p.body.push_str("</table>\n");
    if opts.changes_only && shown.len() < d.changes.len() {
        let _ = writeln!(
            p.body,
            "<p class=\"note\">{} not shown.</p>",
            super::plural(d.changes.len() - shown.len(), "unchanged clause")
        );
    }
    p.body.push_str("</main>\n");
    let _ = writeln!(
        p.body,
        "<footer><p>Made by resdiff {} from {} and {}.</p></footer>\n</div>",
        env!("CARGO_PKG_VERSION"),
        escape(file_name(&p.diff.old.source)),
        escape(file_name(&p.diff.new.source))
    );
    out.write_all(page(&title, &p.body).as_bytes())
}

/// One document's structure as a page (`resdiff show --format html`).
pub(super) fn resolution(r: &Resolution, out: &mut dyn Write) -> io::Result<()> {
    let name = doc_name(r);
    let mut b = String::new();
    b.push_str("<div class=\"wrap\">\n<header>\n");
    let _ = writeln!(b, "<h1>{}</h1>", escape(&name));
    let h = &r.header;
    b.push_str("<table class=\"docs\">\n<caption class=\"vh\">The document</caption>\n<tbody>\n");
    let sponsors = (!h.sponsors.is_empty()).then(|| h.sponsors.join(super::list_separator(r.lang)));
    for (k, v) in [
        ("Symbol", &h.symbol),
        ("Document", &h.kind),
        ("Title", &h.title),
        ("Sponsors", &sponsors),
        ("Date", &h.date),
        ("Session", &h.session),
    ] {
        if let Some(v) = v {
            let _ = writeln!(
                b,
                "<tr><th scope=\"row\">{k}</th><td{}>{}</td></tr>",
                text_attrs(r.lang),
                escape(v)
            );
        }
    }
    b.push_str(
        "</tbody>\n</table>\n</header>\n<main>\n<h2>Clauses</h2>\n<table class=\"clauses\">\n",
    );
    b.push_str("<thead><tr><th scope=\"col\">Clause</th><th scope=\"col\">Text</th></tr></thead>\n<tbody>\n");
    for c in r.clauses() {
        c.walk(&mut |c: &Clause| {
            let depth = c.id.matches('(').count();
            let label = if depth > 0 {
                sub_label(&c.id).map(|l| format!("{l} ")).unwrap_or_default()
            } else {
                String::new()
            };
            let _ = writeln!(
                b,
                "<tr id=\"{}\" class=\"d{}\"><th scope=\"row\"><span class=\"id\">{}</span></th><td{}>{}{}</td></tr>",
                anchor(&c.id),
                depth.min(4),
                escape(&c.id),
                text_attrs(r.lang),
                escape(&label),
                escape(&c.text)
            );
        });
    }
    b.push_str("</tbody>\n</table>\n</main>\n</div>\n");
    out.write_all(page(&format!("{name}: resdiff"), &b).as_bytes())
}

/// Both sides of a word diff inline: equal text, `<del>` and `<ins>`.
pub(super) fn inline_html(segments: &[Segment]) -> String {
    let mut s = String::new();
    for seg in segments {
        let text = escape(&seg.text).replace('\n', " ¶ ");
        match seg.op {
            Op::Equal => s.push_str(&text),
            Op::Delete => {
                let _ = write!(s, "<del>{text}</del>");
            }
            Op::Insert => {
                let _ = write!(s, "<ins>{text}</ins>");
            }
        }
    }
    s
}

/// A version history as a page: the versions, what each step changed, and
/// one row per clause lineage with what happened to it at each step.
pub(super) fn history(
    h: &crate::history::History,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let labels: Vec<&str> = h.versions.iter().map(|v| v.label.as_str()).collect();
    let title = format!("History: {}", labels.join(" → "));
    let mut b = String::new();
    let _ = writeln!(b, "<header><h1>{}</h1></header>\n<main>", escape(&title));
    b.push_str("<h2>Versions</h2>\n<table class=\"head\"><thead><tr><th scope=\"col\">Version</th><th scope=\"col\">Title</th><th scope=\"col\">File</th></tr></thead><tbody>\n");
    for v in &h.versions {
        let _ = writeln!(
            b,
            "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td></tr>",
            escape(&v.label),
            escape(v.document.header.title.as_deref().unwrap_or("—")),
            escape(file_name(&v.document.source))
        );
    }
    b.push_str("</tbody></table>\n<h2>Steps</h2>\n<ul>\n");
    for s in &h.steps {
        let _ = writeln!(
            b,
            "<li><strong>{} → {}</strong>: {}</li>",
            escape(&h.versions[s.from].label),
            escape(&h.versions[s.to].label),
            super::summary_wrapped("", &s.summary, usize::MAX)
        );
    }
    b.push_str("</ul>\n<h2>Clauses through the versions</h2>\n<p class=\"note\">Each row follows one clause; deleted words are struck through, inserted words underlined.</p>\n");
    b.push_str("<table class=\"diff\"><thead><tr><th scope=\"col\">Clause in each version</th><th scope=\"col\">What happened</th></tr></thead><tbody>\n");
    for (k, l) in h.lineages.iter().enumerate() {
        if opts.changes_only && !l.changed() {
            continue;
        }
        let chain: Vec<String> = l
            .ids
            .iter()
            .map(|i| escape(i.as_deref().unwrap_or("·")))
            .collect();
        let _ = write!(
            b,
            "<tr id=\"lineage-{}\"><th scope=\"row\">{}</th><td>",
            k + 1,
            chain.join(" → ")
        );
        if let Some(f) = &l.split_from {
            let _ = write!(b, "<p>split off {}</p>", escape(f));
        }
        if let Some(f) = &l.moved_from {
            let _ = write!(b, "<p>moved here from {}</p>", escape(f));
        }
        for e in &l.events {
            let c = &e.change;
            let to = &h.versions[h.steps[e.step].to].label;
            let (word, _) = kind_word(c);
            let _ = write!(b, "<p><strong>{}</strong>: {}", escape(to), word);
            if let Some(lead) = &c.lead {
                let (dir, _) = lead_word(lead);
                let _ = write!(
                    b,
                    " — {} {} → {}",
                    dir,
                    escape(lead.old.as_deref().unwrap_or("—")),
                    escape(lead.new.as_deref().unwrap_or("—"))
                );
            }
            let _ = write!(b, "<br>{}</p>", inline_html(&c.segments));
        }
        if let Some(m) = &l.merged_into {
            let _ = write!(b, "<p>merged into {}</p>", escape(m));
        }
        if let Some(m) = &l.moved_to {
            let _ = write!(b, "<p>moved to {}</p>", escape(m));
        }
        if l.events.is_empty() && l.split_from.is_none() {
            let _ = write!(
                b,
                "<p class=\"note\">unchanged</p><p>{}</p>",
                escape(&l.text)
            );
        }
        b.push_str("</td></tr>\n");
    }
    b.push_str("</tbody></table>\n</main>\n");
    out.write_all(page(&title, &b).as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_are_ascii_and_stable() {
        assert_eq!(anchor("OP3"), "OP3");
        assert_eq!(anchor("OP3(a)(ii)"), "OP3-a-ii");
        assert_eq!(anchor("OP2bis"), "OP2bis");
        assert_eq!(anchor("\"><img src=x>"), "img-src-x");
        assert_eq!(anchor("()"), "clause");
    }

    #[test]
    fn escape_covers_markup_and_both_quotes() {
        assert_eq!(
            escape("\"><img src=x onerror=alert(1)>"),
            "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"
        );
        assert_eq!(escape("a & b's"), "a &amp; b&#39;s");
        assert_eq!(escape("javascript:alert(1)"), "javascript:alert(1)");
    }

    #[test]
    fn spaces_stay_outside_marks_and_each_segment_is_one_element() {
        let segs = vec![
            Segment {
                op: Op::Equal,
                text: "a ".into(),
            },
            Segment {
                op: Op::Insert,
                text: "just, ".into(),
            },
            Segment {
                op: Op::Delete,
                text: "<b>".into(),
            },
            Segment {
                op: Op::Equal,
                text: "peace".into(),
            },
        ];
        assert_eq!(side_html(&segs, false, &[], ""), "a <ins>just,</ins> peace");
        assert_eq!(
            side_html(&segs, true, &[], ""),
            "a <del>&lt;b&gt;</del>peace"
        );
    }

    #[test]
    fn split_pieces_carry_their_ids_and_anchors() {
        let segs = vec![
            Segment {
                op: Op::Equal,
                text: "Decides to act;".into(),
            },
            Segment {
                op: Op::Insert,
                text: "\nRequests a report;".into(),
            },
        ];
        let names = vec!["OP4".to_string(), "OP5".to_string()];
        let html = side_html(&segs, false, &names, "");
        assert_eq!(
            html,
            "<span class=\"piece\">OP4:</span>Decides to act;<br><span class=\"piece\" id=\"OP5\">OP5:</span><ins>Requests a report;</ins>"
        );
    }
}
