// The progress line: shown only on a terminal, cleared when the value is done,
// and silent for a quick value (nothing on stderr, terminal or not).
import { describe, expect, it } from "vitest";
import { describeProgress, progressLine } from "../src/cli/progress.js";
import type { Io } from "../src/cli/io.js";
import { cli } from "./cliHarness.js";

function fakeIo(tty: boolean): { io: Io; err: () => string } {
  let err = "";
  const io: Io = {
    argv: [],
    env: {},
    stdout: { write: () => undefined, isTTY: tty },
    stderr: { write: (s) => void (err += s), isTTY: tty },
    readStdin: async () => new Uint8Array(0),
    readFile: async () => "",
    writeFile: async () => undefined,
    cwd: "/",
  };
  return { io, err: () => err };
}

describe("progress line", () => {
  it("is not offered when stderr is not a terminal", () => {
    const { io, err } = fakeIo(false);
    const line = progressLine(io, "x");
    expect(line.options.onProgress).toBeUndefined();
    line.finish();
    expect(err()).toBe("");
  });

  it("rewrites one terminal line and clears it at the end", () => {
    const { io, err } = fakeIo(true);
    const line = progressLine(io, "[P(i, i) for i in range(10**7)]");
    line.options.onProgress?.({ phase: "evaluating", done: 1_250_000.5, of: 5_000_000 });
    line.options.onProgress?.({ phase: "sizing", done: 65_536, of: null });
    line.finish();
    expect(err()).toBe(
      "\r\u001b[2Kpymem: evaluating [P(i, i) for i in range(10**7)]: 1,250,000 steps of work (25% of the --timeout budget)" +
        "\r\u001b[2Kpymem: sizing [P(i, i) for i in range(10**7)]: 65,536 objects reached" +
        "\r\u001b[2K",
    );
  });

  it("shortens a long expression in the middle", () => {
    const text = describeProgress("[" + "x, ".repeat(40) + "y]", { phase: "sizing", done: 1, of: null });
    expect(text).toBe("pymem: sizing [x, x, x, x, x, x, x…, x, x, x, x, x, y]: 1 objects reached");
  });

  it("stays silent for a value answered within a second, even on a terminal", async () => {
    const r = await cli(["size", "--json", "[1, 2, 3]"], { tty: true });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
  });
});
