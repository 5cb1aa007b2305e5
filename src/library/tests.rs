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
    let list = lib.list();
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
    assert_eq!(lib.list().len(), 2);
    let gone = lib.remove(&["a/res/77/1".to_string()]).unwrap();
    assert_eq!(gone.len(), 1);
    assert_eq!(lib.list().len(), 1);
    assert!(
        lib.searcher()
            .similar("Recalling the obligation of all States", 5)
            .unwrap()
            .iter()
            .all(|h| lib.searcher().clause(*h).unwrap().hash != gone[0].hash)
    );
}

fn numbered(dir: &Path, k: usize) -> PathBuf {
    let text = ADOPTED
        .replace("A/RES/77/1", &format!("A/RES/77/{}", k + 1))
        .replace("Demands", &format!("Demands for the {k}th time"));
    write(dir, &format!("{k:03}.txt"), &text)
}

fn segment_files(lib: &Path) -> usize {
    std::fs::read_dir(lib)
        .unwrap()
        .filter(|e| is_segment_name(&e.as_ref().unwrap().file_name().to_string_lossy()))
        .count()
}

#[test]
fn many_small_adds_are_merged_and_nothing_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let (docs, path) = (dir.path().join("docs"), dir.path().join("lib"));
    std::fs::create_dir_all(&docs).unwrap();
    let mut lib = Library::open_or_create(&path).unwrap();
    for k in 0..20 {
        let f = numbered(&docs, k);
        let r = lib.add(&[f], &LoadOptions::default(), &|| {}).unwrap();
        assert_eq!(r.added.len(), 1);
        // merged once more than MAX_SMALL small segments pile up
        assert!(lib.segments.len() <= MAX_SMALL, "{}", lib.segments.len());
        assert_eq!(segment_files(&path), lib.segments.len());
    }
    assert_eq!(lib.list().len(), 20);
    let s = lib.searcher();
    for k in [0, 7, 19] {
        let hits = s
            .similar(&format!("Demands for the {k}th time"), 1)
            .unwrap();
        let c = s.clause(hits[0]).unwrap();
        assert_eq!(
            s.entry(&c.hash).unwrap().symbol.unwrap(),
            format!("A/RES/77/{}", k + 1)
        );
    }
}

#[test]
fn a_removed_document_can_be_added_again() {
    let dir = tempfile::tempdir().unwrap();
    let (docs, path) = (dir.path().join("docs"), dir.path().join("lib"));
    std::fs::create_dir_all(&docs).unwrap();
    let files: Vec<PathBuf> = (0..4).map(|k| numbered(&docs, k)).collect();
    let mut lib = Library::open_or_create(&path).unwrap();
    lib.add(&files, &LoadOptions::default(), &|| {}).unwrap();
    let gone = lib.remove(&["A/RES/77/2".to_string()]).unwrap();
    assert_eq!(gone.len(), 1);
    assert_eq!(lib.list().len(), 3);
    let r = lib.add(&files, &LoadOptions::default(), &|| {}).unwrap();
    assert_eq!((r.added.len(), r.unchanged), (1, 3));
    assert_eq!(lib.list().len(), 4);
    let s = lib.searcher();
    let hits = s.similar("Demands for the 1th time", 1).unwrap();
    assert_eq!(s.clause(hits[0]).unwrap().hash, gone[0].hash);
    // removing three of four leaves a segment mostly removed: it is rewritten
    drop(s);
    lib.remove(&[
        "A/RES/77/1".into(),
        "A/RES/77/3".into(),
        "A/RES/77/4".into(),
    ])
    .unwrap();
    assert_eq!(lib.list().len(), 1);
    assert!(lib.manifest.segments.iter().all(|m| m.deleted.is_empty()));
}

#[test]
fn one_writer_at_a_time() {
    let dir = tempfile::tempdir().unwrap();
    let (docs, path) = (dir.path().join("docs"), dir.path().join("lib"));
    std::fs::create_dir_all(&docs).unwrap();
    let mut lib = Library::open_or_create(&path).unwrap();
    let held = std::fs::File::open(path.join(LOCK))
        .unwrap_or_else(|_| std::fs::File::create(path.join(LOCK)).unwrap());
    held.lock().unwrap();
    let err = lib
        .add(&[numbered(&docs, 0)], &LoadOptions::default(), &|| {})
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("another resdiff is changing this library"),
        "{err}"
    );
    held.unlock().unwrap();
    lib.add(&[numbered(&docs, 0)], &LoadOptions::default(), &|| {})
        .unwrap();
    // readers never wait for the lock
    held.lock().unwrap();
    assert_eq!(Library::open(&path).unwrap().list().len(), 1);
}

#[test]
fn foreign_and_damaged_folders_are_refused_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    // a library written by resdiff's tantivy index before 2026-12
    let old = dir.path().join("old");
    std::fs::create_dir_all(&old).unwrap();
    write(&old, "meta.json", "{}");
    let err = Library::open_or_create(&old).unwrap_err().to_string();
    assert!(err.contains("earlier version of resdiff"), "{err}");
    let lib = dir.path().join("lib");
    Library::open_or_create(&lib).unwrap();
    for (manifest, says) in [
        ("{not json", "library.json is damaged"),
        (
            r#"{"format":"resdiff-library 9","generation":1,"segments":[]}"#,
            "another version of resdiff",
        ),
        (
            r#"{"format":"resdiff-library 2","generation":1,"segments":[{"file":"../../etc/passwd"}]}"#,
            "damaged",
        ),
        (
            r#"{"format":"resdiff-library 2","generation":1,"segments":[{"file":"seg-000001-0.rdx"}]}"#,
            "seg-000001-0.rdx",
        ),
    ] {
        write(&lib, MANIFEST, manifest);
        let err = Library::open(&lib).unwrap_err().to_string();
        assert!(err.contains(says), "{manifest}: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    }
}
