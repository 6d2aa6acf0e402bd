/**
 * "Try it without Excel": the task pane (350 px, as in Excel) next to the rendered demo workbook.
 * The pane is the real one, with a host over the in-memory workbook and a demo store.
 */
import * as React from "react";
import { Body1, Button, Caption1, FluentProvider, Select, Switch, Title3, makeStyles, tokens, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { ArrowResetRegular } from "@fluentui/react-icons";
import { TaskpaneRoot } from "../taskpane/components/TaskpaneRoot";
import type { TaskpaneHost } from "../taskpane/host";
import type { Language } from "../taskpane/i18n";
import type { PreviewEnv } from "./preview-env";
import { PREVIEW_TEXTS } from "./preview-texts";
import { WorkbookView } from "./WorkbookView";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", height: "100vh", backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground1 },
  top: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalL, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, backgroundColor: tokens.colorNeutralBackground1 },
  titles: { display: "flex", flexDirection: "column", flexGrow: 1, minWidth: "240px" },
  flush: { margin: 0 },
  controls: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  body: { display: "flex", flexGrow: 1, minHeight: 0 },
  workbook: { flexGrow: 1, minWidth: 0, display: "flex", flexDirection: "column" },
  pane: { flexShrink: 0, overflowY: "auto", overflowX: "hidden", borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}` },
});

export interface PreviewAppProps {
  env: PreviewEnv;
  host: TaskpaneHost;
  language: Language;
  dark: boolean;
  paneWidth: number;
  /** Only the task pane, full width (as Excel shows it): for screenshots at 320–350 px. */
  paneOnly?: boolean;
}

export function PreviewApp({ env, host, language, dark: initialDark, paneWidth, paneOnly }: PreviewAppProps): React.ReactElement {
  const styles = useStyles();
  const t = PREVIEW_TEXTS[language];
  const [dark, setDark] = React.useState(initialDark);
  if (paneOnly) {
    return (
      <div data-testid="pane" aria-label={t.pane}>
        <TaskpaneRoot host={host} dark={dark} />
      </div>
    );
  }
  const navigate = (params: Record<string, string>) => {
    const url = new URL(window.location.href);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    window.location.assign(url.toString());
  };
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} className={styles.page}>
      <header className={styles.top}>
        <div className={styles.titles}>
          <Title3 as="h1" className={styles.flush}>
            {t.title}
          </Title3>
          <Caption1>{t.subtitle}</Caption1>
        </div>
        <div className={styles.controls}>
          <Select aria-label={t.language} value={language} onChange={(_, d) => navigate({ lang: d.value })} size="small">
            <option value="de">Deutsch</option>
            <option value="en">English</option>
          </Select>
          <Switch
            label={t.dark}
            checked={dark}
            onChange={(_, d) => {
              setDark(d.checked);
              const url = new URL(window.location.href);
              url.searchParams.set("theme", d.checked ? "dark" : "light");
              window.history.replaceState(null, "", url.toString());
            }}
          />
          <Button size="small" icon={<ArrowResetRegular />} onClick={() => navigate({ reset: "1" })}>
            {t.reset}
          </Button>
        </div>
      </header>
      <div className={styles.body}>
        <section className={styles.workbook} aria-label={t.workbook}>
          <Body1 as="p" className={styles.flush} style={{ padding: "4px 8px" }}>
            {t.workbookHint}
          </Body1>
          <WorkbookView env={env} locale={language} labels={t.labels} />
        </section>
        <aside className={styles.pane} style={{ width: `${paneWidth}px` }} aria-label={t.pane} data-testid="pane">
          <TaskpaneRoot host={host} dark={dark} />
        </aside>
      </div>
    </FluentProvider>
  );
}
