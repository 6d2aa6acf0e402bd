/** Zeiten/Zähler → Regeln: load the time and click rules JSON (validated as `rules set` does) and see what is stored. */
import * as React from "react";
import { Button } from "@fluentui/react-components";
import { ArrowDownloadRegular, DocumentArrowUpRegular } from "@fluentui/react-icons";
import { setRules, storedRules } from "../../connection/use-cases";
import { EMPTY_RULES, type Rules } from "../../../core/time/rules";
import type { Issue } from "../../../core/issues";
import { useHost } from "../../host";
import { settleOutcome, type TaskOutcome, useTask } from "../../hooks/useTask";
import { useStrings } from "../../i18n";
import { downloadNames } from "../../i18n/downloads";
import { type RulesSummary, rulesSummary } from "../../usage/time-review-sheet";
import { ButtonRow } from "../common/ButtonRow";
import { FactList } from "../common/FactList";
import { FileButton } from "../common/FileButton";
import { IssueBars } from "../common/IssueBars";
import { Notice } from "../common/Notice";
import { StepSection } from "../common/StepSection";
import { TaskProgress } from "../common/TaskProgress";
import { ContractRulesForm, DefaultRulesForm } from "../settings/RulesForms";
import { ContractOverridesForm, FlatFeesForm, HolidaysForm } from "../settings/RulesExtraForms";
import { ContractExtrasForm } from "../settings/ContractExtrasForm";
import { settingsStrings } from "../../settings/settings-strings";
import type { UsageFlowProps } from "./TimeReviewSection";

export function RulesSection({ next = null, flow }: UsageFlowProps): React.ReactElement {
  const host = useHost();
  const s = useStrings();
  const u = s.usage;
  const task = useTask();
  const [summary, setSummary] = React.useState<RulesSummary | null>(null);
  const [rules, setRulesState] = React.useState<Rules>(EMPTY_RULES);
  const [stored, setStored] = React.useState(false);
  const [saved, setSaved] = React.useState<string | null>(null);
  const [issues, setIssues] = React.useState<Issue[]>([]);

  const refresh = React.useCallback(async () => {
    const rules = await storedRules(host.app);
    setStored(rules !== undefined);
    setSummary(rulesSummary(rules ?? EMPTY_RULES));
    setRulesState(rules ?? EMPTY_RULES);
  }, [host]);
  React.useEffect(() => {
    refresh().catch(() => undefined);
  }, [refresh]);

  // loading a small JSON file offers no cancel
  const settle = <T,>(outcome: TaskOutcome<T>): outcome is { status: "done"; value: T } => settleOutcome(outcome, () => undefined, (i) => setIssues([i]));

  const load = async ([file]: File[]) => {
    if (!file) return;
    setIssues([]);
    setSaved(null);
    const outcome = await task.run(u.loadingRules(file.name), async () => setRules(host.app, await file.text(), file.name));
    if (!settle(outcome)) return;
    const r = outcome.value;
    if (!r.ok) return setIssues(r.issues.map((i) => ({ ...i, where: { source: file.name, ...i.where } })));
    host.storeChanged();
    flow?.done("loadRules");
    setIssues(r.value.warnings);
    setSaved(u.rulesSaved(r.value.contracts));
    await refresh();
  };

  const savedByForm = async () => {
    await refresh();
    flow?.done("saveRules");
  };

  const exportRules = () => host.download(downloadNames[s.language].rules, new TextEncoder().encode(JSON.stringify(rules, null, 2) + "\n"), "application/json");

  const list = (items: readonly string[]) => (items.length > 0 ? items.join(", ") : "–");
  return (
    <>
    <StepSection id="section-rules" title={u.rulesTitle} intro={u.rulesIntro}>
      <ButtonRow>
        <FileButton label={u.loadRules} accept=".json,application/json" disabled={task.running} icon={<DocumentArrowUpRegular />} testId="rules-file" onFiles={(f) => void load(f)} />
        <Button icon={<ArrowDownloadRegular />} disabled={!stored} onClick={exportRules} data-testid="rules-export">
          {settingsStrings[s.language].rules.exportRules}
        </Button>
      </ButtonRow>
      <TaskProgress progress={task.progress} onCancel={task.cancel} />
      {saved && (
        <Notice testId="rules-saved">
          {saved}
        </Notice>
      )}
      {summary && stored ? (
        <FactList
          testId="rules-summary"
          facts={[
            [u.rulesUnitMinutes, `${summary.unitMinutes} min`],
            [u.rulesTimeContracts, list(summary.timeContracts)],
            [u.rulesClickContracts, list(summary.clickContracts)],
            [u.rulesActivities, list(summary.activities)],
            [u.rulesRegion, summary.holidayRegion],
          ]}
        />
      ) : (
        <Notice intent="info" testId="rules-summary">
          {u.rulesNone}
        </Notice>
      )}
      <IssueBars issues={issues} testId="rules-issues" />
    </StepSection>
      <DefaultRulesForm rules={rules} onSaved={savedByForm} primary={next === "saveDefaults"} onEditing={flow?.editing} />
      <ContractRulesForm rules={rules} onSaved={savedByForm} primary={next === "saveContract"} onEditing={flow?.editing} />
      <FlatFeesForm rules={rules} onSaved={savedByForm} primary={next === "saveFlatFees"} onEditing={flow?.editing} />
      <HolidaysForm rules={rules} onSaved={savedByForm} primary={next === "saveHolidays"} onEditing={flow?.editing} />
      <ContractOverridesForm rules={rules} onSaved={savedByForm} primary={next === "saveOverrides"} onEditing={flow?.editing} />
      <ContractExtrasForm rules={rules} onSaved={savedByForm} primary={next === "saveContractExtras"} onEditing={flow?.editing} />
    </>
  );
}
