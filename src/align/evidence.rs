//! The evidence for pairing clauses that share few words: words weighted by
//! how much they tell, compared as stems with British and American spellings
//! folded, and the family of the lead on the strength scale.
//!
//! Rival drafts restate one clause in other words (`Demands that the Russian
//! Federation immediately cease its use of force` against `Calls upon the
//! parties to cease their use of force`): a plain share of words treats `the`
//! and `force` alike and misses them. These keys serve similarity only; the
//! word diff still shows the words as written.

use std::marker::PhantomData;
use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;

use crate::parse::{Clause, base_lead};
use crate::tokens::for_each_word;

/// A clause as the loose pass compares it.
#[derive(Debug, Default, Clone)]
pub(crate) struct Bag {
    /// Stem ids of the words after the lead, sorted, each once.
    pub stems: Vec<u32>,
    /// The lead's family on the strength scale, if it is on it.
    pub family: Option<Family>,
    /// The lead verb's stem (`welcom` for `Welcoming` and `Welcomes`).
    pub verb: Option<u32>,
}

/// Families of lead words: leads of one family do the same kind of thing at
/// different strengths (`Demands`, `Calls upon`, `Urges`, `Requests`,
/// `Encourages` all ask someone to act).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Family {
    /// `Decides`, `Determines`, `Authorizes`.
    Decision,
    /// `Demands`, `Calls upon`, `Urges`, `Requests`, `Encourages`, `Invites`.
    Exhortation,
    /// `Condemns`, `Deplores`, `Denounces`, `Rejects`, `Strongly condemning`.
    Censure,
    /// `Concerned`, `Alarmed`, `Expressing concern`, `Noting with concern`.
    Concern,
    /// `Recalling`, `Reaffirming`, `Reiterating`, `Stressing`, `Recognizes`.
    Affirmation,
    /// `Welcomes`, `Notes`, `Takes note of`, `Commends`, `Mindful`.
    Acknowledgement,
}

/// Stems and their ids, and the weights the corpus taught.
pub(crate) struct Evidence<'a> {
    stems: Stems<'a>,
    /// The id, in this evidence, of each stem number of [`Stems`]
    /// (`NONE` for a stem not met here). Ids count from 0 in the order this
    /// evidence first met the stems: the order in which bags list their
    /// stems, and so the order of the sums of weights.
    ids: Vec<u32>,
    /// Prior weight of each stem id: below 1 for function and formula words.
    prior: Vec<f32>,
    /// The weights vector of the last comparison, zeroed, kept for the
    /// next: it is indexed by every stem id met so far, and a long text has
    /// thousands of lists of sub-paragraphs, each of which would otherwise
    /// allocate and fill one for a handful of stems.
    spare: Vec<f32>,
}

/// No id yet (in `Evidence::ids`).
const NONE: u32 = u32::MAX;

/// Words already folded and stemmed, by number: handed from one
/// [`Evidence`] to the next ([`Evidence::take_stems`]) so that the parts of
/// one alignment, aligned one after the other, and the crossing pass stem
/// each word once (stemming is most of what the loose passes cost).
pub(crate) struct Stems<'a> {
    stemmer: Stemmer,
    /// The number of each stem.
    numbers: FxHashMap<String, u32>,
    /// The stem number of each word as written, so that a word met again is
    /// neither folded nor stemmed again (most words of a draft recur).
    seen: FxHashMap<String, u32>,
    /// Prior weight of each stem number.
    prior: Vec<f32>,
    /// The clauses read so far, by address: the clauses are borrowed for
    /// as long as these stems live (`'a`), so no other clause can come to
    /// stand at an address kept here.
    met: FxHashMap<usize, Met>,
    clauses: PhantomData<&'a Clause>,
}

/// A clause as [`Stems`] read it.
struct Met {
    /// The stem numbers of its words after the lead, in the order they stand.
    words: Vec<u32>,
    /// The lead's family.
    family: Option<Family>,
    /// The stem number of the lead's verb.
    verb: Option<u32>,
}

impl<'a> Stems<'a> {
    pub(crate) fn new() -> Self {
        Stems {
            stemmer: Stemmer::create(Algorithm::English),
            numbers: FxHashMap::default(),
            seen: FxHashMap::default(),
            prior: Vec::new(),
            met: FxHashMap::default(),
            clauses: PhantomData,
        }
    }

    /// Reads a clause: the stem numbers of its words and its
    /// sub-paragraphs' words, without the lead, and the lead's family and
    /// verb.
    fn meet(&mut self, c: &'a Clause) -> Met {
        let mut words = Vec::new();
        let mut first = true;
        c.walk(&mut |d| {
            let mut text = d.text.as_str();
            if first && let Some(lead) = &d.lead {
                let t = text.trim_start();
                if let Some(rest) = t.strip_prefix(lead.as_str()) {
                    text = rest;
                }
            }
            first = false;
            for_each_word(text, |w| words.push(self.number(w)));
        });
        let (family, verb) = match &c.lead {
            Some(l) => {
                let base = base_lead(l);
                let head = head_verb(&base);
                (family(&base, head), Some(self.number(head)))
            }
            None => (None, None),
        };
        Met {
            words,
            family,
            verb,
        }
    }

    /// Takes in what `other` read, renumbered: after parts aligned on
    /// separate threads, the crossing pass then reads and stems again none
    /// of the clauses and words either part met.
    fn absorb(&mut self, other: Stems<'a>) {
        let mut to = vec![0u32; other.prior.len()];
        for (stem, g) in other.numbers {
            let n = match self.numbers.get(&stem) {
                Some(&n) => n,
                None => {
                    let n = self.numbers.len() as u32;
                    self.prior.push(other.prior[g as usize]);
                    self.numbers.insert(stem, n);
                    n
                }
            };
            to[g as usize] = n;
        }
        for (word, g) in other.seen {
            self.seen.entry(word).or_insert(to[g as usize]);
        }
        for (key, mut met) in other.met {
            for w in &mut met.words {
                *w = to[*w as usize];
            }
            met.verb = met.verb.map(|g| to[g as usize]);
            self.met.entry(key).or_insert(met);
        }
    }

    /// The number of a word's folded stem.
    fn number(&mut self, word: &str) -> u32 {
        if let Some(&g) = self.seen.get(word) {
            return g;
        }
        let folded = fold(word);
        let stem = self.stemmer.stem(&folded);
        let g = match self.numbers.get(stem.as_ref()) {
            Some(&g) => g,
            None => {
                let g = self.numbers.len() as u32;
                self.prior
                    .push(PRIORS.get(stem.as_ref()).copied().unwrap_or(1.0));
                self.numbers.insert(stem.into_owned(), g);
                g
            }
        };
        self.seen.insert(word.to_string(), g);
        g
    }
}

/// The prior weights of the function and formula words' stems, stemmed
/// once per process rather than at every comparison.
static PRIORS: LazyLock<FxHashMap<String, f32>> = LazyLock::new(|| {
    let stemmer = Stemmer::create(Algorithm::English);
    let mut out = FxHashMap::default();
    for (words, w) in [
        (FORMULA_WORDS, FORMULA_WEIGHT),
        (FUNCTION_WORDS, FUNCTION_WEIGHT),
    ] {
        for word in words {
            out.insert(stemmer.stem(&fold(word)).into_owned(), w);
        }
    }
    out
});

/// English function words: they carry almost no evidence of what a clause is
/// about.
const FUNCTION_WORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "of",
    "and",
    "or",
    "nor",
    "to",
    "in",
    "on",
    "at",
    "by",
    "for",
    "with",
    "from",
    "as",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "this",
    "these",
    "those",
    "its",
    "it",
    "their",
    "they",
    "them",
    "be",
    "is",
    "are",
    "was",
    "were",
    "been",
    "being",
    "has",
    "have",
    "had",
    "all",
    "any",
    "such",
    "other",
    "including",
    "into",
    "upon",
    "under",
    "through",
    "within",
    "also",
    "further",
    "not",
    "no",
    "both",
    "each",
    "well",
    "so",
    "than",
    "there",
    "shall",
    "may",
    "should",
    "can",
    "will",
    "would",
    "his",
    "her",
    "our",
    "out",
    "up",
    "between",
    "among",
    "against",
    "over",
    "about",
    "more",
    "most",
    "same",
];

/// The words of the United Nations' formulae: found in at least 60% of the 46
/// resolutions and drafts of the project's corpus (`../shared/corpus` and
/// `resolutions/`, counted once per document), less the function words. They
/// say that a text is a resolution, not what a clause of it is about.
const FORMULA_WORDS: &[&str] = &[
    "security",
    "united",
    "nations",
    "resolution",
    "resolutions",
    "council",
    "assembly",
    "recalling",
    "decides",
    "international",
    "states",
    "peace",
    "situation",
    "matter",
    "remain",
    "reaffirming",
    "special",
    "report",
    "seized",
    "efforts",
    "general",
    "paragraph",
    "full",
    "accordance",
    "integrity",
    "urges",
    "territorial",
    "political",
    "charter",
    "implementation",
    "secretary-general",
    "member",
];

/// Weight of a function word against an ordinary word's 1.
const FUNCTION_WEIGHT: f32 = 0.1;
/// Weight of a formula word.
const FORMULA_WEIGHT: f32 = 0.3;

impl<'a> Evidence<'a> {
    pub(crate) fn new() -> Self {
        Self::with_stems(Stems::new())
    }

    /// An evidence with no stem ids yet that knows the words of `stems`.
    pub(crate) fn with_stems(stems: Stems<'a>) -> Self {
        Evidence {
            stems,
            ids: Vec::new(),
            prior: Vec::new(),
            spare: Vec::new(),
        }
    }

    /// The words stemmed so far, for the next evidence; this one keeps its
    /// ids and must be given stems again ([`Evidence::give_stems`]) before
    /// it meets new words.
    pub(crate) fn take_stems(&mut self) -> Stems<'a> {
        std::mem::replace(&mut self.stems, Stems::new())
    }

    /// Takes in the words and clauses `other` read (its ids stay its own).
    pub(crate) fn absorb_stems(&mut self, other: &mut Evidence<'a>) {
        let theirs = other.take_stems();
        self.stems.absorb(theirs);
    }

    /// Hands back the words stemmed since [`Evidence::take_stems`].
    pub(crate) fn give_stems(&mut self, stems: Stems<'a>) {
        self.stems = stems;
    }

    /// The id of a word's folded stem.
    #[cfg(test)]
    fn stem_id(&mut self, word: &str) -> u32 {
        let g = self.stems.number(word);
        self.id(g)
    }

    /// The id here of a stem number, given in the order met.
    fn id(&mut self, g: u32) -> u32 {
        let g = g as usize;
        if g >= self.ids.len() {
            self.ids.resize(g + 1, NONE);
        }
        if self.ids[g] == NONE {
            self.ids[g] = self.prior.len() as u32;
            self.prior.push(self.stems.prior[g]);
        }
        self.ids[g]
    }

    /// What the loose pass compares of a clause: the stems of its words and
    /// its sub-paragraphs' words, without the lead (which counts through its
    /// family only), and the lead's family.
    pub(crate) fn bag(&mut self, c: &'a Clause) -> Bag {
        // a clause is often bagged again (by the crossing pass, after the
        // loose pass of its part): its words are read once per alignment
        let key = std::ptr::from_ref(c) as usize;
        let met = match self.stems.met.remove(&key) {
            Some(met) => met,
            None => self.stems.meet(c),
        };
        // ids given in the order the words stand, then the lead's verb
        let mut stems: Vec<u32> = met.words.iter().map(|&g| self.id(g)).collect();
        stems.sort_unstable();
        stems.dedup();
        let verb = met.verb.map(|g| self.id(g));
        let bag = Bag {
            stems,
            family: met.family,
            verb,
        };
        self.stems.met.insert(key, met);
        bag
    }

    /// Weights of the stems for one comparison: the corpus prior times how
    /// rare the stem is among `bags` (the clauses being compared, on both
    /// sides), so that a word every clause of these drafts uses (`Ukraine`
    /// in a resolution on Ukraine) counts for less than one two clauses share.
    /// Hand the weights back with [`Evidence::recycle`] when done.
    pub(crate) fn weights(&mut self, bags: &[&Bag]) -> Weights {
        // stem ids are dense: weights in a vector, not a map; only the
        // stems of `bags` are touched (counted in place: an f32 counts
        // exactly far beyond any number of clauses)
        let mut w = std::mem::take(&mut self.spare);
        w.resize(self.prior.len(), 0.0);
        let mut touched: Vec<u32> = Vec::new();
        for b in bags {
            for &s in &b.stems {
                let d = &mut w[s as usize];
                if *d == 0.0 {
                    touched.push(s);
                }
                *d += 1.0;
            }
        }
        let n = bags.len() as f32;
        for &s in &touched {
            let d = w[s as usize];
            let idf = (1.0 + n / d).ln();
            w[s as usize] = idf * self.prior[s as usize];
        }
        Weights { w, touched }
    }

    /// Takes back the vector of `weights` for the next comparison.
    pub(crate) fn recycle(&mut self, weights: Weights) {
        let Weights { mut w, touched } = weights;
        for s in touched {
            w[s as usize] = 0.0;
        }
        self.spare = w;
    }

    /// Whether a stem id is a function or formula word.
    pub(crate) fn is_common(&self, stem: u32) -> bool {
        self.prior.get(stem as usize).is_some_and(|&w| w < 1.0)
    }
}

/// Weight of each stem in one comparison, by stem id.
pub(crate) struct Weights {
    /// The weights, 0 for the stems not compared.
    w: Vec<f32>,
    /// The stems compared, whose weights are not 0.
    touched: Vec<u32>,
}

impl Weights {
    pub(crate) fn of(&self, s: u32) -> f32 {
        self.w.get(s as usize).copied().unwrap_or(0.0)
    }
}

/// The pairs `(i, j)` of a bag of `a` and a bag of `b` that share at least
/// `min` (at least 1) content stems (neither function nor formula words),
/// `i` ascending, then `j`, each with the weight of the content stems they
/// share (summed in another order than [`weighted_dice`] sums, so only
/// nearly equal to its). A pair sharing fewer is never paired (see
/// [`weighted_dice`]'s count), so only these need scoring: through an index
/// of `b`'s content stems, two long lists of clauses that share little cost
/// little more than the index.
pub(crate) fn sharing(
    a: &[Bag],
    b: &[Bag],
    min: usize,
    w: &Weights,
    e: &Evidence,
) -> Vec<(usize, usize, f32)> {
    let min = min.max(1) as u32;
    let mut postings: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
    for (j, bag) in b.iter().enumerate() {
        for &s in &bag.stems {
            if !e.is_common(s) {
                postings.entry(s).or_default().push(j as u32);
            }
        }
    }
    let mut out = Vec::new();
    let mut count: Vec<(u32, f32)> = vec![(0, 0.0); b.len()];
    let (mut touched, mut hits): (Vec<u32>, Vec<u32>) = (Vec::new(), Vec::new());
    for (i, bag) in a.iter().enumerate() {
        for &s in &bag.stems {
            let Some(js) = postings.get(&s) else {
                continue;
            };
            let weight = w.of(s);
            for &j in js {
                let c = &mut count[j as usize];
                if c.0 == 0 {
                    touched.push(j);
                }
                c.0 += 1;
                c.1 += weight;
                if c.0 == min {
                    hits.push(j);
                }
            }
        }
        hits.sort_unstable();
        out.extend(hits.drain(..).map(|j| (i, j as usize, count[j as usize].1)));
        for j in touched.drain(..) {
            count[j as usize] = (0, 0.0);
        }
    }
    out
}

/// A bag's total weight and the weight of its function and formula words,
/// for [`dice_at_most`].
pub(crate) fn bag_weights(b: &Bag, w: &Weights, e: &Evidence) -> (f32, f32) {
    let total = b.stems.iter().map(|&s| w.of(s)).sum();
    let common = b
        .stems
        .iter()
        .filter(|&&s| e.is_common(s))
        .map(|&s| w.of(s))
        .sum();
    (total, common)
}

/// A bound that [`weighted_dice`] of two bags cannot exceed, from their
/// [`bag_weights`] and the weight of the content stems they share (from
/// [`sharing`]): the function and formula words they share weigh at most
/// the lighter side's. Raised by far more than rounding could take off (the
/// sums are in another order), so that a pair is never passed over by it
/// that `weighted_dice` would score at the bar.
pub(crate) fn dice_at_most(a: (f32, f32), b: (f32, f32), shared_content: f32) -> f32 {
    let total = a.0 + b.0;
    if total <= 0.0 {
        return 0.0;
    }
    2.0 * (shared_content + a.1.min(b.1)) / total + 1e-3
}

/// Weighted Dice of two bags: twice the weight the two share over the weight
/// of both, from 0 to 1. Also returns the shared stems that are content words.
pub(crate) fn weighted_dice(a: &Bag, b: &Bag, w: &Weights, e: &Evidence) -> (f32, usize) {
    let (mut i, mut j) = (0, 0);
    let (mut shared, mut content) = (0.0, 0);
    while i < a.stems.len() && j < b.stems.len() {
        match a.stems[i].cmp(&b.stems[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += w.of(a.stems[i]);
                content += usize::from(!e.is_common(a.stems[i]));
                i += 1;
                j += 1;
            }
        }
    }
    let total: f32 = a.stems.iter().chain(&b.stems).map(|&s| w.of(s)).sum();
    if total <= 0.0 {
        return (0.0, 0);
    }
    (2.0 * shared / total, content)
}

/// How much leads of one family add to a pairing that words already support:
/// a little, so that of two clauses answering the same one, the one that
/// asks the same kind of thing wins, but never enough to pair on its own.
pub(crate) const FAMILY_BONUS: f32 = 0.05;

/// Whether two bags' leads are of one family, or one verb in two forms
/// (`Mourning`, `Mourns`) off the scale.
pub(crate) fn same_family(a: &Bag, b: &Bag) -> bool {
    (a.family.is_some() && a.family == b.family) || (a.verb.is_some() && a.verb == b.verb)
}

/// Whether two leads are one verb, perhaps in its preambular and operative
/// forms (`Welcoming`/`Welcomes`, `Noting`/`Notes`, `Recalling also`/`Recalls`).
pub(crate) fn same_verb(a: &str, b: &str) -> bool {
    let stemmer = Stemmer::create(Algorithm::English);
    let verb = |l: &str| {
        let base = base_lead(l);
        stemmer.stem(head_verb(&base)).into_owned()
    };
    verb(a) == verb(b)
}

/// Whether two leads read the same once case, adverbs and British or
/// American spelling are set aside (`Recognizing`, `Recognising`): a
/// spelling is no change of lead.
pub(crate) fn same_lead_words(a: &str, b: &str) -> bool {
    let words = |l: &str| -> Vec<String> { base_lead(l).split(' ').map(fold).collect() };
    words(a) == words(b)
}

/// The verb of a lead in its [`base_lead`] form, past the adverbs.
fn head_verb(base: &str) -> &str {
    base.split(' ')
        .find(|w| {
            !matches!(
                *w,
                "strongly"
                    | "deeply"
                    | "gravely"
                    | "seriously"
                    | "firmly"
                    | "fully"
                    | "emphatically"
                    | "unequivocally"
                    | "urgently"
                    | "most"
                    | "profoundly"
            )
        })
        .unwrap_or(base)
}

/// The family of a lead (in its [`base_lead`] form) whose verb is `head`.
fn family(base: &str, head: &str) -> Option<Family> {
    if base.contains("concern") {
        return Some(Family::Concern);
    }
    let stem = head.trim_end_matches("ing").trim_end_matches('s');
    let starts = |p: &[&str]| p.iter().any(|x| stem.starts_with(x));
    Some(if starts(&["decid", "determin", "authori"]) {
        Family::Decision
    } else if starts(&[
        "demand",
        "call",
        "urg",
        "request",
        "requir",
        "encourag",
        "invit",
        "appeal",
        "implor",
        "insist",
        "recommend",
        "suggest",
        "direct",
        "instruct",
        "exhort",
    ]) {
        Family::Exhortation
    } else if starts(&["condemn", "deplor", "denounc", "reject", "regret"]) {
        Family::Censure
    } else if starts(&[
        "alarm", "dismay", "shock", "appal", "disturb", "worri", "troubl", "distress",
    ]) {
        Family::Concern
    } else if starts(&[
        "recall",
        "reaffirm",
        "reiterat",
        "affirm",
        "stress",
        "emphasi",
        "underlin",
        "underscor",
        "recogni",
        "acknowledg",
        "convinc",
        "determined",
    ]) {
        Family::Affirmation
    } else if starts(&[
        "welcom",
        "not",
        "tak",
        "commend",
        "appreciat",
        "mindful",
        "aware",
        "conscious",
        "bear",
        "express",
    ]) {
        Family::Acknowledgement
    } else {
        return None;
    })
}

/// A word lower-cased, without inner hyphens, with British spellings folded
/// to American ones (`organisation` → `organization`, `labour` → `labor`,
/// `centre` → `center`, `defence` → `defense`, `programme` → `program`).
/// Folding is applied to both texts alike, so a rule that also rewrites a
/// word with no American twin (`advise` → `advize`) does no harm.
///
/// ```ignore
/// assert_eq!(fold("Organisation"), fold("organization"));
/// ```
pub(crate) fn fold(word: &str) -> String {
    // most words are ASCII: lower-cased byte by byte (the same as
    // `char::to_lowercase` there), without going through chars
    let mut w: String = if word.is_ascii() {
        word.bytes()
            .filter(|&b| b != b'-')
            .map(|b| char::from(b.to_ascii_lowercase()))
            .collect()
    } else {
        word.chars()
            .filter(|c| !matches!(c, '-' | '\u{2010}' | '\u{2011}'))
            .map(|c| if c == '’' { '\'' } else { c })
            .flat_map(char::to_lowercase)
            .collect()
    };
    if let Some(stem) = w.strip_suffix("'s") {
        w.truncate(stem.len());
    }
    const TABLE: &[(&str, &str)] = &[
        ("programme", "program"),
        ("judgement", "judgment"),
        ("ageing", "aging"),
        ("defence", "defense"),
        ("offence", "offense"),
        ("licence", "license"),
        ("pretence", "pretense"),
        ("enrolment", "enrollment"),
        ("fulfil", "fulfill"),
    ];
    for (gb, us) in TABLE {
        if let Some(rest) = w.strip_prefix(gb) {
            w = format!("{us}{rest}");
            break;
        }
    }
    // -ise/-isation/-yse -> -ize/-ization/-yze, in any inflection
    for (gb, us) in [("isation", "ization"), ("ysation", "yzation")] {
        if let Some(at) = find(&w, gb) {
            w.replace_range(at..at + gb.len(), us);
        }
    }
    for end in [
        "ise", "ised", "ises", "ising", "iser", "isers", "yse", "ysed", "yses", "ysing",
    ] {
        if w.len() > end.len() + 2 && w.ends_with(end) {
            let at = w.len() - end.len() + 1;
            w.replace_range(at..at + 1, "z");
            break;
        }
    }
    // -our -> -or (labour, favourable, neighbours), after three letters or more
    if let Some(at) = find(&w, "our")
        && at >= 3
    {
        w.replace_range(at..at + 3, "or");
    }
    // -tre, -bre -> -ter, -ber (centre, metres, fibre)
    for (gb, us) in [
        ("tre", "ter"),
        ("bre", "ber"),
        ("tres", "ters"),
        ("bres", "bers"),
    ] {
        if w.len() > gb.len() + 2 && w.ends_with(gb) {
            let at = w.len() - gb.len();
            w.replace_range(at.., us);
            break;
        }
    }
    // travelled, labelling, counsellor -> one l
    for (gb, us) in [("elled", "eled"), ("elling", "eling"), ("ellor", "elor")] {
        if w.len() > gb.len() + 2 && w.ends_with(gb) {
            let at = w.len() - gb.len();
            w.replace_range(at.., us);
            break;
        }
    }
    w
}

/// Where `pat` (ASCII) first stands in `w`: `str::find` gives the same, but
/// prepares a general search for every call, which costs more than the
/// search itself on a word. An ASCII byte never stands inside a longer
/// character, so a match is always at a character boundary.
fn find(w: &str, pat: &str) -> Option<usize> {
    w.as_bytes()
        .windows(pat.len())
        .position(|x| x == pat.as_bytes())
}

/// The stems of a set of words, for tests.
#[cfg(test)]
pub(crate) fn stems_of(e: &mut Evidence<'_>, words: &[&str]) -> rustc_hash::FxHashSet<u32> {
    words.iter().map(|w| e.stem_id(w)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn british_and_american_spellings_fold_together() {
        for (gb, us) in [
            ("organisation", "organization"),
            ("Organisations", "organizations"),
            ("recognising", "recognizing"),
            ("analysed", "analyzed"),
            ("labour", "labor"),
            ("favourable", "favorable"),
            ("neighbouring", "neighboring"),
            ("centre", "center"),
            ("centres", "centers"),
            ("defence", "defense"),
            ("programmes", "programs"),
            ("co-operation", "cooperation"),
            ("travelled", "traveled"),
        ] {
            assert_eq!(fold(gb), fold(us), "{gb} / {us}");
        }
        // words that merely look alike stay apart
        assert_ne!(fold("four"), fold("for"));
        assert_ne!(fold("courage"), fold("cage"));
    }

    #[test]
    fn inflections_and_spellings_share_a_stem() {
        let mut e = Evidence::new();
        for group in [
            &["ensure", "ensuring", "ensures", "ensured"][..],
            &["organisation", "organizations", "Organization"],
            &["Recognising", "recognizes"],
            &["welcoming", "Welcomes"],
        ] {
            assert_eq!(stems_of(&mut e, group).len(), 1, "{group:?}");
        }
    }

    #[test]
    fn rare_words_weigh_more_than_formulae_and_function_words() {
        let clause = |t: &str| crate::parse::Clause {
            id: "OP1".into(),
            part: crate::parse::Part::Operative,
            label: None,
            heading: None,
            lead: crate::parse::lead(t),
            text: t.to_string(),
            footnotes: Vec::new(),
            children: Vec::new(),
        };
        // the clauses outlive the evidence, which keeps what it read of them
        let clauses = [
            clause("Demands that the Russian Federation immediately cease its use of force;"),
            clause("Calls upon the parties to cease their use of force;"),
            // same formula and function words, nothing else in common
            clause("Calls upon the Secretary-General to report to the General Assembly;"),
        ];
        let mut e = Evidence::new();
        let [a, b, c] = [0, 1, 2].map(|k| e.bag(&clauses[k]));
        let w = e.weights(&[&a, &b, &c]);
        let (ab, content) = weighted_dice(&a, &b, &w, &e);
        let (ac, _) = weighted_dice(&a, &c, &w, &e);
        assert!(ab > 0.3 && content >= 3, "{ab} {content}");
        assert!(ac < 0.1, "{ac}");
        assert!(same_family(&a, &b) && same_family(&b, &c));
    }

    #[test]
    fn preambular_and_operative_forms_are_one_verb() {
        assert!(same_verb("Welcoming", "Welcomes"));
        assert!(same_verb("Noting", "Notes"));
        assert!(same_verb("Recalling also", "Recalls"));
        assert!(same_verb("Strongly condemning", "Condemns"));
        assert!(!same_verb("Welcoming", "Demands"));
        assert!(same_lead_words("Recognizing", "Recognising"));
        assert!(!same_lead_words("Calls upon", "Calls for"));
    }

    #[test]
    fn leads_fall_into_families() {
        let f = |l: &str| {
            let b = base_lead(l);
            family(&b, head_verb(&b))
        };
        assert_eq!(f("Demands"), f("Calls upon"));
        assert_eq!(f("Urges"), f("Encourages"));
        assert_eq!(f("Requests"), Some(Family::Exhortation));
        assert_eq!(f("Strongly condemns"), f("Condemning"));
        assert_eq!(f("Deeply concerned"), f("Expressing grave concern"));
        assert_eq!(f("Welcoming"), f("Takes note of"));
        assert_ne!(f("Decides"), f("Requests"));
        assert_eq!(f("Mourning"), None);
    }
}
