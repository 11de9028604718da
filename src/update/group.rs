//! A group's page (issue 13, point 9): opened on a group from the home screen or its
//! timeline; the loop reads the group's sessions and records (`Effect::LoadGroup`) and hands
//! them back (`Msg::GroupLoaded`). Tab goes through the sections, Enter opens the selected
//! row in full, `t` opens the timeline, Esc goes back to the screen it came from (or closes
//! the row open in full first).

use super::Effect;
use crate::keymap::{Action, Resolved};
use crate::model::dated::{Kind, Record};
use crate::model::{Id, Session};
use crate::ui::{
    Confirm, Flash, GroupSection, GroupUi, Model, Overlay, RecordDraft, RecordForm, Screen,
};

/// Rows a page key moves by.
const PAGE: usize = 10;

fn load(model: &mut Model, group: Option<Id>) -> Vec<Effect> {
    super::load_or_say(model, group, Effect::LoadGroup)
}

/// `p` on the home screen: the selected group, or the group of the selected session.
pub fn from_home(model: &mut Model) -> Vec<Effect> {
    let group = super::home_group(model);
    load(model, group)
}

/// `p` in a group's timeline.
pub fn from_timeline(model: &mut Model) -> Vec<Effect> {
    let group = match &model.screen {
        Screen::Timeline(t) => Some(t.group.id.clone()),
        _ => None,
    };
    load(model, group)
}

/// The loop read the group: its page replaces the screen, which it keeps to go back to.
/// The same group's page read again (after a record was saved) keeps where it came from
/// and where the advisor was on it. A record's form left half typed comes back open.
pub fn loaded(
    model: &mut Model,
    sessions: Vec<Session>,
    records: Vec<Record>,
    skipped: usize,
    draft: Option<Box<RecordDraft>>,
) -> Vec<Effect> {
    if sessions.is_empty() {
        model.flash = Some(Flash {
            text: model.strings().home_group_unreadable.to_string(),
            error: true,
        });
        return Vec::new();
    }
    let screen = std::mem::replace(&mut model.screen, Screen::Home);
    let group = sessions
        .iter()
        .max_by_key(|s| (s.number, s.date))
        .map(|s| s.group.id.clone());
    let lang = model.lang;
    let mut ui = match screen {
        Screen::Group(old) if Some(&old.life.group.id) == group.as_ref() => {
            let old = *old;
            let mut ui = GroupUi::new(*old.back, &sessions, records, skipped, lang);
            ui.section = old.section;
            ui.selected = old.selected;
            ui.scroll = old.scroll;
            if old.presenting {
                ui.toggle_presenting();
            }
            ui
        }
        back => GroupUi::new(back, &sessions, records, skipped, lang),
    };
    if let Some(d) = draft {
        let (s, today) = (model.strings(), model.today);
        let life = ui.own_life();
        let saved = d.editing.as_ref().and_then(|id| {
            life.records
                .iter()
                .find(|r| r.dated().id() == id && r.dated().kind() == d.kind)
        });
        let mut form = match saved {
            Some(r) => RecordForm::edit(r, life, s, lang, today),
            // A record gone since (or a new one's draft): what was typed comes back in a
            // new record's form, so none of it is lost.
            None => RecordForm::new(d.kind, life, s, lang, today, &model.diagnosis),
        };
        form.restore(&d, life, s, today);
        ui.form = Some(form);
        ui.written = Some(*d);
        model.flash = Some(Flash {
            text: model.strings().draft_kept.to_string(),
            error: false,
        });
    }
    model.screen = Screen::Group(Box::new(ui));
    Vec::new()
}

/// A record written: the page is read again to show it, with the sentence that says where
/// when it went to a conflict copy. Not written: the form stays open with what was typed,
/// and the sentence says why and what to do.
pub fn record_saved(model: &mut Model, result: Result<Option<String>, String>) -> Vec<Effect> {
    let Screen::Group(ui) = &mut model.screen else {
        return Vec::new();
    };
    match result {
        Ok(note) => {
            if let Some(text) = note {
                model.flash = Some(Flash { text, error: true });
            }
            ui.form = None;
            ui.written = None;
            ui.section = GroupSection::Records;
            vec![Effect::LoadGroup(ui.life.group.id.clone())]
        }
        Err(text) => {
            model.flash = Some(Flash { text, error: true });
            Vec::new()
        }
    }
}

/// The draft of the record being typed, when it differs from the one last written.
pub fn autosave(model: &mut Model) -> Vec<Effect> {
    let Screen::Group(ui) = &mut model.screen else {
        return Vec::new();
    };
    let Some(form) = &ui.form else {
        return Vec::new();
    };
    if !form.changed {
        return Vec::new();
    }
    let draft = form.draft(&ui.life.group.id);
    if ui.written.as_ref() == Some(&draft) {
        return Vec::new();
    }
    ui.written = Some(draft.clone());
    vec![Effect::SaveRecordDraft(Box::new(draft))]
}

/// A key while a record's form is open: move between fields, change a choice, tick a
/// topic, save (Enter on the last field, or Ctrl-S), or leave (Esc asks first).
fn form_key(model: &mut Model, r: Resolved) -> Vec<Effect> {
    let (now, today) = (model.now, model.today);
    let Model { screen, ids, .. } = model;
    let Screen::Group(ui) = screen else {
        return Vec::new();
    };
    let Some(form) = &mut ui.form else {
        return Vec::new();
    };
    let n = form.form.fields.len();
    match r.action {
        Action::NextPane => form.form.focus = (form.form.focus + 1) % n,
        Action::PrevPane => form.form.focus = (form.form.focus + n - 1) % n,
        Action::Open if form.form.focus + 1 < n => form.form.focus += 1,
        Action::Open | Action::StartSession if form.form.validate(today) => {
            let life = if ui.presenting { &ui.other } else { &ui.life };
            let record = form.record(life, ids, now, today);
            return vec![Effect::SaveRecord(Box::new(record))];
        }
        Action::PrevChoice | Action::NextChoice => {
            if let Some(f) = form.form.focused() {
                f.cycle(if r.action == Action::PrevChoice {
                    -1
                } else {
                    1
                });
                form.changed = true;
            }
        }
        Action::Toggle => {
            if let Some(f) = form.form.focused() {
                f.toggle();
                form.changed = true;
            }
        }
        Action::Back => {
            if form.changed {
                model.overlay = Some(Overlay::Confirm(Confirm::DiscardRecordForm));
            } else {
                ui.form = None;
            }
        }
        _ => {}
    }
    Vec::new()
}

pub fn action(model: &mut Model, r: Resolved) -> Vec<Effect> {
    if matches!(&model.screen, Screen::Group(ui) if ui.form.is_some()) {
        return form_key(model, r);
    }
    let (s, lang, today) = (model.strings(), model.lang, model.today);
    let Screen::Group(ui) = &mut model.screen else {
        return Vec::new();
    };
    let new = match r.action {
        Action::NewVisit => Some(Kind::Visit),
        Action::NewActivity => Some(Kind::Activity),
        Action::NewDiagnosis => Some(Kind::Diagnosis),
        _ => None,
    };
    if r.action == Action::TogglePresenter {
        ui.toggle_presenting();
        return Vec::new();
    }
    if (new.is_some() || r.action == Action::Edit) && ui.presenting {
        model.flash = Some(Flash {
            text: s.group_page.presenting_no_form.to_string(),
            error: true,
        });
        return Vec::new();
    }
    if let Some(kind) = new {
        ui.detail = None;
        ui.form = Some(RecordForm::new(
            kind,
            &ui.life,
            s,
            lang,
            today,
            &model.diagnosis,
        ));
        return Vec::new();
    }
    if r.action == Action::Edit {
        let saved = (ui.section == GroupSection::Records)
            .then(|| ui.life.records.get(ui.selection(GroupSection::Records)))
            .flatten();
        match saved {
            Some(record) => {
                ui.form = Some(RecordForm::edit(record, &ui.life, s, lang, today));
                ui.detail = None;
            }
            None => {
                model.flash = Some(Flash {
                    text: s.group_page.nothing_to_edit.to_string(),
                    error: true,
                })
            }
        }
        return Vec::new();
    }
    // A row open in full: the moving keys scroll it, Esc closes it.
    if let Some(line) = ui.detail {
        ui.detail = match r.action {
            Action::Back | Action::Open => None,
            Action::Up => Some(line.saturating_sub(1)),
            Action::Down => Some(line.saturating_add(1)),
            Action::PageUp => Some(line.saturating_sub(PAGE as u16)),
            Action::PageDown => Some(line.saturating_add(PAGE as u16)),
            Action::First => Some(0),
            _ => Some(line),
        };
        if r.action == Action::OpenTimeline {
            return vec![Effect::LoadTimeline(ui.life.group.id.clone())];
        }
        return Vec::new();
    }
    match r.action {
        Action::Back => {
            let back = std::mem::replace(&mut ui.back, Box::new(Screen::Home));
            model.screen = *back;
        }
        Action::NextPane | Action::PrevPane => {
            ui.section = ui.section.step(r.action == Action::PrevPane);
        }
        Action::Open => {
            if ui.rows(ui.section) > 0 {
                ui.detail = Some(0);
            }
        }
        Action::OpenTimeline => return vec![Effect::LoadTimeline(ui.life.group.id.clone())],
        a => {
            let len = ui.rows(ui.section);
            let last = len.saturating_sub(1);
            let sel = ui.selection(ui.section);
            let next = match a {
                Action::Up => sel.saturating_sub(1),
                Action::Down => (sel + 1).min(last),
                Action::PageUp => sel.saturating_sub(PAGE),
                Action::PageDown => (sel + PAGE).min(last),
                Action::First => 0,
                Action::Last => last,
                _ => sel,
            };
            ui.selected.insert(ui.section, next);
        }
    }
    Vec::new()
}

/// After every key: a visit's review fields follow the member chosen in its form.
pub fn follow_member(model: &mut Model) {
    let (s, today) = (model.strings(), model.today);
    if let Screen::Group(ui) = &mut model.screen
        && let Some(form) = &mut ui.form
    {
        let life = if ui.presenting { &ui.other } else { &ui.life };
        form.follow_member(life, s, today);
    }
}
