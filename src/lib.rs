//! atelier: a terminal facilitator for group-advising sessions with very small enterprises.
//!
//! The shape is the Elm architecture. The saved [`model::Session`] is plain data that changes
//! only through domain [`model::Change`]s, each appended to the session's history. The UI
//! `Model` wraps it with screen state; `update(&mut Model, Msg) -> Vec<Effect>` is pure (time
//! arrives as a message, saving leaves as an effect), so every behaviour can be tested by
//! feeding messages. `view` draws a `&Model` and touches nothing else. `runner` performs the
//! effects (the disk, on a worker thread, through `store`: atomic RON files, locks), for the
//! app and the tests alike; `app` owns the terminal, the clock and the signals, and reads
//! keys through the one key table in `keymap`. The method is data
//! (`assets/methods`), the words are data (`i18n`).

pub mod app;
pub mod bidi;
pub mod cli;
pub mod config;
pub mod dates;
pub mod demo;
pub mod escape;
pub mod export;
pub mod follow;
pub mod i18n;
pub mod input;
pub mod keymap;
pub mod layout;
pub mod life;
pub mod method;
pub mod model;
pub mod privacy;
pub mod replay;
pub mod report;
pub mod ron_text;
pub mod runner;
#[cfg(any(test, feature = "samples"))]
pub mod sample;
pub mod show;
pub mod signals;
pub mod sort;
pub mod store;
pub mod theme;
pub mod timeline;
pub mod timer;
pub mod trades;
pub mod ui;
pub mod update;
pub mod view;
