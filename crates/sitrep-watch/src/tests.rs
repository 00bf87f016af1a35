use super::testing::{conditional_feed, CannedServer, Reply};
use super::*;

const FEED: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Horn Desk</title>
<item><title>Clashes in Baidoa</title><guid>horn-2</guid><link>https://horn.example.org/baidoa</link>
<pubDate>Wed, 17 Mar 2021 08:00:00 GMT</pubDate>
<description>Fighting between government forces and militants broke out in Baidoa on Tuesday, residents said.</description></item>
<item><title>Market attack in Mogadishu</title><guid>horn-1</guid>
<description>A roadside bomb killed three people near a market in Mogadishu on Monday, police said.</description></item>
<item><title>Gallery</title><guid>horn-0</guid></item>
</channel></rss>"#;

fn client() -> Client {
    Client::new(Duration::from_secs(10))
}

/// Polls with a `take` that records the documents it is given.
fn poll(
    store: &mut Store,
    url: &str,
    options: WatchOptions,
    taken: &mut Vec<Document>,
) -> Result<PollReport, WatchError> {
    poll_feed(&client(), store, url, options, |_, doc| {
        taken.push(doc.clone());
        Ok::<usize, String>(1)
    })
}

#[test]
fn second_poll_is_conditional_and_takes_nothing() {
    let server = CannedServer::start(conditional_feed(FEED, "\"v1\"")).unwrap();
    let url = server.url("/horn.rss");
    let mut store = Store::open_in_memory().unwrap();
    let mut taken = Vec::new();

    let first = poll(&mut store, &url, WatchOptions::default(), &mut taken).unwrap();
    assert!(!first.not_modified);
    assert_eq!((first.items, first.documents, first.events), (3, 2, 2));
    assert_eq!(first.failures.len(), 1, "{:?}", first.failures);
    assert_eq!(first.failures[0].origin, format!("{url}#item-3"));
    // Oldest (last listed) first.
    let ids: Vec<&str> = taken.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["horn-1", "horn-2"]);
    assert_eq!(taken[1].source.as_deref(), Some("Horn Desk"));
    assert_eq!(
        taken[1].url.as_deref(),
        Some("https://horn.example.org/baidoa")
    );
    let state = store.feed_state(&url).unwrap().unwrap();
    assert_eq!(state.etag.as_deref(), Some("\"v1\""));
    assert_eq!(state.last_status, Some(200));

    let second = poll(&mut store, &url, WatchOptions::default(), &mut taken).unwrap();
    assert!(second.not_modified);
    assert_eq!(taken.len(), 2);
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[0].header("if-none-match"), None);
    assert_eq!(requests[1].header("if-none-match"), Some("\"v1\""));
    assert_eq!(
        requests[1].header("if-modified-since"),
        Some("Tue, 16 Mar 2021 10:00:00 GMT")
    );
    assert_eq!(
        store.feed_state(&url).unwrap().unwrap().last_status,
        Some(304)
    );
}

#[test]
fn changed_feed_yields_only_new_items() {
    // A server without validators: every poll is a full 200.
    let server = CannedServer::start(|_: &testing::Request| Reply::new(200, FEED)).unwrap();
    let url = server.url("/horn.rss");
    let mut store = Store::open_in_memory().unwrap();
    let mut taken = Vec::new();
    poll(&mut store, &url, WatchOptions::default(), &mut taken).unwrap();
    let again = poll(&mut store, &url, WatchOptions::default(), &mut taken).unwrap();
    assert!(!again.not_modified);
    assert_eq!(again.items, 3);
    assert_eq!(again.documents, 0);
    // The item without text was remembered too: not reported twice.
    assert!(again.failures.is_empty());
    assert_eq!(taken.len(), 2);
}

#[test]
fn an_edited_item_is_read_again_and_an_unchanged_one_is_not() {
    // The second fetch of the feed carries a corrected toll for horn-1.
    let polls = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counter = Arc::clone(&polls);
    let server = CannedServer::start(move |_: &testing::Request| {
        let body = match counter.fetch_add(1, Ordering::SeqCst) {
            0 => FEED.to_string(),
            _ => FEED.replace("killed three people", "killed five people"),
        };
        Reply::new(200, body)
    })
    .unwrap();
    let url = server.url("/horn.rss");
    let mut store = Store::open_in_memory().unwrap();
    let mut taken = Vec::new();
    let first = poll(&mut store, &url, WatchOptions::default(), &mut taken).unwrap();
    assert_eq!((first.documents, first.updated), (2, 0));
    let second = poll(&mut store, &url, WatchOptions::default(), &mut taken).unwrap();
    assert_eq!((second.documents, second.updated), (1, 1));
    // Only the edited item, under its old id, with its new text.
    assert_eq!(taken.len(), 3);
    assert_eq!(taken[2].id, "horn-1");
    assert!(
        taken[2].text.contains("killed five people"),
        "{}",
        taken[2].text
    );
    // The same edit seen again is not read a third time.
    let third = poll(&mut store, &url, WatchOptions::default(), &mut taken).unwrap();
    assert_eq!((third.documents, third.updated), (0, 0));
}

/// gzip-compresses `body` as a server would for `Content-Encoding: gzip`.
fn gzipped(body: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(body).unwrap();
    encoder.finish().unwrap()
}

#[test]
fn gzip_feeds_are_asked_for_and_read() {
    let server = CannedServer::start(|request: &testing::Request| {
        if request
            .header("accept-encoding")
            .is_some_and(|v| v.contains("gzip"))
        {
            Reply::new(200, gzipped(FEED.as_bytes())).header("Content-Encoding", "gzip")
        } else {
            Reply::new(200, FEED)
        }
    })
    .unwrap();
    let url = server.url("/horn.rss");
    let mut store = Store::open_in_memory().unwrap();
    let mut taken = Vec::new();
    let report = poll(&mut store, &url, WatchOptions::default(), &mut taken).unwrap();
    assert_eq!((report.items, report.documents), (3, 2));
    let requests = server.requests();
    assert!(
        requests[0]
            .header("accept-encoding")
            .is_some_and(|v| v.contains("gzip")),
        "{:?}",
        requests[0].header("accept-encoding")
    );
}

#[test]
fn a_gzip_bomb_is_cut_off_at_the_document_limit() {
    // Zeros compress about a thousandfold: a small reply that would inflate
    // past the per-document limit must fail, not fill memory.
    let inflated = vec![b'0'; DEFAULT_MAX_DOCUMENT_BYTES + 1024];
    let bomb = gzipped(&inflated);
    assert!(bomb.len() < DEFAULT_MAX_DOCUMENT_BYTES / 100);
    let server = CannedServer::start(move |_: &testing::Request| {
        Reply::new(200, bomb.clone()).header("Content-Encoding", "gzip")
    })
    .unwrap();
    let url = server.url("/bomb.rss");
    let mut store = Store::open_in_memory().unwrap();
    let error = poll(&mut store, &url, WatchOptions::default(), &mut Vec::new()).unwrap_err();
    assert!(matches!(error, WatchError::Unreachable { .. }), "{error}");
}

#[test]
fn http_errors_are_reported_and_recorded() {
    let server = CannedServer::start(|_: &testing::Request| Reply::new(503, "busy")).unwrap();
    let url = server.url("/down.rss");
    let mut store = Store::open_in_memory().unwrap();
    let error = poll(&mut store, &url, WatchOptions::default(), &mut Vec::new()).unwrap_err();
    assert!(
        matches!(error, WatchError::Status { status: 503, .. }),
        "{error}"
    );
    assert_eq!(error.to_string(), format!("{url}: HTTP 503"));
    assert_eq!(
        store.feed_state(&url).unwrap().unwrap().last_status,
        Some(503)
    );
}

#[test]
fn malformed_feed_is_an_error_and_keeps_no_validators() {
    let server = CannedServer::start(|_: &testing::Request| {
        Reply::new(200, "<rss><channel><item><title>Cut off").header("ETag", "\"bad\"")
    })
    .unwrap();
    let url = server.url("/cut.rss");
    let mut store = Store::open_in_memory().unwrap();
    let error = poll(&mut store, &url, WatchOptions::default(), &mut Vec::new()).unwrap_err();
    assert!(
        matches!(
            error,
            WatchError::Feed {
                error: IngestError::MalformedFeed(_),
                ..
            }
        ),
        "{error}"
    );
    assert_eq!(store.feed_state(&url).unwrap().unwrap().etag, None);
}

#[test]
fn unreachable_host_is_an_error_not_a_panic() {
    // A port nothing listens on: bind one, then free it.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}/feed.rss");
    let mut store = Store::open_in_memory().unwrap();
    let error = poll(&mut store, &url, WatchOptions::default(), &mut Vec::new()).unwrap_err();
    assert!(matches!(error, WatchError::Unreachable { .. }), "{error}");
}

#[test]
fn fetch_articles_reads_the_linked_page_relative_or_not_and_falls_back_to_the_item() {
    // The feed links to pages on the same server, whose address is known
    // only once it runs.
    let base = Arc::new(std::sync::OnceLock::<String>::new());
    let host = Arc::clone(&base);
    let server =
        CannedServer::start(
            move |request: &testing::Request| match request.path.as_str() {
                "/feed.rss" => {
                    let host = host.get().map(String::as_str).unwrap_or_default();
                    Reply::new(200, FEED_WITH_LOCAL_LINKS.replace("HOST", host))
                }
                "/story-1" => {
                    Reply::new(200, ARTICLE).header("Content-Type", "text/html; charset=utf-8")
                }
                _ => Reply::new(404, "gone"),
            },
        )
        .unwrap();
    base.set(server.url("")).unwrap();
    let url = server.url("/feed.rss");
    let mut store = Store::open_in_memory().unwrap();
    let mut taken = Vec::new();
    let options = WatchOptions {
        fetch_articles: true,
    };
    let report = poll(&mut store, &url, options, &mut taken).unwrap();
    assert_eq!(report.documents, 2);
    assert_eq!(report.warnings.len(), 1, "{:?}", report.warnings);
    assert!(
        report.warnings[0].contains("HTTP 404"),
        "{:?}",
        report.warnings
    );
    let fetched = taken.iter().find(|d| d.id == "k-1").unwrap();
    assert!(
        fetched
            .text
            .contains("Security forces clashed with armed herders"),
        "{}",
        fetched.text
    );
    assert!(!fetched.text.contains("Teaser"));
    assert_eq!(fetched.source.as_deref(), Some("Plateau Desk"));
    // The feed's relative link was resolved against the feed's URL.
    assert_eq!(
        fetched.url.as_deref(),
        Some(server.url("/story-1").as_str())
    );
    let fallback = taken.iter().find(|d| d.id == "k-2").unwrap();
    assert_eq!(fallback.text, "Teaser about Kaduna.");
}

#[test]
fn atom_links_resolve_through_xml_base() {
    let server = CannedServer::start(|request: &testing::Request| match request.path.as_str() {
        "/feeds/desk.atom" => Reply::new(200, ATOM_WITH_BASE),
        "/africa/2021/jos" => {
            Reply::new(200, ARTICLE).header("Content-Type", "text/html; charset=utf-8")
        }
        _ => Reply::new(404, "gone"),
    })
    .unwrap();
    let url = server.url("/feeds/desk.atom");
    let mut store = Store::open_in_memory().unwrap();
    let mut taken = Vec::new();
    let options = WatchOptions {
        fetch_articles: true,
    };
    let report = poll(&mut store, &url, options, &mut taken).unwrap();
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    assert_eq!(taken.len(), 1);
    assert_eq!(
        taken[0].url.as_deref(),
        Some(server.url("/africa/2021/jos").as_str())
    );
    assert!(taken[0].text.contains("armed herders"), "{}", taken[0].text);
}

/// The feed sets a path as its base and the entry a directory under it.
const ATOM_WITH_BASE: &str = r#"<feed xmlns="http://www.w3.org/2005/Atom" xml:base="/africa/">
<title>Plateau Desk</title>
<entry xml:base="2021/"><id>j-1</id><title>Jos</title><link href="jos"/><summary>Teaser about Jos.</summary></entry>
</feed>"#;

const FEED_WITH_LOCAL_LINKS: &str = r#"<rss><channel><title>Plateau Desk</title>
<item><title>Clashes near Jos</title><guid>k-1</guid><link>/story-1</link><description>Teaser about Jos.</description></item>
<item><title>Kaduna</title><guid>k-2</guid><link>HOST/story-2</link><description>Teaser about Kaduna.</description></item>
</channel></rss>"#;

const ARTICLE: &str = "<html><head><title>Clashes near Jos</title></head><body><nav><a href='/'>Home</a></nav><article><p>Security forces clashed with armed herders near Jos in Plateau state on Sunday, killing at least five of them, a police spokesman said on Monday.</p><p>Residents said the fighting lasted several hours and that dozens of families fled to neighbouring villages.</p></article></body></html>";

#[test]
fn sleep_wakes_when_stopped() {
    let stop = AtomicBool::new(true);
    assert!(sleep_unless_stopped(Duration::from_secs(3600), &stop));
    let running = AtomicBool::new(false);
    assert!(!sleep_unless_stopped(Duration::from_millis(1), &running));
}
