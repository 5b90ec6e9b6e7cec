#!/usr/bin/env bash
# The base branch's `pymem check --json`, for the pull request's baseline:
# the base commit checked out beside the working tree (a git worktree), pymem
# run in the same directory there. Whatever happens, a report file is left:
# the base's own report, or `[]` when it could not be made (then every budget
# is "new").
set -uo pipefail
. "$(dirname "$0")/common.sh"

: "${BASE_SHA:?the base commit (github.event.pull_request.base.sha)}"
root=$(git rev-parse --show-toplevel)
prefix=$(git rev-parse --show-prefix)
tree="$PYMEM_TMP/pymem-base-tree"
printf '[]\n' > "$PYMEM_BASE_REPORT"

# actions/checkout fetches one commit: the base needs fetching first.
if ! git -C "$root" cat-file -e "$BASE_SHA^{commit}" 2>/dev/null; then
  git -C "$root" fetch --no-tags --depth=1 origin "$BASE_SHA" || { echo "pymem: cannot fetch the base commit $BASE_SHA; every budget is new"; exit 0; }
fi
rm -rf "$tree"
git -C "$root" worktree add --detach --force "$tree" "$BASE_SHA" >/dev/null || { echo "pymem: cannot check out the base commit $BASE_SHA; every budget is new"; exit 0; }
if [ -d "$tree/$prefix" ]; then
  # Not under GITHUB_ACTIONS: the base's failures are no concern of this pull request's annotations.
  (cd "$tree/$prefix" && env -u GITHUB_ACTIONS node "$GITHUB_ACTION_PATH/bin/pymem" check --json "${check_args[@]}" > "$PYMEM_BASE_REPORT.new")
  status=$?
  # 0 or 1: a report of the budgets; 2 with a JSON error object is a report too (pymem reads it as "no budgets").
  if [ -s "$PYMEM_BASE_REPORT.new" ]; then mv "$PYMEM_BASE_REPORT.new" "$PYMEM_BASE_REPORT"; fi
  echo "pymem: base $BASE_SHA checked (exit $status)"
else
  echo "pymem: the base commit has no ${prefix:-.}; every budget is new"
fi
git -C "$root" worktree remove --force "$tree" >/dev/null 2>&1 || true
rm -f "$PYMEM_BASE_REPORT.new"
exit 0
