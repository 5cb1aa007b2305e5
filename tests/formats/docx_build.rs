//! Builds small Word files in memory: the parts as XML strings, zipped.

use std::io::Write;

/// The WordprocessingML namespace declaration.
pub const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

/// A zip of the given entries, deflated.
pub fn zip(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in parts {
        z.start_file(*name, opts).unwrap();
        z.write_all(bytes).unwrap();
    }
    z.finish().unwrap().into_inner()
}

/// A DOCX with this body, numbering and footnotes (either may be empty).
pub fn docx(body: &str, numbering: &str, footnotes: &str) -> Vec<u8> {
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}<w:sectPr/></w:body></w:document>"#
    );
    let mut parts: Vec<(&str, Vec<u8>)> = vec![
        ("[Content_Types].xml", b"<Types/>".to_vec()),
        ("word/document.xml", document.into_bytes()),
    ];
    if !numbering.is_empty() {
        parts.push((
            "word/numbering.xml",
            format!(r#"<?xml version="1.0"?><w:numbering {W}>{numbering}</w:numbering>"#)
                .into_bytes(),
        ));
    }
    if !footnotes.is_empty() {
        let separators = r#"<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"#;
        parts.push((
            "word/footnotes.xml",
            format!(
                r#"<?xml version="1.0"?><w:footnotes {W}>{separators}{footnotes}</w:footnotes>"#
            )
            .into_bytes(),
        ));
    }
    let refs: Vec<(&str, &[u8])> = parts.iter().map(|(n, b)| (*n, b.as_slice())).collect();
    zip(&refs)
}

/// Escapes text for XML.
pub fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A run of text.
pub fn r(text: &str) -> String {
    format!(
        r#"<w:r><w:t xml:space="preserve">{}</w:t></w:r>"#,
        esc(text)
    )
}

/// A tracked insertion of text.
pub fn ins(text: &str) -> String {
    format!(
        r#"<w:ins w:id="1" w:author="A" w:date="2022-10-10T00:00:00Z">{}</w:ins>"#,
        r(text)
    )
}

/// A tracked deletion of text.
pub fn del(text: &str) -> String {
    format!(
        r#"<w:del w:id="2" w:author="A" w:date="2022-10-10T00:00:00Z"><w:r><w:delText xml:space="preserve">{}</w:delText></w:r></w:del>"#,
        esc(text)
    )
}

/// A paragraph of runs.
pub fn p(runs: &str) -> String {
    format!("<w:p>{runs}</w:p>")
}

/// A paragraph numbered by list `num` at level `ilvl`.
pub fn numbered(num: u32, ilvl: u32, runs: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr>{runs}</w:p>"#
    )
}

/// A whole paragraph tracked as deleted (its text and its mark), numbered
/// by list `num` at level 0 when `num` is not 0.
pub fn deleted_paragraph(num: u32, text: &str) -> String {
    let numpr = if num == 0 {
        String::new()
    } else {
        format!(r#"<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr>"#)
    };
    format!(
        r#"<w:p><w:pPr>{numpr}<w:rPr><w:del w:id="3" w:author="A" w:date="2022-10-10T00:00:00Z"/></w:rPr></w:pPr>{}</w:p>"#,
        del(text)
    )
}

/// The list definitions UN drafts use: `1.`, `(a)`, `(i)`; list 1 uses
/// them, list 2 uses them restarted at 1.
pub const UN_NUMBERING: &str = r#"<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl><w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%3)"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>"#;

/// The body of a Word version of a plain-layout draft: header and
/// preambular lines as plain paragraphs, `N. ` and `(a) ` paragraphs as
/// automatic numbering of list 1 (levels 0 and 1). `#` comment lines are
/// left out.
pub fn body_from_text(text: &str) -> String {
    let mut body = String::new();
    for line in text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        if let Some((n, rest)) = line.split_once(". ")
            && !n.is_empty()
            && n.chars().all(|c| c.is_ascii_digit())
        {
            body.push_str(&numbered(1, 0, &r(rest)));
        } else if let Some(rest) = line.strip_prefix('(')
            && let Some((l, rest)) = rest.split_once(") ")
            && l.chars().all(|c| c.is_ascii_lowercase())
        {
            body.push_str(&numbered(1, 1, &r(rest)));
        } else {
            body.push_str(&p(&r(line)));
        }
    }
    body
}

/// The body of a Word version of a text in the canonical plain layout
/// (`resolution_text`): header lines and unnumbered paragraphs as plain
/// paragraphs; `N. `, `(a) ` and `(i) ` paragraphs (found by their indent)
/// as automatic numbering of list 1 wherever the label is the one Word
/// would count to, literal text otherwise (`3 bis.`, gaps). The footnote
/// block stays literal text.
pub fn body_from_plain(plain: &str) -> String {
    let mut body = String::new();
    let mut counters = [0u32; 3];
    let mut notes = false;
    for line in plain.lines().filter(|l| !l.trim().is_empty()) {
        if notes || line.starts_with("__________") {
            notes = true;
            body.push_str(&p(&r(line)));
            continue;
        }
        let depth = (line.len() - line.trim_start().len()) / 4;
        let text = line.trim();
        let expected = |k: usize, c: &[u32; 3]| match k {
            0 => (c[0] + 1).to_string(),
            1 => char::from(b'a' + (c[1] % 26) as u8).to_string(),
            _ => ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"]
                .get(c[2] as usize)
                .unwrap_or(&"?")
                .to_string(),
        };
        let label = match depth {
            0 => text
                .split_once(". ")
                .filter(|(n, _)| n.chars().all(|c| c.is_ascii_digit())),
            1 | 2 => text.strip_prefix('(').and_then(|t| t.split_once(") ")),
            _ => None,
        };
        match label {
            Some((l, rest)) if depth < 3 && l == expected(depth, &counters) => {
                counters[depth] += 1;
                for c in counters.iter_mut().skip(depth + 1) {
                    *c = 0;
                }
                body.push_str(&numbered(1, depth as u32, &r(rest)));
            }
            _ => body.push_str(&p(&r(text))),
        }
    }
    body
}
