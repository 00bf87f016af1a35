//! End-to-end ingestion tests over real files in temporary directories.

use super::*;
use std::io::Write;

const STORY: &str = "Gunmen attacked a police checkpoint near Maiduguri on Tuesday, killing three officers, the army said.";

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, bytes).unwrap();
    path
}

fn read_all(path: &Path) -> Vec<Result<Document, Failure>> {
    read_source(&Source::File(path.to_path_buf()), &IngestOptions::default()).collect()
}

/// The failure messages of reading `path`, as the CLI prints them.
fn failures_of(path: &Path) -> Vec<String> {
    read_all(path)
        .into_iter()
        .filter_map(|r| r.err().map(|f| f.to_string()))
        .collect()
}

fn html_page(body: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head><title>Attack near Maiduguri</title>\
         <meta property=\"article:published_time\" content=\"2016-07-03T09:00:00Z\">\
         <meta property=\"og:site_name\" content=\"Lake Chad Herald\"></head>\
         <body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>\
         <article>{body}</article><footer>About us</footer></body></html>"
    )
}

#[test]
fn text_file_gets_a_stable_id_from_stem_and_content() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "maiduguri.txt", STORY.as_bytes());
    let first = read_all(&path).remove(0).unwrap();
    let again = read_all(&path).remove(0).unwrap();
    assert_eq!(first.id, again.id);
    assert!(first.id.starts_with("maiduguri-"), "{}", first.id);
    assert_eq!(first.text, STORY);
    assert_eq!(first.origin, path.display().to_string());
    write(
        dir.path(),
        "maiduguri.txt",
        b"Two soldiers were wounded in Dikwa on Monday.",
    );
    let changed = read_all(&path).remove(0).unwrap();
    assert_ne!(changed.id, first.id);
}

#[test]
fn options_fill_in_what_a_text_file_lacks() {
    let opts = IngestOptions {
        published: NaiveDate::from_ymd_opt(2016, 7, 3),
        source: Some("Agence France Presse".into()),
    };
    let doc = read_bytes("note.txt", STORY.as_bytes(), &opts)
        .remove(0)
        .unwrap();
    assert_eq!(doc.published, opts.published);
    assert_eq!(doc.source.as_deref(), Some("Agence France Presse"));
}

#[test]
fn html_file_keeps_the_article_and_its_metadata() {
    let dir = tempfile::tempdir().unwrap();
    let body = format!("<h1>Attack near Maiduguri</h1><p>{STORY}</p><p>Residents said the attackers fled towards the Sambisa forest before troops arrived.</p>");
    let path = write(dir.path(), "page.html", html_page(&body).as_bytes());
    let opts = IngestOptions {
        published: NaiveDate::from_ymd_opt(2000, 1, 1),
        source: Some("fallback".into()),
    };
    let doc = read_source(&Source::File(path), &opts)
        .next()
        .unwrap()
        .unwrap();
    assert!(doc
        .text
        .contains("killing three officers, the army said.\n\nResidents said"));
    assert!(!doc.text.contains("Home"));
    assert!(!doc.text.contains("About us"));
    // The page's own date and name win over the options.
    assert_eq!(doc.published, NaiveDate::from_ymd_opt(2016, 7, 3));
    assert_eq!(doc.source.as_deref(), Some("Lake Chad Herald"));
    assert_eq!(doc.title.as_deref(), Some("Attack near Maiduguri"));
}

#[test]
fn jsonl_records_keep_ids_dates_and_sources() {
    let batch = format!(
        "{{\"id\": \"afp-1\", \"text\": \"{STORY}\", \"published\": \"2016-07-03\", \"source\": \"AFP\", \"extra\": [1, 2]}}\n\
         \n\
         {{\"text\": \"Clashes erupted in Bangui on Sunday.\", \"url\": \"https://example.org/b\"}}\n\
         {{\"id\": 7, \"html\": \"<html><body><p>{STORY}</p></body></html>\"}}\n"
    );
    let docs: Vec<Document> =
        read_bytes("batch.jsonl", batch.as_bytes(), &IngestOptions::default())
            .into_iter()
            .map(|r| r.unwrap())
            .collect();
    assert_eq!(docs.len(), 3);
    assert_eq!(docs[0].id, "afp-1");
    assert_eq!(docs[0].origin, "batch.jsonl:1");
    assert_eq!(docs[0].published, NaiveDate::from_ymd_opt(2016, 7, 3));
    assert_eq!(docs[0].source.as_deref(), Some("AFP"));
    assert_eq!(docs[1].id, "batch.jsonl:3");
    assert_eq!(docs[1].url.as_deref(), Some("https://example.org/b"));
    assert_eq!(docs[2].id, "7");
    assert_eq!(docs[2].text, STORY);
}

#[test]
fn bad_jsonl_lines_fail_alone() {
    let dir = tempfile::tempdir().unwrap();
    let batch = format!(
        "{{\"id\": \"a\", \"text\": \"{STORY}\"}}\n\
         this is not json\n\
         {{\"id\": \"c\", \"text\": \"Shelling in Donetsk.\", \"published\": \"2016-13-45\"}}\n\
         {{\"id\": \"d\", \"title\": \"No body here\"}}\n\
         {{\"id\": \"e\", \"text\": \"Protest in Harare.\"}}\n"
    );
    let path = write(dir.path(), "batch.jsonl", batch.as_bytes());
    let results = read_all(&path);
    assert_eq!(results.len(), 5);
    let p = path.display();
    let messages = failures_of(&path);
    assert_eq!(messages.len(), 3);
    assert!(
        messages[0].starts_with(&format!("{p}:2: not JSON: ")),
        "{}",
        messages[0]
    );
    assert_eq!(
        messages[1],
        format!("{p}:3: invalid published date \"2016-13-45\"")
    );
    assert_eq!(
        messages[2],
        format!("{p}:4: record has neither \"text\" nor \"html\"")
    );
    assert_eq!(results[4].as_ref().unwrap().id, "e");
}

#[test]
fn jsonl_line_over_the_limit_is_skipped_and_the_rest_read() {
    let long = "x".repeat(5000);
    let batch = format!(
        "{{\"id\": \"a\", \"text\": \"{long}\"}}\n{{\"id\": \"b\", \"text\": \"{STORY}\"}}\n"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "big.jsonl", batch.as_bytes());
    let results: Vec<_> =
        read_source_with_limit(&Source::File(path.clone()), &IngestOptions::default(), 1000)
            .collect();
    assert_eq!(results.len(), 2);
    let message = results[0].as_ref().unwrap_err().to_string();
    assert_eq!(
        message,
        format!("{}:1: too large (1 MB > 1 MB limit)", path.display())
    );
    assert_eq!(results[1].as_ref().unwrap().id, "b");
}

#[test]
fn large_file_is_refused_with_its_size() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    let mut file = std::fs::File::create(&path).unwrap();
    let line = format!("{STORY}\n");
    for _ in 0..(3 * 1024 * 1024 / line.len() + 1) {
        file.write_all(line.as_bytes()).unwrap();
    }
    drop(file);
    let results: Vec<_> = read_source_with_limit(
        &Source::File(path.clone()),
        &IngestOptions::default(),
        2 * 1024 * 1024,
    )
    .collect();
    let message = results[0].as_ref().unwrap_err().to_string();
    assert_eq!(
        message,
        format!("{}: too large (4 MB > 2 MB limit)", path.display())
    );
}

#[test]
fn every_bad_file_gets_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let cases: Vec<(PathBuf, &str)> = vec![
        (write(d, "empty.txt", b""), "empty input"),
        (write(d, "empty.jsonl", b"\n\n"), "empty input"),
        (write(d, "blob.jsonl", b"{\0\0\0\x01\x02\n\0\0\n"), "binary content (NUL or control bytes), not text"),
        (write(d, "blank.html", b"  \n "), "empty input"),
        (write(d, "blob.txt", b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0"), "binary content (NUL or control bytes), not text"),
        (write(d, "latin1.txt", b"Attaque pr\xe8s de Gao"), "invalid UTF-8 at byte 10"),
        (write(d, "nav.html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>"), "HTML has no extractable text"),
        (write(d, "nobody.html", b"<html><head><title>Only a title</title></head></html>"), "HTML has no extractable text"),
        (write(d, "photo.jpg", b"\xff\xd8\xff\xe0\0\x10JFIF\0"), "unknown file type and not UTF-8 text (binary content (NUL or control bytes), not text)"),
    ];
    for (path, want) in cases {
        let got = failures_of(&path);
        assert_eq!(got, vec![format!("{}: {want}", path.display())]);
    }
    let missing = d.join("missing.txt");
    let (sources, failures) = expand_inputs(std::slice::from_ref(&missing));
    assert!(sources.is_empty());
    assert_eq!(
        failures[0].to_string(),
        format!(
            "{}: cannot read: no such file or directory",
            missing.display()
        )
    );
}

#[test]
fn unknown_extension_named_explicitly_is_read_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "wire.md", STORY.as_bytes());
    let doc = read_all(&path).remove(0).unwrap();
    assert_eq!(doc.text, STORY);
}

#[test]
fn directories_are_walked_sorted_skipping_hidden_and_unknown_files() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "b.txt", STORY.as_bytes());
    write(
        d,
        "a/z.html",
        html_page(&format!("<p>{STORY}</p>")).as_bytes(),
    );
    write(d, "a/y.jsonl", b"{\"text\": \"Clashes in Bangui.\"}\n");
    write(d, ".hidden.txt", STORY.as_bytes());
    write(d, ".git/x.txt", STORY.as_bytes());
    write(d, "notes.docx", b"PK\x03\x04");
    let (sources, failures) = expand_inputs(&[d.to_path_buf(), PathBuf::from("-")]);
    assert!(failures.is_empty());
    let want = vec![
        Source::File(d.join("a/y.jsonl")),
        Source::File(d.join("a/z.html")),
        Source::File(d.join("b.txt")),
        Source::Stdin,
    ];
    assert_eq!(sources, want);
}

#[test]
fn empty_directory_is_a_failure() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "readme.docx", b"PK");
    let (sources, failures) = expand_inputs(&[dir.path().to_path_buf()]);
    assert!(sources.is_empty());
    assert_eq!(
        failures[0].to_string(),
        format!(
            "{}: no .txt, .html, .htm, .jsonl or .warc(.gz) files in directory",
            dir.path().display()
        )
    );
}

#[test]
fn unnamed_input_is_sniffed() {
    let opts = IngestOptions::default();
    let jsonl = read_bytes(
        "-",
        b"  {\"id\": \"s1\", \"text\": \"Clashes in Bangui.\"}\n",
        &opts,
    );
    assert_eq!(jsonl[0].as_ref().unwrap().id, "s1");
    let html = read_bytes("-", html_page(&format!("<p>{STORY}</p>")).as_bytes(), &opts);
    assert_eq!(html[0].as_ref().unwrap().text, STORY);
    let text = read_bytes("-", STORY.as_bytes(), &opts);
    let doc = text[0].as_ref().unwrap();
    assert_eq!(doc.text, STORY);
    assert_eq!(doc.origin, "-");
    assert!(doc.id.starts_with("stdin-"));
}

#[test]
fn html_in_a_legacy_charset_is_decoded() {
    let mut page = b"<html><head><meta charset=\"iso-8859-1\"></head><body><p>".to_vec();
    page.extend_from_slice(b"Des hommes arm\xe9s ont attaqu\xe9 un poste de police pr\xe8s de Diffa mardi, selon l'arm\xe9e nig\xe9rienne.");
    page.extend_from_slice(b"</p></body></html>");
    let doc = read_bytes("diffa.html", &page, &IngestOptions::default())
        .remove(0)
        .unwrap();
    assert!(doc.text.contains("Des hommes armés ont attaqué"));
}

#[test]
fn html_documents_carry_a_map_back_to_the_page_and_text_ones_do_not() {
    let page = html_page(&format!("<p>{STORY}</p>"));
    let locate = |doc: &Document, page: &str, word: &str| {
        let at = doc.text.find(word)?;
        let map = doc.source_map.as_deref()?;
        let span = map.locate(sitrep_model::Span::new(at, at + word.len()))?;
        page.get(span.start..span.end).map(str::to_string)
    };
    let from_file = read_bytes("a.html", page.as_bytes(), &IngestOptions::default());
    let doc = from_file[0].as_ref().unwrap();
    assert_eq!(
        locate(doc, &page, "Maiduguri").as_deref(),
        Some("Maiduguri")
    );
    let at = page.find("Maiduguri on Tuesday").unwrap();
    let span = doc
        .source_map
        .as_deref()
        .unwrap()
        .locate(sitrep_model::Span::new(
            doc.text.find("Maiduguri").unwrap(),
            doc.text.find("Maiduguri").unwrap() + 9,
        ));
    assert_eq!(span, Some(sitrep_model::Span::new(at, at + 9)));

    // In JSONL the offsets are into the `html` string's value.
    let line = serde_json::json!({"id": "j1", "html": page}).to_string();
    let from_jsonl = read_bytes("b.jsonl", line.as_bytes(), &IngestOptions::default());
    let doc = from_jsonl[0].as_ref().unwrap();
    assert_eq!(
        locate(doc, &page, "checkpoint").as_deref(),
        Some("checkpoint")
    );

    let from_text = read_bytes("c.txt", STORY.as_bytes(), &IngestOptions::default());
    assert!(from_text[0].as_ref().unwrap().source_map.is_none());
    let line = serde_json::json!({"id": "j2", "text": STORY}).to_string();
    let from_jsonl_text = read_bytes("d.jsonl", line.as_bytes(), &IngestOptions::default());
    assert!(from_jsonl_text[0].as_ref().unwrap().source_map.is_none());
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    fn gzip_member(bytes: &[u8]) -> Vec<u8> {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(bytes).unwrap();
        encoder.finish().unwrap()
    }

    fn warc(warc_type: &str, length: usize, payload: &[u8]) -> Vec<u8> {
        let mut record = format!(
            "WARC/1.0\r\nWARC-Type: {warc_type}\r\nWARC-Record-ID: <urn:uuid:{length}>\r\n\
             WARC-Target-URI: https://news.example/{length}\r\n\
             Content-Type: application/http; msgtype=response\r\nContent-Length: {length}\r\n\r\n"
        )
        .into_bytes();
        record.extend_from_slice(payload);
        record.extend_from_slice(b"\r\n\r\n");
        record
    }

    fn http_response(head: &str, body: &[u8]) -> Vec<u8> {
        let mut response = format!("HTTP/1.1 {head}\r\n\r\n").into_bytes();
        response.extend_from_slice(body);
        response
    }

    fn wellformed_crawl() -> Vec<Vec<u8>> {
        let page = html_page(&format!("<p>{STORY}</p>"));
        let article = http_response(
            "200 OK\r\nContent-Type: text/html; charset=utf-8",
            page.as_bytes(),
        );
        vec![
            warc("warcinfo", 14, b"software: test"),
            warc("response", article.len(), &article),
            warc("request", 18, b"GET /a HTTP/1.1\r\n\r\n"),
            warc("response", article.len(), &article),
        ]
    }

    /// One WARC record: a type, a body (an HTTP response around an HTML
    /// page, or junk) and a Content-Length that may lie.
    fn warc_record() -> impl Strategy<Value = Vec<u8>> {
        let warc_type = prop::sample::select(vec![
            "response", "request", "warcinfo", "resource", "revisit", "x",
        ]);
        let head = prop::sample::select(vec![
            "200 OK\r\nContent-Type: text/html",
            "200 OK\r\nContent-Type: text/html; charset=windows-1252",
            "200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked",
            "200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip",
            "404 Not Found\r\nContent-Type: text/html",
            "301 Moved\r\nLocation: /b",
            "200 OK\r\nContent-Type: image/jpeg",
            "garbage",
        ]);
        let body = prop_oneof![
            Just(html_page(&format!("<p>{STORY}</p>")).into_bytes()),
            Just(format!("1a\r\n<p>{STORY}</p>\r\n0\r\n\r\n").into_bytes()),
            Just(gzip_member(
                html_page(&format!("<p>{STORY}</p>")).as_bytes()
            )),
            proptest::collection::vec(any::<u8>(), 0..300),
        ];
        let lie = prop_oneof![3 => Just(0i64), 1 => -50i64..50, 1 => Just(1_000_000i64)];
        (warc_type, head, body, lie).prop_map(|(warc_type, head, body, lie)| {
            let payload = http_response(head, &body);
            let length = (payload.len() as i64 + lie).max(0) as usize;
            warc(warc_type, length, &payload)
        })
    }

    /// Markup and text that real pages are made of, and some they should
    /// not be.
    fn markup_piece() -> impl Strategy<Value = String> {
        prop_oneof![
            prop::sample::select(vec![
                "<p>",
                "</p>",
                "<div class=\"share\">",
                "</div>",
                "<b>",
                "</b>",
                "<a href='/x'>",
                "</a>",
                "<br>",
                "<script>var x = '</p>';",
                "</script>",
                "<style>",
                "</style>",
                "<!--",
                "-->",
                "<pre>",
                "</pre>",
                "<table><tr><td>",
                "</table>",
                "&amp;",
                "&#8217;",
                "&#x",
                "&nbsp",
                "<svg><path/>",
                "</svg>",
                "<textarea>",
                "<title>",
                "<plaintext>",
                "<![CDATA[",
                "]]>",
                "<meta charset='utf-16'>",
                "\r\n",
                "\u{0}",
                "</",
                "<",
                "&",
            ])
            .prop_map(str::to_string),
            "[ -~éдم’\n]{0,30}",
        ]
    }

    fn check(name: &str, bytes: &[u8]) {
        for result in read_bytes(name, bytes, &IngestOptions::default()) {
            match result {
                Ok(doc) => {
                    assert!(!doc.text.trim().is_empty());
                    assert!(!doc.id.is_empty());
                    // Spans over the whole text are valid.
                    let offsets = doc.char_offsets();
                    assert_eq!(offsets.char_at(doc.text.len()), doc.text.chars().count());
                }
                Err(failure) => {
                    let line = failure.to_string();
                    assert!(line.starts_with(name));
                    assert!(!line.contains('\n'), "{line}");
                }
            }
        }
    }

    /// A WARC page's map points into the HTTP body (after de-chunking,
    /// decompression and charset decoding), not into the WARC file.
    #[test]
    fn warc_pages_carry_a_map_into_the_http_body() {
        let crawl: Vec<u8> = wellformed_crawl().concat();
        let docs = read_bytes("c.warc", &crawl, &IngestOptions::default());
        let page = html_page(&format!("<p>{STORY}</p>"));
        let doc = docs[0].as_ref().unwrap();
        let at = doc.text.find("police checkpoint").unwrap();
        let map = doc.source_map.as_deref().unwrap();
        let span = map.locate(sitrep_model::Span::new(at, at + 17)).unwrap();
        assert_eq!(&page[span.start..span.end], "police checkpoint");
    }

    proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
            for name in ["a.txt", "a.html", "a.jsonl", "a.xyz", "-"] {
                check(name, &bytes);
            }
        }

        #[test]
        fn arbitrary_markup_never_panics(parts in proptest::collection::vec(
            prop_oneof![
                Just("<p>".to_string()), Just("</p>".to_string()), Just("<div class='share'>".to_string()),
                Just("</div>".to_string()), Just("<a href='x'>".to_string()), Just("</a>".to_string()),
                Just("<br>".to_string()), Just("<script>".to_string()), Just("<pre>".to_string()),
                Just("<meta charset='latin1'>".to_string()), "[ -~éд\n]{0,40}",
            ], 0..60)) {
            let page = parts.concat();
            check("p.html", page.as_bytes());
            let record = serde_json::json!({"id": "r", "html": page}).to_string();
            check("r.jsonl", record.as_bytes());
        }

        /// WARC records with arbitrary types, lengths (true or lying),
        /// HTTP heads and bodies, plain or one gzip member per record, then
        /// cut short anywhere.
        #[test]
        fn arbitrary_warc_records_never_panic(
            records in proptest::collection::vec(warc_record(), 1..6),
            gzipped in any::<bool>(),
            cut in any::<prop::sample::Index>(),
        ) {
            let mut bytes = Vec::new();
            for record in &records {
                if gzipped {
                    bytes.extend_from_slice(&gzip_member(record));
                } else {
                    bytes.extend_from_slice(record);
                }
            }
            check(if gzipped { "c.warc.gz" } else { "c.warc" }, &bytes);
            let cut = cut.index(bytes.len() + 1);
            check(if gzipped { "c.warc.gz" } else { "c.warc" }, &bytes[..cut]);
        }

        /// A well-formed crawl of gzip members with a few bytes of the
        /// compressed stream overwritten, or a stretch of it dropped.
        #[test]
        fn mutated_gzip_members_never_panic(
            flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..6),
            drop_at in any::<prop::sample::Index>(),
            drop_len in 0usize..64,
        ) {
            let mut bytes: Vec<u8> = wellformed_crawl().iter().flat_map(|r| gzip_member(r)).collect();
            for (at, byte) in &flips {
                let i = at.index(bytes.len());
                bytes[i] = *byte;
            }
            let from = drop_at.index(bytes.len());
            let to = (from + drop_len).min(bytes.len());
            bytes.drain(from..to);
            check("m.warc.gz", &bytes);
        }

        /// A real-looking article page with markup spliced in, stretches
        /// cut out and bytes overwritten, read as a file and as a JSONL
        /// `html` field; every mapped evidence-sized span must point at
        /// page bytes on character boundaries.
        #[test]
        fn mutated_pages_never_panic(
            splices in proptest::collection::vec((any::<prop::sample::Index>(), markup_piece()), 0..8),
            cuts in proptest::collection::vec((any::<prop::sample::Index>(), 0usize..40), 0..4),
            flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..4),
        ) {
            let mut page = html_page(&format!("<p>{STORY}</p><p>Residents of Bama &amp; Gwoza said the attackers \
                arrived on motorcycles and fled before troops came.</p>")).into_bytes();
            for (at, piece) in &splices {
                let i = at.index(page.len() + 1);
                page.splice(i..i, piece.bytes());
            }
            for (at, len) in &cuts {
                let from = at.index(page.len() + 1);
                let to = (from + len).min(page.len());
                page.drain(from..to);
            }
            for (at, byte) in &flips {
                if !page.is_empty() {
                    let i = at.index(page.len());
                    page[i] = *byte;
                }
            }
            check("p.html", &page);
            let decoded = html::decode(&page);
            for doc in read_bytes("p.html", &page, &IngestOptions::default()).into_iter().flatten() {
                let Some(map) = doc.source_map.as_deref() else { continue };
                for (start, word) in doc.text.split_whitespace().map(|w| (w.as_ptr() as usize - doc.text.as_ptr() as usize, w)) {
                    if let Some(source) = map.locate(sitrep_model::Span::new(start, start + word.len())) {
                        prop_assert!(decoded.get(source.start..source.end).is_some());
                    }
                }
            }
            let record = serde_json::json!({"id": "r", "html": decoded}).to_string();
            check("r.jsonl", record.as_bytes());
        }

        /// Deep nesting of any mix of tags is read in bounded depth.
        #[test]
        fn deep_nesting_is_flattened(
            tags in proptest::collection::vec(prop::sample::select(vec!["div", "span", "b", "font", "section", "table", "ul", "blockquote", "em"]), 1..8),
            depth in 0usize..3000,
        ) {
            let open: String = (0..depth).map(|i| format!("<{}>", tags[i % tags.len()])).collect();
            let page = format!("<html><body>{open}<p>{STORY}</p></body></html>");
            let parsed = html::parse_bounded(&page);
            let deepest = parsed.tree.nodes().map(|n| n.ancestors().count()).max().unwrap_or(0);
            prop_assert!(deepest <= html::MAX_NESTING + 8, "depth {deepest}");
            let docs = read_bytes("deep.html", page.as_bytes(), &IngestOptions::default());
            let text = docs[0].as_ref().map(|d| d.text.clone()).unwrap_or_default();
            prop_assert!(text.contains("killing three officers"), "{text:?}");
        }

        #[test]
        fn arbitrary_text_round_trips(text in "[ -~éдم\n]{1,200}") {
            prop_assume!(!text.trim().is_empty());
            let docs = read_bytes("t.txt", text.as_bytes(), &IngestOptions::default());
            prop_assert_eq!(&docs[0].as_ref().unwrap().text, &text);
        }
    }
}
