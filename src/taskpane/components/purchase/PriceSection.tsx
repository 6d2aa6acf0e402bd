/**
 * Price update assistant: purchase position, new cost, effective date, strategy and rounding → the
 * proposal sheet with an action drop-down → apply reads it back by headers → summary and undo.
 */
import * as React from "react";
import { Button, Combobox, Field, Input, Option, Select, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowUndoRegular, CheckmarkRegular, TableRegular } from "@fluentui/react-icons";
import { sha256Hex } from "../../../app/context";
import { applyPriceUpdate, proposePriceUpdateText, purchasePositionRefs, undoBatch } from "../../connection/use-cases";
import { parseIsoDate } from "../../../core/date/iso-date";
import { issue, type Issue } from "../../../core/issues";
import { parseRounding, parseStrategy, roundingText, strategyText } from "../../../core/purchase/price-strategy";
import { readProposalTable } from "../../../io/purchase/proposal-table";
import { useHost } from "../../host";
import { settleOutcome, type TaskOutcome, useTask } from "../../hooks/useTask";
import { useStrings } from "../../i18n";
import { locateIssues } from "../../issues";
import { priceSheetName, priceSheetRows, priceWriteOptions } from "../../purchase/price-sheet";
import { useReportEditing, type FlowEvents } from "../../hooks/useNextStep";
import type { PurchaseDone, PurchaseForm, PurchaseNext } from "../../purchase/next-step";
import { rowsBelowWarning } from "../../rows-below";
import { ButtonRow } from "../common/ButtonRow";
import { DateField } from "../common/DateFields";
import { FactList } from "../common/FactList";
import { IssueBars } from "../common/IssueBars";
import { Notice } from "../common/Notice";
import { StepSection } from "../common/StepSection";
import { TaskProgress } from "../common/TaskProgress";
import { PROPOSAL_VOCABULARY } from "../../../io/sheets/purchase-words";

const useStyles = makeStyles({
  fields: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  wide: { minWidth: 0, width: "100%" },
});

type StrategyKind = "keep-margin" | "pass-through" | "fixed" | "percent";
type RoundingKind = "cents" | "ending";

interface Applied {
  batchId: string | null;
  versions: number;
  purchaseVersions: number;
  unchanged: number;
  skipped: number;
}

export interface PriceSectionProps {
  /** The area's next step: its button is the one primary button (issue 20). */
  next?: PurchaseNext | null;
  /** Tells the area what was done and whether a price update is being typed. */
  flow?: FlowEvents<PurchaseDone, PurchaseNext, PurchaseForm>;
}

export function PriceSection({ next = null, flow }: PriceSectionProps): React.ReactElement {
  const styles = useStyles();
  const host = useHost();
  const s = useStrings();
  const p = s.price;
  const task = useTask();
  const [refs, setRefs] = React.useState<string[]>([]);
  const [ref, setRef] = React.useState("");
  const [cost, setCost] = React.useState("");
  const [from, setFrom] = React.useState<string>(() => host.today());
  const [strategy, setStrategy] = React.useState<StrategyKind>("keep-margin");
  const [param, setParam] = React.useState("");
  const [rounding, setRounding] = React.useState<RoundingKind>("cents");
  const [ending, setEnding] = React.useState("0.90");
  const [sheet, setSheet] = React.useState<string | null>(null);
  const [applied, setApplied] = React.useState<Applied | null>(null);
  const [issues, setIssues] = React.useState<Issue[]>([]);
  const [hint, setHint] = React.useState<string | undefined>(undefined);
  const [notice, setNotice] = React.useState<string | null>(null);
  // Typed inputs not yet proposed make the proposal the area's next step.
  const inputs = JSON.stringify([ref, cost, from, strategy, param, rounding, ending]);
  const [proposedInputs, setProposedInputs] = React.useState<string | null>(null);
  useReportEditing(flow?.editing, "price", ref.trim() !== "" && cost.trim() !== "" && inputs !== proposedInputs);

  const loadRefs = React.useCallback(() => {
    purchasePositionRefs(host.app).then(setRefs, () => undefined);
  }, [host]);
  React.useEffect(loadRefs, [loadRefs]);

  const settle = <T,>(outcome: TaskOutcome<T>): outcome is { status: "done"; value: T } =>
    settleOutcome(outcome, () => setNotice(s.common.cancelled), (i) => setIssues([i]));
  const start = () => {
    setIssues([]);
    setHint(undefined);
    setNotice(null);
  };

  const propose = async () => {
    start();
    const selected = ref.trim().split(/[\s,;]+/).filter(Boolean);
    const bad: Issue[] = [];
    if (selected.length === 0 || selected.some((r) => !/^.+:\d+$/.test(r))) bad.push(issue("price.invalid_purchase_ref", { value: ref.trim() }, { source: p.position }));
    const newCost = parseStrategy(`fixed:${cost.trim()}`);
    if (!newCost || newCost.kind !== "fixed") bad.push(issue("parse.invalid_number", { value: cost.trim() }, { source: p.newCost }));
    const day = parseIsoDate(from);
    if (!day) bad.push(issue("parse.invalid_date", { value: from }, { source: p.from }));
    const strat = parseStrategy(strategy === "fixed" || strategy === "percent" ? `${strategy}:${param.trim()}` : strategy);
    if (!strat) bad.push(issue("parse.invalid_number", { value: param.trim() }, { source: p.strategy }));
    const round = parseRounding(rounding === "cents" ? "cents" : `ending:${ending.trim()}`);
    if (!round) bad.push(issue("parse.invalid_number", { value: ending.trim() }, { source: p.rounding }));
    if (bad.length > 0 || !newCost || newCost.kind !== "fixed" || !day || !strat || !round) return setIssues(bad);
    const outcome = await task.run(p.proposing, async ({ signal, progress }) => {
      const proposal = await proposePriceUpdateText(host.app, { selection: { refs: selected }, newCost: cost.trim(), from: day, strategy: strategyText(strat), rounding: roundingText(round) });
      if (!proposal.ok) return { issues: proposal.issues };
      const name = priceSheetName(proposal.value.refs, s.language);
      const written = await host.gateway.writeTable(name, priceSheetRows(proposal.value.rows, s.language), { ...priceWriteOptions(s.language, name), signal, onProgress: (d, t) => progress(d, t) });
      if (!written.ok) return { issues: written.issues };
      return { sheet: name, rows: proposal.value.rows.length, warnings: proposal.value.warnings };
    });
    if (!settle(outcome)) return;
    const v = outcome.value;
    if (v.issues) return setIssues(v.issues);
    setSheet(v.sheet);
    setProposedInputs(inputs);
    flow?.done("proposePrice");
    setApplied(null);
    setIssues(v.warnings);
    setNotice(p.proposed(v.sheet, v.rows));
  };

  const apply = async () => {
    if (!sheet) return;
    start();
    const outcome = await task.run(p.applying, async () => {
      const read = await host.gateway.readTableByHeaders(sheet);
      if (!read.ok) return { issues: read.issues };
      const below = await rowsBelowWarning(host.gateway, sheet);
      const { decisions, issues: bad } = readProposalTable(read.value.table);
      if (bad.length > 0) return { issues: [...locateIssues(bad, read.value.table, read.value.sheet, PROPOSAL_VOCABULARY), ...below] };
      const bytes = new TextEncoder().encode(read.value.table.rows.map((r) => r.join("\t")).join("\n"));
      const result = await applyPriceUpdate(host.app, decisions, { name: sheet, sha256: await sha256Hex(bytes) });
      if (!result.ok) return { issues: [...locateIssues(result.issues, read.value.table, read.value.sheet, PROPOSAL_VOCABULARY), ...below] };
      return { summary: result.value, below };
    });
    if (!settle(outcome)) return;
    const v = outcome.value;
    if (v.issues) {
      setIssues(v.issues);
      setHint(p.fixSheetHint(sheet));
      return;
    }
    if (v.summary.batchId) host.storeChanged();
    flow?.done("applyPrice");
    setIssues(v.below);
    // Nothing new (all already stored): the batch applied before stays shown, with its Rückgängig.
    if (v.summary.batchId) setApplied(v.summary);
    else setNotice(p.nothingToApply);
  };

  const undo = async (batchId: string) => {
    start();
    const outcome = await task.run(s.common.undo, async () => undoBatch(host.app, batchId));
    if (!settle(outcome)) return;
    if (!outcome.value.ok) return setIssues(outcome.value.issues);
    host.storeChanged();
    flow?.undone("applyPrice");
    setApplied(null);
    setNotice(p.undone);
  };

  const busy = task.running;
  return (
    <StepSection id="section-price" title={p.title} intro={p.intro}>
      <div className={styles.fields}>
        <Field label={p.position} hint={p.positionHint}>
          <Combobox
            freeform
            className={styles.wide}
            value={ref}
            disabled={busy}
            onOpenChange={(_e, d) => d.open && loadRefs()}
            onChange={(e) => setRef(e.currentTarget.value)}
            onOptionSelect={(_e, d) => setRef(d.optionValue ?? "")}
            data-testid="price-position"
          >
            {refs.map((r) => (
              <Option key={r} value={r}>
                {r}
              </Option>
            ))}
          </Combobox>
        </Field>
        <Field label={p.newCost}>
          <Input inputMode="decimal" value={cost} disabled={busy} onChange={(_e, d) => setCost(d.value)} data-testid="price-cost" />
        </Field>
        <DateField label={p.from} value={from} onChange={setFrom} disabled={busy} testId="price-from" />
        <Field label={p.strategy}>
          <Select value={strategy} disabled={busy} onChange={(_e, d) => setStrategy(d.value as StrategyKind)} data-testid="price-strategy">
            {(["keep-margin", "pass-through", "fixed", "percent"] as const).map((k) => (
              <option key={k} value={k}>
                {p.strategies[k]}
              </option>
            ))}
          </Select>
        </Field>
        {(strategy === "fixed" || strategy === "percent") && (
          <Field label={strategy === "fixed" ? p.fixedPrice : p.percent}>
            <Input inputMode="decimal" value={param} disabled={busy} onChange={(_e, d) => setParam(d.value)} data-testid="price-param" />
          </Field>
        )}
        <Field label={p.rounding}>
          <Select value={rounding} disabled={busy} onChange={(_e, d) => setRounding(d.value as RoundingKind)} data-testid="price-rounding">
            <option value="cents">{p.roundCents}</option>
            <option value="ending">{p.roundEnding}</option>
          </Select>
        </Field>
        {rounding === "ending" && (
          <Field label={p.ending}>
            <Input inputMode="decimal" value={ending} disabled={busy} onChange={(_e, d) => setEnding(d.value)} data-testid="price-ending" />
          </Field>
        )}
      </div>
      <ButtonRow>
        <Button appearance={next === "proposePrice" ? "primary" : "secondary"} icon={<TableRegular />} disabled={busy} onClick={() => void propose()} data-testid="price-propose">
          {p.propose}
        </Button>
        <Button appearance={next === "applyPrice" ? "primary" : "secondary"} icon={<CheckmarkRegular />} disabled={busy || !sheet} onClick={() => void apply()} data-testid="price-apply">
          {p.apply}
        </Button>
      </ButtonRow>
      <TaskProgress progress={task.progress} onCancel={task.cancel} />
      {applied?.batchId && (
        <Notice
          title={p.appliedTitle}
          testId="price-result"
          actions={
            <Button size="small" icon={<ArrowUndoRegular />} disabled={busy} onClick={() => void undo(applied.batchId!)}>
              {s.common.undo}
            </Button>
          }
        >
          <FactList
            facts={[
              [p.batch, applied.batchId],
              [p.versions, s.formatInteger(applied.versions)],
              [p.purchaseVersions, s.formatInteger(applied.purchaseVersions)],
              [p.unchanged, s.formatInteger(applied.unchanged)],
              [p.skipped, s.formatInteger(applied.skipped)],
            ]}
          />
        </Notice>
      )}
      {notice && (
        <Notice intent="info" testId="price-notice">
          {notice}
        </Notice>
      )}
      <IssueBars issues={issues} hint={hint} testId="price-issues" />
    </StepSection>
  );
}
