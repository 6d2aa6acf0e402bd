/**
 * Issue 18, "done when": a billing run with invoices for direct-debit and transfer customers and one
 * cancellation gives a valid pain.008.001.08 file with exactly the debit invoices, a report of what
 * was left out and why, invoice documents with the pre-notification, and a second export that
 * collects nothing again.
 */
import type { Contract, Customer } from "../../../src/core/contract/model";
import { messageText } from "../../../src/core/messages";
import { debitNotice } from "../../../src/core/sepa/debit-notice";
import { sepaMessageId } from "../../../src/core/sepa/message-id";
import { type CollectionPlan, type CollectionPlanInput, type RunDocument, collectionRecords, groupsOfScheme, planCollection } from "../../../src/core/sepa/plan";
import { runDocumentOf } from "../../../src/core/sepa/run-documents";
import { invoiceDocuments } from "../../../src/io/export/documents/invoice-html";
import { writePain008 } from "../../../src/io/sepa/pain008";
import { readMandatesCsv } from "../../../src/io/sepa/read-mandates";
import { type Book, bill, contract, version } from "../../support/billing-factories";
import { pain008Errors } from "../../support/pain008-xsd";
import { CREDITOR, d } from "../../core/sepa/fixtures";

const customers: Customer[] = ["K-1", "K-2", "K-3", "K-4", "K-5"].map((no) => ({ no, name: `Kunde ${no}`, address: "Weg 1\n24103 Kiel" }));
const contracts: Contract[] = customers.map((c, i) => contract({ no: `V-${i + 1}`, customerNo: c.no }));
const book: Book = { contracts, versions: contracts.map((c, i) => version({ contractNo: c.no, quantity: String(i + 1) })), customers, ledger: [] };

const mandatesCsv = [
  "customer_no;mandate_ref;signature_date;iban;bic;debtor_name;last_collection_date;payment_method",
  "K-1;MND-K1;2025-11-20;DE89 3704 0044 0532 0130 00;COBADEFFXXX;Kunde K-1 Müller;;",
  "K-2;MND-K2;2024-05-02;DE02 1203 0000 0000 2020 51;;Kunde K-2;2025-12-30;",
  "K-3;MND-K3;2024-05-02;DE02 1203 0000 0000 2020 51;;Kunde K-3;;transfer",
  "K-4;MND-K4;2024-05-02;DE02 1203 0000 0000 2020 51;;Kunde K-4;;",
].join("\r\n");

describe("SEPA direct debit for a billing run", () => {
  const run = bill(book, "2026-01");
  const read = readMandatesCsv(new TextEncoder().encode(mandatesCsv), "mandate.csv", d("2026-01-31"));
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  const documents: RunDocument[] = [
    ...run.invoices.map(runDocumentOf),
    { invoiceRef: "ST-1", customerNo: "K-4", kind: "cancellation", grossTotal: `-${run.invoices[3]!.grossTotal}`, invoiceDate: d("2026-01-31"), correctsRef: run.invoices[3]!.invoiceRef },
  ];
  const input: CollectionPlanInput = {
    documents,
    debtors: new Map([...read.value.map((r) => [r.mandate.customerNo, r.debtor] as const), ["K-5", { paymentMethod: "direct_debit" as const }]]),
    mandates: new Map(read.value.map((r) => [r.mandate.customerNo, r.mandate])),
    history: [],
    creditor: CREDITOR,
    collectionDate: d("2026-02-16"),
    today: d("2026-02-02"),
  };
  const planned = planCollection(input);
  if (!planned.ok) throw new Error(JSON.stringify(planned.issues));
  const plan: CollectionPlan = planned.value;
  const messageId = sepaMessageId("2026-01", 1, "CORE");
  const file = writePain008({ messageId, createdAt: "2026-02-02T09:00:00", creditor: plan.creditor, collectionDate: plan.collectionDate, groups: groupsOfScheme(plan, "CORE") });
  if (!file.ok) throw new Error(JSON.stringify(file.issues));

  it("collects exactly the debit invoices, for their gross totals", () => {
    const byRef = new Map(run.invoices.map((i) => [i.invoiceRef, i]));
    const payments = plan.groups.flatMap((g) => g.payments);
    expect(payments.map((p) => [p.invoiceRef, p.customerNo, p.sequenceType, p.amount])).toEqual([
      ["RE-1", "K-1", "FRST", byRef.get("RE-1")!.grossTotal],
      ["RE-2", "K-2", "RCUR", byRef.get("RE-2")!.grossTotal],
    ]);
    expect(file.value).toMatchObject({ count: 2, scheme: "CORE" });
    expect(file.value.total).toBe((Number(byRef.get("RE-1")!.grossTotal) + Number(byRef.get("RE-2")!.grossTotal)).toFixed(2));
  });

  it("writes a file that validates against pain.008.001.08", async () => {
    expect(await pain008Errors([file.value.xml])).toEqual([[]]);
    expect(file.value.xml).toContain("<EndToEndId>RE-1</EndToEndId>");
    expect(file.value.xml).toContain("<Nm>Kunde K-1 Mueller</Nm>");
  });

  it("reports what was left out and why (amounts with a German decimal comma)", () => {
    const de = (amount: unknown) => String(amount).replace(".", ",");
    expect(plan.leftOut.map((l) => messageText(l.message, "de"))).toEqual([
      `RE-3 (Kunde K-3, ${de(run.invoices[2]!.grossTotal)}): der Kunde zahlt per Überweisung.`,
      `RE-4 (Kunde K-4, ${de(run.invoices[3]!.grossTotal)}): durch ST-1 storniert, wird nicht eingezogen.`,
      `RE-5 (Kunde K-5, ${de(run.invoices[4]!.grossTotal)}): kein Lastschriftmandat hinterlegt.`,
      `ST-1 (Kunde K-4, -${de(run.invoices[3]!.grossTotal)}): Storno von RE-4 aus diesem Lauf; beide werden nicht eingezogen.`,
    ]);
  });

  it("puts the pre-notification on the collected invoices", () => {
    const notices = new Map(plan.groups.flatMap((g) => g.payments).map((p) => [p.invoiceRef, debitNotice(p, plan.collectionDate, plan.creditor.creditorId)]));
    const docs = invoiceDocuments(run.invoices, { company: { name: "Systemhaus", address: "Hafen 1\n24103 Kiel", taxNumber: "1" }, customers: new Map(customers.map((c) => [c.no, c])), debitNotices: notices });
    if (!docs.ok) throw new Error(JSON.stringify(docs.issues));
    const html = new Map(docs.value.documents.map((x) => [x.invoiceRef, x.html]));
    expect(html.get("RE-1")).toContain("Der Betrag wird am 16.02.2026 per SEPA-Lastschrift von Ihrem Konto DE89 XXXX XXXX XXXX XX30 00 eingezogen (Mandatsreferenz MND-K1, Gläubiger-ID DE98ZZZ09999999999).");
    expect(html.get("RE-3")).not.toContain("SEPA-Lastschrift");
  });

  it("a second export of the run collects nothing again", () => {
    const history = collectionRecords(plan, groupsOfScheme(plan, "CORE"), messageId);
    const again = planCollection({ ...input, history });
    expect(again.ok && again.value.count).toBe(0);
    expect(again.ok && again.value.leftOut.filter((l) => l.reason === "already_exported").map((l) => l.invoiceRef)).toEqual(["RE-1", "RE-2"]);
  });
});
