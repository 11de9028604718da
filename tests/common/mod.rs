//! A harness for message scripts: a `Model` driven through `update` exactly as `app.rs` drives
//! it (a tick before every key), with a clock the test moves itself, and the effects
//! performed in memory the way `app.rs` performs them on disk. No terminal, no files.

#![allow(dead_code)] // each test file uses its own part of the harness

use atelier::i18n::{Lang, Strings};
use atelier::method::Method;
use atelier::model::{Id, Session};
use atelier::store::{self, Store};
use atelier::ui::{Home, Model, Overlay, SessionUi, SetupDraft};
use atelier::update::{Effect, Msg, update};
use chrono::{DateTime, NaiveDate, TimeDelta, TimeZone, Utc};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub const SEED: u64 = 2026;

/// How often the real loop ticks when no key comes (`app::TICK`).
pub const TICK_MS: i64 = 200;

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
    /// The loop would stop: `Effect::Quit` with no failed save in the same batch.
    pub quit: bool,
    pub released: usize,
    /// Sessions as `Effect::Create` handed them over, before any edit.
    pub created: Vec<Session>,
    /// What `Effect::Refresh` lists.
    pub home: Home,
    /// The session files `Effect::Open` can load, by path.
    pub files: BTreeMap<PathBuf, Session>,
    /// Sessions of earlier meetings, what `Effect::PrepareNext` reads.
    pub archive: Vec<Session>,
    /// The group setup as last kept while typed, before its session exists.
    pub setup_draft: Option<SetupDraft>,
}

impl Harness {
    /// The home screen, French (atelier's default), the clock at `t0`.
    pub fn new() -> Harness {
        let now = t0();
        let model = Model::new(
            Lang::Fr,
            Method::builtin(),
            PathBuf::from("/nonexistent/atelier-flow"),
            now,
            SEED,
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
            home: Home::default(),
            files: BTreeMap::new(),
            archive: Vec::new(),
            setup_draft: None,
        };
        h.perform(vec![Effect::Refresh]);
        h
    }

    /// A harness with this session on screen, as if resumed from the home screen.
    pub fn with_session(session: Session, read_only: bool) -> Harness {
        let mut h = Harness::new();
        h.open(session, read_only);
        h
    }

    pub fn open(&mut self, session: Session, read_only: bool) {
        let path = fake_path(&session.id);
        self.send(Msg::Opened {
            session: Box::new(session),
            path,
            read_only,
        });
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

    /// Lets time pass with the loop's idle ticks, the last one exactly `ms` later.
    pub fn wait_ms(&mut self, ms: i64) {
        let end = self.now + TimeDelta::milliseconds(ms);
        while self.now < end {
            self.now = (self.now + TimeDelta::milliseconds(TICK_MS)).min(end);
            self.tick();
        }
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
    // Effects, performed as app.rs does

    fn perform(&mut self, effects: Vec<Effect>) {
        let mut save_failed = false;
        for effect in effects {
            self.effects.push(effect.clone());
            match effect {
                Effect::Save => save_failed = !self.save(),
                Effect::Refresh => {
                    let home = self.home.clone();
                    self.send(Msg::Listed(home));
                }
                Effect::Open(path) => match self.files.get(&path).cloned() {
                    Some(session) => self.send(Msg::Opened {
                        session: Box::new(session),
                        path,
                        read_only: false,
                    }),
                    None => self.send(Msg::Failed(format!("{}: not found", path.display()))),
                },
                // As app.rs: read without a lock, to look at it.
                Effect::LoadForView(path) => match self.files.get(&path).cloned() {
                    Some(session) => self.send(Msg::Viewed {
                        session: Box::new(session),
                        path,
                    }),
                    None => self.send(Msg::Failed(format!("{}: not found", path.display()))),
                },
                Effect::PrepareNext(group) => self.prepare_next(&group),
                // As app.rs: every session of the group the folder holds.
                Effect::LoadTimeline(group) => {
                    let sessions: Vec<Session> = self
                        .files
                        .values()
                        .filter(|s| s.group.id == group)
                        .cloned()
                        .collect();
                    self.send(Msg::TimelineLoaded {
                        sessions,
                        skipped: 0,
                    });
                }
                Effect::Create(session) => {
                    let path = fake_path(&session.id);
                    self.created.push((*session).clone());
                    // As in app.rs: once the session's file exists, the setup draft goes.
                    self.setup_draft = None;
                    self.files.insert(path.clone(), (*session).clone());
                    self.send(Msg::Opened {
                        session,
                        path,
                        read_only: false,
                    });
                }
                Effect::Release => self.released += 1,
                Effect::SaveSetupDraft(draft) => self.setup_draft = Some(*draft),
                Effect::ClearSetupDraft => self.setup_draft = None,
                // Recorded only: a test sends `Msg::Exported` with the outcome it wants.
                Effect::Export | Effect::ExportTracker(_) => {}
                // As in app.rs: a failed save keeps the session on screen.
                Effect::Quit => self.quit = !save_failed,
            }
        }
    }

    fn save(&mut self) -> bool {
        let Some(ui) = self.model.session() else {
            return true;
        };
        self.saves += 1;
        self.save_times.push(self.now);
        if self.fail_saves {
            self.send(Msg::Saved(Err("No space left on device".into())));
            return false;
        }
        self.saved = Some(ui.session.clone());
        self.files.insert(ui.path.clone(), ui.session.clone());
        self.send(Msg::Saved(Ok(())));
        true
    }

    fn prepare_next(&mut self, group: &Id) {
        let mut sessions: Vec<Session> = self
            .archive
            .iter()
            .filter(|s| &s.group.id == group)
            .cloned()
            .collect();
        sessions.sort_by_key(|s| s.number);
        let Some(latest) = sessions.last() else {
            self.send(Msg::Failed("no session of this group".into()));
            return;
        };
        self.send(Msg::NextReady {
            group: Box::new(latest.group.clone()),
            number: latest.number + 1,
            reviews: atelier::model::open_reviews(&sessions),
            backlog: atelier::model::backlog(&sessions),
            next: latest.closing.next.clone(),
        });
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
    /// The folder, removed when the value drops.
    pub dir: tempfile::TempDir,
    pub h: Harness,
}

/// Saves `sessions` in a new temporary folder (and makes them what `Effect::Open` loads),
/// lets `also` add files of its own (a broken one...), then lists the folder on the home
/// screen as the app does.
pub fn folder_of(sessions: Vec<Session>, also: impl FnOnce(&Path)) -> Folder {
    let dir = tempfile::tempdir().unwrap();
    let st = Store::new(dir.path());
    let mut h = Harness::new();
    for s in sessions {
        let path = st.path_for_new(&s);
        store::save(&path, &s).unwrap();
        h.files.insert(path, s);
    }
    also(dir.path());
    h.home = Home::from_listing(&st.list(), h.strings());
    h.tick();
    h.send(Msg::Listed(h.home.clone()));
    Folder { dir, h }
}

/// Where a session's file would be: only a name, nothing is written.
pub fn fake_path(id: &Id) -> PathBuf {
    PathBuf::from(format!("/nonexistent/atelier-flow/{id}.ron"))
}
pub mod binary;
pub mod screen;
