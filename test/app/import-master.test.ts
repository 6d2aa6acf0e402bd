import { failWritesTo } from "../support/fail-injection";
import { dbOf } from "../support/db-view";
import { exportMaster } from "../../src/app/export-master";
import { importMaster } from "../../src/app/import-master";
import { backupToJson, exportBackup } from "../../src/store/backup";
import { ARTICLES_CSV, CONTRACTS_CSV_DE, MAPPINGS_CSV, testContext, textFile } from "../support/fixtures";

const allFiles = () => [textFile("contracts.csv", CONTRACTS_CSV_DE), textFile("articles.csv", ARTICLES_CSV), textFile("mappings.csv", MAPPINGS_CSV)];

describe("importMaster", () => {
  it("imports contracts, articles and mappings in one call and records batch and audit", async () => {
    const ctx = await testContext();
    const r = await importMaster(ctx, allFiles());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ customers: 2, articles: 4, contracts: 2, versions: 4, mappings: 3, unchangedRows: 0, batchId: "master-00001" });
    const versions = await dbOf(ctx).contractVersions.where("contractNo").equals("V-1001").sortBy("seq");
    expect(versions.map((v) => [v.positionNo, v.validFrom, v.quantity, v.description])).toEqual([
      [1, "2026-01-01", "10", "Microsoft 365 Business Premium"],
      [1, "2026-03-15", "12", "Microsoft 365 Business Premium"],
      [2, "2026-01-01", "3", "Microsoft 365 E3"],
    ]);
    const batch = await dbOf(ctx).importBatches.get("master-00001");
    expect(batch!.files.map((f: { sha256: string }) => f.sha256)).toHaveLength(3);
    expect(batch!.versionIds).toHaveLength(4);
    expect(await dbOf(ctx).auditLog.where("kind").equals("contract.version.add").count()).toBe(4);
  });

  it("importing the same files twice changes nothing", async () => {
    const ctx = await testContext();
    await importMaster(ctx, allFiles());
    const before = backupToJson(await exportBackup(ctx.store, "t"));
    const again = await importMaster(ctx, allFiles());
    expect(again.ok && again.value).toMatchObject({ batchId: null, versions: 0, unchangedRows: 11 });
    expect(backupToJson(await exportBackup(ctx.store, "t"))).toBe(before);
  });

  it("a row with a new valid_from adds a version (a retroactive change)", async () => {
    const ctx = await testContext();
    await importMaster(ctx, allFiles());
    const change = CONTRACTS_CSV_DE.split("\r\n").slice(0, 1).concat("10001;Müller GmbH;V-1001;license;monthly;advance;01.01.2026;;1;M365-BP;Microsoft 365 Business Premium;11;20,60;0;19;01.02.2026").join("\n");
    const r = await importMaster(ctx, [textFile("change.csv", change)]);
    expect(r.ok && r.value.versions).toBe(1);
    expect(await dbOf(ctx).contractVersions.count()).toBe(5);
  });

  it("a row contradicting a stored version with the same valid_from fails and names the row", async () => {
    const ctx = await testContext();
    await importMaster(ctx, allFiles());
    const before = backupToJson(await exportBackup(ctx.store, "t"));
    const bad = CONTRACTS_CSV_DE.replace(";12;20,60;0;19;15.03.2026", ";13;20,60;0;19;15.03.2026");
    const r = await importMaster(ctx, [textFile("contracts.csv", bad)]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: "master.conflicting_version", where: { source: "contracts.csv", row: 3, column: "quantity" } });
    expect(backupToJson(await exportBackup(ctx.store, "t"))).toBe(before);
  });

  it("a bad date in any file imports nothing from any file", async () => {
    const ctx = await testContext();
    const bad = CONTRACTS_CSV_DE.replace(";15.03.2026", ";31.02.2026");
    const r = await importMaster(ctx, [textFile("articles.csv", ARTICLES_CSV), textFile("contracts.csv", bad)]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]).toMatchObject({ code: "parse.invalid_date", params: { value: "31.02.2026" }, where: { source: "contracts.csv", row: 3, column: "valid_from (P)" } });
    expect(await dbOf(ctx).articles.count()).toBe(0);
    expect(await dbOf(ctx).auditLog.count()).toBe(0);
  });

  it("reports an unknown article and contradicting contract headers", async () => {
    const ctx = await testContext();
    const r = await importMaster(ctx, [textFile("contracts.csv", CONTRACTS_CSV_DE)]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(new Set(r.issues.map((i) => i.code))).toEqual(new Set(["master.unknown_article"]));
    await importMaster(ctx, allFiles());
    const bad = CONTRACTS_CSV_DE.replace("V-1001;license;monthly;advance;01.01.2026;;2", "V-1001;license;annual;advance;01.01.2026;;2");
    const r2 = await importMaster(ctx, [textFile("contracts.csv", bad)]);
    expect(!r2.ok && r2.issues[0]).toMatchObject({ code: "master.conflicting_contract", where: { row: 4, column: "billing_interval" } });
  });

  it("a change file without the interval and mode columns (or with them empty) keeps a known contract's; new contracts get the defaults", async () => {
    const ctx = await testContext();
    expect((await importMaster(ctx, [textFile("articles.csv", ARTICLES_CSV)])).ok).toBe(true);
    const header = "customer_no,contract_no,billing_interval,billing_mode,contract_start,position_no,article_no,quantity,unit_price,valid_from";
    expect((await importMaster(ctx, [textFile("c.csv", `${header}\n10001,V-Q,quarterly,arrears,2026-01-01,1,M365-BP,10,20.60,2026-01-01\n`)])).ok).toBe(true);
    // Found by the CLI walk: this change failed with "billing_mode contradicts (arrears vs advance)".
    const change = "customer_no,contract_no,contract_start,position_no,article_no,quantity,unit_price,valid_from\n10001,V-Q,2026-01-01,1,M365-BP,12,20.60,2026-02-01\n10001,V-NEW,2026-02-01,1,M365-BP,1,20.60,2026-02-01\n";
    const r = await importMaster(ctx, [textFile("change.csv", change)]);
    expect(r.ok && r.value).toMatchObject({ versions: 2, contracts: 1 });
    expect(await dbOf(ctx).contracts.get("V-Q")).toMatchObject({ interval: "quarterly", mode: "arrears" });
    expect(await dbOf(ctx).contracts.get("V-NEW")).toMatchObject({ type: "license", interval: "monthly", mode: "advance" });
    const empty = `${header}\n10001,V-Q,,,2026-01-01,1,M365-BP,14,20.60,2026-03-01\n`;
    expect((await importMaster(ctx, [textFile("empty.csv", empty)])).ok).toBe(true);
    // Given, a different value still contradicts the stored contract.
    const other = `${header}\n10001,V-Q,quarterly,advance,2026-01-01,1,M365-BP,14,20.60,2026-03-01\n`;
    const bad = await importMaster(ctx, [textFile("other.csv", other)]);
    expect(!bad.ok && bad.issues[0]).toMatchObject({ code: "master.conflicting_contract", params: { field: "billing_mode", stored: "arrears", value: "advance" } });
  });

  it("decodes Windows-1252 files", async () => {
    const ctx = await testContext();
    const iconv = await import("iconv-lite");
    const bytes = new Uint8Array(iconv.encode(CONTRACTS_CSV_DE, "win1252"));
    const r = await importMaster(ctx, [textFile("articles.csv", ARTICLES_CSV), { name: "contracts.csv", bytes }]);
    expect(r.ok).toBe(true);
    expect((await dbOf(ctx).customers.get("10002"))!.name).toBe("Schmidt & Söhne KG");
  });

  it("leaves the store unchanged when a write fails in the middle (all or nothing)", async () => {
    const ctx = await testContext();
    await importMaster(ctx, [textFile("articles.csv", ARTICLES_CSV)]);
    const before = backupToJson(await exportBackup(ctx.store, "t"));
    const restore = failWritesTo(ctx, "mappings");
    await expect(importMaster(ctx, allFiles())).rejects.toThrow("injected");
    restore();
    expect(backupToJson(await exportBackup(ctx.store, "t"))).toBe(before);
  });
});

describe("export-master round trip", () => {
  it("exported files re-imported into an empty store give the same store content", async () => {
    const a = await testContext();
    await importMaster(a, allFiles());
    const files = await exportMaster(a);
    const b = await testContext();
    const r = await importMaster(b, [textFile("c.csv", files.contracts), textFile("a.csv", files.articles), textFile("m.csv", files.mappings)]);
    expect(r.ok).toBe(true);
    const again = await exportMaster(b);
    expect(again).toEqual(files);
    const strip = (rows: { id: string; seq: number; source?: string }[]) => rows.map(({ id: _i, seq: _s, source: _src, ...rest }) => rest);
    expect(strip(await dbOf(b).contractVersions.orderBy("seq").toArray())).toEqual(strip(await dbOf(a).contractVersions.orderBy("seq").toArray()));
    expect(await dbOf(b).customers.toArray()).toEqual(await dbOf(a).customers.toArray());
    expect(await dbOf(b).contracts.toArray()).toEqual(await dbOf(a).contracts.toArray());
    // and importing the export into the original store is a no-op
    const noop = await importMaster(a, [textFile("c.csv", files.contracts), textFile("a.csv", files.articles), textFile("m.csv", files.mappings)]);
    expect(noop.ok && noop.value.batchId).toBeNull();
  });

  it("writes the §6.2 columns", async () => {
    const a = await testContext();
    await importMaster(a, allFiles());
    const { contracts } = await exportMaster(a);
    const lines = contracts.split("\r\n");
    expect(lines[0]).toBe("customer_no,customer_name,contract_no,contract_type,billing_interval,billing_mode,contract_start,contract_end,position_no,article_no,description,quantity,unit_price,discount_pct,vat_pct,valid_from,vendor_key,customer_domain,debtor_account,vat_id,customer_address,reverse_charge,suppress_credits,no_price_change_before,customer_street,customer_postcode,customer_city,customer_country,customer_email,buyer_reference,einvoice_format,payment_means,sepa_mandate_ref,sepa_debtor_iban,vat_exemption_reason,billed_until,refund_iban");
    expect(lines[4]).toBe("10002,Schmidt & Söhne KG,V-2001,managed_service,quarterly,arrears,2026-02-15,2026-12-31,1,MS-BASIC,Managed Service Basic,1,49,0,19,2026-02-15,,,,,,,,,,,,,,,,,,,,,");
  });
});

describe("optional customer and contract columns", () => {
  const CSV = [
    "customer_no,customer_name,contract_no,contract_start,position_no,article_no,quantity,unit_price,customer_domain,debtor_account,vat_id,customer_address,reverse_charge,suppress_credits,no_price_change_before,customer_email,buyer_reference,einvoice_format,payment_means,sepa_mandate_ref,sepa_debtor_iban,refund_iban",
    '10001,Müller GmbH,V-1,2026-01-01,1,M365-BP,10,20.60,mueller.de,10001,DE123456789,"Hauptstr. 1\n10115 Berlin",nein,ja,30.06.2026,ap@mueller.de,LW-1,zugferd,direct_debit,M-1,DE89370400440532013000,de02 1203 0000 0000 2020 51',
  ].join("\n");

  it("imports, exports and re-imports them; changing a setting updates the contract", async () => {
    const ctx = await testContext();
    const r = await importMaster(ctx, [textFile("a.csv", ARTICLES_CSV), textFile("c.csv", CSV)]);
    expect(r.ok).toBe(true);
    expect(await dbOf(ctx).customers.get("10001")).toEqual({ no: "10001", name: "Müller GmbH", domain: "mueller.de", debtorAccount: "10001", vatId: "DE123456789", address: "Hauptstr. 1\n10115 Berlin", reverseCharge: false, email: "ap@mueller.de", buyerReference: "LW-1", einvoiceFormat: "zugferd", paymentMeans: "direct_debit", sepaMandateRef: "M-1", sepaDebtorIban: "DE89370400440532013000", refundIban: "DE02120300000000202051" });
    expect(await dbOf(ctx).contracts.get("V-1")).toMatchObject({ suppressCredits: true, noPriceChangeBefore: "2026-06-30" });
    const files = await exportMaster(ctx);
    const b = await testContext();
    await importMaster(b, [textFile("a.csv", files.articles), textFile("c.csv", files.contracts)]);
    expect(await dbOf(b).customers.get("10001")).toEqual(await dbOf(ctx).customers.get("10001"));
    expect(await dbOf(b).contracts.get("V-1")).toEqual(await dbOf(ctx).contracts.get("V-1"));
    const again = await importMaster(ctx, [textFile("c.csv", CSV)]);
    expect(again.ok && again.value.batchId).toBeNull();
    const changed = await importMaster(ctx, [textFile("c.csv", CSV.replace(",ja,30.06.2026", ",nein,30.06.2026"))]);
    expect(changed.ok && changed.value.contracts).toBe(1);
    expect((await dbOf(ctx).contracts.get("V-1"))!.suppressCredits).toBe(false);
  });

  it("a bad yes/no value names its cell", async () => {
    const ctx = await testContext();
    const r = await importMaster(ctx, [textFile("a.csv", ARTICLES_CSV), textFile("c.csv", CSV.replace(",nein,ja,", ",vielleicht,ja,"))]);
    expect(!r.ok && r.issues[0]).toMatchObject({ code: "parse.invalid_choice", where: { row: 2, column: "reverse_charge (M)" } });
  });
});
