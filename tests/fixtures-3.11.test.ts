// CPython 3.11's fixture rows (tests/fixtureTable.ts).
import { describeFixtures } from "./fixtureTable.js";

describeFixtures("3.11");
