/**
 * @jest-environment ./test/support/jsdom-environment.js
 */
import { StoreNotices } from "../../src/taskpane/components/storage/StoreNotices";
import { mappingIdGroups, planMappingIds } from "../../src/store/upgrade-v4";
import { testContext } from "../support/fixtures";
import { V3_MAPPINGS } from "../store/contract/mapping-id-upgrade";
import { byTestId, click, queryTestId, renderPane, waitFor } from "./support/render-pane";

/** A store as the Dexie `version(4)` upgrade leaves it when two spellings of a tenant named different customers. */
async function upgradedStore() {
  const ctx = await testContext();
  const v = V3_MAPPINGS;
  const plan = planMappingIds(mappingIdGroups([v.g1Upper, v.g1Lower, v.g4Upper, v.g4Lower]), new Map([[v.g1Upper.id, 1], [v.g1Lower.id, 2]]), "2026-12-07T01:00:00.000Z", "dexie:4");
  await ctx.store.write(async (tx) => {
    await tx.mappings.putMany(plan.put);
    await tx.settings.put("store.upgradeNotices", [{ at: "2026-12-07T01:00:00.000Z", source: "dexie:4", collisions: plan.report.collisions }]);
  });
  return ctx;
}

describe("the pane's notice of what the store upgrade found", () => {
  it("names each merged mapping in German, and is gone for good after Gesehen", async () => {
    const ctx = await upgradedStore();
    const pane = await renderPane(<StoreNotices />, ctx);
    const bar = await waitFor(() => queryTestId(pane.container, "store-notices"), "the notice");
    const text = bar.textContent ?? "";
    expect(text).toContain("Speicher aktualisiert: 2 Zuordnungen zusammengeführt");
    expect(text).toContain("Kunden-Zuordnung 3f2504e0-4f89-11d3-9a0c-0305e82c3301");
    expect(text).toContain("gültig bleibt 3f2504e0-4f89-11d3-9a0c-0305e82c3301 → 10002 (zuletzt geschrieben laut Prüfprotokoll)");
    expect(text).not.toMatch(/mapping\.id_collision|newest|customer\b/);
    await click(byTestId(pane.container, "store-notices-seen"));
    await waitFor(() => queryTestId(pane.container, "store-notices") === null, "the notice to go");
    expect(await ctx.store.read((tx) => tx.settings.get("store.upgradeNotices"))).toBeUndefined();
    pane.unmount();
    const again = await renderPane(<StoreNotices />, ctx);
    await new Promise((r) => setTimeout(r, 50));
    expect(queryTestId(again.container, "store-notices")).toBeNull();
    again.unmount();
  });

  it("shows nothing for a store without pending notices", async () => {
    const pane = await renderPane(<StoreNotices />, await testContext(), "en");
    await new Promise((r) => setTimeout(r, 50));
    expect(queryTestId(pane.container, "store-notices")).toBeNull();
    pane.unmount();
  });
});
