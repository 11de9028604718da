//! What each phase of a session records: structured items with stable ids, never one text
//! blob per phase. Links between items (a card's author, a cause's parent, an action's idea)
//! are ids, so names can be edited and sessions followed across files.

use super::Id;
use crate::i18n::Strings;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub type Timestamp = DateTime<Utc>;

/// A short text item with nothing else to it: a guest, an effect.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub id: Id,
    pub text: String,
    pub created: Timestamp,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Attendance {
    #[default]
    Present,
    Excused,
    Absent,
}

impl Attendance {
    pub fn next(self) -> Attendance {
        match self {
            Attendance::Present => Attendance::Excused,
            Attendance::Excused => Attendance::Absent,
            Attendance::Absent => Attendance::Present,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct CheckIn {
    /// Every member of the group at the session's start; present unless marked otherwise.
    #[serde(default)]
    pub attendance: BTreeMap<Id, Attendance>,
    #[serde(default)]
    pub guests: Vec<Item>,
    #[serde(default)]
    pub objective: String,
    #[serde(default)]
    pub remarks: String,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, strum::VariantArray,
)]
pub enum ActionStatus {
    Done,
    InProgress,
    Blocked,
    Dropped,
}

impl ActionStatus {
    /// The status in words, as `show` and the group page say it.
    pub fn label(self, s: &Strings) -> &'static str {
        let l = &s.store.show;
        match self {
            ActionStatus::Done => l.done,
            ActionStatus::InProgress => l.in_progress_action,
            ActionStatus::Blocked => l.blocked,
            ActionStatus::Dropped => l.dropped,
        }
    }

    /// Done and dropped actions leave the group's follow-up list.
    pub fn is_closed(self) -> bool {
        matches!(self, ActionStatus::Done | ActionStatus::Dropped)
    }
}

/// One action decided at an earlier session, as reviewed at this one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Review {
    /// A copy of the action as it stood when this session started.
    pub action: Action,
    pub from_session: Id,
    pub from_number: u32,
    /// The status before this session's review, if an earlier session reviewed it.
    #[serde(default)]
    pub previous: Option<ActionStatus>,
    #[serde(default)]
    pub status: Option<ActionStatus>,
    #[serde(default)]
    pub comment: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct FollowUp {
    #[serde(default)]
    pub reviews: Vec<Review>,
}

/// Who wrote a card or proposed an idea.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Default)]
pub enum Author {
    Member(Id),
    #[default]
    Anonymous,
    WholeGroup,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Card {
    pub id: Id,
    pub text: String,
    #[serde(default)]
    pub author: Author,
    #[serde(default)]
    pub theme: Option<Id>,
    pub created: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Theme {
    pub id: Id,
    pub title: String,
    /// A need category id from the method file, so needs can be counted across groups.
    #[serde(default)]
    pub category: Option<String>,
    pub created: Timestamp,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum VoteMode {
    #[default]
    Dots,
    ShowOfHands,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Needs {
    #[serde(default)]
    pub cards: Vec<Card>,
    #[serde(default)]
    pub themes: Vec<Theme>,
    #[serde(default = "default_budget")]
    pub dot_budget: u32,
    #[serde(default)]
    pub vote_mode: VoteMode,
    /// Dots per theme, per member.
    #[serde(default)]
    pub dots: BTreeMap<Id, BTreeMap<Id, u32>>,
    /// Votes per theme counted by show of hands.
    #[serde(default)]
    pub tally: BTreeMap<Id, u32>,
    /// The card or theme chosen as this session's priority need.
    #[serde(default)]
    pub priority: Option<Id>,
    /// Themes of earlier sessions the group did not choose, ranked: offered again here.
    #[serde(default)]
    pub backlog: Vec<BacklogItem>,
}

/// A theme an earlier session raised and did not choose as its priority: the group's
/// backlog, offered again at the next session until taken up or dropped.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BacklogItem {
    /// The theme's id in the session that raised it.
    pub id: Id,
    pub title: String,
    #[serde(default)]
    pub category: Option<String>,
    /// The votes it got in that session.
    #[serde(default)]
    pub votes: u32,
    pub from_session: Id,
    pub from_number: u32,
}

/// Dots per member when nothing else is said: what a session file without the field
/// holds, and a new session's budget unless the configuration file sets another.
pub const DEFAULT_DOT_BUDGET: u32 = 3;

/// A larger budget is a typing slip, not a room.
pub const MAX_DOT_BUDGET: u32 = 99;

fn default_budget() -> u32 {
    DEFAULT_DOT_BUDGET
}

impl Needs {
    /// Votes a theme got: the tally by show of hands, or the sum of its dots.
    pub fn votes(&self, theme: &Id) -> u32 {
        match self.vote_mode {
            VoteMode::ShowOfHands => self.tally.get(theme).copied().unwrap_or(0),
            VoteMode::Dots => self.dots.get(theme).map_or(0, |m| m.values().sum()),
        }
    }

    /// Dots a member has placed, over all themes.
    pub fn dots_of(&self, member: &Id) -> u32 {
        self.dots.values().filter_map(|m| m.get(member)).sum()
    }

    /// The cards of each theme (in the themes' order) and the cards in no theme (or in a
    /// theme that is gone), each in the order they were written: the board, in one pass.
    pub fn board(&self) -> (Vec<Vec<&Card>>, Vec<&Card>) {
        let index: BTreeMap<&Id, usize> = self
            .themes
            .iter()
            .enumerate()
            .map(|(i, t)| (&t.id, i))
            .collect();
        let mut groups: Vec<Vec<&Card>> = vec![Vec::new(); self.themes.len()];
        let mut loose = Vec::new();
        for c in &self.cards {
            match c.theme.as_ref().and_then(|t| index.get(t)) {
                Some(&i) => groups[i].push(c),
                None => loose.push(c),
            }
        }
        (groups, loose)
    }

    /// Themes with their votes, most voted first; ties keep the order themes were made in.
    pub fn ranking(&self) -> Vec<(Id, u32)> {
        let mut v: Vec<(Id, u32)> = self
            .themes
            .iter()
            .map(|t| (t.id.clone(), self.votes(&t.id)))
            .collect();
        crate::sort::by_key(&mut v, |(_, n)| std::cmp::Reverse(*n));
        v
    }
}

impl Default for Needs {
    fn default() -> Self {
        Needs {
            cards: Vec::new(),
            themes: Vec::new(),
            dot_budget: default_budget(),
            vote_mode: VoteMode::Dots,
            dots: BTreeMap::new(),
            tally: BTreeMap::new(),
            priority: None,
            backlog: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cause {
    pub id: Id,
    pub text: String,
    #[serde(default)]
    pub parent: Option<Id>,
    /// A cause category id from the method file (5M and more).
    #[serde(default)]
    pub category: Option<String>,
    #[serde(default)]
    pub root: bool,
    pub created: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Problem {
    #[serde(default)]
    pub statement: String,
    #[serde(default)]
    pub causes: Vec<Cause>,
    #[serde(default)]
    pub effects: Vec<Item>,
    /// Members concerned by the problem.
    #[serde(default)]
    pub concerned: Vec<Id>,
}

impl Problem {
    /// The depth of a cause in the tree (0 for a direct cause of the problem).
    pub fn depth(&self, id: &Id) -> usize {
        let mut depth = 0;
        let mut cur = self.causes.iter().find(|c| &c.id == id);
        while let Some(parent) = cur.and_then(|c| c.parent.as_ref()) {
            depth += 1;
            if depth > self.causes.len() {
                break; // a cycle can only come from a hand-edited file: stop rather than hang
            }
            cur = self.causes.iter().find(|c| &c.id == parent);
        }
        depth
    }

    /// Causes in tree order: each cause followed by its sub-causes, depth first.
    pub fn tree_order(&self) -> Vec<(usize, &Cause)> {
        let mut out = Vec::with_capacity(self.causes.len());
        let known: std::collections::BTreeSet<&Id> = self.causes.iter().map(|c| &c.id).collect();
        let roots = self
            .causes
            .iter()
            .filter(|c| c.parent.as_ref().is_none_or(|p| !known.contains(p)));
        let mut stack: Vec<(usize, &Cause)> = roots.rev().map(|c| (0, c)).collect();
        let mut seen = std::collections::BTreeSet::new();
        while let Some((d, c)) = stack.pop() {
            if !seen.insert(&c.id) {
                continue;
            }
            out.push((d, c));
            for child in self
                .causes
                .iter()
                .rev()
                .filter(|k| k.parent.as_ref() == Some(&c.id))
            {
                stack.push((d + 1, child));
            }
        }
        out
    }

    /// A cause and all its descendants.
    pub fn subtree(&self, id: &Id) -> Vec<Id> {
        let mut out = vec![id.clone()];
        let mut i = 0;
        while i < out.len() {
            let cur = out[i].clone();
            for c in &self.causes {
                if c.parent.as_ref() == Some(&cur) && !out.contains(&c.id) {
                    out.push(c.id.clone());
                }
            }
            i += 1;
        }
        out
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum IdeaKind {
    Individual,
    Collective,
    Lobbying,
    ServiceRequest,
}

impl IdeaKind {
    /// A type of idea, or none, as the picker and replay say it.
    pub fn label(kind: Option<IdeaKind>, s: &Strings) -> &'static str {
        let t = &s.solutions;
        match kind {
            None => t.kind_none,
            Some(IdeaKind::Individual) => t.kind_individual,
            Some(IdeaKind::Collective) => t.kind_collective,
            Some(IdeaKind::Lobbying) => t.kind_lobbying,
            Some(IdeaKind::ServiceRequest) => t.kind_service,
        }
    }

    /// The type in a few letters, in an idea's row.
    pub fn short(self, s: &Strings) -> &'static str {
        let t = &s.solutions;
        match self {
            IdeaKind::Individual => t.kind_individual_short,
            IdeaKind::Collective => t.kind_collective_short,
            IdeaKind::Lobbying => t.kind_lobbying_short,
            IdeaKind::ServiceRequest => t.kind_service_short,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Idea {
    pub id: Id,
    pub text: String,
    #[serde(default)]
    pub proposer: Author,
    /// The root cause it answers, or none for a general idea.
    #[serde(default)]
    pub cause: Option<Id>,
    #[serde(default)]
    pub kind: Option<IdeaKind>,
    #[serde(default)]
    pub impact: Option<u8>,
    #[serde(default)]
    pub effort: Option<u8>,
    #[serde(default)]
    pub chosen: bool,
    /// The joint project it would serve (format 2 on).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project: Option<Id>,
    pub created: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Solutions {
    #[serde(default)]
    pub ideas: Vec<Idea>,
}

/// Who carries an action.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Owner {
    Member(Id),
    WholeGroup,
    Advisor,
    Host,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Action {
    pub id: Id,
    pub what: String,
    #[serde(default)]
    pub owners: Vec<Owner>,
    #[serde(default)]
    pub due: Option<NaiveDate>,
    #[serde(default)]
    pub means: String,
    #[serde(default)]
    pub indicator: String,
    #[serde(default)]
    pub idea: Option<Id>,
    /// The joint project it serves (format 2 on).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project: Option<Id>,
    pub created: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Plan {
    #[serde(default)]
    pub actions: Vec<Action>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct NextMeeting {
    #[serde(default)]
    pub date: Option<NaiveDate>,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub topic: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Closing {
    /// One commitment per member, in their words.
    #[serde(default)]
    pub commitments: BTreeMap<Id, String>,
    /// Usefulness of the session, 1 to 5, per present member.
    #[serde(default)]
    pub usefulness: BTreeMap<Id, u8>,
    #[serde(default)]
    pub comments: String,
    #[serde(default)]
    pub next: NextMeeting,
    /// The advisor's own coaching notes: personal data, never exported.
    #[serde(default)]
    pub private_notes: String,
}
