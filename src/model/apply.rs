//! What a [`Change`] does to a session: [`Session::record`] applies it and appends it to the
//! history, and replay applies the history again (the data of a change is `change.rs`).

use super::Id;
use super::change::{Change, ItemList, TextField};
use super::records::*;
use super::session::{Event, Session, SessionState};

impl Session {
    /// Applies a change and appends it to the history. The one way a session changes.
    pub fn record(&mut self, at: Timestamp, change: Change) {
        self.apply(&change, at);
        self.history.push(Event { at, change });
    }

    /// Applies a change to the session's data. Changes naming an unknown id do nothing: a
    /// history is replayed as it was written, even after hand edits of the file.
    /// A change that does not fit the session (a phase it does not have, a number out of
    /// its range: see `bounds.rs`) is not applied either.
    pub fn apply(&mut self, change: &Change, at: Timestamp) {
        if change.misfit(self.method.phases.len()).is_some() {
            return;
        }
        match change {
            Change::PhaseEntered { phase } => {
                if *phase < self.method.phases.len() {
                    self.current_phase = *phase;
                }
            }
            Change::TimerStarted { phase } => self.timer_mut(*phase).start(at),
            Change::TimerPaused {
                phase,
                elapsed_secs,
            } => {
                let t = self.timer_mut(*phase);
                t.running_since = None;
                t.elapsed_secs = *elapsed_secs;
            }
            Change::PlannedChanged {
                phase,
                planned_secs,
            } => self.timer_mut(*phase).planned_secs = *planned_secs,
            Change::TextSet { field, text } => *self.text_mut(*field) = text.clone(),
            Change::ItemAdded { list, item } => self.items_mut(*list).push(item.clone()),
            Change::ItemEdited { list, id, text } => edit(
                self.items_mut(*list),
                id,
                |i| &i.id,
                |i| i.text = text.clone(),
            ),
            Change::ItemDeleted { list, id } => self.items_mut(*list).retain(|i| &i.id != id),
            Change::AttendanceSet { member, attendance } => {
                self.checkin.attendance.insert(member.clone(), *attendance);
            }
            Change::MemberAdded { member } => {
                self.checkin
                    .attendance
                    .insert(member.id.clone(), Attendance::Present);
                self.group.members.push(member.clone());
            }
            Change::MemberEdited { member } => {
                let m = member.clone();
                edit(
                    &mut self.group.members,
                    &member.id,
                    |m| &m.id,
                    |old| *old = m,
                )
            }
            Change::ReviewStatusSet { action, status } => edit(
                &mut self.followup.reviews,
                action,
                |r| &r.action.id,
                |r| r.status = *status,
            ),
            Change::ReviewCommented { action, comment } => edit(
                &mut self.followup.reviews,
                action,
                |r| &r.action.id,
                |r| r.comment = comment.clone(),
            ),
            Change::CardAdded { card } => self.needs.cards.push(card.clone()),
            Change::CardEdited { id, text } => edit(
                &mut self.needs.cards,
                id,
                |c| &c.id,
                |c| c.text = text.clone(),
            ),
            Change::CardAuthorSet { id, author } => edit(
                &mut self.needs.cards,
                id,
                |c| &c.id,
                |c| c.author = author.clone(),
            ),
            Change::CardDeleted { id } => {
                self.needs.cards.retain(|c| &c.id != id);
                if self.needs.priority.as_ref() == Some(id) {
                    self.needs.priority = None;
                }
            }
            Change::CardMoved { id, theme } => edit(
                &mut self.needs.cards,
                id,
                |c| &c.id,
                |c| c.theme = theme.clone(),
            ),
            Change::ThemeAdded { theme } => self.needs.themes.push(theme.clone()),
            Change::ThemeRenamed { id, title } => edit(
                &mut self.needs.themes,
                id,
                |t| &t.id,
                |t| t.title = title.clone(),
            ),
            Change::ThemeCategorySet { id, category } => edit(
                &mut self.needs.themes,
                id,
                |t| &t.id,
                |t| t.category = category.clone(),
            ),
            Change::ThemesMerged { from, into } => {
                for c in &mut self.needs.cards {
                    if c.theme.as_ref() == Some(from) {
                        c.theme = Some(into.clone());
                    }
                }
                if let Some(dots) = self.needs.dots.remove(from) {
                    let target = self.needs.dots.entry(into.clone()).or_default();
                    for (member, n) in dots {
                        let sum = target.entry(member).or_default();
                        *sum = sum.saturating_add(n);
                    }
                }
                if let Some(n) = self.needs.tally.remove(from) {
                    let sum = self.needs.tally.entry(into.clone()).or_default();
                    *sum = sum.saturating_add(n);
                }
                if self.needs.priority.as_ref() == Some(from) {
                    self.needs.priority = Some(into.clone());
                }
                self.needs.themes.retain(|t| &t.id != from);
            }
            Change::ThemeDeleted { id } => {
                for c in &mut self.needs.cards {
                    if c.theme.as_ref() == Some(id) {
                        c.theme = None;
                    }
                }
                self.needs.dots.remove(id);
                self.needs.tally.remove(id);
                if self.needs.priority.as_ref() == Some(id) {
                    self.needs.priority = None;
                }
                self.needs.themes.retain(|t| &t.id != id);
            }
            Change::DotBudgetSet { budget } => self.needs.dot_budget = *budget,
            Change::VoteModeSet { mode } => self.needs.vote_mode = *mode,
            Change::DotsSet {
                theme,
                member,
                dots,
            } => {
                let per_member = self.needs.dots.entry(theme.clone()).or_default();
                if *dots == 0 {
                    per_member.remove(member);
                } else {
                    per_member.insert(member.clone(), *dots);
                }
            }
            Change::TallySet { theme, count } => {
                self.needs.tally.insert(theme.clone(), *count);
            }
            Change::PrioritySet { id } => self.needs.priority = id.clone(),
            Change::BacklogTakenUp { item, theme } => {
                self.needs.backlog.retain(|b| &b.id != item);
                self.needs.themes.push(theme.clone());
            }
            Change::BacklogDropped { item } => self.needs.backlog.retain(|b| &b.id != item),
            Change::CauseAdded { cause } => self.problem.causes.push(cause.clone()),
            Change::CauseEdited { id, text } => edit(
                &mut self.problem.causes,
                id,
                |c| &c.id,
                |c| c.text = text.clone(),
            ),
            Change::CauseMoved { id, parent } => {
                // Never under itself or one of its own sub-causes: that would make a cycle.
                let subtree = self.problem.subtree(id);
                if parent.as_ref().is_none_or(|p| !subtree.contains(p)) {
                    edit(
                        &mut self.problem.causes,
                        id,
                        |c| &c.id,
                        |c| c.parent = parent.clone(),
                    )
                }
            }
            Change::CauseCategorySet { id, category } => edit(
                &mut self.problem.causes,
                id,
                |c| &c.id,
                |c| c.category = category.clone(),
            ),
            Change::CauseRootSet { id, root } => {
                edit(&mut self.problem.causes, id, |c| &c.id, |c| c.root = *root)
            }
            Change::CauseDeleted { id } => {
                let gone = self.problem.subtree(id);
                self.problem.causes.retain(|c| !gone.contains(&c.id));
                for idea in &mut self.solutions.ideas {
                    if idea.cause.as_ref().is_some_and(|c| gone.contains(c)) {
                        idea.cause = None;
                    }
                }
            }
            Change::ConcernedSet { member, concerned } => {
                self.problem.concerned.retain(|m| m != member);
                if *concerned {
                    self.problem.concerned.push(member.clone());
                }
            }
            Change::IdeaAdded { idea } => self.solutions.ideas.push(idea.clone()),
            Change::IdeaEdited { id, text } => edit(
                &mut self.solutions.ideas,
                id,
                |i| &i.id,
                |i| i.text = text.clone(),
            ),
            Change::IdeaProposerSet { id, proposer } => edit(
                &mut self.solutions.ideas,
                id,
                |i| &i.id,
                |i| i.proposer = proposer.clone(),
            ),
            Change::IdeaCauseSet { id, cause } => edit(
                &mut self.solutions.ideas,
                id,
                |i| &i.id,
                |i| i.cause = cause.clone(),
            ),
            Change::IdeaKindSet { id, kind } => {
                edit(&mut self.solutions.ideas, id, |i| &i.id, |i| i.kind = *kind)
            }
            Change::IdeaRated { id, impact, effort } => edit(
                &mut self.solutions.ideas,
                id,
                |i| &i.id,
                |i| {
                    i.impact = *impact;
                    i.effort = *effort;
                },
            ),
            Change::IdeaChosen { id, chosen } => edit(
                &mut self.solutions.ideas,
                id,
                |i| &i.id,
                |i| i.chosen = *chosen,
            ),
            Change::IdeaDeleted { id } => {
                self.solutions.ideas.retain(|i| &i.id != id);
                for a in &mut self.plan.actions {
                    if a.idea.as_ref() == Some(id) {
                        a.idea = None;
                    }
                }
            }
            Change::ActionAdded { action } => self.plan.actions.push(action.clone()),
            Change::ActionEdited { action } => {
                let a = action.clone();
                edit(
                    &mut self.plan.actions,
                    &action.id,
                    |a| &a.id,
                    |old| *old = a,
                )
            }
            Change::ActionDeleted { id } => self.plan.actions.retain(|a| &a.id != id),
            Change::CommitmentSet { member, text } => {
                if text.is_empty() {
                    self.closing.commitments.remove(member);
                } else {
                    self.closing
                        .commitments
                        .insert(member.clone(), text.clone());
                }
            }
            Change::UsefulnessSet { member, score } => match score {
                Some(s) => {
                    self.closing.usefulness.insert(member.clone(), *s);
                }
                None => {
                    self.closing.usefulness.remove(member);
                }
            },
            Change::NextDateSet { date } => self.closing.next.date = *date,
            Change::SessionClosed => {
                self.state = SessionState::Closed;
                self.closed = Some(at);
            }
            Change::SessionReopened => self.state = SessionState::InProgress,
            Change::Group(change) => {
                // A member who left before this meeting was no member at it: not counted
                // among those present, absent or excused (the group keeps them, as left).
                if let crate::model::life::GroupChange::MemberLeft { member, date, .. } = change
                    && *date < self.date
                {
                    self.checkin.attendance.remove(member);
                }
                self.group.apply(change)
            }
            Change::ActionProjectSet { id, project } => edit(
                &mut self.plan.actions,
                id,
                |a| &a.id,
                |a| a.project = project.clone(),
            ),
            Change::IdeaProjectSet { id, project } => edit(
                &mut self.solutions.ideas,
                id,
                |i| &i.id,
                |i| i.project = project.clone(),
            ),
        }
    }

    pub fn text(&self, field: TextField) -> &str {
        match field {
            TextField::Objective => &self.checkin.objective,
            TextField::Remarks => &self.checkin.remarks,
            TextField::ProblemStatement => &self.problem.statement,
            TextField::ClosingComments => &self.closing.comments,
            TextField::NextPlace => &self.closing.next.place,
            TextField::NextTopic => &self.closing.next.topic,
            TextField::PrivateNotes => &self.closing.private_notes,
        }
    }

    /// The text of a field, to change it (a change applied, a replay undoing it).
    pub(crate) fn text_mut(&mut self, field: TextField) -> &mut String {
        match field {
            TextField::Objective => &mut self.checkin.objective,
            TextField::Remarks => &mut self.checkin.remarks,
            TextField::ProblemStatement => &mut self.problem.statement,
            TextField::ClosingComments => &mut self.closing.comments,
            TextField::NextPlace => &mut self.closing.next.place,
            TextField::NextTopic => &mut self.closing.next.topic,
            TextField::PrivateNotes => &mut self.closing.private_notes,
        }
    }

    pub fn items(&self, list: ItemList) -> &[Item] {
        match list {
            ItemList::Guests => &self.checkin.guests,
            ItemList::Effects => &self.problem.effects,
        }
    }

    /// The items of a list, to change them (a change applied, a replay undoing it).
    pub(crate) fn items_mut(&mut self, list: ItemList) -> &mut Vec<Item> {
        match list {
            ItemList::Guests => &mut self.checkin.guests,
            ItemList::Effects => &mut self.problem.effects,
        }
    }
}

fn edit<T>(items: &mut [T], id: &Id, key: impl Fn(&T) -> &Id, f: impl FnOnce(&mut T)) {
    if let Some(item) = items.iter_mut().find(|i| key(i) == id) {
        f(item);
    }
}
