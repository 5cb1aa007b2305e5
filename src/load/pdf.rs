//! PDF inputs: the text layer, with words, paragraphs and footnotes rebuilt from glyph positions.
//!
//! The PDF is read with pdfboss (pure Rust): each page gives positioned
//! strings, which [`geometry`] turns into lines of whole words and
//! [`layout`] into the plain layout the parser reads (header items, one
//! paragraph a line, footnotes at the end), leaving out the running heads
//! and feet that [`furniture`] recognises.
//!
//! Hostile or broken files are refused with one line naming the file:
//! truncated, encrypted, without a text layer, with an unreadable page, or
//! beyond the limits below, which no draft resolution comes near.

mod furniture;
mod geometry;
mod layout;

use std::time::Duration;

use web_time::Instant;

use pdfboss_core::Document as Pdf;
use pdfboss_text::{ExtractReport, FontCache, ReadingOrder, SkipCause, SkippedTextKind};

use super::{Document, LoadOptions, Metadata, SourceFormat};
use crate::error::{Error, Result};

/// Most pages read: the longest General Assembly resolutions run to a
/// couple of hundred pages.
const MAX_PAGES: usize = 2_000;
/// Most decoded content (the drawing instructions of every page) read.
const MAX_CONTENT_BYTES: usize = 256 << 20;
/// Most drawing instructions one page may run, its form XObjects counted
/// as often as they can be drawn. The densest page of the corpus needs
/// 64 KiB; what is run becomes spans in memory, a few hundred bytes each,
/// so 4 MiB bounds one page at a few hundred megabytes.
const MAX_PAGE_WORK: usize = 4 << 20;
/// Most strings drawn in the whole document: a 200-page resolution drawn
/// glyph by glyph draws about 600 000.
const MAX_RUNS: usize = 2_000_000;
/// Time allowed for reading the text of all pages.
const MAX_TIME: Duration = Duration::from_secs(60);

/// Loads a PDF input.
///
/// A file whose cross-reference table points to the wrong places is read
/// a second time with the table ignored, so that the objects are found by
/// scanning the file, as viewers do.
pub(super) fn load(name: &str, bytes: &[u8], _opts: &LoadOptions) -> Result<Document> {
    if !has_end_marker(bytes) {
        return Err(Error::input(
            name,
            "truncated PDF: the file ends before its end-of-file marker",
        ));
    }
    let first = read(name, bytes.to_vec());
    let damaged =
        matches!(&first, Err(Error::Input { problem, .. }) if problem.starts_with("damaged PDF"));
    if !damaged {
        return first;
    }
    without_xref(bytes)
        .and_then(|b| read(name, b).ok())
        .map_or(first, Ok)
}

/// The file with its last `startxref` keyword spoiled, so that the reader
/// rebuilds the cross-reference table by scanning for objects.
fn without_xref(bytes: &[u8]) -> Option<Vec<u8>> {
    let at = bytes.windows(9).rposition(|w| w == b"startxref")?;
    let mut copy = bytes.to_vec();
    copy[at + 8] = b'_';
    Some(copy)
}

/// Reads the text of every page and composes it.
fn read(name: &str, bytes: Vec<u8>) -> Result<Document> {
    let fail = |problem: &str| Error::input(name, problem);
    let pdf = Pdf::load(bytes).map_err(|e| match e {
        pdfboss_core::Error::Encrypted => fail("encrypted PDF: cannot read its text"),
        pdfboss_core::Error::InvalidXref => {
            fail("damaged PDF: its cross-reference table cannot be read")
        }
        other => Error::input(name, format!("damaged PDF: {other}")),
    })?;
    if pdf.is_locked() {
        return Err(fail("encrypted PDF: cannot read its text"));
    }
    let declared = pdf.page_count();
    if declared > MAX_PAGES {
        return Err(Error::input(
            name,
            format!("{declared} pages is over the {MAX_PAGES}-page limit for a PDF"),
        ));
    }
    let count = pdf.flattened_page_count();
    if count == 0 {
        return Err(fail("damaged PDF: it has no pages"));
    }
    if count > MAX_PAGES {
        return Err(Error::input(
            name,
            format!("{count} pages is over the {MAX_PAGES}-page limit for a PDF"),
        ));
    }

    let started = Instant::now();
    let fonts = FontCache::default();
    let mut pages = Vec::with_capacity(count);
    let (mut content_bytes, mut runs_seen, mut any_text) = (0usize, 0usize, false);
    for index in 0..count {
        if started.elapsed() > MAX_TIME {
            return Err(Error::input(
                name,
                format!(
                    "reading the PDF took over {} s (stopped at page {})",
                    MAX_TIME.as_secs(),
                    index + 1
                ),
            ));
        }
        let page = pdf.page(index).map_err(|e| {
            Error::input(
                name,
                format!("damaged PDF: page {} cannot be read ({e})", index + 1),
            )
        })?;
        // the drawing instructions are measured before they are run: a
        // page of millions of strings would take gigabytes as spans
        let content = page.content(&pdf).map_err(|e| {
            Error::input(
                name,
                format!("damaged PDF: page {} cannot be read ({e})", index + 1),
            )
        })?;
        content_bytes += content.len();
        if page_work(&pdf, &page.resources, &content) > MAX_PAGE_WORK {
            return Err(Error::input(
                name,
                format!(
                    "page {} draws over {} MiB of instructions: too large for a PDF draft",
                    index + 1,
                    MAX_PAGE_WORK >> 20
                ),
            ));
        }
        drop(content);
        if content_bytes > MAX_CONTENT_BYTES {
            return Err(Error::input(
                name,
                format!(
                    "the pages' content is over the {} MiB limit for a PDF",
                    MAX_CONTENT_BYTES >> 20
                ),
            ));
        }
        let (spans, rulings, report) = pdfboss_text::extract_spans_and_rulings_reporting_cached(
            &pdf,
            &page,
            &fonts,
            ReadingOrder::Content,
        )
        .map_err(|e| {
            Error::input(
                name,
                format!("damaged PDF: page {} cannot be read ({e})", index + 1),
            )
        })?;
        if let Some(why) = lost_text(&report) {
            return Err(Error::input(
                name,
                format!(
                    "damaged PDF: text on page {} cannot be read ({why})",
                    index + 1
                ),
            ));
        }
        runs_seen += spans.len();
        if runs_seen > MAX_RUNS {
            return Err(Error::input(
                name,
                format!("over {MAX_RUNS} strings drawn: too large for a PDF draft"),
            ));
        }
        let runs: Vec<geometry::Run> = spans
            .into_iter()
            .filter(|s| {
                s.rotate == 0
                    && !s.vertical
                    && s.x.is_finite()
                    && s.y.is_finite()
                    && s.end_x.is_finite()
            })
            .filter(|s| s.size.is_finite() && s.size > 0.5 && s.size < 500.0)
            .map(|s| geometry::Run {
                x0: s.x.min(s.end_x),
                x1: s.x.max(s.end_x),
                y: s.y,
                size: s.size,
                bold: s.bold,
                artifact: s.artifact.is_some(),
                text: s.text,
            })
            .collect();
        any_text |= runs
            .iter()
            .any(|r| r.text.chars().any(char::is_alphanumeric));
        let (width, height) = (
            page.media_box.x1 - page.media_box.x0,
            page.media_box.y1 - page.media_box.y0,
        );
        let rules = layout::merge_rules(
            rulings
                .iter()
                .filter(|r| {
                    (r.start.y - r.end.y).abs() < 0.5
                        && r.start.x.is_finite()
                        && r.end.x.is_finite()
                        && r.start.y.is_finite()
                })
                .map(|r| layout::Rule {
                    y: r.start.y,
                    x0: r.start.x.min(r.end.x),
                    x1: r.start.x.max(r.end.x),
                })
                .collect(),
        );
        let lines = geometry::lines(index, runs);
        pages.push(layout::Page {
            width,
            height,
            lines,
            rules,
        });
    }
    if !any_text {
        return Err(fail("no text layer: the file needs OCR"));
    }
    let composed = layout::compose(&pages);
    let mut meta = composed.meta;
    fill_from_info(&mut meta, &pdf.metadata());
    Ok(Document {
        source: name.to_string(),
        format: SourceFormat::Pdf,
        text: composed.text,
        meta,
    })
}

/// An upper bound on the drawing instructions a page runs: its content,
/// plus its largest form XObject as many times as forms are invoked
/// (pdfboss stops at 4096 invocations a page). A small file can otherwise
/// draw one large form thousands of times.
fn page_work(pdf: &Pdf, resources: &pdfboss_core::Dict, content: &[u8]) -> usize {
    const MAX_INVOCATIONS: usize = 4096;
    let mut largest = 0usize;
    let mut invocations = count_do(content);
    let mut pending: Vec<pdfboss_core::Dict> = vec![resources.clone()];
    let (mut seen, mut decoded) = (0usize, 0usize);
    while let Some(res) = pending.pop() {
        let Some(xobjects) = res.get("XObject").and_then(|o| pdf.resolve(o).ok()) else {
            continue;
        };
        let Some(xobjects) = xobjects.as_dict() else {
            continue;
        };
        for (_, x) in xobjects.iter() {
            let Ok(obj) = pdf.resolve(x) else { continue };
            let Some(stream) = obj.as_stream() else {
                continue;
            };
            if stream
                .dict
                .get_name("Subtype")
                .is_none_or(|n| n.0 != "Form")
            {
                continue;
            }
            seen += 1;
            let Ok(data) = pdf.stream_data(stream) else {
                continue;
            };
            decoded += data.len();
            if seen > 256 || decoded > MAX_PAGE_WORK {
                // more forms than any draft has: assume the worst
                return usize::MAX;
            }
            largest = largest.max(data.len());
            invocations = invocations.saturating_add(count_do(&data));
            if let Some(inner) = stream
                .dict
                .get("Resources")
                .and_then(|o| pdf.resolve(o).ok())
                .and_then(|o| o.as_dict().cloned())
            {
                pending.push(inner);
            }
        }
    }
    content
        .len()
        .saturating_add(largest.saturating_mul(invocations.min(MAX_INVOCATIONS)))
}

/// How many `Do` operators (XObject invocations) a content stream holds, at most.
fn count_do(content: &[u8]) -> usize {
    content
        .windows(3)
        .filter(|w| w[1] == b'D' && w[2] == b'o' && w[0].is_ascii_whitespace())
        .count()
}

/// Whether the file ends with `%%EOF` (within the last kilobyte, where
/// readers look for it): a file cut short in transfer does not.
fn has_end_marker(bytes: &[u8]) -> bool {
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    tail.windows(5).any(|w| w == b"%%EOF")
}

/// Why text of a page could not be read, if some could not: a text
/// comparison that silently lost a page would report it as deleted.
fn lost_text(report: &ExtractReport) -> Option<String> {
    report.skipped.iter().find_map(|s| {
        let serious = matches!(
            s.cause,
            SkipCause::Unreadable | SkipCause::Parse | SkipCause::UnsupportedFilter(_)
        ) && matches!(
            s.kind,
            SkippedTextKind::PageContents | SkippedTextKind::Form
        );
        serious.then(|| s.cause.to_string())
    })
}

/// Fills what the first page did not say from the PDF's Info dictionary,
/// whose title is often a file name ("Microsoft Word - N1345517.doc") and
/// then ignored.
fn fill_from_info(meta: &mut Metadata, info: &pdfboss_core::Metadata) {
    let clean = |s: &Option<String>| {
        s.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    for field in [clean(&info.title), clean(&info.subject)]
        .into_iter()
        .flatten()
    {
        if meta.symbol.is_none() && crate::conventions::is_symbol(&field) {
            meta.symbol = Some(field);
        } else if meta.title.is_none()
            && !looks_like_file_name(&field)
            && !crate::conventions::is_symbol(&field)
            && field.contains(' ')
        {
            meta.title = Some(field);
        }
    }
}

fn looks_like_file_name(s: &str) -> bool {
    let lower = s.to_lowercase();
    lower.starts_with("microsoft word")
        || [".doc", ".docx", ".pdf", ".rtf", ".dot"]
            .iter()
            .any(|ext| lower.ends_with(ext))
        || !s.contains(char::is_lowercase)
}
