import type { FastifyInstance } from "fastify";
import { applyReview } from "../app/apply-review";
import { runBilling } from "../app/bill";
import { listRuns } from "../app/billing-runs";
import { fileSha256 } from "../app/context";
import { exportInvoiceBatch, exportInvoiceDocuments, loadRunInvoices, localTimestamp, parseExportFormat } from "../app/export-invoices";
import { applyPriceUpdate } from "../app/price-update";
import { loadUserProfiles } from "../app/profiles";
import { reconcileFiles, type VendorFileRead } from "../app/reconcile";
import { undoBatch } from "../app/undo-batch";
import { undoRun } from "../app/undo-run";
import { readTableFile } from "../cli/read-table-file";
import { parseIsoMonth } from "../core/date/iso-month";
import { hasErrors, issue } from "../core/issues";
import { isPriceProposal, readProposalTable } from "../io/purchase/proposal-table";
import { readReviewTable, reviewTableRows } from "../io/reconcile/review-table";
import { parseStrictDate } from "../io/table/cell-reader";
import { allProfiles } from "../io/vendor/profiles/registry";
import { readVendorFile } from "../io/vendor/read-vendor-file";
import type { SqlStore } from "../store/sql/sql-store";
import { ANY_ROLE, FILE_SCHEMA, inputFile, routeContext, sendIssues, type UploadedFile, WRITERS } from "./route-kit";
import { findConflicts, readBasis, type Basis } from "./basis";

const BASIS_SCHEMA = { type: "object", properties: { revision: { type: "integer" }, versionSeq: { type: "integer" } }, required: ["revision", "versionSeq"] } as const;

/** Reconcile, apply, undo, bill, runs and their exports. */
export function registerBillingRoutes(app: FastifyInstance, store: SqlStore, now: () => string): void {
  app.post<{ Body: { files: UploadedFile[]; month: string; profile?: string } }>(
    "/api/reconcile",
    {
      config: { roles: WRITERS },
      schema: {
        summary: "Compares uploaded vendor files with the contracts; returns the review rows, the review table and the basis (store revision) to apply against",
        body: { type: "object", properties: { files: { type: "array", items: FILE_SCHEMA, minItems: 1 }, month: { type: "string" }, profile: { type: "string" } }, required: ["files", "month"] },
      },
    },
    async (req, reply) => {
      const { ctx, lang } = routeContext(req, store, now);
      const month = parseIsoMonth(req.body.month);
      if (!month) return sendIssues(reply, lang, [issue("parse.invalid_month", { value: req.body.month }, { source: "month" })], 400);
      // The basis and the comparison come from one snapshot: what the review was computed from.
      const revision = await store.revision();
      return ctx.store.read(async (tx) => {
        const basis = await readBasis(tx, revision);
        const { profiles, issues: profileIssues } = await loadUserProfiles(ctx);
        const reads: VendorFileRead[] = [];
        for (const f of req.body.files.map(inputFile)) {
          const result = await readVendorFile(f.bytes, { fileName: f.name, profiles: allProfiles(profiles), ...(req.body.profile !== undefined ? { profileId: req.body.profile } : {}) });
          reads.push({ name: f.name, sha256: await fileSha256(f), result });
        }
        const r = await reconcileFiles(ctx, reads, month);
        if (!r.ok) return sendIssues(reply, lang, [...profileIssues, ...r.issues]);
        return { basis, month, files: r.value.files, counts: r.value.counts, rows: r.value.rows, table: reviewTableRows(r.value.rows), warnings: r.value.warnings };
      });
    },
  );

  app.post<{ Body: { review: UploadedFile; basis?: Basis } }>(
    "/api/apply",
    {
      config: { roles: WRITERS },
      schema: {
        summary: "Applies a review table or price-update proposal (CSV/XLSX, as edited). With `basis` (from reconcile), refused with 409 when a colleague changed the same contracts since",
        body: { type: "object", properties: { review: FILE_SCHEMA, basis: BASIS_SCHEMA }, required: ["review"] },
      },
    },
    async (req, reply) => {
      const { ctx, lang } = routeContext(req, store, now);
      const file = inputFile(req.body.review);
      const { table, issues: readIssues } = await readTableFile(file);
      const sha256 = await fileSha256(file);
      if (isPriceProposal(table)) {
        const { decisions, issues } = readProposalTable(table);
        if (hasErrors([...readIssues, ...issues])) return sendIssues(reply, lang, [...readIssues, ...issues]);
        const r = await applyPriceUpdate(ctx, decisions, { name: file.name, sha256 });
        return r.ok ? r.value : sendIssues(reply, lang, r.issues);
      }
      const { decisions, issues } = readReviewTable(table);
      if (hasErrors([...readIssues, ...issues])) return sendIssues(reply, lang, [...readIssues, ...issues]);
      const basis = req.body.basis;
      // The conflict check and the apply are one write transaction (writes are serialised), so no
      // colleague's change can slip in between.
      return ctx.store.write(async (tx) => {
        if (basis) {
          const conflicts = await findConflicts(tx, decisions, basis);
          if (conflicts.length > 0) return sendIssues(reply, lang, conflicts, 409);
        }
        const r = await applyReview(ctx, decisions, { name: file.name, sha256 }, basis ? { basis } : {});
        return r.ok ? r.value : sendIssues(reply, lang, r.issues);
      });
    },
  );

  app.post<{ Body: { batch?: string; run?: string } }>(
    "/api/undo",
    { config: { roles: WRITERS }, schema: { summary: "Undoes an import batch or a billing run", body: { type: "object", properties: { batch: { type: "string" }, run: { type: "string" } } } } },
    async (req, reply) => {
      const { ctx, lang } = routeContext(req, store, now);
      if ((req.body.batch === undefined) === (req.body.run === undefined)) return reply.code(400).send({ error: "bad_request", message: "give exactly one of batch, run" });
      const r = req.body.batch !== undefined ? await undoBatch(ctx, req.body.batch) : await undoRun(ctx, req.body.run!);
      return r.ok ? r.value : sendIssues(reply, lang, r.issues);
    },
  );

  app.post<{ Body: { month: string; invoiceDate?: string; dryRun?: boolean } }>(
    "/api/bill",
    {
      config: { roles: WRITERS },
      schema: {
        summary: "Bills the month (one run; a month already billed yields no new run)",
        body: { type: "object", properties: { month: { type: "string" }, invoiceDate: { type: "string" }, dryRun: { type: "boolean" } }, required: ["month"] },
      },
    },
    async (req, reply) => {
      const { ctx, lang } = routeContext(req, store, now);
      const month = parseIsoMonth(req.body.month);
      const invoiceDate = req.body.invoiceDate === undefined ? undefined : parseStrictDate(req.body.invoiceDate);
      if (!month) return sendIssues(reply, lang, [issue("parse.invalid_month", { value: req.body.month }, { source: "month" })], 400);
      if (invoiceDate === null) return sendIssues(reply, lang, [issue("parse.invalid_date", { value: req.body.invoiceDate! }, { source: "invoiceDate" })], 400);
      const r = await runBilling(ctx, { month, ...(invoiceDate ? { invoiceDate } : {}), dryRun: req.body.dryRun ?? false });
      return r.ok ? r.value : sendIssues(reply, lang, r.issues);
    },
  );

  app.get("/api/runs", { config: { roles: ANY_ROLE }, schema: { summary: "Billing runs, oldest first" } }, async (req) => listRuns(routeContext(req, store, now).ctx));

  app.get<{ Params: { id: string }; Querystring: { format?: string; encoding?: "utf-8" | "windows-1252"; label?: string; documents?: boolean } }>(
    "/api/runs/:id/export",
    {
      config: { roles: ANY_ROLE },
      schema: {
        summary: "The invoices of a run as a file (generic, de, datev, custom:PROFILE), base64; with documents=true the HTML invoice documents",
        querystring: { type: "object", properties: { format: { type: "string", default: "generic" }, encoding: { type: "string", enum: ["utf-8", "windows-1252"] }, label: { type: "string" }, documents: { type: "boolean" } } },
      },
    },
    async (req, reply) => {
      const { ctx, lang } = routeContext(req, store, now);
      const format = parseExportFormat(req.query.format ?? "generic");
      if (!format) return sendIssues(reply, lang, [issue("export.unknown_format", { format: req.query.format ?? "" }, { source: "format" })], 400);
      const run = await loadRunInvoices(ctx, req.params.id);
      if (!run.ok) return sendIssues(reply, lang, run.issues, 404);
      const r = await exportInvoiceBatch(ctx, run.value.invoices, {
        format,
        createdAt: localTimestamp(ctx.now()),
        ...(req.query.encoding ? { encoding: req.query.encoding } : {}),
        ...(req.query.label !== undefined ? { label: req.query.label } : {}),
      });
      if (!r.ok) return sendIssues(reply, lang, r.issues);
      const docs = req.query.documents ? await exportInvoiceDocuments(ctx, run.value.invoices) : null;
      if (docs && !docs.ok) return sendIssues(reply, lang, docs.issues);
      return { runId: req.params.id, records: r.value.records, base64: Buffer.from(r.value.bytes).toString("base64"), issues: r.value.issues, documents: docs?.ok ? docs.value.documents : [] };
    },
  );
}
