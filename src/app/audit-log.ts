import type { AuditRecord } from "../store/records";
import type { AppContext } from "./context";

/** The newest audit entries first, at most `limit` (the task pane's Protokoll). */
export function recentAudit(ctx: AppContext, limit: number): Promise<AuditRecord[]> {
  return ctx.store.read((tx) => tx.audit.recent(limit));
}
