/**
 * The review sheet as the pane writes it (over src/excel/review-sheet.ts and
 * src/io/reconcile/review-table.ts): German action words for a German Excel, a short source label for
 * the sheet name, the default month of a file, and counting what Apply would leave out.
 */
import { sha256Hex } from "../../app/context";
import type { ReconcileOutcome } from "../../app/reconcile";
import { type IsoDate } from "../../core/date/iso-date";
import { addMonths, monthOf, type IsoMonth } from "../../core/date/iso-month";
import { skipCancellations } from "../../core/reconcile/apply-preview";
import type { ReviewDecision } from "../../core/reconcile/plan-apply";
import type { ReviewRow } from "../../core/reconcile/review-row";
import type { WriteTableOptions } from "../../excel/gateway";
import { REVIEW_COLUMN_KINDS, REVIEW_STATUS_COLOURS, reviewSheetName, reviewWriteOptions } from "../../excel/review-sheet";
import { reviewTableRows, type ReviewCell } from "../../io/reconcile/review-table";
import { REVIEW_ACTION_WORDS, REVIEW_STATUS_WORDS, reviewHeader } from "../../io/reconcile/review-words";
import type { VendorLine } from "../../io/vendor/vendor-line";
import type { Language } from "../i18n";
import { isSheetOfKind } from "../../io/table/sheet-names";

export const ACTION_WORDS: Record<Language, { accept: string; skip: string }> = REVIEW_ACTION_WORDS;

/** Short labels of the built-in profiles for sheet names (31 characters in all). */
const SHORT: Record<string, string> = {
  "microsoft-nce-invoice": "MS NCE",
  "microsoft-legacy-license": "MS Legacy",
  "microsoft-nce-daily-usage": "MS Usage",
};

/** `MS NCE`, a user profile's name, or `mehrere`/`several` for files of different profiles. */
export function sourceLabel(profiles: readonly { id: string; name: string }[], language: Language): string {
  const distinct = [...new Map(profiles.map((p) => [p.id, p])).values()];
  if (distinct.length === 0) return "";
  if (distinct.length > 1) return language === "de" ? "mehrere" : "several";
  const p = distinct[0]!;
  return SHORT[p.id] ?? p.name.slice(0, 12).trim();
}

/** The review sheet's name for a month and source label. */
export function reviewSheetFor(month: IsoMonth, label: string, language: Language = "de"): string {
  return reviewSheetName(month, label, language);
}

/** The review sheets among a workbook's sheets, in either language (`Abgleich 2026-10 …`, `Review 2026-10 …`). */
export function reviewSheetsIn(sheets: readonly string[]): string[] {
  return sheets.filter((name) => isSheetOfKind(name, "review", /^\d{4}-\d{2}/));
}

/**
 * Review rows as cells: headers, status and action words in the user's language. A cancellation to
 * quantity 0 is written as *überspringen* until the clerk accepts it (the CLI keeps `accept`).
 */
export function reviewCells(rows: readonly ReviewRow[], language: Language): ReviewCell[][] {
  return reviewTableRows(skipCancellations(rows), language);
}

/** Write options of the review sheet: status colours, filters and the action drop-down in the user's words. */
export function reviewOptions(sheet: string, language: Language, extra: Partial<WriteTableOptions> = {}): WriteTableOptions {
  const words = ACTION_WORDS[language];
  const columns = Object.fromEntries(Object.entries(REVIEW_COLUMN_KINDS).map(([c, k]) => [reviewHeader(c, language), k]));
  const colours = Object.fromEntries(Object.entries(REVIEW_STATUS_COLOURS).map(([s, c]) => [REVIEW_STATUS_WORDS[language][s as ReviewRow["status"]] ?? s, c]));
  return reviewWriteOptions(sheet, {
    columns,
    status: { column: reviewHeader("status", language), colours },
    validation: [{ column: reviewHeader("action", language), list: [words.accept, words.skip] }],
    ...extra,
  });
}

/** Rows Apply would leave out although the vendor bills them: unmapped and not accepted. */
export function unmappedLeftOut(items: readonly Pick<ReviewDecision, "status" | "action">[]): number {
  return items.filter((d) => (d.status === "unmapped_customer" || d.status === "unmapped_article") && d.action !== "accept").length;
}

/** The month most lines start in (a reconciliation file covers one month); else the previous month. */
export function defaultMonth(lines: readonly Pick<VendorLine, "chargeFrom">[], today: IsoDate): IsoMonth {
  const counts = new Map<string, number>();
  for (const l of lines) if (l.chargeFrom) counts.set(monthOf(l.chargeFrom), (counts.get(monthOf(l.chargeFrom)) ?? 0) + 1);
  let best: string | null = null;
  for (const [m, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best)! && m > best)) best = m;
  return (best ?? addMonths(monthOf(today), -1)) as IsoMonth;
}

/** Counts per status of an outcome, in the order statuses are shown. */
export function statusCounts(outcome: Pick<ReconcileOutcome, "rows">): { status: ReviewRow["status"]; count: number }[] {
  const order: ReviewRow["status"][] = ["quantity_changed", "new_position", "missing_in_file", "unmapped_customer", "unmapped_article", "unchanged"];
  return order.map((status) => ({ status, count: outcome.rows.filter((r) => r.status === status).length })).filter((c) => c.count > 0);
}

/** SHA-256 of a table read from a sheet (the "file hash" of a sheet in the import batch log). */
export function sha256OfRows(rows: readonly (readonly string[])[]): Promise<string> {
  return sha256Hex(new TextEncoder().encode(rows.map((r) => r.join("\t")).join("\n")));
}
