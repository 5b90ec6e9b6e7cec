// Size limits as users write them: an integer of bytes, or "<number> <unit>"
// with decimal (kB, MB, GB) or binary (KiB, MiB, GiB) units; reports speak
// the same family back.

export type UnitFamily = "bytes" | "decimal" | "binary";

export interface Limit {
  readonly bytes: number;
  readonly family: UnitFamily;
  readonly text: string;
}

const UNITS: Readonly<Record<string, readonly [number, UnitFamily]>> = {
  b: [1, "bytes"],
  kb: [1000, "decimal"],
  mb: [1000 ** 2, "decimal"],
  gb: [1000 ** 3, "decimal"],
  kib: [1024, "binary"],
  mib: [1024 ** 2, "binary"],
  gib: [1024 ** 3, "binary"],
};

export const LIMIT_HELP = 'an integer of bytes or "<number> <unit>" with B, kB, KiB, MB, MiB, GB or GiB (e.g. "64 B", "1.5 KiB")';

/** The limit in bytes, or null when `v` is not one. Fractions of a byte round down. */
export function parseLimit(v: unknown): Limit | null {
  if (typeof v === "number") {
    return Number.isSafeInteger(v) && v >= 0 ? { bytes: v, family: "bytes", text: String(v) } : null;
  }
  if (typeof v === "bigint") return v >= 0n && v <= BigInt(Number.MAX_SAFE_INTEGER) ? { bytes: Number(v), family: "bytes", text: String(v) } : null;
  if (typeof v !== "string") return null;
  const m = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*([a-zA-Z]+)?\s*$/.exec(v);
  if (m === null) return null;
  const unit = UNITS[(m[2] ?? "b").toLowerCase()];
  if (unit === undefined) return null;
  const bytes = Math.floor(Number(m[1]) * unit[0]);
  if (!Number.isSafeInteger(bytes)) return null;
  return { bytes, family: unit[1], text: v.trim() };
}

/** 1234567 -> "1,234,567" (toLocaleString would load ICU data: ~12 ms at start-up). */
export function groupDigits(n: number): string {
  const s = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return n < 0 ? `-${s}` : s;
}

const FAMILY_UNITS: Readonly<Record<UnitFamily, readonly (readonly [string, number])[]>> = {
  bytes: [["B", 1]],
  decimal: [["B", 1], ["kB", 1000], ["MB", 1000 ** 2], ["GB", 1000 ** 3]],
  binary: [["B", 1], ["KiB", 1024], ["MiB", 1024 ** 2], ["GiB", 1024 ** 3]],
};

/** A byte count in the family's largest unit that keeps it at 1 or more. */
export function formatInFamily(bytes: number, family: UnitFamily): string {
  const units = FAMILY_UNITS[family];
  let chosen = units[0] as readonly [string, number];
  for (const u of units) if (Math.abs(bytes) >= u[1]) chosen = u;
  if (chosen[1] === 1) return `${groupDigits(bytes)} B`;
  const v = bytes / chosen[1];
  return `${Number.isInteger(v) ? v : v.toFixed(2).replace(/0$/, "")} ${chosen[0]}`;
}
