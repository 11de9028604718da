//! Hostile session files: every index, count and id read from a file is checked before it is
//! used. A file that `check` accepts (its history may be flagged, it still opens) never makes
//! `show`, the exports, the report, the session screen, the presenter view or replay panic,
//! hang or allocate without bound. Each case runs in a child process (this test binary again,
//! running `child_case`) limited to 512 MiB of address space and 5 s of CPU (a spinning loop
//! is killed there; the wall clock, which a busy machine stretches, only stops a child that
//! waits for nothing after a minute).

mod common;

use atelier::model::{Change, Event, Session};
use atelier::store;
use common::Harness;
use common::binary::Env;
use ratatui::crossterm::event::KeyCode;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const CASE: &str = "ATELIER_HOSTILE_CASE";
const MEMORY: &str = "--as=536870912";
const CPU: &str = "--cpu=5";
const WALL: Duration = Duration::from_secs(60);

/// The shipped sessions, the files every mutation starts from.
fn shipped() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .filter(|p| store::kind_of(p) == Some(atelier::model::dated::Kind::Session))
        .collect();
    files.sort();
    files
}

/// Everything a reader of the file can do with it, as the program does it.
fn exercise(path: &Path) {
    let bytes = std::fs::read(path).unwrap();
    let Ok(session) = store::parse(&bytes) else {
        return; // refused with its line:column, opened by nothing
    };
    for lang in [atelier::i18n::Lang::Fr, atelier::i18n::Lang::En] {
        for private in [false, true] {
            let lines = atelier::show::show(&session, lang, private);
            let _ = atelier::show::to_text(&lines, lang);
        }
        for format in [
            atelier::export::Format::Markdown,
            atelier::export::Format::Html,
            atelier::export::Format::Csv,
        ] {
            for anonymized in [false, true] {
                let _ = atelier::export::export(&session, format, lang, anonymized, session.date);
            }
        }
    }
    let facts = atelier::report::Facts::of(&session);
    let report = atelier::report::aggregate(vec![facts], 1, 0, Default::default());
    let method = atelier::method::Method::builtin();
    let _ = atelier::report::to_markdown(&report, &method, atelier::i18n::Lang::Fr);
    let _ = atelier::report::to_csv(&report, &method, atelier::i18n::Lang::Fr);

    // The session screen, every phase, and its presenter view.
    let mut h = Harness::with_session(session.clone(), true);
    for _ in 0..session.method.phases.len() + 1 {
        let _ = common::screen::draw(&h.model, 80, 24);
        h.code(KeyCode::F(5));
        let _ = common::screen::draw(&h.model, 80, 24);
        h.code(KeyCode::F(5));
        h.keys("]");
    }

    // Replay: every step taken, forwards and back, and drawn often (drawing each of a few
    // hundred steps takes seconds in a debug build).
    let mut replay = atelier::replay::Replay::new(&session);
    let mut steps = 0;
    while replay.step_forward() {
        steps += 1;
        assert!(
            steps <= session.history.len(),
            "replay went past its history"
        );
    }
    while replay.step_back() {}
    let mut h = Harness::new();
    h.send(atelier::update::Msg::Replay {
        session: Box::new(session.clone()),
        path: common::fake_path(&session.id),
        pseudonyms: false,
    });
    for step in 0..=session.history.len() {
        if step < 8 || step % 8 == 0 || step + 8 > session.history.len() {
            let _ = common::screen::draw(&h.model, 80, 24);
        }
        h.code(KeyCode::Right);
    }
    h.keys("]]]]]]]]");
    let _ = common::screen::draw(&h.model, 80, 24);
}

#[test]
#[ignore = "the child process of the other tests here, run with limits"]
fn child_case() {
    if let Some(path) = std::env::var_os(CASE) {
        exercise(Path::new(&path));
    }
}

/// Runs `exercise` on `file` in a child with 512 MiB of address space and 5 s of CPU; `Err`
/// says what went wrong (a panic, a crash, too much memory, too long).
fn run_case(file: &Path) -> Result<(), String> {
    let me = std::env::current_exe().unwrap();
    let mut child = Command::new("prlimit")
        .args([MEMORY, CPU, "--"])
        .arg(me)
        .args(["--ignored", "--exact", "child_case", "--test-threads=1"])
        .env(CASE, file)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("prlimit (util-linux) runs the child with its memory limit");
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            if status.success() {
                return Ok(());
            }
            let mut err = String::new();
            use std::io::Read;
            // The harness prints a test's panic on its standard output.
            let _ = child.stdout.take().unwrap().read_to_string(&mut err);
            let tail: String = err.lines().rev().take(12).collect::<Vec<_>>().join("\n");
            return Err(format!("{status}: {tail}"));
        }
        if start.elapsed() > WALL {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("still running after {WALL:?}"));
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// A shipped session with `change` put first in its history, saved in `env`'s folder.
fn with_event(env: &Env, change: Change) -> (PathBuf, Session) {
    let mut s = store::load(&shipped()[0]).unwrap();
    let at = s.history.first().map(|e| e.at).unwrap_or(s.saved);
    s.history.insert(0, Event { at, change });
    let path = env.save(&s);
    (path, s)
}

#[test]
fn a_timer_event_for_phase_2_pow_64_neither_hangs_nor_eats_memory_and_check_names_it() {
    let env = Env::new();
    let (path, _) = with_event(
        &env,
        Change::TimerPaused {
            phase: usize::MAX,
            elapsed_secs: 60,
        },
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("18446744073709551615"), "the crafted file");
    run_case(&path).unwrap();

    let out = env
        .cmd()
        .args(["--lang", "en", "check"])
        .arg(&path)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    let (line, col) = store::history_places(&text)[0];
    let expected = format!(
        "{}:{line}:{col}: warning: event 1 of the history does not apply to this session (phase 18446744073709551616 does not exist, the method has 7): the session opens, but cannot be replayed",
        path.display()
    );
    assert!(stdout.contains(&expected), "{stdout}\nwanted: {expected}");
    assert!(
        text.lines().nth(line - 1).unwrap()[col - 1..].starts_with('('),
        "the place is where the event starts"
    );
}

#[test]
fn numbers_out_of_range_are_named_by_check_and_never_drawn_as_they_are() {
    let env = Env::new();
    let s = store::load(&shipped()[0]).unwrap();
    let theme = s.needs.themes[0].id.clone();
    let member = s.group.members[0].id.clone();
    for change in [
        Change::DotsSet {
            theme: theme.clone(),
            member: member.clone(),
            dots: u32::MAX,
        },
        Change::TallySet {
            theme: theme.clone(),
            count: u32::MAX,
        },
        Change::DotBudgetSet { budget: u32::MAX },
        Change::UsefulnessSet {
            member: member.clone(),
            score: Some(255),
        },
    ] {
        let (path, _) = with_event(&env, change.clone());
        run_case(&path).unwrap_or_else(|e| panic!("{change:?}: {e}"));
        let out = env.cmd().arg("check").arg(&path).output().unwrap();
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert!(
            stdout.contains("ne s'applique pas à cette séance"),
            "{change:?}: {stdout}"
        );
        std::fs::remove_file(&path).unwrap();
    }

    // The same numbers in the saved data itself (a hand edit), not in an event.
    let mut s = store::load(&shipped()[0]).unwrap();
    s.needs
        .dots
        .entry(theme.clone())
        .or_default()
        .insert(member.clone(), u32::MAX);
    s.needs.dot_budget = u32::MAX;
    s.needs.tally.insert(theme, u32::MAX);
    let path = env.save(&s);
    run_case(&path).unwrap();
    let loaded = store::load(&path).unwrap();
    assert!(loaded.needs.dot_budget <= atelier::model::MAX_DOT_BUDGET);
    assert!(
        loaded
            .needs
            .dots
            .values()
            .flat_map(|m| m.values())
            .all(|d| *d <= 99)
    );
    let out = env.cmd().arg("check").arg(&path).output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        stdout.matches("hors de l'intervalle").count(),
        3,
        "{stdout}"
    );
}

/// A tiny reproducible generator (the seed is printed on failure).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// The shipped files with one number replaced by an extreme: every number of a file is an
/// index, a count, a score, a time or a date part somewhere.
fn number_mutants(rng: &mut Rng, count: usize) -> Vec<String> {
    const EXTREMES: [&str; 7] = [
        "0",
        "1",
        "255",
        "65535",
        "4294967295",
        "18446744073709551615",
        "99999999999999999999999",
    ];
    let files: Vec<String> = shipped()
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    (0..count)
        .map(|_| {
            let text = &files[rng.below(files.len())];
            let numbers: Vec<(usize, usize)> = number_spans(text);
            let (start, end) = numbers[rng.below(numbers.len())];
            let value = EXTREMES[rng.below(EXTREMES.len())];
            format!("{}{value}{}", &text[..start], &text[end..])
        })
        .collect()
}

/// The byte spans of the bare numbers of a RON text (outside strings).
fn number_spans(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut in_string = false;
    while i < bytes.len() {
        let b = bytes[i];
        if in_string {
            match b {
                b'\\' => i += 1,
                b'"' => in_string = false,
                _ => {}
            }
        } else if b == b'"' {
            in_string = true;
        } else if b.is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric()) {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            out.push((start, i));
            continue;
        }
        i += 1;
    }
    out
}

#[test]
fn numbers_of_the_shipped_sessions_set_to_extremes_break_nothing() {
    let seed = std::env::var("ATELIER_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_a7e1_1e12_u64);
    let count = std::env::var("ATELIER_MUTANTS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(8);
    let mut rng = Rng(seed);
    let dir = tempfile::tempdir().unwrap();
    let mut failures = Vec::new();
    for (k, text) in number_mutants(&mut rng, count).into_iter().enumerate() {
        let path = dir.path().join(format!("mutant-{k}.ron"));
        std::fs::write(&path, &text).unwrap();
        if let Err(e) = run_case(&path) {
            let kept = std::env::temp_dir().join(format!("atelier-mutant-{seed}-{k}.ron"));
            let _ = std::fs::copy(&path, &kept);
            failures.push(format!("mutant {k} (kept as {}): {e}", kept.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "seed {seed} (ATELIER_SEED={seed} to run it again):\n{}",
        failures.join("\n")
    );
}

/// One damaged copy of a shipped file: a number set to an extreme, a byte changed, a span
/// deleted or repeated, brackets swapped, the text cut.
fn mutant(rng: &mut Rng, files: &[String]) -> Vec<u8> {
    let text = files[rng.below(files.len())].as_bytes();
    let mut bytes = text.to_vec();
    let at = rng.below(bytes.len());
    match rng.below(6) {
        0 => {
            let numbers = number_spans(std::str::from_utf8(text).unwrap());
            let (start, end) = numbers[rng.below(numbers.len())];
            let value = [
                "0",
                "4294967295",
                "18446744073709551615",
                "99999999999999999999",
            ][rng.below(4)];
            bytes.splice(start..end, value.bytes());
        }
        1 => bytes[at] = (rng.next() & 0xff) as u8,
        2 => {
            let end = (at + 1 + rng.below(64)).min(bytes.len());
            bytes.drain(at..end);
        }
        3 => {
            let end = (at + 1 + rng.below(64)).min(bytes.len());
            let span = bytes[at..end].to_vec();
            bytes.splice(at..at, span);
        }
        4 => {
            let swap = |b: u8| match b {
                b'(' => b'[',
                b'[' => b'{',
                b'{' => b'(',
                b')' => b']',
                b']' => b'}',
                b'}' => b')',
                other => other,
            };
            for b in bytes.iter_mut().skip(at).take(rng.below(200)) {
                *b = swap(*b);
            }
        }
        _ => bytes.truncate(at),
    }
    bytes
}

#[test]
#[ignore = "the mutation run: run by .ci/run's torture step (ATELIER_MUTANTS, ATELIER_SEED)"]
fn mutation_run() {
    let seed = std::env::var("ATELIER_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x0a7e_11e2_u64);
    let count: usize = std::env::var("ATELIER_MUTANTS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2000);
    let files: Vec<String> = shipped()
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let mut rng = Rng(seed);
    let dir = tempfile::tempdir().unwrap();
    let (mut refused, mut opened) = (0, 0);
    for k in 0..count {
        let bytes = mutant(&mut rng, &files);
        let path = dir.path().join(format!("m{k}.ron"));
        std::fs::write(&path, &bytes).unwrap();
        let strings = atelier::i18n::Lang::En.strings();
        let run = std::panic::catch_unwind(|| match store::parse_raw(&bytes) {
            Err(e) => {
                // Every refusal is a sentence, with line:column where the text is at fault.
                let placed = !matches!(
                    e,
                    store::LoadError::Syntax { .. }
                        | store::LoadError::Truncated { .. }
                        | store::LoadError::InvalidUtf8 { .. }
                ) || e.position().is_some_and(|(l, c)| l >= 1 && c >= 1);
                assert!(placed, "{e:?}");
                assert!(!e.message(strings).is_empty());
                false
            }
            Ok(raw) => {
                let text = String::from_utf8_lossy(&bytes);
                let _ = store::check_session(&raw, strings);
                let _ = store::check_history(&raw, &text, strings);
                let _ = store::unknown_fields(&bytes);
                let session = store::parse(&bytes).unwrap();
                let lines = atelier::show::show(&session, atelier::i18n::Lang::Fr, false);
                let _ = atelier::show::to_text(&lines, atelier::i18n::Lang::Fr);
                for format in [
                    atelier::export::Format::Markdown,
                    atelier::export::Format::Html,
                    atelier::export::Format::Csv,
                ] {
                    let _ = atelier::export::export(
                        &session,
                        format,
                        atelier::i18n::Lang::Fr,
                        true,
                        session.date,
                    );
                }
                let mut replay = atelier::replay::Replay::new(&session);
                while replay.step_forward() {}
                true
            }
        });
        match run {
            Ok(true) => opened += 1,
            Ok(false) => refused += 1,
            Err(_) => {
                let kept = std::env::temp_dir().join(format!("atelier-mutant-{seed}-{k}.ron"));
                let _ = std::fs::write(&kept, &bytes);
                panic!(
                    "seed {seed}, mutant {k} (kept as {}): a panic (ATELIER_SEED={seed} to run it again)",
                    kept.display()
                );
            }
        }
        assert_eq!(
            std::fs::read(&path).unwrap(),
            bytes,
            "reading never modifies a file"
        );
    }
    println!("{count} mutants (seed {seed}): {opened} opened, {refused} refused with their place");
}

/// The mutation run in a child limited to 512 MiB and two minutes of CPU: what `.ci/run`
/// calls, so that a hang or a runaway allocation fails instead of stalling CI.
#[test]
#[ignore = "the torture step of .ci/run"]
fn mutation_run_with_limits() {
    let me = std::env::current_exe().unwrap();
    let status = Command::new("prlimit")
        .args([MEMORY, "--cpu=300", "--"])
        .arg(me)
        .args(["--ignored", "--exact", "mutation_run", "--nocapture"])
        .status()
        .unwrap();
    assert!(status.success(), "the mutation run failed: {status}");
}

/// Issue 11, point 4: a card pasted by an older atelier with a terminal's title sequence, a
/// screen clear and a right-to-left override, and a file name with an escape, never reach a
/// terminal or an export as control characters: they are shown as `␛`, `␇`, and the override
/// is dropped.
#[test]
fn control_characters_from_a_file_never_reach_a_terminal_or_an_export() {
    let env = Env::new();
    let mut s = store::load(&shipped()[0]).unwrap();
    s.needs.cards[0].text = "Carte \u{1b}]0;pwned\u{7} puis \u{1b}[2J et \u{202e}inversé".into();
    s.group.name = "Groupe \u{1b}[31mrouge".into();
    let path = env.save(&s);
    let named = env.dir.join("hostile\u{1b}[2J.ron");
    std::fs::copy(&path, &named).unwrap();
    let forbidden = |text: &str| {
        text.chars().find(|c| {
            (c.is_control() && *c != '\n' && *c != '\r' && *c != '\t') || *c == '\u{202e}'
        })
    };
    let file = path.to_str().unwrap();
    for args in [
        vec!["show", file],
        vec!["show", file, "--private"],
        vec!["export", file, "--format", "md"],
        vec!["export", file, "--format", "html"],
        vec!["export", file, "--format", "csv"],
        vec!["check", env.dir()],
    ] {
        let out = env.cmd().args(&args).output().unwrap();
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert_eq!(forbidden(&stdout), None, "{args:?}:\n{stdout}");
        if args[0] != "export" || args[3] != "csv" {
            assert!(stdout.contains('␛'), "{args:?} shows the escape:\n{stdout}");
        }
    }
}
