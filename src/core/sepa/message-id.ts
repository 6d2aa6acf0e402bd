import { assert } from "../assert";
import { identifierProblem } from "./charset";
import type { MandateScheme } from "./mandate";

/**
 * The MsgId of the `fileNo`-th direct debit file of a run (`SDD-2026-01-1`, B2B files end in `-B2B`):
 * unique per run, file and scheme, in the identifier character set and short enough (≤ 33) that the
 * PmtInfIds (`<MsgId>-<n>`) stay within 35 characters. Characters of the run id outside the set
 * become `-`.
 */
export function sepaMessageId(runId: string, fileNo: number, scheme: MandateScheme): string {
  assert(Number.isInteger(fileNo) && fileNo >= 1, "fileNo must be a whole number ≥ 1");
  const suffix = `-${fileNo}${scheme === "B2B" ? "-B2B" : ""}`;
  const run = runId.replace(/[^A-Za-z0-9+?:().,'-]+/g, "-").replace(/-{2,}/g, "-").replace(/^-|-$/g, "") || "RUN";
  const id = `SDD-${run.slice(0, 33 - 4 - suffix.length)}${suffix}`;
  assert(identifierProblem(id, 33) === null, `message id ${id} is not a SEPA identifier`);
  return id;
}
