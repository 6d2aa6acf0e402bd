/** Einkauf: import purchase contracts and links (undoable), edit links in a sheet, write the links report sheet. */
import { findSheetToRead } from "../../find-sheet";
import * as React from "react";
import { Body1, Button, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowUploadRegular, DocumentArrowUpRegular, TableRegular } from "@fluentui/react-icons";
import type { InputFile } from "../../../app/context";
import { importLinks, importPurchase, linksForEditing, purchaseLinksReport, undoBatch } from "../../connection/use-cases";
import { parseIsoDate } from "../../../core/date/iso-date";
import type { Issue } from "../../../core/issues";
import { useHost } from "../../host";
import { settleOutcome, type TaskOutcome, useTask } from "../../hooks/useTask";
import { useStrings } from "../../i18n";
import { flowStrings } from "../../i18n/flow";
import { useFlow } from "../../hooks/useNextStep";
import { purchaseNextStep, type PurchaseDone, type PurchaseForm, type PurchaseNext } from "../../purchase/next-step";
import { linksEditSheetName, linksEditRows, linksEditSheetAsCsv, linksEditWriteOptions } from "../../purchase/links-edit-sheet";
import { linksSheet, LINKS_SHEET } from "../../purchase/links-sheet";
import { rowsBelowWarning } from "../../rows-below";
import { readInputFile } from "../../usage/read-file";
import { BatchNotice } from "../common/BatchNotice";
import { ButtonRow } from "../common/ButtonRow";
import { DateField } from "../common/DateFields";
import { FileButton } from "../common/FileButton";
import { StepSection } from "../common/StepSection";
import { StepStatus } from "../common/StepStatus";
import { CostCheckSection } from "./CostCheckSection";
import { PriceSection } from "./PriceSection";

const useStyles = makeStyles({
  area: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  flush: { margin: 0 },
});

type PurchaseSection = "import" | "edit" | "report";

interface Imported {
  /** The step that made it: done again after an undo. */
  step: "importContracts" | "importLinks" | "applyEditSheet";
  title: string;
  batchId: string | null;
  facts: [string, string][];
}

export function PurchaseArea(): React.ReactElement {
  const styles = useStyles();
  const host = useHost();
  const s = useStrings();
  const p = s.purchase;
  const task = useTask();
  const [imported, setImported] = React.useState<Imported | null>(null);
  const [at, setAt] = React.useState<PurchaseSection>("import");
  const [issues, setIssues] = React.useState<Issue[]>([]);
  const [notice, setNotice] = React.useState<string | null>(null);
  const [day, setDay] = React.useState<string>(() => host.today());
  // One primary button in the area: the next step (issue 20).
  const [flow, flowEvents] = useFlow<PurchaseDone, PurchaseNext, PurchaseForm>();
  const next = purchaseNextStep(flow);

  const settle = <T,>(outcome: TaskOutcome<T>): outcome is { status: "done"; value: T } =>
    settleOutcome(outcome, () => setNotice(s.common.cancelled), (i) => setIssues([i]));
  const start = () => {
    setIssues([]);
    setNotice(null);
  };

  const importContracts = async ([file]: File[]) => {
    if (!file) return;
    start();
    const outcome = await task.run(p.importing(file.name), async () => importPurchase(host.app, await readInputFile(file)));
    if (!settle(outcome)) return;
    const r = outcome.value;
    if (!r.ok) return setIssues(r.issues);
    host.storeChanged();
    flowEvents.done("importContracts");
    setIssues(r.value.warnings);
    setImported({
      step: "importContracts",
      title: p.contractsImported,
      batchId: r.value.batchId,
      facts: [
        [p.contracts, s.formatInteger(r.value.contracts)],
        [p.versions, s.formatInteger(r.value.versions)],
        [p.unchangedRows, s.formatInteger(r.value.unchangedRows)],
      ],
    });
  };

  /** A links CSV or the edited links sheet (read back as CSV): the same import. */
  const importLinkInput = async (step: "importLinks" | "applyEditSheet", name: string, read: () => Promise<InputFile | { issues: Issue[] }>, userColumns: (issues: Issue[]) => Issue[] = (i) => i) => {
    start();
    const outcome = await task.run(p.importing(name), async () => {
      const input = await read();
      return "issues" in input ? ({ ok: false, issues: input.issues } as const) : importLinks(host.app, input);
    });
    if (!settle(outcome)) return;
    const r = outcome.value;
    if (!r.ok) return setIssues(userColumns(r.issues));
    host.storeChanged();
    flowEvents.done(step);
    setIssues(userColumns(r.value.warnings));
    setImported({
      step,
      title: p.linksImported,
      batchId: r.value.batchId,
      facts: [
        [p.added, s.formatInteger(r.value.added)],
        [p.removed, s.formatInteger(r.value.removed)],
        [p.unchangedRows, s.formatInteger(r.value.unchangedRows)],
      ],
    });
  };

  const importLinkFile = async ([file]: File[]) => {
    if (file) await importLinkInput("importLinks", file.name, () => readInputFile(file));
  };

  const applyEditSheet = () => {
    let userColumns = (issues: Issue[]): Issue[] => issues;
    // Rows typed under the table are not read: said with the result, as for the other sheets.
    let below: Issue[] = [];
    return importLinkInput("applyEditSheet", linksEditSheetName(s.language), async () => {
      // The user's-language sheet, else a colleague's in the other language.
      const found = await findSheetToRead(host.gateway, linksEditSheetName(s.language), s.language);
      if (!found.ok) return { issues: found.issues };
      const LINKS_EDIT_SHEET = found.value;
      const read = await host.gateway.readTableByHeaders(LINKS_EDIT_SHEET);
      if (!read.ok) return { issues: read.issues };
      below = await rowsBelowWarning(host.gateway, LINKS_EDIT_SHEET);
      const csv = linksEditSheetAsCsv(read.value.table);
      userColumns = csv.userColumns;
      return { name: LINKS_EDIT_SHEET, bytes: csv.bytes };
    }, (issues) => [...userColumns(issues), ...below]);
  };

  const writeEditSheet = async () => {
    start();
    const outcome = await task.run(p.writing, async ({ signal, progress }) => {
      const links = await linksForEditing(host.app);
      const written = await host.gateway.writeTable(linksEditSheetName(s.language), linksEditRows(links, s.language), { ...linksEditWriteOptions(s.language), signal, onProgress: (d, t) => progress(d, t) });
      return { written, links: links.length };
    });
    if (!settle(outcome)) return;
    const { written, links } = outcome.value;
    if (!written.ok) return setIssues(written.issues);
    flowEvents.done("writeEditSheet");
    setNotice(p.editSheetWritten(written.value.sheet, links));
  };

  const undo = async (batchId: string) => {
    start();
    const outcome = await task.run(s.common.undo, async () => undoBatch(host.app, batchId));
    if (!settle(outcome)) return;
    if (!outcome.value.ok) return setIssues(outcome.value.issues);
    host.storeChanged();
    if (imported?.batchId === batchId) flowEvents.undone(imported.step);
    setImported(null);
    setNotice(p.undone);
  };

  const writeReport = async () => {
    start();
    const iso = parseIsoDate(day);
    if (!iso) return setNotice(s.common.invalidDate);
    const outcome = await task.run(p.writing, async ({ signal, progress }) => {
      const report = await purchaseLinksReport(host.app, iso);
      if (report.length === 0) return { written: null, uncovered: 0 };
      const sheet = linksSheet(report, s.language);
      const written = await host.gateway.writeTable(LINKS_SHEET, sheet.rows, { ...sheet.options, signal, onProgress: (d, t) => progress(d, t) });
      return { written, uncovered: sheet.uncovered };
    });
    if (!settle(outcome)) return;
    const { written, uncovered } = outcome.value;
    if (!written) return setNotice(flowStrings[s.language].noLinks);
    if (!written.ok) return setIssues(written.issues);
    flowEvents.done("report");
    setNotice(p.reportWritten(written.value.sheet, written.value.rowsWritten, uncovered));
  };

  const busy = task.running;
  // Results and problems appear in the section whose button made them (issue 20), not at the area's end.
  const status = (section: PurchaseSection) =>
    at === section ? (
      <>
        {imported && section !== "report" && (
          <BatchNotice
            key={imported.batchId ?? imported.title}
            reveal
            title={imported.title}
            facts={imported.facts}
            batchId={imported.batchId}
            batchLabel={p.batch}
            undoLabel={s.common.undo}
            busy={busy}
            onUndo={(id) => void undo(id)}
            testId="purchase-import-result"
          />
        )}
        <StepStatus progress={task.progress} onCancel={task.cancel} issues={issues} notice={notice} noticeTestId="purchase-notice" issuesTestId="purchase-issues" />
      </>
    ) : null;
  return (
    <div className={styles.area} data-testid="purchase-area">
      <Body1 as="p" className={styles.flush}>
        {p.description}
      </Body1>
      <StepSection id="section-purchase-import" title={p.importTitle} intro={p.importIntro}>
        <ButtonRow>
          <FileButton label={p.importContracts} appearance={next === "importContracts" ? "primary" : "secondary"} accept=".csv,.txt,text/csv" disabled={busy} icon={<DocumentArrowUpRegular />} testId="purchase-file" onFiles={(f) => (setAt("import"), void importContracts(f))} />
          <FileButton label={p.importLinks} appearance={next === "importLinks" ? "primary" : "secondary"} accept=".csv,.txt,text/csv" disabled={busy} icon={<DocumentArrowUpRegular />} testId="links-file" onFiles={(f) => (setAt("import"), void importLinkFile(f))} />
        </ButtonRow>
        {status("import")}
      </StepSection>
      <StepSection id="section-links-edit" title={p.editTitle} intro={p.editIntro}>
        <ButtonRow>
          <Button icon={<TableRegular />} disabled={busy} onClick={() => (setAt("edit"), void writeEditSheet())} data-testid="links-edit-write">
            {p.writeEditSheet}
          </Button>
          <Button appearance={next === "applyEditSheet" ? "primary" : "secondary"} icon={<ArrowUploadRegular />} disabled={busy} onClick={() => (setAt("edit"), void applyEditSheet())} data-testid="links-edit-apply">
            {p.applyEditSheet}
          </Button>
        </ButtonRow>
        {status("edit")}
      </StepSection>
      <StepSection id="section-links-report" title={p.reportTitle} intro={p.reportIntro}>
        <DateField label={p.reportDay} value={day} onChange={setDay} disabled={busy} testId="links-day" />
        <ButtonRow>
          <Button appearance={next === "report" ? "primary" : "secondary"} icon={<TableRegular />} disabled={busy} onClick={() => (setAt("report"), void writeReport())} data-testid="links-report">
            {p.writeReport}
          </Button>
        </ButtonRow>
        {status("report")}
      </StepSection>
      <PriceSection next={next} flow={flowEvents} />
      <CostCheckSection />
    </div>
  );
}
