//! Integration tests for the DOCX, HTML and Akoma Ntoso inputs and the AKN
//! writer: one test binary, one module per concern.

// Where the corpus is, running the binary (shared with the other test binaries).
#[path = "../common/mod.rs"]
mod common;

// Builds Word files in memory.
mod docx_build;

// Word inputs.
mod docx;

// HTML inputs.
mod html;

// Akoma Ntoso inputs and the writer.
mod akn;

// Bad input: one line, exit 2, never a panic.
mod errors;

// Texts to try and comparing two parses.
mod support;

// The canonical plain layout reads back to the same structure.
mod text_roundtrip;
