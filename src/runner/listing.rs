//! The folder's listing, on a thread of its own: with 10,000 sessions and no index
//! yet it takes seconds, and nothing else may wait for it. Its progress and its home lists
//! are answered as messages; a listing asked while one runs starts again when it ends.

use super::latest::Latest;
use super::{Done, Notify};
use crate::i18n::Lang;
use crate::store::derived::SETTLE;
use crate::store::{Known, Store};
use crate::ui::Home;
use crate::update::Msg;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// What a listing leaves for the next.
#[derive(Default)]
struct State {
    /// The search texts of the last listing made without the index, shared with the next
    /// one rather than held twice (the screen keeps the last listing until the new one
    /// comes).
    known: Known,
    /// A listing was made: the index's first screen is no longer wanted.
    listed_once: bool,
    /// The folder's time when the last listing began, once it could be trusted (see
    /// [`folder_time`] and [`unchanged`]).
    folder: Option<SystemTime>,
    /// The last listing found files it could not read.
    unreadable: bool,
}

/// Whether the folder is as the last listing found it: its time is the one it had, settled,
/// when that listing began. Adding, removing or renaming a file (atelier's atomic saves,
/// a sync tool's) changes it, as the folder watcher knows (issue 14, point 4). Listing
/// again would only hold a second copy of the same rows while the screen keeps the first
/// (60 MB more at 100,000 sessions, opening the review browser).
fn unchanged(store: &Store, state: &Mutex<State>) -> bool {
    let now = std::fs::metadata(store.dir())
        .and_then(|m| m.modified())
        .ok();
    // A file that could not be read is read again each time: fixed in place by hand, it
    // would not change the folder's time.
    state
        .lock()
        .is_ok_and(|s| s.listed_once && !s.unreadable && s.folder.is_some() && s.folder == now)
}

/// The folder's time, once no change can hide within it: a file added in the same tick of
/// the clock as the last change would leave the time as it is. On a file system with
/// sub-second times that tick is the kernel's coarse clock (a few ms): waited for. On one
/// with whole seconds (FAT) it is `SETTLE`: too long to wait, so `None` (the next listing
/// is made anyway).
fn folder_time(store: &Store) -> Option<SystemTime> {
    const TICK: Duration = Duration::from_millis(50);
    for _ in 0..3 {
        let t = std::fs::metadata(store.dir()).ok()?.modified().ok()?;
        let whole_seconds = t
            .duration_since(UNIX_EPOCH)
            .is_ok_and(|d| d.subsec_nanos() == 0);
        let grain = if whole_seconds { SETTLE } else { TICK };
        let age = SystemTime::now().duration_since(t).unwrap_or_default();
        if age >= grain {
            return Some(t);
        }
        if whole_seconds {
            return None;
        }
        std::thread::sleep(grain - age);
    }
    None
}

/// How many groups the first screen from the index shows: more than any screen's rows.
const FIRST_GROUPS: usize = 100;

/// The listing thread: a listing asked while one runs is made once more after it.
pub(super) struct Lister {
    /// Whether the listing asked is wanted even of a folder unchanged.
    latest: Latest<bool>,
}

impl Lister {
    pub(super) fn new(store: Store, lang: Lang, notify: Notify) -> Lister {
        let state = Mutex::new(State::default());
        let work = move |always| run(&store, always, lang, &notify, &state);
        Lister {
            latest: Latest::new("listing", work, |waiting, asked| waiting || asked),
        }
    }

    /// Lists the folder on the listing thread, or once more after the listing running now;
    /// not if it is as the last listing found it (the screen holds that one).
    pub(super) fn list(&self) {
        self.latest.ask(false);
    }

    /// [`Lister::list`], even if the folder is unchanged: the screen let go of the rows.
    pub(super) fn list_again(&self) {
        self.latest.ask(true);
    }

    /// Waits until no listing runs.
    pub(super) fn wait(&self) {
        self.latest.wait();
    }
}

fn run(store: &Store, always: bool, lang: Lang, notify: &Notify, state: &Mutex<State>) {
    if !always && unchanged(store, state) {
        return;
    }
    // The first listing of a large folder takes a while even with its index: the screen
    // shows at once what the index held when atelier last looked.
    let first = state.lock().is_ok_and(|s| !s.listed_once);
    if !first {
        notify(Done::Msg(Msg::Relisting));
    }
    if first
        && let Some(fs) = crate::store::index::Index::open(store.dir())
            .and_then(|i| i.first_screen(FIRST_GROUPS).ok().flatten())
    {
        notify(Done::Msg(Msg::Listed(Home::first_screen(fs, lang))));
    }
    // Once a start, off the UI thread: the caches of folders gone for a month go.
    if first {
        crate::store::prune_gone_folders(std::time::SystemTime::now());
    }
    // After the first screen: it may wait a moment for the folder's time to settle.
    let folder = folder_time(store);
    let known = state.lock().map(|s| s.known.clone()).unwrap_or_default();
    // Files parsed one by one (new, or changed since the index last saw them) are counted
    // for the screen; every 50th is plenty. The listing brings the index up to date too,
    // for the next start and the commands that name a session.
    let listing = store.list_sharing(&known, &|done, total| {
        if done.is_multiple_of(50) || done == total {
            notify(Done::Msg(Msg::ListingProgress { done, total }));
        }
    });
    drop(known);
    let unreadable = !listing.unreadable.is_empty();
    let home = Home::from_listing(listing, lang);
    // Without the index, the texts are in memory: the next listing shares them.
    let known: Known = home
        .rows
        .iter()
        .filter_map(|r| {
            let name = r.path.file_name()?.to_string_lossy().into_owned();
            Some((name, Arc::clone(r.search.as_ref()?)))
        })
        .collect();
    notify(Done::Msg(Msg::Listed(home)));
    if let Ok(mut st) = state.lock() {
        st.listed_once = true;
        st.known = known;
        st.folder = folder;
        st.unreadable = unreadable;
    }
}
