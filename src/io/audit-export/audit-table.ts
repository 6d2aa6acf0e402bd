import type { IsoDate } from "../../core/date/iso-date";

/**
 * A table for the auditor export (GDPdU / "Beschreibungsstandard für die Datenträgerüberlassung"):
 * named, typed columns and rows of values. The host fills these from the store (invoices, lines,
 * ledger, audit log); {@link writeGdpduExport} turns them into CSV files and index.xml.
 */

/** Column types of the description standard: AlphaNumeric, Numeric with decimal places, Date. */
export type AuditColumnType = { kind: "text" } | { kind: "numeric"; decimals: number } | { kind: "date" };

export interface AuditColumn {
  /** Column name (shown to the auditor; also the header row of the CSV). */
  name: string;
  description?: string;
  type: AuditColumnType;
}

/**
 * A cell: text for text columns, a canonical decimal string (`-12.5`) for numeric ones, an ISO date
 * for date columns; null or "" for an empty cell.
 */
export type AuditValue = string | null;

export interface AuditTable {
  /** File name of the CSV, relative (`rechnungen.csv`); letters, digits, `._-` only. */
  fileName: string;
  /** Logical table name (IDEA shows it; foreign keys reference it). */
  name: string;
  description?: string;
  columns: AuditColumn[];
  /** How many leading columns form the primary key (default 0: none declared). */
  primaryKeyColumns?: number;
  /** Columns that reference another table's primary key (by that table's name). */
  foreignKeys?: { columns: string[]; references: string }[];
  /** The period the data covers (index.xml `Validity`). */
  validity?: { from: IsoDate; to: IsoDate };
  rows: readonly (readonly AuditValue[])[];
}

export interface GdpduOptions {
  /**
   * `windows-1252` (default): the standard's default code page (ANSI), which every version of IDEA
   * reads; a character it cannot represent is an error naming table, row and column. `utf-8`
   * declares `<UTF8/>` in index.xml.
   */
  encoding?: "windows-1252" | "utf-8";
  /** index.xml `DataSupplier` (company name, location, comment). */
  dataSupplier?: { name: string; location: string; comment: string };
  /** index.xml `Media/Name`, e.g. "Rechnungsdaten 01.01.2026 – 31.12.2026". */
  mediaName: string;
}

/** One written file: name and bytes. Writing to disk (or into a ZIP) is the host's job. */
export interface ExportFile {
  name: string;
  bytes: Uint8Array;
}
