import { pushAll } from "../../core/array";
import type { ReadingRow } from "../../core/clicks/model";
import { Issue } from "../../core/issues";
import { CellReader } from "../table/cell-reader";
import { missingColumns, toHeaderTable } from "../table/header-table";
import type { RawTable } from "../table/raw-table";
import { dateProblemCode, parseDateText, parseDecimalText } from "../values";

/** The fixed headers of a meter-reading file (PRODUCT.md §8 `meters import`). */
export const METER_COLUMNS = ["device_id", "customer_no", "contract_no", "reading_date", "counter_bw", "counter_color"] as const;
/** Optional: `final_reading` yes/no (ja/nein, 1/0, x): the device's last reading on its contract (removed, swapped, returned). */
export const METER_OPTIONAL_COLUMNS = ["final_reading"] as const;

/**
 * Reads meter readings (headers case-insensitive, any order, `,` or `;`; `final_reading` optional). Counters are whole numbers
 * ≥ 0 (thousands separators allowed); dates `YYYY-MM-DD` or `DD.MM.YYYY`. Every bad cell is an issue
 * naming file, row and column.
 */
export function readMeterTable(raw: RawTable): { rows: ReadingRow[]; issues: Issue[] } {
  const { table, issues } = toHeaderTable(raw);
  if (!table) return { rows: [], issues };
  const missing = missingColumns(table, METER_COLUMNS);
  if (missing.length > 0) return { rows: [], issues: [...issues, ...missing] };
  const rows: ReadingRow[] = [];
  for (const { row, cells } of table.rows) {
    const r = new CellReader(table, cells, row);
    const deviceId = r.text("device_id", true);
    const customerNo = r.text("customer_no", true);
    const contractNo = r.text("contract_no", true);
    const dateText = r.text("reading_date", true);
    const readingDate = dateText === "" ? undefined : parseDateText(dateText, "dmy") ?? r.bad(dateProblemCode(dateText, "dmy", "parse.invalid_date"), "reading_date", { value: dateText });
    const counterBw = counter(r, "counter_bw");
    const counterColor = counter(r, "counter_color");
    const final = r.flag("final_reading");
    if (r.issues.length > 0 || !readingDate || counterBw === undefined || counterColor === undefined) {
      pushAll(issues, r.issues);
      continue;
    }
    rows.push({ deviceId, customerNo, contractNo, readingDate, counterBw, counterColor, ...(final ? { final: true as const } : {}), source: { file: table.source, row } });
  }
  return { rows, issues };
}

/** A counter: whole number ≥ 0 (thousands groups allowed); an empty colour counter (black/white device) is 0. */
function counter(r: CellReader, column: string): number | undefined {
  const raw = r.text(column, column === "counter_bw");
  if (raw === "") return column === "counter_bw" ? undefined : 0;
  // Counters are whole numbers, so `10.800` / `10,800` / `10 800` are thousands groups, not decimals.
  const grouped = /^\d{1,3}([.,'\u00a0 ]\d{3})+$/.test(raw) ? raw.replace(/[.,'\u00a0 ]/g, "") : raw;
  const d = parseDecimalText(grouped);
  if (!d || !d.isInteger() || d.isNegative() || d.greaterThan(Number.MAX_SAFE_INTEGER)) return r.bad("meters.invalid_counter", column, { value: raw });
  return d.toNumber();
}
