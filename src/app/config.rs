//! Defaults from a configuration file and the environment.
//!
//! Precedence: the command line, then environment variables, then the
//! configuration file, then resdiff's built-in defaults. The file is
//! `--config FILE`, else `$XDG_CONFIG_HOME/resdiff/config.toml`, else
//! `~/.config/resdiff/config.toml`; a missing default file is no error.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use anyhow::{Context, Result, bail};
use serde::Deserialize;

use resdiff::cli::ColorChoice;

/// Settings that can come from the file or the environment.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// `--threshold`.
    pub threshold: Option<f32>,
    /// `--color`: "auto", "always" or "never".
    pub color: Option<String>,
    /// `--width`.
    pub width: Option<u16>,
    /// `check --rules`, resolved against the file's directory.
    pub rules: Option<PathBuf>,
    /// The pager command, or `false` (or "") for none.
    pub pager: Option<Pager>,
    /// `--ignore-case`.
    pub ignore_case: Option<bool>,
    /// `--ignore-punctuation`.
    pub ignore_punctuation: Option<bool>,
}

/// `pager = "less -RS"` or `pager = false`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum Pager {
    /// A command line.
    Command(String),
    /// `false` turns paging off (`true` keeps the default).
    Enabled(bool),
}

static SETTINGS: OnceLock<Settings> = OnceLock::new();

/// The settings in force (built-in defaults until [`init`] ran).
pub fn get() -> &'static Settings {
    SETTINGS.get_or_init(Settings::default)
}

/// Reads the file and the environment once, at start.
pub fn init(explicit: Option<&Path>) -> Result<()> {
    let file = match explicit {
        Some(p) => read_file(p)?,
        None => match default_path() {
            Some(p) if p.is_file() => read_file(&p)?,
            _ => Settings::default(),
        },
    };
    let merged = from_env()?.or(file);
    let _ = SETTINGS.set(merged);
    Ok(())
}

/// What `resdiff config` prints: the file that applies, and each setting
/// in force with where it comes from.
pub fn describe(explicit: Option<&Path>) -> String {
    let file = match explicit {
        Some(p) => format!("{} (from --config)", p.display()),
        None => match default_path() {
            Some(p) if p.is_file() => p.display().to_string(),
            Some(p) => format!("{} (not there: built-in defaults)", p.display()),
            None => "none (neither XDG_CONFIG_HOME nor HOME is set)".to_string(),
        },
    };
    let s = get();
    let or_default = |v: Option<String>, d: &str| v.unwrap_or_else(|| format!("{d} (default)"));
    let mut out = format!("configuration file: {file}\n");
    let rows = [
        (
            "threshold",
            or_default(
                s.threshold.map(|t| t.to_string()),
                &resdiff::align::DEFAULT_THRESHOLD.to_string(),
            ),
        ),
        ("color", or_default(s.color.clone(), "auto")),
        (
            "width",
            or_default(s.width.map(|w| w.to_string()), "the terminal's, else 100"),
        ),
        (
            "rules",
            or_default(s.rules.as_ref().map(|r| r.display().to_string()), "none"),
        ),
        (
            "pager",
            s.pager_command().unwrap_or_else(|| "none".to_string()),
        ),
        (
            "ignore_case",
            or_default(s.ignore_case.map(|b| b.to_string()), "false"),
        ),
        (
            "ignore_punctuation",
            or_default(s.ignore_punctuation.map(|b| b.to_string()), "false"),
        ),
    ];
    for (k, v) in rows {
        out.push_str(&format!("{k:<19} {v}\n"));
    }
    out.push_str("`resdiff help config` explains the file and its keys.\n");
    out
}

fn default_path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    Some(base.join("resdiff").join("config.toml"))
}

/// What each key takes, in words: what an error says when a value is of
/// the wrong kind (`width = "wide"`).
const EXPECTED: [(&str, &str); 7] = [
    ("threshold", "a number from 0 to 1, such as 0.6"),
    ("color", "\"auto\", \"always\" or \"never\", in quotes"),
    (
        "width",
        "a whole number of columns, such as 120 (no quotes)",
    ),
    ("rules", "a file name in quotes, such as \"review.toml\""),
    (
        "pager",
        "a command in quotes, such as \"less -RS\", or false for none",
    ),
    ("ignore_case", "true or false (no quotes)"),
    ("ignore_punctuation", "true or false (no quotes)"),
];

fn read_file(path: &Path) -> Result<Settings> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).with_context(|| name.clone())?;
    let mut s: Settings = toml::from_str(&text).map_err(|e| {
        let line = e.span().map(|r| text[..r.start].matches('\n').count() + 1);
        let mut msg = e.message().trim_end().to_string();
        // serde speaks of types ("invalid type: string \"wide\", expected
        // u16"): say instead what the key takes
        let wrong_kind = ["invalid type", "invalid value", "data did not match"]
            .iter()
            .any(|p| msg.starts_with(p));
        if let Some(l) = line
            && wrong_kind
            && let Some((key, value)) = text.lines().nth(l - 1).and_then(|t| t.split_once('='))
            && let Some((_, want)) = EXPECTED.iter().find(|(k, _)| *k == key.trim())
        {
            msg = format!("{} = {}: expected {want}", key.trim(), value.trim());
        }
        match line {
            Some(l) => anyhow::anyhow!("{name}: line {l}: {msg}"),
            None => anyhow::anyhow!("{name}: {msg}"),
        }
    })?;
    check(&s).with_context(|| name.clone())?;
    if let Some(r) = &s.rules
        && r.is_relative()
    {
        s.rules = Some(path.parent().unwrap_or(Path::new(".")).join(r));
    }
    Ok(s)
}

fn check(s: &Settings) -> Result<()> {
    if let Some(t) = s.threshold
        && !(0.0..=1.0).contains(&t)
    {
        bail!("threshold {t} is outside 0 to 1");
    }
    if let Some(c) = &s.color
        && parse_color(c).is_none()
    {
        bail!("color \"{c}\" is not auto, always or never");
    }
    Ok(())
}

/// `auto`, `always`, `never`.
pub fn parse_color(s: &str) -> Option<ColorChoice> {
    match s {
        "auto" => Some(ColorChoice::Auto),
        "always" => Some(ColorChoice::Always),
        "never" => Some(ColorChoice::Never),
        _ => None,
    }
}

/// `RESDIFF_THRESHOLD`, `RESDIFF_COLOR`, `RESDIFF_WIDTH`, `RESDIFF_RULES`,
/// `RESDIFF_PAGER` (then `PAGER`).
fn from_env() -> Result<Settings> {
    let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    let num = |k: &str| -> Result<Option<f32>> {
        var(k)
            .map(|v| {
                v.parse::<f32>()
                    .with_context(|| format!("{k}: `{v}` is not a number"))
            })
            .transpose()
    };
    let s = Settings {
        threshold: num("RESDIFF_THRESHOLD")?,
        color: var("RESDIFF_COLOR"),
        width: var("RESDIFF_WIDTH")
            .map(|v| {
                v.parse::<u16>()
                    .with_context(|| format!("RESDIFF_WIDTH: `{v}` is not a width"))
            })
            .transpose()?,
        rules: var("RESDIFF_RULES").map(PathBuf::from),
        pager: std::env::var("RESDIFF_PAGER")
            .ok()
            .or_else(|| std::env::var("PAGER").ok())
            .map(Pager::Command),
        ignore_case: None,
        ignore_punctuation: None,
    };
    check(&s).context("environment")?;
    Ok(s)
}

impl Settings {
    /// Each field from `self`, else from `other`.
    pub fn or(self, other: Settings) -> Settings {
        Settings {
            threshold: self.threshold.or(other.threshold),
            color: self.color.or(other.color),
            width: self.width.or(other.width),
            rules: self.rules.or(other.rules),
            pager: self.pager.or(other.pager),
            ignore_case: self.ignore_case.or(other.ignore_case),
            ignore_punctuation: self.ignore_punctuation.or(other.ignore_punctuation),
        }
    }

    /// The pager command line, or `None` for no pager.
    pub fn pager_command(&self) -> Option<String> {
        match &self.pager {
            Some(Pager::Enabled(false)) => None,
            Some(Pager::Command(c)) if c.trim().is_empty() || c.trim() == "cat" => None,
            Some(Pager::Command(c)) => Some(c.clone()),
            _ => Some("less -RS".to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_environment_wins_over_the_file() {
        let env = Settings {
            threshold: Some(0.7),
            ..Default::default()
        };
        let file = Settings {
            threshold: Some(0.3),
            width: Some(90),
            ..Default::default()
        };
        let s = env.or(file);
        assert_eq!((s.threshold, s.width), (Some(0.7), Some(90)));
    }

    #[test]
    fn bad_files_name_the_line() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("config.toml");
        std::fs::write(&p, "width = 100\nthreshhold = 0.4\n").unwrap();
        let e = read_file(&p).unwrap_err().to_string();
        assert!(e.contains("line 2") && e.contains("threshhold"), "{e}");
        std::fs::write(&p, "width = \"wide\"\n").unwrap();
        let e = read_file(&p).unwrap_err().to_string();
        assert!(
            e.ends_with("line 1: width = \"wide\": expected a whole number of columns, such as 120 (no quotes)"),
            "{e}"
        );
        std::fs::write(&p, "color = \"sometimes\"\n").unwrap();
        assert!(format!("{:#}", read_file(&p).unwrap_err()).contains("not auto, always or never"));
        std::fs::write(&p, "rules = \"rules.toml\"\npager = false\n").unwrap();
        let s = read_file(&p).unwrap();
        assert_eq!(s.rules.unwrap(), dir.path().join("rules.toml"));
        assert_eq!(
            Settings {
                pager: Some(Pager::Enabled(false)),
                ..Default::default()
            }
            .pager_command(),
            None
        );
    }
}
