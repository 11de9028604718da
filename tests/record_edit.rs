//! A saved visit, activity or diagnosis changed from the group's page (`e`, issue 13, points
//! 6–8): over its own file, keeping its id and creation, each changed field a line of its
//! history; an activity's attendance and project; a visit's actions kept by id for the next
//! visit's review; a half-typed change kept as a draft; a file changed on disk since the page
//! read it never overwritten. And the page projected (F5): built from what the privacy rule
//! lets others see, no visit, no diagnosis, no private note, and no record taken.

mod common;

use atelier::i18n::Lang;
use atelier::model::dated::{Answer, Record, RecordChange};
use atelier::model::{Attendance, Id};
use atelier::store;
use atelier::ui::GroupSection;
use common::tailors::{folder, form_values, open, page, screen};
use common::{Folder, Harness};
use ratatui::crossterm::event::KeyCode;
use std::path::{Path, PathBuf};

/// The files of one kind in the folder.
fn files(dir: &Path, kind: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .contains(&format!("_{kind}_"))
        })
        .collect();
    v.sort();
    v
}

/// The page's records tab, the `n`-th row (newest first: the visit of 1 December, the
/// training of 20 November, the diagnosis of 15 September) selected.
fn select_record(h: &mut Harness, n: usize) {
    while page(h).section != GroupSection::Records {
        h.tab();
    }
    h.code(KeyCode::Home);
    for _ in 0..n {
        h.code(KeyCode::Down);
    }
}

/// Focus on the field labelled `label`.
fn focus(h: &mut Harness, label: &str) {
    for _ in 0..40 {
        let s = h.model.strings();
        let f = page(h).form.as_ref().unwrap();
        if f.form.fields[f.form.focus].label(s) == label {
            return;
        }
        h.tab();
    }
    panic!("no field {label}: {:?}", form_values(h));
}

fn sets(history: &[atelier::model::dated::RecordEvent]) -> Vec<(String, String, String)> {
    history
        .iter()
        .filter_map(|e| match &e.change {
            RecordChange::Set { field, from, to } => {
                Some((field.clone(), from.clone(), to.clone()))
            }
            RecordChange::Created => None,
        })
        .collect()
}

#[test]
fn e_changes_who_took_part_in_a_training_over_its_own_file_with_each_change_in_its_history() {
    let Folder { mut h, dir } = folder();
    open(&mut h);
    select_record(&mut h, 1);
    let before = files(&dir, "activity");
    assert_eq!(before.len(), 1);
    let Record::Activity(saved) = store::load_record(&before[0]).unwrap() else {
        panic!("not the training")
    };
    h.keys("e");
    let form = page(&h).form.as_ref().expect("the training's form");
    assert!(form.editing.is_some());
    insta::assert_snapshot!("edit_activity_80x24_fr", screen(&h, 80, 24));
    let values = form_values(&h);
    assert!(
        values
            .iter()
            .any(|(_, v)| v == "WhatsApp Business : catalogue et messages"),
        "{values:?}"
    );
    // The first member did not come after all; the cost was 950 DH.
    focus(&mut h, "Présents");
    let first = page(&h).form.as_ref().unwrap().members[0].0.clone();
    assert_eq!(saved.participants.get(&first), Some(&Attendance::Present));
    h.keys(" ");
    focus(&mut h, "Coût (DH)");
    h.ctrl('u');
    h.keys("950");
    h.ctrl('s');
    assert!(page(&h).form.is_none(), "saved and closed");
    // Over its own file: no second file, the same id, created when it was.
    assert_eq!(files(&dir, "activity"), before);
    let Record::Activity(after) = store::load_record(&before[0]).unwrap() else {
        panic!("not the training")
    };
    assert_eq!(after.id, saved.id);
    assert_eq!(after.created, saved.created);
    assert_eq!(after.participants.get(&first), Some(&Attendance::Absent));
    assert_eq!(after.cost_mad, Some(950));
    assert_eq!(after.title, saved.title);
    assert_eq!(after.project, saved.project, "the link is kept");
    assert_eq!(after.saved, h.model.now);
    let changes = sets(&after.history);
    let fields: Vec<&str> = changes.iter().map(|(f, _, _)| f.as_str()).collect();
    assert_eq!(fields, ["participants", "cost_mad"], "{changes:?}");
    assert_eq!(changes[1].1, "800");
    assert_eq!(changes[1].2, "950");
    // The page shows it changed.
    let ui = page(&h);
    let on_page = ui
        .life
        .records
        .iter()
        .find_map(|r| match r {
            Record::Activity(a) => Some(a.clone()),
            _ => None,
        })
        .unwrap();
    assert_eq!(on_page.cost_mad, Some(950));
}

#[test]
fn a_visit_changed_keeps_its_actions_ids_for_the_next_review_and_its_private_notes() {
    let Folder { mut h, dir } = folder();
    open(&mut h);
    select_record(&mut h, 0);
    h.model.lang = Lang::En;
    h.keys("e");
    insta::assert_snapshot!("edit_visit_160x45_en", screen(&h, 160, 45));
    focus(&mut h, "Agreed (1)");
    h.keys(" et comparer");
    focus(&mut h, "Agreed (2)");
    h.keys("Réparer la machine 🧵");
    h.ctrl('s');
    let path = files(&dir, "visit").pop().unwrap();
    let Record::Visit(v) = store::load_record(&path).unwrap() else {
        panic!("not the visit")
    };
    assert_eq!(v.agreed.len(), 2);
    assert_eq!(
        v.agreed[0].id,
        Id::from("va0000000001"),
        "kept for the review"
    );
    assert_eq!(
        v.agreed[0].what,
        "Demander un devis de réparation à deux mécaniciens et comparer"
    );
    assert_eq!(v.agreed[1].what, "Réparer la machine 🧵");
    assert_eq!(
        v.private_notes,
        "Parle d'arrêter si la machine n'est pas réparée."
    );
    let changes = sets(&v.history);
    assert_eq!(changes.len(), 1, "{changes:?}");
    assert_eq!(changes[0].0, "agreed");
}

#[test]
fn a_diagnosis_changed_keeps_the_answers_not_touched() {
    let Folder { mut h, dir } = folder();
    open(&mut h);
    select_record(&mut h, 2);
    h.model.lang = Lang::En;
    h.keys("e");
    focus(&mut h, "Paid jobs");
    h.ctrl('u');
    h.keys("2");
    h.ctrl('s');
    let path = files(&dir, "diagnosis").pop().unwrap();
    let Record::Diagnosis(d) = store::load_record(&path).unwrap() else {
        panic!("not the diagnosis")
    };
    assert_eq!(d.answers.get("jobs_paid"), Some(&Answer::Count(2)));
    assert_eq!(
        d.answers.get("sales_band"),
        Some(&Answer::Choice("60k_200k".into()))
    );
    assert_eq!(d.answers.get("cnss"), Some(&Answer::YesNo(false)));
    assert_eq!(
        d.answers.get("difficulties"),
        Some(&Answer::Texts(vec![
            "les tissus chers".into(),
            "vendre en ligne".into()
        ]))
    );
    assert_eq!(sets(&d.history).len(), 1);
}

#[test]
fn a_half_typed_change_comes_back_as_the_change_of_that_record() {
    let Folder { mut h, dir } = folder();
    open(&mut h);
    select_record(&mut h, 1);
    h.keys("e");
    focus(&mut h, "Notes");
    h.keys(" — et la suite en janvier");
    h.wait_ms(100);
    assert!(dir.join(".record-draft.ron").exists());
    // As after a crash: the page opened again finds the change as it was.
    h.model.screen = atelier::ui::Screen::Home;
    open(&mut h);
    let form = page(&h).form.as_ref().expect("the draft came back");
    let editing = form
        .editing
        .as_ref()
        .expect("as the change of the training");
    assert_eq!(editing.dated().id(), &Id::from("act000000001"));
    assert!(
        form_values(&h)
            .iter()
            .any(|(_, v)| v.ends_with("— et la suite en janvier"))
    );
    h.ctrl('s');
    assert_eq!(files(&dir, "activity").len(), 1, "over its own file");
}

#[test]
fn a_record_file_changed_on_disk_since_the_page_read_it_is_not_overwritten() {
    let Folder { mut h, dir } = folder();
    open(&mut h);
    select_record(&mut h, 1);
    h.keys("e");
    focus(&mut h, "Notes");
    h.keys(" (ici)");
    // Meanwhile a sync brings a colleague's change of the same file.
    let path = files(&dir, "activity").pop().unwrap();
    let Record::Activity(mut theirs) = store::load_record(&path).unwrap() else {
        panic!()
    };
    theirs.notes = "Changé par une collègue".into();
    std::thread::sleep(std::time::Duration::from_millis(20));
    store::save_record(&path, &Record::Activity(theirs.clone())).unwrap();
    h.ctrl('s');
    let Record::Activity(left) = store::load_record(&path).unwrap() else {
        panic!()
    };
    assert_eq!(
        left.notes, "Changé par une collègue",
        "theirs is left as it is"
    );
    let copies: Vec<PathBuf> = files(&dir, "activity")
        .into_iter()
        .filter(|p| p != &path)
        .collect();
    assert_eq!(copies.len(), 1, "ours is beside it");
    assert!(store::conflict_of(&copies[0]).is_some());
    let Record::Activity(ours) = store::load_record(&copies[0]).unwrap() else {
        panic!()
    };
    assert!(ours.notes.ends_with(" (ici)"));
    let flash = h.flash().unwrap_or_default().to_string();
    assert!(flash.contains("copie en conflit"), "{flash}");
    assert!(flash.contains(&copies[0].file_name().unwrap().to_string_lossy().to_string()));
}

#[test]
fn f5_projects_the_page_without_visits_diagnoses_phones_or_notes_and_takes_no_record() {
    let Folder { mut h, .. } = folder();
    open(&mut h);
    let own = screen(&h, 160, 45);
    assert!(own.contains("diagnostic du"), "{own}");
    h.code(KeyCode::F(5));
    assert!(page(&h).presenting);
    let members = screen(&h, 160, 45);
    assert!(members.contains("Vue projetée"));
    assert!(!members.contains("diagnostic du"), "{members}");
    assert!(!members.contains("visite"), "{members}");
    insta::assert_snapshot!("presenting_members_80x24", screen(&h, 80, 24));
    select_record(&mut h, 0);
    let records = screen(&h, 160, 45);
    assert!(records.contains("WhatsApp Business"), "{records}");
    assert!(!records.contains("Rachida"), "no visit: {records}");
    assert!(!records.contains("diagnostic"), "no diagnosis: {records}");
    insta::assert_snapshot!("presenting_records_80x24", screen(&h, 80, 24));
    // Each row open in full: nothing private.
    for section in 0..5 {
        let rows = page(&h).rows(page(&h).section);
        for _ in 0..rows {
            h.enter();
            let text = screen(&h, 160, 45);
            for private in ["Parle d'arrêter", "Notes privées", "0661", "06 61"] {
                assert!(!text.contains(private), "{section}: {private} in {text}");
            }
            h.esc();
            h.code(KeyCode::Down);
        }
        h.tab();
    }
    // No record is taken while projected: the keys are not even offered.
    for k in ["v", "a", "d", "e"] {
        h.keys(k);
        assert!(page(&h).form.is_none(), "{k}");
    }
    assert!(!screen(&h, 160, 45).contains("nouvelle visite"));
    // F5 again: the advisor's own page, everything back.
    h.code(KeyCode::F(5));
    assert!(!page(&h).presenting);
    while page(&h).section != GroupSection::Members {
        h.tab();
    }
    assert!(screen(&h, 160, 45).contains("diagnostic du"));
}

/// An activity of another kind is named: a fair the group visited is neither a training nor
/// a study trip; its name shows on the page and comes back when it is changed.
#[test]
fn an_activity_of_another_kind_is_named() {
    let Folder { mut h, dir } = folder();
    open(&mut h);
    h.keys("a");
    // « autre » is the last kind: one step back from the first.
    h.code(ratatui::crossterm::event::KeyCode::Left);
    focus(&mut h, "Si « autre » : lequel");
    h.keys("Foire régionale de l'artisanat");
    focus(&mut h, "Intitulé");
    h.keys("Stand commun à la foire d'Oujda");
    h.ctrl('s');
    assert!(page(&h).form.is_none(), "saved");
    let saved = files(&dir, "activity")
        .into_iter()
        .filter_map(|p| match store::load_record(&p).unwrap() {
            Record::Activity(a) if a.title.starts_with("Stand commun") => Some(a),
            _ => None,
        })
        .next()
        .expect("the new activity's file");
    assert_eq!(
        saved.activity,
        atelier::model::dated::ActivityKind::Other("Foire régionale de l'artisanat".into())
    );
    assert!(screen(&h, 160, 45).contains("Foire régionale de l'artisanat"));
    // Changed later, the name is there to change.
    let row = page(&h)
        .life
        .records
        .iter()
        .position(|r| r.dated().id() == &saved.id)
        .unwrap();
    if let atelier::ui::Screen::Group(ui) = &mut h.model.screen {
        ui.selected.insert(GroupSection::Records, row);
    }
    h.keys("e");
    assert!(
        form_values(&h)
            .iter()
            .any(|(l, v)| l == "Si « autre » : lequel" && v == "Foire régionale de l'artisanat")
    );
}

/// A record's texts read from a file with terminal control sequences and bidi overrides in
/// them (a hand edit, a hostile copy): neither the page, nor the record open in full, nor its
/// edit box draws one; what the file said stays as it was until the advisor changes it.
#[test]
fn control_characters_in_a_records_file_reach_no_screen_nor_edit_box() {
    let Folder { mut h, dir } = folder();
    let path = files(&dir, "visit").pop().unwrap();
    let Record::Visit(mut v) = store::load_record(&path).unwrap() else {
        panic!()
    };
    v.seen = "Machine \u{1b}[2J\u{1b}]0;pwned\u{7} en panne \u{202e}sruoj 3\u{202c}".into();
    v.private_notes = "Note\u{9b}31m rouge\u{0}".into();
    store::save_record(&path, &Record::Visit(v.clone())).unwrap();
    open(&mut h);
    select_record(&mut h, 0);
    let bad = |c: char| (c.is_control() && c != '\n') || ('\u{202a}'..='\u{202e}').contains(&c);
    let check = |h: &Harness, what: &str| {
        for (w, hh) in [(80, 24), (160, 45)] {
            let buf = common::screen::draw(&h.model, w, hh);
            for cell in buf.content() {
                assert!(
                    !cell.symbol().chars().any(bad),
                    "{what} {w}x{hh}: {:?}",
                    cell.symbol()
                );
            }
        }
    };
    check(&h, "the page");
    h.enter();
    check(&h, "the visit in full");
    h.esc();
    h.keys("e");
    assert!(page(&h).form.is_some());
    focus(&mut h, "Constaté");
    check(&h, "the edit box");
    // Nothing changed: saved as it was, its history unchanged.
    h.ctrl('s');
    let Record::Visit(after) = store::load_record(&path).unwrap() else {
        panic!()
    };
    assert_eq!(after.seen, v.seen);
    assert_eq!(after.history.len(), v.history.len());
}
