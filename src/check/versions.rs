//! Two language versions of one text: their paragraphs paired by structure
//! (words cannot be compared across languages), and what must agree in
//! every language checked pair by pair: the number of paragraphs,
//! sub-paragraphs and footnotes, and every number, date, document symbol and
//! resolution reference in each paragraph and footnote.

use std::sync::LazyLock;

use regex_lite::Regex;

use super::{Finding, Severity};
use crate::parse::{Clause, Lang, Part, Resolution, find_dates};

/// A figure that must read the same in every language version: its value
/// (`2014-03-27`, `2000`, `A/ES-11/L.5`, `68/262`) and how it is printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// What is compared: dates as `YYYY-MM-DD`, numbers without separators,
    /// symbols and references as printed.
    pub value: String,
    /// As printed in the text.
    pub printed: String,
}

/// Document symbols (`S/2025/112`) and resolution references (`68/262`,
/// `ES-11/1`, `2625 (XXV)`): kept whole, so that their digits are not read
/// as numbers of their own.
static REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?:A|S|E|UNEP|TD)/(?:[A-Z0-9][A-Za-z0-9.\-]*/)*[A-Z0-9](?:[A-Za-z0-9.\-]*[A-Za-z0-9])?|\b(?:ES-|S-)?[0-9]{1,4}/[0-9]{1,4}\b|\b[0-9]{3,4} \([XVIL]+\)",
    )
    .unwrap()
});

/// A number, its digits grouped by commas, points, spaces or apostrophes as
/// each language groups thousands: `2,000`, `2 000`, `2.000`, `2’000`.
static NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[0-9]+(?:(?:[ ,.’'])[0-9]{3})*(?:[.,][0-9]+)?").unwrap());

/// Arabic text copied from a PDF may put the groups of a number in reverse
/// (`000 000 2` for 2 000 000): groups of up to three digits kept together.
static NUMBER_AR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[0-9]{1,3}(?: [0-9]{1,3})+\b|[0-9]+(?:(?:[,.’'])[0-9]{3})*(?:[.,][0-9]+)?")
        .unwrap()
});

/// The figures of a text, in order: dates, references, then numbers left.
///
/// ```
/// use resdiff::check::versions::figures;
/// use resdiff::parse::Lang;
/// let v = |s, l| figures(s, l).into_iter().map(|f| f.value).collect::<Vec<_>>();
/// assert_eq!(v("resolution 68/262 of 27 March 2014 for 2,000 people", Lang::En), ["68/262", "2014-03-27", "2000"]);
/// assert_eq!(v("résolution 68/262 du 27 mars 2014 pour 2 000 personnes", Lang::Fr), ["68/262", "2014-03-27", "2000"]);
/// assert_eq!(v("في 000 000 2 شخص", Lang::Ar), ["2000000"]);
/// assert_eq!(v("القرار ٦٨/٢٦٢", Lang::Ar), ["68/262"]);
/// ```
pub fn figures(text: &str, lang: Lang) -> Vec<Figure> {
    // Arabic-Indic and full-width digits read as the digits they are
    let ascii: String;
    let text = if text
        .chars()
        .any(|c| crate::tokens::other_digit(c).is_some())
    {
        ascii = text
            .chars()
            .map(|c| crate::tokens::other_digit(c).unwrap_or(c))
            .collect();
        ascii.as_str()
    } else {
        text
    };
    let mut found: Vec<(usize, Figure)> = Vec::new();
    let mut taken: Vec<std::ops::Range<usize>> = Vec::new();
    for (r, y, m, d) in find_dates(text) {
        found.push((
            r.start,
            Figure {
                value: format!("{y:04}-{m:02}-{d:02}"),
                printed: text[r.clone()].to_string(),
            },
        ));
        taken.push(r);
    }
    let free = |r: &std::ops::Range<usize>, taken: &[std::ops::Range<usize>]| {
        !taken.iter().any(|t| t.start < r.end && r.start < t.end)
    };
    for m in REFERENCE.find_iter(text) {
        if free(&m.range(), &taken) {
            found.push((
                m.start(),
                Figure {
                    value: m.as_str().to_string(),
                    printed: m.as_str().to_string(),
                },
            ));
            taken.push(m.range());
        }
    }
    let numbers = if lang == Lang::Ar {
        &*NUMBER_AR
    } else {
        &*NUMBER
    };
    for m in numbers.find_iter(text) {
        if !free(&m.range(), &taken) {
            continue;
        }
        let printed = m.as_str().trim_end_matches([' ', ',', '.']);
        // Arabic text copied from a PDF writes "2 000 000" as "000 000 2"
        let groups: Vec<&str> = printed.split(' ').collect();
        let digits: String = if lang == Lang::Ar
            && groups.len() > 1
            && groups[0].len() == 3
            && groups.last().is_some_and(|g| g.len() < 3)
        {
            groups.iter().rev().copied().collect()
        } else {
            // separators of thousands go; a decimal part stays as ".5"
            let (int, frac) = match printed.rfind([',', '.']) {
                Some(k) if printed.len() - k - 1 != 3 => (&printed[..k], Some(&printed[k + 1..])),
                _ => (printed, None),
            };
            let mut s: String = int.chars().filter(char::is_ascii_digit).collect();
            if let Some(f) = frac {
                s.push('.');
                s.push_str(f);
            }
            s
        };
        found.push((
            m.start(),
            Figure {
                value: match digits.trim_start_matches('0') {
                    "" => "0".to_string(),
                    v => v.to_string(),
                },
                printed: printed.to_string(),
            },
        ));
    }
    found.sort_by_key(|(at, _)| *at);
    found.into_iter().map(|(_, f)| f).collect()
}

/// The clauses of a part paired in order, a clause of one version left
/// unpaired where the other has none like it: a sequence alignment scored
/// by shared figures and equal labels.
fn pair_up<'a>(
    a: &'a [Clause],
    b: &'a [Clause],
    la: Lang,
    lb: Lang,
) -> Vec<(Option<&'a Clause>, Option<&'a Clause>)> {
    let fa: Vec<Vec<String>> = a.iter().map(|c| values(c, la)).collect();
    let fb: Vec<Vec<String>> = b.iter().map(|c| values(c, lb)).collect();
    let score = |i: usize, j: usize| -> f32 {
        let (x, y) = (&fa[i], &fb[j]);
        let shared = x.iter().filter(|v| y.contains(v)).count() as f32;
        let union = (x.len() + y.len()) as f32 - shared;
        let figures = if union == 0.0 { 0.5 } else { shared / union };
        let label = if a[i].label.is_some() && a[i].label == b[j].label {
            1.0
        } else {
            0.0
        };
        let kids = if a[i].children.len() == b[j].children.len() {
            0.25
        } else {
            0.0
        };
        figures + label + kids
    };
    // Needleman–Wunsch: a pair scores as above, leaving one out costs nothing
    // but gains nothing either, so clauses pair wherever they can
    let (n, m) = (a.len(), b.len());
    let mut best = vec![vec![0f32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let take = score(i, j) + 0.1 + best[i + 1][j + 1];
            best[i][j] = take.max(best[i + 1][j]).max(best[i][j + 1]);
        }
    }
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && (best[i][j] - (score(i, j) + 0.1 + best[i + 1][j + 1])).abs() < 1e-4 {
            out.push((Some(&a[i]), Some(&b[j])));
            i += 1;
            j += 1;
        } else if i < n && (j == m || (best[i][j] - best[i + 1][j]).abs() < 1e-4) {
            out.push((Some(&a[i]), None));
            i += 1;
        } else {
            out.push((None, Some(&b[j])));
            j += 1;
        }
    }
    out
}

fn values(c: &Clause, lang: Lang) -> Vec<String> {
    let mut v: Vec<String> = figures(&c.text, lang)
        .into_iter()
        .map(|f| f.value)
        .collect();
    v.sort();
    v
}

fn excerpt(text: &str) -> String {
    let mut s: String = text.chars().take(80).collect();
    if s.len() < text.len() {
        s.push('…');
    }
    s
}

/// Checks two language versions of one text against each other: each
/// paragraph and sub-paragraph of one must have its counterpart in the
/// other, with the same numbers, dates, symbols and references.
///
/// ```
/// use resdiff::{check::versions::check_versions, load::Document, parse::parse};
/// let en = parse(&Document::from_text("en.txt", "The General Assembly,\n\nRecalling its resolution 68/262 of 27 March 2014,\n\n1. Decides to remain seized of the matter.\n")).unwrap();
/// let fr = parse(&Document::from_text("fr.txt", "L’Assemblée générale,\n\nRappelant sa résolution 68/262 du 27 mai 2014,\n\n1. Décide de rester saisie de la question.\n")).unwrap();
/// let f = check_versions(&en, &fr);
/// assert_eq!(f.len(), 1);
/// assert_eq!(f[0].clause, "PP1");
/// assert!(f[0].message.contains("27 March 2014"));
/// ```
pub fn check_versions(a: &Resolution, b: &Resolution) -> Vec<Finding> {
    let (la, lb) = (a.lang, b.lang);
    let mut out = Vec::new();
    for part in Part::ALL {
        let (pa, pb) = (a.part(part), b.part(part));
        if pa.len() != pb.len() {
            out.push(Finding {
                rule: "versions".into(),
                severity: Severity::Error,
                clause: "document".into(),
                message: format!(
                    "{} {} paragraphs in {} ({}), {} in {} ({})",
                    part_name(part),
                    pa.len(),
                    la,
                    a.source,
                    pb.len(),
                    lb,
                    b.source
                ),
                excerpt: String::new(),
            });
        }
        compare_lists(pa, pb, la, lb, &mut out);
    }
    compare_footnotes(a, b, &mut out);
    out
}

/// Footnotes in order: as many in each version, with the same figures
/// (a footnote cites a resolution, a treaty series volume, a date).
fn compare_footnotes(a: &Resolution, b: &Resolution, out: &mut Vec<Finding>) {
    let (la, lb) = (a.lang, b.lang);
    let (na, nb) = (&a.footnotes, &b.footnotes);
    if na.len() != nb.len() {
        out.push(Finding {
            rule: "versions".into(),
            severity: Severity::Error,
            clause: "document".into(),
            message: format!(
                "footnotes: {} in {la} ({}), {} in {lb} ({})",
                na.len(),
                a.source,
                nb.len(),
                b.source
            ),
            excerpt: String::new(),
        });
    }
    for (x, y) in na.iter().zip(nb) {
        let (fx, fy) = (figures(&x.text, la), figures(&y.text, lb));
        let (ox, oy) = (only(&fx, &fy), only(&fy, &fx));
        if !ox.is_empty() || !oy.is_empty() {
            out.push(Finding {
                rule: "versions".into(),
                severity: Severity::Error,
                clause: format!("footnote {}", x.mark),
                message: format!(
                    "figures differ: {la} has {} where {lb} has {}",
                    list(&ox),
                    list(&oy)
                ),
                excerpt: excerpt(&y.text),
            });
        }
    }
}

/// The figures of `p` that `q` lacks (each of `q`'s used once), as printed.
fn only(p: &[Figure], q: &[Figure]) -> Vec<String> {
    let mut rest: Vec<&str> = q.iter().map(|f| f.value.as_str()).collect();
    p.iter()
        .filter(|f| match rest.iter().position(|v| *v == f.value) {
            Some(k) => {
                rest.remove(k);
                false
            }
            None => true,
        })
        .map(|f| f.printed.clone())
        .collect()
}

/// A list of printed figures for a message: `nothing` when empty.
fn list(v: &[String]) -> String {
    if v.is_empty() {
        "nothing".to_string()
    } else {
        v.join(", ")
    }
}

fn part_name(p: Part) -> &'static str {
    match p {
        Part::Preamble => "preamble:",
        Part::Operative => "operative part:",
        Part::Annex => "annex:",
    }
}

fn compare_lists(pa: &[Clause], pb: &[Clause], la: Lang, lb: Lang, out: &mut Vec<Finding>) {
    for (x, y) in pair_up(pa, pb, la, lb) {
        match (x, y) {
            (Some(x), None) => out.push(Finding {
                rule: "versions".into(),
                severity: Severity::Error,
                clause: x.id.clone(),
                message: format!(
                    "{} of the {la} version has no counterpart in the {lb} version",
                    x.id
                ),
                excerpt: excerpt(&x.text),
            }),
            (None, Some(y)) => out.push(Finding {
                rule: "versions".into(),
                severity: Severity::Error,
                clause: y.id.clone(),
                message: format!(
                    "{} of the {lb} version has no counterpart in the {la} version",
                    y.id
                ),
                excerpt: excerpt(&y.text),
            }),
            (Some(x), Some(y)) => {
                let (fx, fy) = (figures(&x.text, la), figures(&y.text, lb));
                let (ox, oy) = (only(&fx, &fy), only(&fy, &fx));
                if !ox.is_empty() || !oy.is_empty() {
                    out.push(Finding {
                        rule: "versions".into(),
                        severity: Severity::Error,
                        clause: if x.id == y.id {
                            x.id.clone()
                        } else {
                            format!("{} / {}", x.id, y.id)
                        },
                        message: format!(
                            "figures differ: {la} has {} where {lb} has {}",
                            list(&ox),
                            list(&oy)
                        ),
                        excerpt: excerpt(&y.text),
                    });
                }
                // a sub-paragraph missing is reported as such below
                compare_lists(&x.children, &y.children, la, lb, out);
            }
            (None, None) => {}
        }
    }
}
