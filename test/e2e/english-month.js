// The month in English (issue 20): the preview with locale en-US walks read → map → review → apply
// (with its confirmation) → bill (preview sheet, run) → CSV export → Protokoll, and fails on a German
// sheet name or any code word (snake_case, message key) in a sheet it wrote, in the CSV it downloaded (beyond the column
// names and line types PRODUCT.md §6.3 fixes for the generic format) or in a message the pane showed.
// Called from run.js with its helpers (its `check` records the results); screenshots at 350 px go to
// test/e2e/screenshots/english-*.png.
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const { codeWordsIn, columnName } = require("./code-words");

const SCREENSHOTS = path.join(__dirname, "screenshots");
const REVIEW_SHEET = "Review 2026-10 MS NCE";
const MAPPING_SHEET = "Mapping";
const PREVIEW_SHEET = "Invoices 2026-11";
/** The German names of the sheets the pane writes (src/io/table/sheet-names.ts): none may name an English sheet. */
const GERMAN_SHEET_NAMES = ["Zuordnung", "Abgleich", "Rechnungen", "Zeiten", "Verbrauch", "Kostenprüfung", "Preisaktualisierung", "SEPA-Mandate", "Verknüpfungen bearbeiten", "Kontingente"];
/** The generic invoice CSV (PRODUCT.md §6.3): its column names and line types are the documented format. */
const GENERIC_HEADER = "invoice_ref,customer_no,customer_name,invoice_date,contract_no,position_no,article_no,description,line_type,service_from,service_to,quantity,unit_price,discount_pct,period_factor,net_amount,vat_pct,corrects_ref";
const GENERIC_WORDS = new Set(["flat_fee", "catch_up"]);

/**
 * @param {import("playwright-core").BrowserContext} context
 * @param {string} origin
 * @param {{ check: Function, assert: Function, assertEqual: Function, openPreview: Function, clickAndSettle: Function, chooseInCell: Function, values: Function, sheetNames: Function, counts: Function }} h
 */
async function englishMonth(context, origin, h) {
  const { check, assert, assertEqual, clickAndSettle, chooseInCell, values, sheetNames, counts } = h;
  const { page, errors } = await h.openPreview(context, origin, "lang=en&reset=1");
  const pane = page.locator('[data-testid="pane"]');
  const seedSheets = await sheetNames(page);
  /** Texts the pane showed after each step (checked for code words at the end). */
  const messages = [];
  const shown = async (what) => messages.push({ what, text: await pane.innerText() });
  const shot = (name, locator) => locator.screenshot({ path: path.join(SCREENSHOTS, `english-${name}.png`) });
  let csv = null;

  await check("[english] read the sample vendor file: English facts and status words", async () => {
    await clickAndSettle(page, 'button:has-text("Read active sheet")');
    const facts = await pane.locator('[data-testid="source-facts"]').innerText();
    assert(facts.includes("Microsoft NCE invoice reconciliation") && /1 warning/.test(facts), `facts: ${facts}`);
    assert((await pane.locator('[data-testid="status-counts"]').innerText()).includes("quantity changed"), "status counts in English");
    await shown("read");
    await shot("read", pane.locator('[data-testid="step-source"]'));
  });

  await check("[english] mapping sheet in English: headers, kind words, a pick saved", async () => {
    await clickAndSettle(page, 'button:has-text("Write mapping sheet")');
    const grid = await values(page, MAPPING_SHEET);
    assertEqual(grid[0].slice(0, 3), ["Kind", "Source", "External ID"], "mapping headers in English");
    const articleRow = grid.findIndex((r) => r[0] === "Article") + 1;
    assert(articleRow > 1 && grid.some((r) => r[0] === "Customer"), `kind words in English: ${grid.map((r) => r[0])}`);
    const article = grid[0].indexOf("Article no.");
    assert(article >= 0, `article column: ${grid[0]}`);
    await chooseInCell(page, MAPPING_SHEET, `${columnName(article)}${articleRow}`, "TEAMS-ESS – Microsoft Teams Essentials");
    await clickAndSettle(page, 'button:has-text("Save mappings")');
    assert(/2 mappings saved/.test(await pane.locator('[data-testid="mappings-saved"]').innerText()), "mappings saved");
    await shown("mapping");
    await shot("mapping", pane.locator('[data-testid="step-mapping"]'));
  });

  await check("[english] review sheet in English: headers, status words, accept/skip drop-down, the cancellation skipped", async () => {
    await clickAndSettle(page, 'button:has-text("Write review sheet")');
    const grid = await values(page, REVIEW_SHEET);
    const header = grid[0].map(String);
    assertEqual([header[0], header[1], header[13]], ["Status", "Customer no.", "Action"], "review headers in English");
    const statuses = new Set(grid.slice(1).map((r) => String(r[0])));
    for (const s of ["Quantity changed", "New position", "Missing in file", "Unchanged"]) assert(statuses.has(s), `status ${s} in ${[...statuses]}`);
    assertEqual(await page.evaluate((s) => window.__msp.env.workbook.validationList(s, "N2"), REVIEW_SHEET), ["accept", "skip"], "action drop-down");
    const cancellation = grid.find((r) => r[0] === "Quantity changed" && String(r[1]) === "10002");
    assertEqual(cancellation && cancellation[13], "skip", "the cancellation to 0 is skipped by default");
    await shown("review");
    await shot("review", pane.locator('[data-testid="step-review"]'));
  });

  await check("[english] apply with its confirmation: summary in English, versions stored", async () => {
    const before = await counts(page);
    await clickAndSettle(page, '[data-testid="apply-review"]');
    const confirm = await pane.locator('[data-testid="apply-confirm"]').innerText();
    assert(/Confirm apply/.test(confirm) && /New positions\s*3/.test(confirm) && /Ends \(quantity 0\)\s*0/.test(confirm), `confirmation: ${confirm}`);
    messages.push({ what: "apply confirmation", text: confirm });
    await shot("apply-confirm", pane.locator('[data-testid="step-apply"]'));
    await clickAndSettle(page, '[data-testid="apply-confirm-yes"]');
    const result = await pane.locator('[data-testid="apply-result"]').innerText();
    assert(/New contract versions\s*4/.test(result), `summary: ${result}`);
    assertEqual((await counts(page)).contractVersions - before.contractVersions, 4, "new versions in the store");
    await shown("apply");
    await shot("apply-result", pane.locator('[data-testid="step-apply"]'));
  });

  await check("[english] bill November: preview sheet in English, run", async () => {
    await page.click("#tab-billing");
    await page.waitForFunction(() => document.querySelector('[data-testid="billing-month"]')?.value !== "", null, { timeout: 10_000 }).catch(() => undefined);
    assertEqual(await page.inputValue('[data-testid="billing-month"]'), "2026-11", "month after the latest run, as YYYY-MM in English");
    await page.fill('[data-testid="invoice-date"]', "2026-11-02");
    await clickAndSettle(page, '[data-testid="billing-preview"]');
    const grid = await values(page, PREVIEW_SHEET);
    assertEqual(grid[0].slice(0, 2), ["Invoice no.", "Customer no."], "preview headers in English");
    const types = new Set(grid.slice(1).map((r) => String(r[grid[0].indexOf("Line type")])));
    assert(types.has("Recurring") && types.has("Difference"), `line types in English: ${[...types]}`);
    await shown("billing preview");
    await page.click('[data-testid="billing-run"]');
    await clickAndSettle(page, '[data-testid="billing-confirm-yes"]');
    assert((await pane.locator('[data-testid="latest-run"]').innerText()).includes("run-00002"), "latest run shown");
    await shown("billing run");
    await shot("billing", pane.locator('[data-testid="step-bill-run"]'));
  });

  await check("[english] CSV export (confirmed if asked): the §6.3 format, no other code word", async () => {
    await page.check('input[type="radio"][value="generic"]');
    const download = page.waitForEvent("download", { timeout: 30_000 });
    await page.click('[data-testid="billing-export"]');
    // The first export may ask first (it issues the run): confirm whatever "…-yes" button appears.
    const asked = await Promise.race([
      download.then(() => false),
      pane.locator('button[data-testid$="-yes"]:visible').first().waitFor({ timeout: 10_000 }).then(() => true, () => false),
    ]);
    if (asked) {
      messages.push({ what: "export confirmation", text: await pane.innerText() });
      await clickAndSettle(page, 'button[data-testid$="-yes"]:visible');
    }
    const file = await download;
    const text = fs.readFileSync(await file.path(), "utf8").replace(/^\uFEFF/, "");
    assertEqual(text.split("\r\n")[0], GENERIC_HEADER, "first line: the §6.3 column names");
    assert(text.includes(",difference,"), "difference lines exported");
    assert(file.suggestedFilename().startsWith("Invoices-2026-11-"), `the clerk's file named in English: ${file.suggestedFilename()}`);
    csv = { name: file.suggestedFilename(), text };
    await shown("export");
    await shot("export", pane.locator('[data-testid="step-bill-export"]'));
  });

  await check("[english] Protokoll: entries as English sentences", async () => {
    await page.click("#tab-audit");
    await page.waitForSelector('[data-testid="audit-list"] li', { timeout: 30_000 });
    const texts = await pane.locator('[data-testid="audit-list"] li').allInnerTexts();
    assert(texts.some((t) => /contract|Contract/.test(t)), `English sentences: ${texts.slice(0, 3).join(" | ")}`);
    messages.push(...texts.map((text) => ({ what: "Protokoll", text })));
    await shot("audit", pane);
  });

  await check("[english] no code words in any sheet the walk wrote, in the CSV or in the pane's messages", async () => {
    const found = [];
    for (const name of await sheetNames(page)) {
      if (seedSheets.includes(name)) continue; // the vendor's own file, as the clerk opened it
      for (const de of GERMAN_SHEET_NAMES) if (name === de || name.startsWith(`${de} `)) found.push(`sheet "${name}": a German name`);
      (await values(page, name)).forEach((row, r) =>
        row.forEach((cell, c) => {
          for (const word of codeWordsIn(cell)) found.push(`${name}!${columnName(c)}${r + 1}: ${word} (in "${String(cell).slice(0, 60)}")`);
        }),
      );
    }
    if (csv) {
      csv.text.split("\r\n").forEach((line, r) => {
        if (r === 0) return; // checked above: exactly the documented column names
        for (const word of codeWordsIn(line)) if (!GENERIC_WORDS.has(word)) found.push(`${csv.name} line ${r + 1}: ${word}`);
      });
    }
    for (const m of messages) for (const word of codeWordsIn(m.text)) found.push(`pane after ${m.what}: ${word}`);
    assertEqual([...new Set(found)], [], "code words");
  });

  await check("[english] screenshots: the walk's sheets next to the 350 px pane, and no script errors", async () => {
    for (const [sheet, file] of [[MAPPING_SHEET, "mapping"], [REVIEW_SHEET, "review"], [PREVIEW_SHEET, "invoices"]]) {
      await page.click(`[data-sheet="${sheet}"]`);
      await page.click('[data-cell="A1"]');
      await page.screenshot({ path: path.join(SCREENSHOTS, `english-preview-${file}.png`) });
    }
    assertEqual(errors, [], "page errors");
  });
  await page.close();
}

module.exports = { englishMonth };
