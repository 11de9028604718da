//! The yes/no confirmation overlay: its keys, and what each confirmed question does
//! (deleting, closing or reopening the session, discarding a form, quitting).
//!
//! Separate from the editor and the pickers: a confirmation is its own overlay, and what it
//! does reaches across the setup, the session and the home screen.

use super::commit::delete_change;
use crate::keymap::{Action, Resolved};
use crate::model::Change;
use crate::ui::{Confirm, Flash, Model, Screen};
use crate::update::journal::{record, touched};
use crate::update::open::park_editor;
use crate::update::{Effect, plan, setup};
use crate::update::{phases, saving};

pub fn confirm_key(model: &mut Model, r: Option<Resolved>, c: Confirm) -> Vec<Effect> {
    match r.map(|r| r.action) {
        Some(Action::Yes) => {
            model.overlay = None;
            confirmed(model, c)
        }
        Some(Action::No) | Some(Action::Back) => {
            model.overlay = None;
            model.quitting = false;
            Vec::new()
        }
        Some(Action::ForceQuit) if c == Confirm::QuitUnsaved => vec![Effect::Quit],
        _ => Vec::new(),
    }
}

fn confirmed(model: &mut Model, c: Confirm) -> Vec<Effect> {
    match c {
        Confirm::Delete(pane, id) => {
            let change = model
                .session()
                .and_then(|s| delete_change(&s.session, pane, id));
            if let Some(change) = change {
                record(model, change);
            }
            Vec::new()
        }
        Confirm::DeleteMember(id) => {
            setup::delete_member(model, &id);
            Vec::new()
        }
        Confirm::CloseSession => {
            if let Some(s) = model.session_mut() {
                park_editor(s);
            }
            // The meeting is over: a running timer stops with it, or it would count on unseen.
            let running = model.session().and_then(|s| {
                let phase = s.session.current_phase;
                s.session.timer(phase).is_running().then_some(phase)
            });
            if let Some(phase) = running {
                phases::pause_timer(model, phase);
            }
            if record(model, Change::SessionClosed) {
                model.flash = Some(Flash {
                    text: model.strings().session_closed_done.to_string(),
                    error: false,
                });
            }
            saving::flush(model)
        }
        Confirm::ReopenSession => {
            record(model, Change::SessionReopened);
            saving::flush(model)
        }
        Confirm::DiscardSetup => {
            if model.quitting {
                return vec![Effect::ClearSetupDraft, Effect::Quit];
            }
            let mut effects = vec![Effect::ClearSetupDraft];
            effects.extend(crate::update::go_home(model));
            effects
        }
        Confirm::QuitUnsaved => vec![Effect::Quit],
        Confirm::DiscardRecordForm => {
            if let Screen::Group(ui) = &mut model.screen {
                ui.form = None;
                ui.written = None;
            }
            vec![Effect::ClearRecordDraft]
        }
        Confirm::DiscardMemberForm => {
            if let Screen::Setup(setup) = &mut model.screen {
                setup.member_form = None;
            }
            Vec::new()
        }
        Confirm::MemberLeaves(_)
        | Confirm::WithdrawRule(_)
        | Confirm::EndTerm(_)
        | Confirm::RemoveObjective(_)
        | Confirm::RemovePlanned(_)
        | Confirm::DiscardLifeForm => {
            crate::update::life::confirmed(model, c);
            Vec::new()
        }
        Confirm::DiscardActionForm => {
            if let Some(s) = model.session_mut()
                && let Some(af) = s.action_form.take()
            {
                let prefix = plan::action_draft_prefix(af.editing.as_ref());
                s.session.drafts.retain(|k, _| !k.starts_with(&prefix));
                let now = model.now;
                if let Some(s) = model.session_mut() {
                    touched(s, now);
                }
            }
            Vec::new()
        }
    }
}
