//! Strings of the group timeline: a group's sessions in order, who came, every action and
//! how it went, the needs that came back.

use super::Counted;
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct TimelineStrings {
    /// Before the group's name in the header.
    pub title: &'static str,
    /// The number of sessions read, in the header.
    pub sessions: Counted,
    /// The sessions' dates: first, then latest.
    pub span: &'static str,
    /// Files of the group that could not be read when the timeline was opened.
    pub skipped: Counted,
    pub pane_attendance: &'static str,
    /// `{}` is the number of actions.
    pub pane_actions: &'static str,
    /// `{}` is the number of needs that came back.
    pub pane_needs: &'static str,

    // Attendance
    pub col_member: &'static str,
    /// A session column: `{}` is its number.
    pub session_col: &'static str,
    pub col_rate: &'static str,
    pub col_excused: &'static str,
    pub col_active: &'static str,
    pub active_yes: &'static str,
    pub active_no: &'static str,
    /// A rate: `{}` is a whole percentage.
    pub percent: &'static str,
    /// What the marks of the grid mean (meaning never rests on colour alone).
    pub legend_attendance: &'static str,
    pub active_rule: &'static str,
    /// Session columns scrolled out of view, with the key that brings them back.
    pub earlier_hidden: Counted,
    pub later_hidden: Counted,
    pub no_members: &'static str,
    /// The row under the members: how many were present at each session, of how many
    /// members then.
    pub present_total: &'static str,
    /// The selected member's counts: name, present, sessions as a member, excused, absent.
    pub member_detail: &'static str,
    pub joined: &'static str,
    pub left: &'static str,

    // Actions
    pub col_from: &'static str,
    pub col_what: &'static str,
    pub col_who: &'static str,
    pub col_due: &'static str,
    pub col_reviews: &'static str,
    pub col_state: &'static str,
    pub overdue: &'static str,
    /// A session after the action's that did not review it.
    pub not_reviewed: &'static str,
    pub legend_actions: &'static str,
    pub no_actions: &'static str,
    /// `{}` is the order: one of the three below.
    pub sorted_by: &'static str,
    pub sort_entered: &'static str,
    pub sort_due: &'static str,
    pub sort_owner: &'static str,
    /// The selected action in full: `{}` its session's number and date.
    pub decided: &'static str,
    pub who: &'static str,
    pub due: &'static str,
    pub no_due: &'static str,
    pub means: &'static str,
    pub indicator: &'static str,
    /// One later session's review: number, date, status (and the comment after it).
    pub review_at: &'static str,
    pub never_reviewed: &'static str,

    // Recurring needs
    pub by_category: &'static str,
    pub by_theme: &'static str,
    /// `{}` is how many sessions, then which ones.
    pub in_sessions: Counted,
    pub none_category: &'static str,
    pub none_theme: &'static str,
    /// The other titles a theme came back under.
    pub also_titled: &'static str,
}

pub const FR: TimelineStrings = TimelineStrings {
    title: "Historique du groupe",
    sessions: Counted::fr("{} séance", "{} séances"),
    span: "{} → {}",
    skipped: Counted::fr(
        "⚠ {} fichier illisible de ce groupe : séance manquante (voir l'accueil).",
        "⚠ {} fichiers illisibles de ce groupe : séances manquantes (voir l'accueil).",
    ),
    pane_attendance: "Présences",
    pane_actions: "Suivi des actions ({})",
    pane_needs: "Besoins récurrents ({})",
    col_member: "Membre",
    session_col: "S{}",
    col_rate: "Taux",
    col_excused: "Exc.",
    col_active: "Actif",
    active_yes: "oui",
    active_no: "non",
    percent: "{} %",
    legend_attendance: "✓ présent  ~ excusé  ✗ absent  ? non noté  vide : pas membre",
    active_rule: "Actif : présent à 2/3 de ses séances sur 6 mois. Exc. : absences excusées.",
    earlier_hidden: Counted::fr("◀ {} plus ancienne (←)", "◀ {} plus anciennes (←)"),
    later_hidden: Counted::fr("{} plus récente (→) ▶", "{} plus récentes (→) ▶"),
    no_members: "Aucun membre dans les séances de ce groupe.",
    present_total: "Présents",
    member_detail: "{} : présent {} fois sur {}, excusé {}, absent {}",
    joined: "depuis le {}",
    left: "parti le {}",
    col_from: "De",
    col_what: "Action",
    col_who: "Qui",
    col_due: "Échéance",
    col_reviews: "Suivi",
    col_state: "État",
    overdue: "⚠ en retard",
    not_reviewed: "pas revue",
    legend_actions: "Par séance suivante : ✓ faite  … en cours  ! bloquée  ✗ abandonnée  · pas revue",
    no_actions: "Aucune action n'a été décidée dans les séances de ce groupe.",
    sorted_by: " tri : {} ",
    sort_entered: "saisie",
    sort_due: "échéance",
    sort_owner: "responsable",
    decided: "Décidée à la séance {} du {}",
    who: "Qui : {}",
    due: "Échéance : {}",
    no_due: "aucune",
    means: "Moyens : {}",
    indicator: "Indicateur : {}",
    review_at: "Séance {} du {} : {}",
    never_reviewed: "Pas encore revue par une séance suivante.",
    by_category: "Par catégorie de besoin ({})",
    by_theme: "Par thèmes semblables ({})",
    in_sessions: Counted::fr("{} séance : {}", "{} séances : {}"),
    none_category: "Aucune catégorie de besoin n'est revenue d'une séance à l'autre.",
    none_theme: "Aucun thème semblable n'est revenu d'une séance à l'autre.",
    also_titled: "aussi : {}",
};

pub const EN: TimelineStrings = TimelineStrings {
    title: "Group timeline",
    sessions: Counted::en("{} session", "{} sessions"),
    span: "{} → {}",
    skipped: Counted::en(
        "⚠ {} unreadable file of this group: a session missing (see the home screen).",
        "⚠ {} unreadable files of this group: sessions missing (see the home screen).",
    ),
    pane_attendance: "Attendance",
    pane_actions: "Action tracker ({})",
    pane_needs: "Recurring needs ({})",
    col_member: "Member",
    session_col: "S{}",
    col_rate: "Rate",
    col_excused: "Exc.",
    col_active: "Active",
    active_yes: "yes",
    active_no: "no",
    percent: "{}%",
    legend_attendance: "✓ present  ~ excused  ✗ absent  ? not recorded  blank: not a member",
    active_rule: "Active: present at 2/3 of their sessions over 6 months. Exc.: excused absences.",
    earlier_hidden: Counted::en("◀ {} earlier (←)", "◀ {} earlier (←)"),
    later_hidden: Counted::en("{} later (→) ▶", "{} later (→) ▶"),
    no_members: "No member in this group's sessions.",
    present_total: "Present",
    member_detail: "{}: present {} of {}, excused {}, absent {}",
    joined: "since {}",
    left: "left {}",
    col_from: "At",
    col_what: "Action",
    col_who: "Who",
    col_due: "Due",
    col_reviews: "Track",
    col_state: "State",
    overdue: "⚠ overdue",
    not_reviewed: "not reviewed",
    legend_actions: "Per later session: ✓ done  … in progress  ! blocked  ✗ dropped  · not reviewed",
    no_actions: "No action was decided in this group's sessions.",
    sorted_by: " sorted by {} ",
    sort_entered: "entered",
    sort_due: "due date",
    sort_owner: "owner",
    decided: "Decided at session {} on {}",
    who: "Who: {}",
    due: "Due: {}",
    no_due: "none",
    means: "Means: {}",
    indicator: "Indicator: {}",
    review_at: "Session {} on {}: {}",
    never_reviewed: "Not reviewed by a later session yet.",
    by_category: "By need category ({})",
    by_theme: "By similar theme titles ({})",
    in_sessions: Counted::en("{} session: {}", "{} sessions: {}"),
    none_category: "No need category came back from one session to another.",
    none_theme: "No similar theme came back from one session to another.",
    also_titled: "also: {}",
};
