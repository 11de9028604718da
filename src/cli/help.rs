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
        .mut_arg("dir", |a| opt(a, l.help_dir))
        .mut_arg("lang", |a| opt(a, l.help_lang))
        .mut_arg("method", |a| opt(a, l.help_method))
        .mut_arg("theme", |a| {
            opt(a, lang.strings().config.help_theme).hide_possible_values(true)
        })
        .mut_arg("config", |a| opt(a, lang.strings().config.help_config))
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
    root.mut_subcommand("check", |c| {
        localise(c, l.help_check)
            .mut_arg("paths", |a| a.help(l.help_paths).help_heading(l.arguments))
    })
    .mut_subcommand("report", |c| {
        let r = lang.strings().report;
        localise(c, r.help_report)
            .mut_arg("by", |a| opt(a, r.help_by).hide_possible_values(true))
            .mut_arg("from", |a| opt(a, r.help_from))
            .mut_arg("to", |a| opt(a, r.help_to))
            .mut_arg("format", |a| {
                opt(a, r.help_format)
                    .hide_possible_values(true)
                    .hide_default_value(true)
            })
            .mut_arg("output", |a| opt(a, r.help_output))
    })
    .mut_subcommand("config", |c| {
        let k = lang.strings().config;
        localise(c, k.help_config_cmd)
            .mut_arg("path", |a| opt(a, k.help_config_path))
            .mut_arg("example", |a| opt(a, k.help_config_example))
    })
    .mut_subcommand("show", |c| {
        localise(c, l.help_show)
            .mut_arg("target", |a| {
                a.help(l.help_target).help_heading(l.arguments)
            })
            .mut_arg("private", |a| opt(a, l.help_private))
    })
    .mut_subcommand("export", |c| {
        let w = lang.strings().export;
        localise(c, w.help_export)
            .mut_arg("target", |a| {
                a.help(l.help_target).help_heading(l.arguments)
            })
            .mut_arg("format", |a| opt(a, w.help_format))
            .mut_arg("output", |a| opt(a, w.help_output))
            .mut_arg("anonymize", |a| opt(a, w.help_anonymize))
    })
    .mut_subcommand("replay", |c| {
        localise(c, lang.strings().replay.help_replay)
            .mut_arg("target", |a| {
                a.help(l.help_target).help_heading(l.arguments)
            })
            .mut_arg("anonymize", |a| {
                opt(a, lang.strings().replay.help_anonymize)
            })
    })
    .mut_subcommand("demo", |c| localise(c, lang.strings().demo.help_demo))
    .mut_subcommand("follow", |c| {
        let d = lang.strings().demo;
        localise(c, d.help_follow).mut_arg("target", |a| {
            a.help(d.help_follow_target).help_heading(l.arguments)
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
