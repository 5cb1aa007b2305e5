//! Exit statuses, the same convention as `diff(1)`, `difftastic` and `delta`.

/// The inputs have no substantive difference (or a command other than a
/// comparison succeeded).
pub const NO_CHANGES: u8 = 0;
/// The comparison ran and found substantive differences.
pub const CHANGES_FOUND: u8 = 1;
/// Bad arguments or an input that could not be read, parsed or written.
pub const ERROR: u8 = 2;
/// `resdiff check` found at least one finding of severity `error`.
pub const CHECK_FAILED: u8 = 1;
/// `resdiff amend --keep-going` wrote the amended text but left out
/// instructions that did not fit the draft.
pub const AMENDMENTS_LEFT_OUT: u8 = 1;
