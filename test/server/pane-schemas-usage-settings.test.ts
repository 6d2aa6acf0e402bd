/**
 * The argument schemas of the Zeiten/Zähler, usage, settings, backup and restore pane calls
 * (src/server/pane-schemas/usage-settings.ts), checked with Ajv's draft 2020-12 build (the Ajv 8
 * Fastify validates with): the pane's real arguments as they go over the wire pass, bad ones fail.
 */
import { encodeCallJson } from "../../src/app/pane-calls";
import { USAGE_SETTINGS_SCHEMAS } from "../../src/server/pane-schemas/usage-settings";
import { azureRead } from "../app/usage-fixtures";
import { TIME_CSV, TIME_RULES } from "../app/time-fixtures";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const Ajv2020 = require(require.resolve("ajv/dist/2020", { paths: [require.resolve("@fastify/ajv-compiler")] })).default as new (o: object) => {
  compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown[] | null };
};

const ajv = new Ajv2020({ strict: true, allErrors: true });
const validators = Object.fromEntries(Object.entries(USAGE_SETTINGS_SCHEMAS).map(([name, schema]) => [name, ajv.compile(schema!)]));

/** The args as the server receives them (bytes as {"$bytes": base64}). */
const wire = (args: unknown[]) => JSON.parse(encodeCallJson(args)) as unknown;
const bytes = (t: string) => new TextEncoder().encode(t);
const file = (name: string, t: string) => ({ name, bytes: bytes(t) });
const decision = { entryId: "t-1", billable: false, where: { source: "Zeiten 2026-06", row: 2, column: "abrechnen (B)" } };
const origin = { name: "Zeiten 2026-06", sha256: "b".repeat(64) };

const GOOD: Record<string, unknown[][]> = {
  importTime: [[file("zeiten.csv", TIME_CSV)], [file("zeiten.csv", TIME_CSV), { profileId: "zammad", date: "2026-06-30" }]],
  importMeters: [[file("zaehler.csv", "device_id\n")]],
  reviewMeters: [["2026-06"]],
  reviewTimeEntries: [["2026-06"]],
  applyTimeDecisions: [[[decision]], [[decision], origin], [[]]],
  setRules: [[TIME_RULES, "rules.json"]],
  timeBalanceFigures: [["V-200", "2026-06"]],
  contractNumbers: [[]],
  setUsageRules: [["{}", "usage-rules.json"]],
  importUsage: [[[azureRead()]]],
  reviewUsage: [["2020-09"]],
  applyUsageDecisions: [[[{ key: "u-1", decision: "hold" }], origin], [[{ key: "u-1", decision: "approve", where: { row: 3 } }]]],
  saveExportSettingsFile: [["datev.json", "{}"]],
  deleteExportProfile: [["sage"]],
  saveProfilesFromJson: [["[]"]],
  exportUserProfiles: [[], [["example-ingram-rde-short"]]],
  backupJson: [["2026-11-23T10:00:00.000Z"]],
  pushBackupFile: [[file("backup.json", "{}")]],
};

const BAD: Record<string, unknown[][]> = {
  importTime: [[], [{ name: "zeiten.csv", bytes: "not bytes" }], [file("zeiten.csv", ""), { date: "30.06.2026" }], [file("a.csv", ""), {}, "extra"], [{ ...file("a.csv", ""), sha256: "0".repeat(64) }]],
  importMeters: [[{ name: "", bytes: bytes("") }]],
  reviewMeters: [["2026-13"], [], ["2026-06", "extra"]],
  reviewTimeEntries: [["2026-13"], []],
  applyTimeDecisions: [[[{ entryId: "t-1", billable: "ja", where: {} }]], [[decision], { name: "x" }]],
  setRules: [[TIME_RULES], [{}, "rules.json"]],
  timeBalanceFigures: [["V-200"], ["V-200", "Juni"]],
  contractNumbers: [["x"]],
  setUsageRules: [["{}", ""]],
  importUsage: [[[]], [[{ ...azureRead(), sha256: "kurz" }]], [[{ name: "x.csv", sha256: "a".repeat(64), result: { lines: [{ ...azureRead().result.lines[0], quantity: 3 }], issues: [] } }]]],
  reviewUsage: [[202009]],
  applyUsageDecisions: [[[{ key: "u-1", decision: "bill" }]]],
  saveExportSettingsFile: [["datev.json"]],
  deleteExportProfile: [[], [""], [["sage"]], ["sage", "lexware"]],
  saveProfilesFromJson: [[[]]],
  exportUserProfiles: [["example"]],
  backupJson: [["gestern"], []],
  pushBackupFile: [[{ name: "backup.json", text: "{}" }], []],
};

describe("argument schemas of the Zeiten/Zähler, usage, settings, backup and restore pane calls", () => {
  it("cover the calls, and the pane's real arguments pass", () => {
    expect(Object.keys(USAGE_SETTINGS_SCHEMAS).sort()).toEqual(Object.keys(GOOD).sort());
    for (const [name, lists] of Object.entries(GOOD)) {
      for (const args of lists) {
        const ok = validators[name]!(wire(args));
        if (!ok) throw new Error(`${name}: ${JSON.stringify(validators[name]!.errors)}`);
      }
    }
  });

  it("bad argument lists fail: missing or extra items, wrong types, bad dates, bytes not as $bytes", () => {
    expect(Object.keys(BAD).sort()).toEqual(Object.keys(GOOD).sort());
    for (const [name, lists] of Object.entries(BAD)) {
      for (const args of lists) expect([name, validators[name]!(wire(args))]).toEqual([name, false]);
    }
  });
});
