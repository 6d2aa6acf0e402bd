/**
 * In-memory read index over the store for the custom worksheet functions (MSP.QTY, MSP.PRICE …).
 *
 * Why: a recalculation can call a store-backed function from 10,000 cells at once. Each call must be
 * a map lookup, not an IndexedDB transaction. So the store is read once into keyed maps and the maps
 * are served until the store changes.
 *
 * Two parts, each read in ONE read transaction and cached separately:
 * - master: customers, articles, contracts and the contract versions, keyed
 *   customer → contracts → positions → versions, and (customer, article) → positions;
 * - ledger: billed sums per contract and month (only BILLED needs it; the ledger grows with every
 *   run, so PRICE & co. never pay for reading it).
 *
 * Batching: `get` returns the SAME promise to every caller until the part is invalidated, so
 * concurrent calls made while the part is being built all wait for the one build.
 *
 * Refresh: a part is invalidated (and rebuilt lazily by the next call) when
 * - Dexie's global `storagemutated` event reports a committed write to one of its tables. Dexie ≥ 3.2
 *   fires it after every read-write transaction of this window, and relays writes of other
 *   windows/workers through BroadcastChannel (it is the event liveQuery is built on). We do not use
 *   liveQuery itself: it would re-read the tables eagerly after every write, even when no cell asks.
 *   (`db.on("changes")` would need the dexie-observable add-on and its change tables.)
 * - or the task pane calls {@link invalidateLookupIndex} after it writes (belt and braces, e.g. for
 *   writes that bypass Dexie).
 * A build that was running when the store changed is not reused: later calls start a new build.
 *
 * Excel does not recalculate a non-volatile custom function when the store changes. After a write,
 * the task pane should recalculate (e.g. `Excel.CalculationType.full`); {@link LookupIndexCache.onInvalidate}
 * tells it when the index went stale.
 */
import Dexie, { type ObservabilitySet } from "dexie";
import type { LedgerEntry } from "../../core/billing/ledger";
import type { Article, Contract, Customer, PositionVersion } from "../../core/contract/model";
import { monthlyNet } from "../../core/billing/proration";
import { compareVersions } from "../../core/contract/state-on-day";
import type { IsoMonth } from "../../core/date/iso-month";
import { Decimal, ZERO } from "../../core/money/decimal";
import type { MspDb } from "../../store/db";

/** The history of one contract position: its versions sorted by validFrom, then entry sequence. */
export interface PositionHistory {
  contract: Contract;
  positionNo: number;
  versions: readonly PositionVersion[];
}

/** A version's numbers as decimals, parsed once per index build instead of once per call. */
export interface VersionAmounts {
  quantity: Decimal;
  /** quantity × unit price × (1 − discount/100): the monthly net (see monthlyNet). */
  monthlyNet: Decimal;
  /** unit price × (1 − discount/100): the net price of one unit per month. */
  unitNet: Decimal;
}

/** A key lookup table that finds keys exactly, else case-insensitively when that is unambiguous. */
class KeyMap<T> {
  private readonly exact = new Map<string, T>();
  private readonly folded = new Map<string, T | null>();

  set(key: string, value: T): void {
    this.exact.set(key, value);
    const f = key.toUpperCase();
    const existing = this.folded.get(f);
    this.folded.set(f, existing === undefined || existing === value ? value : null);
  }

  get(key: string): T | undefined {
    return this.exact.get(key) ?? this.folded.get(key.toUpperCase()) ?? undefined;
  }

  get size(): number {
    return this.exact.size;
  }
}

const SEP = "\u0000";

/** The master-data part of the index (see module comment). Read-only once built. */
export class MasterIndex {
  private readonly customers = new KeyMap<Customer>();
  private readonly articles = new KeyMap<Article>();
  private readonly contracts = new KeyMap<Contract>();
  /** Article numbers that occur in a position but not in the articles table. */
  private readonly positionArticles = new KeyMap<string>();
  private readonly byCustomer = new Map<string, Contract[]>();
  private readonly byContract = new Map<string, PositionHistory[]>();
  private readonly byCustomerArticle = new Map<string, PositionHistory[]>();
  private readonly amountsByVersion = new WeakMap<PositionVersion, VersionAmounts>();

  constructor(data: { customers: readonly Customer[]; articles: readonly Article[]; contracts: readonly Contract[]; versions: readonly PositionVersion[] }) {
    for (const c of data.customers) this.customers.set(c.no, c);
    for (const a of data.articles) this.articles.set(a.no, a);
    for (const c of data.contracts) {
      this.contracts.set(c.no, c);
      const list = this.byCustomer.get(c.customerNo);
      if (list) list.push(c);
      else this.byCustomer.set(c.customerNo, [c]);
    }
    for (const list of this.byCustomer.values()) list.sort((a, b) => (a.no < b.no ? -1 : a.no > b.no ? 1 : 0));

    // contract → position → versions
    const positions = new Map<string, Map<number, PositionVersion[]>>();
    for (const v of data.versions) {
      let byPosition = positions.get(v.contractNo);
      if (!byPosition) positions.set(v.contractNo, (byPosition = new Map()));
      const list = byPosition.get(v.positionNo);
      if (list) list.push(v);
      else byPosition.set(v.positionNo, [v]);
    }
    const contractsByNo = new Map(data.contracts.map((c) => [c.no, c]));
    for (const [contractNo, byPosition] of positions) {
      const contract = contractsByNo.get(contractNo);
      if (!contract) continue; // versions of a contract that no longer exists
      const histories: PositionHistory[] = [];
      for (const [positionNo, list] of [...byPosition].sort((a, b) => a[0] - b[0])) {
        const history: PositionHistory = { contract, positionNo, versions: list.sort(compareVersions) };
        histories.push(history);
        // A position belongs to every article it ever had; queries check the version in force.
        for (const articleNo of new Set(list.map((v) => v.articleNo))) {
          if (!this.articles.get(articleNo)) this.positionArticles.set(articleNo, articleNo);
          const key = contract.customerNo + SEP + articleNo;
          const same = this.byCustomerArticle.get(key);
          if (same) same.push(history);
          else this.byCustomerArticle.set(key, [history]);
        }
      }
      this.byContract.set(contractNo, histories);
    }
  }

  /** Quantity and monthly net of a version, as decimals (computed on first use, then kept). */
  amounts(v: PositionVersion): VersionAmounts {
    let a = this.amountsByVersion.get(v);
    if (!a) this.amountsByVersion.set(v, (a = { quantity: new Decimal(v.quantity), monthlyNet: monthlyNet(v), unitNet: monthlyNet({ ...v, quantity: "1" }) }));
    return a;
  }

  /**
   * The customer with this number (exact, else case-insensitive if unambiguous); a customer only
   * known from its contracts yields a stub with an empty name.
   */
  customer(no: string): Customer | undefined {
    return this.customers.get(no) ?? (this.byCustomer.has(no) ? { no, name: "" } : undefined);
  }

  /** The article with this number; articles only known from positions yield a stub without prices. */
  article(no: string): Article | undefined {
    const article = this.articles.get(no);
    if (article) return article;
    const fromPosition = this.positionArticles.get(no);
    return fromPosition === undefined ? undefined : { no: fromPosition, description: "", unitPrice: "0", vatPct: "0" };
  }

  contract(no: string): Contract | undefined {
    return this.contracts.get(no);
  }

  /** The customer's contracts, by contract number. */
  contractsOf(customerNo: string): readonly Contract[] {
    return this.byCustomer.get(customerNo) ?? [];
  }

  /** The positions of a contract, by position number. */
  positionsOf(contractNo: string): readonly PositionHistory[] {
    return this.byContract.get(contractNo) ?? [];
  }

  /** The customer's positions that have (or had) the article, over all contracts. */
  positionsWithArticle(customerNo: string, articleNo: string): readonly PositionHistory[] {
    return this.byCustomerArticle.get(customerNo + SEP + articleNo) ?? [];
  }

  get counts(): { customers: number; articles: number; contracts: number; positions: number } {
    let positions = 0;
    for (const list of this.byContract.values()) positions += list.length;
    return { customers: this.customers.size, articles: this.articles.size, contracts: this.contracts.size, positions };
  }
}

/** Billed totals of one contract and month. */
export interface BilledMonth {
  /** Sum of the rounded amounts (what was invoiced), recurring and difference lines. */
  rounded: Decimal;
  /** Sum of the exact amounts. */
  exact: Decimal;
  entries: number;
}

/** The ledger part of the index: billed sums per contract and month. */
export class LedgerIndex {
  private readonly sums = new Map<string, Map<IsoMonth, BilledMonth>>();

  /** Adds one ledger entry (used while streaming the ledger table). */
  add(e: Pick<LedgerEntry, "contractNo" | "month" | "roundedAmount" | "exactAmount">): void {
    let months = this.sums.get(e.contractNo);
    if (!months) this.sums.set(e.contractNo, (months = new Map()));
    const m = months.get(e.month);
    if (m) {
      m.rounded = m.rounded.plus(e.roundedAmount);
      m.exact = m.exact.plus(e.exactAmount);
      m.entries++;
    } else {
      months.set(e.month, { rounded: new Decimal(e.roundedAmount), exact: new Decimal(e.exactAmount), entries: 1 });
    }
  }

  /** True when the ledger has any entry of the contract (it may be a contract deleted since). */
  hasContract(contractNo: string): boolean {
    return this.sums.has(contractNo);
  }

  /** Billed totals of a contract in a month; zero when nothing was billed. */
  billed(contractNo: string, month: IsoMonth): BilledMonth {
    return this.sums.get(contractNo)?.get(month) ?? { rounded: ZERO, exact: ZERO, entries: 0 };
  }

  /** The months billed for a contract, in order. */
  months(contractNo: string): IsoMonth[] {
    return [...(this.sums.get(contractNo)?.keys() ?? [])].sort();
  }
}

const MASTER_TABLES = ["customers", "articles", "contracts", "contractVersions"] as const;
const LEDGER_TABLES = ["ledger"] as const;

/** Reads the master part in one read transaction. */
export async function buildMasterIndex(db: MspDb): Promise<MasterIndex> {
  const [customers, articles, contracts, versions] = await db.transaction("r", [db.customers, db.articles, db.contracts, db.contractVersions], () =>
    Promise.all([db.customers.toArray(), db.articles.toArray(), db.contracts.toArray(), db.contractVersions.toArray()]),
  );
  return new MasterIndex({ customers, articles, contracts, versions });
}

/** Reads the ledger part in one read transaction, summing while it streams (no row array kept). */
export async function buildLedgerIndex(db: MspDb): Promise<LedgerIndex> {
  const index = new LedgerIndex();
  await db.transaction("r", db.ledger, () => db.ledger.each((e) => index.add(e)));
  return index;
}

export type IndexPart = "master" | "ledger";

/** Build and invalidation counters, for tests and the benchmark. */
export interface LookupIndexStats {
  masterBuilds: number;
  ledgerBuilds: number;
  invalidations: number;
}

/** One cached part: the build promise of the current generation (and its value once built). */
class CachedPart<T> {
  private generation = 0;
  private current: { generation: number; promise: Promise<T>; value?: T } | undefined;

  constructor(private readonly build: () => Promise<T>) {}

  get(): Promise<T> {
    if (this.current && this.current.generation === this.generation) return this.current.promise;
    const entry: { generation: number; promise: Promise<T>; value?: T } = { generation: this.generation, promise: this.build() };
    this.current = entry;
    entry.promise.then(
      (value) => {
        entry.value = value;
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

  invalidate(): void {
    this.generation++;
  }
}

/** The lookup index of one database: both parts, change tracking and listeners. */
export class LookupIndexCache {
  readonly stats: LookupIndexStats = { masterBuilds: 0, ledgerBuilds: 0, invalidations: 0 };
  private readonly masterPart: CachedPart<MasterIndex>;
  private readonly ledgerPart: CachedPart<LedgerIndex>;
  private readonly listeners = new Set<(parts: readonly IndexPart[]) => void>();
  private readonly ref: Ref<LookupIndexCache> = weakRef(this);

  constructor(readonly db: MspDb) {
    this.masterPart = new CachedPart(() => {
      this.stats.masterBuilds++;
      return buildMasterIndex(db);
    });
    this.ledgerPart = new CachedPart(() => {
      this.stats.ledgerBuilds++;
      return buildLedgerIndex(db);
    });
    watch(this.ref);
  }

  /** The master part; concurrent callers share one build. */
  master(): Promise<MasterIndex> {
    return this.masterPart.get();
  }

  /** The ledger part; concurrent callers share one build. */
  ledger(): Promise<LedgerIndex> {
    return this.ledgerPart.get();
  }

  /** The master part if it is built and current (no await needed), else undefined. */
  readyMaster(): MasterIndex | undefined {
    return this.masterPart.peek();
  }

  /** The ledger part if it is built and current, else undefined. */
  readyLedger(): LedgerIndex | undefined {
    return this.ledgerPart.peek();
  }

  /** Marks parts stale (default: both); the next call rebuilds them. Notifies listeners. */
  invalidate(parts: readonly IndexPart[] = ["master", "ledger"]): void {
    if (parts.length === 0) return;
    if (parts.includes("master")) this.masterPart.invalidate();
    if (parts.includes("ledger")) this.ledgerPart.invalidate();
    this.stats.invalidations++;
    for (const listener of this.listeners) {
      try {
        listener(parts);
      } catch {
        // A listener's failure must not stop the others or the write that triggered it.
      }
    }
  }

  /** Calls `listener` whenever parts go stale (e.g. to make Excel recalculate). Returns an unsubscribe. */
  onInvalidate(listener: (parts: readonly IndexPart[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Handles Dexie's mutation report: invalidates the parts whose tables of this database changed. */
  noteMutations(changed: ObservabilitySet): void {
    const keys = Object.keys(changed);
    if (keys.includes("all")) {
      this.invalidate();
      return;
    }
    const prefix = `idb://${this.db.name}/`;
    const tables = new Set<string>();
    for (const key of keys) if (key.startsWith(prefix)) tables.add(key.slice(prefix.length).split("/")[0]!);
    const parts: IndexPart[] = [];
    if (MASTER_TABLES.some((t) => tables.has(t))) parts.push("master");
    if (LEDGER_TABLES.some((t) => tables.has(t))) parts.push("ledger");
    this.invalidate(parts);
  }

  /** Stops watching the store (the cache still works; it just no longer refreshes by itself). */
  dispose(): void {
    watched.delete(this.ref);
    this.listeners.clear();
  }
}

// One global Dexie subscription for all caches; weak references, so a cache (and its database)
// can be garbage-collected without an explicit dispose (strong ones where WeakRef is missing).
interface Ref<T> {
  deref(): T | undefined;
}
function weakRef<T extends object>(target: T): Ref<T> {
  return typeof WeakRef === "function" ? new WeakRef(target) : { deref: () => target };
}
const watched = new Set<Ref<LookupIndexCache>>();
let subscribed = false;

function onStorageMutated(changed: ObservabilitySet): void {
  for (const ref of watched) {
    const cache = ref.deref();
    if (cache) cache.noteMutations(changed);
    else watched.delete(ref);
  }
}

function watch(ref: Ref<LookupIndexCache>): void {
  watched.add(ref);
  if (!subscribed) {
    Dexie.on("storagemutated", onStorageMutated);
    subscribed = true;
  }
}

const caches = new WeakMap<MspDb, LookupIndexCache>();

/** The lookup index cache of a database (created on first use; one per database object). */
export function lookupIndexCache(db: MspDb): LookupIndexCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new LookupIndexCache(db)));
  return cache;
}

/** The master-data index of a database: built once, shared by concurrent callers, rebuilt after changes. */
export function getLookupIndex(db: MspDb): Promise<MasterIndex> {
  return lookupIndexCache(db).master();
}

/** The ledger index (billed sums per contract and month) of a database. */
export function getLedgerIndex(db: MspDb): Promise<LedgerIndex> {
  return lookupIndexCache(db).ledger();
}

/** Marks the index of a database stale; call after writing to the store from the task pane. */
export function invalidateLookupIndex(db: MspDb, parts?: readonly IndexPart[]): void {
  caches.get(db)?.invalidate(parts);
}
