/**
 * `runBilling` on the store (watermarks, drafts issued, Stornorechnungen) against the oracle of
 * PRODUCT.md §5.2 / §5.3 (test/support/billing-oracle.ts): runs with gaps, version batches reaching
 * back into billed months, contract starts and ends corrected, and between the runs invoices
 * cancelled (Stornorechnung) or draft runs undone.
 * After every run the stored ledger is the current charge per position and month, every due month is
 * billed, each line is rounded once, VAT per rate on the sum of the nets, and a preview of the same
 * month shows nothing more.
 */
import fc from "fast-check";
import { runBilling } from "../../src/app/bill";
import { cancelInvoice } from "../../src/app/cancel-invoice";
import { finalizeRun } from "../../src/app/issue-run";
import { undoRun } from "../../src/app/undo-run";
import type { Invoice } from "../../src/core/billing/invoice";
import type { LedgerEntry } from "../../src/core/billing/ledger";
import type { AppContext } from "../../src/app/context";
import {
  BASE_MONTH,
  checkStep,
  contractOf,
  initialTerm,
  nextTerm,
  firstDay,
  isoOf,
  linesOf,
  monthText,
  scenarioArb,
  termChanged,
  toVersion,
} from "../support/billing-oracle";
import { testContext } from "../support/fixtures";
import { verifyIntegrity } from "../../src/app/verify";
import { ledgerMismatch } from "../../src/core/integrity/ledger-consistency";

/** Every issued invoice (Stornorechnungen too) against its ledger entries, as verify checks invoices issued before they kept a ledger digest. */
async function ledgerMismatches(ctx: AppContext): Promise<unknown[]> {
  const ledger = await ledgerOf(ctx);
  const out: unknown[] = [];
  for (const run of await ctx.store.read((tx) => tx.runs.all())) {
    if (!run.issuedAt || run.undoneAt) continue;
    for (const inv of await ctx.store.read((tx) => tx.invoices.ofRun(run.id))) {
      const m = ledgerMismatch(inv, ledger.filter((e) => e.runId === inv.runId && e.invoiceRef === inv.invoiceRef));
      if (m) out.push({ invoice: inv.invoiceRef, ...m });
    }
  }
  return out;
}

async function ledgerOf(ctx: AppContext): Promise<LedgerEntry[]> {
  return ctx.store.read(async (tx) => {
    const all: LedgerEntry[] = [];
    await tx.ledger.forEach((e) => void all.push(e));
    return all;
  });
}

describe("runBilling against the §5.2/§5.3 oracle", () => {
  it("runs, retroactive changes, corrected terms, cancelled invoices and undone drafts: the stored ledger stays the current charge", async () => {
    const seen = { differences: 0, cancelled: 0, undone: 0 };
    // after each run: issue it (and maybe cancel its invoice before the next run), or undo the draft
    const actionArb = fc.constantFrom("issue", "issue", "cancel", "undo");
    await fc.assert(
      fc.asyncProperty(scenarioArb, fc.array(actionArb, { minLength: 5, maxLength: 5 }), async (s, actions) => {
        const ctx = await testContext();
        try {
          let seq = 1;
          let term = initialTerm(s);
          let versions = s.initial.map((v) => toVersion(v, seq++));
          await ctx.store.write(async (tx) => {
            await tx.customers.putMany([{ no: "K-1", name: "Muster GmbH" }]);
            await tx.contracts.putMany([contractOf(s, term)]);
            await tx.versions.addMany(versions);
          });
          let run = BASE_MONTH + s.firstRun;
          let last: Invoice | undefined;
          for (let k = 0; k <= s.steps.length; k++) {
            if (k > 0) {
              const step = s.steps[k - 1]!;
              if (last) {
                const c = await cancelInvoice(ctx, last.invoiceRef, { date: last.invoiceDate });
                if (!c.ok) throw new Error(JSON.stringify(c.issues));
                seen.cancelled++;
                last = undefined;
              }
              const batch = step.batch.map((v) => toVersion(v, seq++));
              versions = [...versions, ...batch];
              term = nextTerm(term, step);
              await ctx.store.write(async (tx) => {
                if (batch.length > 0) await tx.versions.addMany(batch);
                if (termChanged(step)) await tx.contracts.putMany([contractOf(s, term)]);
              });
              run += step.gap;
            }
            const book = { contract: contractOf(s, term), versions };
            const before = await ledgerOf(ctx);
            const month = monthText(run);
            const billed = await runBilling(ctx, { month, invoiceDate: isoOf(firstDay(run + 1) - 1) });
            if (!billed.ok) throw new Error(JSON.stringify(billed.issues));
            const after = await ledgerOf(ctx);
            const ids = new Set(before.map((e) => e.id));
            const preview = await runBilling(ctx, { month, dryRun: true });
            if (!preview.ok) throw new Error(JSON.stringify(preview.issues));
            const step = { book, run, before, result: { invoices: billed.value.invoices, newLedgerEntries: after.filter((e) => !ids.has(e.id)) } };
            checkStep(s, step, () => preview.value.invoices);
            seen.differences += linesOf(billed.value.invoices).filter((l) => l.lineType === "difference").length;
            const action = actions[k]!;
            if (billed.value.runId && action === "undo") {
              const undone = await undoRun(ctx, billed.value.runId);
              if (!undone.ok) throw new Error(JSON.stringify(undone.issues));
              expect(await ledgerOf(ctx)).toEqual(before);
              seen.undone++;
            } else if (billed.value.runId) {
              const issued = await finalizeRun(ctx, billed.value.runId);
              if (!issued.ok) throw new Error(JSON.stringify(issued.issues));
              if (action === "cancel") last = billed.value.invoices[0];
            }
          }
          // The ledger of every issued invoice verifies (digest), and passes the older invoices' check too.
          expect((await verifyIntegrity(ctx)).breaks).toEqual([]);
          expect(await ledgerMismatches(ctx)).toEqual([]);
        } finally {
          await ctx.store.close();
        }
      }),
      { numRuns: 100 },
    );
    expect(seen.differences).toBeGreaterThan(10);
    expect(seen.cancelled).toBeGreaterThan(10);
    expect(seen.undone).toBeGreaterThan(10);
  }, 120_000);
});
