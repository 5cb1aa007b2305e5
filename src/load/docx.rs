//! Word (DOCX) inputs: paragraphs, automatic numbering, tracked changes and footnotes.

use super::{Document, LoadOptions, SourceFormat, unsupported};
use crate::error::Result;

/// Loads a DOCX input.
pub(super) fn load(name: &str, _bytes: &[u8], _opts: &LoadOptions) -> Result<Document> {
    Err(unsupported(name, SourceFormat::Docx))
}
