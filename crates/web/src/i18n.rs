//! Messages in every interface language, from the Fluent files in `locales/`.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use fluent_templates::LanguageIdentifier;
use fluent_templates::fluent_bundle::FluentValue;
use tadamun_core::Problem;
use tadamun_core::i18n::Lang;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Bidi isolation marks would end up inside attributes and URLs; user text is
        // isolated in the templates with <bdi> and dir="auto" instead.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

fn identifier(lang: Lang) -> &'static LanguageIdentifier {
    static IDS: OnceLock<[LanguageIdentifier; 4]> = OnceLock::new();
    let ids = IDS.get_or_init(|| Lang::ALL.map(|l| l.code().parse().unwrap_or_default()));
    let index = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(1);
    &ids[index]
}

/// The message `key` in `lang`.
pub fn t(lang: Lang, key: &str) -> String {
    lookup(lang, key, None)
}

/// The message `key` in `lang`, with numeric or text arguments.
pub fn t_args(lang: Lang, key: &str, args: &[(&'static str, Arg)]) -> String {
    let map: HashMap<Cow<'static, str>, FluentValue> = args
        .iter()
        .map(|(name, value)| {
            let value = match value {
                Arg::Num(n) => FluentValue::from(*n),
                Arg::Text(s) => FluentValue::from(s.clone()),
            };
            (Cow::Borrowed(*name), value)
        })
        .collect();
    lookup(lang, key, Some(&map))
}

/// The message `key` in `lang`, else in English. Every language has a file for every
/// area, so that is the whole fallback chain: the loader's own lookup negotiates the
/// chain again at every call, which took as long as the lookup itself.
fn lookup(lang: Lang, key: &str, args: Option<&HashMap<Cow<'static, str>, FluentValue>>) -> String {
    LOCALES
        .lookup_single_language(identifier(lang), key, args)
        .or_else(|_| LOCALES.lookup_single_language(identifier(Lang::En), key, args))
        .unwrap_or_else(|_| format!("Unknown localization key: {key:?}"))
}

/// An argument of a message.
#[derive(Debug, Clone)]
pub enum Arg {
    /// A number, which also chooses the plural form.
    Num(i64),
    /// A piece of text.
    Text(String),
}

/// The translated text of a validation problem.
pub fn problem(lang: Lang, problem: Problem) -> String {
    let args: Vec<(&'static str, Arg)> = problem
        .args()
        .into_iter()
        .map(|(k, v)| (k, Arg::Num(v)))
        .collect();
    t_args(lang, problem.message_key(), &args)
}

/// A share shown to the reader: `45 %`, rounded as its progress bar is, or a dash
/// when there is none.
pub fn percent_text(value: Option<f64>) -> String {
    value.map_or_else(|| "—".into(), |v| format!("{} %", v.round() as i64))
}

/// Items joined as a list in `lang` ("a, b" or Arabic "a، b").
pub fn join_list(lang: Lang, items: &[String]) -> String {
    let separator = if lang == Lang::Ar { "، " } else { ", " };
    items.join(separator)
}

/// The translated name of a form field.
pub fn field(lang: Lang, field: &str) -> String {
    t(lang, &format!("field-{}", field.replace('_', "-")))
}
