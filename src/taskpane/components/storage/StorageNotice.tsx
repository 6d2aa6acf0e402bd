import * as React from "react";
import { Button, Link, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import { DatabaseArrowDownRegular, DismissRegular } from "@fluentui/react-icons";
import { unexpectedIssue } from "../../issues";
import { formatTimestamp, useStrings } from "../../i18n";
import type { useStorageStatus } from "../../hooks/useStorageStatus";
import { IssueBars } from "../common/IssueBars";
import { flowStrings } from "../../i18n/flow";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL} 0` },
  text: { overflowWrap: "anywhere", fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  line: { display: "block", marginTop: tokens.spacingVerticalXXS },
});

/**
 * Data safety at the top of the pane, in one compact bar (the reason behind "Warum?"): a warning when the browser may evict the store
 * (not persisted) and a reminder to download a backup (never made, or older than a week), with a
 * button that makes one right away.
 */
export function StorageNotice({ storage }: { storage: ReturnType<typeof useStorageStatus> }): React.ReactElement | null {
  const styles = useStyles();
  const s = useStrings();
  const t = s.storage;
  const [dismissed, setDismissed] = React.useState(false);
  const [busy, setBusy] = React.useState(false);
  // Compact (issue 20): one short line; the reason only on request.
  const [why, setWhy] = React.useState(false);
  const f = flowStrings[s.language];
  const [failure, setFailure] = React.useState<unknown>(null);
  const { status } = storage;
  const notPersisted = status.persisted === false;
  const error = failure ?? storage.error;
  const show = (notPersisted || status.backupDue) && !dismissed;
  if (!show && !error) return null;
  const backupLine = status.lastBackup ? t.backupLast(formatTimestamp(status.lastBackup, s.language)) : t.backupNever;
  return (
    <div className={styles.root} data-testid="storage-notice">
      {show && (
        <MessageBar intent={notPersisted ? "warning" : "info"} layout="multiline" data-testid={notPersisted ? "storage-not-persisted" : "backup-reminder"}>
          <MessageBarBody className={styles.text}>
            <MessageBarTitle>{notPersisted ? t.notPersistedTitle : t.backupTitle}</MessageBarTitle>
            {notPersisted && (
              <>
                {why ? t.notPersistedBody : f.notPersistedShort}{" "}
                <Link as="button" inline onClick={() => setWhy((v) => !v)} aria-expanded={why} data-testid="storage-why">
                  {why ? f.less : f.why}
                </Link>
              </>
            )}
            {status.backupDue && <span className={notPersisted ? styles.line : undefined}>{backupLine}</span>}
          </MessageBarBody>
          <MessageBarActions containerAction={<Button appearance="transparent" size="small" icon={<DismissRegular />} aria-label={t.dismiss} onClick={() => setDismissed(true)} />}>
            {status.backupDue && (
              <Button
                size="small"
                icon={<DatabaseArrowDownRegular />}
                disabled={busy}
                onClick={() => {
                  setBusy(true);
                  storage
                    .backupNow()
                    .then(() => setFailure(null), setFailure)
                    .finally(() => setBusy(false));
                }}
                data-testid="backup-now"
              >
                {t.backupNow}
              </Button>
            )}
          </MessageBarActions>
        </MessageBar>
      )}
      {error !== null && error !== undefined && <IssueBars issues={[unexpectedIssue(error)]} />}
    </div>
  );
}
