//! The terminal loop. Draw, then sleep on one channel until something comes (a key, an
//! effect's outcome from the runner, the runner's folder watcher saying the sessions folder
//! changed, a signal) or until `update` said a moment is due
//! (`update::next_wake`: a running timer's next second, a pending save); hand that to
//! `update` as messages and give the effects it returns to the [`Runner`], which performs
//! them off this thread and answers on the same channel. With nothing due and nothing typed
//! it does not wake at all. The terminal, the clock and the signals are this file's; the
//! disk is the runner's.

use crate::i18n::Lang;
use crate::input;
use crate::method::Method;
use crate::model::Session;
use crate::runner::{Done, Runner};
use crate::store::{self, Store};
use crate::ui::Model;
use crate::update::{Effect, Msg, update};
use chrono::{Local, Utc};
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use ratatui::crossterm::execute;
use ratatui::layout::Rect;
use ratatui::{DefaultTerminal, TerminalOptions, Viewport};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

/// What the TUI starts with, resolved from the command line and the environment.
pub struct Options {
    pub dir: PathBuf,
    pub lang: Lang,
    pub method: Method,
    /// Theme, dot budget and advisor from the settings (see `config`).
    pub prefs: crate::config::Prefs,
}

/// How often `atelier follow` looks at its file (a `stat`).
const FOLLOW_LOOK: Duration = Duration::from_millis(200);

/// How often the folder watcher looks at the sessions folder (a `stat` of the folder): a
/// session a sync brings shows within this long on the home screen and in the browser.
const FOLDER_LOOK: Duration = Duration::from_secs(2);

/// How long keys typed while a screen is coming (a session opening) wait for it before
/// going to the screen there is: a disk that slow should not swallow what is typed.
const AWAIT_SCREEN_AT_MOST: Duration = Duration::from_secs(3);

/// The least the loop sleeps when a moment is due: a moment already past (the clock read
/// late) is taken at once, but never in a spin.
const LEAST_SLEEP: Duration = Duration::from_millis(5);

/// What wakes the loop: all of it comes on one channel.
enum Wake {
    /// A key, a paste or a resize, from the input thread (or its reading failed).
    Input(std::io::Result<Event>),
    /// What an effect came to (see `runner`).
    Done(Done),
    /// A signal came (see `signals`): the loop looks at it.
    Signal,
}

/// Files left to parse above which the first frame shows the count at once rather than wait
/// for the lists (0.1 ms a file on 2 cores: a tenth of a second).
const SLOW_LISTING: usize = 1000;

/// How long the first frame waits for the folder's listing (see `App::run`).
const FIRST_FRAME_WAIT: Duration = Duration::from_millis(1500);

/// How atelier runs.
pub enum Mode {
    /// On the advisor's sessions folder.
    Edit,
    /// On a sessions folder atelier cannot write: every screen says so, sessions open
    /// read-only (no lock), no session is created, no setup draft nor summary cache is
    /// written, and exports go to `exports/` in the OS data folder.
    ReadOnly,
    /// On a throwaway copy of the demo groups (`atelier demo`): every screen says so.
    Demo,
    /// Showing one session another atelier is running, re-read whenever it is saved
    /// (`atelier follow`). Nothing is written: no save, lock, draft, export or cache.
    Follow(Box<crate::follow::Watch>),
    /// Replaying one session from its history (`atelier replay`): read once by the command
    /// line, nothing listed nor written; leaving the replay quits. True: pseudonyms shown
    /// (`--anonymize`).
    Replay(Box<Session>, PathBuf, bool),
}

/// What the program's top level returns: any error, said in a sentence by `main` (every
/// error atelier expects is said where it happens, in the user's language; what reaches
/// here is the terminal or the system failing).
pub type Fallible<T> = Result<T, Box<dyn std::error::Error + Send + Sync>>;

pub fn run(options: Options) -> Fallible<()> {
    run_in(options, Mode::Edit)
}

pub fn run_in(options: Options, mode: Mode) -> Fallible<()> {
    run_with(options, mode, None)
}

/// `atelier demo` on its throwaway copy, which goes when atelier ends, by a signal too.
pub fn run_demo(options: Options, copy: tempfile::TempDir) -> Fallible<()> {
    run_with(options, Mode::Demo, Some(copy))
}

fn run_with(options: Options, mode: Mode, demo_copy: Option<tempfile::TempDir>) -> Fallible<()> {
    // Before the terminal changes: from here on, a signal that ends atelier (the terminal
    // closed, `kill`) finds the terminal and the files put right first.
    let signals = crate::signals::Watch::install();
    let terminal = ratatui::init();
    // ratatui's hook restores the terminal on panic; bracketed paste must be undone too,
    // and the terminal's own background given back. Where a panic aborts (the release
    // build) nothing is dropped after the hooks, so what drops do is done here: the cursor
    // shown (the terminal's drop) and the demo's copy removed.
    #[cfg(panic = "abort")]
    let copy_path = demo_copy.as_ref().map(|d| d.path().to_path_buf());
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(std::io::stdout(), DisableBracketedPaste);
        background(None);
        #[cfg(panic = "abort")]
        {
            let _ = execute!(std::io::stdout(), ratatui::crossterm::cursor::Show);
            if let Some(path) = &copy_path {
                let _ = std::fs::remove_dir_all(path);
            }
        }
        hook(info);
    }));
    let _ = execute!(std::io::stdout(), EnableBracketedPaste);
    let (mut terminal, size) = fixed_terminal(terminal)?;
    let (tx, wakes) = mpsc::channel();
    let app = App::new(options, mode, size, tx.clone());
    let result = app.run(&mut terminal, &signals, tx, wakes);
    let _ = execute!(std::io::stdout(), DisableBracketedPaste);
    // Dropping the terminal shows the cursor; a signal below ends before it would drop.
    let _ = terminal.show_cursor();
    // Not `ratatui::restore`: it prints its failure, and printing to a terminal that has
    // gone panics, which would end atelier before the demo's copy is removed.
    background(None);
    let _ = ratatui::try_restore();
    // The copy's caches and index go with it.
    if let Some(copy) = &demo_copy {
        crate::store::forget_derived(copy.path());
    }
    drop(demo_copy);
    match result {
        // Everything is put right: end as the signal asked (the shell sees 128 + N).
        Ok(Some(signal)) => crate::signals::reraise(signal),
        Ok(None) => Ok(()),
        Err(e) => Err(e),
    }
}

struct App {
    model: Model,
    /// Performs the effects; its answers come on the loop's channel.
    runner: Runner,
    /// The terminal's size, as told by its resize events (asked once at the start).
    term_size: (u16, u16),
    /// `atelier follow`: the file watched; the only IO then is reading it.
    watch: Option<crate::follow::Watch>,
    /// Screens asked of the runner and not yet there (a session opening...), and since
    /// when: the keys typed meanwhile are held for the screen they were typed for.
    awaiting: usize,
    awaiting_since: Option<Instant>,
    held: Vec<Event>,
    quit: bool,
}

/// Reads the terminal's keys and pastes on a thread of their own, so that the loop never
/// waits on the terminal: when the terminal goes away, crossterm's reading spins on the end
/// of its input and never returns, and the loop must still see that, write what is pending
/// and end. Only this thread reads events; the loop takes them from the channel.
fn read_input(tx: Sender<Wake>) -> std::io::Result<()> {
    std::thread::Builder::new()
        .name("input".into())
        .spawn(move || {
            loop {
                let ev = event::read();
                let failed = ev.is_err();
                if tx.send(Wake::Input(ev)).is_err() || failed {
                    break;
                }
            }
        })?;
    Ok(())
}

/// The terminal drawn in a fixed area that the loop resizes on the terminal's resize
/// events: a fullscreen one asks the terminal its size at every frame (two `ioctl`s on a
/// freshly opened `/dev/tty` with crossterm), even when nothing moves.
fn fixed_terminal(terminal: DefaultTerminal) -> std::io::Result<(DefaultTerminal, (u16, u16))> {
    let size = terminal.size()?;
    drop(terminal);
    let backend = ratatui::backend::CrosstermBackend::new(std::io::stdout());
    let area = Rect::new(0, 0, size.width, size.height);
    let options = TerminalOptions {
        viewport: Viewport::Fixed(area),
    };
    Ok((
        ratatui::Terminal::with_options(backend, options)?,
        (size.width, size.height),
    ))
}

/// Whether atelier gave the terminal a background of its own, to give back on leaving.
static BACKGROUND_SET: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Gives the terminal the theme's background (`Theme::terminal_background`), or its own
/// back with `None` (only if atelier had changed it).
fn background(theme: Option<&crate::theme::Theme>) {
    use std::io::Write;
    use std::sync::atomic::Ordering;
    let text = match theme.and_then(crate::theme::Theme::terminal_background) {
        Some(set) => {
            BACKGROUND_SET.store(true, Ordering::SeqCst);
            set
        }
        None if BACKGROUND_SET.swap(false, Ordering::SeqCst) => {
            crate::theme::TERMINAL_BACKGROUND_RESET.to_string()
        }
        None => return,
    };
    let mut out = std::io::stdout();
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
}

fn seed() -> u64 {
    let nanos = Utc::now().timestamp_nanos_opt().unwrap_or_default() as u64;
    nanos ^ (u64::from(std::process::id()) << 32)
}

impl App {
    fn new(options: Options, mode: Mode, term_size: (u16, u16), wakes: Sender<Wake>) -> App {
        let now = Utc::now();
        let mut model = Model::new(
            options.lang,
            options.method,
            options.dir.clone(),
            now,
            seed(),
        );
        model.today = Local::now().date_naive();
        model.utc_offset = *Local::now().offset();
        options.prefs.apply(&mut model);
        model.demo = matches!(mode, Mode::Demo);
        model.folder_read_only = matches!(mode, Mode::ReadOnly);
        let exports = match mode {
            // The demo's copy goes at quit, and a read-only folder takes nothing: their
            // exports go to the OS data folder, beside the default sessions folder.
            Mode::Demo => store::data_folder("demo-exports"),
            Mode::ReadOnly => store::data_folder("exports"),
            _ => Some(options.dir.join("exports")),
        };
        let mode = match mode {
            Mode::Replay(session, path, pseudonyms) => {
                // Replay only quits: there is no effect to perform.
                let msg = Msg::Replay {
                    session,
                    path,
                    pseudonyms,
                };
                let _ = update(&mut model, msg);
                Mode::Edit
            }
            other => other,
        };
        let read_only = matches!(mode, Mode::ReadOnly);
        let store = if read_only {
            Store::read_only(options.dir)
        } else {
            Store::new(options.dir)
        };
        let setup = crate::runner::Setup {
            store,
            lang: model.lang,
            exports,
            read_only,
            following: matches!(mode, Mode::Follow(_)),
            fail_saves: Arc::default(),
        };
        let runner = Runner::new(
            setup,
            Arc::new(move |done| {
                let _ = wakes.send(Wake::Done(done));
            }),
        );
        App {
            model,
            runner,
            term_size,
            watch: match mode {
                Mode::Follow(watch) => Some(*watch),
                _ => None,
            },
            awaiting: 0,
            awaiting_since: None,
            held: Vec::new(),
            quit: false,
        }
    }

    /// Runs until quit (`None`) or until a signal ends it (`Some`, what is pending written).
    fn run(
        mut self,
        terminal: &mut DefaultTerminal,
        signals: &crate::signals::Watch,
        tx: Sender<Wake>,
        wakes: Receiver<Wake>,
    ) -> Fallible<Option<i32>> {
        let signalled = tx.clone();
        signals.on_signal(move || {
            let _ = signalled.send(Wake::Signal);
        });
        // A hang-up is seen by `signals.received()` when the loop wakes: wake it.
        let hung_up = tx.clone();
        crate::signals::on_hang_up(move || {
            let _ = hung_up.send(Wake::Signal);
        });
        let replaying = matches!(self.model.screen, crate::ui::Screen::Replay(_));
        if self.watch.is_some() || replaying {
            // Following or replaying: the session file only, no listing (it would write
            // the cache).
            self.look();
        } else {
            self.runner.perform(vec![Effect::Refresh]);
            self.runner.watch_folder(FOLDER_LOOK);
            // A read-only folder creates no session: a setup draft there cannot be used.
            if !self.model.folder_read_only {
                self.runner.find_setup_draft();
            }
            // With the summary cache, 10,000 sessions list in a few hundred milliseconds:
            // wait that long so the first frame has the full list; a folder being read for
            // the first time (no cache yet) shows "loading" and the keys work meanwhile.
            self.first_listing(&wakes);
        }
        // A theme that paints every cell's background gives it to the terminal too.
        background(Some(&self.model.theme));
        let panic_after_draw =
            cfg!(debug_assertions) && std::env::var_os("ATELIER_TEST_PANIC").is_some();
        read_input(tx)?;
        while !self.quit {
            if let Some(signal) = signals.received() {
                self.write_pending(&wakes);
                return Ok(Some(signal));
            }
            if let Err(e) = self.turn(terminal, &wakes, panic_after_draw) {
                // Whatever failed, what was typed is written. A terminal that closes fails
                // its reads and sends SIGHUP, in either order: end by the signal if it comes.
                self.write_pending(&wakes);
                return match signals.wait(Duration::from_millis(300)) {
                    Some(signal) => Ok(Some(signal)),
                    None => Err(e.into()),
                };
            }
        }
        // Quitting came after the last save was written; the lock goes before atelier ends.
        self.runner.perform(vec![Effect::Release]);
        self.runner.settle();
        Ok(None)
    }

    /// Handles what comes until the folder's first listing is there, for at most
    /// `FIRST_FRAME_WAIT`, or until its progress shows a long read (then the count goes on
    /// screen at once).
    fn first_listing(&mut self, wakes: &Receiver<Wake>) {
        let until = Instant::now() + FIRST_FRAME_WAIT;
        while let Ok(wake) = wakes.recv_timeout(until.saturating_duration_since(Instant::now())) {
            let listed = matches!(wake, Wake::Done(Done::Msg(Msg::Listed(_))));
            let slow = matches!(wake, Wake::Done(Done::Msg(Msg::ListingProgress { done, total }))
                if total - done > SLOW_LISTING);
            self.wake(wake);
            if listed || slow || self.quit {
                return;
            }
        }
    }

    /// One thing that came on the channel, other than a key batch (see `turn`).
    fn wake(&mut self, wake: Wake) {
        match wake {
            Wake::Input(Ok(ev)) => self.event(ev),
            Wake::Done(Done::Msg(msg)) => {
                let arrived = matches!(
                    msg,
                    Msg::Opened { .. }
                        | Msg::Failed(_)
                        | Msg::Viewed { .. }
                        | Msg::TimelineLoaded { .. }
                        | Msg::NextReady { .. }
                );
                self.send(msg);
                if arrived && self.awaiting > 0 {
                    self.awaiting -= 1;
                    if self.awaiting == 0 {
                        self.release_held();
                    }
                }
            }
            Wake::Done(Done::Quit) => self.quit = true,
            Wake::Input(Err(_)) | Wake::Signal => {}
        }
    }

    /// How long the loop may sleep: until the moment `update` said is due, or for ever
    /// (`None`) when nothing is; `atelier follow` looks at its file a few times a second.
    fn sleep(&self) -> Option<Duration> {
        let due = crate::update::next_wake(&self.model).map(|t| {
            (t - Utc::now())
                .to_std()
                .unwrap_or_default()
                .max(LEAST_SLEEP)
        });
        match (due, self.watch.is_some()) {
            (due, true) => Some(due.map_or(FOLLOW_LOOK, |d| d.min(FOLLOW_LOOK))),
            (due, false) => due,
        }
    }

    /// One turn of the loop: draw, then sleep until something comes or is due.
    fn turn(
        &mut self,
        terminal: &mut DefaultTerminal,
        wakes: &Receiver<Wake>,
        panic_after_draw: bool,
    ) -> std::io::Result<()> {
        // The rows the screens get: the demo's mark takes one (see `layout::frame`).
        let (width, rows) = self.term_size;
        let height = rows.saturating_sub(crate::layout::frame::marks_rows(&self.model));
        if (width, height) != self.model.size {
            self.send(Msg::Resized { width, height });
        }
        terminal.draw(|frame| frame.render_widget(&self.model, frame.area()))?;
        if panic_after_draw {
            panic!(
                "ATELIER_TEST_PANIC is set: a panic on purpose, to test the terminal is restored"
            );
        }
        let first = match self.sleep() {
            Some(wait) => wakes.recv_timeout(wait),
            None => wakes.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        match first {
            Ok(wake) => {
                // Take every event already waiting before drawing again: typing stays fast.
                // An Esc last in the batch may be the first half of an Alt+key read apart
                // from its key: a moment for the rest (see `input`).
                let mut batch = Vec::new();
                // Outcomes that came meanwhile are handled after the keys: one landing
                // between the two halves of an Alt-Enter must not split it into an Esc
                // and an Enter. The keys a coming screen is for are held for it anyway.
                let mut dones = Vec::new();
                let mut next = Some(wake);
                while let Some(wake) = next {
                    match wake {
                        Wake::Input(ev) => batch.push(ev?),
                        Wake::Done(done) => dones.push(done),
                        Wake::Signal => {}
                    }
                    next = match wakes.try_recv() {
                        Ok(w) => Some(w),
                        Err(_) if batch.last().is_some_and(input::is_bare_esc) => {
                            wakes.recv_timeout(input::ESC_WAIT).ok()
                        }
                        Err(_) => None,
                    };
                }
                self.keys(terminal, batch)?;
                for done in dones {
                    self.wake(Wake::Done(done));
                }
            }
            Err(RecvTimeoutError::Timeout) => self.send(Msg::Tick {
                now: Utc::now(),
                today: Local::now().date_naive(),
            }),
            Err(RecvTimeoutError::Disconnected) => {
                return Err(std::io::Error::other("the terminal's input ended"));
            }
        }
        self.look();
        Ok(())
    }

    /// Keys, pastes and resizes read together, an Esc and its Enter joined (see `input`).
    fn keys(&mut self, terminal: &mut DefaultTerminal, batch: Vec<Event>) -> std::io::Result<()> {
        for ev in input::join_escapes(batch) {
            if self.quit {
                break;
            }
            if let Event::Resize(w, h) = ev {
                self.resize(terminal, w, h)?;
                continue;
            }
            self.event(ev);
        }
        Ok(())
    }

    /// The terminal changed size: the next frame is drawn whole at the new size (ratatui's
    /// resize clears the screen and forgets the last frame; not `Terminal::clear`, which
    /// asks the terminal where its cursor is, an answer the input thread would take).
    fn resize(&mut self, terminal: &mut DefaultTerminal, w: u16, h: u16) -> std::io::Result<()> {
        self.term_size = (w, h);
        terminal.resize(Rect::new(0, 0, w, h))
    }

    /// atelier is ending from outside (a signal, a terminal gone): the keys already typed
    /// are taken, what is pending is written (the session and its drafts, or the setup
    /// being typed), and the session's lock is let go.
    fn write_pending(&mut self, wakes: &Receiver<Wake>) {
        while !self.quit {
            match wakes.try_recv() {
                Ok(Wake::Input(Err(_))) | Err(_) => break,
                Ok(wake) => self.wake(wake),
            }
        }
        self.send(Msg::Interrupted);
        // Written before atelier ends, then the lock let go.
        self.runner.perform(vec![Effect::Release]);
        self.runner.settle();
    }

    /// `atelier follow`: looks at the file (a `stat`, every tick or key, so a save shows
    /// within a fraction of a second) and hands what changed to `update`.
    fn look(&mut self) {
        let Some(watch) = &mut self.watch else { return };
        let path = watch.path().to_path_buf();
        match watch.look() {
            crate::follow::Seen::Unchanged => {}
            crate::follow::Seen::Changed(session) => self.send(Msg::Followed { session, path }),
            crate::follow::Seen::Waiting(reason) => self.send(Msg::FollowWaiting(reason)),
        }
        // Leaving the session (Esc) leaves follow: there is nothing else to show.
        if self.model.session().is_none() {
            self.quit = true;
        }
    }

    /// The keys held while a screen was coming, now for the screen they were typed for.
    fn release_held(&mut self) {
        self.awaiting = 0;
        self.awaiting_since = None;
        for ev in std::mem::take(&mut self.held) {
            if self.quit {
                break;
            }
            self.event(ev);
        }
    }

    fn event(&mut self, ev: Event) {
        // Typed right after Enter on a session, a key is for that session, not for the list
        // still on screen: held until the screen comes (never long; never for ever).
        if self.awaiting > 0 {
            if self
                .awaiting_since
                .is_some_and(|t| t.elapsed() < AWAIT_SCREEN_AT_MOST)
            {
                self.held.push(ev);
                return;
            }
            self.release_held();
        }
        let msg = match ev {
            Event::Key(key) if key.is_press() || key.is_repeat() => Msg::Key(key),
            Event::Paste(text) => Msg::Paste(text),
            _ => return,
        };
        self.send(Msg::Tick {
            now: Utc::now(),
            today: Local::now().date_naive(),
        });
        self.send(msg);
    }

    fn send(&mut self, msg: Msg) {
        let effects = update(&mut self.model, msg);
        self.perform(effects);
    }

    fn perform(&mut self, effects: Vec<Effect>) {
        let screens = effects
            .iter()
            .filter(|e| {
                matches!(
                    e,
                    Effect::Open(_)
                        | Effect::LoadForView(_)
                        | Effect::PrepareNext(_)
                        | Effect::LoadTimeline(_)
                        | Effect::Create(_)
                )
            })
            .count();
        if screens > 0 && self.watch.is_none() {
            self.awaiting += screens;
            self.awaiting_since = Some(Instant::now());
        }
        self.runner.perform(effects);
    }
}
