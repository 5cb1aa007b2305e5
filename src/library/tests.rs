//! Tests of the library index.
