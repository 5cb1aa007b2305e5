//! Word comments on changed clauses: the labels the terminal shows (a lead
//! softened or strengthened, a section heading changed, the amendment
//! behind a change, a clause moved between the preamble and the operative
//! part, a loose pairing), one kind per variant.

use crate::diff::{Change, HeadingChange, LeadChange, ResolutionDiff};
use crate::parse::Part;

/// The comments to put on a changed clause, one kind after another. To add a
/// kind of comment, add a variant to [`CommentKind`] and its arm to
/// [`CommentKind::text`].
#[derive(Debug, Clone, Copy)]
pub(super) enum CommentKind {
    /// A lead word softened or strengthened: `Lead softened: Demands → Calls upon`.
    Lead,
    /// A section heading changed.
    Heading,
    /// The amendments that explain the change (`compare --amendments`).
    Amendments,
    /// A clause that crossed between the preamble and the operative part.
    Crossing,
    /// A loose pairing: two clauses paired on their place and a few weighted
    /// words, under the ordinary bar, for the reader to confirm.
    Loose,
}

impl CommentKind {
    pub(super) const ALL: [CommentKind; 5] = [
        CommentKind::Crossing,
        CommentKind::Loose,
        CommentKind::Lead,
        CommentKind::Heading,
        CommentKind::Amendments,
    ];

    pub(super) fn text(self, c: &Change, d: Option<&ResolutionDiff>) -> Option<String> {
        match self {
            CommentKind::Lead => c.lead.as_ref().map(lead_note),
            CommentKind::Heading => c.heading.as_ref().map(heading_note),
            CommentKind::Loose => c.loose.then(|| {
                format!(
                    "Loose pairing: {:.0}% of the words in common, paired by place; check that these clauses answer each other",
                    c.similarity * 100.0
                )
            }),
            CommentKind::Crossing => c.crossing().map(|to| {
                let from = c
                    .old_part
                    .map_or(String::new(), |p| format!(" from the {}", part_name(p)));
                match to {
                    Part::Preamble => format!("Moved{from} to the preamble: a softening"),
                    _ => format!("Moved{from} to the {}: a strengthening", part_name(to)),
                }
            }),
            // the label the terminal shows: `A/ES-11/L.15 #1`, or `no amendment`
            CommentKind::Amendments => {
                let label = crate::render::amendments::label(c, d?)?;
                Some(if c.amendments.is_empty() {
                    "No amendment explains this change".to_string()
                } else {
                    format!("Amendment {label}")
                })
            }
        }
    }
}

/// A part as the notes name it.
fn part_name(p: Part) -> &'static str {
    match p {
        Part::Preamble => "preamble",
        Part::Operative => "operative part",
        Part::Annex => "annex",
    }
}

fn lead_note(l: &LeadChange) -> String {
    use crate::diff::Direction;
    let what = match l.direction() {
        Direction::Softened => "Lead softened",
        Direction::Strengthened => "Lead strengthened",
        Direction::Other => "Lead changed",
    };
    let side = |s: &Option<String>| s.clone().unwrap_or_else(|| "(none)".to_string());
    format!("{what}: {} → {}", side(&l.old), side(&l.new))
}

fn heading_note(h: &HeadingChange) -> String {
    let side = |s: &Option<String>| s.clone().unwrap_or_else(|| "(no heading)".to_string());
    format!(
        "Section heading changed: {} → {}",
        side(&h.old),
        side(&h.new)
    )
}
