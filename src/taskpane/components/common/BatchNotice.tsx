/** The result of an import that made an undoable batch: its facts, the batch id and an undo button. */
import * as React from "react";
import { Button } from "@fluentui/react-components";
import { ArrowUndoRegular } from "@fluentui/react-icons";
import { FactList } from "./FactList";
import { Notice } from "./Notice";

export interface BatchNoticeProps {
  title: string;
  facts: [string, string][];
  /** The batch the import made (absent when nothing was stored: then no undo). */
  batchId?: string | null;
  batchLabel: string;
  undoLabel: string;
  busy: boolean;
  onUndo: (batchId: string) => void;
  testId: string;
  /** Scrolled into view when it appears (results next to their button). */
  reveal?: boolean;
}

export function BatchNotice({ title, facts, batchId, batchLabel, undoLabel, busy, onUndo, testId, reveal }: BatchNoticeProps): React.ReactElement {
  return (
    <Notice
      reveal={reveal}
      title={title}
      testId={testId}
      actions={
        batchId ? (
          <Button size="small" icon={<ArrowUndoRegular />} disabled={busy} onClick={() => onUndo(batchId)}>
            {undoLabel}
          </Button>
        ) : undefined
      }
    >
      <FactList facts={batchId ? [[batchLabel, batchId], ...facts] : facts} />
    </Notice>
  );
}
