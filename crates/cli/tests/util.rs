//! The end-to-end harness: runs the built `tocsin` binary in a temporary directory.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

/// A temporary directory with its own database, home and data directory.
pub struct Env {
    dir: tempfile::TempDir,
}

/// What one run of the binary did.
#[derive(Debug)]
pub struct Run {
    /// The exit code (`None` when killed by a signal).
    pub code: Option<i32>,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
    /// The command line, for messages.
    pub args: String,
}

impl Env {
    /// A fresh directory.
    pub fn new() -> Env {
        Env { dir: tempfile::tempdir().expect("a temporary directory") }
    }

    /// A path inside the directory.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// The database every run uses.
    pub fn db(&self) -> PathBuf {
        self.path("tocsin.db")
    }

    /// Writes a file into the directory and returns its path.
    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("creating a test folder");
        }
        std::fs::write(&path, contents).expect("writing a test file");
        path
    }

    /// Runs `tocsin --db DB ARGS...` with no standard input.
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_with(args, None, true)
    }

    /// Runs `tocsin --db DB ARGS...` with `stdin` as standard input.
    pub fn run_stdin(&self, args: &[&str], stdin: &[u8]) -> Run {
        self.run_with(args, Some(stdin), true)
    }

    /// Runs `tocsin ARGS...` without `--db`, so the default database path is used.
    pub fn run_without_db(&self, args: &[&str]) -> Run {
        self.run_with(args, None, false)
    }

    fn run_with(&self, args: &[&str], stdin: Option<&[u8]>, with_db: bool) -> Run {
        let mut command = self.command();
        if with_db {
            command.arg("--db").arg(self.db());
        }
        command.args(args);
        command.stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() });
        command.stdout(Stdio::piped()).stderr(Stdio::piped());
        let mut child = command.spawn().expect("running tocsin");
        if let Some(bytes) = stdin {
            use std::io::Write;
            let mut pipe = child.stdin.take().expect("piped stdin");
            // The binary may stop reading early; a closed pipe is not the test's concern.
            let _ = pipe.write_all(bytes);
        }
        let output = child.wait_with_output().expect("waiting for tocsin");
        Run {
            code: output.status.code(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            args: args.join(" "),
        }
    }

    /// The binary, in this directory, with a home of its own and no inherited database.
    pub fn command(&self) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_tocsin"));
        command
            .current_dir(self.dir.path())
            .env_remove("TOCSIN_DB")
            .env("HOME", self.dir.path())
            .env("XDG_DATA_HOME", self.path("data-home"))
            .env("NO_COLOR", "1");
        command
    }
}

impl Run {
    /// Asserts a zero exit code and returns the run.
    #[track_caller]
    pub fn success(self) -> Run {
        assert_eq!(self.code, Some(0), "tocsin {} failed\n{}", self.args, self.describe());
        self
    }

    /// Asserts a failure that is an error, not a crash (exit code 1 or 2), and returns the run.
    #[track_caller]
    pub fn failure(self) -> Run {
        assert!(
            matches!(self.code, Some(1) | Some(2)),
            "tocsin {} should fail cleanly\n{}",
            self.args,
            self.describe()
        );
        self
    }

    /// Asserts that standard error contains `text`.
    #[track_caller]
    pub fn stderr_has(self, text: &str) -> Run {
        assert!(self.stderr.contains(text), "stderr lacks {text:?}\n{}", self.describe());
        self
    }

    /// Asserts that standard output contains `text`.
    #[track_caller]
    pub fn stdout_has(self, text: &str) -> Run {
        assert!(self.stdout.contains(text), "stdout lacks {text:?}\n{}", self.describe());
        self
    }

    /// Standard output parsed as JSON Lines.
    #[track_caller]
    pub fn jsonl(&self) -> Vec<Value> {
        self.stdout
            .lines()
            .map(|line| {
                serde_json::from_str(line).unwrap_or_else(|error| {
                    panic!("not JSON ({error}): {line}\n{}", self.describe())
                })
            })
            .collect()
    }

    fn describe(&self) -> String {
        format!("exit: {:?}\n--- stdout\n{}\n--- stderr\n{}", self.code, self.stdout, self.stderr)
    }
}

/// The sample reports shipped in `samples/reports/`.
pub fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples/reports")
}

/// The sample folder as an argument.
pub fn samples_arg() -> String {
    samples().display().to_string()
}

/// The number in `text` just before `label` (`"9 reports read"` gives 9 for `reports read`).
pub fn number_before(text: &str, label: &str) -> Option<u64> {
    let before = &text[..text.find(label)?];
    before.split_whitespace().last()?.trim_matches(|c: char| !c.is_ascii_digit()).parse().ok()
}

/// A JSON Lines article in the evaluation kit's format.
pub fn article(id: &str, text: &str) -> String {
    serde_json::json!({"id": id, "text": text, "title": null, "published": "2024-07-21",
        "source": "Test Wire", "language": "en"})
    .to_string()
}

/// The field names of the evaluation kit's prediction format, and tocsin's evidence.
pub const PREDICTION_FIELDS: [&str; 25] = [
    "event_date",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities",
    "doc_ids",
    "confidence",
    "evidence",
];

/// ACLED's export columns, in order.
pub const ACLED_COLUMNS: [&str; 31] = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
];
