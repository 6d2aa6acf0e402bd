import type { Article, Contract } from "../../../src/core/contract/model";
import { computeClickCharges } from "../../../src/core/clicks/bill-clicks";
import { checkReadings } from "../../../src/core/clicks/check-readings";
import { type MeterReading, type ReadingRow, readingId } from "../../../src/core/clicks/model";
import { formatIssue } from "../../../src/core/messages";
import type { Rules } from "../../../src/core/time/rules";

const ARTICLES = new Map<string, Article>([
  ["CL-SW", { no: "CL-SW", description: "Seiten s/w", unitPrice: "0.008", vatPct: "19" }],
  ["CL-F", { no: "CL-F", description: "Seiten Farbe", unitPrice: "0.06", vatPct: "19" }],
  ["CL-MIN", { no: "CL-MIN", description: "Mindestumsatz Klickvertrag", unitPrice: "25", vatPct: "19" }],
]);
const K300: Contract = { no: "K-300", customerNo: "10003", type: "click", interval: "monthly", mode: "arrears", start: "2026-03-12" };
const RULES: Rules = {
  defaults: {},
  contracts: { "K-300": { click: { includedBw: 1000, includedColor: 200, priceBw: "0.008", priceColor: "0.06", minimumFee: "25", articleBw: "CL-SW", articleColor: "CL-F", articleMinimum: "CL-MIN" } } },
};

function reading(date: string, bw: number, color: number, row = 2, device = "D1"): MeterReading {
  return { id: readingId(device, date), deviceId: device, customerNo: "10003", contractNo: "K-300", readingDate: date, counterBw: bw, counterColor: color, source: { file: "z.csv", row } };
}

const bill = (month: string, readings: MeterReading[], billed: string[] = []) =>
  computeClickCharges({ runMonth: month, readings, billedMonths: new Set(billed), rules: RULES, contracts: [K300], articles: ARTICLES });
const show = (r: ReturnType<typeof bill>) => r.lines.map((l) => `${l.articleNo} ${l.quantity.toFixed()} × ${l.unitPrice.toFixed()} = ${l.net.toFixed(2)} [${l.serviceFrom}..${l.serviceTo}] ${l.description}`);

/** PRODUCT.md §5.5: usage between readings, prorated included clicks, price per click, minimum monthly fee. */
describe("click contracts", () => {
  const readings = [reading("2026-03-12", 10000, 2000), reading("2026-03-31", 10800, 2150), reading("2026-04-30", 12100, 2300)];

  it("a partial first month: included clicks and the minimum fee prorated by 20 of 31 days", () => {
    // included b/w round(1000 × 20/31) = 645 → 155 over × 0.008 = 1.24; colour round(200 × 20/31) = 129 → 21 × 0.06 = 1.26;
    // minimum 25 × 20/31 = 16.129… → top-up 16.129… − 2.50 = 13.63
    const r = bill("2026-03", readings);
    expect(show(r)).toEqual([
      "CL-SW 155 × 0.008 = 1.24 [2026-03-12..2026-03-31] Seiten s/w März 2026: 800 Seiten, davon 645 inklusive",
      "CL-F 21 × 0.06 = 1.26 [2026-03-12..2026-03-31] Seiten Farbe März 2026: 150 Seiten, davon 129 inklusive",
      "CL-MIN 1 × 13.63 = 13.63 [2026-03-12..2026-03-31] Mindestumsatz Klickvertrag März 2026 (Mindestbetrag 16,13 €)",
    ]);
    expect(r.months).toEqual([{ contractNo: "K-300", customerNo: "10003", month: "2026-03", lineKeys: r.lines.map((l) => l.key), readingIds: ["D1|2026-03-12", "D1|2026-03-31"] }]);
    expect(r.lines[0]!.trace).toEqual(["D1|2026-03-12", "D1|2026-03-31"]);
  });

  it("a full month above the minimum for b/w only; billed months are not billed again", () => {
    const r = bill("2026-04", readings, ["K-300|2026-03"]);
    expect(show(r)).toEqual([
      "CL-SW 300 × 0.008 = 2.40 [2026-04-01..2026-04-30] Seiten s/w April 2026: 1.300 Seiten, davon 1.000 inklusive",
      "CL-MIN 1 × 22.6 = 22.60 [2026-04-01..2026-04-30] Mindestumsatz Klickvertrag April 2026 (Mindestbetrag 25,00 €)",
    ]);
    expect(bill("2026-04", readings, ["K-300|2026-03", "K-300|2026-04"]).lines).toEqual([]);
  });

  it("without a minimum fee a month read inside the included volume makes no line and is settled (marked, not invoiced)", () => {
    const { minimumFee: _none, articleMinimum: _no, ...click } = RULES.contracts["K-300"]!.click!;
    const rules: Rules = { defaults: {}, contracts: { "K-300": { click } } };
    const r = computeClickCharges({ runMonth: "2026-03", readings: [reading("2026-03-12", 0, 0), reading("2026-03-31", 500, 100)], billedMonths: new Set(), rules, contracts: [K300], articles: ARTICLES });
    expect(r.lines).toEqual([]);
    expect(r.months).toEqual([{ contractNo: "K-300", customerNo: "10003", month: "2026-03", lineKeys: [], readingIds: ["D1|2026-03-12", "D1|2026-03-31"] }]);
    expect(r.issues).toEqual([]);
  });

  it("a month without any reading waits for it (no minimum fee either, a warning); once read it is billed in full", () => {
    // March read; April not read yet: April stays open, named
    const april = bill("2026-04", readings.slice(0, 2), ["K-300|2026-03"]);
    expect([april.lines, april.months, april.issues.map((i) => [i.code, i.params.contract, i.params.month])]).toEqual([[], [], [["clicks.reading_missing", "K-300", "2026-04"]]]);
    expect(formatIssue(april.issues[0]!, "de")).toBe("Klickvertrag K-300, April 2026: es liegt kein Zählerstand für den Monat vor; der Monat bleibt offen (auch ein Mindestbetrag), bis eine Ablesung importiert ist, und wird dann mit ihr abgerechnet.");
    // the April reading arrives: April is billed with its own included pages, as if it had been there
    expect(show(bill("2026-04", readings, ["K-300|2026-03"]))).toEqual([
      "CL-SW 300 × 0.008 = 2.40 [2026-04-01..2026-04-30] Seiten s/w April 2026: 1.300 Seiten, davon 1.000 inklusive",
      "CL-MIN 1 × 22.6 = 22.60 [2026-04-01..2026-04-30] Mindestumsatz Klickvertrag April 2026 (Mindestbetrag 25,00 €)",
    ]);
    // a month without a reading whose pages a later reading counts (read again only in May) is billed its minimum fee
    const skipped = bill("2026-05", [...readings.slice(0, 2), reading("2026-05-31", 12100, 2300)], ["K-300|2026-03"]);
    expect(skipped.months.map((m) => [m.month, m.lineKeys.length])).toEqual([["2026-04", 1], ["2026-05", 2]]);
    expect(skipped.issues).toEqual([]);
  });

  it("a line whose net rounds to 0.00 is left out; its month is settled", () => {
    const rules: Rules = { defaults: {}, contracts: { "K-300": { click: { ...RULES.contracts["K-300"]!.click!, priceBw: "0.004", minimumFee: "0" } } } };
    const r = computeClickCharges({ runMonth: "2026-04", readings: [reading("2026-03-31", 0, 0), reading("2026-04-30", 1001, 0)], billedMonths: new Set(["K-300|2026-03"]), rules, contracts: [K300], articles: ARTICLES });
    expect(r.lines).toEqual([]);
    expect(r.months).toEqual([{ contractNo: "K-300", customerNo: "10003", month: "2026-04", lineKeys: [], readingIds: ["D1|2026-04-30", "D1|2026-03-31"] }]);
  });
});

describe("meter reading checks", () => {
  const contracts = new Map([[K300.no, K300]]);
  const row = (date: string, bw: number, color: number, r: number, device = "D1"): ReadingRow => ({ deviceId: device, customerNo: "10003", contractNo: "K-300", readingDate: date, counterBw: bw, counterColor: color, source: { file: "z.csv", row: r } });
  const stored = [reading("2026-03-12", 10000, 2000, 2), reading("2026-03-31", 10800, 2150, 3)];

  it("a counter going backwards is an error naming the row and column", () => {
    const c = checkReadings([row("2026-04-30", 10700, 2200, 2)], stored, contracts, new Set());
    expect(c.accepted).toEqual([]);
    expect(c.issues.map((i) => formatIssue(i))).toEqual([
      'z.csv, row 2, column "counter_bw": Device D1: counter 10700 is lower than 10800 of 2026-03-31 (z.csv:3); counters do not go backwards (a typo? After a swap or a counter reset, first a final reading with final_reading = yes).',
    ]);
  });

  it("readings out of order in the file or older than the stored one are errors; the same reading again is skipped", () => {
    const c = checkReadings([row("2026-03-31", 10800, 2150, 2), row("2026-05-31", 13000, 2400, 3), row("2026-04-30", 12000, 2300, 4), row("2026-03-20", 10500, 2100, 5, "D1")], stored, contracts, new Set());
    expect(c.unchanged).toBe(1);
    expect(c.accepted.map((r) => r.readingDate)).toEqual(["2026-05-31"]);
    expect(c.issues.map((i) => [i.code, i.where?.row])).toEqual([["meters.out_of_order", 4], ["meters.out_of_order", 5]]);
  });

  it("a reading in a billed month, a foreign contract or another customer's contract is refused", () => {
    const c = checkReadings(
      [row("2026-04-15", 11000, 2200, 2), { ...row("2026-04-30", 12000, 2300, 3), contractNo: "X-1" }, { ...row("2026-04-30", 12000, 2300, 4, "D2"), customerNo: "99999" }],
      stored,
      contracts,
      new Set(["K-300|2026-04"]),
    );
    expect(c.issues.map((i) => [i.code, i.where?.row])).toEqual([["meters.month_billed", 2], ["meters.unknown_contract", 3], ["meters.contract_of_other_customer", 4]]);
  });

  it("a device moves to another contract only after a final reading, and starts anew there (a lower counter is its baseline)", () => {
    const k301: Contract = { ...K300, no: "K-301" };
    const both = new Map([[K300.no, K300], [k301.no, k301]]);
    const elsewhere = { ...row("2026-05-10", 50, 0, 3), contractNo: "K-301" };
    const moved = checkReadings([elsewhere], stored, both, new Set());
    expect(moved.accepted).toEqual([]);
    expect(moved.issues.map((i) => formatIssue(i))).toEqual([
      'z.csv, row 3, column "contract_no": Device D1 belongs to contract K-300 (to move it, first a final reading there with final_reading = yes).',
    ]);
    const c = checkReadings([{ ...row("2026-04-30", 12000, 2300, 2), final: true }, elsewhere], stored, both, new Set());
    expect(c.issues).toEqual([]);
    expect(c.accepted.map((r) => [r.contractNo, r.readingDate, r.counterBw, r.final ?? false])).toEqual([["K-300", "2026-04-30", 12000, true], ["K-301", "2026-05-10", 50, false]]);
    // stored final, read again without the mark (or the other way round): named, nothing taken
    const finalStored = [...stored, { ...reading("2026-04-30", 12000, 2300, 4), final: true as const }];
    const again = checkReadings([row("2026-04-30", 12000, 2300, 2), { ...row("2026-03-31", 10800, 2150, 3), final: true }], finalStored, contracts, new Set());
    expect([again.accepted, again.unchanged]).toEqual([[], 0]);
    expect(again.issues.map((i) => formatIssue(i))).toEqual([
      'z.csv, row 2, column "final_reading": Device D1: the reading of 2026-04-30 is stored as a final reading (z.csv:4), here it is not; undo that import to change it.',
      'z.csv, row 3, column "final_reading": Device D1: the reading of 2026-03-31 is stored without being final (z.csv:3); undo that import to change it.',
    ]);
  });
});
