import { sha256 } from "@noble/hashes/sha256";
import { bytesToHex } from "@noble/hashes/utils";

/**
 * Hash chains over stored records (GoBD: an issued invoice or an audit entry must not be changed or
 * removed unnoticed). Each chained record carries `prevHash`, the hash of the record before it, and
 * `hash`, the SHA-256 of its own canonical content (which includes `prevHash`): editing a record
 * breaks its own hash, removing or inserting one breaks the next record's `prevHash`.
 *
 * SHA-256 comes from @noble/hashes: synchronous and the same in browser and Node, so it can run
 * inside an IndexedDB transaction (which commits early when it awaits Web Crypto).
 */

/** The `prevHash` of the first record of a chain. */
export const CHAIN_START = "";

/** Fields a chain adds to a record. */
export interface ChainFields {
  prevHash: string;
  hash: string;
}

/** JSON with keys sorted at every level and undefined fields left out: equal content, equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v !== null && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) out[k] = sortKeys(x);
    }
    return out;
  }
  return v;
}

/** Lower-case hex SHA-256 of a text (UTF-8). */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(text));
}

/**
 * The record as hashed: every field but `hash` and the given mutable fields (an invoice's lifecycle
 * status may change after it was issued; its issued content may not).
 */
export function hashedContent(record: Record<string, unknown>, mutable: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) if (k !== "hash" && !mutable.includes(k) && v !== undefined) out[k] = v;
  return out;
}

/** The hash of a record that already carries its `prevHash`. */
export function recordHash(record: Record<string, unknown>, mutable: readonly string[] = []): string {
  return sha256Hex(canonicalJson(hashedContent(record, mutable)));
}

/** The record with `prevHash` set and its `hash` computed. */
export function sealRecord<T extends object>(record: T, prevHash: string, mutable: readonly string[] = []): T & ChainFields {
  const withPrev = { ...record, prevHash } as T & { prevHash: string };
  return { ...withPrev, hash: recordHash(withPrev as unknown as Record<string, unknown>, mutable) };
}

/** Why a chained record does not verify. */
export type ChainBreak =
  | { reason: "content_changed"; expected: string; found: string }
  | { reason: "link_broken"; expected: string; found: string }
  | { reason: "hash_missing" };

/**
 * Walks a chain in order, one record at a time, and remembers the first break. Records written
 * before the chain existed (no `hash`, at the start only) are hashed as if they had been chained,
 * so the first chained record's `prevHash` seals them too.
 */
export class ChainWalker {
  private head = CHAIN_START;
  private chained = false;
  private count = 0;
  firstBreak: { index: number; record: Record<string, unknown>; problem: ChainBreak } | null = null;

  constructor(private readonly mutable: readonly string[] = []) {}

  /** Feeds the next record; returns its problem (or null). After the first break the walk goes on without checking. */
  next(record: Record<string, unknown>): ChainBreak | null {
    const index = this.count++;
    const stored = typeof record.hash === "string" ? record.hash : undefined;
    let problem: ChainBreak | null = null;
    if (stored === undefined) {
      if (this.chained) problem = { reason: "hash_missing" };
      else this.head = recordHash({ ...record, prevHash: this.head }, this.mutable);
    } else {
      this.chained = true;
      const prev = typeof record.prevHash === "string" ? record.prevHash : "";
      const own = recordHash(record, this.mutable);
      if (prev !== this.head) problem = { reason: "link_broken", expected: this.head, found: prev };
      else if (own !== stored) problem = { reason: "content_changed", expected: stored, found: own };
      this.head = stored;
    }
    if (problem && !this.firstBreak) this.firstBreak = { index, record, problem };
    return problem;
  }

  /** The hash the next record must carry as `prevHash` (the last record's hash, or the sealed legacy prefix). */
  get headHash(): string {
    return this.head;
  }

  get records(): number {
    return this.count;
  }
}
