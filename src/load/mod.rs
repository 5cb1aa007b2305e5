//! Reads an input (a file or standard input) into a [`Document`]: plain text
//! in the layout the parser understands, plus what the source says about itself.
//!
//! The format is decided by content, not by extension: magic bytes first, then
//! text. Every loader is bounded in the bytes it reads, and a panic inside a
//! third-party parser is caught and reported as an error on that input.
//!
//! Every loader produces text in the *plain layout* the parser reads (what
//! `resdiff show --format plain` prints): header lines, the organ line,
//! one paragraph per line with blank lines between, operative numbers
//! (`1. `), sub-paragraph letters (`(a) `), and footnotes after a line of
//! underscores as `1 Text of the note.`; footnote marks stay glued to the
//! word or punctuation they follow (`Relations;1`).

mod akn;
mod charset;
mod docx;
mod html;
mod legacy;
pub(crate) mod paragraphs;
mod pdf;
mod text;
mod xml;

use std::io::Read;
use std::path::Path;

use serde::Serialize;

use crate::error::{Error, Result};

pub use legacy::legacy_format;
pub use text::{decode_guessing, decode_text};

/// The default limit on the size of one input: far above any real draft
/// (the longest General Assembly resolutions are under 1 MB of text).
pub const DEFAULT_MAX_BYTES: u64 = 64 * 1024 * 1024;

/// The kinds of input resdiff reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum SourceFormat {
    /// Plain text (UTF-8, or UTF-16 with a byte-order mark).
    Text,
    /// PDF with a text layer.
    Pdf,
    /// Word (Office Open XML) document.
    Docx,
    /// HTML page (UN web page, press release, Word's "save as HTML").
    Html,
    /// Akoma Ntoso XML (AKN4UN).
    Akn,
}

impl std::fmt::Display for SourceFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            SourceFormat::Text => "text",
            SourceFormat::Pdf => "pdf",
            SourceFormat::Docx => "docx",
            SourceFormat::Html => "html",
            SourceFormat::Akn => "akn",
        })
    }
}

/// Metadata a source declares about itself (PDF info, DOCX core properties,
/// Akoma Ntoso `meta`). The parser prefers what the text says and falls back
/// on these.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Metadata {
    /// Document symbol, e.g. `A/ES-11/L.10`.
    pub symbol: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// Date as printed.
    pub date: Option<String>,
    /// Sponsoring delegations.
    pub sponsors: Vec<String>,
    /// The legacy character encoding the text was read in (`windows-1252`),
    /// when it was not UTF-8 or UTF-16: declared by the source, or guessed.
    pub encoding: Option<String>,
}

/// A loaded input: normalised plain text, ready for [`crate::parse`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// How the input is named to the user: its path, or `-` for stdin.
    pub source: String,
    /// The format it was read as.
    pub format: SourceFormat,
    /// The text: one paragraph per line or hard-wrapped, as the source had it.
    pub text: String,
    /// What the source declares about itself.
    pub meta: Metadata,
}

impl Document {
    /// A document made from text already in memory (tests, the library API).
    pub fn from_text(source: impl Into<String>, text: impl Into<String>) -> Self {
        Document {
            source: source.into(),
            format: SourceFormat::Text,
            text: text.into(),
            meta: Metadata::default(),
        }
    }
}

/// Which text of a Word document with tracked changes to read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum TrackedChanges {
    /// As it reads with every tracked change accepted.
    #[default]
    Accept,
    /// As it read before the tracked changes.
    Reject,
}

/// How to load inputs.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// Read every input as this format instead of detecting it.
    pub from: Option<SourceFormat>,
    /// Refuse inputs larger than this many bytes.
    pub max_bytes: u64,
    /// Tracked changes in Word documents.
    pub tracked_changes: TrackedChanges,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            from: None,
            max_bytes: DEFAULT_MAX_BYTES,
            tracked_changes: TrackedChanges::default(),
        }
    }
}

/// Loads a file, or standard input when `path` is `-`.
pub fn load_path(path: &Path, opts: &LoadOptions) -> Result<Document> {
    let (name, bytes) = read_path(path, opts)?;
    load_bytes(&name, bytes, opts)
}

/// Reads a file, or standard input when `path` is `-`, within the size
/// limit: the bytes [`load_bytes`] takes, with the name errors use.
pub fn read_path(path: &Path, opts: &LoadOptions) -> Result<(String, Vec<u8>)> {
    let name = path.display().to_string();
    let bytes = if name == "-" {
        read_bounded(std::io::stdin().lock(), &name, opts.max_bytes, 0)?
    } else {
        if path.is_dir() {
            return Err(Error::input(name, "is a directory, not a file"));
        }
        let file = std::fs::File::open(path).map_err(|error| Error::Io {
            path: name.clone(),
            error,
        })?;
        // sized from the file's length: one allocation, no copies as it grows
        let hint = file.metadata().map_or(0, |m| m.len());
        read_bounded(file, &name, opts.max_bytes, hint)?
    };
    Ok((name, bytes))
}

/// Loads an input already in memory; `name` is used in errors and reports.
pub fn load_bytes(name: &str, bytes: Vec<u8>, opts: &LoadOptions) -> Result<Document> {
    if bytes.len() as u64 > opts.max_bytes {
        return Err(Error::TooLarge {
            path: name.to_string(),
            size: bytes.len() as u64,
            limit: opts.max_bytes,
        });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::input(name, "empty file"));
    }
    let format = match opts.from {
        Some(f) => f,
        None => {
            if let Some(problem) = legacy_format(&bytes) {
                return Err(Error::input(name, problem));
            }
            detect(&bytes)
        }
    };
    let load = || match format {
        SourceFormat::Text => text::load(name, bytes),
        SourceFormat::Pdf => pdf::load(name, &bytes, opts),
        SourceFormat::Docx => docx::load(name, &bytes, opts),
        SourceFormat::Html => html::load(name, &bytes, opts),
        SourceFormat::Akn => akn::load(name, &bytes, opts),
    };
    // a panic in a parser of a hostile file is that file's error, not a crash
    catch_quietly(load).unwrap_or_else(|p| {
        let why = p
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown cause".into());
        Err(Error::input(
            name,
            format!("could not be read as {format} (the {format} reader failed: {why})"),
        ))
    })
}

thread_local! {
    /// How many [`catch_quietly`] calls are running on this thread.
    static QUIET: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Runs `f`, catching a panic without the default hook's message, so the
/// user sees the one-line error it becomes and nothing else. Panics on
/// other threads, or outside such a call, print as usual.
fn catch_quietly<T>(f: impl FnOnce() -> T) -> std::thread::Result<T> {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if QUIET.with(|q| q.get()) == 0 {
                previous(info);
            }
        }));
    });
    QUIET.with(|q| q.set(q.get() + 1));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    QUIET.with(|q| q.set(q.get() - 1));
    result
}

/// Guesses the format from the content: `%PDF-`; a zip holding
/// `word/document.xml`; XML whose root is `akomaNtoso`; HTML; otherwise text.
///
/// ```
/// use resdiff::load::{detect, SourceFormat};
/// assert_eq!(detect(b"%PDF-1.7\n..."), SourceFormat::Pdf);
/// assert_eq!(detect(b"<?xml version=\"1.0\"?>\n<akomaNtoso xmlns=\"...\">"), SourceFormat::Akn);
/// assert_eq!(detect(b"<!DOCTYPE html><html><body><p>Decides</p>"), SourceFormat::Html);
/// assert_eq!(detect("The General Assembly,".as_bytes()), SourceFormat::Text);
/// let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain("<html><p>".encode_utf16().flat_map(u16::to_le_bytes)).collect();
/// assert_eq!(detect(&utf16), SourceFormat::Html);
/// ```
pub fn detect(bytes: &[u8]) -> SourceFormat {
    // UTF-16 (with a byte-order mark) is judged on its decoded start
    let units = |b: &[u8], word: fn([u8; 2]) -> u16| -> String {
        let n = b.len().min(8192) & !1;
        char::decode_utf16(b[..n].chunks_exact(2).map(|c| word([c[0], c[1]])))
            .map(|c| c.unwrap_or('\u{FFFD}'))
            .collect()
    };
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return detect(units(rest, u16::from_le_bytes).as_bytes());
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return detect(units(rest, u16::from_be_bytes).as_bytes());
    }
    let head = &bytes[..bytes.len().min(4096)];
    let skip_bom = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let trimmed = {
        let start = skip_bom
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .unwrap_or(skip_bom.len());
        &skip_bom[start..]
    };
    if trimmed.starts_with(b"%PDF-") || head.windows(5).take(1024).any(|w| w == b"%PDF-") {
        return SourceFormat::Pdf;
    }
    if bytes.starts_with(b"PK\x03\x04") {
        // a Word file names word/document.xml in its zip directory
        return SourceFormat::Docx;
    }
    let lower: Vec<u8> = trimmed
        .iter()
        .take(2048)
        .map(u8::to_ascii_lowercase)
        .collect();
    let has = |needle: &[u8]| lower.windows(needle.len()).any(|w| w == needle);
    if has(b"<akomantoso") {
        return SourceFormat::Akn;
    }
    if lower.starts_with(b"<!doctype html")
        || lower.starts_with(b"<html")
        || has(b"<html")
        || has(b"<body")
    {
        return SourceFormat::Html;
    }
    SourceFormat::Text
}

/// Reads at most `limit` bytes, failing with [`Error::TooLarge`] beyond that,
/// so a 10 GB file or an endless pipe never fills memory.
fn read_bounded(reader: impl Read, name: &str, limit: u64, hint: u64) -> Result<Vec<u8>> {
    // one byte more than the limit is room enough to tell "too large"
    let mut buf = Vec::with_capacity(hint.min(limit).saturating_add(1) as usize);
    reader
        .take(limit + 1)
        .read_to_end(&mut buf)
        .map_err(|error| Error::Io {
            path: name.to_string(),
            error,
        })?;
    if buf.len() as u64 > limit {
        return Err(Error::TooLarge {
            path: name.to_string(),
            size: buf.len() as u64,
            limit,
        });
    }
    Ok(buf)
}

/// The last component of a path: what a document is called where space is short.
pub(crate) fn file_name(source: &str) -> &str {
    source.rsplit(['/', '\\']).next().unwrap_or(source)
}
