//! Reads an input (a file or standard input) into a [`Document`]: plain text
//! in the layout the parser understands, plus what the source says about itself.
//!
//! The format is decided by content, not by extension: magic bytes first, then
//! text. Every loader is bounded in the bytes it reads.

mod text;

use std::io::Read;
use std::path::Path;

use serde::Serialize;

use crate::error::{Error, Result};

pub use text::decode_text;

/// The default limit on the size of one input: far above any real draft
/// (the longest General Assembly resolutions are under 1 MB of text).
pub const DEFAULT_MAX_BYTES: u64 = 64 * 1024 * 1024;

/// The kinds of input resdiff reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum SourceFormat {
    /// Plain text (UTF-8, or UTF-16 with a byte-order mark).
    Text,
}

impl std::fmt::Display for SourceFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            SourceFormat::Text => "text",
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

/// How to load inputs.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// Read every input as this format instead of detecting it.
    pub from: Option<SourceFormat>,
    /// Refuse inputs larger than this many bytes.
    pub max_bytes: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            from: None,
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

/// Loads a file, or standard input when `path` is `-`.
pub fn load_path(path: &Path, opts: &LoadOptions) -> Result<Document> {
    let name = path.display().to_string();
    let bytes = if name == "-" {
        read_bounded(std::io::stdin().lock(), &name, opts.max_bytes)?
    } else {
        if path.is_dir() {
            return Err(Error::input(name, "is a directory, not a file"));
        }
        let file = std::fs::File::open(path).map_err(|source| Error::Io {
            path: name.clone(),
            source,
        })?;
        read_bounded(file, &name, opts.max_bytes)?
    };
    load_bytes(&name, bytes, opts)
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
        None => detect(&bytes),
    };
    match format {
        SourceFormat::Text => text::load(name, bytes),
    }
}

/// Guesses the format from the first bytes.
pub fn detect(_bytes: &[u8]) -> SourceFormat {
    SourceFormat::Text
}

/// Reads at most `limit` bytes, failing with [`Error::TooLarge`] beyond that,
/// so a 10 GB file or an endless pipe never fills memory.
fn read_bounded(reader: impl Read, name: &str, limit: u64) -> Result<Vec<u8>> {
    let mut buf = Vec::new();
    reader
        .take(limit + 1)
        .read_to_end(&mut buf)
        .map_err(|source| Error::Io {
            path: name.to_string(),
            source,
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
