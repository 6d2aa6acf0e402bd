import { exportMaster } from "../../app/export-master";
import { optional, parseArgs, required } from "../args";
import type { Command } from "../cli-io";
import { withWorkspace } from "../store";

export const exportMasterCommand: Command = {
  name: "export-master",
  usage: "export-master --workspace W --out CONTRACTS.csv [--articles ARTICLES.csv] [--mappings MAPPINGS.csv] [--json]",
  summary: "export contracts (with version history), articles and mappings as CSV",
  async run(argv, io) {
    const args = parseArgs(argv, ["workspace", "out", "articles", "mappings"], ["json"]);
    const workspace = required(args, "workspace");
    const out = required(args, "out");
    let summary = "";
    const code = await withWorkspace(workspace, io, async (ctx, outputs) => {
      const files = await exportMaster(ctx);
      outputs.add(out, files.contracts);
      const articles = optional(args, "articles");
      if (articles) outputs.add(articles, files.articles);
      const mappings = optional(args, "mappings");
      if (mappings) outputs.add(mappings, files.mappings);
      const rows = files.contracts.split("\r\n").length - 2;
      summary = args.flags.has("json") ? JSON.stringify({ written: outputs.paths, contractRows: rows }, null, 2) + "\n" : `export-master: ${rows} contract rows → ${outputs.paths.join(", ")}\n`;
      return { code: 0, save: false };
    }, "read");
    if (code === 0) io.out(summary);
    return code;
  },
};
