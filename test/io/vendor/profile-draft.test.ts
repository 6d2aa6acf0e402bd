import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { loadUserProfiles, saveProfilesFromJson } from "../../../src/app/profiles";
import { readCsvText } from "../../../src/io/table/read-csv";
import { Decimal } from "../../../src/core/money/decimal";
import {
  DRAFT_FIELDS,
  csvHead,
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
import type { VendorLine } from "../../../src/io/vendor/vendor-line";
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

/**
 * A file whose layout the guess gets wrong: two title lines of two cells above the header, `|` as
 * delimiter, and credits written with a trailing minus on the amount only (`1 | 12,50 | 12,50-`).
 */
describe("the editor's options: header row, delimiter, sign mode", () => {
  const PIPE = "wolkenwerk-2026-11.csv";
  const pipeBytes = fs.readFileSync(path.join(__dirname, "../../fixtures/vendor-unknown", PIPE));
  const text = new TextDecoder().decode(pipeBytes);
  const rows = (lines: VendorLine[]) => lines.map((l) => [l.row, l.vendorCustomerId, l.vendorArticleKey, l.quantity, l.unitCost, l.amount, l.chargeFrom, l.chargeTo]);

  it("the guessed draft takes a title line for the header: no column can be assigned, nothing is valid", () => {
    const guessed = csvHead(text, PIPE);
    expect(guessed.delimiter).toBe("|");
    expect(guessed.head!.headerRow).toBe(1);
    expect(guessed.head!.headers).toEqual(["Wolkenwerk IT-Distribution GmbH", "Abrechnung"]);
    expect(guessed.head!.headerChoices.map((c) => c.row)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const draft = suggestDraft(guessed.head!, "Wolkenwerk");
    expect(assigned(draft)).toEqual({});
    const r = profileFromDraft(draft, "wolkenwerk");
    expect(!r.ok && r.issues.map((i) => draftFieldOf(i))).toEqual(expect.arrayContaining(["customerId", "customerName", "articleKey", "quantity"]));
    // Without a pipe among the candidates the file splits at its decimal commas: no profile reads it.
    expect(readVendorCsv(pipeBytes, { fileName: PIPE }).issues.map((i) => i.code)).toEqual(["vendor.no_profile"]);
  });

  it("with the header row picked the columns are found, but the credits read as charges (quantity +1)", () => {
    const { head: picked } = csvHead(text, PIPE, { headerRow: 3 });
    expect(picked!.headerRow).toBe(3);
    const draft = suggestDraft(picked!, "Wolkenwerk");
    expect(assigned(draft)).toEqual({ customerId: "Kundennr", customerName: "Kunde", articleKey: "SKU", articleName: "Produkt", quantity: "Menge", unitCost: "Einzelpreis", amount: "Betrag", periodFrom: "Von", periodTo: "Bis" });
    expect([draft.decimalSeparator, draft.dateFormat, draft.signMode, draft.delimiter]).toEqual([",", "DD.MM.YYYY", "asIs", "|"]);
    const preview = previewDraft(draft, "wolkenwerk", picked!);
    expect(preview.issues).toEqual([]);
    expect(rows(preview.lines)[1]).toEqual([5, "W-100", "WW-BKP", "1", "12.5", "-12.5", "2026-11-01", "2026-11-30"]);
  });

  it("a delimiter the file does not use splits it elsewhere: the column names are not among the choices", () => {
    const { head: commas } = csvHead(text, PIPE, { delimiter: "," });
    expect(commas!.delimiter).toBe(",");
    expect(commas!.headers).not.toContain("Menge");
  });

  it("picked: header row 3, `|`, quantity follows the amount — the preview reads every credit right; saved, the file is recognised and read the same", async () => {
    const { head: picked } = csvHead(text, PIPE, { headerRow: 3, delimiter: "|" });
    const draft: ProfileDraft = { ...suggestDraft(picked!, "Wolkenwerk Monatsabrechnung"), signMode: "fromAmount" };
    const id = profileIdFor(draft.name, BUILTIN_PROFILE_IDS);
    const preview = previewDraft(draft, id, picked!);
    expect(preview.issues).toEqual([]);
    const expected = [
      [4, "W-100", "WW-BKP", "4", "12.5", "50", "2026-11-01", "2026-11-30"],
      [5, "W-100", "WW-BKP", "-1", "12.5", "-12.5", "2026-11-01", "2026-11-30"],
      [6, "W-200", "WW-MAIL", "10", "2", "20", "2026-11-01", "2026-11-30"],
      [7, "W-200", "WW-MAIL", "-2", "1000", "-2000", "2026-11-15", "2026-11-30"],
    ];
    expect(rows(preview.lines)).toEqual(expected);
    // Every credit has quantity × unit cost = amount, as a charge does.
    for (const l of preview.lines) expect(new Decimal(l.quantity).times(l.unitCost!).equals(new Decimal(l.amount!))).toBe(true);

    const json = draftToProfileJson(draft, id);
    expect(json).toMatchObject({ csv: { delimiter: "|" }, sign: { mode: "fromAmount" } });
    const ctx = await testContext();
    const saved = await saveProfilesFromJson(ctx, JSON.stringify(json));
    if (!saved.ok) throw new Error(JSON.stringify(saved.issues));
    const { profiles } = await loadUserProfiles(ctx);
    expect(profiles[0]).toMatchObject({ csv: { delimiter: "|" }, sign: { mode: "fromAmount" } });
    // No profile forced: the saved profile's pipe joins the delimiter guess and its headers recognise the file below the title lines.
    const read = readVendorCsv(pipeBytes, { fileName: PIPE, profiles });
    expect(read.profile?.id).toBe(id);
    expect(read.headerRow).toBe(3);
    expect(read.issues).toEqual([]);
    expect(rows(read.lines)).toEqual(expected);
    expect(read.lines).toEqual(preview.lines);
  });

  it("quantity follows the amount only with an amount column; the issue belongs to the sign option", () => {
    const { head: picked } = csvHead(text, PIPE, { headerRow: 3 });
    const draft: ProfileDraft = { ...suggestDraft(picked!, "W"), signMode: "fromAmount" };
    draft.columns.amount = "";
    const r = profileFromDraft(draft, "w");
    expect(!r.ok && r.issues.map((i) => [i.code, draftFieldOf(i)])).toEqual([["profile.field_invalid", "signMode"]]);
  });

  it("flip negates quantity and amount; trailing minus and parentheses are negative as they stand", () => {
    const table = { source: "t.csv", firstRowNumber: 1, rows: [["Kd", "Kunde", "SKU", "Menge", "Betrag"], ["1", "A", "X", "2", "(10,00)"], ["1", "A", "X", "3", "15,00-"], ["1", "A", "X", "1", "5,00"]] };
    const head2 = fileHead(table)!;
    const base: ProfileDraft = { name: "T", decimalSeparator: ",", dateFormat: "auto", columns: { customerId: "Kd", customerName: "Kunde", articleKey: "SKU", quantity: "Menge", amount: "Betrag" } };
    const read = (signMode: ProfileDraft["signMode"]) => previewDraft({ ...base, signMode }, "t", head2).lines.map((l) => [l.quantity, l.amount]);
    expect(read("asIs")).toEqual([["2", "-10"], ["3", "-15"], ["1", "5"]]);
    expect(read("flip")).toEqual([["-2", "10"], ["-3", "15"], ["-1", "-5"]]);
    expect(read("fromAmount")).toEqual([["-2", "-10"], ["-3", "-15"], ["1", "5"]]);
  });
});
