//! The property every reader is fuzzed for, shared by the targets.

use resdiff::load::{LoadOptions, SourceFormat, TrackedChanges, load_bytes};

/// Any bytes read as `format` give a document that parses, or one short
/// error line naming the input; never a panic. `load_bytes` turns a panic
/// inside a reader into an error saying the reader failed: that counts as a
/// crash here, so panics are still found.
pub fn check(format: SourceFormat, data: &[u8]) {
    // the first byte picks accepted or rejected tracked changes (Word only)
    let tracked = if data.first().is_some_and(|b| b & 1 == 1) {
        TrackedChanges::Reject
    } else {
        TrackedChanges::Accept
    };
    let opts = LoadOptions {
        from: Some(format),
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
            // how load_bytes reports a panic it caught (an entity or word in
            // the input may say "reader failed" too, so only the prefix counts)
            assert!(
                !msg.starts_with("fuzz: could not be read as"),
                "the reader panicked: {msg}"
            );
        }
    }
}
