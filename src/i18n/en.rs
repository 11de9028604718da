use super::{Strings, store};

pub const STRINGS: Strings = Strings {
    lang_name: "English",
    store: &store::EN,
};
