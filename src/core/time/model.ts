import type { DecimalString } from "../contract/model";
import type { IsoDate } from "../date/iso-date";

/**
 * One imported time entry (table `timeEntries`). The id is derived from the content (or from the
 * ticket system's own entry id), so importing the same file again adds nothing.
 */
export interface TimeEntry {
  id: string;
  ticketNo: string;
  customerNo: string;
  /** Optional: the contract the entry is booked on; otherwise chosen by `assignContract`. */
  contractNo?: string;
  /** Day of the work (the start day when the entry crosses midnight). */
  date: IsoDate;
  /** `HH:MM`, both or neither; an end before the start is on the next day. */
  start?: string;
  end?: string;
  /** Worked minutes (from start/end, or as given). */
  minutes: number;
  technician: string;
  /** Activity key of the rules (`remote`, `onsite` …); empty = the rules' default activity. */
  activity: string;
  billable: boolean;
  description: string;
  /** A monthly total without day or clock time (Zammad time accounting): never surcharged. */
  aggregate?: boolean;
  /** The ticket system's own id of the entry, when the file has one. */
  externalId?: string;
  /** Where the entry came from. */
  source: { file: string; row: number; profile: string; batchId?: string };
  /** Set by the billing run that billed the entry (void while that run is undone). */
  billing?: TimeBilling;
  [field: string]: unknown;
}

/** What a billing run recorded on an entry: how its units were covered and where they were invoiced. */
export interface TimeBilling {
  runId: string;
  /** Invoice of the entry's customer in that run ("" when nothing of it was charged). */
  invoiceRef: string;
  contractNo: string;
  /** Unit size the entry was billed with, and its units after rounding. */
  unitMinutes: number;
  units: number;
  /** Units covered by the month's included hours, by the contingent, and charged. */
  included: number;
  contingent: number;
  charged: number;
  /** Invoice lines carrying its charged units. */
  lineNos: number[];
  /** Flat fees (e.g. travel of a day) first charged with this entry. */
  flatFeeKeys: string[];
  /**
   * Its units per surcharge (label "" and pct "0" = none) and how many of them were charged. A late
   * entry of the same ticket-day is charged only what the whole day needs beyond these (per
   * surcharge), so the split must be kept. Absent on records of runs before 2026-12-07: such an
   * entry's units are then spread over its own surcharges by minutes (`late-ticket-day.ts`).
   */
  surcharges?: BilledSurcharge[];
}

/** Units of a billed entry in one surcharge, as stored (a decimal string, not a Decimal, so every store keeps it). */
export interface BilledSurcharge {
  label: string;
  pct: DecimalString;
  units: number;
  charged: number;
}

/** The stored form of an allocation's units per surcharge (`EntryAllocation.surcharges`). */
export function billedSurcharges(surcharges: readonly { label: string; pct: { toFixed(): string }; units: number; charged: number }[]): BilledSurcharge[] {
  return surcharges.map((s) => ({ label: s.label, pct: s.pct.toFixed(), units: s.units, charged: s.charged }));
}

/** True when a run that is not undone billed the entry. */
export function isBilled(entry: Pick<TimeEntry, "billing">, activeRuns: ReadonlySet<string>): boolean {
  return entry.billing !== undefined && activeRuns.has(entry.billing.runId);
}
