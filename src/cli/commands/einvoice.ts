import { readFileSync } from "node:fs";
import { join } from "node:path";
import { eInvoicesOfRun } from "../../app/einvoice-run";
import { EINVOICE_FORMATS, type EInvoiceFormat } from "../../core/einvoice/model";
import { EINVOICE_FONT_MODULES, type PdfFonts } from "../../io/einvoice/invoice-pdf";
import { optional, parseArgs, required, UsageError } from "../args";
import type { Command } from "../cli-io";
import { printJson, reportIssues } from "../report";
import { withWorkspace } from "../store";

function nodeFonts(): PdfFonts {
  return {
    regular: new Uint8Array(readFileSync(require.resolve(EINVOICE_FONT_MODULES.regular))),
    bold: new Uint8Array(readFileSync(require.resolve(EINVOICE_FONT_MODULES.bold))),
  };
}

export const einvoiceCommand: Command = {
  name: "einvoice",
  usage: "einvoice --workspace W --run ID --out DIR [--format xrechnung-cii|xrechnung-ubl|zugferd] [--json]",
  summary: "write the e-invoices (XRechnung 3.0 CII by default, UBL, or ZUGFeRD EN 16931 PDF) of every invoice of a run; issues a draft run; missing master data fails naming the setting or customer, nothing issued or written",
  async run(argv, io) {
    const args = parseArgs(argv, ["workspace", "run", "out", "format"], ["json"]);
    const runId = required(args, "run");
    const dir = required(args, "out");
    const formatText = optional(args, "format") ?? "xrechnung-cii";
    if (!(EINVOICE_FORMATS as readonly string[]).includes(formatText)) throw new UsageError(`--format: "${formatText}" is not one of ${EINVOICE_FORMATS.join(", ")}`);
    const format = formatText as EInvoiceFormat;
    return withWorkspace(required(args, "workspace"), io, async (ctx, outputs) => {
      const r = await eInvoicesOfRun(ctx, runId, format, format === "zugferd" ? { fonts: nodeFonts() } : {});
      if (!r.ok) {
        reportIssues(io, r.issues);
        return { code: 1, save: false };
      }
      reportIssues(io, r.value.issues);
      const paths = r.value.files.map((f) => {
        const path = join(dir, f.fileName);
        outputs.add(path, f.bytes);
        return path;
      });
      if (args.flags.has("json")) printJson(io, { run: runId, format, issuedNow: r.value.issuedNow, files: paths });
      else io.out(`einvoice: ${paths.length} ${format} file(s) in ${dir}${r.value.issuedNow ? ` (run ${runId} issued)` : ""}\n`);
      return { code: 0, save: true };
    });
  },
};
