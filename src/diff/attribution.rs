//! Which amendment explains which change: what `compare --amendments` adds to a comparison.

use serde::Serialize;

/// An amendment instruction that explains (part of) a change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AmendmentRef {
    /// The amendment's symbol (`A/ES-11/L.15`), or its file name when it
    /// states none.
    pub symbol: String,
    /// The instruction's number as printed (`1`, `2(a)`).
    pub instruction: String,
    /// The change's segments it explains (indices into `segments`).
    pub segments: Vec<usize>,
}

/// Whether an instruction's effect is in the new text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// All of it.
    Adopted,
    /// Some of it (another amendment or an oral revision changed the rest).
    Partly,
    /// None of it: rejected, withdrawn, or overtaken.
    NotAdopted,
}

/// One instruction and what became of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InstructionOutcome {
    /// The amendment's symbol, or its file name.
    pub symbol: String,
    /// The instruction's number as printed.
    pub instruction: String,
    /// Its line in the amendment document.
    pub line: usize,
    /// Its wording.
    pub text: String,
    /// Whether its effect is in the new text.
    pub outcome: Outcome,
    /// The clauses of the new text where its effect shows (`title` for the title).
    pub clauses: Vec<String>,
    /// The clauses of the old text it deleted, when they are gone.
    pub dropped: Vec<String>,
}

/// A change no instruction explains, or the part of one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unexplained {
    /// `preamble`, `operative`, `annex`, or `title`.
    pub part: String,
    /// Old clause ids.
    pub old: Vec<String>,
    /// New clause ids.
    pub new: Vec<String>,
    /// The segments of that change (or of the title's diff) left unexplained.
    pub segments: Vec<usize>,
}

/// An amendment document as the comparison read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AmendmentDoc {
    /// The input, as named to the user.
    pub source: String,
    /// Its own symbol.
    pub symbol: Option<String>,
    /// The draft it amends.
    pub target: Option<String>,
    /// Its sponsors.
    pub sponsors: Vec<String>,
}

/// The amendments behind a comparison of a draft with its adopted text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Attribution {
    /// The amendment documents, in the order given.
    pub documents: Vec<AmendmentDoc>,
    /// Every instruction, with its outcome.
    pub instructions: Vec<InstructionOutcome>,
    /// The instructions behind the title's change (segments of `header.title`).
    pub title: Vec<AmendmentRef>,
    /// Changes (or parts of changes) no instruction explains.
    pub unexplained: Vec<Unexplained>,
}
