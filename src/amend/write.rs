//! Writes amendments in the United Nations' phrasing, each instruction checked by applying it.
//!
//! Paragraphs are matched in order (a longest common subsequence of their
//! wording); a paragraph gone is deleted, one new is inserted after the
//! draft paragraph before it, a pair changed in place is edited word by
//! word: each run of changed words becomes `replace the words ... with the
//! words ...`, `delete the words ...` or `after the words ..., insert the
//! words ...`, quoting as many words of the draft as it takes to make them
//! unique. Every instruction is tried on the draft with the code that
//! applies amendments; where word edits would not give the wording exactly,
//! the paragraph is replaced whole.

use similar::{Algorithm, DiffOp, capture_diff_slices};

use super::apply::{TextEdit, apply_text, edits_collide, word_edits};
use super::{Op, WordAnchor, ordinal_word};
use crate::error::{Error, Result};
use crate::parse::{Clause, Part, Resolution};
use crate::render::text::join_names;
use crate::tokens::{KeyOptions, TokenKind, tokenize};

/// What the written document says about itself.
#[derive(Debug, Clone, Default)]
pub struct WriteOptions {
    /// Its own symbol (`A/ES-11/L.15`).
    pub symbol: Option<String>,
    /// Its sponsors.
    pub sponsors: Vec<String>,
}

/// Writes the amendment document whose instructions turn `draft` into
/// `amended`, in plain text as [`parse_amendment`](super::parse_amendment)
/// reads it: a header naming the draft, then numbered instructions.
///
/// Fails only when a text cannot be quoted (it holds both straight quotes
/// and unbalanced curly ones).
///
/// ```
/// use resdiff::amend::{write_amendments, WriteOptions};
/// use resdiff::{load::Document, parse::parse};
/// let draft = parse(&Document::from_text("d", "A/1/L.1\nThe General Assembly,\n\nRecalling its resolutions,\n\n1. Calls upon the parties to cease hostilities;\n\n2. Decides to remain seized of the matter.\n")).unwrap();
/// let new = parse(&Document::from_text("d", "A/1/L.1\nThe General Assembly,\n\nRecalling its resolutions,\n\n1. Calls upon all parties to cease hostilities;\n\n2. Decides to remain seized of the matter.\n")).unwrap();
/// let doc = write_amendments(&draft, &new, &WriteOptions::default()).unwrap();
/// assert!(doc.contains("1. In operative paragraph 1, replace the words “the” with the words “all”."), "{doc}");
/// ```
pub fn write_amendments(
    draft: &Resolution,
    amended: &Resolution,
    opts: &WriteOptions,
) -> Result<String> {
    let mut w = Writer {
        draft,
        items: Vec::new(),
        bad: None,
    };
    if let (Some(a), Some(b)) = (&draft.header.title, &amended.header.title)
        && a != b
    {
        let target = "the title".to_string();
        match w.word_instructions(a, b, &target) {
            Some(mut v) => w.items.append(&mut v),
            None => {
                let q = w.quote(b);
                w.items.push(format!("Replace the title with {q}."));
            }
        }
    }
    for part in [Part::Preamble, Part::Operative] {
        w.lists(draft.part(part), amended.part(part), part, &[]);
    }
    if let Some(bad) = w.bad {
        return Err(Error::input(
            "amendments",
            format!("cannot quote \"{bad}\": it holds straight quotes and unbalanced curly ones"),
        ));
    }

    let mut out = String::new();
    if let Some(s) = &opts.symbol {
        out.push_str(&format!("United Nations {s}\n"));
    }
    if let Some(b) = &draft.header.body {
        out.push_str(&format!("{b}\n"));
    }
    if let Some(s) = &draft.header.session {
        out.push_str(&format!("{s}\n"));
    }
    let target = match &draft.header.symbol {
        Some(s) => format!("draft resolution {s}"),
        None => "the draft resolution".to_string(),
    };
    let kind = if w.items.len() == 1 {
        "amendment"
    } else {
        "amendments"
    };
    match opts.sponsors.as_slice() {
        [] => {
            let mut k = kind.to_string();
            k[..1].make_ascii_uppercase();
            out.push_str(&format!("{k} to {target}\n"));
        }
        s => out.push_str(&format!("{}: {kind} to {target}\n", join_names(s))),
    }
    if let Some(t) = &draft.header.title {
        out.push_str(&format!("{t}\n"));
    }
    for (k, item) in w.items.iter().enumerate() {
        out.push_str(&format!("\n{}. {item}\n", k + 1));
    }
    Ok(out)
}

struct Writer<'a> {
    draft: &'a Resolution,
    items: Vec<String>,
    /// A text that cannot be quoted.
    bad: Option<String>,
}

/// A clause's wording with its sub-paragraphs, to match paragraphs (not
/// their numbers, which follow from their places).
fn key(c: &Clause) -> String {
    let mut s = String::new();
    c.walk(&mut |d| {
        s.push_str(&d.text);
        s.push('\u{1}');
    });
    s
}

/// The words of a clause and its sub-paragraphs.
fn word_set(c: &Clause) -> Vec<String> {
    let text = key(c);
    let mut w: Vec<String> = tokenize(&text, KeyOptions::default())
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.text(&text).to_lowercase())
        .collect();
    w.sort();
    w
}

/// Share of words two clauses have in common (0 to 1), from their words
/// sorted: twice the words in common over the words of both.
pub(super) fn similarity(a: &[String], b: &[String]) -> f32 {
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    if a.is_empty() && b.is_empty() {
        1.0
    } else {
        2.0 * common as f32 / (a.len() + b.len()) as f32
    }
}

/// Which old clauses of a changed run became which new ones: pairs in
/// order with the most words in common (at least half), then the clauses
/// left between them in order; the rest deleted or inserted.
fn pair_up(olds: &[Clause], news: &[Clause]) -> Vec<(usize, usize)> {
    let ow: Vec<Vec<String>> = olds.iter().map(word_set).collect();
    let nw: Vec<Vec<String>> = news.iter().map(word_set).collect();
    let (m, n) = (olds.len(), news.len());
    // best total similarity of olds[i..] with news[j..]
    let mut best = vec![vec![0f32; n + 1]; m + 1];
    // no instruction moves a section heading: paired clauses keep theirs,
    // or take the heading of a clause deleted before them
    let same_heading = |i: usize, j: usize| {
        olds[i].heading == news[j].heading
            || (olds[i].heading.is_none() && olds[..i].iter().any(|o| o.heading == news[j].heading))
    };
    let sim = |i: usize, j: usize| {
        if !same_heading(i, j) {
            return f32::NEG_INFINITY;
        }
        let s = similarity(&ow[i], &nw[j]);
        if s >= 0.5 { s } else { f32::NEG_INFINITY }
    };
    for i in (0..m).rev() {
        for j in (0..n).rev() {
            best[i][j] = best[i + 1][j]
                .max(best[i][j + 1])
                .max(sim(i, j) + best[i + 1][j + 1]);
        }
    }
    let (mut i, mut j, mut similar) = (0, 0, Vec::new());
    while i < m && j < n {
        if best[i][j] == best[i + 1][j] {
            i += 1;
        } else if best[i][j] == best[i][j + 1] {
            j += 1;
        } else {
            similar.push((i, j));
            i += 1;
            j += 1;
        }
    }
    // between two such pairs, clauses left on both sides replace each other
    // in order: "replace operative paragraph 3 with the following" keeps
    // the numbering that a deletion and an insertion would change
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    for &(pi, pj) in similar.iter().chain(std::iter::once(&(m, n))) {
        while i < pi && j < pj {
            if same_heading(i, j) {
                out.push((i, j));
            }
            i += 1;
            j += 1;
        }
        if pi < m {
            out.push((pi, pj));
        }
        (i, j) = (pi + 1, pj + 1);
    }
    out
}

impl Writer<'_> {
    /// A quotation: curly quotes unless the text's own curly quotes are
    /// unbalanced, then straight ones.
    fn quote(&mut self, s: &str) -> String {
        let opens = s.matches('“').count();
        let closes = s.matches('”').count();
        let balanced = opens == closes && {
            let mut depth = 0i32;
            s.chars().all(|c| {
                match c {
                    '“' => depth += 1,
                    '”' => depth -= 1,
                    _ => {}
                }
                depth >= 0
            })
        };
        if balanced && !s.contains('«') && !s.contains('»') {
            format!("“{s}”")
        } else if !s.contains('"') {
            format!("\"{s}\"")
        } else {
            self.bad.get_or_insert_with(|| s.to_string());
            format!("“{s}”")
        }
    }

    /// How an instruction names a paragraph of the draft as tabled.
    fn name(&self, part: Part, path: &[usize]) -> String {
        let list = self.draft.part(part);
        let top = &list[path[0]];
        let mut s = match part {
            Part::Preamble => format!("the {} preambular paragraph", ordinal_word(path[0] + 1)),
            _ => match &top.label {
                // a number printed twice is no name: count instead
                Some(l) if list.iter().filter(|c| c.label.as_ref() == Some(l)).count() == 1 => {
                    format!("operative paragraph {l}")
                }
                Some(_) => format!("the {} operative paragraph", ordinal_word(path[0] + 1)),
                None if list.len() == 1 => "the operative paragraph".to_string(),
                None => format!("the {} operative paragraph", ordinal_word(path[0] + 1)),
            },
        };
        let mut c = top;
        for &k in &path[1..] {
            c = &c.children[k];
            s.push_str(&format!(" ({})", c.label.as_deref().unwrap_or("?")));
        }
        s
    }

    /// The quotations of new clauses: each one's text, its sub-paragraphs
    /// after it with their labels.
    fn quotes(&mut self, clauses: &[Clause], sub_level: bool) -> String {
        let mut q = Vec::new();
        for c in clauses {
            c.walk(&mut |d| {
                let top = std::ptr::eq(d, c);
                let text = match (&d.label, top && !sub_level) {
                    (Some(l), false) => format!("({l}) {}", d.text),
                    _ => d.text.clone(),
                };
                q.push(text);
            });
        }
        q.iter()
            .map(|t| self.quote(t))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Instructions for one list of paragraphs (a part, or a paragraph's
    /// sub-paragraphs).
    fn lists(&mut self, old: &[Clause], new: &[Clause], part: Part, parent: &[usize]) {
        let ok: Vec<String> = old.iter().map(key).collect();
        let nk: Vec<String> = new.iter().map(key).collect();
        for op in capture_diff_slices(Algorithm::Myers, &ok, &nk) {
            match op {
                DiffOp::Equal { .. } => {}
                DiffOp::Delete {
                    old_index, old_len, ..
                } => {
                    for k in old_index..old_index + old_len {
                        self.delete(part, parent, k);
                    }
                }
                DiffOp::Insert {
                    old_index,
                    new_index,
                    new_len,
                } => self.insert(
                    old,
                    &new[new_index..new_index + new_len],
                    part,
                    parent,
                    old_index,
                ),
                DiffOp::Replace {
                    old_index,
                    old_len,
                    new_index,
                    new_len,
                } => {
                    let olds = &old[old_index..old_index + old_len];
                    let news = &new[new_index..new_index + new_len];
                    let pairs = pair_up(olds, news);
                    let paired: Vec<Option<usize>> = (0..new_len)
                        .map(|j| pairs.iter().find(|p| p.1 == j).map(|p| p.0))
                        .collect();
                    for k in 0..old_len {
                        if !pairs.iter().any(|p| p.0 == k) {
                            self.delete(part, parent, old_index + k);
                        }
                    }
                    // each new clause in order: edited from its pair, or
                    // inserted after the last paired clause before it
                    let mut gap = old_index;
                    let mut pending: Vec<Clause> = Vec::new();
                    for (j, p) in paired.iter().enumerate() {
                        match p {
                            Some(k) => {
                                if !pending.is_empty() {
                                    self.insert(old, &pending, part, parent, gap);
                                    pending.clear();
                                }
                                let mut path = parent.to_vec();
                                path.push(old_index + k);
                                self.modify(&olds[*k], &news[j], part, &path);
                                gap = old_index + k + 1;
                            }
                            None => pending.push(news[j].clone()),
                        }
                    }
                    if !pending.is_empty() {
                        self.insert(old, &pending, part, parent, gap);
                    }
                }
            }
        }
    }

    fn delete(&mut self, part: Part, parent: &[usize], k: usize) {
        let mut path = parent.to_vec();
        path.push(k);
        let name = self.name(part, &path);
        self.items.push(format!("Delete {name}."));
    }

    /// New clauses placed before the draft's clause `gap` of a list.
    fn insert(&mut self, old: &[Clause], new: &[Clause], part: Part, parent: &[usize], gap: usize) {
        let sub = !parent.is_empty();
        let what = match (sub, new.len()) {
            (false, 1) => "a new paragraph",
            (false, _) => "the following new paragraphs",
            (true, 1) => "a new subparagraph",
            (true, _) => "the following new subparagraphs",
        };
        let reading = if new.len() == 1 { " reading" } else { "" };
        let quotes = self.quotes(new, sub);
        let item = if gap > 0 {
            let mut path = parent.to_vec();
            path.push(gap - 1);
            format!(
                "After {}, insert {what}{reading}: {quotes}",
                self.name(part, &path)
            )
        } else if !old.is_empty() {
            let mut path = parent.to_vec();
            path.push(0);
            format!(
                "Before {}, insert {what}{reading}: {quotes}",
                self.name(part, &path)
            )
        } else if sub {
            format!(
                "In {}, add {what}{reading}: {quotes}",
                self.name(part, parent)
            )
        } else {
            let kind = match part {
                Part::Preamble => "preambular",
                _ => "operative",
            };
            let what = what.replace("paragraph", &format!("{kind} paragraph"));
            format!("Insert {what}{reading}: {quotes}")
        };
        self.items.push(item);
    }

    /// A paragraph changed in place: its own words, then its sub-paragraphs;
    /// replaced whole where word edits would not give the wording exactly.
    fn modify(&mut self, old: &Clause, new: &Clause, part: Part, path: &[usize]) {
        let name = self.name(part, path);
        let mut sub = Writer {
            draft: self.draft,
            items: Vec::new(),
            bad: None,
        };
        let own = if old.text == new.text {
            Some(Vec::new())
        } else {
            sub.word_instructions(&old.text, &new.text, &name)
        };
        // sub-paragraphs are named by their letters: without one each, or
        // with one printed twice, the paragraph is replaced whole
        let labels: Vec<Option<&String>> = old.children.iter().map(|c| c.label.as_ref()).collect();
        let nameable = labels
            .iter()
            .enumerate()
            .all(|(k, l)| l.is_some() && !labels[..k].contains(l));
        let kids_same = old
            .children
            .iter()
            .map(key)
            .eq(new.children.iter().map(key));
        let own = own.filter(|_| nameable || kids_same);
        match own {
            Some(mut v) => {
                sub.items.append(&mut v);
                sub.lists(&old.children, &new.children, part, path);
                self.items.append(&mut sub.items);
                if self.bad.is_none() {
                    self.bad = sub.bad;
                }
            }
            _ => {
                let quotes = self.quotes(std::slice::from_ref(new), path.len() > 1);
                self.items
                    .push(format!("Replace {name} with the following: {quotes}"));
            }
        }
    }

    /// Word instructions turning `old` into `new`, or `None` when they would
    /// not give `new` exactly.
    fn word_instructions(&mut self, old: &str, new: &str, name: &str) -> Option<Vec<String>> {
        let ot = tokenize(old, KeyOptions::default());
        let nt = tokenize(new, KeyOptions::default());
        let os: Vec<&str> = ot.iter().map(|t| t.text(old)).collect();
        let ns: Vec<&str> = nt.iter().map(|t| t.text(new)).collect();
        // runs of changed tokens; runs apart only by spaces are one
        let mut hunks: Vec<(usize, usize, usize, usize)> = Vec::new();
        for op in capture_diff_slices(Algorithm::Myers, &os, &ns) {
            let (o, ol, n, nl) = match op {
                DiffOp::Equal { .. } => continue,
                DiffOp::Delete {
                    old_index,
                    old_len,
                    new_index,
                } => (old_index, old_len, new_index, 0),
                DiffOp::Insert {
                    old_index,
                    new_index,
                    new_len,
                } => (old_index, 0, new_index, new_len),
                DiffOp::Replace {
                    old_index,
                    old_len,
                    new_index,
                    new_len,
                } => (old_index, old_len, new_index, new_len),
            };
            if let Some(last) = hunks.last_mut()
                && ot[last.1..o].iter().all(|t| t.kind == TokenKind::Space)
            {
                last.1 = o + ol;
                last.3 = n + nl;
                continue;
            }
            hunks.push((o, o + ol, n, n + nl));
        }
        // byte offsets of token boundaries
        let ob = |i: usize| ot.get(i).map_or(old.len(), |t| t.start as usize);
        let nb = |i: usize| nt.get(i).map_or(new.len(), |t| t.start as usize);
        let words = |i: usize| ot[i].kind != TokenKind::Space;

        let mut accepted: Vec<TextEdit> = Vec::new();
        let mut out = Vec::new();
        for (h, &(oa, oz, na, nz)) in hunks.iter().enumerate() {
            // how far the hunk may grow without reaching its neighbours
            let floor = if h == 0 { 0 } else { hunks[h - 1].1 };
            let ceil = hunks.get(h + 1).map_or(ot.len(), |x| x.0);
            let mut found = None;
            let growth =
                std::iter::once((0, 0)).chain((1..=8usize).flat_map(|g| [(g, 0), (0, g), (g, g)]));
            'grow: for (left, right) in growth {
                {
                    // extend by whole words (and the spaces between)
                    let (mut a, mut z) = (oa, oz);
                    let (mut l, mut r) = (left, right);
                    while l > 0 && a > floor {
                        a -= 1;
                        if words(a) {
                            l -= 1;
                        }
                    }
                    while r > 0 && z < ceil {
                        z += 1;
                        if words(z - 1) {
                            r -= 1;
                        }
                    }
                    if l > 0 || r > 0 {
                        continue;
                    }
                    let (b, y) = (na - (oa - a), nz + (z - oz));
                    let expected =
                        format!("{}{}{}", &old[..ob(a)], &new[nb(b)..nb(y)], &old[ob(z)..]);
                    for cand in self.candidates(old, new, (a, z, b, y), &ot, &nt) {
                        let Ok(edits) = word_edits(old, &cand.0, &|s: &str| s.to_string()) else {
                            continue;
                        };
                        let refs: Vec<&TextEdit> = edits.iter().collect();
                        if apply_text(old, &refs) != expected {
                            continue;
                        }
                        if edits
                            .iter()
                            .any(|e| accepted.iter().any(|f| edits_collide(e, f).is_some()))
                        {
                            continue;
                        }
                        found = Some((cand.1, edits));
                        break 'grow;
                    }
                }
            }
            let (text, edits) = found?;
            accepted.extend(edits);
            out.push(text.replacen("{name}", name, 1));
        }
        let refs: Vec<&TextEdit> = accepted.iter().collect();
        (apply_text(old, &refs) == new).then_some(out)
    }

    /// Instructions that may make one change: old tokens `a..z` become new
    /// tokens `b..y`. Each comes with its wording (`{name}` for the paragraph).
    fn candidates(
        &mut self,
        old: &str,
        new: &str,
        (a, z, b, y): (usize, usize, usize, usize),
        ot: &[crate::tokens::Token],
        nt: &[crate::tokens::Token],
    ) -> Vec<(Op, String)> {
        let text = |s: &str, toks: &[crate::tokens::Token], a: usize, z: usize| -> String {
            if a >= z {
                return String::new();
            }
            s[toks[a].start as usize..toks[z - 1].end as usize]
                .trim()
                .to_string()
        };
        let w = text(old, ot, a, z);
        let r = text(new, nt, b, y);
        let mut out = Vec::new();
        match (w.is_empty(), r.is_empty()) {
            (false, false) => {
                let (qw, qr) = (self.quote(&w), self.quote(&r));
                out.push((
                    Op::ReplaceWords {
                        old: w,
                        new: r,
                        everywhere: false,
                    },
                    format!("In {{name}}, replace the words {qw} with the words {qr}."),
                ));
            }
            (false, true) => {
                let qw = self.quote(&w);
                out.push((
                    Op::DeleteWords {
                        words: w,
                        everywhere: false,
                    },
                    format!("In {{name}}, delete the words {qw}."),
                ));
            }
            (true, false) => {
                // placed by the words before, else by the words after
                let words_before: Vec<usize> = (0..a)
                    .rev()
                    .filter(|&i| ot[i].kind != TokenKind::Space)
                    .take(6)
                    .collect();
                let words_after: Vec<usize> = (z..ot.len())
                    .filter(|&i| ot[i].kind != TokenKind::Space)
                    .take(6)
                    .collect();
                let qr = self.quote(&r);
                for k in 1..=words_before.len() {
                    let from = words_before[k - 1];
                    let x = text(old, ot, from, words_before[0] + 1);
                    let qx = self.quote(&x);
                    out.push((
                        Op::InsertWords {
                            at: WordAnchor::After(x),
                            words: r.clone(),
                        },
                        format!("In {{name}}, after the words {qx}, insert the words {qr}."),
                    ));
                }
                for k in 1..=words_after.len() {
                    let to = words_after[k - 1];
                    let x = text(old, ot, words_after[0], to + 1);
                    let qx = self.quote(&x);
                    out.push((
                        Op::InsertWords {
                            at: WordAnchor::Before(x),
                            words: r.clone(),
                        },
                        format!("In {{name}}, before the words {qx}, insert the words {qr}."),
                    ));
                }
            }
            (true, true) => {}
        }
        out
    }
}
