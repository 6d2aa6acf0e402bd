/**
 * Store schema 3 → 4 on every adapter (dexie.test.ts, sqlite.test.ts, postgres.test.ts): a store
 * written by the program of schema 3, with mapping ids in several spellings, opened by the current
 * program. The mappings come out in their normal form; rows that collide are decided as
 * upgrade-v4.ts says and both kept in the audit log; the hash chain still verifies; opening again
 * changes nothing.
 */
import { dismissStoreNotices, pendingStoreNotices } from "../../../src/app/store-notices";
import { verifyIntegrity } from "../../../src/app/verify";
import { formatIssue } from "../../../src/core/messages";
import type { BillingStore, StoreTx } from "../../../src/store/port";
import type { AuditRecord, MappingRecord } from "../../../src/store/records";

export interface V3StoreFactory {
  /** Writes a store at schema 3 (as the previous program did) with `seed`, closes it, returns how to open it with the current program. */
  atV3(seed: (tx: StoreTx) => Promise<void>): Promise<{ open(): Promise<BillingStore> }>;
}

const G1_UP = "3F2504E0-4F89-11D3-9A0C-0305E82C3301";
const G2_UP = "6B29FC40-CA47-1067-B31D-00DD010662DA";
const G3_UP = "{A0B1C2D3-E4F5-4A6B-8C7D-0E1F2A3B4C5D}";
const G4_UP = "9E8D7C6B-5A49-4382-9170-6F5E4D3C2B1A";
const lower = (g: string) => g.replace(/[{}]/g, "").toLowerCase();
const m = (kind: MappingRecord["kind"], source: string, externalId: string, internalNo: string): MappingRecord => ({ id: `${kind}|${source}|${externalId}`, kind, source, externalId, internalNo, origin: "import:mappings.csv" });

/** Rows of the schema-3 store, and the order their `mapping.put` entries were written in. */
export const V3_MAPPINGS = {
  // G1: upper case older (seq 1), lower case newer (seq 2) → lower stays, different customers.
  g1Upper: m("customer", "*", G1_UP, "10001"),
  g1Lower: m("customer", "*", lower(G1_UP), "10002"),
  // G2: lower case older (seq 3), upper case newer (seq 4) → the upper row stays, in normal form.
  g2Lower: m("customer", "nce", lower(G2_UP), "20001"),
  g2Upper: m("customer", "nce", G2_UP, "20002"),
  // G3: one row in braces and upper case → renamed, no collision.
  g3: m("customer", "nce", G3_UP, "30001"),
  // G4: two spellings, same customer, never in the audit log → merged, the normal row stays.
  g4Upper: m("customer", "*", G4_UP, "40001"),
  g4Lower: m("customer", "*", lower(G4_UP), "40001"),
  // Not a GUID: its case is kept.
  sku: m("article", "*", "CFQ7TTC0LH18:0001", "M365-BP"),
};

const put = (seq: number, row: MappingRecord): AuditRecord => ({ seq, at: `2026-0${seq}-01T10:00:00.000Z`, kind: "mapping.put", source: `batch-${seq}`, entity: `mapping:${row.kind}:${row.externalId}`, after: row });

export async function seedV3(tx: StoreTx): Promise<void> {
  const v = V3_MAPPINGS;
  await tx.mappings.putMany(Object.values(v));
  await tx.audit.append([put(1, v.g1Upper), put(2, v.g1Lower), put(3, v.g2Lower), put(4, v.g2Upper)]);
}

const byId = (rows: MappingRecord[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));

/** The mappings every path must leave (normal ids; the kept rows of the collisions). */
export function expectedV4Mappings(): MappingRecord[] {
  const v = V3_MAPPINGS;
  const n = (r: MappingRecord) => ({ ...r, id: `${r.kind}|${r.source}|${lower(r.externalId)}`, externalId: lower(r.externalId) });
  return byId([v.g1Lower, n(v.g2Upper), n(v.g3), v.g4Lower, v.sku]);
}

/** Checks a store after the upgrade: mappings, the audit entries, the chain, lookups. */
export async function expectUpgraded(store: BillingStore): Promise<void> {
  const v = V3_MAPPINGS;
  const rows = await store.read((tx) => tx.mappings.all());
  expect(byId(rows)).toEqual(expectedV4Mappings());
  const log = await store.read(async (tx) => {
    const out: AuditRecord[] = [];
    await tx.audit.forEach((e) => void out.push(e));
    return out;
  });
  expect(log.slice(0, 4).map((e) => e.kind)).toEqual(["mapping.put", "mapping.put", "mapping.put", "mapping.put"]);
  const added = log.slice(4, 8);
  expect(added.map((e) => [e.kind, e.entity])).toEqual([
    ["mapping.id_collision", `mapping:customer:${lower(G1_UP)}`],
    ["mapping.id_collision", `mapping:customer:${lower(G4_UP)}`],
    ["mapping.id_collision", `mapping:customer:${lower(G2_UP)}`],
    ["mapping.normalize", `mapping:customer:${lower(G3_UP)}`],
  ]);
  // Nothing silently dropped: each collision keeps every row as it was, and says which one stays and why.
  const g1 = added[0]!;
  expect(g1.before).toEqual([v.g1Lower, v.g1Upper]);
  expect(g1.after).toEqual({ kept: v.g1Lower, rule: "newer", conflicting: true });
  const g2 = added[2]!;
  expect(g2.before).toEqual([v.g2Upper, v.g2Lower]);
  expect((g2.after as { kept: MappingRecord; rule: string }).kept.internalNo).toBe("20002");
  expect((g2.after as { rule: string }).rule).toBe("newer");
  expect(added[1]!.after).toEqual({ kept: v.g4Lower, rule: "normal_form", conflicting: false });
  expect(added[3]!.before).toEqual(v.g3);
  expect(added.every((e) => typeof e.hash === "string")).toBe(true);
  expect((await verifyIntegrity({ store, now: () => "t" })).breaks).toEqual([]);
  // Lookups compare normal forms: the tenant in any spelling finds the row that stayed.
  const found = await store.read((tx) => tx.mappings.get(`customer|*|${lower(G1_UP)}`));
  expect(found?.internalNo).toBe("10002");
}

export function describeMappingIdUpgrade(name: string, factory: V3StoreFactory): void {
  describe(`${name}: store schema 3 → 4 (mapping ids in normal form)`, () => {
    it("opens a schema-3 store with every mapping id normalised, collisions decided and recorded, and again without change", async () => {
      const handle = await factory.atV3(seedV3);
      const store = await handle.open();
      try {
        await expectUpgraded(store);
      } finally {
        await store.close();
      }
      const again = await handle.open();
      try {
        expect(await again.read((tx) => tx.audit.count())).toBe(8);
        expect(byId(await again.read((tx) => tx.mappings.all()))).toEqual(expectedV4Mappings());
      } finally {
        await again.close();
      }
    });

    it("keeps what the upgrade at open found for the hosts until it is dismissed, in the user's language", async () => {
      const handle = await factory.atV3(seedV3);
      const store = await handle.open();
      const ctx = { store, now: () => "2026-12-07T01:00:00.000Z" };
      try {
        const notices = await pendingStoreNotices(ctx);
        // Two collisions with different customers (warnings), one merge of spellings (info).
        expect(notices.map((i) => `${i.severity} ${i.code} ${String(i.params.externalId)}`)).toEqual([
          `warning store.mapping_id_collision ${lower(G1_UP)}`,
          `info store.mapping_id_merged ${lower(G4_UP)}`,
          `warning store.mapping_id_collision ${lower(G2_UP)}`,
        ]);
        const de = formatIssue(notices[0]!, "de");
        expect(de).toContain("Kunden-Zuordnung");
        expect(de).toContain("zuletzt geschrieben laut Prüfprotokoll");
        expect(de).not.toMatch(/newest|mapping\.id_collision|customer/);
        expect(formatIssue(notices[0]!, "en")).toContain("Customer mapping");
        await dismissStoreNotices(ctx);
        expect(await pendingStoreNotices(ctx)).toEqual([]);
      } finally {
        await store.close();
      }
      const again = await handle.open();
      try {
        expect(await pendingStoreNotices({ store: again, now: () => "t" })).toEqual([]);
      } finally {
        await again.close();
      }
    });

    it("an empty schema-3 store opens without an audit entry", async () => {
      const handle = await factory.atV3(async () => undefined);
      const store = await handle.open();
      try {
        expect(await store.read((tx) => tx.audit.count())).toBe(0);
      } finally {
        await store.close();
      }
    });
  });
}
