/** @jest-environment ./test/support/jsdom-env.js */
/**
 * Issue 17 in the pane: the first CSV/DATEV export or HTML print of a draft run asks, then issues the
 * run (the file is the CLI's export of that run); an issued run exports without the question, and its
 * undo is replaced by the cancellation offer. The workspace is made by the CLI, as a clerk's would be.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AppContext } from "../../src/app/context";
import { finalizeRun } from "../../src/app/issue-run";
import type { CliIo } from "../../src/cli/cli-io";
import { runCli } from "../../src/cli/main";
import { openSqliteStore } from "../../src/store/node/sqlite-store";
import type { SqlStore } from "../../src/store/sql/sql-store";
import { BillingArea } from "../../src/taskpane/components/billing/BillingArea";
import type { Language } from "../../src/taskpane/i18n";
import { dbOf } from "../support/db-view";
import { FIXED_NOW } from "../support/fixtures";
import { byTestId, click, queryTestId, renderPane, waitFor, type Rendered } from "./support/render-pane";
import { TWO_CUSTOMERS_ARTICLES as ARTICLES, TWO_CUSTOMERS_CONTRACTS as CONTRACTS } from "../support/two-customers";

// The pane's font loader imports the TTF files as webpack assets (URLs); no ZUGFeRD file is made here.
jest.mock("../../src/taskpane/billing/einvoice-fonts", () => ({ paneFonts: () => Promise.reject(new Error("no fonts in this test")) }));

const DATEV = { consultantNo: 1234567, clientNo: 10001, fiscalYearStart: "01-01", accountLength: 4, chart: "SKR03", debtorFromCustomerNo: true };
const COMPANY = { name: "Systemhaus Beispiel GmbH", address: "Hauptstraße 5\n20095 Hamburg", taxNumber: "22/123/45678" };

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), now: () => FIXED_NOW, lang: "en" };
  const code = await runCli(argv, io);
  return { code, out: out.join(""), err: err.join("") };
}

interface Workspace {
  dir: string;
  /** The pane's store (a file the CLI made). */
  ctx: AppContext;
  /** A copy made before the pane touched it: the CLI exports from there. */
  cliCopy: string;
  runId: string;
}

/** A workspace with a billed (draft) January run and saved DATEV and company settings, all by the CLI. */
async function workspace(): Promise<Workspace> {
  const dir = mkdtempSync(join(tmpdir(), "msp-pane-export-issue-"));
  const ws = join(dir, "ws.db");
  writeFileSync(join(dir, "articles.csv"), ARTICLES);
  writeFileSync(join(dir, "contracts.csv"), CONTRACTS);
  writeFileSync(join(dir, "datev.json"), JSON.stringify(DATEV));
  writeFileSync(join(dir, "company.json"), JSON.stringify(COMPANY));
  expect((await cli("import-master", "--workspace", ws, join(dir, "articles.csv"), join(dir, "contracts.csv"))).code).toBe(0);
  expect((await cli("export-settings", "--workspace", ws, "--datev-config", join(dir, "datev.json"), "--company", join(dir, "company.json"))).code).toBe(0);
  const bill = await cli("bill", "--workspace", ws, "--period", "2026-01", "--invoice-date", "2026-01-02", "--draft", "--json");
  expect(bill.code).toBe(0);
  const runId = (JSON.parse(bill.out) as { runId: string }).runId;
  const cliCopy = join(dir, "cli.db");
  copyFileSync(ws, cliCopy);
  if (existsSync(`${ws}-wal`)) copyFileSync(`${ws}-wal`, `${cliCopy}-wal`);
  return { dir, ctx: { store: await openSqliteStore(ws), now: () => FIXED_NOW }, cliCopy, runId };
}

/** The CLI's export of the run from the copy (its first export there, so it issues the copy's run). */
async function cliExport(w: Workspace, format: string): Promise<Buffer> {
  const out = join(w.dir, `cli-${format}.csv`);
  const r = await cli("export", "--workspace", w.cliCopy, "--run", w.runId, "--out", out, "--format", format);
  expect(r.err).toBe("");
  return readFileSync(out);
}

let opened: { pane: Rendered; store: SqlStore }[] = [];
afterEach(async () => {
  for (const o of opened) {
    o.pane.unmount();
    await o.store.close();
  }
  opened = [];
});

interface Downloads {
  files: { name: string; bytes: Uint8Array; mime: string }[];
}

async function pane(w: Workspace, language: Language = "de"): Promise<{ p: Rendered; downloads: Downloads }> {
  const p = await renderPane(<BillingArea active />, w.ctx, language);
  opened.push({ pane: p, store: w.ctx.store as SqlStore });
  const downloads: Downloads = { files: [] };
  p.host.download = (name, bytes, mime) => void downloads.files.push({ name, bytes: typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes, mime });
  await waitFor(() => queryTestId(p.container, "latest-run")?.textContent?.includes(w.runId), "the latest run shown");
  await waitFor(() => queryTestId(p.container, "lifecycle-state"), "the run's state");
  return { p, downloads };
}

/** Clicks and waits until the pane's task is done (the buttons are enabled again). */
async function press(p: Rendered, id: string): Promise<void> {
  await click(byTestId(p.container, id));
  await waitFor(() => !queryTestId(p.container, "task-progress") && !(byTestId<HTMLButtonElement>(p.container, "billing-export")).disabled, `${id} done`);
}

async function chooseFormat(p: Rendered, format: string): Promise<void> {
  const radio = await waitFor(() => {
    const r = p.container.querySelector<HTMLInputElement>(`input[type="radio"][value="${format}"]`);
    return r && !r.disabled ? r : null;
  }, `format ${format} enabled`);
  await click(radio);
  await waitFor(() => p.container.querySelector<HTMLInputElement>(`input[type="radio"][value="${format}"]`)!.checked, `format ${format} chosen`);
}

const runOf = async (w: Workspace) => (await dbOf(w.ctx).runs.get(w.runId))!;

describe("the pane's first export or print issues a draft run (issue 17)", () => {
  it("DATEV export of a draft asks; Abbrechen leaves a draft and no file; confirmed it issues the run and the file is the CLI's; the next export asks nothing; undo is replaced by cancellation", async () => {
    const w = await workspace();
    const before = await dbOf(w.ctx).invoices.toArray();
    const { p, downloads } = await pane(w);
    expect(byTestId(p.container, "lifecycle-state").textContent).toContain("Entwurf");
    expect(byTestId(p.container, "billing-export-draft-hint").textContent).toContain("erste Export oder Druck schreibt ihn fest");

    await chooseFormat(p, "datev");
    await press(p, "billing-export");
    const question = byTestId(p.container, "billing-export-confirm").textContent!;
    expect(question).toContain("Exportieren schreibt den Lauf fest");
    expect(question).toContain(`${w.runId} ist noch ein Entwurf`);
    expect(question).toContain("2 Rechnungen (RE-000001 … RE-000002)");
    expect(question).toContain("festgeschrieben");
    expect(question).toContain("nicht mehr rückgängig");
    expect(question).toContain("Stornorechnung");
    expect(downloads.files).toHaveLength(0);
    expect((await runOf(w)).issuedAt).toBeUndefined();

    await click(byTestId(p.container, "billing-export-cancel"));
    expect(queryTestId(p.container, "billing-export-confirm")).toBeNull();
    expect(downloads.files).toHaveLength(0);
    expect((await runOf(w)).issuedAt).toBeUndefined();

    await press(p, "billing-export");
    await press(p, "billing-export-yes");
    expect(downloads.files.map((f) => f.name)).toEqual([`EXTF_Buchungsstapel_2026-01_${w.runId}.csv`]);
    expect(await runOf(w)).toMatchObject({ issuedAt: FIXED_NOW, issuedBy: "export" });
    // numbers as billed, now sealed in the invoice chain
    const after = await dbOf(w.ctx).invoices.toArray();
    expect(after.map((i) => [i.invoiceRef, i.grossTotal])).toEqual(before.map((i) => [i.invoiceRef, i.grossTotal]));
    expect(after.every((i) => typeof i.hash === "string" && typeof i.chainSeq === "number")).toBe(true);
    expect(Buffer.from(downloads.files[0]!.bytes)).toEqual(await cliExport(w, "datev"));
    expect(byTestId(p.container, "step-notice").textContent).toContain(`${w.runId} ist damit festgeschrieben.`);
    await waitFor(() => byTestId(p.container, "lifecycle-state").textContent?.includes("festgeschrieben am"), "the lifecycle state refreshed");
    expect(byTestId(p.container, "lifecycle-state").textContent).toContain("(Export)");
    expect(queryTestId(p.container, "billing-export-draft-hint")).toBeNull();

    // issued: the German CSV without the question, the same file as the CLI's
    await chooseFormat(p, "de");
    await press(p, "billing-export");
    expect(queryTestId(p.container, "billing-export-confirm")).toBeNull();
    expect(downloads.files.map((f) => f.name)).toEqual([`EXTF_Buchungsstapel_2026-01_${w.runId}.csv`, `Rechnungen-2026-01-${w.runId}-de.csv`]);
    expect(Buffer.from(downloads.files[1]!.bytes)).toEqual(await cliExport(w, "de"));
    expect((await dbOf(w.ctx).auditLog.toArray()).filter((a) => a.kind === "billing.run.issue")).toHaveLength(1);

    // undo: no undo any more, the way to cancellation instead
    await click(byTestId(p.container, "billing-undo"));
    await waitFor(() => queryTestId(p.container, "billing-undo-to-cancel"), "the cancellation offer");
    expect(queryTestId(p.container, "billing-undo-yes")).toBeNull();
    expect(byTestId(p.container, "billing-undo-confirm").textContent).toContain("GoBD");
    expect(queryTestId(p.container, "lifecycle-cancel-invoice")).not.toBeNull();
  });

  it("the print of a draft asks (English) and issues it by 'documents'; a preview sheet of the next month issues nothing", async () => {
    const w = await workspace();
    const { p, downloads } = await pane(w, "en");
    await waitFor(() => !byTestId<HTMLButtonElement>(p.container, "billing-documents").disabled, "company data loaded");

    // the preview sheet stays in the workbook: no question, the run stays a draft
    await waitFor(() => (p.container.querySelector<HTMLInputElement>('[data-testid="billing-month"]')?.value ?? "") !== "", "the month");
    await press(p, "billing-preview");
    await waitFor(() => queryTestId(p.container, "billing-preview-result"), "the preview");
    expect(queryTestId(p.container, "billing-export-confirm")).toBeNull();
    expect((await runOf(w)).issuedAt).toBeUndefined();

    await press(p, "billing-documents");
    const question = byTestId(p.container, "billing-export-confirm").textContent!;
    expect(question).toContain("Printing issues the run");
    expect(question).toContain("can no longer be undone");
    expect(question).toContain("cancellation invoice");
    expect(byTestId(p.container, "billing-export-yes").textContent).toBe("Print and issue");
    expect(downloads.files).toHaveLength(0);
    await press(p, "billing-export-yes");
    // The English clerk's print file is named in English; the invoices in it stay German.
    expect(downloads.files.map((f) => [f.name, f.mime])).toEqual([[`Invoices-2026-01-${w.runId}.html`, "text/html"]]);
    const html = new TextDecoder().decode(downloads.files[0]!.bytes);
    expect(html).toContain("RE-000001");
    expect(html).toContain("Systemhaus Beispiel GmbH");
    expect(await runOf(w)).toMatchObject({ issuedBy: "documents" });

    await press(p, "billing-documents");
    expect(queryTestId(p.container, "billing-export-confirm")).toBeNull();
    expect(downloads.files).toHaveLength(2);
  });

  it("a run issued elsewhere since the pane read it (Festschreiben, an e-invoice) exports without the question", async () => {
    const w = await workspace();
    const { p, downloads } = await pane(w);
    expect(queryTestId(p.container, "billing-export-draft-hint")).not.toBeNull();
    expect((await finalizeRun(w.ctx, w.runId, "einvoice")).ok).toBe(true);
    await chooseFormat(p, "generic");
    await press(p, "billing-export");
    expect(queryTestId(p.container, "billing-export-confirm")).toBeNull();
    expect(downloads.files.map((f) => f.name)).toEqual([`Rechnungen-2026-01-${w.runId}.csv`]);
    expect(await runOf(w)).toMatchObject({ issuedBy: "einvoice" });
    expect(Buffer.from(downloads.files[0]!.bytes)).toEqual(await cliExport(w, "generic"));
  });
});
