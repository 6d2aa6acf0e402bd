/** Argument schemas of the pane's Einkauf calls: purchase and links import, links report, price update, cost check. */
import { args, arrayOf, bool, fileRef, inputFile, int, isoDate, isoMonth, noArgs, nonEmpty, obj, oneOfStrings, str, type PaneArgSchemas } from "./common";

const selection: PaneArgSchemas[keyof PaneArgSchemas] = {
  oneOf: [obj({ refs: arrayOf(nonEmpty, 1) }, ["refs"]), obj({ articleNo: nonEmpty, supplier: str }, ["articleNo"])],
};
const priceDecision = obj(
  {
    source: str, row: int, action: oneOfStrings("accept", "skip"), customerNo: str, contractNo: nonEmpty, positionNo: int, validFrom: isoDate,
    currentPrice: { type: ["string", "null"] }, newPrice: str, purchase: arrayOf(str), purchaseNewCost: { type: ["string", "null"] }, costFrom: { type: ["string", "null"] },
  },
  ["source", "row", "action", "contractNo", "positionNo", "validFrom", "newPrice", "purchase"],
);
const vendorFileRead = obj({ name: nonEmpty, sha256: str, result: obj({ lines: { type: "array" }, issues: { type: "array" } }, ["lines", "issues"]) }, ["name", "sha256", "result"]);

export const PURCHASE_SCHEMAS: PaneArgSchemas = {
  importPurchase: args([["file", inputFile]]),
  importLinks: args([["file", inputFile]]),
  purchaseLinksReport: args([["day", isoDate], ["reverse", bool]], 1),
  linksForEditing: noArgs,
  purchasePositionRefs: noArgs,
  proposePriceUpdateText: args([["options", obj({ selection: selection!, newCost: str, from: isoDate, strategy: str, rounding: str }, ["selection", "newCost", "from", "strategy", "rounding"])]]),
  applyPriceUpdate: args([["decisions", arrayOf(priceDecision)], ["file", fileRef]]),
  costCheckFile: args([["read", vendorFileRead], ["month", isoMonth]]),
};
