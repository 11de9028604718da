//! A form: labelled fields typed in one after another (group setup, a member, an action).
//! Text fields are always in typing mode when focused; choice fields cycle with ← →.

use crate::i18n::Strings;
use ratatui_textarea::{CursorMove, TextArea};

/// Which value a field holds; the view finds its label in the strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::VariantArray)]
pub enum FieldId {
    GroupName,
    Trade,
    Region,
    RegionOther,
    City,
    Host,
    Advisor,
    Date,
    Place,
    MemberName,
    Business,
    MemberTrade,
    LegalStatus,
    Employees,
    Phone,
    ActionWhat,
    ActionOwners,
    ActionDue,
    ActionMeans,
    ActionIndicator,
    ActionIdea,
    /// A visit, an activity, a diagnosis (issue 13).
    RecordMember,
    RecordDate,
    Topics,
    Seen,
    Agreed,
    AgreedDue,
    PrivateNotes,
    Participants,
    Review,
    ActivityKind,
    /// The name of an activity of another kind.
    ActivityOther,
    Title,
    Cost,
    Notes,
    Occasion,
    /// A question of the diagnosis: its label is the question's own (`Field::label`).
    Question,
    Gender,
    BusinessSince,
    LeaveReason,
    LeaveOther,
    Role,
    RoleName,
    RoleMember,
    RuleText,
    RuleAbsences,
    RuleWithin,
    PlanYear,
    PlanMonth,
    PlanWhat,
    PlanWho,
    PlanProject,
    Objective,
    ProjectTitle,
    ProjectAim,
    MilestoneText,
    MilestoneDue,
    ProjectMembers,
    ProjectBudget,
    ProjectFunding,
    LeaveDate,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldKind {
    Text,
    Number,
    Date,
    /// One of the options, by index.
    Choice(Vec<String>),
    /// Any of the options, each marked or not.
    Multi(Vec<String>),
}

impl FieldId {
    /// The field's label in the form.
    pub fn label(self, s: &Strings) -> &'static str {
        let t = &s.field_labels;
        match self {
            FieldId::GroupName => t.group_name,
            FieldId::Trade => t.trade,
            FieldId::Region => t.region,
            FieldId::RegionOther => t.region_other,
            FieldId::City => t.city,
            FieldId::Host => t.host,
            FieldId::Advisor => t.advisor,
            FieldId::Date => t.date,
            FieldId::Place => t.place,
            FieldId::MemberName => t.member_name,
            FieldId::Business => t.business,
            FieldId::MemberTrade => t.member_trade,
            FieldId::LegalStatus => t.legal_status,
            FieldId::Employees => t.employees,
            FieldId::Phone => t.phone,
            FieldId::ActionWhat => t.action_what,
            FieldId::ActionOwners => t.action_owners,
            FieldId::ActionDue => t.action_due,
            FieldId::ActionMeans => t.action_means,
            FieldId::ActionIndicator => t.action_indicator,
            FieldId::ActionIdea => t.action_idea,
            FieldId::RecordMember => t.record_member,
            FieldId::RecordDate => t.record_date,
            FieldId::Topics => t.topics,
            FieldId::Seen => t.seen,
            FieldId::Agreed => t.agreed,
            FieldId::AgreedDue => t.agreed_due,
            FieldId::PrivateNotes => t.private_notes,
            FieldId::Participants => t.participants,
            FieldId::Review => t.review,
            FieldId::ActivityKind => t.activity_kind,
            FieldId::ActivityOther => t.activity_other,
            FieldId::Title => t.title,
            FieldId::Cost => t.cost,
            FieldId::Notes => t.notes,
            FieldId::Occasion => t.occasion,
            FieldId::Question => t.question,
            FieldId::Gender => t.gender,
            FieldId::BusinessSince => t.business_since,
            FieldId::LeaveReason => t.leave_reason,
            FieldId::LeaveOther => t.leave_other,
            FieldId::Role => t.role,
            FieldId::RoleName => t.role_name,
            FieldId::RoleMember => t.role_member,
            FieldId::RuleText => t.rule_text,
            FieldId::RuleAbsences => t.rule_absences,
            FieldId::RuleWithin => t.rule_within,
            FieldId::PlanYear => t.plan_year,
            FieldId::PlanMonth => t.plan_month,
            FieldId::PlanWhat => t.plan_what,
            FieldId::PlanWho => t.plan_who,
            FieldId::PlanProject => t.plan_project,
            FieldId::Objective => t.objective,
            FieldId::ProjectTitle => t.project_title,
            FieldId::ProjectAim => t.project_aim,
            FieldId::MilestoneText => t.milestone_text,
            FieldId::MilestoneDue => t.milestone_due,
            FieldId::ProjectMembers => t.project_members,
            FieldId::ProjectBudget => t.project_budget,
            FieldId::ProjectFunding => t.project_funding,
            FieldId::LeaveDate => t.leave_date,
        }
    }
}

impl FieldError {
    /// What is wrong, as said beside the field.
    pub fn text(self, s: &Strings) -> &'static str {
        let t = &s.field_errors;
        match self {
            FieldError::Required => t.required,
            FieldError::NotANumber => t.not_a_number,
            FieldError::BadDate => t.bad_date,
            FieldError::BadYear => t.bad_year,
            FieldError::BadMonth => t.bad_month,
            FieldError::BadCount => t.bad_count,
            FieldError::BothNumbers => t.both_numbers,
            FieldError::BadAmount => t.bad_amount,
            FieldError::BadFunding => t.bad_funding,
            FieldError::LeaveAfterSession => t.leave_after_session,
            FieldError::LeaveBeforeJoining => t.leave_before_joining,
        }
    }
}

/// Why a field's value was refused; the view turns it into a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::VariantArray)]
pub enum FieldError {
    Required,
    NotANumber,
    BadDate,
    /// A year before 1900 or after this one (the year a business started).
    BadYear,
    BadMonth,
    /// An attendance rule's number outside 1 to 99.
    BadCount,
    /// An attendance rule with one of its two numbers only.
    BothNumbers,
    /// An amount of dirhams that is not one (a project's budget).
    BadAmount,
    /// A project's co-financing not read as lines of "payer: amount".
    BadFunding,
    /// A member leaving after the session's day, or before joining the group.
    LeaveAfterSession,
    LeaveBeforeJoining,
}

#[derive(Debug, Clone)]
pub struct Field {
    pub id: FieldId,
    pub kind: FieldKind,
    pub required: bool,
    pub area: TextArea<'static>,
    pub choice: usize,
    pub marks: Vec<bool>,
    /// The choice cursor of a `Multi` field.
    pub cursor: usize,
    pub error: Option<FieldError>,
    /// A label of its own, read from data (a diagnosis question), instead of its id's.
    pub label: Option<String>,
}

impl Field {
    pub fn text(id: FieldId, value: &str, required: bool) -> Field {
        Field::new(id, FieldKind::Text, value, required)
    }

    pub fn new(id: FieldId, kind: FieldKind, value: &str, required: bool) -> Field {
        let mut area = TextArea::new(vec![value.replace('\n', " ")]);
        area.move_cursor(CursorMove::End);
        let marks = match &kind {
            FieldKind::Multi(o) => vec![false; o.len()],
            _ => Vec::new(),
        };
        Field {
            id,
            kind,
            required,
            area,
            choice: 0,
            marks,
            cursor: 0,
            error: None,
            label: None,
        }
    }

    pub fn choice(id: FieldId, options: Vec<String>, selected: usize) -> Field {
        let mut f = Field::new(id, FieldKind::Choice(options), "", false);
        f.choice = selected;
        f
    }

    pub fn multi(id: FieldId, options: Vec<String>, marks: Vec<bool>) -> Field {
        let mut f = Field::new(id, FieldKind::Multi(options), "", false);
        f.marks = marks;
        f
    }

    pub fn value(&self) -> String {
        self.area.lines().join(" ").trim().to_string()
    }

    /// Its label: its own when it has one, else its id's.
    pub fn label<'a>(&'a self, s: &'a Strings) -> &'a str {
        self.label.as_deref().unwrap_or_else(|| self.id.label(s))
    }

    pub fn labelled(mut self, label: String) -> Field {
        self.label = Some(label);
        self
    }

    pub fn is_text(&self) -> bool {
        matches!(
            self.kind,
            FieldKind::Text | FieldKind::Number | FieldKind::Date
        )
    }

    pub fn options(&self) -> &[String] {
        match &self.kind {
            FieldKind::Choice(o) | FieldKind::Multi(o) => o,
            _ => &[],
        }
    }

    /// Moves a choice (or the cursor of a multiple choice) by `delta`, wrapping around.
    pub fn cycle(&mut self, delta: isize) {
        let n = self.options().len();
        if n == 0 {
            return;
        }
        let step = |i: usize| (i as isize + delta).rem_euclid(n as isize) as usize;
        match self.kind {
            FieldKind::Choice(_) => self.choice = step(self.choice),
            FieldKind::Multi(_) => self.cursor = step(self.cursor),
            _ => {}
        }
    }

    /// Typing a letter in a choice field: the first value that starts with it (accents and
    /// case ignored), or the next one after the current value when that starts with it
    /// too, so that pressing the letter again goes through them. False when none does.
    pub fn seek(&mut self, c: char) -> bool {
        let FieldKind::Choice(options) = &self.kind else {
            return false;
        };
        let key = crate::store::folded(&c.to_string());
        if key.is_empty() {
            return false;
        }
        let starts = |i: usize| crate::store::folded(&options[i]).starts_with(&key);
        let n = options.len();
        let from = if n > 0 && starts(self.choice.min(n - 1)) {
            self.choice + 1
        } else {
            0
        };
        match (0..n).map(|k| (from + k) % n).find(|&i| starts(i)) {
            Some(i) => {
                self.choice = i;
                true
            }
            None => false,
        }
    }

    pub fn toggle(&mut self) {
        if let Some(m) = self.marks.get_mut(self.cursor) {
            *m = !*m;
        }
    }
}

#[derive(Debug, Clone)]
pub struct Form {
    pub fields: Vec<Field>,
    pub focus: usize,
}

impl Form {
    pub fn new(fields: Vec<Field>) -> Form {
        Form { fields, focus: 0 }
    }

    pub fn get(&self, id: FieldId) -> Option<&Field> {
        self.fields.iter().find(|f| f.id == id)
    }

    pub fn get_mut(&mut self, id: FieldId) -> Option<&mut Field> {
        self.fields.iter_mut().find(|f| f.id == id)
    }

    pub fn value(&self, id: FieldId) -> String {
        self.get(id).map(Field::value).unwrap_or_default()
    }

    pub fn focused(&mut self) -> Option<&mut Field> {
        self.fields.get_mut(self.focus)
    }

    pub fn focused_field(&self) -> Option<&Field> {
        self.fields.get(self.focus)
    }

    pub fn has_errors(&self) -> bool {
        self.fields.iter().any(|f| f.error.is_some())
    }

    /// Checks required fields, numbers and dates; marks each field with its problem.
    pub fn validate(&mut self, base: chrono::NaiveDate) -> bool {
        for f in &mut self.fields {
            let v = f.value();
            f.error = if f.required && f.is_text() && v.is_empty() {
                Some(FieldError::Required)
            } else if f.kind == FieldKind::Number && !v.is_empty() && v.parse::<u32>().is_err() {
                Some(FieldError::NotANumber)
            } else if f.kind == FieldKind::Date
                && (crate::dates::parse(&v, base).is_err() || (f.required && v.is_empty()))
            {
                Some(FieldError::BadDate)
            } else {
                None
            };
        }
        if let Some(i) = self.fields.iter().position(|f| f.error.is_some()) {
            self.focus = i;
        }
        !self.has_errors()
    }

    /// Checks that a number field, when filled, is within `range`; marks it with `error`
    /// when not. False when it is out (the form's other checks are `validate`'s).
    pub fn bound(
        &mut self,
        id: FieldId,
        range: std::ops::RangeInclusive<i64>,
        error: FieldError,
    ) -> bool {
        let Some(f) = self.get_mut(id) else {
            return true;
        };
        let v = f.value();
        let ok = v.is_empty() || v.parse::<i64>().is_ok_and(|n| range.contains(&n));
        if !ok {
            f.error = Some(error);
            if let Some(i) = self.fields.iter().position(|f| f.id == id) {
                self.focus = i;
            }
        }
        ok
    }

    /// The joined text of every text field, for saving what was typed as a draft.
    pub fn snapshot(&self) -> Vec<(FieldId, String)> {
        self.fields
            .iter()
            .filter(|f| f.is_text())
            .map(|f| (f.id, f.value()))
            .collect()
    }
}
