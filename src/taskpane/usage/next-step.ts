/**
 * Zeiten/Zähler's one primary button (issue 20): time entries imported → review them → read the
 * decisions back → the hour balances; meter readings imported → their review; usage (Azure)
 * imported → its review → its decisions; a rules form with unsaved typing → its save. See
 * hooks/useNextStep.ts.
 */
import { nextOf, type FlowState } from "../hooks/useNextStep";

export type UsageDone =
  | "importTime"
  | "importMeters"
  | "writeMeterReview"
  | "loadRules"
  | "saveRules"
  | "writeTimeReview"
  | "applyTime"
  | "importUsage"
  | "loadUsageRules"
  | "writeUsageReview"
  | "applyUsage"
  | "writeBalance";
export type UsageNext = "importTime" | "importMeters" | "writeMeterReview" | "importUsage" | "writeTimeReview" | "applyTime" | "writeUsageReview" | "applyUsage" | "writeBalance" | "saveDefaults" | "saveContract" | "saveFlatFees" | "saveHolidays" | "saveOverrides" | "saveContractExtras";
export type UsageForm = "defaults" | "contract" | "flatFees" | "holidays" | "overrides" | "contractExtras";
export type UsageFlow = FlowState<UsageDone, UsageNext, UsageForm>;

const AFTER: Readonly<Record<UsageDone | "start", UsageNext | null>> = {
  start: "importTime",
  importTime: "writeTimeReview",
  loadRules: "writeTimeReview",
  saveRules: "writeTimeReview",
  writeTimeReview: "applyTime",
  applyTime: "writeBalance",
  writeBalance: null,
  // Meter readings: checked in the meter review, then billed by the run (Abrechnung).
  importMeters: "writeMeterReview",
  writeMeterReview: null,
  importUsage: "writeUsageReview",
  loadUsageRules: "writeUsageReview",
  writeUsageReview: "applyUsage",
  applyUsage: null,
};

export function usageNextStep(flow: UsageFlow): UsageNext | null {
  return nextOf(flow, AFTER, { defaults: "saveDefaults", contract: "saveContract", flatFees: "saveFlatFees", holidays: "saveHolidays", overrides: "saveOverrides", contractExtras: "saveContractExtras" });
}
