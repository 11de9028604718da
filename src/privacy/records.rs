//! The privacy rule for the folder's dated records, one function for every output that may
//! take one (`show`, and any export, projection or report that comes to list them):
//! [`record_for_others`].
//!
//! - A coaching **visit** is wholly private: what the advisor saw in one member's business,
//!   what they agreed, the advisor's notes. Never in an export meant for others, never
//!   projected.
//! - A **diagnosis** is private too: each answer (sales band, jobs, CNSS, bank account,
//!   credit, the member's difficulties) is about one named member's business, personal data
//!   under law 09-08 as the phone numbers are, and masking a name would not help: the file is
//!   about that one member. Figures across members are the report's, with no name.
//! - An **activity** is the group's own, like a session's attendance: shown, with the phone
//!   numbers typed into its free texts masked, as every output for others masks them.

use super::mask_phones;
use crate::i18n::Lang;
use crate::model::dated::{Activity, ActivityKind, Record};

/// The record as others may see it: `None` for a visit or a diagnosis (private whole), an
/// activity with the phone numbers in its texts masked in the words of `lang`.
pub fn record_for_others(record: &Record, lang: Lang) -> Option<Record> {
    match record {
        Record::Visit(_) | Record::Diagnosis(_) => None,
        Record::Activity(a) => {
            let mut a = a.clone();
            let hidden = lang.strings().export.phone_hidden;
            activity_texts(&mut a, &mut |t| *t = mask_phones(t, hidden));
            // The history repeats the texts as they were, phones and all.
            a.history.clear();
            Some(Record::Activity(a))
        }
    }
}

/// Calls `f` on every free text of an activity.
pub fn activity_texts(a: &mut Activity, f: &mut dyn FnMut(&mut String)) {
    f(&mut a.group_name);
    if let ActivityKind::Other(text) = &mut a.activity {
        f(text);
    }
    f(&mut a.title);
    f(&mut a.place);
    f(&mut a.notes);
}
