//! The signals that end atelier from outside: the terminal closed (SIGHUP), `kill`
//! (SIGTERM), SIGINT and SIGQUIT (the terminal is raw, so Ctrl+C and Ctrl+\ are keys, not
//! these). A thread of `signal-hook` notes which came; the app loop looks at every turn,
//! writes what is pending, releases the lock, restores the terminal, removes the demo's
//! copy, and only then ends by the same signal with its default action (so the shell sees
//! 128 + N, as if nothing had caught it).
//!
//! Kept apart from the loop so that it can move when the loop does.

use std::time::{Duration, Instant};

#[cfg(unix)]
mod imp {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    use signal_hook::iterator::{Handle, Signals};
    use std::sync::Arc;
    use std::sync::atomic::{AtomicI32, Ordering};

    /// The signals atelier ends on, after cleaning up.
    pub const ENDING: [i32; 4] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT];

    pub struct Watcher {
        received: Arc<AtomicI32>,
        handle: Handle,
        waker: super::Waker,
    }

    impl Watcher {
        pub fn install() -> std::io::Result<Watcher> {
            let mut signals = Signals::new(ENDING)?;
            let handle = signals.handle();
            let received = Arc::new(AtomicI32::new(0));
            let seen = Arc::clone(&received);
            let waker = super::Waker::default();
            let wake = waker.clone();
            std::thread::Builder::new()
                .name("signals".into())
                .spawn(move || {
                    for sig in signals.forever() {
                        // The first one is the one atelier ends by.
                        let _ = seen.compare_exchange(0, sig, Ordering::SeqCst, Ordering::SeqCst);
                        // The loop may be asleep on its channel: wake it to see the signal.
                        wake.wake();
                    }
                })?;
            Ok(Watcher {
                received,
                handle,
                waker,
            })
        }

        pub fn received(&self) -> Option<i32> {
            Some(self.received.load(Ordering::SeqCst)).filter(|s| *s != 0)
        }

        pub fn waker(&self) -> &super::Waker {
            &self.waker
        }
    }

    impl Drop for Watcher {
        fn drop(&mut self) {
            self.handle.close();
        }
    }

    /// SIGHUP if the terminal has gone (its window closed) without the signal reaching
    /// atelier: only the terminal's session leader gets it, and a shell that runs atelier
    /// without job control does not pass it on. A look at the terminal's state (a `poll`
    /// that reads nothing), cheap enough for every turn of the loop.
    pub fn hung_up() -> Option<i32> {
        use rustix::event::{PollFd, PollFlags, Timespec, poll};
        let stdin = std::io::stdin();
        let mut fds = [PollFd::new(&stdin, PollFlags::empty())];
        let now = Timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        poll(&mut fds, Some(&now)).ok()?;
        fds[0].revents().contains(PollFlags::HUP).then_some(SIGHUP)
    }

    /// Ends the process by `signal` with its default action (the handler put back first).
    /// Calls `wake` once the terminal hangs up, from a thread that sleeps in `poll` until
    /// then: a terminal can go away without a SIGHUP reaching atelier, and crossterm's
    /// reading then spins on the end of its input without ever returning an error.
    pub fn on_hang_up(wake: impl Fn() + Send + 'static) {
        use rustix::event::{PollFd, PollFlags, poll};
        let _ = std::thread::Builder::new()
            .name("hang-up".into())
            .spawn(move || {
                let stdin = std::io::stdin();
                loop {
                    let mut fds = [PollFd::new(&stdin, PollFlags::empty())];
                    match poll(&mut fds, None) {
                        Ok(_) => {
                            let r = fds[0].revents();
                            if r.contains(PollFlags::HUP) {
                                wake();
                                return;
                            }
                            // Not a terminal that can hang up (NVAL, ERR): nothing to watch.
                            if r.intersects(PollFlags::NVAL | PollFlags::ERR) {
                                return;
                            }
                        }
                        Err(rustix::io::Errno::INTR) => {}
                        Err(_) => return,
                    }
                    // Never a spin, whatever `poll` does.
                    std::thread::sleep(std::time::Duration::from_millis(50));
                }
            });
    }

    pub fn reraise(signal: i32) -> ! {
        let _ = signal_hook::low_level::emulate_default_handler(signal);
        // Only if the signal did not end it (it always does for these four).
        std::process::exit(128 + signal)
    }
}

#[cfg(not(unix))]
mod imp {
    /// Elsewhere the system's own handling stays.
    pub struct Watcher;

    impl Watcher {
        pub fn install() -> std::io::Result<Watcher> {
            Ok(Watcher)
        }

        pub fn received(&self) -> Option<i32> {
            None
        }

        pub fn waker(&self) -> &super::Waker {
            static NONE: std::sync::OnceLock<super::Waker> = std::sync::OnceLock::new();
            NONE.get_or_init(super::Waker::default)
        }
    }

    pub fn hung_up() -> Option<i32> {
        None
    }

    pub fn on_hang_up(_wake: impl Fn() + Send + 'static) {}

    pub fn reraise(signal: i32) -> ! {
        std::process::exit(128 + signal)
    }
}

pub use imp::{hung_up, on_hang_up, reraise};

/// Which ending signal came, if one did. Without a watcher (it could not be installed),
/// the signals keep their default action: atelier ends at once, as before.
/// What the signal thread calls after a signal, so that a loop asleep on its channel wakes
/// up to see it (the loop sets it once it has a channel).
#[derive(Clone, Default)]
pub struct Waker(std::sync::Arc<std::sync::Mutex<Option<WakeFn>>>);

type WakeFn = Box<dyn Fn() + Send>;

impl Waker {
    pub fn set(&self, wake: impl Fn() + Send + 'static) {
        if let Ok(mut w) = self.0.lock() {
            *w = Some(Box::new(wake));
        }
    }

    #[cfg_attr(not(unix), allow(dead_code))]
    fn wake(&self) {
        if let Ok(w) = self.0.lock()
            && let Some(wake) = w.as_ref()
        {
            wake();
        }
    }
}

pub struct Watch(Option<imp::Watcher>);

impl Watch {
    pub fn install() -> Watch {
        Watch(imp::Watcher::install().ok())
    }

    /// The signal that came, if any; SIGHUP too when the terminal has gone without it.
    /// Calls `wake` after each signal from now on.
    pub fn on_signal(&self, wake: impl Fn() + Send + 'static) {
        if let Some(w) = &self.0 {
            w.waker().set(wake);
        }
    }

    pub fn received(&self) -> Option<i32> {
        self.0
            .as_ref()
            .and_then(imp::Watcher::received)
            .or_else(hung_up)
    }

    /// Waits up to `wait` for a signal: a terminal that closes makes its reads fail at the
    /// same moment as it sends SIGHUP, in either order.
    pub fn wait(&self, wait: Duration) -> Option<i32> {
        let until = Instant::now() + wait;
        loop {
            if let Some(s) = self.received() {
                return Some(s);
            }
            if self.0.is_none() || Instant::now() >= until {
                return None;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }
}
