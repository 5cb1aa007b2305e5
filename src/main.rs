//! The `resdiff` binary: parses arguments, runs, owns the exit status.

mod app;

use std::process::ExitCode;

use clap::Parser;
use resdiff::cli::Cli;
use resdiff::exit;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match app::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            // a closed pipe (`resdiff ... | head`) is not an error
            if err.chain().any(|e| {
                e.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::from(exit::NO_CHANGES);
            }
            eprintln!("resdiff: {err:#}");
            ExitCode::from(exit::ERROR)
        }
    }
}
