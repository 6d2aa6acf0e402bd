import { isPriceProposal, readProposalTable } from "../../../src/io/purchase/proposal-table";
import { readLinksTable, readPurchaseTable } from "../../../src/io/purchase/read-purchase";
import { readCsvText } from "../../../src/io/table/read-csv";

const table = (text: string, name = "f.csv") => readCsvText(text, name).table;

describe("purchase CSV", () => {
  it("reads any column order, `;` and decimal comma, DD.MM.YYYY; billing_interval defaults to monthly", () => {
    const { rows, issues } = readPurchaseTable(table("Purchase_No;Supplier;Position_No;Article_No;Quantity;Unit_Cost;Valid_From;Object\nEK-1;Registrar;1;DOM-DE;3;0,083333;01.02.2026;alpha.de"));
    expect(issues).toEqual([]);
    expect(rows).toEqual([{ source: "f.csv", row: 2, supplier: "Registrar", purchaseNo: "EK-1", supplierRef: "", positionNo: 1, validFrom: "2026-02-01", state: { articleNo: "DOM-DE", description: "", object: "alpha.de", quantity: "3", unitCost: "0.083333", interval: "monthly" } }]);
  });

  it("names the row and column of every bad cell; a negative cost is refused", () => {
    const { issues } = readPurchaseTable(table("supplier,purchase_no,position_no,article_no,quantity,unit_cost,valid_from\n,EK-1,1,A,1,-2,2026-01-01"));
    expect(issues.map((i) => [i.code, i.where?.row, i.where?.column])).toEqual([["parse.required", 2, "supplier (A)"], ["parse.negative_not_allowed", 2, "unit_cost (F)"]]);
  });
});

describe("links CSV", () => {
  it("reads link and unlink rows; a bad action or number names its cell", () => {
    const good = readLinksTable(table("purchase_no,purchase_position_no,contract_no,position_no,action\nEK-1,1,V-1,2,\nEK-1,1,V-1,3,UNLINK"));
    expect(good.rows.map((r) => [r.purchaseNo, r.purchasePositionNo, r.contractNo, r.positionNo, r.unlink])).toEqual([["EK-1", 1, "V-1", 2, false], ["EK-1", 1, "V-1", 3, true]]);
    const bad = readLinksTable(table("purchase_no,purchase_position_no,contract_no,position_no,action\nEK-1,0,V-1,2,drop"));
    expect(bad.issues.map((i) => [i.code, i.where?.column])).toEqual([["parse.invalid_integer", "purchase_position_no (B)"], ["parse.invalid_choice", "action (E)"]]);
    expect(readLinksTable(table("purchase_no,contract_no\nEK-1,V-1")).issues.map((i) => i.params.column)).toEqual(["purchase_position_no", "position_no"]);
  });
});

describe("price-update proposal", () => {
  const header = "customer_no,contract_no,position_no,article_no,valid_from,current_price,discount_pct,current_cost,new_cost,new_price,current_margin,new_margin,action,note,purchase,purchase_new_cost,cost_from";

  it("is recognised by its header, a reconcile review is not", () => {
    expect(isPriceProposal(table(`\n${header}\n`))).toBe(true);
    expect(isPriceProposal(table("status,customer_no,contract_no,position_no,article_no,vendor_qty,effective_date,action"))).toBe(false);
  });

  it("reads edits back: German action words, decimal comma, dates; bad cells are named", () => {
    const csv = [header, "K1,V-1,1,DOM,01.01.2027,\"2,5\",0,1,1.2,\"2,95\",1.5,1.75,übernehmen,,EK-1:1,\"1,2\",2027-01-01", "K2,V-2,1,DOM,2027-01-01,2.5,0,1,1.2,,1.5,,überspringen,,EK-1:1,1.2,2027-01-01"].join("\n");
    const { decisions, issues } = readProposalTable(table(csv));
    expect(issues).toEqual([]);
    expect(decisions.map((d) => [d.action, d.validFrom, d.currentPrice, d.newPrice, d.purchase, d.purchaseNewCost, d.costFrom])).toEqual([
      ["accept", "2027-01-01", "2.5", "2.95", ["EK-1:1"], "1.2", "2027-01-01"],
      ["skip", "2027-01-01", "2.5", "0", ["EK-1:1"], "1.2", "2027-01-01"],
    ]);
    const bad = readProposalTable(table([header, "K1,V-1,1,DOM,2027-13-01,2.5,0,1,1.2,,1.5,1.75,accept,,EK-1,1.2,2027-01-01", "K1,V-1,1,DOM,2027-01-01,2.5,0,1,1.2,-3,1.5,1.75,maybe,,EK-1:1,1.2,2027-01-01"].join("\n"), "p.csv"));
    expect(bad.issues.map((i) => [i.code, i.where?.row, i.where?.column])).toEqual([
      ["parse.invalid_date", 2, "valid_from (E)"],
      ["parse.required", 2, "new_price (J)"],
      ["price.invalid_purchase_ref", 2, "purchase (O)"],
      ["review.invalid_action", 3, "action (M)"],
      ["parse.negative_not_allowed", 3, "new_price (J)"],
    ]);
  });
});
