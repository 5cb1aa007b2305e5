//! Formats resdiff recognises but does not read (old Word, Excel and
//! PowerPoint files, RTF), refused with what to do instead.

/// The problem to report for a file in an old Office or RTF format, or
/// `None` for anything else.
///
/// An old Office file is an OLE2 compound file (magic `D0 CF 11 E0 A1 B1
/// 1A E1`); which program wrote it shows in the names of its streams,
/// stored in UTF-16 in the file's directory: `WordDocument`, `Workbook`
/// (or `Book` before Excel 97), `PowerPoint Document`.
///
/// ```
/// # use resdiff::load::legacy_format;
/// let mut doc = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
/// doc.extend("WordDocument".encode_utf16().flat_map(u16::to_le_bytes));
/// assert!(legacy_format(&doc).unwrap().contains("old Word 97–2003 file"));
/// assert!(legacy_format(br"{\rtf1\ansi Decides").unwrap().contains("RTF"));
/// assert_eq!(legacy_format(b"The General Assembly,"), None);
/// ```
pub fn legacy_format(bytes: &[u8]) -> Option<String> {
    const OLE2: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
    if bytes.starts_with(OLE2) {
        let has = |name: &str| {
            let utf16: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
            memchr::memmem::find(bytes, &utf16).is_some()
        };
        let (what, save_as) = if has("WordDocument") {
            ("an old Word 97–2003 file", ".docx or PDF")
        } else if has("Workbook") || has("Book") {
            (
                "an old Excel 97–2003 workbook, not a draft",
                "the draft as .docx or PDF",
            )
        } else if has("PowerPoint Document") {
            (
                "an old PowerPoint 97–2003 presentation, not a draft",
                "the draft as .docx or PDF",
            )
        } else {
            ("an old Microsoft Office (97–2003) file", ".docx or PDF")
        };
        return Some(format!(
            "{what}: resdiff cannot read it; open it in Word (or LibreOffice) and save it as {save_as}"
        ));
    }
    let start = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(bytes)
        .trim_ascii_start();
    if start.starts_with(br"{\rtf") {
        return Some(
            "an RTF (Rich Text Format) file: resdiff cannot read it; open it in Word (or LibreOffice) and save it as .docx or PDF"
                .into(),
        );
    }
    None
}
