import fc from "fast-check";
import { computeClickCharges, type ClickChargeInput } from "../../../src/core/clicks/bill-clicks";
import { type MeterReading, readingId } from "../../../src/core/clicks/model";
import { buildMeterReview, type MeterReviewRow } from "../../../src/core/clicks/review";
import type { Article, Contract } from "../../../src/core/contract/model";
import { formatIssue, messageText } from "../../../src/core/messages";
import { Decimal } from "../../../src/core/money/decimal";
import type { Rules } from "../../../src/core/time/rules";

const ARTICLES = new Map<string, Article>([
  ["SW", { no: "SW", description: "s/w", unitPrice: "0.01", vatPct: "19" }],
  ["F", { no: "F", description: "Farbe", unitPrice: "0.05", vatPct: "19" }],
  ["MIN", { no: "MIN", description: "Mindestumsatz", unitPrice: "20", vatPct: "19" }],
]);
const RULES: Rules = {
  defaults: {},
  contracts: {
    K: { click: { includedBw: 600, includedColor: 0, priceBw: "0.013", priceColor: "0.05", articleBw: "SW", articleColor: "F" } },
    M: { click: { includedBw: 1000, includedColor: 0, priceBw: "0.01", priceColor: "0.05", minimumFee: "20", articleBw: "SW", articleColor: "F", articleMinimum: "MIN" } },
    N: { click: { includedBw: 0, includedColor: 0, priceBw: "0.01", priceColor: "0.05", articleBw: "SW", articleColor: "F" } },
  },
};
const contract = (no: string, customerNo: string, start: string): Contract => ({ no, customerNo, type: "click", interval: "monthly", mode: "arrears", start });
const CONTRACTS = [contract("K", "1", "2026-01-01"), contract("M", "2", "2026-02-15"), contract("N", "3", "2026-02-01")];
const CUSTOMERS = new Map([["1", "Druck KG"], ["2", "Kopie GmbH"], ["3", "Neu AG"]]);
const r = (contractNo: string, device: string, date: string, bw: number, color = 0, row = 2): MeterReading => ({
  id: readingId(device, date), deviceId: device, customerNo: contractNo === "K" ? "1" : contractNo === "M" ? "2" : "3", contractNo, readingDate: date, counterBw: bw, counterColor: color, source: { file: "z.csv", row },
});
const READINGS = [
  r("K", "A", "2026-01-31", 0), r("K", "A", "2026-02-27", 500, 7),
  r("K", "B", "2026-01-20", 1000), r("K", "B", "2026-02-10", 1200), r("K", "B", "2026-02-25", 1300, 3),
  r("K", "C", "2026-02-15", 40000, 100),
  r("K", "D", "2026-01-15", 5),
  r("M", "E", "2026-02-15", 0), r("M", "E", "2026-02-28", 700),
];
const input = (over: Partial<ClickChargeInput> = {}): ClickChargeInput => ({ runMonth: "2026-02", readings: READINGS, billedMonths: new Set(), rules: RULES, contracts: CONTRACTS, articles: ARTICLES, ...over });

const view = (x: MeterReviewRow) =>
  [x.status, x.month, x.contractNo, x.deviceId || "-", x.previousDate ?? "-", x.readingDates.join("/") || "-", `${x.pagesBw ?? "-"}/${x.pagesColor ?? "-"}`, `${x.includedBw ?? "-"}+${x.overBw ?? "-"}`, x.net ?? "-", x.issues.map((i) => i.code).join(",")].join(" | ");

/** Net of the click lines per contract, as the run bills them. */
function billedPerContract(i: ClickChargeInput): Record<string, string> {
  const out: Record<string, Decimal> = {};
  for (const l of computeClickCharges(i).lines) out[l.contractNo] = (out[l.contractNo] ?? new Decimal(0)).plus(l.net);
  return Object.fromEntries(Object.entries(out).filter(([, v]) => !v.isZero()).map(([k, v]) => [k, v.toFixed(2)]));
}
/** The same from the review's rows (contracts that come to 0.00 left out on both sides). */
function reviewedPerContract(rows: readonly MeterReviewRow[]): Record<string, string> {
  const out: Record<string, Decimal> = {};
  for (const x of rows) if (x.net !== null) out[x.contractNo] = (out[x.contractNo] ?? new Decimal(0)).plus(x.net);
  return Object.fromEntries(Object.entries(out).filter(([, v]) => !v.isZero()).map(([k, v]) => [k, v.toFixed(2)]));
}

describe("buildMeterReview", () => {
  it("one row per contract month and device: readings, pages, included and over, exact device shares, minimum top-up as its own row", () => {
    const review = buildMeterReview(input(), CUSTOMERS);
    expect(review.rows.map(view)).toEqual([
      // January is open (no line: every reading a baseline), so the run for February looks at it too
      "baseline | 2026-01 | K | A | - | 2026-01-31 | 0/0 | 600+0 | 0.00 | meters.review_baseline",
      "baseline | 2026-01 | K | B | - | 2026-01-20 | 0/0 | 600+0 | 0.00 | meters.review_baseline",
      "baseline | 2026-01 | K | D | - | 2026-01-15 | 0/0 | 600+0 | 0.00 | meters.review_baseline",
      // February: 500 + 300 b/w, 600 included → 200 × 0.013 = 2.60 split 5 : 3 (1.625 / 0.975: the tie's cent to A);
      // colour 7 + 3 × 0.05 = 0.50 → 0.35 / 0.15
      "charged | 2026-02 | K | A | 2026-01-31 | 2026-02-27 | 500/7 | 600+200 | 1.98 | ",
      "charged | 2026-02 | K | B | 2026-01-20 | 2026-02-10/2026-02-25 | 300/3 | 600+200 | 1.12 | ",
      "baseline | 2026-02 | K | C | - | 2026-02-15 | 0/0 | 600+200 | 0.00 | meters.review_baseline",
      "no_reading | 2026-02 | K | D | 2026-01-15 | - | -/- | 600+200 | 0.00 | meters.review_no_reading",
      // from 15 February: 14 of 28 days → 500 included, minimum 10.00; 200 × 0.01 = 2.00, topped up by 8.00
      "charged | 2026-02 | M | E | - | 2026-02-15/2026-02-28 | 700/0 | 500+200 | 2.00 | ",
      "minimum_fee | 2026-02 | M | - | - | - | -/- | 500+200 | 8.00 | meters.review_minimum",
      "no_reading | 2026-02 | N | - | - | - | -/- | 0+0 | - | meters.review_no_device",
    ]);
    const b = review.rows[4]!;
    expect([b.previousBw, b.readingBw, b.readingColor, b.priceBw, b.priceColor, b.customerName]).toEqual([1000, 1300, 3, "0.013", "0.05", "Druck KG"]);
    expect(review.totals).toEqual({ rows: 10, contracts: 3, charged: 3, noReading: 2, baselines: 4, problems: 0, net: "13.10" });
    expect(reviewedPerContract(review.rows)).toEqual({ K: "3.10", M: "10.00" });
    expect(billedPerContract(input())).toEqual({ K: "3.10", M: "10.00" });
    expect(messageText(review.rows[8]!.issues[0]!, "de")).toBe("Mindestbetrag 10,00 (anteilig), Seiten ergeben 2,00: aufgestockt um 8,00.");
    expect(messageText(review.rows[6]!.issues[0]!, "de")).toBe("Gerät D hat im Februar 2026 keine Ablesung; seine Seiten zählen im Monat seiner nächsten Ablesung.");
  });

  it("a billed month shows its devices without amounts; billed earlier months are left out", () => {
    const review = buildMeterReview(input({ billedMonths: new Set(["K|2026-01", "K|2026-02", "M|2026-02"]) }), CUSTOMERS);
    expect(review.rows.map((x) => `${x.status} ${x.month} ${x.contractNo} ${x.deviceId} ${x.pagesBw ?? "-"} ${x.net ?? "-"}`)).toEqual([
      "billed 2026-02 K A 500 -",
      "billed 2026-02 K B 300 -",
      "billed 2026-02 K C 0 -",
      "billed 2026-02 K D - -",
      "billed 2026-02 M E 700 -",
      "no_reading 2026-02 N  - -",
    ]);
    expect(review.totals.net).toBe("0.00");
  });

  it("a counter going backwards is named on its row and leaves its contract month open, as the run does; an unknown customer or article bills nothing", () => {
    const readings = [...READINGS, r("K", "F", "2026-01-31", 900, 0, 7), r("K", "F", "2026-02-20", 800, 0, 8)];
    const review = buildMeterReview(input({ readings }), CUSTOMERS);
    const f = review.rows.find((x) => x.month === "2026-02" && x.deviceId === "F")!;
    expect([f.status, f.pagesBw, f.net, f.issues.map((i) => [i.code, i.where?.row])]).toEqual(["problem", -100, null, [["meters.counter_backwards", 8]]]);
    expect(review.rows.filter((x) => x.month === "2026-02" && x.contractNo === "K").map((x) => [x.status, x.net])).toEqual(review.rows.filter((x) => x.month === "2026-02" && x.contractNo === "K").map(() => ["problem", null]));
    // (N has no reading at all yet: its month waits for one)
    expect(review.issues.map((i) => [i.code, i.params.contract, i.params.device, i.params.month])).toEqual([["clicks.counter_backwards_open", "K", "F", "2026-02"], ["clicks.reading_missing", "N", undefined, "2026-02"]]);
    // The run bills nothing of K's February either: the amounts still agree.
    expect(reviewedPerContract(review.rows)).toEqual(billedPerContract(input({ readings })));

    const noCustomer = buildMeterReview(input(), new Map([["1", "Druck KG"]]));
    expect(noCustomer.rows.filter((x) => x.contractNo === "M").map((x) => [x.status, x.net, x.issues[0]!.code])).toEqual([
      ["problem", null, "meters.review_unknown_customer"],
      ["problem", null, "meters.review_unknown_customer"],
    ]);
    const noArticle = buildMeterReview(input({ articles: new Map([...ARTICLES].filter(([no]) => no !== "MIN")) }), CUSTOMERS);
    expect(noArticle.rows.filter((x) => x.contractNo === "M").map((x) => [x.status, x.net])).toEqual([["problem", null]]);
    expect(noArticle.issues.map((i) => [i.code, i.params.article])).toEqual([["time.unknown_article", "MIN"], ["clicks.reading_missing", undefined]]);
  });

  it("a final reading: the device's pages up to it are billed, later months leave it out, its next reading (another contract, a reset counter) is a baseline", () => {
    const fin = (x: MeterReading): MeterReading => ({ ...x, final: true });
    // A on N until its final reading on 20 February (400 pages at 0.01), replaced by G; A repaired (counter reset) and placed on M in March.
    const readings = [r("N", "A", "2026-02-01", 0), fin(r("N", "A", "2026-02-20", 400)), r("N", "G", "2026-02-20", 100), r("N", "G", "2026-03-31", 600), r("M", "A", "2026-03-10", 50), r("M", "E", "2026-02-15", 0), r("M", "E", "2026-02-28", 700)];
    const i = input({ readings, runMonth: "2026-03" });
    const review = buildMeterReview(i, CUSTOMERS);
    const rows = review.rows.filter((x) => x.contractNo !== "K");
    expect(rows.map(view)).toEqual([
      "charged | 2026-02 | M | E | - | 2026-02-15/2026-02-28 | 700/0 | 500+200 | 2.00 | ",
      "minimum_fee | 2026-02 | M | - | - | - | -/- | 500+200 | 8.00 | meters.review_minimum",
      "baseline | 2026-03 | M | A | - | 2026-03-10 | 0/0 | 1000+0 | 0.00 | meters.review_baseline",
      "no_reading | 2026-03 | M | E | 2026-02-28 | - | -/- | 1000+0 | 0.00 | meters.review_no_reading",
      "minimum_fee | 2026-03 | M | - | - | - | -/- | 1000+0 | 20.00 | meters.review_minimum",
      "charged | 2026-02 | N | A | - | 2026-02-01/2026-02-20 | 400/0 | 0+400 | 4.00 | meters.review_final",
      "baseline | 2026-02 | N | G | - | 2026-02-20 | 0/0 | 0+400 | 0.00 | meters.review_baseline",
      "charged | 2026-03 | N | G | 2026-02-20 | 2026-03-31 | 500/0 | 0+500 | 5.00 | ",
    ]);
    // K has no reading in this story: its months wait for one (named), M's March has A's reading
    // (one warning for the contract, not one per month)
    expect(review.issues.map((x) => `${x.code} ${String(x.params.contract)} ${String(x.params.from)}–${String(x.params.to)} ${String(x.params.count)}`)).toEqual(["clicks.readings_missing K 2026-01–2026-03 3"]);
    expect(formatIssue(review.issues[0]!, "de")).toBe("Klickvertrag K, Januar 2026 bis März 2026: für diese 3 Monate liegt kein Zählerstand vor; sie bleiben offen (auch ein Mindestbetrag), bis Ablesungen importiert sind, und werden dann mit ihnen abgerechnet.");
    expect(billedPerContract(i)).toEqual({ M: "30.00", N: "9.00" });
    expect(reviewedPerContract(review.rows)).toEqual(billedPerContract(i));
    expect(messageText(rows[5]!.issues[0]!, "de")).toBe("Schlussablesung von Gerät A am 20.02.2026: es verlässt den Vertrag; spätere Monate erwarten keine Ablesung mehr.");

    // Every device gone and the contract still running: the run month says so instead of "no reading".
    const gone = buildMeterReview(input({ readings: readings.slice(0, 2), runMonth: "2026-03" }), CUSTOMERS);
    const march = gone.rows.filter((x) => x.contractNo === "N" && x.month === "2026-03");
    expect(march.map(view)).toEqual(["no_reading | 2026-03 | N | - | - | - | -/- | 0+0 | - | meters.review_devices_left"]);
    expect(messageText(march[0]!.issues[0]!, "en")).toBe("Every device of contract N has left it (last A on 2026-02-20); the contract still runs – enter its end?");
  });

  it("invariant: for any readings and rules, each contract's amounts add up to its click lines to the cent", () => {
    const device = fc.record({ device: fc.constantFrom("A", "B", "C"), contractNo: fc.constantFrom("K", "M"), day: fc.integer({ min: 0, max: 120 }), bw: fc.integer({ min: 0, max: 3000 }), color: fc.integer({ min: 0, max: 500 }), final: fc.integer({ min: 0, max: 5 }).map((n) => n === 0) });
    const price = fc.integer({ min: 1, max: 9999 }).map((n) => (n / 10000).toString());
    fc.assert(
      fc.property(fc.array(device, { maxLength: 12 }), price, price, fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 5000 }), fc.constantFrom("2026-02", "2026-03", "2026-04"), (rows, priceBw, priceColor, includedBw, minimumCents, runMonth) => {
        // one contract per device until a final reading, dates strictly increasing, counters never backwards but
        // after a final reading (where the device starts anew, maybe on the other contract), as the import keeps them
        const readings: MeterReading[] = [];
        const last = new Map<string, { date: string; bw: number; color: number; contractNo: string; final: boolean }>();
        for (const x of rows) {
          const prev = last.get(x.device);
          const date = new Date(Date.UTC(2026, 0, 1 + x.day)).toISOString().slice(0, 10);
          if (prev && date <= prev.date) continue;
          const anew = !prev || prev.final;
          const next = { date, bw: (anew ? 0 : prev.bw) + x.bw, color: (anew ? 0 : prev.color) + x.color, contractNo: anew ? x.contractNo : prev.contractNo, final: x.final };
          last.set(x.device, next);
          readings.push({ ...r(next.contractNo, x.device, date, next.bw, next.color), ...(x.final ? { final: true as const } : {}) });
        }
        const rules: Rules = {
          defaults: {},
          contracts: {
            K: { click: { includedBw, includedColor: 100, priceBw, priceColor, articleBw: "SW", articleColor: "F" } },
            M: { click: { includedBw: 0, includedColor: 0, priceBw, priceColor, minimumFee: (minimumCents / 100).toFixed(2), articleBw: "SW", articleColor: "F", articleMinimum: "MIN" } },
          },
        };
        const i = input({ readings, rules, runMonth, contracts: CONTRACTS.slice(0, 2) });
        expect(reviewedPerContract(buildMeterReview(i, CUSTOMERS).rows)).toEqual(billedPerContract(i));
      }),
      { numRuns: 300 },
    );
  });
});
