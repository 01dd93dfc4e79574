#!/usr/bin/env bash
# npm run record: records every program of the article into traces/.
# Checks the toolchains first (Go 1.27.3 through GOTOOLCHAIN, Go 1.19 for the
# tick contrast), then runs recorder/cmd/record. Extra arguments go to it
# (e.g. -only leak, -keep-trace).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib-go.sh

start=$(date +%s)
bf_use_new_go
bf_go_mod_download
bf_check_old_go
echo "record: $(go env GOVERSION) and $("$BF_OLD_GO" env GOVERSION)"
(cd recorder && go run ./cmd/record -repo .. -go go -go-env "GOTOOLCHAIN=$BF_GO_VERSION" -old-go "$BF_OLD_GO" "$@")
echo "record: done in $(( $(date +%s) - start )) s"
