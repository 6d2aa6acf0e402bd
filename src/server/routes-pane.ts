import type { FastifyInstance } from "fastify";
import type { AppContext } from "../app/context";
import { decodeCallJson, encodeCallJson, PANE_CALLS, type PaneCallName } from "../app/pane-calls";
import type { SqlStore } from "../store/sql/sql-store";
import type { Role } from "./auth";
import { ADMIN, ANY_ROLE, routeContext, WRITERS } from "./route-kit";
import { readOnly, ReadOnlyViolation } from "./routes-cli";
import { PURCHASE_BILLING_ROLES } from "./pane-roles-purchase-billing";
import { PaneArgsChecker } from "./pane-args-check";

/** Who may call which pane use case (as the API's routes and the CLI commands decide). */
export const PANE_CALL_ROLES: Readonly<Record<PaneCallName, readonly Role[]>> = {
  importMaster: WRITERS,
  undoBatch: WRITERS,
  undoRun: WRITERS,
  reconcileFiles: WRITERS,
  applyReview: WRITERS,
  // the dry run before applying: reads only, but it is a step of applying
  previewApplyReview: WRITERS,
  proposeMappings: ANY_ROLE,
  loadUserProfiles: ANY_ROLE,
  runBilling: WRITERS,
  listRuns: ANY_ROLE,
  loadRunInvoices: ANY_ROLE,
  exportInvoiceBatch: ANY_ROLE,
  exportInvoiceBatchDocument: ANY_ROLE,
  listExportProfiles: ANY_ROLE,
  loadCompanyInfo: ANY_ROLE,
  loadDatevConfig: ANY_ROLE,
  backupStatus: ANY_ROLE,
  recentAudit: ANY_ROLE,
  listCustomers: ANY_ROLE,
  exportMaster: ANY_ROLE,
  storedRules: ANY_ROLE,
  storedSepaSettings: ANY_ROLE,
  pendingStoreNotices: ANY_ROLE,
  dismissStoreNotices: WRITERS,
  ...PURCHASE_BILLING_ROLES,
  // Zeiten/Zähler, settings, backup and restore: as REMOTE_COMMANDS (routes-cli.ts) decides for
  // `time import`, `rules set` (admin), `usage rules` (admin), `profile import` (admin),
  // `export-settings` (admin), `backup` (any role); a restore is the admin's `push --replace`.
  importTime: WRITERS,
  importMeters: WRITERS,
  reviewMeters: ANY_ROLE,
  reviewTimeEntries: ANY_ROLE,
  applyTimeDecisions: WRITERS,
  setRules: ADMIN,
  setUsageRules: ADMIN,
  importUsage: WRITERS,
  reviewUsage: ANY_ROLE,
  applyUsageDecisions: WRITERS,
  timeBalanceFigures: ANY_ROLE,
  contractNumbers: ANY_ROLE,
  saveExportSettingsFile: ADMIN,
  // as saving one (`export-profile delete`)
  deleteExportProfile: ADMIN,
  saveProfilesFromJson: ADMIN,
  exportUserProfiles: ANY_ROLE,
  backupJson: ANY_ROLE,
  pushBackupFile: ADMIN,
  // the first export or print of a draft run issues it (a write)
  exportRunIssuing: WRITERS,
  printRunIssuing: WRITERS,
};

/**
 * `POST /api/pane/:name`: runs one use case of the task pane in server mode ({@link PANE_CALLS}) on
 * the team store, as the logged-in user, in one transaction (the use case's own), and returns its
 * result. The body is `{ "args": [...] }` — the use case's arguments after the context, files as
 * `{"$bytes": base64}` — and so is the answer's encoding. Auditors get a read-only store. The
 * arguments are checked against the call's schema first (src/server/pane-schemas): 400 naming the
 * argument when they do not fit, so no use case runs on a malformed request.
 */
export function registerPaneRoutes(app: FastifyInstance, store: SqlStore, now: () => string): void {
  const checker = new PaneArgsChecker();
  app.post<{ Params: { name: string }; Body: { args: unknown[] } }>(
    "/api/pane/:name",
    {
      config: { roles: ANY_ROLE },
      schema: {
        summary: "Runs a task-pane use case on the team store (the add-in in server mode): arguments in, result out",
        description: "The arguments of each call are described by the schema `PaneArgs_NAME` under components.schemas (JSON Schema 2020-12); arguments that do not fit answer 400 naming the argument.",
        params: { type: "object", properties: { name: { type: "string", enum: Object.keys(PANE_CALLS) } }, required: ["name"] },
        body: { type: "object", properties: { args: { type: "array" } }, required: ["args"] },
      },
    },
    async (req, reply) => {
      const name = req.params.name as PaneCallName;
      const user = req.user!;
      if (!PANE_CALL_ROLES[name].includes(user.role)) return reply.code(403).send({ error: "forbidden", message: `role ${user.role} may not call ${name}` });
      const bad = checker.check(name, req.body.args);
      if (bad) return reply.code(400).send({ error: "bad_request", ...bad });
      const { ctx } = routeContext(req, store, now);
      const scoped: AppContext = user.role === "auditor" ? { ...ctx, store: readOnly(ctx.store) } : ctx;
      const args = decodeCallJson(JSON.stringify(req.body.args)) as unknown[];
      const fn = PANE_CALLS[name] as (ctx: AppContext, ...a: unknown[]) => Promise<unknown>;
      try {
        const result = await fn(scoped, ...args);
        return reply.type("application/json").header("X-Store-Revision", String(await store.revision())).send(encodeCallJson(result ?? null));
      } catch (e) {
        if (e instanceof ReadOnlyViolation) return reply.code(403).send({ error: "forbidden", message: `role ${user.role} may not change the store (${name} would)` });
        throw e;
      }
    },
  );
}
