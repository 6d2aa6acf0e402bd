import type { UserProfile } from "../user-profile";

/**
 * EXAMPLE user profile for the Ingram Micro Cloud Marketplace "Billing / Rated Data Export", short
 * view (the legacy COGS layout). BUILT FROM DOCUMENTATION, NOT FROM A REAL FILE.
 *
 * Documented (research/domain.md A2, kb.cloud.im article 66000396563): `Reseller ID`, `Reseller
 * Company Name`, `Customer Account ID`, `End Customer Name`, `Subscription ID`, `Subscription Name`,
 * `Subscription Expiration Date` (2022-04-01, ISO dates), `Plan ID`, … — the article lists more
 * columns than our notes keep.
 * ASSUMED (not in our notes; check against a real export and correct the profile): `Quantity`,
 * `Total Price`, `Period Start Date`, `Period End Date`, `Currency`. Because every mapped column is
 * required for recognition, a real file without these exact headers is simply not recognised by this
 * example — edit the column names (or copy the profile) rather than trusting it blindly.
 * Ingram invoice lines carry a `Duration` fraction for prorated co-termed seats; with the amount
 * mapped the reader's unit cost already accounts for it.
 */
export const ingramRdeShortExample: UserProfile = {
  id: "example-ingram-rde-short",
  version: 1,
  name: "Ingram Micro RDE (short view) — example",
  note: "Example built from Ingram's documentation, not from a real file. Columns Quantity, Total Price, Period Start Date, Period End Date and Currency are assumptions: check them against your export.",
  example: true,
  match: { requiredHeaders: ["Reseller ID", "Customer Account ID", "End Customer Name", "Subscription ID", "Plan ID"] },
  number: { decimalSeparator: "auto" },
  dateFormat: "YYYY-MM-DD",
  columns: {
    customerId: "Customer Account ID",
    customerName: "End Customer Name",
    articleKey: "Plan ID",
    articleName: "Subscription Name",
    quantity: "Quantity",
    amount: "Total Price",
    periodFrom: "Period Start Date",
    periodTo: "Period End Date",
    subscriptionId: "Subscription ID",
    currency: "Currency",
  },
  sign: { mode: "asIs" },
};

/** Example user profiles shipped with the program (all built from documentation). */
export const EXAMPLE_USER_PROFILES: readonly UserProfile[] = [ingramRdeShortExample];
