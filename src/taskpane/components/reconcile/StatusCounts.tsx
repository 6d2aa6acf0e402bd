import * as React from "react";
import { Badge, makeStyles, tokens } from "@fluentui/react-components";
import type { ReconcileOutcome } from "../../../app/reconcile";
import { useStrings } from "../../i18n";
import { statusCounts } from "../../reconcile/review";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  item: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
});

const COLOURS = {
  quantity_changed: "warning",
  new_position: "brand",
  missing_in_file: "severe",
  unmapped_customer: "danger",
  unmapped_article: "danger",
  unchanged: "success",
} as const;

/** Rows per status of the reconciled month (colour plus text, never colour alone). */
export function StatusCounts({ outcome }: { outcome: ReconcileOutcome }): React.ReactElement {
  const styles = useStyles();
  const s = useStrings();
  const counts = statusCounts(outcome);
  if (counts.length === 0) return <span>{s.reconcile.noRows}</span>;
  return (
    <ul className={styles.list} aria-label={s.reconcile.countsLabel} data-testid="status-counts">
      {counts.map(({ status, count }) => (
        <li key={status} className={styles.item} data-status={status}>
          <Badge appearance="tint" color={COLOURS[status]} shape="rounded">
            {count}
          </Badge>
          <span>{s.reconcile.status[status]}</span>
        </li>
      ))}
    </ul>
  );
}
