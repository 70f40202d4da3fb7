//! Countries and regions: every ISO 3166-1 country and territory in the UN M49 tree,
//! its sub-region and region, and their names in each interface language.
//!
//! The data is Unicode CLDR's, converted by `tools/geodata` into `data/*.tsv` and
//! compiled in (see `data/SOURCE.md`).

use std::sync::OnceLock;

use chrono::Weekday;

use crate::i18n::Lang;
use crate::search::normalise;
use crate::time::Zone;

/// The UN M49 code of the whole world, parent of the regions.
pub const WORLD: &str = "001";

/// A country or territory.
#[derive(Debug, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166-1 alpha-2 code.
    pub code: &'static str,
    /// UN M49 code of its sub-region (`014` Eastern Africa).
    pub subregion: &'static str,
    names: [&'static str; 4],
}

/// A region (`002` Africa) or sub-region (`014` Eastern Africa) of UN M49.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct Region {
    /// UN M49 code.
    pub m49: &'static str,
    /// The region containing it, or [`WORLD`] for the top-level regions.
    pub parent: &'static str,
    names: [&'static str; 4],
}

fn lang_index(lang: Lang) -> usize {
    match lang {
        Lang::Ar => 0,
        Lang::En => 1,
        Lang::Fr => 2,
        Lang::Es => 3,
    }
}

impl Country {
    /// The country's name in `lang`.
    pub fn name(&self, lang: Lang) -> &'static str {
        self.names[lang_index(lang)]
    }

    /// Its sub-region.
    pub fn subregion(&self) -> &'static Region {
        region(self.subregion).unwrap_or(&data().world)
    }

    /// Its top-level region (Africa, Americas, Asia, Europe, Oceania).
    pub fn region(&self) -> &'static Region {
        region(self.subregion().parent).unwrap_or(&data().world)
    }
}

impl Region {
    /// The region's name in `lang`.
    pub fn name(&self, lang: Lang) -> &'static str {
        self.names[lang_index(lang)]
    }

    /// Whether this is one of the five top-level regions.
    pub fn is_top_level(&self) -> bool {
        self.parent == WORLD
    }
}

struct Data {
    countries: Vec<Country>,
    regions: Vec<Region>,
    world: Region,
}

fn rows(
    tsv: &'static str,
) -> impl Iterator<Item = (&'static str, &'static str, [&'static str; 4])> {
    tsv.lines()
        .skip(1)
        .filter(|l| !l.is_empty())
        .filter_map(|line| {
            let mut f = line.split('\t');
            let (code, parent) = (f.next()?, f.next()?);
            Some((code, parent, [f.next()?, f.next()?, f.next()?, f.next()?]))
        })
}

fn data() -> &'static Data {
    static DATA: OnceLock<Data> = OnceLock::new();
    DATA.get_or_init(|| Data {
        countries: rows(include_str!("../data/countries.tsv"))
            .map(|(code, subregion, names)| Country {
                code,
                subregion,
                names,
            })
            .collect(),
        regions: rows(include_str!("../data/regions.tsv"))
            .map(|(m49, parent, names)| Region { m49, parent, names })
            .collect(),
        world: Region {
            m49: WORLD,
            parent: WORLD,
            names: ["العالم", "World", "Monde", "Mundo"],
        },
    })
}

/// Every country, by code.
pub fn countries() -> &'static [Country] {
    &data().countries
}

/// The country with this ISO code (upper case).
pub fn country(code: &str) -> Option<&'static Country> {
    let all = countries();
    all.binary_search_by(|c| c.code.cmp(code))
        .ok()
        .map(|i| &all[i])
}

/// Every region and sub-region, regions first in CLDR's order, each followed by its
/// sub-regions.
pub fn regions() -> &'static [Region] {
    &data().regions
}

/// The region or sub-region with this M49 code.
pub fn region(m49: &str) -> Option<&'static Region> {
    regions().iter().find(|r| r.m49 == m49)
}

/// The countries in a region or sub-region.
pub fn countries_in(m49: &str) -> impl Iterator<Item = &'static Country> {
    let m49 = m49.to_owned();
    countries()
        .iter()
        .filter(move |c| c.subregion == m49 || c.subregion().parent == m49)
}

/// The time zones in use in a country (from the tz database's `zone.tab`, converted by
/// `tools/tzdata` into `data/zones.tsv`); empty for the uninhabited ones.
pub fn zones_of(code: &str) -> &'static [Zone] {
    static ZONES: OnceLock<Vec<(&'static str, Vec<Zone>)>> = OnceLock::new();
    let all = ZONES.get_or_init(|| {
        include_str!("../data/zones.tsv")
            .lines()
            .skip(1)
            .filter_map(|line| line.split_once('\t'))
            .map(|(code, zones)| {
                let zones = zones.split(',').filter_map(|z| Zone::parse(z).ok());
                (code, zones.collect())
            })
            .collect()
    });
    all.binary_search_by(|(c, _)| (*c).cmp(code))
        .map_or(&[], |i| all[i].1.as_slice())
}

/// A country's weekend as its first and last day (Saturday and Sunday unless Unicode
/// CLDR's week data says otherwise, as in most of the Arab world: Friday and
/// Saturday), from `data/weekends.tsv`.
pub fn weekend_of(code: &str) -> (Weekday, Weekday) {
    static WEEKENDS: OnceLock<Vec<(&'static str, Weekday, Weekday)>> = OnceLock::new();
    let all = WEEKENDS.get_or_init(|| {
        include_str!("../data/weekends.tsv")
            .lines()
            .skip(1)
            .filter_map(|line| {
                let mut f = line.split('\t');
                let code = f.next()?;
                Some((code, f.next()?.parse().ok()?, f.next()?.parse().ok()?))
            })
            .collect()
    });
    let find = |code: &str| all.iter().find(|(c, ..)| *c == code);
    find(code)
        .or_else(|| find(WORLD))
        .map_or((Weekday::Sat, Weekday::Sun), |(_, a, b)| (*a, *b))
}

/// Whether `day` falls in the weekend of the country `code`.
pub fn is_weekend(code: &str, day: Weekday) -> bool {
    in_weekend(weekend_of(code), day)
}

/// Whether `day` falls in the weekend running from `first` to `last`.
pub fn in_weekend((first, last): (Weekday, Weekday), day: Weekday) -> bool {
    let (first, last, day) = (
        first.num_days_from_monday(),
        last.num_days_from_monday(),
        day.num_days_from_monday(),
    );
    if first <= last {
        (first..=last).contains(&day)
    } else {
        day >= first || day <= last
    }
}

/// Finds a country by its code or by its name in any interface language, ignoring
/// case, accents and Arabic spelling variants ("côte d'ivoire", "الأردن", "Jordania").
pub fn find_country(text: &str) -> Option<&'static Country> {
    let trimmed = text.trim();
    if trimmed.len() == 2
        && let Some(c) = country(&trimmed.to_ascii_uppercase())
    {
        return Some(c);
    }
    static INDEX: OnceLock<Vec<(String, &'static Country)>> = OnceLock::new();
    let index = INDEX.get_or_init(|| {
        countries()
            .iter()
            .flat_map(|c| c.names.iter().map(move |n| (normalise(n), c)))
            .collect()
    });
    let wanted = normalise(trimmed);
    index
        .iter()
        .find(|(name, _)| *name == wanted)
        .map(|(_, c)| *c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_country_sits_in_a_sub_region_of_a_top_level_region() {
        assert!(countries().len() > 240);
        for c in countries() {
            assert!(
                c.subregion().parent != WORLD || c.subregion().m49 == WORLD,
                "{}",
                c.code
            );
            assert!(c.region().is_top_level(), "{}", c.code);
            for lang in Lang::ALL {
                assert!(!c.name(lang).is_empty());
            }
        }
        assert_eq!(regions().iter().filter(|r| r.is_top_level()).count(), 5);
    }

    #[test]
    fn every_inhabited_country_has_its_time_zones() {
        let zones = include_str!("../data/zones.tsv");
        for line in zones.lines().skip(1) {
            let (code, names) = line.split_once('\t').unwrap();
            assert!(country(code).is_some(), "{code}");
            assert_eq!(zones_of(code).len(), names.split(',').count(), "{code}");
        }
        assert_eq!(zones_of("KE")[0].name(), "Africa/Nairobi");
        assert_eq!(zones_of("XK")[0].name(), "Europe/Belgrade");
        assert!(zones_of("US").len() > 5);
        let without: Vec<_> = countries()
            .iter()
            .filter(|c| zones_of(c.code).is_empty())
            .map(|c| c.code)
            .collect();
        assert_eq!(without, ["BV", "CP", "HM"]);
    }

    #[test]
    fn weekends_follow_each_country() {
        assert_eq!(weekend_of("KE"), (Weekday::Sat, Weekday::Sun));
        assert_eq!(weekend_of("SA"), (Weekday::Fri, Weekday::Sat));
        assert!(is_weekend("EG", Weekday::Fri) && !is_weekend("EG", Weekday::Sun));
        assert!(is_weekend("GB", Weekday::Sun) && !is_weekend("GB", Weekday::Fri));
        assert!(is_weekend("IN", Weekday::Sun) && !is_weekend("IN", Weekday::Sat));
    }

    #[test]
    fn kenya_rolls_up_to_eastern_africa_and_africa() {
        let kenya = country("KE").unwrap();
        assert_eq!(kenya.subregion().name(Lang::En), "Eastern Africa");
        assert_eq!(kenya.region().m49, "002");
        assert_eq!(kenya.name(Lang::Ar), "كينيا");
        assert!(countries_in("002").any(|c| c.code == "SN"));
        assert!(countries_in("014").all(|c| c.region().m49 == "002"));
        assert!(!countries_in("002").any(|c| c.code == "FR"));
    }

    #[test]
    fn countries_are_found_by_code_or_name_in_every_language() {
        assert_eq!(find_country("ke").map(|c| c.code), Some("KE"));
        assert_eq!(find_country("Côte d’Ivoire").map(|c| c.code), Some("CI"));
        assert_eq!(find_country("  jordania ").map(|c| c.code), Some("JO"));
        assert_eq!(find_country("الاردن").map(|c| c.code), Some("JO"));
        assert_eq!(find_country("Sénégal").map(|c| c.code), Some("SN"));
        assert_eq!(find_country("senegal").map(|c| c.code), Some("SN"));
        assert_eq!(find_country("Palestine").map(|c| c.code), Some("PS"));
        assert_eq!(find_country("Atlantis"), None);
    }
}
