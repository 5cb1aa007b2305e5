//! resdiff compares United Nations draft resolutions clause by clause.
//!
//! The pipeline, one module per stage, plain data handed along:
//!
//! ```text
//! load::load_path ─▶ Document ─▶ parse::parse ─▶ Resolution
//!   ─▶ align::align (Pair<Resolution>) ─▶ Alignment
//!   ─▶ diff::diff ─▶ ResolutionDiff ─▶ render::render ─▶ table, plain, JSON
//! ```
//!
//! * [`load`]: reads files and stdin into normalised text.
//! * [`parse`]: header, preambular and operative clauses, sub-paragraphs, footnotes.
//! * [`align`]: pairs clauses by content, never by number.
//! * [`diff`]: word diff inside each aligned pair; the result type.
//! * [`render`]: the side-by-side table, plain text, JSON, HTML and Markdown.
//! * [`check`]: wording review against a rules file.
//! * [`amend`]: amendment documents read, applied to a draft and traced in the adopted text.
//! * [`rivals`]: one clause matrix for several rival drafts, from alignments with the base.
//! * [`library`] and [`trace`]: an index of past resolutions, and each clause of a draft traced to them.
//!
//! ```
//! use resdiff::{compare_texts, CompareOptions};
//! let old = "The Security Council,\n\n1. Demands that all parties cease hostilities;\n\n2. Decides to remain seized of the matter.\n";
//! let new = "The Security Council,\n\n1. Calls upon all parties to cease hostilities;\n\n2. Decides to remain seized of the matter.\n";
//! let diff = compare_texts(old, new, &CompareOptions::default()).unwrap();
//! assert_eq!(diff.summary.reworded, 1);
//! assert_eq!(diff.summary.kept, 1);
//! ```

pub mod align;
pub mod amend;
pub mod batch;
pub mod check;
pub mod cli;
mod conventions;
pub mod diff;
pub mod error;
pub mod exit;
pub mod history;
#[cfg(not(target_family = "wasm"))]
pub mod library;
pub mod load;
mod numbering;
pub mod pair;
pub mod parse;
pub mod render;
pub mod rivals;
pub mod tokens;
#[cfg(not(target_family = "wasm"))]
pub mod trace;

pub use align::AlignOptions;
pub use diff::ResolutionDiff;
pub use error::{Error, Result};
pub use pair::{Pair, Side};

/// Options for a whole comparison.
#[derive(Debug, Clone, Default)]
pub struct CompareOptions {
    /// How clauses are paired and words compared.
    pub align: AlignOptions,
}

/// Compares two parsed resolutions.
pub fn compare(res: Pair<parse::Resolution>, opts: &CompareOptions) -> ResolutionDiff {
    let alignment = align::align(res.as_ref(), &opts.align);
    diff::diff(res, &alignment, &opts.align)
}

/// Compares two texts (a convenience for tests and library users).
pub fn compare_texts(old: &str, new: &str, opts: &CompareOptions) -> Result<ResolutionDiff> {
    let docs = Pair::new(
        load::Document::from_text("old", old),
        load::Document::from_text("new", new),
    );
    let res = docs.try_map(|d| parse::parse(&d))?;
    Ok(compare(res, opts))
}
