// The JS heap's young generation, sized for the value being modelled. The CLI
// starts V8 with a nursery that does not grow (launch.cjs): most of what pymem
// allocates lives as long as the value, so a large nursery only copies it and
// lifts the peak RSS of a typical answer. But every scavenge also costs time in
// proportion to the old generation, so with a 1 MiB nursery a model of
// 10^7 objects spends most of its time in ever slower scavenges (8·10^6
// dataclass instances: 23 s, against 13 s with the nursery V8 grows by
// default). Once the model is large, the nursery may grow again.
import { setFlagsFromString } from "node:v8";

/** Used JS heap past which the nursery may grow (V8's default factor): the extra 30 MiB of RSS is then under 10%. */
const GROW_NURSERY_PAST = 320 * 2 ** 20;

let grown = false;

/** Told the JS heap's used size now and then during an evaluation. */
export function noteHeapUsed(bytes: number): void {
  if (grown || bytes < GROW_NURSERY_PAST) return;
  grown = true;
  setFlagsFromString("--semi-space-growth-factor=2");
}
