//! The library's error type: every failure names the input it concerns.

use std::path::PathBuf;

/// Result type used throughout the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong between reading a file and writing a report.
///
/// Each variant carries the name of the input (a path, or `-` for standard
/// input) so that the binary can print one line such as
/// `resdiff: draft.pdf: encrypted PDF, cannot read its text`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The file could not be opened or read.
    #[error("{path}: {source}")]
    Io {
        /// The input that failed.
        path: String,
        /// The underlying I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The input was read but is not something resdiff can compare.
    #[error("{path}: {problem}")]
    Input {
        /// The input that failed.
        path: String,
        /// What is wrong with it, in one short phrase.
        problem: String,
    },
    /// The input is larger than the configured limit.
    #[error("{path}: {size} bytes is over the {limit}-byte input limit")]
    TooLarge {
        /// The input that failed.
        path: String,
        /// Its size (or the size read so far).
        size: u64,
        /// The configured limit.
        limit: u64,
    },
    /// An output file could not be written.
    #[error("{}: cannot write: {source}", path.display())]
    Write {
        /// The output path.
        path: PathBuf,
        /// The underlying I/O error.
        #[source]
        source: std::io::Error,
    },
}

impl Error {
    /// A problem with the content of the input named `path`.
    pub fn input(path: impl Into<String>, problem: impl Into<String>) -> Self {
        Error::Input {
            path: path.into(),
            problem: problem.into(),
        }
    }
}
