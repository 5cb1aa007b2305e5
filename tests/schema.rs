//! Real output validates against the JSON Schemas in `docs/schema/`: the
//! contract the README documents is the contract the binary keeps.

mod common;

use common::*;
use jsonschema::{Registry, Resource};
use serde_json::Value;

fn schema(name: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(root().join("docs/schema").join(name)).unwrap())
        .unwrap()
}

/// Validates `instance` against `docs/schema/<name>`, with the sibling
/// schemas available to `$ref`.
fn validate(name: &str, instance: &Value) {
    let base = "https://resdiff.example/schema/";
    let mut registry = Registry::new();
    for s in [
        "document.schema.json",
        "compare.schema.json",
        "history.schema.json",
        "batch.schema.json",
        "check.schema.json",
        "rivals.schema.json",
        "trace.schema.json",
    ] {
        registry = registry
            .add(format!("{base}{s}"), Resource::from_contents(schema(s)))
            .unwrap();
    }
    let registry = registry.prepare().unwrap();
    let validator = jsonschema::options()
        .with_registry(&registry)
        .build(&schema(name))
        .unwrap();
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .take(5)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{name}: {errors:#?}");
}

fn json(args: &[&str]) -> Value {
    let out = resdiff().args(args).current_dir(root()).output().unwrap();
    assert!(
        out.status.code().unwrap() < 2,
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn comparisons_match_the_schema() {
    for (old, new) in [
        (
            "resolutions/A-ES-11-L.11.txt",
            "resolutions/A-ES-11-L.10.txt",
        ),
        (
            "resolutions/A-ES-11-L.11.txt",
            "resolutions/A-RES-ES-11-8.txt",
        ),
        (
            "resolutions/A-RES-ES-11-1.txt",
            "resolutions/A-RES-ES-11-4.txt",
        ),
        (
            "resolutions/A-RES-ES-11-4.txt",
            "resolutions/A-RES-ES-11-4.txt",
        ),
    ] {
        validate(
            "compare.schema.json",
            &json(&["compare", "-f", "json", old, new]),
        );
    }
    validate(
        "compare.schema.json",
        &json(&[
            "compare",
            "-f",
            "json",
            "-c",
            "resolutions/A-RES-ES-11-1.txt",
            "resolutions/A-RES-ES-11-4.txt",
        ]),
    );
}

#[test]
fn a_comparison_with_splits_merges_moves_and_sub_paragraphs_matches_the_schema() {
    let Some(corpus) = corpus() else { return };
    let texts = files(&corpus.join("sc-drafts-text"), "txt");
    // consecutive corpus texts: unrelated drafts, so every kind of change
    for pair in texts.windows(2).take(6) {
        let (a, b) = (pair[0].display().to_string(), pair[1].display().to_string());
        validate(
            "compare.schema.json",
            &json(&["compare", "-f", "json", &a, &b]),
        );
    }
}

#[test]
fn a_comparison_with_a_changed_heading_matches_the_schema() {
    let dir = tempfile::tempdir().unwrap();
    let text = "The Security Council,\nRecalling its resolutions,\nPolitical situation\nReiterating that there can be no military solution,\n1. Decides to remain seized of the matter.\n";
    let (old, new) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
    std::fs::write(&old, text).unwrap();
    std::fs::write(&new, text.replace("Political situation\n", "")).unwrap();
    let v = json(&[
        "compare",
        "-f",
        "json",
        old.to_str().unwrap(),
        new.to_str().unwrap(),
    ]);
    assert_eq!(v["changes"][1]["heading"]["new"], serde_json::Value::Null);
    validate("compare.schema.json", &v);
}

#[test]
fn documents_match_the_schema() {
    for f in ["A-ES-11-L.11.txt", "A-RES-ES-11-1.txt", "S-RES-2774.txt"] {
        let v = json(&["show", "-f", "json", &format!("resolutions/{f}")]);
        let registry_free = schema("document.schema.json");
        assert_eq!(registry_free["$ref"], "#/$defs/doc");
        validate("document.schema.json", &v);
    }
}

#[test]
fn histories_batches_and_findings_match_their_schemas() {
    validate(
        "history.schema.json",
        &json(&[
            "history",
            "-f",
            "json",
            "resolutions/A-ES-11-L.11.txt",
            "resolutions/S-RES-2774.txt",
            "resolutions/A-RES-ES-11-8.txt",
        ]),
    );
    let dir = tempfile::tempdir().unwrap();
    let (o, n) = (dir.path().join("o"), dir.path().join("n"));
    std::fs::create_dir_all(&o).unwrap();
    std::fs::create_dir_all(&n).unwrap();
    std::fs::copy(bundled("A-ES-11-L.11.txt"), o.join("a.txt")).unwrap();
    std::fs::copy(bundled("A-RES-ES-11-8.txt"), n.join("a.txt")).unwrap();
    std::fs::copy(bundled("A-ES-11-L.10.txt"), n.join("b.txt")).unwrap();
    std::fs::write(n.join("junk.txt"), b"\x00\x01").unwrap();
    let out = resdiff()
        .args(["batch", "-f", "json"])
        .arg(&o)
        .arg(&n)
        .output()
        .unwrap();
    validate(
        "batch.schema.json",
        &serde_json::from_slice(&out.stdout).unwrap(),
    );
    validate(
        "check.schema.json",
        &json(&[
            "check",
            "-f",
            "json",
            "-r",
            "examples/rules/ukraine-2025.toml",
            "resolutions/A-ES-11-L.11.txt",
            "resolutions/A-RES-ES-11-8.txt",
        ]),
    );
}

#[test]
fn the_schema_rejects_what_the_contract_forbids() {
    // a validator that accepts everything would pass the tests above
    let mut v = json(&[
        "compare",
        "-f",
        "json",
        "resolutions/A-ES-11-L.11.txt",
        "resolutions/A-RES-ES-11-8.txt",
    ]);
    v["changes"][0]["kind"] = Value::from("rewritten");
    let base = "https://resdiff.example/schema/";
    let registry = Registry::new()
        .add(
            format!("{base}document.schema.json"),
            Resource::from_contents(schema("document.schema.json")),
        )
        .unwrap()
        .prepare()
        .unwrap();
    let validator = jsonschema::options()
        .with_registry(&registry)
        .build(&schema("compare.schema.json"))
        .unwrap();
    assert!(!validator.is_valid(&v));
}

#[test]
fn comparisons_with_amendments_and_amended_texts_match_the_schemas() {
    validate(
        "compare.schema.json",
        &json(&[
            "compare",
            "-f",
            "json",
            "resolutions/A-ES-11-L.11.txt",
            "resolutions/A-RES-ES-11-8.txt",
            "--amendments",
            "resolutions/A-ES-11-L.15.txt",
        ]),
    );
    // every kind of instruction, explained change by change
    let (draft, kinds) = (
        "tests/fixtures/amendments/draft.txt",
        "tests/fixtures/amendments/kinds.txt",
    );
    let amended = json(&["amend", "-f", "json", draft, kinds]);
    validate("document.schema.json", &amended);
    let dir = tempfile::tempdir().unwrap();
    let text = resdiff()
        .args(["amend", draft, kinds])
        .current_dir(root())
        .output()
        .unwrap()
        .stdout;
    let path = dir.path().join("amended.txt");
    std::fs::write(&path, text).unwrap();
    let v = json(&[
        "compare",
        "-f",
        "json",
        draft,
        path.to_str().unwrap(),
        "--amendments",
        kinds,
    ]);
    assert!(v["attribution"]["instructions"].as_array().unwrap().len() == 13);
    validate("compare.schema.json", &v);
}

#[test]
fn rival_matrices_match_the_schema() {
    let l10 = "resolutions/A-ES-11-L.10.txt";
    let l11 = "resolutions/A-ES-11-L.11.txt";
    let es8 = "resolutions/A-RES-ES-11-8.txt";
    let sc = "resolutions/S-RES-2774.txt";
    let v = json(&["rivals", "-f", "json", l10, l11, es8]);
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["rows"].as_array().unwrap().len(), 7);
    validate("rivals.schema.json", &v);
    for args in [
        vec!["rivals", "-f", "json", l11, es8, sc, l10],
        vec!["rivals", "-f", "json", "--changes-only", l11, sc, es8],
        vec!["rivals", "-f", "json", "--base", es8, l11, sc],
        vec!["rivals", "-f", "json", l11, l11],
    ] {
        validate("rivals.schema.json", &json(&args));
    }
}

#[test]
fn traces_match_the_schema() {
    // a library of the bundled texts: adopted, drafts, sub-paragraphs
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    let out = resdiff()
        .args(["library", "add", "resolutions", "--library"])
        .arg(&lib)
        .current_dir(root())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lib = lib.to_str().unwrap();
    for draft in [
        "resolutions/A-ES-11-L.10.txt",
        "resolutions/A-RES-ES-11-8.txt",
    ] {
        let v = json(&["trace", "-f", "json", "--library", lib, draft]);
        assert!(
            v["summary"]["adapted"].as_u64().unwrap() + v["summary"]["verbatim"].as_u64().unwrap()
                > 0
        );
        validate("trace.schema.json", &v);
        // and the schema is no rubber stamp
        let mut bad = v.clone();
        bad["clauses"][0]["class"] = Value::from("borrowed");
        let validator = jsonschema::validator_for(&schema("trace.schema.json")).unwrap();
        assert!(!validator.is_valid(&bad));
    }
}
