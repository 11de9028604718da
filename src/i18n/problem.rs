//! Strings for problem reflection: statement, cause tree, fishbone, effects, members concerned.

/// Words of the problem techniques, in one language.
#[derive(Debug, serde::Serialize)]
pub struct ProblemStrings {
    pub picker_title: &'static str,
}

pub const FR: ProblemStrings = ProblemStrings {
    picker_title: "Choisir",
};

pub const EN: ProblemStrings = ProblemStrings {
    picker_title: "Choose",
};
