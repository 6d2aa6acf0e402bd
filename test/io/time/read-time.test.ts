import { formatIssue } from "../../../src/core/messages";
import { readCsvText } from "../../../src/io/table/read-csv";
import { toHeaderTable } from "../../../src/io/table/header-table";
import { parseDateTime } from "../../../src/io/time/date-time";
import { parseTimeProfiles } from "../../../src/io/time/profile";
import { CONNECTWISE_TIME_PROFILE, GENERIC_TIME_PROFILE, ZAMMAD_TIME_PROFILE } from "../../../src/io/time/profiles/builtin";
import { readTimeTable } from "../../../src/io/time/read-time";

const table = (text: string, name = "t.csv") => toHeaderTable(readCsvText(text, name).table).table!;

describe("readTimeTable (generic CSV, PRODUCT.md §8)", () => {
  it("reads start/end, minutes-only rows, an end before the start (next day), German dates and billable flags", () => {
    const csv = [
      "ticket_no;customer_no;date;start;end;minutes;technician;activity;billable;description",
      "4711;10001;04.06.2026;21:00;23:30;;jm;remote;ja;Server-Update",
      "4712;10001;2026-06-05;;;45;ab;onsite;1;Drucker",
      "4713;10001;2026-06-05;23:10;0:40;;ab;;nein;",
      "4714;10001;2026-06-06;08:00;24:00;;ab;remote;;",
    ].join("\n");
    const { rows, issues } = readTimeTable(table(csv), GENERIC_TIME_PROFILE);
    expect(issues).toEqual([]);
    expect(rows.map((r) => [r.ticketNo, r.date, r.start, r.end, r.minutes, r.billable, r.activity])).toEqual([
      ["4711", "2026-06-04", "21:00", "23:30", 150, true, "remote"],
      ["4712", "2026-06-05", undefined, undefined, 45, true, "onsite"],
      ["4713", "2026-06-05", "23:10", "00:40", 90, false, ""],
      ["4714", "2026-06-06", "08:00", "00:00", 960, true, "remote"],
    ]);
  });

  it("every bad cell is an issue with file, row and column", () => {
    const csv = [
      "ticket_no,customer_no,date,start,end,minutes,technician,activity,billable,description",
      ",10001,2026-06-04,21:00,23:30,,jm,remote,yes,",
      "1,10001,31.06.2026,21:00,,,jm,remote,yes,",
      "2,10001,2026-06-04,25:00,23:30,,jm,remote,maybe,",
      "3,10001,2026-06-04,,,-5,jm,remote,yes,",
      "4,10001,2026-06-04,,,,jm,remote,yes,",
    ].join("\n");
    const { rows, issues } = readTimeTable(table(csv), GENERIC_TIME_PROFILE);
    expect(rows).toEqual([]);
    expect(issues.map((i) => formatIssue(i))).toEqual([
      't.csv, row 2, column "ticket_no (A)": Required value is empty.',
      't.csv, row 3, column "date (C)": "31.06.2026" is not a valid date (expected YYYY-MM-DD or DD.MM.YYYY).',
      't.csv, row 3, column "end (E)": Give start and end together (or leave both empty and fill in minutes).',
      't.csv, row 4, column "start (D)": "25:00" is not a time of day (expected HH:MM).',
      't.csv, row 4, column "billable (I)": "maybe" is not allowed (allowed: yes, ja, 1, no, nein, 0).',
      't.csv, row 5, column "minutes (F)": "-5" must not be negative.',
      't.csv, row 6, column "minutes (F)": Without start and end the duration (minutes) is required.',
    ]);
  });
});

describe("example profiles (built from documentation)", () => {
  it("ConnectWise: UTC time stamps become German local time (summer and winter), billableOption maps to the flag", () => {
    const csv = [
      "id,company,chargeToId,chargeToType,member,workType,timeStart,timeEnd,actualHours,billableOption,notes",
      "901,ACME,T-77,ServiceTicket,jdoe,Remote Support,2026-06-04T19:00:00Z,2026-06-04T21:30:00Z,2.5,Billable,Patch",
      "902,ACME,T-78,ServiceTicket,jdoe,Remote Support,2026-01-15T22:30:00Z,2026-01-15T23:15:00Z,0.75,NoCharge,",
      "903,ACME,T-79,ServiceTicket,jdoe,Onsite,2026-01-16T08:00:00Z,,1.25,DoNotBill,",
    ].join("\n");
    const { rows, issues } = readTimeTable(table(csv), CONNECTWISE_TIME_PROFILE);
    expect(issues).toEqual([]);
    expect(rows.map((r) => [r.externalId, r.customerKey, r.ticketNo, r.date, r.start, r.end, r.minutes, r.billable, r.activity])).toEqual([
      ["901", "ACME", "T-77", "2026-06-04", "21:00", "23:30", 150, true, "Remote Support"],
      ["902", "ACME", "T-78", "2026-01-15", "23:30", "00:15", 45, false, "Remote Support"],
      ["903", "ACME", "T-79", "2026-01-16", undefined, undefined, 75, false, "Onsite"],
    ]);
  });

  it("Zammad: monthly time units per ticket, dated by --date, marked as aggregates", () => {
    const csv = ["Number,Title,Customer,Organization,Owner,time units this month,time units total,Created at,Closed at", "31001,VPN defekt,Max Muster,Muster GmbH,Anna,90,120,2026-05-02,"].join("\n");
    const missingDate = readTimeTable(table(csv), ZAMMAD_TIME_PROFILE);
    expect(missingDate.issues.map((i) => i.code)).toEqual(["time.date_required"]);
    const { rows, issues } = readTimeTable(table(csv), ZAMMAD_TIME_PROFILE, { date: "2026-05-31" });
    expect(issues).toEqual([]);
    expect(rows).toEqual([{ ticketNo: "31001", customerKey: "Muster GmbH", date: "2026-05-31", minutes: 90, technician: "Anna", activity: "", billable: true, description: "VPN defekt", aggregate: true, source: { file: "t.csv", row: 2 } }]);
  });

  it("parseDateTime converts offsets and Z to Europe/Berlin and keeps plain local times", () => {
    expect(parseDateTime("2026-03-29T00:30:00Z", true)).toMatchObject({ date: "2026-03-29", minutes: 90 }); // before the switch: +1 h
    expect(parseDateTime("2026-03-29T01:30:00Z", true)).toMatchObject({ date: "2026-03-29", minutes: 210 }); // after: +2 h
    expect(parseDateTime("2026-06-04T21:00:00+02:00", false)).toMatchObject({ date: "2026-06-04", minutes: 1260 });
    expect(parseDateTime("2026-06-04 21:00", false)).toMatchObject({ date: "2026-06-04", minutes: 1260 });
    expect(parseDateTime("2026-02-30T10:00:00Z", true)).toBeNull();
  });

  it("saved profiles are validated with the field named", () => {
    const ok = parseTimeProfiles(JSON.stringify({ id: "halo", name: "HaloPSA", version: 1, columns: { ticket: "Ticket ID", customer: "Client", date: "Date", minutes: "Minutes" } }), new Set(["time-generic"]));
    expect(ok.ok).toBe(true);
    const bad = parseTimeProfiles(JSON.stringify({ id: "time-generic", name: "x", version: 1, columns: { ticket: "T", customr: "C", date: "D", minutes: "M" } }), new Set(["time-generic"]));
    expect(!bad.ok && bad.issues.map((i) => [i.code, i.params.field ?? i.params.id])).toEqual([
      ["profile.field_unknown", "columns.customr"],
      ["profile.field_required", "columns.customer"],
    ]);
  });
});
