/**
 * `export-profile delete` on a workspace and on the team server (`--server`): the profile goes, the
 * others and the billing run's files stay; an unknown id exits 1 naming the saved ones and saves
 * nothing; deleting is the admin's on the team server (clerk and auditor refused with 403).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../../src/cli/main";
import { captureIo } from "../support/cli-io";
import { ARTICLES_CSV, CONTRACTS_CSV_DE, exportProfileNamed as profile } from "../support/fixtures";
import { listeningServer } from "../server/server-fixture";

jest.setTimeout(60_000);

const PROFILES_JSON = JSON.stringify([profile("sage", "Sage 100"), profile("lexware", "Lexware")]);

async function cli(argv: string[], lang: "de" | "en" = "en") {
  const io = captureIo(lang);
  const code = await runCli(argv, io.cli);
  return { code, out: io.out(), err: io.err() };
}

/** A workspace with a billed month and the profiles `sage` and `lexware`. */
async function workspace() {
  const d = mkdtempSync(join(tmpdir(), "msp-profile-delete-"));
  const ws = join(d, "ws.db");
  writeFileSync(join(d, "articles.csv"), ARTICLES_CSV);
  writeFileSync(join(d, "contracts.csv"), CONTRACTS_CSV_DE);
  writeFileSync(join(d, "profiles.json"), PROFILES_JSON);
  expect((await cli(["import-master", "--workspace", ws, join(d, "articles.csv"), join(d, "contracts.csv")])).code).toBe(0);
  expect((await cli(["export-profile", "import", "--workspace", ws, join(d, "profiles.json")])).code).toBe(0);
  expect((await cli(["bill", "--workspace", ws, "--period", "2026-01", "--invoice-date", "2026-01-02", "--format", "custom:sage", "--out", join(d, "sage.csv")])).code).toBe(0);
  return { d, ws };
}

describe("export-profile delete on a workspace", () => {
  it("deletes the profile named by --id; the other stays, the files and the run stay; an export through it is refused afterwards", async () => {
    const { d, ws } = await workspace();
    const file = readFileSync(join(d, "sage.csv"), "utf8");
    expect(file).toMatch(/^BelegNr;Brutto\r\n/);
    const before = await cli(["export", "--workspace", ws, "--run", "run-00001", "--format", "de", "--out", join(d, "before.csv")]);
    expect(before.code).toBe(0);

    const r = await cli(["export-profile", "delete", "--workspace", ws, "--id", "sage"]);
    expect(r).toEqual({ code: 0, out: "export-profile delete: deleted sage (Sage 100)\n", err: "" });
    expect((await cli(["export-profile", "list", "--workspace", ws])).out).toBe("lexware\tinvoice\t2 columns\tLexware\n");
    expect(readFileSync(join(d, "sage.csv"), "utf8")).toBe(file);
    // the run exports as before; through the deleted profile it cannot
    expect((await cli(["export", "--workspace", ws, "--run", "run-00001", "--format", "de", "--out", join(d, "after.csv")])).code).toBe(0);
    expect(readFileSync(join(d, "after.csv"))).toEqual(readFileSync(join(d, "before.csv")));
    const gone = await cli(["export", "--workspace", ws, "--run", "run-00001", "--format", "custom:sage", "--out", join(d, "x.csv")]);
    expect(gone.code).toBe(1);
    expect(gone.err).toContain('Export profile "sage" does not exist (saved: lexware).');

    const json = await cli(["export-profile", "delete", "--workspace", ws, "--id", "lexware", "--json"]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toEqual({ deleted: { id: "lexware", name: "Lexware" } });
    expect((await cli(["export-profile", "list", "--workspace", ws])).out).toBe("");
  });

  it("an unknown id: exit 1, the saved profiles named (de and en), nothing deleted; no --id is a usage error", async () => {
    const { ws } = await workspace();
    const en = await cli(["export-profile", "delete", "--workspace", ws, "--id", "datev"]);
    expect(en.code).toBe(1);
    expect(en.err).toContain('Export profile "datev" does not exist; nothing was deleted (saved: lexware, sage).');
    expect(en.err).toContain("export-profile delete: nothing was deleted.");
    const de = await cli(["export-profile", "delete", "--workspace", ws, "--id", "datev"], "de");
    expect(de.err).toContain("Exportprofil „datev“ gibt es nicht; nichts wurde gelöscht (gespeichert: lexware, sage).");
    expect((await cli(["export-profile", "list", "--workspace", ws])).out.split("\n").filter(Boolean)).toHaveLength(2);
    const usage = await cli(["export-profile", "delete", "--workspace", ws]);
    expect(usage.code).toBe(2);
    expect(usage.err).toContain("--id is required");
  });
});

describe("export-profile delete on the team server (--server)", () => {
  const server = listeningServer();

  it("the admin deletes; a clerk and an auditor are refused (403) and nothing changes", async () => {
    const d = mkdtempSync(join(tmpdir(), "msp-profile-delete-server-"));
    writeFileSync(join(d, "profiles.json"), PROFILES_JSON);
    const token = async (user: string) => (await server.login(user)).authorization.slice("Bearer ".length);
    const remote = async (user: string, ...argv: string[]) => cli([...argv, "--server", server.url, "--token", await token(user)]);
    expect((await remote("ada", "export-profile", "import", join(d, "profiles.json"))).code).toBe(0);
    const revision = await server.store.revision();
    for (const [user, role] of [["clara", "clerk"], ["otto", "auditor"]] as const) {
      const refused = await remote(user, "export-profile", "delete", "--id", "sage");
      expect(refused.code).toBe(1);
      expect(refused.err).toMatch(new RegExp(`refused \\(403\\).*${role} may not run export-profile delete`));
    }
    expect(await server.store.revision()).toBe(revision);
    const done = await remote("ada", "export-profile", "delete", "--id", "sage");
    expect(done).toMatchObject({ code: 0, out: "export-profile delete: deleted sage (Sage 100)\n" });
    expect((await remote("otto", "export-profile", "list")).out).toBe("lexware\tinvoice\t2 columns\tLexware\n");
    const audit = (await server.inject({ method: "GET", url: "/api/audit?limit=5", headers: await server.login("otto") })).json() as { kind: string; user?: string }[];
    expect(audit.find((e) => e.kind === "exportProfile.delete")?.user).toBe("ada");
  });
});
