/**
 * Zeiten/Zähler → Regeln as forms: the company's time rules (unit, rounding, Bundesland, rates per
 * activity, surcharges) and one contract's included hours, contingent and click prices. Each saves
 * the whole rules document through `setRules`, the JSON upload's path and validator; errors appear
 * next to their field and nothing is stored while any is left.
 */
import * as React from "react";
import { Button, Checkbox, Field, Radio, RadioGroup, Select } from "@fluentui/react-components";
import { AddRegular, DeleteRegular, SaveRegular } from "@fluentui/react-icons";
import { setRules } from "../../connection/use-cases";
import type { Issue } from "../../../core/issues";
import { HOLIDAY_REGIONS } from "../../../core/time/holidays";
import type { Rules } from "../../../core/time/rules";
import { useHost } from "../../host";
import { useTask } from "../../hooks/useTask";
import { useStrings } from "../../i18n";
import {
  EMPTY_CLICK,
  UNIT_MINUTES,
  contractFormOf,
  defaultsFormOf,
  rulesFieldOf,
  rulesWithContract,
  rulesWithDefaults,
  type ClickForm,
  type ContractForm,
  type DefaultsForm,
} from "../../settings/rules-form";
import { settingsStrings } from "../../settings/settings-strings";
import { ButtonRow } from "../common/ButtonRow";
import { DateField } from "../common/DateFields";
import { IssueBars } from "../common/IssueBars";
import { Notice } from "../common/Notice";
import { StepSection } from "../common/StepSection";
import { TaskProgress } from "../common/TaskProgress";
import { ContractPicker } from "./ContractPicker";
import { TextField, errorsByField, fieldMessage, useFormStyles } from "./form-parts";
import { SurchargeRows } from "./rule-lists";
import { differs, useReportEditing } from "../../hooks/useNextStep";

interface FormProps {
  rules: Rules;
  onSaved: () => Promise<void>;
  /** Whether saving is the area's next step (its one primary button, issue 20). */
  primary?: boolean;
  /** Told whether the form holds typing not saved yet. */
  onEditing?: (form: "defaults" | "contract", dirty: boolean) => void;
}

/** Saving a rules document built by a form; field errors by key, the rest and warnings under the button. */
export function useRulesSave(fieldOf: (i: Issue) => string | null) {
  const host = useHost();
  const s = useStrings();
  const t = settingsStrings[s.language];
  const task = useTask();
  const [issues, setIssues] = React.useState<Issue[]>([]);
  const [notice, setNotice] = React.useState<string | null>(null);
  const save = async (label: string, doc: Record<string, unknown>, onSaved: () => Promise<void>) => {
    setIssues([]);
    setNotice(null);
    const outcome = await task.run(label, () => setRules(host.app, JSON.stringify(doc), label));
    if (outcome.status === "failed") return setIssues([outcome.issue]);
    if (outcome.status !== "done") return;
    if (!outcome.value.ok) return setIssues(outcome.value.issues);
    host.storeChanged();
    setIssues(outcome.value.value.warnings);
    setNotice(outcome.value.value.warnings.length > 0 ? t.savedWithWarnings : t.saved);
    await onSaved();
  };
  const { byField, rest } = errorsByField(issues, fieldOf);
  const error = (key: string) => fieldMessage(byField.get(key), s.language, t.required);
  const status = (testId: string) => (
    <>
      <TaskProgress progress={task.progress} onCancel={task.cancel} />
      <IssueBars issues={rest} testId={`${testId}-issues`} />
      {notice && !task.progress && <Notice testId={`${testId}-saved`}>{notice}</Notice>}
    </>
  );
  return { busy: task.running, save, error, status };
}

export function DefaultRulesForm({ rules, onSaved, primary = false, onEditing }: FormProps): React.ReactElement {
  const styles = useFormStyles();
  const s = useStrings();
  const t = settingsStrings[s.language].rules;
  const [form, setForm] = React.useState<DefaultsForm>(() => defaultsFormOf(rules, s.language));
  React.useEffect(() => setForm(defaultsFormOf(rules, s.language)), [rules, s.language]);
  useReportEditing(onEditing, "defaults", React.useMemo(() => differs(form, defaultsFormOf(rules, s.language)), [form, rules, s.language]));
  const { busy, save, error, status } = useRulesSave((i) => rulesFieldOf(i, { kind: "defaults", activities: form.activities, surcharges: form.surcharges }));
  const patch = (p: Partial<DefaultsForm>) => setForm((f) => ({ ...f, ...p }));
  const setRow = (index: number, p: Partial<DefaultsForm["activities"][number]>) => setForm((f) => ({ ...f, activities: f.activities.map((row, i) => (i === index ? { ...row, ...p } : row)) }));
  const removeRow = (index: number) => setForm((f) => ({ ...f, activities: f.activities.filter((_, i) => i !== index) }));
  const units = UNIT_MINUTES.includes(form.unitMinutes as (typeof UNIT_MINUTES)[number]) ? UNIT_MINUTES : [...UNIT_MINUTES, form.unitMinutes];
  const names = form.activities.map((a) => a.name.trim()).filter((n) => n !== "");

  return (
    <StepSection id="section-rules-defaults" title={t.defaultsTitle} intro={t.defaultsIntro}>
      <div className={styles.form} data-testid="rules-defaults-form">
        <div className={styles.pair}>
          <Field label={t.unitMinutes} validationState={error("unitMinutes") ? "error" : "none"} validationMessage={error("unitMinutes")}>
            <Select value={form.unitMinutes} disabled={busy} onChange={(_, d) => patch({ unitMinutes: d.value })} data-testid="rules-unitMinutes">
              {units.map((n) => (
                <option key={n} value={n}>
                  {t.minutes(n)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t.holidayRegion} validationState={error("holidayRegion") ? "error" : "none"} validationMessage={error("holidayRegion")}>
            <Select value={form.holidayRegion} disabled={busy} onChange={(_, d) => patch({ holidayRegion: d.value })} data-testid="rules-holidayRegion">
              {HOLIDAY_REGIONS.map((r) => (
                <option key={r} value={r}>
                  {t.regions[r] ?? r}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <Field label={t.rounding}>
          <RadioGroup layout="horizontal" value={form.rounding} disabled={busy} onChange={(_, d) => patch({ rounding: d.value === "ticket_day" ? "ticket_day" : "entry" })} data-testid="rules-rounding">
            <Radio value="entry" label={t.roundingEntry} />
            <Radio value="ticket_day" label={t.roundingTicketDay} />
          </RadioGroup>
        </Field>

        <p className={styles.sub}>{t.activitiesTitle}</p>
        {form.activities.map((a, i) => (
          <div key={i} className={styles.row} data-testid={`rules-activity-${i}`}>
            <div className={styles.pair}>
              <TextField label={t.activityName} value={a.name} disabled={busy} error={error(`activities.${i}.name`)} onChange={(v) => setRow(i, { name: v })} testId={`rules-activity-${i}-name`} />
              <TextField label={t.activityArticle} value={a.articleNo} disabled={busy} error={error(`activities.${i}.articleNo`)} onChange={(v) => setRow(i, { articleNo: v })} testId={`rules-activity-${i}-articleNo`} />
            </div>
            <TextField label={t.activityPrice} value={a.pricePerHour} numeric disabled={busy} error={error(`activities.${i}.pricePerHour`)} onChange={(v) => setRow(i, { pricePerHour: v })} testId={`rules-activity-${i}-price`} />
            <ButtonRow>
              <Button size="small" appearance="subtle" icon={<DeleteRegular />} disabled={busy} onClick={() => removeRow(i)}>
                {t.remove}
              </Button>
            </ButtonRow>
          </div>
        ))}
        <ButtonRow>
          <Button size="small" icon={<AddRegular />} disabled={busy} onClick={() => patch({ activities: [...form.activities, { name: "", articleNo: "", pricePerHour: "" }] })} data-testid="rules-add-activity">
            {t.addActivity}
          </Button>
        </ButtonRow>
        <Field label={t.defaultActivity} validationState={error("defaultActivity") ? "error" : "none"} validationMessage={error("defaultActivity")}>
          <Select value={form.defaultActivity} disabled={busy} onChange={(_, d) => patch({ defaultActivity: d.value })} data-testid="rules-defaultActivity">
            <option value="">{t.noDefaultActivity}</option>
            {[...new Set([...names, ...(form.defaultActivity ? [form.defaultActivity] : [])])].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </Select>
        </Field>

        <p className={styles.sub}>{t.surchargesTitle}</p>
        <SurchargeRows rows={form.surcharges} onChange={(surcharges) => patch({ surcharges })} busy={busy} error={error} testId="rules-surcharge" addTestId="rules-add-surcharge" />
        <Checkbox checked={form.poolsCoverSurcharged} disabled={busy} label={t.poolsCoverSurcharged} onChange={(_, d) => patch({ poolsCoverSurcharged: d.checked === true })} data-testid="rules-poolsCoverSurcharged" />
        <ButtonRow>
          <Button appearance={primary ? "primary" : "secondary"} icon={<SaveRegular />} disabled={busy} onClick={() => void save(t.saveDefaults, rulesWithDefaults(rules, form, s.language), onSaved)} data-testid="rules-defaults-save">
            {t.saveDefaults}
          </Button>
        </ButtonRow>
        {status("rules-defaults")}
      </div>
    </StepSection>
  );
}

const CLICK_FIELDS: readonly (keyof ClickForm)[] = ["includedBw", "includedColor", "priceBw", "priceColor", "minimumFee", "articleBw", "articleColor", "articleMinimum"];

export function ContractRulesForm({ rules, onSaved, primary = false, onEditing }: FormProps): React.ReactElement {
  const styles = useFormStyles();
  const s = useStrings();
  const t = settingsStrings[s.language].rules;
  const [contractNo, setContractNo] = React.useState("");
  const [form, setForm] = React.useState<ContractForm | null>(null);
  React.useEffect(() => setForm(contractNo ? contractFormOf(rules, contractNo, s.language) : null), [rules, contractNo, s.language]);
  useReportEditing(onEditing, "contract", React.useMemo(() => form !== null && differs(form, contractFormOf(rules, contractNo, s.language)), [form, rules, contractNo, s.language]));
  const { busy, save, error, status } = useRulesSave((i) => rulesFieldOf(i, { kind: "contract", contractNo }));
  const patch = (p: Partial<ContractForm>) => setForm((f) => (f ? { ...f, ...p } : f));

  return (
    <StepSection id="section-rules-contract" title={t.contractTitle} intro={t.contractIntro}>
      <div className={styles.form} data-testid="rules-contract-form">
        <ContractPicker rules={rules} label={t.contract} placeholder={t.chooseContract} value={contractNo} onChange={setContractNo} disabled={busy} testId="rules-contract" />
        {form && (
          <>
            <div className={styles.form}>
              <TextField label={t.includedHours} value={form.includedHoursPerMonth} numeric disabled={busy} error={error("includedHoursPerMonth")} onChange={(v) => patch({ includedHoursPerMonth: v })} testId="rules-includedHours" />
              <TextField label={t.monthlyHours} value={form.monthlyHours} numeric disabled={busy} error={error("monthlyHours")} onChange={(v) => patch({ monthlyHours: v })} testId="rules-monthlyHours" />
            </div>
            <p className={styles.sub}>{t.creditsTitle}</p>
            {form.credits.map((cr, i) => (
              <div key={i} className={styles.row} data-testid={`rules-credit-${i}`}>
                <div className={styles.pair}>
                  <DateField label={t.creditDate} value={cr.date} disabled={busy} onChange={(v) => patch({ credits: form.credits.map((c, j) => (j === i ? { ...c, date: v } : c)) })} testId={`rules-credit-${i}-date`} />
                  <TextField label={t.creditHours} value={cr.hours} numeric disabled={busy} error={error(`credits.${i}.hours`) ?? error(`credits.${i}.date`)} onChange={(v) => patch({ credits: form.credits.map((c, j) => (j === i ? { ...c, hours: v } : c)) })} testId={`rules-credit-${i}-hours`} />
                </div>
                <ButtonRow>
                  <Button size="small" appearance="subtle" icon={<DeleteRegular />} disabled={busy} onClick={() => patch({ credits: form.credits.filter((_, j) => j !== i) })}>
                    {t.remove}
                  </Button>
                </ButtonRow>
              </div>
            ))}
            <ButtonRow>
              <Button size="small" icon={<AddRegular />} disabled={busy} onClick={() => patch({ credits: [...form.credits, { date: "", hours: "" }] })} data-testid="rules-add-credit">
                {t.addCredit}
              </Button>
            </ButtonRow>
            <Checkbox checked={form.click !== null} disabled={busy} label={t.clickOn} onChange={(_, d) => patch({ click: d.checked === true ? { ...EMPTY_CLICK } : null })} data-testid="rules-click-on" />
            {form.click && (
              <div className={styles.form}>
                {CLICK_FIELDS.map((k) => (
                  <TextField
                    key={k}
                    label={t[k]}
                    value={form.click![k]}
                    numeric={!k.startsWith("article")}
                    disabled={busy}
                    error={error(`click.${k}`)}
                    onChange={(v) => patch({ click: { ...form.click!, [k]: v } })}
                    testId={`rules-click-${k}`}
                  />
                ))}
              </div>
            )}
            <ButtonRow>
              <Button appearance={primary ? "primary" : "secondary"} icon={<SaveRegular />} disabled={busy} onClick={() => void save(t.saveContract, rulesWithContract(rules, contractNo, form, s.language), onSaved)} data-testid="rules-contract-save">
                {t.saveContract}
              </Button>
            </ButtonRow>
          </>
        )}
        {status("rules-contract")}
      </div>
    </StepSection>
  );
}
