//! `resdiff git-diff`: git's external diff driver. git calls it with seven
//! arguments (nine for a rename) and stops at a non-zero exit, so a
//! comparison that finds changes still exits 0.

use anyhow::{Context, Result, bail};
use resdiff::cli::{GitDiffArgs, MatchArgs};
use resdiff::load::load_bytes;
use resdiff::parse::Resolution;
use resdiff::render::{self, Format};
use resdiff::{Pair, exit, parse};

use super::{emit, load_options, render_options};

/// Runs one file's diff for git.
pub fn run(args: GitDiffArgs) -> Result<u8> {
    let git = &args.git;
    let (path, old, new) = match git.len() {
        // an unmerged path: git passes the path alone
        1 => {
            println!("* Unmerged path {}", git[0]);
            return Ok(exit::NO_CHANGES);
        }
        7 | 9 => (&git[0], &git[1], &git[4]),
        n => bail!(
            "git-diff takes the 7 arguments git passes to an external diff (9 for a rename), not {n}; \
             configure it with `git config diff.resdiff.command 'resdiff git-diff'`"
        ),
    };
    // a rename names the new path last but one
    let new_path = if git.len() == 9 { &git[7] } else { path };
    let lopts = load_options(&args.input);
    let read = |file: &str, name: String| -> Result<Resolution> {
        // git's name for "no such version": the file was added or deleted
        if file == "/dev/null" {
            return Ok(Resolution {
                source: name,
                ..Resolution::default()
            });
        }
        // git hands over temporary files: errors name the file in the repository
        let bytes = std::fs::read(file).with_context(|| format!("{name}: cannot read {file}"))?;
        Ok(parse::parse_in(
            &load_bytes(&name, bytes, &lopts)?,
            args.input.lang,
        )?)
    };
    let res = Pair::new(
        read(old, format!("a/{path}"))?,
        read(new, format!("b/{new_path}"))?,
    );
    // no matching flags here: the configuration's, else the defaults
    let diff = resdiff::compare(res, &super::compare_options(&MatchArgs::default()));
    let mut output = args.output.clone();
    output.format =
        Some(super::asked_format(output.format, output.output.as_deref()).unwrap_or(Format::Plain));
    let ropts = render_options(&output, args.changes_only);
    emit(output.output.as_deref(), |out| {
        writeln!(out, "diff --resdiff a/{path} b/{new_path}")?;
        render::render(&diff, &ropts, out)
    })?;
    Ok(exit::NO_CHANGES)
}
