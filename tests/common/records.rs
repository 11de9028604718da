//! A visit, an activity and a diagnosis of the bakers' group as atelier writes them: the
//! fixtures of the tests of the folder's dated records (`tests/records*.rs`).

use super::{day, t0};
use atelier::model::dated::{
    Activity, ActivityKind, Answer, Diagnosis, Kind, Occasion, Visit, VisitAction, core_questions,
};
use atelier::model::{Attendance, Id, SCHEMA_VERSION};
use std::collections::BTreeMap;

pub fn visit() -> Visit {
    Visit {
        version: SCHEMA_VERSION,
        kind: Kind::Visit,
        id: Id::from("v7k2m9x4p1qa"),
        group: Id::from("1zwrnqa9avk5"),
        group_name: "Boulangers de Tanger".into(),
        member: Id::from("m1"),
        member_name: "Youssef Benali".into(),
        date: day(2026, 12, 2),
        topics: vec!["pricing".into()],
        seen: "Le four consomme trop de gaz ; « prix de revient » calculé ensemble 🥖".into(),
        agreed: vec![VisitAction {
            id: Id::from("a1"),
            what: "Noter chaque jour la farine utilisée".into(),
            due: Some(day(2026, 12, 16)),
        }],
        reviews: Vec::new(),
        private_notes: "Difficultés familiales, ne pas en parler au groupe. 06 61 22 33 44".into(),
        created: t0(),
        saved: t0(),
        history: Vec::new(),
    }
}

pub fn activity() -> Activity {
    Activity {
        version: SCHEMA_VERSION,
        kind: Kind::Activity,
        id: Id::from("ac3f8h2k9z0w"),
        group: Id::from("1zwrnqa9avk5"),
        group_name: "Boulangers de Tanger".into(),
        activity: ActivityKind::Training,
        title: "Formation hygiène HACCP".into(),
        date: day(2026, 12, 9),
        place: "ONSSA, Tanger".into(),
        participants: BTreeMap::from([
            (Id::from("m1"), Attendance::Present),
            (Id::from("m2"), Attendance::Excused),
        ]),
        cost_mad: Some(1500),
        notes: "Attestation remise à chacun".into(),
        project: None,
        created: t0(),
        saved: t0(),
        history: Vec::new(),
    }
}

pub fn diagnosis() -> Diagnosis {
    Diagnosis {
        version: SCHEMA_VERSION,
        kind: Kind::Diagnosis,
        id: Id::from("dg5n1b7c3v8e"),
        group: Id::from("1zwrnqa9avk5"),
        group_name: "Boulangers de Tanger".into(),
        member: Id::from("m3"),
        member_name: "خديجة آيت واحمان".into(),
        date: day(2026, 10, 27),
        occasion: Occasion::Baseline,
        questions: core_questions(),
        answers: BTreeMap::from([
            ("sales_band".into(), Answer::Choice("60k_200k".into())),
            ("jobs_paid".into(), Answer::Count(2)),
            ("cnss".into(), Answer::YesNo(false)),
            (
                "difficulties".into(),
                Answer::Texts(vec!["la farine".into(), "le gaz".into()]),
            ),
        ]),
        created: t0(),
        saved: t0(),
        history: Vec::new(),
    }
}
