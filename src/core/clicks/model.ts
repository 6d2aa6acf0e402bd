import type { IsoDate } from "../date/iso-date";

/** A reading as read from a file: device, contract, day and the total counters (pages) of the device. */
export type ReadingRow = {
  deviceId: string;
  customerNo: string;
  contractNo: string;
  readingDate: IsoDate;
  /** Total counters as read from the device: black/white and colour pages. */
  counterBw: number;
  counterColor: number;
  /**
   * The device's final reading: it leaves its contract on this day (removed, swapped, returned). Later
   * months no longer expect a reading of it; a later reading starts it anew (a baseline), also on
   * another contract.
   */
  final?: true;
  source: { file: string; row: number; batchId?: string };
};

/** One stored meter reading (table `meterReadings`); id `deviceId|readingDate`. */
export type MeterReading = ReadingRow & { id: string };

/** Key of a billed click month (settings `clicks.billed/<contract>/<month>`). */
export function clickMonthKey(contractNo: string, month: string): string {
  return `clicks.billed/${contractNo}/${month}`;
}

/** What a run recorded for a billed click month. */
export interface ClickMonthMark {
  runId: string;
  invoiceRef: string;
  contractNo: string;
  month: string;
  lineNos: number[];
  readingIds: string[];
}

/** The id of a reading: one reading per device and day. */
export function readingId(deviceId: string, readingDate: IsoDate): string {
  return `${deviceId}|${readingDate}`;
}
