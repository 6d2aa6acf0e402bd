import type { Issue } from "../core/issues";
import { mappingIdIssues } from "../store/upgrade-v4";
import type { AppContext } from "./context";

/**
 * What an upgrade at store open found and nobody has seen yet (mapping ids that collided when the
 * store went to schema 4: Dexie `version(4)`, SQL migration `003_mapping_ids`), as issues for the
 * hosts. A restore reports its own upgrade directly and leaves nothing here.
 */
export async function pendingStoreNotices(ctx: AppContext): Promise<Issue[]> {
  return ctx.store.read(async (tx) => {
    const pending = (await tx.settings.get("store.upgradeNotices")) ?? [];
    return pending.flatMap((n) => mappingIdIssues({ renamed: [], collisions: n.collisions }, n.source).filter((i) => i.code !== "store.mapping_ids_normalized"));
  });
}

/** The user has seen the pending notices: they are dropped (the audit log keeps every collision). */
export async function dismissStoreNotices(ctx: AppContext): Promise<void> {
  await ctx.store.write(async (tx) => {
    if ((await tx.settings.get("store.upgradeNotices")) !== undefined) await tx.settings.delete("store.upgradeNotices");
  });
}
