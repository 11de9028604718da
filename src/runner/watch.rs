//! The folder watcher: a thread that looks at the sessions folder itself (one `stat`) every
//! few seconds and says `Msg::FolderChanged` when its time or identity changed, so that a
//! file a sync tool brings, changes or takes away shows without a restart. A file added,
//! removed or renamed into the folder (every atomic save, atelier's or a sync tool's)
//! changes the folder's time; no file is looked at. With nothing changed it sends nothing,
//! so the loop sleeps on.

use super::{Done, Notify};
use crate::update::Msg;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::time::{Duration, SystemTime};

/// The folder as one `stat` sees it: a folder replaced (moved away and back, a restore) has
/// another inode; a folder gone has no stamp.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FolderStamp {
    modified: Option<SystemTime>,
    dev: u64,
    ino: u64,
}

fn stamp(dir: &Path) -> Option<FolderStamp> {
    let meta = std::fs::metadata(dir).ok()?;
    #[cfg(unix)]
    let (dev, ino) = {
        use std::os::unix::fs::MetadataExt;
        (meta.dev(), meta.ino())
    };
    #[cfg(not(unix))]
    let (dev, ino) = (0, 0);
    Some(FolderStamp {
        modified: meta.modified().ok(),
        dev,
        ino,
    })
}

/// Starts watching `dir`, looking every `every`. The thread ends when the returned sender
/// is dropped (with the runner).
pub(super) fn spawn(dir: PathBuf, every: Duration, notify: Notify) -> Option<Sender<()>> {
    let (stop, stopped) = mpsc::channel::<()>();
    let mut seen = stamp(&dir);
    let work = move || {
        loop {
            match stopped.recv_timeout(every) {
                Err(RecvTimeoutError::Timeout) => {}
                // Dropped (or, never, sent): the runner is gone.
                _ => return,
            }
            let now = stamp(&dir);
            if now != seen {
                seen = now;
                notify(Done::Msg(Msg::FolderChanged));
            }
        }
    };
    // No thread to be had: atelier works on, and the lists come up to date when the home
    // screen or the browser is opened again.
    std::thread::Builder::new()
        .name("folder".into())
        .spawn(work)
        .ok()
        .map(|_| stop)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};

    #[test]
    fn tells_when_a_file_is_renamed_into_the_folder_and_nothing_while_it_is_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let heard: Arc<Mutex<usize>> = Arc::default();
        let counted = Arc::clone(&heard);
        let notify: Notify = Arc::new(move |d| {
            if matches!(d, Done::Msg(Msg::FolderChanged)) {
                *counted.lock().unwrap() += 1;
            }
        });
        let every = Duration::from_millis(20);
        let stop = spawn(dir.path().to_path_buf(), every, notify).unwrap();
        std::thread::sleep(every * 10);
        assert_eq!(
            *heard.lock().unwrap(),
            0,
            "an unchanged folder is never told"
        );
        // A sync tool's way: a temporary file, then a rename.
        let tmp = dir.path().join(".syncthing.a.ron.tmp");
        std::fs::write(&tmp, "x").unwrap();
        std::fs::rename(&tmp, dir.path().join("a.ron")).unwrap();
        let start = std::time::Instant::now();
        while *heard.lock().unwrap() == 0 && start.elapsed() < Duration::from_secs(5) {
            std::thread::sleep(every);
        }
        // Told (once, or twice if a look fell between the write and the rename), then
        // quiet again.
        std::thread::sleep(every * 5);
        let told = *heard.lock().unwrap();
        assert!((1..=2).contains(&told), "{told}");
        std::thread::sleep(every * 10);
        assert_eq!(*heard.lock().unwrap(), told);
        drop(stop);
    }
}
