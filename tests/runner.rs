//! The runner that performs the effects, for the app and the harness alike: its ordering
//! rules (see `runner`), through the runner itself on a real folder.

mod common;

use atelier::i18n::Lang;
use atelier::model::Session;
use atelier::runner::{Done, Runner, Setup};
use atelier::sample;
use atelier::store::{self, Store};
use atelier::update::{Effect, Msg, Snapshot};
use common::{SEED, t0};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

struct Bench {
    dir: tempfile::TempDir,
    runner: Runner,
    done: Arc<Mutex<Vec<Done>>>,
    fail: Arc<AtomicBool>,
}

fn bench() -> Bench {
    let dir = tempfile::tempdir().unwrap();
    let done: Arc<Mutex<Vec<Done>>> = Arc::default();
    let fail: Arc<AtomicBool> = Arc::default();
    let collected = Arc::clone(&done);
    let runner = Runner::new(
        Setup {
            store: Store::new(dir.path()),
            lang: Lang::Fr,
            exports: Some(dir.path().join("exports")),
            read_only: false,
            following: false,
            fail_saves: Arc::clone(&fail),
        },
        Arc::new(move |d| collected.lock().unwrap().push(d)),
    );
    Bench {
        dir,
        runner,
        done,
        fail,
    }
}

impl Bench {
    fn taken(&self) -> Vec<Done> {
        self.runner.settle();
        std::mem::take(&mut *self.done.lock().unwrap())
    }

    /// A session written in the folder and opened (locked, tracked) by the runner.
    fn opened(&mut self) -> (Session, std::path::PathBuf) {
        let session = sample::bakers_first_session(t0(), SEED);
        let path = self.dir.path().join("bakers.ron");
        store::save(&path, &session).unwrap();
        self.runner.perform(vec![Effect::Open(path.clone())]);
        let done = self.taken();
        assert!(
            matches!(done[..], [Done::Msg(Msg::Opened { .. })]),
            "{done:?}"
        );
        (store::load(&path).unwrap(), path)
    }
}

fn save(session: &Session, path: &std::path::Path) -> Effect {
    Effect::Save(Snapshot::of(session, path))
}

fn saved_ok(d: &Done) -> bool {
    matches!(d, Done::Msg(Msg::Saved(Ok(()))))
}

#[test]
fn saves_are_written_in_the_order_asked_and_each_writes_its_own_snapshot() {
    let mut b = bench();
    let (mut session, path) = b.opened();
    let mut effects = Vec::new();
    for n in 0..20 {
        session.place = format!("Salle {n}");
        effects.push(save(&session, &path));
    }
    // The caller moves on at once: what it changes now is not what the saves write.
    b.runner.perform(effects);
    session.place = "changed after the saves were asked".into();
    let done = b.taken();
    assert_eq!(done.len(), 20);
    assert!(done.iter().all(saved_ok), "{done:?}");
    assert_eq!(store::load(&path).unwrap().place, "Salle 19");
}

#[test]
fn a_failed_save_keeps_the_loop_going_and_says_why() {
    let mut b = bench();
    let (session, path) = b.opened();
    b.fail.store(true, Ordering::SeqCst);
    b.runner.perform(vec![save(&session, &path), Effect::Quit]);
    let done = b.taken();
    // No quit: what is on screen is only in memory.
    assert_eq!(done.len(), 1, "{done:?}");
    let Done::Msg(Msg::Saved(Err(why))) = &done[0] else {
        panic!("{done:?}")
    };
    assert!(why.contains("plein"), "{why}");
    // The disk has room again: the next save and quit go through.
    b.fail.store(false, Ordering::SeqCst);
    b.runner.perform(vec![save(&session, &path), Effect::Quit]);
    let done = b.taken();
    assert!(
        saved_ok(&done[0]) && matches!(done[1], Done::Quit),
        "{done:?}"
    );
}

#[test]
fn quit_asked_while_saves_are_in_flight_comes_after_the_last_is_written() {
    let mut b = bench();
    let (mut session, path) = b.opened();
    // A large session: its writes take a while.
    let model_card = sample::bakers_session(t0(), SEED).needs.cards[0].clone();
    for n in 0..2_000 {
        let mut card = model_card.clone();
        card.id = format!("extra{n}").as_str().into();
        card.text = format!("Carte {n} — le prix de la farine, encore et encore");
        session.needs.cards.push(card);
    }
    b.runner.perform(vec![save(&session, &path)]);
    b.runner
        .perform(vec![save(&session, &path), Effect::Release, Effect::Quit]);
    let done = b.taken();
    assert_eq!(done.len(), 3, "{done:?}");
    assert!(saved_ok(&done[0]) && saved_ok(&done[1]));
    assert!(matches!(done[2], Done::Quit));
    assert_eq!(
        store::load(&path).unwrap().needs.cards.len(),
        session.needs.cards.len()
    );
    // Released after the saves: the lock is gone.
    let lock = store::SessionLock::acquire(&path);
    assert!(lock.is_ok(), "the lock was let go");
}

#[test]
fn a_save_asked_before_the_conflict_copy_was_heard_of_goes_to_the_copy() {
    let mut b = bench();
    let (mut session, path) = b.opened();
    // Another atelier (a sync) changes the file while it is open here.
    let mut theirs = session.clone();
    theirs.place = "Leur salle".into();
    std::thread::sleep(std::time::Duration::from_millis(20));
    store::save(&path, &theirs).unwrap();
    session.place = "Notre salle".into();
    // Two saves asked at once, before the answer to the first: both go to the copy.
    b.runner.perform(vec![save(&session, &path)]);
    session.place = "Notre salle, suite".into();
    b.runner.perform(vec![save(&session, &path)]);
    let done = b.taken();
    let Done::Msg(Msg::SavedAsConflictCopy { copy, .. }) = &done[0] else {
        panic!("{done:?}")
    };
    assert!(saved_ok(&done[1]), "{done:?}");
    assert_eq!(
        store::load(&path).unwrap().place,
        "Leur salle",
        "theirs kept"
    );
    assert_eq!(store::load(copy).unwrap().place, "Notre salle, suite");
}

#[test]
fn the_listing_never_delays_a_save() {
    let mut b = bench();
    let (session, path) = b.opened();
    b.runner.perform(vec![
        Effect::Refresh,
        save(&session, &path),
        Effect::Refresh,
    ]);
    b.runner.settle_listing();
    let done = b.taken();
    let listed = done
        .iter()
        .filter(|d| matches!(d, Done::Msg(Msg::Listed(_))))
        .count();
    assert!(
        (1..=2).contains(&listed),
        "a listing asked while one runs runs once more"
    );
    assert_eq!(done.iter().filter(|d| saved_ok(d)).count(), 1);
}

/// The programme screen's figures over a folder of `n` copies of the opened session.
fn copies(b: &Bench, path: &std::path::Path, n: usize) {
    for i in 0..n {
        std::fs::copy(path, b.dir.path().join(format!("copy-{i:04}.ron"))).unwrap();
    }
}

fn counted_for(d: &Done) -> Option<atelier::report::Options> {
    match d {
        Done::Msg(Msg::ProgrammeCounted(Ok(c))) => Some(c.report.options.clone()),
        _ => None,
    }
}

#[test]
fn the_programmes_figures_never_delay_a_save() {
    let mut b = bench();
    let (session, path) = b.opened();
    // Reading 300 files takes far longer than writing one.
    copies(&b, &path, 300);
    let options = atelier::report::Options::default();
    b.runner.perform(vec![
        Effect::ReadProgramme(options.clone()),
        save(&session, &path),
    ]);
    b.runner.settle_listing();
    let done = b.taken();
    let saved = done.iter().position(saved_ok).expect("the save written");
    let counted = done
        .iter()
        .position(|d| counted_for(d).is_some())
        .expect("the figures counted");
    assert!(
        saved < counted,
        "the save asked after the figures was written before they were counted: {done:?}"
    );
}

#[test]
fn the_figures_answer_the_newest_question_and_a_pending_read_is_never_dropped() {
    let mut b = bench();
    let (_, path) = b.opened();
    copies(&b, &path, 100);
    let by = |by: atelier::report::By| atelier::report::Options {
        by: vec![by],
        ..atelier::report::Options::default()
    };
    let kept = Arc::new(atelier::report::Kept::default());
    b.runner.perform(vec![
        Effect::ReadProgramme(atelier::report::Options::default()),
        Effect::ReadProgramme(by(atelier::report::By::Trade)),
        Effect::CountProgramme {
            kept: Arc::clone(&kept),
            options: by(atelier::report::By::Region),
        },
        Effect::CountProgramme {
            kept,
            options: by(atelier::report::By::Advisor),
        },
    ]);
    b.runner.settle_listing();
    let done = b.taken();
    let answers: Vec<_> = done.iter().filter_map(counted_for).collect();
    // The first read may have started before the others were asked; what waited behind it
    // is one question: the newest choice, read from the folder (a read was waiting).
    assert!((1..=2).contains(&answers.len()), "{answers:?}");
    assert_eq!(answers.last(), Some(&by(atelier::report::By::Advisor)));
    let last = done
        .iter()
        .rev()
        .find_map(|d| match d {
            Done::Msg(Msg::ProgrammeCounted(Ok(c))) => Some(c),
            _ => None,
        })
        .unwrap();
    assert!(
        last.kept.is_some(),
        "the newest choice was counted from the folder read again"
    );
    assert_eq!(last.report.files, 101);
}

#[test]
fn a_read_only_folder_is_never_written_and_following_only_quits() {
    let dir = tempfile::tempdir().unwrap();
    let done: Arc<Mutex<Vec<Done>>> = Arc::default();
    let collected = Arc::clone(&done);
    let session = sample::bakers_first_session(t0(), SEED);
    let path = dir.path().join("s.ron");
    for (read_only, following) in [(true, false), (false, true)] {
        let collected = Arc::clone(&collected);
        let mut runner = Runner::new(
            Setup {
                store: Store::new(dir.path()),
                lang: Lang::Fr,
                exports: None,
                read_only,
                following,
                fail_saves: Arc::default(),
            },
            Arc::new(move |d| collected.lock().unwrap().push(d)),
        );
        runner.perform(vec![
            save(&session, &path),
            Effect::Create(Box::new(session.clone())),
        ]);
        runner.settle();
        assert!(!path.exists() && std::fs::read_dir(dir.path()).unwrap().count() == 0);
        if following {
            runner.perform(vec![Effect::Release]);
            runner.settle();
            assert!(matches!(done.lock().unwrap().last(), Some(Done::Quit)));
        }
    }
}
