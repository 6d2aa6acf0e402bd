/**
 * The price update proposal with its numbers as text (the task pane's form, and the team server's
 * `POST /api/pane/proposePriceUpdateText`): a Decimal does not travel as JSON, so the new cost,
 * strategy and rounding are sent as typed and parsed here, where the proposal is made.
 */
import type { IsoDate } from "../core/date/iso-date";
import { type Issue, type Result, fail, issue } from "../core/issues";
import { parseRounding, parseStrategy } from "../core/purchase/price-strategy";
import type { AppContext } from "./context";
import { proposePriceUpdate, type PriceUpdateProposal, type PurchaseSelection } from "./price-update";

export interface PriceUpdateTextOptions {
  selection: PurchaseSelection;
  /** The new cost per unit and month, e.g. `17.20` (a comma is taken too). */
  newCost: string;
  from: IsoDate;
  /** `keep-margin | pass-through | fixed:PRICE | percent:P` (see core/purchase/price-strategy.ts). */
  strategy: string;
  /** `cents | ending:0.90`. */
  rounding: string;
}

/** {@link proposePriceUpdate} with the numbers as text; a text that is no valid number fails naming it. */
export async function proposePriceUpdateText(ctx: AppContext, options: PriceUpdateTextOptions): Promise<Result<PriceUpdateProposal>> {
  const cost = parseStrategy(`fixed:${options.newCost.trim()}`);
  const strategy = parseStrategy(options.strategy);
  const rounding = parseRounding(options.rounding);
  const bad: Issue[] = [];
  if (!cost || cost.kind !== "fixed") bad.push(issue("parse.invalid_number", { value: options.newCost }, { source: "newCost" }));
  if (!strategy) bad.push(issue("parse.invalid_number", { value: options.strategy }, { source: "strategy" }));
  if (!rounding) bad.push(issue("parse.invalid_number", { value: options.rounding }, { source: "rounding" }));
  if (!cost || cost.kind !== "fixed" || !strategy || !rounding) return fail(...bad);
  return proposePriceUpdate(ctx, { selection: options.selection, newCost: cost.price, from: options.from, strategy, rounding });
}
