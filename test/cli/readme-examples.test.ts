import { cpSync, existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { runCli } from "../../src/cli/main";
import { captureIo } from "../support/cli-io";

const ROOT = resolve(__dirname, "../..");
const PREFIX = "node bin/msp-billing.js ";

/** The `node bin/msp-billing.js …` lines of each `sh` block of README.md, as argv (no quoting used there). */
function readmeExamples(): { line: number; commands: { line: number; argv: string[] }[] }[] {
  const lines = readFileSync(join(ROOT, "README.md"), "utf8").split("\n");
  const blocks: { line: number; commands: { line: number; argv: string[] }[] }[] = [];
  let block: (typeof blocks)[number] | null = null;
  lines.forEach((text, i) => {
    if (block === null && text.trim() === "```sh") block = { line: i + 1, commands: [] };
    else if (block !== null && text.trim() === "```") {
      if (block.commands.length > 0) blocks.push(block);
      block = null;
    } else if (block !== null && text.startsWith(PREFIX)) {
      const command = text.slice(PREFIX.length).replace(/\s+#.*$/, "").trim();
      if (command.includes("<")) return; // the synopsis line
      block.commands.push({ line: i + 1, argv: command.split(/\s+/) });
    }
  });
  return blocks;
}

describe("README CLI examples run as written on samples/", () => {
  const cwd = process.cwd();
  afterEach(() => process.chdir(cwd));

  const blocks = readmeExamples();
  it("finds the examples (the sample month among them)", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    const all = blocks.flatMap((b) => b.commands.map((c) => c.argv[0]));
    for (const c of ["import-master", "export-master", "reconcile", "apply", "rules", "time", "meters", "bill", "backup"]) expect(all).toContain(c);
  });

  it.each(blocks.map((b) => [b.line, b] as const))("the sh block at README.md line %i succeeds", async (_line, block) => {
    const dir = mkdtempSync(join(tmpdir(), "msp-readme-"));
    cpSync(join(ROOT, "samples"), join(dir, "samples"), { recursive: true });
    process.chdir(dir);
    for (const { line, argv } of block.commands) {
      const io = captureIo("en");
      const code = await runCli(argv, io.cli);
      if (process.env.README_EXAMPLES_VERBOSE) process.stderr.write(`$ ${argv.join(" ")}\n${io.out()}${io.err()}\n`);
      if (code !== 0) throw new Error(`README.md line ${line}: exit ${code}\n${io.err()}${io.out()}`);
      const out = argv[argv.indexOf("--out") + 1];
      if (argv.includes("--out") && out) expect(existsSync(join(dir, out))).toBe(true);
    }
    // the sample month bills every kind of line the samples are there to show
    if (existsSync(join(dir, "invoices-2026-10.csv"))) {
      const csv = readFileSync(join(dir, "invoices-2026-10.csv"), "utf8");
      for (const kind of [",time,", ",flat_fee,", ",click,", "Müller GmbH", "Druck KG"]) expect(csv).toContain(kind);
    }
  });
});
