import * as iconv from "iconv-lite";
import { readVendorCsv, readVendorTable } from "../../../src/io/vendor/read-vendor";
import { ingramRdeShortExample } from "../../../src/io/vendor/profiles/ingram-rde-short.example";
import { BUILTIN_PROFILE_IDS, allProfiles } from "../../../src/io/vendor/profiles/registry";
import { recogniseProfile } from "../../../src/io/vendor/match-profile";
import { UserProfile, compileUserProfile, exportProfiles, importProfiles, validateProfile } from "../../../src/io/vendor/user-profile";
import { utf8 } from "./fixtures";

/** A made-up distributor export ("Cloud-Distributor" style), German settings. */
const distiProfile: UserProfile = {
  id: "disti-monthly",
  version: 1,
  name: "Distributor monthly export",
  match: { requiredHeaders: ["Kundennummer Distributor", "Artikelnummer"] },
  csv: { delimiter: ";", encoding: "windows-1252" },
  number: { decimalSeparator: "," },
  dateFormat: "DD.MM.YYYY",
  columns: {
    customerId: "Kundennummer Distributor",
    customerName: "Kunde",
    articleKey: ["Hersteller", "Artikelnummer"],
    articleName: "Artikel",
    quantity: "Menge",
    amount: "Betrag netto",
    periodFrom: "Von",
    periodTo: "Bis",
    chargeType: "Buchungsart",
  },
  sign: { mode: "fromAmount" },
  currency: "EUR",
};

const distiFile = [
  "Export Distributor GmbH;;;;;;;;;",
  "Kundennummer Distributor;Kunde;Hersteller;Artikelnummer;Artikel;Menge;Betrag netto;Von;Bis;Buchungsart;Bemerkung",
  "000123;Müller GmbH;ACR;0042-PRO;Backup Pro 500 GB;10;49,90;01.11.2026;30.11.2026;Abo;",
  "000123;Müller GmbH;ACR;0042-PRO;Backup Pro 500 GB;2;-4,99;16.11.2026;30.11.2026;Gutschrift;reduziert",
  "",
].join("\r\n");

describe("validateProfile", () => {
  it("accepts a valid profile and returns it normalised", () => {
    const r = validateProfile(JSON.parse(JSON.stringify(distiProfile)));
    expect(r).toEqual({ ok: true, value: distiProfile });
  });

  it("names every bad field", () => {
    const bad = {
      id: "bad id!",
      version: 1,
      name: "",
      match: { requiredHeaders: [] },
      csv: { delimiter: ":" },
      number: { decimalSeparator: ";" },
      dateFormat: "MM-DD",
      columns: { customerId: "A", customerName: "B", articleKey: [], articleName: 5, quantiy: "Q" },
      sign: { mode: "negate" },
      colour: "red",
    };
    const r = validateProfile(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const fields = r.issues.map((i) => `${i.code} ${i.params.field ?? ""}`);
    expect(fields).toEqual(
      expect.arrayContaining([
        "profile.field_unknown colour",
        "profile.field_invalid id",
        "profile.field_required name",
        "profile.field_invalid match.requiredHeaders",
        "profile.field_invalid csv.delimiter",
        "profile.field_invalid number.decimalSeparator",
        "profile.field_invalid dateFormat",
        "profile.field_unknown columns.quantiy",
        "profile.field_required columns.articleKey",
        "profile.field_invalid columns.articleName",
        "profile.field_required columns.quantity",
        "profile.field_invalid sign.mode",
      ]),
    );
    expect(r.issues).toHaveLength(12);
  });

  it("rejects other versions, non-objects and fromAmount without an amount column", () => {
    expect(validateProfile({ ...distiProfile, version: 2 })).toEqual({ ok: false, issues: [expect.objectContaining({ code: "profile.version_unsupported", params: { found: "2", supported: 1 } })] });
    expect(validateProfile("x")).toMatchObject({ ok: false, issues: [{ code: "profile.field_invalid" }] });
    const { amount: _amount, ...noAmount } = distiProfile.columns;
    expect(validateProfile({ ...distiProfile, columns: noAmount })).toMatchObject({ ok: false, issues: [{ code: "profile.field_invalid", params: { field: "sign.mode" } }] });
  });
});

describe("user profile round trip", () => {
  it("define → validate → export JSON → import → recognise headers → read", () => {
    const valid = validateProfile(distiProfile);
    expect(valid.ok).toBe(true);
    const json = exportProfiles([distiProfile, ingramRdeShortExample]);
    expect(JSON.parse(json)).toMatchObject({ format: "msp-billing/vendor-profiles", version: 1 });
    const imported = importProfiles(json, { reservedIds: BUILTIN_PROFILE_IDS });
    expect(imported).toEqual({ ok: true, value: [distiProfile, ingramRdeShortExample] });
    if (!imported.ok) return;
    // exporting again gives the same text
    expect(exportProfiles(imported.value)).toBe(json);

    const profiles = allProfiles(imported.value);
    const header = distiFile.split("\r\n")[1]!.split(";");
    expect(recogniseProfile(header, profiles).profile?.id).toBe("disti-monthly");

    const bytes = new Uint8Array(iconv.encode(distiFile, "win1252"));
    const r = readVendorCsv(bytes, { fileName: "disti.csv", profiles });
    expect(r.issues).toEqual([]);
    expect(r.profile?.id).toBe("disti-monthly");
    expect(r.headerRow).toBe(2);
    const common = { profileId: "disti-monthly", source: "disti.csv", rowCount: 1, vendorCustomerId: "000123", vendorCustomerName: "Müller GmbH", vendorArticleKey: "ACR:0042-PRO", vendorArticleName: "Backup Pro 500 GB", subscriptionId: "", currency: "EUR", changesQuantity: false, chargeKind: "unknown" };
    expect(r.lines).toEqual([
      { ...common, row: 3, chargeType: "abo", chargeFrom: "2026-11-01", chargeTo: "2026-11-30", coveredMonths: "1", quantity: "10", unitCost: "4.99", amount: "49.9" },
      { ...common, row: 4, chargeType: "gutschrift", chargeFrom: "2026-11-16", chargeTo: "2026-11-30", coveredMonths: "0.5", quantity: "-2", unitCost: "4.99", amount: "-4.99" },
    ]);
  });

  it("a forced user profile uses its CSV settings", () => {
    const r = readVendorCsv(utf8(distiFile.replace(/;/g, "\t")), { fileName: "d.tsv", profiles: [distiProfile], profileId: "disti-monthly" });
    expect(r.delimiter).toBe(";");
    expect(r.profile).toBeNull();
  });

  it("import fails as a whole on a bad profile, a duplicate or a built-in id, and on broken JSON", () => {
    const r = importProfiles(JSON.stringify([distiProfile, { ...distiProfile, name: 3 }, distiProfile, { ...distiProfile, id: "microsoft-nce-invoice" }]), { reservedIds: BUILTIN_PROFILE_IDS });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.code, i.params.field ?? i.params.id])).toEqual([
      ["profile.field_invalid", "profiles[1].name"],
      ["profile.duplicate_id", "disti-monthly"],
      ["profile.reserved_id", "microsoft-nce-invoice"],
    ]);
    expect(importProfiles("{ not json")).toMatchObject({ ok: false, issues: [{ code: "profile.invalid_json" }] });
    expect(importProfiles(JSON.stringify(distiProfile))).toEqual({ ok: true, value: [distiProfile] });
    expect(importProfiles(JSON.stringify({ format: "other", profiles: [] }))).toMatchObject({ ok: false, issues: [{ code: "profile.field_invalid", params: { field: "format" } }] });
  });

  it("ties between equally good profiles are reported, the first one wins", () => {
    const twin: UserProfile = { ...distiProfile, id: "disti-copy", name: "Copy" };
    const r = readVendorCsv(utf8(distiFile), { fileName: "d.csv", profiles: [distiProfile, twin] });
    expect(r.profile?.id).toBe("disti-monthly");
    expect(r.issues).toEqual([
      { code: "vendor.profile_ambiguous", severity: "warning", params: { profiles: "Distributor monthly export, Copy", chosen: "Distributor monthly export" }, where: { source: "d.csv", row: 2 } },
    ]);
  });

  it("the more specific profile wins over a less specific one", () => {
    const loose: UserProfile = { ...distiProfile, id: "loose", name: "Loose", columns: { ...distiProfile.columns, periodFrom: undefined, periodTo: undefined, chargeType: undefined } };
    delete loose.columns.periodFrom;
    delete loose.columns.periodTo;
    delete loose.columns.chargeType;
    const r = readVendorCsv(utf8(distiFile), { fileName: "d.csv", profiles: [loose, distiProfile] });
    expect(r.profile?.id).toBe("disti-monthly");
    expect(r.issues).toEqual([]);
  });
});

describe("Ingram RDE short view example", () => {
  it("is marked as an example from documentation and recognises a file with its columns", () => {
    expect(ingramRdeShortExample.example).toBe(true);
    expect(ingramRdeShortExample.note).toMatch(/documentation, not from a real file/);
    expect(validateProfile(ingramRdeShortExample).ok).toBe(true);
    const compiled = compileUserProfile(ingramRdeShortExample);
    const table = {
      source: "rde.csv",
      firstRowNumber: 1,
      rows: [
        ["Reseller ID", "Reseller Company Name", "Customer Account ID", "End Customer Name", "Subscription ID", "Subscription Name", "Subscription Expiration Date", "Plan ID", "Quantity", "Total Price", "Period Start Date", "Period End Date", "Currency"],
        ["1000105104", "CloudSoft LTD", "1000105107", "Helen's Company", "1173522", "Microsoft 365 Business (Monthly Pre-Paid)", "2022-04-01", "119458", "5", "60.00", "2022-03-01", "2022-03-31", "EUR"],
      ],
    };
    const r = readVendorTable(table, { profiles: [compiled] });
    expect(r.issues).toEqual([]);
    expect(r.lines[0]).toMatchObject({ vendorCustomerId: "1000105107", vendorArticleKey: "119458", subscriptionId: "1173522", quantity: "5", amount: "60", unitCost: "12", chargeFrom: "2022-03-01" });
  });
});

describe("saved profiles handed to the reader", () => {
  it("a broken user profile is reported as a warning and left out; the file is still read with the others", () => {
    const broken = { ...distiProfile, id: "broken", columns: { ...distiProfile.columns, quantity: "" } } as UserProfile;
    const r = readVendorCsv(utf8(distiFile), { fileName: "d.csv", profiles: [broken, distiProfile] });
    expect(r.profile?.id).toBe("disti-monthly");
    expect(r.issues).toEqual([{ code: "profile.field_required", severity: "warning", params: { field: "broken.columns.quantity" }, where: { source: "d.csv" } }]);
    expect(r.lines).toHaveLength(2);
  });
});
