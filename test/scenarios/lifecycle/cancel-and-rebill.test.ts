import { dbOf } from "../../support/db-view";
import { runBilling } from "../../../src/app/bill";
import { cancelInvoice } from "../../../src/app/cancel-invoice";
import { importMaster } from "../../../src/app/import-master";
import { finalizeRun } from "../../../src/app/issue-run";
import type { StoredInvoice } from "../../../src/store/records";
import { Decimal } from "../../../src/core/money/decimal";
import { testContext, textFile } from "../../support/fixtures";

const ARTICLES = "article_no,description,unit_price,vat_pct\nM365-BP,Microsoft 365 Business Premium,20.60,19\nBOOK,Handbuch,12.00,7\n";
const CONTRACTS = [
  "customer_no,customer_name,contract_no,billing_interval,billing_mode,contract_start,position_no,article_no,quantity,unit_price,vat_pct,valid_from",
  "10001,Müller GmbH,V-1,monthly,advance,2026-01-01,1,M365-BP,10,20.60,19,2026-01-01",
  "10001,Müller GmbH,V-1,monthly,advance,2026-01-01,2,BOOK,1,12.00,7,2026-01-01",
  "10002,Schmidt KG,V-2,monthly,advance,2026-01-01,1,M365-BP,3,20.60,19,2026-01-01",
].join("\n");

const sum = (xs: string[]) => xs.reduce((s, x) => s.plus(x), new Decimal(0));

/**
 * Bill January, issue it, cancel Müller's invoice, then bill February after a retroactive change
 * (12 licences from 16 January): February bills January again as it stands (nothing of it stands
 * issued after the cancellation, so as plain recurring lines, not as a correction of the cancelled
 * invoice) plus February, and what stays invoiced per month is exactly what
 * the contract says, to the cent.
 */
it("bill → issue → cancel one invoice → next month with a retroactive change, exact cents", async () => {
  const ctx = await testContext();
  expect((await importMaster(ctx, [textFile("a.csv", ARTICLES), textFile("c.csv", CONTRACTS)])).ok).toBe(true);
  const jan = await runBilling(ctx, { month: "2026-01", invoiceDate: "2026-01-02" });
  if (!jan.ok || !jan.value.runId) throw new Error("January failed");
  expect(jan.value.invoices.map((i) => [i.invoiceRef, i.customerNo, i.grossTotal])).toEqual([
    ["RE-000001", "10001", "257.98"],
    ["RE-000002", "10002", "73.54"],
  ]);
  expect((await finalizeRun(ctx, jan.value.runId)).ok).toBe(true);
  const c = await cancelInvoice(ctx, "RE-000001", { date: "2026-01-20" });
  if (!c.ok) throw new Error(JSON.stringify(c.issues));
  expect(c.value.cancellationRef).toBe("RE-000003");

  const change = "customer_no,contract_no,contract_start,position_no,article_no,quantity,unit_price,valid_from\n10001,V-1,2026-01-01,1,M365-BP,12,20.60,2026-01-16\n";
  expect((await importMaster(ctx, [textFile("change.csv", change)])).ok).toBe(true);
  const feb = await runBilling(ctx, { month: "2026-02", invoiceDate: "2026-02-02" });
  if (!feb.ok || !feb.value.runId) throw new Error("February failed");
  const muller = feb.value.invoices.find((i) => i.customerNo === "10001")!;
  const schmidt = feb.value.invoices.find((i) => i.customerNo === "10002")!;
  expect([muller.invoiceRef, schmidt.invoiceRef]).toEqual(["RE-000004", "RE-000005"]);
  // Schmidt: February only (January stays as issued)
  expect(schmidt.lines.map((l) => `${l.lineType} ${l.serviceFrom}..${l.serviceTo} ${l.netAmount}`)).toEqual(["recurring 2026-02-01..2026-02-28 61.80"]);
  // Müller: January re-billed against the cancellation, each line rounded once:
  // 10 × 20.60 × 15/31 = 99.677… → 99.68; 12 × 20.60 × 16/31 = 127.587… → 127.59; 12.00
  const janLines = muller.lines.filter((l) => l.serviceFrom.startsWith("2026-01"));
  expect(janLines.map((l) => `${l.serviceFrom}..${l.serviceTo} ${l.quantity} ${l.netAmount}`).sort()).toEqual(
    ["2026-01-01..2026-01-15 10 99.68", "2026-01-01..2026-01-31 1 12.00", "2026-01-16..2026-01-31 12 127.59"],
  );
  expect(sum(janLines.map((l) => l.netAmount)).toFixed(2)).toBe("239.27");
  // billed afresh: the cancelled invoice is not corrected again
  expect(janLines.every((l) => l.lineType === "recurring" && l.correctsRef === undefined)).toBe(true);
  // February: 12 × 20.60 + 12.00
  expect(sum(muller.lines.filter((l) => l.serviceFrom.startsWith("2026-02")).map((l) => l.netAmount)).toFixed(2)).toBe("259.20");
  // what the ledger holds as invoiced for January (original + cancellation + re-billing) is what the lines invoiced
  const ledger = await dbOf(ctx).ledger.toArray();
  const v1Jan = ledger.filter((e) => e.contractNo === "V-1" && e.month === "2026-01");
  expect(sum(v1Jan.map((e) => e.roundedAmount)).toFixed(2)).toBe(sum(janLines.map((l) => l.netAmount)).toFixed(2));
  // every invoice's lines add up to its net total; the numbers are gap-free
  const all = (await dbOf(ctx).invoices.toArray()) as StoredInvoice[];
  for (const inv of all) expect(sum(inv.lines.map((l) => l.netAmount)).toFixed(2)).toBe(inv.netTotal);
  expect(all.map((i) => i.invoiceRef).sort()).toEqual(["RE-000001", "RE-000002", "RE-000003", "RE-000004", "RE-000005"]);
  // billing again bills nothing
  const again = await runBilling(ctx, { month: "2026-02", invoiceDate: "2026-02-02" });
  expect(again.ok && again.value.invoices).toEqual([]);
});

/**
 * Found by the CLI walk: a customer whose only invoice was cancelled (wrong Leitweg-ID) got its
 * re-issued invoice as a "Rechnungskorrektur zu Rechnung RE-000002" with difference lines — a
 * correction of an invoice that was already cancelled in full. The re-issue is a plain Rechnung with
 * recurring lines; a later retroactive change corrects the re-issued invoice, not the cancelled one.
 */
it("a month whose invoice was cancelled is billed afresh as a Rechnung, and later differences correct the new invoice", async () => {
  const ctx = await testContext();
  expect((await importMaster(ctx, [textFile("a.csv", ARTICLES), textFile("c.csv", CONTRACTS)])).ok).toBe(true);
  const jan = await runBilling(ctx, { month: "2026-01", invoiceDate: "2026-01-02" });
  if (!jan.ok || !jan.value.runId) throw new Error("January failed");
  expect((await finalizeRun(ctx, jan.value.runId)).ok).toBe(true);
  expect((await cancelInvoice(ctx, "RE-000002", { date: "2026-01-20" })).ok).toBe(true);

  // January bills again (February's invoice date, January only): Schmidt's month stands cancelled.
  const again = await runBilling(ctx, { month: "2026-01", invoiceDate: "2026-01-21" });
  if (!again.ok || !again.value.runId) throw new Error("re-billing failed");
  expect(again.value.invoices.map((i) => [i.invoiceRef, i.customerNo, i.documentType, i.grossTotal])).toEqual([["RE-000004", "10002", "invoice", "73.54"]]);
  const reissued = again.value.invoices[0]!;
  expect(reissued.lines.map((l) => [l.lineType, l.serviceFrom, l.serviceTo, l.quantity, l.unitPrice, l.netAmount, l.correctsRef])).toEqual([
    ["recurring", "2026-01-01", "2026-01-31", "3", "20.6", "61.80", undefined],
  ]);
  expect((await finalizeRun(ctx, again.value.runId)).ok).toBe(true);

  // 4 licences from 16 January: the difference corrects the re-issued RE-000004, not the cancelled RE-000002.
  const change = "customer_no,contract_no,contract_start,position_no,article_no,quantity,unit_price,valid_from\n10002,V-2,2026-01-01,1,M365-BP,4,20.60,2026-01-16\n";
  expect((await importMaster(ctx, [textFile("change.csv", change)])).ok).toBe(true);
  const feb = await runBilling(ctx, { month: "2026-02", invoiceDate: "2026-02-02" });
  if (!feb.ok) throw new Error("February failed");
  const schmidt = feb.value.invoices.find((i) => i.customerNo === "10002")!;
  // 1 × 20.60 × 16/31 = 10.632… → 10.63
  expect(schmidt.lines.filter((l) => l.lineType === "difference").map((l) => [l.serviceFrom, l.serviceTo, l.netAmount, l.correctsRef])).toEqual([
    ["2026-01-16", "2026-01-31", "10.63", "RE-000004"],
  ]);
});
