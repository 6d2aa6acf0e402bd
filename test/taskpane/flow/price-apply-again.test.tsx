/**
 * @jest-environment ./test/support/jsdom-env.js
 */
/**
 * Einkauf › Preisaktualisierung › *Übernehmen* a second time with nothing new (the proposal is
 * already stored): the pane says so, stores nothing, and the batch applied before keeps its
 * result and its *Rückgängig* (as in the Abgleich area).
 */
import { PurchaseArea } from "../../../src/taskpane/components/purchase/PurchaseArea";
import { seedDomains } from "../../scenarios/purchase/domain-scenario";
import { dbOf } from "../../support/db-view";
import { testContext } from "../../support/fixtures";
import { typeInto } from "../support/render-pane";
import { byTestId, click, renderPane, until } from "./pane-harness";

it("applying a price proposal again stores nothing and keeps the earlier batch's Rückgängig", async () => {
  const ctx = await testContext();
  await seedDomains(ctx);
  const pane = await renderPane(ctx, <PurchaseArea />);
  await typeInto(byTestId(pane.container, "price-position"), "EK-100:1");
  await typeInto(byTestId(pane.container, "price-cost"), "1,20");
  await click(byTestId(pane.container, "price-propose"));
  await until(() => expect(byTestId(pane.container, "price-notice").textContent).toContain("Preisaktualisierung"));
  await click(byTestId(pane.container, "price-apply"));
  await until(() => expect(byTestId(pane.container, "price-result").textContent).toMatch(/Neue Verkaufsversionen\s*3/));
  const batch = byTestId(pane.container, "price-result").querySelector('[data-testid="id"]')!.textContent!;
  const batches = await dbOf(ctx).importBatches.count();

  await click(byTestId(pane.container, "price-apply"));
  await until(() => expect(byTestId(pane.container, "price-notice").textContent).toContain("Nichts zu übernehmen"));
  expect(await dbOf(ctx).importBatches.count()).toBe(batches);
  expect(byTestId(pane.container, "price-result").textContent).toContain(batch);
  expect(byTestId(pane.container, "price-result").textContent).toContain("Rückgängig");
  pane.unmount();
});
