//! Torture (issue 11): `kill -9` at a random moment of a scripted session in a real
//! terminal, again and again. Each round opens the session (check-in, need emergence or
//! solution search, drawn at random), types guests, cards or ideas at a steady pace and
//! validates them, sometimes leaves one half typed, and is killed at a drawn moment; then
//! the file must read (`store::load`), every item validated more than a second before the
//! kill must be in it, and a draft typed more than a second before must be in it and back
//! in its field when atelier starts again.
//!
//! Ignored by `cargo test` (it takes minutes): `.ci/run` runs it on its own,
//! `cargo test --test torture_kill -- --ignored`. `ATELIER_KILLS` (20 by default) says how
//! many kills, `ATELIER_SEED` (11 by default) the seed of every draw; the seed is printed
//! with any failure, and the figures (kills, unreadable files, items lost) at the end
//! (`-- --ignored --nocapture` to see them when it passes).

#[path = "common/tmux.rs"]
mod tmux;

use atelier::i18n::{Lang, Strings};
use atelier::method::PhaseKind;
use atelier::model::Session;
use atelier::store;
use atelier::ui::Pane;
use std::process::Command;
use std::time::{Duration, Instant};
use tmux::Term;

/// What is validated more than this before a kill must have reached the file.
const SAFE: Duration = Duration::from_secs(1);

/// splitmix64: the same seed draws the same rounds.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..hi`.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo)
    }

    fn millis(&mut self, lo: u64, hi: u64) -> Duration {
        Duration::from_millis(self.range(lo, hi))
    }
}

fn env_number(name: &str, default: u64) -> u64 {
    match std::env::var(name) {
        Ok(v) => v
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("{name}={v:?} is not a whole number")),
        Err(_) => default,
    }
}

/// The three panes a round types into, with their phase.
const PANES: [(PhaseKind, Pane); 3] = [
    (PhaseKind::CheckIn, Pane::Guests),
    (PhaseKind::NeedEmergence, Pane::Cards),
    (PhaseKind::SolutionSearch, Pane::Ideas),
];

/// The texts of a pane's items in a session.
fn items(session: &Session, pane: Pane) -> Vec<String> {
    match pane {
        Pane::Guests => session
            .checkin
            .guests
            .iter()
            .map(|g| g.text.clone())
            .collect(),
        Pane::Cards => session.needs.cards.iter().map(|c| c.text.clone()).collect(),
        Pane::Ideas => session
            .solutions
            .ideas
            .iter()
            .map(|i| i.text.clone())
            .collect(),
        _ => unreachable!("the torture types into guests, cards and ideas only"),
    }
}

fn pane_title(s: &Strings, pane: Pane) -> &'static str {
    match pane {
        Pane::Guests => s.pane_guests,
        Pane::Cards => s.pane_cards,
        Pane::Ideas => s.pane_ideas,
        _ => unreachable!(),
    }
}

/// The figures of a run.
#[derive(Default, Debug)]
struct Figures {
    kills: u64,
    unreadable: u64,
    validated: u64,
    /// Validated more than `SAFE` before the kill, and not in the file.
    lost: u64,
    /// Validated less than `SAFE` before the kill, and not in the file (allowed).
    late: u64,
    drafts: u64,
    drafts_lost: u64,
    failures: Vec<String>,
}

/// A draft typed in a round, to be found again after the kill.
struct Draft {
    pane: Pane,
    text: String,
    checked: bool,
}

#[test]
#[ignore = "minutes long: run by .ci/run as its own step"]
fn random_kills_lose_nothing_validated() {
    if !tmux::available() {
        return;
    }
    let seed = env_number("ATELIER_SEED", 11);
    let kills = env_number("ATELIER_KILLS", 20);
    eprintln!("torture_kill: ATELIER_SEED={seed} ATELIER_KILLS={kills}");
    let mut rng = Rng(seed);
    let s = Lang::Fr.strings();
    let mut t = Term::new(100, 30);
    let dir = t.path("sessions");
    std::fs::create_dir(&dir).unwrap();
    let session = atelier::sample::bakers_first_session(chrono::Utc::now(), seed);
    let group = session.group.name.clone();
    let file = store::Store::new(&dir).path_for_new(&session);
    store::save(&file, &session).unwrap();

    let mut f = Figures::default();
    let mut pending: Option<Draft> = None;
    let started = Instant::now();
    for round in 0..kills {
        let fail = |f: &mut Figures, what: String| {
            f.failures
                .push(format!("round {round} (ATELIER_SEED={seed}): {what}"));
        };
        // The phase: the pending draft's, to see it back; otherwise drawn.
        let pane = match &pending {
            Some(d) => d.pane,
            None => PANES[rng.range(0, 3) as usize].1,
        };
        let phase = PANES.iter().find(|(_, p)| *p == pane).unwrap().0;
        let mut session = store::load(&file).unwrap();
        session.current_phase = session.method.index_of(phase).unwrap();
        store::save(&file, &session).unwrap();

        t.start(
            &["--dir", dir.to_str().unwrap()],
            &[("RUST_BACKTRACE", "1")],
        );
        t.wait_for(&group);
        t.keys(&["Enter"]);
        t.wait_for(pane_title(s, pane));
        let editor = pane.new_item_title(s);
        // A draft left in this pane comes back in its open field.
        if let Some(d) = pending.take() {
            let screen = t.wait_for(editor);
            if d.checked && !screen.contains(&d.text) {
                fail(
                    &mut f,
                    format!("the draft {:?} is not back:\n{screen}", d.text),
                );
            }
            t.keys(&["Enter"]); // validated, as it reads
        } else {
            std::thread::sleep(Duration::from_millis(200));
            if !t.screen().contains(editor) {
                if pane == Pane::Guests {
                    t.keys(&["Tab"]);
                }
                t.keys(&["a"]);
            }
        }
        t.wait_for(editor);
        let pid = t.pid();

        // Type until the kill: items at a steady pace, maybe a draft at the end.
        let open = Instant::now();
        let kill_at = open + rng.millis(300, 3500);
        let draft_at = (rng.range(0, 3) == 0).then(|| open + rng.millis(0, 3000));
        let mut typed: Vec<(String, Instant)> = Vec::new();
        let mut draft: Option<(String, Instant)> = None;
        let mut n = 0;
        while Instant::now() < kill_at {
            if draft.is_none() && draft_at.is_some_and(|d| Instant::now() >= d) {
                let text = format!("brouillon {round}🥐 à finir");
                t.text(&text);
                draft = Some((text, Instant::now()));
            } else if draft.is_none() {
                n += 1;
                let text = format!("k{round}n{n} : vendre au souk");
                t.text(&text);
                std::thread::sleep(rng.millis(20, 200));
                t.keys(&["Enter"]);
                typed.push((text, Instant::now()));
            }
            let left = kill_at.saturating_duration_since(Instant::now());
            std::thread::sleep(left.min(rng.millis(50, 300)));
        }
        let killed_at = Instant::now();
        let killed = Command::new("kill")
            .args(["-9", &pid.to_string()])
            .status()
            .unwrap();
        assert!(killed.success(), "kill -9 {pid} (ATELIER_SEED={seed})");
        assert_eq!(t.wait_exit(), 128 + 9, "killed (ATELIER_SEED={seed})");
        f.kills += 1;
        f.validated += typed.len() as u64;

        let files = store::session_files(&dir).unwrap();
        if files != [file.clone()] {
            fail(&mut f, format!("the sessions folder holds {files:?}"));
        }
        let saved = match store::load(&file) {
            Ok(saved) => saved,
            Err(e) => {
                f.unreadable += 1;
                fail(&mut f, format!("the file does not read: {e:?}"));
                break; // nothing more can be typed into it
            }
        };
        let there = items(&saved, pane);
        for (text, at) in &typed {
            if !there.iter().any(|i| i.contains(text.as_str())) {
                if killed_at.duration_since(*at) > SAFE {
                    f.lost += 1;
                    fail(
                        &mut f,
                        format!(
                            "{text:?} validated {:?} before the kill is lost",
                            killed_at.duration_since(*at)
                        ),
                    );
                } else {
                    f.late += 1;
                }
            }
        }
        if let Some((text, at)) = draft {
            let old = killed_at.duration_since(at) > SAFE;
            let kept = saved.drafts.values().any(|d| d.contains(&text));
            if old {
                f.drafts += 1;
                if !kept {
                    f.drafts_lost += 1;
                    fail(
                        &mut f,
                        format!(
                            "the draft {text:?} typed {:?} before the kill is not in the file: {:?}",
                            killed_at.duration_since(at),
                            saved.drafts
                        ),
                    );
                }
            }
            if kept {
                pending = Some(Draft {
                    pane,
                    text,
                    checked: old,
                });
            }
        }
    }
    let figures = format!(
        "torture_kill (ATELIER_SEED={seed}): {} kills in {:?}, {} unreadable files, {} items validated, {} validated more than {SAFE:?} before a kill lost ({} validated less than {SAFE:?} before lost), {} drafts typed more than {SAFE:?} before a kill, {} lost",
        f.kills,
        started.elapsed(),
        f.unreadable,
        f.validated,
        f.lost,
        f.late,
        f.drafts,
        f.drafts_lost
    );
    eprintln!("{figures}");
    assert!(
        f.failures.is_empty(),
        "{figures}\n{}",
        f.failures.join("\n")
    );
}
