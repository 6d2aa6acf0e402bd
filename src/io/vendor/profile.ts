import type { Delimiter } from "../table/read-csv";
import type { TextEncodingName } from "../table/decode";
import type { DecimalSeparator, DateOrder } from "../values";

/**
 * The one profile shape the reader works with. Built-in profiles are written in it directly
 * (profiles/*.profile.ts); user profiles (user-profile.ts, the JSON the user saves) are compiled to
 * it. Pure data: no functions, so profiles can be listed, compared and sent to a Web Worker.
 */

/** One column of the file, named by any of its header aliases (compared by `headerKey`: case, spaces, `_`, `-`, `.` ignored). */
export type ColumnAliases = readonly string[];

/**
 * Where a value comes from: the first of these columns that the file has and whose cell on the row
 * is not empty (`[["BillableQuantity"], ["Quantity"]]`: BillableQuantity where present, else Quantity).
 */
export type FieldSource = readonly ColumnAliases[];

/** Fields the reader fills from columns. */
export interface ProfileColumns {
  customerId: FieldSource;
  customerName?: FieldSource;
  /** Parts of the article key, each read like a field and joined with `:` (`ProductId:SkuId`). */
  articleKey: readonly FieldSource[];
  articleName?: FieldSource;
  subscriptionId?: FieldSource;
  chargeType?: FieldSource;
  chargeFrom?: FieldSource;
  chargeTo?: FieldSource;
  /** Day of a usage row (daily rated usage); the month it falls in is the aggregation month. */
  usageDate?: FieldSource;
  quantity: FieldSource;
  amount?: FieldSource;
  unitCost?: FieldSource;
  /** The file's own (display) unit price. */
  unitPrice?: FieldSource;
  currency?: FieldSource;
  termAndBillingCycle?: FieldSource;
  billingFrequency?: FieldSource;
  /** First day of the subscription's current commitment (NCE/legacy SubscriptionStartDate). */
  subscriptionStart?: FieldSource;
  /** Last day of the subscription's commitment (NCE/legacy SubscriptionEndDate). */
  subscriptionEnd?: FieldSource;
  /** Usage lines: the meter (Azure MeterDescription / MeterName). */
  meter?: FieldSource;
  /** Usage lines: the unit the meter counts in (`1 GB/Month`, `1 Hour`). */
  unit?: FieldSource;
  /** Usage lines: list price per unit (Microsoft: UnitPrice, in the pricing currency). */
  listPrice?: FieldSource;
  /** Usage lines: factor from the list price's currency to the billing currency (PCToBCExchangeRate); 1 when absent. */
  exchangeRate?: FieldSource;
}

/** A condition on a row: the column is not empty, or (with `values`) holds one of them (case and spaces ignored). */
export interface RowCondition {
  column: FieldSource;
  values?: readonly string[];
}

/**
 * Which rows are usage (consumption billed by quantity, e.g. Azure meters) rather than seats: every
 * row, or the rows meeting any of the conditions. Usage lines never count as seats.
 */
export type UsageRows = { all: true } | { when: readonly RowCondition[] };

export type ProfileField = keyof ProfileColumns;

/**
 * - `asIs`: quantity and amount as in the file;
 * - `flip`: both negated (files that write charges as negative numbers);
 * - `fromAmount`: the quantity takes the sign of the amount (Microsoft, PRODUCT.md §5.7); an amount of 0 keeps the quantity's sign.
 */
export type SignMode = "asIs" | "flip" | "fromAmount";

export interface VendorProfile {
  /** Stable id; also the mapping source (`microsoft-nce-invoice`, or a user profile's id). */
  id: string;
  /** Revision of the profile definition. */
  version: number;
  name: string;
  /** Built into the program, or defined by a user (saved in the store, exported as JSON). */
  origin: "builtin" | "user";
  /** True for profiles built from public documentation rather than from a real vendor file. */
  example?: boolean;
  /** Free text shown with the profile (where its columns come from, what to check). */
  note?: string;
  /** Headers that must all be present (each by any alias) for the file to be recognised. */
  requiredHeaders: readonly ColumnAliases[];
  columns: ProfileColumns;
  number: { decimalSeparator: DecimalSeparator };
  /** Date order for slash dates when the file does not tell (`DD.MM.YYYY` and ISO always read right). */
  dateOrder: DateOrder;
  sign: SignMode;
  /**
   * Width to which a purely numeric article key part is zero-padded, per part (`[null, 4]`: the
   * second part). Excel drops the leading zeros of Microsoft's SkuId (`0001` → `1`) when a CSV is
   * opened and its values are then read from the sheet.
   */
  articleKeyPad?: readonly (number | null)[];
  /** `customer-article-month`: sum usage rows per customer, article key, currency and month of the usage date. */
  aggregate?: "customer-article-month";
  /** Rows that are usage lines (see {@link UsageRows}); profiles with `aggregate` read only usage. */
  usageRows?: UsageRows;
  /** Classify charge types and report unknown ones (profiles whose charge types are a known vocabulary). */
  reportUnknownChargeTypes: boolean;
  /** Currency when the file has no currency column. */
  defaultCurrency?: string;
  csv?: { delimiter?: Delimiter; encoding?: TextEncodingName };
}

/** Every column a profile names, each once (for scoring and "missing column" messages). */
export function profileColumnAliases(profile: VendorProfile): ColumnAliases[] {
  const out: ColumnAliases[] = [];
  const seen = new Set<string>();
  const add = (c: ColumnAliases): void => {
    const k = c.join("|").toLowerCase();
    if (!seen.has(k)) {
      seen.add(k);
      out.push(c);
    }
  };
  for (const c of profile.requiredHeaders) add(c);
  if (profile.usageRows && "when" in profile.usageRows) for (const w of profile.usageRows.when) for (const c of w.column) add(c);
  for (const [field, source] of Object.entries(profile.columns) as [ProfileField, FieldSource | readonly FieldSource[] | undefined][]) {
    if (!source) continue;
    if (field === "articleKey") for (const part of source as readonly FieldSource[]) for (const c of part) add(c);
    else for (const c of source as FieldSource) add(c);
  }
  return out;
}
