//! The bakers of Tanger before their third session: sessions 1 and 2, built so that the
//! third ([`super::bakers_session`], older and used by many tests) follows from them. What
//! session 3 reviews is what sessions 1 and 2 decided, with the very same ids, and its
//! backlog is what session 2 raised and did not choose: `model::open_reviews` and
//! `model::backlog` over the first two give exactly what session 3 was built with.
//!
//! The story: session 1 finds that nobody knows what they earn and starts a cash book;
//! session 2 sees from the price survey of session 1 that everyone pays flour dearly, alone,
//! and asks three mills for quotes; session 3 reviews the quotes and goes to negotiate.

use super::life::Bakers;
use super::{
    ActionSpec, BAKERS_PLACE, Built, By, CardSpec, CauseSpec, ClosingSpec, IdeaSpec, Script, Who,
    bakers_group, member_ids, opening,
};
use crate::method::PhaseKind;
use crate::model::{
    Action, ActionStatus, Attendance, BacklogItem, Change, Group, Id, IdGen, IdeaKind, ItemList,
    NewSession, Owner, Session, TextField, Theme,
};
use chrono::{DateTime, TimeDelta, Utc};

/// What session 3 carries from sessions 1 and 2, drawn from session 3's own id generator
/// (in this order) so that session 3 stays what it always was.
pub(super) struct Carried {
    /// The generator, ready for session 3's own ids.
    pub ids: IdGen,
    pub group: Group,
    pub members: Vec<Id>,
    pub session_1: Id,
    pub session_2: Id,
    /// Decided in session 1, in progress at session 2.
    pub ledger: Action,
    /// Decided in session 2.
    pub quotes: Action,
    pub info: Action,
}

/// When session 1 decided the cash book, and session 2 its two actions.
fn decided_at(now: DateTime<Utc>) -> (DateTime<Utc>, DateTime<Utc>) {
    (
        now - TimeDelta::days(28) + TimeDelta::minutes(125),
        now - TimeDelta::days(14) + TimeDelta::minutes(130),
    )
}

pub(super) fn carried(now: DateTime<Utc>, seed: u64) -> Carried {
    let mut ids = IdGen::new(seed);
    let group = bakers_group(&mut ids);
    let members = member_ids(&group);
    let date = now.date_naive();
    let session_1 = ids.next_id();
    let session_2 = ids.next_id();
    let (at_1, at_2) = decided_at(now);
    let mut action = |what: &str, owners: Vec<Owner>, due: i64, means: &str, indicator: &str| {
        let created = if due < -7 { at_1 } else { at_2 };
        Action {
            id: ids.next_id(),
            what: what.into(),
            owners,
            due: Some(date + TimeDelta::days(due)),
            means: means.into(),
            indicator: indicator.into(),
            idea: None,
            project: None,
            created,
        }
    };
    let mut quotes = action(
        "Recueillir les devis de trois minoteries pour un achat groupé de farine",
        vec![Owner::Member(members[1].clone())],
        -3,
        "Téléphone et visites",
        "Trois devis comparables",
    );
    // Decided once the group made buying flour together its project: it serves it.
    quotes.project = Some(Bakers::new(seed).project);
    let info = action(
        "Demander à la Chambre une séance d'information sur l'auto-entrepreneur, la CNSS et \
         l'AMO",
        vec![Owner::Host],
        7,
        "Courrier du groupe à la CCIS",
        "Séance programmée",
    );
    let ledger = action(
        "Tenir un cahier des ventes et des dépenses chaque jour pendant un mois",
        vec![Owner::WholeGroup],
        -14,
        "Cahier distribué par la conseillère",
        "Cahiers tenus par au moins 8 membres",
    );
    Carried {
        ids,
        group,
        members,
        session_1,
        session_2,
        ledger,
        quotes,
        info,
    }
}

impl Script {
    /// An action whose id and time were fixed beforehand (a later session reviews it): it
    /// is typed at the time it says it was created.
    fn exact_action(&mut self, action: Action) {
        if self.t < action.created {
            self.t = action.created;
        }
        self.rec(0, Change::ActionAdded { action });
    }

    fn move_cards(&mut self, cards: &[Id], specs: &[CardSpec], themes: &[Id]) {
        for (id, &(_, _, theme)) in cards.iter().zip(specs) {
            if let Some(t) = theme {
                let theme = Some(themes[t].clone());
                let id = id.clone();
                self.rec(8, Change::CardMoved { id, theme });
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Session 1: what do we earn?
// ---------------------------------------------------------------------------------------------

const S1_CARDS: [CardSpec; 15] = [
    (
        "Je ne sais pas si je gagne de l'argent à la fin du mois",
        Who::M(2),
        Some(0),
    ),
    (
        "Je mélange l'argent de la caisse et celui de la maison",
        Who::Anon,
        Some(0),
    ),
    (
        "Aucun cahier de comptes : tout est dans ma tête",
        Who::M(5),
        Some(0),
    ),
    (
        "Je fixe mes prix comme le voisin, sans calcul",
        Who::M(6),
        Some(0),
    ),
    ("لا أعرف كم أربح في كل خبزة", Who::M(3), Some(0)),
    (
        "Un comptable coûte trop cher pour une petite boulangerie",
        Who::M(4),
        Some(0),
    ),
    ("La farine augmente presque chaque mois", Who::M(1), Some(1)),
    ("Le beurre a doublé en deux ans", Who::M(0), Some(1)),
    (
        "Chaque minoterie donne un prix différent, on ne sait pas comparer",
        Who::M(8),
        Some(1),
    ),
    ("ثمن السكر والزبدة مرتفع جدا", Who::M(7), Some(1)),
    (
        "Mes ouvriers ne sont pas déclarés à la CNSS",
        Who::Anon,
        Some(2),
    ),
    ("Je voudrais l'AMO pour ma famille", Who::M(2), Some(2)),
    (
        "Les démarches pour se déclarer font peur",
        Who::M(11),
        Some(2),
    ),
    (
        "Mon four est vieux et consomme trop de gaz",
        Who::M(5),
        None,
    ),
    ("Les apprentis ne restent pas", Who::M(8), None),
];

const S1_THEMES: [(&str, &str); 3] = [
    ("Savoir ce que l'on gagne vraiment", "costs"),
    ("Prix de la farine et des ingrédients", "raw_materials"),
    ("Se déclarer : CNSS, AMO, statut", "formalisation"),
];

/// Ten present members, three dots each: 14, 10 and 6.
const S1_DOTS: [(usize, &[(usize, u32)]); 10] = [
    (0, &[(0, 2), (1, 1)]),
    (1, &[(1, 2), (0, 1)]),
    (2, &[(0, 2), (2, 1)]),
    (3, &[(0, 1), (1, 1), (2, 1)]),
    (4, &[(0, 3)]),
    (5, &[(0, 2), (1, 1)]),
    (6, &[(0, 2), (1, 1)]),
    (7, &[(1, 2), (2, 1)]),
    (8, &[(1, 2), (0, 1)]),
    (11, &[(2, 3)]),
];

const S1_CAUSES: [CauseSpec; 7] = [
    CauseSpec {
        text: "Aucune trace écrite des ventes ni des dépenses",
        parent: None,
        category: "methods",
        root: false,
    },
    CauseSpec {
        text: "Pas le temps de noter pendant le rush du matin",
        parent: Some(0),
        category: "manpower",
        root: true,
    },
    CauseSpec {
        text: "Personne ne nous a appris à tenir un cahier de caisse",
        parent: Some(0),
        category: "manpower",
        root: true,
    },
    CauseSpec {
        text: "La caisse sert aussi aux dépenses de la maison",
        parent: None,
        category: "finance",
        root: false,
    },
    CauseSpec {
        text: "Pas de compte ni de caisse à part pour la boulangerie",
        parent: Some(3),
        category: "finance",
        root: true,
    },
    CauseSpec {
        text: "Les prix des ingrédients changent sans qu'on les note",
        parent: None,
        category: "materials",
        root: false,
    },
    CauseSpec {
        text: "Achats au jour le jour, chez plusieurs fournisseurs",
        parent: Some(5),
        category: "methods",
        root: false,
    },
];

const S1_IDEAS: [IdeaSpec; 5] = [
    IdeaSpec {
        text: "Tenir chaque jour un cahier simple des ventes et des dépenses",
        by: Who::M(6),
        kind: IdeaKind::Individual,
        cause: Some(2),
        impact: 5,
        effort: 2,
        chosen: true,
    },
    IdeaSpec {
        text: "Une boîte ou un compte à part pour l'argent de la boulangerie",
        by: Who::M(0),
        kind: IdeaKind::Individual,
        cause: Some(4),
        impact: 4,
        effort: 1,
        chosen: true,
    },
    IdeaSpec {
        text: "Relever les prix payés pour la farine, le beurre et le sucre, et les comparer \
               entre nous",
        by: Who::M(8),
        kind: IdeaKind::Collective,
        cause: Some(6),
        impact: 4,
        effort: 2,
        chosen: true,
    },
    IdeaSpec {
        text: "Demander à la Chambre une formation en comptabilité simplifiée",
        by: Who::All,
        kind: IdeaKind::ServiceRequest,
        cause: Some(2),
        impact: 3,
        effort: 3,
        chosen: false,
    },
    IdeaSpec {
        text: "Prendre un comptable à plusieurs",
        by: Who::M(4),
        kind: IdeaKind::Collective,
        cause: None,
        impact: 3,
        effort: 4,
        chosen: false,
    },
];

/// Decided after the cash book (which is [`Carried::ledger`]); both done by session 2.
const S1_ACTIONS: [ActionSpec; 2] = [
    ActionSpec {
        what: "Séparer l'argent de la boulangerie de celui de la maison : une caisse ou un \
               compte à part",
        owners: &[By::M(2), By::M(5)],
        due_in_days: 14,
        means: "Conseils de la conseillère ; compte sans frais à la poste",
        indicator: "Une caisse à part chez chaque volontaire",
        idea: Some(1),
    },
    ActionSpec {
        what: "Relever pendant deux semaines les prix payés pour la farine, le beurre et le \
               sucre",
        owners: &[By::M(8)],
        due_in_days: 14,
        means: "Tableau partagé sur le groupe WhatsApp",
        indicator: "Prix relevés chez au moins 8 membres",
        idea: Some(2),
    },
];

const S1_CLOSING: ClosingSpec = ClosingSpec {
    commitments: &[
        (0, "Je montre à Nadia comment je note mes achats"),
        (1, "Je note chaque sac de farine acheté et son prix"),
        (2, "J'ouvre une boîte à part pour l'argent des msemen"),
        (3, "سأكتب كل يوم المبيعات والمصاريف"),
        (8, "Je lance le tableau des prix sur WhatsApp demain"),
    ],
    usefulness: &[
        (0, 4),
        (1, 4),
        (2, 5),
        (3, 4),
        (4, 3),
        (5, 4),
        (6, 5),
        (7, 4),
        (8, 5),
        (11, 4),
    ],
    comments: "Première séance : beaucoup de méfiance au début, puis un vrai échange sur les \
               prix. Le groupe veut des résultats concrets rapidement.",
    next_in_days: 14,
    place: BAKERS_PLACE,
    topic: "Premiers cahiers de caisse ; relevé des prix de la farine",
    private_notes: "Abdelkader parle beaucoup et coupe les autres : lui confier le rôle de \
                    gardien du temps. خديجة بنعلي n'a presque rien dit : lui proposer d'écrire \
                    ses cartes en arabe.",
};

fn session_1(now: DateTime<Utc>, seed: u64, c: &Carried, life: &Bakers) -> Built {
    let start = now - TimeDelta::days(28);
    let mut s = Script::new(
        IdGen::new(seed.wrapping_add(1)),
        c.members.clone(),
        opening(c.session_1.clone(), 1, BAKERS_PLACE, c.group.clone(), start),
    );

    s.begin(PhaseKind::CheckIn);
    s.attendance(&[(9, Attendance::Excused), (10, Attendance::Absent)]);
    s.item(
        40,
        ItemList::Guests,
        "Leila Mansouri, chargée de l'appui aux TPE à la Chambre",
    );
    s.text(
        60,
        TextField::Objective,
        "Faire connaissance, présenter la démarche du groupe et la règle de confidentialité, \
         recueillir les premiers besoins",
    );
    s.text(
        150,
        TextField::Remarks,
        "Première séance à la Chambre. Tour de table : chacun présente sa boulangerie, ses \
         produits et ses horaires. Accord pour se réunir un mardi sur deux, de 9 h à 11 h 30.",
    );
    life.first_rules(&mut s);
    s.end(PhaseKind::CheckIn, 15 * 60);

    s.begin(PhaseKind::NeedEmergence);
    let cards = s.cards(&S1_CARDS);
    let themes = s.themes(&S1_THEMES, &cards, &S1_CARDS);
    s.dots(&S1_DOTS, &themes);
    s.priority_by_dots();
    s.end(PhaseKind::NeedEmergence, 33 * 60);

    s.begin(PhaseKind::ProblemReflection);
    let causes = s.problem(
        "Nous ne savons pas ce que nous gagnons : pas de comptes, la caisse et l'argent de la \
         maison mélangés, des prix fixés au jugé.",
        &S1_CAUSES,
        &[
            "On découvre les pertes trop tard, quand la trésorerie manque",
            "Impossible de présenter des chiffres à une banque",
        ],
    );
    s.concerned(&[2, 5]);
    s.end(PhaseKind::ProblemReflection, 28 * 60);

    s.begin(PhaseKind::SolutionSearch);
    let ideas = s.ideas(&S1_IDEAS, &causes);
    s.end(PhaseKind::SolutionSearch, 22 * 60);

    s.begin(PhaseKind::ActionPlan);
    s.exact_action(c.ledger.clone());
    s.actions(&S1_ACTIONS, &ideas);
    s.end(PhaseKind::ActionPlan, 20 * 60);

    s.begin(PhaseKind::Closing);
    s.closing(&S1_CLOSING);
    life.first_roles(&mut s);
    s.end(PhaseKind::Closing, 10 * 60);
    s.rec(30, Change::SessionClosed);
    s.finish()
}

// ---------------------------------------------------------------------------------------------
// Session 2: buying flour together
// ---------------------------------------------------------------------------------------------

/// Theme 0 is taken up from session 1's backlog; themes 1 to 3 are session 3's backlog.
const S2_CARDS: [CardSpec; 9] = [
    (
        "Le relevé le montre : on paie tous la farine au prix fort, chacun de son côté",
        Who::M(8),
        Some(0),
    ),
    (
        "Si on commande ensemble, la minoterie peut livrer un camion entier",
        Who::M(1),
        Some(0),
    ),
    (
        "Les minoteries demandent un numéro ICE et une facture : je n'en ai pas",
        Who::M(2),
        Some(0),
    ),
    (
        "أشتري الدقيق كل يوم من البقال بثمن مرتفع",
        Who::M(3),
        Some(0),
    ),
    (
        "Pas de page Instagram pour montrer nos gâteaux",
        Who::M(11),
        Some(1),
    ),
    (
        "Les clients veulent commander les gâteaux de fête par WhatsApp",
        Who::M(0),
        Some(1),
    ),
    (
        "Le propriétaire veut augmenter le loyer et je n'ai pas de bail écrit",
        Who::M(6),
        Some(2),
    ),
    (
        "Les coupures d'électricité gâchent des fournées entières",
        Who::M(10),
        Some(3),
    ),
    (
        "Je ne sais pas quoi répondre quand un client demande une facture",
        Who::Anon,
        None,
    ),
];

/// Session 3's backlog: titles, categories and the votes they get here (from `S2_DOTS`).
const S2_OTHER_THEMES: [(&str, &str, u32); 3] = [
    (
        "Vendre en ligne : page Instagram, commandes de fête",
        "digital",
        6,
    ),
    (
        "Le loyer du local et le bail commercial",
        "premises_equipment",
        4,
    ),
    (
        "Coupures d'électricité et fournées perdues",
        "premises_equipment",
        2,
    ),
];

/// The themes session 2 raised and did not choose (it chose buying flour together): offered
/// again at session 3. Their ids come from session 2's own generator for them (as
/// `session_2` draws them), not from session 3's, so session 3's own ids stay what they were.
pub(super) fn backlog(seed: u64, session_2: &Id) -> Vec<BacklogItem> {
    let mut ids = IdGen::new(seed.wrapping_add(2));
    S2_OTHER_THEMES
        .into_iter()
        .map(|(title, category, votes)| BacklogItem {
            id: ids.next_id(),
            title: title.into(),
            category: Some(category.into()),
            votes,
            from_session: session_2.clone(),
            from_number: 2,
        })
        .collect()
}

/// Nine present members, three dots each: 15, 6, 4 and 2.
const S2_DOTS: [(usize, &[(usize, u32)]); 9] = [
    (0, &[(0, 1), (1, 2)]),
    (1, &[(0, 3)]),
    (2, &[(0, 2), (2, 1)]),
    (3, &[(0, 3)]),
    (4, &[(2, 2), (3, 1)]),
    (6, &[(1, 2), (0, 1)]),
    (8, &[(0, 2), (3, 1)]),
    (10, &[(0, 2), (2, 1)]),
    (11, &[(1, 2), (0, 1)]),
];

const S2_CAUSES: [CauseSpec; 6] = [
    CauseSpec {
        text: "Achats en petites quantités, chez l'épicier ou le demi-grossiste",
        parent: None,
        category: "methods",
        root: false,
    },
    CauseSpec {
        text: "Aucun boulanger du groupe n'a de contrat avec une minoterie",
        parent: Some(0),
        category: "methods",
        root: true,
    },
    CauseSpec {
        text: "Pas de place pour stocker plus d'une semaine de farine",
        parent: Some(0),
        category: "equipment",
        root: false,
    },
    CauseSpec {
        text: "Sans ICE ni factures, les minoteries ne nous vendent pas directement",
        parent: None,
        category: "environment",
        root: true,
    },
    CauseSpec {
        text: "Peur de se déclarer : impôts, CNSS",
        parent: Some(3),
        category: "manpower",
        root: false,
    },
    CauseSpec {
        text: "Paiement comptant exigé, pas de trésorerie d'avance",
        parent: None,
        category: "finance",
        root: false,
    },
];

const S2_IDEAS: [IdeaSpec; 4] = [
    IdeaSpec {
        text: "Demander des devis à trois minoteries pour une commande commune",
        by: Who::M(1),
        kind: IdeaKind::Collective,
        cause: Some(1),
        impact: 5,
        effort: 2,
        chosen: true,
    },
    IdeaSpec {
        text: "Stocker la farine du groupe chez Abdelkader, qui a un grand dépôt",
        by: Who::M(4),
        kind: IdeaKind::Collective,
        cause: Some(2),
        impact: 3,
        effort: 3,
        chosen: false,
    },
    IdeaSpec {
        text: "Demander à la Chambre une séance d'information : auto-entrepreneur, ICE, CNSS, \
               AMO",
        by: Who::All,
        kind: IdeaKind::ServiceRequest,
        cause: Some(3),
        impact: 4,
        effort: 1,
        chosen: true,
    },
    IdeaSpec {
        text: "Payer la première commande avec une caisse commune",
        by: Who::M(8),
        kind: IdeaKind::Collective,
        cause: Some(5),
        impact: 3,
        effort: 4,
        chosen: false,
    },
];

const S2_REVIEWS: [(ActionStatus, &str); 3] = [
    (
        ActionStatus::InProgress,
        "Six membres tiennent le cahier depuis deux semaines ; les autres ont commencé puis \
         arrêté. On continue jusqu'à la séance 3.",
    ),
    (
        ActionStatus::Done,
        "Khadija a une boîte à part, Rachid a ouvert un compte à la poste.",
    ),
    (
        ActionStatus::Done,
        "Prix relevés chez neuf membres : le sac de 50 kg varie de 220 à 250 dirhams selon le \
         fournisseur, et chacun achète seul.",
    ),
];

const S2_CLOSING: ClosingSpec = ClosingSpec {
    commitments: &[
        (1, "J'appelle trois minoteries cette semaine"),
        (3, "سأحضر معي فاتورة الدقيق للمقارنة"),
        (8, "J'accompagne Youssef pour les visites"),
        (10, "Je continue le cahier de caisse"),
    ],
    usefulness: &[
        (0, 4),
        (1, 5),
        (2, 4),
        (3, 5),
        (4, 4),
        (6, 4),
        (8, 5),
        (10, 4),
        (11, 4),
    ],
    comments: "Le relevé des prix a convaincu le groupe : tout le monde veut acheter ensemble. \
               Se déclarer reste une inquiétude, la Chambre peut y répondre mieux que le groupe.",
    next_in_days: 14,
    place: BAKERS_PLACE,
    topic: "Résultats des devis des minoteries ; le besoin prioritaire de la séance 3",
    private_notes: "Rachid absent sans prévenir : l'appeler. Khadija a peur d'être repérée par \
                    les impôts si elle achète sur facture : en parler seule à seule avant la \
                    séance d'information.",
};

fn session_2(now: DateTime<Utc>, seed: u64, c: &Carried, life: &Bakers, first: &Session) -> Built {
    let start = now - TimeDelta::days(14);
    let earlier = std::slice::from_ref(first);
    let backlog = crate::model::backlog(earlier);
    let mut s = Script::new(
        IdGen::new(seed.wrapping_add(3)),
        c.members.clone(),
        NewSession {
            reviews: crate::model::open_reviews(earlier),
            backlog: backlog.clone(),
            ..opening(
                c.session_2.clone(),
                2,
                BAKERS_PLACE,
                first.group.clone(),
                start,
            )
        },
    );

    s.begin(PhaseKind::CheckIn);
    s.attendance(&[
        (5, Attendance::Absent),
        (7, Attendance::Excused),
        (9, Attendance::Excused),
    ]);
    s.text(
        60,
        TextField::Objective,
        "Revoir les premières actions, choisir le besoin du groupe pour cette séance et \
         préparer un achat groupé si le groupe le retient",
    );
    s.text(
        150,
        TextField::Remarks,
        "Mustapha El Fassi, absent la première fois, se présente au groupe. Les cahiers de \
         caisse circulent : plusieurs montrent leurs pages avec fierté.",
    );
    life.secrecy_online(&mut s);
    s.end(PhaseKind::CheckIn, 12 * 60);

    s.begin(PhaseKind::FollowUp);
    s.reviews(&S2_REVIEWS);
    s.end(PhaseKind::FollowUp, 18 * 60);

    s.begin(PhaseKind::NeedEmergence);
    // The flour theme of session 1 is taken up, the declaration theme let go: the Chamber
    // will answer it (an action below), it needs no problem solving by the group.
    let mut themes = Vec::new();
    for item in &backlog {
        if item.category.as_deref() == Some("raw_materials") {
            let theme = Theme {
                id: s.id(),
                title: item.title.clone(),
                category: item.category.clone(),
                created: s.tick(20),
            };
            themes.push(theme.id.clone());
            let item = item.id.clone();
            s.rec(0, Change::BacklogTakenUp { item, theme });
        } else {
            let item = item.id.clone();
            s.rec(40, Change::BacklogDropped { item });
        }
    }
    let flour = themes[0].clone();
    s.rec(
        25,
        Change::ThemeRenamed {
            id: flour,
            title: "Acheter la farine ensemble, moins cher".into(),
        },
    );
    let cards = s.cards(&S2_CARDS);
    let mut later = IdGen::new(seed.wrapping_add(2));
    for (title, category, _) in S2_OTHER_THEMES {
        let id = later.next_id();
        themes.push(s.theme_with_id(30, id, title, category));
    }
    s.move_cards(&cards, &S2_CARDS, &themes);
    s.dots(&S2_DOTS, &themes);
    s.priority_by_dots();
    s.end(PhaseKind::NeedEmergence, 35 * 60);

    s.begin(PhaseKind::ProblemReflection);
    let causes = s.problem(
        "Chacun achète sa farine seul, au détail et au comptant : nous la payons jusqu'à 30 \
         dirhams de plus par sac que les grandes boulangeries.",
        &S2_CAUSES,
        &[
            "Marge réduite sur le pain ordinaire, dont le prix est fixé",
            "Certains prennent une farine de moindre qualité pour tenir le prix",
        ],
    );
    s.concerned(&[2, 3]);
    s.end(PhaseKind::ProblemReflection, 30 * 60);

    s.begin(PhaseKind::SolutionSearch);
    let ideas = s.ideas(&S2_IDEAS, &causes);
    life.flour_project(&mut s, &ideas);
    s.end(PhaseKind::SolutionSearch, 23 * 60);

    s.begin(PhaseKind::ActionPlan);
    s.exact_action(c.quotes.clone());
    s.exact_action(c.info.clone());
    s.end(PhaseKind::ActionPlan, 15 * 60);

    s.begin(PhaseKind::Closing);
    s.closing(&S2_CLOSING);
    life.plan_and_treasurer(&mut s);
    s.end(PhaseKind::Closing, 10 * 60);
    s.rec(30, Change::SessionClosed);
    s.finish()
}

pub(super) fn series_built(now: DateTime<Utc>, seed: u64) -> Vec<Built> {
    let c = carried(now, seed);
    let life = Bakers::new(seed);
    let first = session_1(now, seed, &c, &life);
    let second = session_2(now, seed, &c, &life, &first.session);
    let group = second.session.group.clone();
    let third = super::bakers_session_3(now, seed, c, &life, group);
    vec![first, second, third]
}

/// The bakers of Tanger, sessions 1, 2 and 3, two weeks apart; session 3 (in progress, in
/// its closing phase) starts at `now` and is [`super::bakers_session`]. Session 1 finds that
/// nobody knows what they earn and decides a cash book among 3 actions; session 2 reviews
/// them (1 in progress, 2 done), takes up one theme of session 1's backlog and drops the
/// other, chooses buying flour together and decides 2 actions; session 3 reviews the cash
/// book and those 2, with session 2's 3 other themes in its backlog.
///
/// The group lives its life as it goes (`sample/life.rs`): session 1 adopts two rules (one
/// of attendance) and elects a coordinator and a deputy; session 2 amends the first rule,
/// makes buying flour together a project (its idea and the request for quotes serve it),
/// elects a treasurer, adopts a monthly fee and agrees next year's work plan; session 3
/// reviews a planned activity, and the project goes from idea to prepared to running.
pub fn bakers_series(now: DateTime<Utc>, seed: u64) -> Vec<Session> {
    series_built(now, seed)
        .into_iter()
        .map(|b| b.session)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Review;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap()
    }

    /// What a review carries from one session to the next, without this session's verdict.
    fn carried_part(r: &Review) -> (&Action, &Id, u32, Option<ActionStatus>) {
        (&r.action, &r.from_session, r.from_number, r.previous)
    }

    #[test]
    fn session_3_follows_from_sessions_1_and_2() {
        let v = bakers_series(now(), 20261125);
        let [s1, s2, s3] = [&v[0], &v[1], &v[2]];
        assert_eq!(*s3, super::super::bakers_session(now(), 20261125));
        assert_eq!([s1.number, s2.number, s3.number], [1, 2, 3]);
        // Each session starts from the group the one before left, with the life it
        // decided (roles, rules, the plan, the project); the first from the group as set up.
        let start = |s: &Session| s.start.as_ref().map(|b| b.group.clone());
        assert_eq!(start(s1), Some(bakers_group(&mut IdGen::new(20261125))));
        assert_eq!(start(s2), Some(s1.group.clone()));
        assert_eq!(start(s3), Some(s2.group.clone()));
        assert_eq!(
            (
                s1.group.roles.len(),
                s2.group.roles.len(),
                s3.group.roles.len()
            ),
            (2, 3, 3)
        );
        assert_eq!(s3.group.rules.len(), 3);
        assert_eq!(s3.group.plans.len(), 1);
        assert_eq!(
            s3.group.projects[0].status,
            crate::model::life::ProjectStatus::Running
        );
        assert_eq!(s1.group.members, s3.group.members);
        let first_two = &v[..2];
        let open = crate::model::open_reviews(first_two);
        assert_eq!(
            open.iter().map(carried_part).collect::<Vec<_>>(),
            s3.followup
                .reviews
                .iter()
                .map(carried_part)
                .collect::<Vec<_>>()
        );
        assert_eq!(crate::model::backlog(first_two), s3.needs.backlog);
        // Session 2 reviewed every action of session 1 and left its backlog empty.
        let reviewed: Vec<&Id> = s2.followup.reviews.iter().map(|r| &r.action.id).collect();
        let decided: Vec<&Id> = s1.plan.actions.iter().map(|a| &a.id).collect();
        assert_eq!(reviewed, decided);
        assert!(s2.followup.reviews.iter().all(|r| r.status.is_some()));
        assert!(s2.needs.backlog.is_empty());
        assert!(s1.closed.is_some() && s2.closed.is_some() && s3.closed.is_none());
    }

    #[test]
    fn carried_actions_are_typed_when_they_say_they_were_created() {
        for s in &bakers_series(now(), 5)[..2] {
            for a in &s.plan.actions {
                let added = s.history.iter().find(
                    |e| matches!(&e.change, Change::ActionAdded { action } if action.id == a.id),
                );
                assert_eq!(added.map(|e| e.at), Some(a.created), "{}", a.what);
            }
        }
    }

    #[test]
    fn every_session_replays_to_itself() {
        for b in series_built(now(), 9) {
            let s = &b.session;
            let mut replayed = b.initial.clone();
            for e in &s.history {
                replayed.record(e.at, e.change.clone());
            }
            replayed.saved = s.saved;
            assert_eq!(&replayed, s);
            assert!(s.history.windows(2).all(|w| w[0].at <= w[1].at));
            for m in s.needs.dots.values().flat_map(|d| d.keys()) {
                let total: u32 = s.needs.dots.values().filter_map(|d| d.get(m)).sum();
                assert!(total <= s.needs.dot_budget);
                assert_eq!(s.attendance_of(m), Attendance::Present);
            }
        }
    }
}
