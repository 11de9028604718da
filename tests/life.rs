//! The group's life (issue 13), at the model level: every change the group decides about
//! itself (`Change::Group`) changes the group a session carries and is kept in its history;
//! a change naming an unknown id does nothing; one holding a number out of its range is not
//! applied and `atelier check` names it; replay starts from the stored start and tells each
//! event in both languages. Then a group's year: six sessions built one from the other as
//! the app builds them, the group's life carried from each to the next.

use atelier::i18n::Lang;
use atelier::method::Method;
use atelier::model::life::{
    AttendanceRule, Funding, Gender, GroupChange, LeaveReason, MAX_AMOUNT_MAD, Milestone,
    PlanStatus, PlannedActivity, Project, ProjectStatus, Role, RoleTerm, Rule, RuleVersion,
    WorkPlan,
};
use atelier::model::{
    self, Action, ActionStatus, Attendance, Author, Change, Group, Id, Idea, IdeaKind, Item,
    Member, Misfit, NewSession, Number, Owner, Session, Timestamp,
};
use atelier::replay::Replay;

#[path = "life/between.rs"]
mod between;
use atelier::store;
use chrono::{NaiveDate, TimeDelta, TimeZone, Utc};

// ---------------------------------------------------------------------------------------------
// A small group and its session
// ---------------------------------------------------------------------------------------------

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Tuesday 12 January 2027, 09:00 UTC, plus some seconds.
fn at(secs: i64) -> Timestamp {
    Utc.with_ymd_and_hms(2027, 1, 12, 9, 0, 0).unwrap() + TimeDelta::seconds(secs)
}

const NAMES: [(&str, &str, Gender); 9] = [
    ("Driss Alaoui", "Menuiserie Alaoui", Gender::Man),
    ("Naima Berrada", "Ébénisterie Berrada", Gender::Woman),
    ("Hicham Tazi", "Atelier du Cèdre", Gender::Man),
    ("سعاد الفاسي", "Bois et Décor", Gender::Woman),
    ("Omar Chraibi", "Menuiserie Chraibi", Gender::Man),
    ("Karim Bennani", "Portes et Fenêtres Bennani", Gender::Man),
    ("Loubna Sefrioui", "Meubles Sefrioui", Gender::Woman),
    ("Youssef Lahlou", "Atelier Lahlou", Gender::NotSaid),
    ("Rachid Idrissi", "Cuisines Idrissi", Gender::Man),
];

fn mid(i: usize) -> Id {
    Id::from(format!("mem{i:09}").as_str())
}

fn member(i: usize) -> Member {
    let (name, business, gender) = NAMES[i];
    Member {
        id: mid(i),
        name: name.into(),
        business: business.into(),
        trade: "Menuiserie".into(),
        joined: Some(day(2027, 1, 12)),
        gender: Some(gender),
        business_since: Some(1995 + i as i32 * 3),
        ..Member::default()
    }
}

fn group() -> Group {
    Group {
        id: "grp000000001".into(),
        name: "Menuisiers de Fès".into(),
        trade: "Menuiserie".into(),
        city: "Fès".into(),
        host: "Chambre d'Artisanat de Fès-Meknès".into(),
        advisor: "Amal Kettani".into(),
        start_date: Some(day(2027, 1, 12)),
        members: (0..NAMES.len()).map(member).collect(),
        ..Group::default()
    }
}

fn session_of(group: Group) -> Session {
    Session::new(NewSession {
        id: "ses000000001".into(),
        number: 1,
        date: day(2027, 1, 12),
        place: "Chambre d'Artisanat, Fès".into(),
        group,
        method: Method::builtin(),
        reviews: Vec::new(),
        backlog: Vec::new(),
        now: at(0),
    })
}

fn session() -> Session {
    session_of(group())
}

/// Records a change of the group's life a minute after the last event, and checks that the
/// history kept it, as recorded, at the end.
fn rec(s: &mut Session, change: GroupChange) {
    rec_change(s, Change::Group(change));
}

fn rec_change(s: &mut Session, change: Change) {
    let n = s.history.len();
    let when = at(60 * (n as i64 + 1));
    s.record(when, change.clone());
    assert_eq!(s.history.len(), n + 1, "appended to the history");
    let last = s.history.last().unwrap();
    assert_eq!((last.at, &last.change), (when, &change));
}

fn term(id: &str, role: Role, member: usize, from: NaiveDate) -> RoleTerm {
    RoleTerm {
        id: id.into(),
        role,
        member: mid(member),
        from,
        to: None,
        session: Some("ses000000001".into()),
    }
}

fn version(text: &str, date: NaiveDate, attendance: Option<(u32, u32)>) -> RuleVersion {
    RuleVersion {
        text: text.into(),
        date,
        session: Some("ses000000001".into()),
        attendance: attendance.map(|(absences, within)| AttendanceRule { absences, within }),
    }
}

fn rule(id: &str, text: &str, attendance: Option<(u32, u32)>) -> Rule {
    Rule {
        id: id.into(),
        versions: vec![version(text, day(2027, 1, 12), attendance)],
        withdrawn: None,
    }
}

fn activity(id: &str, month: u32, what: &str) -> PlannedActivity {
    PlannedActivity {
        id: id.into(),
        month,
        what: what.into(),
        who: "Driss et la Chambre".into(),
        status: PlanStatus::Planned,
        comment: String::new(),
        project: None,
    }
}

fn objective(id: &str, text: &str) -> Item {
    Item {
        id: id.into(),
        text: text.into(),
        created: at(0),
    }
}

fn plan(year: i32, activities: Vec<PlannedActivity>) -> WorkPlan {
    WorkPlan {
        year,
        session: Some("ses000000001".into()),
        objectives: vec![objective("obj1", "Acheter le bois ensemble")],
        activities,
    }
}

fn project(id: &str, title: &str) -> Project {
    Project {
        id: id.into(),
        title: title.into(),
        aim: "Payer le bois 10 % moins cher".into(),
        status: ProjectStatus::Idea,
        started: day(2027, 1, 12),
        session: Some("ses000000001".into()),
        members: vec![mid(0), mid(2), mid(4)],
        milestones: Vec::new(),
        budget_mad: Some(60_000),
        funding: vec![
            Funding {
                payer: "Chambre d'Artisanat".into(),
                amount_mad: 20_000,
            },
            Funding {
                payer: "Membres".into(),
                amount_mad: 40_000,
            },
        ],
    }
}

fn milestone(id: &str, text: &str, due: NaiveDate) -> Milestone {
    Milestone {
        id: id.into(),
        text: text.into(),
        due: Some(due),
        done: None,
    }
}

fn action(id: &str, what: &str, owner: usize) -> Action {
    Action {
        id: id.into(),
        what: what.into(),
        owners: vec![Owner::Member(mid(owner))],
        due: Some(day(2027, 1, 26)),
        means: String::new(),
        indicator: String::new(),
        idea: None,
        project: None,
        created: at(0),
    }
}

fn idea(id: &str, text: &str) -> Idea {
    Idea {
        id: id.into(),
        text: text.into(),
        proposer: Author::Member(mid(2)),
        cause: None,
        kind: Some(IdeaKind::Collective),
        impact: None,
        effort: None,
        chosen: false,
        project: None,
        created: at(0),
    }
}

fn holder(g: &Group, role: &Role, on: NaiveDate) -> Vec<Id> {
    g.roles
        .iter()
        .filter(|t| &t.role == role && t.holds_on(on))
        .map(|t| t.member.clone())
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Each change, recorded
// ---------------------------------------------------------------------------------------------

#[test]
fn a_member_leaving_keeps_them_in_the_group_with_the_date_and_the_reason() {
    let mut s = session();
    rec(
        &mut s,
        GroupChange::MemberLeft {
            member: mid(5),
            date: day(2027, 3, 9),
            reason: LeaveReason::Other("Parti travailler à Meknès".into()),
        },
    );
    let m = s
        .group
        .member(&mid(5))
        .expect("still in the group's records");
    assert_eq!(m.left, Some(day(2027, 3, 9)));
    assert_eq!(
        m.left_reason,
        Some(LeaveReason::Other("Parti travailler à Meknès".into()))
    );
    assert_eq!(s.group.members.len(), NAMES.len());
    // Nobody else moves.
    assert!(
        s.group
            .members
            .iter()
            .filter(|m| m.id != mid(5))
            .all(|m| m.left.is_none() && m.left_reason.is_none())
    );
}

#[test]
fn a_new_holder_of_a_role_ends_the_previous_term_the_day_before() {
    let mut s = session();
    rec(
        &mut s,
        GroupChange::RoleAssigned {
            term: term("r1", Role::Coordinator, 0, day(2027, 1, 12)),
        },
    );
    rec(
        &mut s,
        GroupChange::RoleAssigned {
            term: term("r2", Role::Deputy, 1, day(2027, 1, 12)),
        },
    );
    assert_eq!(s.group.roles.len(), 2);
    assert_eq!(
        holder(&s.group, &Role::Coordinator, day(2027, 1, 12)),
        [mid(0)]
    );
    rec(
        &mut s,
        GroupChange::RoleAssigned {
            term: term("r3", Role::Coordinator, 2, day(2027, 6, 8)),
        },
    );
    let old = &s.group.roles[0];
    assert_eq!(old.to, Some(day(2027, 6, 7)), "the day before");
    assert_eq!(
        holder(&s.group, &Role::Coordinator, day(2027, 6, 7)),
        [mid(0)]
    );
    assert_eq!(
        holder(&s.group, &Role::Coordinator, day(2027, 6, 8)),
        [mid(2)]
    );
    // Another role is not touched, and the new term is open.
    assert_eq!(s.group.roles[1].to, None);
    assert_eq!(s.group.roles[2].to, None);
    // The same term recorded again (an edit of it) does not end itself.
    let mut edited = term("r3", Role::Coordinator, 2, day(2027, 6, 8));
    edited.session = None;
    rec(&mut s, GroupChange::RoleAssigned { term: edited });
    assert_eq!(s.group.roles.len(), 3);
    assert_eq!(s.group.roles[2].to, None);
    assert_eq!(s.group.roles[2].session, None);
    // A role the group named itself is a role of its own.
    let purchases = Role::Other("Responsable achats".into());
    rec(
        &mut s,
        GroupChange::RoleAssigned {
            term: term("r4", purchases.clone(), 4, day(2027, 6, 8)),
        },
    );
    assert_eq!(holder(&s.group, &purchases, day(2027, 6, 8)), [mid(4)]);
    assert_eq!(
        holder(&s.group, &Role::Coordinator, day(2027, 6, 8)),
        [mid(2)]
    );
    // A term ends on the day said.
    rec(
        &mut s,
        GroupChange::RoleEnded {
            id: "r4".into(),
            date: day(2027, 9, 30),
        },
    );
    assert_eq!(s.group.roles[3].to, Some(day(2027, 9, 30)));
    assert!(holder(&s.group, &purchases, day(2027, 10, 1)).is_empty());
}

/// The group's page shows who holds a role once the meeting is over: a term ended at the
/// meeting (no one elected in the holder's place) is no longer the holder's there.
#[test]
fn a_term_ended_at_a_meeting_is_no_longer_on_the_groups_page() {
    let mut s = session();
    let d = s.date;
    rec(
        &mut s,
        GroupChange::RoleAssigned {
            term: term("r1", Role::Coordinator, 0, day(2026, 6, 1)),
        },
    );
    rec(
        &mut s,
        GroupChange::RoleAssigned {
            term: term("r2", Role::Deputy, 1, day(2026, 6, 1)),
        },
    );
    rec(
        &mut s,
        GroupChange::RoleEnded {
            id: "r1".into(),
            date: d,
        },
    );
    let life = atelier::life::GroupLife::of(std::slice::from_ref(&s), Vec::new());
    let roles_of = |i: usize| {
        life.members
            .iter()
            .find(|m| life.attendance.members[m.row].member.id == mid(i))
            .map(|m| m.roles.clone())
            .unwrap()
    };
    assert_eq!(
        roles_of(0),
        Vec::<Role>::new(),
        "her term ended at this meeting"
    );
    assert_eq!(roles_of(1), [Role::Deputy]);
}

#[test]
fn a_member_who_leaves_leaves_their_roles() {
    let mut s = session();
    rec(
        &mut s,
        GroupChange::RoleAssigned {
            term: term("r1", Role::Treasurer, 3, day(2027, 1, 12)),
        },
    );
    rec(
        &mut s,
        GroupChange::RoleAssigned {
            term: term("r2", Role::Deputy, 1, day(2027, 1, 12)),
        },
    );
    rec(
        &mut s,
        GroupChange::MemberLeft {
            member: mid(3),
            date: day(2027, 4, 6),
            reason: LeaveReason::Stopped,
        },
    );
    assert_eq!(s.group.roles[0].to, Some(day(2027, 4, 6)));
    assert_eq!(s.group.roles[1].to, None, "someone else's role stays");
    assert!(holder(&s.group, &Role::Treasurer, day(2027, 4, 7)).is_empty());
}

#[test]
fn rules_are_adopted_amended_and_withdrawn_keeping_every_wording() {
    let mut s = session();
    rec(
        &mut s,
        GroupChange::RuleAdopted {
            rule: rule(
                "u1",
                "Trois absences sans excuse sur six réunions : le groupe en parle",
                Some((3, 6)),
            ),
        },
    );
    rec(
        &mut s,
        GroupChange::RuleAdopted {
            rule: rule("u2", "Ce qui se dit au groupe reste au groupe", None),
        },
    );
    assert_eq!(s.group.rules.len(), 2);
    assert!(s.group.rules.iter().all(Rule::in_force));
    let amended = version(
        "Quatre absences sans excuse sur huit réunions",
        day(2027, 3, 9),
        Some((4, 8)),
    );
    rec(
        &mut s,
        GroupChange::RuleAmended {
            id: "u1".into(),
            version: amended.clone(),
        },
    );
    let r = &s.group.rules[0];
    assert_eq!(r.versions.len(), 2, "the first wording is kept");
    assert_eq!(r.current(), amended);
    assert_eq!(r.adopted(), Some(day(2027, 1, 12)));
    assert_eq!(
        r.current().attendance,
        Some(AttendanceRule {
            absences: 4,
            within: 8
        })
    );
    rec(
        &mut s,
        GroupChange::RuleWithdrawn {
            id: "u2".into(),
            date: day(2027, 5, 4),
        },
    );
    assert!(!s.group.rules[1].in_force());
    assert_eq!(s.group.rules[1].withdrawn, Some(day(2027, 5, 4)));
    assert!(s.group.rules[0].in_force());
}

#[test]
fn a_work_plan_is_agreed_added_to_edited_and_reviewed() {
    let mut s = session();
    rec(
        &mut s,
        GroupChange::WorkPlanAgreed {
            plan: plan(
                2027,
                vec![
                    activity("a1", 3, "Visite de la scierie de Azrou"),
                    activity("a2", 2, "Formation au calcul du prix de revient"),
                ],
            ),
        },
    );
    assert_eq!(s.group.plans.len(), 1);
    let months: Vec<u32> = s.group.plans[0]
        .by_month()
        .iter()
        .map(|a| a.month)
        .collect();
    assert_eq!(months, [2, 3]);
    rec(
        &mut s,
        GroupChange::PlanObjectiveAdded {
            year: 2027,
            objective: objective("obj2", "Un stand commun à la foire de Fès"),
        },
    );
    assert_eq!(s.group.plans[0].objectives.len(), 2);
    rec(
        &mut s,
        GroupChange::PlannedActivityAdded {
            year: 2027,
            activity: activity("a3", 10, "Stand commun à la foire de l'artisanat"),
        },
    );
    assert_eq!(s.group.plans[0].activities.len(), 3);
    let mut later = activity("a1", 4, "Visite de la scierie d'Azrou");
    later.who = "Hicham".into();
    rec(
        &mut s,
        GroupChange::PlannedActivityEdited {
            year: 2027,
            activity: later.clone(),
        },
    );
    assert_eq!(s.group.plans[0].activities.len(), 3, "edited, not added");
    assert_eq!(s.group.plans[0].activities[0], later);
    rec(
        &mut s,
        GroupChange::PlannedActivityReviewed {
            id: "a2".into(),
            status: PlanStatus::Done,
            comment: "Faite le 16 février avec le formateur de la Chambre".into(),
        },
    );
    let a2 = &s.group.plans[0].activities[1];
    assert_eq!(a2.status, PlanStatus::Done);
    assert!(a2.status.is_closed());
    assert_eq!(
        a2.comment,
        "Faite le 16 février avec le formateur de la Chambre"
    );
    // An objective for a year without a plan starts that year's plan, in year order.
    rec(
        &mut s,
        GroupChange::PlanObjectiveAdded {
            year: 2026,
            objective: objective("obj3", "Se connaître"),
        },
    );
    let years: Vec<i32> = s.group.plans.iter().map(|p| p.year).collect();
    assert_eq!(years, [2026, 2027]);
    // A year agreed again replaces that year's plan, and only it.
    rec(
        &mut s,
        GroupChange::WorkPlanAgreed {
            plan: plan(2027, vec![activity("b1", 5, "Achat groupé de bois")]),
        },
    );
    assert_eq!(s.group.plans.len(), 2);
    assert_eq!(s.group.plans[1].activities.len(), 1);
    assert_eq!(s.group.plans[0].objectives[0].text, "Se connaître");
    // An activity put off to another year moves to that year's plan.
    rec(
        &mut s,
        GroupChange::PlannedActivityEdited {
            year: 2028,
            activity: activity("b1", 2, "Achat groupé de bois"),
        },
    );
    let years: Vec<(i32, usize)> = (s.group.plans.iter())
        .map(|p| (p.year, p.activities.len()))
        .collect();
    assert_eq!(years, [(2026, 0), (2027, 0), (2028, 1)]);
    assert_eq!(s.group.plans[2].activities[0].month, 2);
}

#[test]
fn an_objective_is_reworded_or_removed_and_an_activity_taken_off_the_plan() {
    let mut s = session();
    rec(
        &mut s,
        GroupChange::WorkPlanAgreed {
            plan: plan(
                2027,
                vec![
                    activity("a1", 3, "Visite de la scierie d'Azrou"),
                    activity("a2", 3, "Visite de la scierie d'Azrou"),
                ],
            ),
        },
    );
    rec(
        &mut s,
        GroupChange::PlanObjectiveAdded {
            year: 2028,
            objective: objective("obj2", "Un stand à la foire"),
        },
    );
    // Reworded in its own year's plan, wherever it is; the other years untouched.
    rec(
        &mut s,
        GroupChange::PlanObjectiveEdited {
            id: "obj2".into(),
            text: "Un stand commun à la foire de Fès".into(),
        },
    );
    let texts = |s: &Session| -> Vec<(i32, String)> {
        (s.group.plans.iter())
            .flat_map(|p| p.objectives.iter().map(|o| (p.year, o.text.clone())))
            .collect()
    };
    assert_eq!(
        texts(&s),
        [
            (2027, "Acheter le bois ensemble".to_string()),
            (2028, "Un stand commun à la foire de Fès".to_string())
        ]
    );
    let created = s.group.plans[1].objectives[0].created;
    assert_eq!(created, at(0), "an edit keeps when it was first written");
    rec(
        &mut s,
        GroupChange::PlanObjectiveRemoved { id: "obj1".into() },
    );
    assert_eq!(
        texts(&s),
        [(2028, "Un stand commun à la foire de Fès".to_string())]
    );
    // The activity typed twice: one taken off, the other kept as it was.
    rec(
        &mut s,
        GroupChange::PlannedActivityRemoved { id: "a2".into() },
    );
    let ids: Vec<&str> = (s.group.plans.iter())
        .flat_map(|p| p.activities.iter().map(|a| a.id.as_str()))
        .collect();
    assert_eq!(ids, ["a1"]);
    // The history keeps both: the session's start still has them, and replay tells them.
    let start = &s.start.as_ref().unwrap().group;
    assert!(start.plans.is_empty());
    let r = Replay::new(&s);
    let said: Vec<String> = (0..s.history.len())
        .map(|i| r.describe(i, Lang::Fr))
        .collect();
    assert_eq!(
        said[2..],
        [
            "Objectif modifié : Un stand commun à la foire de Fès",
            "Objectif retiré : Acheter le bois ensemble",
            "Activité retirée du plan : Visite de la scierie d'Azrou",
        ]
    );
    assert_eq!(
        r.describe(3, Lang::En),
        "Objective removed: Acheter le bois ensemble"
    );
}

#[test]
fn a_milestone_is_reached_then_to_do_again_and_changed() {
    let mut s = session();
    rec(
        &mut s,
        GroupChange::ProjectAdded {
            project: project("p1", "Achat groupé de bois"),
        },
    );
    for (id, text) in [("k1", "Trois devis de scieries"), ("k2", "Commande passée")] {
        rec(
            &mut s,
            GroupChange::MilestoneSet {
                project: "p1".into(),
                milestone: milestone(id, text, day(2027, 2, 9)),
            },
        );
    }
    let reached = |s: &Session| -> Vec<Option<NaiveDate>> {
        s.group.projects[0]
            .milestones
            .iter()
            .map(|m| m.done)
            .collect()
    };
    rec(
        &mut s,
        GroupChange::MilestoneDone {
            project: "p1".into(),
            milestone: "k1".into(),
            done: Some(day(2027, 1, 12)),
        },
    );
    assert_eq!(reached(&s), [Some(day(2027, 1, 12)), None]);
    rec(
        &mut s,
        GroupChange::MilestoneDone {
            project: "p1".into(),
            milestone: "k1".into(),
            done: None,
        },
    );
    assert_eq!(reached(&s), [None, None]);
    // Changed: the same id, another text and date; it keeps its place.
    let mut later = milestone("k1", "Cinq devis de scieries", day(2027, 3, 2));
    later.done = None;
    rec(
        &mut s,
        GroupChange::MilestoneSet {
            project: "p1".into(),
            milestone: later.clone(),
        },
    );
    assert_eq!(s.group.projects[0].milestones[0], later);
    assert_eq!(s.group.projects[0].milestones.len(), 2);
    // A milestone of another project, or none, is no milestone of this one.
    rec(
        &mut s,
        GroupChange::MilestoneDone {
            project: "p9".into(),
            milestone: "k2".into(),
            done: Some(day(2027, 1, 12)),
        },
    );
    assert_eq!(reached(&s), [None, None]);
    let r = Replay::new(&s);
    let said: Vec<String> = (0..s.history.len())
        .map(|i| r.describe(i, Lang::Fr))
        .collect();
    assert_eq!(
        said[1..6],
        [
            "Projet « Achat groupé de bois », étape : Trois devis de scieries",
            "Projet « Achat groupé de bois », étape : Commande passée",
            "Projet « Achat groupé de bois », étape franchie : Trois devis de scieries",
            "Projet « Achat groupé de bois », étape de nouveau à faire : Trois devis de scieries",
            "Projet « Achat groupé de bois », étape modifiée : Cinq devis de scieries",
        ]
    );
    assert_eq!(
        r.describe(3, Lang::En),
        "Project “Achat groupé de bois”, milestone reached: Trois devis de scieries"
    );
}

#[test]
fn a_project_moves_through_its_statuses_and_an_edit_keeps_its_status_and_milestones() {
    let mut s = session();
    rec(
        &mut s,
        GroupChange::ProjectAdded {
            project: project("p1", "Achat groupé de bois"),
        },
    );
    assert_eq!(s.group.projects.len(), 1);
    assert_eq!(s.group.projects[0].funded_mad(), 60_000);
    rec(
        &mut s,
        GroupChange::MilestoneSet {
            project: "p1".into(),
            milestone: milestone("k1", "Trois devis de scieries", day(2027, 2, 9)),
        },
    );
    rec(
        &mut s,
        GroupChange::ProjectStatusSet {
            id: "p1".into(),
            status: ProjectStatus::Prepared,
        },
    );
    // The milestone done: the same id, changed.
    let mut done = milestone("k1", "Trois devis de scieries", day(2027, 2, 9));
    done.done = Some(day(2027, 2, 5));
    rec(
        &mut s,
        GroupChange::MilestoneSet {
            project: "p1".into(),
            milestone: done.clone(),
        },
    );
    assert_eq!(s.group.projects[0].milestones, [done.clone()]);
    // The form's edit: new title, budget and members; the status and milestones stay.
    let mut edit = project("p1", "Achat groupé de bois de cèdre");
    edit.budget_mad = Some(75_000);
    edit.members.push(mid(6));
    edit.status = ProjectStatus::Idea;
    edit.milestones = Vec::new();
    rec(
        &mut s,
        GroupChange::ProjectEdited {
            project: edit.clone(),
        },
    );
    let p = &s.group.projects[0];
    assert_eq!(p.title, "Achat groupé de bois de cèdre");
    assert_eq!(p.budget_mad, Some(75_000));
    assert_eq!(p.members.len(), 4);
    assert_eq!(p.status, ProjectStatus::Prepared, "the status stays");
    assert_eq!(p.milestones, [done], "the milestones stay");
    for status in [ProjectStatus::Running, ProjectStatus::Done] {
        rec(
            &mut s,
            GroupChange::ProjectStatusSet {
                id: "p1".into(),
                status,
            },
        );
        assert_eq!(s.group.projects[0].status, status);
    }
    assert!(s.group.projects[0].status.is_closed());
}

#[test]
fn actions_and_ideas_are_linked_to_a_project_and_unlinked() {
    let mut s = session();
    rec(
        &mut s,
        GroupChange::ProjectAdded {
            project: project("p1", "Achat groupé de bois"),
        },
    );
    rec_change(
        &mut s,
        Change::IdeaAdded {
            idea: idea("i1", "Commander le bois ensemble à Azrou"),
        },
    );
    rec_change(
        &mut s,
        Change::ActionAdded {
            action: action("x1", "Demander trois devis", 2),
        },
    );
    let link = Some(Id::from("p1"));
    rec_change(
        &mut s,
        Change::IdeaProjectSet {
            id: "i1".into(),
            project: link.clone(),
        },
    );
    rec_change(
        &mut s,
        Change::ActionProjectSet {
            id: "x1".into(),
            project: link.clone(),
        },
    );
    assert_eq!(s.solutions.ideas[0].project, link);
    assert_eq!(s.plan.actions[0].project, link);
    rec_change(
        &mut s,
        Change::ActionProjectSet {
            id: "x1".into(),
            project: None,
        },
    );
    assert_eq!(s.plan.actions[0].project, None);
    assert_eq!(s.solutions.ideas[0].project, link);
}

#[test]
fn a_change_naming_an_unknown_id_does_nothing_but_is_kept() {
    let mut s = session();
    rec(
        &mut s,
        GroupChange::RoleAssigned {
            term: term("r1", Role::Coordinator, 0, day(2027, 1, 12)),
        },
    );
    rec(
        &mut s,
        GroupChange::RuleAdopted {
            rule: rule("u1", "Ce qui se dit au groupe reste au groupe", None),
        },
    );
    rec(
        &mut s,
        GroupChange::WorkPlanAgreed {
            plan: plan(2027, vec![activity("a1", 3, "Visite de la scierie")]),
        },
    );
    rec(
        &mut s,
        GroupChange::ProjectAdded {
            project: project("p1", "Achat groupé de bois"),
        },
    );
    rec_change(
        &mut s,
        Change::ActionAdded {
            action: action("x1", "Demander trois devis", 2),
        },
    );
    rec_change(
        &mut s,
        Change::IdeaAdded {
            idea: idea("i1", "Commander ensemble"),
        },
    );
    let before = s.clone();
    let nobody = Id::from("nobody000000");
    let unknown: Vec<Change> = vec![
        Change::Group(GroupChange::MemberLeft {
            member: nobody.clone(),
            date: day(2027, 2, 1),
            reason: LeaveReason::Moved,
        }),
        // A role for someone who is not a member of the group.
        Change::Group(GroupChange::RoleAssigned {
            term: RoleTerm {
                member: nobody.clone(),
                ..term("r9", Role::Coordinator, 0, day(2027, 2, 1))
            },
        }),
        Change::Group(GroupChange::RoleEnded {
            id: nobody.clone(),
            date: day(2027, 2, 1),
        }),
        Change::Group(GroupChange::RuleAmended {
            id: nobody.clone(),
            version: version("Autre", day(2027, 2, 1), None),
        }),
        Change::Group(GroupChange::RuleWithdrawn {
            id: nobody.clone(),
            date: day(2027, 2, 1),
        }),
        Change::Group(GroupChange::PlannedActivityEdited {
            year: 2027,
            activity: activity("nobody000000", 4, "Une activité qui n'existe pas"),
        }),
        Change::Group(GroupChange::PlannedActivityReviewed {
            id: nobody.clone(),
            status: PlanStatus::Done,
            comment: "?".into(),
        }),
        Change::Group(GroupChange::ProjectEdited {
            project: project("nobody000000", "Un autre projet"),
        }),
        Change::Group(GroupChange::ProjectStatusSet {
            id: nobody.clone(),
            status: ProjectStatus::Done,
        }),
        Change::Group(GroupChange::MilestoneSet {
            project: nobody.clone(),
            milestone: milestone("k1", "Étape", day(2027, 2, 1)),
        }),
        Change::Group(GroupChange::PlanObjectiveEdited {
            id: nobody.clone(),
            text: "Un objectif qui n'existe pas".into(),
        }),
        Change::Group(GroupChange::PlanObjectiveRemoved { id: nobody.clone() }),
        Change::Group(GroupChange::PlannedActivityRemoved { id: nobody.clone() }),
        Change::Group(GroupChange::MilestoneDone {
            project: "p1".into(),
            milestone: nobody.clone(),
            done: Some(day(2027, 2, 1)),
        }),
        Change::ActionProjectSet {
            id: nobody.clone(),
            project: Some("p1".into()),
        },
        Change::IdeaProjectSet {
            id: nobody.clone(),
            project: Some("p1".into()),
        },
    ];
    for change in unknown {
        rec_change(&mut s, change.clone());
        assert_eq!(s.group, before.group, "{change:?}");
        assert_eq!(s.plan, before.plan, "{change:?}");
        assert_eq!(s.solutions, before.solutions, "{change:?}");
    }
    assert_eq!(s.history.len(), before.history.len() + 16);
}

// ---------------------------------------------------------------------------------------------
// Numbers out of range
// ---------------------------------------------------------------------------------------------

/// Changes holding a number out of its range, with the number `misfit` names.
fn out_of_range() -> Vec<(GroupChange, Number, u64)> {
    let over = MAX_AMOUNT_MAD + 1;
    let mut funded = project("p2", "Stand à la foire");
    funded.budget_mad = None;
    funded.funding[1].amount_mad = over;
    vec![
        (
            GroupChange::WorkPlanAgreed {
                plan: plan(2027, vec![activity("a1", 13, "Un treizième mois")]),
            },
            Number::Month,
            13,
        ),
        (
            GroupChange::PlannedActivityAdded {
                year: 2027,
                activity: activity("a2", 0, "Un mois zéro"),
            },
            Number::Month,
            0,
        ),
        (
            GroupChange::PlanObjectiveAdded {
                year: 1900,
                objective: objective("o1", "Il y a longtemps"),
            },
            Number::Year,
            1900,
        ),
        (
            GroupChange::WorkPlanAgreed {
                plan: plan(-5, Vec::new()),
            },
            Number::Year,
            0,
        ),
        (
            GroupChange::RuleAdopted {
                rule: rule("u1", "Zéro absence", Some((0, 6))),
            },
            Number::RuleCount,
            0,
        ),
        (
            GroupChange::RuleAmended {
                id: "u9".into(),
                version: version("500 absences", day(2027, 2, 1), Some((500, 6))),
            },
            Number::RuleCount,
            500,
        ),
        (
            GroupChange::RuleAdopted {
                rule: rule("u2", "Sur zéro réunion", Some((3, 0))),
            },
            Number::RuleCount,
            0,
        ),
        (
            GroupChange::ProjectAdded {
                project: Project {
                    budget_mad: Some(over),
                    ..project("p1", "Achat de bois")
                },
            },
            Number::Amount,
            over,
        ),
        (
            GroupChange::ProjectEdited { project: funded },
            Number::Amount,
            over,
        ),
    ]
}

#[test]
fn numbers_out_of_range_are_not_applied() {
    let mut s = session();
    rec(
        &mut s,
        GroupChange::RuleAdopted {
            rule: rule("u9", "Trois absences", Some((3, 6))),
        },
    );
    rec(
        &mut s,
        GroupChange::ProjectAdded {
            project: project("p2", "Stand à la foire"),
        },
    );
    let before = s.group.clone();
    for (change, number, value) in out_of_range() {
        let change = Change::Group(change);
        match change.misfit(s.method.phases.len()) {
            Some(Misfit::OutOfRange {
                number: n,
                value: v,
                ..
            }) => assert_eq!((n, v), (number, value), "{change:?}"),
            other => panic!("{change:?}: {other:?}"),
        }
        rec_change(&mut s, change.clone());
        assert_eq!(s.group, before, "{change:?} is not applied");
    }
    // The edges of each range are in it.
    let fine = [
        GroupChange::PlannedActivityAdded {
            year: 2000,
            activity: activity("a1", 1, "Janvier"),
        },
        GroupChange::PlannedActivityAdded {
            year: 2100,
            activity: activity("a2", 12, "Décembre"),
        },
        GroupChange::RuleAdopted {
            rule: rule("u1", "Une sur une", Some((1, 1))),
        },
        GroupChange::RuleAmended {
            id: "u1".into(),
            version: version("99 sur 99", day(2027, 2, 1), Some((99, 99))),
        },
        GroupChange::ProjectAdded {
            project: Project {
                budget_mad: Some(MAX_AMOUNT_MAD),
                ..project("p1", "Achat de bois")
            },
        },
    ];
    for change in fine {
        let change = Change::Group(change);
        assert_eq!(change.misfit(7), None, "{change:?}");
        let group = s.group.clone();
        rec_change(&mut s, change.clone());
        assert_ne!(s.group, group, "{change:?} is applied");
    }
}

#[test]
fn check_names_each_event_out_of_range_with_its_place_in_the_file() {
    let mut s = session();
    let cases = out_of_range();
    for (change, _, _) in &cases {
        rec(&mut s, change.clone());
    }
    let text = store::encode(&s).unwrap();
    for lang in [Lang::Fr, Lang::En] {
        let t = &lang.strings().store.check;
        let found = store::check_history(&s, &text, lang.strings());
        assert_eq!(found.len(), cases.len(), "{found:?}");
        for (((line, _), message), (_, number, value)) in found.iter().zip(&cases) {
            let name = match number {
                Number::Year => t.number_year,
                Number::Month => t.number_month,
                Number::RuleCount => t.number_rule_count,
                Number::Amount => t.number_amount,
                _ => unreachable!(),
            };
            assert!(message.contains(name), "{message}");
            assert!(message.contains(&value.to_string()), "{message}");
            // The place is the event's, in the history.
            let at_line = text.lines().nth(line - 1).unwrap();
            assert!(
                text.lines().take(*line).any(|l| l.contains("history:")),
                "{line}: {at_line}"
            );
        }
        let lines: Vec<usize> = found.iter().map(|((l, _), _)| *l).collect();
        assert!(lines.windows(2).all(|w| w[0] < w[1]), "{lines:?}");
    }
    // The saved data holds none of them: nothing for the data's own check.
    assert!(store::check_session(&s, Lang::En.strings()).is_empty());
}

#[test]
fn check_names_the_groups_numbers_out_of_range_and_loading_brings_them_back() {
    // What a hand edit of the saved group could do: none of it came through an event.
    let mut s = session();
    let mut g = s.group.clone();
    g.plans = vec![plan(1900, vec![activity("a1", 13, "Un treizième mois")])];
    g.rules = vec![rule(
        "u1",
        "Trois absences sur zéro réunion",
        Some((500, 0)),
    )];
    g.projects = vec![Project {
        budget_mad: Some(u64::MAX),
        funding: vec![
            Funding {
                payer: "Membres".into(),
                amount_mad: u64::MAX,
            },
            Funding {
                payer: "Chambre".into(),
                amount_mad: u64::MAX,
            },
        ],
        ..project("p1", "Achat de bois")
    }];
    s.group = g;
    for lang in [Lang::Fr, Lang::En] {
        let t = &lang.strings().store.check;
        let messages: Vec<String> = store::check_session(&s, lang.strings())
            .into_iter()
            .map(|w| w.message)
            .collect();
        for (name, value) in [
            (t.number_year, "1900"),
            (t.number_month, "13"),
            (t.number_rule_count, "500"),
            (t.number_rule_count, "0"),
            (t.number_amount, &u64::MAX.to_string()),
        ] {
            assert!(
                messages
                    .iter()
                    .any(|m| m.contains(name) && m.contains(value)),
                "{name} {value}: {messages:?}"
            );
        }
    }
    // No sum of shares overflows, whatever a file says.
    assert_eq!(s.group.projects[0].funded_mad(), u64::MAX);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hand-edited.ron");
    store::save(&path, &s).unwrap();
    let loaded = store::load(&path).unwrap();
    assert!(
        store::check_session(&loaded, Lang::En.strings()).is_empty(),
        "{:?}",
        store::check_session(&loaded, Lang::En.strings())
    );
    let g = &loaded.group;
    assert_eq!(g.plans[0].year, 2000);
    assert_eq!(g.plans[0].activities[0].month, 12);
    assert_eq!(
        g.rules[0].current().attendance,
        Some(AttendanceRule {
            absences: 99,
            within: 1
        })
    );
    assert_eq!(g.projects[0].budget_mad, Some(MAX_AMOUNT_MAD));
    assert!(
        g.projects[0]
            .funding
            .iter()
            .all(|f| f.amount_mad == MAX_AMOUNT_MAD)
    );
}

// ---------------------------------------------------------------------------------------------
// Replay
// ---------------------------------------------------------------------------------------------

/// A session that starts with a group that has a life already (a coordinator, a rule, a
/// plan, a project: what earlier sessions decided), and records every kind of change.
fn lived() -> Session {
    let mut g = group();
    g.apply(&GroupChange::RoleAssigned {
        term: term("r0", Role::Coordinator, 0, day(2026, 11, 3)),
    });
    g.apply(&GroupChange::RuleAdopted {
        rule: rule(
            "u0",
            "Trois absences sans excuse sur six réunions",
            Some((3, 6)),
        ),
    });
    g.apply(&GroupChange::WorkPlanAgreed {
        plan: plan(2027, vec![activity("a0", 1, "Formation aux devis")]),
    });
    g.apply(&GroupChange::ProjectAdded {
        project: project("p0", "Achat groupé de bois"),
    });
    let mut s = session_of(g);
    rec_change(
        &mut s,
        Change::MemberAdded {
            member: Member {
                id: "mem000000099".into(),
                name: "Zineb Amrani".into(),
                gender: Some(Gender::Woman),
                business_since: Some(2019),
                ..member(0)
            },
        },
    );
    for change in every_change() {
        rec(&mut s, change);
    }
    rec_change(
        &mut s,
        Change::ActionAdded {
            action: action("x1", "Demander trois devis", 2),
        },
    );
    rec_change(
        &mut s,
        Change::IdeaAdded {
            idea: idea("i1", "Commander ensemble"),
        },
    );
    rec_change(
        &mut s,
        Change::ActionProjectSet {
            id: "x1".into(),
            project: Some("p0".into()),
        },
    );
    rec_change(
        &mut s,
        Change::IdeaProjectSet {
            id: "i1".into(),
            project: Some("p1".into()),
        },
    );
    rec_change(
        &mut s,
        Change::IdeaProjectSet {
            id: "i1".into(),
            project: None,
        },
    );
    s
}

/// One change of each kind, on the group of [`lived`].
fn every_change() -> Vec<GroupChange> {
    let mut done = milestone("k1", "Trois devis de scieries", day(2027, 2, 9));
    done.done = Some(day(2027, 2, 5));
    vec![
        GroupChange::RoleAssigned {
            term: term("r1", Role::Coordinator, 1, day(2027, 1, 12)),
        },
        GroupChange::RoleAssigned {
            term: term("r2", Role::Treasurer, 3, day(2027, 1, 12)),
        },
        GroupChange::RoleEnded {
            id: "r2".into(),
            date: day(2027, 1, 12),
        },
        GroupChange::RuleAdopted {
            rule: rule("u1", "ما يقال في المجموعة يبقى في المجموعة", None),
        },
        GroupChange::RuleAmended {
            id: "u0".into(),
            version: version(
                "Quatre absences sans excuse sur huit réunions",
                day(2027, 1, 12),
                Some((4, 8)),
            ),
        },
        GroupChange::RuleWithdrawn {
            id: "u1".into(),
            date: day(2027, 1, 12),
        },
        GroupChange::WorkPlanAgreed {
            plan: plan(2028, vec![activity("a1", 3, "Foire de Meknès")]),
        },
        GroupChange::PlanObjectiveAdded {
            year: 2027,
            objective: objective("o2", "Un catalogue commun"),
        },
        GroupChange::PlannedActivityAdded {
            year: 2027,
            activity: activity("a2", 6, "Visite de la scierie d'Azrou"),
        },
        GroupChange::PlannedActivityEdited {
            year: 2027,
            activity: activity("a2", 7, "Visite de la scierie d'Azrou"),
        },
        GroupChange::PlanObjectiveEdited {
            id: "o2".into(),
            text: "Un catalogue commun, en arabe et en français, par Hicham Tazi".into(),
        },
        GroupChange::PlanObjectiveRemoved { id: "obj1".into() },
        GroupChange::PlannedActivityAdded {
            year: 2027,
            activity: activity("a3", 9, "Visite de la scierie (en double)"),
        },
        GroupChange::PlannedActivityRemoved { id: "a3".into() },
        GroupChange::PlannedActivityReviewed {
            id: "a0".into(),
            status: PlanStatus::Postponed,
            comment: "Le formateur n'était pas libre".into(),
        },
        GroupChange::ProjectAdded {
            project: project("p1", "Stand à la foire de Fès"),
        },
        GroupChange::ProjectEdited {
            project: project("p1", "Stand commun à la foire de Fès"),
        },
        GroupChange::ProjectStatusSet {
            id: "p0".into(),
            status: ProjectStatus::Prepared,
        },
        GroupChange::MilestoneSet {
            project: "p0".into(),
            milestone: done,
        },
        GroupChange::MilestoneDone {
            project: "p0".into(),
            milestone: "k1".into(),
            done: None,
        },
        GroupChange::MilestoneSet {
            project: "p0".into(),
            milestone: milestone("k1", "Quatre devis de scieries", day(2027, 2, 16)),
        },
        GroupChange::MilestoneDone {
            project: "p0".into(),
            milestone: "k1".into(),
            done: Some(day(2027, 1, 12)),
        },
        GroupChange::MemberLeft {
            member: mid(8),
            date: day(2027, 1, 12),
            reason: LeaveReason::Moved,
        },
        // Left between two meetings: the day is said.
        GroupChange::MemberLeft {
            member: mid(7),
            date: day(2027, 1, 4),
            reason: LeaveReason::Stopped,
        },
    ]
}

#[test]
fn a_format_2_session_replays_from_its_stored_start_to_its_saved_data() {
    let s = lived();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lived.ron");
    store::save(&path, &s).unwrap();
    let saved = store::load(&path).unwrap();
    assert_eq!(saved, s);
    let start = saved.start.as_ref().expect("format 2 stores its start");
    assert_ne!(start.group, saved.group, "the history changed the group");
    let mut r = Replay::new(&saved);
    assert!(r.rebuilds_saved());
    assert_eq!(r.len(), saved.history.len());
    assert_eq!(r.start().group, start.group, "from the stored start");
    assert_eq!(atelier::replay::start_state(&saved).group, start.group);
    // Step by step, the group is what the history had made of it.
    let mut group = start.group.clone();
    let mut members = start.group.members.clone();
    for e in &saved.history {
        assert!(r.step_forward());
        match &e.change {
            Change::Group(g) => group.apply(g),
            Change::MemberAdded { member } => {
                members.push(member.clone());
                group.members.push(member.clone());
            }
            _ => {}
        }
        assert_eq!(r.state().group, group, "at {}", r.position());
    }
    assert_eq!(r.state().group, saved.group);
    assert!(members.len() > start.group.members.len());
    // And back again.
    r.go_to(0);
    assert_eq!(r.state().group, start.group);
    // The stored start is what replay uses: a start said otherwise is replayed from.
    let mut other = saved.clone();
    other.start.as_mut().unwrap().group.rules.clear();
    let r = Replay::new(&other);
    assert!(r.start().group.rules.is_empty());
    assert!(!r.rebuilds_saved(), "the amendment finds no rule to amend");
}

#[test]
fn each_event_of_the_groups_life_is_told_in_both_languages() {
    let s = lived();
    let r = Replay::new(&s);
    let unknown = [Lang::Fr, Lang::En].map(|l| l.strings().life.unknown);
    let mut told = 0;
    for (i, e) in s.history.iter().enumerate() {
        let fr = r.describe(i, Lang::Fr);
        let en = r.describe(i, Lang::En);
        assert!(!fr.trim().is_empty() && !en.trim().is_empty(), "{e:?}");
        assert_ne!(fr, en, "{e:?}");
        if matches!(
            e.change,
            Change::Group(_) | Change::ActionProjectSet { .. } | Change::IdeaProjectSet { .. }
        ) {
            told += 1;
            for text in [&fr, &en] {
                assert!(!unknown.iter().any(|u| text.contains(u)), "{text}");
            }
        }
    }
    assert_eq!(told, every_change().len() + 3);
    let said: Vec<String> = (0..s.history.len())
        .map(|i| r.describe(i, Lang::Fr))
        .collect();
    let has = |needle: &str| said.iter().any(|d| d.contains(needle));
    // Who, which role, which rule, which project, in the group's own words.
    assert!(has("Naima Berrada"), "{said:#?}");
    assert!(has("ما يقال في المجموعة يبقى في المجموعة"));
    assert!(has("Quatre absences sans excuse sur huit réunions"));
    assert!(has("Achat groupé de bois"));
    assert!(has("07/2027"));
    assert!(has("Rachid Idrissi"));
    assert!(has("Demander trois devis"));
    assert!(has(
        "Objectif modifié : Un catalogue commun, en arabe et en français, par Hicham Tazi"
    ));
    assert!(has("Objectif retiré : Acheter le bois ensemble"));
    assert!(has(
        "Activité retirée du plan : Visite de la scierie (en double)"
    ));
    assert!(has("étape de nouveau à faire : Trois devis de scieries"));
    assert!(has("étape modifiée : Quatre devis de scieries"));
    assert!(has("étape franchie : Quatre devis de scieries"));
    assert!(has(
        "Youssef Lahlou a quitté le groupe le 04/01/2027 (a cessé son activité)"
    ));
    let en: Vec<String> = (0..s.history.len())
        .map(|i| r.describe(i, Lang::En))
        .collect();
    assert!(en.iter().any(|d| d.contains("treasurer")), "{en:#?}");
    assert!(en.iter().any(|d| d.contains("moved away")));
    assert!(en.iter().any(|d| d.contains("postponed")));
}

#[test]
fn every_text_of_the_groups_life_is_pseudonymized_in_the_history_too() {
    let mut s = lived();
    let plain = format!("{:?}", s.history);
    assert!(
        plain.contains("par Hicham Tazi"),
        "a name in an event's text"
    );
    atelier::export::anonymize_with_history(&mut s, Lang::Fr);
    let history = format!("{:?}", s.history);
    assert!(!history.contains("Hicham"), "{history}");
    assert!(history.contains("Un catalogue commun, en arabe et en français, par Membre"));
}

#[test]
fn the_attendance_rule_counts_unexcused_absences_in_the_last_meetings() {
    use Attendance::*;
    let rule = AttendanceRule {
        absences: 3,
        within: 6,
    };
    // Before joining (None) does not count; excused never does.
    let seen = [
        None,
        None,
        Some(Absent),
        Some(Excused),
        Some(Absent),
        Some(Present),
    ];
    let c = rule.count(&seen);
    assert_eq!(c.absences, 2);
    assert!(c.close() && !c.reached());
    let mut more = seen.to_vec();
    more.push(Some(Absent));
    let c = rule.count(&more);
    assert_eq!(c.absences, 3);
    assert!(c.reached() && !c.close());
    // Only the last `within` meetings a member belonged to count: an old absence falls out.
    let long = [
        Some(Absent),
        Some(Absent),
        Some(Present),
        Some(Present),
        Some(Present),
        Some(Present),
        Some(Absent),
        Some(Present),
    ];
    let c = rule.count(&long);
    assert_eq!(c.absences, 1);
    assert!(!c.close() && !c.reached());
    assert_eq!(rule.count(&[]).absences, 0);
    // The rule in words, with its numbers.
    assert_eq!(
        rule.label(Lang::Fr.strings().life),
        "3 absences non excusées sur 6 réunions"
    );
    assert_eq!(
        rule.label(Lang::En.strings().life),
        "3 unexcused absences in 6 meetings"
    );
}

// ---------------------------------------------------------------------------------------------
// A group's year
// ---------------------------------------------------------------------------------------------

/// The group's next session, as the app makes it (`update/setup.rs`): the group as the last
/// session left it, the open actions of all earlier ones, the themes waiting.
fn next_session(earlier: &[Session], date: NaiveDate) -> Session {
    let number = earlier.len() as u32 + 1;
    let group = earlier.last().map_or_else(group, |s| s.group.clone());
    let now = Utc.from_utc_datetime(&date.and_hms_opt(9, 0, 0).unwrap());
    Session::new(NewSession {
        id: Id::from(format!("ses{number:09}").as_str()),
        number,
        date,
        place: "Chambre d'Artisanat, Fès".into(),
        group,
        method: Method::builtin(),
        reviews: model::open_reviews(earlier),
        backlog: model::backlog(earlier),
        now,
    })
}

/// Records changes a minute apart from the session's start.
struct Meeting {
    s: Session,
}

impl Meeting {
    fn rec(&mut self, change: Change) {
        let at = self.s.created + TimeDelta::minutes(self.s.history.len() as i64 + 1);
        self.s.record(at, change);
    }

    fn life(&mut self, change: GroupChange) {
        self.rec(Change::Group(change));
    }

    fn absent(&mut self, member: usize) {
        self.rec(Change::AttendanceSet {
            member: mid(member),
            attendance: Attendance::Absent,
        });
    }

    fn review(&mut self, action: &str, status: ActionStatus) {
        self.rec(Change::ReviewStatusSet {
            action: action.into(),
            status: Some(status),
        });
    }

    fn close(mut self) -> Session {
        self.rec(Change::SessionClosed);
        self.s
    }
}

/// A member's attendance at each session, oldest first; `None` where they were not a member.
fn attendance_over(sessions: &[Session], member: &Id) -> Vec<Option<Attendance>> {
    sessions
        .iter()
        .map(|s| {
            s.checkin
                .attendance
                .contains_key(member)
                .then(|| s.attendance_of(member))
        })
        .collect()
}

fn the_attendance_rule(g: &Group) -> AttendanceRule {
    g.rules
        .iter()
        .filter(|r| r.in_force())
        .find_map(|r| r.current().attendance)
        .expect("an attendance rule in force")
}

#[test]
fn a_groups_year_is_carried_from_session_to_session() {
    let dates = [
        day(2027, 1, 12),
        day(2027, 1, 26),
        day(2027, 2, 9),
        day(2027, 2, 23),
        day(2027, 3, 9),
        day(2027, 3, 23),
    ];
    let mut sessions: Vec<Session> = Vec::new();
    let nadia = Id::from("mem000000010");

    // 1. The group elects a coordinator and a deputy and adopts its rules; Karim is absent.
    let mut m = Meeting {
        s: next_session(&sessions, dates[0]),
    };
    m.absent(5);
    m.life(GroupChange::RoleAssigned {
        term: term("r1", Role::Coordinator, 0, dates[0]),
    });
    m.life(GroupChange::RoleAssigned {
        term: term("r2", Role::Deputy, 1, dates[0]),
    });
    m.life(GroupChange::RuleAdopted {
        rule: rule(
            "u1",
            "Trois absences sans excuse sur six réunions : le groupe en discute avec le membre",
            Some((3, 6)),
        ),
    });
    m.life(GroupChange::RuleAdopted {
        rule: rule("u2", "Ce qui se dit au groupe reste au groupe", None),
    });
    m.rec(Change::ActionAdded {
        action: action("x1", "Demander les prix du bois à trois scieries", 2),
    });
    sessions.push(m.close());

    // 2. Nadia joins; the year's plan is agreed; buying wood together becomes a project,
    // and an action of this session serves it. Karim is absent again.
    let mut m = Meeting {
        s: next_session(&sessions, dates[1]),
    };
    m.rec(Change::MemberAdded {
        member: Member {
            id: nadia.clone(),
            name: "Nadia Filali".into(),
            business: "Atelier Filali".into(),
            joined: Some(dates[1]),
            gender: Some(Gender::Woman),
            business_since: Some(2021),
            ..Member::default()
        },
    });
    m.absent(5);
    m.review("x1", ActionStatus::Done);
    m.life(GroupChange::WorkPlanAgreed {
        plan: WorkPlan {
            year: 2027,
            session: Some(m.s.id.clone()),
            objectives: vec![objective("o1", "Acheter le bois ensemble, moins cher")],
            activities: vec![
                activity("a1", 2, "Visite de la scierie d'Azrou"),
                activity("a2", 4, "Formation au prix de revient"),
                activity("a3", 10, "Stand commun à la foire de l'artisanat"),
            ],
        },
    });
    m.life(GroupChange::ProjectAdded {
        project: Project {
            session: Some(m.s.id.clone()),
            started: dates[1],
            ..project("p1", "Achat groupé de bois")
        },
    });
    m.rec(Change::ActionAdded {
        action: action(
            "x2",
            "Négocier un prix de groupe avec la scierie d'Azrou",
            0,
        ),
    });
    m.rec(Change::ActionProjectSet {
        id: "x2".into(),
        project: Some("p1".into()),
    });
    sessions.push(m.close());

    // 3. The project is prepared, with a milestone; the visit is done. Karim's third
    // absence reaches the rule.
    let mut m = Meeting {
        s: next_session(&sessions, dates[2]),
    };
    m.absent(5);
    m.review("x2", ActionStatus::InProgress);
    m.life(GroupChange::PlannedActivityReviewed {
        id: "a1".into(),
        status: PlanStatus::Done,
        comment: "Visite faite le 4 février, avec quatre membres".into(),
    });
    m.life(GroupChange::MilestoneSet {
        project: "p1".into(),
        milestone: milestone("k1", "Première commande groupée", dates[3]),
    });
    m.life(GroupChange::ProjectStatusSet {
        id: "p1".into(),
        status: ProjectStatus::Prepared,
    });
    sessions.push(m.close());

    let rule = the_attendance_rule(&sessions[2].group);
    let karim = attendance_over(&sessions, &mid(5));
    assert_eq!(karim, [Some(Attendance::Absent); 3]);
    let count = rule.count(&karim);
    assert!(count.reached(), "{count:?}");
    // Nadia, not a member at the first session, is counted from her first.
    let hers = attendance_over(&sessions, &nadia);
    assert_eq!(
        hers,
        [None, Some(Attendance::Present), Some(Attendance::Present)]
    );
    assert_eq!(rule.count(&hers).absences, 0);
    // Nobody else is near it.
    for i in (0..NAMES.len()).filter(|&i| i != 5) {
        assert!(!rule.count(&attendance_over(&sessions, &mid(i))).close());
    }

    // 4. The group applies its rule: Karim leaves. The project runs, its milestone done.
    let mut m = Meeting {
        s: next_session(&sessions, dates[3]),
    };
    assert!(
        m.s.checkin.attendance.contains_key(&mid(5)),
        "still a member"
    );
    m.life(GroupChange::MemberLeft {
        member: mid(5),
        date: dates[3],
        reason: LeaveReason::Excluded,
    });
    m.review("x2", ActionStatus::Done);
    let mut done = milestone("k1", "Première commande groupée", dates[3]);
    done.done = Some(dates[3]);
    m.life(GroupChange::MilestoneSet {
        project: "p1".into(),
        milestone: done.clone(),
    });
    m.life(GroupChange::ProjectStatusSet {
        id: "p1".into(),
        status: ProjectStatus::Running,
    });
    sessions.push(m.close());

    // 5. The rule is amended; the project is done.
    let mut m = Meeting {
        s: next_session(&sessions, dates[4]),
    };
    assert!(
        !m.s.checkin.attendance.contains_key(&mid(5)),
        "a member who left is not expected"
    );
    m.life(GroupChange::RuleAmended {
        id: "u1".into(),
        version: version(
            "Quatre absences sans excuse sur huit réunions",
            dates[4],
            Some((4, 8)),
        ),
    });
    m.life(GroupChange::ProjectStatusSet {
        id: "p1".into(),
        status: ProjectStatus::Done,
    });
    sessions.push(m.close());

    // 6. A new coordinator: the first one's term ends the day before.
    let mut m = Meeting {
        s: next_session(&sessions, dates[5]),
    };
    m.life(GroupChange::RoleAssigned {
        term: term("r3", Role::Coordinator, 2, dates[5]),
    });
    sessions.push(m.close());

    // Each session started from the group the one before left, with its life.
    for k in 1..sessions.len() {
        let start = sessions[k].start.as_ref().expect("a stored start");
        assert_eq!(start.group, sessions[k - 1].group, "session {}", k + 1);
    }
    let last = &sessions[5].group;
    assert_eq!(last.members.len(), NAMES.len() + 1);
    let karim = last.member(&mid(5)).unwrap();
    assert_eq!(
        (karim.left, karim.left_reason.clone()),
        (Some(dates[3]), Some(LeaveReason::Excluded))
    );
    assert_eq!(last.member(&nadia).unwrap().joined, Some(dates[1]));
    assert_eq!(holder(last, &Role::Coordinator, dates[5]), [mid(2)]);
    assert_eq!(holder(last, &Role::Coordinator, dates[4]), [mid(0)]);
    assert_eq!(last.roles[0].to, Some(dates[5].pred_opt().unwrap()));
    assert_eq!(holder(last, &Role::Deputy, dates[5]), [mid(1)]);
    assert_eq!(
        the_attendance_rule(last),
        AttendanceRule {
            absences: 4,
            within: 8
        }
    );
    assert_eq!(last.rules[0].versions.len(), 2);
    assert_eq!(last.rules.len(), 2);
    let plan = &last.plans[0];
    assert_eq!(plan.year, 2027);
    assert_eq!(plan.activities[0].status, PlanStatus::Done);
    assert_eq!(plan.activities[1].status, PlanStatus::Planned);
    let p = &last.projects[0];
    assert_eq!(p.status, ProjectStatus::Done);
    assert_eq!(p.milestones, [done]);
    // The project's status, session by session.
    let statuses: Vec<ProjectStatus> = sessions[1..]
        .iter()
        .map(|s| s.group.projects[0].status)
        .collect();
    assert_eq!(
        statuses,
        [
            ProjectStatus::Idea,
            ProjectStatus::Prepared,
            ProjectStatus::Running,
            ProjectStatus::Done,
            ProjectStatus::Done
        ]
    );
    // The action of session 2 serves the project, in session 2 and in the reviews after.
    assert_eq!(sessions[1].plan.actions[0].project, Some("p1".into()));
    let reviewed = &sessions[2].followup.reviews;
    assert_eq!(reviewed.len(), 1, "x1 was done at session 2");
    assert_eq!(reviewed[0].action.id, Id::from("x2"));
    assert_eq!(reviewed[0].action.project, Some("p1".into()));
    assert!(sessions[4].followup.reviews.is_empty(), "x2 done at 4");

    // Each session, saved and read back, replays to its saved data.
    let dir = tempfile::tempdir().unwrap();
    for s in &sessions {
        let path = dir.path().join(format!("s{}.ron", s.number));
        store::save(&path, s).unwrap();
        let saved = store::load(&path).unwrap();
        assert_eq!(&saved, s);
        let r = Replay::new(&saved);
        assert!(r.rebuilds_saved(), "session {}", s.number);
        assert_eq!(r.start().group, saved.start.as_ref().unwrap().group);
        assert!(store::check_session(&saved, Lang::En.strings()).is_empty());
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(store::check_history(&saved, &text, Lang::En.strings()).is_empty());
    }

    // Between the meetings: a training, two visits, two diagnoses.
    between::the_year_between_meetings(&sessions, &nadia);
}
