//! Tests of the library index through its API.

use super::*;

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

const ADOPTED: &str = "United Nations A/RES/77/1\nGeneral Assembly\nResolution adopted by the General Assembly on 2 March 2022\n\nThe General Assembly,\n\nRecalling the obligation of all States under Article 2 of the Charter to refrain from the threat or use of force,\n\n1. Demands that all parties cease hostilities immediately and comply with international humanitarian law;\n\n2. Decides to remain seized of the matter.\n";
const DRAFT: &str = "United Nations A/77/L.5\nGeneral Assembly\nDraft resolution\n\nThe General Assembly,\n\n1. Calls upon all parties to cease hostilities immediately and comply with international humanitarian law;\n";

#[test]
fn content_hashes_are_stable_across_builds() {
    // the index keeps them: a change of hash function must change FORMAT
    assert_eq!(content_hash(b""), content_hash(b""));
    assert_ne!(content_hash(b"a"), content_hash(b"b"));
    assert_eq!(content_hash(b"resdiff"), "5e4371b5d198b35abdecea69ee95a6d5");
}

#[test]
fn add_list_search_and_remove() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir_all(&docs).unwrap();
    let a = write(&docs, "a.txt", ADOPTED);
    let b = write(&docs, "b.txt", DRAFT);
    let mut lib = Library::open_or_create(&dir.path().join("lib")).unwrap();
    let (files, bad) = files_under(std::slice::from_ref(&docs));
    assert!(bad.is_empty());
    assert_eq!(files, [a.clone(), b.clone()]);
    let report = lib.add(&files, &LoadOptions::default(), &|| {}).unwrap();
    assert_eq!(report.added.len(), 2);
    let list = lib.list().unwrap();
    assert_eq!(list.len(), 2);
    let adopted = &list[1];
    assert_eq!(adopted.symbol.as_deref(), Some("A/RES/77/1"));
    assert!(adopted.adopted);
    assert_eq!(adopted.date.as_deref(), Some("2 March 2022"));
    assert_eq!(adopted.clauses, 3);
    assert!(!list[0].adopted);

    let s = lib.searcher();
    let hits = s
        .similar("Demands that all parties cease hostilities immediately", 5)
        .unwrap();
    let first = s.clause(hits[0]).unwrap();
    assert_eq!(first.id, "OP1");
    assert_eq!(first.hash, adopted.hash);
    // the shingles of a draft's clause find the library clauses sharing a phrase
    let words = phrase_words(
        "they must cease hostilities immediately and comply with international humanitarian law",
    );
    let shared = s.sharing(&shingle_hashes(&words, 1), 64, 10).unwrap();
    let ids: Vec<String> = shared
        .iter()
        .map(|(h, _)| s.clause(*h).unwrap().id)
        .collect();
    assert_eq!(ids.len(), 2, "{ids:?}");
    drop(s);

    // reopened: the same documents; removed by symbol
    drop(lib);
    let mut lib = Library::open(&dir.path().join("lib")).unwrap();
    assert_eq!(lib.list().unwrap().len(), 2);
    let gone = lib.remove(&["a/res/77/1".to_string()]).unwrap();
    assert_eq!(gone.len(), 1);
    assert_eq!(lib.list().unwrap().len(), 1);
    assert!(
        lib.searcher()
            .similar("Recalling the obligation of all States", 5)
            .unwrap()
            .iter()
            .all(|h| lib.searcher().clause(*h).unwrap().hash != gone[0].hash)
    );
}
