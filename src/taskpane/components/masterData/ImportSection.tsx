import * as React from "react";
import { Button } from "@fluentui/react-components";
import { ArrowUndoRegular, DocumentArrowUpRegular } from "@fluentui/react-icons";
import { useStrings } from "../../i18n";
import { ButtonRow } from "../common/ButtonRow";
import { FactList } from "../common/FactList";
import { FileButton } from "../common/FileButton";
import { Notice } from "../common/Notice";
import { StepSection } from "../common/StepSection";
import { TemplateDownload } from "../common/TemplateDownload";
import { ImportCheckNotice, importCountFacts } from "./ImportCheckNotice";
import type { SectionProps } from "./MasterDataArea";

/**
 * Import of master-data CSV files (contracts, articles, mappings; recognised by header): chosen files
 * are checked first (*Prüfen*, a dry run: counts, corrections old → new, errors by file, row and
 * column) and stored with *Importieren*.
 */
export function ImportSection({ md, busy, act, status, next }: SectionProps): React.ReactElement {
  const s = useStrings();
  const m = s.master;
  const imported = md.view.imported;
  const checked = md.view.checked;
  return (
    <StepSection id="section-import" title={m.importTitle} intro={m.importIntro}>
      <ButtonRow>
        <FileButton label={m.checkFiles} appearance={next === "import" ? "primary" : "secondary"} accept=".csv,.txt,text/csv" multiple disabled={busy} icon={<DocumentArrowUpRegular />} testId="master-files" onFiles={(files) => act(() => md.checkFiles(files))} />
        <TemplateDownload disabled={busy} />
      </ButtonRow>
      {checked?.source.kind === "files" && <ImportCheckNotice checked={checked} busy={busy} storeLabel={m.importChecked} onStore={() => act(md.importChecked)} onDiscard={() => act(md.discardCheck)} />}
      {imported?.batchId && (
        <Notice
          title={checked ? m.lastImportedTitle : m.importedTitle}
          testId="import-result"
          actions={
            <Button size="small" icon={<ArrowUndoRegular />} disabled={busy} onClick={() => act(() => md.undoImport(imported.batchId!))}>
              {s.common.undo}
            </Button>
          }
        >
          <FactList facts={[[m.batch, imported.batchId], ...importCountFacts(s, imported)]} />
        </Notice>
      )}
      {status}
    </StepSection>
  );
}
