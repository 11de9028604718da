//! Which parts of the key table apply right now, most specific first. The same list drives
//! key lookup, the footer and the help overlay.

use super::{
    DecisionSection, FieldKind, Form, GroupSection, Model, Overlay, Screen, SetupFocus,
    TimelinePane,
};
use crate::keymap::Ctx;
use crate::method::PhaseKind;

pub fn active_contexts(model: &Model) -> Vec<Ctx> {
    match &model.overlay {
        Some(Overlay::Help { .. }) => vec![Ctx::Help, Ctx::Global],
        Some(Overlay::Confirm(_)) => vec![Ctx::Confirm, Ctx::Global],
        Some(Overlay::Picker(_)) => vec![Ctx::Picker, Ctx::Global],
        None => screen_contexts(model),
    }
}

/// The contexts of the screen itself, as if no popup were open (what the help describes).
pub fn screen_contexts(model: &Model) -> Vec<Ctx> {
    match &model.screen {
        Screen::Home => vec![Ctx::Home, Ctx::Navigation, Ctx::Global],
        Screen::Review(b) if b.view.is_some() => {
            let resumable = b
                .view
                .as_ref()
                .is_some_and(|v| v.session.state == crate::model::SessionState::InProgress);
            let mut v = Vec::with_capacity(4);
            if resumable {
                v.push(Ctx::Resumable);
            }
            // Not `Navigation`: its Tab (next pane) does nothing here.
            v.extend([Ctx::SessionView, Ctx::Global]);
            v
        }
        Screen::Review(_) => vec![Ctx::Review, Ctx::Global],
        Screen::Replay(_) => vec![Ctx::Replay, Ctx::Global],
        // Not `Navigation`: its Tab (next pane) is the grouping here.
        Screen::Programme(_) => vec![Ctx::Programme, Ctx::Global],
        Screen::Group(ui) => match &ui.form {
            Some(f) => form_contexts(&f.form, None),
            // Projected, the page takes no record: its keys for them are not offered.
            None if ui.presenting => vec![Ctx::GroupPage, Ctx::Navigation, Ctx::Global],
            None => {
                let mut v = vec![Ctx::GroupRecords];
                if ui.section == GroupSection::Records && ui.rows(GroupSection::Records) > 0 {
                    v.push(Ctx::GroupRecord);
                }
                v.extend([Ctx::GroupPage, Ctx::Navigation, Ctx::Global]);
                v
            }
        },
        Screen::Timeline(ui) => {
            let pane = match ui.pane {
                TimelinePane::Attendance => Some(Ctx::TimelineGrid),
                TimelinePane::Actions => Some(Ctx::TimelineActions),
                TimelinePane::Needs => None,
            };
            let mut v: Vec<Ctx> = pane.into_iter().collect();
            v.extend([Ctx::Timeline, Ctx::Navigation, Ctx::Global]);
            v
        }
        Screen::Setup(setup) => {
            if let Some(lf) = &setup.leave_form {
                form_contexts(&lf.form, None)
            } else if let Some(mf) = &setup.member_form {
                form_contexts(&mf.form, None)
            } else if setup.focus == SetupFocus::Members {
                vec![Ctx::SetupMembers, Ctx::Navigation, Ctx::Global]
            } else {
                form_contexts(&setup.form, Some(Ctx::SetupForm))
            }
        }
        // `atelier follow`: a projection, whatever the session's panes would offer.
        Screen::Session(_) if model.follow.is_some() => {
            vec![Ctx::Follow, Ctx::Navigation, Ctx::Global]
        }
        Screen::Session(s) => {
            if let Some(af) = &s.action_form {
                return form_contexts(&af.form, None);
            }
            if let Some(lf) = &s.life_form {
                return form_contexts(&lf.form, None);
            }
            if let Some(ed) = &s.editor {
                // Alt-Enter: a new line where the field has several (first, so that the
                // footer offers it), Enter's twin where not (after Enter, which it shows).
                let mut v = if ed.target.multiline() {
                    vec![Ctx::MultiLine, Ctx::Editor, Ctx::TextField, Ctx::Global]
                } else {
                    vec![Ctx::Editor, Ctx::OneLine, Ctx::TextField, Ctx::Global]
                };
                // F2 (the author) where the field has one: a card or an idea.
                if ed.target.has_author() {
                    v.insert(1, Ctx::Authored);
                }
                return v;
            }
            if let Some(d) = &s.decisions {
                let section = match d.section {
                    DecisionSection::Roles => Ctx::DecisionRoles,
                    DecisionSection::Rules => Ctx::DecisionRules,
                    DecisionSection::Plan => Ctx::DecisionPlan,
                    DecisionSection::Projects => Ctx::DecisionProjects,
                };
                return vec![section, Ctx::Decisions, Ctx::Navigation, Ctx::Global];
            }
            let mut v = Vec::with_capacity(6);
            v.extend(s.pane().ctx());
            if s.phase() == PhaseKind::Closing {
                v.push(Ctx::Closing);
            }
            v.extend([Ctx::Facilitate, Ctx::Navigation, Ctx::Global]);
            v
        }
    }
}

/// A form's contexts for its focused field, with the form's own (`own`) after the fields'.
fn form_contexts(form: &Form, own: Option<Ctx>) -> Vec<Ctx> {
    let mut v = match form.focused_field().map(|f| &f.kind) {
        Some(FieldKind::Multi(_)) => vec![Ctx::FormMulti, Ctx::FormChoice, Ctx::FormField],
        Some(FieldKind::Choice(_)) => vec![Ctx::FormChoice, Ctx::FormField],
        _ => vec![Ctx::FormField, Ctx::TextField],
    };
    v.extend(own);
    v.push(Ctx::Global);
    v
}
