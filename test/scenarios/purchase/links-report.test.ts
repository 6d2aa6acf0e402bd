import { importMaster } from "../../../src/app/import-master";
import { importLinks, purchaseLinksReport } from "../../../src/app/purchase";
import type { LinkReportRow } from "../../../src/core/purchase/links-report";
import { linksReportTableRows } from "../../../src/io/purchase/report-tables";
import { toCsv } from "../../../src/io/table/write-csv";
import { testContext, textFile } from "../../support/fixtures";
import { CONTRACTS, seedDomains } from "./domain-scenario";

async function seeded() {
  const ctx = await testContext();
  await seedDomains(ctx);
  return ctx;
}

const brief = (rows: readonly LinkReportRow[]) =>
  rows.map((r) => [r.status, r.purchaseNo, r.purchasePositionNo, r.customerNo, r.contractNo, r.positionNo, r.quantity, r.unitPrice, r.discountPct, r.netPrice, r.salesUnitCost, r.margin, r.marginPct]);

describe("links report", () => {
  it("per purchase position: the linked sales positions with price, discount and margin; unlinked purchase and uncovered sales positions", async () => {
    const rows = await purchaseLinksReport(await seeded(), "2026-06-01");
    expect(brief(rows)).toEqual([
      ["linked", "EK-100", 1, "20001", "V-3001", 1, "1", "2.5", "0", "2.5", "1", "1.5", "60.00"],
      ["linked", "EK-100", 1, "20002", "V-3002", 1, "2", "2.5", "10", "2.25", "1", "1.25", "55.56"],
      ["linked", "EK-100", 1, "20003", "V-3003", 1, "1", "2.5", "20", "2", "1", "1", "50.00"],
      ["not_linked", "EK-100", 2, "", "", null, "", "", "", "", "", "", ""],
      ["uncovered", "", null, "20004", "V-3004", 1, "3", "2.4", "0", "2.4", "", "", ""],
    ]);
    expect(rows[0]).toMatchObject({ supplier: "DENIC Registrar GmbH", supplierRef: "KD-4711", purchaseQty: "4", unitCost: "1", linkedSalesQty: "4", customerName: "Alpha GmbH", contractStart: "2026-01-01", validFrom: "2026-01-01", validTo: "" });
  });

  it("the reverse view orders by sales position; a bundle's cost is the sum of its purchase positions", async () => {
    const ctx = await seeded();
    // Alpha's domain also needs the SSL certificate: one sales position fed by two purchase positions.
    expect((await importLinks(ctx, textFile("ssl.csv", "purchase_no,purchase_position_no,contract_no,position_no\nEK-100,2,V-3001,1"))).ok).toBe(true);
    const rows = await purchaseLinksReport(ctx, "2026-06-01", true);
    expect(brief(rows)).toEqual([
      ["linked", "EK-100", 1, "20001", "V-3001", 1, "1", "2.5", "0", "2.5", "6", "-3.5", "-140.00"],
      ["linked", "EK-100", 2, "20001", "V-3001", 1, "1", "2.5", "0", "2.5", "6", "-3.5", "-140.00"],
      ["linked", "EK-100", 1, "20002", "V-3002", 1, "2", "2.5", "10", "2.25", "1", "1.25", "55.56"],
      ["linked", "EK-100", 1, "20003", "V-3003", 1, "1", "2.5", "20", "2", "1", "1", "50.00"],
      ["uncovered", "", null, "20004", "V-3004", 1, "3", "2.4", "0", "2.4", "", "", ""],
    ]);
    const csv = toCsv(linksReportTableRows(rows, true)).split("\r\n");
    expect(csv[0]).toBe(
      "status,customer_no,customer_name,contract_no,position_no,article_no,contract_start,contract_end,valid_from,valid_to,quantity,unit_price,discount_pct,net_price,sales_unit_cost,margin,margin_pct," +
        "supplier,purchase_no,supplier_ref,purchase_position_no,purchase_article_no,object,purchase_qty,unit_cost,linked_sales_qty",
    );
    expect(csv[1]).toBe("linked,20001,Alpha GmbH,V-3001,1,DOM-DE,2026-01-01,,2026-01-01,,1,2.5,0,2.5,6,-3.5,-140.00,DENIC Registrar GmbH,EK-100,KD-4711,1,DOM-DE,.de domains (alpha.de beta.de beta-shop.de gamma.de),4,1,4");
  });

  it("shows validity and marks links to positions that have ended as inactive", async () => {
    const ctx = await seeded();
    const head = CONTRACTS.split("\n")[0];
    const changes = [head, "20003,Gamma AG,V-3003,flatrate,monthly,arrears,2026-01-01,1,DOM-DE,0,2.50,20,2026-09-01", "20002,Beta KG,V-3002,flatrate,annual,advance,2026-01-01,1,DOM-DE,3,2.50,10,2026-07-01"].join("\n");
    expect((await importMaster(ctx, [textFile("changes.csv", changes)])).ok).toBe(true);
    const june = await purchaseLinksReport(ctx, "2026-06-15");
    expect(june.filter((r) => r.status !== "uncovered").map((r) => [r.status, r.contractNo, r.validFrom, r.validTo, r.quantity, r.linkedSalesQty])).toEqual([
      ["linked", "V-3001", "2026-01-01", "", "1", "4"],
      ["linked", "V-3002", "2026-01-01", "2026-06-30", "2", "4"],
      ["linked", "V-3003", "2026-01-01", "2026-08-31", "1", "4"],
      ["not_linked", "", "", "", "", "0"],
    ]);
    const october = await purchaseLinksReport(ctx, "2026-10-01");
    expect(october.filter((r) => r.purchasePositionNo === 1).map((r) => [r.status, r.contractNo, r.validFrom, r.quantity, r.linkedSalesQty])).toEqual([
      ["linked", "V-3001", "2026-01-01", "1", "4"],
      ["linked", "V-3002", "2026-07-01", "3", "4"],
      ["inactive", "V-3003", "2026-09-01", "0", "4"],
    ]);
  });
});
