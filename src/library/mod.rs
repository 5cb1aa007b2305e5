//! The library of past resolutions that `resdiff trace` looks in: every
//! clause and sub-paragraph of the documents added, indexed in one folder.
//!
//! The index is [tantivy](https://docs.rs/tantivy)'s, embedded: no server,
//! one folder, crash-safe commits (a commit replaces `meta.json` atomically,
//! so an interrupted `library add` leaves the previous index as it was).
//! tantivy is the Rust search library with BM25 ranking, on-disk postings
//! and compressed stored fields, well kept and MIT-licensed; resdiff uses it
//! with default features off (no stemmer, stop words or zstd), for the
//! memory-mapped directory and LZ4 stored text only. The index finds a few
//! candidate clauses per draft clause; resdiff's own similarity and word
//! diff then judge them ([`crate::trace`]).
//!
//! Each document is stored as one `doc` record (path, content hash, symbol,
//! date, title, adopted or draft) and one `clause` record per clause and
//! sub-paragraph (its id, its own text, indexed for BM25, and hashed word
//! shingles for phrase look-up, see [`shingles`]). Every record carries the
//! document's content hash, so one delete removes a document whole.

mod shingles;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use tantivy::collector::{DocSetCollector, TopDocs};
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{
    Field, IndexRecordOption, NumericOptions, STORED, STRING, Schema, TextFieldIndexing,
    TextOptions, Value,
};
use tantivy::{
    DocAddress, DocSet, Index, IndexReader, IndexWriter, TERMINATED, TantivyDocument, Term,
};

use crate::load::{LoadOptions, load_bytes, read_path};
use crate::parse::{Clause, Resolution, parse};

pub use shingles::{PHRASE, SHINGLE, content_hash, phrase_words, shingle_hashes};

/// Words of a draft clause that query the index: its rarest ones.
const QUERY_TERMS: usize = 12;

/// What a library folder's commits are tagged with; an index written by
/// another layout is refused with a message instead of read wrongly.
const FORMAT: &str = "resdiff-library 1";

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

#[derive(Debug, Clone, Copy)]
struct Fields {
    kind: Field,
    hash: Field,
    path: Field,
    symbol: Field,
    date: Field,
    title: Field,
    adopted: Field,
    clauses: Field,
    id: Field,
    text: Field,
    shingle: Field,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let stored_only = TextOptions::default().set_stored();
    // BM25 needs term frequencies; positions would only grow the index
    let text = TextOptions::default().set_stored().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("default")
            .set_index_option(IndexRecordOption::WithFreqs),
    );
    let fields = Fields {
        kind: b.add_text_field("kind", STRING),
        hash: b.add_text_field("hash", STRING | STORED),
        path: b.add_text_field("path", STRING | STORED),
        symbol: b.add_text_field("symbol", STRING | STORED),
        date: b.add_text_field("date", stored_only.clone()),
        title: b.add_text_field("title", stored_only.clone()),
        adopted: b.add_u64_field("adopted", NumericOptions::default().set_stored()),
        clauses: b.add_u64_field("clauses", NumericOptions::default().set_stored()),
        id: b.add_text_field("id", stored_only),
        text: b.add_text_field("text", text),
        shingle: b.add_u64_field("shingle", NumericOptions::default().set_indexed()),
    };
    (b.build(), fields)
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

/// An open library.
pub struct Library {
    dir: PathBuf,
    index: Index,
    reader: IndexReader,
    f: Fields,
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
        if dir.join("meta.json").is_file() {
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
        let (schema, f) = schema();
        let settings = tantivy::IndexSettings {
            // larger blocks compress UN wording, which repeats, much better
            docstore_blocksize: 1 << 16,
            ..tantivy::IndexSettings::default()
        };
        let index = Index::builder()
            .schema(schema)
            .settings(settings)
            .create_in_dir(dir)
            .map_err(|e| err(&e))?;
        let reader = index.reader().map_err(|e| err(&e))?;
        Ok(Library {
            dir: dir.to_path_buf(),
            index,
            reader,
            f,
        })
    }

    /// Opens the library at `dir`.
    pub fn open(dir: &Path) -> Result<Library> {
        let err = |e: &dyn std::fmt::Display| index_error(dir, e);
        if !dir.join("meta.json").is_file() {
            return Err(err(
                &"no library here: add documents first with `resdiff library add DIR`",
            ));
        }
        let index = Index::open_in_dir(dir).map_err(|e| err(&e))?;
        let metas = index.load_metas().map_err(|e| err(&e))?;
        if metas.payload.as_deref().is_some_and(|p| p != FORMAT) {
            return Err(err(&format!(
                "written by another version of resdiff ({}): remove the folder and add the documents again",
                metas.payload.as_deref().unwrap_or("?")
            )));
        }
        let (_, f) = schema();
        if index.schema() != schema().0 {
            return Err(err(&"not a resdiff library (its index has other fields)"));
        }
        let reader = index.reader().map_err(|e| err(&e))?;
        Ok(Library {
            dir: dir.to_path_buf(),
            index,
            reader,
            f,
        })
    }

    /// The library folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn err(&self, e: &dyn std::fmt::Display) -> Error {
        index_error(&self.dir, e)
    }

    /// Every document, sorted by symbol (or file name), then path.
    pub fn list(&self) -> Result<Vec<Entry>> {
        let searcher = self.reader.searcher();
        let q = TermQuery::new(
            Term::from_field_text(self.f.kind, "doc"),
            IndexRecordOption::Basic,
        );
        let addrs = searcher
            .search(&q, &DocSetCollector)
            .map_err(|e| self.err(&e))?;
        let mut out = Vec::with_capacity(addrs.len());
        for a in addrs {
            let d: TantivyDocument = searcher.doc(a).map_err(|e| self.err(&e))?;
            out.push(self.entry_of(&d));
        }
        out.sort_by(|a, b| a.name().cmp(b.name()).then_with(|| a.path.cmp(&b.path)));
        Ok(out)
    }

    fn entry_of(&self, d: &TantivyDocument) -> Entry {
        let s = |f: Field| d.get_first(f).and_then(|v| v.as_str()).map(str::to_string);
        let n = |f: Field| d.get_first(f).and_then(|v| v.as_u64()).unwrap_or(0);
        Entry {
            hash: s(self.f.hash).unwrap_or_default(),
            path: s(self.f.path).unwrap_or_default(),
            symbol: s(self.f.symbol),
            date: s(self.f.date),
            title: s(self.f.title),
            adopted: n(self.f.adopted) == 1,
            clauses: n(self.f.clauses),
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
        let existing = self.list()?;
        let by_hash: BTreeMap<&str, &Entry> =
            existing.iter().map(|e| (e.hash.as_str(), e)).collect();
        let by_path: BTreeMap<&str, &Entry> =
            existing.iter().map(|e| (e.path.as_str(), e)).collect();
        let threads = rayon::current_num_threads().clamp(1, 4);
        let mut writer: IndexWriter = self
            .index
            .writer_with_num_threads(threads, threads * 40_000_000)
            .map_err(|e| self.err(&e))?;
        let claimed = std::sync::Mutex::new(std::collections::HashSet::<String>::new());
        enum Outcome {
            Added(Entry, Option<String>),
            Unchanged,
            Skipped(Skipped),
        }
        let outcomes: Vec<Outcome> = files
            .par_iter()
            .map(|p| {
                let out = (|| {
                    let (name, bytes) = match read_path(p, opts) {
                        Ok(x) => x,
                        Err(e) => return Ok(Outcome::Skipped(skipped(p, &e))),
                    };
                    let hash = content_hash(&bytes);
                    if by_hash.contains_key(hash.as_str())
                        || !claimed
                            .lock()
                            .map(|mut c| c.insert(hash.clone()))
                            .unwrap_or(false)
                    {
                        return Ok(Outcome::Unchanged);
                    }
                    let res = match load_bytes(&name, bytes, opts).and_then(|d| parse(&d)) {
                        Ok(r) => r,
                        Err(e) => return Ok(Outcome::Skipped(skipped(p, &e))),
                    };
                    // kept as an absolute path: the same file added from another
                    // folder, or as `./x` and `x`, is the same file
                    let path = std::fs::canonicalize(p)
                        .map(|c| c.display().to_string())
                        .unwrap_or(name);
                    let entry = self.write_document(&writer, &res, &hash, &path)?;
                    let replaces = by_path.get(path.as_str()).map(|e| e.hash.clone());
                    Ok(Outcome::Added(entry, replaces))
                })();
                tick();
                out
            })
            .collect::<Result<_>>()?;
        let mut report = AddReport::default();
        for o in outcomes {
            match o {
                Outcome::Added(e, replaces) => {
                    if let Some(old) = replaces {
                        writer.delete_term(Term::from_field_text(self.f.hash, &old));
                        report.replaced += 1;
                    }
                    report.added.push(e);
                }
                Outcome::Unchanged => report.unchanged += 1,
                Outcome::Skipped(s) => report.skipped.push(s),
            }
        }
        if !report.added.is_empty() {
            let mut commit = writer.prepare_commit().map_err(|e| self.err(&e))?;
            commit.set_payload(FORMAT);
            commit.commit().map_err(|e| self.err(&e))?;
        }
        writer.wait_merging_threads().map_err(|e| self.err(&e))?;
        self.reader.reload().map_err(|e| self.err(&e))?;
        Ok(report)
    }

    /// Adds one parsed document's records to the writer.
    fn write_document(
        &self,
        writer: &IndexWriter,
        res: &Resolution,
        hash: &str,
        path: &str,
    ) -> Result<Entry> {
        let f = &self.f;
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
        let mut d = TantivyDocument::default();
        d.add_text(f.kind, "doc");
        d.add_text(f.hash, hash);
        d.add_text(f.path, path);
        if let Some(s) = &entry.symbol {
            d.add_text(f.symbol, s);
        }
        if let Some(s) = &entry.date {
            d.add_text(f.date, s);
        }
        if let Some(s) = &entry.title {
            d.add_text(f.title, s);
        }
        d.add_u64(f.adopted, u64::from(entry.adopted));
        d.add_u64(f.clauses, entry.clauses);
        writer.add_document(d).map_err(|e| self.err(&e))?;
        for c in clauses {
            if c.text.trim().is_empty() {
                continue;
            }
            let mut d = TantivyDocument::default();
            d.add_text(f.kind, "clause");
            d.add_text(f.hash, hash);
            d.add_text(f.id, &c.id);
            d.add_text(f.text, &c.text);
            let words = phrase_words(&c.text);
            let mut hs = shingle_hashes(&words, shingles::STEP);
            hs.sort_unstable();
            hs.dedup();
            for h in hs {
                d.add_u64(f.shingle, h);
            }
            writer.add_document(d).map_err(|e| self.err(&e))?;
        }
        Ok(entry)
    }

    /// Removes the documents whose path, symbol or content hash is `key`
    /// (a path is also matched as given relative to the working folder).
    /// Returns the entries removed.
    pub fn remove(&mut self, keys: &[String]) -> Result<Vec<Entry>> {
        let all = self.list()?;
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
        let mut writer: IndexWriter = self
            .index
            .writer_with_num_threads(1, 15_000_000)
            .map_err(|e| self.err(&e))?;
        for e in &gone {
            writer.delete_term(Term::from_field_text(self.f.hash, &e.hash));
        }
        let mut commit = writer.prepare_commit().map_err(|e| self.err(&e))?;
        commit.set_payload(FORMAT);
        commit.commit().map_err(|e| self.err(&e))?;
        writer.wait_merging_threads().map_err(|e| self.err(&e))?;
        self.reader.reload().map_err(|e| self.err(&e))?;
        Ok(gone)
    }

    /// A searcher over the library as last committed.
    pub fn searcher(&self) -> Searcher<'_> {
        Searcher {
            lib: self,
            searcher: self.reader.searcher(),
            entries: Default::default(),
        }
    }
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

/// A clause found in the library, with where it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Hit(DocAddress);

/// Look-ups in the library as of one commit. Document entries are cached.
pub struct Searcher<'a> {
    lib: &'a Library,
    searcher: tantivy::Searcher,
    entries: std::cell::RefCell<std::collections::HashMap<String, Option<Entry>>>,
}

impl Searcher<'_> {
    /// The clauses whose wording best matches `text` by BM25, best first.
    pub fn similar(&self, text: &str, limit: usize) -> Result<Vec<Hit>> {
        let f = self.lib.f;
        let mut analyzer = self
            .lib
            .index
            .tokenizer_for_field(f.text)
            .map_err(|e| self.lib.err(&e))?;
        let mut stream = analyzer.token_stream(text);
        let mut terms = std::collections::BTreeSet::new();
        while let Some(t) = stream.next() {
            terms.insert(t.text.clone());
        }
        if terms.is_empty() {
            return Ok(Vec::new());
        }
        // the rarest words only: they decide which clauses are candidates,
        // while the commonest ("the", "of", "Decides") rank little and cost
        // the most to scan; resdiff's similarity, which then ranks the
        // candidates, counts every word
        let mut by_freq: Vec<(u64, String)> = terms
            .into_iter()
            .map(|t| {
                let n = self
                    .searcher
                    .doc_freq(&Term::from_field_text(f.text, &t))
                    .unwrap_or(0);
                (n, t)
            })
            .filter(|(n, _)| *n > 0)
            .collect();
        by_freq.sort();
        by_freq.truncate(QUERY_TERMS);
        let terms: Vec<String> = by_freq.into_iter().map(|(_, t)| t).collect();
        if terms.is_empty() {
            return Ok(Vec::new());
        }
        let clauses: Vec<(Occur, Box<dyn Query>)> = terms
            .into_iter()
            .map(|t| {
                let q: Box<dyn Query> = Box::new(TermQuery::new(
                    Term::from_field_text(f.text, &t),
                    IndexRecordOption::WithFreqs,
                ));
                (Occur::Should, q)
            })
            .collect();
        let q = BooleanQuery::new(clauses);
        let top = self
            .searcher
            .search(&q, &TopDocs::with_limit(limit).order_by_score())
            .map_err(|e| self.lib.err(&e))?;
        Ok(top.into_iter().map(|(_, a)| Hit(a)).collect())
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
        let f = self.lib.f;
        let mut counts: BTreeMap<Hit, u32> = BTreeMap::new();
        let mut seen = std::collections::BTreeSet::new();
        for &h in hashes {
            if !seen.insert(h) {
                continue;
            }
            let term = Term::from_field_u64(f.shingle, h);
            let mut taken = 0;
            for (ord, seg) in self.searcher.segment_readers().iter().enumerate() {
                let inv = seg
                    .inverted_index(f.shingle)
                    .map_err(|e| self.lib.err(&e))?;
                let Some(mut postings) = inv
                    .read_postings(&term, IndexRecordOption::Basic)
                    .map_err(|e| self.lib.err(&e))?
                else {
                    continue;
                };
                let mut doc = postings.doc();
                while doc != TERMINATED && taken < per_hash {
                    if !seg.is_deleted(doc) {
                        *counts
                            .entry(Hit(DocAddress::new(ord as u32, doc)))
                            .or_default() += 1;
                        taken += 1;
                    }
                    doc = postings.advance();
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
        let f = self.lib.f;
        let d: TantivyDocument = self.searcher.doc(hit.0).map_err(|e| self.lib.err(&e))?;
        let s = |fl: Field| {
            d.get_first(fl)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_string()
        };
        Ok(StoredClause {
            hash: s(f.hash),
            id: s(f.id),
            text: s(f.text),
        })
    }

    /// The document with this content hash.
    pub fn entry(&self, hash: &str) -> Result<Option<Entry>> {
        if let Some(e) = self.entries.borrow().get(hash) {
            return Ok(e.clone());
        }
        let f = self.lib.f;
        let q = BooleanQuery::new(vec![
            (
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_field_text(f.kind, "doc"),
                    IndexRecordOption::Basic,
                )) as Box<dyn Query>,
            ),
            (
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_field_text(f.hash, hash),
                    IndexRecordOption::Basic,
                )),
            ),
        ]);
        let found = self
            .searcher
            .search(&q, &DocSetCollector)
            .map_err(|e| self.lib.err(&e))?;
        let entry = match found.into_iter().min() {
            Some(a) => {
                let d: TantivyDocument = self.searcher.doc(a).map_err(|e| self.lib.err(&e))?;
                Some(self.lib.entry_of(&d))
            }
            None => None,
        };
        self.entries
            .borrow_mut()
            .insert(hash.to_string(), entry.clone());
        Ok(entry)
    }

    /// How many documents the library holds.
    pub fn documents(&self) -> u64 {
        let f = self.lib.f;
        let term = Term::from_field_text(f.kind, "doc");
        self.searcher.doc_freq(&term).unwrap_or(0)
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
