/**
 * @jest-environment ./test/support/jsdom-environment.js
 */
import { storedRules } from "../../src/app/time";
import { RulesSection } from "../../src/taskpane/components/usage/RulesSection";
import { testContext } from "../support/fixtures";
import { byTestId, choose, click, queryTestId, renderPane, typeInto, waitFor } from "./support/render-pane";
import { fieldText, inputOf, rulesViaJson, storeWithRules } from "./support/rules-store";

type Ctx = Awaited<ReturnType<typeof testContext>>;

/** Rules as a JSON upload stored them: the form must keep everything it does not own. */
const STORED = {
  defaults: {
    unitMinutes: 15,
    holidayRegion: "BY",
    activities: { onsite: { articleNo: "SUP-O", pricePerHour: "95.00" } },
    surcharges: [{ label: "Wochenende", days: ["sat", "sun"], pct: "50" }],
    flatFees: [{ label: "Anfahrt", activities: ["onsite"], per: "day", articleNo: "TRAVEL", price: "45.00" }],
    extraHolidays: ["12-24"],
    holidaysOff: ["MARIAHIMMELFAHRT"],
  },
  contracts: {
    "V-2002": { unitMinutes: 30, includedHoursPerMonth: "2", holidayRegion: "NW", surcharges: [{ label: "Nacht", days: ["mon", "fri"], from: "22:00", to: "06:00", pct: "25" }], poolsCoverSurcharged: false },
    "V-1001": {},
  },
};

const seeded = (): Promise<Ctx> => storeWithRules(STORED);
const viaJson = (doc: unknown) => rulesViaJson(STORED, doc);
const checkbox = (root: HTMLElement, testId: string) => (byTestId(root, testId).querySelector("input") ?? byTestId(root, testId)) as HTMLInputElement;

async function rendered(contractNo: string, language: "de" | "en" = "de") {
  const ctx = await seeded();
  const pane = await renderPane(<RulesSection />, ctx, language);
  await waitFor(() => queryTestId(pane.container, "flatfee-0-label")?.getAttribute("value") === "Anfahrt", "the stored rules in the forms");
  await choose(byTestId(pane.container, "extras-contract"), contractNo);
  await waitFor(() => queryTestId(pane.container, "extras-save"), "the contract's lists");
  return { ctx, pane, c: pane.container };
}

describe("a contract's own surcharges, flat fees and holidays (form)", () => {
  it("shows the stored lists: own ones as rows, the others as the default's", async () => {
    const { pane, c } = await rendered("V-2002");
    expect(checkbox(c, "extras-own-surcharges").checked).toBe(true);
    expect(byTestId<HTMLInputElement>(c, "extras-surcharge-0-label").value).toBe("Nacht");
    expect(byTestId<HTMLInputElement>(c, "extras-surcharge-0-from").value).toBe("22:00");
    expect(byTestId<HTMLSelectElement>(c, "extras-poolsCoverSurcharged").value).toBe("no");
    expect(checkbox(c, "extras-own-flatFees").checked).toBe(false);
    expect(byTestId(c, "extras-default-flatFees").textContent).toBe("Wie Standard: Anfahrt");
    expect(byTestId(c, "extras-default-extraHolidays").textContent).toBe("Wie Standard: 24.12.");
    expect(byTestId(c, "extras-default-holidaysOff").textContent).toBe("Wie Standard: Mariä Himmelfahrt");
    // the contract's own Bundesland decides which public holidays it offers
    await click(checkbox(c, "extras-own-holidaysOff"));
    expect(queryTestId(c, "extras-holidays-off")!.querySelector('input[value="REFORMATIONSTAG"]')).toBeNull();
    expect(inputOf(c, "extras-holidays-off", "FRONLEICHNAM")).not.toBeNull();
    pane.unmount();
  });

  it("set and changed (German typing) stores what the JSON upload stores; the contract's other rules and everything else stay", async () => {
    const { ctx, pane, c } = await rendered("V-2002");
    await typeInto(byTestId(c, "extras-surcharge-0-pct"), "37,5");
    await click(byTestId(c, "extras-add-surcharge"));
    await typeInto(byTestId(c, "extras-surcharge-1-label"), "Feiertag");
    await click(inputOf(c, "extras-surcharge-1-days", "holiday"));
    await typeInto(byTestId(c, "extras-surcharge-1-pct"), "100");
    await choose(byTestId(c, "extras-poolsCoverSurcharged"), "");
    // own flat fees start as the company's: change the price, add one
    await click(checkbox(c, "extras-own-flatFees"));
    expect(byTestId<HTMLInputElement>(c, "extras-flatfee-0-label").value).toBe("Anfahrt");
    await typeInto(byTestId(c, "extras-flatfee-0-price"), "30");
    await click(byTestId(c, "extras-add-flatfee"));
    await typeInto(byTestId(c, "extras-flatfee-1-label"), "Notdienst");
    await typeInto(byTestId(c, "extras-flatfee-1-activities"), "onsite");
    await choose(byTestId(c, "extras-flatfee-1-per"), "entry");
    await typeInto(byTestId(c, "extras-flatfee-1-articleNo"), "EMERG");
    await click(checkbox(c, "extras-own-extraHolidays"));
    await click(byTestId(c, "extras-add-holiday"));
    await typeInto(byTestId(c, "extras-holiday-1-day"), "31.12.2026");
    await click(checkbox(c, "extras-own-holidaysOff"));
    await click(inputOf(c, "extras-holidays-off", "FRONLEICHNAM"));
    await click(byTestId(c, "extras-save"));
    await waitFor(() => queryTestId(c, "rules-extras-saved"), "the saved notice");

    const expected = await viaJson({
      ...STORED,
      contracts: {
        ...STORED.contracts,
        "V-2002": {
          unitMinutes: 30, includedHoursPerMonth: "2", holidayRegion: "NW",
          surcharges: [
            { label: "Nacht", days: ["mon", "fri"], from: "22:00", to: "06:00", pct: "37.5" },
            { label: "Feiertag", days: ["holiday"], pct: "100" },
          ],
          flatFees: [
            { label: "Anfahrt", activities: ["onsite"], per: "day", articleNo: "TRAVEL", price: "30" },
            { label: "Notdienst", activities: ["onsite"], per: "entry", articleNo: "EMERG" },
          ],
          extraHolidays: ["12-24", "2026-12-31"],
          // the company's choice was copied; Mariä Himmelfahrt is no NW holiday but stays ticked
          holidaysOff: ["MARIAHIMMELFAHRT", "FRONLEICHNAM"],
        },
      },
    });
    expect(await storedRules(ctx)).toEqual(expected);
    expect(pane.storeChanges()).toBe(1);
    pane.unmount();
  });

  it("removed: every row gone is an own empty list (none for this contract); unticked, the default's again", async () => {
    const { ctx, pane, c } = await rendered("V-2002");
    await click(byTestId(c, "extras-surcharge-0-remove"));
    await click(checkbox(c, "extras-own-flatFees"));
    await click(byTestId(c, "extras-flatfee-0-remove"));
    await click(byTestId(c, "extras-save"));
    await waitFor(() => queryTestId(c, "rules-extras-saved"), "the saved notice");
    const none = { unitMinutes: 30, includedHoursPerMonth: "2", holidayRegion: "NW", surcharges: [], poolsCoverSurcharged: false, flatFees: [] };
    expect(await storedRules(ctx)).toEqual(await viaJson({ ...STORED, contracts: { ...STORED.contracts, "V-2002": none } }));

    await waitFor(() => checkbox(c, "extras-own-flatFees").checked, "the own (empty) flat fees shown");
    await click(checkbox(c, "extras-own-surcharges"));
    await click(checkbox(c, "extras-own-flatFees"));
    await choose(byTestId(c, "extras-poolsCoverSurcharged"), "");
    await click(byTestId(c, "extras-save"));
    await waitFor(() => pane.storeChanges() === 2 && queryTestId(c, "rules-extras-saved"), "the second save");
    expect(await storedRules(ctx)).toEqual(await viaJson({ ...STORED, contracts: { ...STORED.contracts, "V-2002": { unitMinutes: 30, includedHoursPerMonth: "2", holidayRegion: "NW" } } }));
    pane.unmount();
  });

  it("a bad percent, a surcharge without days and a day that does not exist: messages next to the fields, nothing stored", async () => {
    const { ctx, pane, c } = await rendered("V-2002");
    const before = await storedRules(ctx);
    await typeInto(byTestId(c, "extras-surcharge-0-pct"), "viel");
    await click(byTestId(c, "extras-add-surcharge"));
    await click(byTestId(c, "extras-add-surcharge"));
    // the first added row stays empty (no surcharge), so the validator's index 1 is form row 2
    await typeInto(byTestId(c, "extras-surcharge-2-pct"), "10");
    await click(checkbox(c, "extras-own-extraHolidays"));
    await typeInto(byTestId(c, "extras-holiday-0-day"), "31.02.");
    await click(byTestId(c, "extras-save"));
    await waitFor(() => fieldText(c, "extras-surcharge-0-pct").includes("viel"), "the percent's message");
    expect(fieldText(c, "extras-surcharge-0-pct")).toContain("contracts.V-2002.surcharges[0].pct");
    expect(fieldText(c, "extras-surcharge-2-days")).toContain("contracts.V-2002.surcharges[1].days");
    expect(fieldText(c, "extras-surcharge-1-days")).not.toContain("surcharges");
    expect(fieldText(c, "extras-holiday-0-day")).toContain("contracts.V-2002.extraHolidays[0]");
    expect(queryTestId(c, "rules-extras-saved")).toBeNull();
    expect(await storedRules(ctx)).toEqual(before);
    expect(pane.storeChanges()).toBe(0);
    pane.unmount();
  });

  it.each([
    ["de", "V-2002"],
    ["en", "V-2002"],
    ["de", "V-1001"],
    ["en", "V-1001"],
    ["de", "V-2001"],
  ] as const)("saved unchanged (%s, %s) stores the same rules; an entry stored empty survives", async (language, contractNo) => {
    const { ctx, pane, c } = await rendered(contractNo, language);
    const before = await storedRules(ctx);
    await click(byTestId(c, "extras-save"));
    await waitFor(() => queryTestId(c, "rules-extras-saved"), "the saved notice");
    expect(await storedRules(ctx)).toEqual(before);
    if (contractNo === "V-1001") expect(before?.contracts["V-1001"]).toEqual({});
    pane.unmount();
  });
});
