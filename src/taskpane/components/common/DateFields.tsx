import * as React from "react";
import { Field, Input } from "@fluentui/react-components";
import { useStrings } from "../../i18n";
import { dateFieldStrings } from "./date-field-strings";
import { formatDateText, formatMonthText, parseDateText, parseMonthText } from "./date-text";

interface FieldProps {
  label: string;
  /** ISO (`YYYY-MM` / `YYYY-MM-DD`), or the typed text while it is not (yet) a valid value. */
  value: string;
  /** Called with ISO once the text is valid, else with the typed text (so callers see it invalid). */
  onChange: (value: string) => void;
  disabled?: boolean;
  testId: string;
}

interface TypedFieldProps extends FieldProps {
  parse: (text: string) => string | null;
  format: (iso: string) => string;
  placeholder: string;
  invalidMessage: string;
}

/**
 * A text field holding what the clerk typed; the caller's value is ISO. A plain text input on
 * purpose: Safari/WKWebView (Excel on Mac) lacks `type="month"`.
 */
function TypedIsoField({ label, value, onChange, disabled, testId, parse, format, placeholder, invalidMessage }: TypedFieldProps): React.ReactElement {
  const [text, setText] = React.useState(() => format(value));
  const meant = parse(text) ?? text;
  // A value set from outside (a proposal from a file, the next month after a run) replaces the text.
  React.useEffect(() => {
    if (value !== meant) setText(format(value));
  }, [value]);
  const invalid = text.trim() !== "" && parse(text) === null;
  return (
    <Field label={label} validationState={invalid ? "error" : "none"} validationMessage={invalid ? invalidMessage : undefined}>
      <Input
        type="text"
        inputMode="numeric"
        autoComplete="off"
        value={text}
        placeholder={placeholder}
        disabled={disabled}
        onChange={(_, d) => {
          setText(d.value);
          onChange(parse(d.value) ?? d.value);
        }}
        onBlur={() => {
          const iso = parse(text);
          if (iso !== null) setText(format(iso));
        }}
        data-testid={testId}
      />
    </Field>
  );
}

/** A month: `MM.JJJJ` in German, `YYYY-MM` (accepted in both languages). */
export function MonthField(props: FieldProps): React.ReactElement {
  const s = useStrings();
  const t = dateFieldStrings[s.language];
  return <TypedIsoField {...props} parse={parseMonthText} format={(iso) => formatMonthText(iso, s.language)} placeholder={t.monthPlaceholder} invalidMessage={t.invalidMonth} />;
}

/** A day: `TT.MM.JJJJ` in German, `YYYY-MM-DD` (accepted in both languages). */
export function DateField(props: FieldProps): React.ReactElement {
  const s = useStrings();
  const t = dateFieldStrings[s.language];
  return <TypedIsoField {...props} parse={parseDateText} format={(iso) => formatDateText(iso, s.language)} placeholder={t.datePlaceholder} invalidMessage={t.invalidDate} />;
}
