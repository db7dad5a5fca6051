#!/usr/bin/env bash
# Runs every test project. On a fresh Debian machine with the .NET SDK it first installs what the tests
# need (Debian's chromium and postgresql, and axe-core from npm), starts a throwaway PostgreSQL cluster on 127.0.0.1, and stops
# and removes it at the end. Prints one closing line: "N passed, N failed".
#
# Usage: tests/run-all.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Staff]
set -uo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
results="$repo/TestResults"
rm -rf "$results"
mkdir -p "$results"

log() { printf '\n==> %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# --- 1. What the tests need -------------------------------------------------------------------
command -v dotnet >/dev/null || { echo "The .NET SDK (dotnet) is required: https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2; exit 2; }

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  log "Installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq
  as_root apt-get install -y -qq --no-install-recommends "${need[@]}" fonts-liberation >/dev/null
fi

# axe-core for the accessibility scans (tests/LibraryOutreach.E2ETests/package.json, pinned by its package-lock.json).
e2e="$repo/tests/LibraryOutreach.E2ETests"
if [ ! -f "$e2e/node_modules/axe-core/axe.min.js" ]; then
  if ! command -v npm >/dev/null; then
    log "Installing npm"
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get update -qq
    as_root apt-get install -y -qq --no-install-recommends npm >/dev/null
  fi
  log "Installing axe-core (npm ci)"
  (cd "$e2e" && npm ci --no-audit --no-fund --loglevel=error) || { echo "0 passed, 1 failed"; exit 2; }
fi

# --- 2. A throwaway PostgreSQL cluster on 127.0.0.1 -----------------------------------------------
pgbin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
pgport="${OUTREACH_TEST_PGPORT:-55432}"
pgdir="$(mktemp -d /tmp/lo-pg.XXXXXX)"
pguser=postgres
run_pg() { if [ "$(id -u)" = 0 ]; then su -s /bin/sh "$pguser" -c "$*"; else "$@"; fi; }
if [ "$(id -u)" != 0 ]; then pguser="$(id -un)"; fi
chown "$pguser" "$pgdir" 2>/dev/null || true

stop_pg() {
  if [ -f "$pgdir/data/postmaster.pid" ]; then
    run_pg "$pgbin/pg_ctl -D $pgdir/data -m immediate stop" >/dev/null 2>&1 || true
  fi
  rm -rf "$pgdir"
}
trap stop_pg EXIT

log "Starting PostgreSQL ($pgbin) on 127.0.0.1:$pgport"
run_pg "$pgbin/initdb -D $pgdir/data -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8" >"$pgdir/initdb.log" 2>&1 \
  || { cat "$pgdir/initdb.log"; exit 2; }
run_pg "$pgbin/pg_ctl -D $pgdir/data -l $pgdir/server.log -w -o '-h 127.0.0.1 -p $pgport -k $pgdir -c fsync=off -c max_connections=200' start" >/dev/null \
  || { cat "$pgdir/server.log"; exit 2; }
export OUTREACH_TEST_POSTGRES="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=postgres;Pooling=true;Include Error Detail=true"
export OUTREACH_TEST_CHROMIUM=/usr/bin/chromium

# --- 3. Build once, then every test project -------------------------------------------------------
log "Building"
dotnet build LibraryOutreach.sln -c Release -nologo -v q || { echo "0 passed, 1 failed"; exit 1; }

status=0
for project in tests/*/; do
  name="$(basename "$project")"
  grep -q 'Microsoft.NET.Test.Sdk' "$project/$name.csproj" 2>/dev/null || continue
  log "Testing $name"
  dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" "$@" || status=1
done

# --- 4. One closing line from the TRX files -------------------------------------------------------
passed=0; failed=0; skipped=0; files=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  files=$((files + 1))
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
  get() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done
[ "$files" -gt 0 ] || failed=$((failed + 1))
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ] || status=1
[ "$skipped" -eq 0 ] || echo "($skipped skipped)"
echo "$passed passed, $failed failed"
exit $status
