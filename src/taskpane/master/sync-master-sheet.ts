/**
 * A master sheet (Verträge, Artikel) written back to the store: found under the user's-language name
 * or, in a colleague's workbook, under the other language's; imported as the master CSV it mirrors
 * (all or nothing, one undoable batch), bad cells named by the sheet's own columns and cells.
 */
import type { AppContext } from "../../app/context";
import type { ImportMasterSummary } from "../../app/import-master";
import type { Issue } from "../../core/issues";
import type { WorkbookGateway } from "../../excel/gateway";
import { importMaster } from "../connection/use-cases";
import { findSheetToRead } from "../find-sheet";
import type { Language } from "../i18n";
import { locateIssues } from "../issues";
import { rowsBelowWarning } from "../rows-below";
import { MASTER_SHEET_NAMES, masterSheetAsCsv, type MasterSheet } from "./master-sheets";

export type MasterSyncOutcome =
  /** `sheet`: the sheet read (the user's name or the colleague's); `below`: rows typed under its table. */
  | { ok: true; sheet: string; summary: ImportMasterSummary; below: Issue[] }
  /** `missing`: neither language's sheet is in the workbook (nothing was read, so no cell to correct). */
  | { ok: false; sheet: string; issues: Issue[]; missing: boolean };

/**
 * Reads the `kind` sheet back and imports it; nothing is stored when any cell is bad. `dryRun`: the
 * check before it (what it would store, the bad cells alike), storing nothing.
 */
export async function syncMasterSheet(app: AppContext, gateway: WorkbookGateway, kind: Exclude<MasterSheet, "customers">, language: Language, options: { dryRun?: boolean } = {}): Promise<MasterSyncOutcome> {
  const own = MASTER_SHEET_NAMES[language][kind];
  const found = await findSheetToRead(gateway, own, language);
  if (!found.ok) return { ok: false, sheet: own, issues: found.issues, missing: true };
  const sheet = found.value;
  const read = await gateway.readTableByHeaders(sheet);
  if (!read.ok) return { ok: false, sheet, issues: read.issues, missing: false };
  const below = await rowsBelowWarning(gateway, sheet);
  const csv = masterSheetAsCsv(kind, read.value.table);
  const result = await importMaster(app, [{ name: sheet, bytes: csv.bytes }], options.dryRun ? { dryRun: true } : undefined);
  if (!result.ok) return { ok: false, sheet, issues: [...locateIssues(csv.userColumns(result.issues), read.value.table, sheet), ...below], missing: false };
  return { ok: true, sheet, summary: result.value, below };
}
