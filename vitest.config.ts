import { defineConfig } from "vitest/config";
import SummaryReporter from "./tests/summaryReporter.js";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 60_000,
    reporters: ["default", new SummaryReporter()],
  },
});
