//! The command line, run as the real binary: `check`, `show`, `--method`, `--lang`, help.
//! Each test has its own HOME and XDG folders and passes `--dir`: the real home is never
//! touched. None starts the TUI (that needs a terminal: the end-to-end test does it).

mod common;

use atelier::model::{Author, Session};
use atelier::sample;
use atelier::store::{self};
use chrono::{TimeZone, Utc};
use common::binary::Env;
use std::fs;
use std::path::Path;
use std::process::Output;

/// What `cli.rs` adds to the shared environment: a run read back as text.
trait RunText {
    fn run(&self, args: &[&str]) -> Run;
}

impl RunText for Env {
    fn run(&self, args: &[&str]) -> Run {
        Run::from(self.cmd().args(args).output().unwrap())
    }
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl From<Output> for Run {
    fn from(o: Output) -> Run {
        Run {
            code: o.status.code().unwrap_or(-1),
            stdout: String::from_utf8(o.stdout).unwrap(),
            stderr: String::from_utf8(o.stderr).unwrap(),
        }
    }
}

fn bakers() -> Session {
    sample::bakers_session(Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap(), 7)
}

/// Runs atelier with its output to a pipe, as `atelier > file` or a script would, killing it
/// after a few seconds if it waits for keys (what it did before it checked for a terminal).
fn run_without_terminal(env: &Env, args: &[&str]) -> Run {
    let child = env
        .cmd()
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let waiter = std::thread::spawn(move || child.wait_with_output().unwrap());
    let start = std::time::Instant::now();
    while !waiter.is_finished() && start.elapsed() < std::time::Duration::from_secs(10) {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    if !waiter.is_finished() {
        let _ = std::process::Command::new("kill")
            .args(["-9", &pid.to_string()])
            .status();
    }
    Run::from(waiter.join().unwrap())
}

#[test]
fn the_full_screen_program_without_a_terminal_says_so_and_creates_nothing() {
    let env = Env::new();
    let new_dir = env.home.path().join("not-yet");
    let dir = new_dir.to_str().unwrap();
    let session = env.save(&bakers());
    let file = session.to_str().unwrap();
    for args in [
        vec!["--lang", "en", "--dir", dir],
        vec!["--lang", "en", "demo"],
        vec!["--lang", "en", "follow", file],
        vec!["--lang", "en", "replay", file],
    ] {
        let run = run_without_terminal(&env, &args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(
            run.stderr.contains("needs a terminal")
                && run
                    .stderr
                    .contains("check, show, export, report and config"),
            "{args:?}: {}",
            run.stderr
        );
        assert!(run.stdout.is_empty(), "{args:?}: nothing drawn to a pipe");
        assert!(!new_dir.exists(), "{args:?}: no folder created");
    }
    let run = run_without_terminal(&env, &["--dir", dir]);
    assert!(
        run.stderr.contains("a besoin d'un terminal"),
        "{}",
        run.stderr
    );
}

// ---------------------------------------------------------------------------------------------
// check
// ---------------------------------------------------------------------------------------------

#[test]
fn check_passes_a_folder_of_good_sessions() {
    let env = Env::new();
    for s in sample::series(Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap(), 3) {
        env.save(&s);
    }
    let run = env.run(&["--lang", "en", "check", "--dir", env.dir()]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert_eq!(run.stdout, "3 files checked, all readable.\n");

    // The default folder comes from ATELIER_DIR.
    let run = Run::from(
        env.cmd()
            .env("ATELIER_DIR", &env.dir)
            .args(["check", "--lang", "fr"])
            .output()
            .unwrap(),
    );
    assert_eq!(run.stdout, "3 fichiers vérifiés, tous lisibles.\n");
}

#[test]
fn check_reports_each_bad_file_as_file_line_column_and_leaves_it_alone() {
    let env = Env::new();
    let good = env.save(&bakers());
    let text = fs::read_to_string(&good).unwrap();
    let bad: Vec<(&str, Vec<u8>)> = vec![
        ("a-empty.ron", Vec::new()),
        (
            "b-truncated.ron",
            text.as_bytes()[..text.len() / 2].to_vec(),
        ),
        ("c-garbage.ron", b"PK\x03\x04 not a session at all".to_vec()),
        (
            "d-invalid.ron",
            [b"(\n  version: 1,\n  id: \"".as_slice(), b"\xc3\x28\"\n"].concat(),
        ),
        (
            "e-newer.ron",
            text.replacen("version: 2,", "version: 3,", 1).into_bytes(),
        ),
    ];
    for (name, bytes) in &bad {
        fs::write(env.dir.join(name), bytes).unwrap();
    }
    let run = env.run(&["check", "--lang", "en", "--dir", env.dir()]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 6, "{}", run.stdout);
    let dir = env.dir();
    let cut_line = text[..text.len() / 2].trim_end().lines().count();
    assert!(lines[0].starts_with(&format!("{dir}/a-empty.ron:1:1: the file is empty")));
    assert!(
        lines[1].starts_with(&format!("{dir}/b-truncated.ron:{cut_line}:")),
        "{}",
        lines[1]
    );
    assert!(lines[1].contains("ends too early"));
    assert!(lines[2].starts_with(&format!(
        "{dir}/c-garbage.ron:1:1: this is not a valid session"
    )));
    assert!(
        lines[3].starts_with(&format!("{dir}/d-invalid.ron:3:8: the file is not UTF-8")),
        "{}",
        lines[3]
    );
    assert!(lines[4].starts_with(&format!(
        "{dir}/e-newer.ron:1:1: written by a newer atelier (file version 3)"
    )));
    assert_eq!(
        lines[5],
        "6 files checked: 5 unreadable, 0 warnings. Unreadable files are left as they are: restore a copy or fix them at the place shown; warnings do not stop a session from opening."
    );

    for (name, bytes) in &bad {
        assert_eq!(
            &fs::read(env.dir.join(name)).unwrap(),
            bytes,
            "{name} untouched"
        );
    }
    assert_eq!(fs::read_to_string(&good).unwrap(), text);
    assert_eq!(
        fs::read_dir(&env.dir).unwrap().count(),
        6,
        "nothing added to the folder"
    );
}

#[test]
fn check_takes_files_and_folders_and_reports_missing_ones() {
    let env = Env::new();
    let good = env.save(&bakers());
    let good = good.to_str().unwrap();
    let run = env.run(&["check", "--lang", "en", good]);
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (0, "1 file checked, readable.\n")
    );

    let missing = env.home.path().join("nowhere.ron");
    let run = env.run(&["check", "--lang", "en", good, missing.to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.starts_with(&format!(
        "{}:1:1: no such file or folder",
        missing.display()
    )));

    let empty = env.home.path().join("empty-folder");
    fs::create_dir(&empty).unwrap();
    let run = env.run(&["check", "--lang", "en", "--dir", empty.to_str().unwrap()]);
    assert_eq!(run.code, 0);
    assert!(
        run.stdout.starts_with("No session file in"),
        "{}",
        run.stdout
    );
}

#[test]
fn check_warns_about_links_that_lead_nowhere_and_copies_of_a_session() {
    let env = Env::new();
    let mut s = bakers();
    s.needs.cards[2].author = Author::Member("ghost0000001".into());
    let path = env.save(&s);
    let copy = env.dir.join("copy.ron");
    s.saved -= chrono::TimeDelta::hours(1);
    store::save(&copy, &s).unwrap();

    let run = env.run(&["check", "--lang", "en", "--dir", env.dir()]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    let text = fs::read_to_string(&path).unwrap();
    let card_line = 1 + text
        .lines()
        .position(|l| l.contains(&format!("\"{}\"", s.needs.cards[2].id)))
        .unwrap();
    let expected = format!("{}:{card_line}:", path.display());
    let warning = run
        .stdout
        .lines()
        .find(|l| l.starts_with(&expected))
        .unwrap_or_else(|| panic!("no line starting with {expected} in\n{}", run.stdout));
    assert!(
        warning.contains(": warning: card \"") && warning.contains("ghost0000001"),
        "{warning}"
    );
    let duplicate = run
        .stdout
        .lines()
        .find(|l| l.contains("same session as"))
        .unwrap();
    assert!(
        duplicate.starts_with(&format!("{}:", copy.display())),
        "{duplicate}"
    );
    assert!(duplicate.contains(path.to_str().unwrap()));
}

// ---------------------------------------------------------------------------------------------
// show
// ---------------------------------------------------------------------------------------------

#[test]
fn show_prints_every_phase_without_phones_or_private_notes() {
    let env = Env::new();
    let s = bakers();
    let path = env.save(&s);
    let phones: Vec<&str> = s
        .group
        .members
        .iter()
        .map(|m| m.phone.as_str())
        .filter(|p| !p.is_empty())
        .collect();
    assert!(
        !phones.is_empty() && !s.closing.private_notes.is_empty(),
        "the sample has both"
    );
    let notes_line = s.closing.private_notes.lines().next().unwrap();

    let run = env.run(&["show", "--lang", "fr", path.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = &run.stdout;
    for p in &phones {
        assert!(!out.contains(p), "phone {p} shown without --private");
    }
    assert!(
        !out.contains(notes_line),
        "private notes shown without --private"
    );
    assert!(!out.contains("Notes privées"));
    for phase in &s.method.phases {
        assert!(
            out.contains(phase.title.get(atelier::i18n::Lang::Fr)),
            "{}",
            phase.title.fr
        );
    }
    assert!(out.starts_with(&format!("{} — séance {}\n", s.group.name, s.number)));
    assert!(out.contains(&s.needs.cards[0].text), "cards are shown");
    assert!(out.contains(&s.plan.actions[0].what), "actions are shown");
    assert!(out.contains("prévu "), "planned and actual minutes");

    let run = env.run(&["show", "--private", "--lang", "en", path.to_str().unwrap()]);
    assert_eq!(run.code, 0);
    for p in &phones {
        assert!(run.stdout.contains(p), "phone {p} missing with --private");
    }
    assert!(run.stdout.contains("Advisor's private notes"));
    assert!(run.stdout.contains(notes_line));
}

#[test]
fn show_finds_a_session_by_id_or_its_first_characters() {
    let env = Env::new();
    let s = bakers();
    env.save(&s);
    let prefix = &s.id.as_str()[..4];
    let run = env.run(&["show", "--dir", env.dir(), prefix]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains(&s.group.name));

    let run = env.run(&["show", "--lang", "en", "--dir", env.dir(), "zzzzzz"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .starts_with("No session or record (visit, activity, diagnosis) matches \"zzzzzz\""),
        "{}",
        run.stderr
    );
}

#[test]
fn show_finds_a_session_by_the_bare_file_name_the_status_line_shows() {
    let env = Env::new();
    let s = bakers();
    let path = env.save(&s);
    let name = path.file_name().unwrap().to_str().unwrap();
    // The name alone, run from elsewhere than the folder: a name in the folder is enough.
    let run = env.run(&["show", "--dir", env.dir(), name]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains(&s.group.name));
    // Without its `.ron` too.
    let stem = name.strip_suffix(".ron").unwrap();
    let run = env.run(&["export", "--dir", env.dir(), stem, "--format", "md"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains(&s.group.name));
}

#[test]
fn show_of_a_bad_file_says_where_it_breaks() {
    let env = Env::new();
    let path = env.dir.join("bad.ron");
    fs::write(&path, "(\n  version: 1,\n  id: oops\n)").unwrap();
    let run = env.run(&["show", "--lang", "en", path.to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.starts_with(&format!("{}:3:", path.display())),
        "{}",
        run.stderr
    );
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        "(\n  version: 1,\n  id: oops\n)"
    );
}

// ---------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------

#[test]
fn a_broken_method_file_is_refused_at_start_with_its_place() {
    let env = Env::new();
    let method = env.home.path().join("method.ron");
    fs::write(&method, "(\n    id: \"x\",\n    name: oops,\n)\n").unwrap();
    let run = env.run(&[
        "--lang",
        "en",
        "--dir",
        env.dir(),
        "--method",
        method.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.starts_with(&format!("{}:3:", method.display())),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("without --method"), "{}", run.stderr);

    let missing = env.run(&["--dir", env.dir(), "--method", "/nonexistent/m.ron"]);
    assert_eq!(missing.code, 2);
    assert!(missing.stderr.contains("/nonexistent/m.ron"));
}

#[test]
fn the_language_comes_from_the_flag_then_lang() {
    let env = Env::new();
    let english = Run::from(
        env.cmd()
            .env("LANG", "en_GB.UTF-8")
            .arg("--help")
            .output()
            .unwrap(),
    );
    assert_eq!(english.code, 0);
    assert!(
        english.stdout.contains("Print this help"),
        "{}",
        english.stdout
    );
    let french = Run::from(
        env.cmd()
            .env("LANG", "fr_MA.UTF-8")
            .arg("--help")
            .output()
            .unwrap(),
    );
    assert!(french.stdout.contains("Afficher cette aide"));
    let flag = Run::from(
        env.cmd()
            .env("LANG", "en_US.UTF-8")
            .args(["--lang", "fr", "--help"])
            .output()
            .unwrap(),
    );
    assert!(flag.stdout.contains("Afficher cette aide"));
    let bad = env.run(&["--lang", "de", "check"]);
    assert_eq!(bad.code, 2);
    assert!(
        bad.stderr.contains("(valeurs possibles\u{a0}: fr, en)"),
        "{}",
        bad.stderr
    );
}

#[test]
fn refusals_of_the_command_line_are_in_the_chosen_language_and_exit_2() {
    let env = Env::new();
    // French (no LANG): clap's own English would say "the following required arguments".
    let run = env.run(&["show"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "erreur\u{a0}: il manque\u{a0}: <FICHIER|ID>\n\n\
         Utilisation : atelier show <FICHIER|ID>\n\n\
         Pour en savoir plus, essayez --help.\n"
    );
    // English asked for, French environment: the value error is English to its end.
    let run = env
        .cmd()
        .env("LANG", "fr_MA.UTF-8")
        .args(["--lang", "en", "export", "x", "--format", "pdf"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(run.stderr).unwrap();
    assert_eq!(run.status.code(), Some(2));
    assert!(
        stderr.starts_with(
            "error: \"pdf\" does not fit --format <md|html|csv> (possible values: md, html or csv)"
        ),
        "{stderr}"
    );
}

#[test]
fn version_and_help() {
    let env = Env::new();
    let v = env.run(&["--version"]);
    assert_eq!(
        (v.code, v.stdout.trim()),
        (0, format!("atelier {}", env!("CARGO_PKG_VERSION")).as_str())
    );
    let h = env.run(&["check", "--help", "--lang", "en"]);
    assert_eq!(h.code, 0);
    assert!(h.stdout.contains("Usage: atelier check"));
}

/// The helper's own guarantee: nothing of the run lands in the (temporary) home.
#[test]
fn commands_that_only_read_create_nothing() {
    let env = Env::new();
    env.run(&["check"]);
    env.run(&["show", "abc"]);
    let data = env.home.path().join("data");
    assert!(
        !data.exists(),
        "check and show must not create the default folder"
    );
    assert!(Path::new(env.dir()).exists());
}

/// `atelier show` prints exactly the document the TUI's session view renders.
#[test]
fn show_prints_the_document_that_the_tui_renders() {
    use atelier::i18n::Lang;
    use atelier::show::{LineKind, show, to_text};
    let env = Env::new();
    let s = bakers();
    let path = env.save(&s);
    let loaded = store::load(&path).unwrap();
    for lang in [Lang::Fr, Lang::En] {
        let doc = show(&loaded, lang, false);
        assert_eq!(doc[0].kind, LineKind::Title);
        let headings = doc.iter().filter(|l| l.kind == LineKind::Heading).count();
        assert_eq!(headings, s.method.phases.len());
        let code = if lang == Lang::Fr { "fr" } else { "en" };
        let run = env.run(&["show", "--lang", code, path.to_str().unwrap()]);
        assert_eq!(run.stdout, to_text(&doc, lang));
    }
}
