# Shared by scripts/record.sh and scripts/test-go.sh: which Go toolchains the
# recorder uses, and checks that say what is missing and how to get it.
# Source it; it defines functions and variables only.

# The Go that records the programs and runs the Go tests. Go 1.21 or newer on
# PATH fetches it by itself through the module proxy (GOTOOLCHAIN).
BF_GO_VERSION=go1.27.3
# The old Go for the time.Tick contrast (Debian's golang-1.19-go).
BF_OLD_GO=${BF_OLD_GO:-/usr/lib/go-1.19/bin/go}

bf_go_missing_help() {
  cat >&2 <<HELP
Install Go 1.21 or newer (https://go.dev/dl/, or apt-get install golang-go on a
recent Debian/Ubuntu) and put it on PATH; it downloads $BF_GO_VERSION by itself
through the module proxy the first time.
HELP
}

# bf_has_go: is there a go command on PATH?
bf_has_go() { command -v go >/dev/null 2>&1; }

# bf_use_new_go: point the go command at $BF_GO_VERSION, or explain why not.
bf_use_new_go() {
  local have
  if ! bf_has_go; then
    echo "error: no go command on PATH." >&2
    bf_go_missing_help
    return 1
  fi
  have=$(GOTOOLCHAIN=local go env GOVERSION 2>/dev/null || true)
  case "$have" in
    go1.1[0-9]*|go1.[0-9]|go1.[0-9].*|go1.20*|"")
      echo "error: the go on PATH is ${have:-too old to say}; it cannot switch to $BF_GO_VERSION (GOTOOLCHAIN needs Go 1.21+)." >&2
      bf_go_missing_help
      return 1 ;;
  esac
  export GOTOOLCHAIN=$BF_GO_VERSION
  # The first call may download the toolchain: the go command reports that on stderr
  # ("go: downloading go1.27.3 ..."), which is shown, never read as an answer. The answer is the
  # exit status and what `go env` prints on stdout.
  if ! go version >&2; then
    echo "error: could not get $BF_GO_VERSION through GOTOOLCHAIN (see the go command's message above)." >&2
    echo "The go command downloads it from the module proxy (GOPROXY=$(GOTOOLCHAIN=local go env GOPROXY 2>/dev/null)); check that it is reachable." >&2
    return 1
  fi
  have=$(go env GOVERSION 2>/dev/null)
  if [ "$have" != "$BF_GO_VERSION" ]; then
    echo "error: asked for $BF_GO_VERSION through GOTOOLCHAIN, but the go command runs ${have:-nothing it can name}." >&2
    return 1
  fi
}

# bf_go_mod_download: fetches the modules of the recorder's three Go modules (recorder,
# recorder/probe, recorder/programs/tick), so that later commands have nothing to download and
# their output is only their own. The go command's download messages are shown, not judged.
bf_go_mod_download() {
  local dir
  for dir in recorder recorder/probe recorder/programs/tick; do
    if ! (cd "$dir" && go mod download); then
      echo "error: go mod download failed in $dir (see above); is the module proxy reachable (GOPROXY=$(go env GOPROXY 2>/dev/null))?" >&2
      return 1
    fi
  done
}

# bf_check_old_go: is the old Go there?
bf_check_old_go() {
  if [ ! -x "$BF_OLD_GO" ]; then
    cat >&2 <<HELP
error: Go 1.19 is missing ($BF_OLD_GO): the tick program is recorded with it too,
to show the time.Tick leak that Go 1.23 ended. On Debian: apt-get install golang-1.19-go
(it installs /usr/lib/go-1.19/bin/go), or set BF_OLD_GO to another Go older than 1.23.
HELP
    return 1
  fi
}
