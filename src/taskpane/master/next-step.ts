/**
 * Stammdaten's one primary button (issue 20): import the master data, write it as sheets, read the
 * edited Verträge sheet back; a restore waiting for its confirmation is the only primary button, and
 * so is the *Importieren* of a check waiting for it; a settings form with unsaved typing → its save.
 * See hooks/useNextStep.ts.
 */
import { nextOf, type FlowState } from "../hooks/useNextStep";

export type MasterDone = "import" | "writeSheets" | "sync";
export type MasterNext = "import" | "importChecked" | "writeSheets" | "syncContracts" | "restore" | "saveCompany" | "saveDatev" | "saveExportProfile";
export type MasterForm = "company" | "datev" | "exportProfile";
export type MasterFlow = FlowState<MasterDone, MasterNext, MasterForm>;

const AFTER: Readonly<Record<MasterDone | "start", MasterNext | null>> = {
  start: "import",
  import: "writeSheets",
  writeSheets: "syncContracts",
  sync: null,
};

export function masterNextStep(flow: MasterFlow, restorePending: boolean, checkPending = false): MasterNext | null {
  if (restorePending) return "restore";
  if (checkPending) return "importChecked";
  return nextOf(flow, AFTER, { company: "saveCompany", datev: "saveDatev", exportProfile: "saveExportProfile" });
}
