/**
 * Task pane entry in Excel: waits for Office, builds the host (the Office.js workbook gateway, the
 * runtime's one store, the parsing worker, downloads, storage) and renders the pane themed after
 * Office's theme and in Office's display language. The only task-pane file that names Excel.*.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { lookupIndexCache, noteStoreChanged } from "../app/lookup/lookup-index";
import { officeWorkbookGateway } from "../excel/office-host";
import { getBrowserStore } from "../store/browser-db";
import { TaskpaneRoot } from "./components/TaskpaneRoot";
import { localToday, type TaskpaneHost } from "./host";
import { languageFromTag } from "./i18n";
import { workerParser } from "./parse/worker-parser";
import { browserDownload, browserStorage } from "./storage";

/* global document, navigator, Office, Excel */

/** Asks Excel for a full recalculation (store-backed MSP.* functions do not recalculate by themselves). */
async function recalculate(): Promise<void> {
  if (typeof Excel === "undefined") return; // a browser without Excel: nothing to recalculate
  await Excel.run(async (context) => {
    context.workbook.application.calculate(Excel.CalculationType.full);
    await context.sync();
  });
}

/** Recalculates at most once per burst of store changes. */
function debounced(fn: () => Promise<void>, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      fn().catch(() => undefined); // a failed recalculation must not break the pane; Ctrl+Alt+F9 still works
    }, ms);
  };
}

function render(): void {
  const container = document.getElementById("container");
  if (!container) throw new Error("taskpane.html has no #container element");
  // Outside a host (a plain browser) Office.context may lack these; fall back to the browser.
  const context = typeof Office !== "undefined" ? Office.context : undefined;
  const language = languageFromTag(context?.displayLanguage ?? navigator.language);
  const dark = context?.officeTheme?.isDarkTheme === true;
  document.documentElement.lang = language;

  const store = getBrowserStore();
  // Every committed store write (the store's onChange, also for writes of the functions' or another
  // window) marks the MSP.* index stale; then Excel recalculates so the worksheet functions show it.
  const recalc = debounced(recalculate, 300);
  lookupIndexCache(store).onInvalidate(recalc);
  const host: TaskpaneHost = {
    gateway: officeWorkbookGateway(),
    app: { store, now: () => new Date().toISOString() },
    parser: workerParser(),
    language,
    storage: browserStorage(),
    download: browserDownload,
    storeChanged: () => noteStoreChanged(store),
    recalculate: recalc,
    today: localToday,
  };
  createRoot(container).render(
    <React.StrictMode>
      <TaskpaneRoot host={host} dark={dark} />
    </React.StrictMode>,
  );
}

Office.onReady(() => render());
