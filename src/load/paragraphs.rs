//! Lays out paragraphs and notes recovered from a structured format (DOCX,
//! HTML, Akoma Ntoso) in the plain layout the parser reads.

/// What a structured reader recovers: paragraphs in order (a paragraph may
/// hold line breaks) and footnotes as (mark, text), in the order of their marks.
#[derive(Debug, Default)]
pub(crate) struct Paragraphs {
    pub paras: Vec<String>,
    pub notes: Vec<(String, String)>,
}

impl Paragraphs {
    /// Adds a paragraph, unless it holds no text.
    pub fn push(&mut self, text: String) {
        if !text.trim().is_empty() {
            self.paras.push(text);
        }
    }

    /// The plain layout: the header lines one under another, then from the
    /// organ line on one paragraph per line with blank lines between, then
    /// the footnotes after a rule.
    pub fn layout(&self) -> String {
        let paras: Vec<String> = self
            .paras
            .iter()
            .map(|p| clean_paragraph(p))
            .filter(|p| !p.is_empty())
            .collect();
        let organ = paras.iter().take(80).position(|p| is_organ_line(p));
        let mut out = String::new();
        let body_from = match organ {
            Some(k) => {
                for p in &paras[..k] {
                    out.push_str(p);
                    out.push('\n');
                }
                if k > 0 {
                    out.push('\n');
                }
                k
            }
            None => 0,
        };
        for p in &paras[body_from..] {
            out.push_str(p);
            out.push_str("\n\n");
        }
        let notes: Vec<(&str, String)> = self
            .notes
            .iter()
            .map(|(m, t)| (m.trim(), one_line(t)))
            .filter(|(m, t)| !m.is_empty() && !t.is_empty())
            .collect();
        if !notes.is_empty() {
            out.push_str("__________\n");
            for (m, t) in notes {
                out.push_str(m);
                out.push(' ');
                out.push_str(&t);
                out.push('\n');
            }
        }
        out
    }
}

/// Appends a footnote mark glued to the text before it (`Relations;1`), as
/// the parser expects, whatever spacing the source had.
pub(crate) fn glue_mark(buf: &mut String, mark: &str) {
    let kept = buf.trim_end_matches([' ', '\t', '\u{a0}']).len();
    buf.truncate(kept);
    buf.push_str(mark);
}

/// `The General Assembly,`: a short line opening with "The" and ending in a comma.
fn is_organ_line(p: &str) -> bool {
    !p.contains('\n')
        && p.len() <= 80
        && p.starts_with("The ")
        && p.ends_with(',')
        && p[4..].starts_with(|c: char| c.is_uppercase())
        && p.split(' ').count() <= 10
}

/// Each line with its spacing collapsed (tabs and no-break spaces become
/// spaces) and trimmed; empty lines dropped.
fn clean_paragraph(p: &str) -> String {
    p.split('\n')
        .map(one_line)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A text on one line: every run of white space, line breaks included, one space.
pub(crate) fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_lines_then_paragraphs_then_notes() {
        let mut p = Paragraphs::default();
        for s in [
            "A/RES/1",
            "  General\tAssembly ",
            "",
            "The General Assembly,",
            "Recalling the Charter,\u{a0}",
            "1. Decides.",
        ] {
            p.push(s.to_string());
        }
        p.notes
            .push(("1".into(), " Resolution\n217 A (III). ".into()));
        assert_eq!(
            p.layout(),
            "A/RES/1\nGeneral Assembly\n\nThe General Assembly,\n\nRecalling the Charter,\n\n1. Decides.\n\n__________\n1 Resolution 217 A (III).\n"
        );
    }

    #[test]
    fn marks_are_glued() {
        let mut s = "Relations; ".to_string();
        glue_mark(&mut s, "1");
        assert_eq!(s, "Relations;1");
    }
}
