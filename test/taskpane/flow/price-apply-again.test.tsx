/**
 * @jest-environment ./test/support/jsdom-env.js
 */
/**
 * Einkauf › Preisaktualisierung › *Übernehmen* a second time with nothing new (the proposal is
 * already stored): the pane says so, stores nothing, and the batch applied before keeps its
 * result and its *Rückgängig* (as in the Abgleich area).
 */
import { dbOf } from "../../support/db-view";
import { testContext } from "../../support/fixtures";
import { byTestId, click, until } from "./pane-harness";
import { paneWithPriceProposal } from "./price-proposal";

it("applying a price proposal again stores nothing and keeps the earlier batch's Rückgängig", async () => {
  const ctx = await testContext();
  const pane = await paneWithPriceProposal(ctx);
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
