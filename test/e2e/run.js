#!/usr/bin/env node
// Browser smoke test of the built task pane (dist/), outside Excel:
//   npx webpack --mode production && node test/e2e/run.js
// Serves dist/ from node:http on 127.0.0.1 (random port), drives Debian's Chromium through
// playwright-core, answers the office.js CDN request with a stub Office/CustomFunctions script and
// aborts every other request that leaves 127.0.0.1 (counted as a failure). Checks that the pane renders
// in German and English, light and dark, is keyboard-operable, fits 320-350 px, and that the bundle
// registers MSP.PRORATE. Screenshots go to test/e2e/screenshots/. Prints `N passed, N failed`.
// Env: CHROMIUM_PATH (default /usr/bin/chromium).
"use strict";

const fs = require("node:fs");
const http = require("node:http");
const os = require("node:os");
const path = require("node:path");
const { chromium } = require("playwright-core");

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
const SCREENSHOTS = path.join(__dirname, "screenshots");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const WIDTH = 350;
const HEIGHT = 700;

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/** Static server for dist/ on 127.0.0.1 with a random port. */
function serveDist() {
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url, "http://127.0.0.1").pathname);
    const file = path.normalize(path.join(DIST, urlPath === "/" ? "taskpane.html" : urlPath));
    if (!file.startsWith(DIST + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
      return;
    }
    res.writeHead(200, {
      "content-type": TYPES[path.extname(file)] || "application/octet-stream",
      "access-control-allow-origin": "*",
      "cache-control": "no-store",
    });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

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
async function check(name, fn) {
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`ok - ${name}`);
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
  de: { tabs: ["Abgleich", "Abrechnung", "Stammdaten"], notice: "Noch nicht verfügbar" },
  en: { tabs: ["Reconcile", "Billing", "Master data"], notice: "Not available yet" },
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

async function main() {
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) {
    console.log("not ok - dist/taskpane.html exists (run `npx webpack --mode production` first)");
    console.log("0 passed, 1 failed");
    process.exit(1);
  }
  if (!fs.existsSync(CHROMIUM)) {
    console.log(`not ok - Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
    console.log("0 passed, 1 failed");
    process.exit(1);
  }
  fs.mkdirSync(SCREENSHOTS, { recursive: true });

  const server = await serveDist();
  const origin = `http://127.0.0.1:${server.address().port}`;
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "msp-billing-e2e-"));
  const blocked = [];
  let context;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
      viewport: { width: WIDTH, height: HEIGHT },
      locale: "en-US",
    });
    // Anything not served by our origin (except the routed office.js) is a failure.
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(`${origin}/`)) return route.continue();
      blocked.push(url);
      return route.abort("blockedbyclient");
    });

    const scenarios = [
      { language: "de-DE", lang: "de", dark: false },
      { language: "de-DE", lang: "de", dark: true },
      { language: "en-US", lang: "en", dark: false },
      { language: "en-US", lang: "en", dark: true },
    ];

    for (const scenario of scenarios) {
      const label = `${scenario.lang} ${scenario.dark ? "dark" : "light"}`;
      const page = await context.newPage();
      const pageErrors = [];
      page.on("pageerror", (error) => pageErrors.push(String(error)));
      page.on("console", (message) => {
        if (message.type() === "error") pageErrors.push(`console: ${message.text()}`);
      });
      await page.route(OFFICE_JS, (route) =>
        route.fulfill({ status: 200, contentType: "text/javascript", body: officeStub(scenario) }),
      );
      const expected = EXPECTED[scenario.lang];

      await check(`[${label}] task pane renders its tabs`, async () => {
        await page.goto(`${origin}/taskpane.html`, { waitUntil: "load" });
        await page.waitForSelector('[role="tab"]', { timeout: 20_000 });
        // innerText: a Fluent tab also renders a hidden bold copy of its label to reserve space.
        const tabs = await page.$$eval('[role="tab"]', (els) => els.map((el) => (el.innerText || "").trim()));
        assertEqual(tabs, expected.tabs, "tab labels");
        const selected = await page.$$eval('[role="tab"]', (els) => els.map((el) => el.getAttribute("aria-selected")));
        assertEqual(selected, ["true", "false", "false"], "initially selected tab");
        const title = await page.textContent("h1");
        assertEqual(title && title.trim(), "MSP Billing", "title");
        const notice = await page.textContent('[role="tabpanel"]');
        assert(notice && notice.includes(expected.notice), `panel says "${expected.notice}"`);
        const htmlLang = await page.getAttribute("html", "lang");
        assertEqual(htmlLang, scenario.lang, "html lang");
      });

      await check(`[${label}] theme follows Office (${scenario.dark ? "dark" : "light"})`, async () => {
        const background = await page.$eval(".fui-FluentProvider", (el) => getComputedStyle(el).backgroundColor);
        const l = luminance(background);
        assert(scenario.dark ? l < 0.1 : l > 0.8, `background ${background} (luminance ${l.toFixed(3)})`);
      });

      await check(`[${label}] fits ${WIDTH} px without horizontal scrolling`, async () => {
        await assertNoHorizontalOverflow(page, WIDTH);
      });

      await page.screenshot({ path: path.join(SCREENSHOTS, `taskpane-${scenario.lang}-${scenario.dark ? "dark" : "light"}.png`) });

      if (!scenario.dark) {
        await check(`[${label}] tabs are keyboard-operable (Tab, arrow keys, Enter)`, async () => {
          await page.reload({ waitUntil: "load" });
          await page.waitForSelector('[role="tab"]');
          await page.keyboard.press("Tab");
          let focused = await focusedInfo(page);
          assertEqual([focused.role, focused.text], ["tab", expected.tabs[0]], "Tab focuses the selected tab");
          await page.keyboard.press("ArrowRight");
          focused = await focusedInfo(page);
          assertEqual([focused.role, focused.text], ["tab", expected.tabs[1]], "ArrowRight moves to the next tab");
          await page.keyboard.press("Enter");
          const selected = await page.$$eval('[role="tab"]', (els) => els.map((el) => el.getAttribute("aria-selected")));
          assertEqual(selected, ["false", "true", "false"], "Enter selects the focused tab");
          const labelledBy = await page.getAttribute('[role="tabpanel"]', "aria-labelledby");
          assertEqual(labelledBy, "tab-billing", "panel labelled by the selected tab");
          await page.screenshot({ path: path.join(SCREENSHOTS, `taskpane-${scenario.lang}-light-billing.png`) });
          await page.keyboard.press("ArrowRight");
          await page.keyboard.press("ArrowRight");
          focused = await focusedInfo(page);
          assertEqual(focused.text, expected.tabs[0], "arrow keys wrap around");
          await page.keyboard.press("ArrowLeft");
          await page.keyboard.press("Enter");
          await page.keyboard.press("Tab");
          focused = await focusedInfo(page);
          assertEqual(focused.role, "tabpanel", "Tab moves from the tab list into the panel");
          const panelText = await page.textContent('[role="tabpanel"]');
          assert(panelText && panelText.includes(expected.tabs[2]), "master data panel shown");
        });
        await page.keyboard.press("Shift+Tab");
        await page.screenshot({ path: path.join(SCREENSHOTS, `taskpane-${scenario.lang}-light-keyboard.png`) });

        await check(`[${label}] fits 320 px`, async () => {
          await page.setViewportSize({ width: 320, height: HEIGHT });
          await assertNoHorizontalOverflow(page, 320);
          await page.setViewportSize({ width: WIDTH, height: HEIGHT });
        });
      }

      if (scenario.lang === "en" && !scenario.dark) {
        await check("bundle registers MSP.PRORATE with CustomFunctions.associate", async () => {
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
          assertEqual(outcome.registered, ["PRORATE"], "registered functions");
          assertEqual(outcome.value, 10, "PRORATE(31, 2026-01-01, 2026-01-10)");
          assert(outcome.error && outcome.error.code === "#VALUE!" && outcome.error.isStubError, `bad input error ${JSON.stringify(outcome.error)}`);
        });
      }

      await check(`[${label}] no script errors`, async () => {
        assertEqual(pageErrors, [], "page errors");
      });
      await page.close();
    }

    await check("no request left 127.0.0.1 (office.js answered by the stub)", async () => {
      assertEqual(blocked, [], "blocked requests");
    });
  } catch (error) {
    results.push({ name: "harness", ok: false });
    console.log(`not ok - harness\n    ${(error && error.stack) || error}`);
  } finally {
    if (context) await context.close().catch(() => {});
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
