//! List numbering as drafts print it: letters (`a` … `z`, `aa` … `zz`,
//! `aaa` …), Roman numerals and ordinal suffixes, written and read back.
//!
//! One implementation for every reader (DOCX and HTML list counters) and
//! for `amend`, which renumbers what it changes.

/// Roman numerals reach 3,999 (`MMMCMXCIX`); larger values are written in figures.
pub(crate) const ROMAN_MAX: i64 = 3999;

/// The longest run of letters written (`a` repeated 100 times is item 2,575);
/// a counter beyond it, which only a hostile file asks for, is written in figures.
const LETTERS_MAX: i64 = 26 * 100;

/// List letters as Word, browsers and the Secretariat count: `a` … `z`,
/// then `aa` … `zz`, then `aaa` …; values below 1 or beyond a run of 100
/// letters are written in figures.
pub(crate) fn letters(n: i64, upper: bool) -> String {
    if !(1..=LETTERS_MAX).contains(&n) {
        return n.to_string();
    }
    let n = n - 1;
    let letter = char::from(if upper { b'A' } else { b'a' } + (n % 26) as u8);
    std::iter::repeat_n(letter, (n / 26 + 1) as usize).collect()
}

/// The value of list letters (`c` 3, `aa` 27, `ZZ` 52), any case; `None`
/// unless the label is one letter, repeated.
pub(crate) fn letters_value(s: &str) -> Option<usize> {
    let first = s.chars().next()?.to_ascii_lowercase();
    if !first.is_ascii_lowercase() || !s.chars().all(|c| c.to_ascii_lowercase() == first) {
        return None;
    }
    Some((s.len() - 1) * 26 + (first as usize - 'a' as usize + 1))
}

/// Upper-case Roman numerals, 1 to [`ROMAN_MAX`]; other values in figures.
pub(crate) fn roman(n: i64) -> String {
    if !(1..=ROMAN_MAX).contains(&n) {
        return n.to_string();
    }
    let mut n = n;
    let mut s = String::new();
    for (v, r) in [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ] {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

/// The value of a Roman numeral written as [`roman`] writes it, in either
/// case (`xiv` 14, `XC` 90); `None` for anything else (`iiii`, `ic`).
pub(crate) fn roman_value(s: &str) -> Option<usize> {
    if s.is_empty() || s.len() > 15 {
        return None;
    }
    let upper = s.to_ascii_uppercase();
    let digit = |c: char| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        'D' => Some(500),
        'M' => Some(1000),
        _ => None,
    };
    let digits: Vec<i64> = upper.chars().map(digit).collect::<Option<_>>()?;
    let mut n = 0;
    for (k, &d) in digits.iter().enumerate() {
        if digits.get(k + 1).is_some_and(|&next| next > d) {
            n -= d;
        } else {
            n += d;
        }
    }
    (roman(n) == upper).then_some(n as usize)
}

/// The English ordinal suffix of a number: `st` (1, 21), `nd`, `rd`, `th` (11, 12, 13, 4).
pub(crate) fn ordinal_suffix(n: i64) -> &'static str {
    match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roman_numerals_to_3999_and_back() {
        assert_eq!(roman(4), "IV");
        assert_eq!(roman(14), "XIV");
        assert_eq!(roman(89), "LXXXIX");
        assert_eq!(roman(90), "XC");
        assert_eq!(roman(99), "XCIX");
        assert_eq!(roman(400), "CD");
        assert_eq!(roman(1994), "MCMXCIV");
        assert_eq!(roman(3999), "MMMCMXCIX");
        assert_eq!(roman(4000), "4000");
        assert_eq!(roman(0), "0");
        let mut seen = std::collections::HashSet::new();
        for n in 1..=3999 {
            let r = roman(n);
            assert!(seen.insert(r.clone()), "{n} written as {r} twice");
            assert_eq!(roman_value(&r), Some(n as usize), "{r}");
            assert_eq!(roman_value(&r.to_lowercase()), Some(n as usize), "{r}");
        }
        for bad in ["iiii", "ic", "vx", "", "MMMM", "xiv."] {
            assert_eq!(roman_value(bad), None, "{bad}");
        }
    }

    #[test]
    fn letters_past_zz_and_back() {
        let want = [
            (1, "a"),
            (26, "z"),
            (27, "aa"),
            (52, "zz"),
            (53, "aaa"),
            (78, "zzz"),
            (79, "aaaa"),
        ];
        for (n, s) in want {
            assert_eq!(letters(n, false), s);
            assert_eq!(letters(n, true), s.to_uppercase());
        }
        for n in 1..=LETTERS_MAX {
            assert_eq!(letters_value(&letters(n, false)), Some(n as usize));
        }
        assert_eq!(letters(0, false), "0");
        assert_eq!(
            letters(LETTERS_MAX + 1, false),
            (LETTERS_MAX + 1).to_string()
        );
        assert_eq!(letters_value("ab"), None);
    }

    #[test]
    fn ordinal_suffixes() {
        let got: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111, 112]
            .iter()
            .map(|&n| format!("{n}{}", ordinal_suffix(n)))
            .collect();
        assert_eq!(
            got,
            [
                "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd",
                "101st", "111th", "112th"
            ]
        );
    }
}
