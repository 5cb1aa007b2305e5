//! Plain-text inputs: UTF-8 (with or without BOM) and UTF-16 with a BOM.

use super::{Document, Metadata, SourceFormat};
use crate::error::{Error, Result};

/// Loads plain text, refusing binary data and text in an unknown encoding.
pub(super) fn load(name: &str, bytes: Vec<u8>) -> Result<Document> {
    let text = decode_text(bytes).map_err(|problem| Error::input(name, problem))?;
    Ok(Document {
        source: name.to_string(),
        format: SourceFormat::Text,
        text,
        meta: Metadata::default(),
    })
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
        return Err(format!(
            "binary data (a NUL byte at offset {}), not a text draft",
            pos + offset
        ));
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
    fn binary_and_latin1_are_refused_with_a_position() {
        let err = decode_text(b"PK\x03\x04\x00\x00".to_vec()).unwrap_err();
        assert!(err.contains("binary") && err.contains("offset 4"), "{err}");
        let err = decode_text(b"Caf\xe9 au lait".to_vec()).unwrap_err();
        assert!(err.contains("UTF-8") && err.contains("offset 3"), "{err}");
    }
}
