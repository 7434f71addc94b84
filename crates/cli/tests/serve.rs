//! `tocsin demo` and `tocsin serve`: demonstration data and the HTTP server on loopback.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::Stdio;
use std::time::Duration;

use crate::util::Env;

#[test]
fn demo_fills_the_database() {
    let env = Env::new();
    env.run(&["demo", "--events", "30"]).success().stdout_has("30 demonstration events");
    let rows = env.run(&["export", "--format", "jsonl"]).success().jsonl();
    assert_eq!(rows.len(), 30);
}

#[test]
fn serve_answers_on_loopback_until_stopped() {
    let env = Env::new();
    env.run(&["demo", "--events", "10"]).success();
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
    assert!(response.contains("\"events\":10"), "{response}");
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
