import { OPERATION_BYTES, planChunks } from "./payload";
import type { WritePlan } from "./write-plan";
import { isRequestPayloadError, type XlContext, type XlWorksheet } from "./xl-api";

/** Thrown when a single row does not fit into one request even after halving. */
export class RowTooLargeError extends Error {
  constructor(readonly row: number) {
    super(`Row ${row} does not fit into one Excel request`);
  }
}

export interface ChunkEnv {
  /** Estimated request bytes allowed per sync; halved for the rest of the write after a payload error. */
  budget: number;
  suspendCalculation: boolean;
  signal?: AbortSignal;
  onProgress?: (rowsDone: number, total: number) => void;
  /** `chunks` is counted here; syncs are counted by the caller's context wrapper. */
  counters: { chunks: number };
}

/**
 * Operations a chunk queues besides its rows' own fill runs: range proxy, calc suspension, formats,
 * values, untrack, and the fill run its first row may continue.
 */
const CHUNK_FIXED_BYTES = 7 * OPERATION_BYTES;

/**
 * Writes the plan's grid into `ws` from A1, one `context.sync()` per chunk. Chunks are cut by the
 * estimated bytes of their rows; a chunk that Excel rejects as too large is halved and retried, and
 * the budget for the remaining chunks is lowered to what has been seen to fail. Returns false when
 * cancelled (between chunks), true when all rows are in.
 */
export async function writeChunks(context: XlContext, ws: XlWorksheet, plan: WritePlan, env: ChunkEnv): Promise<boolean> {
  const total = plan.values.length - 1;
  let budget = env.budget;
  let pending = planChunks(plan.rowBytes, budget, CHUNK_FIXED_BYTES);
  while (pending.length > 0) {
    if (env.signal?.aborted) return false;
    const [start, end] = pending.shift()!;
    const bytes = chunkBytes(plan, start, end);
    if (end - start > 1 && bytes > budget) {
      // Cut with the lowered budget (always into more than one chunk, since it is over budget).
      pending = [...planChunks(plan.rowBytes, budget, CHUNK_FIXED_BYTES, start, end), ...pending];
      continue;
    }
    queueChunk(context, ws, plan, start, end, env.suspendCalculation);
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per chunk keeps each request under the payload limit
      await context.sync();
    } catch (error) {
      if (!isRequestPayloadError(error)) throw error;
      if (end - start === 1) throw new RowTooLargeError(start + 1);
      budget = Math.max(OPERATION_BYTES * 8, Math.min(budget, Math.floor(bytes / 2)));
      const mid = start + Math.floor((end - start) / 2);
      pending.unshift([start, mid], [mid, end]);
      continue;
    }
    env.counters.chunks++;
    env.onProgress?.(Math.max(0, end - 1), total);
  }
  return true;
}

function chunkBytes(plan: WritePlan, start: number, end: number): number {
  let sum = CHUNK_FIXED_BYTES;
  for (let i = start; i < end; i++) sum += plan.rowBytes[i]!;
  return sum;
}

/** Queues formats (first, so text cells are text before their values land), values and fill runs. */
function queueChunk(context: XlContext, ws: XlWorksheet, plan: WritePlan, start: number, end: number, suspendCalculation: boolean): void {
  if (suspendCalculation) context.workbook.application.suspendApiCalculationUntilNextSync();
  const rows = end - start;
  const range = ws.getRangeByIndexes(start, 0, rows, plan.width);
  const formats: string[][] = new Array(rows);
  for (let i = 0; i < rows; i++) formats[i] = start + i === 0 ? plan.headerFormats : plan.formats;
  range.numberFormat = formats;
  range.values = plan.values.slice(start, end);
  range.untrack();
  let runStart = start;
  for (let i = start + 1; i <= end; i++) {
    const colour = plan.fills[runStart];
    if (i < end && plan.fills[i] === colour) continue;
    if (colour) {
      const run = ws.getRangeByIndexes(runStart, 0, i - runStart, plan.width);
      run.format.fill.color = colour;
      run.untrack();
    }
    runStart = i;
  }
}
