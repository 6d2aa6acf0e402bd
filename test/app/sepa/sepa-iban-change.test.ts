import { XMLParser } from "fast-xml-parser";
import { importMandates } from "../../../src/app/mandates";
import { exportSepaRun } from "../../../src/app/sepa-run";
import { setSepaSettings } from "../../../src/app/sepa-settings";
import { deIban } from "../../core/sepa/fixtures";
import { dbOf } from "../../support/db-view";
import { testContext, textFile } from "../../support/fixtures";
import { pain008Errors } from "../../support/pain008-xsd";
import { MANDATES_CSV, SEPA_JSON, addRun, storedInvoice } from "./sepa-fixtures";

const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (n) => n === "PmtInf" || n === "DrctDbtTxInf" });
const pmtInfs = (xml: string): any[] => parser.parse(xml).Document.CstmrDrctDbtInitn.PmtInf;
const byRef = (xml: string): Map<string, { seq: string; tx: any }> =>
  new Map(pmtInfs(xml).flatMap((p) => p.DrctDbtTxInf.map((t: any) => [t.PmtId.EndToEndId, { seq: p.PmtTpInf.SeqTp, tx: t }] as const)));

describe("SEPA: a changed IBAN and mandate between two runs, through the store", () => {
  it("sends the amendment once with RCUR, and collects every debit invoice exactly once over both runs", async () => {
    const ctx = await testContext();
    expect((await setSepaSettings(ctx, SEPA_JSON)).ok).toBe(true);
    const first = await importMandates(ctx, textFile("mandates.csv", MANDATES_CSV));
    if (!first.ok) throw new Error(JSON.stringify(first.issues));

    await addRun(ctx, "run-00001", [
      storedInvoice("run-00001", 0, "RE-000001", "K1", "119.00"),
      storedInvoice("run-00001", 1, "RE-000002", "K2", "238.00"),
      storedInvoice("run-00001", 2, "RE-000010", "K3", "1190.00"),
    ]);
    const run1 = await exportSepaRun(ctx, { runId: "run-00001", collectionDate: "2026-12-08" });
    if (!run1.ok) throw new Error(JSON.stringify(run1.issues));
    const one = byRef(run1.value.files[0]!.xml);
    expect([...one].map(([ref, p]) => [ref, p.seq, p.tx.DrctDbtTx.MndtRltdInf.AmdmntInd])).toEqual([["RE-000001", "FRST", "false"], ["RE-000002", "FRST", "false"]]);

    // K1 moves to another bank; K2 gets a new account at the same bank and a new reference as an
    // amendment (previous_mandate_ref); K3 signs a new mandate (new reference, no previous one).
    const changed = [
      "customer_no;mandate_ref;signature_date;iban;scheme;debtor_name;changed_on;previous_mandate_ref",
      `K1;MND-K1;01.06.2025;${deIban("50010517", 77)};CORE;Müller & Söhne GmbH;;`,
      `K2;MND-K2-NEU;2025-06-01;${deIban("37040044", 88)};CORE;Schmidt KG;2026-11-25;MND-K2`,
      `K3;MND-K3-2;2025-09-01;${deIban("37040044", 3)};B2B;Großkunde AG;;`,
    ].join("\n");
    const amend = await importMandates(ctx, textFile("mandates.csv", changed));
    if (!amend.ok) throw new Error(JSON.stringify(amend.issues));
    expect(amend.value).toMatchObject({ changed: 3 });

    await addRun(ctx, "run-00002", [
      storedInvoice("run-00002", 0, "RE-000003", "K1", "120.00"),
      storedInvoice("run-00002", 1, "RE-000004", "K2", "240.00"),
      storedInvoice("run-00002", 2, "RE-000011", "K3", "1200.00"),
    ]);
    const run2 = await exportSepaRun(ctx, { runId: "run-00002", collectionDate: "2027-01-08" });
    if (!run2.ok) throw new Error(JSON.stringify(run2.issues));
    expect(await pain008Errors(run2.value.files.map((f) => f.xml))).toEqual([[], []]);
    const two = byRef(run2.value.files[0]!.xml);
    // Since the 2016 rulebook an amendment (also SMNDA) needs no new FRST: the mandate stays RCUR.
    const k1 = two.get("RE-000003")!;
    expect(k1.seq).toBe("RCUR");
    expect(k1.tx.DrctDbtTx.MndtRltdInf.AmdmntInd).toBe("true");
    expect(k1.tx.DrctDbtTx.MndtRltdInf.AmdmntInfDtls.OrgnlDbtrAgt?.FinInstnId?.Othr?.Id ?? k1.tx.DrctDbtTx.MndtRltdInf.AmdmntInfDtls.OrgnlDbtrAcct?.Id?.Othr?.Id).toBe("SMNDA");
    expect(k1.tx.DbtrAcct.Id.IBAN).toBe(deIban("50010517", 77).replace(/\s/g, ""));
    const k2 = two.get("RE-000004")!;
    expect(k2.seq).toBe("RCUR");
    expect(k2.tx.DrctDbtTx.MndtRltdInf.MndtId).toBe("MND-K2-NEU");
    expect(k2.tx.DrctDbtTx.MndtRltdInf.AmdmntInfDtls.OrgnlMndtId).toBe("MND-K2");
    expect(k2.tx.DrctDbtTx.MndtRltdInf.AmdmntInfDtls.OrgnlDbtrAcct.Id.IBAN).toBe(deIban("37040044", 2).replace(/\s/g, ""));

    // A new mandate (no previous reference) starts over with FRST and no amendment.
    const k3 = byRef(run2.value.files[1]!.xml).get("RE-000011")!;
    expect([k3.seq, k3.tx.DrctDbtTx.MndtRltdInf.MndtId, k3.tx.DrctDbtTx.MndtRltdInf.AmdmntInd]).toEqual(["FRST", "MND-K3-2", "false"]);

    // The amendment is sent once: a third run after it carries no amendment.
    await addRun(ctx, "run-00003", [storedInvoice("run-00003", 0, "RE-000005", "K1", "121.00")]);
    const run3 = await exportSepaRun(ctx, { runId: "run-00003", collectionDate: "2027-02-08" });
    if (!run3.ok) throw new Error(JSON.stringify(run3.issues));
    const k1again = byRef(run3.value.files[0]!.xml).get("RE-000005")!;
    expect([k1again.seq, k1again.tx.DrctDbtTx.MndtRltdInf.AmdmntInd]).toEqual(["RCUR", "false"]);

    // Every debit invoice exactly once over the runs; exporting run 1 again collects nothing new.
    expect((await exportSepaRun(ctx, { runId: "run-00001", collectionDate: "2027-02-08" })).ok).toBe(false);
    const refs = (await dbOf(ctx).collections.toArray()).map((c: any) => c.invoiceRef).sort();
    expect(refs).toEqual(["RE-000001", "RE-000002", "RE-000003", "RE-000004", "RE-000005", "RE-000010", "RE-000011"]);
  });
});
