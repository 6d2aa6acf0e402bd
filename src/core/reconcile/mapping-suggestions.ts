/**
 * What needs a mapping after a reconciliation, and which of our customers or articles to suggest for
 * it (PRODUCT.md §3 step 2): the distinct vendor customers and articles of the unmapped review rows,
 * each ranked against our customers (name, domain) or articles (description, number) by name
 * similarity. A suggestion is shown from {@link SUGGEST_SCORE} on and taken over as the answer
 * (still to be reviewed and saved by the user) from {@link PREFILL_SCORE} on.
 */
import { pushAll } from "../array";
import type { Article, Customer } from "../contract/model";
import type { ReviewRow } from "./review-row";
import { type Candidate, bestMatch } from "./similarity";

/** Suggestions at or above this score are pre-filled (the user still reviews and saves them). */
export const PREFILL_SCORE = 0.85;
/** Suggestions below this score are not shown. */
export const SUGGEST_SCORE = 0.4;

export type MappingKind = "customer" | "article";

/** One vendor id that needs a mapping. */
export interface MappingNeed {
  kind: MappingKind;
  /** Mapping source: the profile id of the file. */
  source: string;
  externalId: string;
  vendorName: string;
  /** Vendor file rows behind it, ascending. */
  rows: number[];
}

/** Our customer or article suggested for a need. */
export interface MappingSuggestion {
  /** Customer or article number. */
  no: string;
  /** Name similarity, 0 … 1. */
  score: number;
  /** True when the score is high enough to fill the answer in. */
  prefill: boolean;
}

/**
 * The distinct vendor customers and articles of the unmapped review rows (a row may name several ids,
 * space-separated), customers first, then by external id; each with the vendor rows behind it.
 */
export function mappingNeeds(rows: readonly ReviewRow[]): MappingNeed[] {
  const needs = new Map<string, MappingNeed>();
  const add = (kind: MappingKind, source: string, externalId: string, vendorName: string, lines: readonly number[]) => {
    if (!externalId) return;
    const key = `${kind}|${source}|${externalId}`;
    const n = needs.get(key);
    if (n) pushAll(n.rows, lines);
    else needs.set(key, { kind, source, externalId, vendorName, rows: [...lines] });
  };
  for (const r of rows) {
    if (r.status === "unmapped_customer") for (const id of r.externalCustomerId.split(" ").filter(Boolean)) add("customer", r.source, id, r.vendorCustomerName, r.rows);
    if (r.status === "unmapped_article") for (const id of r.externalArticleId.split(" ").filter(Boolean)) add("article", r.source, id, r.vendorArticleName, r.rows);
  }
  const list = [...needs.values()];
  for (const n of list) n.rows = [...new Set(n.rows)].sort((a, b) => a - b);
  return list.sort((a, b) => (a.kind === b.kind ? a.externalId.localeCompare(b.externalId) : a.kind === "customer" ? -1 : 1));
}

/**
 * The best suggestion per need (in the order of `needs`), null where nothing reaches
 * {@link SUGGEST_SCORE}. Customers are compared by name and domain, articles by description and number.
 */
export function suggestMappings(needs: readonly MappingNeed[], customers: readonly Customer[], articles: readonly Article[]): (MappingSuggestion | null)[] {
  const candidates: Record<MappingKind, Candidate[]> = {
    customer: customers.map((c) => ({ no: c.no, texts: [c.name, ...(c.domain ? [c.domain] : [])] })),
    article: articles.map((a) => ({ no: a.no, texts: [a.description, a.no] })),
  };
  return needs.map((n) => {
    const match = bestMatch(n.vendorName, candidates[n.kind]);
    return match && match.score >= SUGGEST_SCORE ? { ...match, prefill: match.score >= PREFILL_SCORE } : null;
  });
}
