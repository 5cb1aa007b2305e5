//! Wording review (`resdiff check`): required, forbidden and agreed phrases
//! in a draft, and lead-word changes and watched terms between two versions.
//!
//! Phrases match as whole tokens (words and punctuation marks) without regard
//! to case, spacing, line breaks, quote style or line-end hyphenation;
//! agreed language also keeps its case. A draft is searched in its title and
//! every clause at every depth; findings name the clause (`OP1`, `PP2`,
//! `OP3(a)`), or `title`, or `document` for something missing altogether.

pub mod rules;
pub mod versions;

use serde::Serialize;

pub use rules::{Rules, Severity, load_rules, parse_rules};

use crate::diff::{Change, Direction, Op, ResolutionDiff, Segment, word_diff};
use crate::parse::Resolution;
use crate::tokens::{KeyOptions, TokenKind, key, tokenize};

/// One thing the review found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The table of the rules file that found it: `require`, `forbid`,
    /// `agreed`, `lead_words`, `watch`.
    pub rule: String,
    /// How much it matters.
    pub severity: Severity,
    /// Where: a clause id, `title`, or `document`.
    pub clause: String,
    /// What was found, in one sentence.
    pub message: String,
    /// The draft's wording around it (empty when nothing is there to quote).
    pub excerpt: String,
}

/// Whether any finding is an error: `resdiff check` then exits with 1.
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}

/// Words and punctuation of a text with their byte spans, under the keys
/// they compare by.
struct Toks {
    keys: Vec<String>,
    spans: Vec<(usize, usize)>,
}

fn toks(text: &str, ignore_case: bool) -> Toks {
    let o = KeyOptions {
        ignore_case,
        ignore_punctuation: false,
    };
    let mut t = Toks {
        keys: Vec::new(),
        spans: Vec::new(),
    };
    for tok in tokenize(text, o) {
        if matches!(tok.kind, TokenKind::Word | TokenKind::Punct) {
            t.keys.push(key(tok.text(text), tok.kind, o).into_owned());
            t.spans.push((tok.start as usize, tok.end as usize));
        }
    }
    t
}

/// Where `needle` occurs in `hay`: byte ranges, not overlapping.
fn find(hay: &Toks, needle: &Toks) -> Vec<(usize, usize)> {
    let n = needle.keys.len();
    let mut out = Vec::new();
    if n == 0 || hay.keys.len() < n {
        return out;
    }
    let mut i = 0;
    while i + n <= hay.keys.len() {
        if hay.keys[i..i + n] == needle.keys[..] {
            out.push((hay.spans[i].0, hay.spans[i + n - 1].1));
            i += n;
        } else {
            i += 1;
        }
    }
    out
}

/// The texts a draft is searched in: its title, then every clause.
fn texts(r: &Resolution) -> Vec<(String, &str)> {
    let mut v = Vec::new();
    if let Some(t) = &r.header.title {
        v.push(("title".to_string(), t.as_str()));
    }
    for c in r.clauses() {
        c.walk(&mut |c| v.push((c.id.clone(), c.text.as_str())));
    }
    v
}

/// The text around a byte range, cut at spaces, with `…` where it was cut.
fn excerpt(text: &str, start: usize, end: usize) -> String {
    const CONTEXT: usize = 40;
    let mut a = start.saturating_sub(CONTEXT);
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    if a > 0
        && let Some(sp) = text[a..start].find(' ')
    {
        a += sp + 1;
    }
    let mut b = (end + CONTEXT).min(text.len());
    while !text.is_char_boundary(b) {
        b += 1;
    }
    if b < text.len()
        && let Some(sp) = text[end..b].rfind(' ')
    {
        b = end + sp;
    }
    format!(
        "{}{}{}",
        if a > 0 { "…" } else { "" },
        &text[a..b],
        if b < text.len() { "…" } else { "" }
    )
}

fn with_note(msg: String, note: &Option<String>) -> String {
    match note {
        Some(n) if !n.trim().is_empty() => format!("{msg} ({})", n.trim()),
        _ => msg,
    }
}

/// Length of the longest common subsequence of two token slices.
fn lcs(a: &[String], b: &[String]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        let mut prev = 0;
        for (j, y) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if x == y {
                prev + 1
            } else {
                row[j + 1].max(row[j])
            };
            prev = cur;
        }
    }
    row[b.len()]
}

/// The closest wording to `phrase` in any of `texts`: the text's index, the
/// byte range, and the share of tokens in common (0 to 1). Windows start and
/// end on words of the phrase and run from a third to one and a half of its
/// length; of two equally close, the one sharing more meaningful words wins,
/// then the shorter (it quotes less that is not agreed language).
fn closest(phrase: &Toks, texts: &[(String, &str)]) -> Option<(usize, usize, usize, f32)> {
    let n = phrase.keys.len();
    // a window opens and closes on a word, unless the phrase itself does not
    let word = |k: &String| k.chars().next().is_some_and(char::is_alphanumeric);
    let (open_word, close_word) = (
        phrase.keys.first().is_some_and(word),
        phrase.keys.last().is_some_and(word),
    );
    let in_phrase = |k: &String| phrase.keys.contains(k);
    let (min_len, max_len) = ((n / 3).max(1), n * 3 / 2 + 1);
    let mut best: Option<(usize, usize, usize, f32, usize)> = None;
    for (ti, (_, text)) in texts.iter().enumerate() {
        let hay = toks(text, true);
        for i in 0..hay.keys.len() {
            if !in_phrase(&hay.keys[i]) || (open_word && !word(&hay.keys[i])) {
                continue;
            }
            for len in min_len..=max_len.min(hay.keys.len() - i) {
                let last = &hay.keys[i + len - 1];
                if !in_phrase(last) || (close_word && !word(last)) {
                    continue;
                }
                let common = lcs(&phrase.keys, &hay.keys[i..i + len]);
                let ratio = 2.0 * common as f32 / (n + len) as f32;
                let (a, b) = (hay.spans[i].0, hay.spans[i + len - 1].1);
                let content = content_lcs(&phrase.keys, &hay.keys[i..i + len]);
                let better = match best {
                    None => true,
                    Some((_, ba, bb, br, bc)) => {
                        ratio > br
                            || (ratio == br && (content > bc || (content == bc && b - a < bb - ba)))
                    }
                };
                if better {
                    best = Some((ti, a, b, ratio, content));
                }
            }
        }
    }
    best.map(|(t, a, b, r, _)| (t, a, b, r))
}

/// Words that carry no meaning of their own in agreed language.
const FILLER: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "in", "its", "of", "on", "or", "the", "to", "with",
];

/// Common subsequence counting only words that carry meaning: of two equally
/// close passages, the one sharing more of those is the better match.
fn content_lcs(a: &[String], b: &[String]) -> usize {
    let content = |k: &&String| {
        k.chars().next().is_some_and(char::is_alphanumeric)
            && !FILLER.contains(&k.to_lowercase().as_str())
    };
    let a: Vec<String> = a.iter().filter(content).cloned().collect();
    let b: Vec<String> = b.iter().filter(content).cloned().collect();
    lcs(&a, &b)
}

/// `[-old-]{+new+}` marks of a word diff, as in the plain output.
fn redline(segments: &[Segment]) -> String {
    crate::diff::inline(segments, |op, t| match op {
        Op::Delete => format!("[-{t}-]"),
        _ => format!("{{+{t}+}}"),
    })
}

/// Share of agreed wording needed for a passage to count as a departure
/// from it rather than as unrelated text.
const NEAR: f32 = 0.5;

/// Checks one draft: `require`, `forbid` and `agreed` rules.
pub fn check_draft(draft: &Resolution, rules: &Rules) -> Vec<Finding> {
    draft_findings(draft, rules, None)
}

/// The draft rules; with the old text's tokens, a note on whether the old
/// text already had what a rule finds or misses.
fn draft_findings(draft: &Resolution, rules: &Rules, old: Option<&[Toks]>) -> Vec<Finding> {
    let in_old = |p: &Toks| old.map(|o| o.iter().any(|h| !find(h, p).is_empty()));
    let texts = texts(draft);
    let folded: Vec<Toks> = texts.iter().map(|(_, t)| toks(t, true)).collect();
    let mut out = Vec::new();
    for r in &rules.require {
        let p = toks(r.phrase.get_ref(), true);
        if !folded.iter().any(|h| !find(h, &p).is_empty()) {
            let was = if in_old(&p) == Some(true) {
                "; the old text had it"
            } else {
                ""
            };
            out.push(Finding {
                rule: "require".into(),
                severity: r.severity,
                clause: "document".into(),
                message: with_note(
                    format!(
                        "required phrase \"{}\" does not appear{was}",
                        r.phrase.get_ref()
                    ),
                    &r.note,
                ),
                excerpt: String::new(),
            });
        }
    }
    for r in &rules.forbid {
        let p = toks(r.phrase.get_ref(), true);
        let new = if in_old(&p) == Some(false) {
            ", new in this version"
        } else {
            ""
        };
        for ((id, text), h) in texts.iter().zip(&folded) {
            for (a, b) in find(h, &p) {
                out.push(Finding {
                    rule: "forbid".into(),
                    severity: r.severity,
                    clause: id.clone(),
                    message: with_note(
                        format!("forbidden phrase \"{}\"{new}", r.phrase.get_ref()),
                        &r.note,
                    ),
                    excerpt: excerpt(text, a, b),
                });
            }
        }
    }
    for r in &rules.agreed {
        agreed(r, &texts, &mut out);
    }
    out
}

fn agreed(r: &rules::AgreedRule, texts: &[(String, &str)], out: &mut Vec<Finding>) {
    let phrase = r.phrase.get_ref();
    let exact = toks(phrase, false);
    let finding = |clause: String, message: String, excerpt: String| Finding {
        rule: "agreed".into(),
        severity: r.severity,
        clause,
        message: with_note(message, &r.note),
        excerpt,
    };
    let source_name = r.source.as_ref().map(|s| s.get_ref().display().to_string());
    if let (Some(doc), Some(name)) = (&r.source_doc, &source_name) {
        let in_source = self::texts(doc)
            .iter()
            .any(|(_, t)| !find(&toks(t, false), &exact).is_empty());
        if !in_source {
            out.push(finding(
                "document".into(),
                format!("agreed phrase \"{phrase}\" is not verbatim in its source {name}: the rule misquotes it"),
                String::new(),
            ));
        }
    }
    if texts
        .iter()
        .any(|(_, t)| !find(&toks(t, false), &exact).is_empty())
    {
        return;
    }
    let from = source_name
        .map(|n| format!(" (from {n})"))
        .unwrap_or_default();
    match closest(&toks(phrase, true), texts) {
        Some((ti, a, b, ratio)) if ratio >= NEAR => {
            let (id, text) = &texts[ti];
            let (segs, _) = word_diff(phrase, &text[a..b], KeyOptions::default(), None);
            out.push(finding(
                id.clone(),
                format!("departs from agreed language{from}: {}", redline(&segs)),
                excerpt(text, a, b),
            ));
        }
        _ => out.push(finding(
            "document".into(),
            format!("agreed phrase \"{phrase}\"{from} does not appear, nor anything close to it"),
            String::new(),
        )),
    }
}

/// The old and new text of a change: equal and deleted, equal and inserted.
fn sides(c: &Change) -> (String, String) {
    let (mut o, mut n) = (String::new(), String::new());
    for s in &c.segments {
        match s.op {
            Op::Equal => {
                o.push_str(&s.text);
                n.push_str(&s.text);
            }
            Op::Delete => o.push_str(&s.text),
            Op::Insert => n.push_str(&s.text),
        }
    }
    (o, n)
}

/// Checks a comparison: the draft rules on the new text (saying whether the
/// old text already had what they find), then `lead_words` and `watch` on
/// the aligned clauses.
pub fn check_changes(diff: &ResolutionDiff, rules: &Rules) -> Vec<Finding> {
    let old_texts: Vec<Toks> = texts(&diff.old)
        .iter()
        .map(|(_, t)| toks(t, true))
        .collect();
    let mut out = draft_findings(&diff.new, rules, Some(&old_texts));
    let mut changes: Vec<&Change> = Vec::new();
    for c in &diff.changes {
        c.walk(&mut |c| changes.push(c));
    }
    let id = |c: &Change| c.new.first().or(c.old.first()).cloned().unwrap_or_default();
    if let Some(lr) = &rules.lead_words {
        // a clause moved to the preamble no longer asks anything: a
        // softening; to the operative part, a strengthening
        for c in &changes {
            let Some(to) = c.crossing() else { continue };
            let (severity, what) = if to == crate::parse::Part::Preamble {
                (lr.softening, "softened: moved to the preamble")
            } else {
                (
                    lr.strengthening,
                    "strengthened: moved to the operative part",
                )
            };
            let (_, new_text) = sides(c);
            let lead = |l: Option<&String>| l.cloned().unwrap_or_else(|| "(none)".into());
            let (ol, nl) = match &c.lead {
                Some(l) => (lead(l.old.as_ref()), lead(l.new.as_ref())),
                None => (String::new(), String::new()),
            };
            let leads = if ol.is_empty() {
                String::new()
            } else {
                format!(", {ol} → {nl}")
            };
            out.push(Finding {
                rule: "lead_words".into(),
                severity,
                clause: id(c),
                message: format!("{what} ({} → {}{leads})", c.old.join("+"), c.new.join("+")),
                excerpt: excerpt(&new_text, 0, 0),
            });
        }
        for c in &changes {
            if c.crossing().is_some() {
                continue;
            }
            let Some(l) = &c.lead else { continue };
            let (severity, what) = match l.direction() {
                Direction::Softened => (Some(lr.softening), "softened"),
                Direction::Strengthened => (Some(lr.strengthening), "strengthened"),
                Direction::Other => (lr.changed, "changed"),
            };
            let Some(severity) = severity else { continue };
            let (_, new_text) = sides(c);
            let moved = if c.old != c.new {
                format!(" ({} → {})", c.old.join("+"), c.new.join("+"))
            } else {
                String::new()
            };
            out.push(Finding {
                rule: "lead_words".into(),
                severity,
                clause: id(c),
                message: format!(
                    "lead word {what}: {} → {}{moved}",
                    l.old.as_deref().unwrap_or("(none)"),
                    l.new.as_deref().unwrap_or("(none)")
                ),
                excerpt: excerpt(&new_text, 0, 0),
            });
        }
    }
    // each change's two sides, tokenised once for all the watched terms
    let sided: Vec<_> = if rules.watch.is_empty() {
        Vec::new()
    } else {
        changes
            .iter()
            .map(|c| {
                let (o, n) = sides(c);
                let (to, tn) = (toks(&o, true), toks(&n, true));
                (o, n, to, tn)
            })
            .collect()
    };
    for w in &rules.watch {
        let term = toks(w.term.get_ref(), true);
        for (c, (o, n, to, tn)) in changes.iter().zip(&sided) {
            let (ho, hn) = (find(to, &term), find(tn, &term));
            let (what, text, at) = match (ho.first(), hn.first()) {
                (Some(&at), None) => {
                    let place = if c.new.is_empty() {
                        "with the clause, which was dropped".to_string()
                    } else {
                        format!("from {}", id(c))
                    };
                    (format!("dropped {place}"), o.as_str(), at)
                }
                (None, Some(&at)) => {
                    let place = if c.old.is_empty() {
                        "with the clause, which is new".to_string()
                    } else {
                        format!("to {}", id(c))
                    };
                    (format!("added {place}"), n.as_str(), at)
                }
                _ => continue,
            };
            out.push(Finding {
                rule: "watch".into(),
                severity: w.severity,
                clause: id(c),
                message: with_note(format!("\"{}\" {what}", w.term.get_ref()), &w.note),
                excerpt: excerpt(text, at.0, at.1),
            });
        }
    }
    // errors first; within a severity, the order of the rules file
    out.sort_by_key(|f| std::cmp::Reverse(f.severity));
    out
}

/// Checks one draft, errors first.
pub fn check_one(draft: &Resolution, rules: &Rules) -> Vec<Finding> {
    let mut out = check_draft(draft, rules);
    out.sort_by_key(|f| std::cmp::Reverse(f.severity));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{CompareOptions, compare_texts};

    fn draft(body: &str) -> Resolution {
        crate::parse::parse(&crate::load::Document::from_text(
            "d.txt",
            format!("The General Assembly,\n\n{body}\n"),
        ))
        .unwrap()
    }

    fn rules(toml: &str) -> Rules {
        parse_rules("rules.toml", toml).unwrap()
    }

    #[test]
    fn phrases_match_whole_words_across_case_spacing_and_quotes() {
        let d = draft(
            "Recalling the grassroot causes of the conflict,\n\n1. Addresses the Root\n   Causes of the “conflict”;",
        );
        let f = check_one(
            &d,
            &rules(
                "[[forbid]]\nphrase = \"root causes of the \\\"conflict\\\"\"\nseverity = \"error\"\n",
            ),
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].clause, "OP1");
        assert_eq!(f[0].excerpt, "Addresses the Root Causes of the “conflict”;");
        assert!(has_errors(&f));
    }

    #[test]
    fn missing_required_phrase_is_a_document_finding() {
        let d = draft("1. Implores a swift end to the conflict.");
        let f = check_one(
            &d,
            &rules("[[require]]\nphrase = \"territorial integrity\"\n"),
        );
        assert_eq!(
            f,
            [Finding {
                rule: "require".into(),
                severity: Severity::Warning,
                clause: "document".into(),
                message: "required phrase \"territorial integrity\" does not appear".into(),
                excerpt: String::new(),
            }]
        );
        assert!(!has_errors(&f));
    }

    #[test]
    fn agreed_language_departure_shows_a_word_diff() {
        let d = draft(
            "Reaffirming its commitment to the sovereignty, independence and territorial integrity of Ukraine within its borders,\n\n1. Decides to remain seized of the matter.",
        );
        let f = check_one(
            &d,
            &rules(
                "[[agreed]]\nphrase = \"sovereignty, independence, unity and territorial integrity of Ukraine within its internationally recognized borders\"\n",
            ),
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].clause, "PP1");
        assert_eq!(
            f[0].message,
            "departs from agreed language: sovereignty, independence[-, unity-] and territorial integrity of Ukraine within its [-internationally recognized-] borders"
        );
        assert!(f[0].excerpt.contains(
            "sovereignty, independence and territorial integrity of Ukraine within its borders"
        ));
    }

    #[test]
    fn agreed_language_keeps_its_case() {
        let d = draft("Recalling the Charter of the united nations,\n\n1. Decides.");
        let f = check_one(
            &d,
            &rules("[[agreed]]\nphrase = \"Charter of the United Nations\"\n"),
        );
        assert_eq!(f.len(), 1);
        assert!(
            f[0].message
                .contains("[-United Nations-]{+united nations+}"),
            "{}",
            f[0].message
        );
        let ok = draft("Recalling the Charter of the United\nNations,\n\n1. Decides.");
        assert!(
            check_one(
                &ok,
                &rules("[[agreed]]\nphrase = \"Charter of the United Nations\"\n")
            )
            .is_empty()
        );
    }

    #[test]
    fn lead_and_watch_findings_between_versions() {
        let d = compare_texts(
            "The General Assembly,\n\nDeploring the aggression against Ukraine,\n\n1. Demands that all parties cease hostilities;\n\n2. Requests the Secretary-General to report on the implementation of the present resolution;",
            "The General Assembly,\n\nDeploring the war in Ukraine,\n\n1. Calls upon all parties to cease hostilities;\n\n2. Decides that the Secretary-General shall report on the implementation of the present resolution and on the aggression;",
            &CompareOptions::default(),
        )
        .unwrap();
        let f = check_changes(
            &d,
            &rules(
                "[lead_words]\nsoftening = \"error\"\n\n[[watch]]\nterm = \"aggression\"\nseverity = \"info\"\n",
            ),
        );
        let summary: Vec<(String, Severity, String)> = f
            .iter()
            .map(|f| (f.clause.clone(), f.severity, f.message.clone()))
            .collect();
        assert_eq!(
            summary,
            [
                (
                    "OP1".into(),
                    Severity::Error,
                    "lead word softened: Demands → Calls upon".into()
                ),
                (
                    "OP2".into(),
                    Severity::Info,
                    "lead word strengthened: Requests → Decides".into()
                ),
                (
                    "PP1".into(),
                    Severity::Info,
                    "\"aggression\" dropped from PP1".into()
                ),
                (
                    "OP2".into(),
                    Severity::Info,
                    "\"aggression\" added to OP2".into()
                ),
            ]
        );
    }

    #[test]
    fn excerpts_cut_at_spaces() {
        let t = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty";
        let a = t.find("eleven").unwrap();
        assert_eq!(
            excerpt(t, a, a + 6),
            "…four five six seven eight nine ten eleven twelve thirteen fourteen fifteen…"
        );
        let a = t.find("eight").unwrap();
        assert_eq!(
            excerpt(t, a, a + 5),
            "one two three four five six seven eight nine ten eleven twelve thirteen…"
        );
    }
}
