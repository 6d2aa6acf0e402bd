import { checkReadings } from "../core/clicks/check-readings";
import { type MeterReading, readingId } from "../core/clicks/model";
import { Issue, Result, hasErrors, ok } from "../core/issues";
import { readMeterTable } from "../io/meters/read-meters";
import { decodeBytes } from "../io/table/decode";
import { readCsvText } from "../io/table/read-csv";
import { AppContext, InputFile, fileSha256 } from "./context";
import { nextBatchId } from "./numbering";
import { billedClickMonths } from "./usage-state";

export interface MeterImportSummary {
  batchId: string | null;
  rows: number;
  added: number;
  unchanged: number;
  warnings: Issue[];
}

/**
 * Imports meter readings (PRODUCT.md §5.5, §8 `meters import`). A counter going backwards, a reading
 * out of date order or older than the device's last one, or one in an already billed month is an
 * error naming its row, and nothing is imported. Importing the same file twice adds nothing.
 */
export async function importMeters(ctx: AppContext, file: InputFile): Promise<Result<MeterImportSummary>> {
  const read = readCsvText(decodeBytes(file.bytes).text, file.name);
  const table = readMeterTable(read.table);
  const issues: Issue[] = [...read.issues, ...table.issues];
  if (hasErrors(issues)) return { ok: false, issues };
  const sha256 = await fileSha256(file);
  let summary: MeterImportSummary | undefined;
  let failed: Issue[] | undefined;
  await ctx.store.write(async (tx) => {
    const devices = [...new Set(table.rows.map((r) => r.deviceId))];
    const stored = await tx.meterReadings.ofDevices(devices);
    const contracts = new Map((await tx.contracts.all()).map((c) => [c.no, c]));
    const check = checkReadings(table.rows, stored, contracts, await billedClickMonths(tx));
    if (hasErrors(check.issues)) return void (failed = [...issues, ...check.issues]);
    summary = { batchId: null, rows: table.rows.length, added: check.accepted.length, unchanged: check.unchanged, warnings: [...issues, ...check.issues] };
    if (check.accepted.length === 0) return;
    const at = ctx.now();
    const batchId = await nextBatchId(tx, "meters");
    summary.batchId = batchId;
    const readings: MeterReading[] = check.accepted.map((r) => ({ ...r, id: readingId(r.deviceId, r.readingDate), source: { ...r.source, batchId } }));
    await tx.meterReadings.addMany(readings);
    await tx.batches.add({ id: batchId, kind: "meters-import", createdAt: at, files: [{ name: file.name, sha256 }], versionIds: [], details: { added: readings.length, unchanged: check.unchanged }, undo: readings.map((r) => ({ table: "meterReadings" as const, key: r.id })) });
    await tx.audit.append([{ at, kind: "meters.import", source: batchId, entity: `file:${file.name}`, after: { added: readings.map((r) => r.id) } }]);
  });
  if (failed) return { ok: false, issues: failed };
  return ok(summary!);
}
