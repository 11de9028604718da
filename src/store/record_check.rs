//! What `atelier check` reports in a visit, an activity or a diagnosis that loads: numbers
//! out of their range, diagnosis answers that do not fit their question, ids used twice; and,
//! knowing the folder, a record whose group has no session there. atelier copes with all of
//! them (an answer that does not fit is not counted), but they hint at a hand edit gone wrong.

use super::check::Warning;
use crate::i18n::{CheckStrings, Lang, Strings, fill};
use crate::model::Id;
use crate::model::dated::{Answer, AnswerKind, Diagnosis, Kind, MAX_COUNT, Record, Visit};
use crate::model::life::MAX_AMOUNT_MAD;
use std::collections::BTreeMap;

/// Every problem of a record, in the words of `lang`.
pub fn check_record(record: &Record, lang: Lang) -> Vec<Warning> {
    let strings = lang.strings();
    let t = &strings.store.check;
    let mut out = Vec::new();
    match record {
        Record::Visit(v) => visit(v, t, &mut out),
        Record::Activity(a) => {
            if let Some(cost) = a.cost_mad.filter(|c| *c > MAX_AMOUNT_MAD) {
                out.push(Warning {
                    message: range(t, t.number_cost, cost, MAX_AMOUNT_MAD),
                    anchor: "cost_mad:".into(),
                });
            }
        }
        Record::Diagnosis(d) => diagnosis(d, lang, &mut out),
    }
    out
}

/// The warning for a record whose group has no session in its folder: what it is and what
/// to do.
pub fn orphan_warning(record: &Record, strings: &Strings) -> Warning {
    let d = record.dated();
    let name = match record {
        Record::Visit(v) => &v.group_name,
        Record::Activity(a) => &a.group_name,
        Record::Diagnosis(x) => &x.group_name,
    };
    let what = kind_word(d.kind(), strings);
    let mut what = what.to_string();
    // The sentence starts with it.
    if let Some(first) = what.chars().next() {
        what.replace_range(..first.len_utf8(), &first.to_uppercase().to_string());
    }
    Warning {
        message: fill(
            strings.store.check.record_orphan,
            &[&what, name, &d.group()],
        ),
        anchor: "group:".into(),
    }
}

/// What a file is, in words ("une visite individuelle").
pub(crate) fn kind_word(kind: Kind, strings: &Strings) -> &'static str {
    let s = strings.store;
    match kind {
        Kind::Session => s.kind_session,
        Kind::Visit => s.kind_visit,
        Kind::Activity => s.kind_activity,
        Kind::Diagnosis => s.kind_diagnosis,
    }
}

fn range(t: &CheckStrings, what: &str, value: impl std::fmt::Display, max: u64) -> String {
    fill(t.record_number_range, &[&what, &value, &0, &max])
}

fn visit(v: &Visit, t: &CheckStrings, out: &mut Vec<Warning>) {
    let ids = v
        .agreed
        .iter()
        .map(|a| &a.id)
        .chain(v.reviews.iter().map(|r| &r.action.id));
    let mut count: BTreeMap<&Id, usize> = BTreeMap::new();
    for id in ids {
        *count.entry(id).or_default() += 1;
    }
    for (id, _) in count.into_iter().filter(|(_, n)| *n > 1) {
        out.push(Warning {
            message: fill(t.duplicate_id, &[id]),
            anchor: format!("\"{id}\""),
        });
    }
}

fn diagnosis(d: &Diagnosis, lang: Lang, out: &mut Vec<Warning>) {
    let t = &lang.strings().store.check;
    let mut asked: BTreeMap<&str, usize> = BTreeMap::new();
    for q in &d.questions {
        *asked.entry(q.id.as_str()).or_default() += 1;
    }
    for (id, _) in asked.iter().filter(|(_, n)| **n > 1) {
        out.push(Warning {
            message: fill(t.record_question_twice, &[id]),
            anchor: format!("id: \"{id}\""),
        });
    }
    // In the map, a question's id is a key: `"jobs_paid": Count(3)`; in the questions it is
    // a value (`id: "jobs_paid"`), so the anchor with its colon points at the answer.
    for (id, answer) in &d.answers {
        let anchor = format!("\"{id}\":");
        let Some(q) = d.questions.iter().find(|q| &q.id == id) else {
            out.push(Warning {
                message: fill(t.record_answer_unknown, &[id]),
                anchor,
            });
            continue;
        };
        if answer.fits(&q.answer) {
            continue;
        }
        let label = q.label.get(lang);
        let message = match answer {
            Answer::Count(n) if q.answer == AnswerKind::Count => {
                let what = fill(t.number_answer, &[&label]);
                range(t, &what, n, u64::from(MAX_COUNT))
            }
            _ => {
                let written = crate::ron_text::to_string(answer).unwrap_or_default();
                fill(t.record_answer_misfit, &[&label, &written])
            }
        };
        out.push(Warning { message, anchor });
    }
}
