//! Counting the coalition's presence: organisations per country by where they stand
//! in the pipeline, rolled up to UN M49 sub-regions and regions, and the colour
//! class of each country on the map.

use std::collections::BTreeMap;

use crate::directory::Stage;
use crate::geo::{self, Region};

/// How many organisations a place has at each point of the pipeline.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Tally {
    /// Member organisations.
    pub members: i64,
    /// Partner organisations.
    pub partners: i64,
    /// Organisations on the way in: prospect, contacted or engaged.
    pub prospects: i64,
}

impl Tally {
    /// Adds `count` organisations at `stage` (declined and inactive ones are not
    /// presence, and are not counted).
    pub fn add(&mut self, stage: Stage, count: i64) {
        match stage {
            Stage::Member => self.members += count,
            Stage::Partner => self.partners += count,
            Stage::Prospect | Stage::Contacted | Stage::Engaged => self.prospects += count,
            Stage::Declined | Stage::Inactive => {}
        }
    }

    /// Members and partners: the coalition's presence.
    pub fn present(&self) -> i64 {
        self.members + self.partners
    }

    fn merge(&mut self, other: &Tally) {
        self.members += other.members;
        self.partners += other.partners;
        self.prospects += other.prospects;
    }
}

/// Which organisations colour the map.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Shade {
    /// Members and partners (the default).
    #[default]
    Present,
    /// Members only.
    Members,
    /// Partners only.
    Partners,
    /// Prospects, contacted and engaged.
    Prospects,
}

impl Shade {
    /// Every choice, in the order the page lists them.
    pub const ALL: [Shade; 4] = [
        Shade::Present,
        Shade::Members,
        Shade::Partners,
        Shade::Prospects,
    ];

    /// The query-string form.
    pub fn as_str(self) -> &'static str {
        match self {
            Shade::Present => "present",
            Shade::Members => "members",
            Shade::Partners => "partners",
            Shade::Prospects => "prospects",
        }
    }

    /// Parses the query-string form; empty is the default.
    pub fn parse(raw: &str) -> Result<Self, crate::Invalid> {
        match raw.trim() {
            "" => Ok(Shade::Present),
            s => Self::ALL
                .into_iter()
                .find(|x| x.as_str() == s)
                .ok_or(crate::Invalid::new("status", crate::Problem::UnknownValue)),
        }
    }

    /// The number this shade counts in `tally`.
    pub fn count(self, tally: &Tally) -> i64 {
        match self {
            Shade::Present => tally.present(),
            Shade::Members => tally.members,
            Shade::Partners => tally.partners,
            Shade::Prospects => tally.prospects,
        }
    }
}

/// The colour class of a count on the map: 0 (none), 1, 2–3, 4–7, 8 or more.
pub fn class_of(count: i64) -> u8 {
    match count {
        i64::MIN..=0 => 0,
        1 => 1,
        2..=3 => 2,
        4..=7 => 3,
        _ => 4,
    }
}

/// The lowest count of each class, for the legend.
pub const CLASS_FLOORS: [i64; 5] = [0, 1, 2, 4, 8];

/// Presence per country, sub-region and region.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Coverage {
    /// By ISO 3166-1 code, only countries with at least one organisation counted.
    pub countries: BTreeMap<&'static str, Tally>,
    /// By UN M49 code of each region and sub-region that has any.
    pub regions: BTreeMap<&'static str, Tally>,
}

impl Coverage {
    /// Builds the roll-up from `(country code, stage, count)` rows; unknown codes are
    /// skipped.
    pub fn from_counts<'a>(rows: impl IntoIterator<Item = (&'a str, Stage, i64)>) -> Self {
        let mut coverage = Coverage::default();
        for (code, stage, count) in rows {
            let Some(country) = geo::country(code) else {
                continue;
            };
            coverage
                .countries
                .entry(country.code)
                .or_default()
                .add(stage, count);
        }
        let mut regions: BTreeMap<&'static str, Tally> = BTreeMap::new();
        for (code, tally) in &coverage.countries {
            if let Some(country) = geo::country(code) {
                regions
                    .entry(country.subregion().m49)
                    .or_default()
                    .merge(tally);
                regions
                    .entry(country.region().m49)
                    .or_default()
                    .merge(tally);
            }
        }
        coverage.regions = regions;
        coverage
    }

    /// The tally of a country (zero if it has none).
    pub fn country(&self, code: &str) -> Tally {
        self.countries.get(code).copied().unwrap_or_default()
    }

    /// How many countries of a region or sub-region have at least one member, and how
    /// many countries it has.
    pub fn countries_with_member(&self, region: &Region) -> (usize, usize) {
        geo::countries_in(region.m49).fold((0, 0), |(with, all), c| {
            (
                with + usize::from(self.country(c.code).members > 0),
                all + 1,
            )
        })
    }

    /// The tally of a region or sub-region (zero if it has none).
    pub fn region(&self, region: &Region) -> Tally {
        self.regions.get(region.m49).copied().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn countries_roll_up_to_their_sub_region_and_region() {
        let c = Coverage::from_counts([
            ("KE", Stage::Member, 2),
            ("TZ", Stage::Partner, 1),
            ("SN", Stage::Prospect, 3),
            ("SN", Stage::Declined, 5),
            ("FR", Stage::Member, 1),
            ("??", Stage::Member, 9),
        ]);
        assert_eq!(c.country("KE").members, 2);
        assert_eq!(c.country("SN").prospects, 3);
        let eastern = geo::region("014").unwrap();
        assert_eq!(
            c.region(eastern),
            Tally {
                members: 2,
                partners: 1,
                prospects: 0
            }
        );
        let africa = geo::region("002").unwrap();
        assert_eq!(
            c.region(africa),
            Tally {
                members: 2,
                partners: 1,
                prospects: 3
            }
        );
        assert_eq!(c.region(geo::region("150").unwrap()).members, 1);
        assert_eq!(c.country("BR"), Tally::default());
        let (with, all) = c.countries_with_member(eastern);
        assert_eq!(with, 1);
        assert_eq!(all, geo::countries_in("014").count());
    }

    #[test]
    fn map_classes_have_the_legend_floors() {
        for (class, floor) in CLASS_FLOORS.iter().enumerate() {
            assert_eq!(usize::from(class_of(*floor)), class);
        }
        assert_eq!(class_of(3), 2);
        assert_eq!(class_of(1000), 4);
    }

    proptest! {
        #[test]
        fn a_region_counts_exactly_what_its_countries_count(
            counts in proptest::collection::vec((0usize..250, 0usize..7, 0i64..50), 0..40)
        ) {
            let countries = geo::countries();
            let rows: Vec<(&str, Stage, i64)> = counts
                .iter()
                .map(|(c, s, n)| (countries[c % countries.len()].code, Stage::ALL[*s], *n))
                .collect();
            let c = Coverage::from_counts(rows.iter().copied());
            for region in geo::regions() {
                let sum = geo::countries_in(region.m49)
                    .map(|country| c.country(country.code).present())
                    .sum::<i64>();
                prop_assert_eq!(c.region(region).present(), sum);
            }
        }
    }
}
