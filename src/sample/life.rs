//! The sample groups' life (issue 13): what the bakers of Tanger and the tailors of Oujda
//! decide about themselves over their first three sessions — who coordinates, the rules they
//! give themselves, their work plan for next year and a joint project — recorded as
//! `Change::Group` events at the moment of the meeting they belong to, so replay tells them
//! and the next session starts from the group they leave.
//!
//! The ids of the group's life come from a generator of their own (the group's seed plus
//! [`LIFE_SEED`]): every id the samples had before stays as it was. Dates are counted from
//! the sessions' dates, as everything in the samples is, so a sample built at another `now`
//! keeps its shape; the work plan is for the year after the sessions.
//!
//! Member indices follow `sample/data/groups.ron`. Bakers: 0 Fatima Zahra El Idrissi, 1
//! Youssef Benali, 3 محمد الأمين, 4 Abdelkader Tazi, 5 Rachid Amrani, 8 Hicham Bouzidi, 10
//! Mustapha El Fassi, 11 Imane Berrada. Tailors: 0 Naima Berrada, 2 Latifa Amrani, 4 Souad
//! El Ghazi, 5 Zineb Tahiri, 7 حليمة الزياني.

use super::Script;
use crate::model::life::{
    AttendanceRule, Funding, GroupChange, Milestone, PlanStatus, PlannedActivity, Project,
    ProjectStatus, Role, RoleTerm, Rule, RuleVersion, WorkPlan,
};
use crate::model::{Change, Id, IdGen, Item};
use chrono::{Datelike, NaiveDate, TimeDelta};

/// Added to a group's seed for the ids of its life.
const LIFE_SEED: u64 = 0x6c69_6665_0000;

fn ids<const N: usize>(g: &mut IdGen) -> [Id; N] {
    std::array::from_fn(|_| g.next_id())
}

impl Script {
    /// A change of the group's life, `secs` after the last event.
    fn life(&mut self, secs: i64, change: GroupChange) {
        self.rec(secs, Change::Group(change));
    }

    /// Member `member` elected to `role` today, in this session.
    fn elect(&mut self, secs: i64, id: &Id, role: Role, member: usize) {
        let term = RoleTerm {
            id: id.clone(),
            role,
            member: self.m(member),
            from: self.s.date,
            to: None,
            session: Some(self.s.id.clone()),
        };
        self.life(secs, GroupChange::RoleAssigned { term });
    }

    /// A rule's wording agreed today, in this session.
    fn wording(&self, text: &str, attendance: Option<(u32, u32)>) -> RuleVersion {
        RuleVersion {
            text: text.into(),
            date: self.s.date,
            session: Some(self.s.id.clone()),
            attendance: attendance.map(|(absences, within)| AttendanceRule { absences, within }),
        }
    }

    fn adopt(&mut self, secs: i64, id: &Id, text: &str, attendance: Option<(u32, u32)>) {
        let rule = Rule {
            id: id.clone(),
            versions: vec![self.wording(text, attendance)],
            withdrawn: None,
        };
        self.life(secs, GroupChange::RuleAdopted { rule });
    }

    fn amend(&mut self, secs: i64, id: &Id, text: &str, attendance: Option<(u32, u32)>) {
        let version = self.wording(text, attendance);
        let id = id.clone();
        self.life(secs, GroupChange::RuleAmended { id, version });
    }

    /// The objectives of a year's plan, typed now (tick to the moment first).
    fn objectives(&self, ids: &[Id], texts: &[&str]) -> Vec<Item> {
        ids.iter()
            .zip(texts)
            .map(|(id, text)| Item {
                id: id.clone(),
                text: (*text).into(),
                created: self.t,
            })
            .collect()
    }

    fn status(&mut self, secs: i64, project: &Id, status: ProjectStatus) {
        let id = project.clone();
        self.life(secs, GroupChange::ProjectStatusSet { id, status });
    }

    fn link_idea(&mut self, secs: i64, idea: &Id, project: &Id) {
        let (id, project) = (idea.clone(), Some(project.clone()));
        self.rec(secs, Change::IdeaProjectSet { id, project });
    }

    fn link_action(&mut self, secs: i64, action: &Id, project: &Id) {
        let (id, project) = (action.clone(), Some(project.clone()));
        self.rec(secs, Change::ActionProjectSet { id, project });
    }
}

/// Planned activities as (month, what, who, linked to the project).
fn activities(ids: &[Id], specs: &[(u32, &str, &str, bool)], project: &Id) -> Vec<PlannedActivity> {
    ids.iter()
        .zip(specs)
        .map(|(id, &(month, what, who, linked))| PlannedActivity {
            id: id.clone(),
            month,
            what: what.into(),
            who: who.into(),
            status: PlanStatus::Planned,
            comment: String::new(),
            project: linked.then(|| project.clone()),
        })
        .collect()
}

fn milestones(ids: &[Id], specs: &[(&str, NaiveDate)]) -> Vec<Milestone> {
    ids.iter()
        .zip(specs)
        .map(|(id, &(text, due))| Milestone {
            id: id.clone(),
            text: text.into(),
            due: Some(due),
            done: None,
        })
        .collect()
}

fn funding(shares: &[(&str, u64)]) -> Vec<Funding> {
    shares
        .iter()
        .map(|&(payer, amount_mad)| Funding {
            payer: payer.into(),
            amount_mad,
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The bakers of Tanger
// ---------------------------------------------------------------------------------------------

/// The ids of the bakers' life, the same for every session of a seed.
pub(super) struct Bakers {
    coordinator: Id,
    deputy: Id,
    treasurer: Id,
    secrecy: Id,
    attendance: Id,
    fee: Id,
    objectives: [Id; 3],
    activities: [Id; 6],
    /// "Achat groupé de farine": session 2's request for quotes serves it from its creation.
    pub project: Id,
    milestones: [Id; 4],
}

impl Bakers {
    pub fn new(seed: u64) -> Bakers {
        let mut g = IdGen::new(seed.wrapping_add(LIFE_SEED));
        let [coordinator, deputy, treasurer, secrecy, attendance, fee] = ids(&mut g);
        Bakers {
            coordinator,
            deputy,
            treasurer,
            secrecy,
            attendance,
            fee,
            objectives: ids(&mut g),
            activities: ids(&mut g),
            project: g.next_id(),
            milestones: ids(&mut g),
        }
    }

    /// Session 1, check-in: the group's first two rules, with the confidentiality the
    /// advisor presents.
    pub fn first_rules(&self, s: &mut Script) {
        s.adopt(
            90,
            &self.secrecy,
            "Ce qui se dit au groupe reste au groupe : ni les chiffres ni les difficultés d'un \
             membre ne sortent de la salle.",
            None,
        );
        s.adopt(
            120,
            &self.attendance,
            "Trois absences sans excuse sur six réunions : le groupe en parle avec le membre \
             et décide ensemble de la suite. Prévenir le coordinateur avant la séance vaut \
             excuse.",
            Some((3, 6)),
        );
    }

    /// Session 1, closing: a coordinator and a deputy, elected by a show of hands.
    pub fn first_roles(&self, s: &mut Script) {
        s.elect(120, &self.coordinator, Role::Coordinator, 1);
        s.elect(45, &self.deputy, Role::Deputy, 0);
    }

    /// Session 2, check-in: the cash books go round on WhatsApp, so the rule says it.
    pub fn secrecy_online(&self, s: &mut Script) {
        s.amend(
            90,
            &self.secrecy,
            "Ce qui se dit au groupe reste au groupe, dans la salle comme sur le groupe \
             WhatsApp : on ne transfère ni les messages ni les photos des cahiers de caisse.",
            None,
        );
    }

    /// Session 2, solution search: buying flour together becomes the group's project, and
    /// the idea of asking mills for quotes is its first step.
    pub fn flour_project(&self, s: &mut Script, ideas: &[Id]) {
        let day = s.s.date;
        let project = Project {
            id: self.project.clone(),
            title: "Achat groupé de farine".into(),
            aim: "Commander ensemble, chaque semaine, la farine de boulangerie à une seule \
                  minoterie pour la payer moins cher que chacun seul, livrée et facturée."
                .into(),
            status: ProjectStatus::Idea,
            started: day,
            session: Some(s.s.id.clone()),
            members: [1, 3, 4, 8, 10].map(|i| s.m(i)).to_vec(),
            milestones: milestones(
                &self.milestones,
                &[
                    (
                        "Devis de trois minoteries reçus et comparés",
                        day + TimeDelta::days(11),
                    ),
                    (
                        "Accord écrit avec une minoterie (prix au sac, paiement à 30 jours)",
                        day + TimeDelta::days(28),
                    ),
                    (
                        "Première livraison groupée de 200 sacs",
                        day + TimeDelta::days(63),
                    ),
                    (
                        "Bilan des trois premiers mois d'achat groupé",
                        day + TimeDelta::days(147),
                    ),
                ],
            ),
            budget_mad: None,
            funding: Vec::new(),
        };
        s.life(60, GroupChange::ProjectAdded { project });
        s.link_idea(20, &ideas[0], &self.project);
    }

    /// Session 2, closing: a treasurer for the group's money, the fee she keeps, and the
    /// work plan for next year.
    pub fn plan_and_treasurer(&self, s: &mut Script) {
        s.elect(60, &self.treasurer, Role::Treasurer, 11);
        s.adopt(
            60,
            &self.fee,
            "Cotisation de 50 dirhams par mois, versée à la trésorière, pour les frais communs \
             (photocopies, transport des commandes groupées).",
            None,
        );
        let year = s.s.date.year() + 1;
        s.tick(240);
        let objectives = s.objectives(
            &self.objectives,
            &[
                "Payer la farine moins cher en l'achetant ensemble",
                "Connaître le prix de revient de nos produits phares",
                "Se mettre en règle : auto-entrepreneur, CNSS et AMO",
            ],
        );
        let plan = WorkPlan {
            year,
            session: Some(s.s.id.clone()),
            objectives,
            activities: activities(
                &self.activities,
                &[
                    (
                        1,
                        "Visite des trois minoteries qui ont envoyé un devis",
                        "Youssef et Hicham",
                        true,
                    ),
                    (
                        2,
                        "Première commande groupée de farine",
                        "Youssef, Imane (trésorière)",
                        true,
                    ),
                    (
                        3,
                        "Séance d'information à la Chambre : auto-entrepreneur, CNSS, AMO",
                        "La CCIS",
                        false,
                    ),
                    (
                        5,
                        "Formation au calcul du prix de revient d'un pain et d'un gâteau",
                        "Samira et un formateur de la CCIS",
                        false,
                    ),
                    (
                        9,
                        "Visite du salon de la boulangerie et de la pâtisserie à Casablanca",
                        "Abdelkader",
                        false,
                    ),
                    (
                        11,
                        "Bilan de l'année et plan suivant",
                        "Tout le groupe",
                        false,
                    ),
                ],
                &self.project,
            ),
        };
        s.life(0, GroupChange::WorkPlanAgreed { plan });
    }

    /// Session 3, follow-up: the quotes are in, the mills were visited ahead of the plan,
    /// and the project is ready to start.
    pub fn quotes_in(&self, s: &mut Script) {
        s.life(
            40,
            GroupChange::PlannedActivityReviewed {
                id: self.activities[0].clone(),
                status: PlanStatus::Done,
                comment: "Faite en avance, avec les devis : Youssef et Hicham ont visité les \
                          trois minoteries de la zone industrielle de Mghogha."
                    .into(),
            },
        );
        let day = s.s.date;
        let quotes = Milestone {
            id: self.milestones[0].clone(),
            text: "Devis de trois minoteries reçus et comparés".into(),
            due: Some(day - TimeDelta::days(3)),
            done: Some(day - TimeDelta::days(3)),
        };
        let project = self.project.clone();
        s.life(
            30,
            GroupChange::MilestoneSet {
                project,
                milestone: quotes,
            },
        );
        s.status(15, &self.project, ProjectStatus::Prepared);
    }

    /// Session 3, solution search: the buying group is the project's idea.
    pub fn idea_of_the_project(&self, s: &mut Script, ideas: &[Id]) {
        s.link_idea(20, &ideas[0], &self.project);
    }

    /// Session 3, action plan: the budget from the quotes, who pays what, the two actions
    /// that serve the project; it starts.
    pub fn project_starts(&self, s: &mut Script, actions: &[Id]) {
        let Some(mut project) =
            s.s.group
                .projects
                .iter()
                .find(|p| p.id == self.project)
                .cloned()
        else {
            return;
        };
        project.members = [1, 3, 4, 5, 8, 10, 11].map(|i| s.m(i)).to_vec();
        project.budget_mad = Some(52_000);
        project.funding = funding(&[
            ("Membres (farine de la première commande, 200 sacs)", 47_000),
            (
                "CCIS Tanger-Tétouan-Al Hoceïma (transport et palettes)",
                2_000,
            ),
            (
                "Programme régional d'appui aux TPE (balance et rayonnages du dépôt)",
                3_000,
            ),
        ]);
        s.life(150, GroupChange::ProjectEdited { project });
        for action in &actions[..2] {
            s.link_action(15, action, &self.project);
        }
        s.status(20, &self.project, ProjectStatus::Running);
    }
}

// ---------------------------------------------------------------------------------------------
// The tailors of Oujda
// ---------------------------------------------------------------------------------------------

/// The ids of the tailors' life, the same for every session of a seed.
pub(super) struct Tailors {
    coordinator: Id,
    deputy: Id,
    secrecy: Id,
    attendance: Id,
    admission: Id,
    objectives: [Id; 3],
    activities: [Id; 5],
    project: Id,
    milestones: [Id; 3],
}

impl Tailors {
    pub fn new(seed: u64) -> Tailors {
        let mut g = IdGen::new(seed.wrapping_add(LIFE_SEED));
        let [coordinator, deputy, secrecy, attendance, admission] = ids(&mut g);
        Tailors {
            coordinator,
            deputy,
            secrecy,
            attendance,
            admission,
            objectives: ids(&mut g),
            activities: ids(&mut g),
            project: g.next_id(),
            milestones: ids(&mut g),
        }
    }

    /// What the group decides about itself at the moment `at` of session `number`.
    pub fn at(&self, s: &mut Script, number: u32, at: Moment) {
        match (number, at) {
            (1, Moment::CheckIn) => {
                s.adopt(
                    90,
                    &self.secrecy,
                    "Ce qui se dit au groupe reste au groupe, et on ne copie pas le modèle \
                     d'une autre sans son accord — ما يقال في المجموعة يبقى في المجموعة",
                    None,
                );
                s.adopt(
                    120,
                    &self.attendance,
                    "Trois absences sans excuse sur six réunions : le groupe en parle avec \
                     l'intéressée.",
                    Some((3, 6)),
                );
            }
            (1, Moment::Solutions(ideas)) => {
                let day = s.s.date;
                let project = Project {
                    id: self.project.clone(),
                    title: "Expo-vente commune avant l'Aïd".into(),
                    aim: "Exposer et vendre ensemble caftans, takchitas, djellabas et \
                          broderies deux semaines avant l'Aïd al-Adha, avec le catalogue \
                          Instagram pour faire venir les clientes."
                        .into(),
                    status: ProjectStatus::Idea,
                    started: day,
                    session: Some(s.s.id.clone()),
                    members: [0, 1, 2, 4, 5, 7].map(|i| s.m(i)).to_vec(),
                    milestones: milestones(
                        &self.milestones,
                        &[
                            ("Salle trouvée et date fixée", day + TimeDelta::days(49)),
                            (
                                "Affiches et annonce sur Instagram",
                                day + TimeDelta::days(172),
                            ),
                            (
                                "Expo-vente le samedi, deux semaines avant l'Aïd",
                                day + TimeDelta::days(193),
                            ),
                        ],
                    ),
                    budget_mad: None,
                    funding: Vec::new(),
                };
                s.life(60, GroupChange::ProjectAdded { project });
                s.link_idea(20, &ideas[1], &self.project);
            }
            (1, Moment::Actions(actions)) => s.link_action(20, &actions[2], &self.project),
            (1, Moment::Closing) => {
                s.elect(120, &self.coordinator, Role::Coordinator, 0);
                s.elect(40, &self.deputy, Role::Deputy, 2);
            }
            (2, Moment::CheckIn) => {
                s.adopt(
                    60,
                    &self.admission,
                    "Une nouvelle membre est admise par vote du groupe, après être venue une \
                     première fois comme invitée.",
                    None,
                );
                s.amend(
                    90,
                    &self.attendance,
                    "Trois absences sans excuse sur six réunions : le groupe en parle avec \
                     l'intéressée. Un message à la coordinatrice sur WhatsApp avant la séance \
                     vaut excuse.",
                    Some((3, 6)),
                );
            }
            (2, Moment::Actions(actions)) => {
                s.link_action(20, &actions[2], &self.project);
                let Some(mut project) =
                    s.s.group
                        .projects
                        .iter()
                        .find(|p| p.id == self.project)
                        .cloned()
                else {
                    return;
                };
                project.budget_mad = Some(6_500);
                project.funding = funding(&[
                    ("Association Al Amal (salle, affiches)", 2_500),
                    (
                        "Programme régional d'appui aux femmes entrepreneures (portants, \
                         sacs)",
                        2_500,
                    ),
                    ("Membres (250 dirhams chacune)", 1_500),
                ]);
                s.life(120, GroupChange::ProjectEdited { project });
            }
            (2, Moment::Closing) => {
                let year = s.s.date.year() + 1;
                s.tick(200);
                let objectives = s.objectives(
                    &self.objectives,
                    &[
                        "Vendre en ligne : chaque membre reçoit des commandes par Instagram \
                         ou WhatsApp",
                        "Une expo-vente commune avant l'Aïd",
                        "Trouver un financement pour les machines",
                    ],
                );
                let plan = WorkPlan {
                    year,
                    session: Some(s.s.id.clone()),
                    objectives,
                    activities: activities(
                        &self.activities,
                        &[
                            (
                                1,
                                "Seconde séance de formation WhatsApp Business",
                                "Karima (conseillère)",
                                false,
                            ),
                            (
                                3,
                                "Journée de broderie machine à la coopérative Al Wafaa",
                                "Latifa",
                                false,
                            ),
                            (
                                4,
                                "Achat commun de tissus chez les grossistes de Nador",
                                "Souad et Naima",
                                false,
                            ),
                            (
                                5,
                                "Expo-vente commune avant l'Aïd",
                                "Tout le groupe, Naima coordonne",
                                true,
                            ),
                            (10, "زيارة معرض الصناعة التقليدية بوجدة", "حليمة", false),
                        ],
                        &self.project,
                    ),
                };
                s.life(0, GroupChange::WorkPlanAgreed { plan });
            }
            (3, Moment::FollowUp) => {
                let machine = self.activities[1].clone();
                s.life(
                    40,
                    GroupChange::PlannedActivityReviewed {
                        id: machine.clone(),
                        status: PlanStatus::Postponed,
                        comment: "La coopérative attend sa nouvelle brodeuse : reportée en \
                                  avril."
                            .into(),
                    },
                );
                let mut moved =
                    s.s.group
                        .plans
                        .iter()
                        .flat_map(|p| &p.activities)
                        .find(|a| a.id == machine)
                        .cloned();
                if let Some(a) = &mut moved {
                    a.month = 4;
                    let year = s.s.date.year() + 1;
                    let activity = a.clone();
                    s.life(25, GroupChange::PlannedActivityEdited { year, activity });
                }
                let day = s.s.date;
                let hall = Milestone {
                    id: self.milestones[0].clone(),
                    text: "Salle trouvée : la maison des jeunes, le samedi avant l'Aïd".into(),
                    due: Some(day + TimeDelta::days(21)),
                    done: Some(day - TimeDelta::days(5)),
                };
                let project = self.project.clone();
                s.life(
                    30,
                    GroupChange::MilestoneSet {
                        project,
                        milestone: hall,
                    },
                );
                s.status(15, &self.project, ProjectStatus::Prepared);
            }
            _ => {}
        }
    }
}

/// A moment of a session where the group may decide about itself: before the end of a
/// phase, with what that phase created.
#[derive(Clone, Copy)]
pub(super) enum Moment<'a> {
    CheckIn,
    FollowUp,
    Solutions(&'a [Id]),
    Actions(&'a [Id]),
    Closing,
}
