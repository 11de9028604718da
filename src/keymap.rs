//! The one key table. Every key atelier answers to is a row here — the context where it
//! works, the keys, and the action — except a text field's own editing keys (arrows, Home,
//! End, Backspace, Delete, moving by word), which the text area handles as every editor
//! does; the field's keys of atelier's own (Ctrl-U, Ctrl-W, undo, redo, Alt-Enter) are rows. The footer hints, the `?` help overlay and the README's
//! key table are all generated from it, so they cannot drift from what the keys do.

use crate::i18n::Strings;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Where a binding applies. Lookups go from the most specific context to `Global`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, strum::VariantArray)]
pub enum Ctx {
    /// Everywhere, even inside a text field.
    Global,
    /// Everywhere except inside a text field, where letters are text.
    Navigation,
    Home,
    /// Typing in a field of a form (group setup, member, action).
    FormField,
    /// The list of members in group setup.
    SetupMembers,
    /// The group's own fields in group setup (not the member popup).
    SetupForm,
    /// Typing in a text field during a session.
    Editor,
    /// A field of several lines (remarks, a card, a comment...): Alt-Enter is a new line.
    MultiLine,
    /// Typing a card or an idea, whose author is part of what is typed (F2).
    Authored,
    /// A field of one line (a title, a date, a number): Alt-Enter validates, as Enter.
    OneLine,
    /// Any text field, of a session or of a form: the keys that change its text.
    TextField,
    /// A session on screen, no field being typed in.
    Facilitate,
    Attendance,
    Reviews,
    Cards,
    /// The board of themes, with their cards.
    Themes,
    Votes,
    Causes,
    /// The members concerned by the problem.
    Concerned,
    Ideas,
    Actions,
    ClosingMembers,
    Closing,
    /// A choice field of a form (region, legal status...).
    FormChoice,
    /// A field of a form where several options can be ticked (an action's owners).
    FormMulti,
    /// A list to choose from (author, proposer).
    Picker,
    Confirm,
    Help,
    /// The review browser: a filter field is always active, so letters are text.
    Review,
    /// A past session, read-only.
    SessionView,
    /// A past session still in progress, which can be taken up again.
    Resumable,
    /// A saved session replayed from its history, step by step.
    Replay,
    /// A session followed on a second screen (`atelier follow`): a read-only projection.
    Follow,
    /// A group followed over its sessions: attendance, actions, recurring needs.
    Timeline,
    /// The timeline's attendance grid, which scrolls sideways.
    TimelineGrid,
    /// The timeline's action tracker, which sorts.
    TimelineActions,
    /// A group's page: members, rules, plan, projects, activities and visits.
    GroupPage,
    /// A group's page as the advisor sees it, not projected: new and changed records.
    GroupRecords,
    /// A visit, activity or diagnosis selected on a group's page (not projected).
    GroupRecord,
    /// What the group decides about itself, over a session (`D`): its roles, rules, work
    /// plan and joint projects, one section at a time.
    Decisions,
    DecisionRoles,
    DecisionRules,
    DecisionPlan,
    DecisionProjects,
    /// The follow-up's review of the work plan's activities.
    PlanReviews,
    /// The programme's figures for the whole folder, with charts.
    Programme,
}

/// What a key asks for. `update` gives each its meaning in the current context.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, strum::VariantArray)]
pub enum Action {
    Quit,
    ForceQuit,
    Help,
    Up,
    Down,
    PageUp,
    PageDown,
    First,
    Last,
    NextPane,
    PrevPane,
    Open,
    Add,
    Edit,
    Delete,
    Back,
    NewGroup,
    NextSession,
    StartSession,
    NextPhase,
    PrevPhase,
    TimerToggle,
    TimerPlus,
    TimerMinus,
    TogglePanel,
    CycleAttendance,
    SetAttendance,
    SetStatus,
    TogglePriority,
    AddSubCause,
    ToggleRoot,
    ToggleChosen,
    Score,
    PickAuthor,
    CloseSession,
    /// Writes the minutes and the actions of the session on screen to `exports/`.
    Export,
    /// The group's action tracker, from the timeline (`atelier export --tracker`).
    ExportTracker,
    ToggleMark,
    MoveToTheme,
    TakeOut,
    MergeTheme,
    PickCategory,
    PrevGroup,
    NextGroup,
    PickVoter,
    SetDots,
    DotMinus,
    DotPlus,
    ToggleVoteMode,
    SetBudget,
    /// Takes a theme of the group's backlog up again as a theme of this session.
    TakeUp,
    Reparent,
    ToggleFold,
    /// Folds the selected cause, or goes up to its parent.
    Fold,
    /// Unfolds the selected cause, or goes down to its first sub-cause.
    Unfold,
    ToggleView,
    ToggleConcerned,
    LinkCause,
    PickKind,
    Rate,
    FromIdea,
    CycleSort,
    Validate,
    NewLine,
    Toggle,
    PrevChoice,
    NextChoice,
    Choose,
    Yes,
    No,
    /// Opens the review browser (every session of the folder).
    OpenReview,
    /// Sorts the browser by the next column, or the previous one.
    SortNext,
    SortPrev,
    /// Turns the browser's sort order around.
    SortReverse,
    /// Empties the browser's filter: every session is shown again.
    ClearFilter,
    /// The browser shows every row, or only sessions, activities or visits (round).
    ShowKinds,
    /// Takes up the unfinished session being viewed.
    Resume,
    /// Replays the session being viewed from its history.
    OpenReplay,
    /// Replay: one event on, or one back.
    StepForward,
    StepBack,
    /// Replay: plays one event a second, or pauses.
    PlayPause,
    /// Replay: the pseudonyms of the exports in place of the real names, or back.
    TogglePseudonyms,
    /// Replay: the last step of the phase shown, all its work done.
    PhaseEnd,
    /// Opens the timeline of a group: its sessions, attendance, actions, recurring needs.
    OpenTimeline,
    /// Opens a group's page: its members, rules, plan, projects, activities and visits.
    OpenGroupPage,
    /// On a group's page: a new coaching visit, activity, or member diagnosis.
    NewVisit,
    NewActivity,
    NewDiagnosis,
    /// Scrolls the timeline's attendance grid to earlier sessions, or later ones.
    EarlierSessions,
    LaterSessions,
    /// Switches the session between the advisor's screen and the presenter view (for a
    /// projector), and back.
    TogglePresenter,
    /// Empties the text field being typed in.
    ClearField,
    /// Deletes the word before the cursor.
    DeleteWord,
    /// Takes back the last change of the field's text, or does it again.
    Undo,
    Redo,
    /// From the group's fields: adds a member (the members list takes the focus).
    AddMember,
    /// Opens the group's decisions over the session: roles, rules, work plan, projects.
    OpenDecisions,
    /// The selected member leaves the group (a reason, then a confirmation).
    MemberLeaves,
    /// Links the selected action or idea to a joint project, or unlinks it.
    LinkProject,
    /// The status of a planned activity under review, by its digit.
    SetPlanStatus,
    /// Elects a member to the selected role.
    Elect,
    /// Elects a member to a role the group names itself.
    AddRole,
    /// Withdraws the selected rule.
    Withdraw,
    AddObjective,
    AddMilestone,
    /// Where the selected joint project stands (idea, prepared, running...).
    ProjectStatus,
    /// Ends the selected role's term without electing anyone.
    EndTerm,
    /// Takes the selected objective or planned activity off the plan.
    RemoveFromPlan,
    /// The selected milestone reached, or to do again.
    ToggleDone,
    /// Opens the programme screen: the figures of the whole folder, with charts.
    OpenProgramme,
    /// The programme screen: the period before or after (all, the last twelve months,
    /// each year).
    PrevPeriod,
    NextPeriod,
    /// The programme screen: the next grouping of its table (none, advisor, host...), or
    /// the one before.
    NextGrouping,
    PrevGrouping,
}

impl Action {
    /// What the action does, as the footer, the help and the README say it.
    pub fn label(self, s: &Strings) -> &'static str {
        let t = &s.actions;
        match self {
            Action::Quit => t.quit,
            Action::ForceQuit => t.force_quit,
            Action::Help => t.help,
            Action::Up => t.up,
            Action::Down => t.down,
            Action::PageUp => t.page_up,
            Action::PageDown => t.page_down,
            Action::First => t.first,
            Action::Last => t.last,
            Action::NextPane => t.next_pane,
            Action::PrevPane => t.prev_pane,
            Action::Open => t.open,
            Action::Add => t.add,
            Action::Edit => t.edit,
            Action::Delete => t.delete,
            Action::Back => t.back,
            Action::NewGroup => t.new_group,
            Action::NextSession => t.next_session,
            Action::StartSession => t.start_session,
            Action::NextPhase => t.next_phase,
            Action::PrevPhase => t.prev_phase,
            Action::TimerToggle => t.timer_toggle,
            Action::TimerPlus => t.timer_plus,
            Action::TimerMinus => t.timer_minus,
            Action::TogglePanel => t.toggle_panel,
            Action::CycleAttendance => t.cycle_attendance,
            Action::SetAttendance => t.set_attendance,
            Action::SetStatus => t.set_status,
            Action::TogglePriority => t.toggle_priority,
            Action::AddSubCause => t.add_sub_cause,
            Action::ToggleRoot => t.toggle_root,
            Action::ToggleChosen => t.toggle_chosen,
            Action::Score => t.score,
            Action::PickAuthor => t.pick_author,
            Action::CloseSession => t.close_session,
            Action::Export => t.export,
            Action::ExportTracker => t.export_tracker,
            Action::Validate => t.validate,
            Action::NewLine => t.new_line,
            Action::Toggle => t.toggle,
            Action::PrevChoice => t.prev_choice,
            Action::NextChoice => t.next_choice,
            Action::Choose => t.choose,
            Action::ToggleMark => t.toggle_mark,
            Action::MoveToTheme => t.move_to_theme,
            Action::TakeOut => t.take_out,
            Action::MergeTheme => t.merge_theme,
            Action::PickCategory => t.pick_category,
            Action::PrevGroup => t.prev_group,
            Action::NextGroup => t.next_group,
            Action::PickVoter => t.pick_voter,
            Action::SetDots => t.set_dots,
            Action::DotMinus => t.dot_minus,
            Action::DotPlus => t.dot_plus,
            Action::ToggleVoteMode => t.toggle_vote_mode,
            Action::SetBudget => t.set_budget,
            Action::TakeUp => t.take_up,
            Action::Reparent => t.reparent,
            Action::ToggleFold => t.toggle_fold,
            Action::Fold => t.fold,
            Action::Unfold => t.unfold,
            Action::ToggleView => t.toggle_view,
            Action::ToggleConcerned => t.toggle_concerned,
            Action::LinkCause => t.link_cause,
            Action::PickKind => t.pick_kind,
            Action::Rate => t.rate,
            Action::FromIdea => t.from_idea,
            Action::CycleSort => t.cycle_sort,
            Action::Yes => t.yes,
            Action::No => t.no,
            Action::OpenReview => t.open_review,
            Action::SortNext => t.sort_next,
            Action::SortPrev => t.sort_prev,
            Action::SortReverse => t.sort_reverse,
            Action::ClearFilter => t.clear_filter,
            Action::ShowKinds => t.show_kinds,
            Action::OpenReplay => t.open_replay,
            Action::StepForward => t.step_forward,
            Action::StepBack => t.step_back,
            Action::PlayPause => t.play_pause,
            Action::TogglePseudonyms => t.toggle_pseudonyms,
            Action::PhaseEnd => t.phase_end,
            Action::Resume => t.resume,
            Action::OpenTimeline => t.open_timeline,
            Action::OpenGroupPage => t.open_group_page,
            Action::NewVisit => t.new_visit,
            Action::NewActivity => t.new_activity,
            Action::NewDiagnosis => t.new_diagnosis,
            Action::EarlierSessions => t.earlier_sessions,
            Action::LaterSessions => t.later_sessions,
            Action::TogglePresenter => t.toggle_presenter,
            Action::ClearField => t.clear_field,
            Action::DeleteWord => t.delete_word,
            Action::Undo => t.undo,
            Action::Redo => t.redo,
            Action::AddMember => t.add_member,
            Action::OpenDecisions => t.open_decisions,
            Action::MemberLeaves => t.member_leaves,
            Action::LinkProject => t.link_project,
            Action::SetPlanStatus => t.set_plan_status,
            Action::Elect => t.elect,
            Action::AddRole => t.add_role,
            Action::Withdraw => t.withdraw,
            Action::AddObjective => t.add_objective,
            Action::AddMilestone => t.add_milestone,
            Action::ProjectStatus => t.project_status,
            Action::EndTerm => t.end_term,
            Action::RemoveFromPlan => t.remove_from_plan,
            Action::ToggleDone => t.toggle_done,
            Action::OpenProgramme => t.open_programme,
            Action::PrevPeriod => t.prev_period,
            Action::NextPeriod => t.next_period,
            Action::NextGrouping => t.next_grouping,
            Action::PrevGrouping => t.prev_grouping,
        }
    }
}

impl Ctx {
    /// The context's name, heading its keys in the help and the README.
    pub fn name(self, s: &Strings) -> &'static str {
        let t = &s.contexts;
        match self {
            Ctx::Global => t.global,
            Ctx::Navigation => t.navigation,
            Ctx::Home => t.home,
            Ctx::FormField => t.form_field,
            Ctx::SetupMembers => t.setup_members,
            Ctx::Editor => t.editor,
            Ctx::MultiLine => t.multi_line,
            Ctx::Authored => t.authored,
            Ctx::OneLine => t.one_line,
            Ctx::TextField => t.text_field,
            Ctx::SetupForm => t.setup_form,
            Ctx::Facilitate => t.facilitate,
            Ctx::Attendance => t.attendance,
            Ctx::Reviews => t.reviews,
            Ctx::Cards => t.cards,
            Ctx::Themes => t.themes,
            Ctx::Votes => t.votes,
            Ctx::Concerned => t.concerned,
            Ctx::Actions => t.actions,
            Ctx::Causes => t.causes,
            Ctx::Ideas => t.ideas,
            Ctx::ClosingMembers => t.closing_members,
            Ctx::Closing => t.closing,
            Ctx::FormChoice => t.form_choice,
            Ctx::FormMulti => t.form_multi,
            Ctx::Picker => t.picker,
            Ctx::Confirm => t.confirm,
            Ctx::Help => t.help,
            Ctx::Review => t.review,
            Ctx::SessionView => t.session_view,
            Ctx::Replay => t.replay,
            Ctx::Follow => t.follow,
            Ctx::Resumable => t.resumable,
            Ctx::Timeline => t.timeline,
            Ctx::TimelineGrid => t.timeline_grid,
            Ctx::TimelineActions => t.timeline_actions,
            Ctx::GroupPage => t.group_page,
            Ctx::GroupRecords => t.group_records,
            Ctx::GroupRecord => t.group_record,
            Ctx::Decisions => t.decisions,
            Ctx::DecisionRoles => t.decision_roles,
            Ctx::DecisionRules => t.decision_rules,
            Ctx::DecisionPlan => t.decision_plan,
            Ctx::DecisionProjects => t.decision_projects,
            Ctx::PlanReviews => t.plan_reviews,
            Ctx::Programme => t.programme,
        }
    }
}

/// A key as written in the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Ch(char),
    Code(KeyCode),
    Ctrl(char),
    Alt(char),
    AltCode(KeyCode),
    /// Any digit in the range, passed on as a number.
    Digits(u8, u8),
    /// A row's hotkey in a picker: 0–9, a–z or `-`, passed on as [`hotkey_index`].
    Hotkey,
}

#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub ctx: Ctx,
    pub keys: &'static [Key],
    pub action: Action,
}

use Action as A;
use Ctx as C;
use Key::*;

const fn b(ctx: Ctx, keys: &'static [Key], action: Action) -> Binding {
    Binding { ctx, keys, action }
}

pub const TABLE: &[Binding] = &[
    b(C::Global, &[Ctrl('c')], A::ForceQuit),
    b(C::Global, &[Code(KeyCode::F(1))], A::Help),
    b(C::Navigation, &[Ch('?')], A::Help),
    b(C::Navigation, &[Ch('q')], A::Quit),
    b(C::Navigation, &[Code(KeyCode::Up), Ch('k')], A::Up),
    b(C::Navigation, &[Code(KeyCode::Down), Ch('j')], A::Down),
    b(C::Navigation, &[Code(KeyCode::PageUp)], A::PageUp),
    b(C::Navigation, &[Code(KeyCode::PageDown)], A::PageDown),
    b(C::Navigation, &[Code(KeyCode::Home), Ch('g')], A::First),
    b(C::Navigation, &[Code(KeyCode::End), Ch('G')], A::Last),
    b(C::Navigation, &[Code(KeyCode::Tab)], A::NextPane),
    b(C::Navigation, &[Code(KeyCode::BackTab)], A::PrevPane),
    // Home
    b(C::Home, &[Code(KeyCode::Enter)], A::Open),
    b(C::Home, &[Ch('n')], A::NewGroup),
    b(C::Home, &[Ch('s')], A::NextSession),
    b(C::Home, &[Ch('r')], A::OpenReview),
    b(C::Home, &[Ch('t')], A::OpenTimeline),
    b(C::Home, &[Ch('p')], A::OpenGroupPage),
    b(C::Home, &[Ch('P')], A::OpenProgramme),
    // The review browser: letters go to the filter, so only keys that type nothing here.
    b(C::Review, &[Code(KeyCode::Up)], A::Up),
    b(C::Review, &[Code(KeyCode::Down)], A::Down),
    b(C::Review, &[Code(KeyCode::PageUp)], A::PageUp),
    b(C::Review, &[Code(KeyCode::PageDown)], A::PageDown),
    b(C::Review, &[Code(KeyCode::Home)], A::First),
    b(C::Review, &[Code(KeyCode::End)], A::Last),
    b(C::Review, &[Code(KeyCode::Enter)], A::Open),
    b(C::Review, &[Code(KeyCode::Tab)], A::SortNext),
    b(C::Review, &[Code(KeyCode::F(3))], A::SortReverse),
    b(C::Review, &[Code(KeyCode::BackTab)], A::SortPrev),
    b(C::Review, &[Code(KeyCode::F(4))], A::OpenTimeline),
    b(C::Review, &[Ctrl('u')], A::ClearFilter),
    b(C::Review, &[Code(KeyCode::F(2))], A::ShowKinds),
    // Esc empties a filter first, then goes back.
    b(C::Review, &[Code(KeyCode::Esc)], A::Back),
    // The session view scrolls; it has no panes, so not `Navigation` (whose Tab would be
    // offered in the footer for nothing).
    b(C::SessionView, &[Code(KeyCode::Up), Ch('k')], A::Up),
    b(C::SessionView, &[Code(KeyCode::Down), Ch('j')], A::Down),
    b(C::SessionView, &[Code(KeyCode::PageUp)], A::PageUp),
    b(C::SessionView, &[Code(KeyCode::PageDown)], A::PageDown),
    b(C::SessionView, &[Code(KeyCode::Home), Ch('g')], A::First),
    b(C::SessionView, &[Code(KeyCode::End), Ch('G')], A::Last),
    b(C::SessionView, &[Ch('?')], A::Help),
    b(C::SessionView, &[Ch('q')], A::Quit),
    b(C::SessionView, &[Code(KeyCode::Esc)], A::Back),
    b(C::SessionView, &[Ch('X')], A::Export),
    b(C::SessionView, &[Ch('t')], A::OpenTimeline),
    b(C::Resumable, &[Ch('r')], A::Resume),
    b(C::SessionView, &[Ch('R')], A::OpenReplay),
    // Replay: read-only, every key moves through the history (no pane to Tab to, so
    // not the Navigation keys).
    b(C::Replay, &[Code(KeyCode::Right), Ch('l')], A::StepForward),
    b(C::Replay, &[Code(KeyCode::Left), Ch('h')], A::StepBack),
    b(C::Replay, &[Ch(']')], A::NextPhase),
    b(C::Replay, &[Ch('[')], A::PrevPhase),
    b(C::Replay, &[Ch(' ')], A::PlayPause),
    b(C::Replay, &[Ch('p')], A::TogglePseudonyms),
    b(C::Replay, &[Ch('}')], A::PhaseEnd),
    b(C::Replay, &[Code(KeyCode::Home)], A::First),
    b(C::Replay, &[Code(KeyCode::End)], A::Last),
    b(C::Replay, &[Ch('i')], A::TogglePanel),
    b(C::Replay, &[Code(KeyCode::Esc)], A::Back),
    b(C::Replay, &[Ch('?')], A::Help),
    b(C::Replay, &[Ch('q')], A::Quit),
    // Follow: a projector. It stays in presenter view (no F5: the advisor's view would show
    // what the room must not see), and no key edits; the Navigation keys move the selection.
    b(C::Follow, &[Code(KeyCode::Esc)], A::Back),
    // A group's timeline: moving keys come from Navigation.
    b(C::TimelineGrid, &[Code(KeyCode::Left)], A::EarlierSessions),
    b(C::TimelineGrid, &[Code(KeyCode::Right)], A::LaterSessions),
    b(C::TimelineActions, &[Ch('s')], A::CycleSort),
    b(C::TimelineActions, &[Ch('X')], A::ExportTracker),
    b(C::Timeline, &[Ch('p')], A::OpenGroupPage),
    b(C::Timeline, &[Code(KeyCode::Esc)], A::Back),
    // The programme screen: its table scrolls; no panes, so not `Navigation` (its Tab
    // changes the grouping here).
    b(C::Programme, &[Code(KeyCode::Left)], A::PrevPeriod),
    b(C::Programme, &[Code(KeyCode::Right)], A::NextPeriod),
    b(C::Programme, &[Code(KeyCode::Tab)], A::NextGrouping),
    b(C::Programme, &[Code(KeyCode::BackTab)], A::PrevGrouping),
    b(C::Programme, &[Code(KeyCode::Up), Ch('k')], A::Up),
    b(C::Programme, &[Code(KeyCode::Down), Ch('j')], A::Down),
    b(C::Programme, &[Code(KeyCode::PageUp)], A::PageUp),
    b(C::Programme, &[Code(KeyCode::PageDown)], A::PageDown),
    b(C::Programme, &[Code(KeyCode::Home), Ch('g')], A::First),
    b(C::Programme, &[Code(KeyCode::End), Ch('G')], A::Last),
    b(C::Programme, &[Ch('?')], A::Help),
    b(C::Programme, &[Ch('q')], A::Quit),
    b(C::Programme, &[Code(KeyCode::Esc)], A::Back),
    // A group's page: moving keys come from Navigation; Enter opens the row in full.
    b(C::GroupPage, &[Code(KeyCode::Enter)], A::Open),
    b(C::GroupRecords, &[Ch('v')], A::NewVisit),
    b(C::GroupRecords, &[Ch('a')], A::NewActivity),
    b(C::GroupRecords, &[Ch('d')], A::NewDiagnosis),
    b(C::GroupPage, &[Ch('t')], A::OpenTimeline),
    b(C::GroupRecord, &[Ch('e')], A::Edit),
    b(C::GroupPage, &[Code(KeyCode::F(5))], A::TogglePresenter),
    b(C::GroupPage, &[Code(KeyCode::Esc)], A::Back),
    // Forms: letters are text; moving between fields and finishing need other keys.
    b(
        C::FormField,
        &[Code(KeyCode::Tab), Code(KeyCode::Down)],
        A::NextPane,
    ),
    b(
        C::FormField,
        &[Code(KeyCode::BackTab), Code(KeyCode::Up)],
        A::PrevPane,
    ),
    // Alt-Enter is Enter here: one-line fields have no new line, and habit must not bite.
    b(
        C::FormField,
        &[Code(KeyCode::Enter), AltCode(KeyCode::Enter)],
        A::Open,
    ),
    b(
        C::FormField,
        &[Ctrl('s'), Code(KeyCode::F(10))],
        A::StartSession,
    ),
    b(C::FormField, &[Code(KeyCode::Esc)], A::Back),
    // From any field of the group: straight to a new member (Tab would take nine presses).
    b(C::SetupForm, &[Ctrl('n')], A::AddMember),
    b(C::SetupMembers, &[Ch('a')], A::Add),
    b(C::SetupMembers, &[Ch('e'), Code(KeyCode::Enter)], A::Edit),
    b(
        C::SetupMembers,
        &[Ch('d'), Code(KeyCode::Delete)],
        A::Delete,
    ),
    b(
        C::SetupMembers,
        &[Ctrl('s'), Code(KeyCode::F(10))],
        A::StartSession,
    ),
    b(C::SetupMembers, &[Code(KeyCode::Esc)], A::Back),
    // A session on screen
    b(C::Facilitate, &[Ch(']'), Ch('n')], A::NextPhase),
    b(C::Facilitate, &[Ch('['), Ch('p')], A::PrevPhase),
    b(C::Facilitate, &[Ch('t')], A::TimerToggle),
    b(C::Facilitate, &[Ch('+'), Ch('=')], A::TimerPlus),
    b(C::Facilitate, &[Ch('-')], A::TimerMinus),
    b(C::Facilitate, &[Ch('i')], A::TogglePanel),
    b(C::Facilitate, &[Ch('a')], A::Add),
    b(C::Facilitate, &[Ch('e'), Code(KeyCode::Enter)], A::Edit),
    b(C::Facilitate, &[Ch('d'), Code(KeyCode::Delete)], A::Delete),
    b(C::Facilitate, &[Code(KeyCode::Esc)], A::Back),
    b(C::Facilitate, &[Ch('X')], A::Export),
    b(C::Facilitate, &[Code(KeyCode::F(5))], A::TogglePresenter),
    // Free in every phase (`G` is Navigation's "to the bottom"): D as in décisions.
    b(C::Facilitate, &[Ch('D')], A::OpenDecisions),
    b(C::Attendance, &[Ch(' ')], A::CycleAttendance),
    b(C::Attendance, &[Digits(1, 3)], A::SetAttendance),
    b(C::Attendance, &[Ch('x')], A::MemberLeaves),
    b(C::Reviews, &[Digits(0, 4)], A::SetStatus),
    b(C::PlanReviews, &[Digits(0, 3)], A::SetPlanStatus),
    b(C::Cards, &[Ch('*')], A::TogglePriority),
    b(C::Cards, &[Code(KeyCode::F(2))], A::PickAuthor),
    b(C::Cards, &[Ch(' ')], A::ToggleMark),
    b(C::Cards, &[Ch('m')], A::MoveToTheme),
    b(C::Themes, &[Ch(' ')], A::ToggleMark),
    b(C::Themes, &[Ch('m')], A::MoveToTheme),
    b(C::Themes, &[Ch('x')], A::TakeOut),
    b(C::Themes, &[Ch('M')], A::MergeTheme),
    b(C::Themes, &[Ch('c')], A::PickCategory),
    b(C::Themes, &[Ch('*')], A::TogglePriority),
    b(C::Themes, &[Code(KeyCode::Left)], A::PrevGroup),
    b(C::Themes, &[Code(KeyCode::Right)], A::NextGroup),
    b(C::Themes, &[Ch('r')], A::TakeUp),
    b(C::Votes, &[Code(KeyCode::F(2))], A::PickVoter),
    b(C::Votes, &[Digits(0, 9)], A::SetDots),
    b(C::Votes, &[Code(KeyCode::Left)], A::DotMinus),
    b(C::Votes, &[Code(KeyCode::Right)], A::DotPlus),
    b(C::Votes, &[Ch('v')], A::ToggleVoteMode),
    b(C::Votes, &[Ch('b')], A::SetBudget),
    b(C::Votes, &[Ch('*')], A::TogglePriority),
    b(C::Causes, &[Ch('w')], A::AddSubCause),
    b(C::Causes, &[Ch('r')], A::ToggleRoot),
    b(C::Causes, &[Ch('m')], A::Reparent),
    b(C::Causes, &[Ch('c')], A::PickCategory),
    b(C::Causes, &[Ch(' ')], A::ToggleFold),
    b(C::Causes, &[Code(KeyCode::Left)], A::Fold),
    b(C::Causes, &[Code(KeyCode::Right)], A::Unfold),
    b(C::Causes, &[Ch('v')], A::ToggleView),
    b(C::Concerned, &[Ch(' ')], A::ToggleConcerned),
    b(C::Ideas, &[Ch(' ')], A::ToggleChosen),
    b(C::Ideas, &[Code(KeyCode::F(2))], A::PickAuthor),
    b(C::Ideas, &[Digits(0, 5)], A::Rate),
    b(C::Ideas, &[Code(KeyCode::Left)], A::PrevChoice),
    b(C::Ideas, &[Code(KeyCode::Right)], A::NextChoice),
    b(C::Ideas, &[Ch('l')], A::LinkCause),
    b(C::Ideas, &[Ch('c')], A::PickKind),
    b(C::Ideas, &[Ch('v')], A::ToggleView),
    b(C::Ideas, &[Ch('P')], A::LinkProject),
    b(C::Actions, &[Ch('c')], A::FromIdea),
    b(C::Actions, &[Ch('s')], A::CycleSort),
    b(C::Actions, &[Ch('P')], A::LinkProject),
    b(C::ClosingMembers, &[Digits(0, 5)], A::Score),
    b(C::Closing, &[Ch('c')], A::CloseSession),
    // The group's decisions over a session: the moving keys come from Navigation, Tab
    // goes from section to section.
    b(C::DecisionRoles, &[Code(KeyCode::Enter), Ch('e')], A::Elect),
    b(C::DecisionRoles, &[Ch('a')], A::AddRole),
    b(
        C::DecisionRoles,
        &[Ch('d'), Code(KeyCode::Delete)],
        A::EndTerm,
    ),
    b(C::DecisionRules, &[Ch('a')], A::Add),
    b(C::DecisionRules, &[Code(KeyCode::Enter), Ch('e')], A::Edit),
    b(
        C::DecisionRules,
        &[Ch('d'), Code(KeyCode::Delete)],
        A::Withdraw,
    ),
    b(C::DecisionPlan, &[Ch('a')], A::Add),
    b(C::DecisionPlan, &[Ch('o')], A::AddObjective),
    b(C::DecisionPlan, &[Code(KeyCode::Enter), Ch('e')], A::Edit),
    b(
        C::DecisionPlan,
        &[Ch('d'), Code(KeyCode::Delete)],
        A::RemoveFromPlan,
    ),
    b(C::DecisionProjects, &[Ch('a')], A::Add),
    b(
        C::DecisionProjects,
        &[Code(KeyCode::Enter), Ch('e')],
        A::Edit,
    ),
    b(C::DecisionProjects, &[Ch('s')], A::ProjectStatus),
    b(C::DecisionProjects, &[Ch('m')], A::AddMilestone),
    b(C::DecisionProjects, &[Ch(' ')], A::ToggleDone),
    b(C::Decisions, &[Code(KeyCode::F(5))], A::TogglePresenter),
    b(C::Decisions, &[Code(KeyCode::Esc), Ch('D')], A::Back),
    // Typing in a field: the session's keys move to Alt- combinations.
    b(C::Editor, &[Code(KeyCode::Enter)], A::Validate),
    b(C::Editor, &[Code(KeyCode::Esc)], A::Back),
    b(C::Editor, &[Code(KeyCode::Tab)], A::NextPane),
    b(C::Editor, &[Code(KeyCode::BackTab)], A::PrevPane),
    b(C::Authored, &[Code(KeyCode::F(2))], A::PickAuthor),
    b(C::Editor, &[Alt(']'), Alt('n')], A::NextPhase),
    b(C::Editor, &[Alt('['), Alt('p')], A::PrevPhase),
    b(C::Editor, &[Alt('t')], A::TimerToggle),
    b(C::Editor, &[Alt('+'), Alt('=')], A::TimerPlus),
    b(C::Editor, &[Alt('-')], A::TimerMinus),
    b(C::Editor, &[Code(KeyCode::F(5))], A::TogglePresenter),
    // Alt-Enter: a new line where a field has several, Enter's twin where it has one (a
    // habit must not bite). Both encodings (`ESC CR`, `CSI 13;3u`) arrive as Alt+Enter.
    b(C::MultiLine, &[AltCode(KeyCode::Enter)], A::NewLine),
    b(C::OneLine, &[AltCode(KeyCode::Enter)], A::Validate),
    // In any text field, a session's or a form's: they change the text, never leave it.
    b(C::TextField, &[Ctrl('u')], A::ClearField),
    b(C::TextField, &[Ctrl('w')], A::DeleteWord),
    b(C::TextField, &[Ctrl('z')], A::Undo),
    b(C::TextField, &[Ctrl('y')], A::Redo),
    b(C::FormChoice, &[Code(KeyCode::Left)], A::PrevChoice),
    b(C::FormChoice, &[Code(KeyCode::Right)], A::NextChoice),
    b(C::FormMulti, &[Code(KeyCode::Up)], A::PrevChoice),
    b(C::FormMulti, &[Code(KeyCode::Down)], A::NextChoice),
    b(C::FormMulti, &[Ch(' ')], A::Toggle),
    // Popups
    b(C::Picker, &[Code(KeyCode::Up)], A::Up),
    b(C::Picker, &[Code(KeyCode::Down)], A::Down),
    b(C::Picker, &[Code(KeyCode::Enter), Hotkey], A::Choose),
    b(C::Picker, &[Code(KeyCode::Esc)], A::Back),
    b(
        C::Confirm,
        &[Ch('y'), Ch('o'), Code(KeyCode::Enter)],
        A::Yes,
    ),
    b(C::Confirm, &[Ch('n'), Code(KeyCode::Esc)], A::No),
    b(C::Help, &[Code(KeyCode::Up), Ch('k')], A::Up),
    b(C::Help, &[Code(KeyCode::Down), Ch('j')], A::Down),
    b(
        C::Help,
        &[Code(KeyCode::Esc), Ch('?'), Ch('q'), Code(KeyCode::F(1))],
        A::Back,
    ),
];

/// A key press resolved through the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Resolved {
    pub action: Action,
    /// The digit pressed (`Digits`) or the key's number (`Hotkey`, see [`hotkey_index`]).
    pub arg: Option<u8>,
}

impl Key {
    fn matches(&self, ev: &KeyEvent) -> Option<Option<u8>> {
        let mods = ev.modifiers - KeyModifiers::SHIFT;
        let plain = mods.is_empty();
        let hit = match (*self, ev.code) {
            (Ch(c), KeyCode::Char(x)) => plain && c == x,
            (Code(KeyCode::BackTab), KeyCode::BackTab) => true,
            (Code(k), code) => plain && k == code,
            (Ctrl(c), KeyCode::Char(x)) => {
                mods == KeyModifiers::CONTROL && x.eq_ignore_ascii_case(&c)
            }
            (Alt(c), KeyCode::Char(x)) => mods == KeyModifiers::ALT && c == x,
            (AltCode(k), code) => mods == KeyModifiers::ALT && k == code,
            (Digits(lo, hi), KeyCode::Char(x)) if plain => {
                let d = x.to_digit(10)? as u8;
                return (lo..=hi).contains(&d).then_some(Some(d));
            }
            (Hotkey, KeyCode::Char(x)) if plain => {
                return hotkey_index(x).map(Some);
            }
            _ => false,
        };
        hit.then_some(None)
    }

    /// How the key is written in the footer, the help and the README.
    pub fn label(&self) -> String {
        fn code(k: KeyCode) -> String {
            match k {
                KeyCode::Up => "↑".into(),
                KeyCode::Down => "↓".into(),
                KeyCode::Left => "←".into(),
                KeyCode::Right => "→".into(),
                KeyCode::Enter => "Enter".into(),
                KeyCode::Esc => "Esc".into(),
                KeyCode::Tab => "Tab".into(),
                KeyCode::BackTab => "Shift-Tab".into(),
                KeyCode::PageUp => "PgUp".into(),
                KeyCode::PageDown => "PgDn".into(),
                KeyCode::Home => "Home".into(),
                KeyCode::End => "End".into(),
                KeyCode::Delete => "Del".into(),
                KeyCode::F(n) => format!("F{n}"),
                other => format!("{other:?}"),
            }
        }
        match *self {
            Ch(' ') => "Space".into(),
            Ch(c) => c.to_string(),
            Code(k) => code(k),
            Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
            Alt(c) => format!("Alt-{c}"),
            AltCode(k) => format!("Alt-{}", code(k)),
            Digits(lo, hi) => format!("{lo}–{hi}"),
            Hotkey => "0–9 a–z -".into(),
        }
    }
}

impl Binding {
    pub fn label(&self) -> String {
        self.keys
            .iter()
            .map(Key::label)
            .collect::<Vec<_>>()
            .join(" ")
    }
}

// ---------------------------------------------------------------------------------------
// The keys of a picker's rows

const HOTKEYS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";

/// The whole group's key in every picker of people.
pub const GROUP_KEY: char = '0';
/// Anonymous's key in every picker of people.
pub const ANONYMOUS_KEY: char = '-';

/// The hotkey of row `i` of a picker whose rows are keyed by their place: 0–9 then a–z.
pub fn picker_hotkey(i: usize) -> Option<char> {
    HOTKEYS.get(i).map(|b| *b as char)
}

/// A member's key in every picker of people, by their place in the group's list of
/// members (a member absent today is not listed, and the others keep their keys): 1–9
/// then a–z. The same rule keys the ideas by their number in the list of ideas.
pub fn member_hotkey(place: usize) -> Option<char> {
    picker_hotkey(place + 1)
}

/// What a picker key is passed on as by the key table (0–9 a–z, then `-`): a number, since
/// a resolved key carries one.
pub fn hotkey_index(c: char) -> Option<u8> {
    if c == ANONYMOUS_KEY {
        return Some(HOTKEYS.len() as u8);
    }
    HOTKEYS
        .iter()
        .position(|b| *b as char == c)
        .map(|i| i as u8)
}

/// The key a number from [`hotkey_index`] stands for.
pub fn hotkey_char(i: u8) -> Option<char> {
    match HOTKEYS.get(usize::from(i)) {
        Some(b) => Some(*b as char),
        None => (usize::from(i) == HOTKEYS.len()).then_some(ANONYMOUS_KEY),
    }
}

/// Finds the action of a key in the first context (most specific first) that binds it.
pub fn resolve(contexts: &[Ctx], ev: &KeyEvent) -> Option<Resolved> {
    for ctx in contexts {
        for binding in TABLE.iter().filter(|b| b.ctx == *ctx) {
            for key in binding.keys {
                if let Some(arg) = key.matches(ev) {
                    return Some(Resolved {
                        action: binding.action,
                        arg,
                    });
                }
            }
        }
    }
    None
}

/// Which keys keep their place in a short footer: the lowest number first, whatever their
/// order. 0: help, moving on to the next phase and the way out, never dropped before
/// another key; 2: minor keys (the timer's minutes, the panel, panes, screen-wide extras),
/// dropped first; 1: the rest, a screen's own work.
pub fn footer_priority(action: Action) -> u8 {
    match action {
        A::Help | A::NextPhase | A::Back | A::Quit => 0,
        A::TimerPlus
        | A::TimerMinus
        | A::TogglePanel
        | A::NextPane
        | A::Open
        | A::OpenTimeline
        | A::OpenGroupPage
        | A::OpenProgramme
        | A::OpenDecisions
        | A::MemberLeaves
        | A::LinkProject
        | A::Export
        | A::ExportTracker
        | A::TogglePresenter => 2,
        _ => 1,
    }
}

/// The first key of an action in a context, as the table writes it ("F5"): for messages
/// that name the key to press.
pub fn key_label(ctx: Ctx, action: Action) -> String {
    TABLE
        .iter()
        .find(|b| b.ctx == ctx && b.action == action)
        .and_then(|b| b.keys.first())
        .map(|k| k.label())
        .unwrap_or_default()
}

/// The bindings that apply in these contexts, a key bound twice counted once (the first wins).
pub fn bindings_for(contexts: &[Ctx]) -> Vec<&'static Binding> {
    let mut out: Vec<&'static Binding> = Vec::new();
    for ctx in contexts {
        for binding in TABLE.iter().filter(|b| b.ctx == *ctx) {
            if !out.iter().any(|o| o.action == binding.action) {
                out.push(binding);
            }
        }
    }
    out
}

/// The whole key table as Markdown, one row per binding, contexts in the order they first
/// appear in [`TABLE`]: what the README shows (in English), checked by `tests/readme.rs`.
pub fn markdown_table(lang: crate::i18n::Lang) -> String {
    let s = lang.strings();
    let cell = |text: &str| text.replace('|', "\\|");
    let mut contexts: Vec<Ctx> = Vec::new();
    for b in TABLE {
        if !contexts.contains(&b.ctx) {
            contexts.push(b.ctx);
        }
    }
    let mut out = String::from("| Where | Keys | Action |\n| --- | --- | --- |\n");
    for ctx in contexts {
        let mut first = true;
        for b in TABLE.iter().filter(|b| b.ctx == ctx) {
            let place = if first {
                format!("**{}**", cell(ctx.name(s)))
            } else {
                String::new()
            };
            first = false;
            let keys: Vec<String> = b
                .keys
                .iter()
                .map(|k| format!("`{}`", cell(&k.label())))
                .collect();
            out.push_str(&format!(
                "| {place} | {} | {} |\n",
                keys.join(" "),
                cell(b.action.label(s))
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn specific_context_wins_and_digits_carry_their_value() {
        let ctxs = [Ctx::Reviews, Ctx::Facilitate, Ctx::Navigation, Ctx::Global];
        let r = resolve(&ctxs, &key(KeyCode::Char('3'), KeyModifiers::NONE)).unwrap();
        assert_eq!((r.action, r.arg), (Action::SetStatus, Some(3)));
        let r = resolve(&ctxs, &key(KeyCode::Char('c'), KeyModifiers::CONTROL)).unwrap();
        assert_eq!(r.action, Action::ForceQuit);
        assert!(resolve(&ctxs, &key(KeyCode::Char('9'), KeyModifiers::NONE)).is_none());
    }

    #[test]
    fn letters_are_text_in_an_editor() {
        let ctxs = [Ctx::Editor, Ctx::Global];
        assert!(resolve(&ctxs, &key(KeyCode::Char('q'), KeyModifiers::NONE)).is_none());
        assert!(resolve(&ctxs, &key(KeyCode::Char('?'), KeyModifiers::SHIFT)).is_none());
        let r = resolve(&ctxs, &key(KeyCode::Char('t'), KeyModifiers::ALT)).unwrap();
        assert_eq!(r.action, Action::TimerToggle);
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for (i, a) in TABLE.iter().enumerate() {
            for b in &TABLE[i + 1..] {
                if a.ctx == b.ctx {
                    for k in a.keys {
                        assert!(!b.keys.contains(k), "{k:?} twice in {:?}", a.ctx);
                    }
                }
            }
        }
    }
}
