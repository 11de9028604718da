//! The action tracker exported for a spreadsheet or a page (`atelier export --tracker`, `e`
//! in the timeline's actions), and its command-line words.

#[derive(Debug)]
pub struct TrackerStrings {
    /// The title: `{}` is the group's name.
    pub title_group: &'static str,
    /// The title of the whole folder's tracker.
    pub title_folder: &'static str,
    /// Under the title: `{}` is today's date, then the counts.
    pub as_of: &'static str,
    /// `{}` actions, `{}` of them overdue.
    pub counts: &'static str,
    /// No action decided in any session given.
    pub none: &'static str,
    /// The columns, in the screen's order.
    pub col_group: &'static str,
    pub col_session: &'static str,
    pub col_session_date: &'static str,
    pub col_action: &'static str,
    pub col_owners: &'static str,
    pub col_due: &'static str,
    pub col_status: &'static str,
    /// The session that gave the latest status.
    pub col_status_at: &'static str,
    pub col_comment: &'static str,
    pub col_overdue: &'static str,
    pub col_id: &'static str,
    /// `{}` is the session's number, `{}` its date.
    pub session_on: &'static str,
    /// The overdue column's word for a late action (empty otherwise).
    pub overdue: &'static str,
    pub footer: &'static str,
    /// Command line.
    pub help_tracker: &'static str,
    pub help_group: &'static str,
    /// `--group` named no group of the folder: `{}` is what was typed, then the folder.
    pub no_group: &'static str,
    /// `--group` matched several: `{}` is what was typed, then their names.
    pub many_groups: &'static str,
}

pub const FR: TrackerStrings = TrackerStrings {
    title_group: "Suivi des actions — {}",
    title_folder: "Suivi des actions de tous les groupes",
    as_of: "Au {}",
    counts: "{} actions, dont {} en retard",
    none: "Aucune action n'a encore été décidée.",
    col_group: "Groupe",
    col_session: "Séance n°",
    col_session_date: "Date de la séance",
    col_action: "Action",
    col_owners: "Qui",
    col_due: "Échéance",
    col_status: "Statut",
    col_status_at: "Statut donné à",
    col_comment: "Commentaire",
    col_overdue: "En retard",
    col_id: "Identifiant",
    session_on: "séance {} du {}",
    overdue: "en retard",
    footer: "Suivi des actions pour le groupe : sans numéros de téléphone ni notes personnelles du conseiller (loi 09-08). « En retard » : échéance passée à la date du document, action ni faite ni abandonnée.",
    help_tracker: "Exporter le suivi de toutes les actions (d'un groupe avec --group, sinon de tout le dossier)",
    help_group: "Le groupe suivi : son nom (ou une partie) ou son identifiant",
    no_group: "Aucun groupe ne correspond à « {} » dans {}. `atelier` sans argument liste les groupes.",
    many_groups: "Plusieurs groupes correspondent à « {} » : {}. Précisez le nom ou donnez l'identifiant.",
};

pub const EN: TrackerStrings = TrackerStrings {
    title_group: "Action tracker — {}",
    title_folder: "Action tracker of every group",
    as_of: "As of {}",
    counts: "{} actions, {} of them overdue",
    none: "No action has been decided yet.",
    col_group: "Group",
    col_session: "Session no.",
    col_session_date: "Session date",
    col_action: "Action",
    col_owners: "Who",
    col_due: "Due",
    col_status: "Status",
    col_status_at: "Status given at",
    col_comment: "Comment",
    col_overdue: "Overdue",
    col_id: "Id",
    session_on: "session {} of {}",
    overdue: "overdue",
    footer: "Action tracker for the group: without phone numbers or the advisor's personal notes (law 09-08). \"Overdue\": due before the document's date, neither done nor dropped.",
    help_tracker: "Export the tracker of every action (of one group with --group, else of the whole folder)",
    help_group: "The group tracked: its name (or part of it) or its id",
    no_group: "No group matches \"{}\" in {}. `atelier` without arguments lists the groups.",
    many_groups: "Several groups match \"{}\": {}. Give more of the name, or the id.",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_have_every_string_with_the_same_placeholders() {
        let pairs = |s: &TrackerStrings| {
            [
                s.title_group,
                s.title_folder,
                s.as_of,
                s.counts,
                s.none,
                s.col_group,
                s.col_session,
                s.col_session_date,
                s.col_action,
                s.col_owners,
                s.col_due,
                s.col_status,
                s.col_status_at,
                s.col_comment,
                s.col_overdue,
                s.col_id,
                s.session_on,
                s.overdue,
                s.footer,
                s.help_tracker,
                s.help_group,
                s.no_group,
                s.many_groups,
            ]
        };
        for (i, (fr, en)) in pairs(&FR).iter().zip(pairs(&EN)).enumerate() {
            assert!(!fr.trim().is_empty() && !en.trim().is_empty(), "string {i}");
            assert_eq!(
                fr.matches("{}").count(),
                en.matches("{}").count(),
                "string {i}"
            );
        }
    }
}
