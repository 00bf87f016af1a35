//! End-to-end tests of the CLI contract: formats, exit codes, bad input,
//! storage. They run the real binary.

mod common;
use common::*;

const CLASH: &str = "Gunmen killed six villagers in an attack on Kadagi village near Bama in Borno state on Tuesday, residents said.";

#[test]
fn extract_prints_events_as_json_lines_with_exact_evidence() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "report.txt", CLASH.as_bytes());
    let out = sitrep(&["extract", "--no-store", "--published", "2019-05-15", &path]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    let events = json_lines(&out);
    assert_eq!(events.len(), 1, "{events:?}");
    let e = &events[0];
    assert_eq!(e["event_type"], "Violence against civilians");
    assert_eq!(e["sub_event_type"], "Attack");
    assert_eq!(e["fatalities"], 6);
    assert_eq!(e["event_date"], "2019-05-14");
    assert_eq!(e["time_precision"], 1);
    assert_eq!(e["country"], "Nigeria");
    assert_eq!(e["civilian_targeting"], "Civilian targeting");
    assert_eq!(e["actor1"], "Unidentified Armed Group (Nigeria)");
    assert_eq!(e["actor2"], "Civilians (Nigeria)");
    assert_eq!(e["interaction"], 37);
    assert_evidence_is_exact(e, CLASH);
    // every ACLED field is present, null when unknown
    for field in [
        "assoc_actor_1",
        "assoc_actor_2",
        "admin2",
        "notes",
        "source",
        "doc_id",
        "confidence",
        "evidence",
    ] {
        assert!(e.get(field).is_some(), "missing key {field}");
    }
}

#[test]
fn without_any_date_event_date_is_null_and_says_so() {
    let text = "Gunmen killed six villagers in an attack near Bama in Borno state, residents said.";
    let out = sitrep_with_stdin(&["extract", "--no-store", "-"], Some(text.as_bytes()));
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    let events = json_lines(&out);
    assert_eq!(events.len(), 1, "{events:?}");
    assert!(events[0]["event_date"].is_null());
    let caveats = events[0]["caveats"].as_array().expect("caveats");
    assert!(caveats.iter().any(|c| c == "no_date_anchor"), "{caveats:?}");
}

#[test]
fn csv_output_starts_with_acled_columns() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "report.txt", CLASH.as_bytes());
    let out = sitrep(&[
        "extract",
        "--no-store",
        "--format",
        "csv",
        "--published",
        "2019-05-15",
        &path,
    ]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    let text = stdout(&out);
    let mut lines = text.lines();
    let header = lines.next().expect("header");
    assert!(header.starts_with(
        "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp"
    ), "{header}");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(&rows[0][5], "Violence against civilians");
    assert_eq!(&rows[0][28], "6");
}

#[test]
fn geojson_output_is_a_feature_collection_of_located_events() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "report.txt", CLASH.as_bytes());
    let out = sitrep(&[
        "extract",
        "--no-store",
        "--format",
        "geojson",
        "--published",
        "2019-05-15",
        &path,
    ]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    assert_eq!(v["type"], "FeatureCollection");
    let features = v["features"].as_array().unwrap();
    assert_eq!(features.len(), 1);
    let coords = features[0]["geometry"]["coordinates"].as_array().unwrap();
    let (lon, lat) = (coords[0].as_f64().unwrap(), coords[1].as_f64().unwrap());
    // Borno state, north-east Nigeria: [lon, lat] order per RFC 7946
    assert!(
        (10.0..15.5).contains(&lon) && (10.0..14.0).contains(&lat),
        "{coords:?}"
    );
}

#[test]
fn places_lists_toponyms_with_coordinates() {
    let dir = tempfile::tempdir().unwrap();
    let html = "<html><head><title>t</title></head><body><article><p>Clashes erupted in Mosul and Tal Afar, north-west of Baghdad, on Monday.</p></article></body></html>";
    let path = write(dir.path(), "page.html", html.as_bytes());
    let out = sitrep(&["places", &path]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    let docs = json_lines(&out);
    assert_eq!(docs.len(), 1);
    let places = docs[0]["places"].as_array().expect("places");
    let names: Vec<&str> = places.iter().map(|p| p["text"].as_str().unwrap()).collect();
    for want in ["Mosul", "Tal Afar", "Baghdad"] {
        assert!(names.contains(&want), "{want} not in {names:?}");
    }
    for p in places {
        for key in [
            "start", "end", "text", "name", "lat", "lon", "country", "admin1", "feature",
        ] {
            assert!(p.get(key).is_some(), "place lacks {key}: {p}");
        }
        assert_eq!(p["country"], "Iraq");
    }
}

#[test]
fn a_directory_is_read_recursively() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a/one.txt", CLASH.as_bytes());
    write(
        dir.path(),
        "a/b/two.txt",
        CLASH.replace("six", "four").as_bytes(),
    );
    write(dir.path(), "a/b/notes.md", b"# not an article");
    let out = sitrep(&[
        "extract",
        "--no-store",
        "--published",
        "2019-05-15",
        &dir.path().display().to_string(),
    ]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    let mut deaths: Vec<i64> = json_lines(&out)
        .iter()
        .map(|e| e["fatalities"].as_i64().unwrap())
        .collect();
    deaths.sort();
    assert_eq!(deaths, vec![4, 6]);
}

#[test]
fn bad_inputs_are_named_and_the_rest_of_the_batch_survives() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let good = write(d, "good.txt", CLASH.as_bytes());
    let empty = write(d, "empty.txt", b"");
    let binary = write(
        d,
        "binary.txt",
        &[0u8, 159, 146, 150, 0, 1, 2, 3, 0, 0, 255, 254],
    );
    let latin1 = write(
        d,
        "latin1.txt",
        b"Clashes in Gao killed 3 soldiers \xe9t\xe9 2019 caf\xe9.",
    );
    let no_body = write(
        d,
        "nobody.html",
        b"<html><head><title>x</title></head></html>",
    );
    let batch = write(
        d,
        "batch.jsonl",
        format!(
            "{}\nthis is not json\n{}\n{}\n",
            serde_json::json!({"id": "ok-1", "text": CLASH, "published": "2019-05-15"}),
            serde_json::json!({"id": "bad-date", "text": CLASH, "published": "2016-13-45"}),
            serde_json::json!({"id": "no-text", "url": "https://example.org"}),
        )
        .as_bytes(),
    );
    let huge = d.join("huge.txt");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(200 * 1024 * 1024)
        .unwrap();
    let huge = huge.display().to_string();
    let missing = d.join("missing.txt").display().to_string();

    let out = sitrep(&[
        "extract",
        "--no-store",
        "--published",
        "2019-05-15",
        &good,
        &empty,
        &binary,
        &latin1,
        &no_body,
        &batch,
        &huge,
        &missing,
    ]);
    assert_eq!(out.status.code(), Some(1), "stderr: {}", stderr(&out));
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    let line_for = |needle: &str| -> &str {
        lines
            .iter()
            .find(|l| l.contains(needle))
            .copied()
            .unwrap_or_else(|| panic!("no error line naming {needle}:\n{err}"))
    };
    assert!(line_for(&empty).contains("empty"));
    assert!(line_for(&binary).contains("binary"));
    assert!(line_for(&latin1).contains("UTF-8"));
    assert!(line_for(&no_body).to_lowercase().contains("no"));
    assert!(line_for(&format!("{batch}:2")).contains("JSON"));
    assert!(line_for(&format!("{batch}:3")).contains("2016-13-45"));
    assert!(line_for(&format!("{batch}:4")).contains("text"));
    assert!(line_for(&huge).contains("too large"));
    assert!(line_for(&missing).len() > missing.len());
    // the good file and the good JSONL record still produced their events
    assert_eq!(json_lines(&out).len(), 2, "stdout: {}", stdout(&out));
    assert!(!err.contains("panicked"));
}

#[test]
fn usage_errors_exit_2() {
    let out = sitrep(&["extract"]);
    assert_eq!(out.status.code(), Some(2));
    let out = sitrep(&["extract", "--published", "2016-13-45", "x.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("2016-13-45"), "{}", stderr(&out));
    let out = sitrep(&["extract", "--format", "xml", "x.txt"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn re_running_on_the_same_input_does_not_duplicate() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "report.txt", CLASH.as_bytes());
    let db = dir.path().join("t.db").display().to_string();
    for _ in 0..2 {
        let out = sitrep(&["extract", "--db", &db, "--published", "2019-05-15", &path]);
        assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    }
    let store = sitrep_store::Store::open(std::path::Path::new(&db)).unwrap();
    assert_eq!(store.count_documents().unwrap(), 1);
    assert_eq!(store.count_events().unwrap(), 1);
    assert_eq!(store.count_runs().unwrap(), 2);
}

#[test]
fn future_hypothetical_negated_and_background_statements_are_not_events() {
    let text = "The militants said they will push on to the capital Bamako. \
        Officials warned that the group could strike abroad. \
        The army denied that its troops had attacked the village of Kidal. \
        The 2012 rebellion in Gao killed hundreds of people.";
    let out = sitrep_with_stdin(
        &["extract", "--no-store", "--published", "2020-01-10", "-"],
        Some(text.as_bytes()),
    );
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    assert!(json_lines(&out).is_empty(), "{}", stdout(&out));
}

#[test]
fn export_reads_back_what_extract_stored_with_filters() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "report.txt", CLASH.as_bytes());
    let db = dir.path().join("t.db").display().to_string();
    let out = sitrep(&["extract", "--db", &db, "--published", "2019-05-15", &path]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));

    let out = sitrep(&["export", "--db", &db, "--format", "csv"]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    let text = stdout(&out);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(&reader.headers().unwrap()[1], "event_date");
    assert_eq!(reader.records().count(), 1);

    let file = dir.path().join("events.geojson");
    let out = sitrep(&[
        "export",
        "--db",
        &db,
        "--format",
        "geojson",
        "--country",
        "nigeria",
        "--out",
        file.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(v["features"].as_array().unwrap().len(), 1);

    let out = sitrep(&[
        "export",
        "--db",
        &db,
        "--format",
        "jsonl",
        "--from",
        "2020-01-01",
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert!(json_lines(&out).is_empty());

    let out = sitrep(&[
        "export",
        "--db",
        &dir.path().join("none.db").display().to_string(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no database"));
}

#[test]
fn fuse_merges_two_reports_of_one_incident_and_keeps_the_disagreement() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "outlet-a.txt", CLASH.as_bytes());
    let b = write(
        dir.path(),
        "outlet-b.txt",
        b"Suspected gunmen shot dead eight villagers in Kadagi village near Bama in Borno state on Tuesday, a local official said.",
    );
    let other = write(
        dir.path(),
        "other.txt",
        b"Police arrested 40 protesters in Lagos on Tuesday after a march against fuel prices.",
    );
    let db = dir.path().join("t.db").display().to_string();
    let out = sitrep(&[
        "extract",
        "--db",
        &db,
        "--published",
        "2019-05-15",
        &a,
        &b,
        &other,
    ]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    assert!(json_lines(&out).len() >= 3, "{}", stdout(&out));

    let out = sitrep(&["fuse", "--db", &db]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    let fused = json_lines(&out);
    let top = &fused[0];
    assert_eq!(top["source_count"], 2, "{top:#}");
    assert_eq!(top["record"]["fatalities"], 6);
    assert_eq!(top["fatalities_low"], 6);
    assert_eq!(top["fatalities_high"], 8);
    assert!(fused[1..].iter().all(|f| f["source_count"] == 1));
}

/// One WARC record around an HTTP payload.
fn warc_record(id: &str, warc_type: &str, uri: &str, payload: &str) -> String {
    format!(
        "WARC/1.0\r\nWARC-Type: {warc_type}\r\nWARC-Record-ID: <urn:uuid:{id}>\r\nWARC-Target-URI: {uri}\r\n\
         Content-Type: application/http; msgtype={warc_type}\r\nContent-Length: {}\r\n\r\n{payload}\r\n\r\n",
        payload.len()
    )
}

#[test]
fn warc_gz_articles_are_coded_other_records_counted_and_reruns_add_nothing() {
    use std::io::Write;
    let page = |body: &str| {
        format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><head>\
             <meta property=\"article:published_time\" content=\"2019-05-15T08:00:00Z\"></head>\
             <body><article><p>{body}</p></article></body></html>"
        )
    };
    let records = [
        warc_record("1", "request", "https://news.example/a", "GET /a HTTP/1.1\r\n\r\n"),
        warc_record("2", "response", "https://news.example/a", &page(CLASH)),
        warc_record("3", "response", "https://news.example/x", "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<p>gone</p>"),
        warc_record("4", "response", "https://news.example/b", &page("Police arrested 40 protesters in Lagos on Tuesday after a march against fuel prices.")),
    ];
    let mut gz = Vec::new();
    for r in &records {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(r.as_bytes()).unwrap();
        gz.extend(e.finish().unwrap());
    }
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "crawl.warc.gz", &gz);
    let db = dir.path().join("t.db").display().to_string();
    let mut first_events = 0;
    for run in 0..2 {
        let out = sitrep(&["extract", "--db", &db, &path]);
        assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
        let events = json_lines(&out);
        assert!(
            events
                .iter()
                .any(|e| e["fatalities"] == 6 && e["event_date"] == "2019-05-14"),
            "{events:#?}"
        );
        assert!(
            stderr(&out).contains("skipped 2 records"),
            "{}",
            stderr(&out)
        );
        if run == 0 {
            first_events = events.len();
        }
    }
    let store = sitrep_store::Store::open(std::path::Path::new(&db)).unwrap();
    assert_eq!(store.count_documents().unwrap(), 2);
    assert_eq!(store.count_events().unwrap(), first_events);
}

#[test]
fn non_english_articles_are_counted_not_coded() {
    let dir = tempfile::tempdir().unwrap();
    let en = write(dir.path(), "en.txt", CLASH.as_bytes());
    let fr = write(
        dir.path(),
        "fr.txt",
        "Des hommes armés ont tué six villageois lors d'une attaque près de Bama, dans l'État de Borno, mardi, selon des habitants. \
         Les assaillants sont arrivés à moto et ont incendié plusieurs maisons avant de prendre la fuite."
            .as_bytes(),
    );
    let out = sitrep(&[
        "extract",
        "--no-store",
        "--published",
        "2019-05-15",
        &en,
        &fr,
    ]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    let events = json_lines(&out);
    assert!(
        events
            .iter()
            .all(|e| e["doc_id"].as_str().unwrap().starts_with("en-")),
        "{events:#?}"
    );
    assert!(
        stderr(&out).contains("not English (1 fra)"),
        "{}",
        stderr(&out)
    );
}

const WIRE_STORY: &str = "Gunmen killed six villagers in an attack on Kadagi village near Bama in Borno state on Tuesday, residents said.\n\n\
The attackers arrived on motorcycles shortly after dusk and opened fire on people gathered outside a mosque, two residents said by telephone. \
They set fire to several houses and a grain store before leaving towards the Sambisa forest, the residents said. \
Security forces arrived the following morning and began searching the area, a local official said, adding that the wounded had been taken to Maiduguri.";

#[test]
fn syndicated_copies_are_linked_as_near_duplicates_within_and_across_runs() {
    let dir = tempfile::tempdir().unwrap();
    let original = write(dir.path(), "a/wire.txt", WIRE_STORY.as_bytes());
    let copy = write(
        dir.path(),
        "b/daily.txt",
        format!("{WIRE_STORY}\n\nCopyright 2019 Daily Example. All rights reserved.").as_bytes(),
    );
    let db = dir.path().join("t.db").display().to_string();
    let out = sitrep(&[
        "extract",
        "--db",
        &db,
        "--published",
        "2019-05-15",
        &original,
        &copy,
    ]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    assert!(
        stderr(&out).contains("1 near-duplicates linked"),
        "{}",
        stderr(&out)
    );
    let events = json_lines(&out);
    let linked: Vec<&serde_json::Value> = events
        .iter()
        .filter(|e| {
            e["caveats"].as_array().is_some_and(|c| {
                c.iter().any(|c| {
                    c.as_str()
                        .unwrap_or("")
                        .starts_with("near_duplicate_of:wire-")
                })
            })
        })
        .collect();
    assert!(!linked.is_empty(), "{events:#?}");
    assert!(linked
        .iter()
        .all(|e| e["doc_id"].as_str().unwrap().starts_with("daily-")));

    // An earlier version stored fingerprints under another scheme (untagged
    // 64-function signatures): the next run makes them again from the text.
    let original_id = linked[0]["caveats"]
        .as_array()
        .unwrap()
        .iter()
        .find_map(|c| c.as_str().unwrap().strip_prefix("near_duplicate_of:"))
        .unwrap()
        .to_string();
    {
        let store = sitrep_store::Store::open(std::path::Path::new(&db)).unwrap();
        store
            .set_fingerprint(&original_id, Some(&[7u8; 256]))
            .unwrap();
    }

    // a third outlet, in a later run, links to the same original
    let third = write(
        dir.path(),
        "c/other.txt",
        format!("By Staff Reporter\n\n{WIRE_STORY}").as_bytes(),
    );
    let out = sitrep(&["extract", "--db", &db, "--published", "2019-05-15", &third]);
    assert!(
        stderr(&out).contains("1 near-duplicates linked"),
        "{}",
        stderr(&out)
    );
    assert!(
        stdout(&out).contains(&format!("near_duplicate_of:{original_id}")),
        "{}",
        stdout(&out)
    );
    let store = sitrep_store::Store::open(std::path::Path::new(&db)).unwrap();
    let refreshed = store
        .fingerprints()
        .unwrap()
        .into_iter()
        .find(|(id, _)| *id == original_id)
        .unwrap()
        .1;
    assert!(!sitrep_dedup::stale_fingerprint(&refreshed));
}

#[test]
fn resume_skips_what_an_earlier_run_stored() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", CLASH.as_bytes());
    let db = dir.path().join("t.db").display().to_string();
    let out = sitrep(&[
        "extract",
        "--db",
        &db,
        "--resume",
        "--published",
        "2019-05-15",
        &a,
    ]);
    assert_eq!(json_lines(&out).len(), 1, "{}", stderr(&out));
    let b = write(
        dir.path(),
        "b.txt",
        b"Police arrested 40 protesters in Lagos on Tuesday after a march against fuel prices.",
    );
    let out = sitrep(&[
        "extract",
        "--db",
        &db,
        "--resume",
        "--published",
        "2019-05-15",
        &a,
        &b,
    ]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    assert!(
        stderr(&out).contains("1 already stored"),
        "{}",
        stderr(&out)
    );
    assert!(json_lines(&out)
        .iter()
        .all(|e| e["doc_id"].as_str().unwrap().starts_with("b-")));
    assert_eq!(
        sitrep_store::Store::open(std::path::Path::new(&db))
            .unwrap()
            .count_documents()
            .unwrap(),
        2
    );
}

#[test]
fn runs_are_listed_and_two_runs_can_be_diffed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db").display().to_string();
    let a = write(dir.path(), "a.txt", CLASH.as_bytes());
    let out = sitrep(&["extract", "--db", &db, "--published", "2019-05-15", &a]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    // the same document, edited: its event changes
    std::fs::write(&a, CLASH.replace("six", "seven")).unwrap();
    let out = sitrep(&["extract", "--db", &db, "--published", "2019-05-15", &a]);
    assert_eq!(out.status.code(), Some(0));
    let out = sitrep(&["runs", "--db", &db]);
    assert_eq!(stdout(&out).lines().count(), 3, "{}", stdout(&out));
    let out = sitrep(&["diff", "1", "2", "--db", &db, "--json"]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    let diff: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    // an edited file is a new document (its id carries the content hash)
    assert_eq!(diff["documents_only_in_a"], 1);
    assert_eq!(diff["documents_only_in_b"], 1);
    let out = sitrep(&["diff", "1", "9", "--db", &db]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no run 9"));
}

#[test]
fn parquet_export_reads_back_with_a_second_reader() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "report.txt", CLASH.as_bytes());
    let db = dir.path().join("t.db").display().to_string();
    let out = sitrep(&["extract", "--db", &db, "--published", "2019-05-15", &path]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    let file = dir.path().join("events.parquet");
    let out = sitrep(&[
        "export",
        "--db",
        &db,
        "--format",
        "parquet",
        "--out",
        file.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    let rows = sitrep_export::read_parquet_rows(std::fs::File::open(&file).unwrap()).unwrap();
    assert_eq!(rows.len(), 1);
    let get = |k: &str| {
        rows[0]
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.clone())
            .unwrap()
    };
    assert_eq!(get("fatalities"), "6");
    assert_eq!(get("event_type"), "\"Violence against civilians\"");
}

#[test]
fn control_answers_who_held_a_place_and_what_changed_hands() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db").display().to_string();
    assert_eq!(sitrep(&["demo", "--db", &db]).status.code(), Some(0));
    // the demo's HTML page: Iraqi troops retook a village near Tal Afar
    let out = sitrep(&["control", "--db", &db]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    let timelines = json_lines(&out);
    assert_eq!(timelines.len(), 1, "{timelines:#?}");
    let place = timelines[0]["location"].as_str().unwrap().to_string();
    let change = &timelines[0]["changes"][0];
    assert_eq!(change["controller"], "Military Forces of Iraq");
    assert_eq!(change["date"], "2017-08-23");
    assert!(change["evidence"]["event_date"].is_object());

    let held = |date: &str| {
        let out = sitrep(&["control", "--db", &db, "--place", &place, "--on", date]);
        json_lines(&out)[0]["held_by"].clone()
    };
    assert_eq!(held("2017-09-01"), "Military Forces of Iraq");
    assert!(held("2017-08-01").is_null());

    let out = sitrep(&[
        "control",
        "--db",
        &db,
        "--from",
        "2017-08-01",
        "--to",
        "2017-08-31",
    ]);
    assert_eq!(json_lines(&out).len(), 1);
    let out = sitrep(&[
        "control",
        "--db",
        &db,
        "--from",
        "2018-01-01",
        "--to",
        "2018-12-31",
    ]);
    assert!(json_lines(&out).is_empty());
}

#[test]
fn unordered_output_holds_the_same_events_as_input_order() {
    let dir = tempfile::tempdir().unwrap();
    // A batch big enough to span several chunks of parallel work.
    let mut batch = String::new();
    let towns = ["Bama", "Gwoza", "Monguno", "Dikwa", "Konduga"];
    for i in 0..1200 {
        let town = towns[i % towns.len()];
        let record = serde_json::json!({
            "id": format!("doc-{i}"),
            "published": "2019-05-15",
            "text": format!("Boko Haram fighters killed {} villagers in an attack on {town} in Borno state on Monday, residents said.", i % 9 + 2),
        });
        batch.push_str(&record.to_string());
        batch.push('\n');
    }
    let input = write(dir.path(), "batch.jsonl", batch.as_bytes());
    let events = |extra: &[&str]| {
        let mut args = vec!["extract", "--no-store"];
        args.extend_from_slice(extra);
        args.push(&input);
        let out = sitrep(&args);
        assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
        let mut lines: Vec<String> = json_lines(&out).iter().map(|e| e.to_string()).collect();
        lines.sort();
        lines
    };
    let ordered = events(&[]);
    assert_eq!(ordered.len(), 1200);
    assert_eq!(events(&["--unordered"]), ordered);
}
