import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { loadUserProfiles, saveProfilesFromJson } from "../../../src/app/profiles";
import { readCsvText } from "../../../src/io/table/read-csv";
import {
  DRAFT_FIELDS,
  draftFieldOf,
  draftToProfileJson,
  fileHead,
  previewDraft,
  profileFromDraft,
  profileIdFor,
  suggestDraft,
  type DraftField,
  type ProfileDraft,
} from "../../../src/io/vendor/profile-draft";
import { BUILTIN_PROFILE_IDS } from "../../../src/io/vendor/profiles/registry";
import { readVendorCsv } from "../../../src/io/vendor/read-vendor";
import { validateProfile } from "../../../src/io/vendor/user-profile";
import { testContext } from "../../support/fixtures";

/** A distributor file of a layout no profile knows: invented German column names, a title line above the header. */
const FILE = "cloudhaus-2026-11.csv";
const bytes = fs.readFileSync(path.join(__dirname, "../../fixtures/vendor-unknown", FILE));
const table = readCsvText(new TextDecoder().decode(bytes), FILE, ";").table;
const head = fileHead(table)!;

const assigned = (draft: ProfileDraft) => Object.fromEntries(Object.entries(draft.columns).filter(([, v]) => v));

describe("the vendor profile editor's draft (mapping → profile)", () => {
  it("finds the header below the title line, and no built-in profile reads the file", () => {
    expect(head.headerRow).toBe(3);
    expect(head.headers.slice(0, 5)).toEqual(["Endkunde Nr.", "Endkunde", "Artikelcode", "Leistung", "Stück"]);
    expect(head.rows).toHaveLength(4);
    expect(head.firstDataRow).toBe(4);
    const unknown = readVendorCsv(bytes, { fileName: FILE });
    expect(unknown.profile).toBeNull();
    expect(unknown.issues.map((i) => i.code)).toEqual(["vendor.no_profile"]);
  });

  it("proposes columns from German header words and the formats from the values", () => {
    const draft = suggestDraft(head, "Cloudhaus");
    expect(assigned(draft)).toEqual({
      customerId: "Endkunde Nr.",
      customerName: "Endkunde",
      articleKey: "Artikelcode",
      articleName: "Leistung",
      quantity: "Stück",
      unitCost: "EK netto",
      periodFrom: "Leistungsbeginn",
      periodTo: "Leistungsende",
      chargeType: "Vorgang",
    });
    expect(draft.decimalSeparator).toBe(",");
    expect(draft.dateFormat).toBe("DD.MM.YYYY");
  });

  it("saved through `profile add`'s path, the profile is the draft's; the file then reads with it, as the preview showed", async () => {
    const draft = { ...suggestDraft(head, "Cloudhaus Monatsabrechnung"), currency: "eur" };
    const id = profileIdFor(draft.name, BUILTIN_PROFILE_IDS);
    expect(id).toBe("cloudhaus-monatsabrechnung");
    const profile = profileFromDraft(draft, id);
    if (!profile.ok) throw new Error(JSON.stringify(profile.issues));
    expect(profile.value).toMatchObject({ currency: "EUR", number: { decimalSeparator: "," }, dateFormat: "DD.MM.YYYY", sign: { mode: "asIs" } });

    const ctx = await testContext();
    const saved = await saveProfilesFromJson(ctx, JSON.stringify(draftToProfileJson(draft, id)));
    if (!saved.ok) throw new Error(JSON.stringify(saved.issues));
    const { profiles } = await loadUserProfiles(ctx);
    expect(profiles).toEqual([profile.value]);

    const read = readVendorCsv(bytes, { fileName: FILE, profiles });
    expect(read.profile?.id).toBe(id);
    expect(read.issues).toEqual([]);
    expect(read.lines.map((l) => [l.row, l.vendorCustomerId, l.vendorArticleKey, l.quantity, l.unitCost, l.chargeFrom, l.chargeTo, l.chargeType, l.currency])).toEqual([
      [4, "CH-4711", "BKP-500", "10", "4.99", "2026-11-01", "2026-11-30", "abo", "EUR"],
      [5, "CH-4711", "MAIL-SEC", "25", "1.2", "2026-11-01", "2026-11-30", "abo", "EUR"],
      [6, "CH-4712", "BKP-500", "3", "4.99", "2026-11-15", "2026-11-30", "zugang", "EUR"],
      [7, "CH-4712", "MAIL-SEC", "-2", "1.2", "2026-11-01", "2026-11-30", "abgang", "EUR"],
    ]);
    const preview = previewDraft(draft, id, head);
    expect(preview.issues).toEqual([]);
    expect(preview.lines).toEqual(read.lines);
  });

  it("a missing required column, an empty name and a date together with a period are named by field; nothing is valid", () => {
    const draft = suggestDraft(head, "");
    delete draft.columns.quantity;
    draft.columns.chargeDate = "Leistungsbeginn";
    const r = profileFromDraft(draft, "x");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.code, draftFieldOf(i)])).toEqual([
      ["profile.draft_date_and_period", "chargeDate"],
      ["profile.field_required", "name"],
      ["profile.field_required", "quantity"],
    ]);
    expect(previewDraft(draft, "x", head)).toMatchObject({ profile: null, lines: [] });
  });

  it("the preview shows the reader's problems with row and column, as the reconciliation would", () => {
    const bad = { ...head, rows: head.rows.map((r, i) => (i === 1 ? r.map((c, j) => (j === 4 ? "zehn" : c)) : r)) };
    const draft = suggestDraft(bad, "Cloudhaus");
    const preview = previewDraft(draft, "cloudhaus", bad);
    expect(preview.lines).toHaveLength(3);
    expect(preview.issues).toHaveLength(1);
    expect(preview.issues[0]!.where).toMatchObject({ source: FILE, row: 5, column: "Stück" });
  });

  it("a charge date alone is the period start; a second article key column joins the key", () => {
    const draft: ProfileDraft = { name: "Datum", decimalSeparator: ",", dateFormat: "DD.MM.YYYY", columns: { customerId: "Endkunde Nr.", customerName: "Endkunde", articleKey: "Artikelcode", articleKey2: "Leistung", quantity: "Stück", amount: "EK netto", chargeDate: "Leistungsbeginn" } };
    const preview = previewDraft(draft, "datum", head);
    expect(preview.issues).toEqual([]);
    expect(preview.profile?.columns).toMatchObject({ articleKey: ["Artikelcode", "Leistung"], articleName: "Artikelcode", periodFrom: "Leistungsbeginn" });
    expect(preview.lines[0]).toMatchObject({ vendorArticleKey: "BKP-500:Backup Pro 500 GB", chargeFrom: "2026-11-01", chargeTo: null, amount: "4.99" });
  });

  it("ids: umlauts spelled out, unique against built-in and saved profiles", () => {
    expect(profileIdFor("Größe & Über", [])).toBe("groesse-ueber");
    expect(profileIdFor("  ", [])).toBe("profil");
    expect(profileIdFor("Microsoft NCE invoice", ["microsoft-nce-invoice"])).toBe("microsoft-nce-invoice-2");
    expect(profileIdFor("a", ["a", "A-2"])).toBe("a-3");
  });

  it("property: any assignment of the file's columns gives a valid profile that requires exactly the columns assigned", () => {
    const headers = head.headers.filter((h) => h !== "");
    const optional = DRAFT_FIELDS.filter((f) => !["customerId", "customerName", "articleKey", "quantity", "chargeDate"].includes(f));
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...headers), { minLength: 4, maxLength: 4 }),
        fc.dictionary(fc.constantFrom(...optional), fc.constantFrom(...headers)),
        fc.constantFrom<"," | ".">(",", "."),
        (req, opt, sep) => {
          const columns: Partial<Record<DraftField, string>> = { customerId: req[0], customerName: req[1], articleKey: req[2], quantity: req[3], ...opt };
          const draft: ProfileDraft = { name: "P", columns, decimalSeparator: sep, dateFormat: "auto" };
          const r = profileFromDraft(draft, "p");
          if (!r.ok) return false;
          const json = draftToProfileJson(draft, "p");
          const valid = validateProfile(JSON.parse(JSON.stringify(json)));
          const used = new Set(Object.values(columns));
          return valid.ok && JSON.stringify(valid.value) === JSON.stringify(r.value) && r.value.match.requiredHeaders.every((h) => used.has(h)) && [...used].every((h) => r.value.match.requiredHeaders.includes(h));
        },
      ),
    );
  });
});
