//! Round trip of amendments: random edits of real texts (the bundled drafts,
//! and the shared corpus when it is there) written as an amendment document
//! in the United Nations' phrasing, read back and applied to the draft, give
//! the edited text exactly.

mod common;

use std::sync::OnceLock;

use proptest::prelude::*;
use resdiff::amend::{WriteOptions, apply, parse_amendment, write_amendments};
use resdiff::load::Document;
use resdiff::parse::{Clause, Part, Resolution};
use resdiff::render::resolution_text;

const WORDS: &[&str] = &[
    "the",
    "sovereignty",
    "territorial",
    "integrity",
    "of",
    "Ukraine",
    "all",
    "Member",
    "States",
    "humanitarian",
    "assistance",
    "just,",
    "lasting",
    "and",
    "comprehensive",
    "peace",
    "in line with",
    "the Charter",
    "international law",
    "parties",
    "dialogue",
    "negotiations",
    "report",
    "Secretary-General’s",
    "resolution 2625 (XXV)",
    "immediate",
    "withdrawal",
    "“so-called”",
    "civilians;",
];

/// Every text to edit: name and parsed draft, footnotes taken out (their
/// marks have nothing to do with amendments).
fn drafts() -> &'static [(String, Resolution)] {
    static DRAFTS: OnceLock<Vec<(String, Resolution)>> = OnceLock::new();
    DRAFTS.get_or_init(|| {
        let mut paths = common::files(&common::root().join("resolutions"), "txt");
        let mut texts: Vec<(String, String)> = paths
            .drain(..)
            .map(|p| {
                (
                    p.file_name().unwrap().to_string_lossy().to_string(),
                    std::fs::read_to_string(&p).unwrap(),
                )
            })
            .collect();
        match common::corpus() {
            Some(c) => {
                for dir in ["ga-resolutions-text", "sc-drafts-text"] {
                    for p in common::files(&c.join(dir), "txt") {
                        texts.push((
                            format!("{dir}/{}", p.file_name().unwrap().to_string_lossy()),
                            std::fs::read_to_string(&p).unwrap(),
                        ));
                    }
                }
                for p in common::files(&c.join("sc-drafts"), "json") {
                    texts.push((
                        format!("sc-drafts/{}", p.file_name().unwrap().to_string_lossy()),
                        common::json_content(&p),
                    ));
                }
            }
            None => eprintln!("skipping the corpus texts: only the bundled drafts are edited"),
        }
        texts
            .into_iter()
            .filter_map(|(name, text)| {
                let mut r = resdiff::parse::parse(&Document::from_text(&name, text)).ok()?;
                strip_notes(&mut r);
                // numbered as the Secretariat numbers (a few corpus texts
                // repeat or skip numbers), so that renumbering shows only
                // where paragraphs come and go
                let n = r.operative.len();
                for (k, c) in r.operative.iter_mut().enumerate() {
                    c.label = (n > 1).then(|| (k + 1).to_string());
                }
                // the plain layout is the draft as everyone reads it
                let r = reparse(&r);
                Some((name, r))
            })
            .collect()
    })
}

fn strip_notes(r: &mut Resolution) {
    fn walk(c: &mut Clause) {
        c.footnotes.clear();
        c.children.iter_mut().for_each(walk);
    }
    for part in [Part::Preamble, Part::Operative, Part::Annex] {
        r.part_mut(part).iter_mut().for_each(walk);
    }
    r.footnotes.clear();
}

fn reparse(r: &Resolution) -> Resolution {
    resdiff::parse::parse(&Document::from_text(r.source.clone(), resolution_text(r))).unwrap()
}

#[derive(Debug, Clone)]
enum Edit {
    /// In clause `c` (any depth), words from `at`, `len` of them, become `with`.
    Replace {
        c: usize,
        at: usize,
        len: usize,
        with: Vec<usize>,
    },
    /// Words `with` inserted before word `at` of clause `c`.
    InsertWords {
        c: usize,
        at: usize,
        with: Vec<usize>,
    },
    /// `len` words from `at` deleted.
    DeleteWords { c: usize, at: usize, len: usize },
    /// A new paragraph in a part, at position `at`.
    InsertPara {
        operative: bool,
        at: usize,
        with: Vec<usize>,
    },
    /// A paragraph of a part deleted.
    DeletePara { operative: bool, at: usize },
    /// Words of the title replaced.
    Title {
        at: usize,
        len: usize,
        with: Vec<usize>,
    },
}

fn edit() -> impl Strategy<Value = Edit> {
    let words = || prop::collection::vec(0..WORDS.len(), 1..4);
    prop_oneof![
        (any::<usize>(), any::<usize>(), 1..4usize, words())
            .prop_map(|(c, at, len, with)| Edit::Replace { c, at, len, with }),
        (any::<usize>(), any::<usize>(), words()).prop_map(|(c, at, with)| Edit::InsertWords {
            c,
            at,
            with
        }),
        (any::<usize>(), any::<usize>(), 1..3usize).prop_map(|(c, at, len)| Edit::DeleteWords {
            c,
            at,
            len
        }),
        (
            any::<bool>(),
            any::<usize>(),
            prop::collection::vec(0..WORDS.len(), 3..9)
        )
            .prop_map(|(operative, at, with)| Edit::InsertPara {
                operative,
                at,
                with
            }),
        (any::<bool>(), any::<usize>())
            .prop_map(|(operative, at)| Edit::DeletePara { operative, at }),
        (any::<usize>(), 1..3usize, words()).prop_map(|(at, len, with)| Edit::Title {
            at,
            len,
            with
        }),
    ]
}

/// The clause texts at every depth, by a path, in document order (preamble
/// and operative part).
fn paths(r: &Resolution) -> Vec<(Part, Vec<usize>)> {
    fn walk(c: &Clause, part: Part, path: &mut Vec<usize>, out: &mut Vec<(Part, Vec<usize>)>) {
        out.push((part, path.clone()));
        for (k, d) in c.children.iter().enumerate() {
            path.push(k);
            walk(d, part, path, out);
            path.pop();
        }
    }
    let mut out = Vec::new();
    for part in [Part::Preamble, Part::Operative] {
        for (k, c) in r.part(part).iter().enumerate() {
            walk(c, part, &mut vec![k], &mut out);
        }
    }
    out
}

fn clause_mut<'a>(r: &'a mut Resolution, part: Part, path: &[usize]) -> &'a mut Clause {
    let mut c = &mut r.part_mut(part)[path[0]];
    for &k in &path[1..] {
        c = &mut c.children[k];
    }
    c
}

fn phrase(with: &[usize]) -> String {
    with.iter().map(|&w| WORDS[w]).collect::<Vec<_>>().join(" ")
}

/// Applies edits the way a delegation would in a word processor; operative
/// paragraphs are renumbered where one came or went, as the Secretariat
/// does (a lone one goes unnumbered).
fn edited(draft: &Resolution, edits: &[Edit]) -> Resolution {
    let mut r = draft.clone();
    let mut renumber = false;
    for e in edits {
        match e {
            Edit::Replace { c, at, len, with } => splice(&mut r, *c, *at, *len, with),
            Edit::InsertWords { c, at, with } => splice(&mut r, *c, *at, 0, with),
            Edit::DeleteWords { c, at, len } => {
                let all = paths(&r);
                let (part, path) = &all[c % all.len()];
                let cl = clause_mut(&mut r, *part, path);
                let mut w: Vec<&str> = cl.text.split(' ').collect();
                if w.len() < len + 2 {
                    continue;
                }
                let at = 1 + at % (w.len() - 1 - len);
                w.drain(at..at + len);
                cl.text = w.join(" ");
            }
            Edit::InsertPara {
                operative,
                at,
                with,
            } => {
                let (part, text) = if *operative {
                    (Part::Operative, format!("Decides {};", phrase(with)))
                } else {
                    (Part::Preamble, format!("Recalling also {},", phrase(with)))
                };
                let list = r.part_mut(part);
                let at = at % (list.len() + 1);
                list.insert(
                    at,
                    Clause {
                        id: String::new(),
                        part,
                        label: None,
                        heading: None,
                        lead: None,
                        text,
                        footnotes: Vec::new(),
                        children: Vec::new(),
                    },
                );
                renumber |= *operative;
            }
            Edit::DeletePara { operative, at } => {
                let part = if *operative {
                    Part::Operative
                } else {
                    Part::Preamble
                };
                let list = r.part_mut(part);
                if list.len() <= 1 {
                    continue;
                }
                let at = at % list.len();
                let gone = list.remove(at);
                // a section heading stays with its section
                if let Some(next) = list.get_mut(at)
                    && next.heading.is_none()
                {
                    next.heading = gone.heading;
                }
                renumber |= *operative;
            }
            Edit::Title { at, len, with } => {
                if let Some(t) = &mut r.header.title {
                    let mut w: Vec<String> = t.split(' ').map(String::from).collect();
                    if w.len() >= 3 {
                        let at = 1 + at % (w.len() - 2);
                        let len = (*len).min(w.len() - 1 - at);
                        w.splice(at..at + len, phrase(with).split(' ').map(String::from));
                        *t = w.join(" ");
                    }
                }
            }
        }
    }
    if renumber {
        let n = r.operative.len();
        for (k, c) in r.operative.iter_mut().enumerate() {
            c.label = (n > 1).then(|| (k + 1).to_string());
        }
    }
    reparse(&r)
}

/// Words `at..at + len` of a clause (any depth) replaced by `with`, never
/// its first or last word.
fn splice(r: &mut Resolution, c: usize, at: usize, len: usize, with: &[usize]) {
    let all = paths(r);
    let (part, path) = &all[c % all.len()];
    let cl = clause_mut(r, *part, path);
    let mut w: Vec<String> = cl.text.split(' ').map(String::from).collect();
    // inside the clause: its opening words and closing punctuation make
    // it a clause (and not a heading or a continuation)
    if w.len() < 3 {
        return;
    }
    let at = 1 + at % (w.len() - 2);
    let len = len.min(w.len() - 1 - at);
    let new: Vec<String> = phrase(with).split(' ').map(String::from).collect();
    w.splice(at..at + len, new);
    cl.text = w.join(" ");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn written_amendments_reproduce_the_edited_text(
        which in any::<usize>(),
        edits in prop::collection::vec(edit(), 1..6),
    ) {
        let all = drafts();
        let (name, draft) = &all[which % all.len()];
        let want = edited(draft, &edits);
        let doc = write_amendments(draft, &want, &WriteOptions {
            symbol: Some("A/80/L.99".into()),
            sponsors: vec!["Austria".into(), "Belgium".into()],
        }).unwrap();
        let want_text = resolution_text(&want);
        if want_text == resolution_text(draft) {
            return Ok(());
        }
        let amendment = parse_amendment(&Document::from_text("written.txt", doc.clone()))
            .unwrap_or_else(|e| panic!("{name}: {e}\n{doc}"));
        let got = apply(draft, &[amendment], false)
            .unwrap_or_else(|e| panic!("{name}: {e}\n{doc}"));
        let got_text = resolution_text(&got.resolution);
        prop_assert_eq!(got_text, want_text, "{}: {:?}\n{}", name, edits, doc);
    }
}
