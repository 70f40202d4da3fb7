use std::sync::Arc;

use axum::http::{HeaderMap, header};

use tadamun_store::Db;
use tadamun_store::versions::Kept;

use crate::events::shared_calendar::GridKey;

/// How many calendar grids of each kind are kept at most: 100 to 200 KB each for a
/// busy month.
const CALENDAR_GRIDS: usize = 64;

/// How many slot searches are kept: each is a few dozen starts and a week's grid.
const SLOT_SEARCHES: usize = 64;

/// How many plans' timelines, and how many plans' pages, are kept at most: 300 to
/// 400 KB each for a plan of 500 items, per language (and for pages, per owners seen).
const PLAN_PAGES: usize = 16;

/// How many campaigns' translation matrices are kept at most: a few hundred KB each.
const MATRICES: usize = 32;

/// How this server is deployed.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// The address people reach Tadamun at (`https://tadamun.example.org`). When it is
    /// https, cookies are marked Secure. Without it, links that must be absolute are
    /// built from the request (see [`Settings::base_url`]).
    pub public_url: Option<String>,
    /// Trust `X-Forwarded-For` and `X-Forwarded-Proto` from a reverse proxy.
    pub behind_proxy: bool,
    /// The SMTP server reminders go through; none keeps them queued.
    pub smtp: Option<crate::reminders::SmtpSettings>,
}

impl Settings {
    /// The start of absolute links (no trailing `/`) for a request with `headers`:
    /// `public_url` when set, else the request's `Host`, over https only when a
    /// trusted proxy says so (`X-Forwarded-Proto: https`). `None` when neither gives a
    /// usable address; the caller then falls back to a relative link.
    pub fn base_url(&self, headers: &HeaderMap) -> Option<String> {
        if let Some(url) = self.public_url.as_deref() {
            return Some(url.trim_end_matches('/').to_owned());
        }
        let host = headers
            .get(header::HOST)
            .and_then(|v| v.to_str().ok())
            .filter(|h| plausible_host(h))?;
        let https = self.behind_proxy
            && headers
                .get("x-forwarded-proto")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.split(',').next())
                .is_some_and(|p| p.trim().eq_ignore_ascii_case("https"));
        let scheme = if https { "https" } else { "http" };
        Some(format!("{scheme}://{host}"))
    }

    /// Whether cookies must only travel over https.
    pub fn secure_cookies(&self) -> bool {
        self.public_url
            .as_deref()
            .is_some_and(|u| u.starts_with("https://"))
    }
}

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    /// The database.
    pub db: Db,
    /// Deployment settings.
    pub settings: Arc<Settings>,
    /// Calendar feeds rendered so far.
    pub(crate) feeds: Arc<crate::events::feed_cache::FeedCache>,
    /// Shared calendar grids rendered at the events' current version: a month is
    /// hundreds of events, the same for every reader with the same language, time
    /// zone and filters.
    pub(crate) calendar_grids: Arc<Kept<GridKey, String>>,
    /// Editorial calendar grids rendered at the campaigns' current version, the same
    /// for every signed-in reader with the same language, time zone and campaign.
    pub(crate) editorial_grids: Arc<Kept<crate::campaigns::calendar::GridKey, String>>,
    /// The slot finder's findings, by everything they are worked out from, at the
    /// organisations' current version (which weighs the countries).
    pub(crate) slot_searches:
        Arc<Kept<crate::coordination::slots::FoundKey, crate::coordination::slots::Found>>,
    /// Plans' timelines (chart and table) drawn at the plans' current version, the
    /// same for every reader of one language on one day.
    pub(crate) timelines:
        Arc<Kept<crate::plans::timeline::ChartKey, crate::plans::timeline::Chart>>,
    /// Plans' pages below their headings drawn at the plans' current version, the
    /// same for every reader who sees the same owners in one language on one day.
    pub(crate) plan_bodies: Arc<Kept<crate::plans::pages::BodyKey, crate::plans::pages::PlanBody>>,
    /// Campaigns' translation matrices read at the translations' and the campaigns'
    /// current versions.
    pub(crate) matrices:
        Arc<Kept<crate::campaigns::matrix::MatrixKey, crate::campaigns::matrix::CampaignMatrix>>,
}

impl AppState {
    /// State for `db` with `settings`.
    pub fn new(db: Db, settings: Settings) -> Self {
        Self {
            db,
            settings: Arc::new(settings),
            feeds: Arc::default(),
            calendar_grids: Arc::new(Kept::new(CALENDAR_GRIDS)),
            editorial_grids: Arc::new(Kept::new(CALENDAR_GRIDS)),
            slot_searches: Arc::new(Kept::new(SLOT_SEARCHES)),
            timelines: Arc::new(Kept::new(PLAN_PAGES)),
            plan_bodies: Arc::new(Kept::new(PLAN_PAGES)),
            matrices: Arc::new(Kept::new(MATRICES)),
        }
    }
}

/// Whether `host` is a `Host` value safe to put in a link: a DNS name or IPv4 address,
/// or a bracketed IPv6 address, with an optional port. The header is whatever the
/// client sent, so anything else (quotes, slashes, spaces, `@`) is refused.
fn plausible_host(host: &str) -> bool {
    let (name, port) = match host.strip_prefix('[') {
        Some(rest) => match rest.split_once(']') {
            Some((ip, after)) => {
                let ipv6 = !ip.is_empty()
                    && ip
                        .chars()
                        .all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.');
                if !ipv6 {
                    return false;
                }
                match after {
                    "" => return true,
                    _ => match after.strip_prefix(':') {
                        Some(port) => (None, Some(port)),
                        None => return false,
                    },
                }
            }
            None => return false,
        },
        None => match host.split_once(':') {
            Some((name, port)) => (Some(name), Some(port)),
            None => (Some(host), None),
        },
    };
    let port_ok = port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.parse::<u16>().is_ok());
    let name_ok = name.is_none_or(|n| {
        n.len() <= 253
            && n.split('.').all(|label| {
                !label.is_empty()
                    && label.len() <= 63
                    && !label.starts_with('-')
                    && !label.ends_with('-')
                    && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            })
    });
    port_ok && name_ok
}

#[cfg(test)]
mod tests {
    use super::plausible_host;

    #[test]
    fn only_plain_host_names_and_addresses_make_links() {
        for good in [
            "tadamun.example.org",
            "localhost:8080",
            "127.0.0.1:3000",
            "[::1]:8080",
            "[2001:db8::1]",
            "xn--mgbh0fb.example",
        ] {
            assert!(plausible_host(good), "{good}");
        }
        for bad in [
            "",
            "evil.example/path",
            "a b",
            "user@evil.example",
            "evil.example\"><script>",
            "host:",
            "host:99999",
            "host:80:80",
            "-bad.example",
            "bad..example",
            "[::1",
            "[::1]x",
            "[]",
        ] {
            assert!(!plausible_host(bad), "{bad}");
        }
    }
}
