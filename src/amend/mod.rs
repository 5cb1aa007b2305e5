//! Amendments to a draft: read, applied to the draft as tabled, written, traced in an adopted text.
//!
//! [`parse_amendment`] reads a document, [`apply()`] applies documents to a
//! draft, [`write_amendments`] writes the document that turns one text into
//! another, and [`attribute()`] labels the changes of a comparison with the
//! instructions that explain them.
//!
//! An amendment document (`Austria, ...: amendments to draft resolution
//! A/ES-11/L.11`, its own symbol such as `A/ES-11/L.15`) lists numbered
//! instructions: replace, delete or insert words in a paragraph, insert a
//! new paragraph, delete or replace a paragraph, replace the title. resdiff
//! reads them into an [`Amendment`] whose [`Instruction`]s name their
//! target in the draft's own terms (the second preambular paragraph,
//! operative paragraph 3 (b)).
//!
//! **Positions refer to the draft as tabled**, as the United Nations numbers
//! amendments: every paragraph an instruction names is looked up in the
//! draft before any instruction is applied, so "the third preambular
//! paragraph" stays the draft's third even after an earlier instruction
//! inserted a paragraph above it. Paragraphs inserted at the same place
//! follow one another in the order of the instructions. Quoted words are
//! looked for in the paragraph as tabled too, so two instructions that
//! change the same words (or one deleting a paragraph another edits)
//! collide, and the later one is an error.
//!
//! Once every instruction is placed, the text is rebuilt: in a list of
//! paragraphs that gained or lost one, operative paragraphs are numbered 1,
//! 2, 3 as the Secretariat would (a `3 bis` becomes 4; a lone operative
//! paragraph goes unnumbered), sub-paragraphs `(a)`, `(b)` or `(i)`, `(ii)`
//! in their own style; lists no instruction changed keep their numbers.

mod apply;
mod attribute;
mod parse;
mod write;

use std::fmt;

use crate::error::Result;
use crate::load::{LoadOptions, load_path};
use crate::parse::Part;

pub use apply::{Applied, apply};
pub use attribute::attribute;
pub use parse::parse_amendment;
pub use write::{WriteOptions, write_amendments};

/// One amendment document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Amendment {
    /// The input it was read from, as named to the user.
    pub source: String,
    /// Its own symbol: `A/ES-11/L.15`.
    pub symbol: Option<String>,
    /// The delegations proposing it, in the printed order.
    pub sponsors: Vec<String>,
    /// The draft it amends: `A/ES-11/L.11`.
    pub target: Option<String>,
    /// The draft's title as the document repeats it.
    pub title: Option<String>,
    /// Source comments (`# ...` lines of a transcription).
    pub notes: Vec<String>,
    /// The instructions, in the printed order.
    pub instructions: Vec<Instruction>,
}

impl Amendment {
    /// The name it goes by in reports: its symbol, else its file name.
    pub fn name(&self) -> &str {
        self.symbol
            .as_deref()
            .unwrap_or_else(|| crate::render::file_name(&self.source))
    }
}

/// One instruction of an amendment document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Instruction {
    /// The number as printed (`1`, `2(a)`), or its position among the
    /// instructions when the document does not number them.
    pub label: String,
    /// The line of the document where it starts (from 1).
    pub line: usize,
    /// Its wording, joined on one line: what error messages quote.
    pub text: String,
    /// What it changes.
    pub target: Target,
    /// How it changes it.
    pub op: Op,
}

/// What an instruction changes, in the terms of the draft as tabled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// The title of the draft.
    Title,
    /// A paragraph or sub-paragraph.
    Clause(ClauseRef),
    /// A whole part, for a new paragraph placed at its start or end.
    Part(Part),
}

/// A paragraph named the way amendments name them: `the second preambular
/// paragraph`, `operative paragraph 3 bis`, `subparagraph (b) of operative
/// paragraph 3`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClauseRef {
    /// Preamble or operative part.
    pub part: Part,
    /// Which paragraph of the part.
    pub number: Number,
    /// Sub-paragraph labels below it, outermost first: `["b", "ii"]`.
    pub sub: Vec<String>,
}

/// How a paragraph is numbered in an instruction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Number {
    /// By position: `the second preambular paragraph` is 2. Preambular
    /// paragraphs are always counted; an ordinal for an operative
    /// paragraph counts too.
    Position(usize),
    /// `the last preambular paragraph`.
    Last,
    /// By printed number: `operative paragraph 3 bis` is `3 bis`.
    Label(String),
    /// `the operative paragraph` of a draft that has only one.
    Only,
}

/// How an instruction changes its target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Op {
    /// `replace the words "a" with the words "b"` (`everywhere`: `wherever
    /// it appears`).
    ReplaceWords {
        /// The words of the draft.
        old: String,
        /// The words that replace them.
        new: String,
        /// Every occurrence, not just the only one.
        everywhere: bool,
    },
    /// `delete the words "a"`.
    DeleteWords {
        /// The words of the draft.
        words: String,
        /// Every occurrence, not just the only one.
        everywhere: bool,
    },
    /// `after the words "a", insert the words "b"`.
    InsertWords {
        /// Where.
        at: WordAnchor,
        /// The words inserted.
        words: String,
    },
    /// `replace operative paragraph 5 with the following: "..."`, `replace
    /// the title with "..."`. Several quotations make a paragraph and its
    /// sub-paragraphs.
    Replace {
        /// The new text, one quotation a paragraph.
        text: Vec<String>,
    },
    /// `delete operative paragraph 4`.
    Delete,
    /// `after the second preambular paragraph, insert a new paragraph
    /// reading: "..."`.
    Insert {
        /// Where, relative to the target.
        place: Place,
        /// The new paragraphs, one quotation each (a quotation opening with
        /// `(a)` is a sub-paragraph of the one before).
        text: Vec<String>,
    },
}

/// Where inserted words go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WordAnchor {
    /// Right after these words of the draft.
    After(String),
    /// Right before these words of the draft.
    Before(String),
    /// At the end of the paragraph, before its closing punctuation.
    End,
    /// At the start of the paragraph.
    Start,
}

/// Where new paragraphs go, relative to the instruction's target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// After the target paragraph.
    After,
    /// Before the target paragraph.
    Before,
    /// Numbered as the target says: `a new operative paragraph 3 bis` goes
    /// after paragraph 3, `a new third preambular paragraph` before the
    /// draft's third.
    As,
    /// At the end of the part, or of the target's sub-paragraphs.
    End,
    /// At the start of the part, or of the target's sub-paragraphs.
    Start,
}

/// An instruction that could not be read or applied, named by its document,
/// number and line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}: instruction {label} (line {line}): {problem}")]
pub struct InstructionError {
    /// The amendment document, as named to the user.
    pub file: String,
    /// The instruction's number.
    pub label: String,
    /// Its line in the document.
    pub line: usize,
    /// What is wrong, in one phrase.
    pub problem: String,
}

impl From<InstructionError> for crate::Error {
    fn from(e: InstructionError) -> Self {
        crate::Error::input(
            e.file,
            format!("instruction {} (line {}): {}", e.label, e.line, e.problem),
        )
    }
}

/// Reads an amendment document in any format the loaders read.
pub fn read_amendment(path: &std::path::Path, opts: &LoadOptions) -> Result<Amendment> {
    parse_amendment(&load_path(path, opts)?)
}

impl fmt::Display for ClauseRef {
    /// The paragraph as an error message names it: `preambular paragraph
    /// 2`, `operative paragraph 3 (b)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let part = match self.part {
            Part::Preamble => "preambular",
            Part::Operative => "operative",
            Part::Annex => "annex",
        };
        match &self.number {
            Number::Position(n) => write!(f, "{part} paragraph {n}")?,
            Number::Label(l) => write!(f, "{part} paragraph {l}")?,
            Number::Last => write!(f, "the last {part} paragraph")?,
            Number::Only => write!(f, "the {part} paragraph")?,
        }
        for s in &self.sub {
            write!(f, " ({s})")?;
        }
        Ok(())
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::Title => f.write_str("the title"),
            Target::Clause(c) => c.fmt(f),
            Target::Part(Part::Preamble) => f.write_str("the preamble"),
            Target::Part(Part::Operative) => f.write_str("the operative part"),
            Target::Part(Part::Annex) => f.write_str("the annex"),
        }
    }
}

/// Ordinal words as amendments print them: `first` ... `ninety-ninth`.
pub(crate) fn ordinal_word(n: usize) -> String {
    const UNITS: [&str; 20] = [
        "",
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
    ];
    const TENS: [&str; 10] = [
        "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    const TENTHS: [&str; 10] = [
        "",
        "",
        "twentieth",
        "thirtieth",
        "fortieth",
        "fiftieth",
        "sixtieth",
        "seventieth",
        "eightieth",
        "ninetieth",
    ];
    match n {
        1..=19 => UNITS[n].to_string(),
        20..=99 if n.is_multiple_of(10) => TENTHS[n / 10].to_string(),
        20..=99 => format!("{}-{}", TENS[n / 10], UNITS[n % 10]),
        _ => format!("{n}{}", crate::numbering::ordinal_suffix(n as i64)),
    }
}

/// The value of an ordinal in words or figures: `second` 2, `twenty-first`
/// 21, `21st` 21.
pub(crate) fn ordinal_value(word: &str) -> Option<usize> {
    let w = word.trim().to_lowercase();
    let digits: String = w.chars().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty() {
        let rest = &w[digits.len()..];
        return matches!(rest, "st" | "nd" | "rd" | "th")
            .then(|| digits.parse().ok())
            .flatten();
    }
    let w = w.replace(['-', ' '], "");
    (1..100).find(|&n| ordinal_word(n).replace('-', "") == w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals_in_words_and_figures() {
        assert_eq!(ordinal_value("second"), Some(2));
        assert_eq!(ordinal_value("Twenty-first"), Some(21));
        assert_eq!(ordinal_value("twentyfirst"), Some(21));
        assert_eq!(ordinal_value("thirtieth"), Some(30));
        assert_eq!(ordinal_value("21st"), Some(21));
        assert_eq!(ordinal_value("3rd"), Some(3));
        assert_eq!(ordinal_value("8th"), Some(8));
        assert_eq!(ordinal_value("eleventh"), Some(11));
        assert_eq!(ordinal_value("nineteenth"), Some(19));
        assert_eq!(ordinal_value("paragraph"), None);
        assert_eq!(ordinal_word(22), "twenty-second");
        assert_eq!(ordinal_word(112), "112th");
    }
}
