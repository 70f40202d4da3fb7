use std::sync::Arc;

use tadamun_store::Db;

/// How this server is deployed.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// The address people reach Tadamun at (`https://tadamun.example.org`). When it is
    /// https, cookies are marked Secure.
    pub public_url: Option<String>,
    /// Trust `X-Forwarded-For` and `X-Forwarded-Proto` from a reverse proxy.
    pub behind_proxy: bool,
    /// The SMTP server reminders go through; none keeps them queued.
    pub smtp: Option<crate::reminders::SmtpSettings>,
}

impl Settings {
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
}

impl AppState {
    /// State for `db` with `settings`.
    pub fn new(db: Db, settings: Settings) -> Self {
        Self {
            db,
            settings: Arc::new(settings),
        }
    }
}
