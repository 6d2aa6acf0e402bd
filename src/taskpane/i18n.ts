/**
 * Task pane strings in German and English. The language follows Office's display language
 * (`Office.context.displayLanguage`, e.g. "de-DE"); anything not German is shown in English.
 * Messages of the core (issues) come from src/core/messages.ts; these are the pane's own words.
 */
import * as React from "react";
import * as common from "./i18n/common";
import * as storage from "./i18n/storage";
import * as reconcile from "./i18n/reconcile";
import * as billing from "./i18n/billing";
import * as purchase from "./i18n/purchase";
import * as price from "./i18n/price";
import * as costCheck from "./i18n/cost-check";
import * as usage from "./i18n/usage";
import * as audit from "./i18n/audit";
import * as master from "./i18n/master";
import type { CommonStrings } from "./i18n/common";
import type { StorageStrings } from "./i18n/storage";
import type { ReconcileStrings } from "./i18n/reconcile";
import type { BillingStrings } from "./i18n/billing";
import type { PurchaseStrings } from "./i18n/purchase";
import type { PriceStrings } from "./i18n/price";
import type { CostCheckStrings } from "./i18n/cost-check";
import type { UsageStrings } from "./i18n/usage";
import type { AuditStrings } from "./i18n/audit";
import type { MasterStrings } from "./i18n/master";

export type Language = "de" | "en";

export type TabId = "reconcile" | "billing" | "purchase" | "usage" | "audit" | "masterData";

export interface Strings {
  language: Language;
  appTitle: string;
  tabListLabel: string;
  footer: string;
  tabs: Record<TabId, { label: string; title: string }>;
  formatInteger(n: number): string;
  common: CommonStrings;
  storage: StorageStrings;
  reconcile: ReconcileStrings;
  billing: BillingStrings;
  purchase: PurchaseStrings;
  price: PriceStrings;
  costCheck: CostCheckStrings;
  usage: UsageStrings;
  audit: AuditStrings;
  master: MasterStrings;
}

const de: Strings = {
  language: "de",
  appTitle: "MSP Billing",
  tabListLabel: "Bereiche",
  footer: "MSP Billing · Daten bleiben auf diesem Gerät",
  tabs: {
    reconcile: { label: "Abgleich", title: "Abgleich mit Distributor-Abrechnungen" },
    billing: { label: "Abrechnung", title: "Abrechnungslauf" },
    purchase: { label: "Einkauf", title: "Einkauf und Verknüpfungen" },
    usage: { label: "Zeiten/Zähler", title: "Zeiten und Zähler" },
    audit: { label: "Protokoll", title: "Änderungsprotokoll" },
    masterData: { label: "Stammdaten", title: "Stammdaten und Sicherung" },
  },
  formatInteger: (n) => new Intl.NumberFormat("de-DE").format(n),
  common: common.de,
  storage: storage.de,
  reconcile: reconcile.de,
  billing: billing.de,
  purchase: purchase.de,
  price: price.de,
  costCheck: costCheck.de,
  usage: usage.de,
  audit: audit.de,
  master: master.de,
};

const en: Strings = {
  language: "en",
  appTitle: "MSP Billing",
  tabListLabel: "Areas",
  footer: "MSP Billing · data stays on this device",
  tabs: {
    reconcile: { label: "Reconcile", title: "Reconcile distributor billing files" },
    billing: { label: "Billing", title: "Billing run" },
    purchase: { label: "Purchase", title: "Purchase and links" },
    usage: { label: "Time/Meters", title: "Time and meters" },
    audit: { label: "Audit", title: "Audit log" },
    masterData: { label: "Master data", title: "Master data and backup" },
  },
  formatInteger: (n) => new Intl.NumberFormat("en-GB").format(n),
  common: common.en,
  storage: storage.en,
  reconcile: reconcile.en,
  billing: billing.en,
  purchase: purchase.en,
  price: price.en,
  costCheck: costCheck.en,
  usage: usage.en,
  audit: audit.en,
  master: master.en,
};

const STRINGS: Record<Language, Strings> = { de, en };

/** Picks the UI language from a BCP 47 tag such as "de-DE", "de-AT" or "en-US". */
export function languageFromTag(tag: string | null | undefined): Language {
  return typeof tag === "string" && /^de(-|_|$)/i.test(tag.trim()) ? "de" : "en";
}

export function stringsFor(language: Language): Strings {
  return STRINGS[language];
}

/** A day for display: `15.10.2026` in German, ISO otherwise. */
export function formatDay(iso: string, language: Language): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return language === "de" ? `${m[3]}.${m[2]}.${m[1]}` : `${m[1]}-${m[2]}-${m[3]}`;
}

/** A timestamp in the user's time zone: `23.11.2026, 10:00` / `2026-11-23 10:00`. */
export function formatTimestamp(iso: string, language: Language): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, "0");
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return language === "de" ? `${pad(d.getDate())}.${pad(d.getMonth() + 1)}.${d.getFullYear()}, ${time}` : `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${time}`;
}

const StringsContext = React.createContext<Strings>(en);

export const StringsProvider = StringsContext.Provider;

/** The strings of the pane's language. */
export function useStrings(): Strings {
  return React.useContext(StringsContext);
}
