import { AsyncLocalStorage } from "node:async_hooks";
import type { BillingStore } from "../store/port";

/**
 * A CLI command run by the team server for a `--server` client (`POST /api/cli`): the server's
 * store (acting as the logged-in user) stands in for the workspace, the files the client uploaded
 * stand in for the disk, and output files are collected for the client instead of written. Nothing
 * the command does reads or writes the server's own file system: a path that was not uploaded is
 * "file not found", exactly as on the client's machine.
 */
export interface RemoteWorkspace {
  store: BillingStore;
  /** Uploaded input files, keyed by the argument that named them on the client. */
  files: ReadonlyMap<string, Uint8Array>;
  /** Output files the command produced (paths as the client named them), for the client to write. */
  outputs: { path: string; content: string | Uint8Array }[];
}

/**
 * Set for the duration of one remote command (per request: concurrent requests each see their own).
 * An async-context value rather than a parameter so every command reads and writes through the same
 * two places (read-input, withWorkspace) without each command passing it along.
 */
export const remoteScope = new AsyncLocalStorage<RemoteWorkspace>();

/** The remote command running in this async context, if any. */
export const currentRemote = (): RemoteWorkspace | undefined => remoteScope.getStore();
