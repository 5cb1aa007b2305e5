//! Positioned glyph runs to lines: baselines, word spaces from glyph gaps, raised marks.
//!
//! A PDF has no words and no lines, only strings drawn at positions, often
//! one glyph at a time and in any order. Text extraction that trusts the
//! order of the strings or the kerning inside them splits words
//! ("Presid en t") and glues others; here a space is put only where the
//! gap between two glyphs is wider than a fraction of the type size, and
//! lines are found by where their baselines lie, whatever order the content
//! stream drew them in.

/// The gap between two glyphs, in multiples of the type size, above which
/// they belong to different words when the producer draws no space glyphs.
/// Kerning and italic corrections stay under a tenth of an em; the
/// narrowest justified word space is over a fifth of one.
const WORD_GAP: f32 = 0.15;

/// The same, on a line whose words are separated by space glyphs (Word
/// draws one at every word boundary): there a gap without a space glyph is
/// letter spacing, which justified lines stretch to a fifth of an em, and
/// only a wider gap (a tab drawn as a move) separates words.
const LETTER_SPACED_GAP: f32 = 0.5;

/// The gap, in multiples of the type size, that separates two segments of
/// one line: a tab after a paragraph number, or the two columns of the
/// first page's header ("United Nations" ... "S/2024/400").
const SEGMENT_GAP: f32 = 1.4;

/// One string as drawn: the unit pdfboss reports.
#[derive(Debug, Clone)]
pub(crate) struct Run {
    pub text: String,
    /// Left edge of the first glyph.
    pub x0: f32,
    /// Right edge (advance) of the last glyph.
    pub x1: f32,
    /// Baseline, raised marks included (y grows upwards).
    pub y: f32,
    /// Type size in points.
    pub size: f32,
    pub bold: bool,
    /// Inside an `/Artifact` sequence: a tagged PDF's running heads, feet
    /// and rules.
    pub artifact: bool,
}

impl Run {
    fn is_blank(&self) -> bool {
        self.text.chars().all(char::is_whitespace)
    }
}

/// Part of a line separated from the rest by a wide gap.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Segment {
    pub x0: f32,
    pub x1: f32,
    pub text: String,
}

/// One line of text on a page.
#[derive(Debug, Clone)]
pub(crate) struct Line {
    /// 0-based page index.
    pub page: usize,
    /// Baseline of the line's main text.
    pub y: f32,
    /// Type size of the line's main text (its largest runs).
    pub size: f32,
    /// Left edge of the first glyph and right edge of the last.
    pub x0: f32,
    pub x1: f32,
    /// The words, single-spaced, raised marks glued to what they follow.
    pub text: String,
    /// The line cut at wide gaps (tabs, header columns).
    pub segments: Vec<Segment>,
    /// Every run of the line is marked as an artifact.
    pub artifact: bool,
    /// The line opens with a raised mark (a footnote's number at the foot
    /// of the page): the mark, without the rest of the text.
    pub lead_mark: Option<String>,
    /// Most of the line's letters are bold.
    pub bold: bool,
}

/// A line being gathered: its runs, the space glyphs drawn on it (as
/// their horizontal extent), and the baseline and size of its main text.
struct Gather {
    runs: Vec<Run>,
    blanks: Vec<(f32, f32)>,
    y: f32,
    size: f32,
    /// Only raised marks so far: the line they belong to is below them.
    mark_only: bool,
}

/// A footnote mark or ordinal suffix: a few characters, set small and raised.
fn is_mark(run: &Run) -> bool {
    let t = run.text.trim();
    !t.is_empty()
        && t.chars().count() <= 3
        && t.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '*' | '†' | '‡'))
}

/// How far a run stands from a line's baseline, if it belongs to the line:
/// on the same baseline (within a quarter of the larger size), or a mark
/// raised over it (smaller, at most two thirds of the line's size above).
fn distance(g: &Gather, run: &Run) -> Option<f32> {
    let dy = run.y - g.y;
    if dy.abs() < 0.25 * g.size.max(run.size) {
        return Some(dy.abs());
    }
    let raised_over = |mark_y: f32, mark_size: f32, base_y: f32, base_size: f32| {
        mark_size < 0.85 * base_size && mark_y > base_y && mark_y - base_y < 0.65 * base_size
    };
    if is_mark(run) && raised_over(run.y, run.size, g.y, g.size) {
        return Some(dy.abs());
    }
    if g.mark_only && raised_over(g.y, g.size, run.y, run.size) {
        return Some(dy.abs());
    }
    None
}

/// The line among `open[from..]` a run belongs to, the nearest if several.
fn best_line(open: &[Gather], run: &Run, from: usize) -> Option<usize> {
    open.iter()
        .enumerate()
        .skip(from)
        .filter_map(|(k, g)| distance(g, run).map(|d| (k, d)))
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(k, _)| k)
}

/// Groups a page's runs into lines, top to bottom.
pub(crate) fn lines(page: usize, runs: Vec<Run>) -> Vec<Line> {
    let (blanks, mut runs): (Vec<Run>, Vec<Run>) = runs.into_iter().partition(Run::is_blank);
    runs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x0.total_cmp(&b.x0)));
    let mut open: Vec<Gather> = Vec::new();
    for run in runs {
        // runs come top to bottom, so only the last few lines can take this one
        let best = best_line(&open, &run, open.len().saturating_sub(4));
        match best {
            Some(k) => {
                let g = &mut open[k];
                // another mark beside the first, or a mark over this line's text
                let mark = is_mark(&run)
                    && if g.mark_only {
                        (run.y - g.y).abs() < 0.25 * run.size
                    } else {
                        run.size < 0.85 * g.size
                    };
                if (g.mark_only && !mark) || run.size > g.size * 1.05 {
                    g.size = run.size;
                    g.y = run.y;
                }
                g.mark_only &= mark;
                g.runs.push(run);
            }
            None => open.push(Gather {
                y: run.y,
                size: run.size,
                mark_only: is_mark(&run),
                runs: vec![run],
                blanks: Vec::new(),
            }),
        }
    }
    // space glyphs join the line they stand on; lines are in order of height
    for blank in blanks {
        let from = open.partition_point(|g| g.y > blank.y + 2.0 * blank.size);
        if let Some(k) = best_line(&open[..open.len().min(from + 8)], &blank, from)
            && blank.size > 0.3 * open[k].size
        {
            open[k].blanks.push((blank.x0, blank.x1));
        }
    }
    let mut out: Vec<Line> = open.into_iter().filter_map(|g| assemble(page, g)).collect();
    out.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x0.total_cmp(&b.x0)));
    out
}

/// Whether a run stands raised and smaller than the line's text: a footnote
/// mark or an ordinal suffix.
fn is_raised(run: &Run, y: f32, size: f32) -> bool {
    run.size < 0.85 * size && run.y > y + 0.15 * size
}

/// Builds a line's text from its runs, left to right.
fn assemble(page: usize, g: Gather) -> Option<Line> {
    let Gather {
        mut runs,
        blanks,
        mark_only: _,
        y,
        size,
    } = g;
    runs.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    // a string drawn twice in the same place (simulated bold) counts once
    runs.dedup_by(|b, a| {
        a.text == b.text
            && (a.x0 - b.x0).abs() < 0.2 * (a.x1 - a.x0)
            && (a.y - b.y).abs() < 0.1 * a.size
    });

    // a line drawn with space glyphs says where its words end
    let spaced = !blanks.is_empty()
        || runs
            .iter()
            .any(|r| r.text.trim().contains(char::is_whitespace));
    let word_gap = if spaced { LETTER_SPACED_GAP } else { WORD_GAP };
    let mut text = String::new();
    let mut segments: Vec<Segment> = Vec::new();
    let mut lead_mark: Option<String> = None;
    let mut prev: Option<&Run> = None;
    let mut prev_raised = false;
    // the gap after a number the line opens with (a paragraph number set off by a tab)
    let mut number_gap: Option<f32> = None;
    let (mut letters, mut bold) = (0usize, 0usize);
    for run in &runs {
        let raised = is_raised(run, y, size);
        let n = run.text.chars().filter(|c| c.is_alphanumeric()).count();
        letters += n;
        if run.bold {
            bold += n;
        }
        let gap = prev.map_or(0.0, |p| run.x0 - p.x1);
        let new_segment = prev.is_none() || gap > SEGMENT_GAP * size;
        let space = match prev {
            None => false,
            Some(_) if raised && !prev_raised => gap > 1.0 * size, // a mark glues to what it follows
            Some(p) => {
                p.text.ends_with(char::is_whitespace)
                    || run.text.starts_with(char::is_whitespace)
                    || blanks
                        .iter()
                        .any(|&(b0, _)| b0 >= p.x1 - 1.0 && b0 <= run.x0 + 0.5)
                    || gap
                        > if prev_raised { WORD_GAP } else { word_gap }
                            * p.size.max(run.size).min(size)
            }
        };
        if prev.is_some()
            && number_gap.is_none()
            && !run
                .text
                .trim_start()
                .starts_with(|c: char| c.is_ascii_digit())
        {
            number_gap = Some(if is_bare_number(text.trim()) {
                gap
            } else {
                0.0
            });
        }
        if prev.is_none() && raised {
            lead_mark = Some(run.text.trim().to_string());
        }
        if new_segment {
            segments.push(Segment {
                x0: run.x0 + leading_blank_width(run),
                x1: run.x1,
                text: String::new(),
            });
        } else if space {
            push_space(&mut segments.last_mut().expect("a segment is open").text);
        }
        if space || new_segment {
            push_space(&mut text);
        }
        let seg = segments.last_mut().expect("a segment is open");
        push_collapsed(&mut seg.text, &run.text);
        seg.x1 = run.x1;
        push_collapsed(&mut text, &run.text);
        prev = Some(run);
        prev_raised = raised;
    }
    let mut text = text.trim().to_string();
    // a bare number set off by a tab is a paragraph number ("11<tab>Condemns"):
    // the tab stays, as the plain layout reads it
    if lead_mark.is_none() && number_gap.is_some_and(|g| g > 0.8 * size) {
        let n = text.bytes().take_while(u8::is_ascii_digit).count();
        if text[n..].starts_with(' ') {
            text.replace_range(n..n + 1, "\t");
        }
    }
    if text.is_empty() {
        return None;
    }
    for s in &mut segments {
        let t = s.text.trim();
        if t.len() != s.text.len() {
            s.text = t.to_string();
        }
    }
    segments.retain(|s| !s.text.is_empty());
    if let Some(m) = &lead_mark {
        // a footnote's own number is followed by its text after a space
        if text.len() > m.len() && !text[m.len()..].starts_with(' ') {
            lead_mark = None;
        }
    }
    Some(Line {
        page,
        y,
        size,
        x0: segments.first().map_or(0.0, |s| s.x0),
        x1: segments.last().map_or(0.0, |s| s.x1),
        artifact: runs.iter().all(|r| r.artifact),
        text,
        segments,
        lead_mark,
        bold: letters > 0 && bold * 2 > letters,
    })
}

/// `11` or `3 bis`: a paragraph number without its full stop.
fn is_bare_number(s: &str) -> bool {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits) && matches!(&s[digits..], "" | " bis" | " ter")
}

/// The width of the blanks a run opens with (" N" starts where its space does).
fn leading_blank_width(run: &Run) -> f32 {
    let total = run.text.chars().count();
    let blanks = run.text.chars().take_while(|c| c.is_whitespace()).count();
    if blanks == 0 || total == 0 {
        return 0.0;
    }
    (run.x1 - run.x0) * blanks as f32 / total as f32
}

fn push_space(s: &mut String) {
    if !s.is_empty() && !s.ends_with(' ') {
        s.push(' ');
    }
}

/// Appends text, turning every run of white space into one space.
fn push_collapsed(out: &mut String, text: &str) {
    for c in text.chars() {
        if c.is_whitespace() {
            push_space(out);
        } else {
            out.push(c);
        }
    }
}

/// One plain string drawn from `x0` to `x1` on the baseline `y`: what the
/// geometry and layout tests build pages from.
#[cfg(test)]
pub(super) fn run(text: &str, x0: f32, x1: f32, y: f32, size: f32) -> Run {
    Run {
        text: text.into(),
        x0,
        x1,
        y,
        size,
        bold: false,
        artifact: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kerned_glyphs_stay_one_word_and_gaps_make_spaces() {
        // "Presid" "en" "t" kerned apart by less than a tenth of an em, then a word gap
        let runs = vec![
            run("Presid", 100.0, 128.0, 500.0, 10.0),
            run("en", 128.6, 138.0, 500.0, 10.0),
            run("t", 138.4, 141.0, 500.0, 10.0),
            run("of", 144.0, 152.0, 500.0, 10.0),
        ];
        let l = lines(0, runs);
        assert_eq!(l.len(), 1);
        assert_eq!(l[0].text, "President of");
    }

    #[test]
    fn raised_mark_is_glued_and_lines_split_by_baseline() {
        let runs = vec![
            run("Relations;", 100.0, 150.0, 500.0, 10.0),
            run("1", 150.5, 153.0, 503.5, 6.5),
            run("and", 156.0, 170.0, 500.0, 10.0),
            run("next line", 100.0, 140.0, 488.0, 10.0),
        ];
        let l = lines(0, runs);
        assert_eq!(l.len(), 2);
        assert_eq!(l[0].text, "Relations;1 and");
        assert_eq!(l[1].text, "next line");
    }

    #[test]
    fn footnote_number_leads_its_line() {
        let runs = vec![
            run("1", 117.0, 119.8, 62.6, 5.5),
            run("The initial Aide Memoire.", 123.4, 220.0, 59.6, 8.5),
        ];
        let l = lines(0, runs);
        assert_eq!(l.len(), 1);
        assert_eq!(l[0].lead_mark.as_deref(), Some("1"));
        assert_eq!(l[0].text, "1 The initial Aide Memoire.");
    }

    #[test]
    fn wide_gaps_cut_segments() {
        let runs = vec![
            run("United Nations", 123.0, 220.0, 727.0, 14.0),
            run("S/2016/1100", 495.0, 555.0, 728.6, 10.0),
        ];
        let l = lines(0, runs);
        assert_eq!(l.len(), 1);
        let segs: Vec<&str> = l[0].segments.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(segs, ["United Nations", "S/2016/1100"]);
    }
}
