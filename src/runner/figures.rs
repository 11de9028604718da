//! The programme screen's figures, on a thread of their own: reading 100,000 sessions' facts
//! takes seconds, and a save asked meanwhile must not wait behind them (it would on the disk
//! thread, and a session typed into then would stay only in memory for as long).
//!
//! Only the newest question matters: the screen drops figures for a choice it no longer
//! shows. So a question asked while the thread counts replaces the one waiting, if any;
//! a reading of the folder waiting is never replaced by a mere count (the folder changed:
//! its facts are read again, for the newest choice).

use super::latest::Latest;
use super::{Done, Notify};
use crate::i18n::{Lang, fill};
use crate::report::{Kept, Options};
use crate::update::{Counted, Msg};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What the thread is asked.
pub(super) enum Ask {
    /// Read the folder's facts (through the report cache), then count them.
    Read(Options),
    /// Count facts already read.
    Count(Arc<Kept>, Options),
}

impl Ask {
    /// `waiting` waits, `newer` is asked: what is worth doing.
    fn then(waiting: Ask, newer: Ask) -> Ask {
        match (waiting, newer) {
            (Ask::Read(_), Ask::Count(_, options)) => Ask::Read(options),
            (_, newer) => newer,
        }
    }
}

/// The thread that answers each [`Ask`] with `Msg::ProgrammeCounted`.
pub(super) fn counter(dir: PathBuf, lang: Lang, notify: Notify) -> Latest<Ask> {
    let work = move |ask: Ask| {
        let answer = match ask {
            Ask::Read(options) => read(&dir, lang, options),
            Ask::Count(kept, options) => Ok(Counted {
                report: Box::new(kept.aggregate(options)),
                kept: None,
            }),
        };
        notify(Done::Msg(Msg::ProgrammeCounted(answer)));
    };
    Latest::new("figures", work, Ask::then)
}

/// The folder's facts read (only the files changed since the last read, with the report
/// cache) and counted.
fn read(dir: &Path, lang: Lang, options: Options) -> Result<Counted, String> {
    match crate::report::read_folder_to_count(dir) {
        Ok(folder) => {
            let kept = Arc::new(Kept::of(folder));
            let report = Box::new(kept.aggregate(options));
            Ok(Counted {
                report,
                kept: Some(kept),
            })
        }
        Err(e) => {
            let strings = lang.strings();
            let detail = e.message(strings);
            Err(fill(
                strings.report.folder_unreadable,
                &[&dir.display(), &detail],
            ))
        }
    }
}
