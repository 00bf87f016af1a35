//! `sitrep serve`: a read-only HTTP API over the event store and an offline
//! dashboard (map, timeline, table, evidence view) served from the same
//! binary.
//!
//! Database access: rusqlite is synchronous, so every query runs inside
//! `spawn_blocking` on a [`Store`] taken from a small pool of open
//! connections (opened on demand, at most [`POOL_IDLE`] kept). At most
//! [`MAX_CONCURRENT_QUERIES`] run at once; further requests wait their turn
//! instead of opening ever more connections and threads. SQLite's WAL mode
//! lets those connections read while `sitrep extract` writes.
//!
//! Safety: the server binds to loopback unless told otherwise, every filter
//! reaches SQL as a bound parameter, results are paginated, and the dashboard
//! renders article text through DOM text nodes under a strict
//! Content-Security-Policy (no inline script), so markup inside an article
//! shows as text.

mod api;
mod assets;
mod params;
mod state;

use axum::http::{header, HeaderValue};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use sitrep_store::Store;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

pub use params::{DEFAULT_LIMIT, MAX_LIMIT};

/// Idle connections kept open between requests.
pub const POOL_IDLE: usize = 4;

/// Queries running at once; the rest queue (the machine has few cores, and
/// each query holds a thread and a connection).
pub const MAX_CONCURRENT_QUERIES: usize = 8;

/// Every route the server answers, as written in the router; the OpenAPI
/// test checks each `/api` route and `/openapi.json` is described.
pub const ROUTES: &[&str] = &[
    "/",
    "/assets/{file}",
    "/openapi.json",
    "/api/events",
    "/api/events/{event_id}",
    "/api/stats",
    "/api/control",
    "/api/leaders",
];

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("no database at {0} (run `sitrep extract` or `sitrep demo` first)")]
    MissingDatabase(PathBuf),
    #[error("opening database {path}: {source}")]
    Database {
        path: PathBuf,
        source: sitrep_store::StoreError,
    },
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("server error: {0}")]
    Io(#[from] std::io::Error),
}

/// Shared by all handlers: where the database is and the idle connections.
pub(crate) struct AppState {
    db: PathBuf,
    idle: Mutex<Vec<Store>>,
    running: tokio::sync::Semaphore,
}

impl AppState {
    /// Runs `query` on a pooled connection off the async threads.
    pub(crate) async fn with_store<T, F>(self: &Arc<Self>, query: F) -> Result<T, api::ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> sitrep_store::Result<T> + Send + 'static,
    {
        let _turn =
            self.running.acquire().await.map_err(|closed| {
                api::ApiError::Internal(format!("query queue closed: {closed}"))
            })?;
        let state = Arc::clone(self);
        tokio::task::spawn_blocking(move || {
            let store = state.checkout()?;
            let result = query(&store);
            state.checkin(store);
            result.map_err(api::ApiError::from)
        })
        .await
        .map_err(|join| api::ApiError::Internal(format!("query task failed: {join}")))?
    }

    fn checkout(&self) -> Result<Store, api::ApiError> {
        if let Some(store) = self.idle.lock().ok().and_then(|mut idle| idle.pop()) {
            return Ok(store);
        }
        // `Store::open` would create an empty database: refuse instead, so a
        // database deleted under a running server shows as an error.
        if !self.db.exists() {
            return Err(api::ApiError::Internal(format!(
                "database {} is missing",
                self.db.display()
            )));
        }
        Ok(Store::open(&self.db)?)
    }

    fn checkin(&self, store: Store) {
        if let Ok(mut idle) = self.idle.lock() {
            if idle.len() < POOL_IDLE {
                idle.push(store);
            }
        }
    }
}

/// The whole application: API, OpenAPI description and dashboard.
/// It opens `db` lazily, per request; [`serve`] checks it exists first.
pub fn router(db: PathBuf) -> Router {
    let state = Arc::new(AppState {
        db,
        idle: Mutex::new(Vec::new()),
        running: tokio::sync::Semaphore::new(MAX_CONCURRENT_QUERIES),
    });
    Router::new()
        .route(ROUTES[0], get(assets::index))
        .route(ROUTES[1], get(assets::asset))
        .route(ROUTES[2], get(assets::openapi))
        .route(ROUTES[3], get(api::events))
        .route(ROUTES[4], get(api::event_detail))
        .route(ROUTES[5], get(api::stats))
        .route(ROUTES[6], get(state::control))
        .route(ROUTES[7], get(state::leaders))
        .fallback(api::not_found)
        .layer(axum::middleware::map_response(security_headers))
        .with_state(state)
}

/// Headers on every response: no inline or remote script, no framing, no
/// MIME sniffing. The dashboard needs nothing beyond its own origin.
async fn security_headers(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
             connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
        ),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    response
}

/// A bound listener with the application, ready to run.
pub struct Server {
    listener: tokio::net::TcpListener,
    app: Router,
}

impl Server {
    /// Checks the database opens (running any pending migrations) and binds.
    /// Port 0 picks a free port; see [`Server::local_addr`].
    pub async fn bind(db: PathBuf, addr: SocketAddr) -> Result<Self, ServeError> {
        check_database(&db)?;
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|source| ServeError::Bind { addr, source })?;
        Ok(Server {
            listener,
            app: router(db),
        })
    }

    pub fn local_addr(&self) -> Result<SocketAddr, ServeError> {
        Ok(self.listener.local_addr()?)
    }

    /// Serves until Ctrl-C (or the process is killed).
    pub async fn run(self) -> Result<(), ServeError> {
        axum::serve(self.listener, self.app)
            .with_graceful_shutdown(async {
                // If the signal handler cannot be installed, serve until killed.
                if tokio::signal::ctrl_c().await.is_err() {
                    std::future::pending::<()>().await;
                }
            })
            .await?;
        Ok(())
    }
}

fn check_database(db: &Path) -> Result<(), ServeError> {
    if !db.exists() {
        return Err(ServeError::MissingDatabase(db.to_path_buf()));
    }
    Store::open(db).map_err(|source| ServeError::Database {
        path: db.to_path_buf(),
        source,
    })?;
    Ok(())
}

/// Binds, prints the address on stderr, serves until Ctrl-C.
pub async fn serve(db: PathBuf, bind: SocketAddr) -> Result<(), ServeError> {
    let server = Server::bind(db.clone(), bind).await?;
    if !bind.ip().is_loopback() {
        eprintln!(
            "sitrep: warning: {} is reachable from other machines; the API has no authentication",
            bind.ip()
        );
    }
    eprintln!(
        "sitrep: serving {} on http://{}/ (Ctrl-C stops)",
        db.display(),
        server.local_addr()?
    );
    server.run().await
}

/// [`serve`] for synchronous callers (the CLI): builds a tokio runtime.
pub fn run(db: PathBuf, bind: SocketAddr) -> Result<(), ServeError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(serve(db, bind))
}
