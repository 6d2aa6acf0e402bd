/**
 * Issue 20: every sheet the pane writes speaks the user's language — German headers and words in a
 * German Office, English (canonical column names) in an English one — and every sheet that is read
 * back accepts both, naming bad cells by the column as the user sees it. Through the in-memory
 * workbook (src/excel/memory).
 */
import { exportMaster } from "../../src/app/export-master";
import { importMaster } from "../../src/app/import-master";
import { linksForEditing } from "../../src/app/links-for-editing";
import { importLinks, loadLinks } from "../../src/app/purchase";
import { applyPriceUpdate, proposePriceUpdate } from "../../src/app/price-update";
import { Decimal } from "../../src/core/money/decimal";
import { formatIssue } from "../../src/core/messages";
import { parseRounding, parseStrategy } from "../../src/core/purchase/price-strategy";
import type { CostCheckRow } from "../../src/core/purchase/cost-check";
import type { LinkReportRow } from "../../src/core/purchase/links-report";
import { readProposalTable } from "../../src/io/purchase/proposal-table";
import { columnLetter } from "../../src/io/table/raw-table";
import { csvSheetRows, customerSheetRows, masterSheetAsCsv, masterWriteOptions } from "../../src/taskpane/master/master-sheets";
import { costCheckSheetRows, costCheckWriteOptions } from "../../src/taskpane/purchase/cost-check-sheet";
import { linksEditSheetName, linksEditRows, linksEditSheetAsCsv, linksEditWriteOptions } from "../../src/taskpane/purchase/links-edit-sheet";
import { linksSheet } from "../../src/taskpane/purchase/links-sheet";
import { priceSheetRows, priceWriteOptions } from "../../src/taskpane/purchase/price-sheet";
import { describeIssue, locateIssues } from "../../src/taskpane/issues";
import { PROPOSAL_VOCABULARY } from "../../src/io/sheets/purchase-words";
import { memoryGateway, rowWhere, unwrap } from "../excel/fixtures";
import { seedDomains } from "../scenarios/purchase/domain-scenario";
import { testContext } from "../support/fixtures";
import { octoberCsv, reconcile, seedStore } from "../support/reconcile-scenario";
import { applyReview } from "../../src/app/apply-review";
import { proposeMappings } from "../../src/app/mapping-proposal";
import type { IsoDate } from "../../src/core/date/iso-date";
import { mappingSheetName, MAPPING_VOCABULARY, mappingSheet, readMappingSheet } from "../../src/taskpane/reconcile/mapping-sheet";

/** The German name, as these tests write and read German sheets. */
const LINKS_EDIT_SHEET = linksEditSheetName("de");

/** The German name, as these tests write and read German sheets. */
const MAPPING_SHEET = mappingSheetName("de");

const CODE_WORD = /\b[a-z]+(?:_[a-z0-9]+)+\b/;
const texts = (rows: readonly (readonly unknown[])[]) => rows.flat().filter((c): c is string => typeof c === "string");

describe("master sheets Kunden, Verträge, Artikel", () => {
  it("German headers and words; edited and read back, the import names a bad cell by its German column", async () => {
    const ctx = await testContext();
    await seedStore(ctx);
    const exported = await exportMaster(ctx);
    const contracts = csvSheetRows(exported.contracts, "Verträge", "contracts", "de");
    expect(contracts[0]!.slice(0, 8)).toEqual(["Kundennummer", "Kundenname", "Vertragsnummer", "Vertragsart", "Abrechnungsintervall", "Abrechnungsweise", "Vertragsbeginn", "Vertragsende"]);
    expect(contracts[1]!.slice(3, 6)).toEqual(["Lizenz", "monatlich", "im Voraus"]);
    expect(texts(contracts).filter((t) => CODE_WORD.test(t))).toEqual([]);
    expect(customerSheetRows([{ no: "1", name: "A" }], "de")[0]).toEqual(["Kundennummer", "Kundenname", "Domäne"]);
    expect(csvSheetRows(exported.articles, "Artikel", "articles", "de")[0]!.slice(0, 3)).toEqual(["Artikelnummer", "Beschreibung", "Einzelpreis"]);

    const { wb, gw } = memoryGateway({ locale: "de" });
    unwrap(await gw.writeTable("Verträge", contracts, masterWriteOptions("contracts", "Verträge", "de")));
    // unchanged: nothing to import
    const same = masterSheetAsCsv("contracts", unwrap(await gw.readTableByHeaders("Verträge")).table);
    expect(unwrap(await importMaster(ctx, [{ name: "Verträge", bytes: same.bytes }])).batchId).toBeNull();
    // a new state from 2026-11-01 with the interval typed in German: imported
    const grid = wb.values("Verträge");
    const row = grid.length + 1;
    const copy = grid[1]!.map(String);
    copy[grid[0]!.indexOf("Menge")] = "99";
    copy[grid[0]!.indexOf("Gültig ab")] = "01.11.2026";
    copy[grid[0]!.indexOf("Abrechnungsintervall")] = "Monatlich";
    copy.forEach((v, i) => v !== "" && wb.typeInto("Verträge", `${columnLetter(i)}${row}`, v));
    const edited = masterSheetAsCsv("contracts", unwrap(await gw.readTableByHeaders("Verträge")).table);
    const imported = unwrap(await importMaster(ctx, [{ name: "Verträge", bytes: edited.bytes }]));
    expect(imported.batchId).not.toBeNull();
    // a bad quantity is named by the German column and its cell
    const qty = columnLetter(grid[0]!.indexOf("Menge"));
    wb.typeInto("Verträge", `${qty}${row}`, "viele");
    const read = unwrap(await gw.readTableByHeaders("Verträge"));
    const bad = masterSheetAsCsv("contracts", read.table);
    const refused = await importMaster(ctx, [{ name: "Verträge", bytes: bad.bytes }]);
    expect(refused.ok).toBe(false);
    const located = locateIssues(bad.userColumns(refused.ok ? [] : refused.issues), read.table, "Verträge");
    expect(located.map((i) => describeIssue(i, "de"))).toEqual([`Verträge!${qty}${row}: „viele“ ist keine gültige Zahl.`]);
  });

  it("English sheets: English headers and words, read back like the CSV files", async () => {
    const ctx = await testContext();
    await seedStore(ctx);
    const contracts = csvSheetRows((await exportMaster(ctx)).contracts, "Contracts", "contracts", "en");
    expect(contracts[0]!.slice(0, 4)).toEqual(["Customer no.", "Customer name", "Contract no.", "Contract type"]);
    expect(contracts[1]![3]).toBe("license");
    expect(contracts[1]![4]).toBe("monthly");
    expect(contracts[1]![5]).toBe("in advance");
    expect(texts(contracts).filter((t) => CODE_WORD.test(t))).toEqual([]);
    const back = masterSheetAsCsv("contracts", { source: "Contracts", firstRowNumber: 1, rows: contracts.map((r) => r.map((c) => (typeof c === "string" ? c : c.number))) });
    expect(new TextDecoder().decode(back.bytes).split(/\r?\n/)[0]).toMatch(/^customer_no,customer_name,contract_no,contract_type,/);
  });
});

describe("links sheets", () => {
  it("the edit sheet in German: lösen unlinks, read back like the links CSV; a bad cell names the German column", async () => {
    const ctx = await testContext();
    await seedDomains(ctx);
    const rows = linksEditRows(await linksForEditing(ctx), "de");
    expect(rows[0]!.slice(0, 5)).toEqual(["Einkaufsvertrag", "Einkaufsposition", "Vertragsnummer", "Position", "Aktion"]);
    expect(rows[1]![4]).toBe("verknüpfen");
    const { wb, gw } = memoryGateway({ locale: "de" });
    unwrap(await gw.writeTable(LINKS_EDIT_SHEET, rows, linksEditWriteOptions("de")));
    expect(wb.validationList(LINKS_EDIT_SHEET, "E2")).toEqual(["verknüpfen", "lösen"]);
    const beta = rowWhere(wb, LINKS_EDIT_SHEET, 2, "V-3002");
    wb.typeInto(LINKS_EDIT_SHEET, `E${beta}`, "lösen");
    const csv = linksEditSheetAsCsv(unwrap(await gw.readTableByHeaders(LINKS_EDIT_SHEET)).table);
    const r = unwrap(await importLinks(ctx, { name: LINKS_EDIT_SHEET, bytes: csv.bytes }));
    expect(r).toMatchObject({ removed: 1, unchangedRows: 2 });
    expect((await ctx.store.read(loadLinks)).map((l) => l.id)).not.toContain("EK-100/1>V-3002/1");

    wb.typeInto(LINKS_EDIT_SHEET, `D${beta}`, "zwei");
    const read = unwrap(await gw.readTableByHeaders(LINKS_EDIT_SHEET));
    const bad = linksEditSheetAsCsv(read.table);
    const refused = await importLinks(ctx, { name: LINKS_EDIT_SHEET, bytes: bad.bytes });
    const shown = locateIssues(bad.userColumns(refused.ok ? [] : refused.issues), read.table, LINKS_EDIT_SHEET).map((i) => formatIssue(i, "de"));
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatch(new RegExp(`^${LINKS_EDIT_SHEET}!D${beta}: „zwei“`));
  });

  it("the report in German: status words and colours", () => {
    const row = { status: "not_linked" } as unknown as LinkReportRow;
    const sheet = linksSheet([{ ...row, purchaseQty: "1", unitCost: "", linkedSalesQty: "", quantity: "", unitPrice: "", discountPct: "", netPrice: "", salesUnitCost: "", margin: "", marginPct: "", purchasePositionNo: 1, positionNo: null } as unknown as LinkReportRow], "de");
    expect(sheet.rows[0]![0]).toBe("Status");
    expect(sheet.rows[1]![0]).toBe("Nicht verknüpft");
    expect(sheet.options.status.colours["Nicht verknüpft"]).toBe("#FFE699");
    expect(texts(sheet.rows).filter((t) => CODE_WORD.test(t))).toEqual([]);
  });
});

describe("cost check sheet", () => {
  it("German findings and notes, colours keyed by the German words", () => {
    const base: CostCheckRow = {
      customerNo: "10001", customerName: "Müller", articleNo: "M365-BP", externalCustomerId: "t", externalArticleId: "a", contractNo: "V-1", positionNo: 1,
      vendorQty: "12", vendorUnitCost: "18.6", vendorAmount: "223.2", contractQty: "10", netPrice: "17", billedAmount: "0.00", margin: "-1.6", purchaseUnitCost: "",
      finding: "quantity_drift negative_margin", notes: [{ code: "note.cost.vendor_seats", params: { count: "2" } }, { code: "note.cost.not_billed_yet", params: { month: "2026-10" } }],
    };
    const de = costCheckSheetRows([base], "de");
    expect(de[0]).toContain("Befund");
    const at = (h: string) => de[0]!.indexOf(h);
    expect(de[1]![at("Befund")]).toBe("Menge weicht ab, Negative Marge");
    expect(de[1]![at("Hinweis")]).toBe("2 Lizenz(en) beim Lieferanten, nicht im Vertrag; für Oktober 2026 noch nicht abgerechnet");
    expect(costCheckWriteOptions("de").status!.colours["Menge weicht ab, Negative Marge"]).toBe("#F8CBAD");
    expect(texts(de).filter((t) => CODE_WORD.test(t))).toEqual([]);
    const en = costCheckSheetRows([base], "en");
    expect(en[1]![en[0]!.indexOf("Note")]).toBe("2 vendor seat(s) not in the contract; not billed for October 2026 yet");
    expect(en[1]![en[0]!.indexOf("Finding")]).toBe("Quantity differs, Negative margin");
    expect(texts(en).filter((t) => CODE_WORD.test(t))).toEqual([]);
  });
});

describe("price update sheet", () => {
  it("German headers, actions and notes; read back in German, a bad cell named by its German column", async () => {
    const ctx = await testContext();
    await seedDomains(ctx);
    const proposal = await proposePriceUpdate(ctx, { selection: { refs: ["EK-100:1"] }, newCost: new Decimal("1.20"), from: "2027-01-01", strategy: parseStrategy("keep-margin")!, rounding: parseRounding("cents")! });
    if (!proposal.ok) throw new Error("no proposal");
    const rows = priceSheetRows(proposal.value.rows, "de");
    expect(rows[0]!.slice(0, 5)).toEqual(["Kundennummer", "Vertragsnummer", "Position", "Artikelnummer", "Gültig ab"]);
    expect(texts(rows).filter((t) => CODE_WORD.test(t))).toEqual([]);
    const { wb, gw } = memoryGateway({ locale: "de" });
    unwrap(await gw.writeTable("Preis", rows, priceWriteOptions("de")));
    const header = wb.values("Preis")[0]!.map(String);
    const action = String.fromCharCode(65 + header.indexOf("Aktion"));
    expect(wb.validationList("Preis", `${action}2`)).toEqual(["übernehmen", "überspringen"]);
    wb.typeInto("Preis", `${action}3`, "überspringen");
    const read = unwrap(await gw.readTableByHeaders("Preis"));
    const { decisions, issues } = readProposalTable(read.table);
    expect(issues).toEqual([]);
    expect(decisions.map((d) => d.action)).toEqual(["accept", "skip", "accept"]);
    expect(unwrap(await applyPriceUpdate(ctx, decisions, { name: "Preis", sha256: "0" })).batchId).not.toBeNull();

    const price = String.fromCharCode(65 + header.indexOf("Preis neu"));
    wb.typeInto("Preis", `${price}2`, "teuer", { paste: true });
    const again = unwrap(await gw.readTableByHeaders("Preis"));
    const bad = locateIssues(readProposalTable(again.table).issues, again.table, "Preis", PROPOSAL_VOCABULARY);
    expect(bad.map((i) => [i.where?.cell, i.where?.column])).toEqual([[`Preis!${price}2`, `Preis neu (${price})`]]);
  });
});

describe("mapping sheet Zuordnung", () => {
  it("German: a bad number found by the apply step is named by its cell and the German column", async () => {
    const ctx = await testContext();
    await seedStore(ctx);
    const rows = await reconcile(ctx, octoberCsv());
    const sheet = mappingSheet(await proposeMappings(ctx, rows), "de");
    expect(sheet.rows[0]).toEqual(["Art", "Quelle", "Externe ID", "Name beim Lieferanten", "Vorschlag", "Kundennummer", "Artikelnummer", "Zeilen Lieferant"]);
    const { wb, gw } = memoryGateway({ locale: "de" });
    unwrap(await gw.writeTable(MAPPING_SHEET, sheet.rows, sheet.options));
    wb.typeInto(MAPPING_SHEET, "G3", "NOPE", { paste: true });
    const read = unwrap(await gw.readTableByHeaders(MAPPING_SHEET));
    const { decisions } = readMappingSheet(read.table, "2026-10-01" as IsoDate);
    const result = await applyReview(ctx, decisions, { name: MAPPING_SHEET, sha256: "x" });
    const located = locateIssues(result.ok ? [] : result.issues, read.table, read.sheet, MAPPING_VOCABULARY);
    expect(located.map((i) => [i.where?.cell, i.where?.column])).toEqual([["Zuordnung!G3", "Artikelnummer (G)"]]);
    // an unknown kind word is named by the German header
    wb.typeInto(MAPPING_SHEET, "A2", "Lieferant", { paste: true });
    const again = readMappingSheet(unwrap(await gw.readTableByHeaders(MAPPING_SHEET)).table, "2026-10-01" as IsoDate);
    expect(again.issues.map((i) => i.where?.column)).toEqual(["Art"]);
  });
});
