//! `resdiff check` end to end on the bundled 2025 drafts with the example
//! rules file: findings, exit statuses, JSON shape, and one clear line for
//! every bad rules file.

mod common;

use common::*;
use predicates::prelude::*;
use serde_json::Value;

const RULES: &str = "examples/rules/ukraine-2025.toml";
const L11: &str = "resolutions/A-ES-11-L.11.txt";
const ES8: &str = "resolutions/A-RES-ES-11-8.txt";

/// Runs `check ... -f json` and returns the exit status and the findings.
fn check(args: &[&str], rules: &str) -> (i32, Vec<Value>) {
    let out = resdiff()
        .arg("check")
        .args(args)
        .args(["--rules", rules, "-f", "json"])
        .current_dir(root())
        .output()
        .unwrap();
    let code = out.status.code().unwrap();
    assert!(code < 2, "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    (code, v["findings"].as_array().unwrap().clone())
}

/// (rule, severity, clause) of each finding.
fn brief(f: &[Value]) -> Vec<(String, String, String)> {
    f.iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["severity"].as_str().unwrap().to_string(),
                f["clause"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn t(rule: &str, severity: &str, clause: &str) -> (String, String, String) {
    (rule.into(), severity.into(), clause.into())
}

#[test]
fn us_draft_lacks_territorial_integrity() {
    let (code, f) = check(&[L11], RULES);
    assert_eq!(code, 1, "an error finding fails the check");
    assert_eq!(
        brief(&f),
        [
            t("require", "error", "document"),
            t("agreed", "warning", "document"),
            t("agreed", "info", "OP1"),
        ]
    );
    assert_eq!(
        f[0]["message"],
        "required phrase \"territorial integrity\" does not appear (the core of the European amendments)"
    );
    assert_eq!(f[0]["excerpt"], "");
    // "a lasting peace" is the closest the US draft comes to the agreed wording
    assert_eq!(
        f[2]["message"],
        "departs from agreed language (from ../../resolutions/A-ES-11-L.10.txt): [-comprehensive, just and-] lasting peace"
    );
    assert!(
        f[2]["excerpt"]
            .as_str()
            .unwrap()
            .contains("further urges a lasting peace between")
    );
}

#[test]
fn adopted_text_adds_territorial_integrity() {
    let (code, f) = check(&[L11, ES8], RULES);
    assert_eq!(code, 0, "warnings and info do not fail the check: {f:?}");
    assert_eq!(
        brief(&f),
        [
            t("agreed", "warning", "document"),
            t("agreed", "info", "OP1"),
            t("watch", "info", "OP1"),
        ]
    );
    assert_eq!(f[2]["message"], "\"territorial integrity\" added to OP1");
    assert!(
        f[2]["excerpt"]
            .as_str()
            .unwrap()
            .ends_with("sovereign equality and territorial integrity of States.")
    );
    assert_eq!(
        f[1]["message"],
        "departs from agreed language (from ../../resolutions/A-ES-11-L.10.txt): [-comprehensive, just and lasting-]{+just, lasting and comprehensive+} peace"
    );
}

#[test]
fn root_causes_are_forbidden() {
    // the rejected Russian amendment, written into the US draft by hand
    let dir = tempfile::tempdir().unwrap();
    let amended = dir.path().join("amended.txt");
    let text = std::fs::read_to_string(bundled("A-ES-11-L.11.txt")).unwrap().replace(
        "a lasting peace between Ukraine and the Russian Federation.",
        "a lasting peace between Ukraine and the Russian Federation, including by addressing its Root Causes.",
    );
    std::fs::write(&amended, text).unwrap();
    let (code, f) = check(&[L11, amended.to_str().unwrap()], RULES);
    assert_eq!(code, 1);
    let forbid: Vec<&Value> = f.iter().filter(|f| f["rule"] == "forbid").collect();
    assert_eq!(forbid.len(), 1, "{f:?}");
    assert_eq!(forbid[0]["severity"], "error");
    assert_eq!(forbid[0]["clause"], "OP1");
    assert_eq!(
        forbid[0]["message"],
        "forbidden phrase \"root causes\", new in this version (rejected Russian amendment)"
    );
    assert!(
        forbid[0]["excerpt"]
            .as_str()
            .unwrap()
            .ends_with("including by addressing its Root Causes.")
    );
    // the same text reviewed alone: no "new in this version"
    let (_, f) = check(&[amended.to_str().unwrap()], RULES);
    let forbid: Vec<&Value> = f.iter().filter(|f| f["rule"] == "forbid").collect();
    assert_eq!(
        forbid[0]["message"],
        "forbidden phrase \"root causes\" (rejected Russian amendment)"
    );
}

#[test]
fn demands_softened_to_calls_upon() {
    let (code, f) = check(
        &[
            "tests/fixtures/demands-old.txt",
            "tests/fixtures/demands-new.txt",
        ],
        RULES,
    );
    assert_eq!(code, 0);
    let lead: Vec<&Value> = f.iter().filter(|f| f["rule"] == "lead_words").collect();
    assert_eq!(lead.len(), 1, "{f:?}");
    assert_eq!(lead[0]["severity"], "warning");
    assert_eq!(lead[0]["clause"], "OP3");
    assert_eq!(
        lead[0]["message"],
        "lead word softened: Demands → Calls upon (OP1 → OP3)"
    );
    let watch: Vec<&Value> = f.iter().filter(|f| f["rule"] == "watch").collect();
    assert_eq!(watch.len(), 1);
    assert_eq!(watch[0]["message"], "\"aggression\" dropped from PP2");
    let agreed: Vec<&Value> = f
        .iter()
        .filter(|f| f["rule"] == "agreed" && f["clause"] == "PP1")
        .collect();
    assert_eq!(
        agreed[0]["message"],
        "departs from agreed language (from ../../resolutions/A-RES-ES-11-4.txt): sovereignty, independence, unity and territorial integrity of Ukraine [-within its internationally recognized borders-]"
    );
    // a softening rule made an error fails the check
    let dir = tempfile::tempdir().unwrap();
    let strict = dir.path().join("strict.toml");
    std::fs::write(&strict, "[lead_words]\nsoftening = \"error\"\n").unwrap();
    let (code, f) = check(
        &[
            "tests/fixtures/demands-old.txt",
            "tests/fixtures/demands-new.txt",
        ],
        strict.to_str().unwrap(),
    );
    assert_eq!(
        (code, brief(&f)),
        (1, vec![t("lead_words", "error", "OP3")])
    );
    // and the reverse comparison is a strengthening, info by default
    let (code, f) = check(
        &[
            "tests/fixtures/demands-new.txt",
            "tests/fixtures/demands-old.txt",
        ],
        strict.to_str().unwrap(),
    );
    assert_eq!((code, brief(&f)), (0, vec![t("lead_words", "info", "OP1")]));
}

#[test]
fn lead_and_watch_rules_need_two_texts() {
    let (code, f) = check(&["tests/fixtures/demands-new.txt"], RULES);
    assert_eq!(code, 0);
    assert!(
        f.iter()
            .all(|f| f["rule"] != "lead_words" && f["rule"] != "watch"),
        "{f:?}"
    );
}

#[test]
fn json_findings_have_exactly_the_documented_fields() {
    let (_, f) = check(&[L11, ES8], RULES);
    for x in &f {
        let mut keys: Vec<&str> = x.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort();
        assert_eq!(keys, ["clause", "excerpt", "message", "rule", "severity"]);
    }
}

#[test]
fn table_output_and_counts() {
    resdiff()
        .args(["check", L11, "-r", RULES, "-w", "100", "--color", "never"])
        .current_dir(root())
        .assert()
        .code(1)
        .stdout(predicate::str::contains("│ error    ┆ document ┆ require"))
        .stdout(predicate::str::contains("1 error · 1 warning · 1 info"))
        .stdout(predicate::str::contains("\x1b[").not());
    let dir = tempfile::tempdir().unwrap();
    let none = dir.path().join("none.toml");
    // a rule that finds nothing to report (an empty rules file is an error)
    std::fs::write(&none, "[[require]]\nphrase = \"path to peace\"\n").unwrap();
    resdiff()
        .args(["check", L11, "-r"])
        .arg(&none)
        .current_dir(root())
        .assert()
        .code(0)
        .stdout("no findings\n");
}

/// The one line on stderr for a rules file, with exit status 2 and nothing on stdout.
fn bad_rules(text: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("rules.toml");
    std::fs::write(&p, text).unwrap();
    let out = resdiff()
        .args(["check", "--rules", "rules.toml"])
        .arg(root().join(L11))
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    err
}

#[test]
fn bad_rules_files_name_the_line_and_the_problem() {
    assert_eq!(
        bad_rules(
            "# review\n[[require]]\nphrase = \"territorial integrity\"\nseverity = \"fatal\"\n"
        ),
        "resdiff: rules.toml: line 4: unknown severity \"fatal\" (expected error, warning or info)\n"
    );
    let e = bad_rules("[[forbid]]\nphrase = \"root causes\"\nseverty = \"error\"\n");
    assert!(
        e.starts_with("resdiff: rules.toml: line 3: unknown field `severty`, expected one of")
            && e.contains("`severity`"),
        "{e}"
    );
    let e = bad_rules("[[forbids]]\nphrase = \"x\"\n");
    assert!(
        e.contains("line 1: unknown field `forbids`") && e.contains("`forbid`"),
        "{e}"
    );
    let e = bad_rules("[[agreed]]\nphrase = \"x\"\nsource = \"nowhere.txt\"\n");
    assert!(
        e.starts_with("resdiff: rules.toml: line 3: source of agreed language: "),
        "{e}"
    );
    let e = bad_rules("[[require]\nphrase = \"x\"\n");
    assert!(e.starts_with("resdiff: rules.toml: line 1: "), "{e}");
}

#[test]
fn a_misquoted_source_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("rules.toml");
    std::fs::write(
        &p,
        format!(
            "[[agreed]]\nphrase = \"sovereignty, independence and territorial integrity of Ukraine\"\nsource = \"{}\"\n",
            bundled("A-RES-ES-11-4.txt").display()
        ),
    )
    .unwrap();
    let (_, f) = check(&["resolutions/A-RES-ES-11-4.txt"], p.to_str().unwrap());
    assert!(
        f.iter().any(|f| f["message"]
            .as_str()
            .unwrap()
            .contains("is not verbatim in its source")),
        "{f:?}"
    );
}

#[test]
fn example_rules_parse_and_each_table_fires_somewhere() {
    let mut seen = std::collections::BTreeSet::new();
    for args in [
        vec![L11],
        vec![L11, ES8],
        vec![
            "tests/fixtures/demands-old.txt",
            "tests/fixtures/demands-new.txt",
        ],
    ] {
        for f in check(&args, RULES).1 {
            seen.insert(f["rule"].as_str().unwrap().to_string());
        }
    }
    // forbid fires only on the hand-amended draft (root_causes_are_forbidden)
    assert_eq!(
        seen.into_iter().collect::<Vec<_>>(),
        ["agreed", "lead_words", "require", "watch"]
    );
}

#[test]
fn readme_rules_example_parses() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let block = readme
        .split("```toml\n")
        .nth(1)
        .and_then(|b| b.split("```").next())
        .expect("a toml block in the README");
    let rules = resdiff::check::parse_rules("README.md", block).unwrap();
    assert_eq!(
        (
            rules.require.len(),
            rules.forbid.len(),
            rules.agreed.len(),
            rules.watch.len()
        ),
        (1, 1, 1, 1)
    );
    assert!(rules.lead_words.is_some());
}

/// Issue 15's example: between rival drafts, `Demands that the Russian
/// Federation immediately cease its use of force` and `Calls upon the parties
/// to cease their use of force` stand in the same place and share few words;
/// they are paired (loosely) and the softening of the lead is reported.
#[test]
fn rival_wording_in_the_same_place_reports_the_softening() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules.toml");
    std::fs::write(&rules, "[lead_words]\nsoftening = \"warning\"\n").unwrap();
    let (code, f) = check(
        &[
            "tests/fixtures/rivals/register-old.txt",
            "tests/fixtures/rivals/register-new.txt",
        ],
        rules.to_str().unwrap(),
    );
    let softened: Vec<&Value> = f
        .iter()
        .filter(|f| f["rule"] == "lead_words" && f["clause"] == "OP1")
        .collect();
    assert_eq!(softened.len(), 1, "{f:?}");
    assert_eq!(softened[0]["severity"], "warning");
    let message = softened[0]["message"].as_str().unwrap();
    assert!(
        message.contains("Demands") && message.contains("Calls upon"),
        "{message}"
    );
    assert_eq!(code, 0, "warnings alone pass");
    // and the comparison says the pairing is loose
    resdiff()
        .args([
            "compare",
            "tests/fixtures/rivals/register-old.txt",
            "tests/fixtures/rivals/register-new.txt",
            "--color",
            "never",
            "-f",
            "plain",
        ])
        .current_dir(root())
        .assert()
        .code(1)
        .stdout(predicate::str::contains("~ (loose) lead↓ OP1"));
}

/// Issue 21: an operative paragraph moved to the preamble is a softening,
/// the reverse a strengthening, with the `[lead_words]` severities.
#[test]
fn a_clause_moved_to_the_preamble_is_a_softening() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules.toml");
    std::fs::write(&rules, "[lead_words]\nsoftening = \"error\"\n").unwrap();
    let op = "Welcomes the continued efforts of the Organization for Security and Cooperation in Europe to monitor the ceasefire along the line of contact;";
    let pp = "Welcoming the continued efforts of the Organization for Security and Cooperation in Europe to monitor the ceasefire along the line of contact,";
    let head = "The General Assembly,\n\nRecalling its resolution 68/262 of 27 March 2014,\n\n";
    let old = dir.path().join("old.txt");
    let new = dir.path().join("new.txt");
    std::fs::write(&old, format!("{head}1. Calls upon all parties to respect the ceasefire;\n\n2. {op}\n\n3. Decides to remain seized of the matter.\n")).unwrap();
    std::fs::write(&new, format!("{head}{pp}\n\n1. Calls upon all parties to respect the ceasefire;\n\n2. Decides to remain seized of the matter.\n")).unwrap();
    let (code, f) = check(
        &[old.to_str().unwrap(), new.to_str().unwrap()],
        rules.to_str().unwrap(),
    );
    assert_eq!(
        (code, brief(&f)),
        (1, vec![t("lead_words", "error", "PP2")])
    );
    assert!(
        f[0]["message"]
            .as_str()
            .unwrap()
            .contains("moved to the preamble (OP2 → PP2)"),
        "{f:?}"
    );
    let (code, f) = check(
        &[new.to_str().unwrap(), old.to_str().unwrap()],
        rules.to_str().unwrap(),
    );
    assert_eq!((code, brief(&f)), (0, vec![t("lead_words", "info", "OP2")]));
    assert!(
        f[0]["message"]
            .as_str()
            .unwrap()
            .contains("moved to the operative part"),
        "{f:?}"
    );
}
