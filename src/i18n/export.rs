//! Strings for `atelier export`: the minutes (Markdown, HTML), the CSV of actions, the
//! pseudonyms of `--anonymize`, and the command's messages. The section labels themselves
//! come from `store.show`, so the minutes read like `atelier show`.

use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct ExportStrings {
    /// `--anonymize`: `{}` is a letter (A, B... AA) derived from the member's place in the
    /// group, so a member keeps the same letter in every session of the group.
    pub member: &'static str,
    pub business: &'static str,
    /// A guest of the session (not a member): `{}` is their number in the session.
    pub guest: &'static str,
    /// The advisor's name, replaced by the role under `--anonymize`.
    pub advisor: &'static str,
    /// A phone number typed into a free text, removed from every export.
    pub phone_hidden: &'static str,
    /// The last line of the minutes: what this document leaves out, and why.
    pub footer: &'static str,
    pub footer_anonymized: &'static str,
    /// Under the title of the HTML minutes: `{}` is the date the export was made.
    pub issued: &'static str,
    /// Printed pages are numbered "page 2 / 6": the word before the numbers.
    pub page: &'static str,
    /// The attendance sheet, a page of its own at the end of the HTML minutes.
    pub sheet_title: &'static str,
    pub sheet_members: &'static str,
    pub sheet_no_member: &'static str,
    pub col_name: &'static str,
    pub col_business: &'static str,
    /// A guest's role: what follows the first comma of what was typed for them.
    pub col_role: &'static str,
    pub col_signature: &'static str,
    /// The action table and the CSV header.
    pub col_session_date: &'static str,
    pub col_group: &'static str,
    pub col_session_number: &'static str,
    pub col_action: &'static str,
    pub col_status: &'static str,
    pub col_id: &'static str,
    /// Status of an action in the session that decided it.
    pub planned: &'static str,
    /// Command line.
    pub help_export: &'static str,
    pub help_format: &'static str,
    pub help_output: &'static str,
    pub help_anonymize: &'static str,
    pub written: &'static str,
    /// Writing the export failed: `{}` is the file (and, last, the system's reason).
    pub write_full: &'static str,
    pub write_denied: &'static str,
    pub write_no_folder: &'static str,
    pub write_other: &'static str,
}

pub const FR: ExportStrings = ExportStrings {
    member: "Membre {}",
    business: "Entreprise {}",
    guest: "Invité {}",
    advisor: "Conseiller",
    phone_hidden: "[numéro masqué]",
    footer: "Compte rendu pour les participants : sans numéros de téléphone ni notes personnelles du conseiller (loi 09-08).",
    footer_anonymized: "Version anonymisée pour la formation : noms des membres, des entreprises, des invités et du conseiller remplacés.",
    issued: "Émis le {}",
    page: "page",
    sheet_title: "Feuille de présence",
    sheet_members: "Membres présents",
    sheet_no_member: "Aucun membre noté présent.",
    col_name: "Nom",
    col_business: "Entreprise",
    col_role: "Qualité",
    col_signature: "Signature",
    col_session_date: "Date de la séance",
    col_group: "Groupe",
    col_session_number: "Séance n°",
    col_action: "Action",
    col_status: "Statut",
    col_id: "Identifiant",
    planned: "prévue",
    help_export: "Exporter le compte rendu d'une séance (Markdown, HTML) ou ses actions (CSV)",
    help_format: "md, html ou csv",
    help_output: "Fichier à écrire ; sinon sur la sortie standard",
    help_anonymize: "Remplace les noms des membres et des entreprises par des pseudonymes (formation)",
    written: "Exporté : {}",
    write_full: "Impossible d'écrire {} : le disque est plein. Libérez de la place ou choisissez un autre fichier avec -o.",
    write_denied: "Impossible d'écrire {} : ce dossier est en lecture seule ou vous n'avez pas le droit d'y écrire. Choisissez un autre fichier avec -o.",
    write_no_folder: "Impossible d'écrire {} : ce dossier n'existe pas. Créez-le ou choisissez un autre fichier avec -o.",
    write_other: "Impossible d'écrire {} : {}.",
};

pub const EN: ExportStrings = ExportStrings {
    member: "Member {}",
    business: "Business {}",
    guest: "Guest {}",
    advisor: "Advisor",
    phone_hidden: "[number hidden]",
    footer: "Minutes for the participants: without phone numbers or the advisor's personal notes (law 09-08).",
    footer_anonymized: "Anonymised version for training: names of members, businesses, guests and the advisor replaced.",
    issued: "Issued on {}",
    page: "page",
    sheet_title: "Attendance sheet",
    sheet_members: "Members present",
    sheet_no_member: "No member marked present.",
    col_name: "Name",
    col_business: "Business",
    col_role: "Role",
    col_signature: "Signature",
    col_session_date: "Session date",
    col_group: "Group",
    col_session_number: "Session no.",
    col_action: "Action",
    col_status: "Status",
    col_id: "Id",
    planned: "planned",
    help_export: "Export a session's minutes (Markdown, HTML) or its actions (CSV)",
    help_format: "md, html or csv",
    help_output: "File to write; standard output otherwise",
    help_anonymize: "Replaces member and business names with pseudonyms (training)",
    written: "Exported: {}",
    write_full: "Cannot write {}: the disk is full. Free some space or choose another file with -o.",
    write_denied: "Cannot write {}: this folder is read-only or you may not write in it. Choose another file with -o.",
    write_no_folder: "Cannot write {}: this folder does not exist. Create it or choose another file with -o.",
    write_other: "Cannot write {}: {}.",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_have_every_string_with_the_same_placeholders() {
        for (fr, en, name) in [
            (FR.member, EN.member, "member"),
            (FR.business, EN.business, "business"),
            (FR.guest, EN.guest, "guest"),
            (FR.advisor, EN.advisor, "advisor"),
            (FR.phone_hidden, EN.phone_hidden, "phone_hidden"),
            (FR.footer, EN.footer, "footer"),
            (
                FR.footer_anonymized,
                EN.footer_anonymized,
                "footer_anonymized",
            ),
            (FR.issued, EN.issued, "issued"),
            (FR.page, EN.page, "page"),
            (FR.sheet_title, EN.sheet_title, "sheet_title"),
            (FR.sheet_members, EN.sheet_members, "sheet_members"),
            (FR.sheet_no_member, EN.sheet_no_member, "sheet_no_member"),
            (FR.col_name, EN.col_name, "col_name"),
            (FR.col_business, EN.col_business, "col_business"),
            (FR.col_role, EN.col_role, "col_role"),
            (FR.col_signature, EN.col_signature, "col_signature"),
            (FR.col_session_date, EN.col_session_date, "col_session_date"),
            (FR.col_group, EN.col_group, "col_group"),
            (
                FR.col_session_number,
                EN.col_session_number,
                "col_session_number",
            ),
            (FR.col_action, EN.col_action, "col_action"),
            (FR.col_status, EN.col_status, "col_status"),
            (FR.col_id, EN.col_id, "col_id"),
            (FR.planned, EN.planned, "planned"),
            (FR.help_export, EN.help_export, "help_export"),
            (FR.help_format, EN.help_format, "help_format"),
            (FR.help_output, EN.help_output, "help_output"),
            (FR.help_anonymize, EN.help_anonymize, "help_anonymize"),
            (FR.written, EN.written, "written"),
            (FR.write_full, EN.write_full, "write_full"),
            (FR.write_denied, EN.write_denied, "write_denied"),
            (FR.write_no_folder, EN.write_no_folder, "write_no_folder"),
            (FR.write_other, EN.write_other, "write_other"),
        ] {
            assert!(!fr.trim().is_empty() && !en.trim().is_empty(), "{name}");
            assert_eq!(fr.matches("{}").count(), en.matches("{}").count(), "{name}");
        }
    }
}
