import type { FastifyInstance } from "fastify";
import { recentAudit } from "../app/audit-log";
import { backupJson, readBackup } from "../app/backup";
import { fileSha256 } from "../app/context";
import { saveExportSettingsFile } from "../app/export-settings-file";
import { importMaster } from "../app/import-master";
import { importMeters } from "../app/meters";
import { saveProfilesFromJson } from "../app/profiles";
import { importLinks, importPurchase } from "../app/purchase";
import { pushStore } from "../app/push";
import { issue } from "../core/issues";
import { importTime, saveTimeProfiles, setRules, storedRules } from "../app/time";
import { parseStrictDate } from "../io/table/cell-reader";
import type { Result } from "../core/issues";
import type { SqlStore } from "../store/sql/sql-store";
import { ADMIN, ANY_ROLE, FILE_SCHEMA, inputFile, routeContext, sendIssues, type UploadedFile, WRITERS } from "./route-kit";

const fileBody = { type: "object", properties: { file: FILE_SCHEMA }, required: ["file"] } as const;

/** Master data, lookups, imports of purchase/time/meter files, settings, audit, backup and push. */
export function registerDataRoutes(app: FastifyInstance, store: SqlStore, now: () => string): void {
  app.get("/api/revision", { config: { roles: ANY_ROLE }, schema: { summary: "The store revision (changes with every committed write)" } }, async () => ({ revision: await store.revision() }));

  // The worksheet functions' (MSP.*) data: master data, cached per revision and sent only when the
  // client's ETag (the revision it holds) is stale.
  let cached: { revision: number; body: string } | null = null;
  app.get("/api/lookups", { config: { roles: ANY_ROLE }, schema: { summary: "Customers, articles, contracts and versions for the MSP.* lookups; ETag = store revision" } }, async (req, reply) => {
    const revision = await store.revision();
    const etag = `"rev-${revision}"`;
    reply.header("ETag", etag).header("X-Store-Revision", String(revision));
    if (req.headers["if-none-match"] === etag) return reply.code(304).send();
    if (!cached || cached.revision !== revision) {
      const data = await store.read(async (tx) => ({ customers: await tx.customers.all(), articles: await tx.articles.all(), contracts: await tx.contracts.all(), versions: await tx.versions.all() }));
      cached = { revision, body: JSON.stringify({ revision, ...data }) };
    }
    return reply.type("application/json").send(cached.body);
  });

  app.post<{ Body: { files: UploadedFile[] } }>(
    "/api/import/master",
    { config: { roles: WRITERS }, schema: { summary: "Imports master data files (customers, articles, contracts, mappings)", body: { type: "object", properties: { files: { type: "array", items: FILE_SCHEMA, minItems: 1 } }, required: ["files"] } } },
    async (req, reply) => {
      const { ctx, lang } = routeContext(req, store, now);
      const r = await importMaster(ctx, req.body.files.map(inputFile));
      return r.ok ? r.value : sendIssues(reply, lang, r.issues);
    },
  );

  const fileImport = <T>(url: string, summary: string, run: (ctx: ReturnType<typeof routeContext>["ctx"], body: { file: UploadedFile; profile?: string; date?: string }) => Promise<Result<T>>) =>
    app.post<{ Body: { file: UploadedFile; profile?: string; date?: string } }>(
      url,
      { config: { roles: WRITERS }, schema: { summary, body: { ...fileBody, properties: { ...fileBody.properties, profile: { type: "string" }, date: { type: "string" } } } } },
      async (req, reply) => {
        const { ctx, lang } = routeContext(req, store, now);
        const r = await run(ctx, req.body);
        return r.ok ? r.value : sendIssues(reply, lang, r.issues);
      },
    );
  fileImport("/api/import/purchase", "Imports purchase contracts", (ctx, b) => importPurchase(ctx, inputFile(b.file)));
  fileImport("/api/import/links", "Imports purchase↔sales links", (ctx, b) => importLinks(ctx, inputFile(b.file)));
  fileImport("/api/import/meters", "Imports meter readings", (ctx, b) => importMeters(ctx, inputFile(b.file)));
  fileImport("/api/import/time", "Imports time entries (profile optional, date for monthly totals)", (ctx, b) => {
    const date = b.date === undefined ? undefined : (parseStrictDate(b.date) ?? undefined);
    return importTime(ctx, inputFile(b.file), { ...(b.profile !== undefined ? { profileId: b.profile } : {}), ...(date ? { date } : {}) });
  });

  app.get<{ Querystring: { limit?: number } }>(
    "/api/audit",
    { config: { roles: ANY_ROLE }, schema: { summary: "Newest audit entries first (each names its user)", querystring: { type: "object", properties: { limit: { type: "integer", minimum: 1, maximum: 10000, default: 100 } } } } },
    async (req) => recentAudit(routeContext(req, store, now).ctx, req.query.limit ?? 100),
  );

  app.get("/api/settings/rules", { config: { roles: ANY_ROLE }, schema: { summary: "Time and contingent rules" } }, async (req) => ({ rules: (await storedRules(routeContext(req, store, now).ctx)) ?? null }));

  // Settings are the administrator's: rules, vendor profiles, time profiles, export settings.
  const settingsText = (url: string, summary: string, save: (ctx: ReturnType<typeof routeContext>["ctx"], name: string, text: string) => Promise<Result<unknown>>) =>
    app.put<{ Body: { name?: string; text: string } }>(
      url,
      { config: { roles: ADMIN }, schema: { summary, body: { type: "object", properties: { name: { type: "string" }, text: { type: "string" } }, required: ["text"] } } },
      async (req, reply) => {
        const { ctx, lang } = routeContext(req, store, now);
        const r = await save(ctx, req.body.name ?? url, req.body.text);
        return r.ok ? { ok: true, value: r.value } : sendIssues(reply, lang, r.issues);
      },
    );
  settingsText("/api/settings/rules", "Sets the time and contingent rules (JSON text)", (ctx, name, text) => setRules(ctx, text, name));
  settingsText("/api/settings/vendor-profiles", "Saves vendor file profiles (JSON text)", (ctx, _n, text) => saveProfilesFromJson(ctx, text));
  settingsText("/api/settings/time-profiles", "Saves time-tracking profiles (JSON text)", (ctx, _n, text) => saveTimeProfiles(ctx, text));
  settingsText("/api/settings/export", "Saves export settings (DATEV, company, export profiles) from a settings file", (ctx, name, text) => saveExportSettingsFile(ctx, name, text));

  app.get("/api/backup", { config: { roles: ANY_ROLE }, schema: { summary: "The whole store as backup JSON" } }, async (req, reply) => {
    const text = await backupJson(routeContext(req, store, now).ctx, now());
    return reply.type("application/json").header("X-Store-Revision", String(await store.revision())).send(text);
  });

  app.post<{ Body: { file: UploadedFile; replace?: boolean } }>(
    "/api/push",
    {
      config: { roles: ADMIN },
      schema: {
        summary: "Moves a backup JSON (or a single-user store's export) into the team store (admin; all or nothing); 409 when the store holds data, unless replace",
        body: { type: "object", properties: { file: FILE_SCHEMA, replace: { type: "boolean" } }, required: ["file"] },
      },
    },
    async (req, reply) => {
      const { ctx, lang } = routeContext(req, store, now);
      const file = inputFile(req.body.file);
      const doc = readBackup(Buffer.from(file.bytes).toString("utf8"), file.name);
      if (!doc.ok) return sendIssues(reply, lang, doc.issues);
      const sha256 = await fileSha256(file);
      const r = await pushStore(ctx, doc.value, { name: file.name, sha256 }, req.body.replace ?? false);
      // it would drop issued invoices of the team store: refused, nothing changed
      if ("lost" in r) return sendIssues(reply, lang, r.lost, 409);
      if ("refused" in r) return sendIssues(reply, lang, [issue("push.target_not_empty", { store: store.location, rows: String(r.refused) }, { source: file.name })], 409);
      return { file: file.name, sha256, before: r.before, after: r.after };
    },
  );
}
