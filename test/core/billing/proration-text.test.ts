import type { IsoDate } from "../../../src/core/date/iso-date";
import { prorationDaysText } from "../../../src/core/billing/proration-text";

const d = (s: string) => s as IsoDate;

describe("proration shown as days", () => {
  it("says 17 von 31 Tagen / 17 of 31 days for the stored 6-decimal factor", () => {
    expect(prorationDaysText(d("2026-10-15"), d("2026-10-31"), "0.548387", "de")).toBe("17 von 31 Tagen");
    expect(prorationDaysText(d("2026-10-15"), d("2026-10-31"), "0.548387", "en")).toBe("17 of 31 days");
    expect(prorationDaysText(d("2028-02-01"), d("2028-02-10"), "0.344828", "de")).toBe("10 von 29 Tagen");
  });

  it("gives null (the number is shown) for a full month, a period across months or a factor that is not the day share", () => {
    expect(prorationDaysText(d("2026-10-01"), d("2026-10-31"), "1", "de")).toBeNull();
    expect(prorationDaysText(d("2026-10-15"), d("2026-11-14"), "1", "de")).toBeNull();
    expect(prorationDaysText(d("2026-10-15"), d("2026-10-31"), "1.096774", "de")).toBeNull();
  });
});
