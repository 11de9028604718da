//! The only impure code: the terminal loop. Draw, wait for a key or the next tick, map the
//! key through the key table, call `update`, perform the effects it returns.

use crate::i18n::Lang;
use crate::method::Method;
use std::path::PathBuf;

/// What the TUI starts with, resolved from the command line and the environment.
pub struct Options {
    pub dir: PathBuf,
    pub lang: Lang,
    pub method: Method,
}

pub fn run(_options: Options) -> color_eyre::Result<()> {
    Ok(())
}
