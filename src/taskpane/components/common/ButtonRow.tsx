import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

/** Buttons side by side, wrapping onto the next line in a narrow pane. */
export function ButtonRow({ children }: { children: React.ReactNode }): React.ReactElement {
  return <div className={useStyles().row}>{children}</div>;
}
