//! Format 1 forever: the files the first release wrote (`tests/fixtures/v1-release/`, kept
//! byte for byte as it shipped them) load, show and replay exactly as they did when format 2
//! came in; saving one writes it in format 2 and loses nothing; reading one never writes it;
//! and a file from a newer atelier is refused with its own sentence, untouched.
//!
//! How each file shows is an insta snapshot taken from the code as it was when format 2
//! landed (`tests/snapshots/format__*.snap`): a later change that alters how a format 1 file
//! reads fails here, and its author must look at the difference.

use atelier::i18n::Lang;
use atelier::model::life::{GroupChange, LeaveReason, Role, RoleTerm, Rule, RuleVersion};
use atelier::model::{Change, SCHEMA_VERSION, Session};
use atelier::replay::Replay;
use atelier::store::{self, LoadError};
use atelier::update::Snapshot;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1-release");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    v.sort();
    assert_eq!(v.len(), 6, "the six sessions of the first release");
    v
}

fn stem(path: &Path) -> String {
    path.file_stem().unwrap().to_string_lossy().into_owned()
}

fn load(path: &Path) -> Session {
    let s = store::load(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(s.version, 1, "{}", path.display());
    assert!(s.start.is_none(), "format 1 stores no start");
    s
}

fn lang_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "fr",
        Lang::En => "en",
    }
}

/// The bytes and modification time of a file: what reading must leave as they are.
fn stamp(path: &Path) -> (Vec<u8>, SystemTime) {
    (
        std::fs::read(path).unwrap(),
        std::fs::metadata(path).unwrap().modified().unwrap(),
    )
}

#[test]
fn each_format_1_file_shows_as_it_did_in_both_languages() {
    for path in fixtures() {
        let s = load(&path);
        for lang in [Lang::Fr, Lang::En] {
            let text = atelier::show::to_text(&atelier::show::show(&s, lang, false), lang);
            insta::assert_snapshot!(format!("show_{}_{}", stem(&path), lang_name(lang)), text);
        }
    }
}

/// Every event in words and the phase it leaves the session in, position by position.
fn replay_told(s: &Session) -> String {
    let mut r = Replay::new(s);
    let mut out = format!("0 [{}]\n", r.phase());
    for i in 0..r.len() {
        assert!(r.step_forward());
        out.push_str(&format!(
            "{} [{}] {}\n",
            r.position(),
            r.phase(),
            r.describe(i, Lang::Fr)
        ));
    }
    assert!(!r.step_forward(), "no position after the last event");
    out
}

#[test]
fn a_format_1_session_replays_exactly_as_before() {
    for path in fixtures() {
        let s = load(&path);
        let mut r = Replay::new(&s);
        assert!(r.rebuilds_saved(), "{} replays to its data", path.display());
        assert_eq!(r.len(), s.history.len());
        // Positions 0 to n: the session as created, then one per event.
        let mut positions = vec![r.position()];
        while r.step_forward() {
            positions.push(r.position());
        }
        assert_eq!(positions.len(), s.history.len() + 1);
        assert_eq!(positions, (0..=s.history.len()).collect::<Vec<_>>());
        assert!(atelier::replay::same_data(r.state(), &s));
        // The start is rebuilt from the saved session (format 1 stores none): nothing of
        // the group's life, whose format came later.
        let start = r.start();
        assert!(start.start.is_none());
        assert_eq!(start.group.members.len(), {
            let added = s
                .history
                .iter()
                .filter(|e| matches!(e.change, Change::MemberAdded { .. }))
                .count();
            s.group.members.len() - added
        });
        insta::assert_snapshot!(format!("replay_{}", stem(&path)), replay_told(&s));
    }
}

#[test]
fn a_format_1_file_saved_once_is_format_2_and_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    for path in fixtures() {
        let old = load(&path);
        // As the app writes a session it has open: in today's format.
        let out = dir.path().join(path.file_name().unwrap());
        let snapshot = Snapshot::of(&old, &out);
        store::save(&snapshot.path, &snapshot.session).unwrap();
        let text = std::fs::read_to_string(&out).unwrap();
        assert!(
            text.starts_with(&format!("(\n    version: {SCHEMA_VERSION},\n")),
            "{}",
            &text[..60]
        );
        assert!(text.contains("version: 2,"));
        let new = store::load(&out).unwrap();
        assert_eq!(new.version, 2);
        // Field by field (a field added to `Session` must be added here): all but the
        // version are as the format 1 file had them.
        let Session {
            version: _,
            kind,
            id,
            number,
            date,
            lang,
            place,
            state,
            created,
            saved,
            closed,
            conflict,
            group,
            current_phase,
            timers,
            checkin,
            followup,
            needs,
            problem,
            solutions,
            plan,
            closing,
            drafts,
            method,
            start,
            history,
        } = &new;
        let name = path.display();
        assert_eq!(*kind, old.kind, "{name}: kind");
        assert_eq!(*id, old.id, "{name}: id");
        assert_eq!(*number, old.number, "{name}: number");
        assert_eq!(*date, old.date, "{name}: date");
        assert_eq!(*lang, old.lang, "{name}: lang");
        assert_eq!(*place, old.place, "{name}: place");
        assert_eq!(*state, old.state, "{name}: state");
        assert_eq!(*created, old.created, "{name}: created");
        assert_eq!(*saved, old.saved, "{name}: saved");
        assert_eq!(*closed, old.closed, "{name}: closed");
        assert_eq!(*conflict, old.conflict, "{name}: conflict");
        assert_eq!(*group, old.group, "{name}: group");
        assert_eq!(*current_phase, old.current_phase, "{name}: current_phase");
        assert_eq!(*timers, old.timers, "{name}: timers");
        assert_eq!(*checkin, old.checkin, "{name}: checkin");
        assert_eq!(*followup, old.followup, "{name}: followup");
        assert_eq!(*needs, old.needs, "{name}: needs");
        assert_eq!(*problem, old.problem, "{name}: problem");
        assert_eq!(*solutions, old.solutions, "{name}: solutions");
        assert_eq!(*plan, old.plan, "{name}: plan");
        assert_eq!(*closing, old.closing, "{name}: closing");
        assert_eq!(*drafts, old.drafts, "{name}: drafts");
        assert_eq!(*method, old.method, "{name}: method");
        assert_eq!(
            *start, old.start,
            "{name}: start (none: it cannot be known now)"
        );
        assert_eq!(*history, old.history, "{name}: history");
        // It still shows and replays as the format 1 file did.
        for lang in [Lang::Fr, Lang::En] {
            let show =
                |s: &Session| atelier::show::to_text(&atelier::show::show(s, lang, false), lang);
            assert_eq!(show(&new), show(&old), "{name}");
        }
        assert!(Replay::new(&new).rebuilds_saved(), "{name}");
        assert_eq!(replay_told(&new), replay_told(&old), "{name}");
        assert!(store::check_session(&new, Lang::En.strings()).is_empty());
    }
}

#[test]
fn reading_a_format_1_file_never_writes_it() {
    // A copy of the folder, so that the home screen's listing reads it too (read-only: no
    // summary cache written anywhere).
    let dir = tempfile::tempdir().unwrap();
    let mut copies = Vec::new();
    for path in fixtures() {
        let copy = dir.path().join(path.file_name().unwrap());
        std::fs::copy(&path, &copy).unwrap();
        copies.push(copy);
    }
    let files: Vec<PathBuf> = fixtures().into_iter().chain(copies).collect();
    let before: Vec<_> = files.iter().map(|p| stamp(p)).collect();
    for path in &files {
        let s = load(path);
        for lang in [Lang::Fr, Lang::En] {
            let _ = atelier::show::to_text(&atelier::show::show(&s, lang, true), lang);
            assert!(store::check_session(&s, lang.strings()).is_empty());
            let text = std::fs::read_to_string(path).unwrap();
            assert!(store::check_history(&s, &text, lang.strings()).is_empty());
        }
        let mut r = Replay::new(&s);
        while r.step_forward() {}
        r.go_to(0);
    }
    let listing = store::Store::read_only(dir.path()).list();
    assert_eq!(listing.sessions.len(), 6);
    let after: Vec<_> = files.iter().map(|p| stamp(p)).collect();
    for ((path, b), a) in files.iter().zip(&before).zip(&after) {
        assert!(b.0 == a.0, "{}: bytes unchanged", path.display());
        assert_eq!(b.1, a.1, "{}: not even touched", path.display());
    }
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 6, "nothing written beside them: {names:?}");
}

#[test]
fn a_file_from_a_newer_atelier_is_refused_and_left_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    // A format 1 file and a format 2 one (the shipped copy), each said to be format 3.
    let sources = [
        fixtures().remove(0),
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("sessions/2026-11-24_couturieres-d-oujda_s03_0cz1gj.ron"),
    ];
    for source in sources {
        let text = std::fs::read_to_string(&source).unwrap();
        let version = text
            .lines()
            .find(|l| l.trim_start().starts_with("version:"))
            .unwrap()
            .to_string();
        let newer = text.replacen(&version, "    version: 3,", 1);
        assert_ne!(newer, text);
        let path = dir.path().join(source.file_name().unwrap());
        std::fs::write(&path, &newer).unwrap();
        let before = stamp(&path);
        let err = store::load(&path).unwrap_err();
        assert_eq!(
            err,
            LoadError::Newer {
                found: 3,
                known: SCHEMA_VERSION
            }
        );
        let fr = err.message(Lang::Fr.strings());
        assert!(
            fr.contains("écrit par une version plus récente d'atelier"),
            "{fr}"
        );
        assert!(fr.contains('3') && fr.contains(&SCHEMA_VERSION.to_string()));
        let en = err.message(Lang::En.strings());
        assert!(en.contains("written by a newer atelier"), "{en}");
        // Listed as unreadable, with its reason; never rewritten.
        let listing = store::Store::read_only(dir.path()).list();
        assert!(
            listing
                .unreadable
                .iter()
                .any(|(p, e)| p == &path && *e == err),
            "{:?}",
            listing.unreadable
        );
        assert!(stamp(&path) == before, "{}: untouched", path.display());
        std::fs::remove_file(&path).unwrap();
    }
}

/// A format 1 session resumed by this atelier, which records the group's life in it (a
/// coordinator elected, a rule adopted and amended, a member leaving) and saves it: it has
/// no stored start, yet replays to its data, from a start without that life.
#[test]
fn a_format_1_session_resumed_with_the_groups_life_still_replays() {
    let path = fixtures()
        .into_iter()
        .find(|p| stem(p).contains("boulangers-de-tanger_s03"))
        .unwrap();
    let mut s = load(&path);
    let at = s.saved + chrono::TimeDelta::minutes(2);
    let day = s.date;
    let (first, second) = (s.group.members[0].id.clone(), s.group.members[1].id.clone());
    let version = |text: &str| RuleVersion {
        text: text.into(),
        date: day,
        session: Some(s.id.clone()),
        attendance: None,
    };
    let changes = [
        GroupChange::RoleAssigned {
            term: RoleTerm {
                id: "role00000001".into(),
                role: Role::Coordinator,
                member: first.clone(),
                from: day,
                to: None,
                session: Some(s.id.clone()),
            },
        },
        GroupChange::RuleAdopted {
            rule: Rule {
                id: "rule00000001".into(),
                versions: vec![version("Ce qui se dit au groupe reste au groupe")],
                withdrawn: None,
            },
        },
        GroupChange::RuleAmended {
            id: "rule00000001".into(),
            version: version("Ce qui se dit au groupe reste au groupe, même en ligne"),
        },
        GroupChange::PlanObjectiveAdded {
            year: 2027,
            objective: atelier::model::Item {
                id: "obj000000001".into(),
                text: "Acheter la farine ensemble".into(),
                created: at,
            },
        },
        GroupChange::MemberLeft {
            member: second.clone(),
            date: day,
            reason: LeaveReason::Moved,
        },
    ];
    for (k, change) in changes.into_iter().enumerate() {
        s.record(
            at + chrono::TimeDelta::seconds(k as i64),
            Change::Group(change),
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join(path.file_name().unwrap());
    let snapshot = Snapshot::of(&s, &out);
    store::save(&snapshot.path, &snapshot.session).unwrap();
    let saved = store::load(&out).unwrap();
    assert_eq!(saved.version, 2);
    assert!(saved.start.is_none());
    assert_eq!(saved.group.rules[0].versions.len(), 2);
    assert_eq!(saved.group.plans[0].objectives.len(), 1);
    let r = Replay::new(&saved);
    assert!(r.rebuilds_saved());
    let g = &r.start().group;
    assert!(g.roles.is_empty() && g.rules.is_empty() && g.plans.is_empty());
    assert_eq!(g.member(&second).unwrap().left, None);
    assert_eq!(r.start().group.members, load(&path).group.members);
}
