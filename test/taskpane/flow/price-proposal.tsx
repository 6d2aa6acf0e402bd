import { PurchaseArea } from "../../../src/taskpane/components/purchase/PurchaseArea";
import type { AppContext } from "../../../src/app/context";
import { seedDomains } from "../../scenarios/purchase/domain-scenario";
import { typeInto } from "../support/render-pane";
import { type Pane, byTestId, click, renderPane, until } from "./pane-harness";

/** The purchase area over the domain scenario with the price update for EK-100:1 at 1,20 proposed (its sheet written). */
export async function paneWithPriceProposal(ctx: AppContext): Promise<Pane> {
  await seedDomains(ctx);
  const pane = await renderPane(ctx, <PurchaseArea />);
  await typeInto(byTestId(pane.container, "price-position"), "EK-100:1");
  await typeInto(byTestId(pane.container, "price-cost"), "1,20");
  await click(byTestId(pane.container, "price-propose"));
  await until(() => expect(byTestId(pane.container, "price-notice").textContent).toContain("Preisaktualisierung"));
  return pane;
}
