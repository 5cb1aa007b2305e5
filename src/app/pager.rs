//! Output through a pager (`less -RS` unless `$PAGER` or the configuration
//! says otherwise), as git does for long output on a terminal.

use std::io::Write;
use std::process::{Command, Stdio};

/// Runs the pager command line with `text` on its standard input and waits
/// for it. An error means the pager could not be started; the caller then
/// writes the text itself.
pub fn page(cmd: &str, text: &[u8]) -> std::io::Result<()> {
    let program = cmd.split_whitespace().next().unwrap_or("");
    if !found(program) {
        return Err(std::io::Error::new(
            std::io::ErrorKind::NotFound,
            program.to_string(),
        ));
    }
    let mut child = if cfg!(windows) {
        Command::new("cmd")
            .args(["/C", cmd])
            .stdin(Stdio::piped())
            .spawn()?
    } else {
        Command::new("sh")
            .args(["-c", cmd])
            .stdin(Stdio::piped())
            .env("LESSCHARSET", "utf-8")
            .spawn()?
    };
    if let Some(mut stdin) = child.stdin.take() {
        // the reader may quit before the end (`q` in less): not an error
        match stdin.write_all(text) {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => return Err(e),
            _ => {}
        }
    }
    child.wait()?;
    Ok(())
}

/// Whether a program can be run: a path that exists, or a name on `$PATH`.
fn found(program: &str) -> bool {
    if program.is_empty() {
        return false;
    }
    if program.contains('/') || program.contains('\\') {
        return std::path::Path::new(program).is_file();
    }
    let exts: &[&str] = if cfg!(windows) {
        &["", ".exe", ".cmd", ".bat"]
    } else {
        &[""]
    };
    std::env::var_os("PATH").is_some_and(|paths| {
        std::env::split_paths(&paths).any(|dir| {
            exts.iter()
                .any(|e| dir.join(format!("{program}{e}")).is_file())
        })
    })
}
