//! Plain-text inputs: UTF-8 (with or without BOM), UTF-16 with a BOM, and
//! text in a legacy encoding (Word's "Save as Plain Text" on Windows writes
//! windows-1252), whose encoding is guessed and reported.

use super::{Document, Metadata, SourceFormat};
use crate::error::{Error, Result};

/// Loads plain text, refusing binary data; text that is not UTF-8 is read
/// in the legacy encoding it most likely is, named in the metadata.
pub(super) fn load(name: &str, bytes: Vec<u8>) -> Result<Document> {
    let (text, encoding) = decode_guessing(bytes).map_err(|problem| Error::input(name, problem))?;
    Ok(Document {
        source: name.to_string(),
        format: SourceFormat::Text,
        text,
        meta: Metadata {
            encoding: encoding.map(str::to_string),
            ..Metadata::default()
        },
    })
}

/// Decodes text like [`decode_text`], except that bytes which are not
/// UTF-8 are read in the legacy encoding `chardetng` (the detector of
/// Firefox) judges most likely, and its name is returned with the text.
/// Only what cannot be text is refused: binary data, or bytes that decode
/// to control characters in the guessed encoding.
///
/// ```
/// # use resdiff::load::decode_guessing;
/// let (text, enc) = decode_guessing(b"\x93Welcomes\x94 the caf\xe9".to_vec()).unwrap();
/// assert_eq!((text.as_str(), enc), ("“Welcomes” the café", Some("windows-1252")));
/// assert_eq!(decode_guessing(b"Decides".to_vec()).unwrap().1, None);
/// ```
pub fn decode_guessing(
    bytes: Vec<u8>,
) -> std::result::Result<(String, Option<&'static str>), String> {
    let invalid_utf8 = !bytes.starts_with(b"\xEF\xBB\xBF")
        && !bytes.starts_with(b"\xFF\xFE")
        && !bytes.starts_with(b"\xFE\xFF")
        && std::str::from_utf8(&bytes).is_err();
    if !invalid_utf8 {
        return decode_text(bytes).map(|t| (t, None));
    }
    if let Some(pos) = memchr::memchr(0, &bytes[..bytes.len().min(64 * 1024)]) {
        return Err(not_text(pos));
    }
    // UTF-8 with a few damaged bytes is not a legacy encoding: decoding it
    // as one would garble every accented letter, so it is refused, where
    if let Some(at) = damaged_utf8(&bytes) {
        return Err(format!(
            "is UTF-8 text with a damaged byte (byte offset {at}); save the text as UTF-8 again"
        ));
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(&bytes, true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
    let (text, had_errors) = encoding.decode_without_bom_handling(&bytes);
    // text has few control characters besides line ends, tabs and form feeds
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0C'))
        .count();
    if had_errors || controls > 8 + text.len() / 1000 {
        return Err(
            "is not text in any encoding resdiff knows (it looks like the inside of a program or \
             a word-processor file): save the draft as PDF, Word (.docx) or plain text"
                .into(),
        );
    }
    Ok((text.into_owned(), Some(encoding.name())))
}

/// Where the first invalid byte is, when `bytes` hold more well-formed
/// multi-byte UTF-8 characters than invalid sequences (text written as
/// UTF-8 and damaged since); `None` for text in a legacy encoding, whose
/// accented letters rarely form valid UTF-8.
fn damaged_utf8(bytes: &[u8]) -> Option<usize> {
    let (mut valid, mut invalid, mut first) = (0usize, 0usize, None);
    let mut rest = bytes;
    let mut offset = 0;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                valid += s.chars().filter(|c| !c.is_ascii()).count();
                break;
            }
            Err(e) => {
                let good = e.valid_up_to();
                // the good part is valid UTF-8 by construction
                valid += std::str::from_utf8(&rest[..good])
                    .map_or(0, |s| s.chars().filter(|c| !c.is_ascii()).count());
                invalid += 1;
                first.get_or_insert(offset + good);
                let skip = good + e.error_len().unwrap_or(rest.len() - good).max(1);
                offset += skip;
                rest = &rest[skip.min(rest.len())..];
            }
        }
    }
    first.filter(|_| valid > invalid)
}

/// The problem of a file holding a NUL byte at `pos`: not a text file.
fn not_text(pos: usize) -> String {
    format!(
        "is not a text file: it holds binary data (a NUL byte at offset {pos}), as a program, \
         an image or a word-processor file does; save the draft as PDF, Word (.docx) or plain text"
    )
}

/// Decodes text bytes: UTF-8 (a BOM is dropped), or UTF-16 LE/BE when it
/// starts with a BOM. Binary data and invalid UTF-8 are refused with a
/// message saying where the problem is.
pub fn decode_text(mut bytes: Vec<u8>) -> std::result::Result<String, String> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
        return utf8(bytes, 3);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, u16::from_be_bytes);
    }
    utf8(bytes, 0)
}

fn utf8(bytes: Vec<u8>, offset: usize) -> std::result::Result<String, String> {
    if let Some(pos) = memchr::memchr(0, &bytes[..bytes.len().min(64 * 1024)]) {
        return Err(not_text(pos + offset));
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "not valid UTF-8 (byte offset {}); save the text as UTF-8",
            e.utf8_error().valid_up_to() + offset
        )
    })
}

fn utf16(bytes: &[u8], word: fn([u8; 2]) -> u16) -> std::result::Result<String, String> {
    if !bytes.len().is_multiple_of(2) {
        return Err("UTF-16 text with an odd number of bytes (truncated?)".into());
    }
    let units = bytes.chunks_exact(2).map(|c| word([c[0], c[1]]));
    let mut out = String::with_capacity(bytes.len() / 2);
    for (i, ch) in char::decode_utf16(units).enumerate() {
        match ch {
            Ok('\0') => return Err(format!("binary data (a NUL character at unit {i})")),
            Ok(c) => out.push(c),
            Err(_) => return Err(format!("invalid UTF-16 (unpaired surrogate at unit {i})")),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(
            decode_text(b"\xEF\xBB\xBFThe General Assembly,".to_vec()).unwrap(),
            "The General Assembly,"
        );
        assert_eq!(
            decode_text("Réaffirmant".as_bytes().to_vec()).unwrap(),
            "Réaffirmant"
        );
    }

    #[test]
    fn utf16_both_orders() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Decides".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Decides".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode_text(le).unwrap(), "Decides");
        assert_eq!(decode_text(be).unwrap(), "Decides");
    }

    #[test]
    fn legacy_encodings_are_guessed_binary_is_refused() {
        // Word's "Save as Plain Text" on Windows: curly quotes and dashes in windows-1252
        let (t, enc) = decode_guessing(
            b"Reaffirming its resolution 68/262 \x96 \x93territorial integrity\x94 \x85".to_vec(),
        )
        .unwrap();
        assert_eq!(enc, Some("windows-1252"));
        assert!(t.contains("– “territorial integrity” …"), "{t}");
        let err = decode_guessing(b"PK\x03\x04\x00\x00\xff".to_vec()).unwrap_err();
        assert!(err.contains("not a text file"), "{err}");
        // UTF-8 damaged by one stray byte is not read as windows-1252
        let err = decode_guessing(
            "Réaffirmant « l’intégrité » \u{2013} "
                .as_bytes()
                .iter()
                .copied()
                .chain(*b"\xff ok")
                .collect(),
        )
        .unwrap_err();
        assert!(err.contains("damaged byte (byte offset 39)"), "{err}");
        let noise: Vec<u8> = (0u8..=255)
            .cycle()
            .skip(1)
            .take(4000)
            .filter(|&b| b != 0)
            .collect();
        assert!(decode_guessing(noise).is_err());
    }

    #[test]
    fn binary_and_latin1_are_refused_with_a_position() {
        let err = decode_text(b"PK\x03\x04\x00\x00".to_vec()).unwrap_err();
        assert!(err.contains("binary") && err.contains("offset 4"), "{err}");
        let err = decode_text(b"Caf\xe9 au lait".to_vec()).unwrap_err();
        assert!(err.contains("UTF-8") && err.contains("offset 3"), "{err}");
    }
}
