//! What the joint project's form reads beyond its title and aim: its budget, and its
//! co-financing typed in one field as lines of « who pays: how much » separated by `;`
//! ("Chambre : 20 000 ; Membres : 40 000"). Amounts are whole dirhams, written as people
//! write them: "60000", "60 000", "60.000", "60 000 DH". What does not read is said in a
//! sentence that quotes the line, so the advisor sees which one to fix.

use crate::i18n::{Strings, fill};
use crate::model::life::{Funding, MAX_AMOUNT_MAD};

/// Why an amount does not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AmountError {
    NotANumber,
    TooLarge,
}

/// Why a line of the co-financing does not read; each holds the line as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FundingError {
    /// No colon between who pays and how much.
    Shape(String),
    /// Several colons: two lines joined without a `;`.
    Several(String),
    NoPayer(String),
    Amount(String, AmountError),
}

/// An amount of whole dirhams: digits, grouped by thousands with spaces, dots, commas or
/// apostrophes, a currency word after it allowed.
pub fn parse_amount(text: &str) -> Result<u64, AmountError> {
    let mut t = text.trim().to_lowercase();
    for unit in ["dirhams", "dirham", "dhs", "dh", "mad"] {
        if let Some(rest) = t.strip_suffix(unit) {
            t = rest.trim_end().to_string();
            break;
        }
    }
    let t: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    // "60.000" and "60,000" are sixty thousand: a separator only between groups of three.
    let groups: Vec<&str> = t.split(['.', ',', '\'', '’']).collect();
    let grouped = groups.len() > 1
        && (1..=3).contains(&groups[0].len())
        && groups[1..].iter().all(|g| g.len() == 3);
    if groups.len() > 1 && !grouped {
        return Err(AmountError::NotANumber);
    }
    let digits = groups.concat();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(AmountError::NotANumber);
    }
    match digits.parse::<u64>() {
        Ok(v) if v <= MAX_AMOUNT_MAD => Ok(v),
        _ => Err(AmountError::TooLarge),
    }
}

/// The co-financing typed in the form: empty is none.
pub fn parse_funding(text: &str) -> Result<Vec<Funding>, FundingError> {
    let mut out = Vec::new();
    for line in text.split([';', '\n']) {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let owned = || line.to_string();
        let Some((payer, amount)) = line.split_once(':') else {
            return Err(FundingError::Shape(owned()));
        };
        if amount.contains(':') {
            return Err(FundingError::Several(owned()));
        }
        let payer = payer.trim();
        if payer.is_empty() {
            return Err(FundingError::NoPayer(owned()));
        }
        let amount_mad = parse_amount(amount).map_err(|e| FundingError::Amount(owned(), e))?;
        out.push(Funding {
            payer: payer.to_string(),
            amount_mad,
        });
    }
    Ok(out)
}

/// The co-financing as the form shows it to be changed, in the form it is typed.
pub fn funding_text(funding: &[Funding], s: &Strings) -> String {
    let d = s.decisions;
    let lines: Vec<String> = funding
        .iter()
        .map(|f| fill(d.funding_line, &[&f.payer, &f.amount_mad]))
        .collect();
    lines.join(d.funding_joiner)
}

impl AmountError {
    /// What is wrong with the budget typed, in a sentence.
    pub fn budget_sentence(&self, typed: &str, s: &Strings) -> String {
        let d = s.decisions;
        match self {
            AmountError::NotANumber => fill(d.budget_bad, &[&typed]),
            AmountError::TooLarge => fill(d.amount_too_large, &[&typed]),
        }
    }
}

impl FundingError {
    /// What is wrong with the co-financing, in a sentence quoting the line.
    pub fn sentence(&self, s: &Strings) -> String {
        let d = s.decisions;
        match self {
            FundingError::Shape(l) => fill(d.funding_shape, &[l]),
            FundingError::Several(l) => fill(d.funding_several, &[l]),
            FundingError::NoPayer(l) => fill(d.funding_no_payer, &[l]),
            FundingError::Amount(l, AmountError::NotANumber) => fill(d.funding_amount, &[l]),
            FundingError::Amount(l, AmountError::TooLarge) => fill(d.amount_too_large, &[l]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn f(payer: &str, amount_mad: u64) -> Funding {
        Funding {
            payer: payer.into(),
            amount_mad,
        }
    }

    #[test]
    fn amounts_read_as_people_write_them() {
        for (typed, v) in [
            ("60000", 60_000),
            ("60 000", 60_000),
            ("60\u{202f}000 DH", 60_000),
            ("60.000", 60_000),
            ("1,250,000 MAD", 1_250_000),
            ("0", 0),
            ("750 dirhams", 750),
            ("1 000 000 000", MAX_AMOUNT_MAD),
        ] {
            assert_eq!(parse_amount(typed), Ok(v), "{typed}");
        }
        for typed in ["", "six mille", "60,5", "1.50", "-200", "12 DH 50", "DH"] {
            assert_eq!(parse_amount(typed), Err(AmountError::NotANumber), "{typed}");
        }
        assert_eq!(
            parse_amount("1 000 000 001"),
            Err(AmountError::TooLarge),
            "past the largest amount a file may hold"
        );
        assert_eq!(
            parse_amount("99999999999999999999999"),
            Err(AmountError::TooLarge)
        );
    }

    #[test]
    fn co_financing_reads_line_by_line_and_says_which_line_is_wrong() {
        assert_eq!(parse_funding("  "), Ok(Vec::new()));
        assert_eq!(
            parse_funding("Chambre d'Artisanat : 20 000 ; Membres: 40000 DH;"),
            Ok(vec![f("Chambre d'Artisanat", 20_000), f("Membres", 40_000)])
        );
        let err = |t: &str| parse_funding(t).unwrap_err();
        assert_eq!(
            err("Chambre 20 000 ; Membres : 1"),
            FundingError::Shape("Chambre 20 000".into())
        );
        assert_eq!(
            err("Chambre : 20 000, Membres : 40 000"),
            FundingError::Several("Chambre : 20 000, Membres : 40 000".into())
        );
        assert_eq!(err(" : 500"), FundingError::NoPayer(": 500".into()));
        assert_eq!(
            err("Membres : quarante mille"),
            FundingError::Amount("Membres : quarante mille".into(), AmountError::NotANumber)
        );
        let fr = Lang::Fr.strings();
        let said = err("Membres : quarante mille").sentence(fr);
        assert!(said.contains("« Membres : quarante mille »"), "{said}");
        let en = Lang::En.strings();
        let said = err("Chambre 20 000").sentence(en);
        assert!(
            said.contains("“Chambre 20 000”") && said.contains("colon"),
            "{said}"
        );
    }

    #[test]
    fn the_co_financing_shown_in_the_form_reads_back_the_same() {
        let funding = vec![f("Chambre d'Artisanat", 20_000), f("Membres", 40_000)];
        for lang in [Lang::Fr, Lang::En] {
            let text = funding_text(&funding, lang.strings());
            assert_eq!(parse_funding(&text), Ok(funding.clone()), "{text}");
        }
        assert_eq!(
            funding_text(&funding, Lang::Fr.strings()),
            "Chambre d'Artisanat : 20000 ; Membres : 40000"
        );
    }
}
