//! A form of what the group decides about itself during a session: a member joining or
//! leaving, a member elected to a role, a rule, an objective or an activity of the work
//! plan, a joint project or one of its milestones. One popup at a time, over the check-in or
//! over the group's decisions.
//!
//! Everything typed in it is kept in the session's drafts at every key, as the action
//! form's is: each field under `group:<form>:<id or new>:<field>` (see `drafts.rs` for the
//! field names), a choice as what its option stands for (a member's id, a year, a role), so
//! that a crash brings the form back as it was, whatever changed in the lists meanwhile.

use super::drafts::field_name;
use super::{FieldId, FieldKind, Form};
use crate::model::Id;
use std::collections::BTreeMap;

/// The prefix of every draft of these forms.
pub const DRAFT_PREFIX: &str = "group:";

/// What a form records once validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LifeKind {
    /// A member joining the group at this meeting.
    NewMember,
    /// A member leaving the group (a confirmation follows).
    Leave(Id),
    /// A member elected to a role.
    Elect,
    /// A rule adopted, or the new wording of one.
    Rule(Option<Id>),
    /// An objective of the work plan added, or reworded.
    Objective(Option<Id>),
    /// A planned activity added, or changed.
    Activity(Option<Id>),
    /// A joint project started, or its title and aim changed.
    Project(Option<Id>),
    /// A milestone added to this project.
    Milestone(Id),
    /// This milestone changed (its text, its date).
    EditMilestone(Id),
}

impl LifeKind {
    /// The form's name and what it is about, as its drafts' keys say them.
    fn parts(&self) -> (&'static str, Option<&Id>) {
        match self {
            LifeKind::NewMember => ("member", None),
            LifeKind::Leave(id) => ("leave", Some(id)),
            LifeKind::Elect => ("elect", None),
            LifeKind::Rule(id) => ("rule", id.as_ref()),
            LifeKind::Objective(id) => ("objective", id.as_ref()),
            LifeKind::Activity(id) => ("activity", id.as_ref()),
            LifeKind::Project(id) => ("project", id.as_ref()),
            LifeKind::Milestone(id) => ("milestone", Some(id)),
            LifeKind::EditMilestone(id) => ("milestone-edit", Some(id)),
        }
    }

    /// `group:<form>:<id or new>:`, before each field's name.
    pub fn draft_prefix(&self) -> String {
        let (name, id) = self.parts();
        let id = id.map_or("new", |i| i.as_str());
        format!("{DRAFT_PREFIX}{name}:{id}:")
    }

    /// The form a draft key belongs to, if it is one of these forms'.
    pub fn from_draft_key(key: &str) -> Option<LifeKind> {
        let rest = key.strip_prefix(DRAFT_PREFIX)?;
        let mut parts = rest.splitn(3, ':');
        let (name, id) = (parts.next()?, parts.next()?);
        let some = || (id != "new").then(|| Id(id.to_string()));
        Some(match name {
            "member" => LifeKind::NewMember,
            "leave" => LifeKind::Leave(some()?),
            "elect" => LifeKind::Elect,
            "rule" => LifeKind::Rule(some()),
            "objective" => LifeKind::Objective(some()),
            "activity" => LifeKind::Activity(some()),
            "project" => LifeKind::Project(some()),
            "milestone" => LifeKind::Milestone(some()?),
            "milestone-edit" => LifeKind::EditMilestone(some()?),
            _ => return None,
        })
    }

    /// Whether the form belongs to the group's decisions (the others are the check-in's).
    pub fn is_decision(&self) -> bool {
        !matches!(self, LifeKind::NewMember | LifeKind::Leave(_))
    }
}

#[derive(Debug, Clone)]
pub struct LifeForm {
    pub kind: LifeKind,
    pub form: Form,
    /// What each option of a choice field stands for, in the options' order.
    pub tokens: Vec<(FieldId, Vec<String>)>,
}

impl LifeForm {
    pub fn new(kind: LifeKind, form: Form, tokens: Vec<(FieldId, Vec<String>)>) -> LifeForm {
        LifeForm { kind, form, tokens }
    }

    /// What the chosen option of a choice field stands for: its token, or for a field of
    /// fixed options without tokens (a legal status, a reason), its place in the list.
    pub fn token(&self, id: FieldId) -> Option<String> {
        let choice = self.form.get(id)?.choice;
        match self.tokens.iter().find(|(f, _)| *f == id) {
            Some((_, tokens)) => tokens.get(choice).cloned(),
            None => Some(choice.to_string()),
        }
    }

    /// Chooses the option standing for `token`, if there is one.
    pub fn choose(&mut self, id: FieldId, token: &str) {
        let i = match self.tokens.iter().find(|(f, _)| *f == id) {
            Some((_, tokens)) => tokens.iter().position(|t| t == token),
            None => token.parse().ok(),
        };
        if let Some(f) = self.form.get_mut(id)
            && let Some(i) = i.filter(|i| *i < f.options().len())
        {
            f.choice = i;
        }
    }

    /// What the marked options of a multiple choice stand for, in the options' order.
    pub fn marked(&self, id: FieldId) -> Vec<String> {
        let (Some(f), Some((_, tokens))) = (
            self.form.get(id),
            self.tokens.iter().find(|(f, _)| *f == id),
        ) else {
            return Vec::new();
        };
        (f.marks.iter().zip(tokens))
            .filter(|(m, _)| **m)
            .map(|(_, t)| t.clone())
            .collect()
    }

    /// Marks the options of a multiple choice standing for `tokens`, and only them.
    fn mark(&mut self, id: FieldId, tokens: &[&str]) {
        let Some((_, all)) = self.tokens.iter().find(|(f, _)| *f == id) else {
            return;
        };
        let marks: Vec<bool> = all.iter().map(|t| tokens.contains(&t.as_str())).collect();
        if let Some(f) = self.form.get_mut(id)
            && f.marks.len() == marks.len()
        {
            f.marks = marks;
        }
    }

    fn key(&self, id: FieldId) -> String {
        format!("{}{}", self.kind.draft_prefix(), field_name(id))
    }

    /// Keeps the whole form in the drafts: every text and every choice (a multiple
    /// choice's as what its marked options stand for, separated by commas).
    pub fn keep_draft(&self, drafts: &mut BTreeMap<String, String>) {
        for f in &self.form.fields {
            let value = if f.is_text() {
                f.value()
            } else if matches!(f.kind, FieldKind::Multi(_)) {
                self.marked(f.id).join(",")
            } else {
                self.token(f.id).unwrap_or_default()
            };
            drafts.insert(self.key(f.id), value);
        }
    }

    /// Puts back what the drafts kept of this form; false when they kept nothing.
    pub fn restore(&mut self, drafts: &BTreeMap<String, String>) -> bool {
        let mut any = false;
        for i in 0..self.form.fields.len() {
            let (id, text) = (self.form.fields[i].id, self.form.fields[i].is_text());
            let Some(value) = drafts.get(&self.key(id)).cloned() else {
                continue;
            };
            any = true;
            if text {
                let f = &self.form.fields[i];
                self.form.fields[i] = super::Field::new(id, f.kind.clone(), &value, f.required);
            } else if matches!(self.form.fields[i].kind, FieldKind::Multi(_)) {
                let tokens: Vec<&str> = value.split(',').filter(|t| !t.is_empty()).collect();
                self.mark(id, &tokens);
            } else {
                self.choose(id, &value);
            }
        }
        any
    }

    /// Whether the drafts hold anything of this form.
    pub fn has_draft(&self, drafts: &BTreeMap<String, String>) -> bool {
        let prefix = self.kind.draft_prefix();
        drafts.keys().any(|k| k.starts_with(&prefix))
    }

    /// Drops this form's drafts.
    pub fn drop_draft(&self, drafts: &mut BTreeMap<String, String>) {
        let prefix = self.kind.draft_prefix();
        drafts.retain(|k, _| !k.starts_with(&prefix));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_form_reads_back_from_its_draft_keys() {
        let id = || Id::from("k3x9p");
        for kind in [
            LifeKind::NewMember,
            LifeKind::Leave(id()),
            LifeKind::Elect,
            LifeKind::Rule(None),
            LifeKind::Rule(Some(id())),
            LifeKind::Objective(None),
            LifeKind::Objective(Some(id())),
            LifeKind::Activity(Some(id())),
            LifeKind::Project(None),
            LifeKind::Milestone(id()),
            LifeKind::EditMilestone(id()),
        ] {
            let key = format!("{}RuleText", kind.draft_prefix());
            assert_eq!(LifeKind::from_draft_key(&key), Some(kind));
        }
        assert_eq!(LifeKind::from_draft_key("action:new:ActionWhat"), None);
        assert_eq!(LifeKind::from_draft_key("group:leave:new:LeaveOther"), None);
    }
}
