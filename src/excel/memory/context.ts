import { utf8Length } from "../payload";
import type { XlContext, XlRuntime } from "../xl-api";
import { MemoryExcelError } from "./errors";
import { MemoryProxy } from "./proxy";
import { MemoryWorkbookApi } from "./workbook-api";
import type { WorkbookModel } from "./workbook-model";

/** Bytes per queued operation (action, object path, ids), roughly what Office.js serialises. */
export const FAKE_OPERATION_BYTES = 64;

interface Operation {
  label: string;
  bytes: number;
  apply: () => void;
}

/**
 * The fake `Excel.RequestContext`. Operations queue up until `sync()`, which
 * 1. throws `RequestPayloadSizeLimitExceeded` (applying nothing) when the queued request is larger
 *    than the limit: bytes = JSON of every payload (values, formats, names) + 64 per operation;
 * 2. applies the operations in order; an error stops there (earlier ones stay applied, as in Excel);
 * 3. throws `ResponsePayloadSizeLimitExceeded` when the loaded values are larger than the limit;
 * 4. makes loaded properties readable.
 */
export class MemoryContext implements XlContext {
  readonly workbook: MemoryWorkbookApi;
  readonly runtime: MemoryRuntime;
  private queue: Operation[] = [];
  private staged: (() => void)[] = [];
  private stagedBytes = 0;
  /** True while a sync applies operations (proxies made then are not part of a request). */
  applying = false;

  constructor(readonly model: WorkbookModel) {
    this.workbook = new MemoryWorkbookApi(this);
    this.runtime = new MemoryRuntime(this);
  }

  /** Queues an operation; `payload` is what travels in the request (counted in bytes). */
  enqueue(label: string, payload: unknown, apply: () => void): void {
    const bytes = FAKE_OPERATION_BYTES + (payload === undefined ? 0 : utf8Length(JSON.stringify(payload) ?? ""));
    this.queue.push({ label, bytes, apply });
  }

  /** Records a loaded value to be published when the sync succeeds. */
  stage(bytes: number, commit: () => void): void {
    this.stagedBytes += bytes;
    this.staged.push(commit);
  }

  /** Operations waiting for a sync. */
  get pending(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    await Promise.resolve();
    const ops = this.queue;
    this.queue = [];
    this.staged = [];
    this.stagedBytes = 0;
    const stats = this.model.stats;
    const bytes = ops.reduce((sum, op) => sum + op.bytes, 0);
    stats.syncs++;
    stats.requestBytes.push(bytes);
    const fault = this.model.faults.shift();
    if (fault || bytes > this.model.limits.requestBytes) {
      stats.failedSyncs++;
      throw fault ?? new MemoryExcelError("RequestPayloadSizeLimitExceeded", `The request payload size has exceeded the limit (${bytes} bytes).`);
    }
    stats.maxRequestBytes = Math.max(stats.maxRequestBytes, bytes);
    this.model.calcSuspended = false;
    this.applying = true;
    try {
      for (const op of ops) op.apply();
    } catch (error) {
      stats.failedSyncs++;
      throw error;
    } finally {
      this.applying = false;
      if (this.model.calcSuspended) stats.calcSuspendedSyncs++;
      if (!this.model.eventsEnabled) stats.eventsOffSyncs++;
      this.model.calcSuspended = false;
    }
    if (this.stagedBytes > this.model.limits.responseBytes) {
      stats.failedSyncs++;
      throw new MemoryExcelError("ResponsePayloadSizeLimitExceeded", `The response payload size has exceeded the limit (${this.stagedBytes} bytes).`);
    }
    stats.maxResponseBytes = Math.max(stats.maxResponseBytes, this.stagedBytes);
    for (const commit of this.staged) commit();
    this.staged = [];
  }
}

/** `context.runtime` (ExcelApi 1.8): only `enableEvents`. */
export class MemoryRuntime extends MemoryProxy<WorkbookModel> implements XlRuntime {
  protected readonly loadable = ["enableEvents"] as const;

  constructor(ctx: MemoryContext) {
    super(ctx, () => ctx.model, "runtime");
  }

  get enableEvents(): boolean {
    return this.read("enableEvents");
  }

  set enableEvents(value: boolean) {
    this.queue("enableEvents", value, (m) => (m.eventsEnabled = value));
  }

  protected snapshot(_property: string, model: WorkbookModel): unknown {
    return model.eventsEnabled;
  }
}
