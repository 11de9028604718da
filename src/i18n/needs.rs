//! Strings for need emergence: cards, themes, dot voting, priority.

/// Words of the needs techniques, in one language.
#[derive(Debug, serde::Serialize)]
pub struct NeedsStrings {
    pub picker_title: &'static str,
}

pub const FR: NeedsStrings = NeedsStrings {
    picker_title: "Choisir",
};

pub const EN: NeedsStrings = NeedsStrings {
    picker_title: "Choose",
};
