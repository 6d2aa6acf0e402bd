import type { RunRecord } from "../store/records";
import type { AppContext } from "./context";

/** Every billing run, oldest first (undone ones included; a store holds a few a month). */
export function listRuns(ctx: AppContext): Promise<RunRecord[]> {
  return ctx.store.read((tx) => tx.runs.all());
}
