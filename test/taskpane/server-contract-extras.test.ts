/**
 * The contract's own surcharges, flat fees and holidays form in server mode, without the browser:
 * the document the form builds goes through the pane's use cases (connection/use-cases.ts: setRules,
 * storedRules, reviewTimeEntries) to a real team server and gives what it gives on a local store —
 * stored the same, and the time review rates the contract's entries by its own lists.
 */
import type { AppContext } from "../../src/app/context";
import type { IsoMonth } from "../../src/core/date/iso-month";
import * as pane from "../../src/taskpane/connection/use-cases";
import { contractExtrasFormOf, rulesWithContractExtras } from "../../src/taskpane/settings/contract-extras-form";
import { TIME_ARTICLES, TIME_CONTRACTS, TIME_CSV, TIME_RULES } from "../app/time-fixtures";
import { testContext, textFile } from "../support/fixtures";
import { listeningServer } from "../server/server-fixture";

jest.setTimeout(120_000);

function unwrap<T>(r: { ok: true; value: T } | { ok: false; issues: unknown[] }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

/** The pane's steps: master data, rules, time; then the form's save for V-100 and the review again. */
async function steps(ctx: AppContext) {
  unwrap(await pane.importMaster(ctx, [textFile("articles.csv", TIME_ARTICLES), textFile("contracts.csv", TIME_CONTRACTS)]));
  unwrap(await pane.setRules(ctx, TIME_RULES, "rules.json"));
  unwrap(await pane.importTime(ctx, textFile("zeiten-juni.csv", TIME_CSV)));
  const before = await pane.reviewTimeEntries(ctx, "2026-06" as IsoMonth);
  const rules = (await pane.storedRules(ctx))!;
  // V-100: no surcharges at all, Fronleichnam a working day, its own extra holiday; flat fees as default
  const form = { ...contractExtrasFormOf(rules, "V-100", "de"), surcharges: [], holidaysOff: ["FRONLEICHNAM"], extraHolidays: ["01.06.2026"] };
  const saved = await pane.setRules(ctx, JSON.stringify(rulesWithContractExtras(rules, "V-100", form, "de")), "Vertragslisten speichern");
  const after = await pane.reviewTimeEntries(ctx, "2026-06" as IsoMonth);
  return { saved, stored: await pane.storedRules(ctx), before, after };
}

const surchargesOf = (review: Awaited<ReturnType<typeof pane.reviewTimeEntries>>, contractNo: string) =>
  review.rows.filter((r) => r.contractNo === contractNo).flatMap((r) => r.surcharges);

describe("a contract's own lists saved from the form on the team server", () => {
  const server = listeningServer();

  it("stores and rates on the server what it stores and rates locally", async () => {
    const local = await steps(await testContext());
    const remote = await steps(await server.paneContext("ada"));

    expect(local.saved.ok).toBe(true);
    expect(local.stored!.contracts["V-100"]).toEqual({ includedHoursPerMonth: "1", surcharges: [], holidaysOff: ["FRONLEICHNAM"], extraHolidays: ["2026-06-01"] });
    // the late entry on Fronleichnam had the evening surcharge; with the contract's own (empty) list none
    expect(surchargesOf(local.before, "V-100").length).toBeGreaterThan(0);
    expect(surchargesOf(local.after, "V-100")).toEqual([]);
    expect(JSON.parse(JSON.stringify(remote))).toEqual(JSON.parse(JSON.stringify(local)));
  });
});
