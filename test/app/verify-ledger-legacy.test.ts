/**
 * verify on invoices issued before they kept a ledger digest (`ledgerHash` absent): their entries are
 * checked against their lines instead (core/integrity/ledger-consistency.ts). Such a store is made by
 * issuing with the digest left out (the module mocked), which is what older versions wrote.
 */
import { dbOf } from "../support/db-view";
import { verifyIntegrity } from "../../src/app/verify";
import type { AppContext } from "../../src/app/context";
import { issuedAndCancelledJanuary, ledgerEntriesOf } from "../support/ledger-story";

const mockIssue = { legacy: false };
jest.mock("../../src/core/integrity/ledger-digest", () => {
  const actual = jest.requireActual("../../src/core/integrity/ledger-digest");
  return { ...actual, ledgerDigest: (entries: unknown) => (mockIssue.legacy ? undefined : actual.ledgerDigest(entries)) };
});

/** January billed and issued (RE-000001, RE-000002), RE-000001 cancelled by RE-000003, all without a ledger digest. */
async function legacyStory(): Promise<AppContext> {
  mockIssue.legacy = true;
  try {
    return await issuedAndCancelledJanuary();
  } finally {
    mockIssue.legacy = false;
  }
}

const entriesOf = ledgerEntriesOf;

describe("verify: the ledger of invoices issued before they kept a ledger digest", () => {
  it("verify when their entries agree with their lines", async () => {
    const ctx = await legacyStory();
    expect((await dbOf(ctx).invoices.get("RE-000002")).ledgerHash).toBeUndefined();
    const r = await verifyIntegrity(ctx);
    expect(r.breaks).toEqual([]);
    expect(r.ledger).toEqual({ entries: 3, sealed: 0, legacy: 3 });
  });

  it.each([
    ["rounded amount", { roundedAmount: "61.81" }, { field: "roundedAmount", line: 1 }],
    ["quantity", { quantity: "4" }, { field: "quantity", line: 1 }],
    ["contract", { contractNo: "V-1" }, { field: "contractNo", line: 1 }],
    ["month", { month: "2025-12" }, { field: "month", line: 1 }],
  ])("names the invoice whose entry's %s was edited", async (_, change, where) => {
    const ctx = await legacyStory();
    const [e] = await entriesOf(ctx, "RE-000002");
    await dbOf(ctx).ledger.update(e!.id, change);
    expect((await verifyIntegrity(ctx)).breaks).toEqual([{ chain: "ledger", record: "RE-000002", problem: expect.objectContaining({ reason: "ledger_inconsistent", ...where }) }]);
  });

  it("names the invoice whose entry was deleted", async () => {
    const ctx = await legacyStory();
    const [e] = await entriesOf(ctx, "RE-000002");
    await dbOf(ctx).ledger.delete(e!.id);
    expect((await verifyIntegrity(ctx)).breaks).toEqual([{ chain: "ledger", record: "RE-000002", problem: { reason: "ledger_inconsistent", field: "entries", line: 1 } }]);
  });
});
