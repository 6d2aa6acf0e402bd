import type { PURCHASE_BILLING_CALLS } from "../app/pane-calls-purchase-billing";
import type { Role } from "./auth";
import { ANY_ROLE, WRITERS } from "./route-kit";

/** Who may call the Einkauf, invoice lifecycle and SEPA use cases of the pane (part of PANE_CALL_ROLES): writers write, anyone reads. */
export const PURCHASE_BILLING_ROLES: Readonly<Record<keyof typeof PURCHASE_BILLING_CALLS, readonly Role[]>> = {
  importPurchase: WRITERS,
  importLinks: WRITERS,
  purchaseLinksReport: ANY_ROLE,
  linksForEditing: ANY_ROLE,
  purchasePositionRefs: ANY_ROLE,
  proposePriceUpdateText: ANY_ROLE,
  applyPriceUpdate: WRITERS,
  costCheckFile: ANY_ROLE,
  runLifecycle: ANY_ROLE,
  // The invoice list (Rechnungsausgangsbuch) reads only, as the CLI's `invoices`.
  listInvoices: ANY_ROLE,
  finalizeRun: WRITERS,
  cancelInvoice: WRITERS,
  cancelRun: WRITERS,
  // Producing e-invoices issues a draft run (an e-invoice sent is an invoice issued), as `einvoice` does for the CLI route.
  eInvoicesOfRun: WRITERS,
  // The export records the collections (so none is doubled), as the CLI route's `sepa`.
  exportSepaRun: WRITERS,
  setSepaSettings: WRITERS,
  importMandates: WRITERS,
  mandateSheetRows: ANY_ROLE,
};
