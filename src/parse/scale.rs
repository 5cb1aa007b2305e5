//! The lead-word scale of each language, read from the data files in
//! `src/parse/leads/` (one per language, compiled in and parsed once), so
//! that a linguist can correct a table without touching code.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::LazyLock;

use serde::Deserialize;

use super::lang::Lang;
use super::model::Part;

/// One language's table as written in its file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    lang: String,
    name: String,
    words: Words,
    #[serde(default)]
    operative: Vec<Tier>,
    #[serde(default)]
    preamble: Vec<Tier>,
}

/// Words around a lead that change its strength by half a step or not at all.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Words {
    #[serde(default)]
    neutral: Vec<String>,
    #[serde(default)]
    before: Vec<String>,
    #[serde(default)]
    after: Vec<String>,
}

/// Leads of one strength.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Tier {
    strength: f32,
    leads: Vec<String>,
}

/// A language's lead-word scale, ready for look-ups.
#[derive(Debug)]
pub struct Scale {
    file: File,
    lang: Lang,
    /// Lower-cased, single-spaced lead -> strength.
    operative: HashMap<String, f32>,
    preamble: HashMap<String, f32>,
    /// The neutral words, intensifiers and leads, lower-cased, longest first:
    /// what a lead is read from at the start of a clause.
    neutral: Vec<String>,
    before: Vec<String>,
    after: Vec<String>,
    leads: Vec<String>,
}

/// Each intensifier adds this much to the strength of the lead it qualifies.
pub const INTENSIFIER_STEP: f32 = 0.5;

fn source(lang: Lang) -> &'static str {
    match lang {
        Lang::Ar => include_str!("leads/ar.toml"),
        Lang::Zh => include_str!("leads/zh.toml"),
        Lang::En => include_str!("leads/en.toml"),
        Lang::Fr => include_str!("leads/fr.toml"),
        Lang::Ru => include_str!("leads/ru.toml"),
        Lang::Es => include_str!("leads/es.toml"),
    }
}

static SCALES: [LazyLock<Scale>; 6] = [
    LazyLock::new(|| Scale::load(Lang::Ar)),
    LazyLock::new(|| Scale::load(Lang::Zh)),
    LazyLock::new(|| Scale::load(Lang::En)),
    LazyLock::new(|| Scale::load(Lang::Fr)),
    LazyLock::new(|| Scale::load(Lang::Ru)),
    LazyLock::new(|| Scale::load(Lang::Es)),
];

/// The scale of a language.
pub fn scale(lang: Lang) -> &'static Scale {
    let k = Lang::ALL.iter().position(|&l| l == lang).unwrap_or(2);
    &SCALES[k]
}

/// Lower case with single spaces: the form leads are looked up in.
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if w.is_ascii() {
            // (most leads: no case tables needed)
            out.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            out.extend(
                w.chars()
                    .map(|c| if c == '’' { '\'' } else { c })
                    .flat_map(char::to_lowercase),
            );
        }
    }
    out
}

fn longest_first(v: &[String]) -> Vec<String> {
    let mut v: Vec<String> = v.iter().map(|s| fold(s)).collect();
    v.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    v.dedup();
    v
}

impl Scale {
    /// Reads a language's file; the files are part of the program and a unit
    /// test reads every one, so a malformed table never reaches a user.
    fn load(lang: Lang) -> Scale {
        let file: File = toml::from_str(source(lang))
            .unwrap_or_else(|e| panic!("src/parse/leads/{}.toml: {e}", lang.code()));
        let table = |tiers: &[Tier]| {
            let mut m = HashMap::new();
            for t in tiers {
                for l in &t.leads {
                    m.insert(fold(l), t.strength);
                }
            }
            m
        };
        let all: Vec<String> = file
            .operative
            .iter()
            .chain(&file.preamble)
            .flat_map(|t| t.leads.iter().cloned())
            .collect();
        Scale {
            operative: table(&file.operative),
            preamble: table(&file.preamble),
            neutral: longest_first(&file.words.neutral),
            before: longest_first(&file.words.before),
            after: longest_first(&file.words.after),
            leads: longest_first(&all),
            lang,
            file,
        }
    }

    /// The lead without neutral words, folded: the form compared when asking
    /// whether a lead changed (`Recalling also` is `recalling`).
    pub fn base(&self, lead: &str) -> String {
        let folded = fold(lead);
        if self.lang.spaced() {
            // whole words, wherever they stand
            let words: Vec<&str> = folded.split(' ').collect();
            let mut out: Vec<&str> = Vec::with_capacity(words.len());
            let mut i = 0;
            'outer: while i < words.len() {
                for n in &self.neutral {
                    let len = n.split(' ').count();
                    if words.len() - i >= len && n.split(' ').eq(words[i..i + len].iter().copied())
                    {
                        i += len;
                        continue 'outer;
                    }
                }
                out.push(words[i]);
                i += 1;
            }
            out.join(" ")
        } else {
            // without spaces: neutral words at either end
            let mut s = folded.as_str();
            while let Some(rest) = self.neutral.iter().find_map(|n| s.strip_prefix(n.as_str())) {
                if rest.is_empty() {
                    break;
                }
                s = rest;
            }
            s.to_string()
        }
    }

    /// The strength of a lead in a part, from its [`Scale::base`] form: the
    /// table's strength, plus half a step for an intensifier before it and
    /// one after it. `None` for a lead not in the table.
    pub fn strength(&self, lead: &str, part: Part) -> Option<f32> {
        self.strength_of_base(&self.base(lead), part)
    }

    pub(crate) fn strength_of_base(&self, base: &str, part: Part) -> Option<f32> {
        let table = match part {
            Part::Preamble => &self.preamble,
            Part::Operative | Part::Annex => &self.operative,
        };
        if let Some(&s) = table.get(base) {
            return Some(s);
        }
        let sep = if self.lang.spaced() { " " } else { "" };
        let mut head = base;
        let mut bonus = 0.0;
        if let Some(rest) = self
            .before
            .iter()
            .find_map(|b| head.strip_prefix(b.as_str())?.strip_prefix(sep))
            .filter(|r| !r.is_empty())
        {
            head = rest;
            bonus += INTENSIFIER_STEP;
        }
        if let Some(rest) = self
            .after
            .iter()
            .find_map(|a| head.strip_suffix(a.as_str())?.strip_suffix(sep))
            .filter(|r| !r.is_empty())
        {
            head = rest;
            bonus += INTENSIFIER_STEP;
        }
        table.get(head).map(|s| s + bonus)
    }

    /// The intensifiers that follow a lead, folded, longest first.
    pub(crate) fn after_words(&self) -> &[String] {
        &self.after
    }

    /// The lead that opens a clause, read with the table: neutral words and
    /// intensifiers before, the longest lead of the table, intensifiers and
    /// neutral words after; as it stands in the text. `None` when no lead of
    /// the table opens it.
    pub fn find_lead(&self, text: &str) -> Option<String> {
        let text = text.trim_start();
        let sep = self.lang.spaced();
        // the folded text, with a map back to byte offsets in `text`
        let mut folded = String::new();
        let mut back: Vec<usize> = Vec::new();
        let mut space = false;
        for (i, c) in text.char_indices().take(160) {
            if c.is_whitespace() {
                space = !folded.is_empty();
                continue;
            }
            if space {
                folded.push(' ');
                back.push(i);
                space = false;
            }
            let c = if c == '’' { '\'' } else { c };
            for l in c.to_lowercase() {
                let start = folded.len();
                folded.push(l);
                back.extend(std::iter::repeat_n(i, folded.len() - start));
            }
        }
        back.push(
            text.len()
                .min(text.char_indices().nth(160).map_or(text.len(), |(i, _)| i)),
        );
        let at_word_end = |s: &str, k: usize| {
            !sep || k == s.len()
                || s[k..].starts_with(|c: char| {
                    c == ' ' || c.is_ascii_punctuation() || matches!(c, '،' | '؛' | '»' | '’')
                })
        };
        let skip = |k: &mut usize, list: &[String]| -> bool {
            for w in list {
                if folded[*k..].starts_with(w.as_str()) && at_word_end(&folded, *k + w.len()) {
                    *k += w.len();
                    if folded[*k..].starts_with(' ') {
                        *k += 1;
                    }
                    return true;
                }
            }
            false
        };
        let mut k = 0;
        while skip(&mut k, &self.neutral) || skip(&mut k, &self.before) {}
        let lead = self
            .leads
            .iter()
            .find(|l| folded[k..].starts_with(l.as_str()) && at_word_end(&folded, k + l.len()))?;
        let mut end = k + lead.len();
        loop {
            let mut j = end;
            if folded[j..].starts_with(' ') {
                j += 1;
            }
            let before = j;
            if skip(&mut j, &self.after) || skip(&mut j, &self.neutral) {
                end = before + folded[before..j].trim_end().len();
            } else {
                break;
            }
        }
        let stop = back[end.min(back.len() - 1)];
        let stop = if end >= folded.len() {
            back[back.len() - 1]
        } else {
            stop
        };
        Some(text[..stop].trim_end().to_string())
    }

    /// The scale as a person reads it: each part's leads, strongest first,
    /// then the words around them.
    pub fn describe(&self) -> String {
        let mut s = String::new();
        let f = &self.file;
        let _ = writeln!(
            s,
            "{} ({}): src/parse/leads/{}.toml",
            f.name, f.lang, f.lang
        );
        for (title, tiers) in [("Operative", &f.operative), ("Preambular", &f.preamble)] {
            let _ = writeln!(s, "\n{title} leads, strongest first:");
            let mut tiers: Vec<&Tier> = tiers.iter().collect();
            tiers.sort_by(|a, b| b.strength.total_cmp(&a.strength));
            for t in tiers {
                let _ = write!(s, "  {:>4} ", t.strength);
                wrap_into(&mut s, &t.leads, 7);
            }
        }
        let _ = writeln!(
            s,
            "\nIntensifiers, each +{INTENSIFIER_STEP} (at most one on each side):"
        );
        for (title, words) in [
            ("  before the lead:", &f.words.before),
            ("  after the lead: ", &f.words.after),
            ("Neutral (no change of strength):\n   ", &f.words.neutral),
        ] {
            s.push_str(title);
            if words.is_empty() {
                s.push_str(" (none)\n");
            } else {
                wrap_into(&mut s, words, 4);
            }
        }
        s
    }
}

/// Appends words separated by commas, wrapped before 78 columns with
/// continuation lines indented by `indent`.
fn wrap_into(s: &mut String, words: &[String], indent: usize) {
    let mut col = s.len() - s.rfind('\n').map_or(0, |i| i + 1);
    let col0 = col;
    for (k, w) in words.iter().enumerate() {
        let piece = if k + 1 < words.len() {
            format!("{w},")
        } else {
            w.clone()
        };
        let width = unicode_width::UnicodeWidthStr::width(piece.as_str()) + 1;
        if col + width > 78 && col > col0 {
            s.push('\n');
            s.push_str(&" ".repeat(indent));
            col = indent;
        }
        s.push(' ');
        s.push_str(&piece);
        col += width;
    }
    s.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_reads_and_names_its_language() {
        for l in Lang::ALL {
            let s = scale(l);
            assert_eq!(s.file.lang, l.code());
            assert!(!s.operative.is_empty() && !s.preamble.is_empty(), "{l}");
            // no lead stands in two tiers of one part
            for tiers in [&s.file.operative, &s.file.preamble] {
                let mut seen = std::collections::HashSet::new();
                for t in tiers.iter() {
                    for lead in &t.leads {
                        assert!(seen.insert(fold(lead)), "{l}: {lead} twice");
                    }
                }
            }
        }
    }

    #[test]
    fn the_cases_of_issue_22_move_on_the_scale() {
        let en = scale(Lang::En);
        let op = |l| en.strength(l, Part::Operative).unwrap();
        assert!(op("Affirms") > op("Takes note of"));
        assert!(op("Deplores in the strongest terms") > op("Condemns"));
        assert!(op("Strongly recalls") > op("Recalls"));
        assert!(op("Strongly condemns") > op("Condemns"));
        assert!(op("Expresses deep concern") > op("Expresses concern"));
        assert_eq!(op("Further requests"), op("Requests"));
        assert_eq!(op("Once again demands"), op("Demands"));
    }

    #[test]
    fn leads_read_with_the_table() {
        let en = scale(Lang::En);
        assert_eq!(
            en.find_lead("Deplores in the strongest terms the aggression;")
                .as_deref(),
            Some("Deplores in the strongest terms")
        );
        assert_eq!(
            en.find_lead("Strongly   condemns all attacks;").as_deref(),
            Some("Strongly   condemns")
        );
        assert_eq!(en.find_lead("Decidedly not a lead"), None);
    }
}
