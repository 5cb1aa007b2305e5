//! Version histories: follows each clause through several versions of one
//! text (rev.1, rev.2, the adopted text), from the pairwise comparisons.
//!
//! Every clause occurrence belongs to exactly one lineage. A clause moved
//! in one revision and reworded in the next stays one lineage, because each
//! step pairs clauses by content. A split continues in its first piece (the
//! others start lineages that say where they came from); a merge continues
//! the first of the merged clauses and ends the others.

use std::collections::HashMap;

use serde::Serialize;

use crate::align::LinkKind;
use crate::diff::{Change, ResolutionDiff, Summary};
use crate::pair::Pair;
use crate::parse::{Part, Resolution};
use crate::{CompareOptions, compare};

/// Version of the history JSON; bumped on any incompatible change.
pub const SCHEMA_VERSION: u32 = 1;

/// One version of the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Version {
    /// How the version is named in reports: its symbol, else its file name.
    pub label: String,
    /// The parsed document.
    pub document: Resolution,
}

/// What happened between two consecutive versions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step {
    /// Index of the earlier version.
    pub from: usize,
    /// Index of the later version.
    pub to: usize,
    /// The comparison's counts.
    pub summary: Summary,
    /// Notes of the comparison (a deadline reached, say).
    pub notes: Vec<String>,
}

/// Something that happened to a lineage at one step.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    /// The step (index into [`History::steps`]).
    pub step: usize,
    /// The change, as `compare` reports it.
    #[serde(flatten)]
    pub change: Change,
}

/// One clause followed through the versions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Lineage {
    /// The part of the resolution.
    pub part: Part,
    /// The clause's id in each version, `null` where it is absent.
    pub ids: Vec<Option<String>>,
    /// The first version it appears in.
    pub born: usize,
    /// The first version it no longer appears in, if it was dropped (or
    /// merged into another clause).
    pub ended: Option<usize>,
    /// Where it came from when it was split off another clause:
    /// `"OP3 in A/ES-11/L.1"`.
    pub split_from: Option<String>,
    /// Where it went when merged into another clause.
    pub merged_into: Option<String>,
    /// Where it came from when it crossed into this part from the other
    /// (`"PP6 in A/RES/68/262 (preamble)"`); the lineage there ends with
    /// [`Lineage::moved_to`]. Written to JSON only when set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub moved_from: Option<String>,
    /// Where it went when it crossed into the other part
    /// (`"OP7 in A/RES/ES-11/4 (operative part)"`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub moved_to: Option<String>,
    /// The clause's text in the last version it appears in.
    pub text: String,
    /// The steps at which something happened to it.
    pub events: Vec<Event>,
}

impl Lineage {
    /// Whether anything happened to it.
    pub fn changed(&self) -> bool {
        !self.events.is_empty()
    }
}

/// A clause-by-clause history of several versions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct History {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The versions, in order.
    pub versions: Vec<Version>,
    /// One step per pair of consecutive versions.
    pub steps: Vec<Step>,
    /// The lineages, in reading order of the last version; dropped clauses
    /// stand where they were dropped.
    pub lineages: Vec<Lineage>,
}

impl History {
    /// Whether any step changed anything substantive.
    pub fn has_changes(&self) -> bool {
        self.lineages.iter().any(Lineage::changed)
    }
}

/// Labels for versions: symbols when they tell the versions apart, else
/// file names.
fn labels(docs: &[Resolution]) -> Vec<String> {
    let symbols: Vec<Option<&String>> = docs.iter().map(|d| d.header.symbol.as_ref()).collect();
    let distinct = symbols.iter().all(Option::is_some) && {
        let mut s: Vec<&String> = symbols.iter().flatten().copied().collect();
        s.sort();
        s.dedup();
        s.len() == docs.len()
    };
    docs.iter()
        .enumerate()
        .map(|(k, d)| {
            if distinct {
                d.header.symbol.clone().unwrap_or_default()
            } else {
                let name = crate::load::file_name(&d.source);
                if name.is_empty() || name == "-" {
                    format!("v{}", k + 1)
                } else {
                    name.to_string()
                }
            }
        })
        .collect()
}

/// Builds the history of two or more versions, comparing consecutive pairs
/// (in parallel).
pub fn history(docs: Vec<Resolution>, opts: &CompareOptions) -> History {
    history_labelled(docs, opts, None)
}

/// [`history`] with the versions called `names` (one per version, in
/// order) instead of their symbols or file names.
pub fn history_labelled(
    docs: Vec<Resolution>,
    opts: &CompareOptions,
    names: Option<Vec<String>>,
) -> History {
    use rayon::prelude::*;
    let labels = names
        .filter(|n| n.len() == docs.len())
        .unwrap_or_else(|| labels(&docs));
    let diffs: Vec<ResolutionDiff> = (0..docs.len().saturating_sub(1))
        .into_par_iter()
        .map(|k| compare(Pair::new(docs[k].clone(), docs[k + 1].clone()), opts))
        .collect();
    let steps = diffs
        .iter()
        .enumerate()
        .map(|(k, d)| Step {
            from: k,
            to: k + 1,
            summary: d.summary.clone(),
            notes: d.notes.clone(),
        })
        .collect();
    let mut lineages = Vec::new();
    for part in Part::ALL {
        lineages.extend(follow(part, &docs, &diffs, &labels));
    }
    let versions = docs
        .into_iter()
        .zip(labels)
        .map(|(document, label)| Version { label, document })
        .collect();
    History {
        schema_version: SCHEMA_VERSION,
        versions,
        steps,
        lineages,
    }
}

/// How a part is named in a note.
fn part_name(p: Part) -> &'static str {
    match p {
        Part::Preamble => "preamble",
        Part::Operative => "operative part",
        Part::Annex => "annex",
    }
}

/// Lineages of one part, in reading order.
fn follow(
    part: Part,
    docs: &[Resolution],
    diffs: &[ResolutionDiff],
    labels: &[String],
) -> Vec<Lineage> {
    let n = docs.len();
    let text_of = |v: usize, id: &str| {
        docs[v]
            .part(part)
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.text.clone())
            .unwrap_or_default()
    };
    let mut lineages: Vec<Lineage> = Vec::new();
    let mut at: HashMap<(usize, String), usize> = HashMap::new();
    let new_lineage = |lineages: &mut Vec<Lineage>, v: usize, id: &str| {
        let mut ids = vec![None; n];
        ids[v] = Some(id.to_string());
        lineages.push(Lineage {
            part,
            ids,
            born: v,
            ended: None,
            split_from: None,
            merged_into: None,
            moved_from: None,
            moved_to: None,
            text: String::new(),
            events: Vec::new(),
        });
        lineages.len() - 1
    };
    let mut order: Vec<usize> = Vec::new();
    for c in docs[0].part(part) {
        let l = new_lineage(&mut lineages, 0, &c.id);
        at.insert((0, c.id.clone()), l);
        order.push(l);
    }
    for (k, d) in diffs.iter().enumerate() {
        let mut next: Vec<usize> = Vec::new();
        // a clause that left this part for the other: its lineage goes on
        // there, as the continuation named here
        for c in d
            .changes
            .iter()
            .filter(|c| c.old_part == Some(part) && c.part != part)
        {
            let l = at[&(k, c.old[0].clone())];
            lineages[l].ended = Some(k + 1);
            lineages[l].moved_to = Some(format!(
                "{} in {} ({})",
                c.new[0],
                labels[k + 1],
                part_name(c.part)
            ));
            lineages[l].events.push(Event {
                step: k,
                change: c.clone(),
            });
            next.push(l);
        }
        for c in d.changes.iter().filter(|c| c.part == part) {
            let event = || Event {
                step: k,
                change: c.clone(),
            };
            let substantive = c.is_substantive();
            if let Some(from) = c.old_part.filter(|&p| p != part) {
                // a clause that came from the other part continues its lineage
                let l = new_lineage(&mut lineages, k + 1, &c.new[0]);
                lineages[l].moved_from = Some(format!(
                    "{} in {} ({})",
                    c.old[0],
                    labels[k],
                    part_name(from)
                ));
                lineages[l].events.push(event());
                at.insert((k + 1, c.new[0].clone()), l);
                next.push(l);
                continue;
            }
            match c.kind {
                LinkKind::Inserted => {
                    let l = new_lineage(&mut lineages, k + 1, &c.new[0]);
                    lineages[l].events.push(event());
                    at.insert((k + 1, c.new[0].clone()), l);
                    next.push(l);
                }
                LinkKind::Deleted => {
                    let l = at[&(k, c.old[0].clone())];
                    lineages[l].ended = Some(k + 1);
                    lineages[l].events.push(event());
                    next.push(l);
                }
                _ => {
                    // the first old clause's lineage continues in the first new one
                    let l = at[&(k, c.old[0].clone())];
                    if substantive {
                        lineages[l].events.push(event());
                    }
                    lineages[l].ids[k + 1] = Some(c.new[0].clone());
                    at.insert((k + 1, c.new[0].clone()), l);
                    next.push(l);
                    for piece in &c.new[1..] {
                        let s = new_lineage(&mut lineages, k + 1, piece);
                        lineages[s].split_from = Some(format!("{} in {}", c.old[0], labels[k]));
                        at.insert((k + 1, piece.clone()), s);
                        next.push(s);
                    }
                    for other in &c.old[1..] {
                        let m = at[&(k, other.clone())];
                        lineages[m].ended = Some(k + 1);
                        lineages[m].merged_into =
                            Some(format!("{} in {}", c.new[0], labels[k + 1]));
                        lineages[m].events.push(event());
                        next.push(m);
                    }
                }
            }
        }
        // lineages dropped at an earlier step keep their place after the
        // lineage that preceded them
        for (pos, &l) in order.iter().enumerate() {
            if next.contains(&l) {
                continue;
            }
            let after = order[..pos]
                .iter()
                .rev()
                .find_map(|p| next.iter().position(|x| x == p));
            match after {
                Some(i) => next.insert(i + 1, l),
                None => next.insert(0, l),
            }
        }
        order = next;
    }
    for l in &mut lineages {
        let last = (0..n).rev().find(|&v| l.ids[v].is_some()).unwrap_or(0);
        l.text = text_of(last, l.ids[last].as_deref().unwrap_or(""));
    }
    order.into_iter().map(|i| lineages[i].clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::Document;
    use crate::parse::parse;

    fn doc(name: &str, ops: &[&str]) -> Resolution {
        let mut s = format!("{name}\nThe Security Council,\n\nRecalling its resolutions,\n\n");
        for (i, o) in ops.iter().enumerate() {
            s.push_str(&format!("{}. {o}\n\n", i + 1));
        }
        parse(&Document::from_text(name, s)).unwrap()
    }

    #[test]
    fn a_clause_followed_from_the_operative_part_into_the_preamble() {
        let op = "Welcomes the continued efforts of the Organization for Security and Cooperation in Europe to monitor the ceasefire along the line of contact;";
        let pp = "Welcoming the continued efforts of the Organization for Security and Cooperation in Europe to monitor the ceasefire along the line of contact,";
        let v1 = doc(
            "A/1",
            &["Calls upon all parties to respect the ceasefire;", op],
        );
        let text = format!(
            "A/2\nThe Security Council,\n\nRecalling its resolutions,\n\n{pp}\n\n1. Calls upon all parties to respect the ceasefire;\n"
        );
        let v2 = parse(&Document::from_text("A/2", text)).unwrap();
        let h = history(vec![v1, v2], &CompareOptions::default());
        let went = h
            .lineages
            .iter()
            .find(|l| l.ids[0].as_deref() == Some("OP2"))
            .unwrap();
        assert_eq!(went.ended, Some(1));
        assert_eq!(went.moved_to.as_deref(), Some("PP2 in A/2 (preamble)"));
        let came = h
            .lineages
            .iter()
            .find(|l| l.ids[1].as_deref() == Some("PP2"))
            .unwrap();
        assert_eq!(
            came.moved_from.as_deref(),
            Some("OP2 in A/1 (operative part)")
        );
        assert!(came.events[0].change.crossing().is_some());
    }

    #[test]
    fn a_clause_moved_then_reworded_is_one_lineage() {
        let a = "Demands that all parties cease hostilities immediately;";
        let b = "Requests the Secretary-General to report every ninety days on the situation;";
        let c = "Encourages regional organizations to support the political process;";
        let d = "Decides to remain seized of the matter.";
        let v1 = doc("S/2025/1", &[a, b, c, d]);
        let v2 = doc("S/2025/1/Rev.1", &[b, c, a, d]);
        let v3 = doc(
            "S/2025/1/Rev.2",
            &[
                b,
                c,
                "Calls upon all parties to cease hostilities immediately;",
                d,
            ],
        );
        let h = history(vec![v1, v2, v3], &CompareOptions::default());
        assert_eq!(h.steps.len(), 2);
        let demand = h
            .lineages
            .iter()
            .find(|l| l.ids[0].as_deref() == Some("OP1"))
            .unwrap();
        assert_eq!(
            demand.ids,
            [Some("OP1".into()), Some("OP3".into()), Some("OP3".into())]
        );
        assert_eq!(demand.events.len(), 2);
        assert!(demand.events[0].change.moved);
        let lead = demand.events[1].change.lead.as_ref().unwrap();
        assert_eq!(
            (lead.old.as_deref(), lead.new.as_deref()),
            (Some("Demands"), Some("Calls upon"))
        );
        assert_eq!(h.versions[2].label, "S/2025/1/Rev.2");
        // the others: unchanged or moved only relative to it
        let remain = h
            .lineages
            .iter()
            .find(|l| l.ids[0].as_deref() == Some("OP4"))
            .unwrap();
        assert!(!remain.changed());
    }

    #[test]
    fn born_and_dropped_along_the_way() {
        let v1 = doc(
            "A/80/L.1",
            &[
                "Decides to act;",
                "Requests a report on the humanitarian situation;",
            ],
        );
        let v2 = doc(
            "A/80/L.1/Rev.1",
            &[
                "Decides to act;",
                "Requests a report on the humanitarian situation;",
                "Welcomes the efforts of the Secretary-General and the regional organizations;",
            ],
        );
        let v3 = doc(
            "A/RES/80/1",
            &[
                "Decides to act;",
                "Welcomes the efforts of the Secretary-General and the regional organizations;",
            ],
        );
        let h = history(vec![v1, v2, v3], &CompareOptions::default());
        let born = h.lineages.iter().find(|l| l.born == 1).unwrap();
        assert_eq!(born.ids, [None, Some("OP3".into()), Some("OP2".into())]);
        let dropped = h.lineages.iter().find(|l| l.ended == Some(2)).unwrap();
        assert_eq!(dropped.ids[0].as_deref(), Some("OP2"));
        // reading order of the last version, the dropped clause where it was dropped
        let op: Vec<String> = h
            .lineages
            .iter()
            .filter(|l| l.part == Part::Operative)
            .map(|l| l.ids.iter().flatten().next_back().unwrap().clone())
            .collect();
        assert_eq!(op, ["OP1", "OP2", "OP2"]);
        assert!(h.has_changes());
    }
}
