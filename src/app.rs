//! The only impure code: the terminal loop. Draw, wait for a key or the next tick, hand
//! both to `update` as messages, perform the effects it returns (files, locks, quitting).

use crate::export::Format;
use crate::i18n::{Lang, fill};
use crate::input;
use crate::method::Method;
use crate::model::{self, Id, Session};
use crate::store::{self, Saved, SessionLock, Store, Tracked};
use crate::ui::{Home, Model, SetupDraft};
use crate::update::{Effect, Msg, update};
use chrono::{Local, Utc};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use ratatui::crossterm::execute;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

/// What the TUI starts with, resolved from the command line and the environment.
pub struct Options {
    pub dir: PathBuf,
    pub lang: Lang,
    pub method: Method,
    /// Theme, dot budget and advisor from the settings (see `config`).
    pub prefs: crate::config::Prefs,
}

/// The group setup typed before its session exists; a dot name keeps it out of listings.
const SETUP_DRAFT: &str = ".setup-draft.ron";

/// How often the clock ticks when no key comes: the timer shows seconds.
const TICK: Duration = Duration::from_millis(200);

/// What the listing thread sends: how far it is, then the home lists.
enum Listing {
    Progress(usize, usize),
    Done(Box<Home>),
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
    Follow(crate::follow::Watch),
    /// Replaying one session from its history (`atelier replay`): read once by the command
    /// line, nothing listed nor written; leaving the replay quits. True: pseudonyms shown
    /// (`--anonymize`).
    Replay(Box<Session>, PathBuf, bool),
}

pub fn run(options: Options) -> color_eyre::Result<()> {
    run_in(options, Mode::Edit)
}

pub fn run_in(options: Options, mode: Mode) -> color_eyre::Result<()> {
    run_with(options, mode, None)
}

/// `atelier demo` on its throwaway copy, which goes when atelier ends, by a signal too.
pub fn run_demo(options: Options, copy: tempfile::TempDir) -> color_eyre::Result<()> {
    run_with(options, Mode::Demo, Some(copy))
}

fn run_with(
    options: Options,
    mode: Mode,
    demo_copy: Option<tempfile::TempDir>,
) -> color_eyre::Result<()> {
    // Before the terminal changes: from here on, a signal that ends atelier (the terminal
    // closed, `kill`) finds the terminal and the files put right first.
    let signals = crate::signals::Watch::install();
    let mut terminal = ratatui::init();
    // ratatui's hook restores the terminal on panic; bracketed paste must be undone too,
    // and the terminal's own background given back.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(std::io::stdout(), DisableBracketedPaste);
        background(None);
        hook(info);
    }));
    let _ = execute!(std::io::stdout(), EnableBracketedPaste);
    let result = App::new(options, mode).run(&mut terminal, &signals);
    let _ = execute!(std::io::stdout(), DisableBracketedPaste);
    // Dropping the terminal shows the cursor; a signal below ends before it would drop.
    let _ = terminal.show_cursor();
    // Not `ratatui::restore`: it prints its failure, and printing to a terminal that has
    // gone panics, which would end atelier before the demo's copy is removed.
    background(None);
    let _ = ratatui::try_restore();
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
    store: Store,
    /// The listing being read on a thread: its progress and home lists arrive here (the
    /// latest asked).
    listing: Option<Receiver<Listing>>,
    /// Another listing was asked while one was running: it starts when that one ends.
    relist: bool,
    /// The lock of the session on screen, held while it is open for editing.
    lock: Option<SessionLock>,
    /// The file of the session on screen as last read or written here: a save never
    /// overwrites a file changed since (it makes a conflict copy instead).
    tracked: Option<Tracked>,
    /// `atelier follow`: the file watched; the only IO then is reading it.
    watch: Option<crate::follow::Watch>,
    /// Where exports go: `exports/` in the sessions folder, or for the demo a folder that
    /// outlives its copy (`None`: no home folder to put it in).
    exports: Option<PathBuf>,
    quit: bool,
}

/// Reads the terminal's keys and pastes on a thread of their own, so that the loop never
/// waits on the terminal: when the terminal goes away, crossterm's reading spins on the end
/// of its input and never returns, and the loop must still see that, write what is pending
/// and end. Only this thread reads events; the loop takes them from the channel.
fn read_input() -> std::io::Result<Receiver<std::io::Result<Event>>> {
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .name("input".into())
        .spawn(move || {
            loop {
                let ev = event::read();
                let failed = ev.is_err();
                if tx.send(ev).is_err() || failed {
                    break;
                }
            }
        })?;
    Ok(rx)
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
    fn new(options: Options, mode: Mode) -> App {
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
        let store = if matches!(mode, Mode::ReadOnly) {
            Store::read_only(options.dir)
        } else {
            Store::new(options.dir)
        };
        App {
            model,
            store,
            listing: None,
            relist: false,
            lock: None,
            tracked: None,
            watch: match mode {
                Mode::Follow(watch) => Some(watch),
                _ => None,
            },
            exports,
            quit: false,
        }
    }

    /// Runs until quit (`None`) or until a signal ends it (`Some`, what is pending written).
    fn run(
        mut self,
        terminal: &mut DefaultTerminal,
        signals: &crate::signals::Watch,
    ) -> color_eyre::Result<Option<i32>> {
        let replaying = matches!(self.model.screen, crate::ui::Screen::Replay(_));
        if self.watch.is_some() || replaying {
            // Following or replaying: the session file only, no listing (it would write
            // the cache).
            self.look();
        } else {
            self.perform(vec![Effect::Refresh]);
            // With the summary cache, 10,000 sessions list in a few hundred milliseconds:
            // wait that long so the first frame has the full list; a folder being read for
            // the first time (no cache yet) shows "loading" and the keys work meanwhile.
            self.receive_listing(FIRST_FRAME_WAIT);
            // A read-only folder creates no session: a setup draft there cannot be used.
            if !self.model.folder_read_only {
                self.find_setup_draft();
            }
        }
        // A theme that paints every cell's background gives it to the terminal too.
        background(Some(&self.model.theme));
        let panic_after_draw =
            cfg!(debug_assertions) && std::env::var_os("ATELIER_TEST_PANIC").is_some();
        let input = read_input()?;
        while !self.quit {
            if let Some(signal) = signals.received() {
                self.write_pending(&input);
                return Ok(Some(signal));
            }
            if let Err(e) = self.turn(terminal, &input, panic_after_draw) {
                // Whatever failed, what was typed is written. A terminal that closes fails
                // its reads and sends SIGHUP, in either order: end by the signal if it comes.
                self.write_pending(&input);
                return match signals.wait(Duration::from_millis(300)) {
                    Some(signal) => Ok(Some(signal)),
                    None => Err(e.into()),
                };
            }
        }
        Ok(None)
    }

    /// One turn of the loop: draw, then wait for a key or the next tick.
    fn turn(
        &mut self,
        terminal: &mut DefaultTerminal,
        input: &Receiver<std::io::Result<Event>>,
        panic_after_draw: bool,
    ) -> std::io::Result<()> {
        let size = terminal.size()?;
        // The rows the screens get: the demo's mark takes one (see `layout::frame`).
        let height = size
            .height
            .saturating_sub(crate::layout::frame::marks_rows(&self.model));
        if (size.width, height) != self.model.size {
            self.send(Msg::Resized {
                width: size.width,
                height,
            });
        }
        terminal.draw(|frame| frame.render_widget(&self.model, frame.area()))?;
        if panic_after_draw {
            panic!(
                "ATELIER_TEST_PANIC is set: a panic on purpose, to test the terminal is restored"
            );
        }
        match input.recv_timeout(TICK) {
            Ok(ev) => {
                // Take every event already waiting before drawing again: typing stays fast.
                // An Esc last in the batch may be the first half of an Alt+key read apart
                // from its key: a moment for the rest (see `input`).
                let mut batch = vec![ev?];
                loop {
                    let next = match input.try_recv() {
                        Ok(ev) => Some(ev),
                        Err(_) if batch.last().is_some_and(input::is_bare_esc) => {
                            input.recv_timeout(input::ESC_WAIT).ok()
                        }
                        Err(_) => None,
                    };
                    match next {
                        Some(ev) => batch.push(ev?),
                        None => break,
                    }
                }
                for ev in input::join_escapes(batch) {
                    self.event(ev);
                    if self.quit {
                        break;
                    }
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
        self.receive_listing(Duration::ZERO);
        self.look();
        Ok(())
    }

    /// atelier is ending from outside (a signal, a terminal gone): the keys already typed
    /// are taken, what is pending is written (the session and its drafts, or the setup
    /// being typed), and the session's lock is let go.
    fn write_pending(&mut self, input: &Receiver<std::io::Result<Event>>) {
        while !self.quit {
            match input.try_recv() {
                Ok(Ok(ev)) => self.event(ev),
                _ => break,
            }
        }
        self.send(Msg::Interrupted);
        self.lock = None;
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

    /// Hands the listing read on its thread to `update`, waiting at most `wait` for it; the
    /// latest progress count if it is not there yet.
    fn receive_listing(&mut self, wait: Duration) {
        let Some(rx) = &self.listing else { return };
        let mut until = Instant::now() + wait;
        let mut progress = None;
        let done = loop {
            match rx.recv_timeout(until.saturating_duration_since(Instant::now())) {
                Ok(Listing::Progress(done, total)) => {
                    progress = Some((done, total));
                    // Thousands of files to parse (no summary cache yet): seconds, not a
                    // blank first frame; the count goes on screen as soon as the messages
                    // already there are read.
                    if total - done > SLOW_LISTING {
                        until = Instant::now();
                    }
                }
                Ok(Listing::Done(home)) => break Some(*home),
                Err(RecvTimeoutError::Timeout) => break None,
                // The thread died (a panic while listing): list again here rather than never.
                Err(RecvTimeoutError::Disconnected) => break Some(self.home()),
            }
        };
        match done {
            Some(home) => {
                self.listing = None;
                self.send(Msg::Listed(home));
                if std::mem::take(&mut self.relist) {
                    self.list_in_background();
                }
            }
            None => {
                if let Some((done, total)) = progress {
                    self.send(Msg::ListingProgress { done, total });
                }
            }
        }
    }

    fn event(&mut self, ev: Event) {
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
        if self.watch.is_some() {
            // Following never writes nor opens anything else: quitting and leaving the
            // session (which ends following) are the only effects that apply.
            if effects
                .iter()
                .any(|e| matches!(e, Effect::Quit | Effect::Release))
            {
                self.quit = true;
            }
            return;
        }
        let mut save_failed = false;
        for effect in effects {
            // A read-only folder is never written: the session is read-only (no change
            // asks for a save) and creating one is refused before it gets here.
            let writes = matches!(
                effect,
                Effect::Save
                    | Effect::Create(_)
                    | Effect::SaveSetupDraft(_)
                    | Effect::ClearSetupDraft
            );
            if writes && self.model.folder_read_only {
                continue;
            }
            match effect {
                Effect::Save => save_failed = !self.save(),
                Effect::Refresh => self.list_in_background(),
                Effect::Open(path) => self.open(&path),
                Effect::LoadForView(path) => self.load_for_view(&path),
                Effect::PrepareNext(group) => self.prepare_next(&group),
                Effect::LoadTimeline(group) => self.load_timeline(&group),
                Effect::Create(session) => self.create(*session),
                Effect::Release => {
                    self.lock = None;
                    self.tracked = None;
                }
                Effect::SaveSetupDraft(draft) => self.save_setup_draft(&draft),
                Effect::ClearSetupDraft => self.clear_setup_draft(),
                Effect::Export => self.export(),
                Effect::ExportTracker(group) => self.export_tracker(&group),
                // A failed save keeps the session on screen: its text is only in memory.
                Effect::Quit => self.quit = !save_failed,
            }
        }
    }

    /// Writes the session on screen; false if it failed (the model is told either way).
    fn save(&mut self) -> bool {
        let strings = self.model.strings();
        let Some(ui) = self.model.session() else {
            return true;
        };
        let result = match self.tracked.as_mut().filter(|t| t.path() == ui.path) {
            Some(tracked) => tracked.save(&ui.session, ui.session.saved),
            None => store::save(&ui.path, &ui.session).map(|()| Saved::InPlace),
        };
        match result {
            Ok(Saved::InPlace) => {
                self.send(Msg::Saved(Ok(())));
                true
            }
            Ok(Saved::AsConflictCopy { copy, conflict }) => {
                // The session now lives in its copy: the lock goes with it.
                self.lock = SessionLock::acquire(&copy).ok();
                self.send(Msg::SavedAsConflictCopy { copy, conflict });
                true
            }
            Err(e) => {
                self.send(Msg::Saved(Err(e.message(strings))));
                false
            }
        }
    }

    /// Writes the session on screen (facilitated, or viewed from the review browser) as
    /// Markdown and HTML minutes and a CSV of its actions, named after its file, in
    /// `exports/` beside the session files (which listings skip), or for the demo in
    /// `demo-exports/` of the data folder.
    fn export(&mut self) {
        let lang = self.model.lang;
        let (session, path) = match &self.model.screen {
            crate::ui::Screen::Session(ui) => (&ui.session, &ui.path),
            crate::ui::Screen::Review(b) => match &b.view {
                Some(v) => (&*v.session, &v.path),
                None => return,
            },
            _ => return,
        };
        let Some(dir) = self.exports.clone() else {
            let text = self.model.strings().store.dir_no_home.to_string();
            self.send(Msg::Exported(Err(text)));
            return;
        };
        let stem = path.file_stem().map_or_else(
            || session.id.as_str().to_string(),
            |s| s.to_string_lossy().into_owned(),
        );
        let write = || -> Result<(), String> {
            crate::store::create_private_dir(&dir).map_err(|e| {
                let w = lang.strings().export;
                fill(w.write_other, &[&dir.display(), &e])
            })?;
            for format in [Format::Markdown, Format::Html, Format::Csv] {
                let text = crate::export::export(session, format, lang, false);
                let path = dir.join(format!("{stem}.{}", format.extension()));
                crate::export::write(&path, &text, lang)?;
            }
            Ok(())
        };
        let result = write().map(|()| dir.clone());
        self.send(Msg::Exported(result));
    }

    /// Writes the group's action tracker beside the minutes (see [`App::export`]), from its
    /// sessions as they are on disk now.
    fn export_tracker(&mut self, group: &Id) {
        let lang = self.model.lang;
        let Some(dir) = self.exports.clone() else {
            let text = self.model.strings().store.dir_no_home.to_string();
            self.send(Msg::Exported(Err(text)));
            return;
        };
        let sessions = self.store.group_sessions(&self.store.list(), group);
        let today = self.model.today;
        let result = crate::export::write_tracker_files(&dir, sessions, lang, today);
        self.send(Msg::Exported(result));
    }

    fn home(&self) -> Home {
        Home::from_listing(&self.store.list(), self.model.strings())
    }

    /// Reads the folder on a thread; the loop hands the result to `update` when it comes. A
    /// listing asked while one runs starts when it ends: two at once would share the cores,
    /// and a first listing without the summary cache takes seconds (the second one then
    /// finds the cache).
    fn list_in_background(&mut self) {
        if self.listing.is_some() {
            self.relist = true;
            return;
        }
        let (tx, rx) = mpsc::channel();
        let store = self.store.clone();
        let strings = self.model.strings();
        // The screen keeps the last listing until the new one comes: their search texts
        // are shared, not held twice.
        let known: store::Known = self
            .model
            .home
            .rows
            .iter()
            .filter_map(|r| {
                let name = r.path.file_name()?.to_string_lossy().into_owned();
                Some((name, std::sync::Arc::clone(&r.search)))
            })
            .collect();
        let spawned = std::thread::Builder::new()
            .name("listing".into())
            .spawn(move || {
                // Files parsed one by one (no summary cache yet) are counted for the screen;
                // every 50th is plenty, the loop shows the latest a few times a second.
                let listing = store.list_sharing(&known, &|done, total| {
                    if done.is_multiple_of(50) || done == total {
                        let _ = tx.send(Listing::Progress(done, total));
                    }
                });
                let home = Home::from_listing(&listing, strings);
                let _ = tx.send(Listing::Done(Box::new(home)));
            });
        match spawned {
            Ok(_) => self.listing = Some(rx),
            Err(_) => {
                let home = self.home();
                self.send(Msg::Listed(home));
            }
        }
    }

    fn open(&mut self, path: &Path) {
        let strings = self.model.strings();
        // No lock in a read-only folder: it could not be made, and the session opens
        // read-only anyway.
        let lock = (!self.model.folder_read_only).then(|| SessionLock::acquire(path));
        match Tracked::open(path) {
            Ok((session, tracked, unknown)) => {
                self.lock = lock.and_then(Result::ok);
                let read_only = self.lock.is_none();
                self.tracked = Some(tracked);
                self.send(Msg::Opened {
                    session: Box::new(session),
                    path: path.to_path_buf(),
                    read_only,
                });
                if !unknown.is_empty() {
                    let fields = unknown.join(", ");
                    self.send(Msg::Notice(fill(strings.store.unknown_fields, &[&fields])));
                }
            }
            Err(e) => self.send(Msg::Failed(e.located(path, strings))),
        }
    }

    /// Reads a session to look at it: no lock, another atelier may have it open.
    fn load_for_view(&mut self, path: &Path) {
        let strings = self.model.strings();
        match store::load(path) {
            Ok(session) => self.send(Msg::Viewed {
                session: Box::new(session),
                path: path.to_path_buf(),
            }),
            Err(e) => self.send(Msg::Failed(e.located(path, strings))),
        }
    }

    fn prepare_next(&mut self, group: &Id) {
        let listing = self.store.list();
        let sessions = self.store.group_sessions(&listing, group);
        let Some(latest) = sessions.last() else {
            let text = self.model.strings().home_group_unreadable.to_string();
            self.send(Msg::Failed(text));
            return;
        };
        let reviews = model::open_reviews(&sessions);
        let backlog = model::backlog(&sessions);
        self.send(Msg::NextReady {
            group: Box::new(latest.group.clone()),
            number: listing.next_number(group),
            reviews,
            backlog,
            next: latest.closing.next.clone(),
        });
    }

    /// Reads every session of a group for its timeline. A file that fails to load now is
    /// skipped and counted: the timeline says so, the home screen lists it with its reason.
    fn load_timeline(&mut self, group: &Id) {
        let listing = self.store.list();
        let mut sessions = Vec::new();
        let mut skipped = 0;
        for summary in listing.sessions_of_group(group) {
            match store::load(&summary.path) {
                Ok(session) => sessions.push(session),
                Err(_) => skipped += 1,
            }
        }
        self.send(Msg::TimelineLoaded { sessions, skipped });
    }

    fn setup_draft_path(&self) -> PathBuf {
        self.store.dir().join(SETUP_DRAFT)
    }

    fn find_setup_draft(&mut self) {
        let path = self.setup_draft_path();
        let Ok(text) = std::fs::read_to_string(&path) else {
            return;
        };
        match ron::from_str::<SetupDraft>(&text) {
            Ok(draft) => self.send(Msg::SetupDraftFound(Box::new(draft))),
            // Left in place: it is what was typed, and a person may still read it.
            Err(e) => {
                let text = format!("{}:{}: {}", path.display(), e.span.start, e.code);
                self.send(Msg::Failed(text));
            }
        }
    }

    fn save_setup_draft(&mut self, draft: &SetupDraft) {
        let strings = self.model.strings();
        let result = store::ensure_dir(self.store.dir())
            .map_err(|e| e.message(strings))
            .and_then(|()| {
                let text = ron::ser::to_string_pretty(draft, Default::default())
                    .map_err(|e| e.to_string())?;
                store::write_atomic(&self.setup_draft_path(), &text, std::io::Write::write_all)
                    .map_err(|e| e.message(strings))
            });
        if let Err(e) = result {
            self.send(Msg::Failed(e));
        }
    }

    fn clear_setup_draft(&mut self) {
        let _ = std::fs::remove_file(self.setup_draft_path());
    }

    fn create(&mut self, session: Session) {
        let strings = self.model.strings();
        if let Err(e) = store::ensure_dir(self.store.dir()) {
            self.send(Msg::Failed(e.message(strings)));
            return;
        }
        let path = self.store.path_for_new(&session);
        match SessionLock::acquire(&path) {
            Ok(lock) => self.lock = Some(lock),
            Err(e) => {
                self.send(Msg::Failed(e.message(strings)));
                return;
            }
        }
        if let Err(e) = store::save(&path, &session) {
            self.lock = None;
            self.send(Msg::Failed(e.message(strings)));
            return;
        }
        self.tracked = Some(Tracked::written(&path));
        self.clear_setup_draft();
        self.send(Msg::Opened {
            session: Box::new(session),
            path,
            read_only: false,
        });
    }
}
