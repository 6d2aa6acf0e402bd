import { pushAll } from "../../../core/array";
import { type Invoice, type InvoiceLine, type VatTotal, documentTitle } from "../../../core/billing/invoice";
import type { Customer } from "../../../core/contract/model";
import type { IsoDate } from "../../../core/date/iso-date";
import { Issue, Result, fail, issue, ok } from "../../../core/issues";
import { Decimal, priceText } from "../../../core/money/decimal";
import { encodeText, unencodableIn1252 } from "../../table/decode";
import { DatevConfig, debtorAccountFor, revenueAccountFor } from "../datev/config";
import { neutralizeText } from "../neutralize";
import { EXPORT_FIELDS, ExportDateFormat, ExportField, ExportProfile, needsAccounts } from "./profile";

/** What a custom export needs besides the invoices. */
export interface CustomCsvContext {
  /** Customers by number (debtor account, VAT id). */
  customers: ReadonlyMap<string, Customer>;
  /** Account settings for the account fields and the debtor scheme (the DATEV settings). */
  accounts?: DatevConfig;
}

export interface CustomCsvFile {
  text: string;
  bytes: Uint8Array;
  /** Data rows written (without the header row). */
  rows: number;
}

type Cell = { kind: "text" | "number"; value: string } | { kind: "date"; value: IsoDate };
type Values = Partial<Record<ExportField, Cell>>;

const text = (value: string): Cell => ({ kind: "text", value });
const num = (value: string): Cell => ({ kind: "number", value });
const date = (value: IsoDate): Cell => ({ kind: "date", value });

/** A date in one of the profile formats. */
export function formatDate(value: IsoDate, format: ExportDateFormat): string {
  const [y, m, d] = value.split("-") as [string, string, string];
  switch (format) {
    case "YYYY-MM-DD":
      return value;
    case "DD.MM.YYYY":
      return `${d}.${m}.${y}`;
    case "DD.MM.YY":
      return `${d}.${m}.${y.slice(2)}`;
    case "DDMMYYYY":
      return `${d}${m}${y}`;
    case "DDMM":
      return `${d}${m}`;
  }
}

function invoiceValues(inv: Invoice, customer: Customer | undefined, debtor: string): Values {
  const from = inv.lines.reduce<IsoDate | null>((a, l) => (a === null || l.serviceFrom < a ? l.serviceFrom : a), null);
  const to = inv.lines.reduce<IsoDate | null>((a, l) => (a === null || l.serviceTo > a ? l.serviceTo : a), null);
  const refs = [...new Set(inv.lines.flatMap((l) => (l.correctsRef ? [l.correctsRef] : [])))];
  const v: Values = {
    invoice_ref: text(inv.invoiceRef),
    run_id: text(inv.runId),
    document_type: text(inv.documentType),
    document_title: text(documentTitle(inv)),
    corrects_refs: text(refs.join(", ")),
    customer_no: text(inv.customerNo),
    customer_name: text(inv.customerName),
    customer_vat_id: text(customer?.vatId ?? ""),
    debtor_account: text(debtor),
    invoice_date: date(inv.invoiceDate),
    net_total: num(inv.netTotal),
    vat_total: num(inv.vatTotal),
    gross_total: num(inv.grossTotal),
    currency: text("EUR"),
  };
  if (from) v.invoice_service_from = date(from);
  if (to) v.invoice_service_to = date(to);
  return v;
}

function lineValues(l: InvoiceLine): Values {
  return {
    line_no: num(String(l.lineNo)),
    contract_no: text(l.contractNo),
    position_no: num(String(l.positionNo)),
    article_no: text(l.articleNo),
    description: text(l.description),
    line_type: text(l.lineType),
    service_from: date(l.serviceFrom),
    service_to: date(l.serviceTo),
    quantity: num(l.quantity),
    unit_price: num(priceText(l.unitPrice)),
    discount_pct: num(l.discountPct),
    period_factor: num(l.periodFactor),
    net_amount: num(l.netAmount),
    vat_pct: num(l.vatPct),
    corrects_ref: text(l.correctsRef ?? ""),
  };
}

function rateValues(inv: Invoice, t: VatTotal, debtor: string, revenue: string): Values {
  const gross = new Decimal(t.gross);
  const credit = gross.isNegative();
  const rate = new Decimal(t.vatPct);
  const refs = [...new Set(inv.lines.filter((l) => l.correctsRef && new Decimal(l.vatPct).equals(rate)).map((l) => l.correctsRef!))];
  return {
    vat_pct: num(t.vatPct),
    rate_net: num(t.net),
    rate_vat: num(t.vat),
    rate_gross: num(t.gross),
    rate_gross_abs: num(gross.abs().toFixed(2)),
    debit_credit: text(credit ? "H" : "S"),
    revenue_account: text(revenue),
    debit_account: text(credit ? revenue : debtor),
    credit_account: text(credit ? debtor : revenue),
    corrects_refs: text(refs.join(", ")),
  };
}

function quote(field: string, delimiter: string): string {
  return /["\r\n]/.test(field) || field.includes(delimiter) ? `"${field.replace(/"/g, '""')}"` : field;
}

/**
 * The invoices as a CSV file in the layout of a saved export profile: the header row (unless
 * switched off), then one row per invoice line, per invoice, or per invoice and VAT rate. Numbers
 * with the profile's decimal separator and no thousands separator, dates in its format, texts
 * guarded against formula injection (§6.3). Fails before writing when an account field has no
 * account or, with Windows-1252, a text holds a character that encoding cannot represent (named
 * per invoice; never written as `?`).
 */
export function customCsv(invoices: readonly Invoice[], profile: ExportProfile, context: CustomCsvContext): Result<CustomCsvFile> {
  const issues: Issue[] = [];
  const { accounts } = context;
  if (needsAccounts(profile) && !accounts) return fail(issue("export.accounts_needed", { profile: profile.id }));
  const usesDebtor = profile.columns.some((c) => c.source === "debtor_account" || c.source === "debit_account" || c.source === "credit_account");
  const rows: { invoiceRef: string; values: Values }[] = [];
  for (const inv of invoices) {
    const customer = context.customers.get(inv.customerNo);
    let debtor = customer?.debtorAccount ?? "";
    if (accounts && usesDebtor) {
      const r = debtorAccountFor(accounts, customer, inv.invoiceRef, inv.customerNo);
      if (r.ok) debtor = r.value;
      else if (needsAccounts(profile)) pushAll(issues, r.issues);
    }
    const head = invoiceValues(inv, customer, debtor);
    if (profile.level === "invoice") rows.push({ invoiceRef: inv.invoiceRef, values: head });
    else if (profile.level === "line") for (const l of inv.lines) rows.push({ invoiceRef: inv.invoiceRef, values: { ...head, ...lineValues(l) } });
    else
      for (const t of inv.vatTotals) {
        let revenue = "";
        if (accounts) {
          const acc = revenueAccountFor(accounts, t.vatPct);
          if (acc === null) {
            if (needsAccounts(profile)) issues.push(issue("datev.no_revenue_account", { invoice: inv.invoiceRef, rate: t.vatPct }));
          } else revenue = acc;
        }
        rows.push({ invoiceRef: inv.invoiceRef, values: { ...head, ...rateValues(inv, t, debtor, revenue) } });
      }
  }

  const render = (values: Values): string[] =>
    profile.columns.map((col) => {
      if (col.source === "literal") return neutralizeText(col.value);
      const cell = values[col.source];
      if (!cell) return "";
      if (cell.kind === "text") return neutralizeText(cell.value);
      if (cell.kind === "date") return formatDate(cell.value, profile.dateFormat);
      return profile.decimal === "," ? cell.value.replace(".", ",") : cell.value;
    });

  const rendered = rows.map((r) => ({ invoiceRef: r.invoiceRef, cells: render(r.values) }));
  if (profile.encoding === "windows-1252") {
    const headerChars = unencodableIn1252(profile.columns.map((c) => c.header).join(""));
    if (headerChars.length > 0) issues.push(issue("export.unencodable_header", { profile: profile.id, chars: headerChars.join(" ") }));
    const perInvoice = new Map<string, string[]>();
    for (const r of rendered) perInvoice.set(r.invoiceRef, [...(perInvoice.get(r.invoiceRef) ?? []), ...r.cells]);
    for (const [ref, cells] of perInvoice) {
      const chars = unencodableIn1252(cells.join(""));
      if (chars.length > 0) issues.push(issue("export.unencodable_blocked", { invoice: ref, chars: chars.join(" ") }));
    }
  }
  if (issues.length > 0) return fail(...issues);

  const d = profile.delimiter;
  const lines = rendered.map((r) => r.cells.map((c) => quote(c, d)).join(d));
  if (profile.headerRow !== false) lines.unshift(profile.columns.map((c) => quote(neutralizeText(c.header), d)).join(d));
  const csv = lines.length === 0 ? "" : lines.join("\r\n") + "\r\n";
  const bytes = profile.encoding === "windows-1252" ? encodeText(csv, "windows-1252") : encodeText(csv, "utf-8", profile.encoding === "utf-8-bom");
  return ok({ text: csv, bytes, rows: rows.length });
}

/** The field list for documentation and the task pane: name, kind, levels, meaning. */
export function exportFieldList(): { source: ExportField; kind: string; levels: string; description: string }[] {
  return (Object.keys(EXPORT_FIELDS) as ExportField[]).map((source) => {
    const f = EXPORT_FIELDS[source];
    return { source, kind: f.kind, levels: f.levels.join(", "), description: f.description };
  });
}
