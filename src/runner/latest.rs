//! A thread for work of which only the newest question matters (the programme screen's
//! figures, the review browser's filter): what is asked while it works waits, and what is
//! asked after replaces what waits, or is merged with it. The thread is started when asked
//! and ends when nothing waits.

use std::sync::{Arc, Condvar, Mutex};

struct Slot<T> {
    running: bool,
    waiting: Option<T>,
}

type Shared<T> = Arc<(Mutex<Slot<T>>, Condvar)>;

pub(super) struct Latest<T> {
    name: &'static str,
    state: Shared<T>,
    work: Arc<dyn Fn(T) + Send + Sync>,
    /// What waits, and what is asked now: what to do next.
    merge: fn(T, T) -> T,
}

impl<T: Send + 'static> Latest<T> {
    pub(super) fn new(
        name: &'static str,
        work: impl Fn(T) + Send + Sync + 'static,
        merge: fn(T, T) -> T,
    ) -> Latest<T> {
        Latest {
            name,
            state: Arc::new((
                Mutex::new(Slot {
                    running: false,
                    waiting: None,
                }),
                Condvar::new(),
            )),
            work: Arc::new(work),
            merge,
        }
    }

    /// Does `asked` after what the thread is doing now (merged with what waits).
    pub(super) fn ask(&self, asked: T) {
        {
            let Ok(mut slot) = self.state.0.lock() else {
                return;
            };
            slot.waiting = Some(match slot.waiting.take() {
                Some(waiting) => (self.merge)(waiting, asked),
                None => asked,
            });
            if slot.running {
                return;
            }
            slot.running = true;
        }
        let (state, work) = (Arc::clone(&self.state), Arc::clone(&self.work));
        let spawned = std::thread::Builder::new()
            .name(self.name.into())
            .spawn(move || run(&state, &*work));
        if spawned.is_err() {
            // No thread to be had: work here rather than never.
            run(&self.state, &*self.work);
        }
    }

    /// Waits until nothing is being done or waits.
    pub(super) fn wait(&self) {
        let (lock, done) = &*self.state;
        let Ok(mut slot) = lock.lock() else { return };
        while slot.running {
            slot = match done.wait(slot) {
                Ok(slot) => slot,
                Err(_) => return,
            };
        }
    }
}

fn run<T>(state: &(Mutex<Slot<T>>, Condvar), work: &(dyn Fn(T) + Send + Sync)) {
    loop {
        let next = {
            let Ok(mut slot) = state.0.lock() else { return };
            match slot.waiting.take() {
                Some(next) => next,
                None => {
                    slot.running = false;
                    state.1.notify_all();
                    return;
                }
            }
        };
        work(next);
    }
}
