/**
 * Glue between the custom functions and the lookup index: fetch the index of the configured store
 * (one shared build per change, see src/app/lookup/lookup-index.ts) with a timeout, turn "not
 * found" results into #N/A and every thrown problem into an Excel error in the UI language.
 */
import { type LookupIndexCache, lookupIndexCache } from "../app/lookup/lookup-index";
import type { LedgerIndex } from "../core/lookup/ledger-index";
import type { MasterIndex } from "../core/lookup/master-index";
import type { Result } from "../core/issues";
import type { Decimal } from "../core/money/decimal";
import { InputError, toCustomFunctionError } from "./errors";
import { functionsEnvironment } from "./environment";

// One timer per pending promise, however many cells wait for it.
const timed = new WeakMap<Promise<unknown>, Promise<unknown>>();

function withTimeout<T>(work: Promise<T>): Promise<T> {
  const existing = timed.get(work);
  if (existing) return existing as Promise<T>;
  const ms = functionsEnvironment().storeTimeoutMs;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new InputError("functions.store_timeout", { seconds: Math.max(1, Math.round(ms / 1000)) }, "notAvailable")), ms);
  });
  const raced = Promise.race([work, timeout]).finally(() => clearTimeout(timer));
  timed.set(work, raced);
  return raced;
}

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | null)?.then === "function";
}

/**
 * A part of the lookup index of the configured store: straight from memory when it is built and
 * current (the usual case in a recalculation), else the one shared build, with a timeout.
 */
async function indexPart<T>(ready: (cache: LookupIndexCache) => T | undefined, build: (cache: LookupIndexCache) => Promise<T>): Promise<T> {
  try {
    const provided = functionsEnvironment().store();
    const cache = lookupIndexCache(isPromise(provided) ? await withTimeout(provided) : provided);
    return ready(cache) ?? (await withTimeout(build(cache)));
  } catch (error) {
    if (error instanceof InputError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new InputError("functions.store_unavailable", { detail }, "notAvailable");
  }
}

/** The master-data index of the configured store. */
export function masterIndex(): Promise<MasterIndex> {
  return indexPart(
    (cache) => cache.readyMaster(),
    (cache) => cache.master(),
  );
}

/** The ledger index of the configured store. */
export function ledgerIndex(): Promise<LedgerIndex> {
  return indexPart(
    (cache) => cache.readyLedger(),
    (cache) => cache.ledger(),
  );
}

/** The value of a lookup result; a "nothing found" issue becomes #N/A with its message. */
export function found<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  const first = result.issues[0]!;
  throw new InputError(first.code, first.params, "notAvailable");
}

/** Runs a function body; anything it throws becomes an Excel error worded in the UI language. */
export async function excelCall<T>(body: () => Promise<T> | T): Promise<T> {
  try {
    return await body();
  } catch (error) {
    throw toCustomFunctionError(error, functionsEnvironment().language());
  }
}

/** A decimal as the number Excel shows (never -0). */
export function toExcelNumber(value: Decimal): number {
  const n = value.toNumber();
  return n === 0 ? 0 : n;
}
