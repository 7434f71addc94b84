//! Arguments: help, version and clear errors for bad ones.

use crate::util::Env;

#[test]
fn help_lists_every_command_with_examples() {
    let env = Env::new();
    let run = env.run(&["--help"]).success();
    for command in ["extract", "ingest", "events", "export", "show", "bench", "Examples:"] {
        assert!(run.stdout.contains(command), "help lacks {command}: {}", run.stdout);
    }
    for command in ["extract", "ingest", "events", "export", "show", "bench"] {
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
}

#[test]
fn no_command_shows_usage() {
    Env::new().run(&[]).failure().stderr_has("Usage");
}
