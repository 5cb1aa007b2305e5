//! The command line, as clap definitions only: flags here, logic elsewhere.
//! The `///` comment on each field is its `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::load::SourceFormat;
use crate::render::Format;

/// Compare United Nations draft resolutions clause by clause, word by word.
///
/// resdiff reads two drafts, finds their preambular and operative
/// paragraphs, pairs each clause with its counterpart by content (never by
/// number), and shows what was kept, reworded, added, dropped, moved, split
/// or merged. Exit status: 0 no substantive difference, 1 differences, 2 error.
#[derive(Debug, Parser)]
#[command(name = "resdiff", version = VERSION, about, long_about, max_term_width = 100)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
    /// Read defaults from this configuration file instead of
    /// $XDG_CONFIG_HOME/resdiff/config.toml (see `resdiff help config`).
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Write to the terminal directly instead of through $PAGER.
    #[arg(long, global = true)]
    pub no_pager: bool,
}

/// The version and the commit the binary was built from.
pub const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), " (", env!("RESDIFF_COMMIT"), ")");

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compare two drafts clause by clause.
    ///
    /// Pairs the clauses of OLD and NEW by content and shows, side by side,
    /// the words deleted (struck through, or [-like this-]) and inserted
    /// (underlined, or {+like this+}).
    #[command(
        visible_alias = "diff",
        after_help = "Examples:
  resdiff compare resolutions/A-ES-11-L.11.txt resolutions/A-ES-11-L.10.txt
  resdiff compare resolutions/A-RES-ES-11-1.txt resolutions/A-RES-ES-11-4.txt --changes-only
  resdiff compare old.txt new.txt --format json > diff.json
  resdiff compare old.docx new.pdf --format docx -o redline.docx"
    )]
    Compare(CompareArgs),
    /// Show the parsed structure of one draft.
    ///
    /// Prints the header fields and each clause with its id and lead words,
    /// as resdiff understands them: the way to check what a comparison sees.
    #[command(after_help = "Examples:
  resdiff show resolutions/A-ES-11-L.11.txt
  resdiff show resolutions/A-RES-ES-11-4.txt --format json")]
    Show(ShowArgs),
    /// Follow each clause through two or more versions of one text.
    ///
    /// Compares each version with the next (rev.1, rev.2, the adopted text)
    /// and follows every clause through them, so that a clause moved in one
    /// revision and reworded in the next stays one line: what changed at each
    /// step and in which version, and the clauses born or dropped on the way.
    #[command(after_help = "Examples:
  resdiff history resolutions/A-ES-11-L.11.txt resolutions/A-RES-ES-11-8.txt
  resdiff history resolutions/A-ES-11-L.11.txt resolutions/S-RES-2774.txt \\
      resolutions/A-RES-ES-11-8.txt
  resdiff history rev1.txt rev2.pdf adopted.docx --changes-only --format json")]
    History(HistoryArgs),
    /// Compare rival drafts: one clause matrix for two or more sibling texts.
    ///
    /// Pairs the clauses of every draft with those of the base (the first
    /// draft, or --base) by content, and shows one row per group of
    /// corresponding clauses and one column per draft: which drafts agree,
    /// which differ (word diff against the row's most common wording), and
    /// which have no such clause. Exit status: 0 all agree, 1 differences, 2 error.
    #[command(after_help = "Examples:
  resdiff rivals resolutions/A-ES-11-L.10.txt resolutions/A-ES-11-L.11.txt \\
      resolutions/A-RES-ES-11-8.txt
  resdiff rivals us.txt eu.pdf adopted.docx --base adopted.docx --changes-only
  resdiff rivals a.txt b.txt c.txt --format html -o matrix.html")]
    Rivals(RivalsArgs),
    /// Compare whole sets of documents: last session's against this one's.
    ///
    /// Pairs the documents of two directories (by symbol when it carries
    /// over, else by title, else by wording), compares every pair in
    /// parallel and ranks them by how much changed. Unpaired documents are
    /// listed as new or discontinued; an unreadable file is reported and
    /// skipped (exit status 2 at the end).
    #[command(after_help = "Examples:
  resdiff batch session79/ session80/
  resdiff batch session79/ session80/ --out report/
  resdiff batch old/ new/ --format json")]
    Batch(BatchArgs),
    /// Review wording against a rules file.
    ///
    /// With one DRAFT: phrases that must appear, must not appear, or must
    /// quote agreed language verbatim. With OLD and NEW: the same on NEW,
    /// plus lead words moved down (or up) the strength scale and watched
    /// terms added or dropped, clause by clause. Exit status: 0 no error
    /// finding, 1 an error finding, 2 a bad rules file or input.
    #[command(after_help = "Examples:
  resdiff check resolutions/A-ES-11-L.11.txt --rules examples/rules/ukraine-2025.toml
  resdiff check resolutions/A-ES-11-L.11.txt resolutions/A-RES-ES-11-8.txt \\
      --rules examples/rules/ukraine-2025.toml --format json")]
    Check(CheckArgs),
    /// Act as git's external diff driver for drafts.
    ///
    /// Takes the arguments git passes to an external diff (path, old file,
    /// old hash, old mode, new file, new hash, new mode, and for a rename the
    /// new path and a note), compares the two versions clause by clause, and
    /// exits 0 as git expects; an unreadable version exits 2. A file added
    /// or deleted compares with an empty draft. See the README for the
    /// `.gitattributes` and `git config` lines.
    #[command(after_help = "Examples:
  git config diff.resdiff.command 'resdiff git-diff'
  echo '*.txt diff=resdiff' >> .gitattributes
  git diff; git log -p --ext-diff
  GIT_EXTERNAL_DIFF='resdiff git-diff --changes-only' git diff")]
    GitDiff(GitDiffArgs),
    /// Apply amendment documents to a draft.
    ///
    /// Reads the draft and the amendments (numbered instructions such as
    /// "In operative paragraph 1, replace the words ... with the words ..."),
    /// applies them in order, paragraphs counted in the draft as tabled,
    /// renumbers as the Secretariat would, and writes the amended text in
    /// the plain layout of `resdiff show` (or JSON, or Akoma Ntoso). An
    /// instruction that does not fit the draft is an error (exit status 2,
    /// nothing written); with --keep-going the others apply, each failure is
    /// listed on standard error, and the exit status is 1.
    #[command(after_help = "Examples:
  resdiff amend resolutions/A-ES-11-L.11.txt resolutions/A-ES-11-L.15.txt
  resdiff compare resolutions/A-ES-11-L.11.txt resolutions/A-RES-ES-11-8.txt \\
      --amendments resolutions/A-ES-11-L.15.txt
  resdiff amend draft.docx l15.pdf l16.txt --keep-going -o amended.txt")]
    Amend(AmendArgs),
    /// The configuration file: where it is, what it may set, what is in force.
    ///
    /// resdiff reads defaults from a TOML file: the one named by --config
    /// FILE, else $XDG_CONFIG_HOME/resdiff/config.toml, else
    /// ~/.config/resdiff/config.toml (a missing file is no error). Each key
    /// is the default of an option; the command line wins over the
    /// environment (RESDIFF_THRESHOLD, RESDIFF_COLOR, RESDIFF_WIDTH,
    /// RESDIFF_RULES, RESDIFF_PAGER, then PAGER), which wins over the file.
    /// An unknown key or a value of the wrong kind is an error naming the
    /// file, the line and what is expected. `resdiff config` prints which
    /// file applies and the settings in force.
    #[command(after_help = "The keys, with the kind of value each takes:
  threshold = 0.6            # --threshold: a number from 0 to 1
  color = \"never\"            # --color: \"auto\", \"always\" or \"never\"
  width = 120                # --width: a whole number of columns
  rules = \"review.toml\"      # check --rules: a file, relative to the configuration file
  pager = \"less -RS\"         # the pager command, or false for none
  ignore_case = false        # --ignore-case: true or false
  ignore_punctuation = false # --ignore-punctuation: true or false

Examples:
  resdiff config
  resdiff --config team.toml config")]
    Config,
    /// Keep a library of past resolutions for `resdiff trace`.
    ///
    /// `library add DIR...` indexes every file resdiff can read under the
    /// folders (unreadable ones are listed and skipped); adding again updates
    /// changed files. The library is one folder: by default
    /// $XDG_DATA_HOME/resdiff/library (else ~/.local/share/resdiff/library).
    #[command(after_help = "Examples:
  resdiff library add ~/un/resolutions/ resolutions/
  resdiff library list
  resdiff library remove A/RES/ES-11/4
  resdiff library add corpus/ --library /tmp/lib")]
    Library(LibraryArgs),
    /// Trace each clause of a draft to agreed language in the library.
    ///
    /// For every clause and sub-paragraph: its closest earlier sources
    /// (symbol, date, clause, similarity) with the word diff from the
    /// source's wording to the draft's; verbatim, adapted or new; and runs
    /// of eight or more words agreed elsewhere. Adopted resolutions rank
    /// above drafts at equal similarity; the draft is never its own source.
    #[command(after_help = "Examples:
  resdiff trace resolutions/A-ES-11-L.10.txt
  resdiff trace draft.docx --top 1 --format markdown -o trace.md
  resdiff trace draft.pdf --library /tmp/lib --format json")]
    Trace(TraceArgs),
    /// Print the lead-word scale of a language.
    ///
    /// Lists the lead words (`Demands`, `Calls upon`, `Requests` ...) by
    /// strength, the intensifiers that add half a step and the neutral words,
    /// as `check`'s [lead_words] rule and the "lead ↓ softened" labels use
    /// them. The scales are data files in src/parse/leads/, one per language.
    #[command(after_help = "Examples:
  resdiff leads
  resdiff leads --lang fr")]
    Leads {
        /// The language: ar, zh, en, fr, ru or es.
        #[arg(long, value_name = "LANG", value_parser = parse_lang, default_value = "en")]
        lang: crate::parse::Lang,
    },
    /// Print a shell completion script.
    ///
    /// Writes the completion script for SHELL to standard output; install it
    /// where your shell looks for completions.
    #[command(after_help = "Examples:
  resdiff completions bash > ~/.local/share/bash-completion/completions/resdiff
  resdiff completions zsh > ~/.zfunc/_resdiff
  resdiff completions fish > ~/.config/fish/completions/resdiff.fish")]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff).
    ///
    /// Writes resdiff's manual page, generated from the same definitions as
    /// `--help`, to standard output.
    #[command(after_help = "Examples:
  resdiff man | man -l -
  resdiff man > ~/.local/share/man/man1/resdiff.1")]
    Man,
}

/// A language code for `--lang`: `ar`, `zh`, `en`, `fr`, `ru`, `es` (or the name).
fn parse_lang(s: &str) -> Result<crate::parse::Lang, String> {
    crate::parse::Lang::from_code(s).ok_or_else(|| {
        format!("`{s}` is not an official UN language: use ar, zh, en, fr, ru or es")
    })
}

/// When to use colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ColorChoice {
    /// Colour when writing to a terminal and NO_COLOR is not set.
    #[default]
    Auto,
    /// Always colour (overrides NO_COLOR).
    Always,
    /// Never colour; changes are marked [-deleted-] and {+inserted+}.
    Never,
}

/// Options for reading inputs.
#[derive(Debug, Clone, Args)]
pub struct InputArgs {
    /// Read inputs as this format instead of detecting it from their content.
    #[arg(long, value_name = "FORMAT")]
    pub from: Option<SourceFormat>,
    /// Refuse inputs larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = crate::load::DEFAULT_MAX_BYTES)]
    pub max_size: u64,
    /// Word documents with tracked changes: read them accepted, or as before the changes.
    #[arg(long, value_name = "HOW", default_value = "accept")]
    pub tracked_changes: crate::load::TrackedChanges,
    /// The language of the inputs (ar, zh, en, fr, ru, es) instead of detecting it.
    #[arg(long, value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<crate::parse::Lang>,
}

/// Options for output.
#[derive(Debug, Clone, Args)]
pub struct OutputArgs {
    /// Output format [default: the one -o's extension names (.html, .htm,
    /// .md, .json, .xml, .txt), else table on a terminal, plain otherwise].
    #[arg(long, short = 'f', value_name = "FORMAT")]
    pub format: Option<Format>,
    /// When to use colour [default: auto]
    #[arg(long, value_name = "WHEN")]
    pub color: Option<ColorChoice>,
    /// Width of the table in columns [default: the terminal's, else 100].
    #[arg(long, short = 'w', value_name = "N")]
    pub width: Option<u16>,
    /// Write to FILE instead of standard output (written whole, or not at all).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `resdiff compare`.
#[derive(Debug, Clone, Args)]
pub struct CompareArgs {
    /// The earlier text (a file, or - for standard input).
    pub old: PathBuf,
    /// The later text.
    pub new: PathBuf,
    /// Hide clauses without substantive change.
    #[arg(long, short = 'c')]
    pub changes_only: bool,
    /// Amendment documents to OLD: label each change with the amendment
    /// that explains it, and list what none explains.
    #[arg(long, value_name = "FILE", num_args = 1..)]
    pub amendments: Vec<PathBuf>,
    /// What to call OLD in headings [default: its symbol, else (when both
    /// have the same symbol or none) its file name].
    #[arg(long, value_name = "NAME")]
    pub label_old: Option<String>,
    /// What to call NEW in headings.
    #[arg(long, value_name = "NAME")]
    pub label_new: Option<String>,
    /// How clauses are compared.
    #[command(flatten)]
    pub matching: MatchArgs,
    /// Output options.
    #[command(flatten)]
    pub output: OutputArgs,
    /// Input options.
    #[command(flatten)]
    pub input: InputArgs,
    /// With --format docx: the author of the tracked changes and comments.
    #[arg(long, value_name = "NAME", default_value = "resdiff")]
    pub author: String,
    /// With --format docx: date the tracked changes (YYYY-MM-DD, or `now`);
    /// without it they carry no date, and the same inputs give the same bytes.
    #[arg(long, value_name = "DATE")]
    pub revision_date: Option<String>,
}

/// `resdiff amend`.
#[derive(Debug, Clone, Args)]
pub struct AmendArgs {
    /// The draft as tabled (a file, or - for standard input).
    pub draft: PathBuf,
    /// The amendment documents, applied in this order.
    #[arg(required = true)]
    pub amendments: Vec<PathBuf>,
    /// Apply the instructions that fit and list those that do not (exit status 1).
    #[arg(long)]
    pub keep_going: bool,
    /// Output format: the amended text in the plain layout, its JSON
    /// structure, Akoma Ntoso XML (or a table, HTML or Markdown view of it),
    /// or a clean Word document (docx, with -o FILE)
    /// [default: the one -o's extension names, else plain].
    #[arg(long, short = 'f', value_name = "FORMAT")]
    pub format: Option<Format>,
    /// Write to FILE instead of standard output (written whole, or not at all).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Input options.
    #[command(flatten)]
    pub input: InputArgs,
}

/// How clauses are compared (shared by compare, history and batch).
#[derive(Debug, Clone, Default, Args)]
pub struct MatchArgs {
    /// Compare words without regard to case.
    #[arg(long, short = 'i')]
    pub ignore_case: bool,
    /// Treat punctuation as spacing.
    #[arg(long)]
    pub ignore_punctuation: bool,
    /// How similar two clauses must be (0 to 1, share of words in common)
    /// to count as one clause reworded rather than one dropped and another
    /// added. Lower pairs more boldly [default: 0.5]. A clause left between
    /// the same two paired clauses on both sides may still pair at half this
    /// (rising with the size of the gap) on weighted words: shown "(loose)";
    /// 0.9 or more turns loose pairing off
    #[arg(long, short = 't', value_name = "F", value_parser = parse_threshold)]
    pub threshold: Option<f32>,
}

/// `resdiff history`.
#[derive(Debug, Clone, Args)]
pub struct HistoryArgs {
    /// The versions, oldest first (two or more).
    #[arg(required = true, num_args = 2..)]
    pub versions: Vec<PathBuf>,
    /// Hide clauses that never changed.
    #[arg(long, short = 'c')]
    pub changes_only: bool,
    /// What to call the versions, one per version in order, separated by
    /// commas: `--labels "rev.1,rev.2,adopted"` [default: their symbols,
    /// else their file names].
    #[arg(long, value_name = "NAMES", value_delimiter = ',')]
    pub labels: Vec<String>,
    /// How clauses are compared.
    #[command(flatten)]
    pub matching: MatchArgs,
    /// Output options.
    #[command(flatten)]
    pub output: OutputArgs,
    /// Input options.
    #[command(flatten)]
    pub input: InputArgs,
}

/// `resdiff rivals`.
#[derive(Debug, Clone, Args)]
pub struct RivalsArgs {
    /// The drafts, two or more (with --base, one more is enough).
    #[arg(required = true, num_args = 1.., value_name = "DRAFT")]
    pub drafts: Vec<PathBuf>,
    /// Rows follow this draft's reading order and cells are diffed against
    /// its wording [default: the first DRAFT, diffs against each row's most
    /// common wording]. A FILE not among the DRAFTs becomes the first column.
    #[arg(long, value_name = "FILE")]
    pub base: Option<PathBuf>,
    /// Hide rows on which all drafts agree.
    #[arg(long, short = 'c')]
    pub changes_only: bool,
    /// How clauses are compared.
    #[command(flatten)]
    pub matching: MatchArgs,
    /// Output options.
    #[command(flatten)]
    pub output: OutputArgs,
    /// Input options.
    #[command(flatten)]
    pub input: InputArgs,
}

/// `resdiff batch`.
#[derive(Debug, Clone, Args)]
pub struct BatchArgs {
    /// The earlier set: a directory of drafts.
    pub old_dir: PathBuf,
    /// The later set.
    pub new_dir: PathBuf,
    /// Also write one report per pair (JSON) and an index.html linking them into DIR.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// How clauses are compared.
    #[command(flatten)]
    pub matching: MatchArgs,
    /// Output options.
    #[command(flatten)]
    pub output: OutputArgs,
    /// Input options.
    #[command(flatten)]
    pub input: InputArgs,
}

/// `resdiff show`.
#[derive(Debug, Clone, Args)]
pub struct ShowArgs {
    /// The draft (a file, or - for standard input).
    pub file: PathBuf,
    /// Output options.
    #[command(flatten)]
    pub output: OutputArgs,
    /// Input options.
    #[command(flatten)]
    pub input: InputArgs,
}

/// Output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// A table of findings (the default).
    Table,
    /// `{"findings":[{"rule","severity","clause","message","excerpt"}]}`.
    Json,
}

/// `resdiff check`.
#[derive(Debug, Clone, Args)]
pub struct CheckArgs {
    /// The draft to review, or OLD and NEW to review the changes between them.
    #[arg(required = true, num_args = 1..=2, value_name = "DRAFT")]
    pub files: Vec<PathBuf>,
    /// The rules file (TOML; see the README) [default: `rules` in the
    /// configuration file, or $RESDIFF_RULES]
    #[arg(long, short = 'r', value_name = "FILE")]
    pub rules: Option<PathBuf>,
    /// Output format [default: json for -o FILE.json, else table].
    #[arg(long, short = 'f', value_name = "FORMAT")]
    pub format: Option<CheckFormat>,
    /// When to use colour [default: auto]
    #[arg(long, value_name = "WHEN")]
    pub color: Option<ColorChoice>,
    /// Width of the table in columns [default: the terminal's, else 100].
    #[arg(long, short = 'w', value_name = "N")]
    pub width: Option<u16>,
    /// Write to FILE instead of standard output (written whole, or not at all).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Input options.
    #[command(flatten)]
    pub input: InputArgs,
}

/// `resdiff git-diff`.
#[derive(Debug, Clone, Args)]
pub struct GitDiffArgs {
    /// What git passes: PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE [NEW-PATH INFO].
    #[arg(required = true, num_args = 1..=9, value_name = "GIT-ARGS", allow_hyphen_values = true)]
    pub git: Vec<String>,
    /// Hide clauses without substantive change.
    #[arg(long, short = 'c')]
    pub changes_only: bool,
    /// Output options (default format: plain).
    #[command(flatten)]
    pub output: OutputArgs,
    /// Input options.
    #[command(flatten)]
    pub input: InputArgs,
}

fn parse_threshold(s: &str) -> Result<f32, String> {
    let v: f32 = s.parse().map_err(|_| format!("`{s}` is not a number"))?;
    if (0.0..=1.0).contains(&v) {
        Ok(v)
    } else {
        Err(format!("{v} is outside 0 to 1"))
    }
}

/// `resdiff library`.
#[derive(Debug, Clone, Args)]
pub struct LibraryArgs {
    /// What to do with the library.
    #[command(subcommand)]
    pub command: LibraryCommand,
    /// The library folder [default: $XDG_DATA_HOME/resdiff/library, else
    /// ~/.local/share/resdiff/library].
    #[arg(long, global = true, value_name = "PATH")]
    pub library: Option<PathBuf>,
}

/// `resdiff library` subcommands.
#[derive(Debug, Clone, Subcommand)]
pub enum LibraryCommand {
    /// Index every readable file under the folders (or the files named).
    Add {
        /// Folders (searched to any depth) or files.
        #[arg(required = true, value_name = "DIR")]
        paths: Vec<PathBuf>,
        /// Input options.
        #[command(flatten)]
        input: InputArgs,
    },
    /// List the documents in the library.
    List,
    /// Remove documents, named by symbol, path or content hash.
    Remove {
        /// Symbols (`A/RES/ES-11/4`), paths as added, or content hashes.
        #[arg(required = true, value_name = "DOC")]
        docs: Vec<String>,
    },
}

/// `resdiff trace`.
#[derive(Debug, Clone, Args)]
pub struct TraceArgs {
    /// The draft (a file, or - for standard input).
    pub draft: PathBuf,
    /// The library folder [default: $XDG_DATA_HOME/resdiff/library, else
    /// ~/.local/share/resdiff/library].
    #[arg(long, value_name = "PATH")]
    pub library: Option<PathBuf>,
    /// Sources shown per clause.
    #[arg(long, short = 'n', value_name = "N", default_value_t = 3)]
    pub top: usize,
    /// How similar the closest source must be (0 to 1, share of words in
    /// common) for a clause to count as adapted rather than new [default: 0.5]
    #[arg(long, short = 't', value_name = "F", value_parser = parse_threshold)]
    pub threshold: Option<f32>,
    /// Output options.
    #[command(flatten)]
    pub output: OutputArgs,
    /// Input options.
    #[command(flatten)]
    pub input: InputArgs,
}
