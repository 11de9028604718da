//! `update(&mut Model, Msg) -> Vec<Effect>`: every behaviour of atelier, pure. Time arrives as
//! `Msg::Tick`, files arrive as messages the app loop sends after reading them, and anything
//! that touches the disk or the terminal leaves as an [`Effect`] for the loop to perform.

mod edit;
mod follow;
mod group;
mod home;
mod journal;
mod life;
mod needs;
mod open;
mod phases;
mod plan;
mod problem;
mod programme;
mod replay;
mod review;
mod saving;
mod scroll;
mod session;
mod setup;
mod solutions;
mod techniques;
mod timeline;
mod wake;

pub use wake::next_wake;

use crate::i18n::fill;
use crate::keymap::{self, Action, Resolved};
use crate::model::{Group, Id, Review, Session};
use crate::ui::{Flash, Home, HomePane, Model, Overlay, Pane, Screen, active_contexts};
use chrono::{DateTime, NaiveDate, Utc};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::PathBuf;

#[derive(Debug, Clone)]
pub enum Msg {
    /// The clock, sent before every key and a few times a second.
    Tick {
        now: DateTime<Utc>,
        today: NaiveDate,
    },
    Key(KeyEvent),
    /// Text pasted in the terminal (bracketed paste).
    Paste(String),
    /// The sessions folder as just read.
    Listed(Home),
    /// The sessions folder changed on disk (a file added, replaced or removed: a sync, another
    /// atelier, a copy): the home screen and the review browser list it again.
    FolderChanged,
    /// The folder is being listed again (it changed since the last listing): the home
    /// screen lets go of the review browser's rows meanwhile.
    Relisting,
    /// Files new to the folder's index (or to its summary cache) are being read: `done` of
    /// `total` so far.
    ListingProgress {
        done: usize,
        total: usize,
    },
    /// A session file opened (or created), locked unless `read_only`.
    Opened {
        session: Box<Session>,
        path: PathBuf,
        read_only: bool,
    },
    /// A file could not be opened or created: the sentence says why and what to do.
    Failed(String),
    /// Something about a file just opened that the advisor must know (a warning).
    Notice(String),
    /// The group's data, its open actions and its backlog, to set up its next session.
    NextReady {
        group: Box<Group>,
        number: u32,
        reviews: Vec<Review>,
        backlog: Vec<crate::model::BacklogItem>,
        /// The next meeting as the group's latest session planned it.
        next: crate::model::NextMeeting,
        /// Each member's attendance at the group's sessions, for the attendance rule (see
        /// [`crate::model::Start::attendance`]).
        attendance: crate::ui::PastAttendance,
    },
    /// The outcome of `Effect::Save`.
    Saved(Result<(), String>),
    /// `Effect::Save` found the session's file changed on disk since it was read or last
    /// written here, and saved the session as a conflict copy, which it now edits.
    SavedAsConflictCopy {
        copy: PathBuf,
        conflict: crate::model::Conflict,
    },
    /// The outcome of `Effect::Export`: the folder written to, or why it failed.
    Exported(Result<PathBuf, String>),
    /// The terminal changed size (and once at the start).
    Resized {
        width: u16,
        height: u16,
    },
    /// A session read for the review browser's read-only view (`Effect::LoadForView`).
    Viewed {
        session: Box<Session>,
        path: PathBuf,
    },
    /// A group's sessions read for its timeline (`Effect::LoadTimeline`), and how many of
    /// its files could not be read.
    TimelineLoaded {
        sessions: Vec<Session>,
        skipped: usize,
    },
    /// A group's sessions and records read for its page (`Effect::LoadGroup`), and how many
    /// of its files could not be read.
    GroupLoaded {
        sessions: Vec<Session>,
        records: Vec<crate::model::dated::Record>,
        skipped: usize,
        /// A record's form left half typed for this group.
        draft: Option<Box<crate::ui::RecordDraft>>,
    },
    /// The programme's figures counted (`Effect::ReadProgramme`, `Effect::CountProgramme`),
    /// with the folder's facts when they were read for them; or why the folder could not
    /// be read.
    ProgrammeCounted(Result<Counted, String>),
    /// The review browser's rows filtered and sorted off the UI thread
    /// (`Effect::FilterRows`): the rows shown, for that filter and sort.
    RowsFiltered {
        asked: Box<crate::ui::Filtering>,
        shown: Vec<usize>,
    },
    /// A record written (`Effect::SaveRecord`), or why not: the sentence says what to do.
    RecordSaved(Result<Option<String>, String>),
    /// A group setup was left half typed last time: take it up again.
    SetupDraftFound(Box<crate::ui::SetupDraft>),
    /// `atelier replay FILE|ID`: the session read, to replay from its history; with the
    /// pseudonyms of the exports from the start (`--anonymize`).
    Replay {
        session: Box<Session>,
        path: PathBuf,
        pseudonyms: bool,
    },
    /// `atelier follow`: the followed file as just read again after another atelier saved it.
    Followed {
        session: Box<Session>,
        path: PathBuf,
    },
    /// `atelier follow`: the followed file is missing or unreadable for now (the reason).
    FollowWaiting(String),
    /// A signal ends atelier (the terminal closed, `kill`): write what is pending now, the
    /// session and its drafts, or the setup being typed; the loop then ends.
    Interrupted,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Write this session to its file, atomically; answer with `Msg::Saved`.
    Save(Box<Snapshot>),
    /// Read the sessions folder and answer with `Msg::Listed` (not when it is as the last
    /// listing found it, which the screen holds).
    Refresh,
    /// Read the sessions folder and answer with `Msg::Listed`, even unchanged: the screen
    /// let go of the last listing's rows (`ui::Home::let_go`).
    Relist,
    /// Lock and load a session file; answer with `Msg::Opened` or `Msg::Failed`.
    Open(PathBuf),
    /// Load a session file to look at it, without locking it; answer with `Msg::Viewed`
    /// or `Msg::Failed`.
    LoadForView(PathBuf),
    /// Read every session of a group; answer with `Msg::TimelineLoaded`.
    LoadTimeline(Id),
    /// Read every session and record of a group, and the draft of a record being typed for
    /// it; answer with `Msg::GroupLoaded`.
    LoadGroup(Id),
    /// Write a visit, activity or diagnosis, new or changed (over its file if that is as
    /// the page read it, else beside it as a conflict copy); answer with `Msg::RecordSaved`.
    SaveRecord(Box<crate::model::dated::Record>),
    /// Keep what is typed in a record's form (the draft file), or forget it.
    SaveRecordDraft(Box<crate::ui::RecordDraft>),
    ClearRecordDraft,
    /// Read the folder's facts for the programme screen (through the report cache) and
    /// count them with these options; answer with `Msg::ProgrammeCounted`.
    ReadProgramme(crate::report::Options),
    /// Filter and sort the review browser's many rows; answer with `Msg::RowsFiltered`.
    /// Only the newest is worth answering.
    FilterRows(Box<crate::ui::Filtering>),
    /// Count the facts already read with other options (another period or grouping);
    /// answer with `Msg::ProgrammeCounted`.
    CountProgramme {
        kept: std::sync::Arc<crate::report::Kept>,
        options: crate::report::Options,
    },
    /// Gather a group's latest data and open actions; answer with `Msg::NextReady`.
    PrepareNext(Id),
    /// Give the new session a file, lock it and save it; answer with `Msg::Opened`.
    Create(Box<Session>),
    /// The session left the screen: release its lock.
    Release,
    /// Keep what was typed in group setup, before its session file exists.
    SaveSetupDraft(Box<crate::ui::SetupDraft>),
    /// The setup became a session or was given up: its draft goes.
    ClearSetupDraft,
    /// Write this session's minutes (md, html) and actions (csv) for others, dated
    /// `issued`, in the `exports/` folder of the sessions folder; answer with
    /// `Msg::Exported`.
    Export {
        snapshot: Box<Snapshot>,
        issued: chrono::NaiveDate,
    },
    /// Write this group's action tracker (md, html, csv) for others, overdue counted
    /// against `today`, beside the minutes; answer with `Msg::Exported`.
    ExportTracker {
        group: Id,
        today: chrono::NaiveDate,
    },
    /// Leave atelier (the loop saves first if a save is pending and stops if it fails).
    Quit,
}

/// The programme's figures as the runner counted them.
#[derive(Debug, Clone)]
pub struct Counted {
    pub report: Box<crate::report::Report>,
    /// The folder's facts, when they were read for these figures.
    pub kept: Option<std::sync::Arc<crate::report::Kept>>,
}

/// A session as it was when an effect was asked, and its file: what a save writes, whatever
/// the screen does while the disk works.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    pub session: Session,
    pub path: PathBuf,
}

impl Snapshot {
    /// The session as it will be written: in this atelier's format, whatever format it was
    /// read in (a format 1 file becomes format 2 at its first save, never before).
    pub fn of(session: &Session, path: &std::path::Path) -> Box<Snapshot> {
        let mut session = session.clone();
        session.version = crate::model::SCHEMA_VERSION;
        session.kind = crate::model::dated::Kind::Session;
        Box::new(Snapshot {
            session,
            path: path.to_path_buf(),
        })
    }
}

pub fn update(model: &mut Model, msg: Msg) -> Vec<Effect> {
    // The clock changes nothing a list shows.
    let tick = matches!(msg, Msg::Tick { .. });
    let mut effects = handle(model, msg);
    if !tick {
        effects.extend(review::keep_shown(model));
        group::follow_member(model);
        scroll::keep_in_sight(model);
    }
    effects
}

fn handle(model: &mut Model, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Tick { now, today } => {
            model.now = now;
            model.today = today;
            let mut effects = saving::autosave(model);
            effects.extend(setup::autosave(model));
            effects.extend(group::autosave(model));
            replay::tick(model);
            effects
        }
        Msg::Key(key) => {
            model.flash = None;
            // A control character sent as a key is not text: dropped at the door.
            if let KeyCode::Char(c) = key.code
                && edit::clean(c.encode_utf8(&mut [0; 4])).is_empty()
            {
                return Vec::new();
            }
            let effects = key_pressed(model, key);
            // Focus gone from the votes (another pane, phase or screen): sorted again.
            if let Some(ui) = model.session_mut()
                && ui.pane() != Pane::Votes
            {
                ui.resort_votes();
            }
            effects
        }
        Msg::Paste(text) => {
            let text = edit::clean(&text);
            if edit::picker_refuses_paste(model) || review::paste(model, &text) {
                return Vec::new();
            }
            edit::paste(model, &text)
        }
        Msg::Listed(home) => {
            home::listed(model, home);
            Vec::new()
        }
        Msg::FolderChanged => match model.screen {
            Screen::Home | Screen::Review(_) => vec![Effect::Refresh],
            Screen::Programme(_) => programme::folder_changed(model),
            // The other screens list nothing; going home lists the folder again.
            _ => Vec::new(),
        },
        Msg::ListingProgress { done, total } => {
            home::listing_progress(model, done, total);
            Vec::new()
        }
        Msg::Relisting => {
            home::relisting(model);
            Vec::new()
        }
        Msg::Opened {
            session,
            path,
            read_only,
        } => session::opened(model, *session, path, read_only),
        Msg::Failed(text) | Msg::Notice(text) => {
            model.flash = Some(Flash { text, error: true });
            Vec::new()
        }
        Msg::NextReady {
            group,
            number,
            reviews,
            backlog,
            next,
            attendance,
        } => setup::next_ready(model, *group, number, (reviews, backlog, attendance), next),
        Msg::Saved(result) => saving::saved(model, result),
        Msg::SavedAsConflictCopy { copy, conflict } => {
            saving::saved_as_conflict_copy(model, copy, conflict)
        }
        Msg::Exported(result) => {
            let (text, error) = match result {
                Ok(dir) => {
                    let s = model.strings();
                    // The demo's copy goes at quit; its exports are elsewhere and stay.
                    let text = if model.demo {
                        s.demo.exported
                    } else if model.folder_read_only {
                        s.demo.read_only_exported
                    } else {
                        s.export.written
                    };
                    (fill(text, &[&dir.display()]), false)
                }
                Err(text) => (text, true),
            };
            model.flash = Some(Flash { text, error });
            Vec::new()
        }
        Msg::SetupDraftFound(draft) => setup::resume_draft(model, *draft),
        Msg::Viewed { session, path } => review::viewed(model, *session, path),
        Msg::Replay {
            session,
            path,
            pseudonyms,
        } => replay::started(model, *session, path, pseudonyms),
        Msg::TimelineLoaded { sessions, skipped } => timeline::loaded(model, sessions, skipped),
        Msg::GroupLoaded {
            sessions,
            records,
            skipped,
            draft,
        } => {
            let effects = group::loaded(model, sessions, records, skipped, draft);
            // Opened from the review browser on a visit or an activity: on that record.
            review::opened(model);
            effects
        }
        Msg::RecordSaved(result) => group::record_saved(model, result),
        Msg::ProgrammeCounted(result) => programme::counted(model, result),
        Msg::RowsFiltered { asked, shown } => {
            review::filtered(model, *asked, shown);
            Vec::new()
        }
        Msg::Resized { width, height } => {
            model.size = (width, height);
            Vec::new()
        }
        Msg::Followed { session, path } => {
            follow::followed(model, *session, path);
            Vec::new()
        }
        Msg::FollowWaiting(reason) => {
            follow::waiting(model, reason);
            Vec::new()
        }
        Msg::Interrupted => {
            let mut effects = saving::flush(model);
            effects.extend(setup::autosave(model));
            effects
        }
    }
}

fn key_pressed(model: &mut Model, key: KeyEvent) -> Vec<Effect> {
    let contexts = active_contexts(model);
    let resolved = keymap::resolve(&contexts, &key);
    if let Some(overlay) = model.overlay.clone() {
        return match overlay {
            Overlay::Help { scroll } => help_key(model, resolved, scroll),
            Overlay::Confirm(c) => edit::confirm_key(model, resolved, c),
            Overlay::Picker(p) => edit::picker_key(model, resolved, p),
        };
    }
    match resolved {
        Some(r) => action(model, r, key),
        None if key.modifiers == KeyModifiers::ALT && is_typing(&contexts) => {
            // Terminals send Esc as a bare escape byte: Esc then a key pressed quickly
            // arrives as Alt+key. Unbound, it can only have been meant as those two keys.
            let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
            let mut effects = key_pressed(model, esc);
            effects.extend(key_pressed(
                model,
                KeyEvent::new(key.code, KeyModifiers::NONE),
            ));
            effects
        }
        None if matches!(model.screen, Screen::Review(_)) => review::typed(model, key),
        None => edit::typed(model, key),
    }
}

fn is_typing(contexts: &[keymap::Ctx]) -> bool {
    contexts
        .iter()
        .any(|c| matches!(c, keymap::Ctx::Editor | keymap::Ctx::FormField))
}

fn help_key(model: &mut Model, r: Option<Resolved>, scroll: u16) -> Vec<Effect> {
    match r.map(|r| r.action) {
        Some(Action::Up) => {
            model.overlay = Some(Overlay::Help {
                scroll: scroll.saturating_sub(1),
            })
        }
        Some(Action::Down) => model.overlay = Some(Overlay::Help { scroll: scroll + 1 }),
        Some(Action::ForceQuit) => return quit(model),
        Some(Action::Back) | Some(Action::Help) => model.overlay = None,
        _ => {}
    }
    Vec::new()
}

fn action(model: &mut Model, r: Resolved, key: KeyEvent) -> Vec<Effect> {
    match r.action {
        Action::Help => {
            model.overlay = Some(Overlay::Help { scroll: 0 });
            Vec::new()
        }
        Action::Quit | Action::ForceQuit => quit(model),
        Action::ClearField | Action::DeleteWord | Action::Undo | Action::Redo => {
            edit::text_action(model, r.action)
        }
        _ => match model.screen {
            Screen::Home => home::action(model, r),
            Screen::Setup(_) => setup::action(model, r, key),
            Screen::Session(_) => session::action(model, r),
            Screen::Review(_) => review::action(model, r),
            Screen::Replay(_) => replay::action(model, r),
            Screen::Timeline(_) => timeline::action(model, r),
            Screen::Group(_) => group::action(model, r),
            Screen::Programme(_) => programme::action(model, r),
        },
    }
}

/// `effect` on a group, or the sentence that says to pick one first (the timeline's and the
/// group page's).
fn load_or_say(model: &mut Model, group: Option<Id>, effect: fn(Id) -> Effect) -> Vec<Effect> {
    match group {
        Some(id) => vec![effect(id)],
        None => {
            model.flash = Some(Flash {
                text: model.strings().home_pick_group_first.to_string(),
                error: true,
            });
            Vec::new()
        }
    }
}

/// The group selected on the home screen, or the group of the selected session.
fn home_group(model: &Model) -> Option<Id> {
    let home = &model.home;
    match home.pane {
        HomePane::Groups => home.groups.get(home.group_sel).map(|g| g.id.clone()),
        HomePane::Recent => home.recent.get(home.recent_sel).map(|e| e.group_id.clone()),
        HomePane::Unreadable => None,
    }
}

/// Back to the home screen, with the folder read again.
pub fn go_home(model: &mut Model) -> Vec<Effect> {
    model.screen = Screen::Home;
    model.overlay = None;
    if std::mem::take(&mut model.home.rows_let_go) {
        return vec![Effect::Relist];
    }
    vec![Effect::Refresh]
}

/// Quits at once when everything is saved; with a save pending, saves first (the loop stops
/// if that save fails); after a failed save, asks.
pub(crate) fn quit(model: &mut Model) -> Vec<Effect> {
    if let Screen::Setup(setup) = &model.screen
        && setup.changed
        && !matches!(model.overlay, Some(Overlay::Confirm(_)))
    {
        model.overlay = Some(Overlay::Confirm(crate::ui::Confirm::DiscardSetup));
        model.quitting = true;
        return Vec::new();
    }
    if let Some(s) = model.session_mut() {
        if s.save.error.is_some() {
            model.overlay = Some(Overlay::Confirm(crate::ui::Confirm::QuitUnsaved));
            return Vec::new();
        }
        let mut effects = saving::flush(model);
        effects.push(Effect::Quit);
        return effects;
    }
    vec![Effect::Quit]
}
