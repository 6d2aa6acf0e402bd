/**
 * @jest-environment ./test/support/jsdom-environment.js
 */
/**
 * The Sicherung step in server mode (jsdom): it says the download is the team store's and that the
 * server's own backups are the administrator's; a restore goes to the server as the file's bytes
 * (pushBackupFile, the admin's push --replace), and a clerk's 403 is said plainly, nothing changed.
 * The server is stood in for by the connection's `call` (the server side is tested in
 * server-pane-usage-settings.test.ts).
 */
import * as React from "react";
import { backupJson } from "../../src/app/backup";
import type { PaneCallName } from "../../src/app/pane-calls";
import { MasterDataArea } from "../../src/taskpane/components/masterData/MasterDataArea";
import { ServerCallError, ServerConnection } from "../../src/taskpane/connection/server-connection";
import { ServerStore } from "../../src/taskpane/connection/server-store";
import { ConnectionContext } from "../../src/taskpane/connection/use-connection";
import { teamBackupStrings } from "../../src/taskpane/master/team-backup-strings";
import { FIXED_NOW, testContext } from "../support/fixtures";
import { seedStore } from "../support/reconcile-scenario";
import { byTestId, click, pickFiles, queryTestId, renderPane, testFile, waitFor } from "./support/render-pane";

describe("Sicherung in server mode", () => {
  it("shows the team text; a clerk's restore is sent as the file and refused with a plain message", async () => {
    const local = await testContext();
    await seedStore(local);
    const backup = await backupJson(local, FIXED_NOW);
    const connection = new ServerConnection({ url: "https://team.example", user: "clara", role: "clerk", token: "t", expiresAt: "2099-01-01T00:00:00Z" });
    const calls: { name: PaneCallName; args: readonly unknown[] }[] = [];
    jest.spyOn(connection, "call").mockImplementation(async (name, args) => {
      calls.push({ name, args });
      if (name === "loadUserProfiles") return { profiles: [], issues: [] };
      if (name === "pushBackupFile") throw new ServerCallError(403, "role clerk may not call pushBackupFile");
      throw new Error(`unexpected call ${name}`);
    });
    const app = { store: new ServerStore(connection, 0), now: () => FIXED_NOW };
    const state = { host: null as never, server: connection, login: async () => undefined, logout: async () => undefined };
    const pane = await renderPane(
      <ConnectionContext.Provider value={state}>
        <MasterDataArea onBackup={() => undefined} />
      </ConnectionContext.Provider>,
      app,
    );
    const t = teamBackupStrings.de;
    expect(byTestId(pane.container, "section-backup").textContent).toContain(t.intro);

    await pickFiles(byTestId<HTMLInputElement>(pane.container, "backup-file"), [testFile("team.json", new TextEncoder().encode(backup))]);
    const confirm = await waitFor(() => queryTestId(pane.container, "restore-confirm"), "the restore confirmation");
    expect(confirm.textContent).toContain(t.restoreConfirmText("team.json"));
    await click(byTestId(pane.container, "restore-yes"));
    const notice = await waitFor(() => queryTestId(pane.container, "step-notice"), "the refusal");
    expect(notice.textContent).toContain(t.restoreAdminOnly);
    expect(queryTestId(pane.container, "restore-confirm")).toBeNull();
    const push = calls.find((c) => c.name === "pushBackupFile")!;
    expect(push.args).toHaveLength(1);
    const sent = push.args[0] as { name: string; bytes: Uint8Array };
    expect(Object.keys(sent).sort()).toEqual(["bytes", "name"]);
    expect(sent.name).toBe("team.json");
    expect(new TextDecoder().decode(sent.bytes)).toBe(backup);
    pane.unmount();
    await app.store.close();
  });
});
