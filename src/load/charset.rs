//! The one legacy encoding Word and old web pages still produce: windows-1252.

/// Whether a declaration (`encoding="ISO-8859-1"`, `charset=windows-1252`)
/// names windows-1252 or one of the encodings browsers read as it.
pub(crate) fn is_latin(declaration: &str) -> bool {
    let d = declaration.to_ascii_lowercase();
    [
        "windows-1252",
        "iso-8859-1",
        "iso8859-1",
        "latin1",
        "latin-1",
        "cp1252",
        "us-ascii",
        "iso-8859-15",
        "x-cp1252",
    ]
    .iter()
    .any(|n| d.contains(n))
}

/// Decodes windows-1252 (a superset of ISO-8859-1 as browsers read it).
pub(crate) fn windows_1252(bytes: &[u8]) -> String {
    encoding_rs::WINDOWS_1252
        .decode_without_bom_handling(bytes)
        .0
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curly_quotes_and_accents() {
        assert_eq!(
            windows_1252(b"\x93R\xe9affirmant\x94 \x96 \x80"),
            "“Réaffirmant” – €"
        );
        assert!(is_latin("charset=Windows-1252"));
        assert!(!is_latin("charset=shift_jis"));
    }
}
