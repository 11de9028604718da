//! The precedence rule level by level, and the file's errors with their place.

use super::*;
use std::path::Path;

fn env() -> Env {
    Env::default()
}

fn file() -> FileConfig {
    FileConfig::default()
}

fn parsed(text: &str) -> Result<FileConfig, Located> {
    parse(
        text,
        Path::new("/etc/atelier/config.ron"),
        Some(Path::new("/home/samira")),
    )
}

// ---------------------------------------------------------------------------------------
// resolve: flag > environment > file > default

#[test]
fn defaults_when_nothing_is_said() {
    let s = resolve(&Flags::default(), &env(), &file());
    assert_eq!(s.lang, set(Lang::Fr, Source::Default));
    assert_eq!(s.theme, set(ThemeName::Dark, Source::Default));
    assert_eq!(s.dot_budget, set(3, Source::Default));
    assert_eq!(s.sessions_dir, set(None, Source::Default));
    assert_eq!(s.advisor, set(String::new(), Source::Default));
    assert!(!s.no_color);
    assert!(s.ignored.is_empty());
    assert_eq!(s.theme(), Theme::DARK);
}

#[test]
fn the_file_wins_over_defaults() {
    let f = FileConfig {
        lang: Some(Lang::En),
        theme: Some(ThemeName::Light),
        dot_budget: Some(5),
        sessions_dir: Some("/srv/seances".into()),
        advisor: Some("  Samira Benjelloun ".into()),
        diagnosis_questions: Some("/srv/questions.ron".into()),
    };
    let s = resolve(&Flags::default(), &env(), &f);
    assert_eq!(s.lang, set(Lang::En, Source::File));
    assert_eq!(
        s.diagnosis_questions,
        set(Some("/srv/questions.ron".into()), Source::File)
    );
    assert_eq!(s.theme, set(ThemeName::Light, Source::File));
    assert_eq!(s.dot_budget, set(5, Source::File));
    assert_eq!(
        s.sessions_dir,
        set(Some("/srv/seances".into()), Source::File)
    );
    assert_eq!(
        s.advisor,
        set("Samira Benjelloun".to_string(), Source::File)
    );
    assert_eq!(s.theme(), Theme::LIGHT);
}

#[test]
fn the_environment_wins_over_the_file() {
    let f = FileConfig {
        lang: Some(Lang::Fr),
        theme: Some(ThemeName::Light),
        sessions_dir: Some("/srv/seances".into()),
        ..file()
    };
    let e = Env {
        atelier_lang: Some("en".into()),
        atelier_theme: Some("high-contrast".into()),
        atelier_dir: Some("/tmp/autres".into()),
        ..env()
    };
    let s = resolve(&Flags::default(), &e, &f);
    assert_eq!(s.lang, set(Lang::En, Source::Env("ATELIER_LANG")));
    assert_eq!(
        s.theme,
        set(ThemeName::HighContrast, Source::Env("ATELIER_THEME"))
    );
    assert_eq!(
        s.sessions_dir,
        set(Some("/tmp/autres".into()), Source::Env("ATELIER_DIR"))
    );
}

#[test]
fn flags_win_over_the_environment() {
    let f = FileConfig {
        lang: Some(Lang::Fr),
        theme: Some(ThemeName::Light),
        ..file()
    };
    let e = Env {
        atelier_lang: Some("fr".into()),
        atelier_theme: Some("light".into()),
        atelier_dir: Some("/tmp/autres".into()),
        locale: Some(("LANG", "fr_MA.UTF-8".into())),
        ..env()
    };
    let flags = Flags {
        lang: Some(Lang::En),
        theme: Some(ThemeName::Dark),
        dir: Some("/mnt/cle".into()),
        config: None,
    };
    let s = resolve(&flags, &e, &f);
    assert_eq!(s.lang, set(Lang::En, Source::Flag("lang")));
    assert_eq!(s.theme, set(ThemeName::Dark, Source::Flag("theme")));
    assert_eq!(
        s.sessions_dir,
        set(Some("/mnt/cle".into()), Source::Flag("dir"))
    );
}

#[test]
fn lang_of_the_system_comes_after_the_file_and_before_the_default() {
    let e = Env {
        locale: Some(("LC_ALL", "en_GB.UTF-8".into())),
        ..env()
    };
    let s = resolve(&Flags::default(), &e, &file());
    assert_eq!(s.lang, set(Lang::En, Source::Env("LC_ALL")));
    // The file, written for atelier, speaks over the machine's general locale.
    let f = FileConfig {
        lang: Some(Lang::Fr),
        ..file()
    };
    assert_eq!(
        resolve(&Flags::default(), &e, &f).lang,
        set(Lang::Fr, Source::File)
    );
    // A locale that is not English is French, as before the file existed.
    let c = Env {
        locale: Some(("LANG", "C.UTF-8".into())),
        ..env()
    };
    assert_eq!(resolve(&Flags::default(), &c, &file()).lang.value, Lang::Fr);
}

#[test]
fn no_color_strips_the_colours_of_the_theme_from_any_source() {
    let e = Env {
        no_color: Some("1".into()),
        ..env()
    };
    let flags = Flags {
        theme: Some(ThemeName::HighContrast),
        ..Flags::default()
    };
    let s = resolve(&flags, &e, &file());
    assert!(s.no_color);
    assert_eq!(s.theme(), Theme::HIGH_CONTRAST.without_colour());
    let empty = Env {
        no_color: Some(String::new()),
        ..env()
    };
    assert!(
        !resolve(&flags, &empty, &file()).no_color,
        "an empty NO_COLOR says nothing"
    );
}

#[test]
fn a_variable_with_a_value_that_means_nothing_is_ignored_and_said() {
    let f = FileConfig {
        theme: Some(ThemeName::Light),
        lang: Some(Lang::En),
        ..file()
    };
    let e = Env {
        atelier_theme: Some("blue".into()),
        atelier_lang: Some("de".into()),
        ..env()
    };
    let s = resolve(&Flags::default(), &e, &f);
    assert_eq!(s.theme, set(ThemeName::Light, Source::File));
    assert_eq!(s.lang, set(Lang::En, Source::File));
    assert_eq!(
        s.ignored,
        vec![
            ("ATELIER_LANG", "de".to_string()),
            ("ATELIER_THEME", "blue".to_string())
        ]
    );
    // Empty variables are unset ones.
    let e = Env {
        atelier_theme: Some(String::new()),
        atelier_dir: Some(OsString::new()),
        ..env()
    };
    let s = resolve(&Flags::default(), &e, &f);
    assert!(s.ignored.is_empty());
    assert_eq!(s.sessions_dir.from, Source::Default);
}

#[test]
fn the_file_is_found_by_flag_then_variable_then_config_folder() {
    let flags = Flags {
        config: Some("/a/mine.ron".into()),
        ..Flags::default()
    };
    let e = Env {
        atelier_config: Some("/b/theirs.ron".into()),
        ..env()
    };
    assert_eq!(locate(&flags, &e).unwrap().from, Source::Flag("config"));
    let found = locate(&Flags::default(), &e).unwrap();
    assert_eq!(
        (found.path, found.from),
        ("/b/theirs.ron".into(), Source::Env("ATELIER_CONFIG"))
    );
    if let Some(default) = locate(&Flags::default(), &env()) {
        assert_eq!(default.from, Source::Default);
        assert!(default.path.ends_with("config.ron"), "{default:?}");
    }
}

// ---------------------------------------------------------------------------------------
// parse

#[test]
fn a_full_file_reads_with_bare_values() {
    let f = parsed(
        "// mine\n(\n  lang: En,\n  theme: HighContrast,\n  dot_budget: 5,\n  sessions_dir: \"~/seances\",\n  advisor: \"Samira\",\n)\n",
    )
    .unwrap();
    assert_eq!(
        f,
        FileConfig {
            lang: Some(Lang::En),
            theme: Some(ThemeName::HighContrast),
            dot_budget: Some(5),
            sessions_dir: Some("/home/samira/seances".into()),
            advisor: Some("Samira".into()),
            diagnosis_questions: None,
        }
    );
}

#[test]
fn names_in_lower_case_and_explicit_some_read_too() {
    let f = parsed("(lang: fr, theme: light, dot_budget: Some(4))").unwrap();
    assert_eq!(f.lang, Some(Lang::Fr));
    assert_eq!(f.theme, Some(ThemeName::Light));
    assert_eq!(f.dot_budget, Some(4));
    assert_eq!(
        parsed("(theme: high_contrast)").unwrap().theme,
        Some(ThemeName::HighContrast)
    );
}

#[test]
fn an_empty_file_or_one_of_comments_sets_nothing() {
    for text in ["", "  \n", "// nothing yet\n", "()"] {
        assert_eq!(parsed(text).unwrap(), file(), "{text:?}");
    }
}

#[test]
fn a_relative_folder_is_taken_from_the_file_s_own_folder() {
    let f = parsed("(sessions_dir: \"seances\")").unwrap();
    assert_eq!(f.sessions_dir, Some("/etc/atelier/seances".into()));
    let f = parsed("(sessions_dir: \"/srv/x\")").unwrap();
    assert_eq!(f.sessions_dir, Some("/srv/x".into()));
    assert_eq!(parsed("(sessions_dir: \"\")").unwrap().sessions_dir, None);
}

#[test]
fn the_programmes_questions_file_is_placed_like_the_folder() {
    let f = parsed("(diagnosis_questions: \"questions.ron\")").unwrap();
    assert_eq!(
        f.diagnosis_questions,
        Some("/etc/atelier/questions.ron".into())
    );
    let f = parsed("(diagnosis_questions: \"~/q.ron\")").unwrap();
    assert_eq!(f.diagnosis_questions, Some("/home/samira/q.ron".into()));
    assert_eq!(
        parsed("(diagnosis_questions: \"\")")
            .unwrap()
            .diagnosis_questions,
        None
    );
}

mod questions {
    use super::super::diagnosis::{QuestionsProblem, questions};
    use crate::i18n::Lang;
    use crate::model::dated::{AnswerKind, CORE_QUESTIONS, DiagnosisError};

    const EXTRA: &str = r#"[
        (
            id: "export_plans",
            label: (fr: "Projette d'exporter", en: "Plans to export"),
            answer: YesNo,
        ),
    ]"#;

    fn file(text: &str) -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("questions.ron");
        std::fs::write(&path, text).unwrap();
        (dir, path)
    }

    #[test]
    fn none_named_asks_the_core_alone() {
        let q = questions(None).unwrap();
        assert_eq!(q.len(), CORE_QUESTIONS.len());
    }

    #[test]
    fn a_programmes_question_comes_after_the_core() {
        let (_d, path) = file(EXTRA);
        let q = questions(Some(&path)).unwrap();
        assert_eq!(q.len(), CORE_QUESTIONS.len() + 1);
        assert_eq!(q.last().unwrap().id, "export_plans");
        assert_eq!(q.last().unwrap().answer, AnswerKind::YesNo);
    }

    #[test]
    fn a_core_id_taken_again_is_refused_with_a_sentence() {
        let (_d, path) = file(&EXTRA.replace("export_plans", "cnss"));
        let e = questions(Some(&path)).unwrap_err();
        assert_eq!(
            e.problem,
            QuestionsProblem::Rule(DiagnosisError::Duplicate("cnss".into()))
        );
        let text = e.message(Lang::Fr.strings());
        assert!(text.contains("questions.ron"), "{text}");
        assert!(text.contains("« cnss »"), "{text}");
        assert!(text.contains("questions de base seules"), "{text}");
    }

    #[test]
    fn a_broken_or_missing_file_is_said_with_its_place() {
        let (_d, path) = file("[ ( id: \"x\", label: (fr: \"a\", en: \"b\") ");
        let e = questions(Some(&path)).unwrap_err();
        assert!(
            matches!(e.problem, QuestionsProblem::Syntax(1, _, _)),
            "{e:?}"
        );
        let text = e.message(Lang::En.strings());
        assert!(text.contains("questions.ron:1:"), "{text}");
        let gone = path.with_file_name("gone.ron");
        let e = questions(Some(&gone)).unwrap_err();
        assert!(matches!(e.problem, QuestionsProblem::Unreadable(_)));
        assert!(
            e.message(Lang::En.strings())
                .contains("core questions alone")
        );
    }
}

#[test]
fn an_unknown_field_is_refused_with_its_place() {
    let (at, problem) = parsed("(\n  lang: Fr,\n  colour: Blue,\n)").unwrap_err();
    assert_eq!(problem, Problem::UnknownField("colour".into()));
    assert_eq!(at.map(|(l, _)| l), Some(3));
}

#[test]
fn a_bad_theme_or_language_is_named() {
    let (at, problem) = parsed("(\n  theme: Blue,\n)").unwrap_err();
    assert_eq!(problem, Problem::UnknownTheme("Blue".into()));
    assert_eq!(at.map(|(l, _)| l), Some(2));
    let (_, problem) = parsed("(lang: De)").unwrap_err();
    assert_eq!(problem, Problem::UnknownLang("De".into()));
}

#[test]
fn a_wrong_type_or_broken_syntax_has_a_line_and_column() {
    let (at, problem) = parsed("(\n  dot_budget: \"five\",\n)").unwrap_err();
    assert!(matches!(problem, Problem::Syntax(_)), "{problem:?}");
    assert_eq!(at.map(|(l, _)| l), Some(2));
    let (at, problem) = parsed("(\n  lang: Fr\n  theme: Dark,\n)").unwrap_err();
    assert!(matches!(problem, Problem::Syntax(_)), "{problem:?}");
    assert_eq!(at.map(|(l, _)| l), Some(3), "{problem:?}");
    let (at, _) = parsed("(\n  lang: Fr,\n").unwrap_err();
    assert!(at.is_some());
}

#[test]
fn a_budget_out_of_range_points_at_its_field() {
    for n in [0, 100] {
        let (at, problem) =
            parsed(&format!("(\n  advisor: \"x\",\n  dot_budget: {n},\n)")).unwrap_err();
        assert_eq!(problem, Problem::BudgetOutOfRange(n));
        assert_eq!(at, Some((3, 3)));
    }
    let (_, problem) = parsed("(lang: Fr, lang: En)").unwrap_err();
    assert_eq!(problem, Problem::Duplicate("lang".into()));
}

#[test]
fn the_examples_printed_by_atelier_config_read_as_they_say() {
    let fr = parsed(Lang::Fr.strings().config.example).unwrap();
    assert_eq!(fr.lang, Some(Lang::Fr));
    assert_eq!(fr.dot_budget, Some(3));
    assert_eq!(fr.sessions_dir, Some("/home/samira/atelier/seances".into()));
    let en = parsed(Lang::En.strings().config.example).unwrap();
    assert_eq!(en.lang, Some(Lang::En));
    assert_eq!(en.advisor.as_deref(), Some("Samira Benjelloun"));
}

#[test]
fn messages_say_where_what_and_that_defaults_apply() {
    let e = ConfigError {
        path: "/home/samira/.config/atelier/config.ron".into(),
        at: Some((3, 10)),
        problem: Problem::UnknownTheme("Blue".into()),
    };
    for lang in [Lang::Fr, Lang::En] {
        let s = lang.strings();
        let m = e.message(s);
        assert!(
            m.starts_with("/home/samira/.config/atelier/config.ron:3:10"),
            "{m}"
        );
        assert!(m.contains("Blue") && m.contains("HighContrast"), "{m}");
        let f = e.flash(s);
        assert!(f.contains("config.ron:3:10") && !f.contains("/home"), "{f}");
    }
    let fr = e.message(Lang::Fr.strings());
    assert!(fr.contains("réglages par défaut"), "{fr}");
}

#[test]
fn common_slips_get_a_sentence_of_their_own() {
    assert_eq!(
        parsed("(theme: \"high-contrast\")").unwrap_err(),
        (Some((1, 9)), Problem::Quoted("theme"))
    );
    assert_eq!(
        parsed("(\n  lang: \"en\",\n)").unwrap_err().1,
        Problem::Quoted("lang")
    );
    assert_eq!(parsed("lang: Fr").unwrap_err().1, Problem::NoParens);
    // Named as RON allows a struct to be.
    assert_eq!(parsed("Config(lang: en)").unwrap().lang, Some(Lang::En));
}
