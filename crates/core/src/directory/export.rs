//! Organisations as rows of a spreadsheet: the columns of CSV and JSON exports, which
//! an import of the same file reads back.

use super::Organisation;
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
