/**
 * Stammdaten → company data and bank account, and the DATEV settings, as forms. Saving sends the
 * form's JSON through `saveExportSettingsFile` (the path of the JSON settings file, with its
 * validators); errors appear next to their field, and nothing is stored while any is left. The JSON
 * file can still be loaded and the stored settings downloaded as one.
 */
import * as React from "react";
import { Button, Checkbox, Field, Radio, RadioGroup, Select } from "@fluentui/react-components";
import { ArrowDownloadRegular, DocumentArrowUpRegular, SaveRegular } from "@fluentui/react-icons";
import { loadCompanyInfo, loadDatevConfig, saveExportSettingsFile } from "../../connection/use-cases";
import type { Issue } from "../../../core/issues";
import { CHART_PRESETS } from "../../../io/export/datev/config";
import { useHost } from "../../host";
import { useTask } from "../../hooks/useTask";
import { useStrings } from "../../i18n";
import { downloadNames } from "../../i18n/downloads";
import { COMPANY_MULTILINE, companyFieldOf, companyFormOf, companyJsonOf, type CompanyField, type CompanyForm } from "../../settings/company-form";
import { DATEV_RATES, datevFieldOf, datevFormOf, datevJsonOf, type DatevField, type DatevForm } from "../../settings/datev-form";
import { settingsStrings } from "../../settings/settings-strings";
import { ButtonRow } from "../common/ButtonRow";
import { FileButton } from "../common/FileButton";
import { IssueBars } from "../common/IssueBars";
import { Notice } from "../common/Notice";
import { StepSection } from "../common/StepSection";
import { TaskProgress } from "../common/TaskProgress";
import { TextField, errorsByField, fieldMessage, useFormStyles } from "./form-parts";
import { differs, useReportEditing } from "../../hooks/useNextStep";
import type { MasterNext } from "../../master/next-step";

type Part = "company" | "datev" | "json";

const MAIN: readonly CompanyField[] = ["name", "address", "taxNumber", "vatId", "email", "phone", "web", "contactName"];
const BANK: readonly CompanyField[] = ["bankName", "iban", "bic", "paymentTerms", "footer"];
const MORE: readonly CompanyField[] = ["street", "postcode", "city", "countryCode", "creditorId"];

export interface CompanySettingsProps {
  /** The Stammdaten area's next step: its button is the one primary button (issue 20). */
  next?: MasterNext | null;
  /** Told whether a form holds typing not saved yet. */
  onEditing?: (form: "company" | "datev", dirty: boolean) => void;
}

export function CompanySettingsSection({ next = null, onEditing }: CompanySettingsProps = {}): React.ReactElement {
  const styles = useFormStyles();
  const host = useHost();
  const s = useStrings();
  const t = settingsStrings[s.language];
  const task = useTask();
  const busy = task.running;
  const [company, setCompany] = React.useState<CompanyForm>(() => companyFormOf(null));
  const [datev, setDatev] = React.useState<DatevForm>(() => datevFormOf(null, s.language));
  const [stored, setStored] = React.useState<{ company: boolean; datev: boolean }>({ company: false, datev: false });
  // The forms as filled from the store: typing that differs from them is unsaved.
  const [filled, setFilled] = React.useState<{ company: CompanyForm; datev: DatevForm }>(() => ({ company, datev }));
  useReportEditing(onEditing, "company", differs(company, filled.company));
  useReportEditing(onEditing, "datev", differs(datev, filled.datev));
  // Results show under the form (or the JSON buttons) that produced them.
  const [at, setAt] = React.useState<Part>("company");
  const [issues, setIssues] = React.useState<Issue[]>([]);
  const [notice, setNotice] = React.useState<string | null>(null);

  const load = React.useCallback(async () => {
    const [c, d] = await Promise.all([loadCompanyInfo(host.app), loadDatevConfig(host.app)]);
    const info = c.ok ? c.value : null;
    const config = d.ok ? d.value : null;
    setCompany(companyFormOf(info));
    setDatev(datevFormOf(config, s.language));
    setFilled({ company: companyFormOf(info), datev: datevFormOf(config, s.language) });
    setStored({ company: info !== null, datev: config !== null });
  }, [host, s.language]);
  React.useEffect(() => {
    load().catch(() => undefined);
  }, [load]);

  const save = async (part: Part, label: string, name: string, text: string) => {
    setAt(part);
    setIssues([]);
    setNotice(null);
    const outcome = await task.run(label, () => saveExportSettingsFile(host.app, name, text));
    if (outcome.status === "failed") return setIssues([outcome.issue]);
    if (outcome.status !== "done") return;
    if (!outcome.value.ok) return setIssues(outcome.value.issues);
    host.storeChanged();
    await load();
    const saved = outcome.value.value;
    if (part === "json") setNotice(t.imported([saved.company && t.company.title, saved.datev && t.datev.title, saved.profiles.length > 0 && saved.profiles.join(", ")].filter(Boolean).join(", ")));
    else setNotice(t.saved);
  };

  const exportJson = async () => {
    setAt("json");
    setIssues([]);
    setNotice(null);
    const [c, d] = await Promise.all([loadCompanyInfo(host.app), loadDatevConfig(host.app)]);
    const doc = { ...(d.ok && d.value ? { datev: d.value } : {}), ...(c.ok && c.value ? { company: c.value } : {}) };
    host.download(downloadNames[s.language].settings, new TextEncoder().encode(JSON.stringify(doc, null, 2) + "\n"), "application/json");
  };

  const companyErrors = at === "company" ? errorsByField(issues, companyFieldOf) : { byField: new Map<CompanyField, Issue>(), rest: [] as Issue[] };
  const datevErrors = at === "datev" ? errorsByField(issues, datevFieldOf) : { byField: new Map<DatevField, Issue>(), rest: [] as Issue[] };
  const status = (part: Part, rest: readonly Issue[]) =>
    at === part && (
      <>
        <TaskProgress progress={task.progress} onCancel={task.cancel} />
        <IssueBars issues={rest} testId={`${part}-settings-issues`} />
        {notice && !task.progress && <Notice testId={`${part}-settings-saved`}>{notice}</Notice>}
      </>
    );

  const companyField = (k: CompanyField) => (
    <TextField
      key={k}
      label={t.company.fields[k]}
      value={company[k]}
      required={k === "name" || k === "address"}
      multiline={COMPANY_MULTILINE.includes(k)}
      disabled={busy}
      error={fieldMessage(companyErrors.byField.get(k), s.language, t.required)}
      onChange={(v) => setCompany((f) => ({ ...f, [k]: v }))}
      testId={`company-${k}`}
    />
  );
  const datevError = (k: DatevField) => fieldMessage(datevErrors.byField.get(k), s.language, t.required);
  const datevText = (k: "consultantNo" | "clientNo" | "fiscalYearStart" | "defaultDebtor" | "label", label: string, extra: { placeholder?: string; hint?: string; numeric?: boolean; required?: boolean } = {}) => (
    <TextField label={label} value={datev[k]} disabled={busy} error={datevError(k)} onChange={(v) => setDatev((f) => ({ ...f, [k]: v }))} testId={`datev-${k}`} {...extra} />
  );
  const preset = CHART_PRESETS[datev.chart];

  return (
    <>
      <StepSection id="section-company" title={t.company.title} intro={t.company.intro}>
        <div className={styles.form} data-testid="company-form">
          {MAIN.map(companyField)}
          <p className={styles.sub}>{t.company.bankTitle}</p>
          {BANK.map(companyField)}
          <p className={styles.sub}>{t.company.moreTitle}</p>
          {MORE.map(companyField)}
          <ButtonRow>
            <Button appearance={next === "saveCompany" ? "primary" : "secondary"} icon={<SaveRegular />} disabled={busy} onClick={() => void save("company", t.company.save, t.company.title, JSON.stringify({ company: companyJsonOf(company) }))} data-testid="company-save">
              {t.company.save}
            </Button>
          </ButtonRow>
          {status("company", companyErrors.rest)}
        </div>
      </StepSection>

      <StepSection id="section-datev" title={t.datev.title} intro={t.datev.intro}>
        <div className={styles.form} data-testid="datev-form">
          <div className={styles.pair}>
            {datevText("consultantNo", t.datev.consultantNo, { numeric: true, required: true })}
            {datevText("clientNo", t.datev.clientNo, { numeric: true, required: true })}
          </div>
          <div className={styles.pair}>
            {datevText("fiscalYearStart", t.datev.fiscalYearStart, { placeholder: t.datev.fiscalYearStartPlaceholder, required: true })}
            <Field label={t.datev.accountLength} validationState={datevError("accountLength") ? "error" : "none"} validationMessage={datevError("accountLength")}>
              <Select value={datev.accountLength} disabled={busy} onChange={(_, d) => setDatev((f) => ({ ...f, accountLength: d.value }))} data-testid="datev-accountLength">
                {["4", "5", "6", "7", "8"].map((n) => (
                  <option key={n} value={n}>
                    {t.datev.accountDigits(n)}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <Field label={t.datev.chart}>
            <RadioGroup layout="horizontal" value={datev.chart} disabled={busy} onChange={(_, d) => setDatev((f) => ({ ...f, chart: d.value === "SKR04" ? "SKR04" : "SKR03" }))} data-testid="datev-chart">
              <Radio value="SKR03" label="SKR03" />
              <Radio value="SKR04" label="SKR04" />
            </RadioGroup>
          </Field>
          {DATEV_RATES.map((rate) => {
            const p = preset[rate];
            return (
              <TextField
                key={rate}
                label={t.datev.revenueAccount(rate)}
                value={datev.revenueAccounts[rate]}
                hint={p ? t.datev.presetHint(p.padEnd(Number(datev.accountLength) || 4, "0")) : t.datev.noPreset}
                numeric
                disabled={busy}
                error={datevError(`revenueAccounts.${rate}`)}
                onChange={(v) => setDatev((f) => ({ ...f, revenueAccounts: { ...f.revenueAccounts, [rate]: v } }))}
                testId={`datev-revenue-${rate}`}
              />
            );
          })}
          {datevText("defaultDebtor", t.datev.defaultDebtor, { numeric: true })}
          <Checkbox checked={datev.debtorFromCustomerNo} disabled={busy} label={t.datev.debtorFromCustomerNo} onChange={(_, d) => setDatev((f) => ({ ...f, debtorFromCustomerNo: d.checked === true }))} data-testid="datev-debtorFromCustomerNo" />
          {datevText("label", t.datev.label, { hint: t.datev.labelHint })}
          <ButtonRow>
            <Button appearance={next === "saveDatev" ? "primary" : "secondary"} icon={<SaveRegular />} disabled={busy} onClick={() => void save("datev", t.datev.save, t.datev.title, JSON.stringify({ datev: datevJsonOf(datev) }))} data-testid="datev-save">
              {t.datev.save}
            </Button>
          </ButtonRow>
          {status("datev", datevErrors.rest)}
        </div>
        <p className={styles.sub}>{t.jsonHint}</p>
        <ButtonRow>
          <FileButton label={t.importJson} accept=".json,application/json" disabled={busy} icon={<DocumentArrowUpRegular />} testId="settings-json-file" onFiles={([f]) => void (async () => f && save("json", t.importJson, f.name, await f.text()))()} />
          <Button icon={<ArrowDownloadRegular />} disabled={busy || (!stored.company && !stored.datev)} onClick={() => void exportJson()} data-testid="settings-json-export">
            {t.exportJson}
          </Button>
        </ButtonRow>
        {status("json", at === "json" ? issues : [])}
      </StepSection>
    </>
  );
}
