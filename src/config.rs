//! The settings: a RON file `config.ron` in the OS config folder (`~/.config/atelier` on
//! Linux), the environment and the command line, in that order of strength. Command-line
//! flags win over environment variables, which win over the file, which wins over the
//! defaults. [`resolve`] is that rule and nothing else: pure, so each level is tested.
//!
//! The language is the one place where the environment is split: `ATELIER_LANG` is asked
//! of atelier alone and wins over the file, while `LC_ALL`/`LC_MESSAGES`/`LANG` speak for
//! every program of the machine (and are set almost everywhere), so the file's `lang`,
//! written for atelier, wins over them. `NO_COLOR` removes colours whatever the theme's
//! source; high contrast keeps its bold and reverse without them.
//!
//! A file that cannot be used is never a reason to refuse to start: its problem is said
//! with `file:line:column` (on stderr and on the first screen) and the defaults apply.

use crate::i18n::{Lang, fill};
use crate::model::DEFAULT_DOT_BUDGET;
use crate::theme::{Theme, ThemeName};
use std::ffi::OsString;
use std::path::PathBuf;

/// The file's name in the OS config folder.
pub const FILE_NAME: &str = "config.ron";

/// The fields a file may hold, for the message about an unknown one.
const FIELDS: &[&str] = &[
    "lang",
    "theme",
    "dot_budget",
    "sessions_dir",
    "advisor",
    "diagnosis_questions",
];

/// What the command line asked for.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Flags {
    pub lang: Option<Lang>,
    pub theme: Option<ThemeName>,
    pub dir: Option<PathBuf>,
    pub config: Option<PathBuf>,
}

/// The environment variables that count, as read once at start.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Env {
    pub atelier_dir: Option<OsString>,
    pub atelier_lang: Option<String>,
    pub atelier_theme: Option<String>,
    pub atelier_config: Option<OsString>,
    /// The first non-empty of `LC_ALL`, `LC_MESSAGES`, `LANG` (POSIX order), with its name.
    pub locale: Option<(&'static str, String)>,
    pub no_color: Option<String>,
}

impl Env {
    pub fn from_process() -> Env {
        let text = |k: &str| std::env::var(k).ok();
        Env {
            atelier_dir: std::env::var_os("ATELIER_DIR"),
            atelier_lang: text("ATELIER_LANG"),
            atelier_theme: text("ATELIER_THEME"),
            atelier_config: std::env::var_os("ATELIER_CONFIG"),
            locale: ["LC_ALL", "LC_MESSAGES", "LANG"]
                .into_iter()
                .find_map(|k| text(k).filter(|v| !v.is_empty()).map(|v| (k, v))),
            no_color: text("NO_COLOR"),
        }
    }
}

/// The file's content once read: every field optional.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FileConfig {
    pub lang: Option<Lang>,
    pub theme: Option<ThemeName>,
    pub dot_budget: Option<u32>,
    /// Already made absolute: `~/` is the home folder, a relative path is taken from the
    /// file's own folder (not from wherever atelier happens to be started).
    pub sessions_dir: Option<PathBuf>,
    pub advisor: Option<String>,
    /// The programme's own diagnosis questions, added to the core (made absolute as
    /// `sessions_dir` is).
    pub diagnosis_questions: Option<PathBuf>,
}

/// Where a setting's value came from, for `atelier config`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// `--lang`, `--theme`, `--dir`.
    Flag(&'static str),
    /// An environment variable, by name.
    Env(&'static str),
    File,
    Default,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Setting<T> {
    pub value: T,
    pub from: Source,
}

fn set<T>(value: T, from: Source) -> Setting<T> {
    Setting { value, from }
}

/// Everything atelier starts with, each value with its source.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub lang: Setting<Lang>,
    pub theme: Setting<ThemeName>,
    /// `NO_COLOR` is set (to anything but nothing).
    pub no_color: bool,
    pub dot_budget: Setting<u32>,
    /// `None`: the OS data folder (see `store::choose_dir`).
    pub sessions_dir: Setting<Option<PathBuf>>,
    pub advisor: Setting<String>,
    /// The file of the programme's own diagnosis questions, if the configuration names one.
    pub diagnosis_questions: Setting<Option<PathBuf>>,
    /// Environment variables with a value that means nothing (`ATELIER_THEME=blue`):
    /// ignored, and said.
    pub ignored: Vec<(&'static str, String)>,
}

impl Settings {
    pub fn theme(&self) -> Theme {
        Theme::named(self.theme.value, self.no_color)
    }
}

/// The precedence rule: flag, then environment, then file, then default.
pub fn resolve(flags: &Flags, env: &Env, file: &FileConfig) -> Settings {
    let mut ignored = Vec::new();
    let atelier_lang = env.atelier_lang.as_deref().filter(|v| !v.is_empty());
    let env_lang = atelier_lang.and_then(|v| {
        let lang = Lang::parse(v.trim());
        if lang.is_none() {
            ignored.push(("ATELIER_LANG", v.to_string()));
        }
        lang
    });
    let lang = if let Some(l) = flags.lang {
        set(l, Source::Flag("lang"))
    } else if let Some(l) = env_lang {
        set(l, Source::Env("ATELIER_LANG"))
    } else if let Some(l) = file.lang {
        set(l, Source::File)
    } else if let Some((name, value)) = &env.locale {
        set(Lang::from_env_value(Some(value)), Source::Env(name))
    } else {
        set(Lang::default(), Source::Default)
    };

    let atelier_theme = env.atelier_theme.as_deref().filter(|v| !v.is_empty());
    let env_theme = atelier_theme.and_then(|v| {
        let theme = ThemeName::parse(v);
        if theme.is_none() {
            ignored.push(("ATELIER_THEME", v.to_string()));
        }
        theme
    });
    let theme = if let Some(t) = flags.theme {
        set(t, Source::Flag("theme"))
    } else if let Some(t) = env_theme {
        set(t, Source::Env("ATELIER_THEME"))
    } else if let Some(t) = file.theme {
        set(t, Source::File)
    } else {
        set(ThemeName::default(), Source::Default)
    };

    let flag_dir = flags.dir.clone().filter(|d| !d.as_os_str().is_empty());
    let env_dir = env.atelier_dir.clone().filter(|d| !d.is_empty());
    let sessions_dir = if let Some(d) = flag_dir {
        set(Some(d), Source::Flag("dir"))
    } else if let Some(d) = env_dir {
        set(Some(PathBuf::from(d)), Source::Env("ATELIER_DIR"))
    } else if let Some(d) = &file.sessions_dir {
        set(Some(d.clone()), Source::File)
    } else {
        set(None, Source::Default)
    };

    let dot_budget = match file.dot_budget {
        Some(b) => set(b, Source::File),
        None => set(DEFAULT_DOT_BUDGET, Source::Default),
    };
    let advisor = match file.advisor.as_deref().map(str::trim) {
        Some(a) if !a.is_empty() => set(a.to_string(), Source::File),
        _ => set(String::new(), Source::Default),
    };
    let diagnosis_questions = match &file.diagnosis_questions {
        Some(p) => set(Some(p.clone()), Source::File),
        None => set(None, Source::Default),
    };
    Settings {
        lang,
        theme,
        no_color: Theme::no_color(env.no_color.as_deref()),
        dot_budget,
        sessions_dir,
        advisor,
        diagnosis_questions,
        ignored,
    }
}

mod file;
pub use file::*;

// ---------------------------------------------------------------------------------------
// At start

/// The settings as the program starts with them, and how the file went.
#[derive(Debug, Clone)]
pub struct Startup {
    pub settings: Settings,
    pub location: Option<Location>,
    pub file: FileState,
    /// The diagnosis form: the core questions, then the programme's own when the
    /// configuration names a file of them and it reads; else why it was left aside.
    pub diagnosis: Result<Vec<Question>, QuestionsError>,
}

impl Startup {
    /// Reads the environment and the file (the only IO here), then [`resolve`]s.
    pub fn load(flags: &Flags) -> Startup {
        let env = Env::from_process();
        let location = locate(flags, &env);
        let (file, state) = match &location {
            Some(loc) => read(loc),
            None => (FileConfig::default(), FileState::Absent),
        };
        let settings = resolve(flags, &env, &file);
        let diagnosis = diagnosis::questions(settings.diagnosis_questions.value.as_deref());
        Startup {
            settings,
            location,
            file: state,
            diagnosis,
        }
    }

    /// What went wrong, one message each, for stderr.
    pub fn problems(&self) -> Vec<String> {
        let s = self.settings.lang.value.strings();
        let mut out: Vec<String> = self
            .settings
            .ignored
            .iter()
            .map(|(var, value)| {
                let expected = match *var {
                    "ATELIER_THEME" => "dark, light, high-contrast",
                    _ => "fr, en",
                };
                fill(s.config.env_ignored, &[var, value, &expected])
            })
            .collect();
        if let FileState::Ignored(e) = &self.file {
            out.push(e.message(s));
        }
        if let Err(e) = &self.diagnosis {
            out.push(e.message(s));
        }
        out
    }

    /// The first screen's flash line, when something was ignored.
    pub fn flash(&self) -> Option<String> {
        let s = self.settings.lang.value.strings();
        match &self.file {
            FileState::Ignored(e) => Some(e.flash(s)),
            _ => self.problems().into_iter().next(),
        }
    }

    /// What the interactive program takes from here beyond the folder and the language.
    pub fn prefs(&self) -> Prefs {
        Prefs {
            theme: self.settings.theme(),
            dot_budget: self.settings.dot_budget.value,
            advisor: self.settings.advisor.value.clone(),
            diagnosis: self
                .diagnosis
                .clone()
                .unwrap_or_else(|_| crate::model::dated::core_questions()),
            notice: self.flash(),
        }
    }
}

/// The interactive program's share of the settings.
#[derive(Debug, Clone, PartialEq)]
pub struct Prefs {
    pub theme: Theme,
    /// Dots per member in new sessions.
    pub dot_budget: u32,
    /// Prefilled in the setup of a new group.
    pub advisor: String,
    /// The questions a new diagnosis asks.
    pub diagnosis: Vec<Question>,
    /// Shown on the first screen: the configuration was (partly) ignored.
    pub notice: Option<String>,
}

impl Prefs {
    /// Hands them to the interactive program's model, before its first screen.
    pub fn apply(&self, model: &mut crate::ui::Model) {
        model.theme = self.theme;
        model.dot_budget = self.dot_budget;
        model.advisor = self.advisor.clone();
        model.diagnosis = self.diagnosis.clone();
        // The configuration was (partly) ignored: said on the first screen too, until the
        // first key, as any flash.
        if let Some(text) = &self.notice {
            model.flash = Some(crate::ui::Flash {
                text: text.clone(),
                error: true,
            });
        }
    }
}

impl Default for Prefs {
    fn default() -> Prefs {
        Prefs {
            theme: Theme::DARK,
            dot_budget: DEFAULT_DOT_BUDGET,
            advisor: String::new(),
            diagnosis: crate::model::dated::core_questions(),
            notice: None,
        }
    }
}

/// The language for `--help`, before the command line is parsed: `--lang` was looked for
/// already; here the rest of the chain, with `--config FILE` if the arguments hold one.
pub fn early_lang(args: &[OsString]) -> Lang {
    let args: Vec<&str> = args.iter().filter_map(|a| a.to_str()).collect();
    let config = args
        .iter()
        .enumerate()
        .find_map(|(i, a)| match a.strip_prefix("--config") {
            Some(rest) if rest.starts_with('=') => Some(PathBuf::from(&rest[1..])),
            Some("") => args.get(i + 1).map(PathBuf::from),
            _ => None,
        });
    let flags = Flags {
        config,
        ..Flags::default()
    };
    Startup::load(&flags).settings.lang.value
}

mod diagnosis;
mod report;
pub use diagnosis::QuestionsError;
pub use report::report;

use crate::model::dated::Question;

#[cfg(test)]
mod tests;
