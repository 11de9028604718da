//! The review browser lists the group's activities and the advisor's visits among the
//! sessions (issue 13, point 12): by date, filtered by what is typed and by kind (F2), Enter
//! opening the record in its group's page. Built from the listing: no record file is read
//! again for the rows. A visit's row never shows what was seen nor the private notes.

mod common;

use atelier::keymap::{Action, Ctx, bindings_for};
use atelier::model::dated::Record;
use atelier::model::{Id, Session};
use atelier::sample;
use atelier::store::{self, Store};
use atelier::ui::{GroupSection, RowKind, Screen, Shown};
use common::records::{activity, diagnosis, visit};
use common::{Folder, Harness, SEED, folder_of, t0};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;

/// The tailors' three sessions, the bakers' one, and of the bakers: a visit (2 December), a
/// training (9 December) and a diagnosis (not listed in the browser).
fn folder() -> Folder {
    let mut sessions = sample::series(t0(), SEED);
    let bakers = sample::bakers_session(t0(), SEED + 1);
    sessions.push(bakers.clone());
    folder_of(sessions, |dir| {
        for r in records_of(&bakers) {
            let path = Store::new(dir).path_for_record(&r);
            store::save_record(&path, &r).unwrap();
        }
    })
}

fn records_of(s: &Session) -> [Record; 3] {
    let m = &s.group.members;
    let mut v = visit();
    v.group = s.group.id.clone();
    (v.member, v.member_name) = (m[0].id.clone(), m[0].name.clone());
    // A need category of the method, shown by its label; a word of the advisor's own.
    v.topics = vec!["costs".into(), "pricing".into()];
    let mut a = activity();
    a.group = s.group.id.clone();
    a.participants = [
        (m[0].id.clone(), atelier::model::Attendance::Present),
        (m[1].id.clone(), atelier::model::Attendance::Present),
        (m[2].id.clone(), atelier::model::Attendance::Excused),
    ]
    .into();
    let mut d = diagnosis();
    d.group = s.group.id.clone();
    (d.member, d.member_name) = (m[2].id.clone(), m[2].name.clone());
    [
        Record::Visit(Box::new(v)),
        Record::Activity(Box::new(a)),
        Record::Diagnosis(Box::new(d)),
    ]
}

/// The kind and date of each row shown, top to bottom.
fn shown(h: &Harness) -> Vec<(RowKind, chrono::NaiveDate)> {
    let Screen::Review(b) = &h.model.screen else {
        panic!("not the review browser");
    };
    b.visible(&h.model.home.rows)
        .into_iter()
        .map(|i| (h.model.home.rows[i].kind, h.model.home.rows[i].date))
        .collect()
}

fn kinds(h: &Harness) -> Vec<RowKind> {
    shown(h).into_iter().map(|(k, _)| k).collect()
}

fn draw(h: &Harness) -> String {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|f| f.render_widget(&h.model, f.area()))
        .unwrap();
    let buf = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

#[test]
fn visits_and_activities_are_listed_among_the_sessions_by_date() {
    let Folder { mut h, .. } = folder();
    h.keys("r");
    // Newest first: the training (9 December), the visit (2 December), then the sessions.
    let rows = shown(&h);
    assert_eq!(rows.len(), 6, "{rows:?}");
    assert_eq!(
        &kinds(&h)[..3],
        &[RowKind::Activity, RowKind::Visit, RowKind::Session]
    );
    assert!(rows.windows(2).all(|w| w[0].1 >= w[1].1), "{rows:?}");
    let fr = draw(&h);
    for part in [
        "Revoir séances, activités et visites (6 sur 6)",
        "activité : formation · 2 présents · Formation",
        "visite · ",
        "Montrer : tout",
    ] {
        assert!(fr.contains(part), "{part:?} missing:\n{fr}");
    }
    // The visit: who and about what; never what was seen nor the private notes; the
    // diagnosis is not listed.
    let visit_line = fr.lines().find(|l| l.contains("visite · ")).unwrap();
    assert!(visit_line.contains("Coûts"), "{visit_line}");
    for private in [
        "Le four",
        "Difficultés",
        "06 61",
        "Diagnostic",
        "diagnostic",
    ] {
        assert!(!fr.contains(private), "{private:?} shown:\n{fr}");
    }
    insta::assert_snapshot!("browser_with_records", fr);
    h.model.lang = atelier::i18n::Lang::En;
    let en = draw(&h);
    for part in [
        "Review sessions, activities and visits (6 of 6)",
        "activity: training · 2 present · Formation hygiène",
        "visit · ",
        "Show: all",
    ] {
        assert!(en.contains(part), "{part:?} missing:\n{en}");
    }
    insta::assert_snapshot!("browser_with_records_en", en);
}

#[test]
fn f2_shows_sessions_activities_visits_or_all_and_the_typed_filter_applies_to_records() {
    let Folder { mut h, .. } = folder();
    h.keys("r");
    let only = |h: &Harness, kind: RowKind| {
        let k = kinds(h);
        !k.is_empty() && k.iter().all(|x| *x == kind)
    };
    let f2 = |h: &mut Harness| h.code(KeyCode::F(2));
    f2(&mut h);
    assert!(only(&h, RowKind::Session), "{:?}", kinds(&h));
    assert_eq!(kinds(&h).len(), 4);
    assert!(draw(&h).contains("Montrer : séances"), "{}", draw(&h));
    f2(&mut h);
    assert!(only(&h, RowKind::Activity), "{:?}", kinds(&h));
    assert!(draw(&h).contains("Montrer : activités"));
    f2(&mut h);
    assert!(only(&h, RowKind::Visit), "{:?}", kinds(&h));
    assert_eq!(kinds(&h).len(), 1);
    assert!(draw(&h).contains("Montrer : visites"));
    // With the kind chosen, a word typed filters further; nothing left says so.
    h.paste("oriental");
    assert!(kinds(&h).is_empty());
    assert!(
        draw(&h).contains("Aucune séance, activité ni visite ne correspond au filtre."),
        "{}",
        draw(&h)
    );
    h.ctrl('u');
    f2(&mut h);
    let Screen::Review(b) = &h.model.screen else {
        panic!()
    };
    assert_eq!(b.shown, Shown::All);
    assert_eq!(kinds(&h).len(), 6);

    // The group's region finds its records too (the bakers are in Tanger-Tétouan-Al
    // Hoceïma), its trade as well; a topic by its label, the activity by its title or kind.
    for (typed, want) in [
        (
            "hoceima",
            vec![RowKind::Activity, RowKind::Visit, RowKind::Session],
        ),
        (
            "boulangerie",
            vec![RowKind::Activity, RowKind::Visit, RowKind::Session],
        ),
        ("rentabilite", vec![RowKind::Visit]),
        ("haccp", vec![RowKind::Activity]),
        ("2026-12", vec![RowKind::Activity, RowKind::Visit]),
        ("couturieres", vec![RowKind::Session; 3]),
    ] {
        h.ctrl('u');
        h.paste(typed);
        assert_eq!(kinds(&h), want, "{typed}");
    }
    // The activity's kind, as its row says it (a session may speak of a training too).
    h.ctrl('u');
    h.paste("formation");
    assert_eq!(kinds(&h)[0], RowKind::Activity);
    assert!(!kinds(&h).contains(&RowKind::Visit));
    // What the visit's row does not show is not found either.
    for hidden in ["four", "familiales"] {
        h.ctrl('u');
        h.paste(hidden);
        assert!(!kinds(&h).contains(&RowKind::Visit), "{hidden}");
    }
}

#[test]
fn enter_on_a_record_opens_its_groups_page_on_it_and_esc_comes_back() {
    let Folder { mut h, .. } = folder();
    h.keys("r");
    // The visit is the second row.
    h.code(KeyCode::Down);
    assert_eq!(shown(&h)[1].0, RowKind::Visit);
    h.enter();
    let Screen::Group(ui) = &h.model.screen else {
        panic!("not the group's page");
    };
    assert_eq!(ui.section, GroupSection::Records);
    let at = ui.selection(GroupSection::Records);
    assert!(
        matches!(&ui.life.records[at], Record::Visit(v) if v.id == Id::from("v7k2m9x4p1qa")),
        "{:?}",
        ui.life.records[at]
    );
    assert_eq!(ui.detail, Some(0), "the visit open in full");
    // Its page says what was seen: the advisor's own screen.
    assert!(draw(&h).contains("Le four"), "{}", draw(&h));
    // Esc closes the visit, then goes back to the browser as it was left.
    h.esc();
    assert!(matches!(&h.model.screen, Screen::Group(ui) if ui.detail.is_none()));
    h.esc();
    let Screen::Review(b) = &h.model.screen else {
        panic!("not back in the browser");
    };
    assert_eq!((b.sel, b.opening.clone()), (1, None));
    // The activity opens the same way, on it.
    h.code(KeyCode::Up);
    h.enter();
    let Screen::Group(ui) = &h.model.screen else {
        panic!("not the group's page");
    };
    let at = ui.selection(GroupSection::Records);
    assert!(matches!(&ui.life.records[at], Record::Activity(_)));
    // A session's row still opens the session read-only.
    h.esc();
    h.esc();
    h.code(KeyCode::End);
    h.enter();
    assert!(matches!(&h.model.screen, Screen::Review(b) if b.view.is_some()));
}

#[test]
fn the_kinds_key_is_in_the_key_table_and_the_browser_has_no_presenter_view() {
    let keys = bindings_for(&[Ctx::Review]);
    assert!(keys.iter().any(|b| b.action == Action::ShowKinds));
    // Visits are listed here: the browser must never be projected.
    assert!(!keys.iter().any(|b| b.action == Action::TogglePresenter));
    let Folder { mut h, .. } = folder();
    h.keys("r");
    h.code(KeyCode::F(5));
    assert!(matches!(h.model.screen, Screen::Review(_)));
    let help = {
        h.code(KeyCode::F(1));
        draw(&h)
    };
    assert!(help.contains("F2"), "{help}");
}
