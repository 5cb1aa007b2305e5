//! The six official languages end to end: test drafts written for these
//! tests in Arabic, Chinese, French, Russian and Spanish (tests/fixtures/lang,
//! not real documents) read with the right structure, pairs of revisions
//! compared with the exact links and word edits written below by hand, and
//! a French version of a bundled English resolution checked against it.

mod common;

use common::*;
use serde_json::Value;

const DIR: &str = "tests/fixtures/lang";

fn run_json(args: &[&str]) -> (i32, Value) {
    let out = resdiff()
        .args(args)
        .args(["--format", "json"])
        .current_dir(root())
        .output()
        .unwrap();
    let code = out.status.code().unwrap();
    assert!(code < 2, "{}", String::from_utf8_lossy(&out.stderr));
    (code, serde_json::from_slice(&out.stdout).unwrap())
}

fn show(name: &str) -> Value {
    run_json(&["show", &format!("{DIR}/{name}")]).1
}

/// (id, lead) of every clause at every depth.
fn clauses(doc: &Value) -> Vec<(String, Option<String>)> {
    fn walk(c: &Value, out: &mut Vec<(String, Option<String>)>) {
        out.push((
            c["id"].as_str().unwrap().to_string(),
            c["lead"].as_str().map(str::to_string),
        ));
        for k in c["children"].as_array().unwrap() {
            walk(k, out);
        }
    }
    let mut out = Vec::new();
    for c in doc["clauses"].as_array().unwrap() {
        walk(c, &mut out);
    }
    out
}

/// A fixture and what it must read as: file, lang, organ, sponsors, date,
/// and the leads of PP1, PP2, PP3 and OP1.
type Expected = (
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static str,
    [&'static str; 4],
);

#[test]
fn each_language_reads_its_header_organ_clauses_and_leads() {
    let cases: [Expected; 5] = [
        (
            "fr-old.txt",
            "fr",
            "L’Assemblée générale,",
            &["Belgique", "Chili", "France"],
            "1er novembre 2099",
            ["Rappelant", "Profondément préoccupée", "Notant", "Exige"],
        ),
        (
            "es-old.txt",
            "es",
            "La Asamblea General,",
            &["Bélgica", "Chile", "Francia"],
            "27 de octubre de 2099",
            [
                "Recordando",
                "Profundamente preocupada",
                "Tomando nota",
                "Exige",
            ],
        ),
        (
            "ru-old.txt",
            "ru",
            "Генеральная Ассамблея,",
            &["Бельгия", "Франция", "Чили"],
            "27 октября 2099 года",
            [
                "ссылаясь",
                "будучи глубоко обеспокоена",
                "принимая к сведению",
                "требует",
            ],
        ),
        (
            "ar-old.txt",
            "ar",
            "إن الجمعية العامة،",
            &["بلجيكا", "شيلي", "فرنسا"],
            "27 تشرين الأول/أكتوبر 2099",
            [
                "إذ تشير",
                "وإذ يساورها بالغ القلق",
                "وإذ تحيط علما",
                "تطالب",
            ],
        ),
        (
            "zh-old.txt",
            "zh",
            "大会，",
            &["比利时", "智利", "法国"],
            "2099年10月27日",
            ["回顾", "深为关切", "注意到", "要求"],
        ),
    ];
    for (file, lang, organ, sponsors, date, leads) in cases {
        let d = show(file);
        assert_eq!(d["lang"], lang, "{file}");
        assert_eq!(d["organ"], organ, "{file}");
        assert_eq!(d["symbol"], "A/99/L.12", "{file}");
        assert_eq!(d["sponsors"], serde_json::json!(sponsors), "{file}");
        assert_eq!(d["header"]["date"], date, "{file}");
        let ids: Vec<String> = clauses(&d).into_iter().map(|c| c.0).collect();
        assert_eq!(
            ids,
            [
                "PP1", "PP2", "PP3", "OP1", "OP2", "OP3", "OP3(a)", "OP3(b)", "OP4"
            ],
            "{file}"
        );
        let got: Vec<Option<String>> = clauses(&d).into_iter().map(|c| c.1).collect();
        for (k, want) in [0, 1, 2, 3].into_iter().zip(leads) {
            assert_eq!(got[k].as_deref(), Some(want), "{file} clause {k}");
        }
    }
}

/// (kind, old ids, new ids, moved) of each change, and the words inserted
/// and deleted, in order.
fn links_and_edits(d: &Value) -> (Vec<String>, Vec<String>) {
    let mut links = Vec::new();
    let mut edits = Vec::new();
    fn walk(c: &Value, links: &mut Vec<String>, edits: &mut Vec<String>) {
        let ids = |k: &str| {
            c[k].as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap())
                .collect::<Vec<_>>()
                .join("+")
        };
        let moved = if c["moved"].as_bool().unwrap() {
            " moved"
        } else {
            ""
        };
        let mut l = format!(
            "{} {}>{}{moved}",
            c["kind"].as_str().unwrap(),
            ids("old"),
            ids("new")
        );
        if let Some(shift) = c["lead"]["shift"].as_f64() {
            l.push_str(&format!(" lead {shift:+}"));
        }
        links.push(l);
        if c["kind"] == "modified" {
            for s in c["segments"].as_array().unwrap() {
                // where the diff puts the space beside an insertion is its own choice
                let t = s["text"].as_str().unwrap().trim();
                match s["op"].as_str().unwrap() {
                    "insert" => edits.push(format!("+{t}")),
                    "delete" => edits.push(format!("-{t}")),
                    _ => {}
                }
            }
        }
        for k in c["children"].as_array().unwrap() {
            walk(k, links, edits);
        }
    }
    for c in d["changes"].as_array().unwrap() {
        walk(c, &mut links, &mut edits);
    }
    (links, edits)
}

fn compare_pair(lang: &str) -> (i32, Value) {
    run_json(&[
        "compare",
        &format!("{DIR}/{lang}-old.txt"),
        &format!("{DIR}/{lang}-new.txt"),
    ])
}

#[test]
fn french_revision_links_and_edits() {
    let (code, d) = compare_pair("fr");
    assert_eq!(code, 1);
    let (links, edits) = links_and_edits(&d);
    assert_eq!(
        links,
        [
            "unchanged PP1>PP1",
            "unchanged PP2>PP2",
            "deleted PP3>",
            "modified OP1>OP1 lead -2",
            "unchanged OP3>OP2",
            "unchanged OP3(a)>OP2(a)",
            "modified OP3(b)>OP2(b)",
            "inserted >OP3",
            "unchanged OP2>OP4 moved",
            "unchanged OP4>OP5",
        ]
    );
    assert_eq!(
        edits,
        [
            "-Exige que",
            "+Demande à",
            "-garantissent",
            "+de garantir",
            "+et météorologiques"
        ]
    );
    assert_eq!(d["header"]["sponsors_added"], serde_json::json!(["Maroc"]));
}

#[test]
fn spanish_revision_links_and_edits() {
    let (_, d) = compare_pair("es");
    let (links, edits) = links_and_edits(&d);
    assert_eq!(
        links,
        [
            "unchanged PP1>PP1",
            "unchanged PP2>PP2",
            "unchanged PP3>PP3",
            "modified OP1>OP1 lead -2",
            "unchanged OP2>OP2",
            "unchanged OP3>OP3",
            "unchanged OP3(a)>OP3(a)",
            "modified OP3(b)>OP3(b)",
            "inserted >OP4",
            "unchanged OP4>OP5",
        ]
    );
    assert_eq!(
        edits,
        ["-Exige que", "+Insta a", "+a que", "+y meteorológicos"]
    );
}

#[test]
fn russian_revision_links_and_edits() {
    let (_, d) = compare_pair("ru");
    let (links, edits) = links_and_edits(&d);
    assert_eq!(
        links,
        [
            "unchanged PP1>PP1",
            "unchanged PP2>PP2",
            "deleted PP3>",
            "modified OP1>OP1 lead -1.5",
            "unchanged OP2>OP2",
            "unchanged OP3>OP3",
            "unchanged OP3(a)>OP3(a)",
            "modified OP3(b)>OP3(b)",
            "unchanged OP4>OP4",
        ]
    );
    assert_eq!(
        edits,
        [
            "-требует, чтобы",
            "+настоятельно призывает",
            "-обеспечили",
            "+обеспечить",
            "+и метеорологическими"
        ]
    );
}

#[test]
fn arabic_revision_links_and_edits() {
    let (_, d) = compare_pair("ar");
    let (links, edits) = links_and_edits(&d);
    // PP3 moved to the top: its وإذ ("and whereas") becomes إذ by its place
    // alone, as PP1's إذ becomes وإذ, and neither is a change of wording
    assert_eq!(
        links,
        [
            "unchanged PP3>PP1 moved",
            "unchanged PP1>PP2",
            "unchanged PP2>PP3",
            "modified OP1>OP1 lead -2",
            "unchanged OP2>OP2",
            "unchanged OP3>OP3",
            "unchanged OP3(a)>OP3(a)",
            "modified OP3(b)>OP3(b)",
            "unchanged OP4>OP4",
        ]
    );
    // the letters of a word stay joined, as written
    assert_eq!(
        edits,
        ["-تطالب جميع", "+تهيب بجميع", "-بأن", "+أن", "+والمناخية"]
    );
    assert_eq!(d["header"]["sponsors_added"], serde_json::json!(["المغرب"]));
}

#[test]
fn chinese_revision_marks_the_characters_added() {
    let (_, d) = compare_pair("zh");
    let (links, edits) = links_and_edits(&d);
    assert_eq!(
        links,
        [
            "unchanged PP1>PP1",
            "unchanged PP2>PP2",
            "deleted PP3>",
            "modified OP1>OP1 lead -1.5",
            "unchanged OP2>OP2",
            "unchanged OP3>OP3",
            "unchanged OP3(a)>OP3(a)",
            "modified OP3(b)>OP3(b)",
            "inserted >OP4",
            "unchanged OP4>OP5",
        ]
    );
    // one word added is that word, not the whole paragraph dropped and added
    assert_eq!(edits, ["-要求", "+敦促", "+和气象"]);
}

#[test]
fn lang_is_detected_and_can_be_overridden() {
    let d = run_json(&["show", "resolutions/A-RES-ES-11-4.txt"]).1;
    assert_eq!(d["lang"], "en");
    let d = run_json(&["show", &format!("{DIR}/fr-old.txt"), "--lang", "es"]).1;
    assert_eq!(d["lang"], "es");
    resdiff()
        .args(["show", "resolutions/A-RES-ES-11-4.txt", "--lang", "de"])
        .current_dir(root())
        .assert()
        .code(2)
        .stderr(predicates::str::contains("not an official UN language"));
}

#[test]
fn a_french_version_agrees_with_the_english_resolution() {
    let (code, v) = run_json(&[
        "compare",
        "resolutions/A-RES-ES-11-4.txt",
        &format!("{DIR}/A-RES-ES-11-4-fr.txt"),
    ]);
    assert_eq!(v["findings"], serde_json::json!([]));
    assert_eq!(code, 0);
}

#[test]
fn a_missing_paragraph_and_a_wrong_date_in_the_french_version_are_found() {
    let fr = std::fs::read_to_string(root().join(DIR).join("A-RES-ES-11-4-fr.txt")).unwrap();
    // plant two faults: PP5 left out, the date of resolution 68/262 wrong
    let planted: String = fr
        .lines()
        .filter(|l| !l.starts_with("Notant également"))
        .map(|l| l.replace("27 mars 2014", "27 mai 2014") + "\n")
        .collect();
    assert_ne!(planted.len(), fr.len());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fr.txt");
    std::fs::write(&path, planted).unwrap();
    let (code, v) = run_json(&[
        "compare",
        "resolutions/A-RES-ES-11-4.txt",
        path.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    let f: Vec<(String, String)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["clause"].as_str().unwrap().to_string(),
                f["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(f.len(), 3, "{f:?}");
    assert!(f[0].1.starts_with("preamble: 7 paragraphs in en"), "{f:?}");
    assert_eq!(f[1].0, "PP3");
    assert_eq!(
        f[1].1,
        "figures differ: en has 27 March 2014 where fr has 27 mai 2014"
    );
    assert_eq!(f[2].0, "PP5");
    assert!(f[2].1.contains("no counterpart in the fr version"));
}

#[test]
fn the_lead_scale_is_printed_for_each_language() {
    for (lang, word) in [
        ("en", "Deplores"),
        ("fr", "Exige"),
        ("es", "Exhorta"),
        ("ru", "требует"),
        ("ar", "تطالب"),
        ("zh", "吁请"),
    ] {
        resdiff()
            .args(["leads", "--lang", lang])
            .assert()
            .success()
            .stdout(predicates::str::contains(word));
    }
}

#[test]
fn issue_22_lead_changes_are_softenings() {
    for (old, new) in [
        ("Affirms", "Takes note of"),
        ("Deplores in the strongest terms", "Condemns"),
        ("Strongly recalls", "Recalls"),
        ("Strongly condemns", "Condemns"),
        ("Expresses deep concern", "Expresses concern"),
    ] {
        let text = |lead: &str| {
            format!(
                "The General Assembly,\n\nRecalling its resolutions,\n\n1. {lead} the situation in the region;\n\n2. Decides to remain seized of the matter.\n"
            )
        };
        let d = resdiff::compare_texts(&text(old), &text(new), &Default::default()).unwrap();
        let lead = d.changes.iter().find_map(|c| c.lead.as_ref()).unwrap();
        assert!(
            lead.shift.unwrap() < 0.0,
            "{old} -> {new}: {:?}",
            lead.shift
        );
    }
}

#[test]
fn arabic_reads_right_to_left_in_html_with_ids_left_to_right() {
    let out = resdiff()
        .args([
            "compare",
            &format!("{DIR}/ar-old.txt"),
            &format!("{DIR}/ar-new.txt"),
            "--format",
            "html",
        ])
        .current_dir(root())
        .output()
        .unwrap();
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(html.contains(r#"<td class="new" lang="ar" dir="rtl""#));
    // the lead change keeps old before new, each isolated
    assert!(html.contains("<bdi>تطالب</bdi> → <bdi>تهيب</bdi>"));
    // ids stay in the left-to-right label cell
    assert!(html.contains(r#"<th scope="row"><span class="id">OP3(b)</span>"#));
}

/// Every lead that stands at least twice in the corpus (its GA resolutions,
/// SC draft texts and the `Content` of the SC draft references) has a
/// strength on the English scale.
#[test]
fn every_lead_used_twice_in_the_corpus_is_on_the_scale() {
    use resdiff::parse::{Part, base_lead, lead_strength, parse};
    let Some(corpus) = corpus() else { return };
    let mut texts: Vec<(String, String)> = Vec::new();
    for dir in ["ga-resolutions-text", "sc-drafts-text"] {
        for f in files(&corpus.join(dir), "txt") {
            texts.push((
                f.display().to_string(),
                std::fs::read_to_string(&f).unwrap(),
            ));
        }
    }
    for f in files(&corpus.join("sc-drafts"), "json") {
        let v: Value = serde_json::from_str(&std::fs::read_to_string(&f).unwrap()).unwrap();
        if let Some(c) = v["Content"].as_str() {
            texts.push((f.display().to_string(), c.to_string()));
        }
    }
    let mut counts: std::collections::BTreeMap<(Part, String), usize> = Default::default();
    for (name, text) in &texts {
        let Ok(r) = parse(&resdiff::load::Document::from_text(
            name.as_str(),
            text.as_str(),
        )) else {
            continue;
        };
        for part in [Part::Preamble, Part::Operative] {
            for c in r.part(part) {
                if let Some(l) = &c.lead {
                    *counts.entry((part, base_lead(l))).or_default() += 1;
                }
            }
        }
    }
    assert!(counts.len() > 100, "{} leads", counts.len());
    let missing: Vec<_> = counts
        .iter()
        .filter(|((part, lead), n)| **n >= 2 && lead_strength(lead, *part).is_none())
        .collect();
    assert!(missing.is_empty(), "off the scale: {missing:?}");
}

/// Real UN text: two preambular paragraphs of A/RES/58/4 in French, wrapped
/// and hyphenated as copied from the PDF (source in the file's header).
#[test]
fn a_real_french_preamble_reads_with_its_figures() {
    use resdiff::check::versions::figures;
    use resdiff::parse::Lang;
    let d = show("A-RES-58-4-fr-extract.txt");
    assert_eq!(d["lang"], "fr");
    let c = clauses(&d);
    assert_eq!(
        c,
        [
            ("PP1".to_string(), Some("Rappelant".to_string())),
            ("PP2".to_string(), Some("Rappelant également".to_string()))
        ]
    );
    let values = |k: usize| -> Vec<String> {
        let text = d["clauses"][k]["text"].as_str().unwrap();
        figures(text, Lang::Fr)
            .into_iter()
            .map(|f| f.value)
            .collect()
    };
    assert_eq!(
        values(0),
        ["55/61", "2000-12-04", "55/188", "2000-12-20", "55/61"]
    );
    assert_eq!(values(1), ["56/186", "2001-12-21", "57/244", "2002-12-20"]);
}

#[test]
fn footnotes_are_checked_across_language_versions() {
    use resdiff::check::versions::check_versions;
    let en = common::parse(
        "en.txt",
        "The General Assembly,\n\nRecalling its resolution 2625 (XXV) of 24 October 1970,1\n\n1. Decides to remain seized of the matter.\n\n__________\n1 Resolution 2625 (XXV), annex.\n2 United Nations, Treaty Series, vol. 75, Nos. 970–973.\n",
    );
    let fr = |notes: &str| {
        common::parse(
            "fr.txt",
            &format!(
                "L’Assemblée générale,\n\nRappelant sa résolution 2625 (XXV) du 24 octobre 1970,1\n\n1. Décide de rester saisie de la question.\n\n__________\n{notes}"
            ),
        )
    };
    assert_eq!(en.footnotes.len(), 2, "{:?}", en.footnotes);
    // the same footnotes in French: nothing to report
    let good = fr(
        "1 Résolution 2625 (XXV), annexe.\n2 Nations Unies, Recueil des Traités, vol. 75, nos 970 à 973.\n",
    );
    let f = check_versions(&en, &good);
    assert!(f.iter().all(|f| !f.clause.starts_with("footnote")), "{f:?}");
    // a wrong volume, and the second footnote left out
    let bad = fr("1 Résolution 2625 (XXV), annexe.\n");
    let f = check_versions(&en, &bad);
    assert!(
        f.iter()
            .any(|f| f.message.starts_with("footnotes: 2 in en")),
        "{f:?}"
    );
    let bad = fr(
        "1 Résolution 2625 (XXV), annexe.\n2 Nations Unies, Recueil des Traités, vol. 57, nos 970 à 973.\n",
    );
    let f = check_versions(&en, &bad);
    let note: Vec<_> = f.iter().filter(|f| f.clause == "footnote 2").collect();
    assert_eq!(note.len(), 1, "{f:?}");
    assert_eq!(note[0].message, "figures differ: en has 75 where fr has 57");
}

/// The terminal table keeps its borders in line for Arabic: a lam-alef
/// (`الأول`, `لا`) is two cells on a terminal, though unicode-width counts
/// it as one ligature, at the width asked and with colour or without.
#[test]
fn arabic_table_rows_are_as_wide_as_the_table() {
    use unicode_width::UnicodeWidthChar;
    for color in ["never", "always"] {
        let out = resdiff()
            .args([
                "compare",
                &format!("{DIR}/ar-old.txt"),
                &format!("{DIR}/ar-new.txt"),
            ])
            .args(["--format", "table", "--width", "120", "--color", color])
            .current_dir(root())
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("الأول"), "the fixture holds a lam-alef");
        // drawn width: characters' widths, escape sequences left out
        let drawn = |l: &str| -> usize {
            let mut n = 0;
            let mut esc = false;
            for c in l.chars() {
                match (esc, c) {
                    (false, '\u{1b}') => esc = true,
                    (true, c) if ('@'..='~').contains(&c) && c != '[' => esc = false,
                    (true, _) => {}
                    (false, c) => n += c.width().unwrap_or(0),
                }
            }
            n
        };
        let rows: Vec<&str> = text
            .lines()
            .filter(|l| l.contains('│') || l.contains('┆'))
            .collect();
        assert!(rows.len() > 10);
        for r in &rows {
            assert_eq!(drawn(r), 120, "--color {color}: {r}");
        }
    }
}

#[test]
fn sponsors_are_listed_with_each_languages_separator() {
    // the header's sponsors, one by one (the added one marked), in every
    // view a person reads: the table, HTML, Markdown and `show`
    for (lang, listed) in [
        ("zh", "比利时、智利、法国"),
        ("ar", "بلجيكا، شيلي، فرنسا"),
        ("fr", "Belgique, Chili, France"),
    ] {
        let old = format!("{DIR}/{lang}-old.txt");
        let new = format!("{DIR}/{lang}-new.txt");
        for (cmd, format) in [
            ("compare", "table"),
            ("compare", "html"),
            ("compare", "markdown"),
            ("show", "table"),
            ("show", "html"),
        ] {
            let mut c = resdiff();
            c.arg(cmd).arg(&old);
            if cmd == "compare" {
                c.arg(&new);
            }
            let out = c
                .args(["--format", format, "--width", "200", "--color", "never"])
                .current_dir(root())
                .output()
                .unwrap();
            let text = String::from_utf8(out.stdout).unwrap();
            assert!(text.contains(listed), "{lang} {cmd} {format}: {text}");
        }
    }
}
