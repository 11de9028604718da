//! Strings of the presenter view: the session drawn large for a projector, for the group to
//! read from the back of the room.

use super::Counted;
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct PresenterStrings {
    /// The one line at the bottom: `{}` is the key that goes back to the advisor's screen.
    pub back: &'static str,
    /// The private notes were asked for in presenter view: `{}` is the key that leaves it.
    pub private_refused: &'static str,
    /// Entering presenter view while typing the private notes: they are put aside.
    pub private_parked: &'static str,
    /// Check-in: `{}` is the number of members present, then of members (counted by the first).
    pub present: Counted,
    /// Check-in: `{}` is the number of guests.
    pub guests: &'static str,
    pub objective: &'static str,
    /// Follow-up: the number of actions done, reviewed, and in all (joined by ` · `).
    pub reviews_done: Counted,
    pub reviews_reviewed: Counted,
    pub reviews_actions: Counted,
    /// Needs: the number of cards, then of themes (joined by ` · `).
    pub board_cards: Counted,
    pub board_themes: Counted,
    /// Cards in no theme yet.
    pub loose: &'static str,
    /// The vote: `{}` is the number of votes in all.
    pub ranking: Counted,
    pub priority: &'static str,
    pub statement: &'static str,
    /// `{}` is the number of causes, then of root causes (counted by the roots).
    pub causes: Counted,
    pub root: &'static str,
    pub effects: &'static str,
    /// `{}` is the number of ideas, then of chosen ones (counted by the chosen).
    pub ideas: Counted,
    pub chosen: &'static str,
    /// The matrix's axes.
    pub impact: &'static str,
    pub effort: &'static str,
    /// Ideas not rated on both axes yet: `{}` is how many.
    pub unrated: &'static str,
    /// `{}` is the number of actions.
    pub plan: Counted,
    pub col_what: &'static str,
    pub col_who: &'static str,
    pub col_when: &'static str,
    pub no_owner: &'static str,
    pub no_date: &'static str,
    /// Closing: what was decided, then the next meeting.
    pub decided: &'static str,
    pub next_meeting: &'static str,
    pub commitments: &'static str,
    /// The usefulness scores: `{}` is the average, then how many gave one (counted so).
    pub usefulness: Counted,
    /// The field being typed, at the bottom.
    pub typing: &'static str,
    /// Nothing yet in a phase's content.
    pub nothing_yet: &'static str,
}

pub const FR: PresenterStrings = PresenterStrings {
    back: "{} retour",
    private_refused: "Les notes privées ne s'ouvrent pas en vue projection : quittez-la d'abord avec {}.",
    private_parked: "Notes privées mises de côté en brouillon : la salle ne les voit pas. {} pour y revenir.",
    present: Counted::fr("{} présent sur {}", "{} présents sur {}"),
    guests: "Invités ({})",
    objective: "Objectif du jour",
    reviews_done: Counted::fr("{} faite", "{} faites"),
    reviews_reviewed: Counted::fr("{} revue", "{} revues"),
    reviews_actions: Counted::fr("{} action", "{} actions"),
    board_cards: Counted::fr("{} carte", "{} cartes"),
    board_themes: Counted::fr("{} thème", "{} thèmes"),
    loose: "Sans thème",
    ranking: Counted::fr("Vote ({} voix)", "Vote ({} voix)"),
    priority: "Priorité",
    statement: "Le problème",
    causes: Counted::fr(
        "Causes ({}, dont {} racine)",
        "Causes ({}, dont {} racines)",
    ),
    root: "racine",
    effects: "Conséquences",
    ideas: Counted::fr("Idées ({}, {} retenue)", "Idées ({}, {} retenues)"),
    chosen: "retenue",
    impact: "impact",
    effort: "effort",
    unrated: "À noter ({})",
    plan: Counted::fr("Plan d'action ({} action)", "Plan d'action ({} actions)"),
    col_what: "Quoi",
    col_who: "Qui",
    col_when: "Pour quand",
    no_owner: "qui ?",
    no_date: "quand ?",
    decided: "Ce que nous avons décidé",
    next_meeting: "Prochaine séance",
    commitments: "Nos engagements d'ici là",
    usefulness: Counted::fr("Utilité : {} / 5 ({} avis)", "Utilité : {} / 5 ({} avis)"),
    typing: "En cours de saisie",
    nothing_yet: "Rien encore : à vous la parole.",
};

pub const EN: PresenterStrings = PresenterStrings {
    back: "{} back",
    private_refused: "Private notes do not open in presenter view: leave it first with {}.",
    private_parked: "Private notes put aside as a draft: the room does not see them. {} to come back to them.",
    present: Counted::en("{} present out of {}", "{} present out of {}"),
    guests: "Guests ({})",
    objective: "Today's objective",
    reviews_done: Counted::en("{} done", "{} done"),
    reviews_reviewed: Counted::en("{} reviewed", "{} reviewed"),
    reviews_actions: Counted::en("{} action", "{} actions"),
    board_cards: Counted::en("{} card", "{} cards"),
    board_themes: Counted::en("{} theme", "{} themes"),
    loose: "No theme",
    ranking: Counted::en("Vote ({} vote)", "Vote ({} votes)"),
    priority: "Priority",
    statement: "The problem",
    causes: Counted::en(
        "Causes ({}, {} of them a root cause)",
        "Causes ({}, {} of them root causes)",
    ),
    root: "root",
    effects: "Effects",
    ideas: Counted::en("Ideas ({}, {} chosen)", "Ideas ({}, {} chosen)"),
    chosen: "chosen",
    impact: "impact",
    effort: "effort",
    unrated: "To rate ({})",
    plan: Counted::en("Action plan ({} action)", "Action plan ({} actions)"),
    col_what: "What",
    col_who: "Who",
    col_when: "By when",
    no_owner: "who?",
    no_date: "when?",
    decided: "What we decided",
    next_meeting: "Next session",
    commitments: "What we commit to until then",
    usefulness: Counted::en(
        "Usefulness: {} / 5 ({} score)",
        "Usefulness: {} / 5 ({} scores)",
    ),
    typing: "Being typed",
    nothing_yet: "Nothing yet: over to you.",
};
