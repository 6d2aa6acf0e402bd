import { importMaster } from "../../src/app/import-master";
import { runBilling } from "../../src/app/bill";
import type { AppContext } from "../../src/app/context";
import { importMeters } from "../../src/app/meters";
import { importTime, setRules } from "../../src/app/time";
import { testContext, textFile } from "../support/fixtures";

export const TIME_ARTICLES = [
  "article_no,description,unit_price,vat_pct",
  "MS-BASIC,Managed Service Basic,49.00,19",
  "SUP-R,Remote-Support,87.40,19",
  "SUP-O,Vor-Ort-Service,104.00,19",
  "TRAVEL,Anfahrtspauschale,45.00,19",
  "CL-SW,Seiten s/w,0.008,19",
  "CL-F,Seiten Farbe,0.06,19",
  "CL-MIN,Mindestumsatz Klickvertrag,25.00,19",
].join("\n");

export const TIME_CONTRACTS = [
  "customer_no,customer_name,contract_no,contract_type,billing_interval,billing_mode,contract_start,position_no,article_no,quantity,unit_price,vat_pct",
  "10001,Muster GmbH,V-100,managed_service,monthly,advance,2026-06-01,1,MS-BASIC,1,49.00,19",
  "10002,Beispiel AG,V-200,contingent,monthly,advance,2026-06-01,1,SUP-R,0,87.40,19",
  "10003,Druck KG,K-300,click,monthly,arrears,2026-06-12,1,CL-SW,0,0.008,19",
].join("\n");

export const TIME_RULES = JSON.stringify({
  defaults: {
    unitMinutes: 15,
    holidayRegion: "BY",
    extraHolidays: ["12-24", "12-31"],
    activities: { remote: { articleNo: "SUP-R", pricePerHour: "87.40" }, onsite: { articleNo: "SUP-O" } },
    defaultActivity: "remote",
    surcharges: [
      { label: "Abend", days: ["mon", "tue", "wed", "thu", "fri"], from: "18:00", to: "22:00", pct: "25" },
      { label: "Samstag", days: ["sat"], pct: "50" },
      { label: "Sonn-/Feiertag", days: ["sun", "holiday"], pct: "100" },
    ],
    flatFees: [{ label: "Anfahrt", activities: ["onsite"], per: "day", articleNo: "TRAVEL" }],
  },
  contracts: {
    "V-100": { includedHoursPerMonth: "1" },
    "V-200": { contingent: { credits: [{ date: "2026-06-01", hours: "2" }] } },
    "K-300": { click: { includedBw: 1000, includedColor: 200, priceBw: "0.008", priceColor: "0.06", minimumFee: "25.00", articleBw: "CL-SW", articleColor: "CL-F", articleMinimum: "CL-MIN" } },
  },
});

export const TIME_CSV = [
  "ticket_no,customer_no,date,start,end,minutes,technician,activity,billable,description",
  "4711,10001,2026-06-02,09:00,10:30,,jm,remote,ja,Mailserver",
  "4711,10001,2026-06-04,21:00,23:30,,jm,remote,ja,Fronleichnam: Notfall",
  "4720,10001,2026-06-08,,,50,ab,onsite,ja,Drucker",
  "4720,10001,2026-06-08,,,10,ab,onsite,nein,Notiz",
  "5000,10002,2026-06-03,13:00,16:00,,jm,remote,1,Migration",
].join("\n");

export const METERS_CSV = ["device_id,customer_no,contract_no,reading_date,counter_bw,counter_color", "D1,10003,K-300,2026-06-12,10000,2000", "D1,10003,K-300,2026-06-30,10800,2150"].join("\n");

/** A store with the articles, contracts and rules of the time scenarios. */
export async function timeWorkspace() {
  const ctx = await testContext();
  const m = await importMaster(ctx, [textFile("articles.csv", TIME_ARTICLES), textFile("contracts.csv", TIME_CONTRACTS)]);
  if (!m.ok) throw new Error(JSON.stringify(m.issues));
  const r = await setRules(ctx, TIME_RULES, "rules.json");
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return ctx;
}

const USAGE_ONLY_METERS = "device_id,customer_no,contract_no,reading_date,counter_bw,counter_color\nD1,10003,K-300,2026-06-12,10000,2000\nD1,10003,K-300,2026-06-30,10500,2100\n";
/** Two time entries of Muster GmbH in June, 45 minutes together: within V-100's included hour. */
export const USAGE_ONLY_TIME = "ticket_no,customer_no,date,start,end\n4800,10001,2026-06-22,09:00,09:30\n4801,10001,2026-06-23,10:00,10:15\n";

/**
 * A month with nothing to invoice but usage to record: June billed once (run-00001, the fees), then
 * two time entries within the included hour and June's click readings within the included pages
 * (K-300 without its minimum fee).
 */
export async function usageOnlyMonth(): Promise<AppContext> {
  const ctx = await timeWorkspace();
  const rules = JSON.parse(TIME_RULES) as { contracts: Record<string, { click?: Record<string, unknown> }> };
  const { minimumFee: _fee, articleMinimum: _article, ...click } = rules.contracts["K-300"]!.click!;
  rules.contracts["K-300"]!.click = click;
  const steps = [
    await setRules(ctx, JSON.stringify(rules), "rules.json"),
    await runBilling(ctx, { month: "2026-06", invoiceDate: "2026-07-01" }),
    await importTime(ctx, textFile("zeiten.csv", USAGE_ONLY_TIME)),
    await importMeters(ctx, textFile("zaehler.csv", USAGE_ONLY_METERS)),
  ];
  const failed = steps.find((r) => !r.ok);
  if (failed) throw new Error(JSON.stringify(failed));
  return ctx;
}
