import * as React from "react";
import { useHost } from "../host";
import { backupStatus } from "../connection/use-cases";
import { backupDue, saveBackup } from "../storage";

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
      const { lastBackupAt, contracts } = await backupStatus(host.app);
      setStatus({ persisted, lastBackup: lastBackupAt, backupDue: backupDue(lastBackupAt, contracts > 0, host.app.now()) });
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
