/**
 * Stammdaten → Exportprofile: a saved profile (or a new one) as a form, its columns as rows (add,
 * remove, move). Saving sends the profile's JSON through `saveExportSettingsFile`, the path of a
 * profile file, so `validateExportProfile` checks it; errors stand next to their field and nothing is
 * stored while any is left. Profile files can still be loaded and the saved profiles downloaded.
 * A saved profile can be deleted (*Löschen*, after a confirmation naming it; `deleteExportProfile`).
 */
import * as React from "react";
import { Button, Checkbox, Field, Radio, RadioGroup, Select } from "@fluentui/react-components";
import { AddRegular, ArrowDownRegular, ArrowDownloadRegular, ArrowUpRegular, DeleteRegular, DocumentArrowUpRegular, SaveRegular } from "@fluentui/react-icons";
import { deleteExportProfile, saveExportSettingsFile } from "../../connection/use-cases";
import { differs, useReportEditing } from "../../hooks/useNextStep";
import type { Issue } from "../../../core/issues";
import { EXPORT_DATE_FORMATS, EXPORT_DELIMITERS, EXPORT_ENCODINGS, EXPORT_LEVELS, exportProfilesJson, type ExportField, type ExportProfile } from "../../../io/export/custom-csv/profile";
import { listExportProfiles } from "../../connection/use-cases";
import { useHost } from "../../host";
import { useTask } from "../../hooks/useTask";
import { useStrings } from "../../i18n";
import { downloadNames } from "../../i18n/downloads";
import { exportProfileDeleteStrings } from "../../settings/export-profile-delete-strings";
import { extraFormsStrings } from "../../settings/extra-forms-strings";
import { fieldsAt, newProfileForm, profileFieldOf, profileFormOf, profileJsonOf, type ColumnRow, type ProfileForm } from "../../settings/export-profile-form";
import { settingsStrings } from "../../settings/settings-strings";
import { ButtonRow } from "../common/ButtonRow";
import { ConfirmNotice } from "../common/ConfirmNotice";
import { FileButton } from "../common/FileButton";
import { IssueBars } from "../common/IssueBars";
import { Notice } from "../common/Notice";
import { StepSection } from "../common/StepSection";
import { TaskProgress } from "../common/TaskProgress";
import { TextField, errorsByField, fieldMessage, useFormStyles } from "./form-parts";

export interface ExportProfileSectionProps {
  /** Whether saving is the area's next step (its one primary button, issue 20). */
  primary?: boolean;
  /** Told whether the form holds typing not saved yet. */
  onEditing?: (form: "exportProfile", dirty: boolean) => void;
}

export function ExportProfileSection({ primary = false, onEditing }: ExportProfileSectionProps = {}): React.ReactElement {
  const styles = useFormStyles();
  const host = useHost();
  const s = useStrings();
  const common = settingsStrings[s.language];
  const x = extraFormsStrings[s.language];
  const t = x.profile;
  const del = exportProfileDeleteStrings[s.language];
  const task = useTask();
  const busy = task.running;
  const label = React.useCallback((f: ExportField) => t.fields[f], [t]);
  const [profiles, setProfiles] = React.useState<ExportProfile[]>([]);
  const [chosen, setChosen] = React.useState("");
  const [form, setForm] = React.useState<ProfileForm>(() => newProfileForm(label));
  const [issues, setIssues] = React.useState<Issue[]>([]);
  const [idTaken, setIdTaken] = React.useState(false);
  const [notice, setNotice] = React.useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = React.useState(false);
  const [deleted, setDeleted] = React.useState<string | null>(null);
  // What the form was filled with (a saved profile or the empty new one): typing beyond it is unsaved.
  const [baseline, setBaseline] = React.useState<ProfileForm>(() => newProfileForm(label));
  useReportEditing(onEditing, "exportProfile", React.useMemo(() => differs(form, baseline), [form, baseline]));

  const load = React.useCallback(async () => {
    const { profiles } = await listExportProfiles(host.app);
    setProfiles(profiles);
    return profiles;
  }, [host]);
  React.useEffect(() => {
    load().catch(() => undefined);
  }, [load]);

  const choose = (id: string, list = profiles) => {
    setChosen(id);
    const p = list.find((q) => q.id === id);
    const filled = p ? profileFormOf(p) : newProfileForm(label);
    setForm(filled);
    setBaseline(filled);
    setIssues([]);
    setIdTaken(false);
    setConfirmDelete(false);
  };

  const run = async (what: string, name: string, text: string, after: (saved: string[]) => string) => {
    setIssues([]);
    setNotice(null);
    setDeleted(null);
    setIdTaken(false);
    const outcome = await task.run(what, () => saveExportSettingsFile(host.app, name, text));
    if (outcome.status === "failed") return setIssues([outcome.issue]);
    if (outcome.status !== "done") return;
    if (!outcome.value.ok) return setIssues(outcome.value.issues);
    host.storeChanged();
    const list = await load();
    const saved = outcome.value.value.profiles;
    if (saved.length > 0) choose(saved[0]!, list);
    setNotice(after(saved));
  };

  const current = profiles.find((p) => p.id === chosen);
  const remove = async () => {
    if (!current) return;
    setIssues([]);
    setNotice(null);
    setDeleted(null);
    setConfirmDelete(false);
    const outcome = await task.run(del.button, () => deleteExportProfile(host.app, current.id));
    if (outcome.status === "failed") return setIssues([outcome.issue]);
    if (outcome.status !== "done") return;
    if (!outcome.value.ok) return setIssues(outcome.value.issues);
    host.storeChanged();
    choose("", await load());
    setDeleted(del.deleted(outcome.value.value.name, outcome.value.value.id));
  };

  const save = () => {
    const json = profileJsonOf(form);
    // a new profile would replace the saved one of the same id without a word
    if (chosen === "" && profiles.some((p) => p.id === json.id)) {
      setIssues([]);
      setNotice(null);
      setIdTaken(true);
      return;
    }
    void run(t.save, t.title, JSON.stringify({ profiles: [json] }), (saved) => t.saved(saved[0] ?? ""));
  };

  const { byField, rest } = errorsByField(issues, (i) => profileFieldOf(i, form.columns));
  const error = (key: string) => (key === "id" && idTaken ? t.idTaken : fieldMessage(byField.get(key), s.language, common.required));
  const patch = (p: Partial<ProfileForm>) => setForm((f) => ({ ...f, ...p }));
  const setCol = (index: number, p: Partial<ColumnRow>) => setForm((f) => ({ ...f, columns: f.columns.map((c, i) => (i === index ? { ...c, ...p } : c)) }));
  const move = (index: number, by: -1 | 1) =>
    setForm((f) => {
      const cols = [...f.columns];
      const [c] = cols.splice(index, 1);
      cols.splice(index + by, 0, c!);
      return { ...f, columns: cols };
    });
  const available = fieldsAt(form.level);
  const select = (key: "level" | "delimiter" | "dateFormat" | "encoding", text: string, options: readonly string[], shown: (o: string) => string) => (
    <Field label={text} validationState={error(key) ? "error" : "none"} validationMessage={error(key)}>
      <Select value={form[key]} disabled={busy} onChange={(_, d) => patch({ [key]: d.value })} data-testid={`profile-${key}`}>
        {options.map((o) => (
          <option key={o} value={o}>
            {shown(o)}
          </option>
        ))}
      </Select>
    </Field>
  );

  return (
    <StepSection id="section-export-profiles" title={t.title} intro={t.intro}>
      <div className={styles.form} data-testid="export-profile-form">
        <Field label={t.choose}>
          <Select value={chosen} disabled={busy} onChange={(_, d) => choose(d.value)} data-testid="profile-choose">
            <option value="">{t.newProfile}</option>
            {profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {`${p.name} (${p.id})`}
              </option>
            ))}
          </Select>
        </Field>
        <TextField label={t.name} value={form.name} required disabled={busy} error={error("name")} onChange={(v) => patch({ name: v })} testId="profile-name" />
        <TextField label={t.id} hint={t.idHint} value={form.id} required disabled={busy || chosen !== ""} error={error("id")} onChange={(v) => patch({ id: v })} testId="profile-id" />
        {select("level", t.level, EXPORT_LEVELS, (o) => t.levels[o as keyof typeof t.levels])}
        <div className={styles.pair}>
          {select("delimiter", t.delimiter, EXPORT_DELIMITERS, (o) => t.delimiters[o] ?? o)}
          {select("dateFormat", t.dateFormat, EXPORT_DATE_FORMATS, (o) => o)}
        </div>
        {select("encoding", t.encoding, EXPORT_ENCODINGS, (o) => t.encodings[o as keyof typeof t.encodings])}
        <Field label={t.decimal}>
          <RadioGroup layout="horizontal" value={form.decimal} disabled={busy} onChange={(_, d) => patch({ decimal: d.value })} data-testid="profile-decimal">
            <Radio value="," label={t.decimalComma} />
            <Radio value="." label={t.decimalPoint} />
          </RadioGroup>
        </Field>
        <Checkbox checked={form.headerRow} disabled={busy} label={t.headerRow} onChange={(_, d) => patch({ headerRow: d.checked === true })} data-testid="profile-headerRow" />

        <p className={styles.sub}>{t.columnsTitle}</p>
        {form.columns.map((c, i) => {
          const sources = c.source === "" || c.source === "literal" || available.includes(c.source as ExportField) ? available : [...available, c.source as ExportField];
          return (
            <div key={i} className={styles.row} data-testid={`profile-col-${i}`}>
              <div className={styles.pair}>
                <Field label={t.source} validationState={error(`columns.${i}.source`) ? "error" : "none"} validationMessage={error(`columns.${i}.source`)}>
                  <Select
                    value={c.source}
                    disabled={busy}
                    onChange={(_, d) => {
                      const known = d.value !== "" && d.value !== "literal" ? t.fields[d.value as ExportField] : undefined;
                      // the field's name as header while the clerk has not typed one
                      const auto = c.header.trim() === "" || c.header === t.fields[c.source as ExportField];
                      setCol(i, { source: d.value, ...(auto && known ? { header: known } : {}) });
                    }}
                    data-testid={`profile-col-${i}-source`}
                  >
                    <option value="">–</option>
                    {sources.map((f) => (
                      <option key={f} value={f}>
                        {t.fields[f] ?? f}
                      </option>
                    ))}
                    <option value="literal">{t.literal}</option>
                  </Select>
                </Field>
                <TextField label={t.header} value={c.header} disabled={busy} error={error(`columns.${i}.header`)} onChange={(v) => setCol(i, { header: v })} testId={`profile-col-${i}-header`} />
              </div>
              {c.source === "literal" && <TextField label={t.value} value={c.value} disabled={busy} error={error(`columns.${i}.value`)} onChange={(v) => setCol(i, { value: v })} testId={`profile-col-${i}-value`} />}
              <ButtonRow>
                <Button size="small" appearance="subtle" icon={<ArrowUpRegular />} aria-label={x.moveUp} title={x.moveUp} disabled={busy || i === 0} onClick={() => move(i, -1)} data-testid={`profile-col-${i}-up`} />
                <Button size="small" appearance="subtle" icon={<ArrowDownRegular />} aria-label={x.moveDown} title={x.moveDown} disabled={busy || i === form.columns.length - 1} onClick={() => move(i, 1)} data-testid={`profile-col-${i}-down`} />
                <Button size="small" appearance="subtle" icon={<DeleteRegular />} disabled={busy} onClick={() => patch({ columns: form.columns.filter((_, j) => j !== i) })} data-testid={`profile-col-${i}-remove`}>
                  {x.remove}
                </Button>
              </ButtonRow>
            </div>
          );
        })}
        <Field validationState={error("columns") ? "error" : "none"} validationMessage={error("columns")}>
          <ButtonRow>
            <Button size="small" icon={<AddRegular />} disabled={busy} onClick={() => patch({ columns: [...form.columns, { source: "", header: "", value: "" }] })} data-testid="profile-add-column">
              {t.addColumn}
            </Button>
          </ButtonRow>
        </Field>
        <ButtonRow>
          <Button appearance={primary ? "primary" : "secondary"} icon={<SaveRegular />} disabled={busy} onClick={save} data-testid="profile-save">
            {t.save}
          </Button>
          {current && (
            <Button icon={<DeleteRegular />} disabled={busy} onClick={() => (setNotice(null), setDeleted(null), setConfirmDelete(true))} data-testid="profile-delete">
              {del.button}
            </Button>
          )}
        </ButtonRow>
        {current && confirmDelete && (
          <ConfirmNotice title={del.confirmTitle} yes={del.yes} yesIcon={<DeleteRegular />} onYes={() => void remove()} onNo={() => setConfirmDelete(false)} busy={busy} testId="profile-delete">
            {del.confirmText(current.name, current.id)}
          </ConfirmNotice>
        )}
        <TaskProgress progress={task.progress} onCancel={task.cancel} />
        <IssueBars issues={rest} testId="profile-issues" />
        {notice && !task.progress && <Notice testId="profile-saved">{notice}</Notice>}
        {deleted && !task.progress && <Notice testId="profile-deleted">{deleted}</Notice>}
        <p className={styles.sub}>{common.jsonHint}</p>
        <ButtonRow>
          <FileButton
            label={common.importJson}
            accept=".json,application/json"
            disabled={busy}
            icon={<DocumentArrowUpRegular />}
            testId="profile-json-file"
            onFiles={([f]) => void (async () => f && run(common.importJson, f.name, await f.text(), (saved) => common.imported(saved.join(", ") || "–")))()}
          />
          <Button icon={<ArrowDownloadRegular />} disabled={busy || profiles.length === 0} onClick={() => host.download(downloadNames[s.language].exportProfiles, new TextEncoder().encode(exportProfilesJson(profiles)), "application/json")} data-testid="profile-json-export">
            {t.exportJson}
          </Button>
        </ButtonRow>
      </div>
    </StepSection>
  );
}
