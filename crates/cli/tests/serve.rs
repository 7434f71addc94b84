//! `tocsin demo` and `tocsin serve`: the samples through the pipeline, and the HTTP server on loopback.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::Stdio;
use std::time::Duration;

use crate::util::Env;

#[test]
fn demo_ingests_the_samples_and_lists_their_events() {
    let env = Env::new();
    let first = env.run(&["demo", "--no-serve"]).success();
    first.stdout_has("reports read").stdout_has("TGO");
    let rows = env.run(&["export", "--format", "jsonl"]).success().jsonl();
    assert!(rows.len() >= 5, "the samples describe several events, got {}", rows.len());
    assert!(rows.iter().any(|row| row["country"] == "Togo" && row["event_type"] == "Battles"));
    // A second demo run finds every sample stored already and changes nothing.
    env.run(&["demo", "--no-serve"]).success().stdout_has("0 new");
    assert_eq!(env.run(&["export", "--format", "jsonl"]).success().jsonl().len(), rows.len());
}

#[test]
fn serve_answers_on_loopback_until_stopped() {
    let env = Env::new();
    env.run(&["demo", "--no-serve"]).success();
    let n_events = env.run(&["export", "--format", "jsonl"]).success().jsonl().len();
    let mut child = env
        .command()
        .arg("--db")
        .arg(env.db())
        .args(["serve", "--addr", "127.0.0.1:0"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("running tocsin serve");
    let mut stderr = BufReader::new(child.stderr.take().expect("piped stderr"));
    let mut line = String::new();
    let _ = stderr.read_line(&mut line);
    let address =
        line.split("http://").nth(1).and_then(|rest| rest.split('/').next()).map(str::to_owned);
    let response = address.as_deref().and_then(|address| get(address, "/api/stats"));
    let _ = child.kill();
    let _ = child.wait();
    let response = response.unwrap_or_else(|| panic!("no answer; the server said: {line}"));
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(response.contains(&format!("\"events\":{n_events}")), "{response}");
}

/// One plain HTTP GET to a loopback address; the response as text.
fn get(address: &str, path: &str) -> Option<String> {
    let mut stream = TcpStream::connect(address).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(20))).ok()?;
    let request = format!("GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).ok()?;
    let mut response = String::new();
    stream.read_to_string(&mut response).ok()?;
    Some(response)
}
