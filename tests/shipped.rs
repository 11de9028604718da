//! The example sessions shipped in `sessions/` load and pass `check`: they are what a new
//! user and a trainer look at first, so they must never rot as the format grows.

use atelier::i18n::Lang;
use atelier::store;
use std::path::Path;

#[test]
fn shipped_sessions_load_and_pass_check() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions");
    let files = store::session_files(&dir).expect("the sessions folder is readable");
    assert!(
        files.len() >= 4,
        "expected the shipped example sessions in {}",
        dir.display()
    );
    let mut groups = std::collections::BTreeMap::new();
    for path in files {
        let session = store::load(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let warnings = store::check_session(&session, Lang::En.strings());
        assert!(
            warnings.is_empty(),
            "{}: {:?}",
            path.display(),
            warnings.iter().map(|w| &w.message).collect::<Vec<_>>()
        );
        // A group's sessions, with names in Arabic script among them, read back intact.
        assert!(!session.group.members.is_empty());
        let name = groups
            .entry(session.group.id.clone())
            .or_insert(session.group.name.clone());
        assert_eq!(
            *name, session.group.name,
            "two groups share the id {}",
            session.group.id
        );
    }
    assert!(groups.len() >= 2, "the examples show more than one group");
}

/// A file written by the spine's version of atelier, before the techniques added fields
/// (the backlog of themes): it still loads, whole, and passes `check`.
#[test]
fn a_session_file_from_the_spine_still_loads() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/spine-bakers-s03.ron");
    let text = std::fs::read_to_string(&path).expect("the fixture is there");
    assert!(
        !text.contains("backlog"),
        "the fixture predates the backlog"
    );
    let session = store::load(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(session.needs.backlog.is_empty());
    assert_eq!(session.needs.cards.len(), 24);
    assert!(!session.problem.causes.is_empty());
    assert!(store::check_session(&session, Lang::En.strings()).is_empty());
}
