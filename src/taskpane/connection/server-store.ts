/**
 * The store the pane and the MSP.* worksheet functions see in server mode. It is not a remote
 * database: the pane's use cases do not run on it but on the server (src/app/pane-calls.ts via
 * use-cases.ts). What it serves is the master data of the lookup index, loaded from `GET
 * /api/lookups` and kept until the server's revision (its ETag) changes; it notices changes after
 * the pane's own calls and by asking the server every `pollMs` while someone listens (the lookup
 * index does), so cells update after a colleague's change. The billed sums MSP.BILLED needs come from
 * `GET /api/lookups/ledger` ({@link ServerStore.billedSums}). Anything else asked of it is refused with
 * a message: a use case that does not run on the server yet fails loudly instead of silently
 * working on local data.
 */
import type { Article, Contract, Customer, PositionVersion } from "../../core/contract/model";
import type { BilledSumRow } from "../../core/lookup/ledger-index";
import type { BillingStore, StoreTx } from "../../store/port";
import type { ServerConnection } from "./server-connection";

/* global setInterval, clearInterval */

interface Snapshot {
  revision: number;
  customers: Customer[];
  articles: Article[];
  contracts: Contract[];
  versions: PositionVersion[];
}

/** Thrown for what server mode does not offer (yet). */
export class NotInServerMode extends Error {
  constructor(what: string) {
    super(`not available with a team-server connection: ${what}`);
  }
}

const byKey = <T>(rows: readonly T[], key: (r: T) => string) => {
  const map = new Map(rows.map((r) => [key(r), r]));
  return {
    get: async (k: string) => map.get(k),
    getMany: async (ks: readonly string[]) => ks.map((k) => map.get(k)),
    putMany: async () => {
      throw new NotInServerMode("writing");
    },
    all: async () => [...rows],
    keys: async () => rows.map(key),
  };
};

function snapshotTx(s: Snapshot): StoreTx {
  const repos: Record<string, unknown> = {
    mode: "read",
    customers: byKey(s.customers, (c) => c.no),
    articles: byKey(s.articles, (a) => a.no),
    contracts: { ...byKey(s.contracts, (c) => c.no), ofCustomer: async (no: string) => s.contracts.filter((c) => c.customerNo === no), count: async () => s.contracts.length },
    versions: {
      all: async () => [...s.versions],
      getMany: async (ids: readonly string[]) => ids.map((id) => s.versions.find((v) => v.id === id)),
      ofContracts: async (nos: readonly string[]) => s.versions.filter((v) => nos.includes(v.contractNo)),
      addMany: async () => {
        throw new NotInServerMode("writing");
      },
    },
  };
  return new Proxy(repos, {
    get(target, prop) {
      if (typeof prop === "string" && !(prop in target)) throw new NotInServerMode(`store.${prop}`);
      return target[prop as string];
    },
  }) as unknown as StoreTx;
}

export class ServerStore implements BillingStore {
  readonly kind = "remote" as const;
  private snapshot: { etag: string | null; data: Snapshot } | null = null;
  private loading: Promise<Snapshot> | null = null;
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private known: number | null = null;
  private readonly offCall: () => void;

  constructor(
    readonly connection: ServerConnection,
    private readonly pollMs = 15_000,
  ) {
    this.offCall = connection.onCall(() => void this.checkRevision());
  }

  get location(): string {
    return this.connection.url;
  }

  /** The master data, from memory while the server's revision is the one it was loaded at. */
  private async data(): Promise<Snapshot> {
    if (this.snapshot && this.known !== null && this.snapshot.data.revision === this.known) return this.snapshot.data;
    this.loading ??= (async () => {
      try {
        const got = await this.connection.get("/api/lookups", this.snapshot?.etag ?? undefined);
        if (got) this.snapshot = { etag: got.etag, data: got.body as Snapshot };
        this.known = this.snapshot!.data.revision;
        return this.snapshot!.data;
      } finally {
        this.loading = null;
      }
    })();
    return this.loading;
  }

  private ledger: { etag: string | null; body: { signature: string; rows: BilledSumRow[] } } | null = null;

  /** The billed sums per contract and month (the lookup index's ledger part), kept while the server's runs are unchanged (ETag). */
  async billedSums(): Promise<{ signature: string; rows: BilledSumRow[] }> {
    const got = await this.connection.get("/api/lookups/ledger", this.ledger?.etag ?? undefined);
    if (got) this.ledger = { etag: got.etag, body: got.body as { signature: string; rows: BilledSumRow[] } };
    return this.ledger!.body;
  }

  async read<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    return fn(snapshotTx(await this.data()));
  }

  write<T>(_fn?: (tx: StoreTx) => Promise<T>): Promise<T> {
    return Promise.reject(new NotInServerMode("writing outside the server's use cases"));
  }

  async revision(): Promise<number> {
    const got = await this.connection.get("/api/revision");
    return (got!.body as { revision: number }).revision;
  }

  /** Asks the server for its revision; listeners hear a change (the lookup index goes stale, Excel recalculates). */
  async checkRevision(): Promise<void> {
    let revision: number;
    try {
      revision = await this.revision();
    } catch {
      return; // offline for a moment: the next check will tell
    }
    if (this.known === revision) return;
    const first = this.known === null;
    this.known = revision;
    if (!first || this.snapshot) for (const l of [...this.listeners]) l();
  }

  as(): BillingStore {
    return this;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    if (this.timer === undefined && this.pollMs > 0) this.timer = setInterval(() => void this.checkRevision(), this.pollMs);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0 && this.timer !== undefined) {
        clearInterval(this.timer);
        this.timer = undefined;
      }
    };
  }

  async close(): Promise<void> {
    this.offCall();
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.listeners.clear();
  }
}
