/**
 * The pane's SEPA steps over the same app use cases as the CLI: the run's pain.008 files (one per
 * scheme) as downloads plus the report, and the creditor settings form's save.
 */
import type { AppContext } from "../../app/context";
import { exportSepaRun, setSepaSettings, storedSepaSettings } from "../connection/use-cases";
import type { IsoDate } from "../../core/date/iso-date";
import type { Issue, Result } from "../../core/issues";
import type { CreditorSettings } from "../../core/sepa/creditor";

export interface PaneSepaExport {
  /** Files to download, named after their message id (unique per file, also for a repeat). */
  files: { name: string; bytes: Uint8Array; count: number; total: string; scheme: string; repeat: boolean }[];
  /** What was collected, what was left out and why. */
  report: Issue[];
}

export type PaneSepaOutcome =
  | { kind: "done"; value: PaneSepaExport }
  /** Everything was exported before: the clerk must confirm a repeat (`issues` says so). */
  | { kind: "confirm_repeat"; issues: Issue[] }
  | { kind: "failed"; issues: Issue[] };

/** Exports the run's direct debits (as `sepa --run --collection-date [--repeat]`). */
export async function exportSepaForPane(app: AppContext, runId: string, collectionDate: IsoDate, repeat = false): Promise<PaneSepaOutcome> {
  const r = await exportSepaRun(app, { runId, collectionDate, repeat });
  if (!r.ok) return !repeat && r.issues.some((i) => i.code === "sepa.run_already_exported") ? { kind: "confirm_repeat", issues: r.issues } : { kind: "failed", issues: r.issues };
  const encoder = new TextEncoder();
  return {
    kind: "done",
    value: {
      files: r.value.files.map((f) => ({ name: `${f.messageId}.xml`, bytes: encoder.encode(f.xml), count: f.count, total: f.total, scheme: f.scheme, repeat: f.repeat })),
      report: r.value.report,
    },
  };
}

/** The settings form's fields (all text as typed). */
export interface SepaSettingsForm {
  name: string;
  iban: string;
  bic: string;
  creditorId: string;
}

/**
 * Checks and stores the form (IBAN/creditor id check digits, BIC form); nothing is stored when a
 * field is wrong. Settings the form does not show (lead days, first sequence type …) are kept.
 */
export async function saveSepaSettingsForm(app: AppContext, form: SepaSettingsForm): Promise<Result<CreditorSettings>> {
  const { bic: _, ...kept } = (await storedSepaSettings(app)) ?? {};
  const json = { ...kept, name: form.name.trim(), iban: form.iban.trim(), creditorId: form.creditorId.trim(), ...(form.bic.trim() ? { bic: form.bic.trim() } : {}) };
  return setSepaSettings(app, JSON.stringify(json));
}

/** The form's fields from the stored settings (empty when there are none). */
export async function sepaSettingsFormOf(app: AppContext): Promise<SepaSettingsForm & { stored: boolean }> {
  const s = await storedSepaSettings(app);
  return { name: s?.name ?? "", iban: s?.iban ?? "", bic: s?.bic ?? "", creditorId: s?.creditorId ?? "", stored: s !== null };
}
