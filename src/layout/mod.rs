//! Measuring, below both `update` and `view`: how wide a text is, how it wraps, how tall the
//! rows of a list are and where a list scrolls to. `update` keeps the scroll offsets in UI
//! state with these measures; `view` draws with the same ones, so neither imports the other.

pub mod decisions;
pub mod form;
pub mod frame;
pub mod group;
pub mod home;
pub mod programme;
pub mod review;
pub mod scroll;
pub mod session;
pub mod setup;
pub mod show;
pub mod text;
pub mod timeline;
pub mod tree;
pub mod wrap;
