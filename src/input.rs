//! Keys as the terminal sends them, made into the keys a person pressed. Alt+key is sent as
//! Esc followed by the key (`ESC CR` for Alt-Enter), or in the kitty keyboard protocol as
//! `CSI 13;3u`. crossterm reads both as Alt+Enter when their bytes come in one read; when
//! the Esc byte arrives alone (a slow link, a busy machine) it is reported as Esc, then the
//! Enter as Enter: the field is left and the next letters taken as commands. The loop reads
//! every event waiting, and waits a moment after a lone Esc for what follows; an Esc that
//! comes with an Enter in the same batch is joined back into Alt-Enter here.

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use std::time::Duration;

/// How long the loop waits, after an Esc that came alone, for the rest of an Alt+key: less
/// than a person's Esc then Enter (vim waits 100 ms), more than the bytes of one key apart
/// on a slow link or a loaded machine (30 ms was too short for two writes to the terminal
/// on a busy 2-core machine).
pub const ESC_WAIT: Duration = Duration::from_millis(75);

/// A bare Esc press: what the first byte of an Alt+key reads as when it comes alone.
pub fn is_bare_esc(ev: &Event) -> bool {
    matches!(ev, Event::Key(k) if k.code == KeyCode::Esc
        && k.modifiers.is_empty()
        && k.kind == KeyEventKind::Press)
}

/// Joins each bare Esc immediately followed by an Enter press (no modifier) into one
/// Alt-Enter; every other event is kept as it is, in order.
pub fn join_escapes(events: Vec<Event>) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    for ev in events {
        let enter = matches!(&ev, Event::Key(k) if k.code == KeyCode::Enter
            && k.modifiers.is_empty()
            && k.kind == KeyEventKind::Press);
        if enter && out.last().is_some_and(is_bare_esc) {
            out.pop();
            out.push(Event::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT)));
        } else {
            out.push(ev);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, mods: KeyModifiers) -> Event {
        Event::Key(KeyEvent::new(code, mods))
    }

    #[test]
    fn an_esc_and_an_enter_read_apart_are_one_alt_enter() {
        let none = KeyModifiers::NONE;
        let alt_enter = key(KeyCode::Enter, KeyModifiers::ALT);
        let events = vec![
            key(KeyCode::Char('a'), none),
            key(KeyCode::Esc, none),
            key(KeyCode::Enter, none),
            key(KeyCode::Char('b'), none),
        ];
        assert_eq!(
            join_escapes(events),
            vec![
                key(KeyCode::Char('a'), none),
                alt_enter.clone(),
                key(KeyCode::Char('b'), none)
            ]
        );
        // Already joined by crossterm: kept.
        assert_eq!(join_escapes(vec![alt_enter.clone()]), vec![alt_enter]);
        // An Esc alone, or before another key, stays an Esc; Enter alone stays Enter.
        let alone = vec![key(KeyCode::Esc, none)];
        assert_eq!(join_escapes(alone.clone()), alone);
        let other = vec![key(KeyCode::Esc, none), key(KeyCode::Char('q'), none)];
        assert_eq!(join_escapes(other.clone()), other);
        let enter = vec![key(KeyCode::Enter, none)];
        assert_eq!(join_escapes(enter.clone()), enter);
    }
}
