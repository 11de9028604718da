//! Every command and option of `atelier --help` speaks the chosen language. The doc comments
//! on `cli::Cli` are English and clap shows them unless `cli::command` replaces them, so a
//! flag added without its translation would show English on a French help page: this walks
//! the whole command tree and finds it.

use atelier::cli::command;
use atelier::i18n::Lang;
use clap::CommandFactory;

/// (path, help) of every subcommand and argument, in tree order.
fn helps(cmd: &clap::Command, path: &str, out: &mut Vec<(String, String)>) {
    let about = cmd.get_about().map(|a| a.to_string()).unwrap_or_default();
    out.push((path.to_string(), about));
    for arg in cmd.get_arguments() {
        let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
        out.push((format!("{path} --{}", arg.get_id()), help));
    }
    for sub in cmd.get_subcommands() {
        helps(sub, &format!("{path} {}", sub.get_name()), out);
    }
}

fn all(cmd: &clap::Command) -> Vec<(String, String)> {
    let mut out = Vec::new();
    helps(cmd, "atelier", &mut out);
    out
}

#[test]
fn every_command_and_option_has_a_help_line_in_each_language() {
    for lang in [Lang::Fr, Lang::En] {
        for (path, help) in all(&command(lang)) {
            assert!(!help.trim().is_empty(), "{lang:?}: {path} has no help line");
        }
    }
}

#[test]
fn no_english_doc_comment_is_left_on_the_french_help_page() {
    let english: Vec<(String, String)> = all(&atelier::cli::Cli::command());
    let french = all(&command(Lang::Fr));
    for (path, help) in &french {
        let doc = english.iter().find(|(p, _)| p == path).map(|(_, h)| h);
        if let Some(doc) = doc.filter(|d| !d.is_empty()) {
            assert_ne!(
                help, doc,
                "{path}: the French help is the English doc comment"
            );
        }
    }
    // The French and English pages differ wherever there is text to differ.
    assert!(french.len() > 20, "{french:?}");
    let english_page = all(&command(Lang::En));
    for ((path, fr), (_, en)) in french.iter().zip(&english_page) {
        if fr.chars().any(char::is_alphabetic) && !path.ends_with("--version") {
            assert_ne!(fr, en, "{path}: same help in French and English");
        }
    }
}

/// Bad command lines of every kind clap refuses, each told in the chosen language: no word
/// of clap's English on a French refusal, none of atelier's French on an English one.
#[test]
fn refusals_speak_the_chosen_language() {
    let bad: &[&[&str]] = &[
        &["show"],
        &["shwo"],
        &["check", "--frobnicate"],
        &["export", "x", "--format", "pdf"],
        &["export", "x"],
        &["report", "--by", "foo"],
        &["--lang", "xx", "check"],
        &["--dir"],
        &["config", "--path", "--example"],
        &["show", "a", "b"],
        &["demo", "--private"],
    ];
    let clap_english = [
        "the following",
        "were not provided",
        "invalid value",
        "unexpected",
        "unrecognized",
        "Usage:",
        "For more information",
        "possible values",
        "tip:",
        "cannot be used",
        "a value is required",
        "<PATH>",
        "<FILE",
        "[COMMAND]",
    ];
    let french = [
        " ou ",
        "erreur",
        "valeurs",
        "il manque",
        "inconnu",
        "Utilisation",
    ];
    for args in bad {
        let argv = std::iter::once("atelier").chain(args.iter().copied());
        let fr_err = command(Lang::Fr)
            .try_get_matches_from(argv.clone())
            .expect_err(&format!("{args:?} is refused"));
        let fr = atelier::cli::render_error(&fr_err, Lang::Fr);
        assert!(fr.starts_with("erreur\u{a0}: "), "{args:?}: {fr}");
        for w in clap_english {
            assert!(!fr.contains(w), "{args:?}: English {w:?} in French: {fr}");
        }
        let en_err = command(Lang::En)
            .try_get_matches_from(argv)
            .expect_err(&format!("{args:?} is refused"));
        let en = atelier::cli::render_error(&en_err, Lang::En);
        assert!(en.starts_with("error: "), "{args:?}: {en}");
        for w in french {
            assert!(!en.contains(w), "{args:?}: French {w:?} in English: {en}");
        }
    }
}
