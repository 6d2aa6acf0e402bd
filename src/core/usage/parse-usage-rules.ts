import { type Expectation, expecting, expectationParams, oneOf } from "../expectation";
import { Issue, Result, issue, ok } from "../issues";
import { Decimal, isCanonicalDecimal, toStored } from "../money/decimal";
import { jsonDecimalProblem } from "../money/decimal-bounds";
import type { UsagePrice, UsageRule, UsageRules } from "./rules";

type Obj = Record<string, unknown>;

const RULE_KEYS = ["method", "pct", "discountPct", "unitPrice", "articleNo", "comment"];

/**
 * Validates the usage rules (README "Usage re-billing") and returns them normalised (decimals
 * canonical), like the time rules (time/parse-rules.ts): every problem is an issue naming its JSON
 * path (`customers.10001.pct`); any issue rejects the whole rules set.
 *
 * ```json
 * { "defaults": { "method": "cost_plus", "pct": "10", "articleNo": "AZURE" },
 *   "articles": { "AZURE-BACKUP": { "method": "fixed", "unitPrice": "0.05" } },
 *   "customers": { "10001": { "method": "list_price", "discountPct": "5",
 *                             "articles": { "AZURE-BACKUP": { "method": "cost_plus", "pct": "0" } } } } }
 * ```
 */
/** Validates parsed usage rules (the JSON text is read in io: `src/io/usage/usage-rules-json.ts`). */
export function validateUsageRules(data: unknown, source: string): Result<UsageRules> {
  const issues: Issue[] = [];
  const bad = (path: string, value: unknown, expected: Expectation): undefined => {
    issues.push(issue("usagerules.field_invalid", { path: path || "(root)", value: shown(value), ...expectationParams(expected) }, { source }));
    return undefined;
  };
  const object = (value: unknown, path: string, known: string[] | null): Obj | undefined => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return bad(path, value, expecting("object"));
    if (known) for (const k of Object.keys(value)) if (!known.includes(k)) issues.push(issue("usagerules.field_unknown", { path: join(path, k) }, { source }));
    return value as Obj;
  };
  const decimal = (value: unknown, path: string, range: "any" | "min0" | "percent"): string | undefined => {
    const t = typeof value === "number" && Number.isFinite(value) ? String(value) : typeof value === "string" ? value.trim() : "";
    if (!isCanonicalDecimal(t)) return bad(path, value, expecting("decimal", { example: "15" }));
    const d = new Decimal(t);
    if (range === "min0" && d.isNegative()) return bad(path, value, expecting("min0"));
    if (range === "percent" && (d.isNegative() || d.greaterThan(100))) return bad(path, value, expecting("percent"));
    const stored = toStored(d);
    const problem = jsonDecimalProblem(value, stored, range === "min0" ? "price" : "percent");
    return problem === null ? stored : bad(path, value, problem);
  };
  const rule = (value: unknown, path: string, extra: string[] = []): UsageRule | undefined => {
    const o = object(value, path, [...RULE_KEYS, ...extra]);
    if (!o) return undefined;
    if (o.method === undefined) {
      issues.push(issue("usagerules.field_required", { path: join(path, "method") }, { source }));
      return undefined;
    }
    let price: UsagePrice | undefined;
    const need = (key: string): boolean => {
      if (o[key] !== undefined) return true;
      issues.push(issue("usagerules.field_required", { path: join(path, key) }, { source }));
      return false;
    };
    const forbid = (...keys: string[]) => keys.forEach((k) => o[k] !== undefined && bad(join(path, k), o[k], expecting("unused_by_method", { method: String(o.method) })));
    if (o.method === "cost_plus") {
      forbid("discountPct", "unitPrice");
      // A negative surcharge (a discount on cost) is allowed, but not below −100 %.
      const pct = need("pct") ? decimal(o.pct, join(path, "pct"), "any") : undefined;
      if (pct !== undefined && new Decimal(pct).lessThan(-100)) bad(join(path, "pct"), o.pct, expecting("min", { min: -100 }));
      else if (pct !== undefined) price = { method: "cost_plus", pct };
    } else if (o.method === "list_price") {
      forbid("pct", "unitPrice");
      const discountPct = o.discountPct === undefined ? "0" : decimal(o.discountPct, join(path, "discountPct"), "percent");
      if (discountPct !== undefined) price = { method: "list_price", discountPct };
    } else if (o.method === "fixed") {
      forbid("pct", "discountPct");
      const unitPrice = need("unitPrice") ? decimal(o.unitPrice, join(path, "unitPrice"), "min0") : undefined;
      if (unitPrice !== undefined) price = { method: "fixed", unitPrice };
    } else return bad(join(path, "method"), o.method, oneOf(["cost_plus", "list_price", "fixed"]));
    let articleNo: string | undefined;
    if (o.articleNo !== undefined) articleNo = typeof o.articleNo === "string" && o.articleNo.trim() !== "" ? o.articleNo.trim() : bad(join(path, "articleNo"), o.articleNo, expecting("article_no"));
    return price ? { price, ...(articleNo ? { articleNo } : {}) } : undefined;
  };

  const rules: UsageRules = { articles: {}, customers: {} };
  const root = object(data, "", ["defaults", "articles", "customers", "$schema", "comment"]);
  if (root) {
    if (root.defaults !== undefined) {
      const d = rule(root.defaults, "defaults");
      if (d) rules.defaults = d;
    }
    if (root.articles !== undefined) for (const [no, v] of Object.entries(object(root.articles, "articles", null) ?? {})) {
      const r = rule(v, `articles.${no}`);
      if (r) rules.articles[no] = r;
    }
    if (root.customers !== undefined) for (const [no, v] of Object.entries(object(root.customers, "customers", null) ?? {})) {
      const path = `customers.${no}`;
      // An entry with per-article rules only needs no price of its own.
      const onlyArticles = typeof v === "object" && v !== null && (v as Obj).method === undefined && (v as Obj).articles !== undefined;
      if (onlyArticles) object(v, path, ["articles", "comment"]);
      const r = onlyArticles ? undefined : rule(v, path, ["articles"]);
      const inner = (v as Obj | null)?.articles;
      const articles: Record<string, UsageRule> = {};
      if (inner !== undefined) for (const [a, av] of Object.entries(object(inner, `${path}.articles`, null) ?? {})) {
        const ar = rule(av, `${path}.articles.${a}`);
        if (ar) articles[a] = ar;
      }
      if (r || Object.keys(articles).length > 0) rules.customers[no] = { ...(r ?? {}), ...(Object.keys(articles).length > 0 ? { articles } : {}) };
    }
  }
  return issues.length > 0 ? { ok: false, issues } : ok(rules);
}

function join(path: string, key: string): string {
  return path === "" ? key : `${path}.${key}`;
}

function shown(value: unknown): string {
  if (value === undefined) return "(missing)";
  const s = typeof value === "string" ? value : JSON.stringify(value);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
