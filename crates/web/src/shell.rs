//! What every page shares: the layout's language and direction, the navigation for
//! the caller's role, the language switcher, and the translation function the
//! templates call.

use askama::Template;
use askama_web::WebTemplate;
use axum::http::StatusCode;
use tadamun_core::i18n::Lang;

use crate::caller::Caller;
use crate::i18n;

/// The parts of the layout that depend on the caller.
#[derive(Debug, Clone)]
pub struct Shell {
    /// The page's language.
    pub lang: Lang,
    /// The signed-in user's name.
    pub user_name: Option<String>,
    /// Whether to show the administration links.
    pub admin: bool,
    /// Where the language switcher returns to.
    pub back: String,
    /// Which navigation entry is current.
    pub section: &'static str,
    /// What the search box holds (the search page's query).
    pub query: String,
}

impl Shell {
    /// The shell of a page in `section` for `caller`.
    pub fn new(caller: &Caller, section: &'static str) -> Self {
        let back = strip_lang(&caller.path);
        Self {
            lang: caller.lang,
            user_name: caller.user.as_ref().map(|u| u.name.clone()),
            admin: caller.viewer.is_admin(),
            back,
            section,
            query: String::new(),
        }
    }

    /// The message `key` in the page's language.
    pub fn t(&self, key: &str) -> String {
        i18n::t(self.lang, key)
    }

    /// A message with a count, choosing the plural form of the language.
    pub fn tn(&self, key: &str, count: &i64) -> String {
        i18n::t_args(self.lang, key, &[("count", i18n::Arg::Num(*count))])
    }

    /// The message named `prefix` + `value`, for enumerations (`role-admin`, …).
    pub fn tk(&self, prefix: &str, value: &str) -> String {
        i18n::t(self.lang, &format!("{prefix}{value}"))
    }

    /// The translated name of a form field.
    pub fn field(&self, name: &str) -> String {
        i18n::field(self.lang, name)
    }

    /// `lang` attribute.
    pub fn lang_code(&self) -> &'static str {
        self.lang.code()
    }

    /// `dir` attribute.
    pub fn dir(&self) -> &'static str {
        self.lang.dir().as_str()
    }

    /// The languages of the switcher: code, name, whether current.
    pub fn languages(&self) -> Vec<(&'static str, &'static str, bool)> {
        Lang::ALL
            .iter()
            .map(|l| (l.code(), l.native_name(), *l == self.lang))
            .collect()
    }

    /// `aria-current` for the navigation entry of `section`.
    pub fn current(&self, section: &str) -> &'static str {
        if self.section == section {
            "page"
        } else {
            "false"
        }
    }
}

fn strip_lang(path: &str) -> String {
    let Some((path, query)) = path.split_once('?') else {
        return path.to_owned();
    };
    let kept: Vec<&str> = query
        .split('&')
        .filter(|p| !p.starts_with("lang="))
        .collect();
    if kept.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{}", kept.join("&"))
    }
}

/// A page telling the caller what went wrong.
#[derive(Template, WebTemplate)]
#[template(path = "error.html")]
pub struct ErrorPage {
    shell: Shell,
    status: u16,
    message: String,
}

impl ErrorPage {
    /// The error page for `status` with a translated `message`.
    pub fn new(caller: &Caller, status: StatusCode, message: String) -> Self {
        Self {
            shell: Shell::new(caller, ""),
            status: status.as_u16(),
            message,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::strip_lang;

    #[test]
    fn the_switcher_returns_to_the_page_without_its_lang_parameter() {
        assert_eq!(
            strip_lang("/organisations?lang=ar&page=2"),
            "/organisations?page=2"
        );
        assert_eq!(strip_lang("/?lang=fr"), "/");
        assert_eq!(strip_lang("/account"), "/account");
    }
}
