//! A visit, an activity or a diagnosis as readable lines, in the shape of a session's (the
//! same `ShowLine`s, printed by the same `to_text`, which makes every control character read
//! from the file visible). Who may see what is `privacy::record_for_others`'s rule, applied
//! here first: without `private`, a visit or a diagnosis is refused whole, with the sentence
//! that says why and what to do; an activity is shown with phones masked.

use super::{LineKind, ShowLine, push_field, status};
use crate::i18n::{Lang, RecordStrings, fill};
use crate::method::Method;
use crate::model::dated::Record;
use crate::model::dated::{
    Activity, Answer, AnswerKind, Diagnosis, RecordChange, RecordEvent, Visit,
};
use crate::model::{Attendance, Id};

/// The record as lines, or the sentence refusing it. `names` gives a member's name by id
/// (from the group's latest session in the folder, when there is one): an activity keeps
/// only the ids of who took part.
pub fn show_record(
    record: &Record,
    lang: Lang,
    private: bool,
    names: &dyn Fn(&Id) -> Option<String>,
) -> Result<Vec<ShowLine>, String> {
    let r = lang.strings().store.records;
    let cleaned;
    let record = if private {
        record
    } else {
        cleaned = crate::privacy::record_for_others(record, lang).ok_or_else(|| {
            match record {
                Record::Diagnosis(_) => r.refused_diagnosis,
                _ => r.refused_visit,
            }
            .to_string()
        })?;
        &cleaned
    };
    let mut doc = Lines {
        lang,
        r,
        names,
        lines: Vec::new(),
    };
    match record {
        Record::Visit(v) => doc.visit(v),
        Record::Activity(a) => doc.activity(a),
        Record::Diagnosis(d) => doc.diagnosis(d),
    }
    if !private {
        // Whatever reached the lines another way (a member's name holding a phone number),
        // the rule every output for others follows.
        let hidden = lang.strings().export.phone_hidden;
        for line in &mut doc.lines {
            line.text = crate::privacy::mask_phones(&line.text, hidden);
        }
    }
    Ok(doc.lines)
}

struct Lines<'a> {
    lang: Lang,
    r: &'static RecordStrings,
    names: &'a dyn Fn(&Id) -> Option<String>,
    lines: Vec<ShowLine>,
}

impl Lines<'_> {
    fn push(&mut self, indent: u8, kind: LineKind, text: impl Into<String>) {
        self.lines.push(ShowLine {
            indent,
            kind,
            label: String::new(),
            text: text.into(),
        });
    }

    fn field(&mut self, indent: u8, label: &str, text: &str) {
        push_field(&mut self.lines, indent, label, text);
    }

    /// A member's name: as the record wrote it, else from the group, else the short id.
    fn member(&self, id: &Id, written: &str) -> String {
        if !written.trim().is_empty() {
            return written.to_string();
        }
        (self.names)(id).unwrap_or_else(|| format!("#{}", id.short()))
    }

    fn head(&mut self, title: String, group: &str, date: chrono::NaiveDate) {
        let show = &self.lang.strings().store.show;
        self.push(0, LineKind::Title, title);
        self.field(0, self.r.group, group);
        self.field(0, show.date, &crate::dates::show(date));
    }

    fn visit(&mut self, v: &Visit) {
        let (r, show) = (self.r, &self.lang.strings().store.show);
        let member = self.member(&v.member, &v.member_name);
        self.head(fill(r.title_visit, &[&member]), &v.group_name, v.date);
        self.field(0, r.member, &member);
        let method = Method::builtin();
        let topics: Vec<String> = v
            .topics
            .iter()
            .map(|t| match method.need_category(t) {
                Some(c) => c.label.get(self.lang).to_string(),
                None => t.clone(),
            })
            .collect();
        self.field(0, r.topics, &topics.join(", "));
        self.field(0, r.seen, &v.seen);
        if !v.reviews.is_empty() {
            self.push(0, LineKind::Subheading, r.reviews);
            for review in &v.reviews {
                self.push(1, LineKind::Item, review.action.what.clone());
                let mut state = vec![fill(r.agreed_on, &[&crate::dates::show(review.agreed)])];
                state.push(match review.status {
                    Some(s) => status(s, self.lang).to_string(),
                    None => show.not_reviewed.to_string(),
                });
                self.push(2, LineKind::Text, state.join(" · "));
                for line in review.comment.lines().filter(|l| !l.trim().is_empty()) {
                    self.push(2, LineKind::Text, line);
                }
            }
        }
        if !v.agreed.is_empty() {
            self.push(0, LineKind::Subheading, r.agreed);
            for a in &v.agreed {
                self.push(1, LineKind::Item, a.what.clone());
                let due = a.due.map(crate::dates::show).unwrap_or_default();
                self.field(2, show.due, &due);
            }
        }
        self.field(0, show.private_notes, &v.private_notes);
        self.history(&v.history);
    }

    fn activity(&mut self, a: &Activity) {
        let (r, show) = (self.r, &self.lang.strings().store.show);
        self.head(fill(r.title_activity, &[&a.title]), &a.group_name, a.date);
        let kind = a.activity.label(self.lang.strings().life);
        self.field(0, r.kind, &kind);
        self.field(0, show.place, &a.place);
        if !a.participants.is_empty() {
            self.push(0, LineKind::Subheading, r.participants);
            for (state, label) in [
                (Attendance::Present, show.present),
                (Attendance::Excused, show.excused),
                (Attendance::Absent, show.absent),
            ] {
                let names: Vec<String> = a
                    .participants
                    .iter()
                    .filter(|(_, s)| **s == state)
                    .map(|(id, _)| self.member(id, ""))
                    .collect();
                if !names.is_empty() {
                    let label = format!("{label} ({})", names.len());
                    self.field(1, &label, &names.join(", "));
                }
            }
        }
        if let Some(cost) = a.cost_mad {
            self.field(0, r.cost, &fill(r.dirhams, &[&cost]));
        }
        self.field(0, r.notes, &a.notes);
        if let Some(p) = &a.project {
            self.field(0, r.project, p.as_str());
        }
        self.history(&a.history);
    }

    fn diagnosis(&mut self, d: &Diagnosis) {
        let r = self.r;
        let member = self.member(&d.member, &d.member_name);
        self.head(fill(r.title_diagnosis, &[&member]), &d.group_name, d.date);
        self.field(0, r.member, &member);
        self.field(0, r.occasion, d.occasion.label(self.lang.strings().life));
        self.push(0, LineKind::Subheading, r.answers);
        for q in &d.questions {
            let label = q.label.get(self.lang).to_string();
            let answer = match d.answers.get(&q.id) {
                None => r.no_answer.to_string(),
                Some(a) if !a.fits(&q.answer) => fill(
                    r.misfit,
                    &[&crate::ron_text::to_string(a).unwrap_or_default()],
                ),
                Some(a) => self.answer(a, &q.answer),
            };
            // A label holding a new line is kept on its row: the colon follows it.
            self.field(1, &label.replace('\n', " "), &answer);
        }
        self.history(&d.history);
    }

    fn answer(&self, a: &Answer, kind: &AnswerKind) -> String {
        let r = self.r;
        match (a, kind) {
            (Answer::Choice(id), AnswerKind::Choice(options)) => options
                .iter()
                .find(|o| &o.id == id)
                .map_or_else(|| id.clone(), |o| o.label.get(self.lang).to_string()),
            (Answer::YesNo(true), _) => r.yes.to_string(),
            (Answer::YesNo(false), _) => r.no.to_string(),
            (Answer::Count(n), _) => n.to_string(),
            (Answer::Text(t), _) => t.clone(),
            (Answer::Texts(t), _) => t
                .iter()
                .filter(|t| !t.trim().is_empty())
                .cloned()
                .collect::<Vec<_>>()
                .join(" ; "),
            (Answer::Choice(id), _) => id.clone(),
        }
    }

    /// When the record was made and which fields changed, by name: the values before and
    /// after are in the file, for whoever needs the audit in full.
    fn history(&mut self, history: &[RecordEvent]) {
        if history.is_empty() {
            return;
        }
        let r = self.r;
        self.push(0, LineKind::Subheading, r.history);
        for e in history {
            let what = match &e.change {
                RecordChange::Created => r.created.to_string(),
                RecordChange::Set { field, .. } => fill(r.changed, &[field]),
            };
            let when = e.at.format("%Y-%m-%d %H:%M UTC");
            self.push(1, LineKind::Item, format!("{when} — {what}"));
        }
    }
}
