//! A sessions folder atelier cannot write (issue 11, point 8): the TUI opens it read-only,
//! says so on every screen, opens sessions read-only, refuses to create one with a sentence
//! that says why and what to do, exports to `exports/` in the OS data folder, and writes
//! nothing in the folder.
//!
//! The folder is made read-only by its bits (chmod 0500). Root is not stopped by bits, so
//! when running as root (CI) atelier is also run in a mount namespace of its own where the
//! folder is bind-mounted read-only (`unshare -m`): atelier's write probe then fails as it
//! would on a read-only share. When neither holds (root without the right to mount), the
//! real-terminal test says it is skipped.

#[allow(dead_code)] // the drawing helpers of the render tests, two of them used here
#[path = "common/screen.rs"]
mod screen;
#[path = "common/tmux.rs"]
mod tmux;

use atelier::i18n::Lang;
use atelier::ui::{Model, Overlay, Screen, SessionUi};
use std::path::{Path, PathBuf};

fn shipped_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions")
}

/// Whether a file can be created in `dir` (what atelier's own probe does).
fn writable(dir: &Path) -> bool {
    tempfile::tempfile_in(dir).is_ok()
}

fn set_mode(dir: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// Puts the folder's bits back so the temporary folder can be removed, whatever happens.
struct Restore(PathBuf);

impl Drop for Restore {
    fn drop(&mut self) {
        set_mode(&self.0, 0o700);
    }
}

/// What runs atelier so that `dir` is read-only to it: nothing when its bits suffice, a
/// private read-only bind mount for root; `None` when that cannot be made here.
fn read_only_wrapper(dir: &Path) -> Option<Vec<String>> {
    if !writable(dir) {
        return Some(Vec::new());
    }
    let script =
        r#"mount --bind "$1" "$1" && mount -o remount,ro,bind "$1" "$1" && shift && exec "$@""#;
    let d = dir.to_string_lossy().into_owned();
    let wrapper: Vec<String> = ["unshare", "-m", "sh", "-c", script, "sh", &d]
        .map(String::from)
        .to_vec();
    // The same mount around `touch`: it must fail, or the folder is not read-only.
    let probe = std::process::Command::new(&wrapper[0])
        .args(&wrapper[1..])
        .args(["touch", &format!("{d}/.probe")])
        .output();
    let read_only = probe.is_ok_and(|o| !o.status.success() && !dir.join(".probe").exists());
    read_only.then_some(wrapper)
}

/// Every screen says the folder is read-only on its top line, in both languages and down
/// to the smallest size atelier draws; not when the folder can be written.
#[test]
fn every_screen_of_a_read_only_folder_says_so() {
    let now = chrono::Utc::now();
    for lang in [Lang::Fr, Lang::En] {
        let banner = lang.strings().demo.read_only_banner;
        let session = atelier::sample::bakers_session(now, 3);
        let mut model = Model::new(
            lang,
            atelier::method::Method::builtin(),
            "/ro".into(),
            now,
            1,
        );
        model.folder_read_only = true;
        let mut screens: Vec<(&str, Screen, Option<Overlay>)> = vec![("home", Screen::Home, None)];
        let ui = SessionUi::new(session.clone(), "/ro/s.ron".into(), true);
        screens.push(("session", Screen::Session(Box::new(ui)), None));
        let mut ui = SessionUi::new(session.clone(), "/ro/s.ron".into(), true);
        ui.presenter = true;
        screens.push(("presenter", Screen::Session(Box::new(ui)), None));
        let ui = SessionUi::new(session, "/ro/s.ron".into(), true);
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
        model.folder_read_only = false;
        model.screen = Screen::Home;
        model.overlay = None;
        let buf = screen::draw(&model, 80, 24);
        assert!(!screen::text(&buf).contains(banner), "only when read-only");
    }
}

/// The real binary at 80×24 on a read-only folder: it starts (it used to refuse, exit 2),
/// shows the banner, refuses a new group and a next session with a sentence, opens a
/// session read-only, exports to `exports/` in the data folder and says where, and leaves
/// the folder as it was.
#[test]
fn a_read_only_folder_opens_to_read_and_export() {
    if !tmux::available() {
        return;
    }
    let mut term = tmux::Term::new(80, 24);
    let dir = term.path("sessions");
    std::fs::create_dir(&dir).unwrap();
    for entry in std::fs::read_dir(shipped_dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "ron") {
            std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
        }
    }
    let before = tmux::snapshot(&dir);
    set_mode(&dir, 0o500);
    let _restore = Restore(dir.clone());
    let Some(wrapper) = read_only_wrapper(&dir) else {
        set_mode(&dir, 0o700);
        assert!(
            std::env::var("CI").is_err(),
            "running as root, and no read-only mount could be made (unshare -m): the \
             read-only folder test cannot run"
        );
        eprintln!(
            "SKIPPED: running as root, whom permission bits do not stop, and no read-only \
             mount could be made here (unshare -m, mount): the read-only folder did not run"
        );
        return;
    };
    let s = Lang::En.strings();
    let d = s.demo;
    let wrapper: Vec<&str> = wrapper.iter().map(String::as_str).collect();
    let dir_arg = dir.to_string_lossy().into_owned();
    term.start_wrapped(&wrapper, &["--lang", "en", "--dir", &dir_arg], &[]);
    let screen = term.wait_for(d.read_only_banner);
    assert!(screen.contains("Bakers of Tangier") || screen.contains("Boulangers"));
    // New group, next session: refused, saying why and what to do.
    term.keys(&["n"]);
    term.wait_for(d.read_only_refused);
    term.esc();
    term.wait_gone(d.read_only_refused);
    term.keys(&["s"]);
    term.wait_for(d.read_only_refused);
    // The first group has a session under way: Enter opens it, read-only.
    term.keys(&["Enter"]);
    let screen = term.wait_for(d.read_only_session);
    assert!(screen.contains(s.read_only_badge), "{screen}");
    assert!(screen.lines().next().unwrap().contains(d.read_only_banner));
    // An edit is refused with the same sentence, not the one about another atelier.
    term.keys(&["a"]);
    std::thread::sleep(std::time::Duration::from_millis(200));
    let screen = term.screen();
    assert!(!screen.contains(s.session_read_only), "{screen}");
    // Exports go to exports/ of the data folder, and the status line says where.
    term.keys(&["X"]);
    let exports = term.path("data").join("atelier").join("exports");
    let said = atelier::i18n::fill(d.read_only_exported, &[&exports.display()]);
    term.wait_for(&said);
    let written: Vec<String> = std::fs::read_dir(&exports)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(written.len(), 3, "{written:?}");
    assert!(written.iter().any(|n| n.ends_with(".md")));
    // Home again, then quit: nothing was written in the folder (no lock, no summary cache,
    // no setup draft).
    term.esc();
    term.wait_for(d.read_only_banner);
    term.keys(&["q"]);
    assert_eq!(term.wait_exit(), 0);
    set_mode(&dir, 0o700);
    assert_eq!(
        tmux::snapshot(&dir),
        before,
        "the read-only folder was changed"
    );
}
