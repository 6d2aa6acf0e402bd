import type { Customer } from "../../../../src/core/contract/model";
import type { CompanyInfo } from "../../../../src/io/export/documents/company";
import { asIssued } from "../../../../src/io/export/documents/issued-parties";

const today: Customer = { no: "1", name: "Müller AG", address: "Neuer Weg 1\n20095 Hamburg", street: "Neuer Weg 1", postcode: "20095", city: "Hamburg", email: "rechnung@mueller.de", vatId: "DE1" };

describe("asIssued", () => {
  it("what was kept wins; an address is taken whole from what was kept, never mixed with today's parts", () => {
    const kept: Customer = { no: "1", name: "Müller GmbH", address: "Lindenallee 12\n22041 Hamburg", vatId: "DE1" };
    expect(asIssued(today, kept)).toEqual({ no: "1", name: "Müller GmbH", address: "Lindenallee 12\n22041 Hamburg", email: "rechnung@mueller.de", vatId: "DE1" });
  });

  it("what was not known at issue comes from today; without kept data or today's, the other one", () => {
    const kept: Customer = { no: "1", name: "Müller GmbH" };
    expect(asIssued(today, kept)).toEqual({ ...today, name: "Müller GmbH" });
    expect(asIssued(today, undefined)).toBe(today);
    expect(asIssued(undefined, kept)).toBe(kept);
  });

  it("a refund account comes only from what was kept: one entered after issue does not turn an issued credit that was set off into one paid out", () => {
    const withRefund: Customer = { ...today, refundIban: "DE02120300000000202051" };
    expect(asIssued(withRefund, { no: "1", name: "Müller GmbH" })).toEqual({ ...today, name: "Müller GmbH" });
    expect(asIssued(withRefund, { no: "1", name: "Müller GmbH", refundIban: "DE89370400440532013000" })!.refundIban).toBe("DE89370400440532013000");
    expect(asIssued(withRefund, undefined)).toBe(withRefund);
  });

  it("a bank account is kept whole too", () => {
    const seller: CompanyInfo = { name: "S", address: "A", iban: "DE02120300000000202051", bankName: "Neue Bank", bic: "NEWBDEFF" };
    expect(asIssued(seller, { name: "S", address: "A", iban: "DE34200505501234567890" })).toEqual({ name: "S", address: "A", iban: "DE34200505501234567890" });
  });
});
