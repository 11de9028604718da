use super::{Strings, store};

pub const STRINGS: Strings = Strings {
    lang_name: "Français",
    store: &store::FR,
};
