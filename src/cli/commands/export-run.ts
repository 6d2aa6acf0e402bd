import { pushAll } from "../../core/array";

import { join } from "node:path";
import type { AppContext } from "../../app/context";
import {
  exportExportProfiles,
  exportInvoiceBatch,
  exportInvoiceDocuments,
  importExportProfiles,
  listExportProfiles,
  loadCompanyInfo,
  loadDatevConfig,
  loadRunInvoices,
  parseExportFormat,
  saveExportSettings,
  type InvoiceExportFormat,
} from "../../app/export-invoices";
import type { Invoice } from "../../core/billing/invoice";
import { Issue, Result, fail } from "../../core/issues";
import { parseDatevConfig, type DatevConfig } from "../../io/export/datev/config";
import { parseCompanyInfo, type CompanyInfo } from "../../io/export/documents/company";
import type { TextEncodingName } from "../../io/table/decode";
import { ParsedArgs, optional, parseArgs, required, UsageError } from "../args";
import { readTextFile, singleTextFile } from "../read-input";
import type { CliIo, Command } from "../cli-io";
import { printJson, reportIssues } from "../report";
import { localTimestamp } from "../../app/export-invoices";
import type { OutputFiles } from "../store";
import { finalizeRun } from "../../app/issue-run";
import { withWorkspace } from "../store";

/** Export options shared by `bill` and `export`. */
export const EXPORT_VALUE_OPTIONS = ["format", "encoding", "datev-config", "company", "documents", "label"] as const;

export interface ExportOptions {
  format: InvoiceExportFormat;
  encoding: TextEncodingName;
  datev?: DatevConfig;
  company?: CompanyInfo;
  documentsDir?: string;
  label?: string;
}

function readJsonFile<T>(file: string, parse: (text: string) => Result<T>): Result<T> {
  const text = readTextFile(file);
  if (!text.ok) return text;
  const r = parse(text.value);
  return r.ok ? r : fail(...r.issues.map((i) => ({ ...i, where: { source: file, ...i.where } })));
}

/**
 * Reads `--format`, `--encoding`, `--datev-config`, `--company`, `--documents`, `--label`: usage
 * errors throw, unreadable or invalid settings files are issues (checked before anything is billed).
 */
export function readExportOptions(args: ParsedArgs): Result<ExportOptions> {
  const formatText = optional(args, "format") ?? "generic";
  const format = parseExportFormat(formatText);
  if (!format) throw new UsageError("--format must be generic, de, datev or custom:PROFILE_ID");
  const enc = optional(args, "encoding");
  if (enc !== undefined && enc !== "utf-8" && enc !== "windows-1252") throw new UsageError("--encoding must be utf-8 or windows-1252");
  if (enc !== undefined && format.kind !== "generic" && format.kind !== "de") throw new UsageError("--encoding applies to --format generic and de only (DATEV is always Windows-1252; a custom profile names its own)");
  const label = optional(args, "label");
  if (label !== undefined && format.kind !== "datev") throw new UsageError("--label applies to --format datev only");
  const issues: Issue[] = [];
  const out: ExportOptions = { format, encoding: enc ?? "utf-8" };
  const datevFile = optional(args, "datev-config");
  if (datevFile !== undefined) {
    const r = readJsonFile(datevFile, parseDatevConfig);
    if (r.ok) out.datev = r.value;
    else pushAll(issues, r.issues);
  }
  const companyFile = optional(args, "company");
  if (companyFile !== undefined) {
    const r = readJsonFile(companyFile, parseCompanyInfo);
    if (r.ok) out.company = r.value;
    else pushAll(issues, r.issues);
  }
  const documentsDir = optional(args, "documents");
  if (documentsDir !== undefined) out.documentsDir = documentsDir;
  if (label !== undefined) out.label = label;
  return issues.length > 0 ? fail(...issues) : { ok: true, value: out };
}

/** What {@link writeExports} wrote. */
export interface ExportsWritten {
  records: number;
  documents: string[];
}

/**
 * Produces the batch file (when `out` is given) and the invoice documents (with `--documents`) and
 * writes them only when all of them succeeded; otherwise reports the issues and writes nothing.
 */
export async function writeExports(ctx: AppContext, io: CliIo, invoices: readonly Invoice[], options: ExportOptions, out: string | undefined, outputs: OutputFiles): Promise<ExportsWritten | null> {
  const files: [string, string | Uint8Array][] = [];
  let records = 0;
  if (out !== undefined) {
    const r = await exportInvoiceBatch(ctx, invoices, {
      format: options.format,
      encoding: options.encoding,
      createdAt: localTimestamp(ctx.now()),
      ...(options.datev ? { datev: options.datev } : {}),
      ...(options.label !== undefined ? { label: options.label } : {}),
    });
    if (!r.ok) {
      reportIssues(io, r.issues);
      return null;
    }
    reportIssues(io, r.value.issues);
    files.push([out, r.value.bytes]);
    records = r.value.records;
  }
  const documents: string[] = [];
  if (options.documentsDir !== undefined) {
    const r = await exportInvoiceDocuments(ctx, invoices, options.company);
    if (!r.ok) {
      reportIssues(io, r.issues);
      return null;
    }
    reportIssues(io, r.value.issues);
    for (const d of r.value.documents) {
      const path = join(options.documentsDir, d.fileName);
      files.push([path, d.html]);
      documents.push(path);
    }
  }
  for (const [path, content] of files) outputs.add(path, content);
  return { records, documents };
}

export const exportRunCommand: Command = {
  name: "export",
  usage:
    "export --workspace W --run RUN_ID [--out FILE] [--format generic|de|datev|custom:PROFILE] [--encoding utf-8|windows-1252] [--datev-config DATEV.json] [--label TEXT] [--documents DIR] [--company COMPANY.json] [--json]",
  summary: "export the invoices of a stored billing run again: CSV, DATEV Buchungsstapel, a custom profile, and/or one HTML document per invoice",
  async run(argv, io) {
    const args = parseArgs(argv, ["workspace", "run", "out", ...EXPORT_VALUE_OPTIONS], ["json"]);
    const workspace = required(args, "workspace");
    const runId = required(args, "run");
    const out = optional(args, "out");
    if (out === undefined && optional(args, "documents") === undefined) throw new UsageError("give --out FILE, --documents DIR, or both");
    const options = readExportOptions(args);
    if (!options.ok) {
      reportIssues(io, options.issues);
      return 1;
    }
    return withWorkspace(workspace, io, async (ctx, outputs) => {
      const run = await loadRunInvoices(ctx, runId);
      if (!run.ok) {
        reportIssues(io, run.issues);
        return { code: 1, save: false };
      }
      const written = await writeExports(ctx, io, run.value.invoices, options.value, out, outputs);
      if (!written) {
        io.err("export: nothing was written.\n");
        return { code: 1, save: false };
      }
      // The first export or print of a run issues it (GoBD): from now on undo is refused.
      // The documents' company data (`--company`) is what the issued invoices keep as their seller.
      const issued = await finalizeRun(ctx, runId, out !== undefined ? "export" : "documents", written.documents.length > 0 ? options.value.company : undefined);
      if (!issued.ok) {
        reportIssues(io, issued.issues);
        return { code: 1, save: false };
      }
      const summary = { runId, invoices: run.value.invoices.length, records: written.records, out: out ?? null, documents: written.documents, issuedAt: issued.value.issuedAt };
      if (args.flags.has("json")) printJson(io, summary);
      else
        io.out(
          `export ${runId}: ${run.value.invoices.length} invoices` +
            (out !== undefined ? `, ${written.records} ${options.value.format.kind === "datev" ? "bookings" : "rows"} → ${out}` : "") +
            (written.documents.length > 0 ? `, ${written.documents.length} documents → ${options.value.documentsDir}` : "") +
            "\n",
        );
      return { code: 0, save: true };
    });
  },
};

export const exportSettingsCommand: Command = {
  name: "export-settings",
  usage: "export-settings --workspace W [--datev-config DATEV.json] [--company COMPANY.json] [--json]",
  summary: "save the DATEV settings and/or the company data for invoice documents (validated); without files, show the saved ones",
  async run(argv, io) {
    const args = parseArgs(argv, ["workspace", "datev-config", "company"], ["json"]);
    const workspace = required(args, "workspace");
    const issues: Issue[] = [];
    const settings: { datev?: DatevConfig; company?: CompanyInfo } = {};
    const datevFile = optional(args, "datev-config");
    if (datevFile !== undefined) {
      const r = readJsonFile(datevFile, parseDatevConfig);
      if (r.ok) settings.datev = r.value;
      else pushAll(issues, r.issues);
    }
    const companyFile = optional(args, "company");
    if (companyFile !== undefined) {
      const r = readJsonFile(companyFile, parseCompanyInfo);
      if (r.ok) settings.company = r.value;
      else pushAll(issues, r.issues);
    }
    if (issues.length > 0) {
      reportIssues(io, issues);
      io.err("export-settings: nothing was saved.\n");
      return 1;
    }
    return withWorkspace(workspace, io, async (ctx) => {
      if (settings.datev || settings.company) {
        await saveExportSettings(ctx, settings);
        io.out(`export-settings: saved ${[settings.datev && "DATEV settings", settings.company && "company data"].filter(Boolean).join(" and ")}\n`);
        return { code: 0, save: true };
      }
      const datev = await loadDatevConfig(ctx);
      const company = await loadCompanyInfo(ctx);
      const stored = { datev: datev.ok ? datev.value : null, company: company.ok ? company.value : null };
      reportIssues(io, [...(datev.ok ? [] : datev.issues), ...(company.ok ? [] : company.issues)]);
      if (args.flags.has("json")) printJson(io, stored);
      else io.out(JSON.stringify(stored, null, 2) + "\n");
      return { code: 0, save: false };
    });
  },
};

export const exportProfileImportCommand: Command = {
  name: "export-profile import",
  usage: "export-profile import --workspace W PROFILES.json [--json]",
  summary: "save custom CSV export profiles from a JSON file (one profile, a list, or an exported file; all or nothing)",
  async run(argv, io) {
    const args = parseArgs(argv, ["workspace"], ["json"]);
    const input = singleTextFile(args.positionals, "profile JSON file");
    if (!input.ok) {
      reportIssues(io, input.issues);
      return 1;
    }
    const { file, text } = input.value;
    return withWorkspace(required(args, "workspace"), io, async (ctx) => {
      const r = await importExportProfiles(ctx, text);
      if (!r.ok) {
        reportIssues(io, r.issues.map((i) => ({ ...i, where: { source: file, ...i.where } })));
        io.err("export-profile import: nothing was saved.\n");
        return { code: 1, save: false };
      }
      if (args.flags.has("json")) printJson(io, { saved: r.value.map((p) => p.id) });
      else io.out(`export-profile import: saved ${r.value.map((p) => `${p.id} (${p.name})`).join(", ")}\n`);
      return { code: 0, save: true };
    });
  },
};

export const exportProfileExportCommand: Command = {
  name: "export-profile export",
  usage: "export-profile export --workspace W [--out PROFILES.json] [--id ID…]",
  summary: "write saved custom CSV export profiles as JSON",
  async run(argv, io) {
    const args = parseArgs(argv, ["workspace", "out", "id"], []);
    return withWorkspace(required(args, "workspace"), io, async (ctx, outputs) => {
      const r = await exportExportProfiles(ctx, args.options.get("id"));
      if (!r.ok) {
        reportIssues(io, r.issues);
        return { code: 1, save: false };
      }
      const out = optional(args, "out");
      if (out) outputs.add(out, r.value);
      else io.out(r.value);
      return { code: 0, save: false };
    }, "read");
  },
};

export const exportProfileListCommand: Command = {
  name: "export-profile list",
  usage: "export-profile list --workspace W [--json]",
  summary: "list saved custom CSV export profiles",
  async run(argv, io) {
    const args = parseArgs(argv, ["workspace"], ["json"]);
    return withWorkspace(required(args, "workspace"), io, async (ctx) => {
      const { profiles, issues } = await listExportProfiles(ctx);
      reportIssues(io, issues);
      const list = profiles.map((p) => ({ id: p.id, name: p.name, level: p.level, columns: p.columns.length }));
      if (args.flags.has("json")) printJson(io, list);
      else for (const p of list) io.out(`${p.id}\t${p.level}\t${p.columns} columns\t${p.name}\n`);
      return { code: 0, save: false };
    }, "read");
  },
};

export const EXPORT_COMMANDS: Command[] = [exportRunCommand, exportSettingsCommand, exportProfileImportCommand, exportProfileExportCommand, exportProfileListCommand];
