//! Akoma Ntoso (AKN4UN) XML inputs.

use super::{Document, LoadOptions, SourceFormat, unsupported};
use crate::error::Result;

/// Loads a AKN input.
pub(super) fn load(name: &str, _bytes: &[u8], _opts: &LoadOptions) -> Result<Document> {
    Err(unsupported(name, SourceFormat::Akn))
}
