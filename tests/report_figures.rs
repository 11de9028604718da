//! The programme's figures on a small hand-written folder: three groups, twelve sessions
//! (eleven in 2026, the period), visits, activities and diagnoses. Every expected number is
//! worked out by hand below, for the whole period and for each `--by`.
//!
//! - Boulangers (g1, advisor Samira, host Chambre Tanger, Tanger region, bakery): 10 members
//!   (4 women; 3 informal, 5 auto-entrepreneurs, 2 not given), m10 joined 2026-09-01, m11
//!   joined 2026-01-01 and left 2026-03-01 (moved). Sessions 2026-01-10, 02-10, 03-10,
//!   09-10, 10-10 with 9, 7, 10, 8, 6 present of 10.
//! - Couturières (g2, Samira, Chambre Oujda, Oriental, tailoring): 6 members, all women and
//!   informal, joined 2026-03-05; m7 joined then and left 2026-05-01 (no reason). Sessions
//!   2026-03-05, 04-05, 05-05 with 6, 5, 4 present of 6: ended (nothing after 05-05).
//! - Menuisiers (g3, Karim, Chambre Tanger, Tanger region, carpentry): 15 members (2 women,
//!   all sole traders) joined 2025-11-20; m16 left 2026-10-01 (stopped). Sessions
//!   2025-11-20 (before the period), 2026-09-20, 10-20, 11-20 with 15, 15, 12, 7 present.
//! - Actions: g1 s1 decides A1 (collective idea, done at s2: 31 days) and A2 (individual,
//!   dropped at s3); g1 s4 A3 (no idea, due 2026-12-01, open: overdue on 2027-01-15); g2 s1
//!   A4 (service request, in progress at s2, done at s3: 61 days) and A5 (lobbying, done at
//!   s2: 31 days); g3 s1 (2025) A6, not counted; g3 s2 A7 (collective, due 2026-10-01,
//!   blocked: overdue) and A8 (individual, due 2027-03-01, in progress).
//! - Usefulness: g1 s5 members present gave 5, 4, 4, 3, 5, 3 (and m7, absent, 1: not
//!   counted); g3 s4 seven 3s: 45 over 13.
//! - Projects at the latest sessions: g1 running and idea, g3 done.
//! - Records: visits to g1 m1 (2026-02-20, 09-15), g3 m2 (10-01), g2 m1 (2025-12-01, out);
//!   activities g1 2026-03-20 (8 present), g3 10-25 (12 present); diagnoses g1 m1 baseline
//!   2025-12-01 (informal, no CNSS, bank account, no credit, 1 paid job + 1 family) and
//!   follow-up 2026-11-01 (auto-entrepreneur, CNSS, bank, credit, 2 + 1 + 1 apprentice);
//!   g1 m2 baseline only; g3 m1 baseline 2025-11-20 (sole trader, bank no, 3 paid) and
//!   follow-up 2026-11-25 (CNSS, bank, 3 paid); g2 m1 follow-up 2026-05-05 without baseline.

mod common;

use atelier::i18n::Lang;
use atelier::method::Method;
use atelier::model::dated::Record;
use atelier::model::dated::{
    Activity, ActivityKind, Answer, Diagnosis, Kind, Occasion, Visit, core_questions,
};
use atelier::model::life::{Gender, LeaveReason, Project, ProjectStatus};
use atelier::model::{
    Action, ActionStatus, Attendance, Id, Idea, IdeaKind, LegalStatus, Member, Region, Review,
    Session,
};
use atelier::report::{self, Bucket, By, Figures, Options, Report};
use atelier::store::{self, Store};
use chrono::{NaiveDate, TimeZone, Utc};
use std::path::{Path, PathBuf};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2027, 1, 10, 9, 0, 0).unwrap()
}

struct G {
    id: &'static str,
    name: &'static str,
    advisor: &'static str,
    host: &'static str,
    region: Region,
    trade: &'static str,
    members: Vec<Member>,
    projects: Vec<ProjectStatus>,
}

fn member(
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

fn groups() -> [G; 3] {
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

fn action(id: &str, due: Option<NaiveDate>, idea: Option<&str>) -> Action {
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

fn idea(id: &str, kind: IdeaKind) -> Idea {
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

fn review(a: Action, status: ActionStatus) -> Review {
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
fn session(g: &G, number: u32, date: NaiveDate, present: usize, excused: usize) -> Session {
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

fn sessions() -> Vec<Session> {
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

fn visit(id: &str, g: &str, m: usize, date: NaiveDate) -> Record {
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

fn activity(id: &str, g: &G, present: usize, date: NaiveDate) -> Record {
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

fn diagnosis(
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

fn records() -> Vec<Record> {
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
fn folder() -> (tempfile::TempDir, PathBuf) {
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

fn options(by: &[By]) -> Options {
    Options {
        from: Some(d(2026, 1, 1)),
        to: Some(d(2026, 12, 31)),
        by: by.to_vec(),
        today: Some(d(2027, 1, 15)),
    }
}

fn report(dir: &Path, by: &[By]) -> Report {
    report::aggregate_folder(report::read_folder(dir).unwrap(), options(by))
}

#[test]
fn every_figure_of_the_whole_period() {
    let (_home, dir) = folder();
    let r = report(&dir, &[]);
    assert_eq!((r.files, r.unreadable), (12, 0));
    let t = &r.total;
    // Groups: 3 active, g1 and g2 started in 2026, g2 ended; 6, 10 and 15 members.
    assert_eq!((t.groups, t.groups_started, t.groups_ended), (3, 2, 1));
    assert_eq!(t.size_bands, [1, 1, 1, 0]);
    // Members: 10 + 6 + 15; joined m10, m11 and g2's seven; left: one moved, one stopped,
    // one not said; 4 + 6 + 2 women; 9 informal, 5 auto-entrepreneurs, 15 sole traders, 2
    // not given.
    assert_eq!((t.members, t.active), (31, 23));
    assert_eq!(t.joined, 9);
    assert_eq!(t.left, [1, 1, 0, 0, 1]);
    assert_eq!(t.women, 12);
    assert_eq!(t.statuses, vec![9, 5, 15, 0, 0, 0, 0, 2]);
    // Meetings: 11 in the period, 3 groups × 12 months; 89 present of 113 expected (7
    // excused, 17 absent); 6 with fewer than 8 present; usefulness 45 over 13.
    assert_eq!((t.sessions, t.group_months), (11, 36));
    assert_eq!(
        (t.present, t.excused, t.absent, t.expected()),
        (89, 7, 17, 113)
    );
    assert_eq!(t.small_meetings, 6);
    assert_eq!((t.usefulness_sum, t.usefulness_count), (45, 13));
    // Actions: A1..A5, A7, A8; done A1, A4, A5; dropped A2; open A3, A7, A8, of which A3 and
    // A7 overdue; 31, 31 and 61 days.
    assert_eq!((t.planned, t.done, t.dropped, t.open()), (7, 3, 1, 3));
    assert_eq!(t.overdue, 2);
    assert_eq!(t.median_days(), Some(31.0));
    // Individual, collective, service request, lobbying, no type: (planned, done).
    assert_eq!(t.by_kind, [(2, 0), (2, 1), (1, 1), (1, 1), (1, 0)]);
    // Projects: idea, prepared, running, done, dropped.
    assert_eq!(t.projects, vec![1, 0, 1, 1, 0]);
    assert_eq!((t.activities, t.participants), (2, 20));
    assert_eq!((t.visits, t.visited), (3, 2));
    // Diagnosis: g1 m1 and g3 m1; formalised 1 → 2, CNSS 0 → 2, bank 1 → 2, credit 0 → 1,
    // jobs 2 + 3 → 4 + 3.
    assert_eq!(t.diagnosed, 2);
    assert_eq!(t.changes, [(1, 2), (0, 2), (1, 2), (0, 1)]);
    assert_eq!(t.jobs, (5, 7));
}

/// A row's main figures: sessions, groups, members, women, present, expected, planned, done,
/// visits, activities, members diagnosed twice.
type Row = (
    usize,
    usize,
    usize,
    usize,
    usize,
    usize,
    usize,
    usize,
    usize,
    usize,
    usize,
);

fn row(f: &Figures) -> Row {
    (
        f.sessions,
        f.groups,
        f.members,
        f.women,
        f.present,
        f.expected(),
        f.planned,
        f.done,
        f.visits,
        f.activities,
        f.diagnosed,
    )
}

fn rows(r: &Report) -> Vec<(Vec<Bucket>, Row)> {
    r.buckets.iter().map(|(k, f)| (k.clone(), row(f))).collect()
}

const G1: Row = (5, 1, 10, 4, 40, 50, 3, 1, 2, 1, 1);
const G2: Row = (3, 1, 6, 6, 15, 18, 2, 2, 0, 0, 0);
const G3: Row = (3, 1, 15, 2, 34, 45, 2, 0, 1, 1, 1);
/// g1 and g3 together.
const G13: Row = (8, 2, 25, 6, 74, 95, 5, 1, 3, 2, 2);

#[test]
fn by_advisor_host_trade_region_and_group() {
    let (_home, dir) = folder();
    let one = |b: Bucket| vec![b];
    let r = report(&dir, &[By::Advisor]);
    assert_eq!(
        rows(&r),
        vec![
            (
                one(Bucket::Advisor("Samira".into())),
                (8, 2, 16, 10, 55, 68, 5, 3, 2, 1, 1)
            ),
            (one(Bucket::Advisor("Karim".into())), G3),
        ]
    );
    let r = report(&dir, &[By::Host]);
    assert_eq!(
        rows(&r),
        vec![
            (one(Bucket::Host("Chambre Tanger".into())), G13),
            (one(Bucket::Host("Chambre Oujda".into())), G2),
        ]
    );
    let r = report(&dir, &[By::Region]);
    assert_eq!(
        rows(&r),
        vec![
            (one(Bucket::Region(Region::TangerTetouanAlHoceima)), G13),
            (one(Bucket::Region(Region::Oriental)), G2),
        ]
    );
    let r = report(&dir, &[By::Trade]);
    assert_eq!(
        rows(&r),
        vec![
            (one(Bucket::Trade("bakery".into())), G1),
            (one(Bucket::Trade("tailoring".into())), G2),
            (one(Bucket::Trade("carpentry".into())), G3),
        ]
    );
    let r = report(&dir, &[By::Group]);
    assert_eq!(
        rows(&r),
        vec![
            (one(Bucket::Group(Id("g1".into()))), G1),
            (one(Bucket::Group(Id("g2".into()))), G2),
            (one(Bucket::Group(Id("g3".into()))), G3),
        ]
    );
    // The group-level figures of one row: g2 started and ended, 6 members in the <8 band,
    // 7 joined, one left without a reason, 3 small meetings of 3, 3 months × 1 group... of 12.
    let g2 = &r.buckets[1].1;
    assert_eq!((g2.groups_started, g2.groups_ended), (1, 1));
    assert_eq!(g2.size_bands, [1, 0, 0, 0]);
    assert_eq!((g2.joined, g2.left), (7, [0, 0, 0, 0, 1]));
    assert_eq!((g2.small_meetings, g2.group_months), (3, 12));
    assert_eq!(g2.by_kind, [(0, 0), (0, 0), (1, 1), (1, 1), (0, 0)]);
    assert_eq!(g2.median_days(), Some(46.0));
    let g1 = &r.buckets[0].1;
    assert_eq!(
        (g1.usefulness_sum, g1.usefulness_count, g1.overdue),
        (24, 6, 1)
    );
    assert_eq!(g1.projects, vec![1, 0, 1, 0, 0]);
    assert_eq!((g1.visits, g1.visited, g1.participants), (2, 1, 8));
    assert_eq!(
        (g1.changes, g1.jobs),
        ([(0, 1), (0, 1), (1, 1), (0, 1)], (2, 4))
    );
}

#[test]
fn by_month_and_by_two() {
    let (_home, dir) = folder();
    let month = |m: u32| vec![Bucket::Month(2026, m)];
    let r = report(&dir, &[By::Month]);
    assert_eq!(
        rows(&r),
        vec![
            (month(1), (1, 1, 10, 4, 9, 10, 2, 1, 0, 0, 0)),
            (month(2), (1, 1, 10, 4, 7, 10, 0, 0, 1, 0, 0)),
            (month(3), (2, 2, 16, 10, 16, 16, 2, 2, 0, 1, 0)),
            (month(4), (1, 1, 6, 6, 5, 6, 0, 0, 0, 0, 0)),
            (month(5), (1, 1, 6, 6, 4, 6, 0, 0, 0, 0, 0)),
            (month(9), (2, 2, 25, 6, 23, 25, 3, 0, 1, 0, 0)),
            (month(10), (2, 2, 25, 6, 18, 25, 0, 0, 1, 1, 0)),
            (month(11), (1, 1, 15, 2, 7, 15, 0, 0, 0, 0, 2)),
        ]
    );
    // March: g2's seven joined, g1's m11 left (moved); g1 and g2 each one group-month.
    let march = &r.buckets[2].1;
    assert_eq!((march.joined, march.left), (7, [1, 0, 0, 0, 0]));
    assert_eq!((march.group_months, march.groups_started), (2, 1));

    // The months the charts draw are these rows, whatever `--by` says.
    let by_month: Vec<(Vec<Bucket>, Figures)> = r
        .by_month
        .iter()
        .map(|((y, m), f)| (vec![Bucket::Month(*y, *m)], f.clone()))
        .collect();
    assert_eq!(by_month, r.buckets);
    for by in [vec![], vec![By::Region], vec![By::Group, By::Month]] {
        assert_eq!(report(&dir, &by).by_month, r.by_month, "--by {by:?}");
    }

    let r = report(&dir, &[By::Region, By::Month]);
    let tanger = Bucket::Region(Region::TangerTetouanAlHoceima);
    let keys: Vec<(Vec<Bucket>, usize)> = r
        .buckets
        .iter()
        .map(|(k, f)| (k.clone(), f.sessions))
        .collect();
    let pair = |b: &Bucket, m: u32| vec![b.clone(), Bucket::Month(2026, m)];
    let oriental = Bucket::Region(Region::Oriental);
    assert_eq!(
        keys,
        vec![
            (pair(&tanger, 1), 1),
            (pair(&tanger, 2), 1),
            (pair(&tanger, 3), 1),
            (pair(&tanger, 9), 2),
            (pair(&tanger, 10), 2),
            (pair(&tanger, 11), 1),
            (pair(&oriental, 3), 1),
            (pair(&oriental, 4), 1),
            (pair(&oriental, 5), 1),
        ]
    );
    assert_eq!(row(&r.buckets[5].1), (1, 1, 15, 2, 7, 15, 0, 0, 0, 0, 2));
}

#[test]
fn a_second_report_reads_no_record_again() {
    let (_home, dir) = folder();
    // Files written a while ago are cached (a file saved seconds ago is read every time).
    let past = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for e in std::fs::read_dir(&dir).unwrap() {
        let f = std::fs::File::options()
            .write(true)
            .open(e.unwrap().path())
            .unwrap();
        f.set_modified(past).unwrap();
    }
    let first = report::read_folder(&dir).unwrap();
    assert_eq!((first.read, first.records.len()), (24, 12));
    let second = report::read_folder(&dir).unwrap();
    assert_eq!(
        second.read, 0,
        "sessions and records all come from the cache"
    );
    assert_eq!((second.facts, second.records), (first.facts, first.records));
}

/// A minimal reader for the report's CSV: `;`-separated, `"` quoting, CRLF rows.
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let body = text
        .strip_prefix('\u{feff}')
        .expect("a byte-order mark first");
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            ('"', _) => quoted = !quoted,
            (';', false) => row.push(std::mem::take(&mut field)),
            ('\r', false) => {
                assert_eq!(chars.next(), Some('\n'), "CRLF line ends");
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (c, _) => field.push(c),
        }
    }
    rows
}

/// Member names, businesses, phones in any spacing, notes: never in any output.
fn assert_private(text: &str) {
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

#[test]
fn csv_reads_back_every_figure_with_what_it_counts() {
    let (_home, dir) = folder();
    for by in [
        vec![By::Advisor],
        vec![By::Host],
        vec![By::Trade],
        vec![By::Region],
        vec![By::Group],
        vec![By::Month],
        vec![By::Group, By::Month],
    ] {
        let r = report(&dir, &by);
        for lang in [Lang::Fr, Lang::En] {
            assert_private(&report::to_csv(&r, &Method::builtin(), lang));
            assert_private(&report::to_markdown(&r, &Method::builtin(), lang));
        }
    }
    let r = report(&dir, &[By::Advisor]);
    let rows = read_csv(&report::to_csv(&r, &Method::builtin(), Lang::En));
    assert_eq!(rows[0].len(), 8);
    assert_eq!(rows[0][7], "What is counted");
    assert!(rows.iter().all(|r| r.len() == 8), "every row has 8 fields");
    let cells = |row: &str, item: &str| -> (String, String, String, String) {
        let r = rows
            .iter()
            .find(|r| r[0] == "Programme indicators" && r[1] == row && r[2] == item)
            .unwrap_or_else(|| panic!("no row {row};{item}"));
        assert!(!r[7].is_empty(), "{item} says what it counts");
        (r[3].clone(), r[4].clone(), r[5].clone(), r[7].clone())
    };
    let n = |s: &str| s.to_string();
    let count = |row: &str, item: &str| cells(row, item).0;
    assert_eq!(count("All", "Active groups"), "3");
    assert_eq!(count("All", "Groups started"), "2");
    assert_eq!(count("All", "Groups ended"), "1");
    assert_eq!(count("All", "Groups of fewer than 8 members"), "1");
    assert_eq!(count("All", "Groups of 13 to 20 members"), "1");
    assert_eq!(count("All", "Members"), "31");
    assert_eq!(count("All", "Members who joined"), "9");
    assert_eq!(count("All", "Left: moved away"), "1");
    assert_eq!(count("All", "Left: stopped their business"), "1");
    assert_eq!(count("All", "Left: no reason given"), "1");
    let women = cells("All", "Women");
    assert_eq!((women.0, women.1, women.2), (n("12"), n("31"), n("38.7")));
    assert!(women.3.contains("women / members"), "{}", women.3);
    assert_eq!(cells("All", "Status: Sole trader").0, "15");
    assert_eq!(cells("All", "Status: not given").0, "2");
    assert_eq!(count("All", "Meetings held"), "11");
    let per = cells("All", "Meetings per group per month");
    assert_eq!((per.0, per.1, per.2), (n("11"), n("36"), n("0.31")));
    let att = cells("All", "Attendance rate");
    assert_eq!((att.0, att.1, att.2), (n("89"), n("113"), n("78.8")));
    assert_eq!(count("All", "Meetings with fewer than 8 present"), "6");
    let useful = cells("All", "Average usefulness (1 to 5)");
    assert_eq!((useful.0, useful.1, useful.2), (n("45"), n("13"), n("3.5")));
    assert_eq!(count("All", "Actions planned"), "7");
    assert_eq!(count("All", "Actions done"), "3");
    assert_eq!(count("All", "Actions dropped"), "1");
    assert_eq!(count("All", "Actions open"), "3");
    assert_eq!(count("All", "Actions overdue today"), "2");
    assert_eq!(count("All", "Median time from decision to done"), "31");
    let lobbying = cells("All", "Actions from \"Lobbying the authorities\" ideas");
    assert_eq!((lobbying.0, lobbying.1), (n("1"), n("1")));
    assert_eq!(count("All", "Actions from \"No type\" ideas"), "0");
    assert_eq!(count("All", "Joint projects: running"), "1");
    assert_eq!(count("All", "Activities"), "2");
    assert_eq!(count("All", "Activity participants"), "20");
    assert_eq!(count("All", "Coaching visits"), "3");
    assert_eq!(count("All", "Members visited"), "2");
    assert_eq!(count("All", "Members diagnosed twice"), "2");
    let cnss = cells(
        "All",
        "Affiliated to social security (CNSS) (at the follow-up)",
    );
    assert_eq!((cnss.0, cnss.1), (n("2"), n("2")));
    assert_eq!(count("All", "Formalised (at the baseline)"), "1",);
    assert_eq!(
        count(
            "All",
            "Jobs (paid, family helpers, apprentices) (at the follow-up)"
        ),
        "7"
    );
    // The rows, labelled by advisor.
    assert_eq!(count("Samira", "Meetings held"), "8");
    assert_eq!(count("Karim", "Members"), "15");
    assert_eq!(count("Karim", "Actions overdue today"), "1");
}

#[test]
fn markdown_has_a_footnote_per_figure() {
    let (_home, dir) = folder();
    let r = report(&dir, &[By::Group]);
    let md = report::to_markdown(&r, &Method::builtin(), Lang::Fr);
    assert!(md.contains("## Indicateurs par Groupe"), "{md}");
    assert!(md.contains("### Boulangers du Détroit"), "{md}");
    assert!(md.contains("| Femmes[^women] | 12 (39 %) |"), "{md}");
    assert!(
        md.contains("| Affiliés à la CNSS[^change] | 0 → 2 (sur 2) |"),
        "{md}"
    );
    assert!(
        md.contains("| Délai médian de la décision à la réalisation[^median] | 31 jours |"),
        "{md}"
    );
    // Every footnote used is defined once.
    let used: std::collections::BTreeSet<&str> = md
        .match_indices("[^")
        .filter(|(i, _)| !md[*i..].starts_with("[^") || md[i + 2..].find(']').is_some())
        .map(|(i, _)| {
            let rest = &md[i + 2..];
            &rest[..rest.find(']').unwrap()]
        })
        .collect();
    for key in &used {
        assert_eq!(
            md.matches(&format!("\n[^{key}]: ")).count(),
            1,
            "[^{key}] defined once"
        );
    }
    assert_eq!(used.len(), 30);
}

#[test]
fn a_phone_typed_into_a_label_is_masked() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("sessions");
    store::ensure_dir(&dir).unwrap();
    let [mut g, ..] = groups();
    g.advisor = "Karim +212 6 12 34 56 78";
    g.host = "Chambre (0612345678)";
    g.name = "Boulangers 06.12.34.56.78";
    let s = session(&g, 1, d(2026, 1, 10), 9, 0);
    store::save(&Store::new(&dir).path_for_new(&s), &s).unwrap();
    for by in [By::Advisor, By::Host, By::Group] {
        let r = report(&dir, &[by]);
        assert_eq!(r.buckets.len(), 1);
        for lang in [Lang::Fr, Lang::En] {
            for text in [
                report::to_markdown(&r, &Method::builtin(), lang),
                report::to_csv(&r, &Method::builtin(), lang),
            ] {
                for digits in ["34 56", "0612345678", "34.56", "6 12"] {
                    assert!(!text.contains(digits), "{digits} in:\n{text}");
                }
                assert!(
                    text.contains("Karim")
                        || text.contains("Chambre")
                        || text.contains("Boulangers")
                );
            }
        }
    }
}
