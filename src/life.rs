//! The group over its life, as its page shows it: each member with their profile, roles,
//! attendance and latest diagnosis; the rules, and who is close to the attendance rule or past
//! it; the work plans; each joint project with everything linked to it in time order; the
//! activities, visits and diagnoses; and the method's advice on the group's size. Pure: it
//! reads one group's sessions (any order) and records, the caller loads them.
//!
//! The group's decisions (roles, rules, plans, projects) are read from its latest session's
//! group, which carries them forward; attendance comes from [`crate::timeline`], the same
//! table the timeline shows.

mod checkin;

pub use checkin::{check_in_standing, check_in_warnings, marks, past_attendance, standings};

use crate::method::Method;
use crate::model::dated::{Answer, Occasion, Record};
use crate::model::life::{
    AttendanceCount, GROUP_MAX_MEMBERS, GROUP_MIN_PRESENT, PlanStatus, Project, Role, Rule,
};
use crate::model::{Group, Id, Session};
use crate::timeline::{AttendanceTable, attendance};
use chrono::NaiveDate;

/// The method's advice on a group's size, when the group is outside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SizeWarning {
    /// Fewer than eight present at the latest session.
    FewPresent { number: u32, present: usize },
    /// More than twenty members: split by firm size or product.
    TooMany { members: usize },
}

/// A member's row of the group page.
#[derive(Debug, Clone, PartialEq)]
pub struct MemberLife {
    /// Index in [`GroupLife::attendance`]'s members.
    pub row: usize,
    /// The roles the member holds today.
    pub roles: Vec<Role>,
    /// Date and occasion of the latest diagnosis, and its sales band's id.
    pub diagnosis: Option<(NaiveDate, Occasion, Option<String>)>,
    pub visits: usize,
    pub last_visit: Option<NaiveDate>,
}

/// A rule, and for an attendance rule in force, the members close to it or past it.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleStanding {
    pub rule: Rule,
    pub counts: Vec<(Id, AttendanceCount)>,
}

impl RuleStanding {
    pub fn past(&self) -> impl Iterator<Item = &Id> {
        self.counts
            .iter()
            .filter(|(_, c)| c.reached())
            .map(|(m, _)| m)
    }

    pub fn close(&self) -> impl Iterator<Item = &Id> {
        self.counts
            .iter()
            .filter(|(_, c)| c.close())
            .map(|(m, _)| m)
    }
}

/// Something linked to a joint project, dated.
#[derive(Debug, Clone, PartialEq)]
pub enum Linked {
    /// An action decided at a session (its number).
    Action {
        session: u32,
        what: String,
    },
    /// An idea of a session's solution search.
    Idea {
        session: u32,
        text: String,
    },
    Activity {
        title: String,
    },
    PlannedActivity {
        what: String,
        status: PlanStatus,
    },
    Milestone {
        text: String,
        done: bool,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct ProjectLife {
    pub project: Project,
    /// Everything linked to it, oldest first (undated items last).
    pub linked: Vec<(Option<NaiveDate>, Linked)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GroupLife {
    /// As the latest session carries it, with members only earlier sessions knew.
    pub group: Group,
    pub method: Method,
    pub attendance: AttendanceTable,
    pub members: Vec<MemberLife>,
    pub rules: Vec<RuleStanding>,
    pub projects: Vec<ProjectLife>,
    /// Visits, activities and diagnoses, newest first.
    pub records: Vec<Record>,
    pub warnings: Vec<SizeWarning>,
}

impl GroupLife {
    /// The page of a group from its sessions (at least one) and records.
    pub fn of(sessions: &[Session], mut records: Vec<Record>) -> GroupLife {
        let latest = sessions.iter().max_by_key(|s| (s.number, s.date));
        let attendance = attendance(sessions);
        let mut group = latest.map(|s| s.group.clone()).unwrap_or_default();
        group.members = attendance
            .members
            .iter()
            .map(|r| r.member.clone())
            .collect();
        crate::sort::by(&mut records, |a, b| {
            let (a, b) = (a.dated(), b.dated());
            (b.date(), b.id()).cmp(&(a.date(), a.id()))
        });
        let today = latest.map_or(NaiveDate::MIN, |s| s.date);
        let members = member_rows(&group, &attendance, &records, today);
        let rules = group
            .rules
            .iter()
            .map(|r| standing(r, &attendance))
            .collect();
        let projects = group
            .projects
            .iter()
            .map(|p| project_life(p, sessions, &records, &group))
            .collect();
        let mut warnings = Vec::new();
        if let Some(s) = latest {
            let present = s.present_members().count();
            if present < GROUP_MIN_PRESENT {
                warnings.push(SizeWarning::FewPresent {
                    number: s.number,
                    present,
                });
            }
        }
        let current = group.members.iter().filter(|m| m.left.is_none()).count();
        if current > GROUP_MAX_MEMBERS {
            warnings.push(SizeWarning::TooMany { members: current });
        }
        GroupLife {
            method: latest.map_or_else(Method::builtin, |s| s.method.clone()),
            group,
            attendance,
            members,
            rules,
            projects,
            records,
            warnings,
        }
    }
}

fn member_rows(
    group: &Group,
    table: &AttendanceTable,
    records: &[Record],
    today: NaiveDate,
) -> Vec<MemberLife> {
    table
        .members
        .iter()
        .enumerate()
        .map(|(row, r)| {
            let id = &r.member.id;
            let roles = group
                .roles
                .iter()
                .filter(|t| &t.member == id && t.goes_on_after(today))
                .map(|t| t.role.clone())
                .collect();
            // Records are newest first: the first found is the latest.
            let diagnosis = records.iter().find_map(|rec| match rec {
                Record::Diagnosis(d) if &d.member == id => {
                    let band = match d.answer("sales_band") {
                        Some(Answer::Choice(c)) => Some(c.clone()),
                        _ => None,
                    };
                    Some((d.date, d.occasion, band))
                }
                _ => None,
            });
            let visits: Vec<NaiveDate> = records
                .iter()
                .filter_map(|rec| match rec {
                    Record::Visit(v) if &v.member == id => Some(v.date),
                    _ => None,
                })
                .collect();
            MemberLife {
                row,
                roles,
                diagnosis,
                visits: visits.len(),
                last_visit: visits.first().copied(),
            }
        })
        .collect()
}

/// Each member's attendance as the rule counts it: the sessions they belonged to.
fn standing(rule: &Rule, table: &AttendanceTable) -> RuleStanding {
    let counts = match rule.current().attendance {
        Some(a) if rule.in_force() => table
            .members
            .iter()
            .filter(|r| r.member.left.is_none())
            .map(|r| (r.member.id.clone(), a.count(&marks(&r.cells))))
            .filter(|(_, c)| c.reached() || c.close())
            .collect(),
        _ => Vec::new(),
    };
    RuleStanding {
        rule: rule.clone(),
        counts,
    }
}

fn project_life(
    project: &Project,
    sessions: &[Session],
    records: &[Record],
    group: &Group,
) -> ProjectLife {
    let here = Some(&project.id);
    let mut linked: Vec<(Option<NaiveDate>, Linked)> = Vec::new();
    for s in sessions {
        for a in s.plan.actions.iter().filter(|a| a.project.as_ref() == here) {
            linked.push((
                Some(s.date),
                Linked::Action {
                    session: s.number,
                    what: a.what.clone(),
                },
            ));
        }
        for i in s
            .solutions
            .ideas
            .iter()
            .filter(|i| i.project.as_ref() == here)
        {
            linked.push((
                Some(s.date),
                Linked::Idea {
                    session: s.number,
                    text: i.text.clone(),
                },
            ));
        }
    }
    for r in records {
        if let Record::Activity(a) = r
            && a.project.as_ref() == here
        {
            linked.push((
                Some(a.date),
                Linked::Activity {
                    title: a.title.clone(),
                },
            ));
        }
    }
    for plan in &group.plans {
        for a in plan
            .activities
            .iter()
            .filter(|a| a.project.as_ref() == here)
        {
            let date = NaiveDate::from_ymd_opt(plan.year, a.month.clamp(1, 12), 1);
            linked.push((
                date,
                Linked::PlannedActivity {
                    what: a.what.clone(),
                    status: a.status,
                },
            ));
        }
    }
    for m in &project.milestones {
        linked.push((
            m.done.or(m.due),
            Linked::Milestone {
                text: m.text.clone(),
                done: m.done.is_some(),
            },
        ));
    }
    // Dated first in time order, then the undated; a stable sort keeps each day's order.
    crate::sort::by_key(&mut linked, |(d, _)| (d.is_none(), *d));
    ProjectLife {
        project: project.clone(),
        linked,
    }
}
