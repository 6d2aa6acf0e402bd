import type { IsoMonth } from "../date/iso-month";
import { Decimal } from "../money/decimal";
import { toStored } from "../money/decimal";
import { normalizeExternalId } from "../reconcile/external-id";
import type { UsageRecord, UsageSourceLine } from "./model";

interface Sum {
  record: UsageRecord;
  quantity: Decimal;
  cost: Decimal;
  list: Decimal | null;
  meters: Set<string>;
  units: Set<string>;
}

/**
 * Sums usage lines per source, vendor customer, product, currency and month (of the line's day).
 * Lines without a day cannot be placed in a month and are returned apart. The result does not
 * depend on line order: records are sorted by key and sums are exact.
 */
export function aggregateUsage(lines: readonly UsageSourceLine[]): { records: UsageRecord[]; undated: UsageSourceLine[] } {
  const sums = new Map<string, Sum>();
  const undated: UsageSourceLine[] = [];
  for (const l of lines) {
    if (l.chargeFrom === null) {
      undated.push(l);
      continue;
    }
    const month = l.chargeFrom.slice(0, 7) as IsoMonth;
    const customer = normalizeExternalId(l.vendorCustomerId);
    const product = normalizeExternalId(l.vendorArticleKey);
    const key = [l.profileId, customer, product, l.currency, month].join("|");
    let s = sums.get(key);
    if (!s) {
      s = {
        record: { key, source: l.profileId, month, vendorCustomerId: customer, vendorCustomerName: l.vendorCustomerName, vendorArticleKey: product, vendorArticleName: l.vendorArticleName, meters: [], unit: "", currency: l.currency, quantity: "0", cost: "0", listAmount: null, rows: [] },
        quantity: new Decimal(0),
        cost: new Decimal(0),
        list: new Decimal(0),
        meters: new Set(),
        units: new Set(),
      };
      sums.set(key, s);
    }
    s.quantity = s.quantity.plus(l.quantity);
    if (l.amount !== null) s.cost = s.cost.plus(l.amount);
    s.list = s.list !== null && l.listAmount !== undefined ? s.list.plus(l.listAmount) : null;
    if (l.meter) for (const m of l.meter.split("; ")) s.meters.add(m);
    s.units.add(l.unit ?? "");
    s.record.rows.push(`${l.source}:${l.row}`);
    // The name of the first line in file order would depend on order: keep the smallest.
    if (l.vendorCustomerName < s.record.vendorCustomerName || s.record.vendorCustomerName === "") s.record.vendorCustomerName = l.vendorCustomerName || s.record.vendorCustomerName;
    if (l.vendorArticleName < s.record.vendorArticleName || s.record.vendorArticleName === "") s.record.vendorArticleName = l.vendorArticleName || s.record.vendorArticleName;
  }
  const records = [...sums.values()].map((s) => ({
    ...s.record,
    quantity: toStored(s.quantity),
    cost: toStored(s.cost),
    listAmount: s.list === null ? null : toStored(s.list),
    meters: [...s.meters].sort(),
    unit: s.units.size === 1 ? [...s.units][0]! : "",
    rows: s.record.rows.sort(),
  }));
  records.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  undated.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.row - b.row));
  return { records, undated };
}
