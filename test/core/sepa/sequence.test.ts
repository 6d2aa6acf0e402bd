import { type CollectionRecord, mandateRecords, mandateUse } from "../../../src/core/sepa/sequence";
import { CREDITOR, d, deIban, mandateOf } from "./fixtures";

const creditor = { creditorId: "DE98ZZZ09999999999" };

function record(over: Partial<CollectionRecord> = {}): CollectionRecord {
  const m = mandateOf("K1");
  return {
    invoiceRef: "RE-1", customerNo: "K1", messageId: "SDD-1", collectionDate: d("2025-12-01"), sequenceType: "FRST", scheme: "CORE",
    mandateRef: m.mandateRef, iban: m.iban, creditorId: creditor.creditorId, amount: "10.00", ...over,
  };
}

describe("sequence type", () => {
  it("is FRST for a mandate never used, RCUR after a collection", () => {
    const m = mandateOf("K1");
    expect(mandateUse(m, [], creditor)).toEqual({ sequenceType: "FRST", expiresOn: "2028-06-01" });
    expect(mandateUse(m, [record()], creditor)).toEqual({ sequenceType: "RCUR", lastCollection: "2025-12-01", expiresOn: "2028-12-01" });
  });

  it("is RCUR for the first collection when the creditor settings say so (allowed since November 2016)", () => {
    expect(mandateUse(mandateOf("K1"), [], { ...creditor, firstSequenceType: "RCUR" }).sequenceType).toBe("RCUR");
  });

  it("counts a collection made outside this program (lastCollectionDate)", () => {
    const m = mandateOf("K1", { lastCollectionDate: d("2024-03-05") });
    expect(mandateUse(m, [], creditor)).toEqual({ sequenceType: "RCUR", lastCollection: "2024-03-05", expiresOn: "2027-03-05" });
  });

  it("ignores other customers' records and records of other mandates", () => {
    const m = mandateOf("K1");
    expect(mandateUse(m, [record({ customerNo: "K2" }), record({ mandateRef: "MND-OLD" })], creditor).sequenceType).toBe("FRST");
    expect(mandateRecords(m, [record({ mandateRef: "mnd-k1" })])).toHaveLength(1);
  });

  it("follows a mandate under its earlier reference", () => {
    const m = mandateOf("K1", { mandateRef: "MND-NEU", amendments: [{ changedOn: d("2026-01-01"), previousMandateRef: "MND-K1" }] });
    const use = mandateUse(m, [record()], creditor);
    expect(use.sequenceType).toBe("RCUR");
    expect(use.amendment).toEqual({ originalMandateRef: "MND-K1" });
  });
});

describe("amendments since the last collection", () => {
  it("none when nothing changed", () => {
    expect(mandateUse(mandateOf("K1"), [record()], creditor).amendment).toBeUndefined();
  });

  it("a new account at the same bank gives the original IBAN", () => {
    const old = deIban("37040044", 1);
    const m = mandateOf("K1", { iban: deIban("37040044", 999) });
    expect(mandateUse(m, [record({ iban: old })], creditor).amendment).toEqual({ originalIban: old });
  });

  it("a move to another bank gives SMNDA", () => {
    const m = mandateOf("K1", { iban: deIban("12030000", 1) });
    expect(mandateUse(m, [record({ iban: deIban("37040044", 1) })], creditor).amendment).toEqual({ newDebtorBank: true });
    // Another country: the bank cannot be the same.
    expect(mandateUse(mandateOf("K1", { iban: "AT611904300234573201" }), [record()], creditor).amendment).toEqual({ newDebtorBank: true });
  });

  it("our changed creditor identifier gives the original one", () => {
    expect(mandateUse(mandateOf("K1"), [record({ creditorId: "DE21ZZZ00000000001" })], creditor).amendment).toEqual({ originalCreditorId: "DE21ZZZ00000000001" });
  });

  it("compares with the latest collection only: a change reported once is not reported again", () => {
    const m = mandateOf("K1", { iban: deIban("12030000", 1) });
    const records = [record({ iban: deIban("37040044", 1) }), record({ invoiceRef: "RE-2", collectionDate: d("2026-01-05"), iban: m.iban, sequenceType: "RCUR" })];
    expect(mandateUse(m, records, creditor).amendment).toBeUndefined();
  });

  it("for an outside collection, uses the amendments dated after it", () => {
    const m = mandateOf("K1", {
      mandateRef: "MND-2", iban: deIban("12030000", 7), lastCollectionDate: d("2025-10-01"),
      amendments: [{ changedOn: d("2025-09-01"), previousMandateRef: "MND-0" }, { changedOn: d("2025-11-01"), previousMandateRef: "MND-1", previousIban: deIban("37040044", 7) }],
    });
    expect(mandateUse(m, [], creditor).amendment).toEqual({ originalMandateRef: "MND-1", newDebtorBank: true });
    // A change before the last collection was already reported with it.
    expect(mandateUse({ ...m, lastCollectionDate: d("2025-12-01") }, [], creditor).amendment).toBeUndefined();
  });

  it("a mandate never collected has no amendment, whatever changed", () => {
    const m = mandateOf("K1", { amendments: [{ changedOn: d("2025-07-01"), previousIban: deIban("37040044", 5) }] });
    expect(mandateUse(m, [], creditor)).toEqual({ sequenceType: "FRST", expiresOn: "2028-06-01" });
  });

  it("uses the creditor settings as given (CREDITOR fixture is valid)", () => {
    expect(mandateUse(mandateOf("K1"), [], CREDITOR).sequenceType).toBe("FRST");
  });
});
