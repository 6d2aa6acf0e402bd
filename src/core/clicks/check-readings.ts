import type { Contract } from "../contract/model";
import { monthOf } from "../date/iso-month";
import { Issue, issue } from "../issues";
import { type MeterReading, type ReadingRow, readingId } from "./model";

export interface ReadingCheck {
  /** New readings to store (rows already stored with the same content are left out). */
  accepted: ReadingRow[];
  unchanged: number;
  issues: Issue[];
}

/**
 * Checks imported readings against each other and the store (PRODUCT.md §5.5): the contract must exist
 * and belong to the customer; a device stays on one contract until its final reading; per device the readings must be in date
 * order, newer than the last stored one, and no counter may go backwards; a reading in a month that is
 * already billed is refused. Every problem names the row. A row equal to a stored reading is skipped,
 * so importing a file twice adds nothing.
 */
export function checkReadings(rows: readonly ReadingRow[], stored: readonly MeterReading[], contracts: ReadonlyMap<string, Contract>, billedMonths: ReadonlySet<string>): ReadingCheck {
  const issues: Issue[] = [];
  const byId = new Map(stored.map((r) => [r.id, r]));
  const last = new Map<string, ReadingRow | MeterReading>();
  for (const r of [...stored].sort((a, b) => (a.readingDate < b.readingDate ? -1 : 1))) last.set(r.deviceId, r);
  const accepted: ReadingRow[] = [];
  let unchanged = 0;
  for (const row of rows) {
    const at = (column: string) => ({ source: row.source.file, row: row.source.row, column });
    const contract = contracts.get(row.contractNo);
    if (!contract) {
      issues.push(issue("meters.unknown_contract", { contract: row.contractNo }, at("contract_no")));
      continue;
    }
    if (contract.customerNo !== row.customerNo) {
      issues.push(issue("meters.contract_of_other_customer", { contract: row.contractNo, customer: row.customerNo }, at("customer_no")));
      continue;
    }
    const same = byId.get(readingId(row.deviceId, row.readingDate));
    if (same) {
      if (same.counterBw === row.counterBw && same.counterColor === row.counterColor && same.contractNo === row.contractNo) {
        if ((same.final ?? false) === (row.final ?? false)) unchanged++;
        else issues.push(issue(same.final ? "meters.final_stored" : "meters.final_not_stored", { device: row.deviceId, date: row.readingDate, where: whereText(same) }, at("final_reading")));
      } else issues.push(issue("meters.conflicting_reading", { device: row.deviceId, date: row.readingDate, bw: same.counterBw, color: same.counterColor, where: whereText(same) }, at("reading_date")));
      continue;
    }
    const prev = last.get(row.deviceId);
    if (prev && prev.contractNo !== row.contractNo && !prev.final) {
      issues.push(issue("meters.device_other_contract", { device: row.deviceId, contract: prev.contractNo }, at("contract_no")));
      continue;
    }
    if (prev && row.readingDate <= prev.readingDate) {
      issues.push(issue("meters.out_of_order", { device: row.deviceId, date: row.readingDate, last: prev.readingDate, where: whereText(prev) }, at("reading_date")));
      continue;
    }
    if (billedMonths.has(`${row.contractNo}|${monthOf(row.readingDate)}`)) {
      issues.push(issue("meters.month_billed", { contract: row.contractNo, month: monthOf(row.readingDate) }, at("reading_date")));
      continue;
    }
    // After a final reading the device starts anew (repaired, reset, placed elsewhere): no counter to continue.
    const backwards = (["counterBw", "counterColor"] as const).filter((k) => prev && !prev.final && row[k] < prev[k]);
    for (const k of backwards)
      issues.push(issue("meters.counter_backwards", { device: row.deviceId, value: row[k], previous: prev![k], date: prev!.readingDate, where: whereText(prev!) }, at(k === "counterBw" ? "counter_bw" : "counter_color")));
    if (backwards.length > 0) continue;
    last.set(row.deviceId, row);
    accepted.push(row);
  }
  return { accepted, unchanged, issues };
}

/** `row 4 of file.csv` style text for the message of an earlier reading. */
function whereText(r: { source: { file: string; row: number } }): string {
  return `${r.source.file}:${r.source.row}`;
}
