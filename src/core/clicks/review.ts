/**
 * The review of meter readings before billing (PRODUCT.md §5.5): each click contract's devices in the
 * open months up to a run month, with the readings, the pages and each device's share of the amount
 * the billing run would charge, computed by the run's own plan (`planClickMonths`).
 */
import { compareNatural } from "../billing/invoice";
import type { IsoDate } from "../date/iso-date";
import type { IsoMonth } from "../date/iso-month";
import { type Issue, issue } from "../issues";
import { Decimal, sum, toCentsString, toStored } from "../money/decimal";
import { allocate, money } from "../money/money";
import { type ClickChargeInput, type ClickMonthPlan, type DeviceMonth, planClickMonths } from "./bill-clicks";
import { checkReadings } from "./check-readings";
import type { MeterReading } from "./model";

/**
 * How the run treats a device in a contract month: `charged` (its pages bring an amount), `covered`
 * (within the included pages: nothing to charge), `baseline` (its first reading: no pages yet),
 * `no_reading` (no reading dated in the month: its pages count in the month of its next reading),
 * `billed` (the month is billed already), `minimum_fee` (the contract's top-up to its minimum fee, no
 * device), `problem` (the run bills nothing of it: see its issues).
 */
export type MeterReviewStatus = "charged" | "covered" | "baseline" | "no_reading" | "billed" | "minimum_fee" | "problem";

export interface MeterReviewRow {
  status: MeterReviewStatus;
  month: IsoMonth;
  contractNo: string;
  customerNo: string;
  customerName: string;
  /** "" for the minimum fee row and for a contract without any reading yet. */
  deviceId: string;
  /** The device's reading before the month's first one; null: none (the first reading is the baseline). */
  previousDate: IsoDate | null;
  previousBw: number | null;
  previousColor: number | null;
  /** The device's readings dated in the month, oldest first. */
  readingDates: IsoDate[];
  /** Counters of the month's last reading. */
  readingBw: number | null;
  readingColor: number | null;
  /** Pages the device used in the month. */
  pagesBw: number | null;
  pagesColor: number | null;
  /** The contract's included pages for the month (prorated, whole pages) and its pages above them. */
  includedBw: number | null;
  includedColor: number | null;
  overBw: number | null;
  overColor: number | null;
  /** Price per page (stored decimal). */
  priceBw: string | null;
  priceColor: string | null;
  /** The device's share of the contract month's lines in cents (`12.34`); the shares add up to the lines. */
  net: string | null;
  issues: Issue[];
}

export interface MeterReview {
  month: IsoMonth;
  rows: MeterReviewRow[];
  /** Problems that belong to no single row (a click rule's unknown article). */
  issues: Issue[];
  totals: { rows: number; contracts: number; charged: number; noReading: number; baselines: number; problems: number; net: string };
}

/**
 * The click contracts' devices in the months a billing run for `input.runMonth` would bill (open
 * months up to it with readings or an amount, and the run month itself, also when billed), rated by
 * the run's own plan: included pages, pages over, price, and each device's share of the month's
 * lines by largest remainder over its pages (the minimum fee top-up is a row of its own), so the
 * amounts of a contract add up to its click lines to the cent. Readings are checked again as the
 * import checks them (a counter going backwards …). `customers`: number → name of the store's customers.
 */
export function buildMeterReview(input: ClickChargeInput, customers: ReadonlyMap<string, string>): MeterReview {
  const month = input.runMonth;
  const plan = planClickMonths(input, month);
  const contracts = new Map(input.contracts.map((c) => [c.no, c]));
  const rows: MeterReviewRow[] = [];
  const sorted = [...plan.months].sort((a, b) => compareNatural(a.contract.no, b.contract.no) || (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  for (const m of sorted) {
    const shown = m.month === month || (m.rating?.charges.length ?? 0) > 0 || m.usage.devices.some((d) => d.readings.length > 0);
    if (shown) rows.push(...monthRows(m, customers, (r, prev) => checkReadings([r], prev ? [prev] : [], contracts, new Set()).issues));
  }
  return {
    month,
    rows,
    issues: plan.issues,
    totals: {
      rows: rows.length,
      contracts: new Set(rows.map((r) => r.contractNo)).size,
      charged: rows.filter((r) => r.status === "charged").length,
      noReading: rows.filter((r) => r.status === "no_reading").length,
      baselines: rows.filter((r) => r.status === "baseline").length,
      problems: rows.filter((r) => r.status === "problem").length,
      net: toCentsString(sum(rows.map((r) => new Decimal(r.net ?? 0)))),
    },
  };
}

type Check = (reading: MeterReading, previous: MeterReading | undefined) => Issue[];

function monthRows(m: ClickMonthPlan, customers: ReadonlyMap<string, string>, check: Check): MeterReviewRow[] {
  const { contract, rule, rating } = m;
  const known = customers.has(contract.customerNo);
  const base = {
    month: m.month, contractNo: contract.no, customerNo: contract.customerNo, customerName: customers.get(contract.customerNo) ?? "",
    includedBw: rating?.includedBw ?? null, includedColor: rating?.includedColor ?? null, overBw: rating?.overBw ?? null, overColor: rating?.overColor ?? null,
    priceBw: toStored(new Decimal(rule.priceBw)), priceColor: toStored(new Decimal(rule.priceColor)),
  };
  const unknown = known ? [] : [issue("meters.review_unknown_customer", { customer: contract.customerNo }, undefined, "warning")];
  const devices = [...m.usage.devices].sort((a, b) => compareNatural(a.deviceId, b.deviceId));
  const shares = new Map<DeviceMonth, Decimal>(devices.map((d) => [d, new Decimal(0)]));
  for (const c of rating?.charges ?? []) {
    if (c.kind === "minimum") continue;
    const weights = devices.map((d) => Math.max(0, c.kind === "bw" ? d.usageBw : d.usageColor));
    allocate(money(c.line.net), weights).forEach((s, i) => shares.set(devices[i]!, shares.get(devices[i]!)!.plus(s.amount)));
  }
  const rows = devices.map((d): MeterReviewRow => {
    const last = d.readings[d.readings.length - 1];
    const issues: Issue[] = [...unknown];
    d.readings.forEach((r, i) => issues.push(...check(r, i === 0 ? d.previous : d.readings[i - 1])));
    const status = m.billed ? "billed" : rating === null || !known ? "problem" : deviceStatus(d, shares.get(d)!);
    if (status === "no_reading") issues.push(issue("meters.review_no_reading", { device: d.deviceId, month: m.month }, undefined, "info"));
    if (status === "baseline") issues.push(issue("meters.review_baseline", { device: d.deviceId, date: last!.readingDate }, undefined, "info"));
    if (last?.final) issues.push(issue("meters.review_final", { device: d.deviceId, date: last.readingDate }, undefined, "info"));
    return {
      ...base, status, deviceId: d.deviceId,
      previousDate: d.previous?.readingDate ?? null, previousBw: d.previous?.counterBw ?? null, previousColor: d.previous?.counterColor ?? null,
      readingDates: d.readings.map((r) => r.readingDate), readingBw: last?.counterBw ?? null, readingColor: last?.counterColor ?? null,
      pagesBw: d.readings.length > 0 ? d.usageBw : null, pagesColor: d.readings.length > 0 ? d.usageColor : null,
      net: status === "problem" || status === "billed" ? null : toCentsString(shares.get(d)!),
      issues,
    };
  });
  const empty = { deviceId: "", previousDate: null, previousBw: null, previousColor: null, readingDates: [], readingBw: null, readingColor: null, pagesBw: null, pagesColor: null };
  if (devices.length === 0 && !m.billed) {
    const gone = [...m.usage.left].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).pop();
    const why = gone ? issue("meters.review_devices_left", { contract: contract.no, device: gone.deviceId, date: gone.date }, undefined, "info") : issue("meters.review_no_device", { contract: contract.no, month: m.month }, undefined, "info");
    rows.push({ ...base, ...empty, status: rating === null || !known ? "problem" : "no_reading", net: null, issues: [...unknown, why] });
  }
  const minimum = rating?.charges.find((c) => c.kind === "minimum");
  if (minimum) {
    const top = issue("meters.review_minimum", { minimum: toCentsString(rating!.minimum), charged: toCentsString(rating!.minimum.minus(minimum.line.exact)), net: toCentsString(minimum.line.net) }, undefined, "info");
    rows.push({ ...base, ...empty, status: known ? "minimum_fee" : "problem", net: known ? toCentsString(minimum.line.net) : null, issues: [...unknown, top] });
  }
  return rows;
}

function deviceStatus(d: DeviceMonth, share: Decimal): MeterReviewStatus {
  if (d.readings.length === 0) return "no_reading";
  if (!d.previous && d.readings.length === 1) return "baseline";
  return share.isZero() ? "covered" : "charged";
}
