//! Measuring, below both `update` and `view`: how wide a text is, how it wraps, how tall the
//! rows of a list are and where a list scrolls to. `update` keeps the scroll offsets in UI
//! state with these measures; `view` draws with the same ones, so neither imports the other.

pub mod decisions;
pub mod frame;
pub mod group;
pub mod scroll;
pub mod session;
pub mod show;
pub mod text;
pub mod wrap;
