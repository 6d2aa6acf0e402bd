/**
 * @jest-environment ./test/support/jsdom-environment.js
 */
/**
 * Deleting a saved export profile in the pane (Stammdaten → Exportprofile): *Löschen* only for a
 * saved profile, never primary, a confirmation naming the profile first; cancelled, nothing changes;
 * confirmed, the profile goes (an audit entry), the form is a new profile again and says what went.
 */
import { deleteExportProfile } from "../../src/app/export-profile-delete";
import { listExportProfiles, saveExportProfiles } from "../../src/app/export-invoices";
import { ExportProfileSection } from "../../src/taskpane/components/settings/ExportProfileSection";
import { dbOf } from "../support/db-view";
import { exportProfileNamed as profile, testContext } from "../support/fixtures";
import { primaryButtons } from "./flow/primary-probe";
import { byTestId, choose, click, queryTestId, renderPane, waitFor } from "./support/render-pane";

type Ctx = Awaited<ReturnType<typeof testContext>>;

async function stored(ctx: Ctx) {
  return { profiles: (await listExportProfiles(ctx)).profiles.map((p) => p.id), audit: (await dbOf(ctx).auditLog.toArray()).map((e: { kind: string }) => e.kind) };
}

async function rendered(language: "de" | "en") {
  const ctx = await testContext();
  await saveExportProfiles(ctx, [profile("sage", "Sage 100"), profile("lexware", "Lexware")]);
  const pane = await renderPane(<ExportProfileSection primary />, ctx, language);
  const c = pane.container;
  await waitFor(() => byTestId(c, "profile-choose").querySelector('option[value="sage"]'), "the saved profiles in the list");
  return { ctx, pane, c };
}

const options = (c: HTMLElement) => [...byTestId<HTMLSelectElement>(c, "profile-choose").options].map((o) => o.value);

describe("deleting an export profile in the pane", () => {
  it.each([
    ["de", "Löschen", "Das Exportprofil „Sage 100“ (sage) wird gelöscht.", "Exportprofil „Sage 100“ (sage) gelöscht."],
    ["en", "Delete", 'The export profile "Sage 100" (sage) is deleted.', 'Export profile "Sage 100" (sage) deleted.'],
  ] as const)("(%s) asks first naming the profile, cancelled nothing changes, confirmed the profile goes", async (language, button, asks, done) => {
    const { ctx, pane, c } = await rendered(language);
    expect(queryTestId(c, "profile-delete")).toBeNull(); // a new profile has nothing to delete
    await choose(byTestId(c, "profile-choose"), "sage");
    await waitFor(() => queryTestId(c, "profile-delete"), "the delete button");
    expect(byTestId(c, "profile-delete").textContent).toBe(button);
    const before = await stored(ctx);

    await click(byTestId(c, "profile-delete"));
    await waitFor(() => queryTestId(c, "profile-delete-confirm"), "the confirmation");
    expect(byTestId(c, "profile-delete-confirm").textContent).toContain(asks);
    // saving stays the one primary button, the confirmation open or not
    expect(await primaryButtons(c)).toEqual([byTestId(c, "profile-save").textContent]);
    await click(byTestId(c, "profile-delete-no"));
    expect(queryTestId(c, "profile-delete-confirm")).toBeNull();
    expect(await stored(ctx)).toEqual(before);

    await click(byTestId(c, "profile-delete"));
    await waitFor(() => queryTestId(c, "profile-delete-yes"), "the confirmation");
    await click(byTestId(c, "profile-delete-yes"));
    await waitFor(() => queryTestId(c, "profile-deleted"), "the deleted notice");
    expect(byTestId(c, "profile-deleted").textContent).toBe(done);
    expect(await stored(ctx)).toEqual({ profiles: ["lexware"], audit: [...before.audit, "exportProfile.delete"] });
    expect(options(c)).toEqual(["", "lexware"]);
    expect(byTestId<HTMLSelectElement>(c, "profile-choose").value).toBe("");
    expect(byTestId<HTMLInputElement>(c, "profile-id").value).toBe("");
    expect(queryTestId(c, "profile-delete")).toBeNull();
    expect(pane.storeChanges()).toBe(1);
    pane.unmount();
  });

  it("choosing another profile closes the confirmation; a profile deleted elsewhere meanwhile: the message, nothing else changes", async () => {
    const { ctx, pane, c } = await rendered("de");
    await choose(byTestId(c, "profile-choose"), "sage");
    await waitFor(() => queryTestId(c, "profile-delete"), "the delete button");
    await click(byTestId(c, "profile-delete"));
    await waitFor(() => queryTestId(c, "profile-delete-confirm"), "the confirmation");
    await choose(byTestId(c, "profile-choose"), "lexware");
    expect(queryTestId(c, "profile-delete-confirm")).toBeNull();

    await click(byTestId(c, "profile-delete"));
    await waitFor(() => queryTestId(c, "profile-delete-confirm"), "the confirmation");
    expect(byTestId(c, "profile-delete-confirm").textContent).toContain("„Lexware“ (lexware)");
    expect((await deleteExportProfile(ctx, "lexware")).ok).toBe(true); // a colleague, another window
    const before = await stored(ctx);
    await click(byTestId(c, "profile-delete-yes"));
    await waitFor(() => queryTestId(c, "profile-issues")?.textContent?.includes("lexware"), "the message");
    expect(byTestId(c, "profile-issues").textContent).toContain("Exportprofil „lexware“ gibt es nicht; nichts wurde gelöscht (gespeichert: sage).");
    expect(queryTestId(c, "profile-deleted")).toBeNull();
    expect(await stored(ctx)).toEqual(before);
    expect(pane.storeChanges()).toBe(0);
    pane.unmount();
  });
});
