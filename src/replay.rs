//! Replay: a saved session stepped through as it happened, from its history. Pure: it
//! rebuilds the session as it was created, then applies the recorded events one by one with
//! [`Session::apply`], the same function that applied them the first time.
//!
//! Positions go from 0 (the session as created, before any event) to `n` (every event
//! applied). The phase at a position is the session's `current_phase` there: entering a
//! phase is itself an event (`Change::PhaseEntered`), so phases come from the history, not
//! from guessing by the kind of change. A snapshot of the state is kept every
//! [`SNAPSHOT_EVERY`] events, so any position is at most that many `apply` calls away.

mod describe;
mod life;

use crate::i18n::{Lang, fill};
use crate::method::PhaseKind;
use crate::model::{Change, Event, Group, Id, ItemList, Session, SessionState, TextField};
use crate::timer::Timer;
use std::collections::BTreeSet;

/// Events between two snapshots: going back in a 2,000-event history costs at most this
/// many `apply` calls, and the snapshots take n / 64 copies of the session.
pub const SNAPSHOT_EVERY: usize = 64;

/// What an event refers to, read from the state just before it (a deleted card's text is
/// gone after): the words its description needs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Context {
    /// The text of the item the event acts on (card, theme, cause, idea, action...).
    pub subject: String,
    /// The text of the item it is put under, linked to or merged into.
    pub target: String,
}

#[derive(Debug, Clone)]
pub struct Replay {
    start: Session,
    events: Vec<Event>,
    contexts: Vec<Context>,
    /// `snapshots[k]` is the state after `k * SNAPSHOT_EVERY` events.
    snapshots: Vec<Session>,
    /// The phase index at each position, 0..=n.
    phases: Vec<usize>,
    /// The index of the first `SessionClosed` event: what comes after it is a correction.
    first_close: Option<usize>,
    /// Whether the last position holds the saved session's data.
    rebuilds_saved: bool,
    /// The saved group: it names every member the history mentions.
    group: Group,
    pos: usize,
    state: Session,
}

impl Replay {
    /// The session as created, its events, and the first position (nothing applied yet).
    pub fn new(saved: &Session) -> Replay {
        let start = start_state(saved);
        let events = saved.history.clone();
        let mut state = start.clone();
        let mut snapshots = vec![start.clone()];
        let mut phases = Vec::with_capacity(events.len() + 1);
        let mut contexts = Vec::with_capacity(events.len());
        phases.push(state.current_phase);
        for (i, e) in events.iter().enumerate() {
            contexts.push(describe::context(&state, &e.change));
            state.apply(&e.change, e.at);
            phases.push(state.current_phase);
            if (i + 1) % SNAPSHOT_EVERY == 0 {
                snapshots.push(state.clone());
            }
        }
        let rebuilds_saved = same_data(&state, saved);
        let first_close = events
            .iter()
            .position(|e| matches!(e.change, Change::SessionClosed));
        Replay {
            state: start.clone(),
            start,
            events,
            contexts,
            snapshots,
            phases,
            first_close,
            rebuilds_saved,
            group: saved.group.clone(),
            pos: 0,
        }
    }

    /// The number of events: the last position.
    pub fn len(&self) -> usize {
        self.events.len()
    }

    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    /// How many events are applied at this point (0: the session as created).
    pub fn position(&self) -> usize {
        self.pos
    }

    /// The session as it stood at the current position.
    pub fn state(&self) -> &Session {
        &self.state
    }

    /// The session as created, before its first event.
    pub fn start(&self) -> &Session {
        &self.start
    }

    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// The event applied last, with its index, or none at the start.
    pub fn latest(&self) -> Option<(usize, &Event)> {
        let i = self.pos.checked_sub(1)?;
        self.events.get(i).map(|e| (i, e))
    }

    pub fn context(&self, event: usize) -> Context {
        self.contexts.get(event).cloned().unwrap_or_default()
    }

    /// Event `i` in words, marked as a correction when it came after the closing.
    pub fn describe(&self, i: usize, lang: Lang) -> String {
        let Some(e) = self.events.get(i) else {
            return String::new();
        };
        let ctx = self.context(i);
        let text = describe::describe(e, &ctx, &self.group, &self.start.method, lang);
        // Replay is shown to others: phones typed into a text are masked.
        let text = crate::privacy::mask_phones(&text, lang.strings().export.phone_hidden);
        if self.is_correction(i) {
            fill(lang.strings().replay.correction, &[&text])
        } else {
            text
        }
    }

    /// The members whose attendance is not taken yet at this position: while the session
    /// is still in its check-in, before it first left it, those with no attendance event
    /// yet (a session starts with everyone present only because that is what the advisor
    /// leaves as is; a class must not read it as taken). Once the session has moved past
    /// the check-in, whoever was not marked was present.
    pub fn attendance_pending(&self) -> BTreeSet<Id> {
        let checkin = self.start.method.index_of(PhaseKind::CheckIn);
        let left = (0..=self.pos).any(|p| Some(self.phases[p]) != checkin);
        // The check-in's last step (where `}` lands): attendance is taken by then, and
        // whoever was not marked is present (only absences and excuses are keyed).
        let last_of_checkin = self
            .phases
            .get(self.pos + 1)
            .is_none_or(|p| Some(*p) != checkin);
        if checkin.is_none() || left || last_of_checkin {
            return BTreeSet::new();
        }
        let mut taken = BTreeSet::new();
        for e in &self.events[..self.pos] {
            match &e.change {
                Change::AttendanceSet { member, .. } => {
                    taken.insert(member.clone());
                }
                Change::MemberAdded { member } => {
                    taken.insert(member.id.clone());
                }
                _ => {}
            }
        }
        (self.state.group.members.iter())
            .map(|m| m.id.clone())
            .filter(|id| !taken.contains(id))
            .collect()
    }

    /// Whether event `i` came after the session was first closed: a correction.
    pub fn is_correction(&self, i: usize) -> bool {
        self.first_close.is_some_and(|c| i > c)
    }

    /// Whether applying the whole history to the rebuilt start gives the saved data. False
    /// for a file edited by hand outside atelier: the replay shows what the history holds.
    pub fn rebuilds_saved(&self) -> bool {
        self.rebuilds_saved
    }

    /// The phase index at a position (the current one if out of range).
    pub fn phase_at(&self, pos: usize) -> usize {
        self.phases
            .get(pos)
            .or(self.phases.last())
            .copied()
            .unwrap_or(0)
    }

    pub fn phase(&self) -> usize {
        self.phase_at(self.pos)
    }

    pub fn step_forward(&mut self) -> bool {
        if self.pos >= self.events.len() {
            return false;
        }
        let e = &self.events[self.pos];
        self.state.apply(&e.change, e.at);
        self.pos += 1;
        true
    }

    pub fn step_back(&mut self) -> bool {
        if self.pos == 0 {
            return false;
        }
        self.go_to(self.pos - 1);
        true
    }

    /// The first event of the next phase: the next position whose phase differs from this
    /// one's (the advisor may go back to an earlier phase: the replay follows the history).
    pub fn next_phase(&mut self) -> bool {
        let here = self.phase();
        match (self.pos + 1..=self.events.len()).find(|&p| self.phases[p] != here) {
            Some(p) => {
                self.go_to(p);
                true
            }
            None => false,
        }
    }

    /// The last step of the phase shown, all its work done (what a trainer shows of a
    /// phase, where `next_phase` lands on its empty first step); from there, the last step
    /// of the next phase.
    pub fn phase_end(&mut self) -> bool {
        let end_from = |p: usize| {
            let mut e = p;
            while e < self.events.len() && self.phases[e + 1] == self.phases[p] {
                e += 1;
            }
            e
        };
        let mut end = end_from(self.pos);
        if end == self.pos && self.pos < self.events.len() {
            end = end_from(self.pos + 1);
        }
        if end == self.pos {
            return false;
        }
        self.go_to(end);
        true
    }

    /// The first event of the previous phase: the start of the stretch before this one.
    pub fn prev_phase(&mut self) -> bool {
        let start_of = |mut p: usize| {
            while p > 0 && self.phases[p - 1] == self.phases[p] {
                p -= 1;
            }
            p
        };
        let here = start_of(self.pos.min(self.events.len()));
        if here == 0 {
            return false;
        }
        let target = start_of(here - 1);
        self.go_to(target);
        true
    }

    /// Goes to a position (clamped to the last one): on from here when it is ahead and no
    /// snapshot is closer, else from the nearest snapshot at or before it.
    pub fn go_to(&mut self, pos: usize) {
        let pos = pos.min(self.events.len());
        let from_snapshot = self.snapshot_before(pos) * SNAPSHOT_EVERY;
        if self.pos <= pos && self.pos >= from_snapshot {
            while self.pos < pos {
                self.step_forward();
            }
        } else {
            self.state = self.state_at(pos);
            self.pos = pos;
        }
    }

    /// The state at a position (clamped to the last one), without moving.
    pub fn state_at(&self, pos: usize) -> Session {
        let pos = pos.min(self.events.len());
        let k = self.snapshot_before(pos);
        let mut s = self.snapshots[k].clone();
        for e in &self.events[k * SNAPSHOT_EVERY..pos] {
            s.apply(&e.change, e.at);
        }
        s
    }

    fn snapshot_before(&self, pos: usize) -> usize {
        (pos / SNAPSHOT_EVERY).min(self.snapshots.len().saturating_sub(1))
    }
}

/// Whether two sessions hold the same data: the history, the time of the last write and
/// the unvalidated typing are not data; a timer running when the file was written comes
/// back paused on load, so both are settled the same way first.
pub fn same_data(replayed: &Session, saved: &Session) -> bool {
    let norm = |s: &Session| {
        let mut s = s.clone();
        s.history.clear();
        s.drafts.clear();
        s.saved = saved.saved;
        s.settle_after_load();
        s
    };
    norm(replayed) == norm(saved)
}

/// The ids and fields the history touches, to know what the start must reset.
#[derive(Default)]
struct Touched {
    members_added: BTreeSet<Id>,
    attendance: BTreeSet<Id>,
    timers: BTreeSet<usize>,
    phase: bool,
    texts: BTreeSet<TextField>,
    items_added: BTreeSet<Id>,
    review_status: BTreeSet<Id>,
    review_comment: BTreeSet<Id>,
    created: BTreeSet<Id>,
    budget: bool,
    vote_mode: bool,
    dots: BTreeSet<(Id, Id)>,
    tally: BTreeSet<Id>,
    priority: bool,
    concerned: BTreeSet<Id>,
    commitments: BTreeSet<Id>,
    usefulness: BTreeSet<Id>,
    next_date: bool,
    /// The history changes the group's life (format 2 on: a format 1 session resumed).
    life: bool,
    left: BTreeSet<Id>,
}

impl Touched {
    fn of(history: &[Event]) -> Touched {
        let mut t = Touched::default();
        for e in history {
            match &e.change {
                Change::PhaseEntered { .. } => t.phase = true,
                Change::TimerStarted { phase }
                | Change::TimerPaused { phase, .. }
                | Change::PlannedChanged { phase, .. } => {
                    t.timers.insert(*phase);
                }
                Change::TextSet { field, .. } => {
                    t.texts.insert(*field);
                }
                Change::ItemAdded { item, .. } => {
                    t.items_added.insert(item.id.clone());
                }
                Change::AttendanceSet { member, .. } => {
                    t.attendance.insert(member.clone());
                }
                Change::MemberAdded { member } => {
                    t.members_added.insert(member.id.clone());
                }
                Change::ReviewStatusSet { action, .. } => {
                    t.review_status.insert(action.clone());
                }
                Change::ReviewCommented { action, .. } => {
                    t.review_comment.insert(action.clone());
                }
                Change::CardAdded { card } => {
                    t.created.insert(card.id.clone());
                }
                Change::ThemeAdded { theme } | Change::BacklogTakenUp { theme, .. } => {
                    t.created.insert(theme.id.clone());
                }
                Change::DotBudgetSet { .. } => t.budget = true,
                Change::VoteModeSet { .. } => t.vote_mode = true,
                Change::DotsSet { theme, member, .. } => {
                    t.dots.insert((theme.clone(), member.clone()));
                }
                Change::TallySet { theme, .. } => {
                    t.tally.insert(theme.clone());
                }
                Change::PrioritySet { .. } => t.priority = true,
                Change::CauseAdded { cause } => {
                    t.created.insert(cause.id.clone());
                }
                Change::ConcernedSet { member, .. } => {
                    t.concerned.insert(member.clone());
                }
                Change::IdeaAdded { idea } => {
                    t.created.insert(idea.id.clone());
                }
                Change::ActionAdded { action } => {
                    t.created.insert(action.id.clone());
                }
                Change::CommitmentSet { member, .. } => {
                    t.commitments.insert(member.clone());
                }
                Change::UsefulnessSet { member, .. } => {
                    t.usefulness.insert(member.clone());
                }
                Change::NextDateSet { .. } => t.next_date = true,
                Change::Group(g) => {
                    t.life = true;
                    if let crate::model::life::GroupChange::MemberLeft { member, .. } = g {
                        t.left.insert(member.clone());
                    }
                }
                _ => {}
            }
        }
        t
    }
}

/// The session as it was created. From format 2 on the file stores it (`Session::start`).
/// A format 1 session has it rebuilt from the saved one: what the history set goes back
/// to what `Session::new` gives (nothing typed, everyone present, timers at zero); what no
/// event touched is kept as saved (the group's data, the reviews carried over, a hand
/// edit). Two things cannot be rebuilt, for want of a record of them before the session: a
/// member's details before an edit (the edited ones are shown), and the title of a backlog
/// theme the group dropped (it is simply not shown before its event).
pub fn start_state(saved: &Session) -> Session {
    match &saved.start {
        Some(start) => stored_start(saved, start),
        None => rebuilt_start(saved),
    }
}

/// A session written in format 2 or later: it stored what it started from, so its start is
/// `Session::new` of that, with the saved session's own header (the history then replays
/// from there; nothing is guessed).
fn stored_start(saved: &Session, start: &crate::model::Start) -> Session {
    let mut s = Session::new(crate::model::NewSession {
        id: saved.id.clone(),
        number: saved.number,
        date: saved.date,
        place: saved.place.clone(),
        group: start.group.clone(),
        method: saved.method.clone(),
        reviews: start.reviews.clone(),
        backlog: start.backlog.clone(),
        now: saved.created,
    });
    s.version = saved.version;
    s.lang = saved.lang;
    s.conflict = saved.conflict.clone();
    s
}

/// A session first written in format 1 (no stored start): what the history set goes back
/// to what `Session::new` gives. See [`start_state`].
fn rebuilt_start(saved: &Session) -> Session {
    let t = Touched::of(&saved.history);
    let mut s = saved.clone();
    s.history.clear();
    s.drafts.clear();
    s.state = SessionState::InProgress;
    s.closed = None;
    if t.phase {
        s.current_phase = 0;
    }
    for (i, timer) in s.timers.iter_mut().enumerate() {
        if t.timers.contains(&i) {
            *timer = Timer::new(saved.method.phases.get(i).map_or(0, |p| p.minutes));
        }
    }
    s.group.members.retain(|m| !t.members_added.contains(&m.id));
    // A session without a stored start was created by a format 1 atelier, whose groups had
    // no roles, rules, plans or projects: what it has of them, the history recorded since it
    // was resumed by a later one. Replaying that history gives them back.
    if t.life {
        let g = &mut s.group;
        g.roles.clear();
        g.rules.clear();
        g.plans.clear();
        g.projects.clear();
        for m in g.members.iter_mut().filter(|m| t.left.contains(&m.id)) {
            m.left = None;
            m.left_reason = None;
        }
    }
    let c = &mut s.checkin;
    c.attendance.retain(|m, _| !t.members_added.contains(m));
    for m in &t.attendance {
        if !t.members_added.contains(m) {
            c.attendance.insert(m.clone(), Default::default());
        }
    }
    for field in &t.texts {
        s.text_mut(*field).clear();
    }
    for list in [ItemList::Guests, ItemList::Effects] {
        s.items_mut(list).retain(|i| !t.items_added.contains(&i.id));
    }
    for r in &mut s.followup.reviews {
        if t.review_status.contains(&r.action.id) {
            r.status = None;
        }
        if t.review_comment.contains(&r.action.id) {
            r.comment.clear();
        }
    }
    let n = &mut s.needs;
    n.cards.retain(|c| !t.created.contains(&c.id));
    n.themes.retain(|c| !t.created.contains(&c.id));
    let fresh = crate::model::Needs::default();
    if t.budget {
        n.dot_budget = fresh.dot_budget;
    }
    if t.vote_mode {
        n.vote_mode = fresh.vote_mode;
    }
    for (theme, member) in &t.dots {
        if let Some(per) = n.dots.get_mut(theme) {
            per.remove(member);
            if per.is_empty() {
                n.dots.remove(theme);
            }
        }
    }
    n.tally.retain(|theme, _| !t.tally.contains(theme));
    if t.priority {
        n.priority = None;
    }
    s.problem.causes.retain(|c| !t.created.contains(&c.id));
    s.problem.concerned.retain(|m| !t.concerned.contains(m));
    s.solutions.ideas.retain(|i| !t.created.contains(&i.id));
    s.plan.actions.retain(|a| !t.created.contains(&a.id));
    let cl = &mut s.closing;
    cl.commitments.retain(|m, _| !t.commitments.contains(m));
    cl.usefulness.retain(|m, _| !t.usefulness.contains(m));
    if t.next_date {
        cl.next.date = None;
    }
    s
}
