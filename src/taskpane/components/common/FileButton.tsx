import * as React from "react";
import { Button } from "@fluentui/react-components";

export interface FileButtonProps {
  label: string;
  accept: string;
  multiple?: boolean;
  disabled?: boolean;
  icon?: React.ReactElement;
  appearance?: "primary" | "secondary";
  onFiles: (files: File[]) => void;
  testId: string;
}

/** A button that opens the file picker (the input itself stays out of the tab order). */
export function FileButton({ label, accept, multiple, disabled, icon, appearance = "secondary", onFiles, testId }: FileButtonProps): React.ReactElement {
  const input = React.useRef<HTMLInputElement>(null);
  return (
    <>
      <Button appearance={appearance} icon={icon} disabled={disabled} onClick={() => input.current?.click()}>
        {label}
      </Button>
      <input
        ref={input}
        type="file"
        accept={accept}
        multiple={multiple}
        hidden
        tabIndex={-1}
        aria-hidden="true"
        data-testid={testId}
        onChange={(event) => {
          const files = [...(event.currentTarget.files ?? [])];
          event.currentTarget.value = "";
          if (files.length > 0) onFiles(files);
        }}
      />
    </>
  );
}
