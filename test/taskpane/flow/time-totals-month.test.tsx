/**
 * @jest-environment ./test/support/jsdom-env.js
 */
/**
 * Monthly totals without a date per entry (Zammad ticket list) in the pane: the Zeiten section's
 * "Monat der Monatssummen" dates them (its last day), the result names that date, and without a
 * valid month the clerk is told what to do in the pane, not to pass --date.
 */
import * as React from "react";
import { importMaster } from "../../../src/app/import-master";
import { UsageArea } from "../../../src/taskpane/components/usage/UsageArea";
import { stringsFor } from "../../../src/taskpane/i18n";
import type { Language } from "../../../src/taskpane/i18n";
import { testContext, textFile } from "../../support/fixtures";
import { pickFiles, testFile, typeInto } from "../support/render-pane";
import { byTestId, renderPane, until } from "./pane-harness";

const CONTRACTS = "customer_no,customer_name,contract_no,billing_interval,billing_mode,contract_start,position_no,article_no,quantity,unit_price,vat_pct,valid_from\n10001,Müller GmbH,V-1,monthly,advance,2026-01-01,1,SUP,1,0,19,2026-01-01\n";
const ZAMMAD = "Number,Title,Customer,Organization,Owner,time units this month,time units total,Created at,Closed at\n31001,VPN defekt,Max Muster,10001,Anna,90,120,2026-05-02,\n";

async function paneWithCustomer(language: Language) {
  const ctx = await testContext();
  const m = await importMaster(ctx, [textFile("a.csv", "article_no,description,unit_price,vat_pct\nSUP,Support,0,19\n"), textFile("c.csv", CONTRACTS)]);
  if (!m.ok) throw new Error(JSON.stringify(m.issues));
  return { ctx, pane: await renderPane(ctx, <UsageArea />, { language }) };
}

describe("time import of monthly totals in the pane", () => {
  it("dates the totals with the last day of the month chosen in the Zeiten section (default: last month)", async () => {
    const { ctx, pane } = await paneWithCustomer("de");
    expect((byTestId(pane.container, "time-totals-month") as HTMLInputElement).value).toBe("10.2026");
    await typeInto(byTestId(pane.container, "time-totals-month"), "05.2026");
    await pickFiles(byTestId(pane.container, "time-file") as HTMLInputElement, [testFile("zammad.csv", ZAMMAD)]);
    await until(() => byTestId(pane.container, "usage-import-result"));
    expect(byTestId(pane.container, "usage-import-result").textContent).toContain("Datum der Monatssummen31.05.2026");
    const stored = await ctx.store.read((tx) => tx.timeEntries.all());
    expect(stored.map((e) => [e.ticketNo, e.date, e.minutes])).toEqual([["31001", "2026-05-31", 90]]);
    pane.unmount();
  });

  it.each(["de", "en"] as const)("without a valid month says what to do in the pane (%s)", async (language) => {
    const { pane } = await paneWithCustomer(language);
    await typeInto(byTestId(pane.container, "time-totals-month"), "13.2026");
    await pickFiles(byTestId(pane.container, "time-file") as HTMLInputElement, [testFile("zammad.csv", ZAMMAD)]);
    await until(() => expect(byTestId(pane.container, "usage-issues").textContent).toContain(stringsFor(language).usage.totalsMonth));
    expect(byTestId(pane.container, "usage-issues").textContent).not.toMatch(/--date|time-zammad/);
    pane.unmount();
  });
});
