import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileSha256, sha256Hex } from "../../src/app/context";
import { readInputFiles } from "../../src/cli/read-input";

describe("readInputFiles", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "msp-read-input-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("gives each file's bytes and its SHA-256 (the same as Web Crypto's), small and large files", async () => {
    const small = join(dir, "small.csv");
    const large = join(dir, "large.csv");
    writeFileSync(small, "a;b\r\nä;1\r\n");
    const big = Buffer.alloc(3 * 1024 * 1024 + 7);
    for (let i = 0; i < big.length; i++) big[i] = (i * 31 + (i >> 9)) & 0xff;
    writeFileSync(large, big);
    const r = readInputFiles([small, large]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [s, l] = r.value;
    expect(s!.name).toBe("small.csv");
    expect(Buffer.from(s!.bytes)).toEqual(Buffer.from("a;b\r\nä;1\r\n"));
    expect(Buffer.from(l!.bytes).equals(big)).toBe(true);
    for (const f of r.value) {
      expect(f.sha256).toBe(await sha256Hex(f.bytes));
      expect(await fileSha256(f)).toBe(f.sha256);
    }
  });

  it("hashes the bytes when a host gives none", async () => {
    const bytes = new TextEncoder().encode("x");
    expect(await fileSha256({ name: "x", bytes })).toBe("2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881");
  });

  it("a missing file is an issue naming it (a sentence, no ENOENT)", () => {
    const missing = join(dir, "missing.csv");
    const r = readInputFiles([missing]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]).toMatchObject({ code: "file.not_found", params: { file: missing } });
  });
});
