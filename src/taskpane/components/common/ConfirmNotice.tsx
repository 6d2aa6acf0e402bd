import * as React from "react";
import { Button } from "@fluentui/react-components";
import { useStrings } from "../../i18n";
import { Notice } from "./Notice";

export interface ConfirmNoticeProps {
  title: string;
  /** What the action does (naming what it touches). */
  children: React.ReactNode;
  /** The label of the button that does it. */
  yes: string;
  yesIcon?: React.ReactElement;
  onYes: () => void;
  onNo: () => void;
  busy: boolean;
  /** `X` gives the test ids `X-confirm`, `X-yes` and `X-no`. */
  testId: string;
}

/**
 * A question before an action that changes or removes data: what it does, the button that does it
 * and *Abbrechen*. Neither is primary: the area's one primary button stays its next step (issue 20).
 */
export function ConfirmNotice({ title, children, yes, yesIcon, onYes, onNo, busy, testId }: ConfirmNoticeProps): React.ReactElement {
  const s = useStrings();
  return (
    <Notice
      intent="warning"
      title={title}
      testId={`${testId}-confirm`}
      actions={
        <>
          <Button size="small" icon={yesIcon} disabled={busy} onClick={onYes} data-testid={`${testId}-yes`}>
            {yes}
          </Button>
          <Button size="small" disabled={busy} onClick={onNo} data-testid={`${testId}-no`}>
            {s.common.cancel}
          </Button>
        </>
      }
    >
      {children}
    </Notice>
  );
}
