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
    // The I/O error is shown in the message and not also chained as its
    // source, which would print it twice ("...: No such file ...: No such file ...").
    #[error("{path}: {error}")]
    Io {
        /// The input that failed.
        path: String,
        /// The underlying I/O error.
        error: std::io::Error,
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
    /// A problem with the content of the input named `path`. Both are made
    /// one line, as an error must be: a problem that quotes the input (an
    /// entity name, a line of an amendment) may hold line breaks or other
    /// control characters, which are written as escapes (`\r`, `\n`, `\u{5}`).
    pub fn input(path: impl Into<String>, problem: impl Into<String>) -> Self {
        Error::Input {
            path: one_line(path.into()),
            problem: one_line(problem.into()),
        }
    }
}

/// How a panic is reported, by the command line and the browser page alike:
/// a bug in resdiff, never the user's input, with where it happened.
pub fn panic_line(info: &std::panic::PanicHookInfo<'_>) -> String {
    let what = info
        .payload()
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| info.payload().downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown cause".into());
    let at = info
        .location()
        .map(|l| format!(" at {}:{}", l.file(), l.line()))
        .unwrap_or_default();
    format!("resdiff: internal error{at}: {what} (this is a bug in resdiff; please report it)")
}

/// `s` with its control characters escaped, so that it prints as one line.
///
/// ```
/// assert_eq!(resdiff::error::one_line("a\r\nb\u{5}".into()), r"a\r\nb\u{5}");
/// ```
pub fn one_line(s: String) -> String {
    if !s.chars().any(char::is_control) {
        return s;
    }
    s.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_debug().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}
