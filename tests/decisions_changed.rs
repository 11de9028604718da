//! What the group takes back or changes in its decisions (issue 13, second round), by
//! message scripts through the real runner as `decisions.rs` does: an objective reworded or
//! removed, a planned activity taken off the plan (earlier sessions keep it), a milestone
//! reached, to do again and changed, a role's term ended without anyone elected, a project's
//! members, budget and co-financing, a member leaving on a day before the session's.

mod common;

use atelier::i18n::Lang;
use atelier::model::life::{Funding, GroupChange, LeaveReason, ProjectStatus};
use atelier::model::{Change, Id, Session};
use atelier::sample;
use atelier::store;
use atelier::ui::{
    Confirm, DecisionRow, DecisionSection, FieldError, FieldId, LifeKind, Overlay, Screen,
};
use chrono::TimeDelta;
use common::screen::{draw, text};
use common::{Harness, SEED, day, t0};
use ratatui::crossterm::event::KeyCode;

// ---------------------------------------------------------------------------------------
// Helpers

fn screen(h: &Harness, width: u16, height: u16) -> String {
    text(&draw(&h.model, width, height))
}

fn confirm(h: &Harness) -> Option<Confirm> {
    match h.overlay() {
        Some(Overlay::Confirm(c)) => Some(c.clone()),
        _ => None,
    }
}

fn last_change(s: &Session) -> Option<GroupChange> {
    s.history.iter().rev().find_map(|e| match &e.change {
        Change::Group(c) => Some(c.clone()),
        _ => None,
    })
}

fn group_changes(s: &Session) -> usize {
    (s.history.iter())
        .filter(|e| matches!(e.change, Change::Group(_)))
        .count()
}

/// Session 1 of the bakers, just opened in check-in: twelve members, all present.
fn bakers_first() -> Harness {
    Harness::with_session(sample::bakers_first_session(t0(), SEED), false)
}

fn member(h: &Harness, i: usize) -> Id {
    h.session().group.members[i].id.clone()
}

fn form_kind(h: &Harness) -> Option<LifeKind> {
    h.ui().life_form.as_ref().map(|f| f.kind.clone())
}

fn selected(h: &Harness) -> Option<DecisionRow> {
    let d = h.ui().decisions.as_ref().expect("the decisions open");
    d.selected_row(h.session())
}

/// The decisions open on a section.
fn decisions_on(h: &mut Harness, to: DecisionSection) {
    h.keys("D");
    while h.ui().decisions.as_ref().unwrap().section != to {
        h.tab();
    }
}

/// The bakers' first session with a project "Achat groupé de farine" and one milestone.
fn with_a_milestone() -> Harness {
    let mut h = bakers_first();
    decisions_on(&mut h, DecisionSection::Projects);
    h.keys("a");
    h.keys("Achat groupé de farine");
    h.ctrl('s');
    h.keys("m");
    h.keys("Trois devis de minoteries");
    h.tab();
    h.keys("15/01/2027");
    h.ctrl('s');
    h
}

// ---------------------------------------------------------------------------------------
// 1. Objectives

#[test]
fn an_objective_is_reworded_then_removed_after_a_confirmation() {
    let mut h = bakers_first();
    decisions_on(&mut h, DecisionSection::Plan);
    h.keys("o");
    h.tab();
    h.keys("Vendre aux hôtels");
    h.ctrl('s');
    let id = h.session().group.plans[0].objectives[0].id.clone();
    assert_eq!(selected(&h), Some(DecisionRow::Objective(2026, id.clone())));
    // e: its wording, in a form of its own (its year stays).
    h.keys("e");
    assert_eq!(form_kind(&h), Some(LifeKind::Objective(Some(id.clone()))));
    let lf = h.ui().life_form.as_ref().unwrap();
    assert_eq!(lf.form.value(FieldId::Objective), "Vendre aux hôtels");
    assert!(lf.form.get(FieldId::PlanYear).is_none());
    h.ctrl('u');
    h.keys("Vendre aux hôtels : 5 clients réguliers");
    h.ctrl('s');
    assert_eq!(
        last_change(h.session()),
        Some(GroupChange::PlanObjectiveEdited {
            id: id.clone(),
            text: "Vendre aux hôtels : 5 clients réguliers".into(),
        })
    );
    let plan = &h.session().group.plans[0];
    assert_eq!(
        (plan.year, plan.objectives.len()),
        (2026, 1),
        "reworded, not added"
    );
    assert!(screen(&h, 120, 30).contains("Vendre aux hôtels : 5 clients réguliers"));
    // d: asked first; no leaves it.
    h.keys("d");
    assert_eq!(confirm(&h), Some(Confirm::RemoveObjective(id.clone())));
    let question = screen(&h, 100, 30);
    assert!(
        question.contains("Retirer l'objectif « Vendre aux hôtels : 5 clients"),
        "{question}"
    );
    h.keys("n");
    assert_eq!(h.session().group.plans[0].objectives.len(), 1);
    h.code(KeyCode::Delete);
    h.keys("y");
    assert_eq!(
        last_change(h.session()),
        Some(GroupChange::PlanObjectiveRemoved { id })
    );
    assert!(h.session().group.plans[0].objectives.is_empty());
}

// ---------------------------------------------------------------------------------------
// 2. Planned activities

#[test]
fn a_planned_activity_is_taken_off_the_plan_and_the_session_that_agreed_it_keeps_it() {
    // Session 1 plans a visit; session 2 takes it off the plan.
    let mut h = Harness::new();
    h.model.advisor = "Samira Benjelloun".into();
    h.keys("n");
    h.keys("Boulangers de Tanger");
    h.tab();
    h.keys("Boulangerie");
    h.ctrl('n');
    h.keys("Fatima Zahra El Idrissi");
    h.ctrl('s');
    h.ctrl('s');
    decisions_on(&mut h, DecisionSection::Plan);
    h.keys("a");
    h.tab(); // this year
    h.ctrl('u');
    h.keys("12");
    h.tab();
    h.keys("Visite du salon de Casablanca");
    h.ctrl('s');
    let first = h.session().id.clone();
    let activity = h.session().group.plans[0].activities[0].id.clone();
    h.esc();
    h.esc(); // home
    h.now += TimeDelta::days(14);
    h.keys("s");
    h.ctrl('s');
    assert_eq!(h.session().number, 2);
    decisions_on(&mut h, DecisionSection::Plan);
    assert_eq!(
        selected(&h),
        Some(DecisionRow::Activity(2026, activity.clone()))
    );
    h.keys("d");
    assert_eq!(confirm(&h), Some(Confirm::RemovePlanned(activity.clone())));
    let question = screen(&h, 100, 30);
    assert!(
        question.contains("Retirer « Visite du salon de Casablanca » du plan ?")
            && question.contains("annulée"),
        "the question says that a cancelled activity is kept otherwise: {question}"
    );
    h.keys("y");
    assert_eq!(
        last_change(h.session()),
        Some(GroupChange::PlannedActivityRemoved {
            id: activity.clone()
        })
    );
    assert!(h.session().group.plans[0].activities.is_empty());
    // Session 2 is saved; session 1's file still plans the visit, as it was agreed there.
    h.wait(2);
    let sessions: Vec<Session> = std::fs::read_dir(h.dir.path())
        .unwrap()
        .filter_map(|e| store::load(&e.ok()?.path()).ok())
        .collect();
    let earlier = sessions.iter().find(|s| s.id == first).expect("session 1");
    let kept: Vec<&str> = (earlier.group.plans.iter())
        .flat_map(|p| &p.activities)
        .map(|a| a.what.as_str())
        .collect();
    assert_eq!(kept, ["Visite du salon de Casablanca"]);
    let later = sessions.iter().find(|s| s.number == 2).expect("session 2");
    assert!(later.group.plans.iter().all(|p| p.activities.is_empty()));
}

// ---------------------------------------------------------------------------------------
// 3. Milestones

#[test]
fn a_milestone_is_a_row_under_its_project_reached_to_do_again_and_changed() {
    let mut h = with_a_milestone();
    let date = h.session().date;
    let p = h.session().group.projects[0].clone();
    let m = p.milestones[0].id.clone();
    assert_eq!(
        selected(&h),
        Some(DecisionRow::Milestone(p.id.clone(), m.clone())),
        "the milestone just added is selected, under its project"
    );
    // Space: reached today; again: to do again.
    h.keys(" ");
    assert_eq!(
        last_change(h.session()),
        Some(GroupChange::MilestoneDone {
            project: p.id.clone(),
            milestone: m.clone(),
            done: Some(date),
        })
    );
    assert!(screen(&h, 120, 30).contains("✓ Trois devis de minoteries · franchie le 24/11/2026"));
    h.keys(" ");
    assert_eq!(h.session().group.projects[0].milestones[0].done, None);
    // e: its text and date, in its form.
    h.keys("e");
    assert_eq!(form_kind(&h), Some(LifeKind::EditMilestone(m.clone())));
    let lf = h.ui().life_form.as_ref().unwrap();
    assert_eq!(
        (
            lf.form.value(FieldId::MilestoneText),
            lf.form.value(FieldId::MilestoneDue)
        ),
        ("Trois devis de minoteries".into(), "15/01/2027".into())
    );
    h.ctrl('u');
    h.keys("Cinq devis de minoteries");
    h.tab();
    h.ctrl('u');
    h.keys("31/01/2027");
    h.ctrl('s');
    let milestones = &h.session().group.projects[0].milestones;
    assert_eq!(milestones.len(), 1, "changed, not added");
    assert_eq!(
        (
            &milestones[0].id,
            milestones[0].text.as_str(),
            milestones[0].due
        ),
        (&m, "Cinq devis de minoteries", Some(day(2027, 1, 31)))
    );
    // From a milestone's row, m adds another to its project and s sets the project's status.
    h.keys("m");
    assert_eq!(form_kind(&h), Some(LifeKind::Milestone(p.id.clone())));
    h.keys("Commande passée");
    h.ctrl('s');
    assert_eq!(h.session().group.projects[0].milestones.len(), 2);
    h.keys("s2");
    assert_eq!(h.session().group.projects[0].status, ProjectStatus::Running);
    // Drawn: each milestone under its project.
    h.keys("g");
    for lang in [Lang::Fr, Lang::En] {
        h.model.lang = lang;
        let tag = format!("{lang:?}").to_lowercase();
        insta::assert_snapshot!(format!("milestones_80x24_{tag}"), screen(&h, 80, 24));
    }
}

// ---------------------------------------------------------------------------------------
// 4. Roles

#[test]
fn a_term_ends_without_anyone_elected_after_a_confirmation() {
    let mut h = bakers_first();
    let date = h.session().date;
    h.keys("D");
    // A vacant role: nothing to end, said.
    h.keys("d");
    assert!(confirm(&h).is_none());
    assert_eq!(
        h.flash(),
        Some("Personne ne tient ce rôle : il n'y a pas de mandat à terminer.")
    );
    h.enter();
    h.code(KeyCode::Right); // the second member
    h.ctrl('s');
    let term = h.session().group.roles[0].clone();
    assert_eq!(term.member, member(&h, 1));
    h.keys("d");
    assert_eq!(confirm(&h), Some(Confirm::EndTerm(term.id.clone())));
    let question = screen(&h, 100, 30);
    assert!(
        question.contains("Mettre fin au mandat de Youssef Benali (coordinateur) sans"),
        "{question}"
    );
    h.keys("n");
    assert_eq!(h.session().group.roles[0].to, None);
    h.code(KeyCode::Delete);
    h.keys("y");
    assert_eq!(
        last_change(h.session()),
        Some(GroupChange::RoleEnded {
            id: term.id.clone(),
            date,
        })
    );
    assert_eq!(h.session().group.roles[0].to, Some(date));
    let row = screen(&h, 120, 30)
        .lines()
        .find(|l| l.contains("coordinateur·rice"))
        .unwrap_or_default()
        .to_string();
    assert!(row.contains("à élire"), "the role is to elect: {row}");
    // Ended: d says so; someone may be elected at once.
    h.keys("d");
    assert!(confirm(&h).is_none());
    h.enter();
    h.code(KeyCode::Right);
    h.code(KeyCode::Right);
    h.ctrl('s');
    let roles = &h.session().group.roles;
    assert_eq!(roles.len(), 2);
    assert_eq!((&roles[1].member, roles[1].to), (&member(&h, 2), None));
    assert_eq!(roles[0].to, Some(date), "the ended term stays as it ended");
}

// ---------------------------------------------------------------------------------------
// 5. A project's members, budget and co-financing

#[test]
fn a_projects_form_takes_its_members_budget_and_co_financing() {
    let mut h = bakers_first();
    decisions_on(&mut h, DecisionSection::Projects);
    h.keys("a");
    h.keys("Achat groupé de farine");
    h.tab();
    h.keys("Payer la farine 10 % moins cher");
    h.tab();
    // The members taking part: the first and the third.
    h.keys(" ");
    h.code(KeyCode::Down);
    h.code(KeyCode::Down);
    h.keys(" ");
    h.tab();
    h.keys("60 000");
    h.tab();
    h.keys("Chambre d'Artisanat : 20 000 ; Membres 40 000");
    h.ctrl('s');
    // The line that does not read is quoted; nothing typed is lost.
    assert!(h.session().group.projects.is_empty());
    let lf = h.ui().life_form.as_ref().expect("refused: the form stays");
    assert_eq!(
        lf.form.get(FieldId::ProjectFunding).unwrap().error,
        Some(FieldError::BadFunding)
    );
    assert_eq!(
        h.flash(),
        Some(
            "Cofinancement : « Membres 40 000 » ne se lit pas. Écrivez qui paie, deux-points, \
             puis le montant, par exemple « Chambre : 6 000 »."
        )
    );
    assert_eq!(lf.form.value(FieldId::ProjectBudget), "60 000");
    insta::assert_snapshot!("project_form_80x24_fr", screen(&h, 80, 24));
    // In English, its sentence in English.
    h.model.lang = Lang::En;
    h.ctrl('s');
    assert!(
        h.flash()
            .unwrap()
            .starts_with("Co-financing: “Membres 40 000” does not read.")
    );
    insta::assert_snapshot!("project_form_80x24_en", screen(&h, 80, 24));
    h.model.lang = Lang::Fr;
    h.ctrl('u');
    h.keys("Chambre d'Artisanat : 20 000 ; Membres : 40 000");
    h.ctrl('s');
    let p = h.session().group.projects[0].clone();
    assert_eq!(p.members, [member(&h, 0), member(&h, 2)]);
    assert_eq!(p.budget_mad, Some(60_000));
    assert_eq!(
        p.funding,
        [
            Funding {
                payer: "Chambre d'Artisanat".into(),
                amount_mad: 20_000
            },
            Funding {
                payer: "Membres".into(),
                amount_mad: 40_000
            }
        ]
    );
    let detail = screen(&h, 160, 45);
    assert!(
        detail.contains("Fatima Zahra El Idrissi, ")
            && detail.contains("budget 60000 DH (financé : 60000 DH)")
            && detail.contains("Chambre d'Artisanat : 20000 DH ; Membres : 40000 DH"),
        "{detail}"
    );
    // e: the same fields, filled; the first member taken off, a budget that is no amount.
    h.keys("e");
    let lf = h.ui().life_form.as_ref().unwrap();
    assert_eq!(
        lf.marked(FieldId::ProjectMembers),
        [member(&h, 0).0, member(&h, 2).0]
    );
    assert_eq!(
        lf.form.value(FieldId::ProjectFunding),
        "Chambre d'Artisanat : 20000 ; Membres : 40000"
    );
    h.tab();
    h.tab();
    h.keys(" ");
    h.tab();
    h.ctrl('u');
    h.keys("soixante mille");
    h.ctrl('s');
    assert_eq!(
        h.flash(),
        Some("Budget : « soixante mille » n'est pas un montant en dirhams (par exemple 60 000).")
    );
    // Half typed, the form comes back after a crash, its marks too.
    h.wait(2);
    let again = Harness::with_session(h.saved.clone().unwrap(), false);
    let lf = again.ui().life_form.clone().expect("the form is back");
    assert_eq!(lf.kind, LifeKind::Project(Some(p.id.clone())));
    assert_eq!(lf.marked(FieldId::ProjectMembers), [member(&h, 2).0]);
    assert_eq!(lf.form.value(FieldId::ProjectBudget), "soixante mille");
    h.ctrl('u');
    h.keys("75000");
    h.ctrl('s');
    let edited = &h.session().group.projects[0];
    assert_eq!(edited.members, [member(&h, 2)]);
    assert_eq!(edited.budget_mad, Some(75_000));
    assert!(matches!(
        last_change(h.session()),
        Some(GroupChange::ProjectEdited { .. })
    ));
}

// ---------------------------------------------------------------------------------------
// 6. Leaving on another day

#[test]
fn a_member_leaves_on_a_day_before_the_session_never_after_nor_before_joining() {
    let mut s = sample::bakers_first_session(t0(), SEED);
    s.group.members[1].joined = Some(day(2026, 9, 1));
    let mut h = Harness::with_session(s, false);
    let date = h.session().date;
    h.keys("j");
    let leaving = member(&h, 1);
    h.keys("x");
    let lf = h.ui().life_form.as_ref().unwrap();
    assert_eq!(
        lf.form.value(FieldId::LeaveDate),
        "24/11/2026",
        "the session's day, to change"
    );
    h.code(KeyCode::Right); // stopped trading
    h.tab();
    h.tab();
    for lang in [Lang::Fr, Lang::En] {
        h.model.lang = lang;
        let tag = format!("{lang:?}").to_lowercase();
        insta::assert_snapshot!(format!("leave_form_80x24_{tag}"), screen(&h, 80, 24));
    }
    h.model.lang = Lang::Fr;
    let field_error = |h: &Harness| {
        let lf = h.ui().life_form.as_ref().unwrap();
        lf.form.get(FieldId::LeaveDate).unwrap().error
    };
    for (typed, error) in [
        ("01/12/2026", FieldError::LeaveAfterSession),
        ("15/08/2026", FieldError::LeaveBeforeJoining),
        ("31/02/2026", FieldError::BadDate),
    ] {
        h.ctrl('u');
        h.keys(typed);
        h.ctrl('s');
        assert!(confirm(&h).is_none(), "{typed}");
        assert_eq!(field_error(&h), Some(error), "{typed}");
    }
    h.ctrl('u');
    h.keys("10/11/2026");
    h.ctrl('s');
    assert_eq!(confirm(&h), Some(Confirm::MemberLeaves(leaving.clone())));
    let question = screen(&h, 100, 30);
    assert!(
        question.contains("Youssef Benali a quitté le groupe le 10/11/2026 (a cessé son"),
        "{question}"
    );
    h.keys("y");
    assert_eq!(
        last_change(h.session()),
        Some(GroupChange::MemberLeft {
            member: leaving.clone(),
            date: day(2026, 11, 10),
            reason: LeaveReason::Stopped,
        })
    );
    let m = h.session().group.member(&leaving).unwrap();
    assert_eq!(m.left, Some(day(2026, 11, 10)));
    assert_ne!(m.left, Some(date));
    // No member at this meeting: off its attendance, which says so.
    assert_eq!(
        h.flash(),
        Some("Youssef Benali a quitté le groupe le 10/11/2026 (a cessé son activité)")
    );
    assert!(!h.session().checkin.attendance.contains_key(&leaving));
    let s = screen(&h, 200, 30);
    assert!(
        s.contains("Présences (11 sur 11)") && !s.contains("Youssef Benali —"),
        "{s}"
    );
    assert_eq!(group_changes(h.session()), 1);
    assert!(matches!(h.model.screen, Screen::Session(_)));
    // `show` and the minutes say it among the session's decisions, with its day.
    let lines = atelier::show::show(h.session(), Lang::Fr, false);
    let shown = atelier::show::to_text(&lines, Lang::Fr);
    assert!(
        shown.contains("Youssef Benali a quitté le groupe le 10/11/2026 (a cessé son activité)"),
        "{shown}"
    );
}
