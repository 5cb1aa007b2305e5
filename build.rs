//! Build script: records the commit the binary is built from, for `--version`.

use std::process::Command;

fn main() {
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
