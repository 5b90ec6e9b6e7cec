// Tables that fit the terminal: when a table would be wider than the
// terminal, one column (the expression, the budget's name) gives up the
// difference, its long cells shortened in the middle with "…" so that both
// ends of an expression stay readable.
import Table from "cli-table3";
import type { Io } from "./io.js";

/** The terminal's width in columns, or null when stdout is not a terminal (a pipe or file gets whole rows). */
export function terminalWidth(io: Io): number | null {
  const cols = io.stdout.columns;
  return io.stdout.isTTY === true && typeof cols === "number" && cols > 0 ? cols : null;
}

const ANSI = /\u001b\[[0-9;]*m/g;

/** Columns one code point takes: 0 for combining marks, 2 for East Asian wide and emoji, else 1. */
function charWidth(cp: number): number {
  if ((cp >= 0x300 && cp <= 0x36f) || cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f)) return 0;
  const wide =
    (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd);
  return wide ? 2 : 1;
}

/** The width of a cell's text on a terminal (colour codes take none). */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s.replace(ANSI, "")) w += charWidth(ch.codePointAt(0) as number);
  return w;
}

/** `s` in at most `max` columns: its start and end kept, the middle replaced by "…". Plain text only. */
export function shortenMiddle(s: string, max: number): string {
  const one = s.replace(/\s+/g, " ");
  if (displayWidth(one) <= max) return one;
  const chars = [...one];
  const room = Math.max(0, max - 1);
  const take = (from: readonly string[], budget: number): string[] => {
    const out: string[] = [];
    let w = 0;
    for (const ch of from) {
      const cw = charWidth(ch.codePointAt(0) as number);
      if (w + cw > budget) break;
      out.push(ch);
      w += cw;
    }
    return out;
  };
  const head = take(chars, Math.ceil(room / 2));
  const tail = take([...chars].reverse(), room - displayWidth(head.join(""))).reverse();
  return `${head.join("")}…${tail.join("")}`;
}

/** The narrowest a shrinking column gets: an expression still recognisable. */
const MIN_SHRUNK = 16;

/** A cell shortened in the middle; a cell in one colour keeps its colour around the shortened text. */
function shortenCell(cell: string, max: number): string {
  const span = /^((?:\u001b\[[0-9;]*m)+)([^\u001b]*)((?:\u001b\[[0-9;]*m)+)$/.exec(cell);
  if (span !== null) return `${span[1] ?? ""}${shortenMiddle(span[2] ?? "", max)}${span[3] ?? ""}`;
  return cell.includes("\u001b") ? cell : shortenMiddle(cell, max);
}

export interface FitTableSpec {
  readonly head: readonly string[];
  readonly colAligns: readonly ("left" | "right" | "center")[];
  readonly rows: readonly (readonly string[])[];
  /** The columns that give up width, the widest first (their cells plain, or in one colour). */
  readonly shrink: number | readonly number[];
  /** The terminal's width, or null for no limit. */
  readonly width: number | null;
}

/** A cli-table3 table (no border colours), its shrink columns shortened so that the table fits `width` where they can. */
export function fitTable(spec: FitTableSpec): string {
  let rows = spec.rows;
  if (spec.width !== null) {
    const widths = spec.head.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ""))));
    const natural = [...widths];
    // Each cell has a space either side, and every column a border on its left, plus the last one.
    let excess = widths.reduce((a, b) => a + b + 3, 1) - spec.width;
    const shrinkable = typeof spec.shrink === "number" ? [spec.shrink] : spec.shrink;
    const floor = (i: number): number => Math.max(MIN_SHRUNK, displayWidth(spec.head[i] ?? ""));
    while (excess > 0) {
      const open = shrinkable.filter((i) => (widths[i] ?? 0) > floor(i));
      if (open.length === 0) break;
      const widest = open.reduce((a, b) => ((widths[b] ?? 0) > (widths[a] ?? 0) ? b : a));
      widths[widest] = (widths[widest] ?? 0) - 1;
      excess--;
    }
    rows = rows.map((r) => r.map((cell, i) => ((widths[i] ?? 0) < (natural[i] ?? 0) ? shortenCell(cell, widths[i] ?? 0) : cell)));
  }
  const table = new Table({ head: [...spec.head], colAligns: [...spec.colAligns], style: { head: [], border: [] } });
  for (const r of rows) table.push([...r]);
  return table.toString();
}
