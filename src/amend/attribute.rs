//! Traces the changes between a draft and its adopted text back to the amendments that explain them.

use super::Amendment;
use crate::diff::ResolutionDiff;
use crate::error::Result;

/// Labels each change of `diff` with the amendments that explain it.
pub fn attribute(_diff: &mut ResolutionDiff, _amendments: &[Amendment]) -> Result<()> {
    Ok(())
}
