//! The group (nucleus) and its members: the enterprises that meet session after session.

use super::Id;
use super::life::{Gender, LeaveReason, Project, RoleTerm, Rule, WorkPlan};
use super::records::Owner;
use crate::i18n::Strings;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A circle of 8 to 20 entrepreneurs of one trade, hosted by a chamber or association.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Group {
    pub id: Id,
    pub name: String,
    pub trade: String,
    #[serde(default)]
    pub region: Region,
    #[serde(default)]
    pub city: String,
    #[serde(default)]
    pub host: String,
    #[serde(default)]
    pub advisor: String,
    #[serde(default)]
    pub start_date: Option<NaiveDate>,
    #[serde(default)]
    pub members: Vec<Member>,
    /// Who held which role, from when to when (format 2 on).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<RoleTerm>,
    /// The group's own rules, with every wording each had.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<Rule>,
    /// The annual work plans, by year.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub plans: Vec<WorkPlan>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub projects: Vec<Project>,
}

impl Group {
    pub fn member(&self, id: &Id) -> Option<&Member> {
        self.members.iter().find(|m| &m.id == id)
    }

    /// The name to show for a member id, even one removed from the group since.
    pub fn member_name(&self, id: &Id) -> String {
        self.member(id)
            .map(|m| m.name.clone())
            .unwrap_or_else(|| format!("#{}", id.short()))
    }
}

/// A member is an enterprise, represented by the person who comes to the meetings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Member {
    pub id: Id,
    pub name: String,
    #[serde(default)]
    pub business: String,
    #[serde(default)]
    pub trade: String,
    #[serde(default)]
    pub legal_status: Option<LegalStatus>,
    #[serde(default)]
    pub employees: Option<u32>,
    /// Personal data (law 09-08): shown only with `--private`, never exported.
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub joined: Option<NaiveDate>,
    #[serde(default)]
    pub left: Option<NaiveDate>,
    /// Why they left, when they did (format 2 on).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub left_reason: Option<LeaveReason>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<Gender>,
    /// The year the business started.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_since: Option<i32>,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, strum::VariantArray,
)]
pub enum LegalStatus {
    Informal,
    AutoEntrepreneur,
    SoleTrader,
    Sarl,
    SarlAu,
    Cooperative,
    Other,
}

impl LegalStatus {
    /// The status as the member form and the session say it.
    pub fn label(self, s: &Strings) -> &'static str {
        let t = &s.legal_statuses;
        match self {
            LegalStatus::Informal => t.informal,
            LegalStatus::AutoEntrepreneur => t.auto_entrepreneur,
            LegalStatus::SoleTrader => t.sole_trader,
            LegalStatus::Sarl => t.sarl,
            LegalStatus::SarlAu => t.sarl_au,
            LegalStatus::Cooperative => t.cooperative,
            LegalStatus::Other => t.other,
        }
    }
}

/// Morocco's twelve regions (2015 division), or another place typed by the advisor.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Default)]
pub enum Region {
    TangerTetouanAlHoceima,
    Oriental,
    FesMeknes,
    RabatSaleKenitra,
    BeniMellalKhenifra,
    CasablancaSettat,
    MarrakechSafi,
    DraaTafilalet,
    SoussMassa,
    GuelmimOuedNoun,
    LaayouneSakiaElHamra,
    DakhlaOuedEdDahab,
    Other(String),
    #[default]
    Unset,
}

impl Region {
    pub const NAMED: [Region; 12] = [
        Region::TangerTetouanAlHoceima,
        Region::Oriental,
        Region::FesMeknes,
        Region::RabatSaleKenitra,
        Region::BeniMellalKhenifra,
        Region::CasablancaSettat,
        Region::MarrakechSafi,
        Region::DraaTafilalet,
        Region::SoussMassa,
        Region::GuelmimOuedNoun,
        Region::LaayouneSakiaElHamra,
        Region::DakhlaOuedEdDahab,
    ];

    /// Proper names, the same in French and English.
    pub fn name(&self) -> &str {
        match self {
            Region::TangerTetouanAlHoceima => "Tanger-Tétouan-Al Hoceïma",
            Region::Oriental => "Oriental",
            Region::FesMeknes => "Fès-Meknès",
            Region::RabatSaleKenitra => "Rabat-Salé-Kénitra",
            Region::BeniMellalKhenifra => "Béni Mellal-Khénifra",
            Region::CasablancaSettat => "Casablanca-Settat",
            Region::MarrakechSafi => "Marrakech-Safi",
            Region::DraaTafilalet => "Drâa-Tafilalet",
            Region::SoussMassa => "Souss-Massa",
            Region::GuelmimOuedNoun => "Guelmim-Oued Noun",
            Region::LaayouneSakiaElHamra => "Laâyoune-Sakia El Hamra",
            Region::DakhlaOuedEdDahab => "Dakhla-Oued Ed-Dahab",
            Region::Other(s) => s,
            Region::Unset => "",
        }
    }
}

impl Owner {
    /// The owner's name: the member's, or the words for the group, the advisor, the host.
    pub fn label(&self, s: &Strings, group: &Group) -> String {
        match self {
            Owner::Member(id) => group.member_name(id),
            Owner::WholeGroup => s.owner_group.to_string(),
            Owner::Advisor => s.owner_advisor.to_string(),
            Owner::Host => s.owner_host.to_string(),
        }
    }
}
