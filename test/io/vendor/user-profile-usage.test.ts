/** Issue 19, part 2: the optional usage role of user profiles and their usage columns. */
import { aggregateUsage } from "../../../src/core/usage/aggregate";
import { readVendorCsv } from "../../../src/io/vendor/read-vendor";
import { exportProfiles, importProfiles, validateProfile, type UserProfile } from "../../../src/io/vendor/user-profile";
import { utf8 } from "./fixtures";

const PROFILE: UserProfile = {
  id: "backup-vendor",
  version: 1,
  name: "Backup vendor",
  match: { requiredHeaders: ["Tenant", "Plan"] },
  number: { decimalSeparator: "auto" },
  dateFormat: "DD.MM.YYYY",
  columns: { customerId: "Tenant", customerName: "Company", articleKey: "Plan", articleName: "Plan name", quantity: "Qty", amount: "Cost", usageDate: "Day", unit: "Unit", listPrice: "Retail", chargeType: "Kind" },
  sign: { mode: "asIs" },
  currency: "EUR",
  usage: { rows: { column: "Kind", values: ["Storage", "Egress"] } },
};

const FILE = [
  "Tenant;Company;Plan;Plan name;Kind;Qty;Unit;Cost;Retail;Day",
  "T-1;Müller GmbH;BK-SEAT;Backup seat;Seat;12;user;36,00;;01.11.2026",
  "T-1;Müller GmbH;BK-STOR;Backup storage;Storage;120,5;GB;2,41;0,03;03.11.2026",
  "T-1;Müller GmbH;BK-STOR;Backup storage;storage;80;GB;1,60;0,03;20.11.2026",
  "T-1;Müller GmbH;BK-EGR;Egress;EGRESS;10;GB;0,50;;02.12.2026",
].join("\r\n");

describe("user profiles: usage role", () => {
  it("validates, exports and imports the usage role and columns", () => {
    expect(validateProfile(PROFILE)).toEqual({ ok: true, value: PROFILE });
    const back = importProfiles(exportProfiles([PROFILE]));
    expect(back.ok && back.value).toEqual([PROFILE]);
    const bad = validateProfile({ ...PROFILE, usage: { rows: { column: "", values: [] }, when: 1 } });
    expect(!bad.ok && bad.issues.map((i) => [i.code, i.params.field])).toEqual([
      ["profile.field_unknown", "usage.when"],
      ["profile.field_required", "usage.rows.column"],
      ["profile.field_invalid", "usage.rows.values"],
    ]);
    expect(validateProfile({ ...PROFILE, usage: { rows: "all" } }).ok).toBe(true);
  });

  it("rows of the usage values are usage lines on their usage day with list amounts; the others stay seats", () => {
    const r = readVendorCsv(utf8(FILE), { fileName: "backup.csv", profiles: [PROFILE] });
    expect(r.issues).toEqual([]);
    expect(r.lines.map((l) => [l.chargeKind, l.vendorArticleKey, l.quantity, l.chargeFrom, l.unit ?? "", l.listAmount ?? ""])).toEqual([
      ["unknown", "BK-SEAT", "12", null, "", ""], // a seat row has no period columns in this profile
      ["usage", "BK-STOR", "120.5", "2026-11-03", "GB", "3.615"],
      ["usage", "BK-STOR", "80", "2026-11-20", "GB", "2.4"],
      ["usage", "BK-EGR", "10", "2026-12-02", "GB", ""],
    ]);
    const { records } = aggregateUsage(r.lines.filter((l) => l.chargeKind === "usage"));
    expect(records.map((x) => [x.month, x.vendorArticleKey, x.quantity, x.cost, x.listAmount, x.unit])).toEqual([
      ["2026-12", "BK-EGR", "10", "0.5", null, "GB"],
      ["2026-11", "BK-STOR", "200.5", "4.01", "6.015", "GB"],
    ]);
  });
});
