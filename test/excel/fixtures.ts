import type { IsoDate } from "../../src/core/date/iso-date";
import type { ReviewRow } from "../../src/core/reconcile/review-row";
import { MemoryWorkbook } from "../../src/excel/memory/memory-workbook";
import { MemoryWorkbookGateway } from "../../src/excel/memory/memory-gateway";
import type { MemoryWorkbookOptions } from "../../src/excel/memory/workbook-model";
import type { GatewayOptions } from "../../src/excel/office-workbook-gateway";

/** A review row with sensible defaults (quantity 10 → 12 from 2026-10-15). */
export function reviewRow(overrides: Partial<ReviewRow> = {}): ReviewRow {
  return {
    status: "quantity_changed",
    customerNo: "10001",
    customerName: "Müller GmbH",
    contractNo: "V-1001",
    positionNo: 1,
    articleNo: "M365-BP",
    externalCustomerId: "11111111-aaaa-4aaa-8aaa-000000000001",
    externalArticleId: "CFQ7TTC0LCHC:0002",
    vendorCustomerName: "Mueller GmbH",
    vendorArticleName: "Microsoft 365 Business Premium",
    source: "microsoft-nce-invoice",
    contractQty: "10",
    positionQty: "10",
    vendorQty: "12",
    delta: "2",
    effectiveDate: "2026-10-15" as IsoDate,
    unitCost: "18.60",
    unitPrice: "20.60",
    margin: "2.00",
    action: "accept",
    term: null,
    billingFrequency: null,
    commitmentEnd: null,
    notices: [],
    finding: "",
    rows: [2, 3],
    ...overrides,
  };
}

const STATUSES = ["quantity_changed", "new_position", "missing_in_file", "unmapped_customer", "unmapped_article", "unchanged"] as const;

/** `n` distinct review rows (customer 100000+i), all statuses, realistic widths. */
export function manyReviewRows(n: number): ReviewRow[] {
  return Array.from({ length: n }, (_, i) => {
    const status = STATUSES[i % STATUSES.length]!;
    return reviewRow({
      status,
      customerNo: String(100000 + i),
      customerName: `Kunde ${i} Systemhaus & Söhne GmbH`,
      contractNo: `V-${200000 + i}`,
      positionNo: (i % 7) + 1,
      externalCustomerId: `${String(i).padStart(8, "0")}-aaaa-4aaa-8aaa-000000000001`,
      vendorQty: String(10 + (i % 50)),
      delta: String((i % 50) - 3),
      unitCost: (12 + (i % 100) / 100).toFixed(2),
      action: status === "quantity_changed" || status === "new_position" ? "accept" : "skip",
      rows: [i + 2],
    });
  });
}

/** A fresh in-memory workbook and the gateway on it. */
export function memoryGateway(options: MemoryWorkbookOptions = {}, gatewayOptions: GatewayOptions = {}): { wb: MemoryWorkbook; gw: MemoryWorkbookGateway } {
  const wb = new MemoryWorkbook(options);
  return { wb, gw: new MemoryWorkbookGateway(wb, gatewayOptions) };
}

/** Sheet row (1-based) of the first row whose cell in column `col` (0-based) equals `value`. */
export function rowWhere(wb: MemoryWorkbook, sheet: string, col: number, value: string | number): number {
  const i = wb.values(sheet).findIndex((r) => r[col] === value);
  if (i < 0) throw new Error(`no row with ${value} in column ${col}`);
  return i + 1;
}

/** Unwraps a Result in tests, failing with its issues. */
export function unwrap<T>(r: { ok: true; value: T } | { ok: false; issues: unknown[] }): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.issues)}`);
  return r.value;
}
