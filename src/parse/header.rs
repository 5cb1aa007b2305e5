//! The header block: symbol, distribution, date, session, agenda item,
//! sponsors, title, and the organ line that ends it.

use regex_lite::Regex;

use super::clean::is_page_noise;
use super::model::Header;
use crate::conventions::{Pattern, SYMBOL, split_sponsors};

static DISTR: Pattern = Pattern::new(
    |l| l.contains("Distr"),
    || Regex::new(r"Distr\.?[ \t]*:[ \t]*([A-Za-z]+)").unwrap(),
);
static ORIGINAL: Pattern = Pattern::new(
    |l| l.contains("Original"),
    || Regex::new(r"Original[ \t]*:[ \t]*[A-Za-z]+").unwrap(),
);
static BODY: Pattern = Pattern::new(
    |l| l.starts_with(['G', 'S', 'E', 'H', 'T']),
    || {
        Regex::new(r"^(General Assembly|Security Council|Economic and Social Council|Human Rights Council|Trusteeship Council)\b").unwrap()
    },
);
static SESSION: Pattern = Pattern::new(
    |l| l.ends_with("ession"),
    || Regex::new(r"^[A-Za-z][A-Za-z0-9_\- ]*\b[Ss]ession$").unwrap(),
);
static COMMITTEE: Pattern = Pattern::new(
    |l| l.ends_with(" Committee"),
    || {
        Regex::new(r"^(?:First|Second|Third|Fourth|Fifth|Sixth|Special Political and Decolonization) Committee$|^[A-Z][a-z]+ Committee$").unwrap()
    },
);
static AGENDA: Pattern = Pattern::new(
    |l| l.starts_with("Agenda item"),
    || Regex::new(r"^Agenda items?[ \t]+[0-9]").unwrap(),
);
static ADOPTED: Pattern = Pattern::new(
    |l| l.starts_with("Resolution"),
    || Regex::new(r"^Resolution[ \t]+adopted[ \t]+by[ \t]+the\b").unwrap(),
);
static DRAFT_REF: Pattern = Pattern::new(
    |l| l.starts_with('['),
    || Regex::new(r"^\[(?:without reference to|on the report of)").unwrap(),
);
static SPONSORS_END: Pattern = Pattern::new(
    |l| l.contains(':') && contains_ignore_case(l, "draft"),
    || {
        Regex::new(r"^(.*?)[ \t]*\**[ \t]*:[ \t]*((?i:(?:revised[ \t]+|further[ \t]+revised[ \t]+)?draft[ \t]+(?:resolution|decision))\b.*)$").unwrap()
    },
);
static SUBMITTED_BY: Pattern = Pattern::new(
    |l| contains_ignore_case(l, "submitted"),
    || {
        Regex::new(r"^((?i:(?:revised[ \t]+)?draft[ \t]+(?:resolution|decision)))[ \t]+(?i:submitted[ \t]+by)[ \t]+(.+)$").unwrap()
    },
);
static NUMBERED_TITLE: Pattern = Pattern::new(
    |l| l.starts_with(|c: char| c.is_ascii_digit() || c == 'E' || c == 'S'),
    || {
        Regex::new(
            r"^((?:ES-[0-9]+/|S-[0-9]+/)?[0-9]{1,4}(?:/[0-9]{1,4})?(?:[ \t]?[A-Z])?)\.[ \t]+(.+)$",
        )
        .unwrap()
    },
);

/// Whether a line is a date as printed in headers (`12 October 2022`, or
/// a date in one of the other official languages).
pub(crate) fn is_date(line: &str) -> bool {
    crate::conventions::is_date(line)
        || (line.starts_with(|c: char| c.is_ascii_digit()) && super::intl::is_intl_date(line))
}

/// Whether `hay` contains `needle` in any ASCII case.
fn contains_ignore_case(hay: &str, needle: &str) -> bool {
    hay.as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// Reads the header block (the lines before the organ line).
pub(crate) fn parse_header(lines: &[&str]) -> Header {
    let mut h = Header::default();
    // indices of lines not claimed by a known field, for sponsors and title
    let mut free: Vec<usize> = Vec::new();
    let mut agenda_at: Option<usize> = None;
    let mut sponsors_at: Option<(usize, usize)> = None; // (first line, last line)
    let mut after_marker = 0usize; // title lines start after this index
    let mut i = 0;
    while i < lines.len() {
        let mut line = lines[i].trim().to_string();
        if line.is_empty() || is_page_noise(&line) {
            i += 1;
            continue;
        }
        if h.symbol.is_none()
            && let Some(m) = SYMBOL.find(&line)
        {
            let before = line[..m.start()].trim();
            let after = line[m.end()..].trim();
            if before.is_empty() || before == "United Nations" || after.is_empty() {
                h.symbol = Some(m.as_str().to_string());
                line = format!("{before} {after}")
                    .replace("United Nations", "")
                    .trim()
                    .to_string();
                if line.is_empty() {
                    i += 1;
                    continue;
                }
            }
        }
        if line == "United Nations" {
            i += 1;
            continue;
        }
        if let Some(m) = BODY.find(&line) {
            h.body.get_or_insert_with(|| m.as_str().to_string());
            line = line[m.end()..].trim().to_string();
        }
        if let Some(c) = DISTR.captures(&line) {
            h.distribution = Some(c[1].to_string());
            line = DISTR.remove(&line);
        }
        if ORIGINAL.is_match(&line) {
            line = ORIGINAL.remove(&line);
        }
        if line.is_empty() {
            i += 1;
            continue;
        }
        // a PDF copy can wrap the sponsors line before "draft resolution"
        // or inside it ("...: draft⏎resolution"): the two lines are read as one
        let start = i;
        if let Some((_, after)) = line.rsplit_once(':')
            && let Some(next) = lines.get(i + 1)
            && !starts_with_kind(after.trim())
            && starts_with_kind(format!("{} {}", after.trim(), next.trim()).trim())
        {
            line = format!("{line} {}", next.trim());
            i += 1;
        }
        if h.date.is_none() && is_date(&line) {
            h.date = Some(line);
        } else if h.session.is_none() && line.len() < 60 && SESSION.is_match(&line) {
            h.session = Some(line);
        } else if h.committee.is_none() && COMMITTEE.is_match(&line) {
            h.committee = Some(line);
        } else if agenda_at.is_none() && AGENDA.is_match(&line) {
            agenda_at = Some(i);
            h.agenda_item = Some(line);
        } else if ADOPTED.is_match(&line) {
            // "Resolution adopted by the General Assembly" may wrap before "on 2 March 2022"
            let mut kind = line;
            if !kind.contains(" on ")
                && let Some(next) = lines.get(i + 1)
                && next.trim().starts_with("on ")
            {
                kind = format!("{kind} {}", next.trim());
                i += 1;
            }
            h.kind = Some(kind);
            after_marker = i + 1;
        } else if DRAFT_REF.is_match(&line) {
            let mut r = line;
            while !r.ends_with(']') && i + 1 < lines.len() {
                i += 1;
                r = format!("{r} {}", lines[i].trim());
            }
            h.draft_reference = Some(r);
            after_marker = i + 1;
        } else if let Some(c) = SUBMITTED_BY.captures(&line) {
            h.kind = Some(c[1].to_string());
            h.sponsors = vec![c[2].trim_end_matches(['.', '*']).to_string()];
            sponsors_at = Some((i, i));
            after_marker = i + 1;
        } else if let Some(c) = SPONSORS_END.captures(&line).or_else(|| {
            super::intl::may_be_sponsors(&line)
                .then(|| super::intl::SPONSORS_INTL.captures(&line))
                .flatten()
        }) {
            h.kind = Some(c[2].to_string());
            // the sponsors list may run over several lines before this one
            let mut first = start;
            let mut list = c[1].to_string();
            while let Some(&prev) = free.last() {
                if prev + 1 != first || Some(prev) == agenda_at {
                    break;
                }
                let p = lines[prev].trim();
                let continues = p.ends_with(',')
                    || p.ends_with(" and")
                    || list.starts_with(|c: char| c.is_lowercase())
                    || reads_as_list(p);
                if !continues {
                    break;
                }
                list = format!("{p} {list}");
                first = prev;
                free.pop();
            }
            h.sponsors = if SPONSORS_END.is_match(&line) {
                split_sponsors(&list)
            } else {
                super::intl::split_sponsors_intl(&list)
            };
            sponsors_at = Some((first, i));
            after_marker = i + 1;
        } else {
            free.push(i);
        }
        i += 1;
    }
    // Agenda item title: free lines right after the agenda line, up to the
    // sponsors or adoption line.
    if let Some(a) = agenda_at {
        let stop = sponsors_at.map(|s| s.0).unwrap_or(after_marker.max(a + 1));
        let mut title_lines = Vec::new();
        free.retain(|&k| {
            if k > a && k < stop {
                title_lines.push(lines[k].trim());
                false
            } else {
                true
            }
        });
        if !title_lines.is_empty()
            && let Some(item) = &mut h.agenda_item
        {
            *item = format!("{item} {}", join_wrapped(&title_lines));
        }
    }
    let title_lines: Vec<&str> = free
        .iter()
        .filter(|&&k| k >= after_marker)
        .map(|&k| lines[k].trim())
        .collect();
    if !title_lines.is_empty() {
        let title = join_wrapped(&title_lines);
        if let Some(c) = NUMBERED_TITLE.captures(&title) {
            h.number = Some(c[1].to_string());
            h.title = Some(c[2].to_string());
        } else {
            h.title = Some(title);
        }
    }
    h
}

/// Whether a line starts with the kind of a draft (`draft resolution`,
/// `Revised draft decision`), as it does when wrapped off the sponsors.
fn starts_with_kind(line: &str) -> bool {
    let lower = line.to_lowercase();
    let rest = lower
        .strip_prefix("further revised ")
        .or_else(|| lower.strip_prefix("revised "))
        .unwrap_or(&lower);
    ["draft resolution", "draft decision"].iter().any(|k| {
        rest.strip_prefix(k)
            .is_some_and(|r| !r.starts_with(|c: char| c.is_alphanumeric()))
    })
}

/// Whether a header line is part of a list of delegations wrapped in the
/// middle of a name ("Bangladesh, Belgium, Bulgaria, Cabo" before "Verde,
/// Canada, ..."): names set apart by commas, each capitalised, and no
/// closing punctuation; a name's qualifier may open a line ("Micronesia⏎
/// (Federated States of), Monaco"), and the last two names go together
/// ("Emirates and United Republic of⏎Tanzania"). An agenda item's title ("...,
/// including special economic assistance") has a lower-case piece.
fn reads_as_list(line: &str) -> bool {
    let pieces: Vec<&str> = line.split(',').map(str::trim).collect();
    pieces.len() >= 2
        && !line.ends_with(['.', ';', ':', ')'])
        && pieces.iter().flat_map(|p| p.split(" and ")).all(|p| {
            p.trim().starts_with(|c: char| c.is_uppercase() || c == '(')
                && p.split_whitespace().count() <= 6
        })
}

/// Joins the lines of a wrapped header field; a word hyphenated at a line
/// end is joined back without a space.
fn join_wrapped(lines: &[&str]) -> String {
    let mut out = String::new();
    for l in lines {
        let l = l.trim();
        let hyphenated = out.ends_with('-') && out[..out.len() - 1].ends_with(char::is_alphabetic);
        if !(out.is_empty() || hyphenated && l.starts_with(char::is_lowercase)) {
            out.push(' ');
        }
        out.push_str(l);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draft_header_with_wrapped_sponsors() {
        let text = "United Nations A/ES-11/L.10\nGeneral Assembly Distr.: Limited\n21 February 2025\nOriginal: English\nEleventh emergency special session\nAgenda item 5\nLetter dated 28 February 2014 from the Permanent\nRepresentative of Ukraine to the United Nations addressed\nto the President of the Security Council (S/2014/136)\nAlbania, Andorra, Bosnia and Herzegovina,\nUnited Kingdom of Great Britain and Northern Ireland and Ukraine: draft resolution\nAdvancing a comprehensive, just and lasting peace in Ukraine";
        let lines: Vec<&str> = text.lines().collect();
        let h = parse_header(&lines);
        assert_eq!(h.symbol.as_deref(), Some("A/ES-11/L.10"));
        assert_eq!(h.body.as_deref(), Some("General Assembly"));
        assert_eq!(h.distribution.as_deref(), Some("Limited"));
        assert_eq!(h.date.as_deref(), Some("21 February 2025"));
        assert_eq!(
            h.session.as_deref(),
            Some("Eleventh emergency special session")
        );
        assert!(
            h.agenda_item.as_deref().unwrap().ends_with("(S/2014/136)"),
            "{:?}",
            h.agenda_item
        );
        assert_eq!(
            h.sponsors,
            [
                "Albania",
                "Andorra",
                "Bosnia and Herzegovina",
                "United Kingdom of Great Britain and Northern Ireland",
                "Ukraine"
            ]
        );
        assert_eq!(h.kind.as_deref(), Some("draft resolution"));
        assert_eq!(
            h.title.as_deref(),
            Some("Advancing a comprehensive, just and lasting peace in Ukraine")
        );
    }

    #[test]
    fn adopted_header_with_number_and_wrapped_title() {
        let text = "United Nations A/RES/ES-11/4\nGeneral Assembly\nDistr.: General\n13 October 2022\nEleventh emergency special session\nAgenda item 5\nLetter dated 28 February 2014 from the Permanent\nResolution adopted by the General Assembly\non 12 October 2022\n[without reference to a Main Committee (A/ES-11/L.5)]\nES-11/4. Territorial integrity of Ukraine: defending the principles of the\nCharter of the United Nations";
        let lines: Vec<&str> = text.lines().collect();
        let h = parse_header(&lines);
        assert_eq!(h.symbol.as_deref(), Some("A/RES/ES-11/4"));
        assert_eq!(
            h.kind.as_deref(),
            Some("Resolution adopted by the General Assembly on 12 October 2022")
        );
        assert_eq!(
            h.draft_reference.as_deref(),
            Some("[without reference to a Main Committee (A/ES-11/L.5)]")
        );
        assert_eq!(h.number.as_deref(), Some("ES-11/4"));
        assert_eq!(
            h.title.as_deref(),
            Some(
                "Territorial integrity of Ukraine: defending the principles of the Charter of the United Nations"
            )
        );
        assert_eq!(
            h.agenda_item.as_deref(),
            Some("Agenda item 5 Letter dated 28 February 2014 from the Permanent")
        );
    }

    /// S/2024/302 as `pdftotext` gives its header: the list wrapped in the
    /// middle of names ("Cabo⏎Verde", "United Kingdom of⏎Great Britain")
    /// and "draft resolution" alone on the last line.
    #[test]
    fn a_sponsors_line_wrapped_by_a_pdf_copy() {
        let lines = [
            "S/2024/302",
            "Security Council",
            "Distr.: General",
            "24 April 2024",
            "Original: English",
            "Albania, Antigua and Barbuda, Argentina, Australia, Bahamas,",
            "Bangladesh, Belgium, Bosnia and Herzegovina, Bulgaria, Cabo",
            "Verde, Canada, Colombia, Costa Rica, Croatia, Cyprus, Czechia,",
            "Türkiye, Ukraine, United Arab Emirates, United Kingdom of",
            "Great Britain and Northern Ireland and United States of America: draft",
            "resolution",
        ];
        let h = parse_header(&lines);
        assert_eq!(h.kind.as_deref(), Some("draft resolution"));
        assert_eq!(h.title, None);
        assert_eq!(h.sponsors.len(), 21, "{:?}", h.sponsors);
        assert_eq!(h.sponsors[9], "Cabo Verde");
        assert_eq!(
            h.sponsors[19..],
            [
                "United Kingdom of Great Britain and Northern Ireland",
                "United States of America"
            ]
        );
        // an agenda item's title before the sponsors stays the agenda item's
        let lines = [
            "Agenda item 74",
            "Strengthening of the coordination of humanitarian assistance, including",
            "special economic assistance",
            "France and Germany:",
            "draft resolution",
            "Assistance to the victims",
        ];
        let h = parse_header(&lines);
        assert_eq!(h.sponsors, ["France", "Germany"]);
        assert_eq!(h.title.as_deref(), Some("Assistance to the victims"));
        assert!(
            h.agenda_item
                .unwrap()
                .ends_with("special economic assistance")
        );
        // S/2024/557 through pdftotext: a qualifier opens a line
        let lines = [
            "S/2024/557",
            "Latvia, Liechtenstein, Lithuania, Luxembourg, Malta, Micronesia",
            "(Federated States of), Monaco, Montenegro, Kingdom of the",
            "Netherlands, New Zealand and Norway: draft resolution",
        ];
        let h = parse_header(&lines);
        assert_eq!(h.sponsors.len(), 11, "{:?}", h.sponsors);
        assert_eq!(h.sponsors[5], "Micronesia (Federated States of)");
        assert_eq!(h.sponsors[8], "Kingdom of the Netherlands");
        // S/2019/179 through pdftotext: the last name split after "and"
        let lines = [
            "Switzerland, Togo, Tunisia, Turkey,",
            "Uganda, Ukraine, United Arab Emirates and United Republic of",
            "Tanzania: draft resolution",
        ];
        let h = parse_header(&lines);
        assert_eq!(h.sponsors.len(), 8, "{:?}", h.sponsors);
        assert_eq!(h.sponsors[7], "United Republic of Tanzania");
    }

    #[test]
    fn security_council_sponsor_line() {
        let lines = [
            "United States of America: draft resolution",
            "The path to peace",
        ];
        let h = parse_header(&lines);
        assert_eq!(h.sponsors, ["United States of America"]);
        assert_eq!(h.title.as_deref(), Some("The path to peace"));
    }
}
