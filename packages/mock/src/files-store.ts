/**
 * Files kept in memory for the life of one mock server: uploads, and the results of finished tasks. Ids are
 * 18-digit decimal strings (above 2^53, like the real ones) so every client path that could lose precision is
 * exercised; they travel as bare JSON numbers on the wire (id-codec.ts).
 */

export interface StoredFile {
  /** 18-digit decimal string. */
  fileId: string;
  filename: string;
  purpose: string;
  bytes: Uint8Array;
  contentType: string;
  /** Unix seconds. */
  createdAt: number;
  /** Downloadable but not part of the files API's list (a Video V2 result, which the real API serves from a CDN). */
  unlisted?: boolean;
}

export class FilesStore {
  private readonly files = new Map<string, StoredFile>();

  constructor(private readonly ids: IdSource) {}

  /** Stores a file; `fileId` may be given when it was promised earlier (an async speech task's result). */
  put(file: Omit<StoredFile, 'fileId' | 'createdAt'> & { fileId?: string }): StoredFile {
    const stored: StoredFile = {
      ...file,
      fileId: file.fileId ?? this.ids.next(),
      createdAt: Math.floor(Date.now() / 1000),
    };
    this.files.set(stored.fileId, stored);
    return stored;
  }

  get(fileId: string): StoredFile | undefined {
    return this.files.get(normalizeId(fileId));
  }

  /** Files in upload order, optionally only those with `purpose`. */
  list(purpose?: string): StoredFile[] {
    const all = [...this.files.values()].filter((f) => !f.unlisted);
    return purpose ? all.filter((f) => f.purpose === purpose) : all;
  }

  delete(fileId: string): boolean {
    return this.files.delete(normalizeId(fileId));
  }

  clear(): void {
    this.files.clear();
  }
}

/**
 * Hands out 18-digit ids. Deterministic for a given seed (tests can predict nothing but get the same sequence on
 * every run), and spaced so that no two consecutive ids are equal once rounded to a double — a client that loses
 * precision gets a visibly wrong id, not a lucky match.
 */
export class IdSource {
  private counter = 0n;
  private readonly base: bigint;

  constructor(seed = 'minimax-mock') {
    let h = 0n;
    for (const ch of seed) h = (h * 131n + BigInt(ch.codePointAt(0)!)) % 100_000_000_000_000n;
    // 3xx… keeps every id at 18 digits; the hashed middle spreads servers with different seeds apart.
    this.base = 300_000_000_000_000_000n + h * 1000n;
  }

  next(): string {
    this.counter += 1n;
    // An odd step: ids above 2^53 that are not multiples of the double spacing at that magnitude (64).
    return (this.base + this.counter * 1_000_003n).toString();
  }
}

/** `"00123"` and `"123"` name the same int64. */
export function normalizeId(id: string): string {
  return /^[0-9]+$/.test(id) ? BigInt(id).toString() : id;
}
