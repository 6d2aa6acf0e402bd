/**
 * The pane's use cases, local or on the team server: each has the signature of its src/app
 * function; with the pane's store a {@link ServerStore} (server mode) the call goes to the server
 * (`POST /api/pane/NAME`: one transaction there, as the logged-in user), otherwise it runs here on
 * the local store as before. The pane's hooks import from here instead of src/app.
 */
import type { AppContext } from "../../app/context";
import { PANE_CALLS, type PaneCallName } from "../../app/pane-calls";
import { type BackupDoc, markBackedUp as markLocalBackup } from "../../app/backup";
import { type RestoreSummary, restoreStore } from "../../app/restore";
import type { Result } from "../../core/issues";
import { ServerStore } from "./server-store";

type Calls = typeof PANE_CALLS;

/** The language the server words its messages in (the pane's). */
let callLanguage: "de" | "en" = "de";
export function setCallLanguage(lang: "de" | "en"): void {
  callLanguage = lang;
}

/** The arguments as sent: trailing optional arguments left out (JSON would make them null, which is no default). */
function sent(args: readonly unknown[]): unknown[] {
  let n = args.length;
  while (n > 0 && args[n - 1] === undefined) n--;
  return args.slice(0, n);
}

function via<N extends PaneCallName>(name: N): Calls[N] {
  const local = PANE_CALLS[name] as (ctx: AppContext, ...args: unknown[]) => Promise<unknown>;
  const call = (ctx: AppContext, ...args: unknown[]) => (ctx.store instanceof ServerStore ? ctx.store.connection.call(name, sent(args), callLanguage) : local(ctx, ...args));
  return call as unknown as Calls[N];
}

export const importMaster = via("importMaster");
export const undoBatch = via("undoBatch");
export const undoRun = via("undoRun");
export const reconcileFiles = via("reconcileFiles");
export const applyReview = via("applyReview");
export const previewApplyReview = via("previewApplyReview");
export const proposeMappings = via("proposeMappings");
export const loadUserProfiles = via("loadUserProfiles");
export const runBilling = via("runBilling");
export const listRuns = via("listRuns");
export const loadRunInvoices = via("loadRunInvoices");
export const exportInvoiceBatch = via("exportInvoiceBatch");
export const exportInvoiceBatchDocument = via("exportInvoiceBatchDocument");
export const listExportProfiles = via("listExportProfiles");
export const loadCompanyInfo = via("loadCompanyInfo");
export const loadDatevConfig = via("loadDatevConfig");
export const backupStatus = via("backupStatus");
export const recentAudit = via("recentAudit");
export const listCustomers = via("listCustomers");
export const exportMaster = via("exportMaster");
export const storedRules = via("storedRules");
export const storedSepaSettings = via("storedSepaSettings");
export const pendingStoreNotices = via("pendingStoreNotices");
export const dismissStoreNotices = via("dismissStoreNotices");
// Einkauf, invoice lifecycle, SEPA (src/app/pane-calls-purchase-billing.ts).
export const importPurchase = via("importPurchase");
export const importLinks = via("importLinks");
export const purchaseLinksReport = via("purchaseLinksReport");
export const linksForEditing = via("linksForEditing");
export const purchasePositionRefs = via("purchasePositionRefs");
export const proposePriceUpdateText = via("proposePriceUpdateText");
export const applyPriceUpdate = via("applyPriceUpdate");
export const costCheckFile = via("costCheckFile");
export const runLifecycle = via("runLifecycle");
export const listInvoices = via("listInvoices");
export const finalizeRun = via("finalizeRun");
export const cancelInvoice = via("cancelInvoice");
export const cancelRun = via("cancelRun");
export const eInvoicesOfRun = via("eInvoicesOfRun");
export const exportSepaRun = via("exportSepaRun");
export const setSepaSettings = via("setSepaSettings");
export const importMandates = via("importMandates");
export const mandateSheetRows = via("mandateSheetRows");

// Zeiten/Zähler, settings, backup and restore
export const importTime = via("importTime");
export const importMeters = via("importMeters");
export const reviewMeters = via("reviewMeters");
export const reviewTimeEntries = via("reviewTimeEntries");
export const applyTimeDecisions = via("applyTimeDecisions");
export const setRules = via("setRules");
export const setUsageRules = via("setUsageRules");
export const importUsage = via("importUsage");
export const reviewUsage = via("reviewUsage");
export const applyUsageDecisions = via("applyUsageDecisions");
export const timeBalanceFigures = via("timeBalanceFigures");
export const contractNumbers = via("contractNumbers");
export const saveExportSettingsFile = via("saveExportSettingsFile");
export const deleteExportProfile = via("deleteExportProfile");
export const saveProfilesFromJson = via("saveProfilesFromJson");
export const exportUserProfiles = via("exportUserProfiles");
export const backupJson = via("backupJson");

/** Whether the pane works on a team server (its use cases run there). */
export function onTeamServer(ctx: AppContext): boolean {
  return ctx.store instanceof ServerStore;
}

/**
 * Records that a backup was downloaded (the storage notice's reminder). Only for the local store:
 * in server mode a download is a copy of the team store, whose real backups (pg_dump) are the
 * administrator's job, so nothing is recorded there and the pane does not remind a clerk.
 */
export async function markBackedUp(ctx: AppContext, at: string): Promise<void> {
  if (!onTeamServer(ctx)) await markLocalBackup(ctx, at);
}

/**
 * Restores a checked backup: locally {@link restoreStore} (the parsed document); on the team server
 * the administrator's `push --replace` of the file's bytes, checked again there (pushBackupFile;
 * other roles get 403).
 */
export function restoreBackupFile(ctx: AppContext, file: { name: string; bytes: Uint8Array; sha256: string }, doc: BackupDoc): Promise<Result<RestoreSummary>> {
  if (ctx.store instanceof ServerStore) return ctx.store.connection.call("pushBackupFile", [{ name: file.name, bytes: file.bytes }], callLanguage) as Promise<Result<RestoreSummary>>;
  return restoreStore(ctx, doc, { name: file.name, sha256: file.sha256 });
}
export const exportRunIssuing = via("exportRunIssuing");
export const printRunIssuing = via("printRunIssuing");
