//! Reads an amendment document: its header and its instructions, in the United Nations' wording.
//!
//! An instruction is read in two steps. First its quotations come out
//! (curly, straight or guillemet quotes, nested curly quotes kept inside),
//! leaving a skeleton such as `in «r0», after the words «q0», insert the
//! words «q1»`, where every paragraph reference (`operative paragraph 3
//! (b)`, `the second preambular paragraph`, `subparagraph (b) of paragraph
//! 3`) has become `«rN»` and the title `«t»`. Then the skeleton is matched
//! against the forms amendments use. Anything else is an error quoting the
//! instruction: an instruction resdiff cannot read is never skipped.

use std::sync::LazyLock;

use regex_lite::Regex;

use super::{
    Amendment, ClauseRef, Instruction, InstructionError, Number, Op, Place, Target, WordAnchor,
    ordinal_value,
};
use crate::error::{Error, Result};
use crate::load::Document;
use crate::parse::{Part, SYMBOL, normalize_chars, split_sponsors};

/// Ordinals in words or figures, as a regex alternative (lower case).
const ORD: &str = r"(?:\d{1,3}(?:st|nd|rd|th)|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|last|final)";
/// A printed operative number: `3`, `3 bis`, `3bis`.
const NUM: &str = r"\d{1,3}(?: ?(?:bis|ter|quater|quinquies|sexies|septies|octies))?";
/// A sub-paragraph label in brackets: `(b)`, `(ii)`, `(b bis)`.
const SUB: &str = r"\((?:[a-z]{1,5}|\d{1,2})(?: ?bis)?\)";

static REF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?:subparagraphs? (?P<pre>{SUB}(?: ?{SUB})*),? (?:of|in) )?(?P<the>the )?(?:(?P<ord>{ORD}) (?P<pa>preambular|operative) paragraph|(?P<pb>preambular|operative) paragraph (?P<num>{NUM})|paragraph (?P<num2>{NUM})|(?P<only>operative paragraph))\b(?P<post>(?: ?{SUB})*)(?:,? subparagraphs? (?P<post2>{SUB}(?: ?{SUB})*))?"
    ))
    .unwrap()
});
static TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:the )?title(?: of the (?:draft )?(?:resolution|decision))?\b").unwrap()
});
static SUB_LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\(([a-z]{1,5}|\d{1,2})(?: ?(bis))?\)").unwrap());

/// The quoted words of a word instruction, optionally introduced.
const W: &str = r"(?:the (?:words?|phrases?|text|figures?|expression|reference|term) )?(?:the following:? )?«q(\d+)»";
/// One or more quotations (new paragraphs).
const QS: &str = r"(?:the following(?: (?:new )?(?:text|paragraphs?|subparagraphs?|title|words?|wording))?:? ?)?(?P<qs>«q\d+»(?:[,;]? (?:and )?«q\d+»)*)";
/// Words introducing the text of new paragraphs.
const READING: &str = r"(?:,? (?:reading|to read|which reads|that reads|as follows|worded as follows|with the following (?:text|wording)|the text of which reads|the text of which is as follows)(?: as follows)?)?:?";
/// `every occurrence` markers.
const ALL: &str = r"(?P<all>,? (?:wherever (?:it|they) appears?|wherever (?:it|they) occurs?|throughout(?: the (?:text|paragraph|draft(?: resolution)?))?|in all instances|each time (?:it|they) appears?))?";
/// A new paragraph named in an insertion.
const NEWPAR: &str = r"(?:(?:a|an|one|two|three|four|five|six|the following|the) )?(?:new )?(?:(?:(?:preambular|operative) )?(?:sub)?paragraphs?(?: \((?:[a-z]{1,5}|\d{1,2})(?: ?bis)?\))?|«r\d+»)";

fn re(s: &str) -> Regex {
    Regex::new(&format!("^{s}$")).unwrap()
}

static LOCATED_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?:(?:in|to|at|under|for|regarding) )?(?P<loc>«r\d+»|«t»)[,:;.]? (?P<rest>.+)")
});
static LOCATED_SUFFIX: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?P<rest>.+?),? (?:in|of|to|from) (?P<loc>«r\d+»|«t»)"));
static LOCATION_ONLY: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:(?:in|to|at|under|for|regarding) )?(?P<loc>«r\d+»|«t»)[,:;.]?"));

// forms on a located target
static L_REPLACE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"replace (?:all occurrences of )?{W} (?:with|by) {W}{ALL}"
    ))
});
static L_REPLACE_WHOLE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"replace (?:it|the (?:whole |entire |existing )?(?:paragraph|subparagraph|title|text|wording)(?: in its entirety)?) (?:with|by|to read:?) {QS}"
    ))
});
static L_DELETE_WORDS: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"delete (?:all occurrences of )?{W}{ALL}")));
static L_DELETE_WHOLE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"delete(?: (?:it|the (?:whole |entire )?(?:paragraph|subparagraph))(?: in its entirety)?)?")
});
static L_INSERT_REL: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?P<rel>after|following|before|preceding) {W},? (?:insert|add) {W}"
    ))
});
static L_INSERT_REL2: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:insert|add) {W},? (?P<rel>after|following|before|preceding) {W}"
    ))
});
static L_INSERT_END: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"at the (?P<pos>end|beginning|start)(?: of (?:the|that|this) (?:paragraph|subparagraph|title|text|sentence))?,? (?:insert|add) {W}"
    ))
});
static L_INSERT_END2: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:insert|add) {W} at the (?P<pos>end|beginning|start)(?: of (?:the|that|this) (?:paragraph|subparagraph|title|text|sentence))?"
    ))
});
static L_INSERT_SUB: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:insert|add) (?:(?:a|one|two|three|the following) )?new subparagraphs?(?: (?P<as>{SUB}))?(?: (?P<rel>after|following|before|preceding) subparagraph (?P<ref>{SUB}))?{READING} ?{QS}"
    ))
});

// whole-sentence forms
static W_DELETE: LazyLock<Regex> =
    LazyLock::new(|| re(r"delete (?P<loc>«r\d+»)(?: in its entirety)?"));
static W_REPLACE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"replace (?P<loc>«r\d+»|«t»)(?: in its entirety)? (?:with|by|to read:?) {QS}"
    ))
});
/// `Amend operative paragraph 8 to read: "..."`, `Operative paragraph 8
/// should read as follows: "..."`, `The title shall read: "..."`: the whole
/// paragraph (or title) replaced.
static W_TO_READ: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:(?:amend|revise|modify|change|reword) (?P<loc>«r\d+»|«t»)(?: in its entirety)?,? (?:so as )?(?:to read|as follows|to read as follows)|(?P<loc2>«r\d+»|«t»),? (?:(?:should|shall|would|will|is to|is|to) )?(?:(?:be )?(?:amended|revised|modified|changed|reworded) )?(?:(?:so as )?to )?reads?(?: as follows)?):? {QS}"
    ))
});
static W_INSERT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?P<rel>after|following|before|preceding) (?P<loc>«r\d+»),? (?:insert|add)(?: {NEWPAR})?{READING} ?{QS}"
    ))
});
static W_INSERT_AFTER2: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:insert|add) {NEWPAR},? (?P<rel>after|following|before|preceding) (?P<loc>«r\d+»){READING} ?{QS}"
    ))
});
static W_INSERT_AS: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:insert|add) (?:(?:a|an|the following) )?new (?P<loc>«r\d+»){READING} ?{QS}"
    ))
});
static W_INSERT_PART: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:insert|add) (?:(?:a|an|one|two|three|the following) )?new (?P<part>preambular|operative) paragraphs?(?: (?:at|to) the (?P<pos>end|beginning|start) of the (?:preamble|preambular part|preambular paragraphs|operative part|operative paragraphs))?{READING} ?{QS}"
    ))
});
static W_INSERT_PART2: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"at the (?P<pos>end|beginning|start) of the (?P<part>preamble|preambular part|preambular paragraphs|operative part|operative paragraphs),? (?:insert|add) {NEWPAR}{READING} ?{QS}"
    ))
});
static W_INSERT_END: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"at the (?P<pos>end|beginning|start) of (?P<loc>«r\d+»|«t»),? (?:insert|add) {W}"
    ))
});

static NUMBERED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\((\d{1,3})\)|(\d{1,3})[.)])(?:[ \t]+|$)(.*)$").unwrap());
static KEYWORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:replace|delete|insert|add|amend|revise|modify|reword|after|before|following|in|at|under|preambular|operative|paragraph|sub-?paragraphs?|title|the (?:title|{ORD}|last|operative|preambular)|{ORD})\b"
    ))
    .unwrap()
});
static SUB_ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\(([a-z])\)[ \t]+(.*)$").unwrap());
static SPONSORS_AMEND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(.*?)[ \t]*\**[ \t]*:[ \t]*(?i:(?:revised[ \t]+|oral[ \t]+)?(?:proposed[ \t]+)?amendments?)\b(.*)$")
        .unwrap()
});
static AMEND_TO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bamendments?[ \t]+(?:to|of)[ \t]+(?:the[ \t]+)?(?:revised[ \t]+)?draft[ \t]+(?:resolution|decision)[ \t]+(\S.*)")
        .unwrap()
});
static HEADER_FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:united nations|general assembly|security council|economic and social council|human rights council|distr\.?\s*:|original\s*:|\d{1,2} (?:january|february|march|april|may|june|july|august|september|october|november|december) \d{4}$|agenda items? \d|[a-z][a-z0-9 \-]*session$|(?:first|second|third|fourth|fifth|sixth) committee$|letter dated)").unwrap()
});

/// Reads an amendment document.
///
/// Fails with an error naming the document when it holds no instruction,
/// and naming the instruction and its line when one cannot be read.
///
/// ```
/// use resdiff::amend::{parse_amendment, Op};
/// use resdiff::load::Document;
/// let doc = Document::from_text("l15.txt", "A/ES-11/L.15\nAustria and Belgium: amendment to draft resolution A/ES-11/L.11\n\n1. In operative paragraph 1, replace the words \u{201c}a lasting peace\u{201d} with the words \u{201c}a just peace\u{201d}.\n");
/// let a = parse_amendment(&doc).unwrap();
/// assert_eq!(a.symbol.as_deref(), Some("A/ES-11/L.15"));
/// assert_eq!(a.target.as_deref(), Some("A/ES-11/L.11"));
/// assert_eq!(a.sponsors, ["Austria", "Belgium"]);
/// assert!(matches!(&a.instructions[0].op, Op::ReplaceWords { old, .. } if old == "a lasting peace"));
/// ```
pub fn parse_amendment(doc: &Document) -> Result<Amendment> {
    let text = normalize_chars(&doc.text);
    let mut notes = Vec::new();
    // (line number, text with spaces collapsed); blank lines kept as ""
    let mut lines: Vec<(usize, String)> = Vec::new();
    for (k, raw) in text.split('\n').enumerate() {
        let t = raw.trim();
        if let Some(c) = t.strip_prefix('#') {
            notes.push(c.trim().to_string());
            continue;
        }
        lines.push((k + 1, t.split_whitespace().collect::<Vec<_>>().join(" ")));
    }

    // the header: up to the sponsors line (or "Amendments to draft
    // resolution ..."), then the draft's title
    let mut a = Amendment {
        source: doc.source.clone(),
        symbol: None,
        sponsors: Vec::new(),
        target: None,
        title: None,
        notes,
        instructions: Vec::new(),
    };
    let nonblank: Vec<usize> = (0..lines.len())
        .filter(|&k| !lines[k].1.is_empty())
        .collect();
    let head_end = nonblank.iter().take(40).copied().rfind(|&k| {
        let l = &lines[k].1;
        SPONSORS_AMEND.is_match(l) || AMEND_TO.is_match(l)
    });
    let mut body_start = 0;
    for &k in &nonblank {
        let l = &lines[k].1;
        if head_end.is_some_and(|h| k > h) {
            break;
        }
        if head_end.is_none() && !is_header_line(l) {
            break;
        }
        body_start = k + 1;
        read_header_line(&mut a, l);
    }
    if let Some(h) = head_end {
        // sponsors wrapped over lines before the sponsors line
        let l = &lines[h].1;
        if let Some(c) = SPONSORS_AMEND.captures(l) {
            let mut list = c[1].to_string();
            let mut j = h;
            while let Some(&p) = nonblank.iter().rev().find(|&&p| p < j) {
                let prev = &lines[p].1;
                if (prev.ends_with(',') || prev.ends_with(" and")) && !is_header_line(prev) {
                    list = format!("{prev} {list}");
                    j = p;
                } else {
                    break;
                }
            }
            a.sponsors = split_sponsors(&list);
        }
        // the title: lines after it that do not open an instruction
        let mut title: Vec<&str> = Vec::new();
        for &k in nonblank.iter().filter(|&&k| k > h) {
            let l = &lines[k].1;
            if title.len() >= 3 || starts_instruction(l) {
                break;
            }
            title.push(l);
            body_start = k + 1;
        }
        if !title.is_empty() {
            a.title = Some(title.join(" "));
        }
    }

    let blocks = blocks(&lines[body_start.min(lines.len())..]);
    let mut heading: Option<Target> = None;
    let mut count = 0;
    for b in blocks {
        // a block that only names a paragraph governs the ones after it
        let joined = join_lines(&b.lines);
        if b.label.is_none()
            && let Some(t) = location_only(&joined)
        {
            heading = Some(t);
            continue;
        }
        // sub-items "(a) ...", "(b) ..." under a numbered paragraph heading
        for (sub_label, line, text) in split_sub_items(&b) {
            count += 1;
            let label = match (&b.label, sub_label) {
                (Some(l), Some(s)) => format!("{l}({s})"),
                (Some(l), None) => l.clone(),
                (None, _) => count.to_string(),
            };
            let err = |problem: String| InstructionError {
                file: doc.source.clone(),
                label: label.clone(),
                line,
                problem,
            };
            let (target, op) = parse_instruction(&text, heading.as_ref()).map_err(err)?;
            a.instructions.push(Instruction {
                label,
                line,
                text: text.replace('\u{AD}', "-"),
                target,
                op,
            });
        }
    }
    if a.instructions.is_empty() {
        return Err(Error::input(
            &doc.source,
            "no amendment instructions found (such as `1. In operative paragraph 2, replace the words \"a\" with the words \"b\"`)",
        ));
    }
    Ok(a)
}

fn is_header_line(l: &str) -> bool {
    HEADER_FIELD.is_match(l)
        || SYMBOL
            .find(l)
            .is_some_and(|m| m.start() == 0 || l[..m.start()].trim() == "United Nations")
}

fn read_header_line(a: &mut Amendment, l: &str) {
    if a.symbol.is_none()
        && !AMEND_TO.is_match(l)
        && !SPONSORS_AMEND.is_match(l)
        && let Some(m) = SYMBOL.find(l)
        && (m.start() == 0 || l[..m.start()].trim() == "United Nations")
    {
        a.symbol = Some(m.as_str().to_string());
    }
    if a.target.is_none()
        && let Some(c) = AMEND_TO.captures(l)
        && let Some(m) = SYMBOL.find(&c[1])
    {
        a.target = Some(m.as_str().to_string());
    }
}

/// Whether a line opens an instruction: a number (`1.`, `(2)`) or a
/// capitalised instruction word (`Replace`, `In operative paragraph 2`,
/// `The second preambular paragraph`).
fn starts_instruction(l: &str) -> bool {
    NUMBERED.is_match(l) || (l.starts_with(char::is_uppercase) && KEYWORD.is_match(l))
}

/// Lines of one instruction before they are joined.
struct Block {
    label: Option<String>,
    line: usize,
    lines: Vec<(usize, String)>,
}

/// Whether a quotation is open at the end of `line`, given whether one was
/// open at its start: curly quotes nest, straight quotes toggle outside them.
fn quote_open_after(line: &str, mut curly: usize, mut straight: bool) -> (usize, bool) {
    for c in line.chars() {
        if straight {
            // inside straight quotes only a straight quote closes
            straight = c != '"';
            continue;
        }
        match c {
            '“' | '«' => curly += 1,
            '”' | '»' if curly > 0 => curly -= 1,
            '"' | '”' => straight = true,
            _ => {}
        }
    }
    (curly, straight)
}

/// Splits the body into instructions: at numbers when the document numbers
/// them, else at each line opening with an instruction word after a line
/// that closes (or a blank line, or a line naming a paragraph). Nothing
/// inside an open quotation splits.
fn blocks(lines: &[(usize, String)]) -> Vec<Block> {
    // numbered documents: any line outside quotes opening with a number
    let mut numbered = false;
    let (mut curly, mut straight) = (0, false);
    for (_, l) in lines {
        if curly == 0 && !straight && NUMBERED.is_match(l) && !l.is_empty() {
            numbered = true;
        }
        (curly, straight) = quote_open_after(l, curly, straight);
    }
    let mut out: Vec<Block> = Vec::new();
    let (mut curly, mut straight) = (0, false);
    let mut blank_before = true;
    for (no, l) in lines {
        let open = curly > 0 || straight;
        if l.is_empty() {
            blank_before = true;
            if open && let Some(b) = out.last_mut() {
                b.lines.push((*no, String::new()));
            }
            continue;
        }
        let new_block = if open {
            None
        } else if numbered {
            NUMBERED.captures(l).map(|c| {
                (
                    Some(c.get(1).or(c.get(2)).unwrap().as_str().to_string()),
                    c[3].to_string(),
                )
            })
        } else {
            let prev_closes = out
                .last()
                .and_then(|b| b.lines.last())
                .is_none_or(|(_, p)| {
                    p.ends_with(['.', ';', ':', '”', '"', '»'])
                        || p.ends_with("”.")
                        || location_only(p).is_some()
                });
            (starts_instruction(l) && (blank_before || prev_closes)).then(|| (None, l.clone()))
        };
        match new_block {
            Some((label, rest)) => out.push(Block {
                label,
                line: *no,
                lines: if rest.is_empty() {
                    Vec::new()
                } else {
                    vec![(*no, rest)]
                },
            }),
            None => match out.last_mut() {
                Some(b) => b.lines.push((*no, l.clone())),
                // text before the first numbered instruction
                None => out.push(Block {
                    label: None,
                    line: *no,
                    lines: vec![(*no, l.clone())],
                }),
            },
        }
        blank_before = false;
        (curly, straight) = quote_open_after(l, curly, straight);
    }
    out
}

/// Joins the lines of one instruction: a word hyphenated at a line end is
/// joined back (inside a quotation the hyphen is kept as a soft hyphen,
/// for the draft's vocabulary to decide); other lines join with a space.
fn join_lines(lines: &[(usize, String)]) -> String {
    let mut out = String::new();
    let (mut curly, mut straight) = (0, false);
    for (_, l) in lines {
        if l.is_empty() {
            continue;
        }
        if !out.is_empty() {
            let mut it = out.chars().rev();
            let hyphen = matches!(it.next(), Some('-' | '\u{2010}'))
                && it.next().is_some_and(char::is_alphabetic);
            if hyphen && l.starts_with(char::is_lowercase) {
                out.pop();
                if curly > 0 || straight {
                    out.push('\u{AD}');
                }
            } else if !hyphen {
                out.push(' ');
            }
        }
        out.push_str(l);
        (curly, straight) = quote_open_after(l, curly, straight);
    }
    out
}

/// The sub-items `(a) ...`, `(b) ...` of a numbered instruction whose first
/// line names a paragraph; otherwise the whole block as one instruction.
/// Returns (sub-label, line, text).
fn split_sub_items(b: &Block) -> Vec<(Option<String>, usize, String)> {
    let whole = || vec![(None, b.line, join_lines(&b.lines))];
    let (mut curly, mut straight) = (0, false);
    let mut starts: Vec<usize> = Vec::new();
    for (k, (_, l)) in b.lines.iter().enumerate() {
        if curly == 0 && !straight && SUB_ITEM.is_match(l) {
            starts.push(k);
        }
        (curly, straight) = quote_open_after(l, curly, straight);
    }
    let Some(&first) = starts.first() else {
        return whole();
    };
    let head = join_lines(&b.lines[..first]);
    if !head.is_empty() && location_only(&head).is_none() {
        return whole();
    }
    let mut out = Vec::new();
    for (n, &s) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(b.lines.len());
        let c = SUB_ITEM.captures(&b.lines[s].1).unwrap();
        let mut item = b.lines[s..end].to_vec();
        item[0].1 = c[2].to_string();
        let text = join_lines(&item);
        let text = if head.is_empty() {
            text
        } else {
            format!("{head} {text}")
        };
        out.push((Some(c[1].to_string()), b.lines[s].0, text));
    }
    out
}

/// An instruction's skeleton: lower case, quotations as `«qN»`, paragraph
/// references as `«rN»`, the title as `«t»`.
struct Skeleton {
    text: String,
    quotes: Vec<String>,
    refs: Vec<ClauseRef>,
}

/// Takes the quotations out of an instruction. An unquoted text after
/// `reading:` or `the following:` counts as one quotation.
fn extract_quotes(text: &str) -> std::result::Result<(String, Vec<String>), String> {
    let chars: Vec<char> = text.chars().collect();
    let mut skel = String::new();
    let mut quotes = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let close: Option<(char, char)> = match c {
            '“' => Some(('“', '”')),
            '«' => Some(('«', '»')),
            // a straight quote closes at the next straight quote (a stray
            // closing curly quote opening one, at either)
            '"' | '”' => Some(('\0', '"')),
            _ => None,
        };
        let Some((open, close)) = close else {
            skel.push(c);
            i += 1;
            continue;
        };
        let mut depth = 1;
        let mut j = i + 1;
        let mut inner = String::new();
        while j < chars.len() {
            let d = chars[j];
            if open != '\0' && d == open {
                depth += 1;
            } else if d == close || (c == '”' && d == '”') {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            inner.push(d);
            j += 1;
        }
        if j >= chars.len() {
            return Err(format!(
                "a quotation opened here is never closed: {}",
                excerpt(&chars[i..].iter().collect::<String>(), 60)
            ));
        }
        skel.push_str(&format!(" «q{}» ", quotes.len()));
        quotes.push(inner.trim().to_string());
        i = j + 1;
    }
    if quotes.is_empty() {
        static TAIL: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)^(.*?\b(?:reading|to read|reads?|as follows|the following|with|by))[ \t]*:[ \t]*(\S.*)$").unwrap()
        });
        if let Some(c) = TAIL.captures(&skel.clone()) {
            quotes.push(c[2].trim().to_string());
            skel = format!("{} «q0»", &c[1]);
        }
    }
    Ok((skel, quotes))
}

fn skeleton(text: &str) -> std::result::Result<Skeleton, String> {
    let (skel, quotes) = extract_quotes(text)?;
    let mut s = skel
        .to_lowercase()
        .replace("sub-paragraph", "subparagraph")
        .replace("sub paragraph", "subparagraph");
    s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    s = s
        .replace(" ,", ",")
        .replace(" :", ":")
        .replace(" ;", ";")
        .replace(" .", ".");
    let mut refs = Vec::new();
    let mut bad: Option<String> = None;
    let s = REF
        .replace_all(&s, |c: &regex_lite::Captures| {
            if c.name("only").is_some() && c.name("the").is_none() {
                // "a new operative paragraph": a kind, not a reference
                return c[0].to_string();
            }
            match clause_ref(c) {
                Ok(r) => {
                    refs.push(r);
                    format!("«r{}»", refs.len() - 1)
                }
                Err(e) => {
                    bad.get_or_insert(e);
                    c[0].to_string()
                }
            }
        })
        .to_string();
    if let Some(e) = bad {
        return Err(e);
    }
    let s = TITLE.replace_all(&s, "«t»").to_string();
    let s = s
        .trim()
        .trim_end_matches(['.', ';', ':', ','])
        .trim()
        .to_string();
    Ok(Skeleton {
        text: s,
        quotes,
        refs,
    })
}

fn clause_ref(c: &regex_lite::Captures) -> std::result::Result<ClauseRef, String> {
    let part = match c.name("pa").or(c.name("pb")).map(|m| m.as_str()) {
        Some("preambular") => Part::Preamble,
        _ => Part::Operative,
    };
    let number = if let Some(o) = c.name("ord") {
        match o.as_str() {
            "last" | "final" => Number::Last,
            w => Number::Position(
                ordinal_value(w).ok_or_else(|| format!("cannot read the ordinal \"{w}\""))?,
            ),
        }
    } else if let Some(n) = c.name("num").or(c.name("num2")) {
        let label = normalize_label(n.as_str());
        match (part, label.parse::<usize>()) {
            (Part::Preamble, Ok(n)) => Number::Position(n),
            _ => Number::Label(label),
        }
    } else {
        Number::Only
    };
    let mut sub = Vec::new();
    for g in ["post", "post2", "pre"] {
        if let Some(m) = c.name(g) {
            for s in SUB_LABEL.captures_iter(m.as_str()) {
                sub.push(match s.get(2) {
                    Some(_) => format!("{} bis", &s[1]),
                    None => s[1].to_string(),
                });
            }
        }
    }
    Ok(ClauseRef { part, number, sub })
}

/// `3bis` and `3 bis` are the same number: `3 bis`.
fn normalize_label(s: &str) -> String {
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    let rest = s[digits.len()..].trim();
    if rest.is_empty() {
        digits
    } else {
        format!("{digits} {rest}")
    }
}

/// The paragraph a block names when that is all it says (`Operative
/// paragraph 1`, `The title:`).
fn location_only(text: &str) -> Option<Target> {
    let sk = skeleton(text).ok()?;
    if !sk.quotes.is_empty() {
        return None;
    }
    let c = LOCATION_ONLY.captures(&sk.text)?;
    loc(&c["loc"], &sk).ok()
}

fn loc(token: &str, sk: &Skeleton) -> std::result::Result<Target, String> {
    if token == "«t»" {
        return Ok(Target::Title);
    }
    let n: usize = token
        .trim_start_matches("«r")
        .trim_end_matches('»')
        .parse()
        .map_err(|_| "internal: bad reference".to_string())?;
    Ok(Target::Clause(sk.refs[n].clone()))
}

/// The quotation of the `k`-th unnamed group (from 1) of a match: the
/// quoted words of a form, in the order they are written.
fn quote(sk: &Skeleton, re: &Regex, c: &regex_lite::Captures, k: usize) -> String {
    let group = re
        .capture_names()
        .enumerate()
        .skip(1)
        .filter(|(_, name)| name.is_none())
        .nth(k - 1)
        .map(|(i, _)| i);
    let n: usize = group
        .and_then(|g| c.get(g))
        .and_then(|m| m.as_str().parse().ok())
        .unwrap_or(0);
    sk.quotes.get(n).cloned().unwrap_or_default()
}

fn quotes_of(sk: &Skeleton, c: &regex_lite::Captures) -> Vec<String> {
    static Q: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"«q(\d+)»").unwrap());
    let span = c.name("qs").map_or("", |m| m.as_str());
    Q.captures_iter(span)
        .filter_map(|q| q[1].parse::<usize>().ok())
        .filter_map(|n| sk.quotes.get(n).cloned())
        .collect()
}

fn anchor(rel: &str, words: String) -> WordAnchor {
    match rel {
        "before" | "preceding" => WordAnchor::Before(words),
        _ => WordAnchor::After(words),
    }
}

fn place(rel: &str) -> Place {
    match rel {
        "before" | "preceding" => Place::Before,
        _ => Place::After,
    }
}

/// Reads one instruction. `heading` is the paragraph named by a line before
/// it, for instructions that do not name their own.
fn parse_instruction(
    text: &str,
    heading: Option<&Target>,
) -> std::result::Result<(Target, Op), String> {
    let sk = skeleton(text)?;
    let s = sk.text.as_str();
    let unreadable = || {
        format!(
            "cannot read this instruction: \"{}\" (see the README, \"Amendments\", for the forms resdiff understands)",
            excerpt(&text.replace('\u{AD}', "-"), 160)
        )
    };

    // whole-sentence forms name their paragraph themselves
    if let Some(c) = W_DELETE.captures(s) {
        return Ok((loc(&c["loc"], &sk)?, Op::Delete));
    }
    if let Some(c) = W_REPLACE.captures(s) {
        return Ok((
            loc(&c["loc"], &sk)?,
            Op::Replace {
                text: quotes_of(&sk, &c),
            },
        ));
    }
    if let Some(c) = W_TO_READ.captures(s) {
        let at = c.name("loc").or(c.name("loc2")).map_or("", |m| m.as_str());
        return Ok((
            loc(at, &sk)?,
            Op::Replace {
                text: quotes_of(&sk, &c),
            },
        ));
    }
    for r in [&*W_INSERT_AFTER, &*W_INSERT_AFTER2] {
        if let Some(c) = r.captures(s) {
            return Ok((
                loc(&c["loc"], &sk)?,
                Op::Insert {
                    place: place(&c["rel"]),
                    text: quotes_of(&sk, &c),
                },
            ));
        }
    }
    if let Some(c) = W_INSERT_AS.captures(s) {
        return Ok((
            loc(&c["loc"], &sk)?,
            Op::Insert {
                place: Place::As,
                text: quotes_of(&sk, &c),
            },
        ));
    }
    for r in [&*W_INSERT_PART, &*W_INSERT_PART2] {
        if let Some(c) = r.captures(s) {
            let part = if c["part"].starts_with("preamb") {
                Part::Preamble
            } else {
                Part::Operative
            };
            let place = match c.name("pos").map(|m| m.as_str()) {
                Some("beginning" | "start") => Place::Start,
                _ => Place::End,
            };
            return Ok((
                Target::Part(part),
                Op::Insert {
                    place,
                    text: quotes_of(&sk, &c),
                },
            ));
        }
    }
    if let Some(c) = W_INSERT_END.captures(s) {
        let at = match &c["pos"] {
            "end" => WordAnchor::End,
            _ => WordAnchor::Start,
        };
        return Ok((
            loc(&c["loc"], &sk)?,
            Op::InsertWords {
                at,
                words: quote(&sk, &W_INSERT_END, &c, 1),
            },
        ));
    }

    // forms on a paragraph named before (or after) the operation
    let (target, rest) = if let Some(c) = LOCATED_PREFIX.captures(s) {
        (loc(&c["loc"], &sk)?, c["rest"].to_string())
    } else if let Some(c) = LOCATED_SUFFIX.captures(s) {
        (loc(&c["loc"], &sk)?, c["rest"].to_string())
    } else if let Some(h) = heading {
        (h.clone(), s.to_string())
    } else {
        return Err(unreadable());
    };
    let rest = rest.trim_end_matches(['.', ';', ':', ',']).trim();
    let op = if let Some(c) = L_REPLACE_WORDS.captures(rest) {
        Op::ReplaceWords {
            old: quote(&sk, &L_REPLACE_WORDS, &c, 1),
            new: quote(&sk, &L_REPLACE_WORDS, &c, 2),
            everywhere: c.name("all").is_some(),
        }
    } else if let Some(c) = L_REPLACE_WHOLE.captures(rest) {
        Op::Replace {
            text: quotes_of(&sk, &c),
        }
    } else if let Some(c) = L_DELETE_WORDS.captures(rest) {
        Op::DeleteWords {
            words: quote(&sk, &L_DELETE_WORDS, &c, 1),
            everywhere: c.name("all").is_some(),
        }
    } else if L_DELETE_WHOLE.is_match(rest) {
        Op::Delete
    } else if let Some(c) = L_INSERT_REL.captures(rest) {
        Op::InsertWords {
            at: anchor(&c["rel"], quote(&sk, &L_INSERT_REL, &c, 1)),
            words: quote(&sk, &L_INSERT_REL, &c, 2),
        }
    } else if let Some(c) = L_INSERT_REL2.captures(rest) {
        Op::InsertWords {
            at: anchor(&c["rel"], quote(&sk, &L_INSERT_REL2, &c, 2)),
            words: quote(&sk, &L_INSERT_REL2, &c, 1),
        }
    } else if let Some((re, c)) = [&*L_INSERT_END, &*L_INSERT_END2]
        .into_iter()
        .find_map(|re| re.captures(rest).map(|c| (re, c)))
    {
        Op::InsertWords {
            at: match &c["pos"] {
                "end" => WordAnchor::End,
                _ => WordAnchor::Start,
            },
            words: quote(&sk, re, &c, 1),
        }
    } else if let Some(c) = L_INSERT_SUB.captures(rest) {
        let Target::Clause(parent) = &target else {
            return Err(unreadable());
        };
        let label = |m: &str| {
            SUB_LABEL
                .captures(m)
                .map(|s| match s.get(2) {
                    Some(_) => format!("{} bis", &s[1]),
                    None => s[1].to_string(),
                })
                .unwrap_or_default()
        };
        let text = quotes_of(&sk, &c);
        let (target, place) = match (c.name("rel"), c.name("ref"), c.name("as")) {
            (Some(rel), Some(r), _) => {
                let mut t = parent.clone();
                t.sub.push(label(r.as_str()));
                (Target::Clause(t), place(rel.as_str()))
            }
            (_, _, Some(a)) => {
                let mut t = parent.clone();
                t.sub.push(label(a.as_str()));
                (Target::Clause(t), Place::As)
            }
            _ => (Target::Clause(parent.clone()), Place::End),
        };
        return Ok((target, Op::Insert { place, text }));
    } else {
        return Err(unreadable());
    };
    Ok((target, op))
}

/// A quotation shortened for a message: the start and the end.
pub(crate) fn excerpt(s: &str, max: usize) -> String {
    let n = s.chars().count();
    if n <= max {
        return s.to_string();
    }
    let head: String = s.chars().take(max * 2 / 3).collect();
    let tail: String = s.chars().skip(n - max / 3).collect();
    format!("{} … {}", head.trim_end(), tail.trim_start())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> (Target, Op) {
        parse_instruction(text, None).unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    fn op_ref(part: Part, number: Number, sub: &[&str]) -> Target {
        Target::Clause(ClauseRef {
            part,
            number,
            sub: sub.iter().map(|s| s.to_string()).collect(),
        })
    }

    #[test]
    fn word_replacements_in_both_orders() {
        let want = (
            op_ref(Part::Operative, Number::Label("1".into()), &[]),
            Op::ReplaceWords {
                old: "a lasting peace".into(),
                new: "a just, lasting and comprehensive peace".into(),
                everywhere: false,
            },
        );
        for t in [
            "Operative paragraph 1: replace the words “a lasting peace” with the words “a just, lasting and comprehensive peace”",
            "In operative paragraph 1, replace \"a lasting peace\" by \"a just, lasting and comprehensive peace\".",
            "Replace the words “a lasting peace” with “a just, lasting and comprehensive peace” in operative paragraph 1",
            "Operative paragraph 1 Replace the words “a lasting peace” by the words “a just, lasting and comprehensive peace”;",
            "In paragraph 1, replace the words «a lasting peace» with the words «a just, lasting and comprehensive peace»",
        ] {
            assert_eq!(one(t), want, "{t}");
        }
    }

    #[test]
    fn to_read_forms_replace_the_whole_paragraph() {
        let want = (
            op_ref(Part::Operative, Number::Label("8".into()), &[]),
            Op::Replace {
                text: vec!["Calls for a just peace.".into()],
            },
        );
        for t in [
            "Amend operative paragraph 8 to read: “Calls for a just peace.”",
            "Amend operative paragraph 8 to read as follows: “Calls for a just peace.”",
            "Operative paragraph 8 should read as follows: “Calls for a just peace.”",
            "Operative paragraph 8 shall read: \"Calls for a just peace.\"",
            "Operative paragraph 8 shall read: Calls for a just peace.",
            "Operative paragraph 8 is amended to read: “Calls for a just peace.”",
            "Operative paragraph 8 to read: “Calls for a just peace.”",
            "Revise paragraph 8 to read as follows: “Calls for a just peace.”",
        ] {
            assert_eq!(one(t), want, "{t}");
        }
        let (target, _) = one("The title shall read: “The path to a just peace”");
        assert_eq!(target, Target::Title);
        let (target, op) =
            one("Amend the second preambular paragraph to read: “Recalling its resolutions,”");
        assert_eq!(target, op_ref(Part::Preamble, Number::Position(2), &[]));
        assert!(matches!(op, Op::Replace { .. }));
    }

    #[test]
    fn references_in_words_and_figures() {
        let cases = [
            (
                "In the eighth preambular paragraph, delete the words “x”",
                op_ref(Part::Preamble, Number::Position(8), &[]),
            ),
            (
                "In the twenty-first preambular paragraph, delete the words “x”",
                op_ref(Part::Preamble, Number::Position(21), &[]),
            ),
            (
                "In the 21st preambular paragraph, delete the words “x”",
                op_ref(Part::Preamble, Number::Position(21), &[]),
            ),
            (
                "In preambular paragraph 3, delete the words “x”",
                op_ref(Part::Preamble, Number::Position(3), &[]),
            ),
            (
                "In operative paragraph 3 (b), delete the words “x”",
                op_ref(Part::Operative, Number::Label("3".into()), &["b"]),
            ),
            (
                "In subparagraph (b) of operative paragraph 3, delete the words “x”",
                op_ref(Part::Operative, Number::Label("3".into()), &["b"]),
            ),
            (
                "In sub-paragraph (ii) of operative paragraph 3(b), delete the words “x”",
                op_ref(Part::Operative, Number::Label("3".into()), &["b", "ii"]),
            ),
            (
                "In operative paragraph 3, subparagraph (b), delete the words “x”",
                op_ref(Part::Operative, Number::Label("3".into()), &["b"]),
            ),
            (
                "In operative paragraph 3 bis, delete the words “x”",
                op_ref(Part::Operative, Number::Label("3 bis".into()), &[]),
            ),
            (
                "In the operative paragraph, delete the words “x”",
                op_ref(Part::Operative, Number::Only, &[]),
            ),
            (
                "In the last preambular paragraph, delete the words “x”",
                op_ref(Part::Preamble, Number::Last, &[]),
            ),
            (
                "In paragraph 8, delete the words “x”",
                op_ref(Part::Operative, Number::Label("8".into()), &[]),
            ),
        ];
        for (t, want) in cases {
            assert_eq!(one(t).0, want, "{t}");
        }
    }

    #[test]
    fn every_instruction_kind() {
        assert_eq!(
            one("Delete operative paragraph 4"),
            (
                op_ref(Part::Operative, Number::Label("4".into()), &[]),
                Op::Delete
            )
        );
        assert_eq!(
            one("Delete the third preambular paragraph."),
            (op_ref(Part::Preamble, Number::Position(3), &[]), Op::Delete)
        );
        assert_eq!(
            one(
                "In operative paragraph 2, after the words “Calls upon”, insert the words “all Member States”"
            ),
            (
                op_ref(Part::Operative, Number::Label("2".into()), &[]),
                Op::InsertWords {
                    at: WordAnchor::After("Calls upon".into()),
                    words: "all Member States".into()
                }
            )
        );
        assert_eq!(
            one("In operative paragraph 2, before the words “the parties”, insert the words “all”")
                .1,
            Op::InsertWords {
                at: WordAnchor::Before("the parties".into()),
                words: "all".into()
            }
        );
        assert_eq!(
            one("In operative paragraph 2, insert the words “all” after the words “upon”").1,
            Op::InsertWords {
                at: WordAnchor::After("upon".into()),
                words: "all".into()
            }
        );
        assert_eq!(
            one("At the end of operative paragraph 2, add the words “, in line with the Charter”")
                .1,
            Op::InsertWords {
                at: WordAnchor::End,
                words: ", in line with the Charter".into()
            }
        );
        assert_eq!(
            one("Replace the title with “The path to a just peace”"),
            (
                Target::Title,
                Op::Replace {
                    text: vec!["The path to a just peace".into()]
                }
            )
        );
        assert_eq!(
            one(
                "Replace the title of the draft resolution by the following: The path to a just peace"
            ),
            (
                Target::Title,
                Op::Replace {
                    text: vec!["The path to a just peace".into()]
                }
            )
        );
        assert_eq!(
            one(
                "Replace operative paragraph 5 with the following: “5. Decides to remain seized of the matter.”"
            ),
            (
                op_ref(Part::Operative, Number::Label("5".into()), &[]),
                Op::Replace {
                    text: vec!["5. Decides to remain seized of the matter.".into()]
                }
            )
        );
        assert_eq!(
            one(
                "After the second preambular paragraph, insert a new paragraph reading: “Reaffirming its commitment,”"
            ),
            (
                op_ref(Part::Preamble, Number::Position(2), &[]),
                Op::Insert {
                    place: Place::After,
                    text: vec!["Reaffirming its commitment,".into()]
                }
            )
        );
        assert_eq!(
            one(
                "Insert a new preambular paragraph after preambular paragraph 2 reading “Reaffirming its commitment,”"
            ),
            (
                op_ref(Part::Preamble, Number::Position(2), &[]),
                Op::Insert {
                    place: Place::After,
                    text: vec!["Reaffirming its commitment,".into()]
                }
            )
        );
        assert_eq!(
            one("Add a new operative paragraph 3 bis reading “Decides to act;”"),
            (
                op_ref(Part::Operative, Number::Label("3 bis".into()), &[]),
                Op::Insert {
                    place: Place::As,
                    text: vec!["Decides to act;".into()]
                }
            )
        );
        assert_eq!(
            one("After operative paragraph 3, insert the following new paragraphs: “Decides;” “Requests;”").1,
            Op::Insert { place: Place::After, text: vec!["Decides;".into(), "Requests;".into()] }
        );
        assert_eq!(
            one("Insert a new preambular paragraph reading “Recalling,”"),
            (
                Target::Part(Part::Preamble),
                Op::Insert {
                    place: Place::End,
                    text: vec!["Recalling,".into()]
                }
            )
        );
        assert_eq!(
            one("In operative paragraph 3, add a new subparagraph (c) reading “(c) To report;”"),
            (
                op_ref(Part::Operative, Number::Label("3".into()), &["c"]),
                Op::Insert {
                    place: Place::As,
                    text: vec!["(c) To report;".into()]
                }
            )
        );
        assert_eq!(
            one("In the eighth preambular paragraph, delete the words “and Russia”, wherever they appear").1,
            Op::DeleteWords { words: "and Russia".into(), everywhere: true }
        );
    }

    #[test]
    fn nested_and_unclosed_quotes() {
        assert_eq!(
            one("In operative paragraph 1, replace the words “the “so-called” referendums” with “the referendums”").1,
            Op::ReplaceWords { old: "the “so-called” referendums".into(), new: "the referendums".into(), everywhere: false }
        );
        let err = parse_instruction(
            "In operative paragraph 1, delete the words “never closed",
            None,
        )
        .unwrap_err();
        assert!(err.contains("never closed"), "{err}");
    }

    #[test]
    fn unreadable_text_is_an_error_quoting_it() {
        let err = parse_instruction("Make operative paragraph 1 stronger", None).unwrap_err();
        assert!(
            err.starts_with(
                "cannot read this instruction: \"Make operative paragraph 1 stronger\""
            ),
            "{err}"
        );
    }

    #[test]
    fn a_document_with_header_wrapping_headings_and_sub_items() {
        let text = "United Nations A/ES-11/L.15\nGeneral Assembly\nDistr.: Limited\n24 February 2025\nOriginal: English\nEleventh emergency special session\nAgenda item 5\nAustria, Belgium,\nBulgaria and Croatia: amendments to draft resolution A/ES-11/L.11\nThe path to peace\n\n1. Operative paragraph 1\nReplace the words “lasting peace between Ukraine and the Russian\nFederation” with the words “just, lasting and compre-\nhensive peace”\n2.\tOperative paragraph 2:\n(a) Delete the words “x”;\n(b) After the words “y”, insert the words “z”.\n3. Delete the third preambular paragraph\n";
        let a = parse_amendment(&Document::from_text("l15.txt", text)).unwrap();
        assert_eq!(a.symbol.as_deref(), Some("A/ES-11/L.15"));
        assert_eq!(a.target.as_deref(), Some("A/ES-11/L.11"));
        assert_eq!(a.sponsors, ["Austria", "Belgium", "Bulgaria", "Croatia"]);
        assert_eq!(a.title.as_deref(), Some("The path to peace"));
        let labels: Vec<&str> = a.instructions.iter().map(|i| i.label.as_str()).collect();
        assert_eq!(labels, ["1", "2(a)", "2(b)", "3"]);
        assert_eq!(a.instructions[0].line, 12);
        assert_eq!(a.instructions[1].line, 17);
        match &a.instructions[0].op {
            Op::ReplaceWords { old, new, .. } => {
                assert_eq!(
                    old,
                    "lasting peace between Ukraine and the Russian Federation"
                );
                assert_eq!(new, "just, lasting and compre\u{AD}hensive peace");
            }
            op => panic!("{op:?}"),
        }
    }

    #[test]
    fn unnumbered_instructions_under_headings() {
        let text = "Amendments to draft resolution A/ES-11/L.11\n\nOperative paragraph 1\nReplace the words “a” with the words “b”.\nDelete the words “c”.\n\nThe title\nReplace the title with “New”\n";
        let a = parse_amendment(&Document::from_text("x.txt", text)).unwrap();
        assert_eq!(a.target.as_deref(), Some("A/ES-11/L.11"));
        assert_eq!(a.instructions.len(), 3);
        assert_eq!(
            a.instructions[1].target,
            op_ref(Part::Operative, Number::Label("1".into()), &[])
        );
        assert_eq!(a.instructions[1].label, "2");
        assert_eq!(a.instructions[2].target, Target::Title);
    }

    #[test]
    fn a_bad_instruction_names_its_number_and_line() {
        let text = "Amendments to draft resolution A/ES-11/L.11\n\n1. Delete operative paragraph 2.\n2. Strengthen operative paragraph 1.\n";
        let err = parse_amendment(&Document::from_text("bad.txt", text)).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("bad.txt: instruction 2 (line 4): cannot read this instruction"),
            "{err}"
        );
    }
}
