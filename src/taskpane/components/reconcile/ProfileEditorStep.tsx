/**
 * Abgleich → a file no profile recognises: the vendor profile editor. The clerk assigns the file's
 * columns and formats, sees the first rows as the reader reads them, and saves the profile (the
 * same JSON and validation as `profile add`); the files are then read again and reconciled.
 */
import * as React from "react";
import { Button, Caption1, Field, Input, Radio, RadioGroup, Select, makeStyles, tokens } from "@fluentui/react-components";
import { SaveRegular } from "@fluentui/react-icons";
import { loadUserProfiles, saveProfilesFromJson } from "../../connection/use-cases";
import type { Issue } from "../../../core/issues";
import { messageText } from "../../../core/messages";
import { Decimal } from "../../../core/money/decimal";
import type { Delimiter } from "../../../io/table/read-csv";
import type { SignMode } from "../../../io/vendor/profile";
import {
  DRAFT_DATE_FORMATS,
  DRAFT_DELIMITERS,
  DRAFT_FIELDS,
  DRAFT_SIGN_MODES,
  REQUIRED_DRAFT_FIELDS,
  draftFieldOf,
  draftToProfileJson,
  previewDraft,
  profileFromDraft,
  profileIdFor,
  suggestDraft,
  type DraftField,
  type FileHead,
  type ProfileDraft,
} from "../../../io/vendor/profile-draft";
import { BUILTIN_PROFILE_IDS } from "../../../io/vendor/profiles/registry";
import type { VendorLine } from "../../../io/vendor/vendor-line";
import { useHost } from "../../host";
import { useTask } from "../../hooks/useTask";
import type { SourceFile, useReconcile } from "../../hooks/useReconcile";
import { formatDay, useStrings } from "../../i18n";
import { formatDecimal } from "../../i18n/format";
import { looksLikeXlsx } from "../../parse/parse-vendor";
import { type HeadOptions, headOf } from "../../reconcile/profile-editor-source";
import { profilesChanged } from "../../reconcile/profiles-changed";
import { profileEditorStrings } from "../../reconcile/profile-editor-strings";
import { ButtonRow } from "../common/ButtonRow";
import { IssueBars } from "../common/IssueBars";
import { Notice } from "../common/Notice";
import { StepSection } from "../common/StepSection";
import { TaskProgress } from "../common/TaskProgress";
import { SHRINKING_FIELDS } from "../settings/form-parts";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, ...SHRINKING_FIELDS },
  sub: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  preview: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  line: {
    display: "flex",
    flexDirection: "column",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    overflowWrap: "anywhere",
  },
  meta: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
});

type Reconcile = ReturnType<typeof useReconcile>;

/** The editor for every read file that no profile recognises, and the result after saving. */
export function ProfileStep({ rc, busy }: { rc: Reconcile; busy: boolean }): React.ReactElement | null {
  const s = useStrings();
  const t = profileEditorStrings[s.language];
  const [saved, setSaved] = React.useState<string | null>(null);
  const open = rc.view.sources.filter((f) => f.raw);
  React.useEffect(() => {
    if (open.length > 0) setSaved(null);
  }, [open.length]);
  if (open.length === 0 && !saved) return null;
  return (
    <>
      {open.map((source) => (
        <ProfileEditor
          key={`${source.name}-${source.sha256}`}
          source={source}
          busy={busy}
          onSaved={async (name) => {
            await rc.rereadWithProfiles();
            setSaved(name);
          }}
        />
      ))}
      {open.length === 0 && saved && (
        <StepSection id="step-profile" title={t.title}>
          <Notice testId="profile-saved">{t.saved(saved)}</Notice>
        </StepSection>
      )}
    </>
  );
}

/** Guesses the profile name from the file name (`cloudhaus-2026-11.csv` → `cloudhaus`). */
function nameFromFile(file: string): string {
  return file.replace(/\.[a-z0-9]+$/i, "").replace(/[-_ ]*\d{4}[-_]?\d{2}.*$/, "").replace(/[-_]+/g, " ").trim();
}

export function ProfileEditor({ source, busy, onSaved }: { source: SourceFile; busy: boolean; onSaved: (name: string) => Promise<void> }): React.ReactElement {
  const styles = useStyles();
  const host = useHost();
  const s = useStrings();
  const t = profileEditorStrings[s.language];
  const task = useTask();
  const [head, setHead] = React.useState<FileHead | null | undefined>(undefined);
  const [draft, setDraft] = React.useState<ProfileDraft | null>(null);
  const [taken, setTaken] = React.useState<string[]>([...BUILTIN_PROFILE_IDS]);
  // Field errors show once the clerk tried to save (not while the form is being filled in).
  const [tried, setTried] = React.useState(false);
  const [issues, setIssues] = React.useState<Issue[]>([]);
  // The clerk's header row and delimiter; the file is split again and the columns guessed anew when they change.
  const [layout, setLayout] = React.useState<HeadOptions>({});
  const csv = source.raw?.kind === "bytes" && !looksLikeXlsx(source.raw.bytes);

  React.useEffect(() => {
    let live = true;
    if (!source.raw) return;
    void Promise.all([headOf(source.name, source.raw, layout), loadUserProfiles(host.app)]).then(([h, { profiles }]) => {
      if (!live) return;
      setHead(h);
      setTaken([...BUILTIN_PROFILE_IDS, ...profiles.map((p) => p.id)]);
      // What the clerk typed or chose besides the columns survives a new split of the file.
      if (h) setDraft((d) => ({ ...suggestDraft(h, d?.name ?? nameFromFile(source.name)), ...(d ? { signMode: d.signMode, currency: d.currency } : {}) }));
    });
    return () => {
      live = false;
    };
  }, [source, host, layout]);

  const id = draft ? profileIdFor(draft.name, taken) : "";
  const preview = React.useMemo(() => (draft && head ? previewDraft(draft, id, head) : null), [draft, head, id]);

  if (head === undefined || (head && !draft))
    return (
      <StepSection id="step-profile" title={t.title} intro={t.intro(source.name)}>
        <Caption1>{t.loading}</Caption1>
      </StepSection>
    );
  const disabled = busy || task.running;
  const delimiterField = csv && (
    <Field label={t.delimiter}>
      <Select value={head?.delimiter ?? layout.delimiter ?? ""} disabled={disabled} onChange={(_, d) => setLayout({ delimiter: d.value as Delimiter })} data-testid="profile-delimiter">
        {!(head?.delimiter ?? layout.delimiter) && <option value="">–</option>}
        {DRAFT_DELIMITERS.map((d) => (
          <option key={d} value={d}>
            {t.delimiters[d]}
          </option>
        ))}
      </Select>
    </Field>
  );
  if (head === null || !draft)
    return (
      <StepSection id="step-profile" title={t.title} intro={t.intro(source.name)}>
        {delimiterField}
        <Notice intent="warning">{t.noHeader}</Notice>
      </StepSection>
    );

  const checked = profileFromDraft(draft, id);
  const fieldIssues = new Map<string, Issue>();
  if (!checked.ok) for (const i of checked.issues) {
    const f = draftFieldOf(i);
    if (f && !fieldIssues.has(f)) fieldIssues.set(f, i);
  }
  const errorOf = (field: string): string | undefined => {
    if (!tried) return undefined;
    const i = fieldIssues.get(field);
    if (!i) return undefined;
    return i.code === "profile.field_required" && field !== "name" ? t.required : messageText(i, s.language);
  };
  const set = (patch: Partial<ProfileDraft>) => setDraft((d) => (d ? { ...d, ...patch } : d));
  const setColumn = (field: DraftField, header: string) => setDraft((d) => (d ? { ...d, columns: { ...d.columns, [field]: header } } : d));

  const save = async () => {
    setTried(true);
    setIssues([]);
    if (!checked.ok) return;
    const outcome = await task.run(t.saving, () => saveProfilesFromJson(host.app, JSON.stringify(draftToProfileJson(draft, id))));
    if (outcome.status === "failed") return setIssues([outcome.issue]);
    if (outcome.status !== "done") return;
    if (!outcome.value.ok) return setIssues(outcome.value.issues);
    host.storeChanged();
    profilesChanged();
    await onSaved(draft.name.trim());
  };

  const select = (field: DraftField) => {
    const error = errorOf(field);
    return (
      <Field key={field} label={t.fields[field]} required={REQUIRED_DRAFT_FIELDS.includes(field)} validationState={error ? "error" : "none"} validationMessage={error}>
        <Select value={draft.columns[field] ?? ""} disabled={busy || task.running} onChange={(_, d) => setColumn(field, d.value)} data-testid={`profile-col-${field}`}>
          <option value="">{t.notInFile}</option>
          {head.headers.filter((h) => h !== "").map((h) => (
            <option key={h} value={h}>
              {h}
            </option>
          ))}
        </Select>
      </Field>
    );
  };

  const nameError = errorOf("name");
  const previewIssues = preview && preview.profile ? preview.issues : [];
  const shownRows = Math.min(8, head.rows.length);
  return (
    <StepSection id="step-profile" title={t.title} intro={t.intro(source.name)}>
      <div className={styles.form} data-testid="profile-editor">
        <Field label={t.name} required validationState={nameError ? "error" : "none"} validationMessage={nameError} hint={draft.name.trim() ? t.idHint(id) : undefined}>
          <Input value={draft.name} placeholder={t.namePlaceholder} disabled={busy || task.running} autoComplete="off" onChange={(_, d) => set({ name: d.value })} data-testid="profile-name" />
        </Field>
        <p className={styles.sub}>{t.layoutTitle}</p>
        {delimiterField}
        <Field label={t.headerRow}>
          <Select value={String(head.headerRow)} disabled={disabled} onChange={(_, d) => setLayout((l) => ({ ...l, headerRow: Number(d.value) }))} data-testid="profile-header-row">
            {head.headerChoices.map((c) => (
              <option key={c.row} value={String(c.row)}>
                {t.headerRowOption(c.row, c.cells)}
              </option>
            ))}
          </Select>
        </Field>
        <p className={styles.sub}>{t.columnsTitle}</p>
        {DRAFT_FIELDS.map(select)}
        <Field label={t.decimalSeparator} validationState={errorOf("decimalSeparator") ? "error" : "none"} validationMessage={errorOf("decimalSeparator")}>
          <RadioGroup value={draft.decimalSeparator} disabled={busy || task.running} onChange={(_, d) => set({ decimalSeparator: d.value === "." ? "." : "," })} data-testid="profile-decimal">
            <Radio value="," label={t.decimalComma} />
            <Radio value="." label={t.decimalPoint} />
          </RadioGroup>
        </Field>
        <Field label={t.dateFormat}>
          <Select value={draft.dateFormat} disabled={busy || task.running} onChange={(_, d) => set({ dateFormat: d.value as ProfileDraft["dateFormat"] })} data-testid="profile-date-format">
            {DRAFT_DATE_FORMATS.map((f) => (
              <option key={f} value={f}>
                {t.dateFormats[f]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.signMode} hint={t.signHint} validationState={errorOf("signMode") ? "error" : "none"} validationMessage={errorOf("signMode")}>
          <RadioGroup value={draft.signMode ?? "asIs"} disabled={disabled} onChange={(_, d) => set({ signMode: d.value as SignMode })} data-testid="profile-sign">
            {DRAFT_SIGN_MODES.map((m) => (
              <Radio key={m} value={m} label={t.signModes[m]} data-testid={`profile-sign-${m}`} />
            ))}
          </RadioGroup>
        </Field>
        {!draft.columns.currency && (
          <Field label={t.currency} validationState={errorOf("currency") ? "error" : "none"} validationMessage={errorOf("currency")}>
            <Input value={draft.currency ?? ""} disabled={busy || task.running} autoComplete="off" onChange={(_, d) => set({ currency: d.value })} data-testid="profile-currency" />
          </Field>
        )}
      </div>
      <p className={styles.sub}>{t.previewTitle(shownRows)}</p>
      {preview && preview.profile ? <PreviewLines lines={preview.lines} /> : <Caption1 data-testid="profile-preview-empty">{t.previewEmpty}</Caption1>}
      <IssueBars issues={previewIssues} max={4} testId="profile-preview-issues" />
      <ButtonRow>
        <Button appearance="primary" icon={<SaveRegular />} disabled={busy || task.running} onClick={() => void save()} data-testid="profile-save">
          {t.save}
        </Button>
      </ButtonRow>
      <TaskProgress progress={task.progress} onCancel={task.cancel} />
      <IssueBars issues={issues} testId="profile-save-issues" />
    </StepSection>
  );
}

function PreviewLines({ lines }: { lines: readonly VendorLine[] }): React.ReactElement {
  const styles = useStyles();
  const s = useStrings();
  const t = profileEditorStrings[s.language];
  const num = (v: string | null) => (v === null ? "–" : formatDecimal(v, s.language));
  // Amounts as money: at least two decimals (49.9 → 49,90); unit costs keep their digits.
  const money = (v: string | null) => num(v !== null && /^-?\d+(\.\d)?$/.test(v) ? new Decimal(v).toFixed(2) : v);
  return (
    <ul className={styles.preview} data-testid="profile-preview">
      {lines.map((l) => (
        <li key={l.row} className={styles.line}>
          <span>
            {l.vendorCustomerId} · {l.vendorCustomerName}
          </span>
          <span>
            {l.vendorArticleKey} · {l.vendorArticleName}
          </span>
          <span>
            {num(l.quantity)} × {money(l.unitCost)} {l.currency} = {money(l.amount)}
          </span>
          <span className={styles.meta}>
            {t.previewRow(l.row)} · {l.chargeFrom ? `${formatDay(l.chargeFrom, s.language)}${l.chargeTo ? ` – ${formatDay(l.chargeTo, s.language)}` : ""}` : t.noPeriod}
            {l.chargeType ? ` · ${l.chargeType}` : ""}
          </span>
        </li>
      ))}
    </ul>
  );
}
