import type { Mandate } from "../../core/sepa/mandate";
import { formatIban } from "../../core/sepa/iban";
import type { DebtorSettings } from "../../core/sepa/plan";
import { CsvCell, toCsv } from "../table/write-csv";
import { MANDATE_COLUMNS } from "./mandate-columns";

/**
 * The mandates as rows with the header of {@link MANDATE_COLUMNS} (for the mandates sheet or the CSV),
 * ordered by customer number; reading them back gives the same mandates. A mandate with several
 * amendments writes its latest one (the file holds one per row).
 */
export function mandateRows(mandates: readonly Mandate[], debtors: ReadonlyMap<string, DebtorSettings>): string[][] {
  const rows: string[][] = [[...MANDATE_COLUMNS]];
  for (const m of [...mandates].sort((a, b) => (a.customerNo < b.customerNo ? -1 : a.customerNo > b.customerNo ? 1 : 0))) {
    const a = m.amendments?.[m.amendments.length - 1];
    const d = debtors.get(m.customerNo);
    rows.push([
      m.customerNo, m.mandateRef, m.signatureDate, formatIban(m.iban), m.bic ?? "", m.scheme, m.debtorName, m.lastCollectionDate ?? "",
      a?.changedOn ?? "", a?.previousMandateRef ?? "", a?.previousIban ? formatIban(a.previousIban) : "", m.revokedOn ?? "",
      d?.paymentMethod ?? "direct_debit", d?.netCredits === undefined ? "" : d.netCredits ? "yes" : "no",
    ]);
  }
  return rows;
}

/** The mandates CSV (UTF-8 text, `,`, CRLF). */
export function writeMandatesCsv(mandates: readonly Mandate[], debtors: ReadonlyMap<string, DebtorSettings>): string {
  return toCsv(mandateRows(mandates, debtors) as CsvCell[][]);
}
