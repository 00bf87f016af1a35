//! The HTTP API over a temporary database, driven in-process with
//! `tower::ServiceExt::oneshot` (no sockets).

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use serde_json::Value;
use sitrep_model::{Document, Event, EventType, Evidence};
use sitrep_store::Store;
use std::path::{Path, PathBuf};
use tower::ServiceExt;

const SCRIPT: &str = "<script>window.__pwned=1</script>";

/// Builds an event whose evidence spans are found in `text` (character
/// offsets, as the pipeline writes them).
fn event(id: &str, doc: &Document, date: (i32, u32, u32), kind: EventType) -> Event {
    let mut e = Event {
        event_id: id.into(),
        doc_id: doc.id.clone(),
        event_type: Some(kind),
        event_date: chrono::NaiveDate::from_ymd_opt(date.0, date.1, date.2),
        confidence: 0.8,
        ..Default::default()
    };
    e.evidence.insert(
        "event_date".into(),
        Evidence::published(e.event_date.unwrap()),
    );
    e
}

fn evidence_for(doc: &Document, phrase: &str) -> Evidence {
    let byte = doc.text.find(phrase).expect("phrase is in the text");
    let start = doc.text[..byte].chars().count();
    Evidence::text_span(start, start + phrase.chars().count(), phrase)
}

struct Fixture {
    _dir: tempfile::TempDir,
    db: PathBuf,
}

/// Seven events in four documents, two weeks of March 2024.
fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("api.db");
    let mut store = Store::open(&db).unwrap();
    let run = store.begin_run("test", &[]).unwrap();

    let mut sudan = Document::new(
        "sudan-1",
        "KHARTOUM, March 5 (Wire) — The Sudanese army and the Rapid Support Forces \
         clashed in El Fasher on Monday, killing 12 people, residents said. \
         Shelling also hit a market in Omdurman.",
    );
    sudan.title = Some("Fighting in El Fasher kills 12".into());
    sudan.source = Some("Wire".into());
    sudan.url = Some("https://example.org/sudan-1".into());
    sudan.published = chrono::NaiveDate::from_ymd_opt(2024, 3, 5);
    let mut clash = event("ev-sudan-clash", &sudan, (2024, 3, 4), EventType::Battles);
    clash.country = Some("Sudan".into());
    clash.location = Some("El Fasher".into());
    clash.latitude = Some(13.63);
    clash.longitude = Some(25.35);
    clash.actor1 = Some("Military Forces of Sudan".into());
    clash.actor2 = Some("Rapid Support Forces".into());
    clash.fatalities = Some(12);
    clash
        .evidence
        .insert("location".into(), evidence_for(&sudan, "El Fasher"));
    clash.evidence.insert(
        "fatalities".into(),
        evidence_for(&sudan, "killing 12 people"),
    );
    clash.evidence.insert(
        "actor2".into(),
        evidence_for(&sudan, "Rapid Support Forces"),
    );
    let mut shelling = event(
        "ev-sudan-shelling",
        &sudan,
        (2024, 3, 4),
        EventType::ExplosionsRemoteViolence,
    );
    shelling.country = Some("Sudan".into());
    shelling.location = Some("Omdurman".into());
    shelling.latitude = Some(15.64);
    shelling.longitude = Some(32.48);
    store.put_document(run, &sudan, &[clash, shelling]).unwrap();

    let kenya = Document::new(
        "kenya-1",
        "NAIROBI — Thousands of protesters marched through Nairobi on Tuesday against the finance bill.",
    );
    let mut protests = Vec::new();
    for (i, day) in [5, 6, 7].into_iter().enumerate() {
        let mut p = event(
            &format!("ev-kenya-{i}"),
            &kenya,
            (2024, 3, day),
            EventType::Protests,
        );
        p.country = Some("Kenya".into());
        p.location = Some("Nairobi".into());
        p.actor1 = Some("Protesters (Kenya)".into());
        p.latitude = Some(-1.29);
        p.longitude = Some(36.82);
        protests.push(p);
    }
    store.put_document(run, &kenya, &protests).unwrap();

    // Markup inside an article must come back as plain text, unaltered.
    let hostile = Document::new(
        "hostile-1",
        format!("GUSAU — {SCRIPT} Gunmen killed five villagers in Zamfara state on Sunday."),
    );
    let mut raid = event(
        "ev-zamfara",
        &hostile,
        (2024, 3, 10),
        EventType::ViolenceAgainstCivilians,
    );
    raid.country = Some("Nigeria".into());
    raid.fatalities = Some(5);
    raid.evidence.insert(
        "fatalities".into(),
        evidence_for(&hostile, "killed five villagers"),
    );
    store.put_document(run, &hostile, &[raid]).unwrap();

    // Non-ASCII before the evidence: offsets are characters, not bytes.
    let accents = Document::new(
        "mali-1",
        "BAMAKO — Des soldats maliens ont été attaqués près de Ségou; the army said \
         jihadists attacked a patrol near Ségou.",
    );
    let mut attack = event("ev-segou", &accents, (2024, 3, 12), EventType::Battles);
    attack.country = Some("Mali".into());
    attack.actor1 = Some("JNIM: Group for Support of Islam and Muslims".into());
    attack
        .evidence
        .insert("location".into(), evidence_for(&accents, "near Ségou."));
    store.put_document(run, &accents, &[attack]).unwrap();
    drop(store);
    Fixture { _dir: dir, db }
}

async fn get(db: &Path, uri: &str) -> (StatusCode, axum::http::HeaderMap, Value) {
    let response = sitrep_serve::router(db.to_path_buf())
        .oneshot(Request::builder().uri(uri).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = axum::body::to_bytes(response.into_body(), 64 << 20)
        .await
        .unwrap();
    let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    (status, headers, body)
}

async fn get_raw(db: &Path, uri: &str) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    let response = sitrep_serve::router(db.to_path_buf())
        .oneshot(Request::builder().uri(uri).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = axum::body::to_bytes(response.into_body(), 64 << 20)
        .await
        .unwrap();
    (status, headers, bytes.to_vec())
}

fn ids(page: &Value) -> Vec<String> {
    page["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["event_id"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn events_default_page_lists_everything_in_date_order() {
    let f = fixture();
    let (status, headers, page) = get(&f.db, "/api/events").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "application/json");
    assert_eq!(page["total"], 7);
    assert_eq!(page["limit"], 500);
    assert_eq!(page["offset"], 0);
    assert_eq!(
        ids(&page),
        [
            "ev-sudan-clash",
            "ev-sudan-shelling",
            "ev-kenya-0",
            "ev-kenya-1",
            "ev-kenya-2",
            "ev-zamfara",
            "ev-segou"
        ]
    );
}

#[tokio::test]
async fn filters_select_events() {
    let f = fixture();
    let cases: &[(&str, &[&str])] = &[
        ("type=battles", &["ev-sudan-clash", "ev-segou"]),
        (
            "type=Explosions%2FRemote%20violence",
            &["ev-sudan-shelling"],
        ),
        ("country=KENYA", &["ev-kenya-0", "ev-kenya-1", "ev-kenya-2"]),
        ("actor=rapid%20support", &["ev-sudan-clash"]),
        (
            "from=2024-03-07&to=2024-03-10",
            &["ev-kenya-2", "ev-zamfara"],
        ),
        ("bbox=20,10,40,20", &["ev-sudan-clash", "ev-sudan-shelling"]),
        ("type=Battles&country=Mali", &["ev-segou"]),
        ("country=x'%20OR%20'1'%3D'1", &[]),
        // blank form fields are ignored
        ("from=&to=&type=&country=Nigeria&actor=", &["ev-zamfara"]),
    ];
    for (qs, want) in cases {
        let (status, _, page) = get(&f.db, &format!("/api/events?{qs}")).await;
        assert_eq!(status, StatusCode::OK, "{qs}");
        assert_eq!(ids(&page), *want, "{qs}");
        assert_eq!(page["total"], want.len(), "{qs}");
    }
}

#[tokio::test]
async fn pages_cover_the_results_once() {
    let f = fixture();
    let (_, _, all) = get(&f.db, "/api/events").await;
    let all = ids(&all);
    let mut seen = Vec::new();
    for offset in (0..8).step_by(3) {
        let (status, _, page) = get(&f.db, &format!("/api/events?limit=3&offset={offset}")).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(page["total"], 7, "total counts every match, not the page");
        assert_eq!(page["limit"], 3);
        assert_eq!(page["offset"], offset);
        seen.extend(ids(&page));
    }
    assert_eq!(seen, all);
    let (_, _, past_end) = get(&f.db, "/api/events?offset=100").await;
    assert!(ids(&past_end).is_empty());
    assert_eq!(past_end["total"], 7);
}

#[tokio::test]
async fn invalid_parameters_are_400_with_a_json_error() {
    let f = fixture();
    for uri in [
        "/api/events?type=Skirmish",
        "/api/events?from=2024-02-30",
        "/api/events?from=2024-03-10&to=2024-03-01",
        "/api/events?limit=0",
        "/api/events?limit=5001",
        "/api/events?limit=many",
        "/api/events?offset=-1",
        "/api/events?bbox=1,2,3",
        "/api/events?bbox=170,0,-170,10",
        "/api/events?contry=Sudan",
        "/api/stats?limit=10",
        "/api/stats?type=nothing",
    ] {
        let (status, headers, body) = get(&f.db, uri).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}");
        assert_eq!(headers[header::CONTENT_TYPE], "application/json", "{uri}");
        let message = body["error"].as_str().unwrap_or_default();
        assert!(!message.is_empty(), "{uri}: {body}");
    }
    let (_, _, body) = get(&f.db, "/api/events?limit=5001").await;
    assert!(body["error"].as_str().unwrap().starts_with("limit"));
}

#[tokio::test]
async fn unknown_things_are_404() {
    let f = fixture();
    let (status, _, body) = get(&f.db, "/api/events/no-such-event").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body["error"].as_str().unwrap().contains("no-such-event"));
    let (status, headers, _) = get(&f.db, "/api/nothing-here").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(headers[header::CONTENT_TYPE], "application/json");
    let (status, _, _) = get_raw(&f.db, "/assets/../Cargo.toml").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _, _) = get_raw(&f.db, "/assets/secret.db").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn event_detail_carries_the_document_and_evidence_offsets() {
    let f = fixture();
    let (status, _, detail) = get(&f.db, "/api/events/ev-sudan-clash").await;
    assert_eq!(status, StatusCode::OK);
    let doc = &detail["document"];
    assert_eq!(doc["doc_id"], "sudan-1");
    assert_eq!(doc["title"], "Fighting in El Fasher kills 12");
    assert_eq!(doc["source"], "Wire");
    assert_eq!(doc["url"], "https://example.org/sudan-1");
    assert_eq!(doc["published"], "2024-03-05");
    assert!(doc.get("origin").is_none(), "local paths stay local");
    let event = &detail["event"];
    assert_eq!(event["fatalities"], 12);
    assert_eq!(event["evidence"]["event_date"]["origin"], "published");
    let text: Vec<char> = doc["text"].as_str().unwrap().chars().collect();
    for field in ["location", "fatalities", "actor2"] {
        let ev = &event["evidence"][field];
        let (start, end) = (
            ev["start"].as_u64().unwrap() as usize,
            ev["end"].as_u64().unwrap() as usize,
        );
        let slice: String = text[start..end].iter().collect();
        assert_eq!(slice, ev["text"].as_str().unwrap(), "{field}");
    }
}

#[tokio::test]
async fn evidence_offsets_are_characters_after_non_ascii_text() {
    let f = fixture();
    let (_, _, detail) = get(&f.db, "/api/events/ev-segou").await;
    let text: Vec<char> = detail["document"]["text"]
        .as_str()
        .unwrap()
        .chars()
        .collect();
    let ev = &detail["event"]["evidence"]["location"];
    let (start, end) = (
        ev["start"].as_u64().unwrap() as usize,
        ev["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(text[start..end].iter().collect::<String>(), "near Ségou.");
}

#[tokio::test]
async fn markup_in_articles_comes_back_as_plain_json_text() {
    let f = fixture();
    let (status, headers, raw) = get_raw(&f.db, "/api/events/ev-zamfara").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "application/json");
    assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    let detail: Value = serde_json::from_slice(&raw).unwrap();
    let text = detail["document"]["text"].as_str().unwrap();
    assert!(text.contains(SCRIPT), "the text is returned unaltered");
    // and the evidence after it still points at the right characters
    let ev = &detail["event"]["evidence"]["fatalities"];
    let start = ev["start"].as_u64().unwrap() as usize;
    let end = ev["end"].as_u64().unwrap() as usize;
    let slice: String = text.chars().skip(start).take(end - start).collect();
    assert_eq!(slice, "killed five villagers");
}

#[tokio::test]
async fn stats_count_by_type_and_day_under_filters() {
    let f = fixture();
    let (status, _, stats) = get(&f.db, "/api/stats").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(stats["events"], 7);
    assert_eq!(stats["fatalities"], 17);
    assert_eq!(stats["undated"], 0);
    assert_eq!(stats["by_type"][0]["type"], "Protests");
    assert_eq!(stats["by_type"][0]["events"], 3);
    let days: Vec<(String, u64)> = stats["by_day"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["date"].as_str().unwrap().to_string(),
                d["events"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        days,
        [
            ("2024-03-04".to_string(), 2),
            ("2024-03-05".to_string(), 1),
            ("2024-03-06".to_string(), 1),
            ("2024-03-07".to_string(), 1),
            ("2024-03-10".to_string(), 1),
            ("2024-03-12".to_string(), 1),
        ]
    );
    assert_eq!(stats["by_country"][0]["country"], "Kenya");
    assert_eq!(stats["by_country"][0]["events"], 3);
    assert_eq!(stats["by_country"].as_array().unwrap().len(), 4);
    let (_, _, sudan) = get(&f.db, "/api/stats?country=Sudan").await;
    assert_eq!(sudan["events"], 2);
    assert_eq!(sudan["fatalities"], 12);
    assert_eq!(sudan["by_day"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn openapi_parses_and_describes_every_api_route() {
    let f = fixture();
    let (status, headers, spec) = get(&f.db, "/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "application/json");
    assert!(spec["openapi"].as_str().unwrap().starts_with("3.0"));
    let paths = spec["paths"].as_object().unwrap();
    let served: Vec<&str> = sitrep_serve::ROUTES
        .iter()
        .copied()
        .filter(|r| r.starts_with("/api/") || *r == "/openapi.json")
        .collect();
    for route in &served {
        assert!(paths.contains_key(*route), "{route} is not described");
        assert!(paths[*route]["get"].is_object(), "{route} has no GET");
    }
    for described in paths.keys() {
        assert!(
            served.contains(&described.as_str()),
            "{described} is described but not served"
        );
    }
    // every $ref points at something that exists
    let text = serde_json::to_string(&spec).unwrap();
    for piece in text.split("\"$ref\":\"#/").skip(1) {
        let target = &piece[..piece.find('"').unwrap()];
        let mut node = &spec;
        for key in target.split('/') {
            node = &node[key];
        }
        assert!(!node.is_null(), "dangling $ref {target}");
    }
}

#[tokio::test]
async fn dashboard_and_assets_are_served_with_a_strict_policy() {
    let f = fixture();
    let (status, headers, html) = get_raw(&f.db, "/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    let csp = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"));
    let html = String::from_utf8(html).unwrap();
    assert!(html.contains("/assets/app.js"));
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "nothing remote"
    );
    let (status, _, js) = get_raw(&f.db, "/assets/app.js").await;
    assert_eq!(status, StatusCode::OK);
    let js = String::from_utf8(js).unwrap();
    assert!(
        !js.contains("innerHTML"),
        "article text must never meet innerHTML"
    );
    let (status, headers, world) = get(&f.db, "/assets/countries-110m.json").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "application/json");
    assert_eq!(world["type"], "Topology");
    assert!(
        world["objects"]["countries"]["geometries"]
            .as_array()
            .unwrap()
            .len()
            > 150
    );
}

#[tokio::test]
async fn a_missing_database_is_a_500_and_is_not_created() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("absent.db");
    let (status, _, body) = get(&db, "/api/events").await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(body["error"], "internal error");
    assert!(!db.exists());
    let refused = sitrep_serve::Server::bind(db.clone(), "127.0.0.1:0".parse().unwrap()).await;
    assert!(matches!(
        refused,
        Err(sitrep_serve::ServeError::MissingDatabase(_))
    ));
}

/// The one test over a real socket: `Server` binds a free loopback port and
/// answers plain HTTP/1.1.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn server_answers_over_loopback() {
    let f = fixture();
    let server = sitrep_serve::Server::bind(f.db.clone(), "127.0.0.1:0".parse().unwrap())
        .await
        .unwrap();
    let addr = server.local_addr().unwrap();
    assert!(addr.ip().is_loopback() && addr.port() != 0);
    let running = tokio::spawn(server.run());
    let response = tokio::task::spawn_blocking(move || {
        use std::io::{Read, Write};
        let mut stream = std::net::TcpStream::connect(addr).unwrap();
        stream
            .set_read_timeout(Some(std::time::Duration::from_secs(10)))
            .unwrap();
        stream
            .write_all(b"GET /api/stats?country=Kenya HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            .unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        response
    })
    .await
    .unwrap();
    running.abort();
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    let body = &response[response.find("\r\n\r\n").unwrap() + 4..];
    let stats: Value = serde_json::from_str(body).unwrap();
    assert_eq!(stats["events"], 3);
}

/// Tal Afar changing hands twice, a clash there that is not a change of
/// control, and a Boko Haram commander killed near Bama.
fn state_fixture() -> Fixture {
    use sitrep_model::SubEventType;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("state.db");
    let mut store = Store::open(&db).unwrap();
    let run = store.begin_run("test", &[]).unwrap();
    let territorial = |id: &str, doc: &Document, date, sub, taker: &str, loser: &str| {
        let mut e = event(id, doc, date, EventType::Battles);
        e.sub_event_type = Some(sub);
        e.actor1 = Some(taker.into());
        e.actor2 = Some(loser.into());
        e.location = Some("Tal Afar".into());
        e.country = Some("Iraq".into());
        e.latitude = Some(36.38);
        e.longitude = Some(42.45);
        e
    };
    let fall = Document::new(
        "tal-afar-2014",
        "Islamic State fighters seized Tal Afar on Monday after government troops withdrew.",
    );
    let seized = territorial(
        "ev-taken",
        &fall,
        (2014, 6, 16),
        SubEventType::NonStateActorOvertakesTerritory,
        "Islamic State",
        "Military Forces of Iraq",
    );
    store.put_document(run, &fall, &[seized]).unwrap();
    let retaken = Document::new(
        "tal-afar-2017",
        "Iraqi forces retook Tal Afar from Islamic State on Saturday. Clashes continued west of the town.",
    );
    let back = territorial(
        "ev-retaken",
        &retaken,
        (2017, 8, 26),
        SubEventType::GovernmentRegainsTerritory,
        "Military Forces of Iraq",
        "Islamic State",
    );
    let mut clash = territorial(
        "ev-clash",
        &retaken,
        (2017, 8, 27),
        SubEventType::ArmedClash,
        "Military Forces of Iraq",
        "Islamic State",
    );
    clash.sub_event_type = Some(SubEventType::ArmedClash);
    store.put_document(run, &retaken, &[back, clash]).unwrap();

    let raid = Document::new(
        "bama-2024",
        "Troops fought insurgents near Bama on Monday. Boko Haram commander Abubakar Kaka was killed in the fighting, the army said.",
    );
    let mut fight = event("ev-bama", &raid, (2024, 6, 10), EventType::Battles);
    fight.actor1 = Some("Military Forces of Nigeria".into());
    fight.actor2 = Some("Boko Haram".into());
    fight.location = Some("Bama".into());
    fight
        .evidence
        .insert("actor2".into(), evidence_for(&raid, "Boko Haram"));
    store.put_document(run, &raid, &[fight]).unwrap();
    drop(store);
    Fixture { _dir: dir, db }
}

#[tokio::test]
async fn control_timelines_come_from_territorial_events_only() {
    let f = state_fixture();
    let (status, _, all) = get(&f.db, "/api/control").await;
    assert_eq!(status, StatusCode::OK);
    assert!(all["place"].is_null());
    let timelines = all["timelines"].as_array().unwrap();
    assert_eq!(timelines.len(), 1);
    let changes = timelines[0]["changes"].as_array().unwrap();
    let summary: Vec<(&str, &str)> = changes
        .iter()
        .map(|c| {
            (
                c["date"].as_str().unwrap(),
                c["controller"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("2014-06-16", "Islamic State"),
            ("2017-08-26", "Military Forces of Iraq")
        ],
        "the armed clash is not a change of control"
    );
    assert_eq!(changes[1]["previous"], "Islamic State");
    assert_eq!(changes[1]["event_id"], "ev-retaken");

    let (_, _, named) = get(&f.db, "/api/control?place=tal%20afar").await;
    assert_eq!(named["place"], "tal afar");
    assert_eq!(named["timelines"].as_array().unwrap().len(), 1);
    let (_, _, elsewhere) = get(&f.db, "/api/control?place=Mosul").await;
    assert!(elsewhere["timelines"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn leaders_are_read_from_documents_per_group() {
    let f = state_fixture();
    let (status, _, all) = get(&f.db, "/api/leaders").await;
    assert_eq!(status, StatusCode::OK);
    let groups = all["groups"].as_array().unwrap();
    assert_eq!(groups.len(), 1, "{all}");
    let group = groups[0]["group"].as_str().unwrap().to_string();
    assert!(group.contains("Boko Haram"), "{group}");
    let loss = &groups[0]["losses"][0];
    assert_eq!(loss["leader"], "Abubakar Kaka");
    assert_eq!(loss["outcome"], "killed");
    assert_eq!(loss["doc_id"], "bama-2024");

    let wanted = group.to_uppercase().replace(' ', "%20");
    let (_, _, one) = get(&f.db, &format!("/api/leaders?group={wanted}")).await;
    assert_eq!(one["groups"].as_array().unwrap().len(), 1);
    let (_, _, none) = get(&f.db, "/api/leaders?group=Ansaru").await;
    assert!(none["groups"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn state_endpoints_refuse_bad_parameters() {
    let f = state_fixture();
    let long = "a".repeat(201);
    for uri in [
        "/api/control?town=Tal%20Afar".to_string(),
        format!("/api/control?place={long}"),
        "/api/leaders?name=Kaka".to_string(),
        format!("/api/leaders?group={long}"),
    ] {
        let (status, _, body) = get(&f.db, &uri).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}");
        assert!(body["error"].is_string(), "{uri}");
    }
}

/// More requests than the query limit at once: the extra ones queue and
/// every one is answered.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_requests_beyond_the_query_limit_all_complete() {
    let f = fixture();
    let app = sitrep_serve::router(f.db.clone());
    let requests = 3 * sitrep_serve::MAX_CONCURRENT_QUERIES;
    let handles: Vec<_> = (0..requests)
        .map(|i| {
            let app = app.clone();
            tokio::spawn(async move {
                let uri = format!("/api/events?limit=1&offset={}", i % 7);
                let response = app
                    .oneshot(Request::builder().uri(uri).body(Body::empty()).unwrap())
                    .await
                    .unwrap();
                response.status()
            })
        })
        .collect();
    for handle in handles {
        assert_eq!(handle.await.unwrap(), StatusCode::OK);
    }
}
