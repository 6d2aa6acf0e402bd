import { writeArticlesCsv, writeContractsCsv, writeMappingsCsv } from "../io/master/write-master";
import type { MspDb } from "../store/db";

/** The store's master data as the three CSV files of PRODUCT.md §6.2. */
export interface MasterExport {
  contracts: string;
  articles: string;
  mappings: string;
}

/** Exports contracts (full version history), articles and mappings as CSV text. */
export async function exportMaster(db: MspDb): Promise<MasterExport> {
  return db.transaction("r", [db.customers, db.contracts, db.contractVersions, db.articles, db.mappings], async () => {
    const customers = new Map((await db.customers.toArray()).map((c) => [c.no, c]));
    return {
      contracts: writeContractsCsv(customers, await db.contracts.toArray(), await db.contractVersions.toArray()),
      articles: writeArticlesCsv(await db.articles.toArray()),
      mappings: writeMappingsCsv(await db.mappings.toArray()),
    };
  });
}
