import * as React from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import type { Issue } from "../../../core/issues";
import { dismissStoreNotices, pendingStoreNotices } from "../../connection/use-cases";
import { useHost } from "../../host";
import { useStrings } from "../../i18n";
import { describeIssue, unexpectedIssue } from "../../issues";
import { IssueBars } from "../common/IssueBars";
import { storeNoticeStrings } from "./store-notice-strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL} 0` },
  text: { overflowWrap: "anywhere", fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  list: { margin: `${tokens.spacingVerticalXXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
});

/**
 * What the store's upgrade found when it was opened (mappings of one vendor id stored in several
 * spellings, merged into one): shown at the top until the clerk confirms *Gesehen*, because a merge
 * that kept one of two different customers needs a look before the next reconcile.
 */
export function StoreNotices(): React.ReactElement | null {
  const styles = useStyles();
  const host = useHost();
  const s = useStrings();
  const t = storeNoticeStrings[s.language];
  const [notices, setNotices] = React.useState<Issue[]>([]);
  const [failure, setFailure] = React.useState<unknown>(null);
  const [busy, setBusy] = React.useState(false);

  React.useEffect(() => {
    let live = true;
    pendingStoreNotices(host.app).then(
      (found) => live && setNotices(found),
      (e: unknown) => live && setFailure(e),
    );
    return () => {
      live = false;
    };
  }, [host]);

  if (notices.length === 0 && failure === null) return null;
  const warnings = notices.filter((n) => n.severity === "warning").length;
  return (
    <div className={styles.root} data-testid="store-notices">
      {notices.length > 0 && (
        <MessageBar intent={warnings > 0 ? "warning" : "info"} layout="multiline">
          <MessageBarBody className={styles.text}>
            <MessageBarTitle>{t.title(notices.length)}</MessageBarTitle>
            {t.body}
            <ul className={styles.list}>
              {notices.map((n, i) => (
                <li key={i}>{describeIssue(n, s.language)}</li>
              ))}
            </ul>
          </MessageBarBody>
          <MessageBarActions>
            <Button
              size="small"
              disabled={busy}
              data-testid="store-notices-seen"
              onClick={() => {
                setBusy(true);
                dismissStoreNotices(host.app)
                  .then(() => setNotices([]), setFailure)
                  .finally(() => setBusy(false));
              }}
            >
              {t.seen}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {failure !== null && <IssueBars issues={[unexpectedIssue(failure)]} />}
    </div>
  );
}
