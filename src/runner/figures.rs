//! The programme screen's figures, on a thread of their own: reading 100,000 sessions' facts
//! takes seconds, and a save asked meanwhile must not wait behind them (it would on the disk
//! thread, and a session typed into then would stay only in memory for as long).
//!
//! Only the newest question matters: the screen drops figures for a choice it no longer
//! shows. So a question asked while the thread counts replaces the one waiting, if any;
//! a reading of the folder waiting is never replaced by a mere count (the folder changed:
//! its facts are read again, for the newest choice).

use super::{Done, Notify};
use crate::i18n::{Lang, fill};
use crate::report::{Kept, Options};
use crate::update::{Counted, Msg};
use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex};

/// What the thread is asked.
pub(super) enum Ask {
    /// Read the folder's facts (through the report cache), then count them.
    Read(Options),
    /// Count facts already read.
    Count(Arc<Kept>, Options),
}

impl Ask {
    /// `self` waiting, `newer` asked: what is worth doing.
    fn then(self, newer: Ask) -> Ask {
        match (self, newer) {
            (Ask::Read(_), Ask::Count(_, options)) => Ask::Read(options),
            (_, newer) => newer,
        }
    }
}

#[derive(Default)]
struct State {
    running: bool,
    waiting: Option<Ask>,
}

pub(super) struct Counter {
    dir: PathBuf,
    lang: Lang,
    notify: Notify,
    state: Arc<(Mutex<State>, Condvar)>,
}

impl Counter {
    pub(super) fn new(dir: PathBuf, lang: Lang, notify: Notify) -> Counter {
        Counter {
            dir,
            lang,
            notify,
            state: Arc::default(),
        }
    }

    /// Answers `ask` with `Msg::ProgrammeCounted`, after what the thread is doing now.
    pub(super) fn ask(&self, ask: Ask) {
        {
            let Ok(mut st) = self.state.0.lock() else {
                return;
            };
            st.waiting = Some(match st.waiting.take() {
                Some(waiting) => waiting.then(ask),
                None => ask,
            });
            if st.running {
                return;
            }
            st.running = true;
        }
        let (dir, lang, notify) = (self.dir.clone(), self.lang, Arc::clone(&self.notify));
        let state = Arc::clone(&self.state);
        let work = move || run(&dir, lang, &notify, &state);
        if let Err(e) = std::thread::Builder::new()
            .name("figures".into())
            .spawn(work)
        {
            // No thread to be had: count here rather than never.
            drop(e);
            run(&self.dir, self.lang, &self.notify, &self.state);
        }
    }

    /// Waits until nothing is being counted.
    pub(super) fn wait(&self) {
        let (lock, done) = &*self.state;
        let Ok(mut st) = lock.lock() else { return };
        while st.running {
            st = match done.wait(st) {
                Ok(st) => st,
                Err(_) => return,
            };
        }
    }
}

fn run(dir: &std::path::Path, lang: Lang, notify: &Notify, state: &(Mutex<State>, Condvar)) {
    loop {
        let ask = {
            let Ok(mut st) = state.0.lock() else { return };
            match st.waiting.take() {
                Some(ask) => ask,
                None => {
                    st.running = false;
                    state.1.notify_all();
                    return;
                }
            }
        };
        let answer = match ask {
            Ask::Read(options) => read(dir, lang, options),
            Ask::Count(kept, options) => Ok(Counted {
                report: Box::new(kept.aggregate(options)),
                kept: None,
            }),
        };
        notify(Done::Msg(Msg::ProgrammeCounted(answer)));
    }
}

/// The folder's facts read (only the files changed since the last read, with the report
/// cache) and counted.
fn read(dir: &std::path::Path, lang: Lang, options: Options) -> Result<Counted, String> {
    match crate::report::read_folder(dir) {
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
