/**
 * @jest-environment ./test/support/jsdom-environment.js
 */
import { storedRules } from "../../src/app/time";
import { RulesSection } from "../../src/taskpane/components/usage/RulesSection";
import { testContext } from "../support/fixtures";
import { byTestId, choose, click, queryTestId, renderPane, typeInto, waitFor } from "./support/render-pane";
import { fieldText, inputOf, rulesViaJson, storeWithRules } from "./support/rules-store";

type Ctx = Awaited<ReturnType<typeof testContext>>;

/** Rules as a JSON upload stored them: each form must keep what it does not show. */
const STORED = {
  defaults: {
    unitMinutes: 15,
    holidayRegion: "BY",
    activities: { onsite: { articleNo: "SUP-O", pricePerHour: "95.00" }, remote: { articleNo: "SUP-R" } },
    flatFees: [{ label: "Anfahrt", activities: ["onsite"], per: "day", articleNo: "TRAVEL", price: "45.00" }],
    extraHolidays: ["12-24"],
    surcharges: [{ label: "Wochenende", days: ["sat", "sun"], pct: "50" }],
  },
  contracts: { "V-2002": { unitMinutes: 30, includedHoursPerMonth: "2", activities: { onsite: { articleNo: "SUP-O", pricePerHour: "80" } } } },
};

const seeded = (): Promise<Ctx> => storeWithRules(STORED);

async function rendered(language: "de" | "en" = "de") {
  const ctx = await seeded();
  const pane = await renderPane(<RulesSection />, ctx, language);
  await waitFor(() => queryTestId(pane.container, "flatfee-0-label")?.getAttribute("value") === "Anfahrt", "the stored flat fee in the form");
  return { ctx, pane, c: pane.container };
}

const viaJson = (doc: unknown) => rulesViaJson(STORED, doc);

const box = inputOf;

describe("flat fees form", () => {
  it("saved valid (German decimals), stores what the JSON upload stores; everything else stays", async () => {
    const { ctx, pane, c } = await rendered();
    await typeInto(byTestId(c, "flatfee-0-price"), "49,50");
    await click(byTestId(c, "flatfee-add"));
    await typeInto(byTestId(c, "flatfee-1-label"), "Notdienst");
    await typeInto(byTestId(c, "flatfee-1-activities"), "onsite, remote");
    await choose(byTestId(c, "flatfee-1-per"), "technician_day");
    await typeInto(byTestId(c, "flatfee-1-articleNo"), "EMERG");
    await click(byTestId(c, "flatfee-add")); // an empty row is no flat fee
    await click(byTestId(c, "flatfees-save"));
    await waitFor(() => queryTestId(c, "rules-flatfees-saved"), "the saved notice");

    const expected = await viaJson({
      ...STORED,
      defaults: {
        ...STORED.defaults,
        flatFees: [
          { label: "Anfahrt", activities: ["onsite"], per: "day", articleNo: "TRAVEL", price: "49.50" },
          { label: "Notdienst", activities: ["onsite", "remote"], per: "technician_day", articleNo: "EMERG" },
        ],
      },
    });
    expect(await storedRules(ctx)).toEqual(expected);
    expect(pane.storeChanges()).toBe(1);
    pane.unmount();
  });

  it("removing the last flat fee stores the rules without flat fees", async () => {
    const { ctx, pane, c } = await rendered();
    await click(byTestId(c, "flatfee-0-remove"));
    await click(byTestId(c, "flatfees-save"));
    await waitFor(() => queryTestId(c, "rules-flatfees-saved"), "the saved notice");
    const { flatFees: _f, ...defaults } = STORED.defaults;
    expect(await storedRules(ctx)).toEqual(await viaJson({ ...STORED, defaults }));
    pane.unmount();
  });

  it("a bad price and a fee without article: messages next to the fields naming them, nothing stored", async () => {
    const { ctx, pane, c } = await rendered();
    const before = await storedRules(ctx);
    await typeInto(byTestId(c, "flatfee-0-price"), "zehn");
    await click(byTestId(c, "flatfee-add"));
    await click(byTestId(c, "flatfee-add"));
    // the second added row: the first one stays empty, so the validator's index 1 is form row 2
    await typeInto(byTestId(c, "flatfee-2-label"), "Notdienst");
    await typeInto(byTestId(c, "flatfee-2-activities"), "onsite");
    await click(byTestId(c, "flatfees-save"));
    await waitFor(() => fieldText(c, "flatfee-0-price").includes("zehn"), "the price's message");
    expect(fieldText(c, "flatfee-0-price")).toContain("defaults.flatFees[0].price");
    expect(fieldText(c, "flatfee-2-articleNo")).toContain("Pflichtfeld");
    expect(queryTestId(c, "rules-flatfees-saved")).toBeNull();
    expect(await storedRules(ctx)).toEqual(before);
    expect(pane.storeChanges()).toBe(0);
    pane.unmount();
  });
});

describe("holidays form", () => {
  it("own days typed German style and a holiday unticked store what the JSON upload stores", async () => {
    const { ctx, pane, c } = await rendered();
    expect(byTestId<HTMLInputElement>(c, "holiday-0-day").value).toBe("24.12.");
    await click(byTestId(c, "holiday-add"));
    await typeInto(byTestId(c, "holiday-1-day"), "31.12.2026");
    await click(byTestId(c, "holiday-add"));
    await typeInto(byTestId(c, "holiday-2-day"), "1.3.");
    await click(box(c, "holidays-off", "FRONLEICHNAM"));
    await click(box(c, "holidays-off", "MARIAHIMMELFAHRT"));
    await click(byTestId(c, "holidays-save"));
    await waitFor(() => queryTestId(c, "rules-holidays-saved"), "the saved notice");
    const expected = await viaJson({ ...STORED, defaults: { ...STORED.defaults, extraHolidays: ["12-24", "2026-12-31", "03-01"], holidaysOff: ["FRONLEICHNAM", "MARIAHIMMELFAHRT"] } });
    expect(await storedRules(ctx)).toEqual(expected);
    pane.unmount();
  });

  it("a day that does not exist and a word: messages next to the fields, nothing stored", async () => {
    const { ctx, pane, c } = await rendered();
    const before = await storedRules(ctx);
    await typeInto(byTestId(c, "holiday-0-day"), "31.02.");
    await click(byTestId(c, "holiday-add"));
    await click(byTestId(c, "holiday-add"));
    await typeInto(byTestId(c, "holiday-2-day"), "Heiligabend");
    await click(byTestId(c, "holidays-save"));
    await waitFor(() => fieldText(c, "holiday-0-day").includes("31.02."), "the first day's message");
    expect(fieldText(c, "holiday-0-day")).toContain("defaults.extraHolidays[0]");
    expect(fieldText(c, "holiday-2-day")).toContain("defaults.extraHolidays[1]");
    expect(fieldText(c, "holiday-1-day")).not.toContain("extraHolidays");
    expect(await storedRules(ctx)).toEqual(before);
    expect(pane.storeChanges()).toBe(0);
    pane.unmount();
  });
});

describe("contract overrides form (unit, rounding, Bundesland, rates)", () => {
  it("saved valid, stores what the JSON upload stores; the contract's pools stay", async () => {
    const { ctx, pane, c } = await rendered();
    await choose(byTestId(c, "override-contract"), "V-2002");
    await waitFor(() => byTestId<HTMLInputElement>(c, "override-activity-0-price").value === "80", "the contract's stored rate");
    expect(byTestId<HTMLSelectElement>(c, "override-unitMinutes").value).toBe("30");
    await choose(byTestId(c, "override-unitMinutes"), "");
    await choose(byTestId(c, "override-rounding"), "ticket_day");
    await choose(byTestId(c, "override-holidayRegion"), "NW");
    await typeInto(byTestId(c, "override-activity-0-price"), "82,50");
    await click(byTestId(c, "override-add-activity"));
    await typeInto(byTestId(c, "override-activity-1-name"), "remote");
    await typeInto(byTestId(c, "override-activity-1-articleNo"), "SUP-R2");
    await typeInto(byTestId(c, "override-activity-1-price"), "70");
    // the contract's own activity for entries without one (offered: the company's and the typed rows)
    expect([...byTestId<HTMLSelectElement>(c, "override-defaultActivity").options].map((o) => o.value)).toEqual(["", "onsite", "remote"]);
    await choose(byTestId(c, "override-defaultActivity"), "remote");
    await click(byTestId(c, "overrides-save"));
    await waitFor(() => queryTestId(c, "rules-overrides-saved"), "the saved notice");
    const expected = await viaJson({
      ...STORED,
      contracts: {
        "V-2002": {
          includedHoursPerMonth: "2", rounding: "ticket_day", holidayRegion: "NW",
          activities: { onsite: { articleNo: "SUP-O", pricePerHour: "82.50" }, remote: { articleNo: "SUP-R2", pricePerHour: "70" } },
          defaultActivity: "remote",
        },
      },
    });
    expect(await storedRules(ctx)).toEqual(expected);
    pane.unmount();
  });

  it("a rate without article and a bad price: messages next to the fields, nothing stored", async () => {
    const { ctx, pane, c } = await rendered();
    const before = await storedRules(ctx);
    await choose(byTestId(c, "override-contract"), "V-1001");
    await waitFor(() => queryTestId(c, "override-add-activity"), "the contract form");
    await click(byTestId(c, "override-add-activity"));
    await typeInto(byTestId(c, "override-activity-0-name"), "onsite");
    await typeInto(byTestId(c, "override-activity-0-price"), "-5");
    await click(byTestId(c, "override-add-activity"));
    await typeInto(byTestId(c, "override-activity-1-name"), "remote");
    await typeInto(byTestId(c, "override-activity-1-articleNo"), "SUP-R");
    await typeInto(byTestId(c, "override-activity-1-price"), "viel");
    await click(byTestId(c, "overrides-save"));
    await waitFor(() => fieldText(c, "override-activity-0-articleNo").includes("Pflichtfeld"), "the missing article's message");
    expect(fieldText(c, "override-activity-1-price")).toContain("contracts.V-1001.activities.remote.pricePerHour");
    expect(await storedRules(ctx)).toEqual(before);
    expect(pane.storeChanges()).toBe(0);
    pane.unmount();
  });
  it("an activity in two rows: a message at the second, nothing stored (the document holds each name once)", async () => {
    const { ctx, pane, c } = await rendered();
    const before = await storedRules(ctx);
    await choose(byTestId(c, "override-contract"), "V-2002");
    await waitFor(() => queryTestId(c, "override-activity-0-name"), "the contract's rates");
    await click(byTestId(c, "override-add-activity"));
    await typeInto(byTestId(c, "override-activity-1-name"), " onsite ");
    await typeInto(byTestId(c, "override-activity-1-articleNo"), "SUP-X");
    await click(byTestId(c, "overrides-save"));
    await waitFor(() => fieldText(c, "override-activity-1-name").includes("schon"), "the duplicate's message");
    expect(fieldText(c, "override-activity-0-name")).not.toContain("schon");
    expect(await storedRules(ctx)).toEqual(before);
    await click(byTestId(c, "override-activity-0-remove"));
    await click(byTestId(c, "overrides-save"));
    await waitFor(() => queryTestId(c, "rules-overrides-saved"), "the saved notice");
    expect((await storedRules(ctx))?.contracts["V-2002"]?.activities).toEqual({ onsite: { articleNo: "SUP-X" } });
    pane.unmount();
  });
});

describe("the forms saved unchanged store the same rules (round trip through the pane)", () => {
  it.each(["de", "en"] as const)("%s", async (language) => {
    const { ctx, pane, c } = await rendered(language);
    const before = await storedRules(ctx);
    await click(byTestId(c, "flatfees-save"));
    await waitFor(() => queryTestId(c, "rules-flatfees-saved"), "flat fees saved");
    await click(byTestId(c, "holidays-save"));
    await waitFor(() => queryTestId(c, "rules-holidays-saved"), "holidays saved");
    await choose(byTestId(c, "override-contract"), "V-2002");
    await waitFor(() => queryTestId(c, "overrides-save"), "the contract form");
    await click(byTestId(c, "overrides-save"));
    await waitFor(() => queryTestId(c, "rules-overrides-saved"), "overrides saved");
    expect(await storedRules(ctx)).toEqual(before);
    pane.unmount();
  });
});
