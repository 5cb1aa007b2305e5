//! JSON output: serde over the diff types, whose shape is the contract.

use std::io::{self, Write};

use serde::Serialize;

use super::{RenderOptions, visible};
use crate::diff::{Attribution, Change, HeaderDiff, ResolutionDiff, Summary};
use crate::parse::Resolution;

/// Writes `value` as compact JSON on one line (serde_json's bytes, then a newline).
pub(super) fn line<T: Serialize + ?Sized>(out: &mut dyn Write, value: &T) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value).map_err(io::Error::from)?;
    writeln!(out)
}

#[derive(Serialize)]
struct View<'a> {
    schema_version: u32,
    old: &'a Resolution,
    new: &'a Resolution,
    header: &'a HeaderDiff,
    changes: Vec<&'a Change>,
    summary: &'a Summary,
    notes: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    attribution: &'a Option<Attribution>,
}

/// The comparison as JSON (`--changes-only` leaves out unchanged clauses).
pub(super) fn diff(
    d: &ResolutionDiff,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let view = View {
        schema_version: d.schema_version,
        old: &d.old,
        new: &d.new,
        header: &d.header,
        changes: visible(&d.changes, opts),
        summary: &d.summary,
        notes: &d.notes,
        attribution: &d.attribution,
    };
    line(out, &view)
}

/// One document as JSON.
pub(super) fn resolution(r: &Resolution, out: &mut dyn Write) -> io::Result<()> {
    line(out, r)
}
