#!/usr/bin/env bash
# Latency of GET /api/events over a store of N demo events (default 100,000), with wrk
# on loopback: bounded runs (DURATION=10s, 2 threads, CONNECTIONS=8), 127.0.0.1 only.
# Usage: crates/api/bench/latency.sh [N] [DB]; needs wrk (apt-get install -y wrk).
set -euo pipefail
n="${1:-100000}"
db="${2:-/tmp/tocsin-latency-$n.db}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
target="${CARGO_TARGET_DIR:-$root/target}"
cd "$root"
[ -n "${SKIP_BUILD:-}" ] || cargo build -q --release -p tocsin-api --example serve --example seed
[ -f "$db" ] || "$target/release/examples/seed" "$db" "$n"
out="$(mktemp)"
"$target/release/examples/serve" "$db" 127.0.0.1:0 > "$out" &
server=$!
trap 'kill -INT $server 2>/dev/null; rm -f "$out"' EXIT
for _ in $(seq 50); do grep -q listening "$out" && break; sleep 0.2; done
base="$(sed -n 's/^listening on //p' "$out")"
queries=(
  "/api/events"
  "/api/events?country=BF&start=2024-03-01&end=2024-04-30"
  "/api/events?event_type=Battles&min_fatalities=10&sort=fatalities"
  "/api/events?bbox=-1,6,2,11.5&limit=1000"
  "/api/events?q=granaries&country=ML"
  "/api/events?actor=JNIM&with_subgroups=true&start=2024-06-01"
  "/api/events/BFA100"
  "/api/stats?country=TG&start=2024-05-01"
)
printf '%-66s %9s %9s %9s\n' query req/s p50 p99
for query in "${queries[@]}"; do
  curl -sf -o /dev/null "$base$query" || { echo "failed: $query" >&2; exit 1; }
  result="$(wrk -t2 -c"${CONNECTIONS:-8}" -d"${DURATION:-10s}" --timeout 20s --latency "$base$query")"
  p50="$(awk '$1 == "50%" {print $2}' <<<"$result")"
  p99="$(awk '$1 == "99%" {print $2}' <<<"$result")"
  rps="$(awk '/Requests\/sec/ {print $2}' <<<"$result")"
  printf '%-66s %9s %9s %9s\n' "$query" "$rps" "$p50" "$p99"
done
