import * as React from "react";
import { Button } from "@fluentui/react-components";
import { DatabaseArrowDownRegular, DatabaseArrowUpRegular } from "@fluentui/react-icons";
import { formatTimestamp, useStrings } from "../../i18n";
import { ButtonRow } from "../common/ButtonRow";
import { FactList } from "../common/FactList";
import { FileButton } from "../common/FileButton";
import { Notice } from "../common/Notice";
import { StepSection } from "../common/StepSection";
import type { SectionProps } from "./MasterDataArea";
import { useConnectionState } from "../../connection/use-connection";
import { teamBackupStrings } from "../../master/team-backup-strings";

/** Backup of the whole store as one JSON file, and restore with a confirm step. */
export function BackupSection({ md, busy, act, status, next }: SectionProps): React.ReactElement {
  const s = useStrings();
  const m = s.master;
  const pending = md.view.pendingRestore;
  // Server mode: the download is the team store's; the server's own backups are the admin's.
  const team = useConnectionState()?.server != null ? teamBackupStrings[s.language] : null;
  return (
    <StepSection id="section-backup" title={m.backupTitle} intro={team?.intro ?? m.backupIntro}>
      <ButtonRow>
        <Button icon={<DatabaseArrowDownRegular />} disabled={busy} onClick={() => act(md.downloadBackup)} data-testid="backup-download">
          {m.downloadBackup}
        </Button>
        <FileButton label={m.restoreBackup} accept=".json,application/json" disabled={busy} icon={<DatabaseArrowUpRegular />} testId="backup-file" onFiles={(files) => act(() => md.chooseRestore(files))} />
      </ButtonRow>
      {pending && (
        <Notice
          intent="warning"
          title={m.restoreConfirmTitle}
          testId="restore-confirm"
          actions={
            <>
              <Button appearance={next === "restore" ? "primary" : "secondary"} size="small" disabled={busy} onClick={() => act(() => md.restore(true))} data-testid="restore-yes">
                {m.restoreYes}
              </Button>
              <Button size="small" disabled={busy} onClick={() => act(() => md.restore(false))}>
                {s.common.cancel}
              </Button>
            </>
          }
        >
          {(team?.restoreConfirmText ?? m.restoreConfirmText)(pending.name)}
          <FactList
            facts={[
              [m.exportedAt, pending.doc.exportedAt ? formatTimestamp(pending.doc.exportedAt, s.language) : "–"],
              [m.customers, s.formatInteger(pending.counts.customers)],
              [m.contracts, s.formatInteger(pending.counts.contracts)],
              [m.versions, s.formatInteger(pending.counts.versions)],
              [m.runs, s.formatInteger(pending.counts.runs)],
            ]}
          />
        </Notice>
      )}
      {status}
    </StepSection>
  );
}
