import { pushAll } from "../../core/array";
import { billedUntilProblem, earliestBilledUntil } from "../../core/contract/billed-until";
import { BILLING_INTERVALS, BILLING_MODES } from "../../core/date/billing-period";
import { CONTRACT_TYPES, EINVOICE_CHOICES, PAYMENT_MEANS_CHOICES, type Contract, type Customer } from "../../core/contract/model";
import { Issue, hasErrors, issue } from "../../core/issues";
import { checkIban } from "../../core/sepa/iban";
import type { ArticleRow, ContractRow, MappingRow, MasterInput } from "../../core/master/master-rows";
import { CellReader, fileDecimalSeparator } from "../table/cell-reader";
import { recogniseProfile } from "../vendor/match-profile";
import { BUILTIN_PROFILES } from "../vendor/profiles/registry";
import { HeaderTable, missingColumns, toHeaderTable } from "../table/header-table";
import type { RawTable } from "../table/raw-table";
import { type CanonicalTable, type SheetVocabulary, canonicalTable, withUserColumns } from "../table/sheet-vocabulary";
import { ARTICLE_VOCABULARY, CONTRACT_VOCABULARY } from "../sheets/master-words";
import { ARTICLE_REQUIRED, CONTRACT_REQUIRED, MAPPING_REQUIRED, MasterFileKind, detectMasterKind } from "./master-columns";

/**
 * Reads master-data tables (contracts, articles, mappings; recognised by header) into typed rows.
 * A contracts or articles file may have the German (or English) headers and words of the pane's
 * *Verträge* and *Artikel* sheets (a sheet saved as CSV): it is read as the canonical file, and
 * `userColumns` names the columns of any issue about it as the file does ("Menge", not "quantity").
 */
export function readMasterTables(tables: readonly RawTable[]): { input: MasterInput; kinds: MasterFileKind[]; issues: Issue[]; userColumns: (issues: readonly Issue[]) => Issue[] } {
  const input: MasterInput = { articles: [], contracts: [], mappings: [] };
  const issues: Issue[] = [];
  const kinds: MasterFileKind[] = [];
  const worded = new Map<string, { vocabulary: SheetVocabulary; canonical: CanonicalTable }>();
  const userColumns = (list: readonly Issue[]): Issue[] =>
    list.map((i) => {
      const w = i.where?.source === undefined ? undefined : worded.get(i.where.source);
      return w ? withUserColumns(w.vocabulary, [i], w.canonical)[0]! : i;
    });
  for (const given of tables) {
    const sheet = sheetWorded(given);
    if (sheet.canonical.language !== "code") worded.set(given.source, sheet);
    const raw = sheet.canonical.raw;
    const { table, issues: headerIssues } = toHeaderTable(raw);
    pushAll(issues, headerIssues);
    if (!table) continue;
    const kind = detectMasterKind(new Set(table.index.keys()));
    if (!kind) {
      // A distributor's billing file given as master data (a common slip): say where it belongs.
      const vendor = recogniseProfile(table.headers, BUILTIN_PROFILES).profile;
      if (vendor) issues.push(issue("csv.vendor_file_not_master", { profile: vendor.name }, { source: table.source, row: table.headerRow }));
      else issues.push(issue("csv.unknown_file_kind", { headers: table.headers.join(", ") }, { source: table.source, row: table.headerRow }));
      continue;
    }
    kinds.push(kind);
    const required = kind === "contracts" ? CONTRACT_REQUIRED : kind === "articles" ? ARTICLE_REQUIRED : MAPPING_REQUIRED;
    const missing = missingColumns(table, required);
    if (missing.length > 0) {
      pushAll(issues, missing);
      continue;
    }
    const decimalSeparator = fileDecimalSeparator(table, kind === "contracts" ? CONTRACT_DECIMALS : ARTICLE_DECIMALS);
    for (const { row, cells } of table.rows) {
      const r = new CellReader(table, cells, row, kind === "mappings" ? undefined : decimalSeparator);
      if (kind === "contracts") push(input.contracts, readContractRow(r, table), r, issues);
      else if (kind === "articles") push(input.articles, readArticleRow(r, table), r, issues);
      else push(input.mappings, readMappingRow(r, table), r, issues);
    }
  }
  return { input, kinds, issues: userColumns(issues), userColumns };
}

/**
 * The table as the canonical file: with the vocabulary of the pane's *Verträge* sheet when that makes
 * it a contracts file, else that of *Artikel* when that makes it an articles file (contracts first: a
 * contracts file also has an article number and a price); otherwise as given.
 */
function sheetWorded(raw: RawTable): { vocabulary: SheetVocabulary; canonical: CanonicalTable } {
  for (const [kind, vocabulary] of [["contracts", CONTRACT_VOCABULARY], ["articles", ARTICLE_VOCABULARY]] as const) {
    const canonical = canonicalTable(vocabulary, raw);
    if (canonical.language === "code") continue;
    const { table } = toHeaderTable(canonical.raw);
    if (table && detectMasterKind(new Set(table.index.keys())) === kind) return { vocabulary, canonical };
  }
  return { vocabulary: CONTRACT_VOCABULARY, canonical: { raw, userHeaders: new Map(), language: "code" } };
}

/** The number columns whose cells tell a file's decimal separator. */
const CONTRACT_DECIMALS = ["quantity", "unit_price", "discount_pct", "vat_pct"] as const;
const ARTICLE_DECIMALS = ["unit_price", "vat_pct", "purchase_price"] as const;

function push<T>(list: T[], value: T | null, r: CellReader, issues: Issue[]): void {
  pushAll(issues, r.issues);
  if (!hasErrors(r.issues) && value !== null) list.push(value);
}

/** The contract header columns with a default, and the contract field each sets. */
const HEADER_DEFAULTS = [["contract_type", "type"], ["billing_interval", "interval"], ["billing_mode", "mode"]] as const;

function readContractRow(r: CellReader, t: HeaderTable): ContractRow | null {
  const customerNo = r.text("customer_no", true);
  const customerName = r.text("customer_name");
  const contractNo = r.text("contract_no", true);
  const type = r.choice("contract_type", CONTRACT_TYPES, "license");
  const interval = r.choice("billing_interval", BILLING_INTERVALS, "monthly");
  const mode = r.choice("billing_mode", BILLING_MODES, "advance");
  const defaulted = HEADER_DEFAULTS.filter(([column]) => !r.given(column)).map(([, field]) => field);
  const start = r.date("contract_start", { required: true });
  const end = r.date("contract_end");
  const positionNo = r.positiveInt("position_no");
  const articleNo = r.text("article_no", true);
  const description = r.text("description");
  const quantity = r.decimal("quantity", { kind: "quantity", required: true, min0: true });
  const unitPrice = r.decimal("unit_price", { kind: "price", required: true });
  const discountPct = r.decimal("discount_pct", { kind: "percent", fallback: "0" });
  const vatPct = r.decimal("vat_pct", { kind: "percent", fallback: "19" });
  const validFrom = r.date("valid_from", { fallback: start });
  const vendorKey = r.text("vendor_key");
  const domain = r.text("customer_domain");
  const debtorAccount = r.text("debtor_account");
  const vatId = r.text("vat_id");
  const address = r.text("customer_address");
  const reverseCharge = r.flag("reverse_charge");
  const suppressCredits = r.flag("suppress_credits");
  const noPriceChangeBefore = r.date("no_price_change_before");
  const billedUntil = r.date("billed_until");
  const einvoice = readCustomerEInvoiceFields(r);
  // Not exported: a correction is said row by row, so an old file imported again never rewrites history.
  const correction = r.flag("correction");
  if (start && end && end < start) r.issues.push(issue("master.end_before_start", { end, start }, { source: t.source, row: r.row, column: "contract_end" }));
  const billedProblem = start && billedUntil ? billedUntilProblem(billedUntil, start) : null;
  if (billedProblem === "not_month_end") r.bad("master.billed_until_not_month_end", "billed_until", { date: billedUntil! });
  if (billedProblem === "before_start") r.bad("master.billed_until_before_start", "billed_until", { date: billedUntil!, start: start!, earliest: earliestBilledUntil(start!) });
  if (hasErrors(r.issues) || !type || !interval || !mode || !start || !positionNo || quantity === undefined || unitPrice === undefined || !discountPct || !vatPct || !validFrom) return null;
  const contract: Contract = {
    no: contractNo, customerNo, type, interval, mode, start,
    ...(end ? { end } : {}),
    ...(suppressCredits !== undefined ? { suppressCredits } : {}),
    ...(noPriceChangeBefore ? { noPriceChangeBefore } : {}),
    ...(billedUntil ? { billedUntil } : {}),
  };
  return {
    source: t.source,
    row: r.row,
    customer: {
      no: customerNo,
      name: customerName || customerNo,
      ...(domain ? { domain } : {}),
      ...(debtorAccount ? { debtorAccount } : {}),
      ...(vatId ? { vatId } : {}),
      ...(address ? { address } : {}),
      ...(reverseCharge !== undefined ? { reverseCharge } : {}),
      ...einvoice,
    },
    hasCustomerName: customerName !== "",
    contract,
    ...(defaulted.length > 0 ? { defaulted } : {}),
    positionNo,
    validFrom,
    state: { articleNo, description, quantity, unitPrice, discountPct, vatPct, ...(vendorKey ? { vendorKey } : {}) },
    ...(correction ? { correction } : {}),
  };
}

/** The optional customer columns for e-invoices; only the given ones (an empty cell keeps the stored value). */
function readCustomerEInvoiceFields(r: CellReader): Partial<Customer> {
  const out: Partial<Customer> = {};
  const text = (column: string, key: "street" | "postcode" | "city" | "email" | "buyerReference" | "sepaMandateRef" | "vatExemptionReason"): void => {
    const v = r.text(column);
    if (v) out[key] = v;
  };
  text("customer_street", "street");
  text("customer_postcode", "postcode");
  text("customer_city", "city");
  text("customer_email", "email");
  text("buyer_reference", "buyerReference");
  text("sepa_mandate_ref", "sepaMandateRef");
  text("vat_exemption_reason", "vatExemptionReason");
  const country = r.text("customer_country");
  if (country) {
    if (/^[A-Za-z]{2}$/.test(country)) out.countryCode = country.toUpperCase();
    else r.bad("parse.invalid_country", "customer_country", { value: country });
  }
  const iban = r.text("sepa_debtor_iban");
  if (iban) out.sepaDebtorIban = iban.replace(/\s+/g, "").toUpperCase();
  // A refund goes to this account: checked now (a typo would send money to a stranger), like a mandate's IBAN.
  const refund = r.text("refund_iban");
  if (refund) {
    const checked = checkIban(refund);
    if (checked.ok) out.refundIban = checked.value;
    else for (const i of checked.issues) r.bad(i.code, "refund_iban", i.params);
  }
  const format = r.text("einvoice_format") ? r.choice("einvoice_format", EINVOICE_CHOICES) : undefined;
  if (format) out.einvoiceFormat = format;
  const means = r.text("payment_means") ? r.choice("payment_means", PAYMENT_MEANS_CHOICES) : undefined;
  if (means) out.paymentMeans = means;
  return out;
}

function readArticleRow(r: CellReader, t: HeaderTable): ArticleRow | null {
  const no = r.text("article_no", true);
  const description = r.text("description", true);
  const unitPrice = r.decimal("unit_price", { kind: "price", required: true });
  const vatPct = r.decimal("vat_pct", { kind: "percent", fallback: "19" });
  const unit = r.text("unit");
  const purchasePrice = r.decimal("purchase_price", { kind: "price" });
  if (hasErrors(r.issues) || unitPrice === undefined || !vatPct) return null;
  return { source: t.source, row: r.row, article: { no, description, unitPrice, vatPct, ...(unit ? { unit } : {}), ...(purchasePrice !== undefined ? { purchasePrice } : {}) } };
}

function readMappingRow(r: CellReader, t: HeaderTable): MappingRow | null {
  const kind = r.choice("kind", ["customer", "article"] as const);
  const mappingSource = r.text("source") || "*";
  const externalId = r.text("external_id", true);
  const internalNo = r.text("internal_no", true);
  if (hasErrors(r.issues) || !kind) return null;
  return { source: t.source, row: r.row, kind, mappingSource, externalId, internalNo };
}
