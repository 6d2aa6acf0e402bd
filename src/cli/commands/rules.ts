import { setRules, storedRules } from "../../app/time";
import { EMPTY_RULES } from "../../core/time/rules";
import { parseArgs, required } from "../args";
import { singleTextFile } from "../read-input";
import type { Command } from "../cli-io";
import { printJson, reportIssues } from "../report";
import { withWorkspace } from "../store";

export const rulesSetCommand: Command = {
  name: "rules set",
  usage: "rules set --workspace W RULES.json [--json]",
  summary: "set the time and click rules (company defaults and per-contract overrides; shape in README); errors name the JSON path",
  async run(argv, io) {
    const args = parseArgs(argv, ["workspace"], ["json"]);
    const workspace = required(args, "workspace");
    const input = singleTextFile(args.positionals, "rules JSON file");
    if (!input.ok) {
      reportIssues(io, input.issues);
      return 1;
    }
    const { file, text } = input.value;
    return withWorkspace(workspace, io, async (ctx) => {
      const r = await setRules(ctx, text, file);
      if (!r.ok) {
        const n = reportIssues(io, r.issues);
        io.err(`rules set: ${n} error(s); the rules were not changed.\n`);
        return { code: 1, save: false };
      }
      reportIssues(io, r.value.warnings);
      if (args.flags.has("json")) printJson(io, { contracts: r.value.contracts, warnings: r.value.warnings.length });
      else io.out(`rules set: company defaults and rules for ${r.value.contracts} contract(s) stored\n`);
      return { code: 0, save: true };
    });
  },
};

export const rulesShowCommand: Command = {
  name: "rules show",
  usage: "rules show --workspace W",
  summary: "print the stored time and click rules as JSON",
  async run(argv, io) {
    const args = parseArgs(argv, ["workspace"], []);
    return withWorkspace(required(args, "workspace"), io, async (ctx) => {
      printJson(io, (await storedRules(ctx)) ?? EMPTY_RULES);
      return { code: 0, save: false };
    }, "read");
  },
};
