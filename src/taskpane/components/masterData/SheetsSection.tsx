import * as React from "react";
import { Button } from "@fluentui/react-components";
import { ArrowDownloadRegular, ArrowSyncRegular, TableArrowUpRegular } from "@fluentui/react-icons";
import { useStrings } from "../../i18n";
import { downloadNames } from "../../i18n/downloads";
import { ButtonRow } from "../common/ButtonRow";
import { StepSection } from "../common/StepSection";
import type { SectionProps } from "./MasterDataArea";

/** Master data as Excel tables (Kunden, Verträge, Artikel), synced back as versions; CSV downloads. */
export function SheetsSection({ md, busy, act, status, next }: SectionProps): React.ReactElement {
  const s = useStrings();
  const m = s.master;
  return (
    <StepSection id="section-sheets" title={m.sheetsTitle} intro={m.sheetsIntro(md.names.customers, md.names.contracts, md.names.articles)}>
      <ButtonRow>
        <Button appearance={next === "writeSheets" ? "primary" : "secondary"} icon={<TableArrowUpRegular />} disabled={busy} onClick={() => act(md.writeSheets)} data-testid="master-sheets">
          {m.writeSheets}
        </Button>
      </ButtonRow>
      <ButtonRow>
        <Button appearance={next === "syncContracts" ? "primary" : "secondary"} icon={<ArrowSyncRegular />} disabled={busy} onClick={() => act(() => md.syncSheet("contracts"))}>
          {m.syncSheet(md.names.contracts)}
        </Button>
        <Button icon={<ArrowSyncRegular />} disabled={busy} onClick={() => act(() => md.syncSheet("articles"))}>
          {m.syncSheet(md.names.articles)}
        </Button>
      </ButtonRow>
      <ButtonRow>
        {(["contracts", "articles", "mappings"] as const).map((which) => (
          <Button key={which} size="small" appearance="subtle" icon={<ArrowDownloadRegular />} disabled={busy} onClick={() => act(() => md.downloadCsv(which))} data-testid={`download-${which}`}>
            {downloadNames[s.language].master[which]}
          </Button>
        ))}
      </ButtonRow>
      {status}
    </StepSection>
  );
}
