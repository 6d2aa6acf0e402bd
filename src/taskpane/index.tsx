/**
 * Task pane entry: waits for Office, then renders the shell themed after Office's theme
 * (dark or light) and in Office's display language (German or English).
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { App } from "./components/App";
import { languageFromTag, stringsFor } from "./i18n";

/* global document, navigator, Office */

function render(): void {
  const container = document.getElementById("container");
  if (!container) throw new Error("taskpane.html has no #container element");
  // Outside a host (browser preview) Office.context may lack these; fall back to the browser.
  const context = typeof Office !== "undefined" ? Office.context : undefined;
  const language = languageFromTag(context?.displayLanguage ?? navigator.language);
  const dark = context?.officeTheme?.isDarkTheme === true;
  document.documentElement.lang = language;
  createRoot(container).render(
    <React.StrictMode>
      <FluentProvider theme={dark ? webDarkTheme : webLightTheme} style={{ minHeight: "100vh" }}>
        <App strings={stringsFor(language)} />
      </FluentProvider>
    </React.StrictMode>,
  );
}

Office.onReady(() => render());
