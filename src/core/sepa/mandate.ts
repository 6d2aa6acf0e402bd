import { pushAll } from "../array";
import { type IsoDate, daysInMonthOf, isoToYmd, ymdToIso } from "../date/iso-date";
import { Issue, Result, fail, issue, ok } from "../issues";
import { checkBic } from "./bic";
import { identifierProblem, nonSepaChars } from "./charset";
import { checkIban } from "./iban";

/** SEPA direct debit schemes: Basislastschrift (CORE) and Firmenlastschrift (B2B). */
export const MANDATE_SCHEMES = ["CORE", "B2B"] as const;
export type MandateScheme = (typeof MANDATE_SCHEMES)[number];

/**
 * One change of a mandate's data after it was signed (SEPA rulebook "mandate amendment"): what the
 * mandate reference or the debtor's IBAN was before `changedOn`. Only the changed field is set.
 */
export interface MandateAmendment {
  changedOn: IsoDate;
  previousMandateRef?: string;
  previousIban?: string;
}

/**
 * A SEPA direct debit mandate of a customer (the debtor) for us (the creditor). One current mandate
 * per customer; a new mandate with a new reference replaces it, a changed reference or account is an
 * amendment of the same mandate (see {@link MandateAmendment}).
 */
export interface Mandate {
  customerNo: string;
  /** Unique mandate reference (Mandatsreferenz), 1–35 characters; compared without regard to case. */
  mandateRef: string;
  /** Date of signature (DtOfSgntr). */
  signatureDate: IsoDate;
  /** Debtor IBAN, electronic form. */
  iban: string;
  /** Debtor's bank BIC; optional in SEPA since 2016 (IBAN only). */
  bic?: string;
  scheme: MandateScheme;
  /** Account holder as on the mandate (Dbtr/Nm). */
  debtorName: string;
  /**
   * The last collection under this mandate before this program recorded any (e.g. from online
   * banking). It makes the next collection recurring and starts the 36-month expiry.
   */
  lastCollectionDate?: IsoDate;
  /** Earlier reference or IBAN, oldest first. */
  amendments?: readonly MandateAmendment[];
  /** Revoked by the debtor or us: no collection due on or after this date. */
  revokedOn?: IsoDate;
}

/** Months without a collection after which a mandate lapses (SEPA rulebooks, CORE and B2B). */
export const MANDATE_EXPIRY_MONTHS = 36;

/** Mandate references are case-insensitive (EPC rulebook): `ABC-1` and `abc-1` are one mandate. */
export function mandateRefKey(ref: string): string {
  return ref.toUpperCase();
}

/** True when two mandate references denote the same mandate. */
export function sameMandateRef(a: string, b: string): boolean {
  return mandateRefKey(a) === mandateRefKey(b);
}

/**
 * Checks a mandate reference: 1–35 characters of `A–Z a–z 0–9 + ? / - : ( ) . , '`, no space (the
 * German banks' schemas have none in identifiers), not starting or ending with `/`, no `//`.
 */
export function checkMandateRef(text: string): Result<string> {
  const value = text.trim();
  const problem = identifierProblem(value);
  if (problem === null) return ok(value);
  if (problem === "too_long") return fail(issue("sepa.mandate_ref_too_long", { value, length: [...value].length }));
  if (problem === "chars") return fail(issue("sepa.mandate_ref_chars", { value, chars: nonSepaChars(value).concat(value.includes(" ") ? ["␣"] : []).join(" ") }));
  if (problem === "slash") return fail(issue("sepa.mandate_ref_slash", { value }));
  return fail(issue("parse.required"));
}

/** date + n months; the day is kept, or the month's last day when the month is shorter. */
export function addMonthsToDate(date: IsoDate, n: number): IsoDate {
  const { y, m, d } = isoToYmd(date);
  const index = y * 12 + (m - 1) + n;
  const y2 = Math.floor(index / 12);
  const m2 = (index % 12) + 1;
  return ymdToIso(y2, m2, Math.min(d, daysInMonthOf(y2, m2)));
}

/**
 * The first day on which a mandate whose last use (last collection, or its signature when it was
 * never used) was `lastUse` has lapsed: 36 months later. The rulebooks count from the last collection
 * presented, even if it was returned; for a never-used mandate we count from the signature, the
 * cautious reading.
 */
export function mandateExpiresOn(lastUse: IsoDate): IsoDate {
  return addMonthsToDate(lastUse, MANDATE_EXPIRY_MONTHS);
}

/**
 * The problems of a mandate's own data (not of its use): reference, IBAN, BIC, name, dates. Each
 * issue's params name the customer and the mandate.
 */
export function mandateIssues(m: Mandate, today: IsoDate): Issue[] {
  const issues: Issue[] = [];
  const who = { customer: m.customerNo, mandate: m.mandateRef };
  const add = (r: Result<unknown>): void => {
    if (!r.ok) for (const i of r.issues) issues.push({ ...i, params: { ...i.params, ...who } });
  };
  add(checkMandateRef(m.mandateRef));
  add(checkIban(m.iban));
  if (m.bic !== undefined && m.bic !== "") add(checkBic(m.bic));
  if (m.debtorName.trim() === "") issues.push(issue("sepa.mandate_no_name", who));
  const dates = mandateDateIssues(m, today);
  pushAll(issues, dates.filter((i) => i.code === "sepa.mandate_signed_in_future" || i.code === "sepa.mandate_used_before_signature"));
  for (const a of m.amendments ?? []) {
    pushAll(issues, dates.filter((i) => i.code === "sepa.amendment_before_signature" && i.params.date === a.changedOn));
    if (a.previousMandateRef !== undefined) add(checkMandateRef(a.previousMandateRef));
    if (a.previousIban !== undefined) add(checkIban(a.previousIban));
  }
  return issues;
}

/**
 * The date problems of a mandate: signed after `today`, used or amended before it was signed.
 * Params name the customer and the mandate; `date` is the date in question.
 */
export function mandateDateIssues(m: Pick<Mandate, "customerNo" | "mandateRef" | "signatureDate" | "lastCollectionDate" | "amendments">, today: IsoDate): Issue[] {
  const who = { customer: m.customerNo, mandate: m.mandateRef };
  const issues: Issue[] = [];
  if (m.signatureDate > today) issues.push(issue("sepa.mandate_signed_in_future", { ...who, date: m.signatureDate }));
  if (m.lastCollectionDate !== undefined && m.lastCollectionDate < m.signatureDate) issues.push(issue("sepa.mandate_used_before_signature", { ...who, date: m.lastCollectionDate, signed: m.signatureDate }));
  for (const a of m.amendments ?? []) if (a.changedOn < m.signatureDate) issues.push(issue("sepa.amendment_before_signature", { ...who, date: a.changedOn, signed: m.signatureDate }));
  return issues;
}
