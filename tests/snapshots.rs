//! What a person sees, pinned: the table at fixed widths without colour,
//! the plain lines and the JSON, on the bundled drafts. Review changes with
//! `cargo insta review`.

mod common;

use common::*;

fn run(args: &[&str]) -> String {
    let out = resdiff().args(args).current_dir(root()).output().unwrap();
    assert!(
        out.status.code().unwrap() < 2,
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn table_us_draft_against_adopted_text_80_columns() {
    insta::assert_snapshot!(run(&[
        "compare",
        "-f",
        "table",
        "-w",
        "80",
        "resolutions/A-ES-11-L.11.txt",
        "resolutions/A-RES-ES-11-8.txt"
    ]));
}

#[test]
fn table_us_draft_against_eu_draft_200_columns() {
    insta::assert_snapshot!(run(&[
        "compare",
        "-f",
        "table",
        "-w",
        "200",
        "resolutions/A-ES-11-L.11.txt",
        "resolutions/A-ES-11-L.10.txt"
    ]));
}

#[test]
fn table_changes_only_between_es_11_1_and_es_11_4() {
    insta::assert_snapshot!(run(&[
        "compare",
        "-f",
        "table",
        "-w",
        "120",
        "-c",
        "resolutions/A-RES-ES-11-1.txt",
        "resolutions/A-RES-ES-11-4.txt"
    ]));
}

#[test]
fn plain_us_draft_against_security_council_resolution() {
    insta::assert_snapshot!(run(&[
        "compare",
        "-f",
        "plain",
        "resolutions/A-ES-11-L.11.txt",
        "resolutions/S-RES-2774.txt"
    ]));
}

#[test]
fn json_us_draft_against_adopted_text() {
    let v: serde_json::Value = serde_json::from_str(&run(&[
        "compare",
        "-f",
        "json",
        "resolutions/A-ES-11-L.11.txt",
        "resolutions/A-RES-ES-11-8.txt",
    ]))
    .unwrap();
    insta::assert_json_snapshot!(v);
}

#[test]
fn show_table_us_draft() {
    insta::assert_snapshot!(run(&[
        "show",
        "-f",
        "table",
        "-w",
        "100",
        "resolutions/A-ES-11-L.11.txt"
    ]));
}
