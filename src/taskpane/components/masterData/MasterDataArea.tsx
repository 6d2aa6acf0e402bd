import * as React from "react";
import { Body1, makeStyles, tokens } from "@fluentui/react-components";
import { useMasterData, type MasterStep } from "../../hooks/useMasterData";
import { useStrings } from "../../i18n";
import { StepStatus } from "../common/StepStatus";
import { useFlow } from "../../hooks/useNextStep";
import { masterNextStep, type MasterDone, type MasterForm, type MasterNext } from "../../master/next-step";
import { CompanySettingsSection } from "../settings/CompanySettingsSection";
import { ExportProfileSection } from "../settings/ExportProfileSection";
import { BackupSection } from "./BackupSection";
import { ImportSection } from "./ImportSection";
import { ProfilesSection } from "./ProfilesSection";
import { SheetsSection } from "./SheetsSection";

const useStyles = makeStyles({
  area: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  flush: { margin: 0 },
});

export type MasterData = ReturnType<typeof useMasterData>;

export interface SectionProps {
  md: MasterData;
  busy: boolean;
  act: (action: () => unknown) => void;
  status: React.ReactNode;
  /** The area's next step: its button is the one primary button (issue 20). */
  next: MasterNext | null;
}

/** Stammdaten: import master CSV, master data as sheets and back, backup/restore, vendor profiles. */
export function MasterDataArea({ onBackup }: { onBackup?: () => void }): React.ReactElement {
  const styles = useStyles();
  const s = useStrings();
  const [flow, flowEvents] = useFlow<MasterDone, MasterNext, MasterForm>();
  const md = useMasterData(onBackup, flowEvents);
  const next = masterNextStep(flow, md.view.pendingRestore !== null, md.view.checked !== null);
  const { view, task } = md;
  const [at, setAt] = React.useState<MasterStep>("import");
  const busy = task.running;
  const section = (step: MasterStep): SectionProps => ({
    md,
    busy,
    act: (action) => {
      setAt(step);
      void action();
    },
    status: at === step ? <StepStatus progress={task.progress} onCancel={task.cancel} issues={view.issues} hint={view.hint} notice={view.notice} /> : null,
    next,
  });
  return (
    <div className={styles.area}>
      <Body1 as="p" className={styles.flush}>
        {s.master.description}
      </Body1>
      <ImportSection {...section("import")} />
      <SheetsSection {...section("sheets")} />
      <CompanySettingsSection next={next} onEditing={flowEvents.editing} />
      <ExportProfileSection primary={next === "saveExportProfile"} onEditing={flowEvents.editing} />
      <BackupSection {...section("backup")} />
      <ProfilesSection {...section("profiles")} />
    </div>
  );
}
