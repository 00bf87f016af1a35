//! End-to-end tests of feeds: `sitrep extract` over a feed file, and
//! `sitrep watch` against a canned HTTP server on localhost.

mod common;
use common::*;
use sitrep_watch::testing::{conditional_feed, CannedServer, Reply, Request};

const CLASH: &str = "Gunmen killed six villagers in an attack on Kadagi village near Bama in Borno state on Tuesday, residents said.";

fn feed() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Borno Wire</title>
<item>
  <title>Six killed in Kadagi attack</title>
  <guid>borno-wire-0515</guid>
  <link>https://wire.example.org/kadagi</link>
  <pubDate>Wed, 15 May 2019 11:00:00 GMT</pubDate>
  <content:encoded><![CDATA[<p>{CLASH}</p>]]></content:encoded>
</item>
<item><title>Photos</title><guid>borno-wire-photos</guid></item>
</channel></rss>"#
    )
}

#[test]
fn extract_reads_a_feed_file_item_by_item() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "borno.rss", feed().as_bytes());
    let out = sitrep(&["extract", "--no-store", &path]);
    // The item without text is a failure of that item: exit 1, named.
    assert_eq!(out.status.code(), Some(1), "stderr: {}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!("{path}#item-2: feed item has no text")),
        "{}",
        stderr(&out)
    );
    let events = json_lines(&out);
    assert_eq!(events.len(), 1, "{events:?}");
    let e = &events[0];
    assert_eq!(e["doc_id"], "borno-wire-0515");
    assert_eq!(e["source"], "Borno Wire");
    assert_eq!(e["event_date"], "2019-05-14");
    assert_eq!(e["fatalities"], 6);
    assert_evidence_is_exact(e, CLASH);
}

#[test]
fn extract_reports_a_malformed_feed_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "cut.atom", b"<feed><entry><title>Cut");
    let out = sitrep(&["extract", "--no-store", &path]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains(&format!("{path}: malformed feed")), "{err}");
    assert!(err.contains("1 failed"), "{err}");
}

#[test]
fn watch_once_stores_new_items_then_polls_conditionally() {
    let server = CannedServer::start(conditional_feed(feed(), "\"borno-1\"")).unwrap();
    let url = server.url("/borno.rss");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("watch.db").display().to_string();

    let first = sitrep(&["watch", "--db", &db, "--once", &url]);
    assert_eq!(first.status.code(), Some(0), "stderr: {}", stderr(&first));
    let events = json_lines(&first);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0]["doc_id"], "borno-wire-0515");
    assert_evidence_is_exact(&events[0], CLASH);
    assert!(
        stderr(&first).contains("2 items, 1 new documents, 1 events"),
        "{}",
        stderr(&first)
    );

    let second = sitrep(&["watch", "--db", &db, "--once", &url]);
    assert_eq!(second.status.code(), Some(0), "stderr: {}", stderr(&second));
    assert!(json_lines(&second).is_empty());
    assert!(
        stderr(&second).contains("not modified"),
        "{}",
        stderr(&second)
    );

    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[1].header("if-none-match"), Some("\"borno-1\""));

    // Both polls are recorded runs; the stored events export.
    let runs = stdout(&sitrep(&["runs", "--db", &db]));
    assert_eq!(
        runs.lines().filter(|l| l.contains("watch")).count(),
        2,
        "{runs}"
    );
    let exported = sitrep(&["export", "--db", &db, "--format", "jsonl"]);
    assert_eq!(json_lines(&exported).len(), 1);
}

#[test]
fn watch_once_reports_a_failing_feed_and_polls_the_others() {
    let good = CannedServer::start(conditional_feed(feed(), "\"g\"")).unwrap();
    let bad = CannedServer::start(|_: &Request| Reply::new(404, "no such feed")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("watch.db").display().to_string();
    let bad_url = bad.url("/gone.rss");
    let out = sitrep(&[
        "watch",
        "--db",
        &db,
        "--once",
        &bad_url,
        &good.url("/borno.rss"),
    ]);
    assert_eq!(out.status.code(), Some(1), "stderr: {}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!("{bad_url}: HTTP 404")),
        "{}",
        stderr(&out)
    );
    assert_eq!(json_lines(&out).len(), 1);
}

#[test]
fn watch_needs_a_feed() {
    let out = sitrep(&["watch", "--once"]);
    assert_eq!(out.status.code(), Some(2));
}
