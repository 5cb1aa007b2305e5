//! JSON output: `serde_json` over the diff types, whose shape is the contract.

use std::io::{self, Write};

use serde::Serialize;

use super::{RenderOptions, visible};
use crate::diff::{Change, HeaderDiff, ResolutionDiff, Summary};
use crate::parse::Resolution;

#[derive(Serialize)]
struct View<'a> {
    schema_version: u32,
    old: &'a Resolution,
    new: &'a Resolution,
    header: &'a HeaderDiff,
    changes: Vec<&'a Change>,
    summary: &'a Summary,
    notes: &'a [String],
}

/// The comparison as JSON (`--changes-only` leaves out unchanged clauses).
pub(super) fn diff(d: &ResolutionDiff, opts: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    let view = View {
        schema_version: d.schema_version,
        old: &d.old,
        new: &d.new,
        header: &d.header,
        changes: visible(&d.changes, opts),
        summary: &d.summary,
        notes: &d.notes,
    };
    serde_json::to_writer_pretty(&mut *out, &view)?;
    writeln!(out)
}

/// One document as JSON.
pub(super) fn resolution(r: &Resolution, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, r)?;
    writeln!(out)
}
