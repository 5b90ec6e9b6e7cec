// Which objects of a run cell the views reached by a deep walk hold together:
// each view is an arithmetic progression of the cell's indexes, and an object
// is counted once however many views hold it ([l, l[::2], sorted(l)]).
import { chargeSteps } from "../runtime/ctx.js";
import { limitError } from "../runtime/errors.js";
import { MAX_MATERIALIZED, type IntRunSeq, type RunCell } from "../runtime/seq.js";

/** Ints start, start+step, … (len of them), step never 0. */
export interface RunPart {
  readonly start: number;
  readonly step: number;
  readonly len: number;
}

/** Indexes off, off+stride, … (len of them), stride > 0. */
interface Ap {
  readonly off: number;
  readonly stride: number;
  readonly len: number;
}

function ascending(v: IntRunSeq): Ap {
  if (v.len <= 1) return { off: v.off, stride: 1, len: v.len };
  return v.stride > 0 ? { off: v.off, stride: v.stride, len: v.len } : { off: v.off + (v.len - 1) * v.stride, stride: -v.stride, len: v.len };
}

/** Every index of `a` is one of `b`'s. */
function within(a: Ap, b: Ap): boolean {
  if (a.len === 0) return true;
  const last = a.off + (a.len - 1) * a.stride;
  const bLast = b.off + (b.len - 1) * b.stride;
  if (b.len === 0 || a.off < b.off || last > bLast || (a.off - b.off) % b.stride !== 0) return false;
  return a.len === 1 || a.stride % b.stride === 0;
}

/** The union of the views' objects, as disjoint runs of values. */
export function runUnion(cell: RunCell, views: readonly IntRunSeq[]): RunPart[] {
  const aps = views.map(ascending).filter((a) => a.len > 0);
  const kept = aps.filter((a, i) => !aps.some((b, j) => j !== i && within(a, b) && (!within(b, a) || j < i)));
  const part = (a: Ap): RunPart => ({ start: cell.start + a.off * cell.step, step: cell.step * a.stride, len: a.len });
  if (kept.length <= 1) return kept.map(part);
  // Views that overlap in no simple way: mark the indexes one by one.
  if (cell.len > MAX_MATERIALIZED) {
    throw limitError(`the deep size of ${kept.length} different views of a run of ${cell.len} ints needs them one by one; pymem holds at most ${MAX_MATERIALIZED}`);
  }
  const marks = new Uint8Array(cell.len);
  for (const a of kept) {
    chargeSteps(a.len);
    for (let k = 0, i = a.off; k < a.len; k++, i += a.stride) marks[i] = 1;
  }
  const out: RunPart[] = [];
  // Maximal stretches of marked indexes, each one run.
  for (let i = 0; i < cell.len; ) {
    if (marks[i] === 0) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < cell.len && marks[j + 1] === 1) j++;
    out.push({ start: cell.start + i * cell.step, step: cell.step, len: j - i + 1 });
    i = j + 1;
  }
  return out;
}
