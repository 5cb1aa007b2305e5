//! Aligner tests.
