//! The help pages in the user's language, and that language as it is known before the
//! configuration is read: from `--lang` among the raw arguments, else from the environment.

use super::Cli;
use crate::i18n::Lang;
use clap::{Arg, ArgAction, CommandFactory};
use std::ffi::OsString;

/// The clap command with its help texts in `lang`: clap's own headings and its `--help`
/// and `--version` lines are replaced too, so a French help page is French throughout.
pub fn command(lang: Lang) -> clap::Command {
    let l = &lang.strings().store.cli;
    // The placeholders of usage lines (`<PATH>`, `[COMMAND]`) in `lang` as well.
    let words = l.clap;
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        l.usage
    );
    let opt = |a: Arg, help: &'static str| a.help(help).help_heading(l.options);
    let localise = |c: clap::Command, about: &'static str| {
        c.about(about)
            .help_template(&template)
            .disable_help_flag(true)
            .subcommand_help_heading(l.commands)
    };
    let root = localise(Cli::command(), l.about)
        .disable_help_subcommand(true)
        .disable_version_flag(true)
        .subcommand_value_name(words.value_command)
        .mut_arg("dir", |a| opt(a, l.help_dir).value_name(words.value_path))
        .mut_arg("lang", |a| {
            opt(a, l.help_lang).value_parser(move |v: &str| super::parse_lang(v, lang))
        })
        .mut_arg("method", |a| {
            opt(a, l.help_method).value_name(words.value_file)
        })
        .mut_arg("theme", |a| {
            opt(a, lang.strings().config.help_theme).hide_possible_values(true)
        })
        .mut_arg("config", |a| {
            opt(a, lang.strings().config.help_config).value_name(words.value_file)
        })
        .arg(opt(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .global(true),
            l.help_help,
        ))
        .arg(opt(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version),
            l.help_version,
        ));
    let target = |a: Arg, value_name: &'static str| {
        a.help(l.help_target)
            .help_heading(l.arguments)
            .value_name(value_name)
    };
    root.mut_subcommand("check", |c| {
        localise(c, l.help_check).mut_arg("paths", |a| {
            a.help(l.help_paths)
                .help_heading(l.arguments)
                .value_name(words.value_path)
        })
    })
    .mut_subcommand("report", |c| {
        let r = lang.strings().report;
        localise(c, r.help_report)
            .mut_arg("by", |a| opt(a, r.help_by).hide_possible_values(true))
            .mut_arg("from", |a| opt(a, r.help_from).value_name(words.value_date))
            .mut_arg("to", |a| opt(a, r.help_to).value_name(words.value_date))
            .mut_arg("format", |a| {
                opt(a, r.help_format)
                    .hide_possible_values(true)
                    .hide_default_value(true)
            })
            .mut_arg("output", |a| {
                opt(a, r.help_output).value_name(words.value_file)
            })
    })
    .mut_subcommand("config", |c| {
        let k = lang.strings().config;
        localise(c, k.help_config_cmd)
            .mut_arg("path", |a| opt(a, k.help_config_path))
            .mut_arg("example", |a| opt(a, k.help_config_example))
    })
    .mut_subcommand("show", |c| {
        localise(c, l.help_show)
            .mut_arg("target", |a| target(a, words.value_file_or_id))
            .mut_arg("private", |a| opt(a, l.help_private))
    })
    .mut_subcommand("export", |c| {
        let w = lang.strings().export;
        localise(c, w.help_export)
            .mut_arg("target", |a| target(a, words.value_id_or_file))
            .mut_arg("format", |a| {
                opt(a, w.help_format).value_parser(move |v: &str| super::parse_format(v, lang))
            })
            .mut_arg("output", |a| {
                opt(a, w.help_output).value_name(words.value_file)
            })
            .mut_arg("anonymize", |a| opt(a, w.help_anonymize))
            .mut_arg("tracker", |a| opt(a, lang.strings().tracker.help_tracker))
            .mut_arg("group", |a| {
                opt(a, lang.strings().tracker.help_group).value_name(words.value_group)
            })
    })
    .mut_subcommand("replay", |c| {
        localise(c, lang.strings().replay.help_replay)
            .mut_arg("target", |a| target(a, words.value_file_or_id))
            .mut_arg("anonymize", |a| {
                opt(a, lang.strings().replay.help_anonymize)
            })
    })
    .mut_subcommand("demo", |c| localise(c, lang.strings().demo.help_demo))
    .mut_subcommand("follow", |c| {
        let d = lang.strings().demo;
        localise(c, d.help_follow).mut_arg("target", |a| {
            a.help(d.help_follow_target)
                .help_heading(l.arguments)
                .value_name(words.value_file_or_id)
        })
    })
}

/// `--lang xx` or `--lang=xx` among raw arguments, before clap has parsed them.
pub(super) fn lang_in_args(args: &[OsString]) -> Option<Lang> {
    let args: Vec<&str> = args.iter().filter_map(|a| a.to_str()).collect();
    args.iter()
        .enumerate()
        .find_map(|(i, a)| match a.strip_prefix("--lang") {
            Some(rest) if rest.starts_with('=') => Lang::parse(&rest[1..]),
            Some("") => args.get(i + 1).and_then(|v| Lang::parse(v)),
            _ => None,
        })
}

/// The language of the environment, with POSIX precedence: LC_ALL, LC_MESSAGES, then LANG.
pub fn env_lang() -> Lang {
    let value = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.is_empty());
    Lang::from_env_value(value.as_deref())
}
