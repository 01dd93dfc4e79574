# Puts Node 24 first on PATH when the system Node is older than 22.12 (Astro 7 and Vitest 5 need it).
# Source it in a shell:   . scripts/node-env.sh
# It installs Node 24 from the npm registry into ~/.cache/blocked-forever/node24 once
# (`npm install --prefix DIR node@24`), so it needs only npm and the registry.
bf_node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)'
}
if ! bf_node_ok; then
  bf_node_dir="${BF_NODE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/blocked-forever/node24}"
  if [ ! -x "$bf_node_dir/node_modules/.bin/node" ]; then
    if ! command -v npm >/dev/null 2>&1; then
      echo "node-env: neither Node 22.12+ nor npm is installed. Install Node 24 LTS (https://nodejs.org) and try again." >&2
      return 1 2>/dev/null || exit 1
    fi
    echo "node-env: system Node is $(node --version 2>/dev/null || echo missing); installing Node 24 into $bf_node_dir" >&2
    npm install --prefix "$bf_node_dir" --no-audit --no-fund --loglevel=error node@24 >&2 || {
      echo "node-env: could not install node@24 from the npm registry" >&2
      return 1 2>/dev/null || exit 1
    }
  fi
  PATH="$bf_node_dir/node_modules/.bin:$PATH"
  export PATH
fi
echo "node-env: using Node $(node --version) at $(command -v node)" >&2
unset -f bf_node_ok
