//! The configuration file through the real binary: used when there, overridden by the
//! environment, which the command line overrides; an invalid file is said with its
//! `file:line:column` and atelier goes on with the defaults. Then, by message scripts, what
//! the interactive program does with it: the advisor prefilled in a new group's setup, the
//! dot budget of a new session, the problem said on the first screen.

mod common;
#[path = "common/tmux.rs"]
mod tmux;

use atelier::config::{self, Env, FileConfig, FileState, Flags, Startup};
use atelier::i18n::Lang;
use atelier::model::Change;
use atelier::ui::{FieldId, Screen};
use common::Harness;
use common::binary::atelier;
use common::screen::{draw, text};
use ratatui::crossterm::event::KeyCode;
use std::path::{Path, PathBuf};
use std::process::Output;

/// A temporary home whose OS config folder (`XDG_CONFIG_HOME`) is `home/config`.
struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Home {
        Home {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Where atelier looks for the file when nothing names another one.
    fn config_file(&self) -> PathBuf {
        self.path().join("config/atelier/config.ron")
    }

    fn write_config(&self, text: &str) -> PathBuf {
        let path = self.config_file();
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        path
    }

    fn run(&self, args: &[&str], env: &[(&str, &str)]) -> (String, String, i32) {
        let mut cmd = atelier(self.path());
        cmd.args(args);
        for (k, v) in env {
            cmd.env(k, v);
        }
        let Output {
            stdout,
            stderr,
            status,
        } = cmd.output().unwrap();
        (
            String::from_utf8_lossy(&stdout).into_owned(),
            String::from_utf8_lossy(&stderr).into_owned(),
            status.code().unwrap_or(-1),
        )
    }
}

/// The line of `atelier config` for a setting, spaces squeezed: "theme light (variable …)".
fn setting(report: &str, label: &str) -> String {
    let line = report
        .lines()
        .find(|l| l.trim_start().starts_with(label))
        .unwrap_or_else(|| panic!("{label} in\n{report}"));
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn full_file(sessions: &Path) -> String {
    format!(
        "// Samira's laptop\n(\n    lang: En,\n    theme: HighContrast,\n    dot_budget: 5,\n    sessions_dir: \"{}\",\n    advisor: \"Samira Benjelloun\",\n)\n",
        sessions.display()
    )
}

#[test]
fn the_file_is_used_when_nothing_else_says_otherwise() {
    let home = Home::new();
    let sessions = home.path().join("seances");
    let file = home.write_config(&full_file(&sessions));
    let (out, err, code) = home.run(&["config"], &[]);
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
    assert!(
        out.starts_with(&format!("Configuration file: {} (read)", file.display())),
        "{out}"
    );
    assert_eq!(
        setting(&out, "language"),
        "language en (configuration file)"
    );
    assert_eq!(
        setting(&out, "theme"),
        "theme high contrast (configuration file)"
    );
    // The binary's environment has NO_COLOR: said, and high contrast keeps its emphasis.
    assert_eq!(setting(&out, "colours"), "colours no (NO_COLOR)");
    assert_eq!(
        setting(&out, "dots"),
        "dots per member 5 (configuration file)"
    );
    assert_eq!(
        setting(&out, "advisor"),
        "advisor Samira Benjelloun (configuration file)"
    );
    assert!(setting(&out, "sessions folder").contains(&sessions.display().to_string()));

    // The other commands take the folder and the language from it too.
    std::fs::create_dir_all(&sessions).unwrap();
    let (out, err, code) = home.run(&["check"], &[]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains(&sessions.display().to_string()), "{out}");
    assert!(!out.contains("séance"), "English, from the file: {out}");
    // Even the help speaks the file's language.
    let (out, _, code) = home.run(&["--help"], &[]);
    assert_eq!(code, 0);
    assert!(out.contains("Usage:") && out.contains("--theme"), "{out}");
    // `--path`: the path alone, for scripts.
    let (out, _, _) = home.run(&["config", "--path"], &[]);
    assert_eq!(out.trim_end(), file.display().to_string());
}

/// The programme's own diagnosis questions, named by the file: counted by `atelier
/// config`; a file that breaks the core is said on stderr (exit 1) and left aside.
#[test]
fn the_programmes_diagnosis_questions_are_named_by_the_file() {
    let home = Home::new();
    let questions = home.path().join("config/atelier/programme.ron");
    std::fs::create_dir_all(questions.parent().unwrap()).unwrap();
    std::fs::write(
        &questions,
        "[(id: \"export_plans\", label: (fr: \"Projette d'exporter\", en: \"Plans to export\"), answer: YesNo)]",
    )
    .unwrap();
    home.write_config("(lang: En, diagnosis_questions: \"programme.ron\")");
    let (out, err, code) = home.run(&["config"], &[]);
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
    assert!(
        setting(&out, "diagnosis questions").starts_with(&format!(
            "diagnosis questions 10 core + 1 of the programme ({})",
            questions.display()
        )),
        "{out}"
    );
    // A question taking a core id: said, and the core alone is asked.
    std::fs::write(
        &questions,
        "[(id: \"cnss\", label: (fr: \"x\", en: \"y\"), answer: Count)]",
    )
    .unwrap();
    let (out, err, code) = home.run(&["config"], &[]);
    assert_eq!(code, 1, "{out}");
    assert!(err.contains("the id `cnss` is taken"), "{err}");
    assert!(err.contains("core questions alone"), "{err}");
    assert!(
        setting(&out, "diagnosis questions").starts_with("diagnosis questions 10 core + 0"),
        "{out}"
    );
}

#[test]
fn without_a_file_the_defaults_apply_and_nothing_is_said() {
    let home = Home::new();
    let (out, err, code) = home.run(&["config"], &[]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(
        out.contains("(absent : les valeurs par défaut s'appliquent)"),
        "{out}"
    );
    assert_eq!(setting(&out, "langue"), "langue fr (par défaut)");
    assert_eq!(setting(&out, "thème"), "thème sombre (par défaut)");
    assert_eq!(
        setting(&out, "gommettes"),
        "gommettes par membre 3 (par défaut)"
    );
    let (_, err, code) = home.run(&["check", home.path().to_str().unwrap()], &[]);
    assert_eq!((code, err.as_str()), (0, ""));
}

#[test]
fn the_environment_overrides_the_file() {
    let home = Home::new();
    home.write_config(&full_file(&home.path().join("seances")));
    let other = home.path().join("autres");
    let env = [
        ("ATELIER_LANG", "fr"),
        ("ATELIER_THEME", "light"),
        ("ATELIER_DIR", other.to_str().unwrap()),
    ];
    let (out, err, code) = home.run(&["config"], &env);
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
    assert_eq!(setting(&out, "langue"), "langue fr (variable ATELIER_LANG)");
    assert_eq!(
        setting(&out, "thème"),
        "thème clair (variable ATELIER_THEME)"
    );
    assert_eq!(
        setting(&out, "dossier"),
        format!(
            "dossier des séances {} (variable ATELIER_DIR)",
            other.display()
        )
    );
    // What the environment does not set still comes from the file.
    assert_eq!(
        setting(&out, "gommettes"),
        "gommettes par membre 5 (fichier de configuration)"
    );
    // LANG speaks for every program: the file, written for atelier, speaks over it.
    let (out, _, _) = home.run(&["config"], &[("LANG", "fr_MA.UTF-8")]);
    assert_eq!(
        setting(&out, "language"),
        "language en (configuration file)"
    );

    // ATELIER_CONFIG names another file.
    let elsewhere = home.path().join("projector.ron");
    std::fs::write(&elsewhere, "(theme: Light, lang: Fr)").unwrap();
    let (out, err, code) = home.run(
        &["config"],
        &[("ATELIER_CONFIG", elsewhere.to_str().unwrap())],
    );
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(
        out.contains(&format!(
            "{} (lu, désigné par variable ATELIER_CONFIG)",
            elsewhere.display()
        )),
        "{out}"
    );
    assert_eq!(
        setting(&out, "thème"),
        "thème clair (fichier de configuration)"
    );
}

#[test]
fn flags_override_the_environment() {
    let home = Home::new();
    home.write_config(&full_file(&home.path().join("seances")));
    let flag_dir = home.path().join("cle-usb");
    let env = [
        ("ATELIER_LANG", "fr"),
        ("ATELIER_THEME", "light"),
        ("ATELIER_DIR", "/tmp/ignored-by-the-flag"),
    ];
    let args = [
        "--lang",
        "en",
        "--theme",
        "high-contrast",
        "--dir",
        flag_dir.to_str().unwrap(),
        "config",
    ];
    let (out, err, code) = home.run(&args, &env);
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
    assert_eq!(setting(&out, "language"), "language en (option --lang)");
    assert_eq!(
        setting(&out, "theme"),
        "theme high contrast (option --theme)"
    );
    assert_eq!(
        setting(&out, "sessions folder"),
        format!("sessions folder {} (option --dir)", flag_dir.display())
    );
    // --config wins over ATELIER_CONFIG.
    let mine = home.path().join("mine.ron");
    std::fs::write(&mine, "(dot_budget: 7)").unwrap();
    let (out, _, _) = home.run(
        &["--lang", "en", "--config", mine.to_str().unwrap(), "config"],
        &[("ATELIER_CONFIG", "/nowhere/else.ron")],
    );
    assert!(out.contains("named by option --config"), "{out}");
    assert_eq!(
        setting(&out, "dots"),
        "dots per member 7 (configuration file)"
    );
    // A theme the flag does not know is refused by the command line itself.
    let (_, err, code) = home.run(&["--theme", "blue", "config"], &[]);
    assert_eq!(code, 2);
    assert!(err.contains("blue"), "{err}");
}

#[test]
fn an_invalid_file_is_said_with_its_place_and_the_defaults_apply() {
    let home = Home::new();
    let sessions = home.path().join("seances");
    std::fs::create_dir_all(&sessions).unwrap();
    let cases = [
        // (file, line:column, words of the problem)
        (
            "(\n    lang: En,\n    theme: Blue,\n)\n",
            "3:12",
            "thème inconnu « Blue »",
        ),
        ("(\n    lang: En\n    theme: Dark,\n)\n", "3:5", "syntaxe"),
        (
            "(\n    colour: Blue,\n)\n",
            "2:5",
            "champ inconnu « colour »",
        ),
        (
            "(\n    dot_budget: \"five\",\n)\n",
            "2:16",
            "valeur ou syntaxe",
        ),
        ("(\n    dot_budget: 0,\n)\n", "2:5", "de 1 à 99"),
        (
            "(\n    theme: \"high-contrast\",\n)\n",
            "2:12",
            "sans guillemets",
        ),
    ];
    for (content, place, words) in cases {
        let file = home.write_config(content);
        let expected = format!(
            "{}:{place} : fichier de configuration ignoré",
            file.display()
        );
        // Any command goes on, with the defaults: French, the OS folder unless --dir.
        let (out, err, code) = home.run(&["check", sessions.to_str().unwrap()], &[]);
        assert_eq!(code, 0, "{content}: {out}{err}");
        assert!(err.starts_with(&expected), "{content}: {err}");
        assert!(err.contains(words), "{content}: {err}");
        assert!(err.contains("réglages par défaut"), "{err}");
        assert!(out.starts_with("Aucun fichier"), "French: {out}");
        // `atelier config` shows the defaults in force and fails, for scripts.
        let (out, err, code) = home.run(&["config"], &[]);
        assert_eq!(code, 1);
        assert!(out.contains("(ignoré"), "{out}");
        assert_eq!(setting(&out, "thème"), "thème sombre (par défaut)");
        assert!(err.starts_with(&expected), "{err}");
    }
    // In English, with the file named on the command line and missing.
    let (_, err, code) = home.run(
        &["--lang", "en", "--config", "/nowhere/x.ron", "config"],
        &[],
    );
    assert_eq!(code, 1);
    assert!(
        err.starts_with("/nowhere/x.ron: configuration file ignored: file not found"),
        "{err}"
    );
    // A value of a variable that means nothing is said and skipped as well.
    std::fs::remove_file(home.config_file()).unwrap();
    let (out, err, code) = home.run(&["config"], &[("ATELIER_THEME", "blue")]);
    assert_eq!(code, 1);
    assert!(err.contains("ATELIER_THEME=blue"), "{err}");
    assert_eq!(setting(&out, "thème"), "thème sombre (par défaut)");
}

#[test]
fn the_example_printed_is_a_file_atelier_reads() {
    let home = Home::new();
    for lang in ["fr", "en"] {
        let (example, _, code) = home.run(&["--lang", lang, "config", "--example"], &[]);
        assert_eq!(code, 0);
        home.write_config(&example);
        let (out, err, code) = home.run(&["--lang", lang, "config"], &[]);
        assert_eq!((code, err.as_str()), (0, ""), "{example}\n{out}");
    }
}

// ---------------------------------------------------------------------------------------
// What the interactive program does with it

/// The settings a file gives, as `Startup::load` would hand them to the program.
fn startup_from(text: &str) -> Startup {
    let path = Path::new("/home/samira/.config/atelier/config.ron");
    let (file, state) = match config::parse(text, path, None) {
        Ok(f) => (f, FileState::Read),
        Err((at, problem)) => (
            FileConfig::default(),
            FileState::Ignored(config::ConfigError {
                path: path.to_path_buf(),
                at,
                problem,
            }),
        ),
    };
    Startup {
        settings: config::resolve(&Flags::default(), &Env::default(), &file),
        location: None,
        file: state,
        diagnosis: Ok(atelier::model::dated::core_questions()),
    }
}

fn harness_with(text: &str) -> Harness {
    let mut h = Harness::new();
    startup_from(text).prefs().apply(&mut h.model);
    h
}

fn advisor_field(h: &Harness) -> String {
    match &h.model.screen {
        Screen::Setup(s) => s.form.value(FieldId::Advisor),
        _ => panic!("the setup screen"),
    }
}

#[test]
fn a_new_group_s_setup_has_the_advisor_of_the_file() {
    let mut h = harness_with("(advisor: \"Samira Benjelloun\")");
    h.keys("n");
    assert_eq!(advisor_field(&h), "Samira Benjelloun");
    let screen = text(&draw(&h.model, 80, 24));
    assert!(
        screen
            .lines()
            .any(|l| l.contains("Conseiller*") && l.contains("Samira Benjelloun")),
        "{screen}"
    );
    // Without the file, the field waits empty as before.
    let mut h = Harness::new();
    h.keys("n");
    assert_eq!(advisor_field(&h), "");
}

#[test]
fn a_new_session_has_the_dot_budget_of_the_file() {
    let mut h = harness_with("(dot_budget: 5, advisor: \"Samira Benjelloun\")");
    h.keys("n");
    h.keys("Boulangers de Tanger");
    h.tab();
    h.keys("Boulangerie");
    // The advisor is there already: past the other fields, on to the members.
    for _ in 0..8 {
        h.tab();
    }
    h.keys("a");
    h.keys("Youssef Benali");
    h.tab();
    h.keys("Boulangerie L'Épi d'Or");
    for _ in 0..7 {
        h.enter();
    }
    h.ctrl('s');
    assert_eq!(h.created.len(), 1, "{}", text(&draw(&h.model, 80, 24)));
    let s = &h.created[0];
    assert_eq!(s.needs.dot_budget, 5);
    assert_eq!(s.group.advisor, "Samira Benjelloun");
    // The default stays 3 without a file.
    assert_eq!(Harness::new().model.dot_budget, 3);
    // The session on screen, as opened once created, has it too.
    assert_eq!(h.session().needs.dot_budget, 5);
    // Recorded as the session's first event, so a replay shows the budget from the start.
    assert!(matches!(
        s.history.first().map(|e| &e.change),
        Some(Change::DotBudgetSet { budget: 5 })
    ));
    let replay = atelier::replay::Replay::new(s);
    assert_eq!(replay.start().needs.dot_budget, 3);
    assert_eq!(replay.state_at(1).needs.dot_budget, 5);
    assert!(replay.rebuilds_saved());
}

#[test]
fn an_invalid_file_is_said_on_the_first_screen_and_the_defaults_apply() {
    let h = harness_with("(\n  theme: Blue,\n)");
    let screen = text(&draw(&h.model, 80, 24));
    assert!(
        screen.contains("✗ config.ron:2:10 : thème inconnu « Blue » (possibles : Dark, Light,"),
        "{screen}"
    );
    assert_eq!(h.model.theme, atelier::theme::Theme::DARK);
    assert_eq!(h.model.dot_budget, 3);
    // Gone at the first key, as any message.
    let mut h = h;
    h.code(KeyCode::Down);
    assert!(!text(&draw(&h.model, 80, 24)).contains("config.ron:2:10"));
    // In English.
    let mut h = Harness::new();
    h.model.lang = Lang::En;
    let mut startup = startup_from("(colour: 1)");
    startup.settings.lang.value = Lang::En;
    startup.prefs().apply(&mut h.model);
    assert_eq!(
        h.model.flash.as_ref().map(|f| f.text.as_str()),
        Some(
            "config.ron:1:2: unknown field `colour` (fields: lang, theme, dot_budget, sessions_dir, advisor, diagnosis_questions) — configuration ignored, default settings (see atelier config)"
        )
    );
}

#[test]
fn in_a_real_terminal_a_bad_file_is_said_on_the_first_screen_and_stays_said_after() {
    if !tmux::available() {
        return;
    }
    let mut term = tmux::Term::new(160, 30);
    let file = term.path("config/atelier/config.ron");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(&file, "(\n  advisor: \"Samira\",\n  theme: Blue,\n)\n").unwrap();
    let dir = term.path("seances");
    term.start(&["--dir", dir.to_str().unwrap()], &[]);
    let screen = term.wait_for("✗ config.ron:3:10 : thème inconnu « Blue »");
    assert!(screen.contains("Aucun groupe pour l'instant"), "{screen}");
    // The defaults, not half the file: the advisor it names is not prefilled.
    term.keys(&["n"]);
    // Gone at the first key (waited for: a screen can be caught half drawn).
    term.wait_gone("config.ron:3:10");
    let screen = term.wait_for("Conseiller*");
    assert!(!screen.contains("Samira"), "{screen}");
    term.esc();
    term.wait_for("Aucun groupe");
    term.keys(&["q"]);
    assert_eq!(term.wait_exit(), 0);
    // The whole sentence is on the terminal once the program has left the screen.
    let after = term.screen();
    let said = format!("{}:3:10 : fichier de configuration ignoré", file.display());
    assert!(after.contains(&said), "{after}");
}
