//! Unit tests of the rival-drafts matrix.

use super::*;
