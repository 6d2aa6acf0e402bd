import { create } from "xmlbuilder2";
import type { XMLBuilder } from "xmlbuilder2/lib/interfaces";
import { assert } from "../../core/assert";
import type { IsoDate } from "../../core/date/iso-date";
import { Issue, Result, fail, issue, ok } from "../../core/issues";
import { Decimal, sum, toCentsString } from "../../core/money/decimal";
import { identifierProblem, toSepaText } from "../../core/sepa/charset";
import type { CreditorSettings } from "../../core/sepa/creditor";
import { normalizeIban } from "../../core/sepa/iban";
import type { MandateScheme } from "../../core/sepa/mandate";
import type { PaymentGroup, PlannedPayment } from "../../core/sepa/plan";

export const PAIN008_NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pain.008.001.08";

/** One pain.008.001.08 file: the groups of one scheme of a collection plan. */
export interface Pain008File {
  /** MsgId, 1–33 characters (see `sepaMessageId`); PmtInfIds are `<MsgId>-<n>`. */
  messageId: string;
  /** CreDtTm: local date and time of creation, `YYYY-MM-DDThh:mm:ss`. */
  createdAt: string;
  /** The checked creditor settings (the plan's `creditor`). */
  creditor: CreditorSettings;
  collectionDate: IsoDate;
  /** The payment groups, all of one scheme (German banks take CORE and B2B in separate files). */
  groups: readonly PaymentGroup[];
}

export interface Pain008Output {
  /** The XML document, UTF-8 (write it without byte order mark: German banks reject a BOM). */
  xml: string;
  count: number;
  /** CtrlSum of the group header, two decimals. */
  total: string;
  scheme: MandateScheme;
}

const NOT_PROVIDED = "NOTPROVIDED";

function agent(parent: XMLBuilder, name: string, bic: string | undefined): void {
  const fin = parent.ele(name).ele("FinInstnId");
  if (bic) fin.ele("BICFI").txt(bic.replace(/\s+/g, "").toUpperCase());
  else fin.ele("Othr").ele("Id").txt(NOT_PROVIDED);
}

function creditorSchemeId(parent: XMLBuilder, name: string, creditorId: string): void {
  const othr = parent.ele(name).ele("Id").ele("PrvtId").ele("Othr");
  othr.ele("Id").txt(creditorId);
  othr.ele("SchmeNm").ele("Prtry").txt("SEPA");
}

function transaction(pmtInf: XMLBuilder, p: PlannedPayment): void {
  const tx = pmtInf.ele("DrctDbtTxInf");
  tx.ele("PmtId").ele("EndToEndId").txt(p.invoiceRef);
  tx.ele("InstdAmt", { Ccy: "EUR" }).txt(p.amount);
  const mandate = tx.ele("DrctDbtTx").ele("MndtRltdInf");
  mandate.ele("MndtId").txt(p.mandate.mandateRef);
  mandate.ele("DtOfSgntr").txt(p.mandate.signatureDate);
  const a = p.amendment;
  mandate.ele("AmdmntInd").txt(a ? "true" : "false");
  if (a) {
    const details = mandate.ele("AmdmntInfDtls");
    if (a.originalMandateRef) details.ele("OrgnlMndtId").txt(a.originalMandateRef);
    if (a.originalCreditorId) creditorSchemeId(details, "OrgnlCdtrSchmeId", a.originalCreditorId);
    if (a.newDebtorBank) details.ele("OrgnlDbtrAcct").ele("Id").ele("Othr").ele("Id").txt("SMNDA");
    else if (a.originalIban) details.ele("OrgnlDbtrAcct").ele("Id").ele("IBAN").txt(normalizeIban(a.originalIban));
  }
  agent(tx, "DbtrAgt", p.mandate.bic);
  tx.ele("Dbtr").ele("Nm").txt(toSepaText(p.mandate.debtorName, 70));
  tx.ele("DbtrAcct").ele("Id").ele("IBAN").txt(normalizeIban(p.mandate.iban));
  tx.ele("RmtInf").ele("Ustrd").txt(p.remittance);
}

/**
 * Writes a pain.008.001.08 customer direct debit initiation as German banks take it (DK, DFÜ-Abkommen
 * Anlage 3; EPC implementation guidelines): group header with MsgId, CreDtTm, NbOfTxs, CtrlSum and
 * InitgPty; one PmtInf per sequence type (PmtMtd DD, SvcLvl SEPA, LclInstrm CORE or B2B, SeqTp,
 * ReqdColltnDt, Cdtr, CdtrAcct, CdtrAgt, ChrgBr SLEV, CdtrSchmeId); per invoice a DrctDbtTxInf with
 * EndToEndId = invoice number, InstdAmt in EUR, mandate data with amendment details, DbtrAgt (BIC or
 * NOTPROVIDED), Dbtr, DbtrAcct and the remittance text. Counts and control sums are computed here
 * from the payments. Names are written in the SEPA character set (umlauts transliterated).
 */
export function writePain008(file: Pain008File): Result<Pain008Output> {
  const issues: Issue[] = [];
  if (identifierProblem(file.messageId, 33) !== null) issues.push(issue("sepa.message_id_invalid", { value: file.messageId }));
  const payments = file.groups.flatMap((g) => g.payments);
  if (payments.length === 0) issues.push(issue("sepa.no_payments"));
  const creditorName = toSepaText(file.creditor.name, 70);
  if (creditorName === "") issues.push(issue("sepa.creditor_no_name"));
  for (const p of payments) {
    if (toSepaText(p.mandate.debtorName, 70) === "") issues.push(issue("sepa.mandate_no_name", { customer: p.customerNo, mandate: p.mandate.mandateRef }));
  }
  if (issues.length > 0) return fail(...issues);
  assert(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(file.createdAt), `createdAt ${file.createdAt} is not YYYY-MM-DDThh:mm:ss`);
  const scheme = file.groups[0]!.scheme;
  assert(file.groups.every((g) => g.scheme === scheme && g.payments.every((p) => p.scheme === scheme && p.sequenceType === g.sequenceType)), "a pain.008 file holds one scheme; groups hold their own sequence type");
  for (const p of payments) assert(identifierProblem(p.invoiceRef) === null && identifierProblem(p.mandate.mandateRef) === null, `payment ${p.invoiceRef} has an unusable identifier`);

  const total = toCentsString(sum(payments.map((p) => new Decimal(p.amount))));
  const doc = create({ version: "1.0", encoding: "UTF-8" }).ele(PAIN008_NAMESPACE, "Document", {
    "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
    "xsi:schemaLocation": `${PAIN008_NAMESPACE} pain.008.001.08.xsd`,
  });
  const root = doc.ele("CstmrDrctDbtInitn");
  const header = root.ele("GrpHdr");
  header.ele("MsgId").txt(file.messageId);
  header.ele("CreDtTm").txt(file.createdAt);
  header.ele("NbOfTxs").txt(String(payments.length));
  header.ele("CtrlSum").txt(total);
  header.ele("InitgPty").ele("Nm").txt(creditorName);

  file.groups.forEach((g, i) => {
    if (g.payments.length === 0) return;
    const pmtInf = root.ele("PmtInf");
    pmtInf.ele("PmtInfId").txt(`${file.messageId}-${i + 1}`);
    pmtInf.ele("PmtMtd").txt("DD");
    if (file.creditor.batchBooking !== undefined) pmtInf.ele("BtchBookg").txt(file.creditor.batchBooking ? "true" : "false");
    pmtInf.ele("NbOfTxs").txt(String(g.payments.length));
    pmtInf.ele("CtrlSum").txt(toCentsString(sum(g.payments.map((p) => new Decimal(p.amount)))));
    const type = pmtInf.ele("PmtTpInf");
    type.ele("SvcLvl").ele("Cd").txt("SEPA");
    type.ele("LclInstrm").ele("Cd").txt(g.scheme);
    type.ele("SeqTp").txt(g.sequenceType);
    pmtInf.ele("ReqdColltnDt").txt(file.collectionDate);
    pmtInf.ele("Cdtr").ele("Nm").txt(creditorName);
    pmtInf.ele("CdtrAcct").ele("Id").ele("IBAN").txt(normalizeIban(file.creditor.iban));
    agent(pmtInf, "CdtrAgt", file.creditor.bic);
    pmtInf.ele("ChrgBr").txt("SLEV");
    creditorSchemeId(pmtInf, "CdtrSchmeId", file.creditor.creditorId);
    for (const p of g.payments) transaction(pmtInf, p);
  });
  return ok({ xml: doc.end({ prettyPrint: true }), count: payments.length, total, scheme });
}
