/** Protokoll: the most recent audit entries (time, kind, source, entity), filterable, read-only. */
import * as React from "react";
import { Body1, Button, Caption1, Input, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowClockwiseRegular, FilterRegular } from "@fluentui/react-icons";
import type { Issue } from "../../../core/issues";
import { auditSourceText, auditText } from "../../../core/messages";
import { recentAudit } from "../../connection/use-cases";
import type { AuditRecord } from "../../../store/records";
import { useHost } from "../../host";
import { formatTimestamp, useStrings } from "../../i18n";
import { unexpectedIssue } from "../../issues";
import { IssueBars } from "../common/IssueBars";

const LIMIT = 200;

const useStyles = makeStyles({
  area: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  flush: { margin: 0 },
  bar: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center" },
  filter: { flexGrow: 1, minWidth: 0 },
  // A table's four columns do not fit 350 px: one entry per list item, time and source above kind and entity.
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", minWidth: 0 },
  item: {
    display: "flex",
    flexDirection: "column",
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  meta: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  text: { overflowWrap: "anywhere" },
  kind: { fontWeight: tokens.fontWeightSemibold },
});

export function AuditArea({ active }: { active: boolean }): React.ReactElement {
  const styles = useStyles();
  const host = useHost();
  const s = useStrings();
  const a = s.audit;
  const [entries, setEntries] = React.useState<AuditRecord[]>([]);
  const [issues, setIssues] = React.useState<Issue[]>([]);
  const [filter, setFilter] = React.useState("");
  const [loading, setLoading] = React.useState(false);

  const load = React.useCallback(async () => {
    setLoading(true);
    try {
      setEntries(await recentAudit(host.app, LIMIT));
      setIssues([]);
    } catch (error) {
      setIssues([unexpectedIssue(error)]);
    } finally {
      setLoading(false);
    }
  }, [host]);

  // Reload whenever the tab is shown: other areas write entries meanwhile.
  React.useEffect(() => {
    if (active) void load();
  }, [active, load]);

  const needle = filter.trim().toLowerCase();
  const shown = needle ? entries.filter((e) => [auditText(e, s.language), auditSourceText(e.source, s.language), e.kind, e.source, e.entity, e.at].some((t) => t.toLowerCase().includes(needle))) : entries;

  return (
    <div className={styles.area} data-testid="audit-area">
      <Body1 as="p" className={styles.flush}>
        {a.description}
      </Body1>
      <div className={styles.bar}>
        <Input
          className={styles.filter}
          aria-label={a.filter}
          placeholder={a.filter}
          contentBefore={<FilterRegular />}
          value={filter}
          onChange={(_e, d) => setFilter(d.value)}
          data-testid="audit-filter"
        />
        <Button icon={<ArrowClockwiseRegular />} aria-label={a.refresh} title={a.refresh} disabled={loading} onClick={() => void load()} />
      </div>
      <Caption1 aria-live="polite" data-testid="audit-count">
        {a.shown(shown.length, entries.length)}
      </Caption1>
      {shown.length === 0 ? (
        <Body1 as="p" className={styles.flush}>
          {a.empty}
        </Body1>
      ) : (
        <ul className={styles.list} aria-label={s.tabs.audit.title} data-testid="audit-list">
          {shown.map((e, k) => (
            <li key={e.seq ?? k} className={styles.item}>
              <Caption1 className={styles.meta}>
                {formatTimestamp(e.at, s.language)} · {a.source}: {auditSourceText(e.source, s.language)}
              </Caption1>
              <Body1 className={styles.text}>
                <span className={styles.kind}>{auditText(e, s.language)}</span>
              </Body1>
            </li>
          ))}
        </ul>
      )}
      <IssueBars issues={issues} testId="audit-issues" />
    </div>
  );
}
