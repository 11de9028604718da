//! Strings of `atelier show` for a visit, an activity or a diagnosis, and its refusals when a
//! record is private (tested with the rest of `StoreStrings`: same `{}` in both languages,
//! none empty). `{}` are filled in the order written.

use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct RecordStrings {
    /// `{}` the member's name.
    pub title_visit: &'static str,
    /// `{}` the activity's title.
    pub title_activity: &'static str,
    /// `{}` the member's name.
    pub title_diagnosis: &'static str,
    pub group: &'static str,
    pub member: &'static str,
    pub kind: &'static str,
    pub occasion: &'static str,
    pub topics: &'static str,
    pub seen: &'static str,
    pub agreed: &'static str,
    pub reviews: &'static str,
    /// `{}` the date of the visit that agreed the action.
    pub agreed_on: &'static str,
    pub participants: &'static str,
    pub cost: &'static str,
    /// `{}` the amount.
    pub dirhams: &'static str,
    pub notes: &'static str,
    pub project: &'static str,
    pub answers: &'static str,
    pub no_answer: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    /// An answer that does not fit its question: `{}` the answer as written in the file.
    pub misfit: &'static str,
    pub history: &'static str,
    pub created: &'static str,
    /// `{}` the field's name in the file.
    pub changed: &'static str,
    /// `atelier show` of a visit without `--private`.
    pub refused_visit: &'static str,
    /// `atelier show` of a diagnosis without `--private`.
    pub refused_diagnosis: &'static str,
}

pub const FR: RecordStrings = RecordStrings {
    title_visit: "Visite individuelle — {}",
    title_activity: "Activité du groupe — {}",
    title_diagnosis: "Diagnostic — {}",
    group: "Groupe",
    member: "Membre",
    kind: "Type",
    occasion: "Moment",
    topics: "Sujets",
    seen: "Constats",
    agreed: "Convenu",
    reviews: "Actions des visites précédentes",
    agreed_on: "convenue le {}",
    participants: "Participants",
    cost: "Coût",
    dirhams: "{} DH",
    notes: "Notes",
    project: "Projet commun",
    answers: "Réponses",
    no_answer: "(sans réponse)",
    yes: "oui",
    no: "non",
    misfit: "⚠ réponse qui ne correspond pas à la question ({}) : atelier ne la compte pas ; atelier check dit où elle est",
    history: "Historique",
    created: "créée",
    changed: "{} modifié",
    refused_visit: "Une visite individuelle n'est jamais affichée sans --private : tout ce qu'elle contient concerne un membre et son entreprise (données personnelles, loi 09-08), et rien n'en sort pour d'autres. Si vous êtes le conseiller, relancez avec --private, et ne transmettez pas ce qui s'affiche.",
    refused_diagnosis: "Un diagnostic n'est affiché qu'avec --private : ses réponses (chiffre d'affaires, emplois, CNSS, crédit, difficultés) concernent un membre nommé et son entreprise (données personnelles, loi 09-08). Si vous êtes le conseiller, relancez avec --private, et ne transmettez pas ce qui s'affiche.",
};

pub const EN: RecordStrings = RecordStrings {
    title_visit: "Coaching visit — {}",
    title_activity: "Group activity — {}",
    title_diagnosis: "Diagnosis — {}",
    group: "Group",
    member: "Member",
    kind: "Kind",
    occasion: "Occasion",
    topics: "Topics",
    seen: "What was seen",
    agreed: "Agreed",
    reviews: "Actions from earlier visits",
    agreed_on: "agreed on {}",
    participants: "Participants",
    cost: "Cost",
    dirhams: "{} MAD",
    notes: "Notes",
    project: "Joint project",
    answers: "Answers",
    no_answer: "(no answer)",
    yes: "yes",
    no: "no",
    misfit: "⚠ an answer that does not fit the question ({}): atelier does not count it; atelier check says where it is",
    history: "History",
    created: "created",
    changed: "{} changed",
    refused_visit: "A coaching visit is never printed without --private: everything in it is about one member and their business (personal data, law 09-08), and none of it leaves for others. If you are the advisor, run it again with --private, and do not pass on what it prints.",
    refused_diagnosis: "A diagnosis is printed only with --private: its answers (sales, jobs, CNSS, credit, difficulties) are about one named member and their business (personal data, law 09-08). If you are the advisor, run it again with --private, and do not pass on what it prints.",
};
