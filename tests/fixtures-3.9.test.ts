// CPython 3.9's fixture rows (tests/fixtureTable.ts).
import { describeFixtures } from "./fixtureTable.js";

describeFixtures("3.9");
