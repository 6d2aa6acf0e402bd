/**
 * Zeiten/Zähler → Regeln, the forms beyond the defaults and pools: flat fees, the company's own and
 * not observed holidays, and one contract's overrides (unit, rounding, Bundesland, rates, the
 * activity for entries without one). Each saves the whole rules document through `setRules` (as the
 * JSON upload); errors stand next to their field and nothing is stored while any is left.
 */
import * as React from "react";
import { Button, Field, Select } from "@fluentui/react-components";
import { AddRegular, SaveRegular } from "@fluentui/react-icons";
import { differs, useReportEditing } from "../../hooks/useNextStep";
import { HOLIDAY_REGIONS } from "../../../core/time/holidays";
import { BUILTIN_TIME_DEFAULTS, type Rules } from "../../../core/time/rules";
import { useHost } from "../../host";
import { useStrings } from "../../i18n";
import { extraFormsStrings } from "../../settings/extra-forms-strings";
import {
  duplicateActivityRows,
  extraFieldOf,
  flatFeeRowsOf,
  holidaysFormOf,
  overridesFormOf,
  rulesWithFlatFees,
  rulesWithHolidays,
  rulesWithOverrides,
  type FlatFeeRow,
  type HolidaysForm,
  type OverridesForm,
} from "../../settings/rules-extra-form";
import { UNIT_MINUTES } from "../../settings/rules-form";
import { settingsStrings } from "../../settings/settings-strings";
import { ButtonRow } from "../common/ButtonRow";
import { StepSection } from "../common/StepSection";
import { ContractPicker } from "./ContractPicker";
import { TextField, useFormStyles } from "./form-parts";
import { ExtraHolidayRows, FlatFeeRows, HolidaysOffBoxes, RemoveRow } from "./rule-lists";
import { useRulesSave } from "./RulesForms";

interface FormProps {
  rules: Rules;
  onSaved: () => Promise<void>;
  /** Whether saving is the area's next step (its one primary button, issue 20). */
  primary?: boolean;
  /** Told whether the form holds typing not saved yet. */
  onEditing?: (form: "flatFees" | "holidays" | "overrides", dirty: boolean) => void;
}

export function FlatFeesForm({ rules, onSaved, primary = false, onEditing }: FormProps): React.ReactElement {
  const styles = useFormStyles();
  const s = useStrings();
  const x = extraFormsStrings[s.language];
  const t = x.flatFees;
  const [rows, setRows] = React.useState<FlatFeeRow[]>(() => flatFeeRowsOf(rules.defaults.flatFees, s.language));
  React.useEffect(() => setRows(flatFeeRowsOf(rules.defaults.flatFees, s.language)), [rules, s.language]);
  useReportEditing(onEditing, "flatFees", React.useMemo(() => differs(rows, flatFeeRowsOf(rules.defaults.flatFees, s.language)), [rows, rules, s.language]));
  const { busy, save, error, status } = useRulesSave((i) => extraFieldOf(i, { kind: "flatFees", rows }));
  const known = Object.keys(rules.defaults.activities ?? {}).join(", ");

  return (
    <StepSection id="section-rules-flatfees" title={t.title} intro={t.intro}>
      <div className={styles.form} data-testid="rules-flatfees-form">
        <FlatFeeRows rows={rows} onChange={setRows} busy={busy} error={error} known={known} testId="flatfee" addTestId="flatfee-add" />
        <ButtonRow>
          <Button appearance={primary ? "primary" : "secondary"} icon={<SaveRegular />} disabled={busy} onClick={() => void save(t.save, rulesWithFlatFees(rules, rows, s.language), onSaved)} data-testid="flatfees-save">
            {t.save}
          </Button>
        </ButtonRow>
        {status("rules-flatfees")}
      </div>
    </StepSection>
  );
}

export function HolidaysForm({ rules, onSaved, primary = false, onEditing }: FormProps): React.ReactElement {
  const styles = useFormStyles();
  const host = useHost();
  const s = useStrings();
  const x = extraFormsStrings[s.language];
  const t = x.holidays;
  const [form, setForm] = React.useState<HolidaysForm>(() => holidaysFormOf(rules, s.language));
  React.useEffect(() => setForm(holidaysFormOf(rules, s.language)), [rules, s.language]);
  useReportEditing(onEditing, "holidays", React.useMemo(() => differs(form, holidaysFormOf(rules, s.language)), [form, rules, s.language]));
  const { busy, save, error, status } = useRulesSave((i) => extraFieldOf(i, { kind: "holidays", extra: form.extra }));
  const region = rules.defaults.holidayRegion ?? BUILTIN_TIME_DEFAULTS.holidayRegion;
  const year = Number(host.today().slice(0, 4));
  const regionName = settingsStrings[s.language].rules.regions[region] ?? region;

  return (
    <StepSection id="section-rules-holidays" title={t.title} intro={t.intro(regionName)}>
      <div className={styles.form} data-testid="rules-holidays-form">
        <p className={styles.sub}>{t.extraTitle}</p>
        <ExtraHolidayRows rows={form.extra} onChange={(extra) => setForm((f) => ({ ...f, extra }))} busy={busy} error={error} testId="holiday" addTestId="holiday-add" />
        <HolidaysOffBoxes off={form.off} onChange={(off) => setForm((f) => ({ ...f, off }))} region={region} year={year} label={t.offTitle} busy={busy} error={error("off")} testId="holidays-off" />
        <ButtonRow>
          <Button appearance={primary ? "primary" : "secondary"} icon={<SaveRegular />} disabled={busy} onClick={() => void save(t.save, rulesWithHolidays(rules, form), onSaved)} data-testid="holidays-save">
            {t.save}
          </Button>
        </ButtonRow>
        {status("rules-holidays")}
      </div>
    </StepSection>
  );
}

export function ContractOverridesForm({ rules, onSaved, primary = false, onEditing }: FormProps): React.ReactElement {
  const styles = useFormStyles();
  const s = useStrings();
  const x = extraFormsStrings[s.language];
  const t = x.overrides;
  const r = settingsStrings[s.language].rules;
  const [contractNo, setContractNo] = React.useState("");
  const [form, setForm] = React.useState<OverridesForm | null>(null);
  React.useEffect(() => setForm(contractNo ? overridesFormOf(rules, contractNo, s.language) : null), [rules, contractNo, s.language]);
  useReportEditing(onEditing, "overrides", React.useMemo(() => form !== null && differs(form, overridesFormOf(rules, contractNo, s.language)), [form, rules, contractNo, s.language]));
  const { busy, save, error: saveError, status } = useRulesSave((i) => extraFieldOf(i, { kind: "overrides", contractNo, activities: form?.activities ?? [] }));
  // two rows of one activity would leave one of them out of the document without a word
  const [twice, setTwice] = React.useState<number[]>([]);
  React.useEffect(() => setTwice([]), [contractNo]);
  const error = (key: string) => saveError(key) ?? (twice.some((i) => key === `activities.${i}.name`) ? t.twice : undefined);
  const trySave = (f: OverridesForm) => {
    const dupes = duplicateActivityRows(f.activities);
    setTwice(dupes);
    if (dupes.length === 0) void save(t.save, rulesWithOverrides(rules, contractNo, f, s.language), onSaved);
  };
  const patch = (p: Partial<OverridesForm>) => setForm((f) => (f ? { ...f, ...p } : f));
  const setAct = (index: number, p: Partial<OverridesForm["activities"][number]>) => setForm((f) => (f ? { ...f, activities: f.activities.map((a, i) => (i === index ? { ...a, ...p } : a)) } : f));
  const d = rules.defaults;
  const unit = String(d.unitMinutes ?? BUILTIN_TIME_DEFAULTS.unitMinutes);
  const region = d.holidayRegion ?? BUILTIN_TIME_DEFAULTS.holidayRegion;
  const rounding = d.rounding ?? BUILTIN_TIME_DEFAULTS.rounding;
  const units = form && form.unitMinutes !== "" && !(UNIT_MINUTES as readonly string[]).includes(form.unitMinutes) ? [...UNIT_MINUTES, form.unitMinutes] : UNIT_MINUTES;
  // the activities an entry of this contract can have: the company's and the contract's own rows
  const activityNames = [...new Set([...Object.keys(d.activities ?? {}), ...(form?.activities ?? []).map((a) => a.name.trim()).filter((n) => n !== ""), ...(form?.defaultActivity ? [form.defaultActivity] : [])])];
  const selectField = (key: "unitMinutes" | "rounding" | "holidayRegion" | "defaultActivity", label: string, options: [string, string][]) => (
    <Field label={label} validationState={error(key) ? "error" : "none"} validationMessage={error(key)}>
      <Select value={form?.[key] ?? ""} disabled={busy} onChange={(_, v) => patch({ [key]: v.value } as Partial<OverridesForm>)} data-testid={`override-${key}`}>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </Select>
    </Field>
  );

  return (
    <StepSection id="section-rules-overrides" title={t.title} intro={t.intro}>
      <div className={styles.form} data-testid="rules-overrides-form">
        <ContractPicker rules={rules} label={r.contract} placeholder={r.chooseContract} value={contractNo} onChange={setContractNo} disabled={busy} testId="override-contract" />
        {form && (
          <>
            {selectField("unitMinutes", r.unitMinutes, [["", t.asDefault(r.minutes(unit))], ...units.map((n): [string, string] => [n, r.minutes(n)])])}
            {selectField("rounding", r.rounding, [
              ["", t.asDefault(rounding === "entry" ? r.roundingEntry : r.roundingTicketDay)],
              ["entry", r.roundingEntry],
              ["ticket_day", r.roundingTicketDay],
            ])}
            {selectField("holidayRegion", r.holidayRegion, [["", t.asDefault(r.regions[region] ?? region)], ...HOLIDAY_REGIONS.map((g): [string, string] => [g, r.regions[g] ?? g])])}
            <p className={styles.sub}>{t.activitiesTitle}</p>
            {form.activities.map((a, i) => (
              <div key={i} className={styles.row} data-testid={`override-activity-${i}`}>
                <div className={styles.pair}>
                  <TextField label={r.activityName} value={a.name} disabled={busy} error={error(`activities.${i}.name`)} onChange={(v) => setAct(i, { name: v })} testId={`override-activity-${i}-name`} />
                  <TextField label={r.activityArticle} value={a.articleNo} disabled={busy} error={error(`activities.${i}.articleNo`)} onChange={(v) => setAct(i, { articleNo: v })} testId={`override-activity-${i}-articleNo`} />
                </div>
                <TextField label={r.activityPrice} value={a.pricePerHour} numeric disabled={busy} error={error(`activities.${i}.pricePerHour`)} onChange={(v) => setAct(i, { pricePerHour: v })} testId={`override-activity-${i}-price`} />
                <RemoveRow label={x.remove} disabled={busy} onClick={() => patch({ activities: form.activities.filter((_, j) => j !== i) })} testId={`override-activity-${i}-remove`} />
              </div>
            ))}
            <ButtonRow>
              <Button size="small" icon={<AddRegular />} disabled={busy} onClick={() => patch({ activities: [...form.activities, { name: "", articleNo: "", pricePerHour: "" }] })} data-testid="override-add-activity">
                {t.add}
              </Button>
            </ButtonRow>
            {selectField("defaultActivity", r.defaultActivity, [["", t.asDefault(d.defaultActivity ?? r.noDefaultActivity)], ...activityNames.map((n): [string, string] => [n, n])])}
            <ButtonRow>
              <Button appearance={primary ? "primary" : "secondary"} icon={<SaveRegular />} disabled={busy} onClick={() => trySave(form)} data-testid="overrides-save">
                {t.save}
              </Button>
            </ButtonRow>
          </>
        )}
        {status("rules-overrides")}
      </div>
    </StepSection>
  );
}
