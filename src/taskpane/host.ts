/**
 * What the task pane needs from its host, as one object: the workbook port, the app context (store
 * and clock), the vendor-file parser, downloads, persistent storage and a recalculation request.
 * In Excel, index.tsx builds it from Office.js; the browser preview builds it over the in-memory
 * workbook. Components receive it through React context and never touch Excel.* or Office.*.
 */
import * as React from "react";
import type { AppContext } from "../app/context";
import { ymdToIso, type IsoDate } from "../core/date/iso-date";
import type { WorkbookGateway } from "../excel/gateway";
import type { Language } from "./i18n";
import type { VendorParser } from "./parse/vendor-parser";

/** The browser's storage manager, reduced to what the pane asks (null: not supported here). */
export interface StorageAccess {
  /** Asks the browser to keep the store under storage pressure (`navigator.storage.persist()`). */
  persist(): Promise<boolean | null>;
  /** Whether the store is persistent (`navigator.storage.persisted()`). */
  persisted(): Promise<boolean | null>;
}

export interface TaskpaneHost {
  gateway: WorkbookGateway;
  app: AppContext;
  parser: VendorParser;
  language: Language;
  storage: StorageAccess;
  /** Saves bytes as a file in the user's downloads (Blob + `a.download` in a browser). */
  download(name: string, bytes: Uint8Array, mime: string): void;
  /**
   * Called after every write to the store: marks the MSP.* lookup index stale and asks Excel for a
   * full recalculation, so store-backed worksheet functions show the new state.
   */
  storeChanged(): void;
  /** Asks Excel for a full recalculation (store-backed MSP.* cells), debounced; absent outside Excel. */
  recalculate?(): void;
  /** Today in the user's time zone. */
  today(): IsoDate;
}

const HostContext = React.createContext<TaskpaneHost | null>(null);

export const HostProvider = HostContext.Provider;

/** The host of the surrounding pane (throws outside a HostProvider: a wiring bug). */
export function useHost(): TaskpaneHost {
  const host = React.useContext(HostContext);
  if (!host) throw new Error("useHost outside HostProvider");
  return host;
}

/** Today in the user's time zone (not UTC: just after midnight in Germany, UTC is still yesterday). */
export function localToday(): IsoDate {
  const now = new Date();
  return ymdToIso(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
