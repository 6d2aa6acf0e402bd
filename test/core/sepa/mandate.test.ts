import fc from "fast-check";
import { type IsoDate, addDays } from "../../../src/core/date/iso-date";
import { identifierProblem, isSepaText, nonSepaChars, toSepaText } from "../../../src/core/sepa/charset";
import { addMonthsToDate, checkMandateRef, mandateExpiresOn, mandateIssues, sameMandateRef, type Mandate } from "../../../src/core/sepa/mandate";
import { sepaMessageId } from "../../../src/core/sepa/message-id";
import { addTarget2BusinessDays, collectionDateIssues, earliestCollectionDate, isTarget2BusinessDay, nextTarget2BusinessDay } from "../../../src/core/sepa/target2";

const d = (s: string) => s as IsoDate;

describe("SEPA character set", () => {
  it.each([
    ["Müller & Söhne GmbH", "Mueller + Soehne GmbH"],
    ["MÜLLER GMBH", "MUELLER GMBH"],
    ["ÖZTÜRK", "OEZTUERK"],
    ["Über-Straße 5", "Ueber-Strasse 5"],
    ["Café Crème", "Cafe Creme"],
    ["Łódź Sp. z o.o.", "Lodz Sp. z o.o."],
    ["„Quoted“ – text", "'Quoted' - text"],
    ["A_B; C#D", "A-B, C D"],
    ["Preis 5 €", "Preis 5 EUR"],
    ["  line\nbreak\t tab  ", "line break tab"],
    ["日本", ""],
  ])("%s → %s", (input, output) => {
    expect(toSepaText(input)).toBe(output);
  });

  it("cuts to the maximum length without a trailing space", () => {
    expect(toSepaText("Mueller Consulting GmbH", 8)).toBe("Mueller");
    expect(toSepaText("ÄÄÄÄ", 5)).toBe("AEAEA");
  });

  it("always yields text in the set, within the length, and is idempotent", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 80 }), fc.integer({ min: 1, max: 140 }), (text, max) => {
        const out = toSepaText(text, max);
        expect(isSepaText(out)).toBe(true);
        expect(out.length).toBeLessThanOrEqual(max);
        expect(toSepaText(out, max)).toBe(out);
      }),
    );
  });

  it("lists the characters outside the set", () => {
    expect(nonSepaChars("Ab_c&d_ü")).toEqual(["_", "&", "ü"]);
    expect(isSepaText("RE-2026/01 (a+b)?:.,'")).toBe(true);
  });

  it("checks identifiers as German banks define them", () => {
    expect(identifierProblem("RE-000123")).toBeNull();
    expect(identifierProblem("")).toBe("empty");
    expect(identifierProblem("A".repeat(36))).toBe("too_long");
    expect(identifierProblem("RE 1")).toBe("chars");
    expect(identifierProblem("RE_1")).toBe("chars");
    expect(identifierProblem("/RE1")).toBe("slash");
    expect(identifierProblem("RE1/")).toBe("slash");
    expect(identifierProblem("RE//1")).toBe("slash");
  });
});

describe("mandate reference", () => {
  it("accepts references of up to 35 characters of the set", () => {
    expect(checkMandateRef(" MND-4711/2026 ")).toEqual({ ok: true, value: "MND-4711/2026" });
    expect(checkMandateRef("A".repeat(35)).ok).toBe(true);
    expect(checkMandateRef("(a+b)?:.,'").ok).toBe(true);
  });

  it("names the problem", () => {
    expect(checkMandateRef("A".repeat(36))).toMatchObject({ ok: false, issues: [{ code: "sepa.mandate_ref_too_long", params: { length: 36 } }] });
    expect(checkMandateRef("MÜ 1")).toMatchObject({ ok: false, issues: [{ code: "sepa.mandate_ref_chars", params: { chars: "Ü ␣" } }] });
    expect(checkMandateRef("/M1")).toMatchObject({ ok: false, issues: [{ code: "sepa.mandate_ref_slash" }] });
    expect(checkMandateRef("")).toMatchObject({ ok: false, issues: [{ code: "parse.required" }] });
  });

  it("is case-insensitive", () => {
    expect(sameMandateRef("mnd-1", "MND-1")).toBe(true);
    expect(sameMandateRef("MND-1", "MND-2")).toBe(false);
  });
});

describe("mandate expiry (36 months without collection)", () => {
  it("adds months keeping the day, or the month's last day", () => {
    expect(addMonthsToDate(d("2023-01-15"), 36)).toBe("2026-01-15");
    expect(addMonthsToDate(d("2023-05-31"), 1)).toBe("2023-06-30");
    expect(addMonthsToDate(d("2021-02-28"), 36)).toBe("2024-02-28");
    expect(addMonthsToDate(d("2024-02-29"), 12)).toBe("2025-02-28");
  });

  it("lapses 36 months after the last use", () => {
    expect(mandateExpiresOn(d("2023-03-01"))).toBe("2026-03-01");
  });
});

describe("mandate data", () => {
  const mandate: Mandate = { customerNo: "K1", mandateRef: "M-1", signatureDate: d("2025-01-10"), iban: "DE89370400440532013000", scheme: "CORE", debtorName: "Kunde GmbH" };

  it("is fine when complete", () => {
    expect(mandateIssues(mandate, d("2026-01-01"))).toEqual([]);
  });

  it("lists every problem with customer and mandate", () => {
    const bad: Mandate = { ...mandate, mandateRef: "M 1", iban: "DE88370400440532013000", bic: "XX", debtorName: " ", signatureDate: d("2026-02-01"), lastCollectionDate: d("2026-01-01"), amendments: [{ changedOn: d("2026-01-15"), previousIban: "DE00" }] };
    const codes = mandateIssues(bad, d("2026-01-20")).map((i) => i.code);
    expect(codes).toEqual([
      "sepa.mandate_ref_chars", "sepa.iban_checksum", "sepa.bic_invalid", "sepa.mandate_no_name", "sepa.mandate_signed_in_future",
      "sepa.mandate_used_before_signature", "sepa.amendment_before_signature", "sepa.iban_syntax",
    ]);
    expect(mandateIssues(bad, d("2026-01-20"))[1]!.params).toMatchObject({ customer: "K1", mandate: "M 1" });
  });
});

describe("TARGET2 calendar", () => {
  it.each(["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-01", "2026-12-25", "2026-12-26", "2027-03-26", "2027-03-29", "2026-01-03", "2026-01-04"])("%s is closed", (date) => {
    expect(isTarget2BusinessDay(d(date))).toBe(false);
  });

  it.each(["2026-01-02", "2026-04-02", "2026-04-07", "2026-05-14", "2026-05-25", "2025-10-03", "2026-12-24", "2026-12-31"])("%s is open (German holidays other than Easter do not close TARGET2)", (date) => {
    expect(isTarget2BusinessDay(d(date))).toBe(true);
  });

  it("counts business days", () => {
    expect(nextTarget2BusinessDay(d("2026-04-03"))).toBe("2026-04-07");
    expect(addTarget2BusinessDays(d("2026-04-02"), 1)).toBe("2026-04-07");
    expect(addTarget2BusinessDays(d("2026-12-23"), 2)).toBe("2026-12-28");
  });

  it("gives the earliest collection date for a file handed in today", () => {
    expect(earliestCollectionDate(d("2026-01-08"), 1)).toBe("2026-01-09");
    expect(earliestCollectionDate(d("2026-01-09"), 1)).toBe("2026-01-12");
    expect(earliestCollectionDate(d("2026-01-10"), 1)).toBe("2026-01-13");
    expect(earliestCollectionDate(d("2026-01-09"), 2)).toBe("2026-01-13");
  });

  it("checks a collection date", () => {
    expect(collectionDateIssues(d("2026-01-12"), d("2026-01-09"), 1)).toEqual([]);
    expect(collectionDateIssues(d("2026-01-10"), d("2026-01-07"), 1).map((i) => i.code)).toEqual(["sepa.collection_not_business_day"]);
    expect(collectionDateIssues(d("2026-01-09"), d("2026-01-09"), 1)).toMatchObject([{ code: "sepa.collection_too_early", params: { earliest: "2026-01-12" } }]);
    expect(collectionDateIssues(d("2026-01-08"), d("2026-01-09"), 1).map((i) => i.code)).toEqual(["sepa.collection_too_early"]);
  });

  it("the earliest date is a business day after today and passes the check", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), fc.integer({ min: 1, max: 5 }), (offset, lead) => {
        const today = addDays(d("2024-01-01"), offset);
        const earliest = earliestCollectionDate(today, lead);
        expect(earliest > today).toBe(true);
        expect(isTarget2BusinessDay(earliest)).toBe(true);
        expect(collectionDateIssues(earliest, today, lead)).toEqual([]);
      }),
    );
  });
});

describe("message id", () => {
  it("is unique per run, file and scheme and fits the identifier rules", () => {
    expect(sepaMessageId("2026-01", 1, "CORE")).toBe("SDD-2026-01-1");
    expect(sepaMessageId("2026-01", 2, "B2B")).toBe("SDD-2026-01-2-B2B");
    expect(sepaMessageId("Lauf März/2026 #3", 1, "CORE")).toBe("SDD-Lauf-M-rz-2026-3-1");
    const long = sepaMessageId("x".repeat(80), 12, "B2B");
    expect(long.length).toBeLessThanOrEqual(33);
    expect(long.endsWith("-12-B2B")).toBe(true);
  });
});
