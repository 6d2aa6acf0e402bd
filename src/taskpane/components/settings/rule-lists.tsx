/**
 * The list editors the rules forms share: surcharge rows, flat fee rows, own holiday days and the
 * public holidays ticked off. The company forms (defaults, Pauschalen, Feiertage) and a contract's
 * own lists (ContractExtrasForm) use the same pieces; each form keeps its rows and maps validator
 * issues to the keys used here (`surcharges.1.pct`, `flatFees.0.price`, `extra.2`, `off`).
 */
import * as React from "react";
import { Button, Checkbox, Field, Select } from "@fluentui/react-components";
import { AddRegular, DeleteRegular } from "@fluentui/react-icons";
import { HOLIDAY_NAMES, publicHolidays, type HolidayRegion } from "../../../core/time/holidays";
import { useStrings } from "../../i18n";
import { extraFormsStrings } from "../../settings/extra-forms-strings";
import { EMPTY_FLAT_FEE, FLAT_FEE_PER, type FlatFeeRow } from "../../settings/rules-extra-form";
import { SURCHARGE_DAYS, type SurchargeRow } from "../../settings/rules-form";
import { settingsStrings } from "../../settings/settings-strings";
import { ButtonRow } from "../common/ButtonRow";
import { TextField, useFormStyles } from "./form-parts";

/** What every list editor gets from its form. */
interface ListProps<T> {
  rows: readonly T[];
  onChange: (rows: T[]) => void;
  busy: boolean;
  /** The message next to a field key (`surcharges.1.pct` …), if any. */
  error: (key: string) => string | undefined;
  /** Prefix of the rows' test ids (`rules-surcharge` → `rules-surcharge-0-pct`). */
  testId: string;
  /** Test id of the add button. */
  addTestId: string;
}

const setAt = <T,>(rows: readonly T[], index: number, p: Partial<T>): T[] => rows.map((r, i) => (i === index ? { ...r, ...p } : r));

export function RemoveRow({ label, disabled, onClick, testId }: { label: string; disabled: boolean; onClick: () => void; testId: string }): React.ReactElement {
  return (
    <ButtonRow>
      <Button size="small" appearance="subtle" icon={<DeleteRegular />} disabled={disabled} onClick={onClick} data-testid={testId}>
        {label}
      </Button>
    </ButtonRow>
  );
}

function AddButton({ label, disabled, onClick, testId }: { label: string; disabled: boolean; onClick: () => void; testId: string }): React.ReactElement {
  return (
    <ButtonRow>
      <Button size="small" icon={<AddRegular />} disabled={disabled} onClick={onClick} data-testid={testId}>
        {label}
      </Button>
    </ButtonRow>
  );
}

export const EMPTY_SURCHARGE: SurchargeRow = { label: "", days: [], from: "", to: "", pct: "" };

/** Surcharge rows: label, percent, days (weekdays and holidays), optional time window; add and remove. */
export function SurchargeRows({ rows, onChange, busy, error, testId, addTestId }: ListProps<SurchargeRow>): React.ReactElement {
  const styles = useFormStyles();
  const s = useStrings();
  const t = settingsStrings[s.language].rules;
  const set = (i: number, p: Partial<SurchargeRow>) => onChange(setAt(rows, i, p));
  return (
    <>
      {rows.map((sc, i) => (
        <div key={i} className={styles.row} data-testid={`${testId}-${i}`}>
          <div className={styles.pair}>
            <TextField label={t.surchargeLabel} value={sc.label} disabled={busy} error={error(`surcharges.${i}.label`)} onChange={(v) => set(i, { label: v })} testId={`${testId}-${i}-label`} />
            <TextField label={t.surchargePct} value={sc.pct} numeric disabled={busy} error={error(`surcharges.${i}.pct`)} onChange={(v) => set(i, { pct: v })} testId={`${testId}-${i}-pct`} />
          </div>
          <Field label={t.surchargeDays} validationState={error(`surcharges.${i}.days`) ? "error" : "none"} validationMessage={error(`surcharges.${i}.days`)}>
            <div className={styles.days} data-testid={`${testId}-${i}-days`}>
              {SURCHARGE_DAYS.map((d) => (
                <Checkbox
                  key={d}
                  label={t.days[d]}
                  value={d}
                  checked={sc.days.includes(d)}
                  disabled={busy}
                  onChange={(_, data) => set(i, { days: data.checked === true ? [...sc.days, d] : sc.days.filter((x) => x !== d) })}
                />
              ))}
            </div>
          </Field>
          <div className={styles.pair}>
            <TextField label={t.surchargeFrom} value={sc.from} placeholder="18:00" disabled={busy} error={error(`surcharges.${i}.from`)} onChange={(v) => set(i, { from: v })} testId={`${testId}-${i}-from`} />
            <TextField label={t.surchargeTo} value={sc.to} placeholder="22:00" disabled={busy} error={error(`surcharges.${i}.to`)} onChange={(v) => set(i, { to: v })} testId={`${testId}-${i}-to`} />
          </div>
          <RemoveRow label={t.remove} disabled={busy} onClick={() => onChange(rows.filter((_, j) => j !== i))} testId={`${testId}-${i}-remove`} />
        </div>
      ))}
      <AddButton label={t.addSurcharge} disabled={busy} onClick={() => onChange([...rows, { ...EMPTY_SURCHARGE }])} testId={addTestId} />
    </>
  );
}

/** Flat fee rows: label, article, activities (with the known ones as hint), how often, price; add and remove. */
export function FlatFeeRows({ rows, onChange, busy, error, testId, addTestId, known }: ListProps<FlatFeeRow> & { known: string }): React.ReactElement {
  const styles = useFormStyles();
  const s = useStrings();
  const x = extraFormsStrings[s.language];
  const t = x.flatFees;
  const set = (i: number, p: Partial<FlatFeeRow>) => onChange(setAt(rows, i, p));
  return (
    <>
      {rows.map((r, i) => (
        <div key={i} className={styles.row} data-testid={`${testId}-${i}`}>
          <div className={styles.pair}>
            <TextField label={t.label} value={r.label} disabled={busy} error={error(`flatFees.${i}.label`)} onChange={(v) => set(i, { label: v })} testId={`${testId}-${i}-label`} />
            <TextField label={t.articleNo} value={r.articleNo} disabled={busy} error={error(`flatFees.${i}.articleNo`)} onChange={(v) => set(i, { articleNo: v })} testId={`${testId}-${i}-articleNo`} />
          </div>
          <TextField label={t.activities} hint={t.activitiesHint(known)} value={r.activities} disabled={busy} error={error(`flatFees.${i}.activities`)} onChange={(v) => set(i, { activities: v })} testId={`${testId}-${i}-activities`} />
          <div className={styles.pair}>
            <Field label={t.per}>
              <Select value={r.per} disabled={busy} onChange={(_, d) => set(i, { per: d.value })} data-testid={`${testId}-${i}-per`}>
                {FLAT_FEE_PER.map((p) => (
                  <option key={p} value={p}>
                    {t.perChoices[p]}
                  </option>
                ))}
              </Select>
            </Field>
            <TextField label={t.price} value={r.price} numeric disabled={busy} error={error(`flatFees.${i}.price`)} onChange={(v) => set(i, { price: v })} testId={`${testId}-${i}-price`} />
          </div>
          <RemoveRow label={x.remove} disabled={busy} onClick={() => onChange(rows.filter((_, j) => j !== i))} testId={`${testId}-${i}-remove`} />
        </div>
      ))}
      <AddButton label={t.add} disabled={busy} onClick={() => onChange([...rows, { ...EMPTY_FLAT_FEE }])} testId={addTestId} />
    </>
  );
}

/** Own holiday days as typed (`24.12.`, `31.12.2026`), one per row; add and remove. */
export function ExtraHolidayRows({ rows, onChange, busy, error, testId, addTestId }: ListProps<string>): React.ReactElement {
  const styles = useFormStyles();
  const s = useStrings();
  const x = extraFormsStrings[s.language];
  const t = x.holidays;
  return (
    <>
      {rows.map((h, i) => (
        <div key={i} className={styles.pair} data-testid={`${testId}-${i}`}>
          <TextField label={t.extraDay} value={h} placeholder={t.extraPlaceholder} disabled={busy} error={error(`extra.${i}`)} onChange={(v) => onChange(rows.map((e, j) => (j === i ? v : e)))} testId={`${testId}-${i}-day`} />
          <RemoveRow label={x.remove} disabled={busy} onClick={() => onChange(rows.filter((_, j) => j !== i))} testId={`${testId}-${i}-remove`} />
        </div>
      ))}
      <AddButton label={t.add} disabled={busy} onClick={() => onChange([...rows, ""])} testId={addTestId} />
    </>
  );
}

/** The public holidays a region has (names), in the package's order, for this and next year. */
function regionHolidays(region: HolidayRegion, year: number): string[] {
  const names = new Set([...publicHolidays(year, region).values(), ...publicHolidays(year + 1, region).values()]);
  return HOLIDAY_NAMES.filter((n) => names.has(n));
}

/**
 * The region's public holidays to tick off as working days (plus any stored that the region does not
 * have, so they can be unticked). Ticked later goes last: a form saved unchanged keeps the stored order.
 */
export function HolidaysOffBoxes({ off, onChange, region, year, label, busy, error, testId }: {
  off: readonly string[];
  onChange: (off: string[]) => void;
  region: HolidayRegion;
  year: number;
  label: string;
  busy: boolean;
  error: string | undefined;
  testId: string;
}): React.ReactElement {
  const styles = useFormStyles();
  const s = useStrings();
  const names = extraFormsStrings[s.language].holidays.names;
  const days = [...new Set([...regionHolidays(region, year), ...off])];
  return (
    <Field label={label} validationState={error ? "error" : "none"} validationMessage={error}>
      <div className={styles.days} data-testid={testId}>
        {days.map((n) => (
          <Checkbox key={n} label={names[n] ?? n} value={n} checked={off.includes(n)} disabled={busy} onChange={(_, d) => onChange(d.checked === true ? [...off, n] : off.filter((o) => o !== n))} />
        ))}
      </div>
    </Field>
  );
}
