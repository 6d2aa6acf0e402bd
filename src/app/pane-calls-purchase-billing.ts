/**
 * The task pane's Einkauf, invoice lifecycle and SEPA use cases, by name (part of
 * {@link import("./pane-calls").PANE_CALLS}): in server mode the pane runs them on the team server.
 * Every argument and result is JSON (files as byte arrays); where a use case takes a Decimal the
 * table holds its text wrapper (proposePriceUpdateText).
 */
import { cancelInvoice, cancelRun } from "./cancel-invoice";
import { costCheckFile } from "./cost-check";
import { eInvoicesOfRun } from "./einvoice-run";
import { listInvoices } from "./invoice-list";
import { finalizeRun } from "./issue-run";
import { linksForEditing } from "./links-for-editing";
import { importMandates, mandateSheetRows } from "./mandates";
import { applyPriceUpdate } from "./price-update";
import { proposePriceUpdateText } from "./price-update-text";
import { importLinks, importPurchase, purchaseLinksReport } from "./purchase";
import { purchasePositionRefs } from "./purchase-positions";
import { runLifecycle } from "./run-lifecycle";
import { exportSepaRun } from "./sepa-run";
import { setSepaSettings } from "./sepa-settings";

export const PURCHASE_BILLING_CALLS = {
  importPurchase,
  importLinks,
  purchaseLinksReport,
  linksForEditing,
  purchasePositionRefs,
  proposePriceUpdateText,
  applyPriceUpdate,
  costCheckFile,
  runLifecycle,
  listInvoices,
  finalizeRun,
  cancelInvoice,
  cancelRun,
  eInvoicesOfRun,
  exportSepaRun,
  setSepaSettings,
  importMandates,
  mandateSheetRows,
} as const;
