import { writeArticlesCsv, writeContractsCsv, writeMappingsCsv } from "../io/master/write-master";
import type { AppContext } from "./context";

/** The store's master data as the three CSV files of PRODUCT.md §6.2. */
export interface MasterExport {
  contracts: string;
  articles: string;
  mappings: string;
}

/** Exports contracts (full version history), articles and mappings as CSV text. */
export async function exportMaster(ctx: AppContext): Promise<MasterExport> {
  return ctx.store.read(async (tx) => {
    const customers = new Map((await tx.customers.all()).map((c) => [c.no, c]));
    return {
      contracts: writeContractsCsv(customers, await tx.contracts.all(), await tx.versions.all()),
      articles: writeArticlesCsv(await tx.articles.all()),
      mappings: writeMappingsCsv(await tx.mappings.all()),
    };
  });
}
