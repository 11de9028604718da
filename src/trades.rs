//! The trades groups are counted under in the programme report. A group's trade is free text
//! typed at setup ("Couture et broderie traditionnelles"); to be counted it is mapped to one
//! trade of a fixed list (`assets/trades.ron`), with "other" for what matches nothing.

use crate::i18n::Lang;
use crate::method::L10n;
use serde::Deserialize;
use std::sync::OnceLock;

pub const SOURCE: &str = include_str!("../assets/trades.ron");

/// The id every unmatched trade is counted under.
pub const OTHER: &str = "other";

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Trade {
    pub id: String,
    pub label: L10n,
    /// Other whole names of the trade, lowercase without accents.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Words that, found in a typed trade, make it this one (lowercase without accents).
    #[serde(default)]
    pub keywords: Vec<String>,
}

/// The built-in list, parsed once.
pub fn all() -> &'static [Trade] {
    static LIST: OnceLock<Vec<Trade>> = OnceLock::new();
    LIST.get_or_init(|| ron::from_str(SOURCE).expect("assets/trades.ron is valid (tested)"))
}

pub fn get(id: &str) -> Option<&'static Trade> {
    all().iter().find(|t| t.id == id)
}

/// The label of a trade id in `lang`; an id not in the list is shown as "other".
pub fn label(id: &str, lang: Lang) -> &'static str {
    get(id)
        .or_else(|| get(OTHER))
        .map_or(OTHER, |t| t.label.get(lang))
}

/// The trade id a typed trade counts under: its id itself, then a label in either language
/// or an alias, then the first trade (in the list's order) one of whose keywords is a word
/// of the text; else [`OTHER`]. Case, accents, hyphens and extra spaces do not matter.
pub fn classify(text: &str) -> &'static str {
    let list = all();
    let raw = text.trim();
    if let Some(t) = list.iter().find(|t| t.id == raw) {
        return &t.id;
    }
    let key = normalize(raw);
    if key.is_empty() {
        return OTHER;
    }
    let same = |s: &str| normalize(s) == key;
    if let Some(t) = list.iter().find(|t| {
        same(&t.id) || same(&t.label.fr) || same(&t.label.en) || t.aliases.iter().any(|a| same(a))
    }) {
        return &t.id;
    }
    let words: Vec<&str> = key
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    list.iter()
        .find(|t| t.keywords.iter().any(|k| words.contains(&k.as_str())))
        .map_or(OTHER, |t| &t.id)
}

/// Lowercase, accents folded (é → e, œ → oe), typographic apostrophes made straight,
/// hyphens and underscores read as spaces, spaces collapsed and trimmed: how two typed
/// names are compared, and how theme titles are counted together.
/// Lowercase with the accents taken off ("Couturières" → "couturieres"), nothing else
/// changed: what a filter compares, both what is typed and what is searched.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match fold_accent(c) {
            Some(f) => out.push_str(f),
            None => out.push(c),
        }
    }
    out
}

/// A Latin letter with an accent as the letter without; `None` for any other character.
fn fold_accent(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => "a",
        'æ' => "ae",
        'ç' => "c",
        'è' | 'é' | 'ê' | 'ë' => "e",
        'ì' | 'í' | 'î' | 'ï' => "i",
        'ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => "o",
        'œ' => "oe",
        'ù' | 'ú' | 'û' | 'ü' => "u",
        'ý' | 'ÿ' => "y",
        _ => return None,
    })
}

pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        let folded: &str = match c {
            c if fold_accent(c).is_some() => fold_accent(c).unwrap_or_default(),
            '’' | '‘' | 'ʼ' => "'",
            '-' | '_' | '–' | '—' => " ",
            c if c.is_whitespace() => " ",
            _ => {
                space = false;
                out.push(c);
                continue;
            }
        };
        if folded == " " {
            if !space && !out.is_empty() {
                out.push(' ');
            }
            space = true;
        } else {
            space = false;
            out.push_str(folded);
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_parses_with_both_languages_and_other_last() {
        let list = all();
        assert!(list.len() >= 12);
        for t in list {
            assert!(!t.label.fr.trim().is_empty() && !t.label.en.trim().is_empty());
            for w in t.aliases.iter().chain(&t.keywords) {
                assert_eq!(&normalize(w), w, "{}: write {w:?} normalized", t.id);
            }
        }
        assert_eq!(list.last().unwrap().id, OTHER);
        let mut ids: Vec<&str> = list.iter().map(|t| t.id.as_str()).collect();
        crate::sort::sort(&mut ids);
        ids.dedup();
        assert_eq!(ids.len(), list.len(), "ids are unique");
    }

    #[test]
    fn typed_trades_are_classified() {
        assert_eq!(classify("bakery"), "bakery");
        assert_eq!(classify("Boulangerie-pâtisserie"), "bakery");
        assert_eq!(classify("  BOULANGERIE PATISSERIE "), "bakery");
        assert_eq!(classify("Bakery and pastry"), "bakery");
        assert_eq!(classify("Couture et broderie traditionnelles"), "tailoring");
        assert_eq!(classify("Mécanique auto"), "car_repair");
        assert_eq!(classify("maison d’hôtes"), "hospitality");
        assert_eq!(classify("Coopérative d'argan"), "agriculture");
        assert_eq!(classify("Poterie de Safi"), "crafts");
        assert_eq!(classify("Plomberie et électricité"), "services");
        assert_eq!(classify("Astrophysique"), OTHER);
        assert_eq!(classify(""), OTHER);
        assert_eq!(classify("صناعة تقليدية"), OTHER);
    }

    #[test]
    fn normalize_folds_case_accents_and_spaces() {
        assert_eq!(normalize("  Accès  au Crédit "), "acces au credit");
        assert_eq!(normalize("Œuvre—d’ÉTÉ"), "oeuvre d'ete");
        assert_eq!(normalize("مخبزة النور"), "مخبزة النور");
    }
}
