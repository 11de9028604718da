//! The command line's refusals, in the chosen language: clap's error kinds are told in
//! these words by `cli::errors`, and the placeholders of its usage lines (`<PATH>`,
//! `[COMMAND]`) are named here too, so that a French command line is French throughout.
//!
//! `{}` marks are filled in order by `i18n::fill` (tested with the rest of `StoreStrings`).

use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct ClapStrings {
    /// The refusal's first line: `{}` is what is wrong.
    pub error: &'static str,
    /// `{}` the value, then the option (`--by <trade|region>`).
    pub invalid_value: &'static str,
    /// A value the option's own check refused: the value, the option, then why.
    pub value_refused: &'static str,
    /// `{}` the values an option takes, separated by commas.
    pub possible_values: &'static str,
    /// An option given without its value: `{}` the option.
    pub no_value: &'static str,
    /// `{}` an option or argument atelier does not know.
    pub unknown_argument: &'static str,
    /// `{}` a command atelier does not know.
    pub unknown_command: &'static str,
    /// `{}` what was perhaps meant.
    pub did_you_mean: &'static str,
    /// `{}` the required arguments that are missing.
    pub missing: &'static str,
    pub missing_command: &'static str,
    /// `{}` an option, then the one it cannot go with.
    pub conflict: &'static str,
    /// `{}` an option given twice.
    pub repeated: &'static str,
    /// `{}` a value too many, then the option or command.
    pub too_many: &'static str,
    pub not_utf8: &'static str,
    pub other: &'static str,
    /// The last line of a refusal.
    pub more_help: &'static str,
    /// Placeholders of the usage lines and help pages.
    pub value_path: &'static str,
    pub value_file: &'static str,
    pub value_date: &'static str,
    pub value_file_or_id: &'static str,
    pub value_id_or_file: &'static str,
    pub value_group: &'static str,
    pub value_command: &'static str,
}

pub const FR: ClapStrings = ClapStrings {
    error: "erreur\u{a0}: {}",
    invalid_value: "«\u{a0}{}\u{a0}» n'est pas une valeur possible pour {}",
    value_refused: "«\u{a0}{}\u{a0}» ne convient pas pour {} ({})",
    possible_values: "valeurs possibles\u{a0}: {}",
    no_value: "{} attend une valeur",
    unknown_argument: "option ou argument inconnu\u{a0}: «\u{a0}{}\u{a0}»",
    unknown_command: "commande inconnue\u{a0}: «\u{a0}{}\u{a0}»",
    did_you_mean: "vouliez-vous dire «\u{a0}{}\u{a0}»\u{a0}?",
    missing: "il manque\u{a0}: {}",
    missing_command: "il manque la commande",
    conflict: "{} ne peut pas être donné avec {}",
    repeated: "{} est donné plus d'une fois",
    too_many: "«\u{a0}{}\u{a0}» est en trop pour {}",
    not_utf8: "un argument n'est pas du texte UTF-8 valide",
    other: "ligne de commande incorrecte",
    more_help: "Pour en savoir plus, essayez --help.",
    value_path: "CHEMIN",
    value_file: "FICHIER",
    value_date: "DATE",
    value_file_or_id: "FICHIER|ID",
    value_id_or_file: "ID|FICHIER",
    value_group: "NOM|ID",
    value_command: "COMMANDE",
};

pub const EN: ClapStrings = ClapStrings {
    error: "error: {}",
    invalid_value: "\"{}\" is not a possible value for {}",
    value_refused: "\"{}\" does not fit {} ({})",
    possible_values: "possible values: {}",
    no_value: "{} needs a value",
    unknown_argument: "unknown option or argument: \"{}\"",
    unknown_command: "unknown command: \"{}\"",
    did_you_mean: "did you mean \"{}\"?",
    missing: "missing: {}",
    missing_command: "the command is missing",
    conflict: "{} cannot be given with {}",
    repeated: "{} is given more than once",
    too_many: "\"{}\" is one too many for {}",
    not_utf8: "an argument is not valid UTF-8 text",
    other: "wrong command line",
    more_help: "For more information, try --help.",
    value_path: "PATH",
    value_file: "FILE",
    value_date: "DATE",
    value_file_or_id: "FILE|ID",
    value_id_or_file: "ID|FILE",
    value_group: "NAME|ID",
    value_command: "COMMAND",
};
