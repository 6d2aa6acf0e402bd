/**
 * The parsing Web Worker: reads vendor files (sheet tables, CSV or xlsx bytes) into vendor lines off
 * the UI thread and posts progress. Cancelling terminates the worker (worker-parser.ts).
 */
import { parseVendorBytes, parseVendorTable } from "./parse-vendor";
import type { WorkerRequest, WorkerResponse } from "./protocol";

const scope = self as unknown as { postMessage(message: WorkerResponse): void; onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null };

let lastPost = 0;

scope.onmessage = (event) => {
  const message = event.data;
  const onProgress = (done: number, total: number | null) => {
    const now = Date.now();
    if (now - lastPost < 50 && total !== null && done < total) return;
    lastPost = now;
    scope.postMessage({ id: message.id, type: "progress", done, total });
  };
  const work = message.type === "table" ? parseVendorTable(message.table, message.request, { onProgress }) : parseVendorBytes(message.bytes, message.request, { onProgress });
  work.then(
    (result) => scope.postMessage({ id: message.id, type: "done", result }),
    (error: unknown) => scope.postMessage({ id: message.id, type: "error", message: error instanceof Error ? error.message : String(error) }),
  );
};
