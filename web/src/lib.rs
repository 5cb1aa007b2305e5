//! resdiff in the browser: the comparison the command line makes, exported to
//! JavaScript with wasm-bindgen for the self-contained page `web/page.html`.
//!
//! The same loaders ([`resdiff::load::load_bytes`]), the same parser, aligner
//! and word diff, the same renderers as `resdiff compare --format html`,
//! `--format markdown` and `--format json`: only the bytes come from the page
//! (a dropped or picked file, or pasted text) instead of a path.

use std::cell::RefCell;

use resdiff::load::{LoadOptions, load_bytes};
use resdiff::render::{self, Format, RenderOptions, Theme};
use resdiff::{AlignOptions, CompareOptions, Pair, ResolutionDiff, parse};
use wasm_bindgen::prelude::*;

thread_local! {
    /// The message of the last panic, for the page to show: a panic in
    /// WebAssembly aborts the call and JavaScript sees only "unreachable".
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Installs the panic hook that keeps a panic's message for [`last_panic`].
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        let line = resdiff::error::one_line(resdiff::error::panic_line(info));
        LAST_PANIC.with(|p| *p.borrow_mut() = Some(line));
    }));
}

/// The message of the panic that ended the last call, once.
#[wasm_bindgen]
pub fn last_panic() -> Option<String> {
    LAST_PANIC.with(|p| p.borrow_mut().take())
}

/// The report's style sheet, for the page to show reports in.
#[wasm_bindgen]
pub fn stylesheet() -> String {
    render::html::stylesheet()
}

/// The resdiff version, for the page's footer.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// The options of a comparison, as on the command line.
#[wasm_bindgen]
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// `--changes-only`: leave out clauses without substantive change.
    pub changes_only: bool,
    /// `--ignore-case`.
    pub ignore_case: bool,
    /// `--ignore-punctuation`.
    pub ignore_punctuation: bool,
    /// `--threshold`, 0 to 1.
    pub threshold: f32,
}

#[wasm_bindgen]
impl Options {
    /// The command line's defaults.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Options {
        Options::default()
    }
}

impl Default for Options {
    fn default() -> Self {
        Options {
            changes_only: false,
            ignore_case: false,
            ignore_punctuation: false,
            threshold: resdiff::align::DEFAULT_THRESHOLD,
        }
    }
}

/// A finished comparison, rendered on demand in each format.
#[wasm_bindgen]
pub struct Comparison {
    diff: ResolutionDiff,
    changes_only: bool,
}

#[wasm_bindgen]
impl Comparison {
    /// The report as `resdiff compare --format html` writes it.
    pub fn html(&self) -> Result<String, String> {
        self.render(Format::Html)
    }

    /// The report as `resdiff compare --format markdown` writes it.
    pub fn markdown(&self) -> Result<String, String> {
        self.render(Format::Markdown)
    }

    /// The report as `resdiff compare --format json` writes it.
    pub fn json(&self) -> Result<String, String> {
        self.render(Format::Json)
    }

    /// The comparison as a Word redline, the bytes `resdiff compare --format
    /// docx -o FILE` writes (tracked changes by `resdiff`, no date).
    pub fn docx(&self) -> Result<Vec<u8>, String> {
        render::docx::redline(&self.diff, &render::docx::DocxOptions::default())
            .map_err(|e| format!("resdiff: {e}"))
    }

    /// Whether there is a substantive difference (the command line's exit
    /// status 1 rather than 0).
    pub fn changed(&self) -> bool {
        self.diff.has_changes()
    }
}

impl Comparison {
    fn render(&self, format: Format) -> Result<String, String> {
        let opts = RenderOptions {
            format,
            theme: Theme::new(false),
            width: 100,
            changes_only: self.changes_only,
            labels: None,
        };
        let mut out = Vec::new();
        render::render(&self.diff, &opts, &mut out).map_err(|e| format!("resdiff: {e}"))?;
        String::from_utf8(out).map_err(|e| format!("resdiff: {e}"))
    }
}

/// The command line's error for an input over its size limit, or `None`:
/// the page asks before reading a file, so that a huge one is refused
/// without being read into memory (twice: JavaScript's copy and ours).
#[wasm_bindgen]
pub fn too_large(name: &str, size: f64) -> Option<String> {
    let limit = LoadOptions::default().max_bytes;
    // sizes above 2^53 are not exact in JavaScript, but they are still large
    let size = size as u64;
    (size > limit).then(|| {
        // the command line reads one byte past the limit, and says so
        let e = resdiff::error::Error::TooLarge {
            path: name.to_string(),
            size: size.min(limit + 1),
            limit,
        };
        format!("resdiff: {}", resdiff::error::one_line(e.to_string()))
    })
}

/// Compares two drafts given as bytes (any format the command line reads),
/// named as the page shows them. The error is the command line's one line.
#[wasm_bindgen]
pub fn compare(
    old: Vec<u8>,
    old_name: &str,
    new: Vec<u8>,
    new_name: &str,
    options: &Options,
) -> Result<Comparison, String> {
    compare_bytes(Pair::new((old_name, old), (new_name, new)), *options)
}

/// [`compare`] for Rust callers and tests.
pub fn compare_bytes(
    inputs: Pair<(&str, Vec<u8>)>,
    options: Options,
) -> Result<Comparison, String> {
    let t = options.threshold;
    if !(0.0..=1.0).contains(&t) {
        return Err(format!(
            "resdiff: the threshold must be a number from 0 to 1, not {t}"
        ));
    }
    let lopts = LoadOptions::default();
    let res = inputs
        .try_map(|(name, bytes)| parse::parse(&load_bytes(name, bytes, &lopts)?))
        .map_err(|e| format!("resdiff: {}", resdiff::error::one_line(e.to_string())))?;
    let copts = CompareOptions {
        align: AlignOptions {
            threshold: t,
            keys: resdiff::tokens::KeyOptions {
                ignore_case: options.ignore_case,
                ignore_punctuation: options.ignore_punctuation,
            },
            ..AlignOptions::default()
        },
    };
    Ok(Comparison {
        diff: resdiff::compare(res, &copts),
        changes_only: options.changes_only,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(name: &str) -> Vec<u8> {
        std::fs::read(format!(
            "{}/../resolutions/{name}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap()
    }

    #[test]
    fn the_html_is_the_command_lines() {
        let (a, b) = ("A-RES-ES-11-1.txt", "A-RES-ES-11-4.txt");
        let c = compare_bytes(Pair::new((a, read(a)), (b, read(b))), Options::default()).unwrap();
        let html = c.html().unwrap();
        assert!(c.changed());
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(html.contains("<del>") && html.contains("<ins>"));
    }

    #[test]
    fn a_file_over_the_limit_is_refused_by_its_size() {
        let limit = resdiff::load::DEFAULT_MAX_BYTES;
        assert_eq!(too_large("a.pdf", limit as f64), None);
        let e = too_large("a.pdf", 1e12).unwrap();
        assert!(
            e.starts_with(&format!("resdiff: a.pdf: {} bytes is over", limit + 1)),
            "{e}"
        );
    }

    #[test]
    fn a_bad_input_is_one_line_naming_it() {
        let e = compare_bytes(
            Pair::new(
                ("junk.bin", vec![0, 159, 146, 150, 0, 1]),
                ("b.txt", b"x".to_vec()),
            ),
            Options::default(),
        )
        .err()
        .unwrap();
        assert!(e.starts_with("resdiff: junk.bin: "), "{e}");
        assert!(!e.contains('\n'));
    }
}
