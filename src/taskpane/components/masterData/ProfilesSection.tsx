import * as React from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownloadRegular, DocumentArrowUpRegular } from "@fluentui/react-icons";
import { useStrings } from "../../i18n";
import { ButtonRow } from "../common/ButtonRow";
import { FileButton } from "../common/FileButton";
import { StepSection } from "../common/StepSection";
import type { SectionProps } from "./MasterDataArea";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: { display: "flex", flexDirection: "column", overflowWrap: "anywhere" },
  meta: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
});

/** Vendor file profiles: built-in and saved ones; import and export as JSON. */
export function ProfilesSection({ md, busy, act, status }: SectionProps): React.ReactElement {
  const styles = useStyles();
  const m = useStrings().master;
  const userCount = md.view.profiles.filter((p) => !p.builtin).length;
  return (
    <StepSection id="section-profiles" title={m.profilesTitle} intro={m.profilesIntro}>
      <ul className={styles.list} data-testid="profile-list">
        {md.view.profiles.map((p) => (
          <li key={p.id} className={styles.item}>
            <span>{p.name}</span>
            <span className={styles.meta}>
              {p.id} · {p.builtin ? m.builtin : m.saved}
            </span>
          </li>
        ))}
      </ul>
      <ButtonRow>
        <FileButton label={m.importProfiles} accept=".json,application/json" disabled={busy} icon={<DocumentArrowUpRegular />} testId="profile-file" onFiles={(files) => act(() => md.importProfiles(files))} />
        <Button icon={<ArrowDownloadRegular />} disabled={busy || userCount === 0} onClick={() => act(md.exportProfiles)}>
          {m.exportProfiles}
        </Button>
      </ButtonRow>
      {status}
    </StepSection>
  );
}
