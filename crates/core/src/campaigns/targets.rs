//! A campaign's targets: whom it presses (a company, an institution, a government
//! body …), in which country, what it demands of them, and the outcome.
//!
//! An outcome other than open is dated (the day it was reached), so wins can be
//! drawn over time; an open target has no outcome date. Evidence is a link.

use chrono::NaiveDate;

use crate::directory::{CountryCode, parse_date, parse_url};
use crate::ids::{CampaignId, CampaignTargetId};
use crate::invalid::{optional_text, required_text};
use crate::{Invalid, Problem};

/// The longest target name.
pub const MAX_NAME: usize = 200;
/// The longest demands text.
pub const MAX_DEMANDS: usize = 5_000;

/// Whom a campaign presses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetKind {
    /// A business.
    Company,
    /// A university, a fund, a museum, an international body …
    Institution,
    /// A ministry, a parliament, a city council …
    Government,
    /// Anyone else.
    Other,
}

impl TargetKind {
    /// Every kind, in the order forms list them.
    pub const ALL: [TargetKind; 4] = [
        TargetKind::Company,
        TargetKind::Institution,
        TargetKind::Government,
        TargetKind::Other,
    ];

    /// Parses a kind's name.
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        match raw.trim() {
            "" => Err(Invalid::new("kind", Problem::Required)),
            name => Self::ALL
                .into_iter()
                .find(|k| k.as_str() == name)
                .ok_or(Invalid::new("kind", Problem::UnknownValue)),
        }
    }

    /// The stored and API name.
    pub fn as_str(self) -> &'static str {
        match self {
            TargetKind::Company => "company",
            TargetKind::Institution => "institution",
            TargetKind::Government => "government",
            TargetKind::Other => "other",
        }
    }
}

/// What came of a campaign's demands of a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Not decided yet.
    Open,
    /// The demands were met.
    Won,
    /// Some of the demands were met.
    Partial,
    /// The target refused, and the campaign gave up on it.
    Lost,
}

impl Outcome {
    /// Every outcome, in the order forms list them.
    pub const ALL: [Outcome; 4] = [Outcome::Open, Outcome::Won, Outcome::Partial, Outcome::Lost];

    /// Parses an outcome's name; empty is open.
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        match raw.trim() {
            "" => Ok(Outcome::Open),
            name => Self::ALL
                .into_iter()
                .find(|o| o.as_str() == name)
                .ok_or(Invalid::new("outcome", Problem::UnknownValue)),
        }
    }

    /// The stored and API name.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Open => "open",
            Outcome::Won => "won",
            Outcome::Partial => "partial",
            Outcome::Lost => "lost",
        }
    }

    /// Whether it counts as a win on the chart: won, or partially won.
    pub fn is_win(self) -> bool {
        matches!(self, Outcome::Won | Outcome::Partial)
    }
}

/// The validated details of a target.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TargetFields {
    /// Its name (a company's, a ministry's …).
    pub name: String,
    /// What it is.
    pub kind: TargetKind,
    /// Where it is.
    pub country: Option<CountryCode>,
    /// What the campaign asks of it.
    pub demands: Option<String>,
    /// What came of it.
    pub outcome: Outcome,
    /// When the outcome was reached; none while open.
    pub outcome_date: Option<NaiveDate>,
    /// A link to the evidence of the outcome.
    pub evidence: Option<String>,
}

/// A stored target.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Target {
    /// Its id.
    pub id: CampaignTargetId,
    /// The campaign that presses it.
    pub campaign: CampaignId,
    /// Its details.
    #[serde(flatten)]
    pub fields: TargetFields,
}

/// The raw text of a target form or API body, before validation.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct TargetInput {
    /// Its name.
    #[serde(default)]
    pub name: String,
    /// company, institution, government or other.
    #[serde(default)]
    pub kind: String,
    /// A country code or name, or empty.
    #[serde(default)]
    pub country: Option<String>,
    /// What the campaign asks of it.
    #[serde(default)]
    pub demands: Option<String>,
    /// open, won, partial or lost; open when empty.
    #[serde(default)]
    pub outcome: Option<String>,
    /// `YYYY-MM-DD`; required unless open.
    #[serde(default)]
    pub outcome_date: Option<String>,
    /// An http or https link.
    #[serde(default)]
    pub evidence: Option<String>,
}

impl TargetInput {
    /// Validates every field, reporting the first that is wrong. An open target's
    /// outcome date is dropped: nothing was reached yet.
    pub fn validate(&self) -> Result<TargetFields, Invalid> {
        let text = |raw: &Option<String>| raw.as_deref().unwrap_or_default().to_owned();
        let name = required_text("name", &self.name, MAX_NAME)?;
        let kind = TargetKind::parse(&self.kind)?;
        let country = match text(&self.country).trim() {
            "" => None,
            raw => Some(match crate::geo::find_country(raw) {
                Some(c) => CountryCode::from_stored(c.code.to_owned()),
                None => CountryCode::parse(raw)?,
            }),
        };
        let demands = optional_text("demands", &text(&self.demands), MAX_DEMANDS)?;
        let outcome = Outcome::parse(&text(&self.outcome))?;
        let date = parse_date("outcome_date", &text(&self.outcome_date))?;
        let outcome_date = match (outcome, date) {
            (Outcome::Open, _) => None,
            (_, None) => return Err(Invalid::new("outcome_date", Problem::OutcomeDate)),
            (_, Some(d)) => Some(d),
        };
        Ok(TargetFields {
            name,
            kind,
            country,
            demands,
            outcome,
            outcome_date,
            evidence: parse_url("evidence", &text(&self.evidence))?,
        })
    }
}

/// The form values of a stored target.
pub fn input_of(f: &TargetFields) -> TargetInput {
    TargetInput {
        name: f.name.clone(),
        kind: f.kind.as_str().to_owned(),
        country: f.country.as_ref().map(|c| c.as_str().to_owned()),
        demands: f.demands.clone(),
        outcome: Some(f.outcome.as_str().to_owned()),
        outcome_date: f.outcome_date.map(|d| d.to_string()),
        evidence: f.evidence.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn good() -> TargetInput {
        TargetInput {
            name: "Northwind Pension Fund".into(),
            kind: "institution".into(),
            country: Some("Norway".into()),
            demands: Some("Divest from the listed companies".into()),
            outcome: Some("won".into()),
            outcome_date: Some("2026-05-12".into()),
            evidence: Some("https://example.org/statement".into()),
        }
    }

    #[test]
    fn a_target_form_names_the_field_at_fault_and_round_trips() {
        let f = good().validate().unwrap();
        assert_eq!(f.country.as_ref().map(CountryCode::as_str), Some("NO"));
        assert_eq!(input_of(&f).validate(), Ok(f));
        let bad = |change: fn(&mut TargetInput)| {
            let mut i = good();
            change(&mut i);
            i.validate().unwrap_err()
        };
        assert_eq!(
            bad(|i| i.name = "".into()),
            Invalid::new("name", Problem::Required)
        );
        assert_eq!(
            bad(|i| i.kind = "".into()),
            Invalid::new("kind", Problem::Required)
        );
        assert_eq!(
            bad(|i| i.outcome = Some("maybe".into())),
            Invalid::new("outcome", Problem::UnknownValue)
        );
        assert_eq!(
            bad(|i| i.outcome_date = None),
            Invalid::new("outcome_date", Problem::OutcomeDate)
        );
        assert_eq!(
            bad(|i| i.evidence = Some("javascript:alert(1)".into())),
            Invalid::new("evidence", Problem::Url)
        );
        assert_eq!(
            bad(|i| i.country = Some("Atlantis".into())),
            Invalid::new("country", Problem::Country)
        );
    }

    #[test]
    fn an_open_target_has_no_outcome_date() {
        let mut i = good();
        i.outcome = Some("".into());
        let f = i.validate().unwrap();
        assert_eq!((f.outcome, f.outcome_date), (Outcome::Open, None));
    }

    proptest! {
        #[test]
        fn every_decided_outcome_is_dated_and_every_open_one_is_not(
            outcome in prop::sample::select(Outcome::ALL.to_vec()),
            dated in any::<bool>(),
        ) {
            let mut i = good();
            i.outcome = Some(outcome.as_str().into());
            i.outcome_date = dated.then(|| "2026-01-31".into());
            match i.validate() {
                Ok(f) => {
                    prop_assert_eq!(f.outcome_date.is_some(), outcome != Outcome::Open);
                }
                Err(e) => {
                    prop_assert!(outcome != Outcome::Open && !dated);
                    prop_assert_eq!(e, Invalid::new("outcome_date", Problem::OutcomeDate));
                }
            }
        }
    }
}
