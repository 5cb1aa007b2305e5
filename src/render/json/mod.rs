//! JSON output: serde over the diff types, whose shape is the contract.

use std::io::{self, Write};

use serde::Serialize;

use super::{RenderOptions, visible};

mod ser;
use crate::diff::{Attribution, Change, HeaderDiff, ResolutionDiff, Summary};
use crate::parse::Resolution;
pub(super) use ser::to_writer;

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

impl<'a> View<'a> {
    /// What `--format json` writes of a comparison, with the changes `opts` shows.
    fn of(d: &'a ResolutionDiff, opts: &RenderOptions) -> Self {
        View {
            schema_version: d.schema_version,
            old: &d.old,
            new: &d.new,
            header: &d.header,
            changes: visible(&d.changes, opts),
            summary: &d.summary,
            notes: &d.notes,
            attribution: &d.attribution,
        }
    }
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
    let view = View::of(d, opts);
    if d.old.clause_count() + d.new.clause_count() < crate::align::PARALLEL_ABOVE {
        to_writer(out, &view)?;
        return writeln!(out);
    }
    write!(out, "{{\"schema_version\":{},\"old\":", d.schema_version)?;
    document(&d.old, out)?;
    out.write_all(b",\"new\":")?;
    document(&d.new, out)?;
    out.write_all(b",\"header\":")?;
    to_writer(out, &d.header)?;
    out.write_all(b",\"changes\":")?;
    array(&view.changes, out)?;
    out.write_all(b",\"summary\":")?;
    to_writer(out, &d.summary)?;
    out.write_all(b",\"notes\":")?;
    to_writer(out, &d.notes)?;
    if let Some(a) = &d.attribution {
        out.write_all(b",\"attribution\":")?;
        to_writer(out, a)?;
    }
    writeln!(out, "}}")
}

/// A document, as [`Resolution`]'s `Serialize` writes it, with its clause
/// array written by [`array`].
fn document(r: &Resolution, out: &mut dyn Write) -> io::Result<()> {
    let h = &r.header;
    out.write_all(b"{\"source\":")?;
    to_writer(out, &r.source)?;
    out.write_all(b",\"lang\":")?;
    to_writer(out, &r.lang)?;
    out.write_all(b",\"symbol\":")?;
    to_writer(out, &h.symbol)?;
    out.write_all(b",\"title\":")?;
    to_writer(out, &h.title)?;
    out.write_all(b",\"organ\":")?;
    to_writer(out, &h.organ)?;
    out.write_all(b",\"sponsors\":")?;
    to_writer(out, &h.sponsors)?;
    out.write_all(b",\"header\":")?;
    to_writer(out, h)?;
    out.write_all(b",\"clauses\":")?;
    let clauses: Vec<&crate::parse::Clause> = r.clauses().collect();
    array(&clauses, out)?;
    out.write_all(b",\"footnotes\":")?;
    to_writer(out, &r.footnotes)?;
    if let Some(e) = &r.encoding {
        out.write_all(b",\"encoding\":")?;
        to_writer(out, e)?;
    }
    out.write_all(b"}")
}

/// A JSON array of `items`, serialised a window at a time on all cores.
///
/// Each core writes its share of a window into a buffer of its own, reused
/// from window to window, so the memory touched stays bounded however long
/// the array. A share of 256 clauses (about 80 KB) is more than the 64 KB
/// output buffer holds, so it is written through, not copied into it. A
/// caller outside rayon's pool (the library's users, the benchmarks) takes
/// shares of 2,048: each window then wakes the pool's threads from outside,
/// which costs up to a tenth of a millisecond (shares of 256 made the 5 MB
/// pair's JSON take 38 ms instead of 25 in the library benchmark).
fn array<T: Serialize + Sync>(items: &[T], out: &mut dyn Write) -> io::Result<()> {
    let share = if rayon::current_thread_index().is_some() {
        256
    } else {
        2048
    };
    array_in_shares(items, share, out)
}

/// [`array`] with shares of `chunk` items.
fn array_in_shares<T: Serialize + Sync>(
    items: &[T],
    chunk: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    use rayon::prelude::*;
    let mut pieces: Vec<Vec<u8>> = vec![Vec::new(); rayon::current_num_threads().clamp(1, 8)];
    out.write_all(b"[")?;
    for (w, window) in items.chunks(chunk * pieces.len()).enumerate() {
        window
            .par_chunks(chunk)
            .zip(pieces.par_iter_mut())
            .enumerate()
            .try_for_each(|(k, (chunk, buf))| {
                buf.clear();
                for (i, item) in chunk.iter().enumerate() {
                    if w + k + i > 0 {
                        buf.push(b',');
                    }
                    ser::to_vec(buf, item)?;
                }
                io::Result::Ok(())
            })?;
        let used = window.len().div_ceil(chunk);
        for piece in &pieces[..used] {
            out.write_all(piece)?;
        }
    }
    out.write_all(b"]")
}

/// One document as JSON.
pub(super) fn resolution(r: &Resolution, out: &mut dyn Write) -> io::Result<()> {
    to_writer(out, r)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{CompareOptions, compare_texts};

    /// What serde_json writes for the whole [`View`] at once: the contract
    /// both of `diff`'s paths must keep to the byte.
    fn serde_json_view(d: &ResolutionDiff, opts: &RenderOptions) -> Vec<u8> {
        let mut bytes = serde_json::to_vec(&View::of(d, opts)).expect("serialises");
        bytes.push(b'\n');
        bytes
    }

    fn ours(d: &ResolutionDiff, opts: &RenderOptions) -> Vec<u8> {
        let mut out = Vec::new();
        diff(d, opts, &mut out).expect("renders");
        out
    }

    fn bundled(name: &str) -> String {
        let path = format!("{}/resolutions/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    #[test]
    fn the_bundled_drafts_come_out_as_serde_json_writes_them() {
        let pairs = [
            ("A-ES-11-L.11.txt", "A-ES-11-L.10.txt"),
            ("A-ES-11-L.11.txt", "A-RES-ES-11-8.txt"),
            ("A-RES-ES-11-1.txt", "A-RES-ES-11-4.txt"),
        ];
        for (old, new) in pairs {
            let d = compare_texts(&bundled(old), &bundled(new), &CompareOptions::default())
                .expect("compares");
            for changes_only in [false, true] {
                let opts = RenderOptions {
                    format: super::super::Format::Json,
                    changes_only,
                    ..RenderOptions::default()
                };
                assert_eq!(
                    ours(&d, &opts),
                    serde_json_view(&d, &opts),
                    "{old} vs {new}"
                );
            }
        }
    }

    #[test]
    fn an_array_in_windows_of_any_size_comes_out_as_serde_json_writes_it() {
        let items: Vec<String> = (0..23).map(|k| format!("clause \"{k}\"")).collect();
        let whole = serde_json::to_vec(&items).expect("serialises");
        for chunk in [1, 2, 3, 7, 23, 64] {
            let mut out = Vec::new();
            array_in_shares(&items, chunk, &mut out).expect("writes");
            assert_eq!(out, whole, "shares of {chunk}");
        }
        let mut out = Vec::new();
        array_in_shares::<String>(&[], 2, &mut out).expect("writes");
        assert_eq!(out, b"[]");
    }

    /// A draft long enough to be written through the windowed path, with
    /// quotes and a tab to escape, reworded every seventh paragraph.
    #[test]
    fn a_draft_written_in_windows_comes_out_as_serde_json_writes_it_whole() {
        let para = |k: usize, word: &str| {
            format!(
                "{k}. {word} the \"Member States\"\tconcerned to report on item {k} of the agenda;\n\n(a) in full;\n\n"
            )
        };
        let old: String = (1..=1200).map(|k| para(k, "Requests")).collect();
        let new: String = (1..=1200)
            .map(|k| para(k, if k % 7 == 0 { "Urges" } else { "Requests" }))
            .collect();
        let d = compare_texts(&old, &new, &CompareOptions::default()).expect("compares");
        assert!(d.old.clause_count() + d.new.clause_count() >= crate::align::PARALLEL_ABOVE);
        let opts = RenderOptions {
            format: super::super::Format::Json,
            ..RenderOptions::default()
        };
        assert_eq!(ours(&d, &opts), serde_json_view(&d, &opts));
    }
}
