import fc from "fast-check";
import { XMLParser } from "fast-xml-parser";
import { Decimal, sum } from "../../../src/core/money/decimal";
import type { Mandate } from "../../../src/core/sepa/mandate";
import { sepaMessageId } from "../../../src/core/sepa/message-id";
import { type CollectionPlan, type CollectionPlanInput, type DebtorSettings, type RunDocument, groupsOfScheme, planCollection } from "../../../src/core/sepa/plan";
import { writePain008 } from "../../../src/io/sepa/pain008";
import { pain008Errors } from "../../support/pain008-xsd";
import { CREDITOR, d, deIban, invoice, mandateOf } from "../../core/sepa/fixtures";

const DEBIT: DebtorSettings = { paymentMethod: "direct_debit" };
const CREATED = "2026-01-09T10:15:00";

function planOf(documents: RunDocument[], debtors: Record<string, DebtorSettings>, mandates: Mandate[], over: Partial<CollectionPlanInput> = {}): CollectionPlan {
  const r = planCollection({
    documents, debtors: new Map(Object.entries(debtors)), mandates: new Map(mandates.map((m) => [m.customerNo, m])), history: [],
    creditor: CREDITOR, collectionDate: d("2026-01-20"), today: d("2026-01-09"), ...over,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

function fileOf(plan: CollectionPlan, scheme: "CORE" | "B2B", messageId = sepaMessageId("2026-01", 1, scheme)): string {
  const r = writePain008({ messageId, createdAt: CREATED, creditor: plan.creditor, collectionDate: plan.collectionDate, groups: groupsOfScheme(plan, scheme) });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value.xml;
}

const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => name === "PmtInf" || name === "DrctDbtTxInf" });
const parse = (xml: string): any => parser.parse(xml).Document.CstmrDrctDbtInitn;

describe("pain.008.001.08 file", () => {
  const documents = [
    invoice("RE-000001", "K1", "119.00"),
    invoice("RE-000002", "K2", "59.50"),
    invoice("RE-000003", "K3", "238.00"),
    invoice("RE-000004", "K4", "1190.00"),
    { invoiceRef: "ST-000001", customerNo: "K3", kind: "cancellation" as const, grossTotal: "-238.00", invoiceDate: d("2026-01-02"), correctsRef: "RE-000003" },
    invoice("RE-000005", "K5", "10.00"),
    invoice("RE-000006", "K6", "20.00"),
  ];
  const mandates = [
    mandateOf("K1", { debtorName: "Müller & Söhne Straßenbau GmbH", bic: "COBADEFFXXX" }),
    mandateOf("K2", {
      mandateRef: "MND-K2-NEU", iban: deIban("12030000", 2), lastCollectionDate: d("2025-12-01"),
      amendments: [{ changedOn: d("2025-12-15"), previousMandateRef: "MND-K2", previousIban: deIban("37040044", 2) }],
    }),
    mandateOf("K3"),
    mandateOf("K4", { scheme: "B2B", debtorName: "Großkunde AG" }),
    mandateOf("K6", { lastCollectionDate: d("2025-12-01"), amendments: [{ changedOn: d("2025-12-20"), previousIban: deIban("37040044", 99) }] }),
  ];
  const debtors = { K1: DEBIT, K2: DEBIT, K3: DEBIT, K4: DEBIT, K5: { paymentMethod: "transfer" as const }, K6: DEBIT };
  const plan = planOf(documents, debtors, mandates);
  const core = fileOf(plan, "CORE");
  const b2b = fileOf(plan, "B2B");

  it("validates against the pain.008.001.08 schema (CORE and B2B in separate files)", async () => {
    expect(await pain008Errors([core, b2b])).toEqual([[], []]);
  });

  it("is UTF-8 without byte order mark, in the pain.008.001.08 namespace", () => {
    expect(core.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(core.charCodeAt(0)).not.toBe(0xfeff);
    expect(core).toContain('<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.008.001.08"');
  });

  it("has the header, one PmtInf per sequence type, the creditor and the transactions", () => {
    const x = parse(core);
    expect(x.GrpHdr).toEqual({ MsgId: "SDD-2026-01-1", CreDtTm: CREATED, NbOfTxs: "3", CtrlSum: "198.50", InitgPty: { Nm: "Systemhaus Sued GmbH + Co. KG" } });
    expect(x.PmtInf.map((p: any) => [p.PmtInfId, p.PmtTpInf.SeqTp, p.PmtTpInf.LclInstrm.Cd, p.NbOfTxs, p.CtrlSum])).toEqual([
      ["SDD-2026-01-1-1", "FRST", "CORE", "1", "119.00"],
      ["SDD-2026-01-1-2", "RCUR", "CORE", "2", "79.50"],
    ]);
    const first = x.PmtInf[0];
    expect(first).toMatchObject({
      PmtMtd: "DD",
      PmtTpInf: { SvcLvl: { Cd: "SEPA" } },
      ReqdColltnDt: "2026-01-20",
      Cdtr: { Nm: "Systemhaus Sued GmbH + Co. KG" },
      CdtrAcct: { Id: { IBAN: "DE89370400440532013000" } },
      CdtrAgt: { FinInstnId: { BICFI: "COBADEFFXXX" } },
      ChrgBr: "SLEV",
      CdtrSchmeId: { Id: { PrvtId: { Othr: { Id: "DE98ZZZ09999999999", SchmeNm: { Prtry: "SEPA" } } } } },
    });
    expect(first.DrctDbtTxInf[0]).toEqual({
      PmtId: { EndToEndId: "RE-000001" },
      InstdAmt: { "#text": "119.00", "@_Ccy": "EUR" },
      DrctDbtTx: { MndtRltdInf: { MndtId: "MND-K1", DtOfSgntr: "2025-06-01", AmdmntInd: "false" } },
      DbtrAgt: { FinInstnId: { BICFI: "COBADEFFXXX" } },
      Dbtr: { Nm: "Mueller + Soehne Strassenbau GmbH" },
      DbtrAcct: { Id: { IBAN: mandates[0]!.iban } },
      RmtInf: { Ustrd: "Rechnung RE-000001 vom 02.01.2026" },
    });
  });

  it("reports amendments: changed reference and new bank (SMNDA); new account at the same bank (original IBAN)", () => {
    const txs = parse(core).PmtInf[1].DrctDbtTxInf;
    expect(txs[0].DrctDbtTx.MndtRltdInf).toEqual({
      MndtId: "MND-K2-NEU", DtOfSgntr: "2025-06-01", AmdmntInd: "true",
      AmdmntInfDtls: { OrgnlMndtId: "MND-K2", OrgnlDbtrAcct: { Id: { Othr: { Id: "SMNDA" } } } },
    });
    expect(txs[0].DbtrAgt).toEqual({ FinInstnId: { Othr: { Id: "NOTPROVIDED" } } });
    expect(txs[1].DrctDbtTx.MndtRltdInf.AmdmntInfDtls).toEqual({ OrgnlDbtrAcct: { Id: { IBAN: deIban("37040044", 99) } } });
  });

  it("puts B2B collections in their own file", () => {
    const x = parse(b2b);
    expect(x.GrpHdr).toMatchObject({ MsgId: "SDD-2026-01-1-B2B", NbOfTxs: "1", CtrlSum: "1190.00" });
    expect(x.PmtInf.map((p: any) => [p.PmtTpInf.LclInstrm.Cd, p.PmtTpInf.SeqTp])).toEqual([["B2B", "FRST"]]);
    expect(x.PmtInf[0].DrctDbtTxInf[0].Dbtr.Nm).toBe("Grosskunde AG");
  });

  it("writes BtchBookg when the settings say so", async () => {
    const withBooking = planOf(documents, debtors, mandates, { creditor: { ...CREDITOR, batchBooking: false, bic: undefined } });
    const xml = fileOf(withBooking, "CORE");
    expect(parse(xml).PmtInf[0]).toMatchObject({ BtchBookg: "false", CdtrAgt: { FinInstnId: { Othr: { Id: "NOTPROVIDED" } } } });
    expect(await pain008Errors([xml])).toEqual([[]]);
  });

  it("the schema rejects what German banks reject (so the validation can fail)", async () => {
    const broken = [
      core.replace("<Nm>Mueller + Soehne Strassenbau GmbH</Nm>", "<Nm>Müller &amp; Söhne</Nm>"),
      core.replace(/<CtrlSum>198.50<\/CtrlSum>/, ""),
      core.replace('Ccy="EUR"', 'Ccy="USD"'),
      core.replace("<EndToEndId>RE-000001</EndToEndId>", "<EndToEndId>RE 000001</EndToEndId>"),
      core.replace("<ChrgBr>SLEV</ChrgBr>", "").replace("<ReqdColltnDt>", "<ChrgBr>SLEV</ChrgBr><ReqdColltnDt>"),
      core.replace("<Cd>CORE</Cd>", "<Cd>COR1</Cd>"),
      core.replace("<Id>SMNDA</Id>", "<Id>OTHER</Id>"),
      core.replace(">119.00</InstdAmt>", ">119.001</InstdAmt>"),
    ];
    const errors = await pain008Errors(broken);
    errors.forEach((e, i) => expect([i, e.length > 0]).toEqual([i, true]));
  });

  it("refuses a bad message id and an empty file", () => {
    const bad = writePain008({ messageId: "SDD 1", createdAt: CREATED, creditor: plan.creditor, collectionDate: plan.collectionDate, groups: groupsOfScheme(plan, "CORE") });
    expect(bad.ok ? [] : bad.issues.map((i) => i.code)).toEqual(["sepa.message_id_invalid"]);
    const empty = writePain008({ messageId: "SDD-1", createdAt: CREATED, creditor: plan.creditor, collectionDate: plan.collectionDate, groups: [] });
    expect(empty.ok ? [] : empty.issues.map((i) => i.code)).toEqual(["sepa.no_payments"]);
  });

  it("refuses a debtor name that has nothing left in the SEPA character set", () => {
    const p = planOf([invoice("RE-1", "K1", "1.00")], { K1: DEBIT }, [mandateOf("K1", { debtorName: "株式会社" })]);
    const r = writePain008({ messageId: "SDD-1", createdAt: CREATED, creditor: p.creditor, collectionDate: p.collectionDate, groups: p.groups });
    expect(r.ok ? [] : r.issues.map((i) => i.code)).toEqual(["sepa.mandate_no_name"]);
  });
});

describe("pain.008.001.08 file properties", () => {
  const runArb = fc.array(
    fc.record({
      cents: fc.integer({ min: 1, max: 99_999_999 }),
      scheme: fc.constantFrom("CORE" as const, "B2B" as const),
      used: fc.boolean(),
      bic: fc.boolean(),
      name: fc.string({ unit: "grapheme", minLength: 1, maxLength: 90 }),
      credit: fc.integer({ min: 0, max: 3 }),
    }),
    { minLength: 1, maxLength: 12 },
  );

  type Rows = typeof runArb extends fc.Arbitrary<infer T> ? T : never;

  function build(rows: Rows): { plan: CollectionPlan; files: string[] } {
    const documents: RunDocument[] = [];
    const mandates: Mandate[] = [];
    const debtors: Record<string, DebtorSettings> = {};
    rows.forEach((r, i) => {
      const no = `K${i + 1}`;
      documents.push(invoice(`RE-${i + 1}`, no, (r.cents / 100).toFixed(2)));
      if (r.credit > 0) documents.push({ invoiceRef: `GS-${i + 1}`, customerNo: no, kind: "credit_note", grossTotal: (-(r.cents * r.credit) / 400).toFixed(2), invoiceDate: d("2026-01-02") });
      mandates.push(mandateOf(no, { scheme: r.scheme, debtorName: `X ${r.name}`, ...(r.used ? { lastCollectionDate: d("2025-12-01") } : {}), ...(r.bic ? { bic: "GENODEF1M04" } : {}) }));
      debtors[no] = { paymentMethod: "direct_debit", netCredits: r.credit % 2 === 1 };
    });
    const plan = planOf(documents, debtors, mandates);
    const files = (["CORE", "B2B"] as const).filter((s) => groupsOfScheme(plan, s).length > 0).map((s) => fileOf(plan, s));
    return { plan, files };
  }

  it("NbOfTxs and CtrlSum are right per PmtInf and in the header; every collected invoice appears exactly once, for its amount", () => {
    fc.assert(
      fc.property(runArb, (rows) => {
        const { plan, files } = build(rows);
        const seen: string[] = [];
        let total = new Decimal(0);
        for (const xml of files) {
          const x = parse(xml);
          const pmtInfs: any[] = x.PmtInf;
          let fileSum = new Decimal(0);
          let fileCount = 0;
          for (const p of pmtInfs) {
            const amounts = p.DrctDbtTxInf.map((t: any) => new Decimal(t.InstdAmt["#text"]));
            expect(p.CtrlSum).toBe(sum(amounts).toFixed(2));
            expect(p.NbOfTxs).toBe(String(p.DrctDbtTxInf.length));
            fileSum = fileSum.plus(sum(amounts));
            fileCount += p.DrctDbtTxInf.length;
            for (const t of p.DrctDbtTxInf) {
              seen.push(t.PmtId.EndToEndId);
              const payment = plan.groups.flatMap((g) => g.payments).find((y) => y.invoiceRef === t.PmtId.EndToEndId)!;
              expect(t.InstdAmt["#text"]).toBe(payment.amount);
              expect(t.RmtInf.Ustrd).toContain(payment.invoiceRef);
            }
          }
          expect(x.GrpHdr.CtrlSum).toBe(fileSum.toFixed(2));
          expect(x.GrpHdr.NbOfTxs).toBe(String(fileCount));
          total = total.plus(fileSum);
        }
        expect(seen.sort()).toEqual(plan.groups.flatMap((g) => g.payments.map((p) => p.invoiceRef)).sort());
        expect(total.toFixed(2)).toBe(plan.total);
      }),
    );
  });

  it("random files validate against the schema", async () => {
    const samples = fc.sample(runArb, { numRuns: 40, seed: 20260109 });
    const files = samples.flatMap((rows) => build(rows).files);
    const errors = await pain008Errors(files);
    errors.forEach((e, i) => expect([i, e]).toEqual([i, []]));
  });
});
