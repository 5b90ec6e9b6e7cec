// The bytes of a file in chunks, so a file of any size is read in bounded
// memory: the scanners look at `buf[pos]` directly and call `more()` when they
// reach `end`; `offset()` is the absolute byte offset of `pos`.
import { closeSync, openSync, readSync } from "node:fs";

const CHUNK = 1 << 20;
/** The read size in use: CHUNK, or a small one under withChunkSize (tests cross every chunk boundary with it). */
let chunkSize = CHUNK;

/** Told the offset reached by the main pass over a file (withReadProgress), or null. */
let progressSink: ((offset: number) => void) | null = null;

/** Runs `f` telling `sink` how far the main reading pass of each file has got (for a progress line). */
export function withReadProgress<T>(sink: (offset: number) => void, f: () => T): T {
  const before = progressSink;
  progressSink = sink;
  try {
    return f();
  } finally {
    progressSink = before;
  }
}

/** Runs `f` reading files `size` bytes at a time (at least 16: the longest look-ahead is "-Infinity"). */
export function withChunkSize<T>(size: number, f: () => T): T {
  const before = chunkSize;
  chunkSize = Math.max(16, size);
  try {
    return f();
  } finally {
    chunkSize = before;
  }
}

export class ByteSource {
  buf: Uint8Array;
  pos = 0;
  end: number;
  /** Absolute offset of buf[0]. */
  private base = 0;
  private done: boolean;
  /** The file offset of the next read. */
  private filePos = 0;
  private sink: ((offset: number) => void) | null = null;

  private constructor(
    private readonly fd: number | null,
    initial: Uint8Array,
  ) {
    this.buf = initial;
    this.end = initial.length;
    this.done = fd === null;
  }

  static ofBytes(b: Uint8Array): ByteSource {
    return new ByteSource(null, b);
  }

  /** A file from byte `start`, read CHUNK bytes at a time (the caller closes it); `main`: the pass progress is reported for. */
  static ofFile(path: string, start = 0, main = false): ByteSource {
    const src = new ByteSource(openSync(path, "r"), new Uint8Array(chunkSize));
    if (main) src.sink = progressSink;
    src.end = 0;
    src.base = start;
    src.filePos = start;
    return src;
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
  }

  offset(): number {
    return this.base + this.pos;
  }

  /** Make `k` bytes from pos available when the file has them; false when fewer remain. */
  more(k = 1): boolean {
    if (this.end - this.pos >= k) return true;
    if (this.done) return false;
    // Keep the unread tail, read behind it.
    const tail = this.end - this.pos;
    if (this.pos > 0) {
      this.buf.copyWithin(0, this.pos, this.end);
      this.base += this.pos;
      this.pos = 0;
      this.end = tail;
    }
    while (this.end - this.pos < k && !this.done) {
      const n = readSync(this.fd as number, this.buf, this.end, this.buf.length - this.end, this.filePos);
      this.filePos += n;
      if (this.sink !== null) this.sink(this.filePos);
      if (n === 0) this.done = true;
      this.end += n;
    }
    return this.end - this.pos >= k;
  }

  /** The byte at pos, or -1 at the end of the input. */
  peek(): number {
    return this.pos < this.end || this.more() ? (this.buf[this.pos] as number) : -1;
  }

  /** The byte `k` after pos, or -1. */
  peekAt(k: number): number {
    return this.pos + k < this.end || this.more(k + 1) ? (this.buf[this.pos + k] as number) : -1;
  }
}
