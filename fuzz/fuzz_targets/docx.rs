//! Fuzzes the docx reader: any bytes give a document or an error naming the input, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use resdiff::load::{LoadOptions, SourceFormat, TrackedChanges, load_bytes};

fuzz_target!(|data: &[u8]| {
    // the first byte picks accepted or rejected tracked changes
    let tracked = if data.first().is_some_and(|b| b & 1 == 1) {
        TrackedChanges::Reject
    } else {
        TrackedChanges::Accept
    };
    let opts = LoadOptions {
        from: Some(SourceFormat::Docx),
        tracked_changes: tracked,
        ..LoadOptions::default()
    };
    match load_bytes("fuzz", data.to_vec(), &opts) {
        Ok(doc) => {
            // what a reader produces must parse without panicking too
            let _ = resdiff::parse::parse(&doc);
        }
        Err(e) => {
            let msg = e.to_string();
            assert!(
                msg.starts_with("fuzz: "),
                "error not naming the input: {msg}"
            );
            assert!(!msg.contains('\n'), "error on more than one line: {msg}");
            assert!(msg.len() < 1000, "error too long for one line: {msg}");
            // a panic caught by load_bytes is a bug in a reader
            assert!(!msg.starts_with("fuzz: could not be read as"), "{msg}");
        }
    }
});
