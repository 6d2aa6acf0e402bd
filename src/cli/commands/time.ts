import { importTime, loadTimeProfiles, saveTimeProfiles, timeBalance } from "../../app/time";
import { parseIsoMonth } from "../../core/date/iso-month";
import { issue } from "../../core/issues";
import { BUILTIN_TIME_PROFILES } from "../../io/time/profiles/builtin";
import { parseStrictDate } from "../../io/table/cell-reader";
import { optional, parseArgs, required, UsageError } from "../args";
import { singleTextFile } from "../read-input";
import type { Command } from "../cli-io";
import { readInputFiles } from "../read-input";
import { printJson, reportIssues } from "../report";
import { withWorkspace } from "../store";

export const timeImportCommand: Command = {
  name: "time import",
  usage: "time import --workspace W FILE [--profile ID] [--date YYYY-MM-DD] [--json]",
  summary: "import ticket time entries (generic CSV or a time profile); any error imports nothing, the same file twice adds nothing",
  async run(argv, io) {
    const args = parseArgs(argv, ["workspace", "profile", "date"], ["json"]);
    const workspace = required(args, "workspace");
    if (args.positionals.length !== 1) throw new UsageError("name exactly one time-entry file");
    const dateText = optional(args, "date");
    const date = dateText === undefined ? undefined : parseStrictDate(dateText);
    if (date === null) {
      reportIssues(io, [issue("parse.invalid_date", { value: dateText! }, { source: "--date" })]);
      return 1;
    }
    const files = readInputFiles(args.positionals);
    if (!files.ok) { reportIssues(io, files.issues); return 1; }
    const profileId = optional(args, "profile");
    return withWorkspace(workspace, io, async (ctx) => {
      const r = await importTime(ctx, files.value[0]!, { ...(profileId ? { profileId } : {}), ...(date ? { date } : {}) });
      if (!r.ok) {
        const n = reportIssues(io, r.issues);
        io.err(`time import: ${n} error(s); nothing was imported, the workspace is unchanged.\n`);
        return { code: 1, save: false };
      }
      const s = r.value;
      reportIssues(io, s.warnings);
      if (args.flags.has("json")) printJson(io, { ...s, warnings: s.warnings.length });
      else
        io.out(
          `time import: ${files.value[0]!.name} (profile ${s.profile}): ${s.rows} entries, ${s.added} new, ${s.changed} changed, ${s.unchanged} unchanged, ${s.nonBillable} not billable\n` +
            (s.batchId ? `  batch ${s.batchId}\n` : "  nothing new to import\n"),
        );
      return { code: 0, save: s.batchId !== null };
    });
  },
};

export const timeProfileCommand: Command = {
  name: "time profile",
  usage: "time profile add --workspace W PROFILE.json | time profile list --workspace W [--json]",
  summary: "save a column-mapping profile for another ticket system's time export, or list the time profiles",
  async run(argv, io) {
    const [verb, ...rest] = argv;
    if (verb !== "add" && verb !== "list") throw new UsageError("say `add` or `list`");
    const args = parseArgs(rest, ["workspace"], ["json"]);
    const workspace = required(args, "workspace");
    if (verb === "list") {
      return withWorkspace(workspace, io, async (ctx) => {
        const builtin = new Set(BUILTIN_TIME_PROFILES.map((p) => p.id));
        const list = (await ctx.store.read((tx) => loadTimeProfiles(tx))).map((p) => ({ id: p.id, kind: builtin.has(p.id) ? "built-in" : "saved", name: p.name }));
        if (args.flags.has("json")) printJson(io, list);
        else for (const p of list) io.out(`${p.id}\t${p.kind}\t${p.name}\n`);
        return { code: 0, save: false };
      }, "read");
    }
    const input = singleTextFile(args.positionals, "profile JSON file");
    if (!input.ok) {
      reportIssues(io, input.issues);
      return 1;
    }
    const { file, text } = input.value;
    return withWorkspace(workspace, io, async (ctx) => {
      const r = await saveTimeProfiles(ctx, text);
      if (!r.ok) {
        reportIssues(io, r.issues.map((i) => ({ ...i, where: { source: file, ...i.where } })));
        io.err("time profile add: nothing was saved.\n");
        return { code: 1, save: false };
      }
      io.out(`time profile add: saved ${r.value.map((p) => p.id).join(", ")}\n`);
      return { code: 0, save: true };
    });
  },
};

export const timeBalanceCommand: Command = {
  name: "time balance",
  usage: "time balance --workspace W --contract NO --period YYYY-MM [--json]",
  summary: "contingent balance of a contract for a month: start, credited, used, remaining, overrun (hours; unbilled entries counted provisionally)",
  async run(argv, io) {
    const args = parseArgs(argv, ["workspace", "contract", "period"], ["json"]);
    const workspace = required(args, "workspace");
    const contractNo = required(args, "contract");
    const monthText = required(args, "period");
    const month = parseIsoMonth(monthText);
    if (!month) {
      reportIssues(io, [issue("parse.invalid_month", { value: monthText }, { source: "--period" })]);
      return 1;
    }
    return withWorkspace(workspace, io, async (ctx) => {
      const r = await timeBalance(ctx, contractNo, month);
      if (!r.ok) {
        reportIssues(io, r.issues);
        return { code: 1, save: false };
      }
      const b = r.value;
      const h = (d: { toFixed: (n: number) => string }) => d.toFixed(2);
      const row = { contract: b.contractNo, month: b.month, start: h(b.start), credited: h(b.credited), used: h(b.used), remaining: h(b.remaining), overrun: h(b.overrun), included: h(b.included), includedUsed: h(b.includedUsed), pendingEntries: b.pendingEntries };
      if (args.flags.has("json")) printJson(io, row);
      else
        io.out(
          `time balance ${b.contractNo} ${b.month} (hours): start ${row.start}, credited ${row.credited}, used ${row.used}, remaining ${row.remaining}, overrun ${row.overrun}; included ${row.included}, used ${row.includedUsed}` +
            (b.pendingEntries > 0 ? `; ${b.pendingEntries} entries not billed yet are counted provisionally\n` : "\n"),
        );
      return { code: 0, save: false };
    }, "read");
  },
};
