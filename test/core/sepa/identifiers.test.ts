import fc from "fast-check";
import { getCountrySpecifications } from "ibantools";
import { checkBic } from "../../../src/core/sepa/bic";
import { checkCreditorId, creditorIdCheckDigits, mod97 } from "../../../src/core/sepa/creditor-id";
import { SEPA_IBAN_LENGTHS, checkIban, formatIban, ibanBankCode, isSepaCountry, maskIban, normalizeIban } from "../../../src/core/sepa/iban";

/** An IBAN with correct ISO 13616 check digits for a country and BBAN. */
function ibanOf(country: string, bban: string): string {
  const digits = [...`${bban}${country}00`].map((c) => (/[0-9]/.test(c) ? c : String(c.charCodeAt(0) - 55))).join("");
  return `${country}${String(98 - mod97(digits)).padStart(2, "0")}${bban}`;
}

const codeOf = (r: { ok: boolean; issues?: { code: string }[] }): string | undefined => (r.ok ? undefined : r.issues?.[0]?.code);

describe("IBAN", () => {
  it.each([
    "DE89370400440532013000",
    "AT611904300234573201",
    "NL91ABNA0417164300",
    "FR1420041010050500013M02606",
    "GB29NWBK60161331926819",
    "CH9300762011623852957",
    "BE68539007547034",
    "IT60X0542811101000000123456",
    "ES9121000418450200051332",
    "NO9386011117947",
    "MT84MALT011000012345MTLCAST001S",
    "AL47212110090000000235698741",
    "ME25505000012345678951",
    "MK07250120000058984",
    "MD24AG000225100013104168",
    "RS35260005601001611379",
  ])("accepts %s", (iban) => {
    expect(checkIban(iban)).toEqual({ ok: true, value: iban });
  });

  it("normalises spaces and small letters to the electronic form", () => {
    expect(checkIban(" de89 3704 0044 0532 0130 00 ")).toEqual({ ok: true, value: "DE89370400440532013000" });
    expect(checkIban("DE89\u00a03704\u00a00044 0532 0130 00")).toEqual({ ok: true, value: "DE89370400440532013000" });
    expect(normalizeIban("de89 3704")).toBe("DE893704");
  });

  it("names what is wrong", () => {
    expect(codeOf(checkIban("DE88370400440532013000"))).toBe("sepa.iban_checksum");
    expect(codeOf(checkIban("DE8937040044053201300"))).toBe("sepa.iban_length");
    expect(checkIban("DE8937040044053201300")).toMatchObject({ issues: [{ params: { country: "DE", expected: 22, actual: 21 } }] });
    expect(codeOf(checkIban("TR330006100519786457841326"))).toBe("sepa.iban_not_sepa");
    expect(codeOf(checkIban("US12345"))).toBe("sepa.iban_not_sepa");
    expect(codeOf(checkIban("DE89-3704-0044"))).toBe("sepa.iban_syntax");
    expect(codeOf(checkIban(""))).toBe("sepa.iban_syntax");
    // Letters where Germany's BBAN has digits: the check digits fit, the structure does not.
    expect(codeOf(checkIban(ibanOf("DE", "37040044053201300A")))).toBe("sepa.iban_structure");
    // Belgium has national check digits (the last two of the BBAN).
    expect(codeOf(checkIban(ibanOf("BE", "539007547035")))).toBe("sepa.iban_national_checksum");
  });

  it("knows every SEPA country with the IBAN registry's length", () => {
    const specs = getCountrySpecifications();
    expect(Object.keys(SEPA_IBAN_LENGTHS)).toHaveLength(42);
    for (const [country, length] of Object.entries(SEPA_IBAN_LENGTHS)) expect([country, specs[country]?.chars]).toEqual([country, length]);
    for (const c of ["DE", "AT", "CH", "GB", "NO", "IS", "LI", "MC", "SM", "VA", "AD", "GI", "AL", "ME", "MD", "MK", "RS"]) expect(isSepaCountry(c)).toBe(true);
    for (const c of ["US", "TR", "UA", "BA", "XK"]) expect(isSepaCountry(c)).toBe(false);
  });

  it("detects every change of one digit of a German IBAN (mod 97)", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{18}$/), fc.nat(21), fc.integer({ min: 1, max: 9 }), (bban, at, delta) => {
        const iban = ibanOf("DE", bban);
        expect(checkIban(iban)).toEqual({ ok: true, value: iban });
        const pos = 2 + (at % 20);
        const changed = iban.slice(0, pos) + String((Number(iban[pos]) + delta) % 10) + iban.slice(pos + 1);
        expect(checkIban(changed).ok).toBe(false);
      }),
    );
  });

  it("formats in groups of four and masks all but country, check digits and the last four", () => {
    expect(formatIban("DE89370400440532013000")).toBe("DE89 3704 0044 0532 0130 00");
    expect(maskIban("DE89 3704 0044 0532 0130 00")).toBe("DE89 XXXX XXXX XXXX XX30 00");
    expect(maskIban("NO9386011117947")).toBe("NO93 XXXX XXX7 947");
  });

  it("tells the bank from the IBAN where the registry defines it", () => {
    expect(ibanBankCode("DE89370400440532013000")).toBe("DE:37040044");
    expect(ibanBankCode(ibanOf("DE", "370400440532013001"))).toBe("DE:37040044");
    expect(ibanBankCode(ibanOf("DE", "120300000000202051"))).toBe("DE:12030000");
    expect(ibanBankCode("NL91ABNA0417164300")).toBe("NL:ABNA");
  });
});

describe("BIC", () => {
  it.each(["COBADEFFXXX", "COBADEFF", "cobadeff xxx", "DEUTDEDB110", "GENODEF1M04"])("accepts %s", (bic) => {
    expect(checkBic(bic).ok).toBe(true);
  });
  it("returns capitals without spaces", () => {
    expect(checkBic("coba de ff")).toEqual({ ok: true, value: "COBADEFF" });
  });
  it.each(["COBADEF", "COBADEFFXX", "COBA1EFF", "COBAXXFF", "COBADEFF-XX", ""])("rejects %s", (bic) => {
    expect(codeOf(checkBic(bic))).toBe("sepa.bic_invalid");
  });
});

describe("creditor identifier", () => {
  it("accepts the Bundesbank's example and normalises it", () => {
    expect(checkCreditorId("DE98ZZZ09999999999")).toEqual({ ok: true, value: "DE98ZZZ09999999999" });
    expect(checkCreditorId(" de98 zzz0 9999 9999 99")).toEqual({ ok: true, value: "DE98ZZZ09999999999" });
    expect(creditorIdCheckDigits("DE", "09999999999")).toBe("98");
  });

  it("leaves the creditor business code out of the check", () => {
    expect(checkCreditorId("DE98ABC09999999999").ok).toBe(true);
    expect(checkCreditorId("DE9800109999999999").ok).toBe(true);
  });

  it("names what is wrong", () => {
    expect(codeOf(checkCreditorId("DE97ZZZ09999999999"))).toBe("sepa.creditor_id_checksum");
    expect(codeOf(checkCreditorId("DE98ZZZ0999999999"))).toBe("sepa.creditor_id_syntax");
    expect(codeOf(checkCreditorId("DE98ZZZ0999999999A"))).toBe("sepa.creditor_id_syntax");
    expect(codeOf(checkCreditorId("US98ZZZ09999999999"))).toBe("sepa.creditor_id_country");
    expect(codeOf(checkCreditorId("ZZZ09999999999"))).toBe("sepa.creditor_id_syntax");
  });

  it("accepts other countries' formats with their check digits", () => {
    // Austria: AT + check + ZZZ + 11 characters; the Netherlands: NL + check + ZZZ + KvK number + 4 digits.
    expect(checkCreditorId(`AT${creditorIdCheckDigits("AT", "00000000001")}ZZZ00000000001`).ok).toBe(true);
    expect(checkCreditorId(`NL${creditorIdCheckDigits("NL", "123456780000")}ZZZ123456780000`).ok).toBe(true);
  });

  it("accepts any German national id with its check digits and any business code; one changed digit fails", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{11}$/), fc.stringMatching(/^[A-Z0-9]{3}$/), fc.nat(10), fc.integer({ min: 1, max: 9 }), (national, code, at, delta) => {
        const id = `DE${creditorIdCheckDigits("DE", national)}${code}${national}`;
        expect(checkCreditorId(id)).toEqual({ ok: true, value: id });
        const changed = national.slice(0, at) + String((Number(national[at]) + delta) % 10) + national.slice(at + 1);
        expect(checkCreditorId(`DE${id.slice(2, 4)}${code}${changed}`).ok).toBe(false);
      }),
    );
  });
});
