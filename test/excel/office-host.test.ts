import { MESSAGES } from "../../src/core/messages";
import { MemoryWorkbook } from "../../src/excel/memory/memory-workbook";
import { officeWorkbookGateway } from "../../src/excel/office-host";

/** The host binding: `Excel.run`, the display language and requirement sets come from the globals. */
describe("officeWorkbookGateway (host binding)", () => {
  const g = globalThis as unknown as { Excel?: unknown; Office?: unknown };
  afterEach(() => {
    delete g.Excel;
    delete g.Office;
  });

  it("runs through the global Excel.run and follows Office's display language and requirement sets", async () => {
    const wb = new MemoryWorkbook();
    const asked: string[] = [];
    g.Excel = { run: wb.run };
    g.Office = {
      context: {
        displayLanguage: "de-AT",
        requirements: { isSetSupported: (set: string, version: string) => (asked.push(`${set} ${version}`), version !== "1.8") },
      },
    };
    const gw = officeWorkbookGateway();
    const result = await gw.writeTable("Daten", [["d"], ["2026-10-15"]], { columns: { d: "date" }, validation: [{ column: "d", list: ["x"] }] });
    expect(result.ok).toBe(true);
    expect(wb.cell("Daten", "A2").numberFormat).toBe("dd.mm.yyyy");
    expect(asked).toContain("ExcelApi 1.8");
    expect(wb.stats.eventsOffSyncs).toBe(0); // 1.8 "missing": events left alone, no drop-downs
    expect(wb.validationList("Daten", "A2")).toBeNull();
  });

  it("has a German and an English text for every excel.* issue code", () => {
    const codes = Object.keys(MESSAGES).filter((c) => c.startsWith("excel."));
    expect(codes.length).toBeGreaterThanOrEqual(11);
    for (const c of codes) expect(MESSAGES[c]!.de && MESSAGES[c]!.en).toBeTruthy();
  });
});
