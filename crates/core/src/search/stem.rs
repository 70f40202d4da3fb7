//! Stems added to the matching form so that inflected words meet.
//!
//! A record is indexed under the languages it is written in: each word is kept as it
//! is and followed by its stem in each of those languages (when it differs). When a
//! record's language is unknown or mixed (organisations and people list several
//! working languages), the word is stemmed under every one of them: a stem that
//! means nothing in a language costs a few bytes and never hides the plain word.
//! Arabic-script words are stemmed by [`arabic`] whatever the language given, since
//! the Snowball stemmers of other languages leave them as they are.

use rust_stemmers::{Algorithm, Stemmer};

use super::normalise;

/// The languages whose words have a Snowball stemmer, by ISO 639-1 code. Arabic is
/// stemmed by [`arabic`] instead: Snowball's strips prefixes and suffixes so freely
/// that unrelated words meet.
pub const STEMMED: [&str; 11] = [
    "en", "fr", "es", "pt", "de", "it", "nl", "sv", "ru", "tr", "ro",
];

fn algorithm(lang: &str) -> Option<Algorithm> {
    Some(match lang {
        "en" => Algorithm::English,
        "fr" => Algorithm::French,
        "es" => Algorithm::Spanish,
        "pt" => Algorithm::Portuguese,
        "de" => Algorithm::German,
        "it" => Algorithm::Italian,
        "nl" => Algorithm::Dutch,
        "sv" => Algorithm::Swedish,
        "ru" => Algorithm::Russian,
        "tr" => Algorithm::Turkish,
        "ro" => Algorithm::Romanian,
        _ => return None,
    })
}

fn is_arabic(word: &str) -> bool {
    word.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
}

/// Definite article and the particles joined to it, longest first.
const ARTICLES: [&str; 6] = ["وال", "بال", "كال", "فال", "لل", "ال"];
/// Plural, dual, feminine and possessive endings (after [`normalise`], so ة is ه),
/// longest first. Only one is stripped, and only from words long enough to keep a
/// three-letter root.
const SUFFIXES: [&str; 8] = ["يين", "ات", "ون", "ين", "ان", "ها", "يه", "ه"];

/// A light Arabic stem of a normalised word: the article (with و ب ك ف ل before it)
/// and one common ending removed, conservatively.
pub fn arabic(word: &str) -> String {
    let mut stem = word;
    for article in ARTICLES {
        if let Some(rest) = stem.strip_prefix(article)
            && rest.chars().count() >= 2
        {
            stem = rest;
            break;
        }
    }
    for suffix in SUFFIXES {
        if let Some(rest) = stem.strip_suffix(suffix)
            && rest.chars().count() >= 3
        {
            stem = rest;
            break;
        }
    }
    stem.to_owned()
}

/// The stems of one normalised `word` under `langs`, without the word itself and
/// without repeats.
pub fn stems(word: &str, langs: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut add = |stem: String| {
        if !stem.is_empty() && stem != word && !out.contains(&stem) {
            out.push(stem);
        }
    };
    if is_arabic(word) {
        add(arabic(word));
        return out;
    }
    for lang in langs {
        if let Some(algorithm) = algorithm(lang) {
            let stem = Stemmer::create(algorithm).stem(word).into_owned();
            // Stemmers may return forms with letters `normalise` folds (ß, œ …):
            // fold them too so both sides of a match agree.
            let stem = normalise(&stem);
            if !stem.contains(' ') {
                add(stem);
            }
        }
    }
    out
}

/// The stored matching form of `text` written in `langs`: each normalised word once,
/// followed by its stems.
pub fn index_form(text: &str, langs: &[&str]) -> String {
    let normal = normalise(text);
    let mut seen = std::collections::HashSet::new();
    let mut out = String::with_capacity(normal.len() * 2);
    for word in normal.split(' ').filter(|w| !w.is_empty()) {
        for form in std::iter::once(word.to_owned()).chain(stems(word, langs)) {
            if seen.insert(form.clone()) {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(&form);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_arabic_article_and_its_particles_are_stripped() {
        assert_eq!(arabic(&normalise("الكتاب")), "كتاب");
        assert_eq!(arabic(&normalise("والمقاطعة")), "مقاطع");
        assert_eq!(arabic(&normalise("للتضامن")), "تضامن");
        assert_eq!(arabic(&normalise("بالعربية")), "عرب");
        // Too short to lose anything.
        assert_eq!(arabic("الم"), "الم");
    }

    #[test]
    fn latin_words_are_stemmed_in_their_language() {
        assert!(
            index_form("Campaigns", &["en"])
                .split(' ')
                .any(|w| w == "campaign")
        );
        assert!(
            index_form("solidarités", &["fr"])
                .split(' ')
                .any(|w| w == "solidarit")
        );
        assert_eq!(index_form("Campaigns", &["sw"]), "campaigns");
    }
}
