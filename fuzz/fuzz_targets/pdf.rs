//! Fuzzes the PDF loader: any bytes give a document or one error line, never a panic.
//!
//! ```text
//! cargo install cargo-fuzz
//! RUSTC_BOOTSTRAP=1 cargo fuzz run pdf -- -max_total_time=600 -timeout=20
//! ```
//!
//! `load_bytes` turns a panic inside a reader into an error saying the
//! reader failed; that error counts as a crash here, so panics are found.

#![no_main]

use libfuzzer_sys::fuzz_target;
use resdiff::load::{LoadOptions, SourceFormat, load_bytes};

fuzz_target!(|data: &[u8]| {
    let opts = LoadOptions { from: Some(SourceFormat::Pdf), ..LoadOptions::default() };
    if let Err(e) = load_bytes("fuzz.pdf", data.to_vec(), &opts) {
        let message = e.to_string();
        assert!(!message.contains("reader failed"), "the PDF reader panicked: {message}");
        assert_eq!(message.lines().count(), 1, "{message}");
    }
});
