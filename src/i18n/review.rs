//! Strings of the review browser (every session of the folder as a table) and of the
//! read-only session view opened from it.

use super::Counted;
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct ReviewStrings {
    /// The browser's title: `{}` is the number of rows shown, then of sessions in all.
    pub title: &'static str,
    /// The title while the folder is being read: how many rows there are is not known yet.
    pub title_reading: &'static str,
    /// Before the text typed to filter the rows.
    pub filter: &'static str,
    /// In the empty filter field.
    pub filter_hint: &'static str,
    /// After the text typed, while many rows are being filtered.
    pub filtering: &'static str,
    pub col_date: &'static str,
    pub col_group: &'static str,
    pub col_number: &'static str,
    pub col_trade: &'static str,
    pub col_region: &'static str,
    pub col_advisor: &'static str,
    pub col_state: &'static str,
    pub col_cards: &'static str,
    pub col_actions: &'static str,
    pub no_sessions: &'static str,
    pub no_match: &'static str,
    /// The files that could not be read, listed apart: `{}` is their number.
    pub unreadable: &'static str,
    /// The session view's status line.
    pub view_closed: &'static str,
    pub view_in_progress: &'static str,
    /// Resume was asked on a closed session.
    pub cannot_resume: &'static str,
    /// `{}` is the first line shown, then the number of lines.
    pub position: &'static str,
    /// While the folder is read without its summary cache (home screen and browser): `{}`
    /// is the number of files read, then of files in all.
    pub reading: &'static str,
    /// Between thousands in a count ("10 000", "10,000").
    pub thousands: &'static str,
    /// Before the kinds of rows shown (sessions, activities, visits, all).
    pub shown: &'static str,
    pub shown_all: &'static str,
    pub shown_sessions: &'static str,
    pub shown_activities: &'static str,
    pub shown_visits: &'static str,
    /// What a record's row is: a visit; an activity, `{}` its kind ("formation").
    pub kind_visit: &'static str,
    pub kind_activity: &'static str,
    /// A visit's row: `{}` the member visited, then the topics.
    pub visit_row: &'static str,
    /// An activity's row: `{}` how many were present (`present`), then its title.
    pub activity_row: &'static str,
    pub present: Counted,
}

pub const FR: ReviewStrings = ReviewStrings {
    title: "Revoir séances, activités et visites ({} sur {})",
    title_reading: "Revoir séances, activités et visites",
    filter: "Filtre : ",
    filter_hint: "tapez pour filtrer (groupe, métier, région, conseiller, cartes, causes, actions)",
    filtering: "filtrage…",
    col_date: "Date",
    col_group: "Groupe",
    col_number: "N°",
    col_trade: "Métier",
    col_region: "Région",
    col_advisor: "Conseiller",
    col_state: "État",
    col_cards: "Cart.",
    col_actions: "Act.",
    no_sessions: "Aucune séance dans ce dossier.",
    no_match: "Aucune séance, activité ni visite ne correspond au filtre.",
    unreadable: "Fichiers illisibles ({})",
    view_closed: "Séance clôturée, en lecture seule.",
    view_in_progress: "Séance en cours : elle peut être reprise.",
    cannot_resume: "Cette séance est clôturée : il n'y a rien à reprendre.",
    position: "ligne {} sur {}",
    reading: "Lecture des séances… {} / {}",
    // A no-break space: the count never breaks across two lines.
    thousands: "\u{a0}",
    shown: "Montrer : ",
    shown_all: "tout",
    shown_sessions: "séances",
    shown_activities: "activités",
    shown_visits: "visites",
    kind_visit: "visite",
    kind_activity: "activité : {}",
    visit_row: "{} — {}",
    activity_row: "{} · {}",
    present: Counted::fr("{} présent", "{} présents"),
};

pub const EN: ReviewStrings = ReviewStrings {
    title: "Review sessions, activities and visits ({} of {})",
    title_reading: "Review sessions, activities and visits",
    filter: "Filter: ",
    filter_hint: "type to filter (group, trade, region, advisor, cards, causes, actions)",
    filtering: "filtering…",
    col_date: "Date",
    col_group: "Group",
    col_number: "No.",
    col_trade: "Trade",
    col_region: "Region",
    col_advisor: "Advisor",
    col_state: "State",
    col_cards: "Cards",
    col_actions: "Acts",
    no_sessions: "No session in this folder.",
    no_match: "No session, activity or visit matches the filter.",
    unreadable: "Unreadable files ({})",
    view_closed: "Closed session, read-only.",
    view_in_progress: "Session in progress: it can be resumed.",
    cannot_resume: "This session is closed: there is nothing to resume.",
    position: "line {} of {}",
    reading: "Reading sessions… {} / {}",
    thousands: ",",
    shown: "Show: ",
    shown_all: "all",
    shown_sessions: "sessions",
    shown_activities: "activities",
    shown_visits: "visits",
    kind_visit: "visit",
    kind_activity: "activity: {}",
    visit_row: "{} — {}",
    activity_row: "{} · {}",
    present: Counted::en("{} present", "{} present"),
};
