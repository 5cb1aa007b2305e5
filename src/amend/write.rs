//! Writes amendments in the United Nations' phrasing: the instructions that turn one text into another.

use crate::parse::Resolution;

/// What the written document says about itself.
#[derive(Debug, Clone, Default)]
pub struct WriteOptions {
    /// Its own symbol.
    pub symbol: Option<String>,
    /// Its sponsors.
    pub sponsors: Vec<String>,
}

/// Writes the instructions that turn `draft` into `amended`.
pub fn write_amendments(
    _draft: &Resolution,
    _amended: &Resolution,
    _opts: &WriteOptions,
) -> String {
    String::new()
}
