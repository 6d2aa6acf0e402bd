import { Result, fail, issue, ok } from "../core/issues";
import type { CreditorSettings } from "../core/sepa/creditor";
import { parseCreditorSettings, validateCreditorSettings } from "../io/sepa/creditor-settings";
import type { StoreTx } from "../store/port";
import type { AppContext } from "./context";

/**
 * Stores the direct debit settings (creditor name, our IBAN and BIC, creditor id; JSON as in
 * io/sepa/creditor-settings.ts) after checking them: IBAN and creditor id check digits, BIC form.
 * Nothing is stored when anything is wrong. Returns the settings in electronic form.
 */
export async function setSepaSettings(ctx: AppContext, jsonText: string): Promise<Result<CreditorSettings>> {
  const parsed = parseCreditorSettings(jsonText);
  if (!parsed.ok) return parsed;
  const value = parsed.value;
  await ctx.store.write(async (tx) => {
    const before = await tx.settings.get("sepa");
    await tx.settings.put("sepa", value);
    await tx.audit.append([{ at: ctx.now(), kind: "settings.sepa", source: "manual", entity: "settings:sepa", before, after: value }]);
  });
  return ok(value);
}

/** The stored direct debit settings, checked; fails with `sepa.settings_missing` when none are stored. */
export async function sepaSettingsIn(tx: StoreTx): Promise<Result<CreditorSettings>> {
  const stored = await tx.settings.get("sepa");
  if (stored === undefined) return fail(issue("sepa.settings_missing"));
  return validateCreditorSettings(stored);
}

/** The stored direct debit settings (for display), or null when there are none. */
export async function storedSepaSettings(ctx: AppContext): Promise<CreditorSettings | null> {
  return ctx.store.read(async (tx) => {
    const r = await sepaSettingsIn(tx);
    return r.ok ? r.value : null;
  });
}
