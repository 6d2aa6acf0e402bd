/**
 * Renders the real task pane components in jsdom over the in-memory workbook (the Office.js adapter
 * on the Excel fake), an in-memory store and the inline vendor parser: clicks go through React as in
 * the add-in. Announcements are captured through Fluent's AnnounceProvider, scrolls through a spy,
 * downloads (name, bytes, type) by the host.
 */
import * as React from "react";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { AnnounceProvider, FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { AppContext } from "../../../src/app/context";
import type { IsoDate } from "../../../src/core/date/iso-date";
import { MemoryWorkbook } from "../../../src/excel/memory/memory-workbook";
import { MemoryWorkbookGateway } from "../../../src/excel/memory/memory-gateway";
import { HostProvider, type TaskpaneHost } from "../../../src/taskpane/host";
import { StringsProvider, stringsFor, type Language } from "../../../src/taskpane/i18n";
import { inlineParser } from "../../../src/taskpane/parse/vendor-parser";

// React 19: act() outside a test framework that sets this warns.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface Pane {
  container: HTMLElement;
  wb: MemoryWorkbook;
  gw: MemoryWorkbookGateway;
  announced: string[];
  scrolled: Element[];
  downloads: { name: string; bytes: Uint8Array; mime: string }[];
  unmount(): void;
}

export async function renderPane(app: AppContext, node: React.ReactElement, options: { language?: Language; wb?: MemoryWorkbook } = {}): Promise<Pane> {
  const language = options.language ?? "de";
  const wb = options.wb ?? new MemoryWorkbook({ locale: language });
  const gw = new MemoryWorkbookGateway(wb);
  const announced: string[] = [];
  const scrolled: Element[] = [];
  const downloads: Pane["downloads"] = [];
  Element.prototype.scrollIntoView = function (this: Element) {
    scrolled.push(this);
  };
  const host: TaskpaneHost = {
    gateway: gw,
    app,
    parser: inlineParser(),
    language,
    storage: { persist: async () => true, persisted: async () => true },
    download: (name, bytes, mime) => void downloads.push({ name, bytes, mime }),
    storeChanged: () => undefined,
    today: () => "2026-11-23" as IsoDate,
  };
  const container = document.createElement("div");
  document.body.appendChild(container);
  let root: Root;
  await act(async () => {
    root = createRoot(container);
    root.render(
      <FluentProvider theme={webLightTheme}>
        <AnnounceProvider value={{ announce: (message: string) => void announced.push(message) }}>
          <StringsProvider value={stringsFor(language)}>
            <HostProvider value={host}>{node}</HostProvider>
          </StringsProvider>
        </AnnounceProvider>
      </FluentProvider>,
    );
  });
  return {
    container,
    wb,
    gw,
    announced,
    scrolled,
    downloads,
    unmount: () => {
      act(() => root.unmount());
      container.remove();
    },
  };
}

/** The element for a test id (throws when missing, naming what is there). */
export function byTestId(container: HTMLElement, id: string): HTMLElement {
  const el = container.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  if (!el) throw new Error(`no [data-testid="${id}"]`);
  return el;
}

/** A button by its visible text. */
export function buttonNamed(container: HTMLElement, text: string | RegExp): HTMLButtonElement {
  const buttons = [...container.querySelectorAll<HTMLButtonElement>("button")];
  const b = buttons.find((x) => (typeof text === "string" ? x.textContent?.trim() === text : text.test(x.textContent ?? "")));
  if (!b) throw new Error(`no button ${String(text)} (buttons: ${buttons.map((x) => x.textContent?.trim()).join(" | ")})`);
  return b;
}

export async function click(el: HTMLElement): Promise<void> {
  await act(async () => {
    el.click();
  });
}

/** Waits (in act) until `check` passes; the pane's tasks are async but never timed. */
export async function until(check: () => void, tries = 200): Promise<void> {
  let last: unknown;
  for (let i = 0; i < tries; i++) {
    try {
      check();
      return;
    } catch (error) {
      last = error;
    }
    await act(async () => {
      await new Promise((r) => setTimeout(r, 5));
    });
  }
  throw last;
}
