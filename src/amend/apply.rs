//! Applies amendments to a draft as tabled: placing, collision checks, rebuilding, renumbering.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::parse::excerpt;
use super::{
    Amendment, ClauseRef, Instruction, InstructionError, Number, Op, Place, Target, WordAnchor,
};
use crate::error::{Error, Result};
use crate::load::Document;
use crate::numbering::letters_value;
use crate::parse::{Clause, FootnoteRef, Part, Resolution};
use crate::render::resolution_text;
use crate::tokens::{KeyOptions, TokenKind, key, tokenize};

/// A draft with amendments applied.
#[derive(Debug, Clone)]
pub struct Applied {
    /// The amended text, as `resdiff show` would read it.
    pub resolution: Resolution,
    /// Instructions that could not be applied (only with `keep_going`).
    pub failures: Vec<InstructionError>,
    /// How many instructions were applied.
    pub applied: usize,
}

/// Applies the amendments, in order, to the draft.
///
/// Every paragraph and every quoted word is looked for in the draft as
/// tabled (see the [module docs](super)). An instruction that does not fit
/// (its words are not in the paragraph, the paragraph does not exist, it
/// changes what an earlier instruction already changed) is an error naming
/// the amendment document, the instruction and its line; with `keep_going`
/// it is left out, listed in [`Applied::failures`], and the others apply.
///
/// ```
/// use resdiff::amend::{apply, parse_amendment};
/// use resdiff::{load::Document, parse::parse};
/// let draft = parse(&Document::from_text("l11.txt", "The General Assembly,\n\nMourning the loss of life,\n\nImplores a swift end to the conflict and urges a lasting peace.\n")).unwrap();
/// let l15 = parse_amendment(&Document::from_text("l15.txt", "1. In the operative paragraph, replace the words \"a lasting peace\" with the words \"a just and lasting peace\".\n")).unwrap();
/// let out = apply(&draft, &[l15], false).unwrap();
/// assert_eq!(out.resolution.operative[0].text, "Implores a swift end to the conflict and urges a just and lasting peace.");
/// ```
pub fn apply(draft: &Resolution, amendments: &[Amendment], keep_going: bool) -> Result<Applied> {
    let vocab = Vocabulary::new(draft, amendments);
    let mut claims: Vec<(Claim, usize)> = Vec::new();
    let mut effects: Vec<Effect> = Vec::new();
    let mut who: Vec<(&Amendment, &Instruction)> = Vec::new();
    let mut failures = Vec::new();
    for a in amendments {
        if let (Some(t), Some(d)) = (&a.target, &draft.header.symbol)
            && !same_symbol(t, d)
        {
            return Err(Error::input(
                &a.source,
                format!("amends draft resolution {t}, but the draft is {d}"),
            ));
        }
        for ins in &a.instructions {
            let fail = |problem: String| InstructionError {
                file: a.source.clone(),
                label: ins.label.clone(),
                line: ins.line,
                problem,
            };
            let outcome = resolve(draft, ins, &vocab).and_then(|effect| {
                let claim = effect.claim();
                if let Some((k, why)) = claims
                    .iter()
                    .find_map(|(c, k)| collision(c, &claim, draft).map(|w| (*k, w)))
                {
                    let (oa, oi) = who[k];
                    let whose = if std::ptr::eq(oa, a) {
                        format!("instruction {} (line {})", oi.label, oi.line)
                    } else {
                        format!(
                            "instruction {} (line {}) of {}",
                            oi.label,
                            oi.line,
                            oa.name()
                        )
                    };
                    return Err(format!("collides with {whose}: {why}"));
                }
                Ok((effect, claim))
            });
            match outcome {
                Ok((effect, claim)) => {
                    claims.push((claim, who.len()));
                    who.push((a, ins));
                    effects.push(effect);
                }
                Err(problem) if keep_going => failures.push(fail(problem)),
                Err(problem) => return Err(fail(problem).into()),
            }
        }
    }
    let applied = effects.len();
    let resolution = rebuild(draft, effects)?;
    Ok(Applied {
        resolution,
        failures,
        applied,
    })
}

/// `A/ES-11/L.11` and `A/ES-11/L.11/Rev.1` amend the same draft, as far as
/// the check goes; case and spaces do not count.
pub(crate) fn same_symbol(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        let s: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_uppercase();
        s.split("/REV").next().unwrap_or("").to_string()
    };
    norm(a) == norm(b)
}

/// A place in the draft as tabled.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Node {
    /// The title.
    Title,
    /// A clause: its part and its indices from the top of that part down.
    Clause(Part, Vec<usize>),
}

/// One change of a text, in byte offsets of the text as tabled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TextEdit {
    /// The bytes replaced or deleted; empty for an insertion (its point).
    pub range: Range<usize>,
    /// What goes there (empty for a deletion).
    pub new: String,
    /// For an insertion placed by words, those words.
    pub anchor: Option<Range<usize>>,
}

/// What one instruction does to the draft as tabled.
#[derive(Debug, Clone)]
pub(crate) enum Effect {
    /// Words changed in a clause's own text or in the title.
    Text { node: Node, edits: Vec<TextEdit> },
    /// A clause (with its sub-paragraphs) deleted.
    Remove { node: Node },
    /// A clause (with its sub-paragraphs) replaced.
    Replace { node: Node, clauses: Vec<Clause> },
    /// New clauses in a list (the part's, or a clause's sub-paragraphs),
    /// before the draft's clause `gap` (or at the end when `gap` is its length).
    Insert {
        part: Part,
        parent: Vec<usize>,
        gap: usize,
        clauses: Vec<Clause>,
    },
}

/// What an instruction lays claim to, to find collisions.
#[derive(Debug, Clone)]
pub(crate) enum Claim {
    Whole(Node, &'static str),
    Text(Node, Vec<TextEdit>),
    Insert(Part, Vec<usize>),
}

impl Effect {
    pub(crate) fn claim(&self) -> Claim {
        match self {
            Effect::Text { node, edits } => Claim::Text(node.clone(), edits.clone()),
            Effect::Remove { node } => Claim::Whole(node.clone(), "deletes"),
            Effect::Replace { node, .. } => Claim::Whole(node.clone(), "replaces"),
            Effect::Insert { part, parent, .. } => Claim::Insert(*part, parent.clone()),
        }
    }
}

/// `a` is `b` or one of its ancestors.
fn covers(a: &Node, b: &Node) -> bool {
    match (a, b) {
        (Node::Title, Node::Title) => true,
        (Node::Clause(pa, a), Node::Clause(pb, b)) => pa == pb && b.starts_with(a),
        _ => false,
    }
}

/// The name of a place in messages: `OP3(b)`, `the title`.
pub(crate) fn node_name(draft: &Resolution, node: &Node) -> String {
    match node {
        Node::Title => "the title".to_string(),
        Node::Clause(part, path) => clause_at(draft, *part, path)
            .map(|c| c.id.clone())
            .unwrap_or_else(|| "?".to_string()),
    }
}

pub(crate) fn clause_at<'a>(
    draft: &'a Resolution,
    part: Part,
    path: &[usize],
) -> Option<&'a Clause> {
    let (first, rest) = path.split_first()?;
    let mut c = draft.part(part).get(*first)?;
    for &k in rest {
        c = c.children.get(k)?;
    }
    Some(c)
}

fn node_text<'a>(draft: &'a Resolution, node: &Node) -> &'a str {
    match node {
        Node::Title => draft.header.title.as_deref().unwrap_or(""),
        Node::Clause(part, path) => clause_at(draft, *part, path).map_or("", |c| &c.text),
    }
}

/// Why the later claim `b` collides with the earlier `a`, if it does.
fn collision(a: &Claim, b: &Claim, draft: &Resolution) -> Option<String> {
    use Claim::*;
    match (a, b) {
        (Whole(x, verb), Whole(y, _)) if covers(x, y) || covers(y, x) => {
            Some(format!("it already {verb} {}", node_name(draft, x)))
        }
        (Whole(x, verb), Text(y, _)) if covers(x, y) => {
            Some(format!("it already {verb} {}", node_name(draft, x)))
        }
        (Text(x, _), Whole(y, _)) if covers(y, x) => Some(format!(
            "it already changes words in {}",
            node_name(draft, x)
        )),
        (Whole(x, verb), Insert(part, parent)) => {
            let inside = Node::Clause(*part, parent.clone());
            (!parent.is_empty() && covers(x, &inside))
                .then(|| format!("it already {verb} {}", node_name(draft, x)))
        }
        (Insert(part, parent), Whole(y, _)) => {
            let inside = Node::Clause(*part, parent.clone());
            (!parent.is_empty() && covers(y, &inside)).then(|| {
                format!(
                    "it already inserts a sub-paragraph into {}",
                    node_name(draft, &inside)
                )
            })
        }
        (Text(x, ea), Text(y, eb)) if x == y => {
            let text = node_text(draft, x);
            for e in ea {
                for f in eb {
                    if let Some(r) = edits_collide(e, f) {
                        let words = excerpt(text.get(r).unwrap_or(""), 80);
                        let name = node_name(draft, x);
                        let inside = |i: &TextEdit, o: &TextEdit| {
                            o.range.start < i.range.start && i.range.start < o.range.end
                        };
                        return Some(match (e.range.is_empty(), f.range.is_empty()) {
                            (false, true) if inside(f, e) => format!(
                                "it inserts words inside \"{words}\" in {name}, which that instruction changes"
                            ),
                            (false, true) => format!(
                                "it places its words by \"{words}\" in {name}, which that instruction changes"
                            ),
                            (true, false) if inside(e, f) => format!(
                                "it changes \"{words}\" in {name}, inside which that instruction inserts words"
                            ),
                            (true, false) => format!(
                                "it changes \"{words}\" in {name}, by which that instruction places its words"
                            ),
                            _ => format!("both change the words \"{words}\" in {name}"),
                        });
                    }
                }
            }
            None
        }
        _ => None,
    }
}

/// Whether two edits of one text collide: replaced or deleted words that
/// overlap, or an insertion inside (or placed by) words the other changes.
/// Returns the words in dispute.
pub(crate) fn edits_collide(a: &TextEdit, b: &TextEdit) -> Option<Range<usize>> {
    let overlap = |r: &Range<usize>, s: &Range<usize>| r.start < s.end && s.start < r.end;
    let inside = |p: usize, s: &Range<usize>| s.start < p && p < s.end;
    match (a.range.is_empty(), b.range.is_empty()) {
        (false, false) => overlap(&a.range, &b.range).then(|| a.range.clone()),
        (true, true) => None,
        (true, false) => (inside(a.range.start, &b.range)
            || a.anchor.as_ref().is_some_and(|r| overlap(r, &b.range)))
        .then(|| b.range.clone()),
        (false, true) => (inside(b.range.start, &a.range)
            || b.anchor.as_ref().is_some_and(|r| overlap(r, &a.range)))
        .then(|| a.range.clone()),
    }
}

/// Words of the draft and of the amendments, to decide whether a word
/// hyphenated at a line end inside a quotation is one word (`compre-
/// hensive`) or a compound (`long-lasting`).
pub(crate) struct Vocabulary(HashSet<String>);

impl Vocabulary {
    pub(crate) fn new(draft: &Resolution, amendments: &[Amendment]) -> Self {
        let mut words = HashSet::new();
        let mut add = |t: &str| {
            for w in t.split(|c: char| !(c.is_alphanumeric() || c == '-')) {
                if w.len() > 2 {
                    words.insert(w.to_lowercase());
                }
            }
        };
        if let Some(t) = &draft.header.title {
            add(t);
        }
        for c in draft.clauses() {
            c.walk(&mut |d| add(&d.text));
        }
        // the amendments' own words, but not those hyphenated at a line end
        // (their text shows the hyphen) nor any other hyphenated word
        for a in amendments {
            for i in &a.instructions {
                for w in i.text.split(|c: char| !c.is_alphanumeric() && c != '-') {
                    if w.len() > 2 && !w.contains('-') {
                        words.insert(w.to_lowercase());
                    }
                }
            }
        }
        Vocabulary(words)
    }

    /// Resolves the soft hyphens the amendment reader left where a quoted
    /// word was hyphenated at a line end: joined when the joined word is
    /// known and the hyphenated one is not, a hyphen otherwise.
    pub(crate) fn dehyphenate(&self, s: &str) -> String {
        if !s.contains('\u{AD}') {
            return s.to_string();
        }
        let mut out = String::with_capacity(s.len());
        let chars: Vec<char> = s.chars().collect();
        for (k, &c) in chars.iter().enumerate() {
            if c != '\u{AD}' {
                out.push(c);
                continue;
            }
            let left: String = chars[..k]
                .iter()
                .rev()
                .take_while(|c| c.is_alphanumeric())
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let right: String = chars[k + 1..]
                .iter()
                .take_while(|c| c.is_alphanumeric())
                .collect();
            let joined = format!("{left}{right}").to_lowercase();
            let compound = format!("{left}-{right}").to_lowercase();
            if !self.0.contains(&joined) || self.0.contains(&compound) {
                out.push('-');
            }
        }
        out
    }
}

/// Finds which paragraph of the draft a reference names. Returns its path.
pub(crate) fn resolve_ref(
    draft: &Resolution,
    r: &ClauseRef,
) -> std::result::Result<Vec<usize>, String> {
    let list = draft.part(r.part);
    let top = top_index(list, r)?;
    let mut path = vec![top];
    let mut c = &list[top];
    for (depth, s) in r.sub.iter().enumerate() {
        let k = c
            .children
            .iter()
            .position(|k| k.label.as_deref().is_some_and(|l| same_label(l, s)))
            .ok_or_else(|| {
                let shown = ClauseRef {
                    sub: r.sub[..depth].to_vec(),
                    ..r.clone()
                };
                format!(
                    "{shown} ({}) has no subparagraph ({s}) ({})",
                    c.id,
                    describe_labels(&c.children, true)
                )
            })?;
        path.push(k);
        c = &c.children[k];
    }
    Ok(path)
}

fn same_label(a: &str, b: &str) -> bool {
    let n = |s: &str| s.to_lowercase().replace(' ', "");
    n(a) == n(b)
}

/// `its subparagraphs are (a) to (d)`, `it has 2 preambular paragraphs`.
fn describe_labels(list: &[Clause], sub: bool) -> String {
    let labels: Vec<&str> = list.iter().filter_map(|c| c.label.as_deref()).collect();
    match (labels.first(), labels.last(), sub) {
        (_, _, _) if list.is_empty() => {
            if sub {
                "it has no subparagraphs".to_string()
            } else {
                "the draft has none".to_string()
            }
        }
        (Some(a), Some(b), true) => format!("its subparagraphs are ({a}) to ({b})"),
        (Some(a), Some(b), false) => format!("its operative paragraphs are numbered {a} to {b}"),
        _ => format!("the draft has {}", list.len()),
    }
}

fn top_index(list: &[Clause], r: &ClauseRef) -> std::result::Result<usize, String> {
    let kind = match r.part {
        Part::Preamble => "preambular",
        Part::Operative => "operative",
        Part::Annex => "annex",
    };
    let missing = || {
        let why = match r.part {
            Part::Preamble => format!("the draft has {} preambular paragraphs", list.len()),
            _ => describe_labels(list, false),
        };
        format!(
            "there is no {} in the draft ({why})",
            ClauseRef {
                sub: Vec::new(),
                ..r.clone()
            }
        )
    };
    match &r.number {
        Number::Position(n) => (*n >= 1 && *n <= list.len())
            .then(|| n - 1)
            .ok_or_else(missing),
        Number::Last => list.len().checked_sub(1).ok_or_else(missing),
        Number::Only => match list.len() {
            1 => Ok(0),
            0 => Err(missing()),
            n => Err(format!(
                "the draft has {n} {kind} paragraphs: say which one"
            )),
        },
        Number::Label(l) => {
            if let Some(k) = list
                .iter()
                .position(|c| c.label.as_deref().is_some_and(|x| same_label(x, l)))
            {
                return Ok(k);
            }
            // an unnumbered list (a lone operative paragraph) is counted
            if list.iter().all(|c| c.label.is_none())
                && let Ok(n) = l.parse::<usize>()
                && n >= 1
                && n <= list.len()
            {
                return Ok(n - 1);
            }
            Err(missing())
        }
    }
}

/// Where a new clause named `r` (`a new operative paragraph 3 bis`, `a new
/// third preambular paragraph`, `a new subparagraph (c)`) goes: its parent's
/// path and the gap in that list.
fn place_as(draft: &Resolution, r: &ClauseRef) -> std::result::Result<(Vec<usize>, usize), String> {
    let (parent, list): (Vec<usize>, &[Clause]) = if r.sub.is_empty() {
        (Vec::new(), draft.part(r.part))
    } else {
        let up = ClauseRef {
            sub: r.sub[..r.sub.len() - 1].to_vec(),
            ..r.clone()
        };
        let path = resolve_ref(draft, &up)?;
        let c = clause_at(draft, r.part, &path).unwrap();
        (path, &c.children)
    };
    let label = match (r.sub.last(), &r.number) {
        (Some(s), _) => s.clone(),
        (None, Number::Position(n)) => {
            return (*n >= 1 && n - 1 <= list.len())
                .then(|| (parent.clone(), n - 1))
                .ok_or_else(|| {
                    format!(
                        "a new {r} cannot be placed: the draft has {} such paragraphs",
                        list.len()
                    )
                });
        }
        (None, Number::Last) => return Ok((parent, list.len())),
        (None, Number::Only) => return Err("say where the new paragraph goes".to_string()),
        (None, Number::Label(l)) => l.clone(),
    };
    let want = label_order(&label).ok_or_else(|| format!("cannot read the number \"{label}\""))?;
    // after the last clause numbered before it
    let mut gap = 0;
    let mut max = 0;
    for (k, c) in list.iter().enumerate() {
        let have = c
            .label
            .as_deref()
            .and_then(label_order)
            .unwrap_or((k + 1, 0));
        max = max.max(have.0);
        if have < want {
            gap = k + 1;
        }
    }
    if want.1 == 0 && want.0 > max + 1 {
        return Err(format!(
            "a new {r} would not follow the draft's paragraphs ({})",
            describe_labels(list, !r.sub.is_empty())
        ));
    }
    Ok((parent, gap))
}

/// The order of a printed number: `3` is (3, 0), `3 bis` (3, 1), `(c)` (3, 0),
/// `(ii)` (2, 0).
fn label_order(label: &str) -> Option<(usize, usize)> {
    let mut it = label.split_whitespace();
    let base = it.next()?;
    let suffix = match it.next() {
        None => 0,
        Some(s) => {
            [
                "bis",
                "ter",
                "quater",
                "quinquies",
                "sexies",
                "septies",
                "octies",
            ]
            .iter()
            .position(|x| *x == s.to_lowercase())?
                + 1
        }
    };
    let n = if let Ok(n) = base.parse::<usize>() {
        n
    } else if let Some(v) = roman_value(base) {
        v
    } else {
        letters_value(base)?
    };
    Some((n, suffix))
}

/// The value of a Roman numeral label (`xiv` 14, `xc` 90), lower case. A
/// label of one letter repeated other than i, v, x or l (`c`, `dd`, `mm`)
/// is read as list letters: `(c)` comes long before a hundredth item.
pub(crate) fn roman_value(s: &str) -> Option<usize> {
    let lone_letter = letters_value(s).is_some() && !s.starts_with(['i', 'v', 'x', 'l']);
    if lone_letter || !s.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    crate::numbering::roman_value(s)
}

/// One word or punctuation mark of a text, with its comparison key.
struct Tok {
    start: usize,
    end: usize,
    key: String,
}

fn word_tokens(text: &str) -> Vec<Tok> {
    tokenize(text, KeyOptions::default())
        .into_iter()
        .filter(|t| t.kind != TokenKind::Space && t.kind != TokenKind::Break)
        .map(|t| Tok {
            start: t.start as usize,
            end: t.end as usize,
            key: key(t.text(text), t.kind, KeyOptions::default()).into_owned(),
        })
        .collect()
}

fn fold_first(k: &str) -> String {
    let mut c = k.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Where quoted words stand in a text, as byte ranges: they match word for
/// word and mark for mark, whatever the quote style, spacing (no-break
/// spaces included), hyphens inside words and the case of the first letter.
pub(crate) fn find_words(text: &str, words: &str) -> Vec<Range<usize>> {
    let words = words.replace('\u{AD}', "-");
    let w = word_tokens(&words);
    if w.is_empty() {
        return Vec::new();
    }
    let t = word_tokens(text);
    let first = fold_first(&w[0].key);
    let mut out = Vec::new();
    let mut i = 0;
    while i + w.len() <= t.len() {
        let hit = fold_first(&t[i].key) == first
            && w[1..].iter().zip(&t[i + 1..]).all(|(a, b)| a.key == b.key);
        if hit {
            out.push(t[i].start..t[i + w.len() - 1].end);
            i += w.len();
        } else {
            i += 1;
        }
    }
    out
}

/// Why quoted words could not be placed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Miss {
    /// An empty quotation.
    Empty,
    /// The words are not in the text.
    NotFound(String),
    /// They are there more than once (how many times).
    Ambiguous(String, usize),
}

/// The one place (or with `everywhere` every place) of quoted words.
fn place_words(text: &str, words: &str, everywhere: bool) -> Result<Vec<Range<usize>>, Miss> {
    if words.trim().is_empty() {
        return Err(Miss::Empty);
    }
    let hits = find_words(text, words);
    match hits.len() {
        0 => Err(Miss::NotFound(words.to_string())),
        1 => Ok(hits),
        _ if everywhere => Ok(hits),
        n => Err(Miss::Ambiguous(words.to_string(), n)),
    }
}

/// The edits a word instruction makes in a text as tabled. `fix` turns
/// the quoted new words into the words written (line-end hyphens resolved).
pub(crate) fn word_edits(
    text: &str,
    op: &Op,
    fix: &dyn Fn(&str) -> String,
) -> Result<Vec<TextEdit>, Miss> {
    Ok(match op {
        Op::ReplaceWords {
            old,
            new,
            everywhere,
        } => place_words(text, old, *everywhere)?
            .into_iter()
            .map(|r| TextEdit {
                new: keep_first_case(text, r.start, old, &fix(new.trim())),
                range: r,
                anchor: None,
            })
            .collect(),
        Op::DeleteWords { words, everywhere } => place_words(text, words, *everywhere)?
            .into_iter()
            .map(|r| TextEdit {
                range: r,
                new: String::new(),
                anchor: None,
            })
            .collect(),
        Op::InsertWords { at, words } => {
            if words.trim().is_empty() {
                return Err(Miss::Empty);
            }
            let new = fix(words.trim());
            vec![match at {
                WordAnchor::After(a) | WordAnchor::Before(a) => {
                    let r = place_words(text, a, false)?.remove(0);
                    let p = if matches!(at, WordAnchor::After(_)) {
                        r.end
                    } else {
                        r.start
                    };
                    TextEdit {
                        range: p..p,
                        new,
                        anchor: Some(r),
                    }
                }
                WordAnchor::End => {
                    let p = text.trim_end_matches(['.', ',', ';', ':']).len();
                    TextEdit {
                        range: p..p,
                        new,
                        anchor: None,
                    }
                }
                WordAnchor::Start => TextEdit {
                    range: 0..0,
                    new,
                    anchor: None,
                },
            }]
        }
        _ => Vec::new(),
    })
}

/// The message for quoted words that could not be placed: where resdiff
/// looked, and where else in the draft the words are.
fn miss_message(miss: Miss, text: &str, draft: &Resolution, node: &Node) -> String {
    let name = node_name(draft, node);
    let shown = |w: &str| excerpt(&w.replace('\u{AD}', "-"), 80);
    match miss {
        Miss::Empty => "the quotation is empty".to_string(),
        Miss::NotFound(words) => {
            let mut elsewhere: Vec<String> = Vec::new();
            for c in draft.clauses() {
                c.walk(&mut |d| {
                    if d.id != name && !find_words(&d.text, &words).is_empty() {
                        elsewhere.push(d.id.clone());
                    }
                });
            }
            let hint = match elsewhere.len() {
                0 => String::new(),
                _ => format!("; they are in {}", elsewhere.join(", ")),
            };
            format!(
                "the words \"{}\" are not in {} (looked in {name}: \"{}\"){hint}",
                shown(&words),
                describe_node(draft, node),
                excerpt(text, 100)
            )
        }
        Miss::Ambiguous(words, n) => format!(
            "the words \"{}\" occur {n} times in {name}: quote more of the words around them, or say \"wherever they appear\"",
            shown(&words)
        ),
    }
}

/// `operative paragraph 1` or `the title`, from a node.
fn describe_node(draft: &Resolution, node: &Node) -> String {
    match node {
        Node::Title => "the title".to_string(),
        Node::Clause(part, path) => {
            let name = match part {
                Part::Preamble => "preambular paragraph",
                Part::Operative => "operative paragraph",
                Part::Annex => "annex paragraph",
            };
            let c = clause_at(draft, *part, &path[..1]);
            let number = match (part, c.and_then(|c| c.label.as_deref())) {
                (Part::Operative, Some(l)) => l.to_string(),
                _ => (path[0] + 1).to_string(),
            };
            let mut s = format!("{name} {number}");
            let mut c = c;
            for &k in &path[1..] {
                c = c.and_then(|c| c.children.get(k));
                if let Some(l) = c.and_then(|c| c.label.as_deref()) {
                    s.push_str(&format!(" ({l})"));
                }
            }
            s
        }
    }
}

/// Keeps the case of a paragraph's first letter when a quotation replaces
/// its opening words in lower case.
fn keep_first_case(text: &str, at: usize, old: &str, new: &str) -> String {
    let upper_there = text[at..].starts_with(char::is_uppercase);
    let quoted_lower = old.starts_with(char::is_lowercase);
    if at == 0 && upper_there && quoted_lower && new.starts_with(char::is_lowercase) {
        let mut c = new.chars();
        let f = c.next().unwrap();
        f.to_uppercase().chain(c).collect()
    } else {
        new.to_string()
    }
}

/// What one instruction does to the draft as tabled.
pub(crate) fn resolve(
    draft: &Resolution,
    ins: &Instruction,
    vocab: &Vocabulary,
) -> std::result::Result<Effect, String> {
    let node = match &ins.target {
        Target::Title => Node::Title,
        Target::Clause(r) => match &ins.op {
            Op::Insert {
                place: Place::As, ..
            } => Node::Clause(r.part, Vec::new()),
            _ => Node::Clause(r.part, resolve_ref(draft, r)?),
        },
        Target::Part(p) => Node::Clause(*p, Vec::new()),
    };
    let text = match (&node, &ins.op) {
        (Node::Title, _) => draft
            .header
            .title
            .as_deref()
            .ok_or_else(|| "the draft has no title".to_string())?,
        (Node::Clause(part, path), _) if !path.is_empty() => {
            &clause_at(draft, *part, path).unwrap().text
        }
        _ => "",
    };
    let part_of = |n: &Node| match n {
        Node::Clause(p, _) => *p,
        Node::Title => Part::Preamble,
    };
    let word_target = || match (&ins.target, &node) {
        (Target::Part(_), _) => Err("say which paragraph".to_string()),
        _ => Ok(()),
    };
    let fix = |s: &str| vocab.dehyphenate(s);
    let fix: &dyn Fn(&str) -> String = &fix;
    Ok(match &ins.op {
        Op::ReplaceWords { .. } | Op::DeleteWords { .. } | Op::InsertWords { .. } => {
            word_target()?;
            let edits = word_edits(text, &ins.op, &fix)
                .map_err(|miss| miss_message(miss, text, draft, &node))?;
            Effect::Text { node, edits }
        }
        Op::Replace { text: quotes } => match &node {
            Node::Title => Effect::Text {
                node: Node::Title,
                edits: vec![TextEdit {
                    range: 0..text.len(),
                    new: fix(&quotes.join(" ")),
                    anchor: None,
                }],
            },
            Node::Clause(part, path) if !path.is_empty() => {
                let fixed: Vec<String> = quotes.iter().map(|q| fix(q)).collect();
                let mut clauses = clauses_from_quotes(&fixed, *part, path.len() > 1)?;
                // the replaced clause keeps its number; the Secretariat
                // renumbers only where paragraphs come or go
                let old = clause_at(draft, *part, path).unwrap();
                if let Some(first) = clauses.first_mut() {
                    first.label.clone_from(&old.label);
                    first.heading.clone_from(&old.heading);
                }
                Effect::Replace { node, clauses }
            }
            _ => return Err("say which paragraph to replace".to_string()),
        },
        Op::Delete => match &node {
            Node::Title => return Err("the title cannot be deleted, only replaced".to_string()),
            Node::Clause(_, path) if !path.is_empty() => Effect::Remove { node },
            _ => return Err("say which paragraph to delete".to_string()),
        },
        Op::Insert {
            place,
            text: quotes,
        } => {
            let part = part_of(&node);
            if matches!(node, Node::Title) {
                return Err(
                    "new paragraphs go in the preamble or the operative part, not the title"
                        .to_string(),
                );
            }
            let (parent, gap) = match (&ins.target, place) {
                (Target::Clause(r), Place::As) => place_as(draft, r)?,
                (Target::Clause(_), Place::After | Place::Before) => {
                    let Node::Clause(_, path) = &node else {
                        unreachable!()
                    };
                    let (last, up) = path.split_last().unwrap();
                    let gap = if *place == Place::After {
                        last + 1
                    } else {
                        *last
                    };
                    (up.to_vec(), gap)
                }
                (Target::Clause(_), Place::End | Place::Start) => {
                    let Node::Clause(_, path) = &node else {
                        unreachable!()
                    };
                    let c = clause_at(draft, part, path).unwrap();
                    let gap = if *place == Place::End {
                        c.children.len()
                    } else {
                        0
                    };
                    (path.clone(), gap)
                }
                (Target::Part(_), Place::Start) => (Vec::new(), 0),
                (Target::Part(p), _) => (Vec::new(), draft.part(*p).len()),
                (Target::Title, _) => unreachable!(),
            };
            let fixed: Vec<String> = quotes.iter().map(|q| fix(q)).collect();
            let clauses = clauses_from_quotes(&fixed, part, !parent.is_empty())?;
            Effect::Insert {
                part,
                parent,
                gap,
                clauses,
            }
        }
    })
}

/// The kinds of sub-paragraph labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Letter,
    Roman,
    Upper,
    Digit,
}

fn kind_of(label: &str, letter_before: Option<&str>) -> Kind {
    if label.chars().all(|c| c.is_ascii_digit()) {
        return Kind::Digit;
    }
    let base = label.split_whitespace().next().unwrap_or(label);
    if base.starts_with(|c: char| c.is_uppercase()) {
        return Kind::Upper;
    }
    if roman_value(base).is_some() {
        // (i) after (h) is a letter; (i) anywhere else a numeral
        let prev = letter_before.and_then(letters_value);
        let as_letter = letters_value(base);
        if base.len() == 1 && prev.is_some() && as_letter == prev.map(|p| p + 1) {
            return Kind::Letter;
        }
        return Kind::Roman;
    }
    Kind::Letter
}

static MARKER_NUM: std::sync::LazyLock<regex_lite::Regex> = std::sync::LazyLock::new(|| {
    regex_lite::Regex::new(r"^[0-9]{1,3}(?: ?(?:bis|ter|quater|quinquies|sexies))?\.[ \t]+")
        .unwrap()
});
static MARKER_SUB: std::sync::LazyLock<regex_lite::Regex> = std::sync::LazyLock::new(|| {
    regex_lite::Regex::new(r"^\(([A-Za-z]{1,5}|[0-9]{1,2})(?: ?(bis))?\)[ \t]+").unwrap()
});

/// Builds the new clauses a list of quotations makes: each quotation one
/// paragraph; one opening with `(a)`, `(i)`, ... is a sub-paragraph of the
/// paragraph before it (nested by the kind of its label). A paragraph's own
/// number (`3 bis.`) is dropped: the Secretariat numbers.
pub(crate) fn clauses_from_quotes(
    quotes: &[String],
    part: Part,
    sub_level: bool,
) -> std::result::Result<Vec<Clause>, String> {
    // (level, label, text), level 0 the clauses inserted
    let mut items: Vec<(usize, Option<String>, String)> = Vec::new();
    let mut kinds: Vec<(Kind, Option<String>)> = Vec::new(); // per level from 1 (or 0 at sub level)
    for q in quotes {
        let q = q.trim();
        if q.is_empty() {
            return Err("a quotation is empty".to_string());
        }
        let (label, text) = if let Some(c) = MARKER_SUB.captures(q) {
            let l = match c.get(2) {
                Some(_) => format!("{} bis", &c[1]),
                None => c[1].to_string(),
            };
            (Some(l), q[c.get(0).unwrap().end()..].trim().to_string())
        } else if let Some(m) = MARKER_NUM.find(q).filter(|_| !sub_level) {
            (None, q[m.end()..].trim().to_string())
        } else {
            (None, q.to_string())
        };
        if text.is_empty() {
            return Err(format!("the quotation \"{q}\" has no text"));
        }
        let level = match &label {
            None => {
                kinds.clear();
                0
            }
            Some(l) => {
                let letter_before = kinds
                    .iter()
                    .find(|(k, _)| *k == Kind::Letter)
                    .and_then(|(_, last)| last.as_deref());
                let k = kind_of(l, letter_before);
                let base = usize::from(!sub_level);
                let level = match kinds.iter().position(|(x, _)| *x == k) {
                    Some(j) => {
                        kinds.truncate(j + 1);
                        j + base
                    }
                    None => {
                        if !sub_level && items.is_empty() {
                            return Err(format!(
                                "the quotation \"{}\" opens with a sub-paragraph label but no paragraph comes before it",
                                excerpt(q, 60)
                            ));
                        }
                        kinds.push((k, None));
                        kinds.len() - 1 + base
                    }
                };
                if let Some(last) = kinds.last_mut() {
                    last.1 = Some(l.clone());
                }
                level
            }
        };
        items.push((level, label, text));
    }
    // nest by level
    fn take(
        items: &[(usize, Option<String>, String)],
        at: &mut usize,
        level: usize,
        part: Part,
    ) -> Vec<Clause> {
        let mut out = Vec::new();
        while *at < items.len() && items[*at].0 >= level {
            let (l, label, text) = &items[*at];
            *at += 1;
            let children = take(items, at, l + 1, part);
            out.push(Clause {
                id: String::new(),
                part,
                label: label.clone(),
                heading: None,
                lead: None,
                text: text.clone(),
                footnotes: Vec::new(),
                children,
            });
        }
        out
    }
    let mut at = 0;
    Ok(take(&items, &mut at, 0, part))
}

/// Applies text edits (made on `text` as tabled) at once, keeping the
/// footnote marks where they stood. Words inserted get a space on each side
/// unless punctuation or a space is already there; a deletion takes one
/// space with it.
pub(crate) fn apply_text(text: &str, edits: &[&TextEdit]) -> String {
    let mut order: Vec<&&TextEdit> = edits.iter().collect();
    // by position; insertions at one point keep the order of the instructions
    order.sort_by_key(|e| (e.range.start, !e.range.is_empty()));
    let mut out = String::with_capacity(text.len() + 32);
    let mut pos = 0;
    let closing = |c: char| matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']' | '”' | '’');
    let opening = |c: char| matches!(c, '(' | '[' | '“' | '‘');
    for e in order {
        let start = e.range.start.max(pos);
        out.push_str(&text[pos..start]);
        if e.range.is_empty() {
            let w = e.new.trim();
            let right = &text[start..];
            let sep1 = !out.is_empty()
                && !out.ends_with(char::is_whitespace)
                && !out.ends_with(opening)
                && !w.starts_with(closing);
            let sep2 = !right.is_empty()
                && !right.starts_with(char::is_whitespace)
                && !right.starts_with(closing)
                && !w.ends_with(opening);
            if sep1 {
                out.push(' ');
            }
            out.push_str(w);
            if sep2 {
                out.push(' ');
            }
            pos = start;
        } else {
            let end = e.range.end.max(start);
            if e.new.is_empty() {
                let after = &text[end..];
                if out.ends_with(char::is_whitespace)
                    && (after.is_empty()
                        || after.starts_with(char::is_whitespace)
                        || after.starts_with(closing))
                {
                    while out.ends_with(char::is_whitespace) {
                        out.pop();
                    }
                    pos = end;
                } else if out.is_empty()
                    || out.ends_with(char::is_whitespace)
                    || out.ends_with(opening)
                {
                    pos = end + (after.len() - after.trim_start().len());
                } else {
                    pos = end;
                }
            } else {
                out.push_str(&e.new);
                pos = end;
            }
        }
    }
    out.push_str(&text[pos..]);
    out
}

/// Everything the instructions do, gathered by place.
#[derive(Default)]
struct Plan {
    text: HashMap<Node, Vec<TextEdit>>,
    removed: HashSet<Node>,
    replaced: HashMap<Node, Vec<Clause>>,
    inserts: HashMap<(Part, Vec<usize>, usize), Vec<Clause>>,
}

/// Rebuilds the draft with every effect applied, renumbers, and reads the
/// result back as `resdiff show` would.
pub(crate) fn rebuild(draft: &Resolution, effects: Vec<Effect>) -> Result<Resolution> {
    let mut plan = Plan::default();
    for e in effects {
        match e {
            Effect::Text { node, edits } => plan.text.entry(node).or_default().extend(edits),
            Effect::Remove { node } => {
                plan.removed.insert(node);
            }
            Effect::Replace { node, clauses } => {
                plan.replaced.insert(node, clauses);
            }
            Effect::Insert {
                part,
                parent,
                gap,
                clauses,
            } => plan
                .inserts
                .entry((part, parent, gap))
                .or_default()
                .extend(clauses),
        }
    }
    let mut out = draft.clone();
    if let Some(edits) = plan.text.get(&Node::Title)
        && let Some(t) = &draft.header.title
    {
        let refs: Vec<&TextEdit> = edits.iter().collect();
        out.header.title = Some(apply_text(t, &refs));
    }
    for part in [Part::Preamble, Part::Operative] {
        let (list, changed) = rebuild_list(draft.part(part), part, &mut Vec::new(), &plan);
        *out.part_mut(part) = list;
        if changed && part == Part::Operative {
            let n = out.operative.len();
            for (k, c) in out.operative.iter_mut().enumerate() {
                c.label = (n > 1).then(|| (k + 1).to_string());
            }
        }
    }
    // footnotes whose marks went with deleted text go too
    let mut marks: HashSet<String> = HashSet::new();
    for c in out.clauses() {
        c.walk(&mut |d| marks.extend(d.footnotes.iter().map(|f| f.mark.clone())));
    }
    out.footnotes.retain(|f| marks.contains(&f.mark));
    let text = resolution_text(&out);
    let mut r = crate::parse::parse(&Document::from_text(draft.source.clone(), text))?;
    r.notes.clone_from(&draft.notes);
    Ok(r)
}

fn rebuild_list(
    orig: &[Clause],
    part: Part,
    parent: &mut Vec<usize>,
    plan: &Plan,
) -> (Vec<Clause>, bool) {
    let mut out: Vec<Clause> = Vec::with_capacity(orig.len());
    let mut changed = false;
    // the heading of a deleted clause, for the clause that takes its place
    let mut heading: Option<String> = None;
    let push = |out: &mut Vec<Clause>, mut c: Clause, heading: &mut Option<String>| {
        match c.heading {
            None => c.heading = heading.take(),
            Some(_) => *heading = None,
        }
        out.push(c);
    };
    for gap in 0..=orig.len() {
        if let Some(new) = plan.inserts.get(&(part, parent.clone(), gap)) {
            changed = true;
            for c in new {
                push(&mut out, c.clone(), &mut heading);
            }
        }
        let Some(c) = orig.get(gap) else { break };
        parent.push(gap);
        let node = Node::Clause(part, parent.clone());
        if plan.removed.contains(&node) {
            changed = true;
            // a section heading stays with the section
            if c.heading.is_some() {
                heading.clone_from(&c.heading);
            }
        } else if let Some(new) = plan.replaced.get(&node) {
            changed |= new.len() != 1;
            for c in new {
                push(&mut out, c.clone(), &mut heading);
            }
        } else {
            let mut c = c.clone();
            if let Some(edits) = plan.text.get(&node) {
                let refs: Vec<&TextEdit> = edits.iter().collect();
                let (text, at) = apply_text_marks(&c.text, &refs, &c.footnotes);
                c.text = text;
                c.footnotes = at;
            }
            let (children, kids_changed) = rebuild_list(&c.children, part, parent, plan);
            c.children = children;
            if kids_changed {
                relabel(&mut c.children);
            }
            push(&mut out, c, &mut heading);
        }
        parent.pop();
    }
    (out, changed)
}

fn apply_text_marks(
    text: &str,
    edits: &[&TextEdit],
    notes: &[FootnoteRef],
) -> (String, Vec<FootnoteRef>) {
    let t = apply_text(text, edits);
    let positions = note_positions(text, edits, notes);
    let refs = notes
        .iter()
        .zip(positions)
        .map(|(n, at)| FootnoteRef {
            mark: n.mark.clone(),
            at: at.min(t.len()),
        })
        .collect();
    (t, refs)
}

/// Where footnote marks stand after the edits.
fn note_positions(text: &str, edits: &[&TextEdit], notes: &[FootnoteRef]) -> Vec<usize> {
    notes
        .iter()
        .map(|n| {
            // the text before the mark, edited, is as long as the mark's new offset
            let before: Vec<TextEdit> = edits
                .iter()
                .filter(|e| e.range.start < n.at)
                .map(|e| TextEdit {
                    range: e.range.start..e.range.end.min(n.at),
                    new: e.new.clone(),
                    anchor: None,
                })
                .collect();
            let refs: Vec<&TextEdit> = before.iter().collect();
            let head = &text[..n.at.min(text.len())];
            apply_text(head, &refs).len()
        })
        .collect()
}

/// Relabels a list of sub-paragraphs in sequence, in the style of its first label.
fn relabel(list: &mut [Clause]) {
    let Some(first) = list.iter().find_map(|c| c.label.clone()) else {
        return;
    };
    let kind = kind_of(&first, None);
    let kind = if kind == Kind::Roman && first != "i" && first.len() == 1 {
        Kind::Letter
    } else {
        kind
    };
    for (k, c) in list.iter_mut().enumerate() {
        let n = k + 1;
        c.label = Some(match kind {
            Kind::Digit => n.to_string(),
            Kind::Roman => roman(n),
            Kind::Upper => letters(n).to_uppercase(),
            Kind::Letter => letters(n),
        });
    }
}

/// Lower-case Roman numerals (`xiv`).
pub(crate) fn roman(n: usize) -> String {
    crate::numbering::roman(n as i64).to_lowercase()
}

/// `a` ... `z`, then `aa` ... `zz`, `aaa` ...
fn letters(n: usize) -> String {
    crate::numbering::letters(n as i64, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(range: Range<usize>, new: &str) -> TextEdit {
        TextEdit {
            range,
            new: new.to_string(),
            anchor: None,
        }
    }

    fn run(text: &str, edits: &[TextEdit]) -> String {
        let refs: Vec<&TextEdit> = edits.iter().collect();
        apply_text(text, &refs)
    }

    #[test]
    fn spacing_of_insertions_and_deletions() {
        let t = "Calls upon the parties to cease hostilities.";
        assert_eq!(
            run(t, &[edit(10..10, "all")]),
            "Calls upon all the parties to cease hostilities."
        );
        assert_eq!(
            run(t, &[edit(11..11, "all")]),
            "Calls upon all the parties to cease hostilities."
        );
        assert_eq!(
            run(t, &[edit(43..43, ", in line with the Charter")]),
            "Calls upon the parties to cease hostilities, in line with the Charter."
        );
        assert_eq!(
            run(t, &[edit(11..14, "")]),
            "Calls upon parties to cease hostilities."
        );
        assert_eq!(
            run(t, &[edit(0..10, "")]),
            "the parties to cease hostilities."
        );
        assert_eq!(
            run(t, &[edit(32..43, "")]),
            "Calls upon the parties to cease."
        );
        assert_eq!(
            run(t, &[edit(11..14, "all"), edit(15..22, "States")]),
            "Calls upon all States to cease hostilities."
        );
        // insertions at one point keep their order
        assert_eq!(
            run(t, &[edit(10..10, "all"), edit(10..10, "Member")]),
            "Calls upon all Member the parties to cease hostilities."
        );
    }

    #[test]
    fn words_match_whatever_the_typography() {
        let t = "Urges a long-lasting peace in the “region”, and Calls upon";
        assert_eq!(find_words(t, "long lasting").len(), 0);
        assert_eq!(find_words(t, "longlasting peace"), vec![8..26]);
        let at = t.find("in the").unwrap();
        assert_eq!(
            find_words(t, "in the \"region\","),
            vec![at..t.find(" and").unwrap()]
        );
        assert_eq!(find_words(t, "urges a"), vec![0..7]);
        assert_eq!(find_words(t, "calls upon").len(), 1);
        assert_eq!(find_words(t, "Peace").len(), 1);
        assert_eq!(find_words(t, "PEACE").len(), 0);
    }

    #[test]
    fn a_word_broken_at_a_line_end_is_joined_when_the_draft_knows_it() {
        let draft = crate::parse::parse(&Document::from_text(
            "d",
            "The General Assembly,\n\nUrges a comprehensive and long-lasting peace,\n\n1. Decides.\n",
        ))
        .unwrap();
        let v = Vocabulary::new(&draft, &[]);
        assert_eq!(
            v.dehyphenate("a compre\u{AD}hensive peace"),
            "a comprehensive peace"
        );
        assert_eq!(v.dehyphenate("long\u{AD}lasting"), "long-lasting");
        assert_eq!(v.dehyphenate("never\u{AD}seen"), "never-seen");
    }

    #[test]
    fn no_break_spaces_are_spaces() {
        let t = "Calls upon all\u{a0}Member States";
        assert_eq!(find_words(t, "all Member States").len(), 1);
        assert_eq!(find_words("all Member States", "all\u{a0}Member").len(), 1);
    }

    #[test]
    fn romans_and_letters() {
        assert_eq!(roman_value("iv"), Some(4));
        assert_eq!(roman_value("iiii"), None);
        assert_eq!(roman(14), "xiv");
        assert_eq!(letters(27), "aa");
        // from 90 up, as the Secretariat numbers (the old writer stopped at l)
        assert_eq!(roman(89), "lxxxix");
        assert_eq!(roman(90), "xc");
        assert_eq!(roman(3999), "mmmcmxcix");
        assert_eq!(roman_value("xc"), Some(90));
        assert_eq!(roman_value("cd"), Some(400));
        assert_eq!(roman_value("ll"), None);
        assert_eq!(letters(53), "aaa");
        // a lone c, d or m, or one doubled past z, is a letter
        assert_eq!(label_order("c"), Some((3, 0)));
        assert_eq!(label_order("cc"), Some((29, 0)));
        assert_eq!(label_order("xc"), Some((90, 0)));
        assert_eq!(label_order("3 bis"), Some((3, 1)));
        assert_eq!(label_order("c"), Some((3, 0)));
        assert_eq!(label_order("ii"), Some((2, 0)));
        assert_eq!(kind_of("i", Some("h")), Kind::Letter);
        assert_eq!(kind_of("i", None), Kind::Roman);
    }
}
