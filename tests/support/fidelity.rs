//! Scores PDF text against the corpus references: word error rate, header
//! leaks, and the stretches of text a reference lacks.
//!
//! Shared by `tests/pdf.rs` and `examples/pdf_fidelity.rs` (included with
//! `#[path]`), so the figures the test asserts are the ones the tool reports.

#![allow(dead_code)] // each includer uses part of it

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use regex::Regex;
use resdiff::load::{Document, LoadOptions, load_path};
use resdiff::{CompareOptions, Pair, parse};

/// Where the corpus lies relative to the crate: `../shared/corpus`.
pub fn corpus_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    dir.is_dir().then_some(dir)
}

/// The Security Council draft PDFs with their JSON references, by name.
pub fn sc_drafts(corpus: &Path) -> Vec<(String, PathBuf, PathBuf)> {
    let dir = corpus.join("sc-drafts");
    let mut out: Vec<(String, PathBuf, PathBuf)> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
                .filter_map(|pdf| {
                    let json = pdf.with_extension("json");
                    let name = pdf
                        .file_stem()?
                        .to_string_lossy()
                        .trim_end_matches("-EN")
                        .to_string();
                    json.is_file().then_some((name, pdf, json))
                })
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// The reference text (`Content`) of a corpus JSON file.
pub fn reference_text(json: &Path) -> String {
    let raw = std::fs::read_to_string(json).expect("readable JSON");
    let v: serde_json::Value = serde_json::from_str(&raw).expect("valid JSON");
    v["Content"].as_str().unwrap_or_default().to_string()
}

static FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\d{2}-\d{5}\s*\(E\).*|\*\d{7,}\*.*|Ple+a?se recycle.*|S/\d{4}/\d+|\d{1,3}/\d{1,3}(?:\s+\d{2}-\d{5})?|\d{2}-\d{5}(?:\s+\d{1,3}/\d{1,3})?)$").unwrap()
});
static RULE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^_{5,}$").unwrap());
static NOTE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\d{1,3}\s+\S").unwrap());

/// A text split into its body (from the organ line on, footnotes and page
/// furniture lines left out) and its footnotes.
#[derive(Debug, Default, Clone)]
pub struct Parts {
    pub body: String,
    pub notes: String,
    /// Furniture lines the text itself holds (the reference keeps some).
    pub furniture_lines: usize,
}

/// Splits a text into body and footnotes. Footnotes are the lines after a
/// rule that open with a number, and (in the loader's output) everything
/// after the final rule.
pub fn split_parts(text: &str) -> Parts {
    let start = text
        .find("The Security Council,")
        .or_else(|| text.find("The General Assembly,"))
        .unwrap_or(0);
    let mut parts = Parts::default();
    let mut in_notes = false;
    for line in text[start..].lines() {
        let t = line.trim();
        if RULE.is_match(t) {
            in_notes = true;
            continue;
        }
        if FURNITURE.is_match(t) {
            parts.furniture_lines += 1;
            continue;
        }
        if in_notes
            && !t.is_empty()
            && !NOTE.is_match(t)
            && !parts.notes.is_empty()
            && looks_like_body(t)
        {
            in_notes = false;
        }
        let target = if in_notes {
            &mut parts.notes
        } else {
            &mut parts.body
        };
        target.push_str(line);
        target.push('\n');
    }
    parts
}

/// A line that resumes the body after footnotes in a reference that keeps
/// them where the page ended.
fn looks_like_body(t: &str) -> bool {
    static BODY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:\d{1,3}\.\s|\([a-z]{1,4}\)\s|[A-Z][a-z]+(?:ing|ed)\b)").unwrap()
    });
    BODY.is_match(t)
}

/// The words of a text as they are compared: curly quotes and apostrophes
/// made straight, hyphens (and spaces around them) removed so that
/// `gender- based`, `gender-⏎based` and `gender-based` agree, soft hyphens
/// dropped, letters and digits cut apart (`Memoire1` and `Memoire 1`), and
/// punctuation ignored.
pub fn words(text: &str) -> Vec<String> {
    static HYPHEN: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\s*[-\u{2010}\u{2011}\u{00AD}]\s*").unwrap());
    let t = text.replace(['‘', '’'], "'").replace(['“', '”'], "\"");
    let t = HYPHEN.replace_all(&t, "");
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut kind = 0u8; // 1 letters, 2 digits
    for c in t.chars() {
        let k = if c.is_alphabetic() {
            1
        } else if c.is_numeric() {
            2
        } else {
            0
        };
        if (k != kind || k == 0) && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        if k != 0 {
            cur.push(c);
        }
        kind = k;
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// A difference between the reference words and the extracted words.
#[derive(Debug, Clone)]
pub struct Hunk {
    /// A few words of the reference before the difference.
    pub before: Vec<String>,
    pub reference: Vec<String>,
    pub extracted: Vec<String>,
}

/// The word comparison of one document.
#[derive(Debug, Clone, Default)]
pub struct Score {
    /// Words in the reference.
    pub reference_words: usize,
    /// Word errors: substitutions, insertions and deletions.
    pub errors: usize,
    /// Errors outside stretches of `gap_words` or more words that only one
    /// side has (text a reference lacks, or a page it repeats).
    pub errors_shared: usize,
    /// Words only the extraction has, in stretches of `gap_words` or more.
    pub extra_in_extraction: usize,
    /// Words only the reference has, in such stretches.
    pub extra_in_reference: usize,
    pub hunks: Vec<Hunk>,
}

impl Score {
    pub fn wer(&self) -> f64 {
        self.errors as f64 / self.reference_words.max(1) as f64
    }
    pub fn wer_shared(&self) -> f64 {
        self.errors_shared as f64 / (self.reference_words - self.extra_in_reference).max(1) as f64
    }
}

/// Compares word sequences; one-sided stretches of at least `gap_words`
/// words are counted apart.
pub fn score(reference: &[String], extracted: &[String], gap_words: usize) -> Score {
    let ops = similar::capture_diff_slices(similar::Algorithm::Myers, reference, extracted);
    let mut s = Score {
        reference_words: reference.len(),
        ..Score::default()
    };
    for op in ops {
        let (tag, r, e) = op.as_tag_tuple();
        if tag == similar::DiffTag::Equal {
            continue;
        }
        let (nr, ne) = (r.len(), e.len());
        let errors = nr.max(ne);
        s.errors += errors;
        if nr == 0 && ne >= gap_words {
            s.extra_in_extraction += ne;
        } else if ne == 0 && nr >= gap_words {
            s.extra_in_reference += nr;
        } else {
            s.errors_shared += errors;
        }
        let before = reference[r.start.saturating_sub(6)..r.start].to_vec();
        s.hunks.push(Hunk {
            before,
            reference: reference[r].to_vec(),
            extracted: extracted[e].to_vec(),
        });
    }
    s
}

/// Page furniture that must never reach a clause: job numbers, barcodes,
/// "Please recycle", the header's distribution lines, the document's symbol.
pub fn leaks(clause_text: &str, symbol: Option<&str>) -> Vec<String> {
    static LEAK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"\b\d{2}-\d{5}\b|\*\d{7,}\*|Please recycle|Distr\.:|Original: English|\(E\)\s+\d{6}",
        )
        .unwrap()
    });
    let mut out: Vec<String> = LEAK
        .find_iter(clause_text)
        .map(|m| m.as_str().to_string())
        .collect();
    if let Some(sym) = symbol
        && clause_text.contains(sym)
    {
        out.push(sym.to_string());
    }
    out
}

/// Everything measured for one PDF.
#[derive(Debug, Clone)]
pub struct Report {
    pub name: String,
    pub pages: usize,
    pub millis: f64,
    pub body: Score,
    pub notes: Score,
    pub leaks: Vec<(String, String)>,
    pub pdf_ops: usize,
    pub pdf_max_op: u32,
    pub reference_ops: usize,
    pub reference_max_op: u32,
    /// `resdiff compare PDF reference` finds no substantive change.
    pub compares_equal: bool,
    pub changes: Vec<String>,
    pub symbol: Option<String>,
}

fn op_stats(r: &parse::Resolution) -> (usize, u32) {
    let max = r
        .operative
        .iter()
        .filter_map(|c| c.label.as_deref()?.split(' ').next()?.parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    (r.operative.len(), max)
}

/// Loads the PDF, scores it against the reference, compares the two.
pub fn measure(
    name: &str,
    pdf: &Path,
    reference: &str,
    pages: usize,
) -> Result<(Report, Document), String> {
    let t = std::time::Instant::now();
    let doc = load_path(pdf, &LoadOptions::default()).map_err(|e| e.to_string())?;
    let millis = t.elapsed().as_secs_f64() * 1000.0;
    let ours = split_parts(&doc.text);
    let theirs = split_parts(reference);
    let body = score(&words(&theirs.body), &words(&ours.body), 12);
    let notes = score(&words(&theirs.notes), &words(&ours.notes), 12);
    let res = parse::parse(&doc).map_err(|e| e.to_string())?;
    let ref_doc = Document::from_text(format!("{name}-reference.txt"), reference.to_string());
    let ref_res = parse::parse(&ref_doc).map_err(|e| e.to_string())?;
    let symbol = res.header.symbol.clone();
    let mut leaks = Vec::new();
    for c in res.clauses() {
        c.walk(&mut |k| {
            for l in self::leaks(&k.text, symbol.as_deref()) {
                leaks.push((k.id.clone(), l));
            }
        });
    }
    let (pdf_ops, pdf_max_op) = op_stats(&res);
    let (reference_ops, reference_max_op) = op_stats(&ref_res);
    let diff = resdiff::compare(Pair::new(res, ref_res), &CompareOptions::default());
    let compares_equal = !diff.has_changes();
    let mut changes = Vec::new();
    if !diff.header.is_empty() {
        changes.push(format!("header: {:?}", diff.header));
    }
    for c in &diff.changes {
        c.walk(&mut |k| {
            if k.kind != resdiff::align::LinkKind::Unchanged || k.moved {
                let words: Vec<String> = k
                    .segments
                    .iter()
                    .filter(|s| s.op != resdiff::diff::Op::Equal)
                    .map(|s| {
                        let t: String = s.text.chars().take(100).collect();
                        format!("{:?}:{t}", s.op)
                    })
                    .collect();
                changes.push(format!(
                    "{} {:?}->{:?} {}",
                    k.label(),
                    k.old,
                    k.new,
                    words.join(" | ")
                ));
            }
        });
    }
    Ok((
        Report {
            name: name.to_string(),
            pages,
            millis,
            body,
            notes,
            leaks,
            pdf_ops,
            pdf_max_op,
            reference_ops,
            reference_max_op,
            compares_equal,
            changes,
            symbol,
        },
        doc,
    ))
}
