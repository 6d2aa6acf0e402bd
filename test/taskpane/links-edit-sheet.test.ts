import { linksForEditing } from "../../src/app/links-for-editing";
import { importLinks, loadLinks } from "../../src/app/purchase";
import { undoBatch } from "../../src/app/undo-batch";
import { formatIssue } from "../../src/core/messages";
import { linksEditSheetName, linksEditRows, linksEditSheetAsCsv, linksEditWriteOptions } from "../../src/taskpane/purchase/links-edit-sheet";
import { memoryGateway, rowWhere, unwrap } from "../excel/fixtures";
import { seedDomains } from "../scenarios/purchase/domain-scenario";
import { testContext } from "../support/fixtures";

/** The German name, as these tests write and read German sheets. */
const LINKS_EDIT_SHEET = linksEditSheetName("de");

async function seeded() {
  const ctx = await testContext();
  await seedDomains(ctx);
  return ctx;
}

const linkIds = async (ctx: Awaited<ReturnType<typeof testContext>>) => (await ctx.store.read(loadLinks)).map((l) => l.id).sort();

async function applySheet(ctx: Awaited<ReturnType<typeof testContext>>, gw: ReturnType<typeof memoryGateway>["gw"]) {
  const read = unwrap(await gw.readTableByHeaders(LINKS_EDIT_SHEET));
  const csv = linksEditSheetAsCsv(read.table);
  const r = await importLinks(ctx, { name: LINKS_EDIT_SHEET, bytes: csv.bytes });
  return r.ok ? r : { ...r, issues: csv.userColumns(r.issues) };
}

describe("the links sheet of the Einkauf area (edit links in Excel)", () => {
  it("lists every stored link with both ends named, in the columns of the links CSV", async () => {
    const ctx = await seeded();
    const rows = linksEditRows(await linksForEditing(ctx));
    expect(rows[0]).toEqual(["Purchase no.", "Purchase position no.", "Contract no.", "Position no.", "Action", "Supplier", "Object", "Customer no.", "Customer name", "Article no.", "Description"]);
    expect(rows.slice(1).map((r) => [r[0], r[2], r[4], r[5], r[7], r[8], r[9]])).toEqual([
      ["EK-100", "V-3001", "link", "DENIC Registrar GmbH", "20001", "Alpha GmbH", "DOM-DE"],
      ["EK-100", "V-3002", "link", "DENIC Registrar GmbH", "20002", "Beta KG", "DOM-DE"],
      ["EK-100", "V-3003", "link", "DENIC Registrar GmbH", "20003", "Gamma AG", "DOM-DE"],
    ]);
  });

  it("written unchanged and applied, it changes nothing", async () => {
    const ctx = await seeded();
    const { gw } = memoryGateway({ locale: "de" });
    unwrap(await gw.writeTable(LINKS_EDIT_SHEET, linksEditRows(await linksForEditing(ctx)), linksEditWriteOptions()));
    const before = await linkIds(ctx);
    const r = await applySheet(ctx, gw);
    expect(r.ok && r.value).toMatchObject({ batchId: null, added: 0, removed: 0, unchangedRows: 3 });
    expect(await linkIds(ctx)).toEqual(before);
  });

  it("an unlink and a new row become one undoable links batch", async () => {
    const ctx = await seeded();
    const { wb, gw } = memoryGateway({ locale: "de" });
    unwrap(await gw.writeTable(LINKS_EDIT_SHEET, linksEditRows(await linksForEditing(ctx)), linksEditWriteOptions()));
    const before = await linkIds(ctx);
    const beta = rowWhere(wb, LINKS_EDIT_SHEET, 2, "V-3002");
    wb.typeInto(LINKS_EDIT_SHEET, `E${beta}`, "unlink");
    // the clerk overwrites the last row's sales end with Delta's position: a new link, Gamma's stays
    const gamma = rowWhere(wb, LINKS_EDIT_SHEET, 2, "V-3003");
    wb.typeInto(LINKS_EDIT_SHEET, `C${gamma}`, "V-3004");
    const r = await applySheet(ctx, gw);
    expect(r.ok && r.value).toMatchObject({ added: 1, removed: 1, unchangedRows: 1 });
    expect(await linkIds(ctx)).toEqual(["EK-100/1>V-3001/1", "EK-100/1>V-3003/1", "EK-100/1>V-3004/1"]);
    const undone = await undoBatch(ctx, (r.ok && r.value.batchId) || "");
    expect(undone.ok).toBe(true);
    expect(await linkIds(ctx)).toEqual(before);
  });

  it("a bad cell is named by sheet, row and column, and nothing is changed", async () => {
    const ctx = await seeded();
    const { wb, gw } = memoryGateway({ locale: "de" });
    unwrap(await gw.writeTable(LINKS_EDIT_SHEET, linksEditRows(await linksForEditing(ctx)), linksEditWriteOptions()));
    const before = await linkIds(ctx);
    const row = rowWhere(wb, LINKS_EDIT_SHEET, 2, "V-3002");
    wb.typeInto(LINKS_EDIT_SHEET, `D${row}`, "zwei");
    const r = await applySheet(ctx, gw);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]!.where).toMatchObject({ source: LINKS_EDIT_SHEET, row, column: expect.stringContaining("Position no.") });
    expect(formatIssue(r.issues[0]!, "de")).toContain(LINKS_EDIT_SHEET);
    expect(await linkIds(ctx)).toEqual(before);
  });
});
