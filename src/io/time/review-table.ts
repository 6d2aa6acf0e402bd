/**
 * The time review as a table (CLI `time review` CSV, the task pane's sheet "Zeiten YYYY-MM") and its
 * reader (`time approve`, the pane's "Entscheidungen übernehmen"): one row per open entry, the
 * decision column `billable` (German sheet: `abrechnen`) with yes/no, read back by header names.
 */
import { pushAll } from "../../core/array";
import type { Issue } from "../../core/issues";
import { type Lang, messageText } from "../../core/messages";
import type { TimeDecision, TimeReviewRow } from "../../core/time/review";
import { CellReader } from "../table/cell-reader";
import { cellOf, missingColumns, toHeaderTable } from "../table/header-table";
import { type RawTable, columnLetter } from "../table/raw-table";
import type { CsvCell } from "../table/write-csv";
import { canonicalTable, userColumn, withUserColumns } from "../table/sheet-vocabulary";
import { TIME_REVIEW_VOCABULARY } from "../sheets/time-words";

/** The decision column: its header and words (`billable` yes/no in files and English sheets). */
export interface DecisionWords {
  header: string;
  yes: string;
  no: string;
}

export const DECISION_EN: DecisionWords = { header: "billable", yes: "yes", no: "no" };

/** Headers the reader accepts for the decision column. */
export const DECISION_HEADERS = ["billable", "abrechnen"] as const;

/** The columns after `status` and the decision column. */
export const TIME_REVIEW_INFO_COLUMNS = [
  "date", "start", "end", "ticket_no", "customer_no", "customer_name", "contract_no", "technician", "activity", "description", "minutes",
  "unit_minutes", "units", "included_units", "contingent_units", "charged_units", "article_no", "price_per_hour", "surcharges", "flat_fees", "net_amount",
  "issues", "entry_id", "source_file", "source_row",
] as const;

export function timeReviewHeader(words: DecisionWords = DECISION_EN): string[] {
  return ["status", words.header, ...TIME_REVIEW_INFO_COLUMNS];
}

/** Header and rows, ready for CSV or a worksheet; the issues column in the given language. */
export function timeReviewTableRows(rows: readonly TimeReviewRow[], lang: Lang, words: DecisionWords = DECISION_EN): CsvCell[][] {
  const n = (v: number | string | null): CsvCell => (v === null ? "" : { number: String(v) });
  return [
    timeReviewHeader(words),
    ...rows.map((r) => [
      r.status, r.billable ? words.yes : words.no, r.date, r.start, r.end, r.ticketNo, r.customerNo, r.customerName, r.contractNo, r.technician, r.activity, r.description, n(r.minutes),
      n(r.unitMinutes), n(r.units), n(r.included), n(r.contingent), n(r.charged), r.articles.join(", "), n(r.pricePerHour), r.surcharges.join(", "), r.flatFees.join(", "), n(r.net),
      r.issues.map((i) => messageText(i, lang)).join(" "), r.entryId, r.source.file, n(r.source.row),
    ]),
  ];
}

/**
 * Reads the decisions back by header names, German or English (rows may be sorted, filtered or deleted; a deleted row
 * decides nothing): `entry_id` and the decision column (`billable` or `abrechnen`: yes/no, ja/nein,
 * 1/0 …). Every bad cell is an issue naming row and column.
 */
export function readTimeReviewTable(raw: RawTable): { decisions: TimeDecision[]; issues: Issue[] } {
  const canonical = canonicalTable(TIME_REVIEW_VOCABULARY, raw);
  const read = readCanonical(canonical.raw);
  return {
    decisions: read.decisions.map((d) => (d.where?.column ? { ...d, where: { ...d.where, column: userColumn(TIME_REVIEW_VOCABULARY, canonical, d.where.column) } } : d)),
    issues: withUserColumns(TIME_REVIEW_VOCABULARY, read.issues, canonical),
  };
}

function readCanonical(raw: RawTable): { decisions: TimeDecision[]; issues: Issue[] } {
  const { table, issues } = toHeaderTable(raw);
  if (!table) return { decisions: [], issues };
  const column = DECISION_HEADERS.find((h) => table.index.has(h));
  const missing = missingColumns(table, ["entry_id", column ?? DECISION_HEADERS.join(" / ")]);
  if (missing.length > 0) return { decisions: [], issues: [...issues, ...missing] };
  const decisions: TimeDecision[] = [];
  for (const { row, cells } of table.rows) {
    const r = new CellReader(table, cells, row);
    const entryId = r.text("entry_id", true);
    const billable = cellOf(table, cells, column!) === "" ? r.bad("parse.required", column!) : r.flag(column!);
    if (r.issues.length > 0 || billable === undefined) {
      pushAll(issues, r.issues);
      continue;
    }
    const i = table.index.get(column!)!;
    decisions.push({ entryId, billable, where: { source: table.source, row, column: `${table.headers[i]} (${columnLetter(i)})` } });
  }
  return { decisions, issues };
}
