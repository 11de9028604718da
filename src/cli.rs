//! The command line: `atelier` starts the TUI; `atelier check` and `atelier show` work on
//! session files without a terminal. Exit status: 0 fine, 1 a problem found in the files
//! (check) or a session that cannot be shown, 2 refused at start (bad option, method file or
//! sessions folder).

use crate::i18n::{Lang, Strings, fill};
use crate::method::Method;
use crate::model::Id;
use crate::store::{self, FindError, Listing, LoadError, Store, Summary};
use clap::{Arg, ArgAction, CommandFactory, FromArgMatches, Parser, Subcommand};
use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(name = "atelier", version)]
pub struct Cli {
    /// The sessions folder; overrides ATELIER_DIR and the OS data folder.
    #[arg(long, global = true, value_name = "PATH")]
    pub dir: Option<PathBuf>,
    /// fr or en; by default from LC_ALL, LC_MESSAGES or LANG, French unless it starts with en.
    #[arg(long, global = true, value_name = "fr|en", value_parser = parse_lang)]
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
        #[arg(long, value_enum, value_name = "trade|region")]
        by: Option<ReportBy>,
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
        #[arg(long, value_enum, value_name = "md|csv", default_value = "md")]
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
        #[arg(value_name = "ID|FILE")]
        target: String,
        #[arg(long, value_name = "md|html|csv", value_parser = parse_format)]
        format: crate::export::Format,
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        #[arg(long)]
        anonymize: bool,
    },
    /// Replays a saved session from its history, step by step.
    Replay {
        #[arg(value_name = "FILE|ID")]
        target: String,
    },
    /// Opens the demo groups in a throwaway copy.
    Demo,
    /// Follows a session read-only in presenter view, redrawn whenever it is saved.
    Follow {
        #[arg(value_name = "FILE|ID")]
        target: Option<String>,
    },
}

/// `atelier report --by`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportBy {
    Trade,
    Region,
}

/// `atelier report --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    Md,
    Csv,
}

/// Parses the process's arguments, with the help texts in the user's language (taken from
/// `--lang` if given, else from the environment).
pub fn parse() -> Cli {
    let args: Vec<OsString> = std::env::args_os().collect();
    let lang = lang_in_args(&args).unwrap_or_else(|| crate::config::early_lang(&args));
    let matches = command(lang).get_matches_from(args);
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}

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
        localise(c, lang.strings().replay.help_replay).mut_arg("target", |a| {
            a.help(l.help_target).help_heading(l.arguments)
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

fn parse_format(value: &str) -> Result<crate::export::Format, String> {
    crate::export::Format::parse(value).ok_or_else(|| {
        let w = env_lang().strings().export;
        format!("{value}: {}", w.help_format)
    })
}

fn parse_lang(value: &str) -> Result<Lang, String> {
    Lang::parse(value).ok_or_else(|| fill(env_lang().strings().store.cli.lang_invalid, &[&value]))
}

/// `--lang xx` or `--lang=xx` among raw arguments, before clap has parsed them.
fn lang_in_args(args: &[OsString]) -> Option<Lang> {
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

/// Runs what the command line asks for.
pub fn run(mut cli: Cli) -> color_eyre::Result<ExitCode> {
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
    match cli.command {
        None => {
            let dir = match store::resolve_dir(cli.dir) {
                Ok(d) => d,
                Err(e) => {
                    eprintln!("{}", e.message(strings));
                    return Ok(ExitCode::from(2));
                }
            };
            crate::app::run(crate::app::Options {
                dir,
                lang,
                method,
                prefs,
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Check { paths }) => Ok(check(cli.dir, paths, strings)),
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
            Ok(report(cli.dir, request, &method, lang))
        }
        Some(Command::Config { path, example }) => {
            Ok(crate::config::report(&startup, path, example))
        }
        Some(Command::Show { target, private }) => Ok(show(cli.dir, &target, private, lang)),
        Some(Command::Export {
            target,
            format,
            output,
            anonymize,
        }) => Ok(export(cli.dir, &target, format, output, anonymize, lang)),
        Some(Command::Replay { target }) => replay(cli.dir, &target, lang, method, prefs),
        // The demo never looks at the sessions folder: not chosen, not created, not read.
        Some(Command::Demo) => crate::demo::run(lang, method, prefs),
        Some(Command::Follow { target }) => follow(cli.dir, target.as_deref(), lang, method, prefs),
    }
}

/// `atelier follow [FILE|ID]`: the session is found and read once here, so that a wrong
/// name or an unreadable file is said on the terminal, not behind a full screen.
fn follow(
    dir: Option<PathBuf>,
    target: Option<&str>,
    lang: Lang,
    method: Method,
    prefs: crate::config::Prefs,
) -> color_eyre::Result<ExitCode> {
    let strings = lang.strings();
    let is_file = target.is_some_and(|t| Path::new(t).is_file());
    let dir = if is_file {
        PathBuf::new()
    } else {
        match read_dir_choice(dir, strings) {
            Ok(d) => d,
            Err(code) => return Ok(code),
        }
    };
    let path = match crate::follow::resolve(&dir, target, strings) {
        Ok(p) => p,
        Err(text) => {
            eprintln!("{text}");
            return Ok(ExitCode::from(1));
        }
    };
    if let Err(e) = store::load(&path) {
        eprintln!("{}", e.located(&path, strings));
        return Ok(ExitCode::from(1));
    }
    // The folder the file is in, for what the screens say about it; nothing is listed.
    let dir = path.parent().map_or(dir, Path::to_path_buf);
    let watch = crate::follow::Watch::new(path, strings);
    let options = crate::app::Options {
        dir,
        lang,
        method,
        prefs,
    };
    crate::app::run_in(options, crate::app::Mode::Follow(watch))?;
    Ok(ExitCode::SUCCESS)
}

/// `atelier replay FILE|ID`: the session is found and read here (a wrong name is said on
/// the terminal), then replayed full screen. Nothing is written.
fn replay(
    dir: Option<PathBuf>,
    target: &str,
    lang: Lang,
    method: Method,
    prefs: crate::config::Prefs,
) -> color_eyre::Result<ExitCode> {
    let strings = lang.strings();
    let dir = if Path::new(target).is_file() {
        PathBuf::new()
    } else {
        match read_dir_choice(dir, strings) {
            Ok(d) => d,
            Err(code) => return Ok(code),
        }
    };
    // Found as `follow` finds it: by reading the files, without the listing's summary
    // cache, which would be a file written.
    let path = match crate::follow::resolve(&dir, Some(target), strings) {
        Ok(p) => p,
        Err(text) => {
            eprintln!("{text}");
            return Ok(ExitCode::from(1));
        }
    };
    let session = match store::load(&path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{}", e.located(&path, strings));
            return Ok(ExitCode::from(1));
        }
    };
    let dir = path.parent().map_or_else(PathBuf::new, Path::to_path_buf);
    let options = crate::app::Options {
        dir,
        lang,
        method,
        prefs,
    };
    crate::app::run_in(options, crate::app::Mode::Replay(Box::new(session), path))?;
    Ok(ExitCode::SUCCESS)
}

/// The sessions folder for the commands that only read: chosen, not created.
fn read_dir_choice(flag: Option<PathBuf>, strings: &Strings) -> Result<PathBuf, ExitCode> {
    store::choose_dir(flag, std::env::var_os("ATELIER_DIR")).map_err(|e| {
        eprintln!("{}", e.message(strings));
        ExitCode::from(2)
    })
}

/// What `atelier report` was asked for.
struct ReportRequest {
    by: Option<ReportBy>,
    from: Option<String>,
    to: Option<String>,
    format: ReportFormat,
    output: Option<PathBuf>,
}

/// `atelier report`: figures of the whole folder (need categories labelled from `method`),
/// to stdout or to a file written whole. Exit 2 for a date that is not one or a folder that
/// cannot be read, 1 when the file cannot be written.
fn report(dir: Option<PathBuf>, req: ReportRequest, method: &Method, lang: Lang) -> ExitCode {
    let strings = lang.strings();
    let r = strings.report;
    let today = chrono::Local::now().date_naive();
    let date = |text: &Option<String>| match text {
        None => Ok(None),
        Some(t) => crate::dates::parse(t, today).map_err(|_| {
            eprintln!("{}", fill(r.bad_date, &[t]));
            ExitCode::from(2)
        }),
    };
    let (from, to) = match (date(&req.from), date(&req.to)) {
        (Ok(f), Ok(t)) => (f, t),
        (Err(code), _) | (_, Err(code)) => return code,
    };
    if let (Some(f), Some(t)) = (from, to)
        && f > t
    {
        let (f, t) = (crate::dates::show(f), crate::dates::show(t));
        eprintln!("{}", fill(r.bad_range, &[&f, &t]));
        return ExitCode::from(2);
    }
    let dir = match read_dir_choice(dir, strings) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let (facts, files, unreadable) = match crate::report::read_dir(&dir) {
        Ok(read) => read,
        Err(e) => {
            let detail = e.message(strings);
            eprintln!("{}", fill(r.folder_unreadable, &[&dir.display(), &detail]));
            return ExitCode::from(2);
        }
    };
    let by = req.by.map(|b| match b {
        ReportBy::Trade => crate::report::By::Trade,
        ReportBy::Region => crate::report::By::Region,
    });
    let options = crate::report::Options { from, to, by };
    let report = crate::report::aggregate(facts, files, unreadable, options);
    let text = match req.format {
        ReportFormat::Md => crate::report::to_markdown(&report, method, lang),
        ReportFormat::Csv => crate::report::to_csv(&report, method, lang),
    };
    let Some(path) = req.output else {
        out(&text);
        return ExitCode::SUCCESS;
    };
    match store::write_atomic(&path, &text, |f, bytes| f.write_all(bytes)) {
        Ok(()) => {
            eprintln!("{}", fill(r.written, &[&path.display()]));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}", fill(r.write_failed, &[&path.display(), &e.detail]));
            ExitCode::from(1)
        }
    }
}

/// Prints to stdout, ignoring a closed pipe (`atelier show ID | head`): never a panic.
fn out(text: &str) {
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

/// `atelier check`: one `file:line:column: message` line per problem, then a summary.
fn check(dir: Option<PathBuf>, paths: Vec<PathBuf>, strings: &Strings) -> ExitCode {
    let t = &strings.store.check;
    let (paths, default_dir) = if paths.is_empty() {
        match read_dir_choice(dir, strings) {
            Ok(d) => (vec![d.clone()], Some(d)),
            Err(code) => return code,
        }
    } else {
        (paths, None)
    };
    let mut problems: Vec<(PathBuf, usize, usize, String)> = Vec::new();
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            match store::session_files(&path) {
                Ok(f) => files.extend(f),
                Err(e) => problems.push(problem(&path, &e, strings)),
            }
        } else if path.exists() {
            files.push(path);
        } else {
            problems.push((path, 1, 1, t.missing.to_string()));
        }
    }
    let mut unreadable = problems.len();
    let mut warnings = 0;
    let mut summaries: Vec<(Summary, (usize, usize))> = Vec::new();
    for path in &files {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                let e = LoadError::Io {
                    detail: e.to_string(),
                };
                problems.push(problem(path, &e, strings));
                unreadable += 1;
                continue;
            }
        };
        match store::parse_raw(&bytes) {
            Err(e) => {
                problems.push(problem(path, &e, strings));
                unreadable += 1;
            }
            Ok(session) => {
                let text = String::from_utf8_lossy(&bytes);
                for w in store::check_session(&session, strings) {
                    let (line, col) = store::locate(&text, &w.anchor);
                    problems.push((
                        path.clone(),
                        line,
                        col,
                        format!("{}: {}", t.warning, w.message),
                    ));
                    warnings += 1;
                }
                let at = store::locate(&text, &format!("\"{}\"", session.id));
                let modified = std::fs::metadata(path).and_then(|m| m.modified()).ok();
                summaries.push((Summary::of(&session, path.clone(), modified), at));
            }
        }
    }
    warnings += duplicates(summaries, strings, &mut problems);
    problems.sort_by(|a, b| (&a.0, a.1, a.2).cmp(&(&b.0, b.1, b.2)));
    let mut text = String::new();
    for (path, line, col, message) in &problems {
        text.push_str(&format!("{}:{line}:{col}: {message}\n", path.display()));
    }
    let checked = files.len();
    let summary = if !problems.is_empty() {
        fill(t.problems, &[&checked, &unreadable, &warnings])
    } else if checked == 0 {
        let place = default_dir.map_or(String::new(), |d| d.display().to_string());
        fill(t.none, &[&place])
    } else if checked == 1 {
        t.ok_one.to_string()
    } else {
        fill(t.ok, &[&checked])
    };
    text.push_str(&summary);
    text.push('\n');
    out(&text);
    if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn problem(path: &Path, e: &LoadError, strings: &Strings) -> (PathBuf, usize, usize, String) {
    let (line, col) = e.position().unwrap_or((1, 1));
    (path.to_path_buf(), line, col, e.message(strings))
}

/// Sessions found twice: a warning on each older copy, naming the copy in use.
fn duplicates(
    summaries: Vec<(Summary, (usize, usize))>,
    strings: &Strings,
    problems: &mut Vec<(PathBuf, usize, usize, String)>,
) -> usize {
    let places: Vec<(PathBuf, (usize, usize))> = summaries
        .iter()
        .map(|(s, at)| (s.path.clone(), *at))
        .collect();
    let listing = Listing::new(summaries.into_iter().map(|(s, _)| s).collect(), Vec::new());
    let mut count = 0;
    for old in listing.sessions.iter().filter(|s| s.shadowed) {
        let Some(used) = listing.in_use().find(|s| s.id == old.id) else {
            continue;
        };
        let (line, col) = places
            .iter()
            .find(|(p, _)| p == &old.path)
            .map_or((1, 1), |(_, at)| *at);
        let message = fill(
            strings.store.check.duplicate_session,
            &[&used.path.display()],
        );
        let warning = strings.store.check.warning;
        problems.push((old.path.clone(), line, col, format!("{warning}: {message}")));
        count += 1;
    }
    count
}

/// The session a command names, by file or by id (or the start of one); the error is
/// printed and its exit code returned.
fn target_session(
    dir: Option<PathBuf>,
    target: &str,
    strings: &Strings,
) -> Result<crate::model::Session, ExitCode> {
    let path = target_path(dir, target, strings)?;
    store::load(&path).map_err(|e| {
        eprintln!("{}", e.located(&path, strings));
        ExitCode::from(1)
    })
}

/// The file of the session a command names (see [`target_session`]).
fn target_path(dir: Option<PathBuf>, target: &str, strings: &Strings) -> Result<PathBuf, ExitCode> {
    let as_path = Path::new(target);
    let path = if as_path.is_file() {
        as_path.to_path_buf()
    } else {
        let dir = read_dir_choice(dir, strings)?;
        let listing = Store::new(&dir).list();
        match listing.find(target) {
            Ok(s) => s.path.clone(),
            Err(FindError::NotFound) => {
                let l = &strings.store.cli;
                eprintln!("{}", fill(l.not_found, &[&target, &dir.display()]));
                return Err(ExitCode::from(1));
            }
            Err(FindError::Ambiguous(ids)) => {
                let ids: Vec<&str> = ids.iter().map(Id::as_str).collect();
                eprintln!(
                    "{}",
                    fill(strings.store.cli.ambiguous, &[&target, &ids.join(", ")])
                );
                return Err(ExitCode::from(1));
            }
        }
    };
    Ok(path)
}

/// `atelier show FILE|ID`: the session as readable text.
fn show(dir: Option<PathBuf>, target: &str, private: bool, lang: Lang) -> ExitCode {
    match target_session(dir, target, lang.strings()) {
        Ok(session) => {
            out(&crate::show::to_text(
                &crate::show::show(&session, lang, private),
                lang,
            ));
            ExitCode::SUCCESS
        }
        Err(code) => code,
    }
}

/// `atelier export ID|FILE --format md|html|csv [-o FILE] [--anonymize]`: to stdout, or
/// to a file written whole (a temporary file renamed), never half.
fn export(
    dir: Option<PathBuf>,
    target: &str,
    format: crate::export::Format,
    output: Option<PathBuf>,
    anonymize: bool,
    lang: Lang,
) -> ExitCode {
    let strings = lang.strings();
    let session = match target_session(dir, target, strings) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let text = crate::export::export(&session, format, lang, anonymize);
    let Some(path) = output else {
        out(&text);
        return ExitCode::SUCCESS;
    };
    match crate::export::write(&path, &text, lang) {
        Ok(()) => {
            eprintln!("{}", fill(strings.export.written, &[&path.display()]));
            ExitCode::SUCCESS
        }
        Err(text) => {
            eprintln!("{text}");
            ExitCode::from(1)
        }
    }
}
