import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EXAMPLES, suggestCommands } from "../../src/cli/help";
import { COMMAND_NAMES, loadAllCommands, runCli } from "../../src/cli/main";
import { proposeMonth } from "../../src/core/date/propose-month";
import { captureIo } from "../support/cli-io";
import { MASTER_ARTICLES, MASTER_CONTRACTS, MASTER_MAPPINGS, octoberCsv } from "../support/reconcile-scenario";

describe("CLI help, did-you-mean, language, file messages", () => {
  it("every command has an example that names the command itself", async () => {
    for (const c of await loadAllCommands()) expect(EXAMPLES[c.name]).toMatch(new RegExp(`^msp-billing ${c.name} `));
  });

  it("the lazy command table names exactly the commands its modules hold, in order", async () => {
    expect((await loadAllCommands()).map((c) => c.name)).toEqual(COMMAND_NAMES);
    expect(new Set(COMMAND_NAMES).size).toBe(COMMAND_NAMES.length);
  });

  it("`<command> --help` and `help <command>` print usage and example, exit 0; two-word commands too", async () => {
    for (const argv of [["reconcile", "--help"], ["help", "reconcile"], ["reconcile", "-h"]]) {
      const io = captureIo();
      expect(await runCli(argv, io.cli)).toBe(0);
      expect(io.out()).toContain("usage: msp-billing reconcile --workspace W");
      expect(io.out()).toContain(`example:\n  ${EXAMPLES.reconcile}`);
    }
    const de = captureIo("de");
    expect(await runCli(["time", "import", "--help"], de.cli)).toBe(0);
    expect(de.out()).toContain("Aufruf: msp-billing time import");
    expect(de.out()).toContain("Beispiel:");
  });

  it("a mistyped command gets 'did you mean', exit 2", async () => {
    const io = captureIo();
    expect(await runCli(["reconcil", "--workspace", "x"], io.cli)).toBe(2);
    expect(io.err()).toContain('unknown command "reconcil". Did you mean "reconcile"?');
    const de = captureIo("de");
    expect(await runCli(["tim", "imprt"], de.cli)).toBe(2);
    expect(de.err()).toContain("Meinten Sie „time import“?");
    expect(suggestCommands("bil", COMMAND_NAMES)).toEqual(["bill"]);
    expect(suggestCommands("time", COMMAND_NAMES)).toContain("time import");
    expect(suggestCommands("zzzzzz", COMMAND_NAMES)).toEqual([]);
  });

  it("--lang overrides the locale anywhere in argv; a bad --lang is a usage error", async () => {
    const io = captureIo("en");
    expect(await runCli(["import-master", "--lang", "de", "--workspace", join(tmpdir(), "none", "ws.db"), "/no/such/file.csv"], io.cli)).toBe(1);
    expect(io.err()).toContain("Die Datei /no/such/file.csv gibt es nicht.");
    expect(io.err()).not.toMatch(/ENOENT/);
    const bad = captureIo();
    expect(await runCli(["--lang=fr", "bill"], bad.cli)).toBe(2);
    expect(bad.err()).toContain('--lang "fr": use de or en');
  });

  it("a missing or folder file is a sentence naming the file, never ENOENT/EISDIR", async () => {
    const d = mkdtempSync(join(tmpdir(), "msp-help-"));
    mkdirSync(join(d, "folder.csv"));
    const io = captureIo();
    expect(await runCli(["import-master", "--workspace", join(d, "ws.db"), join(d, "missing.csv")], io.cli)).toBe(1);
    expect(io.err()).toContain(`There is no file ${join(d, "missing.csv")}. Check the name and the folder.`);
    const dir = captureIo();
    expect(await runCli(["import-master", "--workspace", join(d, "ws.db"), join(d, "folder.csv")], dir.cli)).toBe(1);
    expect(dir.err()).toContain("is a folder, not a file");
    expect(io.err() + dir.err()).not.toMatch(/\bE[A-Z]{3,}\b/);
  });

  it("reconcile without --period takes the month from the file and says so; a --period of another month than the file's is warned about", async () => {
    const d = mkdtempSync(join(tmpdir(), "msp-help-"));
    const files = { articles: MASTER_ARTICLES, contracts: MASTER_CONTRACTS, mappings: MASTER_MAPPINGS };
    for (const [k, v] of Object.entries(files)) writeFileSync(join(d, `${k}.csv`), v);
    writeFileSync(join(d, "nce.csv"), octoberCsv());
    const ws = join(d, "ws.db");
    expect(await runCli(["import-master", "--workspace", ws, ...Object.keys(files).map((k) => join(d, `${k}.csv`))], captureIo().cli)).toBe(0);
    const io = captureIo();
    expect(await runCli(["reconcile", "--workspace", ws, "--file", join(d, "nce.csv"), "--out", join(d, "r.csv"), "--json"], io.cli)).toBe(0);
    expect(JSON.parse(io.out()).month).toBe("2026-10");
    expect(io.err()).toContain("No --period given: reconciling October 2026");
    // October's file reconciled for November (a mistyped month or last month's file) is warned about
    const nov = captureIo();
    expect(await runCli(["reconcile", "--workspace", ws, "--file", join(d, "nce.csv"), "--period", "2026-11", "--out", join(d, "r11.csv"), "--lang", "de"], nov.cli)).toBe(0);
    expect(nov.err()).toContain("Abgeglichen wird November 2026, aber der Abrechnungszeitraum in nce.csv ist überwiegend Oktober 2026: falsche Datei oder falscher Monat?");
    const oct = captureIo();
    expect(await runCli(["reconcile", "--workspace", ws, "--file", join(d, "nce.csv"), "--period", "2026-10", "--out", join(d, "r10.csv")], oct.cli)).toBe(0);
    expect(oct.err()).not.toContain("wrong file or wrong month");
  });

  it("proposeMonth picks the month holding most days of the span, the later on a tie", () => {
    expect(proposeMonth([])).toBeNull();
    expect(proposeMonth([{ from: "2026-11-01", to: "2026-11-30" }])).toBe("2026-11");
    expect(proposeMonth([{ from: "2026-10-20", to: "2026-11-19" }])).toBe("2026-11");
    expect(proposeMonth([{ from: "2026-10-01", to: "2026-10-31" }, { from: "2026-10-15", to: "2026-11-14" }])).toBe("2026-10");
    expect(proposeMonth([{ from: "2026-01-17", to: "2026-02-14" }])).toBe("2026-01");
  });
});
