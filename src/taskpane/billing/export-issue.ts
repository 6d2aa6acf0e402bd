/**
 * The first export or print of a draft run issues it (issue 17), in the pane as in the CLI's
 * `export`: the pane asks first, then runs the app use case that makes the file and issues the run
 * (on the team server in server mode); the file is offered only after the issuing committed. An
 * issued run's file is made again read-only, without the question.
 */
import type { AppContext } from "../../app/context";
import type { RunRecord } from "../../store/records";
import { exportRunIssuing, listRuns, printRunIssuing } from "../connection/use-cases";

/** The run when it is still a draft, else null (issued, undone or unknown). Read now: Festschreiben, an e-invoice or a colleague may have issued it since the pane read it. */
export async function draftRun(app: AppContext, runId: string): Promise<RunRecord | null> {
  const run = (await listRuns(app)).find((r) => r.id === runId);
  return run && !run.issuedAt && !run.undoneAt ? run : null;
}

/** The use cases that make the file and issue a draft run (local, or on the team server). */
export { exportRunIssuing, printRunIssuing };
