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
/// Long documents are written in windows of clauses serialised on all
/// cores, then written in order: the bytes are those of serialising the
/// whole [`View`] at once, with only one window in memory.
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
    write!(out, "{{\"schema_version\":{},\"old\":", d.schema_version)?;
    document(&d.old, out)?;
    out.write_all(b",\"new\":")?;
    document(&d.new, out)?;
    out.write_all(b",\"header\":")?;
    serde_json::to_writer(&mut *out, &d.header)?;
    out.write_all(b",\"changes\":")?;
    array(&changes, out)?;
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

/// A document, as [`Resolution`]'s `Serialize` writes it, with its clause
/// array written by [`array`].
fn document(r: &Resolution, out: &mut dyn Write) -> io::Result<()> {
    let h = &r.header;
    out.write_all(b"{\"source\":")?;
    serde_json::to_writer(&mut *out, &r.source)?;
    out.write_all(b",\"symbol\":")?;
    serde_json::to_writer(&mut *out, &h.symbol)?;
    out.write_all(b",\"title\":")?;
    serde_json::to_writer(&mut *out, &h.title)?;
    out.write_all(b",\"organ\":")?;
    serde_json::to_writer(&mut *out, &h.organ)?;
    out.write_all(b",\"sponsors\":")?;
    serde_json::to_writer(&mut *out, &h.sponsors)?;
    out.write_all(b",\"header\":")?;
    serde_json::to_writer(&mut *out, h)?;
    out.write_all(b",\"clauses\":")?;
    let clauses: Vec<&crate::parse::Clause> = r.clauses().collect();
    array(&clauses, out)?;
    out.write_all(b",\"footnotes\":")?;
    serde_json::to_writer(&mut *out, &r.footnotes)?;
    out.write_all(b"}")
}

/// A JSON array of `items`, serialised a window at a time on all cores.
fn array<T: Serialize + Sync>(items: &[T], out: &mut dyn Write) -> io::Result<()> {
    use rayon::prelude::*;
    const CHUNK: usize = 256;
    const WINDOW: usize = 8 * CHUNK;
    out.write_all(b"[")?;
    let mut first = true;
    for window in items.chunks(WINDOW) {
        let pieces: Vec<io::Result<Vec<u8>>> = window
            .par_chunks(CHUNK)
            .map(|chunk| {
                let mut buf = Vec::with_capacity(chunk.len() * 512);
                for (k, item) in chunk.iter().enumerate() {
                    if k > 0 {
                        buf.push(b',');
                    }
                    serde_json::to_writer(&mut buf, item)?;
                }
                Ok(buf)
            })
            .collect();
        for piece in pieces {
            if !first {
                out.write_all(b",")?;
            }
            first = false;
            out.write_all(&piece?)?;
        }
    }
    out.write_all(b"]")
}

/// One document as JSON.
pub(super) fn resolution(r: &Resolution, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer(&mut *out, r)?;
    writeln!(out)
}
