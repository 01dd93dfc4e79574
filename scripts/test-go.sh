#!/usr/bin/env bash
# npm run test:go: gofmt, go vet and the Go tests of recorder/, with Go 1.27.3.
# Ends with one line, "go: N passed, N failed", counting top-level test
# functions plus one check each for gofmt and go vet; exits non-zero on any
# failure. Without a go command it fails under CI=true and skips otherwise.
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/lib-go.sh

if ! bf_has_go; then
  if [ "${CI:-}" = true ]; then
    echo "error: Go tests cannot run: no go command on PATH (CI=true)." >&2
    bf_go_missing_help
    echo "go: 0 passed, 1 failed"
    exit 1
  fi
  echo "Go tests skipped: no go command on PATH."
  bf_go_missing_help 2>&1
  echo "go: 0 passed, 0 failed"
  exit 0
fi
if ! bf_use_new_go || ! bf_go_mod_download; then
  echo "go: 0 passed, 1 failed"
  exit 1
fi

cd recorder
passed=0
failed=0
# check NAME STATUS OUTPUT-FILE: a check passes on exit status 0; its output is shown when it fails.
check() {
  if [ "$2" -eq 0 ]; then
    passed=$((passed + 1))
    echo "ok   $1"
  else
    failed=$((failed + 1))
    echo "FAIL $1"
    sed 's/^/     /' "$3"
  fi
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# gofmt -l lists, on stdout, the files gofmt would change (all three modules): any is a failure.
# Its stderr (a file it cannot parse) goes into the same report.
"$(go env GOROOT)/bin/gofmt" -l . >"$tmp/gofmt" 2>"$tmp/gofmt-err"
status=$?
[ -s "$tmp/gofmt" ] && status=1
cat "$tmp/gofmt-err" >>"$tmp/gofmt"
check "gofmt -l (recorder, recorder/probe, recorder/programs/tick)" $status "$tmp/gofmt"

# go vet's verdict is its exit status (the modules were downloaded above, so what it prints is
# its own diagnostics).
{ go vet ./... && (cd probe && go vet ./...) && (cd programs/tick && go vet ./...); } >"$tmp/vet" 2>&1
check "go vet (recorder, recorder/probe, recorder/programs/tick)" $? "$tmp/vet"

if ! go build -o "$tmp/testcount" ./cmd/testcount >"$tmp/build" 2>&1; then
  cat "$tmp/build"
  echo "go: $passed passed, $((failed + 1)) failed"
  exit 1
fi
# The program tests mostly sleep: let them all run at once.
go test -json -count=1 -parallel 8 ./... blockedforever/recorder/probe 2>&1 | "$tmp/testcount" | tee "$tmp/counts"
counts=$(tail -n 1 "$tmp/counts")
tp=$(sed -n 's/^passed=\([0-9]*\) .*/\1/p' <<<"$counts")
tf=$(sed -n 's/.* failed=\([0-9]*\) .*/\1/p' <<<"$counts")
ts=$(sed -n 's/.* skipped=\([0-9]*\)$/\1/p' <<<"$counts")
if [ -z "$tp" ] || [ -z "$tf" ]; then
  echo "error: could not count the Go tests"
  tp=0 tf=1
fi
passed=$((passed + tp))
failed=$((failed + tf))
[ "${ts:-0}" -gt 0 ] && echo "($ts skipped)"
echo "go: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
