//! A canned HTTP/1.1 server on localhost for tests (of this crate and of
//! the `sitrep watch` command): it records every request and answers each
//! with what a function of the request says. Not for production use.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};

/// A request as the server saw it; header names lower-cased.
#[derive(Debug, Clone, Default)]
pub struct Request {
    pub path: String,
    pub headers: Vec<(String, String)>,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        let name = name.to_ascii_lowercase();
        self.headers
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// What to answer.
#[derive(Debug, Clone, Default)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn new(status: u16, body: impl Into<Vec<u8>>) -> Self {
        Reply {
            status,
            headers: Vec::new(),
            body: body.into(),
        }
    }

    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_string(), value.to_string()));
        self
    }
}

type Responder = dyn Fn(&Request) -> Reply + Send + Sync;

/// The server; it runs until the process ends.
pub struct CannedServer {
    port: u16,
    requests: Arc<Mutex<Vec<Request>>>,
}

impl CannedServer {
    pub fn start(
        respond: impl Fn(&Request) -> Reply + Send + Sync + 'static,
    ) -> std::io::Result<Self> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let port = listener.local_addr()?.port();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let seen = Arc::clone(&requests);
        let respond: Arc<Responder> = Arc::new(respond);
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                // One connection at a time: requests are recorded in order.
                let _ = serve(stream, &seen, respond.as_ref());
            }
        });
        Ok(CannedServer { port, requests })
    }

    /// `http://127.0.0.1:PORT/path`.
    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// Every request so far, in order.
    pub fn requests(&self) -> Vec<Request> {
        self.requests.lock().map(|r| r.clone()).unwrap_or_default()
    }
}

fn serve(
    stream: TcpStream,
    seen: &Mutex<Vec<Request>>,
    respond: &Responder,
) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
    let mut headers = Vec::new();
    loop {
        line.clear();
        if reader.read_line(&mut line)? == 0 || line.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
        }
    }
    let request = Request { path, headers };
    let reply = respond(&request);
    if let Ok(mut requests) = seen.lock() {
        requests.push(request);
    }
    let mut out = stream;
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nConnection: close\r\n",
        reply.status,
        reason(reply.status)
    );
    for (name, value) in &reply.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    if reply.status != 304 {
        head.push_str(&format!("Content-Length: {}\r\n", reply.body.len()));
    }
    head.push_str("\r\n");
    out.write_all(head.as_bytes())?;
    if reply.status != 304 {
        out.write_all(&reply.body)?;
    }
    out.flush()
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        304 => "Not Modified",
        404 => "Not Found",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    }
}

/// A responder serving `body` with `etag`, and 304 to a request that
/// sends that etag back in `If-None-Match`.
pub fn conditional_feed(
    body: impl Into<Vec<u8>>,
    etag: &str,
) -> impl Fn(&Request) -> Reply + Send + Sync + 'static {
    let body = body.into();
    let etag = etag.to_string();
    move |request: &Request| {
        if request.header("if-none-match") == Some(etag.as_str()) {
            Reply::new(304, Vec::new()).header("ETag", &etag)
        } else {
            Reply::new(200, body.clone())
                .header("Content-Type", "application/rss+xml; charset=utf-8")
                .header("ETag", &etag)
                .header("Last-Modified", "Tue, 16 Mar 2021 10:00:00 GMT")
        }
    }
}
