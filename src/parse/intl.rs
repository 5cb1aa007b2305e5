//! The layout of resolutions in Arabic, Chinese, French, Russian and Spanish:
//! organ lines, sponsors lines, dates, and paragraph and sub-paragraph
//! markers, read into the forms the English parser already knows.
//!
//! Markers are rewritten at the start of a line before paragraphs are
//! rebuilt: Arabic `1 -` becomes `1.`, French and Spanish `a)` becomes
//! `(a)`, a Cyrillic or Arabic letter becomes the Latin letter at the same
//! place in the alphabet that language numbers with (`б)` and `(ب)` are
//! `(b)`), so that clause ids (`OP3(b)`) are the same in every language
//! version of a text and line up across languages.

use std::sync::LazyLock;

use regex_lite::Regex;

use super::lang::Lang;

/// The organ line of a resolution in a language other than English: the
/// organ as printed and any text after it on the same line.
///
/// ```
/// use resdiff::parse::{intl_organ_line, Lang};
/// assert_eq!(intl_organ_line("L’Assemblée générale,", Lang::Fr).unwrap().0, "L’Assemblée générale,");
/// assert_eq!(intl_organ_line("إن مجلس الأمن،", Lang::Ar).unwrap().0, "إن مجلس الأمن،");
/// assert!(intl_organ_line("L’Assemblée générale a décidé", Lang::Fr).is_none());
/// ```
pub fn intl_organ_line(line: &str, lang: Lang) -> Option<(String, String)> {
    static ORGANS: LazyLock<[Regex; 5]> = LazyLock::new(|| {
        let make =
            |alts: &str| Regex::new(&format!(r"^((?:{alts})[ \t]*[,،，])[ \t]*(.*)$")).unwrap();
        [
            make(
                r"L[’']Assemblée[ \t]+générale|Le[ \t]+Conseil[ \t]+de[ \t]+sécurité|Le[ \t]+Conseil[ \t]+économique[ \t]+et[ \t]+social|Le[ \t]+Conseil[ \t]+des[ \t]+droits[ \t]+de[ \t]+l[’']homme|Le[ \t]+Conseil[ \t]+de[ \t]+tutelle",
            ),
            make(
                r"La[ \t]+Asamblea[ \t]+General|El[ \t]+Consejo[ \t]+de[ \t]+Seguridad|El[ \t]+Consejo[ \t]+Económico[ \t]+y[ \t]+Social|El[ \t]+Consejo[ \t]+de[ \t]+Derechos[ \t]+Humanos|El[ \t]+Consejo[ \t]+de[ \t]+Administración[ \t]+Fiduciaria",
            ),
            make(
                r"Генеральная[ \t]+Ассамблея|Совет[ \t]+Безопасности|Экономический[ \t]+и[ \t]+Социальный[ \t]+Совет|Совет[ \t]+по[ \t]+правам[ \t]+человека|Совет[ \t]+по[ \t]+Опеке",
            ),
            make(
                r"إن[ \t]+الجمعية[ \t]+العامة|إن[ \t]+مجلس[ \t]+الأمن|إن[ \t]+المجلس[ \t]+الاقتصادي[ \t]+والاجتماعي|إن[ \t]+مجلس[ \t]+حقوق[ \t]+الإنسان|إن[ \t]+مجلس[ \t]+الوصاية",
            ),
            make(r"大会|安全理事会|安理会|经济及社会理事会|人权理事会|托管理事会"),
        ]
    });
    let re = match lang {
        Lang::Fr => &ORGANS[0],
        Lang::Es => &ORGANS[1],
        Lang::Ru => &ORGANS[2],
        Lang::Ar => &ORGANS[3],
        Lang::Zh => &ORGANS[4],
        Lang::En => return None,
    };
    let c = re.captures(line.trim_end())?;
    Some((c[1].to_string(), c[2].to_string()))
}

/// A sponsors line: the delegations, then the kind of document after a
/// colon (`France et Allemagne : projet de résolution révisé`). Group 1 the
/// list, group 2 the kind, as in the English pattern.
pub(crate) static SPONSORS_INTL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(.*?)[ \t]*\**[ \t]*[:：][ \t]*((?i:(?:пересмотренный[ \t]+)?(?:订正)?(?:projet[ \t]+de[ \t]+(?:résolution|décision)|proyecto[ \t]+de[ \t]+(?:resolución|decisión)|проект[ \t]+(?:резолюции|решения)|مشروع[ \t]+(?:قرار|مقرر)|决议草案|决定草案)).*)$",
    )
    .unwrap()
});

/// Whether a header line may be an international sponsors line: cheap.
pub(crate) fn may_be_sponsors(line: &str) -> bool {
    line.contains([':', '：'])
        && ["proje", "proye", "проект", "مشروع", "草案"]
            .iter()
            .any(|k| line.contains(k))
}

/// Names of States with the word `and` inside them, in Arabic, which
/// writes it `و` joined to the next word as it joins the names of a list.
const AR_AND_NAMES: &[&str] = &[
    "ترينيداد وتوباغو",
    "البوسنة والهرسك",
    "أنتيغوا وبربودا",
    "سانت كيتس ونيفس",
    "سانت فنسنت وجزر غرينادين",
    "سان تومي وبرينسيبي",
    "لبريطانيا العظمى وآيرلندا الشمالية",
];

/// Splits a sponsors list in any of the six languages: commas of each
/// script, and the last name after the language's `and`. Arabic lists may
/// join every name with `و` alone (`بلجيكا وشيلي وفرنسا`).
pub(crate) fn split_sponsors_intl(list: &str) -> Vec<String> {
    let is_arabic = list.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
    if is_arabic {
        // protect the names with `و` inside, split at " و", put them back
        let mut s = list.to_string();
        for (k, n) in AR_AND_NAMES.iter().enumerate() {
            s = s.replace(n, &format!("\u{E000}{k}\u{E001}"));
        }
        let mut out = Vec::new();
        for piece in s.split(['،', ',']) {
            for (k, name) in piece.split(" و").enumerate() {
                let name = name.trim().trim_end_matches(['*', '.']);
                let name = if k == 0 {
                    name.strip_prefix('و').unwrap_or(name)
                } else {
                    name
                };
                if name.is_empty() {
                    continue;
                }
                let mut name = name.to_string();
                for (k, n) in AR_AND_NAMES.iter().enumerate() {
                    name = name.replace(&format!("\u{E000}{k}\u{E001}"), n);
                }
                out.push(name);
            }
        }
        return out;
    }
    let mut out = Vec::new();
    for piece in list.split([',', '،', '，', '、']) {
        let piece = piece.trim();
        // "Francia y Alemania", "France et Allemagne", "Франция и Германия", "法国和德国"
        let mut parts: Vec<&str> = vec![piece];
        for sep in [" et ", " y ", " e ", " и ", "和"] {
            if let Some((a, b)) = parts.last().and_then(|p| p.split_once(sep)) {
                parts.pop();
                parts.push(a);
                parts.push(b);
            }
        }
        for p in parts {
            // Arabic joins "و" (and) to the last name
            let p = p.trim().trim_end_matches(['*', '.']);
            if !p.is_empty() {
                out.push(p.to_string());
            }
        }
    }
    out
}

/// Month names of the five other languages, in calendar order.
const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_ES: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];
const MONTHS_RU: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];
/// Arabic dates name the month twice, Levantine/Western: `تشرين الأول/أكتوبر`;
/// the Western name after the slash decides.
const MONTHS_AR: [&str; 12] = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيه",
    "يوليه",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
];

/// Dates in the text, each as (byte range, year, month, day), in any of the
/// six languages: `27 March 2014`, `27 mars 2014`, `1er novembre 2099`,
/// `27 de octubre de 2099`, `27 октября 2099 года`, `27 آذار/مارس 2014`,
/// `2014年3月27日`.
///
/// ```
/// use resdiff::parse::find_dates;
/// let d = |s| find_dates(s).into_iter().map(|(_, y, m, d)| (y, m, d)).collect::<Vec<_>>();
/// assert_eq!(d("le 1er novembre 2099 et le 27 mars 2014"), [(2099, 11, 1), (2014, 3, 27)]);
/// assert_eq!(d("el 27 de octubre de 2099"), [(2099, 10, 27)]);
/// assert_eq!(d("2014年3月27日"), [(2014, 3, 27)]);
/// assert_eq!(d("of 27 March 2014"), [(2014, 3, 27)]);
/// ```
pub fn find_dates(text: &str) -> Vec<(std::ops::Range<usize>, u32, u32, u32)> {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        let all: Vec<String> = crate::conventions::MONTHS
            .iter()
            .chain(&MONTHS_FR)
            .chain(&MONTHS_ES)
            .chain(&MONTHS_RU)
            .map(|m| m.to_string())
            .collect();
        let ar = MONTHS_AR.join("|");
        Regex::new(&format!(
            r"(?i)\b([0-9]{{1,2}})(?:er|º|°)?[ \t]+(?:de[ \t]+)?({})[ \t]+(?:de[ \t]+)?([0-9]{{4}})|([0-9]{{1,2}})[ \t]+(?:[^ \t/0-9]+(?:[ \t][^ \t/0-9]+)?/)?({ar})[ \t]+([0-9]{{4}})|([0-9]{{4}})年([0-9]{{1,2}})月([0-9]{{1,2}})日",
            all.join("|")
        ))
        .unwrap()
    });
    let month_of = |name: &str| -> u32 {
        let name = name.to_lowercase();
        for list in [
            &crate::conventions::MONTHS,
            &MONTHS_FR,
            &MONTHS_ES,
            &MONTHS_RU,
            &MONTHS_AR,
        ] {
            if let Some(k) = list.iter().position(|m| m.to_lowercase() == name) {
                return k as u32 + 1;
            }
        }
        0
    };
    RE.captures_iter(text)
        .filter_map(|c| {
            let m = c.get(0)?;
            let num = |k: usize| c.get(k).and_then(|x| x.as_str().parse::<u32>().ok());
            let (y, mo, d) = if let Some(d) = num(1) {
                (num(3)?, month_of(c.get(2)?.as_str()), d)
            } else if let Some(d) = num(4) {
                (num(6)?, month_of(c.get(5)?.as_str()), d)
            } else {
                (num(7)?, num(8)?, num(9)?)
            };
            (mo > 0 && (1..=31).contains(&d)).then_some((m.range(), y, mo, d))
        })
        .collect()
}

/// Whether a header line is a date alone, in a language other than English.
pub(crate) fn is_intl_date(line: &str) -> bool {
    let line = line.trim();
    line.len() < 60
        && find_dates(line).first().is_some_and(|(r, ..)| {
            r.start == 0
                && line[r.end..]
                    .trim()
                    .trim_end_matches("года")
                    .trim()
                    .is_empty()
        })
}

/// The closing meeting line of an adopted text in the other languages:
/// `14e séance plénière`, `14ª sesión plenaria`, `14-е пленарное заседание`,
/// `الجلسة العامة 14`, `第14次全体会议`.
pub(crate) fn is_intl_meeting_line(line: &str) -> bool {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:[0-9]{1,5}(?:e|ème|re|ª|a|\.ª|-е|-я)?[ 	]+(?:séance(?:[ 	]+plénière)?|sesión(?:[ 	]+plenaria)?|пленарное[ 	]+заседание|заседание)|الجلسة(?:[ 	]+العامة)?[ 	]+[0-9]{1,5}|第[0-9]{1,5}次(?:全体)?会议)$").unwrap()
    });
    // the length first: it is asked of every line of a text
    line.len() < 80 && !line.is_ascii() && RE.is_match(line.trim())
}

/// The letters sub-paragraphs are numbered with, in order, for languages
/// that do not use the Latin alphabet for them.
const CYRILLIC: &[char] = &[
    'а', 'б', 'в', 'г', 'д', 'е', 'ж', 'з', 'и', 'к', 'л', 'м', 'н', 'о', 'п', 'р', 'с', 'т', 'у',
    'ф', 'х', 'ц', 'ч', 'ш', 'щ', 'э',
];
/// Arabic documents letter sub-paragraphs in the abjad order.
const ABJAD: &[&str] = &[
    "أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي", "ك", "ل", "م", "ن", "س", "ع", "ف", "ص", "ق",
    "ر", "ش", "ت", "ث", "خ", "ذ", "ض",
];

/// Rewrites the paragraph or sub-paragraph marker that opens a line into
/// the English form (`1.`, `(a)`); `None` when the line needs nothing.
///
/// ```
/// use resdiff::parse::{intl_marker_line, Lang};
/// assert_eq!(intl_marker_line("1 - تقرر ما يلي", Lang::Ar).as_deref(), Some("1. تقرر ما يلي"));
/// assert_eq!(intl_marker_line("(ب) الحالة", Lang::Ar).as_deref(), Some("(b) الحالة"));
/// assert_eq!(intl_marker_line("a) de promouvoir", Lang::Fr).as_deref(), Some("(a) de promouvoir"));
/// assert_eq!(intl_marker_line("б) содействовать", Lang::Ru).as_deref(), Some("(b) содействовать"));
/// assert_eq!(intl_marker_line("ii) la paix", Lang::Es).as_deref(), Some("(ii) la paix"));
/// assert_eq!(intl_marker_line("（a）促进", Lang::Zh).as_deref(), Some("(a) 促进"));
/// assert_eq!(intl_marker_line("１．决定", Lang::Zh).as_deref(), Some("1. 决定"));
/// assert_eq!(intl_marker_line("Recalling", Lang::Fr), None);
/// ```
pub fn intl_marker_line(line: &str, lang: Lang) -> Option<String> {
    if lang == Lang::En {
        return None;
    }
    // full-width digits, brackets and stops (Chinese), Arabic-Indic digits
    let head: String = line
        .chars()
        .take(12)
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '٠'..='٩' => char::from_u32(c as u32 - '٠' as u32 + '0' as u32).unwrap_or(c),
            '（' => '(',
            '）' => ')',
            '．' => '.',
            _ => c,
        })
        .collect();
    let head_len: usize = line.chars().take(12).map(char::len_utf8).sum();
    let rest_of = |consumed_in_head: usize| -> &str {
        // map a char count in `head` back to bytes of `line`
        let bytes: usize = line
            .chars()
            .take(consumed_in_head)
            .map(char::len_utf8)
            .sum();
        line[bytes..].trim_start()
    };
    let chars: Vec<char> = head.chars().collect();
    // a number: "1 -", "1-", "1." (full-width)
    let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    if (1..=4).contains(&digits) {
        let num: String = chars[..digits].iter().collect();
        let mut k = digits;
        while chars.get(k) == Some(&' ') {
            k += 1;
        }
        if matches!(chars.get(k), Some('-' | '–' | '.'))
            && (chars.get(k) != Some(&'.') || head != line[..head_len])
        {
            let after = chars.get(k + 1);
            if after.is_none_or(|c| *c == ' ' || !c.is_ascii_digit()) {
                return Some(format!("{num}. {}", rest_of(k + 1)));
            }
        }
        return None;
    }
    // a letter in brackets, or followed by a bracket alone: "(a)", "a)", "б)", "(ب)"
    let open = usize::from(chars.first() == Some(&'('));
    let close = chars.iter().skip(open).position(|&c| c == ')')? + open;
    if close == open || close > open + 4 {
        return None;
    }
    let inner: String = chars[open..close].iter().collect();
    let after = chars.get(close + 1);
    if after.is_some_and(|c| *c != ' ') && lang != Lang::Zh {
        return None;
    }
    let latin = if inner.chars().all(|c| c.is_ascii_lowercase()) {
        if open == 1 && lang != Lang::Zh && head == line[..head_len] {
            return None; // already "(a)"
        }
        inner.clone()
    } else if let Some(k) = inner
        .chars()
        .next()
        .filter(|_| inner.chars().count() == 1)
        .and_then(|c| CYRILLIC.iter().position(|&x| x == c))
    {
        char::from(b'a' + k as u8).to_string()
    } else if let Some(k) = ABJAD.iter().position(|&x| x == inner) {
        char::from(b'a' + k as u8).to_string()
    } else {
        return None;
    };
    Some(format!("({latin}) {}", rest_of(close + 1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sponsors_lines_of_each_language() {
        for (line, list, kind) in [
            (
                "France et Allemagne : projet de résolution",
                "France et Allemagne",
                "projet de résolution",
            ),
            (
                "Francia y Alemania: proyecto de resolución revisado",
                "Francia y Alemania",
                "proyecto de resolución revisado",
            ),
            (
                "Франция и Германия: пересмотренный проект резолюции",
                "Франция и Германия",
                "пересмотренный проект резолюции",
            ),
            ("فرنسا وألمانيا: مشروع قرار", "فرنسا وألمانيا", "مشروع قرار"),
            ("法国和德国：决议草案", "法国和德国", "决议草案"),
        ] {
            assert!(may_be_sponsors(line), "{line}");
            let c = SPONSORS_INTL.captures(line).unwrap();
            assert_eq!((&c[1], &c[2]), (list, kind));
        }
        assert_eq!(
            split_sponsors_intl("Bélgica, Chile y Francia"),
            ["Bélgica", "Chile", "Francia"]
        );
        assert_eq!(
            split_sponsors_intl("法国、德国和日本"),
            ["法国", "德国", "日本"]
        );
        assert_eq!(split_sponsors_intl("بلجيكا، وشيلي"), ["بلجيكا", "شيلي"]);
        assert_eq!(
            split_sponsors_intl("بلجيكا وترينيداد وتوباغو وفرنسا"),
            ["بلجيكا", "ترينيداد وتوباغو", "فرنسا"]
        );
    }

    #[test]
    fn dates_alone_on_a_line() {
        assert!(is_intl_date("1er novembre 2099"));
        assert!(is_intl_date("27 de octubre de 2099"));
        assert!(is_intl_date("27 октября 2099 года"));
        assert!(is_intl_date("27 تشرين الأول/أكتوبر 2099"));
        assert!(is_intl_date("2099年10月27日"));
        assert!(!is_intl_date("Rappelant sa résolution du 27 mars 2014,"));
    }
}
