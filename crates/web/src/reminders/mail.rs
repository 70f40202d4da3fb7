//! Sending e-mail over SMTP with lettre: the server's settings, and a message built
//! as plain text with an HTML alternative, a `Message-ID` and, where the recipient
//! can choose, a `List-Unsubscribe` link to their settings.

use std::time::Duration;

use askama::Template as _;
use lettre::message::header::{HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport as _, Message, Tokio1Executor};

use super::messages::{Mail, MailHtml, MailText};

/// How the connection to the SMTP server is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tls {
    /// Plain SMTP (a relay on the same host or a test server).
    None,
    /// Plain, then upgraded with STARTTLS (usually port 587).
    StartTls,
    /// TLS from the first byte (usually port 465).
    Tls,
}

impl Tls {
    /// Reads `none`, `starttls` or `tls`.
    pub fn parse(raw: &str) -> Option<Self> {
        match raw.trim().to_ascii_lowercase().as_str() {
            "none" => Some(Tls::None),
            "starttls" => Some(Tls::StartTls),
            "tls" => Some(Tls::Tls),
            _ => None,
        }
    }
}

/// Where and how to send mail.
#[derive(Clone)]
pub struct SmtpSettings {
    /// The SMTP server's host name.
    pub host: String,
    /// Its port; the usual one for `tls` when absent (25, 587 or 465).
    pub port: Option<u16>,
    /// User name, when the server wants one.
    pub username: Option<String>,
    /// Password for `username`.
    pub password: Option<String>,
    /// The sender, `Tadamun <reminders@example.org>`.
    pub from: String,
    /// How the connection is protected.
    pub tls: Tls,
}

impl std::fmt::Debug for SmtpSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpSettings")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("username", &self.username)
            .field("from", &self.from)
            .field("tls", &self.tls)
            .finish_non_exhaustive()
    }
}

/// A connection-less mailer: each message opens its own SMTP session, so a server
/// that restarted between two messages costs nothing.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    domain: String,
}

impl Mailer {
    /// A mailer for `settings`; refused when the sender is not an address or TLS
    /// cannot be set up for the host.
    pub fn new(settings: &SmtpSettings) -> Result<Self, String> {
        let from: Mailbox = settings
            .from
            .parse()
            .map_err(|e| format!("the sender {:?} is not an address: {e}", settings.from))?;
        let host = settings.host.as_str();
        let builder = match settings.tls {
            Tls::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host).port(25),
            Tls::StartTls => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(host)
                .map_err(|e| e.to_string())?,
            Tls::Tls => {
                AsyncSmtpTransport::<Tokio1Executor>::relay(host).map_err(|e| e.to_string())?
            }
        };
        let mut builder = builder.timeout(Some(Duration::from_secs(30)));
        if let Some(port) = settings.port {
            builder = builder.port(port);
        }
        if let Some(user) = &settings.username {
            builder = builder.credentials(Credentials::new(
                user.clone(),
                settings.password.clone().unwrap_or_default(),
            ));
        }
        let domain = from.email.domain().to_owned();
        Ok(Self {
            transport: builder.build(),
            from,
            domain,
        })
    }

    /// A new `Message-ID` for a message from this server.
    pub fn message_id(&self) -> String {
        format!("<{}@{}>", uuid_like(), self.domain)
    }

    /// Sends `mail` to `to` under `message_id`; the error says why the server (or the
    /// network) refused it.
    pub async fn send(&self, to: &str, mail: &Mail, message_id: &str) -> Result<(), String> {
        let to: Mailbox = to
            .parse()
            .map_err(|e| format!("the recipient is not an address: {e}"))?;
        let text = MailText { mail }.render().map_err(|e| e.to_string())?;
        let html = MailHtml { mail }.render().map_err(|e| e.to_string())?;
        let mut builder = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(mail.subject.clone())
            .message_id(Some(message_id.to_owned()));
        if let Some(url) = &mail.preferences {
            builder = builder.raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("List-Unsubscribe"),
                format!("<{url}>"),
            ));
        }
        let message = builder
            .multipart(MultiPart::alternative_plain_html(text, html))
            .map_err(|e| e.to_string())?;
        self.transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|e| e.to_string())
    }
}

/// A unique local part for a `Message-ID`: a new UUIDv7-style job id is unique and
/// says nothing about the recipient.
fn uuid_like() -> String {
    tadamun_core::ids::JobId::new().to_string()
}
