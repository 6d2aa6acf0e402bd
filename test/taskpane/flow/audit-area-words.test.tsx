/**
 * @jest-environment ./test/support/jsdom-env.js
 */
/**
 * The pane's Protokoll names an entry's source in the clerk's words: *manuell* / *manual* for what
 * was typed in, the run, batch or file hash as it is (not the stored code `manual` in a German pane).
 */
import { AuditArea } from "../../../src/taskpane/components/audit/AuditArea";
import type { Language } from "../../../src/taskpane/i18n";
import { testContext } from "../../support/fixtures";
import { byTestId, renderPane, until } from "./pane-harness";

describe.each<[Language, string]>([
  ["de", "Quelle: manuell"],
  ["en", "Source: manual"],
])("the Protokoll of a %s pane", (language, expected) => {
  it("names a typed-in change's source in words", async () => {
    const ctx = await testContext();
    await ctx.store.write((tx) => tx.audit.append([{ at: "2026-11-23T10:00:00.000Z", kind: "settings.update", source: "manual", entity: "setting:company" }]));
    const pane = await renderPane(ctx, <AuditArea active />, { language });
    await until(() => expect(byTestId(pane.container, "audit-list").textContent).toContain(expected));
    pane.unmount();
  });
});
