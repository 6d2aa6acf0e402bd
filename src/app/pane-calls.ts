/**
 * The use cases the task pane calls, by name: in local mode the pane runs them on its own store; in
 * server mode (the pane's *Verbindung* setting) it sends `POST /api/pane/NAME` with the arguments and
 * the team server runs the same function, as the logged-in user, in one transaction there. One table
 * for both sides, so the names cannot drift apart.
 */
import { applyReview, previewApplyReview } from "./apply-review";
import { backupStatus } from "./backup";
import { runBilling } from "./bill";
import { listRuns } from "./billing-runs";
import { recentAudit } from "./audit-log";
import { listCustomers } from "./customers";
import { exportInvoiceBatch, exportInvoiceBatchDocument, listExportProfiles, loadCompanyInfo, loadDatevConfig, loadRunInvoices } from "./export-invoices";
import { exportRunIssuing, printRunIssuing } from "./export-issuing";
import { exportMaster } from "./export-master";
import { importMaster } from "./import-master";
import { proposeMappings } from "./mapping-proposal";
import { loadUserProfiles } from "./profiles";
import { reconcileFiles } from "./reconcile";
import { storedSepaSettings } from "./sepa-settings";
import { storedRules } from "./time";
import { dismissStoreNotices, pendingStoreNotices } from "./store-notices";
import { undoBatch } from "./undo-batch";
import { undoRun } from "./undo-run";
import { PURCHASE_BILLING_CALLS } from "./pane-calls-purchase-billing";
// Zeiten/Zähler, settings, backup and restore (issue 21, pane b)
import { backupJson } from "./backup";
import { contractNumbers } from "./contract-numbers";
import { saveExportSettingsFile } from "./export-settings-file";
import { deleteExportProfile } from "./export-profile-delete";
import { reviewMeters } from "./meter-review";
import { importMeters } from "./meters";
import { pushBackupFile, timeBalanceFigures } from "./pane-json";
import { exportUserProfiles, saveProfilesFromJson } from "./profiles";
import { importTime, setRules } from "./time";
import { applyTimeDecisions, reviewTimeEntries } from "./time-review";
import { applyUsageDecisions, importUsage, reviewUsage, setUsageRules } from "./usage";

export const PANE_CALLS = {
  importMaster,
  undoBatch,
  undoRun,
  reconcileFiles,
  applyReview,
  previewApplyReview,
  proposeMappings,
  loadUserProfiles,
  runBilling,
  listRuns,
  loadRunInvoices,
  exportInvoiceBatch,
  exportInvoiceBatchDocument,
  listExportProfiles,
  loadCompanyInfo,
  loadDatevConfig,
  backupStatus,
  recentAudit,
  listCustomers,
  exportMaster,
  storedRules,
  storedSepaSettings,
  pendingStoreNotices,
  dismissStoreNotices,
  ...PURCHASE_BILLING_CALLS,
  // Zeiten/Zähler, settings, backup and restore
  importTime,
  importMeters,
  reviewMeters,
  reviewTimeEntries,
  applyTimeDecisions,
  setRules,
  setUsageRules,
  importUsage,
  reviewUsage,
  applyUsageDecisions,
  timeBalanceFigures,
  contractNumbers,
  saveExportSettingsFile,
  deleteExportProfile,
  saveProfilesFromJson,
  exportUserProfiles,
  backupJson,
  pushBackupFile,
  exportRunIssuing,
  printRunIssuing,
} as const;

export type PaneCallName = keyof typeof PANE_CALLS;

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function toBase64(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += BASE64[(n >> 18) & 63]! + BASE64[(n >> 12) & 63]! + (i + 1 < bytes.length ? BASE64[(n >> 6) & 63]! : "=") + (i + 2 < bytes.length ? BASE64[n & 63]! : "=");
  }
  return out;
}

function fromBase64(text: string): Uint8Array {
  const clean = text.replace(/=+$/, "");
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let j = 0;
  for (const ch of clean) {
    value = (value << 6) | BASE64.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (value >> bits) & 255;
    }
  }
  return out;
}

/** JSON of call arguments and results; byte arrays (files) travel as `{"$bytes": base64}`. */
export function encodeCallJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v instanceof Uint8Array ? { $bytes: toBase64(v) } : v));
}

/** The value of {@link encodeCallJson}'s text, byte arrays restored. */
export function decodeCallJson(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => (v && typeof v === "object" && typeof (v as { $bytes?: unknown }).$bytes === "string" && Object.keys(v).length === 1 ? fromBase64((v as { $bytes: string }).$bytes) : v));
}
