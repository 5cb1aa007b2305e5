//! Rival drafts: one clause matrix for two or more sibling texts, built
//! from pairwise alignments with the base.
//!
//! Each row is a group of corresponding clauses, one cell per draft (or
//! none where the draft has no such clause). Rows are built without
//! contradiction, in time linear in the number of drafts and near-linear in
//! the number of clauses:
//!
//! 1. every clause of the base (the first draft, or `--base`) opens a row,
//!    in the base's reading order;
//! 2. each other draft is aligned with the base ([`crate::align::align`],
//!    the engine of `compare`) and with the *pool*: a draft made of one
//!    clause per row the base does not have (the wording of the first draft
//!    in that row). So a clause two drafts share and the base lacks gets one
//!    row, found by one alignment per draft instead of one per pair of
//!    drafts;
//! 3. a clause offered a row by both alignments (a base clause and a pool
//!    clause), and several clauses claiming one row (the pieces of a split,
//!    the clauses of a merge), are settled greedily: the strongest link
//!    (word overlap, 0 to 1) wins, so a clause belongs to one row only; each
//!    such decision is written into [`Rivals::notes`];
//! 4. a clause no row took opens a row of its own, placed right after the
//!    row of the clause before it in its draft (at the start of its part if
//!    none is before it).
//!
//! Within a row, cells whose wording is the same up to layout (spacing,
//! quotes, hyphenation, numbering; case and punctuation with `-i` and
//! `--ignore-punctuation`) form a group. Every cell carries its word diff
//! against the row's reference wording: the most common one, or with
//! `--base` the base's.
//!
//! ```
//! use resdiff::rivals::{rivals, RivalsOptions};
//! use resdiff::parse::{parse, Resolution};
//! use resdiff::load::Document;
//! let read = |name: &str, text: &str| parse(&Document::from_text(name, text)).unwrap();
//! let a = read("a", "The General Assembly,\n\n1. Demands an end to the conflict;\n\n2. Decides to remain seized of the matter.\n");
//! let b = read("b", "The General Assembly,\n\n1. Calls upon the parties to end the conflict;\n\n2. Decides to remain seized of the matter.\n");
//! let c = read("c", "The General Assembly,\n\n1. Demands an end to the conflict;\n\n2. Decides to remain seized of the matter.\n");
//! let m = rivals(vec![a, b, c], &RivalsOptions::default());
//! assert_eq!(m.rows.len(), 2);
//! assert_eq!(m.rows[0].groups, [vec![0, 2], vec![1]]);
//! assert!(m.rows[1].agree());
//! assert_eq!((m.summary.agreed, m.summary.disputed), (1, 1));
//! ```

use web_time::Instant;

use serde::Serialize;

use crate::CompareOptions;
use crate::align::{self, Link, LinkKind};
use crate::diff::{Op, Segment, word_diff};
use crate::pair::Pair;
use crate::parse::{Clause, Part, Resolution, lead_strength};
use crate::tokens::Interner;

/// Version of the rivals JSON; bumped on any incompatible change.
pub const SCHEMA_VERSION: u32 = 1;

/// How the matrix is built.
#[derive(Debug, Clone, Default)]
pub struct RivalsOptions {
    /// How clauses are paired and words compared (as for `compare`).
    pub compare: CompareOptions,
    /// Index of the base draft, whose reading order the rows follow.
    pub base: usize,
    /// Word diffs against the base's wording (`--base`) rather than the
    /// most common wording of each row.
    pub against_base: bool,
}

/// What the cells of a row are diffed against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reference {
    /// The row's most common wording (the earliest draft's among equals).
    MostCommon,
    /// The base's wording, where the base has the clause (`--base`).
    Base,
}

/// One of the drafts, as the matrix names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Draft {
    /// The input it was read from.
    pub source: String,
    /// Its document symbol, if the header gives one.
    pub symbol: Option<String>,
    /// Its title, if the header gives one.
    pub title: Option<String>,
    /// The short name of its column: the resolution number (`ES-11/8`),
    /// else the last part of its symbol (`L.10`), else its file name.
    pub label: String,
}

/// One draft's clause in a row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cell {
    /// The clause's id in its draft (`PP2`, `OP3`).
    pub id: String,
    /// Its wording, sub-paragraphs following after their printed labels.
    pub text: String,
    /// Its lead words (`Demands`, `Calls upon`), if any.
    pub lead: Option<String>,
    /// Where the lead stands on the conventions' strength scale, when it is on it.
    pub strength: Option<f32>,
    /// Its word diff against the row's reference wording: deleted words
    /// are the reference's, inserted words this draft's; one equal segment
    /// when it reads as the reference does.
    pub segments: Vec<Segment>,
}

/// One group of corresponding clauses.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// The part of the resolution.
    pub part: Part,
    /// One cell per draft, in the order of [`Rivals::drafts`].
    pub cells: Vec<Option<Cell>>,
    /// Drafts with the same wording (up to layout), each group in draft
    /// order, groups ordered by their first draft; drafts without the
    /// clause are in no group.
    pub groups: Vec<Vec<usize>>,
    /// The draft whose wording the cells' word diffs are against.
    pub reference: usize,
}

impl Row {
    /// Whether every draft has the clause, worded alike.
    pub fn agree(&self) -> bool {
        self.groups.len() == 1 && self.cells.iter().all(Option::is_some)
    }

    /// The drafts that have the clause.
    pub fn present(&self) -> impl Iterator<Item = usize> + '_ {
        self.cells
            .iter()
            .enumerate()
            .filter_map(|(k, c)| c.as_ref().map(|_| k))
    }
}

/// What one draft shares with the others.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DraftSummary {
    /// Its clauses (top level).
    pub clauses: usize,
    /// Clauses every other draft has too.
    pub with_all: usize,
    /// Clauses some other drafts have, not all.
    pub with_some: usize,
    /// Clauses no other draft has.
    pub alone: usize,
    /// Clauses every other draft has, in the same wording.
    pub same_wording_as_all: usize,
}

/// Counts over the matrix.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// One entry per draft, in the order of [`Rivals::drafts`].
    pub drafts: Vec<DraftSummary>,
    /// Rows in all.
    pub rows: usize,
    /// Rows on which all drafts agree: every draft has the clause, worded alike.
    pub agreed: usize,
    /// Rows in dispute: the others.
    pub disputed: usize,
    /// Rows in dispute where the drafts that have the clause word it differently.
    pub worded_differently: usize,
    /// Rows in dispute where some draft has no such clause.
    pub missing_from_some: usize,
}

/// The clause matrix of several drafts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rivals {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The drafts, in the order given.
    pub drafts: Vec<Draft>,
    /// Index of the base draft.
    pub base: usize,
    /// What the cells are diffed against.
    pub reference: Reference,
    /// The rows: preamble, operative part, annex, each in the base's reading order.
    pub rows: Vec<Row>,
    /// Counts.
    pub summary: Summary,
    /// How conflicting links were settled, and deadlines reached.
    pub notes: Vec<String>,
}

impl Rivals {
    /// Whether the drafts differ anywhere (the exit status).
    pub fn has_differences(&self) -> bool {
        self.rows.iter().any(|r| !r.agree())
    }
}

/// A row while the matrix is built: a clause index per draft and a sort key.
struct Slot {
    part: Part,
    clauses: Vec<Option<usize>>,
    /// Lexicographic position: the part, then the base clause index + 1 for
    /// base rows, with `[draft, clause + 1]` appended for a row placed after
    /// another (so a row stands after its anchor and before the anchor's
    /// next sibling); `0` in place of a base index before the first.
    key: Vec<u32>,
}

/// A row offered to a clause by an alignment, with the link's strength.
#[derive(Debug, Clone, Copy)]
struct Claim {
    clause: usize,
    slot: usize,
    strength: f32,
    /// Through the pool, not the base.
    pool: bool,
    /// One of several clauses of a split or merge.
    shared: bool,
}

/// Builds the matrix of `docs` (two or more, else the rows are those of
/// the one draft). The base is `opts.base`.
pub fn rivals(docs: Vec<Resolution>, opts: &RivalsOptions) -> Rivals {
    let n = docs.len();
    let base = opts.base.min(n.saturating_sub(1));
    let labels = labels(&docs);
    let aopts = &opts.compare.align;
    let mut b = Builder {
        docs: &docs,
        labels: &labels,
        base,
        slots: Vec::new(),
        notes: Vec::new(),
        interner: Interner::new(),
        keys: aopts.keys,
    };
    // 1. the base's clauses, in reading order
    let mut base_rows: [Vec<usize>; 3] = Default::default();
    if base < n {
        for (pi, part) in Part::ALL.into_iter().enumerate() {
            for j in 0..docs[base].part(part).len() {
                base_rows[pi].push(b.slots.len());
                b.open(part, base, j, vec![pi as u32, j as u32 + 1]);
            }
        }
    }
    // 2. each other draft, aligned with the base and with the pool
    for k in (0..n).filter(|&k| k != base) {
        let d = &docs[k];
        let with_base = align::align(Pair::new(&docs[base], d), aopts);
        if with_base.coarse {
            b.notes.push(format!(
                "{} and {}: alignment deadline reached, the rows are coarser",
                labels[base], labels[k]
            ));
        }
        let (pool, pool_rows) = b.pool();
        let (rest, rest_index) = if pool.clauses().next().is_some() {
            not_exact(&with_base, d)
        } else {
            Default::default()
        };
        let with_pool =
            (rest.clauses().next().is_some()).then(|| align::align(Pair::new(&pool, &rest), aopts));
        for (pi, part) in Part::ALL.into_iter().enumerate() {
            let mine = d.part(part);
            if mine.is_empty() {
                continue;
            }
            let identity: Vec<usize> = (0..mine.len()).collect();
            let mut claims: Vec<Claim> = Vec::new();
            let sources = [
                (
                    Some(&with_base),
                    &docs[base],
                    &base_rows[pi],
                    &identity,
                    false,
                ),
                (
                    with_pool.as_ref(),
                    &pool,
                    &pool_rows[pi],
                    &rest_index[pi],
                    true,
                ),
            ];
            for (alignment, other, rows, index, pool) in sources {
                let Some(alignment) = alignment else { continue };
                let ends = Ends {
                    theirs: other.part(part),
                    rows,
                    mine,
                    index,
                    pool,
                };
                for pa in alignment.parts.iter().filter(|pa| pa.part == part) {
                    for link in &pa.links {
                        b.claims_of(link, &ends, &mut claims);
                    }
                }
            }
            // 3. the strongest links win
            let placed = b.settle(claims, part, k);
            // 4. the rest open rows after their predecessor's row
            let mut anchor: Option<usize> = None;
            for (j, won) in placed.iter().enumerate() {
                if let Some(slot) = won {
                    anchor = Some(*slot);
                    continue;
                }
                let mut key = match anchor {
                    Some(a) => b.slots[a].key.clone(),
                    None => vec![pi as u32, 0],
                };
                key.extend([k as u32, j as u32 + 1]);
                anchor = Some(b.slots.len());
                b.open(part, k, j, key);
            }
        }
    }
    let Builder {
        mut slots,
        mut notes,
        mut interner,
        ..
    } = b;
    slots.sort_by(|a, b| a.key.cmp(&b.key));
    // word diffs within each row
    let deadline = Instant::now() + aopts.deadline;
    let mut timed_out = false;
    let rows: Vec<Row> = slots
        .iter()
        .map(|s| {
            let (row, t) = make_row(s, &docs, base, opts, &mut interner, deadline);
            timed_out |= t;
            row
        })
        .collect();
    if timed_out {
        notes.push("word-diff deadline reached: some cells show a coarser diff".to_string());
    }
    let summary = summarize(&rows, &docs);
    let drafts = docs
        .iter()
        .zip(labels)
        .map(|(d, label)| Draft {
            source: d.source.clone(),
            symbol: d.header.symbol.clone(),
            title: d.header.title.clone(),
            label,
        })
        .collect();
    Rivals {
        schema_version: SCHEMA_VERSION,
        drafts,
        base,
        reference: if opts.against_base {
            Reference::Base
        } else {
            Reference::MostCommon
        },
        rows,
        summary,
        notes,
    }
}

fn part_index(p: Part) -> usize {
    match p {
        Part::Preamble => 0,
        Part::Operative => 1,
        Part::Annex => 2,
    }
}

/// The matrix while it is built.
struct Builder<'a> {
    docs: &'a [Resolution],
    labels: &'a [String],
    base: usize,
    slots: Vec<Slot>,
    notes: Vec<String>,
    interner: Interner,
    keys: crate::tokens::KeyOptions,
}

impl Builder<'_> {
    /// Opens a row holding clause `j` of draft `k`.
    fn open(&mut self, part: Part, k: usize, j: usize, key: Vec<u32>) {
        let mut clauses = vec![None; self.docs.len()];
        clauses[k] = Some(j);
        self.slots.push(Slot { part, clauses, key });
    }

    /// The pool: one clause per row the base lacks (the first draft's
    /// wording in it), in reading order as the aligner expects of a draft,
    /// with the row of each clause, per part.
    fn pool(&self) -> (Resolution, [Vec<usize>; 3]) {
        let mut pool = Resolution::default();
        let mut rows: [Vec<usize>; 3] = Default::default();
        let mut lacking: Vec<usize> = (0..self.slots.len())
            .filter(|&s| self.slots[s].clauses[self.base].is_none())
            .collect();
        lacking.sort_by(|&a, &b| self.slots[a].key.cmp(&self.slots[b].key));
        for s in lacking {
            let slot = &self.slots[s];
            if let Some((first, j)) = slot
                .clauses
                .iter()
                .enumerate()
                .find_map(|(q, c)| c.map(|j| (q, j)))
            {
                pool.part_mut(slot.part)
                    .push(self.docs[first].part(slot.part)[j].clone());
                rows[part_index(slot.part)].push(s);
            }
        }
        (pool, rows)
    }

    /// Sorted word keys of a clause and its sub-paragraphs.
    fn words(&mut self, c: &Clause) -> Vec<u32> {
        let mut w = self.interner.word_keys(&c.full_text(), self.keys);
        w.sort_unstable();
        w
    }

    /// The claims one alignment link makes: a 1:1 pair claims its row with
    /// the link's similarity; the clauses of a split or merge each claim
    /// with their own word overlap, so the closest piece wins the row.
    fn claims_of(&mut self, link: &Link, e: &Ends, out: &mut Vec<Claim>) {
        match link.kind {
            LinkKind::Inserted | LinkKind::Deleted => {}
            LinkKind::Unchanged | LinkKind::Modified
                if link.old.len() == 1 && link.new.len() == 1 =>
            {
                out.push(Claim {
                    clause: e.index[link.new[0]],
                    slot: e.rows[link.old[0]],
                    strength: link.similarity,
                    pool: e.pool,
                    shared: false,
                });
            }
            _ => {
                for &o in &link.old {
                    let ow = self.words(&e.theirs[o]);
                    for &m in &link.new {
                        let clause = e.index[m];
                        let mw = self.words(&e.mine[clause]);
                        out.push(Claim {
                            clause,
                            slot: e.rows[o],
                            strength: align::dice(&ow, &mw),
                            pool: e.pool,
                            shared: true,
                        });
                    }
                }
            }
        }
    }

    /// Gives each clause of draft `k` in `part` the row of its strongest
    /// claim still free (the base's before the pool's among equals), and
    /// notes every claim that lost. Returns the row of each clause, if any.
    fn settle(&mut self, mut claims: Vec<Claim>, part: Part, k: usize) -> Vec<Option<usize>> {
        claims.sort_by(|a, b| {
            b.strength
                .total_cmp(&a.strength)
                .then(a.pool.cmp(&b.pool))
                .then(a.clause.cmp(&b.clause))
                .then(a.slot.cmp(&b.slot))
        });
        let mine = self.docs[k].part(part);
        let mut placed: Vec<Option<Claim>> = vec![None; mine.len()];
        let mut lost: Vec<Vec<Claim>> = vec![Vec::new(); mine.len()];
        for c in claims {
            if placed[c.clause].is_none() && self.slots[c.slot].clauses[k].is_none() {
                self.slots[c.slot].clauses[k] = Some(c.clause);
                placed[c.clause] = Some(c);
            } else {
                lost[c.clause].push(c);
            }
        }
        for (j, won) in placed.iter().enumerate() {
            let clause = format!("{} {}", self.labels[k], mine[j].id);
            for l in &lost[j] {
                let there = self.describe(l.slot, k);
                let note = match won {
                    Some(w) => format!(
                        "{clause} reads like {} ({:.2}) and like {there} ({:.2}): placed with the first, the stronger link",
                        self.describe(w.slot, k),
                        w.strength,
                        l.strength
                    ),
                    None if l.shared => format!(
                        "{clause} is one of several clauses matching {there} (a split or merge): a stronger one took that row, it has a row of its own"
                    ),
                    None => format!(
                        "{clause} matches {there} ({:.2}), which a stronger link took: it has a row of its own",
                        l.strength
                    ),
                };
                self.notes.push(note);
            }
            if let Some(w) = won
                && w.shared
                && lost[j].is_empty()
            {
                let note = format!(
                    "{clause} is one of several clauses matching {} (a split or merge): placed there as the closest ({:.2})",
                    self.describe(w.slot, k),
                    w.strength
                );
                self.notes.push(note);
            }
        }
        placed.into_iter().map(|c| c.map(|c| c.slot)).collect()
    }

    /// A row as a note names it: `L.10 PP2`, the clause of its first draft
    /// other than `except`.
    fn describe(&self, slot: usize, except: usize) -> String {
        let s = &self.slots[slot];
        s.clauses
            .iter()
            .enumerate()
            .filter(|&(q, _)| q != except)
            .find_map(|(q, c)| {
                c.map(|j| format!("{} {}", self.labels[q], self.docs[q].part(s.part)[j].id))
            })
            .unwrap_or_else(|| "another row".to_string())
    }
}

/// The clauses of `d` its alignment with the base does not pair word for
/// word, as a draft of their own, with each one's index in `d`, per part:
/// what the pool is aligned with. An exact link to the base cannot be
/// outdone (ties go to the base), and a draft mostly the same as the base
/// then costs little.
fn not_exact(with_base: &align::Alignment, d: &Resolution) -> (Resolution, [Vec<usize>; 3]) {
    let mut rest = Resolution::default();
    let mut index: [Vec<usize>; 3] = Default::default();
    for pa in &with_base.parts {
        let mut exact = vec![false; d.part(pa.part).len()];
        for l in &pa.links {
            if l.kind == LinkKind::Unchanged && l.new.len() == 1 {
                exact[l.new[0]] = true;
            }
        }
        for (j, c) in d.part(pa.part).iter().enumerate() {
            if !exact[j] {
                rest.part_mut(pa.part).push(c.clone());
                index[part_index(pa.part)].push(j);
            }
        }
    }
    (rest, index)
}

/// The two sides of an alignment of one part, as rows and clauses of the
/// draft being placed.
struct Ends<'a> {
    /// The clauses of the base or the pool.
    theirs: &'a [Clause],
    /// The row of each of them.
    rows: &'a [usize],
    /// The draft's clauses.
    mine: &'a [Clause],
    /// The draft's clause index of each clause the alignment saw.
    index: &'a [usize],
    /// The alignment is with the pool.
    pool: bool,
}

/// A clause's wording for a cell: its text, then each sub-paragraph after
/// its printed label.
fn cell_text(c: &Clause) -> String {
    let mut s = String::with_capacity(c.text.len());
    c.walk(&mut |d| {
        if !s.is_empty() {
            s.push(' ');
            if let Some(l) = crate::render::sub_label(&d.id) {
                s.push_str(l);
                s.push(' ');
            }
        }
        s.push_str(&d.text);
    });
    s
}

/// A row's cells, groups and word diffs.
fn make_row(
    s: &Slot,
    docs: &[Resolution],
    base: usize,
    opts: &RivalsOptions,
    interner: &mut Interner,
    deadline: Instant,
) -> (Row, bool) {
    let keys = opts.compare.align.keys;
    let clauses: Vec<Option<&Clause>> = s
        .clauses
        .iter()
        .enumerate()
        .map(|(q, c)| c.map(|j| &docs[q].part(s.part)[j]))
        .collect();
    // groups of the same wording, up to layout
    let wording: Vec<Option<Vec<u32>>> = clauses
        .iter()
        .map(|c| c.map(|c| interner.content_keys(&c.full_text(), keys)))
        .collect();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (q, w) in wording.iter().enumerate() {
        let Some(w) = w else { continue };
        match groups
            .iter_mut()
            .find(|g| wording[g[0]].as_ref() == Some(w))
        {
            Some(g) => g.push(q),
            None => groups.push(vec![q]),
        }
    }
    // the reference: the base's wording with --base, else the most common
    // (the earliest draft's among equals)
    let reference = if opts.against_base && clauses[base].is_some() {
        base
    } else {
        groups
            .iter()
            .max_by(|a, b| a.len().cmp(&b.len()).then(b[0].cmp(&a[0])))
            .map_or(0, |g| g[0])
    };
    let ref_group: &[usize] = groups
        .iter()
        .find(|g| g.contains(&reference))
        .map_or(&[], |g| g.as_slice());
    let ref_text = clauses[reference].map(cell_text).unwrap_or_default();
    let mut timed_out = false;
    let cells = clauses
        .iter()
        .enumerate()
        .map(|(q, c)| {
            c.map(|c| {
                let text = cell_text(c);
                let segments = if ref_group.contains(&q) {
                    vec![Segment {
                        op: Op::Equal,
                        text: text.clone(),
                    }]
                } else {
                    let (segs, t) = word_diff(&ref_text, &text, keys, Some(deadline));
                    timed_out |= t;
                    segs
                };
                Cell {
                    id: c.id.clone(),
                    lead: c.lead.clone(),
                    strength: c.lead.as_deref().and_then(|l| lead_strength(l, s.part)),
                    text,
                    segments,
                }
            })
        })
        .collect();
    let row = Row {
        part: s.part,
        cells,
        groups,
        reference,
    };
    (row, timed_out)
}

fn summarize(rows: &[Row], docs: &[Resolution]) -> Summary {
    let n = docs.len();
    let mut s = Summary {
        drafts: vec![DraftSummary::default(); n],
        rows: rows.len(),
        ..Summary::default()
    };
    for r in rows {
        let present: Vec<usize> = r.present().collect();
        let all = present.len() == n;
        if r.agree() {
            s.agreed += 1;
        } else {
            s.disputed += 1;
            s.worded_differently += usize::from(r.groups.len() > 1);
            s.missing_from_some += usize::from(!all);
        }
        for &q in &present {
            let d = &mut s.drafts[q];
            d.clauses += 1;
            match present.len() {
                1 => d.alone += 1,
                _ if all => d.with_all += 1,
                _ => d.with_some += 1,
            }
            d.same_wording_as_all += usize::from(r.agree());
        }
    }
    s
}

/// Column names: the resolution number, else the last part of the symbol,
/// else the file name; the full symbol, then the file name, where the short
/// names would not tell the drafts apart.
fn labels(docs: &[Resolution]) -> Vec<String> {
    let file = |k: usize, d: &Resolution| {
        let name = crate::render::file_name(&d.source);
        if name.is_empty() || name == "-" {
            format!("draft {}", k + 1)
        } else {
            name.to_string()
        }
    };
    // `A/ES-11/L.10` is `L.10`; `S/RES/2774 (2025)`, whose last part is
    // only a number, is `S/RES/2774`
    let short = |k: usize, d: &Resolution| {
        d.header
            .number
            .clone()
            .or_else(|| {
                d.header.symbol.as_deref().map(|s| {
                    let s = s.split(" (").next().unwrap_or(s).trim();
                    match s.rsplit('/').next() {
                        Some(last) if !last.chars().all(|c| c.is_ascii_digit()) => last.to_string(),
                        _ => s.to_string(),
                    }
                })
            })
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| file(k, d))
    };
    let long = |k: usize, d: &Resolution| d.header.symbol.clone().unwrap_or_else(|| file(k, d));
    let distinct = |v: &[String]| {
        let mut s: Vec<&String> = v.iter().collect();
        s.sort();
        s.dedup();
        s.len() == v.len()
    };
    for name in [
        &short as &dyn Fn(usize, &Resolution) -> String,
        &long,
        &file,
    ] {
        let v: Vec<String> = docs.iter().enumerate().map(|(k, d)| name(k, d)).collect();
        if distinct(&v) {
            return v;
        }
    }
    (1..=docs.len()).map(|k| format!("draft {k}")).collect()
}

#[cfg(test)]
mod tests;
