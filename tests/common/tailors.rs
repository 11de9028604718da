//! The tailors' group as its page tests need it: the demo's three sessions, the last one
//! with the group's decisions about itself, and a visit, a training and a diagnosis beside
//! them in the folder (`tests/group_page.rs`, `tests/record_edit.rs`).

use super::screen::{draw, text};
use super::{Folder, Harness, SEED, day, folder_of, t0};
use atelier::model::dated::{
    Activity, ActivityKind, Answer, Diagnosis, Kind, Occasion, Record, Visit, VisitAction,
    core_questions,
};
use atelier::model::{Attendance, Change, Id, SCHEMA_VERSION, Session};
use atelier::sample;
use atelier::store::{self, Store};
use atelier::ui::{GroupUi, Screen};
use chrono::TimeDelta;
use std::collections::BTreeMap;

/// The tailors' three sessions, the last one having recorded the group's decisions about
/// itself, and a visit, a training and a diagnosis in the folder beside them.
pub fn folder() -> Folder {
    let mut sessions = sample::series(t0(), SEED);
    let last = sessions.last_mut().unwrap();
    decide(last);
    let group = last.group.clone();
    folder_of(sessions, |dir| {
        let st = Store::new(dir);
        for r in records(&group) {
            store::save_record(&st.path_for_record(&r), &r).unwrap();
        }
    })
}

pub fn member(s: &Session, i: usize) -> Id {
    s.group.members[i].id.clone()
}

/// The demo tailors already elected, adopted and planned (see `sample::life`); at their
/// third session, one more member is absent without excuse, which brings her close to the
/// group's attendance rule.
pub fn decide(s: &mut Session) {
    let at = s.created + TimeDelta::minutes(100);
    let absent = member(s, 6);
    s.record(
        at,
        Change::AttendanceSet {
            member: absent,
            attendance: Attendance::Absent,
        },
    );
}

pub fn records(g: &atelier::model::Group) -> Vec<Record> {
    let m = |i: usize| g.members[i].clone();
    let visit = Visit {
        version: SCHEMA_VERSION,
        kind: Kind::Visit,
        id: Id::from("vis000000001"),
        group: g.id.clone(),
        group_name: g.name.clone(),
        member: m(3).id,
        member_name: m(3).name,
        date: day(2026, 12, 1),
        topics: vec!["finance".into()],
        seen: "Une machine en panne depuis trois semaines ; les retouches font vivre l'atelier."
            .into(),
        agreed: vec![VisitAction {
            id: Id::from("va0000000001"),
            what: "Demander un devis de réparation à deux mécaniciens".into(),
            due: Some(day(2026, 12, 10)),
        }],
        reviews: Vec::new(),
        private_notes: "Parle d'arrêter si la machine n'est pas réparée.".into(),
        created: t0(),
        saved: t0(),
        history: Vec::new(),
    };
    let training = Activity {
        version: SCHEMA_VERSION,
        kind: Kind::Activity,
        id: Id::from("act000000001"),
        group: g.id.clone(),
        group_name: g.name.clone(),
        activity: ActivityKind::Training,
        title: "WhatsApp Business : catalogue et messages".into(),
        date: day(2026, 11, 20),
        place: "Siège de l'association, Oujda".into(),
        participants: g
            .members
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let a = if i % 4 == 3 {
                    Attendance::Absent
                } else {
                    Attendance::Present
                };
                (m.id.clone(), a)
            })
            .collect(),
        cost_mad: Some(800),
        notes: "Chaque participante repart avec son catalogue".into(),
        project: Some(Id::from("proj00000001")),
        created: t0(),
        saved: t0(),
        history: Vec::new(),
    };
    let diagnosis = Diagnosis {
        version: SCHEMA_VERSION,
        kind: Kind::Diagnosis,
        id: Id::from("dia000000001"),
        group: g.id.clone(),
        group_name: g.name.clone(),
        member: m(0).id,
        member_name: m(0).name,
        date: day(2026, 9, 15),
        occasion: Occasion::Baseline,
        questions: core_questions(),
        answers: BTreeMap::from([
            ("sales_band".into(), Answer::Choice("60k_200k".into())),
            ("jobs_paid".into(), Answer::Count(1)),
            ("cnss".into(), Answer::YesNo(false)),
            (
                "difficulties".into(),
                Answer::Texts(vec!["les tissus chers".into(), "vendre en ligne".into()]),
            ),
        ]),
        created: t0(),
        saved: t0(),
        history: Vec::new(),
    };
    vec![
        Record::Visit(Box::new(visit)),
        Record::Activity(Box::new(training)),
        Record::Diagnosis(Box::new(diagnosis)),
    ]
}

pub fn tailors() -> Id {
    sample::series(t0(), SEED)[0].group.id.clone()
}

pub fn page(h: &Harness) -> &GroupUi {
    match &h.model.screen {
        Screen::Group(ui) => ui,
        _ => panic!("not the group page"),
    }
}

pub fn screen(h: &Harness, width: u16, height: u16) -> String {
    text(&draw(&h.model, width, height))
}

pub fn open(h: &mut Harness) {
    let i = h
        .model
        .home
        .groups
        .iter()
        .position(|g| g.id == tailors())
        .unwrap();
    h.model.home.group_sel = i;
    h.keys("p");
}

pub fn form_values(h: &Harness) -> Vec<(String, String)> {
    let s = h.model.strings();
    page(h)
        .form
        .as_ref()
        .expect("a form is open")
        .form
        .fields
        .iter()
        .map(|f| (f.label(s).to_string(), f.value()))
        .collect()
}
