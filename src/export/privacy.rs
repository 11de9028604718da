//! What never leaves the advisor's hands (law 09-08): [`for_others`] makes the cleaned copy
//! of a session that every export starts from, with the private notes, drafts, history and
//! members' phones gone and phone numbers masked inside the free texts. [`for_each_text`]
//! lists those free texts, for the pseudonyms too.

use crate::i18n::Lang;
use crate::model::Session;

/// A copy of the session with nothing private in it: no private notes, no phones, no drafts
/// or history (which hold the same texts), and phone numbers masked in every free text.
pub fn for_others(session: &Session, lang: Lang) -> Session {
    let mut s = session.clone();
    s.closing.private_notes.clear();
    s.drafts.clear();
    s.history.clear();
    for m in &mut s.group.members {
        m.phone.clear();
    }
    let hidden = lang.strings().export.phone_hidden;
    for_each_text(&mut s, &mut |t| *t = crate::privacy::mask_phones(t, hidden));
    s
}

/// Calls `f` on every free text of the session that an export may print.
pub(super) fn for_each_text(s: &mut Session, f: &mut dyn FnMut(&mut String)) {
    f(&mut s.place);
    f(&mut s.group.name);
    f(&mut s.group.host);
    f(&mut s.group.city);
    let c = &mut s.checkin;
    c.guests.iter_mut().for_each(|g| f(&mut g.text));
    f(&mut c.objective);
    f(&mut c.remarks);
    for r in &mut s.followup.reviews {
        f(&mut r.action.what);
        f(&mut r.action.means);
        f(&mut r.action.indicator);
        f(&mut r.comment);
    }
    let n = &mut s.needs;
    n.cards.iter_mut().for_each(|c| f(&mut c.text));
    n.themes.iter_mut().for_each(|t| f(&mut t.title));
    n.backlog.iter_mut().for_each(|b| f(&mut b.title));
    let p = &mut s.problem;
    f(&mut p.statement);
    p.causes.iter_mut().for_each(|c| f(&mut c.text));
    p.effects.iter_mut().for_each(|e| f(&mut e.text));
    s.solutions.ideas.iter_mut().for_each(|i| f(&mut i.text));
    for a in &mut s.plan.actions {
        f(&mut a.what);
        f(&mut a.means);
        f(&mut a.indicator);
    }
    let c = &mut s.closing;
    for t in c.commitments.values_mut() {
        f(t);
    }
    f(&mut c.comments);
    f(&mut c.next.place);
    f(&mut c.next.topic);
}
