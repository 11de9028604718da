//! `atelier follow`'s messages: the followed file read again, or awaited. The watching
//! itself, which reads the file, is `crate::follow`'s.

use crate::model::Session;
use crate::ui::{FollowState, Model, Screen, SessionUi};
use std::path::PathBuf;

/// The session file is read again: the screen shows it, in the phase the advisor is in
/// (the phase shown is the session's own), with the selections the viewer made kept where
/// they still fit. The first one opens the session read-only in presenter view.
pub fn followed(model: &mut Model, session: Session, path: PathBuf) {
    model
        .follow
        .get_or_insert_with(FollowState::default)
        .waiting = None;
    match model.session_mut() {
        Some(ui) if ui.path == path => ui.session = session,
        _ => {
            let mut ui = SessionUi::new(session, path, true);
            ui.presenter = true;
            model.screen = Screen::Session(Box::new(ui));
        }
    }
}

/// The file is missing or cannot be read: say so, keep what is on screen.
pub fn waiting(model: &mut Model, reason: String) {
    model
        .follow
        .get_or_insert_with(FollowState::default)
        .waiting = Some(reason);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use chrono::{TimeZone, Utc};

    fn session() -> Session {
        let now = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
        crate::sample::bakers_session(now, 3)
    }

    #[test]
    fn the_first_read_opens_presenter_view_read_only_and_later_ones_replace_the_session() {
        let mut model = Model::new(
            Lang::En,
            crate::method::Method::builtin(),
            PathBuf::from("/nowhere"),
            Utc::now(),
            1,
        );
        let path = PathBuf::from("/nowhere/s.ron");
        followed(&mut model, session(), path.clone());
        let ui = model.session().expect("a session on screen");
        assert!(ui.read_only && ui.presenter);
        waiting(&mut model, "gone".into());
        assert_eq!(
            model.follow.as_ref().unwrap().waiting.as_deref(),
            Some("gone")
        );
        let mut next = session();
        next.current_phase = 2;
        followed(&mut model, next, path);
        let ui = model.session().expect("still there");
        assert_eq!(ui.session.current_phase, 2);
        assert!(ui.presenter);
        assert_eq!(model.follow, Some(FollowState::default()));
    }
}
