//! Fuzzes the PDF reader: any bytes give a document or one error line, never a panic.
//!
//! ```text
//! cargo install cargo-fuzz
//! RUSTC_BOOTSTRAP=1 cargo fuzz run pdf -- -max_total_time=600 -timeout=20
//! ```
#![no_main]

#[path = "common.rs"]
mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| common::check(resdiff::load::SourceFormat::Pdf, data));
