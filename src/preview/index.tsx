/**
 * Entry of the browser preview (`npm run preview`): builds the demo environment, the pane's host over
 * it, exposes a small test hook (`window.__msp`) for the browser tests, and renders the page.
 * Query: `?lang=de|en`, `?theme=light|dark`, `?pane=320` (pane width), `?reset=1` (fresh demo store),
 * `?view=pane` (only the task pane, full width, as in Excel: for screenshots at 320–350 px).
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { noteStoreChanged } from "../app/lookup/lookup-index";
import { tableCounts } from "../app/restore";
import { localToday, type TaskpaneHost } from "../taskpane/host";
import { languageFromTag } from "../taskpane/i18n";
import { workerParser } from "../taskpane/parse/worker-parser";
import { browserDownload, browserStorage } from "../taskpane/storage";
import { createPreviewEnv, type PreviewEnv } from "./preview-env";
import { PreviewApp } from "./PreviewApp";
import { PREVIEW_TEXTS } from "./preview-texts";

/* global document, window, navigator */

export interface PreviewTestHook {
  env: PreviewEnv;
  /** Store writes the pane reported (each asks Excel for a recalculation in the add-in). */
  storeChanges: number;
  /** Rows per store table. */
  counts(): Promise<Record<string, number>>;
}

declare global {
  interface Window {
    __msp?: PreviewTestHook;
  }
}

async function start(): Promise<void> {
  const container = document.getElementById("container");
  if (!container) throw new Error("preview.html has no #container element");
  const params = new URL(window.location.href).searchParams;
  const language = languageFromTag(params.get("lang") ?? navigator.language);
  const dark = params.get("theme") === "dark";
  const paneWidth = Math.min(600, Math.max(300, Number(params.get("pane")) || 350));
  document.documentElement.lang = language;
  container.textContent = PREVIEW_TEXTS[language].loading;
  const reset = params.get("reset") === "1";
  if (reset) {
    params.delete("reset");
    window.history.replaceState(null, "", `${window.location.pathname}?${params.toString()}`);
  }
  let env: PreviewEnv;
  try {
    env = await createPreviewEnv({ language, reset });
  } catch (error) {
    container.textContent = `${PREVIEW_TEXTS[language].failed} ${error instanceof Error ? error.message : String(error)}`;
    throw error;
  }
  const hook: PreviewTestHook = {
    env,
    storeChanges: 0,
    counts: () => env.app.store.read(tableCounts),
  };
  window.__msp = hook;
  const host: TaskpaneHost = {
    gateway: env.gateway,
    app: env.app,
    parser: workerParser(),
    language,
    storage: browserStorage(),
    download: browserDownload,
    storeChanged: () => {
      hook.storeChanges++;
      noteStoreChanged(env.app.store);
    },
    today: localToday,
  };
  container.textContent = "";
  createRoot(container).render(
    <React.StrictMode>
      <PreviewApp env={env} host={host} language={language} dark={dark} paneWidth={paneWidth} paneOnly={params.get("view") === "pane"} />
    </React.StrictMode>,
  );
}

void start();
