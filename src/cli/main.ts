import { UsageError } from "./args";
import type { CliIo, Command } from "./cli-io";
import { cliWords, commandHelp, overview, suggestCommands } from "./help";
import { withDatabaseOption } from "./team-store";
import { runRemote, takeServerOption } from "./remote-client";

/**
 * The command table. Each entry names its commands and loads its module only when one of them runs
 * (or help lists them all): loading every module at start-up (exceljs, pdf-lib, kysely, SQLite …)
 * cost a second or more per CLI call. test/cli/help.test.ts checks that the names match the loaded commands.
 */
const MODULES: readonly { names: readonly string[]; load: () => Promise<readonly Command[]> }[] = [
  { names: ["import-master"], load: async () => [(await import("./commands/import-master")).importMasterCommand] },
  { names: ["export-master"], load: async () => [(await import("./commands/export-master")).exportMasterCommand] },
  { names: ["reconcile"], load: async () => [(await import("./commands/reconcile")).reconcileCommand] },
  { names: ["apply"], load: async () => [(await import("./commands/apply")).applyCommand] },
  { names: ["bill"], load: async () => [(await import("./commands/bill")).billCommand] },
  { names: ["undo"], load: async () => [(await import("./commands/undo")).undoCommand] },
  { names: ["backup", "restore"], load: async () => { const m = await import("./commands/backup-restore"); return [m.backupCommand, m.restoreCommand]; } },
  {
    names: ["profile add", "profile list", "profile export", "profile import"],
    load: async () => { const m = await import("./commands/profile"); return [m.profileAddCommand, m.profileListCommand, m.profileExportCommand, m.profileImportCommand]; },
  },
  { names: ["purchase import"], load: async () => [(await import("./commands/purchase")).purchaseImportCommand] },
  { names: ["links import", "links report"], load: async () => { const m = await import("./commands/links"); return [m.linksImportCommand, m.linksReportCommand]; } },
  { names: ["price-update"], load: async () => [(await import("./commands/price-update")).priceUpdateCommand] },
  { names: ["cost-check"], load: async () => [(await import("./commands/cost-check")).costCheckCommand] },
  {
    names: ["export", "export-settings", "export-profile import", "export-profile export", "export-profile list"],
    load: async () => (await import("./commands/export-run")).EXPORT_COMMANDS,
  },
  { names: ["export-profile delete"], load: async () => [(await import("./commands/export-profile-delete")).exportProfileDeleteCommand] },
  { names: ["finalize", "cancel-invoice", "verify", "einvoice", "export-audit"], load: async () => (await import("./commands/lifecycle")).LIFECYCLE_COMMANDS },
  { names: ["runs", "invoices"], load: async () => { const m = await import("./commands/invoice-list"); return [m.runsCommand, m.invoicesCommand]; } },
  {
    names: ["time import", "time profile", "time balance"],
    load: async () => { const m = await import("./commands/time"); return [m.timeImportCommand, m.timeProfileCommand, m.timeBalanceCommand]; },
  },
  { names: ["time review", "time approve"], load: async () => { const m = await import("./commands/time-review"); return [m.timeReviewCommand, m.timeApproveCommand]; } },
  { names: ["meters import"], load: async () => [(await import("./commands/meters")).metersImportCommand] },
  { names: ["meters review"], load: async () => [(await import("./commands/meters-review")).metersReviewCommand] },
  { names: ["rules set", "rules show"], load: async () => { const m = await import("./commands/rules"); return [m.rulesSetCommand, m.rulesShowCommand]; } },
  { names: ["sepa settings", "mandates import", "mandates export", "sepa"], load: async () => (await import("./commands/sepa")).SEPA_COMMANDS },
  {
    names: ["usage import", "usage rules", "usage review", "usage approve"],
    load: async () => { const m = await import("./commands/usage"); return [m.usageImportCommand, m.usageRulesSetCommand, m.usageReviewCommand, m.usageApproveCommand]; },
  },
  { names: ["serve", "user add"], load: async () => { const m = await import("./commands/serve"); return [m.serveCommand, m.userAddCommand]; } },
  { names: ["push"], load: async () => [(await import("./commands/push")).pushCommand] },
  { names: ["login"], load: async () => [(await import("./commands/login")).loginCommand] },
];

/** Every command name, in the order of the overview. */
export const COMMAND_NAMES: readonly string[] = MODULES.flatMap((m) => m.names);

/** Loads every command (for the overview and the help tests). */
export async function loadAllCommands(): Promise<Command[]> {
  return (await Promise.all(MODULES.map((m) => m.load()))).flat();
}

/** Loads the one command of that name. */
async function loadCommand(name: string): Promise<Command> {
  const entry = MODULES.find((m) => m.names.includes(name))!;
  const found = (await entry.load()).find((c) => c.name === name);
  if (!found) throw new Error(`command table: ${name} is not in its module`);
  return found;
}

/**
 * Takes the global `--lang de|en` out of argv (anywhere in it); it overrides the locale (LANG).
 * Returns null for an unknown language.
 */
function takeLang(argv: readonly string[], lang: CliIo["lang"]): { argv: string[]; lang: CliIo["lang"] } | { bad: string } {
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = a === "--lang" ? argv[++i] ?? "" : a.startsWith("--lang=") ? a.slice(7) : null;
    if (value === null) { rest.push(a); continue; }
    const v = value.toLowerCase().slice(0, 2);
    if (v !== "de" && v !== "en") return { bad: value };
    lang = v;
  }
  return { argv: rest, lang };
}

const isHelp = (a: string | undefined) => a === "--help" || a === "-h" || a === "help";

/** Runs one CLI invocation and returns its exit code; never throws for user errors. */
export async function runCli(argvIn: readonly string[], ioIn: CliIo): Promise<number> {
  const taken = takeLang(argvIn, ioIn.lang);
  if ("bad" in taken) {
    ioIn.err(`msp-billing: ${cliWords(ioIn.lang).badLang(taken.bad)}\n`);
    return 2;
  }
  const io: CliIo = { ...ioIn, lang: taken.lang };
  const argv = taken.argv;
  const [first, ...afterFirst] = argv;
  // `help reconcile` is `reconcile --help`.
  const [name, ...rest] = first === "help" && afterFirst.length > 0 ? [...afterFirst, "--help"] : argv;
  if (!name || isHelp(name)) {
    (name ? io.out : io.err)(overview(await loadAllCommands(), io.lang));
    return name ? 0 : 2;
  }
  // Two-word commands (`time import`, `profile add`) are registered with a space in their name.
  const commandName = COMMAND_NAMES.find((c) => c === `${name} ${rest[0] ?? ""}`) ?? COMMAND_NAMES.find((c) => c === name);
  if (!commandName) {
    const w = cliWords(io.lang);
    const typed = rest[0] && !rest[0].startsWith("-") ? `${name} ${rest[0]}` : name;
    const near = suggestCommands(typed, COMMAND_NAMES);
    const nearFirst = near.length > 0 || typed === name ? near : suggestCommands(name, COMMAND_NAMES);
    io.err(`msp-billing: ${w.unknown(typed)}${nearFirst.length > 0 ? `. ${w.didYouMean(nearFirst)}` : ""}\n\n${overview(await loadAllCommands(), io.lang)}`);
    return 2;
  }
  const command = await loadCommand(commandName);
  const own = command.name.includes(" ") ? rest.slice(1) : rest;
  if (own.some((a) => a === "--help" || a === "-h")) {
    io.out(commandHelp(command, io.lang));
    return 0;
  }
  try {
    const { args: local, server } = takeServerOption(command.name, own, process.env);
    if (server) return await runRemote(command.name, local, io, server);
    const args = withDatabaseOption(command.name, local, process.env);
    return await command.run(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`msp-billing ${command.name}: ${e.message}\n${commandHelp(command, io.lang)}`);
      return 2;
    }
    throw e;
  }
}

/** Entry point for bin/msp-billing.js. */
export async function main(): Promise<void> {
  const lang = /^de/i.test(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || "") ? "de" : "en";
  const io: CliIo = {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    // MSP_BILLING_NOW pins the clock (reproducible runs, tests comparing stores made at different times).
    now: () => process.env.MSP_BILLING_NOW ?? new Date().toISOString(),
    lang,
  };
  try {
    process.exitCode = await runCli(process.argv.slice(2), io);
  } catch (e) {
    process.stderr.write(`msp-billing: internal error: ${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 1;
  }
}
