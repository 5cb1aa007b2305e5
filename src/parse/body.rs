//! The body: rebuilds paragraphs from lines (wrapped or not), recognises
//! paragraph numbers and sub-paragraph letters, and nests clauses.

use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

use super::clean::Line;
use super::lang::Lang;
use super::lead::{
    lead_in, looks_like_clause, looks_operative, looks_preambular, opens_with_known_lead,
};
use super::model::{Clause, Part};
use crate::conventions::{Vocabulary, ends_hyphenated, ends_terminal};

/// How a paragraph is numbered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Marker {
    /// `3.`, `3 bis.`, `3)`: an operative paragraph.
    Number { value: u32, label: String },
    /// `(a)`, `(ii)`, `(A)`, `(1)`: a sub-paragraph.
    Sub { label: String },
    /// `PP3`, `OP2 bis`: a negotiation text that names the part explicitly.
    Explicit { part: Part, label: String },
}

/// A paragraph rebuilt from one or more lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Para {
    pub marker: Option<Marker>,
    pub text: String,
    /// A section heading ("Arms embargo") standing alone before a numbered paragraph.
    pub heading: bool,
}

/// Splits "bis"/"ter"/... off the start of `s`: returns the suffix and the rest.
fn latin_suffix(s: &str) -> Option<(&str, &str)> {
    for suffix in ["bis", "ter", "quater", "quinquies", "sexies", "septies"] {
        if let Some(rest) = s.strip_prefix(suffix)
            && !rest.starts_with(|c: char| c.is_alphanumeric())
        {
            return Some((suffix, rest));
        }
    }
    None
}

/// The text after a marker: empty at the end of the line, else after a space.
fn after_marker(rest: &str) -> Option<&str> {
    if rest.is_empty() {
        Some("")
    } else {
        rest.strip_prefix([' ', '\t']).map(str::trim_start)
    }
}

/// Reads a paragraph marker at the start of a line; returns it and the rest.
///
/// Operative numbers: `3.`, `3 bis.`, `3)`. Sub-paragraphs: `(a)`, `(ii)`,
/// `(A)`, `(1)`, `(a bis)`. Negotiation texts: `PP3`, `OP2 bis`.
pub(crate) fn marker(line: &str) -> Option<(Marker, &str)> {
    let first = line.bytes().next()?;
    if first.is_ascii_digit() {
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 4 {
            return None;
        }
        let value: u32 = line[..digits].parse().ok()?;
        let mut rest = &line[digits..];
        let mut label = line[..digits].to_string();
        if let Some((suffix, r)) = latin_suffix(rest.strip_prefix(' ').unwrap_or(rest)) {
            label = format!("{label} {suffix}");
            rest = r;
        }
        let rest = rest.trim_start_matches(' ');
        let rest = rest.strip_prefix(['.', ')'])?;
        let text = after_marker(rest)?;
        return (value > 0).then_some((Marker::Number { value, label }, text));
    }
    if first == b'(' {
        // bytes, not a str slice: byte 16 may fall inside a character
        let close = line.bytes().take(16).position(|b| b == b')')?;
        let inner = &line[1..close];
        let (base, suffix) = match inner.split_once(' ') {
            Some((b, s)) if s == "bis" || s == "ter" => (b, Some(s)),
            Some(_) => return None,
            None => (inner, None),
        };
        let ok = match base.len() {
            0 => false,
            1 | 2 if base.bytes().all(|b| b.is_ascii_digit()) => true,
            1..=3 if base.bytes().all(|b| b.is_ascii_lowercase()) => true,
            1 | 2 if base.bytes().all(|b| b.is_ascii_uppercase()) => true,
            _ => {
                base.bytes().all(|b| b"ivxlcdm".contains(&b))
                    || base.bytes().all(|b| b"IVXLCDM".contains(&b))
            }
        };
        if !ok {
            return None;
        }
        let text = after_marker(&line[close + 1..])?;
        let label = match suffix {
            Some(s) => format!("{base} {s}"),
            None => base.to_string(),
        };
        return Some((Marker::Sub { label }, text));
    }
    if (first == b'P' || first == b'O') && line[1..].starts_with('P') {
        let part = if first == b'P' {
            Part::Preamble
        } else {
            Part::Operative
        };
        let rest = &line[2..];
        let rest = rest.strip_prefix(' ').unwrap_or(rest);
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 3 {
            return None;
        }
        let mut label = rest[..digits].to_string();
        let mut rest = &rest[digits..];
        if let Some((suffix, r)) = latin_suffix(rest.strip_prefix(' ').unwrap_or(rest)) {
            label = format!("{label} {suffix}");
            rest = r;
        }
        let rest = match rest.trim_start_matches(' ').strip_prefix(['.', ':', ')']) {
            Some(r) => r,
            None => rest,
        };
        let text = after_marker(rest)?;
        return Some((Marker::Explicit { part, label }, text));
    }
    None
}

/// Whether a line is an annex heading ("Annex", "Annex II"): one of the
/// heading words, then perhaps a roman or arabic number, and nothing else.
/// Asked of every line, so matched by hand.
pub(crate) fn is_annex_heading(line: &str) -> bool {
    let Some(rest) = ["Annex", "ANNEX", "Appendix", "Attachment"]
        .iter()
        .find_map(|w| line.strip_prefix(w))
    else {
        return false;
    };
    let number = rest.trim_start_matches([' ', '\t']);
    rest.is_empty()
        || (number.len() < rest.len()
            && !number.is_empty()
            && number
                .bytes()
                .all(|b| matches!(b, b'I' | b'V' | b'X' | b'0'..=b'9')))
}

static DOTS: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new(b".."));
static SPACED_DOTS: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new(b". ."));

/// Whether a line has the dot leaders of a table of contents (`. . . .`
/// or `....`).
fn has_dot_leader(s: &str) -> bool {
    // most lines have no ". ." nor "..": a vectorised search says so fast
    if DOTS.find(s.as_bytes()).is_none() && SPACED_DOTS.find(s.as_bytes()).is_none() {
        return false;
    }
    let b = s.as_bytes();
    let mut dots = 0;
    for (k, &c) in b.iter().enumerate() {
        if c == b'.' {
            dots += 1;
            if dots == 4 {
                return true;
            }
        } else if !(c == b' ' && k > 0 && b[k - 1] == b'.') {
            dots = 0;
        }
    }
    false
}

impl Vocabulary {
    /// The words of a body: counted when `split` asks for the repair of
    /// split words; else only where a line ends in a hyphen (to join
    /// "interna-" + "tional"), and none at all in most texts.
    pub fn from_lines(lines: &[Line], split: bool) -> Self {
        if !split && !lines.iter().any(|l| ends_hyphenated(&l.text)) {
            return Vocabulary {
                words: Default::default(),
            };
        }
        Self::from_texts(lines.iter().map(|l| l.text.as_ref()))
    }
}

/// Whether a body shows the marks text extraction leaves when it splits
/// words (`pdftotext`, a PDF viewer's copy): a letter standing alone that is
/// no word (`drough t`, `o f`, `t he`), or a word set apart from its hyphen
/// or its possessive (`de -escalation`, `Somalia ’s`). Only such a text is
/// searched for split words ([`Vocabulary::rejoin_split_words`]): the
/// search costs as much as the rest of the parse, and a clean text has
/// nothing for it to find.
pub(crate) fn shows_split_words(lines: &[Line]) -> bool {
    // this runs on every text: the rare marks are found with memchr, the
    // lone letters by one pass over the bytes that the compiler vectorizes
    // (four times quicker than testing each word's start in turn)
    lines.iter().any(|l| {
        let t: &str = &l.text;
        let b = t.as_bytes();
        // a line's start counts as a space (a wrapped line may open with
        // the piece: "Panel⏎’s")
        if opens_mark(t) {
            return true;
        }
        if memchr::memchr3_iter(b'-', b'\'', 0xE2, b)
            .any(|i| i > 0 && b[i - 1] == b' ' && opens_mark(&t[i..]))
        {
            return true;
        }
        let n = b.len();
        (n >= 2 && b[n - 2] == b' ' && opens_mark(&t[n - 1..])) || has_lone_letter(b)
    })
}

/// Whether a word that opens `rest` is a mark of extraction: a lone letter
/// (not "a", "A" or "I") before a space or at the end, a hyphen opening a
/// word, or a possessive set apart.
fn opens_mark(rest: &str) -> bool {
    let b = rest.as_bytes();
    match b.first() {
        Some(&c) if c.is_ascii_alphabetic() => {
            !matches!(c, b'a' | b'A' | b'I') && matches!(b.get(1), None | Some(b' '))
        }
        Some(b'-') => b.get(1).is_some_and(u8::is_ascii_alphabetic),
        Some(b'\'') => b.get(1) == Some(&b's'),
        Some(0xE2) => {
            (rest.starts_with(['\u{2010}', '\u{2011}'])
                && rest[3..].starts_with(char::is_alphabetic))
                || rest.starts_with("\u{2019}s")
        }
        _ => false,
    }
}

/// Whether `b` holds a letter other than "a", "A" or "I" between two
/// spaces. Tested without short-circuits, so that many bytes are tested at
/// once.
fn has_lone_letter(b: &[u8]) -> bool {
    let mut found = false;
    for w in b.windows(3) {
        let lower = w[1] | 0x20;
        found |= (w[0] == b' ')
            & (w[2] == b' ')
            & lower.is_ascii_lowercase()
            & (w[1] != b'a')
            & (w[1] != b'A')
            & (w[1] != b'I');
    }
    found
}

/// Whether a line opens in lower case as a continued sentence does; a
/// Russian paragraph opening with a lead word of its table does not.
fn lower_start(text: &str, lang: Lang) -> bool {
    text.starts_with(char::is_lowercase) && (lang == Lang::En || lead_in(text, lang).is_none())
}

/// Whether `w` is one of [`SHORT_WORDS`], in any case.
fn is_short_word(w: &str) -> bool {
    w.len() <= 2 && SHORT_WORDS.iter().any(|s| s.eq_ignore_ascii_case(w))
}

/// Function words of one or two letters, known words although the
/// vocabulary keeps only longer ones.
const SHORT_WORDS: &[&str] = &[
    "a", "an", "as", "at", "be", "by", "do", "he", "if", "in", "is", "it", "no", "of", "on", "or",
    "so", "to", "up", "us", "we",
];

impl Vocabulary {
    /// Whether `w` stands as a word elsewhere in the text (its count takes
    /// in the occurrence being judged).
    fn known_elsewhere(&self, w: &str) -> bool {
        self.count(w) >= 2
    }

    /// How often `w` stands in the text, in any case; looked up without a
    /// copy when it has no capital (nearly every word of a body).
    fn count(&self, w: &str) -> u32 {
        let n = if !w.is_ascii() || w.bytes().any(|b| b.is_ascii_uppercase()) {
            self.words.get(&w.to_lowercase())
        } else {
            self.words.get(w)
        };
        n.copied().unwrap_or(0)
    }

    /// Rejoins a word that text extraction split inside a line (`drough t`,
    /// `humani tarian`, `Genev a`, `de -escalation`): two neighbours are one
    /// word when, joined, they make a word that stands elsewhere in the text
    /// and one of them is not a word found elsewhere. Two words that both
    /// stand elsewhere ("every one"), and a function word of one or two
    /// letters and another ("a cross-cutting", "in to", "Genev a"), are
    /// left apart. Short words split by `pdftotext` ("o f", "th e", "t he",
    /// "wit h") join when the joined word is frequent and a piece is no word
    /// or a lone letter; three pieces join around a lone letter
    /// ("resoluti o n"); a piece opening with a hyphen ("Secretary
    /// -General", "gender -based") joins whenever the compound stands
    /// elsewhere; a possessive set apart ("Somalia ’s") always joins.
    /// Borrowed when nothing changes, which is nearly always.
    pub(crate) fn rejoin_split_words<'a>(&self, line: &'a str) -> std::borrow::Cow<'a, str> {
        use std::borrow::Cow;
        let tokens: Vec<&str> = line.split(' ').collect();
        if tokens.len() < 2 {
            return Cow::Borrowed(line);
        }
        // the letters ending a token, and those opening one (after a hyphen)
        fn ending(x: &str) -> &str {
            &x[x.trim_end_matches(char::is_alphabetic).len()..]
        }
        fn opening(y: &str) -> &str {
            &y[..y.len() - y.trim_start_matches(char::is_alphabetic).len()]
        }
        let word = |w: &str| is_short_word(w) || self.known_elsewhere(w);
        // a letter standing alone that is no word ("t he", "th e")
        let lone = |w: &str| w.chars().count() == 1 && !matches!(w, "a" | "A" | "I");
        let frequent = |w: &str| is_short_word(w) || self.count(w) >= 3;
        // Nearly every line of a body has nothing to join: each token's
        // letters, at its end and at its start, are a word found elsewhere,
        // no letter stands alone and no token opens with a hyphen or an
        // apostrophe. Then no pair below can join (see the usual case
        // there), and that is decided with one look-up per token.
        let odd = |w: &str| !w.is_empty() && (lone(w) || !word(w));
        let candidate = |t: &str| {
            if t.starts_with(['-', '\u{2010}', '\u{2011}', '\u{2019}', '\'']) {
                return true;
            }
            let e = ending(t);
            if e.len() == t.len() {
                odd(e)
            } else {
                odd(e) || odd(opening(t))
            }
        };
        if !tokens.iter().any(|t| candidate(t)) {
            return Cow::Borrowed(line);
        }
        // a word ends at y's letters (punctuation or nothing after)
        let ends_word = |rest: &str| {
            !rest.starts_with(|c: char| {
                c.is_alphanumeric() || matches!(c, '-' | '\u{2010}' | '\u{2011}')
            })
        };
        let mut out: Option<String> = None;
        let push = |out: &mut Option<String>, k: usize, piece: &str, space: bool| {
            let o = out.get_or_insert_with(|| tokens[..k].join(" "));
            if space && !o.is_empty() {
                o.push(' ');
            }
            o.push_str(piece);
        };
        let mut k = 0;
        while k < tokens.len() {
            let (x, y) = (tokens[k], tokens.get(k + 1).copied().unwrap_or(""));
            let x_core = ending(x);
            // the usual case, decided before any joined word is formed: two
            // words that both stand elsewhere (or end and open with no
            // letter) are never joined below, unless a hyphen or an
            // apostrophe opens the second or a letter stands alone
            let y_open = opening(y);
            if !y.starts_with(['-', '\u{2010}', '\u{2011}', '\u{2019}', '\''])
                && (x_core.is_empty()
                    || y_open.is_empty()
                    || (!lone(x_core) && !lone(y_open) && word(x_core) && word(y_open)))
            {
                if out.is_some() {
                    push(&mut out, k, x, true);
                }
                k += 1;
                continue;
            }
            // three pieces around a lone letter: "resoluti o n"
            if let Some(z) = tokens.get(k + 2)
                && !x_core.is_empty()
                && y.len() <= 2
                && y.chars().all(|c| c.is_ascii_lowercase())
                && !word(x_core)
            {
                let z_core = opening(z);
                let joined = format!("{x_core}{y}{z_core}");
                if !z_core.is_empty()
                    && (!word(y) || lone(z_core))
                    && ends_word(&z[z_core.len()..])
                    && joined.chars().count() >= 5
                    && self.count(&joined) > 0
                {
                    push(&mut out, k, x, true);
                    push(&mut out, k, y, false);
                    push(&mut out, k, z, false);
                    k += 3;
                    continue;
                }
            }
            // a possessive set apart: "Somalia ’s"
            if !x_core.is_empty()
                && matches!(y.strip_prefix(['\u{2019}', '\'']), Some(r) if r.starts_with('s') && ends_word(&r[1..]))
            {
                push(&mut out, k, x, true);
                push(&mut out, k, y, false);
                k += 2;
                continue;
            }
            let y_body = y.strip_prefix(['-', '\u{2010}', '\u{2011}']).unwrap_or(y);
            let hyphen = &y[..y.len() - y_body.len()];
            let y_core = opening(y_body);
            let joins = !x_core.is_empty()
                && !y_core.is_empty()
                && ends_word(&y_body[y_core.len()..])
                && if hyphen.is_empty() {
                    let joined = format!("{x_core}{y_core}");
                    y_core.starts_with(char::is_lowercase)
                        && ((joined.chars().count() >= 5
                            // "a cross", "a broad", "in to": a function word is a word
                            && !is_short_word(x_core)
                            && !is_short_word(y_core)
                            && self.count(&joined) > 0
                            && !(self.known_elsewhere(x_core) && self.known_elsewhere(y_core)))
                            // "humanitari an", "Genev a" where "Geneva" stands
                            // elsewhere: a function word after no word
                            || (joined.chars().count() >= 5
                                && is_short_word(y_core)
                                && x_core.chars().count() >= 3
                                && !word(x_core)
                                && self.count(&joined) > 0)
                            // "o f", "th e", "t he", "wit h"
                            || (frequent(&joined)
                                && (lone(x_core)
                                    || lone(y_core)
                                    || !(word(x_core) || word(y_core)))))
                } else {
                    // a piece never opens with a hyphen: "gender -based"
                    let joined = format!("{x_core}-{y_core}");
                    self.count(&joined) > 0
                };
            if joins {
                push(&mut out, k, x, true);
                push(&mut out, k, if hyphen.is_empty() { "" } else { "-" }, false);
                push(&mut out, k, y_body, false);
                k += 2;
                continue;
            }
            if out.is_some() {
                push(&mut out, k, x, true);
            }
            k += 1;
        }
        out.map_or(Cow::Borrowed(line), Cow::Owned)
    }
}

/// Rebuilds paragraphs from lines.
///
/// A paragraph ends at a blank line or where the next one is numbered. Text
/// that is hard-wrapped (as copied from a PDF) is joined back: a line that
/// does not end in punctuation always continues; one that does continues
/// unless the next line is indented further, the line is short, or the next
/// line opens like a clause ("Recalling", "Deeply concerned", "Decides").
pub(crate) fn paragraphs(lines: &[Line<'_>], vocab: &Vocabulary, lang: Lang) -> Vec<Para> {
    let nonblank: Vec<&Line> = lines.iter().filter(|l| !l.is_blank()).collect();
    // Hard-wrapped text shows long lines stopping mid-sentence and lines
    // going on in lower case; headings and contents lines are short or
    // dotted and say nothing either way.
    let unterminated = nonblank
        .iter()
        .filter(|l| {
            l.text.len() >= 50
                && !ends_terminal(&l.text)
                && !has_dot_leader(&l.text)
                && marker(&l.text).is_none_or(|(_, r)| !r.is_empty())
        })
        .count();
    let lowercase = nonblank
        .iter()
        .filter(|l| lower_start(&l.text, lang))
        .count();
    let wrapped = nonblank.len() >= 3
        && (unterminated * 4 > nonblank.len() || lowercase * 8 > nonblank.len());
    // the wrap width: how long lines run where a paragraph continues on
    // the next line (texts can mix wrapped and one-line paragraphs)
    // (in characters: a line of "Timor‑Leste" is no longer for its bytes;
    // only wrapped text asks for it)
    let width = if !wrapped {
        80
    } else {
        let mut lens: Vec<usize> = nonblank
            .iter()
            .filter(|l| !ends_terminal(&l.text))
            .map(|l| chars(&l.text))
            .collect();
        if lens.len() < 3 {
            lens = nonblank.iter().map(|l| chars(&l.text)).collect();
        }
        lens.sort_unstable();
        lens.get(lens.len() * 3 / 4).copied().unwrap_or(80)
    };
    // A line fills the measure when the next line's first word would not
    // have fitted on it: wrapping, not the writer, broke the line there. The
    // measure is a low estimate (three lines in four that run on are no
    // longer), so a line that runs on always counts as full.
    let full = |pl: &Line, line: &Line| {
        wrapped && chars(&pl.text) + 1 + chars(line.text.split(' ').next().unwrap_or("")) > width
    };
    // Where a wrapped text separates its paragraphs with blank lines, a
    // single line break never starts one: nearly every line that closes
    // with punctuation and is followed by another is followed by a blank.
    // (and paragraphs run over two lines or more on average: one line a
    // paragraph is no wrapping, whatever a few lines left open suggest)
    let blank_separated = wrapped && {
        let (mut blank_after, mut text_after, mut single) = (0usize, 0usize, 0usize);
        for w in lines.windows(2) {
            single += usize::from(!w[0].is_blank() && !w[1].is_blank());
            if !w[0].is_blank() && ends_terminal(&w[0].text) {
                if w[1].is_blank() {
                    blank_after += 1;
                } else if !w[1].text.starts_with(char::is_lowercase) {
                    text_after += 1;
                }
            }
        }
        blank_after >= 3 && text_after * 10 <= blank_after && single >= blank_after
    };

    // at most one paragraph per line: reserved address space that is not
    // written costs nothing, and the vector is never copied as it grows
    let mut out: Vec<Para> = Vec::with_capacity(nonblank.len());
    let mut cur: Option<Para> = None;
    let mut prev: Option<&Line> = None; // previous non-blank line of the current paragraph
    let mut last_number: u32 = 0;
    // the main sequence's number when a list inside a paragraph restarts
    // at 1 ("7. ... the following:" "1." "2." "3." then "8."): the main
    // sequence resumes after the list
    let mut outer_number: u32 = 0;
    let mut after_blank = true;
    // the last line of the paragraph a blank line closed
    let mut closed: Option<&Line> = None;
    let mut last_sub: Option<String> = None;

    let mut skip = 0;
    for (idx, line) in lines.iter().enumerate() {
        if skip > 0 {
            skip -= 1;
            continue;
        }
        if line.is_blank() {
            // a number alone on its line keeps waiting for its text
            // ("1.⏎⏎Upon receipt of a request", as pdftotext sets a hanging
            // number apart)
            if cur
                .as_ref()
                .is_some_and(|p| p.text.is_empty() && p.marker.is_some())
            {
                continue;
            }
            if let Some(p) = cur.take() {
                out.push(p);
            }
            closed = prev.or(closed);
            prev = None;
            after_blank = true;
            continue;
        }
        let text: &str = &line.text;
        // a marker counts only where a paragraph can end: after a blank line,
        // after punctuation, or (for numbers in wrapped text) in sequence
        let prev_closed = prev.is_none_or(|p| {
            ends_terminal(&p.text) || marker(&p.text).is_some_and(|(_, r)| r.is_empty())
        });
        // A number or letter at a line start after a line that closes with
        // punctuation opens a paragraph. In wrapped text it may also be a
        // reference ("paragraph\n7. of", "paragraph 28\n(b) of"), so there
        // a number must follow in sequence or open like a clause. After a
        // line left open (a heading such as "(e) Support for justice") only
        // the next letter of a list counts, and in wrapped text only before
        // a capital.
        let m = marker(text).filter(|(m, r)| {
            let in_sequence = |value: u32| {
                (last_number + 1..=last_number + 2).contains(&value)
                    || (value == 1 && last_number == 0)
                    || (outer_number > last_number
                        && (outer_number + 1..=outer_number + 2).contains(&value))
            };
            if after_blank || cur.is_none() {
                // a page break in a paragraph left open on a full line: the
                // marker must be one that a line left open takes (a reference
                // running on, "referred to in paragraph⏎⏎(a) of this annex",
                // or an abbreviation, "Court⏎⏎(ICC) by the Government", is no
                // item)
                let left_open = after_blank
                    && wrapped
                    && closed.is_some_and(|c| full(c, line))
                    && out.last().is_some_and(|p| {
                        !p.heading && !p.text.is_empty() && !ends_terminal(&p.text)
                    });
                return !left_open
                    || match m {
                        Marker::Sub { label } => {
                            (next_in_list(label, last_sub.as_deref())
                                && r.starts_with(char::is_uppercase))
                                || (continues_list(label, last_sub.as_deref())
                                    && !reads_as_reference(r))
                        }
                        Marker::Number { value, .. } => {
                            (in_sequence(*value) || *value == last_number) && starts_like_clause(r)
                        }
                        Marker::Explicit { .. } => false,
                    };
            }
            if blank_separated {
                // only the next number, after a line that closes well short
                let pl = prev.expect("a paragraph has a line");
                return matches!(m, Marker::Number { value, .. } if in_sequence(*value))
                    && prev_closed
                    && pl_stops_short(pl, line, width);
            }
            match m {
                // after a line that fills the measure, a number is a
                // paragraph's only if it comes next in sequence or opens
                // like a clause; a paragraph left open takes a number only
                // in one-line-per-paragraph text or after a line that
                // stops well short, in sequence and before a capital
                Marker::Number { value, .. } => {
                    let pl = prev.expect("a paragraph has a line");
                    if !prev_closed {
                        // (the same number again is a slip of the source
                        // that the line itself does not make; a clause's
                        // verb after the number, "as⏎1. Fully supports",
                        // does not run on from a sentence left open, where
                        // a reference goes on in lower case)
                        let indented = line.indent > pl.indent + 1 && line.indent >= 2;
                        (!wrapped
                            || indented
                            || pl_stops_short(pl, line, width)
                            || starts_like_clause(r))
                            && (in_sequence(*value) || *value == last_number)
                            && r.starts_with(char::is_uppercase)
                    } else if full(pl, line) {
                        let indented = line.indent > pl.indent + 1 && line.indent >= 2;
                        (in_sequence(*value) && (last_number > 0 || starts_like_clause(r)))
                            || opens_after_full_line(r)
                            || indented
                    } else {
                        !wrapped
                            || in_sequence(*value)
                            || (last_number..=last_number + 2).contains(value)
                            || *value == 1
                            || last_number == 0
                            || starts_like_clause(r)
                    }
                }
                Marker::Sub { label } => {
                    prev_closed
                        || (next_in_list(label, last_sub.as_deref())
                            && (!wrapped
                                || r.starts_with(char::is_uppercase)
                                || prev.is_some_and(|p| opens_item(p, line))))
                        || (continues_list(label, last_sub.as_deref()) && !reads_as_reference(r))
                }
                Marker::Explicit { .. } => prev_closed,
            }
        });
        // a paragraph number that lost its full stop in extraction ("11
        // Condemns", S/2024/400 through pdftotext): the next number, after
        // a line that closed its paragraph, before a known lead
        let m = m.or_else(|| {
            let (digits, rest) = text.split_once(' ')?;
            let value: u32 = digits.parse().ok()?;
            (digits.len() <= 3
                && value == last_number + 1
                && last_number > 0
                && prev.is_none_or(|p| ends_terminal(&p.text))
                && opens_with_known_lead(rest))
            .then(|| {
                (
                    Marker::Number {
                        value,
                        label: digits.to_string(),
                    },
                    rest,
                )
            })
        });
        if let Some((mk, rest)) = m {
            if let Some(p) = cur.take() {
                // a bare number on its own line takes the next line as its text
                out.push(p);
            }
            match &mk {
                Marker::Number { value, .. } => {
                    if *value == 1 && last_number > 1 {
                        outer_number = outer_number.max(last_number);
                    } else if *value > outer_number {
                        outer_number = 0;
                    }
                    last_number = *value;
                    last_sub = None;
                }
                Marker::Sub { label } => last_sub = Some(label.clone()),
                Marker::Explicit { .. } => {}
            }
            cur = Some(Para {
                marker: Some(mk),
                text: rest.to_string(),
                heading: false,
            });
            prev = Some(line);
            after_blank = false;
            continue;
        }
        let heading = if prev_closed && !(blank_separated && cur.is_some()) {
            section_heading(&lines[idx..], last_number)
        } else {
            0
        };
        // a line of a table of contents (dot leaders) stands alone
        if has_dot_leader(text) {
            if let Some(p) = cur.take() {
                out.push(p);
            }
            out.push(Para {
                marker: None,
                text: text.to_string(),
                heading: false,
            });
            prev = None;
            after_blank = true;
            continue;
        }
        if is_annex_heading(text) || heading > 0 {
            if let Some(p) = cur.take() {
                out.push(p);
            }
            // an annex heading stands alone, and its paragraphs number from 1 again
            let annex = is_annex_heading(text);
            if annex {
                last_number = 0;
                outer_number = 0;
            }
            let take = if annex { 1 } else { heading };
            let mut parts: Vec<&str> = Vec::new();
            let mut taken = 0;
            for l in &lines[idx..] {
                if parts.len() == take {
                    break;
                }
                taken += 1;
                if !l.is_blank() {
                    parts.push(&l.text);
                }
            }
            skip = taken - 1;
            out.push(Para {
                marker: None,
                text: parts.join(" "),
                heading: !annex && heading > 0,
            });
            prev = None;
            after_blank = true;
            continue;
        }
        // blank lines can fall inside a paragraph: one that stopped without
        // closing punctuation, or a line opening in lower case, carries on
        let mut reopened = false;
        // (a heading in capitals is not reopened by the paragraph under it,
        // though a heading in capitals set on two lines is one heading)
        if cur.is_none()
            && after_blank
            && let Some(last) = out.last()
            && !last.heading
            && !last.text.is_empty()
            && !is_annex_heading(&last.text)
            && if in_capitals(&last.text) {
                in_capitals(text) && last.text.ends_with(',')
            } else {
                // nor is an annex's title ("Annex I" / "Delisting procedures")
                let title = out
                    .len()
                    .checked_sub(2)
                    .is_some_and(|k| is_annex_heading(&out[k].text));
                // a page break in the middle of a paragraph: the line
                // before it filled the measure and this one does not open
                // a paragraph (with paragraphs set apart by blank lines, a
                // blank is itself evidence, and any clause opening counts)
                let runs_on = closed
                    .is_some_and(|c| full(c, line) && !ends_operative_part(&c.text))
                    && if blank_separated {
                        !looks_like_clause(text)
                    } else {
                        !opens_after_full_line(text)
                    };
                !title && (lower_start(text, lang) || !ends_terminal(&last.text) || runs_on)
            }
        {
            cur = out.pop();
            reopened = true;
        }
        let continues = match (&cur, prev) {
            (Some(_), None) if reopened => true,
            (None, _) | (_, None) => false,
            (Some(p), Some(pl)) => {
                // a bare number on the line before, a line left open, or a
                // line opening in lower case (no paragraph does) continue
                if p.text.is_empty()
                    || ends_hyphenated(&pl.text)
                    || !ends_terminal(&pl.text)
                    || lower_start(text, lang)
                {
                    true
                } else if !wrapped || ends_operative_part(&pl.text) {
                    false
                } else if blank_separated {
                    true
                } else {
                    // a capitalised word after a line that fills the
                    // measure ("African Charter on Democracy,⏎Elections and
                    // Governance") opens a paragraph only as a known lead
                    let indented = line.indent > pl.indent + 1 && line.indent >= 2;
                    let short = chars(&pl.text) * 4 < width * 3;
                    let clause_like = if full(pl, line) {
                        opens_after_full_line(text)
                    } else {
                        starts_like_clause(text)
                    };
                    !(indented || short || clause_like)
                }
            }
        };
        if continues {
            let p = cur.as_mut().unwrap();
            if p.text.is_empty() {
                p.text = text.to_string();
            } else if ends_hyphenated(&p.text) {
                let cut = p.text.rfind(' ').map_or(0, |i| i + 1);
                let left = p.text[cut..].to_string();
                let first_right_end = text.find(' ').unwrap_or(text.len());
                let joined = vocab.join(&left, &text[..first_right_end]);
                p.text.truncate(cut);
                p.text.push_str(&joined);
                p.text.push_str(&text[first_right_end..]);
            } else {
                p.text.push(' ');
                p.text.push_str(text);
            }
        } else {
            if let Some(p) = cur.take() {
                out.push(p);
            }
            cur = Some(Para {
                marker: None,
                text: text.to_string(),
                heading: false,
            });
        }
        prev = Some(line);
        after_blank = false;
    }
    if let Some(p) = cur.take() {
        out.push(p);
    }
    out.retain(|p| !p.text.is_empty() || p.marker.is_some());
    out
}

/// Whether a line after one that fills the measure opens a paragraph: it
/// starts with a lead of the strength scale, or like a clause but not like
/// a name or title running on ("Elections and Governance", "Restructuring
/// and Rebuilding of PNTL": a capitalised word, a conjunction, a capital).
fn opens_after_full_line(text: &str) -> bool {
    if opens_with_known_lead(text) {
        return true;
    }
    let mut words = text.split(' ');
    let title = words
        .nth(1)
        .is_some_and(|w| matches!(w, "and" | "or" | "&" | "of"))
        && words
            .next()
            .is_some_and(|w| w.starts_with(char::is_uppercase));
    !title && starts_like_clause(text)
}

/// Whether a line ends with the formula that closes a resolution's
/// operative part ("Decides to remain (actively) seized of the matter."):
/// nothing runs on from it, so what follows (an annex without a heading)
/// starts a paragraph however full the line looks.
fn ends_operative_part(text: &str) -> bool {
    let t = text.trim_end();
    t.ends_with("seized of the matter.") || t.ends_with("seized of this matter.")
}

/// The length of a line in characters.
fn chars(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// Whether `pl`, a line left without closing punctuation, stops well short
/// of the measure: the first word of `line` would have fitted on it with a
/// fifth of the measure to spare. Text wrapped at that measure does not
/// break a paragraph there; a writer does.
/// A line far longer than the measure was not wrapped at it either (texts
/// mix wrapped and one-line paragraphs): its end is the writer's too.
fn pl_stops_short(pl: &Line, line: &Line, width: usize) -> bool {
    let len = chars(&pl.text);
    (len + 1 + chars(line.text.split(' ').next().unwrap_or(""))) * 5 <= width * 4
        || len * 2 > width * 3
}

/// How many lines from here form a section heading ("Arms embargo", or
/// "AMISOM" / "Priorities and tasks"): up to three short lines without
/// closing punctuation, the first capitalised, followed by the next
/// numbered paragraph or, in the preamble, by a line opening like a
/// preambular paragraph. Zero when this is not a heading.
fn section_heading(lines: &[Line], last_number: u32) -> usize {
    let first = &lines[0].text;
    if !first.starts_with(char::is_uppercase) {
        return 0;
    }
    match heading_shape(lines, last_number) {
        // (a clause's known lead opens no heading: "Decides to extend the
        // mandate until 31 October" before "5." is a paragraph whose end
        // pdftotext set elsewhere; asked last, as it is the dearest test)
        k if k > 0 && opens_with_known_lead(first) => 0,
        k => k,
    }
}

/// [`section_heading`] but for the lead of its first line.
fn heading_shape(lines: &[Line], last_number: u32) -> usize {
    let first = &lines[0].text;
    let mut short_preamble_heading = true;
    // a heading may wrap after a comma of its own ("Implementation of the
    // Agreement on Peace and Reconciliation in Mali,⏎Political situation
    // and elections"), but its last line is left open
    // (not in a paragraph opening like a clause, "Reaffirming ...,⏎III")
    let mut last_closed = false;
    // (asked only of a first line ending in a comma: the lead test is dear)
    let clause_like = || starts_like_clause(first);
    for (k, l) in lines.iter().filter(|l| !l.is_blank()).enumerate() {
        let t: &str = &l.text;
        if last_closed && (marker(t).is_some() || looks_preambular(t)) {
            return 0;
        }
        if let Some((mk, r)) = marker(t) {
            let follows = match mk {
                // (a paragraph opens with a capital: "and its paragraph⏎1.
                // of the Declaration" is a reference running on)
                Marker::Number { value, .. } => {
                    (r.is_empty() || r.starts_with(|c: char| c.is_uppercase() || c == '('))
                        && ((last_number..=last_number + 2).contains(&value)
                            || (value == 1 && last_number > 1))
                }
                Marker::Explicit { .. } => true,
                Marker::Sub { .. } => false,
            };
            return if follows && k > 0 { k } else { 0 };
        }
        // in the preamble a heading ("Political situation") may come before
        // an unnumbered paragraph that opens like a preambular one; such
        // headings are held to be shorter
        if last_number == 0 && k > 0 && looks_preambular(t) {
            return if short_preamble_heading { k } else { 0 };
        }
        // (the lengths first: they decide most lines without the lead test)
        if k == 3 || t.len() > 120 || t.split(' ').count() > 18 {
            return 0;
        }
        let inner_comma = k < 2 && t.ends_with(',') && !clause_like();
        if ends_terminal(t) && !inner_comma {
            return 0;
        }
        last_closed = inner_comma;
        // (only the preamble asks, so only the preamble pays for the lead test)
        short_preamble_heading &= last_number == 0
            && t.len() <= 80
            && t.split(' ').count() <= 12
            && !starts_like_clause(t);
    }
    0
}

/// A numbered list inside an operative paragraph ("7. Expresses ...:" then
/// "1. ...", "2. ...", "3. ...", then "8. Urges ...") restarts at 1 and the
/// outer numbering resumes after it: its items are sub-paragraphs of the
/// paragraph before them. A restart that never resumes is left alone (an
/// annex starts there).
pub(crate) fn demote_embedded_lists(paras: &mut [Para]) {
    let number = |p: &Para| match &p.marker {
        Some(Marker::Number { value, .. }) => Some(*value),
        _ => None,
    };
    let mut top = 0;
    let mut i = 0;
    while i < paras.len() {
        let Some(v) = number(&paras[i]) else {
            i += 1;
            continue;
        };
        if v == 1 && top > 1 {
            // the run of the restarted list
            let mut end = i + 1;
            let mut expect = 2;
            while end < paras.len() {
                match number(&paras[end]) {
                    // the outer numbering resuming reads like an operative paragraph
                    Some(n) if n == top + 1 && looks_operative(&paras[end].text) => break,
                    Some(n) if n == expect => expect += 1,
                    Some(_) => break,
                    None => {}
                }
                end += 1;
            }
            if end < paras.len()
                && number(&paras[end]).is_some_and(|n| n == top + 1 || n == top + 2)
            {
                for p in &mut paras[i..end] {
                    if let Some(Marker::Number { label, .. }) = &p.marker {
                        p.marker = Some(Marker::Sub {
                            label: label.clone(),
                        });
                    }
                }
                i = end;
                continue;
            }
        }
        top = v;
        i += 1;
    }
}

/// The index of the last paragraph numbered in the main operative sequence
/// (1, 2, 3, ... without a restart).
pub(crate) fn last_main_number(paras: &[Para]) -> usize {
    let mut expect = 1;
    let mut last = 0;
    for (i, p) in paras.iter().enumerate() {
        if let Some(Marker::Number { value, .. }) = &p.marker {
            if *value >= expect && *value <= expect + 2 {
                expect = value + 1;
                last = i;
            } else if *value == 1 && expect > 2 {
                break;
            }
        }
    }
    last
}

/// Whether a text is set in capitals, as headings are ("THE HOUTHIS, AKA:
/// ANSARALLAH"): two or more words and no lower-case letter.
fn in_capitals(text: &str) -> bool {
    // the lower-case test first: it fails at once on ordinary text
    !text.chars().any(char::is_lowercase)
        && text.chars().any(char::is_uppercase)
        && text
            .split(' ')
            .filter(|w| w.chars().any(char::is_alphabetic))
            .nth(1)
            .is_some()
}

/// Whether `line`, carrying the next letter of a list after the line `prev`
/// that was left open, starts an item in wrapped text even in lower case:
/// after a connector standing alone ("(i) ...;" "and/or" "(ii) ..."), or
/// indented further than `prev` ("..., shall" then an indented "(a) prioritize"),
/// where a reference running on ("paragraph 3\n(a) of resolution") is not.
fn opens_item(prev: &Line, line: &Line) -> bool {
    matches!(&*prev.text, "and" | "or" | "and/or" | "or/and" | "and, or")
        || (line.indent > prev.indent + 1 && line.indent >= 2)
        || opens_list_after_verb(prev, line)
}

/// Whether `line` opens a list whose items complete the verb that ends
/// `prev` ("..., shall" then "(a) prioritize the provision"), as
/// `pdftotext` gives the list without its indentation: the first letter of
/// a list after a modal or "to", not a reference ("shall⏎(a) of").
fn opens_list_after_verb(prev: &Line, line: &Line) -> bool {
    let last = prev.text.rsplit(' ').next().unwrap_or("");
    matches!(
        last,
        "shall" | "will" | "should" | "must" | "may" | "would" | "to"
    ) && marker(&line.text).is_some_and(|(m, r)| {
        matches!(&m, Marker::Sub { label } if matches!(label.as_str(), "a" | "i"))
            && !reads_as_reference(r)
    })
}

/// Whether `label` follows `last` in its list ("b" after "a", "ii" after
/// "i"): the next item even when the one before was left open, as in a
/// draft whose item "(i) ... whether and how the mission's" lost its end.
fn continues_list(label: &str, last: Option<&str>) -> bool {
    let Some(last) = last else { return false };
    let succ = |f: fn(&str) -> Option<u32>| f(last).zip(f(label)).is_some_and(|(a, b)| b == a + 1);
    succ(alpha_value) || succ(roman_value)
}

/// Whether the text after a letter reads as a reference running on
/// ("(b) of paragraph 5", "(b) above", "(b) and (c)") rather than an item.
fn reads_as_reference(rest: &str) -> bool {
    let first = rest.split(' ').next().unwrap_or("");
    rest.is_empty()
        || rest
            .starts_with(|c: char| c.is_ascii_digit() || matches!(c, '(' | ')' | ',' | ';' | '.'))
        || matches!(
            first.trim_end_matches([',', ';', '.']),
            "of" | "above" | "below" | "and" | "or" | "hereof" | "thereof" | "herein"
        )
}

/// Whether a sub-paragraph letter can come next: the first of a new list
/// (`a`, `i`, `A`, `I`, `1`) or the successor of the last one seen.
fn next_in_list(label: &str, last: Option<&str>) -> bool {
    matches!(label, "a" | "i" | "A" | "I" | "1")
        || continues_list(label, last)
        || last.is_some_and(|last| {
            let (a, b) = (last.parse::<u32>().ok(), label.parse::<u32>().ok());
            a.zip(b).is_some_and(|(a, b)| b == a + 1)
        })
}

/// Whether a line opens the way preambular or operative paragraphs do.
pub(crate) fn starts_like_clause(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("");
    if matches!(
        first,
        "United" | "States" | "Nations" | "Member" | "Parties" | "Forces" | "Affairs" | "Rights"
    ) {
        return false;
    }
    looks_like_clause(text)
}

/// Sub-paragraph numbering styles, outermost first by convention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    LowerAlpha,
    LowerRoman,
    UpperAlpha,
    UpperRoman,
    Digit,
}

fn roman_value(s: &str) -> Option<u32> {
    let s = s.to_ascii_lowercase();
    let val = |c| match c {
        'i' => Some(1),
        'v' => Some(5),
        'x' => Some(10),
        'l' => Some(50),
        'c' => Some(100),
        'd' => Some(500),
        'm' => Some(1000),
        _ => None,
    };
    let digits: Option<Vec<u32>> = s.chars().map(val).collect();
    let digits = digits?;
    let mut total = 0;
    for (k, d) in digits.iter().enumerate() {
        if digits.get(k + 1).is_some_and(|n| n > d) {
            total -= *d as i64;
        } else {
            total += *d as i64;
        }
    }
    (total > 0 && total < 4000).then_some(total as u32)
}

fn alpha_value(s: &str) -> Option<u32> {
    let c = s.chars().next()?.to_ascii_lowercase();
    if !c.is_ascii_lowercase() || !s.chars().all(|x| x.to_ascii_lowercase() == c) {
        return None;
    }
    Some((c as u32 - 'a' as u32 + 1) + 26 * (s.len() as u32 - 1))
}

/// One level of the clause being built, with its numbering style.
struct Open {
    clause: Clause,
    style: Option<(Style, u32)>,
}

/// Builds the clause tree from paragraphs.
pub(crate) struct Builder {
    part: Part,
    stack: Vec<Open>,
    preamble: Vec<Clause>,
    operative: Vec<Clause>,
    annex: Vec<Clause>,
    numbered_ops: bool,
    heading: Option<String>,
    last_number: u32,
    /// Which annex the annex clauses opened now belong to (1 for the first;
    /// 0 before any), whether it has clauses yet and whether numbered ones,
    /// and the annex of each clause in `annex`.
    annex_no: usize,
    annex_open: bool,
    annex_numbered: bool,
    annex_of: Vec<usize>,
    /// Paragraphs pushed so far, and the index of the last paragraph of the
    /// main operative numbering.
    pushed: usize,
    last_main: usize,
    /// The language, for the lead words.
    pub lang: Lang,
}

impl Builder {
    pub fn new() -> Self {
        Builder {
            part: Part::Preamble,
            stack: Vec::new(),
            preamble: Vec::new(),
            operative: Vec::new(),
            annex: Vec::new(),
            numbered_ops: false,
            heading: None,
            last_number: 0,
            annex_no: 0,
            annex_open: false,
            annex_numbered: false,
            annex_of: Vec::new(),
            pushed: 0,
            last_main: 0,
            lang: Lang::En,
        }
    }

    fn clause(part: Part, label: Option<String>, text: String) -> Clause {
        Clause {
            id: String::new(),
            part,
            label,
            heading: None,
            lead: None,
            text,
            footnotes: Vec::new(),
            children: Vec::new(),
        }
    }

    /// Closes open clauses down to `depth` levels.
    fn close_to(&mut self, depth: usize) {
        while self.stack.len() > depth {
            let open = self.stack.pop().unwrap();
            match self.stack.last_mut() {
                Some(parent) => parent.clause.children.push(open.clause),
                None => {
                    let part = open.clause.part;
                    match part {
                        Part::Preamble => self.preamble.push(open.clause),
                        Part::Operative => self.operative.push(open.clause),
                        Part::Annex => {
                            self.annex.push(open.clause);
                            self.annex_of.push(self.annex_no);
                        }
                    }
                }
            }
        }
    }

    fn top_level(&mut self, part: Part, label: Option<String>, text: String) {
        self.close_to(0);
        if part == Part::Annex {
            self.annex_no = self.annex_no.max(1);
            self.annex_open = true;
        }
        self.part = part;
        self.stack.push(Open {
            clause: Self::clause(part, label, text),
            style: None,
        });
    }

    /// Appends text to the innermost open clause.
    fn append(&mut self, text: &str) {
        match self.stack.last_mut() {
            Some(open) => {
                if !open.clause.text.is_empty() {
                    open.clause.text.push(' ');
                }
                open.clause.text.push_str(text);
            }
            None => self.top_level(self.part, None, text.to_string()),
        }
    }

    fn sub(&mut self, label: String, text: String) {
        let base = label.split(' ').next().unwrap_or(&label).to_string();
        let has =
            |st: Style, stack: &[Open]| stack.iter().any(|o| o.style.is_some_and(|(s, _)| s == st));
        let last_of = |st: Style, stack: &[Open]| {
            stack
                .iter()
                .rev()
                .find_map(|o| o.style.filter(|(s, _)| *s == st).map(|(_, v)| v))
        };
        let style = if base.chars().all(|c| c.is_ascii_digit()) {
            Style::Digit
        } else if base.chars().all(|c| c.is_ascii_lowercase()) {
            let alpha = alpha_value(&base);
            let roman = roman_value(&base);
            match (alpha, roman) {
                (Some(a), Some(r)) => {
                    if last_of(Style::LowerAlpha, &self.stack) == Some(a - 1) {
                        Style::LowerAlpha
                    } else if last_of(Style::LowerRoman, &self.stack) == Some(r - 1)
                        || r == 1
                        || base.len() > 1
                    {
                        Style::LowerRoman
                    } else {
                        Style::LowerAlpha
                    }
                }
                (None, Some(_)) => Style::LowerRoman,
                _ => Style::LowerAlpha,
            }
        } else {
            let alpha = alpha_value(&base);
            let roman = roman_value(&base);
            match (alpha, roman) {
                (Some(a), Some(r)) => {
                    if last_of(Style::UpperAlpha, &self.stack) == Some(a - 1) {
                        Style::UpperAlpha
                    } else if last_of(Style::UpperRoman, &self.stack) == Some(r - 1)
                        || r == 1
                        || base.len() > 1
                    {
                        Style::UpperRoman
                    } else {
                        Style::UpperAlpha
                    }
                }
                (None, Some(_)) => Style::UpperRoman,
                _ => Style::UpperAlpha,
            }
        };
        let value = match style {
            Style::Digit => base.parse().unwrap_or(0),
            Style::LowerAlpha | Style::UpperAlpha => alpha_value(&base).unwrap_or(0),
            Style::LowerRoman | Style::UpperRoman => roman_value(&base).unwrap_or(0),
        };
        if self.stack.is_empty() {
            // a lettered paragraph with nothing to hang from: keep it as a clause of its own
            self.top_level(self.part, Some(label), text);
            return;
        }
        let depth = if has(style, &self.stack) {
            self.stack
                .iter()
                .position(|o| o.style.is_some_and(|(s, _)| s == style))
                .unwrap()
        } else {
            self.stack.len()
        };
        self.close_to(depth);
        let part = self.stack[0].clause.part;
        self.stack.push(Open {
            clause: Self::clause(part, Some(label), text),
            style: Some((style, value)),
        });
    }

    /// Adds one paragraph.
    pub fn push(&mut self, para: Para) {
        self.pushed += 1;
        if para.heading {
            self.heading = Some(para.text);
            return;
        }
        let heading = self.heading.take();
        let top = self.top_count();
        self.push_para(para);
        if heading.is_some()
            && self.top_count() > top
            && let Some(open) = self.stack.first_mut()
        {
            open.clause.heading = heading;
        }
    }

    fn top_count(&self) -> usize {
        self.preamble.len()
            + self.operative.len()
            + self.annex.len()
            + usize::from(!self.stack.is_empty())
    }

    /// Tells the builder where the main operative numbering ends (the index
    /// of its last paragraph): only after it can unnumbered text start an annex.
    pub fn set_last_main(&mut self, index: usize) {
        self.last_main = index;
    }

    /// Makes room for `paras` paragraphs in the preamble and the operative
    /// part alike, so that neither list is copied as it grows: room that is
    /// not used is address space, not memory.
    pub fn reserve(&mut self, paras: usize) {
        self.preamble.reserve(paras);
        self.operative.reserve(paras);
    }

    fn push_para(&mut self, para: Para) {
        match para.marker {
            Some(Marker::Number { value, label }) => {
                // numbering that starts again at 1 after the operative part
                // belongs to an annex (a statute, a list of tasks)
                if value == 1 && self.part == Part::Operative && self.last_number > 1 {
                    self.part = Part::Annex;
                } else if value == 1 && self.part == Part::Annex && self.annex_numbered {
                    // numbering that starts again in an annex: the next annex
                    self.next_annex();
                }
                self.last_number = value;
                let part = if self.part == Part::Annex {
                    self.annex_numbered = true;
                    Part::Annex
                } else {
                    Part::Operative
                };
                if part == Part::Operative {
                    self.numbered_ops = true;
                }
                self.top_level(part, Some(label), para.text);
            }
            Some(Marker::Explicit { part, label }) => {
                if part == Part::Operative {
                    self.numbered_ops = true;
                }
                self.top_level(part, Some(label), para.text);
            }
            Some(Marker::Sub { label }) => self.sub(label, para.text),
            None => {
                let text = para.text;
                if is_annex_heading(&text) {
                    self.close_to(0);
                    if self.annex_open || self.annex_no == 0 {
                        self.next_annex();
                    }
                    self.part = Part::Annex;
                    return;
                }
                match self.part {
                    Part::Preamble => {
                        let ends = text
                            .trim_end_matches(['"', '”', '’', ')'])
                            .chars()
                            .last()
                            .unwrap_or(' ');
                        if matches!(ends, '.' | ';') && looks_operative(&text) {
                            self.top_level(Part::Operative, None, text);
                        } else {
                            self.top_level(Part::Preamble, None, text);
                        }
                    }
                    Part::Operative => {
                        let closed = self.stack.first().is_some_and(|o| {
                            o.clause.text.ends_with('.') && o.clause.children.is_empty()
                        });
                        if !self.numbered_ops && looks_operative(&text) {
                            self.top_level(Part::Operative, None, text);
                        } else if self.numbered_ops
                            && closed
                            && self.stack.len() == 1
                            && self.pushed > self.last_main
                        {
                            // after the closing full stop of the operative part,
                            // unnumbered text is an annex ("Contents", a statute)
                            self.top_level(Part::Annex, None, text);
                        } else {
                            self.append(&text);
                        }
                    }
                    Part::Annex => self.top_level(Part::Annex, None, text),
                }
            }
        }
    }

    /// Closes the annex being read: clauses from here on belong to the next one.
    fn next_annex(&mut self) {
        self.close_to(0);
        self.annex_no += 1;
        self.annex_open = false;
        self.annex_numbered = false;
    }

    /// Finishes: closes open clauses and assigns ids and leads.
    pub fn finish(mut self) -> (Vec<Clause>, Vec<Clause>, Vec<Clause>) {
        self.close_to(0);
        assign_ids(Part::Preamble, &mut self.preamble, &[], self.lang);
        assign_ids(Part::Operative, &mut self.operative, &[], self.lang);
        assign_ids(Part::Annex, &mut self.annex, &self.annex_of, self.lang);
        (self.preamble, self.operative, self.annex)
    }
}

/// Gives each clause its id (`PP2`, `OP3`, `OP3(a)(ii)`, `AN4`) and lead;
/// ids are made unique if a draft repeats a number.
///
/// `annex_of` says which annex each clause of an annex belongs to: those of
/// the first are `AN1`, `AN2` ..., those of the second `AN2.1`, `AN2.2` ...
/// (annex 2, paragraph 1), and so on; unnumbered paragraphs are counted
/// within their annex.
fn assign_ids(part: Part, list: &mut [Clause], annex_of: &[usize], lang: Lang) {
    let mut annex = 0;
    let mut k = 0;
    for (i, c) in list.iter_mut().enumerate() {
        let of = annex_of.get(i).copied().unwrap_or(1);
        if of != annex {
            (annex, k) = (of, 0);
        }
        k += 1;
        let number = match (&c.label, part) {
            (Some(l), Part::Operative | Part::Annex) => l.replace(' ', ""),
            _ => k.to_string(),
        };
        c.id = if annex > 1 {
            format!("{}{annex}.{number}", part.prefix())
        } else {
            format!("{}{number}", part.prefix())
        };
        assign_child_ids(c, lang);
    }
    // repeated numbers are rare: look for them once, fix them only if found
    let mut seen: HashSet<&str> = HashSet::with_capacity_and_hasher(list.len(), Default::default());
    let mut repeated = false;
    for c in list.iter() {
        c.walk(&mut |d| repeated |= !seen.insert(d.id.as_str()));
    }
    if repeated {
        let mut seen: HashSet<String> = HashSet::default();
        for c in list.iter_mut() {
            dedupe(c, &mut seen);
        }
    }
}

fn assign_child_ids(c: &mut Clause, lang: Lang) {
    c.lead = lead_in(&c.text, lang);
    for (k, child) in c.children.iter_mut().enumerate() {
        let label = child
            .label
            .clone()
            .unwrap_or_else(|| (k + 1).to_string())
            .replace(' ', "");
        child.id = format!("{}({label})", c.id);
        assign_child_ids(child, lang);
    }
}

/// Makes ids unique by suffixing `-2`, `-3`, ... to repeats, keeping
/// children under their parent's new id.
fn dedupe(c: &mut Clause, seen: &mut HashSet<String>) {
    if !seen.insert(c.id.clone()) {
        let mut n = 2;
        while seen.contains(&format!("{}-{n}", c.id)) {
            n += 1;
        }
        let new_id = format!("{}-{n}", c.id);
        let old_id = std::mem::replace(&mut c.id, new_id.clone());
        seen.insert(new_id.clone());
        for child in &mut c.children {
            rename_prefix(child, &old_id, &new_id);
        }
    }
    for child in &mut c.children {
        dedupe(child, seen);
    }
}

fn rename_prefix(c: &mut Clause, old: &str, new: &str) {
    if let Some(rest) = c.id.strip_prefix(old) {
        c.id = format!("{new}{rest}");
    }
    for child in &mut c.children {
        rename_prefix(child, old, new);
    }
}

#[cfg(test)]
mod tests {
    use super::super::clean::lines;
    use super::*;

    fn paras(text: &str) -> Vec<Para> {
        let l = lines(text);
        let v = Vocabulary::from_lines(&l, shows_split_words(&l));
        paragraphs(&l, &v, Lang::En)
    }

    /// Every clause of a parsed text: its id, and its heading if it has one.
    fn clauses(text: &str) -> Vec<(String, Option<String>, String)> {
        let doc = crate::load::Document::from_text("t", text);
        let res = crate::parse::parse(&doc).unwrap();
        let mut out = Vec::new();
        for top in res.clauses() {
            top.walk(&mut |c| out.push((c.id.clone(), c.heading.clone(), c.text.clone())));
        }
        out
    }

    fn ids(text: &str) -> Vec<String> {
        clauses(text).into_iter().map(|c| c.0).collect()
    }

    // The cases below are what reading the 34 Security Council drafts' own
    // reference texts against their PDFs showed the parser getting wrong.

    #[test]
    fn a_heading_in_the_preamble_heads_the_paragraph_under_it() {
        let c = clauses(
            "The Security Council,\nRecalling the commitments of the DDPD,\nPolitical situation\nReiterating that there can be no military solution,\nNoting that the Government has continued,\n1. Decides to remain seized of the matter.\n",
        );
        assert_eq!(c[1].0, "PP2");
        assert_eq!(c[1].1.as_deref(), Some("Political situation"));
        assert!(c[1].2.starts_with("Reiterating"), "{:?}", c[1]);
        assert_eq!(c.len(), 4);
    }

    #[test]
    fn a_long_line_before_a_preambular_paragraph_is_no_heading() {
        // a paragraph that lost its closing comma is still a paragraph
        let c = clauses(
            "The Security Council,\nRecalling the commitments of the DDPD,\nThe Council of the European Union and the African Union Commission and all other partners concerned with this\nReiterating that there can be no military solution,\n1. Decides to remain seized of the matter.\n",
        );
        assert!(c.iter().all(|c| c.1.is_none()), "{c:?}");
    }

    #[test]
    fn a_symbol_ending_a_wrapped_line_does_not_close_it() {
        // "AU/Dec.710" is not "Dec." followed by footnote 710
        assert_eq!(
            ids(
                "The Security Council,\nTaking note of the decisions of the Assembly AU/Dec.351(XVI) of January 2011 and AU/Dec.710\n(XXXI) of June 2018 on the establishment of the Center in Cairo,\nRecalling the discussion,\n1. Decides to remain seized.\n"
            ),
            ["PP1", "PP2", "OP1"]
        );
        assert!(ends_terminal("Relations;1"));
        assert!(!ends_terminal("and AU/Dec.710"));
    }

    #[test]
    fn an_indented_first_item_after_an_open_line_starts_a_list() {
        assert_eq!(
            ids(
                "The Security Council,\nRecalling its resolutions on the situation in Iraq and the statements of its\npresident on the same subject,\n1. Decides to extend the mandate of the Mission until 31 May 2021;\n2. Decides further that the SRSG, taking into account the report of the Secretary-General\n(S/2020/448), shall\n                   (a)  prioritize the provision of advice, support, and assistance to the\n            Government and people of Iraq on advancing inclusive dialogue;\n                   (b)  further advise, support, and assist the Government of Iraq\n            with efforts to plan and execute elections;\n3. Decides to remain seized.\n"
            ),
            ["PP1", "OP1", "OP2", "OP2(a)", "OP2(b)", "OP3"]
        );
    }

    #[test]
    fn items_joined_by_a_connector_line_stay_apart() {
        assert_eq!(
            ids(
                "The Security Council,\nRecalling all.\n1. Decides that the Focal Point will:\n(a)  Summarize all information;\n(b)  Include observations such as:\n(i)    how the circumstances have changed;\nand/or\n(ii)  the petitioner disassociation from past conduct;\nand/or\n(iii)  the factual accuracy of claims.\n2. Decides to remain seized.\n"
            ),
            [
                "PP1",
                "OP1",
                "OP1(a)",
                "OP1(b)",
                "OP1(b)(i)",
                "OP1(b)(ii)",
                "OP1(b)(iii)",
                "OP2"
            ]
        );
    }

    #[test]
    fn the_next_item_follows_one_that_lost_its_end() {
        let text = "The Security Council,\nRecalling all its previous resolutions on the situation in the country and in the region,\n1. Requests reports focusing on:\n(i) the situation in Mali, including major political and security developments, and whether and how the mission's\n(ii) coordination, exchange of information and, when applicable, mutual support,\n(iii) overall performance,\n2. Decides to remain seized.\n";
        assert_eq!(
            ids(text),
            ["PP1", "OP1", "OP1(i)", "OP1(ii)", "OP1(iii)", "OP2"]
        );
    }

    #[test]
    fn a_letter_running_on_as_a_reference_stays_in_the_text() {
        // hard-wrapped text, where a line start says nothing by itself
        let text = "The Security Council,\nRecalling its resolutions on the situation in the country and in the\nwider region, and the statements of its President on the same subject,\n1. Decides that the measures shall apply:\n(a) to all States, without prejudice to the measures set out in subparagraph (a) and\n(b) of paragraph 5 of resolution 2231 (2015), and to the entities listed in\nthe annex to this resolution;\n2. Decides to remain seized of the matter.\n";
        assert_eq!(ids(text), ["PP1", "OP1", "OP1(a)", "OP2"]);
    }

    #[test]
    fn a_heading_in_capitals_is_not_reopened_by_the_paragraph_under_it() {
        let c = clauses(
            "The Security Council,\nRecalling all.\n1. Decides to remain seized.\nAnnex\n\nTHE HOUTHIS, AKA: ANSARALLAH, AKA: ANSAR ALLAH,\n\nAKA: PARTISANS OF GOD, AKA: SUPPORTERS OF GOD\n\nThe Houthis have engaged in acts that threaten the peace, security, and stability of Yemen.\n",
        );
        // the heading's two lines are one clause, the paragraph under it another
        let texts: Vec<&str> = c.iter().map(|c| c.2.as_str()).collect();
        assert_eq!(
            texts[2..],
            [
                "THE HOUTHIS, AKA: ANSARALLAH, AKA: ANSAR ALLAH, AKA: PARTISANS OF GOD, AKA: SUPPORTERS OF GOD",
                "The Houthis have engaged in acts that threaten the peace, security, and stability of Yemen."
            ]
        );
    }

    #[test]
    fn an_annex_title_is_not_joined_to_the_paragraph_under_it() {
        let c = clauses(
            "The Security Council,\nRecalling all.\n1. Adopts the procedure in Annex I;\n2. Decides to remain seized.\nAnnex I\n\nDelisting procedures\n\nThe Focal Point is authorized to carry out the tasks set out below.\n\n1. Upon receipt of a delisting request, the Focal Point will act.\n",
        );
        let text = |id: &str| c.iter().find(|c| c.0 == id).map(|c| c.2.as_str());
        assert_eq!(text("AN1"), Some("Delisting procedures"), "{c:?}");
        assert!(
            text("AN2").is_some_and(|t| t.starts_with("The Focal Point is authorized")),
            "{c:?}"
        );
    }

    #[test]
    fn the_clauses_of_a_second_annex_say_which_annex_they_belong_to() {
        let ids = |text: &str| -> Vec<String> { clauses(text).into_iter().map(|c| c.0).collect() };
        // by heading: the first annex keeps AN1, AN2, the second is AN2.1, AN2.2
        let headed = ids(
            "The Security Council,\nRecalling all.\n1. Adopts the annexes;\n2. Decides to remain seized.\nAnnex I\n\n1. The first task.\n\n2. The second task.\n\nAnnex II\n\n1. Another task.\n\n2. A last task.\n",
        );
        assert_eq!(headed[1..], ["OP1", "OP2", "AN1", "AN2", "AN2.1", "AN2.2"]);
        // by numbering that starts again, without headings
        let restarted = ids(
            "The Security Council,\nRecalling all.\n1. Adopts the annexes;\n2. Decides to remain seized.\n\n1. The first task.\n\n2. The second task.\n\n1. Another task.\n",
        );
        assert_eq!(restarted[1..], ["OP1", "OP2", "AN1", "AN2", "AN2.1"]);
        // a title under each heading heads the annex's first paragraph
        let titled = ids(
            "The Security Council,\nRecalling all.\n1. Decides.\n2. Decides to remain seized.\nAnnex I\n\nProcedures\n\n1. A task.\n\nAnnex II\n\nList of entities\n\n1. An entity.\n",
        );
        assert_eq!(titled[1..], ["OP1", "OP2", "AN1", "AN2.1"]);
    }

    #[test]
    fn numbering_restarts_after_an_annex_heading_in_wrapped_text() {
        let p = paras(
            "5. Decides to establish the Focal Point, whose procedures are set out\nin the annex to this resolution;\n6. Decides to remain seized of the matter.\nAnnex I\nThe Focal Point is authorized to carry out the tasks set out below\nupon receipt of a delisting request.2\n1. Upon receipt of a delisting request, the Focal Point will:\n(a) Acknowledge the receipt;\n",
        );
        let texts: Vec<&str> = p.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts[2], "Annex I");
        assert!(
            matches!(p[4].marker, Some(Marker::Number { value: 1, .. })),
            "{texts:?}"
        );
    }

    #[test]
    fn parenthesis_before_a_multibyte_character_is_not_a_panic() {
        assert!(marker("(abcdefghijklmn“x”) text").is_none());
        assert!(marker("(a) nÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿote").is_some());
    }

    #[test]
    fn markers() {
        assert_eq!(
            marker("3. Decides").unwrap().0,
            Marker::Number {
                value: 3,
                label: "3".into()
            }
        );
        assert_eq!(
            marker("3 bis. Decides").unwrap().0,
            Marker::Number {
                value: 3,
                label: "3 bis".into()
            }
        );
        assert_eq!(
            marker("(ii) To monitor").unwrap().0,
            Marker::Sub { label: "ii".into() }
        );
        assert_eq!(
            marker("OP2 Urges").unwrap().0,
            Marker::Explicit {
                part: Part::Operative,
                label: "2".into()
            }
        );
        assert_eq!(
            marker("(a bis) To monitor").unwrap().0,
            Marker::Sub {
                label: "a bis".into()
            }
        );
        assert_eq!(marker("1)\tDecides").map(|m| m.1), Some("Decides"));
        assert_eq!(marker("12.").unwrap().1, "");
        assert!(marker("2625 (XXV) of 24 October").is_none());
        assert!(marker("(2003), 1546 (2004)").is_none());
        assert!(marker("(see annex)").is_none());
        assert!(marker("1.5 million people").is_none());
        assert!(marker("PPE supplies").is_none());
    }

    #[test]
    fn wrapped_text_is_joined_into_paragraphs() {
        let text = "Recalling the obligation of all States under Article 2 of the Charter to refrain in\ntheir international relations from the threat or use of force,\nNoting with concern that the invasion has persisted for three years and continues\nto have devastating consequences,\n1. Demands that the Russian Federation immediately cease its use of force against\nUkraine;\n2. Decides to remain seized of the matter.";
        let p = paras(text);
        assert_eq!(p.len(), 4, "{p:#?}");
        assert!(p[0].text.ends_with("threat or use of force,"));
        assert!(p[1].text.starts_with("Noting with concern"));
        assert_eq!(
            p[2].text,
            "Demands that the Russian Federation immediately cease its use of force against Ukraine;"
        );
    }

    #[test]
    fn hyphenation_at_line_end() {
        let text = "Requests the Secretary-\nGeneral to report on gender-\nbased violence and on the interna-\ntional response, as the international community asks,";
        let p = paras(text);
        assert_eq!(p.len(), 1);
        assert_eq!(
            p[0].text,
            "Requests the Secretary-General to report on gender-based violence and on the international response, as the international community asks,"
        );
    }

    #[test]
    fn suspended_hyphen_keeps_its_space() {
        let p = paras("consult troop-\nand police-contributing countries, and the com-\nmunity,");
        assert_eq!(
            p[0].text,
            "consult troop- and police-contributing countries, and the com-munity,"
        );
    }

    #[test]
    fn words_split_inside_a_line_are_rejoined_where_the_text_has_them_whole() {
        let text = "The drought and the humanitarian response,\nRecalling the drough t, the humani tarian crisis and de -escalation,\nNoting a cross-cutting issue and every one of the de-escalation steps, as everyone knows, and every State is one,";
        let l = lines(text);
        let v = Vocabulary::from_lines(&l, true);
        assert_eq!(
            v.rejoin_split_words(
                "Recalling the drough t, the humani tarian crisis and de -escalation,"
            ),
            "Recalling the drought, the humanitarian crisis and de-escalation,"
        );
        // two words that both stand elsewhere, or an article, stay apart;
        // a joined word found nowhere else is not made up
        for kept in [
            "every one of them",
            "a cross-cutting issue",
            "the Genev a Conventions",
        ] {
            assert_eq!(v.rejoin_split_words(kept), kept);
        }
    }

    // Layouts of pasted text that no line length decides, each read by
    // what a reader sees instead (tests/pasted.rs measures them on the
    // corpus).

    /// The closing formula ends the operative part: the annex that runs on
    /// without a heading starts a paragraph.
    #[test]
    fn nothing_runs_on_from_remaining_seized_of_the_matter() {
        let text = "The Security Council,\nRecalling its previous resolutions on the situation in the\ncountry and the statements of its President on the matter,\n1. Decides to renew the measures set out in paragraph 1 of\nresolution 2000 for a further period of twelve months and\nto review them in the light of the situation on the ground;\n2. Decides to remain actively seized of the matter.\nIn accordance with paragraph 1 of this resolution, the Team\nshall operate under the direction of the Committee and have\nthe following responsibilities:\n";
        let p = paras(text);
        assert!(
            p.iter()
                .any(|p| p.text == "Decides to remain actively seized of the matter."),
            "{p:#?}"
        );
    }

    /// A number repeated by the source after a paragraph cut off ("as")
    /// starts a paragraph when a clause's verb follows it.
    #[test]
    fn a_clause_verb_after_a_number_starts_a_paragraph_left_open_before_it() {
        let text = "The Security Council,\n1. Reaffirms all its relevant resolutions on the country, in\nparticular resolution 1251 (1999) and recalls the importance of\nachieving a settlement based on a bicommunal, bizonal one, as\n1. Fully supports the ongoing engagement with the two sides and\nencourages further rounds of informal talks on the settlement;\n2. Decides to remain seized of the matter.\n";
        let p = paras(text);
        assert_eq!(p.len(), 4, "{p:#?}");
        assert!(p[2].text.starts_with("Fully supports"));
    }

    /// A heading wrapped after a comma of its own, after the last
    /// preambular paragraph whose line looks full before its long word.
    #[test]
    fn a_heading_can_wrap_after_its_own_comma() {
        let text = "The Security Council,\nRecalling its resolutions on the situation in the country and in\nthe region, and the statements of its President on the matter,\nActing under Chapter VII of the Charter of the United Nations,\nImplementation of the Agreement on Peace and Reconciliation,\nPolitical\nsituation and elections\n1. Urges the parties to work towards resuming the meetings of all\nthe bodies of the Agreement and to implement its provisions;\n";
        let c = clauses(text);
        assert_eq!(
            c[1].2,
            "Acting under Chapter VII of the Charter of the United Nations,"
        );
        assert_eq!(
            c[2].1.as_deref(),
            Some(
                "Implementation of the Agreement on Peace and Reconciliation, Political situation and elections"
            ),
            "{c:#?}"
        );
        // (but a paragraph opening like a clause is no heading)
        let text = "The Security Council,\n\n1. Requests the States to report to the Council at least at monthly\nintervals;\n\nReaffirming the legal basis in the Charter on which the Force was\ngiven its mandate in resolution 1035 (1995),\n\nIII\n\n2. Decides to extend the mandate of the Force for an additional\nperiod of twelve months;\n";
        let c = clauses(text);
        assert_eq!(c.last().unwrap().1.as_deref(), Some("III"), "{c:#?}");
    }

    /// A page break after a line left open: a reference running on is no
    /// item of a list.
    #[test]
    fn a_reference_after_a_page_break_runs_on() {
        let mut text = String::from("The Security Council,\n\n");
        for k in 1..=4 {
            text.push_str(&format!(
                "{k}. Requests the Team to report on the measures taken by the States and\nthe region, and on the statements of its Chair to the Committee;\n\n"
            ));
        }
        text.push_str("5. Decides that the Team shall consult the States on the reports referred\nto in the annex and on the issues that might be referred to in paragraph\n\n(a) of this annex;\n\n6. Decides to remain seized of the matter.\n");
        let p = paras(&text);
        assert!(
            p.iter().any(|p| p
                .text
                .ends_with("referred to in paragraph (a) of this annex;")),
            "{p:#?}"
        );
        // nor an abbreviation that looks like a roman number
        let text = text.replace(
            "paragraph\n\n(a) of this annex;",
            "paragraph 3 and the International Criminal Court\n\n(ICC) by the Government;",
        );
        let p = paras(&text);
        assert!(
            p.iter()
                .any(|p| p.text.ends_with("Criminal Court (ICC) by the Government;")),
            "{p:#?}"
        );
    }

    /// `pdftotext` (S/2018/1021) sets a hanging number alone on its line:
    /// after a list inside paragraph 7 numbered from 1, the main sequence
    /// resumes at 8 though the line before stops short.
    #[test]
    fn the_main_sequence_resumes_after_a_list_of_bare_numbers() {
        let text = "The Security Council,\nRecalling its previous resolutions and the statements of its\nPresident on the situation in the two countries and the region,\n7. Expresses disappointment that the parties have taken few steps\nto implement the Agreement, and invites the Panel to update it by\n15 April 2019 on the steps taken towards the following:\n1.\nResolution of the final status of the Area to include steps towards\nconsidering the 2012 proposal made by the Panel,\n2.\nImplementation of all the decisions of the Committee,\n3.\nSteps the Commission has taken to submit its findings;\n8.\nUrges continued progress toward the establishment of the interim\ninstitutions of the Area, in accordance with the Agreement;\n9.\nEncourages the Panel and the Special Envoy to continue coordinating\ntheir efforts;\n";
        let c = clauses(text);
        let ops: Vec<(&str, &str)> = c
            .iter()
            .filter(|c| c.0.starts_with("OP") && !c.0.contains('('))
            .map(|c| (c.0.as_str(), c.2.as_str()))
            .collect();
        assert_eq!(ops.len(), 3, "{c:#?}");
        assert!(ops[1].1.starts_with("Urges continued progress"), "{c:#?}");
        assert!(ops[2].1.starts_with("Encourages the Panel"), "{c:#?}");
    }

    /// `pdftotext` (S/2024/557) can also set a blank line between a hanging
    /// number or letter and its text.
    #[test]
    fn a_number_alone_waits_for_its_text_across_a_blank_line() {
        let text = "1.\n\nUpon receipt of a delisting request, the Focal Point will:\n(a)\n\nAcknowledge to the petitioner the receipt of the delisting request;\n\n(b) Inform the petitioner of the general procedure for processing delisting\nrequests;\n(c) Answer specific questions from the petitioner about Committee\nprocedures;\nInformation Gathering (up to four months)\n2.\n\nFor delisting petitions not returned to the petitioner, the Focal Point\nwill forward the request to the members of the Committee;\n";
        let p = paras(text);
        let texts: Vec<&str> = p.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Upon receipt of a delisting request, the Focal Point will:",
                "Acknowledge to the petitioner the receipt of the delisting request;",
                "Inform the petitioner of the general procedure for processing delisting requests;",
                "Answer specific questions from the petitioner about Committee procedures;",
                "Information Gathering (up to four months)",
                "For delisting petitions not returned to the petitioner, the Focal Point will forward the request to the members of the Committee;",
            ]
        );
        assert!(p[4].heading);
    }

    /// What `pdftotext` loses: the indentation of a list that completes a
    /// verb (S/2020/449) and the full stop of a paragraph number
    /// (S/2024/400 prints "11 Condemns").
    #[test]
    fn lists_and_numbers_read_without_what_pdftotext_loses() {
        let text = "The Security Council,\nRecalling its resolutions on the situation in Iraq and the statements of its\npresident on the same subject,\n1. Decides to extend the mandate of the Mission until 31 May 2021;\n2. Decides further that the SRSG, taking into account the report of the Secretary-General\n(S/2020/448), shall\n(a) prioritize the provision of advice, support, and assistance to the\nGovernment and people of Iraq on advancing inclusive dialogue;\n(b) further advise, support, and assist the Government of Iraq\nwith efforts to plan and execute elections;\n3. Decides to remain seized.\n";
        assert_eq!(ids(text), ["PP1", "OP1", "OP2", "OP2(a)", "OP2(b)", "OP3"]);
        // (a reference after a modal stays in the text)
        let text = text.replace("(a) prioritize the", "(a) of resolution 2000, the");
        assert_eq!(ids(&text), ["PP1", "OP1", "OP2", "OP2(b)", "OP3"]);
        let text = "The Security Council,\nRecalling its resolutions on the protection of civilians in armed conflict and\nthe statements of its President on the same subject,\n10. Calls upon all States to ensure the full, equal, safe and meaningful\nparticipation of female humanitarian personnel in humanitarian activities;\n11 Condemns disinformation, information manipulation, and incitement to\nviolence against humanitarian personnel and their premises and assets;\n12. Encourages Member States to take appropriate action to address the\nincreasing threat of disinformation campaigns\n";
        let c = clauses(text);
        assert_eq!(c.len(), 4, "{c:#?}");
        assert!(c[2].2.starts_with("Condemns disinformation"), "{c:#?}");
        // (a number without its stop elsewhere is wording)
        let c = clauses(&text.replace(
            "personnel in humanitarian activities;\n11 Condemns",
            "personnel in humanitarian activities of\n11 Condemns",
        ));
        assert_eq!(c.len(), 3, "{c:#?}");
    }

    /// Words as `pdftotext` splits them in the Security Council PDFs.
    #[test]
    fn only_a_text_with_the_marks_of_extraction_is_searched_for_split_words() {
        let marked = |t: &str| shows_split_words(&lines(t));
        for t in [
            "Recalling the drough t of 2022,",
            "paragraph 17 o f resolution 2216,",
            "the de -escalation of the conflict,",
            "the people of Somalia ’s regions,",
        ] {
            assert!(marked(t), "{t}");
        }
        for t in [
            "Recalling its resolution 2216 (2015), annex I, part A and a list (a),",
            "Decides to remain seized of the matter.",
            "- a dash opening a line, and 2 - 3 numbers,",
        ] {
            assert!(!marked(t), "{t}");
        }
    }

    #[test]
    fn words_split_by_pdftotext_are_rejoined() {
        let text = "Recalling its resolution 2216 (2015) and the resolutions on the situation, with the Secretary-General and the immediate needs of humanitarian and gender-based work,\nRecalling the Secretary-General, with the immediate humanitarian aid for Somalia and gender-based violence, and the aid of the Council,\nStressing the work of the Council and the need for the aid, for the work with them and for all, with all,";
        let l = lines(text);
        let v = Vocabulary::from_lines(&l, true);
        for (split, whole) in [
            (
                "paragraph 17 o f resoluti o n 2216 (2015)",
                "paragraph 17 of resolution 2216 (2015)",
            ),
            ("th e need fo r t he aid wit h", "the need for the aid with"),
            (
                "an immedi at e humanitari an need",
                "an immediate humanitarian need",
            ),
            (
                "the Secretary -General and gender -based work",
                "the Secretary-General and gender-based work",
            ),
            (
                "Somalia ’s needs and the Council 's work",
                "Somalia’s needs and the Council's work",
            ),
        ] {
            assert_eq!(v.rejoin_split_words(split), whole);
        }
        // words that may stand apart do
        for kept in [
            "in to the aid",
            "a broad need",
            "subparagraphs a and b",
            "plan B",
            "Genev a",
            "every one",
        ] {
            assert_eq!(v.rejoin_split_words(kept), kept);
        }
    }

    #[test]
    fn a_capital_after_a_full_line_runs_on_unless_it_opens_a_clause() {
        // wrapped at 60 columns: "Elections" and "1." continue the paragraph
        // above them, "Recalling" and "2." after a line stopping short do not
        let text = "The General Assembly,\nRecalling the African Charter on Democracy, Elections and\nGovernance, the Constitutive Act of the African Union and its\nDeclaration on the Framework for an OAU Response to\nUnconstitutional Changes of Government, as recalled in the\nannex, and the Lomé Declaration adopted in 2000 by the Union,\nRecalling also the Charter of the United Nations,\n1. Decides to consider the annex to its resolution of 2000,\nDemocracy, Elections and Governance of the African Charter\nand its paragraph\n1. of the Declaration, with the Union and its members;\n2. Decides to remain seized of the matter.\n";
        let c = clauses(text);
        let ids: Vec<&str> = c.iter().map(|c| c.0.as_str()).collect();
        assert_eq!(ids, ["PP1", "PP2", "OP1", "OP2"], "{c:#?}");
    }

    #[test]
    fn blank_lines_between_paragraphs_make_a_single_break_run_on() {
        let mut text = String::from("The Security Council,\n\n");
        for k in 1..=10 {
            text.push_str(&format!(
                "Recalling its resolution {k} on the situation in the country and\nthe region, and the statements of its President,\n\n"
            ));
        }
        // "Recalling" after a comma at a single break, in a text whose
        // paragraphs are set apart by blank lines, runs on
        text.push_str("Welcoming the efforts of the Secretary-General and of the African\nUnion, the European Union and the League of Arab States,\nRecalling in this regard the Lomé Declaration and its annex,\n\n1. Decides to remain seized of the matter.\n");
        let c = clauses(&text);
        assert_eq!(c.len(), 12, "{c:#?}");
        assert!(c[10].2.ends_with("the Lomé Declaration and its annex,"));
    }

    #[test]
    fn numbers_in_wrapped_text_must_follow_in_sequence() {
        let text = "1. Decides to extend the mandate as set out in paragraph\n7. of resolution 2000 and also in the annex to that resolution with some further words here,\n2. Requests the Secretary-General to report to the Council on the implementation.";
        let p = paras(text);
        assert_eq!(p.len(), 2, "{p:#?}");
    }

    #[test]
    fn nesting_to_any_depth() {
        let mut b = Builder::new();
        for (m, t) in [
            (
                Some(Marker::Number {
                    value: 1,
                    label: "1".into(),
                }),
                "Decides:",
            ),
            (Some(Marker::Sub { label: "a".into() }), "first;"),
            (Some(Marker::Sub { label: "i".into() }), "roman one;"),
            (Some(Marker::Sub { label: "ii".into() }), "roman two;"),
            (Some(Marker::Sub { label: "A".into() }), "deeper;"),
            (Some(Marker::Sub { label: "b".into() }), "second;"),
            (Some(Marker::Sub { label: "h".into() }), "eighth;"),
            (Some(Marker::Sub { label: "i".into() }), "ninth letter;"),
        ] {
            b.push(Para {
                marker: m,
                text: t.into(),
                heading: false,
            });
        }
        let (_, ops, _) = b.finish();
        let op = &ops[0];
        assert_eq!(op.id, "OP1");
        assert_eq!(op.children.len(), 4, "{op:#?}");
        assert_eq!(op.children[0].children[1].id, "OP1(a)(ii)");
        assert_eq!(op.children[0].children[1].children[0].id, "OP1(a)(ii)(A)");
        assert_eq!(op.children[3].id, "OP1(i)");
        assert_eq!(op.children[3].text, "ninth letter;");
    }

    #[test]
    fn a_list_inside_an_operative_paragraph_stays_inside() {
        let text = "1. Decides:\n\n2. Expresses its intention to consider:\n\n1. the status of Abyei;\n\n2. the oversight committee;\n\n3. Urges progress.\n";
        let l = lines(text);
        let mut p = paragraphs(&l, &Vocabulary::from_lines(&l, true), Lang::En);
        demote_embedded_lists(&mut p);
        let mut b = Builder::new();
        for x in p {
            b.push(x);
        }
        let (_, ops, annex) = b.finish();
        assert!(annex.is_empty());
        assert_eq!(ops.len(), 3);
        assert_eq!(ops[1].children.len(), 2);
        assert_eq!(ops[1].children[1].id, "OP2(2)");
    }

    #[test]
    fn unnumbered_single_operative_paragraph() {
        let mut b = Builder::new();
        for t in [
            "Mourning the tragic loss of life,",
            "Reiterating that the purpose is peace,",
            "Implores a swift end to the conflict.",
        ] {
            b.push(Para {
                marker: None,
                text: t.into(),
                heading: false,
            });
        }
        let (pp, op, _) = b.finish();
        assert_eq!(pp.len(), 2);
        assert_eq!(op.len(), 1);
        assert_eq!(op[0].id, "OP1");
        assert_eq!(op[0].lead.as_deref(), Some("Implores"));
    }

    #[test]
    fn roman_and_alpha() {
        assert_eq!(roman_value("iv"), Some(4));
        assert_eq!(roman_value("xix"), Some(19));
        assert_eq!(alpha_value("c"), Some(3));
        assert_eq!(alpha_value("aa"), Some(27));
    }
}
