//! The library of past resolutions that `resdiff trace` looks in: every
//! clause and sub-paragraph of the documents added, indexed in one folder.
//!
//! The index is resdiff's own, a few hundred lines: it needs BM25 over the
//! words of clauses, the clauses sharing a phrase's hash, stored text and
//! atomic commits, and nothing else. A search engine crate (tantivy, used
//! until 2026-12) did the same with seventy crates and two minutes more of
//! a first build; see the README's Build section.
//!
//! The folder holds immutable segment files ([`segment`]), one or more per
//! `library add`, and `library.json`, which names the segments in use and
//! the documents removed from each. A commit writes the new segments, then
//! replaces `library.json` by a rename, so an interrupted `library add`
//! leaves the previous library as it was. One writer at a time holds
//! `write.lock`; readers never wait. When small segments pile up, or half
//! of one is removed, they are merged into one.
//!
//! Every clause carries its document's content hash, so one removal takes a
//! document whole, and a file added again with other content replaces it.

mod segment;
mod shingles;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::load::{LoadOptions, load_bytes, read_path};
use crate::parse::{Clause, Resolution, parse};
use segment::{Builder, Prepared, Segment};

pub use shingles::{PHRASE, SHINGLE, content_hash, phrase_words, shingle_hashes};

/// Words of a draft clause that query the index: its rarest ones.
const QUERY_TERMS: usize = 12;

/// What `library.json` is tagged with; an index written in another layout
/// is refused with a message instead of read wrongly.
const FORMAT: &str = "resdiff-library 2";
/// The file naming the segments in use.
const MANIFEST: &str = "library.json";
/// Held (an advisory lock) by the one process changing the library.
const LOCK: &str = "write.lock";
/// Postings (terms and shingles of clauses) a segment being built holds
/// before it is written: about 50 MB of memory, whatever the size of an add.
const FLUSH: usize = 4_000_000;
/// Segments with fewer clauses are merged once there are more than
/// [`MAX_SMALL`] of them.
const SMALL: u32 = 100_000;
const MAX_SMALL: usize = 8;
/// BM25's parameters, the usual ones (Lucene's and tantivy's).
const K1: f32 = 1.2;
const B: f32 = 0.75;

/// Errors of the library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The index could not be opened, read or written.
    #[error("{}: {message}", path.display())]
    Index {
        /// The library folder.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
}

/// Result type of the library.
pub type Result<T> = std::result::Result<T, Error>;

/// One document of the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Its content hash (32 hex digits): the same bytes are the same document.
    pub hash: String,
    /// The path it was added from, made absolute.
    pub path: String,
    /// Its symbol, if its header has one.
    pub symbol: Option<String>,
    /// Its date, as printed.
    pub date: Option<String>,
    /// Its title.
    pub title: Option<String>,
    /// An adopted resolution (`A/RES/...`, "Resolution adopted by ..."),
    /// not a draft.
    pub adopted: bool,
    /// How many clauses and sub-paragraphs it has.
    pub clauses: u64,
}

impl Entry {
    /// The symbol, or the file name when the document has none.
    pub fn name(&self) -> &str {
        self.symbol.as_deref().unwrap_or_else(|| {
            Path::new(&self.path)
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or(&self.path)
        })
    }
}

/// A file `library add` did not add, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The file.
    pub path: String,
    /// Why, in one line.
    pub reason: String,
}

/// What `library add` did.
#[derive(Debug, Clone, Default)]
pub struct AddReport {
    /// Documents added (new, or a changed version of a file already there).
    pub added: Vec<Entry>,
    /// Of those, how many replaced an earlier version of the same file.
    pub replaced: usize,
    /// Files already in the library with the same content.
    pub unchanged: usize,
    /// Files that could not be read as a resolution.
    pub skipped: Vec<Skipped>,
}

/// One clause of the library, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredClause {
    /// The content hash of its document.
    pub hash: String,
    /// Its id in that document: `PP3`, `OP2(a)`.
    pub id: String,
    /// Its own text.
    pub text: String,
}

/// The default library folder: `$XDG_DATA_HOME/resdiff/library`, else
/// `~/.local/share/resdiff/library`.
pub fn default_path() -> Option<PathBuf> {
    let data = std::env::var_os("XDG_DATA_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|v| !v.is_empty())
                .map(|h| PathBuf::from(h).join(".local/share"))
        })?;
    Some(data.join("resdiff").join("library"))
}

/// `library.json`: the segments in use, and in each the documents removed.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Manifest {
    format: String,
    /// Counts commits; names new segments.
    generation: u64,
    segments: Vec<SegmentMeta>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct SegmentMeta {
    file: String,
    /// Content hashes of its documents that were removed or replaced.
    #[serde(default)]
    deleted: BTreeSet<String>,
}

/// An open library.
pub struct Library {
    dir: PathBuf,
    manifest: Manifest,
    segments: Vec<Segment>,
    /// Per segment, per document: not removed.
    live: Vec<Vec<bool>>,
}

impl std::fmt::Debug for Library {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Library").field("dir", &self.dir).finish()
    }
}

/// Whether a parsed document is an adopted resolution rather than a draft.
pub fn is_adopted(r: &Resolution) -> bool {
    let h = &r.header;
    h.symbol.as_deref().is_some_and(|s| s.contains("/RES/"))
        || h.kind
            .as_deref()
            .is_some_and(|k| k.to_lowercase().contains("adopted"))
        || h.meeting.is_some()
}

/// The date to show: the header's, else the one in "adopted ... on 2 March
/// 2022", else the closing meeting line's.
fn date_of(r: &Resolution) -> Option<String> {
    let h = &r.header;
    h.date.clone().or_else(|| {
        [h.kind.as_deref(), h.meeting.as_deref()]
            .into_iter()
            .flatten()
            .find_map(|s| {
                let words: Vec<&str> = s.split_whitespace().collect();
                words.windows(3).find_map(|w| {
                    let month = crate::parse::MONTHS
                        .iter()
                        .any(|m| m.eq_ignore_ascii_case(w[1]));
                    (month
                        && w[0].parse::<u8>().is_ok()
                        && w[2].len() == 4
                        && w[2].parse::<u16>().is_ok())
                    .then(|| w.join(" "))
                })
            })
    })
}

/// Every clause and sub-paragraph, parents first, in document order.
pub fn all_clauses(r: &Resolution) -> Vec<&Clause> {
    let mut v = Vec::new();
    for c in r.preamble.iter().chain(&r.operative).chain(&r.annex) {
        c.walk(&mut |c| v.push(c));
    }
    v
}

impl Library {
    /// Opens the library at `dir`, or creates an empty one there.
    pub fn open_or_create(dir: &Path) -> Result<Library> {
        if dir.join(MANIFEST).is_file() || dir.join("meta.json").is_file() {
            return Library::open(dir);
        }
        let err = |e: &dyn std::fmt::Display| index_error(dir, e);
        std::fs::create_dir_all(dir).map_err(|e| err(&format!("cannot create the folder: {e}")))?;
        if std::fs::read_dir(dir)
            .map_err(|e| err(&e))?
            .next()
            .is_some()
        {
            return Err(err(
                &"not a resdiff library, and not empty: choose another folder",
            ));
        }
        let manifest = Manifest {
            format: FORMAT.to_string(),
            ..Manifest::default()
        };
        write_manifest(dir, &manifest).map_err(|e| err(&e))?;
        Library::open(dir)
    }

    /// Opens the library at `dir`.
    pub fn open(dir: &Path) -> Result<Library> {
        let mut lib = Library {
            dir: dir.to_path_buf(),
            manifest: Manifest::default(),
            segments: Vec::new(),
            live: Vec::new(),
        };
        lib.reload()?;
        Ok(lib)
    }

    /// Reads `library.json` and opens the segments it names. A segment
    /// merged away by a writer between the two reads is looked up again.
    fn reload(&mut self) -> Result<()> {
        let mut tries = 0;
        loop {
            tries += 1;
            self.manifest = self.read_manifest()?;
            match self.open_segments() {
                Err(e) if tries < 3 && e.kind() == std::io::ErrorKind::NotFound => continue,
                Err(e) => return Err(self.err(&e)),
                Ok(segments) => {
                    self.live = segments
                        .iter()
                        .zip(&self.manifest.segments)
                        .map(|(s, m)| {
                            s.docs
                                .iter()
                                .map(|d| !m.deleted.contains(&d.entry.hash))
                                .collect()
                        })
                        .collect();
                    self.segments = segments;
                    return Ok(());
                }
            }
        }
    }

    fn read_manifest(&self) -> Result<Manifest> {
        let path = self.dir.join(MANIFEST);
        if !path.is_file() {
            return Err(self.err(&if self.dir.join("meta.json").is_file() {
                "written by an earlier version of resdiff (a tantivy index): remove the folder and add the documents again"
            } else {
                "no library here: add documents first with `resdiff library add DIR`"
            }));
        }
        let text = std::fs::read_to_string(&path).map_err(|e| self.err(&e))?;
        let m: Manifest = serde_json::from_str(&text)
            .map_err(|e| self.err(&format!("{MANIFEST} is damaged ({e})")))?;
        if m.format != FORMAT {
            return Err(self.err(&format!(
                "written by another version of resdiff ({}): remove the folder and add the documents again",
                m.format
            )));
        }
        // a segment is a file of this folder, never a path elsewhere
        if let Some(bad) = m.segments.iter().find(|s| !is_segment_name(&s.file)) {
            return Err(self.err(&format!("{MANIFEST} is damaged (segment {:?})", bad.file)));
        }
        Ok(m)
    }

    fn open_segments(&self) -> std::io::Result<Vec<Segment>> {
        self.manifest
            .segments
            .iter()
            .map(|m| {
                Segment::open(&self.dir.join(&m.file))
                    .map_err(|e| std::io::Error::new(e.kind(), format!("{}: {e}", m.file)))
            })
            .collect()
    }

    /// The library folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn err(&self, e: &dyn std::fmt::Display) -> Error {
        index_error(&self.dir, e)
    }

    /// The live documents: (segment, document) pairs.
    fn live_docs(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.live.iter().enumerate().flat_map(|(s, docs)| {
            docs.iter()
                .enumerate()
                .filter(|(_, live)| **live)
                .map(move |(d, _)| (s, d))
        })
    }

    /// Every document, sorted by symbol (or file name), then path.
    pub fn list(&self) -> Vec<Entry> {
        let mut out: Vec<Entry> = self
            .live_docs()
            .map(|(s, d)| self.segments[s].docs[d].entry.clone())
            .collect();
        out.sort_by(|a, b| a.name().cmp(b.name()).then_with(|| a.path.cmp(&b.path)));
        out
    }

    /// Takes the writer's lock: one process changes a library at a time.
    fn lock(&self) -> Result<std::fs::File> {
        let f = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(self.dir.join(LOCK))
            .map_err(|e| self.err(&e))?;
        match f.try_lock() {
            Ok(()) => Ok(f),
            Err(std::fs::TryLockError::WouldBlock) => Err(self
                .err(&"another resdiff is changing this library: try again when it has finished")),
            Err(std::fs::TryLockError::Error(e)) => Err(self.err(&e)),
        }
    }

    /// Adds files (each parsed as a resolution), in one commit: all or, if
    /// interrupted, none. A file whose content is in the library already is
    /// left as it is; a file added before with other content replaces its
    /// earlier version. Unreadable files are listed in the report, never
    /// fatal. `tick` is called once per file.
    pub fn add(
        &mut self,
        files: &[PathBuf],
        opts: &LoadOptions,
        tick: &(dyn Fn() + Sync),
    ) -> Result<AddReport> {
        let _lock = self.lock()?;
        // what is committed now, not when this library was opened
        self.reload()?;
        let existing = self.list();
        let by_hash: BTreeMap<&str, &Entry> =
            existing.iter().map(|e| (e.hash.as_str(), e)).collect();
        let by_path: BTreeMap<&str, &Entry> =
            existing.iter().map(|e| (e.path.as_str(), e)).collect();
        let claimed = std::sync::Mutex::new(std::collections::HashSet::<String>::new());
        enum Outcome {
            Added(Entry, Vec<Prepared>, Option<String>),
            Unchanged,
            Skipped(Skipped),
        }
        let mut report = AddReport::default();
        let mut replaced = Vec::new();
        let mut writer = SegmentWriter::new(self);
        // a few hundred files at a time: memory stays bounded by FLUSH
        for chunk in files.chunks(256) {
            let outcomes: Vec<Outcome> = chunk
                .par_iter()
                .map(|p| {
                    let out = (|| {
                        let (name, bytes) = match read_path(p, opts) {
                            Ok(x) => x,
                            Err(e) => return Outcome::Skipped(skipped(p, &e)),
                        };
                        let hash = content_hash(&bytes);
                        if by_hash.contains_key(hash.as_str())
                            || !claimed
                                .lock()
                                .map(|mut c| c.insert(hash.clone()))
                                .unwrap_or(false)
                        {
                            return Outcome::Unchanged;
                        }
                        let res = match load_bytes(&name, bytes, opts).and_then(|d| parse(&d)) {
                            Ok(r) => r,
                            Err(e) => return Outcome::Skipped(skipped(p, &e)),
                        };
                        // kept as an absolute path: the same file added from another
                        // folder, or as `./x` and `x`, is the same file
                        let path = std::fs::canonicalize(p)
                            .map(|c| c.display().to_string())
                            .unwrap_or(name);
                        let (entry, clauses) = prepare(&res, &hash, &path);
                        let replaces = by_path.get(path.as_str()).map(|e| e.hash.clone());
                        Outcome::Added(entry, clauses, replaces)
                    })();
                    tick();
                    out
                })
                .collect();
            for o in outcomes {
                match o {
                    Outcome::Added(e, clauses, replaces) => {
                        if let Some(old) = replaces {
                            replaced.push(old);
                            report.replaced += 1;
                        }
                        writer.push(e.clone(), clauses)?;
                        report.added.push(e);
                    }
                    Outcome::Unchanged => report.unchanged += 1,
                    Outcome::Skipped(s) => report.skipped.push(s),
                }
            }
        }
        let written = writer.finish()?;
        if !report.added.is_empty() {
            let mut m = self.manifest.clone();
            m.generation += 1;
            self.mark_deleted(&mut m, &replaced);
            m.segments
                .extend(written.into_iter().map(|file| SegmentMeta {
                    file,
                    deleted: BTreeSet::new(),
                }));
            self.commit(m)?;
            self.merge_small()?;
        }
        Ok(report)
    }

    /// Marks documents removed in every segment holding them.
    fn mark_deleted(&self, m: &mut Manifest, hashes: &[String]) {
        for (seg, meta) in self.segments.iter().zip(&mut m.segments) {
            for d in &seg.docs {
                if hashes.contains(&d.entry.hash) {
                    meta.deleted.insert(d.entry.hash.clone());
                }
            }
        }
    }

    /// Replaces `library.json`, then removes the segment files no longer
    /// named (merged away, or left by an interrupted add). Holds the lock.
    fn commit(&mut self, m: Manifest) -> Result<()> {
        write_manifest(&self.dir, &m).map_err(|e| self.err(&e))?;
        let named: BTreeSet<&str> = m.segments.iter().map(|s| s.file.as_str()).collect();
        if let Ok(rd) = std::fs::read_dir(&self.dir) {
            for e in rd.flatten() {
                let name = e.file_name().to_string_lossy().into_owned();
                if (is_segment_name(&name) && !named.contains(name.as_str()))
                    || name.ends_with(".tmp")
                {
                    let _ = std::fs::remove_file(e.path());
                }
            }
        }
        self.reload()
    }

    /// Merges the small segments into one once there are many of them, and
    /// any segment half of whose documents were removed. Holds the lock.
    fn merge_small(&mut self) -> Result<()> {
        let half_gone = |i: usize| {
            let live = self.live[i].iter().filter(|l| **l).count();
            live * 2 < self.live[i].len()
        };
        let picked: Vec<usize> = (0..self.segments.len())
            .filter(|&i| self.segments[i].clauses < SMALL || half_gone(i))
            .collect();
        if picked.len() <= MAX_SMALL && !picked.iter().any(|&i| half_gone(i)) {
            return Ok(());
        }
        let mut writer = SegmentWriter::new(self);
        for &i in &picked {
            let seg = &self.segments[i];
            for (d, doc) in seg.docs.iter().enumerate() {
                if !self.live[i][d] {
                    continue;
                }
                let mut clauses = Vec::with_capacity(doc.n as usize);
                for ord in doc.first..doc.first + doc.n {
                    let (_, id, text) = seg.clause(ord).map_err(|e| self.err(&e))?;
                    clauses.push(Prepared::new(id, text));
                }
                writer.push(doc.entry.clone(), clauses)?;
            }
        }
        let written = writer.finish()?;
        let mut m = self.manifest.clone();
        m.generation += 1;
        let mut k = 0;
        m.segments.retain(|_| {
            k += 1;
            !picked.contains(&(k - 1))
        });
        m.segments
            .extend(written.into_iter().map(|file| SegmentMeta {
                file,
                deleted: BTreeSet::new(),
            }));
        self.commit(m)
    }

    /// Removes the documents whose path, symbol or content hash is `key`
    /// (a path is also matched as given relative to the working folder).
    /// Returns the entries removed.
    pub fn remove(&mut self, keys: &[String]) -> Result<Vec<Entry>> {
        let _lock = self.lock()?;
        self.reload()?;
        let all = self.list();
        let wanted = |e: &Entry| {
            keys.iter().any(|k| {
                e.hash == *k
                    || e.path == *k
                    || e.symbol
                        .as_deref()
                        .is_some_and(|s| s.eq_ignore_ascii_case(k))
                    || std::fs::canonicalize(k)
                        .ok()
                        .zip(std::fs::canonicalize(&e.path).ok())
                        .is_some_and(|(a, b)| a == b)
            })
        };
        let gone: Vec<Entry> = all.into_iter().filter(wanted).collect();
        if gone.is_empty() {
            return Ok(gone);
        }
        let mut m = self.manifest.clone();
        m.generation += 1;
        let hashes: Vec<String> = gone.iter().map(|e| e.hash.clone()).collect();
        self.mark_deleted(&mut m, &hashes);
        self.commit(m)?;
        self.merge_small()?;
        Ok(gone)
    }

    /// A searcher over the library as last committed.
    pub fn searcher(&self) -> Searcher<'_> {
        self.searcher_without(&|_| false)
    }

    /// A searcher that never finds the documents `hide` names: a draft's
    /// own copies (its PDF beside its text), which are no source of it and
    /// must not take a candidate's place either.
    pub fn searcher_without(&self, hide: &dyn Fn(&Entry) -> bool) -> Searcher<'_> {
        let mut by_hash = HashMap::new();
        let mut visible = Vec::with_capacity(self.segments.len());
        for (s, seg) in self.segments.iter().enumerate() {
            let mut hidden: Vec<&segment::Doc> = Vec::new();
            for (d, doc) in seg.docs.iter().enumerate() {
                if self.live[s][d] && !hide(&doc.entry) {
                    by_hash.entry(doc.entry.hash.as_str()).or_insert((s, d));
                } else {
                    hidden.push(doc);
                }
            }
            // a mask only where some clauses are hidden
            visible.push((!hidden.is_empty()).then(|| {
                let mut v = vec![true; seg.clauses as usize];
                for doc in hidden {
                    v[doc.first as usize..(doc.first + doc.n) as usize].fill(false);
                }
                v
            }));
        }
        let clauses: u64 = self.segments.iter().map(|s| u64::from(s.clauses)).sum();
        let tokens: u64 = self.segments.iter().map(|s| s.tokens).sum();
        Searcher {
            lib: self,
            by_hash,
            visible,
            clauses,
            avg_len: if clauses == 0 {
                1.0
            } else {
                (tokens as f64 / clauses as f64).max(1.0) as f32
            },
            scores: Default::default(),
        }
    }
}

/// A document's entry and its clauses, ready to index.
fn prepare(res: &Resolution, hash: &str, path: &str) -> (Entry, Vec<Prepared>) {
    let clauses = all_clauses(res);
    let entry = Entry {
        hash: hash.to_string(),
        path: path.to_string(),
        symbol: res.header.symbol.clone(),
        date: date_of(res),
        title: res.header.title.clone(),
        adopted: is_adopted(res),
        clauses: clauses.len() as u64,
    };
    let prepared = clauses
        .into_iter()
        .filter(|c| !c.text.trim().is_empty())
        .map(|c| Prepared::new(c.id.clone(), c.text.clone()))
        .collect();
    (entry, prepared)
}

/// Builds the segments of one commit, writing each when it is full.
struct SegmentWriter<'a> {
    lib: &'a Library,
    generation: u64,
    builder: Builder,
    written: Vec<String>,
}

impl<'a> SegmentWriter<'a> {
    fn new(lib: &'a Library) -> SegmentWriter<'a> {
        SegmentWriter {
            lib,
            generation: lib.manifest.generation + 1,
            builder: Builder::default(),
            written: Vec::new(),
        }
    }

    fn push(&mut self, entry: Entry, clauses: Vec<Prepared>) -> Result<()> {
        self.builder.push(entry, clauses);
        if self.builder.postings() >= FLUSH {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<()> {
        if self.builder.is_empty() {
            return Ok(());
        }
        let name = format!("seg-{:06}-{}.rdx", self.generation, self.written.len());
        std::mem::take(&mut self.builder)
            .write(&self.lib.dir.join(&name))
            .map_err(|e| self.lib.err(&format!("{name}: {e}")))?;
        self.written.push(name);
        Ok(())
    }

    /// The segment files written, named in order.
    fn finish(mut self) -> Result<Vec<String>> {
        self.flush()?;
        Ok(self.written)
    }
}

/// `seg-000001-0.rdx`: a segment's file name, and never a path.
fn is_segment_name(name: &str) -> bool {
    name.starts_with("seg-")
        && name.ends_with(".rdx")
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
}

/// Writes `library.json` beside itself and renames it into place: readers
/// see the old manifest or the new one, never half of one.
fn write_manifest(dir: &Path, m: &Manifest) -> std::io::Result<()> {
    use std::io::Write;
    let tmp = dir.join(format!("{MANIFEST}.tmp"));
    let mut f = std::fs::File::create(&tmp)?;
    let mut text = serde_json::to_string_pretty(m).map_err(std::io::Error::other)?;
    text.push('\n');
    f.write_all(text.as_bytes())?;
    f.sync_all()?;
    std::fs::rename(&tmp, dir.join(MANIFEST))?;
    // the rename itself reaches the disk with the folder (not on every system)
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

fn skipped(p: &Path, e: &crate::Error) -> Skipped {
    let path = p.display().to_string();
    let msg = e.to_string();
    // the error names the file first; the report names it already
    let reason = msg
        .strip_prefix(&format!("{path}: "))
        .unwrap_or(&msg)
        .to_string();
    Skipped {
        path,
        reason: crate::error::one_line(reason),
    }
}

fn index_error(dir: &Path, e: &dyn std::fmt::Display) -> Error {
    Error::Index {
        path: dir.to_path_buf(),
        message: crate::error::one_line(e.to_string()),
    }
}

/// A clause found in the library, with where it is: a segment and a clause
/// in it, in the order of the library's commits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Hit {
    segment: u32,
    clause: u32,
}

/// Look-ups in the library as of one commit.
pub struct Searcher<'a> {
    lib: &'a Library,
    /// The documents it finds by content hash: (segment, document).
    by_hash: HashMap<&'a str, (usize, usize)>,
    /// Per segment, per clause: found (not removed, not hidden); `None`
    /// when every clause of the segment is.
    visible: Vec<Option<Vec<bool>>>,
    /// Clauses in all, and their mean length in terms, for BM25.
    clauses: u64,
    avg_len: f32,
    /// BM25 scores being summed, one per clause of a segment.
    scores: std::cell::RefCell<Vec<f32>>,
}

impl Searcher<'_> {
    fn is_visible(&self, segment: usize, clause: u32) -> bool {
        self.visible[segment]
            .as_ref()
            .is_none_or(|v| v[clause as usize])
    }

    /// The clauses whose wording best matches `text` by BM25, best first
    /// (at equal scores, the earlier added first).
    pub fn similar(&self, text: &str, limit: usize) -> Result<Vec<Hit>> {
        let lib = self.lib;
        let lower = text.to_lowercase();
        let terms: BTreeSet<&str> = segment::terms(&lower).collect();
        // the rarest words only: they decide which clauses are candidates,
        // while the commonest ("the", "of", "Decides") rank little and cost
        // the most to scan; resdiff's similarity, which then ranks the
        // candidates, counts every word
        let mut by_freq: Vec<(u64, &str)> = terms
            .into_iter()
            .map(|t| {
                let n = lib.segments.iter().map(|s| u64::from(s.df(t))).sum();
                (n, t)
            })
            .filter(|(n, _)| *n > 0)
            .collect();
        by_freq.sort();
        by_freq.truncate(QUERY_TERMS);
        let n = self.clauses as f64;
        let idf: Vec<f32> = by_freq
            .iter()
            .map(|(df, _)| (1.0 + (n - *df as f64 + 0.5) / (*df as f64 + 0.5)).ln() as f32)
            .collect();
        // the best `limit` so far, the worst on top: (score, hit) ordered so
        // that a lower score, then a later hit, is greater
        let mut best: std::collections::BinaryHeap<(std::cmp::Reverse<u32>, Hit)> =
            std::collections::BinaryHeap::with_capacity(limit + 1);
        // one score per clause of a segment, and the clauses scored, reset
        // after each segment: no hashing per posting
        let mut acc = self.scores.borrow_mut();
        let mut touched: Vec<u32> = Vec::new();
        for (s, seg) in lib.segments.iter().enumerate() {
            let need = acc.len().max(seg.clauses as usize);
            acc.resize(need, 0.0);
            for ((_, t), idf) in by_freq.iter().zip(&idf) {
                seg.each_posting(t, |clause, tf, len| {
                    let tf = tf as f32;
                    let norm = K1 * (1.0 - B + B * len as f32 / self.avg_len);
                    let score = &mut acc[clause as usize];
                    if *score == 0.0 {
                        touched.push(clause);
                    }
                    *score += idf * tf * (K1 + 1.0) / (tf + norm);
                })
                .map_err(|e| lib.err(&e))?;
            }
            for c in touched.drain(..) {
                let score = std::mem::take(&mut acc[c as usize]);
                if limit == 0 || !self.is_visible(s, c) {
                    continue;
                }
                // a positive float's bits order as the float does
                let entry = (
                    std::cmp::Reverse(score.to_bits()),
                    Hit {
                        segment: s as u32,
                        clause: c,
                    },
                );
                if best.len() == limit && best.peek().is_some_and(|worst| entry >= *worst) {
                    continue;
                }
                best.push(entry);
                if best.len() > limit {
                    best.pop();
                }
            }
        }
        Ok(best.into_sorted_vec().into_iter().map(|(_, h)| h).collect())
    }

    /// The clauses holding the most of these shingle hashes, with how many
    /// each holds, most first; each hash contributes at most `per_hash`
    /// clauses (a shingle of boilerplate is everywhere).
    pub fn sharing(
        &self,
        hashes: &[u64],
        per_hash: usize,
        limit: usize,
    ) -> Result<Vec<(Hit, u32)>> {
        let lib = self.lib;
        let mut counts: BTreeMap<Hit, u32> = BTreeMap::new();
        let mut seen = BTreeSet::new();
        for &h in hashes {
            if !seen.insert(h) {
                continue;
            }
            let mut taken = 0;
            for (s, seg) in lib.segments.iter().enumerate() {
                for clause in seg.shingle(h).map_err(|e| lib.err(&e))? {
                    if taken == per_hash {
                        break;
                    }
                    if self.is_visible(s, clause) {
                        let hit = Hit {
                            segment: s as u32,
                            clause,
                        };
                        *counts.entry(hit).or_default() += 1;
                        taken += 1;
                    }
                }
            }
        }
        let mut v: Vec<(Hit, u32)> = counts.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        v.truncate(limit);
        Ok(v)
    }

    /// The stored clause of a hit.
    pub fn clause(&self, hit: Hit) -> Result<StoredClause> {
        let lib = self.lib;
        let seg = lib
            .segments
            .get(hit.segment as usize)
            .ok_or_else(|| lib.err(&"no such clause"))?;
        let (doc, id, text) = seg.clause(hit.clause).map_err(|e| lib.err(&e))?;
        Ok(StoredClause {
            hash: seg.docs[doc as usize].entry.hash.clone(),
            id,
            text,
        })
    }

    /// The document with this content hash, if this searcher finds it.
    pub fn entry(&self, hash: &str) -> Option<Entry> {
        self.by_hash
            .get(hash)
            .map(|&(s, d)| self.lib.segments[s].docs[d].entry.clone())
    }

    /// How many documents this searcher finds.
    pub fn documents(&self) -> u64 {
        self.by_hash.len() as u64
    }
}

/// Every file under the folders (and the files named), sorted, hidden ones
/// and their folders left out. A folder that cannot be read is reported.
pub fn files_under(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Skipped>) {
    let mut files = Vec::new();
    let mut bad = Vec::new();
    let mut stack: Vec<PathBuf> = paths.iter().rev().cloned().collect();
    while let Some(p) = stack.pop() {
        if p.is_file() {
            files.push(p);
            continue;
        }
        match std::fs::read_dir(&p) {
            Ok(rd) => {
                let mut kids: Vec<PathBuf> = rd
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|k| {
                        !k.file_name()
                            .is_some_and(|n| n.to_string_lossy().starts_with('.'))
                    })
                    .collect();
                kids.sort();
                kids.reverse();
                stack.extend(kids);
            }
            Err(e) => bad.push(Skipped {
                path: p.display().to_string(),
                reason: e.to_string(),
            }),
        }
    }
    files.sort();
    files.dedup();
    (files, bad)
}

#[cfg(test)]
mod tests;
