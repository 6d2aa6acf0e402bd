import { MspDb } from "./db";

/**
 * The add-in's store: ONE `MspDb` on the webview's IndexedDB for the whole shared runtime, so the
 * task pane, the ribbon commands and the custom functions use the same Dexie instance (and the
 * custom functions' lookup index sees the pane's writes). Created lazily on first use; Dexie opens
 * the database on the first query. Safe to call before Office.onReady and again after the runtime
 * restarts (Mac pitfall: the runtime can be killed and reloaded, so nothing here is kept elsewhere).
 */
let instance: MspDb | undefined;

export function getDb(): MspDb {
  instance ??= new MspDb();
  return instance;
}
