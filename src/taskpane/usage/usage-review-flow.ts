/**
 * What the pane's usage section does, without React (so it is tested with the Excel fake): read
 * usage files and import them, write the usage review sheet of a month, read the decisions back and
 * store them. The same use cases as `usage import`, `usage review` and `usage approve`
 * (src/app/usage.ts): the next billing run bills what they approved.
 */
import { findSheetToRead } from "../find-sheet";
import type { AppContext } from "../../app/context";
import { sha256Hex } from "../../app/context";
import type { VendorFileRead } from "../../app/reconcile";
import type { UsageImportSummary } from "../../app/usage";
import { applyUsageDecisions, importUsage, loadUserProfiles, reviewUsage } from "../connection/use-cases";
import type { IsoMonth } from "../../core/date/iso-month";
import type { Issue, Result } from "../../core/issues";
import type { UsageReview } from "../../core/usage/review";
import type { WorkbookGateway, WriteTableResult } from "../../excel/gateway";
import type { Language } from "../i18n";
import { locateIssues } from "../issues";
import { rowsBelowWarning } from "../rows-below";
import type { ParseRun, VendorParser } from "../parse/vendor-parser";
import { sha256OfRows } from "../reconcile/review";
import { readUsageReviewSheet, usageReviewSheetName, usageReviewSheetRows, usageReviewWriteOptions } from "./usage-review-sheet";

/** Reads each file as the reconcile and cost-check sections do (the user's profiles too) and imports their usage lines: one undoable batch, all or nothing. */
export async function importUsageFiles(app: AppContext, parser: VendorParser, files: readonly { name: string; bytes: Uint8Array }[], run: ParseRun = {}): Promise<Result<UsageImportSummary> & { warnings?: Issue[] }> {
  const { profiles, issues: profileIssues } = await loadUserProfiles(app);
  const reads: VendorFileRead[] = [];
  for (const f of files) {
    const result = await parser.parseBytes(f.bytes, { name: f.name, userProfiles: profiles }, run);
    reads.push({ name: f.name, sha256: await sha256Hex(f.bytes), result });
  }
  const r = await importUsage(app, reads);
  if (!r.ok) return r;
  // What the readers only warned about (a date column read in one order, …) is shown with the result.
  return { ...r, warnings: [...profileIssues, ...reads.flatMap((x) => x.result.issues)] };
}

/** Writes the usage review of `month` to the sheet "Verbrauch YYYY-MM" (replacing it). */
export async function writeUsageReviewSheet(
  app: AppContext,
  gateway: WorkbookGateway,
  month: IsoMonth,
  language: Language,
  run: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {},
): Promise<{ review: UsageReview; written: Result<WriteTableResult> }> {
  const review = await reviewUsage(app, month);
  const sheet = usageReviewSheetName(month, language);
  const written = await gateway.writeTable(sheet, usageReviewSheetRows(review, language), { ...usageReviewWriteOptions(sheet, language), ...run });
  return { review, written };
}

/** `below`: the warning about rows typed under the sheet's table (not read), empty when there are none. */
export type AppliedUsageSheet = { issues: Issue[]; sheet: string } | { summary: { approved: number; held: number; unchanged: number }; sheet: string; below: Issue[] };

/** Reads the decisions of the month's review sheet back and stores them (all or nothing; bad cells named by their cell). */
export async function applyUsageReviewSheet(app: AppContext, gateway: WorkbookGateway, month: IsoMonth, language: Language = "de"): Promise<AppliedUsageSheet> {
  // The user's-language sheet, else a colleague's in the other language.
  const found = await findSheetToRead(gateway, usageReviewSheetName(month, language), language);
  if (!found.ok) return { issues: found.issues, sheet: usageReviewSheetName(month, language) };
  const sheet = found.value;
  const read = await gateway.readTableByHeaders(sheet);
  if (!read.ok) return { issues: read.issues, sheet };
  const below = await rowsBelowWarning(gateway, sheet);
  const { decisions, issues: bad } = readUsageReviewSheet(read.value.table);
  if (bad.length > 0) return { issues: [...locateIssues(bad, read.value.table, read.value.sheet), ...below], sheet };
  const applied = await applyUsageDecisions(app, decisions, { name: sheet, sha256: await sha256OfRows(read.value.table.rows) });
  if (!applied.ok) return { issues: [...locateIssues(applied.issues, read.value.table, read.value.sheet), ...below], sheet };
  return { summary: applied.value, sheet, below };
}
