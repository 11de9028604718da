//! The method is data: its phases, their kind, titles, purpose, questions and default minutes
//! come from a RON file. The built-in one is embedded; a trainer can load their own with
//! `--method FILE`. Behaviour belongs to the phase *kind*; the wording belongs to the file.

use crate::i18n::Lang;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::Path;

pub const BUILTIN_SOURCE: &str = include_str!("../assets/methods/conseil-de-groupe.ron");

/// A text in both languages of the interface.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct L10n {
    pub fr: String,
    pub en: String,
}

impl L10n {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }
}

/// The behaviour a phase gets: what it records and which screen it shows.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    strum::VariantArray,
)]
pub enum PhaseKind {
    CheckIn,
    FollowUp,
    NeedEmergence,
    ProblemReflection,
    SolutionSearch,
    ActionPlan,
    Closing,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Phase {
    pub kind: PhaseKind,
    pub title: L10n,
    /// A short title for the stepper, where space is tight.
    #[serde(default)]
    pub short: L10n,
    pub purpose: L10n,
    pub questions: Vec<L10n>,
    pub minutes: u32,
}

impl Phase {
    pub fn short_title(&self, lang: Lang) -> &str {
        let s = self.short.get(lang);
        if s.is_empty() {
            self.title.get(lang)
        } else {
            s
        }
    }
}

/// A category that needs or causes can be filed under, counted across sessions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Category {
    pub id: String,
    pub label: L10n,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Method {
    pub id: String,
    pub name: L10n,
    pub phases: Vec<Phase>,
    #[serde(default)]
    pub need_categories: Vec<Category>,
    #[serde(default)]
    pub cause_categories: Vec<Category>,
}

/// Why a method file was refused, with the place in the file when there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MethodError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for MethodError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

impl Method {
    pub fn builtin() -> Method {
        Method::parse(BUILTIN_SOURCE).expect("the built-in method file is valid (tested)")
    }

    /// Parses and validates a method. Errors carry a 1-based line and column.
    pub fn parse(source: &str) -> Result<Method, MethodError> {
        let source = source.strip_prefix('\u{feff}').unwrap_or(source);
        let method: Method = ron::from_str(source).map_err(|e| MethodError {
            line: e.span.start.line,
            column: e.span.start.col,
            message: e.code.to_string(),
        })?;
        method.validate().map_err(|message| MethodError {
            line: 1,
            column: 1,
            message,
        })?;
        Ok(method)
    }

    pub fn load(path: &Path) -> Result<Method, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        Method::parse(&text).map_err(|e| format!("{}:{e}", path.display()))
    }

    fn validate(&self) -> Result<(), String> {
        if self.phases.is_empty() {
            return Err("the method has no phase".into());
        }
        let mut seen = Vec::new();
        for (i, p) in self.phases.iter().enumerate() {
            let n = i + 1;
            if seen.contains(&p.kind) {
                return Err(format!("phase {n}: the kind {:?} appears twice", p.kind));
            }
            seen.push(p.kind);
            if p.title.fr.trim().is_empty() || p.title.en.trim().is_empty() {
                return Err(format!(
                    "phase {n}: a title is empty (fr and en are needed)"
                ));
            }
            if p.minutes == 0 || p.minutes > 600 {
                return Err(format!("phase {n}: minutes must be between 1 and 600"));
            }
        }
        Ok(())
    }

    pub fn index_of(&self, kind: PhaseKind) -> Option<usize> {
        self.phases.iter().position(|p| p.kind == kind)
    }

    pub fn need_category(&self, id: &str) -> Option<&Category> {
        self.need_categories.iter().find(|c| c.id == id)
    }

    pub fn cause_category(&self, id: &str) -> Option<&Category> {
        self.cause_categories.iter().find(|c| c.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use strum::VariantArray;

    #[test]
    fn builtin_method_has_seven_phases_with_questions_in_both_languages() {
        let m = Method::builtin();
        assert_eq!(m.phases.len(), 7);
        let kinds: Vec<PhaseKind> = m.phases.iter().map(|p| p.kind).collect();
        assert_eq!(kinds, PhaseKind::VARIANTS);
        for p in &m.phases {
            assert!(p.questions.len() >= 3, "{:?} needs three questions", p.kind);
            for q in &p.questions {
                assert!(!q.fr.trim().is_empty() && !q.en.trim().is_empty());
            }
            assert!(!p.purpose.fr.is_empty() && !p.purpose.en.is_empty());
            assert!(!p.short.fr.is_empty() && !p.short.en.is_empty());
        }
        assert!(m.need_categories.len() >= 8);
        assert!(m.cause_categories.len() >= 7);
    }

    #[test]
    fn malformed_method_gives_line_and_column() {
        let err = Method::parse("(\n  id: \"x\",\n  name: oops\n)").unwrap_err();
        assert_eq!(err.line, 3);
        assert!(err.column > 1);
    }

    #[test]
    fn duplicate_kind_is_refused() {
        let mut m = Method::builtin();
        m.phases[1].kind = PhaseKind::CheckIn;
        let text = ron::to_string(&m).unwrap();
        let err = Method::parse(&text).unwrap_err();
        assert!(err.message.contains("twice"), "{err}");
    }
}
