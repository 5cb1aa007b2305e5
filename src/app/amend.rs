//! `resdiff amend` and `compare --amendments`: amendments applied or traced, failures reported.

use std::path::PathBuf;

use anyhow::Result;
use resdiff::amend::{self, Amendment, read_amendment};
use resdiff::cli::{AmendArgs, OutputArgs};
use resdiff::load::{LoadOptions, load_path};
use resdiff::render::{self, Format};
use resdiff::{ResolutionDiff, exit, parse};

use super::{emit, load_options, render_options};

fn read_all(paths: &[PathBuf], lopts: &LoadOptions) -> Result<Vec<Amendment>> {
    Ok(paths
        .iter()
        .map(|p| read_amendment(p, lopts))
        .collect::<Result<Vec<_>, _>>()?)
}

/// Applies the amendments and writes the amended text; returns the exit
/// status (1 when `--keep-going` left instructions out).
pub fn run(args: AmendArgs) -> Result<u8> {
    let format = super::asked_format(args.format, args.output.as_deref()).unwrap_or(Format::Plain);
    super::check_output_file(format, args.output.as_deref())?;
    let lopts = load_options(&args.input);
    let draft = parse::parse_in(&load_path(&args.draft, &lopts)?, args.input.lang)?;
    let amendments = read_all(&args.amendments, &lopts)?;
    let applied = amend::apply(&draft, &amendments, args.keep_going)?;
    let out = OutputArgs {
        format: Some(format),
        color: None,
        width: None,
        output: args.output.clone(),
    };
    let ropts = render_options(&out, false);
    emit(out.output.as_deref(), |w| {
        render::render_resolution(&applied.resolution, &ropts, w)
    })?;
    for f in &applied.failures {
        eprintln!("resdiff: {f} (not applied)");
    }
    Ok(if applied.failures.is_empty() {
        exit::NO_CHANGES
    } else {
        exit::AMENDMENTS_LEFT_OUT
    })
}

/// Labels the changes of a comparison with the amendments that explain
/// them (nothing to do without `--amendments`).
pub fn attribute(diff: &mut ResolutionDiff, paths: &[PathBuf], lopts: &LoadOptions) -> Result<()> {
    if paths.is_empty() {
        return Ok(());
    }
    let amendments = read_all(paths, lopts)?;
    amend::attribute(diff, &amendments)?;
    Ok(())
}
