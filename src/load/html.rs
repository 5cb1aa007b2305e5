//! HTML inputs: paragraphs and lists, without scripts, styles or navigation.
//!
//! Pages that carry a draft (UN web pages, press releases quoting a text,
//! Word's "save as HTML") hold it in `<p>`, `<div>` and list elements, among
//! menus, banners and scripts. The page is parsed as a browser would
//! (html5ever, through scraper), page furniture is dropped, ordered list
//! items get the numbers a browser shows (`1.`, `(a)`, `(i)`), and footnote
//! marks and notes (Word's `_ftn` anchors, `<sup>` marks, `doc-endnotes`
//! sections) are laid out as the parser expects.

use ego_tree::NodeRef;
use scraper::node::Element;
use scraper::{Html, Node};

use super::paragraphs::{Paragraphs, glue_mark, one_line};
use super::{Document, LoadOptions, Metadata, SourceFormat, charset};
use crate::error::{Error, Result};
use crate::numbering::{letters, roman};

/// Below this depth the page's structure is flattened to its text, so a
/// deeply nested page cannot exhaust the stack.
const MAX_DEPTH: usize = 256;

/// Pages whose elements stay open deeper than this are refused before
/// parsing: html5ever's tree builder takes time quadratic in the depth
/// (20,000 unclosed `<div>`s take seconds), and real pages nest a few dozen deep.
pub(crate) const MAX_NESTING: usize = 2_000;

/// Loads a HTML input.
pub(super) fn load(name: &str, bytes: &[u8], _opts: &LoadOptions) -> Result<Document> {
    let source = decode(bytes).map_err(|problem| Error::input(name, problem))?;
    if nesting(&source) > MAX_NESTING {
        return Err(Error::input(
            name,
            format!("HTML nested more than {MAX_NESTING} elements deep; refused"),
        ));
    }
    let html = Html::parse_document(&source);
    let mut w = Walker::default();
    w.walk(html.tree.root(), 0);
    w.flush();
    let title = html
        .tree
        .root()
        .descendants()
        .find(|n| n.value().as_element().is_some_and(|e| e.name() == "title"))
        .map(|t| one_line(&text_of(t)))
        .filter(|t| !t.is_empty());
    Ok(Document {
        source: name.to_string(),
        format: SourceFormat::Html,
        text: w.out.layout(),
        meta: Metadata {
            title,
            ..Metadata::default()
        },
    })
}

/// Decodes a page: a byte-order mark wins, then UTF-8; a page that is not
/// UTF-8 is read in the charset it declares (encoding_rs, as browsers
/// label them), or as windows-1252 when it declares none, as browsers do.
fn decode(bytes: &[u8]) -> std::result::Result<String, String> {
    if bytes.starts_with(b"\xEF\xBB\xBF")
        || bytes.starts_with(b"\xFF\xFE")
        || bytes.starts_with(b"\xFE\xFF")
    {
        return super::decode_text(bytes.to_vec());
    }
    if bytes.starts_with(b"<\0") {
        return super::decode_text([b"\xFF\xFE".as_slice(), bytes].concat());
    }
    if bytes.starts_with(b"\0<") {
        return super::decode_text([b"\xFE\xFF".as_slice(), bytes].concat());
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => {
            let head =
                String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
            let declared = head.split("charset=").nth(1).map(|rest| {
                rest.trim_start_matches(['"', '\''])
                    .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
                    .next()
                    .unwrap_or("")
                    .to_string()
            });
            match declared {
                Some(cs) if !cs.is_empty() && !charset::is_latin(&cs) => {
                    // any other encoding a browser knows is read as it would be
                    match encoding_rs::Encoding::for_label(cs.as_bytes()) {
                        Some(enc) if enc != encoding_rs::UTF_8 => {
                            Ok(enc.decode_without_bom_handling(bytes).0.into_owned())
                        }
                        _ => {
                            let cs: String = cs.chars().take(40).collect();
                            Err(format!(
                                "a page in {cs} (not valid UTF-8 at byte {}); save it as UTF-8",
                                e.valid_up_to()
                            ))
                        }
                    }
                }
                _ => Ok(charset::windows_1252(bytes)),
            }
        }
    }
}

/// How deep elements stay open, roughly: start tags less end tags, not
/// counting void elements or those whose end tag may be left out (`<p>`,
/// `<li>`, `<td>`, which close themselves), nor anything inside comments,
/// scripts and styles. An upper bound on the parser's stack for any page
/// that is not built to defeat it, and cheap: one pass, no allocation.
fn nesting(html: &str) -> usize {
    const UNCOUNTED: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th",
        "tbody", "thead", "tfoot", "colgroup", "caption", "rp", "rt", "html", "head", "body",
        "!doctype",
    ];
    let b = html.as_bytes();
    let (mut depth, mut max, mut i) = (0usize, 0usize, 0usize);
    while let Some(off) = b[i..].iter().position(|&c| c == b'<') {
        i += off + 1;
        if b[i..].starts_with(b"!--") {
            i = html[i..].find("-->").map_or(b.len(), |e| i + e + 3);
            continue;
        }
        let close = b.get(i) == Some(&b'/');
        let start = i + usize::from(close);
        let end = b[start..]
            .iter()
            .position(|c| !(c.is_ascii_alphanumeric() || *c == b'!'))
            .map_or(b.len(), |e| start + e);
        if end == start {
            continue;
        }
        let name = html[start..end].to_ascii_lowercase();
        let gt = b[end..]
            .iter()
            .position(|&c| c == b'>')
            .map_or(b.len(), |e| end + e);
        let self_closing = gt > 0 && b.get(gt - 1) == Some(&b'/');
        i = gt.min(b.len());
        if !close
            && matches!(
                name.as_str(),
                "script" | "style" | "textarea" | "title" | "xmp"
            )
        {
            // raw text up to the matching end tag
            let endtag = format!("</{name}");
            let lower = |k: usize| html.get(k..).map(|s| s.as_bytes());
            let mut k = i;
            while let Some(rest) = lower(k) {
                match rest.iter().position(|&c| c == b'<') {
                    Some(o)
                        if rest[o..].len() >= endtag.len()
                            && rest[o..o + endtag.len()]
                                .eq_ignore_ascii_case(endtag.as_bytes()) =>
                    {
                        k += o + endtag.len();
                        break;
                    }
                    Some(o) => k += o + 1,
                    None => {
                        k = b.len();
                        break;
                    }
                }
            }
            i = k.min(b.len());
            continue;
        }
        if UNCOUNTED.contains(&name.as_str()) || self_closing {
            continue;
        }
        if close {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            max = max.max(depth);
        }
    }
    max
}

/// One open `<ol>` or `<ul>`.
struct List {
    /// `1`, `a`, `A`, `i`, `I`, or `None` for bullets and `list-style: none`.
    kind: Option<char>,
    next: i64,
}

/// Walks the page, collecting paragraphs and notes.
#[derive(Default)]
struct Walker {
    out: Paragraphs,
    /// Inline text of the paragraph being read.
    buf: String,
    /// The number of the list item whose first paragraph is being read.
    prefix: Option<String>,
    lists: Vec<List>,
    pre: usize,
    /// Inside a footnotes section: paragraphs are notes.
    in_notes: usize,
    /// The mark of the note being read, from its back-link anchor or list number.
    note_mark: Option<String>,
}

impl Walker {
    fn walk(&mut self, node: NodeRef<'_, Node>, depth: usize) {
        match node.value() {
            Node::Text(t) => self.text(t),
            Node::Element(e) => {
                if depth > MAX_DEPTH {
                    self.text(&text_of(node));
                } else {
                    self.element(node, e, depth);
                }
            }
            Node::Document | Node::Fragment => self.children(node, depth),
            _ => {}
        }
    }

    fn children(&mut self, node: NodeRef<'_, Node>, depth: usize) {
        for c in node.children() {
            self.walk(c, depth + 1);
        }
    }

    fn text(&mut self, t: &str) {
        if self.pre > 0 {
            self.buf.push_str(t);
            return;
        }
        // spacing collapses as in a browser; a space at either end is kept
        let starts = t.starts_with(char::is_whitespace);
        let ends = t.ends_with(char::is_whitespace);
        let words = one_line(t);
        if starts && !self.buf.ends_with([' ', '\n']) && !self.buf.is_empty() {
            self.buf.push(' ');
        }
        self.buf.push_str(&words);
        if ends && !words.is_empty() {
            self.buf.push(' ');
        }
    }

    fn element(&mut self, node: NodeRef<'_, Node>, e: &Element, depth: usize) {
        let name = e.name();
        if is_furniture(name, e) {
            return;
        }
        if name == "head" {
            return; // the title is read apart
        }
        if name == "br" {
            self.buf.push('\n');
            return;
        }
        if self.in_notes == 0 && is_notes_section(e) {
            self.flush();
            self.in_notes += 1;
            self.children(node, depth);
            self.flush();
            self.in_notes -= 1;
            return;
        }
        match name {
            "ol" | "ul" => {
                self.flush();
                let kind = if name == "ul" {
                    None
                } else {
                    list_kind(e, self.lists.iter().filter(|l| l.kind.is_some()).count())
                };
                let start = e
                    .attr("start")
                    .and_then(|s| s.trim().parse::<i64>().ok())
                    .unwrap_or(1);
                self.lists.push(List { kind, next: start });
                self.children(node, depth);
                self.flush();
                self.lists.pop();
            }
            "li" => {
                self.flush();
                if let Some(list) = self.lists.last_mut() {
                    if let Some(v) = e.attr("value").and_then(|v| v.trim().parse::<i64>().ok()) {
                        list.next = v;
                    }
                    let n = list.next;
                    list.next = n.saturating_add(1);
                    if self.in_notes > 0 {
                        self.note_mark = Some(n.to_string());
                    } else {
                        self.prefix = list.kind.map(|k| label(n, k));
                    }
                }
                self.children(node, depth);
                self.flush();
                self.prefix = None;
            }
            "sup" => {
                let t = one_line(&text_of(node));
                match footnote_mark(&t) {
                    Some(m) if self.in_notes == 0 && !self.buf.trim().is_empty() => {
                        glue_mark(&mut self.buf, m)
                    }
                    Some(m)
                        if self.in_notes > 0
                            && self.buf.trim().is_empty()
                            && self.note_mark.is_none() =>
                    {
                        self.note_mark = Some(m.to_string());
                    }
                    _ => self.children(node, depth),
                }
            }
            "a" => self.anchor(node, e, depth),
            "pre" => {
                self.flush();
                self.pre += 1;
                self.children(node, depth);
                self.pre -= 1;
                self.flush();
            }
            _ if is_block(name) => {
                self.flush();
                self.children(node, depth);
                self.flush();
            }
            _ => self.children(node, depth),
        }
    }

    /// Footnote anchors: a mark in the text (`href="#_ftn1"`, `role="doc-noteref"`),
    /// or the back-link that opens or closes a note.
    fn anchor(&mut self, node: NodeRef<'_, Node>, e: &Element, depth: usize) {
        let href = e.attr("href").unwrap_or("");
        let role = e.attr("role").unwrap_or("");
        let class = e.attr("class").unwrap_or("");
        let t = one_line(&text_of(node));
        let back = role == "doc-backlink"
            || class
                .split_whitespace()
                .any(|c| c == "footnote-back" || c == "footnote-backref")
            || href.starts_with("#_ftnref")
            || href.starts_with("#_ednref")
            || href.starts_with("#fnref");
        let to_note = role == "doc-noteref"
            || class.split_whitespace().any(|c| c == "footnote-ref")
            || href.starts_with("#_ftn")
            || href.starts_with("#_edn")
            || href.starts_with("#fn")
            || href.starts_with("#footnote");
        if back {
            // Word opens a note with a "[1]" back-link; pandoc closes it with "↩"
            if self.in_notes > 0
                && self.buf.trim().is_empty()
                && let Some(m) = footnote_mark(&t)
            {
                self.note_mark = Some(m.to_string());
            }
            return;
        }
        if to_note
            && self.in_notes == 0
            && let Some(m) = footnote_mark(&t)
        {
            if !self.buf.trim().is_empty() {
                glue_mark(&mut self.buf, m);
            }
            return;
        }
        self.children(node, depth);
    }

    /// Ends the paragraph being read: a paragraph, or in a notes section a note.
    fn flush(&mut self) {
        let text = std::mem::take(&mut self.buf);
        if text.trim().is_empty() {
            return;
        }
        if self.in_notes > 0 {
            let text = one_line(&text);
            match self.note_mark.take() {
                Some(m) => self.out.notes.push((m, text)),
                None => match text
                    .split_once(' ')
                    .filter(|(m, _)| footnote_mark(m).is_some())
                {
                    // "1 Resolution 217 A (III)." typed as text
                    Some((m, rest)) => self
                        .out
                        .notes
                        .push((footnote_mark(m).unwrap_or(m).to_string(), rest.to_string())),
                    // a second paragraph of the same note
                    None => match self.out.notes.last_mut() {
                        Some(last) => {
                            last.1.push(' ');
                            last.1.push_str(&text);
                        }
                        None => self.out.push(text),
                    },
                },
            }
            return;
        }
        match self.prefix.take() {
            // a list item that already prints its number keeps it
            Some(p) if !text.trim_start().starts_with(&p) => {
                self.out.push(format!("{p} {}", text.trim_start()))
            }
            _ => self.out.push(text),
        }
    }
}

/// Elements and attributes that mark page furniture rather than content.
fn is_furniture(name: &str, e: &Element) -> bool {
    const SKIPPED: &[&str] = &[
        "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "svg",
        "math", "iframe", "object", "embed", "button", "select", "textarea", "input", "canvas",
        "audio", "video", "map", "dialog", "menu",
    ];
    if SKIPPED.contains(&name) {
        return true;
    }
    if e.attr("hidden").is_some()
        || e.attr("aria-hidden")
            .is_some_and(|v| v.eq_ignore_ascii_case("true"))
    {
        return true;
    }
    if e.attr("role").is_some_and(|r| {
        [
            "navigation",
            "menu",
            "menubar",
            "banner",
            "contentinfo",
            "search",
            "dialog",
            "toolbar",
        ]
        .contains(&r.trim().to_ascii_lowercase().as_str())
    }) {
        return true;
    }
    if let Some(style) = e.attr("style") {
        let s: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if s.contains("display:none")
            || s.contains("visibility:hidden")
            || s.contains("mso-hide:all")
        {
            return true;
        }
    }
    // menus, breadcrumbs, skip links and cookie banners, by class or id
    const NAV_WORDS: &[&str] = &[
        "nav",
        "navbar",
        "navigation",
        "menu",
        "menubar",
        "breadcrumb",
        "breadcrumbs",
        "skip",
        "skiplink",
        "sidebar",
        "cookie",
        "cookies",
        "visually",
        "sr",
    ];
    let words = |v: &str| {
        v.split(|c: char| c.is_whitespace() || c == '-' || c == '_')
            .any(|w| NAV_WORDS.contains(&w.to_ascii_lowercase().as_str()))
    };
    e.attr("class").is_some_and(words) || e.attr("id").is_some_and(words)
}

/// A footnotes section: Word's `mso-element:footnote-list`, pandoc's and
/// others' `doc-endnotes`/`footnotes`.
fn is_notes_section(e: &Element) -> bool {
    let style = e
        .attr("style")
        .unwrap_or("")
        .replace(' ', "")
        .to_ascii_lowercase();
    style.contains("mso-element:footnote-list")
        || style.contains("mso-element:endnote-list")
        || e.attr("role")
            .is_some_and(|r| r == "doc-endnotes" || r == "doc-footnotes")
        || e.attr("class").is_some_and(|c| {
            c.split_whitespace()
                .any(|c| c == "footnotes" || c == "endnotes")
        })
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "blockquote"
            | "section"
            | "article"
            | "main"
            | "table"
            | "tr"
            | "td"
            | "th"
            | "thead"
            | "tbody"
            | "tfoot"
            | "caption"
            | "dl"
            | "dt"
            | "dd"
            | "address"
            | "figure"
            | "figcaption"
            | "hr"
            | "center"
            | "details"
            | "summary"
            | "fieldset"
            | "legend"
            | "form"
            | "body"
            | "html"
    )
}

/// How an `<ol>` numbers its items: its `type`, its CSS `list-style-type`,
/// or by nesting as UN texts do (`1.`, then `(a)`, then `(i)`).
fn list_kind(e: &Element, ordered_ancestors: usize) -> Option<char> {
    if let Some(t) = e.attr("type").map(str::trim)
        && let Some(k) = ['1', 'a', 'A', 'i', 'I']
            .into_iter()
            .find(|k| t.len() == 1 && t.starts_with(*k))
    {
        return Some(k);
    }
    if let Some(style) = e.attr("style").map(str::to_ascii_lowercase) {
        for (css, k) in [
            ("decimal", Some('1')),
            ("lower-alpha", Some('a')),
            ("lower-latin", Some('a')),
            ("upper-alpha", Some('A')),
            ("upper-latin", Some('A')),
            ("lower-roman", Some('i')),
            ("upper-roman", Some('I')),
            ("none", None),
        ] {
            if style.contains(&format!("list-style-type:{css}"))
                || style.contains(&format!("list-style-type: {css}"))
            {
                return k;
            }
        }
    }
    Some(match ordered_ancestors {
        0 => '1',
        1 => 'a',
        _ => 'i',
    })
}

/// The printed label of item `n`: `3.`, `(c)`, `(iii)`.
fn label(n: i64, kind: char) -> String {
    match kind {
        'a' => format!("({})", letters(n, false)),
        'A' => format!("({})", letters(n, true)),
        'i' => format!("({})", roman(n).to_lowercase()),
        'I' => format!("{}.", roman(n)),
        _ => format!("{n}."),
    }
}

/// A footnote mark as pages print it: `1`, `[1]`, `*`, `†`.
fn footnote_mark(t: &str) -> Option<&str> {
    let m = t
        .trim()
        .trim_start_matches('[')
        .trim_end_matches(']')
        .trim();
    let ok = (!m.is_empty() && m.len() <= 3 && m.bytes().all(|b| b.is_ascii_digit()))
        || (!m.is_empty()
            && m.chars().count() <= 3
            && m.chars().all(|c| matches!(c, '*' | '†' | '‡')));
    ok.then_some(m)
}

fn text_of(node: NodeRef<'_, Node>) -> String {
    let mut s = String::new();
    for d in node.descendants() {
        if let Node::Text(t) = d.value() {
            s.push_str(t);
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(html: &str) -> String {
        load("t.html", html.as_bytes(), &LoadOptions::default())
            .unwrap()
            .text
    }

    #[test]
    fn lists_are_numbered_as_a_browser_shows_them() {
        let t = text(
            "<ol><li>Decides:<ol><li>first;</li><li>second:<ol><li>one;</li><li>two;</li></ol></li></ol></li><li value=5>Five;</li></ol><ol start=7 type=a><li>g</li></ol><ul><li>bullet</li></ul>",
        );
        assert_eq!(
            t,
            "1. Decides:\n\n(a) first;\n\n(b) second:\n\n(i) one;\n\n(ii) two;\n\n5. Five;\n\n(g) g\n\nbullet\n\n"
        );
    }

    #[test]
    fn furniture_is_dropped_and_entities_decoded() {
        let t = text(
            r#"<html><head><title>T</title><style>p{}</style></head><body><nav><a>Home</a></nav><div class="main-menu">Menu</div><span aria-hidden="true">x</span><p>Caf&eacute; &amp; <b>bold</b>&nbsp;text<br>next line</p><script>var a;</script><footer>(c)</footer></body></html>"#,
        );
        assert_eq!(t, "Café & bold text\nnext line\n\n");
    }

    #[test]
    fn word_footnotes() {
        let t = text(
            r##"<p class=MsoNormal>Recalling the Declaration;<a style='mso-footnote-id:ftn1' href="#_ftn1" name="_ftnref1"><span class=MsoFootnoteReference>[1]</span></a></p><div style='mso-element:footnote-list'><div style='mso-element:footnote' id=ftn1><p class=MsoFootnoteText><a href="#_ftnref1" name="_ftn1"><span>[1]</span></a> Resolution 2625 (XXV).</p></div></div>"##,
        );
        assert_eq!(
            t,
            "Recalling the Declaration;1\n\n__________\n1 Resolution 2625 (XXV).\n"
        );
    }

    #[test]
    fn nesting_is_estimated_without_parsing() {
        assert_eq!(
            nesting("<html><body><div><p>a<p>b<br><img src=x></div><div></div></body>"),
            1
        );
        assert_eq!(
            nesting(
                "<script>if (a<b) { '<div><div>' }</script><!-- <div><div> --><ol><li><ol><li>x</ol></ol>"
            ),
            2
        );
        assert_eq!(nesting(&"<div>".repeat(5000)), 5000);
        assert_eq!(nesting("<div"), 1);
    }

    #[test]
    fn windows_1252_and_declared_charsets() {
        assert_eq!(
            decode(b"<meta charset=windows-1252><p>\x93R\xe9affirmant\x94</p>").unwrap(),
            "<meta charset=windows-1252><p>“Réaffirmant”</p>"
        );
        // a declared legacy encoding is read as a browser would read it
        assert_eq!(
            decode(b"<meta charset=\"shift_jis\"><p>\x93\xfa\x96\x7b</p>").unwrap(),
            "<meta charset=\"shift_jis\"><p>日本</p>"
        );
        assert_eq!(
            decode(b"<meta charset=koi8-r><p>\xf0\xd2\xc1\xd7\xcf</p>").unwrap(),
            "<meta charset=koi8-r><p>Право</p>"
        );
        // one no browser knows is refused, named
        assert!(
            decode(b"<meta charset=\"x-klingon\"><p>\x93\x94</p>")
                .unwrap_err()
                .contains("x-klingon")
        );
    }
}
