//! Page furniture: running heads and feet, job numbers, barcodes, page numbers.
//!
//! A UN document repeats its symbol, sometimes its title, the job number
//! (`22-23239 (E) 141022`), a barcode (`*2223239*`) and the page number
//! (`2/3`) at the top and foot of its pages. None of it is wording. Tagged
//! PDFs mark it as artifacts; for the others it is recognised by pattern,
//! and the looser patterns only near the top or foot of a page, so a clause
//! that happens to cite a symbol is never taken for a running head.

use std::sync::LazyLock;

use regex_lite::Regex;

use super::geometry::Line;
use crate::conventions::is_symbol;

/// Lines that are furniture wherever they stand: a job number with its
/// language and date, a barcode, "Please recycle".
static ANYWHERE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^(?:
            \d{2}[-‐‑]\d{5}\s*\([A-Z]\)(?:\s+\d{6}){1,2}(?:\s+\*\d{7,}\*)?(?:\s+Please\s+recycle\b.*)?
          | \*\d{7,}\*(?:\s+Please\s+recycle\b.*)?
          | Please\s+recycle\b.*
        )$",
    )
    .expect("valid pattern")
});

/// Pieces of running heads and feet: page numbers, job numbers, symbols.
static PIECE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^(?:
            \d{1,4}\s*/\s*\d{1,4}                       # page 2/12
          | \d{2}[-‐‑]\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{6}){0,2}  # job number
          | \*\d{7,}\*                               # barcode
          | (?:Page\s+)?\d{1,4}\s+of\s+\d{1,4}
          | \d{1,4}
          | Please\s+recycle\b.*
        )$",
    )
    .expect("valid pattern")
});

/// What the running heads of a document may repeat.
#[derive(Debug, Default)]
pub(crate) struct Heads {
    /// The document's symbol, from the first page.
    pub symbol: Option<String>,
    /// The title, for running heads that repeat it.
    pub title: Option<String>,
}

fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .replace(['’', '‘'], "'")
}

impl Heads {
    fn is_head_piece(&self, text: &str) -> bool {
        let t = text.trim();
        if t.is_empty() || PIECE.is_match(t) {
            return true;
        }
        if self.symbol.as_deref().is_some_and(|s| s == t) || (self.symbol.is_none() && is_symbol(t))
        {
            return true;
        }
        // a running head repeats the title, or as much of it as fits
        self.title.as_deref().is_some_and(|title| {
            let (t, title) = (norm(t), norm(title));
            t.len() >= 12 && (title == t || title.starts_with(&t))
        })
    }
}

/// Whether a line near the top or foot of a page (`in_margin`) or anywhere
/// else is page furniture.
pub(crate) fn is_furniture(line: &Line, in_margin: bool, heads: &Heads) -> bool {
    let text = line.text.as_str();
    if text.len() > 160 {
        return false;
    }
    if ANYWHERE.is_match(text) {
        return true;
    }
    if !in_margin {
        return false;
    }
    // "S/2017/77", "2/12 17-01285", "17-01285 3/12", "A/RES/68/262 Territorial integrity of Ukraine"
    if line.segments.iter().all(|s| heads.is_head_piece(&s.text)) {
        return true;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    // one segment holding several pieces ("2/3 16-22921 S/2016/1100")
    words.len() <= 6 && words.iter().all(|w| heads.is_head_piece(w) || *w == "(E)")
}

/// Whether a line is a footnote rule drawn with underscores.
pub(crate) fn is_rule(text: &str) -> bool {
    text.len() >= 5
        && text
            .chars()
            .all(|c| matches!(c, '_' | '‗' | '—' | '–' | '-' | ' '))
}

#[cfg(test)]
mod tests {
    use super::super::geometry::Segment;
    use super::*;

    fn line(segs: &[&str]) -> Line {
        Line {
            page: 1,
            y: 40.0,
            size: 10.0,
            x0: 0.0,
            x1: 0.0,
            text: segs.join(" "),
            segments: segs
                .iter()
                .map(|s| Segment {
                    x0: 0.0,
                    x1: 0.0,
                    text: s.to_string(),
                })
                .collect(),
            artifact: false,
            lead_mark: None,
            bold: false,
        }
    }

    #[test]
    fn running_heads_and_feet() {
        let heads = Heads {
            symbol: Some("S/2017/77".into()),
            title: None,
        };
        for segs in [
            &["S/2017/77"][..],
            &["2/12", "17-01285"],
            &["17-01285", "3/12"],
            &["2/3 16-22921 S/2017/77"],
            &["16-22921 (E) 231216"],
            &["*1622921*"],
        ] {
            assert!(is_furniture(&line(segs), true, &heads), "{segs:?}");
        }
        assert!(is_furniture(&line(&["22-09852 (E) 230622"]), false, &heads));
        assert!(!is_furniture(&line(&["S/2017/77"]), false, &heads));
        assert!(!is_furniture(
            &line(&["S/2016/824 submitted pursuant to resolution 2301 (2016),"]),
            true,
            &heads
        ));
        assert!(!is_furniture(
            &line(&["2016 (S/PRST/2016/17),"]),
            true,
            &heads
        ));
    }

    #[test]
    fn title_heads() {
        let heads = Heads {
            symbol: Some("A/RES/68/262".into()),
            title: Some("Territorial integrity of Ukraine".into()),
        };
        assert!(is_furniture(
            &line(&["A/RES/68/262", "Territorial integrity of Ukraine"]),
            true,
            &heads
        ));
        assert!(is_furniture(
            &line(&["Territorial integrity of Ukraine", "A/RES/68/262"]),
            true,
            &heads
        ));
    }
}
