/**
 * billed_until (README "Moving from another billing system"): months up to and including it were
 * billed by an earlier system, so billing charges nothing and no difference for them; a period that
 * straddles it is billed as if the contract started the day after.
 */
import { duePeriods, nextDueDate, settledAfterRun } from "../../../src/core/billing/due-charges";
import { billedUntilProblem } from "../../../src/core/contract/billed-until";
import { contractProblem } from "../../../src/core/contract/contract-check";
import { Book, bill, contract, linesOf, show, version } from "../../support/billing-factories";

const lines = (r: ReturnType<typeof bill>) => linesOf(r.invoices).map(show);

describe("billed_until in a billing run", () => {
  it("monthly in advance from 2024-03: the first run for 2026-12 bills December only, no catch-up of the months billed elsewhere", () => {
    const book: Book = { contracts: [contract({ start: "2024-03-01", billedUntil: "2026-11-30" })], versions: [version({ validFrom: "2024-03-01", quantity: "7", unitPrice: "20.6" })], ledger: [] };
    const dec = bill(book, "2026-12");
    expect(lines(dec)).toEqual(["recurring 2026-12-01..2026-12-31 7×20.6 f1 = 144.20"]);
    expect(linesOf(dec.invoices)[0]!.catchUp).toBeUndefined();
    expect(book.ledger.map((e) => e.month)).toEqual(["2026-12"]);
    expect(lines(bill(book, "2027-01"))).toEqual(["recurring 2027-01-01..2027-01-31 7×20.6 f1 = 144.20"]);
  });

  it("quarterly in advance straddling: only February and March of Q1, day-exact, as for a contract starting on 1 Feb", () => {
    const versions = () => [version({ validFrom: "2025-10-01", quantity: "7", unitPrice: "20.6" }), version({ validFrom: "2026-02-11", quantity: "8", unitPrice: "20.6" })];
    const book: Book = { contracts: [contract({ interval: "quarterly", start: "2025-10-01", billedUntil: "2026-01-31" })], versions: versions(), ledger: [] };
    // Due on 1 Feb, the first day after billed_until: the January run bills nothing.
    expect(bill(book, "2026-01").invoices).toEqual([]);
    const feb = bill(book, "2026-02");
    expect(lines(feb)).toEqual([
      "recurring 2026-02-01..2026-02-10 7×20.6 f0.357143 = 51.50",
      "recurring 2026-02-11..2026-03-31 8×20.6 f1.642857 = 270.74",
    ]);
    const later: Book = { contracts: [contract({ interval: "quarterly", start: "2026-02-01" })], versions: versions().map((v) => ({ ...v, validFrom: v.validFrom < "2026-02-01" ? "2026-02-01" : v.validFrom })), ledger: [] };
    expect(lines(bill(later, "2026-02"))).toEqual(lines(feb));
    expect(lines(bill(book, "2026-04"))).toEqual(["recurring 2026-04-01..2026-06-30 8×20.6 f3 = 494.40"]);
  });

  it("annual in arrears straddling: April to December, with a discount, due on 1 January", () => {
    const book: Book = { contracts: [contract({ interval: "annual", mode: "arrears", start: "2025-01-01", billedUntil: "2026-03-31" })], versions: [version({ validFrom: "2025-01-01", quantity: "3", unitPrice: "49.99", discountPct: "12.5" })], ledger: [] };
    // 2025 was billed elsewhere (due 2026-01-01): nothing to catch up.
    expect(bill(book, "2026-12").invoices).toEqual([]);
    // 3 × 49.99 × 0.875 × 9 months = 1181.01375
    expect(lines(bill(book, "2027-01"))).toEqual(["recurring 2026-04-01..2026-12-31 3×49.99 f9 = 1181.01"]);
  });

  it("a retroactive change into a settled month gives no line for it; into an open month `new − already billed`", () => {
    const book: Book = { contracts: [contract({ start: "2024-03-01", billedUntil: "2026-09-30" })], versions: [version({ validFrom: "2024-03-01" })], ledger: [] };
    expect(lines(bill(book, "2026-10"))).toEqual(["recurring 2026-10-01..2026-10-31 10×31 f1 = 310.00"]);
    book.versions.push(version({ validFrom: "2026-09-16", quantity: "12" }));
    expect(lines(bill(book, "2026-11"))).toEqual([
      "difference 2026-10-01..2026-10-31 2×31 f1 = 62.00 ↩RE-1",
      "recurring 2026-11-01..2026-11-30 12×31 f1 = 372.00",
    ]);
  });

  it("months this program billed itself and later declared billed elsewhere get no difference", () => {
    const book: Book = { contracts: [contract({ start: "2026-01-01" })], versions: [version()], ledger: [] };
    bill(book, "2026-10");
    book.contracts = [contract({ start: "2026-01-01", billedUntil: "2026-09-30" })];
    book.versions.push(version({ validFrom: "2026-09-01", quantity: "11" }));
    expect(lines(bill(book, "2026-10", "again"))).toEqual(["difference 2026-10-01..2026-10-31 1×31 f1 = 31.00 ↩RE-1"]);
  });

  it("a contract billed elsewhere up to its end has nothing left to bill", () => {
    const book: Book = { contracts: [contract({ start: "2024-03-01", end: "2026-06-30", billedUntil: "2026-06-30" })], versions: [version({ validFrom: "2024-03-01" })], ledger: [] };
    expect(bill(book, "2026-12").invoices).toEqual([]);
  });

  it("refuses a stored billed_until that is not the last day of a month (an edited backup)", () => {
    const book: Book = { contracts: [contract({ billedUntil: "2026-02-15" })], versions: [version()], ledger: [] };
    const r = bill(book, "2026-03");
    expect(r.invoices).toEqual([]);
    expect(r.issues).toEqual([{ code: "billing.invalid_contract", severity: "error", params: { contract: "V-1", field: "billed_until", value: "2026-02-15" } }]);
    expect(contractProblem(contract({ billedUntil: "2026-02-28" }))).toBeNull();
  });
});

describe("billed_until in due dates", () => {
  const c = contract({ interval: "quarterly", start: "2025-10-01", billedUntil: "2026-01-31" });

  it("cuts the straddling period to the day after and takes its due date from the cut", () => {
    expect(duePeriods(c, "2026-04").map((p) => `${p.start}..${p.end}`)).toEqual(["2026-02-01..2026-03-31", "2026-04-01..2026-06-30"]);
    expect(duePeriods(c, "2026-01")).toEqual([]);
    expect(nextDueDate(c, "2026-01-10")).toBe("2026-02-01");
    expect(nextDueDate({ ...c, end: "2026-01-31" }, "2026-01-10")).toBeNull();
  });

  it("raises the billing watermark only once something is due", () => {
    expect(settledAfterRun(c, "2026-01")).toBeUndefined();
    expect(settledAfterRun(c, "2026-02")).toBe("2026-03");
  });

  it("accepts the last day of a month from the month before the start's month", () => {
    expect(billedUntilProblem("2026-02-28", "2024-03-01")).toBeNull();
    expect(billedUntilProblem("2024-02-29", "2024-03-01")).toBeNull();
    expect(billedUntilProblem("2024-02-29", "2024-03-15")).toBeNull();
    expect(billedUntilProblem("2024-01-31", "2024-03-15")).toBe("before_start");
    expect(billedUntilProblem("2026-02-27", "2024-03-01")).toBe("not_month_end");
  });
});
