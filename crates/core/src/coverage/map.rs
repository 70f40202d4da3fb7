//! The world map a choropleth is drawn on: one SVG path per country, in the Equal
//! Earth projection, keyed by ISO 3166-1 alpha-2 code.
//!
//! The shapes are Natural Earth's 110m countries, converted by `tools/worldmap` into
//! `data/world.tsv` and compiled in (see `data/SOURCE.md`).

use std::sync::OnceLock;

/// The SVG `viewBox` every path is drawn in (the first line of `data/world.tsv`).
pub const VIEW_BOX: &str = "0 0 1000 440";

const TSV: &str = include_str!("../../data/world.tsv");

/// One country's outline.
#[derive(Debug, PartialEq, Eq)]
pub struct Shape {
    /// ISO 3166-1 alpha-2 code, as in [`crate::geo::country`].
    pub code: &'static str,
    /// The SVG path data (`d` attribute), in [`VIEW_BOX`] coordinates.
    pub path: &'static str,
}

/// Every shape on the map, by code.
pub fn shapes() -> &'static [Shape] {
    static SHAPES: OnceLock<Vec<Shape>> = OnceLock::new();
    SHAPES.get_or_init(|| {
        TSV.lines()
            .skip(1)
            .filter_map(|line| line.split_once('\t'))
            .map(|(code, path)| Shape { code, path })
            .collect()
    })
}

/// The shape of the country with this ISO code (upper case), if the map draws it.
pub fn shape(code: &str) -> Option<&'static Shape> {
    let all = shapes();
    all.binary_search_by(|s| s.code.cmp(code))
        .ok()
        .map(|i| &all[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_view_box_is_the_one_the_paths_were_drawn_in() {
        assert_eq!(
            TSV.lines().next(),
            Some(format!("viewBox\t{VIEW_BOX}").as_str())
        );
    }

    #[test]
    fn every_shape_is_a_known_country_with_a_path() {
        assert!(shapes().len() > 150);
        for s in shapes() {
            assert!(crate::geo::country(s.code).is_some(), "{}", s.code);
            assert!(s.path.starts_with('M') && s.path.len() > 1, "{}", s.code);
        }
        assert!(shapes().windows(2).all(|w| w[0].code < w[1].code));
    }

    #[test]
    fn kenya_brazil_france_and_palestine_are_drawn() {
        for code in ["KE", "BR", "FR", "PS"] {
            assert_eq!(shape(code).map(|s| s.code), Some(code));
        }
        assert_eq!(shape("AQ"), None);
        assert_eq!(shape("ke"), None);
    }
}
