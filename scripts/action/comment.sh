#!/usr/bin/env bash
# Post the Markdown report on the pull request, or update the comment an
# earlier run posted (found by its hidden marker), so a pull request has one.
# A token that may not comment (a fork's) gives a warning, not a failure.
set -uo pipefail
. "$(dirname "$0")/common.sh"

MARKER='<!-- pymem -->'
: "${PR_NUMBER:?the pull request number}"
: "${GITHUB_REPOSITORY:?owner/repo}"
if [ ! -f "$PYMEM_REPORT" ]; then echo "pymem: no report to comment with"; exit 0; fi
body="$PYMEM_TMP/pymem-comment.md"
{ echo "$MARKER"; cat "$PYMEM_REPORT"; } > "$body"

warn() { echo "::warning title=pymem::$1"; exit 0; }
ids=$(gh api --paginate "repos/$GITHUB_REPOSITORY/issues/$PR_NUMBER/comments" \
  --jq ".[] | select(.body | startswith(\"$MARKER\")) | .id") || warn "cannot list the pull request's comments"
id=$(printf '%s\n' "$ids" | awk 'NF { print; exit }')
if [ -n "$id" ]; then
  gh api --method PATCH "repos/$GITHUB_REPOSITORY/issues/comments/$id" -F "body=@$body" > /dev/null || warn "cannot update comment $id"
  echo "pymem: updated comment $id"
else
  gh api --method POST "repos/$GITHUB_REPOSITORY/issues/$PR_NUMBER/comments" -F "body=@$body" > /dev/null || warn "cannot comment on the pull request"
  echo "pymem: commented on #$PR_NUMBER"
fi
