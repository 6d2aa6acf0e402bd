/**
 * The custom worksheet functions' (MSP.QTY, MSP.PRICE …) in-memory index over the store: the caching
 * layer. The index itself and the questions asked of it are pure (src/core/lookup).
 *
 * Why: a recalculation can call a store-backed function from 10,000 cells at once. Each call must be
 * a map lookup, not a store transaction. So the store is read once into keyed maps and the maps are
 * served until the store changes.
 *
 * Two parts, each read in ONE read transaction and cached separately:
 * - master: customers, articles, contracts and the contract versions ({@link MasterIndex});
 * - ledger: billed sums per contract and month ({@link LedgerIndex}; only BILLED needs it, and the
 *   ledger grows with every run, so PRICE & co. never pay for reading it).
 *
 * Batching: `get` returns the SAME promise to every caller until the part goes stale, so concurrent
 * calls made while the part is being built all wait for the one build.
 *
 * Refresh: the cache listens to the store's `onChange` (the DexieStore calls it after its own commits
 * and, through Dexie's storagemutated signal, after commits of other windows of the add-in). After a
 * change the master part is rebuilt on the next call. The ledger part is only re-verified: the
 * ledger changes only with the billing runs (a run adds its entries, undoing a run removes them), so
 * the next call reads the runs (a few per month) and scans the ledger again only when they differ.
 * {@link invalidateLookupIndex} drops parts outright (e.g. after writes that bypass the port).
 * A build that was running when the store changed is not reused: later calls start a new one.
 *
 * Excel does not recalculate a non-volatile custom function when the store changes. After a write,
 * the task pane recalculates (`Excel.CalculationType.full`); {@link LookupIndexCache.onInvalidate}
 * tells it when the index went stale.
 */
import { type BilledSumRow, LedgerIndex } from "../../core/lookup/ledger-index";
import { MasterIndex } from "../../core/lookup/master-index";
import type { BillingStore, StoreTx } from "../../store/port";

export type IndexPart = "master" | "ledger";

/** Reads the master part in one read transaction. */
export function buildMasterIndex(store: BillingStore): Promise<MasterIndex> {
  return store.read(async (tx) => {
    const customers = await tx.customers.all();
    const articles = await tx.articles.all();
    const contracts = await tx.contracts.all();
    const versions = await tx.versions.all();
    return new MasterIndex({ customers, articles, contracts, versions });
  });
}

/** A built ledger part and the runs it was built from. */
interface LedgerPart {
  index: LedgerIndex;
  runs: string;
}

/** What the ledger depends on: every run with its state (the ledger only changes with runs). */
export async function runsSignature(tx: StoreTx): Promise<string> {
  return (await tx.runs.all()).map((r) => `${r.id}|${r.createdAt}|${r.undoneAt ?? ""}|${r.invoiceRefs.length}`).join("\n");
}

/** Streams the ledger into an index (summing while it reads; no array of entries is kept). */
async function scanLedger(tx: StoreTx): Promise<LedgerIndex> {
  const index = new LedgerIndex();
  await tx.ledger.forEach((e) => index.add(e));
  return index;
}

/** Reads the ledger part in one read transaction. */
export function buildLedgerIndex(store: BillingStore): Promise<LedgerIndex> {
  return store.read(scanLedger);
}

/** The ledger part and the runs signature it belongs to, in one read transaction (the team server sends both). */
export function readLedgerPart(store: BillingStore): Promise<{ index: LedgerIndex; runs: string }> {
  return store.read(async (tx) => ({ runs: await runsSignature(tx), index: await scanLedger(tx) }));
}

/**
 * A store that serves the billed sums itself instead of a ledger to scan: the pane's store in server
 * mode, which has no ledger but asks the team server (`GET /api/lookups/ledger`).
 */
export interface BilledSumsSource {
  billedSums(): Promise<{ signature: string; rows: BilledSumRow[] }>;
}

function servesBilledSums(store: BillingStore): store is BillingStore & BilledSumsSource {
  return typeof (store as Partial<BilledSumsSource>).billedSums === "function";
}

/** Build and invalidation counters, for tests and the benchmark. */
export interface LookupIndexStats {
  masterBuilds: number;
  /** Ledger scans. */
  ledgerBuilds: number;
  /** Ledger parts kept after a store change because the runs were unchanged. */
  ledgerReused: number;
  invalidations: number;
}

/** One cached part: the build promise of the current generation (and its value once built). */
class CachedPart<T> {
  private generation = 0;
  /** Bumped by a hard invalidation: values built before it are never reused. */
  private epoch = 0;
  private current: { generation: number; promise: Promise<T>; value?: T } | undefined;
  private reusable: { epoch: number; value: T } | undefined;

  /** `build` gets the last value built (when not dropped since) to reuse it if it is still right. */
  constructor(private readonly build: (previous: T | undefined) => Promise<T>) {}

  get(): Promise<T> {
    if (this.current && this.current.generation === this.generation) return this.current.promise;
    const epoch = this.epoch;
    const previous = this.reusable?.epoch === epoch ? this.reusable.value : undefined;
    const entry: { generation: number; promise: Promise<T>; value?: T } = { generation: this.generation, promise: this.build(previous) };
    this.current = entry;
    entry.promise.then(
      (value) => {
        entry.value = value;
        if (this.epoch === epoch) this.reusable = { epoch, value };
      },
      // A failed build (store not openable yet, e.g. IndexedDB unavailable at start-up) is not
      // cached: the next call tries again.
      () => {
        if (this.current === entry) this.current = undefined;
      },
    );
    return entry.promise;
  }

  /** The built value when it is current and ready, else undefined (then call {@link get}). */
  peek(): T | undefined {
    return this.current && this.current.generation === this.generation ? this.current.value : undefined;
  }

  /** Marks the part stale; `drop` also forbids reusing what was built so far. */
  invalidate(drop: boolean): void {
    this.generation++;
    if (drop) {
      this.epoch++;
      this.reusable = undefined;
    }
  }
}

/** The lookup index of one store: both parts, change tracking and listeners. */
export class LookupIndexCache {
  readonly stats: LookupIndexStats = { masterBuilds: 0, ledgerBuilds: 0, ledgerReused: 0, invalidations: 0 };
  private readonly masterPart: CachedPart<MasterIndex>;
  private readonly ledgerPart: CachedPart<LedgerPart>;
  private readonly listeners = new Set<(parts: readonly IndexPart[]) => void>();
  private readonly unsubscribe: () => void;

  constructor(readonly store: BillingStore) {
    this.masterPart = new CachedPart(() => {
      this.stats.masterBuilds++;
      return buildMasterIndex(store);
    });
    this.ledgerPart = new CachedPart(async (previous) => {
      if (servesBilledSums(store)) {
        const sums = await store.billedSums();
        if (previous && previous.runs === sums.signature) {
          this.stats.ledgerReused++;
          return previous;
        }
        this.stats.ledgerBuilds++;
        return { index: LedgerIndex.fromRows(sums.rows), runs: sums.signature };
      }
      return store.read(async (tx) => {
        const runs = await runsSignature(tx);
        if (previous && previous.runs === runs) {
          this.stats.ledgerReused++;
          return previous;
        }
        this.stats.ledgerBuilds++;
        return { index: await scanLedger(tx), runs };
      });
    });
    this.unsubscribe = store.onChange(() => this.storeChanged());
  }

  /** The master part; concurrent callers share one build. */
  master(): Promise<MasterIndex> {
    return this.masterPart.get();
  }

  /** The ledger part; concurrent callers share one build. */
  async ledger(): Promise<LedgerIndex> {
    return (await this.ledgerPart.get()).index;
  }

  /** The master part if it is built and current (no await needed), else undefined. */
  readyMaster(): MasterIndex | undefined {
    return this.masterPart.peek();
  }

  /** The ledger part if it is built and current, else undefined. */
  readyLedger(): LedgerIndex | undefined {
    return this.ledgerPart.peek()?.index;
  }

  /** Drops parts (default: both); the next call rebuilds them. Notifies listeners. */
  invalidate(parts: readonly IndexPart[] = ["master", "ledger"]): void {
    if (parts.length === 0) return;
    if (parts.includes("master")) this.masterPart.invalidate(true);
    if (parts.includes("ledger")) this.ledgerPart.invalidate(true);
    this.notify(parts);
  }

  /**
   * After a committed write: the master part is rebuilt on the next call, the ledger part re-checked
   * against the runs. Listeners hear both parts (either may have changed).
   */
  storeChanged(): void {
    this.masterPart.invalidate(true);
    this.ledgerPart.invalidate(false);
    this.notify(["master", "ledger"]);
  }

  /** Calls `listener` whenever parts go stale (e.g. to make Excel recalculate). Returns an unsubscribe. */
  onInvalidate(listener: (parts: readonly IndexPart[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops listening to the store (the cache still works; it just no longer refreshes by itself). */
  dispose(): void {
    this.unsubscribe();
    this.listeners.clear();
    if (caches.get(this.store) === this) caches.delete(this.store);
  }

  private notify(parts: readonly IndexPart[]): void {
    this.stats.invalidations++;
    for (const listener of this.listeners) {
      try {
        listener(parts);
      } catch {
        // A listener's failure must not stop the others or the write that triggered it.
      }
    }
  }
}

const caches = new WeakMap<BillingStore, LookupIndexCache>();

/** The lookup index cache of a store (created on first use; one per store object). */
export function lookupIndexCache(store: BillingStore): LookupIndexCache {
  let cache = caches.get(store);
  if (!cache) caches.set(store, (cache = new LookupIndexCache(store)));
  return cache;
}

/** The master-data index of a store: built once, shared by concurrent callers, rebuilt after changes. */
export function getLookupIndex(store: BillingStore): Promise<MasterIndex> {
  return lookupIndexCache(store).master();
}

/** The ledger index (billed sums per contract and month) of a store. */
export function getLedgerIndex(store: BillingStore): Promise<LedgerIndex> {
  return lookupIndexCache(store).ledger();
}

/** Drops the index of a store (both parts, or the given ones); for writes the store does not report. */
export function invalidateLookupIndex(store: BillingStore, parts?: readonly IndexPart[]): void {
  caches.get(store)?.invalidate(parts);
}

/** Tells the index of a store that the store changed (as its `onChange` does). */
export function noteStoreChanged(store: BillingStore): void {
  caches.get(store)?.storeChanged();
}
