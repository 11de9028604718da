//! Phone numbers inside free text. Members' phones live in their own field and are never
//! shown to others; but an advisor may type one into a card or a comment ("appelez Karim au
//! 06 61 23 45 67"). Exports and the presenter view hide those too, with this one rule.

use std::ops::Range;

/// The text with each digit of its phone numbers replaced by a bullet, everything else as
/// it was: the same characters in the same places, so a field being typed keeps its cursor
/// and a line its layout. What the presenter view projects goes through it before it is
/// drawn, so the numbers atelier draws itself (a count, a rank) are never taken for a phone.
pub fn mask_phones(text: &str) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for run in phone_runs(&chars) {
        for ch in &mut chars[run] {
            if ch.is_ascii_digit() {
                *ch = '•';
            }
        }
    }
    chars.into_iter().collect()
}

/// The runs of nine digits or more (spaces, dots, dashes, brackets and a leading `+`
/// allowed between them), as character index ranges from the first digit (or `+`) to the
/// last digit: a Moroccan phone number however it is typed. Dates ("01/12/2026") and
/// amounts ("30 000 dirhams") have fewer digits in a run and are left alone.
pub fn phone_runs(chars: &[char]) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let starts = chars[i].is_ascii_digit()
            || (chars[i] == '+' && chars.get(i + 1).is_some_and(char::is_ascii_digit));
        if !starts {
            i += 1;
            continue;
        }
        // The longest run of digits and separators, ending on a digit.
        let (mut j, mut end, mut digits) = (i, i, 0);
        while j < chars.len() {
            let ch = chars[j];
            if ch.is_ascii_digit() {
                digits += 1;
                end = j + 1;
            } else if !(matches!(ch, ' ' | '.' | '-' | '(' | ')') || (ch == '+' && j == i)) {
                break;
            }
            j += 1;
        }
        if digits >= 9 {
            runs.push(i..end);
        }
        i = end.max(i + 1);
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        phone_runs(&chars)
            .into_iter()
            .map(|r| chars[r].iter().collect())
            .collect()
    }

    #[test]
    fn phones_however_typed_and_nothing_else() {
        assert_eq!(runs("appelez au 06 61 23 45 67."), ["06 61 23 45 67"]);
        assert_eq!(
            runs("+212 661-234-567 ou 0661234567"),
            ["+212 661-234-567", "0661234567"]
        );
        assert!(runs("le 01/12/2026, 30 000 dirhams, 60 sacs").is_empty());
    }

    #[test]
    fn masking_keeps_every_character_in_its_place() {
        assert_eq!(
            mask_phones("Karim 06 61 23 45 67 (dettes)"),
            "Karim •• •• •• •• •• (dettes)"
        );
        assert_eq!(mask_phones("+212 661-234-567"), "+••• •••-•••-•••");
        let plain = "le 01/12/2026, 30 000 dirhams, 60 sacs";
        assert_eq!(mask_phones(plain), plain);
    }
}
