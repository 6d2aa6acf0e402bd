/** Pane strings of the question before the first export or print of a draft run (it issues the run), per language. */
import type { Language } from "../i18n";
import { formatCount } from "../i18n/format";

/** What leaves the pane: a file for accounting (CSV, DATEV, profile) or the printable invoices. */
export type ExportKind = "file" | "documents";

export interface ExportIssueStrings {
  confirmTitle: Record<ExportKind, string>;
  /** The run, how many invoices and their numbers ("RE-000001 … RE-000003"). */
  confirmText: (kind: ExportKind, run: string, invoices: number, numbers: string) => string;
  confirmYes: Record<ExportKind, string>;
  /** Under the export buttons while the latest run is a draft. */
  draftHint: string;
  /** After the notice of the download, when it issued the run (and earlier drafts with it, oldest first). */
  issuedNow: (run: string, earlier: readonly string[]) => string;
}

export const exportIssueStrings: Record<Language, ExportIssueStrings> = {
  de: {
    confirmTitle: { file: "Exportieren schreibt den Lauf fest", documents: "Drucken schreibt den Lauf fest" },
    confirmText: (kind, run, n, numbers) =>
      `${run} ist noch ein Entwurf. ${kind === "file" ? "Mit dem Export" : "Mit dem Druck"} wird er festgeschrieben: ` +
      `${formatCount(n, "Rechnung", "Rechnungen", "de")} (${numbers}) sind danach endgültig, der Lauf kann nicht mehr rückgängig gemacht werden, ` +
      `Korrekturen gehen nur noch über eine Stornorechnung (GoBD). Frühere Entwürfe werden mit festgeschrieben.`,
    confirmYes: { file: "Exportieren und festschreiben", documents: "Drucken und festschreiben" },
    draftHint: "Der Lauf ist ein Entwurf: der erste Export oder Druck schreibt ihn fest (danach kein Rückgängig mehr, nur Storno).",
    issuedNow: (run, earlier) => `${run} ist damit festgeschrieben${earlier.length > 0 ? `, mit ${earlier.length === 1 ? "dem früheren Entwurf" : "den früheren Entwürfen"} ${earlier.join(", ")}` : ""}.`,
  },
  en: {
    confirmTitle: { file: "Exporting issues the run", documents: "Printing issues the run" },
    confirmText: (kind, run, n, numbers) =>
      `${run} is still a draft. ${kind === "file" ? "The export" : "Printing"} issues it: ` +
      `${formatCount(n, "invoice", "invoices", "en")} (${numbers}) become final, the run can no longer be undone, ` +
      `and corrections are possible only by a cancellation invoice (GoBD). Earlier drafts are issued with it.`,
    confirmYes: { file: "Export and issue", documents: "Print and issue" },
    draftHint: "The run is a draft: its first export or print issues it (no undo afterwards, only cancellation).",
    issuedNow: (run, earlier) => `${run} is issued now${earlier.length > 0 ? `, with the earlier ${earlier.length === 1 ? "draft" : "drafts"} ${earlier.join(", ")}` : ""}.`,
  },
};

/** The numbers of a run's invoices, shortened: "RE-000001" or "RE-000001 … RE-000003". */
export function invoiceNumberRange(refs: readonly string[]): string {
  return refs.length === 0 ? "–" : refs.length === 1 ? refs[0]! : `${refs[0]} … ${refs[refs.length - 1]}`;
}
