import { stringsFor } from "../../src/taskpane/i18n";
import { formatCount, formatDecimal, formatMonth, plural } from "../../src/taskpane/i18n/format";

/** Every leaf of a catalogue: its path and whether it is a string or function. */
function shape(o: unknown, path = ""): string[] {
  if (typeof o === "function") return [`${path}()`];
  if (o === null || typeof o !== "object") return [path];
  return Object.entries(o).flatMap(([k, v]) => shape(v, `${path}.${k}`));
}

describe("pane catalogues per area", () => {
  it("German and English have the same keys in every area", () => {
    expect(shape(stringsFor("de")).filter((p) => p !== ".language")).toEqual(shape(stringsFor("en")).filter((p) => p !== ".language"));
  });

  it("counts use plural rules and grouping: 1 Zeile, 2 Zeilen, 1.234 Rechnungen", () => {
    expect(formatCount(1, "Zeile", "Zeilen", "de")).toBe("1 Zeile");
    expect(formatCount(0, "Zeile", "Zeilen", "de")).toBe("0 Zeilen");
    expect(formatCount(1234, "Rechnung", "Rechnungen", "de")).toBe("1.234 Rechnungen");
    expect(formatCount(1234, "row", "rows", "en")).toBe("1,234 rows");
    expect(plural(1, "row", "rows", "en")).toBe("row");
    expect(stringsFor("de").reconcile.reviewWritten("Abgleich", 1)).toContain("mit 1 Zeile geschrieben");
    expect(stringsFor("en").billing.exported("x.csv", 1)).toContain("with 1 invoice downloaded");
    expect(stringsFor("de").reconcile.acknowledge(1)).toBe("Ich habe 1 nicht zugeordnete Zeile gesehen; sie wird nicht übernommen.");
    expect(stringsFor("de").reconcile.acknowledge(2)).toBe("Ich habe 2 nicht zugeordnete Zeilen gesehen; sie werden nicht übernommen.");
  });

  it("missing export settings point to the forms under Stammdaten, not only to the JSON file", () => {
    expect(stringsFor("de").billing.datevMissing).toContain("unter „Stammdaten“ (Firmendaten, DATEV-Einstellungen) eintragen");
    expect(stringsFor("en").billing.datevMissing).toContain("under “Master data”");
  });

  it("months in words, German decimal commas", () => {
    expect(formatMonth("2026-11", "de")).toBe("November 2026");
    expect(formatMonth("2026-03", "en")).toBe("March 2026");
    expect(formatMonth("2026-13-01", "de")).toBe("2026-13-01");
    expect(formatDecimal("1234.5", "de")).toBe("1.234,5");
    expect(formatDecimal("-0.548387", "de")).toBe("-0,548387");
    expect(formatDecimal("1234.5", "en")).toBe("1234.5");
    expect(formatDecimal("V-1001", "de")).toBe("V-1001");
  });
});
