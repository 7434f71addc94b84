//! Serves a store: `cargo run -p tocsin-api --example serve -- DB [ADDR]` (default
//! 127.0.0.1:8080; port 0 picks a free port). Prints `listening on http://ADDR` once ready.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use tocsin_api::{serve_with, ServeConfig};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(db) = args.next().map(PathBuf::from) else {
        eprintln!("usage: serve DB [ADDR]");
        return ExitCode::from(2);
    };
    let addr = match args.next().unwrap_or_else(|| "127.0.0.1:8080".into()).parse() {
        Ok(addr) => addr,
        Err(error) => {
            eprintln!("serve: bad address: {error}");
            return ExitCode::from(2);
        }
    };
    let result = serve_with(ServeConfig::new(db, addr), |bound| {
        println!("listening on http://{bound}");
        let _ = std::io::stdout().flush();
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("serve: {error}");
            ExitCode::FAILURE
        }
    }
}
