import { UsageError } from "./args";
import type { CliIo, Command } from "./cli-io";
import { cliWords, commandHelp, overview, suggestCommands } from "./help";
import { backupCommand, restoreCommand } from "./commands/backup-restore";
import { exportMasterCommand } from "./commands/export-master";
import { importMasterCommand } from "./commands/import-master";
import { applyCommand } from "./commands/apply";
import { billCommand } from "./commands/bill";
import { profileAddCommand, profileExportCommand, profileImportCommand, profileListCommand } from "./commands/profile";
import { reconcileCommand } from "./commands/reconcile";
import { undoCommand } from "./commands/undo";
import { purchaseImportCommand } from "./commands/purchase";
import { linksImportCommand, linksReportCommand } from "./commands/links";
import { priceUpdateCommand } from "./commands/price-update";
import { costCheckCommand } from "./commands/cost-check";
import { timeBalanceCommand, timeImportCommand, timeProfileCommand } from "./commands/time";
import { timeApproveCommand, timeReviewCommand } from "./commands/time-review";
import { metersImportCommand } from "./commands/meters";
import { rulesSetCommand, rulesShowCommand } from "./commands/rules";
import { EXPORT_COMMANDS } from "./commands/export-run";
import { SEPA_COMMANDS } from "./commands/sepa";
import { usageApproveCommand, usageImportCommand, usageReviewCommand, usageRulesSetCommand } from "./commands/usage";
import { serveCommand, userAddCommand } from "./commands/serve";
import { pushCommand } from "./commands/push";
import { loginCommand } from "./commands/login";
import { withDatabaseOption } from "./team-store";
import { runRemote, takeServerOption } from "./remote-client";
import { LIFECYCLE_COMMANDS } from "./commands/lifecycle";

export const COMMANDS: Command[] = [
  importMasterCommand, exportMasterCommand, reconcileCommand, applyCommand, billCommand, undoCommand,
  backupCommand, restoreCommand, profileAddCommand, profileListCommand, profileExportCommand, profileImportCommand,
  purchaseImportCommand, linksImportCommand, linksReportCommand, priceUpdateCommand, costCheckCommand,
  ...EXPORT_COMMANDS, ...LIFECYCLE_COMMANDS,
  timeImportCommand, timeProfileCommand, timeBalanceCommand, timeReviewCommand, timeApproveCommand, metersImportCommand, rulesSetCommand, rulesShowCommand,
  ...SEPA_COMMANDS,
  usageImportCommand, usageRulesSetCommand, usageReviewCommand, usageApproveCommand,
  serveCommand, userAddCommand, pushCommand, loginCommand,
];

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
    (name ? io.out : io.err)(overview(COMMANDS, io.lang));
    return name ? 0 : 2;
  }
  // Two-word commands (`time import`, `profile add`) are registered with a space in their name.
  const command = COMMANDS.find((c) => c.name === `${name} ${rest[0] ?? ""}`) ?? COMMANDS.find((c) => c.name === name);
  if (!command) {
    const w = cliWords(io.lang);
    const typed = rest[0] && !rest[0].startsWith("-") ? `${name} ${rest[0]}` : name;
    const near = suggestCommands(typed, COMMANDS.map((c) => c.name));
    const nearFirst = near.length > 0 || typed === name ? near : suggestCommands(name, COMMANDS.map((c) => c.name));
    io.err(`msp-billing: ${w.unknown(typed)}${nearFirst.length > 0 ? `. ${w.didYouMean(nearFirst)}` : ""}\n\n${overview(COMMANDS, io.lang)}`);
    return 2;
  }
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
