//! `resdiff check`: reads the rules and the draft (or OLD and NEW), reviews,
//! writes the findings, and turns an error finding into exit status 1.

use std::path::Path;

use anyhow::Result;
use resdiff::check::{self, Finding};
use resdiff::cli::{CheckArgs, CheckFormat, MatchArgs, OutputArgs};
use resdiff::load::load_path;
use resdiff::render::{self, Format};
use resdiff::{Pair, exit, parse};

use super::{emit, load_options, render_options};

/// Runs a check and returns the exit status.
pub fn run(args: CheckArgs) -> Result<u8> {
    let lopts = load_options(&args.input);
    // the rules first: a bad rules file is reported before any draft is read
    let Some(rules_path) = args
        .rules
        .clone()
        .or_else(|| super::config::get().rules.clone())
    else {
        anyhow::bail!(
            "no rules file: give --rules FILE (or `rules` in the configuration file, or RESDIFF_RULES)"
        );
    };
    let rules = check::load_rules(&rules_path, &lopts)?;
    let read = |p: &Path| load_path(p, &lopts).and_then(|d| parse::parse_in(&d, args.input.lang));
    let findings: Vec<Finding> = match &args.files[..] {
        [draft] => {
            let skipped = rules.comparing_rules();
            if !skipped.is_empty() {
                // not silently "no findings": say which rules did not run
                eprintln!(
                    "resdiff: warning: {}: not applied to one draft: {} compare{} two versions; give OLD and NEW to apply {}",
                    rules_path.display(),
                    skipped.join(", "),
                    if skipped.len() == 1 { "s" } else { "" },
                    if skipped.len() == 1 { "it" } else { "them" },
                );
            }
            check::check_one(&read(draft)?, &rules)
        }
        [old, new] => {
            let res = Pair::new(read(old)?, read(new)?);
            // no matching flags here: the configuration's, else the defaults
            let diff = resdiff::compare(res, &super::compare_options(&MatchArgs::default()));
            check::check_changes(&diff, &rules)
        }
        _ => unreachable!("clap takes one or two files"),
    };
    let out = OutputArgs {
        // `-o findings.json` asks for JSON; any other file gets the table
        format: Some(match args.format {
            Some(CheckFormat::Table) => Format::Table,
            Some(CheckFormat::Json) => Format::Json,
            None => match args.output.as_deref().and_then(Format::from_path) {
                Some(Format::Json) => Format::Json,
                _ => Format::Table,
            },
        }),
        color: args.color,
        width: args.width,
        output: args.output.clone(),
    };
    let ropts = render_options(&out, false);
    emit(args.output.as_deref(), |w| {
        render::render_findings(&findings, &ropts, w)
    })?;
    Ok(if check::has_errors(&findings) {
        exit::CHECK_FAILED
    } else {
        exit::NO_CHANGES
    })
}
