/**
 * Task pane shell: title, a tab list of the work areas, the data-safety notice, one panel per area
 * (all kept mounted, so switching tabs keeps each area's state), footer. No Excel calls here: the
 * host (workbook port, store, parser) reaches the areas through context (host.ts).
 */
import * as React from "react";
import { Caption1, Subtitle1, Tab, TabList, Title3, makeStyles, mergeClasses, tokens, type SelectTabData, type SelectTabEvent } from "@fluentui/react-components";
import { ArrowSyncRegular, CartRegular, ClockRegular, DatabaseRegular, HistoryRegular, ReceiptMoneyRegular } from "@fluentui/react-icons";
import { useStorageStatus } from "../hooks/useStorageStatus";
import { useStrings, type TabId } from "../i18n";
import { AuditArea } from "./audit/AuditArea";
import { BillingArea } from "./billing/BillingArea";
import { MasterDataArea } from "./masterData/MasterDataArea";
import { PurchaseArea } from "./purchase/PurchaseArea";
import { ReconcileArea } from "./reconcile/ReconcileArea";
import { StorageNotice } from "./storage/StorageNotice";
import { StoreNotices } from "./storage/StoreNotices";
import { UsageArea } from "./usage/UsageArea";
import { useConnectionState } from "../connection/use-connection";

const TAB_ORDER: readonly TabId[] = ["reconcile", "billing", "purchase", "usage", "audit", "masterData"];

const TAB_ICONS: Record<TabId, React.ReactElement> = {
  reconcile: <ArrowSyncRegular />,
  billing: <ReceiptMoneyRegular />,
  purchase: <CartRegular />,
  usage: <ClockRegular />,
  audit: <HistoryRegular />,
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
    // Two rows of three tabs at 350 px in German too (issue 20): narrower tab padding below 420 px.
    "@media (max-width: 419.98px)": {
      "& .fui-Tab": { paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS },
    },
    "@media (max-width: 349.98px)": {
      "& .fui-Tab__icon": { display: "none" },
    },
  },
  // Six areas do not fit one row of a 350 px pane: the tabs wrap to a second row instead of scrolling.
  tabList: { flexWrap: "wrap" },
  main: { flexGrow: 1, minWidth: 0 },
  panel: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL} ${tokens.spacingVerticalXXL}`,
    minWidth: 0,
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "-2px",
    },
  },
  // The `hidden` attribute alone loses against the panel's display: flex.
  hidden: { display: "none" },
  flush: { margin: 0 },
  footer: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground3,
  },
});

export interface AppProps {
  /** Initially selected tab (default: reconcile). */
  initialTab?: TabId;
}

export function App({ initialTab = "reconcile" }: AppProps): React.ReactElement {
  const styles = useStyles();
  const strings = useStrings();
  const storage = useStorageStatus();
  const onServer = useConnectionState()?.server != null;
  const [selected, setSelected] = React.useState<TabId>(initialTab);
  const onTabSelect = React.useCallback((_event: SelectTabEvent, data: SelectTabData) => {
    setSelected(data.value as TabId);
  }, []);

  const panel = (id: TabId, content: React.ReactNode) => (
    <div
      key={id}
      className={mergeClasses(styles.panel, selected !== id && styles.hidden)}
      role="tabpanel"
      id={`panel-${id}`}
      aria-labelledby={`tab-${id}`}
      hidden={selected !== id}
      tabIndex={0}
      data-testid={selected === id ? "tab-panel" : undefined}
    >
      <Subtitle1 as="h2" className={styles.flush}>
        {strings.tabs[id].title}
      </Subtitle1>
      {content}
    </div>
  );

  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <Title3 as="h1" className={styles.flush}>
          {strings.appTitle}
        </Title3>
      </header>
      <nav className={styles.tabs} aria-label={strings.tabListLabel}>
        <TabList className={styles.tabList} selectedValue={selected} onTabSelect={onTabSelect} aria-label={strings.tabListLabel} size="small">
          {TAB_ORDER.map((id) => (
            <Tab key={id} value={id} id={`tab-${id}`} aria-controls={`panel-${id}`} icon={TAB_ICONS[id]}>
              {strings.tabs[id].label}
            </Tab>
          ))}
        </TabList>
      </nav>
      {/* The browser's storage only matters for local data; the team server's backups are the admin's. */}
      {!onServer && <StorageNotice storage={storage} />}
      <StoreNotices />
      <main className={styles.main}>
        {panel("reconcile", <ReconcileArea />)}
        {panel("billing", <BillingArea active={selected === "billing"} />)}
        {panel("purchase", <PurchaseArea />)}
        {panel("usage", <UsageArea />)}
        {panel("masterData", <MasterDataArea onBackup={storage.refresh} />)}
        {panel("audit", <AuditArea active={selected === "audit"} />)}
      </main>
      <footer className={styles.footer}>
        <Caption1>{strings.footer}</Caption1>
      </footer>
    </div>
  );
}

export default App;
