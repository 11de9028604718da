//! The year's life between its meetings (issue 13, points 6–8): a training for the joint
//! project, two coaching visits to the member who joined (the second reviewing what the first
//! agreed), her diagnosis at joining and a year on. Each a file of its own in the folder,
//! read back through the listing and shown in the group's life with the sessions.

use atelier::life::{GroupLife, Linked};
use atelier::model::dated::{
    Activity, ActivityKind, Answer, Diagnosis, Kind, Occasion, Record, RecordChange, RecordEvent,
    Visit, VisitAction, core_questions,
};
use atelier::model::{ActionStatus, Attendance, Id, SCHEMA_VERSION, Session, Timestamp};
use atelier::store::{self, Store};
use chrono::{NaiveDate, TimeZone, Utc};
use std::collections::BTreeMap;

fn stamp(date: NaiveDate) -> Timestamp {
    Utc.from_utc_datetime(&date.and_hms_opt(17, 0, 0).unwrap())
}

fn created(date: NaiveDate) -> Vec<RecordEvent> {
    vec![RecordEvent {
        at: stamp(date),
        change: RecordChange::Created,
    }]
}

fn visit(s: &Session, id: &str, member: &Id, date: NaiveDate, agreed: &[(&str, &str)]) -> Visit {
    Visit {
        version: SCHEMA_VERSION,
        kind: Kind::Visit,
        id: Id::from(id),
        group: s.group.id.clone(),
        group_name: s.group.name.clone(),
        member: member.clone(),
        member_name: s.group.member_name(member),
        date,
        topics: vec!["costs".into()],
        seen: "Le prix de la table ne couvre pas le bois".into(),
        agreed: agreed
            .iter()
            .map(|(id, what)| VisitAction {
                id: Id::from(*id),
                what: (*what).into(),
                due: None,
            })
            .collect(),
        reviews: Vec::new(),
        private_notes: "Hésite à rester dans le groupe".into(),
        created: stamp(date),
        saved: stamp(date),
        history: created(date),
    }
}

fn diagnosis(s: &Session, id: &str, member: &Id, date: NaiveDate, occasion: Occasion) -> Diagnosis {
    let formal = match occasion {
        Occasion::Baseline => "informal",
        Occasion::FollowUp => "auto_entrepreneur",
    };
    Diagnosis {
        version: SCHEMA_VERSION,
        kind: Kind::Diagnosis,
        id: Id::from(id),
        group: s.group.id.clone(),
        group_name: s.group.name.clone(),
        member: member.clone(),
        member_name: s.group.member_name(member),
        date,
        occasion,
        questions: core_questions(),
        answers: BTreeMap::from([("formal_status".into(), Answer::Choice(formal.into()))]),
        created: stamp(date),
        saved: stamp(date),
        history: created(date),
    }
}

/// `sessions`: the year's six meetings; `newcomer`: the member who joined at the second.
pub fn the_year_between_meetings(sessions: &[Session], newcomer: &Id) {
    let first = &sessions[0];
    let last = sessions.last().unwrap();
    let date = |k: usize| sessions[k].date;
    // A training between the second and third meetings, for the joint project.
    let training = Activity {
        version: SCHEMA_VERSION,
        kind: Kind::Activity,
        id: Id::from("act1"),
        group: first.group.id.clone(),
        group_name: first.group.name.clone(),
        activity: ActivityKind::Training,
        title: "Choisir et acheter le bois ensemble".into(),
        date: date(1).succ_opt().unwrap(),
        place: "Chambre d'artisanat".into(),
        participants: sessions[1]
            .group
            .members
            .iter()
            .map(|m| (m.id.clone(), Attendance::Present))
            .collect(),
        cost_mad: Some(600),
        notes: String::new(),
        project: Some(Id::from("p1")),
        created: stamp(date(1)),
        saved: stamp(date(1)),
        history: created(date(1)),
    };
    let v1 = visit(
        &sessions[1],
        "vis1",
        newcomer,
        date(1).succ_opt().unwrap(),
        &[("va1", "Calculer le prix de revient d'une table")],
    );
    let mut v2 = visit(
        &sessions[4],
        "vis2",
        newcomer,
        date(4).succ_opt().unwrap(),
        &[("va2", "Afficher les nouveaux prix")],
    );
    // The second visit reviews what the first agreed: done.
    v2.reviews = v1
        .open_actions()
        .into_iter()
        .map(|mut r| {
            r.status = Some(ActionStatus::Done);
            r
        })
        .collect();
    let baseline = diagnosis(&sessions[1], "dia1", newcomer, date(1), Occasion::Baseline);
    let follow_up = diagnosis(last, "dia2", newcomer, date(5), Occasion::FollowUp);

    // Each is a file of its own, named by its kind, read back through the listing.
    let dir = tempfile::tempdir().unwrap();
    let st = Store::new(dir.path());
    for s in sessions {
        store::save(&st.path_for_new(s), s).unwrap();
    }
    let records = vec![
        Record::Activity(Box::new(training)),
        Record::Visit(Box::new(v1)),
        Record::Visit(Box::new(v2.clone())),
        Record::Diagnosis(Box::new(baseline)),
        Record::Diagnosis(Box::new(follow_up)),
    ];
    for r in &records {
        store::save_record(&st.path_for_record(r), r).unwrap();
    }
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    for (kind, n) in [
        ("_s0", 6),
        ("_activity_", 1),
        ("_visit_", 2),
        ("_diagnosis_", 2),
    ] {
        assert_eq!(
            names.iter().filter(|f| f.contains(kind)).count(),
            n,
            "{kind}: {names:?}"
        );
    }
    let listing = st.list();
    let read = st.group_records(&listing, &first.group.id);
    assert_eq!(read.len(), records.len());
    let life = GroupLife::of(&st.group_sessions(&listing, &first.group.id), read);

    // The newcomer: two visits, her latest diagnosis the follow-up, which says she became
    // an auto-entrepreneur.
    let row = life
        .members
        .iter()
        .find(|m| &life.attendance.members[m.row].member.id == newcomer)
        .unwrap();
    assert_eq!(row.visits, 2);
    assert_eq!(row.last_visit, Some(date(4).succ_opt().unwrap()));
    assert_eq!(
        row.diagnosis.as_ref().map(|(d, o, _)| (*d, *o)),
        Some((date(5), Occasion::FollowUp))
    );
    // The training is on the project's page, in time order with the rest.
    let project = &life.projects[0];
    let linked: Vec<&Linked> = project.linked.iter().map(|(_, l)| l).collect();
    assert!(
        linked.contains(&&Linked::Activity {
            title: "Choisir et acheter le bois ensemble".into()
        }),
        "{linked:?}"
    );
    let dates: Vec<NaiveDate> = project.linked.iter().filter_map(|(d, _)| *d).collect();
    assert!(dates.is_sorted(), "{dates:?}");
    // What the first visit agreed was done: the next visit reviews only the new action.
    let next: Vec<Id> = v2.open_actions().into_iter().map(|r| r.action.id).collect();
    assert_eq!(next, [Id::from("va2")]);
}
