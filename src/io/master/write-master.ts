import type { Article, Contract, Customer, PositionVersion } from "../../core/contract/model";
import { compareVersions } from "../../core/contract/state-on-day";
import { CsvCell, toCsv } from "../table/write-csv";
import { ARTICLE_COLUMNS, CONTRACT_COLUMNS, CONTRACT_EXTRA_COLUMNS, MAPPING_COLUMNS } from "./master-columns";

const num = (value: string): CsvCell => ({ number: value });

/**
 * The contracts CSV of PRODUCT.md §6.2: one row per stored position version, ordered by contract,
 * position and valid_from, so that importing it into an empty store rebuilds the same contract. Of
 * entries with the same valid_from only the one in force is written (a correction replaces the
 * corrected entry; the store and audit log keep both), so the file imported again changes nothing.
 * Entries dated before the contract start (a start corrected later) are folded into the one in force
 * on the start, written with valid_from = the start: an empty store refuses earlier dates, and they
 * count for no day of the contract anyway (see {@link inForceFromStart}).
 */
export function writeContractsCsv(
  customers: ReadonlyMap<string, Customer>,
  contracts: readonly Contract[],
  versions: readonly PositionVersion[],
): string {
  const byContract = new Map(contracts.map((c) => [c.no, c]));
  const winners = [...versions]
    .sort((a, b) => (a.contractNo < b.contractNo ? -1 : a.contractNo > b.contractNo ? 1 : a.positionNo - b.positionNo || compareVersions(a, b)))
    .filter((v, i, all) => {
      const next = all[i + 1];
      return !next || next.contractNo !== v.contractNo || next.positionNo !== v.positionNo || next.validFrom !== v.validFrom;
    });
  const sorted = inForceFromStart(winners, byContract);
  const rows: CsvCell[][] = [[...CONTRACT_COLUMNS, ...CONTRACT_EXTRA_COLUMNS]];
  for (const v of sorted) {
    const c = byContract.get(v.contractNo);
    if (!c) continue;
    rows.push([
      c.customerNo, customers.get(c.customerNo)?.name ?? "", c.no, c.type, c.interval, c.mode, c.start, c.end ?? "",
      num(String(v.positionNo)), v.articleNo, v.description, num(v.quantity), num(v.unitPrice), num(v.discountPct), num(v.vatPct), v.validFrom,
      v.vendorKey ?? "",
      ...customerExtras(customers.get(c.customerNo)),
      c.suppressCredits === undefined ? "" : c.suppressCredits ? "yes" : "no",
      c.noPriceChangeBefore ?? "",
      ...customerEInvoiceExtras(customers.get(c.customerNo)),
      c.billedUntil ?? "",
      customers.get(c.customerNo)?.refundIban ?? "",
    ]);
  }
  return toCsv(rows);
}

/**
 * `versions` (sorted by contract, position and valid_from, one per valid_from) without the entries
 * dated before their contract's start: per position the last of them is kept, dated on the start,
 * unless an entry is dated on the start itself. This keeps what is in force on every day of the
 * contract; an ended position (quantity 0 before the start) stays as ended from the start, so the
 * position and its contract remain in the file. Re-imported into the original store such a row
 * matches the entry in force on the start and changes nothing (plan-master-import.ts).
 */
function inForceFromStart(versions: readonly PositionVersion[], contracts: ReadonlyMap<string, Contract>): PositionVersion[] {
  const out: PositionVersion[] = [];
  versions.forEach((v, i) => {
    const start = contracts.get(v.contractNo)?.start;
    if (start === undefined || v.validFrom >= start) {
      out.push(v);
      return;
    }
    const next = versions[i + 1];
    const samePosition = next !== undefined && next.contractNo === v.contractNo && next.positionNo === v.positionNo;
    if (!samePosition || next.validFrom > start) out.push({ ...v, validFrom: start });
  });
  return out;
}

function customerExtras(c: Customer | undefined): string[] {
  if (!c) return ["", "", "", "", ""];
  return [c.domain ?? "", c.debtorAccount ?? "", c.vatId ?? "", c.address ?? "", c.reverseCharge === undefined ? "" : c.reverseCharge ? "yes" : "no"];
}

function customerEInvoiceExtras(c: Customer | undefined): string[] {
  if (!c) return Array<string>(11).fill("");
  return [
    c.street ?? "", c.postcode ?? "", c.city ?? "", c.countryCode ?? "", c.email ?? "", c.buyerReference ?? "",
    c.einvoiceFormat ?? "", c.paymentMeans ?? "", c.sepaMandateRef ?? "", c.sepaDebtorIban ?? "", c.vatExemptionReason ?? "",
  ];
}

/** The articles CSV of §6.2. */
export function writeArticlesCsv(articles: readonly Article[]): string {
  const rows: CsvCell[][] = [[...ARTICLE_COLUMNS]];
  for (const a of [...articles].sort((x, y) => (x.no < y.no ? -1 : 1))) {
    rows.push([a.no, a.description, num(a.unitPrice), num(a.vatPct), a.unit ?? "", a.purchasePrice === undefined ? "" : num(a.purchasePrice)]);
  }
  return toCsv(rows);
}

/** The mappings CSV of §6.2. */
export function writeMappingsCsv(mappings: readonly { id: string; kind: string; source: string; externalId: string; internalNo: string }[]): string {
  const rows: CsvCell[][] = [[...MAPPING_COLUMNS]];
  for (const m of [...mappings].sort((x, y) => (x.id < y.id ? -1 : 1))) rows.push([m.kind, m.source, m.externalId, m.internalNo]);
  return toCsv(rows);
}
