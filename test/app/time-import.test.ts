import { dbOf } from "../support/db-view";
import { importMaster } from "../../src/app/import-master";
import { importTime, loadRules, saveTimeProfiles, setRules } from "../../src/app/time";
import { formatIssue } from "../../src/core/messages";
import { runBilling } from "../../src/app/bill";
import type { TimeEntry } from "../../src/core/time/model";
import { backupToJson, exportBackup } from "../../src/store/backup";
import { textFile } from "../support/fixtures";
import { TIME_CSV, timeWorkspace } from "./time-fixtures";

describe("time import", () => {
  it("importing the same file twice adds nothing (ids from the content); equal rows in one file both count", async () => {
    const ctx = await timeWorkspace();
    const first = await importTime(ctx, textFile("zeiten.csv", TIME_CSV));
    expect(first.ok && first.value).toMatchObject({ added: 5, unchanged: 0, batchId: "time-00002" });
    const before = backupToJson(await exportBackup(ctx.store, "t"));
    const second = await importTime(ctx, textFile("zeiten-kopie.csv", TIME_CSV.replace(/\n/g, "\r\n")));
    expect(second.ok && second.value).toMatchObject({ added: 0, unchanged: 5, batchId: null });
    expect(backupToJson(await exportBackup(ctx.store, "t"))).toBe(before);
    const twice = "ticket_no,customer_no,date,minutes\n1,10001,2026-06-01,15\n1,10001,2026-06-01,15\n";
    const dup = await importTime(ctx, textFile("dup.csv", twice));
    expect(dup.ok && dup.value.added).toBe(2);
    const again = await importTime(ctx, textFile("dup.csv", twice));
    expect(again.ok && again.value.added).toBe(0);
  });

  it("a file with one bad cell imports nothing; every issue names file, row and column", async () => {
    const ctx = await timeWorkspace();
    const bad = TIME_CSV + "\n4999,10001,2026-06-31,09:00,10:00,,jm,remote,ja,\n5001,99999,2026-06-05,,,30,jm,remote,ja,\n";
    const r = await importTime(ctx, textFile("zeiten.csv", bad));
    expect(!r.ok && r.issues.map((i) => formatIssue(i))).toEqual([
      'zeiten.csv, row 7, column "date (C)": "2026-06-31" is not a valid date (expected YYYY-MM-DD or DD.MM.YYYY).',
      'zeiten.csv, row 8, column "customer_no (B)": Customer "99999" is neither a customer number nor mapped (mapping kind customer, source time-generic or *).',
    ]);
    expect(await dbOf(ctx).timeEntries.count()).toBe(0);
  });

  it("ConnectWise: the profile is recognised by its headers, companies are mapped, a changed entry replaces the unbilled one", async () => {
    const ctx = await timeWorkspace();
    await importMaster(ctx, [textFile("m.csv", "kind,source,external_id,internal_no\ncustomer,time-connectwise,ACME,10001\n")]);
    const cw = (hours: string, end: string) =>
      `id,company,chargeToId,chargeToType,member,workType,timeStart,timeEnd,actualHours,billableOption,notes\n901,ACME,T-77,ServiceTicket,jdoe,remote,2026-06-02T07:00:00Z,${end},${hours},Billable,Patch\n`;
    const a = await importTime(ctx, textFile("cw.csv", cw("1", "2026-06-02T08:00:00Z")));
    expect(a.ok && a.value).toMatchObject({ profile: "time-connectwise", added: 1 });
    const b = await importTime(ctx, textFile("cw.csv", cw("1.5", "2026-06-02T08:30:00Z")));
    expect(b.ok && b.value).toMatchObject({ added: 0, changed: 1 });
    const [e] = (await dbOf(ctx).timeEntries.toArray()) as TimeEntry[];
    expect(e).toMatchObject({ customerNo: "10001", date: "2026-06-02", start: "09:00", end: "10:30", minutes: 90, externalId: "901" });
    await runBilling(ctx, { month: "2026-06", invoiceDate: "2026-07-01" });
    const c = await importTime(ctx, textFile("cw.csv", cw("2", "2026-06-02T09:00:00Z")));
    expect(c.ok && c.value.warnings.map((i) => i.code)).toEqual(["time.changed_after_billing"]);
    expect(((await dbOf(ctx).timeEntries.toArray()) as TimeEntry[])[0]!.minutes).toBe(90);
  });

  it("saved profiles map other ticket systems' columns; an unknown profile is an issue", async () => {
    const ctx = await timeWorkspace();
    const saved = await saveTimeProfiles(ctx, JSON.stringify({ id: "halo", name: "HaloPSA export", version: 1, columns: { ticket: "Ticket ID", customer: "Client", date: "Date", minutes: "Time (mins)", activity: "Charge Type" } }));
    expect(saved.ok).toBe(true);
    const r = await importTime(ctx, textFile("halo.csv", "Ticket ID;Client;Date;Time (mins);Charge Type\n881;10002;03.06.2026;45;remote\n"));
    expect(r.ok && r.value).toMatchObject({ profile: "halo", added: 1 });
    const u = await importTime(ctx, textFile("x.csv", "a,b\n1,2\n"), { profileId: "nope" });
    expect(!u.ok && u.issues[0]!.code).toBe("time.profile_unknown");
    const none = await importTime(ctx, textFile("x.csv", "a,b\n1,2\n"));
    expect(!none.ok && none.issues[0]!.code).toBe("time.no_profile");
  });
});

describe("rules set", () => {
  it("stores valid rules (warning on unknown contracts and articles) and keeps the old ones on errors", async () => {
    const ctx = await timeWorkspace();
    const kept = JSON.stringify(await ctx.store.read((tx) => loadRules(tx)));
    const bad = await setRules(ctx, JSON.stringify({ defaults: { surcharges: [{ days: ["sat"], pct: "fifty" }] } }), "r.json");
    expect(!bad.ok && bad.issues.map((i) => formatIssue(i))).toEqual(['r.json: defaults.surcharges[0].pct: "fifty" is invalid (expected a decimal number such as "95.00").']);
    expect(JSON.stringify(await ctx.store.read((tx) => loadRules(tx)))).toBe(kept);
    const warn = await setRules(ctx, JSON.stringify({ defaults: { activities: { remote: { articleNo: "NOPE" } } }, contracts: { "V-999": { includedHoursPerMonth: "1" } } }), "r.json");
    expect(warn.ok && warn.value.warnings.map((i) => formatIssue(i))).toEqual([
      "r.json: Rules for contract V-999, which does not exist (yet).",
      "r.json: defaults.activities.remote.articleNo: article NOPE is unknown; lines with it are billed once it exists.",
    ]);
  });
});
