import { runBilling } from "../../src/app/bill";
import { cancelInvoice } from "../../src/app/cancel-invoice";
import type { AppContext } from "../../src/app/context";
import { importMaster } from "../../src/app/import-master";
import { finalizeRun } from "../../src/app/issue-run";
import type { LedgerEntry } from "../../src/core/billing/ledger";
import { dbOf } from "./db-view";
import { testContext, textFile } from "./fixtures";
import { TWO_CUSTOMERS_ARTICLES as ARTICLES, TWO_CUSTOMERS_CONTRACTS as CONTRACTS } from "./two-customers";

/** January billed and issued (RE-000001, RE-000002), RE-000001 cancelled by RE-000003 (the verify-ledger tests). */
export async function issuedAndCancelledJanuary(): Promise<AppContext> {
  const ctx = await testContext();
  expect((await importMaster(ctx, [textFile("a.csv", ARTICLES), textFile("c.csv", CONTRACTS)])).ok).toBe(true);
  const jan = await runBilling(ctx, { month: "2026-01", invoiceDate: "2026-01-02" });
  if (!jan.ok || !jan.value.runId) throw new Error("bill failed");
  expect((await finalizeRun(ctx, jan.value.runId)).ok).toBe(true);
  expect((await cancelInvoice(ctx, "RE-000001", { date: "2026-01-20" })).ok).toBe(true);
  return ctx;
}

/** The stored ledger entries of one invoice. */
export async function ledgerEntriesOf(ctx: AppContext, invoiceRef: string): Promise<LedgerEntry[]> {
  return (await dbOf(ctx).ledger.toArray()).filter((e: LedgerEntry) => e.invoiceRef === invoiceRef);
}
