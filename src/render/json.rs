//! JSON output: `serde_json` over the diff types, whose shape is the contract.

use std::io::{self, Write};

use serde::Serialize;

use super::{RenderOptions, visible};
use crate::diff::{Attribution, Change, HeaderDiff, ResolutionDiff, Summary};
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
    #[serde(skip_serializing_if = "Option::is_none")]
    attribution: &'a Option<Attribution>,
}

/// The comparison as JSON (`--changes-only` leaves out unchanged clauses).
///
/// Long documents are serialised in three pieces at once (old, new,
/// changes) and written in order; the bytes are the same as serialising
/// the whole [`View`] in one go.
pub(super) fn diff(
    d: &ResolutionDiff,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let changes = visible(&d.changes, opts);
    if d.old.clause_count() + d.new.clause_count() < crate::align::PARALLEL_ABOVE {
        let view = View {
            schema_version: d.schema_version,
            old: &d.old,
            new: &d.new,
            header: &d.header,
            changes,
            summary: &d.summary,
            notes: &d.notes,
            attribution: &d.attribution,
        };
        serde_json::to_writer(&mut *out, &view)?;
        return writeln!(out);
    }
    let json = |v: &dyn erased::Ser| v.to_vec();
    let ((old, new), body) = rayon::join(
        || rayon::join(|| json(&d.old), || json(&d.new)),
        || json(&changes),
    );
    write!(out, "{{\"schema_version\":{},\"old\":", d.schema_version)?;
    out.write_all(&old?)?;
    out.write_all(b",\"new\":")?;
    out.write_all(&new?)?;
    out.write_all(b",\"header\":")?;
    serde_json::to_writer(&mut *out, &d.header)?;
    out.write_all(b",\"changes\":")?;
    out.write_all(&body?)?;
    out.write_all(b",\"summary\":")?;
    serde_json::to_writer(&mut *out, &d.summary)?;
    out.write_all(b",\"notes\":")?;
    serde_json::to_writer(&mut *out, &d.notes)?;
    if let Some(a) = &d.attribution {
        out.write_all(b",\"attribution\":")?;
        serde_json::to_writer(&mut *out, a)?;
    }
    writeln!(out, "}}")
}

/// Serialising a value to bytes through a trait object, so one closure
/// serves the documents and the changes.
mod erased {
    pub trait Ser: Sync {
        fn to_vec(&self) -> std::io::Result<Vec<u8>>;
    }
    impl<T: serde::Serialize + Sync> Ser for T {
        fn to_vec(&self) -> std::io::Result<Vec<u8>> {
            serde_json::to_vec(self).map_err(std::io::Error::other)
        }
    }
}

/// One document as JSON.
pub(super) fn resolution(r: &Resolution, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer(&mut *out, r)?;
    writeln!(out)
}
