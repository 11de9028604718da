//! Strings of the programme report's indicators (`atelier report --by ...`): the groupings,
//! each figure's name and what it counts (a footnote in Markdown, a column in CSV, the
//! README's definitions).

#[derive(Debug, serde::Serialize)]
pub struct IndicatorStrings {
    pub too_many_by: &'static str,
    pub same_by_twice: &'static str,
    /// The title of a table by one or two groupings, named.
    pub by_these: &'static str,
    pub advisor: &'static str,
    pub host: &'static str,
    pub group: &'static str,
    pub advisor_unset: &'static str,
    pub host_unset: &'static str,
}

pub const FR: IndicatorStrings = IndicatorStrings {
    too_many_by: "--by se donne une ou deux fois (par exemple --by region --by month), pas plus.",
    same_by_twice: "Les deux --by sont les mêmes : donnez deux regroupements différents.",
    by_these: "Par {}",
    advisor: "Conseiller",
    host: "Structure d'accueil",
    group: "Groupe",
    advisor_unset: "Conseiller non renseigné",
    host_unset: "Structure d'accueil non renseignée",
};

pub const EN: IndicatorStrings = IndicatorStrings {
    too_many_by: "--by is given once or twice (for instance --by region --by month), no more.",
    same_by_twice: "Both --by are the same: give two different groupings.",
    by_these: "By {}",
    advisor: "Advisor",
    host: "Host",
    group: "Group",
    advisor_unset: "Advisor not given",
    host_unset: "Host not given",
};
