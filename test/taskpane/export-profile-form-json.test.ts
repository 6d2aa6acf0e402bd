import fc from "fast-check";
import { issue } from "../../src/core/issues";
import { EXPORT_DATE_FORMATS, EXPORT_DELIMITERS, EXPORT_ENCODINGS, EXPORT_FIELDS, EXPORT_LEVELS, validateExportProfile, type ExportField } from "../../src/io/export/custom-csv/profile";
import { extraFormsStrings } from "../../src/taskpane/settings/extra-forms-strings";
import { fieldsAt, newProfileForm, profileFieldOf, profileFormOf, profileJsonOf } from "../../src/taskpane/settings/export-profile-form";

const header = fc.stringMatching(/^[A-Za-zÄÖÜäöü0-9][A-Za-zÄÖÜäöü0-9 /._-]{0,14}$/).filter((h) => h.trim() === h);
const profile = fc.constantFrom(...EXPORT_LEVELS).chain((level) =>
  fc.record(
    {
      id: fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,20}$/),
      version: fc.constant(1),
      name: header,
      delimiter: fc.constantFrom(...EXPORT_DELIMITERS),
      decimal: fc.constantFrom(",", "."),
      dateFormat: fc.constantFrom(...EXPORT_DATE_FORMATS),
      encoding: fc.constantFrom(...EXPORT_ENCODINGS),
      level: fc.constant(level),
      headerRow: fc.boolean(),
      columns: fc.uniqueArray(
        fc.oneof(
          fc.record({ source: fc.constantFrom(...fieldsAt(level)), header }),
          fc.record({ source: fc.constant("literal"), header, value: fc.string({ maxLength: 8 }) }),
        ),
        { minLength: 1, maxLength: 6, selector: (c) => c.header.toLowerCase() },
      ),
    },
    { requiredKeys: ["id", "version", "name", "delimiter", "decimal", "dateFormat", "encoding", "level", "columns"] },
  ),
);

describe("export profile form ⇄ profile JSON", () => {
  it("a saved profile shown in the form and saved unchanged is the same profile (property)", () => {
    fc.assert(
      fc.property(profile, (json) => {
        const saved = validateExportProfile(json);
        if (!saved.ok) throw new Error(JSON.stringify(saved.issues));
        expect(validateExportProfile(profileJsonOf(profileFormOf(saved.value)))).toEqual(saved);
      }),
      { numRuns: 100 },
    );
  });

  it("a new profile's form is a valid profile once it has an id and a name; its headers are the field names", () => {
    for (const lang of ["de", "en"] as const) {
      const form = { ...newProfileForm((f) => extraFormsStrings[lang].profile.fields[f]), id: "neu", name: "Neu" };
      const r = validateExportProfile(profileJsonOf(form));
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.value.headerRow).toBeUndefined();
    }
  });

  it("every export field has a label in both languages; fields per level are the validator's", () => {
    for (const lang of ["de", "en"] as const) for (const f of Object.keys(EXPORT_FIELDS)) expect(extraFormsStrings[lang].profile.fields[f as ExportField]).toBeTruthy();
    expect(fieldsAt("line")).toContain("quantity");
    expect(fieldsAt("invoice")).not.toContain("quantity");
    expect(fieldsAt("vat_rate")).toContain("revenue_account");
  });

  it("issues find their form row, counting empty rows", () => {
    const rows = [{ source: "invoice_ref", header: "A", value: "" }, { source: "", header: "", value: "" }, { source: "", header: "B", value: "" }];
    const at = (field: string) => profileFieldOf(issue("profile.field_invalid", { field }), rows);
    expect(at("columns[1].source")).toBe("columns.2.source");
    expect(at("columns[0]")).toBe("columns.0.source");
    expect(at("id")).toBe("id");
    expect(at("columns")).toBe("columns");
    expect(at("columns[2].header")).toBeNull();
    expect(at("weird")).toBeNull();
  });
});
