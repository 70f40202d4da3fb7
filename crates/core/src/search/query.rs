//! What a user types, turned into terms that meet the stored form.
//!
//! The query goes through the same [`normalise`] and the same stems as the indexed
//! text: a record matches when every term has one of its forms among the record's
//! words. The last word is a prefix, so results appear as the user types.

use super::normalise;
use super::stem::{STEMMED, stems};
use crate::{Invalid, Problem};

/// The longest query accepted, in characters.
pub const MAX_CHARS: usize = 200;
/// At most this many words of a query are used.
pub const MAX_TERMS: usize = 8;

/// One word of a query.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Term {
    /// The normalised word followed by its stems: any of them may match.
    pub forms: Vec<String>,
    /// Whether a stored word that merely starts with a form matches too.
    pub prefix: bool,
}

impl Term {
    /// Does this term match the stored word `word`?
    pub fn matches(&self, word: &str) -> bool {
        self.forms
            .iter()
            .any(|f| word == f || (self.prefix && word.starts_with(f.as_str())))
    }
}

/// A parsed query: every term must match.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Query {
    /// The terms, in the order typed.
    pub terms: Vec<Term>,
}

impl Query {
    /// Parses `text` written in `lang` (any language with a stemmer when `None`).
    /// Too long a query is an error on the field `q`; one without a word is empty.
    pub fn parse(text: &str, lang: Option<&str>) -> Result<Self, Invalid> {
        if text.chars().count() > MAX_CHARS {
            return Err(Invalid::new("q", Problem::TooLong { max: MAX_CHARS }));
        }
        let langs: Vec<&str> = match lang {
            Some(lang) => vec![lang],
            None => STEMMED.to_vec(),
        };
        let normal = normalise(text);
        let words: Vec<&str> = normal
            .split(' ')
            .filter(|w| !w.is_empty())
            .take(MAX_TERMS)
            .collect();
        let last = words.len().saturating_sub(1);
        let terms = words
            .iter()
            .enumerate()
            .map(|(i, word)| Term {
                forms: std::iter::once((*word).to_owned())
                    .chain(stems(word, &langs))
                    .collect(),
                prefix: i == last,
            })
            .collect();
        Ok(Query { terms })
    }

    /// Whether the query has no word to look for.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Does the stored form `form` (from [`super::index_form`]) match? The database
    /// answers the same question through its full-text index; this is its reference.
    pub fn matches_form(&self, form: &str) -> bool {
        !self.is_empty()
            && self
                .terms
                .iter()
                .all(|t| form.split(' ').any(|word| t.matches(word)))
    }

    /// The query for SQLite's FTS5 `MATCH`: each term a group of quoted forms joined
    /// by `OR`, the groups joined by `AND`, `*` after a prefix. Forms hold letters and
    /// digits only, so quoting cannot be escaped.
    pub fn fts5(&self) -> String {
        self.joined(" AND ", " OR ", |form, prefix| {
            format!("\"{form}\"{}", if prefix { "*" } else { "" })
        })
    }

    /// The query for PostgreSQL's `to_tsquery('simple', …)`: the same shape with
    /// `&`, `|` and `:*`.
    pub fn tsquery(&self) -> String {
        self.joined(" & ", " | ", |form, prefix| {
            format!("'{form}'{}", if prefix { ":*" } else { "" })
        })
    }

    fn joined(&self, and: &str, or: &str, word: impl Fn(&str, bool) -> String) -> String {
        self.terms
            .iter()
            .map(|t| {
                let forms: Vec<String> = t.forms.iter().map(|f| word(f, t.prefix)).collect();
                format!("({})", forms.join(or))
            })
            .collect::<Vec<_>>()
            .join(and)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::index_form;
    use proptest::prelude::*;

    fn finds(query: &str, lang: Option<&str>, text: &str, langs: &[&str]) -> bool {
        Query::parse(query, lang)
            .map(|q| q.matches_form(&index_form(text, langs)))
            .unwrap_or(false)
    }

    #[test]
    fn arabic_meets_regardless_of_marks_hamza_yaa_and_the_article() {
        let text = "حملة المقاطعة الاقتصادية في مصـــر";
        assert!(finds("مقاطعة", Some("ar"), text, &["ar"]));
        assert!(finds("والمُقاطَعة", None, text, &["ar"]));
        assert!(finds("الإقتصادية", None, text, &["ar"]));
        assert!(finds("مصر", None, text, &["ar"]));
        assert!(finds("على", None, "علي", &["ar"]));
        assert!(!finds("تضامن", None, text, &["ar"]));
    }

    #[test]
    fn latin_meets_regardless_of_case_accents_and_inflection() {
        assert!(finds("SOLIDARITE", None, "Solidarité", &["fr"]));
        assert!(finds("campaigning", Some("en"), "Our campaigns", &["en"]));
        assert!(finds("divest", None, "Divestment now", &["en"]));
        assert!(!finds("divest boycott", None, "Divestment now", &["en"]));
    }

    #[test]
    fn the_last_word_matches_as_a_prefix_as_the_user_types() {
        assert!(finds("water ri", None, "The right to water", &["en"]));
        assert!(!finds("ri water", None, "The right to water", &["en"]));
    }

    #[test]
    fn a_too_long_query_names_the_field() {
        let long = "a".repeat(MAX_CHARS + 1);
        assert_eq!(Query::parse(&long, None).map_err(|e| e.field), Err("q"));
        assert!(Query::parse("  !! ", None).is_ok_and(|q| q.is_empty()));
    }

    #[test]
    fn database_queries_quote_every_form() {
        let q = Query::parse("Water ri", Some("sw")).unwrap_or(Query { terms: vec![] });
        assert_eq!(q.fts5(), "(\"water\") AND (\"ri\"*)");
        assert_eq!(q.tsquery(), "('water') & ('ri':*)");
    }

    fn arabic_word() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            proptest::sample::select(vec![
                'ا', 'ب', 'ت', 'ث', 'ج', 'ح', 'خ', 'د', 'ر', 'س', 'ع', 'ف', 'ق', 'ك', 'ل', 'م',
                'ن', 'ه', 'و', 'ي', 'ة', 'ى', 'أ', 'إ', 'آ',
            ]),
            1..9,
        )
        .prop_map(|c| c.into_iter().collect())
    }

    proptest! {
        #[test]
        fn every_indexed_word_is_found_by_its_own_query(
            text in "[a-zA-Zéèçñãü ]{1,40}|[ابتثجحخدرسعفقكلمنهوية ]{1,40}",
            lang in proptest::sample::select(vec!["ar", "en", "fr", "es", "pt", "sw"]),
        ) {
            let form = index_form(&text, &[lang]);
            for word in normalise(&text).split(' ').filter(|w| !w.is_empty()) {
                prop_assert!(finds(word, Some(lang), &text, &[lang]), "{word} in {form}");
                prop_assert!(finds(word, None, &text, &[lang]), "{word} in {form}");
            }
        }

        #[test]
        fn any_start_of_an_indexed_word_finds_it(word in "[a-z]{1,12}|[ابتدرسعلمنهوي]{1,12}", cut in 1usize..12) {
            let start: String = word.chars().take(cut).collect();
            prop_assert!(finds(&start, None, &word, &["en"]));
        }

        #[test]
        fn arabic_marks_tatweel_and_letter_forms_never_change_a_match(word in arabic_word()) {
            let marked: String = word
                .chars()
                .flat_map(|c| [c, '\u{064E}', '\u{0640}'])
                .collect();
            let plain = word.replace(['أ', 'إ', 'آ'], "ا").replace('ى', "ي").replace('ة', "ه");
            prop_assert!(finds(&marked, None, &plain, &["ar"]));
            prop_assert!(finds(&plain, None, &marked, &["ar"]));
            let with_article = format!("ال{}", plain);
            prop_assert!(finds(&with_article, None, &marked, &["ar"]) || plain.chars().count() < 2);
        }

        #[test]
        fn latin_accents_and_case_never_change_a_match(word in "[a-z]{1,12}") {
            let accented: String = word
                .chars()
                .map(|c| match c { 'e' => 'É', 'a' => 'à', 'c' => 'Ç', 'n' => 'Ñ', other => other.to_ascii_uppercase() })
                .collect();
            prop_assert!(finds(&word, None, &accented, &["fr"]));
            prop_assert!(finds(&accented, None, &word, &["fr"]));
        }
    }
}
