//! PDF inputs: the text layer, with words, paragraphs and footnotes rebuilt from glyph positions.

use super::{Document, LoadOptions, SourceFormat, unsupported};
use crate::error::Result;

/// Loads a PDF input.
pub(super) fn load(name: &str, _bytes: &[u8], _opts: &LoadOptions) -> Result<Document> {
    Err(unsupported(name, SourceFormat::Pdf))
}
