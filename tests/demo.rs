//! `atelier demo`: the demo groups are built into the binary, every one of them, and a
//! trainer can play with them in a real terminal without touching `sessions/` or the
//! advisor's own sessions folder.

#[allow(dead_code)] // the drawing helpers of the render tests, two of them used here
#[path = "common/screen.rs"]
mod screen;
#[path = "common/tmux.rs"]
mod tmux;

use atelier::demo::FILES;
use atelier::i18n::Lang;
use atelier::store;
use std::path::Path;
use std::time::{Duration, Instant};

fn shipped_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions")
}

/// A file added to `sessions/` and forgotten in `demo::FILES` would be missing from an
/// installed atelier's demo; one changed since the build would be stale.
#[test]
fn every_shipped_session_is_embedded_as_it_is() {
    let mut names: Vec<String> = std::fs::read_dir(shipped_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".ron"))
        .collect();
    names.sort();
    let mut embedded: Vec<&str> = FILES.iter().map(|f| f.name).collect();
    embedded.sort();
    assert_eq!(embedded, names, "demo::FILES lists the files of sessions/");
    for f in FILES {
        let text = std::fs::read_to_string(shipped_dir().join(f.name)).unwrap();
        assert!(text == f.text(), "{} changed since it was embedded", f.name);
    }
}

#[test]
fn the_embedded_copy_loads_and_passes_check() {
    let dir = tempfile::tempdir().unwrap();
    atelier::demo::write_to(dir.path()).unwrap();
    let files = store::session_files(dir.path()).unwrap();
    assert_eq!(files.len(), FILES.len());
    let (mut sessions, mut records) = (0, 0);
    for path in files {
        let warnings = match store::load(&path) {
            Ok(s) => {
                sessions += 1;
                store::check_session(&s, Lang::En.strings())
            }
            Err(store::LoadError::OtherKind { .. }) => {
                records += 1;
                let r =
                    store::load_record(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                store::check_record(&r, Lang::En)
            }
            Err(e) => panic!("{}: {e}", path.display()),
        };
        assert!(warnings.is_empty(), "{}: {warnings:?}", path.display());
    }
    assert_eq!(sessions, 6, "two groups, three sessions each");
    assert_eq!(
        records, 11,
        "a training, two visits, two diagnoses each, and a mill"
    );
}

/// Every screen of the demo says so on its top line, the presenter view and a popup
/// included, in both languages and down to the smallest size atelier draws.
#[test]
fn every_demo_screen_says_it_is_a_demo() {
    use atelier::ui::{Model, Overlay, Screen, SessionUi};
    let now = chrono::Utc::now();
    for lang in [Lang::Fr, Lang::En] {
        let banner = lang.strings().demo.banner;
        let session = atelier::sample::bakers_session(now, 3);
        let mut model = Model::new(
            lang,
            atelier::method::Method::builtin(),
            "/demo".into(),
            now,
            1,
        );
        model.demo = true;
        let mut screens: Vec<(&str, Screen, Option<Overlay>)> = vec![("home", Screen::Home, None)];
        let ui = SessionUi::new(session.clone(), "/demo/s.ron".into(), false);
        screens.push(("session", Screen::Session(Box::new(ui)), None));
        let mut ui = SessionUi::new(session.clone(), "/demo/s.ron".into(), false);
        ui.presenter = true;
        screens.push(("presenter", Screen::Session(Box::new(ui)), None));
        let ui = SessionUi::new(session, "/demo/s.ron".into(), false);
        let help = Some(Overlay::Help { scroll: 0 });
        screens.push(("help", Screen::Session(Box::new(ui)), help));
        for (name, s, overlay) in screens {
            model.screen = s;
            model.overlay = overlay;
            for (w, h) in [(80, 24), (60, 16), (200, 50)] {
                let buf = screen::draw(&model, w, h);
                let top = screen::row_text(&buf, 0);
                assert!(
                    top.contains(banner),
                    "{name} {w}x{h}:\n{}",
                    screen::text(&buf)
                );
            }
        }
        model.demo = false;
        model.screen = Screen::Home;
        model.overlay = None;
        let buf = screen::draw(&model, 80, 24);
        assert!(!screen::text(&buf).contains(banner), "only in the demo");
    }
}

/// Waits until the demo copy in `tmp` holds a session file containing `text`.
fn wait_demo_file(tmp: &Path, text: &str) {
    let start = Instant::now();
    loop {
        let found = std::fs::read_dir(tmp)
            .into_iter()
            .flatten()
            .flatten()
            .flat_map(|d| store::session_files(&d.path()).unwrap_or_default())
            .any(|p| {
                std::fs::read_to_string(p)
                    .unwrap_or_default()
                    .contains(text)
            });
        if found {
            return;
        }
        assert!(
            start.elapsed() < tmux::WAIT,
            "{text:?} never saved in the demo copy under {}",
            tmp.display()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn the_demo_in_a_real_terminal_leaves_every_real_session_untouched() {
    if !tmux::available() {
        return;
    }
    let mut term = tmux::Term::new(100, 30);
    // The advisor's own folder, with a session in it, named by ATELIER_DIR.
    let real = term.path("real-sessions");
    store::ensure_dir(&real).unwrap();
    let mine = atelier::sample::bakers_first_session(chrono::Utc::now(), 99);
    store::save(&real.join("mine.ron"), &mine).unwrap();
    let real_before = tmux::snapshot(&real);
    let shipped_before = tmux::snapshot(&shipped_dir());

    term.start(&["demo"], &[("ATELIER_DIR", real.to_str().unwrap())]);
    let banner = Lang::Fr.strings().demo.banner;
    term.wait_for(banner);
    term.wait_for("Boulangers de Tanger");
    // Opens the bakers' session in progress, goes back to the needs and adds a card.
    term.keys(&["Enter"]);
    term.wait_for("Boulangers de Tanger · séance 3");
    term.keys(&["[", "[", "[", "["]);
    term.wait_for("Cartes (24)");
    term.keys(&["a"]);
    let card = "Carte de démonstration 🥖";
    term.text(card);
    term.keys(&["Enter"]);
    term.wait_for("Cartes (25)");
    let screen = term.wait_for(banner);
    assert!(
        screen.lines().next().unwrap_or("").contains(banner),
        "{screen}"
    );
    // Saved, as in real use, in the throwaway copy.
    wait_demo_file(&term.tmpdir(), card);
    term.esc();
    term.keys(&["q"]);
    assert_eq!(term.wait_exit(), 0);

    assert_eq!(
        tmux::snapshot(&real),
        real_before,
        "the real folder changed"
    );
    assert_eq!(
        tmux::snapshot(&shipped_dir()),
        shipped_before,
        "sessions/ changed"
    );
    let left: Vec<_> = std::fs::read_dir(term.tmpdir())
        .unwrap()
        .flatten()
        .collect();
    assert!(left.is_empty(), "the demo copy was not removed: {left:?}");
    // Its derived files too: nothing will ask for a folder that is gone.
    let cache = term.path("home").join(".cache").join("atelier");
    let derived: Vec<_> = std::fs::read_dir(&cache)
        .map(|d| d.flatten().map(|e| e.file_name()).collect())
        .unwrap_or_default();
    assert!(
        derived.is_empty(),
        "left in {}: {derived:?}",
        cache.display()
    );
}

/// The session in progress opens, in the demo, on the closing phase: the advisor's private
/// notes stay dots until their pane is chosen, and the status line does not say "Saved"
/// under a banner saying nothing is saved in the advisor's sessions.
#[test]
fn the_demo_session_opens_safe_to_project_and_never_claims_to_save() {
    use atelier::ui::{Model, Pane, Screen, SessionUi};
    let now = chrono::Utc::now();
    for lang in [Lang::Fr, Lang::En] {
        let s = lang.strings();
        let session = atelier::sample::bakers_session(now, 3);
        let notes: String = session.closing.private_notes.chars().take(34).collect();
        assert!(!notes.is_empty());
        let mut model = Model::new(
            lang,
            atelier::method::Method::builtin(),
            "/demo".into(),
            now,
            1,
        );
        let saved = s.saved_in.split("{}").next().unwrap().trim_end();
        for demo in [false, true] {
            model.demo = demo;
            let ui = SessionUi::new(session.clone(), "/demo/s.ron".into(), false);
            assert_eq!(ui.phase(), atelier::method::PhaseKind::Closing);
            model.screen = Screen::Session(Box::new(ui));
            for (w, h) in [(100, 40), (200, 50)] {
                let text = screen::text(&screen::draw(&model, w, h));
                // Outside the demo the notes show at these sizes: what is tested is the demo.
                assert_eq!(
                    text.contains(&notes),
                    !demo,
                    "demo {demo}, {w}x{h}:\n{text}"
                );
                assert_eq!(text.contains(saved), !demo, "{w}x{h}:\n{text}");
                if demo {
                    let copy = s.demo.saved_in_copy.split("{}").next().unwrap();
                    assert!(text.contains(copy.trim_end()), "{w}x{h}:\n{text}");
                }
            }
        }
        // Chosen on purpose (Tab to the pane), they show.
        if let Screen::Session(ui) = &mut model.screen {
            let phase = ui.phase();
            let i = Pane::for_phase(phase)
                .iter()
                .position(|p| *p == Pane::PrivateNotes)
                .unwrap();
            ui.focus.insert(phase, i);
        }
        let text = screen::text(&screen::draw(&model, 100, 40));
        assert!(text.contains(&notes), "{text}");
    }
}

/// Minutes exported in the demo outlive it: they go to `demo-exports/` in the data folder
/// (neither the copy, removed at quit, nor the advisor's sessions folder), and the status
/// line says where.
#[test]
fn demo_exports_are_kept_in_the_data_folder_and_the_path_is_said() {
    if !tmux::available() {
        return;
    }
    let mut term = tmux::Term::new(100, 30);
    let real = term.path("real-sessions");
    store::ensure_dir(&real).unwrap();
    let real_before = tmux::snapshot(&real);
    term.start(&["demo"], &[("ATELIER_DIR", real.to_str().unwrap())]);
    term.wait_for("Boulangers de Tanger");
    term.keys(&["Enter"]);
    term.wait_for("Boulangers de Tanger · séance 3");
    term.keys(&["X"]);
    let exports = term.path("data").join("atelier").join("demo-exports");
    let said = Lang::Fr.strings().demo.exported.split("{}").next().unwrap();
    let screen = term.wait_for(said.trim_end());
    let shown = exports.display().to_string();
    let status = screen
        .lines()
        .find(|l| l.contains(said.trim_end()))
        .unwrap();
    assert!(
        status.contains(&shown[..shown.len().min(30)]),
        "the path is said:\n{screen}"
    );
    term.esc();
    term.keys(&["q"]);
    assert_eq!(term.wait_exit(), 0);
    let mut names: Vec<String> = std::fs::read_dir(&exports)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 3, "md, html, csv: {names:?}");
    assert!(names.iter().all(|n| n.contains("boulangers-de-tanger_s03")));
    assert_eq!(
        tmux::snapshot(&real),
        real_before,
        "the real folder changed"
    );
    let left: Vec<_> = std::fs::read_dir(term.tmpdir())
        .unwrap()
        .flatten()
        .collect();
    assert!(left.is_empty(), "the demo copy was not removed: {left:?}");
}
