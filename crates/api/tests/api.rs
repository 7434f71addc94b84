//! API tests: every endpoint and error path, through the router with a temp store.

use std::sync::Arc;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use axum::Router;
use serde_json::{json, Value};
use tocsin_api::{router, seed_demo, AppState, DemoConfig};
use tocsin_extract::Output;
use tocsin_ingest::Extract;
use tocsin_model::{
    Actor, EventDate, Extraction, Field, GeoPrecision, Inter, Place, Report, Span, SubEventType,
    TimePrecision,
};
use tocsin_store::{Ingested, Store};
use tower::ServiceExt;

/// A check on one event of a page.
type Holds = dyn Fn(&Value) -> bool;

/// Demo events in the test store, besides the hand-built French one.
const N_DEMO: usize = 120;

/// A French report with accents before the evidence, to check offsets.
const FRENCH: &str =
    "À Sokodé, le 3 mars 2024, des élèves ont manifesté pacifiquement devant la préfecture.";

/// A stand-in extractor: one protest in Lomé per report that says "marched".
struct Marches;

impl Extract for Marches {
    fn extract(&self, report: &Report, _desk_country: Option<&str>) -> Output {
        let Some(start) = report.text.find("marched") else { return Output::default() };
        let span = Span::new(start, start + "marched".len());
        let extraction = Extraction {
            report_id: report.id.clone(),
            date: report.published.map(|date| {
                Field::inferred(EventDate { date, precision: TimePrecision::Day }, 0.5)
            }),
            sub_event_type: Field::found(SubEventType::PeacefulProtest, span, 0.7),
            actor1: Field::inferred(Actor::new("Protesters (Togo)", Inter::Protesters), 0.6),
            assoc_actor_1: vec![],
            actor2: None,
            assoc_actor_2: vec![],
            civilian_targeting: Field::inferred(false, 0.9),
            place: Some(Field::inferred(place("Lome", 6.1319, 1.2228), 0.5)),
            fatalities: Field::inferred(0, 0.6),
            trigger: Span::new(0, report.text.len()),
            confidence: 0.6,
        };
        Output { events: vec![extraction], ..Output::default() }
    }
}

fn place(location: &str, latitude: f64, longitude: f64) -> Place {
    Place {
        country: "Togo".into(),
        country_code: "TG".into(),
        admin1: Some("Centrale".into()),
        admin2: None,
        admin3: None,
        location: location.into(),
        latitude,
        longitude,
        geo_precision: GeoPrecision::Town,
        border_distance_km: None,
        coordinates_of: None,
    }
}

fn span_of(text: &str, words: &str) -> Span {
    let start = text.find(words).expect("test words are in the test text");
    Span::new(start, start + words.len())
}

/// A temp store with the demo events and one French event; the router over it.
struct Fixture {
    _dir: tempfile::TempDir,
    app: Router,
    french_id: String,
}

fn fixture_with(max_body: usize) -> Fixture {
    let dir = tempfile::tempdir().expect("a temp dir");
    let db = dir.path().join("test.db");
    let mut store = Store::open(&db).expect("a new store");
    let now = "2024-07-01T12:00:00Z".parse().expect("a fixed time");
    let config = DemoConfig { n_events: N_DEMO, ..DemoConfig::default() };
    seed_demo(&mut store, &config, now).expect("seeding");
    let mut report = Report::new("fr-1", FRENCH);
    report.title = Some("Manifestation à Sokodé".into());
    report.published = "2024-03-04".parse().ok();
    let extraction = Extraction {
        report_id: "fr-1".into(),
        date: Some(Field::found(
            EventDate {
                date: "2024-03-03".parse().expect("a date"),
                precision: TimePrecision::Day,
            },
            span_of(FRENCH, "3 mars 2024"),
            0.9,
        )),
        sub_event_type: Field::found(
            SubEventType::PeacefulProtest,
            span_of(FRENCH, "manifesté pacifiquement"),
            0.8,
        ),
        actor1: Field::found(
            Actor::new("Protesters (Togo)", Inter::Protesters),
            span_of(FRENCH, "élèves"),
            0.7,
        ),
        assoc_actor_1: vec![],
        actor2: None,
        assoc_actor_2: vec![],
        civilian_targeting: Field::inferred(false, 0.9),
        place: Some(Field::found(place("Sokodé", 8.9833, 1.1333), span_of(FRENCH, "Sokodé"), 0.9)),
        fatalities: Field::inferred(0, 0.6),
        trigger: Span::new(0, FRENCH.len()),
        confidence: 0.8,
    };
    store.ingest(&[Ingested { report, events: vec![extraction] }], now).expect("storing");
    let french_id = store
        .events(&tocsin_store::EventFilter {
            text: Some("préfecture".into()),
            ..Default::default()
        })
        .expect("a query")
        .first()
        .map(|event| event.id.clone())
        .expect("the French event");
    drop(store);
    let state = AppState::builder(db).extractor(Arc::new(Marches)).max_body_bytes(max_body).build();
    Fixture { _dir: dir, app: router(state), french_id }
}

fn fixture() -> Fixture {
    fixture_with(tocsin_api::DEFAULT_MAX_BODY_BYTES)
}

/// Sends a request; returns the status, the content type and the body as JSON (or a
/// JSON string holding the text when it is not JSON).
async fn send(
    app: &Router,
    method: Method,
    uri: &str,
    body: Vec<u8>,
) -> (StatusCode, String, Value) {
    let request = Request::builder()
        .method(method)
        .uri(uri)
        .header("content-type", "application/json")
        .body(Body::from(body))
        .expect("a request");
    let response = app.clone().oneshot(request).await.expect("the router answers");
    let status = response.status();
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|value| value.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX).await.expect("a body");
    let value = serde_json::from_slice(&bytes)
        .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned()));
    (status, content_type, value)
}

async fn get(app: &Router, uri: &str) -> (StatusCode, Value) {
    let (status, _, value) = send(app, Method::GET, uri, Vec::new()).await;
    (status, value)
}

/// GETs `uri` and checks the status; returns the body.
async fn check(app: &Router, uri: &str, expected: StatusCode) -> Value {
    let (status, value) = get(app, uri).await;
    assert_eq!(status, expected, "{uri}: {value}");
    value
}

/// GETs `uri`, expects a 4xx with an error and a hint, and that the error says `words`.
async fn check_error(app: &Router, uri: &str, expected: StatusCode, words: &str) {
    let value = check(app, uri, expected).await;
    let error = value["error"].as_str().unwrap_or_default();
    assert!(error.contains(words), "{uri}: {error:?} lacks {words:?}");
    assert!(value["hint"].as_str().is_some_and(|hint| !hint.is_empty()), "{uri}: no hint");
}

fn events(page: &Value) -> &Vec<Value> {
    page["events"].as_array().expect("an events array")
}

fn total(page: &Value) -> u64 {
    page["total"].as_u64().expect("a total")
}

#[tokio::test]
async fn events_default_page() {
    let f = fixture();
    let page = check(&f.app, "/api/events", StatusCode::OK).await;
    assert_eq!(total(&page), N_DEMO as u64 + 1);
    assert_eq!(page["limit"], 100);
    assert_eq!(events(&page).len(), 100);
    let dates: Vec<&str> = events(&page).iter().filter_map(|e| e["date"].as_str()).collect();
    assert!(dates.windows(2).all(|pair| pair[0] >= pair[1]), "newest first");
}

#[tokio::test]
async fn events_filters() {
    let f = fixture();
    let cases: [(&str, &Holds); 11] = [
        ("country=TG", &|e| e["country_code"] == "TG"),
        ("country=Burkina%20Faso", &|e| e["country"] == "Burkina Faso"),
        ("admin1=sahel", &|e| e["admin1"] == "Sahel"),
        ("admin2=Kpendjal", &|e| e["admin2"] == "Kpendjal"),
        ("event_type=Battles", &|e| e["event_type"] == "Battles"),
        ("sub_event_type=Peaceful%20protest", &|e| e["sub_event_type"] == "Peaceful protest"),
        ("start=2024-03-01&end=2024-03-31", &|e| {
            e["date"].as_str().is_some_and(|d| ("2024-03-01"..="2024-03-31").contains(&d))
        }),
        ("bbox=-1,6,2,11.5", &|e| e["country_code"] == "TG"),
        ("min_fatalities=10", &|e| e["fatalities"].as_u64().is_some_and(|n| n >= 10)),
        ("max_fatalities=0", &|e| e["fatalities"] == 0),
        ("actor=katiba", &|e| e["actor1"] == "Katiba Macina"),
    ];
    for (query, holds) in cases {
        let page = check(&f.app, &format!("/api/events?{query}&limit=1000"), StatusCode::OK).await;
        assert!(!events(&page).is_empty(), "{query}: no events");
        assert_eq!(events(&page).len() as u64, total(&page), "{query}");
        for event in events(&page) {
            assert!(holds(event), "{query}: {event}");
        }
        assert!(total(&page) < N_DEMO as u64 + 1, "{query} filters nothing");
    }
}

#[tokio::test]
async fn events_text_search_paging_and_sort() {
    let f = fixture();
    let page = check(&f.app, "/api/events?q=granaries&limit=1000", StatusCode::OK).await;
    assert!(events(&page).iter().all(|e| e["sub_event_type"] == "Looting/property destruction"));
    let page = check(&f.app, "/api/events?q=prefecture", StatusCode::OK).await;
    assert_eq!(total(&page), 1, "accents are ignored");
    let all = check(&f.app, "/api/events?limit=1000&sort=%2Bdate", StatusCode::OK).await;
    let second = check(&f.app, "/api/events?limit=10&offset=10&sort=%2Bdate", StatusCode::OK).await;
    assert_eq!(events(&second)[..], events(&all)[10..20]);
    let dates: Vec<&str> = events(&all).iter().filter_map(|e| e["date"].as_str()).collect();
    assert!(dates.windows(2).all(|pair| pair[0] <= pair[1]), "oldest first");
    let deadly = check(&f.app, "/api/events?sort=fatalities&limit=1000", StatusCode::OK).await;
    let deaths: Vec<u64> =
        events(&deadly).iter().filter_map(|e| e["fatalities"].as_u64()).collect();
    assert!(deaths.windows(2).all(|pair| pair[0] >= pair[1]));
    let empty = check(&f.app, "/api/events?limit=0", StatusCode::OK).await;
    assert!(events(&empty).is_empty());
    assert_eq!(total(&empty), N_DEMO as u64 + 1);
}

#[tokio::test]
async fn events_with_subgroups_use_the_actor_family() {
    let f = fixture();
    let alone = check(&f.app, "/api/events?actor=JNIM&limit=1000", StatusCode::OK).await;
    let family =
        check(&f.app, "/api/events?actor=JNIM&with_subgroups=true&limit=1000", StatusCode::OK)
            .await;
    assert!(events(&alone).iter().all(|e| e["actor1"] != "Katiba Macina"));
    assert!(events(&family).iter().any(|e| e["actor1"] == "Katiba Macina"), "sub-group found");
    assert!(total(&family) > total(&alone));
    let paged = check(
        &f.app,
        "/api/events?actor=JNIM&with_subgroups=true&limit=5&offset=5",
        StatusCode::OK,
    )
    .await;
    assert_eq!(events(&paged)[..], events(&family)[5..10]);
    check_error(
        &f.app,
        "/api/events?actor=JNIM&with_subgroups=true&sort=stored",
        StatusCode::BAD_REQUEST,
        "sort=stored",
    )
    .await;
}

#[tokio::test]
async fn subgroup_stats_actors_and_pages_agree() {
    let f = fixture();
    let family = "actor=JNIM&with_subgroups=true";
    let listed = check(&f.app, &format!("/api/events?{family}&limit=1000"), StatusCode::OK).await;
    let stats = check(&f.app, &format!("/api/stats?{family}"), StatusCode::OK).await;
    assert_eq!(stats["events"].as_u64(), Some(total(&listed)), "stats count every match");
    let actors = check(&f.app, &format!("/api/actors?{family}"), StatusCode::OK).await;
    let actor1: u64 =
        actors.as_array().map_or(0, |all| all.iter().filter_map(|a| a["as_actor1"].as_u64()).sum());
    assert_eq!(actor1, total(&listed), "one actor 1 per matching event");
    // A family page is in the store's order, the order of any other filter's pages.
    for sort in ["date", "+date", "fatalities"] {
        let page =
            check(&f.app, &format!("/api/events?{family}&sort={sort}"), StatusCode::OK).await;
        let ids: Vec<&str> = events(&page).iter().filter_map(|e| e["id"].as_str()).collect();
        let alone =
            check(&f.app, &format!("/api/events?sort={sort}&limit=1000"), StatusCode::OK).await;
        let order: Vec<&str> = events(&alone)
            .iter()
            .filter_map(|e| e["id"].as_str())
            .filter(|id| ids.contains(id))
            .collect();
        assert_eq!(ids[..order.len()], order[..], "{sort}");
    }
}

#[tokio::test]
async fn events_as_geojson_and_csv() {
    let f = fixture();
    let (status, content_type, value) =
        send(&f.app, Method::GET, "/api/events?country=TG&format=geojson&limit=7", vec![]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(content_type, "application/geo+json");
    assert_eq!(value["type"], "FeatureCollection");
    assert_eq!(value["features"].as_array().map(Vec::len), Some(7));
    assert_eq!(value["features"][0]["geometry"]["type"], "Point");
    let (status, content_type, value) =
        send(&f.app, Method::GET, "/api/events?format=csv&limit=3", vec![]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(content_type.starts_with("text/csv"));
    let text = value.as_str().expect("CSV text");
    assert!(text.starts_with("event_id_cnty,event_date,"), "{text}");
    assert_eq!(text.lines().count(), 4, "header and three rows");
}

#[tokio::test]
async fn event_detail_has_evidence_sources_and_history() {
    let f = fixture();
    let detail = check(&f.app, &format!("/api/events/{}", f.french_id), StatusCode::OK).await;
    assert_eq!(detail["event"]["id"], f.french_id.as_str());
    assert_eq!(detail["event"]["location"], "Sokodé");
    let source = &detail["sources"][0];
    assert_eq!(source["report_id"], "fr-1");
    assert_eq!(source["title"], "Manifestation à Sokodé");
    assert_eq!(source["published"], "2024-03-04");
    let text = source["text"].as_str().expect("the report text");
    assert_eq!(text, FRENCH);
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let evidence = source["evidence"].as_array().expect("evidence");
    let location = evidence.iter().find(|e| e["field"] == "location").expect("location evidence");
    assert_eq!(location["text"], "Sokodé");
    let (start, end) = (location["utf16_start"].as_u64(), location["utf16_end"].as_u64());
    let (Some(start), Some(end)) = (start, end) else { panic!("no UTF-16 offsets: {location}") };
    let quoted = String::from_utf16_lossy(&utf16[start as usize..end as usize]);
    assert_eq!(quoted, "Sokodé", "UTF-16 offsets quote the same words as byte offsets");
    let fields = detail["fields"].as_array().expect("fields");
    let date = fields.iter().find(|f| f["field"] == "event_date").expect("the date field");
    assert_eq!(date["value"], "2024-03-03");
    assert_eq!(date["evidence"][0]["text"], "3 mars 2024");
    assert!((date["confidence"].as_f64().unwrap_or(0.0) - 0.9).abs() < 1e-6);
    let fatalities = fields.iter().find(|f| f["field"] == "fatalities").expect("fatalities");
    assert_eq!(fatalities["evidence"][0]["start"], Value::Null, "inferred: no words");
    assert_eq!(detail["history"][0]["change"], "created");
}

#[tokio::test]
async fn event_detail_unknown_and_odd_ids() {
    let f = fixture();
    check_error(&f.app, "/api/events/NOPE999", StatusCode::NOT_FOUND, "no event").await;
    check_error(
        &f.app,
        "/api/events/%27%3B%20DROP%20TABLE%20events",
        StatusCode::NOT_FOUND,
        "no event",
    )
    .await;
    check_error(&f.app, "/api/events/", StatusCode::NOT_FOUND, "no endpoint").await;
}

#[tokio::test]
async fn actors_with_counts() {
    let f = fixture();
    let actors = check(&f.app, "/api/actors", StatusCode::OK).await;
    let actors = actors.as_array().expect("an array");
    assert!(actors.iter().any(|a| a["name"] == "Katiba Macina"));
    let counts: Vec<u64> = actors.iter().filter_map(|a| a["events"].as_u64()).collect();
    assert!(counts.windows(2).all(|pair| pair[0] >= pair[1]), "most events first");
    let as_actor1: u64 = actors.iter().filter_map(|a| a["as_actor1"].as_u64()).sum();
    assert_eq!(as_actor1, N_DEMO as u64 + 1, "every event has one actor 1");
    let togo = check(&f.app, "/api/actors?country=TG&limit=3", StatusCode::OK).await;
    assert!(togo.as_array().is_some_and(|a| !a.is_empty() && a.len() <= 3));
    check_error(&f.app, "/api/actors?start=soon", StatusCode::BAD_REQUEST, "not a date").await;
}

#[tokio::test]
async fn places_search() {
    let f = fixture();
    let places = check(&f.app, "/api/places?q=Lome&limit=5", StatusCode::OK).await;
    let places = places.as_array().expect("an array");
    assert!(places.iter().any(|p| p["country_code"] == "TG"), "{places:?}");
    assert!(places.len() <= 5);
    check_error(&f.app, "/api/places", StatusCode::BAD_REQUEST, "q is missing").await;
    check_error(&f.app, "/api/places?q=Lome&limit=0", StatusCode::BAD_REQUEST, "limit").await;
    check_error(&f.app, "/api/places?name=Lome", StatusCode::BAD_REQUEST, "unknown parameter")
        .await;
}

#[tokio::test]
async fn stats_by_week_admin1_and_type() {
    let f = fixture();
    let stats = check(&f.app, "/api/stats", StatusCode::OK).await;
    let sum = |key: &str| -> u64 {
        stats[key]
            .as_array()
            .map_or(0, |rows| rows.iter().filter_map(|r| r["events"].as_u64()).sum())
    };
    assert_eq!(stats["events"], N_DEMO as u64 + 1);
    assert_eq!(sum("by_week") + stats["undated"].as_u64().unwrap_or(0), N_DEMO as u64 + 1);
    assert_eq!(sum("by_admin1"), N_DEMO as u64 + 1);
    assert_eq!(sum("by_event_type"), N_DEMO as u64 + 1);
    let weeks = stats["by_week"].as_array().expect("weeks");
    assert!(weeks.iter().all(|w| w["week"].as_str().is_some_and(|s| s.contains("-W"))));
    let march = check(&f.app, "/api/stats?start=2024-03-03&end=2024-03-03", StatusCode::OK).await;
    assert_eq!(march["by_week"][0]["week"], "2024-W09");
    assert_eq!(march["by_week"][0]["start"], "2024-02-26");
    let togo = check(&f.app, "/api/stats?country=TG", StatusCode::OK).await;
    assert!(togo["by_admin1"]
        .as_array()
        .is_some_and(|rows| rows.iter().all(|r| r["country"] == "Togo")));
}

#[tokio::test]
async fn submit_reports_creates_events_once() {
    let f = fixture();
    let one = json!({"id": "new-1", "text": "Students marched in Lome against fees.", "title": null, "published": "2024-06-10", "source": "Test", "language": "en"});
    let (status, _, value) =
        send(&f.app, Method::POST, "/api/reports", one.to_string().into_bytes()).await;
    assert_eq!(status, StatusCode::CREATED, "{value}");
    assert_eq!(value["reports_new"], 1);
    assert_eq!(value["events_created"], 1);
    assert_eq!(value["events"][0]["sub_event_type"], "Peaceful protest");
    assert_eq!(value["events"][0]["date"], "2024-06-10");
    let (status, _, value) =
        send(&f.app, Method::POST, "/api/reports", one.to_string().into_bytes()).await;
    assert_eq!(status, StatusCode::OK, "{value}");
    assert_eq!(value["reports_duplicate"], 1);
    assert_eq!(value["events"], json!([]));
    let two = json!([
        {"id": "new-2", "text": "Farmers marched in Kara.", "published": "2024-06-11"},
        {"id": "new-3", "text": "Nothing happened today."}
    ]);
    let (status, _, value) =
        send(&f.app, Method::POST, "/api/reports", two.to_string().into_bytes()).await;
    assert_eq!(status, StatusCode::CREATED, "{value}");
    assert_eq!(
        (value["reports_new"].as_u64(), value["events_created"].as_u64()),
        (Some(2), Some(1))
    );
    let page = check(&f.app, "/api/events?q=farmers", StatusCode::OK).await;
    assert_eq!(total(&page), 1, "the new event is searchable");
}

#[tokio::test]
async fn submit_reports_errors() {
    let f = fixture_with(2_000);
    let cases: [(&[u8], StatusCode, &str); 6] = [
        (b"{not json", StatusCode::BAD_REQUEST, "not JSON"),
        (b"", StatusCode::BAD_REQUEST, "not JSON"),
        (b"42", StatusCode::BAD_REQUEST, "neither"),
        (b"[1, 2]", StatusCode::BAD_REQUEST, "neither"),
        (b"[]", StatusCode::BAD_REQUEST, "no reports"),
        (b"{\"id\": \"x\", \"text\": 5}", StatusCode::UNPROCESSABLE_ENTITY, "cannot be read"),
    ];
    for (body, expected, words) in cases {
        let (status, _, value) = send(&f.app, Method::POST, "/api/reports", body.to_vec()).await;
        assert_eq!(status, expected, "{}: {value}", String::from_utf8_lossy(body));
        let error = value["error"].as_str().unwrap_or_default();
        assert!(error.contains(words), "{error:?} lacks {words:?}");
    }
    let big = json!({"id": "big", "text": "x".repeat(5_000)}).to_string().into_bytes();
    let (status, _, value) = send(&f.app, Method::POST, "/api/reports", big).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{value}");
    assert!(value["error"].as_str().is_some_and(|e| e.contains("larger than 2000 bytes")));
    let (status, _, value) = send(&f.app, Method::GET, "/api/reports", vec![]).await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED, "{value}");
    assert!(value["hint"].is_string());
}

#[tokio::test]
async fn bad_queries_get_400_with_a_hint() {
    let f = fixture();
    let cases = [
        ("/api/events?start=2024-02-30", "not a date"),
        ("/api/events?end=01/05/2024", "not a date"),
        ("/api/events?start=2024-05-01&end=2024-04-01", "after end"),
        ("/api/events?bbox=1,2,3", "not four numbers"),
        ("/api/events?bbox=0,50,10,40", "southern edge"),
        ("/api/events?bbox=0,0,200,10", "out of range"),
        ("/api/events?limit=1001", "above the maximum"),
        ("/api/events?limit=ten", "not a whole number"),
        ("/api/events?offset=-3", "not a whole number"),
        ("/api/events?event_type=Wars", "unknown event_type"),
        ("/api/events?sort=colour", "unknown sort"),
        ("/api/events?format=xml", "unknown format"),
        ("/api/events?min_fatalities=9&max_fatalities=1", "above max_fatalities"),
        ("/api/events?contry=TG", "unknown parameter"),
        ("/api/stats?bbox=x", "not four numbers"),
        ("/api/stats?sort=date", "unknown parameter"),
    ];
    for (uri, words) in cases {
        check_error(&f.app, uri, StatusCode::BAD_REQUEST, words).await;
    }
}

#[tokio::test]
async fn text_search_garbage_never_fails_the_server() {
    let f = fixture();
    let garbage = [
        "%22unbalanced",
        "AND",
        "OR%20OR%20OR",
        "NOT",
        "*",
        "(((",
        "a%20NEAR(b",
        "%5E%5E%5E",
        "col%3Avalue",
        "%00",
        "%22%22",
        "-",
        "title%3A%22x",
        "%E2%80%94%E2%80%94",
        "x*%20*y",
    ];
    for q in garbage {
        let (status, value) = get(&f.app, &format!("/api/events?q={q}")).await;
        assert!(
            status == StatusCode::OK
                || (status == StatusCode::BAD_REQUEST && value["hint"].is_string()),
            "q={q}: {status} {value}"
        );
    }
}

#[tokio::test]
async fn unknown_api_paths_are_404_json() {
    let f = fixture();
    check_error(&f.app, "/api/nothing", StatusCode::NOT_FOUND, "no endpoint").await;
    let (status, _, value) = send(&f.app, Method::DELETE, "/api/events", vec![]).await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert!(value["error"].as_str().is_some_and(|e| e.contains("DELETE")));
}

#[tokio::test]
async fn every_documented_path_answers() {
    let f = fixture();
    let doc = check(&f.app, "/api/openapi.json", StatusCode::OK).await;
    assert_eq!(doc["openapi"].as_str().map(|v| v.starts_with("3.")), Some(true));
    let paths = doc["paths"].as_object().expect("paths");
    assert_eq!(paths.len(), 7);
    for (path, operations) in paths {
        for (method, operation) in operations.as_object().expect("operations") {
            let uri = path.replace("{id}", &f.french_id);
            let uri = if uri == "/api/places" { format!("{uri}?q=Kara") } else { uri };
            let (method, body) = match method.as_str() {
                "get" => (Method::GET, Vec::new()),
                "post" => (Method::POST, br#"{"id": "doc", "text": "They marched."}"#.to_vec()),
                other => panic!("undocumented method {other}"),
            };
            let (status, _, value) = send(&f.app, method, &uri, body).await;
            let code = status.as_u16().to_string();
            assert!(status.is_success(), "{uri}: {status} {value}");
            assert!(operation["responses"].get(&code).is_some(), "{uri}: {code} is undocumented");
        }
    }
}

#[tokio::test]
async fn dashboard_assets_are_embedded() {
    let f = fixture();
    let cases = [
        ("/", "text/html"),
        ("/app.js", "javascript"),
        ("/style.css", "text/css"),
        ("/vendor/leaflet/leaflet.js", "javascript"),
        ("/vendor/leaflet/leaflet.css", "text/css"),
        ("/vendor/markercluster/leaflet.markercluster.js", "javascript"),
        ("/vendor/topojson/topojson-client.min.js", "javascript"),
        ("/data/countries-50m.json", "json"),
    ];
    for (uri, kind) in cases {
        let (status, content_type, _) = send(&f.app, Method::GET, uri, vec![]).await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        assert!(content_type.contains(kind), "{uri}: {content_type}");
    }
    let (status, _, _) = send(&f.app, Method::GET, "/missing.js", vec![]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
