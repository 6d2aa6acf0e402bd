import fc from "fast-check";
import { XMLParser } from "fast-xml-parser";
import { exportInvoiceDocuments } from "../../../src/app/export-invoices";
import { importMandates } from "../../../src/app/mandates";
import { exportSepaRun } from "../../../src/app/sepa-run";
import { setSepaSettings } from "../../../src/app/sepa-settings";
import { undoBatch } from "../../../src/app/undo-batch";
import { Decimal, sum } from "../../../src/core/money/decimal";
import { dbOf } from "../../support/db-view";
import { testContext, textFile } from "../../support/fixtures";
import { pain008Errors } from "../../support/pain008-xsd";
import { MANDATES_CSV, SEPA_JSON, addRun, storedInvoice } from "./sepa-fixtures";

const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (n) => n === "PmtInf" || n === "DrctDbtTxInf" });
const txsOf = (xml: string): any[] => parser.parse(xml).Document.CstmrDrctDbtInitn.PmtInf.flatMap((p: any) => p.DrctDbtTxInf);
const DATE = "2026-12-08";

async function prepared() {
  const ctx = await testContext();
  expect((await setSepaSettings(ctx, SEPA_JSON)).ok).toBe(true);
  const m = await importMandates(ctx, textFile("mandates.csv", MANDATES_CSV));
  if (!m.ok) throw new Error(JSON.stringify(m.issues));
  return ctx;
}

describe("SEPA export of a run", () => {
  it("collects exactly the debit invoices, reports the rest, records collections, and never doubles without --repeat", async () => {
    const ctx = await prepared();
    await addRun(ctx, "run-00001", [
      storedInvoice("run-00001", 0, "RE-000001", "K1", "119.00"),
      storedInvoice("run-00001", 1, "RE-000002", "K2", "238.00"),
      storedInvoice("run-00001", 2, "RE-000003", "K2", "-38.00"),
      storedInvoice("run-00001", 3, "RE-000004", "K3", "1190.00"),
      storedInvoice("run-00001", 4, "RE-000005", "K4", "59.50"),
      storedInvoice("run-00001", 5, "RE-000006", "K5", "10.00"),
      storedInvoice("run-00001", 6, "RE-000007", "K9", "20.00"),
      storedInvoice("run-00001", 7, "RE-000008", "K1", "50.00"),
      storedInvoice("run-00001", 8, "ST-000001", "K1", "-50.00", { kind: "cancellation", cancels: { number: "RE-000008", issueDate: "2026-03-01" } }),
      storedInvoice("run-00001", 9, "RE-000009", "K1", "-5.00"),
    ]);
    const r = await exportSepaRun(ctx, { runId: "run-00001", collectionDate: DATE });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const { files, plan } = r.value;
    expect(files.map((f) => [f.scheme, f.messageId, f.count, f.total, f.repeat])).toEqual([
      ["CORE", "SDD-run-00001-1", 2, "319.00", false],
      ["B2B", "SDD-run-00001-1-B2B", 1, "1190.00", false],
    ]);
    expect(await pain008Errors(files.map((f) => f.xml))).toEqual([[], []]);
    const core = txsOf(files[0]!.xml);
    expect(core.map((t) => [t.PmtId.EndToEndId, t.InstdAmt["#text"], t.RmtInf.Ustrd])).toEqual([
      ["RE-000001", "119.00", "Rechnung RE-000001 vom 20.11.2026"],
      ["RE-000002", "200.00", "Rechnung RE-000002 vom 20.11.2026 abzgl. RE-000003"],
    ]);
    expect(Object.fromEntries(plan.leftOut.map((l) => [l.invoiceRef, l.reason]))).toEqual({
      "RE-000003": "netted", "RE-000005": "not_direct_debit", "RE-000006": "mandate_revoked", "RE-000007": "not_direct_debit",
      "RE-000008": "cancelled", "ST-000001": "cancels_invoice", "RE-000009": "credit_note",
    });
    const rows = await dbOf(ctx).collections.toArray();
    expect(rows.map((c: any) => c.invoiceRef).sort()).toEqual(["RE-000001", "RE-000002", "RE-000004"]);
    expect(((await dbOf(ctx).mandates.get("K1")) as any).nextSequenceType).toBe("RCUR");

    // Invoice documents made after the export carry the pre-notification instead of the payment terms.
    const invoices = await ctx.store.read((tx) => tx.invoices.ofRun("run-00001"));
    // (K3's 1,190.00 € invoice is no Kleinbetragsrechnung: its document needs K3's address)
    await dbOf(ctx).customers.put({ no: "K3", name: "Großkunde AG", address: "Hafenstraße 3\n20457 Hamburg" });
    const docs = await exportInvoiceDocuments(ctx, invoices, { name: "Systemhaus Süd GmbH", address: "Weg 1\n80331 München", paymentTerms: "Zahlbar in 14 Tagen." });
    if (!docs.ok) throw new Error(JSON.stringify(docs.issues));
    const html = (ref: string) => docs.value.documents.find((doc) => doc.invoiceRef === ref)!.html;
    expect(html("RE-000001")).toContain("wird am 08.12.2026 per SEPA-Lastschrift von Ihrem Konto DE");
    expect(html("RE-000001")).toContain("Mandatsreferenz MND-K1, Gläubiger-ID DE98ZZZ09999999999");
    expect(html("RE-000002")).toContain("nach Verrechnung mit RE-000003");
    expect(html("RE-000005")).toContain("Zahlbar in 14 Tagen.");
    expect(html("RE-000005")).not.toContain("SEPA-Lastschrift");

    const again = await exportSepaRun(ctx, { runId: "run-00001", collectionDate: DATE });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.issues.map((i) => i.code)).toContain("sepa.run_already_exported");
    expect(await dbOf(ctx).collections.count()).toBe(3);

    const repeat = await exportSepaRun(ctx, { runId: "run-00001", collectionDate: DATE, repeat: true });
    if (!repeat.ok) throw new Error(JSON.stringify(repeat.issues));
    expect(repeat.value.files.map((f) => [f.messageId, f.repeat, f.total])).toEqual([["SDD-run-00001-2", true, "319.00"], ["SDD-run-00001-2-B2B", true, "1190.00"]]);
    expect(repeat.value.files[0]!.xml).toContain("<!-- REPEAT of SDD-run-00001-1");
    // The repeat's sequence types are those of the first file: the records being redone do not count as use.
    expect(repeat.value.plan.groups.map((g) => g.sequenceType)).toEqual(["FRST", "FRST"]);
    expect(await pain008Errors(repeat.value.files.map((f) => f.xml))).toEqual([[], []]);
  });

  it("fails without settings, for an unknown run, and records nothing", async () => {
    const ctx = await testContext();
    await addRun(ctx, "run-00001", [storedInvoice("run-00001", 0, "RE-000001", "K1", "119.00")]);
    const noSettings = await exportSepaRun(ctx, { runId: "run-00001", collectionDate: DATE });
    expect(!noSettings.ok && noSettings.issues.map((i) => i.code)).toEqual(["sepa.settings_missing"]);
    expect((await setSepaSettings(ctx, SEPA_JSON)).ok).toBe(true);
    const unknown = await exportSepaRun(ctx, { runId: "run-00009", collectionDate: DATE });
    expect(!unknown.ok && unknown.issues.map((i) => i.code)).toEqual(["export.unknown_run"]);
    expect(await dbOf(ctx).collections.count()).toBe(0);
  });

  it("property: payments sum to the control sum, every debit invoice is collected exactly once over repeated exports", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ customer: fc.constantFrom("K1", "K2", "K3", "K4", "K9"), cents: fc.integer({ min: -50_00, max: 500_000_00 }) }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 3 }),
        async (docs, exports) => {
          const ctx = await prepared();
          const invoices = docs.map((d, i) => storedInvoice("run-00001", i, `RE-${String(i + 1).padStart(6, "0")}`, d.customer, new Decimal(d.cents).dividedBy(100).toFixed(2)));
          await addRun(ctx, "run-00001", invoices);
          for (let n = 0; n < exports; n++) {
            const r = await exportSepaRun(ctx, { runId: "run-00001", collectionDate: DATE });
            if (!r.ok) continue;
            for (const f of r.value.files) {
              const header = parser.parse(f.xml).Document.CstmrDrctDbtInitn.GrpHdr;
              const amounts = txsOf(f.xml).map((t) => new Decimal(t.InstdAmt["#text"]));
              expect(header.CtrlSum).toBe(sum(amounts).toFixed(2));
              expect(Number(header.NbOfTxs)).toBe(amounts.length);
            }
          }
          const collected = (await dbOf(ctx).collections.toArray()).map((c: any) => c.invoiceRef).sort();
          expect(new Set(collected).size).toBe(collected.length);
          // K1 (no netting) and K3 debit invoices with a positive total; K2 nets credits, so its zero-sum invoices may drop out.
          const mustBe = invoices.filter((i) => (i.customerNo === "K1" || i.customerNo === "K3") && new Decimal(i.grossTotal).greaterThan(0)).map((i) => i.invoiceRef);
          for (const ref of mustBe) expect(collected).toContain(ref);
          const never = invoices.filter((i) => i.customerNo === "K4" || i.customerNo === "K9" || !new Decimal(i.grossTotal).greaterThan(0)).map((i) => i.invoiceRef);
          for (const ref of never) expect(collected).not.toContain(ref);
        },
      ),
      { numRuns: 15 },
    );
  });
});

describe("mandates import", () => {
  it("imports all or nothing with errors by row and column, and is undone as a batch", async () => {
    const ctx = await testContext();
    const bad = await importMandates(ctx, textFile("m.csv", MANDATES_CSV + "\nK6;MND K6;2025-06-01;DE00 1234;;CORE;X;;;"));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues.map((i) => [i.code, i.where?.row, i.where?.column])).toEqual([["sepa.mandate_ref_chars", 7, "mandate_ref (B)"], ["sepa.iban_length", 7, "iban (D)"]]);
    expect(await dbOf(ctx).mandates.count()).toBe(0);
    const ok = await importMandates(ctx, textFile("m.csv", MANDATES_CSV));
    if (!ok.ok) throw new Error(JSON.stringify(ok.issues));
    expect(ok.value).toMatchObject({ added: 5, changed: 0 });
    expect(((await dbOf(ctx).mandates.get("K2")) as any)).toMatchObject({ mandateRef: "MND-K2", scheme: "CORE", paymentMethod: "direct_debit", netCredits: true });
    const same = await importMandates(ctx, textFile("m.csv", MANDATES_CSV));
    expect(same.ok && same.value).toMatchObject({ batchId: null, unchanged: 5 });
    const undo = await undoBatch(ctx, ok.value.batchId!);
    expect(undo.ok).toBe(true);
    expect(await dbOf(ctx).mandates.count()).toBe(0);
  });
});
