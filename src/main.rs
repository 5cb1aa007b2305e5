//! The `resdiff` binary: parses arguments, runs, owns the exit status.

mod app;

use std::process::ExitCode;

use clap::Parser;
use resdiff::cli::Cli;
use resdiff::exit;

fn main() -> ExitCode {
    // A panic is a bug in resdiff, never the user's input: say so in one
    // line (no backtrace) and exit with the error status.
    std::panic::set_hook(Box::new(|info| {
        eprintln!("{}", resdiff::error::panic_line(info));
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
