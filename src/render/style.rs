//! The only place colours and text attributes are named.
//!
//! With colour, deletions are red and struck through, insertions green and
//! underlined. Without colour they are bracketed, `[-old-]` and `{+new+}`,
//! so meaning never depends on colour alone.

use colored::Colorize;

/// How marked-up text looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    color: bool,
}

impl Theme {
    /// A theme with or without colour and attributes.
    pub fn new(color: bool) -> Self {
        if color {
            // the caller has decided (--color, NO_COLOR, terminal); colored
            // must not second-guess it from the environment
            colored::control::set_override(true);
        }
        Theme { color }
    }

    /// Whether escape sequences are written.
    pub fn color(&self) -> bool {
        self.color
    }

    /// Deleted words.
    pub fn deleted(&self, s: &str) -> String {
        if self.color {
            s.red().strikethrough().to_string()
        } else {
            format!("[-{s}-]")
        }
    }

    /// Inserted words.
    pub fn inserted(&self, s: &str) -> String {
        if self.color {
            s.green().underline().to_string()
        } else {
            format!("{{+{s}+}}")
        }
    }

    /// Headings and labels.
    pub fn strong(&self, s: &str) -> String {
        if self.color {
            s.bold().to_string()
        } else {
            s.to_string()
        }
    }

    /// Secondary information (clause ids inside text, sources).
    pub fn dim(&self, s: &str) -> String {
        if self.color {
            s.dimmed().to_string()
        } else {
            s.to_string()
        }
    }

    /// The change label in the left column.
    pub fn label(&self, s: &str, kind: LabelKind) -> String {
        if !self.color {
            return s.to_string();
        }
        match kind {
            LabelKind::Same => s.dimmed().to_string(),
            LabelKind::Changed => s.yellow().bold().to_string(),
            LabelKind::Added => s.green().bold().to_string(),
            LabelKind::Dropped => s.red().bold().to_string(),
            LabelKind::Moved => s.cyan().bold().to_string(),
        }
    }

    /// The severity of a `check` finding: errors red, warnings yellow, info
    /// dimmed (the word itself always says which).
    pub fn severity(&self, s: &str, severity: crate::check::Severity) -> String {
        use crate::check::Severity;
        if !self.color {
            return s.to_string();
        }
        match severity {
            Severity::Error => s.red().bold().to_string(),
            Severity::Warning => s.yellow().bold().to_string(),
            Severity::Info => s.dimmed().to_string(),
        }
    }

    /// A warning or note.
    pub fn note(&self, s: &str) -> String {
        if self.color {
            s.yellow().to_string()
        } else {
            s.to_string()
        }
    }
}

/// Families of change labels, each with its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelKind {
    /// Unchanged.
    Same,
    /// Reworded, split, merged.
    Changed,
    /// Inserted.
    Added,
    /// Deleted.
    Dropped,
    /// Moved.
    Moved,
}

/// Colours of the HTML page (`--format html`), as CSS hex values, one
/// palette per colour scheme. The page names no colour of its own: it reads
/// these through CSS custom properties. Every pair of text and background
/// the page uses is listed in [`HtmlPalette::pairs`] and held to WCAG AA
/// contrast (4.5:1) by a test, so a change of colour cannot quietly make a
/// deletion unreadable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HtmlPalette {
    /// Page background.
    pub bg: &'static str,
    /// Body text.
    pub text: &'static str,
    /// Secondary text: clause ids of the other side, notes, empty cells.
    pub muted: &'static str,
    /// Table rules.
    pub border: &'static str,
    /// Background of header cells and the label column.
    pub head_bg: &'static str,
    /// Links and the outline of the row a link points to.
    pub link: &'static str,
    /// Deleted words.
    pub del_fg: &'static str,
    /// Behind deleted words.
    pub del_bg: &'static str,
    /// Inserted words.
    pub ins_fg: &'static str,
    /// Behind inserted words.
    pub ins_bg: &'static str,
    /// Label of a reworded, split or merged clause, and of a lead-word change.
    pub changed: &'static str,
    /// Label of an added clause.
    pub added: &'static str,
    /// Label of a dropped clause.
    pub dropped: &'static str,
    /// Label of a moved clause.
    pub moved: &'static str,
}

/// The light palette (also used for print).
pub const HTML_LIGHT: HtmlPalette = HtmlPalette {
    bg: "#ffffff",
    text: "#1f2328",
    muted: "#59636e",
    border: "#d1d9e0",
    head_bg: "#f6f8fa",
    link: "#0550ae",
    del_fg: "#82071e",
    del_bg: "#ffebe9",
    ins_fg: "#0f5323",
    ins_bg: "#dafbe1",
    changed: "#7d4e00",
    added: "#116329",
    dropped: "#a40e26",
    moved: "#6639ba",
};

/// The dark palette (`prefers-color-scheme: dark`).
pub const HTML_DARK: HtmlPalette = HtmlPalette {
    bg: "#0d1117",
    text: "#e6edf3",
    muted: "#9198a1",
    border: "#3d444d",
    head_bg: "#151b23",
    link: "#71b7ff",
    del_fg: "#ffdcd7",
    del_bg: "#5d0f12",
    ins_fg: "#aff5b4",
    ins_bg: "#033a16",
    changed: "#e3b341",
    added: "#56d364",
    dropped: "#ff9492",
    moved: "#d2a8ff",
};

impl HtmlPalette {
    /// The palette as CSS custom properties (`--bg:#ffffff;...`).
    pub fn css_vars(&self) -> String {
        [
            ("bg", self.bg),
            ("text", self.text),
            ("muted", self.muted),
            ("border", self.border),
            ("head-bg", self.head_bg),
            ("link", self.link),
            ("del-fg", self.del_fg),
            ("del-bg", self.del_bg),
            ("ins-fg", self.ins_fg),
            ("ins-bg", self.ins_bg),
            ("changed", self.changed),
            ("added", self.added),
            ("dropped", self.dropped),
            ("moved", self.moved),
        ]
        .iter()
        .map(|(k, v)| format!("--{k}:{v};"))
        .collect()
    }

    /// Every (name, foreground, background) the page puts together.
    pub fn pairs(&self) -> Vec<(String, &'static str, &'static str)> {
        let mut v = Vec::new();
        for (bg_name, bg) in [("page", self.bg), ("header cell", self.head_bg)] {
            for (name, fg) in [
                ("text", self.text),
                ("muted", self.muted),
                ("link", self.link),
                ("changed", self.changed),
                ("added", self.added),
                ("dropped", self.dropped),
                ("moved", self.moved),
            ] {
                v.push((format!("{name} on {bg_name}"), fg, bg));
            }
        }
        v.push(("deleted words".into(), self.del_fg, self.del_bg));
        v.push(("inserted words".into(), self.ins_fg, self.ins_bg));
        v
    }
}

/// WCAG 2 contrast ratio of two `#rrggbb` colours (1 to 21).
pub fn contrast(a: &str, b: &str) -> f64 {
    fn luminance(hex: &str) -> f64 {
        let h = hex.trim_start_matches('#');
        let ch = |i: usize| {
            let v = f64::from(u8::from_str_radix(&h[i..i + 2], 16).unwrap_or(0)) / 255.0;
            if v <= 0.04045 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * ch(0) + 0.7152 * ch(2) + 0.0722 * ch(4)
    }
    let (x, y) = (luminance(a), luminance(b));
    let (hi, lo) = if x > y { (x, y) } else { (y, x) };
    (hi + 0.05) / (lo + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_colour_markers_carry_the_meaning() {
        let t = Theme::new(false);
        assert_eq!(t.deleted("lasting"), "[-lasting-]");
        assert_eq!(t.inserted("just, lasting"), "{+just, lasting+}");
        assert_eq!(t.strong("OP1"), "OP1");
    }

    #[test]
    fn with_colour_strike_and_underline() {
        let t = Theme::new(true);
        let d = t.deleted("x");
        assert!(
            d.contains("\x1b[") && d.contains('9'),
            "strikethrough is SGR 9: {d:?}"
        );
        let i = t.inserted("x");
        assert!(i.contains("4"), "underline is SGR 4: {i:?}");
    }

    #[test]
    fn contrast_formula_matches_known_values() {
        assert!((contrast("#000000", "#ffffff") - 21.0).abs() < 1e-9);
        assert!((contrast("#777777", "#ffffff") - 4.48).abs() < 0.01);
        assert_eq!(contrast("#123456", "#123456"), 1.0);
    }

    #[test]
    fn html_palettes_meet_wcag_aa_in_both_schemes() {
        for (scheme, p) in [("light", HTML_LIGHT), ("dark", HTML_DARK)] {
            for (name, fg, bg) in p.pairs() {
                let c = contrast(fg, bg);
                assert!(
                    c >= 4.5,
                    "{scheme}: {name} {fg} on {bg} is {c:.2}:1, under AA 4.5:1"
                );
            }
            // deleted and inserted words stay readable on the page background too
            assert!(contrast(p.del_fg, p.bg) >= 4.5, "{scheme}: deleted on page");
            assert!(
                contrast(p.ins_fg, p.bg) >= 4.5,
                "{scheme}: inserted on page"
            );
        }
    }
}
