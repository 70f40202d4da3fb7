//! Which column of a file holds which field: header names as people and tools write
//! them, in the four interface languages, matched ignoring case, accents, spaces,
//! underscores, hyphens and punctuation.

use std::sync::OnceLock;

use super::ImportError;
use crate::search::normalise;

/// A field an import reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Column {
    Name,
    NameLang,
    NameAr,
    NameEn,
    NameFr,
    NameEs,
    Kind,
    Country,
    City,
    Website,
    Description,
    FocusAreas,
    Languages,
    Visibility,
    Stage,
    NextStep,
    NextStepDue,
    /// Recognised and deliberately not read: the export's id (an import makes a new
    /// one) and its region columns (derived from the country).
    Skipped,
}

const FIELDS: usize = Column::Skipped as usize;

/// Header names of each column. Within a column the preferred come first: a CiviCRM
/// export with both "Organization Name" and "Display Name" is read by the first.
const ALIASES: &[(&str, Column)] = {
    use Column::*;
    &[
        ("name", Name),
        ("organisation name", Name),
        ("organization name", Name),
        ("org name", Name),
        ("name of organisation", Name),
        ("name of organization", Name),
        ("nom de l'organisation", Name),
        ("nom de l'organisme", Name),
        ("nom de la structure", Name),
        ("nom", Name),
        ("nombre de la organización", Name),
        ("nombre", Name),
        ("اسم المنظمة", Name),
        ("اسم الجمعية", Name),
        ("الاسم", Name),
        ("اسم", Name),
        ("organisation", Name),
        ("organization", Name),
        ("organisme", Name),
        ("organización", Name),
        ("المنظمة", Name),
        ("display name", Name),
        ("company name", Name),
        ("company", Name),
        ("legal name", Name),
        ("raison sociale", Name),
        ("name_lang", NameLang),
        ("name language", NameLang),
        ("language of name", NameLang),
        ("language of the name", NameLang),
        ("langue du nom", NameLang),
        ("idioma del nombre", NameLang),
        ("لغة الاسم", NameLang),
        ("name_ar", NameAr),
        ("arabic name", NameAr),
        ("name in arabic", NameAr),
        ("nom arabe", NameAr),
        ("nom en arabe", NameAr),
        ("nombre en árabe", NameAr),
        ("nombre árabe", NameAr),
        ("الاسم بالعربية", NameAr),
        ("الاسم العربي", NameAr),
        ("name_en", NameEn),
        ("english name", NameEn),
        ("name in english", NameEn),
        ("nom anglais", NameEn),
        ("nom en anglais", NameEn),
        ("nombre en inglés", NameEn),
        ("nombre inglés", NameEn),
        ("الاسم بالإنجليزية", NameEn),
        ("الاسم الإنجليزي", NameEn),
        ("name_fr", NameFr),
        ("french name", NameFr),
        ("name in french", NameFr),
        ("nom français", NameFr),
        ("nom en français", NameFr),
        ("nombre en francés", NameFr),
        ("nombre francés", NameFr),
        ("الاسم بالفرنسية", NameFr),
        ("الاسم الفرنسي", NameFr),
        ("name_es", NameEs),
        ("spanish name", NameEs),
        ("name in spanish", NameEs),
        ("nom espagnol", NameEs),
        ("nom en espagnol", NameEs),
        ("nombre en español", NameEs),
        ("nombre español", NameEs),
        ("الاسم بالإسبانية", NameEs),
        ("الاسم الإسباني", NameEs),
        ("kind", Kind),
        ("type", Kind),
        ("organisation type", Kind),
        ("organization type", Kind),
        ("org type", Kind),
        ("type of organisation", Kind),
        ("type of organization", Kind),
        ("category", Kind),
        ("type d'organisation", Kind),
        ("type de structure", Kind),
        ("catégorie", Kind),
        ("tipo", Kind),
        ("tipo de organización", Kind),
        ("categoría", Kind),
        ("النوع", Kind),
        ("نوع المنظمة", Kind),
        ("الفئة", Kind),
        ("contact subtype", Kind),
        ("country", Country),
        ("country code", Country),
        ("country name", Country),
        ("pays", Country),
        ("code pays", Country),
        ("país", Country),
        ("código de país", Country),
        ("الدولة", Country),
        ("البلد", Country),
        ("دولة", Country),
        ("بلد", Country),
        ("city", City),
        ("town", City),
        ("locality", City),
        ("ville", City),
        ("localité", City),
        ("ciudad", City),
        ("localidad", City),
        ("المدينة", City),
        ("مدينة", City),
        ("website", Website),
        ("url", Website),
        ("website url", Website),
        ("homepage", Website),
        ("web", Website),
        ("site web", Website),
        ("site internet", Website),
        ("site", Website),
        ("sitio web", Website),
        ("página web", Website),
        ("الموقع الإلكتروني", Website),
        ("الموقع", Website),
        ("موقع", Website),
        ("description", Description),
        ("notes", Description),
        ("note", Description),
        ("about", Description),
        ("summary", Description),
        ("descriptif", Description),
        ("présentation", Description),
        ("descripción", Description),
        ("الوصف", Description),
        ("وصف", Description),
        ("نبذة", Description),
        ("ملاحظات", Description),
        ("focus_areas", FocusAreas),
        ("focus", FocusAreas),
        ("focus area", FocusAreas),
        ("areas of focus", FocusAreas),
        ("areas of work", FocusAreas),
        ("domaines", FocusAreas),
        ("domaine", FocusAreas),
        ("domaines d'action", FocusAreas),
        ("domaines d'intervention", FocusAreas),
        ("thématiques", FocusAreas),
        ("áreas", FocusAreas),
        ("áreas de trabajo", FocusAreas),
        ("ámbitos", FocusAreas),
        ("temas", FocusAreas),
        ("مجالات العمل", FocusAreas),
        ("المجالات", FocusAreas),
        ("مجال العمل", FocusAreas),
        ("languages", Languages),
        ("working languages", Languages),
        ("language", Languages),
        ("langues", Languages),
        ("langues de travail", Languages),
        ("langue", Languages),
        ("idiomas", Languages),
        ("idiomas de trabajo", Languages),
        ("idioma", Languages),
        ("lenguas", Languages),
        ("اللغات", Languages),
        ("لغات العمل", Languages),
        ("اللغة", Languages),
        ("visibility", Visibility),
        ("visibilité", Visibility),
        ("visibilidad", Visibility),
        ("الظهور", Visibility),
        ("stage", Stage),
        ("status", Stage),
        ("network status", Stage),
        ("outreach stage", Stage),
        ("pipeline stage", Stage),
        ("étape", Stage),
        ("statut", Stage),
        ("etapa", Stage),
        ("المرحلة", Stage),
        ("الحالة", Stage),
        ("next_step", NextStep),
        ("prochaine étape", NextStep),
        ("siguiente paso", NextStep),
        ("próximo paso", NextStep),
        ("الخطوة التالية", NextStep),
        ("next_step_due", NextStepDue),
        ("due", NextStepDue),
        ("due date", NextStepDue),
        ("échéance", NextStepDue),
        ("date d'échéance", NextStepDue),
        ("fecha límite", NextStepDue),
        ("vencimiento", NextStepDue),
        ("تاريخ الاستحقاق", NextStepDue),
        ("id", Skipped),
        ("subregion", Skipped),
        ("region", Skipped),
    ]
};

/// The matching form of a header name: `Nom de l'organisation` and
/// `NOM_DE_L_ORGANISATION` are both `nomdelorganisation`.
pub(super) fn key(header: &str) -> String {
    normalise(header).replace(' ', "")
}

/// The aliases in matching form, made once per process.
pub(super) fn keys() -> &'static [(String, Column)] {
    static KEYS: OnceLock<Vec<(String, Column)>> = OnceLock::new();
    KEYS.get_or_init(|| ALIASES.iter().map(|(a, c)| (key(a), *c)).collect())
}

/// Which cell of each record holds each field, made once from the header line.
#[derive(Debug)]
pub(super) struct Columns {
    index: [Option<usize>; FIELDS],
    /// Header names of the columns that are not read, in file order.
    pub(super) ignored: Vec<String>,
}

impl Columns {
    /// Maps a header line. Where several columns name the same field, the one with
    /// the preferred name (then the first) is read and the others are ignored.
    pub(super) fn from_header<'h>(
        header: impl Iterator<Item = &'h str>,
    ) -> Result<Self, ImportError> {
        let keys = keys();
        let found: Vec<(&str, Option<(usize, Column)>)> = header
            .map(|h| {
                let k = key(h);
                (
                    h,
                    keys.iter()
                        .position(|(a, _)| *a == k)
                        .map(|rank| (rank, keys[rank].1)),
                )
            })
            .collect();
        let mut best: [Option<(usize, usize)>; FIELDS] = [None; FIELDS];
        for (i, (_, hit)) in found.iter().enumerate() {
            if let Some((rank, column)) = *hit
                && column != Column::Skipped
            {
                let slot = &mut best[column as usize];
                if slot.is_none_or(|(r, _)| rank < r) {
                    *slot = Some((rank, i));
                }
            }
        }
        let index = best.map(|b| b.map(|(_, i)| i));
        let ignored = found
            .iter()
            .enumerate()
            .filter(|(i, (h, hit))| {
                !h.trim().is_empty()
                    && match hit {
                        Some((_, Column::Skipped)) => false,
                        Some((_, column)) => index[*column as usize] != Some(*i),
                        None => true,
                    }
            })
            .map(|(_, (h, _))| h.trim().to_owned())
            .collect();
        let columns = Self { index, ignored };
        for (column, name) in [(Column::Name, "name"), (Column::Country, "country")] {
            if columns.get(column).is_none() {
                return Err(ImportError::MissingColumn(name));
            }
        }
        Ok(columns)
    }

    /// The cell index of `column`, if the file has it.
    pub(super) fn get(&self, column: Column) -> Option<usize> {
        self.index.get(column as usize).copied().flatten()
    }
}
