//! The programme's own diagnosis questions (issue 13, point 8): a RON list of questions in
//! the file the configuration's `diagnosis_questions` names, added after the core ones. The
//! core cannot be removed or retyped (`model::dated::form_with`); a file that does not read
//! or breaks that rule is left aside with a sentence, and the core is asked alone.

use crate::i18n::{Strings, fill};
use crate::model::dated::{DiagnosisError, Question, core_questions, form_with};
use std::path::{Path, PathBuf};

/// Why the programme's questions were left aside.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionsError {
    pub path: PathBuf,
    pub problem: QuestionsProblem,
}

#[derive(Debug, Clone, PartialEq)]
pub enum QuestionsProblem {
    Unreadable(String),
    /// The parser's place (line, column) and words.
    Syntax(usize, usize, String),
    Rule(DiagnosisError),
}

/// The form: the core questions, then those of the file at `path` (none: the core alone).
pub fn questions(path: Option<&Path>) -> Result<Vec<Question>, QuestionsError> {
    let Some(path) = path else {
        return Ok(core_questions());
    };
    let error = |problem| QuestionsError {
        path: path.to_path_buf(),
        problem,
    };
    let text = std::fs::read_to_string(path)
        .map_err(|e| error(QuestionsProblem::Unreadable(e.to_string())))?;
    let extra: Vec<Question> = ron::from_str(&text).map_err(|e| {
        error(QuestionsProblem::Syntax(
            e.span.start.line,
            e.span.start.col,
            e.code.to_string(),
        ))
    })?;
    form_with(extra).map_err(|e| error(QuestionsProblem::Rule(e)))
}

impl QuestionsError {
    /// One sentence: the file, what is wrong, what atelier does meanwhile.
    pub fn message(&self, s: &Strings) -> String {
        let c = s.config;
        let place = self.path.display().to_string();
        let problem = match &self.problem {
            QuestionsProblem::Unreadable(why) => fill(c.unreadable, &[why]),
            QuestionsProblem::Syntax(line, col, words) => {
                let place = format!("{place}:{line}:{col}");
                return fill(c.questions_ignored, &[&place, &fill(c.syntax, &[words])]);
            }
            QuestionsProblem::Rule(DiagnosisError::Duplicate(id)) => {
                fill(c.questions_duplicate, &[id])
            }
            QuestionsProblem::Rule(DiagnosisError::Incomplete) => {
                c.questions_incomplete.to_string()
            }
            QuestionsProblem::Rule(DiagnosisError::NoChoices(id)) => {
                fill(c.questions_no_choices, &[id])
            }
        };
        fill(c.questions_ignored, &[&place, &problem])
    }
}
