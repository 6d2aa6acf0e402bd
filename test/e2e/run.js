#!/usr/bin/env node
// Browser tests of the built add-in (dist/), outside Excel:
//   npx webpack --mode production && node test/e2e/run.js
// Serves dist/ from node:http on 127.0.0.1 (random port; src/preview/serve.cjs), drives Debian's
// Chromium through playwright-core and aborts every request that leaves 127.0.0.1 (a failure).
//
// 1. The add-in page (taskpane.html) with a stub office.js: renders in German and English, light and
//    dark, keyboard-operable, fits 320–350 px, registers the MSP.* functions, has a CSP.
// 2. The browser preview (preview.html: the real pane next to an in-memory workbook): a whole month —
//    read the sample NCE sheet, see profile and problems, review sheet with unmapped rows blocking
//    Apply, an invalid date named by its cell, the mapping sheet, an action edited in the rendered
//    sheet, apply, bill, export (the download's first line), undo; master data and backup; xlsx and
//    CSV files opened at once (parsed in the Web Worker); time: rules file, time CSV, the review sheet
//    "Zeiten YYYY-MM", one entry withdrawn in the rendered sheet, decisions applied; SEPA: creditor
//    details (a wrong IBAN named), a mandate typed under the mandates sheet's header and read back,
//    the pain.008 download, the report of customers without a mandate, a repeat that asks first.
// 3. Screenshots of the pane at 350 px, light and dark, under test/e2e/screenshots/.
// 4. The pane in server mode against a real `msp-billing serve` (embedded store): login under
//    Verbindung, master data import, reconcile + apply, a billing run — checked on the server.
// Prints `N passed, N failed`; exits non-zero on any failure.
// Env: CHROMIUM_PATH (default /usr/bin/chromium), E2E_DIST (default dist/), E2E_ONLY=server (part 4 only), E2E_ONLY=english (english-month.js only).
// Needs the CLI built too (npm run build does both).
"use strict";

const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { chromium } = require("playwright-core");
const { createStaticServer } = require("../../src/preview/serve.cjs");

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.resolve(process.env.E2E_DIST || path.join(ROOT, "dist"));
const SCREENSHOTS = path.join(__dirname, "screenshots");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const WIDTH = 350;
const HEIGHT = 700;

const INVOICE_HEADER = "invoice_ref,customer_no,customer_name,invoice_date,contract_no,position_no,article_no,description,line_type,service_from,service_to,quantity,unit_price,discount_pct,period_factor,net_amount,vat_pct,corrects_ref";
const INVOICE_HEADER_DE = "Rechnungsnummer;Kundennummer;Kundenname;Rechnungsdatum;Vertragsnummer;Position;Artikelnummer;Beschreibung;Zeilenart;Leistung von;Leistung bis;Menge;Einzelpreis;Rabatt %;Monatsanteil;Nettobetrag;USt %;Korrektur zu";
const REVIEW_SHEET = "Abgleich 2026-10 MS NCE";
const SAMPLE_SHEET = "NCE-Abrechnung 2026-10";

/** The stand-in for office.js: Office (onReady, context, actions) and CustomFunctions. */
function officeStub({ language, dark }) {
  const theme = dark
    ? { isDarkTheme: true, bodyBackgroundColor: "#262626", bodyForegroundColor: "#ffffff", controlBackgroundColor: "#363636", controlForegroundColor: "#ffffff" }
    : { isDarkTheme: false, bodyBackgroundColor: "#ffffff", bodyForegroundColor: "#000000", controlBackgroundColor: "#ffffff", controlForegroundColor: "#000000" };
  return `(function () {
  var info = { host: "Excel", platform: "OfficeOnline" };
  window.__officeStub = { actions: {}, functions: {} };
  window.Office = {
    HostType: { Excel: "Excel" },
    PlatformType: { OfficeOnline: "OfficeOnline" },
    context: {
      displayLanguage: ${JSON.stringify(language)},
      officeTheme: ${JSON.stringify(theme)},
      requirements: { isSetSupported: function () { return true; } }
    },
    onReady: function (callback) {
      var ready = Promise.resolve(info);
      if (callback) ready.then(callback);
      return ready;
    },
    actions: { associate: function (name, fn) { window.__officeStub.actions[name] = fn; } }
  };
  function CustomFunctionsError(code, message) { this.code = code; this.message = message; }
  window.CustomFunctions = {
    associate: function (id, fn) { window.__officeStub.functions[id] = fn; },
    Error: CustomFunctionsError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!",
      nullReference: "#NULL!", invalidName: "#NAME?", invalidReference: "#REF!" }
  };
})();`;
}

const results = [];
/** The label of the server-mode checks: "[server]" on the embedded store, "[server/PostgreSQL]" on the second run. */
let serverLabel = "[server]";

async function check(rawName, fn) {
  const name = rawName.replace("[server]", serverLabel);
  const started = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`ok - ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(`not ok - ${name}\n    ${String((error && error.message) || error).split("\n").join("\n    ")}`);
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

function assertEqual(actual, expected, message) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${message}: expected ${e}, got ${a}`);
}

const EXPECTED = {
  de: { tabs: ["Abgleich", "Abrechnung", "Einkauf", "Zeiten/Zähler", "Protokoll", "Stammdaten"], readSheet: "Aktives Blatt lesen" },
  en: { tabs: ["Reconcile", "Billing", "Purchase", "Time/Meters", "Audit", "Master data"], readSheet: "Read active sheet" },
};

/** Relative luminance of a CSS rgb()/rgba() colour. */
function luminance(css) {
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(css);
  if (!m) return NaN;
  const [r, g, b] = m.slice(1, 4).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Neither the page nor the (scrollable) tab bar overflows horizontally at this width. */
async function assertNoHorizontalOverflow(page, width) {
  const sizes = await page.evaluate(() => {
    const nav = document.querySelector("nav");
    return {
      page: document.documentElement.scrollWidth,
      navScroll: nav ? nav.scrollWidth : -1,
      navClient: nav ? nav.clientWidth : -1,
    };
  });
  assert(sizes.page <= width, `page scrollWidth ${sizes.page} > ${width}`);
  assert(sizes.navScroll >= 0 && sizes.navScroll <= sizes.navClient, `tab bar overflows: ${sizes.navScroll} > ${sizes.navClient}`);
}

/** Texts of the enabled primary buttons (brand background) inside `scope` (a CSS selector). */
async function primaryButtons(page, scope) {
  // Colours are compared: a button under the mouse (after a click the layout may have moved one
  // there) shows its hover colour, so the pointer goes out of the way and the transition ends first.
  await page.mouse.move(0, 0);
  await page.waitForTimeout(300);
  return page.$$eval(`${scope} button`, (buttons) => {
    const probe = document.createElement("div");
    probe.style.backgroundColor = "var(--colorBrandBackground)";
    document.querySelector(".fui-FluentProvider").appendChild(probe);
    const brand = getComputedStyle(probe).backgroundColor;
    probe.remove();
    return buttons.filter((b) => !b.disabled && b.offsetParent !== null && getComputedStyle(b).backgroundColor === brand).map((b) => (b.innerText || "").trim());
  });
}

async function focusedInfo(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return {
      role: el ? el.getAttribute("role") : null,
      text: el ? (el.getAttribute("role") === "tab" ? (el.innerText || "").trim() : (el.textContent || "").trim()) : "",
      selected: el ? el.getAttribute("aria-selected") : null,
    };
  });
}

/** Collects uncaught errors and console errors of a page. */
function watchErrors(page) {
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  return errors;
}

// ---------------------------------------------------------------------------------------------------
// 1. The add-in page with a stub office.js

async function addinPage(context, origin, scenario) {
  const label = `${scenario.lang} ${scenario.dark ? "dark" : "light"}`;
  const page = await context.newPage();
  await page.setViewportSize({ width: WIDTH, height: HEIGHT });
  const pageErrors = watchErrors(page);
  await page.route(OFFICE_JS, (route) => route.fulfill({ status: 200, contentType: "text/javascript", body: officeStub(scenario) }));
  const expected = EXPECTED[scenario.lang];

  await check(`[add-in ${label}] task pane renders its tabs and the reconcile area`, async () => {
    await page.goto(`${origin}/taskpane.html`, { waitUntil: "load" });
    await page.waitForSelector('[role="tab"]', { timeout: 20_000 });
    // innerText: a Fluent tab also renders a hidden bold copy of its label to reserve space.
    const tabs = await page.$$eval('[role="tab"]', (els) => els.map((el) => (el.innerText || "").trim()));
    assertEqual(tabs, expected.tabs, "tab labels");
    const selected = await page.$$eval('[role="tab"]', (els) => els.map((el) => el.getAttribute("aria-selected")));
    assertEqual(selected, ["true", "false", "false", "false", "false", "false"], "initially selected tab");
    assertEqual((await page.textContent("h1")).trim(), "MSP Billing", "title");
    const panel = await page.textContent('[role="tabpanel"]:not([hidden])');
    assert(panel && panel.includes(expected.readSheet), `panel offers "${expected.readSheet}"`);
    assertEqual(await page.getAttribute("html", "lang"), scenario.lang, "html lang");
    const hiddenPanels = await page.$$eval('[role="tabpanel"][hidden]', (els) => els.map((el) => getComputedStyle(el).display));
    assertEqual(hiddenPanels, ["none", "none", "none", "none", "none"], "other panels are not displayed");
  });

  await check(`[add-in ${label}] theme follows Office (${scenario.dark ? "dark" : "light"})`, async () => {
    const background = await page.$eval(".fui-FluentProvider", (el) => getComputedStyle(el).backgroundColor);
    const l = luminance(background);
    assert(scenario.dark ? l < 0.1 : l > 0.8, `background ${background} (luminance ${l.toFixed(3)})`);
  });

  await check(`[add-in ${label}] fits ${WIDTH} px without horizontal scrolling`, async () => {
    await assertNoHorizontalOverflow(page, WIDTH);
  });

  await check(`[add-in ${label}] the tab bar is two rows of three at ${WIDTH} px; the storage notice is compact`, async () => {
    await page.waitForTimeout(300);
    const layout = await page.evaluate(() => {
      const tops = [...document.querySelectorAll('[role="tab"]')].map((t) => Math.round(t.getBoundingClientRect().top));
      const notice = document.querySelector('[data-testid="storage-notice"]');
      return { tops, notice: notice ? Math.round(notice.getBoundingClientRect().height) : 0 };
    });
    const rows = [...new Set(layout.tops)];
    assertEqual([rows.length, layout.tops.filter((t) => t === rows[0]).length], [2, 3], `tab rows (tops ${layout.tops})`);
    assert(layout.notice <= 80, `storage notice ${layout.notice} px high`);
    if (!scenario.dark) await page.screenshot({ path: path.join(SCREENSHOTS, `addin-${scenario.lang}-tabs.png`), clip: { x: 0, y: 0, width: WIDTH, height: 220 } });
  });

  if (!scenario.dark) {
    await check(`[add-in ${label}] tabs are keyboard-operable (Tab, arrow keys, Enter)`, async () => {
      await page.reload({ waitUntil: "load" });
      await page.waitForSelector('[role="tab"]');
      // The connection bar sits above the tabs, so its one button comes first in the tab order.
      await page.keyboard.press("Tab");
      let focused = await focusedInfo(page);
      assertEqual(focused.text, scenario.lang === "de" ? "Ändern" : "Change", "Tab focuses the connection bar's button first");
      await page.keyboard.press("Tab");
      focused = await focusedInfo(page);
      assertEqual([focused.role, focused.text], ["tab", expected.tabs[0]], "the next Tab focuses the selected tab");
      await page.keyboard.press("ArrowRight");
      focused = await focusedInfo(page);
      assertEqual([focused.role, focused.text], ["tab", expected.tabs[1]], "ArrowRight moves to the next tab");
      await page.keyboard.press("Enter");
      const selected = await page.$$eval('[role="tab"]', (els) => els.map((el) => el.getAttribute("aria-selected")));
      assertEqual(selected, ["false", "true", "false", "false", "false", "false"], "Enter selects the focused tab");
      assertEqual(await page.getAttribute('[role="tabpanel"]:not([hidden])', "aria-labelledby"), "tab-billing", "panel labelled by the selected tab");
      for (let i = 0; i < expected.tabs.length - 1; i++) await page.keyboard.press("ArrowRight");
      focused = await focusedInfo(page);
      assertEqual(focused.text, expected.tabs[0], "arrow keys wrap around");
      await page.keyboard.press("ArrowLeft");
      await page.keyboard.press("Enter");
      // Tab leaves the tab list; past the data-safety notice's buttons it reaches the panel.
      let reached = false;
      for (let i = 0; i < 5 && !reached; i++) {
        await page.keyboard.press("Tab");
        reached = (await focusedInfo(page)).role === "tabpanel";
      }
      assert(reached, "Tab moves from the tab list into the panel");
      const panelText = await page.textContent('[role="tabpanel"]:not([hidden])');
      assert(panelText && panelText.includes(expected.tabs[expected.tabs.length - 1]), "master data panel shown");
    });

    await check(`[add-in ${label}] fits 320 px`, async () => {
      await page.setViewportSize({ width: 320, height: HEIGHT });
      // With six tabs the bar wraps to two rows; let the selection indicator's slide animation end.
      await page.waitForTimeout(400);
      await assertNoHorizontalOverflow(page, 320);
      await page.setViewportSize({ width: WIDTH, height: HEIGHT });
    });
  }

  if (scenario.lang === "en" && !scenario.dark) {
    await check("[add-in] bundle registers the MSP.* functions with CustomFunctions.associate", async () => {
      const outcome = await page.evaluate(() => {
        const fn = window.__officeStub.functions.PRORATE;
        if (typeof fn !== "function") return { registered: Object.keys(window.__officeStub.functions) };
        let error = null;
        try {
          fn(100, "not a date", "2026-01-31");
        } catch (e) {
          error = { code: e.code, message: e.message, isStubError: e instanceof window.CustomFunctions.Error };
        }
        return { registered: Object.keys(window.__officeStub.functions), value: fn(31, "2026-01-01", "2026-01-10"), error };
      });
      for (const id of ["PRORATE", "QTY", "PRICE", "CONTRACT", "BILLED", "MARGIN"]) assert(outcome.registered.includes(id), `${id} registered (got ${outcome.registered})`);
      assertEqual(outcome.value, 10, "PRORATE(31, 2026-01-01, 2026-01-10)");
      assert(outcome.error && outcome.error.code === "#VALUE!" && outcome.error.isStubError, `bad input error ${JSON.stringify(outcome.error)}`);
    });

    await check("[add-in] the page has a Content-Security-Policy (self + office.js CDN only)", async () => {
      const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
      assert(csp, "CSP meta tag");
      for (const part of ["default-src 'self'", "connect-src 'self'", "object-src 'none'", "script-src 'self' https://appsforoffice.microsoft.com"]) assert(csp.includes(part), `CSP has ${part}`);
    });
  }

  await check(`[add-in ${label}] no script errors`, async () => {
    assertEqual(pageErrors, [], "page errors");
  });
  await page.close();
}

// ---------------------------------------------------------------------------------------------------
// 2. The preview: a whole month through the real task pane

async function openPreview(context, origin, query) {
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${origin}/preview.html?${query}`, { waitUntil: "load" });
  await page.waitForSelector('[role="tab"]', { timeout: 30_000 });
  await page.waitForFunction(() => Boolean(window.__msp));
  return { page, errors };
}

const counts = (page) => page.evaluate(() => window.__msp.counts());
const sheetNames = (page) => page.evaluate(() => window.__msp.env.workbook.sheetNames());
const values = (page, sheet) => page.evaluate((s) => window.__msp.env.workbook.values(s), sheet);

/** Sheet row (1-based) of the first data row whose cells in the given columns have the given texts. */
/**
 * German headers and words of the sheets this walk reads (src/io/reconcile/review-words.ts,
 * src/io/sheets/*-words.ts, the mapping sheet) → canonical.
 */
const REVIEW_DE = {
  Status: "status", Kundennummer: "customer_no", Aktion: "action", Art: "kind", Ticket: "ticket_no", Nettobetrag: "net_amount",
  "Menge geändert": "quantity_changed", "Neue Position": "new_position", "Fehlt in Datei": "missing_in_file",
  "Kunde nicht zugeordnet": "unmapped_customer", "Artikel nicht zugeordnet": "unmapped_article", Unverändert: "unchanged",
  "Nicht abrechenbar": "not_billable",
};
const canonical = (v) => REVIEW_DE[String(v)] ?? String(v);

const { codeWordsIn, columnName } = require("./code-words");
const { englishMonth } = require("./english-month");

async function rowWhere(page, sheet, match) {
  const grid = await values(page, sheet);
  const header = grid[0].map(canonical);
  const index = grid.findIndex((row, i) => i > 0 && Object.entries(match).every(([col, v]) => canonical(row[header.indexOf(col)]) === v));
  if (index < 0) throw new Error(`no row with ${JSON.stringify(match)} on ${sheet}`);
  return index + 1;
}

/** Clicks a cell of the rendered sheet and types into the formula bar (as a user would). */
async function typeIntoCell(page, sheet, a1, text) {
  await page.click(`[data-sheet="${sheet}"]`);
  await page.click(`[data-cell="${a1}"]`);
  await page.fill('[data-testid="cell-input"]', text);
  await page.press('[data-testid="cell-input"]', "Enter");
}

async function chooseInCell(page, sheet, a1, item) {
  await page.click(`[data-sheet="${sheet}"]`);
  await page.click(`[data-cell="${a1}"]`);
  await page.selectOption('[data-testid="cell-select"]', item);
}

/** Waits until the step's progress bar is gone (the step finished). */
/** The time rules the walk's Zeiten/Zähler steps load (unit, activities, evening surcharge, travel fee, V-2002's included hour). */
const WALK_TIME_RULES = {
  defaults: {
    unitMinutes: 15,
    activities: { remote: { articleNo: "SUP-R", pricePerHour: "87.40" }, onsite: { articleNo: "SUP-O" } },
    defaultActivity: "remote",
    surcharges: [{ label: "Abend", days: ["mon", "tue", "wed", "thu", "fri"], from: "18:00", to: "22:00", pct: "25" }],
    flatFees: [{ label: "Anfahrt", activities: ["onsite"], per: "day", articleNo: "TRAVEL" }],
  },
  contracts: { "V-2002": { includedHoursPerMonth: "1" } },
};

async function settled(page) {
  await page.waitForFunction(() => !document.querySelector('[data-testid="task-progress"]'), null, { timeout: 30_000 });
}

async function clickAndSettle(page, selector) {
  await page.click(selector);
  await page.waitForTimeout(50);
  await settled(page);
}

/** Stammdaten › master files chosen: the check (Prüfen) shows what they would store, then Importieren stores them. */
async function importMasterFiles(page, files) {
  await page.setInputFiles('[data-testid="master-files"]', files);
  await page.waitForSelector('[data-testid="import-checked"]', { timeout: 30_000 });
  await clickAndSettle(page, '[data-testid="import-checked"]');
  await page.waitForSelector('[data-testid="import-result"]', { timeout: 30_000 });
}

/** `days` after `from`, moved on to the next TARGET2 business day (no weekend, New Year, Easter, 1 May, Christmas). */
function sepaCollectionDate(from, days) {
  const easter = (y) => {
    const a = y % 19, b = Math.floor(y / 100), c = y % 100, d = Math.floor(b / 4), e = b % 4, f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3);
    const h = (19 * a + b - d - g + 15) % 30, i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
    return Date.UTC(y, Math.floor((h + l - 7 * m + 114) / 31) - 1, ((h + l - 7 * m + 114) % 31) + 1);
  };
  const day = 86_400_000;
  let t = Date.UTC(from.getFullYear(), from.getMonth(), from.getDate()) + days * day;
  for (;;) {
    const d = new Date(t);
    const md = d.toISOString().slice(5, 10);
    const e = easter(d.getUTCFullYear());
    const holiday = ["01-01", "05-01", "12-25", "12-26"].includes(md) || t === e - 2 * day || t === e + day;
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6 && !holiday) return d.toISOString().slice(0, 10);
    t += day;
  }
}

async function previewMonth(context, origin) {
  const { page, errors } = await openPreview(context, origin, "lang=de&reset=1");
  const pane = page.locator('[data-testid="pane"]');
  let seed;
  let reviewRow = 0;
  const downloads = [];
  const seedSheets = await sheetNames(page);

  await check("[preview] demo workbook shows the sample NCE file as the active sheet", async () => {
    assertEqual(await page.getAttribute('[data-testid="workbook"]', "data-active-sheet"), SAMPLE_SHEET, "active sheet");
    assertEqual((await page.textContent('[data-cell="B1"]')).trim(), "CustomerId", "header cell B1");
    seed = await counts(page);
    assert(seed.contracts === 4 && seed.runs === 1 && seed.ledger > 0, `seeded store ${JSON.stringify(seed)}`);
  });

  await check("[preview] read the active sheet: profile, rows, period and problems with row and column", async () => {
    await clickAndSettle(page, 'button:has-text("Aktives Blatt lesen")');
    const facts = await pane.locator('[data-testid="source-facts"]').innerText();
    for (const part of ["Microsoft NCE invoice reconciliation", "11", "01.10.2026 – 04.11.2026", "1 Warnung"]) assert(facts.includes(part), `facts show ${part}: ${facts}`);
    const warning = await pane.locator('[data-testid="source-issues"]').innerText();
    assert(/Zeile 12/.test(warning) && /ChargeType/.test(warning) && /partneradjustment/i.test(warning), `warning names row and column: ${warning}`);
    assertEqual(await page.inputValue('[data-testid="reconcile-month"]'), "10.2026", "month from the file, as MM.JJJJ in German");
    const statuses = await pane.locator('[data-testid="status-counts"] li').evaluateAll((els) => els.map((el) => `${el.dataset.status}:${el.innerText.split("\n")[0].trim()}`));
    assertEqual(statuses, ["quantity_changed:2", "new_position:1", "missing_in_file:2", "unmapped_customer:1", "unmapped_article:1", "unchanged:1"], "rows per status");
  });

  // The review sheet speaks the pane's language: German headers and status words here.
  await check("[preview] review sheet with unmapped rows: Apply blocked until acknowledged", async () => {
    await clickAndSettle(page, 'button:has-text("Prüfblatt schreiben")');
    assert((await sheetNames(page)).includes(REVIEW_SHEET), `sheet ${REVIEW_SHEET} written`);
    assertEqual(await page.getAttribute('[data-testid="workbook"]', "data-active-sheet"), REVIEW_SHEET, "review sheet active");
    const table = await page.evaluate((s) => window.__msp.env.workbook.tableInfo(s.replace(/[^A-Za-z0-9]+/g, "_")), REVIEW_SHEET);
    assert(table && table.headers[0] === "Status" && table.headers[13] === "Aktion" && table.showFilterButton, `review table ${JSON.stringify(table)}`);
    const list = await page.evaluate((s) => window.__msp.env.workbook.validationList(s, "N2"), REVIEW_SHEET);
    assertEqual(list, ["übernehmen", "überspringen"], "action drop-down");
    assert(await page.isDisabled('[data-testid="apply-review"]'), "Apply is disabled");
    const ack = await pane.locator('[data-testid="acknowledge-unmapped"]').innerText();
    assert(ack.includes("2 nicht zugeordnete Zeilen"), `acknowledgement names the count: ${ack}`);
  });

  await check("[preview] an invalid date in the review is named by its cell and nothing is applied", async () => {
    reviewRow = await rowWhere(page, REVIEW_SHEET, { status: "new_position", customer_no: "10002" });
    await typeIntoCell(page, REVIEW_SHEET, `K${reviewRow}`, "31.02.2026");
    await page.check('[data-testid="acknowledge-unmapped"] input[type="checkbox"]');
    await clickAndSettle(page, '[data-testid="apply-review"]');
    const text = await pane.locator('[data-testid="issues"]').innerText();
    assert(text.includes(`${REVIEW_SHEET}!K${reviewRow}`) && text.includes("31.02.2026"), `error names the cell: ${text}`);
    // The cell is a link: clicking it selects the cell in the workbook.
    await page.click(`[data-testid="issues"] [data-testid="cell-link"][data-cell="${REVIEW_SHEET}!K${reviewRow}"]`);
    await page.waitForFunction((a) => window.__msp.env.workbook.selectedAddress === a, `${REVIEW_SHEET}!K${reviewRow}`, { timeout: 5_000 });
    assert(await page.isVisible(`[data-cell="K${reviewRow}"]`), "the selected cell is shown");
    const now = await counts(page);
    assertEqual([now.contractVersions, now.importBatches], [seed.contractVersions, seed.importBatches], "store unchanged");
    await pane.locator('[data-testid="step-apply"]').screenshot({ path: path.join(SCREENSHOTS, "step-de-apply-error.png") });
  });

  await check("[preview] mapping sheet: drop-downs, suggestion pre-filled, a pick in the rendered sheet, saved", async () => {
    await clickAndSettle(page, 'button:has-text("Zuordnungsblatt schreiben")');
    assert((await sheetNames(page)).includes("Zuordnung"), "sheet Zuordnung written");
    const customerRow = await rowWhere(page, "Zuordnung", { kind: "Kunde" });
    const articleRow = await rowWhere(page, "Zuordnung", { kind: "Artikel" });
    const grid = await values(page, "Zuordnung");
    assertEqual(grid[customerRow - 1][5], "10003 – Neukunde AG", "exact suggestion pre-filled");
    assert(String(grid[articleRow - 1][4]).startsWith("TEAMS-ESS – Microsoft Teams Essentials"), `article suggestion ${grid[articleRow - 1][4]}`);
    const articles = await page.evaluate((a1) => window.__msp.env.workbook.validationList("Zuordnung", a1), `G${articleRow}`);
    assert(articles.includes("TEAMS-ESS – Microsoft Teams Essentials") && articles.length === 5, `article drop-down ${articles}`);
    await chooseInCell(page, "Zuordnung", `G${articleRow}`, "TEAMS-ESS – Microsoft Teams Essentials");
    await clickAndSettle(page, 'button:has-text("Zuordnungen speichern")');
    await pane.locator('[data-testid="step-mapping"]').screenshot({ path: path.join(SCREENSHOTS, "step-de-mapping.png") });
    const saved = await pane.locator('[data-testid="mappings-saved"]').innerText();
    assert(/2 Zuordnungen gespeichert \(Stapel apply-\d{5}\)/.test(saved), `saved: ${saved}`);
    // At 350 px the batch id is one unbroken piece (monospace, the full id as tooltip), not "apply-" / "00002".
    const id = pane.locator('[data-testid="mappings-saved"] [data-testid="id"]');
    assert(/^apply-\d{5}$/.test(await id.getAttribute("title")), `the id's tooltip: ${await id.getAttribute("title")}`);
    const idBox = await id.evaluate((el) => ({ nowrap: getComputedStyle(el).whiteSpace === "nowrap", height: el.getBoundingClientRect().height, line: parseFloat(getComputedStyle(el.parentElement).lineHeight), clipped: el.scrollWidth > el.clientWidth }));
    assert(idBox.nowrap && idBox.height <= idBox.line * 1.5 && !idBox.clipped, `the id on one line, whole: ${JSON.stringify(idBox)}`);
    const now = await counts(page);
    assertEqual(now.mappings, seed.mappings + 2, "mappings in the store");
    assert((await pane.locator('[data-testid="mapping-needs"]').innerText()).includes("Alle Kunden und Artikel"), "nothing unmapped any more");
  });

  await check("[preview] review again: the cancellation to 0 is überspringen by default; one primary button, Übernehmen", async () => {
    await clickAndSettle(page, 'button:has-text("Prüfblatt schreiben")');
    assertEqual(await pane.locator('[data-testid="acknowledge-unmapped"]').count(), 0, "no acknowledgement needed");
    const notice = await pane.locator('[data-testid="step-review"] [data-testid="step-notice"]').innerText();
    assert(notice.includes("1 Kündigung auf Menge 0 steht auf „überspringen“"), `the review says so: ${notice}`);
    const row = await rowWhere(page, REVIEW_SHEET, { status: "quantity_changed", customer_no: "10002" });
    assertEqual((await values(page, REVIEW_SHEET))[row - 1][13], "überspringen", "the cancellation to 0 is skipped by default");
    assertEqual(await primaryButtons(page, '[data-testid="tab-panel"]'), ["Übernehmen"], "one primary button: the next step");
  });

  await check("[preview] Übernehmen asks first: an accepted cancellation called out with a link to its row, rows typed below the table warned about, nothing applied", async () => {
    const row = await rowWhere(page, REVIEW_SHEET, { status: "quantity_changed", customer_no: "10002" });
    await chooseInCell(page, REVIEW_SHEET, `N${row}`, "übernehmen");
    const last = (await values(page, REVIEW_SHEET)).length;
    await typeIntoCell(page, REVIEW_SHEET, `B${last + 2}`, "10009");
    const before = await counts(page);
    await clickAndSettle(page, '[data-testid="apply-review"]');
    const confirm = await pane.locator('[data-testid="apply-confirm"]').innerText();
    assert(/Übernehmen bestätigen/.test(confirm) && /Beendigungen \(Menge 0\)\s*1/.test(confirm) && /Neue Positionen\s*3/.test(confirm), `confirmation: ${confirm}`);
    assert((await pane.locator('[data-testid="apply-confirm-ends"]').innerText()).includes("1 Position wird beendet (Menge 0)"), "the end is called out");
    const warning = await pane.locator('[data-testid="step-apply"] [data-testid="issues"]').innerText();
    assert(warning.includes(`außerhalb davon (ab Zeile ${last + 2})`), `rows below the table: ${warning}`);
    assert(await pane.locator('[data-testid="apply-confirm"]').isVisible(), "the confirmation is in view");
    await pane.locator('[data-testid="step-apply"]').screenshot({ path: path.join(SCREENSHOTS, "step-de-apply-confirm.png") });
    await page.click(`[data-testid="apply-confirm-ends"] [data-testid="cell-link"]`);
    await page.waitForFunction((a) => window.__msp.env.workbook.selectedAddress === a, `${REVIEW_SHEET}!A${row}`, { timeout: 5_000 });
    await page.click('[data-testid="apply-confirm-cancel"]');
    const now = await counts(page);
    assertEqual([now.contractVersions, now.importBatches], [before.contractVersions, before.importBatches], "nothing applied before the confirmation");
    // Back as it was: the cancellation skipped, the stray row emptied.
    await chooseInCell(page, REVIEW_SHEET, `N${row}`, "überspringen");
    await typeIntoCell(page, REVIEW_SHEET, `B${last + 2}`, "");
  });

  await check("[preview] apply after the confirmation, see the summary", async () => {
    const before = await counts(page);
    await clickAndSettle(page, '[data-testid="apply-review"]');
    const confirm = await pane.locator('[data-testid="apply-confirm"]').innerText();
    assert(/Beendigungen \(Menge 0\)\s*0/.test(confirm) && /Übersprungen\s*4/.test(confirm), `confirmation: ${confirm}`);
    assertEqual(await pane.locator('[data-testid="step-apply"] [data-testid="issues"]').count(), 0, "no warning any more");
    await clickAndSettle(page, '[data-testid="apply-confirm-yes"]');
    await pane.locator('[data-testid="step-apply"]').screenshot({ path: path.join(SCREENSHOTS, "step-de-apply-result.png") });
    const result = await pane.locator('[data-testid="apply-result"]').innerText();
    assert(/Neue Vertragsversionen\s*4/.test(result) && /Übersprungen\s*4/.test(result), `summary: ${result}`);
    const now = await counts(page);
    assertEqual(now.contractVersions - before.contractVersions, 4, "new versions in the store");
    assertEqual(now.importBatches - before.importBatches, 1, "one batch");
    assert((await page.evaluate(() => window.__msp.storeChanges)) >= 2, "store changes reported (recalculation requested)");
  });

  await check("[preview] Übernehmen again with nothing new: said at once (a dry run against the store), no question, nothing stored", async () => {
    const before = await counts(page);
    await clickAndSettle(page, '[data-testid="apply-review"]');
    assertEqual(await pane.locator('[data-testid="apply-confirm"]').count(), 0, "no confirmation");
    const text = await pane.locator('[data-testid="step-apply"]').innerText();
    assert(/Nichts zu übernehmen: alle \d+ angenommenen Zeilen sind bereits im Vertragsstand\./.test(text), `notice: ${text}`);
    assert(/Stapel\s*apply-\d{5}/.test(await pane.locator('[data-testid="apply-result"]').innerText()), "the batch and its Rückgängig stay");
    const now = await counts(page);
    assertEqual([now.contractVersions, now.importBatches], [before.contractVersions, before.importBatches], "nothing stored");
    await pane.locator('[data-testid="step-apply"]').screenshot({ path: path.join(SCREENSHOTS, "step-de-apply-again.png") });
  });

  let latestCounts;
  await check("[preview] bill November: preview sheet with differences, confirm, run", async () => {
    await page.click("#tab-billing");
    // the area reads the runs when it is shown (asynchronously)
    await page.waitForFunction(() => document.querySelector('[data-testid="billing-month"]')?.value !== "", null, { timeout: 10_000 }).catch(() => undefined);
    assertEqual(await page.inputValue('[data-testid="billing-month"]'), "11.2026", "month after the latest run, as MM.JJJJ in German");
    // Mac Excel (Safari/WKWebView) lacks type="month": typed text fields, German or ISO
    assertEqual(await page.locator('input[type="month"], input[type="date"]').count(), 0, "no month/date pickers");
    await page.fill('[data-testid="invoice-date"]', "31.11.2026");
    assert(/TT\.MM\.JJJJ/.test(await pane.locator('[role="alert"], .fui-Field__validationMessage').allInnerTexts().then((t) => t.join(" "))), "an impossible day is named with the expected format");
    await page.fill('[data-testid="invoice-date"]', "02.11.2026");
    await clickAndSettle(page, '[data-testid="billing-preview"]');
    assert((await sheetNames(page)).includes("Rechnungen 2026-11"), "preview sheet written");
    const preview = await pane.locator('[data-testid="billing-preview-result"]').innerText();
    assert(/Rechnungen\s*3/.test(preview) && /Differenzpositionen\s*[1-9]/.test(preview), `preview: ${preview}`);
    const before = await counts(page);
    assertEqual(before.ledger, seed.ledger, "the preview wrote nothing");
    assertEqual(await primaryButtons(page, '[data-testid^="step-bill-"]'), ["Abrechnen …"], "after the preview the next step is the run");
    await page.click('[data-testid="billing-run"]');
    await clickAndSettle(page, '[data-testid="billing-confirm-yes"]');
    latestCounts = await counts(page);
    assertEqual(latestCounts.runs, 2, "a second run");
    assert(latestCounts.ledger > before.ledger, "ledger entries written");
    assert((await pane.locator('[data-testid="latest-run"]').innerText()).includes("run-00002"), "latest run shown");
  });

  // Issue 17: the first export or print issues the run. This run is undone below (a draft, never
  // exported); the exports themselves run in the Festschreiben step, on the run that stays.
  await check("[preview] the first export of the draft run asks what it does; Abbrechen: still a draft, no file", async () => {
    let downloaded = 0;
    const count = () => void downloaded++;
    page.on("download", count);
    try {
      assert((await pane.locator('[data-testid="billing-export-draft-hint"]').innerText()).includes("erste Export oder Druck schreibt ihn fest"), "the draft hint under the buttons");
      await page.check('input[type="radio"][value="generic"]');
      await page.click('[data-testid="billing-export"]');
      await page.waitForSelector('[data-testid="billing-export-confirm"]', { timeout: 10_000 });
      const text = await pane.locator('[data-testid="billing-export-confirm"]').innerText();
      for (const part of ["Exportieren schreibt den Lauf fest", "run-00002 ist noch ein Entwurf", "festgeschrieben", "nicht mehr rückgängig", "Stornorechnung"]) assert(text.includes(part), `the question says ${part}: ${text}`);
      await pane.locator('[data-testid="step-bill-export"]').screenshot({ path: path.join(SCREENSHOTS, "export-de-issue-question.png") });
      await page.click('[data-testid="billing-export-cancel"]');
      assertEqual(await pane.locator('[data-testid="billing-export-confirm"]').count(), 0, "the question is gone");
      await page.waitForTimeout(300);
      assertEqual(downloaded, 0, "no file without the answer");
      assert((await pane.locator('[data-testid="lifecycle-state"]').innerText()).includes("Entwurf"), "still a draft");
    } finally {
      page.off("download", count);
    }
  });

  await check("[preview] export settings from a JSON file: DATEV and the printable invoices become available", async () => {
    assert(await page.isDisabled('input[type="radio"][value="datev"]'), "DATEV needs saved settings");
    assert(await page.isDisabled('[data-testid="billing-documents"]'), "documents need company data");
    const settings = {
      datev: { consultantNo: 1234567, clientNo: 10001, fiscalYearStart: "01-01", accountLength: 4, chart: "SKR03", debtorFromCustomerNo: true },
      company: { name: "Systemhaus Beispiel GmbH", address: "Hauptstraße 5\n20095 Hamburg", taxNumber: "22/123/45678" },
    };
    await page.setInputFiles('[data-testid="export-settings-file"]', [{ name: "export.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(settings), "utf8") }]);
    await settled(page);
    assert((await pane.locator('[data-testid="export-settings-state"]').innerText()).includes("DATEV-Einstellungen: gespeichert · Firmenangaben: gespeichert"), "settings state shown");
    assert(!(await page.isDisabled('input[type="radio"][value="datev"]')), "DATEV can be chosen");
    assert(!(await page.isDisabled('[data-testid="billing-documents"]')), "documents can be printed");
  });

  await check("[preview] SEPA: creditor details, a mandate typed into the mandates sheet, pain.008 download, report, repeat asks", async () => {
    const sepa = pane.locator('[data-testid="step-bill-sepa"]');
    const notice = () => sepa.locator('[data-testid="step-notice"]').innerText();
    assert((await sepa.locator('[data-testid="sepa-settings-missing"]').innerText()).includes("Gläubigerdaten"), "missing creditor details are named");
    assert(await page.isDisabled('[data-testid="sepa-export"]'), "export needs the creditor details");
    await page.fill('[data-testid="sepa-name"]', "Systemhaus Beispiel GmbH");
    await page.fill('[data-testid="sepa-iban"]', "DE02 1203 0000 0000 2020 52");
    await page.fill('[data-testid="sepa-creditorId"]', "DE98ZZZ09999999999");
    await clickAndSettle(page, '[data-testid="sepa-save-settings"]');
    const wrong = await sepa.locator('[data-testid="issues"]').innerText();
    assert(/2020\s?52/.test(wrong) && wrong.includes("Prüfziffern"), `a wrong IBAN is named: ${wrong}`);
    assert(await page.isDisabled('[data-testid="sepa-export"]'), "nothing stored");
    await sepa.screenshot({ path: path.join(SCREENSHOTS, "sepa-de-settings.png") });
    await page.fill('[data-testid="sepa-iban"]', "DE02 1203 0000 0000 2020 51");
    await clickAndSettle(page, '[data-testid="sepa-save-settings"]');
    assertEqual(await notice(), "Gläubigerdaten gespeichert.", "settings saved");
    assertEqual(await sepa.locator('[data-testid="sepa-settings"]').count(), 0, "the form folds away once stored");

    // The mandates sheet: empty (no mandates yet); a row typed under its header joins the table, as in Excel.
    await clickAndSettle(page, '[data-testid="sepa-write-mandates"]');
    assert((await notice()).includes("0 Mandate ins Blatt „SEPA-Mandate“"), `sheet written: ${await notice()}`);
    assertEqual(await page.getAttribute('[data-testid="workbook"]', "data-active-sheet"), "SEPA-Mandate", "mandates sheet active");
    const header = (await values(page, "SEPA-Mandate"))[0].map(String);
    assertEqual(header.slice(0, 7), ["Kundennummer", "Mandatsreferenz", "Unterschrieben am", "IBAN", "BIC", "Verfahren", "Kontoinhaber"], "mandates header in German");
    const col = (name) => String.fromCharCode(65 + header.indexOf(name));
    for (const [name, text] of [["Kundennummer", "10001"], ["Mandatsreferenz", "MUELLER-2026-01"], ["Unterschrieben am", "01.03.2026"], ["IBAN", "DE89 3704 0044 0532 0130 00"], ["Verfahren", "CORE"], ["Kontoinhaber", "Müller GmbH"]]) {
      await typeIntoCell(page, "SEPA-Mandate", `${col(name)}2`, text);
    }
    await clickAndSettle(page, '[data-testid="sepa-apply-mandates"]');
    assertEqual(await notice(), "Mandate übernommen: 1 neu, 0 geändert, 0 unverändert.", "mandate read back from the sheet");
    assertEqual(await sepa.locator('[data-testid="sepa-mandates-undo"]').count(), 1, "the import is undoable");
    await clickAndSettle(page, '[data-testid="sepa-write-mandates"]');
    const stored = (await values(page, "SEPA-Mandate"))[1];
    assertEqual([stored[0], stored[1], stored[3], stored[6]].map(String), ["10001", "MUELLER-2026-01", "DE89 3704 0044 0532 0130 00", "Müller GmbH"], "the stored mandate written back");
    assertEqual((await page.textContent(`[data-cell="${col("Unterschrieben am")}2"]`)).trim(), "01.03.2026", "signature date shown as a German date");
    await clickAndSettle(page, '[data-testid="sepa-apply-mandates"]');
    assertEqual(await notice(), "Das Blatt enthält keine Änderungen.", "reading back the written sheet changes nothing");

    // A business day far enough ahead for the CORE lead time and the 14-day pre-notification.
    const date = sepaCollectionDate(new Date(), 21);
    await page.fill('[data-testid="sepa-collection-date"]', `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`);
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 10_000 }).catch(async (e) => {
        throw new Error(`no SEPA download: ${await sepa.locator('[data-testid="issues"], [data-testid="sepa-report"]').allInnerTexts().catch(() => e.message)}`);
      }),
      page.click('[data-testid="sepa-export"]'),
    ]);
    await settled(page);
    assert(/\.xml$/.test(download.suggestedFilename()), `an XML file: ${download.suggestedFilename()}`);
    const xml = fs.readFileSync(await download.path(), "utf8");
    assert(xml.startsWith("<?xml"), `starts with the XML declaration: ${xml.slice(0, 40)}`);
    for (const part of ["urn:iso:std:iso:20022:tech:xsd:pain.008.001.08", "<MndtId>MUELLER-2026-01</MndtId>", "DE89370400440532013000", "DE98ZZZ09999999999", `<ReqdColltnDt>${date}</ReqdColltnDt>`]) assert(xml.includes(part), `the file holds ${part}`);
    assertEqual((xml.match(/<DrctDbtTxInf>/g) || []).length, 1, "one direct debit (the customer with the mandate)");
    assert((await notice()).includes(`${download.suggestedFilename()} gespeichert: 1 Lastschrift über`), `export notice: ${await notice()}`);
    const report = await sepa.locator('[data-testid="sepa-report"]').innerText();
    assert(/Eingezogen: 1 Lastschrift/.test(report), `report names what was collected: ${report}`);
    // A customer with neither a mandate nor a payment setting pays by transfer (sepa.report.not_direct_debit).
    const withoutMandate = [...report.matchAll(/Kunde (\d+)[^)]*\): (?:der Kunde zahlt per Überweisung|kein Lastschriftmandat)/g)].map((m) => m[1]).sort();
    assertEqual(withoutMandate, ["10002", "10003"], `customers without a mandate in the report (${report})`);
    await pane.locator('[data-testid="step-bill-sepa"]').screenshot({ path: path.join(SCREENSHOTS, "sepa-de-exported.png") });
    const width = await sepa.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    assert(width.scroll <= width.client, `SEPA section overflows: ${JSON.stringify(width)}`);

    await clickAndSettle(page, '[data-testid="sepa-export"]');
    const confirm = await sepa.locator('[data-testid="sepa-repeat-confirm"]').innerText();
    assert(confirm.includes("Lauf schon exportiert") && confirm.includes("run-00002") && confirm.includes("doppelt"), `a second export asks: ${confirm}`);
    await pane.locator('[data-testid="step-bill-sepa"]').screenshot({ path: path.join(SCREENSHOTS, "sepa-de-repeat.png") });
    const [again] = await Promise.all([page.waitForEvent("download", { timeout: 10_000 }), page.click('[data-testid="sepa-repeat-yes"]')]);
    await settled(page);
    assert(again.suggestedFilename() !== download.suggestedFilename(), `the repeat has a new message id: ${again.suggestedFilename()}`);
    assert(fs.readFileSync(await again.path(), "utf8").includes("MUELLER-2026-01"), "the repeat holds the mandate");
  });

  await check("[preview] undo the run (a draft, never exported), then undo the applied review: the store is back", async () => {
    await page.click('[data-testid="billing-undo"]');
    await clickAndSettle(page, '[data-testid="billing-undo-yes"]');
    const afterRunUndo = await counts(page);
    assertEqual(afterRunUndo.ledger, seed.ledger, "ledger back to before the run");
    await page.click("#tab-reconcile");
    await clickAndSettle(page, '[data-testid="undo-apply"]');
    const now = await counts(page);
    assertEqual(now.contractVersions, seed.contractVersions, "versions back to the seed");
    assert((await pane.locator('[data-testid="step-apply"] [data-testid="step-notice"]').innerText()).includes("rückgängig gemacht: 4 Versionen entfernt"), "undo reported");
  });

  await check("[preview] master data to sheets, a CSV template (Vorlage), backup download, data-safety notice", async () => {
    await page.click("#tab-masterData");
    // One primary button per area, the next step: nothing imported yet → the import; sheets written → read Verträge back.
    assertEqual(await primaryButtons(page, '[data-testid="tab-panel"]'), ["CSV-Dateien prüfen …"], "Stammdaten: one primary button, the import (checked first)");
    await clickAndSettle(page, '[data-testid="master-sheets"]');
    const sheets = await sheetNames(page);
    for (const s of ["Kunden", "Verträge", "Artikel"]) assert(sheets.includes(s), `sheet ${s}`);
    assertEqual(await primaryButtons(page, '[data-testid="tab-panel"]'), ["„Verträge“ zurückschreiben"], "Stammdaten: after writing the sheets, reading Verträge back");
    // the sheets' check (Prüfen) before writing back, beside the direct write-back
    await clickAndSettle(page, '[data-testid="check-sheet-contracts"]');
    assert((await pane.locator('[data-testid="section-sheets"]').innerText()).includes("„Verträge“ enthält keine Änderungen."), "an unchanged sheet: nothing to write back");
    assertEqual(await pane.locator('[data-testid="import-check"]').count(), 0, "no check result to import");
    await pane.locator('[data-testid="section-sheets"]').screenshot({ path: path.join(SCREENSHOTS, "step-de-master-sheets.png") });
    const contracts = await values(page, "Verträge");
    assertEqual(contracts[0].slice(0, 3), ["Kundennummer", "Kundenname", "Vertragsnummer"], "Verträge header in German");
    await page.click('[data-testid="template-download"]');
    const [template] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="template-time"]')]);
    assertEqual(template.suggestedFilename(), "vorlage-zeiten.csv", "template file name");
    assertEqual(fs.readFileSync(await template.path(), "utf8").replace(/^\uFEFF/, "").split("\r\n")[0], "ticket_no,customer_no,contract_no,date,start,end,minutes,technician,activity,billable,description", "template header");
    const [backup] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="backup-download"]')]);
    const doc = JSON.parse(fs.readFileSync(await backup.path(), "utf8"));
    assertEqual(doc.format, "msp-billing-backup", "backup format");
    assertEqual(doc.tables.contracts.length, 4, "contracts in the backup");
    const persisted = await page.evaluate(() => (navigator.storage && navigator.storage.persisted ? navigator.storage.persisted() : null));
    const notice = await page.locator('[data-testid="storage-notice"]').count();
    assert(persisted === true || notice === 1, `a warning while the store is not persistent (persisted: ${persisted})`);
  });

  await check("[preview] several files at once (xlsx and CSV) are read in the Web Worker", async () => {
    const grid = await values(page, SAMPLE_SHEET);
    // A German re-export: `;`, decimal commas, DD.MM.YYYY, Windows-1252 (decoded with iconv-lite and
    // the Buffer polyfill inside the worker).
    const german = (c) => {
      if (typeof c === "number") return String(c).replace(".", ",");
      const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(c);
      return m ? `${m[2].padStart(2, "0")}.${m[1].padStart(2, "0")}.${m[3]}` : String(c);
    };
    const csv = grid.map((r) => r.map((c) => german(c)).map((c) => (/[";\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(";")).join("\r\n");
    const ExcelJS = require("exceljs");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Sheet1");
    grid.forEach((r) => ws.addRow(r));
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    await page.click("#tab-reconcile");
    await page.setInputFiles('[data-testid="vendor-files"]', [
      { name: "nce-2026-10.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "latin1") },
      { name: "nce-2026-10.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: xlsx },
    ]);
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="source-summary"]')].map((e) => e.textContent).join(" ").includes("nce-2026-10.xlsx") && !document.querySelector('[data-testid="task-progress"]'), null, { timeout: 30_000 });
    const cards = await pane.locator('[data-testid="source-summary"]').allInnerTexts();
    assertEqual(cards.length, 2, `one summary per file: ${await pane.locator('[data-testid="step-source"]').innerText()}`);
    for (const card of cards) assert(card.includes("Microsoft NCE invoice reconciliation") && /Zeilen\s*11/.test(card), `file read: ${card}`);
    for (const card of cards) assert(card.includes("01.10.2026 – 04.11.2026"), `period read: ${card}`);
    assert(cards[0].includes("Kodierung: windows-1252 · Trennzeichen: ;"), `encoding and delimiter detected: ${cards[0]}`);
    const workerUsed = await page.evaluate(() => window.performance.getEntriesByType("resource").some((e) => /msp-vendor-parser\.js$/.test(e.name)));
    assert(workerUsed, "the parsing worker was loaded");
  });

  await check("[preview] a file no profile recognises: its problem, and nothing is reconciled", async () => {
    await page.setInputFiles('[data-testid="vendor-files"]', [{ name: "unbekannt.csv", mimeType: "text/csv", buffer: Buffer.from("Kunde;Menge\nA;1\n", "utf8") }]);
    await page.waitForFunction(() => document.querySelector('[data-testid="source-summary"]')?.textContent.includes("unbekannt.csv") && !document.querySelector('[data-testid="task-progress"]'), null, { timeout: 30_000 });
    const card = await pane.locator('[data-testid="source-summary"]').innerText();
    assert(card.includes("keines erkannt") && card.includes("Kein Dateiprofil passt") && card.includes("Zeile 1"), `card: ${card}`);
    const notice = await pane.locator('[data-testid="step-source"] [data-testid="step-notice"]').innerText();
    assert(notice.includes("bis dahin wird nichts abgeglichen"), `notice: ${notice}`);
    assertEqual(await pane.locator('[data-testid="status-counts"]').count(), 0, "no reconciliation");
  });

  await check("[preview] vendor profile editor: a file of an unknown layout gets its profile in the pane, then reconciles", async () => {
    const file = "cloudhaus-2026-11.csv";
    const bytes = fs.readFileSync(path.join(ROOT, "test/fixtures/vendor-unknown", file));
    await page.setInputFiles('[data-testid="vendor-files"]', [{ name: file, mimeType: "text/csv", buffer: bytes }]);
    await page.waitForSelector('[data-testid="profile-editor"]', { timeout: 30_000 });
    const editor = pane.locator('[data-testid="step-profile"]');
    assert((await editor.innerText()).includes(`Kein Profil kennt die Spalten von „${file}“`), `editor intro: ${await editor.innerText()}`);
    // proposed from the German header words and the values
    for (const [field, header] of [["customerId", "Endkunde Nr."], ["customerName", "Endkunde"], ["articleKey", "Artikelcode"], ["quantity", "Stück"], ["unitCost", "EK netto"], ["periodFrom", "Leistungsbeginn"], ["chargeType", "Vorgang"]])
      assertEqual(await page.inputValue(`[data-testid="profile-col-${field}"]`), header, `proposed column for ${field}`);
    assertEqual(await page.inputValue('[data-testid="profile-date-format"]'), "DD.MM.YYYY", "date format from the values");
    // an invalid mapping: the message next to the field, nothing saved, nothing reconciled
    await page.selectOption('[data-testid="profile-col-quantity"]', "");
    await page.click('[data-testid="profile-save"]');
    const quantityField = editor.locator('.fui-Field:has([data-testid="profile-col-quantity"])');
    assert((await quantityField.innerText()).includes("Bitte eine Spalte wählen."), `message next to the field: ${await quantityField.innerText()}`);
    assertEqual(await pane.locator('[data-testid="status-counts"]').count(), 0, "nothing reconciled");
    await page.selectOption('[data-testid="profile-col-quantity"]', "Stück");
    await page.fill('[data-testid="profile-name"]', "Cloudhaus Monatsabrechnung");
    const preview = pane.locator('[data-testid="profile-preview"]');
    assertEqual(await preview.locator("li").count(), 4, "the four rows previewed");
    const shown = await preview.innerText();
    assert(shown.includes("CH-4711 · Müller GmbH") && shown.includes("10 × 4,99 EUR") && shown.includes("01.11.2026 – 30.11.2026"), `preview as read: ${shown}`);
    // The editor is taller than the window: a tall window for its picture, then back.
    const viewport = page.viewportSize();
    await page.setViewportSize({ width: viewport.width, height: 2600 });
    await editor.screenshot({ path: path.join(SCREENSHOTS, "step-de-profile-editor.png") });
    await page.setViewportSize(viewport);
    await clickAndSettle(page, '[data-testid="profile-save"]');
    await page.waitForSelector('[data-testid="status-counts"]', { timeout: 30_000 });
    const card = await pane.locator('[data-testid="source-summary"]').innerText();
    assert(card.includes("Cloudhaus Monatsabrechnung") && /Zeilen\s*4/.test(card), `file read with the new profile: ${card}`);
    assert((await pane.locator('[data-testid="profile-saved"]').innerText()).includes("Cloudhaus Monatsabrechnung"), "saved notice");
    assertEqual(await page.inputValue('[data-testid="reconcile-month"]'), "11.2026", "month from the file");
    const statuses = await pane.locator('[data-testid="status-counts"] li').evaluateAll((els) => els.map((el) => el.dataset.status));
    assert(statuses.includes("unmapped_customer"), `reconciled (customers still to map): ${statuses}`);
    await pane.locator('[data-testid="step-source"]').screenshot({ path: path.join(SCREENSHOTS, "step-de-profile-reconciled.png") });
    await page.click("#tab-masterData");
    assert((await pane.locator('[data-testid="profile-list"]').innerText()).includes("Cloudhaus Monatsabrechnung"), "the profile is listed under Stammdaten");
    await page.click("#tab-reconcile");
  });

  await check("[preview] Einkauf: purchase and links import, links report sheet, price update proposal → apply → undo", async () => {
    const csv = (name, text) => ({ name, mimeType: "text/csv", buffer: Buffer.from(text, "utf8") });
    await page.click("#tab-purchase");
    assertEqual(await primaryButtons(page, '[data-testid="tab-panel"]'), ["Einkaufsverträge (CSV)"], "Einkauf: one primary button, the import");
    await page.setInputFiles('[data-testid="purchase-file"]', [csv("einkauf.csv", [
      "supplier,purchase_no,supplier_ref,position_no,article_no,description,object,quantity,unit_cost,billing_interval,valid_from",
      "Distributor AG,EK-200,KD-1,1,M365-BP,,Lizenzen Müller,10,18.60,monthly,2026-01-01",
    ].join("\n"))]);
    await page.waitForSelector('[data-testid="purchase-import-result"]', { timeout: 30_000 });
    await settled(page);
    await page.setInputFiles('[data-testid="links-file"]', [csv("links.csv", "purchase_no,purchase_position_no,contract_no,position_no\nEK-200,1,V-1001,1\n")]);
    await page.waitForFunction(() => /Verknüpfungen importiert|Links imported/.test(document.querySelector('[data-testid="purchase-import-result"]')?.textContent || ""), null, { timeout: 30_000 });
    await settled(page);
    await clickAndSettle(page, '[data-testid="links-report"]');
    assert((await sheetNames(page)).includes("Einkauf Verknüpfungen"), "links report sheet written");
    const report = await values(page, "Einkauf Verknüpfungen");
    assertEqual(report[0][0], "Status", "links report header");
    assert(report.some((r) => r.includes("V-1001")), "V-1001 in the links report");
    await clickAndSettle(page, '[data-testid="links-edit-write"]');
    const edit = await values(page, "Verknüpfungen bearbeiten");
    assertEqual(edit[0].slice(0, 5).join(","), "Einkaufsvertrag,Einkaufsposition,Vertragsnummer,Position,Aktion", "links sheet header");
    assert(edit.some((r) => r[0] === "EK-200" && r[2] === "V-1001" && r[4] === "verknüpfen"), "the imported link in the links sheet");
    assertEqual(await primaryButtons(page, '[data-testid="tab-panel"]'), ["Blatt übernehmen"], "Einkauf: the written links sheet is read back next");
    await clickAndSettle(page, '[data-testid="links-edit-apply"]');
    const applied = await pane.locator('[data-testid="purchase-import-result"]').innerText();
    assert(/Verknüpfungen importiert/.test(applied) && /Unverändert\s*1/.test(applied), `links sheet applied unchanged: ${applied}`);
    await page.fill('[data-testid="price-position"]', "EK-200:1");
    await page.fill('[data-testid="price-cost"]', "19.00");
    await page.fill('[data-testid="price-from"]', "2026-12-01");
    await clickAndSettle(page, '[data-testid="price-propose"]');
    const issues = await pane.locator('[data-testid="price-issues"]').count();
    assertEqual(issues, 0, `no problems: ${issues ? await pane.locator('[data-testid="price-issues"]').innerText() : ""}`);
    const sheet = (await sheetNames(page)).find((n) => n.startsWith("Preisaktualisierung"));
    assert(sheet, "proposal sheet written");
    assertEqual(await primaryButtons(page, '[data-testid="tab-panel"]'), ["Übernehmen"], "Einkauf: the proposal is applied next");
    await clickAndSettle(page, '[data-testid="price-apply"]');
    const result = await pane.locator('[data-testid="price-result"], [data-testid="price-notice"], [data-testid="price-issues"]').first().innerText();
    assert(/Preise übernommen/.test(result) && /Neue Verkaufsversionen\s*1/.test(result), `apply result: ${result}`);
    await clickAndSettle(page, '[data-testid="price-result"] button');
    assert((await pane.locator('[data-testid="price-notice"]').innerText()).includes("rückgängig"), "undo reported");
  });

  await check("[preview] Kostenprüfung: a vendor file and a month write the cost check sheet", async () => {
    await page.click("#tab-purchase");
    const grid = await values(page, SAMPLE_SHEET);
    const csv = grid.map((r) => r.map((c) => String(c)).map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",")).join("\n");
    await page.fill('[data-testid="cost-month"]', "2026-10");
    await page.setInputFiles('[data-testid="cost-file"]', [{ name: "nce-2026-10.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") }]);
    await page.waitForSelector('[data-testid="cost-result"], [data-testid="cost-issues"]', { timeout: 30_000 });
    await settled(page);
    const text = await pane.locator('[data-testid="cost-result"], [data-testid="cost-issues"]').first().innerText();
    assert(text.includes("Kostenprüfung 2026-10"), `cost check result: ${text}`);
    const sheet = await values(page, "Kostenprüfung 2026-10");
    assert(sheet[0].includes("Befund") && sheet.length > 1, "cost check sheet with findings");
  });

  await check("[preview] Zeiten/Zähler: a bad meter file names file, row and column; nothing imported", async () => {
    await page.click("#tab-usage");
    assertEqual(await primaryButtons(page, '[data-testid="tab-panel"]'), ["Zeiten importieren (CSV)"], "Zeiten/Zähler: one primary button, the time import");
    await page.setInputFiles('[data-testid="meters-file"]', [{ name: "zaehler.csv", mimeType: "text/csv", buffer: Buffer.from("device_id,customer_no,contract_no,reading_date,counter_bw,counter_color\nD1,10001,V-1001,2026-13-45,100,10\n", "utf8") }]);
    await page.waitForSelector('[data-testid="usage-issues"]', { timeout: 30_000 });
    const text = await pane.locator('[data-testid="usage-issues"]').innerText();
    assert(text.includes("zaehler.csv") && text.includes("reading_date"), `issue names file and column: ${text}`);
    // Empty state: no contract has a contingent yet, so the pane says so instead of writing an empty sheet.
    await clickAndSettle(page, '[data-testid="balance-write"]');
    const empty = await pane.locator('[data-testid="section-balance"] [data-testid="usage-notice"]').innerText();
    assert(empty.includes("Kein Vertrag hat ein Stundenkontingent"), `empty state next to its button: ${empty}`);
    assert(!(await sheetNames(page)).some((n) => n.startsWith("Kontingente ")), "no empty contingent sheet");
  });

  await check("[preview] Zeiten prüfen: rules file, time CSV, review sheet, one entry set to Nein, decisions applied", async () => {
    const file = (name, text, mimeType = "text/csv") => ({ name, mimeType, buffer: Buffer.from(text, "utf8") });
    // support articles through the master-data import (the demo store has none)
    await page.click("#tab-masterData");
    await importMasterFiles(page, [file("artikel-support.csv", "article_no,description,unit_price,vat_pct\nSUP-R,Remote-Support,87.40,19\nSUP-O,Vor-Ort-Service,104.00,19\nTRAVEL,Anfahrtspauschale,45.00,19\n")]);
    await settled(page);
    await page.click("#tab-usage");
    const rules = WALK_TIME_RULES;
    await page.setInputFiles('[data-testid="rules-file"]', [file("regeln.json", JSON.stringify(rules), "application/json")]);
    await page.waitForSelector('[data-testid="rules-saved"]', { timeout: 30_000 });
    const summary = await pane.locator('[data-testid="rules-summary"]').innerText();
    assert(/Arbeitseinheit\s*15 min/.test(summary) && /Verträge mit Zeitregeln\s*V-2002/.test(summary), `rules summary: ${summary}`);
    await page.setInputFiles('[data-testid="time-file"]', [file("zeiten-november.csv", [
      "ticket_no,customer_no,date,start,end,minutes,technician,activity,billable,description",
      "7001,10002,2026-11-03,09:00,10:30,,jm,remote,ja,Server-Update",
      "7002,10002,2026-11-04,18:30,19:00,,jm,remote,ja,Abendeinsatz",
      "7003,10001,2026-11-05,,,60,ab,onsite,ja,Drucker vor Ort",
    ].join("\n"))]);
    await page.waitForSelector('[data-testid="usage-import-result"]', { timeout: 30_000 });
    await settled(page);
    await page.fill('[data-testid="time-review-month"]', "11.2026");
    await clickAndSettle(page, '[data-testid="time-review-write"]');
    const sheet = "Zeiten 2026-11";
    assert((await sheetNames(page)).includes(sheet), `sheet ${sheet} written`);
    const written = await pane.locator('[data-testid="time-review-notice"]').innerText();
    assertEqual(await primaryButtons(page, '[data-testid="tab-panel"]'), ["Entscheidungen übernehmen"], "Zeiten/Zähler: the review sheet is read back next");
    // 43.70 (2 of 6 units after the included hour) + 54.63 (evening) + 104.00 + 45.00 (on site, travel)
    assert(written.includes("3 offene Einträge") && written.includes("247,33"), `review notice: ${written}`);
    const grid = await values(page, sheet);
    assertEqual(grid[0].slice(0, 3), ["Status", "abrechnen", "Datum"], "review header");
    const row = await rowWhere(page, sheet, { ticket_no: "7003" });
    const header = grid[0].map(String);
    assertEqual(grid[row - 1][header.indexOf("Nettobetrag")], 149, "on-site entry with its travel fee");
    assertEqual(await page.evaluate(([s, a1]) => window.__msp.env.workbook.validationList(s, a1), [sheet, `B${row}`]), ["Ja", "Nein"], "decision drop-down");
    await pane.locator('[data-testid="section-time-review"]').screenshot({ path: path.join(SCREENSHOTS, "step-de-time-review.png") });
    await page.screenshot({ path: path.join(SCREENSHOTS, "preview-de-time-review.png") });
    await chooseInCell(page, sheet, `B${row}`, "Nein");
    await clickAndSettle(page, '[data-testid="time-review-apply"]');
    const applied = await pane.locator('[data-testid="time-review-notice"]').innerText();
    assertEqual(await primaryButtons(page, '[data-testid="tab-panel"]'), ["Kontingente schreiben"], "Zeiten/Zähler: after the decisions, the hour balances");
    assert(applied.includes("Entscheidungen übernommen: 0 freigegeben, 1 zurückgestellt, 2 unverändert."), `apply notice: ${applied}`);
    await clickAndSettle(page, '[data-testid="time-review-write"]');
    const again = await values(page, sheet);
    const status = again.find((r) => String(r[header.indexOf("Ticket")]) === "7003");
    assertEqual([status[0], status[1], status[header.indexOf("Nettobetrag")]], ["Nicht abrechenbar", "Nein", ""], "withdrawn entry in the new review");
    assert((await pane.locator('[data-testid="time-review-notice"]').innerText()).includes("98,33"), "the amount without the withdrawn entry");
    // With V-2002's contingent from the rules the balance sheet is written.
    await page.fill('[data-testid="balance-month"]', "11.2026");
    await clickAndSettle(page, '[data-testid="balance-write"]');
    assert((await sheetNames(page)).includes("Kontingente 2026-11"), `contingent sheet written (${await sheetNames(page)})`);
  });

  await check("[preview] Verbrauch (Azure): Azure plan lines of the NCE file imported, price rules, review sheet, one row held, decisions applied", async () => {
    const sample = (name, mimeType = "text/csv") => ({ name, mimeType, buffer: fs.readFileSync(path.join(ROOT, "samples", name)) });
    // the usage article through the master-data import (the demo store has none)
    await page.click("#tab-masterData");
    await importMasterFiles(page, [{ name: "artikel-azure.csv", mimeType: "text/csv", buffer: Buffer.from("article_no,description,unit_price,vat_pct\nAZURE,Azure-Verbrauch,0,19\n", "utf8") }]);
    await settled(page);
    await page.click("#tab-usage");
    await page.setInputFiles('[data-testid="usage-rules-file"]', [sample("usage-rules.json", "application/json")]);
    await page.waitForSelector('[data-testid="usage-review-notice"]', { timeout: 30_000 });
    await settled(page);
    const rules = await pane.locator('[data-testid="usage-review-notice"]').innerText();
    assert(rules.includes("Preisregeln gespeichert: 1 Kundenregel"), `rules notice: ${rules}`);
    await page.setInputFiles('[data-testid="usage-file"]', [sample("azure-usage-2026-10.csv")]);
    await page.waitForSelector('[data-testid="usage-review-import"]', { timeout: 30_000 });
    await settled(page);
    const imported = await pane.locator('[data-testid="usage-review-import"]').innerText();
    assert(/Verbrauchszeilen\s*3/.test(imported) && /Monate\s*2026-10/.test(imported), `import facts: ${imported}`);
    assertEqual(await page.inputValue('[data-testid="usage-review-month"]'), "10.2026", "review month from the file");
    await clickAndSettle(page, '[data-testid="usage-review-write"]');
    const sheet = "Verbrauch 2026-10";
    assert((await sheetNames(page)).includes(sheet), `sheet ${sheet} written`);
    const written = await pane.locator('[data-testid="usage-review-notice"]').innerText();
    // 62.18 + 47.83 cost + 15 %, 8.63 cost + 10 % (each net to the cent): 71.51 + 55.00 + 9.49
    assert(written.includes("3 offene Sätze") && written.includes("136,00"), `review notice: ${written}`);
    const grid = await values(page, sheet);
    assertEqual(grid[0].slice(0, 4), ["Status", "Entscheidung", "Monat", "Kundennr"], "review header in German");
    const row = await rowWhere(page, sheet, { Kundennr: "10002" });
    assertEqual(await page.evaluate(([s, a1]) => window.__msp.env.workbook.validationList(s, a1), [sheet, `B${row}`]), ["freigeben", "zurückhalten"], "decision drop-down");
    await pane.locator('[data-testid="section-usage-review"]').screenshot({ path: path.join(SCREENSHOTS, "step-de-usage-review.png") });
    await page.screenshot({ path: path.join(SCREENSHOTS, "preview-de-usage-review.png") });
    await chooseInCell(page, sheet, `B${row}`, "zurückhalten");
    await clickAndSettle(page, '[data-testid="usage-review-apply"]');
    const applied = await pane.locator('[data-testid="usage-review-notice"]').innerText();
    assert(applied.includes("0 freigegeben, 1 zurückgehalten, 2 unverändert"), `apply notice: ${applied}`);
    await clickAndSettle(page, '[data-testid="usage-review-write"]');
    assert((await pane.locator('[data-testid="usage-review-notice"]').innerText()).includes("126,51"), "the amount without the held row");
    const again = await values(page, sheet);
    assertEqual(again.find((r) => String(r[3]) === "10002").slice(0, 2), ["zurückgehalten", "zurückhalten"], "held row in the new review");
  });

  await check("[preview] Protokoll: recent audit entries, filterable", async () => {
    await page.click("#tab-audit");
    await page.waitForSelector('[data-testid="audit-list"]', { timeout: 30_000 });
    const all = await pane.locator('[data-testid="audit-list"] li').count();
    assert(all > 0, "audit entries shown");
    const texts = await pane.locator('[data-testid="audit-list"] li').allInnerTexts();
    const coded = texts.filter((t) => codeWordsIn(t).length > 0);
    assertEqual(coded, [], "audit entries read as sentences, no keys like contract.version.add");
    assert(texts.some((t) => t.includes("Vertrag/Position V-1001/1: neuer Stand")), `a contract version as a sentence: ${texts.slice(0, 5).join(" | ")}`);
    await page.fill('[data-testid="audit-filter"]', "Einkaufsvertrag");
    const filtered = await pane.locator('[data-testid="audit-list"] li').count();
    assert(filtered > 0 && filtered <= all, `filter keeps matching rows (${filtered} of ${all})`);
    await page.fill('[data-testid="audit-filter"]', "");
  });

  await check("[preview] Festschreiben und Storno: bill November, undo dialog of the draft, the first export asks and issues, further exports without asking, undo refused with the way to cancel, cancel one invoice, e-invoice ZIP", async () => {
    const file = (name, text, mimeType = "text/csv") => ({ name, mimeType, buffer: Buffer.from(text, "utf8") });
    // e-invoices need each customer's address and inbox: the stored contract rows again, with the customer columns
    await page.click("#tab-masterData");
    const customers = [
      "customer_no,customer_name,contract_no,contract_type,billing_interval,billing_mode,contract_start,position_no,article_no,quantity,unit_price,valid_from,customer_street,customer_postcode,customer_city,customer_email,einvoice_format",
      "10001,Müller GmbH,V-1001,license,monthly,advance,2026-01-01,1,M365-BP,10,20.60,2026-01-01,Hauptstraße 1,20095,Hamburg,rechnung@mueller.example,zugferd",
      "10002,Schäfer KG,V-2001,license,monthly,advance,2026-03-01,1,M365-BP,4,21.00,2026-03-01,Marktplatz 2,10115,Berlin,buchhaltung@schaefer.example,xrechnung-ubl",
      "10003,Neukunde AG,V-3001,managed_service,monthly,advance,2026-09-01,1,MS-BASIC,1,49.00,2026-09-01,Industriestraße 5,80331,München,ap@neukunde.example,",
    ].join("\n");
    // Prüfen first: what the file would change, nothing stored yet; then Importieren.
    await page.setInputFiles('[data-testid="master-files"]', [file("kunden-erechnung.csv", customers)]);
    await page.waitForSelector('[data-testid="import-check"]', { timeout: 30_000 });
    await settled(page);
    const checked = await pane.locator('[data-testid="import-check"]').innerText();
    assert(checked.includes("Geprüft: kunden-erechnung.csv – noch nichts gespeichert") && /Kunden\s*3/.test(checked), `the check: ${checked}`);
    await pane.locator('[data-testid="section-import"]').screenshot({ path: path.join(SCREENSHOTS, "step-de-master-check.png") });
    await clickAndSettle(page, '[data-testid="import-checked"]');
    await page.waitForSelector('[data-testid="import-result"]', { timeout: 30_000 });
    assertEqual(await pane.locator('[data-testid="import-check"]').count(), 0, "the check is gone after the import");
    assertEqual(await pane.locator('[data-testid="section-import"] [data-testid="issues"]').count(), 0, `customer data imported: ${await pane.locator('[data-testid="section-import"]').innerText()}`);

    await page.click("#tab-billing");
    await page.waitForFunction(() => document.querySelector('[data-testid="billing-month"]')?.value !== "", null, { timeout: 10_000 }).catch(() => undefined);
    assertEqual(await page.inputValue('[data-testid="billing-month"]'), "11.2026", "November again after the undo");
    await page.fill('[data-testid="invoice-date"]', "02.11.2026");
    await clickAndSettle(page, '[data-testid="billing-preview"]');
    await page.click('[data-testid="billing-run"]');
    await clickAndSettle(page, '[data-testid="billing-confirm-yes"]');
    const runId = /run-\d+/.exec(await pane.locator('[data-testid="latest-run"]').innerText())[0];
    // full company data for e-invoices (contact, VAT id, IBAN, payment terms)
    const company = {
      name: "Systemhaus Beispiel GmbH", address: "Hauptstraße 5\n20095 Hamburg", taxNumber: "22/123/45678", vatId: "DE123456789",
      contactName: "Buchhaltung, Erika Beispiel", phone: "+49 40 1234567", email: "rechnung@systemhaus.example",
      iban: "DE02120300000000202051", paymentTerms: "Zahlbar innerhalb von 14 Tagen ohne Abzug.",
    };
    await page.setInputFiles('[data-testid="export-settings-file"]', [file("firma.json", JSON.stringify({ company }), "application/json")]);
    await settled(page);

    const step = pane.locator('[data-testid="step-bill-lifecycle"]');
    await page.waitForFunction((id) => document.querySelector('[data-testid="lifecycle-state"]')?.textContent.includes(id), runId, { timeout: 10_000 });
    assert((await step.locator('[data-testid="lifecycle-state"]').innerText()).includes("Entwurf"), "the new run is a draft");

    // undo of the draft says what it does
    await page.click('[data-testid="billing-undo"]');
    await page.waitForSelector('[data-testid="billing-undo-yes"]', { timeout: 10_000 });
    const draftText = await pane.locator('[data-testid="billing-undo-confirm"]').innerText();
    assert(/3 Rechnungen/.test(draftText) && draftText.includes("zurückgegeben"), `draft undo text: ${draftText}`);
    await pane.locator('[data-testid="step-bill-export"]').screenshot({ path: path.join(SCREENSHOTS, "lifecycle-de-undo-draft.png") });
    await pane.locator('[data-testid="billing-undo-confirm"] button', { hasText: "Abbrechen" }).click();

    // Festschreiben says what it does; here the first export issues the run instead
    await page.click('[data-testid="lifecycle-finalize"]');
    const finalizeText = await step.locator('[data-testid="lifecycle-finalize-confirm"]').innerText();
    assert(finalizeText.includes("nicht mehr rückgängig") && finalizeText.includes("Stornorechnung"), `finalize text: ${finalizeText}`);
    await step.screenshot({ path: path.join(SCREENSHOTS, "lifecycle-de-finalize-confirm.png") });
    await step.locator('[data-testid="lifecycle-finalize-confirm"] button', { hasText: "Abbrechen" }).click();
    assertEqual(await step.locator('[data-testid="lifecycle-finalize-confirm"]').count(), 0, "Festschreiben not confirmed");

    // the first export of the draft asks, then issues it; the file comes after the run is issued
    const exportStep = pane.locator('[data-testid="step-bill-export"]');
    await page.check('input[type="radio"][value="generic"]');
    await page.click('[data-testid="billing-export"]');
    await page.waitForSelector('[data-testid="billing-export-confirm"]', { timeout: 10_000 });
    const question = await exportStep.locator('[data-testid="billing-export-confirm"]').innerText();
    assert(question.includes(`${runId} ist noch ein Entwurf`) && /3 Rechnungen \(RE-\d+ … RE-\d+\)/.test(question) && question.includes("Stornorechnung"), `export question: ${question}`);
    const [generic] = await Promise.all([page.waitForEvent("download", { timeout: 30_000 }), page.click('[data-testid="billing-export-yes"]')]);
    await settled(page);
    assertEqual(generic.suggestedFilename(), `Rechnungen-2026-11-${runId}.csv`, "file name");
    assertEqual(fs.readFileSync(await generic.path(), "utf8").split("\r\n")[0], INVOICE_HEADER, "first CSV line");
    await page.waitForFunction(() => document.querySelector('[data-testid="lifecycle-state"]')?.textContent.includes("festgeschrieben"), null, { timeout: 10_000 });
    assert((await step.locator('[data-testid="lifecycle-state"]').innerText()).includes("(Export)"), "issued by the export");
    const issuedNotice = await exportStep.locator('[data-testid="step-notice"]').innerText();
    // (October, billed on the way and still a draft, is issued with November: the notice names it)
    assert(/ist damit festgeschrieben(, mit (dem früheren Entwurf|den früheren Entwürfen) [^.]+)?\./.test(issuedNotice) && issuedNotice.includes(`${runId} ist damit festgeschrieben`), `the export says it issued the run: ${issuedNotice}`);
    assertEqual(await pane.locator('[data-testid="billing-export-draft-hint"]').count(), 0, "no draft hint any more");
    await exportStep.screenshot({ path: path.join(SCREENSHOTS, "export-de-issued.png") });

    // issued: every further export without the question (German CSV, Windows-1252, DATEV, the printable invoices)
    await page.check('input[type="radio"][value="de"]');
    const [german] = await Promise.all([page.waitForEvent("download", { timeout: 30_000 }), page.click('[data-testid="billing-export"]')]);
    const de = fs.readFileSync(await german.path(), "utf8").replace(/^\uFEFF/, "");
    assertEqual(de.split("\r\n")[0], INVOICE_HEADER_DE, "first line of the German CSV: German headers");
    assert(de.includes(";Laufend;") && !de.includes(";recurring;") && !de.includes(";difference;"), "German line types in the German CSV");
    downloads.push({ name: german.suggestedFilename(), text: de, delimiter: ";" });
    await page.check('[data-testid="windows-1252"] input[type="checkbox"]');
    const [ansi] = await Promise.all([page.waitForEvent("download", { timeout: 30_000 }), page.click('[data-testid="billing-export"]')]);
    const bytes = fs.readFileSync(await ansi.path());
    assert(bytes.includes(Buffer.from("M\u00fcller", "latin1")) && !bytes.includes(Buffer.from("Müller", "utf8")), "Windows-1252 bytes (iconv-lite with the Buffer polyfill)");
    await page.check('input[type="radio"][value="datev"]');
    const [datev] = await Promise.all([
      page.waitForEvent("download", { timeout: 30_000 }).catch(async (e) => {
        throw new Error(`no DATEV download: ${await exportStep.locator('[data-testid="issues"]').innerText().catch(() => e.message)}`);
      }),
      page.click('[data-testid="billing-export"]'),
    ]);
    assertEqual(datev.suggestedFilename(), `EXTF_Buchungsstapel_2026-11_${runId}.csv`, "DATEV file name");
    const extf = fs.readFileSync(await datev.path()).toString("latin1").split("\r\n");
    assert(extf[0].startsWith('"EXTF";700;21;"Buchungsstapel";13;') && extf[0].includes('"Rechnungsausgang 11/2026"'), `DATEV header line: ${extf[0].slice(0, 120)}`);
    assert(extf[1].startsWith("Umsatz (ohne Soll/Haben-Kz);Soll/Haben-Kennzeichen;"), "DATEV column line");
    assert(extf.length > 3, "bookings written");
    const [docs] = await Promise.all([page.waitForEvent("download", { timeout: 30_000 }), page.click('[data-testid="billing-documents"]')]);
    await settled(page);
    assertEqual(docs.suggestedFilename(), `Rechnungen-2026-11-${runId}.html`, "documents file name");
    const html = fs.readFileSync(await docs.path(), "utf8");
    const pages = html.split('<main class="page">').length - 1;
    assert(pages === 3 && html.includes("Rechnungsnummer") && html.includes("Systemhaus Beispiel GmbH"), `printable invoices (${pages} pages)`);
    assertEqual(await pane.locator('[data-testid="billing-export-confirm"]').count(), 0, "no question for an issued run");

    // undo of the issued run: no undo, the reason, and the way to cancellation
    await page.click('[data-testid="billing-undo"]');
    await page.waitForSelector('[data-testid="billing-undo-to-cancel"]', { timeout: 10_000 });
    const issuedText = await pane.locator('[data-testid="billing-undo-confirm"]').innerText();
    assert(issuedText.includes("festgeschrieben") && issuedText.includes("(Export)") && issuedText.includes("GoBD"), `issued undo text: ${issuedText}`);
    assertEqual(await pane.locator('[data-testid="billing-undo-yes"]').count(), 0, "no undo offered for an issued run");
    await pane.locator('[data-testid="step-bill-export"]').screenshot({ path: path.join(SCREENSHOTS, "lifecycle-de-undo-issued.png") });
    await page.click('[data-testid="billing-undo-to-cancel"]');
    assertEqual(await page.evaluate(() => document.activeElement?.getAttribute("data-testid")), "lifecycle-cancel-invoice", "the invoice picker has the focus");

    // Stornieren: choose the Schäfer invoice, confirm naming number, customer and amount
    const options = await step.locator('[data-testid="lifecycle-cancel-invoice"] option').evaluateAll((os) => os.map((o) => ({ value: o.value, text: o.textContent })));
    const schaefer = options.find((o) => o.text.includes("Schäfer KG"));
    // "choose", all open invoices at once, and the three invoices
    assert(schaefer && options.length === 5 && options[1].value === "*" && options[1].text.startsWith("Alle 3 offenen Rechnungen dieses Laufs"), `picker: ${JSON.stringify(options)}`);
    await page.selectOption('[data-testid="lifecycle-cancel-invoice"]', schaefer.value);
    await page.fill('[data-testid="lifecycle-cancel-date"]', "20.11.2026");
    await page.click('[data-testid="lifecycle-cancel"]');
    const cancelText = await step.locator('[data-testid="lifecycle-cancel-confirm"]').innerText();
    assert(cancelText.includes(schaefer.value) && cancelText.includes("Schäfer KG") && cancelText.includes("€") && cancelText.includes("20.11.2026"), `cancel text: ${cancelText}`);
    await step.screenshot({ path: path.join(SCREENSHOTS, "lifecycle-de-cancel-confirm.png") });
    await clickAndSettle(page, '[data-testid="lifecycle-cancel-yes"]');
    const cancelled = new RegExp(`${schaefer.value} storniert: Stornorechnung (RE-\\d+) über -`).exec(await step.innerText());
    assert(cancelled, `cancellation shown next to the button: ${await step.innerText()}`);
    const storno = cancelled[1];

    // one ZIP: every invoice and the cancellation, each in its customer's format
    const [zip] = await Promise.all([
      page.waitForEvent("download", { timeout: 60_000 }).catch(async (e) => {
        throw new Error(`no ZIP: ${await step.innerText().catch(() => e.message)}`);
      }),
      page.click('[data-testid="lifecycle-einvoice-zip"]'),
    ]);
    await settled(page);
    assertEqual(zip.suggestedFilename(), `E-Rechnungen-2026-11-${runId}.zip`, "ZIP name");
    const { unzipSync } = require("fflate");
    const entries = unzipSync(new Uint8Array(fs.readFileSync(await zip.path())));
    const names = Object.keys(entries);
    assertEqual(names.length, 4, `3 invoices and 1 cancellation: ${names.join(", ")}`);
    assertEqual(names.filter((n) => n.endsWith("_zugferd.pdf")).length, 1, "Müller: ZUGFeRD");
    assertEqual(names.filter((n) => n.endsWith("_xrechnung-ubl.xml")).length, 2, "Schäfer: UBL, its invoice and its cancellation");
    assertEqual(names.filter((n) => n.endsWith("_xrechnung.xml")).length, 1, "Neukunde: XRechnung CII (no format set)");
    const text = (n) => Buffer.from(entries[n]).toString("utf8");
    assert(text(`${storno}_xrechnung-ubl.xml`).includes("<CreditNote") && text(`${storno}_xrechnung-ubl.xml`).includes(schaefer.value), "the cancellation is a credit note referencing the invoice");
    const pdf = names.find((n) => n.endsWith(".pdf"));
    assertEqual(Buffer.from(entries[pdf]).subarray(0, 5).toString("latin1"), "%PDF-", "ZUGFeRD is a PDF");
    assert(Buffer.from(entries[pdf]).includes(Buffer.from("factur-x.xml")), "with the embedded factur-x.xml");
    assert((await step.innerText()).includes(`E-Rechnungen-2026-11-${runId}.zip gespeichert: 4 E-Rechnungen.`), "ZIP result next to the button");
    await step.screenshot({ path: path.join(SCREENSHOTS, "lifecycle-de-done.png") });
    const width = await step.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    assert(width.scroll <= width.client, `lifecycle section overflows: ${JSON.stringify(width)}`);
  });

  await check("[preview] Lauf: after December is billed, November is picked again in step 3 for its file and its cancellations", async () => {
    await page.click("#tab-billing");
    await page.fill('[data-testid="billing-month"]', "12.2026");
    await page.fill('[data-testid="invoice-date"]', "01.12.2026");
    await clickAndSettle(page, '[data-testid="billing-preview"]');
    await page.click('[data-testid="billing-run"]');
    await clickAndSettle(page, '[data-testid="billing-confirm-yes"]');
    const exportStep = pane.locator('[data-testid="step-bill-export"]');
    const step = pane.locator('[data-testid="step-bill-lifecycle"]');
    await page.waitForSelector('[data-testid="billing-run-pick"]', { timeout: 10_000 });
    const runs = await exportStep.locator('[data-testid="billing-run-pick"] option').evaluateAll((os) => os.map((o) => ({ value: o.value, text: o.textContent })));
    assertEqual(runs.length, 3, `December, November and the seed's October: ${JSON.stringify(runs)}`);
    assert(runs[0].text.startsWith("Dezember 2026 – Entwurf") && runs[1].text.startsWith("November 2026 – festgeschrieben"), `newest first, with state: ${JSON.stringify(runs)}`);
    assert((await exportStep.locator('[data-testid="latest-run"]').innerText()).includes(runs[0].value), "step 3 shows the new run first");
    assert((await step.locator('[data-testid="lifecycle-state"]').innerText()).includes("Entwurf"), "the new run is shown first");
    assert(await exportStep.locator('[data-testid="billing-undo"]').isVisible(), "the latest run can be undone");
    await page.selectOption('[data-testid="billing-run-pick"]', runs[1].value);
    await page.waitForFunction((id) => document.querySelector('[data-testid="latest-run"]')?.textContent.includes(id), runs[1].value, { timeout: 10_000 });
    const facts = await exportStep.locator('[data-testid="latest-run"]').innerText();
    assert(facts.includes("November 2026") && !facts.includes("Letzter Lauf"), `step 3 shows November: ${facts}`);
    assertEqual(await exportStep.locator('[data-testid="billing-undo"]').count(), 0, "no undo for November");
    assert((await exportStep.locator('[data-testid="billing-undo-latest-only"]').innerText()).includes("nur für den letzten Lauf"), "one line says why");
    await page.waitForFunction(() => document.querySelector('[data-testid="lifecycle-state"]')?.textContent.includes("festgeschrieben"), null, { timeout: 10_000 });
    const options = await step.locator('[data-testid="lifecycle-cancel-invoice"] option').evaluateAll((os) => os.map((o) => ({ text: o.textContent, disabled: o.disabled })));
    assert(options.some((o) => o.disabled && o.text.includes("storniert durch")), `November's cancelled invoice is shown as such: ${JSON.stringify(options)}`);
    await exportStep.screenshot({ path: path.join(SCREENSHOTS, "export-de-pick-run.png") });
    await step.screenshot({ path: path.join(SCREENSHOTS, "lifecycle-de-pick-run.png") });
    for (const [name, section] of [["export", exportStep], ["lifecycle", step]]) {
      const width = await section.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      assert(width.scroll <= width.client, `${name} section overflows: ${JSON.stringify(width)}`);
    }
  });

  await check("[preview] Rechnungsliste: every invoice of the year with its type, status and what cancels what", async () => {
    await page.click("#tab-billing");
    const section = pane.locator('[data-testid="section-invoice-list"]');
    await page.fill('[data-testid="invoice-list-from"]', "01.01.2026");
    await page.fill('[data-testid="invoice-list-to"]', "31.12.2026");
    await clickAndSettle(page, '[data-testid="invoice-list-write"]');
    assert((await sheetNames(page)).includes("Rechnungsliste"), `sheet Rechnungsliste written (${await sheetNames(page)})`);
    const notice = await section.locator('[data-testid="invoice-list-notice"]').innerText();
    assert(/Rechnungsliste: \d+ Rechnungen/.test(notice), `notice: ${notice}`);
    const grid = await values(page, "Rechnungsliste");
    const header = grid[0].map(String);
    const type = header.indexOf("Art");
    const cancelledBy = header.indexOf("storniert durch");
    assert(type >= 0 && cancelledBy >= 0, `columns: ${header.join(" | ")}`);
    const storno = grid.slice(1).filter((r) => r[type] === "Stornorechnung");
    assertEqual(storno.length, 1, "the walk's one Stornorechnung");
    assert(grid.slice(1).some((r) => String(r[cancelledBy]).startsWith("RE-")), "its invoice names it");
    await section.screenshot({ path: path.join(SCREENSHOTS, "step-de-invoice-list.png") });
    await page.screenshot({ path: path.join(SCREENSHOTS, "preview-de-invoice-list.png") });
  });

  await check("[preview] Zähler prüfen: a click contract, its rule and December's readings give the sheet Zähler 2026-12 with the amounts the run will bill", async () => {
    const file = (name, text, mimeType = "text/csv") => ({ name, mimeType, buffer: Buffer.from(text, "utf8") });
    await page.click("#tab-masterData");
    await importMasterFiles(page, [
      file("artikel-klick.csv", "article_no,description,unit_price,vat_pct\nCL-SW,Seiten s/w,0.008,19\nCL-F,Seiten Farbe,0.06,19\nCL-MIN,Mindestumsatz Klickvertrag,25.00,19\n"),
      file("vertrag-klick.csv", "customer_no,customer_name,contract_no,contract_type,billing_interval,billing_mode,contract_start,position_no,article_no,quantity,unit_price,valid_from\n10002,Schäfer KG,K-9001,click,monthly,arrears,2026-12-01,1,CL-SW,0,0.008,2026-12-01\n"),
    ]);
    await settled(page);
    await page.click("#tab-usage");
    // The time rules of the walk stay; the click rule of K-9001 joins them (the file replaces the document).
    const rules = { ...WALK_TIME_RULES, contracts: { ...WALK_TIME_RULES.contracts, "K-9001": { click: { includedBw: 1000, includedColor: 200, priceBw: "0.008", priceColor: "0.06", minimumFee: "25.00", articleBw: "CL-SW", articleColor: "CL-F", articleMinimum: "CL-MIN" } } } };
    await page.setInputFiles('[data-testid="rules-file"]', [file("regeln-klick.json", JSON.stringify(rules), "application/json")]);
    await page.waitForSelector('[data-testid="rules-saved"]', { timeout: 30_000 });
    await page.setInputFiles('[data-testid="meters-file"]', [file("zaehler-dezember.csv", "device_id,customer_no,contract_no,reading_date,counter_bw,counter_color\nDR-1,10002,K-9001,2026-12-01,1000,100\nDR-1,10002,K-9001,2026-12-31,2500,400\n")]);
    await page.waitForSelector('[data-testid="usage-import-result"]', { timeout: 30_000 });
    await settled(page);
    assertEqual(await primaryButtons(page, '[data-testid="tab-panel"]'), ["Zähler prüfen"], "after a meter import the next step is the meter review");
    await page.fill('[data-testid="meter-review-month"]', "12.2026");
    await clickAndSettle(page, '[data-testid="meter-review-write"]');
    const sheet = "Zähler 2026-12";
    assert((await sheetNames(page)).includes(sheet), `sheet ${sheet} written (${await sheetNames(page)})`);
    const notice = await pane.locator('[data-testid="meter-review-notice"]').innerText();
    // 500 pages b/w over 1,000 included × 0.008 = 4.00, 100 colour over 200 × 0.06 = 6.00, the minimum fee tops up to 25.00
    assert(notice.includes(sheet) && notice.includes("25,00"), `meter review notice: ${notice}`);
    const grid = await values(page, sheet);
    const header = grid[0].map(String);
    const net = header.findIndex((h) => /^Netto/.test(h));
    assert(net >= 0, `a net column: ${header.join(" | ")}`);
    const amounts = grid.slice(1).map((r) => r[net]).filter((v) => v !== "" && v !== null && v !== undefined);
    assertEqual(Math.round(amounts.reduce((a, b) => a + Number(b), 0) * 100), 2500, `the device's share and the minimum fee top-up add up to 25.00: ${JSON.stringify(amounts)}`);
    await pane.locator('[data-testid="section-meter-review"]').screenshot({ path: path.join(SCREENSHOTS, "step-de-meter-review.png") });
    await page.screenshot({ path: path.join(SCREENSHOTS, "preview-de-meter-review.png") });
  });

  await check("[preview] no code words in any sheet the walk wrote or in the German CSV it downloaded", async () => {
    const found = [];
    for (const name of await sheetNames(page)) {
      if (seedSheets.includes(name)) continue; // the vendor's own file, as the clerk opened it
      (await values(page, name)).forEach((row, r) =>
        row.forEach((cell, c) => {
          for (const word of codeWordsIn(cell)) found.push(`${name}!${columnName(c)}${r + 1}: ${word} (in "${String(cell).slice(0, 60)}")`);
        }),
      );
    }
    for (const d of downloads) {
      d.text.split("\r\n").forEach((line, r) => {
        for (const word of codeWordsIn(line)) found.push(`${d.name} line ${r + 1}: ${word}`);
      });
    }
    assertEqual(found, [], "code words");
  });

  await check("[preview] no script errors (CSP violations included)", async () => {
    assertEqual(errors, [], "page errors");
  });
  await page.close();
}

// ---------------------------------------------------------------------------------------------------
// 3. Screenshots of the pane at 350 px (the preview's pane-only view, as Excel shows it)

async function screenshots(context, origin) {
  for (const [lang, theme] of [["de", "light"], ["de", "dark"], ["en", "light"], ["en", "dark"]]) {
    await check(`[screenshots ${lang} ${theme}] pane at ${WIDTH} px: reconcile, billing, purchase, usage, audit, master data`, async () => {
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.setViewportSize({ width: WIDTH, height: HEIGHT });
      await page.goto(`${origin}/preview.html?lang=${lang}&theme=${theme}&view=pane&reset=1`, { waitUntil: "load" });
      await page.waitForSelector('[role="tab"]', { timeout: 30_000 });
      await page.waitForFunction(() => Boolean(window.__msp));
      await clickAndSettle(page, `button:has-text("${EXPECTED[lang].readSheet}")`);
      await page.waitForSelector('[data-testid="status-counts"]');
      await assertNoHorizontalOverflow(page, WIDTH);
      await page.screenshot({ path: path.join(SCREENSHOTS, `pane-${lang}-${theme}-reconcile.png`), fullPage: true });
      await page.click("#tab-billing");
      await clickAndSettle(page, '[data-testid="billing-preview"]');
      await assertNoHorizontalOverflow(page, WIDTH);
      await page.screenshot({ path: path.join(SCREENSHOTS, `pane-${lang}-${theme}-billing.png`), fullPage: true });
      await page.click("#tab-masterData");
      await assertNoHorizontalOverflow(page, WIDTH);
      await page.screenshot({ path: path.join(SCREENSHOTS, `pane-${lang}-${theme}-master.png`), fullPage: true });
      for (const [tab, file] of [["purchase", "purchase"], ["usage", "usage"], ["audit", "audit"]]) {
        await page.click(`#tab-${tab}`);
        await assertNoHorizontalOverflow(page, WIDTH);
        await page.screenshot({ path: path.join(SCREENSHOTS, `pane-${lang}-${theme}-${file}.png`), fullPage: true });
      }
      // the settings forms, one row each added (form state only, nothing saved)
      await page.click("#tab-usage");
      await page.click('[data-testid="flatfee-add"]');
      await page.click('[data-testid="holiday-add"]');
      await page.selectOption('[data-testid="override-contract"]', { index: 1 });
      await page.click('[data-testid="override-add-activity"]');
      await page.selectOption('[data-testid="extras-contract"]', { index: 1 });
      for (const own of ["surcharges", "flatFees", "extraHolidays", "holidaysOff"]) await page.click(`[data-testid="extras-own-${own}"]`);
      await page.click('[data-testid="extras-add-surcharge"]');
      await assertNoHorizontalOverflow(page, WIDTH);
      for (const section of ["rules-flatfees", "rules-holidays", "rules-overrides", "rules-contract-extras"])
        await page.locator(`[data-testid="section-${section}"]`).screenshot({ path: path.join(SCREENSHOTS, `form-${lang}-${theme}-${section}.png`) });
      await page.click("#tab-masterData");
      await page.locator('[data-testid="section-export-profiles"]').screenshot({ path: path.join(SCREENSHOTS, `form-${lang}-${theme}-export-profiles.png`) });
      // a saved profile (loaded from a file, then chosen): its deletion asks first naming it; cancelled
      const saved = { id: "sage", version: 1, name: "Sage 100", delimiter: ";", decimal: ",", dateFormat: "DD.MM.YYYY", encoding: "utf-8", level: "invoice", columns: [{ source: "invoice_ref", header: "BelegNr" }] };
      await page.setInputFiles('[data-testid="profile-json-file"]', [{ name: "sage.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(saved), "utf8") }]);
      await page.waitForSelector('[data-testid="profile-delete"]', { timeout: 30_000 });
      await page.click('[data-testid="profile-delete"]');
      await page.waitForSelector('[data-testid="profile-delete-confirm"]');
      assert((await page.locator('[data-testid="profile-delete-confirm"]').innerText()).includes("Sage 100"), "the confirmation names the profile");
      await assertNoHorizontalOverflow(page, WIDTH);
      await page.locator('[data-testid="section-export-profiles"]').screenshot({ path: path.join(SCREENSHOTS, `form-${lang}-${theme}-export-profile-delete.png`) });
      await page.click('[data-testid="profile-delete-no"]');
      if (lang === "de" && theme === "light") {
        await page.setViewportSize({ width: 320, height: HEIGHT });
        await assertNoHorizontalOverflow(page, 320);
      }
      assertEqual(errors, [], "page errors");
      await page.close();
    });
  }
  await check("[screenshots] the preview page: workbook next to the pane", async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${origin}/preview.html?lang=de&reset=1`, { waitUntil: "load" });
    await page.waitForSelector('[role="tab"]', { timeout: 30_000 });
    await clickAndSettle(page, 'button:has-text("Aktives Blatt lesen")');
    await clickAndSettle(page, 'button:has-text("Prüfblatt schreiben")');
    await page.screenshot({ path: path.join(SCREENSHOTS, "preview-de.png") });
    await page.close();
  });
}

// ---------------------------------------------------------------------------------------------------
// 4. The pane in server mode: a real `msp-billing serve` on an embedded store, an admin made with the
//    CLI, login from the preview page (Verbindung), master data import, reconcile, apply and a
//    billing run — each on the server (checked through the server's API, not the page).

const TEAM_PASSWORD = "e2e-team-password-1";

/** Starts `node bin/msp-billing.js serve` on a fresh embedded store; resolves with its origin. */
/** `msp-billing serve` with an admin: on the embedded store (a temp file), or on `database` (postgres://…). */
async function startTeamServer(corsOrigin, database) {
  const { spawn, execFileSync } = require("node:child_process");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "msp-billing-e2e-team-"));
  const store = database ? ["--database", database] : ["--workspace", path.join(dir, "team.db")];
  const bin = path.join(ROOT, "bin", "msp-billing.js");
  execFileSync(process.execPath, [bin, "user", "add", "--name", "ada", "--role", "admin", ...store], { env: { ...process.env, MSP_BILLING_PASSWORD: TEAM_PASSWORD }, stdio: "pipe" });
  const child = spawn(process.execPath, [bin, "serve", ...store, "--port", "0", "--cors-origin", corsOrigin], { stdio: ["ignore", "ignore", "pipe"] });
  const origin = await new Promise((resolve, reject) => {
    let err = "";
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${err}`)), 30_000);
    child.stderr.on("data", (chunk) => {
      err += chunk;
      const m = / on (http:\/\/127\.0\.0\.1:\d+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on("exit", (code) => reject(new Error(`serve exited with ${code}: ${err}`)));
  });
  return { origin, stop: () => child.kill("SIGTERM"), dir };
}

async function teamApi(team, method, url, body) {
  const login = await fetch(`${team.origin}/api/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ user: "ada", password: TEAM_PASSWORD }) });
  const { token } = await login.json();
  const r = await fetch(`${team.origin}${url}`, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
  return r.json();
}

async function serverMode(context, origin, team) {
  const { page, errors } = await openPreview(context, origin, "lang=de&reset=1");
  const pane = page.locator('[data-testid="pane"]');
  const sample = (name) => ({ name, mimeType: "text/csv", buffer: fs.readFileSync(path.join(ROOT, "samples", name)) });

  await check("[server] Verbindung: log in to the team server from the preview page", async () => {
    assert((await page.innerText('[data-testid="connection-status"]')).includes("Lokal"), "local by default");
    await page.click('[data-testid="connection-change"]');
    await page.click('[data-testid="connection-server"]');
    await page.fill('[data-testid="connection-url"]', team.origin);
    await page.fill('[data-testid="connection-user"]', "ada");
    await page.fill('[data-testid="connection-password"]', "wrong password");
    await page.click('[data-testid="connection-login"]');
    await page.waitForSelector('[data-testid="connection-error"]', { timeout: 15_000 });
    assert((await page.innerText('[data-testid="connection-error"]')).includes("Anmeldung abgelehnt"), "a wrong password is refused");
    await page.fill('[data-testid="connection-password"]', TEAM_PASSWORD);
    await page.click('[data-testid="connection-login"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="connection-status"]')?.textContent.includes("ada (admin)"), null, { timeout: 15_000 });
    assertEqual(await pane.locator('[data-testid="storage-notice"]').count(), 0, "no local-storage notice in server mode");
  });

  await check("[server] master data import runs on the server", async () => {
    await page.click("#tab-masterData");
    // the check (a dry run on the server) stores nothing there; Importieren does
    await page.setInputFiles('[data-testid="master-files"]', [sample("articles.csv"), sample("contracts.csv"), sample("mappings.csv")]);
    await page.waitForSelector('[data-testid="import-checked"]', { timeout: 30_000 });
    assertEqual((await teamApi(team, "GET", "/api/lookups")).contracts.length, 0, "nothing on the server after the check");
    await clickAndSettle(page, '[data-testid="import-checked"]');
    await page.waitForSelector('[data-testid="import-result"]', { timeout: 30_000 });
    const lookups = await teamApi(team, "GET", "/api/lookups");
    assert(lookups.contracts.length >= 4 && lookups.articles.length >= 4, `server has the master data: ${lookups.contracts.length} contracts`);
    const local = await counts(page);
    assertEqual(local.importBatches, 1, "the local demo store is untouched (its seed batch only)");
  });

  await check("[server] reconcile the active sheet and apply the review on the server", async () => {
    await page.click("#tab-reconcile");
    await clickAndSettle(page, 'button:has-text("Aktives Blatt lesen")');
    // The comparison itself is a server call after the sheet was read: wait for its counts.
    await page.waitForSelector('[data-testid="status-counts"] li', { timeout: 20_000 });
    const statuses = await pane.locator('[data-testid="status-counts"] li').evaluateAll((els) => els.map((el) => el.dataset.status));
    if (statuses.length === 0) await page.screenshot({ path: path.join(SCREENSHOTS, "server-mode-de-reconcile-failed.png") });
    assert(statuses.includes("quantity_changed") && statuses.includes("new_position"), `rows per status: ${statuses}; the pane says: ${(await page.locator('[data-testid="tab-panel"]').innerText()).slice(300, 2500).replace(/\n/g, " / ")}`);
    await clickAndSettle(page, 'button:has-text("Prüfblatt schreiben")');
    if (await pane.locator('[data-testid="acknowledge-unmapped"]').count()) await page.check('[data-testid="acknowledge-unmapped"] input[type="checkbox"]');
    const versionsBefore = (await teamApi(team, "GET", "/api/lookups")).versions.length;
    await clickAndSettle(page, '[data-testid="apply-review"]');
    // Übernehmen first shows what it will do; the clerk confirms.
    await clickAndSettle(page, '[data-testid="apply-confirm-yes"]');
    const result = await pane.locator('[data-testid="apply-result"]').innerText();
    const m = /Neue Vertragsversionen\s*(\d+)/.exec(result);
    assert(m && Number(m[1]) > 0, `apply summary: ${result}`);
    const versionsAfter = (await teamApi(team, "GET", "/api/lookups")).versions.length;
    assertEqual(versionsAfter - versionsBefore, Number(m[1]), "the new contract versions are on the server");
    const audit = await teamApi(team, "GET", "/api/audit?limit=500");
    assert(audit.every((e) => e.user === "ada" || e.kind.startsWith("server.user")), "every entry names the user");
  });

  await check("[server] bill October on the server: preview, confirm, run", async () => {
    await page.click("#tab-billing");
    // The area proposes a month once it has read the server's runs: typed before that, the proposal lands in front of the typing.
    await page.waitForFunction(() => document.querySelector('[data-testid="billing-month"]')?.value !== "", null, { timeout: 15_000 });
    await page.fill('[data-testid="billing-month"]', "10.2026");
    await page.fill('[data-testid="invoice-date"]', "02.11.2026");
    await clickAndSettle(page, '[data-testid="billing-preview"]');
    const shown = await page.waitForSelector('[data-testid="billing-preview-result"]', { timeout: 20_000 }).catch(() => null);
    assert(shown, `no preview; the pane says: ${(await page.locator('[data-testid="tab-panel"]').innerText()).slice(0, 1500).replace(/\n/g, " / ")}`);
    const preview = await pane.locator('[data-testid="billing-preview-result"]').innerText();
    assert(/Rechnungen\s*[1-9]/.test(preview), `preview: ${preview}`);
    await page.click('[data-testid="billing-run"]');
    await clickAndSettle(page, '[data-testid="billing-confirm-yes"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="latest-run"]')?.textContent.includes("run-00001"), null, { timeout: 15_000 });
    const runs = await teamApi(team, "GET", "/api/runs");
    assertEqual(runs.map((r) => r.id), ["run-00001"], "one run on the server");
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: path.join(SCREENSHOTS, "server-mode-de-billing.png") });
    await pane.screenshot({ path: path.join(SCREENSHOTS, "server-mode-de-pane.png") });
  });

  await require("./server-lifecycle").serverLifecycle({ page, pane, team, teamApi, check, assert, assertEqual, clickAndSettle, settled, SCREENSHOTS });
  await require("./server-usage-backup")({ page, pane, team, check, assert, assertEqual, clickAndSettle, settled, teamApi, ROOT, SCREENSHOTS });

  await check("[server] log out: back to the local store", async () => {
    await page.click('[data-testid="connection-logout"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="connection-status"]')?.textContent.includes("Lokal"), null, { timeout: 15_000 });
    // The browser logs the refused login with the wrong password (401) itself; nothing else may fail.
    assertEqual(errors.filter((e) => !/status of 401/.test(e)), [], "page errors");
  });
  await page.close();
}

async function main() {
  for (const file of ["taskpane.html", "preview.html"]) {
    if (!fs.existsSync(path.join(DIST, file))) {
      console.log(`not ok - ${path.relative(ROOT, DIST) || "."}/${file} exists (run \`npx webpack --mode production\` first)`);
      console.log("0 passed, 1 failed");
      process.exit(1);
    }
  }
  if (!fs.existsSync(CHROMIUM)) {
    console.log(`not ok - Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
    console.log("0 passed, 1 failed");
    process.exit(1);
  }
  fs.mkdirSync(SCREENSHOTS, { recursive: true });

  const server = createStaticServer(DIST, { index: "taskpane.html" });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "msp-billing-e2e-"));
  const blocked = [];
  let context;
  let stopTeam = () => {};
  let dropPgDatabase = async () => {};
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
      viewport: { width: 1280, height: 800 },
      locale: "en-US",
      acceptDownloads: true,
    });
    const team = await startTeamServer(origin);
    const teamOrigins = [team.origin];
    stopTeam = team.stop;
    // Anything not served by our origin or a team server (except the routed office.js) is a failure.
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(`${origin}/`) || teamOrigins.some((o) => url.startsWith(`${o}/`))) return route.continue();
      blocked.push(url);
      return route.abort("blockedbyclient");
    });

    // E2E_ONLY=server: only the server-mode walk (the rest takes minutes).
    const only = process.env.E2E_ONLY;
    for (const scenario of only ? [] : [
      { language: "de-DE", lang: "de", dark: false },
      { language: "de-DE", lang: "de", dark: true },
      { language: "en-US", lang: "en", dark: false },
      { language: "en-US", lang: "en", dark: true },
    ]) {
      await addinPage(context, origin, scenario);
    }
    if (!only) {
      await previewMonth(context, origin);
      await screenshots(context, origin);
    }
    if (!only || only === "english") await englishMonth(context, origin, { check, assert, assertEqual, openPreview, clickAndSettle, chooseInCell, values, sheetNames, counts });
    if (only !== "english") await serverMode(context, origin, team);
    // The same walk on PostgreSQL (issue 21: "the same works on PostgreSQL in CI"), when a cluster is there (npm test starts one).
    if (only !== "english" && process.env.MSP_TEST_PG_URL) {
      const pg = require("pg");
      const name = `msp_e2e_${process.pid}`;
      const admin = new pg.Client({ connectionString: process.env.MSP_TEST_PG_URL });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      dropPgDatabase = async () => {
        const c = new pg.Client({ connectionString: process.env.MSP_TEST_PG_URL });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      };
      const url = new URL(process.env.MSP_TEST_PG_URL);
      url.pathname = `/${name}`;
      const pgTeam = await startTeamServer(origin, url.toString());
      teamOrigins.push(pgTeam.origin);
      const stopFirst = stopTeam;
      stopTeam = () => {
        stopFirst();
        pgTeam.stop();
      };
      serverLabel = "[server/PostgreSQL]";
      try {
        await serverMode(context, origin, pgTeam);
      } finally {
        serverLabel = "[server]";
      }
    }

    await check("no request left 127.0.0.1 (office.js answered by the stub)", async () => {
      assertEqual(blocked, [], "blocked requests");
    });
  } catch (error) {
    results.push({ name: "harness", ok: false });
    console.log(`not ok - harness\n    ${(error && error.stack) || error}`);
  } finally {
    if (context) await context.close().catch(() => {});
    stopTeam();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await dropPgDatabase().catch((e) => console.log(`# could not drop the e2e database: ${e.message}`));
    server.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }

  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  console.log(`screenshots: ${path.relative(ROOT, SCREENSHOTS)}/`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && passed > 0 ? 0 : 1);
}

main();
