//! Word shingles for finding agreed phrases, and content hashes: both with
//! SipHash-1-3 under fixed keys (`siphasher`), whose output is specified
//! and so the same in every build, as an index kept on disk needs.
//!
//! A phrase is a run of [`PHRASE`] or more words that stands verbatim in a
//! library clause. The index does not keep every 8-word shingle, which
//! would make it larger than the texts: it keeps the hash of the
//! [`SHINGLE`]-word shingle starting at every [`STEP`]-th word of each
//! clause. A run of 8 common words spans 4 consecutive 5-word shingle
//! starts in the library clause, so one of them is a multiple of 4 and was
//! kept; the draft looks up all of its 5-word shingles. The clauses found
//! are then compared word by word, so a hash collision costs a look, never
//! a wrong phrase.

use std::hash::Hasher;

use siphasher::sip::SipHasher13;
use siphasher::sip128::{Hasher128, SipHasher13 as SipHasher13x128};

use crate::tokens::{KeyOptions, TokenKind, key, tokenize};

/// Words in a shingle.
pub const SHINGLE: usize = 5;
/// Every how many words the library keeps a shingle.
pub const STEP: usize = 4;
/// The shortest run of words named as a phrase.
pub const PHRASE: usize = 8;

// a run of PHRASE words must always contain a kept shingle
const _: () = assert!(SHINGLE + STEP - 1 <= PHRASE);

/// The content hash of a file: 128 bits, as 32 hex digits.
///
/// ```
/// let h = resdiff::library::content_hash(b"The General Assembly,");
/// assert_eq!(h.len(), 32);
/// assert_eq!(h, resdiff::library::content_hash(b"The General Assembly,"));
/// ```
pub fn content_hash(bytes: &[u8]) -> String {
    let mut h = SipHasher13x128::new_with_keys(0x7265_7364_6966_6621, 0x6c69_6272_6172_7931);
    h.write(bytes);
    format!("{:032x}", h.finish128().as_u128())
}

/// The words of a text as phrases compare them: case folded, typography
/// (quotes, hyphens) folded, punctuation left out; each with its byte range.
///
/// ```
/// let w = resdiff::library::phrase_words("Reaffirming its commitment, to the “sovereignty”");
/// let keys: Vec<&str> = w.iter().map(|(k, _)| k.as_str()).collect();
/// assert_eq!(keys, ["reaffirming", "its", "commitment", "to", "the", "sovereignty"]);
/// ```
pub fn phrase_words(text: &str) -> Vec<(String, std::ops::Range<usize>)> {
    let opts = KeyOptions {
        ignore_case: true,
        ignore_punctuation: true,
    };
    tokenize(text, opts)
        .into_iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| {
            (
                key(t.text(text), t.kind, opts).into_owned(),
                t.start as usize..t.end as usize,
            )
        })
        .collect()
}

/// Hashes of the [`SHINGLE`]-word shingles starting at every `step`-th
/// word (1 for all), in order. Texts too short to hold a phrase have none.
pub fn shingle_hashes<S: AsRef<str>>(
    words: &[(S, std::ops::Range<usize>)],
    step: usize,
) -> Vec<u64> {
    if words.len() < PHRASE {
        return Vec::new();
    }
    (0..=words.len() - SHINGLE)
        .step_by(step.max(1))
        .map(|i| {
            let mut h = SipHasher13::new_with_keys(0x7368_696e_676c_6535, 0x7265_7364_6966_6632);
            for (w, _) in &words[i..i + SHINGLE] {
                h.write(w.as_ref().as_bytes());
                h.write_u8(0xff);
            }
            h.finish()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_shingles_cover_every_eight_word_run() {
        let text =
            "one two three four five six seven eight nine ten eleven twelve thirteen fourteen";
        let words = phrase_words(text);
        let all = shingle_hashes(&words, 1);
        let kept = shingle_hashes(&words, STEP);
        // every window of 8 words holds at least one kept shingle start
        for start in 0..=words.len() - PHRASE {
            let inside = &all[start..=start + PHRASE - SHINGLE];
            assert!(inside.iter().any(|h| kept.contains(h)), "run at {start}");
        }
    }

    #[test]
    fn shingles_fold_case_and_punctuation() {
        let a =
            phrase_words("Calls upon all parties, to cease hostilities immediately and completely");
        let b =
            phrase_words("calls upon all parties to cease hostilities immediately and completely;");
        assert_eq!(shingle_hashes(&a, 1), shingle_hashes(&b, 1));
        assert!(shingle_hashes(&phrase_words("too short to hold a phrase"), 1).is_empty());
    }
}
