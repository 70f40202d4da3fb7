//! The publishing schedule of content: each publication is an item in one language
//! on one channel at a local time in an IANA zone (shown in each reader's zone), its
//! link once published, and its reach (impressions, engagements, clicks), entered by
//! hand or imported from CSV. An import is checked whole: one wrong cell and nothing
//! is written, every wrong cell reported by line and column.

use std::collections::HashSet;

use chrono::NaiveDate;

use super::content::Channel;
use crate::directory::import::{ImportError, decode};
use crate::directory::parse_url;
use crate::groups::Start;
use crate::ids::{ContentItemId, PublicationId};
use crate::languages::LanguageCode;
use crate::{Invalid, Problem};

/// The largest reach figure accepted.
pub const MAX_REACH: u64 = 1_000_000_000_000;

/// How far a publication reached; each figure absent until known.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Reach {
    /// Times it was shown.
    pub impressions: Option<u64>,
    /// Likes, shares, replies …
    pub engagements: Option<u64>,
    /// Clicks on its link.
    pub clicks: Option<u64>,
}

/// The validated schedule of a publication.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PublicationFields {
    /// The language published.
    pub lang: LanguageCode,
    /// Where.
    pub channel: Channel,
    /// When, in the zone it was planned in.
    pub start: Start,
    /// The link to it once published.
    pub url: Option<String>,
}

/// A stored publication.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Publication {
    /// Its id.
    pub id: PublicationId,
    /// The item published.
    pub item: ContentItemId,
    /// Its schedule and link.
    #[serde(flatten)]
    pub fields: PublicationFields,
    /// How far it reached.
    pub reach: Reach,
}

/// The raw text of a publication form or API body.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct PublicationInput {
    /// A language code.
    #[serde(default)]
    pub lang: String,
    /// A channel's name.
    #[serde(default)]
    pub channel: String,
    /// Local date and time, `YYYY-MM-DDTHH:MM`.
    #[serde(default)]
    pub start: String,
    /// The IANA zone of `start`.
    #[serde(default)]
    pub time_zone: String,
    /// The published link, or empty.
    #[serde(default)]
    pub url: Option<String>,
}

impl PublicationInput {
    /// Validates every field, reporting the first that is wrong.
    pub fn validate(&self) -> Result<PublicationFields, Invalid> {
        Ok(PublicationFields {
            lang: LanguageCode::parse("lang", &self.lang)?,
            channel: Channel::parse(&self.channel)?,
            start: Start::parse(&self.start, &self.time_zone)?,
            url: parse_url("url", self.url.as_deref().unwrap_or_default())?,
        })
    }
}

/// The form values of a stored publication.
pub fn input_of(f: &PublicationFields) -> PublicationInput {
    PublicationInput {
        lang: f.lang.as_str().to_owned(),
        channel: f.channel.as_str().to_owned(),
        start: f.start.local_text(),
        time_zone: f.start.zone.name().to_owned(),
        url: f.url.clone(),
    }
}

/// The raw reach figures of a form, API body or CSV row.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct ReachInput {
    /// A whole number, or empty.
    #[serde(default)]
    pub impressions: Option<String>,
    /// A whole number, or empty.
    #[serde(default)]
    pub engagements: Option<String>,
    /// A whole number, or empty.
    #[serde(default)]
    pub clicks: Option<String>,
}

impl ReachInput {
    /// Validates the three figures: whole numbers from 0 to [`MAX_REACH`].
    pub fn validate(&self) -> Result<Reach, Invalid> {
        Ok(Reach {
            impressions: figure("impressions", &self.impressions)?,
            engagements: figure("engagements", &self.engagements)?,
            clicks: figure("clicks", &self.clicks)?,
        })
    }
}

fn figure(field: &'static str, raw: &Option<String>) -> Result<Option<u64>, Invalid> {
    let text: String = raw
        .as_deref()
        .unwrap_or_default()
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '_' && *c != '\u{a0}' && *c != '\u{202f}')
        .collect();
    if text.is_empty() {
        return Ok(None);
    }
    let n: u64 = text
        .parse()
        .map_err(|_| Invalid::new(field, Problem::Number))?;
    if n > MAX_REACH {
        return Err(Invalid::new(
            field,
            Problem::OutOfRange {
                min: 0,
                max: MAX_REACH as i64,
            },
        ));
    }
    Ok(Some(n))
}

/// One wrong cell of a reach file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellError {
    /// The line of the file (the header is line 1).
    pub line: u64,
    /// The column, by its header name, and what is wrong.
    pub invalid: Invalid,
}

/// A row of a reach file: its line, the publication and its figures.
pub type ReachRow = (u64, PublicationId, Reach);

/// The rows of a reach file: `publication` (an id) and any of `impressions`,
/// `engagements` and `clicks`, separated by commas, semicolons or tabs. Either every
/// row, or every wrong cell; a publication named twice is wrong the second time.
pub fn parse_reach_csv(bytes: &[u8]) -> Result<Result<Vec<ReachRow>, Vec<CellError>>, ImportError> {
    let (text, _) = decode(bytes)?;
    let first = text.lines().next().unwrap_or_default();
    let delimiter = [b'\t', b';', b',']
        .into_iter()
        .max_by_key(|d| first.bytes().filter(|b| b == d).count())
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|_| ImportError::Empty)?
        .iter()
        .map(|h| h.trim().to_lowercase())
        .collect();
    let column = |name: &str| headers.iter().position(|h| h == name);
    let id_column = column("publication").ok_or(ImportError::MissingColumn("publication"))?;
    let figures = ["impressions", "engagements", "clicks"].map(column);
    let (mut rows, mut errors, mut seen) = (Vec::new(), Vec::new(), HashSet::new());
    for record in reader.records() {
        let record = record.map_err(|e| ImportError::Csv {
            line: e.position().map_or(0, |p| p.line()),
        })?;
        let line = record.position().map_or(0, |p| p.line());
        let cell = |i: Option<usize>| i.and_then(|i| record.get(i)).map(str::to_owned);
        let id = match PublicationId::parse(cell(Some(id_column)).unwrap_or_default().trim()) {
            Ok(id) if seen.insert(id.clone()) => Some(id),
            Ok(_) => {
                errors.push(CellError {
                    line,
                    invalid: Invalid::new("publication", Problem::Taken),
                });
                None
            }
            Err(_) => {
                errors.push(CellError {
                    line,
                    invalid: Invalid::new("publication", Problem::UnknownValue),
                });
                None
            }
        };
        let [impressions, engagements, clicks] = figures.map(cell);
        let input = ReachInput {
            impressions,
            engagements,
            clicks,
        };
        let mut reach = Reach::default();
        for (field, raw, slot) in [
            ("impressions", &input.impressions, &mut reach.impressions),
            ("engagements", &input.engagements, &mut reach.engagements),
            ("clicks", &input.clicks, &mut reach.clicks),
        ] {
            match figure(field, raw) {
                Ok(v) => *slot = v,
                Err(invalid) => errors.push(CellError { line, invalid }),
            }
        }
        if let Some(id) = id {
            rows.push((line, id, reach));
        }
    }
    if rows.is_empty() && errors.is_empty() {
        return Err(ImportError::Empty);
    }
    Ok(if errors.is_empty() {
        Ok(rows)
    } else {
        Err(errors)
    })
}

/// The days of the calendar month holding `day`, padded to whole weeks starting on
/// Monday: what a month view shows.
pub fn month_grid(day: NaiveDate) -> Vec<NaiveDate> {
    use chrono::Datelike as _;
    let first = day.with_day(1).unwrap_or(day);
    let start = first - chrono::Days::new(u64::from(first.weekday().num_days_from_monday()));
    let next_month = if first.month() == 12 {
        NaiveDate::from_ymd_opt(first.year() + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(first.year(), first.month() + 1, 1)
    }
    .unwrap_or(first);
    let mut out = Vec::new();
    let mut d = start;
    while d < next_month || out.len() % 7 != 0 {
        out.push(d);
        d = d.succ_opt().unwrap_or(d);
    }
    out
}

/// The seven days, Monday first, of the week holding `day`.
pub fn week_of(day: NaiveDate) -> Vec<NaiveDate> {
    use chrono::Datelike as _;
    let start = day - chrono::Days::new(u64::from(day.weekday().num_days_from_monday()));
    (0..7).map(|i| start + chrono::Days::new(i)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Datelike as _;
    use proptest::prelude::*;

    #[test]
    fn a_publication_is_scheduled_in_its_zone_and_its_link_checked() {
        let good = PublicationInput {
            lang: "sw".into(),
            channel: "instagram".into(),
            start: "2026-03-10T18:00".into(),
            time_zone: "Africa/Nairobi".into(),
            url: Some("https://example.org/p/1".into()),
        };
        let f = good.validate().unwrap();
        assert_eq!(f.start.at.to_rfc3339(), "2026-03-10T15:00:00+00:00");
        assert_eq!(input_of(&f).validate(), Ok(f));
        let mut bad = good.clone();
        bad.url = Some("ftp://example.org".into());
        assert_eq!(bad.validate(), Err(Invalid::new("url", Problem::Url)));
    }

    #[test]
    fn reach_figures_are_whole_numbers_with_spaces_allowed() {
        let r = ReachInput {
            impressions: Some("12 500".into()),
            engagements: Some("".into()),
            clicks: Some("40".into()),
        };
        assert_eq!(
            r.validate(),
            Ok(Reach {
                impressions: Some(12_500),
                engagements: None,
                clicks: Some(40)
            })
        );
        for bad in ["-1", "1.5", "many"] {
            let r = ReachInput {
                clicks: Some(bad.into()),
                ..Default::default()
            };
            assert_eq!(
                r.validate(),
                Err(Invalid::new("clicks", Problem::Number)),
                "{bad}"
            );
        }
    }

    #[test]
    fn a_reach_file_is_all_rows_or_every_wrong_cell_by_line_and_column() {
        let a = PublicationId::new();
        let b = PublicationId::new();
        let good = format!("publication;impressions;clicks\n{a};1000;20\n{b};\"2 000\";\n");
        let rows = parse_reach_csv(good.as_bytes()).unwrap().unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1].2.impressions, Some(2000));
        assert_eq!(rows[1].0, 3);
        let bad =
            format!("publication,impressions,engagements\n{a},ten,5\nnot-an-id,1,x\n{a},1,1\n");
        let errors = parse_reach_csv(bad.as_bytes()).unwrap().unwrap_err();
        let found: Vec<(u64, &str, Problem)> = errors
            .iter()
            .map(|e| (e.line, e.invalid.field, e.invalid.problem))
            .collect();
        assert_eq!(
            found,
            [
                (2, "impressions", Problem::Number),
                (3, "publication", Problem::UnknownValue),
                (3, "engagements", Problem::Number),
                (4, "publication", Problem::Taken),
            ]
        );
        assert_eq!(
            parse_reach_csv(b"impressions\n5\n"),
            Err(ImportError::MissingColumn("publication"))
        );
        assert_eq!(parse_reach_csv(b"publication\n"), Err(ImportError::Empty));
    }

    proptest! {
        #[test]
        fn a_month_grid_is_whole_weeks_from_monday_covering_the_month(y in 2000i32..2100, m in 1u32..=12, d in 1u32..=28) {
            let day = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            let grid = month_grid(day);
            prop_assert_eq!(grid.len() % 7, 0);
            prop_assert_eq!(grid[0].weekday(), chrono::Weekday::Mon);
            prop_assert!(grid.contains(&day.with_day(1).unwrap()));
            prop_assert!(grid.len() <= 42);
            let week = week_of(day);
            prop_assert!(week.contains(&day));
            prop_assert_eq!(week[0].weekday(), chrono::Weekday::Mon);
        }
    }
}
