/**
 * The VendorParser on a Web Worker (webpack 5 bundles vendor-worker.ts as its own chunk from the
 * `new Worker(new URL(…, import.meta.url))` pattern). One worker, started on first use; cancelling
 * terminates it (the only way to stop a synchronous CSV parse) and the next request starts a new one.
 * Falls back to parsing on the UI thread when the host cannot start workers.
 */
import type { RawTable } from "../../io/table/raw-table";
import type { ParseRequest, ParseRun, ParsedVendorFile } from "./parse-vendor";
import type { WorkerRequest, WorkerResponse } from "./protocol";
import { inlineParser, type VendorParser } from "./vendor-parser";

/** A request before it gets its id (Omit distributed over the union). */
type Unsent = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, "id"> : never) : never;

interface Pending {
  resolve(result: ParsedVendorFile): void;
  reject(error: unknown): void;
  onProgress?: ParseRun["onProgress"];
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("The operation was aborted.", "AbortError");
}

export function workerParser(): VendorParser {
  let worker: Worker | null = null;
  let failed = false;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const fallback = inlineParser();

  const stop = (reason: unknown) => {
    worker?.terminate();
    worker = null;
    for (const p of pending.values()) p.reject(reason);
    pending.clear();
  };

  const spawn = (): Worker | null => {
    if (worker || failed) return worker;
    try {
      worker = new Worker(new URL("./vendor-worker.ts", import.meta.url), { name: "msp-vendor-parser" });
    } catch {
      failed = true;
      return null;
    }
    worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const m = event.data;
      const p = pending.get(m.id);
      if (!p) return;
      if (m.type === "progress") p.onProgress?.(m.done, m.total);
      else {
        pending.delete(m.id);
        if (m.type === "done") p.resolve(m.result);
        else p.reject(new Error(m.message));
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      stop(new Error(event.message || "the parsing worker failed"));
    };
    return worker;
  };

  const send = (message: Unsent, run: ParseRun, inline: () => Promise<ParsedVendorFile>, transfer: Transferable[] = []): Promise<ParsedVendorFile> => {
    const w = spawn();
    if (!w) return inline();
    if (run.signal?.aborted) return Promise.reject(abortError(run.signal));
    const id = nextId++;
    return new Promise<ParsedVendorFile>((resolve, reject) => {
      const onAbort = () => stop(abortError(run.signal!));
      run.signal?.addEventListener("abort", onAbort, { once: true });
      const done = () => run.signal?.removeEventListener("abort", onAbort);
      pending.set(id, {
        resolve: (r) => (done(), resolve(r)),
        reject: (e) => (done(), reject(e)),
        onProgress: run.onProgress,
      });
      w.postMessage({ ...message, id } as WorkerRequest, transfer);
    });
  };

  return {
    get offThread() {
      return !failed;
    },
    parseTable: (table: RawTable, request: ParseRequest, run: ParseRun = {}) =>
      send({ type: "table", table, request }, run, () => fallback.parseTable(table, request, run)),
    parseBytes: (bytes: Uint8Array, request: ParseRequest, run: ParseRun = {}) => {
      // A copy is transferred, so the caller's bytes stay usable (e.g. for the file hash).
      const copy = bytes.slice();
      return send({ type: "bytes", bytes: copy, request }, run, () => fallback.parseBytes(bytes, request, run), [copy.buffer]);
    },
  };
}
