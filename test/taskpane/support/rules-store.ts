/**
 * Shared set-up of the rules-form tests (rules-forms, rules-extra-forms): a store with the scenario's
 * contracts and rules as a JSON upload stored them, what a JSON upload of a document stores, and
 * small DOM probes for Fluent fields.
 */
import type { AppContext } from "../../../src/app/context";
import { setRules, storedRules } from "../../../src/app/time";
import { testContext } from "../../support/fixtures";
import { seedStore } from "../../support/reconcile-scenario";
import { byTestId } from "./render-pane";

/** A store with the scenario's contracts and `stored` set as rules through the JSON upload's path. */
export async function storeWithRules(stored: unknown): Promise<AppContext> {
  const ctx = await testContext();
  await seedStore(ctx);
  const r = await setRules(ctx, JSON.stringify(stored), "regeln.json");
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return ctx;
}

/** The rules a JSON upload of `doc` stores on a fresh store that holds `stored` first. */
export async function rulesViaJson(stored: unknown, doc: unknown) {
  const ctx = await storeWithRules(stored);
  const r = await setRules(ctx, JSON.stringify(doc), "form.json");
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return storedRules(ctx);
}

/** The text of the Fluent Field around the element `testId` (label, value hint, error). */
export const fieldText = (root: HTMLElement, testId: string) => byTestId(root, testId).closest(".fui-Field")!.textContent ?? "";

/** The input of `value` in a radio or checkbox group. */
export const inputOf = (root: HTMLElement, group: string, value: string) => byTestId(root, group).querySelector<HTMLInputElement>(`input[value="${value}"]`)!;
