import type { DecimalString } from "../contract/model";
import type { IsoDate } from "../date/iso-date";
import type { IsoMonth } from "../date/iso-month";

/** What was billed for one contract position and calendar month in one run. */
export interface LedgerEntry {
  id: string;
  runId: string;
  invoiceRef: string;
  contractNo: string;
  positionNo: number;
  month: IsoMonth;
  serviceFrom: IsoDate;
  serviceTo: IsoDate;
  quantity: DecimalString;
  unitPrice: DecimalString;
  discountPct: DecimalString;
  vatPct: DecimalString;
  exactAmount: DecimalString;
  roundedAmount: DecimalString;
  lineType: "recurring" | "difference";
  correctsRef?: string;
}
