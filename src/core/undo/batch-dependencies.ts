/**
 * Which later batch builds on a batch that is to be undone (PRODUCT.md §8 `undo`, §9 "undo restores
 * exactly the previous store"). One check for every batch kind (reconcile apply, master import,
 * purchase import, links import, price update, time import, meter import):
 *
 * - a batch *changes* (when undone): every row it wrote; the version history of every contract or
 *   purchase position it added versions to and the reading history of every device it added
 *   readings to; the existence of every customer, article, contract, purchase contract and position
 *   it created; and, for links, which purchase positions feed which sales positions;
 * - a later batch *depends on*: every row it wrote and every history it extended (the same keys), the
 *   existence of everything its rows refer to (a version's contract and article, a contract's
 *   customer, a link's purchase and sales position …), and a price update also on the links feeding
 *   the positions it re-priced and on the cost history of every purchase position linked to them.
 *
 * A later batch that is not undone and depends on anything the batch changes blocks the undo. Pure:
 * the app layer loads the rows.
 */

/** One key a batch wrote, with its row: as stored now or, when gone, as it was before the batch. */
export interface WrittenRow {
  table: string;
  key: string;
  row: Record<string, unknown> | undefined;
  /** The batch created the key (undoing it deletes the row). */
  created: boolean;
}

/** What a blocked undo names: an issue code and its params (the caller adds batch, later and kind). */
export interface Subject {
  code: string;
  params: Record<string, string | number>;
}

/** A purchase link as the check needs it. */
export interface LinkRef {
  purchaseNo: string;
  purchasePositionNo: number;
  contractNo: string;
  positionNo: number;
}

/** Positions whose whole history is the batch's own (undoing it makes them vanish). */
export interface CreatedPositions {
  /** `contractNo`, `positionNo` pairs. */
  positions: readonly (readonly [string, number])[];
  /** `purchaseNo`, `positionNo` pairs. */
  purchasePositions: readonly (readonly [string, number])[];
}

/** Batch kinds whose rows were computed from the purchase links (and purchase costs). */
const READS_LINKS = new Set(["price-update"]);

const pair = (a: unknown, b: unknown) => JSON.stringify([String(a), Number(b)]);
const positionKey = (c: unknown, p: unknown) => `position:${pair(c, p)}`;
const purchasePositionKey = (n: unknown, p: unknown) => `purchase-position:${pair(n, p)}`;

const positionSubject = (c: unknown, p: unknown): Subject => ({ code: "review.undo_blocked_by_batch", params: { contract: String(c), position: Number(p) } });
const purchaseSubject = (n: unknown, p: unknown): Subject => ({ code: "review.undo_blocked_by_batch_purchase", params: { purchase: String(n), position: Number(p) } });
const linkSubject = (l: Record<string, unknown>): Subject => ({
  code: "review.undo_blocked_by_batch_link",
  params: { purchase: String(l.purchaseNo), purchasePosition: Number(l.purchasePositionNo), contract: String(l.contractNo), position: Number(l.positionNo) },
});
const rowSubject = (entity: string): Subject => ({ code: "review.undo_blocked_by_batch_row", params: { entity } });

/** The audit entity of a row (as the use case that wrote it names it in the audit log). */
export function rowEntity(table: string, key: string, row: Record<string, unknown> | undefined): string {
  const r = row ?? {};
  switch (table) {
    case "customers":
      return `customer:${key}`;
    case "articles":
      return `article:${key}`;
    case "contracts":
      return `contract:${key}`;
    case "contractVersions":
      return r.contractNo !== undefined ? `contract:${String(r.contractNo)}/${String(r.positionNo)}` : `contractVersion:${key}`;
    case "mappings":
      return r.kind !== undefined ? `mapping:${String(r.kind)}:${String(r.externalId)}` : `mapping:${key}`;
    case "purchaseContracts":
      return r.kind === "position" ? `purchase:${String(r.purchaseNo)}/${String(r.positionNo)}` : r.purchaseNo !== undefined ? `purchase:${String(r.purchaseNo)}` : `purchaseContract:${key}`;
    case "purchaseLinks":
      return `link:${key}`;
    case "timeEntries":
      return `timeEntry:${key}`;
    case "meterReadings":
      return `meterReading:${key}`;
    default:
      return `${table}:${key}`;
  }
}

/** Rows that are entries of a history (versions, readings): written once, never overwritten. */
function historyKey(table: string, r: Record<string, unknown>): { key: string; subject: Subject } | null {
  if (table === "contractVersions" && r.contractNo !== undefined) return { key: positionKey(r.contractNo, r.positionNo), subject: positionSubject(r.contractNo, r.positionNo) };
  if (table === "purchaseContracts" && r.kind === "position") return { key: purchasePositionKey(r.purchaseNo, r.positionNo), subject: purchaseSubject(r.purchaseNo, r.positionNo) };
  if (table === "meterReadings" && r.deviceId !== undefined) return { key: `device:${String(r.deviceId)}`, subject: rowSubject(`device:${String(r.deviceId)}`) };
  return null;
}

/** What undoing a batch changes: dependency key → what to name. */
export function undoChanges(rows: readonly WrittenRow[], created: CreatedPositions): Map<string, Subject> {
  const out = new Map<string, Subject>();
  const add = (key: string, subject: Subject) => {
    if (!out.has(key)) out.set(key, subject);
  };
  for (const w of rows) {
    const r = w.row;
    const history = r ? historyKey(w.table, r) : null;
    if (history) add(`w:${history.key}`, history.subject);
    else add(`w:row:${w.table}:${w.key}`, rowSubject(rowEntity(w.table, w.key, r)));
    if (w.created) {
      const exists = existenceKey(w.table, w.key, r);
      if (exists) add(`x:${exists}`, rowSubject(rowEntity(w.table, w.key, r)));
    }
    if (w.table === "purchaseLinks" && r) {
      add(`f:${positionKey(r.contractNo, r.positionNo)}`, linkSubject(r));
      add(`f:${purchasePositionKey(r.purchaseNo, r.purchasePositionNo)}`, linkSubject(r));
    }
  }
  for (const [c, p] of created.positions) add(`x:${positionKey(c, p)}`, positionSubject(c, p));
  for (const [n, p] of created.purchasePositions) add(`x:${purchasePositionKey(n, p)}`, purchaseSubject(n, p));
  return out;
}

/** The thing whose existence a created row stands for (null for rows nothing refers to): the row's entity. */
function existenceKey(table: string, key: string, r: Record<string, unknown> | undefined): string | null {
  const refersTo = table === "customers" || table === "articles" || table === "contracts" || (table === "purchaseContracts" && r?.kind === "contract");
  return refersTo ? rowEntity(table, key, r) : null;
}

/**
 * What a later batch depends on. `links` are the purchase links as stored now (used for batch kinds
 * that priced positions from their links).
 */
export function batchDependencies(kind: string, rows: readonly WrittenRow[], links: readonly LinkRef[] = []): Set<string> {
  const out = new Set<string>();
  const salesPositions: [unknown, unknown][] = [];
  for (const w of rows) {
    const r = w.row;
    const history = r ? historyKey(w.table, r) : null;
    out.add(history ? `w:${history.key}` : `w:row:${w.table}:${w.key}`);
    if (!r) continue;
    const refers = (key: string) => out.add(`x:${key}`);
    switch (w.table) {
      case "contracts":
        refers(`customer:${String(r.customerNo)}`);
        break;
      case "contractVersions":
        refers(`contract:${String(r.contractNo)}`);
        refers(`article:${String(r.articleNo)}`);
        salesPositions.push([r.contractNo, r.positionNo]);
        break;
      case "mappings":
        if (r.kind === "customer" || r.kind === "article") refers(`${r.kind}:${String(r.internalNo)}`);
        break;
      case "purchaseContracts":
        if (r.kind === "position") {
          refers(`purchase:${String(r.purchaseNo)}`);
          refers(`article:${String(r.articleNo)}`);
          if (READS_LINKS.has(kind)) out.add(`f:${purchasePositionKey(r.purchaseNo, r.positionNo)}`);
        }
        break;
      case "purchaseLinks":
        // a link that is stored refers to both positions (a removed one refers to nothing)
        if (!w.created) break;
        refers(purchasePositionKey(r.purchaseNo, r.purchasePositionNo));
        refers(positionKey(r.contractNo, r.positionNo));
        break;
      case "timeEntries":
        refers(`customer:${String(r.customerNo)}`);
        if (r.contractNo !== undefined) refers(`contract:${String(r.contractNo)}`);
        break;
      case "meterReadings":
        refers(`customer:${String(r.customerNo)}`);
        refers(`contract:${String(r.contractNo)}`);
        break;
    }
  }
  if (READS_LINKS.has(kind)) {
    const priced = new Set(salesPositions.map(([c, p]) => positionKey(c, p)));
    for (const key of priced) out.add(`f:${key}`);
    // the prices came from the costs of every purchase position linked to the re-priced positions
    for (const l of links) if (priced.has(positionKey(l.contractNo, l.positionNo))) out.add(`w:${purchasePositionKey(l.purchaseNo, l.purchasePositionNo)}`);
  }
  return out;
}

/** The first dependency of `dependencies` on `changes`, or null. */
export function firstDependency(changes: ReadonlyMap<string, Subject>, dependencies: ReadonlySet<string>): Subject | null {
  for (const key of dependencies) {
    const subject = changes.get(key);
    if (subject) return subject;
  }
  return null;
}

/**
 * Order of batches: by their number (ids end in the store's shared batch counter, `apply-00002`),
 * by creation time when a number is missing.
 */
export function isLaterBatch(a: { id: string; createdAt: string }, b: { id: string; createdAt: string }): boolean {
  const na = batchNumber(a.id);
  const nb = batchNumber(b.id);
  if (na !== null && nb !== null) return na > nb;
  return a.createdAt > b.createdAt;
}

function batchNumber(id: string): number | null {
  const m = /-(\d+)$/.exec(id);
  return m ? Number(m[1]) : null;
}
