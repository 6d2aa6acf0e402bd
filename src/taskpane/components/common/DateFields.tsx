import * as React from "react";
import { Field, Input } from "@fluentui/react-components";
import { parseIsoDate } from "../../../core/date/iso-date";
import { parseIsoMonth } from "../../../core/date/iso-month";
import { useStrings } from "../../i18n";

interface FieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
  testId: string;
}

/** A month as `YYYY-MM` (a native month picker where the webview has one, else typed text). */
export function MonthField({ label, value, onChange, disabled, testId }: FieldProps): React.ReactElement {
  const s = useStrings();
  const invalid = value !== "" && parseIsoMonth(value) === null;
  return (
    <Field label={label} validationState={invalid ? "error" : "none"} validationMessage={invalid ? s.common.invalidMonth : undefined}>
      <Input type="month" value={value} placeholder={s.common.monthPlaceholder} disabled={disabled} onChange={(_, d) => onChange(d.value)} data-testid={testId} />
    </Field>
  );
}

/** A day as `YYYY-MM-DD`. */
export function DateField({ label, value, onChange, disabled, testId }: FieldProps): React.ReactElement {
  const s = useStrings();
  const invalid = value !== "" && parseIsoDate(value) === null;
  return (
    <Field label={label} validationState={invalid ? "error" : "none"} validationMessage={invalid ? s.common.invalidDate : undefined}>
      <Input type="date" value={value} disabled={disabled} onChange={(_, d) => onChange(d.value)} data-testid={testId} />
    </Field>
  );
}
