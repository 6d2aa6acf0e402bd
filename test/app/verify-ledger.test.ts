/**
 * verify covers the billing ledger (GoBD): an issued invoice keeps the digest of its ledger entries
 * in its hashed content, so an entry edited, added or removed behind the program's back shows as a
 * `ledger` break naming the invoice. Invoices issued before the digest was kept are checked against
 * their lines instead.
 */
import { dbOf } from "../support/db-view";
import { runBilling } from "../../src/app/bill";
import { importMaster } from "../../src/app/import-master";
import { finalizeRun } from "../../src/app/issue-run";
import { verifyIntegrity } from "../../src/app/verify";
import * as digest from "../../src/core/integrity/ledger-digest";
import { textFile } from "../support/fixtures";
import { TWO_CUSTOMERS_CONTRACTS as CONTRACTS } from "../support/two-customers";
import { issuedAndCancelledJanuary, ledgerEntriesOf } from "../support/ledger-story";

const story = issuedAndCancelledJanuary;
const entriesOf = ledgerEntriesOf;

describe("verify: the ledger of issued invoices", () => {
  it("an untouched store verifies; each issued invoice (the Stornorechnung too) keeps its ledger digest", async () => {
    const ctx = await story();
    const r = await verifyIntegrity(ctx);
    expect(r.breaks).toEqual([]);
    expect(r.ledger).toEqual({ entries: 3, sealed: 3, legacy: 0 });
    const storno = await dbOf(ctx).invoices.get("RE-000003");
    expect(storno.ledgerHash).toBe(digest.ledgerDigest(await entriesOf(ctx, "RE-000003")));
    expect(storno.ledgerHash).not.toBe(digest.EMPTY_LEDGER_DIGEST);
  });

  it.each([
    ["rounded amount", { roundedAmount: "206.01" }, "roundedAmount"],
    ["quantity", { quantity: "11" }, "quantity"],
    ["month", { month: "2026-02" }, "month"],
  ])("names the invoice whose entry's %s was edited", async (_, change, field) => {
    const ctx = await story();
    const [e] = await entriesOf(ctx, "RE-000002");
    await dbOf(ctx).ledger.update(e!.id, change);
    const r = await verifyIntegrity(ctx);
    expect(r.breaks).toEqual([{ chain: "ledger", record: "RE-000002", problem: expect.objectContaining({ reason: "ledger_changed", field }) }]);
  });

  it("names the invoice whose entry was deleted, or that got one more", async () => {
    const ctx = await story();
    const [e] = await entriesOf(ctx, "RE-000002");
    await dbOf(ctx).ledger.delete(e!.id);
    expect((await verifyIntegrity(ctx)).breaks).toEqual([{ chain: "ledger", record: "RE-000002", problem: expect.objectContaining({ reason: "ledger_changed" }) }]);

    const other = await story();
    const [f] = await entriesOf(other, "RE-000002");
    await dbOf(other).ledger.add({ ...f!, id: `${f!.runId}:RE-000002:1:2026-02`, month: "2026-02", serviceFrom: "2026-02-01", serviceTo: "2026-02-28" });
    expect((await verifyIntegrity(other)).breaks).toEqual([{ chain: "ledger", record: "RE-000002", problem: expect.objectContaining({ reason: "ledger_changed", field: "month" }) }]);
  });

  it("names an entry added to an issued run under no invoice of it", async () => {
    const ctx = await story();
    const [e] = await entriesOf(ctx, "RE-000002");
    await dbOf(ctx).ledger.add({ ...e!, id: `${e!.runId}:RE-000099:1:2026-01`, invoiceRef: "RE-000099" });
    expect((await verifyIntegrity(ctx)).breaks).toEqual([{ chain: "ledger", record: `${e!.runId}:RE-000099:1:2026-01`, problem: { reason: "ledger_orphan", entry: `${e!.runId}:RE-000099:1:2026-01` } }]);
  });

  it("does not check a draft's entries until it is issued; then it does", async () => {
    const ctx = await story();
    const feb = await runBilling(ctx, { month: "2026-02", invoiceDate: "2026-02-02" });
    if (!feb.ok || !feb.value.runId) throw new Error("bill failed");
    const ref = feb.value.invoices[0]!.invoiceRef;
    const [e] = await entriesOf(ctx, ref);
    await dbOf(ctx).ledger.update(e!.id, { roundedAmount: "1.00" });
    expect((await verifyIntegrity(ctx)).breaks).toEqual([]);
    await dbOf(ctx).ledger.update(e!.id, { roundedAmount: e!.roundedAmount });
    expect((await finalizeRun(ctx, feb.value.runId)).ok).toBe(true);
    expect((await verifyIntegrity(ctx)).breaks).toEqual([]);
    await dbOf(ctx).ledger.update(e!.id, { roundedAmount: "1.00" });
    expect((await verifyIntegrity(ctx)).breaks).toEqual([{ chain: "ledger", record: ref, problem: expect.objectContaining({ reason: "ledger_changed" }) }]);
  });

  it("a cancellation and a later retroactive difference verify", async () => {
    const ctx = await story();
    const change = CONTRACTS.split("\n")[0] + "\n10002,Schmidt KG,V-2,monthly,advance,2026-01-01,1,M365-BP,5,20.60,19,2026-01-15";
    expect((await importMaster(ctx, [textFile("c2.csv", change)])).ok).toBe(true);
    const feb = await runBilling(ctx, { month: "2026-02", invoiceDate: "2026-02-02" });
    if (!feb.ok || !feb.value.runId) throw new Error("bill failed");
    expect(feb.value.invoices.flatMap((i) => i.lines).some((l) => l.lineType === "difference" && l.correctsRef === "RE-000002")).toBe(true);
    expect((await finalizeRun(ctx, feb.value.runId)).ok).toBe(true);
    const r = await verifyIntegrity(ctx);
    expect(r.breaks).toEqual([]);
    expect(r.ledger.sealed).toBe(r.issuedInvoices);
  });
});
