//! A harness for message scripts: a `Model` driven through `update` exactly as `app.rs` drives
//! it (a tick before every key), with a clock the test moves itself, and the effects
//! performed by the app's own `Runner` on a temporary sessions folder, each message's
//! effects settled before the next message (the app does not wait; the tests do, to read a
//! settled screen). No terminal.

#![allow(dead_code)] // each test file uses its own part of the harness

use atelier::i18n::{Lang, Strings};
use atelier::method::Method;
use atelier::model::Session;
use atelier::runner::{Done, Runner};
use atelier::store::{self, Store};
use atelier::ui::{Model, Overlay, SessionUi, SetupDraft};
use atelier::update::{Effect, Msg, update};
use chrono::{DateTime, NaiveDate, TimeDelta, TimeZone, Utc};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

pub const SEED: u64 = 2026;

/// Tuesday 24 November 2026, 09:00 UTC (10:00 in Oujda): the meeting starts.
pub fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap()
}

/// `t0` plus some seconds: the timestamps tests expect in the history.
pub fn at(secs: i64) -> DateTime<Utc> {
    t0() + TimeDelta::seconds(secs)
}

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub struct Harness {
    pub model: Model,
    pub now: DateTime<Utc>,
    /// Every effect `update` returned, in order.
    pub effects: Vec<Effect>,
    /// `Effect::Save`s performed (attempts, failed or not).
    pub saves: usize,
    /// When each save was attempted.
    pub save_times: Vec<DateTime<Utc>>,
    /// The session as the last successful save wrote it.
    pub saved: Option<Session>,
    /// While true, saves fail (a full disk).
    pub fail_saves: bool,
    /// The runner said the loop may stop (`Done::Quit`).
    pub quit: bool,
    pub released: usize,
    /// Sessions as `Effect::Create` handed them over, before any edit.
    pub created: Vec<Session>,
    /// The sessions folder the runner works on (removed with the harness).
    pub dir: tempfile::TempDir,
    runner: Runner,
    done: Arc<Mutex<Vec<Done>>>,
    faults: Arc<AtomicBool>,
    /// What the saves asked and not yet answered wrote, in order.
    in_flight: VecDeque<Session>,
}

/// The derived files the runner made for the harness's folder go with it (the OS cache
/// folder would otherwise keep an index and a cache per test run).
impl Drop for Harness {
    fn drop(&mut self) {
        self.runner.settle_listing();
        atelier::store::index::Index::delete(self.dir.path());
        if let Some(cache) = atelier::store::cache_path(self.dir.path()) {
            let _ = std::fs::remove_file(cache);
        }
    }
}

impl Harness {
    /// The home screen, French (atelier's default), the clock at `t0`, on an empty folder.
    pub fn new() -> Harness {
        Harness::in_dir(tempfile::tempdir().unwrap())
    }

    /// The home screen over this folder, listed as the app lists it.
    pub fn in_dir(dir: tempfile::TempDir) -> Harness {
        let now = t0();
        let model = Model::new(
            Lang::Fr,
            Method::builtin(),
            PathBuf::from("/nonexistent/atelier-flow"),
            now,
            SEED,
        );
        let done: Arc<Mutex<Vec<Done>>> = Arc::default();
        let faults: Arc<AtomicBool> = Arc::default();
        let collected = Arc::clone(&done);
        let runner = Runner::new(
            atelier::runner::Setup {
                store: Store::new(dir.path()),
                lang: Lang::Fr,
                exports: Some(dir.path().join("exports")),
                read_only: false,
                following: false,
                fail_saves: Arc::clone(&faults),
            },
            Arc::new(move |d| collected.lock().unwrap().push(d)),
        );
        let mut h = Harness {
            model,
            now,
            effects: Vec::new(),
            saves: 0,
            save_times: Vec::new(),
            saved: None,
            fail_saves: false,
            quit: false,
            released: 0,
            created: Vec::new(),
            dir,
            runner,
            done,
            faults,
            in_flight: VecDeque::new(),
        };
        h.perform(vec![Effect::Refresh]);
        h
    }

    /// Where a session of this folder is written.
    pub fn path_of(&self, session: &Session) -> PathBuf {
        self.dir.path().join(format!("{}.ron", session.id))
    }

    /// Writes a session file in the folder, as another atelier or a copy would.
    pub fn write(&self, session: &Session) -> PathBuf {
        let path = self.path_of(session);
        store::save(&path, session).unwrap();
        path
    }

    /// The setup draft kept in the folder, if any.
    pub fn setup_draft(&self) -> Option<SetupDraft> {
        let text = std::fs::read_to_string(self.dir.path().join(".setup-draft.ron")).ok()?;
        Some(ron::from_str(&text).unwrap())
    }

    /// A harness with this session on screen, as if resumed from the home screen.
    pub fn with_session(session: Session, read_only: bool) -> Harness {
        let mut h = Harness::new();
        h.open(session, read_only);
        h
    }

    /// Opens the session as the home screen does: written in the folder, then opened by the
    /// runner (locked). Read-only: shown as another atelier's, never written.
    pub fn open(&mut self, session: Session, read_only: bool) {
        if read_only {
            let path = self.path_of(&session);
            self.send(Msg::Opened {
                session: Box::new(session),
                path,
                read_only,
            });
            return;
        }
        let path = self.write(&session);
        self.perform(vec![Effect::Open(path)]);
    }

    pub fn strings(&self) -> &'static Strings {
        self.model.strings()
    }

    // -----------------------------------------------------------------------------------
    // Messages

    pub fn send(&mut self, msg: Msg) {
        let effects = update(&mut self.model, msg);
        self.perform(effects);
    }

    pub fn tick(&mut self) {
        let (now, today) = (self.now, self.now.date_naive());
        self.send(Msg::Tick { now, today });
    }

    /// Lets time pass as the loop does: it wakes (a tick) only at the moments `update`
    /// says something is due (`next_wake`: a timer's next second, a save, a replay step),
    /// and otherwise sleeps; the clock then stands `ms` later, with no tick unless one was
    /// due then.
    pub fn wait_ms(&mut self, ms: i64) {
        let end = self.now + TimeDelta::milliseconds(ms);
        while let Some(due) = atelier::update::next_wake(&self.model).filter(|t| *t <= end) {
            // As the loop: a moment due already is taken at once, but the clock moves on.
            self.now = due.max(self.now + TimeDelta::milliseconds(1)).min(end);
            self.tick();
            if self.now == end {
                break;
            }
        }
        self.now = end;
    }

    pub fn wait(&mut self, secs: i64) {
        self.wait_ms(secs * 1000);
    }

    /// Lets time pass until `t0 + secs`.
    pub fn wait_until(&mut self, secs: i64) {
        let ms = (at(secs) - self.now).num_milliseconds();
        assert!(ms >= 0, "the clock never goes back");
        self.wait_ms(ms);
    }

    /// A key press, preceded by a tick as in the real loop.
    pub fn key(&mut self, key: KeyEvent) {
        self.tick();
        self.send(Msg::Key(key));
    }

    pub fn code(&mut self, code: KeyCode) {
        self.key(KeyEvent::new(code, KeyModifiers::NONE));
    }

    /// Each character as a key, the way a terminal reports it (capitals with Shift).
    pub fn keys(&mut self, text: &str) {
        for c in text.chars() {
            let mods = if c.is_uppercase() {
                KeyModifiers::SHIFT
            } else {
                KeyModifiers::NONE
            };
            self.key(KeyEvent::new(KeyCode::Char(c), mods));
        }
    }

    pub fn ctrl(&mut self, c: char) {
        self.key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
    }

    pub fn alt(&mut self, c: char) {
        self.key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::ALT));
    }

    pub fn alt_enter(&mut self) {
        self.key(KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT));
    }

    pub fn enter(&mut self) {
        self.code(KeyCode::Enter);
    }

    pub fn esc(&mut self) {
        self.code(KeyCode::Esc);
    }

    pub fn tab(&mut self) {
        self.code(KeyCode::Tab);
    }

    pub fn back_tab(&mut self) {
        self.key(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT));
    }

    pub fn paste(&mut self, text: &str) {
        self.tick();
        self.send(Msg::Paste(text.to_string()));
    }

    // -----------------------------------------------------------------------------------
    // Effects, performed by the app's runner

    fn perform(&mut self, effects: Vec<Effect>) {
        self.faults.store(self.fail_saves, Ordering::SeqCst);
        for effect in &effects {
            self.effects.push(effect.clone());
            match effect {
                Effect::Save(snapshot) => {
                    self.saves += 1;
                    self.save_times.push(self.now);
                    self.in_flight.push_back(snapshot.session.clone());
                }
                Effect::Create(session) => self.created.push((**session).clone()),
                Effect::Release => self.released += 1,
                _ => {}
            }
        }
        self.runner.perform(effects);
        self.runner.settle();
        self.runner.settle_listing();
        let done = std::mem::take(&mut *self.done.lock().unwrap());
        for d in done {
            match d {
                Done::Quit => self.quit = true,
                Done::Msg(msg) => {
                    match &msg {
                        Msg::Saved(result) => {
                            let written = self.in_flight.pop_front();
                            if result.is_ok() {
                                self.saved = written;
                            }
                        }
                        Msg::SavedAsConflictCopy { .. } => {
                            self.saved = self.in_flight.pop_front();
                        }
                        _ => {}
                    }
                    self.send(msg);
                }
            }
        }
    }

    /// Starts the runner's folder watcher, looking every `every` (the app: every 2 s).
    pub fn watch_folder(&mut self, every: std::time::Duration) {
        self.runner.watch_folder(every);
    }

    /// Waits on the real clock, handing what the runner says meanwhile (the watcher's
    /// messages) to `update`, until `done` holds or `secs` have passed; whether it held.
    pub fn pump_until(&mut self, secs: u64, done: impl Fn(&Harness) -> bool) -> bool {
        let start = std::time::Instant::now();
        while !done(self) {
            if start.elapsed() > std::time::Duration::from_secs(secs) {
                return false;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
            self.perform(Vec::new());
        }
        true
    }

    /// How many effects of this kind were returned since effect number `from`.
    pub fn count_since(&self, from: usize, effect: &Effect) -> usize {
        self.effects[from..].iter().filter(|e| *e == effect).count()
    }

    // -----------------------------------------------------------------------------------
    // Looking at the model

    pub fn ui(&self) -> &SessionUi {
        self.model.session().expect("a session on screen")
    }

    pub fn session(&self) -> &Session {
        &self.ui().session
    }

    pub fn editor_text(&self) -> Option<String> {
        self.ui().editor.as_ref().map(|e| e.text())
    }

    pub fn flash(&self) -> Option<&str> {
        self.model.flash.as_ref().map(|f| f.text.as_str())
    }

    pub fn overlay(&self) -> Option<&Overlay> {
        self.model.overlay.as_ref()
    }
}

impl Default for Harness {
    fn default() -> Self {
        Harness::new()
    }
}

/// A harness on the home screen over a real folder of sessions, listed as the app lists it.
pub struct Folder {
    /// The folder (the harness's, removed when it drops).
    pub dir: PathBuf,
    pub h: Harness,
}

/// Saves `sessions` in a new temporary folder, lets `also` add files of its own (a broken
/// one...), then lists the folder on the home screen as the app does.
pub fn folder_of(sessions: Vec<Session>, also: impl FnOnce(&Path)) -> Folder {
    let dir = tempfile::tempdir().unwrap();
    let st = Store::new(dir.path());
    for s in sessions {
        let path = st.path_for_new(&s);
        store::save(&path, &s).unwrap();
    }
    also(dir.path());
    // The harness's own folder is this one; `Folder::dir` names it too.
    let path = dir.path().to_path_buf();
    let mut h = Harness::in_dir(dir);
    h.tick();
    Folder { dir: path, h }
}

/// A path no file is at: for a session shown without a file (a replay from memory).
pub fn fake_path(id: &atelier::model::Id) -> PathBuf {
    PathBuf::from(format!("/nonexistent/atelier-flow/{id}.ron"))
}

pub mod binary;
pub mod programme;
pub mod records;
pub mod screen;
pub mod tailors;
