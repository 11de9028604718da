//! Strings for solution search (ideas, ratings, matrix) and the action plan.

/// Words of the solutions techniques, in one language.
#[derive(Debug, serde::Serialize)]
pub struct SolutionsStrings {
    pub picker_title: &'static str,
}

pub const FR: SolutionsStrings = SolutionsStrings {
    picker_title: "Choisir",
};

pub const EN: SolutionsStrings = SolutionsStrings {
    picker_title: "Choose",
};
