/** Pieces the settings forms share: a text field with its error, a heading, error lookup per field. */
import * as React from "react";
import { Field, Input, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import type { Issue } from "../../../core/issues";
import { paneMessageText } from "../../issues";
import type { Language } from "../../i18n";

/**
 * Inputs and selects take their natural width from their text (20 characters, the longest option):
 * in a 320 px pane they must shrink to the column instead of widening it.
 */
export const SHRINKING_FIELDS = {
  "& .fui-Field > *": { minWidth: 0 },
  "& .fui-Input, & .fui-Select, & .fui-Textarea": { minWidth: 0, maxWidth: "100%" },
  "& input, & select, & textarea": { minWidth: 0, maxWidth: "100%" },
} as const;

export const useFormStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, ...SHRINKING_FIELDS },
  sub: { margin: 0, marginTop: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  row: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  pair: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
    gap: tokens.spacingHorizontalS,
    // A label that wraps to two lines must not push its input below its neighbour's.
    alignItems: "end",
    "& > *": { minWidth: 0 },
    ...SHRINKING_FIELDS,
    "& .fui-Input, & .fui-Select": { minWidth: 0, width: "100%" },
  },
  days: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalXS },
  hint: { margin: 0, color: tokens.colorNeutralForeground3 },
});

const REQUIRED = new Set(["company.field_required", "datev.field_required", "rules.field_required", "profile.field_required"]);

/** Errors per form field (the first per field) and the rest (shown under the save button). */
export function errorsByField<K extends string>(issues: readonly Issue[], fieldOf: (i: Issue) => K | null): { byField: Map<K, Issue>; rest: Issue[] } {
  const byField = new Map<K, Issue>();
  const rest: Issue[] = [];
  for (const i of issues) {
    const f = i.severity === "error" ? fieldOf(i) : null;
    if (f !== null && !byField.has(f)) byField.set(f, i);
    else rest.push(i);
  }
  return { byField, rest };
}

/** The message next to a field: "required" in the form's words, else the validator's message. */
export function fieldMessage(i: Issue | undefined, lang: Language, required: string): string | undefined {
  if (!i) return undefined;
  return REQUIRED.has(i.code) ? required : paneMessageText(i, lang, true);
}

export interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  testId: string;
  required?: boolean;
  multiline?: boolean;
  placeholder?: string;
  hint?: string;
  disabled?: boolean;
  numeric?: boolean;
}

/** A labelled text input (or textarea) with its validation message under it. */
export function TextField({ label, value, onChange, error, testId, required, multiline, placeholder, hint, disabled, numeric }: TextFieldProps): React.ReactElement {
  return (
    <Field label={label} required={required} hint={hint} validationState={error ? "error" : "none"} validationMessage={error}>
      {multiline ? (
        <Textarea value={value} placeholder={placeholder} disabled={disabled} resize="vertical" onChange={(_, d) => onChange(d.value)} data-testid={testId} />
      ) : (
        <Input value={value} placeholder={placeholder} disabled={disabled} autoComplete="off" inputMode={numeric ? "decimal" : undefined} onChange={(_, d) => onChange(d.value)} data-testid={testId} />
      )}
    </Field>
  );
}
