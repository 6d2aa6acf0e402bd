/**
 * Issue 16.5: digits after the decimal point are bounded per kind of column (MAX_DECIMALS,
 * README "Limits and hardening"): percentages 6, prices and quantities of master-style files 10,
 * vendor numbers 20 (seat quantities of licence lines 10). Before, any number of decimals was
 * read and stored (a 30-decimal price, `1E-300` as a 300-digit usage quantity), beyond what the
 * store's backups take (20) and the core's 34 significant digits keep exact in sums.
 */
import { importMaster } from "../../src/app/import-master";
import { formatIssue } from "../../src/core/messages";
import { readPurchaseTable } from "../../src/io/purchase/read-purchase";
import { readReviewTable } from "../../src/io/reconcile/review-table";
import { MAX_DECIMALS } from "../../src/io/table/cell-reader";
import { readCsvText } from "../../src/io/table/read-csv";
import { readVendorCsv } from "../../src/io/vendor/read-vendor";
import { DAILY_USAGE_HEADERS } from "../../src/io/vendor/profiles/microsoft-nce-daily-usage.profile";
import { NCE_INVOICE_HEADERS } from "../../src/io/vendor/profiles/microsoft-nce-invoice.profile";
import { dailyUsageRecords, nceRecords, toCsv, utf8 } from "../io/vendor/fixtures";
import { parseRules } from "../../src/io/time/rules-json";
import { parseUsageRules } from "../../src/io/usage/usage-rules-json";
import { USAGE_RULES } from "../app/usage-fixtures";
import { dbOf } from "../support/db-view";
import { testContext, textFile } from "../support/fixtures";
import { MASTER_ARTICLES, MASTER_CONTRACTS } from "../support/reconcile-scenario";

const digits = (n: number) => "0." + "1".repeat(n);

describe("the bounds", () => {
  it("are the documented ones", () => {
    expect(MAX_DECIMALS).toEqual({ percent: 6, price: 10, quantity: 10, vendor: 20 });
  });
});

describe("master data", () => {
  const header = MASTER_CONTRACTS.split("\n")[0]!;
  const row = (qty: string, price: string) => `10009,Müller GmbH,V-9,license,monthly,advance,2026-01-01,1,M365-BP,${qty},${price},2026-01-01`;

  async function importContract(qty: string, price: string) {
    const ctx = await testContext();
    const r = await importMaster(ctx, [textFile("articles.csv", MASTER_ARTICLES), textFile("contracts.csv", `${header}\n${row(qty, price)}`)]);
    const contracts = await dbOf(ctx).contracts.count();
    await ctx.store.close();
    return { messages: r.ok ? [] : r.issues.map((i) => formatIssue(i)), contracts };
  }

  it.each([
    ["an 11-decimal quantity", digits(11), "20.60", `contracts.csv, row 2, column "quantity (J)": "${digits(11)}" has 11 digits after the decimal point; this column takes at most 10. The value is not rounded; correct the file.`],
    ["an 11-decimal price", "1", "20." + "6".repeat(11), `contracts.csv, row 2, column "unit_price (K)": "20.${"6".repeat(11)}" has 11 digits after the decimal point; this column takes at most 10. The value is not rounded; correct the file.`],
    ["a 38-decimal quantity", digits(38), "20.60", `contracts.csv, row 2, column "quantity (J)": "${digits(38)}" has 38 digits after the decimal point; this column takes at most 10. The value is not rounded; correct the file.`],
  ])("%s is refused naming the cell; nothing is stored", async (_, qty, price, message) => {
    expect(await importContract(qty, price)).toEqual({ messages: [message], contracts: 0 });
  });

  it("10 decimals are read; trailing zeros do not count", async () => {
    expect(await importContract(digits(10), "20.6000000000000000000")).toEqual({ messages: [], contracts: 1 });
  });

  it("a percentage takes 6 decimals", async () => {
    const articles = (vat: string) => `${MASTER_ARTICLES.split("\n")[0]}\nX-1,Test,1.00,${vat}`;
    const ctx = await testContext();
    const bad = await importMaster(ctx, [textFile("articles.csv", articles("19.0000001"))]);
    expect(!bad.ok && bad.issues.map((i) => [i.code, i.where?.column, i.params.limit])).toEqual([["parse.too_many_decimals", expect.stringMatching(/^vat_pct/), 6]]);
    expect((await importMaster(ctx, [textFile("articles.csv", articles("19.000001"))])).ok).toBe(true);
    await ctx.store.close();
  });
});

describe("purchase contracts and review files", () => {
  it("a purchase cost with 11 decimals is refused; 10 are read", () => {
    const csv = (cost: string) =>
      readCsvText(["supplier,purchase_no,supplier_ref,position_no,article_no,description,object,quantity,unit_cost,billing_interval,valid_from", `DENIC,EK-1,K-1,1,DOM-DE,,x.de,1,${cost},annual,2026-01-01`].join("\n"), "purchase.csv").table;
    expect(readPurchaseTable(csv("1." + "1".repeat(11))).issues.map((i) => [i.code, i.where?.column])).toEqual([["parse.too_many_decimals", "unit_cost (I)"]]);
    expect(readPurchaseTable(csv("1." + "1".repeat(10))).issues).toEqual([]);
  });

  it("a review's vendor quantity with 11 decimals is refused", () => {
    const csv = `status,customer_no,contract_no,position_no,article_no,vendor_qty,effective_date,action\nMenge geändert,10001,V-1,1,M365-BP,${digits(11)},2026-11-01,accept`;
    expect(readReviewTable(readCsvText(csv, "review.csv").table).issues.map((i) => [i.code, i.where?.row, i.where?.column])).toEqual([["parse.too_many_decimals", 2, "vendor_qty (F)"]]);
  });
});

describe("vendor files", () => {
  const usage = (quantity: string, price = "0.0209951014286867") => {
    const recs = dailyUsageRecords();
    recs[1] = { ...recs[1]!, Quantity: quantity, UnitPrice: price };
    return readVendorCsv(utf8(toCsv(DAILY_USAGE_HEADERS, recs)), { fileName: "usage.csv" });
  };

  it("Azure usage quantities and rates as real files have them are read exactly", () => {
    for (const q of ["0.005001", "0.000277777777777778", "1E-05", "4.2E-05", "0." + "1".repeat(20)]) {
      const r = usage(q);
      expect(r.issues).toEqual([]);
    }
    expect(usage("1", "0.0000000000000000001").issues).toEqual([]);
  });

  it.each([
    ["21 decimals", "0." + "1".repeat(21), 21],
    ["an exponent far below any usage (1E-300)", "1E-300", 300],
  ])("a usage quantity with %s is refused naming the cell", (_, q, count) => {
    const r = usage(q);
    expect(r.issues.map((i) => [i.code, i.where?.row, i.where?.column, i.params.count, i.params.limit])).toEqual([["parse.too_many_decimals", 3, "Quantity", count, 20]]);
  });

  it("a seat quantity of a licence line takes 10 decimals, as a contract quantity does", () => {
    const recs = nceRecords();
    recs[0] = { ...recs[0]!, BillableQuantity: "5." + "1".repeat(11) };
    const r = readVendorCsv(utf8(toCsv(NCE_INVOICE_HEADERS, recs)), { fileName: "nce.csv" });
    expect(r.issues.map((i) => formatIssue(i))).toEqual([`nce.csv, row 2, column "BillableQuantity": "5.${"1".repeat(11)}" has 11 digits after the decimal point; this column takes at most 10. The value is not rounded; correct the file.`]);
  });
});

describe("JSON rules (time and usage)", () => {
  const timeRules = (price: unknown) => JSON.stringify({ defaults: { activities: { remote: { articleNo: "SUP-R", pricePerHour: price } } } });

  it.each([
    ["a 38-digit price", "1".repeat(38), "at most 15 digits before the point"],
    ["an 11-decimal price", "87.12345678901", "at most 10 digits after the point"],
    // A JSON number of 19 digits: JSON.parse has rounded it before anyone sees it.
    ["a JSON number of 19 digits", "RAW:0.1234567890123456789", "the number as a text"],
  ])("time rules: %s is refused naming the field", (_, price, expected) => {
    const text = typeof price === "string" && price.startsWith("RAW:") ? timeRules("§").replace('"§"', price.slice(4)) : timeRules(price);
    const r = parseRules(text, "rules.json");
    expect(!r.ok && r.issues.map((i) => formatIssue(i)).join(" ")).toContain(expected);
  });

  it("time rules: prices as people write them are read", () => {
    expect(parseRules(timeRules("87.4"), "rules.json").ok).toBe(true);
    expect(parseRules(timeRules(87.4), "rules.json").ok).toBe(true);
    expect(parseRules(timeRules("0.0085"), "rules.json").ok).toBe(true);
  });

  it("usage rules: an 11-decimal unit price and a 7-decimal percentage are refused; the documented example is read", () => {
    const rules = (rule: Record<string, unknown>) => JSON.stringify({ defaults: { articleNo: "AZURE", ...rule } });
    const price = parseUsageRules(rules({ method: "fixed", unitPrice: "0.12345678901" }), "usage-rules.json");
    expect(!price.ok && price.issues.map((i) => formatIssue(i)).join(" ")).toContain("at most 10 digits after the point");
    const pct = parseUsageRules(rules({ method: "cost_plus", pct: "15.0000001" }), "usage-rules.json");
    expect(!pct.ok && pct.issues.map((i) => formatIssue(i)).join(" ")).toContain("at most 6 digits after the point");
    expect(parseUsageRules(USAGE_RULES, "usage-rules.json").ok).toBe(true);
  });
});
