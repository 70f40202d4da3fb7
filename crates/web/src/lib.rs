//! Tadamun's web application: server-rendered pages, the JSON API under `/api/v1`,
//! sessions, access control and the HTTP layers around them.
//!
//! Each area has a module exporting `router()`; [`router`] merges them. The API
//! routes live in [`api`], one module per area, collected into the OpenAPI document.

mod accounts;
pub mod api;
mod audit;
mod caller;
mod campaigns;
mod coordination;
mod coverage;
mod directory;
mod error;
mod events;
mod forms;
mod groups;
mod health;
mod home;
pub mod i18n;
mod layers;
mod picker;
mod plans;
pub mod reminders;
mod search;
mod shell;
mod state;
mod static_files;

use std::net::SocketAddr;

use axum::Router;
use tadamun_store::Db;
use tokio::net::TcpListener;

pub use directory::import;
pub use error::AppError;
pub use state::{AppState, Settings};

/// The whole application, with every layer, ready to serve.
pub fn router(state: AppState) -> Router {
    let pages = Router::new()
        .merge(home::router())
        .merge(accounts::router())
        .merge(directory::router())
        .merge(coverage::router())
        .merge(groups::router())
        .merge(events::router())
        .merge(plans::router())
        .merge(campaigns::router())
        .merge(reminders::router())
        .merge(coordination::router())
        .merge(audit::router())
        .merge(search::router())
        .merge(api::router())
        .fallback(not_found);
    let pages = layers::with_caller(pages, state.clone());
    let open = Router::new()
        .merge(health::router())
        .merge(static_files::router());
    layers::around(open.merge(pages), &state.settings).with_state(state)
}

/// Every path no route matches: the not-found page (or JSON error under `/api/`), in
/// the caller's language.
async fn not_found() -> AppError {
    AppError::NotFound
}

/// A bound, not yet running server: tests and `tadamun serve` start it the same way.
pub struct Server {
    listener: TcpListener,
    app: Router,
}

impl Server {
    /// Binds `listen` (port 0 picks a free port) and builds the application on `db`.
    pub async fn bind(db: Db, settings: Settings, listen: SocketAddr) -> std::io::Result<Self> {
        let listener = TcpListener::bind(listen).await?;
        let app = router(AppState::new(db, settings));
        Ok(Self { listener, app })
    }

    /// The address actually bound.
    pub fn addr(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// Serves until `shutdown` completes, then finishes the requests in flight.
    pub async fn run(
        self,
        shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let service = self.app.into_make_service_with_connect_info::<SocketAddr>();
        axum::serve(self.listener, service)
            .with_graceful_shutdown(shutdown)
            .await
    }
}
