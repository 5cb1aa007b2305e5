//! The rules file of `resdiff check`: TOML read with serde, unknown keys
//! refused, and every problem reported with its line.
//!
//! ```toml
//! [[require]]                 # must appear in the draft
//! phrase = "territorial integrity"
//! severity = "error"          # error | warning | info; default warning
//!
//! [[forbid]]                  # must not appear
//! phrase = "root causes"
//!
//! [[agreed]]                  # must appear exactly as worded (in `source`, if given)
//! phrase = "sovereignty, independence, unity and territorial integrity of Ukraine"
//! source = "../resolutions/A-RES-ES-11-4.txt"   # relative to the rules file
//!
//! [lead_words]                # OLD NEW only
//! softening = "warning"       # a lead word moved down the scale (default warning)
//! strengthening = "info"      # moved up (default info)
//! changed = "info"            # replaced at the same strength or off the scale (default: not reported)
//!
//! [[watch]]                   # OLD NEW only: report a term added to or dropped from a clause
//! term = "aggression"
//! ```

use std::path::{Path, PathBuf};

use serde::{Deserialize, Deserializer, Serialize};
use toml::Spanned;

use crate::error::{Error, Result};
use crate::parse::Resolution;

/// How much a finding matters. `error` makes `resdiff check` exit with 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing.
    Info,
    /// Worth a look (the default).
    #[default]
    Warning,
    /// Must be fixed: the check fails.
    Error,
}

impl Severity {
    /// The word used in the rules file and the output.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl<'de> Deserialize<'de> for Severity {
    /// One of the three words, with a message naming them otherwise (serde's
    /// own would say "unknown variant").
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        match s.as_str() {
            "error" => Ok(Severity::Error),
            "warning" => Ok(Severity::Warning),
            "info" => Ok(Severity::Info),
            _ => Err(serde::de::Error::custom(format!(
                "unknown severity \"{s}\" (expected error, warning or info)"
            ))),
        }
    }
}

/// `[[require]]` and `[[forbid]]`: a phrase, found without regard to case,
/// spacing, line breaks, quote style or line-end hyphenation, and only as
/// whole words (`root causes` does not match `grassroot causes`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhraseRule {
    /// The phrase.
    pub phrase: Spanned<String>,
    /// Severity of a finding.
    #[serde(default)]
    pub severity: Severity,
    /// Why the rule exists, repeated in each finding.
    #[serde(default)]
    pub note: Option<String>,
}

/// `[[agreed]]`: agreed language, to be quoted word for word and in the same
/// case (only layout may differ: spacing, line breaks, quote style, line-end
/// hyphenation). With `source`, the phrase must also stand verbatim in that
/// resolution, which guards the rules file itself against a misquotation.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgreedRule {
    /// The agreed wording.
    pub phrase: Spanned<String>,
    /// A resolution (any format resdiff reads) the wording comes from,
    /// relative to the rules file.
    #[serde(default)]
    pub source: Option<Spanned<PathBuf>>,
    /// Severity of a finding.
    #[serde(default)]
    pub severity: Severity,
    /// Why the rule exists, repeated in each finding.
    #[serde(default)]
    pub note: Option<String>,
    /// The source, read and parsed by [`load_rules`].
    #[serde(skip)]
    pub source_doc: Option<Resolution>,
}

/// `[lead_words]`: severities of lead-word changes between OLD and NEW, on
/// the scale of the drafting conventions (`Demands` > `Calls upon` >
/// `Requests` > `Encourages` > `Welcomes`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LeadRule {
    /// A lead moved down the scale (`Demands` → `Calls upon`). Default warning.
    #[serde(default = "warning")]
    pub softening: Severity,
    /// A lead moved up the scale. Default info.
    #[serde(default = "info")]
    pub strengthening: Severity,
    /// A lead replaced by one of the same strength, or one off the scale.
    /// Not reported unless set.
    #[serde(default)]
    pub changed: Option<Severity>,
}

fn warning() -> Severity {
    Severity::Warning
}

fn info() -> Severity {
    Severity::Info
}

/// `[[watch]]`: a term whose arrival in or departure from a clause between
/// OLD and NEW is reported (matched like `require`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WatchRule {
    /// The term.
    pub term: Spanned<String>,
    /// Severity of a finding. Default warning.
    #[serde(default)]
    pub severity: Severity,
    /// Why the term is watched, repeated in each finding.
    #[serde(default)]
    pub note: Option<String>,
}

/// A rules file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    /// Phrases that must appear.
    #[serde(default)]
    pub require: Vec<PhraseRule>,
    /// Phrases that must not appear.
    #[serde(default)]
    pub forbid: Vec<PhraseRule>,
    /// Agreed language to be quoted verbatim.
    #[serde(default)]
    pub agreed: Vec<AgreedRule>,
    /// Lead-word changes (OLD NEW only).
    #[serde(default)]
    pub lead_words: Option<LeadRule>,
    /// Watched terms (OLD NEW only).
    #[serde(default)]
    pub watch: Vec<WatchRule>,
}

/// The 1-based line of a byte offset.
fn line_of(text: &str, at: usize) -> usize {
    text[..at.min(text.len())].matches('\n').count() + 1
}

/// Parses a rules file's text. `name` is how errors name the file
/// (`rules.toml: line 4: unknown severity "fatal" (expected error, warning or info)`).
/// Agreed-language sources are not read here: see [`load_rules`].
pub fn parse_rules(name: &str, text: &str) -> Result<Rules> {
    let rules: Rules = toml::from_str(text).map_err(|e| {
        let msg = e.message().trim_end().to_string();
        let msg = hint(&msg);
        match e.span() {
            Some(span) => Error::input(name, format!("line {}: {msg}", line_of(text, span.start))),
            None => Error::input(name, msg),
        }
    })?;
    let empty = |s: &Spanned<String>, what: &str| -> Result<()> {
        if s.get_ref().split_whitespace().next().is_none() {
            return Err(Error::input(
                name,
                format!("line {}: empty {what}", line_of(text, s.span().start)),
            ));
        }
        Ok(())
    };
    for r in rules.require.iter().chain(&rules.forbid) {
        empty(&r.phrase, "phrase")?;
    }
    for r in &rules.agreed {
        empty(&r.phrase, "phrase")?;
    }
    for r in &rules.watch {
        empty(&r.term, "term")?;
    }
    if rules.is_empty() {
        return Err(Error::input(
            name,
            "no rules: the file has no [[require]], [[forbid]], [[agreed]], [lead_words] or [[watch]] table, so there is nothing to check (see the README, \"Reviewing wording\")",
        ));
    }
    Ok(rules)
}

impl Rules {
    /// Whether the file holds no rule at all.
    pub fn is_empty(&self) -> bool {
        self.require.is_empty()
            && self.forbid.is_empty()
            && self.agreed.is_empty()
            && self.lead_words.is_none()
            && self.watch.is_empty()
    }

    /// The rules that compare two drafts, which a check of one draft cannot
    /// apply, as a rules file names them: `[lead_words]`, `[[watch]] "ceasefire"`.
    pub fn comparing_rules(&self) -> Vec<String> {
        let lead = self.lead_words.as_ref().map(|_| "[lead_words]".to_string());
        lead.into_iter()
            .chain(
                self.watch
                    .iter()
                    .map(|w| format!("[[watch]] \"{}\"", w.term.get_ref())),
            )
            .collect()
    }
}

/// serde says "unknown field `phrse`, expected `phrase` or `severity`";
/// a table name mistyped at the top level gets the list of tables.
fn hint(msg: &str) -> String {
    if msg.starts_with("unknown field") && msg.contains("`require`") {
        format!("{msg} (the tables of a rules file)")
    } else {
        msg.to_string()
    }
}

/// Reads a rules file and the sources its `[[agreed]]` rules name (paths
/// relative to the rules file), each read and parsed as a resolution.
pub fn load_rules(path: &Path, load: &crate::load::LoadOptions) -> Result<Rules> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|error| Error::Io {
        path: name.clone(),
        error,
    })?;
    let mut rules = parse_rules(&name, &text)?;
    let base = path.parent().unwrap_or(Path::new("."));
    for r in &mut rules.agreed {
        if let Some(src) = &r.source {
            let p = base.join(src.get_ref());
            let doc = crate::load::load_path(&p, load)
                .and_then(|d| crate::parse::parse(&d))
                .map_err(|e| {
                    Error::input(
                        &name,
                        format!(
                            "line {}: source of agreed language: {e}",
                            line_of(&text, src.span().start)
                        ),
                    )
                })?;
            r.source_doc = Some(doc);
        }
    }
    Ok(rules)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        parse_rules("rules.toml", text).unwrap_err().to_string()
    }

    #[test]
    fn defaults_and_all_tables() {
        let r = parse_rules(
            "rules.toml",
            "[[require]]\nphrase = \"territorial integrity\"\nseverity = \"error\"\n\n[[forbid]]\nphrase = \"root causes\"\n\n[[agreed]]\nphrase = \"x y\"\nsource = \"a.txt\"\n\n[lead_words]\n\n[[watch]]\nterm = \"aggression\"\n",
        )
        .unwrap();
        assert_eq!(r.require[0].severity, Severity::Error);
        assert_eq!(r.forbid[0].severity, Severity::Warning);
        assert_eq!(
            r.agreed[0].source.as_ref().unwrap().get_ref(),
            Path::new("a.txt")
        );
        let l = r.lead_words.unwrap();
        assert_eq!(
            (l.softening, l.strengthening, l.changed),
            (Severity::Warning, Severity::Info, None)
        );
        assert_eq!(r.watch[0].term.get_ref(), "aggression");
    }

    #[test]
    fn unknown_severity_names_line_and_choices() {
        assert_eq!(
            err("# rules\n\n[[require]]\nphrase = \"a\"\nseverity = \"fatal\"\n"),
            "rules.toml: line 5: unknown severity \"fatal\" (expected error, warning or info)"
        );
    }

    #[test]
    fn unknown_keys_are_refused_with_the_expected_ones() {
        let e = err("[[forbid]]\nphrse = \"root causes\"\n");
        assert!(
            e.starts_with("rules.toml: line 2: unknown field `phrse`, expected"),
            "{e}"
        );
        assert!(e.contains("`phrase`"), "{e}");
        let e = err("[[requier]]\nphrase = \"x\"\n");
        assert!(
            e.starts_with("rules.toml: line 1: unknown field `requier`"),
            "{e}"
        );
        assert!(
            e.contains("`require`") && e.contains("the tables of a rules file"),
            "{e}"
        );
        let e = err("[lead_words]\nsoftenning = \"error\"\n");
        assert!(e.contains("line 2") && e.contains("`softening`"), "{e}");
    }

    #[test]
    fn missing_and_empty_phrases() {
        let e = err("[[require]]\nseverity = \"error\"\n");
        assert!(
            e.contains("line 1") && e.contains("missing field `phrase`"),
            "{e}"
        );
        assert_eq!(
            err("[[forbid]]\nphrase = \"  \"\n"),
            "rules.toml: line 2: empty phrase"
        );
    }

    #[test]
    fn bad_toml_names_its_line() {
        let e = err("[[require]]\nphrase = \"unterminated\n");
        assert!(e.starts_with("rules.toml: line 2:"), "{e}");
    }
}
