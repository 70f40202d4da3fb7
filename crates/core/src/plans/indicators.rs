//! Indicators: what the coalition measures (member organisations in Africa, days to
//! publish a translation), from a baseline towards a target, and their dated
//! measurements.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::parse_number;
use crate::directory::parse_date;
use crate::i18n::Lang;
use crate::ids::{IndicatorId, MeasurementId, PersonId, PlanItemId};
use crate::invalid::{optional_text, required_text};
use crate::languages::LanguageCode;
use crate::{Invalid, Problem};

/// Which way an indicator should move.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Higher is better: the target is above the baseline.
    Increase,
    /// Lower is better: the target is below the baseline.
    Decrease,
}

impl Direction {
    /// Both directions, in the order forms list them.
    pub const ALL: [Direction; 2] = [Direction::Increase, Direction::Decrease];

    /// Parses a direction name.
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        match raw.trim() {
            "" => Err(Invalid::new("direction", Problem::Required)),
            "increase" => Ok(Direction::Increase),
            "decrease" => Ok(Direction::Decrease),
            _ => Err(Invalid::new("direction", Problem::UnknownValue)),
        }
    }

    /// The stored and API name.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Increase => "increase",
            Direction::Decrease => "decrease",
        }
    }
}

/// A value on a day: a baseline, a target or a measurement.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Point {
    /// The day.
    pub date: NaiveDate,
    /// The value, in the indicator's unit.
    pub value: f64,
}

/// The latest of `points` by date; of several on that day, the last given (storage
/// lists a day's corrections in the order they were made).
pub fn latest(points: &[Point]) -> Option<&Point> {
    points.iter().max_by_key(|p| p.date)
}

/// The validated details of an indicator.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct IndicatorFields {
    /// Its name in its primary language.
    pub name: String,
    /// The language of its primary name.
    pub name_lang: LanguageCode,
    /// Its name in interface languages other than the primary name's.
    pub names: BTreeMap<Lang, String>,
    /// What its values count (organisations, days, %).
    pub unit: String,
    /// Which way it should move.
    pub direction: Direction,
    /// Where it started.
    pub baseline: Point,
    /// Where it should be, and by when.
    pub target: Point,
    /// Where its values come from.
    pub source: Option<String>,
    /// Who measures it.
    pub responsible: Option<PersonId>,
    /// The plan item whose progress it counts in.
    pub item: Option<PlanItemId>,
}

impl IndicatorFields {
    /// Its name as a reader of `lang` knows it.
    pub fn name_in(&self, lang: Lang) -> &str {
        self.names.get(&lang).map_or(&self.name, String::as_str)
    }

    /// How far `value` is along the way from baseline (0) to target (1), unclamped:
    /// negative when it went the wrong way, above 1 beyond the target. 0 if the way
    /// has no length (a target equal to its baseline, which validation refuses).
    pub fn share(&self, value: f64) -> f64 {
        let share = (value - self.baseline.value) / (self.target.value - self.baseline.value);
        if share.is_finite() { share } else { 0.0 }
    }

    /// The progress, 0–100 %, of the latest measurement; 0 without one.
    pub fn progress(&self, latest: Option<&Point>) -> f64 {
        latest.map_or(0.0, |p| (100.0 * self.share(p.value)).clamp(0.0, 100.0))
    }
}

/// A stored indicator.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Indicator {
    /// Its id.
    pub id: IndicatorId,
    /// Its details.
    #[serde(flatten)]
    pub fields: IndicatorFields,
}

/// The raw text of an indicator form or API body, before validation.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct IndicatorInput {
    /// Name in its primary language.
    #[serde(default)]
    pub name: String,
    /// Language of the primary name (ISO 639 code); English when absent.
    #[serde(default)]
    pub name_lang: Option<String>,
    /// Name in Arabic, if different from the primary name.
    #[serde(default)]
    pub name_ar: Option<String>,
    /// Name in English, if different from the primary name.
    #[serde(default)]
    pub name_en: Option<String>,
    /// Name in French, if different from the primary name.
    #[serde(default)]
    pub name_fr: Option<String>,
    /// Name in Spanish, if different from the primary name.
    #[serde(default)]
    pub name_es: Option<String>,
    /// Unit.
    #[serde(default)]
    pub unit: String,
    /// increase or decrease.
    #[serde(default)]
    pub direction: String,
    /// Baseline value.
    #[serde(default)]
    pub baseline: String,
    /// Baseline date, `YYYY-MM-DD`.
    #[serde(default)]
    pub baseline_date: String,
    /// Target value.
    #[serde(default)]
    pub target: String,
    /// Target date, `YYYY-MM-DD`.
    #[serde(default)]
    pub target_date: String,
    /// Data source.
    #[serde(default)]
    pub source: Option<String>,
    /// The responsible person's id, or empty.
    #[serde(default)]
    pub responsible: Option<String>,
    /// The plan item's id, or empty.
    #[serde(default)]
    pub item: Option<String>,
}

impl IndicatorInput {
    /// Validates every field, reporting the first that is wrong. The target date must
    /// come after the baseline date (`target_date`), and the target must differ from
    /// the baseline in the indicator's direction (`target`).
    pub fn validate(&self) -> Result<IndicatorFields, Invalid> {
        let text = |raw: &Option<String>| raw.as_deref().unwrap_or_default().to_owned();
        let name = required_text("name", &self.name, 200)?;
        let name_lang = super::primary_lang("name_lang", self.name_lang.as_deref())?;
        let names = super::translations(
            &name,
            &name_lang,
            [
                (Lang::Ar, "name_ar", &self.name_ar),
                (Lang::En, "name_en", &self.name_en),
                (Lang::Fr, "name_fr", &self.name_fr),
                (Lang::Es, "name_es", &self.name_es),
            ],
            200,
        )?;
        let unit = required_text("unit", &self.unit, 50)?;
        let direction = Direction::parse(&self.direction)?;
        let point = |value_field, raw_value: &str, date_field, raw_date: &str| {
            Ok::<_, Invalid>(Point {
                value: parse_number(value_field, raw_value)?,
                date: parse_date(date_field, raw_date)?
                    .ok_or(Invalid::new(date_field, Problem::Required))?,
            })
        };
        let baseline = point(
            "baseline",
            &self.baseline,
            "baseline_date",
            &self.baseline_date,
        )?;
        let target = point("target", &self.target, "target_date", &self.target_date)?;
        if target.date <= baseline.date {
            return Err(Invalid::new("target_date", Problem::DatesOutOfOrder));
        }
        let right_way = match direction {
            Direction::Increase => target.value > baseline.value,
            Direction::Decrease => target.value < baseline.value,
        };
        if !right_way {
            return Err(Invalid::new("target", Problem::TargetDirection));
        }
        let responsible = match text(&self.responsible).trim() {
            "" => None,
            id => Some(
                PersonId::parse(id)
                    .map_err(|_| Invalid::new("responsible", Problem::UnknownValue))?,
            ),
        };
        let item = match text(&self.item).trim() {
            "" => None,
            id => Some(
                PlanItemId::parse(id).map_err(|_| Invalid::new("item", Problem::UnknownValue))?,
            ),
        };
        Ok(IndicatorFields {
            name,
            name_lang,
            names,
            unit,
            direction,
            baseline,
            target,
            source: optional_text("source", &text(&self.source), 500)?,
            responsible,
            item,
        })
    }
}

/// The validated details of a measurement. A correction is a new measurement of the
/// same day; storage keeps the ones it replaces.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct MeasurementFields {
    /// The day it was measured.
    pub date: NaiveDate,
    /// The value, in the indicator's unit.
    pub value: f64,
    /// Where it comes from.
    pub source: Option<String>,
    /// Anything a reader should know about it.
    pub note: Option<String>,
}

impl MeasurementFields {
    /// Its date and value.
    pub fn point(&self) -> Point {
        Point {
            date: self.date,
            value: self.value,
        }
    }
}

/// A stored measurement.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Measurement {
    /// Its id.
    pub id: MeasurementId,
    /// The indicator measured.
    pub indicator: IndicatorId,
    /// Its details.
    #[serde(flatten)]
    pub fields: MeasurementFields,
}

/// The raw text of a measurement form or API body, before validation.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct MeasurementInput {
    /// Date, `YYYY-MM-DD`.
    #[serde(default)]
    pub date: String,
    /// Value.
    #[serde(default)]
    pub value: String,
    /// Source.
    #[serde(default)]
    pub source: Option<String>,
    /// Note.
    #[serde(default)]
    pub note: Option<String>,
}

impl MeasurementInput {
    /// Validates a measurement of `indicator`; it may not be dated before the
    /// indicator's baseline (`date`).
    pub fn validate(&self, indicator: &IndicatorFields) -> Result<MeasurementFields, Invalid> {
        let date =
            parse_date("date", &self.date)?.ok_or(Invalid::new("date", Problem::Required))?;
        if date < indicator.baseline.date {
            return Err(Invalid::new("date", Problem::DatesOutOfOrder));
        }
        Ok(MeasurementFields {
            date,
            value: parse_number("value", &self.value)?,
            source: optional_text("source", self.source.as_deref().unwrap_or_default(), 500)?,
            note: optional_text("note", self.note.as_deref().unwrap_or_default(), 2000)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn members_in_africa() -> IndicatorInput {
        IndicatorInput {
            name: "Member organisations in Africa".into(),
            name_fr: Some("Organisations membres en Afrique".into()),
            unit: "organisations".into(),
            direction: "increase".into(),
            baseline: "3".into(),
            baseline_date: "2026-01-01".into(),
            target: "25".into(),
            target_date: "2027-06-30".into(),
            source: Some("Directory, members by region".into()),
            responsible: Some(PersonId::new().to_string()),
            ..Default::default()
        }
    }

    #[test]
    fn an_indicator_form_is_validated() {
        let fields = members_in_africa().validate().unwrap();
        assert_eq!(
            fields.baseline,
            Point {
                date: day(2026, 1, 1),
                value: 3.0
            }
        );
        assert_eq!(
            fields.target,
            Point {
                date: day(2027, 6, 30),
                value: 25.0
            }
        );
        assert_eq!(fields.name_in(Lang::Fr), "Organisations membres en Afrique");
        assert_eq!(fields.name_in(Lang::Ar), "Member organisations in Africa");
        assert!(fields.responsible.is_some());
        assert_eq!(fields.item, None);
    }

    #[test]
    fn an_indicator_form_names_the_field_at_fault() {
        let with = |f: fn(&mut IndicatorInput)| {
            let mut input = members_in_africa();
            f(&mut input);
            input.validate().unwrap_err()
        };
        type Case = (fn(&mut IndicatorInput), &'static str, Problem);
        let cases: [Case; 10] = [
            (|i| i.name = "".into(), "name", Problem::Required),
            (|i| i.unit = " ".into(), "unit", Problem::Required),
            (
                |i| i.direction = "up".into(),
                "direction",
                Problem::UnknownValue,
            ),
            (|i| i.baseline = "three".into(), "baseline", Problem::Number),
            (
                |i| i.baseline_date = "".into(),
                "baseline_date",
                Problem::Required,
            ),
            (
                |i| i.target_date = "2026-01-01".into(),
                "target_date",
                Problem::DatesOutOfOrder,
            ),
            (
                |i| i.target = "3".into(),
                "target",
                Problem::TargetDirection,
            ),
            (
                |i| i.direction = "decrease".into(),
                "target",
                Problem::TargetDirection,
            ),
            (
                |i| i.responsible = Some("Amal".into()),
                "responsible",
                Problem::UnknownValue,
            ),
            (
                |i| i.item = Some("objective 1".into()),
                "item",
                Problem::UnknownValue,
            ),
        ];
        for (change, field, problem) in cases {
            assert_eq!(with(change), Invalid::new(field, problem));
        }
    }

    #[test]
    fn a_measurement_is_dated_no_earlier_than_the_baseline() {
        let indicator = members_in_africa().validate().unwrap();
        let input = MeasurementInput {
            date: "2026-02-01".into(),
            value: "4".into(),
            source: Some("Directory export".into()),
            note: None,
        };
        let fields = input.validate(&indicator).unwrap();
        assert_eq!(
            fields.point(),
            Point {
                date: day(2026, 2, 1),
                value: 4.0
            }
        );
        let early = MeasurementInput {
            date: "2025-12-31".into(),
            ..input.clone()
        };
        assert_eq!(
            early.validate(&indicator),
            Err(Invalid::new("date", Problem::DatesOutOfOrder))
        );
        let blank = MeasurementInput {
            value: "".into(),
            ..input
        };
        assert_eq!(
            blank.validate(&indicator),
            Err(Invalid::new("value", Problem::Required))
        );
    }

    #[test]
    fn progress_is_the_share_of_the_way_from_baseline_to_target() {
        let members = members_in_africa().validate().unwrap();
        let at = |value| Point {
            date: day(2026, 7, 1),
            value,
        };
        assert_eq!(members.progress(None), 0.0);
        assert_eq!(members.progress(Some(&at(14.0))), 50.0);
        assert_eq!(members.progress(Some(&at(2.0))), 0.0);
        assert_eq!(members.progress(Some(&at(30.0))), 100.0);

        let days = IndicatorInput {
            name: "Days to publish a translation".into(),
            unit: "days".into(),
            direction: "decrease".into(),
            baseline: "10".into(),
            target: "3".into(),
            ..members_in_africa()
        }
        .validate()
        .unwrap();
        assert_eq!(days.progress(Some(&at(8.6))).round(), 20.0);
        assert_eq!(days.progress(Some(&at(12.0))), 0.0);

        let points = [
            at(5.0),
            Point {
                date: day(2026, 3, 1),
                value: 9.0,
            },
            at(6.0),
        ];
        assert_eq!(latest(&points), Some(&at(6.0)));
        assert_eq!(latest(&[]), None);
    }

    proptest! {
        #[test]
        fn progress_is_always_between_0_and_100(
            baseline in -1e6f64..1e6,
            gap in 1e-3f64..1e6,
            value in -1e7f64..1e7,
            increase: bool,
        ) {
            let mut fields = members_in_africa().validate().unwrap();
            fields.baseline.value = baseline;
            fields.target.value = if increase { baseline + gap } else { baseline - gap };
            fields.direction = if increase { Direction::Increase } else { Direction::Decrease };
            let p = fields.progress(Some(&Point { date: fields.target.date, value }));
            prop_assert!((0.0..=100.0).contains(&p));
        }
    }
}
