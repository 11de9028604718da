//! The one text field being typed in. Its text is mirrored into the session's drafts at every
//! keystroke, so an autosave carries it and a crash loses nothing.

use crate::model::{Author, Id, TextField};
use crate::ui::Pane;
use ratatui_textarea::{CursorMove, TextArea};

/// What the text being typed will become once validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Text(TextField),
    NextDate,
    /// A new item at the end of a list pane.
    New(Pane),
    /// A new sub-cause under this cause ("why?").
    SubCause(Id),
    /// The text of an existing item of a list pane.
    Item(Pane, Id),
    ReviewComment(Id),
    Commitment(Id),
    /// The number of dots each present member may place.
    Budget,
    /// The hands counted for a theme, in a vote by show of hands.
    Tally(Id),
}

impl Target {
    /// The key of this field's draft in the session file: stable and readable.
    pub fn draft_key(&self) -> String {
        match self {
            Target::Text(f) => format!("text:{f:?}"),
            Target::NextDate => "next-date".into(),
            Target::New(p) => format!("new:{p:?}"),
            Target::SubCause(id) => format!("why:{id}"),
            Target::Item(p, id) => format!("edit:{p:?}:{id}"),
            Target::ReviewComment(id) => format!("comment:{id}"),
            Target::Commitment(id) => format!("commitment:{id}"),
            Target::Budget => "budget".into(),
            Target::Tally(id) => format!("tally:{id}"),
        }
    }

    /// Reads a draft key back (for resuming a session with a field half typed).
    pub fn from_draft_key(key: &str) -> Option<Target> {
        let (kind, rest) = key.split_once(':').unwrap_or((key, ""));
        Some(match kind {
            "text" => Target::Text(
                TextField::ALL
                    .into_iter()
                    .find(|f| format!("{f:?}") == rest)?,
            ),
            "next-date" => Target::NextDate,
            "new" => Target::New(Pane::from_name(rest)?),
            "why" => Target::SubCause(Id(rest.to_string())),
            "edit" => {
                let (p, id) = rest.split_once(':')?;
                Target::Item(Pane::from_name(p)?, Id(id.to_string()))
            }
            "comment" => Target::ReviewComment(Id(rest.to_string())),
            "commitment" => Target::Commitment(Id(rest.to_string())),
            "budget" => Target::Budget,
            "tally" => Target::Tally(Id(rest.to_string())),
            _ => return None,
        })
    }

    /// Fields of sentences take new lines (Alt-Enter); titles, names, places, dates and
    /// numbers are one line.
    pub fn multiline(&self) -> bool {
        matches!(
            self,
            Target::Text(
                TextField::Remarks
                    | TextField::ProblemStatement
                    | TextField::ClosingComments
                    | TextField::PrivateNotes
            ) | Target::New(Pane::Cards | Pane::Ideas)
                | Target::Item(Pane::Cards | Pane::Ideas, _)
                | Target::ReviewComment(_)
                | Target::Commitment(_)
        )
    }

    /// The pane on screen while this field is typed in.
    pub fn pane(&self) -> Pane {
        match self {
            Target::Text(f) => Pane::for_text(*f),
            Target::NextDate => Pane::NextDate,
            Target::New(p) | Target::Item(p, _) => *p,
            Target::SubCause(_) => Pane::Causes,
            Target::ReviewComment(_) => Pane::Reviews,
            Target::Commitment(_) => Pane::ClosingMembers,
            Target::Budget | Target::Tally(_) => Pane::Votes,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Editor {
    pub target: Target,
    pub area: TextArea<'static>,
    /// The text the field had when opened: Esc with no change leaves no draft behind.
    pub original: String,
    /// For cards and ideas: who said it.
    pub author: Author,
    pub error: Option<String>,
}

impl Editor {
    pub fn new(target: Target, text: &str, original: &str, author: Author) -> Editor {
        let lines: Vec<String> = if text.is_empty() {
            vec![String::new()]
        } else {
            text.split('\n').map(str::to_string).collect()
        };
        let mut area = TextArea::new(lines);
        area.move_cursor(CursorMove::Bottom);
        area.move_cursor(CursorMove::End);
        Editor {
            target,
            area,
            original: original.to_string(),
            author,
            error: None,
        }
    }

    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    pub fn is_changed(&self) -> bool {
        self.text() != self.original
    }

    /// Inserts pasted text: `\r\n` and lone `\r` become new lines, or spaces in a one-line field.
    pub fn paste(&mut self, text: &str) {
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        let text = if self.target.multiline() {
            text
        } else {
            text.trim_end_matches('\n').replace('\n', " ")
        };
        self.area.insert_str(text);
    }
}
