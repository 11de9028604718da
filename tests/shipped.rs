//! The example sessions shipped in `sessions/` load and pass `check`: they are what a new
//! user and a trainer look at first, so they must never rot as the format grows.

use atelier::i18n::Lang;
use atelier::store;
use std::path::Path;

/// The session files of the folder (beside them: the groups' visits, activities and
/// diagnoses, see `shipped_records_load_and_pass_check`).
fn sessions_in(dir: &Path) -> Vec<std::path::PathBuf> {
    store::session_files(dir)
        .expect("the sessions folder is readable")
        .into_iter()
        .filter(|p| store::kind_of(p) == Some(atelier::model::dated::Kind::Session))
        .collect()
}

/// The demo groups' life between meetings ships beside their sessions: each record loads,
/// passes check and belongs to a shipped group.
#[test]
fn shipped_records_load_and_pass_check() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions");
    let groups: std::collections::BTreeSet<_> = sessions_in(&dir)
        .iter()
        .map(|p| store::load(p).unwrap().group.id)
        .collect();
    let mut kinds = std::collections::BTreeMap::new();
    for path in store::session_files(&dir).unwrap() {
        let Some(kind) = store::kind_of(&path).filter(|k| !k.is_default()) else {
            continue;
        };
        let r = store::load_record(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(
            store::check_record(&r, Lang::En).is_empty(),
            "{}",
            path.display()
        );
        assert!(groups.contains(r.dated().group()), "{}", path.display());
        *kinds.entry((r.dated().group().clone(), kind)).or_insert(0) += 1;
    }
    use atelier::model::dated::Kind;
    for g in &groups {
        for (kind, n) in [(Kind::Activity, 1), (Kind::Visit, 2), (Kind::Diagnosis, 2)] {
            let has = kinds.get(&(g.clone(), kind)).copied().unwrap_or(0);
            assert!(has >= n, "{g}: {has} {kind:?}");
        }
    }
}

#[test]
fn shipped_sessions_load_and_pass_check() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions");
    let files = sessions_in(&dir);
    assert!(
        files.len() >= 6,
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

/// `sessions/` holds what `cargo run --example write-samples -- sessions` writes, byte for
/// byte: the samples (`atelier::sample` and its data files) and the shipped files change
/// together, or this says which file differs.
#[test]
fn shipped_sessions_are_the_samples_as_written() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions");
    let tmp = tempfile::tempdir().unwrap();
    let fresh = store::Store::new(tmp.path());
    let mut written = Vec::new();
    for session in atelier::sample::shipped() {
        let path = fresh.path_for_new(&session);
        store::save(&path, &session).unwrap();
        written.push(path);
    }
    for record in atelier::sample::shipped_records() {
        let path = fresh.path_for_record(&record);
        store::save_record(&path, &record).unwrap();
        written.push(path);
    }
    let names = |paths: &[std::path::PathBuf]| -> Vec<String> {
        let mut v: Vec<String> = paths
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    };
    let shipped: Vec<std::path::PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    assert_eq!(names(&written), names(&shipped), "the files of sessions/");
    for path in &written {
        let name = path.file_name().unwrap();
        assert!(
            std::fs::read(path).unwrap() == std::fs::read(dir.join(name)).unwrap(),
            "sessions/{} is not what write-samples writes (regenerate it with \
             `cargo run --example write-samples -- sessions` if the samples changed on purpose)",
            name.to_string_lossy()
        );
    }
}

/// The shipped files are written as atelier writes a session today (regenerate them with
/// `cargo run --example write-samples -- sessions`): strings as typed, so a search of the
/// file for a typed phrase finds it ("l'association", an Arabic name with its vowel marks).
#[test]
fn shipped_sessions_hold_their_strings_as_typed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions");
    for path in sessions_in(&dir) {
        let text = std::fs::read_to_string(&path).unwrap();
        let session = store::load(&path).unwrap();
        for escape in ["\\'", "\\u{", "\\\"", "\\n"] {
            assert!(!text.contains(escape), "{}: {escape}", path.display());
        }
        let typed = [&session.group.name, &session.group.host, &session.place];
        for member in &session.group.members {
            assert!(
                text.contains(&format!("\"{}\"", member.name)),
                "{}",
                member.name
            );
        }
        for t in typed {
            assert!(
                text.contains(&format!("\"{t}\"")),
                "{}: {t}",
                path.display()
            );
        }
    }
}

/// Two groups, three sessions each, and each session builds on the one before: the actions
/// an earlier session decided are reviewed at the next one, in the folder as shipped (this
/// is what `atelier demo` opens and what a trainer walks a class through).
#[test]
fn shipped_groups_show_a_progression_over_three_sessions() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions");
    let mut by_group: std::collections::BTreeMap<String, Vec<atelier::model::Session>> =
        Default::default();
    for path in sessions_in(&dir) {
        let s = store::load(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        by_group.entry(s.group.id.to_string()).or_default().push(s);
    }
    assert_eq!(
        by_group.len(),
        2,
        "the bakers of Tanger and the tailors of Oujda"
    );
    let regions: Vec<_> = by_group
        .values()
        .map(|v| v[0].group.region.clone())
        .collect();
    assert!(regions.contains(&atelier::model::Region::TangerTetouanAlHoceima));
    assert!(regions.contains(&atelier::model::Region::Oriental));
    for sessions in by_group.values_mut() {
        sessions.sort_by_key(|s| s.number);
        let name = &sessions[0].group.name;
        let numbers: Vec<u32> = sessions.iter().map(|s| s.number).collect();
        assert_eq!(numbers, [1, 2, 3], "{name}");
        let arabic = |t: &str| t.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
        assert!(
            sessions[0].group.members.iter().any(|m| arabic(&m.name)),
            "{name}: some members' names are in Arabic script"
        );
        // Needs surfaced, a problem analysed, actions decided, in every session.
        for s in sessions.iter() {
            assert!(s.needs.priority.is_some(), "{name} {}", s.number);
            assert!(!s.problem.statement.is_empty(), "{name} {}", s.number);
            assert!(
                s.problem.causes.iter().any(|c| c.root),
                "{name} {}",
                s.number
            );
            assert!(!s.plan.actions.is_empty(), "{name} {}", s.number);
        }
        assert!(
            sessions[0].followup.reviews.is_empty(),
            "{name}: nothing to review yet"
        );
        for k in 1..3 {
            let s = &sessions[k];
            let before = &sessions[k - 1];
            assert!(!s.followup.reviews.is_empty(), "{name} {}", s.number);
            assert!(
                s.followup.reviews.iter().all(|r| r.status.is_some()),
                "{name} {}: every action reviewed",
                s.number
            );
            for r in &s.followup.reviews {
                let origin = sessions
                    .iter()
                    .find(|o| o.id == r.from_session)
                    .unwrap_or_else(|| {
                        panic!("{name} {}: {} from nowhere", s.number, r.action.what)
                    });
                assert!(origin.number < s.number);
                assert!(
                    origin.plan.actions.iter().any(|a| a == &r.action),
                    "{name} {}: {} is not as session {} decided it",
                    s.number,
                    r.action.what,
                    origin.number
                );
            }
            // Every action of the session before is reviewed (or was closed there).
            for a in &before.plan.actions {
                assert!(
                    s.followup.reviews.iter().any(|r| r.action.id == a.id),
                    "{name} {}: {} is not reviewed",
                    s.number,
                    a.what
                );
            }
        }
    }
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

/// The six sessions as the first release shipped them (format version 1, strings written
/// with escapes: `d\'Artisanat`, `\u{64f}`), kept as they were: each loads, is the same
/// meeting as its regenerated copy in `sessions/` (which has since been given the group's
/// life: roles, rules, a work plan, a project, so it is no longer equal), shows, replays to
/// its saved data, and reading it changes nothing in the file. How each shows and replays,
/// to the letter, is `tests/format.rs`.
#[test]
fn the_first_releases_files_still_load_show_and_replay_unchanged() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("tests/fixtures/v1-release");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let before = std::fs::read(&path).unwrap();
        let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
        let old = store::load(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(old.version, 1);
        let now = store::load(&root.join("sessions").join(path.file_name().unwrap())).unwrap();
        // The shipped copy is written in today's format, and is the same meeting: the same
        // members, and what they said and decided, written as they wrote it.
        assert_eq!(now.version, atelier::model::SCHEMA_VERSION);
        assert!(now.start.is_some());
        let meeting = |s: &atelier::model::Session| {
            let members: Vec<_> = (s.group.members.iter())
                .map(|m| (m.id.clone(), m.name.clone(), m.phone.clone()))
                .collect();
            let ideas: Vec<_> = (s.solutions.ideas.iter())
                .map(|i| (i.id.clone(), i.text.clone()))
                .collect();
            let actions: Vec<_> = (s.plan.actions.iter())
                .map(|a| (a.id.clone(), a.what.clone(), a.due))
                .collect();
            (
                (s.id.clone(), s.number, s.date, s.group.id.clone(), members),
                (s.checkin.clone(), s.needs.clone(), s.problem.clone()),
                (ideas, actions, s.closing.commitments.clone()),
            )
        };
        assert!(
            meeting(&old) == meeting(&now),
            "{}: the same meeting",
            path.display()
        );
        let text = atelier::show::to_text(&atelier::show::show(&old, Lang::Fr, false), Lang::Fr);
        assert!(text.contains(&old.group.name), "{}", path.display());
        assert!(
            atelier::replay::Replay::new(&old).rebuilds_saved(),
            "{} replays to its data",
            path.display()
        );
        assert_eq!(
            std::fs::read(&path).unwrap(),
            before,
            "reading rewrote nothing"
        );
        assert_eq!(
            std::fs::metadata(&path).unwrap().modified().unwrap(),
            modified
        );
        seen += 1;
    }
    assert_eq!(seen, 6);
}

/// The shipped groups live a group's life (issue 13), as events of their sessions that
/// replay tells and the next session starts from: members who say their gender and the year
/// their business started; a coordinator and a deputy elected at the first session (the
/// bakers a treasurer at the second); rules, one of attendance that counts, one amended; a
/// work plan for the next year with one activity reviewed; a joint project with members,
/// milestones, a budget and who pays it, an action and an idea serving it.
#[test]
fn shipped_groups_live_a_groups_life() {
    use atelier::model::life::{Gender, GroupChange, PlanStatus, ProjectStatus, Role};
    use atelier::model::{Attendance, Change, Session};
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions");
    let mut by_group: std::collections::BTreeMap<String, Vec<Session>> = Default::default();
    for path in sessions_in(&dir) {
        let s = store::load(&path).unwrap();
        by_group.entry(s.group.name.clone()).or_default().push(s);
    }
    let events = |s: &Session| -> Vec<GroupChange> {
        (s.history.iter())
            .filter_map(|e| match &e.change {
                Change::Group(g) => Some(g.clone()),
                _ => None,
            })
            .collect()
    };
    for (name, sessions) in &mut by_group {
        sessions.sort_by_key(|s| s.number);
        let last = &sessions[2].group;
        // Each session starts from the group the one before left.
        for k in 1..3 {
            let start = sessions[k].start.as_ref().expect("a stored start");
            assert_eq!(start.group, sessions[k - 1].group, "{name} {}", k + 1);
        }
        let genders: Vec<Gender> = last.members.iter().filter_map(|m| m.gender).collect();
        assert_eq!(
            genders.len(),
            last.members.len(),
            "{name}: every gender said"
        );
        assert!(last.members.iter().all(|m| m.business_since.is_some()));
        // Roles: elected at session 1, in its history.
        let elected = |s: &Session| -> Vec<Role> {
            (events(s).into_iter())
                .filter_map(|g| match g {
                    GroupChange::RoleAssigned { term } => Some(term.role),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(
            elected(&sessions[0]),
            [Role::Coordinator, Role::Deputy],
            "{name}"
        );
        // Rules: adopted, one amended later, one of attendance the check-in can count.
        assert!((2..=3).contains(&last.rules.len()), "{name}");
        assert!(last.rules.iter().any(|r| r.versions.len() > 1), "{name}");
        let rule = (last.rules.iter())
            .find_map(|r| r.current().attendance)
            .expect("an attendance rule");
        let amended =
            |s: &Session| (events(s).iter()).any(|g| matches!(g, GroupChange::RuleAmended { .. }));
        assert!(amended(&sessions[1]) || amended(&sessions[2]), "{name}");
        // The work plan for the year after, agreed at session 2 or 3, one activity reviewed.
        let plan = &last.plans[0];
        assert_eq!(plan.year, chrono::Datelike::year(&sessions[0].date) + 1);
        assert!(!plan.objectives.is_empty());
        assert!((4..=6).contains(&plan.activities.len()), "{name}");
        assert!(
            (plan.activities.iter())
                .any(|a| a.status != PlanStatus::Planned && !a.comment.is_empty()),
            "{name}"
        );
        let reviewed = (sessions.iter())
            .flat_map(&events)
            .any(|g| matches!(g, GroupChange::PlannedActivityReviewed { .. }));
        assert!(reviewed, "{name}");
        // The project: members, dated milestones, a budget its shares pay.
        let p = &last.projects[0];
        assert!(p.members.len() >= 4 && p.milestones.len() >= 3, "{name}");
        assert!(p.milestones.iter().all(|m| m.due.is_some()));
        assert!(p.milestones.iter().any(|m| m.done.is_some()), "{name}");
        assert_eq!(p.budget_mad, Some(p.funded_mad()), "{name}");
        assert!(p.funding.len() >= 3, "host, programme, members");
        let served = |s: &Session| {
            s.plan
                .actions
                .iter()
                .any(|a| a.project.as_ref() == Some(&p.id))
        };
        let inspired = |s: &Session| {
            s.solutions
                .ideas
                .iter()
                .any(|i| i.project.as_ref() == Some(&p.id))
        };
        assert!(
            sessions.iter().any(served),
            "{name}: an action serves the project"
        );
        assert!(
            sessions.iter().any(inspired),
            "{name}: an idea serves the project"
        );
        // Replay tells every event of the group's life, naming what it is about.
        for s in sessions.iter() {
            let r = atelier::replay::Replay::new(s);
            assert!(r.rebuilds_saved(), "{name} {}", s.number);
            for (i, e) in s.history.iter().enumerate() {
                if matches!(e.change, Change::Group(_)) {
                    for lang in [Lang::Fr, Lang::En] {
                        let said = r.describe(i, lang);
                        assert!(!said.contains(lang.strings().life.unknown), "{said}");
                    }
                }
            }
        }
        // Where each member stands against the attendance rule, over the three sessions.
        let near: Vec<&str> = (last.members.iter())
            .filter(|m| {
                let seen: Vec<Option<Attendance>> = (sessions.iter())
                    .map(|s| {
                        s.checkin
                            .attendance
                            .contains_key(&m.id)
                            .then(|| s.attendance_of(&m.id))
                    })
                    .collect();
                rule.count(&seen).close()
            })
            .map(|m| m.name.as_str())
            .collect();
        if name.starts_with("Couturières") {
            assert!(genders.iter().all(|g| *g == Gender::Woman), "{name}");
            assert_eq!(p.status, ProjectStatus::Prepared);
            assert!(near.is_empty(), "{near:?}");
        } else {
            assert!(genders.contains(&Gender::Woman) && genders.contains(&Gender::Man));
            assert_eq!(elected(&sessions[1]), [Role::Treasurer]);
            let statuses: Vec<ProjectStatus> = sessions[1..]
                .iter()
                .flat_map(|s| {
                    let added = events(s).into_iter().filter_map(|g| match g {
                        GroupChange::ProjectAdded { project } => Some(project.status),
                        GroupChange::ProjectStatusSet { status, .. } => Some(status),
                        _ => None,
                    });
                    added.collect::<Vec<_>>()
                })
                .collect();
            assert_eq!(
                statuses,
                [
                    ProjectStatus::Idea,
                    ProjectStatus::Prepared,
                    ProjectStatus::Running
                ]
            );
            // Mustapha, absent without excuse at sessions 1 and 3: one absence from the rule.
            assert_eq!(near, ["Mustapha El Fassi"]);
        }
    }
}
