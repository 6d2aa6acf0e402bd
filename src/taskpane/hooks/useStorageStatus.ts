import * as React from "react";
import { useHost } from "../host";
import { backupDue, lastBackupAt, saveBackup } from "../storage";

export interface StorageStatus {
  /** null while unknown or where the browser cannot say. */
  persisted: boolean | null;
  lastBackup: string | null;
  backupDue: boolean;
}

/**
 * Asks for persistent storage once when the pane starts (`navigator.storage.persist()`), and keeps
 * what the storage notice shows: whether the store is persistent and when it was last backed up.
 */
export function useStorageStatus() {
  const host = useHost();
  const [status, setStatus] = React.useState<StorageStatus>({ persisted: null, lastBackup: null, backupDue: false });
  const [error, setError] = React.useState<unknown>(null);

  const check = React.useCallback(
    async (ask: boolean) => {
      let persisted = ask ? await host.storage.persist() : null;
      if (persisted !== true) persisted = (await host.storage.persisted()) ?? persisted;
      const { db } = host.app;
      const last = await lastBackupAt(db);
      const hasData = (await db.contracts.count()) > 0;
      setStatus({ persisted, lastBackup: last, backupDue: backupDue(last, hasData, host.app.now()) });
    },
    [host],
  );

  React.useEffect(() => {
    check(true).catch(setError);
  }, [check]);

  const refresh = React.useCallback(() => {
    check(false).catch(setError);
  }, [check]);

  const backupNow = React.useCallback(async () => {
    await saveBackup(host);
    await check(false);
  }, [host, check]);

  return { status, error, refresh, backupNow };
}
