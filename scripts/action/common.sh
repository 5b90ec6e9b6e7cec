# Shared by the action's steps (sourced): pymem from the action's own checkout,
# and the arguments the action's inputs give to `pymem check`.
# Inputs arrive as environment variables, never spliced into the script text.
PYMEM_TMP="${RUNNER_TEMP:-${TMPDIR:-/tmp}}"
PYMEM_BASE_REPORT="$PYMEM_TMP/pymem-base.json"
PYMEM_REPORT="$PYMEM_TMP/pymem-report.md"

pymem() {
  node "$GITHUB_ACTION_PATH/bin/pymem" "$@"
}

check_args=()
if [ -n "${INPUT_CONFIG:-}" ]; then check_args+=(--config "$INPUT_CONFIG"); fi
if [ -n "${INPUT_PYTHON:-}" ]; then check_args+=(--python "$INPUT_PYTHON"); fi
