//! Right-to-left runs inside left-to-right text, for the HTML export.
//!
//! A line of the minutes is built from several fields: "حليمة الزياني — خياطة الأمل, Couture
//! traditionnelle, informel". Given to a browser as one `dir="auto"` span, its first strong
//! letter makes the whole line right-to-left and the French part lands first, out of order.
//! Left as plain text in a French page, the Arabic words are reordered with the punctuation
//! around them. The HTML way is to isolate each Arabic run in `<bdi>`: the run reads right to
//! left inside, and takes its place in the line like any word.

/// Characters that end one field of a composed line and start the next.
const SEPARATORS: &[char] = &['—', ',', '·', '(', ')', ':', '«', '»', '[', ']', '|', ';'];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Direction {
    Rtl,
    Ltr,
    Neutral,
}

/// Hebrew, Arabic, Syriac, Thaana, N'Ko... and the Arabic presentation forms.
fn is_rtl(c: char) -> bool {
    matches!(c as u32,
        0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
}

fn direction(segment: &str) -> Direction {
    if segment.chars().any(is_rtl) {
        Direction::Rtl
    } else if segment.chars().any(char::is_alphabetic) {
        Direction::Ltr
    } else {
        Direction::Neutral
    }
}

/// The text cut into fields and separators, in order; concatenated they give it back.
fn segments(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if SEPARATORS.contains(&c) {
            if start < i {
                out.push(&text[start..i]);
            }
            out.push(&text[i..i + c.len_utf8()]);
            start = i + c.len_utf8();
        }
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// `text` with each right-to-left run passed through `wrap` and the rest through `plain`.
/// A run starts and ends with a field holding right-to-left letters and takes in the
/// separators and neutral fields between them, so "(حليمة الزياني)" after an Arabic card
/// stays with it, and stops before any field with Latin letters. Whitespace at a run's
/// edges stays outside it.
pub fn isolate_rtl(
    text: &str,
    plain: impl Fn(&str) -> String,
    wrap: impl Fn(&str) -> String,
) -> String {
    let segs = segments(text);
    let dirs: Vec<Direction> = segs.iter().map(|s| direction(s)).collect();
    let mut out = String::with_capacity(text.len() + 16);
    let mut i = 0;
    while i < segs.len() {
        if dirs[i] != Direction::Rtl {
            out.push_str(&plain(segs[i]));
            i += 1;
            continue;
        }
        // Extend to the last RTL field reachable without crossing a Latin one.
        let mut end = i;
        let mut j = i + 1;
        while j < segs.len() && dirs[j] != Direction::Ltr {
            if dirs[j] == Direction::Rtl {
                end = j;
            }
            j += 1;
        }
        // Take in a closing bracket that follows the run's last field: "(… name)" .
        let opened = segs[i..=end].iter().filter(|s| **s == "(").count();
        let closed = segs[i..=end].iter().filter(|s| **s == ")").count();
        if opened > closed && segs.get(end + 1) == Some(&")") {
            end += 1;
        }
        let run: String = segs[i..=end].concat();
        let trimmed = run.trim_start();
        out.push_str(&plain(&run[..run.len() - trimmed.len()]));
        let mut core = trimmed.trim_end();
        // In a line that also holds Latin text (a list of names with their scores), a number
        // after the run's last word is the list's, not the Arabic text's: "محمد الأمين 4"
        // isolates the name alone, so the score stays on its side of the name.
        if dirs.contains(&Direction::Ltr) {
            let name = core.trim_end_matches(|c: char| c.is_ascii_digit());
            if name.len() < core.len() && name.ends_with(' ') {
                core = name.trim_end();
            }
        }
        out.push_str(&wrap(core));
        out.push_str(&plain(&trimmed[core.len()..]));
        i = end + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(text: &str) -> String {
        isolate_rtl(text, str::to_string, |r| format!("<{r}>"))
    }

    #[test]
    fn a_score_after_an_arabic_name_stays_outside_its_isolate() {
        assert_eq!(
            mark("Khadija Ait Ouahmane 4, محمد الأمين 4, Rachid Amrani 3"),
            "Khadija Ait Ouahmane 4, <محمد الأمين> 4, Rachid Amrani 3"
        );
        // A number inside or ending an Arabic text on its own stays with it.
        assert_eq!(mark("عندي 3 أفران 2"), "<عندي 3 أفران 2>");
    }

    #[test]
    fn latin_text_is_untouched() {
        assert_eq!(
            mark("Naima Berrada — Atelier, 1 salarié"),
            "Naima Berrada — Atelier, 1 salarié"
        );
    }

    #[test]
    fn an_arabic_name_and_business_form_one_run_before_the_french_fields() {
        assert_eq!(
            mark("حليمة الزياني — خياطة الأمل, Couture traditionnelle, informel"),
            "<حليمة الزياني — خياطة الأمل>, Couture traditionnelle, informel"
        );
    }

    #[test]
    fn an_arabic_card_keeps_its_author_in_brackets() {
        assert_eq!(
            mark("آلة الخياطة قديمة (حليمة الزياني)"),
            "<آلة الخياطة قديمة (حليمة الزياني)>"
        );
    }

    #[test]
    fn an_arabic_name_inside_a_french_list_is_isolated_alone() {
        assert_eq!(
            mark("Présents : Naima, حليمة الزياني, Amina"),
            "Présents : Naima, <حليمة الزياني>, Amina"
        );
        assert_eq!(mark("Le four (محمد الأمين)"), "Le four (<محمد الأمين>)");
    }

    #[test]
    fn nothing_is_lost() {
        for text in ["", "—", "(", "مخبزة 🥖 النور", "a, ب, c (د) [e] « ف »"] {
            let plain = isolate_rtl(text, str::to_string, str::to_string);
            assert_eq!(plain, text);
        }
    }
}
