//! Character and line clean-up: everything that is layout, not wording.
//!
//! Line endings, no-break and zero-width spaces, ligatures and control
//! characters are normalised here; running heads, page numbers, job numbers,
//! barcodes and "Please recycle" lines are recognised here so that the
//! paragraph builder never sees them.

use std::borrow::Cow;
use std::sync::LazyLock;

use crate::conventions::SYMBOL;

/// One line of input after character clean-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Line<'a> {
    /// Text with runs of spaces collapsed, trimmed (borrowed when nothing
    /// had to change).
    pub text: Cow<'a, str>,
    /// Leading spaces before trimming (a tab counts 4).
    pub indent: usize,
}

impl Line<'_> {
    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }
}

/// Normalises characters that never carry meaning in a draft's wording.
pub(crate) fn normalize_chars(raw: &str) -> Cow<'_, str> {
    let mut out = String::new();
    let bytes = raw.as_bytes();
    let mut run = 0; // start of the run of bytes copied unchanged
    let mut i = 0;
    while i < bytes.len() {
        // eight bytes at a time while they are all printable ASCII
        if let Some(chunk) = bytes.get(i..i + 8) {
            let x = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
            let high = x & 0x8080_8080_8080_8080;
            let low = x.wrapping_sub(0x2020_2020_2020_2020) & !x & 0x8080_8080_8080_8080;
            let del = (x ^ 0x7F7F_7F7F_7F7F_7F7F).wrapping_sub(0x0101_0101_0101_0101)
                & !(x ^ 0x7F7F_7F7F_7F7F_7F7F)
                & 0x8080_8080_8080_8080;
            if high == 0 && low == 0 && del == 0 {
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        // plain ASCII other than control characters passes through
        if (0x20..0x7F).contains(&b) || b == b'\n' || b == b'\t' {
            i += 1;
            continue;
        }
        let c = raw[i..].chars().next().unwrap_or('\u{FFFD}');
        let len = c.len_utf8();
        let replacement: Option<&str> = match c {
            '\r' => Some(if bytes.get(i + 1) == Some(&b'\n') {
                ""
            } else {
                "\n"
            }),
            // page breaks become line breaks; the running heads around them go later
            '\u{000C}' | '\u{000B}' | '\u{2028}' | '\u{2029}' | '\u{0085}' => Some("\n"),
            '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{2000}'..='\u{200A}' | '\u{3000}' => {
                Some(" ")
            }
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => Some(""),
            '\u{FB00}' => Some("ff"),
            '\u{FB01}' => Some("fi"),
            '\u{FB02}' => Some("fl"),
            '\u{FB03}' => Some("ffi"),
            '\u{FB04}' => Some("ffl"),
            '\u{00AD}' => None,
            c if c.is_control() => Some(""),
            _ => None,
        };
        if let Some(r) = replacement {
            if out.capacity() == 0 {
                out.reserve(raw.len());
            }
            out.push_str(&raw[run..i]);
            out.push_str(r);
            run = i + len;
        }
        i += len;
    }
    if run == 0 {
        return Cow::Borrowed(raw);
    }
    out.push_str(&raw[run..]);
    Cow::Owned(out)
}

static WIDE_GAP: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new(b"     "));
static TWO_SPACES: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new(b"  "));

/// "1\tDecides", "1.\tDecides", "2 bis  Requests" (a tab, or two or more
/// spaces before a capital) written "1. Decides": the number of an operative
/// paragraph set off by layout rather than by its full stop. Asked of every
/// line opening with a digit, so matched by hand.
pub(super) fn number_tab(s: &str) -> Option<String> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=4).contains(&digits) {
        return None;
    }
    let after = &s[digits..];
    // with a Latin suffix first, then without (as a regular expression would)
    let labels = ["bis", "ter", "quater"]
        .iter()
        .flat_map(|x| {
            [
                after.strip_prefix(' ').and_then(|a| a.strip_prefix(x)),
                after.strip_prefix(x),
            ]
        })
        .flatten()
        .chain(std::iter::once(after));
    for rest in labels {
        let label = &s[..s.len() - rest.len()];
        let body = rest.strip_prefix('.').unwrap_or(rest);
        let tabs = body.trim_start_matches('\t');
        if tabs.len() < body.len() {
            return Some(format!("{label}. {tabs}"));
        }
        let spaces = body.trim_start_matches(' ');
        if body.len() - spaces.len() >= 2 && spaces.starts_with(|c: char| c.is_ascii_uppercase()) {
            return Some(format!("{label}. {spaces}"));
        }
    }
    None
}

/// Splits text into lines, measuring indentation and collapsing spaces.
/// A number followed by a tab ("1\tDecides") is read as "1. Decides".
pub(crate) fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::with_capacity(text.len() / 64 + 1);
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', text.as_bytes()).chain([text.len()]) {
        let raw = &text[start..end];
        start = end + 1;
        // most lines have no wide gap past their indentation
        if WIDE_GAP.find(raw.trim_start().as_bytes()).is_none() {
            out.push(line(raw));
        } else {
            out.extend(split_run_together(raw).into_iter().map(line));
        }
    }
    out
}

/// One line: its indentation measured, a number and tab read as "1.", runs
/// of spaces collapsed.
fn line(raw: &str) -> Line<'_> {
    let mut indent = 0;
    for c in raw.bytes() {
        match c {
            b' ' => indent += 1,
            b'\t' => indent += 4,
            _ => break,
        }
    }
    let trimmed = raw.trim_matches(|c: char| c == ' ' || c == '\t');
    let numbered = if trimmed.starts_with(|c: char| c.is_ascii_digit()) {
        number_tab(trimmed).map_or(Cow::Borrowed(trimmed), Cow::Owned)
    } else {
        Cow::Borrowed(trimmed)
    };
    let needs_collapse = TWO_SPACES.find(numbered.as_bytes()).is_some()
        || memchr::memchr(b'\t', numbered.as_bytes()).is_some();
    let text: Cow<'_, str> = if needs_collapse {
        let mut collapsed = String::with_capacity(numbered.len());
        let mut space = false;
        for c in numbered.chars() {
            if c == ' ' || c == '\t' {
                space = true;
            } else {
                if space && !collapsed.is_empty() {
                    collapsed.push(' ');
                }
                space = false;
                collapsed.push(c);
            }
        }
        Cow::Owned(collapsed)
    } else {
        numbered
    };
    Line { text, indent }
}

/// Text copied from a PDF sometimes loses a line break between two
/// paragraphs and keeps only a wide gap: "obligations;        (v) To assist".
/// A gap of five or more spaces followed by a paragraph number or letter
/// is read as the line break it was. [`lines`] calls it only on a line
/// with such a gap past its indentation.
fn split_run_together(raw: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = raw;
    let lead = raw.len() - raw.trim_start().len();
    let mut from = lead;
    while let Some(off) = rest[from..].find("     ") {
        let gap = from + off;
        let after = rest[gap..].trim_start_matches(' ');
        let at = rest.len() - after.len();
        let before = rest[..gap].trim_end();
        if !before.is_empty()
            && before.ends_with([',', ';', ':', '.'])
            && crate::parse::marker(after).is_some()
        {
            out.push(&rest[..gap]);
            rest = &rest[at..];
            from = 0;
        } else {
            from = at.max(gap + 1);
            if from >= rest.len() {
                break;
            }
        }
    }
    out.push(rest);
    out
}

/// Page furniture is matched by hand rather than by regular expression: it
/// is checked on almost every line, and compiling the patterns cost more
/// than reading a short draft.
fn digits(s: &str, min: usize, max: usize) -> bool {
    (min..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}

/// `2/3`.
fn page_fraction(s: &str) -> bool {
    s.split_once('/')
        .is_some_and(|(a, b)| digits(a, 1, 3) && digits(b, 1, 3))
}

/// `22-23239` (the hyphen may be a non-breaking one), perhaps with `(E)` glued.
fn job_number(s: &str) -> bool {
    let s = match s.strip_suffix(')').and_then(|x| x.rsplit_once('(')) {
        Some((j, lang)) if lang.len() == 1 && lang.bytes().all(|b| b.is_ascii_uppercase()) => j,
        _ => s,
    };
    let Some((a, b)) = s.split_once(['-', '‐', '‑']) else {
        return false;
    };
    digits(a, 2, 2) && digits(b, 5, 5)
}

/// `(E)`.
fn language(s: &str) -> bool {
    s.len() == 3 && s.starts_with('(') && s.ends_with(')') && s.as_bytes()[1].is_ascii_uppercase()
}

/// `*2223239*`.
fn barcode(s: &str) -> bool {
    s.len() >= 9 && s.starts_with('*') && s.ends_with('*') && digits(&s[1..s.len() - 1], 7, 12)
}

/// A job-number line: `[2/3] 22-23239 [(E)] [141022 [141022]] [2/3] [*2223239*]`.
fn job_line(parts: &[&str]) -> bool {
    let mut k = 0;
    if parts.len() > 1 && page_fraction(parts[0]) {
        k = 1;
    }
    if !parts.get(k).is_some_and(|p| job_number(p)) {
        return false;
    }
    k += 1;
    if parts.get(k).is_some_and(|p| language(p)) {
        k += 1;
    }
    for _ in 0..2 {
        if parts.get(k).is_some_and(|p| digits(p, 6, 6)) {
            k += 1;
        }
    }
    if parts.get(k).is_some_and(|p| page_fraction(p)) {
        k += 1;
    }
    if parts.get(k).is_some_and(|p| barcode(p)) {
        k += 1;
    }
    k == parts.len()
}

/// Text extraction sometimes glues the first page's job number to the next
/// line of text ("10-70583 (E) 221210 Acting under Chapter VII"): the text
/// without it.
pub(crate) fn strip_job_prefix(line: &str) -> Option<&str> {
    if !line.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    // job number, language, date, perhaps a barcode, then text
    let mut rest = line;
    let mut take = |check: &dyn Fn(&str) -> bool| -> bool {
        let word = rest.split([' ', '\t']).next().unwrap_or("");
        if !word.is_empty() && check(word) {
            rest = rest[word.len()..].trim_start_matches([' ', '\t']);
            true
        } else {
            false
        }
    };
    let glued = take(&|w| job_number(w) && w.ends_with(')'));
    if !(glued || take(&job_number) && take(&language)) {
        return None;
    }
    if !take(&|w| digits(w, 6, 6)) {
        return None;
    }
    take(&barcode);
    (!rest.is_empty()).then_some(rest)
}

/// Whether a line is page furniture whatever the document: job number,
/// barcode, page number, "Please recycle".
pub(crate) fn is_page_noise(line: &str) -> bool {
    // page furniture is short and opens with a digit, a star or "Page"/"Please"
    if line.len() > 80 || !line.starts_with(|c: char| c.is_ascii_digit() || c == '*' || c == 'P') {
        return false;
    }
    let parts: Vec<&str> = line.split_whitespace().collect();
    match parts.as_slice() {
        ["Please", "recycle", ..] => true,
        // as text extracted from the recycling logo can read ("Pleese recycle")
        [p, "recycle"] => p.starts_with("Pl") && p.ends_with("se") && p.len() <= 7,
        [one] => page_fraction(one) || barcode(one) || job_number(one),
        [a, "/", b] => digits(a, 1, 3) && digits(b, 1, 3),
        ["Page", n, "of", m] | [n, "of", m] => digits(n, 1, 3) && digits(m, 1, 3),
        _ => job_line(&parts),
    }
}

/// Whether a line is the date of a job number standing alone (`260424`
/// from `24-07356 (E) 260424`), as `pdftotext` gives the first page's foot
/// over three lines: six digits reading as a day, a month and a year.
/// [`super::parse`] asks it only of a line just after a job number, blank
/// lines aside: elsewhere six digits alone may be wording.
pub(crate) fn is_job_date(line: &str) -> bool {
    digits(line, 6, 6)
        && matches!(line[..2].parse::<u8>(), Ok(1..=31))
        && matches!(line[2..4].parse::<u8>(), Ok(1..=12))
}

/// Whether a page-noise line carries a job number (`22-04067 (E)`,
/// `2/4 22-04067`), so that a date alone on the next line is its date.
pub(crate) fn has_job_number(line: &str) -> bool {
    line.split_whitespace().any(job_number)
}

/// Whether a line is nothing but a document symbol (with perhaps a page
/// number): a running head, whatever document it names. Body text never
/// stands alone on a line as a bare symbol.
pub(crate) fn is_symbol_line(line: &str) -> bool {
    if line.len() > 40 || !line.contains('/') {
        return false;
    }
    let rest = SYMBOL
        .find(line)
        .filter(|m| m.start() == 0)
        .map(|m| line[m.end()..].trim());
    rest.is_some_and(|r| {
        r.is_empty() || (r.len() <= 7 && r.chars().all(|c| c.is_ascii_digit() || c == '/'))
    })
}

/// Whether a line is a running head of this document: its own symbol alone,
/// or the symbol with the title (either order), or the title alone.
pub(crate) fn is_running_head(line: &str, symbol: Option<&str>, title: Option<&str>) -> bool {
    let norm = |s: &str| s.to_lowercase().replace(['’', '‘'], "'");
    if let Some(sym) = symbol {
        // the symbol without a bracketed part ("S/2024/1 (Part I)"), found
        // byte by byte: this runs on every line
        let cut = sym.as_bytes().windows(2).position(|w| w == b" (");
        let sym_base = cut.map_or(sym, |k| &sym[..k]);
        if !line.starts_with(sym_base) && !line.ends_with(sym_base) {
            return title.is_some_and(|t| {
                line.len() >= 12 && line.len().abs_diff(t.len()) <= 8 && norm(line) == norm(t)
            });
        }
        let rest = if let Some(r) = line.strip_prefix(sym_base) {
            Some(r)
        } else {
            line.strip_suffix(sym_base)
        };
        if let Some(rest) = rest {
            let rest = rest
                .trim()
                .trim_start_matches(|c: char| c.is_ascii_digit() || c == '/')
                .trim();
            if rest.is_empty() || is_page_noise(rest) {
                return true;
            }
            if let Some(t) = title
                && rest.len() >= 8
            {
                let (r, t) = (norm(rest), norm(t));
                if t.starts_with(&r) || r.starts_with(&t) || t.contains(&r) {
                    return true;
                }
            }
        }
    }
    if let Some(t) = title
        && line.len() >= 12
        && line.len().abs_diff(t.len()) <= 8
        && norm(line) == norm(t)
    {
        return true;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_layout_characters() {
        let s = normalize_chars("a\u{00A0}b\r\nc\rd\u{200B}e\u{FB01}\u{0007}");
        assert_eq!(s, "a b\nc\ndefi");
        // the eight-byte fast path must not skip a control character or DEL
        let long = "The General Assembly, recalling\u{7f}its resolutions\u{1}and\r\nmore";
        assert_eq!(
            normalize_chars(long),
            "The General Assembly, recallingits resolutionsand\nmore"
        );
        assert!(matches!(
            normalize_chars("plain ascii text of some length"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn lines_collapse_spaces_and_read_tab_numbers() {
        let l = lines("   Recalling   its \t resolution,\n1\tDecides to act;\n2.\tRequests");
        assert_eq!(l[0].text, "Recalling its resolution,");
        assert_eq!(l[0].indent, 3);
        assert_eq!(l[1].text, "1. Decides to act;");
        assert_eq!(l[2].text, "2. Requests");
    }

    #[test]
    fn wide_gaps_before_a_marker_are_line_breaks() {
        let l = lines(
            "(iv) To coordinate obligations;                     (v)  To assist in the coordination;",
        );
        assert_eq!(l.len(), 2);
        assert_eq!(l[1].text, "(v) To assist in the coordination;");
        assert_eq!(lines("a      b").len(), 1);
    }

    #[test]
    fn page_furniture_is_recognised() {
        for noise in [
            "25-02866 2/3",
            "3/8 24-13337",
            "22-23239 (E) 141022",
            "22-23239 (E) 141022 *2223239*",
            "*2223239*",
            "2/3",
            "Please recycle",
            "Pleese recycle",
            "10‑70583 (E) 221210",
        ] {
            assert!(is_page_noise(noise), "{noise}");
        }
        for text in [
            "1. Decides to remain seized of the matter.",
            "2022,",
            "Recalling 2625 (XXV)",
            "Purchases recycle",
            "10‑70583 (E) 221210 Acting under Chapter VII",
        ] {
            assert!(!is_page_noise(text), "{text}");
        }
        assert_eq!(
            strip_job_prefix("10‑70583 (E) 221210 Acting under Chapter VII"),
            Some("Acting under Chapter VII")
        );
        assert_eq!(strip_job_prefix("1. Decides"), None);
    }

    #[test]
    fn running_heads_need_this_documents_symbol_or_title() {
        let sym = Some("A/RES/ES-11/4");
        let title = Some(
            "Territorial integrity of Ukraine: defending the principles of the Charter of the United Nations",
        );
        assert!(is_running_head("A/RES/ES-11/4", sym, title));
        assert!(is_running_head(
            "A/RES/ES-11/4 Territorial integrity of Ukraine: defending the principles of the",
            sym,
            title
        ));
        assert!(is_running_head(
            "Territorial integrity of Ukraine: defending the principles of the Charter of the United Nations A/RES/ES-11/4",
            sym,
            title
        ));
        assert!(!is_running_head(
            "A/RES/ES-11/1 Aggression against Ukraine",
            sym,
            title
        ));
        assert!(!is_running_head(
            "A/RES/ES-11/4, in which the Assembly",
            sym,
            None
        ));
    }

    #[test]
    fn bare_symbol_lines_are_running_heads() {
        assert!(is_symbol_line("S/2022/426"));
        assert!(is_symbol_line("A/RES/ES-11/4 2/3"));
        assert!(!is_symbol_line("S/2014/136),"));
        assert!(!is_symbol_line("2/3"));
    }

    #[test]
    fn symbols() {
        for s in [
            "A/ES-11/L.10",
            "S/2025/112",
            "A/RES/78/316",
            "A/C.3/80/L.22/Rev.1",
            "A/HRC/58/L.5",
            "E/2025/L.9",
            "A/ES-11/L.1/Add.1",
            "S/RES/2774 (2025)",
            "A/RES/ES-11/1",
        ] {
            let m = SYMBOL.find(s).unwrap();
            assert_eq!(m.as_str(), s);
        }
    }
}
