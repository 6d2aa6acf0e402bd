import { type BackupDoc, exportBackup } from "../../src/store/backup";
import { openSqliteStore } from "../../src/store/node/sqlite-store";

/** The whole content of a CLI workspace (an SQLite database) as a backup document. */
export async function readWorkspace(path: string): Promise<BackupDoc> {
  const store = await openSqliteStore(path);
  try {
    return await exportBackup(store, "t");
  } finally {
    await store.close();
  }
}

/** The workspace's data as JSON text `{"tables": …}`, for exact before/after comparisons. */
export async function workspaceState(path: string): Promise<string> {
  return JSON.stringify({ tables: (await readWorkspace(path)).tables });
}
