//! The parsed structure of one draft: header, clauses and footnotes.

use serde::Serialize;

use super::lang::Lang;

/// Which part of a resolution a clause belongs to. Clauses are only ever
/// aligned with clauses of the same part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    /// Preambular paragraphs (`Recalling ...,`), referred to as PP1, PP2, ...
    Preamble,
    /// Numbered operative paragraphs (`1. Decides ...;`), OP1, OP2, ...
    Operative,
    /// Paragraphs of an annex after the operative part, AN1, AN2, ...
    Annex,
}

impl Part {
    /// The prefix of clause ids in this part.
    pub fn prefix(self) -> &'static str {
        match self {
            Part::Preamble => "PP",
            Part::Operative => "OP",
            Part::Annex => "AN",
        }
    }

    /// All parts, in document order.
    pub const ALL: [Part; 3] = [Part::Preamble, Part::Operative, Part::Annex];
}

/// One paragraph of a resolution, with its sub-paragraphs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Clause {
    /// Stable reference: `PP2`, `OP3`, `OP3(a)(ii)`. Operative ids use the
    /// printed number; preambular ids count paragraphs.
    pub id: String,
    /// The part it belongs to.
    pub part: Part,
    /// The number or letter as printed (`3`, `3 bis`, `a`, `ii`), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The section heading printed above it ("Arms embargo"), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    /// The opening words that carry the clause's force (`Demands`,
    /// `Calls upon`, `Deeply concerned`), if it opens with such words.
    pub lead: Option<String>,
    /// The clause's own text, on one line, without its number and without
    /// the text of its sub-paragraphs or footnote markers.
    pub text: String,
    /// Footnotes referenced from the text, with where their marks stood.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub footnotes: Vec<FootnoteRef>,
    /// Sub-paragraphs, `(a)`, `(b)`, ... nested to any depth.
    pub children: Vec<Clause>,
}

impl Clause {
    /// Visits this clause and its descendants, parents first.
    pub fn walk<'a>(&'a self, f: &mut impl FnMut(&'a Clause)) {
        f(self);
        for c in &self.children {
            c.walk(f);
        }
    }

    /// The clause's own text followed by all of its descendants' texts, as
    /// one string: what the aligner compares for top-level clauses.
    pub fn full_text(&self) -> String {
        let mut s = String::with_capacity(self.text.len());
        self.walk(&mut |c| {
            if !s.is_empty() {
                s.push(' ');
            }
            s.push_str(&c.text);
        });
        s
    }
}

/// Where a footnote mark stood in a clause's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FootnoteRef {
    /// The mark: `1`, `*`.
    pub mark: String,
    /// Byte offset in the clause text where the mark was (it is not in the text).
    pub at: usize,
}

/// A footnote, kept apart from the clause text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Footnote {
    /// Its mark: `1`, `2`, `*`.
    pub mark: String,
    /// Its text.
    pub text: String,
}

/// What the first page says about the document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Header {
    /// Document symbol: `A/ES-11/L.10`, `S/2025/112`, `A/RES/78/316`.
    pub symbol: Option<String>,
    /// The body issuing it, as printed in the header: `General Assembly`.
    pub body: Option<String>,
    /// Distribution: `Limited`, `General`.
    pub distribution: Option<String>,
    /// Date of issue.
    pub date: Option<String>,
    /// Session: `Eleventh emergency special session`.
    pub session: Option<String>,
    /// Committee, for committee drafts: `Third Committee`.
    pub committee: Option<String>,
    /// Agenda item and its title: `Agenda item 5 Letter dated ...`.
    pub agenda_item: Option<String>,
    /// Sponsoring delegations, in the printed order.
    pub sponsors: Vec<String>,
    /// The kind of document: `draft resolution`, `revised draft resolution`,
    /// `Resolution adopted by the General Assembly on 2 March 2022`.
    pub kind: Option<String>,
    /// The draft an adopted text came from: `[without reference to a Main
    /// Committee (A/ES-11/L.5)]`.
    pub draft_reference: Option<String>,
    /// The resolution number printed before an adopted title: `ES-11/4`.
    pub number: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// The organ line that opens the body: `The General Assembly,`.
    pub organ: Option<String>,
    /// The closing meeting line of an adopted text: `14th plenary meeting 12 October 2022`.
    pub meeting: Option<String>,
}

/// A draft resolution as resdiff understands it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Resolution {
    /// The input it was read from, as named to the user.
    pub source: String,
    /// Header block and closing lines.
    pub header: Header,
    /// Preambular paragraphs.
    pub preamble: Vec<Clause>,
    /// Operative paragraphs.
    pub operative: Vec<Clause>,
    /// Annex paragraphs, if any.
    pub annex: Vec<Clause>,
    /// Footnotes.
    pub footnotes: Vec<Footnote>,
    /// Source comments (`# ...` lines of a transcription).
    pub notes: Vec<String>,
    /// The language it is written in: detected from the text, or as told
    /// (`--lang`).
    pub lang: Lang,
    /// The legacy character encoding the input was read in, when it was not
    /// UTF-8 or UTF-16 (see [`crate::load::Metadata::encoding`]).
    pub encoding: Option<String>,
}

impl Resolution {
    /// Whether the source says it is a partial transcription: a
    /// `# completeness: PARTIAL` comment, as the bundled transcriptions have.
    ///
    /// ```
    /// # use resdiff::{load::Document, parse::parse};
    /// let r = parse(&Document::from_text("t.txt", "# completeness: PARTIAL. Two paragraphs only.\nThe General Assembly,\n1. Decides.")).unwrap();
    /// assert!(r.is_partial());
    /// ```
    pub fn is_partial(&self) -> bool {
        self.notes.iter().any(|n| {
            n.get(..13)
                .is_some_and(|k| k.eq_ignore_ascii_case("completeness:"))
                && n[13..].trim_start().starts_with("PARTIAL")
        })
    }

    /// The clauses of one part.
    pub fn part(&self, part: Part) -> &[Clause] {
        match part {
            Part::Preamble => &self.preamble,
            Part::Operative => &self.operative,
            Part::Annex => &self.annex,
        }
    }

    /// Mutable access to the clauses of one part.
    pub fn part_mut(&mut self, part: Part) -> &mut Vec<Clause> {
        match part {
            Part::Preamble => &mut self.preamble,
            Part::Operative => &mut self.operative,
            Part::Annex => &mut self.annex,
        }
    }

    /// All top-level clauses in document order.
    pub fn clauses(&self) -> impl Iterator<Item = &Clause> {
        self.preamble
            .iter()
            .chain(&self.operative)
            .chain(&self.annex)
    }

    /// Number of clauses at every depth.
    pub fn clause_count(&self) -> usize {
        let mut n = 0;
        for c in self.clauses() {
            c.walk(&mut |_| n += 1);
        }
        n
    }

    /// Finds a clause by id at any depth.
    pub fn find(&self, id: &str) -> Option<&Clause> {
        let mut found = None;
        for c in self.clauses() {
            c.walk(&mut |c| {
                if found.is_none() && c.id == id {
                    found = Some(c);
                }
            });
        }
        found
    }

    /// Number of words in all clause texts.
    pub fn word_count(&self) -> usize {
        let mut n = 0;
        for c in self.clauses() {
            c.walk(&mut |c| n += c.text.split_whitespace().count());
        }
        n
    }
}

/// The JSON shape of a document (`DOC` in the README's contract).
#[derive(Serialize)]
struct DocView<'a> {
    source: &'a str,
    lang: Lang,
    symbol: &'a Option<String>,
    title: &'a Option<String>,
    organ: &'a Option<String>,
    sponsors: &'a [String],
    header: &'a Header,
    clauses: Vec<&'a Clause>,
    footnotes: &'a [Footnote],
    #[serde(skip_serializing_if = "Option::is_none")]
    encoding: &'a Option<String>,
}

impl Serialize for Resolution {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        DocView {
            source: &self.source,
            lang: self.lang,
            symbol: &self.header.symbol,
            title: &self.header.title,
            organ: &self.header.organ,
            sponsors: &self.header.sponsors,
            header: &self.header,
            clauses: self.clauses().collect(),
            footnotes: &self.footnotes,
            encoding: &self.encoding,
        }
        .serialize(s)
    }
}
