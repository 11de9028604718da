//! Strings for solution search (ideas, ratings, matrix) and the action plan.

use crate::model::IdeaKind;
use crate::ui::{ActionSort, PickFor};

/// Words of the solutions techniques, in one language.
#[derive(Debug, serde::Serialize)]
pub struct SolutionsStrings {
    pub picker_title: &'static str,
    /// Titles of the pickers of ideas and actions.
    pub picker_cause: &'static str,
    pub picker_kind: &'static str,
    pub picker_idea: &'static str,
    /// The "no cause" choice: an idea for the problem as a whole.
    pub general: &'static str,
    pub general_short: &'static str,
    pub kind_none: &'static str,
    pub kind_individual: &'static str,
    pub kind_collective: &'static str,
    pub kind_lobbying: &'static str,
    pub kind_service: &'static str,
    /// The same, short, for a column of the list.
    pub kind_individual_short: &'static str,
    pub kind_collective_short: &'static str,
    pub kind_lobbying_short: &'static str,
    pub kind_service_short: &'static str,
    pub impact: &'static str,
    pub effort: &'static str,
    /// Not rated yet.
    pub unrated_mark: &'static str,
    /// In the ideas title: what the next digit sets.
    pub digits_set: &'static str,
    pub cause_label: &'static str,
    pub by_label: &'static str,
    pub matrix_title: &'static str,
    pub matrix_legend: &'static str,
    pub quick_wins: &'static str,
    pub big_projects: &'static str,
    pub fillers: &'static str,
    pub thankless: &'static str,
    pub unrated: &'static str,
    pub no_chosen_idea_left: &'static str,
    pub no_chosen_idea: &'static str,
    pub no_idea_to_link: &'static str,
    // The action plan
    pub col_what: &'static str,
    pub col_who: &'static str,
    pub col_due: &'static str,
    pub col_means: &'static str,
    pub col_indicator: &'static str,
    pub sort_label: &'static str,
    pub sort_entered: &'static str,
    pub sort_due: &'static str,
    pub sort_owner: &'static str,
    pub sorted_flash: &'static str,
    pub idea_label: &'static str,
    pub who_more: &'static str,
    pub empty_plan: &'static str,
    /// In a cell of the table: an owner or a date still to be given.
    pub to_set: &'static str,
}

impl SolutionsStrings {
    pub fn kind(&self, k: Option<IdeaKind>) -> &'static str {
        match k {
            None => self.kind_none,
            Some(IdeaKind::Individual) => self.kind_individual,
            Some(IdeaKind::Collective) => self.kind_collective,
            Some(IdeaKind::Lobbying) => self.kind_lobbying,
            Some(IdeaKind::ServiceRequest) => self.kind_service,
        }
    }

    pub fn kind_short(&self, k: IdeaKind) -> &'static str {
        match k {
            IdeaKind::Individual => self.kind_individual_short,
            IdeaKind::Collective => self.kind_collective_short,
            IdeaKind::Lobbying => self.kind_lobbying_short,
            IdeaKind::ServiceRequest => self.kind_service_short,
        }
    }

    pub fn sort(&self, s: ActionSort) -> &'static str {
        match s {
            ActionSort::Entered => self.sort_entered,
            ActionSort::Due => self.sort_due,
            ActionSort::Owner => self.sort_owner,
        }
    }

    /// The title of a picker these techniques open.
    pub fn picker(&self, p: PickFor) -> Option<&'static str> {
        match p {
            PickFor::LinkIdeaCause => Some(self.picker_cause),
            PickFor::IdeaKind => Some(self.picker_kind),
            PickFor::ActionFromIdea => Some(self.picker_idea),
            _ => None,
        }
    }
}

pub const FR: SolutionsStrings = SolutionsStrings {
    picker_title: "Choisir",
    picker_cause: "Idée pour quelle cause ?",
    picker_kind: "Type d'idée",
    picker_idea: "Action pour quelle idée retenue ?",
    general: "Générale (tout le problème)",
    general_short: "générale",
    kind_none: "Sans type",
    kind_individual: "Individuelle (chacun chez soi)",
    kind_collective: "Collective (le groupe ensemble)",
    kind_lobbying: "Plaidoyer auprès des autorités",
    kind_service: "Demande de service à l'organisme d'accueil",
    kind_individual_short: "individuelle",
    kind_collective_short: "collective",
    kind_lobbying_short: "plaidoyer",
    kind_service_short: "service",
    impact: "impact",
    effort: "effort",
    unrated_mark: "–",
    digits_set: "chiffres →",
    cause_label: "cause",
    by_label: "par",
    matrix_title: "Matrice impact × effort",
    matrix_legend: "↑ impact ≥ 3 · → effort ≥ 3 · notes : impact/effort",
    quick_wins: "Gains rapides",
    big_projects: "Grands projets",
    fillers: "Tâches d'appoint",
    thankless: "Tâches ingrates",
    unrated: "Pas encore notées",
    no_chosen_idea_left: "Chaque idée retenue a déjà son action. a : une action libre.",
    no_chosen_idea: "Aucune idée retenue : à la phase Solutions, Espace retient une idée.",
    no_idea_to_link: "Aucune idée sélectionnée.",
    col_what: "Quoi",
    col_who: "Qui",
    col_due: "Échéance",
    col_means: "Moyens",
    col_indicator: "Indicateur",
    sort_label: "tri :",
    sort_entered: "ordre de saisie",
    sort_due: "échéance",
    sort_owner: "responsable",
    sorted_flash: "Plan trié par {}.",
    idea_label: "Idée",
    who_more: "+{}",
    empty_plan: "Aucune action. c : l'action d'une idée retenue ; a : une action libre. \
                 Qui fait quoi, pour quand, avec quels moyens ?",
    to_set: "à fixer",
};

pub const EN: SolutionsStrings = SolutionsStrings {
    picker_title: "Choose",
    picker_cause: "An idea for which cause?",
    picker_kind: "Type of idea",
    picker_idea: "An action for which chosen idea?",
    general: "General (the whole problem)",
    general_short: "general",
    kind_none: "No type",
    kind_individual: "Individual (each in their own business)",
    kind_collective: "Collective (the group together)",
    kind_lobbying: "Lobbying the authorities",
    kind_service: "Service request to the host organisation",
    kind_individual_short: "individual",
    kind_collective_short: "collective",
    kind_lobbying_short: "lobbying",
    kind_service_short: "service",
    impact: "impact",
    effort: "effort",
    unrated_mark: "–",
    digits_set: "digits →",
    cause_label: "cause",
    by_label: "by",
    matrix_title: "Impact × effort matrix",
    matrix_legend: "↑ impact ≥ 3 · → effort ≥ 3 · ratings: impact/effort",
    quick_wins: "Quick wins",
    big_projects: "Big projects",
    fillers: "Fillers",
    thankless: "Thankless tasks",
    unrated: "Not rated yet",
    no_chosen_idea_left: "Every chosen idea has its action already. a: a free action.",
    no_chosen_idea: "No chosen idea: in Solutions, Space chooses an idea.",
    no_idea_to_link: "No idea selected.",
    col_what: "What",
    col_who: "Who",
    col_due: "Due",
    col_means: "Means",
    col_indicator: "Indicator",
    sort_label: "sorted:",
    sort_entered: "as entered",
    sort_due: "due date",
    sort_owner: "owner",
    sorted_flash: "Plan sorted by {}.",
    idea_label: "Idea",
    who_more: "+{}",
    empty_plan: "No action yet. c: the action of a chosen idea; a: a free action. Who does \
                 what, by when, with what means?",
    to_set: "to set",
};
