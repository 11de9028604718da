//! `atelier check` compares the folder's records with their group, and the group's life with
//! itself, as the group's latest session carries it (issue 13): a visit or a diagnosis about
//! someone who is not a member (former members count), an activity's participant who is not
//! one, an activity linked to a project the group does not have; a role held by an unknown
//! member, an action, an idea or a planned activity linked to an unknown project, a project
//! member who is unknown. Each is a warning naming the file, the place and what to do.

mod common;

use atelier::model::dated::Record;
use atelier::model::life::{PlanStatus, PlannedActivity, Project, ProjectStatus, Role, RoleTerm};
use atelier::model::{Attendance, Id, Session};
use atelier::store::{self, Store};
use common::binary::Env;
use common::records::{activity, diagnosis, visit};
use common::{day, t0};
use std::path::{Path, PathBuf};

fn save_record(dir: &Path, r: &Record) -> PathBuf {
    let path = Store::new(dir).path_for_record(r);
    store::save_record(&path, r).unwrap();
    path
}

fn check(env: &Env, lang: &str) -> (Option<i32>, String) {
    let out = env
        .cmd()
        .args(["--lang", lang, "check", env.dir()])
        .output()
        .unwrap();
    (out.status.code(), String::from_utf8(out.stdout).unwrap())
}

/// The line of the report about `path` that holds `what`.
fn line_of(report: &str, path: &Path, what: &str) -> String {
    report
        .lines()
        .find(|l| l.starts_with(&format!("{}:", path.display())) && l.contains(what))
        .unwrap_or_else(|| panic!("no line of {} with {what:?} in:\n{report}", path.display()))
        .to_string()
}

/// The text of the file's line a report's line points at.
fn pointed(report_line: &str, path: &Path) -> String {
    let rest = &report_line[path.display().to_string().len() + 1..];
    let line: usize = rest.split(':').next().unwrap().parse().unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    text.lines().nth(line - 1).unwrap().to_string()
}

fn project(id: &str, title: &str, members: Vec<Id>) -> Project {
    Project {
        id: Id::from(id),
        title: title.into(),
        aim: String::new(),
        status: ProjectStatus::Running,
        started: day(2026, 10, 1),
        session: None,
        members,
        milestones: Vec::new(),
        budget_mad: None,
        funding: Vec::new(),
    }
}

/// The bakers' session, one of its members gone (a former member), a joint project.
fn bakers() -> Session {
    let mut s = atelier::sample::bakers_session(t0(), 7);
    s.group.members[3].left = Some(day(2026, 11, 1));
    let m0 = s.group.members[0].id.clone();
    s.group
        .projects
        .push(project("prfour000001", "Four collectif", vec![m0]));
    s
}

#[test]
fn records_naming_members_or_projects_their_group_does_not_know_are_warned_about() {
    let env = Env::new();
    let s = bakers();
    let latest = env.save(&s);
    let m = &s.group.members;
    // Sound: a visit to a former member, an activity of members on the group's project.
    let mut good_visit = visit();
    good_visit.group = s.group.id.clone();
    (good_visit.member, good_visit.member_name) = (m[3].id.clone(), m[3].name.clone());
    let mut good = activity();
    good.group = s.group.id.clone();
    good.participants = [(m[0].id.clone(), Attendance::Present)].into();
    good.project = Some(Id::from("prfour000001"));
    save_record(&env.dir, &Record::Visit(Box::new(good_visit)));
    save_record(&env.dir, &Record::Activity(Box::new(good)));
    let (code, report) = check(&env, "fr");
    assert_eq!(code, Some(0), "{report}");

    // A visit and a diagnosis about strangers, an activity with one and a project the group
    // does not have.
    let mut v = visit();
    v.id = Id::from("vstranger001");
    v.group = s.group.id.clone();
    (v.member, v.member_name) = (Id::from("mzzinconnu01"), "Nabil Inconnu".into());
    let mut d = diagnosis();
    d.id = Id::from("dstranger001");
    d.group = s.group.id.clone();
    (d.member, d.member_name) = (Id::from("mzzinconnu02"), String::new());
    let mut a = activity();
    a.id = Id::from("astranger001");
    a.group = s.group.id.clone();
    a.participants = [
        (m[0].id.clone(), Attendance::Present),
        (Id::from("mzzinconnu03"), Attendance::Present),
    ]
    .into();
    a.project = Some(Id::from("przzinconnu1"));
    let v = save_record(&env.dir, &Record::Visit(Box::new(v)));
    let d = save_record(&env.dir, &Record::Diagnosis(Box::new(d)));
    let a = save_record(&env.dir, &Record::Activity(Box::new(a)));
    let before: Vec<Vec<u8>> = [&v, &d, &a]
        .iter()
        .map(|p| std::fs::read(p).unwrap())
        .collect();

    let (code, fr) = check(&env, "fr");
    assert_eq!(code, Some(1), "{fr}");
    let latest = latest.file_name().unwrap().to_string_lossy().into_owned();
    let visit_line = line_of(&fr, &v, "Nabil Inconnu");
    for part in [
        "avertissement: Une visite individuelle concerne Nabil Inconnu (mzzinconnu01)",
        "n'est pas membre du groupe « Boulangers de Tanger »",
        &latest,
        "pas même un ancien membre",
        "Corrigez l'identifiant du membre dans ce fichier",
    ] {
        assert!(visit_line.contains(part), "{part:?} missing: {visit_line}");
    }
    assert!(pointed(&visit_line, &v).contains("member:"), "{visit_line}");
    // A name the diagnosis does not write: its short id.
    let diag_line = line_of(&fr, &d, "mzzinconnu02");
    assert!(
        diag_line.contains("Un diagnostic de membre concerne #mzzinc (mzzinconnu02)"),
        "{diag_line}"
    );
    let participant = line_of(&fr, &a, "le participant mzzinconnu03");
    assert!(
        participant.contains("retirez ce participant"),
        "{participant}"
    );
    assert!(pointed(&participant, &a).contains("mzzinconnu03"));
    let proj = line_of(&fr, &a, "projet commun przzinconnu1");
    assert!(pointed(&proj, &a).contains("project:"), "{proj}");
    assert!(fr.contains("4 avertissements"), "{fr}");
    // The members of the group that are known raise nothing.
    assert!(!fr.contains(m[0].id.as_str()), "{fr}");

    let (_, en) = check(&env, "en");
    let visit_line = line_of(&en, &v, "Nabil Inconnu");
    assert!(
        visit_line.contains("A coaching visit is about Nabil Inconnu (mzzinconnu01), who is not a member of the group \"Boulangers de Tanger\""),
        "{visit_line}"
    );
    line_of(&en, &a, "participant mzzinconnu03 is not a member");
    line_of(
        &en,
        &a,
        "which the group \"Boulangers de Tanger\" does not have",
    );
    // Nothing written.
    for (p, b) in [&v, &d, &a].iter().zip(&before) {
        assert_eq!(&std::fs::read(p).unwrap(), b);
    }
}

#[test]
fn the_groups_life_in_its_latest_session_is_checked_for_unknown_members_and_projects() {
    let env = Env::new();
    let mut series = atelier::sample::series(t0(), 7);
    let stranger = Id::from("mzzinconnu09");
    let term = |id: &str| RoleTerm {
        id: Id::from(id),
        role: Role::Treasurer,
        member: stranger.clone(),
        from: day(2026, 10, 27),
        to: None,
        session: None,
    };
    // An older session's slip, mended since: the latest session is what counts.
    series[0].group.roles.push(term("rtold0000001"));
    let older = env.save(&series[0]);
    let mut latest = series.pop().unwrap();
    let m0 = latest.group.members[0].id.clone();
    latest.group.roles.push(term("rtnew0000001"));
    latest.group.projects.push(project(
        "prstand00001",
        "Stand à la foire",
        vec![m0, stranger.clone()],
    ));
    latest.plan.actions[0].project = Some(Id::from("przzgone0001"));
    latest.solutions.ideas[0].project = Some(Id::from("przzgone0002"));
    let year = latest.date.format("%Y").to_string().parse().unwrap();
    if latest.group.plans.is_empty() {
        latest.group.plans.push(atelier::model::life::WorkPlan {
            year,
            session: None,
            objectives: Vec::new(),
            activities: Vec::new(),
        });
    }
    latest.group.plans[0].activities.push(PlannedActivity {
        id: Id::from("paplan000001"),
        month: 12,
        what: "Visite du salon".into(),
        who: String::new(),
        status: PlanStatus::Planned,
        comment: String::new(),
        project: Some(Id::from("przzgone0003")),
    });
    for s in &series[1..] {
        env.save(s);
    }
    let path = env.save(&latest);

    let (code, fr) = check(&env, "fr");
    assert_eq!(code, Some(1), "{fr}");
    assert!(!fr.contains(&older.display().to_string()), "{fr}");
    let role = line_of(&fr, &path, "le rôle « trésorier");
    assert!(role.contains("mzzinconnu09") && role.contains("retirez ce mandat"));
    assert!(pointed(&role, &path).contains("rtnew0000001"), "{role}");
    let member = line_of(&fr, &path, "le projet commun « Stand à la foire »");
    assert!(member.contains("mzzinconnu09"), "{member}");
    let action = line_of(&fr, &path, "projet commun przzgone0001");
    assert!(action.starts_with(&format!("{}:", path.display())));
    assert!(action.contains(&format!("l'action « {} »", latest.plan.actions[0].what)));
    line_of(&fr, &path, "projet commun przzgone0002");
    let planned = line_of(&fr, &path, "projet commun przzgone0003");
    assert!(planned.contains("l'activité prévue « Visite du salon »"));
    assert!(fr.contains("5 avertissements"), "{fr}");
    let (_, en) = check(&env, "en");
    line_of(&en, &path, "the role \"treasurer\" is held by mzzinconnu09");
    line_of(&en, &path, "the idea");
}
