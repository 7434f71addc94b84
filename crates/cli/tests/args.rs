//! Arguments: help, version and clear errors for bad ones.

use crate::util::Env;

#[test]
fn help_lists_every_command_with_examples() {
    let env = Env::new();
    let run = env.run(&["--help"]).success();
    for command in ["extract", "ingest", "events", "export", "show", "bench", "Examples:"] {
        assert!(run.stdout.contains(command), "help lacks {command}: {}", run.stdout);
    }
    for command in ["extract", "ingest", "events", "export", "show", "bench", "serve", "demo"] {
        env.run(&[command, "--help"]).success().stdout_has("Example");
    }
}

#[test]
fn version_is_printed() {
    Env::new().run(&["--version"]).success().stdout_has("tocsin");
}

#[test]
fn bad_arguments_fail_with_a_clear_message() {
    let env = Env::new();
    let check = |args: &[&str], expected: &str| {
        env.run(args).failure().stderr_has(expected);
    };
    check(&["frobnicate"], "unrecognized subcommand");
    check(&["events", "--from", "21/07/2024"], "--from");
    check(&["events", "--limit", "many"], "--limit");
    check(&["export", "--format", "xml"], "possible values");
    check(&["extract", "--format", "pdf"], "possible values");
    check(&["show"], "EVENT_ID");
    check(&["events", "--type", "Picnic"], "unknown event type");
    check(&["events", "--from", "2024-08-01", "--to", "2024-07-01"], "is after");
    check(&["extract", "--desk-country", "Atlantis"], "no ISO country code");
    check(&["ingest", "--desk-country", "XX"], "no ISO country code");
}

#[test]
fn no_command_shows_usage() {
    Env::new().run(&[]).failure().stderr_has("Usage");
}

#[test]
fn an_unusable_database_path_is_explained() {
    let env = Env::new();
    let input = env.write("one.jsonl", format!("{}\n", crate::util::article("a", "Calm day.")));
    let input = input.to_str().unwrap_or_default();
    let missing_folder = env.path("no/such/folder/tocsin.db");
    env.run_without_db(&["--db", missing_folder.to_str().unwrap_or_default(), "ingest", input])
        .failure()
        .stderr_has("does not exist");
    let folder = env.path("");
    env.run_without_db(&["--db", folder.to_str().unwrap_or_default(), "ingest", input])
        .failure()
        .stderr_has("folder");
    let not_a_store = env.write("notes.db", "These are my notes, not a database. ".repeat(100));
    env.run_without_db(&["--db", not_a_store.to_str().unwrap_or_default(), "ingest", input])
        .failure()
        .stderr_has("not a tocsin store");
    let kept = std::fs::read_to_string(&not_a_store).unwrap_or_default();
    assert!(kept.starts_with("These are my notes"), "a foreign file is left untouched");
}

#[test]
fn an_unwritable_output_file_is_explained() {
    let env = Env::new();
    let input = env.write("one.jsonl", format!("{}\n", crate::util::article("a", "Calm day.")));
    env.run(&["ingest", input.to_str().unwrap_or_default()]).success();
    let output = env.path("no/such/folder/out.csv");
    env.run(&["export", "--output", output.to_str().unwrap_or_default()])
        .failure()
        .stderr_has("creating the output file");
}
