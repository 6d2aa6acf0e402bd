/**
 * Rendering pane components in jsdom (tests with `@jest-environment jsdom`): the real components
 * with the real app layer over an in-memory store, the in-memory workbook and the inline parser.
 * Helpers type and choose as a user does (events through React's handlers), and wait for the DOM.
 */
import * as React from "react";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { AppContext } from "../../../src/app/context";
import type { IsoDate } from "../../../src/core/date/iso-date";
import { MemoryWorkbook } from "../../../src/excel/memory/memory-workbook";
import { MemoryWorkbookGateway } from "../../../src/excel/memory/memory-gateway";
import { HostProvider, type TaskpaneHost } from "../../../src/taskpane/host";
import { StringsProvider, stringsFor, type Language } from "../../../src/taskpane/i18n";
import { inlineParser } from "../../../src/taskpane/parse/vendor-parser";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface Rendered {
  container: HTMLElement;
  host: TaskpaneHost;
  storeChanges: () => number;
  unmount: () => void;
}

/** Renders `element` in a pane host over `app` (language `de` unless told). */
export async function renderPane(element: React.ReactElement, app: AppContext, language: Language = "de"): Promise<Rendered> {
  let changes = 0;
  const host: TaskpaneHost = {
    gateway: new MemoryWorkbookGateway(new MemoryWorkbook({ locale: language })),
    app,
    parser: inlineParser(),
    language,
    storage: { persist: async () => true, persisted: async () => true },
    download: () => undefined,
    storeChanged: () => void changes++,
    today: () => "2026-11-23" as IsoDate,
  };
  const container = document.createElement("div");
  document.body.appendChild(container);
  let root: Root;
  await act(async () => {
    root = createRoot(container);
    root.render(
      <FluentProvider theme={webLightTheme}>
        <StringsProvider value={stringsFor(language)}>
          <HostProvider value={host}>{element}</HostProvider>
        </StringsProvider>
      </FluentProvider>,
    );
  });
  return {
    container,
    host,
    storeChanges: () => changes,
    unmount: () => {
      act(() => root.unmount());
      container.remove();
    },
  };
}

/** The element with `data-testid`, or an error naming it. */
export function byTestId<E extends HTMLElement = HTMLElement>(root: ParentNode, id: string): E {
  const el = root.querySelector<E>(`[data-testid="${id}"]`);
  if (!el) throw new Error(`no [data-testid="${id}"] in: ${(root as HTMLElement).textContent?.slice(0, 400)}`);
  return el;
}

export const queryTestId = (root: ParentNode, id: string): HTMLElement | null => root.querySelector(`[data-testid="${id}"]`);

/** Types into an input or textarea (replacing its text), as React sees typing. */
export async function typeInto(el: HTMLElement, text: string): Promise<void> {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  await act(async () => {
    Object.getOwnPropertyDescriptor(proto, "value")!.set!.call(el, text);
    el.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

/** Chooses an option of a native select by its value. */
export async function choose(el: HTMLElement, value: string): Promise<void> {
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, "value")!.set!.call(el, value);
    el.dispatchEvent(new Event("change", { bubbles: true }));
  });
}

/** Clicks an element (a button, a radio, a checkbox). */
export async function click(el: HTMLElement): Promise<void> {
  await act(async () => {
    el.click();
  });
}

/** Picks files in a hidden file input. */
export async function pickFiles(input: HTMLInputElement, files: File[]): Promise<void> {
  await act(async () => {
    Object.defineProperty(input, "files", { value: files, configurable: true });
    input.dispatchEvent(new Event("change", { bubbles: true }));
  });
}

/** Waits (letting promises and timers run) until `probe` returns a value other than null/undefined/false. */
export async function waitFor<T>(probe: () => T | null | undefined | false, what: string, tries = 200): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const v = probe();
    if (v !== null && v !== undefined && v !== false) return v;
    await act(async () => {
      await new Promise((r) => setTimeout(r, 10));
    });
  }
  throw new Error(`timed out waiting for ${what}; the page shows: ${document.body.textContent?.slice(0, 1500)}`);
}

/** A File as a picker gives it (jsdom's File lacks `arrayBuffer` and `text`). */
export function testFile(name: string, content: Uint8Array | string, type = "text/csv"): File {
  const bytes = typeof content === "string" ? new TextEncoder().encode(content) : new Uint8Array(content);
  return Object.assign(new File([bytes], name, { type }), {
    arrayBuffer: async () => bytes.slice().buffer,
    text: async () => new TextDecoder().decode(bytes),
  });
}
