//! What UN documents look like, shared by the readers (`load`) and the
//! parser (`parse`): header patterns (organ line, date, meeting line,
//! document symbol), month names, sponsors lists, line ends and hyphenation.
//!
//! These sit below both stages so that `load` never reaches up into `parse`.

use std::sync::LazyLock;

use regex_lite::{Captures, Match, Regex};
use rustc_hash::FxHashMap as HashMap;

/// A header pattern with a quick test that every line it matches passes.
///
/// The header is read line by line and each line is tried against most of
/// these patterns; the test keeps a pattern from being compiled (on first
/// use) or run on lines that cannot match it, which are nearly all.
pub(crate) struct Pattern {
    /// True of every line the pattern matches, and cheap.
    may_match: fn(&str) -> bool,
    re: LazyLock<Regex>,
}

impl Pattern {
    pub(crate) const fn new(may_match: fn(&str) -> bool, re: fn() -> Regex) -> Self {
        Pattern {
            may_match,
            re: LazyLock::new(re),
        }
    }

    pub(crate) fn is_match(&self, s: &str) -> bool {
        (self.may_match)(s) && self.re.is_match(s)
    }

    pub(crate) fn find<'h>(&self, s: &'h str) -> Option<Match<'h>> {
        (self.may_match)(s).then(|| self.re.find(s)).flatten()
    }

    pub(crate) fn captures<'h>(&self, s: &'h str) -> Option<Captures<'h>> {
        (self.may_match)(s).then(|| self.re.captures(s)).flatten()
    }

    /// The line without the pattern's first match.
    pub(crate) fn remove(&self, s: &str) -> String {
        self.re.replace(s, "").trim().to_string()
    }
}

/// The organ line opening the body: `The General Assembly,`, `The Security
/// Council,`, `The Human Rights Council,` (PDF text sometimes has a space
/// before the comma). Group 1 is the line itself, group 2 any text that
/// follows it on the same line.
pub(crate) static ORGAN: Pattern = Pattern::new(
    |l| l.starts_with("The "),
    || {
        Regex::new(
            r"^(The[ \t]+(?:General[ \t]+Assembly|Security[ \t]+Council|Economic[ \t]+and[ \t]+Social[ \t]+Council|Human[ \t]+Rights[ \t]+Council|Trusteeship[ \t]+Council|Commission[ \t]+on[ \t]+[A-Z][A-Za-z ]{2,60}?|Conference[ \t]+of[ \t]+the[ \t]+Parties|Executive[ \t]+Board|Governing[ \t]+Council|United[ \t]+Nations[ \t]+Environment[ \t]+Assembly|Board[ \t]+of[ \t]+Governors|[A-Z][A-Za-z]+[ \t]+Committee)[ \t]*,)[ \t]*(.*)$",
        )
        .unwrap()
    },
);

pub(crate) fn digit(c: char) -> bool {
    c.is_ascii_digit()
}

pub(crate) static DATE: Pattern = Pattern::new(
    |l| l.starts_with(digit) && l.ends_with(digit),
    || {
        Regex::new(r"^[0-9]{1,2}[ \t]+(?:January|February|March|April|May|June|July|August|September|October|November|December)[ \t]+[0-9]{4}$").unwrap()
    },
);
/// Month names as dates are printed in United Nations documents.
pub(crate) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Delegations whose names contain "and", which must survive splitting a
/// sponsors list on "and".
const AND_NAMES: &[&str] = &[
    "United Kingdom of Great Britain and Northern Ireland",
    "Bosnia and Herzegovina",
    "Trinidad and Tobago",
    "Antigua and Barbuda",
    "Saint Kitts and Nevis",
    "Saint Vincent and the Grenadines",
    "Sao Tome and Principe",
    "Heard Island and McDonald Islands",
    "Turks and Caicos Islands",
    "Wallis and Futuna",
];

/// Whether a line is the meeting line closing an adopted text ("11th plenary
/// meeting", in any case). Asked of every numbered line, so matched by hand.
pub(crate) fn is_meeting_line(line: &str) -> bool {
    fn word<'a>(s: &'a str, w: &str) -> Option<&'a str> {
        let head = s.get(..w.len())?;
        head.eq_ignore_ascii_case(w).then(|| &s[w.len()..])
    }
    fn gap(s: &str) -> Option<&str> {
        let rest = s.trim_start_matches([' ', '\t']);
        (rest.len() < s.len()).then_some(rest)
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=5).contains(&digits) {
        return false;
    }
    let Some(rest) = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|w| word(&line[digits..], w))
        .and_then(gap)
    else {
        return false;
    };
    let rest = word(rest, "plenary").and_then(gap).unwrap_or(rest);
    word(rest, "meeting").is_some_and(|after| {
        !after
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_')
    })
}

/// Whether a line is a date as printed in headers (`12 October 2022`).
pub(crate) fn is_date(line: &str) -> bool {
    DATE.is_match(line)
}

/// Whether a line is the organ line and nothing else (`The Security
/// Council,`): where a PDF's header ends, drawn on a line of its own.
pub(crate) fn is_organ_line(line: &str) -> bool {
    ORGAN
        .captures(line)
        .is_some_and(|c| c.get(2).is_none_or(|rest| rest.as_str().is_empty()))
}

/// Whether `s` is a document symbol and nothing else (`S/2024/400`,
/// `A/RES/ES-11/4`, `S/RES/2774 (2025)`).
pub(crate) fn is_symbol(s: &str) -> bool {
    SYMBOL
        .find(s)
        .is_some_and(|m| m.start() == 0 && m.end() == s.len())
}

/// Splits "Albania, Andorra, ... and Ukraine" into delegations, keeping
/// whole the names that contain "and" ("Bosnia and Herzegovina").
pub(crate) fn split_sponsors(list: &str) -> Vec<String> {
    let list = list.trim().trim_end_matches(['*', ':']).trim();
    if list.is_empty() {
        return Vec::new();
    }
    // protect names that contain "and"
    let mut protected = list.to_string();
    for (k, name) in AND_NAMES.iter().enumerate() {
        protected = protected.replace(name, &format!("\u{1}{k}\u{1}"));
    }
    let mut out = Vec::new();
    for part in protected.split(',') {
        for piece in part.split(" and ") {
            let piece = piece.trim().trim_start_matches("and ").trim();
            if piece.is_empty() {
                continue;
            }
            let mut name = piece.to_string();
            for (k, n) in AND_NAMES.iter().enumerate() {
                name = name.replace(&format!("\u{1}{k}\u{1}"), n);
            }
            out.push(name.trim_end_matches('*').to_string());
        }
    }
    out
}

/// A UN document symbol: `A/ES-11/L.10`, `S/2025/112`, `A/RES/78/316`,
/// `A/C.3/80/L.22/Rev.1`, `A/HRC/58/L.5`, `E/2025/L.9`, `S/RES/2774 (2025)`.
pub(crate) static SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:A|S|E|UNEP|TD|ICCD|FCCC)/(?:[A-Z0-9][A-Za-z0-9.\-]*/)*[A-Z0-9](?:[A-Za-z0-9.\-]*[A-Za-z0-9])?(?: \([0-9]{4}\))?").unwrap()
});

/// Last meaningful character, skipping closing quotes and brackets and a
/// footnote number glued to the punctuation (`Relations;1`).
pub(crate) fn ends_terminal(s: &str) -> bool {
    let without_mark = s.trim_end_matches(|c: char| c.is_ascii_digit());
    let digits = s.len() - without_mark.len();
    // "AU/Dec.710" is a document symbol, not "Dec." with footnote 710
    // (looked at only when digits follow the punctuation)
    let symbol = || s.rsplit(' ').next().is_some_and(|w| w.contains('/'));
    let glued = digits > 0 && without_mark.ends_with([',', ';', ':', '.']) && !symbol();
    let spaced =
        without_mark.ends_with(' ') && without_mark.trim_end().ends_with([',', ';', ':', '.']);
    let s = if (glued && (1..=3).contains(&digits)) || (spaced && (1..=2).contains(&digits)) {
        without_mark.trim_end()
    } else {
        s
    };
    s.chars()
        .rev()
        .find(|c| !matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»'))
        .is_some_and(|c| {
            matches!(
                c,
                ',' | ';' | ':' | '.' | '!' | '?' | '،' | '؛' | '，' | '；' | '：' | '。'
            )
        })
}

/// Whether a line ends in a hyphen that splits a word across lines.
pub(crate) fn ends_hyphenated(s: &str) -> bool {
    if s.ends_with('\u{AD}') {
        return true;
    }
    let mut it = s.chars().rev();
    matches!(it.next(), Some('-' | '\u{2010}' | '\u{2011}'))
        && it.next().is_some_and(char::is_alphanumeric)
}

/// Words used in the body (lower case), to decide whether "interna-" +
/// "tional" is one word or "gender-" + "based" a compound; and how often
/// each stands, to rejoin a word split inside a line (`parse::body`).
pub(crate) struct Vocabulary {
    pub(crate) words: HashMap<String, u32>,
}

impl Vocabulary {
    /// The words of some texts, hyphens of any kind written `-`.
    pub(crate) fn from_texts<'a>(texts: impl Iterator<Item = &'a str>) -> Self {
        let mut words: HashMap<String, u32> = HashMap::default();
        for t in texts {
            for w in t.split(|c: char| {
                !(c.is_alphanumeric() || matches!(c, '-' | '\u{2010}' | '\u{2011}'))
            }) {
                if w.len() > 2
                    && w.chars().nth(2).is_some()
                    && !w.ends_with(['-', '\u{2010}', '\u{2011}'])
                {
                    // most words are lower case and stand before: counted
                    // without a copy
                    if !w
                        .chars()
                        .any(|c| c.is_uppercase() || matches!(c, '\u{2010}' | '\u{2011}'))
                        && let Some(n) = words.get_mut(w)
                    {
                        *n += 1;
                        continue;
                    }
                    let lower = w.to_lowercase();
                    let key = if lower.contains(['\u{2010}', '\u{2011}']) {
                        lower.replace(['\u{2010}', '\u{2011}'], "-")
                    } else {
                        lower
                    };
                    *words.entry(key).or_insert(0) += 1;
                }
            }
        }
        Vocabulary { words }
    }

    /// Joins `left` (ending in a hyphen) and `right`, the first word of the
    /// next line, across a line break.
    pub(crate) fn join(&self, left: &str, right: &str) -> String {
        if let Some(stem) = left.strip_suffix('\u{AD}') {
            return format!("{stem}{right}");
        }
        // a suspended hyphen: "troop- and police-contributing countries"
        if matches!(right, "and" | "or" | "to" | "and/or") {
            return format!("{left} {right}");
        }
        let hyphen = left.chars().last().unwrap();
        let stem = &left[..left.len() - hyphen.len_utf8()];
        let head = stem
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        let tail: String = right.chars().take_while(|c| c.is_alphanumeric()).collect();
        let starts_lower = right.chars().next().is_some_and(char::is_lowercase);
        if starts_lower && !head.is_empty() && !tail.is_empty() {
            let joined = format!("{head}{tail}").to_lowercase();
            let compound = format!("{head}-{tail}").to_lowercase();
            if self.words.contains_key(&joined) && !self.words.contains_key(&compound) {
                return format!("{stem}{right}");
            }
        }
        format!("{left}{right}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organ_line_variants() {
        assert!(ORGAN.is_match("The General Assembly,"));
        assert!(ORGAN.is_match("The General Assembly ,"));
        assert!(ORGAN.is_match("The Security Council,"));
        let c = ORGAN
            .captures("The General Assembly, Reaffirming the purposes")
            .unwrap();
        assert_eq!(&c[2], "Reaffirming the purposes");
        assert!(!ORGAN.is_match("The General Assembly decided"));
        assert!(is_organ_line("The Security Council,"));
        assert!(is_organ_line("The General Assembly ,"));
        assert!(!is_organ_line(
            "The General Assembly, Reaffirming the purposes"
        ));
    }

    #[test]
    fn a_symbol_alone() {
        for s in [
            "S/2024/400",
            "A/RES/ES-11/4",
            "A/C.3/80/L.22/Rev.1",
            "S/RES/2774 (2025)",
        ] {
            assert!(is_symbol(s), "{s}");
        }
        for s in ["see S/2024/400", "S/2024/400 and", "A/RES/", "S/2024/400."] {
            assert!(!is_symbol(s), "{s}");
        }
    }
}
