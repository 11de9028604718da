//! Strings of the programme screen (`P` on the home screen): the folder's figures, as
//! `atelier report` counts them, with charts. The words of the figures themselves are the
//! report's (`report.rs`, `indicators.rs`); these are the screen's own.

use super::Counted;
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct ProgrammeStrings {
    pub title: &'static str,
    /// While the runner reads and counts.
    pub counting: &'static str,
    /// `{}` the period's name, then its dates (or the report's words for all of it).
    pub period: &'static str,
    pub period_all: &'static str,
    pub period_twelve: &'static str,
    /// `{}` the year.
    pub period_this_year: &'static str,
    pub period_last_year: &'static str,
    pub period_year: &'static str,
    /// `{}` the grouping's name.
    pub grouping: &'static str,
    pub grouping_none: &'static str,
    /// The keys that change them, after their name: `{}` the key.
    pub key_hint: &'static str,

    // Charts
    pub attendance_by_month: &'static str,
    /// When the earlier months do not fit: `{}` how many are shown.
    pub attendance_last: &'static str,
    /// `{}` the actions decided in the period.
    pub actions: Counted,
    pub bar_done: &'static str,
    pub bar_open: &'static str,
    pub bar_overdue: &'static str,
    pub needs_by_category: &'static str,
    pub sessions_by_month: &'static str,
    /// Under the sparkline: the most in a month, and which.
    pub sessions_peak: Counted,
    pub no_attendance: &'static str,
    pub no_actions: &'static str,

    // The table
    pub col_sessions: &'static str,
    pub col_groups: &'static str,
    pub col_members: &'static str,
    pub col_active: &'static str,
    pub col_attendance: &'static str,
    pub col_planned: &'static str,
    pub col_done: &'static str,
    pub col_open: &'static str,
    pub col_overdue: &'static str,
}

pub const FR: ProgrammeStrings = ProgrammeStrings {
    title: "Programme",
    counting: "Calcul des chiffres du dossier…",
    period: "Période : {} ({})",
    period_all: "tout le dossier",
    period_twelve: "les 12 derniers mois",
    period_this_year: "cette année, {}",
    period_last_year: "l'an dernier, {}",
    period_year: "année {}",
    grouping: "Regroupement : {}",
    grouping_none: "aucun",
    key_hint: " [{}]",

    attendance_by_month: "Présence par mois",
    attendance_last: "Présence par mois (les {} derniers)",
    actions: Counted::fr("Actions ({} décidée)", "Actions ({} décidées)"),
    bar_done: "faites",
    bar_open: "ouvertes",
    bar_overdue: "en retard",
    needs_by_category: "Besoins par catégorie",
    sessions_by_month: "Séances par mois",
    sessions_peak: Counted::fr("pic : {} séance ({})", "pic : {} séances ({})"),
    no_attendance: "Aucune présence relevée dans cette période.",
    no_actions: "Aucune action décidée dans cette période.",

    col_sessions: "Séances",
    col_groups: "Groupes",
    col_members: "Membres",
    col_active: "Actifs",
    col_attendance: "Présence",
    col_planned: "Décidées",
    col_done: "Faites",
    col_open: "Ouvertes",
    col_overdue: "En retard",
};

pub const EN: ProgrammeStrings = ProgrammeStrings {
    title: "Programme",
    counting: "Counting the folder's figures…",
    period: "Period: {} ({})",
    period_all: "the whole folder",
    period_twelve: "the last 12 months",
    period_this_year: "this year, {}",
    period_last_year: "last year, {}",
    period_year: "year {}",
    grouping: "Rows: {}",
    grouping_none: "none",
    key_hint: " [{}]",

    attendance_by_month: "Attendance by month",
    attendance_last: "Attendance by month (last {})",
    actions: Counted::en("Actions ({} planned)", "Actions ({} planned)"),
    bar_done: "done",
    bar_open: "open",
    bar_overdue: "overdue",
    needs_by_category: "Needs by category",
    sessions_by_month: "Sessions by month",
    sessions_peak: Counted::en("peak: {} session ({})", "peak: {} sessions ({})"),
    no_attendance: "No attendance taken in this period.",
    no_actions: "No action planned in this period.",

    col_sessions: "Sessions",
    col_groups: "Groups",
    col_members: "Members",
    col_active: "Active",
    col_attendance: "Attendance",
    col_planned: "Planned",
    col_done: "Done",
    col_open: "Open",
    col_overdue: "Overdue",
};
