/**
 * The review of open time entries before billing (PRODUCT.md §3 "Tickets / Zeiten"): each open entry
 * of a month rated exactly as the billing run would rate it, with its share of the invoice lines.
 */
import { compareNatural } from "../billing/invoice";
import type { IsoDate } from "../date/iso-date";
import { type IsoMonth, lastDayOf } from "../date/iso-month";
import { type Issue, type Where, issue } from "../issues";
import { Decimal, sum, toCentsString, toStored } from "../money/decimal";
import { assignContract, contractsByCustomer } from "./assign-contract";
import { type TimeChargeInput, computeTimeCharges } from "./bill-time";
import { type TimeEntry, isBilled } from "./model";

/**
 * How the run would treat an open entry: `charged` (it brings an amount to an invoice), `covered`
 * (billable, nothing to charge: all units covered by included hours or a contingent, or none left
 * to add to its ticket-day), `not_billable` (switched off),
 * `problem` (billable, but the run leaves it open: see its issues).
 */
export type TimeReviewStatus = "charged" | "covered" | "not_billable" | "problem";

export interface TimeReviewRow {
  entryId: string;
  status: TimeReviewStatus;
  billable: boolean;
  date: IsoDate;
  start: string;
  end: string;
  ticketNo: string;
  customerNo: string;
  customerName: string;
  contractNo: string;
  technician: string;
  activity: string;
  description: string;
  minutes: number;
  /** Rating of a billable entry the run would bill; null otherwise. */
  unitMinutes: number | null;
  units: number | null;
  included: number | null;
  contingent: number | null;
  charged: number | null;
  /** Articles of the invoice lines the entry feeds (its activity's article first). */
  articles: string[];
  /** Net hourly rate before surcharges (stored decimal). */
  pricePerHour: string | null;
  /** Surcharges its units fell into, e.g. `Abend +25 %`. */
  surcharges: string[];
  /** Flat fees it carries, e.g. `Anfahrt 45.00`. */
  flatFees: string[];
  /** What the run would charge for it, in cents (`12.34`): its shares of the invoice lines, fees included. */
  net: string | null;
  issues: Issue[];
  /** Where the entry was imported from. */
  source: { file: string; row: number };
}

export interface TimeReview {
  month: IsoMonth;
  rows: TimeReviewRow[];
  /** Problems of the rating that belong to no single entry (e.g. a flat fee's unknown article). */
  issues: Issue[];
  totals: { rows: number; billable: number; notBillable: number; problems: number; net: string };
}

/**
 * The open entries (not billed by an active run) dated on or before the end of the run month,
 * billable or not, rated by the billing run's own computation on the same input: units, included /
 * contingent / charged units, articles, rate, surcharges and the entry's exact share of the invoice
 * lines in cents (the shares of a line add up to its net). `customers`: number → name of the store's
 * customers (the run bills nothing for a customer it does not know).
 */
export function buildTimeReview(input: TimeChargeInput, customers: ReadonlyMap<string, string>): TimeReview {
  const month = input.runMonth;
  const result = computeTimeCharges(input);
  const until = lastDayOf(month);
  const allocations = new Map(result.allocations.map((a) => [a.entryId, a]));
  const unbilled = new Map(result.unbilled.map((u) => [u.entryId, u.issue]));
  const byCustomer = contractsByCustomer(input.contracts);
  const open = input.entries.filter((e) => e.date <= until && !isBilled(e, input.activeRuns)).sort(byTime);
  const rows = open.map((e): TimeReviewRow => {
    const base = {
      entryId: e.id, billable: e.billable, date: e.date, start: e.start ?? "", end: e.end ?? "", ticketNo: e.ticketNo, customerNo: e.customerNo,
      customerName: customers.get(e.customerNo) ?? "", technician: e.technician, activity: e.activity, description: e.description, minutes: e.minutes,
      source: { file: e.source.file, row: e.source.row },
    };
    const none = { unitMinutes: null, units: null, included: null, contingent: null, charged: null, articles: [], pricePerHour: null, surcharges: [], flatFees: [], net: null };
    const issues: Issue[] = [];
    if (!customers.has(e.customerNo)) issues.push(issue("time.review_unknown_customer", { customer: e.customerNo }, undefined, "warning"));
    const a = allocations.get(e.id);
    if (!e.billable || !a) {
      const problem = unbilled.get(e.id);
      if (problem) issues.push(stripWhere(problem));
      const contractNo = e.contractNo ?? assignContract(e, byCustomer, input.rules).contract?.no ?? "";
      return { ...base, ...none, status: e.billable ? "problem" : "not_billable", contractNo, issues };
    }
    if (a.contractNo === "" && customers.has(e.customerNo)) issues.push(issue("time.review_no_contract", { customer: e.customerNo, date: e.date }, undefined, "warning"));
    // A late entry of a billed ticket-day may carry fewer units than its own minutes (even none): say why.
    if (a.ticketDay) issues.push(issue("time.review_late_ticket_day", { ticket: e.ticketNo, date: e.date, billed: a.ticketDay.billedUnits, day: a.ticketDay.dayUnits, units: a.units }, undefined, "info"));
    const rated = {
      contractNo: a.contractNo, activity: a.activity, unitMinutes: a.unitMinutes, units: a.units, included: a.included, contingent: a.contingent, charged: a.charged,
      articles: [...new Set([a.articleNo, ...a.shares.map((s) => s.articleNo)])],
      pricePerHour: toStored(a.pricePerHour),
      surcharges: a.surcharges.filter((s) => !s.pct.isZero()).map((s) => `${s.label} +${s.pct.toFixed()} %`),
      flatFees: a.shares.filter((s) => s.lineType === "flat_fee").map((s) => `${s.label} ${s.net.toFixed(2)}`),
    };
    // The run drops the lines of a customer it does not know (and leaves the entry open).
    if (!customers.has(e.customerNo)) return { ...base, ...rated, status: "problem", net: null, issues };
    const net = sum(a.shares.map((s) => s.net));
    return { ...base, ...rated, status: a.shares.length > 0 ? "charged" : "covered", net: toCentsString(net), issues };
  });
  const perEntry = new Set(result.unbilled.map((u) => u.issue));
  return {
    month,
    rows,
    issues: result.issues.filter((i) => !perEntry.has(i)),
    totals: {
      rows: rows.length,
      billable: rows.filter((r) => r.billable).length,
      notBillable: rows.filter((r) => !r.billable).length,
      problems: rows.filter((r) => r.status === "problem").length,
      net: toCentsString(sum(rows.map((r) => new Decimal(r.net ?? 0)))),
    },
  };
}

/** The clerk's decision on one entry: bill it (approved) or not; `where` is the decision's cell. */
export interface TimeDecision {
  entryId: string;
  billable: boolean;
  where: Where;
}

function stripWhere(i: Issue): Issue {
  const { where: _where, ...rest } = i;
  return rest;
}

function byTime(a: TimeEntry, b: TimeEntry): number {
  return cmp(a.date, b.date) || cmp(a.start ?? "", b.start ?? "") || compareNatural(a.ticketNo, b.ticketNo) || cmp(a.id, b.id);
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
