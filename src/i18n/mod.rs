//! Every UI string in French and English. Each language is a `Strings` value written out in
//! full, so the compiler refuses a language that lacks a string; tests check that none is
//! empty and that both languages agree on placeholders.
//!
//! It names no other module of atelier, so that every module can use it: the words for the
//! cases of an enum defined elsewhere (actions, key contexts, form fields...) are plain fields
//! here (`tables.rs`), and the module that defines the enum picks them (`Action::label`).

mod cli;
mod config;
mod decisions;
mod en;
pub use cli::ClapStrings;
pub use config::ConfigStrings;
pub use decisions::DecisionStrings;
mod export;
mod group_page;
mod life;
mod needs;
mod plural;
mod problem;
mod records;
mod solutions;
mod store;
mod tracker;
pub use export::ExportStrings;
pub use group_page::GroupPageStrings;
pub use life::LifeStrings;
pub use needs::NeedsStrings;
pub use plural::{Counted, is_plural};
pub use problem::ProblemStrings;
pub use records::RecordStrings;
pub use solutions::SolutionsStrings;
pub use store::{CheckStrings, StoreStrings};
pub use tracker::TrackerStrings;
mod demo;
mod fr;
mod indicators;
mod presenter;
mod programme;
mod replay;
mod report;
mod report_html;
mod review;
mod tables;
mod timeline;
pub use demo::DemoStrings;
pub use indicators::IndicatorStrings;
pub use presenter::PresenterStrings;
pub use programme::ProgrammeStrings;
pub use replay::ReplayStrings;
pub use report::ReportStrings;
pub use report_html::ReportHtmlStrings;
pub use review::ReviewStrings;
pub use tables::{
    ActionStrings, ContextStrings, FieldErrors, FieldLabels, LegalStatuses, NewItemTitles,
};
pub use timeline::TimelineStrings;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    /// French, the default (for serde's `skip_serializing_if`).
    pub fn is_fr(&self) -> bool {
        *self == Lang::Fr
    }

    /// The language's BCP 47 code, as HTML's `lang` attribute takes it.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// French unless a `LANG`-style value starts with `en`.
    pub fn from_env_value(value: Option<&str>) -> Lang {
        match value {
            Some(v) if v.to_ascii_lowercase().starts_with("en") => Lang::En,
            _ => Lang::Fr,
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        match code.to_ascii_lowercase().as_str() {
            "fr" | "français" | "francais" => Some(Lang::Fr),
            "en" | "english" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Fr => &fr::STRINGS,
            Lang::En => &en::STRINGS,
        }
    }
}

/// Replaces each `{}` in a template with the next argument.
pub fn fill(template: &str, args: &[&dyn std::fmt::Display]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut args = args.iter();
    let mut rest = template;
    while let Some(pos) = rest.find("{}") {
        out.push_str(&rest[..pos]);
        if let Some(a) = args.next() {
            out.push_str(&a.to_string());
        }
        rest = &rest[pos + 2..];
    }
    out.push_str(rest);
    out
}

include!("strings.rs");
