#!/usr/bin/env bash
# Build pymem where the action was checked out. `npm ci` runs the package's
# `prepare` (the build) already; the explicit build covers an install that
# skipped scripts (npm_config_ignore_scripts).
set -euo pipefail
cd "$GITHUB_ACTION_PATH"
npm ci --no-audit --no-fund
if [ ! -f dist/pymem.cjs ]; then npm run build; fi
