import { buildInvoice } from "../../../src/core/billing/invoice";
import { messageText } from "../../../src/core/messages";
import { runDocumentOf } from "../../../src/core/sepa/run-documents";
import { debitNotice } from "../../../src/core/sepa/debit-notice";
import type { Mandate } from "../../../src/core/sepa/mandate";
import { type CollectionPlan, type CollectionPlanInput, type DebtorSettings, type RunDocument, collectionRecords, planCollection, remittanceText } from "../../../src/core/sepa/plan";
import { CREDITOR, d, invoice, mandateOf } from "./fixtures";

const DEBIT: DebtorSettings = { paymentMethod: "direct_debit" };

function input(documents: RunDocument[], debtors: Record<string, DebtorSettings>, mandates: Mandate[], over: Partial<CollectionPlanInput> = {}): CollectionPlanInput {
  return {
    documents,
    debtors: new Map(Object.entries(debtors)),
    mandates: new Map(mandates.map((m) => [m.customerNo, m])),
    history: [],
    creditor: CREDITOR,
    collectionDate: d("2026-01-20"),
    today: d("2026-01-09"),
    ...over,
  };
}

function plan(i: CollectionPlanInput): CollectionPlan {
  const r = planCollection(i);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

const reasons = (p: CollectionPlan) => Object.fromEntries(p.leftOut.map((l) => [l.invoiceRef, l.reason]));
const paid = (p: CollectionPlan) => Object.fromEntries(p.groups.flatMap((g) => g.payments.map((x) => [x.invoiceRef, `${g.scheme} ${g.sequenceType} ${x.amount}`])));

describe("collection plan: a run with debit and transfer customers", () => {
  const documents: RunDocument[] = [
    invoice("RE-1", "K1", "119.00"),
    invoice("RE-2", "K2", "59.50"),
    invoice("RE-3", "K3", "238.00"),
    invoice("RE-4", "K4", "10.00"),
    invoice("RE-5", "K5", "47.60"),
    { invoiceRef: "ST-1", customerNo: "K5", kind: "cancellation", grossTotal: "-47.60", invoiceDate: d("2026-01-02"), correctsRef: "RE-5" },
    invoice("RE-6", "K6", "100.00"),
    { invoiceRef: "GS-1", customerNo: "K6", kind: "credit_note", grossTotal: "-20.00", invoiceDate: d("2026-01-02") },
    invoice("RE-7", "K7", "100.00"),
    { invoiceRef: "GS-2", customerNo: "K7", kind: "credit_note", grossTotal: "-30.00", invoiceDate: d("2026-01-02") },
    invoice("RE-8", "K8", "1190.00"),
    invoice("RE-9", "K9", "5.00"),
    invoice("RE-10", "K10", "5.00"),
    invoice("RE-11", "K11", "5.00"),
    invoice("RE-12", "K12", "0.00"),
  ];
  const debtors = {
    K1: DEBIT, K2: DEBIT, K3: { paymentMethod: "transfer" as const }, K4: DEBIT, K5: DEBIT, K6: DEBIT, K7: { ...DEBIT, netCredits: true },
    K8: DEBIT, K9: DEBIT, K10: DEBIT, K11: DEBIT, K12: DEBIT,
  };
  const mandates = [
    mandateOf("K1"),
    mandateOf("K2", { lastCollectionDate: d("2025-12-01") }),
    mandateOf("K3"),
    mandateOf("K5"),
    mandateOf("K6", { lastCollectionDate: d("2025-12-01") }),
    mandateOf("K7", { lastCollectionDate: d("2025-12-01") }),
    mandateOf("K8", { scheme: "B2B" }),
    mandateOf("K9", { iban: "DE00370400440532013000" }),
    mandateOf("K10", { signatureDate: d("2020-01-01"), lastCollectionDate: d("2022-12-01") }),
    mandateOf("K11", { revokedOn: d("2026-01-15") }),
    mandateOf("K12"),
  ];
  const p = plan(input(documents, debtors, mandates));

  it("collects exactly the debit invoices with a usable mandate, grouped by scheme and sequence type", () => {
    expect(paid(p)).toEqual({
      "RE-1": "CORE FRST 119.00",
      "RE-2": "CORE RCUR 59.50",
      "RE-6": "CORE RCUR 100.00",
      "RE-7": "CORE RCUR 70.00",
      "RE-8": "B2B FRST 1190.00",
    });
    expect(p.groups.map((g) => [g.scheme, g.sequenceType, g.count, g.total])).toEqual([
      ["CORE", "FRST", 1, "119.00"],
      ["CORE", "RCUR", 3, "229.50"],
      ["B2B", "FRST", 1, "1190.00"],
    ]);
    expect([p.count, p.total]).toEqual([5, "1538.50"]);
  });

  it("reports every other document with its reason", () => {
    expect(reasons(p)).toEqual({
      "RE-3": "not_direct_debit",
      "RE-4": "no_mandate",
      "RE-5": "cancelled",
      "ST-1": "cancels_invoice",
      "GS-1": "credit_note",
      "GS-2": "netted",
      "RE-9": "invalid_mandate",
      "RE-10": "mandate_expired",
      "RE-11": "mandate_revoked",
      "RE-12": "zero_or_negative",
    });
    const expired = p.leftOut.find((l) => l.invoiceRef === "RE-10")!;
    expect(messageText(expired.message, "de")).toBe("RE-10 (Kunde K10, 5,00): Mandat MND-K10 ist seit 01.12.2025 verfallen (36 Monate ohne Einzug seit 01.12.2022); ein neues Mandat einholen.");
    expect(p.leftOut.find((l) => l.invoiceRef === "RE-9")!.details?.map((i) => i.code)).toEqual(["sepa.iban_checksum"]);
    expect(p.issues).toEqual([]);
  });

  it("writes invoice number and date in the remittance text, and the netted credit notes", () => {
    const payments = p.groups.flatMap((g) => g.payments);
    expect(payments.find((x) => x.invoiceRef === "RE-1")!.remittance).toBe("Rechnung RE-1 vom 02.01.2026");
    expect(payments.find((x) => x.invoiceRef === "RE-7")!).toMatchObject({ remittance: "Rechnung RE-7 vom 02.01.2026 abzgl. GS-2", offsets: [{ ref: "GS-2", amount: "30.00" }], grossTotal: "100.00" });
  });

  it("gives the invoice's pre-notification text", () => {
    const re7 = p.groups.flatMap((g) => g.payments).find((x) => x.invoiceRef === "RE-7")!;
    const re1 = p.groups.flatMap((g) => g.payments).find((x) => x.invoiceRef === "RE-1")!;
    expect(messageText(debitNotice(re1, p.collectionDate, p.creditor.creditorId), "de")).toBe(
      "Der Betrag wird am 20.01.2026 per SEPA-Lastschrift von Ihrem Konto DE41 XXXX XXXX XXXX XX00 01 eingezogen (Mandatsreferenz MND-K1, Gläubiger-ID DE98ZZZ09999999999).",
    );
    expect(messageText(debitNotice(re1, p.collectionDate, p.creditor.creditorId), "en")).toBe(
      "The amount will be collected by SEPA direct debit from your account DE41 XXXX XXXX XXXX XX00 01 on 20.01.2026 (mandate reference MND-K1, creditor identifier DE98ZZZ09999999999).",
    );
    expect(messageText(debitNotice(re7, p.collectionDate, p.creditor.creditorId), "de")).toContain("Der Betrag von 70,00 € (nach Verrechnung mit GS-2) wird am 20.01.2026");
  });

  it("gives the records the store keeps, per file", () => {
    const core = p.groups.filter((g) => g.scheme === "CORE");
    const records = collectionRecords(p, core, "SDD-2026-01-1");
    expect(records.map((r) => r.invoiceRef)).toEqual(["RE-1", "RE-2", "RE-6", "RE-7"]);
    expect(records[3]).toEqual({
      invoiceRef: "RE-7", customerNo: "K7", messageId: "SDD-2026-01-1", collectionDate: "2026-01-20", sequenceType: "RCUR", scheme: "CORE",
      mandateRef: "MND-K7", iban: mandateOf("K7").iban, creditorId: "DE98ZZZ09999999999", amount: "70.00", offsets: [{ ref: "GS-2", amount: "30.00" }],
    });
  });
});

describe("collection plan: repeats", () => {
  const documents = [invoice("RE-1", "K1", "119.00"), invoice("RE-2", "K2", "20.00")];
  const debtors = { K1: DEBIT, K2: DEBIT };
  const mandates = [mandateOf("K1"), mandateOf("K2")];
  const first = plan(input(documents, debtors, mandates));
  const history = collectionRecords(first, first.groups, "SDD-2026-01-1");

  it("leaves out what an earlier file holds", () => {
    const second = plan(input(documents, debtors, mandates, { history }));
    expect(second.count).toBe(0);
    expect(reasons(second)).toEqual({ "RE-1": "already_exported", "RE-2": "already_exported" });
    expect(messageText(second.leftOut[0]!.message, "en")).toBe("RE-1 (customer K1, 119.00): already in SDD-2026-01-1 (collection date 2026-01-20); not collected twice. Repeat only explicitly.");
  });

  it("exports again only on request, marked and warned, with the sequence type of the first time", () => {
    const again = plan(input(documents, debtors, mandates, { history, repeat: new Set(["RE-1"]) }));
    expect(paid(again)).toEqual({ "RE-1": "CORE FRST 119.00" });
    expect(again.groups[0]!.payments[0]!.repeatOf).toEqual(["SDD-2026-01-1"]);
    expect(again.issues.map((i) => [i.code, i.params.invoice])).toEqual([["sepa.repeat_export", "RE-1"]]);
    expect(reasons(again)).toEqual({ "RE-2": "already_exported" });
  });

  it("a new invoice of a customer collected before is recurring", () => {
    const next = plan(input([invoice("RE-3", "K1", "119.00")], debtors, mandates, { history, collectionDate: d("2026-02-20"), today: d("2026-02-10") }));
    expect(paid(next)).toEqual({ "RE-3": "CORE RCUR 119.00" });
  });
});

describe("collection plan: netting", () => {
  const debtors = { K1: { ...DEBIT, netCredits: true } };
  const mandates = [mandateOf("K1", { lastCollectionDate: d("2025-12-01") })];

  it("applies credits oldest first to invoices oldest first; an unused rest is reported", () => {
    const docs: RunDocument[] = [
      invoice("RE-2", "K1", "50.00", { invoiceDate: d("2026-01-03") }),
      invoice("RE-1", "K1", "40.00"),
      { invoiceRef: "GS-1", customerNo: "K1", kind: "credit_note", grossTotal: "-60.00", invoiceDate: d("2026-01-01") },
      { invoiceRef: "GS-2", customerNo: "K1", kind: "credit_note", grossTotal: "-45.00", invoiceDate: d("2026-01-02") },
    ];
    const p = plan(input(docs, debtors, mandates));
    expect(p.count).toBe(0);
    expect(reasons(p)).toEqual({ "RE-1": "offset_by_credits", "RE-2": "offset_by_credits", "GS-1": "netted", "GS-2": "netted_partly" });
    expect(p.leftOut.find((l) => l.invoiceRef === "GS-2")!.message.params).toMatchObject({ used: "30.00", rest: "15.00", invoices: "RE-2" });
  });

  it("does not use a credit note again that an earlier file netted", () => {
    const docs: RunDocument[] = [invoice("RE-1", "K1", "100.00"), { invoiceRef: "GS-1", customerNo: "K1", kind: "credit_note", grossTotal: "-30.00", invoiceDate: d("2026-01-02") }];
    const first = plan(input(docs, debtors, mandates));
    const history = collectionRecords(first, first.groups, "SDD-1");
    const late = invoice("RE-9", "K1", "10.00");
    const second = plan(input([...docs, late], debtors, mandates, { history }));
    expect(paid(second)).toEqual({ "RE-9": "CORE RCUR 10.00" });
    expect(reasons(second)).toEqual({ "RE-1": "already_exported", "GS-1": "credit_already_offset" });
    // Repeating RE-1 frees its credit again, so the repeat is the same collection.
    const repeated = plan(input(docs, debtors, mandates, { history, repeat: new Set(["RE-1"]) }));
    expect(paid(repeated)).toEqual({ "RE-1": "CORE RCUR 70.00" });
  });

  it("does not net for customers without the setting", () => {
    const docs: RunDocument[] = [invoice("RE-1", "K1", "100.00"), { invoiceRef: "GS-1", customerNo: "K1", kind: "credit_note", grossTotal: "-30.00", invoiceDate: d("2026-01-02") }];
    const p = plan(input(docs, { K1: DEBIT }, mandates));
    expect(paid(p)).toEqual({ "RE-1": "CORE RCUR 100.00" });
    expect(reasons(p)).toEqual({ "GS-1": "credit_note" });
  });
});

describe("collection plan: refusals and warnings", () => {
  it("fails on a collection date that is too early or not a business day, and on bad creditor settings", () => {
    const docs = [invoice("RE-1", "K1", "1.00")];
    const early = planCollection(input(docs, { K1: DEBIT }, [mandateOf("K1")], { collectionDate: d("2026-01-09") }));
    expect(early.ok ? [] : early.issues.map((i) => i.code)).toEqual(["sepa.collection_too_early"]);
    const sunday = planCollection(input(docs, { K1: DEBIT }, [mandateOf("K1")], { collectionDate: d("2026-01-18") }));
    expect(sunday.ok ? [] : sunday.issues.map((i) => i.code)).toEqual(["sepa.collection_not_business_day"]);
    const creditor = planCollection(input(docs, { K1: DEBIT }, [mandateOf("K1")], { creditor: { ...CREDITOR, creditorId: "DE97ZZZ09999999999" } }));
    expect(creditor.ok ? [] : creditor.issues.map((i) => i.code)).toEqual(["sepa.creditor_id_checksum"]);
  });

  it("warns when the invoices are less than the pre-notification period before the collection", () => {
    const p = plan(input([invoice("RE-1", "K1", "1.00", { invoiceDate: d("2026-01-08") }), invoice("RE-2", "K2", "1.00", { invoiceDate: d("2026-01-09") })], { K1: DEBIT, K2: DEBIT }, [mandateOf("K1"), mandateOf("K2")]));
    expect(p.issues).toMatchObject([{ code: "sepa.prenotification_short", severity: "warning", params: { count: 2, days: 14, invoice: "RE-1" } }]);
    const agreed = plan(input([invoice("RE-1", "K1", "1.00", { invoiceDate: d("2026-01-08") })], { K1: DEBIT }, [mandateOf("K1")], { creditor: { ...CREDITOR, preNotificationDays: 5 } }));
    expect(agreed.issues).toEqual([]);
  });

  it("leaves out invoice numbers that cannot be an end-to-end id, and amounts beyond the scheme's maximum", () => {
    const p = plan(input([invoice("RE 1", "K1", "1.00"), invoice("RE-2", "K2", "1000000000.00")], { K1: DEBIT, K2: DEBIT }, [mandateOf("K1"), mandateOf("K2")]));
    expect(reasons(p)).toEqual({ "RE 1": "invalid_reference", "RE-2": "amount_too_large" });
  });

  it("reports a cancellation of an invoice that an earlier file already collected", () => {
    const docs = [invoice("RE-1", "K1", "10.00"), { invoiceRef: "ST-1", customerNo: "K1", kind: "cancellation" as const, grossTotal: "-10.00", invoiceDate: d("2026-01-05"), correctsRef: "RE-1" }];
    const history = collectionRecords(plan(input([docs[0]!], { K1: DEBIT }, [mandateOf("K1")])), plan(input([docs[0]!], { K1: DEBIT }, [mandateOf("K1")])).groups, "SDD-1");
    const p = plan(input(docs, { K1: DEBIT }, [mandateOf("K1")], { history }));
    expect(reasons(p)).toEqual({ "RE-1": "cancelled_after_export", "ST-1": "cancels_invoice" });
  });

  it("shortens a remittance text with many credit notes but keeps the invoice number", () => {
    const offsets = Array.from({ length: 20 }, (_, i) => ({ ref: `GUTSCHRIFT-2026-${i}`, amount: "1.00" }));
    const text = remittanceText("RE-2026-000123", d("2026-01-31"), offsets);
    expect(text).toBe("Rechnung RE-2026-000123 vom 31.01.2026 abzgl. Gutschriften");
  });
});

describe("run documents from stored invoices", () => {
  const customer = { no: "K1", name: "Kunde" };
  const line = (net: string, correctsRef?: string) => ({
    lineNo: 1, lineType: (correctsRef ? "difference" : "recurring") as "difference" | "recurring", contractNo: "V-1", positionNo: 1, articleNo: "A", description: "x",
    serviceFrom: d("2026-01-01"), serviceTo: d("2026-01-31"), quantity: "1", unitPrice: net, discountPct: "0", periodFactor: "1", netAmount: net, exactAmount: net, vatPct: "19",
    ...(correctsRef ? { correctsRef } : {}),
  });

  it("a positive invoice is an invoice; a crediting correction is a credit note naming the invoice it corrects", () => {
    expect(runDocumentOf(buildInvoice({ invoiceRef: "RE-1", runId: "r", invoiceDate: d("2026-01-31"), customer }, [line("100.00")]))).toEqual({
      invoiceRef: "RE-1", customerNo: "K1", kind: "invoice", grossTotal: "119.00", invoiceDate: "2026-01-31",
    });
    expect(runDocumentOf(buildInvoice({ invoiceRef: "RE-2", runId: "r", invoiceDate: d("2026-02-28"), customer }, [line("-10.00", "RE-1")]))).toEqual({
      invoiceRef: "RE-2", customerNo: "K1", kind: "credit_note", grossTotal: "-11.90", invoiceDate: "2026-02-28", correctsRef: "RE-1",
    });
  });
});
