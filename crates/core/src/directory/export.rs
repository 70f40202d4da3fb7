//! Organisations and people as rows of a spreadsheet: the columns of CSV and JSON
//! exports, which an import of the same file reads back.

use std::collections::HashMap;

use super::Organisation;
use super::people::PersonView;
use crate::i18n::Lang;

/// One exported organisation. Region and sub-region are there for filtering in a
/// spreadsheet; an import reads the country.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ExportRow {
    /// Id.
    pub id: String,
    /// Name in its primary language.
    pub name: String,
    /// Language of the primary name.
    pub name_lang: String,
    /// Name in Arabic, if it has one besides the primary name.
    pub name_ar: String,
    /// Name in English, likewise.
    pub name_en: String,
    /// Name in French, likewise.
    pub name_fr: String,
    /// Name in Spanish, likewise.
    pub name_es: String,
    /// Kind.
    pub kind: &'static str,
    /// ISO 3166-1 alpha-2 code.
    pub country: String,
    /// Sub-region name, in English.
    pub subregion: &'static str,
    /// Region name, in English.
    pub region: &'static str,
    /// City.
    pub city: String,
    /// Focus area codes, separated by `; `.
    pub focus_areas: String,
    /// Working language codes, separated by `; `.
    pub languages: String,
    /// Website.
    pub website: String,
    /// Description.
    pub description: String,
    /// Visibility.
    pub visibility: &'static str,
    /// Outreach stage.
    pub stage: &'static str,
    /// Next step.
    pub next_step: String,
    /// Next step due, YYYY-MM-DD.
    pub next_step_due: String,
}

/// The column names, in order.
pub const COLUMNS: [&str; 20] = [
    "id",
    "name",
    "name_lang",
    "name_ar",
    "name_en",
    "name_fr",
    "name_es",
    "kind",
    "country",
    "subregion",
    "region",
    "city",
    "focus_areas",
    "languages",
    "website",
    "description",
    "visibility",
    "stage",
    "next_step",
    "next_step_due",
];

impl From<&Organisation> for ExportRow {
    fn from(o: &Organisation) -> Self {
        let f = &o.fields;
        let country = f.country.country();
        let lang = Lang::En;
        let name = |l: Lang| f.names.get(&l).cloned().unwrap_or_default();
        Self {
            id: o.id.to_string(),
            name: f.name.clone(),
            name_lang: f.name_lang.as_str().to_owned(),
            name_ar: name(Lang::Ar),
            name_en: name(Lang::En),
            name_fr: name(Lang::Fr),
            name_es: name(Lang::Es),
            kind: f.kind.as_str(),
            country: f.country.as_str().to_owned(),
            subregion: country
                .map(|c| c.subregion().name(lang))
                .unwrap_or_default(),
            region: country.map(|c| c.region().name(lang)).unwrap_or_default(),
            city: f.city.clone().unwrap_or_default(),
            focus_areas: join(f.focus_areas.iter().map(|c| c.as_str())),
            languages: join(f.languages.iter().map(|c| c.as_str())),
            website: f.website.clone().unwrap_or_default(),
            description: f.description.clone().unwrap_or_default(),
            visibility: f.visibility.as_str(),
            stage: o.stage.as_str(),
            next_step: o.outreach.next_step.clone().unwrap_or_default(),
            next_step_due: o
                .outreach
                .next_step_due
                .map(|d| d.to_string())
                .unwrap_or_default(),
        }
    }
}

/// Items of a list cell, separated by `; ` (an import splits on `;` or `,`).
pub fn join<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items.collect::<Vec<_>>().join("; ")
}

impl ExportRow {
    fn cells(&self) -> [&str; COLUMNS.len()] {
        [
            &self.id,
            &self.name,
            &self.name_lang,
            &self.name_ar,
            &self.name_en,
            &self.name_fr,
            &self.name_es,
            self.kind,
            &self.country,
            self.subregion,
            self.region,
            &self.city,
            &self.focus_areas,
            &self.languages,
            &self.website,
            &self.description,
            self.visibility,
            self.stage,
            &self.next_step,
            &self.next_step_due,
        ]
    }
}

/// The rows as CSV: UTF-8 with a byte-order mark (so spreadsheets show Arabic), a
/// header line, CRLF line ends, fields quoted where needed.
pub fn to_csv(rows: &[ExportRow]) -> Vec<u8> {
    write_csv(&COLUMNS, rows.iter().map(|r| r.cells()))
}

/// Writes `rows` under `columns` as CSV: UTF-8 with a byte-order mark, CRLF line
/// ends, RFC 4180 quoting, and formulas defused.
pub fn write_csv<'a, const N: usize>(
    columns: &[&str; N],
    rows: impl Iterator<Item = [&'a str; N]>,
) -> Vec<u8> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    let mut line = |fields: &[&str]| {
        let quoted: Vec<String> = fields.iter().map(|f| quote(f)).collect();
        out.extend_from_slice(quoted.join(",").as_bytes());
        out.extend_from_slice(b"\r\n");
    };
    line(columns);
    for r in rows {
        line(&r);
    }
    out
}

/// One exported person, as the exporting user may see them: pseudonymous people by
/// alias and without contact details unless the user is a coordinator.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PersonRow {
    /// Id.
    pub id: String,
    /// The name the exporting user knows them by.
    pub name: String,
    /// `yes` for a pseudonymous person.
    pub pseudonymous: &'static str,
    /// The real name behind an alias (coordinators only).
    pub real_name: String,
    /// ISO 3166-1 alpha-2 code.
    pub country: String,
    /// Language codes, separated by `; `.
    pub languages: String,
    /// Kind of public figure.
    pub public_figure: &'static str,
    /// `Organisation (role); …`
    pub affiliations: String,
    /// E-mail.
    pub email: String,
    /// Phone.
    pub phone: String,
    /// Signal.
    pub signal: String,
    /// Other channel.
    pub other_contact: String,
    /// Consent scope.
    pub consent_scope: &'static str,
    /// Consent date, YYYY-MM-DD.
    pub consent_date: String,
    /// Note.
    pub note: String,
    /// Visibility.
    pub visibility: &'static str,
}

/// The person column names, in order.
pub const PERSON_COLUMNS: [&str; 16] = [
    "id",
    "name",
    "pseudonymous",
    "real_name",
    "country",
    "languages",
    "public_figure",
    "affiliations",
    "email",
    "phone",
    "signal",
    "other_contact",
    "consent_scope",
    "consent_date",
    "note",
    "visibility",
];

impl PersonRow {
    /// The row of `p`, naming their organisations from `organisations` (id → name);
    /// organisations missing there (not visible to the exporter) are left out.
    pub fn new(p: &PersonView, organisations: &HashMap<String, String>) -> Self {
        let contacts = p.contacts.clone().unwrap_or_default();
        let affiliations: Vec<String> = p
            .affiliations
            .iter()
            .filter_map(|a| {
                let name = organisations.get(a.organisation.as_str())?;
                Some(match &a.role {
                    Some(role) => format!("{name} ({role})"),
                    None => name.clone(),
                })
            })
            .collect();
        Self {
            id: p.id.to_string(),
            name: p.name.clone(),
            pseudonymous: if p.pseudonymous { "yes" } else { "" },
            real_name: p.real_name.clone().unwrap_or_default(),
            country: p
                .country
                .as_ref()
                .map(|c| c.as_str().to_owned())
                .unwrap_or_default(),
            languages: join(p.languages.iter().map(|l| l.as_str())),
            public_figure: p.public_figure.map(|f| f.as_str()).unwrap_or_default(),
            affiliations: affiliations.join("; "),
            email: contacts
                .email
                .map(|e| e.as_str().to_owned())
                .unwrap_or_default(),
            phone: contacts.phone.unwrap_or_default(),
            signal: contacts.signal.unwrap_or_default(),
            other_contact: contacts.other.unwrap_or_default(),
            consent_scope: p.consent.map(|c| c.scope.as_str()).unwrap_or_default(),
            consent_date: p.consent.map(|c| c.date.to_string()).unwrap_or_default(),
            note: p.note.clone().unwrap_or_default(),
            visibility: p.visibility.as_str(),
        }
    }

    fn cells(&self) -> [&str; PERSON_COLUMNS.len()] {
        [
            &self.id,
            &self.name,
            self.pseudonymous,
            &self.real_name,
            &self.country,
            &self.languages,
            self.public_figure,
            &self.affiliations,
            &self.email,
            &self.phone,
            &self.signal,
            &self.other_contact,
            self.consent_scope,
            &self.consent_date,
            &self.note,
            self.visibility,
        ]
    }
}

/// People as CSV, like [`to_csv`].
pub fn people_to_csv(rows: &[PersonRow]) -> Vec<u8> {
    write_csv(&PERSON_COLUMNS, rows.iter().map(PersonRow::cells))
}

/// RFC 4180 quoting; a leading `= + - @` is prefixed with `'` so a spreadsheet never
/// runs a value as a formula (an import removes it again).
fn quote(field: &str) -> String {
    let safe = if field.starts_with(['=', '+', '-', '@']) {
        format!("'{field}")
    } else {
        field.to_owned()
    };
    if safe.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", safe.replace('"', "\"\""))
    } else {
        safe
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_has_a_bom_a_header_and_quotes_where_needed() {
        let row = ExportRow {
            id: "1".into(),
            name: "Sauti ya \"Haki\", Tanzania".into(),
            name_lang: "sw".into(),
            name_ar: String::new(),
            name_en: String::new(),
            name_fr: String::new(),
            name_es: String::new(),
            kind: "ngo",
            country: "TZ".into(),
            subregion: "Eastern Africa",
            region: "Africa",
            city: "دار السلام".into(),
            focus_areas: "media; legal".into(),
            languages: "sw".into(),
            website: String::new(),
            description: "line one\nline two".into(),
            visibility: "public",
            stage: "member",
            next_step: "=HYPERLINK(\"x\")".into(),
            next_step_due: String::new(),
        };
        let csv = String::from_utf8(to_csv(&[row])).unwrap();
        assert!(csv.starts_with("\u{feff}id,name,name_lang,name_ar,"));
        assert!(csv.contains("\"Sauti ya \"\"Haki\"\", Tanzania\""));
        assert!(csv.contains("دار السلام"));
        assert!(csv.contains("\"line one\nline two\""));
        assert!(csv.contains("\"'=HYPERLINK(\"\"x\"\")\""));
        assert_eq!(csv.matches("\r\n").count(), 2);
    }
}
