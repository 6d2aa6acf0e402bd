import { reviewMeters } from "../../app/meter-review";
import { meterReviewTableRows } from "../../io/meters/review-table";
import { monthReviewCommand } from "../month-review-command";

export const metersReviewCommand = monthReviewCommand({
  name: "meters review",
  usage: "meters review --workspace W --period YYYY-MM [--out REVIEW.csv|.xlsx] [--json]",
  summary: "the click contracts' devices in the open months up to the month: readings, pages, included and over, each device's share of what `bill` would charge (minimum fee top-up as its own row); CSV on stdout or --out (reads only)",
  sheet: "meters",
  async review(ctx, month, io) {
    const review = await reviewMeters(ctx, month);
    const t = review.totals;
    return {
      table: meterReviewTableRows(review.rows, io.lang),
      issues: review.issues,
      totals: t,
      summary: `meters review ${month}: ${t.contracts} click contract${t.contracts === 1 ? "" : "s"}, ${t.rows} rows (${t.charged} charged, ${t.noReading} without a reading, ${t.baselines} baselines, ${t.problems} with problems), ${t.net} net`,
    };
  },
});
