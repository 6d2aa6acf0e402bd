/**
 * Browser walk, server mode (called from run.js's serverMode after October is billed on the team
 * server): Festschreiben and the E-Rechnungen ZIP from the pane, each running on the server
 * (runLifecycle, finalizeRun, eInvoicesOfRun through POST /api/pane), checked through the server's API.
 */
const fs = require("node:fs");
const path = require("node:path");

async function serverLifecycle({ page, pane, team, teamApi, check, assert, assertEqual, clickAndSettle, settled, SCREENSHOTS }) {
  await check("[server] Festschreiben and the E-Rechnungen ZIP run on the server", async () => {
    const company = {
      name: "Systemhaus Beispiel GmbH", address: "Hauptstraße 5\n20095 Hamburg", taxNumber: "22/123/45678", vatId: "DE123456789",
      contactName: "Buchhaltung, Erika Beispiel", phone: "+49 40 1234567", email: "rechnung@systemhaus.example",
      iban: "DE02120300000000202051", paymentTerms: "Zahlbar innerhalb von 14 Tagen ohne Abzug.",
    };
    const saved = await teamApi(team, "PUT", "/api/settings/export", { name: "firma.json", text: JSON.stringify({ company }) });
    assert(!saved.error, `company data on the server: ${JSON.stringify(saved).slice(0, 300)}`);
    // e-invoices need each customer's address and inbox: the stored contract rows again, with the customer columns (as the preview walk does)
    const customers = [
      "customer_no,customer_name,contract_no,contract_type,billing_interval,billing_mode,contract_start,position_no,article_no,quantity,unit_price,valid_from,customer_street,customer_postcode,customer_city,customer_email,einvoice_format",
      "10001,Müller GmbH,V-1001,license,monthly,advance,2026-01-01,1,M365-BP,10,20.60,2026-01-01,Hauptstraße 1,20095,Hamburg,rechnung@mueller.example,zugferd",
      "10002,Schäfer KG,V-2001,license,monthly,advance,2026-03-01,1,M365-BP,4,21.00,2026-03-01,Marktplatz 2,10115,Berlin,buchhaltung@schaefer.example,xrechnung-ubl",
      "10003,Neukunde AG,V-3001,managed_service,monthly,advance,2026-09-01,1,MS-BASIC,1,49.00,2026-09-01,Industriestraße 5,80331,München,ap@neukunde.example,",
    ].join("\n");
    const imported = await teamApi(team, "POST", "/api/import/master", { files: [{ name: "kunden-erechnung.csv", base64: Buffer.from(customers, "utf8").toString("base64") }] });
    assert(!imported.error, `customer data on the server: ${JSON.stringify(imported).slice(0, 500)}`);
    const [run] = await teamApi(team, "GET", "/api/runs");
    const step = pane.locator('[data-testid="step-bill-lifecycle"]');
    await page.waitForFunction((id) => document.querySelector('[data-testid="lifecycle-state"]')?.textContent.includes(id), run.id, { timeout: 15_000 });
    assert((await step.locator('[data-testid="lifecycle-state"]').innerText()).includes("Entwurf"), "the server's run is a draft");
    await page.click('[data-testid="lifecycle-finalize"]');
    await clickAndSettle(page, '[data-testid="lifecycle-finalize-yes"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="lifecycle-state"]')?.textContent.includes("festgeschrieben"), null, { timeout: 15_000 });
    const [issued] = await teamApi(team, "GET", "/api/runs");
    assert(issued.issuedAt, `the run is issued on the server: ${JSON.stringify(issued).slice(0, 300)}`);
    const [zip] = await Promise.all([
      page.waitForEvent("download", { timeout: 60_000 }).catch(async (e) => {
        throw new Error(`no ZIP: ${await step.innerText().catch(() => e.message)}`);
      }),
      page.click('[data-testid="lifecycle-einvoice-zip"]'),
    ]);
    await settled(page);
    assertEqual(zip.suggestedFilename(), `E-Rechnungen-${run.month}-${run.id}.zip`, "ZIP name");
    const { unzipSync } = require("fflate");
    const names = Object.keys(unzipSync(new Uint8Array(fs.readFileSync(await zip.path()))));
    assertEqual(names.length, run.invoiceRefs.length, `one e-invoice per invoice of the run: ${names.join(", ")}`);
    assertEqual(names.filter((n) => n.endsWith("_zugferd.pdf")).length, 1, "Müller: ZUGFeRD (its fonts sent along to the server)");
    await step.screenshot({ path: path.join(SCREENSHOTS, "server-mode-de-lifecycle.png") });
  });
}

module.exports = { serverLifecycle };
