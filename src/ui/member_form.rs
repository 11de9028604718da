//! The member form, the same in group setup and in a session (a member joining at
//! check-in): who comes to the meetings and their business, with what the method keeps of
//! a member over time, their gender and the year the business started. And the form that
//! asks why a member leaves.

use super::{Field, FieldError, FieldId, FieldKind, Form};
use crate::i18n::Strings;
use crate::model::life::{Gender, LeaveReason};
use crate::model::{LegalStatus, Member};
use chrono::{Datelike, NaiveDate};
use strum::VariantArray;

/// The first year a business may have started in.
pub const FIRST_YEAR: i64 = 1900;

pub fn legal_options(s: &Strings) -> Vec<String> {
    let mut v = vec![s.choice_none.to_string()];
    v.extend(LegalStatus::VARIANTS.iter().map(|l| l.label(s).to_string()));
    v
}

/// Not asked yet, then each answer ("not said" is an answer of its own).
pub fn gender_options(s: &Strings) -> Vec<String> {
    let mut v = vec![s.choice_none.to_string()];
    v.extend(Gender::VARIANTS.iter().map(|g| g.label(s.life).to_string()));
    v
}

/// The form for a new member (`m` none, the group's trade proposed) or one being edited.
pub fn member_form(s: &Strings, m: Option<&Member>, default_trade: &str) -> Form {
    let legal = m
        .and_then(|m| m.legal_status)
        .and_then(|l| LegalStatus::VARIANTS.iter().position(|x| *x == l))
        .map_or(0, |i| i + 1);
    let gender = m
        .and_then(|m| m.gender)
        .and_then(|g| Gender::VARIANTS.iter().position(|x| *x == g))
        .map_or(0, |i| i + 1);
    let number = |n: Option<String>| n.unwrap_or_default();
    let employees = number(m.and_then(|m| m.employees).map(|n| n.to_string()));
    let since = number(m.and_then(|m| m.business_since).map(|n| n.to_string()));
    Form::new(vec![
        Field::text(FieldId::MemberName, m.map_or("", |m| &m.name), true),
        Field::text(FieldId::Business, m.map_or("", |m| &m.business), false),
        Field::text(
            FieldId::MemberTrade,
            m.map_or(default_trade, |m| &m.trade),
            false,
        ),
        Field::choice(FieldId::LegalStatus, legal_options(s), legal),
        Field::new(FieldId::Employees, FieldKind::Number, &employees, false),
        Field::text(FieldId::Phone, m.map_or("", |m| &m.phone), false),
        // Last, so that a setup draft written before them restores field by field.
        Field::choice(FieldId::Gender, gender_options(s), gender),
        Field::new(FieldId::BusinessSince, FieldKind::Number, &since, false),
    ])
}

/// Checks the form (the year a business started: from 1900 to `today`'s year) and reads
/// it over `base`, the member as they were (a new one: an id and nothing else).
pub fn read_member(form: &mut Form, today: NaiveDate, base: Member) -> Option<Member> {
    let fields_ok = form.validate(today);
    let year_ok = form.bound(
        FieldId::BusinessSince,
        FIRST_YEAR..=i64::from(today.year()),
        FieldError::BadYear,
    );
    if !(fields_ok && year_ok) {
        return None;
    }
    let chosen = |id: FieldId| form.get(id).and_then(|c| c.choice.checked_sub(1));
    Some(Member {
        name: form.value(FieldId::MemberName),
        business: form.value(FieldId::Business),
        trade: form.value(FieldId::MemberTrade),
        legal_status: chosen(FieldId::LegalStatus)
            .and_then(|i| LegalStatus::VARIANTS.get(i).copied()),
        employees: form.value(FieldId::Employees).parse().ok(),
        gender: chosen(FieldId::Gender).and_then(|i| Gender::VARIANTS.get(i).copied()),
        business_since: form.value(FieldId::BusinessSince).parse().ok(),
        phone: form.value(FieldId::Phone),
        ..base
    })
}

/// The reasons a member leaves, in the order the form offers them ("other" last, its words
/// typed below).
pub fn leave_options(s: &Strings) -> Vec<String> {
    let t = s.life;
    [t.left_moved, t.left_stopped, t.left_excluded, t.left_other]
        .map(str::to_string)
        .to_vec()
}

pub fn leave_form(s: &Strings) -> Form {
    Form::new(vec![
        Field::choice(FieldId::LeaveReason, leave_options(s), 0),
        Field::text(FieldId::LeaveOther, "", false),
    ])
}

/// The day the check-in's leave form says (its date checked by `Form::validate`): the
/// session's, `base`, when it has none.
pub fn leave_date(form: &Form, base: NaiveDate) -> NaiveDate {
    crate::dates::parse(&form.value(FieldId::LeaveDate), base)
        .ok()
        .flatten()
        .unwrap_or(base)
}

/// The reason the form says: the other reason's words when "other" is chosen (they may be
/// left empty: "other reason").
pub fn read_leave(form: &Form) -> LeaveReason {
    match form.get(FieldId::LeaveReason).map_or(0, |f| f.choice) {
        0 => LeaveReason::Moved,
        1 => LeaveReason::Stopped,
        2 => LeaveReason::Excluded,
        _ => LeaveReason::Other(form.value(FieldId::LeaveOther)),
    }
}
