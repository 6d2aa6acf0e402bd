import type { Article, Customer } from "../core/contract/model";
import { type MappingNeed, type MappingSuggestion, mappingNeeds, suggestMappings } from "../core/reconcile/mapping-suggestions";
import type { ReviewRow } from "../core/reconcile/review-row";
import type { AppContext } from "./context";

/** What the mapping sheet shows: the vendor ids to map, a suggestion for each, and what they can map to. */
export interface MappingProposal {
  needs: MappingNeed[];
  /** Per need (same order), our best match or null. */
  suggestions: (MappingSuggestion | null)[];
  customers: Customer[];
  articles: Article[];
}

/** The mapping needs of reconciled rows with suggestions from the store's customers and articles. */
export async function proposeMappings(ctx: AppContext, rows: readonly ReviewRow[]): Promise<MappingProposal> {
  const needs = mappingNeeds(rows);
  const { customers, articles } = await ctx.store.read(async (tx) => ({ customers: await tx.customers.all(), articles: await tx.articles.all() }));
  return { needs, suggestions: suggestMappings(needs, customers, articles), customers, articles };
}
