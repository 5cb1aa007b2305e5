//! The six official languages of the United Nations, and which one a text is
//! written in, told from its script and its commonest short words.

use serde::Serialize;

/// An official language of the United Nations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Arabic, written right to left.
    Ar,
    /// Chinese, without spaces between words.
    Zh,
    /// English.
    #[default]
    En,
    /// French.
    Fr,
    /// Russian.
    Ru,
    /// Spanish.
    Es,
}

impl Lang {
    /// All six, in the UN's alphabetical order of their English names.
    pub const ALL: [Lang; 6] = [Lang::Ar, Lang::Zh, Lang::En, Lang::Fr, Lang::Ru, Lang::Es];

    /// The ISO 639-1 code: `ar`, `zh`, `en`, `fr`, `ru`, `es`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::Zh => "zh",
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Ru => "ru",
            Lang::Es => "es",
        }
    }

    /// The language from its ISO 639-1 code or English name, in any case.
    ///
    /// ```
    /// use resdiff::parse::Lang;
    /// assert_eq!(Lang::from_code("FR"), Some(Lang::Fr));
    /// assert_eq!(Lang::from_code("arabic"), Some(Lang::Ar));
    /// assert_eq!(Lang::from_code("de"), None);
    /// ```
    pub fn from_code(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        Lang::ALL
            .into_iter()
            .find(|l| l.code() == s || l.name().eq_ignore_ascii_case(&s))
    }

    /// The English name: `French`.
    pub fn name(self) -> &'static str {
        match self {
            Lang::Ar => "Arabic",
            Lang::Zh => "Chinese",
            Lang::En => "English",
            Lang::Fr => "French",
            Lang::Ru => "Russian",
            Lang::Es => "Spanish",
        }
    }

    /// Whether the language is written right to left.
    pub fn is_rtl(self) -> bool {
        self == Lang::Ar
    }

    /// Whether words are separated by spaces (all but Chinese).
    pub fn spaced(self) -> bool {
        self != Lang::Zh
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// Short words frequent in one Latin-script language and rare in the other
/// two: each occurrence is a vote.
const EN_WORDS: &[&str] = &["the", "of", "and", "to", "its", "that", "with", "all"];
const FR_WORDS: &[&str] = &[
    "les", "des", "du", "et", "à", "aux", "au", "le", "sur", "dans", "est",
];
const ES_WORDS: &[&str] = &[
    "los", "las", "del", "y", "el", "su", "sus", "con", "para", "al",
];

/// The language of a text, from its letters: Arabic, Han or Cyrillic script
/// decide alone when they make up a fifth of the letters; Latin-script text is
/// English, French or Spanish by its commonest short words. English when
/// nothing tells (an empty text).
///
/// A general detector (such as the `whatlang` crate) is not needed for six
/// languages of which three have their own script; the function words of a
/// resolution's preamble settle the other three within a line or two.
///
/// ```
/// use resdiff::parse::{detect_lang, Lang};
/// assert_eq!(detect_lang("L’Assemblée générale,\n\nRappelant ses résolutions sur la question,"), Lang::Fr);
/// assert_eq!(detect_lang("La Asamblea General,\n\nRecordando sus resoluciones sobre la cuestión,"), Lang::Es);
/// assert_eq!(detect_lang("Генеральная Ассамблея,"), Lang::Ru);
/// assert_eq!(detect_lang("إن الجمعية العامة،"), Lang::Ar);
/// assert_eq!(detect_lang("大会，"), Lang::Zh);
/// assert_eq!(detect_lang("The General Assembly,"), Lang::En);
/// ```
pub fn detect_lang(text: &str) -> Lang {
    // One pass over the start of the text (it runs on every parse): the
    // script of the first 2,000 letters, the votes of the first 400 words,
    // the accents of the first 4,000 characters (a page). That is plenty, and bounds
    // the time on a huge input.
    const LETTERS: usize = 2_000;
    const WORDS: usize = 400;
    const CHARS: usize = 4_000;
    let (mut arabic, mut han, mut cyrillic, mut latin) = (0usize, 0usize, 0usize, 0usize);
    let (mut en, mut fr, mut es) = (0usize, 0usize, 0usize);
    // accents that only one of the two Romance languages writes
    let (mut fr_marks, mut es_marks) = (0usize, 0usize);
    // the word being read, lower-cased while it is short enough to vote
    // (the voting words are short: a longer word is passed over unread)
    let (mut word, mut word_len, mut words) = (String::new(), 0usize, 0usize);
    let mut vote = |w: &str| {
        en += usize::from(EN_WORDS.contains(&w));
        fr += usize::from(FR_WORDS.contains(&w));
        es += usize::from(ES_WORDS.contains(&w));
    };
    for (k, c) in text.chars().enumerate() {
        let letters = arabic + han + cyrillic + latin;
        if k >= CHARS && letters >= LETTERS && words >= WORDS {
            break;
        }
        // (the accents, scripts and case tables concern letters past ASCII)
        if k < CHARS && !c.is_ascii() {
            match c {
                'è' | 'ê' | 'ç' | 'à' | 'â' | 'î' | 'ô' | 'û' | '«' => fr_marks += 1,
                'ñ' | '¿' | '¡' | 'á' | 'ó' | 'í' | 'ú' => es_marks += 1,
                _ => {}
            }
        }
        if c.is_alphabetic() {
            if letters < LETTERS && c.is_ascii() {
                latin += 1;
            } else if letters < LETTERS {
                match c {
                    '\u{0600}'..='\u{06FF}'
                    | '\u{0750}'..='\u{077F}'
                    | '\u{FB50}'..='\u{FDFF}'
                    | '\u{FE70}'..='\u{FEFF}' => arabic += 1,
                    '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' => {
                        han += 1
                    }
                    '\u{0400}'..='\u{04FF}' => cyrillic += 1,
                    _ => latin += 1,
                }
            }
            if words < WORDS {
                word_len += c.len_utf8();
                if word_len <= 4 {
                    if c.is_ascii() {
                        word.push(c.to_ascii_lowercase());
                    } else {
                        word.extend(c.to_lowercase());
                    }
                }
            }
        } else if word_len > 0 {
            words += 1;
            if word_len <= 4 {
                vote(&word);
            }
            word.clear();
            word_len = 0;
        }
    }
    if word_len > 0 && word_len <= 4 && words < WORDS {
        vote(&word);
    }
    let total = arabic + han + cyrillic + latin;
    if total == 0 {
        return Lang::En;
    }
    // Han characters are words or syllables: one counts for three letters
    let scores = [
        (Lang::Ar, arabic),
        (Lang::Zh, han * 3),
        (Lang::Ru, cyrillic),
    ];
    if let Some(&(l, n)) = scores.iter().max_by_key(|(_, n)| *n)
        && n * 5 >= total
    {
        return l;
    }
    let fr = fr + fr_marks / 2;
    let es = es + es_marks / 2;
    if fr > en && fr >= es {
        Lang::Fr
    } else if es > en && es > fr {
        Lang::Es
    } else {
        Lang::En
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_english_resolutions_are_english() {
        for f in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/resolutions")).unwrap() {
            let p = f.unwrap().path();
            if p.extension().is_some_and(|e| e == "txt") {
                let t = std::fs::read_to_string(&p).unwrap();
                assert_eq!(detect_lang(&t), Lang::En, "{}", p.display());
            }
        }
    }

    #[test]
    fn a_quoted_foreign_name_does_not_change_the_language() {
        let t = "The General Assembly,\n\nRecalling the Déclaration de Paris sur l’efficacité de l’aide,\n\n1. Welcomes the report of the Secretary-General and the work of the Committee;";
        assert_eq!(detect_lang(t), Lang::En);
    }
}
