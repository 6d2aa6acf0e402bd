import type { DecimalString } from "../contract/model";
import type { IsoDate } from "../date/iso-date";
import type { CreditorSettings, SequenceType } from "./creditor";
import { ibanBankCode, normalizeIban } from "./iban";
import { type Mandate, type MandateScheme, mandateExpiresOn, mandateRefKey, sameMandateRef } from "./mandate";

/** A credit note (or cancellation) netted against an invoice, and the part of it used there. */
export interface Offset {
  ref: string;
  /** Positive, two decimals. */
  amount: DecimalString;
}

/**
 * One collection as exported in a pain.008 file: what the store keeps per payment, so that the next
 * file knows which invoices went out already (repeats), which mandates were used (FRST/RCUR, the
 * 36-month expiry) and with which reference, IBAN and creditor id (amendments).
 */
export interface CollectionRecord {
  invoiceRef: string;
  customerNo: string;
  /** MsgId of the file. */
  messageId: string;
  collectionDate: IsoDate;
  sequenceType: SequenceType;
  scheme: MandateScheme;
  mandateRef: string;
  iban: string;
  creditorId: string;
  amount: DecimalString;
  offsets?: readonly Offset[];
}

/**
 * What changed in a mandate since its last collection, sent once with the next collection
 * (AmdmntInd true, AmdmntInfDtls). Per the EPC implementation guidelines: a changed reference gives
 * the original mandate id, a changed creditor identifier the original one; a new account at the same
 * bank gives the original IBAN, a move to another bank gives `SMNDA` ("same mandate, new debtor
 * account") instead.
 */
export interface AmendmentDetails {
  originalMandateRef?: string;
  originalCreditorId?: string;
  originalIban?: string;
  /** The debtor changed banks (or the bank cannot be told from the IBAN): OrgnlDbtrAcct is SMNDA. */
  newDebtorBank?: boolean;
}

/** How a mandate is used for a new collection. */
export interface MandateUse {
  sequenceType: SequenceType;
  /** The latest earlier collection under this mandate, if any. */
  lastCollection?: IsoDate;
  /** First day on which the mandate has lapsed (36 months after its last use or signature). */
  expiresOn: IsoDate;
  amendment?: AmendmentDetails;
}

/** The references a mandate had: the current one and earlier ones from its amendments. */
function refKeys(m: Mandate): Set<string> {
  return new Set([m.mandateRef, ...(m.amendments ?? []).flatMap((a) => (a.previousMandateRef ? [a.previousMandateRef] : []))].map(mandateRefKey));
}

/** The earlier collections under this mandate (under any of its references), oldest first. */
export function mandateRecords(m: Mandate, records: readonly CollectionRecord[]): CollectionRecord[] {
  const keys = refKeys(m);
  return records
    .filter((r) => r.customerNo === m.customerNo && keys.has(mandateRefKey(r.mandateRef)))
    .sort((a, b) => (a.collectionDate < b.collectionDate ? -1 : a.collectionDate > b.collectionDate ? 1 : 0));
}

/** The mandate's reference and IBAN as they were on `date`, undoing the amendments after it. */
function stateOn(m: Mandate, date: IsoDate): { mandateRef: string; iban: string } {
  const state = { mandateRef: m.mandateRef, iban: m.iban };
  const later = (m.amendments ?? []).filter((a) => a.changedOn > date).sort((a, b) => (a.changedOn < b.changedOn ? 1 : a.changedOn > b.changedOn ? -1 : 0));
  for (const a of later) {
    if (a.previousMandateRef !== undefined) state.mandateRef = a.previousMandateRef;
    if (a.previousIban !== undefined) state.iban = a.previousIban;
  }
  return state;
}

/**
 * The sequence type, expiry and amendment of the next collection under a mandate, from the earlier
 * collections (`records`: this program's exports, without those of the invoices being exported
 * again) and the mandate's own `lastCollectionDate` (collections made before, e.g. in online
 * banking).
 *
 * - First collection: `creditor.firstSequenceType` (FRST by default); every later one RCUR. Since
 *   November 2016 RCUR is allowed for the first collection too and FRST is no longer needed after
 *   an amendment, also not after SMNDA; so a lost record can never make a file invalid.
 * - Amendment: the mandate data at the last collection (from the record, else from the amendments
 *   dated after `lastCollectionDate`) compared with the current data.
 */
export function mandateUse(m: Mandate, records: readonly CollectionRecord[], creditor: Pick<CreditorSettings, "creditorId" | "firstSequenceType">): MandateUse {
  const own = mandateRecords(m, records);
  const lastRecord = own[own.length - 1];
  const lastExternal = m.lastCollectionDate;
  const lastCollection = lastRecord && (!lastExternal || lastRecord.collectionDate >= lastExternal) ? lastRecord.collectionDate : lastExternal;
  const use: MandateUse = {
    sequenceType: lastCollection ? "RCUR" : (creditor.firstSequenceType ?? "FRST"),
    expiresOn: mandateExpiresOn(lastCollection ?? m.signatureDate),
    ...(lastCollection ? { lastCollection } : {}),
  };
  if (!lastCollection) return use;
  const before = lastRecord && lastRecord.collectionDate === lastCollection
    ? { mandateRef: lastRecord.mandateRef, iban: lastRecord.iban, creditorId: lastRecord.creditorId }
    : { ...stateOn(m, lastCollection), creditorId: creditor.creditorId };
  const amendment: AmendmentDetails = {};
  if (!sameMandateRef(before.mandateRef, m.mandateRef)) amendment.originalMandateRef = before.mandateRef;
  if (before.creditorId !== creditor.creditorId) amendment.originalCreditorId = before.creditorId;
  const oldIban = normalizeIban(before.iban);
  if (oldIban !== normalizeIban(m.iban)) {
    const oldBank = ibanBankCode(oldIban);
    if (oldBank !== null && oldBank === ibanBankCode(m.iban)) amendment.originalIban = oldIban;
    else amendment.newDebtorBank = true;
  }
  return Object.keys(amendment).length > 0 ? { ...use, amendment } : use;
}
