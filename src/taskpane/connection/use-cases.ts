/**
 * The pane's use cases, local or on the team server: each has the signature of its src/app
 * function; with the pane's store a {@link ServerStore} (server mode) the call goes to the server
 * (`POST /api/pane/NAME`: one transaction there, as the logged-in user), otherwise it runs here on
 * the local store as before. The pane's hooks import from here instead of src/app.
 */
import type { AppContext } from "../../app/context";
import { PANE_CALLS, type PaneCallName } from "../../app/pane-calls";
import { ServerStore } from "./server-store";

type Calls = typeof PANE_CALLS;

/** The language the server words its messages in (the pane's). */
let callLanguage: "de" | "en" = "de";
export function setCallLanguage(lang: "de" | "en"): void {
  callLanguage = lang;
}

function via<N extends PaneCallName>(name: N): Calls[N] {
  const local = PANE_CALLS[name] as (ctx: AppContext, ...args: unknown[]) => Promise<unknown>;
  const call = (ctx: AppContext, ...args: unknown[]) => (ctx.store instanceof ServerStore ? ctx.store.connection.call(name, args, callLanguage) : local(ctx, ...args));
  return call as unknown as Calls[N];
}

export const importMaster = via("importMaster");
export const undoBatch = via("undoBatch");
export const undoRun = via("undoRun");
export const reconcileFiles = via("reconcileFiles");
export const applyReview = via("applyReview");
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
export const exportRunIssuing = via("exportRunIssuing");
export const printRunIssuing = via("printRunIssuing");
