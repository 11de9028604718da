//! The worker thread: every effect that touches the disk, one after the other, in the order
//! asked. It owns what the disk side keeps between effects: the lock of the session being
//! edited and what its file was when last read or written (so a save never overwrites a
//! file changed since, see `store::Tracked`).

mod records;

use super::{Done, Job, Notify, Setup};
use crate::export::Format;
use crate::i18n::{Lang, fill};
use crate::model::{Id, Session};
use crate::store::{self, Saved, SessionLock, Store, Tracked};
use crate::ui::SetupDraft;
use crate::update::{Effect, Msg, Snapshot};
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::sync::mpsc::{self, Sender};

/// The group setup typed before its session exists; a dot name keeps it out of listings.
pub(super) const SETUP_DRAFT: &str = ".setup-draft.ron";

struct Worker {
    setup: Setup,
    notify: Notify,
    lock: Option<SessionLock>,
    tracked: Option<Tracked>,
    /// A file whose saves now go to its conflict copy: (the file, the copy).
    redirect: Option<(PathBuf, PathBuf)>,
    /// Whether the last save was written (see `Effect::Quit`).
    last_save_ok: bool,
    /// The visits, activities and diagnoses of the group page last read, by id, each with
    /// what its file was then: a changed record is saved over its file only if that is
    /// still so (see `store::TrackedRecord`).
    records: std::collections::BTreeMap<Id, store::TrackedRecord>,
}

/// Starts the worker; it ends when the runner (the sender) goes.
pub(super) fn spawn(setup: Setup, notify: Notify) -> Sender<Job> {
    let (tx, rx) = mpsc::channel::<Job>();
    let mut w = Worker {
        setup,
        notify,
        lock: None,
        tracked: None,
        redirect: None,
        last_save_ok: true,
        records: std::collections::BTreeMap::new(),
    };
    let spawned = std::thread::Builder::new()
        .name("disk".into())
        .spawn(move || {
            for job in rx {
                w.job(job);
            }
        });
    if let Err(e) = spawned {
        // Without a thread atelier cannot keep what is typed: say so rather than lose it.
        panic!("atelier could not start its disk thread: {e}");
    }
    tx
}

impl Worker {
    fn send(&self, msg: Msg) {
        (self.notify)(Done::Msg(msg));
    }

    fn lang(&self) -> Lang {
        self.setup.lang
    }

    fn store(&self) -> &Store {
        &self.setup.store
    }

    fn job(&mut self, job: Job) {
        match job {
            Job::Barrier(done) => {
                let _ = done.send(());
            }
            Job::FindSetupDraft => self.find_setup_draft(),
            Job::Effect(effect) => self.effect(effect),
        }
    }

    fn effect(&mut self, effect: Effect) {
        match effect {
            Effect::Save(snapshot) => self.save(*snapshot),
            // The listing has its own thread (see `Runner::perform`).
            Effect::Refresh | Effect::Relist => {}
            Effect::Open(path) => self.open(&path),
            Effect::LoadForView(path) => self.load_for_view(&path),
            Effect::PrepareNext(group) => self.prepare_next(&group),
            Effect::LoadTimeline(group) => self.load_timeline(&group),
            Effect::LoadGroup(group) => self.load_group(&group),
            // The figures and the browser's filter have their own threads (see
            // `Runner::perform`).
            Effect::ReadProgramme(_) | Effect::CountProgramme { .. } | Effect::FilterRows(_) => {}
            Effect::Create(session) => self.create(*session),
            Effect::Release => {
                self.lock = None;
                self.tracked = None;
                self.redirect = None;
            }
            Effect::SaveSetupDraft(draft) => self.save_setup_draft(&draft),
            Effect::ClearSetupDraft => self.clear_setup_draft(),
            Effect::SaveRecord(record) => self.save_record(&record),
            Effect::SaveRecordDraft(draft) => self.save_record_draft(&draft),
            Effect::ClearRecordDraft => self.clear_record_draft(),
            Effect::Export { snapshot, issued } => self.export(&snapshot, issued),
            Effect::ExportTracker { group, today } => self.export_tracker(&group, today),
            Effect::Quit => {
                if self.last_save_ok {
                    (self.notify)(Done::Quit);
                }
            }
        }
    }

    /// Writes the session as it was when the save was asked.
    fn save(&mut self, snapshot: Snapshot) {
        let strings = self.lang().strings();
        let Snapshot { session, mut path } = snapshot;
        if let Some((from, copy)) = &self.redirect
            && *from == path
        {
            path = copy.clone();
        }
        let result = if self.setup.fail_saves.load(Ordering::SeqCst) {
            Err(store::SaveError {
                kind: store::SaveErrorKind::Full,
                path: path.clone(),
                detail: "No space left on device".into(),
            })
        } else {
            match self.tracked.as_mut().filter(|t| t.path() == path) {
                Some(tracked) => tracked.save(&session, session.saved),
                None => store::save(&path, &session).map(|()| Saved::InPlace),
            }
        };
        self.last_save_ok = result.is_ok();
        match result {
            Ok(Saved::InPlace) => self.send(Msg::Saved(Ok(()))),
            Ok(Saved::AsConflictCopy { copy, conflict }) => {
                // The session now lives in its copy: the lock goes with it, and so do the
                // saves already asked for the file.
                self.lock = SessionLock::acquire(&copy).ok();
                self.redirect = Some((path, copy.clone()));
                self.send(Msg::SavedAsConflictCopy { copy, conflict });
            }
            Err(e) => self.send(Msg::Saved(Err(e.message(strings)))),
        }
    }

    fn open(&mut self, path: &Path) {
        let strings = self.lang().strings();
        // No lock in a read-only folder: it could not be made, and the session opens
        // read-only anyway.
        let lock = (!self.setup.read_only).then(|| SessionLock::acquire(path));
        match Tracked::open(path) {
            Ok((session, tracked, unknown)) => {
                self.lock = lock.and_then(Result::ok);
                let read_only = self.lock.is_none();
                self.tracked = Some(tracked);
                self.redirect = None;
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
        let strings = self.lang().strings();
        match store::load(path) {
            Ok(session) => self.send(Msg::Viewed {
                session: Box::new(session),
                path: path.to_path_buf(),
            }),
            Err(e) => self.send(Msg::Failed(e.located(path, strings))),
        }
    }

    fn prepare_next(&mut self, group: &Id) {
        let listing = self.store().list_group(group);
        let sessions = self.store().group_sessions(&listing, group);
        let Some(latest) = sessions.last() else {
            let text = self.lang().strings().home_group_unreadable.to_string();
            self.send(Msg::Failed(text));
            return;
        };
        self.send(Msg::NextReady {
            group: Box::new(latest.group.clone()),
            number: listing.next_number(group),
            reviews: crate::model::open_reviews(&sessions),
            backlog: crate::model::backlog(&sessions),
            next: latest.closing.next.clone(),
            attendance: crate::life::past_attendance(&crate::timeline::attendance(&sessions)),
        });
    }

    /// Reads every session of a group for its timeline. A file that fails to load now is
    /// skipped and counted: the timeline says so, the home screen lists it with its reason.
    fn load_timeline(&mut self, group: &Id) {
        let listing = self.store().list_group(group);
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

    /// Reads a group's sessions and its visits, activities and diagnoses for its page. As
    /// for the timeline, a file that fails to load now is skipped and counted.
    fn load_group(&mut self, group: &Id) {
        let listing = self.store().list_group(group);
        let mut sessions = Vec::new();
        let mut skipped = 0;
        for summary in listing.sessions_of_group(group) {
            match store::load(&summary.path) {
                Ok(session) => sessions.push(session),
                Err(_) => skipped += 1,
            }
        }
        let records = self.open_group_records(&listing, group);
        let draft = self.record_draft_for(group);
        self.send(Msg::GroupLoaded {
            sessions,
            records,
            skipped,
            draft,
        });
    }

    fn setup_draft_path(&self) -> PathBuf {
        self.store().dir().join(SETUP_DRAFT)
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
        let strings = self.lang().strings();
        let result = store::ensure_dir(self.store().dir())
            .map_err(|e| e.message(strings))
            .and_then(|()| {
                let text =
                    crate::ron_text::to_string_pretty(draft, true).map_err(|e| e.to_string())?;
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
        let strings = self.lang().strings();
        if let Err(e) = store::ensure_dir(self.store().dir()) {
            self.send(Msg::Failed(e.message(strings)));
            return;
        }
        let path = self.store().path_for_new(&session);
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
        self.redirect = None;
        self.clear_setup_draft();
        self.send(Msg::Opened {
            session: Box::new(session),
            path,
            read_only: false,
        });
    }

    /// Writes a session's minutes (Markdown, HTML) and its actions (CSV), named after its
    /// file, in the exports folder: `exports/` beside the session files (which listings
    /// skip), or for the demo and a read-only folder one in the OS data folder.
    fn export(&mut self, snapshot: &Snapshot, issued: chrono::NaiveDate) {
        let lang = self.lang();
        let Some(dir) = self.setup.exports.clone() else {
            let text = lang.strings().store.dir_no_home.to_string();
            self.send(Msg::Exported(Err(text)));
            return;
        };
        let Snapshot { session, path } = snapshot;
        let stem = path.file_stem().map_or_else(
            || session.id.as_str().to_string(),
            |s| s.to_string_lossy().into_owned(),
        );
        let write = || -> Result<(), String> {
            store::create_private_dir(&dir).map_err(|e| {
                let w = lang.strings().export;
                fill(w.write_other, &[&dir.display(), &e])
            })?;
            for format in [Format::Markdown, Format::Html, Format::Csv] {
                let text = crate::export::export(session, format, lang, false, issued);
                let path = dir.join(format!("{stem}.{}", format.extension()));
                crate::export::write(&path, &text, lang)?;
            }
            Ok(())
        };
        let result = write().map(|()| dir.clone());
        self.send(Msg::Exported(result));
    }

    /// Writes the group's action tracker beside the minutes, from its sessions as they are
    /// on disk now.
    fn export_tracker(&mut self, group: &Id, today: chrono::NaiveDate) {
        let lang = self.lang();
        let Some(dir) = self.setup.exports.clone() else {
            let text = lang.strings().store.dir_no_home.to_string();
            self.send(Msg::Exported(Err(text)));
            return;
        };
        let sessions = self
            .store()
            .group_sessions(&self.store().list_group(group), group);
        let result = crate::export::write_tracker_files(&dir, sessions, lang, today);
        self.send(Msg::Exported(result));
    }
}
