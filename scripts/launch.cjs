// The CLI's loader (copied to dist/launch.cjs by the build; bin/pymem calls launch()).
//
// Start-up is most of a small answer's time, and compiling the 1.5 MB bundle was
// most of start-up: V8 parsed it (60-80 ms, 9 MB of RSS) and then compiled every
// function a run touched. So the bundle is compiled with V8's code cache when one
// matches: dist/pymem.cjs.cache, made by makeCache() after running typical
// commands in-process (the build makes it; `postinstall` remakes it for the node
// that installed the package). The cache starts with the bundle's build id (its
// first line, a hash the build writes): a cache made from another build is never
// used, and one V8 rejects (another node) costs only the compile it replaces.
"use strict";
const { readFileSync, renameSync, writeFileSync } = require("node:fs");
const { createRequire } = require("node:module");
const { join } = require("node:path");
const { setFlagsFromString } = require("node:v8");
const { Script } = require("node:vm");

const BUNDLE = join(__dirname, "pymem.cjs");
const CACHE = join(__dirname, "pymem.cjs.cache");

// The young generation stays at its first size instead of doubling up to 16 MiB
// per semi-space: most of what pymem allocates lives as long as the value it
// models, so a larger nursery only copies it more and lifts peak RSS. (Set before
// compiling: V8 accepts a code cache only under the flags that made it.)
setFlagsFromString("--semi-space-growth-factor=1");

/** The bundle compiled (with the cache when `useCache` and it matches), run, and its exports. */
function load(useCache) {
  const source = readFileSync(BUNDLE, "latin1"); // the build keeps it ASCII
  const id = source.slice(0, source.indexOf("\n") + 1);
  let cachedData;
  if (useCache) {
    try {
      const cache = readFileSync(CACHE);
      if (cache.toString("latin1", 0, id.length) === id) cachedData = cache.subarray(id.length);
    } catch {
      // no cache: compile from source
    }
  }
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: BUNDLE, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(BUNDLE), module, BUNDLE, __dirname);
  return { script, id, exports: module.exports };
}

function launch() {
  load(true).exports.main();
}

/** Commands whose code every run needs: the cache holds what they compiled. */
const WARM_UP = [
  ["size", "[1, 2, 3]"],
  ["size", "--json", "{'a': [1, 2.5, 'x'], 'b': (None, True)}"],
  ["size", "--setup", "from dataclasses import dataclass\n@dataclass\nclass P:\n    x: int\n    y: str = 'a'\nps = [P(i, str(i)) for i in range(20)]", "ps", "{p.y: p for p in ps}"],
  ["size", "--python", "3.13", "[f'w{i}' for i in range(10)]", "b'xy' * 3"],
  ["explain", "{1, 2, 3}"],
  ["compare", "[1, 2]", "(1, 2)"],
  ["--help"],
];

/** Writes dist/pymem.cjs.cache for this node; resolves to its size in bytes. */
async function makeCache() {
  const { script, id, exports } = load(false);
  const sink = { write() {}, isTTY: false };
  for (const argv of WARM_UP) {
    await exports.run({
      argv,
      env: { NO_COLOR: "1" },
      stdout: sink,
      stderr: sink,
      readStdin: async () => new Uint8Array(0),
      readFile: async (path) => {
        throw new Error(`warm-up reads no file (${path})`);
      },
      writeFile: async () => {},
      cwd: "/",
    });
  }
  const data = Buffer.concat([Buffer.from(id, "latin1"), script.createCachedData()]);
  writeFileSync(`${CACHE}.tmp`, data);
  renameSync(`${CACHE}.tmp`, CACHE);
  return data.length;
}

module.exports = { launch, makeCache };
