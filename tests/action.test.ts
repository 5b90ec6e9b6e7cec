// The GitHub Action (action.yml) and the pre-commit hook, offline: the
// action's steps are scripts in scripts/action/, run here against a real git
// repository, the built pymem, and a fake `gh` on PATH (it answers from a
// canned list of comments, through the real jq when the call has --jq).
// The scripts run bin/pymem, so dist/ must be built (`npm test` builds first).
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatInFamily } from "../src/budgets/limits.js";
import { truth } from "./truth.js";

const root = resolve(__dirname, "..");
const action = readFileSync(join(root, "action.yml"), "utf8");

/** The `key:` lines directly under a top-level `section:` of a YAML file (two-space indent). */
function keysUnder(text: string, section: string): string[] {
  const block = new RegExp(`^${section}:\\n((?:(?: .*)?\\n)*)`, "m").exec(text)?.[1] ?? "";
  return [...block.matchAll(/^ {2}([\w-]+):/gm)].map((m) => m[1] as string);
}

describe("action.yml", () => {
  it("is a composite action with the inputs config, python, working-directory", () => {
    expect(action).toMatch(/^runs:\n {2}using: composite$/m);
    expect(keysUnder(action, "inputs")).toEqual(["config", "python", "working-directory", "github-token", "comment"]);
    expect(keysUnder(action, "outputs")).toEqual(["report", "exit-code"]);
  });

  it("runs each step from a script in scripts/action/ that exists, and never splices an input into a script", () => {
    const runs = [...action.matchAll(/^ {6}run: (.*)$/gm)].map((m) => m[1] as string);
    expect(runs).toEqual(["build", "base", "check", "comment"].map((s) => `bash "$GITHUB_ACTION_PATH/scripts/action/${s}.sh"`));
    for (const s of ["build", "base", "check", "comment", "common"]) expect(existsSync(join(root, "scripts/action", `${s}.sh`))).toBe(true);
    // Inputs reach the scripts as environment variables only (no `${{ inputs.x }}` inside `run:`).
    expect(runs.join("\n")).not.toContain("${{");
  });

  it("builds pymem from the action's path with npm ci and the build, and runs bin/pymem", () => {
    const build = readFileSync(join(root, "scripts/action/build.sh"), "utf8");
    expect(build).toMatch(/cd "\$GITHUB_ACTION_PATH"\nnpm ci/);
    expect(build).toContain("npm run build");
    expect(readFileSync(join(root, "scripts/action/common.sh"), "utf8")).toContain('node "$GITHUB_ACTION_PATH/bin/pymem"');
  });

  it("compares with the base and comments only on pull requests", () => {
    const step = (name: string): string => new RegExp(`- name: ${name}\\n((?: {6}.*\\n)*)`).exec(action)?.[1] ?? "";
    expect(step("pymem check of the base branch")).toMatch(/if: github\.event_name == 'pull_request'/);
    expect(step("Comment on the pull request")).toMatch(/if: .*github\.event_name == 'pull_request'/);
    expect(step("pymem check")).not.toMatch(/ if:/);
  });
});

describe(".pre-commit-hooks.yaml", () => {
  it("has the pymem-check hook", () => {
    const hooks = readFileSync(join(root, ".pre-commit-hooks.yaml"), "utf8");
    const field = (k: string): string | undefined => new RegExp(`^ {2}${k}: (.*)$`, "m").exec(hooks)?.[1];
    expect(hooks).toMatch(/^- id: pymem-check$/m);
    expect([field("entry"), field("language"), field("pass_filenames"), field("files")]).toEqual(["pymem check", "node", "false", "(pyproject\\.toml|\\.py)$"]);
    const files = new RegExp(field("files") ?? "");
    expect(["pyproject.toml", "pkg/models.py", "sub/pyproject.toml"].every((f) => files.test(f))).toBe(true);
    expect(["README.md", "x.pyc", "pyproject.toml.bak"].some((f) => files.test(f))).toBe(false);
  });
  it("its entry is the package's bin", () => {
    expect(JSON.parse(readFileSync(join(root, "package.json"), "utf8")).bin).toEqual({ pymem: "bin/pymem" });
  });
});

// ---- the scripts, run for real ---------------------------------------------

const config = (range: number): string => `[tool.pymem]

[[tool.pymem.budgets]]
name = "rows"
expr = "[[0] * 100 for _ in range(${range})]"
max = "2 KiB"
message = "see docs/memory.md"

[[tool.pymem.budgets]]
name = "small"
expr = "[1,2,3]"
max = "1 KiB"
`;

interface Sandbox {
  readonly dir: string;
  readonly repo: string;
  readonly temp: string;
  readonly env: Record<string, string>;
}

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** A git repository whose main commit has the budgets over range(10), and a working tree over range(100). */
function sandbox(): Sandbox {
  const dir = mkdtempSync(join(tmpdir(), "pymem-action-"));
  made.push(dir);
  const repo = join(dir, "repo");
  const temp = join(dir, "runner-temp");
  const bin = join(dir, "bin");
  for (const d of [repo, join(repo, "app"), temp, bin]) mkdirSync(d, { recursive: true });
  const git = (...args: string[]): string => execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@t", "-c", "init.defaultBranch=main", ...args], { cwd: repo, encoding: "utf8" });
  git("init", "-q");
  writeFileSync(join(repo, "app", "pyproject.toml"), config(10));
  git("add", ".");
  git("commit", "-qm", "base");
  writeFileSync(join(repo, "app", "pyproject.toml"), config(100));
  // A fake gh: logs each call, answers a comment listing from $FAKE_COMMENTS (through jq for --jq), fails when asked to.
  writeFileSync(
    join(bin, "gh"),
    `#!/usr/bin/env bash
printf '%s\\n' "$*" >> "$GH_LOG"
if [ -n "\${FAKE_GH_FAIL:-}" ]; then echo "HTTP 403" >&2; exit 1; fi
if [ "$2" = "--paginate" ]; then
  jq_expr=""; while [ $# -gt 0 ]; do if [ "$1" = "--jq" ]; then jq_expr="$2"; fi; shift; done
  printf '%s' "$FAKE_COMMENTS" | jq -r "$jq_expr"
fi
`,
  );
  chmodSync(join(bin, "gh"), 0o755);
  const base = git("rev-parse", "HEAD").trim();
  const env: Record<string, string> = {
    PATH: `${bin}:${process.env["PATH"] ?? ""}`,
    HOME: dir,
    GITHUB_ACTION_PATH: root,
    GITHUB_ACTIONS: "true",
    GITHUB_WORKSPACE: repo,
    GITHUB_REPOSITORY: "octo/app",
    GITHUB_STEP_SUMMARY: join(dir, "summary.md"),
    GITHUB_OUTPUT: join(dir, "output"),
    RUNNER_TEMP: temp,
    BASE_SHA: base,
    PR_NUMBER: "7",
    GH_LOG: join(dir, "gh.log"),
    FAKE_COMMENTS: "[]",
  };
  return { dir, repo, temp, env };
}

function script(sb: Sandbox, name: string, extra: Record<string, string> = {}): { status: number; stdout: string; stderr: string } {
  const r = spawnSync("bash", [join(root, "scripts/action", `${name}.sh`)], { cwd: join(sb.repo, "app"), env: { ...sb.env, ...extra }, encoding: "utf8" });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const before = truth("[[0] * 100 for _ in range(10)]");
const after = truth("[[0] * 100 for _ in range(100)]");
const change = `+${((100 * (after.deep - before.deep)) / before.deep).toFixed(1)}%`;
const kib = (n: number): string => formatInFamily(n, "binary");

describe("the action's scripts", () => {
  it("base.sh checks the base commit in a worktree of its own; check.sh compares with it, writes the summary, annotates, and exits 1", () => {
    const sb = sandbox();
    const base = script(sb, "base");
    expect(base.status).toBe(0);
    const report = JSON.parse(readFileSync(join(sb.temp, "pymem-base.json"), "utf8")) as { name: string; value: number }[];
    expect(report.map((o) => [o.name, o.value])).toEqual([["rows", before.deep], ["small", truth("[1,2,3]").deep]]);
    expect(base.stdout + base.stderr).not.toContain("::error"); // the base's failures are not this change's
    expect(execFileSync("git", ["worktree", "list"], { cwd: sb.repo, encoding: "utf8" }).trim().split("\n")).toHaveLength(1);

    const check = script(sb, "check");
    expect(check.status).toBe(1);
    const summary = readFileSync(join(sb.dir, "summary.md"), "utf8");
    expect(summary).toContain(`| rows | deep | ${kib(after.deep)} | ${kib(before.deep)} | ${change} | 2 KiB | ❌ ${kib(after.deep - 2048)} over |`);
    expect(summary).toContain("<br>see docs/memory.md");
    expect(check.stdout).toContain("│ budget │ metric │"); // the human report in the log
    expect(check.stdout).toMatch(/^::error file=app\/pyproject\.toml,line=3,title=pymem budget "rows" exceeded::rows: .*%0Asee docs\/memory\.md$/m);
    expect(readFileSync(join(sb.dir, "output"), "utf8")).toBe(`report=${join(sb.temp, "pymem-report.md")}\nexit-code=1\n`);
  });

  it("base.sh leaves an empty baseline when the base has no such directory; check.sh then shows every budget as new", () => {
    const sb = sandbox();
    execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@t", "mv", "app", "svc"], { cwd: sb.repo });
    execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "moved"], { cwd: sb.repo });
    const baseSha = execFileSync("git", ["rev-parse", "HEAD"], { cwd: sb.repo, encoding: "utf8" }).trim();
    mkdirSync(join(sb.repo, "app"));
    writeFileSync(join(sb.repo, "app", "pyproject.toml"), config(100));
    const base = script(sb, "base", { BASE_SHA: baseSha });
    expect(base.status).toBe(0);
    expect(base.stdout).toContain("the base commit has no app/");
    expect(readFileSync(join(sb.temp, "pymem-base.json"), "utf8")).toBe("[]\n");
    script(sb, "check");
    expect(readFileSync(join(sb.dir, "summary.md"), "utf8").match(/\| — \| new \|/g)).toHaveLength(2);
  });

  it("the inputs config and python reach pymem check", () => {
    const sb = sandbox();
    writeFileSync(join(sb.repo, "app", "other.toml"), config(1).replace('"2 KiB"', '"1 MiB"'));
    const r = script(sb, "check", { INPUT_CONFIG: "other.toml", INPUT_PYTHON: "3.10,3.13" });
    expect(r.status).toBe(0);
    expect(readFileSync(join(sb.temp, "pymem-report.md"), "utf8")).toContain("| rows (3.13) | deep |");
  });

  it("comment.sh posts one comment with the marker, then updates that one", () => {
    const sb = sandbox();
    script(sb, "base");
    script(sb, "check");
    const first = script(sb, "comment");
    expect(first.status).toBe(0);
    const log = (): string[] => readFileSync(join(sb.dir, "gh.log"), "utf8").trim().split("\n");
    const body = join(sb.temp, "pymem-comment.md");
    expect(log()).toEqual([
      'api --paginate repos/octo/app/issues/7/comments --jq .[] | select(.body | startswith("<!-- pymem -->")) | .id',
      `api --method POST repos/octo/app/issues/7/comments -F body=@${body}`,
    ]);
    expect(readFileSync(body, "utf8")).toBe(`<!-- pymem -->\n${readFileSync(join(sb.temp, "pymem-report.md"), "utf8")}`);
    const comments = JSON.stringify([{ id: 11, body: "LGTM" }, { id: 42, body: "<!-- pymem -->\n### pymem: memory budgets" }]);
    const second = script(sb, "comment", { FAKE_COMMENTS: comments });
    expect(second.stdout).toContain("updated comment 42");
    expect(log().at(-1)).toBe(`api --method PATCH repos/octo/app/issues/comments/42 -F body=@${body}`);
  });

  it("comment.sh warns, and does not fail, when the token may not comment", () => {
    const sb = sandbox();
    script(sb, "check");
    const r = script(sb, "comment", { FAKE_GH_FAIL: "1" });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("::warning title=pymem::cannot list the pull request's comments\n");
  });
});
