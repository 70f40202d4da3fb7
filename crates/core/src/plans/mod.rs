//! Plans and measurement: the tree of plan items (`items`) and the rules over it
//! (`tree`: dates within the parent, dependencies, roll-up of progress, overdue),
//! indicators with their measurements (`indicators`), the forecast from the trend
//! (`forecast`), the geometry of an indicator's chart (`chart`) and of a plan's
//! timeline (`gantt`).

pub mod chart;
pub mod forecast;
pub mod gantt;
pub mod indicators;
pub mod items;
mod level;
pub mod tree;

pub use forecast::{Forecast, ForecastStatus};
pub use indicators::{
    Direction, Indicator, IndicatorFields, IndicatorInput, Measurement, MeasurementFields,
    MeasurementInput, Point,
};
pub use items::{
    Dates, Level, Owner, Percent, PlanItem, PlanItemFields, PlanItemInput, Status, Weight,
};
pub use tree::{Dependency, Node, Tree};

use std::collections::BTreeMap;

use crate::i18n::Lang;
use crate::invalid::optional_text;
use crate::languages::LanguageCode;
use crate::{Invalid, Problem};

/// The largest magnitude an indicator value may have; far beyond any count or
/// amount the coalition measures, and small enough for exact day arithmetic.
pub const MAX_VALUE: f64 = 1e12;

/// Parses a decimal number such as `12`, `-3.5` or `1e3`, refusing infinities, NaN
/// and magnitudes above [`MAX_VALUE`].
pub fn parse_number(field: &'static str, raw: &str) -> Result<f64, Invalid> {
    let text = raw.trim();
    if text.is_empty() {
        return Err(Invalid::new(field, Problem::Required));
    }
    text.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && v.abs() <= MAX_VALUE)
        .ok_or(Invalid::new(field, Problem::Number))
}

/// The primary language of a title or name: English when absent.
pub(crate) fn primary_lang(
    field: &'static str,
    raw: Option<&str>,
) -> Result<LanguageCode, Invalid> {
    match raw.map(str::trim) {
        None | Some("") => Ok(LanguageCode::from_stored("en".into())),
        Some(code) => LanguageCode::parse(field, code),
    }
}

/// The translations of `primary` (in `primary_lang`) into the interface languages,
/// keeping only those that say something the primary text does not, as organisations'
/// names do.
pub(crate) fn translations(
    primary: &str,
    primary_lang: &LanguageCode,
    given: [(Lang, &'static str, &Option<String>); 4],
    max: usize,
) -> Result<BTreeMap<Lang, String>, Invalid> {
    let mut out = BTreeMap::new();
    for (lang, field, raw) in given {
        let text = optional_text(field, raw.as_deref().unwrap_or_default(), max)?;
        if let Some(text) = text.filter(|t| t != primary && lang.code() != primary_lang.as_str()) {
            out.insert(lang, text);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn numbers_are_decimals_and_nothing_else() {
        assert_eq!(parse_number("value", " 12 "), Ok(12.0));
        assert_eq!(parse_number("value", "-3.5"), Ok(-3.5));
        assert_eq!(
            parse_number("value", ""),
            Err(Invalid::new("value", Problem::Required))
        );
        for bad in ["twelve", "NaN", "inf", "1e400", "2e12", "3,5"] {
            assert_eq!(
                parse_number("value", bad),
                Err(Invalid::new("value", Problem::Number)),
                "{bad}"
            );
        }
    }

    proptest! {
        #[test]
        fn accepted_numbers_are_finite_and_bounded(raw in "\\PC{0,12}") {
            if let Ok(v) = parse_number("value", &raw) {
                prop_assert!(v.is_finite() && v.abs() <= MAX_VALUE);
            }
        }

        #[test]
        fn every_value_in_range_reads_back_from_its_text(v in -MAX_VALUE..MAX_VALUE) {
            prop_assert_eq!(parse_number("value", &v.to_string()), Ok(v));
        }
    }
}
