import * as React from "react";
import { MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles } from "@fluentui/react-components";
import { withIds } from "./IdText";
import { useReveal } from "./reveal";

const useStyles = makeStyles({ text: { overflowWrap: "anywhere" } });

export interface NoticeProps {
  intent?: "success" | "info" | "warning" | "error";
  title?: string;
  children: React.ReactNode;
  /** Buttons (e.g. Undo) under the text. */
  actions?: React.ReactNode;
  testId?: string;
  /** Scroll it into view when it appears (a result next to the button that made it). */
  reveal?: boolean;
}

/** A result or hint in a MessageBar (announced to screen readers when it appears). */
export function Notice({ intent = "success", title, children, actions, testId, reveal }: NoticeProps): React.ReactElement {
  const styles = useStyles();
  const ref = useReveal<HTMLDivElement>(reveal ? true : null);
  return (
    <MessageBar ref={ref} intent={intent} layout="multiline" data-testid={testId}>
      <MessageBarBody className={styles.text}>
        {title && <MessageBarTitle>{title}</MessageBarTitle>}
        {withIds(children)}
      </MessageBarBody>
      {actions && <MessageBarActions>{actions}</MessageBarActions>}
    </MessageBar>
  );
}
