//! An action of the plan or an idea of the solution search linked to one of the group's
//! joint projects (`P`), or unlinked; and the choices of the pickers of the group's life (a
//! project's status, the project an action or idea serves).

use super::record;
use crate::i18n::fill;
use crate::keymap::{Action, Ctx, key_label};
use crate::model::life::GroupChange;
use crate::model::{Change, Id};
use crate::ui::{DecisionRow, Flash, Model, Pane, PickFor, PickValue};
use crate::update::Effect;
use crate::update::open::show_picker;

/// `P` on an action or an idea: the joint project it serves, chosen among the group's.
pub fn link_project(model: &mut Model, pane: Pane) {
    let st = model.strings();
    let Some(s) = model.session() else { return };
    let Some(id) = s.selected_id(pane) else {
        return;
    };
    let ses = &s.session;
    let (purpose, current) = match pane {
        Pane::Actions => (
            PickFor::ActionProject,
            ses.plan
                .actions
                .iter()
                .find(|a| a.id == id)
                .map(|a| a.project.clone()),
        ),
        Pane::Ideas => (
            PickFor::IdeaProject,
            ses.solutions
                .ideas
                .iter()
                .find(|i| i.id == id)
                .map(|i| i.project.clone()),
        ),
        _ => return,
    };
    if ses.group.projects.is_empty() {
        let key = key_label(Ctx::Facilitate, Action::OpenDecisions);
        let text = fill(st.decisions.no_project_yet, &[&key]);
        model.flash = Some(Flash { text, error: false });
        return;
    }
    let mut options = vec![(st.decisions.no_project.to_string(), PickValue::Item(None))];
    for p in &ses.group.projects {
        let label = format!("{} — {}", p.title, p.status.label(st.life));
        options.push((label, PickValue::Item(Some(p.id.clone()))));
    }
    let current = current.map(PickValue::Item);
    show_picker(model, purpose, options, current.as_ref());
}

/// What a picker of the group's life chose.
pub fn picked(model: &mut Model, purpose: PickFor, value: PickValue) -> Vec<Effect> {
    let st = model.strings();
    let Some(s) = model.session() else {
        return Vec::new();
    };
    let ses = &s.session;
    let project_title = |p: &Option<Id>| {
        (ses.group.projects.iter())
            .find(|x| Some(&x.id) == p.as_ref())
            .map(|x| x.title.clone())
    };
    match (purpose, value) {
        (PickFor::ProjectStatus, PickValue::ProjectStatus(status)) => {
            let Some(DecisionRow::Project(id) | DecisionRow::Milestone(id, _)) =
                s.decisions.as_ref().and_then(|d| d.selected_row(ses))
            else {
                return Vec::new();
            };
            record(
                model,
                Change::Group(GroupChange::ProjectStatusSet { id, status }),
            );
        }
        (PickFor::ActionProject | PickFor::IdeaProject, PickValue::Item(project)) => {
            let pane = if purpose == PickFor::ActionProject {
                Pane::Actions
            } else {
                Pane::Ideas
            };
            let Some(id) = s.selected_id(pane) else {
                return Vec::new();
            };
            let what = match pane {
                Pane::Actions => ses
                    .plan
                    .actions
                    .iter()
                    .find(|a| a.id == id)
                    .map(|a| a.what.clone()),
                _ => ses
                    .solutions
                    .ideas
                    .iter()
                    .find(|i| i.id == id)
                    .map(|i| i.text.clone()),
            };
            let what = crate::layout::text::one_line(&what.unwrap_or_default());
            let text = match project_title(&project) {
                Some(title) => fill(st.life.replay_linked, &[&what, &title]),
                None => fill(st.life.replay_unlinked, &[&what]),
            };
            let change = match pane {
                Pane::Actions => Change::ActionProjectSet { id, project },
                _ => Change::IdeaProjectSet { id, project },
            };
            if record(model, change) {
                model.flash = Some(Flash { text, error: false });
            }
        }
        _ => {}
    }
    Vec::new()
}
