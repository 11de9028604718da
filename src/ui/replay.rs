//! The replay screen's state: the replay itself (see `crate::replay`), the session as it
//! stood at the current step wrapped the way the session screen draws it, and autoplay.
//! Nothing here is ever written to a file: replay is read-only.

use super::{Pane, Screen, SessionUi};
use crate::i18n::Lang;
use crate::method::PhaseKind;
use crate::model::life::GroupChange;
use crate::model::{Change, Id, ItemList, Session, TextField};
use crate::replay::Replay;
use chrono::{DateTime, Utc};
use std::path::PathBuf;
use strum::VariantArray;

pub struct ReplayUi {
    pub replay: Replay,
    /// The state at the current step as the session screen draws it: read-only, the
    /// private notes left out, the item of the latest event selected.
    pub view: SessionUi,
    /// The screen replay was opened from, to go back to as it was; none when atelier was
    /// started as `atelier replay`: then going back quits.
    pub back: Option<Box<Screen>>,
    /// Autoplay: one event a second, on `Msg::Tick`.
    pub playing: bool,
    /// When autoplay last moved on (the tick's time, never a clock read here).
    pub last_step: Option<DateTime<Utc>>,
    /// The purpose and questions beside the step, hidden with `i`.
    pub panel_hidden: bool,
    /// For the words standing in for the private notes.
    pub lang: Lang,
    /// The session as saved, real names and all: the replay is rebuilt from it when the
    /// pseudonyms are turned on or off.
    saved: Session,
    /// Names shown as the exports' pseudonyms (`--anonymize`, `p`): for teaching a class
    /// from a real session.
    pub pseudonyms: bool,
}

impl ReplayUi {
    pub fn new(saved: &Session, path: PathBuf, back: Option<Box<Screen>>, lang: Lang) -> ReplayUi {
        let replay = Replay::new(saved);
        let view = SessionUi::new(replay.start().clone(), path, true);
        let mut ui = ReplayUi {
            replay,
            view,
            back,
            playing: false,
            last_step: None,
            panel_hidden: false,
            lang,
            saved: saved.clone(),
            pseudonyms: false,
        };
        ui.refresh();
        ui
    }

    /// Shows the pseudonyms of the exports in place of the real names (in the states, the
    /// events' sentences and the header), or the real names again; at the same step.
    pub fn set_pseudonyms(&mut self, on: bool) {
        if on == self.pseudonyms {
            return;
        }
        let pos = self.replay.position();
        let mut session = self.saved.clone();
        if on {
            crate::export::anonymize_with_history(&mut session, self.lang);
        }
        self.replay = Replay::new(&session);
        self.replay.go_to(pos);
        self.pseudonyms = on;
        self.refresh();
    }

    /// Redraws the state at the replay's position into `view`, after any move.
    pub fn refresh(&mut self) {
        let mut s = self.replay.state().clone();
        // Replay is for showing a class: the advisor's private notes never appear; a
        // sentence says there are some, rather than an empty box that would say there are
        // none.
        if !s.closing.private_notes.is_empty() {
            s.closing.private_notes = self.lang.strings().replay.private_hidden.to_string();
        }
        // Nor the phones typed into free texts, as in every output for others; the check-in
        // remarks, which the minutes leave out, are on the check-in screen: theirs too.
        crate::privacy::mask_session_phones(&mut s, self.lang);
        let hidden = self.lang.strings().export.phone_hidden;
        s.checkin.remarks = crate::privacy::mask_phones(&s.checkin.remarks, hidden);
        self.view.session = s;
        self.view.selected.clear();
        self.view.focus.clear();
        self.view.panel_hidden = self.panel_hidden;
        self.view.attendance_pending = self.replay.attendance_pending();
        let Some((_, event)) = self.replay.latest() else {
            return;
        };
        let Some((pane, id)) = touched(&event.change) else {
            return;
        };
        // The phase whose content the event changed is the one drawn, even when the advisor
        // typed it from another (a correction made from the closing phase): what changed
        // is what the class should see. Normally it is the phase the session was in.
        let owner = PhaseKind::VARIANTS
            .iter()
            .copied()
            .find(|k| Pane::for_phase(*k).contains(&pane))
            .and_then(|k| self.view.session.method.index_of(k));
        if let Some(phase) = owner {
            self.view.session.current_phase = phase;
        }
        let kind = self.view.phase();
        if let Some(i) = Pane::for_phase(kind).iter().position(|p| *p == pane) {
            self.view.focus.insert(kind, i);
            if let Some(id) = id {
                self.view.select_id(pane, &id);
            }
        }
    }
}

/// The pane and row an event changed, to show it selected (when it is on screen).
fn touched(change: &Change) -> Option<(Pane, Option<Id>)> {
    let item = |pane, id: &Id| Some((pane, Some(id.clone())));
    match change {
        // The private notes' pane is not put forward: they are not shown.
        Change::TextSet {
            field: TextField::PrivateNotes,
            ..
        } => None,
        Change::TextSet { field, .. } => Some((Pane::for_text(*field), None)),
        Change::ItemAdded { list, item: i } => item(list_pane(*list), &i.id),
        Change::ItemEdited { list, id, .. } => item(list_pane(*list), id),
        Change::ItemDeleted { list, .. } => Some((list_pane(*list), None)),
        Change::AttendanceSet { member, .. } => item(Pane::Attendance, member),
        Change::MemberAdded { member } => item(Pane::Attendance, &member.id),
        Change::ReviewStatusSet { action, .. } | Change::ReviewCommented { action, .. } => {
            item(Pane::Reviews, action)
        }
        Change::CardAdded { card } => item(Pane::Cards, &card.id),
        Change::CardEdited { id, .. } | Change::CardAuthorSet { id, .. } => item(Pane::Cards, id),
        Change::CardDeleted { .. } => Some((Pane::Cards, None)),
        Change::CardMoved { theme: Some(t), .. } => item(Pane::Themes, t),
        Change::CardMoved { id, theme: None } => item(Pane::Cards, id),
        Change::ThemeAdded { theme } | Change::BacklogTakenUp { theme, .. } => {
            item(Pane::Themes, &theme.id)
        }
        Change::ThemeRenamed { id, .. } | Change::ThemeCategorySet { id, .. } => {
            item(Pane::Themes, id)
        }
        Change::ThemesMerged { into, .. } => item(Pane::Themes, into),
        Change::ThemeDeleted { .. } | Change::BacklogDropped { .. } => Some((Pane::Themes, None)),
        Change::DotsSet { theme, .. } | Change::TallySet { theme, .. } => item(Pane::Votes, theme),
        Change::DotBudgetSet { .. } | Change::VoteModeSet { .. } => Some((Pane::Votes, None)),
        Change::PrioritySet { .. } => Some((Pane::Votes, None)),
        Change::CauseAdded { cause } => item(Pane::Causes, &cause.id),
        Change::CauseEdited { id, .. }
        | Change::CauseMoved { id, .. }
        | Change::CauseCategorySet { id, .. }
        | Change::CauseRootSet { id, .. } => item(Pane::Causes, id),
        Change::CauseDeleted { .. } => Some((Pane::Causes, None)),
        Change::ConcernedSet { member, .. } => item(Pane::Concerned, member),
        Change::IdeaAdded { idea } => item(Pane::Ideas, &idea.id),
        Change::IdeaEdited { id, .. }
        | Change::IdeaProposerSet { id, .. }
        | Change::IdeaCauseSet { id, .. }
        | Change::IdeaKindSet { id, .. }
        | Change::IdeaRated { id, .. }
        | Change::IdeaChosen { id, .. } => item(Pane::Ideas, id),
        Change::IdeaDeleted { .. } => Some((Pane::Ideas, None)),
        Change::ActionAdded { action } | Change::ActionEdited { action } => {
            item(Pane::Actions, &action.id)
        }
        Change::ActionDeleted { .. } => Some((Pane::Actions, None)),
        Change::CommitmentSet { member, .. } | Change::UsefulnessSet { member, .. } => {
            item(Pane::ClosingMembers, member)
        }
        Change::NextDateSet { .. } => Some((Pane::NextDate, None)),
        Change::Group(GroupChange::MemberLeft { member, .. }) => item(Pane::Attendance, member),
        Change::Group(GroupChange::PlannedActivityReviewed { id, .. }) => {
            item(Pane::PlanReview, id)
        }
        Change::ActionProjectSet { id, .. } => item(Pane::Actions, id),
        Change::IdeaProjectSet { id, .. } => item(Pane::Ideas, id),
        _ => None,
    }
}

fn list_pane(list: ItemList) -> Pane {
    match list {
        ItemList::Guests => Pane::Guests,
        ItemList::Effects => Pane::Effects,
    }
}
