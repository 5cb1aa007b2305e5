//! Build script: records the commit the binary is built from, for `--version`,
//! and links the binary as a fixed-address executable on Linux.

use std::process::Command;

fn main() {
    link_at_fixed_address();
    // a release tarball has no git: RESDIFF_COMMIT may say, else "unknown"
    let commit = std::env::var("RESDIFF_COMMIT").ok().or_else(|| {
        let out = Command::new("git")
            .args(["rev-parse", "--short=10", "HEAD"])
            .output()
            .ok()?;
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
    });
    let dirty = Command::new("git")
        .args(["status", "--porcelain", "--untracked-files=no"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .is_some_and(|o| !o.stdout.is_empty());
    let commit = match commit {
        Some(c) if dirty => format!("{c}, modified"),
        Some(c) => c,
        None => "unknown".to_string(),
    };
    println!("cargo:rustc-env=RESDIFF_COMMIT={commit}");
    println!("cargo:rerun-if-env-changed=RESDIFF_COMMIT");
    for path in [".git/HEAD", ".git/index", ".git/refs/heads"] {
        if std::path::Path::new(path).exists() {
            println!("cargo:rerun-if-changed={path}");
        }
    }
}

/// Links the `resdiff` binary as a position-dependent executable on Linux.
///
/// As a position-independent executable (Rust's default), the dynamic
/// loader must patch some 32,000 pointers at every start, mostly the name
/// tables of the PDF and HTML crates: it reads 750 KB of relocations and
/// copies about 160 pages it writes to, before `main`. That was a third of
/// a millisecond of each run, and the largest part of resdiff's start-up
/// above git's (measured with `benches/peers.sh`). Linked at a fixed
/// address, those pointers are resolved once, by the linker.
///
/// What this gives up is the address randomisation of the binary's own
/// code (libraries, stack and heap stay randomised). resdiff reads
/// untrusted documents, so a packager who prefers randomisation can set
/// `RESDIFF_PIE=1` when building. Only the binary is affected: the library,
/// tests and fuzz targets build as usual.
fn link_at_fixed_address() {
    println!("cargo:rerun-if-env-changed=RESDIFF_PIE");
    let linux = std::env::var("CARGO_CFG_TARGET_OS").is_ok_and(|os| os == "linux");
    let wanted = std::env::var_os("RESDIFF_PIE").is_none_or(|v| v.is_empty() || v == "0");
    if linux && wanted {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
