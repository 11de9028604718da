//! clap's refusals told in the chosen language: clap writes them in English only, so each
//! error kind is told here in atelier's own words (`i18n::ClapStrings`), with the usage
//! line clap worked out and the suggestion it found. Help and version pages are clap's,
//! already localised by `help::command`.

use crate::i18n::{Lang, fill};
use clap::error::{ContextKind, ContextValue, ErrorKind};

/// Prints a help or version page as clap does, or a refusal in `lang`, and ends the
/// process (0 for a page, 2 for a refusal, as clap).
pub fn exit(e: &clap::Error, lang: Lang) -> ! {
    match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => e.exit(),
        _ => {
            eprint!("{}", render(e, lang));
            std::process::exit(2)
        }
    }
}

/// A refusal of the command line, whole: what is wrong, what was perhaps meant, the usage
/// line and where to learn more.
pub fn render(e: &clap::Error, lang: Lang) -> String {
    let l = &lang.strings().store.cli;
    let c = l.clap;
    let get = |k: ContextKind| e.get(k).map(text).unwrap_or_default();
    let (arg, value) = (get(ContextKind::InvalidArg), get(ContextKind::InvalidValue));
    let mut out = match e.kind() {
        ErrorKind::InvalidValue if value.is_empty() => fill(c.no_value, &[&arg]),
        ErrorKind::InvalidValue => fill(c.invalid_value, &[&value, &arg]),
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(e).map(ToString::to_string);
            fill(c.value_refused, &[&value, &arg, &why.unwrap_or_default()])
        }
        ErrorKind::UnknownArgument => fill(c.unknown_argument, &[&arg]),
        ErrorKind::InvalidSubcommand => {
            fill(c.unknown_command, &[&get(ContextKind::InvalidSubcommand)])
        }
        ErrorKind::MissingRequiredArgument => fill(c.missing, &[&arg]),
        ErrorKind::MissingSubcommand => c.missing_command.to_string(),
        ErrorKind::ArgumentConflict => match get(ContextKind::PriorArg) {
            prior if prior == arg => fill(c.repeated, &[&arg]),
            prior => fill(c.conflict, &[&arg, &prior]),
        },
        ErrorKind::NoEquals | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            fill(c.no_value, &[&arg])
        }
        ErrorKind::TooManyValues => fill(c.too_many, &[&value, &arg]),
        ErrorKind::InvalidUtf8 => c.not_utf8.to_string(),
        _ => c.other.to_string(),
    };
    out = fill(c.error, &[&out]);
    if let Some(ContextValue::Strings(values)) = e.get(ContextKind::ValidValue)
        && !values.is_empty()
    {
        out.push_str("\n  ");
        out.push_str(&fill(c.possible_values, &[&values.join(", ")]));
    }
    let suggested = [
        ContextKind::SuggestedArg,
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedValue,
    ]
    .into_iter()
    .find_map(|k| e.get(k).map(text));
    if let Some(s) = suggested.filter(|s| !s.is_empty()) {
        out.push_str("\n  ");
        out.push_str(&fill(c.did_you_mean, &[&s]));
    }
    let usage = get(ContextKind::Usage);
    // clap puts its own English title before the line: ours replaces it.
    let usage = usage.trim().strip_prefix("Usage:").unwrap_or(&usage).trim();
    if !usage.is_empty() {
        out.push_str(&format!("\n\n{} {usage}", l.usage));
    }
    out.push_str("\n\n");
    out.push_str(c.more_help);
    out.push('\n');
    out
}

/// A context value as plain text (clap's styled strings without their colours).
fn text(v: &ContextValue) -> String {
    match v {
        ContextValue::Strings(v) => v.join(", "),
        ContextValue::StyledStrs(v) => v
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
            .join(", "),
        other => other.to_string(),
    }
}
