/** What needs a mapping after a reconciliation, and which customer or article is suggested for it. */
import fc from "fast-check";
import type { Article, Customer } from "../../../src/core/contract/model";
import { PREFILL_SCORE, SUGGEST_SCORE, mappingNeeds, suggestMappings } from "../../../src/core/reconcile/mapping-suggestions";
import type { ReviewRow } from "../../../src/core/reconcile/review-row";

function row(p: Partial<ReviewRow> & Pick<ReviewRow, "status" | "rows">): ReviewRow {
  return {
    customerNo: "", customerName: "", contractNo: "", positionNo: null, articleNo: "", externalCustomerId: "", externalArticleId: "", vendorCustomerName: "", vendorArticleName: "",
    source: "microsoft-nce-invoice", contractQty: null, positionQty: null, vendorQty: "1", delta: null, effectiveDate: "2026-10-01", unitCost: null, unitPrice: null, margin: null,
    action: "skip", finding: "", term: null, billingFrequency: null, commitmentEnd: null, notices: [], ...p,
  };
}

const customers: Customer[] = [
  { no: "10001", name: "Müller GmbH", domain: "mueller.onmicrosoft.com" },
  { no: "10002", name: "Schäfer KG" },
  { no: "10003", name: "Neukunde AG" },
];
const articles: Article[] = [
  { no: "M365-BP", description: "Microsoft 365 Business Premium", unitPrice: "20", vatPct: "19" },
  { no: "TEAMS-ESS", description: "Microsoft Teams Essentials", unitPrice: "4", vatPct: "19" },
];

describe("mapping needs", () => {
  it("one need per vendor id and source, customers first, with the vendor rows merged and sorted", () => {
    const needs = mappingNeeds([
      row({ status: "unmapped_article", externalArticleId: "SKU-B SKU-A", vendorArticleName: "Teams Essentials", rows: [9, 4] }),
      row({ status: "unmapped_customer", externalCustomerId: "T3", vendorCustomerName: "Neukunde AG", rows: [7] }),
      row({ status: "unmapped_customer", externalCustomerId: "T3", vendorCustomerName: "Neukunde AG", rows: [3, 7] }),
      row({ status: "quantity_changed", externalCustomerId: "T1", rows: [1] }),
    ]);
    expect(needs).toEqual([
      { kind: "customer", source: "microsoft-nce-invoice", externalId: "T3", vendorName: "Neukunde AG", rows: [3, 7] },
      { kind: "article", source: "microsoft-nce-invoice", externalId: "SKU-A", vendorName: "Teams Essentials", rows: [4, 9] },
      { kind: "article", source: "microsoft-nce-invoice", externalId: "SKU-B", vendorName: "Teams Essentials", rows: [4, 9] },
    ]);
  });

  it("does not depend on the order of the review rows", () => {
    const rows = [
      row({ status: "unmapped_customer", externalCustomerId: "T2", vendorCustomerName: "B", rows: [2] }),
      row({ status: "unmapped_customer", externalCustomerId: "T1", vendorCustomerName: "A", rows: [5, 1] }),
      row({ status: "unmapped_article", externalArticleId: "S1", vendorArticleName: "X", rows: [3] }),
      row({ status: "unmapped_customer", externalCustomerId: "T1", vendorCustomerName: "A", rows: [4] }),
    ];
    fc.assert(fc.property(fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }), (shuffled) => JSON.stringify(mappingNeeds(shuffled)) === JSON.stringify(mappingNeeds(rows))));
  });
});

describe("suggestions", () => {
  it("suggests by name or domain, pre-fills only near-certain matches, and leaves weak ones out", () => {
    const needs = mappingNeeds([
      row({ status: "unmapped_customer", externalCustomerId: "T1", vendorCustomerName: "mueller.onmicrosoft.com", rows: [1] }),
      row({ status: "unmapped_customer", externalCustomerId: "T3", vendorCustomerName: "Neukunde AG", rows: [2] }),
      row({ status: "unmapped_customer", externalCustomerId: "T9", vendorCustomerName: "Zyx Qvw", rows: [3] }),
      row({ status: "unmapped_article", externalArticleId: "SKU", vendorArticleName: "Teams Essentials", rows: [4] }),
    ]);
    const suggestions = suggestMappings(needs, customers, articles);
    expect(needs.map((n) => n.externalId)).toEqual(["T1", "T3", "T9", "SKU"]);
    expect(suggestions[0]).toEqual({ no: "10001", score: 1, prefill: true });
    expect(suggestions[1]).toEqual({ no: "10003", score: 1, prefill: true });
    expect(suggestions[2]).toBeNull();
    expect(suggestions[3]).toMatchObject({ no: "TEAMS-ESS", prefill: false });
    expect(suggestions[3]!.score).toBeGreaterThanOrEqual(SUGGEST_SCORE);
    expect(suggestions[3]!.score).toBeLessThan(PREFILL_SCORE);
  });

  it("never suggests below the threshold, and pre-fills exactly from PREFILL_SCORE", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (name) => {
        const s = suggestMappings([{ kind: "customer", source: "x", externalId: "e", vendorName: name, rows: [] }], customers, articles)[0] ?? null;
        return s === null || (s.score >= SUGGEST_SCORE && s.prefill === s.score >= PREFILL_SCORE && customers.some((c) => c.no === s.no));
      }),
    );
  });
});
