import type { RawTable } from "../../io/table/raw-table";
import type { ParseRequest, ParsedVendorFile } from "./parse-vendor";

/** Messages between the task pane and the parsing worker (structured-clone data only). */
export type WorkerRequest =
  | { id: number; type: "table"; table: RawTable; request: ParseRequest }
  | { id: number; type: "bytes"; bytes: Uint8Array; request: ParseRequest };

export type WorkerResponse =
  | { id: number; type: "progress"; done: number; total: number | null }
  | { id: number; type: "done"; result: ParsedVendorFile }
  | { id: number; type: "error"; message: string };
