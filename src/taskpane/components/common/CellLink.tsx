import * as React from "react";
import { Link, makeStyles, tokens } from "@fluentui/react-components";
import { useHost } from "../../host";
import { useStrings } from "../../i18n";
import { flowStrings } from "../../i18n/flow";
import { describeIssue } from "../../issues";

const useStyles = makeStyles({ problem: { color: tokens.colorPaletteRedForeground1, marginLeft: tokens.spacingHorizontalXS } });

/** `Abgleich 2026-10!K5` → sheet and address (the last `!` splits: sheet names may hold one). */
export function splitCell(cell: string): { sheet: string; address: string } | null {
  const bang = cell.lastIndexOf("!");
  if (bang <= 0 || bang === cell.length - 1) return null;
  return { sheet: cell.slice(0, bang), address: cell.slice(bang + 1) };
}

/**
 * A cell named in a message, as a link: clicking it activates the sheet and selects the cell in
 * Excel (through the workbook port), so the clerk lands on what the message is about. When Excel
 * cannot (the sheet was renamed or deleted), why is shown next to the link.
 */
export function CellLink({ cell, children }: { cell: string; children?: React.ReactNode }): React.ReactElement {
  const host = useHost();
  const s = useStrings();
  const styles = useStyles();
  const [problem, setProblem] = React.useState<string | null>(null);
  const target = splitCell(cell);
  if (!target) return <>{children ?? cell}</>;
  const onClick = () => {
    void host.gateway.select(target.sheet, target.address).then((r) => setProblem(r.ok ? null : r.issues.map((i) => describeIssue(i, s.language)).join(" ")));
  };
  return (
    <>
      {/* A span, not a button: a button is an atomic inline box, so a line could break between the
          link and the ": …" that follows it; a span flows with the message's text (role="button",
          focusable, Enter/Space click: Fluent's Link as span). */}
      <Link as="span" inline onClick={onClick} title={flowStrings[s.language].selectCell(cell)} data-testid="cell-link" data-cell={cell}>
        {children ?? cell}
      </Link>
      {problem && (
        <span className={styles.problem} role="alert">
          {problem}
        </span>
      )}
    </>
  );
}
