//! `resdiff library add|list|remove` and `resdiff trace`: the library
//! folder resolved, a progress bar while adding, reports written whole.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use anyhow::{Result, bail};
use resdiff::cli::{LibraryArgs, LibraryCommand, TraceArgs};
use resdiff::library::{self, Library, content_hash, files_under};
use resdiff::load::{load_bytes, read_path};
use resdiff::render::{self, Format};
use resdiff::trace::{TraceOptions, trace as trace_draft};
use resdiff::{exit, parse};

use super::{config, emit, load_options, render_options};

/// The library folder: `--library`, else the default in the data directory.
fn folder(given: Option<PathBuf>) -> Result<PathBuf> {
    match given.or_else(library::default_path) {
        Some(p) => Ok(p),
        None => {
            bail!("no data directory (neither XDG_DATA_HOME nor HOME is set): give --library PATH")
        }
    }
}

/// Runs a `library` subcommand.
pub fn run(args: LibraryArgs) -> Result<u8> {
    let dir = folder(args.library)?;
    match args.command {
        LibraryCommand::Add { paths, input } => add(&dir, &paths, &load_options(&input)),
        LibraryCommand::List => list(&dir),
        LibraryCommand::Remove { docs } => remove(&dir, &docs),
    }
}

fn add(dir: &std::path::Path, paths: &[PathBuf], lopts: &resdiff::load::LoadOptions) -> Result<u8> {
    let (files, mut skipped) = files_under(paths);
    let mut lib = Library::open_or_create(dir)?;
    // a progress bar on a terminal only; a pipe or a log stays clean
    let bar = if std::io::stderr().is_terminal() {
        let pb = indicatif::ProgressBar::new(files.len() as u64);
        pb.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} indexing {pos}/{len} {wide_bar} {elapsed} ({per_sec})",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        pb
    } else {
        indicatif::ProgressBar::hidden()
    };
    let tick = || bar.inc(1);
    let report = lib.add(&files, lopts, &tick)?;
    bar.finish_and_clear();
    skipped.extend(report.skipped.iter().cloned());
    let mut err = std::io::stderr().lock();
    for s in &skipped {
        writeln!(err, "resdiff: skipped {}: {}", s.path, s.reason)?;
    }
    let total = lib.searcher().documents();
    let replaced = match report.replaced {
        0 => String::new(),
        1 => " (1 a new version of a file added before)".to_string(),
        n => format!(" ({n} new versions of files added before)"),
    };
    let mut msg = format!(
        "added {}{replaced}, {} already there, {} skipped; {} now holds {}",
        plural(report.added.len(), "document"),
        report.unchanged,
        skipped.len(),
        dir.display(),
        plural(total as usize, "document"),
    );
    msg.push('\n');
    emit(None, |out| out.write_all(msg.as_bytes()))?;
    Ok(exit::NO_CHANGES)
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn list(dir: &std::path::Path) -> Result<u8> {
    let lib = Library::open(dir)?;
    let entries = lib.list();
    let mut s = String::new();
    for e in &entries {
        s.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\n",
            e.symbol.as_deref().unwrap_or("-"),
            e.date.as_deref().unwrap_or("-"),
            if e.adopted { "adopted" } else { "draft" },
            plural(e.clauses as usize, "clause"),
            e.path
        ));
    }
    emit(None, |out| out.write_all(s.as_bytes()))?;
    Ok(exit::NO_CHANGES)
}

fn remove(dir: &std::path::Path, docs: &[String]) -> Result<u8> {
    let mut lib = Library::open(dir)?;
    let gone = lib.remove(docs)?;
    if gone.is_empty() {
        bail!("{}: no document matches {}", dir.display(), docs.join(", "));
    }
    let mut s = String::new();
    for e in &gone {
        s.push_str(&format!("removed {} ({})\n", e.name(), e.path));
    }
    emit(None, |out| out.write_all(s.as_bytes()))?;
    Ok(exit::NO_CHANGES)
}

/// `resdiff trace`.
pub fn trace(args: TraceArgs) -> Result<u8> {
    let lopts = load_options(&args.input);
    let (name, bytes) = read_path(&args.draft, &lopts)?;
    let hash = content_hash(&bytes);
    let draft = parse::parse(&load_bytes(&name, bytes, &lopts)?)?;
    let lib = Library::open(&folder(args.library.clone())?)?;
    let opts = TraceOptions {
        top: args.top.max(1),
        threshold: args
            .threshold
            .or(config::get().threshold)
            .unwrap_or(resdiff::align::DEFAULT_THRESHOLD),
    };
    let t = trace_draft(&draft, &hash, &lib, &opts)?;
    let mut ropts = render_options(&args.output, false);
    if ropts.format == Format::Akn {
        bail!("--format akn writes the structure of one draft: use it with `resdiff show`");
    }
    if ropts.format == Format::Json {
        ropts.theme = render::Theme::new(false);
    }
    emit(args.output.output.as_deref(), |out| {
        render::render_trace(&t, &ropts, out)
    })?;
    Ok(exit::NO_CHANGES)
}
