/**
 * Task pane shell: title, a tab list of the work areas, one panel per area, footer.
 * No Excel calls here: host access lives in src/excel and reaches components through props.
 */
import * as React from "react";
import {
  Body1,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Tab,
  TabList,
  Title3,
  makeStyles,
  tokens,
  type SelectTabData,
  type SelectTabEvent,
} from "@fluentui/react-components";
import { ArrowSyncRegular, DatabaseRegular, ReceiptMoneyRegular } from "@fluentui/react-icons";
import type { Strings, TabId } from "../i18n";

const TAB_ORDER: readonly TabId[] = ["reconcile", "billing", "masterData"];

const TAB_ICONS: Record<TabId, React.ReactElement> = {
  reconcile: <ArrowSyncRegular />,
  billing: <ReceiptMoneyRegular />,
  masterData: <DatabaseRegular />,
};

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    // Keep clear of the host's personality menu in the top-right corner (up to 34 × 32 px on Mac).
    paddingTop: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalL,
    paddingRight: "40px",
  },
  tabs: {
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    // Never let the tab bar widen the pane; below 350 px drop the tab icons to keep the labels.
    overflowX: "auto",
    "@media (max-width: 349.98px)": {
      "& .fui-Tab__icon": { display: "none" },
    },
  },
  panel: {
    flexGrow: 1,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "-2px",
    },
  },
  flush: {
    margin: 0,
  },
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  code: {
    display: "block",
    marginTop: tokens.spacingVerticalXS,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: "anywhere",
  },
  footer: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground3,
  },
});

export interface AppProps {
  strings: Strings;
  /** Initially selected tab (default: reconcile). */
  initialTab?: TabId;
}

export function App({ strings, initialTab = "reconcile" }: AppProps): React.ReactElement {
  const styles = useStyles();
  const [selected, setSelected] = React.useState<TabId>(initialTab);
  const onTabSelect = React.useCallback((_event: SelectTabEvent, data: SelectTabData) => {
    setSelected(data.value as TabId);
  }, []);
  const tab = strings.tabs[selected];

  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <Title3 as="h1" className={styles.flush}>
          {strings.appTitle}
        </Title3>
      </header>
      <nav className={styles.tabs}>
        <TabList selectedValue={selected} onTabSelect={onTabSelect} aria-label={strings.tabListLabel} size="small">
          {TAB_ORDER.map((id) => (
            <Tab key={id} value={id} id={`tab-${id}`} aria-controls={`panel-${id}`} icon={TAB_ICONS[id]}>
              {strings.tabs[id].label}
            </Tab>
          ))}
        </TabList>
      </nav>
      <main
        className={styles.panel}
        role="tabpanel"
        id={`panel-${selected}`}
        aria-labelledby={`tab-${selected}`}
        tabIndex={0}
        data-testid="tab-panel"
      >
        <Subtitle2 as="h2" className={styles.flush}>
          {tab.title}
        </Subtitle2>
        <Body1 as="p" className={styles.flush}>
          {tab.description}
        </Body1>
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{strings.notAvailableTitle}</MessageBarTitle>
            {strings.notAvailableBody}
          </MessageBarBody>
        </MessageBar>
        <section aria-label={strings.plannedHeading} className={styles.section}>
          <Subtitle2 as="h3" className={styles.flush}>
            {strings.plannedHeading}
          </Subtitle2>
          <ul className={styles.list}>
            {tab.planned.map((item) => (
              <li key={item}>
                <Body1>{item}</Body1>
              </li>
            ))}
          </ul>
        </section>
        {selected === "billing" && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{strings.availableNowTitle}</MessageBarTitle>
              {strings.availableNowBody}
              <code className={styles.code}>{strings.prorateExample}</code>
            </MessageBarBody>
          </MessageBar>
        )}
      </main>
      <footer className={styles.footer}>
        <Caption1>{strings.footer}</Caption1>
      </footer>
    </div>
  );
}

export default App;
