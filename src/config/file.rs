//! Finding the configuration file and reading it: every problem with its place.

use super::{Env, FIELDS, FILE_NAME, FileConfig, Flags, Source};
use crate::i18n::{Lang, Strings, fill};
use crate::model::MAX_DOT_BUDGET;
use crate::theme::ThemeName;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// Where the file is looked for, and who said so.
#[derive(Debug, Clone, PartialEq)]
pub struct Location {
    pub path: PathBuf,
    pub from: Source,
}

/// `--config FILE`, else `ATELIER_CONFIG`, else `config.ron` in the OS config folder;
/// `None` when there is no home folder to find that one in.
pub fn locate(flags: &Flags, env: &Env) -> Option<Location> {
    if let Some(p) = flags.config.clone().filter(|p| !p.as_os_str().is_empty()) {
        return Some(Location {
            path: p,
            from: Source::Flag("config"),
        });
    }
    if let Some(p) = env.atelier_config.clone().filter(|p| !p.is_empty()) {
        return Some(Location {
            path: PathBuf::from(p),
            from: Source::Env("ATELIER_CONFIG"),
        });
    }
    directories::ProjectDirs::from("", "", "atelier").map(|d| Location {
        path: d.config_dir().join(FILE_NAME),
        from: Source::Default,
    })
}

/// What became of the file.
#[derive(Debug, Clone, PartialEq)]
pub enum FileState {
    /// Not there: the defaults, silently (the usual case).
    Absent,
    Read,
    /// There but not usable: ignored, with the reason.
    Ignored(ConfigError),
}

/// Why the file was ignored.
#[derive(Debug, Clone, PartialEq)]
pub struct ConfigError {
    pub path: PathBuf,
    /// Line and column (1-based) when the problem has a place in the file.
    pub at: Option<(usize, usize)>,
    pub problem: Problem,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// Named with `--config` or `ATELIER_CONFIG` and not there.
    NotFound,
    Unreadable(String),
    UnknownField(String),
    UnknownTheme(String),
    UnknownLang(String),
    BudgetOutOfRange(u32),
    Duplicate(String),
    /// `theme: "dark"`: RON writes the names bare. The field's name.
    Quoted(&'static str),
    /// `lang: Fr` with no `( )` around the settings.
    NoParens,
    /// Anything else the parser says (its own English words).
    Syntax(String),
}

/// Reads the file at `loc`. A missing file at the default place is not a problem; one
/// named on purpose is.
pub fn read(loc: &Location) -> (FileConfig, FileState) {
    let error = |at, problem| {
        let e = ConfigError {
            path: loc.path.clone(),
            at,
            problem,
        };
        (FileConfig::default(), FileState::Ignored(e))
    };
    match std::fs::read_to_string(&loc.path) {
        Ok(text) => match parse(&text, &loc.path, home().as_deref()) {
            Ok(file) => (file, FileState::Read),
            Err((at, problem)) => error(at, problem),
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => match loc.from {
            Source::Default => (FileConfig::default(), FileState::Absent),
            _ => error(None, Problem::NotFound),
        },
        Err(e) => error(None, Problem::Unreadable(e.to_string())),
    }
}

fn home() -> Option<PathBuf> {
    directories::BaseDirs::new().map(|b| b.home_dir().to_path_buf())
}

/// The file as written. `Option`s are written bare (`dot_budget: 5`, RON's implicit
/// `Some`), the language and theme as identifiers (`En`, `HighContrast`) or lower case.
#[derive(Debug, Default, Deserialize)]
#[serde(rename = "Config", default, deny_unknown_fields)]
struct Raw {
    lang: Option<LangName>,
    theme: Option<ThemeName>,
    dot_budget: Option<u32>,
    sessions_dir: Option<PathBuf>,
    advisor: Option<String>,
    diagnosis_questions: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, Deserialize)]
enum LangName {
    #[serde(alias = "fr", alias = "FR")]
    Fr,
    #[serde(alias = "en", alias = "EN")]
    En,
}

pub type Located = (Option<(usize, usize)>, Problem);

/// Parses the file's text; `path` places a relative `sessions_dir`, `home` expands `~/`.
pub fn parse(text: &str, path: &Path, home: Option<&Path>) -> Result<FileConfig, Located> {
    // An empty file, or one with only comments, is a file that sets nothing.
    let meaningful = text
        .lines()
        .map(str::trim)
        .any(|l| !l.is_empty() && !l.starts_with("//"));
    if !meaningful {
        return Ok(FileConfig::default());
    }
    let options =
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    let raw: Raw = options.from_str(text).map_err(|e| located(text, e))?;
    if let Some(b) = raw.dot_budget
        && !(1..=MAX_DOT_BUDGET).contains(&b)
    {
        let at = crate::store::locate(text, "dot_budget");
        return Err((Some(at), Problem::BudgetOutOfRange(b)));
    }
    let base = path.parent().unwrap_or(Path::new(""));
    Ok(FileConfig {
        lang: raw.lang.map(|l| match l {
            LangName::Fr => Lang::Fr,
            LangName::En => Lang::En,
        }),
        theme: raw.theme,
        dot_budget: raw.dot_budget,
        sessions_dir: raw
            .sessions_dir
            .filter(|d| !d.as_os_str().is_empty())
            .map(|d| absolute(&d, base, home)),
        advisor: raw.advisor,
        diagnosis_questions: raw
            .diagnosis_questions
            .filter(|d| !d.as_os_str().is_empty())
            .map(|d| absolute(&d, base, home)),
    })
}

/// `~/x` under the home folder, a relative path under `base`, an absolute one as it is.
fn absolute(dir: &Path, base: &Path, home: Option<&Path>) -> PathBuf {
    if let (Ok(rest), Some(home)) = (dir.strip_prefix("~"), home) {
        return home.join(rest);
    }
    if dir.is_absolute() {
        dir.to_path_buf()
    } else {
        base.join(dir)
    }
}

fn located(text: &str, e: ron::error::SpannedError) -> Located {
    let at = Some((e.span.start.line, e.span.start.col));
    let problem = match e.code {
        ron::Error::NoSuchStructField { found, .. } => Problem::UnknownField(found),
        ron::Error::NoSuchEnumVariant { found, outer, .. } => {
            if outer.as_deref() == Some("LangName") {
                Problem::UnknownLang(found)
            } else {
                Problem::UnknownTheme(found)
            }
        }
        ron::Error::DuplicateStructField { field, .. } => Problem::Duplicate(field.to_string()),
        ron::Error::ExpectedIdentifier => {
            // Which field wanted a bare name: the one just before the place.
            let line = text
                .lines()
                .nth(e.span.start.line.saturating_sub(1))
                .unwrap_or("");
            let before: String = line
                .chars()
                .take(e.span.start.col.saturating_sub(1))
                .collect();
            let field = before.trim_end().trim_end_matches(':').trim_end();
            match ["theme", "lang"].into_iter().find(|f| field.ends_with(f)) {
                Some(f) => Problem::Quoted(f),
                None => Problem::Syntax(e.code.to_string()),
            }
        }
        ron::Error::ExpectedDifferentStructName { .. }
        | ron::Error::ExpectedNamedStructLike(_)
        | ron::Error::ExpectedStructLike => Problem::NoParens,
        ron::Error::Eof => {
            // Where the text stops: that is where something is missing.
            let end = text.trim_end();
            let line = 1 + end.matches('\n').count();
            let col = 1 + end.rsplit('\n').next().map_or(0, |l| l.chars().count());
            return (Some((line, col)), Problem::Syntax(e.code.to_string()));
        }
        other => Problem::Syntax(other.to_string()),
    };
    (at, problem)
}

impl ConfigError {
    /// `path:line:column` (or the path alone when the problem has no place).
    pub fn place(&self) -> String {
        match self.at {
            Some((line, col)) => format!("{}:{line}:{col}", self.path.display()),
            None => self.path.display().to_string(),
        }
    }

    /// The problem itself, in a few words.
    pub fn problem(&self, s: &Strings) -> String {
        let c = s.config;
        match &self.problem {
            Problem::NotFound => c.not_found.to_string(),
            Problem::Unreadable(detail) => fill(c.unreadable, &[detail]),
            Problem::UnknownField(found) => fill(c.unknown_field, &[found, &FIELDS.join(", ")]),
            Problem::UnknownTheme(found) => fill(c.unknown_theme, &[found]),
            Problem::UnknownLang(found) => fill(c.unknown_lang, &[found]),
            Problem::BudgetOutOfRange(n) => fill(c.budget_range, &[n, &MAX_DOT_BUDGET]),
            Problem::Duplicate(field) => fill(c.duplicate, &[field]),
            Problem::Quoted(field) => fill(c.quoted, &[field]),
            Problem::NoParens => c.no_parens.to_string(),
            Problem::Syntax(detail) => fill(c.syntax, &[detail]),
        }
    }

    /// The whole message for stderr: where, what, and what happens now.
    pub fn message(&self, s: &Strings) -> String {
        fill(s.config.ignored, &[&self.place(), &self.problem(s)])
    }

    /// One line for the first screen: the file's name rather than its whole path.
    pub fn flash(&self, s: &Strings) -> String {
        let name = self.path.file_name().map_or_else(
            || self.path.display().to_string(),
            |n| n.to_string_lossy().into(),
        );
        let place = match self.at {
            Some((line, col)) => format!("{name}:{line}:{col}"),
            None => name,
        };
        fill(s.config.flash, &[&place, &self.problem(s)])
    }
}
