/**
 * Issue 16.5: NUL bytes, UTF-16 files and number bounds. Each case failed before the fix (a NUL
 * byte was stored in a name, UTF-16 text gave "header not recognised", a 38-digit quantity was
 * accepted and rounded).
 */
import { importMaster } from "../../src/app/import-master";
import { saveProfilesFromJson } from "../../src/app/profiles";
import { formatIssue } from "../../src/core/messages";
import { parseCreditorSettings } from "../../src/io/sepa/creditor-settings";
import { decodeBytes } from "../../src/io/table/decode";
import { readVendorCsv } from "../../src/io/vendor/read-vendor";
import { dbOf } from "../support/db-view";
import { testContext, textFile } from "../support/fixtures";
import {
  MASTER_ARTICLES,
  MASTER_CONTRACTS,
  octoberCsv,
} from "../support/reconcile-scenario";

function utf16(text: string, order: "le" | "be", bom: boolean): Uint8Array {
  const out = new Uint8Array(text.length * 2 + (bom ? 2 : 0));
  if (bom) out.set(order === "le" ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const at = (bom ? 2 : 0) + i * 2;
    out[at + (order === "le" ? 0 : 1)] = c & 0xff;
    out[at + (order === "le" ? 1 : 0)] = c >> 8;
  }
  return out;
}

describe("UTF-16 files (Excel 'Unicode text')", () => {
  it.each([
    ["LE with BOM", "le", true],
    ["BE with BOM", "be", true],
    ["LE without BOM", "le", false],
  ] as const)(
    "a tab-separated master file in UTF-16 %s imports like its UTF-8 twin",
    async (_, order, bom) => {
      const tab = (csv: string) => csv.replace(/,/g, "\t");
      const ctx = await testContext();
      const r = await importMaster(ctx, [
        {
          name: "articles.txt",
          bytes: utf16(tab(MASTER_ARTICLES), order, bom),
        },
        {
          name: "contracts.txt",
          bytes: utf16(tab(MASTER_CONTRACTS), order, bom),
        },
      ]);
      expect(r.ok ? [] : r.issues.map((i) => formatIssue(i))).toEqual([]);
      const twin = await testContext();
      await importMaster(twin, [
        textFile("articles.csv", MASTER_ARTICLES),
        textFile("contracts.csv", MASTER_CONTRACTS),
      ]);
      const customers = await dbOf(ctx).customers.toArray();
      expect(customers).toEqual(await dbOf(twin).customers.toArray());
      expect(customers.map((c) => c.name)).toContain("Müller GmbH");
    },
  );

  it("a UTF-16LE vendor file is read with its profile", () => {
    const text = octoberCsv();
    const r = readVendorCsv(utf16(text, "le", true), { fileName: "nce.txt" });
    const twin = readVendorCsv(new TextEncoder().encode(text), {
      fileName: "nce.txt",
    });
    expect(r.profile?.id).toBe("microsoft-nce-invoice");
    expect(r.encoding).toBe("utf-16le");
    expect(r.lines).toEqual(twin.lines);
  });

  it("UTF-8 and Windows-1252 are still told apart as before", () => {
    expect(decodeBytes(new TextEncoder().encode("a,b\nä,1")).encoding).toBe(
      "utf-8",
    );
    expect(
      decodeBytes(Uint8Array.from([0x61, 0x2c, 0xe4, 0x0a])).encoding,
    ).toBe("windows-1252");
  });
});

describe("NUL bytes and number bounds in master files", () => {
  const header = MASTER_CONTRACTS.split("\n")[0]!;
  const row = (name: string, qty: string) =>
    `10009,${name},V-9,license,monthly,advance,2026-01-01,1,M365-BP,${qty},20.60,2026-01-01`;

  it.each([
    [
      "a NUL byte in a name",
      row("Mü\u0000ller", "1"),
      'contracts.csv, row 2, column "customer_name (B)": The cell holds a control character (such as a NUL byte); it is not read.',
    ],
    [
      "a NUL byte in a quantity",
      row("Müller", "1\u00000"),
      'contracts.csv, row 2, column "quantity (J)": The cell holds a control character (such as a NUL byte); it is not read.',
    ],
    [
      "a 38-digit quantity",
      row("Müller", "1".repeat(38)),
      `contracts.csv, row 2, column "quantity (J)": "${"1".repeat(38)}" has more than 15 digits before the decimal point; quantities and amounts go up to 999,999,999,999,999.`,
    ],
    [
      "a 16-digit price",
      row("Müller", "1").replace("20.60", "1234567890123456"),
      'contracts.csv, row 2, column "unit_price (K)": "1234567890123456" has more than 15 digits before the decimal point; quantities and amounts go up to 999,999,999,999,999.',
    ],
  ])(
    "%s is refused naming the cell, and nothing is stored",
    async (_, line, message) => {
      const ctx = await testContext();
      const before = JSON.stringify(await dbOf(ctx).customers.toArray());
      const r = await importMaster(ctx, [
        textFile("articles.csv", MASTER_ARTICLES),
        textFile("contracts.csv", `${header}\n${line}`),
      ]);
      expect(r.ok ? [] : r.issues.map((i) => formatIssue(i))).toEqual([
        message,
      ]);
      expect(JSON.stringify(await dbOf(ctx).customers.toArray())).toBe(before);
      expect(await dbOf(ctx).contracts.toArray()).toEqual([]);
    },
  );

  it("15 digits before the point are still read", async () => {
    const ctx = await testContext();
    const r = await importMaster(ctx, [
      textFile("articles.csv", MASTER_ARTICLES),
      textFile(
        "contracts.csv",
        `${header}\n${row("Müller", "999999999999999.5")}`,
      ),
    ]);
    expect(r.ok ? [] : r.issues.map((i) => formatIssue(i))).toEqual([]);
  });
});

describe("profile add with no profile", () => {
  it.each(["[]", '{"profiles": []}', "5", '"x"', "null"])("%s is refused and the store is not written", async (json) => {
    const ctx = await testContext();
    const before = JSON.stringify([await dbOf(ctx).auditLog.toArray(), await dbOf(ctx).profiles.toArray()]);
    const r = await saveProfilesFromJson(ctx, json);
    expect(r.ok).toBe(false);
    expect(JSON.stringify([await dbOf(ctx).auditLog.toArray(), await dbOf(ctx).profiles.toArray()])).toBe(before);
  });
});

describe("SEPA creditor settings JSON", () => {
  it("is bounded like every JSON reader (deep nesting: a message, not a stack overflow)", () => {
    const r = parseCreditorSettings("\uFEFF" + "[".repeat(100_000) + "]".repeat(100_000));
    expect(!r.ok && r.issues.map((i) => i.code)).toEqual(["json.too_deep"]);
  });
});
