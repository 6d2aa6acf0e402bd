import type { DBCore, DBCoreIndex, DBCoreMutateResponse, DBCoreQueryRequest, DBCoreTransaction, Middleware } from "dexie";
import { Issue, Result, fail, issue, ok } from "../core/issues";
import type { MspDb } from "./db";
import { CURRENT_SCHEMA_VERSION, TABLE_NAMES, currentSchema, type TableName } from "./schema";

export const BACKUP_FORMAT = "msp-billing-backup";

/** The whole store as one JSON document; also the CLI's workspace file. */
export interface BackupDoc {
  format: typeof BACKUP_FORMAT;
  schemaVersion: number;
  /** Time of export, supplied by the host (ISO timestamp). */
  exportedAt: string;
  tables: Record<TableName, unknown[]>;
}

/**
 * Rows per write request batch. IndexedDB itself has no such limit, but fake-indexeddb (the store in
 * Node) keeps a transaction's pending requests in an array it shifts from the front, so one bulkAdd
 * of n rows costs O(n²) there (182,000 rows: about a minute). Batches keep it linear.
 */
export const WRITE_BATCH_ROWS = 1000;

/** Reads every table, rows in primary-key order, so equal stores give byte-identical backups. */
export async function exportBackup(db: MspDb, exportedAt: string): Promise<BackupDoc> {
  const tables = {} as Record<TableName, unknown[]>;
  await db.transaction("r", TABLE_NAMES.map((t) => db.table(t)), async () => {
    for (const name of TABLE_NAMES) tables[name] = await db.table(name).toArray();
  });
  return { format: BACKUP_FORMAT, schemaVersion: CURRENT_SCHEMA_VERSION, exportedAt, tables };
}

/**
 * The whole store as backup JSON ({@link backupToJson} of {@link exportBackup}), in one step. For a
 * store restored with {@link restoreLazily}, rows still held in memory are serialised as they are,
 * without copying them first (a 24-month workspace holds hundreds of thousands of rows).
 */
export async function backupJson(db: MspDb, exportedAt: string): Promise<string> {
  const lazy = LAZY.get(db);
  if (!lazy) return backupToJson(await exportBackup(db, exportedAt));
  const tables = {} as Record<TableName, unknown[]>;
  await db.transaction("r", TABLE_NAMES.map((t) => db.table(t)), async () => {
    // Once a request of this transaction has run, no other transaction touches these tables.
    await db.table(TABLE_NAMES[0]!).get(PROBE_KEY);
    for (const name of TABLE_NAMES) {
      const mem = lazy.memory.get(name);
      if (mem?.doc && !mem.storeUsed && !lazy.copying.has(name)) {
        const added = sortedAdded(mem);
        tables[name] = added.rows.length === 0 ? (mem.doc.rows as unknown[]) : mergeSorted([mem.doc, added], { values: true } as DBCoreQueryRequest, false);
      } else tables[name] = await db.table(name).toArray();
    }
  });
  return backupToJson({ format: BACKUP_FORMAT, schemaVersion: CURRENT_SCHEMA_VERSION, exportedAt, tables });
}

/** Serialises a backup with stable indentation. */
export function backupToJson(doc: BackupDoc): string {
  return JSON.stringify(doc, null, 1) + "\n";
}

/** Parses and checks a backup document; never throws. */
export function parseBackup(text: string, source = "backup"): Result<BackupDoc> {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    return fail(issue("backup.invalid", { detail: (e as Error).message }, { source }));
  }
  const problems: Issue[] = [];
  const bad = (detail: string) => problems.push(issue("backup.invalid", { detail }, { source }));
  if (typeof data !== "object" || data === null) return fail(issue("backup.invalid", { detail: "not a JSON object" }, { source }));
  const doc = data as Partial<BackupDoc>;
  if (doc.format !== BACKUP_FORMAT) bad(`format must be "${BACKUP_FORMAT}"`);
  if (typeof doc.schemaVersion !== "number" || !Number.isInteger(doc.schemaVersion) || doc.schemaVersion < 1) bad("schemaVersion must be a positive integer");
  else if (doc.schemaVersion > CURRENT_SCHEMA_VERSION)
    problems.push(issue("backup.version_too_new", { found: doc.schemaVersion, supported: CURRENT_SCHEMA_VERSION }, { source }));
  if (typeof doc.tables !== "object" || doc.tables === null) bad("tables missing");
  else {
    for (const [name, rows] of Object.entries(doc.tables)) {
      if (!(TABLE_NAMES as string[]).includes(name)) bad(`unknown table "${name}"`);
      else if (!Array.isArray(rows) || rows.some((r) => typeof r !== "object" || r === null || Array.isArray(r)))
        bad(`table "${name}" must be an array of objects`);
    }
  }
  if (problems.length > 0) return { ok: false, issues: problems };
  const tables = {} as Record<TableName, unknown[]>;
  for (const name of TABLE_NAMES) tables[name] = (doc.tables as Record<string, unknown[]>)[name] ?? [];
  return ok({ format: BACKUP_FORMAT, schemaVersion: doc.schemaVersion!, exportedAt: String(doc.exportedAt ?? ""), tables });
}

/**
 * Replaces the whole store with a backup in one transaction: either every table is restored or
 * (on any failure) the store stays exactly as it was.
 */
export async function restoreBackup(db: MspDb, doc: BackupDoc): Promise<void> {
  await db.transaction("rw", TABLE_NAMES.map((t) => db.table(t)), async () => {
    for (const name of TABLE_NAMES) {
      const table = db.table(name);
      await table.clear();
      const rows = doc.tables[name];
      for (let i = 0; i < rows.length; i += WRITE_BATCH_ROWS) await table.bulkAdd(rows.slice(i, i + WRITE_BATCH_ROWS));
    }
  });
}

// ---------------------------------------------------------------------------------------------------
// Lazy restore. The CLI opens its workspace file into a fresh in-memory store (fake-indexeddb) for
// every command. fake-indexeddb costs tens of microseconds per row written (a 24-month ledger of
// 182,000 entries takes seconds to copy in, a billing run's 37,500 new entries more than a second)
// and several per row read, although commands mostly read whole tables or nothing, and append to the
// big ones (a billing run reads the ledger and adds a month to it). So after a lazy restore every
// table is first held in memory: the rows of the document plus the rows added since, and requests
// are answered there as far as they can be:
//
// - reading a whole table, counting it, getting rows by primary key: from memory (copies of the rows);
// - adding rows, putting rows, with keys the document does not hold: to memory (structured clones, as
//   IndexedDB keeps them) — or to the store, for generated keys;
// - clearing the table: empties it;
// - anything else (index queries, cursors, deletes, replacing a row of the document): the rows are
//   first copied into the store, inside the same transaction, and the store has the table from then on.
//
// Every decision is taken when the request's turn comes inside its transaction (after a cheap probe
// request), so it sees what earlier requests and transactions left; what a transaction changed here is
// undone if it aborts. A transaction that includes a table held in memory runs in readwrite mode, so
// IndexedDB gives it the table alone and rows can be copied in when needed.

type SimpleKey = string | number;

/** Rows in primary-key order with their keys. */
interface SortedRows {
  rows: readonly unknown[];
  keys: readonly SimpleKey[];
  /** Which rows are plain JSON data (all of them when absent). */
  json?: readonly boolean[];
}

/** A table held in memory. */
interface MemTable {
  /** The primary key's property. */
  keyPath: string;
  /** The document's rows (keys ascending) — or null when they are not (then every request copies in). */
  doc: SortedRows | null;
  /** The document's rows as given (to copy into the store). */
  docRows: readonly unknown[];
  /** Rows added in memory since, in the order they came, whether each is plain JSON data, where each key is. */
  added: unknown[];
  addedKeys: SimpleKey[];
  addedJson: boolean[];
  addedAt: Map<SimpleKey, number>;
  /** `added` in key order (made when needed). */
  addedSorted: SortedRows | null;
  /** Rows were written to the store too (generated keys): reads add the store's rows. */
  storeUsed: boolean;
  /** For a table with generated keys: the key generator was moved past the document's keys. */
  seeded: boolean;
}

interface LazyState {
  memory: Map<string, MemTable>;
  /** Tables being copied into the store by a running transaction. */
  copying: Map<string, Promise<void>>;
  /** Tables whose state unfinished transactions changed (how many of them). */
  changing: Map<string, number>;
  /** What to undo when a transaction aborts, and the tables it changed. */
  undo: WeakMap<object, (() => void)[]>;
  undoTables: WeakMap<object, Set<string>>;
}

const LAZY = new WeakMap<MspDb, LazyState>();

/**
 * Restores `doc` into `db` lazily (see above): `db` must be new and not opened yet; it is opened
 * here. Fails, like {@link restoreBackup} would, on missing, invalid or duplicate primary keys,
 * before anything is read. (Rows are restored as they are, without migration, as restoreBackup does.)
 */
export async function restoreLazily(db: MspDb, doc: BackupDoc, source = "backup"): Promise<Result<void>> {
  const state: LazyState = { memory: new Map(), copying: new Map(), changing: new Map(), undo: new WeakMap(), undoTables: new WeakMap() };
  const problems: Issue[] = [];
  /** Tables whose keys are not one property (none in schema v1): copied into the store right away. */
  const eager: TableName[] = [];
  for (const name of TABLE_NAMES) {
    const rows = doc.tables[name];
    const checked = checkKeys(name, rows);
    if (typeof checked === "string") problems.push(issue("backup.invalid", { detail: checked }, { source }));
    else if (checked.keyPath !== null) {
      state.memory.set(name, {
        keyPath: checked.keyPath,
        doc: checked.keys ? { rows, keys: checked.keys } : null,
        docRows: rows,
        added: [],
        addedKeys: [],
        addedJson: [],
        addedAt: new Map(),
        addedSorted: null,
        storeUsed: false,
        seeded: false,
      });
    } else if (rows.length > 0) eager.push(name);
  }
  if (problems.length > 0) return { ok: false, issues: problems };
  LAZY.set(db, state);
  db.use(lazyRestoreMiddleware(state));
  await db.open();
  if (eager.length > 0) {
    await db.transaction("rw", eager.map((t) => db.table(t)), async () => {
      for (const name of eager) {
        const rows = doc.tables[name];
        for (let i = 0; i < rows.length; i += WRITE_BATCH_ROWS) await db.table(name).bulkAdd(rows.slice(i, i + WRITE_BATCH_ROWS));
      }
    });
  }
  return ok(undefined);
}

/** The tables of a lazily restored store that are still held in memory (null for other stores). */
export function lazyRestoreStatus(db: MspDb): { inMemory: TableName[] } | null {
  const lazy = LAZY.get(db);
  return lazy ? { inMemory: TABLE_NAMES.filter((t) => lazy.memory.has(t)) } : null;
}

const ANY_RANGE = 3; // DBCoreRangeType.Any (a const enum, not available at run time)
/** A key no row has (the probe only waits for its turn). */
const PROBE_KEY = -Infinity;

function lazyRestoreMiddleware(state: LazyState): Middleware<DBCore> {
  /** True while a table's state can still change: held in memory, or changed by an unfinished transaction. */
  const unsettled = (name: string): boolean => state.memory.has(name) || state.changing.has(name);
  return {
    stack: "dbcore",
    name: "lazy-restore",
    // Below Dexie's own middlewares, right above IndexedDB.
    level: -10,
    create: (down) => ({
      transaction(stores, mode, options) {
        // Readwrite, so rows can be copied in; IndexedDB then also gives the transaction the tables alone.
        return down.transaction(stores, stores.some(unsettled) ? "readwrite" : mode, options);
      },
      table(name) {
        const table = down.table(name);
        const autoIncrement = !!table.schema.primaryKey.autoIncrement;
        /** Records a change by `trans`, undone if it aborts. */
        const changed = (trans: DBCoreTransaction, undo: () => void): void => {
          let list = state.undo.get(trans);
          if (!list) {
            const own: (() => void)[] = (list = []);
            const tables = new Set<string>();
            state.undo.set(trans, own);
            state.undoTables.set(trans, tables);
            const settle = (aborted: boolean) => () => {
              if (aborted) own.reverse().forEach((f) => f());
              for (const t of tables) {
                const n = (state.changing.get(t) ?? 1) - 1;
                if (n === 0) state.changing.delete(t);
                else state.changing.set(t, n);
              }
            };
            const idb = trans as unknown as IDBTransaction;
            idb.addEventListener("abort", settle(true));
            idb.addEventListener("complete", settle(false));
          }
          const tables = state.undoTables.get(trans)!;
          if (!tables.has(name)) {
            tables.add(name);
            state.changing.set(name, (state.changing.get(name) ?? 0) + 1);
          }
          list.push(undo);
        };
        /** Copies the rows held in memory into the store (inside `trans`); the store has the table from then on. */
        const copyIn = (trans: DBCoreTransaction, mem: MemTable): Promise<void> => {
          state.memory.delete(name);
          const done = addInBatches((trans as unknown as IDBTransaction).objectStore(name), mem.added.length > 0 ? [...mem.docRows, ...mem.added] : mem.docRows);
          state.copying.set(name, done);
          changed(trans, () => {
            state.copying.delete(name);
            state.memory.set(name, mem);
          });
          const finished = () => {
            if (state.copying.get(name) === done) state.copying.delete(name);
          };
          done.then(finished, finished);
          return done;
        };
        /** Moves the key generator past the document's highest numeric key (add it, delete it again). */
        const seed = (trans: DBCoreTransaction, mem: MemTable): void => {
          if (mem.seeded || !autoIncrement || !mem.doc) return;
          let i = mem.doc.keys.length - 1;
          while (i >= 0 && typeof mem.doc.keys[i] !== "number") i--;
          if (i >= 0) {
            // Requests of one transaction run in order: both run before the caller's request.
            table.mutate({ type: "add", trans, values: [mem.doc.rows[i]] }).catch(() => undefined);
            table.mutate({ type: "delete", trans, keys: [mem.doc.keys[i]] }).catch(() => undefined);
          }
          mem.seeded = true;
          changed(trans, () => (mem.seeded = false));
        };
        /**
         * The table held in memory, when the request can be answered there (`answerable`); undefined
         * when the store has the table; a promise when its rows must be (or are being) copied in first.
         */
        const inMemory = (trans: DBCoreTransaction, answerable: (mem: MemTable & { doc: SortedRows }) => boolean): MemTable | undefined | Promise<void> => {
          if (state.copying.has(name)) return state.copying.get(name)!.then(() => undefined);
          const mem = state.memory.get(name);
          if (!mem) return undefined;
          if (mem.doc && answerable(mem as MemTable & { doc: SortedRows })) return mem;
          return copyIn(trans, mem);
        };
        /**
         * Runs `decide` when the request's turn comes inside its transaction (after a probe request),
         * so it sees the state every earlier request and transaction left, aborts undone. `decide`
         * issues its store requests before it awaits anything.
         */
        const atTurn = <R>(trans: DBCoreTransaction, direct: () => Promise<R>, decide: () => Promise<R>): Promise<R> =>
          unsettled(name) ? table.get({ trans, key: PROBE_KEY }).then(decide) : direct();
        const always = () => true;
        const fullPrimaryRange = (q: { index: DBCoreIndex; range: { type: number } }) => () => !!q.index.isPrimaryKey && q.range.type === ANY_RANGE;
        /** A copy of the row with `key` held in memory: [row] or null. */
        const find = (mem: MemTable & { doc: SortedRows }, key: SimpleKey): [unknown] | null => {
          const i = indexOfKey(mem.doc.keys, key);
          if (i >= 0) return [copyJson(mem.doc.rows[i])];
          const j = mem.addedAt.get(key);
          return j === undefined ? null : [mem.addedJson[j] ? copyJson(mem.added[j]) : structuredClone(mem.added[j])];
        };
        return {
          ...table,
          get: (req) =>
            atTurn(req.trans, () => table.get(req), () => {
              const mem = inMemory(req.trans, () => isSimpleKey(req.key));
              if (mem instanceof Promise) return mem.then(() => table.get(req));
              if (!mem) return table.get(req);
              const hit = find(mem as MemTable & { doc: SortedRows }, req.key as SimpleKey);
              if (hit) return Promise.resolve(hit[0]);
              return mem.storeUsed ? table.get(req) : Promise.resolve(undefined);
            }),
          getMany: (req) =>
            atTurn(req.trans, () => table.getMany(req), () => {
              const mem = inMemory(req.trans, () => req.keys.every(isSimpleKey));
              if (mem instanceof Promise) return mem.then(() => table.getMany(req));
              if (!mem) return table.getMany(req);
              const hits = req.keys.map((k) => find(mem as MemTable & { doc: SortedRows }, k as SimpleKey));
              const rest = req.keys.filter((_, j) => !hits[j]);
              const stored = mem.storeUsed && rest.length > 0 ? table.getMany({ ...req, keys: rest }) : Promise.resolve(rest.map(() => undefined));
              return stored.then((values) => {
                let s = 0;
                return hits.map((h) => (h ? h[0] : values[s++]));
              });
            }),
          count: (req) =>
            atTurn(req.trans, () => table.count(req), () => {
              const mem = inMemory(req.trans, fullPrimaryRange(req.query));
              if (mem instanceof Promise) return mem.then(() => table.count(req));
              if (!mem) return table.count(req);
              const n = mem.doc!.rows.length + mem.added.length;
              return mem.storeUsed ? table.count(req).then((m) => m + n) : Promise.resolve(n);
            }),
          query: (req) =>
            atTurn(req.trans, () => table.query(req), () => {
              const mem = inMemory(req.trans, fullPrimaryRange(req.query));
              if (mem instanceof Promise) return mem.then(() => table.query(req));
              if (!mem) return table.query(req);
              const lists = [mem.doc!, sortedAdded(mem)];
              const stored = mem.storeUsed ? table.query(req) : Promise.resolve({ result: [] as unknown[] });
              return stored.then((s) => {
                const keys = req.values ? s.result.map((v) => (v as Record<string, SimpleKey>)[mem.keyPath]!) : (s.result as SimpleKey[]);
                return { result: mergeSorted([...lists, { rows: s.result, keys, stored: true }], req) };
              });
            }),
          openCursor: (req) =>
            atTurn(req.trans, () => table.openCursor(req), () => {
              const mem = inMemory(req.trans, () => false);
              return mem instanceof Promise ? mem.then(() => table.openCursor(req)) : table.openCursor(req);
            }),
          mutate: (req) =>
            atTurn(req.trans, () => table.mutate(req), () => {
              if (req.type === "deleteRange" && req.range.type === ANY_RANGE) {
                // Clearing the table: the rows in memory go too (the key generator stays where it was).
                const mem = inMemory(req.trans, always);
                if (mem instanceof Promise) return mem.then(() => table.mutate(req));
                if (mem) {
                  seed(req.trans, mem);
                  state.memory.delete(name);
                  changed(req.trans, () => state.memory.set(name, mem));
                }
                return table.mutate(req);
              }
              const plain = req.type === "add" || (req.type === "put" && !req.updates && !req.criteria && !req.changeSpec);
              const values: readonly unknown[] = plain ? (req as { values: readonly unknown[] }).values : [];
              const plan: { where: "memory" | "store" | "copy" } = { where: "copy" };
              const mem = inMemory(req.trans, (m) => {
                if (!plain) return false;
                const keys = values.map((v) => (v as Record<string, unknown> | null)?.[m.keyPath]);
                if (keys.some((k) => k === undefined)) {
                  // Generated keys: the store makes them (after the document's).
                  plan.where = req.type === "add" && autoIncrement && keys.every((k) => k === undefined || (isSimpleKey(k) && !find(m, k))) ? "store" : "copy";
                  return plan.where === "store";
                }
                if (!keys.every(isSimpleKey)) return false;
                const fresh = new Set<SimpleKey>();
                for (const k of keys as SimpleKey[]) {
                  if (indexOfKey(m.doc.keys, k) >= 0) return false; // a row of the document changes: the store handles it
                  if (req.type === "add" && (m.addedAt.has(k) || fresh.has(k))) return false; // the store reports the clash
                  fresh.add(k);
                }
                plan.where = autoIncrement || m.storeUsed ? "store" : "memory";
                return true;
              });
              if (mem instanceof Promise) return mem.then(() => table.mutate(req));
              if (!mem) return table.mutate(req);
              if (plan.where === "store") {
                seed(req.trans, mem);
                if (!mem.storeUsed) {
                  mem.storeUsed = true;
                  changed(req.trans, () => (mem.storeUsed = false));
                }
                return table.mutate(req);
              }
              return Promise.resolve(addToMemory(req.trans, mem, values));
            }),
        };
        /** Adds (or replaces) rows held in memory, as IndexedDB would store them: clones. */
        function addToMemory(trans: DBCoreTransaction, mem: MemTable, values: readonly unknown[]): DBCoreMutateResponse {
          const length = mem.added.length;
          const replaced: [number, unknown, boolean][] = [];
          const results: SimpleKey[] = [];
          for (const value of values) {
            const json = isJsonData(value);
            const row = (json ? copyJson(value) : structuredClone(value)) as Record<string, unknown>;
            const key = row[mem.keyPath] as SimpleKey;
            const at = mem.addedAt.get(key);
            if (at !== undefined) {
              replaced.push([at, mem.added[at], mem.addedJson[at]!]);
              mem.added[at] = row;
              mem.addedJson[at] = json;
            } else {
              mem.addedAt.set(key, mem.added.length);
              mem.added.push(row);
              mem.addedKeys.push(key);
              mem.addedJson.push(json);
            }
            results.push(key);
          }
          mem.addedSorted = null;
          changed(trans, () => {
            for (let i = length; i < mem.added.length; i++) mem.addedAt.delete(mem.addedKeys[i]!);
            mem.added.length = length;
            mem.addedKeys.length = length;
            mem.addedJson.length = length;
            for (const [at, row, json] of replaced.reverse()) {
              mem.added[at] = row;
              mem.addedJson[at] = json;
            }
            mem.addedSorted = null;
          });
          return { numFailures: 0, failures: {}, results, lastResult: results[results.length - 1] };
        }
      },
    }),
  };
}

/** The rows added in memory, in key order. */
function sortedAdded(mem: MemTable): SortedRows {
  if (!mem.addedSorted) {
    const order = mem.added.map((_, i) => i).sort((a, b) => compareKeys(mem.addedKeys[a]!, mem.addedKeys[b]!));
    mem.addedSorted = { rows: order.map((i) => mem.added[i]), keys: order.map((i) => mem.addedKeys[i]!), json: order.map((i) => mem.addedJson[i]!) };
  }
  return mem.addedSorted;
}

/**
 * Lists in key order (disjoint keys) merged as a primary-key query returns them: direction, limit,
 * keys or values. Rows from memory are copied; rows from the store (`stored`, already in the query's
 * order and limit) are the store's own copies.
 */
function mergeSorted(lists: readonly (SortedRows & { stored?: boolean })[], req: DBCoreQueryRequest, copy = true): unknown[] {
  const reverse = req.direction === "prev" || req.direction === "prevunique";
  const limit = req.limit ?? Infinity;
  const nonEmpty = lists.filter((l) => l.keys.length > 0);
  if (nonEmpty.length === 1 && !nonEmpty[0]!.stored && !reverse) {
    // One list (a table nobody added to): no merging, no key comparisons.
    const { rows, keys, json } = nonEmpty[0]!;
    const n = Math.min(limit, keys.length);
    if (!req.values) return keys.slice(0, n);
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) out[i] = !copy ? rows[i] : !json || json[i] ? copyJson(rows[i]) : structuredClone(rows[i]);
    return out;
  }
  const pos = lists.map((l) => (l.stored || !reverse ? 0 : l.keys.length - 1));
  const step = lists.map((l) => (l.stored || !reverse ? 1 : -1));
  const out: unknown[] = [];
  while (out.length < limit) {
    let best = -1;
    for (let i = 0; i < lists.length; i++) {
      const p = pos[i]!;
      if (p < 0 || p >= lists[i]!.keys.length) continue;
      if (best < 0) best = i;
      else {
        const c = compareKeys(lists[i]!.keys[p]!, lists[best]!.keys[pos[best]!]!);
        if (reverse ? c > 0 : c < 0) best = i;
      }
    }
    if (best < 0) break;
    const list = lists[best]!;
    const p = pos[best]!;
    out.push(!req.values ? list.keys[p] : list.stored || !copy ? list.rows[p] : !list.json || list.json[p] ? copyJson(list.rows[p]) : structuredClone(list.rows[p]));
    pos[best] = p + step[best]!;
  }
  return out;
}

/** Adds rows one batch after another (see {@link WRITE_BATCH_ROWS}); resolves when all are in. */
function addInBatches(store: IDBObjectStore, rows: readonly unknown[]): Promise<void> {
  return new Promise((resolve, reject) => {
    store.transaction.addEventListener("abort", () => reject(store.transaction.error ?? new Error("transaction aborted")));
    let i = 0;
    const next = (): void => {
      const end = Math.min(i + WRITE_BATCH_ROWS, rows.length);
      let last: IDBRequest | undefined;
      try {
        for (; i < end; i++) last = store.add(rows[i]); // IndexedDB stores a copy
      } catch (e) {
        reject(e);
        return;
      }
      if (!last) resolve();
      else {
        last.onsuccess = i < rows.length ? next : () => resolve();
        last.onerror = () => reject(last!.error);
      }
    };
    next();
  });
}

const isSimpleKey = (k: unknown): k is SimpleKey => typeof k === "string" || (typeof k === "number" && !Number.isNaN(k));

/** Position of `key` in ascending `keys`, or −1. */
function indexOfKey(keys: readonly SimpleKey[], key: SimpleKey): number {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = compareKeys(keys[mid]!, key);
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * True for plain data: primitives, arrays and plain objects of them. For such values a plain deep
 * copy ({@link copyJson}) is what IndexedDB's structured clone gives, many times faster. Rows from
 * the document are such data (parsed from JSON); rows added are checked.
 */
function isJsonData(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return typeof value !== "bigint" && typeof value !== "undefined" && typeof value !== "function" && typeof value !== "symbol";
  if (Array.isArray(value)) return value.every(isJsonData);
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const key in value) if (!isJsonData((value as Record<string, unknown>)[key])) return false;
  return true;
}

/** A deep copy of plain data (see {@link isJsonData}). */
function copyJson(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map(copyJson);
  const out: Record<string, unknown> = { ...value }; // own data properties, `__proto__` included
  for (const key in out) {
    const v = out[key];
    if (typeof v !== "object" || v === null) continue;
    if (key === "__proto__") Object.defineProperty(out, key, { value: copyJson(v), enumerable: true, writable: true, configurable: true });
    else out[key] = copyJson(v);
  }
  return out;
}

/**
 * Checks the primary keys of a table's rows as a restore would see them (present unless generated,
 * valid, unique; generated keys as the key generator would hand them out): a message for the first
 * problem; else the key property (null when not a single property) and, when every key is present
 * and they ascend, the keys.
 */
function checkKeys(name: TableName, rows: readonly unknown[]): string | { keyPath: string | null; keys: SimpleKey[] | null } {
  const spec = currentSchema[name].split(",")[0]!.trim();
  const generated = spec.startsWith("++");
  const keyPath = spec.replace(/^(\+\+|&)/, "");
  if (!/^\w+$/.test(keyPath)) return { keyPath: null, keys: null };
  let ordered = true;
  let generator = 1;
  let seen: Set<SimpleKey> | null = null;
  const keys: SimpleKey[] = [];
  for (let i = 0; i < rows.length; i++) {
    let key = (rows[i] as Record<string, unknown>)[keyPath];
    if (key === undefined && generated) {
      key = generator++;
      ordered = false;
    } else if (!isSimpleKey(key)) {
      return `table "${name}" row ${i + 1}: ${keyPath} must be a text or a number`;
    } else if (generated && typeof key === "number" && key >= generator) {
      generator = Math.floor(key) + 1;
    }
    const k = key as SimpleKey;
    if (!seen && (!ordered || (keys.length > 0 && compareKeys(keys[keys.length - 1]!, k) >= 0))) {
      ordered = false;
      seen = new Set(keys); // ascending so far, so no duplicates among them
    }
    if (seen) {
      if (seen.has(k)) return `table "${name}" row ${i + 1}: ${keyPath} ${JSON.stringify(k)} appears twice`;
      seen.add(k);
    } else keys.push(k);
  }
  return { keyPath, keys: ordered ? keys : null };
}

/** IndexedDB key order for numbers and texts: numbers first, texts by UTF-16 code units. */
function compareKeys(a: SimpleKey, b: SimpleKey): number {
  if (typeof a !== typeof b) return typeof a === "number" ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
