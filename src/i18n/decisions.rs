//! Strings of what the group decides about itself during a session (issue 13, points 1–4):
//! the group decisions screen (roles, rules, work plan, joint projects), its forms, a member
//! leaving or joining at check-in, the work plan reviewed in the follow-up, and the warnings
//! of the check-in. `{}` are filled in the order written.

use super::Counted;
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct DecisionStrings {
    /// The screen's title.
    pub title: &'static str,
    pub section_roles: &'static str,
    pub section_rules: &'static str,
    pub section_plan: &'static str,
    pub section_projects: &'static str,
    /// A role nobody holds.
    pub vacant: &'static str,
    /// `{}` the date a term started.
    pub since: &'static str,
    pub no_rules: &'static str,
    /// `{}` this year, then the next.
    pub no_plan: &'static str,
    pub no_projects: &'static str,
    /// `{}` the date.
    pub withdrawn: &'static str,
    pub objective: &'static str,
    /// `{}` the date.
    pub due: &'static str,
    pub no_milestones: &'static str,
    /// The "other role" option of the role field: its name is typed below.
    pub role_other: &'static str,
    /// The "this session" mark of what was decided today.
    pub today: &'static str,
    // Form titles.
    /// `{}` the member.
    pub form_leave: &'static str,
    pub form_elect: &'static str,
    pub form_rule_new: &'static str,
    pub form_rule_amend: &'static str,
    pub form_objective: &'static str,
    pub form_activity_new: &'static str,
    pub form_activity_edit: &'static str,
    pub form_project_new: &'static str,
    pub form_project_edit: &'static str,
    /// `{}` the project.
    pub form_milestone: &'static str,
    /// `{}` the member, then the reason.
    pub confirm_leave: &'static str,
    /// `{}` the rule.
    pub confirm_withdraw: &'static str,
    pub picker_status: &'static str,
    pub picker_project: &'static str,
    pub no_project: &'static str,
    /// `{}` the key that opens the decisions.
    pub no_project_yet: &'static str,
    pub no_member_to_elect: &'static str,
    pub rule_withdrawn_already: &'static str,
    // The follow-up's review of the work plan.
    /// `{}` how many.
    pub pane_plan_review: &'static str,
    pub empty_plan_review: &'static str,
    // Check-in.
    pub absences: Counted,
    /// `{}` the absences, counted.
    pub rule_past: &'static str,
    pub rule_close: &'static str,
    /// `{}` the date, then the reason.
    pub left: &'static str,
    // Ending a term, the plan's items taken off, milestones (issue 13, second round).
    /// `{}` the member, then the role.
    pub confirm_end_term: &'static str,
    pub role_vacant_already: &'static str,
    /// `{}` the objective.
    pub confirm_remove_objective: &'static str,
    /// `{}` the planned activity.
    pub confirm_remove_planned: &'static str,
    pub form_objective_edit: &'static str,
    /// `{}` the project.
    pub form_milestone_edit: &'static str,
    /// `{}` the date it was reached.
    pub reached: &'static str,
    /// `{}` the member, the day they leave, then the reason.
    pub confirm_leave_on: &'static str,
    // The project form's co-financing: `{}` who pays, then how much.
    pub funding_line: &'static str,
    pub funding_joiner: &'static str,
    /// `{}` the line as typed, in each of these.
    pub funding_shape: &'static str,
    pub funding_several: &'static str,
    pub funding_no_payer: &'static str,
    pub funding_amount: &'static str,
    pub amount_too_large: &'static str,
    /// `{}` the budget as typed.
    pub budget_bad: &'static str,
}

pub const FR: DecisionStrings = DecisionStrings {
    title: "Décisions du groupe",
    section_roles: "Rôles",
    section_rules: "Règles",
    section_plan: "Plan de travail",
    section_projects: "Projets communs",
    vacant: "à élire",
    since: "depuis le {}",
    no_rules: "Aucune règle. a : adopter une règle (présence, admission, cotisation, confidentialité).",
    no_plan: "Rien de prévu pour {} ni {}. a : une activité prévue ; o : un objectif de l'année.",
    no_projects: "Aucun projet commun. a : lancer un projet (achat groupé, stand, atelier partagé…).",
    withdrawn: "retirée le {}",
    objective: "objectif",
    due: "pour le {}",
    no_milestones: "Pas encore d'étape (m pour en ajouter).",
    role_other: "Autre rôle (le nommer)",
    today: "décidé aujourd'hui",
    form_leave: "{} quitte le groupe",
    form_elect: "Élire un membre",
    form_rule_new: "Nouvelle règle du groupe",
    form_rule_amend: "Modifier la règle",
    form_objective: "Nouvel objectif de l'année",
    form_activity_new: "Nouvelle activité prévue",
    form_activity_edit: "Modifier l'activité prévue",
    form_project_new: "Nouveau projet commun",
    form_project_edit: "Modifier le projet commun",
    form_milestone: "Nouvelle étape : {}",
    confirm_leave: "{} quitte le groupe à cette séance ({}) ? Ses séances passées restent dans l'historique.",
    confirm_withdraw: "Retirer la règle « {} » ? Elle reste dans l'historique du groupe.",
    picker_status: "Où en est le projet ?",
    picker_project: "Quel projet commun ?",
    no_project: "Aucun projet",
    no_project_yet: "Aucun projet commun pour l'instant : {} puis l'onglet Projets pour en lancer un.",
    no_member_to_elect: "Aucun membre à élire : le groupe n'a plus de membre.",
    rule_withdrawn_already: "Cette règle est déjà retirée.",
    pane_plan_review: "Plan de travail : activités à revoir ({})",
    empty_plan_review: "Aucune activité du plan de travail à revoir à cette date.",
    absences: Counted::fr("{} absence", "{} absences"),
    rule_past: "⚠ au-delà de la règle ({})",
    rule_close: "près de la règle ({})",
    left: "a quitté le groupe le {} ({})",
    confirm_end_term: "Mettre fin au mandat de {} ({}) sans élire personne ? Le rôle reste à élire ; le mandat reste dans l'historique.",
    role_vacant_already: "Personne ne tient ce rôle : il n'y a pas de mandat à terminer.",
    confirm_remove_objective: "Retirer l'objectif « {} » du plan ? Les séances passées le gardent.",
    confirm_remove_planned: "Retirer « {} » du plan ? Pour une activité abandonnée par le groupe, gardez-la plutôt comme annulée au suivi. Les séances passées la gardent.",
    form_objective_edit: "Modifier l'objectif",
    form_milestone_edit: "Modifier l'étape : {}",
    reached: "franchie le {}",
    confirm_leave_on: "{} a quitté le groupe le {} ({}) ? Ses séances passées restent dans l'historique.",
    funding_line: "{} : {}",
    funding_joiner: " ; ",
    funding_shape: "Cofinancement : « {} » ne se lit pas. Écrivez qui paie, deux-points, puis le montant, par exemple « Chambre : 6 000 ».",
    funding_several: "Cofinancement : « {} » — une ligne par payeur, séparées par « ; », par exemple « Chambre : 6 000 ; Membres : 2 000 ».",
    funding_no_payer: "Cofinancement : « {} » — qui paie ? Son nom vient avant les deux-points.",
    funding_amount: "Cofinancement : « {} » — le montant doit être un nombre entier de dirhams, par exemple 6 000.",
    amount_too_large: "« {} » : un montant va jusqu'à 1 000 000 000 DH.",
    budget_bad: "Budget : « {} » n'est pas un montant en dirhams (par exemple 60 000).",
};

pub const EN: DecisionStrings = DecisionStrings {
    title: "Group decisions",
    section_roles: "Roles",
    section_rules: "Rules",
    section_plan: "Work plan",
    section_projects: "Joint projects",
    vacant: "to elect",
    since: "since {}",
    no_rules: "No rule yet. a: adopt a rule (attendance, admission, fees, confidentiality).",
    no_plan: "Nothing planned for {} or {}. a: a planned activity; o: an objective for the year.",
    no_projects: "No joint project yet. a: start one (group purchase, a stand, a shared workshop…).",
    withdrawn: "withdrawn on {}",
    objective: "objective",
    due: "due {}",
    no_milestones: "No milestone yet (m to add one).",
    role_other: "Another role (name it)",
    today: "decided today",
    form_leave: "{} leaves the group",
    form_elect: "Elect a member",
    form_rule_new: "New rule of the group",
    form_rule_amend: "Amend the rule",
    form_objective: "New objective for the year",
    form_activity_new: "New planned activity",
    form_activity_edit: "Change the planned activity",
    form_project_new: "New joint project",
    form_project_edit: "Change the joint project",
    form_milestone: "New milestone: {}",
    confirm_leave: "{} leaves the group at this session ({})? Their past sessions stay in the record.",
    confirm_withdraw: "Withdraw the rule “{}”? It stays in the group's record.",
    picker_status: "Where does the project stand?",
    picker_project: "Which joint project?",
    no_project: "No project",
    no_project_yet: "No joint project yet: {} then the Projects tab to start one.",
    no_member_to_elect: "No member to elect: the group has no member left.",
    rule_withdrawn_already: "This rule is withdrawn already.",
    pane_plan_review: "Work plan: activities to review ({})",
    empty_plan_review: "No activity of the work plan to review at this date.",
    absences: Counted::en("{} absence", "{} absences"),
    rule_past: "⚠ past the rule ({})",
    rule_close: "close to the rule ({})",
    left: "left the group on {} ({})",
    confirm_end_term: "End {}'s term ({}) without electing anyone? The role is left to elect; the term stays in the record.",
    role_vacant_already: "Nobody holds this role: there is no term to end.",
    confirm_remove_objective: "Take the objective “{}” off the plan? Past sessions keep it.",
    confirm_remove_planned: "Take “{}” off the plan? For an activity the group gives up, rather keep it as cancelled in the follow-up. Past sessions keep it.",
    form_objective_edit: "Change the objective",
    form_milestone_edit: "Change the milestone: {}",
    reached: "reached on {}",
    confirm_leave_on: "{} left the group on {} ({})? Their past sessions stay in the record.",
    funding_line: "{}: {}",
    funding_joiner: "; ",
    funding_shape: "Co-financing: “{}” does not read. Write who pays, a colon, then the amount, e.g. “Chamber: 6 000”.",
    funding_several: "Co-financing: “{}” — one line per payer, separated by “;”, e.g. “Chamber: 6 000; Members: 2 000”.",
    funding_no_payer: "Co-financing: “{}” — who pays? Their name comes before the colon.",
    funding_amount: "Co-financing: “{}” — the amount must be a whole number of dirhams, e.g. 6 000.",
    amount_too_large: "“{}”: an amount goes up to 1 000 000 000 MAD.",
    budget_bad: "Budget: “{}” is not an amount in dirhams (e.g. 60 000).",
};
