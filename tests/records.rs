//! The folder's dated records (issue 13, point 10): a visit, an activity, a diagnosis is a
//! file of its own beside the sessions, with a readable unique name that says its kind and a
//! `kind` field; it is written atomically and read back whole; a session reader and a record
//! reader each name the other's files for what they are, and a newer file is refused.

mod common;

use atelier::model::SCHEMA_VERSION;
use atelier::model::dated::{Kind, Record};
use atelier::store::{self, LoadError, Store};
use common::records::{activity, diagnosis, visit};
use common::t0;

#[test]
fn each_kind_is_saved_under_a_name_that_says_it_and_reads_back_whole() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let records = [
        Record::Visit(Box::new(visit())),
        Record::Activity(Box::new(activity())),
        Record::Diagnosis(Box::new(diagnosis())),
    ];
    let mut names = Vec::new();
    for r in &records {
        let path = store.path_for_record(r);
        store::save_record(&path, r).unwrap();
        assert_eq!(&store::load_record(&path).unwrap(), r);
        let text = std::fs::read_to_string(&path).unwrap();
        let kind = format!("{:?}", r.dated().kind());
        assert!(
            text.starts_with(&format!("(\n    version: 2,\n    kind: {kind},\n")),
            "{text}"
        );
        names.push(path.file_name().unwrap().to_string_lossy().into_owned());
    }
    assert_eq!(
        names,
        [
            "2026-12-02_boulangers-de-tanger_visit_youssef-benali_v7k2m9.ron",
            "2026-12-09_boulangers-de-tanger_activity_formation-hygiene-haccp_ac3f8h.ron",
            // An Arabic name has no Latin spelling: the name goes without it.
            "2026-10-27_boulangers-de-tanger_diagnosis_dg5n1b.ron",
        ]
    );
    // The same record twice (a copied folder): the second takes the whole id.
    let again = store.path_for_record(&records[0]);
    assert!(
        again.ends_with("2026-12-02_boulangers-de-tanger_visit_youssef-benali_v7k2m9x4p1qa.ron")
    );
    // Arabic, emoji and quotes are written as typed.
    let text = std::fs::read_to_string(dir.path().join(&names[2])).unwrap();
    assert!(text.contains("خديجة آيت واحمان"));
}

#[test]
fn a_session_reader_names_a_record_and_a_record_reader_names_a_session() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let r = Record::Visit(Box::new(visit()));
    let path = store.path_for_record(&r);
    store::save_record(&path, &r).unwrap();
    let before = std::fs::read(&path).unwrap();
    let err = store::load(&path).unwrap_err();
    assert_eq!(err, LoadError::OtherKind { kind: Kind::Visit });
    let fr = err.message(atelier::i18n::Lang::Fr.strings());
    assert!(fr.contains("une visite individuelle"), "{fr}");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "reading wrote nothing"
    );

    let session = atelier::sample::bakers_session(t0(), 7);
    let spath = store.path_for_new(&session);
    store::save(&spath, &session).unwrap();
    assert_eq!(
        store::load_record(&spath).unwrap_err(),
        LoadError::OtherKind {
            kind: Kind::Session
        }
    );
}

#[test]
fn a_newer_or_broken_record_is_refused_with_its_reason_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let text = store::encode_record(&Record::Activity(Box::new(activity()))).unwrap();
    let newer = dir.path().join("newer.ron");
    std::fs::write(&newer, text.replacen("version: 2,", "version: 3,", 1)).unwrap();
    assert_eq!(
        store::load_record(&newer).unwrap_err(),
        LoadError::Newer {
            found: 3,
            known: SCHEMA_VERSION
        }
    );
    let cut = dir.path().join("cut.ron");
    std::fs::write(&cut, &text[..text.len() / 2]).unwrap();
    assert!(matches!(
        store::load_record(&cut).unwrap_err(),
        LoadError::Truncated { .. }
    ));
    assert_eq!(
        std::fs::read_to_string(&cut).unwrap(),
        text[..text.len() / 2]
    );
}
