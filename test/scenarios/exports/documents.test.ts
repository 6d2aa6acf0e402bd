/**
 * Invoice documents for the billing scenario: § 14 UStG content, the Rechnungskorrektur wording, and
 * one browser check (Debian's Chromium through playwright-core) that renders two documents to PNG
 * under test/e2e/screenshots/ and prints one to PDF.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { exportInvoiceBatchDocument, exportInvoiceDocuments, loadRunInvoices, saveExportSettings } from "../../../src/app/export-invoices";
import { eInvoicesOfRun } from "../../../src/app/einvoice-run";
import { verifyIntegrity } from "../../../src/app/verify";
import { dbOf } from "../../support/db-view";
import { listRuns } from "../../../src/app/billing-runs";
import { cancelInvoice } from "../../../src/app/cancel-invoice";
import { finalizeRun } from "../../../src/app/issue-run";
import { importMandates } from "../../../src/app/mandates";
import { setSepaSettings } from "../../../src/app/sepa-settings";
import { SEPA_JSON } from "../../app/sepa/sepa-fixtures";
import { deIban } from "../../core/sepa/fixtures";
import { maskIban } from "../../../src/core/sepa/iban";
import { COMPANY, billedScenario } from "./scenario";

/** The visible text of a document: tags removed, entities and non-breaking spaces resolved, spaces collapsed. */
function visibleText(html: string): string {
  const body = html.slice(html.indexOf("<body>"));
  return body
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/\u00a0/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

async function scenarioDocuments() {
  const s = await billedScenario();
  await saveExportSettings(s.ctx, { company: COMPANY });
  const r = await exportInvoiceDocuments(s.ctx, [...s.january, ...s.february]);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

describe("invoice documents for the billing scenario", () => {
  it("one HTML file per invoice, named by invoice number, without warnings", async () => {
    const { documents, issues } = await scenarioDocuments();
    expect(documents.map((d) => d.fileName)).toEqual(["RE-000001.html", "RE-000002.html", "RE-000003.html", "RE-000004.html"]);
    expect(issues).toEqual([]);
  });

  it("an invoice has the § 14 Abs. 4 UStG content: parties, tax number, number, date, service period, lines, net and VAT per rate, gross", async () => {
    const { documents } = await scenarioDocuments();
    const text = visibleText(documents[0]!.html);
    for (const part of [
      "Systemhaus Beispiel GmbH Hauptstraße 5 20095 Hamburg", // supplier with address
      "Müller GmbH Lindenallee 12 22041 Hamburg", // recipient with address
      "Steuernummer 22/123/45678", "USt-IdNr. DE123456789",
      "Rechnung Wir berechnen Ihnen die folgenden Leistungen:",
      "Rechnungsnummer RE-000001", "Rechnungsdatum 02.01.2026", "Kundennummer 10001",
      "Leistungszeitraum 01.01.2026 – 31.01.2026",
      "1 Microsoft 365 Business Premium Art.-Nr. M365-BP · Vertrag V-1/1 01.01.2026 – 31.01.2026 10 20,60 €/Monat 1 19 % 206,00 €",
      "2 Handbuch Art.-Nr. BOOK · Vertrag V-1/2 01.01.2026 – 31.01.2026 1 12,00 €/Monat 1 7 % 12,00 €",
      "Nettobetrag 19 % USt 206,00 € Umsatzsteuer 19 % 39,14 € Nettobetrag 7 % USt 12,00 € Umsatzsteuer 7 % 0,84 €",
      "Summe netto 218,00 € Summe Umsatzsteuer 39,98 € Rechnungsbetrag (brutto) 257,98 €",
      "Zahlbar innerhalb von 14 Tagen ohne Abzug.",
      "IBAN DE34 2005 0550 1234 5678 90",
    ])
      expect(text).toContain(part);
    expect(text).not.toContain("Steuerschuldnerschaft");
    expect(text).not.toContain("Rechnungskorrektur");
  });

  it("the correction is titled Rechnungskorrektur, names the corrected invoice and its date, and shows the credit", async () => {
    const { documents } = await scenarioDocuments();
    const text = visibleText(documents[3]!.html);
    expect(documents[3]!.html).toContain("<title>Rechnungskorrektur RE-000004 – Schmidt &amp; Söhne KG</title>");
    for (const part of [
      "Rechnungskorrektur Wir korrigieren die Rechnung RE-000002 vom 02.01.2026 wie folgt:",
      "Nr. der Rechnungskorrektur RE-000004",
      "Ihre USt-IdNr. DE987654321",
      "Leistungszeitraum 01.02.2026 – 31.03.2026",
      "Differenz -41,20 EUR/Monat, Korrektur zu Rechnung RE-000002 vom 02.01.2026",
      "-2 20,60 €/Monat 2 19 % -82,40 €",
      "Nettobetrag 19 % USt -82,40 € Umsatzsteuer 19 % -15,66 €",
      "Gutschriftsbetrag (brutto) -98,06 €",
      "Der Betrag wird mit offenen Forderungen verrechnet; auf Wunsch zahlen wir ihn auf ein von Ihnen genanntes Konto aus.",
    ])
      expect(text).toContain(part);
  });

  it("a Stornorechnung is titled so, cancels the named invoice in full, and shows the negated lines and the credit", async () => {
    const s = await billedScenario();
    await saveExportSettings(s.ctx, { company: COMPANY });
    const runs = await listRuns(s.ctx);
    for (const r of [...runs].reverse()) expect((await finalizeRun(s.ctx, r.id)).ok).toBe(true);
    const cancelled = await cancelInvoice(s.ctx, "RE-000001", { date: "2026-03-05", reason: "Lizenzen <doppelt> berechnet" });
    if (!cancelled.ok) throw new Error(JSON.stringify(cancelled.issues));
    // The documents of the cancellation run, read from the store as `export --run … --documents` reads them.
    const stored = await s.ctx.store.read((tx) => tx.invoices.ofRun(cancelled.value.runId));
    const r = await exportInvoiceDocuments(s.ctx, stored);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const [doc] = r.value.documents;
    expect(doc!.html).toContain("<title>Stornorechnung RE-000005 – Müller GmbH</title>");
    const text = visibleText(doc!.html);
    for (const part of [
      "Stornorechnung Wir stornieren die Rechnung RE-000001 vom 02.01.2026 vollständig (Grund: Lizenzen <doppelt> berechnet):",
      "Nr. der Stornorechnung RE-000005",
      "Rechnungsdatum 05.03.2026",
      "1 Microsoft 365 Business Premium Art.-Nr. M365-BP · Vertrag V-1/1 01.01.2026 – 31.01.2026 -10 20,60 €/Monat 1 19 % -206,00 €",
      "Summe netto -218,00 € Summe Umsatzsteuer -39,98 € Gutschriftsbetrag (brutto) -257,98 €",
    ])
      expect(text).toContain(part);
    expect(doc!.html).toContain("Lizenzen &lt;doppelt&gt; berechnet");
    // The cancelled invoice is named once, above the lines, not on every line.
    expect(text).not.toContain("Korrektur zu Rechnung");
    expect(text).not.toContain("Rechnungskorrektur");
  });

  it("an issued invoice keeps its parties: a reprint and its e-invoice after the customer moved and the bank changed show what was issued; a draft shows today's data", async () => {
    const s = await billedScenario();
    await saveExportSettings(s.ctx, { company: COMPANY });
    const runs = await listRuns(s.ctx);
    const january = runs.find((r) => r.month === "2026-01");
    const february = runs.find((r) => r.month === "2026-02");
    expect((await finalizeRun(s.ctx, january!.id)).ok).toBe(true);
    // Moved (street parts given now), an e-invoice address added; a new bank and the e-invoice contact.
    await dbOf(s.ctx).customers.update("10001", { address: "Neuer Weg 1\n20095 Hamburg", street: "Neuer Weg 1", postcode: "20095", city: "Hamburg", email: "rechnung@mueller.de" });
    await dbOf(s.ctx).customers.update("10002", { email: "buchhaltung@schmidt-soehne.de" });
    await saveExportSettings(s.ctx, { company: { ...COMPANY, iban: "DE89 3704 0044 0532 0130 00", bankName: "Commerzbank", contactName: "Buchhaltung" } });
    const printed = async (runId: string) => {
      const loaded = await loadRunInvoices(s.ctx, runId);
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
      const r = await exportInvoiceDocuments(s.ctx, loaded.value.invoices.filter((i) => i.customerNo === "10001"));
      if (!r.ok) throw new Error(JSON.stringify(r.issues));
      return visibleText(r.value.documents[0]!.html);
    };
    const issued = await printed(january!.id);
    for (const part of ["Müller GmbH Lindenallee 12 22041 Hamburg", "IBAN DE34 2005 0550 1234 5678 90"]) expect(issued).toContain(part);
    expect(issued).not.toContain("Neuer Weg");
    expect(issued).not.toContain("Commerzbank");
    const draft = await printed(february!.id);
    for (const part of ["Müller GmbH Neuer Weg 1 20095 Hamburg", "IBAN DE89 3704 0044 0532 0130 00"]) expect(draft).toContain(part);
    // The e-invoice of the issued invoice says the same as its reprint, completed by what was not known then (e-mail, contact).
    const e = await eInvoicesOfRun(s.ctx, january!.id, "xrechnung-cii");
    if (!e.ok) throw new Error(JSON.stringify(e.issues));
    const xml = new TextDecoder().decode(e.value.files.find((f) => f.invoiceRef === "RE-000001")!.bytes);
    expect(xml).toContain("Lindenallee 12");
    expect(xml).toContain("DE34200505501234567890");
    expect(xml).not.toContain("Neuer Weg");
    expect(xml).not.toContain("DE89370400440532013000");
    expect(xml).toContain("rechnung@mueller.de");
    expect(xml).toContain("Buchhaltung");
    // Kept under the invoice's hash: an edit of the kept address is found by verify.
    expect((await verifyIntegrity(s.ctx)).firstBreak).toBeNull();
    const stored = (await dbOf(s.ctx).invoices.get("RE-000001"))!;
    await dbOf(s.ctx).invoices.put({ ...stored, issuedParties: { ...stored.issuedParties, buyer: { ...stored.issuedParties!.buyer!, address: "Neuer Weg 1\n20095 Hamburg" } } });
    expect((await verifyIntegrity(s.ctx)).firstBreak).toMatchObject({ chain: "invoices", record: "RE-000001", problem: { reason: "content_changed" } });
  });

  it("an issued invoice keeps the direct debit it was issued with: its e-invoice after a new mandate or a change to transfer names that mandate; one paid by transfer stays so", async () => {
    const s = await billedScenario();
    await saveExportSettings(s.ctx, { company: { ...COMPANY, contactName: "Buchhaltung" } });
    await dbOf(s.ctx).customers.update("10001", { email: "rechnung@mueller.de" });
    await dbOf(s.ctx).customers.update("10002", { email: "buchhaltung@schmidt-soehne.de" });
    expect((await setSepaSettings(s.ctx, SEPA_JSON)).ok).toBe(true);
    const mandates = async (...rows: string[]) => {
      const csv = ["customer_no;mandate_ref;signature_date;iban;debtor_name;payment_method", ...rows].join("\n");
      const r = await importMandates(s.ctx, { name: "mandates.csv", bytes: new TextEncoder().encode(csv) });
      if (!r.ok) throw new Error(JSON.stringify(r.issues));
    };
    const [ibanThen, ibanNow, iban10002] = [deIban("37040044", 1), deIban("50010517", 2), deIban("37040044", 3)];
    await mandates(`10001;MND-10001;2025-06-01;${ibanThen};Müller GmbH;direct_debit`);
    const runs = await listRuns(s.ctx);
    const january = runs.find((r) => r.month === "2026-01")!;
    const february = runs.find((r) => r.month === "2026-02")!;
    expect((await finalizeRun(s.ctx, january.id)).ok).toBe(true);
    const xmlOf = async (runId: string, ref: string) => {
      const e = await eInvoicesOfRun(s.ctx, runId, "xrechnung-cii");
      if (!e.ok) throw new Error(JSON.stringify(e.issues));
      return new TextDecoder().decode(e.value.files.find((f) => f.invoiceRef === ref)!.bytes);
    };
    const debitedBy = (xml: string) => ({
      means: /<ram:SpecifiedTradeSettlementPaymentMeans>\s*<ram:TypeCode>(\d+)</.exec(xml)?.[1],
      mandate: /<ram:DirectDebitMandateID>([^<]*)</.exec(xml)?.[1],
      iban: /<ram:PayerPartyDebtorFinancialAccount>\s*<ram:IBANID>([^<]*)</.exec(xml)?.[1],
    });
    const asIssued = { means: "59", mandate: "MND-10001", iban: ibanThen };
    expect(debitedBy(await xmlOf(january.id, "RE-000001"))).toEqual(asIssued);

    // Müller signs a new mandate for another account; Schmidt & Söhne changes to direct debit.
    await mandates(`10001;MND-10001-2;2026-03-01;${ibanNow};Müller GmbH;direct_debit`, `10002;MND-10002;2026-03-01;${iban10002};Schmidt & Söhne KG;direct_debit`);
    expect(debitedBy(await xmlOf(january.id, "RE-000001"))).toEqual(asIssued);
    expect(debitedBy(await xmlOf(january.id, "RE-000002"))).toEqual({ means: "58", mandate: undefined, iban: undefined });
    // February's draft gets today's terms, and keeps them: its e-invoice issued it.
    const februaryIssued = { means: "59", mandate: "MND-10001-2", iban: ibanNow };
    expect(debitedBy(await xmlOf(february.id, "RE-000003"))).toEqual(februaryIssued);

    // Müller changes to transfer: the issued invoices still say they are debited under their mandates.
    await mandates(`10001;MND-10001-2;2026-03-01;${ibanNow};Müller GmbH;transfer`);
    expect(debitedBy(await xmlOf(january.id, "RE-000001"))).toEqual(asIssued);
    expect(debitedBy(await xmlOf(february.id, "RE-000003"))).toEqual(februaryIssued);
    // Its reprint, not yet in a SEPA file, pre-notifies the debit under that mandate (invoice date + 14 days)
    // instead of asking for a transfer; the invoice issued to a transfer customer keeps the payment terms.
    const loaded = await loadRunInvoices(s.ctx, january.id);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    const printed = await exportInvoiceDocuments(s.ctx, loaded.value.invoices);
    if (!printed.ok) throw new Error(JSON.stringify(printed.issues));
    const [re1, re2] = printed.value.documents.map((doc) => visibleText(doc.html));
    expect(re1).toContain(`Der Betrag wird frühestens am 16.01.2026 per SEPA-Lastschrift von Ihrem Konto ${maskIban(ibanThen)} eingezogen (Mandatsreferenz MND-10001, Gläubiger-ID DE98ZZZ09999999999).`);
    expect(re1).not.toContain(COMPANY.paymentTerms!);
    expect(re2).toContain(COMPANY.paymentTerms!);
    expect(re2).not.toContain("Lastschrift");
    // Kept under the invoice's hash.
    expect((await verifyIntegrity(s.ctx)).firstBreak).toBeNull();
    const stored = (await dbOf(s.ctx).invoices.get("RE-000001"))!;
    expect(stored.issuedParties?.directDebit).toEqual({ mandateRef: "MND-10001", iban: ibanThen, creditorId: "DE98ZZZ09999999999" });
    expect((await dbOf(s.ctx).invoices.get("RE-000002"))!.issuedParties?.directDebit).toBeNull();
    await dbOf(s.ctx).invoices.put({ ...stored, issuedParties: { ...stored.issuedParties, directDebit: { mandateRef: "MND-10001-2", iban: ibanNow } } });
    expect((await verifyIntegrity(s.ctx)).firstBreak).toMatchObject({ chain: "invoices", record: "RE-000001", problem: { reason: "content_changed" } });
  });

  async function scenarioBatch() {
    const s = await billedScenario();
    await saveExportSettings(s.ctx, { company: COMPANY });
    const r = await exportInvoiceBatchDocument(s.ctx, [...s.january, ...s.february], "Rechnungen Januar und Februar");
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    return { batch: r.value, documents: (await scenarioDocuments()).documents };
  }

  it("the printable batch (task pane) holds every invoice page exactly as its own document, in order, one page break before each but the first", async () => {
    const { batch, documents } = await scenarioBatch();
    const pages = batch.html.split('<main class="page">').slice(1).map((p) => p.slice(0, p.indexOf("</main>")));
    expect(pages).toHaveLength(4);
    pages.forEach((page, i) => {
      const own = documents[i]!.html;
      expect(own.slice(own.indexOf('<main class="page">') + '<main class="page">'.length, own.indexOf("</main>"))).toBe(page);
    });
    expect(batch.html).toContain("<title>Rechnungen Januar und Februar</title>");
    expect(batch.html).toContain(".page + .page { break-before: page; }");
    expect(batch.issues).toEqual([]);
  });

  it("the batch is refused like the single documents when a check fails", async () => {
    const s = await billedScenario();
    const r = await exportInvoiceBatchDocument(s.ctx, s.january, "x");
    expect(!r.ok && r.issues.map((i) => i.code)).toEqual(["export.no_company"]);
  });

  it("without company data the documents are refused with a message saying where to give it", async () => {
    const s = await billedScenario();
    const r = await exportInvoiceDocuments(s.ctx, s.january);
    expect(!r.ok && r.issues.map((i) => i.code)).toEqual(["export.no_company"]);
  });

  const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  const browserIt = existsSync(CHROMIUM) ? it : it.skip;
  browserIt(
    "renders in Chromium without any network request, fits A4 on one page, and is saved as PNG",
    async () => {
      const { documents } = await scenarioDocuments();
      const dir = join(__dirname, "../../e2e/screenshots");
      mkdirSync(dir, { recursive: true });
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
      });
      try {
        const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
        const requests: string[] = [];
        await page.route("**/*", (route) => {
          requests.push(route.request().url());
          return route.abort();
        });
        for (const [doc, png] of [[documents[0]!, "invoice-document.png"], [documents[3]!, "invoice-correction.png"]] as const) {
          await page.setContent(doc.html, { waitUntil: "load" });
          expect(await page.locator("h1").innerText()).toBe(doc.invoiceRef === "RE-000004" ? "Rechnungskorrektur" : "Rechnung");
          const layout = await page.evaluate(() => {
            const page = document.querySelector(".page")!.getBoundingClientRect();
            const totals = document.querySelector("table.totals")!.getBoundingClientRect();
            const lines = document.querySelector("table.lines")!.getBoundingClientRect();
            return { overflow: document.documentElement.scrollWidth > document.documentElement.clientWidth, totalsInside: totals.right <= page.right + 0.5, linesInside: lines.right <= page.right + 0.5 };
          });
          expect(layout).toEqual({ overflow: false, totalsInside: true, linesInside: true });
          writeFileSync(join(dir, png), await page.screenshot({ fullPage: true }));
        }
        await page.setContent(documents[0]!.html, { waitUntil: "load" });
        await page.emulateMedia({ media: "print" });
        const pdf = Buffer.from(await page.pdf({ format: "A4", preferCSSPageSize: true }));
        expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
        expect(pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
        // the batch: one A4 page per invoice
        const { batch } = await scenarioBatch();
        await page.setContent(batch.html, { waitUntil: "load" });
        const batchPdf = Buffer.from(await page.pdf({ format: "A4", preferCSSPageSize: true }));
        expect(batchPdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)).toHaveLength(4);
        expect(requests).toEqual([]);
      } finally {
        await browser.close();
      }
    },
    90_000,
  );
});
