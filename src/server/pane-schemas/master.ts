/** Argument schemas of the pane's master data, reconcile, audit and backup calls. */
import { anyObject, args, arrayOf, bool, fileRef, inputFile, int, isoMonth, noArgs, nonEmpty, obj, str, type PaneArgSchemas } from "./common";

/** A vendor file as the pane read it (VendorFileRead). */
const vendorFileRead = obj({ name: nonEmpty, sha256: str, result: obj({ lines: { type: "array" }, issues: { type: "array" }, rowCount: int }, ["lines", "issues"]) }, ["name", "sha256", "result"]);
const reviewDecision = obj({ source: str, row: int, status: str, action: str, customerNo: str, contractNo: str, effectiveDate: str }, ["source", "row", "action", "customerNo", "contractNo"]);

export const MASTER_SCHEMAS: PaneArgSchemas = {
  // options: { dryRun } for the check before an import (it reads only)
  importMaster: args([["files", arrayOf(inputFile, 1)], ["options", obj({ dryRun: bool })]], 1),
  undoBatch: args([["batchId", nonEmpty]]),
  reconcileFiles: args([["reads", arrayOf(vendorFileRead, 1)], ["month", isoMonth]]),
  applyReview: args([["decisions", arrayOf(reviewDecision)], ["file", fileRef], ["details", anyObject]], 2),
  previewApplyReview: args([["decisions", arrayOf(reviewDecision)]]),
  proposeMappings: args([["rows", arrayOf(anyObject)]]),
  loadUserProfiles: noArgs,
  backupStatus: noArgs,
  recentAudit: args([["limit", { ...int, minimum: 1 }]]),
  listCustomers: noArgs,
  exportMaster: noArgs,
  storedRules: noArgs,
  pendingStoreNotices: noArgs,
  dismissStoreNotices: noArgs,
};
