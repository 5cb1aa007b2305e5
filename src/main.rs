//! The `resdiff` binary: parses arguments, runs, owns the exit status.

mod app;

use std::process::ExitCode;

use clap::Parser;
use resdiff::cli::Cli;
use resdiff::exit;

fn main() -> ExitCode {
    keep_freed_memory();
    // A panic is a bug in resdiff, never the user's input: say so in one
    // line (no backtrace) and exit with the error status.
    std::panic::set_hook(Box::new(|info| {
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown cause".into());
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!(
            "resdiff: internal error{at}: {what} (this is a bug in resdiff; please report it)"
        );
    }));
    let cli = Cli::parse();
    match std::panic::catch_unwind(|| app::run(cli)) {
        Ok(Ok(code)) => ExitCode::from(code),
        Ok(Err(err)) => {
            // a closed pipe (`resdiff ... | head`) is not an error
            if err.chain().any(|e| {
                e.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::from(exit::NO_CHANGES);
            }
            // one line, whatever a message quotes from its input
            eprintln!("resdiff: {}", resdiff::error::one_line(format!("{err:#}")));
            ExitCode::from(exit::ERROR)
        }
        Err(_) => ExitCode::from(exit::ERROR),
    }
}

/// Tells glibc's allocator to keep the memory a run frees, for the next
/// stage to reuse, instead of handing it back to the system.
///
/// By default glibc serves blocks over 128 KB (a draft's text, the
/// clause lists, the token tables) with pages of their own and unmaps them
/// when freed, and trims the heap whenever its top 128 KB are free. A
/// comparison allocates and frees such blocks stage after stage, so the
/// next stage's memory arrived as fresh pages, one page fault each: on
/// the 300 KB generated pair about 90 of its 1,380 faults, a quarter of a
/// millisecond on this project's virtual machine. The heap also grows 4 MB
/// at a time, which is address space only: pages cost nothing until used.
/// resdiff is a process of a few milliseconds that exits when done: the
/// memory it keeps is released then.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn keep_freed_memory() {
    // glibc's ceiling for the mmap threshold on 64-bit systems; blocks
    // larger than this (a 100 MB input) still get pages of their own
    const MMAP_ABOVE: libc::c_int = 32 << 20;
    // SAFETY: mallopt only sets allocator parameters, which glibc guards
    // with its own lock; it is called before any other thread exists, and
    // a refused setting (a return of 0) leaves the default in place.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_ABOVE);
        libc::mallopt(libc::M_TRIM_THRESHOLD, 2 * MMAP_ABOVE);
        libc::mallopt(libc::M_TOP_PAD, 4 << 20);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn keep_freed_memory() {}
