/**
 * The store-backed custom functions (MSP.QTY, PRICE, CONTRACT, BILLED, MARGIN, VERSION, NEXTBILL)
 * against a seeded fake-indexeddb store: good input (serials and text dates, before and after a
 * version change), bad input (#VALUE!) and missing things (#N/A), each with a message.
 */
import { billed, contract, margin, nextbill, price, qty, version } from "../../src/functions/functions";
import { configureFunctions, resetFunctionsEnvironment } from "../../src/functions/environment";
import type { BillingStore } from "../../src/store/port";
import { rejection, seededStore, serial } from "./seed";

let store: BillingStore;

beforeAll(async () => {
  store = await seededStore();
});

beforeEach(() => {
  resetFunctionsEnvironment();
  configureFunctions({ store: () => store, today: () => "2026-02-10", language: () => "en" });
});

afterAll(async () => {
  resetFunctionsEnvironment();
  await store.close();
});

describe("MSP.QTY", () => {
  it.each([
    // customer, article, date, expected
    ["10001", "M365-BP", "2026-01-15", 10], // V-1002 not started yet
    ["10001", "M365-BP", "2026-02-10", 15], // 10 (V-1001) + 5 (V-1002)
    ["10001", "M365-BP", "14.03.2026", 15], // the day before the version change of V-1001/1
    ["10001", "M365-BP", "15.03.2026", 17], // from the change: 12 + 5
    ["10001", "M365-BP", serial("2026-03-15"), 17], // Excel serial
    ["10001", "M365-BP", serial("2026-03-15") + 0.75, 17], // serial with a time of day
    ["10001", "M365-BP", "2026-07-01", 12], // V-1002 ended with quantity 0
    ["10001", "M365-E3", "2026-01-01", 3],
    ["10001", "M365-BP", "2025-12-31", 0], // before any contract
    ["10002", "MS-BASIC", "2026-02-14", 0], // the day before the contract start
    ["10002", "MS-BASIC", "2026-02-15", 1],
    ["10002", "MS-BASIC", "2027-01-01", 0], // after the contract end
    ["10002", "M365-BP", "2026-03-01", 0], // known customer and article, no position
  ])("QTY(%p, %p, %p) = %p", async (customer, article, date, expected) => {
    expect(await qty(customer, article, date)).toBe(expected);
  });

  it("takes a customer number typed as a number, and article numbers in any case", async () => {
    expect(await qty(10001, "M365-BP", "2026-02-10")).toBe(15);
    expect(await qty(10001, "m365-bp", "2026-02-10")).toBe(15);
  });

  it("uses today when the date is omitted, null or empty", async () => {
    expect(await qty("10001", "M365-BP")).toBe(15);
    expect(await qty("10001", "M365-BP", null as unknown as string)).toBe(15);
    expect(await qty("10001", "M365-BP", "")).toBe(15);
    configureFunctions({ today: () => "2026-03-20" });
    expect(await qty("10001", "M365-BP")).toBe(17);
  });
});

describe("MSP.PRICE", () => {
  it("is the net unit price after discount, not rounded", async () => {
    expect(await price("10001", "M365-BP", "2026-01-15")).toBe(20.6);
    expect(await price("10001", "M365-E3", "2026-01-15")).toBe(30.33); // 33.70 × (1 − 10 %)
  });

  it("is the quantity-weighted average over positions at different prices", async () => {
    expect(await price("10001", "M365-BP", "2026-02-10")).toBe(19.6); // (10 × 20.60 + 5 × 17.60) / 15
    expect(await price("10001", "M365-BP", serial("2026-03-15"))).toBeCloseTo(335.2 / 17, 12); // (12 × 20.60 + 5 × 17.60) / 17
    expect(await price("10001", "M365-BP", "2026-07-01")).toBe(20.6); // V-1002 ended
  });

  it("gives #N/A when the customer has no position of the article that day", async () => {
    const e = await rejection(price("10002", "M365-BP", "2026-03-01"));
    expect(e.code).toBe("#N/A");
    expect(e.message).toBe("Customer 10002 has no active position of article M365-BP on 2026-03-01.");
  });
});

describe("MSP.MARGIN", () => {
  it("is the unit price minus the article's purchase price", async () => {
    expect(await margin("10001", "M365-BP", "2026-01-15")).toBe(4.1); // 20.60 − 16.50
    expect(await margin("10001", "M365-BP", "2026-02-10")).toBe(3.1); // 19.60 − 16.50
  });

  it("gives #N/A when the article has no purchase price", async () => {
    const e = await rejection(margin("10001", "M365-E3", "2026-01-15"));
    expect(e).toMatchObject({ code: "#N/A", message: "Article M365-E3 has no purchase price." });
  });
});

describe("MSP.CONTRACT", () => {
  it("finds the contract holding the article today; the first by number when several do", async () => {
    expect(await contract("10001", "M365-E3")).toBe("V-1001");
    expect(await contract("10001", "M365-BP")).toBe("V-1001"); // V-1001 and V-1002 on 2026-02-10
    configureFunctions({ today: () => "2026-03-01" });
    expect(await contract(10002, "MS-BASIC")).toBe("V-2001");
    configureFunctions({ today: () => "2026-01-15" });
    expect(await contract("10001", "M365-BP")).toBe("V-1001");
  });

  it("gives #N/A when no contract holds the article today", async () => {
    configureFunctions({ today: () => "2026-02-01" });
    const e = await rejection(contract("10002", "MS-BASIC")); // starts 2026-02-15
    expect(e).toMatchObject({ code: "#N/A", message: "Customer 10002 has no active position of article MS-BASIC on 2026-02-01." });
  });
});

describe("MSP.BILLED", () => {
  it("sums the rounded amounts of a contract's month, difference lines included", async () => {
    expect(await billed("V-1001", "2026-01")).toBe(276.39); // 206.00 + 90.99 − 20.60
    expect(await billed("V-1001", "2026-02")).toBe(206);
  });

  it.each([["2026-1"], ["01.2026"], ["1.2026"], ["2026-01-31"], ["15.01.2026"], [serial("2026-01-01")], [serial("2026-01-31") + 0.5]])(
    "accepts the month as %p",
    async (month) => {
      expect(await billed("V-1001", month)).toBe(276.39);
    },
  );

  it("is 0 for a month without ledger entries, and knows contracts only the ledger still has", async () => {
    expect(await billed("V-1001", "2026-03")).toBe(0);
    expect(await billed("V-2001", "2026-03")).toBe(0);
    expect(await billed("V-OLD", "2025-12")).toBe(12.34);
  });

  it.each([
    ["2026-13", /not a month/],
    ["Jan 2026", /not a month/],
    ["13.2026", /not a month/],
    ["2026-02-30", /not a valid calendar date/],
    [0, /outside Excel's date range/],
  ])("gives #VALUE! for the month %p", async (month, message) => {
    const e = await rejection(billed("V-1001", month));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(message);
  });

  it("gives #N/A for an unknown contract", async () => {
    const e = await rejection(billed("V-9999", "2026-01"));
    expect(e).toMatchObject({ code: "#N/A", message: "Contract V-9999 does not exist." });
  });
});

describe("MSP.VERSION", () => {
  it("returns the valid-from date (Excel serial) of the latest version in force", async () => {
    expect(await version("V-1001", "2026-03-14")).toBe(serial("2026-01-01"));
    expect(await version("V-1001", "2026-03-15")).toBe(serial("2026-03-15"));
    expect(await version("V-1001", serial("2026-12-31"))).toBe(serial("2026-03-15"));
    expect(await version("V-1002", "01.08.2026")).toBe(serial("2026-07-01")); // the ending version counts
    expect(await version("V-1001")).toBe(serial("2026-01-01")); // today = 2026-02-10
  });

  it("gives #N/A before the first version and for an unknown contract", async () => {
    expect(await rejection(version("V-1001", "2025-12-31"))).toMatchObject({ code: "#N/A", message: "Contract V-1001 has no version on or before 2025-12-31." });
    expect(await rejection(version("V-9999", "2026-01-01"))).toMatchObject({ code: "#N/A", message: "Contract V-9999 does not exist." });
  });
});

describe("MSP.NEXTBILL", () => {
  it.each([
    // contract, date, expected due date
    ["V-1001", "2026-03-10", "2026-04-01"], // monthly in advance
    ["V-1001", "2026-04-01", "2026-04-01"], // a period due on the day counts
    ["V-1001", "2025-06-01", "2026-01-01"], // before the start: the first period
    ["V-2001", "2026-02-20", "2026-04-01"], // quarterly in arrears, Q1 cut to 15 Feb – 31 Mar
    ["V-2001", "2026-04-01", "2026-04-01"],
    ["V-2001", "2026-04-02", "2026-07-01"],
    ["V-2001", "2026-12-31", "2027-01-01"], // the last period, cut at the contract end
    ["V-1002", "2026-01-10", "2026-02-01"], // annual in advance, cut to the start
    ["V-1002", "2026-02-02", "2027-01-01"],
  ])("NEXTBILL(%p, %p) = %p", async (contractNo, date, expected) => {
    expect(await nextbill(contractNo, date)).toBe(serial(expected));
  });

  it("starts from today when the date is omitted", async () => {
    expect(await nextbill("V-1001")).toBe(serial("2026-03-01"));
    expect(await nextbill("V-1001", serial("2026-02-10"))).toBe(serial("2026-03-01"));
  });

  it("gives #N/A when nothing falls due any more, or for an unknown contract", async () => {
    expect(await rejection(nextbill("V-2001", "2027-01-02"))).toMatchObject({ code: "#N/A", message: "Contract V-2001 ends on 2026-12-31; nothing falls due on or after 2027-01-02." });
    expect(await rejection(nextbill("X-1", "2027-01-02"))).toMatchObject({ code: "#N/A", message: "Contract X-1 does not exist." });
  });
});

describe("bad input gives #VALUE! with a message", () => {
  it.each([
    ["missing customer", () => qty("", "M365-BP", "2026-01-01"), /^customer is missing\.$/],
    ["boolean customer", () => qty(true as unknown as string, "M365-BP", "2026-01-01"), /customer: true is not a valid number/],
    ["fractional customer number", () => price(10001.5, "M365-BP", "2026-01-01"), /customer: 10001.5 is not a valid number/],
    ["missing article", () => price("10001", null as unknown as string, "2026-01-01"), /^article is missing\.$/],
    ["impossible date", () => qty("10001", "M365-BP", "2026-02-30"), /date: "2026-02-30" is not a valid calendar date/],
    ["US date", () => margin("10001", "M365-BP", "01/31/2026"), /date: "01\/31\/2026" is not a date/],
    ["German date, impossible", () => qty("10001", "M365-BP", "31.04.2026"), /not a valid calendar date/],
    ["serial 0", () => qty("10001", "M365-BP", 0), /outside Excel's date range/],
    ["serial 60", () => version("V-1001", 60), /1900-02-29/],
    ["boolean date", () => nextbill("V-1001", false as unknown as string), /date: false is not a date/],
    ["missing contract", () => version(" ", "2026-01-01"), /^contract is missing\.$/],
    ["missing month", () => billed("V-1001", ""), /^month is missing\.$/],
  ])("%s", async (_label, call, message) => {
    const e = await rejection(call());
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(message);
  });

  it("checks the input before the store: bad input beats an unknown customer", async () => {
    expect((await rejection(qty("99999", "M365-BP", "x"))).code).toBe("#VALUE!");
  });
});

describe("unknown customers, articles and contracts give #N/A with a message", () => {
  it.each([
    ["QTY", () => qty("99999", "M365-BP", "2026-01-01"), "Customer 99999 does not exist."],
    ["PRICE", () => price(99999, "M365-BP", "2026-01-01"), "Customer 99999 does not exist."],
    ["MARGIN", () => margin("99999", "M365-BP"), "Customer 99999 does not exist."],
    ["CONTRACT", () => contract("99999", "M365-BP"), "Customer 99999 does not exist."],
    ["QTY, article", () => qty("10001", "NOPE", "2026-01-01"), "Article NOPE does not exist."],
    ["CONTRACT, article", () => contract("10001", "NOPE"), "Article NOPE does not exist."],
    ["VERSION", () => version("NOPE"), "Contract NOPE does not exist."],
    ["NEXTBILL", () => nextbill("NOPE"), "Contract NOPE does not exist."],
  ])("%s", async (_label, call, message) => {
    expect(await rejection(call())).toMatchObject({ code: "#N/A", message });
  });
});

describe("messages follow the Office display language", () => {
  it("words errors in German when Office runs in German", async () => {
    configureFunctions({ language: () => "de" });
    expect(await rejection(qty("99999", "M365-BP", "2026-01-01"))).toMatchObject({ code: "#N/A", message: "Kunde 99999 gibt es nicht." });
    expect(await rejection(qty("10001", "M365-BP", "morgen"))).toMatchObject({
      code: "#VALUE!",
      message: "datum: „morgen“ ist kein Datum (Datumszelle, JJJJ-MM-TT oder TT.MM.JJJJ verwenden).",
    });
  });

  it("reads the language from Office.context.displayLanguage by default", async () => {
    const { officeLanguage } = await import("../../src/functions/environment");
    const g = globalThis as unknown as { Office?: unknown };
    expect(officeLanguage()).toBe("en"); // no Office outside the add-in
    g.Office = { context: { displayLanguage: "de-DE" } };
    try {
      expect(officeLanguage()).toBe("de");
      g.Office = { context: { displayLanguage: "en-GB" } };
      expect(officeLanguage()).toBe("en");
    } finally {
      delete g.Office;
    }
  });
});

describe("when the store is not available", () => {
  it("gives #N/A with the reason, and tries again on the next call", async () => {
    let fail = true;
    configureFunctions({
      store: () => {
        if (fail) throw new Error("IndexedDB is blocked");
        return store;
      },
    });
    expect(await rejection(qty("10001", "M365-BP", "2026-01-01"))).toMatchObject({ code: "#N/A", message: "The billing store is not available: IndexedDB is blocked" });
    fail = false;
    expect(await qty("10001", "M365-BP", "2026-01-01")).toBe(10);
  });

  it("gives up after the timeout instead of leaving the cell #BUSY!", async () => {
    configureFunctions({ store: () => new Promise<BillingStore>(() => {}), storeTimeoutMs: 20 });
    expect(await rejection(price("10001", "M365-BP", "2026-01-01"))).toMatchObject({ code: "#N/A", message: "The billing store did not answer within 1 s; recalculate to try again." });
  });
});

describe("the add-in's default store", () => {
  it("is one lazily created browser store for the whole runtime", async () => {
    const { getBrowserStore } = await import("../../src/store/browser-db");
    expect(getBrowserStore()).toBe(getBrowserStore());
    expect(getBrowserStore().location).toBe("indexeddb:msp-billing");
  });

  it("is what the functions use unless configured; without IndexedDB (Node) that is #N/A with the reason", async () => {
    resetFunctionsEnvironment();
    const e = await rejection(qty("10001", "M365-BP", "2026-01-01"));
    expect(e.code).toBe("#N/A");
    expect(e.message).toMatch(/^The billing store is not available: .*IndexedDB/i);
  });
});
