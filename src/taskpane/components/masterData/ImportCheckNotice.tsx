import * as React from "react";
import { Button } from "@fluentui/react-components";
import { CheckmarkRegular, DismissRegular } from "@fluentui/react-icons";
import type { ImportMasterSummary } from "../../../app/import-master";
import type { MasterCheck } from "../../hooks/useMasterData";
import { useStrings } from "../../i18n";
import { FactList } from "../common/FactList";
import { Notice } from "../common/Notice";

export interface ImportCheckNoticeProps {
  checked: MasterCheck;
  busy: boolean;
  /** The button that stores what was checked (*Importieren*, or the sheet's *zurückschreiben*). */
  storeLabel: string;
  onStore: () => void;
  onDiscard: () => void;
}

/** What an import stores (or, checked, would store), counted. */
type ImportCounts = Pick<ImportMasterSummary, "customers" | "articles" | "contracts" | "versions" | "corrections" | "mappings" | "unchangedRows">;

/** The counts of a master import as the check and the import result show them (corrections only when there are any). */
export function importCountFacts(s: ReturnType<typeof useStrings>, c: ImportCounts): [string, string][] {
  const m = s.master;
  return [
    [m.customers, s.formatInteger(c.customers)],
    [m.articles, s.formatInteger(c.articles)],
    [m.contracts, s.formatInteger(c.contracts)],
    [m.versions, s.formatInteger(c.versions)],
    ...(c.corrections > 0 ? [[m.corrections, s.formatInteger(c.corrections)] as [string, string]] : []),
    [m.mappings, s.formatInteger(c.mappings)],
    [m.unchangedRows, s.formatInteger(c.unchangedRows)],
  ];
}

/**
 * The result of *Prüfen*: what the import would store, counted as after an import (the corrections
 * old → new and the warnings show under the step), with the button that stores it and one to discard it.
 */
export function ImportCheckNotice({ checked, busy, storeLabel, onStore, onDiscard }: ImportCheckNoticeProps): React.ReactElement {
  const s = useStrings();
  const m = s.master;
  const c = checked.summary;
  const what = checked.source.kind === "files" ? checked.source.files.map((f) => f.name).join(", ") : checked.source.name;
  return (
    <Notice
      intent="info"
      reveal
      title={m.checkedTitle(what)}
      testId="import-check"
      actions={
        <>
          <Button appearance="primary" size="small" icon={<CheckmarkRegular />} disabled={busy} onClick={onStore} data-testid="import-checked">
            {storeLabel}
          </Button>
          <Button size="small" icon={<DismissRegular />} disabled={busy} onClick={onDiscard} data-testid="import-check-discard">
            {m.discardCheck}
          </Button>
        </>
      }
    >
      <FactList facts={importCountFacts(s, c)} />
    </Notice>
  );
}
