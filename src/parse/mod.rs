//! Parses a [`Document`] into a [`Resolution`]: header, preambular and
//! operative clauses with their sub-paragraphs, and footnotes.
//!
//! The parser reads text as delegates get it: one paragraph per line, or
//! hard-wrapped and hyphenated as copied out of a PDF, with running heads,
//! page and job numbers, CRLF line ends, tabs and no-break spaces. None of
//! that layout survives into clause text.

mod body;
mod clean;
mod header;
mod intl;
mod lang;
mod lead;
mod model;
mod scale;

use crate::error::{Error, Result};
use crate::load::Document;

pub use intl::{find_dates, intl_marker_line, intl_organ_line};
pub use lang::{Lang, detect_lang};
use lead::looks_like_clause;
pub use lead::{
    base_lead, base_lead_in, lead, lead_in, lead_strength, lead_strength_in, looks_operative,
    looks_preambular,
};
pub use model::{Clause, Footnote, FootnoteRef, Header, Part, Resolution};
pub use scale::{INTENSIFIER_STEP, Scale, scale};

pub(crate) use body::marker;
// the amendment reader shares the text clean-up and symbols
pub(crate) use crate::conventions::{MONTHS, SYMBOL, split_sponsors};
pub(crate) use clean::normalize_chars;

/// The rule above footnotes: five or more underscores or dashes, alone.
fn is_footnote_rule(t: &str) -> bool {
    t.len() >= 5 && t.chars().all(|c| matches!(c, '_' | '-' | '–' | '—')) && t.chars().count() >= 5
}

/// A line opening a footnote: its mark (one to three digits, or one to three
/// of `*†‡`), spaces or tabs, then the note. Asked of every line below a
/// footnote rule, so matched by hand.
fn footnote_line(t: &str) -> Option<(&str, &str)> {
    let mark_len = if t.starts_with(|c: char| c.is_ascii_digit()) {
        t.bytes().take_while(u8::is_ascii_digit).count()
    } else {
        let n = t
            .chars()
            .take_while(|c| matches!(c, '*' | '†' | '‡'))
            .count();
        if n > 3 {
            return None;
        }
        t.chars().take(n).map(char::len_utf8).sum()
    };
    if mark_len == 0 || (t.as_bytes()[0].is_ascii_digit() && mark_len > 3) {
        return None;
    }
    let (mark, rest) = t.split_at(mark_len);
    let text = rest.trim_start_matches([' ', '\t']);
    (text.len() < rest.len() && !text.is_empty()).then_some((mark, text))
}

/// Parses a loaded document.
///
/// Fails only when the text holds no clause at all, with an error naming
/// the document.
///
/// ```
/// use resdiff::{load::Document, parse::parse};
/// let doc = Document::from_text("demo.txt", "The Security Council,\n\nRecalling its resolutions,\n\n1. Decides to remain seized of the matter.\n");
/// let res = parse(&doc).unwrap();
/// assert_eq!(res.preamble[0].id, "PP1");
/// assert_eq!(res.operative[0].lead.as_deref(), Some("Decides"));
/// ```
pub fn parse(doc: &Document) -> Result<Resolution> {
    parse_in(doc, None)
}

/// [`parse`] in a language given (`--lang`), or detected from the text
/// with [`detect_lang`] when `None`.
///
/// ```
/// use resdiff::{load::Document, parse::{parse_in, Lang}};
/// let doc = Document::from_text("d.txt", "The General Assembly,\n\n1. Decides to remain seized of the matter.\n");
/// assert_eq!(parse_in(&doc, None).unwrap().lang, Lang::En);
/// assert_eq!(parse_in(&doc, Some(Lang::Fr)).unwrap().lang, Lang::Fr);
/// ```
pub fn parse_in(doc: &Document, lang: Option<Lang>) -> Result<Resolution> {
    let text = clean::normalize_chars(&doc.text);
    let lang = lang.unwrap_or_else(|| detect_lang(&text));
    let all = clean::lines(&text);

    // `#` lines are a transcription's comments; `# footnotes:` starts footnotes
    let mut notes = Vec::new();
    let mut lines = Vec::with_capacity(all.len());
    let mut comment_footnotes = Vec::new();
    let mut in_footnotes = false;
    for l in all {
        if let Some(c) = l.text.strip_prefix('#') {
            let c = c.trim();
            if c.eq_ignore_ascii_case("footnotes:") {
                in_footnotes = true;
            } else {
                notes.push(c.to_string());
            }
        } else if in_footnotes {
            comment_footnotes.push(l);
        } else {
            lines.push(l);
        }
    }

    // the organ line ends the header; text after it on the same line is the first clause
    let organ_at = lines.iter().position(|l| {
        crate::conventions::ORGAN.is_match(&l.text)
            || intl::intl_organ_line(&l.text, lang).is_some()
    });
    let mut organ = None;
    let body_start = match organ_at {
        Some(k) => {
            let (line, rest) = match crate::conventions::ORGAN.captures(&lines[k].text) {
                Some(caps) => (caps[1].to_string(), caps[2].to_string()),
                None => intl::intl_organ_line(&lines[k].text, lang).unwrap_or_default(),
            };
            organ = Some(
                line.split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .replace(" ,", ","),
            );
            if rest.is_empty() {
                k + 1
            } else {
                lines[k].text = rest.into();
                k
            }
        }
        None => body_start_without_organ(&lines),
    };
    let header_lines: Vec<&str> = lines[..organ_at.unwrap_or(body_start).min(body_start)]
        .iter()
        .map(|l| l.text.as_ref())
        .collect();
    let mut head = header::parse_header(&header_lines);
    head.organ = organ;
    merge_meta(&mut head, doc);

    // body: drop page furniture, collect footnotes, find the meeting line
    let symbol = head.symbol.clone();
    let title = head.title.clone();
    let mut body: Vec<clean::Line> = Vec::with_capacity(lines.len() - body_start);
    let mut footnote_lines: Vec<clean::Line> = Vec::new();
    let mut in_notes = false;
    // footnotes cut by a page break: the next note, numbered in sequence,
    // takes them up again on the next page
    let mut notes_paused = false;
    // a job number was the last line seen, blank lines aside: its date may
    // stand alone on the next line
    let mut after_job = false;
    for mut l in lines.drain(body_start..) {
        if let Some(rest) = clean::strip_job_prefix(&l.text) {
            l.text = rest.to_string().into();
        }
        // `1 -`, `a)`, `(ب)`: the markers of other languages in the English form
        if let Some(t) = intl::intl_marker_line(&l.text, lang) {
            l.text = t.into();
        }
        let t: &str = &l.text;
        if clean::is_page_noise(t)
            || clean::is_symbol_line(t)
            || clean::is_running_head(t, symbol.as_deref(), title.as_deref())
            || (after_job && clean::is_job_date(t))
        {
            after_job = after_job || clean::has_job_number(t);
            notes_paused |= in_notes;
            in_notes = false; // a page ends the footnotes at its foot
            continue;
        }
        if !l.is_blank() {
            after_job = false;
        }
        if is_footnote_rule(t) {
            in_notes = true;
            continue;
        }
        // a footnote block also ends where the body visibly resumes
        if in_notes
            && footnote_line(t).is_none()
            && (marker(t).is_some() || body::starts_like_clause(t))
        {
            in_notes = false;
        }
        if notes_paused && !l.is_blank() {
            notes_paused = false;
            let next_mark = footnote_lines
                .iter()
                .rev()
                .find_map(|n| footnote_line(&n.text))
                .and_then(|(m, _)| m.parse::<u32>().ok())
                .map(|n| (n + 1).to_string());
            in_notes = footnote_line(t).is_some_and(|(m, _)| Some(m) == next_mark.as_deref());
        }
        if in_notes {
            footnote_lines.push(l);
        } else {
            body.push(l);
        }
    }
    footnote_lines.extend(comment_footnotes);

    // the closing meeting line (and the date after it) of an adopted text
    if let Some(k) = body.iter().rposition(|l| {
        crate::conventions::is_meeting_line(&l.text) || intl::is_intl_meeting_line(&l.text)
    }) {
        let mut meeting: Vec<String> = body[k..]
            .iter()
            .filter(|l| !l.is_blank())
            .map(|l| l.text.to_string())
            .collect();
        if meeting.len() <= 2 && meeting.iter().skip(1).all(|m| header::is_date(m)) {
            head.meeting = Some(std::mem::take(&mut meeting).join(" "));
            body.truncate(k);
        }
    }

    // words split by extraction are looked for only in a text that shows
    // the marks of it; the others need the words only for hyphenated line ends
    let split = body::shows_split_words(&body);
    let vocab = crate::conventions::Vocabulary::from_lines(&body, split);
    let mut builder = body::Builder::new();
    builder.lang = lang;
    let mut paras = body::paragraphs(&body, &vocab, lang);
    // words split by extraction, inside a line or across one
    if split {
        for p in &mut paras {
            if let std::borrow::Cow::Owned(joined) = vocab.rejoin_split_words(&p.text) {
                p.text = joined;
            }
        }
    }
    body::demote_embedded_lists(&mut paras);
    builder.set_last_main(body::last_main_number(&paras));
    builder.reserve(paras.len());
    for p in paras {
        builder.push(p);
    }
    let (mut preamble, mut operative, mut annex) = builder.finish();
    let footnotes = parse_footnotes(&footnote_lines);
    if !footnotes.is_empty() {
        // marks in reading order: each note is looked for from the clause
        // where the previous one was found; a note called from nowhere in
        // the body (a `*` on the sponsors line) is passed over
        let mut texts: Vec<&str> = Vec::new();
        for c in preamble.iter().chain(&operative).chain(&annex) {
            c.walk(&mut |d| texts.push(&d.text));
        }
        let mut from = 0;
        let placed: Vec<&Footnote> = footnotes
            .iter()
            .filter(|n| {
                let found = (from..texts.len()).find(|&k| {
                    find_glued_mark(texts[k], &n.mark)
                        .or_else(|| find_spaced_mark(texts[k], &n.mark))
                        .is_some()
                });
                if let Some(k) = found {
                    from = k;
                }
                found.is_some()
            })
            .collect();
        let mut next = 0usize;
        for list in [&mut preamble, &mut operative, &mut annex] {
            for c in list.iter_mut() {
                attach_footnote_marks(c, &placed, &mut next);
            }
        }
    }
    // without an organ line, a numbered paragraph or a single paragraph that
    // opens like a clause, this is not a resolution (a letter, a web page)
    let clause_like = |c: &Clause| c.label.is_some() || looks_like_clause(&c.text);
    let recognisable = head.organ.is_some() || preamble.iter().chain(&operative).any(clause_like);
    if (preamble.is_empty() && operative.is_empty() && annex.is_empty()) || !recognisable {
        return Err(Error::input(
            &doc.source,
            "no clauses found: this does not look like a draft resolution",
        ));
    }
    Ok(Resolution {
        source: doc.source.clone(),
        header: head,
        preamble,
        operative,
        annex,
        footnotes,
        notes,
        lang,
        encoding: doc.meta.encoding.clone(),
    })
}

/// Where the body starts when there is no organ line: the first numbered
/// paragraph, or the first line opening like a clause whose paragraph ends
/// in clause punctuation. With neither, the whole text is body.
fn body_start_without_organ(lines: &[clean::Line]) -> usize {
    for (k, l) in lines.iter().enumerate() {
        if l.is_blank() {
            continue;
        }
        if marker(&l.text).is_some() {
            return k;
        }
        if looks_like_clause(&l.text) {
            let end = lines[k..]
                .iter()
                .position(|x| x.is_blank())
                .map_or(lines.len(), |e| k + e);
            let last = lines[end - 1].text.trim_end_matches(['"', '”', '’', ')']);
            if last.ends_with([',', ';', '.', ':']) {
                return k;
            }
        }
    }
    0
}

/// Fills header fields the text lacks from the source's own metadata.
fn merge_meta(h: &mut Header, doc: &Document) {
    let m = &doc.meta;
    if h.symbol.is_none() {
        h.symbol.clone_from(&m.symbol);
    }
    if h.title.is_none() {
        h.title.clone_from(&m.title);
    }
    if h.date.is_none() {
        h.date.clone_from(&m.date);
    }
    if h.sponsors.is_empty() {
        h.sponsors.clone_from(&m.sponsors);
    }
}

/// Footnotes: a line opening with a mark starts one, other lines continue it.
fn parse_footnotes(lines: &[clean::Line]) -> Vec<Footnote> {
    let mut out: Vec<Footnote> = Vec::new();
    for l in lines.iter().filter(|l| !l.is_blank()) {
        if let Some((mark, text)) = footnote_line(&l.text) {
            out.push(Footnote {
                mark: mark.to_string(),
                text: text.to_string(),
            });
        } else if let Some(last) = out.last_mut() {
            last.text.push(' ');
            last.text.push_str(&l.text);
        }
    }
    out
}

/// Moves footnote reference marks, glued to a word or punctuation
/// (`Relations;1`, `Rights,2`) or set apart after a year, out of the text
/// into `clause.footnotes`, in the order the notes are numbered.
fn attach_footnote_marks(c: &mut Clause, notes: &[&Footnote], next: &mut usize) {
    while let Some(note) = notes.get(*next) {
        let mark = note.mark.as_str();
        let (pos, len) = match find_glued_mark(&c.text, mark) {
            Some(pos) => (pos, mark.len()),
            None => match find_spaced_mark(&c.text, mark) {
                Some(pos) => (pos, mark.len() + 1),
                None => break,
            },
        };
        c.text.replace_range(pos..pos + len, "");
        c.footnotes.push(FootnoteRef {
            mark: mark.to_string(),
            at: pos,
        });
        *next += 1;
    }
    for child in &mut c.children {
        attach_footnote_marks(child, notes, next);
    }
}

/// A mark that PDF extraction set apart with a space after a year or a
/// closing bracket, before a lower-case word: "of 31 May 1997 2 and the".
/// Returns the position of the space before it.
fn find_spaced_mark(text: &str, mark: &str) -> Option<usize> {
    if mark.len() > 2 || !mark.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let needle = format!(" {mark} ");
    let mut from = 0;
    while let Some(off) = text[from..].find(&needle) {
        let pos = from + off;
        let after = &text[pos + needle.len()..];
        // "of 1949 2 and", "of 1977, 3 as"
        let before = text[..pos].trim_end_matches([',', ';']);
        let year = before.len() >= 4
            && before[before.len() - 4..]
                .bytes()
                .all(|b| b.is_ascii_digit())
            && !before[..before.len() - 4].ends_with(|c: char| c.is_ascii_digit());
        let bracket = before.ends_with([')', '”', '"']);
        if (year || bracket) && after.starts_with(|c: char| c.is_lowercase()) {
            return Some(pos);
        }
        from = pos + 1;
    }
    None
}

fn find_glued_mark(text: &str, mark: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(off) = text[from..].find(mark) {
        let pos = from + off;
        let end = pos + mark.len();
        let before = text[..pos].chars().next_back();
        let after = text[end..].chars().next();
        // glued to a year, as extraction leaves a superscript: "of 19491 and"
        let after_year = pos >= 4
            && bytes[pos - 4..pos].iter().all(u8::is_ascii_digit)
            && (pos == 4 || !bytes[pos - 5].is_ascii_digit())
            && text[pos - 4..pos]
                .parse::<u32>()
                .is_ok_and(|y| (1900..2100).contains(&y))
            && mark.len() <= 2;
        let glued = after_year
            || before.is_some_and(|b| {
                b.is_alphabetic() || matches!(b, ',' | ';' | ':' | '.' | ')' | '”' | '’' | '"')
            });
        let digit_before = pos > 0 && bytes[pos - 1].is_ascii_digit() && !after_year;
        let free_after =
            after.is_none_or(|a| a.is_whitespace() || matches!(a, ',' | ';' | ':' | '.' | ')'));
        // "1,500": a thousands group has three digits; "1994,1 the" is a mark
        let not_number = !(before == Some(',')
            && pos >= 2
            && bytes[pos - 2].is_ascii_digit()
            && mark.len() == 3);
        if glued && !digit_before && free_after && not_number {
            return Some(pos);
        }
        from = end;
    }
    None
}

#[cfg(test)]
mod hand_matchers {
    //! The line matchers written by hand for speed agree with the regular
    //! expressions they replace, on strings made of the characters that matter.
    use proptest::prelude::*;
    use regex::Regex;
    use std::sync::LazyLock;

    static NUMBER_TAB: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^([0-9]{1,4}(?: ?(?:bis|ter|quater))?)\.?(?:\t+|  +([A-Z]))").unwrap()
    });
    static FOOTNOTE_LINE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^([0-9]{1,3}|[*†‡]{1,3})[ \t]+([^ \t].*)$").unwrap());
    static FOOTNOTE_RULE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[_\-–—]{5,}$").unwrap());
    static MEETING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i-u)^[0-9]{1,5}(?:st|nd|rd|th)[ \t]+(?:plenary[ \t]+)?meeting\b").unwrap()
    });
    static ANNEX_HEADING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:Annex|ANNEX|Appendix|Attachment)(?:[ \t]+[IVX0-9]+)?$").unwrap()
    });

    /// Strings of up to seven pieces from `alphabet`: few enough kinds that
    /// both matches and near misses turn up.
    fn pieces(alphabet: &'static [&'static str]) -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(alphabet), 0..8).prop_map(|v| v.concat())
    }

    const NUMBERED: &[&str] = &[
        "1", "23", "4567", ".", "bis", "ter", "quater", " ", "  ", "\t", "Decides", "a", "\u{a0}",
    ];
    const NOTES: &[&str] = &[
        "1", "23", "4567", "*", "†", "‡", " ", "\t", "_", "-", "–", "—", "note", "x",
    ];
    const MEETINGS: &[&str] = &[
        "1", "23", "123456", "st", "TH", "nd", "s", "plenary", "Plenary", "meeting", "MEETING",
        " ", "\t", "_", "x",
    ];
    const ANNEXES: &[&str] = &[
        "Annex",
        "ANNEX",
        "Appendix",
        "Attachment",
        "annex",
        "IV",
        "X",
        "12",
        " ",
        "\t",
        "a",
    ];

    /// A meeting line, each part of it right or a near miss.
    fn meeting_like() -> impl Strategy<Value = String> {
        (
            "[0-9]{0,7}",
            prop::sample::select(&["st", "ND", "rd", "th", "s", ""][..]),
            prop::sample::select(&[" ", " \t ", "", "x"][..]),
            prop::sample::select(&["", "plenary ", "PLENARY\t", "plenar ", "plenary"][..]),
            prop::sample::select(&["meeting", "Meeting", "meetings", "meeting.", "meetin", ""][..]),
        )
            .prop_map(|(a, b, c, d, e)| format!("{a}{b}{c}{d}{e}"))
    }

    /// A footnote line, its mark and spacing right or a near miss.
    fn note_like() -> impl Strategy<Value = String> {
        (
            prop_oneof!["[0-9]{0,5}", "[*†‡]{0,5}"],
            prop::sample::select(&[" ", "\t", "  ", ""][..]),
            prop::sample::select(&["Resolution 2625 (XXV).", " ", "", "x"][..]),
        )
            .prop_map(|(a, b, c)| format!("{a}{b}{c}"))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn number_tab(s in pieces(NUMBERED)) {
            let re = &*NUMBER_TAB;
            let want = re.is_match(&s).then(|| re.replace(&s, "$1. $2").into_owned());
            prop_assert_eq!(super::clean::number_tab(&s), want, "{:?}", s);
        }

        #[test]
        fn footnote_line(s in prop_oneof![pieces(NOTES), note_like()]) {
            let re = &*FOOTNOTE_LINE;
            let want = re.captures(&s).map(|c| (c.get(1).unwrap().as_str(), c.get(2).unwrap().as_str()));
            prop_assert_eq!(super::footnote_line(&s), want, "{:?}", s);
        }

        #[test]
        fn footnote_rule(s in pieces(NOTES)) {
            let re = &*FOOTNOTE_RULE;
            prop_assert_eq!(super::is_footnote_rule(&s), re.is_match(&s), "{:?}", s);
        }

        #[test]
        fn meeting_line(s in prop_oneof![pieces(MEETINGS), meeting_like()]) {
            let re = &*MEETING;
            prop_assert_eq!(crate::conventions::is_meeting_line(&s), re.is_match(&s), "{:?}", s);
        }

        #[test]
        fn annex_heading(s in pieces(ANNEXES)) {
            let re = &*ANNEX_HEADING;
            prop_assert_eq!(super::body::is_annex_heading(&s), re.is_match(&s), "{:?}", s);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(s: &str) -> Resolution {
        parse(&Document::from_text("t.txt", s)).unwrap()
    }

    #[test]
    fn footnote_marks_leave_the_text() {
        let r = parse_str(
            "The General Assembly,\nRecalling the Declaration on Friendly Relations;1\nRecalling the Covenant,2 and the Charter,\n1. Decides.\n__________\n1 Resolution 2625 (XXV), annex.\n2 Resolution 2200 A (XXI).\n",
        );
        assert_eq!(
            r.preamble[0].text,
            "Recalling the Declaration on Friendly Relations;"
        );
        assert_eq!(
            r.preamble[0].footnotes,
            [FootnoteRef {
                mark: "1".into(),
                at: 48
            }]
        );
        assert_eq!(
            r.preamble[1].text,
            "Recalling the Covenant, and the Charter,"
        );
        assert_eq!(r.footnotes.len(), 2);
        assert_eq!(r.footnotes[1].text, "Resolution 2200 A (XXI).");
    }

    #[test]
    fn a_note_called_from_the_header_does_not_stop_the_others() {
        let r = parse_str(
            "Albania* and Andorra: draft resolution\nThe General Assembly,\nRecalling the Declaration,1\n1. Decides.\n__________\n* Reissued for technical reasons.\n1 Resolution 2625 (XXV), annex.\n",
        );
        assert_eq!(r.preamble[0].text, "Recalling the Declaration,");
        assert_eq!(r.preamble[0].footnotes[0].mark, "1");
        assert_eq!(r.footnotes.len(), 2);
    }

    #[test]
    fn footnote_mark_set_apart_after_a_year() {
        let r = parse_str(
            "The General Assembly,\nRecalling the Treaty of 31 May 1997 1 and the Protocol of 1977, 2 as applicable, in paragraphs 2, 3 and 4,\n1. Decides.\n__________\n1 A/52/174, annex I.\n2 Ibid.\n3 Not a mark.\n",
        );
        assert_eq!(
            r.preamble[0].text,
            "Recalling the Treaty of 31 May 1997 and the Protocol of 1977, as applicable, in paragraphs 2, 3 and 4,"
        );
        assert_eq!(
            r.preamble[0].footnotes[0].at,
            "Recalling the Treaty of 31 May 1997".len()
        );
        assert_eq!(r.preamble[0].footnotes.len(), 2);
    }

    #[test]
    fn no_clauses_is_an_error_naming_the_file() {
        let err = parse(&Document::from_text("empty.txt", "\n\n   \n")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "empty.txt: no clauses found: this does not look like a draft resolution"
        );
    }

    #[test]
    fn a_job_number_date_alone_on_a_line_is_page_furniture() {
        // pdftotext gives the first page's foot "24-07356 (E) 260424" over
        // three lines with blank lines between
        let r = parse_str(
            "The Security Council,\nRecalling its resolutions on the situation in the country and in the\n\n24-07356 (E)\n\n260424\n\n*2407356*\n\nregion,\n1. Decides to remain seized of the matter.\n",
        );
        assert_eq!(
            r.preamble[0].text,
            "Recalling its resolutions on the situation in the country and in the region,"
        );
        // six digits alone elsewhere are wording
        let r = parse_str("The Security Council,\n1. Decides to allocate\n120522\ndollars.\n");
        assert_eq!(r.operative[0].text, "Decides to allocate 120522 dollars.");
    }

    #[test]
    fn meeting_line_is_not_a_clause() {
        let r = parse_str(
            "The General Assembly,\n1. Decides to adjourn.\n14th plenary meeting\n12 October 2022\n",
        );
        assert_eq!(r.operative.len(), 1);
        assert_eq!(r.operative[0].text, "Decides to adjourn.");
        assert_eq!(
            r.header.meeting.as_deref(),
            Some("14th plenary meeting 12 October 2022")
        );
    }
}
