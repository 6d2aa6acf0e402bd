/**
 * The pane's Zeiten/Zähler, usage, settings, vendor-profile, backup and restore steps in server mode,
 * without the browser: the pane's use cases (src/taskpane/connection/use-cases.ts) with a ServerStore
 * go to a real team server (`POST /api/pane/NAME` on a loopback port; embedded store, PostgreSQL with
 * MSP_TEST_STORE=postgres) and give what they give on a local store. A ServerStore refuses every store
 * access but the lookups, so a step that still ran in the pane would fail here. Arguments and results
 * are checked to be JSON-clean (they survive encodeCallJson/decodeCallJson unchanged).
 */
import { finalizeRun } from "../../src/app/issue-run";
import { decodeCallJson, encodeCallJson } from "../../src/app/pane-calls";
import { USAGE_SETTINGS_SCHEMAS } from "../../src/server/pane-schemas/usage-settings";
import type { AppContext } from "../../src/app/context";
import type { IsoMonth } from "../../src/core/date/iso-month";
import { EXAMPLE_USER_PROFILES } from "../../src/io/vendor";
import { ServerCallError, ServerConnection } from "../../src/taskpane/connection/server-connection";
import * as pane from "../../src/taskpane/connection/use-cases";
import { saveBackup } from "../../src/taskpane/storage";
import { describeIssue, unexpectedIssue } from "../../src/taskpane/issues";
import { balanceSheetRows } from "../../src/taskpane/usage/balance-sheet";
import type { BillingStore } from "../../src/store/port";
import { backupJson } from "../../src/app/backup";
import { COMPANY, DATEV_CONFIG } from "../scenarios/exports/scenario";
import { FIXED_NOW, exportProfileNamed, testContext, textFile as file } from "../support/fixtures";
import { seedStore } from "../support/reconcile-scenario";
import { listeningServer } from "../server/server-fixture";
import { METERS_CSV, TIME_ARTICLES, TIME_CONTRACTS, TIME_CSV, TIME_RULES } from "../app/time-fixtures";
import { AZURE_ARTICLES, AZURE_CUSTOMERS, AZURE_TENANT_MAPPINGS, USAGE_RULES, azureRead } from "../app/usage-fixtures";

jest.setTimeout(180_000);

// Every call the pane sends in these tests is checked against its argument schema (as the server will).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Ajv2020 = require(require.resolve("ajv/dist/2020", { paths: [require.resolve("@fastify/ajv-compiler")] })).default as new (o: object) => { compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown } };
const ajv = new Ajv2020({ strict: true, allErrors: true });
const schemaChecks = Object.fromEntries(Object.entries(USAGE_SETTINGS_SCHEMAS).map(([n, schema]) => [n, ajv.compile(schema!)]));
const checked = new Set<string>();
const send = ServerConnection.prototype.call;
beforeAll(() => {
  jest.spyOn(ServerConnection.prototype, "call").mockImplementation(function (this: ServerConnection, name, args, lang) {
    const check = schemaChecks[name];
    if (check) {
      if (!check(JSON.parse(encodeCallJson(args)))) throw new Error(`${name}: arguments do not fit the schema: ${JSON.stringify(check.errors)}`);
      checked.add(name);
    }
    return send.call(this, name, args, lang);
  });
});
afterAll(() => {
  jest.restoreAllMocks();
  // each call of this area went through its schema at least once
  expect([...checked].sort()).toEqual(Object.keys(USAGE_SETTINGS_SCHEMAS).sort());
});

function unwrap<T>(r: { ok: true; value: T } | { ok: false; issues: unknown[] }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

/** Only what JSON carries (and byte arrays): no Decimal, Map, Date, functions, class instances. */
function jsonCleanProblems(value: unknown, path = "$"): string[] {
  if (value === null || typeof value === "string" || typeof value === "boolean") return [];
  if (typeof value === "number") return Number.isFinite(value) ? [] : [`${path}: ${value}`];
  if (value === undefined) return [];
  if (value instanceof Uint8Array) return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => jsonCleanProblems(v, `${path}[${i}]`));
  if (typeof value === "object") {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return [`${path}: ${proto?.constructor?.name ?? "class instance"}`];
    return Object.entries(value).flatMap(([k, v]) => jsonCleanProblems(v, `${path}.${k}`));
  }
  return [`${path}: ${typeof value}`];
}

/** Asserts `value` is JSON-clean and survives the pane call encoding unchanged. */
function expectJsonClean(value: unknown): void {
  expect(jsonCleanProblems(value)).toEqual([]);
  expect(decodeCallJson(encodeCallJson(value))).toEqual(value);
}

/** Results compared as the pane sees them (undefined properties are absent after JSON). */
const plain = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;

async function auditKinds(store: BillingStore): Promise<{ kind: string; user?: string }[]> {
  return store.read(async (tx) => (await tx.audit.recent(1000)) as { kind: string; user?: string }[]);
}

describe("Zeiten/Zähler and usage on the team server", () => {
  const server = listeningServer();

  /** The Zeiten/Zähler steps of the pane, each result kept (arguments checked JSON-clean). */
  async function timeSteps(ctx: AppContext) {
    const out: Record<string, unknown> = {};
    out.master = unwrap(await pane.importMaster(ctx, [file("articles.csv", TIME_ARTICLES), file("contracts.csv", TIME_CONTRACTS)]));
    out.rules = unwrap(await pane.setRules(ctx, TIME_RULES, "rules.json"));
    out.stored = await pane.storedRules(ctx);
    const timeFile = file("zeiten-juni.csv", TIME_CSV);
    expectJsonClean([timeFile]);
    out.time = unwrap(await pane.importTime(ctx, timeFile));
    out.timeAgain = unwrap(await pane.importTime(ctx, timeFile, {}));
    const meters = unwrap(await pane.importMeters(ctx, file("zaehler.csv", METERS_CSV)));
    out.meters = meters;
    out.meterReview = await pane.reviewMeters(ctx, "2026-06" as IsoMonth);
    const review = await pane.reviewTimeEntries(ctx, "2026-06" as IsoMonth);
    out.review = review;
    const row = review.rows.find((r) => r.billable)!;
    const decisions = [{ entryId: row.entryId, billable: false, where: { source: "Zeiten 2026-06", row: 2, column: "abrechnen (B)" } }];
    expectJsonClean([decisions, { name: "Zeiten 2026-06", sha256: "b".repeat(64) }]);
    out.decided = unwrap(await pane.applyTimeDecisions(ctx, decisions, { name: "Zeiten 2026-06", sha256: "b".repeat(64) }));
    out.decidedAgain = unwrap(await pane.applyTimeDecisions(ctx, decisions));
    out.balance = unwrap(await pane.timeBalanceFigures(ctx, "V-200", "2026-06" as IsoMonth));
    out.unknownBalance = await pane.timeBalanceFigures(ctx, "X-1", "2026-06" as IsoMonth);
    out.balanceSheet = await balanceSheetRows(ctx, "2026-06" as IsoMonth, "de");
    out.contracts = await pane.contractNumbers(ctx);
    out.badRules = await pane.setRules(ctx, "{", "kaputt.json");
    out.undo = unwrap(await pane.undoBatch(ctx, meters.batchId!));
    return out;
  }

  it("time import, review, decisions, balances and rules give on the server what they give locally; the audit names the user", async () => {
    const local = await timeSteps(await testContext());
    const remote = await timeSteps(await server.paneContext("ada"));
    for (const v of Object.values(local)) expectJsonClean(v);
    expect(plain(remote)).toEqual(plain(local));
    expect((local.time as { added: number }).added).toBeGreaterThan(0);
    expect((local.decided as { withdrawn: number }).withdrawn).toBe(1);
    expect((local.meterReview as { totals: { net: string } }).totals.net).toBe("15.84");
    expect((local.balance as { start: string }).start).toMatch(/^\d/);
    expect(local.unknownBalance).toMatchObject({ ok: false });
    const audit = await auditKinds(server.store);
    expect(audit.find((e) => e.kind === "rules.set")?.user).toBe("ada");
    expect(audit.filter((e) => e.kind.startsWith("time")).every((e) => e.user === "ada")).toBe(true);
  });

  it("roles: the auditor reads (review, balances) but gets 403 on imports and decisions; a clerk gets 403 on the admin's rules", async () => {
    const otto = await server.paneContext("otto");
    expect((await pane.reviewTimeEntries(otto, "2026-06" as IsoMonth)).rows.length).toBeGreaterThan(0);
    expect(unwrap(await pane.timeBalanceFigures(otto, "V-200", "2026-06" as IsoMonth)).contractNo).toBe("V-200");
    expect((await pane.reviewMeters(otto, "2026-06" as IsoMonth)).month).toBe("2026-06");
    expect(await pane.contractNumbers(otto)).toContain("V-200");
    const before = await server.store.revision();
    await expect(pane.importTime(otto, file("zeiten.csv", TIME_CSV))).rejects.toMatchObject({ status: 403 });
    await expect(pane.importMeters(otto, file("zaehler.csv", METERS_CSV))).rejects.toMatchObject({ status: 403 });
    await expect(pane.applyTimeDecisions(otto, [])).rejects.toMatchObject({ status: 403 });
    await expect(pane.importUsage(otto, [azureRead()])).rejects.toMatchObject({ status: 403 });
    await expect(pane.applyUsageDecisions(otto, [])).rejects.toMatchObject({ status: 403 });
    const clara = await server.paneContext("clara");
    await expect(pane.setRules(clara, TIME_RULES, "rules.json")).rejects.toMatchObject({ status: 403 });
    await expect(pane.setUsageRules(clara, USAGE_RULES, "usage-rules.json")).rejects.toMatchObject({ status: 403 });
    const refused = await pane.setRules(otto, TIME_RULES, "rules.json").catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ServerCallError);
    // the pane shows a 403 as what it is, not as an unexpected error
    const shown = unexpectedIssue(refused);
    expect(shown.code).toBe("pane.server_forbidden");
    expect(describeIssue(shown, "de")).toMatch(/^Auf dem Teamserver ist das Ihrer Rolle nicht erlaubt: .*Administrator.*\(role auditor may not call setRules\)$/);
    expect(unexpectedIssue(new Error("kaputt")).code).toBe("pane.unexpected");
    expect(await server.store.revision()).toBe(before);
    // The clerk does the billing work: a time import (nothing new) goes through.
    expect(unwrap(await pane.importTime(clara, file("zeiten-juni.csv", TIME_CSV))).added).toBe(0);
  });
});

/** Customers, articles and tenant mappings of the Azure usage fixture (test/app/usage-fixtures.ts). */
async function seedUsage(store: BillingStore): Promise<void> {
  await store.write(async (tx) => {
    await tx.customers.putMany(AZURE_CUSTOMERS);
    await tx.articles.putMany(AZURE_ARTICLES);
    await tx.mappings.putMany(AZURE_TENANT_MAPPINGS);
  });
}

/** Two export profiles (the second one is deleted in the steps). */
const EXPORT_PROFILES = [exportProfileNamed("lexware", "Lexware"), exportProfileNamed("sage", "Sage 100")];

describe("usage, export settings and vendor profiles on the team server", () => {
  const server = listeningServer();

  async function steps(ctx: AppContext) {
    const out: Record<string, unknown> = {};
    const month = "2020-09" as IsoMonth;
    out.usageRules = unwrap(await pane.setUsageRules(ctx, USAGE_RULES, "usage-rules.json"));
    const read = azureRead();
    expectJsonClean([[read]]);
    out.imported = unwrap(await pane.importUsage(ctx, [read]));
    const review = await pane.reviewUsage(ctx, month);
    out.review = review;
    out.decided = unwrap(await pane.applyUsageDecisions(ctx, [{ key: review.rows[0]!.key, decision: "hold" }], { name: "Verbrauch 2020-09", sha256: "c".repeat(64) }));
    out.reviewAfter = await pane.reviewUsage(ctx, month);
    out.datev = unwrap(await pane.saveExportSettingsFile(ctx, "datev.json", JSON.stringify(DATEV_CONFIG)));
    out.company = unwrap(await pane.saveExportSettingsFile(ctx, "firma.json", JSON.stringify(COMPANY)));
    out.badSettings = await pane.saveExportSettingsFile(ctx, "kaputt.json", "[1]");
    out.exportProfiles = unwrap(await pane.saveExportSettingsFile(ctx, "profile.json", JSON.stringify({ profiles: EXPORT_PROFILES })));
    out.deletedProfile = unwrap(await pane.deleteExportProfile(ctx, "sage"));
    out.deletedAgain = await pane.deleteExportProfile(ctx, "sage");
    out.profilesLeft = await pane.listExportProfiles(ctx);
    out.loaded = [await pane.loadDatevConfig(ctx), await pane.loadCompanyInfo(ctx)];
    out.profiles = unwrap(await pane.saveProfilesFromJson(ctx, JSON.stringify(EXAMPLE_USER_PROFILES)));
    out.userProfiles = await pane.loadUserProfiles(ctx);
    out.exported = await pane.exportUserProfiles(ctx);
    out.exportedOne = await pane.exportUserProfiles(ctx, [EXAMPLE_USER_PROFILES[0]!.id]);
    return out;
  }

  it("usage import, review and decisions, export settings and vendor profiles give on the server what they give locally", async () => {
    const localCtx = await testContext();
    await seedUsage(localCtx.store);
    await seedUsage(server.store);
    const local = await steps(localCtx);
    const remote = await steps(await server.paneContext("ada"));
    for (const v of Object.values(local)) expectJsonClean(v);
    expect(plain(remote)).toEqual(plain(local));
    expect((local.imported as { records: number }).records).toBeGreaterThan(0);
    expect((local.decided as { held: number }).held).toBe(1);
    expect(local.badSettings).toMatchObject({ ok: false });
    expect(local.deletedProfile).toEqual({ id: "sage", name: "Sage 100" });
    expect(local.deletedAgain).toMatchObject({ ok: false, issues: [{ code: "export.profile_delete_unknown" }] });
    expect((await auditKinds(server.store)).find((e) => e.kind === "exportProfile.delete")?.user).toBe("ada");
    expect(JSON.parse(local.exported as string).profiles).toHaveLength(EXAMPLE_USER_PROFILES.length);
  });

  it("roles: settings, deleting an export profile and vendor profiles are the admin's (clerk and auditor 403), reading them is anyone's", async () => {
    const clara = await server.paneContext("clara");
    await expect(pane.saveExportSettingsFile(clara, "datev.json", JSON.stringify(DATEV_CONFIG))).rejects.toMatchObject({ status: 403 });
    await expect(pane.saveProfilesFromJson(clara, JSON.stringify(EXAMPLE_USER_PROFILES))).rejects.toMatchObject({ status: 403 });
    await expect(pane.deleteExportProfile(clara, "lexware")).rejects.toMatchObject({ status: 403 });
    const otto = await server.paneContext("otto");
    await expect(pane.saveExportSettingsFile(otto, "datev.json", JSON.stringify(DATEV_CONFIG))).rejects.toMatchObject({ status: 403 });
    await expect(pane.deleteExportProfile(otto, "lexware")).rejects.toMatchObject({ status: 403 });
    expect((await pane.listExportProfiles(otto)).profiles.map((p) => p.id)).toEqual(["lexware"]);
    expect(unwrap(await pane.loadDatevConfig(otto))).toMatchObject({ consultantNo: DATEV_CONFIG.consultantNo });
    expect((await pane.loadUserProfiles(otto)).profiles.map((p) => p.id)).toEqual(EXAMPLE_USER_PROFILES.map((p) => p.id));
    expect(JSON.parse(await pane.exportUserProfiles(otto)).profiles).toHaveLength(EXAMPLE_USER_PROFILES.length);
    expect((await pane.reviewUsage(otto, "2020-09" as IsoMonth)).rows.length).toBeGreaterThan(0);
  });
});

describe("backup and restore in server mode", () => {
  const server = listeningServer();

  it("any role downloads the team store's backup; nothing is recorded on the team store (no reminder in server mode)", async () => {
    await seedStore({ store: server.store, now: () => FIXED_NOW });
    const otto = await server.paneContext("otto");
    const auditBefore = (await auditKinds(server.store)).length;
    const revision = await server.store.revision();
    const downloads: { name: string; text: string }[] = [];
    const name = await saveBackup({ app: otto, download: (n, bytes) => void downloads.push({ name: n, text: new TextDecoder().decode(bytes) }) });
    expect(name).toBe("msp-billing-backup-2026-11-23.json");
    expect(downloads).toHaveLength(1);
    // the same document the server's own backup makes at that moment
    expect(downloads[0]!.text).toBe(await backupJson({ store: server.store, now: () => FIXED_NOW }, FIXED_NOW));
    expect(JSON.parse(downloads[0]!.text).tables.contracts).toHaveLength(3);
    expect(await pane.backupStatus(otto)).toEqual({ lastBackupAt: null, contracts: 3 });
    expect((await auditKinds(server.store)).length).toBe(auditBefore);
    expect(await server.store.revision()).toBe(revision);
    // locally the download is recorded (the reminder's date)
    const local = await testContext();
    await seedStore(local);
    await saveBackup({ app: local, download: () => undefined });
    expect((await pane.backupStatus(local)).lastBackupAt).toBe(FIXED_NOW);
  });

  it("restore is the admin's push --replace: a clerk or auditor gets 403 and nothing changes; the admin restores; issued invoices are never dropped", async () => {
    const admin = { store: server.store, now: () => FIXED_NOW };
    const backup = await backupJson(admin, FIXED_NOW);
    const bytes = new TextEncoder().encode(backup);
    const backupFile = { name: "team.json", bytes, sha256: "d".repeat(64) };
    const doc = JSON.parse(backup);
    const revision = await server.store.revision();
    for (const user of ["clara", "otto"]) {
      const ctx = await server.paneContext(user);
      await expect(pane.restoreBackupFile(ctx, backupFile, doc)).rejects.toMatchObject({ status: 403 });
    }
    expect(await server.store.revision()).toBe(revision);
    // The admin bills and issues a run on the team store, then restores the older backup: refused.
    const run = unwrap(await pane.runBilling(admin, { month: "2026-10" as IsoMonth, invoiceDate: "2026-11-01" as never }));
    unwrap(await finalizeRun(admin, run.runId!));
    const ada = await server.paneContext("ada");
    const refused = await pane.restoreBackupFile(ada, backupFile, doc);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.issues.map((i) => i.code)).toContain("restore.loses_invoice");
    // A backup taken now restores: the team store holds what the file holds, and the push names its file (hashed on the server).
    const now = await backupJson(admin, FIXED_NOW);
    const restored = unwrap(await pane.restoreBackupFile(ada, { name: "jetzt.json", bytes: new TextEncoder().encode(now), sha256: "ignored" }, JSON.parse(now)));
    expect(restored.file).toBe("jetzt.json");
    expect(restored.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(restored.after.contracts).toBe(3);
    expect(restored.after.invoices).toBe(restored.before.invoices);
    const audit = await auditKinds(server.store);
    expect(audit.find((e) => e.kind === "store.push")?.user).toBe("ada");
    // a file that is no backup is refused, naming it
    const bad = await pane.restoreBackupFile(ada, { name: "notiz.json", bytes: new TextEncoder().encode("{}"), sha256: "x" }, doc);
    expect(!bad.ok && bad.issues[0]!.where?.source).toBe("notiz.json");
  });
});
