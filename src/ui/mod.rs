//! UI state around the domain: which screen is up, what is selected, what is being typed.
//! None of it is saved except the drafts of fields (kept in the session itself).

mod action_sort;
pub mod causes;
mod contexts;
pub mod decisions;
pub mod drafts;
mod editor;
mod form;
mod group;
mod home_listing;
pub mod life_form;
pub mod member_form;
mod panes;
mod programme;
pub mod project_form;
mod record_form;
mod replay;
mod review;
mod setup_draft;
mod timeline;

pub use contexts::{active_contexts, screen_contexts};
pub use decisions::{DecisionRow, DecisionSection, DecisionsUi};
pub use editor::{Editor, Target};
pub use form::{Field, FieldError, FieldId, FieldKind, Form};
pub use group::{GroupSection, GroupUi, PlanRow};
pub use life_form::{LifeForm, LifeKind};
pub use panes::Pane;
pub use programme::{GROUPINGS, Period, ProgrammeUi};
pub use record_form::{RecordDraft, RecordForm};
pub use replay::ReplayUi;
pub use review::{
    Browser, Filtering, OFF_THREAD_FROM, RecordRow, ReviewColumn, ReviewRow, RowKind, RowsShown,
    SessionView, Shown, ShownKey,
};
pub use setup_draft::{FieldValue, SetupDraft, restore as setup_draft_restore};
pub use timeline::{
    ACTIVE_COL, EXCUSED_COL, Grid, MARK, NeedRow, RATE_COL, SESSION_COL, TimelinePane, TimelineUi,
};

use crate::i18n::{Lang, Strings};
use crate::method::{Method, PhaseKind};
use crate::model::{Author, Group, Id, IdGen, Member, Review, Session, SessionState};
use crate::theme::Theme;
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::BTreeMap;
use std::path::PathBuf;

pub struct Model {
    pub lang: Lang,
    pub theme: Theme,
    /// The latest time the app loop gave us; `update` never reads a clock.
    pub now: DateTime<Utc>,
    /// Today's date where the advisor is (the loop computes it with the local time zone).
    pub today: NaiveDate,
    pub ids: IdGen,
    /// The method new sessions are run with (built in, or `--method FILE`).
    pub method: Method,
    pub dir: PathBuf,
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    pub flash: Option<Flash>,
    pub home: Home,
    pub quitting: bool,
    /// The terminal's columns and rows, as the loop last saw them (`Msg::Resized`): what
    /// the read-only session view needs to know where its end is.
    pub size: (u16, u16),
    /// Dots per member in the sessions created here (the configuration file's `dot_budget`).
    pub dot_budget: u32,
    /// Prefilled as the advisor of a new group (the configuration file's `advisor`).
    pub advisor: String,
    /// The questions a new diagnosis asks: the core, then the programme's own (the
    /// configuration file's `diagnosis_questions`).
    pub diagnosis: Vec<crate::model::dated::Question>,
    /// The advisor's time zone, for times of day on screen (replay's event times); UTC
    /// until the loop says otherwise, so tests draw the same everywhere.
    pub utc_offset: chrono::FixedOffset,
    /// `atelier demo`: the folder is a throwaway copy of the demo groups; every screen says so.
    pub demo: bool,
    /// The sessions folder cannot be written: every screen says so, sessions open read-only,
    /// nothing is created, exports go elsewhere.
    pub folder_read_only: bool,
    /// `atelier follow`: the session on screen is re-read whenever another atelier saves it.
    pub follow: Option<FollowState>,
}

impl Model {
    pub fn new(lang: Lang, method: Method, dir: PathBuf, now: DateTime<Utc>, seed: u64) -> Model {
        Model {
            lang,
            theme: Theme::DARK,
            now,
            today: now.date_naive(),
            ids: IdGen::new(seed),
            method,
            dir,
            screen: Screen::Home,
            overlay: None,
            flash: None,
            home: Home::default(),
            quitting: false,
            size: (80, 24),
            dot_budget: crate::model::DEFAULT_DOT_BUDGET,
            advisor: String::new(),
            diagnosis: crate::model::dated::core_questions(),
            utc_offset: chrono::Offset::fix(&chrono::Utc),
            demo: false,
            folder_read_only: false,
            follow: None,
        }
    }

    pub fn strings(&self) -> &'static Strings {
        self.lang.strings()
    }

    /// Why a read-only session may not change: the folder cannot be written, or another
    /// atelier has the session open.
    pub fn read_only_text(&self) -> &'static str {
        let s = self.strings();
        if self.folder_read_only {
            s.demo.read_only_session
        } else {
            s.session_read_only
        }
    }

    pub fn session(&self) -> Option<&SessionUi> {
        match &self.screen {
            Screen::Session(s) => Some(s),
            _ => None,
        }
    }

    pub fn session_mut(&mut self) -> Option<&mut SessionUi> {
        match &mut self.screen {
            Screen::Session(s) => Some(s),
            _ => None,
        }
    }
}

pub enum Screen {
    Home,
    Setup(Box<Setup>),
    Session(Box<SessionUi>),
    /// Every session of the folder, and one of them read-only.
    Review(Box<Browser>),
    /// A saved session stepped through from its history, read-only.
    Replay(Box<ReplayUi>),
    /// One group over its sessions; it keeps the screen it was opened from.
    Timeline(Box<TimelineUi>),
    /// One group over its life: members, rules, plan, projects, activities and visits.
    Group(Box<GroupUi>),
    /// The programme's figures for the whole folder (`atelier report`'s), with charts.
    Programme(Box<ProgrammeUi>),
}

/// What `atelier follow` adds to the model.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FollowState {
    /// Why the file could not be read just now; the screen shows the last good state.
    pub waiting: Option<String>,
}

/// A message at the bottom of the screen until the next key.
#[derive(Debug, Clone, PartialEq)]
pub struct Flash {
    pub text: String,
    pub error: bool,
}

// ---------------------------------------------------------------------------------------
// Home

/// One session file as the home screen lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionEntry {
    pub path: PathBuf,
    pub id: Id,
    pub group_id: Id,
    pub group_name: String,
    pub trade: String,
    pub number: u32,
    pub date: NaiveDate,
    pub state: SessionState,
    pub saved: DateTime<Utc>,
    /// A newer file holds the same session (a folder merged twice): listed, not used.
    pub shadowed: bool,
    /// A conflict copy, atelier's or a sync tool's (`Summary::is_conflict_copy`).
    pub conflict: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GroupEntry {
    pub id: Id,
    pub name: String,
    pub trade: String,
    pub region: String,
    pub sessions: usize,
    /// The group's latest session.
    pub last: SessionEntry,
    /// Its unfinished session, if any (the latest one).
    pub open: Option<SessionEntry>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Unreadable {
    pub path: PathBuf,
    pub reason: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum HomePane {
    #[default]
    Groups,
    Recent,
    Unreadable,
}

#[derive(Debug, Clone, Default)]
pub struct Home {
    pub groups: Vec<GroupEntry>,
    pub recent: Vec<SessionEntry>,
    pub unreadable: Vec<Unreadable>,
    pub pane: HomePane,
    pub group_sel: usize,
    pub recent_sel: usize,
    pub unreadable_sel: usize,
    /// The first row each list shows, kept by `update` as the selection moves (see
    /// `layout::scroll`): a list scrolls only when the selection would leave it.
    pub group_scroll: usize,
    pub recent_scroll: usize,
    pub unreadable_scroll: usize,
    /// Every session file, for the review browser.
    pub rows: std::sync::Arc<Vec<ReviewRow>>,
    /// False until the folder has been read once.
    pub loaded: bool,
    /// Only the first screenful, from the folder's index, while the folder is listed whole:
    /// how many groups the folder has in all (the lists hold the first ones).
    pub partial: Option<usize>,
    /// Counts the listings: the review browser's rows shown are filtered again when it
    /// changes (see `Browser::remember`).
    pub generation: u64,
    /// While files new to the index (or to the summary cache) are read: so far, and in all.
    pub progress: Option<(usize, usize)>,
    /// The browser's rows were let go for the programme screen's facts (see
    /// [`Home::let_go`]): coming home lists the folder again, even unchanged.
    pub rows_let_go: bool,
}

impl Home {
    /// Another screen needs the memory the review browser's rows take (the programme
    /// screen's facts: both at once were 160 MB at 100,000 sessions): they go, and coming
    /// home lists the folder again (`Effect::Relist`). The home screen's lists stay.
    pub fn let_go(&mut self) {
        self.rows = std::sync::Arc::default();
        self.loaded = false;
        self.rows_let_go = true;
    }

    /// The selected row of a list (it may be past the end of a list that shrank).
    pub fn selection(&self, pane: HomePane) -> usize {
        match pane {
            HomePane::Groups => self.group_sel,
            HomePane::Recent => self.recent_sel,
            HomePane::Unreadable => self.unreadable_sel,
        }
    }

    /// The first row a list shows.
    pub fn scroll(&self, pane: HomePane) -> usize {
        match pane {
            HomePane::Groups => self.group_scroll,
            HomePane::Recent => self.recent_scroll,
            HomePane::Unreadable => self.unreadable_scroll,
        }
    }

    pub fn scroll_mut(&mut self, pane: HomePane) -> &mut usize {
        match pane {
            HomePane::Groups => &mut self.group_scroll,
            HomePane::Recent => &mut self.recent_scroll,
            HomePane::Unreadable => &mut self.unreadable_scroll,
        }
    }
}

// ---------------------------------------------------------------------------------------
// Setup

/// Each member's attendance at a group's earlier sessions, oldest first.
pub type PastAttendance = BTreeMap<Id, Vec<Option<crate::model::Attendance>>>;

#[derive(Debug, Clone)]
pub enum SetupKind {
    NewGroup,
    /// The next session of an existing group: its data carried over, editable.
    Next {
        number: u32,
        reviews: Vec<Review>,
        /// Themes of earlier sessions not chosen yet, offered again.
        backlog: Vec<crate::model::BacklogItem>,
        /// The topic the latest session planned for this one: the new session's objective.
        topic: String,
        /// For the attendance rule at check-in.
        attendance: PastAttendance,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetupFocus {
    Form,
    Members,
}

#[derive(Debug, Clone)]
pub struct Setup {
    pub kind: SetupKind,
    /// The group as it stood: its id, start date and members who left are kept.
    pub base: Group,
    pub form: Form,
    pub members: Vec<Member>,
    pub member_sel: usize,
    /// The first member the list shows, kept by `update` as the selection moves (see
    /// `layout::scroll`): the list scrolls only when the selection would leave it.
    pub member_scroll: usize,
    pub focus: SetupFocus,
    /// The member being added or edited, in a popup form.
    pub member_form: Option<MemberForm>,
    /// A member of the group taken off the list: why they leave, in a popup form.
    pub leave_form: Option<LeaveForm>,
    /// The members of the group taken off the list, and why they left.
    pub left: Vec<(Id, crate::model::life::LeaveReason)>,
    pub changed: bool,
    /// The draft as last written, to write it again only when something changed.
    pub written: Option<SetupDraft>,
}

#[derive(Debug, Clone)]
pub struct MemberForm {
    pub editing: Option<Id>,
    pub form: Form,
}

/// Why a member leaves the group (`member_form::leave_form`).
#[derive(Debug, Clone)]
pub struct LeaveForm {
    pub member: Id,
    pub form: Form,
}

// ---------------------------------------------------------------------------------------
// A session on screen

#[derive(Debug, Clone, Default)]
pub struct SaveState {
    /// When the first unsaved change was made.
    pub dirty_since: Option<DateTime<Utc>>,
    pub last_change: Option<DateTime<Utc>>,
    pub last_saved: Option<DateTime<Utc>>,
    /// The last save's failure, shown until a save succeeds.
    pub error: Option<String>,
    /// Leaving for the home screen once the pending save is written (it writes the session
    /// on screen, so the screen changes only after it).
    pub leaving: bool,
}

#[derive(Clone)]
pub struct SessionUi {
    pub session: Session,
    pub path: PathBuf,
    /// Another atelier has this session open: look, don't touch.
    pub read_only: bool,
    pub save: SaveState,
    /// Focused pane per phase kind, as an index into `Pane::for_phase`.
    pub focus: BTreeMap<PhaseKind, usize>,
    pub selected: BTreeMap<Pane, usize>,
    /// The first row each list pane shows, kept by `update` as the selection moves (see
    /// `layout::scroll`): a list scrolls only when the selection would leave it.
    pub scroll: BTreeMap<Pane, usize>,
    pub editor: Option<Editor>,
    /// The action being added or edited, in a popup form.
    pub action_form: Option<ActionForm>,
    /// The group's decisions, over the phase on screen (`D`).
    pub decisions: Option<DecisionsUi>,
    /// A form of the group's life (a member joining or leaving, a role, a rule, the plan, a
    /// project), in a popup over the check-in or the decisions.
    pub life_form: Option<LifeForm>,
    pub panel_hidden: bool,
    /// Presenter view: the phase large and uncluttered, for a projector (issue 5).
    /// Toggling it changes only how the session is drawn, never what is selected or typed.
    pub presenter: bool,
    /// The author last chosen for a new card, and for a new idea: the next one of the same
    /// pane starts with it, never with the other pane's (see `new_author`).
    pub last_author: BTreeMap<Pane, Author>,
    /// Selection state of the techniques (marks, folds, voter, views).
    pub tech: TechniqueUi,
    /// Replay only: the members whose attendance is not taken yet at the step shown.
    pub attendance_pending: std::collections::BTreeSet<Id>,
}

/// UI state of the need, problem and solution techniques. Not saved: it is how the advisor
/// looks at the data, not the data.
#[derive(Debug, Clone, Default)]
pub struct TechniqueUi {
    /// Cards marked to be moved together into a theme.
    pub marked: std::collections::BTreeSet<Id>,
    /// Causes whose sub-causes are hidden.
    pub folded: std::collections::BTreeSet<Id>,
    /// The member whose dots are being entered.
    pub voter: Option<Id>,
    /// The votes pane's rows while votes are being placed, kept in the order they had so
    /// that no row moves under the cursor; `None`: the ranking as it stands. Cleared (the
    /// rows re-sorted) when another voter is picked, a tally is typed, the vote's mode
    /// changes, or the focus leaves the pane.
    pub vote_order: Option<Vec<Id>>,
    /// The idea whose effort the digits set next (its impact was just set, or → was
    /// pressed on it). On any other idea the digits set impact first.
    pub rating_effort: Option<Id>,
    pub sort: ActionSort,
    /// Panes shown in their other view: the fishbone for causes, the matrix for ideas.
    pub alt_view: std::collections::BTreeSet<Pane>,
}

/// The order of the action plan table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ActionSort {
    #[default]
    Entered,
    Due,
    Owner,
}

#[derive(Debug, Clone)]
pub struct ActionForm {
    pub editing: Option<Id>,
    pub form: Form,
    /// What each option of the owners field and of the idea field stands for.
    pub owners: Vec<crate::model::Owner>,
    pub ideas: Vec<Option<Id>>,
}

impl SessionUi {
    pub fn new(session: Session, path: PathBuf, read_only: bool) -> SessionUi {
        SessionUi {
            session,
            path,
            read_only,
            save: SaveState::default(),
            focus: BTreeMap::new(),
            selected: BTreeMap::new(),
            scroll: BTreeMap::new(),
            editor: None,
            action_form: None,
            decisions: None,
            life_form: None,
            panel_hidden: false,
            presenter: false,
            last_author: BTreeMap::new(),
            tech: TechniqueUi::default(),
            attendance_pending: Default::default(),
        }
    }

    pub fn phase(&self) -> PhaseKind {
        self.session.phase_kind()
    }

    /// Who a new item of this pane starts with: the author last chosen there, else the
    /// pane's own default (anonymous for a card, the whole group for an idea, which the
    /// group builds together).
    pub fn new_author(&self, pane: Pane) -> Author {
        match self.last_author.get(&pane) {
            Some(a) => a.clone(),
            None if pane == Pane::Ideas => Author::WholeGroup,
            None => Author::Anonymous,
        }
    }

    pub fn pane(&self) -> Pane {
        let panes = Pane::for_phase(self.phase());
        let i = self.focus.get(&self.phase()).copied().unwrap_or(0);
        panes[i.min(panes.len() - 1)]
    }

    /// The ids of a list pane's rows as they are on screen: for the causes, the tree
    /// without the sub-causes of folded causes, or the fishbone's order in that view.
    /// Selections are positions in these rows.
    pub fn rows(&self, pane: Pane) -> Vec<Id> {
        match pane {
            Pane::Causes => {
                let categories = &self.session.method.cause_categories;
                let known: Vec<&str> = categories.iter().map(|c| c.id.as_str()).collect();
                causes::rows(&self.session.problem, &self.tech, &known)
            }
            // The plan in the order the advisor chose: a view order, the plan keeps its own.
            Pane::Actions => self.tech.sort.order(&self.session),
            Pane::Votes => self.vote_rows().into_iter().map(|(id, _)| id).collect(),
            _ => pane.rows(&self.session),
        }
    }

    /// The themes as the votes pane lists them, each with its votes: the ranking, or while
    /// votes are being placed the order the rows had (a theme made since comes last).
    pub fn vote_rows(&self) -> Vec<(Id, u32)> {
        let ranking = self.session.needs.ranking();
        let Some(order) = &self.tech.vote_order else {
            return ranking;
        };
        let mut rows: Vec<(Id, u32)> = order
            .iter()
            .filter_map(|id| ranking.iter().find(|(r, _)| r == id).cloned())
            .collect();
        rows.extend(ranking.into_iter().filter(|(id, _)| !order.contains(id)));
        rows
    }

    /// The votes pane's rows in the order of the votes again, the cursor on the same theme.
    pub fn resort_votes(&mut self) {
        if self.tech.vote_order.is_none() {
            return;
        }
        let selected = self.selected_id(Pane::Votes);
        self.tech.vote_order = None;
        if let Some(id) = selected {
            self.select_id(Pane::Votes, &id);
        }
    }

    /// Whether the votes pane's rows stand in the order of the votes as they are now.
    pub fn votes_in_order(&self) -> bool {
        self.vote_rows().windows(2).all(|w| w[0].1 >= w[1].1)
    }

    pub fn selection(&self, pane: Pane) -> usize {
        self.selection_among(pane, self.rows(pane).len())
    }

    /// The selection in a pane whose `n` rows the caller has at hand: building the rows can
    /// cost more than the rest of a key's work (the cause tree).
    pub fn selection_among(&self, pane: Pane, n: usize) -> usize {
        self.selected
            .get(&pane)
            .copied()
            .unwrap_or(0)
            .min(n.saturating_sub(1))
    }

    pub fn selected_id(&self, pane: Pane) -> Option<Id> {
        let rows = self.rows(pane);
        let n = rows.len();
        let i = self.selected.get(&pane).copied().unwrap_or(0);
        rows.get(i.min(n.saturating_sub(1))).cloned()
    }

    /// Selects the row of this item, if it is on screen in the pane.
    pub fn select_id(&mut self, pane: Pane, id: &Id) -> bool {
        match self.rows(pane).iter().position(|r| r == id) {
            Some(i) => {
                self.selected.insert(pane, i);
                true
            }
            None => false,
        }
    }
}

/// A popup over the screen; it takes the keys until closed.
#[derive(Debug, Clone)]
pub enum Overlay {
    Help { scroll: u16 },
    Confirm(Confirm),
    Picker(Picker),
}

/// What a "yes" to a confirmation does.
#[derive(Debug, Clone, PartialEq)]
pub enum Confirm {
    Delete(Pane, Id),
    DeleteMember(Id),
    CloseSession,
    ReopenSession,
    DiscardSetup,
    DiscardMemberForm,
    DiscardActionForm,
    /// A visit, activity or diagnosis being typed on a group's page.
    DiscardRecordForm,
    QuitUnsaved,
    /// The member leaves the group, for the reason the open form says.
    MemberLeaves(Id),
    WithdrawRule(Id),
    /// A role's term ends without anyone elected (the term's id).
    EndTerm(Id),
    /// An objective, or a planned activity, taken off the work plan.
    RemoveObjective(Id),
    RemovePlanned(Id),
    DiscardLifeForm,
}

/// Choosing among a short list with arrows, or one key per row.
#[derive(Debug, Clone)]
pub struct Picker {
    pub purpose: PickFor,
    pub options: Vec<(String, PickValue)>,
    /// Each option's key, fixed when the picker opens: its row (0–9 a–z) in most pickers,
    /// a person's own key ([`crate::keymap::member_hotkey`], `GROUP_KEY`, `ANONYMOUS_KEY`)
    /// in the pickers of people, an idea's place in the list of ideas for the action's idea.
    pub keys: Vec<Option<char>>,
    pub cursor: usize,
}

impl Picker {
    /// The key shown beside option `i` and that chooses it, if it has one.
    pub fn key(&self, i: usize) -> Option<char> {
        self.keys.get(i).copied().flatten()
    }

    /// The option a key chooses.
    pub fn option_of(&self, key: char) -> Option<usize> {
        self.keys.iter().position(|k| *k == Some(key))
    }
}

/// What a picker is choosing, and so what its choice does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickFor {
    /// The author of the card or idea being typed.
    EditorAuthor,
    /// The author of the selected card.
    CardAuthor,
    /// The proposer of the selected idea.
    IdeaProposer,
    /// The theme the selected (or marked) cards go into.
    MoveCards,
    /// The theme the selected theme is merged into.
    MergeTheme,
    /// The need category of the selected theme.
    ThemeCategory,
    /// The member whose dots are being entered.
    Voter,
    /// The new parent of the selected cause.
    ReparentCause,
    /// The category of the selected cause.
    CauseCategory,
    /// The root cause the selected idea answers.
    LinkIdeaCause,
    /// The type of the selected idea.
    IdeaKind,
    /// The chosen idea a new action starts from.
    ActionFromIdea,
    /// Where the selected joint project stands.
    ProjectStatus,
    /// The joint project the selected action serves, or the selected idea.
    ActionProject,
    IdeaProject,
}

impl PickFor {
    /// The picker's title.
    pub fn title(self, s: &Strings) -> &'static str {
        match self {
            PickFor::EditorAuthor | PickFor::CardAuthor | PickFor::IdeaProposer => s.picker_author,
            PickFor::MoveCards => s.needs.pick_move,
            PickFor::MergeTheme => s.needs.pick_merge,
            PickFor::ThemeCategory => s.needs.pick_category,
            PickFor::Voter => s.needs.pick_voter,
            PickFor::ReparentCause => s.problem.picker_parent,
            PickFor::CauseCategory => s.problem.picker_category,
            PickFor::LinkIdeaCause => s.solutions.picker_cause,
            PickFor::IdeaKind => s.solutions.picker_kind,
            PickFor::ActionFromIdea => s.solutions.picker_idea,
            PickFor::ProjectStatus => s.decisions.picker_status,
            PickFor::ActionProject | PickFor::IdeaProject => s.decisions.picker_project,
        }
    }
}

/// One choice of a picker.
#[derive(Debug, Clone, PartialEq)]
pub enum PickValue {
    Author(Author),
    /// An item by id, or none ("no theme", "top level", "general").
    Item(Option<Id>),
    /// A category id from the method file, or none.
    Category(Option<String>),
    Kind(Option<crate::model::IdeaKind>),
    ProjectStatus(crate::model::life::ProjectStatus),
}
