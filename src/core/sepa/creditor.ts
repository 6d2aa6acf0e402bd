import { pushAll } from "../array";
import { Issue, Result } from "../issues";
import { checkBic } from "./bic";
import { checkCreditorId } from "./creditor-id";
import { checkIban } from "./iban";

/** Sequence type of a collection under a recurring mandate (FNAL and OOFF are not produced). */
export type SequenceType = "FRST" | "RCUR";

/**
 * Our side of every direct debit: the creditor's name, account and creditor identifier, and how
 * files are made. Saved in the store's settings; checked with {@link creditorIssues}.
 */
/** The pre-notification period in days when the direct debit settings name none. */
export const DEFAULT_PRE_NOTIFICATION_DAYS = 14;

export interface CreditorSettings {
  /** Cdtr/Nm and InitgPty/Nm (cut to 70 characters in the SEPA character set). */
  name: string;
  /** The account the collections are credited to. */
  iban: string;
  /** Our bank's BIC; without it the file says NOTPROVIDED (IBAN only). */
  bic?: string;
  /** Gläubiger-Identifikationsnummer, e.g. `DE98ZZZ09999999999`. */
  creditorId: string;
  /**
   * Sequence type of a mandate's first collection. `FRST` (default) marks it as the first, as many
   * banks still show it; `RCUR` for every collection is equally valid since the rulebooks of
   * November 2016, when FRST became optional.
   */
  firstSequenceType?: SequenceType;
  /** TARGET2 business days the bank needs before the collection date (default 1, D-1). */
  leadDays?: number;
  /** BtchBookg: one booking per payment group (true) or per collection (false); absent = bank's default. */
  batchBooking?: boolean;
  /**
   * Calendar days between the invoice (our pre-notification) and the collection; 14 unless the
   * customer contract agrees on less. A shorter gap is warned about, not blocked.
   */
  preNotificationDays?: number;
}

/** The checked creditor settings with IBAN, BIC and creditor id in electronic form. */
export function checkCreditor(s: CreditorSettings): Result<CreditorSettings> {
  const issues: Issue[] = [];
  const iban = checkIban(s.iban);
  const bic = s.bic ? checkBic(s.bic) : undefined;
  const id = checkCreditorId(s.creditorId);
  for (const r of [iban, bic, id]) if (r && !r.ok) pushAll(issues, r.issues.map((i) => ({ ...i, params: { ...i.params, field: "creditor" } })));
  if (s.name.trim() === "") issues.push({ code: "sepa.creditor_no_name", severity: "error", params: {} });
  if (issues.length > 0 || !iban.ok || !id.ok) return { ok: false, issues };
  return {
    ok: true,
    value: {
      name: s.name,
      iban: iban.value,
      creditorId: id.value,
      ...(bic?.ok ? { bic: bic.value } : {}),
      ...(s.firstSequenceType !== undefined ? { firstSequenceType: s.firstSequenceType } : {}),
      ...(s.leadDays !== undefined ? { leadDays: s.leadDays } : {}),
      ...(s.batchBooking !== undefined ? { batchBooking: s.batchBooking } : {}),
      ...(s.preNotificationDays !== undefined ? { preNotificationDays: s.preNotificationDays } : {}),
    },
  };
}

/** The problems of the creditor settings (empty when they are usable). */
export function creditorIssues(s: CreditorSettings): Issue[] {
  const r = checkCreditor(s);
  return r.ok ? [] : r.issues;
}
