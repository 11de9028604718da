//! Realistic sample groups and sessions, for render snapshots, flow tests, benchmarks and the
//! shipped sessions of `sessions/` (which `examples/write-samples.rs` writes from it, and the
//! demo opens). Test code only: compiled for the unit tests and with the `samples` feature,
//! which the tests, benches and examples turn on; never in the shipped binary.
//!
//! Every session is built the way the app builds one: [`Session::new`], then one
//! [`Session::record`] per edit, so the history is complete and replays to the same data.
//!
//! Everything is deterministic: time comes from the `now` argument (the meeting starts at
//! `now` and each edit lands a few seconds after the previous one), ids from an [`IdGen`]
//! seeded with `seed`. Group dates (start, join dates) are fixed calendar dates in autumn 2026.
//!
//! The groups and the texts of the large sessions are data, in `src/sample/data/`; the
//! scripted sessions stay here, each text beside the member who says it and the theme it
//! goes to. Member indices used below follow the order of [`bakers_group`] and
//! [`tailors_group`].

use crate::method::{Method, PhaseKind};
use crate::model::life::Gender;
use crate::model::{
    Action, ActionStatus, Attendance, Author, BacklogItem, Card, Cause, Change, Group, Id, IdGen,
    Idea, IdeaKind, Item, ItemList, LegalStatus, Member, NewSession, Owner, Region, Review,
    Session, TextField, Theme, Timestamp,
};
use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use life::Moment;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;
use std::sync::LazyLock;

mod bakers;
mod life;
mod records;
pub use bakers::bakers_series;

// ---------------------------------------------------------------------------------------------
// Groups
// ---------------------------------------------------------------------------------------------

/// A member as written in `sample/data/groups.ron`: a [`Member`] without its id.
#[derive(Deserialize)]
struct MemberSpec {
    name: String,
    business: String,
    trade: String,
    legal_status: Option<LegalStatus>,
    employees: Option<u32>,
    phone: String,
    joined: NaiveDate,
    #[serde(default)]
    gender: Option<Gender>,
    #[serde(default)]
    business_since: Option<i32>,
}

/// A group as written in `sample/data/groups.ron`: a [`Group`] without its ids.
#[derive(Deserialize)]
struct GroupSpec {
    name: String,
    trade: String,
    region: Region,
    city: String,
    host: String,
    advisor: String,
    start_date: NaiveDate,
    members: Vec<MemberSpec>,
}

impl GroupSpec {
    /// The group with its ids: the group's first, then one per member in the order of the
    /// list.
    fn build(&self, ids: &mut IdGen) -> Group {
        let id = ids.next_id();
        let members = self
            .members
            .iter()
            .map(|m| Member {
                id: ids.next_id(),
                name: m.name.clone(),
                business: m.business.clone(),
                trade: m.trade.clone(),
                legal_status: m.legal_status,
                employees: m.employees,
                phone: m.phone.clone(),
                joined: Some(m.joined),
                gender: m.gender,
                business_since: m.business_since,
                ..Member::default()
            })
            .collect();
        Group {
            id,
            name: self.name.clone(),
            trade: self.trade.clone(),
            region: self.region.clone(),
            city: self.city.clone(),
            host: self.host.clone(),
            advisor: self.advisor.clone(),
            start_date: Some(self.start_date),
            members,
            ..Group::default()
        }
    }
}

#[derive(Deserialize)]
struct Groups {
    bakers: GroupSpec,
    tailors: GroupSpec,
}

/// A file of `src/sample/data`, parsed once; a mistake in it fails the first test that uses
/// a sample, with its place in the file.
fn data<T: DeserializeOwned>(name: &str, text: &str) -> T {
    ron::from_str(text).unwrap_or_else(|e| panic!("src/sample/data/{name}: {e}"))
}

static GROUPS: LazyLock<Groups> =
    LazyLock::new(|| data("groups.ron", include_str!("sample/data/groups.ron")));

/// "Boulangers de Tanger": 12 bakers and pastry makers hosted by the CCIS of Tanger. Draws
/// 13 ids: the group's, then one per member in the order of the list.
pub fn bakers_group(ids: &mut IdGen) -> Group {
    GROUPS.bakers.build(ids)
}

/// Index in [`tailors_group`] of the member who joins at the second session of [`series`].
const TAILOR_JOINING_LATER: usize = 8;

/// "Couturières d'Oujda": 9 women tailors and embroiderers of the Oriental, hosted by an
/// association. Draws 10 ids: the group's, then one per member.
pub fn tailors_group(ids: &mut IdGen) -> Group {
    GROUPS.tailors.build(ids)
}

// ---------------------------------------------------------------------------------------------
// The script: a session under construction, recorded edit by edit
// ---------------------------------------------------------------------------------------------

/// Who wrote a card or proposed an idea, by member index.
#[derive(Debug, Clone, Copy)]
enum Who {
    M(usize),
    Anon,
    All,
}

/// Who carries an action, by member index.
#[derive(Debug, Clone, Copy)]
enum By {
    M(usize),
    All,
    Advisor,
    Host,
}

/// A card: text, author, and the index of the theme it ends up in.
type CardSpec = (&'static str, Who, Option<usize>);

struct CauseSpec {
    text: &'static str,
    parent: Option<usize>,
    category: &'static str,
    root: bool,
}

struct IdeaSpec {
    text: &'static str,
    by: Who,
    kind: IdeaKind,
    cause: Option<usize>,
    impact: u8,
    effort: u8,
    chosen: bool,
}

struct ActionSpec {
    what: &'static str,
    owners: &'static [By],
    due_in_days: i64,
    means: &'static str,
    indicator: &'static str,
    idea: Option<usize>,
}

struct ClosingSpec {
    commitments: &'static [(usize, &'static str)],
    usefulness: &'static [(usize, u8)],
    comments: &'static str,
    next_in_days: i64,
    place: &'static str,
    topic: &'static str,
    private_notes: &'static str,
}

/// An action as the advisor types it, before it gets an id and a time.
struct ActionDraft {
    what: String,
    owners: Vec<Owner>,
    due: Option<NaiveDate>,
    means: String,
    indicator: String,
    idea: Option<Id>,
}

/// A finished sample with the session it started as, so tests can replay the history.
struct Built {
    #[cfg_attr(not(test), expect(dead_code, reason = "read by the replay tests"))]
    initial: Session,
    session: Session,
}

/// Member ids in the group's order: what [`Script`] maps member indices to.
fn member_ids(group: &Group) -> Vec<Id> {
    group.members.iter().map(|m| m.id.clone()).collect()
}

/// Meeting `number` of `group`, opened at `now` with the built-in method and nothing carried
/// from earlier meetings: what every sample starts from (callers that carry reviews or a
/// backlog set them over it).
fn opening(id: Id, number: u32, place: &str, group: Group, now: Timestamp) -> NewSession {
    NewSession {
        id,
        number,
        date: now.date_naive(),
        place: place.into(),
        group,
        method: Method::builtin(),
        reviews: Vec::new(),
        backlog: Vec::new(),
        now,
    }
}

/// An action carried to a later meeting, not yet reviewed there.
fn carried_review(
    action: Action,
    from_session: &Id,
    from_number: u32,
    previous: Option<ActionStatus>,
) -> Review {
    Review {
        action,
        from_session: from_session.clone(),
        from_number,
        previous,
        status: None,
        comment: String::new(),
    }
}

struct Script {
    initial: Session,
    s: Session,
    ids: IdGen,
    t: Timestamp,
    phase_start: Timestamp,
    /// Member ids by index in the group tables, including members not yet in the session.
    members: Vec<Id>,
}

impl Script {
    fn new(ids: IdGen, members: Vec<Id>, n: NewSession) -> Script {
        let t = n.now;
        let s = Session::new(n);
        Script {
            initial: s.clone(),
            s,
            ids,
            t,
            phase_start: t,
            members,
        }
    }

    fn finish(mut self) -> Built {
        // What the store does on every write: the file was last written at the last edit.
        self.s.saved = self.t;
        Built {
            initial: self.initial,
            session: self.s,
        }
    }

    fn id(&mut self) -> Id {
        self.ids.next_id()
    }

    fn tick(&mut self, secs: i64) -> Timestamp {
        self.t += TimeDelta::seconds(secs);
        self.t
    }

    fn rec(&mut self, secs: i64, change: Change) {
        let at = self.tick(secs);
        self.s.record(at, change);
    }

    fn m(&self, i: usize) -> Id {
        self.members[i].clone()
    }

    fn author(&self, who: Who) -> Author {
        match who {
            Who::M(i) => Author::Member(self.m(i)),
            Who::Anon => Author::Anonymous,
            Who::All => Author::WholeGroup,
        }
    }

    fn owner(&self, by: By) -> Owner {
        match by {
            By::M(i) => Owner::Member(self.m(i)),
            By::All => Owner::WholeGroup,
            By::Advisor => Owner::Advisor,
            By::Host => Owner::Host,
        }
    }

    fn phase(&self, kind: PhaseKind) -> usize {
        self.s
            .method
            .index_of(kind)
            .expect("the built-in method has every kind of phase")
    }

    /// Enters a phase and starts its timer.
    fn begin(&mut self, kind: PhaseKind) {
        let phase = self.phase(kind);
        if self.s.current_phase != phase {
            self.rec(3, Change::PhaseEntered { phase });
        }
        self.rec(1, Change::TimerStarted { phase });
        self.phase_start = self.t;
    }

    /// Pauses the phase's timer once it has run at least `secs` (talk takes longer than typing).
    fn end(&mut self, kind: PhaseKind, secs: i64) {
        let phase = self.phase(kind);
        let target = self.phase_start + TimeDelta::seconds(secs);
        if self.t < target {
            self.t = target;
        }
        let elapsed_secs = u32::try_from((self.t - self.phase_start).num_seconds()).unwrap_or(0);
        self.rec(
            0,
            Change::TimerPaused {
                phase,
                elapsed_secs,
            },
        );
    }

    fn text(&mut self, secs: i64, field: TextField, text: &str) {
        self.rec(
            secs,
            Change::TextSet {
                field,
                text: text.into(),
            },
        );
    }

    fn item(&mut self, secs: i64, list: ItemList, text: &str) -> Id {
        let id = self.id();
        let created = self.tick(secs);
        let item = Item {
            id: id.clone(),
            text: text.into(),
            created,
        };
        self.rec(0, Change::ItemAdded { list, item });
        id
    }

    /// The problem statement, its cause tree and its effects; the ids of the causes.
    fn problem(&mut self, statement: &str, causes: &[CauseSpec], effects: &[&str]) -> Vec<Id> {
        self.text(90, TextField::ProblemStatement, statement);
        let ids = self.causes(causes);
        for effect in effects {
            self.item(40, ItemList::Effects, effect);
        }
        ids
    }

    /// The members who say they are concerned by the problem.
    fn concerned(&mut self, members: &[usize]) {
        for &i in members {
            let member = self.m(i);
            let concerned = true;
            self.rec(10, Change::ConcernedSet { member, concerned });
        }
    }

    fn attendance(&mut self, marks: &[(usize, Attendance)]) {
        for &(i, attendance) in marks {
            let member = self.m(i);
            self.rec(4, Change::AttendanceSet { member, attendance });
        }
    }

    fn reviews(&mut self, outcomes: &[(ActionStatus, &str)]) {
        let actions: Vec<Id> = (self.s.followup.reviews.iter())
            .map(|r| r.action.id.clone())
            .collect();
        for (action, &(status, comment)) in actions.into_iter().zip(outcomes) {
            self.rec(
                75,
                Change::ReviewStatusSet {
                    action: action.clone(),
                    status: Some(status),
                },
            );
            self.rec(
                40,
                Change::ReviewCommented {
                    action,
                    comment: comment.into(),
                },
            );
        }
    }

    fn card(&mut self, secs: i64, text: &str, who: Who) -> Id {
        let id = self.id();
        let created = self.tick(secs);
        let card = Card {
            id: id.clone(),
            text: text.into(),
            author: self.author(who),
            theme: None,
            created,
        };
        self.rec(0, Change::CardAdded { card });
        id
    }

    fn cards(&mut self, specs: &[CardSpec]) -> Vec<Id> {
        specs
            .iter()
            .map(|&(text, who, _)| self.card(20, text, who))
            .collect()
    }

    fn theme(&mut self, secs: i64, title: &str, category: &str) -> Id {
        let id = self.id();
        self.theme_with_id(secs, id, title, category)
    }

    /// A theme whose id was drawn elsewhere (in bakers' session 2, a later session's backlog
    /// names it, so its id comes from that backlog's generator).
    fn theme_with_id(&mut self, secs: i64, id: Id, title: &str, category: &str) -> Id {
        let created = self.tick(secs);
        let theme = Theme {
            id: id.clone(),
            title: title.into(),
            category: None,
            created,
        };
        self.rec(0, Change::ThemeAdded { theme });
        self.rec(
            6,
            Change::ThemeCategorySet {
                id: id.clone(),
                category: Some(category.into()),
            },
        );
        id
    }

    /// Creates the themes, then moves each card into its theme.
    fn themes(&mut self, titles: &[(&str, &str)], cards: &[Id], specs: &[CardSpec]) -> Vec<Id> {
        let themes: Vec<Id> = titles
            .iter()
            .map(|&(title, category)| self.theme(30, title, category))
            .collect();
        for (id, &(_, _, theme)) in cards.iter().zip(specs) {
            if let Some(t) = theme {
                let theme = Some(themes[t].clone());
                self.rec(
                    8,
                    Change::CardMoved {
                        id: id.clone(),
                        theme,
                    },
                );
            }
        }
        themes
    }

    fn dots(&mut self, alloc: &[(usize, &[(usize, u32)])], themes: &[Id]) {
        for &(member, dots) in alloc {
            for &(theme, n) in dots {
                self.rec(
                    6,
                    Change::DotsSet {
                        theme: themes[theme].clone(),
                        member: self.m(member),
                        dots: n,
                    },
                );
            }
        }
    }

    /// The theme with the most dots (the first one on a tie) becomes the priority.
    fn priority_by_dots(&mut self) {
        let mut best: Option<(u32, Id)> = None;
        for t in &self.s.needs.themes {
            let n: u32 = self.s.needs.dots.get(&t.id).map_or(0, |d| d.values().sum());
            if best.as_ref().is_none_or(|(b, _)| n > *b) {
                best = Some((n, t.id.clone()));
            }
        }
        let id = best.map(|(_, id)| id);
        self.rec(20, Change::PrioritySet { id });
    }

    fn cause(&mut self, secs: i64, text: &str, parent: Option<&Id>, category: &str) -> Id {
        let id = self.id();
        let created = self.tick(secs);
        let cause = Cause {
            id: id.clone(),
            text: text.into(),
            parent: parent.cloned(),
            category: None,
            root: false,
            created,
        };
        self.rec(0, Change::CauseAdded { cause });
        self.rec(
            5,
            Change::CauseCategorySet {
                id: id.clone(),
                category: Some(category.into()),
            },
        );
        id
    }

    /// The tree first, asking "why?" branch by branch; the root causes are marked at the end.
    fn causes(&mut self, specs: &[CauseSpec]) -> Vec<Id> {
        let mut ids: Vec<Id> = Vec::with_capacity(specs.len());
        for c in specs {
            let parent = c.parent.map(|p| ids[p].clone());
            let id = self.cause(45, c.text, parent.as_ref(), c.category);
            ids.push(id);
        }
        for (id, c) in ids.iter().zip(specs) {
            if c.root {
                self.rec(
                    10,
                    Change::CauseRootSet {
                        id: id.clone(),
                        root: true,
                    },
                );
            }
        }
        ids
    }

    fn idea(&mut self, secs: i64, text: &str, who: Who, kind: IdeaKind, cause: Option<Id>) -> Id {
        let id = self.id();
        let created = self.tick(secs);
        let idea = Idea {
            id: id.clone(),
            text: text.into(),
            proposer: self.author(who),
            cause: None,
            kind: None,
            impact: None,
            effort: None,
            chosen: false,
            project: None,
            created,
        };
        self.rec(0, Change::IdeaAdded { idea });
        let kind = Some(kind);
        self.rec(
            4,
            Change::IdeaKindSet {
                id: id.clone(),
                kind,
            },
        );
        if cause.is_some() {
            self.rec(
                5,
                Change::IdeaCauseSet {
                    id: id.clone(),
                    cause,
                },
            );
        }
        id
    }

    /// Brainstorm first, then rate every idea on the matrix, then choose.
    fn ideas(&mut self, specs: &[IdeaSpec], causes: &[Id]) -> Vec<Id> {
        let ids: Vec<Id> = specs
            .iter()
            .map(|i| {
                let cause = i.cause.map(|c| causes[c].clone());
                self.idea(60, i.text, i.by, i.kind, cause)
            })
            .collect();
        for (id, i) in ids.iter().zip(specs) {
            self.rec(
                25,
                Change::IdeaRated {
                    id: id.clone(),
                    impact: Some(i.impact),
                    effort: Some(i.effort),
                },
            );
        }
        for (id, i) in ids.iter().zip(specs) {
            if i.chosen {
                self.rec(
                    30,
                    Change::IdeaChosen {
                        id: id.clone(),
                        chosen: true,
                    },
                );
            }
        }
        ids
    }

    fn action(&mut self, secs: i64, d: ActionDraft) -> Id {
        let id = self.id();
        let created = self.tick(secs);
        let action = Action {
            id: id.clone(),
            what: d.what,
            owners: d.owners,
            due: d.due,
            means: d.means,
            indicator: d.indicator,
            idea: d.idea,
            project: None,
            created,
        };
        self.rec(0, Change::ActionAdded { action });
        id
    }

    fn actions(&mut self, specs: &[ActionSpec], ideas: &[Id]) -> Vec<Id> {
        let date = self.s.date;
        specs
            .iter()
            .map(|a| {
                let draft = ActionDraft {
                    what: a.what.into(),
                    owners: a.owners.iter().map(|&b| self.owner(b)).collect(),
                    due: Some(date + TimeDelta::days(a.due_in_days)),
                    means: a.means.into(),
                    indicator: a.indicator.into(),
                    idea: a.idea.map(|i| ideas[i].clone()),
                };
                self.action(120, draft)
            })
            .collect()
    }

    fn closing(&mut self, c: &ClosingSpec) {
        for &(member, text) in c.commitments {
            let member = self.m(member);
            let text = text.into();
            self.rec(35, Change::CommitmentSet { member, text });
        }
        for &(member, score) in c.usefulness {
            let member = self.m(member);
            let score = Some(score);
            self.rec(5, Change::UsefulnessSet { member, score });
        }
        self.text(60, TextField::ClosingComments, c.comments);
        let date = Some(self.s.date + TimeDelta::days(c.next_in_days));
        self.rec(20, Change::NextDateSet { date });
        self.text(15, TextField::NextPlace, c.place);
        self.text(20, TextField::NextTopic, c.topic);
        self.text(90, TextField::PrivateNotes, c.private_notes);
    }
}

/// The follow-up list of the session after `prev`: its reviews not yet done or dropped, then
/// the actions it decided. What the store hands to [`NewSession::reviews`].
fn open_reviews(prev: &Session) -> Vec<Review> {
    let carried = prev
        .followup
        .reviews
        .iter()
        .filter(|r| !r.status.is_some_and(ActionStatus::is_closed))
        .map(|r| {
            let previous = r.status.or(r.previous);
            carried_review(r.action.clone(), &r.from_session, r.from_number, previous)
        });
    let decided = prev
        .plan
        .actions
        .iter()
        .map(|a| carried_review(a.clone(), &prev.id, prev.number, None));
    carried.chain(decided).collect()
}

// ---------------------------------------------------------------------------------------------
// The bakers of Tanger, session 3
// ---------------------------------------------------------------------------------------------

const BAKERS_PLACE: &str = "Chambre de Commerce de Tanger, salle de réunion du 2e étage";

const BAKERS_CARDS: [CardSpec; 24] = [
    (
        "Le sac de farine de 50 kg est passé de 220 à 250 dirhams depuis l'ete",
        Who::M(1),
        Some(0),
    ),
    (
        "Le beurre et le sucre coûtent de plus en plus cher, je n'ose pas augmenter mes prix",
        Who::M(0),
        Some(0),
    ),
    (
        "Chacun achète sa farine de son côté, en petites quantités : on paie le prix fort",
        Who::M(8),
        Some(0),
    ),
    (
        "Le prix du pain ordinaire est fixé : quand la farine augmente, la marge disparaît",
        Who::All,
        Some(0),
    ),
    (
        "Je ne sais pas calculer le prix de revient d'un gâteau",
        Who::M(6),
        Some(0),
    ),
    (
        "La banque refuse le crédit sans garantie ni bilan comptable",
        Who::M(11),
        Some(1),
    ),
    (
        "Je ne connais pas les offres de crédit pour les TPE (Tamwilcom, microcrédit)",
        Who::M(6),
        Some(1),
    ),
    (
        "Impossible de financer un nouveau four, le mien a vingt ans",
        Who::M(5),
        Some(5),
    ),
    (
        "Les fournisseurs exigent d'être payés comptant",
        Who::Anon,
        Some(1),
    ),
    (
        "أريد التصريح بعمالي في الضمان الاجتماعي لكن التكلفة مرتفعة",
        Who::M(3),
        Some(2),
    ),
    (
        "لا أعرف كيف أستفيد من التغطية الصحية AMO",
        Who::M(7),
        Some(2),
    ),
    (
        "Statut d'auto-entrepreneur : quelles démarches, quels impôts ?",
        Who::M(2),
        Some(2),
    ),
    (
        "Peur de perdre des clients si je me déclare (factures, TVA)",
        Who::Anon,
        Some(2),
    ),
    (
        "Les apprentis partent au bout de quelques mois, il faut tout recommencer",
        Who::M(8),
        Some(3),
    ),
    (
        "Difficile de trouver un boulanger qualifié pour le travail de nuit",
        Who::M(1),
        Some(3),
    ),
    ("أريد تعلم تقنيات الحلويات العصرية", Who::M(7), Some(3)),
    (
        "Pas de formation reconnue pour nos apprentis (OFPPT ?)",
        Who::Anon,
        Some(3),
    ),
    (
        "L'inspection d'hygiène (ONSSA) demande des travaux que je ne peux pas payer",
        Who::M(5),
        Some(4),
    ),
    (
        "Pas de chambre froide pour la crème et les œufs l'été",
        Who::M(0),
        Some(4),
    ),
    (
        "Les vendeuses n'ont jamais été formées à l'hygiène",
        Who::M(11),
        Some(4),
    ),
    (
        "Je mélange la caisse du magasin et l'argent de la maison",
        Who::Anon,
        None,
    ),
    (
        "Pas de page Instagram ni de commandes en ligne pour les gâteaux de fête 🎂",
        Who::M(11),
        None,
    ),
    (
        "Le loyer du local a augmenté de 20 % cette année",
        Who::M(5),
        None,
    ),
    (
        "Coupures d'électricité qui gâchent des fournées",
        Who::Anon,
        None,
    ),
];

/// The sixth theme is merged into the second before the vote.
const BAKERS_THEMES: [(&str, &str); 6] = [
    ("Prix de la farine", "raw_materials"),
    ("Accès au crédit et financement du matériel", "financing"),
    (
        "Se déclarer : auto-entrepreneur, CNSS, AMO",
        "formalisation",
    ),
    ("Former et garder les apprentis", "skills_staff"),
    ("Hygiène et normes sanitaires", "quality"),
    ("Acheter un nouveau four", "premises_equipment"),
];

/// Nine present members, three dots each: 10, 7, 5, 3 and 2 dots on the five themes.
const BAKERS_DOTS: [(usize, &[(usize, u32)]); 9] = [
    (0, &[(0, 2), (4, 1)]),
    (1, &[(0, 3)]),
    (2, &[(2, 2), (1, 1)]),
    (3, &[(0, 1), (1, 1), (2, 1)]),
    (5, &[(4, 1), (1, 2)]),
    (6, &[(0, 1), (3, 1), (1, 1)]),
    (7, &[(2, 2), (3, 1)]),
    (8, &[(0, 2), (3, 1)]),
    (11, &[(1, 2), (0, 1)]),
];

const BAKERS_CAUSES: [CauseSpec; 11] = [
    CauseSpec {
        text: "Chacun achète sa farine seul, en petites quantités",
        parent: None,
        category: "methods",
        root: false,
    },
    CauseSpec {
        text: "Aucun groupement d'achat entre boulangers du quartier",
        parent: Some(0),
        category: "methods",
        root: true,
    },
    CauseSpec {
        text: "Méfiance entre voisins : peur de partager ses fournisseurs",
        parent: Some(1),
        category: "manpower",
        root: false,
    },
    CauseSpec {
        text: "Pas de trésorerie pour acheter un stock à l'avance",
        parent: Some(0),
        category: "finance",
        root: false,
    },
    CauseSpec {
        text: "Les cafés et les épiceries nous paient à 30 ou 60 jours",
        parent: Some(3),
        category: "market",
        root: false,
    },
    CauseSpec {
        text: "Le blé et le beurre montent sur les marchés mondiaux",
        parent: None,
        category: "materials",
        root: false,
    },
    CauseSpec {
        text: "Dépendance au blé importé et à deux minoteries de la région",
        parent: Some(5),
        category: "materials",
        root: false,
    },
    CauseSpec {
        text: "Nos prix de vente ne suivent pas nos coûts",
        parent: None,
        category: "market",
        root: false,
    },
    CauseSpec {
        text: "Nous ne connaissons pas notre prix de revient",
        parent: Some(7),
        category: "methods",
        root: false,
    },
    CauseSpec {
        text: "Jamais formés au calcul des coûts ni à la tenue d'un cahier de caisse",
        parent: Some(8),
        category: "manpower",
        root: true,
    },
    CauseSpec {
        text: "Le prix du pain ordinaire est plafonné",
        parent: Some(7),
        category: "market",
        root: false,
    },
];

const BAKERS_EFFECTS: [&str; 3] = [
    "Marges en baisse : certains vendent le pain ordinaire presque à perte",
    "Moins de moyens pour payer les apprentis et entretenir le matériel",
    "Qualité en baisse quand on remplace le beurre par de la margarine",
];

const BAKERS_IDEAS: [IdeaSpec; 6] = [
    IdeaSpec {
        text: "Créer un groupement d'achat : une commande commune de farine par semaine \
               auprès d'une minoterie",
        by: Who::M(1),
        kind: IdeaKind::Collective,
        cause: Some(1),
        impact: 5,
        effort: 3,
        chosen: true,
    },
    IdeaSpec {
        text: "Négocier avec la minoterie un paiement à 30 jours pour le groupe",
        by: Who::M(8),
        kind: IdeaKind::Collective,
        cause: Some(1),
        impact: 4,
        effort: 3,
        chosen: false,
    },
    IdeaSpec {
        text: "Demander à la Chambre un atelier « prix de revient » avec une fiche de calcul \
               par produit",
        by: Who::All,
        kind: IdeaKind::ServiceRequest,
        cause: Some(9),
        impact: 4,
        effort: 2,
        chosen: true,
    },
    IdeaSpec {
        text: "Je calcule déjà mes coûts dans un cahier : je peux montrer ma méthode au groupe",
        by: Who::M(0),
        kind: IdeaKind::Individual,
        cause: Some(9),
        impact: 3,
        effort: 1,
        chosen: false,
    },
    IdeaSpec {
        text: "Passer par la fédération pour demander la révision du prix plafonné du pain",
        by: Who::M(11),
        kind: IdeaKind::Lobbying,
        cause: None,
        impact: 3,
        effort: 5,
        chosen: false,
    },
    IdeaSpec {
        text: "Remplacer une partie du beurre par de l'huile d'olive de la région dans \
               certains produits",
        by: Who::M(6),
        kind: IdeaKind::Individual,
        cause: None,
        impact: 2,
        effort: 2,
        chosen: false,
    },
];

const BAKERS_ACTIONS: [ActionSpec; 4] = [
    ActionSpec {
        what: "Recenser les besoins hebdomadaires en farine de chaque membre (nombre de sacs, \
               type de farine)",
        owners: &[By::M(1)],
        due_in_days: 7,
        means: "Fiche simple partagée sur le groupe WhatsApp",
        indicator: "Besoins de tous les membres présents recensés",
        idea: Some(0),
    },
    ActionSpec {
        what: "Rencontrer deux minoteries et négocier un prix de groupe pour 60 sacs par \
               semaine",
        owners: &[By::M(1), By::M(8), By::M(3)],
        due_in_days: 21,
        means: "Devis recueillis en séance 2 ; déplacement à la zone industrielle",
        indicator: "Accord écrit avec un prix au sac inférieur d'au moins 5 %",
        idea: Some(0),
    },
    ActionSpec {
        what: "Organiser à la Chambre un atelier « calcul du prix de revient »",
        owners: &[By::Host],
        due_in_days: 30,
        means: "Salle de la CCIS, formateur du programme, deux heures",
        indicator: "Atelier tenu avec au moins 8 membres",
        idea: Some(2),
    },
    ActionSpec {
        what: "Calculer le prix de revient de ses trois produits phares avec la fiche modèle",
        owners: &[By::All],
        due_in_days: 14,
        means: "Fiche modèle remise par la conseillère",
        indicator: "Fiches remplies apportées à la séance 4",
        idea: Some(2),
    },
];

const BAKERS_CLOSING: ClosingSpec = ClosingSpec {
    commitments: &[
        (
            0,
            "Je montre ma fiche de coûts à Nadia et à Khadija cette semaine",
        ),
        (
            1,
            "J'envoie la fiche des besoins en farine sur WhatsApp dès ce soir",
        ),
        (3, "سأحسب سعر تكلفة الخبز وثلاثة أنواع من الحلويات"),
        (
            5,
            "Je demande un devis pour les travaux d'hygiène avant la prochaine séance",
        ),
        (
            6,
            "Je note toutes mes dépenses d'ingrédients pendant deux semaines",
        ),
        (8, "J'accompagne Youssef chez les minoteries"),
        (
            11,
            "Je me renseigne sur la garantie Tamwilcom auprès de ma banque",
        ),
    ],
    usefulness: &[
        (0, 5),
        (1, 5),
        (2, 4),
        (3, 4),
        (5, 3),
        (6, 5),
        (7, 4),
        (8, 5),
        (11, 4),
    ],
    comments: "Séance jugée très utile : l'achat groupé motive tout le monde. Plusieurs \
               demandent de commencer à 15 h, après la fournée du matin et avant celle du soir.",
    next_in_days: 14,
    place: BAKERS_PLACE,
    topic: "Résultats de la négociation avec les minoteries ; fiches de prix de revient",
    private_notes: "Khadija Ait Ouahmane : l'accompagner individuellement vers le statut \
                    d'auto-entrepreneur (inscription, CNSS). Rachid Amrani : visiter son four \
                    pour chiffrer les travaux demandés par l'ONSSA. محمد الأمين hésite à \
                    déclarer ses ouvriers : en parler en tête-à-tête. Salma et Abdelkader \
                    excusés : les appeler pour le compte rendu.",
};

fn bakers_session_built(now: DateTime<Utc>, seed: u64) -> Built {
    bakers::series_built(now, seed)
        .pop()
        .expect("the bakers' three sessions")
}

/// Session 3 of the bakers, from what sessions 1 and 2 left: their actions (`c`, the same
/// ids and times as they decided them) and the group as session 2 left it, with its life.
fn bakers_session_3(
    now: DateTime<Utc>,
    seed: u64,
    c: bakers::Carried,
    life: &life::Bakers,
    group: Group,
) -> Built {
    let reviews = vec![
        carried_review(c.ledger, &c.session_1, 1, Some(ActionStatus::InProgress)),
        carried_review(c.quotes, &c.session_2, 2, None),
        carried_review(c.info, &c.session_2, 2, None),
    ];
    let backlog = bakers::backlog(seed, &c.session_2);
    let mut ids = c.ids;
    let id = ids.next_id();
    let mut s = Script::new(
        ids,
        c.members,
        NewSession {
            reviews,
            backlog,
            ..opening(id, 3, BAKERS_PLACE, group, now)
        },
    );

    // 1. Check-in
    s.begin(PhaseKind::CheckIn);
    s.attendance(&[
        (4, Attendance::Excused),
        (9, Attendance::Excused),
        (10, Attendance::Absent),
    ]);
    s.item(
        40,
        ItemList::Guests,
        "Omar Kettani, chargé de clientèle TPE d'une agence bancaire de Tanger",
    );
    s.text(
        60,
        TextField::Objective,
        "Faire le point sur les actions de la séance 2 et choisir ensemble le besoin \
         prioritaire du groupe pour les prochains mois",
    );
    s.text(
        180,
        TextField::Remarks,
        "Rappel de la règle de confidentialité : ce qui se dit au groupe reste au groupe. Tour \
         de table : ventes en baisse chez presque tous depuis la hausse de la farine. Youssef \
         arrivé avec vingt minutes de retard (livraison).",
    );
    s.end(PhaseKind::CheckIn, 14 * 60);

    // 2. Follow-up
    s.begin(PhaseKind::FollowUp);
    s.reviews(&[
        (
            ActionStatus::Blocked,
            "Seuls quatre membres l'ont tenu : impossible de noter pendant le rush du matin. À \
             reprendre avec un modèle plus simple.",
        ),
        (
            ActionStatus::Done,
            "Trois devis reçus : jusqu'à −6 % si le groupe commande 50 sacs par semaine \
             ensemble.",
        ),
        (
            ActionStatus::InProgress,
            "La CCIS a accepté ; date à confirmer avec l'intervenant de la CNSS.",
        ),
    ]);
    life.quotes_in(&mut s);
    s.end(PhaseKind::FollowUp, 17 * 60);

    // 3. Need emergence
    s.begin(PhaseKind::NeedEmergence);
    let cards = s.cards(&BAKERS_CARDS);
    s.rec(
        15,
        Change::CardEdited {
            id: cards[0].clone(),
            text: "Le sac de farine de 50 kg est passé de 220 à 250 dirhams depuis l'été".into(),
        },
    );
    let mut themes = s.themes(&BAKERS_THEMES, &cards, &BAKERS_CARDS);
    s.rec(
        20,
        Change::ThemeRenamed {
            id: themes[0].clone(),
            title: "Prix de la farine et des matières premières".into(),
        },
    );
    let oven = themes.pop().expect("six themes");
    s.rec(
        25,
        Change::ThemesMerged {
            from: oven,
            into: themes[1].clone(),
        },
    );
    s.dots(&BAKERS_DOTS, &themes);
    s.priority_by_dots();
    s.end(PhaseKind::NeedEmergence, 32 * 60);

    // 4. Problem reflection
    s.begin(PhaseKind::ProblemReflection);
    let causes = s.problem(
        "Le prix de la farine et des matières premières augmente plus vite que nos prix de \
         vente : nos marges disparaissent.",
        &BAKERS_CAUSES,
        &BAKERS_EFFECTS,
    );
    s.concerned(&[5, 3]);
    s.end(PhaseKind::ProblemReflection, 28 * 60);

    // 5. Solution search
    s.begin(PhaseKind::SolutionSearch);
    let ideas = s.ideas(&BAKERS_IDEAS, &causes);
    life.idea_of_the_project(&mut s, &ideas);
    s.end(PhaseKind::SolutionSearch, 27 * 60);

    // 6. Action plan
    s.begin(PhaseKind::ActionPlan);
    let actions = s.actions(&BAKERS_ACTIONS, &ideas);
    // The group moves the meeting with the mills back a week: an edit of the whole action.
    if let Some(a) = s.s.plan.actions.iter().find(|a| a.id == actions[1]) {
        let mut action = a.clone();
        action.due = action.due.map(|d| d + TimeDelta::days(7));
        s.rec(30, Change::ActionEdited { action });
    }
    life.project_starts(&mut s, &actions);
    s.end(PhaseKind::ActionPlan, 22 * 60);

    // 7. Closing: in progress, its timer running.
    s.begin(PhaseKind::Closing);
    s.closing(&BAKERS_CLOSING);
    s.finish()
}

/// Session 3 of the bakers of Tanger, in progress in the closing phase (its timer running),
/// every earlier phase filled in: attendance (2 excused, 1 absent), a guest, 3 reviews
/// (blocked, done, in progress), 24 cards in 5 themes (4 left out, one theme merged away),
/// dots, the priority, a problem tree of 11 causes on 3 levels (2 roots), 3 effects, 6 ideas
/// (2 chosen), 4 actions and the closing. The meeting starts at `now`; the group's members
/// are `bakers_group(&mut IdGen::new(seed))`'s, so member ids can be found again. The group
/// comes with the life sessions 1 and 2 gave it (a coordinator, a deputy, a treasurer, three
/// rules, next year's work plan, the flour project: see [`bakers_series`]), and this session
/// adds its own: a planned activity reviewed, a milestone done, the project prepared, then
/// budgeted, linked to an idea and two actions, and running.
pub fn bakers_session(now: DateTime<Utc>, seed: u64) -> Session {
    bakers_session_built(now, seed).session
}

/// Session 1 of the bakers, just opened: check-in phase, every member present by default,
/// an empty history. For empty states.
pub fn bakers_first_session(now: DateTime<Utc>, seed: u64) -> Session {
    let mut ids = IdGen::new(seed);
    let group = bakers_group(&mut ids);
    Session::new(opening(ids.next_id(), 1, BAKERS_PLACE, group, now))
}

// ---------------------------------------------------------------------------------------------
// The tailors of Oujda, sessions 1 to 3
// ---------------------------------------------------------------------------------------------

const TAILORS_PLACE: &str = "Siège de l'association Al Amal, quartier Al Qods, Oujda";

/// One closed session of the tailors, as data.
struct Day {
    attendance: &'static [(usize, Attendance)],
    objective: &'static str,
    remarks: &'static str,
    /// Outcomes of the follow-up list, in its order.
    reviews: &'static [(ActionStatus, &'static str)],
    cards: &'static [CardSpec],
    themes: &'static [(&'static str, &'static str)],
    dots: &'static [(usize, &'static [(usize, u32)])],
    statement: &'static str,
    causes: &'static [CauseSpec],
    effects: &'static [&'static str],
    concerned: &'static [usize],
    ideas: &'static [IdeaSpec],
    actions: &'static [ActionSpec],
    closing: ClosingSpec,
    /// Actual seconds per phase; 0 skips the phase.
    secs: [i64; 7],
}

const TAILORS_DAYS: [Day; 3] = [
    Day {
        attendance: &[(3, Attendance::Excused)],
        objective: "Faire connaissance, présenter la démarche du groupe et la règle de \
                    confidentialité, recueillir les premiers besoins",
        remarks: "Première séance : long tour de table, chacune présente son atelier et ses \
                  produits. Pas d'exercice de vision aujourd'hui, la confiance d'abord.",
        reviews: &[],
        cards: &[
            (
                "Les grossistes en tissus d'Oujda sont chers, il faut aller jusqu'à Nador",
                Who::M(0),
                Some(0),
            ),
            ("ثمن الثوب ارتفع كثيرا عند بائعي الجملة", Who::M(7), Some(0)),
            (
                "Fils, boutons et perles achetés au détail, donc plus chers",
                Who::M(2),
                Some(0),
            ),
            (
                "Mes clientes sont seulement les voisines et la famille",
                Who::M(1),
                Some(1),
            ),
            (
                "Je ne sais pas comment me faire connaître hors du quartier",
                Who::M(4),
                Some(1),
            ),
            (
                "Pas de lieu pour exposer nos caftans avant les fêtes",
                Who::Anon,
                Some(1),
            ),
            (
                "Les clientes paient en plusieurs fois, parfois jamais",
                Who::M(6),
                None,
            ),
            (
                "Je travaille chez moi sans aucun statut",
                Who::M(1),
                Some(2),
            ),
            (
                "Mon mari ne veut pas que je déclare mon activité",
                Who::Anon,
                Some(2),
            ),
            (
                "Pas de couverture médicale alors que la machine abîme le dos",
                Who::M(5),
                Some(2),
            ),
        ],
        themes: &[
            ("Tissus et fournitures trop chers", "raw_materials"),
            ("Trouver des clientes hors du quartier", "market_access"),
            ("Se déclarer et être couverte (CNSS, AMO)", "formalisation"),
        ],
        dots: &[
            (0, &[(0, 1), (1, 2)]),
            (1, &[(1, 2), (2, 1)]),
            (2, &[(0, 2), (1, 1)]),
            (4, &[(1, 3)]),
            (5, &[(1, 1), (2, 2)]),
            (6, &[(0, 1), (1, 1), (2, 1)]),
            (7, &[(0, 2), (1, 1)]),
        ],
        statement: "Nos clientes se limitent au quartier et à la famille : nous vendons trop \
                    peu en dehors des fêtes.",
        causes: &[
            CauseSpec {
                text: "Personne ne connaît nos ateliers hors du quartier",
                parent: None,
                category: "market",
                root: false,
            },
            CauseSpec {
                text: "Pas de photos ni de catalogue de nos modèles",
                parent: Some(0),
                category: "methods",
                root: true,
            },
            CauseSpec {
                text: "Pas de présence sur les réseaux sociaux",
                parent: Some(0),
                category: "methods",
                root: false,
            },
            CauseSpec {
                text: "Pas de lieu pour exposer et vendre",
                parent: None,
                category: "environment",
                root: false,
            },
            CauseSpec {
                text: "Une salle d'exposition coûte trop cher pour une seule couturière",
                parent: Some(3),
                category: "finance",
                root: true,
            },
            CauseSpec {
                text: "Travail à la maison, peu de temps pour sortir vendre",
                parent: None,
                category: "manpower",
                root: false,
            },
        ],
        effects: &[
            "Beaucoup de travail avant l'Aïd et les mariages, presque rien le reste de l'année",
            "Revenus irréguliers : difficile d'acheter les tissus d'avance",
        ],
        concerned: &[1, 4],
        ideas: &[
            IdeaSpec {
                text: "Faire un catalogue photo commun de nos modèles",
                by: Who::M(5),
                kind: IdeaKind::Collective,
                cause: Some(1),
                impact: 5,
                effort: 2,
                chosen: true,
            },
            IdeaSpec {
                text: "Organiser une expo-vente commune avant l'Aïd dans la salle de \
                       l'association",
                by: Who::M(0),
                kind: IdeaKind::Collective,
                cause: Some(4),
                impact: 4,
                effort: 3,
                chosen: true,
            },
            IdeaSpec {
                text: "Chacune met une petite affiche au hammam et chez l'épicier",
                by: Who::M(6),
                kind: IdeaKind::Individual,
                cause: Some(0),
                impact: 2,
                effort: 1,
                chosen: false,
            },
            IdeaSpec {
                text: "Demander à la commune un stand au souk hebdomadaire",
                by: Who::M(2),
                kind: IdeaKind::Lobbying,
                cause: Some(4),
                impact: 3,
                effort: 4,
                chosen: false,
            },
        ],
        actions: &[
            ActionSpec {
                what: "Faire la liste des grossistes en tissus d'Oujda et de Nador avec leurs \
                       prix",
                owners: &[By::M(0)],
                due_in_days: 14,
                means: "Visites et téléphone",
                indicator: "Liste d'au moins cinq grossistes avec le prix au mètre",
                idea: None,
            },
            ActionSpec {
                what: "Photographier cinq modèles chacune pour un catalogue commun",
                owners: &[By::All],
                due_in_days: 14,
                means: "Téléphones portables, fond blanc prêté par l'association",
                indicator: "Photos de toutes les membres reçues",
                idea: Some(0),
            },
            ActionSpec {
                what: "Réserver la salle de l'association pour une expo-vente avant l'Aïd",
                owners: &[By::Host],
                due_in_days: 21,
                means: "Salle polyvalente de l'association, tables et portants",
                indicator: "Date de l'expo-vente fixée",
                idea: Some(1),
            },
            ActionSpec {
                what: "Se renseigner sur le statut d'auto-entrepreneur à Barid Al-Maghrib",
                owners: &[By::M(1)],
                due_in_days: 14,
                means: "Visite à l'agence",
                indicator: "Démarches expliquées au groupe",
                idea: None,
            },
        ],
        closing: ClosingSpec {
            commitments: &[
                (0, "Je fais le tour des grossistes de Nador samedi"),
                (1, "Je vais à Barid Al-Maghrib lundi"),
                (2, "J'apporte les photos de la coopérative"),
                (4, "Je photographie mes cinq plus beaux modèles"),
                (5, "J'aide celles qui ont du mal avec les photos"),
                (7, "سأصور خمسة نماذج من عملي"),
            ],
            usefulness: &[(0, 4), (1, 5), (2, 4), (4, 4), (5, 5), (6, 3), (7, 4)],
            comments: "Ambiance chaleureuse ; les membres veulent se revoir dans deux \
                       semaines, le mardi après-midi.",
            next_in_days: 14,
            place: TAILORS_PLACE,
            topic: "Catalogue photo et expo-vente",
            private_notes: "Hafsa très motivée pour se déclarer : l'accompagner. حليمة parle \
                            peu en français : reformuler en darija. Rachida excusée (enfant \
                            malade).",
        },
        secs: [20 * 60, 0, 31 * 60, 25 * 60, 23 * 60, 17 * 60, 11 * 60],
    },
    Day {
        attendance: &[(6, Attendance::Absent), (2, Attendance::Excused)],
        objective: "Faire le point sur les premières actions, accueillir Amina et avancer sur \
                    la vente en ligne",
        remarks: "Amina Chraibi rejoint le groupe (atelier de confection, cinq salariées) : \
                  présentation et rappel de la règle de confidentialité. Hafsa est maintenant \
                  auto-entrepreneur.",
        reviews: &[
            (
                ActionStatus::Done,
                "Liste de six grossistes ; le moins cher est à Nador (−15 % au mètre).",
            ),
            (
                ActionStatus::InProgress,
                "Quatre membres sur huit ont envoyé leurs photos.",
            ),
            (
                ActionStatus::Blocked,
                "La salle de l'association est occupée jusqu'au mois prochain ; pas d'autre \
                 lieu gratuit trouvé.",
            ),
            (
                ActionStatus::Done,
                "Hafsa est inscrite comme auto-entrepreneur et a expliqué les démarches au \
                 groupe.",
            ),
        ],
        cards: &[
            (
                "Les clientes demandent des photos sur WhatsApp avant de venir",
                Who::M(5),
                Some(0),
            ),
            (
                "Je ne sais pas utiliser Instagram pour vendre",
                Who::M(0),
                Some(0),
            ),
            (
                "Le catalogue n'est pas fini : il faut un compte commun",
                Who::All,
                Some(0),
            ),
            ("أحتاج إلى تعلم تصوير الملابس بشكل جيد", Who::M(7), Some(0)),
            (
                "Les grandes boutiques copient nos modèles dès qu'ils sont en ligne",
                Who::M(8),
                Some(0),
            ),
            (
                "Livraison à Berkane et à Nador : comment envoyer et se faire payer ?",
                Who::M(4),
                Some(1),
            ),
            (
                "Paiement à distance : beaucoup de clientes n'ont pas de carte bancaire",
                Who::Anon,
                Some(1),
            ),
            (
                "Ma machine à coudre tombe souvent en panne",
                Who::M(3),
                Some(2),
            ),
            (
                "Les retouches rapportent peu mais prennent tout mon temps",
                Who::M(3),
                None,
            ),
        ],
        themes: &[
            ("Vendre sur Instagram et WhatsApp", "digital"),
            ("Livrer et se faire payer à distance", "market_access"),
            ("Machines et entretien", "premises_equipment"),
        ],
        dots: &[
            (0, &[(0, 3)]),
            (1, &[(0, 2), (1, 1)]),
            (3, &[(2, 2), (0, 1)]),
            (4, &[(1, 2), (0, 1)]),
            (5, &[(0, 2), (1, 1)]),
            (7, &[(0, 2), (2, 1)]),
            (8, &[(1, 1), (0, 2)]),
        ],
        statement: "Nous n'arrivons pas à montrer et à vendre nos modèles en ligne, alors que \
                    les clientes nous cherchent sur leur téléphone.",
        causes: &[
            CauseSpec {
                text: "Pas de compte commun ni de catalogue en ligne",
                parent: None,
                category: "methods",
                root: false,
            },
            CauseSpec {
                text: "Personne n'a appris à se servir de WhatsApp Business ou d'Instagram",
                parent: Some(0),
                category: "manpower",
                root: true,
            },
            CauseSpec {
                text: "Photos prises à la va-vite, mal éclairées",
                parent: Some(0),
                category: "methods",
                root: true,
            },
            CauseSpec {
                text: "Peur que nos modèles soient copiés",
                parent: None,
                category: "market",
                root: false,
            },
            CauseSpec {
                text: "Forfaits Internet limités et téléphones anciens",
                parent: None,
                category: "equipment",
                root: false,
            },
        ],
        effects: &[
            "Des clientes partent chez les boutiques qui ont une page Instagram",
            "Beaucoup de messages sans réponse, des commandes perdues",
        ],
        concerned: &[0, 3],
        ideas: &[
            IdeaSpec {
                text: "Ouvrir un compte Instagram commun « Couturières de l'Oriental »",
                by: Who::M(5),
                kind: IdeaKind::Collective,
                cause: Some(1),
                impact: 4,
                effort: 2,
                chosen: true,
            },
            IdeaSpec {
                text: "Une formation WhatsApp Business par la conseillère (catalogue, \
                       messages automatiques)",
                by: Who::All,
                kind: IdeaKind::ServiceRequest,
                cause: Some(1),
                impact: 5,
                effort: 2,
                chosen: true,
            },
            IdeaSpec {
                text: "Zineb montre comment elle prend ses photos à la lumière du jour",
                by: Who::M(4),
                kind: IdeaKind::Individual,
                cause: Some(2),
                impact: 3,
                effort: 1,
                chosen: false,
            },
            IdeaSpec {
                text: "Mettre un petit logo sur les photos pour éviter les copies",
                by: Who::M(8),
                kind: IdeaKind::Individual,
                cause: None,
                impact: 2,
                effort: 1,
                chosen: false,
            },
        ],
        actions: &[
            ActionSpec {
                what: "Ouvrir et alimenter le compte Instagram commun « Couturières de \
                       l'Oriental »",
                owners: &[By::M(5)],
                due_in_days: 14,
                means: "Téléphone de Zineb, photos du catalogue",
                indicator: "Compte ouvert avec au moins 20 modèles publiés",
                idea: Some(0),
            },
            ActionSpec {
                what: "Former les membres à WhatsApp Business (catalogue, messages \
                       automatiques)",
                owners: &[By::Advisor],
                due_in_days: 10,
                means: "Séance de deux heures au siège de l'association",
                indicator: "Toutes les membres présentes ont un catalogue WhatsApp",
                idea: Some(1),
            },
            ActionSpec {
                what: "Trouver une autre salle pour l'expo-vente (maison des jeunes, espace \
                       associatif)",
                owners: &[By::M(4), By::M(8)],
                due_in_days: 14,
                means: "Courriers de l'association",
                indicator: "Salle trouvée et date fixée",
                idea: None,
            },
        ],
        closing: ClosingSpec {
            commitments: &[
                (0, "Je crée mon catalogue WhatsApp avant la formation"),
                (1, "Je partage mes photos avec Zineb"),
                (3, "Je fais réparer ma machine"),
                (5, "J'ouvre le compte Instagram ce soir"),
                (7, "سأرسل صوري إلى زينب"),
                (8, "Je cherche une salle avec Souad"),
            ],
            usefulness: &[(0, 5), (1, 4), (3, 3), (4, 4), (5, 5), (7, 4), (8, 5)],
            comments: "Très bonne séance ; les membres veulent la formation WhatsApp au plus \
                       vite.",
            next_in_days: 14,
            place: TAILORS_PLACE,
            topic: "Premières ventes en ligne ; financement du matériel",
            private_notes: "Malika absente sans prévenir : l'appeler. Amina pourrait parrainer \
                            les membres informelles.",
        },
        secs: [
            13 * 60,
            22 * 60,
            29 * 60,
            26 * 60,
            25 * 60,
            19 * 60,
            10 * 60,
        ],
    },
    Day {
        attendance: &[(1, Attendance::Excused)],
        objective: "Bilan des ventes en ligne et choix du prochain besoin",
        remarks: "Malika est revenue. Trois commandes reçues par Instagram depuis la dernière \
                  séance : applaudissements.",
        reviews: &[
            (
                ActionStatus::Done,
                "Toutes les photos reçues : catalogue de 40 modèles.",
            ),
            (
                ActionStatus::Dropped,
                "Remplacée par la recherche d'une autre salle (action de la séance 2).",
            ),
            (
                ActionStatus::Done,
                "Compte ouvert : 35 modèles publiés, trois commandes venues d'Instagram.",
            ),
            (
                ActionStatus::InProgress,
                "Première séance faite ; une seconde est prévue pour les absentes.",
            ),
            (
                ActionStatus::Done,
                "La maison des jeunes prête sa salle le samedi avant l'Aïd.",
            ),
        ],
        cards: &[
            (
                "Ma machine est trop vieille pour les tissus épais",
                Who::M(3),
                Some(0),
            ),
            (
                "Je voudrais une brodeuse électronique mais elle coûte 30 000 dirhams",
                Who::M(2),
                Some(0),
            ),
            (
                "Les banques ne prêtent pas aux couturières qui travaillent à la maison",
                Who::M(6),
                Some(0),
            ),
            (
                "Le microcrédit coûte cher (taux élevés)",
                Who::Anon,
                Some(0),
            ),
            ("آلة الخياطة عندي قديمة وتتعطل كثيرا", Who::M(7), Some(0)),
            (
                "Il faut avancer l'argent des tissus pour chaque commande",
                Who::M(8),
                Some(1),
            ),
            (
                "Les clientes en ligne veulent payer à la livraison",
                Who::M(5),
                Some(1),
            ),
            (
                "Compter le temps passé sur chaque caftan pour fixer le prix",
                Who::M(4),
                Some(2),
            ),
            (
                "Je vends mes caftans sans savoir si je gagne de l'argent",
                Who::Anon,
                Some(2),
            ),
        ],
        themes: &[
            ("Financer des machines", "financing"),
            ("Avancer l'argent des tissus", "cash_stock"),
            ("Fixer le bon prix", "costs"),
        ],
        dots: &[
            (0, &[(0, 2), (2, 1)]),
            (2, &[(0, 3)]),
            (3, &[(0, 2), (1, 1)]),
            (4, &[(2, 2), (0, 1)]),
            (5, &[(1, 2), (0, 1)]),
            (6, &[(0, 2), (2, 1)]),
            (7, &[(0, 3)]),
            (8, &[(1, 1), (2, 1), (0, 1)]),
        ],
        statement: "Nos machines sont vieilles et nous ne trouvons pas de financement pour en \
                    acheter de nouvelles.",
        causes: &[
            CauseSpec {
                text: "Les banques demandent des garanties et des revenus déclarés",
                parent: None,
                category: "finance",
                root: false,
            },
            CauseSpec {
                text: "La plupart d'entre nous travaillent sans statut",
                parent: Some(0),
                category: "methods",
                root: true,
            },
            CauseSpec {
                text: "Aucune trace écrite des ventes à montrer",
                parent: Some(0),
                category: "methods",
                root: true,
            },
            CauseSpec {
                text: "Les offres de microcrédit et de garantie sont mal connues",
                parent: None,
                category: "finance",
                root: false,
            },
            CauseSpec {
                text: "Une machine neuve coûte plusieurs mois de revenus",
                parent: None,
                category: "equipment",
                root: false,
            },
        ],
        effects: &[
            "Commandes de broderie refusées faute de machine",
            "Pannes fréquentes et retards de livraison",
        ],
        concerned: &[2, 7],
        ideas: &[
            IdeaSpec {
                text: "Acheter une brodeuse électronique en commun et la partager selon un \
                       planning",
                by: Who::M(2),
                kind: IdeaKind::Collective,
                cause: None,
                impact: 5,
                effort: 4,
                chosen: true,
            },
            IdeaSpec {
                text: "Tenir un cahier des ventes pour pouvoir montrer ses revenus",
                by: Who::M(8),
                kind: IdeaKind::Individual,
                cause: Some(2),
                impact: 4,
                effort: 2,
                chosen: true,
            },
            IdeaSpec {
                text: "Inviter une association de microcrédit à la prochaine séance",
                by: Who::All,
                kind: IdeaKind::ServiceRequest,
                cause: None,
                impact: 3,
                effort: 1,
                chosen: false,
            },
            IdeaSpec {
                text: "Se déclarer auto-entrepreneur pour accéder aux prêts",
                by: Who::M(5),
                kind: IdeaKind::Individual,
                cause: Some(1),
                impact: 4,
                effort: 3,
                chosen: false,
            },
        ],
        actions: &[
            ActionSpec {
                what: "Demander trois devis de brodeuses électroniques (neuves et \
                       d'occasion)",
                owners: &[By::M(2), By::M(7)],
                due_in_days: 14,
                means: "Visites chez les revendeurs du boulevard Mohammed V",
                indicator: "Trois devis comparables",
                idea: Some(0),
            },
            ActionSpec {
                what: "Tenir un cahier des ventes et des achats jusqu'à la prochaine séance",
                owners: &[By::All],
                due_in_days: 14,
                means: "Cahier offert par l'association",
                indicator: "Cahiers remplis apportés à la séance 4",
                idea: Some(1),
            },
            ActionSpec {
                what: "Inviter un conseiller de microcrédit et de garantie à la séance 4",
                owners: &[By::Advisor],
                due_in_days: 14,
                means: "Contact par la conseillère",
                indicator: "Intervenant confirmé",
                idea: Some(2),
            },
        ],
        closing: ClosingSpec {
            commitments: &[
                (0, "Je note chaque vente dans le cahier"),
                (2, "Je vais chez les revendeurs avec Halima jeudi"),
                (3, "Je fais chiffrer la réparation de ma machine"),
                (
                    4,
                    "Je calcule le prix de revient de mon caftan le plus vendu",
                ),
                (6, "Je viens à toutes les séances désormais"),
                (7, "سأزور بائعي الآلات مع لطيفة"),
                (8, "Je montre mon cahier de ventes au groupe"),
            ],
            usefulness: &[
                (0, 5),
                (2, 5),
                (3, 4),
                (4, 4),
                (5, 4),
                (6, 5),
                (7, 5),
                (8, 4),
            ],
            comments: "Le groupe se soude : trois ventes en ligne déjà. Demande d'inviter une \
                       banque en plus du microcrédit.",
            next_in_days: 14,
            place: TAILORS_PLACE,
            topic: "Financement des machines avec un conseiller de microcrédit",
            private_notes: "Hafsa excusée (salon à Casablanca). Rachida : machine en panne, la \
                            mettre en contact avec le réparateur recommandé par Naima.",
        },
        secs: [12 * 60, 23 * 60, 27 * 60, 28 * 60, 24 * 60, 18 * 60, 9 * 60],
    },
];

/// One of the tailors' sessions; `life` records what the group decides about itself at each
/// moment it may (`sample/life.rs`).
fn play_day(
    s: &mut Script,
    d: &Day,
    joining: Option<Member>,
    edited: Option<Member>,
    life: &dyn Fn(&mut Script, Moment),
) {
    s.begin(PhaseKind::CheckIn);
    if let Some(member) = joining {
        s.rec(45, Change::MemberAdded { member });
    }
    if let Some(member) = edited {
        s.rec(30, Change::MemberEdited { member });
    }
    s.attendance(d.attendance);
    s.text(60, TextField::Objective, d.objective);
    s.text(150, TextField::Remarks, d.remarks);
    life(s, Moment::CheckIn);
    s.end(PhaseKind::CheckIn, d.secs[0]);

    if d.secs[1] > 0 {
        s.begin(PhaseKind::FollowUp);
        s.reviews(d.reviews);
        life(s, Moment::FollowUp);
        s.end(PhaseKind::FollowUp, d.secs[1]);
    }

    s.begin(PhaseKind::NeedEmergence);
    let cards = s.cards(d.cards);
    let themes = s.themes(d.themes, &cards, d.cards);
    s.dots(d.dots, &themes);
    s.priority_by_dots();
    s.end(PhaseKind::NeedEmergence, d.secs[2]);

    s.begin(PhaseKind::ProblemReflection);
    let causes = s.problem(d.statement, d.causes, d.effects);
    s.concerned(d.concerned);
    s.end(PhaseKind::ProblemReflection, d.secs[3]);

    s.begin(PhaseKind::SolutionSearch);
    let ideas = s.ideas(d.ideas, &causes);
    life(s, Moment::Solutions(&ideas));
    s.end(PhaseKind::SolutionSearch, d.secs[4]);

    s.begin(PhaseKind::ActionPlan);
    let actions = s.actions(d.actions, &ideas);
    life(s, Moment::Actions(&actions));
    s.end(PhaseKind::ActionPlan, d.secs[5]);

    s.begin(PhaseKind::Closing);
    s.closing(&d.closing);
    life(s, Moment::Closing);
    s.end(PhaseKind::Closing, d.secs[6]);
    s.rec(30, Change::SessionClosed);
}

fn series_built(now: DateTime<Utc>, seed: u64) -> Vec<Built> {
    let mut ids = IdGen::new(seed);
    let full = tailors_group(&mut ids);
    let members = member_ids(&full);
    let mut group = full.clone();
    let mut joining = group.members.remove(TAILOR_JOINING_LATER);
    let mut built: Vec<Built> = Vec::with_capacity(3);
    let tailors = life::Tailors::new(seed);
    for (k, d) in TAILORS_DAYS.iter().enumerate() {
        let number = k as u32 + 1;
        let start = now - TimeDelta::days(14 * (2 - k as i64));
        let reviews = built
            .last()
            .map_or_else(Vec::new, |b| open_reviews(&b.session));
        let earlier: Vec<Session> = built.iter().map(|b| b.session.clone()).collect();
        let backlog = crate::model::backlog(&earlier);
        let (join, edit) = if number == 2 {
            joining.joined = Some(start.date_naive());
            let mut hafsa = group.members[1].clone();
            hafsa.legal_status = Some(LegalStatus::AutoEntrepreneur);
            (Some(joining.clone()), Some(hafsa))
        } else {
            (None, None)
        };
        let id = ids.next_id();
        let mut s = Script::new(
            ids.clone(),
            members.clone(),
            NewSession {
                reviews,
                backlog,
                ..opening(id, number, TAILORS_PLACE, group.clone(), start)
            },
        );
        play_day(&mut s, d, join, edit, &|s, at| tailors.at(s, number, at));
        ids = s.ids.clone();
        let b = s.finish();
        group = b.session.group.clone();
        built.push(b);
    }
    built
}

/// Three consecutive closed sessions of the tailors of Oujda (numbers 1, 2, 3), two weeks
/// apart; session 3 starts at `now`. Session 1 skips the follow-up; session 2 welcomes
/// Amina (a `MemberAdded`), records Hafsa's new status (a `MemberEdited`) and reviews the 4
/// actions of session 1 (2 done, 1 in progress, 1 blocked); session 3 reviews the 2 still
/// open and the 3 of session 2. Attendance varies from one session to the next.
///
/// The group lives its life as it goes (`sample/life.rs`): session 1 adopts two rules (one
/// of attendance), starts the expo-vente project with the idea and the action that serve it,
/// and elects a coordinator and a deputy; session 2 adopts a rule of admission, amends the
/// attendance rule, budgets the project, links its new action and agrees next year's work
/// plan; session 3 postpones one planned activity and prepares the project.
pub fn series(now: DateTime<Utc>, seed: u64) -> Vec<Session> {
    series_built(now, seed)
        .into_iter()
        .map(|b| b.session)
        .collect()
}

/// The sessions shipped in `sessions/`: both groups' series, at fixed dates so that the files
/// change only when the samples do. `examples/write-samples.rs` writes them there, and
/// `tests/shipped.rs` checks that the folder holds them byte for byte.
pub fn shipped() -> Vec<Session> {
    let now = DateTime::parse_from_rfc3339("2026-11-24T09:00:00Z")
        .expect("a valid date")
        .to_utc();
    let mut sessions = series(now, 20261124);
    // Another seed for another group: ids come from the seed, and two groups must not share one.
    sessions.extend(bakers_series(now, 20261125));
    sessions
}

/// The visits, activities and diagnoses shipped in `sessions/` beside the sessions: what
/// both groups lived between their meetings (a training each, two coaching visits, two
/// members' diagnoses), so that a trainer can show the group's whole life.
pub fn shipped_records() -> Vec<crate::model::dated::Record> {
    records::shipped_records(&shipped(), 20261126)
}

// ---------------------------------------------------------------------------------------------
// A large session for benchmarks
// ---------------------------------------------------------------------------------------------

/// The texts of the large and generated sessions, as written in `sample/data/large.ron`.
#[derive(Deserialize)]
struct LargeTexts {
    cards: Vec<String>,
    qualifiers: Vec<String>,
    long: String,
    themes: Vec<(String, String)>,
    facets: Vec<String>,
    causes: Vec<String>,
    ideas: Vec<String>,
    actions: Vec<String>,
    means: Vec<String>,
    indicators: Vec<String>,
}

static LARGE: LazyLock<LargeTexts> =
    LazyLock::new(|| data("large.ron", include_str!("sample/data/large.ron")));

/// The `i`th of `list`, round and round.
fn pick<T>(list: &[T], i: usize) -> &T {
    &list[i % list.len()]
}

/// A session at scale for benchmarks: the bakers group, `cards` cards spread over `themes`
/// themes (every tenth card left out), dots from every member, `causes` causes in a tree up
/// to 6 levels deep, `ideas` ideas and `actions` actions, all phases filled in and the
/// closing in progress. Text is synthetic but plausible, with accents, Arabic, emoji and a
/// long card now and then. Any count may be 0.
pub fn large_session(
    now: DateTime<Utc>,
    seed: u64,
    cards: usize,
    themes: usize,
    causes: usize,
    ideas: usize,
    actions: usize,
) -> Session {
    large_session_built(now, seed, [cards, themes, causes, ideas, actions]).session
}

fn large_session_built(now: DateTime<Utc>, seed: u64, counts: [usize; 5]) -> Built {
    let mut ids = IdGen::new(seed);
    let group = bakers_group(&mut ids);
    let id = ids.next_id();
    let meeting = Meeting {
        id,
        number: 12,
        place: BAKERS_PLACE.into(),
        group,
        reviews: Vec::new(),
        backlog: Vec::new(),
        variant: 0,
        close: false,
    };
    sized_session_built(ids, meeting, now, counts)
}

/// A meeting of any group for [`sized_session`]: what [`large_session`] fixes to the bakers.
#[derive(Debug, Clone)]
pub struct Meeting {
    pub id: Id,
    pub number: u32,
    pub place: String,
    /// Members present at the meeting are those of this group (absences vary by `variant`).
    pub group: Group,
    /// The actions carried from the group's earlier sessions: each gets a status, most of
    /// them a comment, in the follow-up phase.
    pub reviews: Vec<Review>,
    pub backlog: Vec<BacklogItem>,
    /// Shifts which texts, absences and statuses are picked, so that meetings differ.
    pub variant: usize,
    /// Ends with `SessionClosed`, as a finished session does.
    pub close: bool,
}

/// A whole session of `meeting.group` starting at `now`, with `counts` = [cards, themes,
/// causes, ideas, actions], built edit by edit like [`large_session`] (which it is, for
/// the bakers with variant 0). `ids` must not draw ids already used in the folder: seed it
/// apart from the group's and from the other sessions'. For generated folders.
pub fn sized_session(
    ids: IdGen,
    meeting: Meeting,
    now: DateTime<Utc>,
    counts: [usize; 5],
) -> Session {
    sized_session_built(ids, meeting, now, counts).session
}

fn sized_session_built(
    ids: IdGen,
    meeting: Meeting,
    now: DateTime<Utc>,
    counts: [usize; 5],
) -> Built {
    let [n_cards, n_themes, n_causes, n_ideas, n_actions] = counts;
    let v = meeting.variant;
    let t = &*LARGE;
    let group = meeting.group;
    let members = member_ids(&group);
    let n_members = members.len().max(1);
    let method = Method::builtin();
    let cause_categories: Vec<String> = method
        .cause_categories
        .iter()
        .map(|c| c.id.clone())
        .collect();
    let has_reviews = !meeting.reviews.is_empty();
    let mut s = Script::new(
        ids,
        members,
        NewSession {
            method,
            reviews: meeting.reviews,
            backlog: meeting.backlog,
            ..opening(meeting.id, meeting.number, &meeting.place, group, now)
        },
    );
    let who = |i: usize| match i % 7 {
        5 => Who::Anon,
        6 => Who::All,
        _ => Who::M((i * 5 + v) % n_members),
    };
    let excused = (4 + v) % n_members;
    let absent = (10 + 3 * v) % n_members;
    let away = |m: usize| m == excused || m == absent;

    s.begin(PhaseKind::CheckIn);
    s.attendance(&[(excused, Attendance::Excused), (absent, Attendance::Absent)]);
    s.text(
        30,
        TextField::Objective,
        "Séance de bilan : reprendre tous les besoins du groupe",
    );
    s.end(PhaseKind::CheckIn, 10 * 60);

    if has_reviews {
        s.begin(PhaseKind::FollowUp);
        let actions: Vec<Id> = (s.s.followup.reviews.iter())
            .map(|r| r.action.id.clone())
            .collect();
        for (j, action) in actions.into_iter().enumerate() {
            let status = match (j * 7 + v * 3) % 20 {
                0..=8 => Some(ActionStatus::Done),
                9..=13 => Some(ActionStatus::InProgress),
                14..=16 => Some(ActionStatus::Blocked),
                17 => Some(ActionStatus::Dropped),
                _ => None,
            };
            let Some(status) = status else { continue };
            s.rec(
                60,
                Change::ReviewStatusSet {
                    action: action.clone(),
                    status: Some(status),
                },
            );
            if (j + v) % 3 != 2 {
                let comment = review_comment(status, j + v);
                s.rec(
                    30,
                    Change::ReviewCommented {
                        action,
                        comment: comment.into(),
                    },
                );
            }
        }
        s.end(PhaseKind::FollowUp, 15 * 60);
    }

    s.begin(PhaseKind::NeedEmergence);
    let card_ids: Vec<Id> = (0..n_cards)
        .map(|i| {
            let base = pick(&t.cards, i + v);
            let q = pick(&t.qualifiers, i / t.cards.len() + i * 3);
            let long = if i % 13 == 12 { t.long.as_str() } else { "" };
            let text = format!("{base}{q}{long}");
            s.card(5, &text, who(i))
        })
        .collect();
    let theme_ids: Vec<Id> = (0..n_themes)
        .map(|i| {
            let (title, category) = pick(&t.themes, i + v);
            let title = match i / t.themes.len() {
                0 => title.to_string(),
                n => format!("{title} — {}", pick(&t.facets, n - 1)),
            };
            s.theme(5, &title, category)
        })
        .collect();
    if !theme_ids.is_empty() {
        for (i, id) in card_ids.iter().enumerate() {
            if i % 10 != 9 {
                let theme = Some(theme_ids[(i * 7 + i / 3) % theme_ids.len()].clone());
                s.rec(
                    2,
                    Change::CardMoved {
                        id: id.clone(),
                        theme,
                    },
                );
            }
        }
        let present: Vec<usize> = (0..n_members).filter(|&m| !away(m)).collect();
        for m in present {
            let mut dots: BTreeMap<usize, u32> = BTreeMap::new();
            for k in [0, 1, 1] {
                *dots.entry((m * 5 + k) % theme_ids.len()).or_default() += 1;
            }
            for (t, n) in dots {
                let alloc: [(usize, &[(usize, u32)]); 1] = [(m, &[(t, n)])];
                s.dots(&alloc, &theme_ids);
            }
        }
        s.priority_by_dots();
    }
    s.end(PhaseKind::NeedEmergence, 30 * 60);

    s.begin(PhaseKind::ProblemReflection);
    s.text(
        30,
        TextField::ProblemStatement,
        "Les membres manquent de moyens financiers et de méthodes de gestion pour faire face \
         à la hausse des coûts.",
    );
    let mut cause_ids: Vec<Id> = Vec::with_capacity(n_causes);
    let mut parents: Vec<Option<usize>> = Vec::with_capacity(n_causes);
    let mut depths: Vec<usize> = Vec::with_capacity(n_causes);
    for i in 0..n_causes {
        // A new branch every eighth cause; otherwise a sibling of the previous cause every
        // third time, else its child, never deeper than six levels.
        let parent = if i % 8 == 0 {
            None
        } else if i % 3 == 0 || depths[i - 1] >= 5 {
            parents[i - 1]
        } else {
            Some(i - 1)
        };
        let depth = parent.map_or(0, |p| depths[p] + 1);
        let text = format!("{}{}", pick(&t.causes, i + v), pick(&t.qualifiers, i * 7));
        let category = &cause_categories[i % cause_categories.len()];
        let parent_id = parent.map(|p| cause_ids[p].clone());
        let id = s.cause(10, &text, parent_id.as_ref(), category);
        cause_ids.push(id);
        parents.push(parent);
        depths.push(depth);
    }
    let mut roots: Vec<Id> = Vec::new();
    for (i, id) in cause_ids.iter().enumerate() {
        let leaf = !parents.contains(&Some(i));
        if leaf && i % 2 == 0 {
            roots.push(id.clone());
            s.rec(
                3,
                Change::CauseRootSet {
                    id: id.clone(),
                    root: true,
                },
            );
        }
    }
    if roots.is_empty() {
        roots = cause_ids.clone();
    }
    for effect in &BAKERS_EFFECTS {
        s.item(15, ItemList::Effects, effect);
    }
    s.end(PhaseKind::ProblemReflection, 30 * 60);

    s.begin(PhaseKind::SolutionSearch);
    let kinds = [
        IdeaKind::Collective,
        IdeaKind::Individual,
        IdeaKind::ServiceRequest,
        IdeaKind::Lobbying,
    ];
    let mut chosen: Vec<Id> = Vec::new();
    let idea_ids: Vec<Id> = (0..n_ideas)
        .map(|i| {
            let text = format!(
                "{}{}",
                pick(&t.ideas, i + v),
                pick(&t.qualifiers, i * 3 + 1)
            );
            let cause = (i % 5 != 4 && !roots.is_empty()).then(|| roots[i % roots.len()].clone());
            let id = s.idea(15, &text, who(i + 2), kinds[i % kinds.len()], cause);
            let impact = Some(1 + (i * 3 % 5) as u8);
            let effort = Some(1 + (i * 7 % 5) as u8);
            s.rec(
                5,
                Change::IdeaRated {
                    id: id.clone(),
                    impact,
                    effort,
                },
            );
            if i % 4 == 0 {
                s.rec(
                    5,
                    Change::IdeaChosen {
                        id: id.clone(),
                        chosen: true,
                    },
                );
                chosen.push(id.clone());
            }
            id
        })
        .collect();
    s.end(PhaseKind::SolutionSearch, 30 * 60);

    s.begin(PhaseKind::ActionPlan);
    let linkable = if chosen.is_empty() {
        &idea_ids
    } else {
        &chosen
    };
    let date = s.s.date;
    for i in 0..n_actions {
        let owners = match i % 4 {
            0 => vec![s.owner(By::M(i % n_members))],
            1 => (0..2 + i % 2)
                .map(|k| s.owner(By::M((i + k * 4) % n_members)))
                .collect(),
            2 => vec![Owner::WholeGroup],
            _ => vec![if i % 8 == 3 {
                Owner::Host
            } else {
                Owner::Advisor
            }],
        };
        let draft = ActionDraft {
            what: format!(
                "{}{}",
                pick(&t.actions, i + v),
                pick(&t.qualifiers, i * 7 + 2)
            ),
            owners,
            due: Some(date + TimeDelta::days(7 * (1 + (i % 6) as i64))),
            means: pick(&t.means, i).clone(),
            indicator: pick(&t.indicators, i + 2).clone(),
            idea: (!linkable.is_empty()).then(|| linkable[i % linkable.len()].clone()),
        };
        s.action(20, draft);
    }
    s.end(PhaseKind::ActionPlan, 20 * 60);

    s.begin(PhaseKind::Closing);
    for m in (0..n_members).filter(|&m| !away(m)) {
        let member = s.m(m);
        let text = format!("Je m'occupe de : {}", pick(&t.actions, m));
        s.rec(10, Change::CommitmentSet { member, text });
        let member = s.m(m);
        let score = Some(3 + (m % 3) as u8);
        s.rec(3, Change::UsefulnessSet { member, score });
    }
    if meeting.close {
        s.end(PhaseKind::Closing, 15 * 60);
        s.rec(5, Change::SessionClosed);
    }
    s.finish()
}

/// What a member says of an action at the follow-up, by its new status.
fn review_comment(status: ActionStatus, k: usize) -> &'static str {
    let said: &[&str] = match status {
        ActionStatus::Done => &["Fait, avec l'aide de la Chambre", "كملناها الأسبوع الماضي"],
        ActionStatus::InProgress => &[
            "Commencé, il manque encore les papiers",
            "Trois membres l'ont fait, les autres la semaine prochaine",
        ],
        ActionStatus::Blocked => &["Bloqué : le banquier n'a pas rappelé"],
        ActionStatus::Dropped => &["On a changé d'avis, ce n'était plus utile"],
    };
    said[k % said.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Event;
    use chrono::TimeZone;
    use std::collections::BTreeSet;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 24, 14, 30, 0).unwrap()
    }

    fn all_built() -> Vec<Built> {
        let first = bakers_first_session(now(), 7);
        let mut out = vec![
            bakers_session_built(now(), 7),
            Built {
                initial: first.clone(),
                session: first,
            },
            large_session_built(now(), 7, [60, 8, 40, 20, 10]),
            large_session_built(now(), 7, [0, 0, 0, 0, 0]),
            large_session_built(now(), 7, [5, 0, 3, 4, 2]),
        ];
        out.extend(series_built(now(), 7));
        out
    }

    fn members(s: &Session) -> BTreeSet<&Id> {
        s.group.members.iter().map(|m| &m.id).collect()
    }

    fn check_links(s: &Session) {
        let members = members(s);
        let themes: BTreeSet<&Id> = s.needs.themes.iter().map(|t| &t.id).collect();
        let causes: BTreeSet<&Id> = s.problem.causes.iter().map(|c| &c.id).collect();
        let ideas: BTreeSet<&Id> = s.solutions.ideas.iter().map(|i| &i.id).collect();
        for c in &s.needs.cards {
            if let Author::Member(m) = &c.author {
                assert!(members.contains(m), "card author {m} is not a member");
            }
            if let Some(t) = &c.theme {
                assert!(themes.contains(t), "card theme {t} does not exist");
            }
        }
        for (t, dots) in &s.needs.dots {
            assert!(themes.contains(t));
            assert!(dots.keys().all(|m| members.contains(m)));
        }
        for m in s.needs.dots.values().flat_map(|d| d.keys()) {
            let total: u32 = s.needs.dots.values().filter_map(|d| d.get(m)).sum();
            assert!(total <= s.needs.dot_budget, "{m} spent {total} dots");
            assert_eq!(s.checkin.attendance.get(m), Some(&Attendance::Present));
        }
        if let Some(p) = &s.needs.priority {
            assert!(themes.contains(p));
        }
        for c in &s.problem.causes {
            if let Some(p) = &c.parent {
                assert!(causes.contains(p), "cause parent {p} does not exist");
            }
            if let Some(cat) = &c.category {
                assert!(s.method.cause_category(cat).is_some(), "{cat}");
            }
        }
        for t in &s.needs.themes {
            let cat = t
                .category
                .as_deref()
                .expect("every sample theme has a category");
            assert!(s.method.need_category(cat).is_some(), "{cat}");
        }
        for i in &s.solutions.ideas {
            if let Author::Member(m) = &i.proposer {
                assert!(members.contains(m));
            }
            if let Some(c) = &i.cause {
                assert!(causes.contains(c));
            }
        }
        for a in &s.plan.actions {
            if let Some(i) = &a.idea {
                assert!(ideas.contains(i));
            }
            for o in &a.owners {
                if let Owner::Member(m) = o {
                    assert!(members.contains(m));
                }
            }
        }
        for m in s
            .problem
            .concerned
            .iter()
            .chain(s.closing.commitments.keys())
        {
            assert!(members.contains(m));
        }
        for m in s.checkin.attendance.keys() {
            assert!(members.contains(m));
        }
    }

    fn count(history: &[Event], f: impl Fn(&Change) -> bool) -> usize {
        history.iter().filter(|e| f(&e.change)).count()
    }

    #[test]
    fn links_between_items_all_resolve() {
        for b in all_built() {
            check_links(&b.session);
        }
    }

    #[test]
    fn every_item_was_recorded_and_history_replays_to_the_same_session() {
        for b in all_built() {
            let s = &b.session;
            let h = &s.history;
            assert_eq!(
                count(h, |c| matches!(c, Change::CardAdded { .. })),
                s.needs.cards.len()
            );
            let merged = count(h, |c| matches!(c, Change::ThemesMerged { .. }));
            assert_eq!(
                count(h, |c| matches!(c, Change::ThemeAdded { .. })) - merged,
                s.needs.themes.len()
            );
            assert_eq!(
                count(h, |c| matches!(c, Change::CauseAdded { .. })),
                s.problem.causes.len()
            );
            assert_eq!(
                count(h, |c| matches!(c, Change::IdeaAdded { .. })),
                s.solutions.ideas.len()
            );
            assert_eq!(
                count(h, |c| matches!(c, Change::ActionAdded { .. })),
                s.plan.actions.len()
            );
            assert!(
                h.windows(2).all(|w| w[0].at <= w[1].at),
                "time goes forward"
            );
            assert!(h.first().is_none_or(|e| e.at >= s.created));
            assert_eq!(s.saved, h.last().map_or(s.created, |e| e.at));

            let mut replayed = b.initial.clone();
            assert!(replayed.history.is_empty());
            for e in h {
                replayed.record(e.at, e.change.clone());
            }
            assert_eq!(replayed.history.len(), h.len());
            replayed.saved = s.saved;
            assert_eq!(&replayed, s);
        }
    }

    #[test]
    fn ron_round_trip_keeps_every_session_equal() {
        for b in all_built() {
            let text = ron::to_string(&b.session).unwrap();
            let back: Session = ron::from_str(&text).unwrap();
            assert_eq!(back, b.session);
        }
    }

    #[test]
    fn samples_are_deterministic() {
        assert_eq!(bakers_session(now(), 3), bakers_session(now(), 3));
        assert_eq!(series(now(), 3), series(now(), 3));
        assert_eq!(
            large_session(now(), 3, 30, 5, 20, 10, 5),
            large_session(now(), 3, 30, 5, 20, 10, 5)
        );
        assert_ne!(bakers_session(now(), 3).id, bakers_session(now(), 4).id);
    }

    #[test]
    fn groups_look_like_real_groups() {
        let bakers = bakers_group(&mut IdGen::new(1));
        assert_eq!(bakers.members.len(), 12);
        assert_eq!(bakers.region, Region::TangerTetouanAlHoceima);
        let arabic = |s: &str| s.chars().any(|c| ('\u{0600}'..='\u{06ff}').contains(&c));
        assert_eq!(bakers.members.iter().filter(|m| arabic(&m.name)).count(), 2);
        assert!(bakers.members.iter().any(|m| m.business.contains('🥖')));
        let statuses: BTreeSet<_> = bakers.members.iter().map(|m| m.legal_status).collect();
        assert!(statuses.len() >= 4);
        assert!(
            (bakers.members.iter())
                .all(|m| m.employees.is_some_and(|e| e < 10) && m.joined.is_some())
        );
        let tailors = tailors_group(&mut IdGen::new(1));
        assert_eq!(tailors.members.len(), 9);
        assert_eq!(tailors.city, "Oujda");
        let mut ids: Vec<&Id> = bakers.members.iter().map(|m| &m.id).collect();
        ids.push(&bakers.id);
        let unique: BTreeSet<_> = ids.iter().collect();
        assert_eq!(unique.len(), 13);
    }

    #[test]
    fn bakers_session_has_the_promised_content() {
        let s = bakers_session(now(), 11);
        // The group as set up, with what sessions 1 to 3 decided about it.
        let set_up = bakers_group(&mut IdGen::new(11));
        assert_eq!(s.group.members, set_up.members);
        assert_eq!(
            (s.group.id.clone(), s.group.name.clone()),
            (set_up.id, set_up.name)
        );
        assert_eq!(s.group.roles.len(), 3);
        assert_eq!(s.group.rules.len(), 3);
        assert_eq!(s.group.plans.len(), 1);
        assert_eq!(s.group.projects.len(), 1);
        assert_eq!(s.number, 3);
        assert_eq!(s.date, now().date_naive());
        assert!(!s.is_closed());
        assert_eq!(s.phase_kind(), PhaseKind::Closing);
        let att: Vec<Attendance> = s.checkin.attendance.values().copied().collect();
        assert_eq!(att.iter().filter(|a| **a == Attendance::Excused).count(), 2);
        assert_eq!(att.iter().filter(|a| **a == Attendance::Absent).count(), 1);
        assert_eq!(s.checkin.guests.len(), 1);
        assert!(!s.checkin.objective.is_empty() && !s.checkin.remarks.is_empty());
        assert_eq!(s.followup.reviews.len(), 3);
        assert!(
            s.followup
                .reviews
                .iter()
                .all(|r| r.status.is_some() && !r.comment.is_empty())
        );
        assert_eq!(s.needs.cards.len(), 24);
        assert!(s.needs.cards.iter().any(|c| c.text.contains('🎂')));
        assert_eq!(
            s.needs.cards.iter().filter(|c| c.theme.is_none()).count(),
            4
        );
        assert_eq!(s.needs.themes.len(), 5);
        let dots = |t: &Id| -> u32 { s.needs.dots.get(t).map_or(0, |d| d.values().sum()) };
        let totals: Vec<u32> = s.needs.themes.iter().map(|t| dots(&t.id)).collect();
        assert_eq!(totals, [10, 7, 5, 3, 2]);
        assert_eq!(s.needs.priority.as_ref(), Some(&s.needs.themes[0].id));
        assert!(!s.problem.statement.is_empty());
        assert_eq!(s.problem.causes.len(), 11);
        assert_eq!(s.problem.causes.iter().filter(|c| c.root).count(), 2);
        let depth = s
            .problem
            .causes
            .iter()
            .map(|c| s.problem.depth(&c.id))
            .max();
        assert_eq!(depth, Some(2));
        assert_eq!(s.problem.effects.len(), 3);
        assert_eq!(s.problem.concerned.len(), 2);
        assert_eq!(s.solutions.ideas.len(), 6);
        let chosen: Vec<&Idea> = s.solutions.ideas.iter().filter(|i| i.chosen).collect();
        assert_eq!(chosen.len(), 2);
        let roots: BTreeSet<&Id> = s
            .problem
            .causes
            .iter()
            .filter(|c| c.root)
            .map(|c| &c.id)
            .collect();
        assert!(
            chosen
                .iter()
                .all(|i| i.cause.as_ref().is_some_and(|c| roots.contains(c)))
        );
        assert_eq!(s.plan.actions.len(), 4);
        assert!(
            s.plan
                .actions
                .iter()
                .all(|a| a.due.is_some() && a.idea.is_some())
        );
        assert!(s.closing.commitments.len() >= 5);
        assert_eq!(s.closing.usefulness.len(), 9);
        assert!(s.closing.next.date.is_some() && !s.closing.private_notes.is_empty());
        let closing = s.method.index_of(PhaseKind::Closing).unwrap();
        for (i, t) in s.timers.iter().enumerate() {
            if i < closing {
                assert!(
                    !t.is_running() && t.elapsed_secs >= 10 * 60,
                    "phase {i}: {t:?}"
                );
            } else {
                assert!(t.is_running());
            }
        }
    }

    #[test]
    fn first_session_is_empty() {
        let s = bakers_first_session(now(), 5);
        assert_eq!(s.number, 1);
        assert_eq!(s.phase_kind(), PhaseKind::CheckIn);
        assert!(s.history.is_empty() && s.needs.cards.is_empty());
        assert_eq!(s.checkin.attendance.len(), 12);
    }

    #[test]
    fn series_follows_actions_from_session_to_session() {
        let v = series(now(), 9);
        assert_eq!(v.iter().map(|s| s.number).collect::<Vec<_>>(), [1, 2, 3]);
        assert!(v.iter().all(Session::is_closed));
        assert_eq!(v[2].date, now().date_naive());
        assert_eq!(v[1].date - v[0].date, TimeDelta::days(14));
        assert_eq!(v[2].date - v[1].date, TimeDelta::days(14));
        assert!(v[0].followup.reviews.is_empty());
        let from_1: Vec<&Id> = v[0].plan.actions.iter().map(|a| &a.id).collect();
        let reviewed: Vec<&Id> = v[1].followup.reviews.iter().map(|r| &r.action.id).collect();
        assert_eq!(reviewed, from_1);
        let status = |s: &Session, st| {
            (s.followup.reviews.iter())
                .filter(|r| r.status == Some(st))
                .count()
        };
        assert_eq!(status(&v[1], ActionStatus::Blocked), 1);
        assert_eq!(status(&v[1], ActionStatus::Done), 2);
        let open_after_2 = v[1]
            .followup
            .reviews
            .iter()
            .filter(|r| !r.status.is_some_and(ActionStatus::is_closed))
            .count();
        assert_eq!(
            v[2].followup.reviews.len(),
            open_after_2 + v[1].plan.actions.len()
        );
        assert!(
            (v[2].followup.reviews.iter())
                .take(open_after_2)
                .all(|r| r.previous.is_some() && r.from_number == 1)
        );
        let sizes: Vec<usize> = v.iter().map(|s| s.group.members.len()).collect();
        assert_eq!(sizes, [8, 9, 9]);
        let present: Vec<usize> = v.iter().map(|s| s.present_members().count()).collect();
        assert_eq!(present, [7, 7, 8]);
        assert_eq!(
            v[2].group.members[1].legal_status,
            Some(LegalStatus::AutoEntrepreneur)
        );
    }

    #[test]
    fn large_session_has_the_requested_size() {
        let s = large_session(now(), 1, 300, 30, 100, 100, 50);
        assert_eq!(s.needs.cards.len(), 300);
        assert_eq!(s.needs.themes.len(), 30);
        assert_eq!(s.problem.causes.len(), 100);
        assert_eq!(s.solutions.ideas.len(), 100);
        assert_eq!(s.plan.actions.len(), 50);
        let depth = s
            .problem
            .causes
            .iter()
            .map(|c| s.problem.depth(&c.id))
            .max();
        assert_eq!(depth, Some(5));
        assert!(s.problem.causes.iter().any(|c| c.root));
        check_links(&s);
    }
}
