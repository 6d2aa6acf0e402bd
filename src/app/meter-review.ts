/**
 * Review of meter readings before billing (PRODUCT.md §5.5): the click contracts' devices in the open
 * months up to a run month, with readings, pages and amounts exactly as the billing run would charge
 * them. Reads only: a wrong reading is corrected by undoing its import (`undo --batch`) and importing
 * the corrected file.
 */
import type { IsoMonth } from "../core/date/iso-month";
import { type MeterReview, buildMeterReview } from "../core/clicks/review";
import type { AppContext } from "./context";
import { clickChargeInput } from "./usage-lines";

export type { MeterReview, MeterReviewRow, MeterReviewStatus } from "../core/clicks/review";

/**
 * The meter review of `month`: the same input read the same way as the billing run reads it
 * (`clickChargeInput`), the same plan (`buildMeterReview` over `planClickMonths`), so each contract's
 * amounts add up to the click lines `bill --period` would add. Reads only.
 */
export async function reviewMeters(ctx: AppContext, month: IsoMonth): Promise<MeterReview> {
  return ctx.store.read(async (tx) => {
    const input = await clickChargeInput(tx, month);
    const customers = new Map((await tx.customers.all()).map((c) => [c.no, c.name]));
    return buildMeterReview(input, customers);
  });
}
