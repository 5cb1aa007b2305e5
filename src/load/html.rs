//! HTML inputs: paragraphs and lists, without scripts, styles or navigation.

use super::{Document, LoadOptions, SourceFormat, unsupported};
use crate::error::Result;

/// Loads a HTML input.
pub(super) fn load(name: &str, _bytes: &[u8], _opts: &LoadOptions) -> Result<Document> {
    Err(unsupported(name, SourceFormat::Html))
}
