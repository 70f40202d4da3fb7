//! Where each kind's search entries come from: one `SELECT` per source table and the
//! entries made from each row, the same for one record and for a rebuild.

use std::collections::BTreeMap;

use serde_json::Value;
use tadamun_core::search::{Kind, index_form};

use crate::directory::read_list;

/// One row of the search index: one record in one language.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub kind: Kind,
    pub record_id: String,
    /// The language of the title and body (`und` when unknown).
    pub lang: String,
    pub visibility: String,
    /// The organisation named on the record, whose members see it when restricted.
    pub organisation_id: Option<String>,
    pub title: String,
    pub body: String,
    pub search_text: String,
}

/// A table rows of one kind are read from.
pub(crate) struct Source {
    pub kind: Kind,
    pub table: &'static str,
    /// The column holding the record's id.
    pub id_column: &'static str,
    pub columns: &'static str,
    /// An extra condition on the rows, if any.
    pub only: &'static str,
    pub build: fn(Kind, &[Value]) -> Vec<Entry>,
}

/// Every source, in the order of [`Kind::ALL`].
pub(crate) const SOURCES: [Source; 8] = [
    Source {
        kind: Kind::Organisation,
        table: "organisations",
        id_column: "id",
        columns: "id, name, name_lang, names, languages, visibility, description, city",
        only: "",
        build: organisation,
    },
    Source {
        kind: Kind::Person,
        table: "people",
        id_column: "id",
        columns: "id, display_name, pseudonymous, alias, languages, visibility",
        only: "",
        build: person,
    },
    Source {
        kind: Kind::Group,
        table: "working_groups",
        id_column: "id",
        columns: "id, name, name_lang, names, mandate, mandates",
        only: "",
        build: translated,
    },
    Source {
        kind: Kind::Recommendation,
        table: "recommendations",
        id_column: "id",
        columns: "id, text, text_lang, texts",
        only: "",
        build: translated,
    },
    Source {
        kind: Kind::PlanItem,
        table: "plan_items",
        id_column: "id",
        columns: "id, title, title_lang, titles, description",
        only: "",
        build: translated,
    },
    Source {
        kind: Kind::Campaign,
        table: "campaigns",
        id_column: "id",
        columns: "id, name, name_lang, names, goals, goals_tr",
        only: "",
        build: translated,
    },
    Source {
        kind: Kind::Content,
        table: "content_items",
        id_column: "id",
        columns: "id, source_lang, title, body",
        only: "",
        build: content,
    },
    Source {
        kind: Kind::Content,
        table: "translations t",
        id_column: "item_id",
        columns: "item_id, lang, title, body",
        only: " AND (title IS NOT NULL OR body IS NOT NULL) \
                AND lang <> (SELECT source_lang FROM content_items c WHERE c.id = t.item_id)",
        build: content,
    },
];

fn text(row: &[Value], i: usize) -> String {
    row.get(i)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

fn translations(row: &[Value], i: usize) -> BTreeMap<String, String> {
    serde_json::from_str(&text(row, i)).unwrap_or_default()
}

/// At most this many characters of a body are kept for excerpts; all of it is
/// searched.
const BODY_CHARS: usize = 1_000;

/// A body as shown in excerpts: Markdown's markup characters dropped, cut short.
fn plain(body: &str) -> String {
    body.chars()
        .filter(|c| !matches!(c, '*' | '#' | '`' | '>'))
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .take(BODY_CHARS)
        .collect()
}

fn entry(kind: Kind, id: &str, lang: &str, title: &str, body: &str, langs: &[&str]) -> Entry {
    Entry {
        kind,
        record_id: id.to_owned(),
        lang: lang.to_owned(),
        visibility: "network".to_owned(),
        organisation_id: None,
        title: title.to_owned(),
        body: plain(body),
        search_text: index_form(&format!("{title} {body}"), langs),
    }
}

/// Organisations: the main name with the description and city, stemmed under its
/// language and the organisation's working languages (the description's language is
/// not recorded); each other name under its own language.
fn organisation(_: Kind, row: &[Value]) -> Vec<Entry> {
    let (id, lang) = (text(row, 0), text(row, 2));
    let languages: Vec<String> = read_list(&text(row, 4)).collect();
    let mut langs: Vec<&str> = vec![lang.as_str()];
    langs.extend(languages.iter().map(String::as_str));
    let body = format!("{} {}", text(row, 6), text(row, 7));
    let mut out = vec![entry(
        Kind::Organisation,
        &id,
        &lang,
        &text(row, 1),
        body.trim(),
        &langs,
    )];
    for (other, name) in translations(row, 3) {
        if other != lang {
            out.push(entry(
                Kind::Organisation,
                &id,
                &other,
                &name,
                "",
                &[other.as_str()],
            ));
        }
    }
    for e in &mut out {
        e.visibility = text(row, 5);
        e.organisation_id = Some(id.clone());
    }
    out
}

/// People: a pseudonymous person under the alias alone, never the name they were
/// registered with; stemmed under the languages they speak.
fn person(_: Kind, row: &[Value]) -> Vec<Entry> {
    let id = text(row, 0);
    let pseudonymous = row.get(2).and_then(Value::as_i64) == Some(1);
    let name = if pseudonymous {
        text(row, 3)
    } else {
        text(row, 1)
    };
    let languages: Vec<String> = read_list(&text(row, 4)).collect();
    let langs: Vec<&str> = languages.iter().map(String::as_str).collect();
    let mut e = entry(Kind::Person, &id, "und", &name, "", &langs);
    e.visibility = text(row, 5);
    vec![e]
}

/// Records with a title in one language and its translations as JSON, and perhaps
/// a body with its own (`id, title, lang, titles[, body[, bodies]]`): one entry per
/// language.
fn translated(kind: Kind, row: &[Value]) -> Vec<Entry> {
    let (id, lang) = (text(row, 0), text(row, 2));
    let mut titles = translations(row, 3);
    let mut bodies = translations(row, 5);
    titles.insert(lang.clone(), text(row, 1));
    bodies.insert(lang.clone(), text(row, 4));
    titles
        .iter()
        .map(|(l, title)| {
            let body = bodies.get(l).map_or("", String::as_str);
            entry(kind, &id, l, title, body, &[l.as_str()])
        })
        .collect()
}

/// Content items (`id, lang, title, body`): the source text and each written
/// translation, one entry per language.
fn content(_: Kind, row: &[Value]) -> Vec<Entry> {
    let lang = text(row, 1);
    vec![entry(
        Kind::Content,
        &text(row, 0),
        &lang,
        &text(row, 2),
        &text(row, 3),
        &[lang.as_str()],
    )]
}
