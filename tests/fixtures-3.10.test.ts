// CPython 3.10's fixture rows (tests/fixtureTable.ts).
import { describeFixtures } from "./fixtureTable.js";

describeFixtures("3.10");
