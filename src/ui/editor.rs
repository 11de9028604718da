//! The one text field being typed in. Its text, and for a card or an idea its author, are
//! mirrored into the session's drafts at every keystroke, so an autosave carries them and a
//! crash loses nothing. The drafts' keys are `drafts.rs`'s.

use super::drafts::{self, SUB, pane_name, pane_named, text_field_name, text_field_named};
use crate::i18n::Strings;
use crate::model::{Author, Id, TextField};
use crate::ui::Pane;
use ratatui_textarea::{CursorMove, TextArea};
use std::collections::BTreeMap;

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
    /// The comment of a planned activity under review (the follow-up).
    PlanComment(Id),
    Commitment(Id),
    /// The number of dots each present member may place.
    Budget,
    /// The hands counted for a theme, in a vote by show of hands.
    Tally(Id),
}

impl Target {
    /// The title of the field's box: what is being typed.
    pub fn title(&self, s: &Strings) -> &'static str {
        match self {
            Target::New(p) => p.new_item_title(s),
            Target::Item(..) => s.editor_edit,
            Target::SubCause(_) => s.editor_sub_cause,
            Target::ReviewComment(_) | Target::PlanComment(_) => s.editor_comment,
            Target::Commitment(_) => s.editor_commitment,
            Target::Text(_) | Target::NextDate => s.editor_text,
            Target::Budget => s.needs.editor_budget,
            Target::Tally(_) => s.needs.editor_tally,
        }
    }

    /// The key of this field's draft in the session file: readable, and stable because it
    /// is written from explicit names (see `drafts.rs`), the ones atelier always wrote.
    pub fn draft_key(&self) -> String {
        match self {
            Target::Text(f) => format!("text:{}", text_field_name(*f)),
            Target::NextDate => "next-date".into(),
            Target::New(p) => format!("new:{}", pane_name(*p)),
            Target::SubCause(id) => format!("why:{id}"),
            Target::Item(p, id) => format!("edit:{}:{id}", pane_name(*p)),
            Target::ReviewComment(id) => format!("comment:{id}"),
            Target::PlanComment(id) => format!("plan-comment:{id}"),
            Target::Commitment(id) => format!("commitment:{id}"),
            Target::Budget => "budget".into(),
            Target::Tally(id) => format!("tally:{id}"),
        }
    }

    /// Reads a draft key back (for resuming a session with a field half typed). A sub-key
    /// (what a draft holds beside its text) is no field of its own.
    pub fn from_draft_key(key: &str) -> Option<Target> {
        if key.contains(SUB) {
            return None;
        }
        let (kind, rest) = key.split_once(':').unwrap_or((key, ""));
        Some(match kind {
            "text" => Target::Text(text_field_named(rest)?),
            "next-date" => Target::NextDate,
            "new" => Target::New(pane_named(rest)?),
            "why" => Target::SubCause(Id(rest.to_string())),
            "edit" => {
                let (p, id) = rest.split_once(':')?;
                Target::Item(pane_named(p)?, Id(id.to_string()))
            }
            "comment" => Target::ReviewComment(Id(rest.to_string())),
            "plan-comment" => Target::PlanComment(Id(rest.to_string())),
            "commitment" => Target::Commitment(Id(rest.to_string())),
            "budget" => Target::Budget,
            "tally" => Target::Tally(Id(rest.to_string())),
            _ => return None,
        })
    }

    /// A card or an idea: who said it is part of what is typed.
    pub fn has_author(&self) -> bool {
        matches!(
            self,
            Target::New(Pane::Cards | Pane::Ideas) | Target::Item(Pane::Cards | Pane::Ideas, _)
        )
    }

    /// The author kept with this field's draft, if it has one.
    pub fn draft_author(&self, drafts: &BTreeMap<String, String>) -> Option<Author> {
        if !self.has_author() {
            return None;
        }
        let text = drafts.get(&drafts::author_key(&self.draft_key()))?;
        drafts::author_from(text)
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
                | Target::PlanComment(_)
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
            Target::PlanComment(_) => Pane::PlanReview,
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
    /// The author the field had when opened: changing it is a change, as the text is.
    pub original_author: Author,
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
            original_author: author.clone(),
            author,
            error: None,
        }
    }

    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    /// Whether there is something to keep: the text changed, or the author of an existing
    /// card or idea (a new one with no text yet is nothing to keep, whoever its author).
    pub fn is_changed(&self) -> bool {
        self.text() != self.original
            || (matches!(self.target, Target::Item(..)) && self.author != self.original_author)
    }

    /// Keeps what the field holds in the drafts: its text and, for a card or an idea, its
    /// author; or removes its draft when there is nothing to keep.
    pub fn keep_draft(&self, drafts: &mut BTreeMap<String, String>) {
        let key = self.target.draft_key();
        drafts::remove(drafts, &key);
        if !self.is_changed() {
            return;
        }
        if self.target.has_author() {
            drafts.insert(drafts::author_key(&key), drafts::author_text(&self.author));
        }
        drafts.insert(key, self.text());
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

#[cfg(test)]
mod tests {
    use super::*;
    use strum::VariantArray;

    /// The keys are the ones atelier has always written (from `Debug` then): a file saved by
    /// any release finds its drafts, and renaming a variant cannot change them.
    #[test]
    fn draft_keys_are_the_ones_always_written_and_read_back() {
        let id = || Id("k3x9p".into());
        let table = [
            (
                Target::Text(TextField::ProblemStatement),
                "text:ProblemStatement",
            ),
            (Target::Text(TextField::PrivateNotes), "text:PrivateNotes"),
            (Target::NextDate, "next-date"),
            (Target::New(Pane::Cards), "new:Cards"),
            (Target::New(Pane::Ideas), "new:Ideas"),
            (Target::New(Pane::Themes), "new:Themes"),
            (Target::SubCause(id()), "why:k3x9p"),
            (Target::Item(Pane::Ideas, id()), "edit:Ideas:k3x9p"),
            (Target::ReviewComment(id()), "comment:k3x9p"),
            (Target::PlanComment(id()), "plan-comment:k3x9p"),
            (Target::Commitment(id()), "commitment:k3x9p"),
            (Target::Budget, "budget"),
            (Target::Tally(id()), "tally:k3x9p"),
        ];
        for (target, key) in table {
            assert_eq!(target.draft_key(), key);
            assert_eq!(Target::from_draft_key(key), Some(target));
        }
        for &pane in Pane::VARIANTS {
            assert_eq!(Target::New(pane).draft_key(), format!("new:{pane:?}"));
        }
        for &f in TextField::VARIANTS {
            assert_eq!(Target::Text(f).draft_key(), format!("text:{f:?}"));
        }
    }

    #[test]
    fn a_sub_key_is_no_field() {
        assert_eq!(Target::from_draft_key("new:Ideas/author"), None);
        assert_eq!(Target::from_draft_key("edit:Cards:k3x9p/author"), None);
    }
}
