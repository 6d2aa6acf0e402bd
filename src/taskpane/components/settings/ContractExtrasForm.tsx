/**
 * Zeiten/Zähler → Regeln: one contract's own surcharges, flat fees and holidays. Each list is the
 * default's until the clerk ticks "own" (it then starts as a copy of the company's and may be emptied:
 * none for this contract); the rows are the company forms' editors (rule-lists.tsx). Saves the whole
 * rules document through `setRules`, as the JSON upload does; errors stand next to their field and
 * nothing is stored while any is left.
 */
import * as React from "react";
import { Button, Checkbox, Field, Select } from "@fluentui/react-components";
import { SaveRegular } from "@fluentui/react-icons";
import { BUILTIN_TIME_DEFAULTS, type Rules } from "../../../core/time/rules";
import { differs, useReportEditing } from "../../hooks/useNextStep";
import { useHost } from "../../host";
import { useStrings } from "../../i18n";
import { contractExtrasStrings } from "../../settings/contract-extras-strings";
import { contractExtrasFieldOf, contractExtrasFormOf, ownListFromDefaults, rulesWithContractExtras, type ContractExtrasForm, type PoolsChoice } from "../../settings/contract-extras-form";
import { extraFormsStrings } from "../../settings/extra-forms-strings";
import { holidayText } from "../../settings/rules-extra-form";
import { settingsStrings } from "../../settings/settings-strings";
import { ButtonRow } from "../common/ButtonRow";
import { StepSection } from "../common/StepSection";
import { ContractPicker } from "./ContractPicker";
import { useFormStyles } from "./form-parts";
import { ExtraHolidayRows, FlatFeeRows, HolidaysOffBoxes, SurchargeRows } from "./rule-lists";
import { useRulesSave } from "./RulesForms";

interface Props {
  rules: Rules;
  onSaved: () => Promise<void>;
  /** Whether saving is the area's next step (its one primary button, issue 20). */
  primary?: boolean;
  /** Told whether the form holds typing not saved yet. */
  onEditing?: (form: "contractExtras", dirty: boolean) => void;
}

type ListKey = "surcharges" | "flatFees" | "extraHolidays" | "holidaysOff";

const NO_FORM: ContractExtrasForm = { surcharges: null, poolsCoverSurcharged: "", flatFees: null, extraHolidays: null, holidaysOff: null };

export function ContractExtrasForm({ rules, onSaved, primary = false, onEditing }: Props): React.ReactElement {
  const styles = useFormStyles();
  const host = useHost();
  const s = useStrings();
  const lang = s.language;
  const t = contractExtrasStrings[lang];
  const r = settingsStrings[lang].rules;
  const names = extraFormsStrings[lang].holidays.names;
  const [contractNo, setContractNo] = React.useState("");
  const [form, setForm] = React.useState<ContractExtrasForm | null>(null);
  React.useEffect(() => setForm(contractNo ? contractExtrasFormOf(rules, contractNo, lang) : null), [rules, contractNo, lang]);
  useReportEditing(onEditing, "contractExtras", React.useMemo(() => form !== null && differs(form, contractExtrasFormOf(rules, contractNo, lang)), [form, rules, contractNo, lang]));
  const { busy, save, error, status } = useRulesSave((i) => contractExtrasFieldOf(i, contractNo, form ?? NO_FORM));
  const patch = (p: Partial<ContractExtrasForm>) => setForm((f) => (f ? { ...f, ...p } : f));

  const d = rules.defaults;
  const region = rules.contracts[contractNo]?.holidayRegion ?? d.holidayRegion ?? BUILTIN_TIME_DEFAULTS.holidayRegion;
  const regionName = r.regions[region] ?? region;
  const year = Number(host.today().slice(0, 4));
  const known = [...new Set([...Object.keys(d.activities ?? {}), ...Object.keys(rules.contracts[contractNo]?.activities ?? {})])].join(", ");
  const pct = (p: string) => (lang === "de" ? p.replace(".", ",") : p);
  const defaultShown: Record<ListKey, string[]> = {
    surcharges: (d.surcharges ?? []).map((sc) => `${sc.label} (+${pct(sc.pct)} %)`),
    flatFees: (d.flatFees ?? []).map((f) => f.label),
    extraHolidays: (d.extraHolidays ?? []).map((h) => holidayText(h, lang)),
    holidaysOff: (d.holidaysOff ?? []).map((n) => names[n] ?? n),
  };
  const poolsDefault = d.poolsCoverSurcharged ?? BUILTIN_TIME_DEFAULTS.poolsCoverSurcharged;

  /** The "own list" switch of one list, and while it is off what the default holds. */
  const own = (key: ListKey, label: string) => (
    <>
      <Checkbox
        checked={form?.[key] != null}
        disabled={busy}
        label={label}
        onChange={(_, v) => patch({ [key]: v.checked === true ? ownListFromDefaults(rules, key, lang) : null } as Partial<ContractExtrasForm>)}
        data-testid={`extras-own-${key}`}
      />
      {form?.[key] == null ? (
        <p className={styles.hint} data-testid={`extras-default-${key}`}>
          {defaultShown[key].length > 0 ? t.defaultList(defaultShown[key].join(", ")) : t.noneInDefault}
        </p>
      ) : (
        form[key]!.length === 0 && key !== "holidaysOff" && <p className={styles.hint}>{t.noneOwn}</p>
      )}
    </>
  );

  return (
    <StepSection id="section-rules-contract-extras" title={t.title} intro={t.intro}>
      <div className={styles.form} data-testid="rules-extras-form">
        <ContractPicker rules={rules} label={r.contract} placeholder={r.chooseContract} value={contractNo} onChange={setContractNo} disabled={busy} testId="extras-contract" />
        {form && (
          <>
            <p className={styles.sub}>{t.surchargesTitle}</p>
            {own("surcharges", t.ownSurcharges)}
            {form.surcharges && <SurchargeRows rows={form.surcharges} onChange={(surcharges) => patch({ surcharges })} busy={busy} error={error} testId="extras-surcharge" addTestId="extras-add-surcharge" />}
            <Field label={t.poolsCoverSurcharged} validationState={error("poolsCoverSurcharged") ? "error" : "none"} validationMessage={error("poolsCoverSurcharged")}>
              <Select value={form.poolsCoverSurcharged} disabled={busy} onChange={(_, v) => patch({ poolsCoverSurcharged: v.value as PoolsChoice })} data-testid="extras-poolsCoverSurcharged">
                <option value="">{t.asDefault(poolsDefault ? t.yes : t.no)}</option>
                <option value="yes">{t.yes}</option>
                <option value="no">{t.no}</option>
              </Select>
            </Field>

            <p className={styles.sub}>{t.flatFeesTitle}</p>
            {own("flatFees", t.ownFlatFees)}
            {form.flatFees && <FlatFeeRows rows={form.flatFees} onChange={(flatFees) => patch({ flatFees })} busy={busy} error={error} known={known} testId="extras-flatfee" addTestId="extras-add-flatfee" />}

            <p className={styles.sub}>{t.holidaysTitle}</p>
            {own("extraHolidays", t.ownExtraHolidays)}
            {form.extraHolidays && <ExtraHolidayRows rows={form.extraHolidays} onChange={(extraHolidays) => patch({ extraHolidays })} busy={busy} error={error} testId="extras-holiday" addTestId="extras-add-holiday" />}
            {own("holidaysOff", t.ownHolidaysOff(regionName))}
            {form.holidaysOff && (
              <HolidaysOffBoxes off={form.holidaysOff} onChange={(holidaysOff) => patch({ holidaysOff })} region={region} year={year} label={t.offTitle} busy={busy} error={error("off")} testId="extras-holidays-off" />
            )}
            <ButtonRow>
              <Button appearance={primary ? "primary" : "secondary"} icon={<SaveRegular />} disabled={busy} onClick={() => void save(t.save, rulesWithContractExtras(rules, contractNo, form, lang), onSaved)} data-testid="extras-save">
                {t.save}
              </Button>
            </ButtonRow>
          </>
        )}
        {status("rules-extras")}
      </div>
    </StepSection>
  );
}
