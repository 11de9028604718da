//! A session as a readable document: what `atelier show` prints and what the TUI's read-only
//! session view draws, in the same order and the same words. Pure: it builds lines, the
//! caller prints or renders them. Phone numbers (members' own, and any typed into a free text),
//! the check-in remarks and the advisor's private notes appear only when asked for
//! (`private`): they are personal data (law 09-08) or the advisor's own. A visit, an activity
//! or a diagnosis is shown by `record.rs`, in the same lines.

mod record;

pub use record::show_record;

mod decisions;

use crate::i18n::{Lang, fill};
use crate::method::PhaseKind;
use crate::model::{
    ActionStatus, Attendance, Author, Id, IdeaKind, LegalStatus, Member, Owner, Session,
    SessionState, VoteMode,
};

/// What a line is, so a renderer can style it; the text is the same everywhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// The group and session number, once at the top.
    Title,
    /// A phase of the method.
    Heading,
    /// A part of a phase (themes, causes...).
    Subheading,
    /// `label: text`.
    Field,
    /// One element of a list (a card, a cause, an action).
    Item,
    /// Plain text: details of an item, further lines of a long text.
    Text,
    /// Planned and actual times, "nothing recorded".
    Muted,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShowLine {
    /// Nesting level: a sub-cause is one deeper than its cause.
    pub indent: u8,
    pub kind: LineKind,
    /// A field's name; empty for every other kind.
    pub label: String,
    pub text: String,
}

/// The session as lines, in the method's order of phases.
pub fn show(session: &Session, lang: Lang, private: bool) -> Vec<ShowLine> {
    let mut doc = Doc {
        s: session,
        lang,
        private,
        lines: Vec::new(),
    };
    doc.header();
    for (i, phase) in session.method.phases.iter().enumerate() {
        doc.push(
            0,
            LineKind::Heading,
            format!("{}. {}", i + 1, phase.title.get(lang)),
        );
        let t = session.timer(i);
        let planned = t.planned_secs.saturating_add(30) / 60;
        let actual = t.actual_minutes(session.saved);
        let minutes = fill(doc.l().show.minutes, &[&planned, &actual]);
        doc.push(1, LineKind::Muted, minutes);
        let before = doc.lines.len();
        match phase.kind {
            PhaseKind::CheckIn => doc.checkin(),
            PhaseKind::FollowUp => doc.followup(),
            PhaseKind::NeedEmergence => doc.needs(),
            PhaseKind::ProblemReflection => doc.problem(),
            PhaseKind::SolutionSearch => doc.solutions(),
            PhaseKind::ActionPlan => doc.plan(),
            PhaseKind::Closing => doc.closing(),
        }
        if doc.lines.len() == before {
            let nothing = doc.l().show.nothing.to_string();
            doc.push(1, LineKind::Muted, nothing);
        }
    }
    if !private {
        // Phones typed into free texts, with the rule every output for others follows.
        let hidden = lang.strings().export.phone_hidden;
        for line in &mut doc.lines {
            line.text = crate::privacy::mask_phones(&line.text, hidden);
        }
    }
    doc.lines
}

/// Plain text, two spaces per level, a blank line before each phase. Unicode is kept as is.
pub fn to_text(lines: &[ShowLine], lang: Lang) -> String {
    let colon = lang.strings().store.show.colon;
    let mut out = String::new();
    for line in lines {
        if line.kind == LineKind::Heading {
            out.push('\n');
        }
        out.extend(std::iter::repeat_n("  ", usize::from(line.indent)));
        match line.kind {
            LineKind::Item => out.push_str("- "),
            LineKind::Field if !line.label.is_empty() => {
                out.push_str(&line.label);
                out.push_str(colon.trim_end());
                if !line.text.is_empty() {
                    out.push(' ');
                }
            }
            _ => {}
        }
        out.push_str(&line.text);
        out.push('\n');
    }
    // Printed to a terminal: nothing read from the file reaches it as a control character.
    crate::escape::visible(&out).into_owned()
}

/// A field, skipped when empty; a text of several lines continues below its label.
fn push_field(lines: &mut Vec<ShowLine>, indent: u8, label: &str, text: &str) {
    let text = text.trim_end();
    if text.trim().is_empty() {
        return;
    }
    let multi = text.contains('\n');
    lines.push(ShowLine {
        indent,
        kind: LineKind::Field,
        label: label.to_string(),
        text: if multi {
            String::new()
        } else {
            text.to_string()
        },
    });
    if multi {
        for part in text.lines() {
            lines.push(ShowLine {
                indent: indent + 1,
                kind: LineKind::Text,
                label: String::new(),
                text: part.to_string(),
            });
        }
    }
}

struct Doc<'a> {
    s: &'a Session,
    lang: Lang,
    private: bool,
    lines: Vec<ShowLine>,
}

impl Doc<'_> {
    fn l(&self) -> &'static crate::i18n::StoreStrings {
        self.lang.strings().store
    }

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

    fn sub(&mut self, indent: u8, title: &str) {
        self.push(indent, LineKind::Subheading, title);
    }

    fn header(&mut self) {
        let (s, l) = (self.s, &self.l().show);
        let g = &s.group;
        self.push(0, LineKind::Title, fill(l.title, &[&g.name, &s.number]));
        self.field(0, l.date, &crate::dates::show(s.date));
        self.field(0, l.place, &s.place);
        let state = match s.state {
            SessionState::InProgress => l.in_progress,
            SessionState::Closed => l.closed,
        };
        self.field(0, l.state, state);
        self.field(0, l.trade, &g.trade);
        self.field(0, l.region, g.region.name());
        self.field(0, l.city, &g.city);
        self.field(0, l.host, &g.host);
        self.field(0, l.advisor, &g.advisor);
        self.field(0, l.method, s.method.name.get(self.lang));
        if !g.members.is_empty() {
            self.sub(0, &format!("{} ({})", l.members, g.members.len()));
            for m in &g.members {
                let line = self.member_line(m);
                self.push(1, LineKind::Item, line);
            }
        }
    }

    fn member_line(&self, m: &Member) -> String {
        let l = &self.l().show;
        let mut details: Vec<String> = Vec::new();
        for part in [&m.business, &m.trade] {
            if !part.trim().is_empty() {
                details.push(part.clone());
            }
        }
        if let Some(status) = m.legal_status {
            details.push(legal_status(status, self.lang).to_string());
        }
        match m.employees {
            None => {}
            Some(0) => details.push(l.employees_none.to_string()),
            Some(n) => details.push(l.employees.n(n as usize)),
        }
        if self.private && !m.phone.trim().is_empty() {
            details.push(format!("{} {}", l.phone, m.phone));
        }
        if let Some(left) = m.left {
            details.push(fill(l.left, &[&left]));
        }
        if details.is_empty() {
            m.name.clone()
        } else {
            format!("{} — {}", m.name, details.join(", "))
        }
    }

    fn author(&self, a: &Author) -> String {
        let l = &self.l().show;
        match a {
            Author::Member(id) => self.s.group.member_name(id),
            Author::Anonymous => l.anonymous.to_string(),
            Author::WholeGroup => l.whole_group.to_string(),
        }
    }

    fn owner(&self, o: &Owner) -> String {
        owner_name(self.s, o, self.lang)
    }

    fn checkin(&mut self) {
        let (s, l) = (self.s, &self.l().show);
        let c = &s.checkin;
        if !c.attendance.is_empty() {
            self.sub(1, l.attendance);
            for (state, label) in [
                (Attendance::Present, l.present),
                (Attendance::Excused, l.excused),
                (Attendance::Absent, l.absent),
            ] {
                let names: Vec<String> = s
                    .group
                    .members
                    .iter()
                    .filter(|m| c.attendance.get(&m.id) == Some(&state))
                    .map(|m| m.name.clone())
                    .collect();
                if !names.is_empty() {
                    let label = format!("{label} ({})", names.len());
                    self.field(2, &label, &names.join(", "));
                }
            }
        }
        if !c.guests.is_empty() {
            self.sub(1, l.guests);
            for g in &c.guests {
                self.push(2, LineKind::Item, g.text.clone());
            }
        }
        self.field(1, l.objective, &c.objective);
        // The advisor's, as the private notes are.
        if self.private {
            self.field(1, l.remarks, &c.remarks);
        }
    }

    fn followup(&mut self) {
        let (s, l) = (self.s, &self.l().show);
        if s.followup.reviews.is_empty() {
            self.push(1, LineKind::Muted, l.no_reviews);
            return;
        }
        for r in &s.followup.reviews {
            self.push(1, LineKind::Item, r.action.what.clone());
            let mut state = vec![fill(l.from_session, &[&r.from_number])];
            state.push(match r.status {
                Some(st) => status(st, self.lang).to_string(),
                None => l.not_reviewed.to_string(),
            });
            if let Some(prev) = r.previous {
                state.push(fill(l.before, &[&status(prev, self.lang)]));
            }
            self.push(2, LineKind::Text, state.join(" · "));
            for line in r.comment.lines().filter(|x| !x.trim().is_empty()) {
                self.push(2, LineKind::Text, line);
            }
        }
    }

    fn needs(&mut self) {
        let (s, l) = (self.s, &self.l().show);
        let n = &s.needs;
        if !n.themes.is_empty() {
            self.sub(1, l.themes);
        }
        for theme in &n.themes {
            let votes: u32 = match n.vote_mode {
                VoteMode::Dots => n.dots.get(&theme.id).map_or(0, |d| d.values().sum()),
                VoteMode::ShowOfHands => n.tally.get(&theme.id).copied().unwrap_or(0),
            };
            let mut line = theme.title.clone();
            if let Some(cat) = theme
                .category
                .as_deref()
                .and_then(|c| s.method.need_category(c))
            {
                line.push_str(&format!(" [{}]", cat.label.get(self.lang)));
            }
            if votes > 0 {
                line.push_str(&format!(" — {}", l.votes.n(votes as usize)));
            }
            self.push(2, LineKind::Item, line);
            for card in n
                .cards
                .iter()
                .filter(|c| c.theme.as_ref() == Some(&theme.id))
            {
                let text = format!("{} ({})", card.text, self.author(&card.author));
                self.push(3, LineKind::Item, text);
            }
        }
        let themes: Vec<_> = n.themes.iter().map(|t| &t.id).collect();
        let loose: Vec<_> = n
            .cards
            .iter()
            .filter(|c| c.theme.as_ref().is_none_or(|t| !themes.contains(&t)))
            .collect();
        if !loose.is_empty() {
            self.sub(1, l.unthemed);
            for card in loose {
                let text = format!("{} ({})", card.text, self.author(&card.author));
                self.push(2, LineKind::Item, text);
            }
        }
        if let Some(p) = &n.priority {
            let chosen = n
                .themes
                .iter()
                .find(|t| &t.id == p)
                .map(|t| t.title.clone())
                .or_else(|| n.cards.iter().find(|c| &c.id == p).map(|c| c.text.clone()));
            if let Some(chosen) = chosen {
                self.field(1, l.priority, &chosen);
            }
        }
        // Themes of earlier sessions still waiting to be taken up.
        if !n.backlog.is_empty() {
            let w = &self.lang.strings().needs;
            self.sub(1, w.show_backlog);
            for b in &n.backlog {
                let votes = w.backlog_votes.n(b.votes as usize);
                let text = fill(w.show_backlog_item, &[&b.title, &votes, &b.from_number]);
                self.push(2, LineKind::Item, text);
            }
        }
    }

    fn problem(&mut self) {
        let (s, l) = (self.s, &self.l().show);
        let p = &s.problem;
        self.field(1, l.statement, &p.statement);
        let lang = self.lang;
        let cause_line = |text: &str, category: Option<&str>, root: bool| {
            let mut line = text.to_string();
            if let Some(cat) = category.and_then(|c| s.method.cause_category(c)) {
                line.push_str(&format!(" [{}]", cat.label.get(lang)));
            }
            if root {
                line.push_str(&format!(" ({})", l.root_cause));
            }
            line
        };
        if !p.causes.is_empty() {
            self.sub(1, l.causes);
            for (depth, c) in p.tree_order() {
                let indent = 2u8.saturating_add(u8::try_from(depth).unwrap_or(u8::MAX - 2));
                let line = cause_line(&c.text, c.category.as_deref(), c.root);
                self.push(indent, LineKind::Item, line);
            }
        }
        if !p.effects.is_empty() {
            self.sub(1, l.effects);
            for e in &p.effects {
                self.push(2, LineKind::Item, e.text.clone());
            }
        }
        let roots: Vec<&str> = p
            .causes
            .iter()
            .filter(|c| c.root)
            .map(|c| c.text.as_str())
            .collect();
        self.field(1, l.root_causes, &roots.join(" ; "));
        let concerned: Vec<String> = p.concerned.iter().map(|m| s.group.member_name(m)).collect();
        self.field(1, l.concerned, &concerned.join(", "));
    }

    fn solutions(&mut self) {
        let (s, l) = (self.s, &self.l().show);
        if s.solutions.ideas.is_empty() {
            return;
        }
        self.sub(1, l.ideas);
        for idea in &s.solutions.ideas {
            self.push(2, LineKind::Item, idea.text.clone());
            let mut details = vec![self.author(&idea.proposer)];
            if let Some(kind) = idea.kind {
                details.push(idea_kind(kind, self.lang).to_string());
            }
            if idea.impact.is_some() || idea.effort.is_some() {
                let score = |v: Option<u8>| v.map_or("?".to_string(), |v| v.to_string());
                details.push(fill(
                    l.impact_effort,
                    &[&score(idea.impact), &score(idea.effort)],
                ));
            }
            if idea.chosen {
                details.push(l.chosen.to_string());
            }
            if let Some(cause) = idea.cause.as_ref()
                && let Some(c) = s.problem.causes.iter().find(|c| &c.id == cause)
            {
                details.push(fill(l.answers, &[&c.text]));
            }
            self.push(3, LineKind::Text, details.join(" · "));
        }
    }

    fn plan(&mut self) {
        let (s, l) = (self.s, &self.l().show);
        if s.plan.actions.is_empty() {
            return;
        }
        self.sub(1, l.actions);
        for a in &s.plan.actions {
            self.push(2, LineKind::Item, a.what.clone());
            let owners: Vec<String> = a.owners.iter().map(|o| self.owner(o)).collect();
            self.field(3, l.owners, &owners.join(", "));
            self.field(3, l.due, &a.due.map(crate::dates::show).unwrap_or_default());
            self.field(3, l.means, &a.means);
            self.field(3, l.indicator, &a.indicator);
            let idea = a
                .idea
                .as_ref()
                .and_then(|i| s.solutions.ideas.iter().find(|x| &x.id == i));
            self.field(3, l.from_idea, idea.map_or("", |i| i.text.as_str()));
        }
    }

    fn closing(&mut self) {
        let (s, l) = (self.s, &self.l().show);
        let c = &s.closing;
        // In the group's order, not the ids' order; ids of members gone since come last.
        let ordered = |keys: Vec<&Id>| -> Vec<Id> {
            let mut ids: Vec<Id> = s.group.members.iter().map(|m| m.id.clone()).collect();
            ids.retain(|id| keys.contains(&id));
            ids.extend(
                keys.into_iter()
                    .filter(|k| s.group.member(k).is_none())
                    .cloned(),
            );
            ids
        };
        if !c.commitments.is_empty() {
            self.sub(1, l.commitments);
            for m in ordered(c.commitments.keys().collect()) {
                self.field(2, &s.group.member_name(&m), &c.commitments[&m]);
            }
        }
        if !c.usefulness.is_empty() {
            let scores: Vec<String> = ordered(c.usefulness.keys().collect())
                .iter()
                .map(|m| format!("{} {}", s.group.member_name(m), c.usefulness[m]))
                .collect();
            let sum: u32 = c.usefulness.values().map(|n| u32::from(*n)).sum();
            let mut average = format!("{:.1}", f64::from(sum) / c.usefulness.len() as f64);
            if self.lang == Lang::Fr {
                average = average.replace('.', ",");
            }
            let text = format!("{} ({})", scores.join(", "), fill(l.average, &[&average]));
            self.field(1, l.usefulness, &text);
        }
        self.field(1, l.comments, &c.comments);
        let next = &c.next;
        if next.date.is_some() || !next.place.trim().is_empty() || !next.topic.trim().is_empty() {
            self.sub(1, l.next_meeting);
            self.field(
                2,
                l.date,
                &next.date.map(crate::dates::show).unwrap_or_default(),
            );
            self.field(2, l.place, &next.place);
            self.field(2, l.topic, &next.topic);
        }
        // What the group decided about itself is part of the meeting's record.
        self.decisions();
        if self.private {
            self.field(1, l.private_notes, &c.private_notes);
        }
    }
}

/// Who carries an action, as the document names them (shared with the exports).
pub fn owner_name(session: &Session, o: &Owner, lang: Lang) -> String {
    let l = &lang.strings().store.show;
    let g = &session.group;
    let with_name = |role: &str, name: &str| {
        if name.trim().is_empty() {
            role.to_string()
        } else {
            format!("{role} ({name})")
        }
    };
    match o {
        Owner::Member(id) => g.member_name(id),
        Owner::WholeGroup => l.whole_group.to_string(),
        Owner::Advisor => with_name(l.the_advisor, &g.advisor),
        Owner::Host => with_name(l.the_host, &g.host),
    }
}

fn status(s: ActionStatus, lang: Lang) -> &'static str {
    s.label(lang.strings())
}

fn idea_kind(k: IdeaKind, lang: Lang) -> &'static str {
    let l = &lang.strings().store.show;
    match k {
        IdeaKind::Individual => l.individual,
        IdeaKind::Collective => l.collective,
        IdeaKind::Lobbying => l.lobbying,
        IdeaKind::ServiceRequest => l.service_request,
    }
}

fn legal_status(s: LegalStatus, lang: Lang) -> &'static str {
    let l = &lang.strings().store.show;
    match s {
        LegalStatus::Informal => l.informal,
        LegalStatus::AutoEntrepreneur => l.auto_entrepreneur,
        LegalStatus::SoleTrader => l.sole_trader,
        LegalStatus::Sarl => l.sarl,
        LegalStatus::SarlAu => l.sarl_au,
        LegalStatus::Cooperative => l.cooperative,
        LegalStatus::Other => l.other_status,
    }
}
