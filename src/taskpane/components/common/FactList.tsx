import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { withIds } from "./IdText";

const useStyles = makeStyles({
  list: {
    display: "grid",
    gridTemplateColumns: "max-content minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, overflowWrap: "anywhere", fontWeight: tokens.fontWeightSemibold },
});

/** Label/value pairs as a description list (profile, rows, period …). */
export function FactList({ facts, testId }: { facts: readonly [string, React.ReactNode][]; testId?: string }): React.ReactElement {
  const styles = useStyles();
  return (
    <dl className={styles.list} data-testid={testId}>
      {facts.map(([term, value]) => (
        <React.Fragment key={term}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.value}>{withIds(value)}</dd>
        </React.Fragment>
      ))}
    </dl>
  );
}
