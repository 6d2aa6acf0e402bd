/**
 * JSON-clean forms of use cases the task pane calls on the team server (src/app/pane-calls.ts):
 * arguments and results travel as JSON there, so a use case that returns class instances (Decimal)
 * or takes an already parsed document gets a wrapper here. They do what the use case does.
 */
import { assert } from "../core/assert";
import type { IsoMonth } from "../core/date/iso-month";
import { type Result, fail, ok } from "../core/issues";
import { toStored } from "../core/money/decimal";
import type { ContingentBalance } from "../core/time/balance";
import { readBackup } from "./backup";
import { type AppContext, type InputFile, sha256Hex } from "./context";
import { pushStore } from "./push";
import type { RestoreSummary } from "./restore";
import { timeBalance } from "./time";

/** {@link ContingentBalance} with its hours as stored decimal strings (`"12.5"`). */
export type ContingentBalanceFigures = { [K in keyof ContingentBalance]: K extends "contractNo" | "month" ? ContingentBalance[K] : string } & { pendingEntries: number };

/** {@link timeBalance} with the hours as decimal strings. */
export async function timeBalanceFigures(ctx: AppContext, contractNo: string, month: IsoMonth): Promise<Result<ContingentBalanceFigures>> {
  const r = await timeBalance(ctx, contractNo, month);
  if (!r.ok) return r;
  const b = r.value;
  return ok({
    contractNo: b.contractNo,
    month: b.month,
    start: toStored(b.start),
    credited: toStored(b.credited),
    used: toStored(b.used),
    remaining: toStored(b.remaining),
    overrun: toStored(b.overrun),
    included: toStored(b.included),
    includedUsed: toStored(b.includedUsed),
    pendingEntries: b.pendingEntries,
  });
}

/**
 * The pane's restore on the team server: the administrator's `push --replace` (see {@link pushStore}:
 * the restore guard refuses a backup that would drop issued invoices) of a backup file. The file is
 * checked and hashed here, on the server, not trusted as the client parsed it. The summary has the
 * shape of a local restore's; `auditKept` is 0 because a push takes the backup's audit log over
 * (with the team store's user entries and the push's own entry after it).
 */
export async function pushBackupFile(ctx: AppContext, file: InputFile): Promise<Result<RestoreSummary>> {
  const doc = readBackup(new TextDecoder().decode(file.bytes), file.name);
  if (!doc.ok) return doc;
  const sha256 = await sha256Hex(file.bytes);
  const r = await pushStore(ctx, doc.value, { name: file.name, sha256 }, true);
  if ("lost" in r) return fail(...r.lost);
  assert(!("refused" in r), "push with replace is never refused for holding data");
  return ok({ file: file.name, sha256, before: r.before, after: r.after, auditKept: 0 });
}
