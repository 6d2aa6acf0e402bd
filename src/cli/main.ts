import { UsageError } from "./args";
import type { CliIo, Command } from "./cli-io";
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
import { LIFECYCLE_COMMANDS } from "./commands/lifecycle";

export const COMMANDS: Command[] = [
  importMasterCommand, exportMasterCommand, reconcileCommand, applyCommand, billCommand, undoCommand,
  backupCommand, restoreCommand, profileAddCommand, profileListCommand, profileExportCommand, profileImportCommand,
  purchaseImportCommand, linksImportCommand, linksReportCommand, priceUpdateCommand, costCheckCommand,
  ...EXPORT_COMMANDS, ...LIFECYCLE_COMMANDS,
  timeImportCommand, timeProfileCommand, timeBalanceCommand, timeReviewCommand, timeApproveCommand, metersImportCommand, rulesSetCommand, rulesShowCommand,
];

function usage(): string {
  const lines = COMMANDS.map((c) => `  ${c.usage}\n      ${c.summary}`);
  return `usage: msp-billing <command> [options]\n\ncommands:\n${lines.join("\n")}\n\nexit codes: 0 success, 1 error, 2 usage error\n`;
}

/** Runs one CLI invocation and returns its exit code; never throws for user errors. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    (name ? io.out : io.err)(usage());
    return name ? 0 : 2;
  }
  // Two-word commands (`time import`, `profile add`) are registered with a space in their name.
  const command = COMMANDS.find((c) => c.name === `${name} ${rest[0] ?? ""}`) ?? COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`msp-billing: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  const args = command.name.includes(" ") ? rest.slice(1) : rest;
  try {
    return await command.run(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`msp-billing ${command.name}: ${e.message}\nusage: msp-billing ${command.usage}\n`);
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
