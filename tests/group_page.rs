//! A group's page (issue 13, point 9), by message scripts through the real runner on a
//! folder: opened from the home screen and from the timeline, Esc going back to where it
//! came from; Tab through its sections (members, rules, plan, projects, activities and
//! visits); Enter opens the selected row in full; the method's advice on the group's size
//! and the attendance rule's warnings are shown, never blocking. The screens are kept as
//! insta snapshots (80×24 and 160×45, French and English).

mod common;

use atelier::i18n::Lang;
use atelier::model::dated::{Answer, Record, core_questions};
use atelier::model::{ActionStatus, Id};
use atelier::sample;
use atelier::store::{self, Store};
use atelier::ui::{GroupSection, Screen};
use atelier::update::Effect;
use common::tailors::{folder, form_values, open, page, records, screen, tailors};
use common::{Folder, Harness, SEED, day, folder_of, t0};

#[test]
fn p_on_home_opens_the_groups_page_with_everything_it_lived_and_esc_goes_back() {
    let Folder { mut h, .. } = folder();
    open(&mut h);
    assert_eq!(h.effects.last(), Some(&Effect::LoadGroup(tailors())));
    let ui = page(&h);
    assert_eq!(
        ui.life.records.len(),
        3,
        "the visit, the training, the diagnosis"
    );
    assert_eq!(ui.life.group.rules.len(), 3);
    assert_eq!(ui.life.projects.len(), 1);
    let fr = screen(&h, 80, 24);
    assert!(
        fr.contains("coordinatrice") || fr.contains("coordinateur"),
        "{fr}"
    );
    insta::assert_snapshot!("members_80x24", fr);
    h.esc();
    assert!(matches!(h.model.screen, Screen::Home));
}

#[test]
fn tab_goes_through_each_section_and_enter_opens_its_row_in_full() {
    let Folder { mut h, .. } = folder();
    open(&mut h);
    for lang in [Lang::Fr, Lang::En] {
        h.model.lang = lang;
        let tag = format!("{lang:?}").to_lowercase();
        for section in [
            GroupSection::Members,
            GroupSection::Rules,
            GroupSection::Plan,
            GroupSection::Projects,
            GroupSection::Records,
        ] {
            assert_eq!(page(&h).section, section);
            let name = format!("{section:?}").to_lowercase();
            insta::assert_snapshot!(format!("{name}_160x45_{tag}"), screen(&h, 160, 45));
            h.enter();
            assert!(page(&h).detail.is_some(), "{name}");
            insta::assert_snapshot!(format!("{name}_open_160x45_{tag}"), screen(&h, 160, 45));
            insta::assert_snapshot!(format!("{name}_open_80x24_{tag}"), screen(&h, 80, 24));
            h.esc();
            assert!(page(&h).detail.is_none());
            h.tab();
        }
    }
}

/// A programme's own question (the configuration's `diagnosis_questions`) is asked after the
/// core ones, and kept with its answer and the questions the diagnosis was asked.
#[test]
fn a_programmes_own_question_is_asked_after_the_core_and_kept() {
    use atelier::method::L10n;
    use atelier::model::dated::{AnswerKind, Question, form_with};
    let Folder { mut h, .. } = folder();
    let extra = Question {
        id: "export_plans".into(),
        label: L10n {
            fr: "Projette d'exporter".into(),
            en: "Plans to export".into(),
        },
        answer: AnswerKind::YesNo,
    };
    h.model.diagnosis = form_with(vec![extra]).unwrap();
    open(&mut h);
    h.keys("d");
    let labels: Vec<String> = form_values(&h).into_iter().map(|(l, _)| l).collect();
    assert_eq!(
        labels.last().map(String::as_str),
        Some("Projette d'exporter")
    );
    // To the last field: yes.
    let n = labels.len();
    for _ in 1..n {
        h.tab();
    }
    h.code(ratatui::crossterm::event::KeyCode::Right);
    h.ctrl('s');
    let d = page(&h)
        .life
        .records
        .iter()
        .find_map(|r| match r {
            Record::Diagnosis(d) if d.date == h.model.today => Some(d.clone()),
            _ => None,
        })
        .expect("saved");
    assert_eq!(d.answers.get("export_plans"), Some(&Answer::YesNo(true)));
    assert_eq!(d.questions.last().unwrap().id, "export_plans");
}

/// The visit is the records' first row, opened above; the training and the diagnosis
/// below it, each in full at both sizes and in both languages.
#[test]
fn each_kind_of_record_opens_in_full() {
    let Folder { mut h, .. } = folder();
    open(&mut h);
    while page(&h).section != GroupSection::Records {
        h.tab();
    }
    for (row, name) in [(1, "activity"), (2, "diagnosis")] {
        for lang in [Lang::Fr, Lang::En] {
            h.model.lang = lang;
            let tag = format!("{lang:?}").to_lowercase();
            h.model.screen = {
                let mut s = std::mem::replace(&mut h.model.screen, Screen::Home);
                if let Screen::Group(ui) = &mut s {
                    ui.selected.insert(GroupSection::Records, row);
                }
                s
            };
            h.enter();
            insta::assert_snapshot!(format!("{name}_open_160x45_{tag}"), screen(&h, 160, 45));
            insta::assert_snapshot!(format!("{name}_open_80x24_{tag}"), screen(&h, 80, 24));
            h.esc();
        }
    }
}

#[test]
fn the_visit_is_on_the_advisors_page_whole_private_notes_included() {
    let Folder { mut h, .. } = folder();
    open(&mut h);
    while page(&h).section != GroupSection::Records {
        h.tab();
    }
    // Newest first: the visit of 1 December.
    h.enter();
    let s = screen(&h, 100, 30);
    assert!(s.contains("Parle d'arrêter"), "{s}");
    assert!(s.contains("10/12/2026"), "{s}");
}

#[test]
fn the_attendance_rule_and_the_groups_size_are_warnings_to_discuss() {
    let Folder { mut h, .. } = folder();
    open(&mut h);
    h.tab();
    let s = screen(&h, 160, 45);
    let ui = page(&h);
    let malika = ui.life.group.members[6].id.clone();
    let standing = ui
        .life
        .rules
        .iter()
        .find(|r| r.rule.current().attendance.is_some())
        .expect("the tailors' attendance rule");
    assert_eq!(standing.close().collect::<Vec<_>>(), [&malika], "{s}");
    assert!(s.contains("près de la règle : Malika Ait Benhaddou"), "{s}");
    assert!(s.contains("⚠ Séance 3 : 7 présents"), "{s}");
    // The keys still work: a warning blocks nothing.
    h.tab();
    assert_eq!(page(&h).section, GroupSection::Plan);
}

#[test]
fn the_page_and_the_timeline_open_each_other_and_esc_walks_back() {
    let Folder { mut h, .. } = folder();
    open(&mut h);
    h.keys("t");
    assert!(matches!(h.model.screen, Screen::Timeline(_)));
    h.keys("p");
    assert!(matches!(h.model.screen, Screen::Group(_)));
    h.esc();
    assert!(matches!(h.model.screen, Screen::Timeline(_)));
    h.esc();
    assert!(matches!(h.model.screen, Screen::Group(_)));
    h.esc();
    assert!(matches!(h.model.screen, Screen::Home));
}

/// The fields of the form on the page, by their label.
#[test]
fn v_types_a_visit_that_is_saved_as_its_own_file_and_shown_on_the_page() {
    let Folder { mut h, dir } = folder();
    open(&mut h);
    let before = page(&h).life.records.len();
    h.keys("v");
    assert!(page(&h).form.is_some());
    insta::assert_snapshot!("visit_form_80x24", screen(&h, 80, 24));
    // The fourth member, then the text fields after the date and the topics.
    for _ in 0..3 {
        h.code(ratatui::crossterm::event::KeyCode::Right);
    }
    h.tab();
    // After her last visit (1 December), so that it reviews what that one agreed.
    h.ctrl('u');
    h.keys("06/12/2026");
    h.tab();
    h.tab();
    h.keys("Les retouches 🧵 font vivre l'atelier — الخياطة");
    // What her last visit agreed, to review: done.
    h.tab();
    let labels: Vec<String> = form_values(&h).into_iter().map(|(l, _)| l).collect();
    assert!(
        labels.contains(
            &"Suivi : Demander un devis de réparation à deux mécaniciens (convenu le 01/12/2026)"
                .to_string()
        ),
        "{labels:?}"
    );
    h.code(ratatui::crossterm::event::KeyCode::Right);
    h.tab();
    h.keys("Comparer deux devis de réparation");
    h.tab();
    h.keys("18/12/2026");
    h.tab();
    h.keys("Garder les reçus du mois");
    // The second action has no date; the third slot stays empty.
    h.tab();
    h.tab();
    h.tab();
    h.tab();
    h.keys("Inquiète pour son loyer");
    h.ctrl('s');
    let ui = page(&h);
    assert!(ui.form.is_none(), "saved and closed");
    assert_eq!(ui.life.records.len(), before + 1);
    assert_eq!(ui.section, GroupSection::Records);
    let visits: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("_visit_") && n.contains("rachida-bouzid"))
        .collect();
    assert_eq!(visits.len(), 2, "{visits:?}");
    let saved = ui
        .life
        .records
        .iter()
        .find_map(|r| match r {
            Record::Visit(v) if v.seen.starts_with("Les retouches") => Some(v.clone()),
            _ => None,
        })
        .expect("the new visit is on the page");
    assert_eq!(
        saved.seen,
        "Les retouches 🧵 font vivre l'atelier — الخياطة"
    );
    assert_eq!(saved.agreed[0].due, Some(day(2026, 12, 18)));
    assert_eq!(saved.agreed.len(), 2);
    assert_eq!(saved.agreed[1].what, "Garder les reçus du mois");
    assert_eq!(saved.agreed[1].due, None);
    assert_eq!(saved.private_notes, "Inquiète pour son loyer");
    // What the last visit to her agreed is reviewed at this one, as the advisor said.
    assert_eq!(saved.reviews.len(), 1);
    assert_eq!(saved.reviews[0].action.id, Id::from("va0000000001"));
    assert_eq!(saved.reviews[0].status, Some(ActionStatus::Done));
    assert_eq!(saved.history.len(), 1, "its creation opens its history");
    assert!(!dir.join(".record-draft.ron").exists(), "the draft is gone");
}

#[test]
fn a_half_typed_record_is_kept_as_a_draft_and_comes_back_with_the_page() {
    let Folder { mut h, dir } = folder();
    open(&mut h);
    h.keys("a");
    // The kind, the name of another kind, then the title.
    h.tab();
    h.tab();
    h.keys("Visite du salon Maroc Textile");
    // The loop wakes for the draft and writes it, with no other key.
    h.wait_ms(100);
    assert!(dir.join(".record-draft.ron").exists());
    // Leaving the page without a word is not possible: Esc asks.
    h.esc();
    assert!(matches!(
        h.model.overlay,
        Some(atelier::ui::Overlay::Confirm(_))
    ));
    h.esc();
    assert!(page(&h).form.is_some(), "not discarded");
    // As after a crash: the page opened again finds the form as it was.
    h.model.screen = Screen::Home;
    open(&mut h);
    let values = form_values(&h);
    assert!(
        values
            .iter()
            .any(|(_, v)| v == "Visite du salon Maroc Textile"),
        "{values:?}"
    );
    // Discarding it forgets the draft.
    h.esc();
    h.keys("o");
    assert!(page(&h).form.is_none());
    assert!(!dir.join(".record-draft.ron").exists());
}

#[test]
fn a_diagnosis_asks_the_core_questions_and_keeps_the_answers_by_their_ids() {
    let Folder { mut h, .. } = folder();
    open(&mut h);
    h.model.lang = Lang::En;
    h.keys("d");
    insta::assert_snapshot!("diagnosis_form_160x45_en", screen(&h, 160, 45));
    // Member, date, occasion; then annual sales: the second band.
    h.tab();
    h.tab();
    h.tab();
    for _ in 0..2 {
        h.code(ratatui::crossterm::event::KeyCode::Right);
    }
    h.tab();
    h.keys("3");
    h.ctrl('s');
    let d = page(&h)
        .life
        .records
        .iter()
        .find_map(|r| match r {
            Record::Diagnosis(d) if d.date == h.model.today => Some(d.clone()),
            _ => None,
        })
        .expect("saved");
    assert_eq!(
        d.answers.get("sales_band"),
        Some(&Answer::Choice("60k_200k".into()))
    );
    assert_eq!(d.answers.get("jobs_paid"), Some(&Answer::Count(3)));
    assert_eq!(d.questions, core_questions());
}

#[test]
fn every_size_from_1x1_draws_every_section_row_and_form_without_a_panic() {
    let Folder { mut h, .. } = folder();
    open(&mut h);
    let full: Vec<(u16, u16)> = (1..=100)
        .step_by(3)
        .flat_map(|w| (1..=30).map(move |h| (w, h)))
        .collect();
    let edges = [
        (1, 1),
        (2, 1),
        (1, 2),
        (59, 15),
        (60, 16),
        (80, 24),
        (100, 30),
        (1, 30),
        (100, 1),
        (200, 60),
    ];
    let (sizes, seed) = common::screen::sweep_sizes(&edges, full, 60);
    let sweep = |h: &mut Harness| {
        for &(width, height) in &sizes {
            h.model.size = (width, height);
            // A resize is a message: the lists are measured again at this size.
            h.send(atelier::update::Msg::Resized { width, height });
            common::screen::draw_in_sweep(&h.model, width, height, seed);
        }
        h.model.size = (80, 24);
    };
    for _ in 0..5 {
        sweep(&mut h);
        h.enter();
        h.keys("G");
        sweep(&mut h);
        h.esc();
        h.tab();
    }
    for key in ["v", "a", "d"] {
        h.keys(key);
        sweep(&mut h);
        h.esc();
    }
    // Each saved record's form.
    while page(&h).section != GroupSection::Records {
        h.tab();
    }
    for row in 0..3 {
        if let Screen::Group(ui) = &mut h.model.screen {
            ui.selected.insert(GroupSection::Records, row);
        }
        h.keys("e");
        assert!(page(&h).form.is_some());
        sweep(&mut h);
        h.esc();
    }
    // Projected, each section.
    h.code(ratatui::crossterm::event::KeyCode::F(5));
    for _ in 0..5 {
        sweep(&mut h);
        h.tab();
    }
}

/// A bidi override read from a file (a hand edit, a hostile copy) would turn the rest of a
/// terminal line around: no screen draws one, the group page's records and a session's cards
/// alike.
#[test]
fn no_bidi_override_read_from_a_file_reaches_the_terminal() {
    let bidi = |s: &str| {
        s.chars().any(|c| {
            ('\u{202a}'..='\u{202e}').contains(&c) || ('\u{2066}'..='\u{2069}').contains(&c)
        })
    };
    let mut sessions = sample::series(t0(), SEED);
    let last = sessions.last_mut().unwrap();
    last.needs.cards[0].text = "Carte \u{202e}inversée\u{2066} fin".into();
    let group = last.group.clone();
    let session = last.clone();
    let Folder { mut h, .. } = folder_of(sessions, |dir| {
        let st = Store::new(dir);
        for mut r in records(&group) {
            if let Record::Visit(v) = &mut r {
                v.seen = "Vu \u{202e}à l'envers\u{2069} ici".into();
            }
            store::save_record(&st.path_for_record(&r), &r).unwrap();
        }
    });
    open(&mut h);
    while page(&h).section != GroupSection::Records {
        h.tab();
    }
    let list = screen(&h, 160, 45);
    assert!(list.contains("Vu à l'envers ici"), "{list}");
    h.enter();
    let full = screen(&h, 160, 45);
    assert!(!bidi(&list) && !bidi(&full), "{full}");
    let mut session = session;
    session.current_phase = session
        .method
        .index_of(atelier::method::PhaseKind::NeedEmergence)
        .unwrap();
    let s = Harness::with_session(session, false);
    let cards = screen(&s, 160, 45);
    assert!(cards.contains("Carte inversée fin"), "{cards}");
    assert!(!bidi(&cards), "{cards}");
}
