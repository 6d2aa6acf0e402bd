import { notesText } from "../../../src/core/messages";
import { runBilling } from "../../../src/app/bill";
import { costCheckFile } from "../../../src/app/cost-check";
import { importMaster } from "../../../src/app/import-master";
import { importLinks, importPurchase } from "../../../src/app/purchase";
import { costCheckTableRows } from "../../../src/io/purchase/report-tables";
import { toCsv } from "../../../src/io/table/write-csv";
import { testContext, textFile } from "../../support/fixtures";
import { MASTER_CONTRACTS, T1, octoberCsv, readNce, seedStore } from "../../support/reconcile-scenario";

/**
 * The October 2026 Microsoft file of the reconcile scenario (vendor cost 18.60 per Business Premium
 * seat, 30.00 per E3 seat), checked against the contracts after October was billed. Müller's E3 price
 * was cut to 29.00 from October (below cost); his Business Premium seats are also bought through a
 * purchase contract at 18.60.
 */
async function checked() {
  const ctx = await testContext();
  await seedStore(ctx);
  const cut = `${MASTER_CONTRACTS.split("\n")[0]}\n10001,Müller GmbH,V-1001,license,monthly,advance,2026-01-01,2,M365-E3,3,29.00,2026-10-01`;
  expect((await importMaster(ctx, [textFile("cut.csv", cut)])).ok).toBe(true);
  const purchase = "supplier,purchase_no,supplier_ref,position_no,article_no,description,object,quantity,unit_cost,billing_interval,valid_from\nIngram Micro,EK-MS,V-1001,1,M365-BP,,Müller tenant,10,18.60,monthly,2026-01-01";
  expect((await importPurchase(ctx, textFile("purchase.csv", purchase))).ok).toBe(true);
  expect((await importLinks(ctx, textFile("links.csv", "purchase_no,purchase_position_no,contract_no,position_no\nEK-MS,1,V-1001,1"))).ok).toBe(true);
  expect((await runBilling(ctx, { month: "2026-10", invoiceDate: "2026-10-01" })).ok).toBe(true);
  const r = await costCheckFile(ctx, readNce("nce.csv", octoberCsv()), "2026-10");
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

describe("cost check, October 2026", () => {
  it("finds unbilled seats, quantity drift and a negative margin per customer and article, with the billed amounts", async () => {
    const o = await checked();
    expect(o.rows.map((r) => [r.customerNo, r.articleNo, r.contractNo, r.vendorQty, r.vendorUnitCost, r.vendorAmount, r.contractQty, r.netPrice, r.billedAmount, r.margin, r.purchaseUnitCost, r.finding])).toEqual([
      ["", "M365-BP", "", "7", "18.6", "130.2", "0", "", "", "", "", "unbilled"],
      ["10001", "", "", "1", "3.5", "3.5", "0", "", "", "", "", "unbilled"],
      ["10001", "EXO-P1", "V-1001", "0", "", "", "5", "4", "20.00", "", "", "quantity_drift"],
      ["10001", "M365-BP", "V-1001", "12", "18.6", "206.4", "10", "20.6", "206.00", "2", "18.6", "quantity_drift"],
      ["10001", "M365-E3", "V-1001", "3", "30", "90", "3", "29", "87.00", "-1", "", "negative_margin"],
      ["10002", "EXO-P1", "V-2002", "0", "", "", "1", "99", "99.00", "", "", "quantity_drift"],
      ["10002", "M365-BP", "V-2001", "0", "", "45.6", "4", "21", "84.00", "", "", "quantity_drift"],
      ["10002", "M365-E3", "", "2", "30", "60", "0", "", "0.00", "", "", "unbilled"],
    ]);
    expect(o.counts).toEqual({ unbilled: 3, quantity_drift: 4, negative_margin: 1 });
  });

  it("says which seats the customer is not billed for", async () => {
    const o = await checked();
    const bp = o.rows.find((r) => r.customerNo === "10001" && r.articleNo === "M365-BP")!;
    expect(notesText(bp.notes)).toBe("2 vendor seat(s) not in the contract");
    expect(bp.externalCustomerId).toBe(T1);
    expect(notesText(o.rows.find((r) => r.customerNo === "10002" && r.articleNo === "M365-E3")!.notes)).toBe("no contract position for these seats (would go into contract V-2001)");
    expect(notesText(o.rows[0]!.notes)).toBe("vendor customer 33333333-cccc-4ccc-8ccc-000000000003 (Neukunde AG) is not mapped to a customer");
  });

  it("an unbilled month is noted, all positions fine gives ok, and the CSV has the §8 columns", async () => {
    const ctx = await testContext();
    await seedStore(ctx);
    const r = await costCheckFile(ctx, readNce("nce.csv", octoberCsv()), "2026-10");
    if (!r.ok) throw new Error("failed");
    const e3 = r.value.rows.find((x) => x.customerNo === "10001" && x.articleNo === "M365-E3")!;
    expect([e3.finding, e3.billedAmount, notesText(e3.notes)]).toEqual(["ok", "0.00", "not billed for October 2026 yet"]);
    expect(notesText(e3.notes, "de")).toBe("für Oktober 2026 noch nicht abgerechnet");
    const csv = toCsv(costCheckTableRows(r.value.rows)).split("\r\n");
    expect(csv[0]).toBe("customer_no,customer_name,article_no,contract_no,position_no,vendor_qty,vendor_unit_cost,vendor_amount,contract_qty,net_price,billed_amount,margin,purchase_unit_cost,finding,note,external_customer_id,external_article_id");
    expect(csv).toContain("10001,Müller GmbH,M365-E3,V-1001,2,3,30,90,3,33.7,0.00,3.7,,ok,not billed for October 2026 yet,11111111-aaaa-4aaa-8aaa-000000000001,CFQ7TTC0LFLZ:0001");
  });
});
