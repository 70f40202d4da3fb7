//! Organisations as rows of a spreadsheet: the columns of CSV and JSON exports, which
//! an import of the same file reads back.

use super::Organisation;

/// One exported organisation. Region and sub-region are there for filtering in a
/// spreadsheet; an import reads the country.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ExportRow {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
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
pub const COLUMNS: [&str; 13] = [
    "id",
    "name",
    "kind",
    "country",
    "subregion",
    "region",
    "city",
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
        let lang = crate::i18n::Lang::En;
        Self {
            id: o.id.to_string(),
            name: f.name.clone(),
            kind: f.kind.as_str(),
            country: f.country.as_str().to_owned(),
            subregion: country
                .map(|c| c.subregion().name(lang))
                .unwrap_or_default(),
            region: country.map(|c| c.region().name(lang)).unwrap_or_default(),
            city: f.city.clone().unwrap_or_default(),
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

/// The rows as CSV: UTF-8 with a byte-order mark (so spreadsheets show Arabic), a
/// header line, CRLF line ends, fields quoted where needed.
pub fn to_csv(rows: &[ExportRow]) -> Vec<u8> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    let mut line = |fields: &[&str]| {
        let quoted: Vec<String> = fields.iter().map(|f| quote(f)).collect();
        out.extend_from_slice(quoted.join(",").as_bytes());
        out.extend_from_slice(b"\r\n");
    };
    line(&COLUMNS);
    for r in rows {
        line(&[
            &r.id,
            &r.name,
            r.kind,
            &r.country,
            r.subregion,
            r.region,
            &r.city,
            &r.website,
            &r.description,
            r.visibility,
            r.stage,
            &r.next_step,
            &r.next_step_due,
        ]);
    }
    out
}

/// RFC 4180 quoting; a leading `= + - @` is prefixed with `'` so a spreadsheet never
/// runs a value as a formula.
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
            kind: "ngo",
            country: "TZ".into(),
            subregion: "Eastern Africa",
            region: "Africa",
            city: "دار السلام".into(),
            website: String::new(),
            description: "line one\nline two".into(),
            visibility: "public",
            stage: "member",
            next_step: "=HYPERLINK(\"x\")".into(),
            next_step_due: String::new(),
        };
        let csv = String::from_utf8(to_csv(&[row])).unwrap();
        assert!(csv.starts_with("\u{feff}id,name,kind,country,"));
        assert!(csv.contains("\"Sauti ya \"\"Haki\"\", Tanzania\""));
        assert!(csv.contains("دار السلام"));
        assert!(csv.contains("\"line one\nline two\""));
        assert!(csv.contains("\"'=HYPERLINK(\"\"x\"\")\""));
        assert_eq!(csv.matches("\r\n").count(), 2);
    }
}
