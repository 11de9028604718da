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
//! The terminal itself (`Term`) is tests/common/tmux.rs, shared with the demo and follow
//! tests; this file adds only what is its own: atelier started on a sessions folder.
//!
//! Needs tmux. Without it the tests say they are skipped and pass, except under CI
//! (`CI=true`), where `.ci/run` installs it and its absence is a failure.

#[path = "common/tmux.rs"]
mod tmux;

use atelier::i18n::{Lang, Strings, fill};
use atelier::model::{Attendance, Author, IdeaKind, Owner, Session, SessionState};
use atelier::store;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};
use tmux::{EXITED, Term};

/// French, the default language: what the tests compare the screen with.
fn fr() -> &'static Strings {
    Lang::Fr.strings()
}

/// The start of a sentence, before any `{}` and short enough to sit on one screen line.
fn head(text: &str) -> String {
    let text = text.split("{}").next().unwrap_or(text);
    text.chars().take(28).collect()
}

/// The real-terminal tests' own part: atelier started on this test's sessions folder.
impl Term {
    /// Where atelier keeps its sessions in this test (created by atelier itself).
    fn dir(&self) -> PathBuf {
        self.path("sessions")
    }

    /// Starts atelier (French, the default) on this test's sessions folder, without a
    /// backtrace on the screen. Returns the run's name.
    fn run(&mut self, env: &[(&str, &str)]) -> String {
        let dir = self.dir();
        let mut vars = vec![("RUST_BACKTRACE", "0")];
        vars.extend_from_slice(env);
        self.start(&["--dir", dir.to_str().unwrap()], &vars)
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
    if !tmux::available() {
        return;
    }
    let s = fr();
    let mut t = Term::new(100, 30);
    t.run(&[]);
    t.wait_for(&head(s.home_no_groups));

    // Group setup: fields are typed directly, Tab moves, Tab past the last reaches members.
    t.keys(&["n"]);
    t.wait_for(s.setup_title_new);
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
    t.wait_for(&head(s.setup_no_members));

    // Three members, through the popup form.
    t.keys(&["a"]);
    t.wait_for(s.member_add);
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
    t.wait_for(&arabic_row);
    t.keys(&["a"]);
    t.text(FATIMA);
    t.keys(&["Tab"]);
    t.text(FATIMA_SHOP);
    // Enter on the last field validates (trade, status, employees, phone, gender, year).
    t.keys(&[
        "Enter", "Enter", "Enter", "Enter", "Enter", "Enter", "Enter",
    ]);
    t.wait_for(FATIMA_SHOP);
    t.keys(&["a"]);
    t.text(YOUSSEF);
    t.keys(&["C-s"]);
    t.wait_for(YOUSSEF);

    // Start the session: check-in.
    t.keys(&["C-s"]);
    let screen = t.wait_for(&head(s.empty_guests));
    assert!(screen.contains(&arabic_row), "attendance:\n{screen}");
    let file = t.session_file();
    t.keys(&["2"]); // the first member is excused
    t.keys(&["Tab", "a"]);
    t.text(GUEST);
    t.keys(&["Enter"]);
    t.wait_for(&format!("{} (1)", s.pane_guests));
    t.esc(); // the field stays open for the next guest: leave it
    t.wait_for(GUEST);
    t.keys(&["Tab", "a"]);
    t.text(OBJECTIVE);
    t.keys(&["Enter"]);
    t.wait_for(OBJECTIVE);

    // Follow-up: nothing to review in a group's first session.
    t.keys(&["]"]);
    t.wait_for(&head(s.empty_reviews_first));

    // Need emergence: two cards; on the board a theme, both cards marked with Space and put
    // into it with m; in the vote, Fatima's two dots, and the theme made the priority.
    t.keys(&["]"]);
    t.wait_for(&head(s.empty_cards));
    t.keys(&["a"]);
    t.text(CARD);
    t.keys(&["Enter"]);
    t.wait_for(CARD);
    t.text(CARD_2);
    t.keys(&["Enter"]);
    t.wait_for(CARD_2);
    t.esc();
    t.keys(&["Tab", "a"]);
    t.text(THEME);
    t.keys(&["Enter"]);
    t.wait_for(&format!("{THEME} (0)"));
    t.esc();
    t.keys(&["Right", "Space", "Space", "m"]);
    t.wait_for(s.needs.pick_move);
    t.keys(&["1"]);
    t.wait_for(&format!("{THEME} (2)"));
    t.keys(&["Tab", "F2"]);
    t.wait_for(s.needs.pick_voter);
    t.keys(&["2", "2"]); // Fatima, second in the group (Mohamed is excused), two dots
    // Her first name: the title also says the rows' order, and the pane is narrow.
    t.wait_for(&fill(s.needs.votes_voter, &[&"Fatima", &1]));
    t.keys(&["*"]);
    t.wait_for(&format!("★ {}", s.priority_label));

    // Problem reflection: the statement, which starts from the priority theme, then a cause.
    t.keys(&["]"]);
    t.wait_for(&head(s.empty_causes));
    t.keys(&["a"]);
    t.text(STATEMENT);
    t.keys(&["Enter", "Tab", "a"]);
    t.text(CAUSE);
    t.keys(&["Enter"]);
    t.wait_for(CAUSE);
    t.esc();
    // Why? Why again? Each new sub-cause takes the selection, so `w` goes one level deeper.
    t.keys(&["w"]);
    t.text(WHY_1);
    t.keys(&["Enter"]);
    t.wait_for(WHY_1);
    t.keys(&["w"]);
    t.text(WHY_2);
    t.keys(&["Enter"]);
    t.wait_for(WHY_2);

    // Solution search: two ideas; the first linked to the cause and typed collective; both
    // rated, two digits an idea; the first chosen; a look at the matrix.
    t.keys(&["]"]);
    t.wait_for(&head(s.empty_ideas));
    t.keys(&["a"]);
    t.text(IDEA);
    t.keys(&["Enter"]);
    t.text(IDEA_2);
    t.keys(&["Enter"]);
    t.wait_for(IDEA_2);
    t.esc();
    t.keys(&["g", "l"]);
    t.wait_for(s.solutions.picker_cause);
    t.keys(&["1", "c"]);
    t.wait_for(s.solutions.picker_kind);
    t.keys(&["2"]);
    t.wait_gone(s.solutions.picker_kind);
    t.keys(&["4", "2", "2", "4", "g", "Space", "v"]);
    t.wait_for(&format!("{} (1)", s.solutions.thankless));
    t.wait_for(&format!("{} (1)", s.solutions.quick_wins));
    t.keys(&["v"]);

    // Action plan: an action from the chosen idea, prefilled, for Fatima; then a free one.
    t.keys(&["]"]);
    t.wait_for(&head(s.solutions.empty_plan));
    t.keys(&["c"]);
    t.wait_for(s.solutions.picker_idea);
    t.keys(&["1"]); // the first idea, on the key of its number
    t.wait_for(s.action_add);
    t.keys(&["Tab"]);
    t.wait_for(ARABIC); // among the owners
    t.keys(&["Down", "Space", "Tab"]);
    t.text("31/12/2030");
    t.keys(&["Tab"]);
    t.text("Un téléphone");
    t.keys(&["Tab"]);
    t.text("100 abonnés");
    t.keys(&["C-s"]);
    t.wait_gone(s.action_add);
    t.keys(&["a"]);
    t.wait_for(s.action_add);
    t.text(ACTION);
    t.keys(&["Tab", "Tab"]);
    t.text("+2s");
    t.keys(&["C-s"]);
    t.wait_gone(s.action_add);
    t.wait_for(ACTION); // in full, below the table

    // Closing: Fatima's commitment and usefulness (a score moves on to the next member),
    // then the advisor's private notes.
    t.keys(&["]"]);
    t.wait_for(s.pane_private_notes);
    t.keys(&["Down", "e"]);
    t.text(COMMITMENT);
    t.keys(&["Enter"]);
    t.wait_for(COMMITMENT);
    t.keys(&["5"]);
    t.wait_for("★★★★★");
    t.keys(&["Tab", "Tab", "Tab", "Tab", "Tab", "a"]);
    t.text(NOTES);
    t.keys(&["Enter"]);
    // Private notes may be masked on screen: the file says they are in.
    wait_file(&file, Duration::from_secs(3), "the private notes", |text| {
        text.contains(NOTES)
    });

    // Quit: at once, everything saved.
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0, "atelier's exit status after q");
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
    t.run(&[]);
    t.wait_for(GROUP);
    t.keys(&["Enter"]);
    t.wait_for(COMMITMENT); // back in the closing phase
    for _ in 0..4 {
        t.keys(&["["]);
    }
    t.wait_for(CARD);
    // Half a card, never validated: autosaved as a draft within a second or so.
    t.keys(&["a"]);
    t.text(HALF_CARD);
    t.wait_for(HALF_CARD);
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
    assert_eq!(t.wait_exit(), 128 + 9, "atelier died of SIGKILL");

    // Restart: the stale lock blocks nothing, and the half-typed card is back in its field.
    t.run(&[]);
    t.wait_for(GROUP);
    t.keys(&["Enter"]);
    let screen = t.wait_for(HALF_CARD);
    assert!(
        !screen.contains(s.read_only_badge),
        "a killed atelier's lock must not block:\n{screen}"
    );
    let editor = atelier::ui::Pane::Cards.new_item_title(s);
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
    assert_eq!(t.wait_exit(), 0);
    let last = store::load(&file).unwrap();
    assert!(
        last.drafts.values().any(|d| d == HALF_CARD),
        "Esc keeps the draft: {:?}",
        last.drafts
    );
}

/// Issue 9, point 3: an idea half typed with a chosen author, `kill -9`, restart: the text
/// and the author are both back in the field.
#[test]
fn a_killed_atelier_brings_an_idea_back_with_its_author() {
    if !tmux::available() {
        return;
    }
    let s = fr();
    let mut t = Term::new(100, 30);
    std::fs::create_dir(t.dir()).unwrap();
    let mut session = atelier::sample::bakers_first_session(chrono::Utc::now(), 7);
    session.current_phase = session
        .method
        .index_of(atelier::method::PhaseKind::SolutionSearch)
        .unwrap();
    let group = session.group.name.clone();
    let place = 2;
    let member = session.group.members[place].clone();
    assert!(session.present_members().any(|m| m.id == member.id));
    let file = store::Store::new(t.dir()).path_for_new(&session);
    store::save(&file, &session).unwrap();
    let shown = |name: &str| format!("{}{}{name}", s.author_label, s.store.show.colon);

    t.run(&[]);
    t.wait_for(&group);
    t.keys(&["Enter"]);
    t.wait_for(&head(s.empty_ideas));
    t.keys(&["a"]);
    // Before anything is typed, the field says who the idea is from: the whole group.
    t.wait_for(&shown(s.author_group));
    t.keys(&["F2"]);
    t.wait_for(s.picker_author);
    t.keys(&[&atelier::keymap::member_hotkey(place).unwrap().to_string()]);
    t.wait_for(&shown(&member.name));
    t.text(IDEA);
    t.wait_for(IDEA);
    let author = format!("member:{}", member.id);
    wait_file(
        &file,
        Duration::from_secs(3),
        "the idea and its author",
        |text| text.contains(IDEA) && text.contains(&author),
    );

    let pid = t.pid();
    let killed = Command::new("kill")
        .args(["-9", &pid.to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    assert_eq!(t.wait_exit(), 128 + 9, "atelier died of SIGKILL");

    t.run(&[]);
    t.wait_for(&group);
    t.keys(&["Enter"]);
    let screen = t.wait_for(IDEA);
    assert!(
        screen.contains(&shown(&member.name)),
        "the author is back with the text:\n{screen}"
    );
    t.keys(&["Enter"]);
    t.wait_for(&format!("{} (1)", s.pane_ideas));
    t.esc();
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
    let saved = store::load(&file).unwrap();
    let idea = &saved.solutions.ideas[0];
    assert_eq!(
        (idea.text.as_str(), &idea.proposer),
        (IDEA, &Author::Member(member.id.clone()))
    );
    assert!(saved.drafts.is_empty(), "{:?}", saved.drafts);
}

/// Point 9: the terminal is restored after a panic, and the report printed after it.
#[test]
fn a_panic_restores_the_terminal_and_prints_the_report() {
    if !tmux::available() {
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
    t.run(&[("ATELIER_TEST_PANIC", "1")]);
    // 101: the exit status of a Rust panic.
    assert_eq!(t.wait_exit(), 101);
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
    if !tmux::available() {
        return;
    }
    let s = fr();
    let mut t = Term::new(80, 24);
    t.run(&[]);
    let home = head(s.home_no_groups);
    t.wait_for(&home);
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
    t.wait_for(&head(s.too_small));
    t.resize(80, 24);
    t.wait_for(&home);
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
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
    if !tmux::available() {
        return;
    }
    let s = fr();
    let mut t = Term::new(100, 30);
    std::fs::create_dir(t.dir()).unwrap();
    let session = atelier::sample::bakers_first_session(chrono::Utc::now(), 7);
    let group = session.group.name.clone();
    let file = store::Store::new(t.dir()).path_for_new(&session);
    store::save(&file, &session).unwrap();

    let first = t.run(&[]);
    t.wait_for(&group);
    t.keys(&["Enter"]);
    t.wait_for(&head(s.empty_guests));

    t.run(&[]);
    t.wait_for(&group);
    t.keys(&["Enter"]);
    let screen = t.wait_for(&head(s.session_read_only));
    assert!(
        screen.contains(s.read_only_badge),
        "the header says read-only:\n{screen}"
    );
    let before = std::fs::read(&file).unwrap();
    t.keys(&["Tab", "a"]); // adding a guest is refused
    t.text("x");
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
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
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn the_review_browser_filters_and_opens_a_session_read_only() {
    if !tmux::available() {
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

    t.run(&[]);
    t.wait_for(&tailors);
    t.keys(&["r"]);
    t.wait_for(&fill(s.review.title, &[&4, &4]));
    // Letters are the filter: `q` in it does not quit.
    t.text("oujda xqz");
    t.wait_for(&fill(s.review.title, &[&0, &4]));
    t.keys(&["BSpace", "BSpace", "BSpace", "BSpace"]);
    let screen = t.wait_for(&fill(s.review.title, &[&3, &4]));
    assert!(!screen.contains(&bakers.group.name), "{screen}");
    t.keys(&["Enter"]);
    let screen = t.wait_for(s.review.view_closed);
    assert!(screen.contains(&tailors), "{screen}");
    t.keys(&["End"]);
    // X exports the minutes of the session viewed, beside the sessions.
    t.keys(&["X"]);
    t.wait_for(&head(s.export.written));
    let exported: Vec<String> = std::fs::read_dir(t.dir().join("exports"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    for ext in [".md", ".html", ".csv"] {
        assert!(exported.iter().any(|f| f.ends_with(ext)), "{exported:?}");
    }
    t.esc();
    t.wait_for(&fill(s.review.title, &[&3, &4]));
    // Esc empties the filter first, then goes back.
    t.esc();
    t.wait_for(&fill(s.review.title, &[&4, &4]));
    t.esc();
    t.wait_gone(&fill(s.review.title, &[&4, &4]));
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
    for (file, before) in files {
        assert_eq!(
            std::fs::read(&file).unwrap(),
            before,
            "looking never writes"
        );
    }
}

/// Issue 9, point 27: high contrast paints the terminal's own background black while
/// atelier runs (its margins around the cells too, which a light profile would show white),
/// and gives it back on quitting and after a panic; the dark theme leaves it alone.
#[test]
fn high_contrast_gives_the_terminal_its_background_and_gives_it_back() {
    if !tmux::available() {
        return;
    }
    let home = head(fr().home_no_groups);
    let mut t = Term::new(80, 24);
    t.run(&[("ATELIER_THEME", "high-contrast")]);
    t.wait_for(&home);
    assert_eq!(t.format("#{pane_bg}"), "#000000", "black while it runs");
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
    assert_eq!(t.format("#{pane_bg}"), "default", "given back on quitting");

    let mut t = Term::new(80, 24);
    t.run(&[]);
    t.wait_for(&home);
    assert_eq!(
        t.format("#{pane_bg}"),
        "default",
        "the dark theme leaves it"
    );
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);

    if cfg!(debug_assertions) {
        let mut t = Term::new(80, 24);
        t.run(&[
            ("ATELIER_THEME", "high-contrast"),
            ("ATELIER_TEST_PANIC", "1"),
        ]);
        assert_eq!(t.wait_exit(), 101);
        assert_eq!(
            t.format("#{pane_bg}"),
            "default",
            "given back after a panic"
        );
    }
}

/// At 80×24 (issue 9): the footer keeps the keys that move on and leave, the home footer
/// keeps `r`; entering a phase starts its timer and the header says it runs; after a
/// restart the timer waits, and the header says so in words.
#[test]
fn at_80x24_the_timer_says_when_it_waits_and_the_footer_keeps_moving_on() {
    if !tmux::available() {
        return;
    }
    let s = fr();
    let paused = format!("⏸ {}", fill(s.timer_paused, &[&"t"]));
    let next_phase = format!("] {}", atelier::keymap::Action::NextPhase.label(s));
    let review = format!("r {}", atelier::keymap::Action::OpenReview.label(s));
    let mut t = Term::new(80, 24);
    std::fs::create_dir(t.dir()).unwrap();
    let session = atelier::sample::bakers_first_session(chrono::Utc::now(), 7);
    let group = session.group.name.clone();
    let file = store::Store::new(t.dir()).path_for_new(&session);
    store::save(&file, &session).unwrap();
    let last_row = |screen: &str| screen.lines().nth(23).unwrap_or_default().to_string();
    let first_row = |screen: &str| screen.lines().next().unwrap_or_default().to_string();

    t.run(&[]);
    let home = t.wait_for(&group);
    assert!(last_row(&home).contains(&review), "home footer:\n{home}");
    t.keys(&["Enter"]);
    t.wait_for(&paused);
    let screen = t.wait_for(&next_phase);
    assert!(first_row(&screen).contains(&paused), "{screen}");
    assert!(last_row(&screen).contains(&next_phase), "footer:\n{screen}");

    // Follow-up, entered for the first time: its timer runs, the header says ▶.
    t.keys(&["]"]);
    t.wait_gone(&paused);
    t.wait_for("▶Suivi");
    let screen = t.wait_for(&next_phase);
    let header = first_row(&screen);
    assert!(
        header.contains('▶') && !header.contains(&paused),
        "{screen}"
    );
    assert!(last_row(&screen).contains(&next_phase), "footer:\n{screen}");
    wait_file(&file, Duration::from_secs(3), "the running timer", |text| {
        text.contains("TimerStarted")
    });
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);

    // Back again: the timer that ran waits for t, and says so.
    t.run(&[]);
    t.wait_for(&group);
    t.keys(&["Enter"]);
    let screen = t.wait_for(&paused);
    assert!(first_row(&screen).contains(&paused), "{screen}");
    t.keys(&["t"]);
    t.wait_gone(&paused);
    assert!(first_row(&t.screen()).contains('▶'));
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}
