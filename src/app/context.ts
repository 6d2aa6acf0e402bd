import type { BillingStore } from "../store/port";

/** What every use case needs from its host: the store and the clock (core code never reads time). */
export interface AppContext {
  store: BillingStore;
  /** Current time as an ISO timestamp (`2026-11-23T10:00:00.000Z`). */
  now: () => string;
}

/** A file handed to a use case by a host (CLI: read from disk; task pane: picked or read from a sheet). */
export interface InputFile {
  name: string;
  bytes: Uint8Array;
  /** SHA-256 of `bytes` as hex when the host already took it (the CLI, with node:crypto while reading). */
  sha256?: string;
}

/** SHA-256 of file bytes as hex (Web Crypto, available in browsers and Node ≥ 20). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest("SHA-256", bytes as unknown as ArrayBuffer);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** The file's SHA-256: the host's own when it gave one, else {@link sha256Hex} of the bytes. */
export async function fileSha256(file: InputFile): Promise<string> {
  return file.sha256 ?? sha256Hex(file.bytes);
}
