import type { Customer } from "../contract/model";
import type { IsoDate } from "../date/iso-date";
import { Issue, issue } from "../issues";
import { type UsageLine, usageInvoiceLine } from "../time/usage-line";
import { type Invoice, buildInvoice, compareNatural } from "./invoice";

/** The usage lines of a run (ticket time, flat fees, clicks, usage), as merging needs them. */
export interface UsageLines {
  lines: readonly UsageLine[];
}

/** Where each usage line landed: invoice and line number, by line key. */
export type LinePlaces = Map<string, { invoiceRef: string; lineNo: number }>;

export interface MergedUsage {
  invoices: Invoice[];
  nextInvoiceNumber: number;
  places: LinePlaces;
  /** Invoice of each customer in this run. */
  invoiceOf: Map<string, string>;
  issues: Issue[];
}

/**
 * Appends the usage lines to the run's invoices: after the lines of the customer's invoice when it
 * has one, else on a new invoice numbered after the run's last (customers in number order). Totals
 * and VAT per rate are computed again over all lines (`buildInvoice`).
 */
export function mergeUsageLines(
  invoices: readonly Invoice[],
  plan: UsageLines,
  run: { runId: string; invoiceDate: IsoDate; customers: readonly Customer[]; nextInvoiceNumber: number; formatInvoiceRef: (n: number) => string },
): MergedUsage {
  const customers = new Map(run.customers.map((c) => [c.no, c]));
  const issues: Issue[] = [];
  const byCustomer = new Map<string, UsageLine[]>();
  for (const l of plan.lines) {
    if (!customers.has(l.customerNo)) {
      issues.push(issue("billing.unknown_customer", { contract: l.contractNo || "-", customer: l.customerNo }, undefined, "warning"));
      continue;
    }
    byCustomer.get(l.customerNo)?.push(l) ?? byCustomer.set(l.customerNo, [l]);
  }
  const places: LinePlaces = new Map();
  const invoiceOf = new Map(invoices.map((i) => [i.customerNo, i.invoiceRef]));
  const out = invoices.map((inv) => withUsage(inv, byCustomer.get(inv.customerNo) ?? [], customers.get(inv.customerNo)!, run.runId, places));
  let next = run.nextInvoiceNumber;
  for (const customerNo of [...byCustomer.keys()].filter((c) => !invoiceOf.has(c)).sort(compareNatural)) {
    const empty = buildInvoice({ invoiceRef: run.formatInvoiceRef(next++), runId: run.runId, invoiceDate: run.invoiceDate, customer: customers.get(customerNo)! }, []);
    invoiceOf.set(customerNo, empty.invoiceRef);
    out.push(withUsage(empty, byCustomer.get(customerNo)!, customers.get(customerNo)!, run.runId, places));
  }
  return { invoices: out, nextInvoiceNumber: next, places, invoiceOf, issues };
}

function withUsage(inv: Invoice, lines: readonly UsageLine[], customer: Customer, runId: string, places: LinePlaces): Invoice {
  if (lines.length === 0) return inv;
  const added = lines.map((l, i) => usageInvoiceLine(l, inv.lines.length + i + 1));
  added.forEach((l, i) => places.set(lines[i]!.key, { invoiceRef: inv.invoiceRef, lineNo: l.lineNo }));
  return buildInvoice({ invoiceRef: inv.invoiceRef, runId, invoiceDate: inv.invoiceDate, customer }, [...inv.lines, ...added]);
}
