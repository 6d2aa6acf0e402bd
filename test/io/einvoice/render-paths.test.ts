import { buildEInvoice, type EInvoiceInput } from "../../../src/core/einvoice/build-einvoice";
import { EINVOICE_FORMATS } from "../../../src/core/einvoice/model";
import { generateEInvoice } from "../../../src/io/einvoice/generate-einvoice";
import { xmlOf } from "../../support/einvoice-check";
import { CUSTOMER, DEBIT_CUSTOMER, PUBLIC_CUSTOMER, RC_CUSTOMER, SELLER, invoice, line, negated, loadFonts } from "../../support/einvoice-fixtures";

/**
 * The pane renders without the library's JSON-schema check (its Ajv compiles code at run time, which
 * the add-in's Content Security Policy forbids): every scenario must give the same XML either way,
 * so nothing the check adds (schema defaults) is missing from the pane's files.
 */
const TWO_RATES = invoice(CUSTOMER, [
  line({ quantity: "5", unitPrice: "20", discountPct: "10", netAmount: "90.00", exactAmount: "90" }),
  line({ positionNo: 2, articleNo: "BACKUP", description: "Cloud-Backup 100 GB", quantity: "3", unitPrice: "15", periodFactor: "0.483871", serviceFrom: "2026-03-17", netAmount: "21.77", exactAmount: "21.774193548387096774" }),
  line({ positionNo: 3, articleNo: "BOOK", description: "Handbuch (7 %)", quantity: "2", unitPrice: "12.35", vatPct: "7", netAmount: "24.70", exactAmount: "24.7" }),
]);
const SCENARIOS: [string, EInvoiceInput][] = [
  ["two VAT rates", { invoice: TWO_RATES, customer: CUSTOMER, seller: SELLER }],
  ["reverse charge", { invoice: invoice(RC_CUSTOMER, [line({ quantity: "10", unitPrice: "8.5", netAmount: "85.00", exactAmount: "85", vatPct: "0" })], { invoiceRef: "RE-2026-0002" }), customer: RC_CUSTOMER, seller: SELLER }],
  ["cancellation", { invoice: invoice(CUSTOMER, negated(TWO_RATES), { invoiceRef: "RE-2026-0003", invoiceDate: "2026-04-10" }), customer: CUSTOMER, seller: SELLER, kind: "cancellation", cancels: { number: "RE-2026-0001", issueDate: "2026-03-31" } }],
  ["public customer", { invoice: invoice(PUBLIC_CUSTOMER, [line()], { invoiceRef: "RE-2026-0006" }), customer: PUBLIC_CUSTOMER, seller: SELLER }],
  ["direct debit", { invoice: invoice(DEBIT_CUSTOMER, [line({ quantity: "1", unitPrice: "49.9", netAmount: "49.90", exactAmount: "49.9" })], { invoiceRef: "RE-2026-0005" }), customer: DEBIT_CUSTOMER, seller: SELLER }],
];
const fonts = loadFonts();

describe.each(SCENARIOS)("%s: with and without the library's schema check", (_name, input) => {
  it.each(EINVOICE_FORMATS)("%s gives the same XML", async (format) => {
    const model = buildEInvoice(input);
    if (!model.ok) throw new Error(JSON.stringify(model.issues));
    const checked = await generateEInvoice(model.value, format, { fonts });
    const direct = await generateEInvoice(model.value, format, { fonts, librarySchemaCheck: false });
    if (!checked.ok || !direct.ok) throw new Error(JSON.stringify([checked, direct]));
    expect(direct.value.fileName).toBe(checked.value.fileName);
    expect(await xmlOf(direct.value)).toBe(await xmlOf(checked.value));
  });
});
