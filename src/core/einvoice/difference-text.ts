import type { InvoiceLine } from "../billing/invoice";
import { Decimal, HUNDRED, ONE, germanNumber, priceText, toStored } from "../money/decimal";

/**
 * What a difference line (a retroactive change of a billed month) says it changes: the monthly net,
 * `Differenz +88,00 EUR/Monat`. Its quantity, unit price and discount multiply out to that change
 * (src/core/billing/delta-state.ts): the quantity change at the price (−2 × 20,60), the price change
 * at the quantity (10 × 2,50), or, when quantity and price changed together, 1 × the change of the
 * monthly net, which read as "1 × 88,00 EUR/Monat" names neither the old nor the new quantity and
 * price (the line keeps neither). The same words go on the printed invoice and into the e-invoice
 * line note; German only, like every text printed on an invoice.
 */

/** The change of the monthly net a difference line bills, as billed (`cancelled`: the line of a Stornorechnung, whose quantity is negated); null for other lines. */
export function monthlyDifference(l: Pick<InvoiceLine, "lineType" | "quantity" | "unitPrice" | "discountPct">, cancelled = false): Decimal | null {
  if (l.lineType !== "difference") return null;
  const rate = new Decimal(l.quantity).times(l.unitPrice).times(ONE.minus(new Decimal(l.discountPct).dividedBy(HUNDRED)));
  return cancelled ? rate.negated() : rate;
}

/** `Differenz +88,00 EUR/Monat` (two decimals, more only when the exact change has them), or null for a line that is no difference. */
export function differenceText(l: Pick<InvoiceLine, "lineType" | "quantity" | "unitPrice" | "discountPct">, cancelled = false): string | null {
  const d = monthlyDifference(l, cancelled);
  if (!d) return null;
  return `Differenz ${d.isNegative() ? "-" : "+"}${germanNumber(priceText(toStored(d.abs())))} EUR/Monat`;
}

/**
 * A difference line shown as 1 × the change of the monthly net without discount (how a change of
 * quantity and price together is shown): its quantity and price say nothing beyond {@link differenceText}.
 */
export function isRateDifference(l: Pick<InvoiceLine, "lineType" | "quantity" | "discountPct">): boolean {
  return l.lineType === "difference" && new Decimal(l.quantity).abs().equals(ONE) && new Decimal(l.discountPct).isZero();
}
