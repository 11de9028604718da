//! The popup of a form of the group's life (a member joining or leaving, a role, a rule,
//! the work plan, a project), over the check-in or the decisions, the advisor's screen and
//! the presenter view alike.

use crate::i18n::{Strings, fill};
use crate::model::Session;
use crate::ui::{LifeKind, Model, SessionUi};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// The title of a form of the group's life.
pub fn form_title(s: &Strings, ses: &Session, kind: &LifeKind) -> String {
    let d = s.decisions;
    match kind {
        LifeKind::NewMember => s.member_add.to_string(),
        LifeKind::Leave(id) => fill(d.form_leave, &[&ses.group.member_name(id)]),
        LifeKind::Elect => d.form_elect.to_string(),
        LifeKind::Rule(None) => d.form_rule_new.to_string(),
        LifeKind::Rule(Some(_)) => d.form_rule_amend.to_string(),
        LifeKind::Objective(None) => d.form_objective.to_string(),
        LifeKind::Objective(Some(_)) => d.form_objective_edit.to_string(),
        LifeKind::Activity(None) => d.form_activity_new.to_string(),
        LifeKind::Activity(Some(_)) => d.form_activity_edit.to_string(),
        LifeKind::Project(None) => d.form_project_new.to_string(),
        LifeKind::Project(Some(_)) => d.form_project_edit.to_string(),
        LifeKind::Milestone(p) => {
            let title = (ses.group.projects.iter())
                .find(|x| &x.id == p)
                .map_or("", |x| x.title.as_str());
            fill(d.form_milestone, &[&title])
        }
        LifeKind::EditMilestone(m) => {
            let title = (ses.group.projects.iter())
                .find(|x| x.milestones.iter().any(|k| &k.id == m))
                .map_or("", |x| x.title.as_str());
            fill(d.form_milestone_edit, &[&title])
        }
    }
}

/// The form of the group's life being filled, in a popup over the screen. `room`: the
/// presenter view, which leaves out a member's phone (personal data, never projected).
pub(crate) fn life_form(model: &Model, ui: &SessionUi, area: Rect, buf: &mut Buffer, room: bool) {
    let Some(lf) = &ui.life_form else { return };
    let s = model.strings();
    let title = form_title(s, &ui.session, &lf.kind);
    let mut form = lf.form.clone();
    if room {
        let focused = form.fields.get(form.focus).map(|f| f.id);
        form.fields.retain(|f| f.id != crate::ui::FieldId::Phone);
        form.focus = (form.fields.iter())
            .position(|f| Some(f.id) == focused)
            .unwrap_or(form.fields.len());
    }
    super::super::setup::form_popup(model, &form, &title, area, buf);
}
