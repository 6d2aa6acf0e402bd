import { unzipSync } from "fflate";
import { runBilling } from "../../src/app/bill";
import { saveExportSettingsFile } from "../../src/app/export-settings-file";
import { importMaster } from "../../src/app/import-master";
import { undoRun } from "../../src/app/undo-run";
import type { AppContext } from "../../src/app/context";
import type { EInvoiceFile } from "../../src/io/einvoice/generate-einvoice";
import { cancelForPane, eInvoiceZipForPane, finalizeForPane, runLifecycle } from "../../src/taskpane/billing/lifecycle";
import { dbOf } from "../support/db-view";
import { loadFonts } from "../support/einvoice-fixtures";
import { xmlOf } from "../support/einvoice-check";
import { testContext, textFile } from "../support/fixtures";
import { checkWellFormed, validateAgainstCiiD16B, validateAgainstFacturX } from "../support/xml-schema";

const ARTICLES = "article_no,description,unit_price,vat_pct\nM365-BP,Microsoft 365 Business Premium,20.60,19\nBOOK,Handbuch,12.00,7\n";
const HEAD =
  "customer_no,customer_name,customer_street,customer_postcode,customer_city,customer_email,einvoice_format,contract_no,billing_interval,billing_mode,contract_start,position_no,article_no,quantity,unit_price,vat_pct,valid_from";
const row = (no: string, name: string, format: string, contract: string, qty: string) => `${no},${name},Hauptstr. 1,20095,Hamburg,ap@${no}.de,${format},${contract},monthly,advance,2026-01-01,1,M365-BP,${qty},20.60,19,2026-01-01`;
const CONTRACTS = [
  HEAD,
  row("10001", "Müller GmbH", "zugferd", "V-1", "10"),
  row("10002", "Schmidt KG", "xrechnung-ubl", "V-2", "3"),
  row("10003", "Meier AG", "", "V-3", "2"),
  row("10004", "Privat Huber", "none", "V-4", "1"),
].join("\n");
const COMPANY = {
  company: {
    name: "Muster IT Service GmbH",
    address: "Musterstraße 1\n10115 Berlin",
    vatId: "DE123456789",
    contactName: "Buchhaltung, Erika Muster",
    phone: "+49 30 1234567",
    email: "rechnung@muster-it.de",
    iban: "DE02120300000000202051",
    paymentTerms: "Zahlbar innerhalb von 14 Tagen ohne Abzug.",
  },
};

async function seeded(withCompany = true): Promise<AppContext> {
  const ctx = await testContext();
  expect((await importMaster(ctx, [textFile("a.csv", ARTICLES), textFile("c.csv", CONTRACTS)])).ok).toBe(true);
  if (withCompany) expect((await saveExportSettingsFile(ctx, "firma.json", JSON.stringify(COMPANY))).ok).toBe(true);
  return ctx;
}

async function bill(ctx: AppContext) {
  const r = await runBilling(ctx, { month: "2026-01" as never, invoiceDate: "2026-01-02" as never });
  if (!r.ok || !r.value.runId) throw new Error("bill failed");
  return { id: r.value.runId, month: "2026-01" as const };
}

let fontCalls = 0;
const fonts = async () => {
  fontCalls++;
  return loadFonts();
};

/** The XML of a ZIP entry (the factur-x.xml inside a PDF). */
const entryXml = (name: string, bytes: Uint8Array) =>
  xmlOf({ fileName: name, invoiceRef: "", format: "zugferd", mimeType: name.endsWith(".pdf") ? "application/pdf" : "application/xml", bytes } as EInvoiceFile);

describe("the pane's lifecycle step", () => {
  it("Festschreiben issues the latest draft; Stornieren writes the cancellation and the state shows it", async () => {
    const ctx = await seeded();
    const run = await bill(ctx);
    const draft = await runLifecycle(ctx, run.id);
    expect(draft).toMatchObject({ issuedAt: null, cancellationRuns: [] });
    expect(draft!.invoices.map((i) => [i.invoiceRef, i.customerName, i.grossTotal, i.cancelledBy])).toEqual([
      ["RE-000001", "Müller GmbH", "245.14", null],
      ["RE-000002", "Schmidt KG", "73.54", null],
      ["RE-000003", "Meier AG", "49.03", null],
      ["RE-000004", "Privat Huber", "24.51", null],
    ]);
    // a draft's invoice cannot be cancelled (the pane offers undo there)
    const early = await cancelForPane(ctx, "RE-000002");
    expect(!early.ok && early.issues.map((i) => i.code)).toEqual(["billing.cancel_not_issued"]);

    const issued = await finalizeForPane(ctx, run.id);
    expect(issued.ok && issued.value.issuedBy).toBe("finalize");
    expect((await runLifecycle(ctx, run.id))!.issuedAt).toBe(issued.ok ? issued.value.issuedAt : "");
    // undo of the issued run is refused (the dialog offers cancellation instead)
    const undo = await undoRun(ctx, run.id);
    expect(!undo.ok && undo.issues.map((i) => i.code)).toEqual(["billing.undo_issued"]);

    const cancelled = await cancelForPane(ctx, "RE-000002", "2026-01-20" as never);
    if (!cancelled.ok) throw new Error(JSON.stringify(cancelled.issues));
    expect(cancelled.value).toMatchObject({ cancelled: "RE-000002", cancellationRef: "RE-000005", grossTotal: "-73.54" });
    const after = (await runLifecycle(ctx, run.id))!;
    expect(after.invoices.find((i) => i.invoiceRef === "RE-000002")!.cancelledBy).toBe("RE-000005");
    expect(after.cancellationRuns).toEqual([cancelled.value.runId]);
  });

  it("the ZIP holds the e-invoice of every invoice and cancellation of the run, each in its customer's format", async () => {
    const ctx = await seeded();
    const run = await bill(ctx);
    expect((await finalizeForPane(ctx, run.id)).ok).toBe(true);
    const cancelled = await cancelForPane(ctx, "RE-000001");
    expect(cancelled.ok).toBe(true);
    fontCalls = 0;
    const zip = await eInvoiceZipForPane(ctx, run, fonts);
    if (!zip.ok) throw new Error(JSON.stringify(zip.issues));
    expect(zip.value.name).toBe(`E-Rechnungen-2026-01-${run.id}.zip`);
    expect(fontCalls).toBe(1);
    // Müller: ZUGFeRD (also its Stornorechnung), Schmidt: UBL, Meier: unset = XRechnung CII, Huber: none
    const expected = ["RE-000001_zugferd.pdf", "RE-000002_xrechnung-ubl.xml", "RE-000003_xrechnung.xml", "RE-000005_zugferd.pdf"];
    expect(zip.value.files.map((f) => f.fileName)).toEqual(expected);
    expect(zip.value.skipped).toEqual(["RE-000004"]);
    expect(zip.value.issuedNow).toBe(false);
    const entries = unzipSync(zip.value.bytes);
    expect(Object.keys(entries)).toEqual(expected);
    // An English pane names the ZIP in English; the customers' files in it keep their names and bytes.
    const english = await eInvoiceZipForPane(ctx, run, fonts, "en");
    if (!english.ok) throw new Error(JSON.stringify(english.issues));
    expect(english.value.name).toBe(`E-invoices-2026-01-${run.id}.zip`);
    expect(Object.keys(unzipSync(english.value.bytes))).toEqual(expected);
    for (const [name, bytes] of Object.entries(entries)) {
      const xml = await entryXml(name, bytes);
      if (name.endsWith("-ubl.xml")) {
        expect(xml).toMatch(/<Invoice[\s>]/);
        expect((await checkWellFormed(xml)).errors).toEqual([]);
      } else {
        expect((await validateAgainstFacturX(xml, "EN16931")).errors).toEqual([]);
        expect((await validateAgainstCiiD16B(xml)).errors).toEqual([]);
      }
    }
    // the Stornorechnung is a credit note referencing the cancelled invoice
    const storno = await entryXml("RE-000005_zugferd.pdf", entries["RE-000005_zugferd.pdf"]!);
    expect(storno).toContain("<ram:TypeCode>381</ram:TypeCode>");
    expect(storno).toContain("RE-000001");
  });

  it("a draft's ZIP issues the run; missing company data fails it and issues nothing", async () => {
    const bare = await seeded(false);
    const run = await bill(bare);
    const refused = await eInvoiceZipForPane(bare, run, fonts);
    expect(!refused.ok && refused.issues.map((i) => i.code)).toEqual(["billing.einvoice_no_company"]);
    expect((await dbOf(bare).runs.get(run.id))!.issuedAt).toBeUndefined();

    const ctx = await seeded();
    const draft = await bill(ctx);
    const zip = await eInvoiceZipForPane(ctx, draft, fonts);
    if (!zip.ok) throw new Error(JSON.stringify(zip.issues));
    expect(zip.value.issuedNow).toBe(true);
    expect((await dbOf(ctx).runs.get(draft.id))!.issuedBy).toBe("einvoice");
  });

  it("a run whose customers all get no e-invoice stays a draft: nothing was sent", async () => {
    const ctx = await testContext();
    const only = [HEAD, row("10004", "Privat Huber", "none", "V-4", "1")].join("\n");
    expect((await importMaster(ctx, [textFile("a.csv", ARTICLES), textFile("c.csv", only)])).ok).toBe(true);
    expect((await saveExportSettingsFile(ctx, "firma.json", JSON.stringify(COMPANY))).ok).toBe(true);
    const run = await bill(ctx);
    fontCalls = 0;
    const zip = await eInvoiceZipForPane(ctx, run, fonts);
    if (!zip.ok) throw new Error(JSON.stringify(zip.issues));
    expect([zip.value.files, zip.value.skipped, zip.value.issuedNow, fontCalls]).toEqual([[], ["RE-000001"], false, 0]);
    expect((await dbOf(ctx).runs.get(run.id))!.issuedAt).toBeUndefined();
  });
});
