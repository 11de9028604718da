//! Strings for the sessions folder, its files and the command line.

/// Messages about reading, writing and checking session files.
#[derive(Debug)]
pub struct StoreStrings {
    pub placeholder: &'static str,
}

pub const FR: StoreStrings = StoreStrings { placeholder: "x" };
pub const EN: StoreStrings = StoreStrings { placeholder: "x" };
