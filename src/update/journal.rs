//! Recording a change in the session on screen: the one door every technique, field and
//! picker goes through (`record`), and marking the session as changed so the next ticks save
//! it (`touched`, `mirror_draft` for what a field holds).
//!
//! At the bottom of `update`: everything that changes a session uses it, and it uses nothing
//! of `update` but `Effect`'s siblings' types.

use crate::model::Change;
use crate::ui::{Flash, Model, SessionUi};
use chrono::{DateTime, Utc};

/// Copies what the open editor holds (its text, its author) into the session's drafts, or
/// drops an unchanged one. Here rather than with the editor, which the pickers call too.
pub fn mirror_draft(s: &mut SessionUi, now: DateTime<Utc>) {
    let Some(ed) = &s.editor else { return };
    ed.keep_draft(&mut s.session.drafts);
    touched(s, now);
}

/// Marks the session as changed; the next ticks save it.
pub fn touched(s: &mut SessionUi, now: DateTime<Utc>) {
    s.save.dirty_since.get_or_insert(now);
    s.save.last_change = Some(now);
}

/// Records a change in the session on screen, unless it may not change.
pub fn record(model: &mut Model, change: Change) -> bool {
    let now = model.now;
    let strings = model.strings();
    let read_only = model.read_only_text();
    let Some(s) = model.session_mut() else {
        return false;
    };
    let reopening = matches!(change, Change::SessionReopened);
    let refusal = if s.read_only {
        Some(read_only)
    } else if s.session.is_closed() && !reopening {
        Some(strings.session_closed_reopen)
    } else {
        None
    };
    if let Some(text) = refusal {
        model.flash = Some(Flash {
            text: text.to_string(),
            error: true,
        });
        return false;
    }
    s.session.record(now, change);
    touched(s, now);
    true
}
