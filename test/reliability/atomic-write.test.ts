import * as fs from "node:fs";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeFileAtomic } from "../../src/cli/atomic-write";

jest.mock("node:fs", () => {
  const actual = jest.requireActual("node:fs");
  return { ...actual, writeSync: jest.fn(actual.writeSync), renameSync: jest.fn(actual.renameSync) };
});

describe("workspace file writes are atomic", () => {
  it("a crash while writing leaves the old file intact and no temp file behind", () => {
    const d = mkdtempSync(join(tmpdir(), "msp-atomic-"));
    const file = join(d, "ws.json");
    writeFileSync(file, "old content");
    (fs.writeSync as unknown as jest.Mock).mockImplementationOnce(() => {
      throw new Error("disk full");
    });
    expect(() => writeFileAtomic(file, "new content")).toThrow("disk full");
    expect(readFileSync(file, "utf8")).toBe("old content");
    expect(readdirSync(d)).toEqual(["ws.json"]);
  });

  it("a crash before the rename leaves the old file intact", () => {
    const d = mkdtempSync(join(tmpdir(), "msp-atomic-"));
    const file = join(d, "ws.json");
    writeFileSync(file, "old content");
    (fs.renameSync as unknown as jest.Mock).mockImplementationOnce(() => {
      throw new Error("killed");
    });
    expect(() => writeFileAtomic(file, "new content")).toThrow("killed");
    expect(readFileSync(file, "utf8")).toBe("old content");
    expect(readdirSync(d)).toEqual(["ws.json"]);
  });

  it("writes the new content completely", () => {
    const d = mkdtempSync(join(tmpdir(), "msp-atomic-"));
    const file = join(d, "ws.json");
    writeFileSync(file, "old");
    writeFileAtomic(file, "x".repeat(1_000_000));
    expect(readFileSync(file, "utf8")).toHaveLength(1_000_000);
    expect(readdirSync(d)).toEqual(["ws.json"]);
  });
});
