//! Domain changes: each accepted edit of a session is one of these. `Session::record`
//! (`apply.rs`) applies it and keeps it, timestamped, in the history, so a session can be
//! replayed event by event and corrections made after closing can be audited.

use super::Id;
use super::records::*;
use crate::model::group::Member;
use crate::model::life::GroupChange;
use serde::{Deserialize, Serialize};

/// The free-text fields of a session that hold a single text.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, strum::VariantArray,
)]
pub enum TextField {
    Objective,
    Remarks,
    ProblemStatement,
    ClosingComments,
    NextPlace,
    NextTopic,
    PrivateNotes,
}

/// The lists of plain text items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ItemList {
    Guests,
    Effects,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Change {
    PhaseEntered {
        phase: usize,
    },
    TimerStarted {
        phase: usize,
    },
    TimerPaused {
        phase: usize,
        elapsed_secs: u32,
    },
    PlannedChanged {
        phase: usize,
        planned_secs: u32,
    },

    TextSet {
        field: TextField,
        text: String,
    },
    ItemAdded {
        list: ItemList,
        item: Item,
    },
    ItemEdited {
        list: ItemList,
        id: Id,
        text: String,
    },
    ItemDeleted {
        list: ItemList,
        id: Id,
    },

    AttendanceSet {
        member: Id,
        attendance: Attendance,
    },
    MemberAdded {
        member: Member,
    },
    MemberEdited {
        member: Member,
    },

    ReviewStatusSet {
        action: Id,
        status: Option<ActionStatus>,
    },
    ReviewCommented {
        action: Id,
        comment: String,
    },

    CardAdded {
        card: Card,
    },
    CardEdited {
        id: Id,
        text: String,
    },
    CardAuthorSet {
        id: Id,
        author: Author,
    },
    CardDeleted {
        id: Id,
    },
    CardMoved {
        id: Id,
        theme: Option<Id>,
    },
    ThemeAdded {
        theme: Theme,
    },
    ThemeRenamed {
        id: Id,
        title: String,
    },
    ThemeCategorySet {
        id: Id,
        category: Option<String>,
    },
    ThemesMerged {
        from: Id,
        into: Id,
    },
    ThemeDeleted {
        id: Id,
    },
    DotBudgetSet {
        budget: u32,
    },
    VoteModeSet {
        mode: VoteMode,
    },
    DotsSet {
        theme: Id,
        member: Id,
        dots: u32,
    },
    TallySet {
        theme: Id,
        count: u32,
    },
    PrioritySet {
        id: Option<Id>,
    },
    /// A backlog item becomes a theme of this session (and leaves the backlog).
    BacklogTakenUp {
        item: Id,
        theme: Theme,
    },
    /// The group lets a backlog item go.
    BacklogDropped {
        item: Id,
    },

    CauseAdded {
        cause: Cause,
    },
    CauseEdited {
        id: Id,
        text: String,
    },
    CauseMoved {
        id: Id,
        parent: Option<Id>,
    },
    CauseCategorySet {
        id: Id,
        category: Option<String>,
    },
    CauseRootSet {
        id: Id,
        root: bool,
    },
    /// Deletes the cause and all its sub-causes.
    CauseDeleted {
        id: Id,
    },
    ConcernedSet {
        member: Id,
        concerned: bool,
    },

    IdeaAdded {
        idea: Idea,
    },
    IdeaEdited {
        id: Id,
        text: String,
    },
    IdeaProposerSet {
        id: Id,
        proposer: Author,
    },
    IdeaCauseSet {
        id: Id,
        cause: Option<Id>,
    },
    IdeaKindSet {
        id: Id,
        kind: Option<IdeaKind>,
    },
    IdeaRated {
        id: Id,
        impact: Option<u8>,
        effort: Option<u8>,
    },
    IdeaChosen {
        id: Id,
        chosen: bool,
    },
    IdeaDeleted {
        id: Id,
    },

    ActionAdded {
        action: Action,
    },
    /// The action as it stands after the edit, whole.
    ActionEdited {
        action: Action,
    },
    ActionDeleted {
        id: Id,
    },

    CommitmentSet {
        member: Id,
        text: String,
    },
    UsefulnessSet {
        member: Id,
        score: Option<u8>,
    },
    NextDateSet {
        date: Option<chrono::NaiveDate>,
    },

    SessionClosed,
    SessionReopened,

    /// What the group decided about itself: a member leaving, roles, rules, the work plan,
    /// joint projects (format 2 on).
    Group(GroupChange),
    /// An action of this session linked to a joint project, or unlinked.
    ActionProjectSet {
        id: Id,
        project: Option<Id>,
    },
    IdeaProjectSet {
        id: Id,
        project: Option<Id>,
    },
}
