// npm run fixtures / npm run fixtures:check: every fixture script under every
// committed CPython version (fixtures/versions.json), each with its own
// PYENV_VERSION. The scripts pick their output from the running interpreter:
// fixtures/<version>/*.jsonl and src/layouts/cpython<version>/ tables.
//
//   node scripts/fixtures.mjs --write            all committed versions
//   node scripts/fixtures.mjs --check 3.9 3.10   only these (any version in "releases")
//
// --check runs everything, then lists what is out of date; exit status 1 if anything is.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const { releases, committed } = JSON.parse(readFileSync(`${root}fixtures/versions.json`, "utf8"));

const SCRIPTS = ["generate.py", "more.py", "classes.py", "stdlib.py", "closed.py", "attr_fuzz.py", "genexprs.py", "realcode.py", "itertools_cases.py", "subclass_fuzz.py", "textmods_cases.py", "fractions_cases.py", "match_cases.py", "functools_cases.py", "ctxabc_cases.py", "enum2_cases.py", "flag_cases.py", "small_cases.py", "meta_cases.py", "codecs_cases.py", "subcoll_cases.py", "async_cases.py", "re_cases.py", "csvio_cases.py", "usercode_cases.py", "usercode2_cases.py", "clsdict_cases.py", "load_cases.py", "loaddata_cases.py", "loadsize_cases.py", "jenc_cases.py", "tdict_cases.py", "dtre_cases.py", "typing2_cases.py", "descr_cases.py", "usercode3_cases.py", "usercode4_cases.py", "random_sequences.py", "intern_cases.py", "gaps11_cases.py", "calls_cases.py", "attribute_names.py", "collections_sources.py", "unicode_tables.py", "codec_tables.py", "interned_texts.py", "fuzz.py", "fuzz2.py", "fuzz5.py", "probes_cases.py", "usercode5_cases.py", "fuzz6.py", "fuzz7.py", "fuzz9.py", "usercode6_cases.py", "usercode7_cases.py", "usercode8_cases.py", "setorder_cases.py", "usercode9_cases.py", "gaps12_cases.py", "usercode10_cases.py", "fuzz10.py", "gaps13_cases.py", "fuzz11.py", "usercode11_cases.py"];
// unicode_tables.py describes each version's Unicode database (src/layouts/cpython3x/unicodeTables.ts); 3.9 has 3.10's.
// codec_tables.py reads every version's Lib/encodings itself (src/layouts/codecTables.ts and per-version deltas): run once.
const ONLY = { "unicode_tables.py": ["3.8", "3.10", "3.11", "3.12", "3.13"], "codec_tables.py": ["3.10"], "interned_texts.py": ["3.10"] };

const mode = process.argv.includes("--write") ? "--write" : process.argv.includes("--check") ? "--check" : null;
const asked = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const unknown = asked.filter((v) => !(v in releases));
if (mode === null || unknown.length > 0) {
  console.error(`usage: node scripts/fixtures.mjs --write|--check [VERSION...]   (versions: ${Object.keys(releases).join(", ")})`);
  process.exit(2);
}

const failed = [];
const t0 = performance.now();
for (const version of asked.length > 0 ? asked : committed) {
  for (const script of SCRIPTS) {
    if (ONLY[script] !== undefined && !ONLY[script].includes(version)) continue;
    const t = performance.now();
    console.error(`== ${version} (${releases[version]}): fixtures/${script} ${mode}`);
    const r = spawnSync("python3", [`fixtures/${script}`, mode], {
      cwd: root,
      env: { ...process.env, PYENV_VERSION: releases[version] },
      stdio: "inherit",
    });
    if (r.status !== 0) failed.push(`${version} ${script} (exit ${r.status ?? r.signal})`);
    console.error(`   ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
}
console.error(`\n${((performance.now() - t0) / 1000).toFixed(0)} s`);
if (failed.length > 0) {
  console.error(`${mode === "--check" ? "out of date or failed" : "failed"}:\n  ${failed.join("\n  ")}`);
  process.exit(1);
}
console.error(mode === "--check" ? "all fixtures up to date" : "all fixtures written");
