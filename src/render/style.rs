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
}
