import { exportMaster } from "../../app/export-master";
import { optional, parseArgs, required } from "../args";
import type { Command } from "../cli-io";
import { openWorkspace, writeFileAtomic } from "../workspace";
import { printJson, reportIssues } from "../report";

export const exportMasterCommand: Command = {
  name: "export-master",
  usage: "export-master --workspace W --out CONTRACTS.csv [--articles ARTICLES.csv] [--mappings MAPPINGS.csv] [--json]",
  summary: "export contracts (with version history), articles and mappings as CSV",
  async run(argv, io) {
    const args = parseArgs(argv, ["workspace", "out", "articles", "mappings"], ["json"]);
    const workspace = required(args, "workspace");
    const out = required(args, "out");
    const opened = await openWorkspace(workspace);
    if (!opened.ok) { reportIssues(io, opened.issues); return 1; }
    const files = await exportMaster(opened.value);
    opened.value.close();
    const written: string[] = [];
    writeFileAtomic(out, files.contracts);
    written.push(out);
    const articles = optional(args, "articles");
    if (articles) {
      writeFileAtomic(articles, files.articles);
      written.push(articles);
    }
    const mappings = optional(args, "mappings");
    if (mappings) {
      writeFileAtomic(mappings, files.mappings);
      written.push(mappings);
    }
    const rows = files.contracts.split("\r\n").length - 2;
    if (args.flags.has("json")) printJson(io, { written, contractRows: rows });
    else io.out(`export-master: ${rows} contract rows → ${written.join(", ")}\n`);
    return 0;
  },
};
