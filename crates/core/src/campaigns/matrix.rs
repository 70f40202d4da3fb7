//! The translation matrix of a campaign: one row per content item, one column per
//! language of the campaign, each cell the item's source or the state of its
//! translation, with what is missing and what is late counted.

use chrono::NaiveDate;

use super::content::{ContentItem, Translation, TranslationState, is_late};
use crate::languages::LanguageCode;

/// One cell of the matrix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// The language the item is written in.
    Source,
    /// A language outside the campaign's (another item's source): nothing to do.
    NotNeeded,
    /// A translation and whether it is late or out of date.
    Translation {
        /// Where it stands.
        state: TranslationState,
        /// Not approved by its due date.
        late: bool,
        /// The source changed after it was approved.
        outdated: bool,
    },
}

/// One row: an item and its cells in the order of the matrix's languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The item.
    pub item: ContentItem,
    /// One cell per language.
    pub cells: Vec<Cell>,
}

/// A campaign's matrix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matrix {
    /// The columns: the campaign's languages, then any source language it lacks.
    pub languages: Vec<LanguageCode>,
    /// One row per item.
    pub rows: Vec<Row>,
    /// Translations still missing.
    pub missing: usize,
    /// Translations late on the day the matrix was made.
    pub late: usize,
    /// Translations out of date.
    pub outdated: usize,
}

impl Matrix {
    /// The matrix of `items` (each with its translations) over `languages`, on `today`.
    pub fn new(
        languages: &[LanguageCode],
        items: Vec<(ContentItem, Vec<Translation>)>,
        today: NaiveDate,
    ) -> Self {
        let mut columns = languages.to_vec();
        for (item, _) in &items {
            if !columns.contains(&item.fields.source_lang) {
                columns.push(item.fields.source_lang.clone());
            }
        }
        let (mut missing, mut late, mut outdated) = (0, 0, 0);
        let rows = items
            .into_iter()
            .map(|(item, translations)| {
                let cells = columns
                    .iter()
                    .map(|lang| {
                        if *lang == item.fields.source_lang {
                            return Cell::Source;
                        }
                        if !languages.contains(lang) {
                            return Cell::NotNeeded;
                        }
                        let (state, due, old) = translations
                            .iter()
                            .find(|t| &t.lang == lang)
                            .map_or((TranslationState::Missing, None, false), |t| {
                                (t.state, t.fields.due, t.outdated)
                            });
                        let is_late = is_late(state, due, today);
                        missing += usize::from(state == TranslationState::Missing);
                        late += usize::from(is_late);
                        outdated += usize::from(old);
                        Cell::Translation {
                            state,
                            late: is_late,
                            outdated: old,
                        }
                    })
                    .collect();
                Row { item, cells }
            })
            .collect();
        Self {
            languages: columns,
            rows,
            missing,
            late,
            outdated,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::campaigns::content::{Channel, ContentFields, ContentKind, TranslationFields};
    use crate::ids::{CampaignId, ContentItemId};

    fn lang(c: &str) -> LanguageCode {
        LanguageCode::from_stored(c.into())
    }

    fn item(source: &str) -> ContentItem {
        ContentItem {
            id: ContentItemId::new(),
            campaign: CampaignId::new(),
            fields: ContentFields {
                kind: ContentKind::Article,
                channel: Channel::Website,
                source_lang: lang(source),
                title: "Title".into(),
                body: None,
            },
        }
    }

    fn translation(
        it: &ContentItem,
        l: &str,
        state: TranslationState,
        due: Option<&str>,
    ) -> Translation {
        Translation {
            item: it.id.clone(),
            lang: lang(l),
            fields: TranslationFields {
                title: None,
                body: None,
                assignee: None,
                due: due.map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap()),
            },
            state,
            outdated: false,
        }
    }

    #[test]
    fn every_cell_is_the_source_or_a_state_and_missing_and_late_ones_are_counted() {
        let today = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
        let a = item("ar");
        let b = item("pt");
        let ta = vec![
            translation(&a, "en", TranslationState::Published, Some("2026-01-01")),
            translation(&a, "fr", TranslationState::Draft, Some("2026-05-01")),
        ];
        let m = Matrix::new(
            &[lang("ar"), lang("en"), lang("fr")],
            vec![(a, ta), (b, vec![])],
            today,
        );
        let codes: Vec<&str> = m.languages.iter().map(LanguageCode::as_str).collect();
        assert_eq!(
            codes,
            ["ar", "en", "fr", "pt"],
            "a source outside the campaign's languages gets a column"
        );
        assert_eq!(m.rows[0].cells[0], Cell::Source);
        assert_eq!(
            m.rows[0].cells[2],
            Cell::Translation {
                state: TranslationState::Draft,
                late: true,
                outdated: false
            }
        );
        assert_eq!(m.rows[1].cells[3], Cell::Source);
        assert_eq!(
            m.rows[0].cells[3],
            Cell::NotNeeded,
            "pt is not a language of the campaign"
        );
        // Missing: b into ar, en and fr.
        assert_eq!((m.missing, m.late, m.outdated), (3, 1, 0));
    }
}
