//! The keys of the drafts kept in a session file, and what a draft holds beside its text.
//!
//! A draft is a text under a key in the session's `drafts` (a map of strings, file format
//! version 1). Keys are written from the explicit names below, never from `Debug`, so that
//! renaming a variant in the code cannot orphan a draft in a file. The names are the ones
//! atelier has always written: a draft saved by an older atelier reads as it did.
//!
//! What a form holds beside its text is kept under sub-keys of the draft's key, `<key>/…`:
//! the author of a card or idea (`/author`), and for the action form its owners and its
//! idea (its fields' own keys). A draft saved before these existed has none: its author is
//! the one a new field would start with. An older atelier reads no sub-key as a field.

use super::{FieldId, Pane};
use crate::model::{Author, Id, Owner, TextField};
use std::collections::BTreeMap;
use strum::VariantArray;

/// Separates a draft's key from a sub-key of it. Never in a key's own names nor in an id.
pub const SUB: char = '/';

/// The name of a pane in draft keys.
pub fn pane_name(p: Pane) -> &'static str {
    match p {
        Pane::Attendance => "Attendance",
        Pane::Guests => "Guests",
        Pane::Objective => "Objective",
        Pane::Remarks => "Remarks",
        Pane::Reviews => "Reviews",
        Pane::Cards => "Cards",
        Pane::Themes => "Themes",
        Pane::Votes => "Votes",
        Pane::Statement => "Statement",
        Pane::Causes => "Causes",
        Pane::Effects => "Effects",
        Pane::Concerned => "Concerned",
        Pane::Ideas => "Ideas",
        Pane::Actions => "Actions",
        Pane::ClosingMembers => "ClosingMembers",
        Pane::Comments => "Comments",
        Pane::NextDate => "NextDate",
        Pane::NextPlace => "NextPlace",
        Pane::NextTopic => "NextTopic",
        Pane::PrivateNotes => "PrivateNotes",
        Pane::PlanReview => "PlanReview",
    }
}

pub fn pane_named(name: &str) -> Option<Pane> {
    Pane::VARIANTS
        .iter()
        .copied()
        .find(|p| pane_name(*p) == name)
}

/// The name of a session's text field in draft keys.
pub fn text_field_name(f: TextField) -> &'static str {
    match f {
        TextField::Objective => "Objective",
        TextField::Remarks => "Remarks",
        TextField::ProblemStatement => "ProblemStatement",
        TextField::ClosingComments => "ClosingComments",
        TextField::NextPlace => "NextPlace",
        TextField::NextTopic => "NextTopic",
        TextField::PrivateNotes => "PrivateNotes",
    }
}

pub fn text_field_named(name: &str) -> Option<TextField> {
    TextField::VARIANTS
        .iter()
        .copied()
        .find(|f| text_field_name(*f) == name)
}

/// The name of a form field in draft keys (the action form's are the ones written).
pub fn field_name(f: FieldId) -> &'static str {
    match f {
        FieldId::GroupName => "GroupName",
        FieldId::Trade => "Trade",
        FieldId::Region => "Region",
        FieldId::RegionOther => "RegionOther",
        FieldId::City => "City",
        FieldId::Host => "Host",
        FieldId::Advisor => "Advisor",
        FieldId::Date => "Date",
        FieldId::Place => "Place",
        FieldId::MemberName => "MemberName",
        FieldId::Business => "Business",
        FieldId::MemberTrade => "MemberTrade",
        FieldId::LegalStatus => "LegalStatus",
        FieldId::Employees => "Employees",
        FieldId::Phone => "Phone",
        FieldId::ActionWhat => "ActionWhat",
        FieldId::ActionOwners => "ActionOwners",
        FieldId::ActionDue => "ActionDue",
        FieldId::ActionMeans => "ActionMeans",
        FieldId::ActionIndicator => "ActionIndicator",
        FieldId::ActionIdea => "ActionIdea",
        FieldId::RecordMember => "RecordMember",
        FieldId::RecordDate => "RecordDate",
        FieldId::Topics => "Topics",
        FieldId::Seen => "Seen",
        FieldId::Agreed => "Agreed",
        FieldId::AgreedDue => "AgreedDue",
        FieldId::PrivateNotes => "PrivateNotes",
        FieldId::Participants => "Participants",
        FieldId::Review => "Review",
        FieldId::ActivityKind => "ActivityKind",
        FieldId::ActivityOther => "ActivityOther",
        FieldId::Title => "Title",
        FieldId::Cost => "Cost",
        FieldId::Notes => "Notes",
        FieldId::Occasion => "Occasion",
        FieldId::Question => "Question",
        FieldId::Gender => "Gender",
        FieldId::BusinessSince => "BusinessSince",
        FieldId::LeaveReason => "LeaveReason",
        FieldId::LeaveOther => "LeaveOther",
        FieldId::Role => "Role",
        FieldId::RoleName => "RoleName",
        FieldId::RoleMember => "RoleMember",
        FieldId::RuleText => "RuleText",
        FieldId::RuleAbsences => "RuleAbsences",
        FieldId::RuleWithin => "RuleWithin",
        FieldId::PlanYear => "PlanYear",
        FieldId::PlanMonth => "PlanMonth",
        FieldId::PlanWhat => "PlanWhat",
        FieldId::PlanWho => "PlanWho",
        FieldId::PlanProject => "PlanProject",
        FieldId::Objective => "Objective",
        FieldId::ProjectTitle => "ProjectTitle",
        FieldId::ProjectAim => "ProjectAim",
        FieldId::MilestoneText => "MilestoneText",
        FieldId::MilestoneDue => "MilestoneDue",
        FieldId::ProjectMembers => "ProjectMembers",
        FieldId::ProjectBudget => "ProjectBudget",
        FieldId::ProjectFunding => "ProjectFunding",
        FieldId::LeaveDate => "LeaveDate",
    }
}

/// The sub-key holding the author of the draft under `key`.
pub fn author_key(key: &str) -> String {
    format!("{key}{SUB}author")
}

/// An author as a draft holds it: `anonymous`, `group` or `member:<id>`.
pub fn author_text(a: &Author) -> String {
    match a {
        Author::Anonymous => "anonymous".into(),
        Author::WholeGroup => "group".into(),
        Author::Member(id) => format!("member:{id}"),
    }
}

pub fn author_from(text: &str) -> Option<Author> {
    Some(match text {
        "anonymous" => Author::Anonymous,
        "group" => Author::WholeGroup,
        _ => Author::Member(Id(text.strip_prefix("member:")?.to_string())),
    })
}

/// Owners as a draft holds them: `member:<id>`, `group`, `advisor`, `host`, comma-separated.
pub fn owners_text(owners: &[Owner]) -> String {
    owners
        .iter()
        .map(|o| match o {
            Owner::Member(id) => format!("member:{id}"),
            Owner::WholeGroup => "group".into(),
            Owner::Advisor => "advisor".into(),
            Owner::Host => "host".into(),
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// Reads owners back; an unknown one is left out.
pub fn owners_from(text: &str) -> Vec<Owner> {
    text.split(',')
        .filter_map(|o| {
            Some(match o {
                "group" => Owner::WholeGroup,
                "advisor" => Owner::Advisor,
                "host" => Owner::Host,
                _ => Owner::Member(Id(o.strip_prefix("member:")?.to_string())),
            })
        })
        .collect()
}

/// Removes the draft under `key` and its sub-keys.
pub fn remove(drafts: &mut BTreeMap<String, String>, key: &str) {
    let sub = format!("{key}{SUB}");
    drafts.retain(|k, _| k != key && !k.starts_with(&sub));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_reads_back_and_none_has_the_sub_key_separator() {
        for &p in Pane::VARIANTS {
            assert_eq!(pane_named(pane_name(p)), Some(p));
            assert!(!pane_name(p).contains(SUB));
        }
        for &f in TextField::VARIANTS {
            assert_eq!(text_field_named(text_field_name(f)), Some(f));
        }
        for &f in FieldId::VARIANTS {
            assert!(!field_name(f).contains(SUB));
        }
        // The action form's keys as released ateliers wrote them.
        let action = [
            (FieldId::ActionWhat, "ActionWhat"),
            (FieldId::ActionDue, "ActionDue"),
            (FieldId::ActionMeans, "ActionMeans"),
            (FieldId::ActionIndicator, "ActionIndicator"),
        ];
        for (f, name) in action {
            assert_eq!(field_name(f), name);
        }
    }

    #[test]
    fn authors_and_owners_read_back() {
        for a in [
            Author::Anonymous,
            Author::WholeGroup,
            Author::Member(Id("k3x9".into())),
        ] {
            assert_eq!(author_from(&author_text(&a)), Some(a));
        }
        assert_eq!(author_from("somebody"), None);
        let owners = vec![
            Owner::Member(Id("a1".into())),
            Owner::WholeGroup,
            Owner::Advisor,
            Owner::Host,
        ];
        assert_eq!(owners_from(&owners_text(&owners)), owners);
        assert_eq!(owners_from(""), []);
    }

    #[test]
    fn removing_a_draft_removes_its_sub_keys_and_nothing_else() {
        let mut d: BTreeMap<String, String> = [
            ("new:Ideas", "x"),
            ("new:Ideas/author", "group"),
            ("new:IdeasX", "y"),
            ("edit:Ideas:a1", "z"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        remove(&mut d, "new:Ideas");
        assert_eq!(
            d.keys().collect::<Vec<_>>(),
            ["edit:Ideas:a1", "new:IdeasX"]
        );
    }
}
