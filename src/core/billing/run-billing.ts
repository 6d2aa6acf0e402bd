import { pushAll } from "../array";
import { contractProblem } from "../contract/contract-check";
import type { Contract, Customer } from "../contract/model";
import type { IsoDate } from "../date/iso-date";
import type { IsoMonth } from "../date/iso-month";
import { Issue, issue } from "../issues";
import { Decimal, toStored } from "../money/decimal";
import { type ChargeInput, indexPositions } from "./charge-input";
import type { ChargeLine } from "./charge-line";
import { isCatchUp } from "./catch-up";
import { computeDifferences } from "./differential";
import { computeDueCharges } from "./due-charges";
import { Invoice, InvoiceLine, buildInvoice, compareChargeLines, compareNatural, toInvoiceLine } from "./invoice";
import { LedgerEntry, indexLedger, standingEntries } from "./ledger";

/** Everything a billing run reads. Nothing is written: the caller persists the result. */
export interface BillingRunInput extends ChargeInput {
  runId: string;
  /** The month billed: every charge due on or before its last day. */
  runMonth: IsoMonth;
  invoiceDate: IsoDate;
  customers: readonly Customer[];
  /** The first invoice number to use; one number per invoice, in customer order. */
  nextInvoiceNumber: number;
  /** Turns a number into an invoice ref, e.g. `(n) => "RE-" + n`; default `String(n)`. */
  formatInvoiceRef?: (n: number) => string;
}

/** The invoices of a run, the ledger entries to append, and the notes. */
export interface BillingRunResult {
  invoices: Invoice[];
  newLedgerEntries: LedgerEntry[];
  issues: Issue[];
  /** The invoice number after the last one used (= `nextInvoiceNumber` when no invoice was made). */
  nextInvoiceNumber: number;
}

/**
 * A billing run (PRODUCT.md §3 "Abrechnung", §5.2, §5.3), pure: due recurring charges not yet in the
 * ledger plus difference lines for months already in it, one invoice per customer (customers in
 * number order), lines ordered by contract, position and service start. The same input gives the
 * same output, so a preview (`--dry-run`) and the real run agree.
 */
export function computeBillingRun(input: BillingRunInput): BillingRunResult {
  const format = input.formatInvoiceRef ?? ((n: number) => String(n));
  const issues: Issue[] = [];
  if (input.ledger.some((e) => e.runId === input.runId)) {
    issues.push(issue("billing.run_exists", { run: input.runId }));
    return { invoices: [], newLedgerEntries: [], issues, nextInvoiceNumber: input.nextInvoiceNumber };
  }
  input = withoutUnusableContracts(input, issues);
  // The ledger and the versions are indexed once for both kinds of charge.
  // Only what still stands is billed: a month whose invoices are all cancelled (each netted to zero
  // by its Stornorechnung) is billed afresh when due — a plain Rechnung, not a correction of a
  // cancelled invoice — and a difference refers to an invoice that stands.
  const billed = indexLedger(standingEntries(input.ledger));
  const positions = indexPositions(input.versions);
  const differences = computeDifferences(input, billed, positions);
  pushAll(issues, differences.issues);
  const customers = new Map(input.customers.map((c) => [c.no, c]));
  const lines = withoutVatForReverseCharge([...computeDueCharges(input, billed, positions), ...differences.lines], customers, issues);

  const contracts = new Map(input.contracts.map((c) => [c.no, c]));
  const byCustomer = new Map<string, ChargeLine[]>();
  const reported = new Set<string>();
  for (const line of lines) {
    if (!customers.has(line.customerNo)) {
      if (!reported.has(line.contractNo)) issues.push(issue("billing.unknown_customer", { contract: line.contractNo, customer: line.customerNo }));
      reported.add(line.contractNo);
      continue;
    }
    const own = byCustomer.get(line.customerNo);
    if (own) own.push(line);
    else byCustomer.set(line.customerNo, [line]);
  }

  const invoices: Invoice[] = [];
  const newLedgerEntries: LedgerEntry[] = [];
  let next = input.nextInvoiceNumber;
  const customerNos = [...byCustomer.keys()].sort(compareNatural);
  for (const customerNo of customerNos) {
    const own = byCustomer.get(customerNo)!.sort(compareChargeLines);
    const invoiceRef = format(next++);
    const header = { invoiceRef, runId: input.runId, invoiceDate: input.invoiceDate, customer: customers.get(customerNo)! };
    invoices.push(buildInvoice(header, own.map((l, i) => withCatchUp(toInvoiceLine(l, i + 1), l, contracts.get(l.contractNo), input.runMonth))));
    own.forEach((l, i) => pushAll(newLedgerEntries, ledgerEntriesOf(l, input.runId, invoiceRef, i + 1)));
  }
  return { invoices, newLedgerEntries, issues, nextInvoiceNumber: next };
}

/**
 * The input without contracts the billing cannot work with (see {@link contractProblem}: an unknown
 * interval or mode, a date outside the accepted range), each refused with an error issue, and
 * without their ledger entries (so they are not reported again as unknown contracts).
 */
function withoutUnusableContracts<T extends BillingRunInput>(input: T, issues: Issue[]): T {
  const refused = new Set<string>();
  for (const c of [...input.contracts].sort((a, b) => (a.no < b.no ? -1 : a.no > b.no ? 1 : 0))) {
    const problem = contractProblem(c);
    if (!problem) continue;
    refused.add(c.no);
    issues.push(issue("billing.invalid_contract", { contract: c.no, field: problem.field, value: problem.value }));
  }
  if (refused.size === 0) return input;
  return { ...input, contracts: input.contracts.filter((c) => !refused.has(c.no)), ledger: input.ledger.filter((e) => !refused.has(e.contractNo)) };
}

/**
 * The lines without those charging VAT to a reverse-charge customer (§ 13b UStG: the customer owes
 * the VAT; an invoice showing it makes us owe it too, § 14c UStG), each position refused once with an
 * error naming customer, contract, position and rate. Its months stay unbilled and are caught up once
 * the position's rate is 0 % (or the customer is no longer marked reverse charge).
 */
function withoutVatForReverseCharge(lines: readonly ChargeLine[], customers: ReadonlyMap<string, Customer>, issues: Issue[]): ChargeLine[] {
  const kept: ChargeLine[] = [];
  const refused = new Set<string>();
  for (const line of lines) {
    if (customers.get(line.customerNo)?.reverseCharge !== true || new Decimal(line.state.vatPct).isZero()) {
      kept.push(line);
      continue;
    }
    const key = `${line.contractNo}\u0000${line.positionNo}\u0000${line.state.vatPct}`;
    if (refused.has(key)) continue;
    refused.add(key);
    issues.push(issue("billing.reverse_charge_with_vat", { customer: line.customerNo, contract: line.contractNo, position: line.positionNo, vat: line.state.vatPct }));
  }
  return kept;
}

/** The invoice line marked as a catch-up when its period fell due before the run month. */
function withCatchUp(line: InvoiceLine, charge: ChargeLine, contract: Contract | undefined, runMonth: IsoMonth): InvoiceLine {
  return contract && isCatchUp(charge, contract, runMonth) ? { ...line, catchUp: true } : line;
}

/** One ledger entry per month part of a line. */
function ledgerEntriesOf(line: ChargeLine, runId: string, invoiceRef: string, lineNo: number): LedgerEntry[] {
  return line.parts.map(({ run, rounded }) => ({
    id: `${runId}:${invoiceRef}:${lineNo}:${run.month}`,
    runId,
    invoiceRef,
    lineNo,
    contractNo: line.contractNo,
    positionNo: line.positionNo,
    month: run.month,
    serviceFrom: run.from,
    serviceTo: run.to,
    ...run.state,
    exactAmount: toStored(run.amount),
    roundedAmount: toStored(rounded),
    lineType: line.lineType,
    ...(line.correctsRef !== undefined ? { correctsRef: line.correctsRef } : {}),
  }));
}
