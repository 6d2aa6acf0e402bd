/** Argument schemas of the pane's SEPA calls: settings, mandates, the direct debit export. */
import { args, bool, inputFile, isoDate, noArgs, nonEmpty, obj, rawTable, str, type PaneArgSchemas } from "./common";

export const SEPA_SCHEMAS: PaneArgSchemas = {
  storedSepaSettings: noArgs,
  setSepaSettings: args([["jsonText", str]]),
  importMandates: args([["file", { oneOf: [inputFile, obj({ name: nonEmpty, table: rawTable }, ["name", "table"])] }]]),
  mandateSheetRows: noArgs,
  exportSepaRun: args([["request", obj({ runId: nonEmpty, collectionDate: isoDate, repeat: bool }, ["runId", "collectionDate"])]]),
};
