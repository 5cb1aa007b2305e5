//! Lead words: the opening phrase that carries a clause's force, and how
//! strong it is on the scale drafters negotiate over.

use super::lang::Lang;
use super::model::Part;
use super::scale::scale;

/// Adverbs that may stand before the lead verb (`Strongly condemns`).
const ADVERBS: &[&str] = &[
    "also",
    "again",
    "further",
    "furthermore",
    "once",
    "strongly",
    "deeply",
    "gravely",
    "seriously",
    "firmly",
    "fully",
    "unequivocally",
    "urgently",
    "emphatically",
    "resolutely",
    "solemnly",
    "most",
    "vigorously",
    "profoundly",
    "sincerely",
    "warmly",
    "expressly",
    "hereby",
    "categorically",
    "repeatedly",
    "particularly",
    "especially",
    "equally",
    "similarly",
    "additionally",
    "moreover",
    "still",
    "likewise",
];

/// Words that complete a phrasal lead: `Calls upon`, `Takes note of`,
/// `Bearing in mind`, `Noting with concern`.
fn particles(verb: &[u8]) -> &'static [&'static [&'static str]] {
    match verb {
        b"calls" | b"calling" => &[&["upon"], &["on"], &["for"]],
        b"takes" | b"taking" => &[
            &["note", "with", "appreciation", "of"],
            &["note", "with", "concern", "of"],
            &["note", "with", "appreciation"],
            &["note", "with", "concern"],
            &["note", "of"],
            &["note"],
            &["into", "account"],
        ],
        b"bearing" | b"bear" | b"bears" => &[&["in", "mind"]],
        b"noting" | b"notes" | b"welcoming" | b"welcomes" | b"recognizing" | b"recognizes" => &[
            &["with", "deep", "concern"],
            &["with", "grave", "concern"],
            &["with", "serious", "concern"],
            &["with", "concern"],
            &["with", "appreciation"],
            &["with", "satisfaction"],
            &["with", "regret"],
        ],
        b"expressing" | b"expresses" => &[
            &["its", "deep", "concern"],
            &["its", "grave", "concern"],
            &["its", "serious", "concern"],
            &["deep", "concern"],
            &["grave", "concern"],
            &["serious", "concern"],
            &["concern"],
            &["its", "concern"],
            &["its", "appreciation"],
            &["appreciation"],
            &["its", "full", "support"],
            &["its", "support"],
        ],
        b"acting" => &[&["under", "chapter", "vii"]],
        b"having" => &[&["considered"], &["examined"], &["received"], &["heard"]],
        _ => &[],
    }
}

/// The lead of a clause text: optional adverbs, the first word, and any
/// particle that completes it. `None` when the text does not open with a
/// capitalised word (a sub-paragraph such as "(a) the establishment of ...").
///
/// ```
/// use resdiff::parse::lead;
/// assert_eq!(lead("Strongly condemns the attacks;").as_deref(), Some("Strongly condemns"));
/// assert_eq!(lead("Calls upon all States to refrain;").as_deref(), Some("Calls upon"));
/// assert_eq!(lead("Recalling also its resolution 2625 (XXV),").as_deref(), Some("Recalling also"));
/// assert_eq!(lead("the Secretariat;"), None);
/// ```
pub fn lead(text: &str) -> Option<String> {
    let text = text.trim_start();
    let mut words = Words::new(text);
    let first = words.get(0)?;
    if !first.chars().next()?.is_uppercase()
        || !first.chars().all(|c| c.is_alphabetic() || c == '-')
    {
        return None;
    }
    let mut buf = [0u8; 24];
    let mut i = 0;
    while words.get(i + 1).is_some() && words.get(i).is_some_and(is_adverb) {
        i += 1;
    }
    if words.is(i, "once") && words.is(i + 1, "again") {
        i += 2;
    }
    let verb = words.get(i)?;
    if !verb.chars().all(|c| c.is_alphabetic() || c == '-') {
        return None;
    }
    let mut end = i + 1;
    if let Some(verb) = ascii_lower(verb, &mut buf) {
        for p in particles(verb) {
            if p.iter().enumerate().all(|(k, w)| words.is(end + k, w)) {
                end += p.len();
                break;
            }
        }
    }
    // "Deplores in the strongest terms": an intensifier after the verb
    for phrase in scale(Lang::En).after_words() {
        let mut n = 0;
        if phrase.split(' ').all(|w| {
            n += 1;
            words.is(end + n - 1, w)
        }) {
            end += n;
            break;
        }
    }
    // "Recalling also", "Noting further": the adverb that follows belongs to the lead.
    if ["also", "further", "again", "moreover"]
        .iter()
        .any(|w| words.is(end, w))
    {
        end += 1;
    }
    // The lead as it stands in the text (words are slices of it): "Deeply
    // concerned by" -> "Deeply concerned", with single spaces as the parser
    // leaves them; otherwise join the words.
    let last = words.get(end - 1)?;
    let stop = last.as_ptr() as usize + last.len() - text.as_ptr() as usize;
    let slice = &text[..stop];
    if slice.bytes().filter(|&b| b == b' ').count() + 1 == end {
        Some(slice.to_string())
    } else {
        Some(words.found[..end].join(" "))
    }
}

/// The first words of a text (at most eight, as many as asked for), cut at
/// spaces as they are needed, without their closing punctuation: most leads
/// are decided on two or three words.
struct Words<'a> {
    text: &'a str,
    at: usize,
    found: [&'a str; 8],
    n: usize,
}

impl<'a> Words<'a> {
    fn new(text: &'a str) -> Self {
        Words {
            text,
            at: 0,
            found: [""; 8],
            n: 0,
        }
    }

    /// Word `k` (from 0).
    fn get(&mut self, k: usize) -> Option<&'a str> {
        let bytes = self.text.as_bytes();
        while self.n <= k && self.n < self.found.len() {
            let mut i = self.at;
            while i < bytes.len() && bytes[i] == b' ' {
                i += 1;
            }
            if i == bytes.len() {
                self.at = i;
                return None;
            }
            let start = i;
            while i < bytes.len() && bytes[i] != b' ' {
                i += 1;
            }
            self.found[self.n] = self.text[start..i].trim_end_matches([',', ';', ':', '.']);
            self.n += 1;
            self.at = i;
        }
        (k < self.n).then(|| self.found[k])
    }

    /// Whether word `k` is `w`, in any case.
    fn is(&mut self, k: usize, w: &str) -> bool {
        self.get(k).is_some_and(|x| x.eq_ignore_ascii_case(w))
    }
}

/// A word in lower case, in a stack buffer (ASCII words up to 24 bytes).
fn ascii_lower<'b>(w: &str, buf: &'b mut [u8; 24]) -> Option<&'b [u8]> {
    if w.len() > buf.len() || !w.is_ascii() {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(w.bytes()) {
        *d = s.to_ascii_lowercase();
    }
    Some(&buf[..w.len()])
}

fn is_adverb(w: &str) -> bool {
    ADVERBS.iter().any(|a| a.eq_ignore_ascii_case(w))
}

/// The lead without adverbs such as `also`, `further`, `once again`, lower-cased:
/// the form compared when asking whether a lead word changed. The neutral
/// words are those of the English table (`src/parse/leads/en.toml`).
pub fn base_lead(lead: &str) -> String {
    scale(Lang::En).base(lead)
}

/// Strength of a lead word on the English scale (`src/parse/leads/en.toml`,
/// printed by `resdiff leads`), strongest highest: operative
/// `Decides`/`Demands` 5, `Condemns` 4, `Calls upon`/`Urges` 3, `Requests` 2,
/// `Encourages`/`Reaffirms` 1, `Welcomes`/`Notes` 0; preambular `Condemning`
/// 3, `Concerned`/`Alarmed` 2, `Recalling`/`Reaffirming` 1,
/// `Noting`/`Mindful` 0. An intensifier (`Strongly`, `Deeply`, `in the
/// strongest terms`) adds half a step. `None` for leads not on the scale.
///
/// ```
/// use resdiff::parse::{lead_strength, Part};
/// let demands = lead_strength("Demands", Part::Operative).unwrap();
/// let calls = lead_strength("Calls upon", Part::Operative).unwrap();
/// assert!(demands > calls);
/// assert!(lead_strength("Strongly condemns", Part::Operative) > lead_strength("Condemns", Part::Operative));
/// ```
pub fn lead_strength(lead: &str, part: Part) -> Option<f32> {
    scale(Lang::En).strength(lead, part)
}

/// [`lead_strength`] on the scale of a language.
///
/// ```
/// use resdiff::parse::{lead_strength_in, Lang, Part};
/// let s = |l| lead_strength_in(l, Part::Operative, Lang::Fr).unwrap();
/// assert!(s("Exige") > s("Demande") && s("Demande") > s("Prie") && s("Prie") > s("Encourage"));
/// ```
pub fn lead_strength_in(lead: &str, part: Part, lang: Lang) -> Option<f32> {
    scale(lang).strength(lead, part)
}

/// [`base_lead`] in a language.
pub fn base_lead_in(lead: &str, lang: Lang) -> String {
    scale(lang).base(lead)
}

/// [`lead`] in a language: English as [`lead`] reads it; the other languages
/// by their table, so that an unknown opening word is no lead.
///
/// ```
/// use resdiff::parse::{lead_in, Lang};
/// assert_eq!(lead_in("Condamne fermement les attaques ;", Lang::Fr).as_deref(), Some("Condamne fermement"));
/// assert_eq!(lead_in("вновь подтверждает свою приверженность", Lang::Ru).as_deref(), Some("вновь подтверждает"));
/// assert_eq!(lead_in("又回顾其各项决议，", Lang::Zh).as_deref(), Some("又回顾"));
/// ```
pub fn lead_in(text: &str, lang: Lang) -> Option<String> {
    match lang {
        Lang::En => lead(text),
        _ => scale(lang).find_lead(text),
    }
}

/// [`lead_strength`] of a lead already in its [`base_lead`] form.
fn base_strength(base: &str, part: Part) -> Option<f32> {
    scale(Lang::En).strength_of_base(base, part)
}

/// Whether a paragraph reads like an operative clause: it opens with a verb
/// in the present tense (`Decides`, `Implores`, `Calls upon`) rather than a
/// participle or adjective.
pub fn looks_operative(text: &str) -> bool {
    lead(text).is_some_and(|l| operative_base(&base_lead(&l)))
}

/// [`looks_operative`] of a lead in its [`base_lead`] form.
fn operative_base(base: &str) -> bool {
    if base_strength(base, Part::Operative).is_some() {
        return true;
    }
    let verb = base.split(' ').find(|w| !ADVERBS.contains(w)).unwrap_or("");
    verb.len() > 3 && verb.ends_with('s') && !verb.ends_with("ss") && !verb.ends_with("ous")
}

/// Whether a paragraph opens like a preambular or like an operative clause:
/// [`looks_preambular`] and [`looks_operative`] with the lead found once.
pub(crate) fn looks_like_clause(text: &str) -> bool {
    lead(text).is_some_and(|l| {
        let base = base_lead(&l);
        preambular_base(&base) || operative_base(&base)
    })
}

/// Whether a paragraph opens with a lead of the strength scale
/// (`Recalling`, `Deeply concerned`, `Decides`, `Calls upon`): stronger
/// evidence of a new paragraph than [`looks_like_clause`], which takes any
/// capitalised participle ("Reform,⏎Restructuring and Rebuilding").
pub(crate) fn opens_with_known_lead(text: &str) -> bool {
    lead(text).is_some_and(|l| {
        let base = base_lead(&l);
        base_strength(&base, Part::Preamble).is_some()
            || base_strength(&base, Part::Operative).is_some()
    })
}

/// Whether a paragraph reads like a preambular clause: a participle
/// (`Recalling`), an adjective (`Deeply concerned`, `Mindful`) or a known
/// preambular opener.
pub fn looks_preambular(text: &str) -> bool {
    lead(text).is_some_and(|l| preambular_base(&base_lead(&l)))
}

/// [`looks_preambular`] of a lead in its [`base_lead`] form.
fn preambular_base(base: &str) -> bool {
    if base_strength(base, Part::Preamble).is_some() {
        return true;
    }
    let mut words = base.split(' ');
    let first = words.next().unwrap_or("");
    let had_adverb = ADVERBS.contains(&first);
    let verb = if had_adverb {
        words.find(|w| !ADVERBS.contains(w)).unwrap_or("")
    } else {
        first
    };
    verb.ends_with("ing") || (had_adverb && verb.ends_with("ed")) || PP_ADJECTIVES.contains(&verb)
}

/// Adjectives and participles that open preambular paragraphs.
const PP_ADJECTIVES: &[&str] = &[
    "mindful",
    "aware",
    "conscious",
    "cognizant",
    "desirous",
    "anxious",
    "resolved",
    "firm",
    "keen",
    "concerned",
    "alarmed",
    "convinced",
    "determined",
    "guided",
    "encouraged",
    "disturbed",
    "dismayed",
    "shocked",
    "appalled",
    "outraged",
    "committed",
    "pleased",
    "gratified",
    "heartened",
    "saddened",
    "worried",
    "troubled",
    "distressed",
    "inspired",
    "motivated",
    "reassured",
    "satisfied",
    "aggrieved",
    "grieved",
    "deploring",
    "fully",
    "acknowledging",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leads_of_real_clauses() {
        let cases = [
            (
                "Reaffirming the paramount importance of the Charter,",
                Some("Reaffirming"),
            ),
            (
                "Deeply concerned by the humanitarian situation,",
                Some("Deeply concerned"),
            ),
            (
                "Noting with concern that the full-scale invasion",
                Some("Noting with concern"),
            ),
            (
                "Taking note of the report of the Secretary-General,",
                Some("Taking note of"),
            ),
            (
                "Bearing in mind the importance of maintaining",
                Some("Bearing in mind"),
            ),
            (
                "Acting under Chapter VII of the Charter of the United Nations,",
                Some("Acting under Chapter VII"),
            ),
            (
                "Requests the Secretary-General to report;",
                Some("Requests"),
            ),
            (
                "Once again demands that all parties cease;",
                Some("Once again demands"),
            ),
            ("Implores a swift end to the conflict", Some("Implores")),
            ("(a) To monitor", None),
            ("1500 (2003), 1546", None),
        ];
        for (text, want) in cases {
            assert_eq!(lead(text).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn strength_follows_the_conventions_scale() {
        let op = |l| lead_strength(l, Part::Operative).unwrap();
        assert!(op("Demands") > op("Calls upon"));
        assert!(op("Calls upon") > op("Requests"));
        assert!(op("Requests") > op("Encourages"));
        assert!(op("Encourages") > op("Welcomes"));
        assert_eq!(op("Calls upon"), op("Urges"));
        assert_eq!(op("Further requests"), op("Requests"));
        let pp = |l| lead_strength(l, Part::Preamble).unwrap();
        assert!(pp("Strongly condemning") > pp("Concerned"));
        assert!(pp("Gravely concerned") > pp("Concerned"));
        assert!(pp("Reaffirming") > pp("Noting"));
        assert_eq!(pp("Recalling also"), pp("Recalling"));
    }

    #[test]
    fn operative_and_preambular_shapes() {
        assert!(looks_operative("Implores a swift end to the conflict."));
        assert!(looks_operative("Decides to remain seized of the matter."));
        assert!(!looks_operative("Reiterating that the principal purpose,"));
        assert!(looks_preambular("Mourning the tragic loss of life,"));
        assert!(looks_preambular(
            "Mindful that the parties bear the responsibility,"
        ));
        assert!(!looks_preambular("United Nations,"));
    }
}
