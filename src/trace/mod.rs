//! Where a draft's wording comes from: each clause and sub-paragraph traced
//! to its closest sources in a [`Library`](crate::library::Library).
//!
//! The library's index proposes a few candidate clauses per draft clause
//! (BM25 over words, and shared word shingles); resdiff's own similarity
//! (the aligner's Dice coefficient over word keys) ranks them, and its word
//! diff shows what the draft changed in each. A clause is *verbatim* when
//! its closest source has the same words and punctuation (a different final
//! `,` `;` or `.`, which only marks the clause's place, does not count),
//! *adapted* when the closest source is at least as similar as the
//! threshold, and *new* otherwise. Inside a clause that is not verbatim,
//! runs of [`PHRASE`] or more words standing verbatim in another library
//! clause are named as phrases.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use serde::Serialize;

use crate::align::dice;
use crate::diff::{Segment, word_diff};
use crate::library::{self, Entry, Hit, Library, PHRASE, Searcher, phrase_words, shingle_hashes};
use crate::parse::{Clause, Resolution};
use crate::tokens::{Interner, KeyOptions};

/// How to trace.
#[derive(Debug, Clone)]
pub struct TraceOptions {
    /// Sources shown per clause.
    pub top: usize,
    /// Similarity from which a clause counts as adapted from its closest
    /// source rather than new.
    pub threshold: f32,
}

impl Default for TraceOptions {
    fn default() -> Self {
        TraceOptions {
            top: 3,
            threshold: crate::align::DEFAULT_THRESHOLD,
        }
    }
}

/// Sources less similar than this are not shown: at lower values two UN
/// clauses share little more than their function words.
pub const MIN_SIMILARITY: f32 = 0.3;

/// Candidates the index proposes per clause by BM25.
const CANDIDATES: usize = 40;

/// More candidates for phrases: the clauses sharing the most shingles.
const PHRASE_CANDIDATES: usize = 24;

/// How a clause's wording relates to the library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Class {
    /// Word for word an earlier clause.
    Verbatim,
    /// An earlier clause with changes, at or above the threshold.
    Adapted,
    /// Nothing in the library is close enough.
    New,
}

impl Class {
    /// The word shown for it.
    pub fn word(self) -> &'static str {
        match self {
            Class::Verbatim => "verbatim",
            Class::Adapted => "adapted",
            Class::New => "new",
        }
    }
}

/// The traced draft: the JSON of `resdiff trace --format json`.
#[derive(Debug, Clone, Serialize)]
pub struct Trace {
    /// Version of this JSON shape.
    pub schema_version: u32,
    /// The draft traced.
    pub draft: Draft,
    /// Its clauses, in document order, sub-paragraphs nested.
    pub clauses: Vec<TracedClause>,
    /// Counts and the documents drawn on.
    pub summary: TraceSummary,
}

/// The draft traced.
#[derive(Debug, Clone, Serialize)]
pub struct Draft {
    /// The input, as named.
    pub source: String,
    /// Its symbol.
    pub symbol: Option<String>,
    /// Its title.
    pub title: Option<String>,
}

/// One clause or sub-paragraph of the draft and where its wording comes from.
#[derive(Debug, Clone, Serialize)]
pub struct TracedClause {
    /// Its id in the draft: `PP3`, `OP2(a)`.
    pub id: String,
    /// Its own text.
    pub text: String,
    /// Verbatim, adapted or new.
    pub class: Class,
    /// The closest sources, closest first.
    pub sources: Vec<Source>,
    /// Agreed phrases from other clauses than the closest source.
    pub phrases: Vec<Phrase>,
    /// Its sub-paragraphs.
    pub children: Vec<TracedClause>,
}

impl TracedClause {
    /// Visits this clause and its sub-paragraphs, parents first.
    pub fn walk<'a>(&'a self, f: &mut impl FnMut(&'a TracedClause)) {
        f(self);
        for c in &self.children {
            c.walk(f);
        }
    }
}

/// A library clause close to a draft clause.
#[derive(Debug, Clone, Serialize)]
pub struct Source {
    /// The library document, as the path it was added from.
    pub document: String,
    /// Its symbol.
    pub symbol: Option<String>,
    /// Its date, as printed.
    pub date: Option<String>,
    /// The clause's id there.
    pub clause: String,
    /// Share of words in common (Dice), 0 to 1, to three decimals.
    pub similarity: f32,
    /// Word diff from the source's wording to the draft's.
    pub segments: Vec<Segment>,
    /// An adopted resolution rather than a draft.
    #[serde(skip)]
    pub adopted: bool,
}

impl Source {
    /// The symbol, or the file name.
    pub fn name(&self) -> &str {
        self.symbol
            .as_deref()
            .unwrap_or_else(|| file_name(&self.document))
    }
}

fn file_name(p: &str) -> &str {
    std::path::Path::new(p)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(p)
}

/// A run of [`PHRASE`] or more words of a draft clause standing verbatim in a
/// library clause.
#[derive(Debug, Clone, Serialize)]
pub struct Phrase {
    /// The words, as the draft has them.
    pub text: String,
    /// The library document.
    pub document: String,
    /// Its symbol.
    pub symbol: Option<String>,
    /// The clause holding the phrase.
    pub clause: String,
}

impl Phrase {
    /// The symbol, or the file name.
    pub fn name(&self) -> &str {
        self.symbol
            .as_deref()
            .unwrap_or_else(|| file_name(&self.document))
    }
}

/// Counts of the whole trace.
#[derive(Debug, Clone, Default, Serialize)]
pub struct TraceSummary {
    /// Clauses and sub-paragraphs word for word from the library.
    pub verbatim: usize,
    /// Adapted from a library clause.
    pub adapted: usize,
    /// New language.
    pub new: usize,
    /// The library documents drawn on, most first.
    pub documents: Vec<DocumentUse>,
}

/// How much a draft draws on one library document.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentUse {
    /// The document.
    pub document: String,
    /// Its symbol.
    pub symbol: Option<String>,
    /// Draft clauses whose closest source (verbatim or adapted) is here.
    pub clauses: usize,
    /// Phrases named from here.
    pub phrases: usize,
}

impl DocumentUse {
    /// The symbol, or the file name.
    pub fn name(&self) -> &str {
        self.symbol
            .as_deref()
            .unwrap_or_else(|| file_name(&self.document))
    }
}

/// A candidate clause, loaded.
struct Candidate {
    entry: Entry,
    id: String,
    text: String,
    similarity: f32,
}

/// Traces every clause and sub-paragraph of `draft`. `draft_hash` is the
/// [`content_hash`](crate::library::content_hash) of its file: library
/// documents with that content, or with the draft's symbol, are never its
/// sources.
pub fn trace(
    draft: &Resolution,
    draft_hash: &str,
    lib: &Library,
    opts: &TraceOptions,
) -> library::Result<Trace> {
    // the draft itself, or another copy of it (its PDF beside its text),
    // is never found: it would be its own verbatim source
    let symbol = draft.header.symbol.as_deref().map(normal_symbol);
    let own = |e: &Entry| {
        e.hash == draft_hash
            || (symbol.is_some() && e.symbol.as_deref().map(normal_symbol) == symbol)
    };
    let searcher = lib.searcher_without(&own);
    let mut t = Tracer {
        lib: &searcher,
        opts,
        interner: Interner::new(),
        loaded: HashMap::new(),
    };
    let mut clauses = Vec::new();
    for c in draft
        .preamble
        .iter()
        .chain(&draft.operative)
        .chain(&draft.annex)
    {
        clauses.push(t.clause(c)?);
    }
    let summary = summarise(&clauses);
    Ok(Trace {
        schema_version: 1,
        draft: Draft {
            source: draft.source.clone(),
            symbol: draft.header.symbol.clone(),
            title: draft.header.title.clone(),
        },
        clauses,
        summary,
    })
}

fn normal_symbol(s: &str) -> String {
    s.split_whitespace().collect::<String>().to_uppercase()
}

struct Tracer<'a, 'l> {
    lib: &'a Searcher<'l>,
    opts: &'a TraceOptions,
    interner: Interner,
    /// Library clauses loaded so far (`None`: a clause whose document the
    /// index does not list, passed over).
    loaded: HashMap<Hit, Option<(Entry, String, String)>>,
}

impl Tracer<'_, '_> {
    /// A library clause (document, id, text), or `None` when it is the
    /// draft's own.
    fn load(&mut self, hit: Hit) -> library::Result<Option<(Entry, String, String)>> {
        if let Some(c) = self.loaded.get(&hit) {
            return Ok(c.clone());
        }
        let stored = self.lib.clause(hit)?;
        let entry = self.lib.entry(&stored.hash);
        let c = entry.map(|e| (e, stored.id, stored.text));
        self.loaded.insert(hit, c.clone());
        Ok(c)
    }

    fn sorted_words(&mut self, text: &str) -> Vec<u32> {
        let mut w = self.interner.word_keys(text, KeyOptions::default());
        w.sort_unstable();
        w
    }

    fn clause(&mut self, c: &Clause) -> library::Result<TracedClause> {
        let text = c.text.trim();
        let words = self.sorted_words(text);
        let mut cands: Vec<Candidate> = Vec::new();
        let mut seen = std::collections::BTreeSet::new();
        if !words.is_empty() {
            for hit in self.lib.similar(text, CANDIDATES)? {
                if let Some((entry, id, ctext)) = self.load(hit)? {
                    seen.insert(hit);
                    let sw = self.sorted_words(&ctext);
                    let similarity = (dice(&words, &sw) * 1000.0).round() / 1000.0;
                    cands.push(Candidate {
                        entry,
                        id,
                        text: ctext,
                        similarity,
                    });
                }
            }
        }
        // closest first; at equal similarity adopted texts, then by name
        cands.sort_by(|a, b| {
            b.similarity
                .total_cmp(&a.similarity)
                .then(b.entry.adopted.cmp(&a.entry.adopted))
                .then_with(|| a.entry.name().cmp(b.entry.name()))
                .then_with(|| a.entry.path.cmp(&b.entry.path))
                .then_with(|| clause_order(&a.id, &b.id))
        });
        // the same clause of the same document, in two copies (a PDF and its
        // text), is one source
        let mut names = std::collections::HashSet::new();
        cands.retain(|c| {
            names.insert((
                c.entry.name().to_string(),
                c.id.clone(),
                c.similarity.to_bits(),
            ))
        });
        let class = match cands.first() {
            Some(best) if same_wording(&best.text, text) => Class::Verbatim,
            Some(best) if best.similarity >= self.opts.threshold => Class::Adapted,
            _ => Class::New,
        };
        let sources: Vec<Source> = cands
            .iter()
            .filter(|s| s.similarity >= MIN_SIMILARITY)
            // new language: only the nearest miss, for reference
            .take(if class == Class::New {
                1
            } else {
                self.opts.top
            })
            .map(|s| Source {
                document: s.entry.path.clone(),
                symbol: s.entry.symbol.clone(),
                date: s.entry.date.clone(),
                clause: s.id.clone(),
                similarity: s.similarity,
                segments: word_diff(&s.text, text, KeyOptions::default(), None).0,
                adopted: s.entry.adopted,
            })
            .collect();
        let phrases = if class == Class::Verbatim {
            Vec::new()
        } else {
            self.phrases(text, &cands, &sources, seen)?
        };
        let mut children = Vec::with_capacity(c.children.len());
        for k in &c.children {
            children.push(self.clause(k)?);
        }
        Ok(TracedClause {
            id: c.id.clone(),
            text: text.to_string(),
            class,
            sources,
            phrases,
            children,
        })
    }

    /// Runs of [`PHRASE`] or more words of `text` standing verbatim in a
    /// library clause: the longest first, each part of the clause named
    /// once, none from the closest source shown (its word diff shows them).
    fn phrases(
        &mut self,
        text: &str,
        cands: &[Candidate],
        sources: &[Source],
        seen: std::collections::BTreeSet<Hit>,
    ) -> library::Result<Vec<Phrase>> {
        let words = phrase_words(text);
        if words.len() < PHRASE {
            return Ok(Vec::new());
        }
        // more candidates: the clauses sharing the most shingles
        let mut extra = Vec::new();
        for (hit, _) in self
            .lib
            .sharing(&shingle_hashes(&words, 1), 64, PHRASE_CANDIDATES)?
        {
            if seen.contains(&hit) {
                continue;
            }
            if let Some((entry, id, ctext)) = self.load(hit)? {
                extra.push(Candidate {
                    entry,
                    id,
                    text: ctext,
                    similarity: 0.0,
                });
            }
        }
        // the draft's words numbered; a candidate's other words never match
        let mut ids: HashMap<&str, u32> = HashMap::new();
        let mut dw: Vec<u32> = Vec::with_capacity(words.len());
        for (w, _) in &words {
            let n = ids.len() as u32;
            dw.push(*ids.entry(w.as_str()).or_insert(n));
        }
        let closest = sources.first();
        struct Run {
            start: usize,
            len: usize,
            cand: usize,
        }
        let all: Vec<&Candidate> = cands.iter().chain(&extra).collect();
        let mut runs = Vec::new();
        for (ci, cand) in all.iter().enumerate() {
            let cwords = phrase_words(&cand.text);
            // words absent from the draft can never be in a common run
            let cw: Vec<u32> = cwords
                .iter()
                .map(|(w, _)| ids.get(w.as_str()).copied().unwrap_or(u32::MAX))
                .collect();
            for (start, len) in common_runs(&dw, &cw, PHRASE) {
                runs.push(Run {
                    start,
                    len,
                    cand: ci,
                });
            }
        }
        let is_closest =
            |c: &Candidate| closest.is_some_and(|s| s.document == c.entry.path && s.clause == c.id);
        // longest first; then the closest source's, adopted, by name
        runs.sort_by(|a, b| {
            let (ca, cb) = (all[a.cand], all[b.cand]);
            b.len
                .cmp(&a.len)
                .then(is_closest(cb).cmp(&is_closest(ca)))
                .then(cb.entry.adopted.cmp(&ca.entry.adopted))
                .then_with(|| ca.entry.name().cmp(cb.entry.name()))
                .then_with(|| clause_order(&ca.id, &cb.id))
                .then(a.start.cmp(&b.start))
        });
        let mut covered = vec![false; dw.len()];
        let mut picked: Vec<(usize, Phrase)> = Vec::new();
        for r in runs {
            if covered[r.start..r.start + r.len].iter().any(|&c| c) {
                continue;
            }
            covered[r.start..r.start + r.len].fill(true);
            let cand = all[r.cand];
            if is_closest(cand) {
                continue;
            }
            let span: Range<usize> = words[r.start].1.start..words[r.start + r.len - 1].1.end;
            picked.push((
                r.start,
                Phrase {
                    text: text[span].to_string(),
                    document: cand.entry.path.clone(),
                    symbol: cand.entry.symbol.clone(),
                    clause: cand.id.clone(),
                },
            ));
        }
        picked.sort_by_key(|(start, _)| *start);
        Ok(picked.into_iter().map(|(_, p)| p).collect())
    }
}

/// Maximal runs of at least `min` equal elements of `a` and `b`, as (start
/// in `a`, length).
fn common_runs(a: &[u32], b: &[u32], min: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    if a.len() < min || b.len() < min {
        return out;
    }
    let mut at: HashMap<&[u32], Vec<usize>> = HashMap::new();
    for j in 0..=b.len() - min {
        if b[j] != u32::MAX {
            at.entry(&b[j..j + min]).or_default().push(j);
        }
    }
    for i in 0..=a.len() - min {
        let Some(js) = at.get(&a[i..i + min]) else {
            continue;
        };
        for &j in js {
            // only where a run starts
            if i > 0 && j > 0 && a[i - 1] == b[j - 1] {
                continue;
            }
            let mut len = min;
            while i + len < a.len() && j + len < b.len() && a[i + len] == b[j + len] {
                len += 1;
            }
            out.push((i, len));
        }
    }
    out
}

/// Two texts with the same words and punctuation, their final punctuation
/// (which marks only the clause's place) aside.
fn same_wording(a: &str, b: &str) -> bool {
    let trim = |s: &str| s.trim().trim_end_matches([',', ';', '.', ':']).to_string();
    let (a, b) = (trim(a), trim(b));
    let mut i = Interner::new();
    i.content_keys(&a, KeyOptions::default()) == i.content_keys(&b, KeyOptions::default())
}

/// Clause ids in document order: `PP2` before `PP10`, `OP1` before `OP1(a)`.
fn clause_order(a: &str, b: &str) -> std::cmp::Ordering {
    let key = |s: &str| -> (String, u32, String) {
        let p: String = s.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
        let rest = &s[p.len()..];
        let n: String = rest.chars().take_while(char::is_ascii_digit).collect();
        (p, n.parse().unwrap_or(0), rest[n.len()..].to_string())
    };
    key(a).cmp(&key(b))
}

fn summarise(clauses: &[TracedClause]) -> TraceSummary {
    let mut s = TraceSummary::default();
    // document path -> (symbol, clauses, phrases)
    let mut uses: BTreeMap<String, (Option<String>, usize, usize)> = BTreeMap::new();
    for top in clauses {
        top.walk(&mut |c| {
            match c.class {
                Class::Verbatim => s.verbatim += 1,
                Class::Adapted => s.adapted += 1,
                Class::New => s.new += 1,
            }
            if c.class != Class::New
                && let Some(src) = c.sources.first()
            {
                uses.entry(src.document.clone())
                    .or_insert((src.symbol.clone(), 0, 0))
                    .1 += 1;
            }
            for p in &c.phrases {
                uses.entry(p.document.clone())
                    .or_insert((p.symbol.clone(), 0, 0))
                    .2 += 1;
            }
        });
    }
    let mut docs: Vec<DocumentUse> = uses
        .into_iter()
        .map(|(document, (symbol, clauses, phrases))| DocumentUse {
            document,
            symbol,
            clauses,
            phrases,
        })
        .collect();
    docs.sort_by(|a, b| {
        (b.clauses + b.phrases)
            .cmp(&(a.clauses + a.phrases))
            .then(b.clauses.cmp(&a.clauses))
            .then_with(|| a.name().cmp(b.name()))
            .then_with(|| a.document.cmp(&b.document))
    });
    s.documents = docs;
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_runs_are_maximal() {
        let a = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
        let b = [0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0, 1, 2];
        assert_eq!(common_runs(&a, &b, 8), [(1, 9)]);
        assert!(common_runs(&a, &b, 10).is_empty());
    }

    #[test]
    fn final_punctuation_is_not_wording() {
        assert!(same_wording(
            "Decides to remain seized of the matter.",
            "Decides to remain seized of the matter;"
        ));
        assert!(!same_wording(
            "Decides to remain seized of the matter.",
            "Decides to remain actively seized of the matter."
        ));
    }

    #[test]
    fn clause_ids_sort_in_document_order() {
        let mut v = ["OP10", "OP2(a)", "PP1", "OP2"];
        v.sort_by(|a, b| clause_order(a, b));
        assert_eq!(v, ["OP2", "OP2(a)", "OP10", "PP1"]);
    }
}
