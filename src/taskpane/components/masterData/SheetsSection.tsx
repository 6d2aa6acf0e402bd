import * as React from "react";
import { Button } from "@fluentui/react-components";
import { ArrowDownloadRegular, ArrowSyncRegular, EyeRegular, TableArrowUpRegular } from "@fluentui/react-icons";
import { useStrings } from "../../i18n";
import { downloadNames } from "../../i18n/downloads";
import { ButtonRow } from "../common/ButtonRow";
import { StepSection } from "../common/StepSection";
import type { SectionProps } from "./MasterDataArea";
import { ImportCheckNotice } from "./ImportCheckNotice";

/** Master data as Excel tables (Kunden, Verträge, Artikel), synced back as versions; CSV downloads. */
export function SheetsSection({ md, busy, act, status, next }: SectionProps): React.ReactElement {
  const s = useStrings();
  const m = s.master;
  const checked = md.view.checked;
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
        {(["contracts", "articles"] as const).map((kind) => (
          <Button key={kind} size="small" icon={<EyeRegular />} disabled={busy} onClick={() => act(() => md.checkSheet(kind))} data-testid={`check-sheet-${kind}`}>
            {m.checkSheet(md.names[kind])}
          </Button>
        ))}
      </ButtonRow>
      {checked?.source.kind === "sheet" && (
        <ImportCheckNotice checked={checked} busy={busy} storeLabel={m.syncChecked(checked.source.name)} onStore={() => act(md.importChecked)} onDiscard={() => act(md.discardCheck)} />
      )}
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
