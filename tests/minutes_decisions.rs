//! What the group decided about itself at a session (issue 13, point 12: "everything else
//! follows"): `show` and the minutes list the roles elected, the rules adopted or amended,
//! the work plan agreed and the joint project started there — read from the group the
//! session leaves, so the minutes, which drop the history, have them; a session that decided
//! nothing about the group (every format 1 file) has no such part.

use atelier::export::{Format, export};
use atelier::i18n::Lang;
use atelier::show::{show, to_text};
use chrono::NaiveDate;
use std::path::Path;

fn bakers_first() -> atelier::model::Session {
    atelier::sample::shipped()
        .into_iter()
        .filter(|s| s.group.name == "Boulangers de Tanger")
        .min_by_key(|s| s.number)
        .unwrap()
}

#[test]
fn show_and_the_minutes_list_what_the_group_decided_at_the_session() {
    let s = bakers_first();
    let fr = to_text(&show(&s, Lang::Fr, false), Lang::Fr);
    assert!(fr.contains("Décisions du groupe"), "{fr}");
    assert!(
        fr.contains("Élection : Youssef Benali devient coordinateur"),
        "{fr}"
    );
    assert!(
        fr.contains("Élection : Fatima Zahra El Idrissi devient adjointe"),
        "{fr}"
    );
    assert!(
        fr.contains("Règle adoptée : Ce qui se dit au groupe"),
        "{fr}"
    );
    let en = to_text(&show(&s, Lang::En, false), Lang::En);
    assert!(en.contains("The group's decisions"), "{en}");
    assert!(en.contains("Youssef Benali is elected coordinator"), "{en}");
    let issued = NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
    for format in [Format::Markdown, Format::Html] {
        let minutes = export(&s, format, Lang::Fr, false, issued);
        assert!(
            minutes.contains("Youssef Benali devient coordinateur"),
            "{format:?}"
        );
        assert!(minutes.contains("Décisions du groupe"), "{format:?}");
    }
}

#[test]
fn a_session_that_decided_nothing_about_the_group_has_no_such_part() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1-release");
    for entry in std::fs::read_dir(dir).unwrap() {
        let s = atelier::store::load(&entry.unwrap().path()).unwrap();
        let text = to_text(&show(&s, Lang::Fr, true), Lang::Fr);
        assert!(!text.contains("Décisions du groupe"), "{}", s.group.name);
    }
}
