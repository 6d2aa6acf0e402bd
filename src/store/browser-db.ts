import { MspDexie } from "./dexie/dexie-db";
import { DexieStore } from "./dexie/dexie-store";

/**
 * The add-in's local store: ONE DexieStore on the webview's IndexedDB for the whole shared runtime,
 * so the task pane, the ribbon commands and the custom functions use the same store (and the custom
 * functions' lookup index hears the pane's writes). Created lazily on first use; Dexie opens the
 * database (and upgrades it from schema 1) on the first query. Safe to call before Office.onReady and
 * again after the runtime restarts (Mac pitfall: the runtime can be killed and reloaded, so nothing
 * here is kept elsewhere).
 */
let instance: DexieStore | undefined;

export function getBrowserStore(): DexieStore {
  instance ??= new DexieStore(new MspDexie());
  return instance;
}
