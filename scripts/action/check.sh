#!/usr/bin/env bash
# `pymem check`: the human report and the annotations in the log, the Markdown
# table (against the base branch's report when there is one) to the job summary
# and to a file the comment step posts. Exits with pymem's status.
set -uo pipefail
. "$(dirname "$0")/common.sh"

baseline_args=()
if [ -f "$PYMEM_BASE_REPORT" ]; then baseline_args=(--baseline "$PYMEM_BASE_REPORT"); fi
rm -f "$PYMEM_REPORT"
pymem check "${check_args[@]}" "${baseline_args[@]}" --reporter markdown --output "$PYMEM_REPORT"
status=$?
if [ -f "$PYMEM_REPORT" ] && [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then cat "$PYMEM_REPORT" >> "$GITHUB_STEP_SUMMARY"; fi
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  { echo "report=$PYMEM_REPORT"; echo "exit-code=$status"; } >> "$GITHUB_OUTPUT"
fi
exit "$status"
