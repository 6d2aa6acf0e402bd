/**
 * Test builders for contracts and position versions. Every version gets a fresh id and a rising
 * `seq` unless the test gives one, so "created later" is the default meaning of "listed later".
 */
import type { Contract, PositionVersion } from "../../../src/core/contract/model";
import type { IsoDate } from "../../../src/core/date/iso-date";

let nextSeq = 1;

export function contract(fields: Partial<Contract> & { start: string; end?: string }): Contract {
  const { start, end, ...rest } = fields;
  const c: Contract = {
    no: "V-1000",
    customerNo: "K-100",
    type: "license",
    interval: "monthly",
    mode: "advance",
    ...rest,
    start: start as IsoDate,
  };
  if (end !== undefined) c.end = end as IsoDate;
  return c;
}

export interface VersionFields extends Partial<Omit<PositionVersion, "validFrom" | "quantity" | "unitPrice" | "discountPct">> {
  validFrom: string;
  quantity: string | number;
  unitPrice: string | number;
  discountPct?: string | number;
}

export function version(fields: VersionFields): PositionVersion {
  const seq = fields.seq ?? nextSeq++;
  return {
    id: fields.id ?? `pv-${seq}`,
    contractNo: fields.contractNo ?? "V-1000",
    positionNo: fields.positionNo ?? 1,
    articleNo: fields.articleNo ?? "M365-BP",
    description: fields.description ?? "Microsoft 365 Business Premium",
    vatPct: fields.vatPct ?? "19",
    ...(fields.vendorKey !== undefined ? { vendorKey: fields.vendorKey } : {}),
    ...(fields.source !== undefined ? { source: fields.source } : {}),
    validFrom: fields.validFrom as IsoDate,
    quantity: String(fields.quantity),
    unitPrice: String(fields.unitPrice),
    discountPct: String(fields.discountPct ?? "0"),
    seq,
  };
}

/** Shorthand for an ISO date literal. */
export const day = (s: string) => s as IsoDate;
