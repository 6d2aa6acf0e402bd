/**
 * The auditor export (GDPdU) in the words of a German tax auditor: line types, document types and
 * the audit log's kind, source and object as German words, the stored codes kept in `*_Code`
 * columns for a machine reader.
 */
import { auditExportTables } from "../../src/app/audit-export";
import { runBilling } from "../../src/app/bill";
import { cancelInvoice } from "../../src/app/cancel-invoice";
import { importMaster } from "../../src/app/import-master";
import { finalizeRun } from "../../src/app/issue-run";
import type { AuditTable } from "../../src/io/audit-export/audit-table";
import { testContext, textFile } from "../support/fixtures";

const ARTICLES = "article_no,description,unit_price,vat_pct\nM365-BP,Microsoft 365 Business Premium,20.60,19\n";
const HEADER = "customer_no,customer_name,contract_no,billing_interval,billing_mode,contract_start,position_no,article_no,quantity,unit_price,vat_pct,valid_from";
const CONTRACTS = `${HEADER}\n10001,Müller GmbH,V-1,monthly,advance,2026-01-01,1,M365-BP,10,20.60,19,2026-01-01\n10002,Schmidt KG,V-2,monthly,advance,2026-01-01,1,M365-BP,3,20.60,19,2026-01-01\n`;
const CHANGE = "customer_no,contract_no,contract_start,position_no,article_no,quantity,unit_price,valid_from\n10001,V-1,2026-01-01,1,M365-BP,12,20.60,2026-01-16\n";

/** A table's rows as records by column name. */
const records = (t: AuditTable) => t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c.name, r[i]])));

describe("auditor export words", () => {
  it("writes line types, document types and the audit log in German, the codes beside them", async () => {
    const ctx = await testContext();
    expect((await importMaster(ctx, [textFile("a.csv", ARTICLES), textFile("c.csv", CONTRACTS)])).ok).toBe(true);
    const jan = await runBilling(ctx, { month: "2026-01", invoiceDate: "2026-01-02" });
    if (!jan.ok) throw new Error("bill");
    await finalizeRun(ctx, jan.value.runId!);
    expect((await cancelInvoice(ctx, "RE-000002", { date: "2026-01-20" })).ok).toBe(true);
    // retroactive: V-1 has 12 licences from 16 January; February bills the difference
    expect((await importMaster(ctx, [textFile("change.csv", CHANGE)])).ok).toBe(true);
    await ctx.store.write((tx) => tx.audit.append([{ at: "2026-11-23T10:00:00.000Z", kind: "settings.update", source: "manual", entity: "setting:company" }]));
    expect((await runBilling(ctx, { month: "2026-02", invoiceDate: "2026-02-02" })).ok).toBe(true);

    const [invoices, lines, ledger, audit] = await auditExportTables(ctx, "2026-01-01", "2026-12-31");
    const inv = records(invoices!);
    expect(inv.map((r) => [r.Rechnungsnummer, r.Belegart, r.Belegart_Code])).toEqual([
      ["RE-000001", "Rechnung", "invoice"],
      ["RE-000002", "Rechnung", "invoice"],
      ["RE-000003", "Stornorechnung", "correction"],
      ["RE-000004", "Rechnung", "invoice"],
      ["RE-000005", "Rechnung", "invoice"],
    ]);
    const arten = (t: AuditTable) => [...new Set(records(t).map((r) => `${r.Art}|${r.Art_Code}`))].sort();
    // the cancelled January of V-2 is billed again in February as a catch-up (Nachberechnung)
    expect(arten(lines!)).toEqual(["Differenz|difference", "Laufend|recurring", "Nachberechnung|recurring"]);
    expect(arten(ledger!)).toEqual(["Differenz|difference", "Laufend|recurring"]);
    // every code column is described in index.xml's terms
    for (const t of [invoices!, lines!, ledger!, audit!]) for (const c of t.columns.filter((c) => c.name.endsWith("_Code"))) expect(c.description).toMatch(/^Programmkennung/);

    const log = records(audit!);
    const issue = log.find((r) => r.Vorgang_Code === "billing.run.issue")!;
    expect(issue.Vorgang).toBe(`Abrechnungslauf ${jan.value.runId} festgeschrieben`);
    expect(issue.Objekt).toBe(`Abrechnungslauf ${jan.value.runId}`);
    expect(issue.Objekt_Code).toBe(`run:${jan.value.runId}`);
    const cancel = log.find((r) => r.Vorgang_Code === "invoice.cancel")!;
    expect([cancel.Vorgang, cancel.Objekt]).toEqual(["Rechnung RE-000002 storniert", "Rechnung RE-000002"]);
    const manual = log.find((r) => r.Vorgang_Code === "settings.update")!;
    expect([manual.Vorgang, manual.Quelle, manual.Quelle_Code, manual.Objekt]).toEqual(["Einstellungen gespeichert: Firmenangaben", "manuell", "manual", "Einstellungen: Firmenangaben"]);
    expect(log.find((r) => r.Vorgang_Code === "customer.add")!.Objekt).toBe("Kunde 10001");
    // no German column holds a program code (a.b or snake_case word)
    const german = audit!.columns.filter((c) => ["Vorgang", "Quelle", "Objekt"].includes(c.name)).map((c) => c.name);
    for (const r of log) for (const c of german) expect([c, String(r[c])]).not.toEqual([c, expect.stringMatching(/^(manual|[a-z]+\.[a-z.]+|[a-z]+:)/)]);
  });
});
