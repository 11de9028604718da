//! Strings for problem reflection: statement, cause tree, fishbone, effects, members concerned.

use super::Counted;

/// Words of the problem techniques, in one language.
#[derive(Debug, serde::Serialize)]
pub struct ProblemStrings {
    /// Title of the picker that moves a cause under another one.
    pub picker_parent: &'static str,
    /// Its first choice: no parent cause.
    pub parent_top: &'static str,
    pub picker_category: &'static str,
    /// The choice of no category, and the fishbone's box of causes with none.
    pub category_none: &'static str,
    /// The tree's title after the pane's name: how many root causes are marked.
    pub roots: Counted,
    /// The fishbone: causes grouped by category.
    pub fishbone_title: &'static str,
    /// After the boxes: the method's categories no cause is filed under yet.
    pub fishbone_empty: &'static str,
    /// The field of a new "why?" under a cause, with that cause's text.
    pub why_title: &'static str,
    pub no_sub_causes: &'static str,
    /// The cause, then how many sub-causes go with it (the singular says "its sub-cause").
    pub confirm_delete: Counted,
    pub concerned_title: &'static str,
    pub empty_concerned: &'static str,
}

pub const FR: ProblemStrings = ProblemStrings {
    picker_parent: "Ranger la cause sous…",
    parent_top: "le problème central (cause directe)",
    picker_category: "Catégorie de la cause",
    category_none: "Sans catégorie",
    roots: Counted::fr("◆ {} racine", "◆ {} racines"),
    fishbone_title: "Par catégorie (arêtes de poisson)",
    fishbone_empty: "Pas encore de cause : {}",
    why_title: "Pourquoi «\u{a0}{}\u{a0}»\u{a0}?",
    no_sub_causes: "Cette cause n'a pas de sous-cause : w en ajoute une (pourquoi ?).",
    confirm_delete: Counted::fr(
        "Supprimer «\u{a0}{}\u{a0}» et sa sous-cause\u{a0}?",
        "Supprimer «\u{a0}{}\u{a0}» et ses {}\u{a0}sous-causes (tous niveaux)\u{a0}?",
    ),
    concerned_title: "Membres concernés {}/{}",
    empty_concerned: "Aucun membre présent : les présences se notent à l'accueil.",
};

pub const EN: ProblemStrings = ProblemStrings {
    picker_parent: "Move the cause under…",
    parent_top: "the core problem (direct cause)",
    picker_category: "Category of the cause",
    category_none: "No category",
    roots: Counted::en("◆ {} root", "◆ {} roots"),
    fishbone_title: "By category (fishbone)",
    fishbone_empty: "No cause yet: {}",
    why_title: "Why “{}”?",
    no_sub_causes: "This cause has no sub-cause: w adds one (why?).",
    confirm_delete: Counted::en(
        "Delete “{}” and its sub-cause?",
        "Delete “{}” and its {} sub-causes (all levels)?",
    ),
    concerned_title: "Members concerned {}/{}",
    empty_concerned: "No member present: attendance is taken at check-in.",
};
