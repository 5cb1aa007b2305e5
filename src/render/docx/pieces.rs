//! One clause's old and new texts as exact pieces: the comparison's word
//! segments, checked against both texts so that accepting every change
//! gives the new text byte for byte and rejecting every change the old.

use crate::diff::{Op, Segment};
use crate::tokens::{KeyOptions, tokenize};

/// A run of text with its place on each side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Piece {
    pub op: Op,
    pub text: String,
    /// Byte offset in the old text (for `Equal` and `Delete`).
    pub old_at: usize,
    /// Byte offset in the new text (for `Equal` and `Insert`).
    pub new_at: usize,
}

/// The pieces of `old` → `new` following `segments`. The segments'
/// `Equal` runs hold the new text; where the old one differs in what the
/// comparison counts as noise (quote style, a hyphen), the differing
/// tokens become a deletion and an insertion, since a Word document holds
/// one text. When the segments do not fit the texts at all, the whole old
/// text is deleted and the whole new one inserted.
pub(super) fn pieces(old: &str, new: &str, segments: &[Segment]) -> Vec<Piece> {
    fit(old, new, segments).unwrap_or_else(|| whole(old, new))
}

/// The old text deleted and the new inserted.
pub(super) fn whole(old: &str, new: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    if !old.is_empty() {
        out.push(Piece {
            op: Op::Delete,
            text: old.to_string(),
            old_at: 0,
            new_at: 0,
        });
    }
    if !new.is_empty() {
        out.push(Piece {
            op: Op::Insert,
            text: new.to_string(),
            old_at: old.len(),
            new_at: 0,
        });
    }
    out
}

/// Pieces of two texts that should be equal but for noise, token by token
/// (an unchanged clause whose quotes differ, say).
pub(super) fn noise(old: &str, new: &str) -> Vec<Piece> {
    pieces(
        old,
        new,
        &[Segment {
            op: Op::Equal,
            text: new.to_string(),
        }],
    )
}

fn fit(old: &str, new: &str, segments: &[Segment]) -> Option<Vec<Piece>> {
    let (mut po, mut pn) = (0usize, 0usize);
    let mut out: Vec<Piece> = Vec::with_capacity(segments.len());
    let mut push = |op: Op, text: &str, old_at: usize, new_at: usize| {
        if text.is_empty() {
            return;
        }
        match out.last_mut() {
            Some(last) if last.op == op && op != Op::Equal => last.text.push_str(text),
            Some(last)
                if last.op == op
                    && last.old_at + last.text.len() == old_at
                    && last.new_at + last.text.len() == new_at =>
            {
                last.text.push_str(text)
            }
            _ => out.push(Piece {
                op,
                text: text.to_string(),
                old_at,
                new_at,
            }),
        }
    };
    for s in segments {
        let t = s.text.as_str();
        match s.op {
            Op::Delete => {
                if !old.get(po..)?.starts_with(t) {
                    return None;
                }
                push(Op::Delete, t, po, pn);
                po += t.len();
            }
            Op::Insert => {
                if !new.get(pn..)?.starts_with(t) {
                    return None;
                }
                push(Op::Insert, t, po, pn);
                pn += t.len();
            }
            Op::Equal => {
                if !new.get(pn..)?.starts_with(t) {
                    return None;
                }
                let rest = old.get(po..)?;
                if rest.starts_with(t) {
                    push(Op::Equal, t, po, pn);
                    po += t.len();
                    pn += t.len();
                    continue;
                }
                // the same words in another spelling: pair the tokens one by one
                let keys = KeyOptions {
                    ignore_case: false,
                    ignore_punctuation: true,
                };
                let tn = tokenize(t, keys);
                let to = tokenize(rest, keys);
                if to.len() < tn.len() || !covers(&tn, t.len()) {
                    return None;
                }
                let mut end = 0;
                for (a, b) in to.iter().zip(&tn) {
                    if a.start as usize != end {
                        return None;
                    }
                    end = a.end as usize;
                    let (ta, tb) = (a.text(rest), b.text(t));
                    let (oa, nb) = (po + a.start as usize, pn + b.start as usize);
                    if ta == tb {
                        push(Op::Equal, ta, oa, nb);
                    } else {
                        push(Op::Delete, ta, oa, nb);
                        push(Op::Insert, tb, oa + ta.len(), nb);
                    }
                }
                po += end;
                pn += t.len();
            }
        }
    }
    (po == old.len() && pn == new.len()).then_some(out)
}

/// Whether tokens cover `0..len` without a gap.
fn covers(toks: &[crate::tokens::Token], len: usize) -> bool {
    let mut end = 0;
    for t in toks {
        if t.start as usize != end {
            return false;
        }
        end = t.end as usize;
    }
    end == len
}

#[cfg(test)]
mod tests {
    use super::*;

    fn side(p: &[Piece], skip: Op) -> String {
        p.iter()
            .filter(|x| x.op != skip)
            .map(|x| x.text.as_str())
            .collect()
    }

    #[test]
    fn segments_that_fit_are_kept() {
        let (segs, _) = crate::diff::word_diff(
            "Demands that all parties cease hostilities;",
            "Calls upon all parties to cease hostilities;",
            KeyOptions::default(),
            None,
        );
        let p = pieces(
            "Demands that all parties cease hostilities;",
            "Calls upon all parties to cease hostilities;",
            &segs,
        );
        assert_eq!(p.len(), segs.len());
        assert_eq!(
            side(&p, Op::Insert),
            "Demands that all parties cease hostilities;"
        );
        assert_eq!(
            side(&p, Op::Delete),
            "Calls upon all parties to cease hostilities;"
        );
    }

    #[test]
    fn quote_style_becomes_token_changes() {
        let old = "entitled “Uniting for peace”, and co-operation";
        let new = "entitled \"Uniting for peace\", and cooperation";
        let p = noise(old, new);
        assert_eq!(side(&p, Op::Insert), old);
        assert_eq!(side(&p, Op::Delete), new);
        // "entitled " and "Uniting for peace" stay equal
        assert!(
            p.iter()
                .any(|x| x.op == Op::Equal && x.text.contains("Uniting for peace"))
        );
        assert!(
            p.iter()
                .any(|x| x.op == Op::Delete && x.text == "co-operation")
        );
    }

    #[test]
    fn segments_that_do_not_fit_fall_back_to_whole() {
        let segs = [Segment {
            op: Op::Equal,
            text: "something else".into(),
        }];
        let p = pieces("old text", "new text", &segs);
        assert_eq!(p, whole("old text", "new text"));
    }
}
