/**
 * @jest-environment ./test/support/jsdom-environment.js
 */
import { storedRules } from "../../src/app/time";
import { RulesSection } from "../../src/taskpane/components/usage/RulesSection";
import { testContext } from "../support/fixtures";
import { byTestId, choose, click, queryTestId, renderPane, typeInto, waitFor } from "./support/render-pane";
import { fieldText, inputOf, rulesViaJson, storeWithRules } from "./support/rules-store";

type Ctx = Awaited<ReturnType<typeof testContext>>;

/** Rules already stored (as a JSON upload stores them): parts the forms do not show must survive a form save. */
const STORED = {
  defaults: { unitMinutes: 15, flatFees: [{ label: "Anfahrt", activities: ["onsite"], per: "day", articleNo: "TRAVEL", price: "45.00" }], activities: { onsite: { articleNo: "SUP-O" } } },
  contracts: { "V-2002": { unitMinutes: 30, includedHoursPerMonth: "2" } },
};

const seeded = (): Promise<Ctx> => storeWithRules(STORED);

async function rendered() {
  const ctx = await seeded();
  const pane = await renderPane(<RulesSection />, ctx);
  await waitFor(() => queryTestId(pane.container, "rules-activity-0-name")?.getAttribute("value") === "onsite", "the stored rules in the form");
  return { ctx, pane, c: pane.container };
}

const viaJson = (doc: unknown) => rulesViaJson(STORED, doc);

const radio = inputOf;
const checkbox = (root: HTMLElement, testId: string) => (byTestId(root, testId).querySelector("input") ?? byTestId(root, testId)) as HTMLInputElement;

describe("time rules form (defaults)", () => {
  it("saved valid (German decimals), stores what the JSON upload stores; flat fees and contract rules stay", async () => {
    const { ctx, pane, c } = await rendered();
    await choose(byTestId(c, "rules-unitMinutes"), "6");
    await click(radio(c, "rules-rounding", "ticket_day"));
    await choose(byTestId(c, "rules-holidayRegion"), "NW");
    await typeInto(byTestId(c, "rules-activity-0-price"), "104,00");
    await click(byTestId(c, "rules-add-activity"));
    await typeInto(byTestId(c, "rules-activity-1-name"), "remote");
    await typeInto(byTestId(c, "rules-activity-1-articleNo"), "SUP-R");
    await typeInto(byTestId(c, "rules-activity-1-price"), "87,40");
    await choose(byTestId(c, "rules-defaultActivity"), "remote");
    await click(byTestId(c, "rules-add-surcharge"));
    await typeInto(byTestId(c, "rules-surcharge-0-label"), "Abend");
    for (const d of ["mon", "tue", "wed", "thu", "fri"]) await click(byTestId(c, "rules-surcharge-0-days").querySelector<HTMLInputElement>(`input[value="${d}"]`)!);
    await typeInto(byTestId(c, "rules-surcharge-0-from"), "18:00");
    await typeInto(byTestId(c, "rules-surcharge-0-to"), "22:00");
    await typeInto(byTestId(c, "rules-surcharge-0-pct"), "25");
    await click(checkbox(c, "rules-poolsCoverSurcharged"));
    await click(byTestId(c, "rules-defaults-save"));
    await waitFor(() => queryTestId(c, "rules-defaults-saved"), "the saved notice");

    const expected = await viaJson({
      defaults: {
        unitMinutes: 6, rounding: "ticket_day", holidayRegion: "NW",
        flatFees: STORED.defaults.flatFees,
        activities: { onsite: { articleNo: "SUP-O", pricePerHour: "104.00" }, remote: { articleNo: "SUP-R", pricePerHour: "87.40" } },
        defaultActivity: "remote",
        surcharges: [{ label: "Abend", days: ["mon", "tue", "wed", "thu", "fri"], from: "18:00", to: "22:00", pct: "25" }],
        poolsCoverSurcharged: false,
      },
      contracts: STORED.contracts,
    });
    expect(await storedRules(ctx)).toEqual(expected);
    expect(pane.storeChanges()).toBe(1);
    pane.unmount();
  });

  it("invalid price and a surcharge without days: messages next to the fields, nothing stored", async () => {
    const { ctx, pane, c } = await rendered();
    const before = await storedRules(ctx);
    await typeInto(byTestId(c, "rules-activity-0-price"), "zehn");
    await click(byTestId(c, "rules-add-surcharge"));
    await typeInto(byTestId(c, "rules-surcharge-0-pct"), "25");
    await click(byTestId(c, "rules-defaults-save"));
    await waitFor(() => fieldText(c, "rules-activity-0-price").includes("zehn"), "the price's message");
    expect(fieldText(c, "rules-surcharge-0-days")).toContain("defaults.surcharges[0].days");
    expect(queryTestId(c, "rules-defaults-saved")).toBeNull();
    expect(await storedRules(ctx)).toEqual(before);
    expect(pane.storeChanges()).toBe(0);
    pane.unmount();
  });
});

describe("contract rules form (included hours, contingent, click prices)", () => {
  it("saved valid, stores what the JSON upload stores; the contract's other rules stay", async () => {
    const { ctx, pane, c } = await rendered();
    await choose(byTestId(c, "rules-contract"), "V-2002");
    await waitFor(() => byTestId<HTMLInputElement>(c, "rules-includedHours").value === "2", "the contract's stored hours");
    await typeInto(byTestId(c, "rules-includedHours"), "4,5");
    await typeInto(byTestId(c, "rules-monthlyHours"), "10");
    await click(byTestId(c, "rules-add-credit"));
    await typeInto(byTestId(c, "rules-credit-0-date"), "01.11.2026");
    await typeInto(byTestId(c, "rules-credit-0-hours"), "20");
    await click(checkbox(c, "rules-click-on"));
    await typeInto(byTestId(c, "rules-click-includedBw"), "1000");
    await typeInto(byTestId(c, "rules-click-priceBw"), "0,012");
    await typeInto(byTestId(c, "rules-click-priceColor"), "0,09");
    await typeInto(byTestId(c, "rules-click-articleBw"), "CLICK-SW");
    await typeInto(byTestId(c, "rules-click-articleColor"), "CLICK-FARBE");
    await click(byTestId(c, "rules-contract-save"));
    await waitFor(() => queryTestId(c, "rules-contract-saved"), "the saved notice");

    const expected = await viaJson({
      defaults: STORED.defaults,
      contracts: {
        "V-2002": {
          unitMinutes: 30, includedHoursPerMonth: "4.5",
          contingent: { credits: [{ date: "2026-11-01", hours: "20" }], monthlyHours: "10" },
          click: { includedBw: 1000, includedColor: 0, priceBw: "0.012", priceColor: "0.09", articleBw: "CLICK-SW", articleColor: "CLICK-FARBE" },
        },
      },
    });
    expect(await storedRules(ctx)).toEqual(expected);
    pane.unmount();
  });

  it("hours that are no whole units and a missing click price: messages next to the fields, nothing stored", async () => {
    const { ctx, pane, c } = await rendered();
    const before = await storedRules(ctx);
    await choose(byTestId(c, "rules-contract"), "V-1001");
    await waitFor(() => queryTestId(c, "rules-includedHours"), "the contract form");
    await typeInto(byTestId(c, "rules-includedHours"), "0,1");
    await click(checkbox(c, "rules-click-on"));
    await typeInto(byTestId(c, "rules-click-priceColor"), "0,09");
    await typeInto(byTestId(c, "rules-click-articleBw"), "CLICK-SW");
    await typeInto(byTestId(c, "rules-click-articleColor"), "CLICK-FARBE");
    await click(byTestId(c, "rules-contract-save"));
    await waitFor(() => fieldText(c, "rules-click-priceBw").includes("ungültig") || fieldText(c, "rules-click-priceBw").includes("Pflichtfeld"), "the click price's message");
    expect(await storedRules(ctx)).toEqual(before);
    // the validator stops at the first kind of problem: fix the price, then the units are checked
    await typeInto(byTestId(c, "rules-click-priceBw"), "0,012");
    await click(byTestId(c, "rules-contract-save"));
    await waitFor(() => fieldText(c, "rules-includedHours").includes("keine ganze Zahl"), "the included hours' message");
    expect(await storedRules(ctx)).toEqual(before);
    expect(pane.storeChanges()).toBe(0);
    pane.unmount();
  });
});
