import { runBilling } from "../../../src/app/bill";
import { listRuns } from "../../../src/app/billing-runs";
import { cancelInvoice } from "../../../src/app/cancel-invoice";
import { eInvoicesOfRun } from "../../../src/app/einvoice-run";
import { exportInvoiceDocuments, saveExportSettings } from "../../../src/app/export-invoices";
import { finalizeRun } from "../../../src/app/issue-run";
import { importMaster } from "../../../src/app/import-master";
import type { Invoice } from "../../../src/core/billing/invoice";
import { dbOf } from "../../support/db-view";
import { parseEInvoiceXml } from "../../support/einvoice-xml";
import { testContext, textFile } from "../../support/fixtures";
import { COMPANY } from "./scenario";

/**
 * Found by the tax advisor's review: a retroactive change of quantity and price together bills the
 * month's difference as one line of 1 × the change of the monthly net, and both the printed document
 * and the e-invoice line note read "1 × 88,00 EUR/Monat", which names neither the old (3 × 40,00) nor
 * the new (4 × 52,00) seats and price. The line keeps neither (only the change), so it now says what
 * it bills: "Differenz +88,00 EUR/Monat", on the document and in the e-invoice alike; the amounts
 * are unchanged.
 */
const ARTICLES = "article_no,description,unit_price,vat_pct\nFW,Firewall-Wartung,40.00,19\n";
const CONTRACT = "customer_no,customer_name,contract_no,billing_interval,billing_mode,contract_start,position_no,article_no,quantity,unit_price,vat_pct,valid_from\n10001,Müller GmbH,V-1,monthly,advance,2025-12-01,1,FW,3,40.00,19,2025-12-01\n";
const change = (validFrom: string): string =>
  `customer_no,contract_no,billing_interval,contract_start,position_no,article_no,quantity,unit_price,valid_from\n10001,V-1,monthly,2025-12-01,1,FW,4,52.00,${validFrom}\n`;

function visibleText(html: string): string {
  return html.slice(html.indexOf("<body>")).replace(/<[^>]+>/g, " ").replace(/&amp;/g, "&").replace(/\u00a0/g, " ").replace(/\s+/g, " ").trim();
}

/** Since December at 3 × 40,00; December and January billed, then 4 × 52,00 from `validFrom` (in January), February billed. */
async function changedBothInJanuary(validFrom: string) {
  const ctx = await testContext();
  const imported = await importMaster(ctx, [textFile("articles.csv", ARTICLES), textFile("contracts.csv", CONTRACT)]);
  if (!imported.ok) throw new Error(JSON.stringify(imported.issues));
  await dbOf(ctx).customers.update("10001", { address: "Lindenallee 12\n22041 Hamburg", email: "rechnung@mueller.de" });
  await saveExportSettings(ctx, { company: { ...COMPANY, contactName: "Buchhaltung" } });
  const jan = await runBilling(ctx, { month: "2026-01", invoiceDate: "2026-01-02" });
  if (!jan.ok) throw new Error("January run failed");
  const changed = await importMaster(ctx, [textFile("change.csv", change(validFrom))]);
  if (!changed.ok) throw new Error(JSON.stringify(changed.issues));
  const feb = await runBilling(ctx, { month: "2026-02", invoiceDate: "2026-02-02" });
  if (!feb.ok) throw new Error("February run failed");
  return { ctx, february: feb.value.invoices[0]! };
}

async function documentText(ctx: Awaited<ReturnType<typeof testContext>>, invoices: Invoice[]): Promise<string> {
  const r = await exportInvoiceDocuments(ctx, invoices);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return visibleText(r.value.documents[0]!.html);
}

async function eInvoiceLines(ctx: Awaited<ReturnType<typeof testContext>>, runId: string) {
  const r = await eInvoicesOfRun(ctx, runId, "xrechnung-cii");
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return parseEInvoiceXml(new TextDecoder().decode(r.value.files[0]!.bytes)).lines;
}

it("a whole month changed in quantity and price: the difference line says 'Differenz +88,00 EUR/Monat', amounts unchanged", async () => {
  const { ctx, february } = await changedBothInJanuary("2026-01-01");
  const diff = february.lines.find((l) => l.lineType === "difference")!;
  // 4 × 52,00 − 3 × 40,00 = 88,00 for January, as billed before this change
  expect(diff).toMatchObject({ quantity: "1", unitPrice: "88", netAmount: "88.00", serviceFrom: "2026-01-01", serviceTo: "2026-01-31", correctsRef: "RE-000001" });
  expect(february.netTotal).toBe("296.00"); // 4 × 52,00 for February + 88,00
  const text = await documentText(ctx, [february]);
  expect(text).toContain("Differenz +88,00 EUR/Monat, Korrektur zu Rechnung RE-000001 vom 02.01.2026");
  const lines = await eInvoiceLines(ctx, (await listRuns(ctx)).find((r) => r.month === "2026-02")!.id);
  const line = lines.find((l) => l.periodStart === "2026-01-01")!;
  expect(line).toMatchObject({ quantity: "1", netPrice: "88.00", netAmount: "88.00", note: "Differenz +88,00 EUR/Monat, Korrektur zu Rechnung RE-000001" });
});

it("part of a month (from 17 January): the note gives the change times the months, not 'Menge 1 × 88,00'", async () => {
  const { ctx, february } = await changedBothInJanuary("2026-01-17");
  const diff = february.lines.find((l) => l.lineType === "difference")!;
  // 88,00 × 15/31 = 42,580… → 42,58
  expect(diff).toMatchObject({ quantity: "1", unitPrice: "88", netAmount: "42.58", serviceFrom: "2026-01-17", serviceTo: "2026-01-31" });
  expect(await documentText(ctx, [february])).toContain("Differenz +88,00 EUR/Monat, Korrektur zu Rechnung RE-000001 vom 02.01.2026");
  const runId = (await listRuns(ctx)).find((r) => r.month === "2026-02")!.id;
  const line = (await eInvoiceLines(ctx, runId)).find((l) => l.periodStart === "2026-01-17")!;
  expect(line).toMatchObject({ quantity: "1", netPrice: "42.58", netAmount: "42.58", note: "Differenz +88,00 EUR/Monat × 15 von 31 Tagen, Korrektur zu Rechnung RE-000001" });
  expect(line.note).not.toContain("Menge");

  // Its Stornorechnung names the cancelled line's change as billed, on the document and in the e-invoice.
  for (const r of [...(await listRuns(ctx))].reverse()) expect((await finalizeRun(ctx, r.id)).ok).toBe(true);
  const cancelled = await cancelInvoice(ctx, february.invoiceRef, { date: "2026-03-05", reason: "Testfall" });
  if (!cancelled.ok) throw new Error(JSON.stringify(cancelled.issues));
  const stored = await ctx.store.read((tx) => tx.invoices.ofRun(cancelled.value.runId));
  const stornoText = await documentText(ctx, stored);
  expect(stornoText).toContain("Differenz +88,00 EUR/Monat");
  expect(stornoText).toContain("-1 88,00 €");
  const stornoLine = (await eInvoiceLines(ctx, cancelled.value.runId)).find((l) => l.periodStart === "2026-01-17")!;
  // (a Stornorechnung's lines correct the cancelled invoice)
  expect(stornoLine).toMatchObject({ quantity: "1", netPrice: "42.58", note: `Differenz +88,00 EUR/Monat × 15 von 31 Tagen, Korrektur zu Rechnung ${february.invoiceRef}` });
});
