//! The one place effects are performed, by the app and by the tests alike. `update` is pure:
//! it returns [`Effect`]s; the [`Runner`] performs them and answers with what happened, as
//! [`Done`] values handed to the function it was given (the app puts them on the channel
//! its loop sleeps on; the tests collect them). Nothing here waits for the disk on the
//! caller's thread: every effect that touches the disk is a job for one worker thread,
//! done in the order asked, and the folder's listing runs on a thread of its own.
//!
//! The ordering rules, which the tests of `tests/runner.rs` hold:
//! - effects are done in the order `update` returned them, batch after batch: a save
//!   asked after a save writes after it, a lock is released after the save before it;
//! - `Effect::Save` carries the session to write (a snapshot taken when it was asked), so
//!   what is written is what was on screen then, whatever the screen does meanwhile;
//! - `Effect::Quit` answers [`Done::Quit`] once every job before it is done, and only if the
//!   last save before it was written: a failed save keeps the session on screen, since
//!   what it holds is only in memory;
//! - a save whose file became a conflict copy (see `store::Tracked`) goes to the copy, even
//!   one asked before `update` heard of the copy;
//! - the listing never delays a save: it has its own thread, and a listing asked while one
//!   runs starts again when it ends (two at once would share the cores);
//! - nor do the programme screen's figures, nor the review browser's filter over many rows:
//!   each has its own thread too, which answers only the newest question (see `latest`).
//!
//! The folder watcher (see [`Runner::watch_folder`]) tells when the folder changed, from a
//! thread of its own, on the same channel.
//!
//! Following a session (`atelier follow`) performs nothing but quitting, and a read-only
//! folder is never written (see [`Runner::perform`]).

mod figures;
mod latest;
mod listing;
mod watch;
mod worker;

use crate::i18n::Lang;
use crate::store::Store;
use crate::update::{Effect, Msg};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Sender};

/// What the runner hands back.
#[derive(Debug)]
pub enum Done {
    /// For `update`.
    Msg(Msg),
    /// The loop may stop: every job before the quit is done and the last save was written.
    Quit,
}

/// Where the runner's answers go (the app's channel, a test's list).
pub type Notify = Arc<dyn Fn(Done) + Send + Sync>;

/// How the runner works on its folder.
pub struct Setup {
    pub store: Store,
    pub lang: Lang,
    /// Where exports go (`None`: no home folder to put them in).
    pub exports: Option<PathBuf>,
    /// A read-only folder: nothing is written in it.
    pub read_only: bool,
    /// `atelier follow`: nothing is performed but quitting.
    pub following: bool,
    /// For the tests: while set, every save fails as a full disk would.
    pub fail_saves: Arc<std::sync::atomic::AtomicBool>,
}

/// What the worker thread is asked to do, in order.
enum Job {
    Effect(Effect),
    /// Look for a setup draft left by an earlier run.
    FindSetupDraft,
    /// Answer on this channel once every job before is done.
    Barrier(Sender<()>),
}

pub struct Runner {
    jobs: Sender<Job>,
    listing: listing::Lister,
    figures: latest::Latest<figures::Ask>,
    filter: latest::Latest<Box<crate::ui::Filtering>>,
    read_only: bool,
    following: bool,
    notify: Notify,
    /// The folder watcher's thread ends when this goes (with the runner).
    watching: Option<Sender<()>>,
    dir: PathBuf,
}

impl Runner {
    pub fn new(setup: Setup, notify: Notify) -> Runner {
        let listing = listing::Lister::new(setup.store.clone(), setup.lang, Arc::clone(&notify));
        let (read_only, following) = (setup.read_only, setup.following);
        let dir = setup.store.dir().to_path_buf();
        let figures = figures::counter(dir.clone(), setup.lang, Arc::clone(&notify));
        let filter = filter_thread(Arc::clone(&notify));
        let jobs = worker::spawn(setup, Arc::clone(&notify));
        Runner {
            jobs,
            listing,
            figures,
            filter,
            read_only,
            following,
            notify,
            watching: None,
            dir,
        }
    }

    /// Looks at the folder every `every` from now on (one `stat` of the folder, never of
    /// its files) and answers `Msg::FolderChanged` when it changed: a file a sync tool or
    /// another atelier added, replaced or removed. Once; never while following a session.
    pub fn watch_folder(&mut self, every: std::time::Duration) {
        if self.following || self.watching.is_some() {
            return;
        }
        self.watching = watch::spawn(self.dir.clone(), every, Arc::clone(&self.notify));
    }

    /// Starts the effects, in order; returns at once (see the module's ordering rules).
    pub fn perform(&mut self, effects: Vec<Effect>) {
        for effect in effects {
            if self.following {
                // Following never writes nor opens anything else: quitting and leaving the
                // session (which ends following) are all that apply.
                if matches!(effect, Effect::Quit | Effect::Release) {
                    (self.notify)(Done::Quit);
                }
                continue;
            }
            // A read-only folder is never written: the session is read-only (no change
            // asks for a save) and creating one is refused before it gets here.
            let writes = matches!(
                effect,
                Effect::Save(_)
                    | Effect::Create(_)
                    | Effect::SaveSetupDraft(_)
                    | Effect::ClearSetupDraft
            );
            if writes && self.read_only {
                continue;
            }
            match effect {
                Effect::Refresh => self.listing.list(),
                Effect::Relist => self.listing.list_again(),
                Effect::ReadProgramme(options) => self.figures.ask(figures::Ask::Read(options)),
                Effect::CountProgramme { kept, options } => {
                    self.figures.ask(figures::Ask::Count(kept, options));
                }
                Effect::FilterRows(asked) => self.filter.ask(asked),
                other => self.job(Job::Effect(other)),
            }
        }
    }

    /// Looks for a setup draft left in the folder (answered as `Msg::SetupDraftFound`).
    pub fn find_setup_draft(&self) {
        self.job(Job::FindSetupDraft);
    }

    /// Waits until every job asked so far is done and answered: before atelier ends (what
    /// is pending is written), and in the tests after each message.
    pub fn settle(&self) {
        let (tx, rx) = mpsc::channel();
        self.job(Job::Barrier(tx));
        let _ = rx.recv();
    }

    /// Waits for the listing and figures threads too (the tests, which then read a settled
    /// screen).
    pub fn settle_listing(&self) {
        self.listing.wait();
        self.figures.wait();
        self.filter.wait();
    }

    fn job(&self, job: Job) {
        // The worker ends only when the runner goes: a send cannot fail before.
        let _ = self.jobs.send(job);
    }
}

/// The review browser's filter over many rows: the newest filter asked is answered, those
/// typed meanwhile are skipped.
fn filter_thread(notify: Notify) -> latest::Latest<Box<crate::ui::Filtering>> {
    let work = move |asked: Box<crate::ui::Filtering>| {
        let shown = asked.run();
        notify(Done::Msg(Msg::RowsFiltered { asked, shown }));
    };
    latest::Latest::new("filter", work, |_, newer| newer)
}
