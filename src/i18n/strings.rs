/// All the words of the interface in one language. Sentences with `{}` are filled by
/// [`fill`] in order; both languages must have the same number of `{}` (tested).
#[derive(Debug)]
pub struct Strings {
    pub lang_name: &'static str,
    pub app_name: &'static str,
    pub too_small: &'static str,
    pub help_title: &'static str,
    pub confirm_title: &'static str,

    // Home
    pub home_folder: &'static str,
    pub home_groups: &'static str,
    pub home_recent: &'static str,
    pub home_unreadable: &'static str,
    pub home_loading: &'static str,
    pub home_no_groups: &'static str,
    pub home_no_sessions: &'static str,
    pub home_open_session: &'static str,
    pub home_pick_group_first: &'static str,
    pub home_group_unreadable: &'static str,
    pub home_older_copy: &'static str,
    /// A conflict copy in use (saved last): what to do.
    pub home_conflict_copy: &'static str,
    pub session_number: &'static str,
    pub state_in_progress: &'static str,
    pub state_closed: &'static str,
    /// A session file saved beside another as a conflict copy (see `store::tracked`).
    pub state_conflict: &'static str,

    // Setup
    pub setup_title_new: &'static str,
    pub setup_title_next: &'static str,
    pub setup_group: &'static str,
    pub setup_members: &'static str,
    pub setup_no_members: &'static str,
    pub setup_size_hint: &'static str,
    pub setup_need_members: &'static str,
    pub setup_draft_resumed: &'static str,
    pub setup_fix_fields: &'static str,
    pub member_add: &'static str,
    pub member_edit: &'static str,
    pub choice_none: &'static str,
    pub region_other: &'static str,
    pub field_bad_date: &'static str,
    /// What a date field takes, shown while it is typed in (before any mistake).
    pub date_forms: &'static str,
    pub field_empty_use_delete: &'static str,
    pub field_labels: FieldLabels,
    pub field_errors: FieldErrors,
    pub legal_statuses: LegalStatuses,

    // A session on screen
    pub saving: &'static str,
    pub saved_in: &'static str,
    pub save_failed: &'static str,
    pub session_read_only: &'static str,
    pub read_only_badge: &'static str,
    pub session_closed_reopen: &'static str,
    pub session_closed_done: &'static str,
    pub timer_overrun: &'static str,
    /// Beside a paused timer in the header: `{}` is the key that starts it.
    pub timer_paused: &'static str,
    pub panel_questions: &'static str,
    pub draft_label: &'static str,
    pub draft_kept: &'static str,
    pub text_empty: &'static str,
    /// An empty pane of a session that can't be changed here (read-only, replay): the
    /// usual empty texts say which key adds something, which would mislead there.
    pub nothing_yet: &'static str,
    pub text_empty_focused: &'static str,
    pub author_label: &'static str,
    pub author_anonymous: &'static str,
    pub author_group: &'static str,
    pub owner_group: &'static str,
    pub owner_advisor: &'static str,
    pub owner_host: &'static str,
    pub picker_author: &'static str,
    /// A picker key that no row has: the key, then the keys of the picker (↑, ↓, Enter, Esc).
    pub picker_no_key: &'static str,
    /// Any other key in a picker: the keys of the picker (↑, ↓, Enter, Esc).
    pub picker_other_key: &'static str,
    pub new_item: NewItemTitles,
    pub editor_edit: &'static str,
    pub editor_sub_cause: &'static str,
    pub editor_comment: &'static str,
    pub editor_commitment: &'static str,
    pub editor_text: &'static str,

    /// A member's attendance, in words that say the same of a woman and of a man.
    pub present: &'static str,
    pub excused: &'static str,
    pub absent: &'static str,
    /// In a replay, before the member's attendance was taken.
    pub attendance_pending: &'static str,
    pub pane_attendance: &'static str,
    pub pane_guests: &'static str,
    pub pane_objective: &'static str,
    pub pane_remarks: &'static str,
    pub empty_members: &'static str,
    pub empty_guests: &'static str,

    pub pane_reviews: &'static str,
    pub empty_reviews: &'static str,
    pub empty_reviews_first: &'static str,
    pub status_unreviewed: &'static str,
    pub status_done: &'static str,
    pub status_in_progress: &'static str,
    pub status_blocked: &'static str,
    pub status_dropped: &'static str,

    pub pane_cards: &'static str,
    pub empty_cards: &'static str,
    pub priority_label: &'static str,
    pub priority_none: &'static str,

    pub pane_statement: &'static str,
    pub pane_causes: &'static str,
    pub pane_effects: &'static str,
    pub empty_causes: &'static str,
    pub empty_effects: &'static str,
    pub root_badge: &'static str,

    pub pane_ideas: &'static str,
    pub empty_ideas: &'static str,
    pub chosen_count: &'static str,
    pub impact_short: &'static str,
    pub effort_short: &'static str,

    pub pane_actions: &'static str,
    pub empty_actions: &'static str,
    pub action_add: &'static str,
    pub action_edit: &'static str,
    pub no_owner: &'static str,
    pub no_date: &'static str,
    pub means_short: &'static str,
    pub indicator_short: &'static str,

    pub pane_closing_members: &'static str,
    pub closing_score_present_only: &'static str,
    pub pane_comments: &'static str,
    pub pane_next_date: &'static str,
    pub pane_next_place: &'static str,
    pub pane_next_topic: &'static str,
    pub pane_private_notes: &'static str,

    // Confirmations
    pub confirm_delete: &'static str,
    pub confirm_delete_member: &'static str,
    pub confirm_close: &'static str,
    pub confirm_close_missing: Counted,
    pub confirm_reopen: &'static str,
    pub confirm_discard_setup: &'static str,
    pub confirm_discard_form: &'static str,
    pub confirm_quit_unsaved: &'static str,

    // Keys
    pub actions: ActionStrings,
    pub contexts: ContextStrings,

    /// Themes and the configuration file (see `config.rs`).
    pub config: &'static ConfigStrings,
    /// The techniques of the need, problem and solution phases (see their files).
    pub needs: &'static NeedsStrings,
    pub problem: &'static ProblemStrings,
    pub solutions: &'static SolutionsStrings,
    /// `atelier report`: its help, messages and every word of the report (see `report.rs`).
    pub report: &'static ReportStrings,
    /// Messages about session files, folders and the command line (see `store.rs`).
    pub store: &'static StoreStrings,
    /// `atelier export` and the TUI's export (see `export/`).
    pub export: &'static ExportStrings,
    /// The action tracker's export (`atelier export --tracker`, `e` in the timeline).
    pub tracker: &'static TrackerStrings,
    /// The review browser and the read-only session view (see `review.rs`).
    pub review: &'static ReviewStrings,
    /// A group followed over its sessions (see `timeline.rs`).
    pub timeline: &'static TimelineStrings,
    /// The programme screen: the folder's figures with charts (see `programme.rs`).
    pub programme: &'static ProgrammeStrings,
    /// Replay of a saved session's history (see `replay.rs`).
    pub replay: &'static ReplayStrings,
    /// The group over its life: roles, rules, plan, projects, records (see `life.rs`).
    pub life: &'static LifeStrings,
    /// A group's page (see `group_page.rs`).
    pub group_page: &'static GroupPageStrings,
    /// What the group decides about itself during a session (see `decisions.rs`).
    pub decisions: &'static DecisionStrings,
    /// The presenter view, for a projector (see `presenter.rs`).
    pub presenter: &'static PresenterStrings,
    /// `atelier demo` and `atelier follow` (see `demo.rs`).
    pub demo: &'static DemoStrings,
}
