import { join } from "node:path";
import { auditExport } from "../../app/audit-export";
import { germanDate } from "../../core/date/iso-date";
import { loadCompanyInfo } from "../../app/export-invoices";
import { optional, parseArgs, required, requiredDate, UsageError } from "../args";
import type { Command } from "../cli-io";
import { printJson, reportIssues } from "../report";
import { withWorkspace } from "../store";


export const exportAuditCommand: Command = {
  name: "export-audit",
  usage: "export-audit --workspace W --from YYYY-MM-DD --to YYYY-MM-DD --out DIR [--encoding windows-1252|utf-8] [--json]",
  summary: "auditor export (GDPdU / Z3): invoices, lines, ledger and audit log of a period as CSV with index.xml (description standard)",
  async run(argv, io) {
    const args = parseArgs(argv, ["workspace", "from", "to", "out", "encoding"], ["json"]);
    const from = requiredDate(args, "from");
    const to = requiredDate(args, "to");
    if (from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
    const dir = required(args, "out");
    const encoding = optional(args, "encoding") ?? "windows-1252";
    if (encoding !== "windows-1252" && encoding !== "utf-8") throw new UsageError(`--encoding: "${encoding}" is not windows-1252 or utf-8`);
    return withWorkspace(
      required(args, "workspace"),
      io,
      async (ctx, outputs) => {
        const company = await loadCompanyInfo(ctx);
        const supplier = company.ok && company.value ? { name: company.value.name, location: company.value.address.split("\n").slice(-1)[0] ?? "", comment: "MSP Billing" } : undefined;
        const r = await auditExport(ctx, from, to, {
          encoding,
          mediaName: `Rechnungsdaten ${germanDate(from)} – ${germanDate(to)}`,
          ...(supplier ? { dataSupplier: supplier } : {}),
        });
        if (!r.ok) {
          reportIssues(io, r.issues);
          return { code: 1, save: false };
        }
        const paths = r.value.files.map((f) => {
          const path = join(dir, f.name);
          outputs.add(path, f.bytes);
          return path;
        });
        if (args.flags.has("json")) printJson(io, { from, to, files: paths, rows: r.value.rows });
        else io.out(`export-audit: ${paths.length} files in ${dir} (${Object.entries(r.value.rows).map(([t, n]) => `${t} ${n}`).join(", ")})\n`);
        return { code: 0, save: false };
      },
      "read",
    );
  },
};
