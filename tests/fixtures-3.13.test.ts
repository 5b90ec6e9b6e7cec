// CPython 3.13's fixture rows (tests/fixtureTable.ts).
import { describeFixtures } from "./fixtureTable.js";

describeFixtures("3.13");
