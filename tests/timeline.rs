//! The group timeline computed from a fixture series of six sessions of one group, built the
//! way the app builds them: `Session::new` with the open reviews of the earlier sessions, then
//! domain changes through `record`.

use atelier::method::Method;
use atelier::model::open_reviews;
use atelier::model::{
    Action, ActionStatus, Attendance, Change, Group, Id, Member, NewSession, Session, Theme,
};
use atelier::timeline::{
    Cell, RecurringCategory, RecurringTheme, action_tracker, attendance, normalize_title,
    recurring_needs, similar_titles,
};
use chrono::{DateTime, NaiveDate, Utc};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// The fixture's latest session: "today" for the tests that look at the group as it was then.
const LAST: NaiveDate = NaiveDate::from_ymd_opt(2026, 9, 15).unwrap();

fn at(date: NaiveDate) -> DateTime<Utc> {
    date.and_hms_opt(9, 0, 0).unwrap().and_utc()
}

fn member(id: &str, name: &str, joined: NaiveDate) -> Member {
    Member {
        id: id.into(),
        name: name.into(),
        joined: Some(joined),
        ..Member::default()
    }
}

use ActionStatus::{Blocked, Done, Dropped, InProgress};
use Attendance::{Absent as A, Excused as E, Present as P};

/// An action's due date as (year, month, day), if any.
type Due = Option<(i32, u32, u32)>;

/// What one session does: attendance of the members of the group at the time, review
/// statuses, actions decided (id, due), themes (title, category).
struct Day {
    date: NaiveDate,
    marks: &'static [(&'static str, Attendance)],
    reviews: &'static [(&'static str, ActionStatus)],
    actions: &'static [(&'static str, Due)],
    themes: &'static [(&'static str, Option<&'static str>)],
}

const DAYS: [Day; 6] = [
    Day {
        date: NaiveDate::from_ymd_opt(2025, 12, 15).unwrap(),
        marks: &[("amal", P), ("badr", P), ("driss", P), ("ely", A)],
        reviews: &[],
        actions: &[("a1", Some((2026, 1, 31))), ("a2", Some((2026, 12, 31)))],
        themes: &[
            ("Accès au crédit", Some("financing")),
            ("Prix des matières premières", Some("raw_materials")),
        ],
    },
    Day {
        date: NaiveDate::from_ymd_opt(2026, 2, 15).unwrap(),
        marks: &[("amal", P), ("badr", E), ("driss", P), ("ely", A)],
        // a2 is listed but given no status.
        reviews: &[("a1", InProgress)],
        actions: &[("a3", Some((2026, 3, 1)))],
        themes: &[("Crédit", Some("financing")), ("Hygiène", Some("quality"))],
    },
    Day {
        date: NaiveDate::from_ymd_opt(2026, 4, 15).unwrap(),
        marks: &[("amal", P), ("badr", E), ("driss", A), ("ely", P)],
        reviews: &[("a1", Done), ("a2", Blocked), ("a3", InProgress)],
        actions: &[],
        themes: &[
            ("L'accès au crédit bancaire !", Some("financing")),
            ("Formalisation et CNSS", Some("formalisation")),
        ],
    },
    Day {
        // Driss left on 1 May, Chaïma joined on 1 June.
        date: NaiveDate::from_ymd_opt(2026, 6, 15).unwrap(),
        marks: &[("amal", P), ("badr", P), ("ely", P), ("chaima", P)],
        reviews: &[("a2", InProgress), ("a3", Dropped)],
        actions: &[("a6", Some((2026, 6, 30)))],
        themes: &[("Matières premières trop chères", Some("raw_materials"))],
    },
    Day {
        date: NaiveDate::from_ymd_opt(2026, 7, 15).unwrap(),
        marks: &[("amal", P), ("badr", E), ("ely", A), ("chaima", P)],
        // a2 listed without a status again.
        reviews: &[("a6", Blocked)],
        actions: &[("a4", Some((2026, 8, 1)))],
        themes: &[("CNSS et formalisation des membres", Some("formalisation"))],
    },
    Day {
        date: NaiveDate::from_ymd_opt(2026, 9, 15).unwrap(),
        marks: &[("amal", P), ("badr", P), ("ely", P), ("chaima", A)],
        // a4 and a6 are not reviewed.
        reviews: &[("a2", InProgress)],
        actions: &[("a5", None)],
        themes: &[
            ("Vendre en ligne", Some("digital")),
            ("Hygiene & normes", Some("quality")),
            ("Prix des matieres premieres", None),
        ],
    },
];

fn fixture() -> Vec<Session> {
    let mut group = Group {
        id: "g".into(),
        name: "Couturières de Oujda".into(),
        members: vec![
            member("amal", "Amal", d(2025, 11, 1)),
            member("badr", "Badr", d(2025, 11, 1)),
            member("driss", "Driss", d(2025, 11, 1)),
            member("ely", "Ely", d(2025, 11, 1)),
        ],
        ..Group::default()
    };
    let mut done: Vec<Session> = Vec::new();
    for (k, day) in DAYS.iter().enumerate() {
        let number = k as u32 + 1;
        if number == 4 {
            group.members[2].left = Some(d(2026, 5, 1));
            group
                .members
                .push(member("chaima", "Chaïma", d(2026, 6, 1)));
        }
        let now = at(day.date);
        let mut s = Session::new(NewSession {
            id: Id(format!("s{number}")),
            number,
            date: day.date,
            place: String::new(),
            group: group.clone(),
            method: Method::builtin(),
            reviews: open_reviews(&done),
            backlog: Vec::new(),
            now,
        });
        for (m, a) in day.marks {
            s.record(
                now,
                Change::AttendanceSet {
                    member: (*m).into(),
                    attendance: *a,
                },
            );
        }
        for (action, status) in day.reviews {
            s.record(
                now,
                Change::ReviewStatusSet {
                    action: (*action).into(),
                    status: Some(*status),
                },
            );
        }
        for (id, due) in day.actions {
            s.record(
                now,
                Change::ActionAdded {
                    action: Action {
                        id: (*id).into(),
                        what: format!("action {id}"),
                        owners: Vec::new(),
                        due: due.map(|(y, m, dd)| d(y, m, dd)),
                        means: String::new(),
                        indicator: String::new(),
                        idea: None,
                        project: None,
                        created: now,
                    },
                },
            );
        }
        for (i, (title, category)) in day.themes.iter().enumerate() {
            s.record(
                now,
                Change::ThemeAdded {
                    theme: Theme {
                        id: Id(format!("t{number}{i}")),
                        title: (*title).into(),
                        category: category.map(str::to_string),
                        created: now,
                    },
                },
            );
        }
        s.record(now, Change::SessionClosed);
        group = s.group.clone();
        done.push(s);
    }
    done
}

#[test]
fn attendance_matrix_rates_and_active_members() {
    let mut sessions = fixture();
    // The order given does not matter.
    sessions.reverse();
    let t = attendance(&sessions);
    assert_eq!(
        t.sessions.iter().map(|s| s.number).collect::<Vec<_>>(),
        [1, 2, 3, 4, 5, 6]
    );
    use Cell::{Absent as a, Excused as e, Left as l, NotYet as n, Present as p};
    let rows: Vec<(&str, Vec<Cell>)> = t
        .members
        .iter()
        .map(|r| (r.member.id.as_str(), r.cells.clone()))
        .collect();
    assert_eq!(
        rows,
        [
            ("amal", vec![p, p, p, p, p, p]),
            ("badr", vec![p, e, e, p, e, p]),
            ("driss", vec![p, p, a, l, l, l]),
            ("ely", vec![a, a, p, p, a, p]),
            ("chaima", vec![n, n, n, p, p, a]),
        ]
    );
    // Latest data: Driss's leave date, known only from session 4 on.
    assert_eq!(t.members[2].member.left, Some(d(2026, 5, 1)));

    let counts: Vec<(&str, u32, u32, u32, u32)> = t
        .members
        .iter()
        .map(|r| {
            (
                r.member.id.as_str(),
                r.present,
                r.excused,
                r.absent,
                r.sessions,
            )
        })
        .collect();
    assert_eq!(
        counts,
        [
            ("amal", 6, 0, 0, 6),
            ("badr", 3, 3, 0, 6),
            ("driss", 2, 0, 1, 3),
            ("ely", 3, 0, 3, 6),
            ("chaima", 2, 0, 1, 3),
        ]
    );
    let rate = |i: usize| t.members[i].rate().unwrap();
    assert_eq!(rate(0), 1.0);
    assert_eq!(rate(1), 0.5);
    assert_eq!(t.members[1].excused_rate(), Some(0.5));
    assert!((rate(2) - 2.0 / 3.0).abs() < 1e-12);
    assert_eq!(rate(3), 0.5);
    // Chaïma's rate counts only the three sessions since she joined.
    assert!((rate(4) - 2.0 / 3.0).abs() < 1e-12);

    // The window: six months up to 15 Sep 2026, so sessions 3 to 6 (from 15 Mar 2026).
    let active: Vec<(&str, bool)> = t
        .members
        .iter()
        .map(|r| (r.member.id.as_str(), r.active))
        .collect();
    assert_eq!(
        active,
        [
            // 4 of 4.
            ("amal", true),
            // 2 of 4: excused absences are not presence.
            ("badr", false),
            // Left before the latest session.
            ("driss", false),
            // 3 of 4 in the window, although 3 of 6 overall.
            ("ely", true),
            // 2 of the 3 sessions since she joined (2 of 4 would not be enough).
            ("chaima", true),
        ]
    );
}

#[test]
fn attendance_of_no_session_is_empty() {
    let t = attendance(&[]);
    assert!(t.sessions.is_empty() && t.members.is_empty());
}

#[test]
fn action_tracker_statuses_per_later_session_and_overdue() {
    let sessions = fixture();
    let tracked = action_tracker(&sessions, LAST);
    type Row<'a> = (
        &'a str,
        u32,
        Vec<(u32, Option<ActionStatus>)>,
        Option<ActionStatus>,
        bool,
    );
    let rows: Vec<Row> = tracked
        .iter()
        .map(|t| {
            (
                t.action.id.as_str(),
                t.from_number,
                t.reviews.iter().map(|r| (r.number, r.status)).collect(),
                t.latest,
                t.overdue,
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            // Due in January, overdue by September, but done at session 3.
            (
                "a1",
                1,
                vec![
                    (2, Some(InProgress)),
                    (3, Some(Done)),
                    (4, None),
                    (5, None),
                    (6, None),
                ],
                Some(Done),
                false,
            ),
            // Listed without a status at sessions 2 and 5; due at the end of 2026.
            (
                "a2",
                1,
                vec![
                    (2, None),
                    (3, Some(Blocked)),
                    (4, Some(InProgress)),
                    (5, None),
                    (6, Some(InProgress)),
                ],
                Some(InProgress),
                false,
            ),
            // Dropped: never overdue.
            (
                "a3",
                2,
                vec![
                    (3, Some(InProgress)),
                    (4, Some(Dropped)),
                    (5, None),
                    (6, None)
                ],
                Some(Dropped),
                false,
            ),
            // Blocked at 5, not reviewed at 6, due in June: overdue.
            (
                "a6",
                4,
                vec![(5, Some(Blocked)), (6, None)],
                Some(Blocked),
                true
            ),
            // Never reviewed, due 1 Aug, before the latest session: overdue.
            ("a4", 5, vec![(6, None)], None, true),
            // Decided at the latest session, no due date.
            ("a5", 6, vec![], None, false),
        ]
    );
    assert_eq!(tracked[0].from_session, Id::from("s1"));
    assert_eq!(tracked[3].reviews[0].date, d(2026, 7, 15));
}

#[test]
fn overdue_is_counted_against_the_day_given_not_the_groups_last_session() {
    let sessions = fixture();
    let overdue = |today| -> Vec<String> {
        action_tracker(&sessions, today)
            .into_iter()
            .filter(|t| t.overdue)
            .map(|t| t.action.id.as_str().to_string())
            .collect()
    };
    // At the last session a2 (in progress, due 31 December 2026) is not late; in January
    // it is, though the group has not met since.
    assert_eq!(overdue(LAST), ["a6", "a4"]);
    assert_eq!(overdue(d(2027, 1, 15)), ["a2", "a6", "a4"]);
    // Before a4 is due (1 August), only a6 (due in June) is.
    assert_eq!(overdue(d(2026, 7, 20)), ["a6"]);
}

#[test]
fn the_review_that_gave_the_latest_status_is_named_with_its_comment() {
    let tracked = action_tracker(&fixture(), LAST);
    let a2 = tracked
        .iter()
        .find(|t| t.action.id.as_str() == "a2")
        .unwrap();
    // Listed without a status at 5, in progress again at 6: the status is session 6's.
    let r = a2.status_review().unwrap();
    assert_eq!((r.number, r.date, r.status), (6, LAST, Some(InProgress)));
    let a4 = tracked
        .iter()
        .find(|t| t.action.id.as_str() == "a4")
        .unwrap();
    assert!(a4.status_review().is_none());
    assert_eq!(a2.from_date, Some(d(2025, 12, 15)));
}

#[test]
fn tracker_carries_an_action_whose_own_session_is_missing() {
    // Session 1 lost: a1 and a2 are known from the review copies of sessions 2 and after.
    let sessions: Vec<Session> = fixture().into_iter().skip(1).collect();
    let tracked = action_tracker(&sessions, LAST);
    let a2 = tracked
        .iter()
        .find(|t| t.action.id.as_str() == "a2")
        .unwrap();
    assert_eq!(a2.from_number, 1);
    assert_eq!(a2.reviews.len(), 5);
    assert_eq!(a2.latest, Some(InProgress));
    // Only sessions 3 to 6 are given: a1's done status comes from session 3's review.
    let later: Vec<Session> = fixture().into_iter().skip(2).collect();
    let tracked = action_tracker(&later, LAST);
    let a1 = tracked
        .iter()
        .find(|t| t.action.id.as_str() == "a1")
        .unwrap();
    assert_eq!(
        a1.reviews.iter().map(|r| r.number).collect::<Vec<_>>(),
        [3, 4, 5, 6]
    );
    assert_eq!((a1.latest, a1.overdue), (Some(Done), false));
    // Only session 5: it lists a2 without a status, so the status it carried counts.
    let fifth: Vec<Session> = fixture().into_iter().skip(4).take(1).collect();
    let tracked = action_tracker(&fifth, LAST);
    let a2 = tracked
        .iter()
        .find(|t| t.action.id.as_str() == "a2")
        .unwrap();
    assert_eq!(
        a2.reviews.iter().map(|r| r.status).collect::<Vec<_>>(),
        [None]
    );
    assert_eq!(a2.latest, Some(InProgress));
}

#[test]
fn recurring_needs_by_category_and_by_similar_titles() {
    let (by_category, by_title) = recurring_needs(&fixture());
    let cat = |c: &str, s: &[u32]| RecurringCategory {
        category: c.into(),
        sessions: s.to_vec(),
    };
    // "digital" came up once only.
    assert_eq!(
        by_category,
        [
            cat("financing", &[1, 2, 3]),
            cat("raw_materials", &[1, 4]),
            cat("quality", &[2, 6]),
            cat("formalisation", &[3, 5]),
        ]
    );
    let theme = |n: &str, titles: &[&str], s: &[u32]| RecurringTheme {
        normalized: n.into(),
        titles: titles.iter().map(|t| t.to_string()).collect(),
        sessions: s.to_vec(),
    };
    assert_eq!(
        by_title,
        [
            // Contained: "credit" in "acces au credit" in "l acces au credit bancaire".
            theme(
                "acces au credit",
                &["Accès au crédit", "Crédit", "L'accès au crédit bancaire !"],
                &[1, 2, 3],
            ),
            // Equal once accents are folded; "Matières premières trop chères" (session 4)
            // shares only 2 of 6 words and stays out, though of the same category.
            theme(
                "prix des matieres premieres",
                &["Prix des matières premières", "Prix des matieres premieres"],
                &[1, 6],
            ),
            theme("hygiene", &["Hygiène", "Hygiene & normes"], &[2, 6]),
            // Jaccard 2 of 4 words.
            theme(
                "formalisation et cnss",
                &["Formalisation et CNSS", "CNSS et formalisation des membres"],
                &[3, 5],
            ),
        ]
    );
}

#[test]
fn the_similarity_rule() {
    assert_eq!(
        normalize_title("  L’Accès au CRÉDIT !! "),
        "l acces au credit"
    );
    assert!(similar_titles("Trésorerie", "tresorerie."));
    assert!(similar_titles("Crédit", "Accès au crédit"));
    // Whole words only, and the shorter needs 3 letters.
    assert!(!similar_titles("Prix", "Prixmalin"));
    assert!(!similar_titles("TVA", "Accès au crédit"));
    assert!(similar_titles(
        "Formalisation et CNSS",
        "CNSS et formalisation des membres"
    ));
    assert!(!similar_titles(
        "Prix des matières premières",
        "Matières premières trop chères"
    ));
    assert!(similar_titles(
        "التسويق عبر الإنترنت",
        "التسويق عبر الإنترنت 🚚"
    ));
    assert!(!similar_titles("", ""));
}

#[test]
fn unrecorded_and_inferred_joining_without_a_join_date() {
    let mut sessions = fixture();
    // Ely's attendance lost from session 5's file: a member then, not present.
    sessions[4].checkin.attendance.remove(&Id::from("ely"));
    // Amal without a join date: sessions before the first that took her attendance are
    // before she joined.
    for s in &mut sessions {
        s.group.members[0].joined = None;
    }
    sessions[0].checkin.attendance.remove(&Id::from("amal"));
    let t = attendance(&sessions);
    let amal = &t.members[0];
    assert_eq!(amal.cells[0], Cell::NotYet);
    assert_eq!((amal.present, amal.sessions), (5, 5));
    let ely = &t.members[3];
    assert_eq!(ely.cells[4], Cell::Unrecorded);
    assert_eq!((ely.present, ely.absent, ely.sessions), (3, 2, 6));
    // 3 of 4 in the window still.
    assert!(ely.active);
}

#[test]
fn the_sample_series() {
    let now = at(d(2026, 3, 2));
    let sessions = atelier::sample::series(now, 7);
    let t = attendance(&sessions);
    assert_eq!(t.sessions.len(), 3);
    // The member welcomed at session 2 was not one at session 1.
    let joined: Vec<&str> = t
        .members
        .iter()
        .filter(|r| r.cells[0] == Cell::NotYet)
        .map(|r| r.member.name.as_str())
        .collect();
    assert_eq!(joined.len(), 1);
    assert!(
        t.members
            .iter()
            .all(|r| r.cells[1..].iter().all(|c| c.is_member()))
    );

    // Session 1's four actions as reviewed at session 2: 2 done, 1 in progress, 1 blocked;
    // the done ones are not reviewed again at session 3.
    let tracked = action_tracker(&sessions, sessions.iter().map(|s| s.date).max().unwrap());
    let first: Vec<_> = tracked.iter().filter(|t| t.from_number == 1).collect();
    assert_eq!(first.len(), 4);
    let at2: Vec<Option<ActionStatus>> = first.iter().map(|t| t.reviews[0].status).collect();
    assert_eq!(at2.iter().filter(|s| **s == Some(Done)).count(), 2);
    assert_eq!(at2.iter().filter(|s| **s == Some(InProgress)).count(), 1);
    assert_eq!(at2.iter().filter(|s| **s == Some(Blocked)).count(), 1);
    for t in &first {
        if t.reviews[0].status == Some(Done) {
            assert_eq!(t.reviews[1].status, None);
            assert_eq!(t.latest, Some(Done));
        }
    }
    assert_eq!(tracked.iter().filter(|t| t.from_number == 2).count(), 3);
}
