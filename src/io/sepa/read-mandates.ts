import { pushAll } from "../../core/array";
import type { IsoDate } from "../../core/date/iso-date";
import { Issue, Result, fail, hasErrors, ok } from "../../core/issues";
import { checkBic } from "../../core/sepa/bic";
import { checkIban, normalizeIban } from "../../core/sepa/iban";
import { type Mandate, type MandateAmendment, type MandateScheme, checkMandateRef, mandateDateIssues, mandateRefKey, sameMandateRef } from "../../core/sepa/mandate";
import type { DebtorSettings, PaymentMethod } from "../../core/sepa/plan";
import { CellReader } from "../table/cell-reader";
import { decodeBytes } from "../table/decode";
import { missingColumns, toHeaderTable } from "../table/header-table";
import type { RawTable } from "../table/raw-table";
import { readCsvText } from "../table/read-csv";
import { MANDATE_REQUIRED } from "./mandate-columns";

/** One row of a mandates file: the customer's mandate and how the customer pays. */
export interface MandateRow {
  source: string;
  row: number;
  mandate: Mandate;
  debtor: DebtorSettings;
}

const PAYMENT_METHODS = ["direct_debit", "transfer"] as const satisfies readonly PaymentMethod[];

/**
 * Reads a mandates table (CSV or sheet; columns in `mandate-columns.ts`) into mandates. All or
 * nothing: any bad cell, a customer or mandate reference given twice, or a mandate whose data do not
 * fit together fails the whole table, every problem named by file, row and column. `today` rejects
 * signature dates in the future.
 */
export function readMandatesTable(raw: RawTable, today: IsoDate): Result<MandateRow[]> {
  const { table, issues: headerIssues } = toHeaderTable(raw);
  if (!table) return fail(...headerIssues);
  const issues: Issue[] = [...headerIssues, ...missingColumns(table, MANDATE_REQUIRED)];
  if (hasErrors(issues)) return fail(...issues);
  const rows: MandateRow[] = [];
  const customerRow = new Map<string, number>();
  const refRow = new Map<string, number>();
  for (const { row, cells } of table.rows) {
    const r = new CellReader(table, cells, row);
    const read = readRow(r, today);
    if (read) {
      const { mandate } = read;
      const seenCustomer = customerRow.get(mandate.customerNo);
      if (seenCustomer !== undefined) r.bad("sepa.duplicate_customer", "customer_no", { customer: mandate.customerNo, otherRow: seenCustomer });
      else customerRow.set(mandate.customerNo, row);
      for (const ref of [mandate.mandateRef, ...(mandate.amendments ?? []).flatMap((a) => (a.previousMandateRef ? [a.previousMandateRef] : []))]) {
        const seenRef = refRow.get(mandateRefKey(ref));
        if (seenRef !== undefined) r.bad("sepa.duplicate_mandate_ref", ref === mandate.mandateRef ? "mandate_ref" : "previous_mandate_ref", { mandate: ref, otherRow: seenRef });
        else refRow.set(mandateRefKey(ref), row);
      }
    }
    pushAll(issues, r.issues);
    if (read && r.issues.length === 0) rows.push({ source: table.source, row, ...read });
  }
  return hasErrors(issues) ? fail(...issues) : ok(rows);
}

/** Decodes (UTF-8 or Windows-1252) and reads a mandates CSV file (`,` `;` or tab). */
export function readMandatesCsv(bytes: Uint8Array, fileName: string, today: IsoDate): Result<MandateRow[]> {
  const csv = readCsvText(decodeBytes(bytes).text, fileName);
  if (hasErrors(csv.issues)) return fail(...csv.issues);
  return readMandatesTable(csv.table, today);
}

function readRow(r: CellReader, today: IsoDate): { mandate: Mandate; debtor: DebtorSettings } | null {
  const customerNo = r.text("customer_no", true);
  const refText = r.text("mandate_ref", true);
  const signatureDate = r.date("signature_date", { required: true });
  const ibanText = r.text("iban", true);
  const bicText = r.text("bic");
  const scheme = r.choice("scheme", ["core", "b2b"] as const, "core");
  const debtorName = r.text("debtor_name", true);
  const lastCollectionDate = r.date("last_collection_date");
  const changedOn = r.date("changed_on");
  const previousRefText = r.text("previous_mandate_ref");
  const previousIbanText = r.text("previous_iban");
  const revokedOn = r.date("revoked_on");
  const paymentMethod = r.choice("payment_method", PAYMENT_METHODS, "direct_debit");
  const netCredits = r.flag("net_credits");

  const checked = <T>(column: string, result: Result<T>): T | undefined => {
    if (result.ok) return result.value;
    for (const i of result.issues) r.bad(i.code, column, i.params);
    return undefined;
  };
  const mandateRef = refText ? checked("mandate_ref", checkMandateRef(refText)) : undefined;
  const iban = ibanText ? checked("iban", checkIban(ibanText)) : undefined;
  const bic = bicText ? checked("bic", checkBic(bicText)) : undefined;
  const previousMandateRef = previousRefText ? checked("previous_mandate_ref", checkMandateRef(previousRefText)) : undefined;
  const previousIban = previousIbanText ? checked("previous_iban", checkIban(previousIbanText)) : undefined;

  const amendmentGiven = changedOn !== undefined || previousRefText !== "" || previousIbanText !== "";
  if (amendmentGiven && (changedOn === undefined || (previousRefText === "" && previousIbanText === ""))) r.bad("sepa.amendment_incomplete", changedOn === undefined ? "changed_on" : "previous_mandate_ref");
  if (previousMandateRef !== undefined && mandateRef !== undefined && sameMandateRef(previousMandateRef, mandateRef)) r.bad("sepa.amendment_unchanged", "previous_mandate_ref", { value: previousMandateRef });
  if (previousIban !== undefined && iban !== undefined && normalizeIban(previousIban) === iban) r.bad("sepa.amendment_unchanged", "previous_iban", { value: previousIbanText });

  // Dates in order and the signature not in the future: checked whatever else is wrong in the row.
  if (signatureDate) {
    const dated = { customerNo, mandateRef: refText, signatureDate, ...(lastCollectionDate ? { lastCollectionDate } : {}), ...(changedOn ? { amendments: [{ changedOn }] } : {}) };
    for (const i of mandateDateIssues(dated, today)) r.bad(i.code, columnOf(i.code), i.params);
  }
  if (r.issues.length > 0 || !mandateRef || !signatureDate || !iban || !scheme || !paymentMethod) return null;
  const amendment: MandateAmendment | undefined = changedOn
    ? { changedOn, ...(previousMandateRef ? { previousMandateRef } : {}), ...(previousIban ? { previousIban } : {}) }
    : undefined;
  const mandate: Mandate = {
    customerNo,
    mandateRef,
    signatureDate,
    iban,
    ...(bic ? { bic } : {}),
    scheme: scheme.toUpperCase() as MandateScheme,
    debtorName,
    ...(lastCollectionDate ? { lastCollectionDate } : {}),
    ...(amendment ? { amendments: [amendment] } : {}),
    ...(revokedOn ? { revokedOn } : {}),
  };
  return { mandate, debtor: { paymentMethod, ...(netCredits !== undefined ? { netCredits } : {}) } };
}

function columnOf(code: string): string {
  if (code === "sepa.mandate_signed_in_future") return "signature_date";
  if (code === "sepa.mandate_used_before_signature") return "last_collection_date";
  return "changed_on";
}
