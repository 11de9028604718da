/// All the words of the interface in one language.
#[derive(Debug)]
pub struct Strings {
    pub lang_name: &'static str,
    /// Messages about session files, folders and the command line (see `store.rs`).
    pub store: &'static StoreStrings,
}
