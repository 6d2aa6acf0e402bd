import type { Article, Contract } from "../../../src/core/contract/model";
import { computeTimeCharges, type TimeChargeResult } from "../../../src/core/time/bill-time";
import { type TimeEntry, billedSurcharges } from "../../../src/core/time/model";
import type { Rules } from "../../../src/core/time/rules";

/** Articles of the time scenarios: remote and on-site support per hour, travel flat fee. */
export const ARTICLES = new Map<string, Article>([
  ["SUP-R", { no: "SUP-R", description: "Remote-Support", unitPrice: "87.40", vatPct: "19" }],
  ["SUP-O", { no: "SUP-O", description: "Vor-Ort-Service", unitPrice: "104.00", vatPct: "19" }],
  ["TRAVEL", { no: "TRAVEL", description: "Anfahrtspauschale", unitPrice: "45.00", vatPct: "19" }],
]);

/** Company defaults: 15-minute units, evening +25 %, Saturday +50 %, Sunday/holiday +100 %, travel per day. */
export function rules(region: "BY" | "BE", contracts: Rules["contracts"] = {}): Rules {
  return {
    defaults: {
      unitMinutes: 15,
      holidayRegion: region,
      extraHolidays: ["12-24", "12-31"],
      activities: { remote: { articleNo: "SUP-R", pricePerHour: "87.40" }, onsite: { articleNo: "SUP-O" } },
      defaultActivity: "remote",
      surcharges: [
        { label: "Abend", days: ["mon", "tue", "wed", "thu", "fri"], from: "18:00", to: "22:00", pct: "25" },
        { label: "Samstag", days: ["sat"], pct: "50" },
        { label: "Sonn-/Feiertag", days: ["sun", "holiday"], pct: "100" },
      ],
      flatFees: [{ label: "Anfahrt", activities: ["onsite"], per: "day", articleNo: "TRAVEL" }],
    },
    contracts,
  };
}

export function contract(no: string, type: Contract["type"], customerNo = "10001"): Contract {
  return { no, customerNo, type, interval: "monthly", mode: "arrears", start: "2026-01-01" };
}

let n = 0;
/** A billable remote entry of customer 10001 unless overridden. */
export function entry(over: Partial<TimeEntry> & Pick<TimeEntry, "date">): TimeEntry {
  n += 1;
  return { id: `e${String(n).padStart(3, "0")}`, ticketNo: "4711", customerNo: "10001", minutes: 0, technician: "jm", activity: "remote", billable: true, description: "", source: { file: "t.csv", row: n + 1, profile: "time-generic" }, ...over };
}

/** Minutes between HH:MM start and end (end before start = next day). */
export function span(start: string, end: string): Pick<TimeEntry, "start" | "end" | "minutes"> {
  const m = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
  return { start, end, minutes: (m(end) - m(start) + 1440) % 1440 };
}

export function bill(input: { month: string; entries: TimeEntry[]; rules: Rules; contracts?: Contract[]; activeRuns?: Set<string> }): TimeChargeResult {
  return computeTimeCharges({ runMonth: input.month, entries: input.entries, activeRuns: input.activeRuns ?? new Set(), rules: input.rules, contracts: input.contracts ?? [], articles: ARTICLES });
}

/** Lines as `type contract article qty × price = net [from..to]`. */
export function lines(r: TimeChargeResult): string[] {
  return r.lines.map((l) => `${l.lineType} ${l.contractNo || "-"} ${l.articleNo} ${l.quantity.toFixed()} × ${l.unitPrice.toFixed()} = ${l.net.toFixed(2)} [${l.serviceFrom}..${l.serviceTo}] ${l.description}`);
}

/** Records the run's allocations on the entries, as the store does after a run. */
export function record(entries: TimeEntry[], r: TimeChargeResult, runId: string): TimeEntry[] {
  const byId = new Map(r.allocations.map((a) => [a.entryId, a]));
  return entries.map((e) => {
    const a = byId.get(e.id);
    return a ? { ...e, billing: { runId, invoiceRef: `RE-${runId}`, contractNo: a.contractNo, unitMinutes: a.unitMinutes, units: a.units, included: a.included, contingent: a.contingent, charged: a.charged, lineNos: [], flatFeeKeys: a.flatFeeKeys, surcharges: billedSurcharges(a.surcharges) } } : e;
  });
}
