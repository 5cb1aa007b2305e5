//! Whole sessions at once: pairs the documents of two sets (last year's
//! adopted texts and this year's drafts, say), compares every pair in
//! parallel, and ranks the pairs by how much changed.
//!
//! Pairing tries, in order: the same symbol once revision suffixes are
//! set aside (`A/C.3/80/L.22` and `A/C.3/80/L.22/Rev.1`); the same title
//! (annual resolutions keep theirs); then the most similar wording.
//! Documents left over are new or discontinued. An unreadable file is
//! reported and skipped; it never stops the batch.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

use crate::align::dice;
use crate::diff::{Change, Direction, LeadChange, ResolutionDiff};
use crate::error::{Error, Result};
use crate::load::{LoadOptions, load_path};
use crate::pair::Pair;
use crate::parse::{Resolution, parse};
use crate::tokens::Interner;
use crate::{CompareOptions, compare};

/// Version of the batch JSON; bumped on any incompatible change.
pub const SCHEMA_VERSION: u32 = 1;

/// How two documents were paired.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PairedBy {
    /// The same symbol, revision suffixes aside.
    Symbol,
    /// The same title.
    Title,
    /// The most similar wording (share of words in common).
    Content,
}

/// What was compared in one pair, and how much changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PairReport {
    /// The old file.
    pub old: String,
    /// The new file.
    pub new: String,
    /// Symbols of the two documents.
    pub symbols: Pair<Option<String>>,
    /// The new document's title (else the old one's).
    pub title: Option<String>,
    /// How they were paired.
    pub paired_by: PairedBy,
    /// Clause counts: kept, reworded, added, dropped, moved, split, merged.
    pub kept: usize,
    /// Clauses reworded.
    pub reworded: usize,
    /// Clauses added.
    pub added: usize,
    /// Clauses dropped.
    pub dropped: usize,
    /// Clauses moved.
    pub moved: usize,
    /// Clauses split or merged.
    pub split_or_merged: usize,
    /// Share of words inserted or deleted, over the words of both texts.
    pub changed: f32,
    /// Lead words moved down the strength scale.
    pub softened: usize,
    /// Lead words moved up the strength scale.
    pub strengthened: usize,
    /// Whether anything substantive changed.
    pub differs: bool,
    /// The comparison's notes (a file that is a partial transcription, a
    /// deadline reached); left out of the JSON when there are none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// The full comparison (left out of the batch JSON; written per pair with `--out`).
    #[serde(skip)]
    pub diff: Option<Box<ResolutionDiff>>,
}

/// A document without a counterpart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unpaired {
    /// The file.
    pub file: String,
    /// Its symbol.
    pub symbol: Option<String>,
    /// Its title.
    pub title: Option<String>,
}

/// A file that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// The file.
    pub file: String,
    /// Why.
    pub problem: String,
}

/// The result of a batch.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Batch {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Paired documents, most changed first.
    pub pairs: Vec<PairReport>,
    /// New documents: in the new set only.
    pub new_documents: Vec<Unpaired>,
    /// Discontinued documents: in the old set only.
    pub discontinued: Vec<Unpaired>,
    /// Files that could not be read.
    pub skipped: Vec<Skipped>,
}

impl Batch {
    /// Whether anything differs: a changed pair, or a document on one side only.
    pub fn has_changes(&self) -> bool {
        self.pairs.iter().any(|p| p.differs)
            || !self.new_documents.is_empty()
            || !self.discontinued.is_empty()
    }
}

/// The files of a directory that may be drafts: regular, not hidden,
/// sorted by name.
pub fn list_dir(dir: &Path) -> Result<Vec<PathBuf>> {
    let name = dir.display().to_string();
    let entries = std::fs::read_dir(dir).map_err(|error| Error::Io {
        path: name.clone(),
        error,
    })?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.is_file()
                && !p
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    files.sort();
    Ok(files)
}

/// Reads and parses files in parallel; `tick` is called once per file.
pub fn read_all(
    files: &[PathBuf],
    opts: &LoadOptions,
    tick: &(dyn Fn() + Sync),
) -> Vec<Result<Resolution>> {
    files
        .par_iter()
        .map(|p| {
            let r = load_path(p, opts).and_then(|d| parse(&d));
            tick();
            r
        })
        .collect()
}

/// A symbol without revision, addendum or corrigendum suffixes.
fn base_symbol(s: &str) -> String {
    let mut parts: Vec<&str> = s.split('/').collect();
    while parts.len() > 1
        && parts.last().is_some_and(|p| {
            p.starts_with("Rev.") || p.starts_with("Add.") || p.starts_with("Corr.")
        })
    {
        parts.pop();
    }
    parts.join("/")
}

fn norm_title(t: &str) -> String {
    t.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches(['.', ',', ';'])
        .to_lowercase()
}

/// Pairs two sets of documents; returns `(old, new, how)` pairs.
pub fn pair_documents(old: &[&Resolution], new: &[&Resolution]) -> Vec<(usize, usize, PairedBy)> {
    let mut taken_old = vec![false; old.len()];
    let mut taken_new = vec![false; new.len()];
    let mut pairs = Vec::new();
    // a key pairs two documents only when each set has it once: two drafts
    // sharing a title ("The situation in ...") must be told apart by wording
    let mut by_key = |key: &dyn Fn(&Resolution) -> Option<String>,
                      how: PairedBy,
                      pairs: &mut Vec<(usize, usize, PairedBy)>| {
        let count = |docs: &[&Resolution], k: &str| {
            docs.iter().filter(|d| key(d).as_deref() == Some(k)).count()
        };
        for (o, od) in old.iter().enumerate() {
            if taken_old[o] {
                continue;
            }
            let Some(k) = key(od) else { continue };
            if count(old, &k) != 1 || count(new, &k) != 1 {
                continue;
            }
            if let Some(n) = (0..new.len())
                .find(|&n| !taken_new[n] && key(new[n]).as_deref() == Some(k.as_str()))
            {
                taken_old[o] = true;
                taken_new[n] = true;
                pairs.push((o, n, how));
            }
        }
    };
    by_key(
        &|r| r.header.symbol.as_deref().map(base_symbol),
        PairedBy::Symbol,
        &mut pairs,
    );
    by_key(
        &|r| r.header.title.as_deref().map(norm_title),
        PairedBy::Title,
        &mut pairs,
    );
    // the rest by wording
    let mut interner = Interner::new();
    let mut bag = |r: &Resolution| {
        let mut v: Vec<u32> = r
            .clauses()
            .flat_map(|c| interner.word_keys(&c.full_text(), Default::default()))
            .collect();
        v.sort_unstable();
        v
    };
    let ob: Vec<Option<Vec<u32>>> = old
        .iter()
        .enumerate()
        .map(|(o, r)| (!taken_old[o]).then(|| bag(r)))
        .collect();
    let nb: Vec<Option<Vec<u32>>> = new
        .iter()
        .enumerate()
        .map(|(n, r)| (!taken_new[n]).then(|| bag(r)))
        .collect();
    let mut cands: Vec<(f32, usize, usize)> = Vec::new();
    for (o, a) in ob.iter().enumerate() {
        for (n, b) in nb.iter().enumerate() {
            if let (Some(a), Some(b)) = (a, b) {
                let s = dice(a, b);
                if s >= 0.5 {
                    cands.push((s, o, n));
                }
            }
        }
    }
    cands.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    for (_, o, n) in cands {
        if !taken_old[o] && !taken_new[n] {
            taken_old[o] = true;
            taken_new[n] = true;
            pairs.push((o, n, PairedBy::Content));
        }
    }
    pairs.sort_by_key(|p| (p.1, p.0));
    pairs
}

fn lead_shifts(changes: &[Change]) -> (usize, usize) {
    let (mut down, mut up) = (0, 0);
    for c in changes {
        c.walk(&mut |c| match c.lead.as_ref().map(LeadChange::direction) {
            Some(Direction::Softened) => down += 1,
            Some(Direction::Strengthened) => up += 1,
            _ => {}
        });
    }
    (down, up)
}

/// Runs a batch over two lists of files. `tick` is called once per file
/// read and once per pair compared (for a progress bar).
///
/// Each pair's comparison is dropped once its figures are taken (the
/// reports' `diff` is `None`), and each document once its pair is compared,
/// so memory does not grow with the number of pairs; [`run_keeping_diffs`]
/// keeps them, for a report per pair.
pub fn run(
    old: &[PathBuf],
    new: &[PathBuf],
    load: &LoadOptions,
    opts: &CompareOptions,
    tick: &(dyn Fn() + Sync),
) -> Batch {
    run_batch(old, new, load, opts, tick, false)
}

/// [`run`], keeping every pair's full comparison in its report's `diff`.
pub fn run_keeping_diffs(
    old: &[PathBuf],
    new: &[PathBuf],
    load: &LoadOptions,
    opts: &CompareOptions,
    tick: &(dyn Fn() + Sync),
) -> Batch {
    run_batch(old, new, load, opts, tick, true)
}

fn run_batch(
    old: &[PathBuf],
    new: &[PathBuf],
    load: &LoadOptions,
    opts: &CompareOptions,
    tick: &(dyn Fn() + Sync),
    keep_diffs: bool,
) -> Batch {
    let read_old = read_all(old, load, tick);
    let read_new = read_all(new, load, tick);
    let mut skipped = Vec::new();
    let mut ok = |paths: &[PathBuf], read: Vec<Result<Resolution>>| -> Vec<(String, Resolution)> {
        let mut v = Vec::new();
        for (p, r) in paths.iter().zip(read) {
            match r {
                Ok(res) => v.push((p.display().to_string(), res)),
                Err(e) => skipped.push(Skipped {
                    file: p.display().to_string(),
                    problem: e.to_string(),
                }),
            }
        }
        v
    };
    let olds = ok(old, read_old);
    let news = ok(new, read_new);
    let pairs = pair_documents(
        &olds.iter().map(|x| &x.1).collect::<Vec<_>>(),
        &news.iter().map(|x| &x.1).collect::<Vec<_>>(),
    );
    // what the lists of unpaired documents need, before the documents go
    let paired_old: Vec<usize> = pairs.iter().map(|p| p.0).collect();
    let paired_new: Vec<usize> = pairs.iter().map(|p| p.1).collect();
    let unpaired = |docs: &[(String, Resolution)], paired: &[usize]| {
        docs.iter()
            .enumerate()
            .filter(|(k, _)| !paired.contains(k))
            .map(|(_, (f, r))| Unpaired {
                file: f.clone(),
                symbol: r.header.symbol.clone(),
                title: r.header.title.clone(),
            })
            .collect()
    };
    let new_documents = unpaired(&news, &paired_new);
    let discontinued = unpaired(&olds, &paired_old);
    // each document is in one pair at most: it moves into its comparison
    // and is dropped with it
    let mut olds: Vec<Option<(String, Resolution)>> = olds.into_iter().map(Some).collect();
    let mut news: Vec<Option<(String, Resolution)>> = news.into_iter().map(Some).collect();
    let jobs: Vec<_> = pairs
        .iter()
        .filter_map(|&(o, n, how)| Some((olds[o].take()?, news[n].take()?, how)))
        .collect();
    drop((olds, news));
    let mut reports: Vec<PairReport> = jobs
        .into_par_iter()
        .map(|((old_file, old_doc), (new_file, new_doc), how)| {
            let d = compare(Pair::new(old_doc, new_doc), opts);
            tick();
            let s = &d.summary;
            let words = d.old.word_count() + d.new.word_count();
            let changed = if words == 0 {
                0.0
            } else {
                (s.words_inserted + s.words_deleted) as f32 / words as f32
            };
            let (softened, strengthened) = lead_shifts(&d.changes);
            PairReport {
                old: old_file,
                new: new_file,
                symbols: Pair::new(d.old.header.symbol.clone(), d.new.header.symbol.clone()),
                title: d
                    .new
                    .header
                    .title
                    .clone()
                    .or_else(|| d.old.header.title.clone()),
                paired_by: how,
                kept: s.kept,
                reworded: s.reworded,
                added: s.added,
                dropped: s.dropped,
                moved: s.moved,
                split_or_merged: s.split + s.merged,
                changed: (changed * 10000.0).round() / 10000.0,
                softened,
                strengthened,
                differs: d.has_changes(),
                notes: d.notes.clone(),
                diff: keep_diffs.then(|| Box::new(d)),
            }
        })
        .collect();
    // most changed first; ties in file order, so the report is deterministic
    reports.sort_by(|a, b| {
        b.changed
            .total_cmp(&a.changed)
            .then_with(|| a.new.cmp(&b.new))
    });
    Batch {
        schema_version: SCHEMA_VERSION,
        pairs: reports,
        new_documents,
        discontinued,
        skipped,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::Document;

    fn doc(text: &str) -> Resolution {
        parse(&Document::from_text("x", text)).unwrap()
    }

    #[test]
    fn revision_suffixes_do_not_hide_a_symbol() {
        assert_eq!(base_symbol("A/C.3/80/L.22/Rev.1"), "A/C.3/80/L.22");
        assert_eq!(base_symbol("A/ES-11/L.1/Add.1"), "A/ES-11/L.1");
        assert_eq!(base_symbol("S/2025/112"), "S/2025/112");
    }

    #[test]
    fn a_key_shared_by_two_documents_does_not_pair() {
        let x = doc(
            "A/80/L.1\nThe situation in Haiti\n\nThe General Assembly,\n\nRecalling its resolutions on Haiti,\n\n1. Decides to remain seized of the situation in Haiti;\n",
        );
        let y = doc(
            "A/80/L.1\nThe situation in Haiti\n\nThe General Assembly,\n\nRecalling its resolutions on Myanmar and the Rohingya,\n\n1. Urges the authorities of Myanmar to end violence against the Rohingya;\n",
        );
        let y2 = doc(
            "A/80/L.2\nThe situation in Haiti\n\nThe General Assembly,\n\nRecalling its resolutions on Myanmar and the Rohingya,\n\n1. Urges the authorities of Myanmar to end all violence against the Rohingya;\n",
        );
        let x2 = doc(
            "A/80/L.3\nThe situation in Haiti\n\nThe General Assembly,\n\nRecalling its resolutions on Haiti,\n\n1. Decides to remain actively seized of the situation in Haiti;\n",
        );
        let pairs = pair_documents(&[&x, &y], &[&y2, &x2]);
        assert_eq!(
            pairs,
            [(1, 0, PairedBy::Content), (0, 1, PairedBy::Content)]
        );
    }

    #[test]
    fn pairs_by_symbol_then_title_then_wording() {
        let a = doc(
            "A/80/L.5\nRights of the child\n\nThe General Assembly,\n\nRecalling its resolutions on the rights of the child,\n\n1. Decides to continue its consideration of the question;\n",
        );
        let a2 = doc(
            "A/80/L.5/Rev.1\nRights of the child\n\nThe General Assembly,\n\nRecalling its resolutions on the rights of the child,\n\n1. Decides to continue its consideration;\n",
        );
        let b = doc(
            "A/79/L.9\nOceans and the law of the sea\n\nThe General Assembly,\n\nRecalling the Convention on the Law of the Sea,\n\n1. Calls upon States to become parties;\n",
        );
        let b2 = doc(
            "A/80/L.40\nOceans and the law of the sea\n\nThe General Assembly,\n\nRecalling the Convention on the Law of the Sea,\n\n1. Calls upon all States to become parties;\n",
        );
        let c = doc(
            "The Security Council,\n\nReaffirming its commitment to the sovereignty of Somalia,\n\n1. Decides to renew the mandate of the mission in Somalia until 31 October 2025;\n",
        );
        let c2 = doc(
            "The Security Council,\n\nReaffirming its commitment to the sovereignty of Somalia,\n\n1. Decides to renew the mandate of the mission in Somalia until 31 October 2026;\n",
        );
        let d = doc(
            "The General Assembly,\n\nNoting the report on desertification,\n\n1. Welcomes the report;\n",
        );
        let pairs = pair_documents(&[&a, &b, &c, &d], &[&c2, &b2, &a2]);
        assert_eq!(
            pairs,
            [
                (2, 0, PairedBy::Content),
                (1, 1, PairedBy::Title),
                (0, 2, PairedBy::Symbol)
            ]
        );
    }
}
