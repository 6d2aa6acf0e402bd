/**
 * The preview's stand-ins for Excel and the add-in's store: an in-memory workbook (the same fake the
 * gateway tests use, which enforces Excel's rules) behind the real Office.js gateway adapter, and a
 * Dexie store (the add-in's store adapter) on the browser's IndexedDB, database `msp-billing-preview`,
 * seeded with demo data through the use cases on first load.
 */
import type { AppContext } from "../app/context";
import { runBilling } from "../app/bill";
import { importMaster } from "../app/import-master";
import type { WorkbookGateway } from "../excel/gateway";
import { MemoryWorkbook } from "../excel/memory/memory-workbook";
import { OfficeWorkbookGateway } from "../excel/office-workbook-gateway";
import { MspDexie } from "../store/dexie/dexie-db";
import { DexieStore } from "../store/dexie/dexie-store";
import type { Language } from "../taskpane/i18n";
import { SAMPLE_ARTICLES, SAMPLE_CONTRACTS, SAMPLE_ID_COLUMNS, SAMPLE_MAPPINGS, SAMPLE_RUN, SAMPLE_SHEET, sampleSheetRows } from "./sample-data";

export const PREVIEW_DB = "msp-billing-preview";

export interface PreviewEnv {
  workbook: MemoryWorkbook;
  gateway: WorkbookGateway;
  app: AppContext;
  /** Calls `listener` after every change of the workbook (gateway batches and user edits). */
  subscribe(listener: () => void): () => void;
  /** Tells subscribers the workbook changed (after a user edit in the rendered sheet). */
  notify(): void;
}

/** Creates the demo workbook with the sample distributor file as the active sheet. */
async function demoWorkbook(language: Language, notify: () => void): Promise<{ workbook: MemoryWorkbook; gateway: WorkbookGateway }> {
  const workbook = new MemoryWorkbook({ locale: language, sheets: [SAMPLE_SHEET] });
  const gateway = new OfficeWorkbookGateway(
    async (batch) => {
      try {
        return await workbook.run(batch);
      } finally {
        notify();
      }
    },
    { displayLanguage: language === "de" ? "de-DE" : "en-US", supports: (v) => workbook.supports(v) },
  );
  const columns = Object.fromEntries(SAMPLE_ID_COLUMNS.map((c) => [c, "id" as const]));
  const written = await gateway.writeTable(SAMPLE_SHEET, sampleSheetRows(), { columns, replace: true, filters: false, freezeHeader: false });
  if (!written.ok) throw new Error(`demo workbook: ${JSON.stringify(written.issues)}`);
  return { workbook, gateway };
}

/** Seeds an empty store: articles, contracts, mappings, and the October billing run. */
export async function seedStore(app: AppContext): Promise<boolean> {
  if ((await app.store.read((tx) => tx.contracts.count())) > 0) return false;
  const enc = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });
  const imported = await importMaster(app, [enc("articles.csv", SAMPLE_ARTICLES), enc("contracts.csv", SAMPLE_CONTRACTS), enc("mappings.csv", SAMPLE_MAPPINGS)]);
  if (!imported.ok) throw new Error(`demo data: ${JSON.stringify(imported.issues)}`);
  const billed = await runBilling(app, SAMPLE_RUN);
  if (!billed.ok) throw new Error(`demo run: ${JSON.stringify(billed.issues)}`);
  return true;
}

export async function createPreviewEnv(options: { language: Language; reset: boolean }): Promise<PreviewEnv> {
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((l) => l());
  if (options.reset) await new MspDexie(PREVIEW_DB).delete();
  const app: AppContext = { store: new DexieStore(new MspDexie(PREVIEW_DB)), now: () => new Date().toISOString() };
  await seedStore(app);
  const { workbook, gateway } = await demoWorkbook(options.language, notify);
  return {
    workbook,
    gateway,
    app,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    notify,
  };
}
