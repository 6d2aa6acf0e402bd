import type { TimeProfile } from "../profile";

/** The generic time-entry CSV of PRODUCT.md §8 (plus optional `contract_no` and `entry_id`). */
export const GENERIC_TIME_PROFILE: TimeProfile = {
  id: "time-generic",
  name: "Generic time entries (ticket_no, customer_no, date, start, end, minutes …)",
  version: 1,
  columns: {
    ticket: "ticket_no",
    customer: "customer_no",
    contract: "contract_no",
    date: "date",
    start: "start",
    end: "end",
    minutes: "minutes",
    technician: "technician",
    activity: "activity",
    billable: "billable",
    description: "description",
    entryId: "entry_id",
  },
};

/**
 * Zammad time accounting, "Ticket" download (per month): Number, Title, Customer, Organization, Owner,
 * time units this month, … Built from Zammad's admin documentation (manage/time-accounting), not from
 * a real export. Rows are monthly totals: the date comes from `--date` (e.g. the month's last day),
 * no surcharges apply; the organisation is mapped to our customer number (mappings, source
 * `time-zammad`). Time units are unit-less in Zammad: set `minutesPerUnit` to what your team books.
 */
export const ZAMMAD_TIME_PROFILE: TimeProfile = {
  id: "time-zammad",
  name: "Zammad time accounting, ticket list (from documentation)",
  version: 1,
  columns: { ticket: "Number", customer: "Organization", units: "time units this month", technician: "Owner", description: "Title" },
  minutesPerUnit: "1",
  aggregate: true,
  note: "built from the Zammad admin documentation; check against a real export",
};

/**
 * ConnectWise PSA time entries, with the API field names of a time entry (company, chargeToId,
 * member, workType, timeStart, timeEnd in UTC, actualHours, billableOption, notes) as CSV headers.
 * Built from the API documentation, not from a real export; adapt the headers of your export tool.
 * billableOption `Billable` is billed; `DoNotBill`, `NoCharge` and `NoDefault` are not.
 */
export const CONNECTWISE_TIME_PROFILE: TimeProfile = {
  id: "time-connectwise",
  name: "ConnectWise PSA time entries (API field names, from documentation)",
  version: 1,
  columns: {
    entryId: "id",
    ticket: "chargeToId",
    customer: "company",
    start: "timeStart",
    end: "timeEnd",
    hours: "actualHours",
    technician: "member",
    activity: "workType",
    billable: "billableOption",
    description: "notes",
  },
  dateTime: "utc",
  billableYes: ["Billable"],
  billableNo: ["DoNotBill", "NoCharge", "NoDefault"],
  note: "built from the ConnectWise API documentation; check against a real export",
};

export const BUILTIN_TIME_PROFILES: readonly TimeProfile[] = [GENERIC_TIME_PROFILE, ZAMMAD_TIME_PROFILE, CONNECTWISE_TIME_PROFILE];
