//! The command line: `atelier` starts the TUI; `atelier check` and `atelier show` work on
//! session files without a terminal. Exit status: 0 fine, 1 a problem found in the files
//! (check) or a session that cannot be shown, 2 refused at start (bad option, method file or
//! sessions folder).
//!
//! This file holds the arguments (`Cli`, `Command`), their parsing and the dispatch; each
//! command's work is in its own file: `help` (the localised help pages), `check`, `report`,
//! `session` (`show`, `export`) and `screen` (`follow`, `replay`). `config` and `demo` are
//! dispatched straight to their modules.

mod check;
mod check_records;
mod errors;
mod help;
mod problem;
mod report;
mod screen;
mod session;
mod tracker;

pub use errors::render as render_error;
pub use help::{command, env_lang};
pub use report::{ReportBy, ReportFormat};

use crate::i18n::{Lang, Strings, fill};
use crate::method::Method;
use crate::store;
use clap::{FromArgMatches, Parser, Subcommand};
use report::ReportRequest;
use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(name = "atelier", version)]
pub struct Cli {
    /// The sessions folder; overrides ATELIER_DIR and the OS data folder.
    #[arg(long, global = true, value_name = "PATH")]
    pub dir: Option<PathBuf>,
    /// fr or en; by default from LC_ALL, LC_MESSAGES or LANG, French unless it starts with en.
    #[arg(long, global = true, value_name = "fr|en", value_parser = |v: &str| parse_lang(v, env_lang()))]
    pub lang: Option<Lang>,
    /// A trainer's own method file instead of the built-in one.
    #[arg(long, global = true, value_name = "FILE")]
    pub method: Option<PathBuf>,
    /// dark, light or high-contrast; overrides ATELIER_THEME and the configuration file.
    #[arg(
        long,
        global = true,
        value_enum,
        value_name = "dark|light|high-contrast"
    )]
    pub theme: Option<crate::theme::ThemeName>,
    /// A configuration file instead of config.ron in the OS config folder.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validates session files or folders.
    Check {
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Prints a programme report of the sessions folder: figures only, no names.
    Report {
        #[arg(long, value_enum, value_name = "advisor|host|trade|region|group|month")]
        by: Vec<ReportBy>,
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
        #[arg(long, value_enum, value_name = "md|csv|html", default_value = "md")]
        format: ReportFormat,
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Prints where the configuration file is looked for and the settings in force.
    Config {
        #[arg(long)]
        path: bool,
        #[arg(long, conflicts_with = "path")]
        example: bool,
    },
    /// Prints a readable summary of a session.
    Show {
        #[arg(value_name = "FILE|ID")]
        target: String,
        #[arg(long)]
        private: bool,
    },
    /// Exports a session's minutes or its actions.
    Export {
        #[arg(
            value_name = "ID|FILE",
            required_unless_present = "tracker",
            conflicts_with_all = ["tracker", "group"]
        )]
        target: Option<String>,
        #[arg(long)]
        tracker: bool,
        #[arg(long, value_name = "NAME|ID")]
        group: Option<String>,
        #[arg(long, value_name = "md|html|csv", value_parser = |v: &str| parse_format(v, env_lang()))]
        format: crate::export::Format,
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        #[arg(long, conflicts_with = "tracker")]
        anonymize: bool,
    },
    /// Replays a saved session from its history, step by step.
    Replay {
        #[arg(value_name = "FILE|ID")]
        target: String,
        #[arg(long)]
        anonymize: bool,
    },
    /// Opens the demo groups in a throwaway copy.
    Demo,
    /// Follows a session read-only in presenter view, redrawn whenever it is saved.
    Follow {
        #[arg(value_name = "FILE|ID")]
        target: Option<String>,
    },
}

/// Parses the process's arguments, with the help texts in the user's language (taken from
/// `--lang` if given, else from the environment).
pub fn parse() -> Cli {
    let args: Vec<OsString> = std::env::args_os().collect();
    let lang = help::lang_in_args(&args).unwrap_or_else(|| crate::config::early_lang(&args));
    // Refusals are told in that language too (`errors`), not in clap's English.
    let matches = command(lang)
        .try_get_matches_from(args)
        .unwrap_or_else(|e| errors::exit(&e, lang));
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| errors::exit(&e, lang))
}

/// `--format` of `atelier export`; refused in `lang` (`help::command` gives the language
/// the command line is read in).
fn parse_format(value: &str, lang: Lang) -> Result<crate::export::Format, String> {
    crate::export::Format::parse(value).ok_or_else(|| {
        let s = lang.strings();
        fill(s.store.cli.clap.possible_values, &[&s.export.help_format])
    })
}

fn parse_lang(value: &str, lang: Lang) -> Result<Lang, String> {
    Lang::parse(value)
        .ok_or_else(|| fill(lang.strings().store.cli.clap.possible_values, &[&"fr, en"]))
}

/// Runs what the command line asks for.
pub fn run(mut cli: Cli) -> crate::app::Fallible<ExitCode> {
    let startup = crate::config::Startup::load(&crate::config::Flags {
        lang: cli.lang,
        theme: cli.theme,
        dir: cli.dir.take(),
        config: cli.config.clone(),
    });
    // `atelier config` says them in its own report.
    if !matches!(cli.command, Some(Command::Config { .. })) {
        for problem in startup.problems() {
            eprintln!("{problem}");
        }
    }
    // The folder as the flag, the environment or the file chose it (None: the OS's own).
    cli.dir = startup.settings.sessions_dir.value.clone();
    let lang = startup.settings.lang.value;
    let prefs = startup.prefs();
    let strings = lang.strings();
    // A trainer's method file is checked first, whatever the command: better refused at
    // once with its place than half-used later.
    let method = match &cli.method {
        None => Method::builtin(),
        Some(path) => match Method::load(path) {
            Ok(m) => m,
            Err(e) => {
                eprintln!("{e}\n{}", strings.store.cli.method_refused);
                return Ok(ExitCode::from(2));
            }
        },
    };
    // Refused before anything is created (the sessions folder, the demo's copy): a panic
    // deep in the terminal set-up would say nothing useful. `follow` and `replay` say first
    // whether the session named exists.
    if matches!(cli.command, None | Some(Command::Demo))
        && let Some(code) = refuse_without_terminal(strings)
    {
        return Ok(code);
    }
    match cli.command {
        None => {
            // A folder that cannot be written opens read-only (see `app::Mode::ReadOnly`).
            let (dir, access) = match store::resolve_dir(cli.dir) {
                Ok(d) => d,
                Err(e) => {
                    eprintln!("{}", e.message(strings));
                    return Ok(ExitCode::from(2));
                }
            };
            let mode = match access {
                store::Access::Write => crate::app::Mode::Edit,
                store::Access::ReadOnly => crate::app::Mode::ReadOnly,
            };
            let options = crate::app::Options {
                dir,
                lang,
                method,
                prefs,
            };
            crate::app::run_in(options, mode)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Check { paths }) => Ok(check::check(cli.dir, paths, lang)),
        Some(Command::Report {
            by,
            from,
            to,
            format,
            output,
        }) => {
            let request = ReportRequest {
                by,
                from,
                to,
                format,
                output,
            };
            Ok(report::report(cli.dir, request, &method, lang))
        }
        Some(Command::Config { path, example }) => {
            Ok(crate::config::report(&startup, path, example))
        }
        Some(Command::Show { target, private }) => {
            Ok(session::show(cli.dir, &target, private, lang))
        }
        Some(Command::Export {
            target: Some(target),
            format,
            output,
            anonymize,
            ..
        }) => Ok(session::export(
            cli.dir, &target, format, output, anonymize, lang,
        )),
        // Without a session, clap has made sure `--tracker` is given.
        Some(Command::Export {
            target: None,
            group,
            format,
            output,
            ..
        }) => Ok(tracker::export(
            cli.dir,
            group.as_deref(),
            format,
            output,
            lang,
        )),
        Some(Command::Replay { target, anonymize }) => {
            screen::replay(cli.dir, &target, anonymize, lang, method, prefs)
        }
        // The demo never looks at the sessions folder: not chosen, not created, not read.
        Some(Command::Demo) => crate::demo::run(lang, method, prefs),
        Some(Command::Follow { target }) => {
            screen::follow(cli.dir, target.as_deref(), lang, method, prefs)
        }
    }
}

/// The full-screen program's refusal when it has no terminal (see [`no_terminal`]).
pub(super) fn refuse_without_terminal(strings: &Strings) -> Option<ExitCode> {
    no_terminal().then(|| {
        eprintln!("{}", strings.store.cli.no_terminal);
        ExitCode::from(2)
    })
}

/// Whether the full-screen program has nowhere to draw: its output is not a terminal, or
/// its input is not one and there is no controlling terminal to read keys from (crossterm
/// reads `/dev/tty` then).
fn no_terminal() -> bool {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() {
        return true;
    }
    #[cfg(unix)]
    if !std::io::stdin().is_terminal()
        && std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open("/dev/tty")
            .is_err()
    {
        return true;
    }
    false
}

/// The sessions folder for the commands that only read: chosen, not created.
pub(super) fn read_dir_choice(
    flag: Option<PathBuf>,
    strings: &Strings,
) -> Result<PathBuf, ExitCode> {
    store::choose_dir(flag, std::env::var_os("ATELIER_DIR")).map_err(|e| {
        eprintln!("{}", e.message(strings));
        ExitCode::from(2)
    })
}

/// An export to stdout, or to `output` written whole or not at all (a temporary file
/// renamed), saying where; exit 1 with the sentence when it cannot be written.
pub(super) fn export_out(text: &str, output: Option<PathBuf>, lang: Lang) -> ExitCode {
    let Some(path) = output else {
        out(text);
        return ExitCode::SUCCESS;
    };
    match crate::export::write(&path, text, lang) {
        Ok(()) => {
            eprintln!(
                "{}",
                fill(lang.strings().export.written, &[&path.display()])
            );
            ExitCode::SUCCESS
        }
        Err(text) => {
            eprintln!("{text}");
            ExitCode::from(1)
        }
    }
}

/// Prints to stdout, ignoring a closed pipe (`atelier show ID | head`): never a panic.
pub(super) fn out(text: &str) {
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}
