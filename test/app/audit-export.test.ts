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
import { writeGdpduExport } from "../../src/io/audit-export/write-gdpdu";
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

describe("auditor export times", () => {
  it("gives each stored moment as German date (GDPdU Date) and clock time, Europe/Berlin, with the exact UTC text beside them", async () => {
    const ctx = await testContext();
    expect((await importMaster(ctx, [textFile("a.csv", ARTICLES), textFile("c.csv", CONTRACTS)])).ok).toBe(true);
    const jan = await runBilling(ctx, { month: "2026-01", invoiceDate: "2026-01-02" });
    if (!jan.ok) throw new Error("bill");
    await finalizeRun(ctx, jan.value.runId!); // issued at FIXED_NOW, 2026-11-23T10:00:00.000Z: 11:00 in winter time
    const entry = (at: string) => ({ at, kind: "settings.update", source: "manual", entity: "setting:company" });
    await ctx.store.write((tx) =>
      tx.audit.append([
        entry("2026-06-30T22:30:15.250Z"), // summer time (UTC+2): already 1 July in Germany
        entry("2025-12-31T23:30:00.000Z"), // New Year's night: 2026 in Germany, in the period
        entry("2026-12-31T23:30:00.000Z"), // 2027 in Germany: not in the period
      ]),
    );

    const tables = await auditExportTables(ctx, "2026-01-01", "2026-12-31");
    const [invoices, , , audit] = tables;
    expect(audit!.columns.slice(0, 4).map((c) => [c.name, c.type.kind])).toEqual([["Nr", "numeric"], ["Datum", "date"], ["Uhrzeit", "text"], ["Zeitpunkt_UTC", "text"]]);
    expect(audit!.columns.some((c) => c.name === "Zeitpunkt")).toBe(false);
    const log = records(audit!);
    const at = (utc: string) => log.filter((r) => r.Zeitpunkt_UTC === utc).map((r) => [r.Datum, r.Uhrzeit]);
    expect(at("2026-06-30T22:30:15.250Z")).toEqual([["2026-07-01", "00:30:15"]]);
    expect(at("2025-12-31T23:30:00.000Z")).toEqual([["2026-01-01", "00:30:00"]]);
    expect(at("2026-12-31T23:30:00.000Z")).toEqual([]);
    expect(new Set(at("2026-11-23T10:00:00.000Z").map((r) => r.join(" ")))).toEqual(new Set(["2026-11-23 11:00:00"]));

    const issued = invoices!.columns.findIndex((c) => c.name === "Festgeschrieben_am");
    expect(invoices!.columns.slice(issued, issued + 3).map((c) => [c.name, c.type.kind])).toEqual([["Festgeschrieben_am", "date"], ["Festgeschrieben_um", "text"], ["Festgeschrieben_UTC", "text"]]);
    expect(records(invoices!).map((r) => [r.Festgeschrieben_am, r.Festgeschrieben_um, r.Festgeschrieben_UTC])).toEqual([
      ["2026-11-23", "11:00:00", "2026-11-23T10:00:00.000Z"],
      ["2026-11-23", "11:00:00", "2026-11-23T10:00:00.000Z"],
    ]);

    // index.xml declares the columns in the CSV's order with their types; the CSV writes the date as DD.MM.YYYY
    const out = writeGdpduExport(tables, { mediaName: "Rechnungsdaten 2026", encoding: "utf-8" });
    if (!out.ok) throw new Error(JSON.stringify(out.issues));
    const file = (name: string) => new TextDecoder().decode(out.value.files.find((f) => f.name === name)!.bytes);
    const index = file("index.xml");
    const protokoll = /<Table>\s*<URL>protokoll\.csv<\/URL>[\s\S]*?<\/Table>/.exec(index)![0];
    const declared = [...protokoll.matchAll(/<Variable(?:PrimaryKey|Column)><Name>([^<]+)<\/Name>(?:<Description>[^<]*<\/Description>)?<(AlphaNumeric|Numeric|Date)/g)].map((m) => `${m[1]}:${m[2]}`);
    expect(declared.slice(0, 4)).toEqual(["Nr:Numeric", "Datum:Date", "Uhrzeit:AlphaNumeric", "Zeitpunkt_UTC:AlphaNumeric"]);
    expect(protokoll).toContain("<Name>Datum</Name><Date><Format>DD.MM.YYYY</Format></Date>");
    const csv = file("protokoll.csv").split("\r\n");
    expect(csv[0]!.split(";").map((h) => h.replace(/"/g, ""))).toEqual(declared.map((d) => d.split(":")[0]));
    expect(csv.find((l) => l.includes("2026-06-30T22:30:15.250Z"))).toMatch(/;01\.07\.2026;"00:30:15";"2026-06-30T22:30:15\.250Z";/);

    // the same store gives the same files
    const again = writeGdpduExport(await auditExportTables(ctx, "2026-01-01", "2026-12-31"), { mediaName: "Rechnungsdaten 2026", encoding: "utf-8" });
    expect(again.ok && again.value.files).toEqual(out.value.files);
  });
});
