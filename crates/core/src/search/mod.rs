//! Text normalised for matching across scripts and spellings: the same form is stored
//! in `search_text` columns and computed from what the user types.
//!
//! Latin and other scripts: Unicode compatibility forms unified, case folded, accents
//! removed (`Sénégal` → `senegal`). Arabic: diacritics (harakat), tatweel and
//! Quranic marks removed; alef forms (أ إ آ ٱ) → ا; ى → ي; ة → ه; ؤ → و; ئ → ي.
//!
//! On top of that form, [`stem`] adds each word's stems (Snowball per language for
//! Latin and Cyrillic scripts, a light article-and-suffix stripper for Arabic),
//! [`query`] turns what a user types into terms that meet the stored form, and
//! [`highlight`] finds the matched words in the text shown.

pub mod highlight;
pub mod kind;
pub mod query;
pub mod stem;

pub use highlight::{Highlighted, highlight};
pub use kind::Kind;
pub use query::{Query, Term};
pub use stem::index_form;

/// The writing direction of text in language `lang` (`und` when unknown: `auto`).
pub fn dir_of(lang: &str) -> &'static str {
    match lang {
        "ar" | "fa" | "he" | "ur" | "ps" | "ckb" | "yi" | "dv" | "sd" | "ug" => "rtl",
        "und" | "" => "auto",
        _ => "ltr",
    }
}

/// The version of the stored matching form: raised whenever [`normalise`] or the
/// stems change, so that stored entries are rebuilt.
pub const FORM_VERSION: i64 = 1;

use unicode_normalization::UnicodeNormalization as _;
use unicode_normalization::char::is_combining_mark;

/// The matching form of `text`: words separated by single spaces.
pub fn normalise(text: &str) -> String {
    // Most names are plain ASCII, for which decomposition and recomposition change
    // nothing: fold them directly (imports and the benchmark spend most of their time
    // here otherwise).
    if text.is_ascii() {
        let mut out = String::with_capacity(text.len());
        for word in text
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            if !out.is_empty() {
                out.push(' ');
            }
            out.extend(word.chars().map(|c| c.to_ascii_lowercase()));
        }
        return out;
    }
    general(text)
}

/// [`normalise`] for any text.
fn general(text: &str) -> String {
    let folded: String = text
        .nfkd()
        .filter(|c| !is_combining_mark(*c) && !is_arabic_mark(*c))
        .flat_map(char::to_lowercase)
        .map(unify_arabic)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let mut out = String::with_capacity(folded.len());
    for word in folded.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_ascii() {
        out
    } else {
        out.nfc().collect()
    }
}

/// Arabic vowel marks, tatweel and Quranic annotation signs, which spelling may or
/// may not carry.
fn is_arabic_mark(c: char) -> bool {
    matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0640}')
}

fn unify_arabic(c: char) -> char {
    match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' => 'ي',
        'ة' => 'ه',
        'ؤ' => 'و',
        'ئ' => 'ي',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn latin_text_ignores_case_accents_and_punctuation() {
        assert_eq!(
            normalise("  Collectif SÉNÉGAL-Solidarité! "),
            "collectif senegal solidarite"
        );
        assert_eq!(normalise("Côte d’Ivoire"), "cote d ivoire");
        assert_eq!(normalise("ﬁnance"), "finance");
    }

    #[test]
    fn arabic_spelling_variants_meet() {
        assert_eq!(normalise("الأُرْدُنّ"), normalise("الاردن"));
        assert_eq!(normalise("إسرائيل"), "اسراييل");
        assert_eq!(normalise("مصـــر"), "مصر");
        assert_eq!(normalise("مكتبة"), normalise("مكتبه"));
        assert_eq!(normalise("على"), normalise("علي"));
    }

    proptest! {
        #[test]
        fn the_ascii_path_gives_what_the_general_path_gives(text in "[ -~]{0,60}") {
            prop_assert_eq!(normalise(&text), general(&text));
        }

        #[test]
        fn normalising_is_idempotent(text in "\\PC{0,40}") {
            let once = normalise(&text);
            prop_assert_eq!(normalise(&once), once.clone());
            prop_assert!(!once.starts_with(' ') && !once.ends_with(' ') && !once.contains("  "));
        }
    }
}
