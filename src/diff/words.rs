//! Word diff of two clause texts, with a semantic clean-up so that a
//! rewritten phrase reads as one deletion and one insertion, not a comb of
//! alternating fragments.

use std::borrow::Cow;
use web_time::Instant;

use serde::Serialize;
use similar::{Algorithm, DiffOp};

use crate::tokens::{KeyOptions, Token, TokenKind, key, tokenize};

/// What a piece of text is in a word diff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    /// In both texts.
    Equal,
    /// Only in the old text.
    Delete,
    /// Only in the new text.
    Insert,
}

/// A run of text with one [`Op`]. Concatenating the `Equal` and `Delete`
/// segments gives the old text; `Equal` and `Insert` give the new one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    /// Equal, delete or insert.
    pub op: Op,
    /// The text, spaces included.
    pub text: String,
}

/// The segments on one line, each deleted or inserted run written by
/// `mark` (given its op and its text without the spaces around it, which
/// stay outside the mark); line breaks read ` ¶ `.
///
/// ```
/// use resdiff::diff::{Op, inline, word_diff};
/// let (segs, _) = word_diff("all parties", "both parties", Default::default(), None);
/// let marked = inline(&segs, |op, t| match op {
///     Op::Delete => format!("[-{t}-]"),
///     _ => format!("{{+{t}+}}"),
/// });
/// assert_eq!(marked, "[-all-]{+both+} parties");
/// ```
pub fn inline(segments: &[Segment], mark: impl Fn(Op, &str) -> String) -> String {
    let mut out = String::new();
    for s in segments {
        let text = s.text.replace('\n', " ¶ ");
        let trimmed = text.trim();
        if trimmed.is_empty() || s.op == Op::Equal {
            out.push_str(&text);
            continue;
        }
        out.push_str(&text[..text.len() - text.trim_start().len()]);
        out.push_str(&mark(s.op, trimmed));
        out.push_str(&text[text.trim_end().len()..]);
    }
    out
}

/// One edit over token ranges.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Edit {
    Equal { o: usize, n: usize, len: usize },
    Delete { o: usize, len: usize },
    Insert { n: usize, len: usize },
}

/// Diffs two texts word by word. Returns the segments and whether the
/// deadline cut the diff short (it then falls back to a coarser diff, never
/// to no highlighting at all).
///
/// ```
/// use resdiff::diff::{word_diff, Op};
/// use resdiff::tokens::KeyOptions;
/// let (segs, _) = word_diff(
///     "Demands that all parties cease hostilities;",
///     "Calls upon all parties to cease hostilities;",
///     KeyOptions::default(),
///     None,
/// );
/// let deleted: Vec<&str> = segs.iter().filter(|s| s.op == Op::Delete).map(|s| s.text.as_str()).collect();
/// let inserted: Vec<&str> = segs.iter().filter(|s| s.op == Op::Insert).map(|s| s.text.as_str()).collect();
/// assert_eq!(deleted, ["Demands that"]);
/// assert_eq!(inserted, ["Calls upon", "to "]);
/// ```
pub fn word_diff(
    old: &str,
    new: &str,
    opts: KeyOptions,
    deadline: Option<Instant>,
) -> (Vec<Segment>, bool) {
    let ot = tokenize(old, opts);
    let nt = tokenize(new, opts);
    // compared by their keys as strings: most are slices of the text, and
    // the diff compares few of them beyond the common start and end, so
    // numbering them through an interner would cost more than it saves
    let ok: Vec<Cow<str>> = ot.iter().map(|t| key(t.text(old), t.kind, opts)).collect();
    let nk: Vec<Cow<str>> = nt.iter().map(|t| key(t.text(new), t.kind, opts)).collect();
    let ops = similar::capture_diff_slices_deadline(Algorithm::Myers, &ok, &nk, deadline);
    let timed_out = deadline.is_some_and(|d| Instant::now() > d);
    let mut edits: Vec<Edit> = Vec::with_capacity(ops.len());
    for op in ops {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => edits.push(Edit::Equal {
                o: old_index,
                n: new_index,
                len,
            }),
            DiffOp::Delete {
                old_index, old_len, ..
            } => edits.push(Edit::Delete {
                o: old_index,
                len: old_len,
            }),
            DiffOp::Insert {
                new_index, new_len, ..
            } => edits.push(Edit::Insert {
                n: new_index,
                len: new_len,
            }),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                edits.push(Edit::Delete {
                    o: old_index,
                    len: old_len,
                });
                edits.push(Edit::Insert {
                    n: new_index,
                    len: new_len,
                });
            }
        }
    }
    let edits = cleanup_semantic(edits, &ot, &nt);
    (segments(&edits, old, &ot, new, &nt), timed_out)
}

/// Characters of a token range that count for the clean-up: spaces count
/// for nothing, so a lone shared space between two changes always goes.
fn weight(toks: &[Token], start: usize, len: usize) -> usize {
    toks[start..start + len]
        .iter()
        .filter(|t| t.kind != TokenKind::Space)
        .map(|t| (t.end - t.start) as usize)
        .sum()
}

/// diff-match-patch's semantic clean-up on tokens: an equality no longer
/// than the changes on both sides of it is folded into them.
fn cleanup_semantic(mut edits: Vec<Edit>, ot: &[Token], nt: &[Token]) -> Vec<Edit> {
    // a bounded number of passes; each removes at least one equality
    for _ in 0..edits.len() {
        let mut changed = false;
        let mut k = 0;
        while k < edits.len() {
            if let Edit::Equal { o, n, len } = edits[k] {
                let around = |range: &mut dyn Iterator<Item = &Edit>| {
                    let (mut del, mut ins) = (0, 0);
                    for e in range {
                        match *e {
                            Edit::Equal { .. } => break,
                            Edit::Delete { o, len } => del += weight(ot, o, len),
                            Edit::Insert { n, len } => ins += weight(nt, n, len),
                        }
                    }
                    del.max(ins)
                };
                let before = around(&mut edits[..k].iter().rev());
                let after = around(&mut edits[k + 1..].iter());
                let w = weight(ot, o, len);
                if before > 0 && after > 0 && w <= before && w <= after {
                    edits.splice(k..=k, [Edit::Delete { o, len }, Edit::Insert { n, len }]);
                    changed = true;
                }
            }
            k += 1;
        }
        if !changed {
            break;
        }
        edits = regroup(edits);
    }
    regroup(edits)
}

/// Between equalities, puts all deletions first and all insertions after,
/// merging contiguous ranges.
fn regroup(edits: Vec<Edit>) -> Vec<Edit> {
    let mut out = Vec::with_capacity(edits.len());
    let mut del: Option<(usize, usize)> = None;
    let mut ins: Option<(usize, usize)> = None;
    let flush = |out: &mut Vec<Edit>,
                 del: &mut Option<(usize, usize)>,
                 ins: &mut Option<(usize, usize)>| {
        if let Some((o, len)) = del.take() {
            out.push(Edit::Delete { o, len });
        }
        if let Some((n, len)) = ins.take() {
            out.push(Edit::Insert { n, len });
        }
    };
    for e in edits {
        match e {
            Edit::Equal { o, n, len } => {
                flush(&mut out, &mut del, &mut ins);
                if len == 0 {
                    continue;
                }
                if let Some(Edit::Equal { len: l, .. }) = out.last_mut() {
                    *l += len;
                } else {
                    out.push(Edit::Equal { o, n, len });
                }
            }
            Edit::Delete { o, len } => {
                del = Some(match del {
                    Some((s, l)) => (s, l + len),
                    None => (o, len),
                })
            }
            Edit::Insert { n, len } => {
                ins = Some(match ins {
                    Some((s, l)) => (s, l + len),
                    None => (n, len),
                })
            }
        }
    }
    flush(&mut out, &mut del, &mut ins);
    out
}

/// Turns edits into text segments.
fn segments(edits: &[Edit], old: &str, ot: &[Token], new: &str, nt: &[Token]) -> Vec<Segment> {
    let slice = |src: &str, toks: &[Token], start: usize, len: usize| -> String {
        if len == 0 {
            return String::new();
        }
        src[toks[start].start as usize..toks[start + len - 1].end as usize].to_string()
    };
    let mut out: Vec<Segment> = Vec::with_capacity(edits.len());
    for e in edits {
        let (op, text) = match *e {
            Edit::Equal { n, len, .. } => (Op::Equal, slice(new, nt, n, len)),
            Edit::Delete { o, len } => (Op::Delete, slice(old, ot, o, len)),
            Edit::Insert { n, len } => (Op::Insert, slice(new, nt, n, len)),
        };
        if text.is_empty() {
            continue;
        }
        match out.last_mut() {
            Some(last) if last.op == op => last.text.push_str(&text),
            _ => out.push(Segment { op, text }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diff(a: &str, b: &str) -> Vec<(Op, String)> {
        word_diff(a, b, KeyOptions::default(), None)
            .0
            .into_iter()
            .map(|s| (s.op, s.text))
            .collect()
    }

    fn rebuild(segs: &[(Op, String)], skip: Op) -> String {
        segs.iter()
            .filter(|s| s.0 != skip)
            .map(|s| s.1.as_str())
            .collect()
    }

    #[test]
    fn amendment_reads_as_one_replacement() {
        let old = "Implores a swift end to the conflict and further urges a lasting peace between Ukraine and the Russian Federation.";
        let new = "Implores a swift end to the conflict and further urges a just, lasting and comprehensive peace between Ukraine and the Russian Federation, in line with the Charter of the United Nations.";
        let d = diff(old, new);
        assert_eq!(rebuild(&d, Op::Insert), old);
        assert_eq!(rebuild(&d, Op::Delete), new);
        let inserts: Vec<&str> = d
            .iter()
            .filter(|s| s.0 == Op::Insert)
            .map(|s| s.1.as_str())
            .collect();
        assert!(inserts.contains(&"just, "), "{d:?}");
        assert!(
            inserts
                .iter()
                .any(|s| s.contains("in line with the Charter")),
            "{d:?}"
        );
    }

    #[test]
    fn no_comb_on_a_rewritten_phrase() {
        let d = diff(
            "to the extent possible and in a timely manner, the parties shall report",
            "as soon as possible and without delay, the parties shall report",
        );
        let changes = d.iter().filter(|s| s.0 != Op::Equal).count();
        assert_eq!(changes, 2, "one deletion and one insertion: {d:?}");
    }

    #[test]
    fn end_deletion_rebuilds_exactly() {
        let d = diff(
            "Decides to remain seized of the matter.",
            "Decides to remain seized.",
        );
        assert_eq!(
            rebuild(&d, Op::Insert),
            "Decides to remain seized of the matter."
        );
        assert_eq!(rebuild(&d, Op::Delete), "Decides to remain seized.");
    }

    #[test]
    fn quote_style_is_not_a_change() {
        let d = diff(
            "entitled “Uniting for peace”,",
            "entitled \"Uniting for peace\",",
        );
        assert!(d.iter().all(|s| s.0 == Op::Equal), "{d:?}");
    }
}
