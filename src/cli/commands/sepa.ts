import { exportMandatesCsv, importMandates } from "../../app/mandates";
import { exportSepaRun, sepaReportCsv } from "../../app/sepa-run";
import { setSepaSettings, storedSepaSettings } from "../../app/sepa-settings";
import { parseIsoDate } from "../../core/date/iso-date";
import { formatIssue } from "../../core/messages";
import { optional, parseArgs, required, UsageError } from "../args";
import type { Command } from "../cli-io";
import { readInputFiles, singleTextFile } from "../read-input";
import { printJson, reportIssues } from "../report";
import { withWorkspace } from "../store";

export const sepaSettingsCommand: Command = {
  name: "sepa settings",
  usage: "sepa settings --workspace W [SEPA.json]",
  summary: "set the direct debit settings (creditor name, creditor id, our IBAN/BIC; checked), or print them without a file",
  async run(argv, io) {
    const args = parseArgs(argv, ["workspace"], []);
    const workspace = required(args, "workspace");
    if (args.positionals.length === 0) {
      return withWorkspace(workspace, io, async (ctx) => {
        printJson(io, await storedSepaSettings(ctx));
        return { code: 0, save: false };
      }, "read");
    }
    const input = singleTextFile(args.positionals, "direct debit settings JSON file");
    if (!input.ok) {
      reportIssues(io, input.issues);
      return 1;
    }
    return withWorkspace(workspace, io, async (ctx) => {
      const r = await setSepaSettings(ctx, input.value.text);
      if (!r.ok) {
        const n = reportIssues(io, r.issues);
        io.err(`sepa settings: ${n} error(s); the settings were not changed.\n`);
        return { code: 1, save: false };
      }
      io.out(`sepa settings: creditor ${r.value.creditorId}, account ${r.value.iban} stored\n`);
      return { code: 0, save: true };
    });
  },
};

export const mandatesImportCommand: Command = {
  name: "mandates import",
  usage: "mandates import --workspace W MANDATES.csv [--json]",
  summary: "import SEPA mandates (columns in README); all or nothing, errors by row and column; undo with `undo --batch`",
  async run(argv, io) {
    const args = parseArgs(argv, ["workspace"], ["json"]);
    const workspace = required(args, "workspace");
    if (args.positionals.length !== 1) throw new UsageError("give exactly one mandates CSV file");
    const files = readInputFiles(args.positionals);
    if (!files.ok) {
      reportIssues(io, files.issues);
      return 1;
    }
    return withWorkspace(workspace, io, async (ctx) => {
      const r = await importMandates(ctx, files.value[0]!);
      if (!r.ok) {
        const n = reportIssues(io, r.issues);
        io.err(`mandates import: ${n} error(s); nothing was imported.\n`);
        return { code: 1, save: false };
      }
      const s = r.value;
      if (args.flags.has("json")) printJson(io, s);
      else io.out(`mandates import: ${s.added} added, ${s.changed} changed, ${s.unchanged} unchanged${s.batchId ? ` (batch ${s.batchId})` : ""}\n`);
      return { code: 0, save: true };
    });
  },
};

export const mandatesExportCommand: Command = {
  name: "mandates export",
  usage: "mandates export --workspace W --out MANDATES.csv",
  summary: "export the SEPA mandates as CSV (the import's columns)",
  async run(argv, io) {
    const args = parseArgs(argv, ["workspace", "out"], []);
    const out = required(args, "out");
    let count = 0;
    const code = await withWorkspace(required(args, "workspace"), io, async (ctx, outputs) => {
      const r = await exportMandatesCsv(ctx);
      outputs.add(out, r.csv);
      count = r.count;
      return { code: 0, save: false };
    }, "read");
    if (code === 0) io.out(`mandates export: ${count} mandate(s) → ${out}\n`);
    return code;
  },
};

export const sepaCommand: Command = {
  name: "sepa",
  usage: "sepa --workspace W --run ID --collection-date YYYY-MM-DD --out FILE.xml [--report REPORT.csv] [--repeat] [--json]",
  summary: "write the pain.008.001.08 direct debit file of a run (B2B in FILE-b2b.xml) and report what was left out; --repeat to export invoices of an earlier file again",
  async run(argv, io) {
    const args = parseArgs(argv, ["workspace", "run", "collection-date", "out", "report"], ["repeat", "json"]);
    const workspace = required(args, "workspace");
    const runId = required(args, "run");
    const out = required(args, "out");
    const date = parseIsoDate(required(args, "collection-date"));
    if (!date) throw new UsageError("--collection-date must be a date YYYY-MM-DD");
    const reportPath = optional(args, "report");
    let summary = "";
    const code = await withWorkspace(workspace, io, async (ctx, outputs) => {
      const r = await exportSepaRun(ctx, { runId, collectionDate: date, repeat: args.flags.has("repeat") });
      if (!r.ok) {
        const n = reportIssues(io, r.issues);
        io.err(`sepa: ${n} error(s); no file was written and nothing was recorded.\n`);
        return { code: 1, save: false };
      }
      const { files, plan, report } = r.value;
      const paths = files.map((f) => (f.scheme === "CORE" || files.length === 1 ? out : out.replace(/(\.xml)?$/i, "-b2b.xml")));
      files.forEach((f, i) => outputs.add(paths[i]!, f.xml));
      if (reportPath) outputs.add(reportPath, sepaReportCsv(plan, (i) => formatIssue(i, io.lang)));
      reportIssues(io, report);
      summary = args.flags.has("json")
        ? JSON.stringify({ files: files.map((f, i) => ({ path: paths[i], scheme: f.scheme, messageId: f.messageId, count: f.count, total: f.total, repeat: f.repeat })), leftOut: plan.leftOut.map((l) => ({ invoice: l.invoiceRef, customer: l.customerNo, reason: l.reason })) }, null, 2) + "\n"
        : files.map((f, i) => `sepa: ${f.count} collection(s), EUR ${f.total} (${f.scheme}${f.repeat ? ", REPEAT" : ""}, ${f.messageId}) → ${paths[i]}\n`).join("") + `sepa: ${plan.leftOut.length} document(s) not collected (see the report)\n`;
      return { code: 0, save: true };
    });
    if (code === 0) io.out(summary);
    return code;
  },
};

export const SEPA_COMMANDS: Command[] = [sepaSettingsCommand, mandatesImportCommand, mandatesExportCommand, sepaCommand];
