//! Text is cleaned at the door: what a paste or a key brings in holds no control character
//! other than the new line and the tab, in the field, in the session and in its file.

mod common;

use atelier::sample;
use common::{Harness, SEED, t0};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn go_to_phase(h: &mut Harness, phase: usize) {
    while h.session().current_phase < phase {
        h.keys("]");
    }
}

fn controls(text: &str) -> Vec<char> {
    text.chars()
        .filter(|c| c.is_control() && *c != '\n' && *c != '\t')
        .collect()
}

#[test]
fn a_paste_with_terminal_escapes_lands_in_the_card_and_the_file_without_them() {
    let mut h = Harness::with_session(sample::bakers_first_session(t0(), SEED), false);
    go_to_phase(&mut h, 2);
    h.paste("\u{1b}]0;pwned\u{7}Four en panne\u{1b}[2J");
    // A control character typed as a key is dropped too.
    h.key(KeyEvent::new(KeyCode::Char('\u{1b}'), KeyModifiers::NONE));
    h.keys(" !");
    h.enter();
    let card = &h.session().needs.cards[0].text;
    assert_eq!(card, "]0;pwnedFour en panne[2J !");
    assert!(controls(card).is_empty(), "{card:?}");
    h.wait(2);
    let saved = h.saved.clone().expect("the card was saved");
    let ron = atelier::store::encode(&saved).unwrap();
    assert!(controls(&ron).is_empty(), "{:?}", controls(&ron));
    assert!(!ron.contains("\\u{1b}") && !ron.contains("\\u{7}") && !ron.contains("\\x1b"));
}

#[test]
fn emoji_joiners_and_arabic_marks_come_through_the_door_untouched() {
    let mut h = Harness::with_session(sample::bakers_first_session(t0(), SEED), false);
    go_to_phase(&mut h, 2);
    let text = "مُعلّم 👩\u{200d}🍳 می\u{200c}خواهم";
    h.paste(text);
    h.enter();
    assert_eq!(h.session().needs.cards[0].text, text);
}
