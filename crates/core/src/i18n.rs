//! The interface languages and how a request's language is chosen.

use crate::{Invalid, Problem};

/// An interface language. Every message exists in each of them.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Arabic, written right to left.
    Ar,
    /// English, the fallback.
    En,
    /// French.
    Fr,
    /// Spanish.
    Es,
}

/// Writing direction of a language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    /// Left to right.
    Ltr,
    /// Right to left.
    Rtl,
}

impl Dir {
    /// The value of the HTML `dir` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Dir::Ltr => "ltr",
            Dir::Rtl => "rtl",
        }
    }
}

impl Lang {
    /// Every interface language, in the order the switcher shows them.
    pub const ALL: [Lang; 4] = [Lang::Ar, Lang::En, Lang::Fr, Lang::Es];

    /// Parses a BCP 47 tag (`ar`, `fr-CA`, `es_419`), keeping its primary language.
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let primary = raw
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match primary.as_str() {
            "ar" => Ok(Lang::Ar),
            "en" => Ok(Lang::En),
            "fr" => Ok(Lang::Fr),
            "es" => Ok(Lang::Es),
            "" => Err(Invalid::new("lang", Problem::Required)),
            _ => Err(Invalid::new("lang", Problem::Language)),
        }
    }

    /// The language tag.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Es => "es",
        }
    }

    /// The language's name in itself, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Ar => "العربية",
            Lang::En => "English",
            Lang::Fr => "Français",
            Lang::Es => "Español",
        }
    }

    /// Writing direction.
    pub fn dir(self) -> Dir {
        match self {
            Lang::Ar => Dir::Rtl,
            _ => Dir::Ltr,
        }
    }

    /// The best interface language for an `Accept-Language` header, by its q-values.
    pub fn from_accept_language(header: &str) -> Option<Self> {
        let mut best: Option<(f32, usize, Lang)> = None;
        for (position, part) in header.split(',').enumerate() {
            let mut pieces = part.split(';');
            let tag = pieces.next().unwrap_or_default();
            let q = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            let Ok(lang) = Lang::parse(tag) else { continue };
            if q <= 0.0 {
                continue;
            }
            let better = match best {
                None => true,
                Some((best_q, best_pos, _)) => q > best_q || (q == best_q && position < best_pos),
            };
            if better {
                best = Some((q, position, lang));
            }
        }
        best.map(|(_, _, lang)| lang)
    }

    /// Chooses the language of a request: the user's setting, then `?lang=`, then the
    /// cookie, then `Accept-Language`, then English.
    pub fn choose(
        setting: Option<Lang>,
        query: Option<&str>,
        cookie: Option<&str>,
        accept_language: Option<&str>,
    ) -> Lang {
        setting
            .or_else(|| query.and_then(|q| Lang::parse(q).ok()))
            .or_else(|| cookie.and_then(|c| Lang::parse(c).ok()))
            .or_else(|| accept_language.and_then(Lang::from_accept_language))
            .unwrap_or(Lang::En)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn accept_language_is_read_by_quality() {
        assert_eq!(
            Lang::from_accept_language("de-DE, fr;q=0.8, ar;q=0.9"),
            Some(Lang::Ar)
        );
        assert_eq!(
            Lang::from_accept_language("es-419,en;q=0.5"),
            Some(Lang::Es)
        );
        assert_eq!(Lang::from_accept_language("de, ja"), None);
        assert_eq!(Lang::from_accept_language("ar;q=0"), None);
    }

    #[test]
    fn the_setting_wins_then_query_then_cookie_then_header() {
        assert_eq!(
            Lang::choose(Some(Lang::Fr), Some("ar"), Some("es"), Some("en")),
            Lang::Fr
        );
        assert_eq!(
            Lang::choose(None, Some("ar"), Some("es"), Some("en")),
            Lang::Ar
        );
        assert_eq!(
            Lang::choose(None, Some("xx"), Some("es"), Some("en")),
            Lang::Es
        );
        assert_eq!(Lang::choose(None, None, None, Some("fr-CA")), Lang::Fr);
        assert_eq!(Lang::choose(None, None, None, None), Lang::En);
        assert_eq!(Lang::Ar.dir(), Dir::Rtl);
    }

    proptest! {
        #[test]
        fn any_header_is_handled_without_panicking(header in "\\PC{0,80}") {
            let _ = Lang::from_accept_language(&header);
        }
    }
}
