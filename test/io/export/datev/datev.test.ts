import * as iconv from "iconv-lite";
import { buildInvoice, type Invoice, type InvoiceLine } from "../../../../src/core/billing/invoice";
import type { Customer } from "../../../../src/core/contract/model";
import { formatIssue } from "../../../../src/core/messages";
import { DatevConfig, parseDatevConfig, revenueAccountFor, validateDatevConfig } from "../../../../src/io/export/datev/config";
import { datevAmount, datevDayMonth, datevExtf, datevTimestamp, fiscalYearStartFor } from "../../../../src/io/export/datev/extf";

const CONFIG: DatevConfig = { consultantNo: 1001, clientNo: 1, fiscalYearStart: "01-01", accountLength: 4, chart: "SKR03" };
const CREATED = "2026-03-01T08:00:00.000";

function line(over: Partial<InvoiceLine> = {}): InvoiceLine {
  return {
    lineNo: 1, lineType: "recurring", contractNo: "V-1", positionNo: 1, articleNo: "A-1", description: "Cloud-Lizenz",
    serviceFrom: "2026-02-01", serviceTo: "2026-02-28", quantity: "1", unitPrice: "100", discountPct: "0", periodFactor: "1",
    netAmount: "100.00", exactAmount: "100", vatPct: "19", ...over,
  };
}

function invoice(ref: string, customer: Customer, lines: InvoiceLine[], invoiceDate = "2026-02-02"): Invoice {
  return buildInvoice({ invoiceRef: ref, runId: "run-00001", invoiceDate, customer }, lines);
}

const K1: Customer = { no: "10001", name: "Muster GmbH", debtorAccount: "10001" };
const customers = (...cs: Customer[]) => new Map(cs.map((c) => [c.no, c]));
const codes = (r: { ok: boolean; issues?: { code: string }[] }) => (r.ok ? [] : r.issues!.map((i) => i.code));

describe("DATEV settings", () => {
  it("accepts a complete config; numbers may be given as digit texts", () => {
    const r = validateDatevConfig({ consultantNo: "1234567", clientNo: 99999, fiscalYearStart: "07-01", accountLength: 5, chart: "SKR04", revenueAccounts: { "0": "43360", "19.0": 44000 }, defaultDebtor: "100000", debtorFromCustomerNo: true, label: "Ausgangsrechnungen" });
    expect(r).toEqual({ ok: true, value: { consultantNo: 1234567, clientNo: 99999, fiscalYearStart: "07-01", accountLength: 5, chart: "SKR04", revenueAccounts: { "0": "43360", "19": "44000" }, defaultDebtor: "100000", debtorFromCustomerNo: true, label: "Ausgangsrechnungen" } });
  });

  it("names every bad field", () => {
    const r = validateDatevConfig({ consultantNo: 999, clientNo: 0, fiscalYearStart: "02-30", accountLength: 9, chart: "SKR05", label: "x".repeat(31), colour: "red" });
    expect(!r.ok && r.issues.map((i) => [i.code, i.params.field])).toEqual([
      ["datev.field_unknown", "colour"],
      ["datev.field_invalid", "consultantNo"],
      ["datev.field_invalid", "clientNo"],
      ["datev.field_invalid", "fiscalYearStart"],
      ["datev.field_invalid", "accountLength"],
      ["datev.field_invalid", "chart"],
      ["datev.field_invalid", "label"],
    ]);
    expect(!r.ok && formatIssue(r.issues[1]!, "de")).toBe("DATEV-Einstellungen: Feld consultantNo: „999“ ist ungültig (erwartet eine ganze Zahl von 1001 bis 9999999).");
  });

  it("reports missing fields, accounts that do not fit the account length, bad rate keys and bad JSON", () => {
    const missing = validateDatevConfig({});
    expect(!missing.ok && missing.issues.map((i) => i.params.field)).toEqual(["consultantNo", "clientNo", "fiscalYearStart", "accountLength", "chart"]);
    const accounts = validateDatevConfig({ ...CONFIG, revenueAccounts: { "19": "84000", abc: "8400" }, defaultDebtor: "70000" });
    expect(!accounts.ok && accounts.issues.map((i) => i.params.field)).toEqual(["defaultDebtor", "revenueAccounts.19", "revenueAccounts.abc"]);
    expect(codes(parseDatevConfig("{"))).toEqual(["datev.invalid_json"]);
    expect(codes(validateDatevConfig([]))).toEqual(["datev.field_invalid"]);
  });

  it("revenue accounts: SKR03 8400/8300, SKR04 4400/4300, widened to the account length; no preset for 0 %", () => {
    expect([revenueAccountFor(CONFIG, "19"), revenueAccountFor(CONFIG, "7"), revenueAccountFor(CONFIG, "0")]).toEqual(["8400", "8300", null]);
    const skr04 = { ...CONFIG, chart: "SKR04" as const, accountLength: 5 };
    expect([revenueAccountFor(skr04, "19.00"), revenueAccountFor(skr04, "7")]).toEqual(["44000", "43000"]);
    expect(revenueAccountFor({ ...CONFIG, revenueAccounts: { "19": "8401", "0": "8336" } }, "0")).toBe("8336");
  });
});

describe("DATEV field formats", () => {
  it("amounts with decimal comma, no sign, no thousands separator; TTMM with leading zeros; Erzeugt am", () => {
    expect([datevAmount("-1234.5"), datevAmount("0.07"), datevAmount("100")]).toEqual(["1234,50", "0,07", "100,00"]);
    expect([datevDayMonth("2026-01-02"), datevDayMonth("2026-12-31")]).toEqual(["0201", "3112"]);
    expect([datevTimestamp("2026-01-02T03:04:05.006"), datevTimestamp("2026-01-02T03:04:05"), datevTimestamp("02.01.2026")]).toEqual(["20260102030405006", "20260102030405000", null]);
  });

  it("fiscal year start for dates before and after the start day", () => {
    expect(fiscalYearStartFor("2026-08-15", "07-01")).toBe("2026-07-01");
    expect(fiscalYearStartFor("2026-03-15", "07-01")).toBe("2025-07-01");
  });
});

describe("datevExtf", () => {
  it("refuses characters outside Windows-1252 per invoice, before writing (no ?)", () => {
    const pl: Customer = { no: "10002", name: "Łódź Software Sp. z o.o.", debtorAccount: "10002" };
    const r = datevExtf([invoice("RE-1", K1, [line()]), invoice("RE-2", pl, [line()])], customers(K1, pl), CONFIG, { createdAt: CREATED });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues.map((i) => [i.code, i.params.invoice, i.params.chars])).toEqual([["export.unencodable_blocked", "RE-2", "Ł ź"]]);
    expect(!r.ok && formatIssue(r.issues[0]!, "en")).toContain("Invoice RE-2: the characters Ł ź do not exist in Windows-1252; the file is not written.");
  });

  it("characters Windows-1252 has (€, „, –, ß, é) are written as its single bytes", () => {
    const c: Customer = { no: "10003", name: "Café „Straße“ – 5 €", debtorAccount: "10003" };
    const r = datevExtf([invoice("RE-3", c, [line()])], customers(c), CONFIG, { createdAt: CREATED });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(iconv.decode(Buffer.from(r.value.bytes), "win1252")).toContain('"Café „Straße“ – 5 €"');
    expect(Buffer.from(r.value.bytes).includes(Buffer.from([0x80]))).toBe(true); // €
  });

  it("debtor account: the customer's own, the customer number (scheme), the default, else an error per invoice", () => {
    const plain: Customer = { no: "20005", name: "Ohne Konto AG" };
    const bad: Customer = { no: "K-7", name: "Falsches Konto", debtorAccount: "123" };
    const inv = [invoice("RE-1", K1, [line()]), invoice("RE-2", plain, [line()]), invoice("RE-3", bad, [line()])];
    const none = datevExtf(inv, customers(K1, plain, bad), CONFIG, { createdAt: CREATED });
    expect(!none.ok && none.issues.map((i) => [i.code, i.params.invoice])).toEqual([["datev.no_debtor", "RE-2"], ["datev.invalid_debtor", "RE-3"]]);
    const scheme = datevExtf(inv.slice(0, 2), customers(K1, plain), { ...CONFIG, debtorFromCustomerNo: true }, { createdAt: CREATED });
    expect(scheme.ok && scheme.value.bookings.map((b) => b.account)).toEqual(["10001", "20005"]);
    const fallback = datevExtf(inv.slice(0, 2), customers(K1, plain), { ...CONFIG, defaultDebtor: "19999" }, { createdAt: CREATED });
    expect(fallback.ok && fallback.value.bookings.map((b) => b.account)).toEqual(["10001", "19999"]);
  });

  it("a VAT rate without revenue account is an error naming invoice and rate; configured, it books", () => {
    const inv = [invoice("RE-1", K1, [line({ vatPct: "0", netAmount: "50.00" })])];
    const r = datevExtf(inv, customers(K1), CONFIG, { createdAt: CREATED });
    expect(!r.ok && r.issues.map((i) => [i.code, i.params.invoice, i.params.rate])).toEqual([["datev.no_revenue_account", "RE-1", "0"]]);
    const ok = datevExtf(inv, customers(K1), { ...CONFIG, revenueAccounts: { "0": "8336" } }, { createdAt: CREATED });
    expect(ok.ok && ok.value.bookings.map((b) => [b.amount, b.side, b.contraAccount])).toEqual([["50.00", "S", "8336"]]);
  });

  it("a rate whose gross is 0.00 books nothing (a note); a credit is H; a positive correction is S", () => {
    const zero = invoice("RE-1", K1, [line({ netAmount: "10.00" }), line({ lineNo: 2, netAmount: "-10.00", lineType: "difference", correctsRef: "RE-0" })]);
    const credit = invoice("RE-2", K1, [line({ lineType: "difference", netAmount: "-20.00", correctsRef: "RE-0" })]);
    const debit = invoice("RE-3", K1, [line({ lineType: "difference", netAmount: "20.00", correctsRef: "RE-0" })]);
    expect([credit.documentType, debit.documentType]).toEqual(["correction", "correction"]);
    const r = datevExtf([zero, credit, debit, invoice("RE-4", K1, [line()])], customers(K1), CONFIG, { createdAt: CREATED });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.issues.map((i) => [i.code, i.severity, i.params.invoice])).toEqual([["datev.zero_booking", "info", "RE-1"]]);
    expect(r.value.bookings.map((b) => [b.invoiceRef, b.amount, b.side, b.correctsRefs.join()])).toEqual([
      ["RE-2", "23.80", "H", "RE-0"],
      ["RE-3", "23.80", "S", "RE-0"],
      ["RE-4", "119.00", "S", ""],
    ]);
  });

  it("invoice dates in two fiscal years fail; the header range stays inside the fiscal year", () => {
    const across = datevExtf([invoice("RE-1", K1, [line()], "2026-06-30"), invoice("RE-2", K1, [line()], "2026-07-01")], customers(K1), { ...CONFIG, fiscalYearStart: "07-01" }, { createdAt: CREATED });
    expect(codes(across)).toEqual(["datev.fiscal_years"]);
    const inside = datevExtf([invoice("RE-1", K1, [line()], "2026-07-01")], customers(K1), { ...CONFIG, fiscalYearStart: "07-15" }, { createdAt: CREATED });
    expect(inside.ok && [inside.value.header[12], inside.value.dateFrom, inside.value.dateTo]).toEqual(["20250715", "2026-07-01", "2026-07-14"]);
  });

  it("an invoice number that does not fit Belegfeld 1, an empty batch, a bad label or timestamp fail", () => {
    expect(codes(datevExtf([invoice("RE 2026/1", K1, [line()])], customers(K1), CONFIG, { createdAt: CREATED }))).toEqual(["datev.invalid_ref"]);
    expect(codes(datevExtf([invoice("R".repeat(37), K1, [line()])], customers(K1), CONFIG, { createdAt: CREATED }))).toEqual(["datev.invalid_ref"]);
    expect(codes(datevExtf([], customers(K1), CONFIG, { createdAt: CREATED }))).toEqual(["datev.no_invoices"]);
    expect(codes(datevExtf([invoice("RE-1", K1, [line()])], customers(K1), CONFIG, { createdAt: CREATED, label: "Ärger mit Łódź" }))).toEqual(["datev.label_unencodable"]);
    expect(codes(datevExtf([invoice("RE-1", K1, [line()])], customers(K1), CONFIG, { createdAt: "now" }))).toEqual(["datev.field_invalid"]);
  });

  it("texts: quotes doubled, line breaks removed, Buchungstext cut to 60 characters", () => {
    const c: Customer = { no: "10004", name: `Firma "Zitat"\r\n${"x".repeat(80)}`, debtorAccount: "10004" };
    const r = datevExtf([invoice("RE-1", c, [line()])], customers(c), CONFIG, { createdAt: CREATED });
    if (!r.ok) throw new Error("failed");
    expect(r.value.bookings[0]!.text).toHaveLength(60);
    expect(r.value.text.split("\r\n")[2]).toContain(`"Firma ""Zitat"" ${"x".repeat(46)}"`);
  });
});
