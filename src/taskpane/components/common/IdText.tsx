/**
 * Batch and run ids (`apply-00002`, `run-00003`) as the pane shows them: in a monospace font, never
 * broken across lines (at 350 px, "(Stapel apply-" / "00002)" read as two things), cut with "…" only
 * where one is wider than the pane, the full id always in the tooltip and in the text (so it copies
 * whole). Inside a sentence the ids are found by their form, `kind-NNNNN` (src/app/numbering.ts).
 */
import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";

/** A batch or run id: a lower-case kind, a hyphen, at least five digits (`sequenceId`). */
const ID = /\b[a-z]+(?:-[a-z]+)*-\d{5,}\b/g;

const useStyles = makeStyles({
  id: {
    fontFamily: tokens.fontFamilyMonospace,
    whiteSpace: "nowrap",
    display: "inline-block",
    maxWidth: "100%",
    overflow: "hidden",
    textOverflow: "ellipsis",
    verticalAlign: "bottom",
  },
});

/** One id: unbroken, monospace, its full text as the tooltip. */
export function Id({ id }: { id: string }): React.ReactElement {
  const styles = useStyles();
  return (
    <span className={styles.id} title={id} data-testid="id">
      {id}
    </span>
  );
}

/** A text with the ids in it shown as {@link Id}; a text without any stays plain. */
export function IdText({ text }: { text: string }): React.ReactElement {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const m of text.matchAll(ID)) {
    if (m.index > at) parts.push(text.slice(at, m.index));
    parts.push(<Id key={m.index} id={m[0]} />);
    at = m.index + m[0].length;
  }
  if (parts.length === 0) return <>{text}</>;
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}

/** Children as given, a plain string with its ids shown as {@link Id}. */
export function withIds(node: React.ReactNode): React.ReactNode {
  return typeof node === "string" ? <IdText text={node} /> : node;
}
