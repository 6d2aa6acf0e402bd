import { debitNoticeAhead, debitNoticeOfRecord } from "../core/sepa/debit-notice";
import type { Invoice } from "../core/billing/invoice";
import type { Customer } from "../core/contract/model";
import type { IsoDate } from "../core/date/iso-date";
import { Issue, Result, fail, issue, ok } from "../core/issues";
import { importProfilesJson, exportProfilesJson, validateExportProfile, needsAccounts, type ExportProfile } from "../io/export/custom-csv/profile";
import { customCsv } from "../io/export/custom-csv/write";
import { DATEV_SETTINGS_KEY, validateDatevConfig, type DatevConfig } from "../io/export/datev/config";
import { datevExtf } from "../io/export/datev/extf";
import { COMPANY_SETTINGS_KEY, validateCompanyInfo, type CompanyInfo } from "../io/export/documents/company";
import { invoiceBatchDocument, invoiceDocuments, type DocumentContext, type InvoiceDocument } from "../io/export/documents/invoice-html";
import type { IssuedParties } from "../io/export/documents/issued-parties";
import { invoiceCsvBytes } from "../io/export/invoice-csv";
import type { TextEncodingName } from "../io/table/decode";
import type { StoreTx } from "../store/port";
import { debitFactsIn, debitTermsOfInvoice } from "./debit-of-invoices";
import { Decimal } from "../core/money/decimal";
import type { RunRecord, StoredInvoice } from "../store/records";
import { EXPORT_PROFILE_PREFIX } from "../store/settings";
import type { AppContext } from "./context";

export { EXPORT_PROFILE_PREFIX } from "../store/settings";

/**
 * Invoice exports (PRODUCT.md §6.3, issue 10): the batch of a billing run as generic or German CSV,
 * as a DATEV Buchungsstapel, through a saved custom CSV profile, and as invoice documents; the saved
 * settings they use (DATEV settings, company data, export profiles) live in the store's settings.
 * Exporting never changes billing data: a run's invoices are re-exported exactly as billed.
 */

/** Which file an export writes. */
export type InvoiceExportFormat = { kind: "generic" } | { kind: "de" } | { kind: "datev" } | { kind: "custom"; profileId: string };

/** Parses `generic`, `de`, `datev` or `custom:PROFILE_ID`; null for anything else. */
export function parseExportFormat(text: string): InvoiceExportFormat | null {
  if (text === "generic" || text === "de" || text === "datev") return { kind: text };
  const m = /^custom:(.+)$/.exec(text);
  return m ? { kind: "custom", profileId: m[1]! } : null;
}

/** The host's local time as `YYYY-MM-DDTHH:MM:SS.mmm` (DATEV's "Erzeugt am" is local time), from an ISO instant. */
export function localTimestamp(iso: string): string {
  const d = new Date(iso);
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}`;
}


export interface InvoiceExportRequest {
  format: InvoiceExportFormat;
  /** Generic and German CSV only (custom profiles carry their own; DATEV is always Windows-1252). */
  encoding?: TextEncodingName;
  /** DATEV settings to use instead of the saved ones. */
  datev?: DatevConfig;
  /** The host's local time `YYYY-MM-DDTHH:MM:SS.mmm`, DATEV's "Erzeugt am". */
  createdAt: string;
  /** DATEV batch label (Bezeichnung, ≤ 30). */
  label?: string;
}

export interface InvoiceExportFile {
  bytes: Uint8Array;
  /** Warnings and notes; errors fail the export instead. */
  issues: Issue[];
  /** Rows or bookings written (without header lines). */
  records: number;
}

/** The invoices of a stored billing run, exactly as billed. An undone run has none. */
export async function loadRunInvoices(ctx: AppContext, runId: string): Promise<Result<{ run: RunRecord; invoices: Invoice[] }>> {
  return ctx.store.read(async (tx) => {
    const run = await tx.runs.get(runId);
    if (!run) return fail(issue("export.unknown_run", { run: runId }));
    if (run.undoneAt) return fail(issue("export.run_undone", { run: runId }));
    const invoices = (await tx.invoices.ofRun(runId)).map(({ seqInRun: _s, ...inv }) => inv as Invoice);
    if (invoices.length !== run.invoiceRefs.length) return fail(issue("export.run_without_invoices", { run: runId }));
    return ok({ run, invoices });
  });
}

async function customerMap(tx: StoreTx): Promise<Map<string, Customer>> {
  return new Map((await tx.customers.all()).map((c) => [c.no, c]));
}

async function storedSetting<T>(tx: StoreTx, key: typeof DATEV_SETTINGS_KEY | typeof COMPANY_SETTINGS_KEY, validate: (json: unknown) => Result<T>): Promise<Result<T | null>> {
  const value = await tx.settings.get(key);
  if (value === undefined) return ok(null);
  const r = validate(value);
  return r.ok ? r : fail(issue("export.stored_invalid", { key }), ...r.issues);
}

/** The saved DATEV settings, null when none are saved. */
export function loadDatevConfig(ctx: AppContext): Promise<Result<DatevConfig | null>> {
  return ctx.store.read((tx) => storedSetting(tx, DATEV_SETTINGS_KEY, validateDatevConfig));
}

/** The saved company data for invoice documents, null when none is saved. */
export function loadCompanyInfo(ctx: AppContext): Promise<Result<CompanyInfo | null>> {
  return ctx.store.read((tx) => storedSetting(tx, COMPANY_SETTINGS_KEY, validateCompanyInfo));
}

/** Saves (validated) DATEV settings and/or company data, with an audit entry each. */
export async function saveExportSettings(ctx: AppContext, settings: { datev?: DatevConfig; company?: CompanyInfo }): Promise<void> {
  const entries: [typeof DATEV_SETTINGS_KEY | typeof COMPANY_SETTINGS_KEY, unknown][] = [];
  if (settings.datev) entries.push([DATEV_SETTINGS_KEY, settings.datev]);
  if (settings.company) entries.push([COMPANY_SETTINGS_KEY, settings.company]);
  await ctx.store.write(async (tx) => {
    const at = ctx.now();
    for (const [key, value] of entries) {
      const before = await tx.settings.get(key);
      await tx.settings.put(key, value);
      await tx.audit.append([{ at, kind: "settings.update", source: "manual", entity: `setting:${key}`, ...(before !== undefined ? { before } : {}), after: value }]);
    }
  });
}

/** The saved export profiles, by id; invalid saved ones are skipped with a warning. */
export async function listExportProfiles(ctx: AppContext): Promise<{ profiles: ExportProfile[]; issues: Issue[] }> {
  return ctx.store.read((tx) => listProfilesIn(tx));
}

async function listProfilesIn(tx: StoreTx): Promise<{ profiles: ExportProfile[]; issues: Issue[] }> {
  const rows = await tx.settings.withPrefix(EXPORT_PROFILE_PREFIX);
  const profiles: ExportProfile[] = [];
  const issues: Issue[] = [];
  for (const row of rows) {
    const r = validateExportProfile(row.value);
    if (r.ok) profiles.push(r.value);
    else issues.push(issue("export.stored_invalid", { key: row.key }, undefined, "warning"));
  }
  profiles.sort((a, b) => a.id.localeCompare(b.id));
  return { profiles, issues };
}

/** One saved export profile. */
export async function loadExportProfile(ctx: AppContext, id: string): Promise<Result<ExportProfile>> {
  return ctx.store.read((tx) => profileIn(tx, id));
}

async function profileIn(tx: StoreTx, id: string): Promise<Result<ExportProfile>> {
  const value = await tx.settings.getRaw(EXPORT_PROFILE_PREFIX + id);
  if (value === undefined) {
    const { profiles } = await listProfilesIn(tx);
    return fail(issue("export.unknown_profile", { profile: id, profiles: profiles.map((p) => p.id).join(", ") || "—" }));
  }
  const r = validateExportProfile(value);
  return r.ok ? r : fail(issue("export.stored_invalid", { key: EXPORT_PROFILE_PREFIX + id }), ...r.issues);
}

/** Saves validated export profiles (replacing profiles with the same id), with audit entries. */
export async function saveExportProfiles(ctx: AppContext, profiles: readonly ExportProfile[]): Promise<void> {
  await ctx.store.write(async (tx) => {
    const at = ctx.now();
    for (const p of profiles) {
      const key = EXPORT_PROFILE_PREFIX + p.id;
      const before = await tx.settings.getRaw(key);
      await tx.settings.putRaw(key, p);
      await tx.audit.append([{ at, kind: before !== undefined ? "exportProfile.update" : "exportProfile.add", source: "manual", entity: `setting:${key}`, ...(before !== undefined ? { before } : {}), after: p }]);
    }
  });
}

/** Imports profiles from JSON text (an exported file, a list or one profile); all or nothing. */
export async function importExportProfiles(ctx: AppContext, text: string): Promise<Result<ExportProfile[]>> {
  const r = importProfilesJson(text);
  if (r.ok) await saveExportProfiles(ctx, r.value);
  return r;
}

/** Saved export profiles (all, or the given ids) as an export file. */
export async function exportExportProfiles(ctx: AppContext, ids?: readonly string[]): Promise<Result<string>> {
  const { profiles } = await listExportProfiles(ctx);
  if (ids && ids.length > 0) {
    const missing = ids.filter((id) => !profiles.some((p) => p.id === id));
    if (missing.length > 0) return fail(...missing.map((id) => issue("export.unknown_profile", { profile: id, profiles: profiles.map((p) => p.id).join(", ") || "—" })));
    return ok(exportProfilesJson(profiles.filter((p) => ids.includes(p.id))));
  }
  return ok(exportProfilesJson(profiles));
}

/** The DATEV settings to use: the given ones, else the saved ones; an error when neither exists. */
async function datevSettings(tx: StoreTx, given: DatevConfig | undefined, required: boolean): Promise<Result<DatevConfig | undefined>> {
  if (given) return ok(given);
  const stored = await storedSetting(tx, DATEV_SETTINGS_KEY, validateDatevConfig);
  if (!stored.ok) return stored;
  if (stored.value === null) return required ? fail(issue("export.no_datev_config")) : ok(undefined);
  return ok(stored.value);
}

/**
 * The invoice batch as a file in the requested format. Every problem that would make the file wrong
 * (no account, a character the encoding cannot hold, a missing profile) fails the export before any
 * byte is produced.
 */
export async function exportInvoiceBatch(ctx: AppContext, invoices: readonly Invoice[], request: InvoiceExportRequest): Promise<Result<InvoiceExportFile>> {
  return ctx.store.read((tx) => exportBatchIn(tx, invoices, request));
}

async function exportBatchIn(tx: StoreTx, invoices: readonly Invoice[], request: InvoiceExportRequest): Promise<Result<InvoiceExportFile>> {
  const { format } = request;
  if (format.kind === "generic" || format.kind === "de") {
    const { bytes, issues } = invoiceCsvBytes(invoices, format.kind, { encoding: request.encoding ?? "utf-8" });
    return ok({ bytes, issues, records: invoices.reduce((n, i) => n + i.lines.length, 0) });
  }
  const customers = await customerMap(tx);
  if (format.kind === "datev") {
    const config = await datevSettings(tx, request.datev, true);
    if (!config.ok) return config;
    const r = datevExtf(invoices, customers, config.value!, { createdAt: request.createdAt, ...(request.label !== undefined ? { label: request.label } : {}) });
    return r.ok ? ok({ bytes: r.value.bytes, issues: r.value.issues, records: r.value.bookings.length }) : r;
  }
  const profile = await profileIn(tx, format.profileId);
  if (!profile.ok) return profile;
  const accounts = await datevSettings(tx, request.datev, needsAccounts(profile.value));
  if (!accounts.ok) return accounts;
  const r = customCsv(invoices, profile.value, { customers, ...(accounts.value ? { accounts: accounts.value } : {}) });
  return r.ok ? ok({ bytes: r.value.bytes, issues: [], records: r.value.rows }) : r;
}

/** Invoice numbers and dates of every invoice of a run that is not undone (for "Korrektur zu … vom …"). */
async function knownInvoiceDates(tx: StoreTx, invoices: readonly Invoice[]): Promise<Map<string, IsoDate>> {
  const dates = new Map<string, IsoDate>();
  const refs = [...new Set(invoices.flatMap((i) => i.lines.map((l) => l.correctsRef).filter((r): r is string => r !== undefined)))];
  for (const inv of await tx.invoices.getMany(refs)) if (inv) dates.set(inv.invoiceRef, inv.invoiceDate);
  return dates;
}

/**
 * What documents need: the company data and customers as issued for an issued invoice, else the
 * given company data or the saved one and the customers of today; earlier invoice dates.
 */
async function documentContext(tx: StoreTx, invoices: readonly Invoice[], company?: CompanyInfo): Promise<Result<DocumentContext>> {
  const issued = new Map<string, IssuedParties>();
  for (const i of invoices as readonly Pick<StoredInvoice, "invoiceRef" | "issuedParties">[]) if (i.issuedParties) issued.set(i.invoiceRef, i.issuedParties);
  const allIssued = invoices.length > 0 && invoices.every((i) => issued.get(i.invoiceRef)?.seller);
  let info = company ?? (allIssued ? issued.get(invoices[0]!.invoiceRef)!.seller : undefined);
  if (!info) {
    const stored = await storedSetting(tx, COMPANY_SETTINGS_KEY, validateCompanyInfo);
    if (!stored.ok) return stored;
    if (stored.value === null) return fail(issue("export.no_company"));
    info = stored.value;
  }
  const invoiceDates = await knownInvoiceDates(tx, invoices);
  for (const inv of invoices) invoiceDates.set(inv.invoiceRef, inv.invoiceDate);
  return ok({ company: info, customers: await customerMap(tx), issued, invoiceDates, ...(await debitWordsOf(tx, invoices)) });
}

/** One HTML document per invoice, with the given company data or the saved one. */
export async function exportInvoiceDocuments(ctx: AppContext, invoices: readonly Invoice[], company?: CompanyInfo): Promise<Result<{ documents: InvoiceDocument[]; issues: Issue[] }>> {
  const context = await ctx.store.read((tx) => documentContext(tx, invoices, company));
  return context.ok ? invoiceDocuments(invoices, context.value) : context;
}

/** All invoices in one printable HTML document (the task pane's download), with the saved company data. */
export async function exportInvoiceBatchDocument(ctx: AppContext, invoices: readonly Invoice[], title: string, company?: CompanyInfo): Promise<Result<{ html: string; issues: Issue[] }>> {
  const context = await ctx.store.read((tx) => documentContext(tx, invoices, company));
  return context.ok ? invoiceBatchDocument(invoices, context.value, title) : context;
}

/**
 * The direct debit pre-notification of the invoices of direct-debit customers: of one already in a
 * SEPA file (the latest file when it was exported again) when and from which account it is collected;
 * of one not yet collected, the earliest date under the mandate it was issued with (a draft: today's),
 * so a document printed before the SEPA file does not ask a direct-debit customer to transfer.
 * And of their credits, the account a credit is paid out to (the mandate's), as their e-invoices name it.
 */
async function debitWordsOf(tx: StoreTx, invoices: readonly Invoice[]): Promise<{ debitNotices: Map<string, Issue>; refundIbans: Map<string, string> }> {
  const facts = await debitFactsIn(tx, invoices);
  const notices = new Map([...facts.collected].map(([ref, r]) => [ref, debitNoticeOfRecord(r)]));
  const refundIbans = new Map<string, string>();
  for (const inv of invoices) {
    const gross = new Decimal(inv.grossTotal);
    if (gross.isNegative()) {
      const terms = debitTermsOfInvoice(inv as Invoice & Partial<StoredInvoice>, facts);
      if (terms) refundIbans.set(inv.invoiceRef, terms.iban);
      continue;
    }
    if (notices.has(inv.invoiceRef) || !gross.greaterThan(0)) continue;
    const terms = debitTermsOfInvoice(inv as Invoice & Partial<StoredInvoice>, facts);
    const notice = terms ? debitNoticeAhead(inv.invoiceRef, inv.invoiceDate, terms) : undefined;
    if (notice) notices.set(inv.invoiceRef, notice);
  }
  return { debitNotices: notices, refundIbans };
}
