import type { IsoDate } from "../../../src/core/date/iso-date";
import type { CreditorSettings } from "../../../src/core/sepa/creditor";
import { mod97 } from "../../../src/core/sepa/creditor-id";
import type { Mandate } from "../../../src/core/sepa/mandate";
import type { RunDocument } from "../../../src/core/sepa/plan";

export const d = (s: string) => s as IsoDate;

/** An IBAN with correct ISO 13616 check digits for a country and BBAN. */
export function ibanOf(country: string, bban: string): string {
  const digits = [...`${bban}${country}00`].map((c) => (/[0-9]/.test(c) ? c : String(c.charCodeAt(0) - 55))).join("");
  return `${country}${String(98 - mod97(digits)).padStart(2, "0")}${bban}`;
}

/** A German IBAN at bank `blz` (8 digits) for account number `n`. */
export const deIban = (blz: string, n: number): string => ibanOf("DE", `${blz}${String(n).padStart(10, "0")}`);

export const CREDITOR: CreditorSettings = {
  name: "Systemhaus Süd GmbH & Co. KG",
  iban: "DE89 3704 0044 0532 0130 00",
  bic: "COBADEFFXXX",
  creditorId: "DE98ZZZ09999999999",
};

export function mandateOf(customerNo: string, over: Partial<Mandate> = {}): Mandate {
  return {
    customerNo,
    mandateRef: `MND-${customerNo}`,
    signatureDate: d("2025-06-01"),
    iban: deIban("37040044", Number(customerNo.replace(/\D/g, "") || "1")),
    scheme: "CORE",
    debtorName: `Kunde ${customerNo} GmbH`,
    ...over,
  };
}

export function invoice(invoiceRef: string, customerNo: string, grossTotal: string, over: Partial<RunDocument> = {}): RunDocument {
  return { invoiceRef, customerNo, kind: "invoice", grossTotal, invoiceDate: d("2026-01-02"), ...over };
}
