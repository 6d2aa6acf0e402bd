/**
 * Downloadable CSV templates: the header row each import reads, and one example row (the sample
 * month of `samples/`), so a clerk can start from a file the import accepts as it is.
 */
import { ARTICLE_COLUMNS, CONTRACT_COLUMNS, MAPPING_COLUMNS } from "../master/master-columns";
import { METER_COLUMNS, METER_OPTIONAL_COLUMNS } from "../meters/read-meters";
import { LINK_COLUMNS, PURCHASE_COLUMNS } from "../purchase/read-purchase";
import { MANDATE_COLUMNS } from "../sepa/mandate-columns";
import { toCsv } from "../table/write-csv";

export const TEMPLATE_KINDS = ["contracts", "articles", "mappings", "purchase", "links", "time", "meters", "mandates"] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

/** The generic time profile's columns (io/time/profiles/builtin.ts), without `entry_id`. */
const TIME_COLUMNS = ["ticket_no", "customer_no", "contract_no", "date", "start", "end", "minutes", "technician", "activity", "billable", "description"] as const;

/** Header and example values per template (column → value; missing columns stay empty). */
const TEMPLATES: Record<TemplateKind, { columns: readonly string[]; example: Record<string, string> }> = {
  contracts: {
    // billed_until (empty: nothing billed elsewhere) for contracts moved from an earlier billing system
    columns: [...CONTRACT_COLUMNS, "billed_until"],
    example: {
      customer_no: "10001", customer_name: "Müller GmbH", contract_no: "V-1001", contract_type: "license", billing_interval: "monthly",
      billing_mode: "advance", contract_start: "2026-01-01", position_no: "1", article_no: "M365-BP", description: "Microsoft 365 Business Premium",
      quantity: "10", unit_price: "20.60", vat_pct: "19", valid_from: "2026-01-01",
    },
  },
  articles: {
    columns: ARTICLE_COLUMNS,
    example: { article_no: "M365-BP", description: "Microsoft 365 Business Premium", unit_price: "20.60", vat_pct: "19", unit: "Lizenz", purchase_price: "18.60" },
  },
  mappings: {
    columns: MAPPING_COLUMNS,
    example: { kind: "article", source: "microsoft-nce-invoice", external_id: "CFQ7TTC0LCHC:0002", internal_no: "M365-BP" },
  },
  purchase: {
    columns: PURCHASE_COLUMNS,
    example: {
      supplier: "Distributor GmbH", purchase_no: "EK-100", supplier_ref: "AB-4711", position_no: "1", article_no: "M365-BP",
      description: "Microsoft 365 Business Premium", object: "Müller GmbH", quantity: "10", unit_cost: "18.60", billing_interval: "monthly", valid_from: "2026-01-01",
    },
  },
  links: {
    columns: LINK_COLUMNS,
    example: { purchase_no: "EK-100", purchase_position_no: "1", contract_no: "V-1001", position_no: "1" },
  },
  time: {
    columns: TIME_COLUMNS,
    example: { ticket_no: "4711", customer_no: "10003", date: "2026-10-02", start: "09:00", end: "10:30", technician: "jm", activity: "remote", billable: "ja", description: "Mailserver" },
  },
  meters: {
    columns: [...METER_COLUMNS, ...METER_OPTIONAL_COLUMNS],
    example: { device_id: "D1", customer_no: "10005", contract_no: "K-5001", reading_date: "2026-10-12", counter_bw: "10000", counter_color: "2000", final_reading: "nein" },
  },
  mandates: {
    columns: MANDATE_COLUMNS,
    example: { customer_no: "10001", mandate_ref: "MUELLER-001", signature_date: "2026-09-15", iban: "DE89370400440532013000", bic: "COBADEFFXXX", scheme: "CORE", debtor_name: "Müller GmbH" },
  },
};

/** The template's CSV text: header row and one example row. */
export function csvTemplate(kind: TemplateKind): string {
  const t = TEMPLATES[kind];
  return toCsv([[...t.columns], t.columns.map((c) => t.example[c] ?? "")]);
}

/** The file name a template is downloaded as. */
export function csvTemplateFileName(kind: TemplateKind): string {
  return `template-${kind}.csv`;
}
