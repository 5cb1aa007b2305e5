//! Words, punctuation and spaces, and the keys under which they compare.
//!
//! A word is never split: `Secretary-General`, `Ukraine’s`, `A/ES-11/L.10`,
//! `1,500` and `2(4)` each stay whole. Punctuation is a token of its own, so
//! a moved comma is a one-token change. Keys fold what is typography rather
//! than wording: curly and straight quotes, hyphens inside words (so a word
//! hyphenated at a line end still matches), and optionally case and
//! punctuation.

use std::borrow::Cow;

use rustc_hash::FxHashMap;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters and digits, with inner hyphens, apostrophes, slashes and dots.
    Word,
    /// One punctuation character.
    Punct,
    /// A run of spaces (or, with punctuation ignored, of spaces and punctuation).
    Space,
    /// A paragraph break joining the texts of a split or merged clause.
    Break,
}

/// A token: a byte range of the text it was cut from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first character.
    pub start: u32,
    /// Byte offset after the last character.
    pub end: u32,
    /// Its kind.
    pub kind: TokenKind,
}

impl Token {
    /// The token's text.
    pub fn text<'a>(&self, src: &'a str) -> &'a str {
        &src[self.start as usize..self.end as usize]
    }
}

/// How tokens compare.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct KeyOptions {
    /// `Decides` equals `decides`.
    pub ignore_case: bool,
    /// Punctuation is treated as spacing.
    pub ignore_punctuation: bool,
}

fn joiner(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}' | '\u{2011}' | '\'' | '’' | '/' | '.' | '&'
    )
}

fn digit_joiner(c: char) -> bool {
    matches!(c, ',' | '.' | '–' | ':')
}

/// Cuts a text into tokens.
///
/// ```
/// use resdiff::tokens::{tokenize, KeyOptions, TokenKind};
/// let text = "the Secretary-General’s report (A/ES-11/L.10),";
/// let words: Vec<&str> = tokenize(text, KeyOptions::default())
///     .iter()
///     .filter(|t| t.kind == TokenKind::Word)
///     .map(|t| t.text(text))
///     .collect();
/// assert_eq!(words, ["the", "Secretary-General’s", "report", "A/ES-11/L.10"]);
/// ```
pub fn tokenize(text: &str, opts: KeyOptions) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(text.len() / 3 + 1);
    scan(text, opts, |tok| {
        // with punctuation ignored, spaces and punctuation form one gap
        match out.last_mut() {
            Some(last) if tok.kind == TokenKind::Space && last.kind == TokenKind::Space => {
                last.end = tok.end
            }
            _ => out.push(tok),
        }
    });
    out
}

/// Hands `f` the words of a text in order, as [`tokenize`] cuts them,
/// without building the tokens.
pub(crate) fn for_each_word(text: &str, mut f: impl FnMut(&str)) {
    scan(text, KeyOptions::default(), |tok| {
        if tok.kind == TokenKind::Word {
            f(tok.text(text))
        }
    });
}

/// The number of words in a text, as [`tokenize`] cuts them, without
/// building the tokens (word counts are taken of every changed passage).
///
/// ```
/// use resdiff::tokens::count_words;
/// assert_eq!(count_words("the Secretary-General’s report (A/ES-11/L.10),"), 4);
/// ```
pub fn count_words(text: &str) -> usize {
    let mut n = 0;
    scan(text, KeyOptions::default(), |tok| {
        n += usize::from(tok.kind == TokenKind::Word)
    });
    n
}

/// Cuts a text into tokens, handing each to `emit` in order (runs of
/// spacing and, with punctuation ignored, punctuation may come as several).
fn scan(text: &str, opts: KeyOptions, mut emit: impl FnMut(Token)) {
    let bytes = text.as_bytes();
    let n = bytes.len();
    // the char starting at byte i, and its length
    let at = |i: usize| -> (char, usize) {
        let b = bytes[i];
        if b < 0x80 {
            (b as char, 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (c, c.len_utf8())
        }
    };
    let is_word = |c: char| {
        if c.is_ascii() {
            c.is_ascii_alphanumeric()
        } else {
            // Arabic vowel marks and the tatweel belong to the word they sit on
            c.is_alphanumeric() || matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}')
        }
    };
    let mut i = 0;
    while i < n {
        let (c, len) = at(i);
        let start = i;
        let kind;
        i += len;
        if c == '\n' {
            kind = TokenKind::Break;
        } else if c.is_whitespace() {
            while i < n && bytes[i] == b' ' {
                i += 1;
            }
            while i < n {
                let (d, l) = at(i);
                if d == '\n' || !d.is_whitespace() {
                    break;
                }
                i += l;
            }
            kind = TokenKind::Space;
        } else if is_ideograph(c) {
            // Chinese and Japanese: a word of one character (see below)
            kind = TokenKind::Word;
        } else if is_word(c) {
            let mut last = c;
            while i < n {
                // the common case: a run of ASCII letters and digits
                let run = bytes[i..]
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric())
                    .count();
                if run > 0 {
                    i += run;
                    last = bytes[i - 1] as char;
                    continue;
                }
                let (d, l) = at(i);
                if is_word(d) && !is_ideograph(d) {
                    last = d;
                    i += l;
                    continue;
                }
                // a joiner continues the word only between two word characters
                if i + l < n {
                    let (e, l2) = at(i + l);
                    let digits = last.is_ascii_digit() && e.is_ascii_digit();
                    if is_word(e) && (joiner(d) || (digits && digit_joiner(d))) {
                        last = e;
                        i += l + l2;
                        continue;
                    }
                }
                break;
            }
            kind = TokenKind::Word;
        } else {
            kind = if opts.ignore_punctuation {
                TokenKind::Space
            } else {
                TokenKind::Punct
            };
        }
        emit(Token {
            start: start as u32,
            end: i as u32,
            kind,
        });
    }
}

/// Whether a character is a Han ideograph or Japanese kana: a word of its
/// own. Chinese writes no spaces; a redline that marks each character added
/// or deleted reads as a Chinese editor marks a text by hand, needs no
/// dictionary (a segmenter such as jieba carries megabytes of one and splits
/// differently as it is updated), and cannot hide a one-character change of
/// meaning (`不`, `应`) inside a changed multi-character word.
///
/// ```
/// use resdiff::tokens::{tokenize, KeyOptions, TokenKind};
/// let text = "分享水文数据(A/99/301)";
/// let words: Vec<&str> = tokenize(text, KeyOptions::default())
///     .iter()
///     .filter(|t| t.kind == TokenKind::Word)
///     .map(|t| t.text(text))
///     .collect();
/// assert_eq!(words, ["分", "享", "水", "文", "数", "据", "A/99/301"]);
/// ```
pub fn is_ideograph(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}' | '\u{3040}'..='\u{30FF}' | '\u{3005}' | '\u{3007}')
}

/// The comparison key of a token's text.
///
/// ```
/// use resdiff::tokens::{key, KeyOptions, TokenKind};
/// let o = KeyOptions::default();
/// assert_eq!(key("long-lasting", TokenKind::Word, o), key("longlasting", TokenKind::Word, o));
/// assert_eq!(key("“", TokenKind::Punct, o), key("\"", TokenKind::Punct, o));
/// assert_ne!(key("Decides", TokenKind::Word, o), key("decides", TokenKind::Word, o));
/// let ic = KeyOptions { ignore_case: true, ..o };
/// assert_eq!(key("Decides", TokenKind::Word, ic), key("decides", TokenKind::Word, ic));
/// ```
pub fn key(text: &str, kind: TokenKind, opts: KeyOptions) -> Cow<'_, str> {
    match kind {
        TokenKind::Space => Cow::Borrowed(" "),
        TokenKind::Break => Cow::Borrowed("\n"),
        TokenKind::Punct => Cow::Borrowed(match text {
            "“" | "”" | "„" | "‟" | "″" | "«" | "»" => "\"",
            "‘" | "’" | "‚" | "‛" | "′" | "`" => "'",
            "–" | "—" | "‐" | "‑" | "−" => "-",
            t => t,
        }),
        // Arabic opens the first preambular paragraph with إذ ("whereas") and
        // the others with وإذ ("and whereas"): a paragraph moved to the top
        // or away from it changes the word by its place alone, like a number
        TokenKind::Word if text == "وإذ" => Cow::Borrowed("إذ"),
        TokenKind::Word => {
            let needs = text.chars().any(|c| {
                matches!(c, '-' | '\u{2010}' | '\u{2011}' | '’' | '‘') || other_digit(c).is_some()
            }) || (opts.ignore_case && text.chars().any(char::is_uppercase));
            if !needs {
                return Cow::Borrowed(text);
            }
            let mut s = String::with_capacity(text.len());
            for c in text.chars() {
                match c {
                    '-' | '\u{2010}' | '\u{2011}' => {}
                    '’' | '‘' => s.push('\''),
                    // a number compares by its value whatever digits write it
                    c if other_digit(c).is_some() => s.push(other_digit(c).unwrap_or(c)),
                    c if opts.ignore_case => s.extend(c.to_lowercase()),
                    c => s.push(c),
                }
            }
            Cow::Owned(s)
        }
    }
}

/// The ASCII digit of an Arabic-Indic, Eastern Arabic-Indic or full-width
/// digit: `٢٠٢٤`, `۲۰۲۴` and `２０２４` compare as `2024`.
///
/// ```
/// use resdiff::tokens::{key, KeyOptions, TokenKind};
/// let o = KeyOptions::default();
/// assert_eq!(key("٢٠٢٤", TokenKind::Word, o), "2024");
/// assert_eq!(key("２０２４", TokenKind::Word, o), "2024");
/// ```
pub(crate) fn other_digit(c: char) -> Option<char> {
    let zero = match c {
        '\u{0660}'..='\u{0669}' => '\u{0660}',
        '\u{06F0}'..='\u{06F9}' => '\u{06F0}',
        '\u{FF10}'..='\u{FF19}' => '\u{FF10}',
        _ => return None,
    };
    char::from_digit(c as u32 - zero as u32, 10)
}

/// Numbers keys so that sequences of tokens compare as sequences of `u32`.
#[derive(Debug, Default)]
pub struct Interner {
    map: FxHashMap<Box<str>, u32>,
}

/// The id of every space key.
pub const SPACE: u32 = 0;
/// The id of a paragraph break.
pub const BREAK: u32 = 1;

impl Interner {
    /// A new interner with the space and break keys reserved.
    pub fn new() -> Self {
        let mut map = FxHashMap::default();
        map.insert(" ".into(), SPACE);
        map.insert("\n".into(), BREAK);
        Interner { map }
    }

    /// The id of a key, assigning a new one if needed.
    pub fn intern(&mut self, key: &str) -> u32 {
        if let Some(&id) = self.map.get(key) {
            return id;
        }
        let id = self.map.len() as u32;
        self.map.insert(key.into(), id);
        id
    }

    /// Keys of all tokens of a text.
    pub fn keys(&mut self, text: &str, tokens: &[Token], opts: KeyOptions) -> Vec<u32> {
        tokens
            .iter()
            .map(|t| self.intern(&key(t.text(text), t.kind, opts)))
            .collect()
    }

    /// Word keys (for similarity) and content keys (words and punctuation,
    /// for identity) of a text, from one pass; appended to the given vectors.
    pub fn clause_keys(
        &mut self,
        text: &str,
        opts: KeyOptions,
        words: &mut Vec<u32>,
        content: &mut Vec<u32>,
    ) {
        scan(text, opts, |t| match t.kind {
            TokenKind::Word => {
                let k = self.intern(&key(t.text(text), t.kind, opts));
                words.push(k);
                content.push(k);
            }
            TokenKind::Punct => content.push(self.intern(&key(t.text(text), t.kind, opts))),
            _ => {}
        });
    }

    /// Keys of the words of a text only (no spaces or punctuation): what
    /// clause similarity is measured on.
    pub fn word_keys(&mut self, text: &str, opts: KeyOptions) -> Vec<u32> {
        self.keys_of(text, opts, |k| k == TokenKind::Word)
    }

    /// Keys of words and (unless ignored) punctuation: equal exactly when
    /// two texts have the same wording.
    pub fn content_keys(&mut self, text: &str, opts: KeyOptions) -> Vec<u32> {
        self.keys_of(text, opts, |k| {
            matches!(k, TokenKind::Word | TokenKind::Punct)
        })
    }

    /// Keys of the tokens of a text whose kind `keep` accepts.
    fn keys_of(&mut self, text: &str, opts: KeyOptions, keep: fn(TokenKind) -> bool) -> Vec<u32> {
        let mut out = Vec::new();
        scan(text, opts, |t| {
            if keep(t.kind) {
                out.push(self.intern(&key(t.text(text), t.kind, opts)));
            }
        });
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str, opts: KeyOptions) -> Vec<(&str, TokenKind)> {
        tokenize(text, opts)
            .iter()
            .map(|t| (t.text(text), t.kind))
            .collect()
    }

    #[test]
    fn words_stay_whole_and_punctuation_stands_alone() {
        let t = kinds(
            "resolution 2774 (2025), 1,500 people;",
            KeyOptions::default(),
        );
        let words: Vec<&str> = t
            .iter()
            .filter(|(_, k)| *k == TokenKind::Word)
            .map(|(s, _)| *s)
            .collect();
        assert_eq!(words, ["resolution", "2774", "2025", "1,500", "people"]);
        let puncts: Vec<&str> = t
            .iter()
            .filter(|(_, k)| *k == TokenKind::Punct)
            .map(|(s, _)| *s)
            .collect();
        assert_eq!(puncts, ["(", ")", ",", ";"]);
    }

    #[test]
    fn tokens_cover_the_text_exactly() {
        let text = "Reaffirming  its commitment,\nto “peace” – now…";
        let toks = tokenize(text, KeyOptions::default());
        let rebuilt: String = toks.iter().map(|t| t.text(text)).collect();
        assert_eq!(rebuilt, text);
    }

    #[test]
    fn ignoring_punctuation_merges_it_into_the_gaps() {
        let o = KeyOptions {
            ignore_punctuation: true,
            ..Default::default()
        };
        let mut i = Interner::new();
        let a = tokenize("peace, security", o);
        let b = tokenize("peace security", o);
        assert_eq!(
            i.keys("peace, security", &a, o),
            i.keys("peace security", &b, o)
        );
    }

    #[test]
    fn trailing_joiner_is_not_part_of_the_word() {
        let t = kinds("the Russian Federation-", KeyOptions::default());
        assert_eq!(t.last().unwrap(), &("-", TokenKind::Punct));
    }
}
