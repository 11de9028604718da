//! Need emergence, as an advisor runs it: message scripts for each technique (card collection,
//! clustering on the board, dot voting with its budget, the show-of-hands tally, the priority,
//! the backlog carried to the next session), then snapshots of the three panes at 80×24 and
//! 160×45 with the bakers' real session, styles mapped where they carry meaning.

mod common;

use atelier::i18n::{Lang, fill};
use atelier::method::{Method, PhaseKind};
use atelier::model::{Attendance, Author, BacklogItem, Change, Id, Session, VoteMode};
use atelier::sample;
use atelier::store;
use atelier::ui::{
    Confirm, Model, Overlay, Pane, PickFor, PickValue, Picker, Screen, SessionUi, Target,
};
use atelier::update::Effect;
use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use common::screen::{draw, text};
use common::{Harness, t0};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::{Color, Modifier, Style};
use std::path::PathBuf;
use unicode_width::UnicodeWidthStr;

const SAMPLE_SEED: u64 = 7;

// ---------------------------------------------------------------------------------------
// Sessions and moving around

fn needs_phase(mut s: Session) -> Session {
    s.current_phase = s.method.index_of(PhaseKind::NeedEmergence).unwrap();
    s
}

/// The bakers' session 3 (24 cards, 5 themes, dots, a priority, 3 themes waiting from
/// session 2), opened in need emergence.
fn bakers() -> Harness {
    Harness::with_session(
        needs_phase(sample::bakers_session(t0(), SAMPLE_SEED)),
        false,
    )
}

/// The bakers' first session, every member present, opened in need emergence: empty.
fn first() -> Harness {
    Harness::with_session(
        needs_phase(sample::bakers_first_session(t0(), SAMPLE_SEED)),
        false,
    )
}

fn focus(h: &mut Harness, pane: Pane) {
    for _ in 0..3 {
        if h.ui().pane() == pane {
            return;
        }
        h.tab();
    }
    panic!("no {pane:?} pane here");
}

/// Selects a row with the keys an advisor would press: to the top, then down.
fn select_row(h: &mut Harness, row: usize) {
    h.keys("g");
    for _ in 0..row {
        h.keys("j");
    }
    assert_eq!(h.ui().selection(h.ui().pane()), row);
}

fn select_id(h: &mut Harness, id: &Id) {
    let pane = h.ui().pane();
    let row = pane
        .rows(h.session())
        .iter()
        .position(|r| r == id)
        .unwrap_or_else(|| panic!("{id} is not a row of {pane:?}"));
    select_row(h, row);
}

fn picker(h: &Harness) -> Picker {
    match h.overlay() {
        Some(Overlay::Picker(p)) => p.clone(),
        other => panic!("expected a picker, found {other:?}"),
    }
}

fn labels(p: &Picker) -> Vec<String> {
    p.options.iter().map(|(l, _)| l.clone()).collect()
}

/// The changes recorded since the history had `from` events.
fn changes_since(h: &Harness, from: usize) -> Vec<Change> {
    h.session().history[from..]
        .iter()
        .map(|e| e.change.clone())
        .collect()
}

fn theme_id(s: &Session, title: &str) -> Id {
    s.needs
        .themes
        .iter()
        .find(|t| t.title.starts_with(title))
        .unwrap_or_else(|| panic!("no theme {title}"))
        .id
        .clone()
}

fn card_id(s: &Session, text: &str) -> Id {
    s.needs
        .cards
        .iter()
        .find(|c| c.text.starts_with(text))
        .unwrap_or_else(|| panic!("no card {text}"))
        .id
        .clone()
}

fn theme_of(s: &Session, card: &Id) -> Option<Id> {
    s.needs
        .cards
        .iter()
        .find(|c| &c.id == card)
        .and_then(|c| c.theme.clone())
}

/// Adds themes on the board with `a`, one title after the other, then leaves the field.
fn add_themes(h: &mut Harness, titles: &[&str]) {
    focus(h, Pane::Themes);
    h.keys("a");
    for t in titles {
        h.keys(t);
        h.enter();
    }
    h.esc();
}

fn member(s: &Session, name: &str) -> Id {
    s.group
        .members
        .iter()
        .find(|m| m.name.starts_with(name))
        .unwrap_or_else(|| panic!("no member {name}"))
        .id
        .clone()
}

/// The hotkey of an option of a picker, found by the start of its label.
fn hotkey_of(p: &Picker, name: &str) -> char {
    let i = p
        .options
        .iter()
        .position(|(l, _)| l.starts_with(name))
        .unwrap_or_else(|| panic!("{name} not in {:?}", labels(p)));
    p.key(i).unwrap()
}

// ---------------------------------------------------------------------------------------
// 1. Card collection

#[test]
fn cards_come_one_after_the_other_with_their_author_in_two_keys() {
    let mut h = first();
    let st = h.strings();
    assert_eq!(h.ui().pane(), Pane::Cards);
    h.keys("a");
    // F2 then one hotkey, while the field has focus: letters stay text.
    h.code(KeyCode::F(2));
    let p = picker(&h);
    assert_eq!(p.purpose, PickFor::EditorAuthor);
    assert_eq!(labels(&p)[..2], [st.author_anonymous, st.author_group]);
    let youssef = hotkey_of(&p, "Youssef");
    h.keys(&youssef.to_string());
    assert!(h.overlay().is_none());
    h.keys("Le prix de la farine a encore augmenté");
    h.enter();
    // The next card is ready, with the same author.
    assert_eq!(h.editor_text().as_deref(), Some(""));
    h.keys("Pas de crédit sans bilan");
    h.enter();
    h.code(KeyCode::F(2));
    h.keys("-"); // anonymous
    h.keys("On mélange la caisse et la maison");
    h.enter();
    h.code(KeyCode::F(2));
    h.keys("0"); // the whole group
    h.keys("Les coupures d'électricité");
    h.enter();
    h.esc();
    let yid = member(h.session(), "Youssef");
    let authors: Vec<Author> = h
        .session()
        .needs
        .cards
        .iter()
        .map(|c| c.author.clone())
        .collect();
    assert_eq!(
        authors,
        [
            Author::Member(yid.clone()),
            Author::Member(yid.clone()),
            Author::Anonymous,
            Author::WholeGroup
        ]
    );
    // The last author is remembered for the next card.
    h.keys("a");
    assert_eq!(h.ui().editor.as_ref().unwrap().author, Author::WholeGroup);
    h.esc();

    // The count per author, on the cards' border, and who has not spoken yet.
    let screen = text(&draw(&h.model, 400, 30));
    // Those who have given no card come first (Fatima has not spoken), then the counts.
    let quiet = st.needs.no_card_yet.split("{}").next().unwrap();
    let line = screen
        .lines()
        .find(|l| l.contains(quiet))
        .unwrap_or_else(|| panic!("no count per author:\n{screen}"));
    assert!(line.contains(&format!("{quiet}Fatima, ")), "{line}");
    assert!(line.contains("Youssef 2"), "{line}");
    assert!(
        line.contains(&format!("{} 1", st.author_anonymous)),
        "{line}"
    );
    assert!(line.contains(&format!("{} 1", st.author_group)), "{line}");
    let counts = st.needs.no_card_yet.split("{}").nth(1).unwrap();
    assert!(line.contains(&format!("{counts}Youssef 2 · ")), "{line}");
}

/// Issue 9, point 5: a person has one key in every picker of people, their place in the
/// group's list (a member absent today is not listed and the others keep their keys), the
/// whole group `0` and anonymous `-`.
#[test]
fn a_person_has_the_same_key_in_every_picker_of_people() {
    let mut s = needs_phase(sample::bakers_first_session(t0(), SAMPLE_SEED));
    let members = s.group.members.clone();
    assert!(members.len() >= 3, "{members:?}");
    s.checkin
        .attendance
        .insert(members[0].id.clone(), Attendance::Absent);
    let mut h = Harness::with_session(s, false);
    let st = h.strings();
    let (second, third) = (&members[1], &members[2]);
    let people_keys = |p: &Picker| {
        assert!(
            !labels(p).iter().any(|l| l.starts_with(&members[0].name)),
            "the absent member is not listed: {:?}",
            labels(p)
        );
        (hotkey_of(p, &second.name), hotkey_of(p, &third.name))
    };

    // The author of a new card.
    h.keys("a");
    h.code(KeyCode::F(2));
    let p = picker(&h);
    assert_eq!(people_keys(&p), ('2', '3'));
    assert_eq!(hotkey_of(&p, st.author_group), '0');
    assert_eq!(hotkey_of(&p, st.author_anonymous), '-');
    h.keys("3");
    assert_eq!(
        h.ui().editor.as_ref().unwrap().author,
        Author::Member(third.id.clone())
    );
    h.keys("Le four est trop petit");
    h.enter();
    h.esc();

    // The author of the card selected in the list.
    h.code(KeyCode::F(2));
    let p = picker(&h);
    assert_eq!(p.purpose, PickFor::CardAuthor);
    assert_eq!(people_keys(&p), ('2', '3'));
    h.keys("2");
    assert_eq!(
        h.session().needs.cards.last().unwrap().author,
        Author::Member(second.id.clone())
    );

    // The member placing dots: the same keys again.
    focus(&mut h, Pane::Votes);
    h.code(KeyCode::F(2));
    let p = picker(&h);
    assert_eq!(p.purpose, PickFor::Voter);
    assert_eq!(people_keys(&p), ('2', '3'));
    h.keys("3");
    assert_eq!(h.ui().tech.voter, Some(third.id.clone()));
}

/// Issue 9, point 6: a key a picker cannot use is said in one line, the picker stays as it
/// was, and nothing reaches the field under it; Esc leaves the picker.
#[test]
fn a_key_a_picker_cannot_use_is_said_and_the_picker_stays_as_it_was() {
    use atelier::keymap::{Action, Ctx, key_label};
    let mut h = first();
    let st = h.strings();
    let label = |a| key_label(Ctx::Picker, a);
    let keys = [
        label(Action::Up),
        label(Action::Down),
        label(Action::Choose),
        label(Action::Back),
    ];
    let with_keys = |template: &str, first: Option<&str>| {
        let mut args: Vec<&dyn std::fmt::Display> = Vec::new();
        if let Some(k) = &first {
            args.push(k);
        }
        args.extend(keys.iter().map(|k| k as &dyn std::fmt::Display));
        fill(template, &args)
    };
    h.keys("a");
    h.keys("Le four");
    h.code(KeyCode::F(2));
    h.code(KeyCode::Down);
    let cursor = picker(&h).cursor;
    assert_eq!(cursor, 1);
    for code in [
        KeyCode::Tab,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Char(' '),
        KeyCode::Backspace,
        KeyCode::Char('A'),
    ] {
        h.code(code);
        let p = picker(&h);
        assert_eq!(
            (p.purpose, p.cursor),
            (PickFor::EditorAuthor, cursor),
            "{code:?}"
        );
        assert_eq!(
            h.flash(),
            Some(with_keys(st.picker_other_key, None).as_str()),
            "{code:?}"
        );
    }
    // A picker key no row has: said with the key.
    h.keys("z");
    assert_eq!(picker(&h).cursor, cursor);
    assert_eq!(
        h.flash(),
        Some(with_keys(st.picker_no_key, Some("z")).as_str())
    );
    // A paste is no more the field's while the picker is open.
    h.paste("collectif");
    assert_eq!(picker(&h).cursor, cursor);
    assert_eq!(
        h.flash(),
        Some(with_keys(st.picker_other_key, None).as_str())
    );
    assert_eq!(h.editor_text().as_deref(), Some("Le four"), "nothing typed");
    // Esc leaves the picker; the keys are the field's again.
    h.esc();
    assert!(h.overlay().is_none());
    h.keys(" à pain");
    assert_eq!(h.editor_text().as_deref(), Some("Le four à pain"));
}

#[test]
fn cards_are_edited_and_deleted_with_a_confirmation_in_the_list_and_on_the_board() {
    let mut h = bakers();
    let loyer = card_id(h.session(), "Le loyer du local");
    // In the cards list.
    select_id(&mut h, &loyer);
    h.keys("e");
    h.keys(" (bail de 3 ans)");
    h.enter();
    let text = |h: &Harness, id: &Id| {
        h.session()
            .needs
            .cards
            .iter()
            .find(|c| &c.id == id)
            .map(|c| c.text.clone())
    };
    assert_eq!(
        text(&h, &loyer).as_deref(),
        Some("Le loyer du local a augmenté de 20 % cette année (bail de 3 ans)")
    );
    h.keys("d");
    assert_eq!(
        h.overlay().and_then(|o| match o {
            Overlay::Confirm(c) => Some(c.clone()),
            _ => None,
        }),
        Some(Confirm::Delete(Pane::Cards, loyer.clone()))
    );
    h.keys("n");
    assert!(text(&h, &loyer).is_some(), "n keeps the card");

    // On the board: the same keys on a card of a theme.
    focus(&mut h, Pane::Themes);
    let oeufs = card_id(h.session(), "Pas de chambre froide");
    select_id(&mut h, &oeufs);
    h.keys("e");
    assert_eq!(
        h.ui().editor.as_ref().map(|e| e.target.clone()),
        Some(Target::Item(Pane::Themes, oeufs.clone()))
    );
    h.keys(" 🥚");
    h.enter();
    assert!(text(&h, &oeufs).unwrap().ends_with("l'été 🥚"));
    h.keys("d");
    h.keys("y");
    assert_eq!(text(&h, &oeufs), None);
    let n = h.session().history.len();
    assert!(matches!(
        h.session().history[n - 1].change,
        Change::CardDeleted { .. }
    ));
}

// ---------------------------------------------------------------------------------------
// 2. Clustering

#[test]
fn marked_cards_go_into_a_theme_together_and_the_marks_clear() {
    let mut h = bakers();
    let s = h.session().clone();
    let caisse = card_id(&s, "Je mélange la caisse");
    let insta = card_id(&s, "Pas de page Instagram");
    let cash = theme_id(&s, "Accès au crédit");
    // In the cards list: Space marks and moves down, so two Spaces mark two cards.
    select_id(&mut h, &caisse);
    h.keys("  ");
    assert_eq!(
        h.ui().tech.marked.iter().cloned().collect::<Vec<_>>().len(),
        2
    );
    assert!(h.ui().tech.marked.contains(&caisse) && h.ui().tech.marked.contains(&insta));
    let before = h.session().history.len();
    h.keys("m");
    let p = picker(&h);
    assert_eq!(p.purpose, PickFor::MoveCards);
    assert_eq!(
        p.options[0].1,
        PickValue::Item(None),
        "no theme comes first"
    );
    assert_eq!(
        p.options[2].1,
        PickValue::Item(Some(cash.clone())),
        "then the themes: 1, 2..."
    );
    h.keys("2");
    assert_eq!(theme_of(h.session(), &caisse), Some(cash.clone()));
    assert_eq!(theme_of(h.session(), &insta), Some(cash.clone()));
    assert!(h.ui().tech.marked.is_empty());
    assert_eq!(
        changes_since(&h, before),
        [
            Change::CardMoved {
                id: caisse.clone(),
                theme: Some(cash.clone())
            },
            Change::CardMoved {
                id: insta.clone(),
                theme: Some(cash.clone())
            },
        ]
    );
    assert_eq!(
        h.flash(),
        Some(
            h.strings()
                .needs
                .moved
                .fill(2, &[&2, &"Accès au crédit et financement du matériel"])
                .as_str()
        )
    );

    // One card, no marks: the selected one goes, and the next card is ready.
    let loyer = card_id(&s, "Le loyer du local");
    select_id(&mut h, &loyer);
    h.keys("m");
    assert_eq!(
        picker(&h).cursor,
        0,
        "the cursor starts on the card's own place"
    );
    h.keys("5");
    assert_eq!(theme_of(h.session(), &loyer), Some(theme_id(&s, "Hygiène")));
    let next = h.ui().selected_id(Pane::Cards).unwrap();
    assert_eq!(next, card_id(&s, "Coupures d'électricité"));

    // On the board, marks work the same; Esc lets go of them before leaving anything.
    focus(&mut h, Pane::Themes);
    select_id(&mut h, &card_id(&s, "Coupures d'électricité"));
    h.keys(" ");
    assert_eq!(h.ui().tech.marked.len(), 1);
    h.esc();
    assert!(h.ui().tech.marked.is_empty());
    assert!(
        matches!(h.model.screen, Screen::Session(_)),
        "Esc only cleared the marks"
    );

    // Nothing selected or marked to move, or no theme yet: a sentence says what to do.
    let mut e = first();
    e.keys("m");
    assert_eq!(
        e.flash(),
        Some(fill(e.strings().needs.no_card, &[&"Space"]).as_str())
    );
    e.keys("a");
    e.keys("Une carte");
    e.enter();
    e.esc();
    e.keys("m");
    assert_eq!(
        e.flash(),
        Some(fill(e.strings().needs.no_theme_yet, &[&"a"]).as_str())
    );
}

#[test]
fn on_the_board_a_card_moves_and_the_selection_stays_with_the_cards_to_sort() {
    let mut h = bakers();
    let s = h.session().clone();
    focus(&mut h, Pane::Themes);
    // The first card in no theme.
    let caisse = card_id(&s, "Je mélange la caisse");
    select_id(&mut h, &caisse);
    h.keys("m");
    h.keys("1");
    assert_eq!(
        theme_of(h.session(), &caisse),
        Some(theme_id(&s, "Prix de la farine"))
    );
    // The selection is on the next card in no theme, not on whatever took the row.
    assert_eq!(
        h.ui().selected_id(Pane::Themes),
        Some(card_id(&s, "Pas de page Instagram"))
    );
}

#[test]
fn themes_are_created_renamed_given_a_category_and_jumped_between() {
    let mut h = first();
    h.keys("a");
    for card in ["Farine trop chère", "Pas de crédit", "Pas de CNSS"] {
        h.keys(card);
        h.enter();
    }
    h.esc();
    add_themes(&mut h, &["Matières premières", "Financement"]);
    let s = h.session().clone();
    assert_eq!(
        s.needs
            .themes
            .iter()
            .map(|t| t.title.as_str())
            .collect::<Vec<_>>(),
        ["Matières premières", "Financement"]
    );
    assert!(s.needs.themes.iter().all(|t| t.created >= t0()));
    let raw = theme_id(&s, "Matières");
    let money = theme_id(&s, "Financement");
    // The new theme got the selection, though the cards come after it on the board.
    assert_eq!(h.ui().selected_id(Pane::Themes), Some(money.clone()));

    // Rename with e on the theme's row.
    select_id(&mut h, &raw);
    h.keys("e");
    for _ in 0.."Matières premières".chars().count() {
        h.code(KeyCode::Backspace);
    }
    h.keys("Prix de la farine");
    h.enter();
    assert_eq!(h.session().needs.themes[0].title, "Prix de la farine");

    // A category from the method file, in the screen's language; "none" first.
    h.keys("c");
    let p = picker(&h);
    assert_eq!(p.purpose, PickFor::ThemeCategory);
    assert_eq!(
        p.options[0],
        (
            h.strings().needs.no_category_option.to_string(),
            PickValue::Category(None)
        )
    );
    let raw_materials = hotkey_of(&p, "Matières premières et approvisionnement");
    h.keys(&raw_materials.to_string());
    assert_eq!(
        h.session().needs.themes[0].category.as_deref(),
        Some("raw_materials")
    );
    h.keys("c");
    assert_eq!(
        picker(&h).cursor,
        9,
        "the cursor starts on the theme's category"
    );
    h.keys("0");
    assert_eq!(h.session().needs.themes[0].category, None);

    // Cards into the themes, then ← and → jump from box to box.
    let (farine, credit) = (card_id(&s, "Farine"), card_id(&s, "Pas de crédit"));
    select_id(&mut h, &farine);
    h.keys("m1");
    select_id(&mut h, &credit);
    h.keys("m2");
    // Rows: theme 1, its card, theme 2, its card, the card in no theme.
    let rows = Pane::Themes.rows(h.session());
    assert_eq!(rows.len(), 5);
    h.keys("g");
    h.code(KeyCode::Right);
    assert_eq!(h.ui().selected_id(Pane::Themes), Some(money.clone()));
    h.code(KeyCode::Right);
    assert_eq!(
        h.ui().selected_id(Pane::Themes),
        Some(card_id(h.session(), "Pas de CNSS"))
    );
    h.code(KeyCode::Right);
    assert_eq!(
        h.ui().selection(Pane::Themes),
        4,
        "nothing after the last box"
    );
    h.code(KeyCode::Left);
    assert_eq!(h.ui().selected_id(Pane::Themes), Some(money.clone()));
    h.keys("j");
    h.code(KeyCode::Left);
    assert_eq!(
        h.ui().selected_id(Pane::Themes),
        Some(raw.clone()),
        "from a card, to the box before"
    );
}

#[test]
fn merging_a_theme_brings_its_cards_and_dots_into_the_other() {
    let mut h = bakers();
    let s = h.session().clone();
    let hygiene = theme_id(&s, "Hygiène");
    let skills = theme_id(&s, "Former et garder");
    let cards_of = |s: &Session, t: &Id| {
        s.needs
            .cards
            .iter()
            .filter(|c| c.theme.as_ref() == Some(t))
            .count()
    };
    let dots = |s: &Session, t: &Id| s.needs.votes(t);
    assert_eq!((cards_of(&s, &hygiene), cards_of(&s, &skills)), (3, 4));
    assert_eq!((dots(&s, &hygiene), dots(&s, &skills)), (2, 3));
    focus(&mut h, Pane::Themes);
    // M on a card of the theme means its theme.
    select_id(&mut h, &card_id(&s, "Les vendeuses n'ont jamais"));
    h.keys("M");
    let p = picker(&h);
    assert_eq!(p.purpose, PickFor::MergeTheme);
    assert_eq!(p.options.len(), 4, "the other themes");
    let k = hotkey_of(&p, "Former et garder");
    let before = h.session().history.len();
    h.keys(&k.to_string());
    let after = h.session();
    assert_eq!(
        changes_since(&h, before),
        [Change::ThemesMerged {
            from: hygiene.clone(),
            into: skills.clone()
        }]
    );
    assert!(!after.needs.themes.iter().any(|t| t.id == hygiene));
    assert_eq!(cards_of(after, &skills), 7);
    assert_eq!(dots(after, &skills), 5, "the dots follow");
    assert_eq!(h.ui().selected_id(Pane::Themes), Some(skills.clone()));

    // Merging wants a theme and a second one.
    select_id(&mut h, &card_id(&s, "Coupures d'électricité"));
    h.keys("M");
    assert_eq!(h.flash(), Some(h.strings().needs.not_a_theme));
}

#[test]
fn a_card_is_taken_out_of_its_theme_and_a_deleted_theme_lets_its_cards_go() {
    let mut h = bakers();
    let s = h.session().clone();
    focus(&mut h, Pane::Themes);
    let four = card_id(&s, "Impossible de financer un nouveau four");
    select_id(&mut h, &four);
    h.keys("x");
    assert_eq!(theme_of(h.session(), &four), None);
    assert_eq!(h.flash(), Some(h.strings().needs.moved_out.n(1).as_str()));
    // Taken out twice: it is in no theme.
    select_id(&mut h, &four);
    h.keys("x");
    assert_eq!(h.flash(), Some(h.strings().needs.not_in_theme));

    // Deleting a theme (after a yes) puts its cards back in no theme; its dots go.
    let admin = theme_id(&s, "Se déclarer");
    let its_cards: Vec<Id> = s
        .needs
        .cards
        .iter()
        .filter(|c| c.theme.as_ref() == Some(&admin))
        .map(|c| c.id.clone())
        .collect();
    select_id(&mut h, &admin);
    h.keys("d");
    assert!(matches!(
        h.overlay(),
        Some(Overlay::Confirm(Confirm::Delete(Pane::Themes, _)))
    ));
    h.keys("y");
    let after = h.session();
    assert!(!after.needs.themes.iter().any(|t| t.id == admin));
    assert!(its_cards.iter().all(|c| theme_of(after, c).is_none()));
    assert!(!after.needs.dots.contains_key(&admin));
    assert_eq!(after.needs.cards.len(), 24, "no card lost");
}

// ---------------------------------------------------------------------------------------
// 3. Voting

/// A first session with three themes and no vote, the votes pane in focus.
fn ready_to_vote() -> Harness {
    let mut h = first();
    add_themes(&mut h, &["Farine", "Crédit", "Apprentis"]);
    focus(&mut h, Pane::Votes);
    h
}

#[test]
fn dots_are_placed_per_member_within_the_budget() {
    let mut h = ready_to_vote();
    let st = h.strings();
    let s = h.session().clone();
    let (farine, credit, apprentis) = (
        theme_id(&s, "Farine"),
        theme_id(&s, "Crédit"),
        theme_id(&s, "Apprentis"),
    );
    assert_eq!(s.needs.dot_budget, 3);
    // Digits before anyone votes: who votes first.
    h.keys("2");
    assert_eq!(
        h.flash(),
        Some(fill(st.needs.need_voter, &[&"F2"]).as_str())
    );

    h.code(KeyCode::F(2));
    let p = picker(&h);
    assert_eq!(p.purpose, PickFor::Voter);
    let present = s.present_members().count();
    assert_eq!(p.options.len(), present, "only the members present vote");
    assert!(labels(&p)[0].ends_with(&fill(st.needs.voter_option, &[&"", &0, &3])[1..]));
    let fatima = hotkey_of(&p, "Fatima Zahra");
    h.keys(&fatima.to_string());
    let fid = member(&s, "Fatima Zahra");
    assert_eq!(h.ui().tech.voter, Some(fid.clone()));

    // Two dots on the selected theme, then one on another: the budget is used.
    select_id(&mut h, &farine);
    h.keys("2");
    select_id(&mut h, &credit);
    h.keys("1");
    assert_eq!(h.session().needs.dots_of(&fid), 3);
    assert_eq!(
        h.flash(),
        Some(
            st.needs
                .budget_used
                .fill(3, &[&"Fatima Zahra El Idrissi", &3, &"F2"])
                .as_str()
        )
    );
    // A fourth dot is refused, and the message says who and how many are left.
    select_id(&mut h, &apprentis);
    let before = h.session().history.len();
    h.code(KeyCode::Right);
    assert_eq!(
        h.flash(),
        Some(
            st.needs
                .over_budget
                .fill(3, &[&"Fatima Zahra El Idrissi", &3, &3, &0])
                .as_str()
        )
    );
    assert_eq!(h.session().history.len(), before, "nothing recorded");
    // Moving a dot: one off the first theme, then the fourth fits.
    select_id(&mut h, &farine);
    h.code(KeyCode::Left);
    select_id(&mut h, &apprentis);
    h.code(KeyCode::Right);
    assert_eq!(h.session().needs.dots[&apprentis][&fid], 1);
    assert_eq!(h.session().needs.dots[&farine][&fid], 1);

    // Another member still votes: F2 starts on the next one with dots left.
    h.code(KeyCode::F(2));
    let p = picker(&h);
    let next = p.options[p.cursor].1.clone();
    assert_ne!(next, PickValue::Item(Some(fid.clone())));
    h.enter();
    let other = h.ui().tech.voter.clone().unwrap();
    select_id(&mut h, &credit);
    h.keys("3");
    assert_eq!(h.session().needs.dots[&credit][&other], 3);

    // The ranking: most votes first, the selection following its theme as it climbs.
    assert_eq!(h.ui().selected_id(Pane::Votes), Some(credit.clone()));
    assert_eq!(
        Pane::Votes.rows(h.session()),
        [credit.clone(), farine.clone(), apprentis.clone()]
    );
    assert_eq!(
        h.session().needs.ranking(),
        [
            (credit.clone(), 4),
            (farine.clone(), 1),
            (apprentis.clone(), 1)
        ]
    );

    // Every vote is in the history, timestamped.
    let dots: Vec<_> = h
        .session()
        .history
        .iter()
        .filter(|e| matches!(e.change, Change::DotsSet { .. }))
        .collect();
    assert_eq!(dots.len(), 5);
    assert!(dots.iter().all(|e| e.at >= t0()));
}

#[test]
fn the_budget_is_typed_a_wrong_one_gets_a_sentence_and_a_lower_one_warns() {
    let mut h = ready_to_vote();
    let st = h.strings();
    let s = h.session().clone();
    let farine = theme_id(&s, "Farine");
    h.code(KeyCode::F(2));
    let first = picker(&h).key(0).unwrap();
    h.keys(&first.to_string());
    let voter = h.ui().tech.voter.clone().unwrap();
    select_id(&mut h, &farine);
    h.keys("3");

    h.keys("b");
    assert_eq!(
        h.ui().editor.as_ref().map(|e| e.target.clone()),
        Some(Target::Budget)
    );
    assert_eq!(h.editor_text().as_deref(), Some("3"));
    h.code(KeyCode::Backspace);
    h.keys("zéro");
    h.enter();
    assert_eq!(
        h.ui().editor.as_ref().and_then(|e| e.error.as_deref()),
        Some(st.needs.budget_invalid)
    );
    assert_eq!(h.session().needs.dot_budget, 3);
    for _ in 0..4 {
        h.code(KeyCode::Backspace);
    }
    h.keys("2");
    h.enter();
    assert!(h.ui().editor.is_none());
    assert_eq!(h.session().needs.dot_budget, 2);
    let name = s.group.member_name(&voter);
    assert_eq!(
        h.flash(),
        Some(
            st.needs
                .budget_lowered
                .fill(1, &[&2, &format!("{name} 3/2")])
                .as_str()
        )
    );
    // Over the budget, dots can still be taken off, not added.
    h.code(KeyCode::Right);
    assert!(
        h.flash()
            .unwrap()
            .starts_with(&st.needs.over_budget.fill(2, &[&name, &3, &2, &0])[..10])
    );
    h.code(KeyCode::Left);
    assert_eq!(h.session().needs.dots_of(&voter), 2);
}

#[test]
fn a_show_of_hands_is_typed_per_theme_instead_of_dots() {
    let mut h = ready_to_vote();
    let st = h.strings();
    let s = h.session().clone();
    let (farine, credit) = (theme_id(&s, "Farine"), theme_id(&s, "Crédit"));
    h.keys("v");
    assert_eq!(h.session().needs.vote_mode, VoteMode::ShowOfHands);
    // A digit opens the count with that digit; the next ones follow; Enter records it.
    select_id(&mut h, &credit);
    h.keys("1");
    assert_eq!(
        h.ui().editor.as_ref().map(|e| e.target.clone()),
        Some(Target::Tally(credit.clone()))
    );
    h.keys("2");
    h.enter();
    assert_eq!(h.session().needs.tally[&credit], 12);
    assert_eq!(
        h.ui().selected_id(Pane::Votes),
        Some(credit.clone()),
        "it climbed, the selection with it"
    );
    select_id(&mut h, &farine);
    h.keys("7");
    h.enter();
    h.code(KeyCode::Right);
    assert_eq!(h.session().needs.tally[&farine], 8);
    h.keys("9");
    h.keys("999");
    h.enter();
    assert_eq!(
        h.ui().editor.as_ref().and_then(|e| e.error.as_deref()),
        Some(st.needs.tally_invalid)
    );
    h.esc();
    assert_eq!(h.session().needs.tally[&farine], 8);
    assert_eq!(
        h.session().needs.ranking()[..2],
        [(credit.clone(), 12), (farine.clone(), 8)]
    );
    // No voter in a show of hands.
    h.code(KeyCode::F(2));
    assert!(h.overlay().is_none());
    assert_eq!(
        h.flash(),
        Some(fill(st.needs.hands_no_voter, &[&"v"]).as_str())
    );
    // Back to dots: the dots (none yet) count again, the tally is kept.
    h.keys("v");
    assert_eq!(h.session().needs.votes(&credit), 0);
    assert_eq!(h.session().needs.tally[&credit], 12);
}

// ---------------------------------------------------------------------------------------
// 4. Priority and backlog

#[test]
fn the_priority_is_a_theme_chosen_with_a_star_in_the_votes_or_on_the_board() {
    let mut h = bakers();
    let s = h.session().clone();
    let farine = theme_id(&s, "Prix de la farine");
    let credit = theme_id(&s, "Accès au crédit");
    assert_eq!(s.needs.priority, Some(farine.clone()));
    focus(&mut h, Pane::Votes);
    select_id(&mut h, &farine);
    h.keys("*");
    assert_eq!(
        h.session().needs.priority,
        None,
        "a second star takes it back"
    );
    select_id(&mut h, &credit);
    h.keys("*");
    assert_eq!(h.session().needs.priority, Some(credit.clone()));
    // On the board, a star on a card of a theme chooses the theme.
    focus(&mut h, Pane::Themes);
    select_id(&mut h, &card_id(&s, "Le beurre et le sucre"));
    h.keys("*");
    assert_eq!(h.session().needs.priority, Some(farine.clone()));
    let last = h.session().history.last().unwrap();
    assert_eq!(
        last.change,
        Change::PrioritySet {
            id: Some(farine.clone())
        }
    );
}

#[test]
fn the_backlog_is_taken_up_or_let_go_and_unchosen_themes_wait_for_the_next_session() {
    let mut h = bakers();
    let st = h.strings();
    let s = h.session().clone();
    assert_eq!(s.needs.backlog.len(), 3);
    let online = s.needs.backlog[0].clone();
    let power = s.needs.backlog[2].clone();
    focus(&mut h, Pane::Themes);
    // r on a theme waiting from session 2: a theme of this session, with its category.
    select_id(&mut h, &online.id);
    h.keys("r");
    let after = h.session();
    assert_eq!(after.needs.backlog.len(), 2);
    let taken = after.needs.themes.last().unwrap().clone();
    assert_eq!(taken.title, online.title);
    assert_eq!(taken.category, online.category);
    assert_eq!(h.ui().selected_id(Pane::Themes), Some(taken.id.clone()));
    assert_eq!(
        h.flash(),
        Some(fill(st.needs.taken_up, &[&online.title]).as_str())
    );
    // The card about Instagram goes into it.
    select_id(&mut h, &card_id(&s, "Pas de page Instagram"));
    h.keys("m6");
    assert_eq!(
        theme_of(h.session(), &card_id(&s, "Pas de page Instagram")),
        Some(taken.id.clone())
    );
    // d lets one go, after a yes.
    select_id(&mut h, &power.id);
    h.keys("d");
    h.keys("y");
    assert_eq!(
        h.session().history.last().unwrap().change,
        Change::BacklogDropped {
            item: power.id.clone()
        }
    );
    // e takes one up and opens its title.
    let rent = h.session().needs.backlog[0].clone();
    select_id(&mut h, &rent.id);
    h.keys("e");
    assert!(h.session().needs.backlog.is_empty());
    assert!(matches!(
        h.ui().editor.as_ref().map(|e| &e.target),
        Some(Target::Item(Pane::Themes, _))
    ));
    h.keys(" (bail)");
    h.enter();
    assert_eq!(
        h.session().needs.themes.last().unwrap().title,
        "Le loyer du local et le bail commercial (bail)"
    );
    // r elsewhere says where to press it.
    select_id(&mut h, &taken.id);
    h.keys("r");
    assert_eq!(h.flash(), Some(st.needs.not_backlog));

    // The next session is offered this session's themes not chosen, most voted first.
    let now = h.session().clone();
    let next = atelier::model::backlog(std::slice::from_ref(&now));
    let titles: Vec<&str> = next.iter().map(|b| b.title.as_str()).collect();
    assert!(
        !titles.contains(&"Prix de la farine et des matières premières"),
        "the priority is not"
    );
    assert_eq!(
        titles,
        [
            "Accès au crédit et financement du matériel",
            "Se déclarer : auto-entrepreneur, CNSS, AMO",
            "Former et garder les apprentis",
            "Hygiène et normes sanitaires",
            "Vendre en ligne : page Instagram, commandes de fête",
            "Le loyer du local et le bail commercial (bail)",
        ]
    );
    assert!(
        next.iter()
            .all(|b| b.from_session == now.id && b.from_number == 3)
    );
    assert_eq!(next[0].votes, 7);
}

#[test]
fn the_backlog_comes_from_the_latest_session_with_themes_and_never_from_older_files() {
    let start = t0() - TimeDelta::days(28);
    let series = sample::series(start, SAMPLE_SEED);
    let [s1, s2, s3] = [&series[0], &series[1], &series[2]];
    // Session 2 was offered session 1's unchosen themes.
    assert_eq!(
        s2.needs.backlog,
        atelier::model::backlog(std::slice::from_ref(s1))
    );
    // From the three, in any order: only session 3 counts.
    let all = atelier::model::backlog(&[s3.clone(), s1.clone(), s2.clone()]);
    assert_eq!(all, atelier::model::backlog(std::slice::from_ref(s3)));
    // A session that raised no theme passes on what it was offered, as it was left.
    let mut quiet = s3.clone();
    quiet.number = 4;
    quiet.needs.themes.clear();
    quiet.needs.cards.clear();
    quiet.needs.priority = None;
    quiet.needs.backlog = all.clone();
    quiet.needs.backlog.remove(0);
    let after = atelier::model::backlog(&[s3.clone(), quiet.clone()]);
    assert_eq!(
        after, quiet.needs.backlog,
        "the item let go does not come back"
    );
    // A priority card chooses its theme.
    let mut by_card = s3.clone();
    let card = by_card
        .needs
        .cards
        .iter()
        .find(|c| c.theme.is_some())
        .unwrap()
        .clone();
    by_card.needs.priority = Some(card.id.clone());
    assert!(
        !atelier::model::backlog(&[by_card])
            .iter()
            .any(|b| Some(&b.id) == card.theme.as_ref())
    );
}

#[test]
fn the_next_session_starts_with_the_backlog_of_the_last_one() {
    let series = sample::series(t0() - TimeDelta::days(14), SAMPLE_SEED);
    let latest = series.last().unwrap().clone();
    // The folder holds the group's sessions: the next one is prepared from them.
    let common::Folder { mut h, .. } = common::folder_of(series.clone(), |_| {});
    h.enter();
    assert!(
        h.effects
            .contains(&Effect::PrepareNext(latest.group.id.clone()))
    );
    h.ctrl('s');
    let expected: Vec<BacklogItem> = atelier::model::backlog(&series);
    assert!(!expected.is_empty(), "the tailors left themes unchosen");
    assert_eq!(h.session().needs.backlog, expected);
    assert_eq!(
        h.created[0].needs.backlog, expected,
        "in the file from the start"
    );
    // On the board, under the cards, with their votes and session.
    while h.session().phase_kind() != PhaseKind::NeedEmergence {
        h.keys("]");
    }
    focus(&mut h, Pane::Themes);
    let screen = text(&draw(&h.model, 100, 30));
    assert!(screen.contains(h.strings().needs.backlog_box), "{screen}");
    assert!(screen.contains(&expected[0].title[..10]), "{screen}");
}

#[test]
fn everything_comes_back_intact_from_the_file() {
    let mut h = bakers();
    focus(&mut h, Pane::Themes);
    let s = h.session().clone();
    select_id(&mut h, &s.needs.backlog[0].id);
    h.keys("r");
    select_id(&mut h, &card_id(&s, "Je mélange"));
    h.keys("m1");
    focus(&mut h, Pane::Votes);
    h.keys("v");
    h.keys("4");
    h.enter();
    h.wait(2);
    let saved = h.saved.clone().expect("saved");
    assert_eq!(&saved, h.session());
    let text = store::encode(&saved).unwrap();
    let back = store::parse(text.as_bytes()).unwrap();
    assert_eq!(back.needs, saved.needs);
    assert_eq!(back.history, saved.history);
    // A file written before the backlog existed still loads.
    let old = text.replace("backlog:", "ignored_backlog:");
    let start = old.find("ignored_backlog:").unwrap();
    let end = start + old[start..].find("],").unwrap() + 2;
    let old = format!("{}{}", &old[..start], &old[end..]);
    let loaded = store::parse(old.as_bytes()).unwrap();
    assert!(loaded.needs.backlog.is_empty());
}

#[test]
fn a_closed_session_refuses_every_change_of_the_techniques() {
    let mut s = needs_phase(sample::bakers_session(t0(), SAMPLE_SEED));
    s.record(t0(), Change::SessionClosed);
    let mut h = Harness::with_session(s, false);
    let st = h.strings();
    let before = h.session().clone();
    focus(&mut h, Pane::Themes);
    for keys in ["m", "M", "c", "x", "*", "r"] {
        select_row(&mut h, 1);
        h.keys(keys);
        assert!(h.overlay().is_none(), "{keys} opened a popup");
        assert_eq!(h.flash(), Some(st.session_closed_reopen), "{keys}");
    }
    focus(&mut h, Pane::Votes);
    h.keys("b");
    assert!(h.ui().editor.is_none());
    h.keys("v");
    assert_eq!(h.session().needs, before.needs);
    assert_eq!(h.session().history, before.history);
}

// ---------------------------------------------------------------------------------------
// Snapshots

fn model_for(s: Session, pane: Pane, row: usize, size: (u16, u16)) -> Model {
    let start = Utc.with_ymd_and_hms(2026, 10, 6, 8, 0, 0).unwrap();
    let now: DateTime<Utc> = start + TimeDelta::minutes(50);
    let mut model = Model::new(
        Lang::Fr,
        Method::builtin(),
        PathBuf::from("/home/conseiller/atelier"),
        now,
        4242,
    );
    let path = PathBuf::from("/home/conseiller/atelier/2026-10-06-boulangers-de-tanger-3-7kq2.ron");
    let mut ui = SessionUi::new(s, path, false);
    let i = Pane::for_phase(PhaseKind::NeedEmergence)
        .iter()
        .position(|p| *p == pane)
        .unwrap();
    ui.focus.insert(PhaseKind::NeedEmergence, i);
    ui.selected.insert(pane, row);
    let _ = size;
    model.screen = Screen::Session(Box::new(ui));
    model
}

/// The bakers' session at the moment of need emergence, its timer running 20 minutes in.
fn bakers_at_needs() -> Session {
    let start = Utc.with_ymd_and_hms(2026, 10, 6, 8, 0, 0).unwrap();
    needs_phase(sample::bakers_session(start, SAMPLE_SEED))
}

fn ui_mut(model: &mut Model) -> &mut SessionUi {
    model.session_mut().unwrap()
}

fn describe(style: Style) -> String {
    let mut parts = Vec::new();
    if let Some(fg) = style.fg.filter(|c| *c != Color::Reset) {
        parts.push(format!("fg {fg:?}"));
    }
    if let Some(bg) = style.bg.filter(|c| *c != Color::Reset) {
        parts.push(format!("bg {bg:?}"));
    }
    for (m, name) in [
        (Modifier::BOLD, "bold"),
        (Modifier::ITALIC, "italic"),
        (Modifier::REVERSED, "reversed"),
    ] {
        if style.add_modifier.contains(m) {
            parts.push(name.to_string());
        }
    }
    parts.join(" ")
}

/// The screen, then a map of the styles that carry meaning here: `r` reversed (the
/// selection), `m` the mark and the priority (magenta bold), `w` a warning (over budget),
/// `f` a focused border, `b` the bars; other styles are left blank, so that the map reads.
fn styled(buf: &Buffer) -> String {
    let mut maps = Vec::new();
    for y in 0..buf.area.height {
        let mut map = String::new();
        let mut skip = 0;
        for x in 0..buf.area.width {
            let cell = &buf[(x, y)];
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let d = describe(cell.style());
            let width = cell.symbol().width().max(1);
            skip = width - 1;
            let mark = if d.contains("reversed") {
                'r'
            } else if d.contains("bg Yellow") {
                'w'
            } else if d == "fg Magenta bold" {
                'm'
            } else if d == "fg Cyan bold" {
                'b'
            } else if d == "fg Cyan" {
                'f'
            } else {
                ' '
            };
            map.extend(std::iter::repeat_n(mark, width));
        }
        maps.push(format!("{:>2} {}", y, map.trim_end()));
    }
    format!(
        "{}\n\n--- styles: r selected, m mark or priority, w warning, f focused border, b bar or key ---\n{}",
        text(buf),
        maps.join("\n")
    )
}

fn snap(name: &str, model: &Model, w: u16, h: u16) {
    insta::assert_snapshot!(name, styled(&draw(model, w, h)));
}

/// Marks two cards, as an advisor about to move them.
fn with_marks(model: &mut Model) {
    let ui = ui_mut(model);
    let ids: Vec<Id> = ui.session.needs.cards[20..22]
        .iter()
        .map(|c| c.id.clone())
        .collect();
    ui.tech.marked.extend(ids);
}

#[test]
fn snapshot_cards() {
    for (w, h) in [(80, 24), (160, 45)] {
        let mut model = model_for(bakers_at_needs(), Pane::Cards, 21, (w, h));
        with_marks(&mut model);
        snap(&format!("cards_{w}x{h}"), &model, w, h);
    }
}

#[test]
fn snapshot_board() {
    let s = bakers_at_needs();
    // A card of the second theme selected, two cards in no theme marked.
    let row = Pane::Themes
        .rows(&s)
        .iter()
        .position(|id| *id == card_id(&s, "Je ne connais pas les offres"))
        .unwrap();
    for (w, h) in [(80, 24), (160, 45)] {
        let mut model = model_for(s.clone(), Pane::Themes, row, (w, h));
        with_marks(&mut model);
        snap(&format!("board_{w}x{h}"), &model, w, h);
    }
    // Scrolled down to the backlog, at 80×24.
    let last = Pane::Themes.rows(&s).len() - 2;
    let model = model_for(s.clone(), Pane::Themes, last, (80, 24));
    snap("board_80x24_scrolled_to_the_backlog", &model, 80, 24);
}

#[test]
fn snapshot_votes() {
    let mut s = bakers_at_needs();
    // Youssef is the voter; the budget went down to 2 after Fatima and Youssef had voted 3.
    let youssef = member(&s, "Youssef");
    s.record(s.saved, Change::DotBudgetSet { budget: 2 });
    for (w, h) in [(80, 24), (160, 45)] {
        let mut model = model_for(s.clone(), Pane::Votes, 1, (w, h));
        ui_mut(&mut model).tech.voter = Some(youssef.clone());
        snap(&format!("votes_{w}x{h}"), &model, w, h);
    }
    // By show of hands.
    let mut hands = bakers_at_needs();
    hands.record(
        hands.saved,
        Change::VoteModeSet {
            mode: VoteMode::ShowOfHands,
        },
    );
    for (theme, count) in hands.needs.themes.clone().iter().zip([6, 11, 4, 9, 2]) {
        hands.record(
            hands.saved,
            Change::TallySet {
                theme: theme.id.clone(),
                count,
            },
        );
    }
    let model = model_for(hands, Pane::Votes, 0, (80, 24));
    snap("votes_80x24_show_of_hands", &model, 80, 24);
}

#[test]
fn snapshot_pickers_and_the_empty_board() {
    let mut h = bakers();
    focus(&mut h, Pane::Themes);
    select_row(&mut h, 1);
    h.keys("m");
    snap("picker_move_80x24", &h.model, 80, 24);
    h.esc();
    focus(&mut h, Pane::Votes);
    h.code(KeyCode::F(2));
    snap("picker_voter_80x24", &h.model, 80, 24);

    let mut e = first();
    focus(&mut e, Pane::Themes);
    snap("board_empty_80x24", &e.model, 80, 24);
}

#[test]
fn a_voter_named_in_arabic_keeps_the_votes_title_whole() {
    let s = bakers_at_needs();
    let mohamed = member(&s, "محمد");
    let mut model = model_for(s, Pane::Votes, 0, (80, 24));
    ui_mut(&mut model).tech.voter = Some(mohamed);
    let screen = text(&draw(&model, 80, 24));
    let st = Lang::Fr.strings();
    let title = fill(st.needs.votes_voter, &[&"محمد الأمين", &0]);
    assert!(screen.contains(&title), "{title:?} cut:\n{screen}");
}
