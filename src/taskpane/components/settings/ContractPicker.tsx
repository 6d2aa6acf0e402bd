import * as React from "react";
import { Field, Select } from "@fluentui/react-components";
import type { Rules } from "../../../core/time/rules";
import { contractNumbers } from "../../connection/use-cases";
import { useHost } from "../../host";

/** The contracts a rules form can pick: the store's and those the rules already name, in number order. */
function useContractChoices(rules: Rules): string[] {
  const host = useHost();
  const [contracts, setContracts] = React.useState<string[]>([]);
  React.useEffect(() => {
    let live = true;
    void contractNumbers(host.app).then((nos) => live && setContracts(nos));
    return () => {
      live = false;
    };
  }, [host, rules]);
  return React.useMemo(() => [...new Set([...contracts, ...Object.keys(rules.contracts)])].sort((a, b) => a.localeCompare(b, "de", { numeric: true })), [contracts, rules]);
}

export interface ContractPickerProps {
  rules: Rules;
  label: string;
  /** The empty choice's text ("Vertrag wählen"). */
  placeholder: string;
  value: string;
  onChange: (contractNo: string) => void;
  disabled: boolean;
  testId: string;
}

/** A drop-down of the contracts a per-contract rules form edits (contract rules, contract overrides). */
export function ContractPicker({ rules, label, placeholder, value, onChange, disabled, testId }: ContractPickerProps): React.ReactElement {
  const all = useContractChoices(rules);
  return (
    <Field label={label}>
      <Select value={value} disabled={disabled} onChange={(_, d) => onChange(d.value)} data-testid={testId}>
        <option value="">{placeholder}</option>
        {all.map((no) => (
          <option key={no} value={no}>
            {no}
          </option>
        ))}
      </Select>
    </Field>
  );
}
