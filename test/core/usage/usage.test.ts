import fc from "fast-check";
import { Decimal } from "../../../src/core/money/decimal";
import { aggregateUsage } from "../../../src/core/usage/aggregate";
import type { UsageSourceLine } from "../../../src/core/usage/model";
import { parseUsageRules } from "../../../src/io/usage/usage-rules-json";
import { usageExactNet, usageRuleFor } from "../../../src/core/usage/rules";

const codes = (r: ReturnType<typeof parseUsageRules>) => (r.ok ? [] : r.issues.map((i) => [i.code, i.params.path]));

describe("usage rules", () => {
  it("accepts all three methods and normalises decimals; the most specific rule wins", () => {
    const r = parseUsageRules(JSON.stringify({
      defaults: { method: "cost_plus", pct: 15, articleNo: "AZURE" },
      articles: { BACKUP: { method: "fixed", unitPrice: "0.050" } },
      customers: { "10001": { method: "list_price", discountPct: "5.0", articles: { BACKUP: { method: "cost_plus", pct: "-10" } } }, "10002": { articles: { AZURE: { method: "list_price" } } } },
    }), "rules.json");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.defaults).toEqual({ price: { method: "cost_plus", pct: "15" }, articleNo: "AZURE" });
    expect(usageRuleFor(r.value, "10001", "BACKUP")?.path).toBe("customers.10001.articles.BACKUP");
    expect(usageRuleFor(r.value, "10001", "AZURE")).toEqual({ rule: { price: { method: "list_price", discountPct: "5" } }, path: "customers.10001" });
    expect(usageRuleFor(r.value, "10002", "AZURE")?.path).toBe("customers.10002.articles.AZURE");
    expect(usageRuleFor(r.value, "10002", "BACKUP")?.path).toBe("articles.BACKUP");
    expect(usageRuleFor(r.value, "10003", "")?.path).toBe("defaults");
  });

  it("names every bad field by its path; any problem rejects the document", () => {
    const r = parseUsageRules(JSON.stringify({
      defaults: { method: "markup", pct: "5" },
      articles: { A: { method: "cost_plus" }, B: { method: "fixed", unitPrice: "-1" }, C: { method: "list_price", discountPct: "120", colour: "red" }, D: { method: "cost_plus", pct: "10", unitPrice: "1" } },
      customers: { K: { method: "cost_plus", pct: "-150" } },
      extra: 1,
    }), "rules.json");
    expect(codes(r)).toEqual([
      ["usagerules.field_unknown", "extra"],
      ["usagerules.field_invalid", "defaults.method"],
      ["usagerules.field_required", "articles.A.pct"],
      ["usagerules.field_invalid", "articles.B.unitPrice"],
      ["usagerules.field_unknown", "articles.C.colour"],
      ["usagerules.field_invalid", "articles.C.discountPct"],
      ["usagerules.field_invalid", "articles.D.unitPrice"],
      ["usagerules.field_invalid", "customers.K.pct"],
    ]);
    expect(codes(parseUsageRules("{", "x"))).toEqual([["usagerules.invalid_json", undefined]]);
  });

  it("prices: cost plus, list price less discount, fixed per unit; list price needs a list amount", () => {
    const u = { quantity: "720.5", cost: "62.18", listAmount: "73.1626825024" };
    expect(usageExactNet({ method: "cost_plus", pct: "15" }, u)!.toFixed()).toBe("71.507");
    expect(usageExactNet({ method: "list_price", discountPct: "5" }, u)!.toFixed()).toBe("69.50454837728");
    expect(usageExactNet({ method: "fixed", unitPrice: "0.1" }, u)!.toFixed()).toBe("72.05");
    expect(usageExactNet({ method: "list_price", discountPct: "0" }, { ...u, listAmount: null })).toBeNull();
  });
});

describe("usage records", () => {
  const line = fc.record({
    customer: fc.constantFrom("6B3A1F2E-0C1D-4E5F-8A9B-0C1D2E3F4A5B", "6b3a1f2e-0c1d-4e5f-8a9b-0c1d2e3f4a5b", "0a1b2c3d-4e5f-4061-8273-8495a6b7c8d9"),
    product: fc.constantFrom("DZH318Z0BQ3Q:0009", "DZH318Z0BNZ5:006G"),
    day: fc.constantFrom("2026-10-31", "2026-11-01", "2026-11-30", null),
    quantity: fc.integer({ min: 0, max: 10_000_000 }).map((n) => (n / 1_000_000).toString()),
    amount: fc.integer({ min: -500, max: 50_000 }).map((n) => (n / 100).toString()),
    list: fc.option(fc.integer({ min: 0, max: 90_000 }).map((n) => (n / 1000).toString()), { nil: undefined }),
  });
  const toLine = (l: { customer: string; product: string; day: string | null; quantity: string; amount: string; list?: string }, i: number): UsageSourceLine => ({
    profileId: "microsoft-nce-daily-usage", source: "usage.csv", row: i + 2, vendorCustomerId: l.customer, vendorCustomerName: "Kunde", vendorArticleKey: l.product, vendorArticleName: "Produkt",
    chargeFrom: l.day as UsageSourceLine["chargeFrom"], quantity: l.quantity, amount: l.amount, currency: "EUR", ...(l.list !== undefined ? { listAmount: l.list } : {}),
  });

  it("sums add up exactly, one tenant in any case is one customer, and the order of the lines does not matter", () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), fc.integer(), (raw, seed) => {
        const lines = raw.map(toLine);
        const a = aggregateUsage(lines);
        const shuffled = [...lines].sort((x, y) => ((x.row * 7919 + seed) % 101) - ((y.row * 7919 + seed) % 101));
        expect(aggregateUsage(shuffled)).toEqual(a);
        const dated = lines.filter((l) => l.chargeFrom !== null);
        expect(a.undated).toHaveLength(lines.length - dated.length);
        const total = (f: (l: UsageSourceLine) => string) => dated.reduce((s, l) => s.plus(f(l)), new Decimal(0));
        expect(a.records.reduce((s, r) => s.plus(r.quantity), new Decimal(0)).equals(total((l) => l.quantity))).toBe(true);
        expect(a.records.reduce((s, r) => s.plus(r.cost), new Decimal(0)).equals(total((l) => l.amount!))).toBe(true);
        expect(new Set(a.records.map((r) => r.vendorCustomerId)).size).toBeLessThanOrEqual(2);
        for (const r of a.records) expect(r.listAmount === null).toBe(dated.some((l) => l.listAmount === undefined && l.chargeFrom!.startsWith(r.month) && l.vendorArticleKey === r.vendorArticleKey && l.vendorCustomerId.toLowerCase() === r.vendorCustomerId));
      }),
      { numRuns: 300 },
    );
  });
});
