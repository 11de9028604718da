//! Strings of the programme report as an HTML page (`atelier report --format html`): its
//! charts (titles, axes with their units, series, the sentence said instead of an empty
//! chart) and the names of the months their text alternatives say.
//!
//! `{}` marks are filled in order by `i18n::fill`.

#[derive(Debug, serde::Serialize)]
pub struct ReportHtmlStrings {
    pub charts: &'static str,
    /// What a chart shows in words, before its figures (the chart's `<desc>`).
    pub data: &'static str,
    /// Between the figures of a `<desc>`.
    pub separator: &'static str,
    pub month_axis: &'static str,
    pub attendance_title: &'static str,
    pub attendance_axis: &'static str,
    /// A month's rate: the month, then the rate ("82 %").
    pub attendance_item: &'static str,
    pub no_attendance: &'static str,
    pub actions_title: &'static str,
    pub actions_axis: &'static str,
    pub planned: &'static str,
    pub done: &'static str,
    /// A month's actions: the month, done, planned.
    pub actions_item: &'static str,
    pub no_actions: &'static str,
    pub needs_title: &'static str,
    pub needs_axis: &'static str,
    pub category_axis: &'static str,
    /// A category and its themes.
    pub needs_item: &'static str,
    pub gender_title: &'static str,
    pub status_title: &'static str,
    pub members_axis: &'static str,
    pub women: &'static str,
    pub others: &'static str,
    /// The members whose legal status is not given.
    pub status_unset: &'static str,
    /// A bar of members: its name, its count, its share.
    pub members_item: &'static str,
    pub no_members: &'static str,
    /// The by-month table's title.
    pub months_table: &'static str,
    pub january: &'static str,
    pub february: &'static str,
    pub march: &'static str,
    pub april: &'static str,
    pub may: &'static str,
    pub june: &'static str,
    pub july: &'static str,
    pub august: &'static str,
    pub september: &'static str,
    pub october: &'static str,
    pub november: &'static str,
    pub december: &'static str,
}

impl ReportHtmlStrings {
    /// "janvier 2026": month `m` (1 to 12) of year `y`.
    pub fn month(&self, y: i32, m: u32) -> String {
        let name = [
            self.january,
            self.february,
            self.march,
            self.april,
            self.may,
            self.june,
            self.july,
            self.august,
            self.september,
            self.october,
            self.november,
            self.december,
        ];
        let i = (m.clamp(1, 12) - 1) as usize;
        format!("{} {y}", name[i])
    }
}

pub const FR: ReportHtmlStrings = ReportHtmlStrings {
    charts: "Graphiques",
    data: "Données : {}.",
    separator: " ; ",
    month_axis: "Mois",
    attendance_title: "Taux de présence par mois",
    attendance_axis: "Présents sur attendus (%)",
    attendance_item: "{} : {}",
    no_attendance: "Aucune présence notée dans cette période : pas de graphique de présence.",
    actions_title: "Actions faites et prévues, par mois de décision",
    actions_axis: "Actions (nombre)",
    planned: "Prévues",
    done: "Faites",
    actions_item: "{} : {} faites sur {} prévues",
    no_actions: "Aucune action prévue dans cette période : pas de graphique des actions.",
    needs_title: "Besoins par catégorie",
    needs_axis: "Thèmes (nombre)",
    category_axis: "Catégorie",
    needs_item: "{} : {}",
    gender_title: "Membres par genre",
    status_title: "Membres par statut juridique",
    members_axis: "Membres (nombre)",
    women: "Femmes",
    others: "Hommes ou genre non dit",
    status_unset: "Non renseigné",
    members_item: "{} : {} ({})",
    no_members: "Aucun membre dans les listes des groupes : pas de graphique des membres.",
    months_table: "Par mois",
    january: "janvier",
    february: "février",
    march: "mars",
    april: "avril",
    may: "mai",
    june: "juin",
    july: "juillet",
    august: "août",
    september: "septembre",
    october: "octobre",
    november: "novembre",
    december: "décembre",
};

pub const EN: ReportHtmlStrings = ReportHtmlStrings {
    charts: "Charts",
    data: "Data: {}.",
    separator: "; ",
    month_axis: "Month",
    attendance_title: "Attendance rate by month",
    attendance_axis: "Present of expected (%)",
    attendance_item: "{}: {}",
    no_attendance: "No attendance taken in this period: no attendance chart.",
    actions_title: "Actions done and planned, by month decided",
    actions_axis: "Actions (count)",
    planned: "Planned",
    done: "Done",
    actions_item: "{}: {} done of {} planned",
    no_actions: "No action planned in this period: no chart of actions.",
    needs_title: "Needs by category",
    needs_axis: "Themes (count)",
    category_axis: "Category",
    needs_item: "{}: {}",
    gender_title: "Members by gender",
    status_title: "Members by legal status",
    members_axis: "Members (count)",
    women: "Women",
    others: "Men or gender not said",
    status_unset: "Not given",
    members_item: "{}: {} ({})",
    no_members: "No member in the groups' lists: no chart of members.",
    months_table: "By month",
    january: "January",
    february: "February",
    march: "March",
    april: "April",
    may: "May",
    june: "June",
    july: "July",
    august: "August",
    september: "September",
    october: "October",
    november: "November",
    december: "December",
};
