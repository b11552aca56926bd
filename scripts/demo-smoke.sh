#!/usr/bin/env bash
# Runs `npm run demo` as a new user would (on a database of its own) and checks what the README
# promises: readiness 200, the eight seeded centers, Swagger UI; then a second run adds nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

export PORT=${SMOKE_PORT:-3999}
export DATABASE_URL=postgres://postgres@127.0.0.1:5432/img_pathways_smoke_test
export REDIS_URL=redis://127.0.0.1:6379/2
export LOG_LEVEL=warn
base=http://127.0.0.1:$PORT
log=$(mktemp)

psql -h 127.0.0.1 -U postgres -qc 'DROP DATABASE IF EXISTS img_pathways_smoke_test WITH (FORCE)' postgres

run_demo() {
  # A session of its own, so stopping it stops npm and the node process it started.
  setsid npm run --silent demo >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 90); do
    if curl -fs "$base/health/ready" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$pid" 2>/dev/null; then cat "$log"; echo "demo exited early" >&2; return 1; fi
    sleep 1
  done
  cat "$log"; echo "demo not ready within 90 s" >&2; return 1
}

stop_demo() { kill -TERM -- "-$pid" 2>/dev/null || true; wait "$pid" || true; }
trap stop_demo EXIT

run_demo
centers=$(curl -fs "$base/api/v1/centers" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).items.length))')
[ "$centers" = 8 ] || { echo "expected 8 centers, got $centers" >&2; exit 1; }
curl -fs "$base/api/docs" | grep -q swagger-ui || { echo "Swagger UI did not load" >&2; exit 1; }
grep -q "8 center(s) added" "$log" || { cat "$log"; echo "first run did not seed 8 centers" >&2; exit 1; }
stop_demo

run_demo
grep -q "0 center(s) added" "$log" || { cat "$log"; echo "second run was not idempotent" >&2; exit 1; }
centers=$(curl -fs "$base/api/v1/centers" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).items.length))')
[ "$centers" = 8 ] || { echo "expected 8 centers after a second run, got $centers" >&2; exit 1; }
stop_demo
echo "demo smoke: ready, 8 centers, Swagger UI, idempotent seed"
