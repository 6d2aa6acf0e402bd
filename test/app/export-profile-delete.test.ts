/**
 * Deleting a saved export profile (src/app/export-profile-delete.ts), on every store adapter
 * (MSP_TEST_STORE): the profile goes, the others stay, an audit entry keeps it; an unknown id
 * changes nothing; runs, invoices and files already made stay as they were.
 */
import { deleteExportProfile } from "../../src/app/export-profile-delete";
import { exportInvoiceBatch, listExportProfiles, loadRunInvoices, saveExportProfiles } from "../../src/app/export-invoices";
import { auditText } from "../../src/core/messages";
import { TABLES, type TableName } from "../../src/store/tables";
import { billedScenario } from "../scenarios/exports/scenario";
import { dbOf } from "../support/db-view";
import { exportProfileNamed as profile, testContext } from "../support/fixtures";

type Ctx = Awaited<ReturnType<typeof testContext>>;

const SAGE = profile("sage", "Sage 100");
const LEXWARE = profile("lexware", "Lexware");
const ERP = profile("erp", "ERP");

const ids = async (ctx: Ctx) => (await listExportProfiles(ctx)).profiles.map((p) => p.id);
const audit = async (ctx: Ctx) => dbOf(ctx).auditLog.toArray() as Promise<{ kind: string; entity: string; before?: unknown; after?: unknown }[]>;

/** Every table but the settings and the audit log, as stored. */
async function billingData(ctx: Ctx): Promise<Record<string, unknown[]>> {
  const names = (Object.keys(TABLES) as TableName[]).filter((t) => t !== "settings" && t !== "auditLog");
  return Object.fromEntries(await Promise.all(names.map(async (t) => [t, await dbOf(ctx)[t].toArray()] as const)));
}

describe("deleting an export profile", () => {
  it("removes that profile only and writes one audit entry that keeps it; the Protokoll says so in both languages", async () => {
    const ctx = await testContext();
    await saveExportProfiles(ctx, [SAGE, LEXWARE, ERP]);
    const before = (await audit(ctx)).length;
    expect(await deleteExportProfile(ctx, "lexware")).toEqual({ ok: true, value: { id: "lexware", name: "Lexware" } });
    expect(await ids(ctx)).toEqual(["erp", "sage"]);
    const entries = await audit(ctx);
    expect(entries).toHaveLength(before + 1);
    const entry = entries[entries.length - 1]!;
    expect(entry).toMatchObject({ kind: "exportProfile.delete", entity: "setting:exportProfile:lexware", before: LEXWARE });
    expect(entry.after).toBeUndefined();
    expect(auditText(entry, "de")).toBe("Exportprofil lexware gelöscht");
    expect(auditText(entry, "en")).toBe("Export profile lexware deleted");
  });

  it("an unknown id is refused naming the saved profiles, and nothing changes; a second delete of the same id is refused the same way", async () => {
    const ctx = await testContext();
    await saveExportProfiles(ctx, [SAGE, LEXWARE]);
    expect((await deleteExportProfile(ctx, "sage")).ok).toBe(true);
    const settings = await dbOf(ctx).settings.toArray();
    const entries = (await audit(ctx)).length;
    for (const id of ["sage", "datev", ""]) {
      const r = await deleteExportProfile(ctx, id);
      expect(r.ok ? [] : r.issues.map((i) => [i.code, i.severity, i.params])).toEqual([["export.profile_delete_unknown", "error", { profile: id, profiles: "lexware" }]]);
    }
    expect(await dbOf(ctx).settings.toArray()).toEqual(settings);
    expect((await audit(ctx)).length).toBe(entries);
    // with none saved, the message says so
    const empty = await deleteExportProfile(await testContext(), "sage");
    expect(!empty.ok && empty.issues[0]!.params.profiles).toBe("—");
  });

  it("deleting every profile, in any order, leaves none and one entry each; the id can be saved again (a new profile)", async () => {
    for (const order of [["sage", "lexware", "erp"], ["erp", "sage", "lexware"]]) {
      const ctx = await testContext();
      await saveExportProfiles(ctx, [SAGE, LEXWARE, ERP]);
      for (const [n, id] of order.entries()) {
        expect((await deleteExportProfile(ctx, id)).ok).toBe(true);
        expect(await ids(ctx)).toEqual(["erp", "lexware", "sage"].filter((p) => !order.slice(0, n + 1).includes(p)));
      }
      expect((await audit(ctx)).filter((e) => e.kind === "exportProfile.delete").map((e) => e.entity)).toEqual(order.map((id) => `setting:exportProfile:${id}`));
      await saveExportProfiles(ctx, [SAGE]);
      expect((await audit(ctx)).at(-1)?.kind).toBe("exportProfile.add");
      expect(await ids(ctx)).toEqual(["sage"]);
    }
  });

  it("a saved profile that no longer validates can be deleted (its id stands for its name)", async () => {
    const ctx = await testContext();
    await ctx.store.write((tx) => tx.settings.putRaw("exportProfile:alt", { id: "alt", columns: "kaputt" }));
    expect((await listExportProfiles(ctx)).issues.map((i) => i.code)).toEqual(["export.stored_invalid"]);
    expect(await deleteExportProfile(ctx, "alt")).toEqual({ ok: true, value: { id: "alt", name: "alt" } });
    expect(await listExportProfiles(ctx)).toEqual({ profiles: [], issues: [] });
    expect((await audit(ctx)).at(-1)).toMatchObject({ kind: "exportProfile.delete", before: { id: "alt", columns: "kaputt" } });
  });

  it("billing runs, invoices and files already made stay as they are; only exports through the deleted profile are refused", async () => {
    const { ctx } = await billedScenario();
    await saveExportProfiles(ctx, [SAGE, LEXWARE]);
    const run = await loadRunInvoices(ctx, "run-00002");
    if (!run.ok) throw new Error(JSON.stringify(run.issues));
    const exportAs = async (format: Parameters<typeof exportInvoiceBatch>[2]["format"]) => exportInvoiceBatch(ctx, run.value.invoices, { format, createdAt: "2026-11-23T10:00:00.000" });
    const custom = await exportAs({ kind: "custom", profileId: "sage" });
    const generic = await exportAs({ kind: "generic" });
    const other = await exportAs({ kind: "custom", profileId: "lexware" });
    if (!custom.ok || !generic.ok || !other.ok) throw new Error("export failed");
    const data = await billingData(ctx);

    expect((await deleteExportProfile(ctx, "sage")).ok).toBe(true);
    expect(await billingData(ctx)).toEqual(data);
    expect(await loadRunInvoices(ctx, "run-00002")).toEqual(run);
    const gone = await exportAs({ kind: "custom", profileId: "sage" });
    expect(gone.ok ? [] : gone.issues.map((i) => [i.code, i.params.profiles])).toEqual([["export.unknown_profile", "lexware"]]);
    const genericAfter = await exportAs({ kind: "generic" });
    const otherAfter = await exportAs({ kind: "custom", profileId: "lexware" });
    expect(genericAfter.ok && Buffer.from(genericAfter.value.bytes).equals(Buffer.from(generic.value.bytes))).toBe(true);
    expect(otherAfter.ok && Buffer.from(otherAfter.value.bytes).equals(Buffer.from(other.value.bytes))).toBe(true);
  });
});
