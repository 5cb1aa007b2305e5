//! The PDF loader on real files: the 34 official Security Council draft
//! PDFs of `../shared/corpus` against their reference texts, the General
//! Assembly resolutions, and hand-made broken PDFs that must each give one
//! error line.

mod common;
#[path = "support/fidelity.rs"]
mod fidelity;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::*;
use resdiff::load::{LoadOptions, SourceFormat, load_path};

/// Operative paragraphs each draft prints, read from the PDFs with
/// poppler's `pdftotext` (independently of the loader): the last number of
/// the main sequence.
const OPERATIVE_COUNTS: &[(&str, usize)] = &[
    ("S_2016_1061", 3),
    ("S_2016_1100", 13),
    ("S_2017_142", 13),
    ("S_2017_444", 3),
    ("S_2017_77", 39),
    ("S_2018_1021", 35),
    ("S_2018_221", 35),
    ("S_2018_257", 29),
    ("S_2018_341", 2),
    ("S_2018_437", 3),
    ("S_2018_693", 57),
    ("S_2018_95", 4),
    ("S_2019_179", 22),
    ("S_2019_266", 23),
    ("S_2019_441", 4),
    ("S_2019_90", 12),
    ("S_2020_110", 5),
    ("S_2020_445", 39),
    ("S_2020_449", 6),
    ("S_2021_1075", 14),
    ("S_2021_443", 5),
    ("S_2021_523", 3),
    ("S_2022_158", 24),
    ("S_2022_426", 6),
    ("S_2022_443", 3),
    ("S_2022_501", 17),
    ("S_2023_427", 16),
    ("S_2023_571", 3),
    ("S_2023_970", 5),
    ("S_2024_302", 8),
    ("S_2024_37", 11),
    ("S_2024_400", 16),
    ("S_2024_557", 6),
    ("S_2024_835", 9),
];

/// References that differ from their PDF, so the pair cannot compare
/// equal; each difference was checked against the printed page.
const REFERENCE_DEFECTS: &[(&str, &str)] = &[
    (
        "S_2016_1100",
        "OP9-OP13 run together on one line; PP8 ends '.' where the PDF has ','",
    ),
    (
        "S_2017_77",
        "OP1(g)/(h), OP13(b)/(c) and OP29-OP37 run together; PP21 ',' made '.'",
    ),
    (
        "S_2018_1021",
        "lacks ', and through' in PP14 (ends 'human rights.'); OP12-OP20 run together",
    ),
    (
        "S_2018_221",
        "lacks OP7's number and 17 words of OP19; 'J MEC'; 'gender - based'; PP12 ',' made '.'",
    ),
    (
        "S_2018_257",
        "OP12-OP18 run together; 'Da ’esh', 'long - term'",
    ),
    (
        "S_2018_693",
        "lacks 19 words of OP13 and two section headings; OP35-OP38 run together; 'de termined', 'Speci al'",
    ),
    (
        "S_2019_179",
        "'ivigorate' for 'invigorate'; PP16 broken at '(XXXI)'; PP5 ',' made '.'",
    ),
    (
        "S_2019_266",
        "lacks 15 words of PP6/PP7 and 17 of OP4; OP11-OP16 run together",
    ),
    (
        "S_2020_445",
        "'finalize' for the printed 'finalise'; 'UNM AS'; 'FGS - led'; two ',' made '.'",
    ),
    (
        "S_2020_449",
        "lacks 13 words of OP2; 'co operation'; OP2(d)/(e) run together around a running head",
    ),
    (
        "S_2021_1075",
        "'capacity - building', 'Council - mandated'; PP14 ',' made '.'",
    ),
    ("S_2021_443", "'conflict - affected', 'Secretary - General'"),
    (
        "S_2022_158",
        "lacks ', and' in PP9, the section headings and the annex heading; three ',' made '.'",
    ),
    ("S_2022_426", "'drough t'; PP7 ',' made '.'"),
    (
        "S_2022_501",
        "keeps the first page's foot ('22-09852 (E) 230622', 'Pleese recycle') inside PP10",
    ),
    ("S_2023_427", "PP17 ',' made '.'"),
    ("S_2023_571", "'Secretary - General', 'conflict -affected'"),
    ("S_2024_302", "PP6 ',' made '.'; OP5 ends with an extra '.'"),
    (
        "S_2024_400",
        "'titled' for the printed 'entitled'; footnote mark set apart ('conflict, 1'); PP19 ',' made '.'",
    ),
    (
        "S_2024_557",
        "lacks the 'Annex II' heading and title; 'informat ion'; footnotes inline where pages end",
    ),
    ("S_2024_835", "PP6 ',' made '.'"),
];

/// Word differences between a reference and the PDF (reference words,
/// extracted words) that the printed page shows to be the reference's:
/// words split by a kerning gap, a misspelling, text the reference lacks.
const REFERENCE_WORD_DEFECTS: &[(&str, &str, &str)] = &[
    ("S_2018_1021", "", "and through"),
    ("S_2018_221", "", "7"),
    ("S_2018_221", "J MEC", "JMEC"),
    (
        "S_2018_221",
        "",
        "in particular to persons documents and sites in order for the Panel of Experts to execute its mandate",
    ),
    ("S_2018_693", "", "Current situation"),
    (
        "S_2018_693",
        "",
        "Humanitarian situation and displacement and development issues",
    ),
    (
        "S_2018_693",
        "",
        "international and nongovernmental actors in the implementation of its missionwide comprehensive strategy for the achievement of these objectives",
    ),
    ("S_2018_693", "de termined", "determined"),
    ("S_2018_693", "Speci al", "Special"),
    // printed "conflict⏎related" and "UNAMIDs" (the page shows no hyphen, no apostrophe)
    ("S_2018_693", "conflictrelated", "conflict related"),
    ("S_2018_693", "UNAMID s", "UNAMIDs"),
    ("S_2019_179", "ivigorate", "invigorate"),
    (
        "S_2019_266",
        "",
        "of the African Union Commission for Somalia and the Head of AMISOM Francisco Caetano José Madeira",
    ),
    (
        "S_2019_266",
        "",
        "strengthening the rule of law and security sector reform and coordinating capacitybuilding support on anticorruption issues",
    ),
    ("S_2020_445", "finalize", "finalise"),
    ("S_2020_445", "UNM AS", "UNMAS"),
    (
        "S_2020_449",
        "",
        "letter from the Acting Minister of Foreign Affairs of Iraq to the SecretaryGeneral",
    ),
    ("S_2020_449", "co operation", "cooperation"),
    ("S_2022_158", "", "and"),
    ("S_2022_158", "", "Designation Criteria"),
    ("S_2022_158", "", "Reporting"),
    (
        "S_2022_158",
        "",
        "Annex THE HOUTHIS AKA ANSARALLAH AKA ANSAR ALLAH AKA PARTISANS OF GOD AKA SUPPORTERS OF GOD",
    ),
    ("S_2022_426", "drough t", "drought"),
    ("S_2024_400", "titled", "entitled"),
    ("S_2024_557", "informat ion", "information"),
    (
        "S_2024_557",
        "",
        "Annex II Terms of reference of the Informal Working Group of the Security Council on General United Nations Security Council Sanctions Issues",
    ),
];

fn page_count(pdf: &Path) -> usize {
    std::fs::read(pdf)
        .ok()
        .and_then(|b| pdfboss_core::Document::load(b).ok())
        .map_or(0, |d| d.page_count())
}

/// Every SC draft measured once (the tests below share the result).
fn measured() -> Option<&'static Vec<fidelity::Report>> {
    static REPORTS: std::sync::OnceLock<Option<Vec<fidelity::Report>>> = std::sync::OnceLock::new();
    REPORTS
        .get_or_init(|| {
            let corpus = corpus()?;
            let files = fidelity::sc_drafts(&corpus);
            assert_eq!(files.len(), 34, "the corpus has 34 SC draft PDFs");
            Some(
                files
                    .iter()
                    .map(|(name, pdf, json)| {
                        let reference = fidelity::reference_text(json);
                        fidelity::measure(name, pdf, &reference, page_count(pdf))
                            .unwrap_or_else(|e| panic!("{name}: {e}"))
                            .0
                    })
                    .collect(),
            )
        })
        .as_ref()
}

#[test]
fn no_page_furniture_in_any_clause() {
    let Some(reports) = measured() else { return };
    for r in reports {
        assert!(r.leaks.is_empty(), "{}: {:?}", r.name, r.leaks);
        let symbol = r.name.replace('_', "/");
        assert_eq!(
            r.symbol.as_deref(),
            Some(symbol.as_str()),
            "{}: symbol",
            r.name
        );
    }
}

#[test]
fn operative_paragraphs_follow_the_printed_numbering() {
    let Some(reports) = measured() else { return };
    let expected: BTreeMap<&str, usize> = OPERATIVE_COUNTS.iter().copied().collect();
    for r in reports {
        let want = expected[r.name.as_str()];
        assert_eq!(r.pdf_ops, want, "{}: operative paragraphs", r.name);
        assert_eq!(
            r.pdf_max_op as usize, want,
            "{}: last operative number",
            r.name
        );
    }
}

#[test]
fn pdf_and_reference_compare_equal_unless_the_reference_differs() {
    let Some(reports) = measured() else { return };
    let defects: BTreeMap<&str, &str> = REFERENCE_DEFECTS.iter().copied().collect();
    let mut equal = 0;
    for r in reports {
        if r.compares_equal {
            equal += 1;
        } else {
            assert!(
                defects.contains_key(r.name.as_str()),
                "{}: differs from its reference: {:#?}",
                r.name,
                r.changes
            );
        }
    }
    eprintln!("compare exit 0: {equal} of {}", reports.len());
    assert!(equal >= reports.len() - defects.len());
}

#[test]
fn words_are_read_as_printed() {
    let Some(reports) = measured() else { return };
    let mut words = 0;
    let mut errors = 0;
    let mut unexplained = 0;
    for r in reports {
        words += r.body.reference_words;
        errors += r.body.errors_shared;
        for h in &r.body.hunks {
            let (rw, ew) = (h.reference.join(" "), h.extracted.join(" "));
            let known = REFERENCE_WORD_DEFECTS
                .iter()
                .any(|(f, a, b)| *f == r.name && *a == rw && *b == ew);
            if !known {
                unexplained += rw.split(' ').count().max(ew.split(' ').count());
                eprintln!(
                    "{}: after {:?}: reference {rw:?}, PDF {ew:?}",
                    r.name,
                    h.before.join(" ")
                );
            }
        }
        assert!(
            r.notes.errors == 0,
            "{}: footnotes differ: {:?}",
            r.name,
            r.notes.hunks
        );
    }
    let raw = errors as f64 / words as f64;
    let adjudicated = unexplained as f64 / words as f64;
    eprintln!(
        "{words} words; shared-part WER {:.4}% against the references, {:.4}% after reference defects",
        raw * 100.0,
        adjudicated * 100.0
    );
    assert!(
        adjudicated <= 0.0005,
        "WER {:.4}% over 0.05%",
        adjudicated * 100.0
    );
    assert!(
        raw <= 0.001,
        "WER against the references {:.4}% over 0.1%",
        raw * 100.0
    );
}

/// The binary, end to end: a PDF against its reference text exits 0.
#[test]
fn resdiff_compare_pdf_with_its_text_exits_0() {
    let Some(corpus) = corpus() else { return };
    let dir = tempfile::tempdir().unwrap();
    for name in ["S_2019_90", "S_2023_970", "S_2024_37"] {
        let pdf = corpus.join(format!("sc-drafts/{name}-EN.pdf"));
        let text = dir.path().join(format!("{name}-reference.txt"));
        std::fs::write(&text, json_content(&pdf.with_extension("json"))).unwrap();
        let out = resdiff()
            .arg("compare")
            .arg(&pdf)
            .arg(&text)
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{name}: {}",
            String::from_utf8_lossy(&out.stdout)
        );
        assert!(out.stderr.is_empty());
    }
}

/// The General Assembly resolutions: structure as printed (the counts the
/// corpus tests check on their transcriptions), no furniture, and no
/// substantive change against the transcriptions.
#[test]
fn general_assembly_pdfs_read_as_their_transcriptions() {
    let Some(corpus) = corpus() else { return };
    for (pdf, pps, ops, notes) in [
        ("A_RES_68_262-EN.pdf", 7, 6, 2),
        ("A_RES_ES-11_1-EN.pdf", 18, 16, 3),
        ("A_RES_ES-11_2-EN.pdf", 19, 14, 2),
        ("A_RES_ES-11_3-EN.pdf", 4, 3, 0),
        ("A_RES_ES-11_4-EN.pdf", 7, 8, 0),
    ] {
        let transcription = corpus
            .join("ga-resolutions-text")
            .join(pdf.trim_end_matches("-EN.pdf").replace('_', "-") + ".txt");
        let docs = resdiff::Pair::new(
            load_path(
                &corpus.join("ga-resolutions").join(pdf),
                &LoadOptions::default(),
            )
            .unwrap(),
            load_path(&transcription, &LoadOptions::default()).unwrap(),
        );
        let res = docs.try_map(|d| resdiff::parse::parse(&d)).unwrap();
        let diff = resdiff::compare(res, &resdiff::CompareOptions::default());
        assert!(
            !diff.has_changes(),
            "{pdf}: {:#?}",
            diff.changes
                .iter()
                .filter(|c| c.is_substantive())
                .collect::<Vec<_>>()
        );
        let path = corpus.join("ga-resolutions").join(pdf);
        let doc = load_path(&path, &LoadOptions::default()).unwrap();
        assert_eq!(doc.format, SourceFormat::Pdf);
        let r = resdiff::parse::parse(&doc).unwrap();
        assert_eq!(
            (r.preamble.len(), r.operative.len(), r.footnotes.len()),
            (pps, ops, notes),
            "{pdf}"
        );
        let symbol = pdf.trim_end_matches("-EN.pdf").replace('_', "/");
        assert_eq!(r.header.symbol.as_deref(), Some(symbol.as_str()), "{pdf}");
        assert_eq!(doc.meta.symbol.as_deref(), Some(symbol.as_str()), "{pdf}");
        for c in r.clauses() {
            c.walk(&mut |k| {
                let leaks = fidelity::leaks(&k.text, Some(&symbol));
                assert!(leaks.is_empty(), "{pdf} {}: {leaks:?}", k.id);
            });
        }
    }
}

/// Builds a PDF from object bodies (object 1 must be the catalog), with a
/// correct cross-reference table and the given extra trailer entries.
fn build_pdf(objects: &[String], trailer_extra: &str) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::new();
    for (k, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", k + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R {trailer_extra} >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// A one-page PDF whose page draws `content`.
fn one_page_pdf(content: &str, trailer_extra: &str) -> Vec<u8> {
    build_pdf(
        &[
            "<< /Type /Catalog /Pages 2 0 R >>".into(),
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".into(),
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".into(),
            format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>".into(),
        ],
        trailer_extra,
    )
}

/// A small draft drawn line by line, as a word processor sets it.
fn draft_content() -> String {
    let lines = [
        (123.0, 700.0, "France: draft resolution"),
        (147.0, 660.0, "The Security Council,"),
        (
            147.0,
            640.0,
            "Recalling its previous resolutions on the matter,",
        ),
        (
            147.0,
            620.0,
            "1. Demands that all parties cease hostilities;",
        ),
        (147.0, 600.0, "2. Decides to remain seized of the matter."),
    ];
    let mut s = String::from("BT /F1 10 Tf\n");
    for (x, y, text) in lines {
        s.push_str(&format!("1 0 0 1 {x} {y} Tm ({text}) Tj\n"));
    }
    s.push_str("ET");
    s
}

#[test]
fn a_hand_made_pdf_reads_as_its_text() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("draft.pdf");
    std::fs::write(&pdf, one_page_pdf(&draft_content(), "")).unwrap();
    let doc = load_path(&pdf, &LoadOptions::default()).unwrap();
    let r = resdiff::parse::parse(&doc).unwrap();
    assert_eq!(r.header.sponsors, ["France"], "{}", doc.text);
    assert_eq!(doc.meta.sponsors, ["France"]);
    assert_eq!(r.preamble.len(), 1, "{}", doc.text);
    assert_eq!(r.operative.len(), 2, "{}", doc.text);
    assert_eq!(
        r.operative[1].text,
        "Decides to remain seized of the matter."
    );
    let text = dir.path().join("draft.txt");
    std::fs::write(
        &text,
        "The Security Council,\n\nRecalling its previous resolutions on the matter,\n\n1. Demands that all parties cease hostilities;\n\n2. Decides to remain seized of the matter.\n",
    )
    .unwrap();
    resdiff()
        .arg("compare")
        .arg(&pdf)
        .arg(&text)
        .assert()
        .code(0);
}

/// A bad PDF: exit 2, one line on stderr naming the file, nothing on stdout.
fn assert_refused(path: &Path, problem: &str) {
    let out = resdiff().arg("show").arg(path).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", path.display());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with(&format!("resdiff: {}: ", path.display())),
        "{err}"
    );
    assert!(err.contains(problem), "{}: {err}", path.display());
    assert!(out.stdout.is_empty());
}

#[test]
fn broken_pdfs_get_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| -> PathBuf {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    };
    let good = one_page_pdf(&draft_content(), "");

    // cut short in transfer
    assert_refused(
        &write("truncated.pdf", &good[..good.len() * 2 / 3]),
        "truncated PDF",
    );
    assert_refused(&write("header-only.pdf", b"%PDF-1.7\n"), "truncated PDF");

    // encrypted with a user password
    let encrypt = "/Encrypt << /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 \
        /O <6a1c4e6d3b1f0a9e8d7c6b5a49382716a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0> \
        /U <0f1e2d3c4b5a69788796a5b4c3d2e1f000112233445566778899aabbccddeeff> >> \
        /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]";
    assert_refused(
        &write("encrypted.pdf", &one_page_pdf(&draft_content(), encrypt)),
        "encrypted PDF: cannot read its text",
    );

    // a scan: the page paints an image and no text
    let image = build_pdf(
        &[
            "<< /Type /Catalog /Pages 2 0 R >>".into(),
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".into(),
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>".into(),
            "<< /Length 36 >>\nstream\nq 612 0 0 792 0 0 cm /Im1 Do Q\n\nendstream".into(),
            "<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n\x00\u{7f}\u{7f}\x00\nendstream".into(),
        ],
        "",
    );
    assert_refused(
        &write("scan.pdf", &image),
        "no text layer: the file needs OCR",
    );

    // noise after the magic bytes, with and without an end marker
    let mut seed = 0x2545_f491_u32;
    let noise: Vec<u8> = (0..20_000)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            (seed >> 24) as u8
        })
        .collect();
    let mut random = b"%PDF-1.7\n".to_vec();
    random.extend_from_slice(&noise);
    assert_refused(&write("random.pdf", &random), "truncated PDF");
    random.extend_from_slice(b"\n%%EOF\n");
    assert_refused(&write("random-eof.pdf", &random), "damaged PDF");

    // a small file that draws one large form a hundred times
    let form = format!("BT /F1 10 Tf 72 700 Td {}ET", "(x) Tj ".repeat(20_000));
    let invocations = "/Fm1 Do\n".repeat(100);
    let bomb = build_pdf(
        &[
            "<< /Type /Catalog /Pages 2 0 R >>".into(),
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".into(),
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /XObject << /Fm1 5 0 R >> >> >>".into(),
            format!("<< /Length {} >>\nstream\n{invocations}\nendstream", invocations.len()),
            format!(
                "<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 6 0 R >> >> /Length {} >>\nstream\n{form}\nendstream",
                form.len()
            ),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>".into(),
        ],
        "",
    );
    assert_refused(
        &write("form-bomb.pdf", &bomb),
        "draws over 4 MiB of instructions",
    );

    // a page tree of 5000 pages (one page object listed 5000 times)
    let kids = vec!["3 0 R"; 5000].join(" ");
    let many = String::from_utf8_lossy(&good).replace(
        "/Kids [3 0 R] /Count 1",
        &format!("/Kids [{kids}] /Count 5000"),
    );
    let many = write("many.pdf", many.as_bytes());
    assert_refused(&many, "over the 2000-page limit");
}

/// A cross-reference table pointing to the wrong places is rebuilt by
/// scanning the file, as viewers do: the draft still reads.
#[test]
fn a_damaged_cross_reference_table_is_rebuilt() {
    let dir = tempfile::tempdir().unwrap();
    let good = one_page_pdf(&draft_content(), "");
    let text = String::from_utf8_lossy(&good).into_owned();
    let at = text.find("xref\n").unwrap();
    let (head, table) = text.split_at(at);
    // every offset seven bytes off
    let shifted: String = table
        .lines()
        .map(|l| match l.strip_suffix(" 00000 n ") {
            Some(off) => format!("{:010} 00000 n \n", off.parse::<usize>().unwrap() + 7),
            None => format!("{l}\n"),
        })
        .collect();
    let p = dir.path().join("bad-xref.pdf");
    std::fs::write(&p, format!("{head}{shifted}")).unwrap();
    let doc = load_path(&p, &LoadOptions::default()).unwrap();
    assert!(
        doc.text
            .contains("2. Decides to remain seized of the matter."),
        "{}",
        doc.text
    );
}

/// A page count that the file cannot hold is not believed: the pages
/// are counted, and the draft reads.
#[test]
fn an_absurd_declared_page_count_is_not_believed() {
    let dir = tempfile::tempdir().unwrap();
    let good = one_page_pdf(&draft_content(), "");
    let absurd = String::from_utf8_lossy(&good).replace("/Count 1 ", "/Count 999999999 ");
    let p = dir.path().join("absurd.pdf");
    std::fs::write(&p, absurd.as_bytes()).unwrap();
    let start = std::time::Instant::now();
    resdiff().arg("show").arg(&p).assert().code(0);
    assert!(start.elapsed().as_secs() < 10);
}

#[test]
fn a_truncated_corpus_pdf_is_refused() {
    let Some(corpus) = corpus() else { return };
    let bytes = std::fs::read(corpus.join("sc-drafts/S_2024_557-EN.pdf")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    for (k, cut) in [bytes.len() / 3, bytes.len() / 2].into_iter().enumerate() {
        let p = dir.path().join(format!("cut{k}.pdf"));
        std::fs::write(&p, &bytes[..cut]).unwrap();
        assert_refused(&p, "truncated PDF");
    }
}
