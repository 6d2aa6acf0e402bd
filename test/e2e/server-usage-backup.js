/**
 * Browser walk, server mode (part 4 of run.js): Zeiten/Zähler and the backup on the team server.
 * The admin loads the sample rules and time file in the pane, writes the time review of October —
 * each checked through the server's API (audit entries by the user) — and downloads the backup:
 * the team store's, with no local-storage reminder, and the backup step saying whose job the
 * server's own backups are.
 */
const fs = require("node:fs");
const path = require("node:path");

/** `h`: run.js's page, pane, team server and helpers. */
module.exports = async function serverUsageAndBackup(h) {
  const { page, pane, team, check, assert, assertEqual, clickAndSettle, settled, teamApi, ROOT, SCREENSHOTS } = h;
  const sample = (name, mimeType = "text/csv") => ({ name, mimeType, buffer: fs.readFileSync(path.join(ROOT, "samples", name)) });

  await check("[server] Zeiten/Zähler: rules, time import and the time review run on the server", async () => {
    await page.click("#tab-usage");
    await page.setInputFiles('[data-testid="rules-file"]', [sample("rules.json", "application/json")]);
    await page.waitForSelector('[data-testid="rules-saved"]', { timeout: 30_000 });
    await page.setInputFiles('[data-testid="time-file"]', [sample("time.csv")]);
    await page.waitForSelector('[data-testid="usage-import-result"]', { timeout: 30_000 });
    await settled(page);
    await page.fill('[data-testid="time-review-month"]', "10.2026");
    await clickAndSettle(page, '[data-testid="time-review-write"]');
    const written = await pane.locator('[data-testid="time-review-notice"]').innerText();
    assert(/\d+ offene Einträge/.test(written), `review notice: ${written}`);
    const audit = await teamApi(team, "GET", "/api/audit?limit=500");
    const byKind = (kind) => audit.filter((e) => e.kind === kind);
    assertEqual(byKind("rules.set").map((e) => e.user), ["ada"], "the rules are stored on the server, by the user");
    assertEqual(byKind("time.import").map((e) => e.user), ["ada"], "the time entries are imported on the server, by the user");
    await pane.locator('[data-testid="section-time-review"]').screenshot({ path: path.join(SCREENSHOTS, "server-mode-de-time-review.png") });
  });

  await check("[server] Sicherung: the download is the team store's backup; no reminder, the step says who backs the server up", async () => {
    await page.click("#tab-masterData");
    const section = pane.locator('[data-testid="section-backup"]');
    const intro = await section.innerText();
    assert(intro.includes("Teamserver") && intro.includes("pg_dump") && intro.includes("Administrator"), `backup step in server mode: ${intro}`);
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 20_000 }), page.click('[data-testid="backup-download"]')]);
    await settled(page);
    const doc = JSON.parse(fs.readFileSync(await download.path(), "utf8"));
    const lookups = await teamApi(team, "GET", "/api/lookups");
    assertEqual(doc.tables.contracts.length, lookups.contracts.length, "the backup holds the team store's contracts");
    assert(doc.tables.timeEntries.length > 0, "and the time entries imported on the server");
    assertEqual(await pane.locator('[data-testid="storage-notice"]').count(), 0, "no backup reminder in server mode");
    await section.screenshot({ path: path.join(SCREENSHOTS, "server-mode-de-backup.png") });
  });
};
