//! `resdiff rivals`: reads the drafts, builds the clause matrix, writes it.

use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use rayon::prelude::*;
use resdiff::cli::RivalsArgs;
use resdiff::load::load_path;
use resdiff::rivals::{RivalsOptions, rivals};
use resdiff::{exit, parse, render};

use super::{compare_options, emit, load_options, render_options, share_main_thread};

/// Runs `resdiff rivals`.
pub fn run(args: RivalsArgs) -> Result<u8> {
    let (paths, base) = with_base(&args.drafts, args.base.as_deref());
    if paths.len() < 2 {
        bail!("rivals needs two or more drafts (or one and --base)");
    }
    if paths.iter().filter(|p| p.as_os_str() == "-").count() > 1 {
        bail!("standard input (-) can be only one of the drafts");
    }
    let lopts = load_options(&args.input);
    share_main_thread();
    // all drafts are read and parsed before anything is written
    let docs: Vec<parse::Resolution> = paths
        .par_iter()
        .map(|p| load_path(p, &lopts).and_then(|d| parse::parse(&d)))
        .collect::<Result<_, _>>()?;
    let opts = RivalsOptions {
        compare: compare_options(&args.matching),
        base,
        against_base: args.base.is_some(),
    };
    let m = rivals(docs, &opts);
    let ropts = render_options(&args.output, args.changes_only);
    emit(args.output.output.as_deref(), |out| {
        render::render_rivals(&m, &ropts, out)
    })?;
    Ok(if m.has_differences() {
        exit::CHANGES_FOUND
    } else {
        exit::NO_CHANGES
    })
}

/// The drafts and the index of the base: `--base` names one of them (the
/// same path, or the same file by another path), or is put first.
fn with_base(drafts: &[PathBuf], base: Option<&Path>) -> (Vec<PathBuf>, usize) {
    let Some(b) = base else {
        return (drafts.to_vec(), 0);
    };
    let same = |p: &Path| {
        p == b
            || matches!(
                (p.canonicalize(), b.canonicalize()),
                (Ok(x), Ok(y)) if x == y
            )
    };
    match drafts.iter().position(|p| same(p)) {
        Some(k) => (drafts.to_vec(), k),
        None => {
            let mut v = vec![b.to_path_buf()];
            v.extend_from_slice(drafts);
            (v, 0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_is_found_among_the_drafts_or_put_first() {
        let d: Vec<PathBuf> = ["a.txt", "b.txt"].iter().map(PathBuf::from).collect();
        assert_eq!(with_base(&d, None), (d.clone(), 0));
        assert_eq!(with_base(&d, Some(Path::new("b.txt"))), (d.clone(), 1));
        let (v, k) = with_base(&d, Some(Path::new("c.txt")));
        assert_eq!((v.len(), k, v[0].as_path()), (3, 0, Path::new("c.txt")));
    }
}
