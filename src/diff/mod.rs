//! Word diffs inside aligned clauses, and [`ResolutionDiff`], the plain
//! data every renderer reads.

mod attribution;
mod words;

use web_time::Instant;

use serde::Serialize;

pub use attribution::{
    AmendmentDoc, AmendmentRef, Attribution, InstructionOutcome, Outcome, Unexplained,
};
pub use words::{Op, Segment, inline, word_diff};

use crate::align::{AlignOptions, Alignment, Link, LinkKind};
use crate::pair::Pair;
use crate::parse::{Clause, Lang, Part, Resolution, base_lead_in, lead_strength_in};
use crate::tokens::{Interner, count_words};

/// Version of the JSON output; bumped on any incompatible change.
pub const SCHEMA_VERSION: u32 = 1;

/// A change of the lead words of a clause (`Demands` → `Calls upon`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LeadChange {
    /// The old lead.
    pub old: Option<String>,
    /// The new lead.
    pub new: Option<String>,
    /// New strength minus old on the conventions' scale (negative: softened),
    /// when both leads are on it.
    pub shift: Option<f32>,
}

/// Which way a lead change moved on the conventions' scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Down the scale (`Demands` → `Calls upon`).
    Softened,
    /// Up the scale.
    Strengthened,
    /// Not on the scale, or level.
    Other,
}

impl LeadChange {
    /// Which way the lead moved, from [`LeadChange::shift`].
    pub fn direction(&self) -> Direction {
        match self.shift {
            Some(x) if x < 0.0 => Direction::Softened,
            Some(x) if x > 0.0 => Direction::Strengthened,
            _ => Direction::Other,
        }
    }
}

/// A change of the section heading over a clause ("Political situation" →
/// "Political process"), which its text alone does not show.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HeadingChange {
    /// The old heading.
    pub old: Option<String>,
    /// The new heading.
    pub new: Option<String>,
}

/// What happened to one clause (or group of clauses, for splits and merges).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// Unchanged, modified, inserted, deleted, split or merged.
    pub kind: LinkKind,
    /// The part of the resolution.
    pub part: Part,
    /// Old clause ids.
    pub old: Vec<String>,
    /// New clause ids.
    pub new: Vec<String>,
    /// The clause changed place relative to its neighbours.
    pub moved: bool,
    /// Share of words kept, 0 to 1, rounded to three decimals.
    pub similarity: f32,
    /// For a clause that crossed between the preamble and the operative
    /// part, the part of its old side (`part` is the new side's); absent
    /// otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old_part: Option<Part>,
    /// For a clause that crossed parts, the part of its new side; absent
    /// otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_part: Option<Part>,
    /// Paired under the ordinary `--threshold`, on weaker evidence (weighted
    /// words, its place between two paired clauses, the lead's family): a
    /// pairing a reader should check. Written to JSON only when true.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub loose: bool,
    /// Lead words, when they changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lead: Option<LeadChange>,
    /// The section heading over the clause, when it changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub heading: Option<HeadingChange>,
    /// The word diff of the clause's own text. For splits and merges the
    /// texts of the several clauses are joined by `"\n"`.
    pub segments: Vec<Segment>,
    /// Changes of the sub-paragraphs.
    pub children: Vec<Change>,
    /// The amendment instructions that explain it (`compare --amendments`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub amendments: Vec<AmendmentRef>,
}

impl Change {
    /// Whether this change or any below it is substantive.
    pub fn is_substantive(&self) -> bool {
        self.has_own_change() || self.children.iter().any(Change::is_substantive)
    }

    /// Whether the clause itself changed: its wording, place or heading (a
    /// lead change is a change of wording), whatever its sub-paragraphs did.
    pub fn has_own_change(&self) -> bool {
        self.kind != LinkKind::Unchanged || self.moved || self.heading.is_some()
    }

    /// For a clause that crossed parts, the part it moved to: the preamble
    /// (a softening) or the operative part (a strengthening).
    pub fn crossing(&self) -> Option<Part> {
        match (self.old_part, self.new_part) {
            (Some(a), Some(b)) if a != b => Some(b),
            _ => None,
        }
    }

    /// Visits this change and its descendants, parents first.
    pub fn walk<'a>(&'a self, f: &mut impl FnMut(&'a Change)) {
        f(self);
        for c in &self.children {
            c.walk(f);
        }
    }

    /// A short label for the change: `=`, `~`, `+`, `-`, `split`, `merged`,
    /// with `>` for moved. (A loose pairing is told by [`Change::loose`];
    /// renderers add `(loose)` after the kind's word.)
    pub fn label(&self) -> String {
        let base = match self.kind {
            LinkKind::Unchanged => "=",
            LinkKind::Modified => "~",
            LinkKind::Inserted => "+",
            LinkKind::Deleted => "-",
            LinkKind::Split => "split",
            LinkKind::Merged => "merged",
        };
        if self.moved {
            if self.kind == LinkKind::Unchanged {
                ">".to_string()
            } else {
                format!("> {base}")
            }
        } else {
            base.to_string()
        }
    }
}

/// Counts over all clauses at every depth.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Clauses with the same wording.
    pub kept: usize,
    /// Clauses reworded.
    pub reworded: usize,
    /// Clauses only in the new text.
    pub added: usize,
    /// Clauses only in the old text.
    pub dropped: usize,
    /// Clauses that changed place (also counted under their kind).
    pub moved: usize,
    /// Old clauses split into several.
    pub split: usize,
    /// New clauses merged from several.
    pub merged: usize,
    /// Lead words changed.
    pub lead_changes: usize,
    /// Operative clauses moved to the preamble (a softening; also counted
    /// under moved).
    pub to_preamble: usize,
    /// Preambular clauses moved to the operative part (a strengthening;
    /// also counted under moved).
    pub to_operative: usize,
    /// Words in inserted text.
    pub words_inserted: usize,
    /// Words in deleted text.
    pub words_deleted: usize,
}

/// Differences in the header that count as substantive: only fields both
/// texts state are compared.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct HeaderDiff {
    /// Word diff of the titles, when both have one and they differ.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<Vec<Segment>>,
    /// Sponsors in the new text only.
    pub sponsors_added: Vec<String>,
    /// Sponsors in the old text only.
    pub sponsors_removed: Vec<String>,
}

impl HeaderDiff {
    /// Whether anything differs.
    pub fn is_empty(&self) -> bool {
        self.title.is_none() && self.sponsors_added.is_empty() && self.sponsors_removed.is_empty()
    }
}

/// The comparison of two resolutions: both documents, the changes in
/// reading order of the new text, and a summary.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResolutionDiff {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The old document.
    pub old: Resolution,
    /// The new document.
    pub new: Resolution,
    /// Header differences.
    pub header: HeaderDiff,
    /// Clause changes, preamble first, then operative part, then annex.
    pub changes: Vec<Change>,
    /// Counts.
    pub summary: Summary,
    /// Notes on how the comparison was made (a deadline reached, say).
    pub notes: Vec<String>,
    /// The amendments behind the changes (`compare --amendments`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribution: Option<Attribution>,
}

impl ResolutionDiff {
    /// Whether there is any substantive difference (the exit status).
    pub fn has_changes(&self) -> bool {
        !self.header.is_empty() || self.changes.iter().any(Change::is_substantive)
    }
}

struct Differ<'a> {
    interner: Interner,
    /// The languages of the two texts, for their lead-word scales.
    langs: (Lang, Lang),
    opts: &'a AlignOptions,
    deadline: Instant,
    timed_out: bool,
}

/// Builds the [`ResolutionDiff`] from an alignment.
pub fn diff(res: Pair<Resolution>, alignment: &Alignment, opts: &AlignOptions) -> ResolutionDiff {
    use rayon::prelude::*;
    let deadline = Instant::now() + opts.deadline;
    let langs = (res.old.lang, res.new.lang);
    let differ = || Differ {
        interner: Interner::new(),
        langs,
        opts,
        deadline,
        timed_out: false,
    };
    let large =
        res.old.clauses().count() + res.new.clauses().count() > crate::align::PARALLEL_ABOVE;
    // one change per link: allocated once, never copied as it grows
    let mut changes = Vec::with_capacity(alignment.parts.iter().map(|p| p.links.len()).sum());
    let mut timed_out = false;
    let olds: Vec<(Part, Vec<&Clause>)> = Part::ALL
        .into_iter()
        .map(|p| (p, res.old.part(p).iter().collect()))
        .collect();
    let old_of = |p: Part| -> &[&Clause] {
        olds.iter()
            .find(|o| o.0 == p)
            .map(|o| o.1.as_slice())
            .unwrap_or(&[])
    };
    for pa in &alignment.parts {
        let old: Vec<&Clause> = res.old.part(pa.part).iter().collect();
        let new: Vec<&Clause> = res.new.part(pa.part).iter().collect();
        // a link from the other part reads its old clause there
        let change = |d: &mut Differ, l: &Link| match l.from_part {
            Some(from) => d.crossed(l, from, pa.part, old_of(from), &new),
            None => d.change(l, pa.part, &old, &new),
        };
        if large {
            // chunks in order, each with its own interner: the result does not
            // depend on how the work was split
            let chunks: Vec<(Vec<Change>, bool)> = pa
                .links
                .par_chunks(256)
                .map(|links| {
                    let mut d = differ();
                    let out: Vec<Change> = links.iter().map(|l| change(&mut d, l)).collect();
                    (out, d.timed_out)
                })
                .collect();
            for (c, t) in chunks {
                changes.extend(c);
                timed_out |= t;
            }
        } else {
            let mut d = differ();
            changes.extend(pa.links.iter().map(|l| change(&mut d, l)));
            timed_out |= d.timed_out;
        }
    }
    let mut summary = Summary::default();
    for c in &changes {
        c.walk(&mut |c| {
            match c.kind {
                LinkKind::Unchanged => summary.kept += 1,
                LinkKind::Modified => summary.reworded += 1,
                LinkKind::Inserted => summary.added += 1,
                LinkKind::Deleted => summary.dropped += 1,
                LinkKind::Split => summary.split += 1,
                LinkKind::Merged => summary.merged += 1,
            }
            summary.moved += usize::from(c.moved);
            summary.lead_changes += usize::from(c.lead.is_some());
            match c.crossing() {
                Some(Part::Preamble) => summary.to_preamble += 1,
                Some(_) => summary.to_operative += 1,
                None => {}
            }
            for s in &c.segments {
                match s.op {
                    Op::Insert => summary.words_inserted += count_words(&s.text),
                    Op::Delete => summary.words_deleted += count_words(&s.text),
                    Op::Equal => {}
                }
            }
        });
    }
    let mut d = differ();
    let header = d.header(&res);
    let mut notes = Vec::new();
    if alignment.coarse {
        notes.push("alignment deadline reached: moved-and-reworded clauses, splits and merges were not looked for".to_string());
    }
    if timed_out || d.timed_out {
        notes.push("word-diff deadline reached: some clauses show a coarser diff".to_string());
    }
    for r in [&res.old, &res.new] {
        if r.is_partial() {
            notes.push(format!(
                "{} is a partial transcription (its comments say \"completeness: PARTIAL\"): clauses it lacks may be missing from the file, not from the draft",
                r.source
            ));
        }
    }
    ResolutionDiff {
        schema_version: SCHEMA_VERSION,
        old: res.old,
        new: res.new,
        header,
        changes,
        summary,
        notes,
        attribution: None,
    }
}

impl Differ<'_> {
    /// The change of a clause that crossed from part `from` to part `to`:
    /// the preambular and operative forms of one verb (`Welcoming`,
    /// `Welcomes`) are part of the move, not a change of lead; another verb
    /// is, with no shift (the two parts have scales of their own).
    fn crossed(
        &mut self,
        link: &Link,
        from: Part,
        to: Part,
        old: &[&Clause],
        new: &[&Clause],
    ) -> Change {
        let mut c = self.change(link, to, old, new);
        c.old_part = Some(from);
        c.new_part = Some(to);
        if let Some(l) = &mut c.lead {
            match (&l.old, &l.new) {
                (Some(a), Some(b)) if crate::align::evidence::same_verb(a, b) => c.lead = None,
                _ => l.shift = None,
            }
        }
        c
    }

    fn change(&mut self, link: &Link, part: Part, old: &[&Clause], new: &[&Clause]) -> Change {
        let oc: Vec<&Clause> = link.old.iter().map(|&i| old[i]).collect();
        let nc: Vec<&Clause> = link.new.iter().map(|&i| new[i]).collect();
        // the text of one side; several clauses (a split or merge) joined by "\n"
        let text = |cs: &[&Clause]| -> String {
            match cs {
                [one] => one.text.clone(),
                _ => cs
                    .iter()
                    .map(|c| c.text.as_str())
                    .collect::<Vec<_>>()
                    .join("\n"),
            }
        };
        let (segments, similarity) = match link.kind {
            LinkKind::Unchanged => (
                vec![Segment {
                    op: Op::Equal,
                    text: text(&nc),
                }],
                1.0,
            ),
            LinkKind::Inserted => (
                vec![Segment {
                    op: Op::Insert,
                    text: text(&nc),
                }],
                0.0,
            ),
            LinkKind::Deleted => (
                vec![Segment {
                    op: Op::Delete,
                    text: text(&oc),
                }],
                0.0,
            ),
            LinkKind::Modified | LinkKind::Split | LinkKind::Merged => {
                let (otext, ntext) = (text(&oc), text(&nc));
                let (segs, timed_out) =
                    word_diff(&otext, &ntext, self.opts.keys, Some(self.deadline));
                self.timed_out |= timed_out;
                let sim = ratio(&segs);
                (segs, sim)
            }
        };
        let lead = match (oc.first(), nc.first()) {
            _ if link.kind == LinkKind::Unchanged => None,
            (Some(o), Some(n)) => {
                let (ol, nl) = self.langs;
                let base = |l: &Option<String>, lang| l.as_deref().map(|l| base_lead_in(l, lang));
                // a lead respelled (Recognizing, Recognising) is no change;
                // asked only of leads that differ
                let spelled = || match (&o.lead, &n.lead) {
                    (Some(a), Some(b)) => crate::align::evidence::same_lead_words(a, b),
                    _ => false,
                };
                (base(&o.lead, ol) != base(&n.lead, nl) && !spelled()).then(|| {
                    let strength = |l: &Option<String>, lang| {
                        l.as_deref().and_then(|l| lead_strength_in(l, part, lang))
                    };
                    let shift = strength(&o.lead, ol)
                        .zip(strength(&n.lead, nl))
                        .map(|(a, b)| b - a);
                    LeadChange {
                        old: o.lead.clone(),
                        new: n.lead.clone(),
                        shift,
                    }
                })
            }
            _ => None,
        };
        // a heading added, dropped or reworded over a clause found on both sides
        let heading = match (oc.first(), nc.first()) {
            (Some(o), Some(n)) => {
                // compared as words are: quote style, spacing and (if asked)
                // case or punctuation are no change
                let keys = self.opts.keys;
                let mut norm =
                    |h: &Option<String>| h.as_deref().map(|h| self.interner.content_keys(h, keys));
                (norm(&o.heading) != norm(&n.heading)).then(|| HeadingChange {
                    old: o.heading.clone(),
                    new: n.heading.clone(),
                })
            }
            _ => None,
        };
        let children = if link.children.is_empty() {
            Vec::new()
        } else {
            let och: Vec<&Clause> = oc.iter().flat_map(|c| c.children.iter()).collect();
            let nch: Vec<&Clause> = nc.iter().flat_map(|c| c.children.iter()).collect();
            link.children
                .iter()
                .map(|l| self.change(l, part, &och, &nch))
                .collect()
        };
        Change {
            kind: link.kind,
            part,
            old: oc.iter().map(|c| c.id.clone()).collect(),
            new: nc.iter().map(|c| c.id.clone()).collect(),
            moved: link.moved,
            similarity: (similarity * 1000.0).round() / 1000.0,
            loose: link.loose,
            old_part: None,
            new_part: None,
            lead,
            heading,
            segments,
            children,
            amendments: Vec::new(),
        }
    }

    fn header(&mut self, res: &Pair<Resolution>) -> HeaderDiff {
        let mut h = HeaderDiff::default();
        if let (Some(a), Some(b)) = (&res.old.header.title, &res.new.header.title) {
            let (segs, _) = word_diff(a, b, self.opts.keys, Some(self.deadline));
            if segs.iter().any(|s| s.op != Op::Equal) {
                h.title = Some(segs);
            }
        }
        let (a, b) = (&res.old.header.sponsors, &res.new.header.sponsors);
        if !a.is_empty() && !b.is_empty() {
            h.sponsors_added = b.iter().filter(|s| !a.contains(s)).cloned().collect();
            h.sponsors_removed = a.iter().filter(|s| !b.contains(s)).cloned().collect();
        }
        h
    }
}

/// Share of words kept: twice the equal words over the words of both sides.
fn ratio(segs: &[Segment]) -> f32 {
    let (mut eq, mut del, mut ins) = (0, 0, 0);
    for s in segs {
        let n = count_words(&s.text);
        match s.op {
            Op::Equal => eq += n,
            Op::Delete => del += n,
            Op::Insert => ins += n,
        }
    }
    let total = 2 * eq + del + ins;
    if total == 0 {
        1.0
    } else {
        2.0 * eq as f32 / total as f32
    }
}
