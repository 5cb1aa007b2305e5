//! The XML parts of the Word package and the zip around them, written with
//! fixed timestamps so the same document always gives the same bytes.

use std::fmt::Write as _;
use std::io::{self, Cursor, Write};

use quick_xml::escape::escape;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::{Doc, DocxOptions, Inline, Para, Rev, Run, Style};
use crate::parse::Lang;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const DECL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// Points in twentieths (twips): the indents of the printed UN layout.
const BODY: u32 = 1267;
const STEP: u32 = 634;

/// Text as XML character data: escaped, without the control characters
/// XML 1.0 forbids (nor line breaks, which Word reads as spaces anyway).
fn esc(s: &str) -> String {
    let clean: String = s
        .chars()
        .map(|c| {
            if (c as u32) < 0x20 && c != '\t' || matches!(c, '\u{FFFE}' | '\u{FFFF}') {
                ' '
            } else {
                c
            }
        })
        .collect();
    escape(clean.as_str()).into_owned()
}

/// Zips the parts.
pub(super) fn package(
    doc: &Doc,
    title: Option<&str>,
    subject: &str,
    lang: Lang,
    opts: &DocxOptions,
) -> io::Result<Vec<u8>> {
    let mut ids = Ids::default();
    let body = document(doc, opts, &mut ids);
    let has_notes = !doc.notes.is_empty();
    let has_comments = !doc.comments.is_empty();
    let mut parts: Vec<(&str, String)> = vec![
        (
            "[Content_Types].xml",
            content_types(has_notes, has_comments),
        ),
        ("_rels/.rels", root_rels()),
        ("docProps/core.xml", core(title, subject, opts)),
        ("word/document.xml", body),
        (
            "word/_rels/document.xml.rels",
            doc_rels(has_notes, has_comments),
        ),
        ("word/styles.xml", styles(lang)),
        ("word/settings.xml", settings(has_notes)),
        ("word/numbering.xml", numbering()),
    ];
    if has_notes {
        parts.push(("word/footnotes.xml", footnotes(doc)));
    }
    if has_comments {
        parts.push(("word/comments.xml", comments(doc, opts)));
    }
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644);
    for (name, text) in parts {
        zip.start_file(name, options).map_err(io::Error::other)?;
        zip.write_all(text.as_bytes())?;
    }
    Ok(zip.finish().map_err(io::Error::other)?.into_inner())
}

/// Revision and range ids, unique across the document.
#[derive(Default)]
struct Ids {
    next: u32,
}

impl Ids {
    fn next(&mut self) -> u32 {
        self.next += 1;
        self.next
    }
}

fn rev_attrs(out: &mut String, ids: &mut Ids, opts: &DocxOptions) {
    let _ = write!(
        out,
        " w:id=\"{}\" w:author=\"{}\"",
        ids.next(),
        esc(&opts.author)
    );
    if let Some(d) = &opts.date {
        let _ = write!(out, " w:date=\"{}\"", esc(d));
    }
}

fn document(doc: &Doc, opts: &DocxOptions, ids: &mut Ids) -> String {
    let mut out = String::with_capacity(64 * 1024);
    out.push_str(DECL);
    let _ = write!(out, "<w:document xmlns:w=\"{W}\" xmlns:r=\"{R}\"><w:body>");
    for p in &doc.paras {
        paragraph(&mut out, p, opts, ids);
    }
    // a last plain paragraph: a tracked mark before it always has one to join
    out.push_str("<w:p/>");
    // A4; on Letter paper the text block fits as well
    out.push_str(
        "<w:sectPr><w:footnotePr><w:numFmt w:val=\"decimal\"/></w:footnotePr>\
         <w:pgSz w:w=\"11906\" w:h=\"16838\"/>\
         <w:pgMar w:top=\"1440\" w:right=\"1253\" w:bottom=\"1440\" w:left=\"1253\" \
         w:header=\"720\" w:footer=\"720\" w:gutter=\"0\"/></w:sectPr>",
    );
    out.push_str("</w:body></w:document>");
    out
}

fn style_id(s: Style) -> &'static str {
    match s {
        Style::Symbol => "UNSymbol",
        Style::Body => "UNBody",
        Style::Header => "UNHeader",
        Style::HeaderLeft => "UNHeaderLeft",
        Style::Sponsors => "UNSponsors",
        Style::Title => "UNTitle",
        Style::Organ => "UNOrgan",
        Style::Heading => "UNHeading",
        Style::Preamble => "UNPreamble",
        Style::Operative => "UNOperative",
        Style::Sub(1) => "UNSub1",
        Style::Sub(2) => "UNSub2",
        Style::Sub(_) => "UNSub3",
        Style::Meeting => "UNMeeting",
        Style::NoteText => "FootnoteText",
    }
}

fn paragraph(out: &mut String, p: &Para, opts: &DocxOptions, ids: &mut Ids) {
    out.push_str("<w:p><w:pPr>");
    let _ = write!(out, "<w:pStyle w:val=\"{}\"/>", style_id(p.style));
    if let Some(l) = p.ilvl {
        let _ = write!(
            out,
            "<w:numPr><w:ilvl w:val=\"{l}\"/><w:numId w:val=\"1\"/></w:numPr>"
        );
    }
    if p.mark != Rev::Plain {
        out.push_str("<w:rPr>");
        mark(out, p.mark, opts, ids);
        out.push_str("</w:rPr>");
    }
    out.push_str("</w:pPr>");
    // a moved paragraph lies inside its named move range
    let range = match p.mark {
        Rev::MoveFrom(n) => Some(("moveFrom", n)),
        Rev::MoveTo(n) => Some(("moveTo", n)),
        _ => p.runs.iter().find_map(|r| match r.rev {
            Rev::MoveFrom(n) => Some(("moveFrom", n)),
            Rev::MoveTo(n) => Some(("moveTo", n)),
            _ => None,
        }),
    };
    let range_id = range.map(|(kind, n)| {
        let id = ids.next();
        let _ = write!(
            out,
            "<w:{kind}RangeStart w:id=\"{id}\" w:author=\"{}\" w:name=\"move{n}\"/>",
            esc(&opts.author)
        );
        id
    });
    for &c in &p.comments {
        let _ = write!(out, "<w:commentRangeStart w:id=\"{c}\"/>");
    }
    // runs grouped by revision: one w:ins, w:del, w:moveFrom or w:moveTo per group
    let mut k = 0;
    while k < p.runs.len() {
        let rev = p.runs[k].rev;
        let end = p.runs[k..]
            .iter()
            .position(|r| r.rev != rev)
            .map_or(p.runs.len(), |e| k + e);
        let wrapper = match rev {
            Rev::Plain => None,
            Rev::Ins => Some("ins"),
            Rev::Del => Some("del"),
            Rev::MoveFrom(_) => Some("moveFrom"),
            Rev::MoveTo(_) => Some("moveTo"),
        };
        if let Some(w) = wrapper {
            let _ = write!(out, "<w:{w}");
            rev_attrs(out, ids, opts);
            out.push('>');
        }
        let deleted = matches!(rev, Rev::Del | Rev::MoveFrom(_));
        for r in &p.runs[k..end] {
            run(out, r, deleted);
        }
        if let Some(w) = wrapper {
            let _ = write!(out, "</w:{w}>");
        }
        k = end;
    }
    for &c in &p.comments {
        let _ = write!(
            out,
            "<w:commentRangeEnd w:id=\"{c}\"/><w:r><w:rPr><w:rStyle w:val=\"CommentReference\"/></w:rPr><w:commentReference w:id=\"{c}\"/></w:r>"
        );
    }
    if let (Some((kind, _)), Some(id)) = (range, range_id) {
        let _ = write!(out, "<w:{kind}RangeEnd w:id=\"{id}\"/>");
    }
    out.push_str("</w:p>");
}

/// The revision on a paragraph mark (inside `w:pPr/w:rPr`).
fn mark(out: &mut String, rev: Rev, opts: &DocxOptions, ids: &mut Ids) {
    let name = match rev {
        Rev::Plain => return,
        Rev::Ins => "ins",
        Rev::Del => "del",
        Rev::MoveFrom(_) => "moveFrom",
        Rev::MoveTo(_) => "moveTo",
    };
    let _ = write!(out, "<w:{name}");
    rev_attrs(out, ids, opts);
    out.push_str("/>");
}

fn run(out: &mut String, r: &Run, deleted: bool) {
    out.push_str("<w:r>");
    if r.bold || r.italic || matches!(r.inline, Inline::Note(..)) {
        out.push_str("<w:rPr>");
        if matches!(r.inline, Inline::Note(..)) {
            out.push_str("<w:rStyle w:val=\"FootnoteReference\"/>");
        }
        if r.bold {
            out.push_str("<w:b/>");
        }
        if r.italic {
            out.push_str("<w:i/>");
        }
        out.push_str("</w:rPr>");
    }
    match &r.inline {
        Inline::Text(t) => {
            let tag = if deleted { "delText" } else { "t" };
            // tabs inside the text are Word tabs
            for (k, piece) in t.split('\t').enumerate() {
                if k > 0 {
                    out.push_str("<w:tab/>");
                }
                if !piece.is_empty() {
                    let _ = write!(
                        out,
                        "<w:{tag} xml:space=\"preserve\">{}</w:{tag}>",
                        esc(piece)
                    );
                }
            }
        }
        Inline::Tab => out.push_str("<w:tab/>"),
        Inline::Note(id, None) => {
            let _ = write!(out, "<w:footnoteReference w:id=\"{id}\"/>");
        }
        Inline::Note(id, Some(mark)) => {
            // a mark of its own follows the reference, in the same run
            let tag = if deleted { "delText" } else { "t" };
            let _ = write!(
                out,
                "<w:footnoteReference w:customMarkFollows=\"1\" w:id=\"{id}\"/><w:{tag}>{}</w:{tag}>",
                esc(mark)
            );
        }
    }
    out.push_str("</w:r>");
}

fn footnotes(doc: &Doc) -> String {
    let mut out = String::from(DECL);
    let _ = write!(out, "<w:footnotes xmlns:w=\"{W}\" xmlns:r=\"{R}\">");
    out.push_str(
        "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>\
         <w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>",
    );
    for (k, n) in doc.notes.iter().enumerate() {
        let _ = write!(
            out,
            "<w:footnote w:id=\"{}\"><w:p><w:pPr><w:pStyle w:val=\"FootnoteText\"/></w:pPr>\
             <w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr>{}</w:r>\
             <w:r><w:t xml:space=\"preserve\"> {}</w:t></w:r></w:p></w:footnote>",
            k + 1,
            match &n.mark {
                Some(m) => format!("<w:t>{}</w:t>", esc(m)),
                None => "<w:footnoteRef/>".to_string(),
            },
            esc(&n.text)
        );
    }
    out.push_str("</w:footnotes>");
    out
}

fn comments(doc: &Doc, opts: &DocxOptions) -> String {
    let mut out = String::from(DECL);
    let _ = write!(out, "<w:comments xmlns:w=\"{W}\" xmlns:r=\"{R}\">");
    let initials: String = opts
        .author
        .split_whitespace()
        .filter_map(|w| w.chars().next())
        .collect();
    for (k, text) in doc.comments.iter().enumerate() {
        let _ = write!(
            out,
            "<w:comment w:id=\"{k}\" w:author=\"{}\" w:initials=\"{}\"",
            esc(&opts.author),
            esc(&initials)
        );
        if let Some(d) = &opts.date {
            let _ = write!(out, " w:date=\"{}\"", esc(d));
        }
        let _ = write!(
            out,
            "><w:p><w:pPr><w:pStyle w:val=\"CommentText\"/></w:pPr>\
             <w:r><w:rPr><w:rStyle w:val=\"CommentReference\"/></w:rPr><w:annotationRef/></w:r>\
             <w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p></w:comment>",
            esc(text)
        );
    }
    out.push_str("</w:comments>");
    out
}

fn content_types(notes: bool, comments: bool) -> String {
    let mut out = String::from(DECL);
    out.push_str(
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
         <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
         <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
         <Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
         <Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
         <Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>\
         <Override PartName=\"/word/numbering.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>\
         <Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>",
    );
    if notes {
        out.push_str("<Override PartName=\"/word/footnotes.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml\"/>");
    }
    if comments {
        out.push_str("<Override PartName=\"/word/comments.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml\"/>");
    }
    out.push_str("</Types>");
    out
}

fn root_rels() -> String {
    format!(
        "{DECL}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
         <Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
         <Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
         </Relationships>"
    )
}

fn doc_rels(notes: bool, comments: bool) -> String {
    let base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let mut out = format!(
        "{DECL}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
         <Relationship Id=\"rId1\" Type=\"{base}/styles\" Target=\"styles.xml\"/>\
         <Relationship Id=\"rId2\" Type=\"{base}/settings\" Target=\"settings.xml\"/>\
         <Relationship Id=\"rId3\" Type=\"{base}/numbering\" Target=\"numbering.xml\"/>"
    );
    if notes {
        let _ = write!(
            out,
            "<Relationship Id=\"rId4\" Type=\"{base}/footnotes\" Target=\"footnotes.xml\"/>"
        );
    }
    if comments {
        let _ = write!(
            out,
            "<Relationship Id=\"rId5\" Type=\"{base}/comments\" Target=\"comments.xml\"/>"
        );
    }
    out.push_str("</Relationships>");
    out
}

fn core(title: Option<&str>, subject: &str, opts: &DocxOptions) -> String {
    let title = title
        .map(|t| format!("<dc:title>{}</dc:title>", esc(t)))
        .unwrap_or_default();
    format!(
        "{DECL}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
         {title}<dc:subject>{}</dc:subject><dc:creator>{}</dc:creator>\
         </cp:coreProperties>",
        esc(subject),
        esc(&opts.author)
    )
}

fn settings(notes: bool) -> String {
    let mut out = format!(
        "{DECL}<w:settings xmlns:w=\"{W}\"><w:zoom w:percent=\"100\"/><w:defaultTabStop w:val=\"{STEP}\"/>\
         <w:characterSpacingControl w:val=\"doNotCompress\"/>"
    );
    if notes {
        out.push_str(
            "<w:footnotePr><w:footnote w:id=\"-1\"/><w:footnote w:id=\"0\"/></w:footnotePr>",
        );
    }
    out.push_str(
        "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>\
         </w:settings>",
    );
    out
}

/// One list: operative paragraphs `1.`, sub-paragraphs `(a)` and `(i)`.
fn numbering() -> String {
    let level = |ilvl: u32, fmt: &str, text: &str, left: u32| {
        format!(
            "<w:lvl w:ilvl=\"{ilvl}\"><w:start w:val=\"1\"/><w:numFmt w:val=\"{fmt}\"/>\
             <w:lvlText w:val=\"{text}\"/><w:lvlJc w:val=\"left\"/>\
             <w:pPr><w:tabs><w:tab w:val=\"num\" w:pos=\"{}\"/></w:tabs><w:ind w:left=\"{left}\" w:firstLine=\"{STEP}\"/></w:pPr></w:lvl>",
            left + STEP * 2
        )
    };
    format!(
        "{DECL}<w:numbering xmlns:w=\"{W}\"><w:abstractNum w:abstractNumId=\"0\">\
         <w:multiLevelType w:val=\"multilevel\"/>{}{}{}</w:abstractNum>\
         <w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>",
        level(0, "decimal", "%1.", BODY),
        level(1, "lowerLetter", "(%2)", BODY + STEP),
        level(2, "lowerRoman", "(%3)", BODY + STEP * 2),
    )
}

/// The document's language as Word names it (spelling, hyphenation, fonts),
/// and for Arabic the right-to-left defaults: every paragraph `w:bidi`,
/// every run `w:rtl`, so Word lays the text out from the right.
fn language_defaults(lang: Lang) -> (String, &'static str) {
    let tag = match lang {
        Lang::En => "en-GB",
        Lang::Fr => "fr-FR",
        Lang::Es => "es-ES",
        Lang::Ru => "ru-RU",
        Lang::Zh => "zh-CN",
        Lang::Ar => "ar-SA",
    };
    match lang {
        Lang::Ar => (
            format!("<w:rtl/><w:lang w:val=\"en-GB\" w:bidi=\"{tag}\"/>"),
            "<w:bidi/>",
        ),
        Lang::Zh => (
            format!("<w:lang w:val=\"en-GB\" w:eastAsia=\"{tag}\"/>"),
            "",
        ),
        _ => (format!("<w:lang w:val=\"{tag}\"/>"), ""),
    }
}

fn styles(lang: Lang) -> String {
    let para = |id: &str, name: &str, ppr: &str, rpr: &str| {
        format!(
            "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/>\
             <w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"
        )
    };
    let body = |first: u32| {
        format!("<w:ind w:left=\"{BODY}\" w:firstLine=\"{first}\"/><w:jc w:val=\"both\"/>")
    };
    let sub = |k: u32| {
        format!(
            "<w:tabs><w:tab w:val=\"left\" w:pos=\"{}\"/></w:tabs><w:ind w:left=\"{}\" w:firstLine=\"{STEP}\"/><w:jc w:val=\"both\"/>",
            BODY + STEP * (k + 2),
            BODY + STEP * k
        )
    };
    let mut out = format!("{DECL}<w:styles xmlns:w=\"{W}\">");
    let (run_lang, bidi) = language_defaults(lang);
    out.push_str(&format!(
        "<w:docDefaults><w:rPrDefault><w:rPr>\
         <w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"Times New Roman\" w:cs=\"Times New Roman\"/>\
         <w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/>{run_lang}</w:rPr></w:rPrDefault>\
         <w:pPrDefault><w:pPr>{bidi}<w:spacing w:after=\"120\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault>\
         </w:docDefaults>\
         <w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>\
         <w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/></w:style>",
    ));
    out.push_str(&para(
        "UNSymbol",
        "UN Symbol",
        "<w:spacing w:after=\"0\"/><w:jc w:val=\"right\"/>",
        "<w:sz w:val=\"28\"/>",
    ));
    out.push_str(&para(
        "UNBody",
        "UN Body",
        "<w:spacing w:after=\"0\"/>",
        "<w:b/><w:sz w:val=\"32\"/>",
    ));
    out.push_str(&para(
        "UNHeader",
        "UN Header",
        "<w:spacing w:after=\"0\"/><w:jc w:val=\"right\"/>",
        "<w:sz w:val=\"20\"/>",
    ));
    out.push_str(&para(
        "UNHeaderLeft",
        "UN Header Left",
        "<w:spacing w:after=\"0\"/><w:ind w:right=\"4535\"/>",
        "<w:sz w:val=\"20\"/>",
    ));
    out.push_str(&para(
        "UNSponsors",
        "UN Sponsors",
        &format!("<w:spacing w:before=\"240\" w:after=\"240\"/><w:ind w:left=\"{BODY}\"/>"),
        "",
    ));
    out.push_str(&para(
        "UNTitle",
        "UN Title",
        &format!(
            "<w:keepNext/><w:spacing w:after=\"240\"/><w:ind w:left=\"{BODY}\" w:right=\"{BODY}\"/>"
        ),
        "<w:b/><w:sz w:val=\"28\"/>",
    ));
    out.push_str(&para(
        "UNOrgan",
        "UN Organ",
        &format!("<w:ind w:left=\"{BODY}\" w:firstLine=\"{STEP}\"/>"),
        "",
    ));
    out.push_str(&para(
        "UNHeading",
        "UN Section Heading",
        &format!("<w:keepNext/><w:spacing w:before=\"120\"/><w:ind w:left=\"{BODY}\"/>"),
        "<w:i/>",
    ));
    out.push_str(&para(
        "UNPreamble",
        "UN Preambular Paragraph",
        &body(STEP),
        "",
    ));
    out.push_str(&para(
        "UNOperative",
        "UN Operative Paragraph",
        &format!(
            "<w:tabs><w:tab w:val=\"left\" w:pos=\"{}\"/></w:tabs>{}",
            BODY + STEP * 2,
            body(STEP)
        ),
        "",
    ));
    out.push_str(&para("UNSub1", "UN Sub-paragraph", &sub(1), ""));
    out.push_str(&para("UNSub2", "UN Sub-sub-paragraph", &sub(2), ""));
    out.push_str(&para("UNSub3", "UN Deeper Sub-paragraph", &sub(3), ""));
    out.push_str(&para(
        "UNMeeting",
        "UN Meeting",
        &format!("<w:spacing w:before=\"240\"/><w:ind w:left=\"{BODY}\"/><w:jc w:val=\"right\"/>"),
        "",
    ));
    out.push_str(
        "<w:style w:type=\"paragraph\" w:styleId=\"FootnoteText\"><w:name w:val=\"footnote text\"/><w:basedOn w:val=\"Normal\"/>\
         <w:pPr><w:spacing w:after=\"0\"/><w:ind w:left=\"1267\" w:hanging=\"227\"/></w:pPr><w:rPr><w:sz w:val=\"17\"/></w:rPr></w:style>\
         <w:style w:type=\"character\" w:styleId=\"FootnoteReference\"><w:name w:val=\"footnote reference\"/><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"CommentText\"><w:name w:val=\"annotation text\"/><w:basedOn w:val=\"Normal\"/><w:rPr><w:sz w:val=\"20\"/></w:rPr></w:style>\
         <w:style w:type=\"character\" w:styleId=\"CommentReference\"><w:name w:val=\"annotation reference\"/><w:rPr><w:sz w:val=\"16\"/></w:rPr></w:style>\
         </w:styles>",
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_cleaned() {
        assert_eq!(esc("a < b & \"c\""), "a &lt; b &amp; &quot;c&quot;");
        assert_eq!(esc("x\u{1}y\nz\tw\u{FFFF}"), "x y z\tw ");
    }
}
