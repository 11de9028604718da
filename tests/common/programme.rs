//! The programme's hand-written fixture folder: three groups, twelve sessions (eleven in
//! 2026, the period), visits, activities and diagnoses, for the report's tests
//! (`tests/report_figures.rs`, `tests/report_html.rs`). The folder is described group
//! by group, and every expected number worked out by hand, in `report_figures.rs`.

use atelier::model::dated::Record;
use atelier::model::dated::{
    Activity, ActivityKind, Answer, Diagnosis, Kind, Occasion, Visit, core_questions,
};
use atelier::model::life::{Gender, LeaveReason, Project, ProjectStatus};
use atelier::model::{
    Action, ActionStatus, Attendance, Id, Idea, IdeaKind, LegalStatus, Member, Region, Review,
    Session,
};
use atelier::report::{self, By, Options, Report};
use atelier::store::{self, Store};
use chrono::{NaiveDate, TimeZone, Utc};
use std::path::{Path, PathBuf};

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

pub fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2027, 1, 10, 9, 0, 0).unwrap()
}

pub struct G {
    pub id: &'static str,
    pub name: &'static str,
    pub advisor: &'static str,
    pub host: &'static str,
    pub region: Region,
    pub trade: &'static str,
    pub members: Vec<Member>,
    pub projects: Vec<ProjectStatus>,
}

pub fn member(
    g: &str,
    n: usize,
    joined: NaiveDate,
    gender: Gender,
    status: Option<LegalStatus>,
) -> Member {
    Member {
        id: Id(format!("{g}m{n}")),
        name: format!("Personne {g} {n}"),
        phone: "0612345678".into(),
        joined: Some(joined),
        gender: Some(gender),
        legal_status: status,
        ..Member::default()
    }
}

pub fn groups() -> [G; 3] {
    let mut g1: Vec<Member> = (1..=10)
        .map(|n| {
            let gender = if n <= 4 { Gender::Woman } else { Gender::Man };
            let status = match n {
                1..=3 => Some(LegalStatus::Informal),
                4..=8 => Some(LegalStatus::AutoEntrepreneur),
                _ => None,
            };
            member("g1", n, d(2025, 12, 1), gender, status)
        })
        .collect();
    g1[9].joined = Some(d(2026, 9, 1));
    let mut m11 = member("g1", 11, d(2026, 1, 1), Gender::Man, None);
    m11.left = Some(d(2026, 3, 1));
    m11.left_reason = Some(LeaveReason::Moved);
    g1.push(m11);

    let mut g2: Vec<Member> = (1..=7)
        .map(|n| {
            member(
                "g2",
                n,
                d(2026, 3, 5),
                Gender::Woman,
                Some(LegalStatus::Informal),
            )
        })
        .collect();
    g2[6].left = Some(d(2026, 5, 1));

    let mut g3: Vec<Member> = (1..=16)
        .map(|n| {
            let gender = if n <= 2 { Gender::Woman } else { Gender::Man };
            member(
                "g3",
                n,
                d(2025, 11, 20),
                gender,
                Some(LegalStatus::SoleTrader),
            )
        })
        .collect();
    g3[15].left = Some(d(2026, 10, 1));
    g3[15].left_reason = Some(LeaveReason::Stopped);

    [
        G {
            id: "g1",
            name: "Boulangers du Détroit",
            advisor: "Samira",
            host: "Chambre Tanger",
            region: Region::TangerTetouanAlHoceima,
            trade: "Boulangerie",
            members: g1,
            projects: vec![ProjectStatus::Running, ProjectStatus::Idea],
        },
        G {
            id: "g2",
            name: "Couturières de l'Est",
            advisor: "Samira",
            host: "Chambre Oujda",
            region: Region::Oriental,
            trade: "Couture",
            members: g2,
            projects: vec![],
        },
        G {
            id: "g3",
            name: "Menuisiers du Nord",
            advisor: "Karim",
            host: "Chambre Tanger",
            region: Region::TangerTetouanAlHoceima,
            trade: "Menuiserie",
            members: g3,
            projects: vec![ProjectStatus::Done],
        },
    ]
}

pub fn action(id: &str, due: Option<NaiveDate>, idea: Option<&str>) -> Action {
    Action {
        id: Id(id.into()),
        what: format!("Action {id}"),
        owners: vec![],
        due,
        means: String::new(),
        indicator: String::new(),
        idea: idea.map(|i| Id(i.into())),
        project: None,
        created: now(),
    }
}

pub fn idea(id: &str, kind: IdeaKind) -> Idea {
    Idea {
        id: Id(id.into()),
        text: format!("Idée {id}"),
        proposer: Default::default(),
        cause: None,
        kind: Some(kind),
        impact: None,
        effort: None,
        chosen: true,
        project: None,
        created: now(),
    }
}

pub fn review(a: Action, status: ActionStatus) -> Review {
    Review {
        action: a,
        from_session: Id("x".into()),
        from_number: 1,
        previous: None,
        status: Some(status),
        comment: String::new(),
    }
}

/// A session of `g`: the staying members, the first `present` present, the next `excused`
/// excused, the rest absent.
pub fn session(g: &G, number: u32, date: NaiveDate, present: usize, excused: usize) -> Session {
    let mut s = atelier::sample::bakers_session(now(), u64::from(number) + 100);
    s.id = Id(format!("{}s{number}", g.id));
    s.number = number;
    s.date = date;
    s.saved = now();
    s.group.id = Id(g.id.into());
    s.group.name = g.name.into();
    s.group.advisor = g.advisor.into();
    s.group.host = g.host.into();
    s.group.region = g.region.clone();
    s.group.trade = g.trade.into();
    s.group.members = g.members.clone();
    s.group.projects = g
        .projects
        .iter()
        .enumerate()
        .map(|(i, st)| Project {
            id: Id(format!("{}p{i}", g.id)),
            title: "Projet".into(),
            aim: String::new(),
            status: *st,
            started: d(2025, 1, 1),
            session: None,
            members: vec![],
            milestones: vec![],
            budget_mad: None,
            funding: vec![],
        })
        .collect();
    s.checkin.attendance = g
        .members
        .iter()
        .filter(|m| m.left.is_none())
        .enumerate()
        .map(|(i, m)| {
            let a = if i < present {
                Attendance::Present
            } else if i < present + excused {
                Attendance::Excused
            } else {
                Attendance::Absent
            };
            (m.id.clone(), a)
        })
        .collect();
    s.checkin.guests.clear();
    s.followup.reviews.clear();
    s.solutions.ideas.clear();
    s.plan.actions.clear();
    s.closing.usefulness.clear();
    s.closing.commitments.clear();
    s
}

pub fn sessions() -> Vec<Session> {
    let [g1, g2, g3] = groups();
    let a1 = action("a1", Some(d(2026, 2, 1)), Some("i1"));
    let a2 = action("a2", Some(d(2026, 3, 1)), Some("i2"));
    let a3 = action("a3", Some(d(2026, 12, 1)), None);
    let a4 = action("a4", Some(d(2026, 4, 1)), Some("i4"));
    let a5 = action("a5", None, Some("i5"));
    let a6 = action("a6", None, Some("i6"));
    let a7 = action("a7", Some(d(2026, 10, 1)), Some("i7"));
    let a8 = action("a8", Some(d(2027, 3, 1)), Some("i8"));

    let mut s = vec![
        session(&g1, 1, d(2026, 1, 10), 9, 0),
        session(&g1, 2, d(2026, 2, 10), 7, 3),
        session(&g1, 3, d(2026, 3, 10), 10, 0),
        session(&g1, 4, d(2026, 9, 10), 8, 0),
        session(&g1, 5, d(2026, 10, 10), 6, 0),
        session(&g2, 1, d(2026, 3, 5), 6, 0),
        session(&g2, 2, d(2026, 4, 5), 5, 1),
        session(&g2, 3, d(2026, 5, 5), 4, 0),
        session(&g3, 1, d(2025, 11, 20), 15, 0),
        session(&g3, 2, d(2026, 9, 20), 15, 0),
        session(&g3, 3, d(2026, 10, 20), 12, 3),
        session(&g3, 4, d(2026, 11, 20), 7, 0),
    ];
    s[0].solutions.ideas = vec![
        idea("i1", IdeaKind::Collective),
        idea("i2", IdeaKind::Individual),
    ];
    s[0].plan.actions = vec![a1.clone(), a2.clone()];
    s[1].followup.reviews = vec![review(a1, ActionStatus::Done)];
    s[2].followup.reviews = vec![review(a2, ActionStatus::Dropped)];
    s[3].plan.actions = vec![a3];
    s[4].closing.usefulness = [(1, 5), (2, 4), (3, 4), (4, 3), (5, 5), (6, 3), (7, 1)]
        .into_iter()
        .map(|(m, n)| (Id(format!("g1m{m}")), n))
        .collect();
    s[5].solutions.ideas = vec![
        idea("i4", IdeaKind::ServiceRequest),
        idea("i5", IdeaKind::Lobbying),
    ];
    s[5].plan.actions = vec![a4.clone(), a5.clone()];
    s[6].followup.reviews = vec![
        review(a4.clone(), ActionStatus::InProgress),
        review(a5, ActionStatus::Done),
    ];
    s[7].followup.reviews = vec![review(a4, ActionStatus::Done)];
    s[8].solutions.ideas = vec![idea("i6", IdeaKind::Individual)];
    s[8].plan.actions = vec![a6.clone()];
    s[9].followup.reviews = vec![review(a6, ActionStatus::Done)];
    s[9].solutions.ideas = vec![
        idea("i7", IdeaKind::Collective),
        idea("i8", IdeaKind::Individual),
    ];
    s[9].plan.actions = vec![a7.clone(), a8.clone()];
    s[10].followup.reviews = vec![
        review(a7, ActionStatus::Blocked),
        review(a8, ActionStatus::InProgress),
    ];
    s[11].closing.usefulness = (1..=7).map(|m| (Id(format!("g3m{m}")), 3)).collect();
    s
}

pub fn visit(id: &str, g: &str, m: usize, date: NaiveDate) -> Record {
    Record::Visit(Box::new(Visit {
        version: 2,
        kind: Kind::Visit,
        id: Id(id.into()),
        group: Id(g.into()),
        group_name: "Groupe".into(),
        member: Id(format!("{g}m{m}")),
        member_name: format!("Personne {g} {m}"),
        date,
        topics: vec![],
        seen: "Vu au 0612345678".into(),
        agreed: vec![],
        reviews: vec![],
        private_notes: "Notes privées".into(),
        created: now(),
        saved: now(),
        history: vec![],
    }))
}

pub fn activity(id: &str, g: &G, present: usize, date: NaiveDate) -> Record {
    Record::Activity(Box::new(Activity {
        version: 2,
        kind: Kind::Activity,
        id: Id(id.into()),
        group: Id(g.id.into()),
        group_name: g.name.into(),
        activity: ActivityKind::Training,
        title: "Formation".into(),
        date,
        place: String::new(),
        participants: g
            .members
            .iter()
            .filter(|m| m.left.is_none())
            .enumerate()
            .map(|(i, m)| {
                let a = if i < present {
                    Attendance::Present
                } else {
                    Attendance::Absent
                };
                (m.id.clone(), a)
            })
            .collect(),
        cost_mad: None,
        notes: String::new(),
        project: None,
        created: now(),
        saved: now(),
        history: vec![],
    }))
}

pub fn diagnosis(
    id: &str,
    g: &str,
    m: usize,
    date: NaiveDate,
    occasion: Occasion,
    answers: &[(&str, Answer)],
) -> Record {
    Record::Diagnosis(Box::new(Diagnosis {
        version: 2,
        kind: Kind::Diagnosis,
        id: Id(id.into()),
        group: Id(g.into()),
        group_name: "Groupe".into(),
        member: Id(format!("{g}m{m}")),
        member_name: format!("Personne {g} {m}"),
        date,
        occasion,
        questions: core_questions(),
        answers: answers
            .iter()
            .map(|(q, a)| (q.to_string(), a.clone()))
            .collect(),
        created: now(),
        saved: now(),
        history: vec![],
    }))
}

pub fn records() -> Vec<Record> {
    use Answer::{Choice, Count, YesNo};
    let [g1, _, g3] = groups();
    let choice = |c: &str| Choice(c.into());
    vec![
        visit("v1", "g1", 1, d(2026, 2, 20)),
        visit("v2", "g1", 1, d(2026, 9, 15)),
        visit("v3", "g3", 2, d(2026, 10, 1)),
        visit("v4", "g2", 1, d(2025, 12, 1)),
        activity("t1", &g1, 8, d(2026, 3, 20)),
        activity("t2", &g3, 12, d(2026, 10, 25)),
        diagnosis(
            "d1",
            "g1",
            1,
            d(2025, 12, 1),
            Occasion::Baseline,
            &[
                ("formal_status", choice("informal")),
                ("cnss", YesNo(false)),
                ("bank_account", YesNo(true)),
                ("credit_year", YesNo(false)),
                ("jobs_paid", Count(1)),
                ("jobs_family", Count(1)),
            ],
        ),
        diagnosis(
            "d2",
            "g1",
            1,
            d(2026, 11, 1),
            Occasion::FollowUp,
            &[
                ("formal_status", choice("auto_entrepreneur")),
                ("cnss", YesNo(true)),
                ("bank_account", YesNo(true)),
                ("credit_year", YesNo(true)),
                ("jobs_paid", Count(2)),
                ("jobs_family", Count(1)),
                ("apprentices", Count(1)),
            ],
        ),
        diagnosis(
            "d3",
            "g1",
            2,
            d(2025, 12, 1),
            Occasion::Baseline,
            &[("cnss", YesNo(true))],
        ),
        diagnosis(
            "d4",
            "g3",
            1,
            d(2025, 11, 20),
            Occasion::Baseline,
            &[
                ("formal_status", choice("sole_trader")),
                ("bank_account", YesNo(false)),
                ("jobs_paid", Count(3)),
            ],
        ),
        diagnosis(
            "d5",
            "g3",
            1,
            d(2026, 11, 25),
            Occasion::FollowUp,
            &[
                ("formal_status", choice("sole_trader")),
                ("cnss", YesNo(true)),
                ("bank_account", YesNo(true)),
                ("jobs_paid", Count(3)),
                ("jobs_family", Count(0)),
            ],
        ),
        diagnosis(
            "d6",
            "g2",
            1,
            d(2026, 5, 5),
            Occasion::FollowUp,
            &[("cnss", YesNo(true))],
        ),
    ]
}

/// The fixture saved in a folder.
pub fn folder() -> (tempfile::TempDir, PathBuf) {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("sessions");
    store::ensure_dir(&dir).unwrap();
    let st = Store::new(&dir);
    for s in sessions() {
        store::save(&st.path_for_new(&s), &s).unwrap();
    }
    for r in records() {
        store::save_record(&st.path_for_record(&r), &r).unwrap();
    }
    (home, dir)
}

pub fn options(by: &[By]) -> Options {
    Options {
        from: Some(d(2026, 1, 1)),
        to: Some(d(2026, 12, 31)),
        by: by.to_vec(),
        today: Some(d(2027, 1, 15)),
    }
}

pub fn report(dir: &Path, by: &[By]) -> Report {
    report::aggregate_folder(report::read_folder(dir).unwrap(), options(by))
}

/// Member names, businesses, phones in any spacing, notes: never in any output.
pub fn assert_private(text: &str) {
    for s in sessions() {
        for m in &s.group.members {
            assert!(!text.contains(&m.name), "{} in:\n{text}", m.name);
        }
    }
    for phone in ["0612345678", "06 12 34 56 78", "612345678"] {
        assert!(!text.contains(phone), "a phone in:\n{text}");
    }
    assert!(
        !text.contains("Notes privées") && !text.contains("Vu au"),
        "{text}"
    );
}
