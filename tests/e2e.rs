//! The real binary in a real terminal, driven as a person would: tmux runs atelier, keys
//! are typed with `send-keys`, the screen is read with `capture-pane`. Each test has its own
//! tmux server (its own socket in its own temporary folder) and gives atelier temporary
//! `HOME`, `XDG_*` and sessions folders, so nothing of the real home is read or written; a
//! guard kills the server, and any atelier still running, whatever the outcome.
//!
//! Waits poll the screen (or the file) for what is expected instead of sleeping a fixed
//! time. The one fixed pause is after Esc: a terminal reads Esc followed quickly by a key as
//! Alt+key, so a person's pause is kept.
//!
//! Needs tmux. Without it the tests say they are skipped and pass, except under CI
//! (`CI=true`), where `.ci/run` installs it and its absence is a failure.

use atelier::i18n::{Lang, Strings, fill};
use atelier::model::{Attendance, Author, IdeaKind, Owner, Session, SessionState};
use atelier::store;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_atelier");
/// What the shell around atelier prints when it ends, before the status and `]`.
const EXITED: &str = "[atelier exited: ";
const WAIT: Duration = Duration::from_secs(10);
/// A person's pause after Esc, so the next key is not read as Alt+key.
const AFTER_ESC: Duration = Duration::from_millis(150);

static SERVERS: AtomicU32 = AtomicU32::new(0);

/// French, the default language: what the tests compare the screen with.
fn fr() -> &'static Strings {
    Lang::Fr.strings()
}

/// The start of a sentence, before any `{}` and short enough to sit on one screen line.
fn head(text: &str) -> String {
    let text = text.split("{}").next().unwrap_or(text);
    text.chars().take(28).collect()
}

fn tmux_available() -> bool {
    let found = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var("CI").is_err(),
            "tmux is not installed: .ci/run installs it; the end-to-end tests cannot run without it"
        );
        // Straight to stderr, past the test harness's capture, so that it is seen.
        let _ = std::io::Write::write_all(
            &mut std::io::stderr(),
            b"SKIPPED: tmux is not installed (apt-get install tmux): an end-to-end test did not run\n",
        );
    }
    found
}

/// Quotes a word for `sh`.
fn sh(word: &str) -> String {
    format!("'{}'", word.replace('\'', r"'\''"))
}

/// A private tmux server with temporary folders for atelier. Each `start` runs atelier in
/// a new tmux session (`run1`, `run2`...) from a shell that stays after it, as in a
/// person's terminal, so the terminal's state after atelier can be read from a live pane.
struct Term {
    tmp: tempfile::TempDir,
    socket: String,
    size: (u16, u16),
    runs: u32,
    /// The tmux session that keys go to and screens are read from.
    current: String,
}

impl Term {
    fn new(cols: u16, rows: u16) -> Term {
        let tmp = tempfile::tempdir().unwrap();
        for d in ["home", "data", "config", "tmux"] {
            std::fs::create_dir(tmp.path().join(d)).unwrap();
        }
        std::fs::write(
            tmp.path().join("tmux.conf"),
            "set -g remain-on-exit on\nset -g history-limit 5000\n",
        )
        .unwrap();
        let n = SERVERS.fetch_add(1, Ordering::SeqCst);
        Term {
            socket: format!("atelier-e2e-{}-{n}", std::process::id()),
            tmp,
            size: (cols, rows),
            runs: 0,
            current: String::new(),
        }
    }

    /// Where atelier keeps its sessions in this test (created by atelier itself).
    fn dir(&self) -> PathBuf {
        self.tmp.path().join("sessions")
    }

    fn path(&self, name: &str) -> String {
        self.tmp.path().join(name).to_str().unwrap().to_string()
    }

    fn target(&self) -> String {
        self.current.clone()
    }

    /// Sends keys to, and reads, an earlier run that is still going.
    fn switch_to(&mut self, run: &str) {
        self.current = run.to_string();
    }

    /// Runs a tmux command on this test's server. The server is started with a clean
    /// environment, which the programs in its panes inherit.
    fn tmux_output(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.path("home"))
            .env("XDG_DATA_HOME", self.path("data"))
            .env("XDG_CONFIG_HOME", self.path("config"))
            .env("TMUX_TMPDIR", self.path("tmux"))
            .env("LANG", "C.UTF-8")
            .env("LC_ALL", "C.UTF-8")
            .env("TERM", "xterm-256color")
            .args(["-u", "-L", &self.socket, "-f", &self.path("tmux.conf")])
            .args(args)
            .stdin(std::process::Stdio::null())
            .output()
            .expect("tmux runs")
    }

    fn tmux(&self, args: &[&str]) -> String {
        let out = self.tmux_output(args);
        assert!(
            out.status.success(),
            "tmux {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Starts atelier (French, the default) on this test's sessions folder, from a shell
    /// that then prints `[atelier exited: STATUS]` and stays. Returns the run's name.
    fn start(&mut self, env: &[(&str, &str)]) -> String {
        self.runs += 1;
        self.current = format!("run{}", self.runs);
        let mut vars = vec![
            ("HOME", self.path("home")),
            ("XDG_DATA_HOME", self.path("data")),
            ("XDG_CONFIG_HOME", self.path("config")),
            ("LANG", "C.UTF-8".to_string()),
            ("LC_ALL", "C.UTF-8".to_string()),
            ("RUST_BACKTRACE", "0".to_string()),
        ];
        vars.extend(env.iter().map(|(k, v)| (*k, v.to_string())));
        let vars: Vec<String> = vars.iter().map(|(k, v)| sh(&format!("{k}={v}"))).collect();
        // `env` execs atelier: the shell's child is atelier itself (see `pid`).
        let command = format!(
            "env {} {} --dir {}; echo \"{EXITED}$?]\"; exec sleep 600",
            vars.join(" "),
            sh(BIN),
            sh(self.dir().to_str().unwrap())
        );
        let (cols, rows) = (self.size.0.to_string(), self.size.1.to_string());
        let target = self.target();
        self.tmux(&[
            "new-session",
            "-d",
            "-s",
            &target,
            "-x",
            &cols,
            "-y",
            &rows,
            &command,
        ]);
        target
    }

    fn resize(&self, cols: u16, rows: u16) {
        let (cols, rows) = (cols.to_string(), rows.to_string());
        self.tmux(&[
            "resize-window",
            "-t",
            &self.target(),
            "-x",
            &cols,
            "-y",
            &rows,
        ]);
    }

    fn keys(&self, keys: &[&str]) {
        let target = self.target();
        let mut args = vec!["send-keys", "-t", &target];
        args.extend(keys);
        self.tmux(&args);
    }

    /// Types text literally: accents, Arabic and emoji as they are.
    fn text(&self, text: &str) {
        self.tmux(&["send-keys", "-t", &self.target(), "-l", "--", text]);
    }

    fn esc(&self) {
        self.keys(&["Escape"]);
        std::thread::sleep(AFTER_ESC);
    }

    fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", &self.target()])
    }

    /// The screen and everything that scrolled off it.
    fn history(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-S", "-", "-t", &self.target()])
    }

    fn format(&self, format: &str) -> String {
        self.tmux(&["display-message", "-p", "-t", &self.target(), format])
            .trim()
            .to_string()
    }

    /// Waits until `text` is on screen; fails with the screen if it never comes.
    #[track_caller]
    fn wait_for(&self, text: &str, timeout: Duration) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            if start.elapsed() > timeout {
                panic!("waited {timeout:?} for {text:?}; the screen:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(40));
        }
    }

    #[track_caller]
    fn wait_gone(&self, text: &str, timeout: Duration) {
        let start = Instant::now();
        while self.screen().contains(text) {
            if start.elapsed() > timeout {
                panic!(
                    "{text:?} still on screen after {timeout:?}:\n{}",
                    self.screen()
                );
            }
            std::thread::sleep(Duration::from_millis(40));
        }
    }

    /// The pid of atelier itself (not the shell around it): the pane shell's child.
    #[track_caller]
    fn pid(&self) -> u32 {
        let shell = self.format("#{pane_pid}");
        let start = Instant::now();
        loop {
            if let Some(pid) = children(&shell).first() {
                let comm = std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
                if comm.trim() == "atelier" {
                    return pid.parse().unwrap();
                }
            }
            assert!(
                start.elapsed() < WAIT,
                "no atelier under the pane's shell {shell}"
            );
            std::thread::sleep(Duration::from_millis(40));
        }
    }

    /// Waits for atelier to end and returns its exit status (128 + signal when killed), as
    /// the shell around it reports it.
    #[track_caller]
    fn wait_exit(&self, timeout: Duration) -> i32 {
        let screen = self.wait_for(EXITED, timeout);
        let rest = &screen[screen.find(EXITED).unwrap() + EXITED.len()..];
        let status: String = rest.chars().take_while(char::is_ascii_digit).collect();
        status.parse().unwrap()
    }

    /// The one session file of the folder.
    fn session_file(&self) -> PathBuf {
        let files = store::session_files(&self.dir()).unwrap();
        assert_eq!(
            files.len(),
            1,
            "one session file expected in {:?}: {files:?}",
            self.dir()
        );
        files[0].clone()
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        // Whatever still runs in the panes (shells, atelier) ends with the server; what
        // would not is killed.
        let panes = self.tmux_output(&["list-panes", "-a", "-F", "#{pane_pid}"]);
        let mut pids: Vec<String> = String::from_utf8_lossy(&panes.stdout)
            .lines()
            .map(str::to_string)
            .collect();
        let kids: Vec<String> = pids.iter().flat_map(|p| children(p)).collect();
        pids.extend(kids);
        let _ = self.tmux_output(&["kill-server"]);
        for pid in pids {
            let _ = Command::new("kill").args(["-9", &pid]).output();
        }
    }
}

/// The child processes of a process (Linux).
fn children(pid: &str) -> Vec<String> {
    std::fs::read_to_string(format!("/proc/{pid}/task/{pid}/children"))
        .unwrap_or_default()
        .split_whitespace()
        .map(str::to_string)
        .collect()
}

/// Polls a file until `pred` holds on its text (a save is at most a second away).
#[track_caller]
fn wait_file(path: &Path, timeout: Duration, what: &str, pred: impl Fn(&str) -> bool) -> String {
    let start = Instant::now();
    loop {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        if pred(&text) {
            return text;
        }
        if start.elapsed() > timeout {
            panic!(
                "waited {timeout:?} for {what} in {}; the file:\n{text}",
                path.display()
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

const GROUP: &str = "Pâtissières de Fès 🎂";
const ARABIC: &str = "محمد الأمين";
const FATIMA: &str = "Fatima Zahra";
const FATIMA_SHOP: &str = "Pâtisserie الأمل 🎂";
const YOUSSEF: &str = "Youssef Alaoui";
const GUEST: &str = "Nadia, CRI Fès-Meknès";
const OBJECTIVE: &str = "Vendre plus à l'Aïd 🎉";
const CARD: &str = "Vendre en ligne sans se ruiner";
const CARD_2: &str = "Personne ne connaît nos gâteaux";
const THEME: &str = "Se faire connaître";
/// Typed after the statement the priority theme started (the group sharpens it).
const STATEMENT: &str = " : nos ventes baissent hors saison";
const CAUSE: &str = "Pas de clients en ligne";
/// "Why?" asked twice under the cause: a three-level tree.
const WHY_1: &str = "Personne ne sait faire de belles photos";
const WHY_2: &str = "Jamais eu de formation au numérique 📱";
const IDEA: &str = "Une page Instagram commune 📸";
const IDEA_2: &str = "Un stand au souk le vendredi";
const ACTION: &str = "Créer la page Instagram";
const COMMITMENT: &str = "Je poste 3 photos par semaine";
const NOTES: &str = "Fatima hésite à parler 🙂";
/// Typed and never validated: it must survive `kill -9` as a draft.
const HALF_CARD: &str = "Pas assez de fours pour الطلبيات 🥐";

/// Setup, every phase, quit, the file; resume, half a card, `kill -9`, the card is back.
#[test]
fn a_whole_session_survives_quit_and_kill() {
    if !tmux_available() {
        return;
    }
    let s = fr();
    let mut t = Term::new(100, 30);
    t.start(&[]);
    t.wait_for(&head(s.home_no_groups), WAIT);

    // Group setup: fields are typed directly, Tab moves, Tab past the last reaches members.
    t.keys(&["n"]);
    t.wait_for(s.setup_title_new, WAIT);
    t.text(GROUP);
    t.keys(&["Tab"]);
    t.text("Pâtisserie");
    t.keys(&["Tab", "Right", "Right", "Right", "Tab", "Tab"]); // region: Fès-Meknès
    t.text("Fès");
    t.keys(&["Tab"]);
    t.text("Maison des jeunes");
    t.keys(&["Tab"]);
    t.text("Samira Bennani");
    t.keys(&["Tab", "Tab"]); // the session date is today already
    t.text("Salle 2");
    t.keys(&["Tab"]);
    t.wait_for(&head(s.setup_no_members), WAIT);

    // Three members, through the popup form.
    t.keys(&["a"]);
    t.wait_for(s.member_add, WAIT);
    t.text(ARABIC);
    t.keys(&["Tab"]);
    t.text("Halwa Al Amal");
    t.keys(&["Tab", "Tab", "Right", "Tab"]); // trade kept, first legal status
    t.text("3");
    t.keys(&["Tab"]);
    t.text("0612345678");
    t.keys(&["C-s"]);
    // Whole, followed by the business: a lam-alef counted as one cell would lose a letter.
    let arabic_row = format!("{ARABIC} — Halwa Al Amal");
    t.wait_for(&arabic_row, WAIT);
    t.keys(&["a"]);
    t.text(FATIMA);
    t.keys(&["Tab"]);
    t.text(FATIMA_SHOP);
    t.keys(&["Enter", "Enter", "Enter", "Enter", "Enter"]); // Enter on the last field validates
    t.wait_for(FATIMA_SHOP, WAIT);
    t.keys(&["a"]);
    t.text(YOUSSEF);
    t.keys(&["C-s"]);
    t.wait_for(YOUSSEF, WAIT);

    // Start the session: check-in.
    t.keys(&["C-s"]);
    let screen = t.wait_for(&head(s.empty_guests), WAIT);
    assert!(screen.contains(&arabic_row), "attendance:\n{screen}");
    let file = t.session_file();
    t.keys(&["2"]); // the first member is excused
    t.keys(&["Tab", "a"]);
    t.text(GUEST);
    t.keys(&["Enter"]);
    t.wait_for(&format!("{} (1)", s.pane_guests), WAIT);
    t.esc(); // the field stays open for the next guest: leave it
    t.wait_for(GUEST, WAIT);
    t.keys(&["Tab", "a"]);
    t.text(OBJECTIVE);
    t.keys(&["Enter"]);
    t.wait_for(OBJECTIVE, WAIT);

    // Follow-up: nothing to review in a group's first session.
    t.keys(&["]"]);
    t.wait_for(&head(s.empty_reviews_first), WAIT);

    // Need emergence: two cards; on the board a theme, both cards marked with Space and put
    // into it with m; in the vote, Fatima's two dots, and the theme made the priority.
    t.keys(&["]"]);
    t.wait_for(&head(s.empty_cards), WAIT);
    t.keys(&["a"]);
    t.text(CARD);
    t.keys(&["Enter"]);
    t.wait_for(CARD, WAIT);
    t.text(CARD_2);
    t.keys(&["Enter"]);
    t.wait_for(CARD_2, WAIT);
    t.esc();
    t.keys(&["Tab", "a"]);
    t.text(THEME);
    t.keys(&["Enter"]);
    t.wait_for(&format!("{THEME} (0)"), WAIT);
    t.esc();
    t.keys(&["Right", "Space", "Space", "m"]);
    t.wait_for(s.needs.pick_move, WAIT);
    t.keys(&["1"]);
    t.wait_for(&format!("{THEME} (2)"), WAIT);
    t.keys(&["Tab", "F2"]);
    t.wait_for(s.needs.pick_voter, WAIT);
    t.keys(&["0", "2"]); // Fatima (Mohamed is excused), two dots on the theme
    t.wait_for(&fill(s.needs.votes_voter, &[&FATIMA, &1]), WAIT);
    t.keys(&["*"]);
    t.wait_for(&format!("★ {}", s.priority_label), WAIT);

    // Problem reflection: the statement, which starts from the priority theme, then a cause.
    t.keys(&["]"]);
    t.wait_for(&head(s.empty_causes), WAIT);
    t.keys(&["a"]);
    t.text(STATEMENT);
    t.keys(&["Enter", "Tab", "a"]);
    t.text(CAUSE);
    t.keys(&["Enter"]);
    t.wait_for(CAUSE, WAIT);
    t.esc();
    // Why? Why again? Each new sub-cause takes the selection, so `w` goes one level deeper.
    t.keys(&["w"]);
    t.text(WHY_1);
    t.keys(&["Enter"]);
    t.wait_for(WHY_1, WAIT);
    t.keys(&["w"]);
    t.text(WHY_2);
    t.keys(&["Enter"]);
    t.wait_for(WHY_2, WAIT);

    // Solution search: two ideas; the first linked to the cause and typed collective; both
    // rated, two digits an idea; the first chosen; a look at the matrix.
    t.keys(&["]"]);
    t.wait_for(&head(s.empty_ideas), WAIT);
    t.keys(&["a"]);
    t.text(IDEA);
    t.keys(&["Enter"]);
    t.text(IDEA_2);
    t.keys(&["Enter"]);
    t.wait_for(IDEA_2, WAIT);
    t.esc();
    t.keys(&["g", "l"]);
    t.wait_for(s.solutions.picker_cause, WAIT);
    t.keys(&["1", "c"]);
    t.wait_for(s.solutions.picker_kind, WAIT);
    t.keys(&["2"]);
    t.wait_gone(s.solutions.picker_kind, WAIT);
    t.keys(&["4", "2", "2", "4", "g", "Space", "v"]);
    t.wait_for(&format!("{} (1)", s.solutions.thankless), WAIT);
    t.wait_for(&format!("{} (1)", s.solutions.quick_wins), WAIT);
    t.keys(&["v"]);

    // Action plan: an action from the chosen idea, prefilled, for Fatima; then a free one.
    t.keys(&["]"]);
    t.wait_for(&head(s.solutions.empty_plan), WAIT);
    t.keys(&["c"]);
    t.wait_for(s.solutions.picker_idea, WAIT);
    t.keys(&["0"]);
    t.wait_for(s.action_add, WAIT);
    t.keys(&["Tab"]);
    t.wait_for(ARABIC, WAIT); // among the owners
    t.keys(&["Down", "Space", "Tab"]);
    t.text("31/12/2030");
    t.keys(&["Tab"]);
    t.text("Un téléphone");
    t.keys(&["Tab"]);
    t.text("100 abonnés");
    t.keys(&["C-s"]);
    t.wait_gone(s.action_add, WAIT);
    t.keys(&["a"]);
    t.wait_for(s.action_add, WAIT);
    t.text(ACTION);
    t.keys(&["Tab", "Tab"]);
    t.text("+2s");
    t.keys(&["C-s"]);
    t.wait_gone(s.action_add, WAIT);
    t.wait_for(ACTION, WAIT); // in full, below the table

    // Closing: Fatima's usefulness and commitment, then the advisor's private notes.
    t.keys(&["]"]);
    t.wait_for(s.pane_private_notes, WAIT);
    t.keys(&["Down", "5", "e"]);
    t.text(COMMITMENT);
    t.keys(&["Enter"]);
    t.wait_for(COMMITMENT, WAIT);
    t.keys(&["Tab", "Tab", "Tab", "Tab", "Tab", "a"]);
    t.text(NOTES);
    t.keys(&["Enter"]);
    // Private notes may be masked on screen: the file says they are in.
    wait_file(&file, Duration::from_secs(3), "the private notes", |text| {
        text.contains(NOTES)
    });

    // Quit: at once, everything saved.
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(WAIT), 0, "atelier's exit status after q");
    assert_eq!(
        t.format("#{alternate_on}"),
        "0",
        "the terminal is left as it was"
    );

    // The file: every phase's data, the Arabic name and the emoji intact.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&file), 0o600, "session files hold people's names");
        assert_eq!(mode(&t.dir()), 0o700, "the sessions folder atelier created");
    }
    let name = file.file_name().unwrap().to_str().unwrap();
    assert!(name.contains("_patissieres-de-fes_s01_"), "{name}");
    let session: Session = store::load(&file).unwrap();
    assert_eq!(session.state, SessionState::InProgress);
    assert_eq!(session.number, 1);
    assert_eq!(session.place, "Salle 2");
    assert_eq!(session.group.name, GROUP);
    assert_eq!(session.group.advisor, "Samira Bennani");
    let names: Vec<&str> = session
        .group
        .members
        .iter()
        .map(|m| m.name.as_str())
        .collect();
    assert_eq!(names, [ARABIC, FATIMA, YOUSSEF]);
    let mohamed = &session.group.members[0];
    assert_eq!(
        (mohamed.employees, mohamed.phone.as_str()),
        (Some(3), "0612345678")
    );
    assert_eq!(session.group.members[1].business, FATIMA_SHOP);
    let fatima = session.group.members[1].id.clone();
    assert_eq!(session.checkin.attendance[&mohamed.id], Attendance::Excused);
    assert_eq!(session.checkin.attendance[&fatima], Attendance::Present);
    assert_eq!(
        session
            .checkin
            .guests
            .iter()
            .map(|g| g.text.as_str())
            .collect::<Vec<_>>(),
        [GUEST]
    );
    assert_eq!(session.checkin.objective, OBJECTIVE);
    assert!(session.followup.reviews.is_empty());
    let needs = &session.needs;
    let cards: Vec<_> = needs
        .cards
        .iter()
        .map(|c| (c.text.as_str(), &c.author))
        .collect();
    assert_eq!(
        cards,
        [(CARD, &Author::Anonymous), (CARD_2, &Author::Anonymous)]
    );
    assert_eq!(needs.themes.len(), 1);
    let theme = &needs.themes[0];
    assert_eq!(theme.title, THEME);
    assert!(
        needs
            .cards
            .iter()
            .all(|c| c.theme.as_ref() == Some(&theme.id))
    );
    assert_eq!(needs.dots[&theme.id][&fatima], 2);
    assert_eq!(needs.priority.as_ref(), Some(&theme.id));
    assert_eq!(session.problem.statement, format!("{THEME}{STATEMENT}"));
    let causes = &session.problem.causes;
    assert_eq!(causes.len(), 3, "{causes:?}");
    assert_eq!(causes[0].text, CAUSE);
    assert_eq!(causes[0].parent, None);
    assert_eq!(
        (causes[1].text.as_str(), causes[1].parent.as_ref()),
        (WHY_1, Some(&causes[0].id))
    );
    assert_eq!(
        (causes[2].text.as_str(), causes[2].parent.as_ref()),
        (WHY_2, Some(&causes[1].id))
    );
    let ideas: Vec<_> = session
        .solutions
        .ideas
        .iter()
        .map(|i| (i.text.as_str(), i.impact, i.effort, i.kind, i.chosen))
        .collect();
    assert_eq!(
        ideas,
        [
            (IDEA, Some(4), Some(2), Some(IdeaKind::Collective), true),
            (IDEA_2, Some(2), Some(4), None, false),
        ]
    );
    let idea = &session.solutions.ideas[0];
    assert_eq!(idea.cause.as_ref(), Some(&session.problem.causes[0].id));
    let action = &session.plan.actions[0];
    assert_eq!(action.what, IDEA, "prefilled from the idea");
    assert_eq!(action.owners, [Owner::Member(fatima.clone())]);
    assert_eq!(action.due, chrono::NaiveDate::from_ymd_opt(2030, 12, 31));
    assert_eq!(
        (action.means.as_str(), action.indicator.as_str()),
        ("Un téléphone", "100 abonnés")
    );
    assert_eq!(action.idea.as_ref(), Some(&idea.id));
    let free = &session.plan.actions[1];
    assert_eq!((free.what.as_str(), free.idea.as_ref()), (ACTION, None));
    assert_eq!(free.due, Some(session.date + chrono::Days::new(14)));
    assert!(free.owners.is_empty());
    assert_eq!(session.closing.commitments[&fatima], COMMITMENT);
    assert_eq!(session.closing.usefulness[&fatima], 5);
    assert_eq!(session.closing.private_notes, NOTES);
    assert_eq!(
        session.current_phase,
        session.method.phases.len() - 1,
        "left in the closing phase"
    );
    assert!(session.drafts.is_empty(), "{:?}", session.drafts);
    assert!(
        session.history.len() >= 15,
        "every change is in the history: {}",
        session.history.len()
    );
    let raw = std::fs::read_to_string(&file).unwrap();
    assert!(
        raw.contains(ARABIC) && raw.contains("🎂") && raw.contains("📸"),
        "the text as typed"
    );

    // Resume: Enter on the group opens its unfinished session where it was left.
    t.start(&[]);
    t.wait_for(GROUP, WAIT);
    t.keys(&["Enter"]);
    t.wait_for(COMMITMENT, WAIT); // back in the closing phase
    for _ in 0..4 {
        t.keys(&["["]);
    }
    t.wait_for(CARD, WAIT);
    // Half a card, never validated: autosaved as a draft within a second or so.
    t.keys(&["a"]);
    t.text(HALF_CARD);
    t.wait_for(HALF_CARD, WAIT);
    wait_file(
        &file,
        Duration::from_secs(3),
        "the half-typed card",
        |text| text.contains(HALF_CARD),
    );
    let saved = store::load(&file).unwrap();
    assert!(
        saved.drafts.values().any(|d| d == HALF_CARD),
        "{:?}",
        saved.drafts
    );

    // kill -9 atelier itself, not a shell around it.
    let pid = t.pid();
    let killed = Command::new("kill")
        .args(["-9", &pid.to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    assert_eq!(t.wait_exit(WAIT), 128 + 9, "atelier died of SIGKILL");

    // Restart: the stale lock blocks nothing, and the half-typed card is back in its field.
    t.start(&[]);
    t.wait_for(GROUP, WAIT);
    t.keys(&["Enter"]);
    let screen = t.wait_for(HALF_CARD, WAIT);
    assert!(
        !screen.contains(s.read_only_badge),
        "a killed atelier's lock must not block:\n{screen}"
    );
    let editor = (s.editor_new)(atelier::ui::Pane::Cards);
    assert!(
        screen.contains(editor),
        "the card's field is open again ({editor:?}):\n{screen}"
    );
    let after = store::load(&file).unwrap();
    assert!(
        after.drafts.values().any(|d| d == HALF_CARD),
        "{:?}",
        after.drafts
    );
    assert_eq!(
        after.needs.cards.len(),
        2,
        "the draft is not a card until validated"
    );

    // Leave the field (the draft is kept) and quit.
    t.esc();
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(WAIT), 0);
    let last = store::load(&file).unwrap();
    assert!(
        last.drafts.values().any(|d| d == HALF_CARD),
        "Esc keeps the draft: {:?}",
        last.drafts
    );
}

/// Point 9: the terminal is restored after a panic, and the report printed after it.
#[test]
fn a_panic_restores_the_terminal_and_prints_the_report() {
    if !tmux_available() {
        return;
    }
    if !cfg!(debug_assertions) {
        let _ = std::io::Write::write_all(
            &mut std::io::stderr(),
            b"SKIPPED: ATELIER_TEST_PANIC works in debug builds only\n",
        );
        return;
    }
    let mut t = Term::new(80, 24);
    t.start(&[("ATELIER_TEST_PANIC", "1")]);
    // 101: the exit status of a Rust panic.
    assert_eq!(t.wait_exit(WAIT), 101);
    assert_eq!(
        t.format("#{alternate_on}"),
        "0",
        "the alternate screen is left"
    );
    assert_eq!(t.format("#{cursor_flag}"), "1", "the cursor is shown again");
    let report = t.history();
    assert!(report.contains("panicked"), "the panic report:\n{report}");
    assert!(
        report.contains("ATELIER_TEST_PANIC"),
        "its message:\n{report}"
    );
}

/// Point 9: too small a terminal gets a message, growing back restores the view, no size
/// down to 1×1 makes it panic, and a normal quit leaves the terminal as it was.
#[test]
fn any_size_is_survived_and_growing_back_restores_the_view() {
    if !tmux_available() {
        return;
    }
    let s = fr();
    let mut t = Term::new(80, 24);
    t.start(&[]);
    let home = head(s.home_no_groups);
    t.wait_for(&home, WAIT);
    for (cols, rows) in [(40, 10), (1, 1), (2, 1), (1, 5), (59, 15), (12, 3)] {
        t.resize(cols, rows);
        std::thread::sleep(Duration::from_millis(120));
        let history = t.history();
        assert!(
            !history.contains(EXITED),
            "atelier ended at {cols}×{rows}:\n{history}"
        );
    }
    t.resize(50, 12);
    t.wait_for(&head(s.too_small), WAIT);
    t.resize(80, 24);
    t.wait_for(&home, WAIT);
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(WAIT), 0);
    assert_eq!(
        t.format("#{alternate_on}"),
        "0",
        "the alternate screen is left"
    );
    assert_eq!(t.format("#{cursor_flag}"), "1", "the cursor is shown again");
}

/// Point 7: a second atelier on a session the first has open gets it read-only, says so,
/// and changes nothing; the first goes on saving.
#[test]
fn a_second_atelier_opens_an_open_session_read_only() {
    if !tmux_available() {
        return;
    }
    let s = fr();
    let mut t = Term::new(100, 30);
    std::fs::create_dir(t.dir()).unwrap();
    let session = atelier::sample::bakers_first_session(chrono::Utc::now(), 7);
    let group = session.group.name.clone();
    let file = store::Store::new(t.dir()).path_for_new(&session);
    store::save(&file, &session).unwrap();

    let first = t.start(&[]);
    t.wait_for(&group, WAIT);
    t.keys(&["Enter"]);
    t.wait_for(&head(s.empty_guests), WAIT);

    t.start(&[]);
    t.wait_for(&group, WAIT);
    t.keys(&["Enter"]);
    let screen = t.wait_for(&head(s.session_read_only), WAIT);
    assert!(
        screen.contains(s.read_only_badge),
        "the header says read-only:\n{screen}"
    );
    let before = std::fs::read(&file).unwrap();
    t.keys(&["Tab", "a"]); // adding a guest is refused
    t.text("x");
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(WAIT), 0);
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "a read-only atelier never writes"
    );

    // The first one still has the session, and saves what it is given.
    t.switch_to(&first);
    t.keys(&["Tab", "a"]);
    t.text(GUEST);
    t.keys(&["Enter"]);
    wait_file(&file, Duration::from_secs(3), "the guest", |text| {
        text.contains(GUEST)
    });
    t.esc();
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(WAIT), 0);
}

#[test]
fn the_review_browser_filters_and_opens_a_session_read_only() {
    if !tmux_available() {
        return;
    }
    let s = fr();
    let mut t = Term::new(100, 30);
    std::fs::create_dir(t.dir()).unwrap();
    let st = store::Store::new(t.dir());
    let series = atelier::sample::series(chrono::Utc::now(), 7);
    let tailors = series[0].group.name.clone();
    let mut files = Vec::new();
    for session in &series {
        let file = st.path_for_new(session);
        store::save(&file, session).unwrap();
        files.push((file.clone(), std::fs::read(&file).unwrap()));
    }
    let bakers = atelier::sample::bakers_first_session(chrono::Utc::now(), 7);
    store::save(&st.path_for_new(&bakers), &bakers).unwrap();

    t.start(&[]);
    t.wait_for(&tailors, WAIT);
    t.keys(&["r"]);
    t.wait_for(&fill(s.review.title, &[&4, &4]), WAIT);
    // Letters are the filter: `q` in it does not quit.
    t.text("oujda xqz");
    t.wait_for(&fill(s.review.title, &[&0, &4]), WAIT);
    t.keys(&["BSpace", "BSpace", "BSpace", "BSpace"]);
    let screen = t.wait_for(&fill(s.review.title, &[&3, &4]), WAIT);
    assert!(!screen.contains(&bakers.group.name), "{screen}");
    t.keys(&["Enter"]);
    let screen = t.wait_for(s.review.view_closed, WAIT);
    assert!(screen.contains(&tailors), "{screen}");
    t.keys(&["End"]);
    // X exports the minutes of the session viewed, beside the sessions.
    t.keys(&["X"]);
    t.wait_for(&head(s.export.written), WAIT);
    let exported: Vec<String> = std::fs::read_dir(t.dir().join("exports"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    for ext in [".md", ".html", ".csv"] {
        assert!(exported.iter().any(|f| f.ends_with(ext)), "{exported:?}");
    }
    t.esc();
    t.wait_for(&fill(s.review.title, &[&3, &4]), WAIT);
    // Esc empties the filter first, then goes back.
    t.esc();
    t.wait_for(&fill(s.review.title, &[&4, &4]), WAIT);
    t.esc();
    t.wait_gone(&fill(s.review.title, &[&4, &4]), WAIT);
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(WAIT), 0);
    for (file, before) in files {
        assert_eq!(
            std::fs::read(&file).unwrap(),
            before,
            "looking never writes"
        );
    }
}
