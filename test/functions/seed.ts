/**
 * A seeded store for the custom-function tests: the master-data fixtures imported with importMaster
 * (customer 10001 with V-1001, customer 10002 with V-2001) plus a second contract of 10001 holding
 * the same article at another price, and ledger rows written directly for MSP.BILLED.
 */
import { importMaster } from "../../src/app/import-master";
import type { LedgerEntry } from "../../src/core/billing/ledger";
import type { DexieStore } from "../../src/store/dexie/dexie-store";
import { createMemoryDexieStore } from "../../src/store/memory-store";
import type { BillingStore } from "../../src/store/port";
import { ARTICLES_CSV, CONTRACTS_CSV_DE, FIXED_NOW, textFile } from "../support/fixtures";

/**
 * V-1002 (customer 10001): annual, in advance, from 2026-02-01; position 1 = 5 × M365-BP at 17.60,
 * ended (quantity 0) from 2026-07-01.
 */
export const SECOND_CONTRACT_CSV = [
  "customer_no,customer_name,contract_no,contract_type,billing_interval,billing_mode,contract_start,contract_end,position_no,article_no,description,quantity,unit_price,discount_pct,vat_pct,valid_from",
  "10001,Müller GmbH,V-1002,license,annual,advance,2026-02-01,,1,M365-BP,Microsoft 365 Business Premium,5,17.60,0,19,2026-02-01",
  "10001,Müller GmbH,V-1002,license,annual,advance,2026-02-01,,1,M365-BP,Microsoft 365 Business Premium,0,17.60,0,19,2026-07-01",
].join("\n");

/** Excel serial (1900 system) of an ISO date after 1900-02-28. */
export function serial(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / 86_400_000 + 25_569;
}

/** A ledger row with the fields BILLED reads; the rest filled plausibly. */
export function ledgerRow(p: { contractNo: string; positionNo: number; month: string; rounded: string; exact?: string; lineType?: "recurring" | "difference"; runId?: string }): LedgerEntry {
  const runId = p.runId ?? "run-00001";
  return {
    id: `${runId}:RE-1:${p.positionNo}:${p.month}:${p.lineType ?? "recurring"}`,
    runId,
    invoiceRef: "RE-000001",
    lineNo: p.positionNo,
    contractNo: p.contractNo,
    positionNo: p.positionNo,
    month: p.month,
    serviceFrom: `${p.month}-01`,
    serviceTo: `${p.month}-28`,
    articleNo: "M365-BP",
    description: "",
    quantity: "1",
    unitPrice: p.rounded,
    discountPct: "0",
    vatPct: "19",
    exactAmount: p.exact ?? p.rounded,
    roundedAmount: p.rounded,
    lineType: p.lineType ?? "recurring",
  };
}

/** A store that counts the transactions opened through it (reads and writes). */
export interface CountingStore extends BillingStore {
  readonly transactions: number;
  /** The store underneath (its own change listeners, its Dexie database). */
  readonly inner: DexieStore;
}

/** Wraps a store so that tests can count its transactions (every store access is one). */
export function countingStore(inner: DexieStore): CountingStore {
  let transactions = 0;
  const store: CountingStore = {
    kind: inner.kind,
    location: inner.location,
    inner,
    get transactions() {
      return transactions;
    },
    read(fn) {
      transactions++;
      return inner.read(fn);
    },
    write(fn) {
      transactions++;
      return inner.write(fn);
    },
    revision: () => inner.revision(),
    as: (user) => inner.as(user),
    onChange: (listener) => inner.onChange(listener),
    close: () => inner.close(),
  };
  return store;
}

/** A fresh store with the fixtures imported, counting its transactions. */
export async function seededStore(name = "msp-billing"): Promise<CountingStore> {
  const store = countingStore(await createMemoryDexieStore(name));
  const ctx = { store, now: () => FIXED_NOW };
  const first = await importMaster(ctx, [textFile("articles.csv", ARTICLES_CSV), textFile("contracts.csv", CONTRACTS_CSV_DE)]);
  if (!first.ok) throw new Error(`seed failed: ${JSON.stringify(first.issues)}`);
  const second = await importMaster(ctx, [textFile("contracts2.csv", SECOND_CONTRACT_CSV)]);
  if (!second.ok) throw new Error(`seed failed: ${JSON.stringify(second.issues)}`);
  await store.write((tx) =>
    tx.ledger.addMany([
      ledgerRow({ contractNo: "V-1001", positionNo: 1, month: "2026-01", rounded: "206.00", exact: "206" }),
      ledgerRow({ contractNo: "V-1001", positionNo: 2, month: "2026-01", rounded: "90.99", exact: "90.99" }),
      ledgerRow({ contractNo: "V-1001", positionNo: 1, month: "2026-01", rounded: "-20.60", exact: "-20.6", lineType: "difference", runId: "run-00002" }),
      ledgerRow({ contractNo: "V-1001", positionNo: 1, month: "2026-02", rounded: "206.00" }),
      // a contract that was deleted after it was billed: the ledger still knows it
      ledgerRow({ contractNo: "V-OLD", positionNo: 1, month: "2025-12", rounded: "12.34" }),
    ]),
  );
  return store;
}

/** The error a rejected custom-function promise carries. */
export async function rejection(promise: Promise<unknown>): Promise<{ code?: string; message?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code?: string; message?: string };
  }
  throw new Error("expected the call to fail");
}
