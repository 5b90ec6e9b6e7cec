// CPython 3.12's fixture rows (tests/fixtureTable.ts).
import { describeFixtures } from "./fixtureTable.js";

describeFixtures("3.12");
