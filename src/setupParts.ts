// The setup as the user supplied it: pieces (a setup file, inline code) run as
// one code unit. Positions the evaluator reports in the joined setup are mapped
// back to the piece, so an error names the user's file and its own line.

export interface SetupPart {
  /** The file the piece came from, named as the user gave it; null for inline code. */
  readonly file: string | null;
  readonly text: string;
}

/** Where a position in the joined setup lies, in the terms of its piece. */
export interface PartPosition {
  readonly part: SetupPart;
  readonly line: number;
}

const NEWLINE = /\r\n|\r|\n/;

/** The pieces as one code unit: each starts on a line of its own. */
export function joinSetup(parts: readonly SetupPart[]): string | null {
  return parts.length === 0 ? null : parts.map((p) => p.text).join("\n");
}

/** Line `line` (1-based) of joinSetup(parts), as a line of the piece it falls in. */
export function positionInSetup(parts: readonly SetupPart[], line: number): PartPosition | null {
  let rest = line;
  for (const [i, part] of parts.entries()) {
    const lines = part.text.split(NEWLINE).length;
    if (rest <= lines || i === parts.length - 1) return { part, line: rest };
    rest -= lines;
  }
  return null;
}
