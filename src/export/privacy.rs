//! What never leaves the advisor's hands (law 09-08): [`for_others`] makes the cleaned copy
//! of a session that every export starts from, with the private notes, drafts, history and
//! members' phones gone and phone numbers masked inside the free texts (the texts
//! `privacy::for_each_text` lists).

use crate::i18n::Lang;
use crate::model::Session;

/// A copy of the session with nothing private in it: no private notes or check-in remarks,
/// no phones, no drafts, history or stored start (which hold the same texts), and phone
/// numbers masked in every free text.
pub fn for_others(session: &Session, lang: Lang) -> Session {
    let mut s = session.clone();
    s.closing.private_notes.clear();
    // The check-in remarks are the advisor's, as the private notes are.
    s.checkin.remarks.clear();
    s.drafts.clear();
    s.history.clear();
    // The start is for replaying the history, which is gone: it would only repeat the group.
    s.start = None;
    for m in &mut s.group.members {
        m.phone.clear();
    }
    crate::privacy::mask_session_phones(&mut s, lang);
    s
}
