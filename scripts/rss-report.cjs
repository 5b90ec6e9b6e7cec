// Preloaded by scripts/bench.mjs (node --require): report this process's peak RSS on exit.
process.on("exit", () => {
  process.stderr.write(`\nPEAK_RSS_KB ${process.resourceUsage().maxRSS}\n`);
});
