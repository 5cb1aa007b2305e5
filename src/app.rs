//! Runs a parsed command line: resolves options, calls the library, writes
//! the output whole (or not at all).

use std::io::{IsTerminal, Write};
use std::path::Path;

mod amend;
mod check;
pub mod config;
mod git_diff;
mod library;
mod pager;
mod rivals;

fn bytecount_lines(b: &[u8]) -> usize {
    memchr::memchr_iter(b'\n', b).count()
}

use anyhow::{Context, Result};
use resdiff::cli::{
    BatchArgs, ColorChoice, Command, CompareArgs, HistoryArgs, InputArgs, MatchArgs, OutputArgs,
    ShowArgs,
};
use resdiff::load::{LoadOptions, load_bytes, load_path, read_path};
use resdiff::render::{self, Format, RenderOptions, Theme};
use resdiff::tokens::KeyOptions;
use resdiff::{AlignOptions, CompareOptions, Pair, exit, parse};

/// Runs one command and returns the exit status.
pub fn run(cli: resdiff::cli::Cli) -> Result<u8> {
    config::init(cli.config.as_deref())?;
    if cli.no_pager {
        NO_PAGER.store(true, std::sync::atomic::Ordering::Relaxed);
    }
    match cli.command {
        Command::Compare(args) => compare(args),
        Command::Show(args) => show(args),
        Command::History(args) => history(args),
        Command::Batch(args) => batch(args),
        Command::Rivals(args) => rivals::run(args),
        Command::Check(args) => check::run(args),
        Command::GitDiff(args) => git_diff::run(args),
        Command::Amend(args) => amend::run(args),
        Command::Library(args) => library::run(args),
        Command::Trace(args) => library::trace(args),
        Command::Completions { shell } => {
            // generated into memory first: clap_complete panics on a write error
            let mut cmd = <resdiff::cli::Cli as clap::CommandFactory>::command();
            let mut buf = Vec::new();
            clap_complete::generate(shell, &mut cmd, "resdiff", &mut buf);
            emit(None, |out| out.write_all(&buf))?;
            Ok(exit::NO_CHANGES)
        }
        Command::Leads { lang } => {
            emit(None, |out| {
                out.write_all(parse::scale(lang).describe().as_bytes())
            })?;
            Ok(exit::NO_CHANGES)
        }
        Command::Config => {
            let text = config::describe(cli.config.as_deref());
            emit(None, |out| out.write_all(text.as_bytes()))?;
            Ok(exit::NO_CHANGES)
        }
        Command::Man => {
            let cmd = <resdiff::cli::Cli as clap::CommandFactory>::command();
            emit(None, |out| clap_mangen::Man::new(cmd).render(out))?;
            Ok(exit::NO_CHANGES)
        }
    }
}

/// `--no-pager` was given.
static NO_PAGER: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// The matching options: the command line, else the configuration.
fn compare_options(m: &MatchArgs) -> CompareOptions {
    let s = config::get();
    CompareOptions {
        align: AlignOptions {
            threshold: m
                .threshold
                .or(s.threshold)
                .unwrap_or(resdiff::align::DEFAULT_THRESHOLD),
            keys: KeyOptions {
                ignore_case: m.ignore_case || s.ignore_case.unwrap_or(false),
                ignore_punctuation: m.ignore_punctuation || s.ignore_punctuation.unwrap_or(false),
            },
            ..AlignOptions::default()
        },
    }
}

fn load_options(i: &InputArgs) -> LoadOptions {
    LoadOptions {
        from: i.from,
        max_bytes: i.max_size,
        tracked_changes: i.tracked_changes,
    }
}

/// The format asked for: `--format`, else the one `-o`'s extension names
/// (`-o report.html`), else none (the command's default).
pub(crate) fn asked_format(format: Option<Format>, output: Option<&Path>) -> Option<Format> {
    format.or_else(|| output.and_then(Format::from_path))
}

/// Refuses a binary format (a Word document) without `-o FILE`: it is
/// never written to a terminal or a pipe.
pub(crate) fn check_output_file(format: Format, output: Option<&Path>) -> Result<()> {
    if format.needs_file() && output.is_none_or(|p| p == Path::new("-")) {
        anyhow::bail!("--format docx writes a Word file: give its name with -o FILE.docx");
    }
    Ok(())
}

/// `--revision-date`: a date as given, or the clock's time for `now`.
fn revision_date(s: &str) -> Result<String> {
    if s == "now" {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        return Ok(render::docx::revision_date_from_unix(secs));
    }
    render::docx::revision_date(s).map_err(|e| anyhow::anyhow!("--revision-date: {e}"))
}

/// Resolves `--format`, `--color` and `--width` against the environment.
fn render_options(o: &OutputArgs, changes_only: bool) -> RenderOptions {
    let to_terminal = o.output.is_none() && std::io::stdout().is_terminal();
    let format = asked_format(o.format, o.output.as_deref()).unwrap_or(if to_terminal {
        Format::Table
    } else {
        Format::Plain
    });
    if to_terminal && format == Format::Html {
        // a page of markup is for a browser: written as asked, not paged
        eprintln!(
            "resdiff: writing HTML to the terminal; `-o FILE.html` saves it as a page to open in a browser"
        );
        NO_PAGER.store(true, std::sync::atomic::Ordering::Relaxed);
    }
    let no_color_env = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let s = config::get();
    let choice = o
        .color
        .or_else(|| s.color.as_deref().and_then(config::parse_color))
        .unwrap_or_default();
    let color = match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            to_terminal && !no_color_env && std::env::var("TERM").map_or(true, |t| t != "dumb")
        }
    } && format != Format::Json;
    let width = o.width.or(s.width).unwrap_or_else(|| {
        if to_terminal && let Some((w, _)) = terminal_size() {
            return w;
        }
        std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(100)
    });
    RenderOptions {
        format,
        theme: Theme::new(color),
        width,
        changes_only,
        labels: None,
    }
}

/// The terminal's columns and rows, when it reports a usable size (a
/// pseudo-terminal without one says 0 by 0).
fn terminal_size() -> Option<(u16, u16)> {
    terminal_size::terminal_size()
        .map(|(w, h)| (w.0, h.0))
        .filter(|&(w, h)| w >= 20 && h >= 2)
}

fn compare(args: CompareArgs) -> Result<u8> {
    if let Some(f) = asked_format(args.output.format, args.output.output.as_deref()) {
        check_output_file(f, args.output.output.as_deref())?;
    }
    let lopts = load_options(&args.input);
    let parse = |input: resdiff::Result<(String, Vec<u8>)>| {
        input.and_then(|(name, bytes)| {
            parse::parse_in(&load_bytes(&name, bytes, &lopts)?, args.input.lang)
        })
    };
    let read_and_parse = |path: &Path| parse(read_path(path, &lopts));
    // Large inputs are read and parsed with rayon's join, not a thread of
    // their own: a new thread can wait for a scheduler tick (4 ms here)
    // before it runs, and join lets this thread take the second input back
    // if no worker has started on it yet. The worker starts while this
    // thread reads, and finds the second input waiting for it.
    let on_disk = |p: &Path| std::fs::metadata(p).map_or(0, |m| m.len());
    let (old, new) = if on_disk(&args.old).saturating_add(on_disk(&args.new)) > TWO_CORES_ABOVE {
        share_main_thread();
        rayon::join(|| read_and_parse(&args.old), || read_and_parse(&args.new))
    } else {
        // small on disk, or standard input: read first, and parse on two
        // cores only what costs more than its size says (see `worth_two_cores`)
        let (old, new) = (read_path(&args.old, &lopts), read_path(&args.new, &lopts));
        if worth_two_cores(&old, &new) {
            share_main_thread();
            rayon::join(|| parse(old), || parse(new))
        } else {
            (parse(old), parse(new))
        }
    };
    let res = Pair::new(old, new).try_map(|r| r)?;
    if res.old.lang != res.new.lang {
        return language_versions(&res, &args);
    }
    let mut diff = resdiff::compare(res, &compare_options(&args.matching));
    amend::attribute(&mut diff, &args.amendments, &lopts)?;
    let mut ropts = render_options(&args.output, args.changes_only);
    if args.label_old.is_some() || args.label_new.is_some() {
        let name = |label: &Option<String>, path: &Path| {
            label.clone().unwrap_or_else(|| {
                path.file_name().map_or_else(
                    || path.display().to_string(),
                    |n| n.to_string_lossy().into(),
                )
            })
        };
        ropts.labels = Some([
            name(&args.label_old, &args.old),
            name(&args.label_new, &args.new),
        ]);
    }
    let docx = render::docx::DocxOptions {
        author: args.author.clone(),
        date: args
            .revision_date
            .as_deref()
            .map(revision_date)
            .transpose()?,
    };
    emit(args.output.output.as_deref(), |out| match ropts.format {
        Format::Docx => out.write_all(&render::docx::redline(&diff, &docx)?),
        _ => render::render(&diff, &ropts, out),
    })?;
    let code = if diff.has_changes() {
        exit::CHANGES_FOUND
    } else {
        exit::NO_CHANGES
    };
    // the process ends here: freeing a large diff clause by clause is wasted time
    std::mem::forget(diff);
    Ok(code)
}

/// Makes this thread one of rayon's workers, before rayon's first use: the
/// pool then starts one thread fewer, and work handed to it from here runs
/// here too, instead of this thread sleeping while a third thread, competing
/// with the two workers for two cores, does it.
fn share_main_thread() {
    // fails only when the pool exists already, which is then used as it is
    let _ = rayon::ThreadPoolBuilder::new()
        .use_current_thread()
        .build_global();
}

/// Whether parsing two inputs on two cores pays for waking a second thread:
/// texts of about a quarter of a megabyte together (half a millisecond of
/// parsing), or any PDF or Word file, whose loading costs far more per byte.
fn worth_two_cores(
    old: &resdiff::Result<(String, Vec<u8>)>,
    new: &resdiff::Result<(String, Vec<u8>)>,
) -> bool {
    let costly = |b: &[u8]| b.starts_with(b"%PDF") || b.starts_with(b"PK\x03\x04");
    match (old, new) {
        (Ok((_, a)), Ok((_, b))) => {
            (a.len() + b.len()) as u64 > TWO_CORES_ABOVE || costly(a) || costly(b)
        }
        _ => false,
    }
}

/// Two language versions of one text: words cannot be compared, so their
/// structure and figures are checked against each other (`check`'s findings).
fn language_versions(res: &Pair<parse::Resolution>, args: &CompareArgs) -> Result<u8> {
    let (o, n) = (&res.old, &res.new);
    eprintln!(
        "resdiff: {} is in {}, {} in {}: checking one language version against the other \
         (paragraphs, sub-paragraphs, numbers, dates, symbols)",
        o.source,
        o.lang.name(),
        n.source,
        n.lang.name()
    );
    let findings = resdiff::check::versions::check_versions(o, n);
    let ropts = render_options(&args.output, false);
    emit(args.output.output.as_deref(), |out| {
        render::render_findings(&findings, &ropts, out)
    })?;
    Ok(if findings.is_empty() {
        exit::NO_CHANGES
    } else {
        exit::CHANGES_FOUND
    })
}

/// Bytes of input above which parsing the two drafts on two cores pays.
const TWO_CORES_ABOVE: u64 = 256 * 1024;

fn show(args: ShowArgs) -> Result<u8> {
    if let Some(f) = asked_format(args.output.format, args.output.output.as_deref()) {
        check_output_file(f, args.output.output.as_deref())?;
    }
    let doc = load_path(&args.file, &load_options(&args.input))?;
    let res = parse::parse_in(&doc, args.input.lang)?;
    let ropts = render_options(&args.output, false);
    emit(args.output.output.as_deref(), |out| {
        render::render_resolution(&res, &ropts, out)
    })?;
    Ok(exit::NO_CHANGES)
}

fn history(args: HistoryArgs) -> Result<u8> {
    use rayon::prelude::*;
    let lopts = load_options(&args.input);
    share_main_thread();
    let docs: Vec<parse::Resolution> = args
        .versions
        .par_iter()
        .map(|p| load_path(p, &lopts).and_then(|d| parse::parse_in(&d, args.input.lang)))
        .collect::<Result<_, _>>()?;
    if !args.labels.is_empty() && args.labels.len() != args.versions.len() {
        anyhow::bail!(
            "--labels names {} versions, but {} were given: give one label per version, in order",
            args.labels.len(),
            args.versions.len()
        );
    }
    let labels = (!args.labels.is_empty()).then(|| args.labels.clone());
    let h = resdiff::history::history_labelled(docs, &compare_options(&args.matching), labels);
    let ropts = render_options(&args.output, args.changes_only);
    emit(args.output.output.as_deref(), |out| {
        render::render_history(&h, &ropts, out)
    })?;
    Ok(if h.has_changes() {
        exit::CHANGES_FOUND
    } else {
        exit::NO_CHANGES
    })
}

fn batch(args: BatchArgs) -> Result<u8> {
    use resdiff::batch;
    let lopts = load_options(&args.input);
    share_main_thread();
    let old = batch::list_dir(&args.old_dir)?;
    let new = batch::list_dir(&args.new_dir)?;
    // a progress bar on a terminal only; a pipe or a log stays clean
    let bar = if std::io::stderr().is_terminal() {
        let pb = indicatif::ProgressBar::new((old.len() + new.len()) as u64 * 3 / 2);
        pb.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {pos}/{len} {wide_bar} {elapsed}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        pb
    } else {
        indicatif::ProgressBar::hidden()
    };
    let tick = || bar.inc(1);
    // the full comparisons are kept only to be written out
    let run = if args.out.is_some() {
        batch::run_keeping_diffs
    } else {
        batch::run
    };
    let report = run(&old, &new, &lopts, &compare_options(&args.matching), &tick);
    bar.finish_and_clear();
    if let Some(dir) = &args.out {
        write_batch_dir(dir, &report)?;
    }
    let ropts = render_options(&args.output, false);
    emit(args.output.output.as_deref(), |out| {
        render::render_batch(&report, &ropts, out)
    })?;
    Ok(if !report.skipped.is_empty() {
        exit::ERROR
    } else if report.has_changes() {
        exit::CHANGES_FOUND
    } else {
        exit::NO_CHANGES
    })
}

/// Writes one HTML and one JSON report per pair and an index.html linking them.
fn write_batch_dir(dir: &Path, report: &resdiff::batch::Batch) -> Result<()> {
    std::fs::create_dir_all(dir)
        .with_context(|| format!("{}: cannot create the directory", dir.display()))?;
    let json = RenderOptions {
        format: Format::Json,
        ..RenderOptions::default()
    };
    let html = RenderOptions {
        format: Format::Html,
        ..RenderOptions::default()
    };
    let mut links = Vec::new();
    for (k, p) in report.pairs.iter().enumerate() {
        let stem = Path::new(&p.new)
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        let name = format!(
            "{:03}-{}",
            k + 1,
            stem.replace(|c: char| !c.is_alphanumeric() && c != '-' && c != '.', "_")
        );
        if let Some(d) = &p.diff {
            emit(Some(&dir.join(format!("{name}.json"))), |out| {
                render::render(d, &json, out)
            })?;
            emit(Some(&dir.join(format!("{name}.html"))), |out| {
                render::render(d, &html, out)
            })?;
            links.push((p, name));
        }
    }
    let index = render::batch_index(report, &links);
    emit(Some(&dir.join("index.html")), |out| {
        out.write_all(index.as_bytes())
    })
}

/// Standard output for whole buffers: on Unix the file itself, past the
/// standard library's line buffer, which looks for the last newline in every
/// buffer written (a megabyte of JSON is scanned twice otherwise).
#[cfg(unix)]
fn raw_stdout() -> Box<dyn Write> {
    use std::os::fd::AsFd;
    match std::io::stdout().as_fd().try_clone_to_owned() {
        Ok(fd) => Box::new(std::fs::File::from(fd)),
        Err(_) => Box::new(std::io::stdout().lock()),
    }
}

#[cfg(not(unix))]
fn raw_stdout() -> Box<dyn Write> {
    Box::new(std::io::stdout().lock())
}

/// Writes the output: to stdout, or to a file through a temporary file in
/// the same directory renamed into place, so an error never leaves half a
/// file. Rendering starts only once every input has been read and parsed,
/// so what reaches stdout is never cut short by a bad input.
fn emit(
    path: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    match path {
        None => {
            let pager = config::get().pager_command();
            if std::io::stdout().is_terminal()
                && !NO_PAGER.load(std::sync::atomic::Ordering::Relaxed)
                && let Some(cmd) = pager
            {
                // on a terminal, output longer than the screen goes through
                // the pager, like git; a pager that cannot start is skipped
                let mut buf = Vec::new();
                write(&mut buf)?;
                let rows = terminal_size().map_or(24, |(_, h)| h as usize);
                if bytecount_lines(&buf) >= rows && pager::page(&cmd, &buf).is_ok() {
                    return Ok(());
                }
                let mut out = std::io::stdout().lock();
                out.write_all(&buf)?;
                out.flush()?;
            } else {
                let mut out = std::io::BufWriter::with_capacity(1 << 16, raw_stdout());
                write(&mut out)?;
                out.flush()?;
            }
        }
        Some(p) => {
            let ctx = || format!("{}: cannot write", p.display());
            let dir = p
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            let tmp = tempfile::NamedTempFile::new_in(dir).with_context(ctx)?;
            let mut out = std::io::BufWriter::new(tmp);
            write(&mut out).with_context(ctx)?;
            let tmp = out
                .into_inner()
                .map_err(|e| e.into_error())
                .with_context(ctx)?;
            // a report is for sharing: the temporary file's owner-only mode
            // gives way to the usual one (or the replaced file's)
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let mode = std::fs::metadata(p)
                    .map(|m| m.permissions().mode())
                    .unwrap_or(0o644);
                std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(mode & 0o777))
                    .with_context(ctx)?;
            }
            tmp.persist(p).with_context(ctx)?;
        }
    }
    Ok(())
}
